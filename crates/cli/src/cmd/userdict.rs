//! `--dict FORMAT:PATH`: users' TABARI and PETRARCH dictionaries on top of rung's own.
//!
//! Actors and agents go into rung's own actor dictionary (so rung's coder finds them, with
//! their date-bounded codes resolved against each sentence's date). Verb dictionaries are
//! applied by rung-legacy's pattern coder to the same sentences; its events are added where
//! rung's own coder found no event of the same root for the same source country, so a
//! sentence still yields only its distinct events.

use anyhow::Context;
use rung_coder::{Actor, Event, Modality, Plover};
use rung_dict::{ActorDict, Dictionaries};
use rung_legacy::{LegacyCoder, LegacyDictionaries, LoadOptions};

/// Loads every `--dict` spec; returns the merged actor dictionaries and the legacy set.
///
/// # Errors
/// A spec that cannot be read in full (file, line and what was expected), unless
/// `lenient`, where malformed lines are reported on stderr and skipped.
pub fn load(
    specs: &[String],
    lenient: bool,
    no_builtin: bool,
) -> anyhow::Result<(Dictionaries, LegacyDictionaries)> {
    let mut legacy = LegacyDictionaries::default();
    for spec in specs {
        let d = rung_legacy::load_dict_with(spec, LoadOptions { lenient })
            .with_context(|| format!("cannot load dictionary {spec}"))?;
        for note in d.diagnostics.iter().take(5) {
            eprintln!("rung code: {spec}: {note}");
        }
        if d.diagnostics.len() > 5 {
            eprintln!(
                "rung code: {spec}: {} more notes (`rung validate` lists dictionaries in full)",
                d.diagnostics.len() - 5
            );
        }
        legacy.merge(d);
    }
    let mut dicts = Dictionaries::builtin()?;
    let mut builder = if no_builtin {
        ActorDict::builder()
    } else {
        dicts.actors.to_builder()
    };
    let (added, skipped) = add_actors(&legacy, &dicts.actors, no_builtin, &mut builder);
    eprintln!(
        "rung code: --dict: {added} actor/agent entries added; {skipped} left out \
         (same phrase as an entry already loaded, built-in entries win, or a code rung-dict refuses)"
    );
    dicts.actors = builder.build()?;
    Ok((dicts, legacy))
}

/// Adds the legacy actors and agents to `builder`. A phrase already present (built in, or
/// earlier in the user's files) keeps its first code: rung-dict refuses colliding aliases,
/// and a user merging Phoenix on top of rung expects rung's curated entries to stand.
fn add_actors(
    legacy: &LegacyDictionaries,
    builtin: &ActorDict,
    no_builtin: bool,
    builder: &mut rung_dict::ActorDictBuilder,
) -> (usize, usize) {
    use rung_dict::ActorKind;
    use rung_legacy::model::DateBound;
    let day = |k: i32| (k / 10_000, ((k / 100) % 100) as u8, (k % 100) as u8);
    type Date = (i32, u8, u8);
    type Range = (Option<Date>, Option<Date>);
    // rung-dict needs one code per phrase per day: dated codes go first (so a default
    // beside them does not shadow them), and a range overlapping one already taken is
    // left out.
    let mut taken: std::collections::HashMap<String, Vec<Range>> = std::collections::HashMap::new();
    let overlaps = |a: &Range, b: &Range| {
        let starts_before_end = |s: Option<Date>, e: Option<Date>| match (s, e) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        starts_before_end(a.0, b.1) && starts_before_end(b.0, a.1)
    };
    let mut entries = legacy.plain_entries();
    entries.sort_by_key(|e| matches!(e.bound, DateBound::Always));
    let (mut added, mut skipped) = (0, 0);
    for e in entries {
        let pattern = e.words.join(" ").to_lowercase();
        let kind = match e.kind {
            rung_legacy::PlainKind::Agent => ActorKind::Agent,
            rung_legacy::PlainKind::Actor if e.code.len() == 3 => ActorKind::Country,
            rung_legacy::PlainKind::Actor => ActorKind::Organization,
        };
        let (from, to) = match e.bound {
            DateBound::Always => (None, None),
            DateBound::Before(d) => (None, Some(day(d))),
            DateBound::After(d) => (Some(day(d)), None),
            DateBound::Between(a, b) => (Some(day(a)), Some(day(b))),
        };
        let ranges = taken.entry(pattern.clone()).or_default();
        if ranges.iter().any(|r| overlaps(r, &(from, to)))
            || (!no_builtin && covered(builtin, &e.words))
        {
            skipped += 1;
            continue;
        }
        ranges.push((from, to));
        match builder.add_entry(&pattern, &e.code, kind, from, to) {
            Ok(_) => added += 1,
            Err(_) => skipped += 1,
        }
    }
    (added, skipped)
}

/// Whether a built-in actor entry spans exactly these words (in any capitalization).
fn covered(builtin: &ActorDict, words: &[String]) -> bool {
    let title: Vec<String> = words
        .iter()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    [words.to_vec(), title, lower].iter().any(|form| {
        let refs: Vec<&str> = form.iter().map(String::as_str).collect();
        builtin
            .find_atoms(&refs)
            .iter()
            .any(|m| m.start == 0 && m.end == refs.len())
    })
}

/// Adds the legacy coder's events for each sentence of `events`' document.
pub fn add_events(
    legacy: &LegacyCoder<'_>,
    dicts: &Dictionaries,
    doc: &rung_text::Document,
    coded: &rung_coder::CodedDocument,
    events: &mut Vec<Event>,
) {
    let date = coded.doc_date.as_deref().and_then(ymd);
    let mut extra = Vec::new();
    for (i, span) in coded.sentences.iter().enumerate() {
        let Some(text) = doc.text.get(span[0]..span[1]) else {
            continue;
        };
        let words = rung_legacy::words(text);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        for le in legacy.code_sentence(&refs, None, date) {
            let Some(info) = dicts.codebook.get(&le.code) else {
                continue;
            };
            let actor = |code: &str, span: Option<(usize, usize)>| {
                (code.len() >= 3 && !code.starts_with('-')).then(|| Actor {
                    text: span
                        .and_then(|(a, b)| words.get(a..b))
                        .map(|w| w.join(" "))
                        .unwrap_or_default(),
                    code: code.to_string(),
                    inferred: false,
                })
            };
            let Some(source) = actor(&le.source, le.source_span) else {
                continue;
            };
            let target = actor(&le.target, le.target_span);
            let root = &info.code[..2.min(info.code.len())];
            let dup = events.iter().chain(extra.iter()).any(|e: &Event| {
                e.sentence == i
                    && e.cameo.starts_with(root)
                    && e.source.as_ref().map(|a| country(&a.code)) == Some(country(&source.code))
            });
            if dup {
                continue;
            }
            extra.push(Event {
                doc: doc.name.clone(),
                sentence: i,
                span: *span,
                text: text.to_string(),
                date: coded.doc_date.clone(),
                source: Some(source),
                target,
                cameo: info.code.clone(),
                goldstein: info.goldstein,
                quad: info.quad,
                plover: Plover {
                    kind: info.plover_type.clone(),
                    mode: info.plover_mode.clone(),
                },
                weapons: Vec::new(),
                location: None,
                fatalities: None,
                modality: Modality::Asserted,
                attribution: None,
                trigger: None,
            });
        }
    }
    events.extend(extra);
    events.sort_by_key(|e| e.sentence);
}

fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

fn ymd(s: &str) -> Option<(i32, u8, u8)> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}
