//! The store over its test corpus: idempotent ingest, reconciliation of one strike told
//! three ways, nothing merged that should not be, ladder, timeline, recode, split, export.

mod common;

use rung_store::{Bucket, EventFilter, ExportFormat, IngestOptions, Input, RungKind, Store};
use rung_text::Document;

fn ingest_all(
    store: &mut Store,
    docs: &[Document],
    coder: &common::FixtureCoder,
) -> rung_store::IngestReport {
    let inputs = docs.iter().cloned().map(Input::Document);
    // One coding thread keeps the order of reports, so results are reproducible;
    // `ingest_is_idempotent` and the concurrency test run with more.
    let opts = IngestOptions {
        threads: 1,
        batch_size: 3,
    };
    store.ingest(inputs, coder, &opts, &|_| {}).unwrap()
}

fn rec_of(store: &Store, doc: &str) -> i64 {
    let evs = store.events(&EventFilter::default()).unwrap();
    evs.iter()
        .find(|e| e.event.doc == doc)
        .and_then(|e| e.reconciled)
        .unwrap()
}

#[test]
fn ingest_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    let opts = IngestOptions {
        threads: 2,
        batch_size: 3,
    };
    let r1 = store
        .ingest(
            docs.iter().cloned().map(Input::Document),
            &coder,
            &opts,
            &|_| {},
        )
        .unwrap();
    assert_eq!(r1.stored as usize, docs.len());
    assert_eq!(r1.events, 12);
    let r2 = ingest_all(&mut store, &docs, &coder);
    assert_eq!((r2.stored, r2.duplicates), (0, docs.len() as u64));
    let s = store.stats().unwrap();
    assert_eq!((s.documents, s.events), (docs.len() as u64, 12));
}

#[test]
fn one_strike_three_reports_with_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    ingest_all(&mut store, &docs, &coder);

    let strike = rec_of(&store, "ledger-makiivka.txt");
    assert_eq!(rec_of(&store, "moscow-wire-mod.txt"), strike);
    assert_eq!(rec_of(&store, "global-wire-toll.txt"), strike);
    let r = store.reconciled(strike).unwrap();
    assert_eq!(r.reports.len(), 3);
    assert!(r.conflicts.fatalities.conflict);
    let summary = r.conflicts.fatalities.summary();
    assert_eq!(summary, "Ukraine's armed forces: 400 killed; The Russian Defence Ministry: 63 killed, later 89 killed");
    assert!(
        r.conflicts.dates.conflict,
        "2023-01-01 against New Year's Eve"
    );
    assert!(
        !r.conflicts.locations.conflict,
        "Makiivka and a point in Makiivka agree"
    );
    for rep in r.reports.iter().filter(|p| p.matched_event.is_some()) {
        assert!(
            rep.features["dyad"] == "same" && rep.score.unwrap() > 3.0,
            "{:?}",
            rep.features
        );
    }

    // Nothing else merges with it or with each other, except the two accounts of one call
    // and the threat restated later in the month.
    let mut others = std::collections::HashSet::new();
    for d in [
        "ledger-kyiv-drones.txt",
        "global-wire-kherson.txt",
        "ledger-makiivka-again.txt",
        "ledger-call.txt",
    ] {
        let rec = rec_of(&store, d);
        assert_ne!(rec, strike, "{d}");
        assert!(others.insert(rec), "{d} merged with another");
    }
    assert_eq!(
        rec_of(&store, "ankara-call.txt"),
        rec_of(&store, "ledger-call.txt"),
        "symmetric call"
    );
    let s = store.stats().unwrap();
    assert_eq!(s.reconciled, 8, "12 reports into 8 events");
    // The threat restated as "earlier this month" joins the dated threat it repeats, not
    // the nuclear warning of the 19th.
    let threats = store
        .events(&EventFilter {
            code: Some("13".into()),
            ..Default::default()
        })
        .unwrap();
    let recs: std::collections::HashSet<_> = threats.iter().map(|e| e.reconciled).collect();
    assert_eq!((threats.len(), recs.len()), (3, 2));
}

#[test]
fn split_undoes_a_merge_and_survives_recode() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, mut coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    ingest_all(&mut store, &docs, &coder);
    let strike = rec_of(&store, "ledger-makiivka.txt");
    let toll = store
        .reconciled(strike)
        .unwrap()
        .reports
        .iter()
        .find(|r| r.event.event.doc == "global-wire-toll.txt")
        .unwrap()
        .event
        .id;
    let alone = store.split(toll).unwrap();
    assert_ne!(alone, strike);
    assert_eq!(store.reconciled(strike).unwrap().reports.len(), 2);
    assert!(store.reconciled(alone).unwrap().reports[0].features["split"].is_string());

    coder.version = "fixture-2".into();
    let opts = IngestOptions {
        threads: 1,
        batch_size: 4,
    };
    let rep = store.recode(&coder, &opts, false, &|_| {}).unwrap();
    assert_eq!(rep.stored as usize, docs.len());
    let s = store.stats().unwrap();
    assert_eq!((s.events, s.reconciled), (12, 9), "recode keeps the split");
    let again = store.recode(&coder, &opts, false, &|_| {}).unwrap();
    assert_eq!(again.stored, 0, "nothing left to recode");
}

#[test]
fn ladder_and_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    ingest_all(&mut store, &docs, &coder);
    let ladder = store.ladder(None).unwrap();
    let show: Vec<String> = ladder
        .iter()
        .map(|r| {
            format!(
                "{} {} {}>{} {}",
                r.kind.as_str(),
                r.date,
                r.actor,
                r.counterpart,
                r.weapon.clone().or(r.level.clone()).unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        show,
        [
            "first-use 2023-01-01 UKR>UKR HIMARS",
            "first-use 2023-01-01 RUS>UKR Shahed-136",
            "threat 2023-01 RUS>USA 138 threaten military force",
            "delivery 2023-01-06 USA>UKR Bradley",
            "threat 2023-01-19 RUS>USA 1385 threaten with weapons of mass destruction",
        ]
    );
    let alerts = store.alerts("2023-01-05", None).unwrap();
    assert_eq!(alerts.len(), 2);
    assert!(alerts.iter().any(|r| r.kind == RungKind::Delivery));
}

#[test]
fn timeline_counts_reconciled_events_once() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    ingest_all(&mut store, &docs, &coder);
    let f = EventFilter {
        dyad: Some("UKR-RUS".parse().unwrap()),
        ..Default::default()
    };
    let t = store.timeline(Bucket::Month, &f, false, false).unwrap();
    let months: Vec<(&str, u64)> = t
        .rows
        .iter()
        .map(|r| (r.period.as_str(), r.events))
        .collect();
    // Either direction: the strike (three reports, counted once), the later strike, the
    // drones on Kyiv and the shelling of Kherson.
    assert_eq!(months, [("2023-01", 4)]);
    let raw = store.timeline(Bucket::Month, &f, false, true).unwrap();
    let n: u64 = raw.rows.iter().map(|r| r.events).sum();
    assert_eq!(n, 6, "six reports");
    let directed = EventFilter {
        dyad: Some("UKR>RUS".parse().unwrap()),
        ..Default::default()
    };
    let t2 = store
        .timeline(Bucket::Week, &directed, false, false)
        .unwrap();
    assert_eq!(t2.rows.iter().map(|r| r.events).sum::<u64>(), 2);
    assert!(t.rows[0].material_conflict > 0.0);
    let day = store
        .timeline(Bucket::Day, &EventFilter::default(), true, false)
        .unwrap();
    assert!(day.imprecise == 0 || day.imprecise == 1);
}

#[test]
fn exports_write_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    ingest_all(&mut store, &docs, &coder);
    let all = EventFilter::default();
    for (fmt, name, lines) in [
        (ExportFormat::Csv, "e.csv", 13),
        (ExportFormat::Jsonl, "e.jsonl", 12),
        (ExportFormat::Gdelt, "e.tsv", 9),
    ] {
        let out = dir.path().join(name);
        store.export(fmt, &all, &out).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        let mut rdr = csv::ReaderBuilder::new();
        rdr.has_headers(false).flexible(false);
        if fmt == ExportFormat::Gdelt {
            rdr.delimiter(b'\t');
            assert!(
                text.lines().all(|l| l.split('\t').count() == 61),
                "61 columns"
            );
        }
        if fmt != ExportFormat::Jsonl {
            let n = rdr
                .from_reader(text.as_bytes())
                .records()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
                .len();
            assert_eq!(n, lines, "{name}");
        } else {
            assert_eq!(text.lines().count(), lines);
            let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
            assert!(v["cameo"].is_string() && v["reconciled"].is_i64());
        }
    }
    let gd = std::fs::read_to_string(dir.path().join("e.tsv")).unwrap();
    let strike_row = gd
        .lines()
        .find(|l| l.contains("Makiivka") && l.contains("\t3\t"))
        .expect("strike with 3 mentions");
    assert!(strike_row.contains("\t194\t194\t19\t4\t"), "{strike_row}");
}

#[test]
fn failures_are_recorded_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (mut docs, coder) = common::corpus();
    docs.push(Document {
        name: "bad.txt".into(),
        text: "CODER-FAILS here.".into(),
        ..Default::default()
    });
    let mut inputs: Vec<Input> = docs.into_iter().map(Input::Document).collect();
    inputs.insert(
        2,
        Input::Failed {
            name: "missing.html".into(),
            error: "no such file".into(),
        },
    );
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    let r = store
        .ingest(inputs, &coder, &IngestOptions::default(), &|_| {})
        .unwrap();
    assert_eq!(r.read_failures.len(), 1);
    assert_eq!(r.code_failures.len(), 1);
    assert_eq!(r.events, 12, "the rest of the batch is stored");
    let s = store.stats().unwrap();
    assert_eq!((s.read_failures, s.code_failures), (1, 1));
}

#[test]
fn concurrent_ingests_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rung.db");
    let (docs, coder) = common::corpus();
    let many: Vec<Document> = (0..400)
        .map(|i| Document {
            name: format!("g{i}.txt"),
            text: format!("Generated report number {i}."),
            ..Default::default()
        })
        .chain(docs)
        .collect();
    std::thread::scope(|s| {
        for _ in 0..2 {
            let (path, many, coder) = (&path, &many, &coder);
            s.spawn(move || {
                let mut store = Store::open(path).unwrap();
                let opts = IngestOptions {
                    threads: 1,
                    batch_size: 16,
                };
                store
                    .ingest(
                        many.iter().cloned().map(Input::Document),
                        coder,
                        &opts,
                        &|_| {},
                    )
                    .unwrap();
            });
        }
    });
    let store = Store::open(&path).unwrap();
    let s = store.stats().unwrap();
    assert_eq!((s.documents, s.events), (many.len() as u64, 12));
}

#[test]
fn inferred_sides_stay_inferred() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, coder) = common::corpus();
    let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
    ingest_all(&mut store, &docs, &coder);
    let evs = store.events(&EventFilter::default()).unwrap();
    let inferred: Vec<_> = evs
        .iter()
        .filter_map(|e| e.event.target.as_ref())
        .filter(|t| t.inferred)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(inferred, ["energy facilities"]);
    let inferred: Vec<_> = evs
        .iter()
        .filter(|e| e.event.source.as_ref().is_some_and(|s| s.inferred))
        .map(|e| e.event.target.as_ref().map_or("", |t| t.text.as_str()))
        .collect();
    assert_eq!(inferred, ["civilians"]);
    assert!(evs.iter().filter(|e| e.event.target.is_some()).count() > 1);
}
