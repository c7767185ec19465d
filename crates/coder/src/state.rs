//! Document-level memory: who was mentioned, which weapons, which events, what time the
//! narrative is at. Pronouns, "the country", "these missiles", "this attack" and narrative
//! dates are resolved against it.

use crate::Event;

/// An actor as the coder carries it around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRef {
    /// The words.
    pub text: String,
    /// The code.
    pub code: String,
}

/// Whether a code is a plain three-letter country or bloc prefix (`UKR`, `WST`), not a
/// placeholder side (`~EN`) or a bare role.
pub fn is_country_code(c: &str) -> bool {
    c.len() == 3 && c.chars().all(|x| x.is_ascii_uppercase())
}

/// Whether a code is a state's: a country code that is no region, bloc or kind of
/// organization (CAMEO's `EUR`, `WST`, `AFR`, `UNO`, `IGO`...).
pub fn is_state_code(c: &str) -> bool {
    const NOT_STATES: [&str; 28] = [
        "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MDT", "MEA",
        "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST", "UNO", "IGO", "NGO",
        "IMG", "MNC",
    ];
    is_country_code(c) && !NOT_STATES.contains(&c)
}

impl ActorRef {
    /// The first three letters (country or bloc).
    pub fn country(&self) -> &str {
        self.code.get(..3).unwrap_or(&self.code)
    }
}

/// An actor remembered from an earlier sentence.
#[derive(Debug, Clone)]
pub struct Remembered {
    /// The actor.
    pub actor: ActorRef,
    /// Was it a subject?
    pub subject: bool,
    /// Is it a plain country or bloc (not an agent or person)?
    pub country_like: bool,
    /// Sentence index.
    pub sentence: usize,
    /// A named person?
    pub person: bool,
}

/// Memory of one document.
#[derive(Debug, Default)]
pub struct DocState {
    /// Actors in order of mention.
    pub actors: Vec<Remembered>,
    /// Weapons in order of mention.
    pub weapons: Vec<(String, usize)>,
    /// Events emitted so far.
    pub events: Vec<Event>,
    /// Latest absolute time expression seen (narrative time).
    pub narrative: Option<String>,
    /// Surnames introduced beside a role ("Turkish Foreign Minister Hakan Fidan"), with
    /// the actor they stand for later in the document.
    pub names: Vec<(String, rung_dict::ActorMention)>,
    /// The last place (not a country) named, for "the region", "the city" later on.
    pub last_place: Option<crate::view::PlaceSpan>,
    /// The place a line's label names ("21 Sep - Moscow, Russia: ..."), for the sentences
    /// of that line.
    pub line_place: Option<crate::view::PlaceSpan>,
    /// The date a line's label names ("- June 1, 2022: ..."), for the sentences of that
    /// line.
    pub line_date: Option<String>,
    /// The country of the last one who spoke ("..., the General Staff said"): whose
    /// "enemy" a later unattributed sentence of the report means.
    pub speaker: Option<String>,
    /// Attacks whose sentence names no attacker, with the country attacked (the target's,
    /// else the place's: "the hospital in Kharkiv was struck"); given a source at the end
    /// of the document, or dropped.
    /// Attacks with no attacker named: the event, the attacked country, and whether the
    /// sentence names the means ("shelling struck", "an airstrike killed") rather than only
    /// the dead ("seven civilians were killed").
    pub sourceless: Vec<(Event, String, bool)>,
}

impl DocState {
    /// Clears for a new document, keeping capacity.
    pub fn clear(&mut self) {
        self.actors.clear();
        self.weapons.clear();
        self.events.clear();
        self.narrative = None;
        self.names.clear();
        self.last_place = None;
        self.line_place = None;
        self.line_date = None;
        self.speaker = None;
        self.sourceless.clear();
    }

    /// The most recent actor, preferring subjects, within the last few sentences.
    /// With `person`, for "he" and "she", a named person when there is one in the window.
    pub fn recent_actor(
        &self,
        now: usize,
        exclude_country: Option<&str>,
        person: bool,
    ) -> Option<&ActorRef> {
        let ok = |r: &&Remembered| {
            now.saturating_sub(r.sentence) <= 3
                && exclude_country.is_none_or(|c| r.actor.country() != c)
        };
        if person {
            if let Some(r) = self.actors.iter().rev().filter(ok).find(|r| r.person) {
                return Some(&r.actor);
            }
        }
        self.actors
            .iter()
            .rev()
            .filter(ok)
            .find(|r| r.subject)
            .or_else(|| self.actors.iter().rev().find(ok))
            .map(|r| &r.actor)
    }

    /// The most recent country or bloc other than `not`.
    pub fn recent_country(&self, not: Option<&str>) -> Option<&ActorRef> {
        self.actors
            .iter()
            .rev()
            // ("the country" is a state: never the EU or NATO named in between)
            .find(|r| {
                r.country_like
                    && is_state_code(r.actor.country())
                    && not.is_none_or(|c| r.actor.country() != c)
            })
            .map(|r| &r.actor)
    }

    /// The most recently mentioned weapon, within the last few sentences.
    pub fn recent_weapon(&self, now: usize) -> Option<&str> {
        self.weapons
            .iter()
            .rev()
            .find(|(_, s)| now.saturating_sub(*s) <= 3)
            .map(|(w, _)| w.as_str())
    }

    /// The most recent event whose code starts with one of `roots`, within `window`
    /// sentences.
    pub fn recent_event(
        &mut self,
        now: usize,
        roots: &[&str],
        window: usize,
    ) -> Option<&mut Event> {
        self.events
            .iter_mut()
            .rev()
            .take_while(|e| now.saturating_sub(e.sentence) <= window)
            .find(|e| roots.iter().any(|r| e.cameo.starts_with(r)))
    }
}
