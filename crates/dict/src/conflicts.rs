//! Wars and occupations, dated: what "the invaders", "the occupiers" and "the enemy" stand
//! for. These words name a side only relative to someone: the invaders of Ukraine are
//! Russian forces, the enemy of Ukrainian forces is Russia and the enemy of Russian forces
//! is Ukraine. The coder finds whose perspective a sentence takes (the other side of the
//! event, the speaker, the place) and asks this table.
//!
//! Data: `data/conflicts.tsv`. A side with more than one war at the time has no single
//! enemy: [`Conflicts::enemy_of`] then answers `None` and the word is left uncoded.

use crate::actors::Date;
use crate::codes::CodeSet;
use crate::load::date;
use crate::tsv::rows;
use crate::DictError;

const HEADER: &[&str] = &["kind", "side_a", "side_b", "from", "to", "note"];

/// What a row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// `side_a` is invaded or occupied by `side_b`.
    Occupation,
    /// `side_a` and `side_b` are at war.
    War,
}

/// One dated war or occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// What the row records.
    pub kind: ConflictKind,
    /// The occupied side, or one side of a war.
    pub side_a: String,
    /// The occupier, or the other side of a war.
    pub side_b: String,
    /// First day.
    pub from: Option<Date>,
    /// Last day, `None` while it lasts.
    pub to: Option<Date>,
}

impl Conflict {
    /// Whether the row holds on `d`; when `d` is unknown, whether it still lasts (undated
    /// text is read as current reporting).
    fn holds_on(&self, d: Option<Date>) -> bool {
        let Some(d) = d else {
            return self.to.is_none();
        };
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// The table.
#[derive(Debug, Clone, Default)]
pub struct Conflicts {
    rows: Vec<Conflict>,
}

impl Conflicts {
    /// Parses `text` (the contents of `file`), checking every code against `codes`.
    ///
    /// # Errors
    /// [`DictError`] naming file, line and entry for a bad kind, code or date.
    pub fn from_tsv(file: &str, text: &str, codes: &CodeSet) -> Result<Conflicts, DictError> {
        let mut out = Vec::new();
        for r in rows(file, text, HEADER, 4)? {
            let kind = match r.get(0) {
                "occupation" => ConflictKind::Occupation,
                "war" => ConflictKind::War,
                k => {
                    return Err(r.error(file, format!("kind {k:?} is not occupation or war")));
                }
            };
            let (a, b) = (r.get(1), r.get(2));
            for c in [a, b] {
                if !codes.is_prefix(c) {
                    return Err(DictError::unknown(file, r.line, r.raw, c));
                }
            }
            if a == b {
                return Err(r.error(file, "a side cannot fight or occupy itself"));
            }
            let from = date(&r, file, r.get(3))?;
            let to = date(&r, file, r.get(4))?;
            if let (Some(f), Some(t)) = (from, to) {
                if t < f {
                    return Err(r.error(file, "ends before it begins"));
                }
            }
            out.push(Conflict {
                kind,
                side_a: a.to_string(),
                side_b: b.to_string(),
                from,
                to,
            });
        }
        Ok(Conflicts { rows: out })
    }

    /// All rows.
    pub fn rows(&self) -> &[Conflict] {
        &self.rows
    }

    /// Who invades or occupies `country` on `date` (now, when unknown), when exactly one
    /// side does.
    pub fn invader_of(&self, country: &str, date: Option<Date>) -> Option<&str> {
        unique(
            self.rows
                .iter()
                .filter(|c| c.kind == ConflictKind::Occupation && c.side_a == country)
                .filter(|c| c.holds_on(date))
                .map(|c| c.side_b.as_str()),
        )
    }

    /// Every side `country` is at war with on `date` (now, when unknown): the theatre of
    /// its war, for choosing among places of the same name.
    pub fn opponents<'a, 'c>(
        &'a self,
        country: &'c str,
        date: Option<Date>,
    ) -> impl Iterator<Item = &'a str> + 'c
    where
        'a: 'c,
    {
        self.rows
            .iter()
            .filter(move |c| c.kind == ConflictKind::War && c.holds_on(date))
            .filter_map(move |c| {
                if c.side_a == country {
                    Some(c.side_b.as_str())
                } else if c.side_b == country {
                    Some(c.side_a.as_str())
                } else {
                    None
                }
            })
    }

    /// Whether `country` is at war with, or occupied by or occupying, another state on
    /// `date` (now, when unknown).
    pub fn interstate(&self, country: &str, date: Option<Date>) -> bool {
        self.rows
            .iter()
            .filter(|c| c.holds_on(date))
            .any(|c| c.side_a == country || c.side_b == country)
    }

    /// The one side `country` is at war with on `date` (now, when unknown); `None` when it
    /// fights none or several.
    pub fn enemy_of(&self, country: &str, date: Option<Date>) -> Option<&str> {
        unique(self.opponents(country, date))
    }
}

/// The single distinct value of `it`, if there is exactly one.
fn unique<'a>(mut it: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let first = it.next()?;
    it.all(|x| x == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &str) -> Result<Conflicts, DictError> {
        let codes = CodeSet::new(["UKR", "RUS", "ISR", "PSE", "LBN", "GEO"]);
        Conflicts::from_tsv("t.tsv", &format!("{}\n{rows}", HEADER.join("\t")), &codes)
    }

    #[test]
    fn invader_and_enemy() -> Result<(), DictError> {
        let t = table(
            "occupation\tUKR\tRUS\t2014-02-20\t\n\
             war\tUKR\tRUS\t2014-04-06\t\n\
             war\tISR\tPSE\t2023-10-07\t\n\
             war\tISR\tLBN\t2023-10-08\t2024-11-27\n\
             occupation\tGEO\tRUS\t2008-08-08\t",
        )?;
        assert_eq!(t.invader_of("UKR", Some((2022, 10, 1))), Some("RUS"));
        assert_eq!(t.invader_of("UKR", Some((2010, 1, 1))), None);
        assert_eq!(t.invader_of("RUS", None), None);
        assert_eq!(t.enemy_of("UKR", None), Some("RUS"));
        assert_eq!(t.enemy_of("RUS", Some((2023, 3, 1))), Some("UKR"));
        // two wars at once: no single enemy; one after the other ended
        assert_eq!(t.enemy_of("ISR", Some((2024, 1, 1))), None);
        assert_eq!(t.enemy_of("ISR", Some((2025, 1, 1))), Some("PSE"));
        assert_eq!(t.enemy_of("GEO", None), None);
        // undated: what still lasts (Israel's war with Lebanon has ended)
        assert_eq!(t.enemy_of("ISR", None), Some("PSE"));
        // occupation counts as much as war; a country in no row fights no other state
        assert!(t.interstate("GEO", None));
        assert!(!t.interstate("LBN", None));
        assert!(t.interstate("LBN", Some((2024, 1, 1))));
        assert!(!t.interstate("UKR", Some((2010, 1, 1))));
        Ok(())
    }

    #[test]
    fn bad_rows_are_named() {
        let e = table("war\tUKR\tXXX\t2014-04-06\t")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|m| m.contains("t.tsv:2") && m.contains("XXX")));
        let e = table("truce\tUKR\tRUS\t2014-04-06\t")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|m| m.contains("truce")));
        let e = table("war\tUKR\tRUS\t2014-04-06\t2013-01-01")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|m| m.contains("ends before")));
        let e = table("war\tUKR\tRUS\t2014-13-06\t")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|m| m.contains("bad date")));
    }

    #[test]
    fn builtin_table_loads() -> Result<(), DictError> {
        let d = crate::Dictionaries::builtin()?;
        assert_eq!(
            d.conflicts.invader_of("UKR", Some((2023, 1, 1))),
            Some("RUS")
        );
        assert_eq!(d.conflicts.enemy_of("RUS", Some((2023, 1, 1))), Some("UKR"));
        Ok(())
    }
}
