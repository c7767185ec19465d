//! Split + tokenize throughput over a generated news-like corpus.
//!
//! The corpus is built deterministically from our own sentence templates (headlines,
//! bylines, datelines, quotes, abbreviations, numbers, bullets, share-bar debris), about
//! 6 MB, normalized once. The benchmark measures `Segmenter::segment` (sentence
//! splitting and tokenization together) in bytes per second on one core. The sentence
//! and token counts are asserted so a behaviour change cannot pass as a speed-up.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rung_text::{normalize, Segmenter};

mod corpus;
use corpus::corpus;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let (text, _) = normalize(&corpus(6 << 20));
    let seg = Segmenter::new();
    let sentences = seg.segment(&text);
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    // Sanity of the corpus and of the splitter: roughly 5 sentences per paragraph.
    assert!(sentences.len() > 60_000, "{} sentences", sentences.len());
    assert!(tokens > 1_000_000, "{tokens} tokens");
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("segment+tokenize", |b| {
        b.iter(|| {
            let out = seg.segment(black_box(&text));
            assert_eq!(out.len(), sentences.len());
            out
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
