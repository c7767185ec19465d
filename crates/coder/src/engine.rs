//! Coding one analysed sentence: triggers, frames, modality, and the fields of each event.
//!
//! For every word that a pattern names (as verb or event noun) the engine finds the
//! participants with the pattern's frame ([`crate::args`]), resolves them to actors
//! ([`crate::actors`]), decides how the text presents the event (asserted, reported,
//! intended, hypothetical...) by walking up the tree, refines the code by theme and weapon
//! category, and collects weapons, place, date and casualties from the event's clause.
//! Events that refer back to an earlier one ("this attack killed ...") are marked as
//! anaphors; the document pass attaches their fields to the earlier event.

use crate::actors::Resolver;
use crate::args::{self, subtree_bfs};
use crate::patterns::{Arm, Frame, Pattern, Patterns, Pos, Theme};
use crate::state::{ActorRef, DocState};
use crate::view::SentView;
use crate::Modality;
use rung_parse::Upos;

/// An event found in a sentence, before document-level resolution.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Trigger word.
    pub trigger: usize,
    /// CAMEO code.
    pub code: String,
    /// Source actor.
    pub src: Option<ActorRef>,
    /// Target actor.
    pub tgt: Option<ActorRef>,
    /// Modality.
    pub modality: Modality,
    /// Who says so.
    pub attribution: Option<ActorRef>,
    /// Weapons.
    pub weapons: Vec<String>,
    /// Place index into the view's places.
    pub location: Option<usize>,
    /// Casualties.
    pub fatalities: Option<(u64, u64)>,
    /// Date from the sentence, if one governs the event.
    pub date: Option<String>,
    /// Refers back to an earlier event of the same root.
    pub anaphor: bool,
    /// A use of weapons ("they were using X") to attach to an earlier attack.
    pub weapon_use: bool,
}

impl Cand {
    /// An event that is someone's statement (an accusation, a threat): its sides, code and
    /// modality, and none of an act's fields (weapons, place, toll, own date).
    fn statement(
        trigger: usize,
        code: &str,
        src: ActorRef,
        tgt: Option<ActorRef>,
        modality: Modality,
        attribution: Option<ActorRef>,
    ) -> Cand {
        Cand {
            trigger,
            code: code.into(),
            src: Some(src),
            tgt,
            modality,
            attribution,
            weapons: Vec::new(),
            location: None,
            fatalities: None,
            date: None,
            anaphor: false,
            weapon_use: false,
        }
    }
}

/// The outcome of walking up from a trigger.
struct Mood {
    modality: Modality,
    attribution: Option<usize>,
    /// Under a governor that codes this event itself (threaten, ask, pledge, accuse...).
    absorbed: bool,
    /// Under a non-trigger verb of intent ("decided to send").
    intent: bool,
}

/// Codes one sentence.
pub struct Engine<'a> {
    /// Patterns.
    pub p: &'a Patterns,
}

/// "'The occupiers are deliberately hitting homes,' the governor said": a speaker who tells
/// an enemy's attack as done on purpose, or as terror, accuses its doer (112). The attack
/// stays an event of its own, reported; the accusation is the speaker's, asserted. Only a
/// speaker of another country than the doer's, and only with a word of intent on the act
/// ("deliberately", "intentional", "terrorist attacks"): a plain report of a strike, even
/// on homes, is not an accusation.
pub(crate) fn told_as_deliberate(v: &SentView, c: &Cand) -> Option<Cand> {
    const INTENT: [&str; 10] = [
        "deliberately",
        "deliberate",
        "intentionally",
        "intentional",
        "purposely",
        "purposefully",
        "knowingly",
        "wilfully",
        "willfully",
        "terrorist",
    ];
    let violent = matches!(c.code.get(..2), Some("18" | "19" | "20"));
    let told = matches!(c.modality, Modality::Reported | Modality::Claimed);
    let (by, doer) = (c.attribution.as_ref()?, c.src.as_ref()?);
    if !violent || !told || c.anaphor || by.country() == doer.country() {
        return None;
    }
    if !crate::state::is_country_code(by.country())
        || !crate::state::is_country_code(doer.country())
    {
        return None;
    }
    // On the act itself, or on the verb it completes ("is deliberately trying to hit").
    let t = c.trigger;
    let up = v
        .head
        .get(t)
        .copied()
        .filter(|&h| h != crate::view::NONE && matches!(v.rel(t), "xcomp"));
    let marked = std::iter::once(t)
        .chain(up)
        .flat_map(|w| v.kids(w).iter())
        .any(|&k| INTENT.contains(&v.lemma[k].as_str()) || INTENT.contains(&v.lower[k].as_str()));
    marked.then(|| Cand {
        location: c.location,
        date: c.date.clone(),
        ..Cand::statement(
            t,
            "112",
            by.clone(),
            Some(doer.clone()),
            Modality::Asserted,
            None,
        )
    })
}

const EVENT_DETS: [&str; 4] = ["this", "these", "that", "those"];

impl Engine<'_> {
    /// Finds the candidate events of a sentence.
    pub fn code(&self, v: &SentView, st: &DocState, sent: usize, out: &mut Vec<Cand>) {
        let r = Resolver { v, st, sent };
        for i in 0..v.len() {
            let Some(pat) = self.pattern_at(v, i) else {
                continue;
            };
            if let Some(c) = self.code_trigger(&r, i, pat) {
                out.push(c);
            }
        }
        for i in 0..v.len() {
            if let Some(c) = self.weapon_use(&r, i) {
                out.push(c);
            }
            if let Some(c) = self.response_threat(&r, i) {
                out.push(c);
            }
            if let Some(c) = self.direct_involvement(&r, i) {
                out.push(c);
            }
            if let Some(c) = self.warned_against(&r, i) {
                out.push(c);
            }
        }
    }

    /// The country of who speaks in the sentence: the subject of a verb of speech ("...,
    /// the General Staff said"), when it is a named actor of a known country.
    pub fn speaker(&self, v: &SentView, st: &DocState, sent: usize) -> Option<String> {
        let r = Resolver { v, st, sent };
        (0..v.len())
            .filter(|&i| v.upos[i] == Upos::Verb && self.p.speech(&v.lemma[i]).is_some())
            .find_map(|i| args::subject(v, i).and_then(|s| r.actor(s)))
            .map(|a| a.country().to_string())
            .filter(|c| crate::state::is_country_code(c))
    }

    /// The pattern a word triggers, if any.
    pub fn pattern_at<'p>(&'p self, v: &SentView, i: usize) -> Option<&'p Pattern> {
        // A word heading a clause is a verb whatever its tag ("decided to flood" with
        // "flood" mis-tagged as a noun).
        let clausal = matches!(v.rel(i), "xcomp" | "ccomp" | "advcl")
            && v.kids(i).iter().any(|&k| v.rel(k) == "mark");
        let pos = match v.upos[i] {
            Upos::Verb => Pos::Verb,
            Upos::Noun | Upos::Propn if clausal => Pos::Verb,
            Upos::Noun | Upos::Propn => Pos::Noun,
            _ => return None,
        };
        if matches!(v.rel(i), "compound" | "amod") {
            return None;
        }
        // The form table is shared by verbs and nouns ("sanctions" is both): try it, the
        // form itself and the parser's lemma, in that order, for this word class.
        let tries = [
            self.p.trigger_lemma(&v.lower[i]),
            Some(v.lower[i].as_str()),
            Some(v.lemma[i].as_str()),
        ];
        tries
            .into_iter()
            .flatten()
            .find_map(|l| self.p.lookup(pos, l).find(|pat| self.fits(v, i, pat)))
    }

    fn fits(&self, v: &SentView, i: usize, pat: &Pattern) -> bool {
        // Dependents and their dependents (the parser may hang "of consequences" on the
        // object), or the next word for particles.
        let arms = |k: usize| {
            v.weapon_at(k).is_some() || self.p.theme(&v.lemma[k]) == Some(Theme::Military)
        };
        let hit = |k: usize, want: &[String]| {
            let case = v.case_of(k);
            want.iter().any(|w| {
                *w == v.lemma[k]
                    || case == Some(w.as_str())
                    || (w == "@arms" && arms(k))
                    || (w == "@place"
                        && matches!(v.rel(k), "obj" | "nsubj")
                        && v.place_at(k).is_some()
                        && v.actor_at(k).is_none())
            })
        };
        let shared = args::shared_object(v, i);
        // "the 48 drones that Russia launched": the noun a relative clause is about is what
        // its verb acts on, when the clause has no object of its own but the pronoun.
        let relativized = v.parent(i).filter(|_| {
            v.full_rel(i) == "acl:relcl"
                && !v
                    .kids(i)
                    .iter()
                    .any(|&k| v.rel(k) == "obj" && !matches!(v.lower[k].as_str(), "that" | "which"))
        });
        // An appeal's "on"/"for" is its own ("called on X", "called for Y"); under its
        // object it is something else ("what officials called the largest attack on ...").
        let deep = pat.frame != Frame::Appeal;
        let dep_words = |want: &[String]| {
            v.kids(i)
                .iter()
                .chain(shared.as_ref())
                .chain(relativized.as_ref())
                .any(|&k| {
                    hit(k, want)
                        || (deep
                            && matches!(v.rel(k), "obj" | "iobj")
                            && v.kids(k).iter().any(|&g| hit(g, want)))
                })
                || (i + 1 < v.len() && want.iter().any(|w| *w == v.lower[i + 1]))
                || (pat.named && named_words(v, i, &hit, want))
        };
        if !deep && !pat.need.is_empty() {
            // "called on Germany", "called for a ceasefire": the preposition right after
            // the verb ("called the heaviest attack on the grid" is no appeal).
            return i + 1 < v.len() && pat.need.iter().any(|w| *w == v.lower[i + 1]);
        }
        if let Some(part) = &pat.particle {
            if !dep_words(std::slice::from_ref(part)) {
                return false;
            }
        }
        if !pat.not.is_empty()
            && v.kids(i).iter().any(|&k| {
                matches!(v.rel(k), "obj" | "obl" | "nsubj:pass" | "nmod")
                    && pat.not.contains(&v.lemma[k])
            })
        {
            return false;
        }
        if pat.own_future && !self.own_future(v, i) {
            return false;
        }
        if pat.host && !args::objects(v, i).any(|o| official(v, o)) {
            return false;
        }
        if pat.unowned
            && args::objects(v, i).any(|o| {
                let named = |k: usize| v.actor_at(k).is_some_and(|a| a.country.is_some());
                named(o)
                    || v.kids(o)
                        .iter()
                        .any(|&k| named(k) && v.upos[k] != Upos::Pron && v.rel(k) != "nmod")
            })
        {
            return false;
        }
        if pat.attempted
            && !v.parent(i).is_some_and(|p| {
                matches!(v.rel(i), "xcomp" | "advcl" | "acl")
                    && matches!(
                        v.lemma[p].as_str(),
                        "try" | "attempt" | "seek" | "effort" | "bid"
                    )
            })
        {
            return false;
        }
        if pat.counted
            && !args::objects(v, i).any(|o| {
                v.kids(o)
                    .iter()
                    .any(|&k| v.rel(k) == "nummod" && v.upos[k] == Upos::Num)
            })
        {
            return false;
        }
        (pat.need.is_empty() || dep_words(&pat.need)) && pat.need_also.iter().all(|n| dep_words(n))
    }

    /// "Medvedev warned that Moscow would seize European assets": a clause governed by
    /// `i` says, with "will"/"would", what an actor of the subject's own country will do.
    /// A warning of what someone else will do ("warned that Russia would attack") is a
    /// prediction, not a threat.
    fn own_future(&self, v: &SentView, i: usize) -> bool {
        let speaker = args::subject(v, i)
            .and_then(|s| v.actor_at(s))
            .and_then(|a| a.country.as_deref());
        v.kids(i).iter().any(|&c| {
            let subject = args::subject(v, c)
                .and_then(|s| v.actor_at(s))
                .and_then(|a| a.country.as_deref());
            // "warned that Russia may respond", "warned that the alliance would be at war
            // with Russia if Ukraine were allowed to strike": one's own side's future act,
            // or what another side will face on a condition, is a threat.
            let own = subject.is_some_and(|c| speaker.is_none_or(|sp| sp == c));
            let conditional = subject.is_some() && conditional_clause(v, c).is_some();
            v.rel(c) == "ccomp"
                && v.kids(c).iter().any(|&k| {
                    v.rel(k) == "aux"
                        && matches!(
                            v.lemma[k].as_str(),
                            "will" | "would" | "shall" | "may" | "might" | "could"
                        )
                })
                && (own || conditional)
        })
    }

    fn code_trigger(&self, r: &Resolver, i: usize, pat: &Pattern) -> Option<Cand> {
        let v = r.v;
        if pat.pos == Pos::Verb && v.full_rel(i) == "acl" && v.xpos[i] == "VBN" {
            // "territories occupied by Russian forces": a description, not an event.
            return None;
        }
        // ("any attempt to strike Crimea": the verb of a noun with "any" likewise)
        let of_any = pat.pos == Pos::Verb
            && v.rel(i) == "acl"
            && v.parent(i).is_some_and(|h| with_any(v, h));
        if of_any || pat.pos == Pos::Noun && with_any(v, i) {
            // "would respond harshly to any attacks": a kind of event, not one that
            // happened ("no attack was carried out" is a denial, coded elsewhere).
            return None;
        }
        if pat.pos == Pos::Noun && hostile_brand(v, i).is_some() && in_future(v, i) {
            // "would be regarded as a direct threat to Russia": what something would be
            // taken for, not an event (`Engine::direct_involvement` codes the warning).
            return None;
        }
        if pat.pos == Pos::Verb
            && pat.frame == Frame::Transfer
            && self.p.light(&v.lemma[i]).is_some()
            && args::objects(v, i).any(|o| {
                self.pattern_at(v, o)
                    .is_some_and(|p| p.pos == Pos::Noun && p.frame != Frame::Transfer)
            })
        {
            // "sent partners new requests for Patriots": the noun is the event, the verb
            // only its carrier.
            return None;
        }
        if v.lemma[i] == "target" && v.parent(i).is_some_and(|h| sanctions_near(v, h)) {
            // "a package of sanctions against Russia, targeting dozens more tankers":
            // what sanctions target is not attacked.
            return None;
        }
        if pat.pos == Pos::Noun
            && pat.code.starts_with("16")
            && v.parent(i).is_some_and(|h| {
                matches!(
                    v.lemma[h].as_str(),
                    "lift" | "ease" | "remove" | "relax" | "waive" | "scrap" | "drop" | "suspend"
                )
            })
        {
            // "once Western sanctions on the bank were lifted": sanctions eased are no
            // sanctions imposed (the verb codes the easing).
            return None;
        }
        if pat.pos == Pos::Noun
            && pat.code.starts_with("04")
            && v.parent(i)
                .and_then(|h| self.pattern_at(v, h))
                .is_some_and(|p| p.pos == Pos::Verb && p.code == "125")
        {
            // "pulled out of a planned meeting", "cancelled the talks": a meeting called off
            // is none held (the verb that governs it codes the refusal, 125).
            return None;
        }
        if pat.pos == Pos::Noun
            && matches!(pat.code.get(..2), Some("18" | "19" | "20"))
            && v.parent(i).is_some_and(|h| {
                [&v.lemma[h], &v.lower[h]].iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "pause"
                            | "halt"
                            | "cessation"
                            | "moratorium"
                            | "suspension"
                            | "suspend"
                            | "cease"
                    )
                })
            })
        {
            // "a 30-day pause in strikes on energy facilities", "would halt attacks": the
            // fighting paused is no attack (the halt codes the pause, 0871).
            return None;
        }
        let mood = self.mood(v, i);
        if mood.absorbed || matches!(mood.modality, Modality::Hypothetical) {
            return None;
        }
        let (src_n, tgt_n, theme_n) = match pat.pos {
            Pos::Verb => self.verb_roles(v, i, pat),
            Pos::Noun => self.noun_roles(v, i, pat),
        };
        // Anaphoric event nouns ("this attack", "the strike") and verbs whose subject is
        // one ("This attack killed ...") refer to an earlier event.
        let anaphor = match pat.pos {
            Pos::Noun => src_n.is_none() && self.is_anaphoric(v, i),
            Pos::Verb => src_n.is_some_and(|s| self.is_event_anaphor(v, s)),
        };
        let mut src = if anaphor {
            None
        } else {
            src_n.and_then(|s| self.source_actor(r, s))
        };
        if src.is_none() && !anaphor && pat.pos == Pos::Noun && matches!(pat.frame, Frame::Transfer)
        {
            // "Washington said the missiles were part of a package of military aid": an
            // aid noun without its own giver, in a statement, is the speaker's.
            src = mood.attribution.and_then(|a| r.actor(a));
        }
        if src.is_none() && !anaphor {
            // Armed forces with no country ("border guards", "artillerymen"): whose they
            // are follows from whom they fight, once that side is known (see
            // `crate::actors::FOE`).
            if let Some(a) = src_n.and_then(|s| v.actor_at(s)) {
                if a.country.is_none() && a.code == "MIL" {
                    src = Some(ActorRef {
                        text: v.phrase(a.start, a.end),
                        code: format!("{}MIL", crate::actors::FOE),
                    });
                }
            }
            // Losses with no opponent named were inflicted by the loser's one enemy; so
            // were the armed forces' dead of an agentless passive ("up to 40 Ukrainian
            // servicemen killed near X"; resolved only for a military target).
            let violent = matches!(pat.code.get(..2), Some("18" | "19" | "20"));
            let agentless = pat.pos == Pos::Verb
                && violent
                && src_n.is_none()
                && args::is_passive(v, i)
                && args::agent(v, i).is_none()
                && !self.cause_stated(v, i);
            // "Nikopol came under 12 attacks from rocket launchers": attacked by the
            // target's one enemy at the time, if it has exactly one (conflicts.tsv).
            let under = pat.pos == Pos::Noun
                && violent
                && v.rel(i) == "obl"
                && v.case_of(i) == Some("under");
            if under && tgt_n.is_some() {
                src = Some(ActorRef {
                    text: String::new(),
                    code: format!("{}MIL", crate::actors::ENEMY),
                });
            }
            // "a Kh-101 missile struck a residential district of Odesa": a weapon of no
            // stated user that strikes in a country at war was fired by its one enemy (or
            // the speaker's), resolved like "the enemy" against the target and the place.
            let weapon_subject = pat.pos == Pos::Verb
                && violent
                && !pat.nomil
                && src_n.is_none()
                && !args::is_passive(v, i)
                && args::subject(v, i).is_some_and(|s| self.is_weaponish(v, s));
            // "A HIMARS strike destroyed a depot": an attack noun named by a weapon of no
            // stated user, likewise.
            let weapon_noun = pat.pos == Pos::Noun
                && violent
                && src_n.is_none()
                && v.kids(i)
                    .iter()
                    .any(|&k| v.rel(k) == "compound" && v.weapon_at(k).is_some());
            if weapon_subject || weapon_noun {
                src = Some(ActorRef {
                    text: String::new(),
                    code: format!("{}MIL", crate::actors::USER),
                });
            }
            if (pat.frame == Frame::Suffer || agentless) && tgt_n.is_some() {
                src = Some(ActorRef {
                    text: String::new(),
                    code: format!("{}MIL", crate::actors::FOE),
                });
            }
        }
        // (Armed: a state's forces, rebels, militias, separatists, radical groups.)
        let armed =
            |a: &ActorRef| a.code.ends_with("MIL") || crate::actors::non_state_armed(&a.code);
        if pat.armed && !src.as_ref().is_some_and(armed) {
            return None;
        }
        let mut tgt = tgt_n.and_then(|t| r.deep_actor(t).or_else(|| self.event_source(r, t)));
        // "sanctions on 11 North Korean individuals" with "11" and "individuals" read as two
        // phrases: the count stands for the noun after it.
        if let Some(t) = tgt_n.filter(|&t| tgt.is_none() && v.upos[t] == Upos::Num) {
            tgt = v
                .parent(t)
                .and_then(|h| {
                    v.kids(h)
                        .iter()
                        .copied()
                        .find(|&k| k > t && matches!(v.rel(k), "nmod" | "obl" | "obj"))
                })
                .and_then(|k| r.deep_actor(k));
        }
        // "handed over six prisoners to Armenia": when the object names no one, the
        // pattern's prepositional target does.
        // ("recalled its ambassador from Moscow": one's own envoy is no target.)
        let own = |t: &ActorRef| src.as_ref().is_some_and(|s| s.country() == t.country());
        if pat.frame == Frame::Ap && tgt.as_ref().is_none_or(own) {
            let before = tgt.take();
            // ("to Turkey" may hang on the object.)
            let under_obj = tgt_n
                .filter(|&o| v.parent(o) == Some(i))
                .into_iter()
                .flat_map(|o| args::prep_objects(v, o, &pat.preps));
            tgt = args::prep_objects(v, i, &pat.preps)
                .chain(under_obj)
                .filter(|&k| Some(k) != tgt_n && !temporal(v, k))
                .find_map(|k| r.deep_actor(k))
                .or(before);
        }
        // "destroyed a Russian howitzer": a country's arms are its armed forces (so forces
        // of no stated country fighting them are that country's enemy).
        if let (Some(t), Some(n)) = (tgt.as_mut(), tgt_n) {
            let national = v.kids(n).iter().any(|&k| {
                matches!(v.rel(k), "amod" | "compound" | "nmod:poss") && v.actor_at(k).is_some()
            });
            let arms = national
                && v.actor_at(n).is_none()
                && self.p.theme(&v.lemma[n]) == Some(Theme::Military);
            if arms && t.code.len() == 3 {
                t.code.push_str("MIL");
            }
        }
        // "intercepted 30 Ukrainian drones", "shot down missiles launched by Russia",
        // "intercepted a drone approaching Haifa": whose the weapon was is the target, never
        // where it flew.
        if pat.owner {
            // "shot down 47 of the drones" with "47" hung on "down": the weapon under it.
            let weapon = || {
                let mut seen = Vec::new();
                subtree_bfs(v, i, 3, &mut seen);
                seen.into_iter().skip(1).find(|&k| {
                    matches!(v.rel(k), "nmod" | "obl" | "obj")
                        && (self.p.arm(&v.lemma[k]).is_some() || v.weapon_at(k).is_some())
                })
            };
            tgt = tgt_n.or_else(weapon).and_then(|t| self.weapon_force(r, t));
        }
        // "Its artillery destroyed two Leopard tanks": arms of no stated owner that a side
        // strikes in a war are its enemy's (resolved against the conflicts table).
        let violent = matches!(pat.code.get(..2), Some("18" | "19" | "20"));
        // "Air defences destroyed 35 of the drones over Odesa": what flew is whose it was,
        // never where it was downed.
        if let Some(o) = tgt_n.filter(|_| !pat.owner && violent && pat.pos == Pos::Verb) {
            let w = counted_of(v, o);
            if v.actor_at(w).is_none() && self.p.arm(&v.lemma[w]) == Some(Arm::Aerial) {
                tgt = self.weapon_force(r, o);
            }
        }
        if let Some(o) = tgt_n.filter(|_| tgt.is_none() && violent && pat.pos == Pos::Verb) {
            if v.actor_at(o).is_none() && self.is_weaponish(v, o) {
                tgt = Some(ActorRef {
                    text: String::new(),
                    code: format!("{}MIL", crate::actors::FOE),
                });
            }
        }
        // "condemned the attack on Avdiivka": disapproval targets who attacked, not the
        // place attacked. An event noun as object gives its own agent, else the source of
        // the earlier event it names, else no target.
        if pat.code.starts_with("11") {
            // "called the strike appalling" parsed as one noun phrase headed by the name:
            // what is named is the compound before it.
            // (A compound is no event word to the pattern table: the act is the latest.)
            let named = tgt_n
                .filter(|&t| pat.named && pat.need.iter().any(|w| *w == v.lower[t]))
                .and_then(|t| v.kids(t).iter().copied().find(|&k| v.rel(k) == "compound"));
            if named.is_some_and(|k| self.p.lookup(Pos::Noun, &v.lemma[k]).next().is_some()) {
                tgt = recent_act_source(r, src.as_ref());
            }
            if let Some((t, p)) = tgt_n.and_then(|t| {
                self.pattern_at(v, t)
                    .filter(|p| p.pos == Pos::Noun)
                    .map(|p| (t, p))
            }) {
                tgt = self
                    .noun_roles(v, t, p)
                    .0
                    .and_then(|s| r.actor(s))
                    .or_else(|| self.event_source(r, t))
                    // "the transfer of missiles from North Korea to Russia": the giver.
                    .or_else(|| {
                        let of = args::prep_object(v, t, "of");
                        args::prep_object(v, t, "from")
                            .or_else(|| of.and_then(|o| args::prep_object(v, o, "from")))
                            .or_else(|| args::prep_object(v, i, "from"))
                            .filter(|_| p.frame == Frame::Transfer)
                            .and_then(|f| r.actor(f))
                    });
            } else if let Some(t) = tgt_n.filter(|&t| tgt.is_none() && act_noun(v, t)) {
                // "condemned the launch by North Korea" (the "by" phrase may hang on the
                // verb); else "condemned the launch", "condemned the offensive": the act
                // just told.
                tgt = args::prep_object(v, t, "by")
                    .or_else(|| args::prep_object(v, i, "by").filter(|_| !args::is_passive(v, i)))
                    .and_then(|b| r.actor(b))
                    .or_else(|| recent_act_source(r, src.as_ref()));
            }
            // "called it a manifestation of Russian madness": the one the name names.
            let in_name = || {
                v.kids(i)
                    .iter()
                    .filter(|&&k| {
                        v.rel(k) == "xcomp"
                            || (v.rel(k) == "obj" && Some(k) != tgt_n)
                            || (matches!(v.rel(k), "obl" | "advcl") && v.case_of(k) == Some("as"))
                    })
                    .find_map(|&k| r.deep_actor(k))
                    .filter(|a| src.as_ref().is_none_or(|s| s.country() != a.country()))
            };
            // "condemned the offensive", "the assault", told well after it.
            let definite_attack = |t: usize| {
                let attack = self.pattern_at(v, t).is_some_and(|p| {
                    p.pos == Pos::Noun && matches!(p.code.get(..2), Some("18" | "19" | "20"))
                });
                (attack || act_noun(v, t))
                    && v.kids(t).iter().any(|&k| {
                        v.rel(k) == "det" && matches!(v.lower[k].as_str(), "the" | "this" | "that")
                    })
                    && v.kids(t)
                        .iter()
                        .all(|&k| !matches!(v.rel(k), "nmod" | "acl"))
            };
            if tgt.is_none() && tgt_n.is_some_and(definite_attack) {
                tgt = campaign_source(r, src.as_ref());
            }
            // "Zelensky called it madness", "condemned this": a pronoun for an act just
            // told targets who did it.
            if tgt_n.is_some_and(|t| matches!(v.lower[t].as_str(), "it" | "this" | "that")) {
                // "said two tanks had forced their way in, calling it a violation": the
                // act reported in the clause the judgement hangs on.
                let reported = v
                    .parent(i)
                    .filter(|&h| v.rel(i) == "advcl" && v.rel(h) == "ccomp")
                    .and_then(|h| args::subject(v, h))
                    .and_then(|s| r.actor(s))
                    .filter(|a| src.as_ref().is_none_or(|s| s.country() != a.country()));
                if let Some(a) = reported
                    .or_else(|| recent_act_source(r, src.as_ref()))
                    .or_else(|| in_name().filter(|_| pat.named))
                {
                    tgt = Some(a);
                } else if pat.named {
                    tgt = None;
                }
            }
            // "described the drone strike as proof of the terrorist nature of the Kyiv
            // regime": a doer not known from the act, the one the name names.
            if tgt.is_none() && pat.named {
                tgt = in_name();
            }
        }
        if tgt.is_none() && pat.own_future {
            tgt = self.own_future_target(r, i);
        } else if tgt.is_none()
            && pat.frame == Frame::Ap
            && pat.modality == Some(Modality::Threatened)
        {
            tgt = self.conditional_subject(r, i);
        }
        if tgt.is_none() && pat.pos == Pos::Noun && pat.modality == Some(Modality::Threatened) {
            tgt = self.embedded_target(r, i);
        }
        if tgt.is_none() && pat.pos == Pos::Verb {
            // "refused to send tanks to Ukraine", "threatened to strike Kyiv": the target
            // of the governed event.
            let governed = match self.governs_as_trigger(v, i) {
                true => args::infinitive(v, i),
                false => v.child(i, "xcomp"),
            };
            if let Some(x) = governed {
                if let Some(xp) = self.pattern_at(v, x) {
                    if let (_, Some(t), _) = self.verb_roles(v, x, xp) {
                        tgt = r.deep_actor(t);
                    }
                }
            }
        }
        // "assured Zelenskiy that Germany would hand over the battery", "told Kyiv it would
        // send more": the one addressed receives what is given.
        if tgt.is_none() && pat.frame == Frame::Transfer && v.rel(i) == "ccomp" {
            tgt = v
                .parent(i)
                .and_then(|h| args::objects(v, h).next())
                .and_then(|o| r.actor(o));
        }
        // "Ukraine and Russia held talks", "officials from Ukraine and Russia met": a
        // meeting, agreement or cooperation between coordinated parties has the second as
        // its target.
        // So does fire "exchanged" between them.
        let exchanged = pat.pos == Pos::Noun
            && v.parent(i)
                .is_some_and(|h| v.lemma[h] == "exchange" && v.rel(i) == "obj");
        // (A target of the source's own country is no party: "signed ... at the Elysee
        // Palace".)
        let own = |t: &ActorRef| src.as_ref().is_some_and(|s| s.country() == t.country());
        // (Nor is the place it happened: "Israel and Hamas signed a truce in Cairo".)
        let place = tgt_n.is_some_and(|t| matches!(v.case_of(t), Some("in" | "at")))
            || tgt
                .as_ref()
                .is_some_and(|t| v.places.iter().any(|p| !p.is_country && p.text == t.text));
        if (tgt.as_ref().is_none_or(own) || place)
            && (exchanged
                || ["04", "057", "06", "0841"]
                    .iter()
                    .any(|c| pat.code.starts_with(c)))
        {
            if let (Some(s), Some(sa)) = (src_n, &src) {
                let mut seen = Vec::new();
                subtree_bfs(v, s, 3, &mut seen);
                // Either conjunct may be the one the source phrase took its country from.
                let parties: Vec<ActorRef> = seen
                    .iter()
                    .filter(|&&k| v.rel(k) == "conj")
                    .flat_map(|&k| [Some(k), v.parent(k)])
                    .flatten()
                    .filter_map(|k| r.actor(k))
                    .collect();
                // Another country; else another party of the same one ("the army and the
                // RSF signed a ceasefire").
                let other = parties
                    .iter()
                    .find(|a| a.country() != sa.country())
                    .or_else(|| parties.iter().find(|a| a.code != sa.code))
                    .cloned();
                if other.is_some() || !place {
                    tgt = other;
                }
            }
        }
        let theme = theme_n.map(|t| self.theme(r, t)).unwrap_or_default();
        let mut weapons = theme.1.clone();
        self.clause_weapons(v, i, &mut weapons);
        let mut code = pat.code.clone();
        if let Some(cat) = theme.0 {
            if let Some(c) = &pat.theme_codes[cat as usize] {
                code = c.clone();
            }
        }
        if pat.modality == Some(Modality::Threatened) && self.military_content(v, i) {
            code = "138".into();
        }
        // "offered to mediate", "promised to negotiate": an intent verb takes the kind of
        // intent from the act it governs (CAMEO 03x mirrors the cooperative roots).
        if pat.modality == Some(Modality::Intended) && pat.pos == Pos::Verb {
            if let Some(inner) = v.child(i, "xcomp").and_then(|x| self.pattern_at(v, x)) {
                let c = inner.code.as_str();
                let intent = if c.starts_with("045") {
                    Some("039")
                } else if c.starts_with("04") {
                    Some("036")
                } else if c.starts_with("05") {
                    Some("032")
                } else if c.starts_with("08") {
                    Some("035")
                } else {
                    None
                };
                if let Some(x) = intent {
                    code = x.into();
                }
            }
        }
        if pat.arms && code == "190" {
            if let Some(c) = self.arm_code(v, i, &weapons) {
                code = c.to_string();
            }
        }
        // "fired a ballistic missile into the sea", "test-fired a new missile": a launch at
        // no one is a show of force (150), not an attack.
        if code.starts_with("19") && tgt.is_none() && self.show_of_force(v, i) {
            code = "150".into();
        }
        let mut modality = pat.modality.unwrap_or(mood.modality);
        if mood.modality != Modality::Asserted && pat.modality.is_none() {
            modality = mood.modality;
        }
        // "promised not to fire them at targets inside Russia": a negated intent is none.
        if mood.intent && modality != Modality::Negated {
            let (c, m) = intent_code(&code);
            code = c;
            modality = m;
        }
        if matches!(modality, Modality::Negated) {
            return None;
        }
        if modality == Modality::Denied && pat.code != "016" {
            code = "016".into();
        }
        let attribution = mood.attribution.and_then(|a| r.actor(a));
        if modality == Modality::Denied && pat.code != "016" {
            // "X said it did not attack Y": X denies.
            return Some(self.finish(
                r,
                i,
                code,
                attribution.clone(),
                tgt,
                modality,
                attribution,
                weapons,
                anaphor,
            ));
        }
        // A speaker who is no known actor still says whose account it is ("the mayor said",
        // "- Basurin"): `---` for the unknown country, as in CAMEO.
        let attribution = attribution.or_else(|| mood.attribution.and_then(|a| r.speaker(a)));
        let tgt = match (&src, tgt) {
            (Some(s), Some(t)) if s.code == t.code => None,
            // "Ukrainian forces recaptured the village of X": the place is their own
            // country's; whom it was taken from is not said.
            (Some(s), Some(t))
                if s.country() == t.country()
                    && matches!(
                        v.lemma[i].as_str(),
                        "recapture" | "retake" | "liberate" | "regain" | "reclaim"
                    ) =>
            {
                None
            }
            (_, t) => t,
        };
        // (civilians suffer a loss; they are not whose act is judged)
        if pat.targeted && tgt.as_ref().is_none_or(|t| t.code.ends_with("CVL")) {
            return None;
        }
        Some(self.finish(
            r,
            i,
            code,
            src,
            tgt,
            modality,
            attribution,
            weapons,
            anaphor,
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        r: &Resolver,
        i: usize,
        code: String,
        src: Option<ActorRef>,
        tgt: Option<ActorRef>,
        modality: Modality,
        attribution: Option<ActorRef>,
        weapons: Vec<String>,
        anaphor: bool,
    ) -> Cand {
        let v = r.v;
        let c = args::clause_head(v, i);
        // (Arrests and raids, like violence, happen where a seat of power is named: "police
        // detained 300 people in Moscow".)
        let violent = matches!(code.get(..2), Some("17" | "18" | "19" | "20"));
        Cand {
            trigger: i,
            code,
            src,
            tgt,
            modality,
            attribution,
            weapons,
            location: self.location(v, i, c, violent),
            fatalities: self.fatalities(v, i, c),
            date: self.date(v, i),
            anaphor,
            weapon_use: false,
        }
    }

    /// Source, target and theme words of a verb trigger.
    fn verb_roles(
        &self,
        v: &SentView,
        i: usize,
        pat: &Pattern,
    ) -> (Option<usize>, Option<usize>, Option<usize>) {
        let passive = args::is_passive(v, i);
        // A gerund with no subject of its own and a "by" actor is used as a noun: "died
        // during shelling by Ukrainian forces", "wounded as a result of shelling by Russian
        // troops". The "by" phrase is its agent, not the main clause's subject.
        let gerund_agent = (v.xpos[i] == "VBG"
            && !v.kids(i).iter().any(|&k| args::is_subj_rel(v, k)))
        .then(|| args::agent(v, i))
        .flatten()
        .filter(|&a| v.actor_at(a).is_some());
        let src = if passive {
            args::agent(v, i)
        } else {
            gerund_agent.or_else(|| args::subject(v, i))
        };
        let src = src.and_then(|s| self.through_weapon(v, s));
        // "UNIFIL said two tanks had forced their way in, calling it a violation": a
        // judgement appended to a report is the reporter's, wherever the parser hangs it.
        let src = match v.parent(i) {
            Some(h)
                if pat.code.starts_with("11")
                    && v.xpos[i] == "VBG"
                    && v.rel(i) == "advcl"
                    && v.rel(h) == "ccomp"
                    && !v.kids(i).iter().any(|&k| args::is_subj_rel(v, k)) =>
            {
                v.parent(h)
                    .filter(|&g| self.p.speech(&v.lemma[g]).is_some())
                    .and_then(|g| args::subject(v, g))
                    .or(src)
            }
            _ => src,
        };
        let mut objs: Vec<usize> = args::objects(v, i).collect();
        objs.extend(args::shared_object(v, i));
        // ("fired missiles at Israel on Tuesday night": a time is never the target.)
        let prep_t = || args::prep_objects(v, i, &pat.preps).find(|&k| !temporal(v, k));
        match pat.frame {
            Frame::Ap => {
                let tgt = if passive {
                    args::patient(v, i)
                } else {
                    // "blamed the fire at the border post on Russian troops": when the
                    // object names no one, the pattern's phrase names the target, wherever
                    // the parser hung it (on the verb, or on a noun of the object).
                    let named = |k: usize| v.actor_at(k).is_some() || v.place_at(k).is_some();
                    let object = objs.first().copied();
                    let nobody = object.is_some_and(|o| !named(o)) && !pat.preps.is_empty();
                    // (only down through the verb's nominals, never into a clause)
                    let inside = || {
                        let step = |k: usize| matches!(v.rel(k), "nmod" | "obl" | "obj");
                        args::prep_phrase_below(v, i, 3, &pat.preps, step, named)
                    };
                    if nobody {
                        prep_t().filter(|&k| named(k)).or_else(inside).or(object)
                    } else {
                        object.or_else(prep_t)
                    }
                };
                (src, tgt.or_else(prep_t), None)
            }
            // "launched a missile toward Japan": the phrase may hang on the object.
            // "launched a barrage of missiles and drones at Ukraine": the phrase may hang on
            // the object, or on what the object counts.
            Frame::SelfTarget => (
                src,
                prep_t()
                    .or_else(|| {
                        let o = *objs.first()?;
                        args::prep_objects(v, o, &pat.preps).next().or_else(|| {
                            v.kids(o)
                                .iter()
                                .filter(|&&k| v.rel(k) == "nmod")
                                .find_map(|&k| args::prep_objects(v, k, &pat.preps).next())
                        })
                    })
                    // "firing 100 rockets and a swarm of drones at northern Israel" with
                    // "drones" left an oblique: under the verb's other nominals.
                    .or_else(|| {
                        // only through nominals, never into a clause
                        let nominal = |k: usize| {
                            matches!(v.rel(k), "obl" | "obj" | "nmod" | "conj")
                                && matches!(v.upos[k], Upos::Noun | Upos::Propn | Upos::Num)
                        };
                        args::prep_phrase_below(v, i, 4, &pat.preps, nominal, |_| true)
                    }),
                None,
            ),
            Frame::Transfer => {
                if passive {
                    let rec = args::prep_object(v, i, "to").or_else(|| objs.first().copied());
                    return (src, rec, args::patient(v, i));
                }
                // "provide Ukraine with X"; the parser sometimes hangs the "with" phrase on
                // the object ("flood the country with 17,000 of them").
                let with = args::prep_object(v, i, "with")
                    .or_else(|| objs.first().and_then(|&o| args::prep_object(v, o, "with")));
                if let Some(w) = with {
                    return (src, objs.first().copied(), Some(w));
                }
                // "for this attack": an event is the purpose, not a receiver.
                let to = args::prep_object(v, i, "to")
                    .or_else(|| {
                        args::prep_object(v, i, "for").filter(|&f| self.pattern_at(v, f).is_none())
                    })
                    .or_else(|| objs.first().and_then(|&o| args::prep_object(v, o, "to")))
                    // "approves Leopard tanks for Ukraine": a "for" actor under what is given.
                    .or_else(|| {
                        objs.first()
                            .and_then(|&o| args::prep_object(v, o, "for"))
                            .filter(|&f| v.actor_at(f).is_some_and(|a| a.country.is_some()))
                    })
                    // "pledged $5 billion in aid to Ukraine": one level further down, inside
                    // the phrase saying what the amount is, and only for an actor.
                    .or_else(|| {
                        let o = *objs.first()?;
                        v.kids(o)
                            .iter()
                            .filter(|&&n| v.rel(n) == "nmod")
                            .find_map(|&n| args::prep_object(v, n, "to"))
                            .filter(|&t| v.actor_at(t).is_some())
                    });
                // "gave Ukraine Leopard tanks" or "providing Zelensky's forces reams of
                // data" read as one noun phrase: the parser folds the first object into a
                // compound modifier of the second. A country right after the verb, or a
                // compound noun before the object head that is itself a receiver-like
                // actor (a country, or a noun owned by one), is the receiver.
                let to = to.or_else(|| {
                    objs.first().and_then(|&o| {
                        v.kids(o).iter().copied().find(|&k| {
                            matches!(v.rel(k), "compound" | "flat")
                                && ((k == i + 1
                                    && v.actor_at(k)
                                        .is_some_and(|a| a.country.is_some() && a.code.len() == 3))
                                    || (k < o
                                        && matches!(v.upos[k], Upos::Noun | Upos::Propn)
                                        && v.kids(k).iter().any(|&p| v.full_rel(p) == "nmod:poss")
                                        && self.recipient_like(v, k)))
                        })
                    })
                });
                // "X has been a key ally of Ukraine, providing support": a giving clause on
                // a supporter noun gives to the one it supports.
                let to = to.or_else(|| {
                    let h = v
                        .parent(i)
                        .filter(|_| matches!(v.rel(i), "advcl" | "acl"))?;
                    let supporter = matches!(
                        v.lemma[h].as_str(),
                        "ally" | "partner" | "backer" | "supporter" | "donor" | "friend"
                    );
                    if !supporter
                        || v.child(h, "cop").is_none()
                        || !objs.iter().all(|&o| !self.recipient_like(v, o))
                    {
                        return None;
                    }
                    args::prep_object(v, h, "of").filter(|&o| v.actor_at(o).is_some())
                });
                match (objs.as_slice(), to) {
                    // An explicit "to" receiver wins over a double-object reading.
                    ([.., b], Some(t)) if objs.len() > 1 => (src, Some(t), Some(*b)),
                    ([a, b, ..], _) => (src, Some(*a), Some(*b)),
                    ([a], Some(t)) => (src, Some(t), Some(*a)),
                    ([a], None) if self.recipient_like(v, *a) => (src, Some(*a), Some(*a)),
                    ([a], None) => (src, None, Some(*a)),
                    ([], t) => (src, t, None),
                }
            }
            Frame::Suffer => {
                // Losses tallied since the start of the war, in total, so far are a
                // balance, not an event.
                match losses_opponent(v, i) {
                    Some(opponent) => (opponent, src, None),
                    None => (None, None, None),
                }
            }
            Frame::Appeal => {
                let on = args::prep_object(v, i, "on").or_else(|| args::prep_object(v, i, "from"));
                let theme = args::prep_object(v, i, "for")
                    .or_else(|| args::infinitive(v, i))
                    .or_else(|| objs.iter().copied().find(|&o| v.actor_at(o).is_none()));
                let rec = on.or_else(|| objs.iter().copied().find(|&o| v.actor_at(o).is_some()));
                (src, rec, theme)
            }
        }
    }

    /// Whether a lone object is the receiver rather than the thing given: an actor
    /// ("supply Ukraine", "provided Zelensky's forces ...") and not a weapon.
    fn recipient_like(&self, v: &SentView, a: usize) -> bool {
        if v.weapon_at(a).is_some() || self.p.theme(&v.lemma[a]).is_some() {
            return false;
        }
        v.actor_at(a).is_some_and(|x| x.country.is_some())
            || v.kids(a).iter().any(|&k| {
                v.full_rel(k) == "nmod:poss" && v.actor_at(k).is_some_and(|x| x.country.is_some())
            })
    }

    /// "missiles launched by Ukrainian troops hit ...": a weapon subject stands for the
    /// agent of the participle modifying it.
    fn is_weaponish(&self, v: &SentView, s: usize) -> bool {
        v.weapon_at(s).is_some()
            || self.p.arm(&v.lemma[s]).is_some()
            || self.p.theme(&v.lemma[s]) == Some(Theme::Military) && v.actor_at(s).is_none()
    }

    fn through_weapon(&self, v: &SentView, s: usize) -> Option<usize> {
        if !self.is_weaponish(v, s) {
            return Some(s);
        }
        for &k in v.kids(s) {
            if v.rel(k) == "acl" {
                // "a drone attributed by Russian authorities to the Ukrainian army": the
                // "to" phrase is whose it is; the "by" phrase only who says so.
                if matches!(v.lemma[k].as_str(), "attribute" | "ascribe") {
                    if let Some(t) = args::prep_object(v, k, "to") {
                        return Some(t);
                    }
                    continue;
                }
                if let Some(a) = args::agent(v, k) {
                    return Some(a);
                }
            }
        }
        if v.actor_at(s).is_some() {
            return Some(s);
        }
        // "missiles of the Russian Aerospace Forces destroyed ...": an "of" owner is the user.
        if let Some(&k) = v.kids(s).iter().find(|&&k| {
            v.full_rel(k) == "nmod"
                && v.case_of(k) == Some("of")
                && v.actor_at(k).is_some_and(|a| a.country.is_some())
        }) {
            return Some(k);
        }
        // "Russian aircraft bombed ...": the nationality of the weapon is its user, unless
        // it names the maker ("U.S.-made missiles").
        let user = v.kids(s).iter().any(|&k| {
            (v.full_rel(k) == "nmod:poss"
                && (v.actor_at(k).is_some()
                    || matches!(v.lemma[k].as_str(), "its" | "their" | "it" | "they")))
                || matches!(v.rel(k), "amod" | "compound")
                    && v.actor_at(k).is_some_and(|a| a.country.is_some())
                    && !["-made", "-built", "-supplied", "-provided", "-designed"]
                        .iter()
                        .any(|x| v.lower[k].ends_with(x))
        });
        user.then_some(s)
    }

    /// Source, target and theme words of an event noun.
    fn noun_roles(
        &self,
        v: &SentView,
        i: usize,
        pat: &Pattern,
    ) -> (Option<usize>, Option<usize>, Option<usize>) {
        if pat.frame == Frame::Suffer {
            // "Losses of the AFU in battles with the LPR amounted to 55", "enemy losses":
            // whose losses they are is the target; whom they fought, the source.
            let loser = args::prep_object(v, i, "of").or_else(|| {
                v.kids(i).iter().copied().find(|&k| {
                    matches!(v.rel(k), "nmod" | "amod" | "compound") && v.actor_at(k).is_some()
                })
            });
            // Only a count of what was lost: "losses ... amounted to 55 people", never
            // "heavy losses" or "the loss of life" alone.
            let counted = v.parent(i).is_some_and(|h| {
                matches!(
                    v.lemma[h].as_str(),
                    "amount" | "total" | "reach" | "exceed" | "stand"
                )
            });
            return match losses_opponent(v, i).filter(|_| counted) {
                Some(opponent) => (opponent, loser, None),
                None => (None, None, None),
            };
        }
        // "a telephone conversation between Putin and Scholz", "talks between Kyiv and
        // Moscow": the first named is the source, the second the target.
        // (talks only: "the war between Russia and Ukraine" names a war, not an attack)
        let talks = pat.code.starts_with("04");
        if let Some(b) = args::prep_object(v, i, "between").filter(|_| talks) {
            if let Some(c) = v.child(b, "conj") {
                return (Some(b), Some(c), None);
            }
        }
        // "talks in Moscow with Lavrov": the parser may hang the phrase on the place.
        let mut tgt = args::prep_objects(v, i, &pat.preps).next().or_else(|| {
            v.kids(i)
                .iter()
                .filter(|&&k| v.rel(k) == "nmod" && v.place_at(k).is_some())
                .find_map(|&k| args::prep_objects(v, k, &pat.preps).next())
        });
        let mut theme = args::prep_object(v, i, "of");
        if theme.is_none() {
            // "a $400 million security assistance package": the modifier that says what
            // is given, not the money that counts it.
            let modifiers = || {
                v.kids(i)
                    .iter()
                    .copied()
                    .filter(|&k| v.rel(k) == "compound" && v.actor_at(k).is_none())
            };
            let says_what = |k: usize| {
                std::iter::once(k)
                    .chain(
                        v.kids(k)
                            .iter()
                            .copied()
                            .filter(|&c| v.rel(c) == "compound"),
                    )
                    .any(|c| {
                        self.p
                            .theme(&v.lemma[c])
                            .is_some_and(|t| t != Theme::Economic)
                    })
            };
            theme = modifiers()
                .find(|&k| says_what(k))
                .or_else(|| modifiers().next());
        }
        if pat.frame == Frame::Transfer {
            let to = ["to".to_string(), "for".to_string()];
            // "a package of military aid for Ukraine": the parser may hang the recipient
            // on what is given.
            let t = args::prep_objects(v, i, &to)
                .next()
                .or_else(|| theme.and_then(|t| args::prep_objects(v, t, &to).next()));
            if t.is_some() {
                tgt = t;
            }
        }
        // "his appeal to Western allies for more air defence systems": addressed "to"
        // someone, asking "for" something.
        // The parser often hangs both phrases on the light verb ("renewed his appeal").
        if pat.frame == Frame::Appeal {
            let light = v
                .parent(i)
                .filter(|&h| v.rel(i) == "obj" && self.p.light(&v.lemma[h]).is_some());
            for host in std::iter::once(i).chain(light) {
                if tgt.is_none() {
                    tgt = args::prep_object(v, host, "to").filter(|&t| v.upos[t] != Upos::Verb);
                }
                if let Some(f) = args::prep_object(v, host, "for") {
                    theme = Some(f);
                    break;
                }
            }
        }
        // Own source: possessor, national modifier, "by" phrase.
        let own = v.kids(i).iter().copied().find(|&k| {
            (v.full_rel(k) == "nmod:poss" || matches!(v.rel(k), "amod" | "compound"))
                && v.actor_at(k).is_some()
                || v.full_rel(k) == "nmod:poss"
        });
        // "the strike of the Armed Forces of Ukraine on Novodruzhesk", "died under the fire
        // of the APU": an "of" phrase is the agent (not the target, as in "the shelling of
        // Kherson") when the noun has its target elsewhere, or when it names an armed force
        // (a capitalized military actor: reporting translated from Russian uses this
        // genitive for the attacker).
        // The parser often hangs the target on the agent ("the strike of [the army on
        // Kupiansk]"): a target phrase below the "of" actor is the noun's.
        let below = theme.and_then(|k| {
            args::prep_objects(v, k, &pat.preps).find(|&t| v.case_of(t) != Some("of"))
        });
        let of_agent = theme.filter(|&k| {
            v.rel(k) == "nmod"
                && v.actor_at(k).is_some_and(|a| {
                    a.country.is_some()
                        && (tgt.is_some_and(|t| t != k)
                            || below.is_some()
                            || (a.code.ends_with("MIL")
                                && a.start > 0
                                && v.forms[k].starts_with(|c: char| c.is_uppercase())))
                })
        });
        if of_agent.is_some() && below.is_some() && tgt.is_none_or(|t| Some(t) == of_agent) {
            tgt = below;
        }
        // "A girl died after the shelling of X by the Armed Forces of Ukraine": the parser
        // may hang the noun's "by" phrase on the clause's verb. A "by" phrase after the
        // noun on an active verb (no passive to be the agent of) is the noun's agent.
        let stray_by = || {
            let h = v.parent(i).filter(|&h| {
                matches!(v.rel(i), "obl" | "obj")
                    && v.upos[h] == Upos::Verb
                    && !args::is_passive(v, h)
                    && v.xpos[h] != "VBN"
            })?;
            v.kids(h).iter().copied().find(|&k| {
                k > i && v.rel(k) == "obl" && v.case_of(k) == Some("by") && v.actor_at(k).is_some()
            })
        };
        // "the shelling of [Snigirevka by the Armed Forces of Ukraine]": or on the target.
        let by_below = || {
            v.kids(i)
                .iter()
                .copied()
                .filter(|&k| v.rel(k) == "nmod" && v.case_of(k) == Some("of"))
                .find_map(|k| args::prep_object(v, k, "by").filter(|&b| v.actor_at(b).is_some()))
        };
        let by = args::prep_object(v, i, "by")
            .or(of_agent)
            .or_else(stray_by)
            .or_else(by_below);
        // "X launched their attack": a possessive pronoun on the object of a light verb is
        // that verb's subject.
        let own = own.filter(|&o| {
            let light_obj = v
                .parent(i)
                .is_some_and(|h| self.p.light(&v.lemma[h]).is_some() && v.rel(i) == "obj");
            !(light_obj && v.upos[o] == Upos::Pron)
        });
        if let Some(s) = own.or(by) {
            return (Some(s), tgt, theme);
        }
        // "Lavrov, in a phone call with Rubio, called for ...": talks set off after a name
        // are that party's.
        let party = v.parent(i).filter(|&h| {
            talks
                && v.rel(i) == "nmod"
                && matches!(v.case_of(i), Some("in" | "during"))
                && v.actor_at(h).is_some()
        });
        if party.is_some() {
            return (party, tgt, theme);
        }
        // "launched dozens of strikes", "a wave of attacks": a counting noun stands between
        // the event noun and its light verb.
        let counted = (v.rel(i) == "nmod" && v.case_of(i) == Some("of"))
            .then(|| v.parent(i))
            .flatten()
            .filter(|&q| {
                matches!(
                    v.lemma[q].as_str(),
                    "dozen"
                        | "dozens"
                        | "hundred"
                        | "hundreds"
                        | "score"
                        | "scores"
                        | "series"
                        | "wave"
                        | "barrage"
                        | "number"
                        | "string"
                        | "volley"
                        | "salvo"
                        | "round"
                        | "couple"
                        | "thousand"
                        | "thousands"
                        | "package"
                        | "set"
                        | "tranche"
                        | "batch"
                        | "raft"
                )
            });
        let (carrier, h) = match counted {
            Some(q) => (q, v.parent(q)),
            None => (i, v.parent(i)),
        };
        // Object of a light verb: "launched an attack", "carried out strikes".
        if let Some(h) = h {
            let light = self.p.light(&v.lemma[h]).is_some() && v.upos[h] == Upos::Verb;
            // "agreed on a package of sanctions": agreeing on it is adopting it.
            let agreed_on = v.lemma[h] == "agree"
                && v.rel(carrier) == "obl"
                && v.case_of(carrier) == Some("on");
            if light && (matches!(v.rel(carrier), "obj" | "nsubj") || agreed_on) {
                let passive = args::is_passive(v, h);
                let s = if passive {
                    args::agent(v, h)
                } else {
                    args::subject(v, h)
                };
                if tgt.is_none() {
                    // "adopted a package of sanctions against Russia": the parser hangs
                    // the target on the counting noun or on the verb.
                    tgt = args::prep_objects(v, carrier, &pat.preps)
                        .next()
                        .or_else(|| args::prep_objects(v, h, &pat.preps).next());
                }
                return (s, tgt, theme);
            }
            // "the village came under 17 attacks from multiple rocket launchers", "was under
            // Russian fire": what is under the attack is its target; a "from" phrase its
            // source.
            if v.rel(i) == "obl" && v.case_of(i) == Some("under") {
                let from = args::prep_object(v, i, "from")
                    .or_else(|| args::prep_object(v, h, "from"))
                    .filter(|&f| {
                        v.actor_at(f).is_some()
                            || v.kids(f).iter().any(|&k| {
                                matches!(v.rel(k), "amod" | "compound" | "nmod:poss")
                                    && v.actor_at(k).is_some()
                            })
                    });
                return (from, args::subject(v, h), theme);
            }
            // "..., with threats to ...", "in an offensive strike on ...": the predicate's
            // subject, or the possessor of a nominal subject ("Moscow's response").
            if matches!(v.rel(i), "obl") && !self.is_anaphoric(v, i) {
                if let Some(s) = args::subject(v, h) {
                    let s = if v.actor_at(s).is_none() {
                        v.child(s, "nmod:poss").unwrap_or(s)
                    } else {
                        s
                    };
                    return (Some(s), tgt, theme);
                }
            }
        }
        (None, tgt, theme)
    }

    fn source_actor(&self, r: &Resolver, s: usize) -> Option<ActorRef> {
        let v = r.v;
        if let Some(a) = r.actor(s) {
            if v.actor_at(s).is_some_and(|m| m.media) && v.rel(s) != "nsubj" {
                return None;
            }
            return Some(a);
        }
        // A nominal subject that is not an actor: its possessor ("Moscow's reaction ...,
        // accusing"), or the subject of the verb it is the object of ("statements
        // condemning ...": those who made them).
        if let Some(p) = v.child(s, "nmod:poss") {
            return r.actor(p);
        }
        if matches!(v.rel(s), "obj") {
            let h = v.parent(s)?;
            return args::subject(v, h).and_then(|x| r.actor(x));
        }
        None
    }

    /// Whether a passive's cause is stated ("killed in a road accident", "wounded in a
    /// Russian strike"): an oblique that is neither a place nor a time nor the fighting
    /// itself. Then the enemy is not assumed to be the agent (and a stated attack is coded
    /// from its own noun).
    fn cause_stated(&self, v: &SentView, i: usize) -> bool {
        v.kids(i).iter().any(|&k| {
            let causal = matches!(
                v.case_of(k),
                Some("in" | "from" | "after" | "during" | "amid" | "due" | "because" | "following")
            );
            if v.rel(k) != "obl"
                || !causal
                || v.upos[k] == Upos::Propn
                || v.place_at(k).is_some()
                || v.times.iter().any(|t| t.start <= k && k < t.end)
            {
                return false;
            }
            let backdrop = matches!(
                v.lemma[k].as_str(),
                "direction"
                    | "area"
                    | "sector"
                    | "region"
                    | "district"
                    | "oblast"
                    | "village"
                    | "town"
                    | "city"
                    | "front"
                    | "line"
                    | "outskirts"
                    | "day"
                    | "night"
                    | "week"
                    | "month"
                    | "hour"
                    | "battle"
                    | "fighting"
                    | "clash"
                    | "combat"
                    | "fight"
                    | "past"
                    | "course"
            );
            !backdrop
        })
    }

    /// Whether event noun `i` refers back ("this attack", "the strike").
    fn is_anaphoric(&self, v: &SentView, i: usize) -> bool {
        v.kids(i).iter().any(|&k| {
            v.rel(k) == "det" && (EVENT_DETS.contains(&v.lemma[k].as_str()) || v.lemma[k] == "the")
        })
    }

    fn is_event_anaphor(&self, v: &SentView, s: usize) -> bool {
        let l = self.p.trigger_lemma(&v.lower[s]).unwrap_or(&v.lemma[s]);
        let own = v.kids(s).iter().any(|&k| {
            v.full_rel(k) == "nmod:poss"
                || (matches!(v.rel(k), "amod" | "compound") && v.actor_at(k).is_some())
        });
        self.p.lookup(Pos::Noun, l).next().is_some() && self.is_anaphoric(v, s) && !own
    }

    /// Modality by walking up from the trigger.
    fn mood(&self, v: &SentView, i: usize) -> Mood {
        let mut m = Mood {
            modality: Modality::Asserted,
            attribution: None,
            absorbed: false,
            intent: false,
        };
        let c = if matches!(v.upos[i], Upos::Noun | Upos::Propn) {
            v.parent(i)
                .filter(|&h| self.p.light(&v.lemma[h]).is_some())
                .unwrap_or(i)
        } else {
            i
        };
        // "kept its ban on sending weapons", "a moratorium on strikes": a clause or noun
        // right after a hypothetical noun and its preposition is what that noun is about,
        // wherever the parser hung it.
        let about = v.kids(c).iter().any(|&k| {
            matches!(v.rel(k), "mark" | "case")
                && matches!(v.lower[k].as_str(), "on" | "of" | "against")
                && k > 0
                && v.upos[k - 1] == Upos::Noun
                && self.p.is_hypo(&v.lemma[k - 1])
        });
        if about {
            m.modality = Modality::Hypothetical;
            return m;
        }
        // What is guarded against: "protect its people against Russian attacks", "defend
        // the skies from drone strikes" name a threat, not an event that took place. The
        // phrase may hang on the verb or on its object.
        if c == i
            && matches!(v.upos[i], Upos::Noun | Upos::Propn)
            && matches!(v.case_of(i), Some("against" | "from"))
        {
            let guard = |h: usize| {
                matches!(
                    v.lemma[h].as_str(),
                    "protect" | "defend" | "shield" | "guard" | "safeguard" | "secure"
                )
            };
            let h = v.parent(i);
            if h.is_some_and(guard) || h.and_then(|h| v.parent(h)).is_some_and(guard) {
                m.absorbed = true;
                return m;
            }
        }
        // What is talked about ("spoke with Scholz about air defence deliveries",
        // "discussed new sanctions") is a topic, not an event.
        if c == i && matches!(v.upos[i], Upos::Noun | Upos::Propn) {
            let topic = v.case_of(i) == Some("about")
                || (v.rel(i) == "obj"
                    && v.parent(i).is_some_and(|h| {
                        matches!(
                            v.lemma[h].as_str(),
                            "discuss" | "debate" | "consider" | "review"
                        )
                    }));
            if topic {
                m.absorbed = true;
                return m;
            }
        }
        // The thing asked for, threatened or promised ("called for a ceasefire") is coded
        // by that verb, not on its own.
        if c == i
            && matches!(v.upos[i], Upos::Noun | Upos::Propn)
            && matches!(v.rel(i), "obj" | "obl")
        {
            if let Some(h) = v.parent(i) {
                // Likewise what is protested against: "protested against the invasion"
                // names the grievance, an event already under way, not a new one.
                let protest = self
                    .pattern_at(v, h)
                    .is_some_and(|p| p.code.starts_with("14"))
                    && v.upos[h] == Upos::Verb;
                if self.governs_as_trigger(v, h) || protest {
                    m.absorbed = true;
                    return m;
                }
            }
        }
        // "did not plan, conduct or target that strike": a verb conjoined to a negated one,
        // with no subject or auxiliary of its own, shares its negation.
        if v.rel(c) == "conj"
            && v.upos[c] == Upos::Verb
            && v.xpos[c] == "VB"
            && !v
                .kids(c)
                .iter()
                .any(|&k| matches!(v.rel(k), "nsubj" | "aux" | "nsubj:pass"))
        {
            if let Some(h) = v.parent(c).filter(|&h| v.upos[h] == Upos::Verb) {
                let negated = v.kids(h).iter().any(|&k| {
                    v.rel(k) == "advmod" && self.p.is_negator(&v.lemma[k]) && v.lemma[k] != "no"
                });
                if negated {
                    m.modality = Modality::Negated;
                }
            }
        }
        // Own clause.
        for &k in v.kids(c).iter().chain(v.kids(i)) {
            let l = v.lemma[k].as_str();
            match v.rel(k) {
                "advmod" if self.p.is_negator(l) && l != "no" => m.modality = Modality::Negated,
                "det" if l == "no" && k != c => m.modality = Modality::Negated,
                "aux" if matches!(l, "will" | "'ll" | "shall") => m.intent = true,
                "aux"
                    if m.modality == Modality::Asserted
                        && (self.p.is_hypo(l)
                            || matches!(
                                v.lower[k].as_str(),
                                "would" | "could" | "might" | "should"
                            )) =>
                {
                    m.modality = Modality::Hypothetical
                }
                "mark" if self.p.is_hypo(l) => m.modality = Modality::Hypothetical,
                // "Russia will probably launch a new offensive": a forecast.
                "advmod"
                    if matches!(l, "probably" | "likely" | "possibly" | "perhaps" | "maybe") =>
                {
                    m.modality = Modality::Hypothetical;
                    m.intent = false;
                    return m;
                }
                // "has come under near-daily bombardment", "regular shelling": a habit, not
                // one event.
                "amod"
                    if k != c
                        && matches!(
                            v.lower[k].as_str(),
                            "daily"
                                | "near-daily"
                                | "nightly"
                                | "regular"
                                | "constant"
                                | "frequent"
                                | "repeated"
                                | "incessant"
                                | "relentless"
                                | "routine"
                        ) =>
                {
                    m.absorbed = true;
                    return m;
                }
                _ => {}
            }
        }
        // "Day 1,085 of the full-scale invasion", "the anniversary of the invasion": an
        // event named to tell the time, not reported.
        if c == i && v.rel(i) == "nmod" && v.case_of(i) == Some("of") {
            let time_word = |h: usize| {
                matches!(
                    v.lemma[h].as_str(),
                    "day"
                        | "week"
                        | "month"
                        | "year"
                        | "anniversary"
                        | "start"
                        | "beginning"
                        | "outset"
                        | "eve"
                        | "onset"
                        | "course"
                        | "since"
                )
            };
            if let Some(h) = v.parent(i) {
                // "Day 1,085 of the invasion" may be parsed with the number as the head.
                let near = |x: usize| time_word(x) || v.kids(x).iter().any(|&k| time_word(k));
                let numbered = v.upos[h] == Upos::Num && (near(h) || v.parent(h).is_some_and(near));
                if time_word(h) || numbered {
                    m.absorbed = true;
                    return m;
                }
            }
        }
        // "Did not launch any attack": negation on the light verb, "any" on the noun.
        let mut would = m.modality == Modality::Hypothetical;
        // Inside an "of"/"for" clause ("accused Russia of shelling ..."): the content of an
        // accusation, coded as the accusation.
        let mut of_clause = false;
        let mut next_act = false;
        let mut x = c;
        let mut hops = 0;
        while let Some(h) = v.parent(x) {
            hops += 1;
            if hops > 12 {
                break;
            }
            let rel = v.rel(x);
            let hl = v.lemma[h].as_str();
            // "Russia may respond with strikes on Kyiv": an event noun in a clause of what
            // may or might happen has not happened.
            if x == c
                && matches!(v.upos[x], Upos::Noun | Upos::Propn)
                && matches!(rel, "obl" | "obj")
                && v.upos[h] == Upos::Verb
                && v.kids(h).iter().any(|&k| {
                    v.rel(k) == "aux" && matches!(v.lemma[k].as_str(), "may" | "might" | "could")
                })
            {
                m.modality = Modality::Hypothetical;
                return m;
            }
            // "US missile strikes deep into Russia would inevitably entail a response": an
            // event noun that is the subject of what would or will follow has not happened.
            if x == c
                && matches!(v.upos[x], Upos::Noun | Upos::Propn)
                && v.full_rel(x) == "nsubj"
                && v.upos[h] == Upos::Verb
                && v.kids(h).iter().any(|&k| {
                    v.rel(k) == "aux"
                        && matches!(
                            v.lower[k].as_str(),
                            "would" | "could" | "might" | "may" | "will" | "'ll" | "should"
                        )
                })
            {
                m.modality = Modality::Hypothetical;
                return m;
            }
            if rel == "conj" && v.kids(x).iter().any(|&k| v.rel(k) == "nsubj") {
                // "..., but in March it decided to ...": an independent clause.
                break;
            }
            if matches!(rel, "advcl" | "acl")
                && v.kids(x).iter().any(|&k| v.rel(k) == "nsubj")
                && v.kids(x).iter().any(|&k| {
                    v.rel(k) == "mark" && matches!(v.lemma[k].as_str(), "while" | "whereas")
                })
            {
                // "X would send Y, while the Netherlands pledged Z": a contrast the writer
                // adds, not part of what governs the clause it hangs on.
                break;
            }
            let embedding = matches!(
                rel,
                "xcomp" | "ccomp" | "advcl" | "acl" | "csubj" | "parataxis"
            );
            if embedding {
                if v.kids(x)
                    .iter()
                    .any(|&k| matches!(v.rel(k), "mark") && self.p.is_hypo(&v.lemma[k]))
                {
                    m.modality = Modality::Hypothetical;
                    return m;
                }
                if self.p.is_hypo(hl) && rel != "parataxis" {
                    m.modality = Modality::Hypothetical;
                    return m;
                }
                // An adverbial clause with its own subordinator ("..., while the Netherlands
                // pledged ...") is not what the speaker said.
                let adverbial = rel == "advcl"
                    && v.kids(x).iter().any(|&k| {
                        v.rel(k) == "mark"
                            && matches!(
                                v.lemma[k].as_str(),
                                "while"
                                    | "whereas"
                                    | "as"
                                    | "after"
                                    | "before"
                                    | "because"
                                    | "although"
                                    | "though"
                                    | "when"
                                    | "since"
                                    | "until"
                            )
                    });
                // "denied that its aircraft had bombed a hospital": what is denied is coded by
                // "deny" itself (016), never as an event of its own.
                // A participle after a comma is the denier's next act, not what is denied:
                // "denied striking homes, blaming the damage on air defence missiles".
                // (The parser may hang it on the denied verb: "denied shelling villages,
                // blaming ...".)
                next_act |= x == c
                    && rel == "advcl"
                    && v.xpos[x] == "VBG"
                    && x > 0
                    && v.forms[x - 1] == ","
                    && !v.kids(x).iter().any(|&k| v.rel(k) == "mark");
                if hl == "deny" && matches!(rel, "ccomp" | "advcl" | "parataxis") && !next_act {
                    m.absorbed = true;
                    return m;
                }
                if let Some(sm) = self
                    .p
                    .speech(hl)
                    .filter(|_| matches!(rel, "ccomp" | "parataxis" | "advcl") && !adverbial)
                    // "accused Kyiv of shelling the plant": what one is accused of is the
                    // accusation's content, not a claim of its own (below).
                    .filter(|_| {
                        !(self.is_accusation(v, h) && matches!(v.case_of(x), Some("of" | "for")))
                    })
                {
                    if m.attribution.is_none() {
                        m.attribution = args::subject(v, h);
                    }
                    if would || m.intent {
                        m.modality = Modality::Asserted;
                        m.intent = true;
                    } else if m.modality == Modality::Negated {
                        m.modality = Modality::Denied;
                    } else if m.modality == Modality::Asserted {
                        m.modality = sm;
                    }
                    x = h;
                    continue;
                }
                if rel == "xcomp" || (args::is_to_advcl(v, x) && self.governs_as_trigger(v, h)) {
                    if hl == "deny" && !next_act {
                        m.absorbed = true;
                        return m;
                    }
                    if self.governs_as_trigger(v, h) {
                        m.absorbed = true;
                        return m;
                    }
                    if self.p.is_intent(hl) {
                        m.intent = true;
                    }
                    // "said Ukraine would keep hitting the refineries": the future sits on
                    // the verb of going on.
                    if rel == "xcomp"
                        && matches!(hl, "keep" | "continue" | "resume" | "start" | "begin")
                        && m.modality == Modality::Asserted
                    {
                        for &k in v.kids(h).iter().filter(|&&k| v.rel(k) == "aux") {
                            match v.lower[k].as_str() {
                                "will" | "'ll" | "shall" => m.intent = true,
                                "would" => {
                                    m.modality = Modality::Hypothetical;
                                    would = true;
                                }
                                _ => {}
                            }
                        }
                    }
                }
                if matches!(rel, "advcl" | "acl")
                    && self.is_accusation(v, h)
                    && v.case_of(x).is_some()
                {
                    m.absorbed = true;
                    return m;
                }
                // "warned NATO against sending troops", "voted against supplying jets":
                // what someone is against is not an event that happened.
                if v.xpos[x] == "VBG"
                    && v.kids(x)
                        .iter()
                        .any(|&k| matches!(v.rel(k), "mark" | "case") && v.lemma[k] == "against")
                {
                    m.absorbed = true;
                    return m;
                }
                // "a potent weapon for striking deep into enemy territory": what a thing
                // is for is its purpose, not an event.
                let purpose = v.kids(x).iter().any(|&k| {
                    matches!(v.rel(k), "mark" | "case")
                        && v.lemma[k] == "for"
                        && (matches!(v.upos[h], Upos::Noun | Upos::Propn)
                            || (k > 0 && k + 1 == x && v.upos[k - 1] == Upos::Noun))
                });
                if v.xpos[x] == "VBG" && purpose && !self.is_accusation(v, h) {
                    m.modality = Modality::Hypothetical;
                    return m;
                }
            }
            if matches!(rel, "xcomp" | "ccomp" | "advcl" | "acl")
                && matches!(v.case_of(x), Some("of" | "for"))
            {
                of_clause = true;
            }
            if (matches!(rel, "obl" | "nmod") || (of_clause && rel == "obj"))
                && self.is_accusation(v, h)
            {
                m.absorbed = true;
                return m;
            }
            if rel == "acl" && self.p.is_hypo(hl) {
                m.modality = Modality::Hypothetical;
                return m;
            }
            x = h;
        }
        if would && !m.intent {
            m.modality = Modality::Hypothetical;
        } else if would {
            m.modality = Modality::Asserted;
        }
        // Monitor notes and wire headlines: "... killed two civilians - mayor".
        if m.attribution.is_none() {
            if let Some(a) = trailing_dash_source(v, i) {
                m.attribution = Some(a);
                if m.modality == Modality::Asserted {
                    m.modality = Modality::Reported;
                }
            }
        }
        // Quotes: "..., X said." as parataxis of the root.
        if m.attribution.is_none() {
            let root = x;
            for &k in v.kids(root) {
                // "..., X said" / "..., media reported": a speech verb after the event with
                // its own subject and nothing said of its own.
                let trailing = (matches!(v.rel(k), "advcl" | "ccomp")
                    || (v.rel(k) == "conj" && v.child(k, "cc").is_none()))
                    && k > i
                    && v.child(k, "nsubj").is_some()
                    && v.child(k, "obj").is_none()
                    && v.child(k, "ccomp").is_none()
                    && v.child(k, "mark").is_none();
                if (v.rel(k) == "parataxis" || trailing) && self.p.speech(&v.lemma[k]).is_some() {
                    m.attribution = args::subject(v, k);
                    if m.modality == Modality::Asserted {
                        m.modality = self.p.speech(&v.lemma[k]).unwrap_or(Modality::Reported);
                    }
                }
                if matches!(v.rel(k), "obl") && according(v, k) {
                    m.attribution = Some(k);
                    if m.modality == Modality::Asserted {
                        m.modality = Modality::Claimed;
                    }
                }
            }
        }
        // "..., killing three people and wounding 11, according to the regional governor":
        // the parser hangs the phrase on whatever came last; it still attributes the
        // sentence.
        if m.attribution.is_none() {
            if let Some(k) = (0..v.len()).find(|&k| according(v, k)) {
                m.attribution = Some(k);
                if m.modality == Modality::Asserted {
                    m.modality = Modality::Claimed;
                }
            }
        }
        m
    }

    /// Whether `h` is itself a trigger that codes what it governs (threaten to, ask to,
    /// pledge to, refuse to).
    fn governs_as_trigger(&self, v: &SentView, h: usize) -> bool {
        let l = v.lemma[h].as_str();
        (self.p.is_threat(l)
            || self.p.is_request(l)
            || matches!(l, "pledge" | "promise" | "offer" | "refuse" | "reject"))
            && self.pattern_at(v, h).is_some()
    }

    fn is_accusation(&self, v: &SentView, h: usize) -> bool {
        self.pattern_at(v, h)
            .is_some_and(|p| p.code.starts_with("11"))
    }

    /// Theme category and weapons of a theme phrase.
    fn theme(&self, r: &Resolver, t: usize) -> (Option<Theme>, Vec<String>) {
        let v = r.v;
        let mut seen = Vec::new();
        subtree_bfs(v, t, 3, &mut seen);
        let mut weapons = Vec::new();
        let mut cat = None;
        for &k in &seen {
            if let Some(w) = v.weapon_at(k) {
                if !weapons.contains(&w.name) {
                    weapons.push(w.name.clone());
                }
                cat = Some(Theme::Military);
            }
        }
        // "them", "these": the weapon named last, earlier in this sentence or before it.
        let antecedent = |k: usize| -> Option<String> {
            v.weapons
                .iter()
                .rev()
                .find(|w| w.end <= k)
                .map(|w| w.name.clone())
                .or_else(|| r.st.recent_weapon(r.sent).map(str::to_string))
        };
        if r.is_pronoun(t) {
            if let Some(w) = antecedent(t) {
                weapons.push(w);
                cat = Some(Theme::Military);
            }
        }
        // "17,000 of them": the pronoun sits under the count.
        if weapons.is_empty() {
            for &k in &seen {
                if r.is_pronoun(k) {
                    if let Some(w) = antecedent(k) {
                        weapons.push(w);
                        cat = Some(Theme::Military);
                    }
                    break;
                }
            }
        }
        if cat.is_none() {
            // Money says how aid is counted, not what it is: "$100 billion in military aid"
            // is military. Any other theme in the phrase wins over the economic one.
            let mut found = seen.iter().filter_map(|&k| {
                self.p
                    .theme(&v.lemma[k])
                    .or_else(|| self.p.theme(&v.lower[k]))
            });
            let first = found.next();
            cat = match first {
                Some(Theme::Economic) => found
                    .find(|&t| t != Theme::Economic)
                    .or(Some(Theme::Economic)),
                t => t,
            };
        }
        (cat, weapons)
    }

    fn clause_weapons(&self, v: &SentView, i: usize, out: &mut Vec<String>) {
        // The event's own clause: a noun's light verb ("launched a missile attack"), else
        // the word itself; never a conjoined clause ("... and urged allies to send X").
        let c = match v.parent(i) {
            Some(h)
                if matches!(v.upos[i], Upos::Noun | Upos::Propn)
                    && self.p.light(&v.lemma[h]).is_some() =>
            {
                h
            }
            // A predicate nominal: "the missiles were part of a package": its subject is
            // what the package holds.
            Some(h)
                if matches!(v.upos[i], Upos::Noun | Upos::Propn)
                    && v.kids(h).iter().any(|&k| v.rel(k) == "cop") =>
            {
                h
            }
            _ if matches!(v.upos[i], Upos::Noun | Upos::Propn) => i,
            _ => args::clause_head(v, i),
        };
        // "using HIMARS launchers to hit Russian depots": the purpose clause of a verb of
        // use takes that verb's object as its weapon.
        let used = v
            .parent(c)
            .filter(|&h| {
                matches!(v.rel(c), "advcl" | "xcomp")
                    && matches!(v.lemma[h].as_str(), "use" | "employ" | "utilize" | "deploy")
            })
            .and_then(|h| v.child(h, "obj"));
        for w in &v.weapons {
            let head = w.end - 1;
            // "an ammunition depot", "a drone factory": the weapon word names what a place
            // holds or makes, not what was used.
            let modifier = v.rel(head) == "compound"
                && v.parent(head).is_some_and(|p| {
                    v.weapon_at(p).is_none()
                        && matches!(
                            v.lemma[p].as_str(),
                            "depot"
                                | "dump"
                                | "store"
                                | "storage"
                                | "warehouse"
                                | "factory"
                                | "plant"
                                | "facility"
                                | "workshop"
                                | "manufacturer"
                                | "maker"
                                | "producer"
                                | "production"
                                | "industry"
                        )
                });
            let in_clause = v.dominates(c, head) && !self.via_conj(v, c, head);
            let in_use = used.is_some_and(|o| v.dominates(o, head));
            if (in_clause || in_use) && !modifier && !out.contains(&w.name) {
                out.push(w.name.clone());
            }
        }
    }

    /// Whether `w` lies under `c` only through a conjoined or reported clause of `c`.
    fn via_conj(&self, v: &SentView, c: usize, mut w: usize) -> bool {
        while let Some(h) = v.parent(w) {
            if h == c {
                return matches!(v.rel(w), "conj" | "parataxis" | "ccomp");
            }
            w = h;
        }
        false
    }

    /// The source of the earlier event an anaphoric noun names ("condemned the strike").
    fn event_source(&self, r: &Resolver, t: usize) -> Option<ActorRef> {
        let v = r.v;
        if !self.is_anaphoric(v, t) {
            return None;
        }
        let pat = self.pattern_at(v, t)?;
        let root = pat.code.get(..2)?;
        let recent = || {
            r.st.events
                .iter()
                .rev()
                .take_while(|e| r.sent.saturating_sub(e.sentence) <= 4)
                .filter(|e| e.cameo.starts_with(root))
        };
        // "condemned the attack on the Aegean Harvest": the earlier event whose sentence
        // names what was attacked; with no name, the latest of the kind.
        let named = args::prep_objects(v, t, &pat.preps)
            .next()
            .map(|o| v.forms[o].as_str())
            .filter(|w| w.starts_with(char::is_uppercase));
        // A name no recent event mentions is an event not coded: no guess.
        match named {
            Some(w) => recent().find(|e| e.text.contains(w)),
            None => recent().next(),
        }
        .and_then(|e| e.source.as_ref())
        .map(|a| ActorRef {
            text: a.text.clone(),
            code: a.code.clone(),
        })
    }

    /// Whether a launch `i` goes into the sea or is a test ("fired two missiles into the
    /// East Sea", "launched a missile off its east coast", "a test launch").
    fn show_of_force(&self, v: &SentView, i: usize) -> bool {
        let mut seen = Vec::new();
        subtree_bfs(v, i, 3, &mut seen);
        seen.iter().any(|&k| {
            // ("attacked a ship in the Red Sea" is an attack.)
            let sea = (matches!(v.lemma[k].as_str(), "sea" | "ocean" | "waters")
                && v.case_of(k) == Some("into"))
                || (matches!(v.lemma[k].as_str(), "coast" | "sea" | "peninsula")
                    && v.case_of(k) == Some("off"));
            let test = matches!(
                v.lower[k].as_str(),
                "test" | "tests" | "test-fired" | "test-fire"
            ) && k != i;
            sea || test
        }) || v.lower[i].starts_with("test")
    }

    fn military_content(&self, v: &SentView, i: usize) -> bool {
        let mut seen = Vec::new();
        for &k in v.kids(i) {
            if matches!(v.rel(k), "xcomp" | "acl" | "ccomp" | "obl" | "nmod") {
                subtree_bfs(v, k, 4, &mut seen);
                if seen.iter().any(|&w| {
                    v.lemma[w] == "military"
                        || self.p.arm(&v.lemma[w]).is_some()
                        || self
                            .pattern_at(v, w)
                            .is_some_and(|p| p.code.starts_with("19") || p.code.starts_with("18"))
                }) {
                    return true;
                }
            }
        }
        false
    }

    fn arm_code(&self, v: &SentView, i: usize, weapons: &[String]) -> Option<&'static str> {
        for w in weapons {
            for part in w.split(|c: char| !c.is_alphanumeric()) {
                if let Some(a) = self.p.arm(&part.to_lowercase()) {
                    return Some(a.code());
                }
            }
        }
        let c = args::clause_head(v, i);
        let mut seen = Vec::new();
        subtree_bfs(v, c, 3, &mut seen);
        seen.iter()
            .find_map(|&k| self.p.arm(&v.lemma[k]).map(|a| a.code()))
    }

    /// A threat's target from its conditional clause: "warned of consequences should NATO
    /// intervene", "warned that if X ...".
    fn conditional_subject(&self, r: &Resolver, i: usize) -> Option<ActorRef> {
        let v = r.v;
        for &k in v.kids(i) {
            if matches!(v.rel(k), "advcl" | "ccomp") {
                if let Some(s) = v.kids(k).iter().copied().find(|&s| v.rel(s) == "nsubj") {
                    if let Some(a) = r.actor(s) {
                        return Some(a);
                    }
                }
            }
        }
        None
    }

    /// Whose a weapon phrase is: "Ukrainian drones", "Houthi missiles", "Russia's
    /// missiles", "drones launched by Russia".
    fn weapon_owner(&self, r: &Resolver, o: usize) -> Option<ActorRef> {
        let v = r.v;
        // "35 of the drones", "most of the incoming missiles": what the count is of.
        let o = counted_of(v, o);
        // "nine cruise missiles and 20 Russian drones": any conjunct may say whose.
        std::iter::once(o)
            .chain(args::conjuncts(v, o))
            .find_map(|o| {
                r.actor(o).or_else(|| {
                    v.kids(o).iter().find_map(|&k| match v.full_rel(k) {
                        "amod" | "compound" | "nmod:poss" => r.actor(k),
                        "acl" => args::agent(v, k).and_then(|a| r.actor(a)),
                        _ => None,
                    })
                })
            })
            .or_else(|| self.launcher(r, o))
    }

    /// Whose armed forces a weapon `o` belongs to: [`Engine::weapon_owner`], a country's
    /// drones and missiles being its armed forces' (so air defence of no stated country
    /// that downs them is their enemy's).
    fn weapon_force(&self, r: &Resolver, o: usize) -> Option<ActorRef> {
        let mut t = self.weapon_owner(r, o)?;
        if t.code.len() == 3 {
            t.code.push_str("MIL");
        }
        Some(t)
    }

    /// "Russia launched 40 drones overnight. Air defences destroyed 35 of the drones": the
    /// weapons just told of (a definite or pronoun object) are those of whoever launched
    /// the latest attack with arms of that kind, in this or the three sentences before.
    fn launcher(&self, r: &Resolver, o: usize) -> Option<ActorRef> {
        let v = r.v;
        let definite = r.is_pronoun(o)
            || v.kids(o).iter().any(|&k| {
                v.rel(k) == "det" && matches!(v.lower[k].as_str(), "the" | "these" | "those")
            });
        let kind = self.p.arm(&v.lemma[o]);
        if !definite || (kind.is_none() && !r.is_pronoun(o)) {
            return None;
        }
        let e =
            r.st.events
                .iter()
                .rev()
                .take_while(|e| r.sent.saturating_sub(e.sentence) <= 3)
                .find(|e| {
                    e.cameo.starts_with("19")
                        && (e.text.to_lowercase().contains(v.lower[o].as_str()) || r.is_pronoun(o))
                })?;
        // Weapons told of as downed ("intercepted four missiles ... All the missiles were
        // destroyed") are the target's.
        let trigger = e
            .trigger
            .and_then(|[a, b]| {
                e.text
                    .get(a.checked_sub(e.span[0])?..b.checked_sub(e.span[0])?)
            })
            .unwrap_or("")
            .to_lowercase();
        let downed = [
            "intercept",
            "shot",
            "shoot",
            "down",
            "destroy",
            "neutrali",
            "repel",
        ]
        .iter()
        .any(|w| trigger.starts_with(w));
        let a = if downed {
            e.target.as_ref()
        } else {
            e.source.as_ref()
        }?;
        Some(ActorRef {
            text: a.text.clone(),
            code: a.code.clone(),
        })
    }

    /// Whom "X warned that Moscow would seize European assets if the EU confiscated ..."
    /// threatens: the subject of the condition, else an actor of another country acted on
    /// in the announced clause.
    fn own_future_target(&self, r: &Resolver, i: usize) -> Option<ActorRef> {
        let v = r.v;
        let c = v.kids(i).iter().copied().find(|&c| v.rel(c) == "ccomp")?;
        let own = args::subject(v, c)
            .and_then(|s| r.actor(s))
            .map(|a| a.country().to_string());
        let other = |a: &ActorRef| own.as_deref() != Some(a.country());
        // A conditional warning about another side ("the alliance would be at war with
        // Russia if ...") is aimed at that side.
        let speaker = args::subject(v, i)
            .and_then(|s| r.actor(s))
            .map(|a| a.country().to_string());
        if let Some(o) = own.as_deref().filter(|&o| speaker.as_deref() != Some(o)) {
            if let Some(a) = args::subject(v, c)
                .and_then(|s| r.actor(s))
                .filter(|a| a.country() == o)
            {
                return Some(a);
            }
        }
        let condition = conditional_clause(v, c);
        if let Some(a) = condition
            .and_then(|k| args::subject(v, k))
            .and_then(|s| r.actor(s))
            .filter(other)
        {
            return Some(a);
        }
        let mut seen = Vec::new();
        for &k in v.kids(c) {
            if matches!(v.rel(k), "obj" | "obl") {
                subtree_bfs(v, k, 2, &mut seen);
            }
        }
        seen.iter().find_map(|&k| r.actor(k).filter(other))
    }

    /// A threat noun's target from the clause it heads: "threats to intensify operations in
    /// Ukraine".
    fn embedded_target(&self, r: &Resolver, i: usize) -> Option<ActorRef> {
        let v = r.v;
        let args = || {
            v.kids(i)
                .iter()
                .filter(|&&k| matches!(v.rel(k), "acl" | "xcomp"))
                .flat_map(|&k| v.kids(k).iter().copied())
                .filter(|&o| matches!(v.rel(o), "obj" | "obl"))
                // "its own operations", "their own forces": the threatener's, not a target.
                .filter(|&o| !v.kids(o).iter().any(|&k| v.lemma[k] == "own"))
        };
        // A named participant ("operations in Ukraine") before an owner found deeper: in
        // "threats to intensify its own operations" the owner is the threatener itself.
        args().find_map(|o| r.actor(o)).or_else(|| {
            args()
                .filter(|&o| {
                    !v.kids(o)
                        .iter()
                        .any(|&p| v.full_rel(p) == "nmod:poss" && r.is_pronoun(p))
                })
                .find_map(|o| r.deep_actor(o))
        })
    }

    fn location(&self, v: &SentView, i: usize, c: usize, violent: bool) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (pi, p) in v.places.iter().enumerate() {
            let head = (p.start..p.end)
                .find(|&w| v.parent(w).is_none_or(|h| h < p.start || h >= p.end))
                .unwrap_or(p.end - 1);
            // A capital that stands for its government ("talks with Moscow") is no place
            // of a statement or a meeting, unless the event is said to be in it ("held
            // talks in Jerusalem", "met in Prague").
            let in_actor = v.actors.iter().any(|a| a.start < p.end && p.start < a.end);
            let located = matches!(v.case_of(head), Some("in" | "at"));
            // (a list of places, "near Zapadne, Petropavlivka and Dvorichna", is placed
            // at its first)
            let listed = v.rel(head) == "conj"
                && v.parent(head).is_some_and(|h| {
                    v.places
                        .iter()
                        .any(|q| q.start <= h && h < q.end && !q.is_country)
                });
            if p.is_country || listed || (in_actor && !violent && !located) {
                continue;
            }
            // A place named as the subject or owner is not where the event happened.
            if matches!(v.full_rel(head), "nsubj" | "nmod:poss" | "nsubj:pass") {
                continue;
            }
            // "a missile slammed into a terminal in Izmail, the governor said" with "in
            // Izmail" hung on "said": a place after the event and before the verb of
            // saying that governs it is the event's.
            let before_speech = v
                .parent(head)
                .is_some_and(|h| i < head && head < h && v.dominates(h, i));
            // "In Dnipro, five people died after a drone hit a building": for violence, a
            // place of a clause the event's clause hangs from, ranked after closer ones.
            let outer = violent
                && v.rel(head) == "obl"
                && v.parent(head).is_some_and(|h| h != i && v.dominates(h, i));
            // Ranked: a place in the trigger's own phrase ("attempts to break through near
            // Zahryzove") before one of its clause ("In the Kupiansk direction, ...")
            // before an outer clause's; a place that names a sector of the front ("the
            // Kupiansk direction") after the villages fought over; then the nearest.
            if v.dominates(c, head) || v.dominates(i, head) || before_speech || outer {
                // (inside the trigger's phrase, a place of a clause of its own, "Hochstein,
                // who held talks in Jerusalem, met Berri in Beirut", ranks with the
                // clause's)
                let own_clause = || {
                    let mut x = head;
                    while x != i {
                        if matches!(v.full_rel(x), "acl:relcl" | "advcl" | "ccomp" | "parataxis") {
                            return false;
                        }
                        match v.parent(x) {
                            Some(h) => x = h,
                            None => return false,
                        }
                    }
                    true
                };
                let tier = if outer {
                    2
                } else if v.dominates(i, head) && own_clause() {
                    0
                } else {
                    1
                };
                let sector = v.parent(head).is_some_and(|h| {
                    matches!(
                        v.lemma[h].as_str(),
                        "direction" | "sector" | "axis" | "front" | "frontline"
                    )
                });
                let d = (2 * tier + usize::from(sector)) * v.len() + head.abs_diff(i);
                if best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((pi, d));
                }
            }
        }
        best.map(|b| b.0)
    }

    fn fatalities(&self, v: &SentView, i: usize, c: usize) -> Option<(u64, u64)> {
        // The casualty clause: the trigger's own when it kills, else a "killing ..."
        // participle or a "... died" clause in the sentence.
        for cnt in &v.counts {
            let head = cnt.end - 1;
            let noun = if v.rel(head) == "nummod" {
                v.parent(head).unwrap_or(head)
            } else {
                head
            };
            let gov = v.parent(noun);
            let deadly = |w: usize| {
                matches!(
                    v.lemma[w].as_str(),
                    "kill"
                        | "die"
                        | "slay"
                        | "claim"
                        | "toll"
                        | "death"
                        | "dead"
                        | "rise"
                        | "climb"
                )
            };
            // "14 people were killed when a missile struck ..." with the two clauses read
            // as siblings (both under "officials said"): a "when/as/after" clause is the
            // occasion of the deaths.
            let occasion = |g: usize| {
                v.parent(g).is_some()
                    && v.parent(g) == v.parent(c)
                    && v.kids(c).iter().any(|&k| {
                        matches!(v.rel(k), "advmod" | "mark")
                            && matches!(v.lemma[k].as_str(), "when" | "as" | "after")
                    })
            };
            let ok = gov.is_some_and(|g| {
                deadly(g)
                    && (v.dominates(c, g)
                        || v.dominates(g, i)
                        || g == i
                        || v.parent(g).is_some_and(|gg| v.dominates(c, gg))
                        || occasion(g))
            }) || (deadly(noun) && v.dominates(c, noun));
            let victims = matches!(
                v.lemma[noun].as_str(),
                "people"
                    | "civilian"
                    | "soldier"
                    | "troop"
                    | "person"
                    | "child"
                    | "resident"
                    | "serviceman"
                    | "fighter"
                    | "man"
                    | "woman"
                    | "toll"
                    | "death"
                    | "casualty"
            ) || v.actor_at(noun).is_some()
                || gov.is_some_and(|g| v.lemma[g] == "toll" || v.lemma[g] == "rise");
            if ok && (victims || gov.is_some_and(|g| v.lemma[g] == "kill")) {
                return Some((cnt.min, cnt.max));
            }
        }
        None
    }

    fn date(&self, v: &SentView, i: usize) -> Option<String> {
        let mut chain = Vec::new();
        let mut x = Some(i);
        while let Some(n) = x {
            if chain.len() > v.len() {
                break;
            }
            chain.push(n);
            x = v.parent(n);
        }
        let mut best: Option<(usize, usize, &str)> = None;
        for t in &v.times {
            // The word the time phrase hangs from.
            let mut head = t.end - 1;
            for w in t.start..t.end {
                if v.parent(w).is_none_or(|h| h < t.start || h >= t.end) {
                    head = w;
                    break;
                }
            }
            let Some(att) = v.parent(head) else { continue };
            // On the trigger's chain of heads, or inside its clause ("shelled Kherson on
            // Monday" with the date hung on the object).
            let c = args::clause_head(v, i);
            let rank = chain
                .iter()
                .position(|&n| n == att)
                .or_else(|| v.dominates(c, att).then_some(0));
            if let Some(rank) = rank {
                let d = head.abs_diff(i);
                if best.is_none_or(|(br, bd, _)| (rank, d) < (br, bd)) {
                    best = Some((rank, d, t.value.as_str()));
                }
            }
        }
        best.map(|b| b.2.to_string())
    }

    /// "They were using X": a weapon used by an actor, to attach to that actor's recent
    /// attack.
    fn weapon_use(&self, r: &Resolver, i: usize) -> Option<Cand> {
        let v = r.v;
        if v.upos[i] != Upos::Verb
            || !matches!(v.lemma[i].as_str(), "use" | "utilize" | "employ" | "fire")
        {
            return None;
        }
        if matches!(v.rel(i), "acl" | "amod") {
            return None;
        }
        let o = v.child(i, "obj")?;
        let mut seen = Vec::new();
        subtree_bfs(v, o, 3, &mut seen);
        let weapons: Vec<String> = seen
            .iter()
            .filter_map(|&k| v.weapon_at(k).map(|w| w.name.clone()))
            .fold(Vec::new(), |mut acc, w| {
                if !acc.contains(&w) {
                    acc.push(w);
                }
                acc
            });
        if weapons.is_empty() {
            return None;
        }
        let src = args::subject(v, i).and_then(|s| r.actor(s));
        Some(Cand {
            trigger: i,
            code: "190".into(),
            src,
            tgt: None,
            modality: Modality::Asserted,
            attribution: None,
            weapons,
            location: None,
            fatalities: None,
            date: None,
            anaphor: true,
            weapon_use: true,
        })
    }

    /// "Any Israeli attack would be met with a decisive response", "the enemy will receive
    /// a worthy response", said by someone: a threat (130) by the speaker against the one
    /// who would act (the subject, or the agent of the subject's event noun), 138 when the
    /// response is armed.
    fn response_threat(&self, r: &Resolver, i: usize) -> Option<Cand> {
        let v = r.v;
        let will = |h: usize| future_aux(v, h);
        // "if X does Y, we will respond": one's own retaliation, on a condition, is a
        // threat against whoever would meet it.
        if matches!(v.lemma[i].as_str(), "respond" | "retaliate" | "react")
            && v.upos[i] == Upos::Verb
            && will(i)
        {
            if self.negated(v, i) {
                return None;
            }
            // ("Russia warned that it would respond": a verb of warning is no attribution)
            let speaker = self
                .mood(v, i)
                .attribution
                .and_then(|a| r.actor(a))
                .or_else(|| {
                    v.parent(i)
                        .filter(|&p| v.rel(i) == "ccomp" && self.p.is_threat(&v.lemma[p]))
                        .and_then(|p| args::subject(v, p))
                        .and_then(|s| r.actor(s))
                })?;
            let own = args::subject(v, i)
                .and_then(|s| r.actor(s))
                .is_none_or(|a| a.country() == speaker.country());
            if !own {
                return None;
            }
            if let Some(c) = conditional_clause(v, i) {
                let tgt = args::subject(v, c).and_then(|s| r.actor(s))?;
                if tgt.country() == speaker.country() {
                    return None;
                }
                return Some(self.threat_cand(i, "130", speaker, Some(tgt)));
            }
            return self.vowed_response(r, i, speaker);
        }
        // "India will have to pay for this naked aggression": what the other side did, to be
        // paid for.
        let paid_for = v.upos[i] == Upos::Noun
            && matches!(
                v.lemma[i].as_str(),
                "aggression" | "crime" | "attack" | "atrocity" | "provocation" | "act"
            )
            && v.case_of(i) == Some("for")
            && v.parent(i).is_some_and(|h| v.lemma[h] == "pay");
        if !paid_for
            && !matches!(
                v.lemma[i].as_str(),
                "response"
                    | "retaliation"
                    | "answer"
                    | "retribution"
                    | "consequence"
                    | "rebuff"
                    | "price"
                    | "punishment"
                    | "responsibility"
            )
            || v.upos[i] != Upos::Noun
        {
            return None;
        }
        let h = v.parent(i).filter(|&h| v.upos[h] == Upos::Verb)?;
        // "they will keep paying a price": the future may sit on the verb it depends on.
        let future = will(h) || (v.rel(h) == "xcomp" && v.parent(h).is_some_and(will));
        let price = v.lemma[i] == "price" && v.lemma[h] == "pay" && v.rel(i) == "obj";
        if v.lemma[i] == "price" && !price {
            return None;
        }
        let met = v.lemma[h] == "meet" && v.rel(i) == "obl" && v.case_of(i) == Some("with");
        // "strikes deep into Russia would entail a response", "would lead to consequences"
        let entailed = matches!(
            v.lemma[h].as_str(),
            "entail" | "lead" | "trigger" | "provoke" | "bring" | "cause" | "invite" | "draw"
        ) && (v.rel(i) == "obj"
            || (v.rel(i) == "obl" && v.case_of(i) == Some("to")));
        let received = matches!(v.lemma[h].as_str(), "receive" | "face" | "get" | "suffer")
            && v.rel(i) == "obj";
        // "the escalation will not pass without a response"
        let answered = matches!(v.lemma[h].as_str(), "pass" | "go" | "remain")
            && v.case_of(i) == Some("without")
            && v.kids(h)
                .iter()
                .any(|&k| v.rel(k) == "advmod" && v.lemma[k] == "not");
        // "London would bear full responsibility for the consequences"
        let blamed = v.lemma[i] == "responsibility"
            && v.lemma[h] == "bear"
            && v.rel(i) == "obj"
            && args::prep_object(v, i, "for")
                .is_some_and(|c| matches!(v.lemma[c].as_str(), "consequence" | "consequences"));
        if v.lemma[i] == "responsibility" && !blamed {
            return None;
        }
        if !future || !(met || received || answered || price || paid_for || entailed || blamed) {
            return None;
        }
        // The verb of warning or telling the threat is reported under ("warned Tehran
        // that any transfer would be met with a response"): whose threat, and to whom.
        let reports =
            |p: usize| self.p.is_threat(&v.lemma[p]) || self.p.speech(&v.lemma[p]).is_some();
        let mut w = h;
        while v.rel(w) == "conj"
            || (v.rel(w) == "ccomp" && v.parent(w).is_some_and(|p| !reports(p)))
        {
            let Some(p) = v.parent(w) else { break };
            w = p;
        }
        let warner = v.parent(w).filter(|&p| v.rel(w) == "ccomp" && reports(p));
        let addressee = warner.and_then(|p| {
            v.kids(p)
                .iter()
                .filter(|&&k| matches!(v.rel(k), "iobj" | "obj"))
                .find_map(|&k| r.actor(k))
        });
        // (the speaker may be named by an apposition: "Slutsky, the head of the Duma's
        // committee, said")
        let speaker = self.mood(v, h).attribution.and_then(|a| {
            r.actor(a)
                .or_else(|| v.child(a, "appos").and_then(|p| r.deep_actor(p)))
                // ("Slutsky, who heads the State Duma's committee, said")
                .or_else(|| {
                    v.kids(a)
                        .iter()
                        .find(|&&k| v.full_rel(k) == "acl:relcl")
                        .and_then(|&k| v.child(k, "obj"))
                        .and_then(|o| r.deep_actor(o))
                })
        });
        let speaker = speaker.or_else(|| {
            warner
                .filter(|&p| self.p.is_threat(&v.lemma[p]))
                // ("Any attempt ... would receive a decisive response, she warned")
                .or_else(|| {
                    v.kids(w)
                        .iter()
                        .copied()
                        .find(|&k| v.rel(k) == "parataxis" && self.p.is_threat(&v.lemma[k]))
                })
                .and_then(|p| args::subject(v, p))
                .and_then(|s| r.actor(s))
        })?;
        // "would lead to serious consequences for Britain": who is named as bearing them
        let bearer = args::prep_object(v, i, "for").and_then(|b| r.actor(b));
        let subj = if met {
            args::patient(v, h)
        } else {
            args::subject(v, h).or_else(|| v.parent(h).and_then(|g| args::subject(v, g)))
        }?;
        let tgt = r.actor(subj).or_else(|| {
            let p = self.pattern_at(v, subj).filter(|p| p.pos == Pos::Noun);
            match p {
                Some(p) => self.noun_roles(v, subj, p).0.and_then(|s| r.actor(s)),
                // "the American-British escalation": whose it is
                None => r.deep_actor(subj),
            }
        });
        let tgt = tgt.or(bearer).or(addressee);
        let code = if self.military_content(v, i) {
            "138"
        } else {
            "130"
        };
        Some(self.threat_cand(i, code, speaker, tgt))
    }

    /// "Moscow said it would respond harshly", "Iran warned it would retaliate against any
    /// attack", "Peskov said Moscow would respond to the new EU restrictions": a side's
    /// announced retaliation, with no condition, is a threat when what it answers is hostile
    /// (an attack, sanctions, "any" move), when it is to be forceful ("harshly",
    /// "decisively", "militarily"), when the verb is "retaliate", or when nothing follows
    /// ("allies would respond"). "would respond to the request next week" is no threat.
    /// Whom: who owns what is answered, else whom the warning is addressed to.
    fn vowed_response(&self, r: &Resolver, i: usize, speaker: ActorRef) -> Option<Cand> {
        const HOSTILE: [&str; 22] = [
            "attack",
            "strike",
            "aggression",
            "provocation",
            "escalation",
            "sanction",
            "restriction",
            "measure",
            "move",
            "step",
            "action",
            "deployment",
            "incursion",
            "threat",
            "violation",
            "shelling",
            "bombing",
            "invasion",
            "act",
            "decision",
            "seizure",
            "confiscation",
        ];
        const FORCE: [&str; 19] = [
            "harshly",
            "decisively",
            "firmly",
            "forcefully",
            "militarily",
            "adequately",
            "appropriately",
            "symmetrically",
            "asymmetrically",
            "swiftly",
            "strongly",
            "resolutely",
            "severely",
            "immediately",
            "proportionately",
            "accordingly",
            "collectively",
            "individually",
            "robustly",
        ];
        let v = r.v;
        let answered = v
            .kids(i)
            .iter()
            .copied()
            .find(|&k| v.rel(k) == "obl" && matches!(v.case_of(k), Some("to" | "against")));
        let hostile =
            answered.is_some_and(|o| HOSTILE.contains(&v.lemma[o].as_str()) || with_any(v, o));
        let forceful = v.kids(i).iter().any(|&k| {
            FORCE.contains(&v.lower[k].as_str())
                || (v.rel(k) == "obl"
                    && matches!(v.case_of(k), Some("with" | "in"))
                    && matches!(v.lemma[k].as_str(), "force" | "strike" | "kind" | "measure"))
        });
        let bare = !v
            .kids(i)
            .iter()
            .any(|&k| matches!(v.rel(k), "obj" | "obl" | "ccomp" | "xcomp" | "advcl"));
        if !(v.lemma[i] == "retaliate" || hostile || forceful || (bare && answered.is_none())) {
            return None;
        }
        let other = |a: &ActorRef| a.country() != speaker.country();
        let tgt = answered
            .and_then(|o| {
                r.deep_actor(o).or_else(|| {
                    self.pattern_at(v, o)
                        .filter(|p| p.pos == Pos::Noun)
                        .and_then(|p| self.noun_roles(v, o, p).0)
                        .and_then(|s| r.actor(s))
                })
            })
            .filter(other);
        let code = if self.military_content(v, i) {
            "138"
        } else {
            "130"
        };
        Some(self.threat_cand(i, code, speaker, tgt))
    }

    /// "called the strike proof of the direct involvement of the United States in the war",
    /// "the deliveries amount to direct involvement in the conflict": charging a state with
    /// direct involvement in a war is an accusation (112) by whoever says it, against the
    /// state named ("of the United States", "Washington's"), or else against the subject
    /// of what "amounts to" it. Only a speaker who says, calls or sees it so: "denied any
    /// direct involvement" accuses no one.
    fn direct_involvement(&self, r: &Resolver, i: usize) -> Option<Cand> {
        let v = r.v;
        if v.upos[i] != Upos::Noun {
            return None;
        }
        let direct = v
            .kids(i)
            .iter()
            .any(|&k| matches!(v.lemma[k].as_str(), "direct" | "directly"));
        // ("has become a party to the conflict")
        let party = v.lemma[i] == "party"
            && args::prep_object(v, i, "to")
                .is_some_and(|w| matches!(v.lemma[w].as_str(), "conflict" | "war"));
        let charge = matches!(
            v.lemma[i].as_str(),
            "involvement" | "participation" | "participant"
        );
        // ("would be treated as legitimate targets", "as an act of aggression")
        let branded = hostile_brand(v, i);
        if !(charge && direct || party || branded.is_some()) {
            return None;
        }
        let branded = branded.filter(|_| !(charge && direct || party));
        let someone = |k: usize| {
            r.actor(k)
                .or_else(|| r.deep_actor(k))
                // ("the decision of Berlin to send missiles amounts to ...")
                .or_else(|| args::prep_object(v, k, "of").and_then(|o| r.actor(o)))
                .or_else(|| {
                    v.kids(k)
                        .iter()
                        .find(|&&p| v.full_rel(p) == "nmod:poss")
                        .and_then(|&p| r.actor(p))
                })
        };
        // Whose: "of X" (not "in the war"), a possessor, or the subject of a predicate
        // noun ("Washington and London had become direct participants").
        let whose = args::prep_object(v, i, "of")
            .or_else(|| {
                v.kids(i)
                    .iter()
                    .copied()
                    .find(|&k| v.full_rel(k) == "nmod:poss")
            })
            .and_then(|k| r.deep_actor(k))
            .or_else(|| {
                v.kids(i)
                    .iter()
                    .find(|&&k| v.rel(k) == "nsubj")
                    .and_then(|&k| someone(k))
            });
        let naming = |w: usize| naming_verb(&v.lemma[w]);
        let says = |w: usize| self.p.speech(&v.lemma[w]).is_some() || self.p.is_threat(&v.lemma[w]);
        let future = |w: usize| future_aux(v, w);
        // Up to who says or names it so; on the way, who is charged if not yet known (the
        // subject of what "amounts to" it, the object of what is "regarded as" it), and
        // whether it is said of what would happen (then it is a threat).
        let mut tgt = whose;
        let mut threat = future(i);
        let mut w = i;
        let mut speaker = None;
        for _ in 0..6 {
            let Some(p) = v.parent(w) else { break };
            if v.upos[p] == Upos::Verb && (v.lemma[p] == "deny" || self.p.is_negator(&v.lemma[p])) {
                return None;
            }
            if v.upos[p] == Upos::Verb || v.upos[p] == Upos::Aux {
                threat |= future(p);
                if tgt.is_none() {
                    let equated = equating_verb(&v.lemma[p]);
                    if equated {
                        tgt = args::subject(v, p).and_then(someone);
                    } else if naming(p) {
                        // (what is named: the object, never the name itself, or the
                        // passive's subject)
                        let named = if args::is_passive(v, p) {
                            args::patient(v, p)
                        } else {
                            args::objects(v, p).find(|&o| o != i)
                        };
                        tgt = named.and_then(someone);
                    }
                }
                // ("the missiles would be regarded as a threat": who names it is not said,
                // the passive's subject is what is named)
                if says(p) || naming(p) && !args::is_passive(v, p) {
                    speaker = args::subject(v, p).and_then(|s| r.actor(s));
                    if speaker.is_some() {
                        break;
                    }
                }
            }
            w = p;
        }
        let speaker = speaker.or_else(|| self.mood(v, i).attribution.and_then(|a| r.actor(a)))?;
        let own = tgt
            .as_ref()
            .is_some_and(|t| speaker.country() == t.country());
        // (a brand's target of the speaker's own side is a misreading of whom, not of
        // whether: "any attempt to intercept its rockets")
        let tgt = tgt.filter(|_| !own);
        if own && branded.is_none() {
            return None;
        }
        // "warned that any strike would be regarded as Germany's direct participation in
        // the war": what it would be taken for is a threat of force (138).
        if let Some(armed) = branded {
            // Branding only threatens of what would be: "Moscow regards the drills as a
            // provocation" is no threat. Whom may be unsaid ("any attempt to intercept its
            // rockets would be treated as a declaration of war").
            if !threat {
                return None;
            }
            let code = if armed { "138" } else { "130" };
            return Some(self.threat_cand(i, code, speaker, tgt));
        }
        let tgt = tgt?;
        if threat {
            return Some(self.threat_cand(i, "138", speaker, Some(tgt)));
        }
        Some(Cand::statement(
            i,
            "112",
            speaker,
            Some(tgt),
            Modality::Asserted,
            None,
        ))
    }

    /// "cautioned Washington against granting Kyiv's requests", "warned Tehran against
    /// sending troops": a warning addressed to a side, against what it might do, is a
    /// threat (130, as CAMEO's WARN and CAUTION) by the one who warns against the one
    /// warned.
    fn warned_against(&self, r: &Resolver, i: usize) -> Option<Cand> {
        let v = r.v;
        if v.upos[i] != Upos::Verb || !matches!(v.lemma[i].as_str(), "warn" | "caution") {
            return None;
        }
        if self.negated(v, i) {
            return None;
        }
        let o = v.kids(i).iter().copied().find(|&k| v.rel(k) == "obj")?;
        let tgt = r.actor(o)?;
        // ("against" hangs on the verb, on the one warned, or on what it is against)
        let against = (o + 1..v.len()).any(|a| {
            let h = v.parent(a);
            v.lower[a] == "against"
                && (h == Some(i) || h == Some(o) || h.and_then(|h| v.parent(h)) == Some(i))
        });
        if !against {
            return None;
        }
        let src = args::subject(v, i).and_then(|s| r.actor(s))?;
        if src.country() == tgt.country() {
            return None;
        }
        Some(self.threat_cand(i, "130", src, Some(tgt)))
    }

    /// Whether verb `i` has a negating adverb of its own ("would not respond").
    fn negated(&self, v: &SentView, i: usize) -> bool {
        v.kids(i)
            .iter()
            .any(|&k| v.rel(k) == "advmod" && self.p.is_negator(&v.lemma[k]))
    }

    fn threat_cand(&self, i: usize, code: &str, speaker: ActorRef, tgt: Option<ActorRef>) -> Cand {
        let by = Some(speaker.clone());
        Cand::statement(i, code, speaker, tgt, Modality::Threatened, by)
    }
}

/// A verb of naming: what its object (or passive subject) is called, seen or taken for
/// ("called the strike an act of aggression", "would be regarded as a provocation").
fn naming_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "call"
            | "describe"
            | "term"
            | "see"
            | "view"
            | "consider"
            | "regard"
            | "treat"
            | "deem"
            | "perceive"
    )
}

/// A verb of equating: its subject is (or would be) what its complement says ("the
/// deliveries amount to direct involvement", "would become legitimate targets").
fn equating_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "amount" | "constitute" | "mean" | "represent" | "signal" | "become" | "be"
    )
}

/// Whether `w` has "will", "would" or "shall" as its auxiliary.
fn future_aux(v: &SentView, w: usize) -> bool {
    v.kids(w)
        .iter()
        .any(|&k| v.rel(k) == "aux" && matches!(v.lemma[k].as_str(), "will" | "would" | "shall"))
}

/// Whether `i`, or the verb it hangs on, is said with "will", "would" or "shall".
fn in_future(v: &SentView, i: usize) -> bool {
    std::iter::once(i)
        .chain(v.parent(i))
        .any(|w| future_aux(v, w))
}

/// Whether noun `w` is determined by "any" ("any attack", "any attempt").
fn with_any(v: &SentView, w: usize) -> bool {
    v.kids(w)
        .iter()
        .any(|&k| v.rel(k) == "det" && v.lemma[k] == "any")
}

/// A noun that brands what another side would do as hostile, when it is what that is
/// taken for: "would become legitimate targets", "would be treated as co-belligerents",
/// "would be regarded as an act of aggression", "would mean war". `Some(true)` when the
/// brand answers with force (a target, a belligerent, war), `Some(false)` otherwise (a
/// provocation, an escalation, a threat). Only as the predicate: the object or "as"
/// phrase of a verb of naming or equating, or a noun with its own copula.
fn hostile_brand(v: &SentView, i: usize) -> Option<bool> {
    if v.upos[i] != Upos::Noun {
        return None;
    }
    let of = || args::prep_object(v, i, "of").map(|o| v.lemma[o].as_str());
    let armed = match v.lemma[i].as_str() {
        "target" | "belligerent" | "co-belligerent" | "cobelligerent" | "combatant" => true,
        "act" | "declaration" => {
            let what = of()?;
            match what {
                "war" => true,
                "aggression" | "hostility" | "terrorism" | "provocation" => false,
                _ => return None,
            }
        }
        "war" => v.parent(i).is_some_and(|p| v.lemma[p] == "mean"),
        "aggression" | "provocation" | "escalation" | "threat" | "attack" => false,
        _ => return None,
    };
    let predicate = match v.parent(i) {
        _ if v.child(i, "cop").is_some() => true,
        Some(p) => {
            let equating =
                equating_verb(&v.lemma[p]) && matches!(v.rel(i), "obj" | "xcomp" | "obl");
            let naming = naming_verb(&v.lemma[p])
                && (matches!(v.rel(i), "obj" | "xcomp") || v.case_of(i) == Some("as"));
            v.upos[p] == Upos::Verb && (equating || naming)
        }
        None => false,
    };
    predicate.then_some(armed)
}

/// The CAMEO reading of an intended event: intent to give aid is 033x, to cooperate 031x,
/// to meet 036, to yield 035 (to de-escalate militarily 0356); an intended attack is a
/// threat (138). A ceasefire announced for the future ("would halt military operations
/// until April 22") is what declaring a truce is: it stays 0871.
pub fn intent_code(code: &str) -> (String, Modality) {
    let sub = code.get(2..3).unwrap_or("0");
    if code == "0871" {
        return (code.to_string(), Modality::Intended);
    }
    let c = match code.get(..2).unwrap_or("") {
        "07" => match sub {
            "1" => "0331",
            "2" => "0332",
            "3" => "0333",
            "4" => "0334",
            _ => "033",
        },
        "06" => match sub {
            "1" => "0311",
            "2" => "0312",
            "3" => "0313",
            "4" => "0314",
            _ => "031",
        },
        "04" => "036",
        "05" => "032",
        "08" if sub == "7" => "0356",
        "08" => "035",
        "18" | "19" | "20" => return ("138".into(), Modality::Threatened),
        _ => return (code.to_string(), Modality::Intended),
    };
    (c.to_string(), Modality::Intended)
}

/// Whether `o`, or the name set beside it, is an official, a government body or a named
/// person: someone who can be received as a guest ("received the Minister of Defence of
/// Ukraine, Rustem Umerov").
fn official(v: &SentView, o: usize) -> bool {
    let one = |k: usize| {
        v.actor_at(k).is_some_and(|a| {
            let role = a.code.get(a.country.as_deref().map_or(0, str::len)..);
            a.person || role.is_some_and(|r| r.starts_with("GOV"))
        })
    };
    one(o) || v.kids(o).iter().any(|&k| v.rel(k) == "appos" && one(k))
}

/// The "if"/"unless" clause of a clause, if any.
/// Whether `h` is, or has within two steps below it, a word for sanctions.
/// Whether `k` heads a time phrase: inside a time expression, or a part of the day or
/// week ("on Tuesday night", "on the morning of 5 May").
fn temporal(v: &SentView, k: usize) -> bool {
    let timed = |w: usize| v.times.iter().any(|t| t.start <= w && w < t.end);
    timed(k)
        || matches!(
            v.lemma[k].as_str(),
            "night"
                | "morning"
                | "evening"
                | "afternoon"
                | "day"
                | "weekend"
                | "week"
                | "dawn"
                | "midnight"
                | "noon"
                | "hour"
                | "hours"
        )
        || v.kids(k).iter().any(|&c| timed(c))
}

/// Whether `t` is a definite noun for an act that is no event word of its own ("the
/// launch", "the offensive", "this decision").
fn act_noun(v: &SentView, t: usize) -> bool {
    matches!(
        v.lemma[t].as_str(),
        "launch"
            | "offensive"
            | "operation"
            | "incursion"
            | "test"
            | "move"
            | "decision"
            | "bombardment"
            | "barrage"
            | "raid"
            | "assault"
            | "invasion"
            | "provocation"
            | "escalation"
            | "deployment"
    ) && v.kids(t).iter().any(|&k| {
        v.rel(k) == "det" && matches!(v.lower[k].as_str(), "the" | "this" | "these" | "that")
    })
}

/// The noun a count or quantifier is of: "35 of the drones", "most of the missiles" (else
/// `o` itself).
fn counted_of(v: &SentView, o: usize) -> usize {
    let quantity = v.upos[o] == Upos::Num
        || matches!(
            v.lemma[o].as_str(),
            "most"
                | "all"
                | "some"
                | "many"
                | "several"
                | "none"
                | "half"
                | "majority"
                | "dozen"
                | "dozens"
                | "each"
                | "both"
                | "one"
                | "two"
                | "three"
                | "rest"
        );
    match args::prep_object(v, o, "of") {
        Some(n) if quantity => n,
        _ => o,
    }
}

/// The source of the latest violent act (18-20) told in this or the two sentences before,
/// when it is of another country than `speaker`.
fn recent_act_source(r: &Resolver, speaker: Option<&ActorRef>) -> Option<ActorRef> {
    let e =
        r.st.events
            .iter()
            .rev()
            .take_while(|e| r.sent.saturating_sub(e.sentence) <= 2)
            .find(|e| matches!(e.cameo.get(..2), Some("15" | "18" | "19" | "20")))?;
    other_than_speaker(e.source.as_ref()?, speaker)
}

/// "The United States condemned the offensive", told paragraphs after the assault: with no
/// act in the last sentences, the one who made the document's attacks or shows of force
/// ("condemned the launch": 15, 18-20; the source of most such events so far, first met on
/// a tie), if not the speaker's own side.
fn campaign_source(r: &Resolver, speaker: Option<&ActorRef>) -> Option<ActorRef> {
    let mut tally: Vec<(&str, usize, &crate::Actor)> = Vec::new();
    for e in r.st.events.iter() {
        if !matches!(e.cameo.get(..2), Some("15" | "18" | "19" | "20")) {
            continue;
        }
        let Some(a) = e.source.as_ref().filter(|a| !a.inferred) else {
            continue;
        };
        match tally.iter_mut().find(|t| t.0 == a.code) {
            Some(t) => t.1 += 1,
            None => tally.push((a.code.as_str(), 1, a)),
        }
    }
    let mut best: Option<&(&str, usize, &crate::Actor)> = None;
    for t in &tally {
        if best.is_none_or(|b| t.1 > b.1) {
            best = Some(t);
        }
    }
    other_than_speaker(best?.2, speaker)
}

/// The actor of an act judged, unless it is of the speaker's own country.
fn other_than_speaker(a: &crate::Actor, speaker: Option<&ActorRef>) -> Option<ActorRef> {
    let c = a.code.get(..3)?;
    if speaker.is_some_and(|s| s.country() == c) {
        return None;
    }
    Some(ActorRef {
        text: a.text.clone(),
        code: a.code.clone(),
    })
}

/// Whether the name a verb of naming gives holds one of `want`, with its modifiers: "called
/// it madness", "called the strike a terrorist act", "described the attack as a war crime".
/// The name is the predicate (xcomp), a second object, or an "as" phrase; never another
/// prepositional phrase ("called for an end to the war").
fn named_words(
    v: &SentView,
    i: usize,
    hit: &dyn Fn(usize, &[String]) -> bool,
    want: &[String],
) -> bool {
    // The parser's lemma of a participle is the verb ("horrifying" -> "horrify").
    let word = |k: usize| hit(k, want) || want.iter().any(|w| *w == v.lower[k]);
    let modifier = |g: usize| matches!(v.rel(g), "amod" | "compound" | "nmod" | "conj");
    v.kids(i).iter().any(|&k| {
        let name = match v.rel(k) {
            "xcomp" | "obj" | "iobj" => true,
            "obl" | "advcl" => v.case_of(k) == Some("as"),
            _ => false,
        };
        name && (word(k)
            || v.kids(k).iter().any(|&g| {
                modifier(g)
                    && (word(g)
                        // "as proof of Kyiv's terrorist nature", "an act of terror": the
                        // name is what the proof or act is of.
                        || (matches!(v.lemma[k].as_str(), "proof" | "evidence" | "act" | "example")
                            && v.kids(g).iter().any(|&h| modifier(h) && word(h))))
            }))
    })
}

fn sanctions_near(v: &SentView, h: usize) -> bool {
    let sanction = |k: usize| matches!(v.lemma[k].as_str(), "sanction" | "sanctions");
    sanction(h)
        || v.kids(h)
            .iter()
            .any(|&k| sanction(k) || v.kids(k).iter().any(|&g| sanction(g)))
}

fn conditional_clause(v: &SentView, c: usize) -> Option<usize> {
    v.kids(c).iter().copied().find(|&k| {
        // (an "if" clause under a nominal predicate is often parsed as its `acl`)
        // (and as a `ccomp` of a verb that asks or knows nothing: "would respond if
        // Washington struck", not "asked if Washington would")
        (matches!(v.rel(k), "advcl" | "acl")
            || (v.rel(k) == "ccomp"
                && !matches!(
                    v.lemma[c].as_str(),
                    "ask"
                        | "wonder"
                        | "know"
                        | "see"
                        | "check"
                        | "decide"
                        | "determine"
                        | "doubt"
                        | "question"
                        | "say"
                        | "tell"
                        | "inquire"
                        | "clarify"
                        | "learn"
                )))
            && v.kids(k)
                .iter()
                .any(|&m| v.rel(m) == "mark" && matches!(v.lemma[m].as_str(), "if" | "unless"))
    })
}

/// The source of a monitor note or wire headline, a short noun phrase after a final dash:
/// "... killed two civilians - mayor", "... - Russian Defence Ministry". Returns the head
/// of that phrase when it can be someone (an actor, an agent or a proper name) and the
/// trigger `i` comes before it.
fn trailing_dash_source(v: &SentView, i: usize) -> Option<usize> {
    let mut end = v.len();
    while end > 0 && v.upos[end - 1] == Upos::Punct && !is_dash(&v.forms[end - 1]) {
        end -= 1;
    }
    let dash = (0..end).rev().find(|&k| is_dash(&v.forms[k]))?;
    let seg = dash + 1..end;
    if dash <= i || seg.is_empty() || seg.len() > 6 {
        return None;
    }
    if seg
        .clone()
        .any(|k| matches!(v.upos[k], Upos::Verb | Upos::Aux | Upos::Punct | Upos::Num))
    {
        return None;
    }
    let someone = seg
        .clone()
        .any(|k| v.actor_at(k).is_some() || v.upos[k] == Upos::Propn);
    let head = seg
        .clone()
        .find(|&k| v.head[k] == crate::view::NONE || !seg.contains(&v.head[k]))?;
    someone.then_some(head)
}

fn is_dash(f: &str) -> bool {
    matches!(f, "-" | "\u{2013}" | "\u{2014}")
}

/// Whether `k` is the object of "according to" (the parser tags "according" ADP or VERB).
fn according(v: &SentView, k: usize) -> bool {
    v.kids(k)
        .iter()
        .any(|&c| c < k && matches!(v.rel(c), "case" | "mark") && v.lower[c] == "according")
}

/// For losses at word `i`: `None` when they are a balance (since the war began, in total,
/// so far: not an event), else whom the loser fought, if named ("lost 30 people in battles
/// with the forces of the LPR").
fn losses_opponent(v: &SentView, i: usize) -> Option<Option<usize>> {
    let mut seen = Vec::new();
    subtree_bfs(v, i, 3, &mut seen);
    // ("since the beginning of the day" is a day's tally, not a balance)
    let today = seen
        .iter()
        .any(|&k| matches!(v.lemma[k].as_str(), "day" | "today" | "morning" | "night"));
    let balance = seen.iter().any(|&k| {
        matches!(
            v.lower[k].as_str(),
            "total" | "overall" | "far" | "altogether" | "cumulative"
        ) || (v.lower[k] == "since" && !today)
    });
    if balance {
        return None;
    }
    Some(seen.iter().find_map(|&k| {
        matches!(
            v.lemma[k].as_str(),
            "battle" | "fight" | "fighting" | "clash" | "combat"
        )
        .then(|| args::prep_object(v, k, "with"))
        .flatten()
    }))
}
