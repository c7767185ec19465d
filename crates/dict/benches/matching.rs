//! Matching speed of the built-in dictionaries over fixed news-like sentences (our own
//! writing). Run with `cargo bench -p rung-dict`. Every matching benchmark runs over all
//! four sentences: divide by 4 for the cost per sentence (criterion also reports the
//! throughput in sentences per second).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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

fn bench(c_outer: &mut Criterion) {
    let d = rung_dict::Dictionaries::builtin().expect("built-in dictionaries load");
    let sents: Vec<Vec<&str>> = SENTENCES.iter().map(|s| words(s)).collect();
    let actor_count: usize = sents.iter().map(|w| d.actors.find(w).len()).sum();
    assert!(actor_count >= 10, "actor mentions changed: {actor_count}");
    let mut c = c_outer.benchmark_group("match");
    c.throughput(Throughput::Elements(sents.len() as u64));
    c.bench_function("scan (actors+weapons+places)", |b| {
        b.iter(|| {
            for w in &sents {
                black_box(d.scan(black_box(w)));
            }
        })
    });
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
    c.finish();
    let mut g = c_outer.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("Dictionaries::load (uncached)", |b| {
        b.iter(|| black_box(rung_dict::Dictionaries::load()))
    });
    g.bench_function("Gazetteer::from_tsv", |b| {
        let data = |n: &str| {
            rung_dict::DATA_FILES
                .iter()
                .find(|(f, _)| *f == n)
                .map_or("", |(_, t)| *t)
        };
        b.iter(|| {
            black_box(rung_dict::Gazetteer::from_tsv(
                "places.tsv",
                data("places.tsv"),
                data("place_stopwords.txt"),
            ))
        })
    });
    g.finish();
    c_outer.bench_function("builtin (cached)", |b| {
        b.iter(|| black_box(rung_dict::Dictionaries::builtin()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
