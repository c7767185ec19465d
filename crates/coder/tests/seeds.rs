//! The acceptance bar on the shared seed articles: code them with the real pipeline, score
//! with the shared scorer (`eval/score`), and require recall >= 0.95, precision >= 0.85
//! and every field check correct. Skips when the shared data is absent.

use rung_coder::Coder;
use rung_text::{Document, Metadata};
use std::io::Write;

#[test]
fn seeds_meet_the_bar() {
    let Some(seeds) = rung_testkit::require_shared("seeds") else {
        return;
    };
    let Some(gold) = rung_testkit::require_shared("gold") else {
        return;
    };
    let Some(score) = rung_testkit::require_shared("eval/score") else {
        return;
    };
    let coder = Coder::builtin().expect("built-in coder");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let out_path = std::env::temp_dir().join(format!("rung-seeds-{}.jsonl", std::process::id()));
    let mut out = std::fs::File::create(&out_path).unwrap();
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let doc = Document::new(p.display().to_string(), text, Metadata::default());
        for e in coder.code(&doc, None).events {
            writeln!(out, "{}", serde_json::to_string(&e).unwrap()).unwrap();
        }
    }
    drop(out);
    let mut golds: Vec<_> = std::fs::read_dir(&gold)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    golds.sort();
    let Some(sc) = rung_testkit::score_events(&score, &golds, &out_path) else {
        return;
    };
    eprintln!("{}", sc.report);
    for (name, ok, n) in &sc.fields {
        assert_eq!(ok, n, "field check failed: {name} {ok}/{n}");
    }
    assert!(sc.recall >= 0.95, "recall {} < 0.95", sc.recall);
    assert!(sc.precision >= 0.85, "precision {} < 0.85", sc.precision);
}
