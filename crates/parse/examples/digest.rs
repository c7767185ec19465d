//! Prints every prediction of the builtin model over EWT dev forms (one line per word:
//! UPOS, XPOS, lemma, head, deprel) and, on stderr, a digest of them: run before and after
//! a speed change and `diff` the outputs to prove the change left every answer alone.
//! `cargo run --release --example digest -- ../shared/data/ud-english-ewt > out.txt`

use rung_parse::{conllu, Analysis, SyntaxModel};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: digest EWT_DIR")?;
    let m = SyntaxModel::builtin()?;
    let dev = conllu::parse(&std::fs::read_to_string(
        std::path::Path::new(&dir).join("en_ewt-ud-dev.conllu"),
    )?)?;
    let mut a = Analysis::default();
    let mut out = String::new();
    for s in &dev {
        let forms = s.forms();
        m.analyse(&forms, &mut a);
        for i in 0..a.len() {
            let head = a.head(i).map_or(0, |h| h + 1);
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                a.upos(i).as_str(),
                a.xpos(i),
                a.lemma(i),
                head,
                a.deprel(i)
            )?;
        }
        out.push('\n');
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    out.hash(&mut h);
    eprintln!("{} lines, digest {:016x}", out.lines().count(), h.finish());
    print!("{out}");
    Ok(())
}
