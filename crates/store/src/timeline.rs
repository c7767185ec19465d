//! Escalation series: per day, ISO week or month, overall or per dyad.
//!
//! By default each reconciled event counts once, through its representative report, so a
//! strike covered by ten outlets is one event, not ten; `reports` counts raw reports.
//! Events are bucketed by the first day of their date window, and only when the whole
//! window falls in one bucket (a month-precision date is not put on the 1st of the month
//! in a daily series); the others are counted as `imprecise`.
//!
//! Measures per bucket: events, events by quad class, Goldstein sum and mean, and
//! material-conflict intensity, the sum of -Goldstein over quad-class-4 events (a larger
//! number is more violence, weighted by CAMEO's severity).

use crate::date::{format_day, iso_week, month_label};
use crate::query::EventFilter;
use crate::{country_of, Store, StoreError};
use serde::Serialize;
use std::collections::BTreeMap;

/// Bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Calendar day (`2022-06-27`).
    Day,
    /// ISO week (`2022-W26`).
    Week,
    /// Calendar month (`2022-06`).
    Month,
}

impl Bucket {
    fn label(self, day: i64) -> String {
        match self {
            Bucket::Day => format_day(day),
            Bucket::Week => iso_week(day),
            Bucket::Month => month_label(day),
        }
    }
}

/// One bucket of the series.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TimelineRow {
    /// The bucket label.
    pub period: String,
    /// `SRC>TGT` countries when grouped by dyad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dyad: Option<String>,
    /// Events counted.
    pub events: u64,
    /// Events of quad classes 1 (verbal cooperation) to 4 (material conflict).
    pub quad: [u64; 4],
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
    /// Sum of -Goldstein over material-conflict events.
    pub material_conflict: f64,
}

/// A series and how many events were too imprecise to place in it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timeline {
    /// Buckets in time order (then dyad).
    pub rows: Vec<TimelineRow>,
    /// Matching events whose date window spans more than one bucket.
    pub imprecise: u64,
}

impl Store {
    /// The escalation series of the events matching `filter`.
    ///
    /// # Errors
    /// A bad filter date or an SQLite failure.
    pub fn timeline(
        &self,
        bucket: Bucket,
        filter: &EventFilter,
        by_dyad: bool,
        reports: bool,
    ) -> Result<Timeline, StoreError> {
        let mut filter = filter.clone();
        filter.representatives_only = !reports;
        let mut map: BTreeMap<(String, Option<String>), TimelineRow> = BTreeMap::new();
        let mut imprecise = 0;
        self.for_each_event(&filter, |se| {
            let (Some(lo), Some(hi)) = (se.day_lo, se.day_hi) else {
                imprecise += 1;
                return Ok(());
            };
            let period = bucket.label(lo);
            if bucket.label(hi) != period {
                imprecise += 1;
                return Ok(());
            }
            let ev = &se.event;
            let dyad = by_dyad.then(|| {
                let c = |a: &Option<rung_coder::Actor>| {
                    a.as_ref()
                        .and_then(|a| country_of(&a.code))
                        .unwrap_or_else(|| "?".into())
                };
                format!("{}>{}", c(&ev.source), c(&ev.target))
            });
            let row = map
                .entry((period.clone(), dyad.clone()))
                .or_insert_with(|| TimelineRow {
                    period,
                    dyad,
                    ..Default::default()
                });
            row.events += 1;
            if (1..=4).contains(&ev.quad) {
                row.quad[ev.quad as usize - 1] += 1;
            }
            row.goldstein_sum += ev.goldstein;
            if ev.quad == 4 {
                row.material_conflict -= ev.goldstein;
            }
            Ok(())
        })?;
        let rows = map
            .into_values()
            .map(|mut r| {
                r.goldstein_mean = if r.events == 0 {
                    0.0
                } else {
                    r.goldstein_sum / r.events as f64
                };
                r
            })
            .collect();
        Ok(Timeline { rows, imprecise })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::days_from_civil;

    #[test]
    fn labels() {
        let d = days_from_civil(2022, 6, 27);
        assert_eq!(Bucket::Day.label(d), "2022-06-27");
        assert_eq!(Bucket::Week.label(d), "2022-W26");
        assert_eq!(Bucket::Month.label(d), "2022-06");
    }
}
