//! Runs both validation suites from ../shared and prints the reports (development aid).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let args: Vec<String> = std::env::args().collect();
    let run = rung_legacy::RunOptions {
        use_parse: args.iter().any(|a| a == "--parse"),
        use_record_parses: args.iter().any(|a| a == "--record-parses"),
        simple_tokenizer: args.iter().any(|a| a == "--simple"),
    };
    let which = args.get(1).map(String::as_str).unwrap_or("both");
    if which != "petrarch" {
        let (r, _) = rung_legacy::run_tabari(&shared.join("tabari"), &run)?;
        println!("{}", r.render("tabari", true));
    }
    if which != "tabari" {
        let (r, _) = rung_legacy::run_petrarch(&shared.join("petrarch/petrarch2"), &run)?;
        println!("{}", r.render("petrarch", true));
    }
    Ok(())
}
