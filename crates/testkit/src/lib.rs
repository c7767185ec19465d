//! rung-testkit: golden tests from data files.
//!
//! Every stage keeps its cases in `testdata/<stage>/*.toml`; the file name is the group
//! name. A file holds `[[test]]` tables; each is deserialized into the stage's own case
//! type and run by a closure that returns `Err(message)` on failure. All failures are
//! collected and reported at the end, each named `group/case`.
//!
//! `RUNG_TEST_FILTER=substring` runs only the cases whose `group/name` contains it. A case
//! with a `skip = "reason"` field is reported as skipped, never silently dropped.
//!
//! Shared data (`../shared`, beside the repository) is located by [`shared_dir`]; tests
//! that need it call [`require_shared`], which skips with a printed reason when it is
//! absent and panics when `RUNG_REQUIRE_SHARED=1` (as CI sets it).
#![deny(missing_docs)]

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The fields every case has, whatever its stage.
#[derive(Debug, Deserialize)]
struct Common {
    name: String,
    #[serde(default)]
    skip: Option<String>,
}

#[derive(Debug, Deserialize)]
struct File<T> {
    test: Vec<T>,
}

#[derive(Debug, Deserialize)]
struct CommonFile {
    test: Vec<Common>,
}

/// The repository root (the workspace directory holding `testdata/`).
pub fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|p| p.join("testdata").is_dir() && p.join("Cargo.toml").is_file())
        .unwrap_or(here)
        .to_path_buf()
}

/// The shared data directory: `$RUNG_SHARED`, else `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("RUNG_SHARED") {
        Some(p) => PathBuf::from(p),
        None => repo_root().join("..").join("shared"),
    }
}

/// Returns the path of `rel` under the shared directory, or `None` (after printing why)
/// when it is absent. Panics when absent and `RUNG_REQUIRE_SHARED=1`.
///
/// # Panics
/// When the path is missing and `RUNG_REQUIRE_SHARED=1` is set.
pub fn require_shared(rel: &str) -> Option<PathBuf> {
    let p = shared_dir().join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("RUNG_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!("RUNG_REQUIRE_SHARED=1 but {} is missing", p.display());
    }
    eprintln!(
        "skipping: {} is absent (set RUNG_SHARED or place shared/ beside the repo)",
        p.display()
    );
    None
}

/// Outcome of a golden run.
#[derive(Debug, Default)]
pub struct Report {
    /// Cases run and passed.
    pub passed: usize,
    /// Cases skipped, with their reasons.
    pub skipped: Vec<String>,
    /// Failures: `group/name: message`.
    pub failed: Vec<String>,
}

/// Runs every case of every `*.toml` file in `testdata/<stage>/` through `run`.
///
/// # Panics
/// When any case fails or a file cannot be read or parsed, listing all failures.
pub fn run_golden<T, F>(stage: &str, mut run: F) -> Report
where
    T: DeserializeOwned,
    F: FnMut(&T) -> Result<(), String>,
{
    let dir = repo_root().join("testdata").join(stage);
    let filter = std::env::var("RUNG_TEST_FILTER").unwrap_or_default();
    let mut report = Report::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files {
        let group = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let src = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let common: CommonFile = match toml::from_str(&src) {
            Ok(c) => c,
            Err(e) => {
                report.failed.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let cases: File<T> = match toml::from_str(&src) {
            Ok(c) => c,
            Err(e) => {
                report.failed.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        for (c, case) in common.test.iter().zip(cases.test.iter()) {
            let id = format!("{group}/{}", c.name);
            if !filter.is_empty() && !id.contains(&filter) {
                continue;
            }
            if let Some(reason) = &c.skip {
                report.skipped.push(format!("{id}: {reason}"));
                continue;
            }
            match run(case) {
                Ok(()) => report.passed += 1,
                Err(msg) => report.failed.push(format!("{id}: {msg}")),
            }
        }
    }
    eprintln!(
        "golden {stage}: {} passed, {} failed, {} skipped",
        report.passed,
        report.failed.len(),
        report.skipped.len()
    );
    for s in &report.skipped {
        eprintln!("  skipped {s}");
    }
    if !report.failed.is_empty() {
        panic!(
            "{} golden case(s) failed in {stage}:\n  {}",
            report.failed.len(),
            report.failed.join("\n  ")
        );
    }
    report
}

/// What the shared scorer (`eval/score`) said about a set of predictions.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Required recall.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// Field checks as (name, right, total).
    pub fields: Vec<(String, usize, usize)>,
    /// The scorer's whole report (with `--verbose`).
    pub report: String,
}

/// Scores `pred` (JSON Lines) against `golds` with the shared scorer at `score`. `None`
/// (with the reason printed) when python3 cannot run it.
///
/// # Panics
/// When the scorer runs but prints no summary line: a broken scorer must fail the test.
pub fn score_events(score: &Path, golds: &[PathBuf], pred: &Path) -> Option<Scored> {
    let run = std::process::Command::new("python3")
        .arg(score)
        .args(golds)
        .arg("--pred")
        .arg(pred)
        .arg("--verbose")
        .output();
    let Ok(run) = run else {
        eprintln!("skipping: python3 is not available to run the scorer");
        return None;
    };
    let report = String::from_utf8_lossy(&run.stdout).to_string();
    let last = report
        .lines()
        .find(|l| l.starts_with("required recall"))
        .unwrap_or_else(|| panic!("no scorer summary in: {report}"));
    let num = |key: &str| -> f64 {
        let tail = &last[last.find(key).map_or(0, |i| i + key.len())..];
        let eq = tail.find('=').map_or(0, |i| i + 1);
        tail[eq..]
            .trim()
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()
            .and_then(|x| x.parse().ok())
            .unwrap_or_else(|| panic!("unreadable scorer summary: {last}"))
    };
    let fields = report
        .lines()
        .filter_map(|l| l.strip_prefix("field "))
        .filter_map(|l| {
            let (name, counts) = l.split_once(": ")?;
            let (ok, n) = counts.split_once('/')?;
            Some((
                name.to_string(),
                ok.trim().parse().ok()?,
                n.trim().parse().ok()?,
            ))
        })
        .collect();
    Some(Scored {
        recall: num("recall"),
        precision: num("precision"),
        fields,
        report,
    })
}
