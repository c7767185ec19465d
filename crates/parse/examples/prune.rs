//! Evaluates pruning levels of a trained model on EWT dev.
//! `cargo run --release --example prune -- MODEL DIR OUT tagger_min parser_min [more pairs...]`

use rung_parse::{conllu, eval, Analysis, SyntaxModel};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1])?;
    let dev = conllu::parse(&std::fs::read_to_string(
        std::path::Path::new(&args[2]).join("en_ewt-ud-dev.conllu"),
    )?)?;
    let mut a = Analysis::default();
    for pair in args[4..].chunks(2) {
        let mut m = SyntaxModel::from_bytes(&bytes)?;
        m.prune(pair[0].parse()?, pair[1].parse()?);
        let out = m.to_bytes();
        let t = Instant::now();
        let m = SyntaxModel::from_bytes(&out)?;
        let load = t.elapsed().as_secs_f64();
        let forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
        let t = Instant::now();
        for f in &forms {
            m.analyse(f, &mut a);
        }
        let speed = forms.iter().map(Vec::len).sum::<usize>() as f64 / t.elapsed().as_secs_f64();
        let pred: Vec<_> = dev.iter().map(|s| m.annotate(s, &mut a)).collect();
        println!(
            "prune {} {}: {} bytes, load {:.3}s, {:.0} words/s, size {:?}, dev {}",
            pair[0],
            pair[1],
            out.len(),
            load,
            speed,
            m.size(),
            eval::score(&dev, &pred)?
        );
        std::fs::write(format!("{}.{}-{}", args[3], pair[0], pair[1]), &out)?;
    }
    Ok(())
}
