//! Trains on an EWT directory and writes a model (the library side of `rung train syntax`).
//! `cargo run --release --example train_ewt -- DIR OUT [tagger_epochs parser_epochs folds]`

use rung_parse::{conllu, train, SyntaxModel, TrainOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::Path::new(&args[1]);
    let read = |name: &str| -> Result<Vec<conllu::Sentence>, Box<dyn std::error::Error>> {
        Ok(conllu::parse(&std::fs::read_to_string(dir.join(name))?)?)
    };
    let tr = read("en_ewt-ud-train.conllu")?;
    let dev = read("en_ewt-ud-dev.conllu")?;
    let test = read("en_ewt-ud-test.conllu")?;
    let mut o = TrainOptions::default();
    if args.len() > 5 {
        o.tagger_epochs = args[3].parse()?;
        o.parser_epochs = args[4].parse()?;
        o.folds = args[5].parse()?;
    }
    if args.len() > 6 {
        o.ambiguity_min = args[6].parse()?;
    }
    if args.len() > 7 {
        o.explore = args[7].parse()?;
    }
    let t0 = Instant::now();
    let m = train(&tr, Some(&dev), &o, &mut |s| eprintln!("{s}"))?;
    eprintln!(
        "trained in {:.1}s; size {:?}",
        t0.elapsed().as_secs_f64(),
        m.size()
    );
    let bytes = m.to_bytes();
    std::fs::write(&args[2], &bytes)?;
    let t1 = Instant::now();
    let m = SyntaxModel::from_bytes(&bytes)?;
    eprintln!(
        "{} bytes, loads in {:.3}s",
        bytes.len(),
        t1.elapsed().as_secs_f64()
    );
    let mut a = rung_parse::Analysis::default();
    for (name, set) in [("dev", &dev), ("test", &test)] {
        let t2 = Instant::now();
        let pred: Vec<_> = set.iter().map(|s| m.annotate(s, &mut a)).collect();
        let sc = rung_parse::eval::score(set, &pred)?;
        eprintln!(
            "{name}: {sc} ({:.0} tok/s)",
            sc.words as f64 / t2.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
