//! `rung code` on several threads: the same output, in the same order, as on one.

use std::process::{Command, Output};

fn code(threads: &str, paths: &[&std::path::Path]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rung"));
    c.args(["code", "--threads", threads, "--doc-date", "2024-03-04"]);
    c.args(paths);
    c.output().expect("run rung")
}

#[test]
fn threads_keep_input_order_and_report_every_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Many short documents of different lengths, so workers finish out of order, with a
    // malformed line in the middle.
    let mut jsonl = String::new();
    for i in 0..120 {
        if i == 57 {
            jsonl.push_str("{\"id\": \"broken\"\n");
            continue;
        }
        let filler = "Residents queued for water in the cold. ".repeat(i % 9);
        jsonl.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"{filler}Russian forces shelled Kharkiv on Monday, killing {} civilians. Germany pledged more air defence systems to Ukraine.\"}}\n",
            i + 2
        ));
    }
    let path = dir.path().join("notes.jsonl");
    std::fs::write(&path, jsonl).expect("write corpus");
    let missing = dir.path().join("missing.txt");
    let one = code("1", &[&path, &missing]);
    let two = code("2", &[&path, &missing]);
    let three = code("3", &[&path, &missing]);
    let out = String::from_utf8_lossy(&one.stdout);
    assert!(out.lines().count() >= 200, "too few events:\n{out}");
    let docs: Vec<&str> = out.lines().filter_map(|l| l.split('"').nth(3)).collect();
    assert_eq!(docs.first(), Some(&"d0"));
    assert_eq!(docs.last(), Some(&"d119"));
    for other in [&two, &three] {
        assert_eq!(
            one.stdout, other.stdout,
            "output differs across thread counts"
        );
        assert_eq!(one.status.code(), Some(1));
        assert_eq!(other.status.code(), Some(1));
        let err = String::from_utf8_lossy(&other.stderr);
        assert!(err.contains("notes.jsonl:58"), "bad line not named: {err}");
        assert!(err.contains("missing.txt"), "missing file not named: {err}");
    }
}
