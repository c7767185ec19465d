//! Golden cases in testdata/parse/*.toml: key relations the event coder relies on.
//!
//! A case gives pre-tokenized `words` (space-separated) and expectations written
//! `rel head dependent` (words by form, `#n` suffix for the n-th occurrence, 1-based), or
//! `lemma form lemma`, or `upos form TAG`.

use rung_parse::{Analysis, SyntaxModel};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    words: String,
    #[serde(default)]
    arcs: Vec<String>,
    #[serde(default)]
    lemmas: Vec<String>,
    #[serde(default)]
    upos: Vec<String>,
}

fn find(forms: &[&str], w: &str) -> Result<usize, String> {
    let (form, nth) = match w.rsplit_once('#') {
        Some((f, n)) => (
            f,
            n.parse::<usize>()
                .map_err(|_| format!("bad occurrence in {w}"))?,
        ),
        None => (w, 1),
    };
    forms
        .iter()
        .enumerate()
        .filter(|(_, f)| **f == form)
        .nth(nth - 1)
        .map(|x| x.0)
        .ok_or(format!("no word {w}"))
}

fn check(m: &SyntaxModel, c: &Case) -> Result<(), String> {
    let forms: Vec<&str> = c.words.split_whitespace().collect();
    let mut a = Analysis::default();
    m.analyse(&forms, &mut a);
    let show = || {
        (0..a.len())
            .map(|i| {
                format!(
                    "{}/{}/{}<-{}",
                    forms[i],
                    a.upos(i).as_str(),
                    a.deprel(i),
                    a.head(i).map_or("ROOT", |h| forms[h])
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut errs = Vec::new();
    for arc in &c.arcs {
        let p: Vec<&str> = arc.split_whitespace().collect();
        let [rel, head, dep] = p[..] else {
            return Err(format!("bad arc {arc:?}"));
        };
        let d = find(&forms, dep)?;
        let h = if head == "ROOT" {
            None
        } else {
            Some(find(&forms, head)?)
        };
        if a.head(d) != h || a.deprel(d) != rel {
            errs.push(format!("expected {arc}"));
        }
    }
    for l in &c.lemmas {
        let Some((f, want)) = l.split_once(' ') else {
            return Err(format!("bad lemma {l:?}"));
        };
        let i = find(&forms, f)?;
        if a.lemma(i) != want {
            errs.push(format!("lemma of {f}: {} != {want}", a.lemma(i)));
        }
    }
    for u in &c.upos {
        let Some((f, want)) = u.split_once(' ') else {
            return Err(format!("bad upos {u:?}"));
        };
        let i = find(&forms, f)?;
        if a.upos(i).as_str() != want {
            errs.push(format!("upos of {f}: {} != {want}", a.upos(i).as_str()));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(format!("{} in: {}", errs.join("; "), show()))
    }
}

#[test]
fn golden_parse() {
    let m = SyntaxModel::builtin().unwrap();
    rung_testkit::run_golden("parse", |c: &Case| check(m, c));
}
