//! Turning a word of the tree into an actor: dictionary mentions, generic agents that take
//! the country of their phrase ("Ukrainian troops", "its troops"), pronouns and "the
//! country" resolved against the sentence and the document, cities standing for their
//! country ("shelled Kherson" targets Ukraine).

use crate::args::{subject, subtree_bfs};
use crate::state::{is_country_code, ActorRef, DocState};
use crate::view::SentView;
use rung_parse::Upos;

/// Placeholder prefix for "the invaders", "the occupiers", "the aggressor": the occupier of
/// the country the event happens in or to.
pub const OCCUPIER: &str = "~OC";
/// Placeholder prefix for "the enemy": the other side of the one war of whoever speaks or
/// acts.
pub const ENEMY: &str = "~EN";

/// Placeholder prefix for whoever fired a weapon of no stated user that struck ("a Kh-101
/// missile struck Odesa"): the weapon's maker when it is at war with the side struck, or
/// at war at all when none is known (an Iskander in Kharkiv, in a Russian statement or a
/// Ukrainian one); else the enemy of the side or place struck (a Shahed in Odesa); else
/// the speaker's enemy.
pub const USER: &str = "~WU";

/// Placeholder prefix for armed forces of no stated country acting on another side's
/// forces ("border guards killed 20 invaders", "artillerymen destroyed 130 Ukrainian
/// soldiers"): the one enemy of the side they act on.
pub const FOE: &str = "~FO";

/// Placeholder prefix for civilians of no stated country: those of the country of the
/// event's place, when they are its target.
pub const PLACE: &str = "~PL";

/// Roles of armed groups that are no state's forces: rebels, unidentified armed men,
/// separatists, insurgents, radical groups.
const NON_STATE_ARMED: [&str; 5] = ["REB", "UAF", "SEP", "INS", "RAD"];

/// Whether an actor code (or a bare role) ends in a non-state armed role: "BFAREB",
/// "~PLUAF", "REB".
pub fn non_state_armed(code: &str) -> bool {
    NON_STATE_ARMED.iter().any(|r| code.ends_with(r))
}

/// "US-made", "German-built": a maker or supplier named in a modifier, never who owns or
/// uses the thing.
fn is_maker(v: &SentView, k: usize) -> bool {
    const MAKERS: [&str; 6] = [
        "made", "built", "supplied", "provided", "designed", "produced",
    ];
    let word = |i: usize| v.lower.get(i).map_or("", String::as_str);
    // one token ("US-made") or three, as UD English splits hyphens ("US - made")
    MAKERS
        .iter()
        .any(|m| word(k).strip_suffix(m).is_some_and(|s| s.ends_with('-')))
        || (word(k + 1) == "-" && MAKERS.contains(&word(k + 2)))
        || (k > 0 && word(k - 1) == "-" && MAKERS.contains(&word(k)))
}

/// Pronouns that can stand for an actor.
pub(crate) fn is_pronoun(l: &str) -> bool {
    matches!(
        l,
        "it" | "its"
            | "they"
            | "their"
            | "them"
            | "he"
            | "she"
            | "his"
            | "her"
            | "itself"
            | "themselves"
    )
}

/// Context for resolving actors in one sentence.
pub struct Resolver<'a> {
    /// The sentence.
    pub v: &'a SentView,
    /// The document memory.
    pub st: &'a DocState,
    /// Sentence index.
    pub sent: usize,
}

impl Resolver<'_> {
    /// The actor word `n` names, directly or through its modifiers.
    pub fn actor(&self, n: usize) -> Option<ActorRef> {
        self.actor_depth(n, 0)
    }

    fn actor_depth(&self, n: usize, depth: usize) -> Option<ActorRef> {
        let v = self.v;
        if depth > 3 || n >= v.len() {
            return None;
        }
        if let Some(a) = v.actor_at(n) {
            if a.country.is_some() {
                return Some(ActorRef {
                    text: v.phrase(a.start, a.end),
                    code: a.code.clone(),
                });
            }
            // A bare agent ("troops", "officials"): the country of its phrase, else, for
            // "the invaders" or "the enemy", a side to be found from the perspective; "the
            // ministry" is the one named shortly before.
            return self
                .agent_country(n, &a.code)
                .or_else(|| self.police_place(n, &a.code))
                .or_else(|| self.perspective(n, a.start, a.end, &a.code))
                .or_else(|| self.definite(n))
                .or_else(|| self.armed_of_place(n, a.start, a.end, &a.code));
        }
        let l = v.lemma[n].as_str();
        if is_pronoun(l) || (v.upos[n] == Upos::Pron && is_pronoun(&v.lower[n])) {
            return self.pronoun(n);
        }
        if matches!(v.lower[n].as_str(), "we" | "us" | "our") {
            return self.first_person(n);
        }
        if l == "country" && v.kids(n).iter().any(|&k| v.lemma[k] == "the") {
            let subj = self.clause_subject_country(n);
            // "Ukraine's air force said it shot down drones that Russia launched at the
            // country": a state named earlier in the same sentence comes first.
            let here = v
                .actors
                .iter()
                .rfind(|a| {
                    a.end <= n
                        && a.country.as_deref().is_some_and(|c| {
                            crate::state::is_state_code(c) && subj.as_deref().is_none_or(|s| s != c)
                        })
                })
                .and_then(|a| {
                    Some(ActorRef {
                        text: v.forms[a.start..a.end].join(" "),
                        code: a.country.clone()?,
                    })
                });
            return here.or_else(|| self.st.recent_country(subj.as_deref()).cloned());
        }
        if let Some(a) = self.definite(n) {
            return Some(a);
        }
        if let Some(p) = v.place_at(n) {
            if let Some(c) = &p.country {
                return Some(ActorRef {
                    text: p.text.clone(),
                    code: c.clone(),
                });
            }
        }
        // A count or group of people: "thousands of Israelis", "a group of Russian soldiers".
        if v.upos[n] == Upos::Num
            || matches!(
                l,
                "thousand"
                    | "thousands"
                    | "hundred"
                    | "hundreds"
                    | "dozen"
                    | "dozens"
                    | "group"
                    | "member"
                    | "members"
                    | "unit"
                    | "units"
            )
        {
            if let Some(o) = crate::args::prep_object(v, n, "of") {
                if let Some(a) = self.actor_depth(o, depth + 1) {
                    return Some(a);
                }
            }
        }
        // Possessor or national modifier of a non-actor noun: "Russia's position",
        // "Russian soil", "Ukrainian targets".
        // A pronoun possessor last: "his Ukrainian counterpart" is Ukrainian, whoever "his" is.
        let modifiers = v.kids(n).iter().copied().filter(|&k| {
            // "a US-made howitzer" is not the United States' to be hit: a maker is no owner.
            // ("M23 positions": a name with a digit may be read as a number.)
            (matches!(v.full_rel(k), "nmod:poss" | "amod" | "compound" | "flat")
                || (v.rel(k) == "nummod" && v.actor_at(k).is_some()))
                && !is_maker(v, k)
        });
        let pronoun = |k: &usize| v.upos[*k] == Upos::Pron;
        for k in modifiers
            .clone()
            .filter(|k| !pronoun(k))
            .chain(modifiers.filter(pronoun))
        {
            if let Some(a) = self.actor_depth(k, depth + 1) {
                return Some(a);
            }
        }
        // A name no dictionary knows, by its apposition: "Nasruddin Amer, the deputy head
        // of the Houthi media office".
        if v.upos[n] == Upos::Propn {
            for &k in v.kids(n).iter().filter(|&&k| v.rel(k) == "appos" && k > n) {
                if let Some(a) = self.actor_depth(k, depth + 1) {
                    return Some(a);
                }
            }
        }
        None
    }

    /// "The ministry denied ...", "the alliance", "the Secretary": a definite organisation
    /// noun or title with no country stands for the actor of that name met in the last few
    /// sentences ("Russia's Defence Ministry", "NATO", "the EU", "Secretary Blinken").
    fn definite(&self, n: usize) -> Option<ActorRef> {
        let v = self.v;
        let word = v.lower[n].as_str();
        let org = matches!(
            word,
            "ministry"
                | "agency"
                | "government"
                | "administration"
                | "embassy"
                | "alliance"
                | "bloc"
                | "command"
                | "office"
                // and one holder of a title named before ("Secretary of State Antony
                // Blinken ... The Secretary spoke by phone with ...")
                | "secretary"
                | "minister"
                | "president"
                | "chancellor"
                | "premier"
                | "ambassador"
                | "envoy"
        );
        let the = v
            .kids(n)
            .iter()
            .any(|&k| v.rel(k) == "det" && v.lower[k] == "the");
        // "the junta" (or "the three juntas"): the government or army of the state named
        // last, as a subject first ("Mali's rulers expelled a Danish envoy. The junta
        // ..." is Mali's), and not one the sentence names beside it ("The junta expelled
        // the French ambassador"). So is "the Treasury", a ministry every state has: "The
        // State Department designated ... The next day the Treasury sanctioned ...".
        if the && matches!(word, "junta" | "juntas" | "treasury") {
            let beside = |c: &str| v.actors.iter().any(|a| a.country.as_deref() == Some(c));
            let ruler = |r: &&crate::state::Remembered| {
                self.sent.saturating_sub(r.sentence) <= 10
                    && !beside(r.actor.country())
                    && (r.actor.code.ends_with("GOV") || r.actor.code.ends_with("MIL"))
                    && crate::state::is_state_code(r.actor.country())
            };
            let recent = || self.st.actors.iter().rev();
            return recent()
                .filter(|r| r.subject)
                .find(ruler)
                .or_else(|| recent().find(ruler))
                .map(|r| ActorRef {
                    text: v.phrase(n.saturating_sub(1), n + 1),
                    code: format!("{}GOV", r.actor.country()),
                });
        }
        // "The RSF accused the army of ...", after "the Sudanese Armed Forces": the army
        // (or military) of no stated country is the one whose forces the document named
        // last.
        if the && matches!(word, "army" | "military") {
            return self
                .st
                .actors
                .iter()
                .rev()
                .find(|r| {
                    self.sent.saturating_sub(r.sentence) <= 10
                        && r.actor.code.len() == 6
                        && r.actor.code.ends_with("MIL")
                        && is_country_code(r.actor.country())
                })
                .map(|r| ActorRef {
                    text: v.phrase(n.saturating_sub(1), n + 1),
                    code: r.actor.code.clone(),
                });
        }
        if !org || !the {
            return None;
        }
        self.st
            .actors
            .iter()
            .rev()
            .find(|r| {
                self.sent.saturating_sub(r.sentence) <= 5
                    && (r
                        .actor
                        .text
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(word))
                        || (word == "alliance" && r.actor.code.starts_with("NATO"))
                        || (word == "bloc" && r.actor.code.starts_with("EUR")))
            })
            .map(|r| r.actor.clone())
    }

    /// Who says so, for an attribution, when word `n` is no known actor: a bare agent
    /// ("the mayor": `---GOV`) or a proper name ("Basurin": `---`), with `---` for the
    /// unknown country as in CAMEO. Never used as an event's source or target.
    pub fn speaker(&self, n: usize) -> Option<ActorRef> {
        let v = self.v;
        if n >= v.len() {
            return None;
        }
        // "the ministry said", "the governor added": the one named earlier in the text.
        let definite = v
            .kids(n)
            .iter()
            .any(|&k| v.rel(k) == "det" && matches!(v.lower[k].as_str(), "the" | "this"));
        if definite && v.actor_at(n).is_none_or(|a| a.country.is_none()) {
            let word = v.lower[n].as_str();
            let earlier = self.st.actors.iter().rev().find(|r| {
                self.sent.saturating_sub(r.sentence) <= 5
                    && r.actor
                        .text
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(word))
            });
            if let Some(r) = earlier {
                return Some(r.actor.clone());
            }
        }
        let (start, end, role) = match v.actor_at(n) {
            Some(a) if a.country.is_none() => (a.start, a.end, a.code.clone()),
            None if v.upos[n] == Upos::Propn => {
                let mut s = n;
                while s > 0 && v.upos[s - 1] == Upos::Propn && v.head[s - 1] == n {
                    s -= 1;
                }
                let mut e = n + 1;
                while e < v.len() && v.upos[e] == Upos::Propn && v.head[e] == n {
                    e += 1;
                }
                (s, e, String::new())
            }
            _ => return None,
        };
        let start = match v.kids(n).iter().find(|&&k| v.rel(k) == "det" && k < start) {
            Some(&d) => d,
            None => start,
        };
        Some(ActorRef {
            text: v.phrase(start, end),
            code: format!("---{role}"),
        })
    }

    /// "The invaders", "the occupiers", "enemy positions": words that name a side only
    /// relative to someone. They get a placeholder prefix, [`OCCUPIER`] or [`ENEMY`], that
    /// the document coder resolves once the event's other side, place and speaker are
    /// known (and drops when it cannot).
    fn perspective(&self, n: usize, start: usize, end: usize, role: &str) -> Option<ActorRef> {
        let v = self.v;
        let words = (start..end).chain(
            v.kids(n)
                .iter()
                .copied()
                .filter(|&k| matches!(v.rel(k), "amod" | "compound")),
        );
        let mut prefix = None;
        for k in words {
            match v.lower[k].as_str() {
                "enemy" | "enemies" | "enemy's" => prefix = Some(ENEMY),
                "invader" | "invaders" | "occupier" | "occupiers" | "occupying" | "invading"
                | "occupation" | "aggressor" => prefix = prefix.or(Some(OCCUPIER)),
                _ => {}
            }
        }
        // Civilians with no country of their own: those of the country the event happens
        // in ("killed nine civilians in the Donetsk region"); only ever a target. So are
        // doctors, teachers, priests and reporters ("detained a school director in
        // Melitopol").
        let civil = matches!(role, "CVL" | "HLH" | "EDU" | "REL" | "MED");
        let prefix = prefix.or_else(|| civil.then_some(PLACE))?;
        Some(ActorRef {
            text: v.phrase(start.min(n), end.max(n + 1)),
            code: format!("{prefix}{role}"),
        })
    }

    /// Armed groups with no country ("militants", "gunmen", "rebels"): those of the
    /// country the event happens in, resolved by the document coder only where that
    /// country fights no other state (a war within one country; see `crate::doc`).
    fn armed_of_place(&self, n: usize, start: usize, end: usize, role: &str) -> Option<ActorRef> {
        non_state_armed(role).then(|| ActorRef {
            text: self.v.phrase(start.min(n), end.max(n + 1)),
            code: format!("{PLACE}{role}"),
        })
    }

    fn agent_country(&self, n: usize, role: &str) -> Option<ActorRef> {
        let v = self.v;
        let mut seen = Vec::new();
        subtree_bfs(v, n, 2, &mut seen);
        for &k in seen.iter().skip(1) {
            if matches!(v.rel(k), "nmod" | "amod" | "compound" | "flat" | "appos") {
                if let Some(a) = v.actor_at(k) {
                    if let Some(c) = &a.country {
                        return Some(ActorRef {
                            text: v.phrase(a.start.min(n), a.end.max(n + 1)),
                            code: format!("{c}{role}"),
                        });
                    }
                }
                if is_pronoun(&v.lemma[k]) {
                    if let Some(a) = self.pronoun(k) {
                        let c = a.country().to_string();
                        return Some(ActorRef {
                            text: format!("{} {}", v.forms[k], v.forms[n]),
                            code: format!("{c}{role}"),
                        });
                    }
                }
            }
        }
        None
    }

    /// "Police detained 1,300 protesters in Moscow": police of no stated country are the
    /// police of the country where their clause happens (a place under its verb).
    fn police_place(&self, n: usize, role: &str) -> Option<ActorRef> {
        let v = self.v;
        if role != "COP" || !matches!(v.rel(n), "nsubj" | "nsubj:pass") {
            return None;
        }
        let verb = v.parent(n)?;
        // ("in Moscow" may hang on the object: "detained 1,300 protesters in Moscow".)
        let under_obj = v
            .kids(verb)
            .iter()
            .filter(|&&o| v.rel(o) == "obj")
            .flat_map(|&o| v.kids(o).iter().copied());
        let country = v
            .kids(verb)
            .iter()
            .copied()
            .chain(under_obj)
            .find_map(|k| {
                v.place_at(k)
                    .filter(|_| matches!(v.rel(k), "obl" | "nmod") && v.case_of(k) == Some("in"))?
                    .country
                    .as_ref()
            })
            // "21 Sep - Moscow, Russia: ... Police detained 1,300 protesters": the place of
            // the line's label.
            .or_else(|| self.st.line_place.as_ref()?.country.as_ref())?;
        Some(ActorRef {
            text: v.forms[n].clone(),
            code: format!("{country}{role}"),
        })
    }

    /// The country of the subject of the clause containing `n`.
    fn clause_subject_country(&self, n: usize) -> Option<String> {
        let v = self.v;
        let mut x = n;
        for _ in 0..v.len() {
            let h = v.parent(x)?;
            if let Some(s) = subject(v, h) {
                if s != n && !v.dominates(n, s) {
                    if let Some(a) = v.actor_at(s) {
                        return a.country.clone();
                    }
                    if is_pronoun(&v.lemma[s]) {
                        return self.pronoun(s).map(|a| a.country().to_string());
                    }
                }
            }
            x = h;
        }
        None
    }

    /// A pronoun: the subject of a governing clause in the same sentence ("X announced it
    /// would ..."; "X launched their attack"), else the most recent actor of the document,
    /// subjects first.
    pub fn pronoun(&self, n: usize) -> Option<ActorRef> {
        let v = self.v;
        // "he", "she" stand for a person when one was named ("Austin told reporters ...
        // He accused Moscow"), not for the subject of the quote before.
        let person = matches!(v.lemma[n].as_str(), "he" | "she" | "his" | "her" | "him");
        let fits = |a: &crate::view::ActorSpan| !person || a.person;
        let mut x = n;
        for _ in 0..v.len() {
            let Some(h) = v.parent(x) else { break };
            if let Some(s) = subject(v, h) {
                if s < n && !v.dominates(s, n) && !is_pronoun(&v.lemma[s]) {
                    if let Some(a) = v.actor_at(s) {
                        if a.country.is_some() && fits(a) {
                            return Some(ActorRef {
                                text: v.phrase(a.start, a.end),
                                code: a.code.clone(),
                            });
                        }
                        // "The Defence Ministry in Moscow said its air defences ...": an
                        // agent whose country its phrase gives.
                        if a.country.is_none() && !person {
                            if let Some(a) = self.agent_country(s, &a.code) {
                                return Some(a);
                            }
                            // "The army said it had killed 18 militants": forces of no
                            // stated country, as the subject's own subject, resolved like
                            // them (see `FOE`).
                            if a.code == "MIL" && v.rel(n).starts_with("nsubj") {
                                return Some(ActorRef {
                                    text: v.phrase(a.start, a.end),
                                    code: format!("{FOE}MIL"),
                                });
                            }
                        }
                    } else if !person {
                        // "Poland's Operational Command said it had scrambled jets": a
                        // subject named by its country.
                        if let Some(a) = self.actor(s) {
                            return Some(a);
                        }
                    }
                }
            }
            x = h;
        }
        // An earlier actor in this sentence that is a subject.
        for a in &v.actors {
            if a.end <= n && a.country.is_some() && !a.media && fits(a) {
                let head = a.end - 1;
                if v.rel(head) == "nsubj" {
                    return Some(ActorRef {
                        text: v.phrase(a.start, a.end),
                        code: a.code.clone(),
                    });
                }
            }
        }
        self.st.recent_actor(self.sent, None, person).cloned()
    }

    /// "'We will keep delivering,' Austin said", "Austin said we would ...": "we" in what
    /// someone says is the speaker's side. Only a speaker named in the same sentence (a
    /// verb of saying whose subject is an actor, outside the pronoun's own phrase).
    fn first_person(&self, n: usize) -> Option<ActorRef> {
        let v = self.v;
        (0..v.len()).find_map(|h| {
            let saying = matches!(
                v.lemma[h].as_str(),
                "say" | "tell" | "add" | "state" | "write" | "stress" | "insist" | "declare"
            ) && v.upos[h] == Upos::Verb;
            let s = subject(v, h).filter(|&s| saying && s != n && !v.dominates(s, n))?;
            if matches!(v.lower[s].as_str(), "we" | "us" | "our") || is_pronoun(&v.lemma[s]) {
                return None;
            }
            self.actor_depth(s, 1)
        })
    }

    /// An actor anywhere under `n` (breadth first), for targets whose head noun is not an
    /// actor: "a school housing Russian troops", "the use of missiles by Ukraine".
    pub fn deep_actor(&self, n: usize) -> Option<ActorRef> {
        if let Some(a) = self.actor(n) {
            return Some(a);
        }
        let mut seen = Vec::new();
        subtree_bfs(self.v, n, 3, &mut seen);
        // Not inside a relative clause ("a resolution that demanded its forces withdraw"
        // is not aimed at those forces).
        // Nor inside what a person is suspected of ("detained a man suspected of spying for
        // Russia" is not aimed at Russia).
        let in_relative = |mut k: usize| {
            while k != n {
                let alleged = self.v.rel(k) == "acl"
                    && matches!(
                        self.v.lemma[k].as_str(),
                        "suspect" | "accuse" | "charge" | "convict" | "allege"
                    );
                if self.v.full_rel(k) == "acl:relcl" || alleged {
                    return true;
                }
                match self.v.parent(k) {
                    Some(h) => k = h,
                    None => return false,
                }
            }
            false
        };
        seen.iter().skip(1).find_map(|&k| {
            if in_relative(k) {
                return None;
            }
            if matches!(
                self.v.rel(k),
                "nmod" | "obj" | "obl" | "acl" | "nmod:poss" | "amod" | "compound" | "conj"
            ) && !is_maker(self.v, k)
            {
                self.actor(k)
            } else {
                None
            }
        })
    }

    /// Whether `n` is a pronoun.
    pub fn is_pronoun(&self, n: usize) -> bool {
        is_pronoun(&self.v.lemma[n])
    }
}
