//! The escalation ladder: the ordered first appearances of each kind of step up.
//!
//! Three kinds of rung, each with the report that first carried it:
//! - **delivery**: the first (supplier -> recipient, weapon) among 03x (promise), 06x
//!   (cooperation) and 07x (aid) events that name a weapon;
//! - **first use**: the first 18x/19x/20x event using a weapon against a given country
//!   (the country of the place hit, else the target's country); the weapon's origin is
//!   the supplier of its first delivery in the store;
//! - **threat**: a 13x threat from one country to another more severe than any before it
//!   for that pair (severity: [`threat_rank`]).
//!
//! Order is by event date (the first day of its window; the article date for undated
//! events), then report id. Negated, denied, hypothetical and requested events never make
//! a rung: "the U.S. will not send ATACMS" is not a delivery. Alerts select rungs by event
//! date, not ingest time: backfilling last year's reporting must not raise today's alarm.

use crate::date::{format_day, parse_window};
use crate::query::{EventFilter, StoredEvent};
use crate::{country_of, Store, StoreError};
use rung_coder::Modality;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What kind of step a rung is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RungKind {
    /// A weapon reaches (or is promised to) a recipient for the first time.
    Delivery,
    /// A weapon is used against a country for the first time.
    FirstUse,
    /// A more severe threat than before between two countries.
    Threat,
}

impl RungKind {
    /// Short name.
    pub fn as_str(self) -> &'static str {
        match self {
            RungKind::Delivery => "delivery",
            RungKind::FirstUse => "first-use",
            RungKind::Threat => "threat",
        }
    }
}

/// One rung of the ladder.
#[derive(Debug, Clone, Serialize)]
pub struct Rung {
    /// Kind.
    pub kind: RungKind,
    /// The event date as coded (or the first day of its window).
    pub date: String,
    /// Days since 1970 of the first day of its window, for ordering.
    pub day: i64,
    /// Supplier, user or threatener country ("?" when unknown).
    pub actor: String,
    /// Recipient, target or threatened country.
    pub counterpart: String,
    /// The weapon (deliveries and first uses).
    pub weapon: Option<String>,
    /// The weapon's category, when a [`WeaponInfo`] knows it.
    pub category: Option<String>,
    /// Where the weapon comes from, for first uses: its origin from [`WeaponInfo`], else
    /// the supplier of its first delivery in the store.
    pub origin: Option<String>,
    /// The threat level (threats): CAMEO code and name.
    pub level: Option<String>,
    /// The report's CAMEO code.
    pub cameo: String,
    /// The report that first carried it.
    pub event_id: i64,
    /// Its reconciled event.
    pub reconciled: Option<i64>,
    /// Its document.
    pub doc: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its sentence.
    pub text: String,
}

/// What the store may learn about a weapon from outside (rung-dict's weapon dictionary).
pub trait WeaponInfo {
    /// The weapon's category ("MLRS", "howitzer").
    fn category(&self, weapon: &str) -> Option<String>;
    /// The weapon's country of origin (actor country code).
    fn origin(&self, weapon: &str) -> Option<String>;
}

/// Severity of a 13x threat code; `None` for other codes. Higher is worse: from a vague
/// threat (130) through sanctions and military force to weapons of mass destruction (1385).
pub fn threat_rank(cameo: &str) -> Option<u32> {
    let rank = match cameo {
        "130" => 1,
        c if c.starts_with("131") => 2,
        c if c.starts_with("132") => 3,
        "133" | "134" | "135" => 4,
        "136" => 5,
        "137" => 6,
        "138" => 7,
        "1381" | "1382" => 8,
        "1384" => 9,
        "139" => 10,
        "1383" => 11,
        "1385" => 12,
        _ => return None,
    };
    Some(rank)
}

fn threat_name(cameo: &str) -> &'static str {
    match cameo {
        "130" => "threaten",
        c if c.starts_with("131") => "threaten non-force",
        c if c.starts_with("132") => "threaten sanctions",
        "133" => "threaten political dissent",
        "134" => "threaten to halt negotiations",
        "135" => "threaten to halt mediation",
        "136" => "threaten to halt international involvement",
        "137" => "threaten with repression",
        "138" => "threaten military force",
        "1381" => "threaten blockade",
        "1382" => "threaten occupation",
        "1383" => "threaten unconventional violence",
        "1384" => "threaten conventional attack",
        "1385" => "threaten with weapons of mass destruction",
        "139" => "give ultimatum",
        _ => "threat",
    }
}

fn counts(m: Modality) -> bool {
    !matches!(
        m,
        Modality::Negated | Modality::Denied | Modality::Hypothetical | Modality::Requested
    )
}

fn country(a: &Option<rung_coder::Actor>) -> Option<String> {
    a.as_ref().and_then(|a| country_of(&a.code))
}

fn rung(kind: RungKind, se: &StoredEvent, actor: String, counterpart: String) -> Rung {
    let day = se.day_lo.unwrap_or(0);
    Rung {
        kind,
        date: se.event.date.clone().unwrap_or_else(|| format_day(day)),
        day,
        actor,
        counterpart,
        weapon: None,
        category: None,
        origin: None,
        level: None,
        cameo: se.event.cameo.clone(),
        event_id: se.id,
        reconciled: se.reconciled,
        doc: se.event.doc.clone(),
        outlet: se.outlet.clone(),
        text: se.event.text.clone(),
    }
}

impl Store {
    /// The whole escalation ladder, in event-date order. `info` adds weapon categories and
    /// origins.
    ///
    /// # Errors
    /// SQLite failures.
    pub fn ladder(&self, info: Option<&dyn WeaponInfo>) -> Result<Vec<Rung>, StoreError> {
        let filter = EventFilter {
            roots: ["03", "06", "07", "13", "18", "19", "20"]
                .map(String::from)
                .to_vec(),
            ..Default::default()
        };
        let mut rungs = Vec::new();
        let mut deliveries = HashSet::new();
        let mut uses = HashSet::new();
        let mut threats: HashMap<(String, String), u32> = HashMap::new();
        self.for_each_event(&filter, |se| {
            if se.day_lo.is_none() || !counts(se.event.modality) {
                return Ok(());
            }
            let ev = &se.event;
            let root = &ev.cameo[..ev.cameo.len().min(2)];
            let src = country(&ev.source).unwrap_or_else(|| "?".into());
            match root {
                "03" | "06" | "07" => {
                    let tgt = country(&ev.target).unwrap_or_else(|| "?".into());
                    for w in &ev.weapons {
                        if deliveries.insert((src.clone(), tgt.clone(), w.to_lowercase())) {
                            let mut r = rung(RungKind::Delivery, &se, src.clone(), tgt.clone());
                            r.weapon = Some(w.clone());
                            rungs.push(r);
                        }
                    }
                }
                "18" | "19" | "20" => {
                    let hit = ev
                        .location
                        .as_ref()
                        .and_then(|l| l.country.clone())
                        .or_else(|| country(&ev.target));
                    let Some(hit) = hit else { return Ok(()) };
                    for w in &ev.weapons {
                        if uses.insert((w.to_lowercase(), hit.clone())) {
                            let mut r = rung(RungKind::FirstUse, &se, src.clone(), hit.clone());
                            r.weapon = Some(w.clone());
                            rungs.push(r);
                        }
                    }
                }
                "13" => {
                    let Some(rank) = threat_rank(&ev.cameo) else {
                        return Ok(());
                    };
                    let tgt = country(&ev.target).unwrap_or_else(|| "?".into());
                    let best = threats.entry((src.clone(), tgt.clone())).or_insert(0);
                    if rank > *best {
                        *best = rank;
                        let mut r = rung(RungKind::Threat, &se, src, tgt);
                        r.level = Some(format!("{} {}", ev.cameo, threat_name(&ev.cameo)));
                        rungs.push(r);
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        // A weapon's origin: the supplier of its first delivery anywhere in the store.
        let mut origin: HashMap<String, String> = HashMap::new();
        for r in rungs
            .iter()
            .filter(|r| r.kind == RungKind::Delivery && r.actor != "?")
        {
            if let Some(w) = &r.weapon {
                origin
                    .entry(w.to_lowercase())
                    .or_insert_with(|| r.actor.clone());
            }
        }
        for r in rungs.iter_mut() {
            let Some(w) = r.weapon.clone() else { continue };
            r.category = info.and_then(|i| i.category(&w));
            if r.kind == RungKind::FirstUse {
                r.origin = info
                    .and_then(|i| i.origin(&w))
                    .filter(|o| !o.is_empty())
                    .or_else(|| origin.get(&w.to_lowercase()).cloned());
            }
        }
        Ok(rungs)
    }

    /// Rungs whose event date is on or after `since` (YYYY, YYYY-MM or YYYY-MM-DD).
    ///
    /// # Errors
    /// [`StoreError::BadDate`]; SQLite failures.
    pub fn alerts(
        &self,
        since: &str,
        info: Option<&dyn WeaponInfo>,
    ) -> Result<Vec<Rung>, StoreError> {
        let from = parse_window(since)
            .ok_or_else(|| StoreError::BadDate(since.to_string()))?
            .lo;
        Ok(self
            .ladder(info)?
            .into_iter()
            .filter(|r| r.day >= from)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threats_rank_by_severity() {
        assert!(threat_rank("130") < threat_rank("138"));
        assert!(threat_rank("1384") < threat_rank("1385"));
        assert_eq!(threat_rank("190"), None);
        assert_eq!(
            threat_name("1385"),
            "threaten with weapons of mass destruction"
        );
    }
}
