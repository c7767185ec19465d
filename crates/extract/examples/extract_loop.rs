//! Runs both finders over the benchmark corpus many times, for `perf stat` or
//! `valgrind --tool=callgrind`: CPU time per sentence on a machine too busy for
//! wall-clock benchmarks. `cargo run --release -p rung-extract --example extract_loop [rounds]`
#[path = "../benches/corpus.rs"]
mod corpus;

use rung_extract::{find_quantities, find_times};
use rung_text::DocDate;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let sentences = corpus::corpus();
    let doc = Some(DocDate {
        year: Some(2023),
        month: 1,
        day: 9,
    });
    let start = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for s in &sentences {
            n += find_times(std::hint::black_box(s), doc).len();
            n += find_quantities(std::hint::black_box(s)).len();
        }
    }
    let per = start.elapsed().as_nanos() as f64 / (rounds * sentences.len()) as f64;
    println!(
        "{} sentences x {rounds}: {n} matches, {per:.0} ns/sentence (wall)",
        sentences.len()
    );
}
