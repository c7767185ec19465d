//! A fixture coder for the store's tests: it returns the events written next to each
//! article in `testdata/store/corpus.toml`, so these tests check storing and reconciling,
//! independently of how well the real coder reads.
#![allow(dead_code)]

use rung_coder::{Actor, Event, Fatalities, Location, Modality, Plover};
use rung_store::{Coding, DocumentCoder};
use rung_text::{Document, Metadata};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Corpus {
    doc: Vec<FixtureDoc>,
}

#[derive(Deserialize)]
struct FixtureDoc {
    name: String,
    outlet: String,
    date: String,
    text: String,
    #[serde(default)]
    event: Vec<FixtureEvent>,
}

#[derive(Deserialize, Clone)]
struct FixtureEvent {
    sentence: String,
    date: Option<String>,
    source: Option<[String; 2]>,
    target: Option<[String; 2]>,
    #[serde(default)]
    source_inferred: bool,
    #[serde(default)]
    target_inferred: bool,
    cameo: String,
    #[serde(default)]
    weapons: Vec<String>,
    location: Option<[String; 2]>,
    fatalities: Option<u64>,
    attribution: Option<[String; 2]>,
    modality: Option<String>,
}

/// Codes documents by looking their events up in the fixture.
pub struct FixtureCoder {
    events: HashMap<String, Vec<FixtureEvent>>,
    pub version: String,
}

fn actor(a: &Option<[String; 2]>) -> Option<Actor> {
    a.as_ref().map(|[text, code]| Actor {
        text: text.clone(),
        code: code.clone(),
        inferred: false,
    })
}

fn quad_goldstein(cameo: &str) -> (u8, f64) {
    match &cameo[..2] {
        "04" => (1, 1.0),
        "03" => (1, 5.2),
        "07" => (2, 7.4),
        "13" => (3, -7.0),
        "19" => (4, -10.0),
        _ => (4, -9.0),
    }
}

impl DocumentCoder for FixtureCoder {
    fn code(&self, doc: &Document) -> Result<Coding, String> {
        if doc.text.contains("CODER-FAILS") {
            return Err(format!(
                "{}: the fixture coder refuses this document",
                doc.name
            ));
        }
        let mut coding = Coding {
            doc_date: doc.meta.date.clone(),
            ..Default::default()
        };
        for (i, fe) in self.events.get(&doc.name).into_iter().flatten().enumerate() {
            let start = doc
                .text
                .find(&fe.sentence)
                .ok_or_else(|| format!("{}: sentence not in text", doc.name))?;
            let span = [start, start + fe.sentence.len()];
            coding.sentences.push(span);
            let (quad, goldstein) = quad_goldstein(&fe.cameo);
            coding.events.push(Event {
                doc: doc.name.clone(),
                sentence: i,
                span,
                text: fe.sentence.clone(),
                date: fe.date.clone(),
                source: actor(&fe.source).map(|a| Actor {
                    inferred: fe.source_inferred,
                    ..a
                }),
                target: actor(&fe.target).map(|a| Actor {
                    inferred: fe.target_inferred,
                    ..a
                }),
                cameo: fe.cameo.clone(),
                goldstein,
                quad,
                plover: Plover {
                    kind: "ASSAULT".into(),
                    mode: None,
                },
                weapons: fe.weapons.clone(),
                location: fe.location.as_ref().map(|[t, c]| Location {
                    text: t.clone(),
                    country: Some(c.clone()),
                    lat: None,
                    lon: None,
                }),
                fatalities: fe.fatalities.map(|n| Fatalities { min: n, max: n }),
                modality: match fe.modality.as_deref() {
                    Some("threatened") => Modality::Threatened,
                    _ => Modality::Reported,
                },
                attribution: actor(&fe.attribution),
                trigger: None,
            });
        }
        Ok(coding)
    }
    fn version(&self) -> String {
        self.version.clone()
    }
}

/// The corpus documents and a coder that knows their events.
pub fn corpus() -> (Vec<Document>, FixtureCoder) {
    let path = rung_testkit::repo_root().join("testdata/store/corpus.toml");
    let text = std::fs::read_to_string(&path).expect("testdata/store/corpus.toml");
    let corpus: Corpus = toml::from_str(&text).expect("corpus.toml parses");
    let mut events = HashMap::new();
    let docs = corpus
        .doc
        .into_iter()
        .map(|d| {
            events.insert(d.name.clone(), d.event);
            let meta = Metadata {
                source: Some(d.outlet),
                date: Some(d.date),
                ..Default::default()
            };
            Document {
                name: d.name,
                original: d.text.clone(),
                text: d.text,
                meta,
                ..Default::default()
            }
        })
        .collect();
    (
        docs,
        FixtureCoder {
            events,
            version: "fixture-1".into(),
        },
    )
}
