//! The acceptance bar on the shared seed articles: code them with the real pipeline, score
//! with the shared scorer (`eval/score`), and require recall >= 0.95, precision >= 0.85
//! and every field check correct. Skips when the shared data is absent.

use rung_coder::Coder;
use rung_text::{Document, Metadata};
use std::io::Write;
use std::process::Command;

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
    let run = Command::new("python3")
        .arg(&score)
        .args(&golds)
        .arg("--pred")
        .arg(&out_path)
        .arg("--verbose")
        .output();
    let Ok(run) = run else {
        eprintln!("skipping: python3 is not available to run the scorer");
        return;
    };
    let report = String::from_utf8_lossy(&run.stdout).to_string();
    eprintln!("{report}");
    let last = report
        .lines()
        .find(|l| l.starts_with("required recall"))
        .expect("scorer summary");
    let num = |key: &str| -> f64 {
        let tail = &last[last.find(key).unwrap() + key.len()..];
        let eq = tail.find('=').unwrap();
        tail[eq + 1..]
            .trim()
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let (recall, precision) = (num("recall"), num("precision"));
    for l in report.lines().filter(|l| l.starts_with("field ")) {
        let (ok, n) = l.split_once(": ").unwrap().1.split_once('/').unwrap();
        assert_eq!(ok.trim(), n.trim(), "field check failed: {l}");
    }
    assert!(recall >= 0.95, "recall {recall} < 0.95");
    assert!(precision >= 0.85, "precision {precision} < 0.85");
}
