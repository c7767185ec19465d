//! Prints the analysis of each argument sentence (space-separated words).
//! `cargo run --release --example show_parse -- [--model FILE] "Rebels attacked the base ."`

use rung_parse::{Analysis, SyntaxModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let owned;
    let model = if args.first().map(String::as_str) == Some("--model") {
        owned = SyntaxModel::load(std::path::Path::new(&args[1]))?;
        args.drain(..2);
        &owned
    } else {
        SyntaxModel::builtin()?
    };
    let mut a = Analysis::default();
    for s in &args {
        let forms: Vec<&str> = s.split_whitespace().collect();
        model.analyse(&forms, &mut a);
        for (i, f) in forms.iter().enumerate() {
            let head = a.head(i).map_or("ROOT", |h| forms[h]);
            println!(
                "{}\t{f}\t{}\t{}\t{}\t{}\t{head}",
                i + 1,
                a.lemma(i),
                a.upos(i).as_str(),
                a.xpos(i),
                a.deprel(i)
            );
        }
        println!();
    }
    Ok(())
}
