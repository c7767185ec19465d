//! End-to-end coding speed (raw text -> events, parse included) over a generated
//! war-reporting corpus: sentences per second per core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rung_coder::Coder;
use rung_text::{Document, Metadata};

/// Builds a corpus from templates: event sentences in several styles mixed with the
/// background sentences that make up most of real reporting.
fn corpus(n_docs: usize) -> (Vec<Document>, usize) {
    let actors = [
        "Russian forces",
        "Ukrainian troops",
        "Moscow",
        "Kyiv",
        "the Kremlin",
        "Washington",
        "Ukraine's military",
        "Russia's Defense Ministry",
    ];
    let targets = [
        "Kherson",
        "Kharkiv",
        "Ukraine",
        "Russian positions",
        "Belgorod",
        "Zaporizhzhia",
        "the Ukrainian army",
        "Russia",
    ];
    let events = [
        "{a} shelled {t} on Monday, killing three civilians.",
        "Over the past day, {a} struck {t} with drones.",
        "{a} said {t} had launched a missile attack overnight.",
        "{a} accused {t} of violating the ceasefire.",
        "The United States will send {t} more HIMARS launchers, officials said.",
        "{a} condemned the strike on {t} as a war crime.",
        "At least 12 people died after {a} hit a residential building in {t}.",
        "{a} threatened to retaliate against {t}.",
    ];
    let background = [
        "The war has entered its third year with no end in sight.",
        "Analysts expect the front line to remain largely static through the winter.",
        "Prices for grain and fuel have risen sharply across the region.",
        "The report could not be independently verified.",
        "Residents queued for water as power outages continued in several districts.",
        "The meeting is expected to focus on reconstruction and energy security.",
    ];
    let mut docs = Vec::new();
    let mut sentences = 0;
    for d in 0..n_docs {
        let mut text = String::new();
        for s in 0..12 {
            let k = d * 7 + s * 3;
            let line = if s % 3 == 0 {
                events[k % events.len()]
                    .replace("{a}", actors[k % actors.len()])
                    .replace("{t}", targets[(k / 3) % targets.len()])
            } else {
                background[k % background.len()].to_string()
            };
            let line = capitalize(&line);
            text.push_str(&line);
            text.push(' ');
            sentences += 1;
        }
        docs.push(Document::new(
            format!("doc{d}.txt"),
            text,
            Metadata::default(),
        ));
    }
    (docs, sentences)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn bench(c: &mut Criterion) {
    let coder = Coder::builtin().expect("built-in coder");
    let (docs, sentences) = corpus(200);
    let date = rung_text::parse_date("2023-05-10");
    // Behaviour guard: a change that stops coding cannot pass as a speed-up.
    let events: usize = docs.iter().map(|d| coder.code(d, date).events.len()).sum();
    assert!(
        events >= docs.len(),
        "only {events} events from {} documents",
        docs.len()
    );
    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(sentences as u64));
    g.sample_size(10);
    g.bench_function("war_reporting_sentences", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| coder.code(d, date).events.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
