//! Most frequent UPOS and relation confusions of a model on EWT dev.
//! `cargo run --release --example confusion -- MODEL DIR`

use rung_parse::{conllu, Analysis, SyntaxModel};
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let m = SyntaxModel::load(std::path::Path::new(&args[1]))?;
    let dev = conllu::parse(&std::fs::read_to_string(
        std::path::Path::new(&args[2]).join("en_ewt-ud-dev.conllu"),
    )?)?;
    let mut a = Analysis::default();
    let (mut tags, mut rels, mut words): (
        HashMap<String, usize>,
        HashMap<String, usize>,
        HashMap<String, usize>,
    ) = Default::default();
    for s in &dev {
        let p = m.annotate(s, &mut a);
        for (g, w) in s.words.iter().zip(&p.words) {
            if g.upos != w.upos {
                *tags.entry(format!("{} -> {}", g.upos, w.upos)).or_default() += 1;
                *words
                    .entry(format!("{} {} -> {}", g.form, g.upos, w.upos))
                    .or_default() += 1;
            }
            if g.head != w.head {
                *rels
                    .entry(format!("head wrong, gold {}", g.deprel))
                    .or_default() += 1;
            } else if g.deprel != w.deprel {
                *rels
                    .entry(format!("{} -> {}", g.deprel, w.deprel))
                    .or_default() += 1;
            }
        }
    }
    for (name, map) in [("UPOS", tags), ("relations", rels), ("words", words)] {
        let mut v: Vec<_> = map.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("== {name}");
        for (k, n) in v.iter().take(25) {
            println!("{n:6} {k}");
        }
    }
    Ok(())
}
