//! Querying stored events: filters by date, dyad, code, weapon, actor and outlet.

use crate::date::parse_window;
use crate::rows::{from_row, COLUMNS, FROM};
use crate::{Store, StoreError};
use rung_coder::Event;
use rusqlite::types::Value;
use serde::Serialize;

/// A stored event report: the coded [`Event`] plus where it sits in the store.
#[derive(Debug, Clone, Serialize)]
pub struct StoredEvent {
    /// Report id.
    pub id: i64,
    /// Document id.
    pub doc_id: i64,
    /// Reconciled event it belongs to.
    pub reconciled: Option<i64>,
    /// Outlet of its document.
    pub outlet: Option<String>,
    /// URL of its document.
    pub url: Option<String>,
    /// Document date the coder found.
    pub doc_date: Option<String>,
    /// Coder version that produced it.
    pub coder_version: String,
    /// First day of its date window (event date, else article date), days since 1970.
    pub day_lo: Option<i64>,
    /// Last day of that window.
    pub day_hi: Option<i64>,
    /// The event itself.
    pub event: Event,
}

/// Two countries: either direction (`UKR-RUS`) or directed (`UKR>RUS`, source first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dyad {
    /// First country (source when directed).
    pub a: String,
    /// Second country.
    pub b: String,
    /// Whether order matters.
    pub directed: bool,
}

impl std::str::FromStr for Dyad {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Dyad, StoreError> {
        let (sep, directed) = if s.contains('>') {
            ('>', true)
        } else {
            ('-', false)
        };
        let mut it = s.split(sep).map(|p| p.trim().to_ascii_uppercase());
        match (it.next(), it.next(), it.next()) {
            (Some(a), Some(b), None)
                if a.len() >= 3
                    && b.len() >= 3
                    && a.chars().chain(b.chars()).all(|c| c.is_ascii_alphabetic()) =>
            {
                Ok(Dyad {
                    a: a[..3].to_string(),
                    b: b[..3].to_string(),
                    directed,
                })
            }
            _ => Err(StoreError::BadDyad(s.to_string())),
        }
    }
}

/// Which events to return; every field is optional and they combine with AND.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events whose date window ends on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).
    pub since: Option<String>,
    /// Events whose date window starts on or before the end of this date.
    pub until: Option<String>,
    /// Source and target countries.
    pub dyad: Option<Dyad>,
    /// CAMEO code prefix ("19", "0234").
    pub code: Option<String>,
    /// Any of these two-digit CAMEO roots (empty: all).
    pub roots: Vec<String>,
    /// Weapon name, case-insensitive.
    pub weapon: Option<String>,
    /// Actor: code prefix of source or target ("RUSMIL"), or words of its mention.
    pub actor: Option<String>,
    /// Outlet, case-insensitive substring.
    pub outlet: Option<String>,
    /// Only events of this reconciled event.
    pub reconciled: Option<i64>,
    /// Only the representative report of each reconciled event (plus unreconciled ones).
    pub representatives_only: bool,
    /// At most this many events.
    pub limit: Option<usize>,
}

impl EventFilter {
    /// The WHERE clause and its parameters.
    pub(crate) fn sql(&self) -> Result<(String, Vec<Value>), StoreError> {
        let mut w = vec!["1".to_string()];
        let mut p: Vec<Value> = Vec::new();
        let mut push = |clause: &str, vals: Vec<Value>, w: &mut Vec<String>| {
            // Number the placeholders: `?` becomes `?N`, N counting across clauses.
            let mut c = String::new();
            let mut parts = clause.split('?');
            c.push_str(parts.next().unwrap_or(""));
            for (part, v) in parts.zip(vals) {
                p.push(v);
                c.push_str(&format!("?{}", p.len()));
                c.push_str(part);
            }
            w.push(c);
        };
        if let Some(s) = &self.since {
            let win = parse_window(s).ok_or_else(|| StoreError::BadDate(s.clone()))?;
            push("e.day_hi >= ?", vec![Value::Integer(win.lo)], &mut w);
        }
        if let Some(s) = &self.until {
            let win = parse_window(s).ok_or_else(|| StoreError::BadDate(s.clone()))?;
            push("e.day_lo <= ?", vec![Value::Integer(win.hi)], &mut w);
        }
        if let Some(d) = &self.dyad {
            let (a, b) = (Value::Text(d.a.clone()), Value::Text(d.b.clone()));
            let directed = "(upper(substr(e.source_code, 1, 3)) = ? AND upper(substr(e.target_code, 1, 3)) = ?)";
            if d.directed {
                push(directed, vec![a, b], &mut w);
            } else {
                push(
                    &format!("({directed} OR {directed})"),
                    vec![a.clone(), b.clone(), b, a],
                    &mut w,
                );
            }
        }
        if let Some(c) = &self.code {
            push(
                "e.cameo LIKE ? || '%'",
                vec![Value::Text(c.clone())],
                &mut w,
            );
        }
        if !self.roots.is_empty() {
            let marks = vec!["?"; self.roots.len()].join(", ");
            let vals = self.roots.iter().map(|r| Value::Text(r.clone())).collect();
            push(&format!("substr(e.cameo, 1, 2) IN ({marks})"), vals, &mut w);
        }
        if let Some(x) = &self.weapon {
            let quoted = serde_json::to_string(&x.to_lowercase()).unwrap_or_default();
            push(
                "instr(lower(e.weapons), ?) > 0",
                vec![Value::Text(quoted)],
                &mut w,
            );
        }
        if let Some(a) = &self.actor {
            let code = Value::Text(a.to_ascii_uppercase());
            let text = Value::Text(a.to_lowercase());
            push(
                "(upper(e.source_code) LIKE ? || '%' OR upper(e.target_code) LIKE ? || '%' \
                 OR instr(lower(e.source_text), ?) > 0 OR instr(lower(e.target_text), ?) > 0)",
                vec![code.clone(), code, text.clone(), text],
                &mut w,
            );
        }
        if let Some(o) = &self.outlet {
            push(
                "instr(lower(d.outlet), ?) > 0",
                vec![Value::Text(o.to_lowercase())],
                &mut w,
            );
        }
        if self.representatives_only {
            w.push("(rr.rec_id IS NULL OR e.id = (SELECT rep_event FROM reconciled WHERE id = rr.rec_id))".into());
        }
        if let Some(r) = self.reconciled {
            push("rr.rec_id = ?", vec![Value::Integer(r)], &mut w);
        }
        Ok((w.join(" AND "), p))
    }
}

impl Store {
    /// Calls `f` on every event matching `filter`, in date order, without collecting them.
    ///
    /// # Errors
    /// A bad date in the filter, an SQLite failure, or the first error `f` returns.
    pub fn for_each_event<F>(&self, filter: &EventFilter, mut f: F) -> Result<(), StoreError>
    where
        F: FnMut(StoredEvent) -> Result<(), StoreError>,
    {
        let (wh, params) = filter.sql()?;
        let limit = filter
            .limit
            .map(|n| format!(" LIMIT {n}"))
            .unwrap_or_default();
        let sql = format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE {wh} ORDER BY e.day_lo IS NULL, e.day_lo, e.id{limit}"
        );
        let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = st
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            f(from_row(r).map_err(|e| self.err(e))?)?;
        }
        Ok(())
    }

    /// The events matching `filter`, in date order.
    ///
    /// # Errors
    /// A bad date in the filter or an SQLite failure.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyads_parse() {
        let d: Dyad = "ukr-rus".parse().unwrap();
        assert_eq!(
            (d.a.as_str(), d.b.as_str(), d.directed),
            ("UKR", "RUS", false)
        );
        let d: Dyad = "USA>UKR".parse().unwrap();
        assert!(d.directed);
        assert!("UKR".parse::<Dyad>().is_err());
        assert!("U-R".parse::<Dyad>().is_err());
    }

    #[test]
    fn filter_numbers_its_parameters() {
        let f = EventFilter {
            since: Some("2022-06".into()),
            dyad: Some("UKR-RUS".parse().unwrap()),
            code: Some("19".into()),
            ..Default::default()
        };
        let (sql, p) = f.sql().unwrap();
        assert_eq!(p.len(), 6);
        assert!(sql.contains("?6"), "{sql}");
        let bad = EventFilter {
            until: Some("soon".into()),
            ..Default::default()
        };
        assert!(matches!(bad.sql(), Err(StoreError::BadDate(_))));
    }
}
