//! `rung code --dict`: users' PETRARCH dictionaries on top of rung's own.

use std::path::Path;
use std::process::Command;

fn rung() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rung"))
}

/// The `(recall, precision)` of the shared scorer's last line.
fn score(pred: &Path, shared: &Path) -> (f64, f64) {
    let golds: Vec<_> = std::fs::read_dir(shared.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    let out = Command::new("python3")
        .arg(shared.join("eval/score"))
        .args(&golds)
        .arg("--pred")
        .arg(pred)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap_or_default().to_string();
    // "required recall 20/20 = 1.000; precision 26/27 = 0.963; F1 0.981"
    let nums: Vec<f64> = last
        .split(['=', ';'])
        .filter_map(|p| p.trim().split(' ').next()?.parse().ok())
        .collect();
    assert!(nums.len() >= 2, "unexpected scorer output: {text}");
    (nums[0], nums[1])
}

fn seeds(shared: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// With the full Phoenix dictionaries merged on top of rung's own, the seed score still
/// meets the coding bar (recall ≥ 0.95, precision ≥ 0.85).
#[test]
fn phoenix_on_top_keeps_the_seed_score() {
    let Some(petrarch) = rung_testkit::require_shared("data/petrarch/petrarch2") else {
        return;
    };
    let shared = rung_testkit::shared_dir();
    let out = rung()
        .arg("code")
        .arg("--lenient-dict")
        .arg(format!("--dict=petrarch:{}", petrarch.display()))
        .args(seeds(&shared))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("actor/agent entries added"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("events.jsonl");
    std::fs::write(&pred, &out.stdout).unwrap();
    let (recall, precision) = score(&pred, &shared);
    assert!(
        recall >= 0.95 && precision >= 0.85,
        "recall {recall}, precision {precision}"
    );
}

/// A dictionary with a malformed line is refused, naming the file and the line, unless
/// the user asks for lenient reading.
#[test]
fn malformed_dictionary_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let actors = dir.path().join("mine.actors.txt");
    // Our own two-entry actor file; the second line's date range has seven digits.
    std::fs::write(
        &actors,
        "FREEDONIA_ [FRD]\nRUFUS_T._FIREFLY_ [FRDGOV 9008223-911221]\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Freedonia condemned the attack on Monday.\n").unwrap();
    let out = rung()
        .arg("code")
        .arg(format!("--dict=phoenix-actors:{}", actors.display()))
        .arg(&article)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mine.actors.txt:2"), "{stderr}");
    let lenient = rung()
        .arg("code")
        .arg("--lenient-dict")
        .arg(format!("--dict=phoenix-actors:{}", actors.display()))
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        lenient.status.success(),
        "{}",
        String::from_utf8_lossy(&lenient.stderr)
    );
}
