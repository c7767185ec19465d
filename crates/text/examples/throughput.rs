//! Prints split+tokenize throughput per CPU second (not wall time), for loaded machines
//! where criterion's wall-clock figures understate single-core speed.
//! Run: cargo run --release -p rung-text --example throughput

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn cpu_ns() -> u64 {
    // Linux: first field of /proc/thread-self/schedstat is time spent on the CPU, in ns.
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn main() {
    let (text, _) = rung_text::normalize(&corpus::corpus(6 << 20));
    let seg = rung_text::Segmenter::new();
    let mut n = 0;
    let (t0, w0) = (cpu_ns(), std::time::Instant::now());
    for _ in 0..5 {
        n += seg.segment(std::hint::black_box(&text)).len();
    }
    let (cpu, wall) = ((cpu_ns() - t0) as f64 / 1e9, w0.elapsed().as_secs_f64());
    let mb = 5.0 * text.len() as f64 / 1e6;
    println!(
        "{} bytes x5, {n} sentences: {:.1} MB per CPU second ({:.1} MB/s wall)",
        text.len(),
        mb / cpu,
        mb / wall
    );
}
