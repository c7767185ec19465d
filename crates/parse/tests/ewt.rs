//! Tests against UD English EWT in ../shared (skipped with a reason when it is absent).

use rung_parse::conllu::{self, Sentence};
use rung_parse::{eval, train, Analysis, SyntaxModel, TrainOptions};
use std::collections::HashMap;

fn read(name: &str) -> Option<Vec<Sentence>> {
    let p = rung_testkit::require_shared(&format!("data/ud-english-ewt/{name}"))?;
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    Some(conllu::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

fn predict(m: &SyntaxModel, gold: &[Sentence]) -> eval::Scores {
    let mut a = Analysis::default();
    let pred: Vec<Sentence> = gold.iter().map(|s| m.annotate(s, &mut a)).collect();
    eval::score(gold, &pred).unwrap()
}

/// A model trained on 1,000 sentences for a few epochs beats the trivial baselines by far.
#[test]
fn small_model_learns() {
    let (Some(tr), Some(dev)) = (read("en_ewt-ud-train.conllu"), read("en_ewt-ud-dev.conllu"))
    else {
        return;
    };
    let tr = &tr[..1000];
    let dev = &dev[..400];
    let opts = TrainOptions {
        tagger_epochs: 4,
        parser_epochs: 4,
        folds: 1,
        ..TrainOptions::default()
    };
    let m = train(tr, None, &opts, &mut |_| ()).unwrap();
    let s = predict(&m, dev);
    // Baselines: the most frequent tag for every word; every word attached to the previous one.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in tr.iter().flat_map(|s| &s.words) {
        *counts.entry(w.upos.as_str()).or_default() += 1;
    }
    let majority = counts.into_iter().max_by_key(|x| x.1).map(|x| x.0).unwrap();
    let words: Vec<_> = dev
        .iter()
        .flat_map(|s| s.words.iter().enumerate())
        .collect();
    let base_tag =
        words.iter().filter(|(_, w)| w.upos == majority).count() as f64 / words.len() as f64;
    let base_uas = words.iter().filter(|(i, w)| w.head == *i).count() as f64 / words.len() as f64;
    eprintln!("small model on dev slice: {s}; baselines: tag {base_tag:.3} previous-word UAS {base_uas:.3}");
    assert!(
        s.upos_pct() > 85.0 && s.upos_pct() > 100.0 * base_tag + 50.0,
        "{s}"
    );
    assert!(
        s.uas_pct() > 65.0 && s.uas_pct() > 100.0 * base_uas + 25.0,
        "{s}"
    );
    assert!(s.las_pct() > 55.0, "{s}");
}

/// The shipped model does not fall below the level it reached on EWT dev (gold words,
/// predicted tags): UPOS 94.89, UAS 83.97, LAS 80.89. A regression guard, not the goal.
#[test]
fn builtin_model_holds_its_dev_level() {
    let Some(dev) = read("en_ewt-ud-dev.conllu") else {
        return;
    };
    let m = SyntaxModel::builtin().unwrap();
    let s = predict(m, &dev);
    eprintln!("builtin model on EWT dev: {s}");
    assert!(s.upos_pct() >= 94.7, "{s}");
    assert!(s.uas_pct() >= 83.7, "{s}");
    assert!(s.las_pct() >= 80.6, "{s}");
}

/// The shipped model meets the accuracy targets on EWT dev (UPOS 95.5, UAS 87,
/// LAS 84). It does not yet (see crates/parse/README.md: a greedy perceptron parser with
/// these features levels off near 84 UAS); run with `--ignored` to see the gap.
#[test]
#[ignore = "the shipped model is below the targets: dev UPOS 94.89, UAS 83.97, LAS 80.89"]
fn builtin_model_meets_dev_targets() {
    let Some(dev) = read("en_ewt-ud-dev.conllu") else {
        return;
    };
    let m = SyntaxModel::builtin().unwrap();
    let s = predict(m, &dev);
    eprintln!("builtin model on EWT dev: {s}");
    assert!(s.upos_pct() >= 95.5, "{s}");
    assert!(s.uas_pct() >= 87.0, "{s}");
    assert!(s.las_pct() >= 84.0, "{s}");
}

/// Write -> read -> write gives the same bytes and the same analyses.
#[test]
fn model_bytes_round_trip() {
    let m = SyntaxModel::builtin().unwrap();
    let bytes = m.to_bytes();
    let m2 = SyntaxModel::from_bytes(&bytes).unwrap();
    assert_eq!(m2.to_bytes(), bytes);
    let forms = [
        "The", "convoy", "was", "hit", "by", "a", "drone", "near", "Kherson", ".",
    ];
    let (mut a, mut b) = (Analysis::default(), Analysis::default());
    m.analyse(&forms, &mut a);
    m2.analyse(&forms, &mut b);
    for i in 0..forms.len() {
        assert_eq!(
            (a.head(i), a.deprel(i), a.lemma(i)),
            (b.head(i), b.deprel(i), b.lemma(i))
        );
    }
    for cut in [0, 7, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(SyntaxModel::from_bytes(&bytes[..cut]).is_err());
    }
}
