//! Matching speed of the built-in dictionaries over fixed news-like sentences (our own
//! writing). Run with `cargo bench -p rung-dict`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// 25-word sentences, pre-tokenized the way rung's tokenizer cuts them.
const SENTENCES: &[&str] = &[
    "Russian forces shelled the outskirts of Kharkiv overnight with Grad rockets , killing two civilians , the regional governor Oleh Syniehubov said on Telegram on Sunday .",
    "Ukraine 's Defence Ministry said its troops had used U.S. -made HIMARS launchers to strike an ammunition depot near Melitopol in the occupied Zaporizhzhia region .",
    "Kremlin spokesman Dmitry Peskov told reporters in Moscow that the supply of long - range missiles to Kyiv would mean direct NATO involvement in the conflict .",
    "The Pentagon announced a new package of military aid worth $ 400 million , including Patriot interceptors , Javelin anti-tank missiles and 155mm artillery shells for Ukraine .",
];

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

fn bench(c: &mut Criterion) {
    let d = rung_dict::Dictionaries::builtin().expect("built-in dictionaries load");
    let sents: Vec<Vec<&str>> = SENTENCES.iter().map(|s| words(s)).collect();
    let actor_count: usize = sents.iter().map(|w| d.actors.find(w).len()).sum();
    assert!(actor_count >= 10, "actor mentions changed: {actor_count}");
    c.bench_function("actors.find per sentence", |b| {
        b.iter(|| {
            for w in &sents {
                black_box(d.actors.find(black_box(w)));
            }
        })
    });
    c.bench_function("weapons.find per sentence", |b| {
        b.iter(|| {
            for w in &sents {
                black_box(d.weapons.find(black_box(w)));
            }
        })
    });
    c.bench_function("places.find per sentence", |b| {
        b.iter(|| {
            for w in &sents {
                black_box(d.places.find(black_box(w)));
            }
        })
    });
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("Dictionaries::load (uncached)", |b| {
        b.iter(|| black_box(rung_dict::Dictionaries::load()))
    });
    g.finish();
    c.bench_function("builtin (cached)", |b| {
        b.iter(|| black_box(rung_dict::Dictionaries::builtin()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
