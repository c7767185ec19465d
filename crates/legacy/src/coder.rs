//! [`LegacyCoder`]: codes a tokenized sentence with legacy dictionaries, shallow
//! TABARI-style, using rung's dependency parse where one is given.
//!
//! Steps: discard check; actor and agent mentions (longest match, left to right);
//! agents compose with the actor next to them (`Arnor's president` -> `ARNGOV`, an agent
//! alone -> `---GOV`); mentions joined by `and`/`,` form compound groups; verbs are found
//! by their dictionary forms; each verb's patterns are matched around it (words may be
//! separated by other words unless joined by `_`), the most specific match wins; `$`/`+`
//! in the pattern bind source/target, otherwise the source is the subject (parse) or the
//! nearest group before the verb, and the target the object or the first group after.
//! A compound group yields one event per actor.

use crate::dicts::LegacyDictionaries;
use crate::model::{date_key, DateKey, Item, ItemKind, Word};
use crate::options::{AgentAlone, CodeBy, CoderOptions};
use std::collections::HashMap;

/// One coded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyEvent {
    /// Source actor code (`---` when absent and dyads are not required).
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code.
    pub code: String,
    /// Token range `[start, end)` of the source mention, if any.
    pub source_span: Option<(usize, usize)>,
    /// Token range of the target mention, if any.
    pub target_span: Option<(usize, usize)>,
    /// Token range of the verb (with its fixed words).
    pub verb_span: (usize, usize),
}

const KEY: usize = 4;

fn key_of(word: &str) -> String {
    word.chars().take(KEY).collect()
}

/// Prefixes of a token under which candidates are indexed.
fn lookup_keys(token: &str) -> impl Iterator<Item = &str> {
    token
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(token.len()))
        .take(KEY)
        .map(move |e| &token[..e])
}

type Index = HashMap<String, Vec<(u32, u32)>>;

/// Indexes entry `i`'s phrase `j` under the key of its first word (phrases without one
/// are not indexed).
fn index<'a, E, P>(entries: E) -> Index
where
    E: Iterator<Item = P>,
    P: Iterator<Item = Option<&'a str>>,
{
    let mut idx = Index::new();
    for (i, phrases) in entries.enumerate() {
        for (j, first) in phrases.enumerate() {
            if let Some(w) = first {
                idx.entry(key_of(w)).or_default().push((i as u32, j as u32));
            }
        }
    }
    idx
}

/// Codes sentences with a set of [`LegacyDictionaries`].
pub struct LegacyCoder<'d> {
    dicts: &'d LegacyDictionaries,
    options: CoderOptions,
    actors: Index,
    agents: Index,
    verbs: Index,
    /// TABARI forwarding: the actor a pronoun before the sentence's first actor
    /// stands for (the previous sentence's first actor in the same story).
    antecedent: Option<String>,
}

/// A found actor/agent mention, after agent composition.
#[derive(Debug, Clone)]
struct Unit {
    start: usize,
    end: usize,
    /// Codes (several for `ELR/GAL`); empty for a null actor (`---`).
    codes: Vec<String>,
    /// The actor code before any agent was applied.
    base: Option<String>,
    /// The agent applied, if any.
    agent: Option<u32>,
    /// The agent came first, linked by "of/in": it distributes over a compound.
    via_of: bool,
}

impl Unit {
    fn new(
        start: usize,
        end: usize,
        base: Option<String>,
        agent: Option<u32>,
        via_of: bool,
        d: &LegacyDictionaries,
    ) -> Unit {
        let codes = match (&base, agent) {
            (Some(b), Some(g)) => compose(b, &d.agents[g as usize]),
            (None, Some(g)) => compose("---", &d.agents[g as usize]),
            (Some(b), None) => split_codes(b),
            (None, None) => Vec::new(),
        };
        Unit {
            start,
            end,
            codes,
            base,
            agent,
            via_of,
        }
    }
}

/// Units joined by `and`/`,` into a compound.
#[derive(Debug, Clone)]
struct Group {
    start: usize,
    end: usize,
    units: Vec<usize>,
}

struct Sent<'a> {
    up: Vec<String>,
    orig: &'a [&'a str],
    units: Vec<Unit>,
    groups: Vec<Group>,
    group_at: Vec<Option<usize>>,
    group_end_at: Vec<Option<usize>>,
    verb_mask: Option<&'a [bool]>,
    /// Where the verbs found start, in order.
    verb_starts: Vec<usize>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Binding {
    source: Option<usize>,
    target: Option<usize>,
    compound: Option<usize>,
    /// Leftmost token matched by the pattern's words before the verb.
    first: Option<usize>,
}

impl<'d> LegacyCoder<'d> {
    /// Indexes the dictionaries for coding; options come from the dictionaries.
    pub fn new(dicts: &'d LegacyDictionaries) -> Self {
        let actors = index(
            dicts
                .actors
                .iter()
                .map(|a| a.phrases.iter().map(|p| p.first().map(|w| w.text.as_str()))),
        );
        let agents = index(
            dicts
                .agents
                .iter()
                .map(|a| a.phrases.iter().map(|p| p.first().map(|w| w.text.as_str()))),
        );
        let verbs = index(dicts.verbs.iter().map(|v| {
            v.forms
                .iter()
                .map(|f| Some(f.verb.text.as_str()).filter(|t| !t.is_empty()))
        }));
        LegacyCoder {
            dicts,
            options: dicts.options.clone(),
            actors,
            agents,
            verbs,
            antecedent: None,
        }
    }

    /// Replaces the coder options (per-record options of the validation suites).
    pub fn set_options(&mut self, options: CoderOptions) {
        self.options = options;
    }

    /// Sets the actor that pronouns before a sentence's first actor stand for (TABARI
    /// `FORWARD`: the previous sentence's first actor); `None` turns this off.
    pub fn set_antecedent(&mut self, code: Option<String>) {
        self.antecedent = code;
    }

    /// The root code (no agent) of the first actor in `words`, the one TABARI forwards
    /// to the next sentence of a story.
    pub fn first_actor(&self, words: &[&str], date: Option<(i32, u8, u8)>) -> Option<String> {
        let up: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let mut s = Sent {
            up,
            orig: words,
            units: Vec::new(),
            groups: Vec::new(),
            group_at: Vec::new(),
            group_end_at: Vec::new(),
            verb_mask: None,
            verb_starts: Vec::new(),
        };
        self.find_actor_units(&mut s, date.map(date_key));
        let base = s.units.iter().find_map(|u| u.base.clone())?;
        let first = split_codes(&base).into_iter().next()?;
        // Actor codes are a 3-letter root plus 3-letter role codes: forward the root.
        if first.len() > 3 && first.len() % 3 == 0 && first.chars().all(|c| c.is_ascii_alphabetic())
        {
            Some(first[..3].to_string())
        } else {
            Some(first)
        }
    }

    /// The options in force.
    pub fn options(&self) -> &CoderOptions {
        &self.options
    }

    /// Codes one sentence given as word forms; `analysis` (from rung-parse, same words)
    /// picks subjects and objects and tells verbs from nouns; `date` resolves
    /// date-bounded actor codes.
    pub fn code_sentence(
        &self,
        words: &[&str],
        analysis: Option<&rung_parse::Analysis>,
        date: Option<(i32, u8, u8)>,
    ) -> Vec<LegacyEvent> {
        self.code_tagged(words, analysis, None, date)
    }

    /// [`LegacyCoder::code_sentence`] with an optional mask of which words are verbs
    /// (from an outside tagger; it overrides `analysis` for that decision).
    pub fn code_tagged(
        &self,
        words: &[&str],
        analysis: Option<&rung_parse::Analysis>,
        verb_mask: Option<&[bool]>,
        date: Option<(i32, u8, u8)>,
    ) -> Vec<LegacyEvent> {
        let analysis = analysis.filter(|a| a.len() == words.len());
        let verb_mask = verb_mask.filter(|m| m.len() == words.len());
        let up: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let word_count = up
            .iter()
            // A split-off possessive ("'s") is part of its word, as in TABARI's count.
            .filter(|w| w.chars().any(char::is_alphanumeric) && !w.starts_with('\''))
            .count();
        if word_count < self.options.min_words {
            return Vec::new();
        }
        if self.discarded(&up) {
            return Vec::new();
        }
        let date = date.map(date_key);
        let mut s = Sent {
            up,
            orig: words,
            units: Vec::new(),
            groups: Vec::new(),
            group_at: Vec::new(),
            group_end_at: Vec::new(),
            verb_mask,
            verb_starts: Vec::new(),
        };
        self.find_units(&mut s, date);
        // `###` actor: TABARI's discard code; `+++`: the sentence is too complex to code.
        if s.units
            .iter()
            .any(|u| u.codes.iter().any(|c| c == "###" || c == "+++"))
        {
            return Vec::new();
        }
        make_groups(&mut s, self.dicts);
        let verbs = self.find_verbs(&s, analysis);
        s.verb_starts = verbs.iter().map(|v| v.2).collect();
        let mut events = Vec::new();
        let mut used_verb_end = 0;
        let mut last_coded_end = 0;
        for (vi, fi, vs, ve) in verbs {
            if vs < used_verb_end {
                continue;
            }
            // "abandoned efforts to stop ...": an infinitive after a verb that already
            // coded, in the same clause, elaborates that event (PETRARCH-style coding).
            let infinitive = vs > 0 && s.up[vs - 1] == "TO";
            let same_clause = last_coded_end > 0
                && !s.up[last_coded_end..vs]
                    .iter()
                    .any(|t| matches!(t.as_str(), "," | "AND" | "BUT" | ";"));
            if self.options.code_by == CodeBy::All
                && !self.options.first_actor_source
                && infinitive
                && same_clause
            {
                continue;
            }
            let n = events.len();
            let first = self.code_verb(&s, analysis, vi, fi, vs, ve, &mut events);
            if events.len() > n {
                last_coded_end = ve;
                // A verb that this verb's pattern used as one of its words ("indicated"
                // in `- INDICATED SHOULD *`) is part of this event, not one of its own.
                if let Some(f) = first.filter(|&f| f < vs) {
                    events.retain(|e| e.verb_span.0 == vs || e.verb_span.0 < f);
                }
                used_verb_end = match self.options.code_by {
                    CodeBy::Sentence => break,
                    // The rest of the clause is done: skip to the next conjunction.
                    CodeBy::Clause => next_clause(&s, ve),
                    CodeBy::All => ve,
                };
            }
        }
        dedup(&mut events);
        events
    }

    fn discarded(&self, up: &[String]) -> bool {
        self.dicts.discards.iter().any(|d| {
            (0..up.len()).any(|i| {
                d.phrase.len() <= up.len() - i
                    && d.phrase.iter().zip(&up[i..]).all(|(w, t)| w.matches(t))
            })
        })
    }

    /// Longest phrase from `index` starting at `i`: (entry, end). Longer phrases (in
    /// words) win, then earlier entries.
    fn longest(
        &self,
        index: &Index,
        up: &[String],
        i: usize,
        phrases: impl Fn(u32, u32) -> &'d [Word],
    ) -> Option<(u32, usize)> {
        let mut best: Option<(u32, usize, usize)> = None;
        for k in lookup_keys(&up[i]) {
            for &(e, p) in index.get(k).into_iter().flatten() {
                let ph = phrases(e, p);
                let Some(end) = match_phrase(ph, up, i) else {
                    continue;
                };
                if best.is_none_or(|(be, bn, _)| ph.len() > bn || (ph.len() == bn && e < be)) {
                    best = Some((e, ph.len(), end));
                }
            }
        }
        best.map(|(e, _, end)| (e, end))
    }

    fn find_units(&self, s: &mut Sent<'_>, date: Option<DateKey>) {
        self.find_actor_units(s, date);
        if let Some(code) = &self.antecedent {
            forward_pronouns(s, code);
        }
        if self.options.resolve_pronouns {
            resolve_pronouns(s);
        }
        merge_adjacent(s);
    }

    /// Actor and agent mentions from the dictionaries alone.
    fn find_actor_units(&self, s: &mut Sent<'_>, date: Option<DateKey>) {
        let d = self.dicts;
        // (start, end, actor, agent)
        let mut raw: Vec<(usize, usize, Option<u32>, Option<u32>)> = Vec::new();
        let mut i = 0;
        while i < s.up.len() {
            let actor = self.longest(&self.actors, &s.up, i, |e, p| {
                &d.actors[e as usize].phrases[p as usize]
            });
            let agent = self.longest(&self.agents, &s.up, i, |e, p| {
                &d.agents[e as usize].phrases[p as usize]
            });
            match (actor, agent) {
                (Some((a, ea)), ag) if ag.is_none_or(|(_, eg)| ea >= eg) => {
                    raw.push((i, ea, Some(a), None));
                    i = ea;
                }
                (_, Some((g, eg))) => {
                    raw.push((i, eg, None, Some(g)));
                    i = eg;
                }
                _ => i += 1,
            }
        }
        let actor_code = |a: u32| d.actors[a as usize].code_on(date).map(str::to_string);
        let mut k = 0;
        while k < raw.len() {
            let (st, en, actor, agent) = raw[k];
            k += 1;
            match (actor, agent) {
                (Some(a), _) => {
                    let Some(code) = actor_code(a) else { continue };
                    // Actor followed by an agent: "Arnor's president", "Arnorian soldiers".
                    // TABARI: across a possessive or adjectives, a named actor right
                    // after the agent heads the phrase ("Dagolath's deputy minister
                    // Telemar") and keeps its own code; the agent is not applied.
                    let named_head = |n: &(usize, usize, Option<u32>, Option<u32>)| {
                        self.options.first_actor_source
                            && n.0 > en
                            && raw.get(k + 1).is_some_and(|m| m.2.is_some() && m.0 == n.1)
                    };
                    if let Some(&(_, nen, None, Some(g))) = raw
                        .get(k)
                        .filter(|n| gap_ok(&s.up[en..n.0]) && !named_head(n))
                    {
                        k += 1;
                        s.units
                            .push(Unit::new(st, nen, Some(code), Some(g), false, d));
                    } else {
                        s.units.push(Unit::new(st, en, Some(code), None, false, d));
                    }
                }
                (None, Some(g)) => {
                    // Agent followed by "of/from/in [the] ACTOR": "president of Arnor".
                    let next = raw
                        .get(k)
                        .filter(|n| n.2.is_some() && of_gap(&s.up[en..n.0]));
                    if let Some(&(_, nen, Some(a), _)) = next {
                        if let Some(code) = actor_code(a) {
                            k += 1;
                            s.units
                                .push(Unit::new(st, nen, Some(code), Some(g), true, d));
                            continue;
                        }
                    }
                    // Agent directly before an actor ("President Aragorn").
                    let direct = raw.get(k).filter(|n| n.2.is_some() && n.0 == en);
                    if let Some(&(_, nen, Some(a), _)) = direct {
                        if let Some(code) = actor_code(a) {
                            k += 1;
                            let agent = (code.len() == 3).then_some(g);
                            s.units
                                .push(Unit::new(st, nen, Some(code), agent, false, d));
                            continue;
                        }
                    }
                    s.units.push(Unit::new(st, en, None, Some(g), false, d));
                }
                (None, None) => {}
            }
        }
        match self.options.agent_alone {
            AgentAlone::Dashes => {}
            AgentAlone::Drop => s.units.retain(|u| u.base.is_some()),
            AgentAlone::Tilde => {
                for u in s.units.iter_mut().filter(|u| u.base.is_none()) {
                    for c in &mut u.codes {
                        *c = format!("~{}", c.trim_start_matches('-'));
                    }
                }
            }
        }
    }

    /// Verb occurrences: (verb entry, form, start, end), in sentence order.
    fn find_verbs(
        &self,
        s: &Sent<'_>,
        analysis: Option<&rung_parse::Analysis>,
    ) -> Vec<(usize, usize, usize, usize)> {
        let d = self.dicts;
        let mut out = Vec::new();
        for i in 0..s.up.len() {
            if !self.may_be_verb(s, analysis, i) {
                continue;
            }
            let mut best: Option<(usize, usize, usize, usize)> = None;
            for k in lookup_keys(&s.up[i]) {
                for &(vi, fi) in self.verbs.get(k).into_iter().flatten() {
                    let f = &d.verbs[vi as usize].forms[fi as usize];
                    if !f.verb.matches(&s.up[i])
                        || i < f.before.len()
                        || i + 1 + f.after.len() > s.up.len()
                    {
                        continue;
                    }
                    let bs = i - f.before.len();
                    let ok = f.before.iter().zip(&s.up[bs..i]).all(|(w, t)| w.matches(t))
                        && f.after
                            .iter()
                            .zip(&s.up[i + 1..])
                            .all(|(w, t)| w.matches(t));
                    let len = f.before.len() + 1 + f.after.len();
                    if ok && best.is_none_or(|b| len > b.3 - b.2) {
                        best = Some((vi as usize, fi as usize, bs, i + 1 + f.after.len()));
                    }
                }
            }
            if let Some(b) = best {
                out.push(b);
            }
        }
        out
    }

    /// Tells verbs from nouns: the parse when given, TABARI's cues otherwise
    /// (a capitalised word inside the sentence, or one after a determiner, is a noun).
    fn may_be_verb(&self, s: &Sent<'_>, analysis: Option<&rung_parse::Analysis>, i: usize) -> bool {
        if s.group_at.get(i).copied().flatten().is_some() || inside_unit(s, i) {
            return false;
        }
        if let Some(m) = s.verb_mask {
            return m[i];
        }
        if let Some(a) = analysis {
            use rung_parse::Upos;
            return matches!(a.upos(i), Upos::Verb | Upos::Aux) || a.xpos(i).starts_with("VB");
        }
        let w = s.orig[i];
        let capital = i > 0
            && w.chars().next().is_some_and(char::is_uppercase)
            && !w.chars().all(|c| !c.is_lowercase());
        let after_det = i > 0 && matches!(s.up[i - 1].as_str(), "THE" | "A" | "AN");
        // "their meeting": PETRARCH's parses make this a noun; TABARI's suite expects
        // the verb reading, so only the PETRARCH-style coder uses the cue.
        let after_possessive = !self.options.first_actor_source
            && i > 0
            && matches!(
                s.up[i - 1].as_str(),
                "THEIR" | "ITS" | "HIS" | "OUR" | "MY" | "YOUR" | "VERY" | "TOO" | "MOST" | "LESS"
            );
        let possessive = s.up.get(i + 1).is_some_and(|t| t == "'S");
        !capital && !after_det && !possessive && !after_possessive
    }

    #[allow(clippy::too_many_arguments)]
    fn code_verb(
        &self,
        s: &Sent<'_>,
        analysis: Option<&rung_parse::Analysis>,
        vi: usize,
        fi: usize,
        vs: usize,
        ve: usize,
        events: &mut Vec<LegacyEvent>,
    ) -> Option<usize> {
        let verb = &self.dicts.verbs[vi];
        let mut code = verb.forms[fi]
            .code
            .clone()
            .unwrap_or_else(|| verb.code.clone());
        let mut bind = Binding::default();
        let mut best_weight = 0;
        for p in &verb.patterns {
            if p.weight() < best_weight || (p.weight() == best_weight && best_weight > 0) {
                continue;
            }
            let mut b = Binding::default();
            let after_ok = self.match_fwd(s, &p.after, 0, ve, &mut b);
            if after_ok && self.match_back(s, &p.before, p.before.len(), vs, p.verb_joined, &mut b)
            {
                best_weight = p.weight();
                code = p.code.clone();
                bind = b;
            }
        }
        if code.primary.as_deref() == Some("###") || code.is_null() {
            return None;
        }
        let (src, tgt) = if let Some(c) = bind.compound {
            (Some(c), Some(c))
        } else if let (None, None, Some(by)) =
            (bind.source, bind.target, self.passive_agent(s, vs, ve))
        {
            (Some(by), self.default_source(s, analysis, vs, ve))
        } else {
            let src = bind
                .source
                .or_else(|| self.default_source(s, analysis, vs, ve));
            let tgt = bind
                .target
                .or_else(|| self.default_target(s, analysis, ve, src));
            (src, tgt)
        };
        let verb_span = (vs, ve);
        let expand =
            |g: Option<usize>, default: &Option<String>| -> Vec<(String, Option<(usize, usize)>)> {
                match g {
                    Some(g) => s.groups[g]
                        .units
                        .iter()
                        .flat_map(|&u| {
                            let unit = &s.units[u];
                            unit.codes
                                .iter()
                                .map(move |c| (c.clone(), Some((unit.start, unit.end))))
                        })
                        .collect(),
                    None => vec![(default.clone().unwrap_or_else(|| "---".to_string()), None)],
                }
            };
        let sources = expand(src, &self.options.default_source);
        let targets = expand(tgt, &self.options.default_target);
        let compound = bind.compound.is_some();
        let mut push = |a: &(String, Option<(usize, usize)>),
                        b: &(String, Option<(usize, usize)>),
                        c: &str| {
            // Self-events and markers that are not event codes (`+++`, `###`) are not coded.
            if a.0 == b.0 || !c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                return;
            }
            let _ = compound;
            if self.options.require_dyad
                && (a.0 == "---" || b.0 == "---" || a.0.is_empty() || b.0.is_empty())
            {
                return;
            }
            if a.0.is_empty() && b.0.is_empty() {
                return;
            }
            events.push(LegacyEvent {
                source: a.0.clone(),
                target: b.0.clone(),
                code: c.to_string(),
                source_span: a.1,
                target_span: b.1,
                verb_span,
            });
        };
        for a in &sources {
            for b in &targets {
                if let Some(c) = &code.primary {
                    push(a, b, c);
                }
                if let Some(c) = &code.paired {
                    push(b, a, c);
                }
            }
        }
        bind.first
    }

    fn default_source(
        &self,
        s: &Sent<'_>,
        analysis: Option<&rung_parse::Analysis>,
        vs: usize,
        ve: usize,
    ) -> Option<usize> {
        if let Some(a) = analysis {
            if let Some(g) = dependent_group(s, a, vs, ve, |r| r.starts_with("nsubj")) {
                return Some(g);
            }
        }
        if self.options.first_actor_source {
            let start = clause_start(s, vs);
            return (0..s.groups.len())
                .find(|&g| s.groups[g].start >= start && s.groups[g].end <= vs);
        }
        // Nearest group before the verb within its clause.
        let mut i = vs;
        while i > 0 {
            i -= 1;
            if clause_break(&s.up[i]) {
                return None;
            }
            if let Some(g) = s.group_end_at[i + 1] {
                return Some(g);
            }
        }
        None
    }

    fn default_target(
        &self,
        s: &Sent<'_>,
        analysis: Option<&rung_parse::Analysis>,
        ve: usize,
        src: Option<usize>,
    ) -> Option<usize> {
        if let Some(a) = analysis {
            if let Some(g) = dependent_group(s, a, ve.saturating_sub(1), ve, |r| {
                r == "obj" || r.starts_with("obl") || r == "iobj"
            }) {
                if Some(g) != src {
                    return Some(g);
                }
            }
        }
        // The first group after the verb, before the next verb (its own clause).
        let limit = match self.options.first_actor_source {
            true => s.up.len(),
            // A comma not opening a listed actor ends the verb's clause.
            false => (ve..s.up.len())
                .find(|&i| s.up[i] == "," && s.group_at.get(i + 1).copied().flatten().is_none())
                .unwrap_or(s.up.len()),
        };
        let after = (0..s.groups.len())
            .find(|&g| s.groups[g].start >= ve && s.groups[g].start < limit && Some(g) != src);
        if !self.options.first_actor_source {
            return after;
        }
        // TABARI: a target that is the source again ("urged Bree to assist it") is no
        // target; the actor the source acted on before this verb is ("CAL/BRE").
        let codes = |g: usize| -> Vec<&str> {
            let mut c: Vec<&str> = s.groups[g]
                .units
                .iter()
                .flat_map(|&u| s.units[u].codes.iter().map(String::as_str))
                .collect();
            c.sort_unstable();
            c
        };
        match (after, src) {
            (Some(t), Some(sg)) if codes(t) == codes(sg) => (0..s.groups.len()).find(|&g| {
                g != sg && s.groups[g].start > s.groups[sg].start && s.groups[g].start < ve
            }),
            _ => after,
        }
    }

    /// Shallow passive: "X was opposed by Y" makes Y the source and X the target.
    fn passive_agent(&self, s: &Sent<'_>, vs: usize, ve: usize) -> Option<usize> {
        let mut i = vs;
        while i > 0 && s.up[i - 1].ends_with("LY") {
            i -= 1;
        }
        let be = i > 0
            && matches!(
                s.up[i - 1].as_str(),
                "WAS" | "WERE" | "IS" | "ARE" | "BEEN" | "BE" | "BEING"
            );
        let participle = s.up[ve - 1].ends_with("ED") || s.up[ve - 1].ends_with("EN");
        if !(be && participle) {
            return None;
        }
        (ve..(ve + 4).min(s.up.len()))
            .find(|&j| s.up[j] == "BY")
            .and_then(|j| s.group_at[j + 1])
    }

    /// Matches `items[k..]` forward from `pos`; `adjacent` forces the first item to `pos`.
    fn match_fwd(
        &self,
        s: &Sent<'_>,
        items: &[Item],
        k: usize,
        pos: usize,
        b: &mut Binding,
    ) -> bool {
        let Some(item) = items.get(k) else {
            return true;
        };
        let adjacent = item.joined;
        let last = if adjacent { pos } else { s.up.len() };
        for start in pos..=last.min(s.up.len()) {
            for end in self.item_ends(s, item, start, b) {
                let mut nb = *b;
                self.bind(s, item, start, &mut nb, true);
                if self.match_fwd(s, items, k + 1, end, &mut nb) {
                    *b = nb;
                    return true;
                }
            }
        }
        false
    }

    /// Matches `items[..k]` backward so that they end at or before `pos`.
    fn match_back(
        &self,
        s: &Sent<'_>,
        items: &[Item],
        k: usize,
        pos: usize,
        adjacent: bool,
        b: &mut Binding,
    ) -> bool {
        if k == 0 {
            return true;
        }
        let item = &items[k - 1];
        for start in (0..pos).rev() {
            for end in self.item_ends(s, item, start, b) {
                if end > pos || (adjacent && end != pos) {
                    continue;
                }
                let mut nb = *b;
                nb.first = Some(start);
                self.bind(s, item, start, &mut nb, false);
                if self.match_back(s, items, k - 1, start, item.joined, &mut nb) {
                    *b = nb;
                    return true;
                }
            }
            if adjacent && start + 8 < pos {
                break;
            }
        }
        false
    }

    fn bind(&self, s: &Sent<'_>, item: &Item, start: usize, b: &mut Binding, forward: bool) {
        let g = s.group_at.get(start).copied().flatten();
        match item.kind {
            ItemKind::Source => b.source = g,
            ItemKind::Target => b.target = g,
            // `%` after the verb is a compound target ("agrees with X and Y").
            ItemKind::Compound if forward => b.target = g,
            ItemKind::Compound => b.compound = g,
            _ => {}
        }
    }

    /// Possible end positions of `item` when it starts at `start`.
    fn item_ends(&self, s: &Sent<'_>, item: &Item, start: usize, b: &Binding) -> Vec<usize> {
        let _ = b;
        match &item.kind {
            ItemKind::Word(w) => match s.up.get(start) {
                Some(t) if w.matches(t) => vec![start + 1],
                _ => vec![],
            },
            ItemKind::Source | ItemKind::Target => match s.group_at.get(start).copied().flatten() {
                Some(g) => vec![s.groups[g].end],
                None => vec![],
            },
            ItemKind::Compound => match s.group_at.get(start).copied().flatten() {
                Some(g) if s.groups[g].units.len() > 1 => vec![s.groups[g].end],
                _ => vec![],
            },
            // `^` skips a noun phrase: an article or two, then an actor as a whole
            // ("at ^ +" passes over "the Gondor"), else one word.
            ItemKind::Skip => {
                let mut i = start;
                while i < s.up.len()
                    && i < start + 2
                    && matches!(s.up[i].as_str(), "THE" | "A" | "AN")
                {
                    i += 1;
                }
                match s.group_at.get(i).copied().flatten() {
                    Some(g) => vec![s.groups[g].end],
                    None if start < s.up.len() => vec![start + 1],
                    None => vec![],
                }
            }
            ItemKind::Verb => vec![start],
            ItemKind::Synset(name) => {
                let mut ends = Vec::new();
                for member in self.dicts.synsets.get(name).into_iter().flatten() {
                    ends.extend(self.seq_ends(s, member, start));
                }
                ends
            }
            ItemKind::Alternatives(alts) => alts
                .iter()
                .flat_map(|a| self.seq_ends(s, a, start))
                .collect(),
        }
    }

    /// Ends of a contiguous sequence (synset member, alternative) starting at `start`.
    fn seq_ends(&self, s: &Sent<'_>, seq: &[Item], start: usize) -> Vec<usize> {
        let mut positions = vec![start];
        for (k, item) in seq.iter().enumerate() {
            let mut next = Vec::new();
            for &p in &positions {
                // Words written apart may have up to two words between them
                // ("austrian gold florin" for AUSTRIAN FLORIN); `_` keeps them adjacent.
                let gap = if k == 0 || item.joined { 0 } else { 2 };
                for q in p..=(p + gap).min(s.up.len()) {
                    if q > p && !plain(&s.up[q - 1]) {
                        break;
                    }
                    next.extend(self.item_ends(s, item, q, &Binding::default()));
                }
            }
            positions = next;
            if positions.is_empty() {
                break;
            }
        }
        positions
    }
}

fn inside_unit(s: &Sent<'_>, i: usize) -> bool {
    s.units.iter().any(|u| u.start <= i && i < u.end)
}

/// The group containing a dependent of the verb with a matching relation.
fn dependent_group(
    s: &Sent<'_>,
    a: &rung_parse::Analysis,
    vs: usize,
    ve: usize,
    rel: impl Fn(&str) -> bool,
) -> Option<usize> {
    for v in vs..ve {
        for c in a.children(v) {
            if !rel(a.deprel(c)) {
                continue;
            }
            // The group holding the dependent or any word of its subtree head chain.
            if let Some(g) = s.groups.iter().position(|g| g.start <= c && c < g.end) {
                return Some(g);
            }
            // A modifier inside the phrase ("the Gondor government") points to its head.
            for g in 0..s.groups.len() {
                if (s.groups[g].start..s.groups[g].end).any(|w| a.head(w) == Some(c)) {
                    return Some(g);
                }
            }
        }
    }
    None
}

/// Whether token `i` joins clauses: "and", "but", ";" outside a compound of actors.
fn is_clause_boundary(s: &Sent<'_>, i: usize) -> bool {
    matches!(s.up[i].as_str(), "AND" | "BUT" | ";")
        && !s.groups.iter().any(|g| g.start <= i && i < g.end)
}

/// The first token after the next clause boundary at or after `from`.
fn next_clause(s: &Sent<'_>, from: usize) -> usize {
    (from..s.up.len())
        .find(|&i| is_clause_boundary(s, i))
        .map_or(s.up.len(), |i| i + 1)
}

/// The first token of the clause holding token `at`.
fn clause_start(s: &Sent<'_>, at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&i| is_clause_boundary(s, i))
        .map_or(0, |i| i + 1)
}

/// Pronoun subjects before a sentence's first actor stand for the actor forwarded from
/// the previous sentence of the story (TABARI `FORWARD`).
fn forward_pronouns(s: &mut Sent<'_>, code: &str) {
    let stop = s.units.first().map_or(s.up.len(), |u| u.start);
    let added: Vec<Unit> = (0..stop)
        .filter(|&i| is_pronoun(&s.up[i]))
        .map(|i| Unit {
            start: i,
            end: i + 1,
            codes: split_codes(code),
            base: Some(code.to_string()),
            agent: None,
            via_of: false,
        })
        .collect();
    s.units.extend(added);
    s.units.sort_by_key(|u| u.start);
}

fn is_pronoun(t: &str) -> bool {
    matches!(t, "IT" | "HE" | "SHE" | "THEY" | "HIM" | "HER" | "THEM")
}

/// TABARI: a personal pronoun stands for the first actor of the sentence.
fn resolve_pronouns(s: &mut Sent<'_>) {
    let Some(first) = s.units.iter().find(|u| !u.codes.is_empty()).cloned() else {
        return;
    };
    // "Elrond and Gondor ... assist them": a plural pronoun stands for the whole
    // compound the first actor opens.
    let mut plural = first.clone();
    let mut end = first.end;
    for u in s.units.iter().filter(|u| u.start >= first.end) {
        let gap = &s.up[end..u.start];
        if u.codes.is_empty()
            || gap.is_empty()
            || !gap
                .iter()
                .all(|t| matches!(t.as_str(), "AND" | "," | "THE"))
            || !gap.iter().any(|t| t == "AND" || t == ",")
        {
            break;
        }
        plural.codes.extend(u.codes.iter().cloned());
        end = u.end;
    }
    let mut added = Vec::new();
    for i in end..s.up.len() {
        if is_pronoun(&s.up[i]) && !s.units.iter().any(|u| u.start <= i && i < u.end) {
            let which = match s.up[i].as_str() {
                "THEY" | "THEM" => &plural,
                _ => &first,
            };
            added.push(Unit {
                start: i,
                end: i + 1,
                ..which.clone()
            });
        }
    }
    s.units.extend(added);
    s.units.sort_by_key(|u| u.start);
}

/// A plain word: letters (and hyphens), not a function word.
fn plain(t: &str) -> bool {
    t.chars().all(|c| c.is_alphabetic() || c == '-')
        && t.chars().any(char::is_alphabetic)
        && !is_function_word(t)
}

/// Words allowed between an actor and its agent: possessive, adjectives, "and"
/// between adjectives ("Ithilen's awful and evil minister").
fn gap_ok(gap: &[String]) -> bool {
    gap.len() <= 4
        && gap
            .iter()
            .all(|t| matches!(t.as_str(), "'S" | "'" | "S'" | "AND") || plain(t))
        && gap.first().is_none_or(|t| t != "AND")
}

/// Matches a dictionary phrase at `i`: words joined by `_` are adjacent, others may
/// have up to two plain words between them ("Ithilen state-run television").
fn match_phrase(phrase: &[Word], up: &[String], i: usize) -> Option<usize> {
    let (first, rest) = phrase.split_first()?;
    if !first.matches(up.get(i)?) {
        return None;
    }
    let mut cur = i + 1;
    for w in rest {
        if cur < up.len() && w.matches(&up[cur]) {
            cur += 1;
            continue;
        }
        if w.joined {
            return None;
        }
        let mut found = None;
        for skip in 1..=2 {
            let at = cur + skip;
            if at >= up.len() || !up[at - 1].chars().any(char::is_alphanumeric) {
                break;
            }
            if w.matches(&up[at]) {
                found = Some(at);
                break;
            }
        }
        cur = found? + 1;
    }
    Some(cur)
}

/// Joins a unit with the one right after it ("Bree Prime Minister Romendacil"): the
/// first one's codes stand for the phrase.
fn merge_adjacent(s: &mut Sent<'_>) {
    let mut out: Vec<Unit> = Vec::with_capacity(s.units.len());
    for u in std::mem::take(&mut s.units) {
        if let Some(prev) = out.last_mut() {
            if prev.end == u.start && !prev.codes.is_empty() && prev.base.is_some() {
                prev.end = u.end;
                continue;
            }
        }
        out.push(u);
    }
    s.units = out;
}

fn of_gap(gap: &[String]) -> bool {
    matches!(
        gap.first().map(String::as_str),
        Some("OF" | "FROM" | "IN" | "FOR")
    ) && gap.len() <= 2
        && gap.iter().skip(1).all(|t| t == "THE")
}

fn is_function_word(t: &str) -> bool {
    matches!(
        t,
        "AND"
            | "OR"
            | "NOR"
            | "BUT"
            | "THE"
            | "A"
            | "AN"
            | "OF"
            | "TO"
            | "IN"
            | "ON"
            | "WITH"
            | "BY"
            | "FOR"
            | "FROM"
            | "AT"
            | "SAID"
            | "SAYS"
            | "IS"
            | "WAS"
            | "WERE"
            | "ARE"
            | "BE"
            | "BEEN"
            | "HAS"
            | "HAVE"
            | "HAD"
            | "WILL"
            | "WOULD"
            | "THAT"
            | "WHO"
            | "WHICH"
            | "AFTER"
            | "BEFORE"
            | "WHILE"
            | "WHEN"
            | "AGAINST"
            | "BETWEEN"
            | "INTO"
            | "OVER"
    )
}

/// Words that end a clause when looking for a verb's default source or target.
fn clause_break(t: &str) -> bool {
    matches!(
        t,
        ";" | ":"
            | "THAT"
            | "WHO"
            | "WHICH"
            | "AFTER"
            | "BEFORE"
            | "WHILE"
            | "WHEN"
            | "BECAUSE"
            | "SINCE"
            | "IF"
            | "ALTHOUGH"
            | "THOUGH"
            | "WHERE"
            | "WHOSE"
            | "UNTIL"
            | "\""
    )
}

fn split_codes(code: &str) -> Vec<String> {
    match code {
        "---" => Vec::new(),
        c => c.split('/').map(str::to_string).collect(),
    }
}

fn compose(code: &str, agent: &crate::model::AgentEntry) -> Vec<String> {
    let codes = if code == "---" {
        vec!["---".to_string()]
    } else {
        split_codes(code)
    };
    codes
        .into_iter()
        .map(|c| {
            // An actor that already carries the agent's role ("activists Amnesty
            // International", NGM + NGM) keeps its code.
            if agent.prefix && c.starts_with(agent.code.as_str()) {
                c
            } else if agent.prefix {
                format!("{}{}", agent.code, c)
            } else if c.ends_with(agent.code.as_str()) {
                c
            } else {
                format!("{c}{}", agent.code)
            }
        })
        .collect()
}

/// Whether the words between two units make them a compound: "and", "or", "nor",
/// commas, articles and adjectives ("Fornost and the evil awful Gondor").
fn compound_gap(gap: &[String]) -> bool {
    !gap.is_empty()
        && gap.len() <= 4
        && gap
            .iter()
            .any(|t| matches!(t.as_str(), "AND" | "," | "NOR" | "OR"))
        && gap
            .iter()
            .all(|t| matches!(t.as_str(), "AND" | "," | "NOR" | "OR" | "THE") || plain(t))
}

/// Joins units separated only by `and`, `,` into groups, and spreads an agent or an
/// actor over the compound ("ambassadors of Arnor and Gondor", "Danish media and
/// government").
fn make_groups(s: &mut Sent<'_>, d: &LegacyDictionaries) {
    let n = s.up.len();
    s.group_at = vec![None; n + 1];
    s.group_end_at = vec![None; n + 1];
    let mut k = 0;
    while k < s.units.len() {
        let mut g = Group {
            start: s.units[k].start,
            end: s.units[k].end,
            units: vec![k],
        };
        while k + 1 < s.units.len() && compound_gap(&s.up[g.end..s.units[k + 1].start]) {
            k += 1;
            g.end = s.units[k].end;
            g.units.push(k);
        }
        spread(s, &g, d);
        let idx = s.groups.len();
        s.group_end_at[g.end] = Some(idx);
        for &u in &g.units {
            s.group_at[s.units[u].start] = Some(idx);
        }
        s.groups.push(g);
        k += 1;
    }
}

fn spread(s: &mut Sent<'_>, g: &Group, d: &LegacyDictionaries) {
    let first = s.units[g.units[0]].clone();
    for &u in &g.units[1..] {
        let unit = &mut s.units[u];
        if first.via_of && unit.agent.is_none() {
            if let (Some(b), Some(a)) = (unit.base.clone(), first.agent) {
                *unit = Unit::new(unit.start, unit.end, Some(b), Some(a), true, d);
            }
        } else if unit.base.is_none() && first.base.is_some() && !first.via_of {
            if let Some(a) = unit.agent {
                *unit = Unit::new(unit.start, unit.end, first.base.clone(), Some(a), false, d);
            }
        }
    }
}

fn dedup(events: &mut Vec<LegacyEvent>) {
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| seen.insert((e.source.clone(), e.target.clone(), e.code.clone())));
}
