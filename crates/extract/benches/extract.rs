//! Cost of both finders per sentence, over generated news-like sentences.
//!
//! The corpus is built deterministically from templates (a few thousand sentences,
//! most with a figure or a date, some with neither), and the benchmark asserts the
//! number of matches so a behaviour change cannot pass as a speed-up.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rung_extract::{find_quantities, find_times};
use rung_text::DocDate;
use std::hint::black_box;

mod corpus;
use corpus::corpus;

fn bench(c: &mut Criterion) {
    let sentences = corpus();
    let doc = Some(DocDate {
        year: Some(2023),
        month: 1,
        day: 9,
    });
    let count = |s: &[String]| -> usize {
        s.iter()
            .map(|x| find_times(x, doc).len() + find_quantities(x).len())
            .sum()
    };
    let expected = count(&sentences);
    assert!(
        expected > sentences.len(),
        "the corpus should hold more than one match per sentence"
    );
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Elements(sentences.len() as u64));
    g.bench_function("times+quantities", |b| {
        b.iter(|| assert_eq!(count(black_box(&sentences)), expected));
    });
    g.bench_function("times", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|x| find_times(black_box(x), doc).len())
                .sum::<usize>()
        });
    });
    g.bench_function("quantities", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|x| find_quantities(black_box(x)).len())
                .sum::<usize>()
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
