//! Words per second of `analyse` over EWT dev, by wall clock and by this thread's CPU time
//! (on a shared machine, CPU time is the fair per-core number).
//! `cargo run --release --example speed -- MODEL DIR [rounds]`

use rung_parse::{conllu, Analysis, SyntaxModel};
use std::time::Instant;

/// CPU time of the calling thread (Linux: /proc/thread-self/schedstat, nanoseconds).
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let t = Instant::now();
    let m = SyntaxModel::load(std::path::Path::new(&args[1]))?;
    println!("load {:.3}s", t.elapsed().as_secs_f64());
    let dev = conllu::parse(&std::fs::read_to_string(
        std::path::Path::new(&args[2]).join("en_ewt-ud-dev.conllu"),
    )?)?;
    let rounds: usize = args.get(3).map_or(Ok(3), |s| s.parse())?;
    let forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
    let n: usize = forms.iter().map(Vec::len).sum::<usize>() * rounds;
    let mut a = Analysis::default();
    let (t, c) = (Instant::now(), cpu_ns());
    for _ in 0..rounds {
        for f in &forms {
            m.analyse(f, &mut a);
        }
    }
    let wall = t.elapsed().as_secs_f64();
    let cpu = match (c, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => f64::NAN,
    };
    println!(
        "{n} words: {:.0} words/s wall, {:.0} words/s CPU ({cpu:.2}s CPU, {wall:.2}s wall)",
        n as f64 / wall,
        n as f64 / cpu
    );
    Ok(())
}
