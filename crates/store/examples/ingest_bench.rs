//! Ingest benchmark: generates N synthetic news documents (default 100,000), codes each
//! with a cheap synthetic coder (two events per document, varied dyads, dates, places and
//! tolls, so reconciliation has real candidates to compare) and ingests them into a fresh
//! store. Prints documents/s, events, store bytes per document. Run under
//! `/usr/bin/time -v` for peak RSS:
//!
//! ```text
//! cargo run --release -p rung-store --example ingest_bench -- 100000 /tmp/bench.db
//! ```
//!
//! The generator is streaming (documents are made as the store asks for them), so memory
//! use reflects the store, not the corpus.

use rung_coder::{Actor, Event, Fatalities, Location, Modality, Plover};
use rung_store::{Coding, DocumentCoder, IngestOptions, Input, Store};
use rung_text::{Document, Metadata};
use std::time::Instant;

const COUNTRIES: [&str; 6] = ["UKR", "RUS", "USA", "POL", "BLR", "TUR"];
const PLACES: [&str; 8] = [
    "Kharkiv",
    "Kherson",
    "Odesa",
    "Belgorod",
    "Bakhmut",
    "Kyiv",
    "Donetsk",
    "Zaporizhzhia",
];
const CODES: [&str; 6] = ["190", "194", "195", "040", "072", "138"];

/// A cheap deterministic coder: events from the document number hidden in its name.
struct SyntheticCoder;

fn num(doc: &Document) -> u64 {
    doc.name
        .trim_start_matches("doc-")
        .trim_end_matches(".txt")
        .parse()
        .unwrap_or(0)
}

impl DocumentCoder for SyntheticCoder {
    fn code(&self, doc: &Document) -> Result<Coding, String> {
        let n = num(doc);
        let mut events = Vec::new();
        let mut sentences = Vec::new();
        let mut start = 0;
        for (k, s) in doc.text.split_inclusive(". ").enumerate() {
            sentences.push([start, start + s.len()]);
            if k < 2 {
                let h = n.wrapping_mul(2654435761).wrapping_add(k as u64 * 97);
                let cameo = CODES[(h % 6) as usize];
                let day = 1 + (n / 40) % 28;
                let month = 1 + (n / 1120) % 12;
                events.push(Event {
                    doc: doc.name.clone(),
                    sentence: k,
                    span: [start, start + s.len()],
                    text: s.to_string(),
                    date: Some(format!("2023-{month:02}-{day:02}")),
                    source: Some(Actor {
                        text: "forces".into(),
                        code: format!("{}MIL", COUNTRIES[(h / 7 % 6) as usize]),
                        inferred: false,
                    }),
                    target: Some(Actor {
                        text: "troops".into(),
                        code: format!("{}MIL", COUNTRIES[(h / 11 % 6) as usize]),
                        inferred: false,
                    }),
                    cameo: cameo.into(),
                    goldstein: if cameo.starts_with('1') { -9.5 } else { 3.0 },
                    quad: if cameo.starts_with("19") { 4 } else { 1 },
                    plover: Plover {
                        kind: "ASSAULT".into(),
                        mode: None,
                    },
                    weapons: if h.is_multiple_of(5) {
                        vec!["HIMARS".into()]
                    } else {
                        vec![]
                    },
                    location: Some(Location {
                        text: PLACES[(h / 13 % 8) as usize].into(),
                        country: Some("UKR".into()),
                        lat: None,
                        lon: None,
                    }),
                    fatalities: h.is_multiple_of(3).then_some(Fatalities {
                        min: h % 50,
                        max: h % 50,
                    }),
                    modality: Modality::Reported,
                    attribution: None,
                    trigger: None,
                });
            }
            start += s.len();
        }
        Ok(Coding {
            doc_date: Some("2023-01-01".into()),
            sentences,
            events,
        })
    }
    fn version(&self) -> String {
        "synthetic-1".into()
    }
}

fn document(n: u64) -> Document {
    let place = PLACES[(n % 8) as usize];
    let text = format!(
        "Forces shelled positions near {place} on day {n}, officials said. \
         Rescue workers searched the rubble of a damaged building for survivors. \
         Air defence units reported intercepting {} drones overnight. \
         The regional governor said power had been restored to {} homes by the evening.",
        n % 40,
        1000 + n % 9000
    );
    let meta = Metadata {
        source: Some(format!("Outlet {}", n % 17)),
        date: Some("2023-01-01".into()),
        ..Default::default()
    };
    Document {
        name: format!("doc-{n}.txt"),
        original: String::new(),
        text,
        meta,
        ..Default::default()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let path = std::path::PathBuf::from(
        args.get(2)
            .cloned()
            .unwrap_or_else(|| "/tmp/rung-ingest-bench.db".into()),
    );
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let mut store = Store::open(&path)?;
    let t = Instant::now();
    let report = store.ingest(
        (0..n).map(|i| Input::Document(document(i))),
        &SyntheticCoder,
        &IngestOptions::default(),
        &|_| {},
    )?;
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(report.stored, n, "every generated document is stored once");
    let stats = store.stats()?;
    drop(store);
    let bytes: u64 = ["", "-wal"]
        .iter()
        .filter_map(|e| std::fs::metadata(format!("{}{e}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    println!("documents {n}");
    println!("events {}", stats.events);
    println!("reconciled {}", stats.reconciled);
    println!("seconds {secs:.2}");
    println!("docs_per_s {:.0}", n as f64 / secs);
    println!("store_bytes {bytes}");
    println!("bytes_per_doc {:.0}", bytes as f64 / n as f64);
    Ok(())
}
