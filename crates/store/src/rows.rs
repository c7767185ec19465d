//! Event rows: writing an [`Event`] into the `events` table and reading it back.
//!
//! The sentence text is not stored per event: it is a byte span of the document's text,
//! cut by SQLite on read (`substr` over the text cast to a BLOB counts bytes, not
//! characters). That keeps the store about one copy of each article.

use crate::date::{parse_window, DateWindow};
use crate::query::StoredEvent;
use rung_coder::{Actor, Event, Fatalities, Location, Modality, Plover};
use rusqlite::{params, Row, Transaction};

/// The SELECT list that [`from_row`] reads, over `events e JOIN documents d` with
/// `LEFT JOIN reconciled_reports rr` and `JOIN coder_versions cv`.
pub(crate) const COLUMNS: &str = "e.id, e.doc_id, rr.rec_id, d.outlet, d.url, d.doc_date, \
    cv.version, d.name, e.sentence, e.span_start, e.span_end, \
    CAST(substr(CAST(d.text AS BLOB), e.span_start + 1, e.span_end - e.span_start) AS TEXT), \
    e.date, e.source_code, e.source_text, e.target_code, e.target_text, e.cameo, e.goldstein, \
    e.quad, e.plover_type, e.plover_mode, e.weapons, e.loc_text, e.loc_country, e.lat, e.lon, \
    e.fat_min, e.fat_max, e.modality, e.attr_code, e.attr_text, e.trigger_start, \
    e.trigger_end, e.day_lo, e.day_hi, e.source_inferred, e.target_inferred";

/// How many columns [`COLUMNS`] selects: a query that selects more after them reads those
/// from this index on.
pub(crate) const COLUMN_COUNT: usize = 38;

/// The FROM clause that goes with [`COLUMNS`].
pub(crate) const FROM: &str = "events e JOIN documents d ON d.id = e.doc_id \
    JOIN coder_versions cv ON cv.id = e.coder_version_id \
    LEFT JOIN reconciled_reports rr ON rr.event_id = e.id";

pub(crate) fn modality_str(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Reported => "reported",
        Modality::Claimed => "claimed",
        Modality::Denied => "denied",
        Modality::Intended => "intended",
        Modality::Requested => "requested",
        Modality::Threatened => "threatened",
        Modality::Hypothetical => "hypothetical",
        Modality::Negated => "negated",
    }
}

fn modality_from(s: &str) -> Modality {
    serde_json::from_value(serde_json::Value::String(s.to_string())).unwrap_or(Modality::Asserted)
}

/// Inserts one event; returns its id. `doc_window` stands in when the event has no date
/// (the article's date bounds when it happened).
pub(crate) fn insert_event(
    tx: &Transaction<'_>,
    doc_id: i64,
    ev: &Event,
    coder_version_id: i64,
    doc_window: Option<DateWindow>,
) -> rusqlite::Result<i64> {
    let own = ev.date.as_deref().and_then(parse_window);
    let (window, from_doc) = match own {
        Some(w) => (Some(w), false),
        None => (doc_window, doc_window.is_some()),
    };
    let weapons = if ev.weapons.is_empty() {
        None
    } else {
        serde_json::to_string(&ev.weapons).ok()
    };
    let mut st = tx.prepare_cached(
        "INSERT INTO events(doc_id, sentence, span_start, span_end, trigger_start, trigger_end, \
         date, day_lo, day_hi, date_precision, date_from_doc, source_code, source_text, \
         target_code, target_text, cameo, goldstein, quad, plover_type, plover_mode, weapons, \
         loc_text, loc_country, lat, lon, fat_min, fat_max, modality, attr_code, attr_text, \
         coder_version_id, source_inferred, target_inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, \
         ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, \
         ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
    )?;
    let loc = ev.location.as_ref();
    st.execute(params![
        doc_id,
        ev.sentence as i64,
        ev.span[0] as i64,
        ev.span[1] as i64,
        ev.trigger.map(|t| t[0] as i64),
        ev.trigger.map(|t| t[1] as i64),
        ev.date,
        window.map(|w| w.lo),
        window.map(|w| w.hi),
        window.map(|w| w.precision.as_str()),
        from_doc,
        ev.source.as_ref().map(|a| &a.code),
        ev.source.as_ref().map(|a| &a.text),
        ev.target.as_ref().map(|a| &a.code),
        ev.target.as_ref().map(|a| &a.text),
        ev.cameo,
        ev.goldstein,
        ev.quad as i64,
        ev.plover.kind,
        ev.plover.mode,
        weapons,
        loc.map(|l| &l.text),
        loc.and_then(|l| l.country.as_ref()),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        ev.fatalities.map(|f| f.min as i64),
        ev.fatalities.map(|f| f.max as i64),
        modality_str(ev.modality),
        ev.attribution.as_ref().map(|a| &a.code),
        ev.attribution.as_ref().map(|a| &a.text),
        coder_version_id,
        ev.source.as_ref().is_some_and(|a| a.inferred),
        ev.target.as_ref().is_some_and(|a| a.inferred),
    ])?;
    Ok(tx.last_insert_rowid())
}

fn actor(code: Option<String>, text: Option<String>) -> Option<Actor> {
    match (code, text) {
        (None, None) => None,
        (code, text) => Some(Actor {
            text: text.unwrap_or_default(),
            code: code.unwrap_or_default(),
            inferred: false,
        }),
    }
}

fn usize_of(v: Option<i64>) -> Option<usize> {
    v.map(|x| x.max(0) as usize)
}

/// Reads a row selected with [`COLUMNS`].
pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredEvent> {
    let weapons: Option<String> = r.get(22)?;
    let weapons: Vec<String> = weapons
        .and_then(|w| serde_json::from_str(&w).ok())
        .unwrap_or_default();
    let loc_text: Option<String> = r.get(23)?;
    let location = loc_text.map(|text| -> rusqlite::Result<Location> {
        Ok(Location {
            text,
            country: r.get(24)?,
            lat: r.get(25)?,
            lon: r.get(26)?,
        })
    });
    let fat: (Option<i64>, Option<i64>) = (r.get(27)?, r.get(28)?);
    let fatalities = match fat {
        (Some(min), Some(max)) => Some(Fatalities {
            min: min as u64,
            max: max as u64,
        }),
        _ => None,
    };
    let trigger = match (usize_of(r.get(32)?), usize_of(r.get(33)?)) {
        (Some(a), Some(b)) => Some([a, b]),
        _ => None,
    };
    let modality: String = r.get(29)?;
    let source_inferred: bool = r.get(36)?;
    let target_inferred: bool = r.get(37)?;
    let event = Event {
        doc: r.get(7)?,
        sentence: r.get::<_, i64>(8)? as usize,
        span: [r.get::<_, i64>(9)? as usize, r.get::<_, i64>(10)? as usize],
        text: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
        date: r.get(12)?,
        source: actor(r.get(13)?, r.get(14)?).map(|a| Actor {
            inferred: source_inferred,
            ..a
        }),
        target: actor(r.get(15)?, r.get(16)?).map(|a| Actor {
            inferred: target_inferred,
            ..a
        }),
        cameo: r.get(17)?,
        goldstein: r.get(18)?,
        quad: r.get::<_, i64>(19)? as u8,
        plover: Plover {
            kind: r.get(20)?,
            mode: r.get(21)?,
        },
        weapons,
        location: location.transpose()?,
        fatalities,
        modality: modality_from(&modality),
        attribution: actor(r.get(30)?, r.get(31)?),
        trigger,
    };
    Ok(StoredEvent {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        reconciled: r.get(2)?,
        outlet: r.get(3)?,
        url: r.get(4)?,
        doc_date: r.get(5)?,
        coder_version: r.get(6)?,
        day_lo: r.get(34)?,
        day_hi: r.get(35)?,
        event,
    })
}

/// Inserts the coder version if new; returns its id.
pub(crate) fn coder_version_id(tx: &Transaction<'_>, version: &str) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT OR IGNORE INTO coder_versions(version) VALUES (?1)",
        [version],
    )?;
    tx.query_row(
        "SELECT id FROM coder_versions WHERE version = ?1",
        [version],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_count_is_what_columns_selects() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::schema::open(&dir.path().join("rung.db")).unwrap();
        let st = conn
            .prepare(&format!("SELECT {COLUMNS} FROM {FROM}"))
            .unwrap();
        assert_eq!(st.column_count(), COLUMN_COUNT);
    }
}
