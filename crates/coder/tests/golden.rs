//! Golden coding cases: `testdata/code/*.toml`, compared the way the shared scorer compares
//! (code prefixes, first three letters of actor codes), plus the fields a case names.
//! Every expected event must be found, and nothing else may be coded.

use rung_coder::{Coder, Event};
use rung_text::{Document, Metadata};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    doc_date: Option<String>,
    #[serde(default)]
    events: Vec<Expect>,
    #[serde(default)]
    skip: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Expect {
    code: String,
    #[serde(default)]
    source: Option<String>,
    /// Absent: any target; "" : no target.
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    fatalities: Option<[u64; 2]>,
    #[serde(default)]
    weapons: Option<Vec<String>>,
    /// Weapons the event must not carry (a weapon word that is not what was used).
    #[serde(default)]
    not_weapons: Option<Vec<String>>,
    #[serde(default)]
    modality: Option<String>,
    #[serde(default)]
    attribution: Option<String>,
    /// Whether the target is one the sentence does not name (taken from the document).
    #[serde(default)]
    target_inferred: Option<bool>,
    /// Whether the source is one the sentence does not name (taken from the document).
    #[serde(default)]
    source_inferred: Option<bool>,
}

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::builtin().expect("built-in coder"))
}

fn country(code: Option<&str>) -> Option<String> {
    code.map(|c| c.chars().take(3).collect::<String>().to_uppercase())
}

fn matches(e: &Event, x: &Expect) -> Result<(), String> {
    if !e.cameo.starts_with(&x.code) {
        return Err(format!("code {} not {}", e.cameo, x.code));
    }
    if let Some(s) = &x.source {
        // (an empty source: the event has none)
        let want = if s.is_empty() { None } else { country(Some(s)) };
        if country(e.source.as_ref().map(|a| a.code.as_str())) != want {
            return Err("source".into());
        }
    }
    if let Some(t) = &x.target {
        let got = country(e.target.as_ref().map(|a| a.code.as_str()));
        let want = if t.is_empty() { None } else { country(Some(t)) };
        if got != want {
            return Err("target".into());
        }
    }
    Ok(())
}

fn fields(e: &Event, x: &Expect) -> Vec<String> {
    let mut bad = Vec::new();
    if let Some(l) = &x.location {
        if !e
            .location
            .as_ref()
            .is_some_and(|p| p.text.to_lowercase().contains(&l.to_lowercase()))
        {
            bad.push(format!(
                "location {:?} want {l}",
                e.location.as_ref().map(|p| &p.text)
            ));
        }
    }
    if let Some(d) = &x.date {
        if !e.date.as_deref().is_some_and(|g| g.starts_with(d.as_str())) {
            bad.push(format!("date {:?} want {d}", e.date));
        }
    }
    if let Some([a, b]) = x.fatalities {
        if !e.fatalities.is_some_and(|f| f.min == a && f.max == b) {
            bad.push(format!("fatalities {:?} want [{a}, {b}]", e.fatalities));
        }
    }
    for (side, want, got) in [
        ("target", x.target_inferred, &e.target),
        ("source", x.source_inferred, &e.source),
    ] {
        let got = got.as_ref().is_some_and(|a| a.inferred);
        if want.is_some_and(|w| w != got) {
            bad.push(format!("{side} inferred {got} want {want:?}"));
        }
    }
    if let Some(ws) = &x.weapons {
        for w in ws {
            let w = w.to_lowercase();
            if !e
                .weapons
                .iter()
                .any(|h| h.to_lowercase().contains(&w) || w.contains(&h.to_lowercase()))
            {
                bad.push(format!("weapons {:?} want {w}", e.weapons));
            }
        }
    }
    for w in x.not_weapons.iter().flatten() {
        if e.weapons.iter().any(|h| h.eq_ignore_ascii_case(w)) {
            bad.push(format!("weapons {:?} must not have {w}", e.weapons));
        }
    }
    if let Some(m) = &x.modality {
        let got = serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        if &got != m {
            bad.push(format!("modality {got} want {m}"));
        }
    }
    if let Some(a) = &x.attribution {
        // "none": the event must carry no attribution (asserted by the writer).
        let got = e.attribution.as_ref().map(|a| a.code.as_str());
        let want = (a != "none").then_some(a.as_str());
        if country(got) != country(want) {
            bad.push(format!(
                "attribution {:?} want {a}",
                e.attribution.as_ref().map(|a| &a.code)
            ));
        }
    }
    bad
}

fn show(e: &Event) -> String {
    format!(
        "{} {}->{} {:?}",
        e.cameo,
        e.source.as_ref().map_or("-", |a| a.code.as_str()),
        e.target.as_ref().map_or("-", |a| a.code.as_str()),
        e.modality
    )
}

fn run(case: &Case) -> Result<(), String> {
    let doc = Document::new(case.name.clone(), case.text.clone(), Metadata::default());
    let date = case.doc_date.as_deref().and_then(rung_text::parse_date);
    let got = coder().code(&doc, date).events;
    let mut used = vec![false; got.len()];
    let mut errs = Vec::new();
    for x in &case.events {
        let hit = got
            .iter()
            .enumerate()
            .find(|(i, e)| !used[*i] && matches(e, x).is_ok());
        match hit {
            Some((i, e)) => {
                used[i] = true;
                errs.extend(fields(e, x));
            }
            None => errs.push(format!("missing {} {:?}->{:?}", x.code, x.source, x.target)),
        }
    }
    for (i, e) in got.iter().enumerate() {
        if !used[i] {
            errs.push(format!("unexpected {}", show(e)));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} [got: {}]",
            errs.join("; "),
            got.iter().map(show).collect::<Vec<_>>().join(", ")
        ))
    }
}

#[test]
fn golden_code() {
    rung_testkit::run_golden("code", run);
}
