//! Reconciliation: reports of one real-world event become one reconciled event.
//!
//! Two reports match when all of these hold:
//! - **dyad**: the same source and target countries (first three letters of the actor
//!   codes); swapped only when both codes are symmetric (consult, sign, cooperate); when
//!   one side is unknown in one report the match is "partial" and needs corroboration
//!   (same place, same weapon or similar wording);
//! - **code**: the same CAMEO root, or both in the 18/19/20 violence family;
//! - **date**: day-precision dates at most two days apart; a coarser date must contain the
//!   other; an undated event stands on its article's date;
//! - **place**, when both give one: the same place (names contain one another, or
//!   coordinates within 25 km; different countries never match);
//! - **weapon**, when both name some: at least one in common.
//!
//! The score (dyad, code closeness, date distance, place, weapon, word overlap) picks the
//! best cluster when several match; the features and score are stored with each report,
//! so `explain` shows why it joined and `split` undoes it. Clustering is incremental
//! (each new report joins the best existing cluster or starts one), so ingest cost per
//! report is bounded by the candidates in its date window, not by the store size.
//!
//! Conflicting details are never averaged: each report's fatalities, date and place are
//! kept as claims with who made them (the attribution, else the outlet, else the document
//! name) and a conflict is flagged when the claims differ.

use crate::date::{format_day, Precision};
use crate::query::StoredEvent;
use crate::rows::{from_row, COLUMNS, COLUMN_COUNT, FROM};
use crate::{country_of, Store, StoreError};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeSet, HashMap, HashSet};

/// One report inside a reconciled event, with why it joined.
#[derive(Debug, Clone, Serialize)]
pub struct ReconciledReport {
    /// The report.
    pub event: StoredEvent,
    /// The report it matched best when it joined (`None` for the first).
    pub matched_event: Option<i64>,
    /// The match score.
    pub score: Option<f64>,
    /// The match features (JSON object).
    pub features: serde_json::Value,
}

/// A claim about a detail, and who made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who says so: attribution, else outlet, else document name.
    pub by: String,
    /// The claimant's identity for grouping: the attribution's actor code when there is
    /// one (so "Russia's MoD" and "the Russian Defence Ministry" are one claimant), else
    /// `by`.
    #[serde(default)]
    pub who: String,
    /// What they say ("63 killed", "2022-06-14", "Kremenchuk").
    pub value: String,
    /// The report carrying it.
    pub event: i64,
}

/// The claims about one detail, and whether they disagree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// True when the claims disagree.
    pub conflict: bool,
    /// Every claim, in report order.
    pub claims: Vec<Claim>,
}

impl Detail {
    /// "Ukraine: 400 killed; Russia's MoD: 63 killed, later 89 killed": claims grouped by
    /// claimant, in order.
    pub fn summary(&self) -> String {
        let mut groups: Vec<(&str, &str, Vec<&str>)> = Vec::new();
        for c in &self.claims {
            let who = if c.who.is_empty() { &c.by } else { &c.who };
            match groups.iter_mut().find(|(w, _, _)| *w == who) {
                Some((_, _, vals)) => {
                    if vals.last() != Some(&c.value.as_str()) {
                        vals.push(&c.value)
                    }
                }
                None => groups.push((who, &c.by, vec![&c.value])),
            }
        }
        let parts: Vec<String> = groups
            .iter()
            .map(|(_, by, vals)| format!("{by}: {}", vals.join(", later ")))
            .collect();
        parts.join("; ")
    }
}

/// Details on which reports may disagree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Conflicts {
    /// Death tolls.
    pub fatalities: Detail,
    /// Event dates (day precision).
    pub dates: Detail,
    /// Places.
    pub locations: Detail,
}

impl Conflicts {
    /// True when any detail is in conflict.
    pub fn any(&self) -> bool {
        self.fatalities.conflict || self.dates.conflict || self.locations.conflict
    }
}

/// A reconciled event: one real-world event and every report of it.
#[derive(Debug, Clone, Serialize)]
pub struct Reconciled {
    /// Its id.
    pub id: i64,
    /// Code family: a CAMEO root, or `VIOL` for 18/19/20.
    pub family: String,
    /// First day of the union of the reports' date windows.
    pub first_day: Option<String>,
    /// Last day of it.
    pub last_day: Option<String>,
    /// The report that stands for it in series and exports.
    pub representative: i64,
    /// The reports.
    pub reports: Vec<ReconciledReport>,
    /// Details kept side by side.
    pub conflicts: Conflicts,
}

/// The code family used to find candidates: violence codes 18, 19 and 20 form one.
pub fn family(cameo: &str) -> String {
    let root: String = cameo.chars().take(2).collect();
    match root.as_str() {
        "18" | "19" | "20" => "VIOL".into(),
        _ => root,
    }
}

/// Codes whose actors can be named in either order ("A met B" = "B met A").
pub fn symmetric(cameo: &str) -> bool {
    (cameo.starts_with("04") && !cameo.starts_with("042") && !cameo.starts_with("043"))
        || cameo.starts_with("057")
        || cameo.starts_with("06")
}

/// What matching needs to know about a report.
#[derive(Debug, Clone)]
struct Key {
    id: i64,
    cameo: String,
    src: Option<String>,
    tgt: Option<String>,
    lo: Option<i64>,
    hi: Option<i64>,
    day_precise: bool,
    weapons: Vec<String>,
    place: Option<String>,
    country: Option<String>,
    coords: Option<(f64, f64)>,
    words: HashSet<String>,
    split: bool,
}

const KEY_COLUMNS: &str = "e.id, e.cameo, e.source_code, e.target_code, e.day_lo, e.day_hi, \
    e.date_precision, e.weapons, e.loc_text, e.loc_country, e.lat, e.lon, \
    CAST(substr(CAST(d.text AS BLOB), e.span_start + 1, e.span_end - e.span_start) AS TEXT), \
    EXISTS(SELECT 1 FROM splits s WHERE s.doc_id = e.doc_id AND s.sentence = e.sentence \
    AND s.cameo = e.cameo)";

/// Reads the [`KEY_COLUMNS`] starting at column `off`.
fn key_at(r: &rusqlite::Row<'_>, off: usize) -> rusqlite::Result<Key> {
    let weapons: Option<String> = r.get(off + 7)?;
    let weapons: Vec<String> = weapons
        .and_then(|w| serde_json::from_str::<Vec<String>>(&w).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    let precision: Option<String> = r.get(off + 6)?;
    let text: Option<String> = r.get(off + 12)?;
    let coords = match (
        r.get::<_, Option<f64>>(off + 10)?,
        r.get::<_, Option<f64>>(off + 11)?,
    ) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    Ok(Key {
        id: r.get(off)?,
        cameo: r.get(off + 1)?,
        src: r
            .get::<_, Option<String>>(off + 2)?
            .as_deref()
            .and_then(country_of),
        tgt: r
            .get::<_, Option<String>>(off + 3)?
            .as_deref()
            .and_then(country_of),
        lo: r.get(off + 4)?,
        hi: r.get(off + 5)?,
        day_precise: precision.as_deref() == Some(Precision::Day.as_str()),
        weapons,
        place: r
            .get::<_, Option<String>>(off + 8)?
            .map(|p| normalize_place(&p)),
        country: r.get(off + 9)?,
        coords,
        words: content_words(text.as_deref().unwrap_or("")),
        split: r.get(off + 13)?,
    })
}

fn normalize_place(p: &str) -> String {
    let p = p.trim().to_lowercase();
    let p = p.strip_prefix("the ").unwrap_or(&p);
    p.to_string()
}

fn content_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase())
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// True when one place name contains the other as whole words ("Kremenchuk" in
/// "a shopping centre in Kremenchuk").
fn names_overlap(a: &str, b: &str) -> bool {
    let contains = |hay: &str, needle: &str| {
        hay.match_indices(needle).any(|(i, _)| {
            let before = hay[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = hay[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    };
    !a.is_empty() && !b.is_empty() && (contains(a, b) || contains(b, a))
}

/// Compares two reports: `Some((score, features))` when they may be one event.
fn compare(a: &Key, b: &Key) -> Option<(f64, serde_json::Value)> {
    let mut score = 0.0;
    let mut f = serde_json::Map::new();
    // Dyad.
    let eq = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    };
    let straight = (eq(&a.src, &b.src), eq(&a.tgt, &b.tgt));
    let swapped = (eq(&a.src, &b.tgt), eq(&a.tgt, &b.src));
    let sym = symmetric(&a.cameo) && symmetric(&b.cameo);
    let mut partial = false;
    if straight == (Some(true), Some(true)) {
        score += 2.0;
        f.insert("dyad".into(), json!("same"));
    } else if sym && swapped == (Some(true), Some(true)) {
        score += 1.5;
        f.insert("dyad".into(), json!("swapped, symmetric code"));
    } else if straight.0 != Some(false) && straight.1 != Some(false)
        || sym && swapped.0 != Some(false) && swapped.1 != Some(false)
    {
        partial = true;
        score += 0.5;
        f.insert(
            "dyad".into(),
            json!("partial: an actor is unknown in one report"),
        );
    } else {
        return None;
    }
    // Code.
    let root = |c: &str| c.chars().take(2).collect::<String>();
    if a.cameo == b.cameo {
        score += 1.0;
        f.insert("code".into(), json!(format!("same code {}", a.cameo)));
    } else if root(&a.cameo) == root(&b.cameo) {
        score += 0.6;
        f.insert(
            "code".into(),
            json!(format!("same root {}", root(&a.cameo))),
        );
    } else if family(&a.cameo) == "VIOL" && family(&b.cameo) == "VIOL" {
        score += 0.3;
        f.insert(
            "code".into(),
            json!(format!("violence family {} / {}", a.cameo, b.cameo)),
        );
    } else {
        return None;
    }
    // Date.
    let (Some(alo), Some(ahi), Some(blo), Some(bhi)) = (a.lo, a.hi, b.lo, b.hi) else {
        return None;
    };
    if a.day_precise && b.day_precise {
        let d = (alo - blo).abs();
        if d > 2 {
            return None;
        }
        score += 1.0 - d as f64 / 3.0;
        f.insert("date".into(), json!(format!("{d} day(s) apart")));
    } else if (alo <= blo && bhi <= ahi) || (blo <= alo && ahi <= bhi) {
        score += 0.5;
        f.insert("date".into(), json!("one date window contains the other"));
    } else {
        return None;
    }
    // Place.
    let mut corroborated = false;
    if let (Some(pa), Some(pb)) = (&a.place, &b.place) {
        if let (Some(ca), Some(cb)) = (&a.country, &b.country) {
            if ca != cb {
                return None;
            }
        }
        let near = match (a.coords, b.coords) {
            (Some(x), Some(y)) => km_between(x, y) <= 25.0,
            _ => false,
        };
        if !(near || names_overlap(pa, pb)) {
            return None;
        }
        score += 1.0;
        corroborated = true;
        f.insert("place".into(), json!(format!("same place ({pa} / {pb})")));
    }
    // Weapon.
    if !a.weapons.is_empty() && !b.weapons.is_empty() {
        let shared: Vec<&String> = a.weapons.iter().filter(|w| b.weapons.contains(w)).collect();
        if shared.is_empty() {
            return None;
        }
        score += 1.0;
        corroborated = true;
        f.insert(
            "weapon".into(),
            json!(format!("same weapon ({})", shared[0])),
        );
    }
    // Wording.
    let sim = jaccard(&a.words, &b.words);
    score += 2.0 * sim;
    f.insert(
        "text_similarity".into(),
        json!((sim * 100.0).round() / 100.0),
    );
    if partial && !corroborated && sim < 0.5 {
        return None;
    }
    f.insert("score".into(), json!((score * 100.0).round() / 100.0));
    Some((score, serde_json::Value::Object(f)))
}

/// True when two reports cannot be one event, whatever else they share: other
/// countries in a role, dates too far apart, different places, no weapon in common.
fn contradicts(a: &Key, b: &Key) -> bool {
    let differ =
        |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
    let straight = differ(&a.src, &b.src) || differ(&a.tgt, &b.tgt);
    let swapped = differ(&a.src, &b.tgt) || differ(&a.tgt, &b.src);
    if straight && !(symmetric(&a.cameo) && symmetric(&b.cameo) && !swapped) {
        return true;
    }
    if family(&a.cameo) != family(&b.cameo) {
        return true;
    }
    if let (Some(alo), Some(ahi), Some(blo), Some(bhi)) = (a.lo, a.hi, b.lo, b.hi) {
        // Day-precise dates may differ by two days; a coarser window must come within
        // two days of the other.
        if (a.day_precise && b.day_precise && (alo - blo).abs() > 2)
            || ahi + 2 < blo
            || bhi + 2 < alo
        {
            return true;
        }
    }
    if let (Some(pa), Some(pb)) = (&a.place, &b.place) {
        let near = matches!((a.coords, b.coords), (Some(x), Some(y)) if km_between(x, y) <= 25.0);
        if differ(&a.country, &b.country) || !(near || names_overlap(pa, pb)) {
            return true;
        }
    }
    !a.weapons.is_empty()
        && !b.weapons.is_empty()
        && !a.weapons.iter().any(|w| b.weapons.contains(w))
}

fn load_keys(tx: &Transaction<'_>, ids: &[i64]) -> rusqlite::Result<Vec<Key>> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT {KEY_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?1"
    ))?;
    let mut keys = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(k) = st.query_row([id], |r| key_at(r, 0)).optional()? {
            keys.push(k);
        }
    }
    Ok(keys)
}

/// Most candidate clusters read for one new report: the nearest in date among those whose
/// dyad could match. Real reporting has a handful per dyad and day; the cap keeps a
/// pathological burst (hundreds of same-dyad events a day) from making ingest quadratic.
const MAX_CLUSTERS: usize = 200;

/// Clusters spanning at most this many days are found by start day alone (an index
/// range); longer ones through the partial index `reconciled_long` (schema version 2).
/// Must equal the bound in that index's definition.
const SHORT_SPAN: i64 = 31;

/// Most members read from one candidate cluster.
const MAX_MEMBERS: usize = 500;

/// SQL for [`country_of`] on a column: the first three letters, upper-cased, when they
/// are ASCII letters, else NULL.
fn sql_country(col: &str) -> String {
    format!("(CASE WHEN upper(substr({col}, 1, 3)) GLOB '[A-Z][A-Z][A-Z]' THEN upper(substr({col}, 1, 3)) END)")
}

/// Reconciles newly written events (inside the writer's transaction).
pub(crate) fn add_events(tx: &Transaction<'_>, ids: &[i64]) -> rusqlite::Result<()> {
    let mut keys = load_keys(tx, ids)?;
    keys.sort_by_key(|k| (k.lo.unwrap_or(i64::MAX), k.id));
    let mut touched = BTreeSet::new();
    for k in &keys {
        touched.insert(place(tx, k)?);
    }
    for rec in touched {
        refresh(tx, rec)?;
    }
    Ok(())
}

/// Puts one report in the best matching cluster, or a new one; returns the cluster id.
fn place(tx: &Transaction<'_>, k: &Key) -> rusqlite::Result<i64> {
    let fam = family(&k.cameo);
    let mut best: Option<(f64, i64, i64, serde_json::Value)> = None;
    if let (Some(lo), Some(hi), false) = (k.lo, k.hi, k.split) {
        // Blocking: only clusters holding a report whose dyad countries could match
        // (same or unknown, or swapped when the new code is symmetric) can yield a match,
        // so they are found first from cheap columns, nearest in date first and capped;
        // only their members are then read in full (text, weapons, place).
        let mut st = tx.prepare_cached(&format!(
            "SELECT rr.rec_id, min(abs(r.day_lo - ?3 - 2)) AS dist FROM reconciled r \
             JOIN reconciled_reports rr ON rr.rec_id = r.id JOIN events e ON e.id = rr.event_id \
             WHERE r.id IN (SELECT id FROM reconciled WHERE family = ?1 AND day_lo <= ?2 \
             AND day_lo >= ?3 - {SHORT_SPAN} AND day_hi >= ?3 UNION ALL SELECT id FROM reconciled \
             WHERE family = ?1 AND day_hi - day_lo > {SHORT_SPAN} AND day_lo < ?3 - {SHORT_SPAN} \
             AND day_hi >= ?3) AND ( \
             (({cs} IS NULL OR ?4 IS NULL OR {cs} = ?4) AND ({ct} IS NULL OR ?5 IS NULL OR {ct} = ?5)) \
             OR (?6 AND ({ct} IS NULL OR ?4 IS NULL OR {ct} = ?4) AND ({cs} IS NULL OR ?5 IS NULL OR {cs} = ?5))) \
             GROUP BY rr.rec_id ORDER BY dist, rr.rec_id LIMIT {MAX_CLUSTERS}",
            cs = sql_country("e.source_code"),
            ct = sql_country("e.target_code"),
        ))?;
        let recs: Vec<i64> = st
            .query_map(
                params![fam, hi + 2, lo - 2, k.src, k.tgt, symmetric(&k.cameo)],
                |r| r.get(0),
            )?
            .collect::<Result<_, _>>()?;
        let mut members = tx.prepare_cached(&format!(
            "SELECT rr.rec_id, {KEY_COLUMNS} FROM reconciled_reports rr \
             JOIN events e ON e.id = rr.event_id JOIN documents d ON d.id = e.doc_id \
             WHERE rr.rec_id = ?1 LIMIT {MAX_MEMBERS}"
        ))?;
        let mut rows = Vec::new();
        for rec in recs {
            for row in members.query_map([rec], |r| Ok((r.get::<_, i64>(0)?, key_at(r, 1)?)))? {
                rows.push(row);
            }
        }
        // Best match per cluster, and the clusters holding a report the new one
        // contradicts: joining needs a match with one member and no contradiction with
        // any (so a coarse "January" report cannot chain two different days together).
        let mut per_cluster: HashMap<i64, (f64, i64, serde_json::Value)> = HashMap::new();
        let mut barred = HashSet::new();
        for row in rows {
            let (rec, cand) = row?;
            if cand.split || cand.id == k.id {
                continue;
            }
            if contradicts(k, &cand) {
                barred.insert(rec);
            } else if let Some((score, features)) = compare(k, &cand) {
                if per_cluster.get(&rec).is_none_or(|b| score > b.0) {
                    per_cluster.insert(rec, (score, cand.id, features));
                }
            }
        }
        for (rec, (score, matched, features)) in per_cluster {
            if barred.contains(&rec) {
                continue;
            }
            let better = best
                .as_ref()
                .is_none_or(|b| score > b.0 || (score == b.0 && rec < b.1));
            if better {
                best = Some((score, rec, matched, features));
            }
        }
    }
    match best {
        Some((score, rec, matched, features)) => {
            tx.execute(
                "INSERT OR REPLACE INTO reconciled_reports(event_id, rec_id, matched_event, score, \
                 features) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![k.id, rec, matched, score, features.to_string()],
            )?;
            Ok(rec)
        }
        None => new_cluster(tx, k),
    }
}

fn new_cluster(tx: &Transaction<'_>, k: &Key) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO reconciled(family, day_lo, day_hi, rep_event) VALUES (?1, ?2, ?3, ?4)",
        params![family(&k.cameo), k.lo, k.hi, k.id],
    )?;
    let rec = tx.last_insert_rowid();
    let features = if k.split {
        json!({"split": "separated by the user"})
    } else {
        json!({"first": true})
    };
    tx.execute(
        "INSERT OR REPLACE INTO reconciled_reports(event_id, rec_id, matched_event, score, features) \
         VALUES (?1, ?2, NULL, NULL, ?3)",
        params![k.id, rec, features.to_string()],
    )?;
    Ok(rec)
}

/// Recomputes a cluster's window, representative and conflicts; deletes it when empty.
fn refresh(tx: &Transaction<'_>, rec: i64) -> rusqlite::Result<()> {
    let (n, lo, hi, rep): (i64, Option<i64>, Option<i64>, Option<i64>) = tx.query_row(
        "SELECT count(*), min(e.day_lo), max(e.day_hi), min(e.id) FROM reconciled_reports rr \
         JOIN events e ON e.id = rr.event_id WHERE rr.rec_id = ?1",
        [rec],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    if n == 0 {
        tx.execute("DELETE FROM reconciled WHERE id = ?1", [rec])?;
        return Ok(());
    }
    let conflicts = conflicts_of(tx, rec)?;
    let json = serde_json::to_string(&conflicts).unwrap_or_default();
    tx.execute(
        "UPDATE reconciled SET day_lo = ?2, day_hi = ?3, rep_event = ?4, conflicts = ?5 WHERE id = ?1",
        params![rec, lo, hi, rep, json],
    )?;
    Ok(())
}

fn conflicts_of(tx: &Transaction<'_>, rec: i64) -> rusqlite::Result<Conflicts> {
    let mut st = tx.prepare_cached(
        "SELECT e.id, COALESCE(e.attr_text, d.outlet, d.name), \
         COALESCE(upper(substr(e.attr_code, 1, 6)), e.attr_text, d.outlet, d.name), e.fat_min, e.fat_max, e.date, \
         e.date_precision, e.date_from_doc, e.loc_text FROM reconciled_reports rr \
         JOIN events e ON e.id = rr.event_id JOIN documents d ON d.id = e.doc_id \
         WHERE rr.rec_id = ?1 ORDER BY COALESCE(d.doc_date, d.meta_date, ''), e.id",
    )?;
    let mut c = Conflicts::default();
    let rows = st.query_map([rec], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, Option<i64>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, bool>(7)?,
            r.get::<_, Option<String>>(8)?,
        ))
    })?;
    for row in rows {
        let (event, by, who, fmin, fmax, date, precision, from_doc, place) = row?;
        if let (Some(a), Some(b)) = (fmin, fmax) {
            let value = if a == b {
                format!("{a} killed")
            } else {
                format!("{a}-{b} killed")
            };
            c.fatalities.claims.push(Claim {
                by: by.clone(),
                who: who.clone(),
                value,
                event,
            });
        }
        if let (Some(d), Some("day"), false) = (date, precision.as_deref(), from_doc) {
            c.dates.claims.push(Claim {
                by: by.clone(),
                who: who.clone(),
                value: d,
                event,
            });
        }
        if let Some(p) = place {
            c.locations.claims.push(Claim {
                by,
                who,
                value: p,
                event,
            });
        }
    }
    let distinct = |d: &Detail| {
        d.claims
            .iter()
            .map(|c| c.value.as_str())
            .collect::<HashSet<_>>()
            .len()
            > 1
    };
    c.fatalities.conflict = distinct(&c.fatalities);
    c.dates.conflict = distinct(&c.dates);
    let places: Vec<String> = c
        .locations
        .claims
        .iter()
        .map(|p| normalize_place(&p.value))
        .collect();
    c.locations.conflict = places.iter().enumerate().any(|(i, a)| {
        places[i + 1..]
            .iter()
            .any(|b| a != b && !names_overlap(a, b))
    });
    Ok(c)
}

/// Takes a document's reports out of their clusters before it is re-coded.
pub(crate) fn detach_doc(tx: &Transaction<'_>, doc_id: i64) -> rusqlite::Result<()> {
    let recs: Vec<i64> = {
        let mut st = tx.prepare_cached(
            "SELECT DISTINCT rr.rec_id FROM reconciled_reports rr JOIN events e ON e.id = rr.event_id \
             WHERE e.doc_id = ?1",
        )?;
        let v = st
            .query_map([doc_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        v
    };
    tx.execute(
        "DELETE FROM reconciled_reports WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?1)",
        [doc_id],
    )?;
    for rec in recs {
        refresh(tx, rec)?;
    }
    Ok(())
}

impl Store {
    /// One reconciled event with its reports, match reasons and conflicts.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown id; SQLite failures.
    pub fn reconciled(&self, id: i64) -> Result<Reconciled, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT family, day_lo, day_hi, rep_event, conflicts FROM reconciled WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<i64>>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound {
                what: "reconciled event",
                id,
            })?;
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS}, rr.matched_event, rr.score, rr.features FROM {FROM} \
                 WHERE rr.rec_id = ?1 ORDER BY e.id"
            ))
            .map_err(|e| self.err(e))?;
        let reports = st
            .query_map([id], |r| {
                let features: Option<String> = r.get(COLUMN_COUNT + 2)?;
                Ok(ReconciledReport {
                    event: from_row(r)?,
                    matched_event: r.get(COLUMN_COUNT)?,
                    score: r.get(COLUMN_COUNT + 1)?,
                    features: features
                        .and_then(|f| serde_json::from_str(&f).ok())
                        .unwrap_or(serde_json::Value::Null),
                })
            })
            .map_err(|e| self.err(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(Reconciled {
            id,
            family: head.0,
            first_day: head.1.map(format_day),
            last_day: head.2.map(format_day),
            representative: head.3,
            reports,
            conflicts: head
                .4
                .and_then(|c| serde_json::from_str(&c).ok())
                .unwrap_or_default(),
        })
    }

    /// Reconciled event ids whose window meets `[since, until]` (day numbers), in date order.
    ///
    /// # Errors
    /// SQLite failures.
    pub fn reconciled_ids(
        &self,
        since: Option<i64>,
        until: Option<i64>,
    ) -> Result<Vec<i64>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id FROM reconciled WHERE (?1 IS NULL OR day_hi >= ?1) AND (?2 IS NULL OR day_lo <= ?2) \
                 ORDER BY day_lo, id",
            )
            .map_err(|e| self.err(e))?;
        let ids = st
            .query_map(params![since, until], |r| r.get(0))
            .map_err(|e| self.err(e))?
            .collect::<Result<Vec<i64>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(ids)
    }

    /// Separates a report from its reconciled event, for good (a recode keeps it apart);
    /// returns the id of the reconciled event it now forms alone.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown report; SQLite failures.
    pub fn split(&mut self, event_id: i64) -> Result<i64, StoreError> {
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let found: Option<(i64, i64, String, Option<i64>)> = tx
            .query_row(
                "SELECT e.doc_id, e.sentence, e.cameo, rr.rec_id FROM events e \
                 LEFT JOIN reconciled_reports rr ON rr.event_id = e.id WHERE e.id = ?1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(err)?;
        let (doc, sentence, cameo, old) = found.ok_or(StoreError::NotFound {
            what: "event",
            id: event_id,
        })?;
        tx.execute(
            "INSERT OR IGNORE INTO splits(doc_id, sentence, cameo) VALUES (?1, ?2, ?3)",
            params![doc, sentence, cameo],
        )
        .map_err(err)?;
        tx.execute(
            "DELETE FROM reconciled_reports WHERE event_id = ?1",
            [event_id],
        )
        .map_err(err)?;
        if let Some(old) = old {
            refresh(&tx, old).map_err(err)?;
        }
        let key = load_keys(&tx, &[event_id]).map_err(err)?;
        let rec = match key.first() {
            Some(k) => new_cluster(&tx, k).map_err(err)?,
            None => {
                return Err(StoreError::NotFound {
                    what: "event",
                    id: event_id,
                })
            }
        };
        refresh(&tx, rec).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(rec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: i64, cameo: &str, src: &str, tgt: &str, day: i64) -> Key {
        Key {
            id,
            cameo: cameo.into(),
            src: country_of(src),
            tgt: country_of(tgt),
            lo: Some(day),
            hi: Some(day),
            day_precise: true,
            weapons: vec![],
            place: None,
            country: None,
            coords: None,
            words: HashSet::new(),
            split: false,
        }
    }

    #[test]
    fn same_dyad_close_dates_match() {
        let a = key(1, "195", "RUSMIL", "UKR", 100);
        let b = key(2, "190", "RUS", "UKRCVL", 101);
        let (_, f) = compare(&a, &b).unwrap();
        assert_eq!(f["dyad"], "same");
        assert!(
            compare(&a, &key(3, "195", "RUS", "UKR", 104)).is_none(),
            "3 days apart"
        );
        assert!(
            compare(&a, &key(3, "195", "UKR", "RUS", 100)).is_none(),
            "attack is directed"
        );
        assert!(
            compare(&a, &key(3, "042", "RUS", "UKR", 100)).is_none(),
            "other root"
        );
    }

    #[test]
    fn contradictions() {
        let a = key(1, "138", "RUS", "USA", 10);
        let mut month = key(2, "138", "RUS", "USA", 0);
        month.hi = Some(30);
        month.day_precise = false;
        assert!(!contradicts(&a, &month));
        assert!(
            contradicts(&a, &key(3, "1385", "RUS", "USA", 23)),
            "13 days apart"
        );
        assert!(
            contradicts(&a, &key(3, "138", "RUS", "GBR", 10)),
            "other target"
        );
        assert!(
            !contradicts(&a, &key(3, "138", "RUS", "", 10)),
            "unknown target"
        );
    }

    #[test]
    fn symmetric_codes_ignore_order() {
        let a = key(1, "046", "UKRGOV", "RUSGOV", 10);
        let b = key(2, "046", "RUSGOV", "UKRGOV", 10);
        assert_eq!(
            compare(&a, &b).unwrap().1["dyad"],
            "swapped, symmetric code"
        );
    }

    #[test]
    fn places_and_weapons_must_agree_when_both_given() {
        let mut a = key(1, "195", "RUS", "UKR", 10);
        let mut b = key(2, "195", "RUS", "UKR", 10);
        a.place = Some("kremenchuk".into());
        b.place = Some("a shopping centre in kremenchuk".into());
        assert!(compare(&a, &b).is_some());
        b.place = Some("odesa".into());
        assert!(compare(&a, &b).is_none());
        b.place = None;
        a.weapons = vec!["kh-22".into()];
        b.weapons = vec!["iskander".into()];
        assert!(compare(&a, &b).is_none());
    }

    #[test]
    fn partial_dyad_needs_corroboration() {
        let a = key(1, "195", "RUS", "UKR", 10);
        let mut b = key(2, "195", "RUS", "", 10);
        assert!(compare(&a, &b).is_none());
        b.weapons = vec!["kh-22".into()];
        let mut a2 = a.clone();
        a2.weapons = vec!["kh-22".into()];
        assert!(compare(&a2, &b).is_some());
    }

    #[test]
    fn coarse_dates_must_contain() {
        let a = key(1, "195", "RUS", "UKR", 10);
        let mut b = key(2, "195", "RUS", "UKR", 0);
        b.hi = Some(29);
        b.day_precise = false;
        assert!(compare(&a, &b).is_some());
        b.hi = Some(5);
        assert!(compare(&a, &b).is_none());
    }

    #[test]
    fn summary_groups_claims_by_claimant() {
        let d = Detail {
            conflict: true,
            claims: vec![
                Claim {
                    by: "Ukraine".into(),
                    who: "UKR".into(),
                    value: "400 killed".into(),
                    event: 1,
                },
                Claim {
                    by: "Russia's MoD".into(),
                    who: "RUSMIL".into(),
                    value: "63 killed".into(),
                    event: 2,
                },
                Claim {
                    by: "the MoD".into(),
                    who: "RUSMIL".into(),
                    value: "89 killed".into(),
                    event: 3,
                },
            ],
        };
        assert_eq!(
            d.summary(),
            "Ukraine: 400 killed; Russia's MoD: 63 killed, later 89 killed"
        );
    }
}
