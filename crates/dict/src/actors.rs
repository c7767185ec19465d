//! The actor dictionary: countries, demonyms, seats of power, organizations, media,
//! people with dated roles, blocs, armed groups and generic agents ("troops", "officials").
//!
//! [`ActorDict::find`] matches leftmost-longest over the tokenizer's words, then composes
//! adjacent mentions the way CAMEO coders read them:
//!
//! * country, demonym, seat or bloc + (`'s`) + agent(s): "Russian forces" -> `RUSMIL`,
//!   "Russia's Defence Ministry" -> `RUSGOVMIL`, "Kremlin spokesman" -> `RUSGOV`;
//! * (country...) + agent(s) + person: "Ukrainian President Volodymyr Zelensky" is one
//!   person mention with the person's code;
//! * agent(s) + "of" + (the) + country: "the president of Ukraine" -> `UKRGOV`.
//!
//! A run of agents takes the role of its last specific agent: "military officials" is MIL
//! (officials is generic), "government troops" is MIL. A defence ministry or minister is
//! `GOVMIL` (the CAMEO and PETRARCH convention: a government body with a military remit);
//! its first role, GOV, is what a reader keying on one role sees.
//!
//! [`ActorDict::find_atoms`] gives the raw matches without composition.

use crate::codes::CodeSet;
use crate::pattern::{fold, split_phrase};
use crate::trie::TokenTrie;
use crate::DictError;
use std::sync::Arc;

/// A calendar date `(year, month, day)`.
pub type Date = (i32, u8, u8);

/// The date used to resolve dated roles when the caller gives none: the middle of the
/// period rung's corpora mostly cover (the Russia-Ukraine war, 2022-2025). Callers that know
/// the article's date should use [`ActorDict::find_at`].
pub const DEFAULT_DATE: Date = (2023, 6, 30);

/// What kind of thing an actor pattern names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country by name: "Ukraine", "the United States", "U.S.".
    Country,
    /// A demonym or national adjective: "Ukrainian", "Russians", "American".
    Demonym,
    /// A capital or seat of power used for its government: "Moscow", "the Kremlin".
    Seat,
    /// A state body, agency, unit or company: "State Department", "SBU", "Black Sea Fleet".
    Organization,
    /// A named person (with dated roles).
    Person,
    /// A generic agent noun with a role and no country: "troops", "officials".
    Agent,
    /// A bloc or international organization: "the West", "NATO", "EU", "UN".
    Bloc,
    /// A news organization: "TASS", "Reuters", "the Wall Street Journal".
    Media,
    /// A non-state armed group or self-declared entity: "Hamas", "DPR", "Wagner Group".
    ArmedGroup,
}

impl ActorKind {
    /// Parses the kind names used in dictionary files.
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "country" => ActorKind::Country,
            "demonym" => ActorKind::Demonym,
            "seat" => ActorKind::Seat,
            "org" => ActorKind::Organization,
            "person" => ActorKind::Person,
            "agent" => ActorKind::Agent,
            "bloc" => ActorKind::Bloc,
            "media" => ActorKind::Media,
            "armed" => ActorKind::ArmedGroup,
            _ => return None,
        })
    }

    /// Can this mention lend its country to a following agent ("Russian" + "forces")?
    pub(crate) fn is_prefix_kind(self) -> bool {
        matches!(
            self,
            ActorKind::Country | ActorKind::Demonym | ActorKind::Seat | ActorKind::Bloc
        )
    }

    /// Does this mention absorb following agents while keeping its own code ("Wagner
    /// fighters", "SBU officers")?
    pub(crate) fn absorbs_agents(self) -> bool {
        matches!(self, ActorKind::Organization | ActorKind::ArmedGroup)
    }
}

/// One role of an entry, valid between two dates (inclusive; open when `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The actor code: `RUSGOV`, `USAELI`, `MIL`.
    pub code: String,
    /// First day the role holds.
    pub from: Option<Date>,
    /// Last day the role holds.
    pub to: Option<Date>,
    /// Where it was defined: (file, line).
    pub source: (String, usize),
}

impl Role {
    /// Does the role hold on day `d`?
    pub fn holds_on(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }

    fn overlaps(&self, o: &Role) -> bool {
        let start = self.from.max(o.from);
        let end = match (self.to, o.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, None) => a,
            (None, b) => b,
        };
        end.is_none_or(|e| start.is_none_or(|s| s <= e))
    }

    /// Distance in days (roughly) from `d` to the role's validity; 0 when it holds.
    fn distance(&self, d: Date) -> i64 {
        let n = |x: Date| x.0 as i64 * 372 + x.1 as i64 * 31 + x.2 as i64;
        match (self.from, self.to) {
            (Some(f), _) if d < f => n(f) - n(d),
            (_, Some(t)) if d > t => n(d) - n(t),
            _ => 0,
        }
    }
}

/// A dictionary entry: a pattern, its kind and its roles over time.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// The pattern as written ("Volodymyr Zelensky").
    pub pattern: String,
    /// What it names.
    pub kind: ActorKind,
    /// For agents: a generic person noun ("officials", "spokesman") that yields its role to
    /// a more specific neighbour ("military officials" is MIL).
    pub generic: bool,
    /// Its roles; never empty, never overlapping with different codes.
    pub roles: Vec<Role>,
}

impl ActorEntry {
    /// The role that holds on `date`, else the one nearest to it.
    pub fn role_on(&self, date: Date) -> &Role {
        &self.roles[self.role_index_on(date)]
    }

    /// Index in `roles` of [`ActorEntry::role_on`].
    fn role_index_on(&self, date: Date) -> usize {
        self.roles
            .iter()
            .enumerate()
            .min_by_key(|(_, r)| r.distance(date))
            .map_or(0, |(i, _)| i)
    }
}

/// An actor found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    /// First word (index into the words given to `find`).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The actor code, resolved for the date: `RUSMIL`, `USAGOV`, `NATO`; for a bare agent
    /// its role (`MIL`).
    pub code: String,
    /// What kind of mention it is (a composed "Russian forces" is an `Agent` with a country).
    pub kind: ActorKind,
    /// The country or bloc prefix (`RUS`, `NATO`, `WST`); `None` for a bare agent.
    pub country: Option<String>,
    /// The roles after the prefix (`GOV`, `GOVMIL`); empty for a plain country.
    pub role: String,
}

/// The compiled actor dictionary. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct ActorDict {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    entries: Vec<ActorEntry>,
    trie: TokenTrie,
    codes: CodeSet,
    /// Per entry, per role: length of the country or bloc prefix of its code.
    prefix_len: Vec<Box<[u8]>>,
}

impl ActorDict {
    /// An empty builder that knows the built-in country codes.
    pub fn builder() -> ActorDictBuilder {
        ActorDictBuilder::new(crate::load::country_codes())
    }

    /// A builder holding this dictionary's entries, to extend it.
    pub fn to_builder(&self) -> ActorDictBuilder {
        let entries = self.inner.entries.clone();
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.pattern.clone(), e.kind), i))
            .collect();
        ActorDictBuilder {
            entries,
            codes: self.inner.codes.clone(),
            index,
        }
    }

    /// Number of entries (patterns).
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// True when the dictionary has no entries.
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// All entries, in definition order.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.inner.entries
    }

    /// Composed mentions, dated roles resolved for [`DEFAULT_DATE`].
    pub fn find(&self, words: &[&str]) -> Vec<ActorMention> {
        self.find_at(words, None)
    }

    /// Composed mentions, dated roles resolved for `date` (or [`DEFAULT_DATE`]).
    pub fn find_at(&self, words: &[&str], date: Option<Date>) -> Vec<ActorMention> {
        let atoms = self.find_atoms_at(words, date);
        crate::compose::compose(words, atoms, |e| self.inner.entries[e].generic)
    }

    /// Raw leftmost-longest matches, without composition.
    pub fn find_atoms(&self, words: &[&str]) -> Vec<ActorMention> {
        self.find_atoms_at(words, None)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    /// Composed mentions over sub-tokens already cut into `p` (see [`crate::Dictionaries::scan`]).
    pub(crate) fn find_prepared(
        &self,
        words: &[&str],
        p: &mut crate::trie::Prepared,
        date: Option<Date>,
    ) -> Vec<ActorMention> {
        let hits = self.inner.trie.hits(words, p);
        let atoms = self.atoms(hits, date);
        crate::compose::compose(words, atoms, |e| self.inner.entries[e].generic)
    }

    /// Raw matches with the entry index of each.
    fn find_atoms_at(&self, words: &[&str], date: Option<Date>) -> Vec<(ActorMention, usize)> {
        self.atoms(self.inner.trie.find(words), date)
    }

    /// Mentions of trie hits, with the entry index of each.
    fn atoms(
        &self,
        hits: Vec<(usize, usize, u32)>,
        date: Option<Date>,
    ) -> Vec<(ActorMention, usize)> {
        let date = date.unwrap_or(DEFAULT_DATE);
        hits.into_iter()
            .map(|(start, end, e)| {
                let entry = &self.inner.entries[e as usize];
                let ri = entry.role_index_on(date);
                let code = entry.roles[ri].code.as_str();
                // the country prefix's length, split once at build time
                let cut = self.inner.prefix_len[e as usize]
                    .get(ri)
                    .map_or(0, |&n| usize::from(n));
                let (prefix, role) = code.split_at(cut.min(code.len()));
                let m = ActorMention {
                    start,
                    end,
                    code: code.to_string(),
                    kind: entry.kind,
                    country: (!prefix.is_empty()).then(|| prefix.to_string()),
                    role: role.to_string(),
                };
                (m, e as usize)
            })
            .collect()
    }
}

/// Collects entries, checks them and compiles an [`ActorDict`].
#[derive(Debug, Clone)]
pub struct ActorDictBuilder {
    entries: Vec<ActorEntry>,
    codes: CodeSet,
    /// (pattern, kind) -> index in `entries`, so a repeated pattern finds its entry fast.
    index: rustc_hash::FxHashMap<(String, ActorKind), usize>,
}

impl ActorDictBuilder {
    /// An empty builder checking codes against `codes`.
    pub fn new(codes: CodeSet) -> ActorDictBuilder {
        ActorDictBuilder {
            entries: Vec::new(),
            codes,
            index: Default::default(),
        }
    }

    /// Accepts `prefix` as a country or group code in later entries.
    pub fn add_prefix(&mut self, prefix: &str) -> &mut Self {
        self.codes.add_prefix(prefix);
        self
    }

    /// Adds a pattern with a code valid between two dates. The same pattern may be added
    /// again with another code for another period (a person's successive roles).
    ///
    /// # Errors
    /// [`DictError::UnknownCode`] for a malformed code, [`DictError::Parse`] for an empty
    /// pattern or a reversed date range.
    pub fn add_entry(
        &mut self,
        pattern: &str,
        code: &str,
        kind: ActorKind,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Result<&mut Self, DictError> {
        let line = self.entries.len() + 1;
        self.add_sourced(pattern, code, kind, false, from, to, ("<builder>", line))
    }

    /// Adds an entry, recording which file and line it came from for error messages.
    ///
    /// # Errors
    /// As [`ActorDictBuilder::add_entry`].
    #[allow(clippy::too_many_arguments)]
    pub fn add_sourced(
        &mut self,
        pattern: &str,
        code: &str,
        kind: ActorKind,
        generic: bool,
        from: Option<Date>,
        to: Option<Date>,
        source: (&str, usize),
    ) -> Result<&mut Self, DictError> {
        let (file, line) = source;
        if split_phrase(pattern).is_empty() {
            return Err(DictError::parse(file, line, pattern, "empty pattern"));
        }
        match self.codes.split(code) {
            None => return Err(DictError::unknown(file, line, pattern, code)),
            Some((prefix, _)) if prefix.is_empty() != (kind == ActorKind::Agent) => {
                let msg = "agents carry a role only; every other kind needs a country or bloc code";
                return Err(DictError::parse(
                    file,
                    line,
                    &format!("{pattern} {code}"),
                    msg,
                ));
            }
            Some(_) => {}
        }
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(DictError::parse(
                    file,
                    line,
                    pattern,
                    "date range ends before it starts",
                ));
            }
        }
        let role = Role {
            code: code.to_string(),
            from,
            to,
            source: (file.to_string(), line),
        };
        // A repeated pattern of the same kind adds a dated role to the earlier entry; the
        // collision check at build time decides whether the roles are compatible.
        match self.index.get(&(pattern.to_string(), kind)) {
            Some(&i) => self.entries[i].roles.push(role),
            None => {
                self.index
                    .insert((pattern.to_string(), kind), self.entries.len());
                self.entries.push(ActorEntry {
                    pattern: pattern.to_string(),
                    kind,
                    generic,
                    roles: vec![role],
                });
            }
        }
        Ok(self)
    }

    /// Checks for collisions and compiles the matcher.
    ///
    /// # Errors
    /// [`DictError::Collision`] when two entries give the same pattern (same words, same
    /// capitalization) different codes for overlapping periods; the error names both lines.
    pub fn build(&self) -> Result<ActorDict, DictError> {
        let mut trie = TokenTrie::default();
        let mut entries: Vec<ActorEntry> = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            check_roles(e)?;
            let tokens = split_phrase(&e.pattern);
            let same: Vec<u32> = trie.lookup(&tokens).to_vec();
            let mut duplicate = false;
            for idx in same {
                let other = &entries[idx as usize];
                if !same_case(&other.pattern, &e.pattern) {
                    continue;
                }
                check_pair(other, e)?;
                duplicate = true;
            }
            if !duplicate {
                trie.insert(&tokens, entries.len() as u32);
                entries.push(e.clone());
            }
        }
        let prefix_len = entries
            .iter()
            .map(|e| {
                e.roles
                    .iter()
                    .map(|r| {
                        let (prefix, _) = self.codes.split(&r.code).unwrap_or(("", &r.code));
                        prefix.len() as u8
                    })
                    .collect()
            })
            .collect();
        Ok(ActorDict {
            inner: Arc::new(Inner {
                entries,
                trie,
                codes: self.codes.clone(),
                prefix_len,
            }),
        })
    }
}

/// Do two fold-equal patterns also constrain capitalization the same way?
fn same_case(a: &str, b: &str) -> bool {
    let ca = split_phrase(a).into_iter().map(crate::pattern::Case::of);
    let cb = split_phrase(b).into_iter().map(crate::pattern::Case::of);
    ca.eq(cb)
}

/// Within one entry, overlapping roles must agree.
fn check_roles(e: &ActorEntry) -> Result<(), DictError> {
    for (i, a) in e.roles.iter().enumerate() {
        for b in &e.roles[i + 1..] {
            if a.code != b.code && a.overlaps(b) {
                return Err(collision(&e.pattern, b, a));
            }
        }
    }
    Ok(())
}

/// Two entries with the same pattern: fine when every overlapping pair of roles agrees
/// (a repeated alias), an error otherwise.
fn check_pair(earlier: &ActorEntry, later: &ActorEntry) -> Result<(), DictError> {
    for b in &later.roles {
        for a in &earlier.roles {
            if (a.code != b.code || earlier.kind != later.kind) && a.overlaps(b) {
                if a.code == b.code {
                    continue; // same code under two kinds (e.g. seat and organization): harmless
                }
                return Err(collision(&later.pattern, b, a));
            }
        }
    }
    Ok(())
}

fn collision(pattern: &str, later: &Role, earlier: &Role) -> DictError {
    DictError::Collision(Box::new(crate::error::Collision {
        file: later.source.0.clone(),
        line: later.source.1,
        pattern: pattern.to_string(),
        code: later.code.clone(),
        other_file: earlier.source.0.clone(),
        other_line: earlier.source.1,
        other_code: earlier.code.clone(),
    }))
}

/// Is this word a possessive clitic?
pub(crate) fn is_possessive(word: &str) -> bool {
    matches!(fold(word).as_str(), "'s" | "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> ActorDict {
        let mut b = ActorDict::builder();
        b.add_entry("Russia", "RUS", ActorKind::Country, None, None)
            .unwrap();
        b.add_entry("Russian", "RUS", ActorKind::Demonym, None, None)
            .unwrap();
        b.add_entry("forces", "MIL", ActorKind::Agent, None, None)
            .unwrap();
        b.add_entry(
            "Biden",
            "USAGOV",
            ActorKind::Person,
            Some((2021, 1, 20)),
            Some((2025, 1, 19)),
        )
        .unwrap();
        b.add_entry(
            "Biden",
            "USAELI",
            ActorKind::Person,
            Some((2025, 1, 20)),
            None,
        )
        .unwrap();
        b.build().unwrap()
    }

    #[test]
    fn dated_roles_resolve() {
        let d = dict();
        let at = |y| {
            d.find_at(&["Biden", "said"], Some((y, 6, 1)))[0]
                .code
                .clone()
        };
        assert_eq!(at(2023), "USAGOV");
        assert_eq!(at(2026), "USAELI");
        // before any role: the nearest one
        assert_eq!(at(2015), "USAGOV");
    }

    #[test]
    fn overlapping_roles_with_different_codes_collide() {
        let mut b = ActorDict::builder();
        b.add_entry("Smith", "USAGOV", ActorKind::Person, None, None)
            .unwrap();
        b.add_entry("Smith", "GBRGOV", ActorKind::Person, None, None)
            .unwrap();
        let err = b.build().unwrap_err();
        assert!(matches!(err, DictError::Collision(_)), "{err}");
    }

    #[test]
    fn bad_codes_are_refused() {
        let mut b = ActorDict::builder();
        assert!(b
            .add_entry("Foo", "XQZGOV", ActorKind::Country, None, None)
            .is_err());
        assert!(b
            .add_entry("troops", "RUSMIL", ActorKind::Agent, None, None)
            .is_err());
        assert!(b
            .add_entry("Bar", "MIL", ActorKind::Organization, None, None)
            .is_err());
    }

    #[test]
    fn mention_has_country_and_role() {
        let d = dict();
        let m = &d.find_atoms(&["Russian", "forces"]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].country.as_deref(), Some("RUS"));
        assert_eq!(m[1].country, None);
        assert_eq!(m[1].role, "MIL");
    }
}
