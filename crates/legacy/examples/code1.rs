//! Codes one sentence with the PETRARCH or TABARI validation dictionaries (debug aid).
use rung_legacy::*;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let args: Vec<String> = std::env::args().collect();
    let d = if args[1] == "tabari" {
        load_tabari_project(&shared.join("tabari/Validate.project"), LoadOptions::default())?
    } else {
        let p = shared.join("petrarch/petrarch2");
        let mut d = LegacyDictionaries::default();
        d.load_file(FileKind::Verbs(Flavor::Petrarch), &p.join("PETR.Validate.verbs.txt"), LoadOptions::default())?;
        d.load_file(FileKind::Actors(Flavor::Petrarch), &p.join("PETR.Validate.actors.txt"), LoadOptions::default())?;
        d.load_file(FileKind::Agents(Flavor::Petrarch), &p.join("PETR.Validate.agents.txt"), LoadOptions::default())?;
        d
    };
    let words = tokenize(&args[2]);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    println!("{refs:?}");
    let c = LegacyCoder::new(&d);
    for e in c.code_sentence(&refs, None, Some((1995, 1, 4))) {
        println!("{e:?}");
    }
    Ok(())
}
