//! Tagging + lemmatizing + parsing speed of the shipped model, in words per second.
//!
//! Corpus: the word forms of UD English EWT dev (25,147 words, gold tokenization) when
//! ../shared is present, else the checked-in news-like sentences of `benches/news.txt`.
//! Criterion's throughput line reads "elem/s" = words per second, on one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rung_parse::{conllu, Analysis, SyntaxModel};

fn corpus() -> Vec<Vec<String>> {
    let ewt = rung_testkit::shared_dir().join("data/ud-english-ewt/en_ewt-ud-dev.conllu");
    if let Ok(text) = std::fs::read_to_string(&ewt) {
        let sents = conllu::parse(&text).expect("EWT dev parses");
        let words: Vec<Vec<String>> = sents
            .iter()
            .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
            .collect();
        assert_eq!(
            words.iter().map(Vec::len).sum::<usize>(),
            25_147,
            "EWT dev word count changed"
        );
        return words;
    }
    let news = include_str!("news.txt");
    news.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

fn bench(c: &mut Criterion) {
    let model = SyntaxModel::builtin().expect("builtin model loads");
    let sents = corpus();
    let forms: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let n: usize = forms.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("analyse");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    let mut a = Analysis::default();
    g.bench_function("tag+lemma+parse", |b| {
        b.iter(|| {
            let mut roots = 0;
            for f in &forms {
                model.analyse(f, &mut a);
                roots += (0..a.len()).filter(|&i| a.head(i).is_none()).count();
            }
            assert_eq!(roots, forms.iter().filter(|f| !f.is_empty()).count());
        })
    });
    g.finish();
    c.bench_function("load_model", |b| {
        let bytes = model.to_bytes();
        b.iter(|| SyntaxModel::from_bytes(&bytes).expect("loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
