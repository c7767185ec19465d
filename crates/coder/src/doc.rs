//! The [`Coder`]: documents in, events out.
//!
//! Thread-safe: a `Coder` is shared by reference between threads; each thread keeps its
//! own scratch buffers in a thread-local, so no allocation is repeated per sentence beyond
//! what the dictionaries return.

use crate::actors::{FOE, OCCUPIER, PLACE, USER};
use crate::engine::{Cand, Engine};
use crate::patterns::Patterns;
use crate::state::{is_country_code, ActorRef, DocState, Remembered};
use crate::view::{ActorSpan, CountSpan, PlaceSpan, SentView, TimeSpan, WeaponSpan};
use crate::{Actor, CoderError, Event, Fatalities, Location, Modality, Plover};
use rung_dict::{ActorKind, Dictionaries, PlaceKind};
use rung_parse::{Analysis, SyntaxModel};
use rung_text::{DocDate, Document, Segmenter, SentenceKind};
use std::cell::RefCell;

/// One coded document.
#[derive(Debug, Clone, Default)]
pub struct CodedDocument {
    /// The document date used (ISO), when known.
    pub doc_date: Option<String>,
    /// Byte spans of the sentences in the normalized text.
    pub sentences: Vec<[usize; 2]>,
    /// The events, in sentence order.
    pub events: Vec<Event>,
    /// How many sentences passed the pre-filter and were parsed.
    pub parsed: usize,
    /// How many of those were parsed a second time (a main verb the tagger had read as a
    /// participle).
    pub reparsed: usize,
}

/// Options for building a [`Coder`].
#[derive(Debug, Default)]
pub struct CoderBuilder {
    patterns: Option<(String, String)>,
    dicts: Option<Dictionaries>,
    doc_date: Option<DocDate>,
}

impl CoderBuilder {
    /// Use this pattern file instead of the built-in one.
    pub fn patterns(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.patterns = Some((name.into(), text.into()));
        self
    }

    /// Use these dictionaries instead of the built-in ones.
    pub fn dictionaries(mut self, d: Dictionaries) -> Self {
        self.dicts = Some(d);
        self
    }

    /// A document date used for every document that does not give its own.
    pub fn doc_date(mut self, d: DocDate) -> Self {
        self.doc_date = Some(d);
        self
    }

    /// Builds the coder, checking every pattern code against the codebook.
    ///
    /// # Errors
    /// A malformed pattern entry (file, line, entry), an unknown code, or a dictionary or
    /// model that fails to load.
    pub fn build(self) -> Result<Coder, CoderError> {
        let patterns = match &self.patterns {
            Some((n, t)) => Patterns::parse(n, t)?,
            None => Patterns::builtin()?,
        };
        let dicts = match self.dicts {
            Some(d) => d,
            None => Dictionaries::builtin()?,
        };
        patterns.check_codes(|c| dicts.codebook.get(c).is_some())?;
        let model = SyntaxModel::builtin()?;
        Ok(Coder {
            patterns,
            dicts,
            model,
            segmenter: Segmenter::new(),
            doc_date: self.doc_date,
        })
    }
}

/// Codes documents into events. Cheap to share between threads (`&Coder` is `Sync`).
pub struct Coder {
    patterns: Patterns,
    dicts: Dictionaries,
    model: &'static SyntaxModel,
    segmenter: Segmenter,
    doc_date: Option<DocDate>,
}

#[derive(Default)]
struct Scratch {
    collapse: crate::collapse::Collapse,
    view: SentView,
    analysis: Analysis,
    retry: Analysis,
    fixes: Vec<(usize, &'static str)>,
    cands: Vec<Cand>,
    state: DocState,
    /// Countries of the document's actors and their opponents (see `annotate`).
    theatre: Vec<String>,
    /// How many of the document's remembered actors `theatre` has read.
    theatre_read: usize,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Coder {
    /// The built-in dictionaries, model and patterns.
    ///
    /// # Errors
    /// See [`CoderBuilder::build`].
    pub fn builtin() -> Result<Coder, CoderError> {
        CoderBuilder::default().build()
    }

    /// A builder for options.
    pub fn builder() -> CoderBuilder {
        CoderBuilder::default()
    }

    /// The patterns in use.
    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    /// Versions of the dictionaries, patterns and model, for provenance.
    pub fn version(&self) -> String {
        format!(
            "{}+patterns-{:016x}+model-{}",
            self.dicts.version(),
            self.patterns.digest,
            model_version()
        )
    }

    /// Codes one document. `doc_date` overrides the date found in the document.
    pub fn code(&self, doc: &Document, doc_date: Option<DocDate>) -> CodedDocument {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.code_with(doc, doc_date, &mut s),
            // Re-entrant call (never happens in rung): use fresh buffers.
            Err(_) => self.code_with(doc, doc_date, &mut Scratch::default()),
        })
    }

    fn code_with(
        &self,
        doc: &Document,
        doc_date: Option<DocDate>,
        s: &mut Scratch,
    ) -> CodedDocument {
        let date = doc_date
            .or(self.doc_date)
            .or_else(|| rung_text::document_date(doc));
        // A dateline with no year takes the one year its weekday fits, if any.
        let date = date
            .map(|d| DocDate {
                year: rung_text::deduce_year(&doc.text, d),
                ..d
            })
            .filter(|d| d.year.is_some());
        let iso = date.map(|d| format!("{:04}-{:02}-{:02}", d.year.unwrap_or(0), d.month, d.day));
        let day = iso
            .as_deref()
            .filter(|d| !d.starts_with("0000"))
            .and_then(approximate_day);
        // Who held a role is who held it when the document was written ("Rubio" is the
        // Secretary of State in 2025, a senator before).
        let role_date = date.and_then(|d| d.year.map(|y| (y, d.month, d.day)));
        let text = doc.text.as_str();
        let sentences = self.segmenter.segment(text);
        s.state.clear();
        s.theatre.clear();
        s.theatre_read = 0;
        let mut forms: Vec<&str> = Vec::new();
        let mut pforms: Vec<&str> = Vec::new();
        let mut spans: Vec<[usize; 2]> = Vec::new();
        // A document with no running text at all (a terse monitor note, a feed item that is
        // one unpunctuated line) is coded from its heading lines; in an article they only
        // repeat the lede, so there they are not coded.
        let headings_are_body = !sentences.iter().any(|s| s.kind == SentenceKind::Body);
        let (mut parsed, mut reparsed) = (0, 0);
        for (si, sent) in sentences.iter().enumerate() {
            forms.clear();
            spans.clear();
            for t in &sent.tokens {
                forms.push(t.form(text));
                spans.push([t.start as usize, t.end as usize]);
            }
            // "South: AFU destroyed a crossing", "Zelensky: Russia struck ...": a short
            // label before a colon is no part of the clause, and parsed with it the clause
            // comes out wrong. The clause is parsed alone; a label naming an actor is whose
            // account it is.
            // "- June 1, 2022: Washington agrees to supply HIMARS": a timeline's date label
            // is parsed apart like any label, and dates the events of its line.
            let candidate = date_label(&forms);
            let label_date = (candidate > 0)
                .then(|| {
                    let (a, b) = (spans[0][0], spans[candidate - 2][1]);
                    rung_extract::find_times(text.get(a..b).unwrap_or(""), date)
                        .into_iter()
                        .find_map(|t| t.value)
                        .map(|v| v.0)
                })
                .flatten();
            let label = if label_date.is_some() {
                candidate
            } else {
                news_label(&forms)
            };
            let label_actor = (label > 0 && label_date.is_none())
                .then(|| self.dicts.actors.find_at(&forms[..label - 1], role_date))
                .and_then(|found| {
                    found
                        .into_iter()
                        .find(|a| a.country.is_some())
                        .map(|a| ActorRef {
                            text: forms[a.start..a.end].join(" "),
                            code: a.code,
                        })
                });
            // "Kherson: Russian troops shelled the city centre": a place as the label is
            // where it happened, so what was attacked there is of its country.
            let found = (label > 0)
                .then(|| self.dicts.places.find(&forms[..label - 1]))
                .and_then(|found| found.into_iter().next());
            let label_place = found.as_ref().map(|p| ActorRef {
                text: forms[p.start..p.end].join(" "),
                code: p.country.clone(),
            });
            // The label's place is the line's: where the events of its sentences happen
            // and whose police and crowds they are ("21 Sep - Moscow, St Petersburg: ...
            // Police detained 1,300 protesters."), until the next line.
            let new_line = si == 0
                || text
                    .get(sentences[si - 1].end..sent.start)
                    .is_none_or(|gap| gap.contains('\n'));
            if new_line {
                s.state.line_place = None;
                s.state.line_date = None;
            }
            if label_date.is_some() {
                s.state.line_date = label_date;
            }
            if let Some(p) = found {
                s.state.line_place = Some(PlaceSpan {
                    start: 0,
                    end: 0,
                    text: forms[p.start..p.end].join(" "),
                    country: Some(p.country.clone()),
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                    is_country: p.kind == PlaceKind::Country,
                });
            }
            forms.drain(..label);
            spans.drain(..label);
            let mut actors = self.dicts.actors.find_at(&forms, role_date);
            known_names(&forms, &mut actors, &mut s.state.names);
            acronyms(&forms, &mut actors, &mut s.state.names);
            ship_names(&forms, &mut actors);
            titled_names(&forms, &mut actors);
            let body = sent.kind == SentenceKind::Body
                || (headings_are_body && sent.kind == SentenceKind::Heading);
            // A pronoun can only stand for an actor (or an event) met in the last few
            // sentences, the window the resolver looks back over.
            let antecedent = s
                .state
                .actors
                .iter()
                .any(|r| si.saturating_sub(r.sentence) <= 3)
                || s.state
                    .events
                    .iter()
                    .any(|e| si.saturating_sub(e.sentence) <= 3);
            // (a war within one country, in the place named last: "militants killed nine
            // people in a village further north")
            let within = s
                .state
                .last_place
                .as_ref()
                .and_then(|p| p.country.as_deref())
                .is_some_and(|k| !self.dicts.conflicts.interstate(k, role_date));
            let placed = s.state.line_place.is_some() || within;
            if body && self.worth_parsing(&forms, &actors, antecedent, placed) {
                parsed += 1;
                // Multiword names are parsed as their head word (crate::collapse).
                s.collapse.plan(&forms, &actors);
                s.collapse.parsed_forms(&forms, &mut pforms);
                self.model
                    .analyse_forced(&pforms, &s.collapse.heads, &mut s.analysis);
                // "Russian artillery struck enemy positions near X[, the military said]":
                // the tagger read the main verb as a participle modifying what follows,
                // or a noun subject as an adjective ("Ukraine's military said"). The
                // sentence is re-parsed with those tags, and the new parse kept when the
                // re-tagged words then head a clause with a subject or are one.
                s.fixes.clear();
                if let Some(k) = garden_path_participle(&pforms, &s.analysis) {
                    s.fixes.push((k, "VBD"));
                    // ("Pakistan's military denied ...": the subject read as an adjective)
                    let adj = k.checked_sub(1).filter(|&j| {
                        s.analysis.upos(j) == rung_parse::Upos::Adj
                            && s.analysis.deprel(j) == "amod"
                    });
                    if let Some(j) = adj.filter(|_| s.analysis.xpos(k) == "JJ") {
                        s.fixes.push((j, "NN"));
                    }
                }
                if let Some(k) = headline_present_verb(&pforms, &s.analysis, &self.patterns)
                    .or_else(|| plural_subject_base_verb(&pforms, &s.analysis, &self.patterns))
                {
                    s.fixes.push((k, "VBD"));
                }
                adjective_subjects(&s.analysis, &mut s.fixes);
                hyphen_participles(&pforms, &s.analysis, &mut s.fixes);
                verb_read_as_noun(&pforms, &s.analysis, &mut s.fixes);
                // A capitalized word of a weapon's name is no verb ("delivered Storm Shadow
                // missiles"); "guided bombs" keeps its participle.
                let weapons = self.dicts.weapons.find(&forms);
                for w in &weapons {
                    // (a one-word name only in capitals: "A HIMARS strike destroyed")
                    let acronym =
                        |k: usize| forms[k].chars().filter(|c| c.is_uppercase()).count() > 1;
                    for k in (w.start..w.end).filter(|&k| w.end - w.start > 1 || acronym(k)) {
                        let Some(j) = s.collapse.parsed_index(k) else {
                            continue;
                        };
                        let name = forms[k].chars().next().is_some_and(char::is_uppercase);
                        // (nor a pronoun or a function word: "HIMARS" read as "HIS")
                        let misread = !matches!(
                            s.analysis.upos(j),
                            rung_parse::Upos::Noun
                                | rung_parse::Upos::Propn
                                | rung_parse::Upos::Adj
                                | rung_parse::Upos::Num
                        );
                        if name && misread {
                            s.fixes.push((j, "NNP"));
                        }
                    }
                }
                // A one-word agent noun is no function word: sentence-initial "Gunmen",
                // unknown to the tagger, read as an auxiliary.
                for a in actors
                    .iter()
                    .filter(|a| a.kind == ActorKind::Agent && a.end == a.start + 1)
                {
                    let Some(j) = s.collapse.parsed_index(a.start) else {
                        continue;
                    };
                    let misread = matches!(
                        s.analysis.upos(j),
                        rung_parse::Upos::Aux
                            | rung_parse::Upos::Adp
                            | rung_parse::Upos::Det
                            | rung_parse::Upos::Pron
                            | rung_parse::Upos::Cconj
                            | rung_parse::Upos::Sconj
                            | rung_parse::Upos::Part
                    );
                    if misread {
                        let w = forms[a.start].to_lowercase();
                        let plural = w.ends_with('s') || w.ends_with("men");
                        s.fixes.push((j, if plural { "NNS" } else { "NN" }));
                    }
                }
                if !s.fixes.is_empty() {
                    s.fixes.extend_from_slice(&s.collapse.heads);
                    self.model.analyse_forced(&pforms, &s.fixes, &mut s.retry);
                    reparsed += 1;
                    let r = &s.retry;
                    let better = s.fixes.iter().all(|&(k, tag)| match tag {
                        "VBD" | "VBZ" => (0..r.len())
                            .any(|j| r.head(j) == Some(k) && r.deprel(j).starts_with("nsubj")),
                        "NN" => r.deprel(k).starts_with("nsubj"),
                        _ => true,
                    });
                    if better {
                        std::mem::swap(&mut s.analysis, &mut s.retry);
                    }
                }
                s.view.load(&forms, &spans, &s.collapse.expand(&s.analysis));
                crate::repair::repair(&mut s.view);
                let start = spans.first().map_or(sent.start, |x| x[0]);
                // Places of one name in several countries: read in the theatre of the
                // document's actors (a village of the Donbas, not of Georgia).
                // Grown as the document names actors: each remembered actor is read once.
                let named = actors.iter().filter_map(|a| a.country.as_deref()).chain(
                    s.state.actors[s.theatre_read.min(s.state.actors.len())..]
                        .iter()
                        .map(|r| r.actor.country()),
                );
                for c in named {
                    for x in std::iter::once(c).chain(self.dicts.conflicts.opponents(c, day)) {
                        if !s.theatre.iter().any(|t| t == x) {
                            s.theatre.push(x.to_string());
                        }
                    }
                }
                s.theatre_read = s.state.actors.len();
                self.annotate(
                    &mut s.view,
                    &forms,
                    &actors,
                    &weapons,
                    &s.theatre,
                    s.state.last_place.as_ref(),
                    text,
                    start,
                    date,
                );
                s.cands.clear();
                let engine = Engine { p: &self.patterns };
                engine.code(&s.view, &s.state, si, &mut s.cands);
                let speaker = engine.speaker(&s.view, &s.state, si);
                if let Some(p) = &label_place {
                    for c in s.cands.iter_mut().filter(|c| c.tgt.is_none()) {
                        let violent = matches!(c.code.get(..2), Some("18" | "19" | "20"));
                        if violent && c.src.as_ref().is_some_and(|a| a.country() != p.code) {
                            c.tgt = Some(p.clone());
                        }
                    }
                }
                if let Some(d) = &s.state.line_date {
                    // "overnight", "on Friday" in the clause count from the label's day,
                    // not the document's: only a written date ("on 18 Sep") overrides it.
                    let v = &s.view;
                    let written = v.times.iter().any(|t| {
                        v.forms
                            .get(t.start..t.end)
                            .unwrap_or_default()
                            .iter()
                            .any(|f| f.bytes().any(|b| b.is_ascii_digit()))
                    });
                    for c in s.cands.iter_mut().filter(|c| c.date.is_none() || !written) {
                        c.date = Some(d.clone());
                    }
                }
                if let Some(a) = &label_actor {
                    for c in s.cands.iter_mut().filter(|c| c.attribution.is_none()) {
                        c.attribution = Some(a.clone());
                        if c.modality == Modality::Asserted {
                            c.modality = Modality::Reported;
                        }
                    }
                }
                self.resolve(
                    doc,
                    si,
                    [sent.start, sent.end],
                    text,
                    &s.view,
                    &mut s.cands,
                    &mut s.state,
                    iso.as_deref(),
                );
                remember(&s.view, &mut s.state, si, date.is_none());
                if speaker.is_some() {
                    s.state.speaker = speaker;
                }
            } else {
                self.remember_shallow(&forms, &actors, &mut s.state, si, text, sent.start, date);
            }
        }
        infer_sides(&mut s.state.events, &mut s.state.sourceless);
        CodedDocument {
            doc_date: iso,
            sentences: sentences.iter().map(|x| [x.start, x.end]).collect(),
            events: std::mem::take(&mut s.state.events),
            parsed,
            reparsed,
        }
    }

    /// The cheap pre-filter: an event word and someone who could do it (an actor with a
    /// country named in the sentence, a pronoun or bare agent when there is an `antecedent`
    /// for it to stand for or attach to, a bare agent or a weapon beside a place (or on a
    /// line whose label names one: `placed`), or a place "under" attack).
    fn worth_parsing(
        &self,
        forms: &[&str],
        actors: &[rung_dict::ActorMention],
        antecedent: bool,
        placed: bool,
    ) -> bool {
        let mut trigger = false;
        let mut pronoun = false;
        let mut under = false;
        let mut armed = false;
        let mut lower = String::new();
        for f in forms {
            under |= *f == "under";
            lower.clear();
            lower.extend(f.chars().flat_map(char::to_lowercase));
            if !armed {
                armed = self.patterns.arm(&lower).is_some()
                    || self.patterns.theme(&lower) == Some(crate::patterns::Theme::Military);
            }
            if self.patterns.trigger_lemma(&lower).is_some()
                || matches!(lower.as_str(), "using" | "used" | "use" | "uses")
                // (the threats of a response: `Engine::response_threat`)
                || matches!(
                    lower.as_str(),
                    "response"
                        | "retaliation"
                        | "consequences"
                        | "retribution"
                        | "unanswered"
                        | "respond"
                        | "retaliate"
                        | "react"
                )
                // (the charge of taking part in a war, and what something would be taken
                // for: `Engine::direct_involvement`)
                || matches!(
                    lower.as_str(),
                    "involvement"
                        | "participation"
                        | "participant"
                        | "participants"
                        | "party"
                        | "target"
                        | "targets"
                        | "provocation"
                        | "escalation"
                        | "aggression"
                        | "belligerent"
                        | "belligerents"
                        | "co-belligerent"
                        | "co-belligerents"
                        | "combatants"
                        // (`Engine::warned_against`; "warn" has patterns of its own)
                        | "cautioned"
                        | "cautions"
                )
            {
                trigger = true;
            }
            // (and the definite nouns that stand for an actor named before: "the ministry")
            if crate::actors::is_pronoun(&lower)
                || matches!(
                    lower.as_str(),
                    "ministry"
                        | "alliance"
                        | "bloc"
                        | "agency"
                        | "embassy"
                        | "secretary"
                        | "minister"
                        | "president"
                )
            {
                pronoun = true;
            }
        }
        // An event needs a side with a country: an actor that has one, or a pronoun or a
        // bare agent ("the strike killed 12 civilians", "troops") that can only get one
        // from an earlier sentence.
        // A bare agent may also take the country of a place in its phrase ("the mayor of
        // Serhiyivka"); the gazetteer is only asked when that is all there is.
        let country = actors.iter().any(|a| a.country.is_some());
        let bare = !actors.is_empty();
        trigger
            && (country
                || ((pronoun || bare) && antecedent)
                || ((bare || under || armed)
                    && (placed || !self.dicts.places.find(forms).is_empty())))
    }

    #[allow(clippy::too_many_arguments)]
    fn annotate(
        &self,
        v: &mut SentView,
        forms: &[&str],
        actors: &[rung_dict::ActorMention],
        weapons: &[rung_dict::WeaponMention],
        theatre: &[String],
        last_place: Option<&PlaceSpan>,
        text: &str,
        sent_start: usize,
        date: Option<DocDate>,
    ) {
        for a in actors {
            v.actors.push(ActorSpan {
                start: a.start,
                end: a.end,
                code: a.code.clone(),
                country: a.country.clone(),
                media: a.kind == ActorKind::Media,
                person: is_person(a, forms),
            });
        }
        for w in weapons {
            v.weapons.push(WeaponSpan {
                start: w.start,
                end: w.end,
                name: w.weapon.name.clone(),
            });
        }
        let preferred: Vec<&str> = theatre.iter().map(String::as_str).collect();
        let ship = |k: usize| {
            actors
                .iter()
                .any(|a| SHIP_PREFIXES.contains(&forms[a.start]) && a.start < k && k < a.end)
        };
        let found = self.dicts.places.find_with_context(forms, &preferred);
        let in_place = |k: usize| found.iter().any(|p| p.start <= k && k < p.end);
        // "Mohammed Ali al-Houthi": a one-word town joined by `flat` to a name that is no
        // place is a part of a person's name, when the town lies outside the theatre of
        // the document's actors (a village "Ali" in India). Inside it ("Alexei Popov"
        // beside Russian actors) it is kept: there the name's country is usually the
        // person's too.
        let name_part = |p: &rung_dict::PlaceMention| {
            let w = p.start;
            let other_name = |k: usize| v.upos[k] == rung_parse::Upos::Propn && !in_place(k);
            p.end == w + 1
                && p.kind != PlaceKind::Country
                && !preferred.contains(&p.country.as_str())
                && (v
                    .parent(w)
                    .is_some_and(|h| v.rel(w) == "flat" && other_name(h))
                    || v.kids(w)
                        .iter()
                        .any(|&k| v.rel(k) == "flat" && other_name(k)))
        };
        // "Marco Rubio", "Lloyd Austin": a place inside a known person's name is the name.
        let in_person = |p: &rung_dict::PlaceMention| {
            actors
                .iter()
                .any(|a| a.kind == ActorKind::Person && a.start <= p.start && p.end <= a.end)
        };
        let skip: Vec<bool> = found
            .iter()
            .map(|p| ship(p.start) || name_part(p) || in_person(p))
            .collect();
        for (p, skip) in found.iter().zip(skip) {
            if skip {
                continue;
            }
            v.places.push(PlaceSpan {
                start: p.start,
                end: p.end,
                text: v.phrase(p.start, p.end),
                country: Some(p.country.clone()),
                lat: Some(p.lat),
                lon: Some(p.lon),
                is_country: p.kind == PlaceKind::Country,
            });
        }
        // "killed 31 civilians in the region", "the city's mayor": a definite place noun
        // that names no place stands for the last place of the sentence before it, or of
        // the document.
        for k in 1..forms.len() {
            let kind = matches!(
                forms[k],
                "region" | "city" | "town" | "village" | "oblast" | "province" | "district"
            );
            if !kind
                || !forms[k - 1].eq_ignore_ascii_case("the")
                || forms.get(k + 1).is_some_and(|f| *f == "of")
                || v.places.iter().any(|p| p.start <= k && k < p.end)
            {
                continue;
            }
            let before = v
                .places
                .iter()
                .rfind(|p| !p.is_country && p.end <= k)
                .or(last_place)
                .cloned();
            if let Some(p) = before {
                v.places.push(PlaceSpan {
                    start: k - 1,
                    end: k + 1,
                    ..p
                });
            }
        }
        let send = v.spans.last().map(|s| s[1]).unwrap_or(sent_start);
        let stext = text.get(sent_start..send).unwrap_or("");
        let word_of = |v: &SentView, b: usize, e: usize| -> Option<(usize, usize)> {
            let (b, e) = (b + sent_start, e + sent_start);
            let s = v.spans.iter().position(|sp| sp[1] > b)?;
            let en = v.spans.iter().rposition(|sp| sp[0] < e)?;
            (s <= en).then_some((s, en + 1))
        };
        for t in rung_extract::find_times(stext, date) {
            let Some(val) = t.value else { continue };
            if let Some((s, e)) = word_of(v, t.start, t.end) {
                let raw = stext.get(t.start..t.end).unwrap_or("");
                let absolute = raw
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|d| d.len() == 4);
                v.times.push(TimeSpan {
                    start: s,
                    end: e,
                    value: val.0,
                    absolute,
                });
            }
        }
        for q in rung_extract::find_quantities(stext) {
            if q.kind != rung_extract::QuantityKind::Count || q.vague {
                continue;
            }
            let (Some(min), max) = (q.min.or(q.max), q.max.or(q.min)) else {
                continue;
            };
            let max = max.unwrap_or(min);
            if let Some((s, e)) = word_of(v, q.start, q.end) {
                v.counts.push(CountSpan {
                    start: s,
                    end: e,
                    min: min as u64,
                    max: max as u64,
                });
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        doc: &Document,
        si: usize,
        span: [usize; 2],
        text: &str,
        v: &SentView,
        cands: &mut Vec<Cand>,
        st: &mut DocState,
        iso: Option<&str>,
    ) {
        let stext = text.get(span[0]..span[1]).unwrap_or("");
        // Narrative time: the last absolute time before this sentence, or earlier in it.
        let narrative = st.narrative.clone();
        let fallback = |trigger: usize| -> Option<String> {
            if let Some(d) = iso {
                return Some(d.to_string());
            }
            v.times
                .iter()
                .rfind(|t| t.absolute && t.end <= trigger)
                .map(|t| t.value.clone())
                .or_else(|| narrative.clone())
        };
        let mut fresh: Vec<Event> = Vec::new();
        let mut todo = std::mem::take(cands);
        let mut next = 0;
        while let Some(c) = todo.get(next).cloned() {
            next += 1;
            if c.anaphor {
                attach(st, si, &c, v);
                continue;
            }
            let Some(info) = self.dicts.codebook.get(&c.code) else {
                continue;
            };
            let date = c.date.clone().or_else(|| fallback(c.trigger));
            let mut c = c;
            // A line's labelled place, when the clause names none.
            let at = c.location.and_then(|i| v.places.get(i));
            self.sides(
                &mut c,
                v,
                at.or(st.line_place.as_ref()),
                v.places.last().or(st.last_place.as_ref()),
                date.as_deref(),
                st.speaker.as_deref(),
            );
            // (the sides as resolved: "the dictator in Tehran" has Iran's country only now)
            if let Some(accusation) = crate::engine::told_as_deliberate(v, &c) {
                todo.push(accusation);
            }
            let place = at.or(st.line_place.as_ref().filter(|p| !p.is_country));
            let e = Event {
                doc: doc.name.clone(),
                sentence: si,
                span,
                text: stext.to_string(),
                date,
                source: c.src.as_ref().map(actor),
                target: c.tgt.as_ref().map(actor),
                cameo: c.code.clone(),
                goldstein: info.goldstein,
                quad: info.quad,
                plover: Plover {
                    kind: info.plover_type.clone(),
                    mode: info.plover_mode.clone(),
                },
                weapons: c.weapons.clone(),
                location: place.map(|p| Location {
                    text: p.text.clone(),
                    country: p.country.clone(),
                    lat: p.lat,
                    lon: p.lon,
                }),
                fatalities: c.fatalities.map(|(min, max)| Fatalities { min, max }),
                modality: c.modality,
                attribution: c.attribution.as_ref().map(actor),
                trigger: v.spans.get(c.trigger).copied(),
            };
            // An actor does not speak, appeal, yield or cooperate to itself: a statement whose
            // target is its own source ("said their results would not be recognised", with
            // "their" taken for the speaker) is a misreading. Arrests and violence within
            // one side are real ("police detained a police officer").
            let reflexive = e.source.is_some()
                && e.source.as_ref().map(|a| &a.code) == e.target.as_ref().map(|a| &a.code);
            if reflexive && !matches!(e.cameo.get(..2), Some("17" | "18" | "19" | "20")) {
                continue;
            }
            if e.source.is_none() {
                // "The hospital was struck": kept aside until the document shows who
                // fights the target's country (infer_sides).
                let violent = matches!(e.cameo.get(..2), Some("18" | "19" | "20"));
                let attacked = country(&e.target)
                    .filter(|c| is_country_code(c))
                    .map(str::to_string)
                    .or_else(|| e.location.as_ref().and_then(|l| l.country.clone()));
                if let Some(country) = attacked.filter(|_| violent) {
                    let means = !matches!(
                        v.lemma.get(c.trigger).map(String::as_str),
                        Some("kill" | "die" | "dead" | "death" | "wound" | "injure")
                    );
                    st.sourceless.push((e, country, means));
                }
                continue;
            }
            merge_into(&mut fresh, e);
        }
        // (the buffer goes back for the next sentence)
        todo.clear();
        *cands = todo;
        // A quote or a follow-up that restates an event of the last two sentences ("Ukrainian
        // troops fired eight shells at X, the office said. 'Ukrainian formations fired eight
        // shells at X,' it said.") is the same event: same code, sides and date, and nothing
        // the earlier one lacks (no other toll, weapon or place), told with the same verb.
        // A restatement with no time of its own ("'... fired at the district,' the
        // mission said") took the document's date; it is still the dated event before it.
        // A line of a dated log is dated by its label, even with no time in its clause.
        let undated = v.times.is_empty() && st.line_date.is_none();
        fresh.retain(|e| {
            !st.events
                .iter()
                .rev()
                .take_while(|o| si.saturating_sub(o.sentence) <= 2)
                .any(|o| {
                    // The same code; or the generic code of the same root at the same named
                    // place ("fired at the districts of Donetsk", 190, restating "fired 25
                    // shells at Donetsk", 194).
                    let loc = |x: &Event| x.location.as_ref().map(|l| l.text.clone());
                    let generic = e.cameo.len() == 3
                        && e.cameo.ends_with('0')
                        && o.cameo.get(..2) == e.cameo.get(..2)
                        && loc(e).is_some()
                        && loc(o) == loc(e);
                    // Told with a word of the same family ("fired" / "fired", "struck" /
                    // "strike"), not a different act ("launched an offensive" / "struck").
                    let word = |x: &Event| {
                        x.trigger
                            .and_then(|[a, b]| text.get(a..b))
                            .map(|w| w.get(..3).unwrap_or(w).to_ascii_lowercase())
                    };
                    (o.cameo == e.cameo || generic)
                        && word(o) == word(e)
                        && country(&o.source) == country(&e.source)
                        && country(&o.target) == country(&e.target)
                        && (o.date == e.date || undated)
                        && (e.fatalities.is_none() || o.fatalities == e.fatalities)
                        && e.weapons.iter().all(|w| o.weapons.contains(w))
                        && (o.location.is_none()
                            || e.location.is_none()
                            || o.location.as_ref().map(|l| &l.text)
                                == e.location.as_ref().map(|l| &l.text))
                })
        });
        st.events.extend(fresh);
    }

    /// Resolves "the invaders" and "the enemy" (placeholder sides, see
    /// [`crate::actors::OCCUPIER`]) against the conflicts table: the occupier of the country
    /// the other side, the place or the speaker belongs to; the enemy of the speaker, else
    /// of the other side, else of the place's country. A side that stays unknown is
    /// dropped (an event without its source is then not emitted).
    fn sides(
        &self,
        c: &mut Cand,
        v: &SentView,
        at: Option<&PlaceSpan>,
        last_place: Option<&PlaceSpan>,
        date: Option<&str>,
        doc_speaker: Option<&str>,
    ) {
        let placeholder =
            |a: &Option<ActorRef>| a.as_ref().is_some_and(|a| a.code.starts_with('~'));

        let real = |a: &Option<ActorRef>| {
            a.as_ref()
                .map(|a| a.country().to_string())
                .filter(|k| !k.starts_with('~') && !k.starts_with('-'))
        };
        let day = date.and_then(approximate_day);
        let violent = matches!(c.code.get(..2), Some("18" | "19" | "20"));
        let place = at.and_then(|p| p.country.clone());
        // The country of a war within one country that this act of violence is part of:
        // the country of its place, else of the last place named before it (only when the
        // sentence names no other country: not in "Indian shelling on the Pakistani side
        // killed five people"), when that country fights no other state (conflicts.tsv).
        let before = last_place.and_then(|p| p.country.clone()).filter(|t| {
            !v.actors.iter().any(|a| {
                a.country
                    .as_deref()
                    .is_some_and(|k| is_country_code(k) && k != t)
            })
        });
        let home = place
            .clone()
            .or(before)
            .filter(|p| violent && !self.dicts.conflicts.interstate(p, day));
        // The place named as occupied ("the occupied town of Tokmak", "Russian-occupied
        // Melitopol"): a word "occupied" shortly before it, in the same phrase.
        let occupied = c.location.and_then(|i| v.places.get(i)).is_some_and(|p| {
            (p.start.saturating_sub(5)..p.start)
                .rev()
                .take_while(|&k| v.forms[k] != ",")
                .any(|k| v.lower[k] == "occupied" || v.lower[k].ends_with("-occupied"))
        });
        let speaker = real(&c.attribution);
        let origins: Vec<String> = c
            .weapons
            .iter()
            .filter_map(|w| self.dicts.weapons.get(w))
            .map(|w| w.origin.clone())
            .filter(|o| !o.is_empty())
            .collect();
        // (a source that is no state body: rebels, militias, gunmen)
        let non_state_src = c
            .src
            .as_ref()
            .is_some_and(|a| crate::actors::non_state_armed(&a.code));
        let resolve = |who: &ActorRef, other: Option<String>, target: bool| -> Option<ActorRef> {
            let (prefix, role) = who.code.split_at(3);
            let conflicts = &self.dicts.conflicts;
            // The speaker's enemy may fight on the speaker's ground ("the enemy shelled
            // Horlivka", says its Russian-installed mayor); otherwise a side resolved to the
            // other side's own country is a misreading and is dropped.
            let (side, own_ground) = if prefix == PLACE {
                // only those an act of violence was done to ("urged citizens not to
                // fight in Ukraine" are not Ukraine's)
                // (or arrested, held: "police detained 300 protesters in Moscow", where
                // the arrested may be the police's own people)
                let coerced = c.code.starts_with("17");
                // (and, as a source, those who protest there: "demonstrators rallied in
                // Tbilisi against the law")
                let protest = !target && c.code.starts_with("14");
                // In a country that fights no other state, violence there is within it:
                // armed groups of no country are its own, as attackers or attacked
                // ("militants killed 15 people in Djibo"), and so are those they, or its
                // forces, strike. Where states fight, gunmen of no country are no one's.
                let armed = crate::actors::non_state_armed(role);
                let done_to = target && (violent || coerced);
                // (those a non-state group or the country's own forces strike there are
                // the country's, even where the sentence names no place: "militants
                // killed 15 people at a church in a village in the north")
                let within =
                    home.is_some() && (non_state_src || other.as_deref() == home.as_deref());
                let side = if armed {
                    home.as_deref()
                } else {
                    place
                        .as_deref()
                        .filter(|_| done_to || protest)
                        .or(home.as_deref().filter(|_| done_to && within))
                };
                (side?, coerced || protest || within)
            } else if prefix == OCCUPIER {
                let side = [other.clone(), place.clone(), speaker.clone()]
                    .into_iter()
                    .flatten()
                    .find_map(|d| conflicts.invader_of(&d, day))?;
                (side, false)
            } else if prefix == USER {
                // "a HIMARS strike destroyed a depot in the occupied town of Tokmak": the
                // side struck there is the occupier.
                let held = place.clone().map(|p| match occupied {
                    true => conflicts.invader_of(&p, day).map_or(p, str::to_string),
                    false => p,
                });
                let struck: Vec<String> = [other.clone(), held].into_iter().flatten().collect();
                let maker = origins.iter().find(|o| {
                    if struck.is_empty() {
                        conflicts.opponents(o, day).next().is_some()
                    } else {
                        struck
                            .iter()
                            .any(|d| conflicts.opponents(d, day).any(|x| x == o.as_str()))
                    }
                });
                let side = maker
                    .map(String::as_str)
                    .or_else(|| struck.iter().find_map(|d| conflicts.enemy_of(d, day)))
                    .or_else(|| speaker.as_deref().and_then(|d| conflicts.enemy_of(d, day)))
                    .or_else(|| doc_speaker.and_then(|d| conflicts.enemy_of(d, day)))?;
                (side, false)
            } else if prefix == FOE {
                // (a target: sources of this prefix are resolved below) the one enemy of
                // the side that acted on it; in a war within one country, its own
                // ("rebels repelled an assault by government troops near Mandalay"; not
                // when a state body acts: "the army intercepted a drone over Vilnius")
                let internal = home.as_deref().filter(|_| non_state_src);
                (
                    other
                        .as_deref()
                        .and_then(|o| conflicts.enemy_of(o, day))
                        .or(internal)?,
                    internal.is_some(),
                )
            } else if let Some(e) = speaker.as_deref().and_then(|d| conflicts.enemy_of(d, day)) {
                (e, true)
            } else {
                // (in a report's unattributed sentences, the enemy of the one who spoke
                // last: "Yesterday the enemy launched two missile strikes")
                let side = [other.clone(), place.clone()]
                    .into_iter()
                    .flatten()
                    .find_map(|d| conflicts.enemy_of(&d, day))
                    .or_else(|| doc_speaker.and_then(|d| conflicts.enemy_of(d, day)))?;
                (side, false)
            };
            (own_ground || other.as_deref() != Some(side)).then(|| ActorRef {
                text: who.text.clone(),
                code: format!("{side}{role}"),
            })
        };
        let foe = c.src.as_ref().is_some_and(|s| s.code.starts_with(FOE));
        if placeholder(&c.src) && !foe {
            c.src = c.src.as_ref().and_then(|s| resolve(s, real(&c.tgt), false));
        }
        if placeholder(&c.tgt) {
            c.tgt = c.tgt.as_ref().and_then(|t| resolve(t, real(&c.src), true));
        }
        if foe {
            // Forces of no stated country fighting a side's forces are that side's enemy.
            let force = matches!(c.code.get(..2), Some("17" | "18" | "19" | "20"));
            let fought = c
                .tgt
                .as_ref()
                .filter(|t| force && t.code.ends_with("MIL"))
                .map(|t| t.country().to_string());
            // Else, in a report by a side at war ("air defence units shot down 71 drones",
            // says the General Staff), they are the speaker's own.
            let conflicts = &self.dicts.conflicts;
            let own = speaker
                .as_deref()
                .or(doc_speaker)
                .filter(|k| force && conflicts.opponents(k, day).next().is_some())
                .filter(|k| real(&c.tgt).as_deref() != Some(*k));
            c.src = match (fought, c.src.as_ref()) {
                (Some(t), Some(s)) => conflicts.enemy_of(&t, day).map(|e| ActorRef {
                    text: s.text.clone(),
                    code: format!("{e}MIL"),
                }),
                // (named forces only: an agentless passive's killer is no one's own)
                // (in a country that fights no other state, the forces of the country it
                // happens in: "army drone strikes near Gao killed several fighters",
                // "soldiers shot dead three protesters in Nairobi")
                (None, Some(s)) if !s.text.is_empty() => own
                    .map(str::to_string)
                    .or_else(|| home.clone().filter(|_| force))
                    .map(|k| ActorRef {
                        text: s.text.clone(),
                        code: format!("{k}MIL"),
                    }),
                _ => None,
            };
        }
        if placeholder(&c.attribution) {
            c.attribution = None;
        }
        // A violent event with no target but a place: those it was done to are of the
        // place's country ("Russian attacks near Marinka" targets Ukraine), unless that is
        // the attacker's own country, where the target is who occupies it, if anyone
        // ("Ukrainian strikes near Melitopol" target Russia).

        // So is a place attacked in the attacker's own country ("Ukrainian troops fired
        // shells at Donetsk"): the target is who holds it, if the table says anyone does.
        if violent {
            let own_place = c
                .tgt
                .as_ref()
                .is_some_and(|t| t.code.len() == 3 && real(&c.src).as_deref() == Some(t.country()));
            if own_place {
                let occupier = c
                    .tgt
                    .as_ref()
                    .and_then(|t| self.dicts.conflicts.invader_of(t.country(), day));
                if let (Some(o), Some(t)) = (occupier, c.tgt.as_mut()) {
                    t.code = o.to_string();
                }
            }
        }
        if violent && c.tgt.is_none() {
            if let (Some(p), Some(src)) = (at, real(&c.src)) {
                if let Some(l) = p.country.as_deref() {
                    let side = if l == src {
                        self.dicts
                            .conflicts
                            .invader_of(l, day)
                            .filter(|x| *x != src)
                    } else {
                        Some(l)
                    };
                    c.tgt = side.map(|x| ActorRef {
                        text: p.text.clone(),
                        code: x.to_string(),
                    });
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn remember_shallow(
        &self,
        forms: &[&str],
        actors: &[rung_dict::ActorMention],
        st: &mut DocState,
        si: usize,
        text: &str,
        start: usize,
        date: Option<DocDate>,
    ) {
        for (k, a) in actors.iter().enumerate() {
            if let Some(c) = &a.country {
                st.actors.push(Remembered {
                    actor: ActorRef {
                        text: forms[a.start..a.end].join(" "),
                        code: a.code.clone(),
                    },
                    subject: k == 0,
                    country_like: a.role.is_empty() && a.kind != ActorKind::Media && c.len() == 3,
                    sentence: si,
                    person: is_person(a, forms),
                });
            }
        }
        for w in self.dicts.weapons.find(forms) {
            st.weapons.push((w.weapon.name.clone(), si));
        }
        // Who speaks ("Fighting continued ..., the General Staff said"): the actor nearest
        // before the verb of speech, else the first after it.
        let speech = forms
            .iter()
            .position(|f| self.patterns.is_speech_form(&f.to_ascii_lowercase()));
        if let Some(p) = speech {
            let country = |a: &&rung_dict::ActorMention| {
                a.country
                    .as_deref()
                    .is_some_and(crate::state::is_country_code)
            };
            let who = actors
                .iter()
                .filter(|a| a.end <= p)
                .rfind(country)
                .or_else(|| actors.iter().filter(|a| a.start > p).find(country));
            if let Some(c) = who.and_then(|a| a.country.clone()) {
                st.speaker = Some(c);
            }
        }
        if date.is_none() && !forms.is_empty() {
            let end = text
                .len()
                .min(start + forms.iter().map(|f| f.len() + 1).sum::<usize>() + 8);
            let stext = text.get(start..end).unwrap_or("");
            for t in rung_extract::find_times(stext, None) {
                let raw = stext.get(t.start..t.end).unwrap_or("");
                if raw
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|d| d.len() == 4)
                {
                    if let Some(v) = t.value {
                        advance_narrative(&mut st.narrative, v.0);
                    }
                }
            }
        }
    }
}

/// Past forms that are also participles, beyond the regular "-ed" ones.
/// Whether a lowercase word has the form of a past tense or participle.
fn past_form(w: &str) -> bool {
    w.ends_with("ed") || IRREGULAR_PAST.contains(&w)
}

const IRREGULAR_PAST: &[&str] = &[
    "struck", "hit", "shot", "fought", "held", "led", "lost", "sent", "left", "made", "met",
    "brought", "caught", "built", "kept", "laid", "told", "won", "cut", "set", "put", "hurt",
    "spent", "paid", "bought", "found", "heard", "burnt", "dealt", "shut", "fled", "beat",
];

/// A capitalized word that can be part of a person's name: "Fidan", "Saree", "al-Houthi";
/// not an acronym ("AFU"), a weekday or a month.
fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    first_upper
        && w.chars().count() >= 2
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !matches!(
            w,
            "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "The"
                | "On"
                | "In"
                | "At"
                | "And"
                | "But"
                | "Mr"
                | "Mrs"
                | "Ms"
        )
}

/// Whether word `k` lies inside one of `actors`' mentions.
fn covered(actors: &[rung_dict::ActorMention], k: usize) -> bool {
    actors.iter().any(|a| a.start <= k && k < a.end)
}

/// "South Korea's Joint Chiefs of Staff (JCS) said ...": an acronym no dictionary knows,
/// in brackets right after an actor's name, stands for that actor later in the document
/// ("The JCS condemned the launch").
fn acronyms(
    forms: &[&str],
    actors: &mut Vec<rung_dict::ActorMention>,
    names: &mut Vec<(String, rung_dict::ActorMention)>,
) {
    let acronym = |w: &str| {
        (2..=6).contains(&w.len())
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
    };
    let mut found = Vec::new();
    for (k, &w) in forms.iter().enumerate() {
        if !acronym(w) || covered(actors, k) {
            continue;
        }
        if let Some((_, m)) = names.iter().rev().find(|(n, _)| n == w) {
            let mut m = m.clone();
            (m.start, m.end) = (k, k + 1);
            found.push(m);
        }
    }
    let learned: Vec<_> = actors
        .iter()
        .filter(|a| a.country.is_some())
        .filter_map(|a| {
            let w = *forms.get(a.end + 1)?;
            (forms[a.end] == "("
                && forms.get(a.end + 2) == Some(&")")
                && acronym(w)
                && !covered(actors, a.end + 1))
            .then(|| (w.to_string(), a.clone()))
        })
        .collect();
    names.extend(learned);
    if !found.is_empty() {
        actors.extend(found);
        actors.sort_by_key(|a| a.start);
    }
}

/// Names met beside a role stand for that actor later in the document. "Turkish Foreign
/// Minister Hakan Fidan hosted ..." (role, then name) or "Yahya Saree, the Houthi military
/// spokesman, said" (name, then the role in apposition): the role's mention is widened over
/// the name, and a later "Fidan" or "Saree" is that actor. Names already in the dictionary
/// keep their own entry.
fn known_names(
    forms: &[&str],
    actors: &mut Vec<rung_dict::ActorMention>,
    names: &mut Vec<(String, rung_dict::ActorMention)>,
) {
    use rung_dict::ActorKind;
    // Later mentions of a remembered surname.
    for k in 0..forms.len() {
        if covered(actors, k) || !name_word(forms[k]) {
            continue;
        }
        if let Some((_, m)) = names.iter().rev().find(|(n, _)| n == forms[k]) {
            // A first name before the surname belongs to the mention.
            let start = if k > 0 && name_word(forms[k - 1]) && !covered(actors, k - 1) {
                k - 1
            } else {
                k
            };
            let mut m = m.clone();
            (m.start, m.end) = (start, k + 1);
            actors.push(m);
        }
    }
    actors.sort_by_key(|a| a.start);
    // Only a role one person holds names a person ("Kremenchuk, the Russian Defence
    // Ministry said" names no one).
    let role = |a: &rung_dict::ActorMention| {
        a.country.is_some()
            && is_person(a, forms)
            && !a.role.is_empty()
            && !matches!(
                a.kind,
                ActorKind::Country | ActorKind::Demonym | ActorKind::Seat | ActorKind::Person
            )
    };
    let mut learned = Vec::new();
    for (ai, a) in actors.iter().enumerate() {
        if !role(a) {
            continue;
        }
        let free = |k: usize| !covered(actors, k) && name_word(forms[k]);
        // Role, then name: "Foreign Minister Hakan Fidan".
        let mut end = a.end;
        while end < forms.len() && end < a.end + 3 && free(end) {
            end += 1;
        }
        if end > a.end {
            learned.push((ai, a.start, end, forms[end - 1]));
            continue;
        }
        // Name, then the role in apposition: "Yahya Saree, the Houthi military spokesman".
        let mut r = a.start;
        if r > 0 && matches!(forms[r - 1], "the" | "a" | "an") {
            r -= 1;
        }
        if r >= 2 && forms[r - 1] == "," && free(r - 2) {
            let mut start = r - 2;
            while start > 0 && start + 3 > r - 1 && free(start - 1) {
                start -= 1;
            }
            learned.push((ai, start, a.end, forms[r - 2]));
        }
    }
    for (ai, start, end, surname) in learned {
        let m = &mut actors[ai];
        if start < m.start {
            // Apposition: the name is its own mention of the same actor.
            let mut n = m.clone();
            let comma = m.start - usize::from(matches!(forms[m.start - 1], "the" | "a" | "an"));
            (n.start, n.end) = (start, comma - 1);
            names.push((surname.to_string(), n.clone()));
            actors.push(n);
        } else {
            m.end = end;
            names.push((surname.to_string(), m.clone()));
        }
    }
    actors.sort_by_key(|a| a.start);
}

/// "Secretary Blinken", "President Macron": a capitalized title right before a named
/// person belongs to the mention, so that "the Secretary" later can find it.
fn titled_names(forms: &[&str], actors: &mut [rung_dict::ActorMention]) {
    const TITLES: [&str; 8] = [
        "Secretary",
        "President",
        "Minister",
        "Chancellor",
        "Premier",
        "Ambassador",
        "Envoy",
        "General",
    ];
    let starts: Vec<usize> = actors.iter().map(|a| a.start).collect();
    for a in actors.iter_mut() {
        if a.kind == ActorKind::Person
            && a.start > 0
            && TITLES.contains(&forms[a.start - 1])
            && !starts.iter().any(|&s| s < a.start && s + 1 >= a.start)
        {
            a.start -= 1;
        }
    }
}

/// Prefixes of warship names, each an actor of its navy's country (actors.tsv).
const SHIP_PREFIXES: [&str; 2] = ["USS", "HMS"];

/// "the destroyer USS Mason": a ship prefix takes the name after it into its mention (so
/// "Mason" is no place).
fn ship_names(forms: &[&str], actors: &mut [rung_dict::ActorMention]) {
    for a in actors.iter_mut() {
        if a.end == a.start + 1 && SHIP_PREFIXES.contains(&forms[a.start]) {
            while a.end < forms.len() && a.end < a.start + 4 && name_word(forms[a.end]) {
                a.end += 1;
            }
        }
    }
}

/// A main verb the tagger read as a participle: a past form tagged VBN with no auxiliary,
/// right after a sentence-initial noun phrase (or one after a
/// comma: "On Monday, Ukrainian forces struck ..."), with no finite verb of its own clause
/// after it (a later finite verb only after a comma, as in a trailing ", the ministry
/// said"), and not followed by "by" (a true reduced passive: "troops backed by
/// artillery"). Returns its position.
/// In a sentence parsed with no verb at all, a past form read as an adjective is one
/// too ("Pakistan's military denied ...", "Niger's rulers cut ties ...").
fn garden_path_participle(forms: &[&str], a: &Analysis) -> Option<usize> {
    use rung_parse::Upos;
    let finite = |j: usize| matches!(a.xpos(j), "VBD" | "VBZ" | "VBP" | "MD");
    // A participle with an auxiliary ("has struck", "was hit") is one.
    // In a sentence the parse left without any verb ("Pakistan's military denied launching
    // any attack", all read as one noun phrase), an "-ed" adjective is a candidate too.
    let verbless = !(0..a.len()).any(|j| matches!(a.upos(j), Upos::Verb | Upos::Aux));
    let k = (1..a.len()).find(|&k| {
        (a.xpos(k) == "VBN"
            || (verbless && a.xpos(k) == "JJ" && past_form(&forms[k].to_lowercase())))
            && !(0..a.len()).any(|j| a.head(j) == Some(k) && a.deprel(j).starts_with("aux"))
    })?;
    let lower = forms[k].to_lowercase();
    if !past_form(&lower) {
        return None;
    }
    if forms
        .get(k + 1)
        .is_some_and(|f| f.eq_ignore_ascii_case("by"))
    {
        return None;
    }
    // The words before it: a noun phrase, with its prepositional phrases ("Losses of the
    // AFU in battles with the LPR amounted to ..."), back to the start or a comma; it
    // does not open with a preposition ("After troops stationed ...").
    let mut nominal = false;
    let mut first = k;
    for j in (0..k).rev() {
        let f = forms[j];
        if f == "," {
            break;
        }
        match a.upos(j) {
            Upos::Noun | Upos::Propn => nominal = true,
            Upos::Det | Upos::Adj | Upos::Num | Upos::Part | Upos::Adp => {}
            Upos::Pron if a.xpos(j) == "PRP$" => {}
            Upos::Punct if matches!(f, "-" | "'" | "\"") => {}
            _ => return None,
        }
        if finite(j) {
            return None;
        }
        first = j;
    }
    if !nominal || a.upos(first) == Upos::Adp {
        return None;
    }
    // No finite verb in its own clause after it.
    let clause = forms.iter().enumerate().skip(k + 1);
    for (j, _) in clause.take_while(|(_, f)| **f != ",") {
        if finite(j) {
            return None;
        }
    }
    Some(k)
}

/// "Britain confirms it has delivered ...", "Russia fires 80 missiles at ...": a headline's
/// or timeline's present-tense verb after a name, read as a plural noun so that the
/// sentence has no verb at its root. The word is a verb rung knows (a trigger, or a verb
/// of saying, intent, request or threat); the words before it are a name ("The Pentagon",
/// "The Trump administration"). Returns its position, to re-tag as a verb: `VBD`, because
/// the parser reads a forced `VBZ` as an auxiliary ("is", "has"), past tense as a content
/// verb.
fn headline_present_verb(forms: &[&str], a: &Analysis, p: &Patterns) -> Option<usize> {
    use rung_parse::Upos;
    let root = (0..a.len()).find(|&j| a.head(j).is_none())?;
    if a.upos(root) == Upos::Verb {
        return None;
    }
    let k = (1..a.len().min(6)).find(|&k| a.xpos(k) == "NNS")?;
    let lower = forms[k].to_lowercase();
    let known = |stem: &str| known_verb(p, stem);
    let s1 = lower.strip_suffix('s')?;
    let verb =
        p.trigger_lemma(&lower).is_some() || known(s1) || s1.strip_suffix('e').is_some_and(known);
    let name = (0..k).any(|j| a.upos(j) == Upos::Propn)
        && (0..k).all(|j| {
            matches!(
                a.upos(j),
                Upos::Propn | Upos::Det | Upos::Noun | Upos::Punct
            ) && (a.upos(j) != Upos::Noun || j + 1 < k)
        });
    (verb && name).then_some(k)
}

/// A verb rung knows by its base form: a trigger, or a verb of saying, intent, request or
/// threat.
fn known_verb(p: &Patterns, stem: &str) -> bool {
    p.trigger_lemma(stem).is_some()
        || p.speech(stem).is_some()
        || p.is_intent(stem)
        || p.is_request(stem)
        || p.is_threat(stem)
}

/// "The three juntas accuse ECOWAS of ...", "Rebels attack an army base": a present verb
/// after a plural subject read as a singular noun or an adjective, so that the sentence has
/// no verb at its root. The word is a verb rung knows in its base form, after a plural
/// noun and before a name, a determiner, a number or a pronoun. Returns its position, to
/// re-tag as a verb (`VBD`, as in [`headline_present_verb`]).
fn plural_subject_base_verb(forms: &[&str], a: &Analysis, p: &Patterns) -> Option<usize> {
    use rung_parse::Upos;
    let root = (0..a.len()).find(|&j| a.head(j).is_none())?;
    if a.upos(root) == Upos::Verb {
        return None;
    }
    (1..a.len().saturating_sub(1)).find(|&k| {
        matches!(a.xpos(k), "NN" | "JJ")
            && known_verb(p, &forms[k].to_lowercase())
            && matches!(a.xpos(k - 1), "NNS" | "NNPS")
            && (matches!(
                a.upos(k + 1),
                Upos::Propn | Upos::Det | Upos::Num | Upos::Pron
            ) || forms[k + 1].starts_with(char::is_uppercase))
    })
}

/// Verbs whose past tense is also a noun, read as the noun: "the destroyer USS Mason shot
/// down a missile" ("shot" and a particle), "On 12 February, Russian artillery hit
/// Marhanets" (in a sentence with no clause with a subject, after a noun and before a
/// name or a determiner). Pushes `(position, "VBD")`.
fn verb_read_as_noun(forms: &[&str], a: &Analysis, out: &mut Vec<(usize, &'static str)>) {
    use rung_parse::Upos;
    // No clause with a subject: "hit" is then the only verb the sentence can have.
    let verbless = !(0..a.len()).any(|j| {
        a.deprel(j).starts_with("nsubj") && a.head(j).is_some_and(|h| a.upos(h) == Upos::Verb)
    });
    for k in 1..a.len().saturating_sub(1) {
        if a.upos(k) != Upos::Noun {
            continue;
        }
        let shot_down = forms[k] == "shot" && forms[k + 1] == "down";
        let hit = forms[k] == "hit"
            && verbless
            && matches!(a.upos(k - 1), Upos::Noun | Upos::Propn)
            && (matches!(a.upos(k + 1), Upos::Propn | Upos::Det | Upos::Num)
                || forms[k + 1].starts_with(char::is_uppercase));
        if shot_down || hit {
            out.retain(|f| f.0 != k);
            out.push((k, "VBD"));
        }
        // "promised not to fire them": after "not to" comes an infinitive.
        if k >= 2 && forms[k - 2] == "not" && forms[k - 1] == "to" && a.xpos(k) == "NN" {
            out.retain(|f| f.0 != k && f.0 != k - 1);
            out.push((k - 1, "TO"));
            out.push((k, "VB"));
        }
    }
}

/// Participles closing a hyphenated modifier before a noun ("air-launched missiles",
/// "Iranian-designed drones", "Western-supplied tanks") that the parser read as the verb
/// of a clause: such a word is an adjective. Pushes `(position, "JJ")`.
fn hyphen_participles(forms: &[&str], a: &Analysis, out: &mut Vec<(usize, &'static str)>) {
    use rung_parse::Upos;
    for k in 2..a.len().saturating_sub(1) {
        let modifier = matches!(
            a.upos(k - 2),
            Upos::Noun | Upos::Propn | Upos::Adj | Upos::Adv | Upos::Num
        );
        let noun_next = matches!(a.upos(k + 1), Upos::Noun | Upos::Propn | Upos::Adj);
        // Only when the parse went wrong with it: a modifier already read as one stays.
        let misread = !matches!(a.deprel(k), "amod" | "compound" | "nmod");
        if matches!(a.xpos(k), "VBN" | "VBD")
            && forms[k - 1] == "-"
            && modifier
            && noun_next
            && misread
        {
            // Not the main verb after all, whatever an earlier test guessed.
            out.retain(|f| f.0 != k);
            out.push((k, "JJ"));
        }
    }
}

/// Adjectives the parser hung on a verb as `amod` right before it ("Ukraine's military
/// said", "the Ukrainian military reported"), or a past verb hung on such an adjective
/// right before it: an adjective cannot modify a verb nor head a finite one, so the word
/// is a noun, the verb's subject. Pushes `(position, "NN")`.
fn adjective_subjects(a: &Analysis, out: &mut Vec<(usize, &'static str)>) {
    use rung_parse::Upos;
    for k in 0..a.len().saturating_sub(1) {
        // (or the verb hung on the adjective: "Azerbaijan's military [denied] ...")
        let under = a.head(k + 1) == Some(k) && matches!(a.xpos(k + 1), "VBD" | "VBZ");
        if a.upos(k) == Upos::Adj
            && ((a.deprel(k) == "amod" && a.head(k) == Some(k + 1)) || under)
            && a.upos(k + 1) == Upos::Verb
        {
            out.push((k, "NN"));
        }
    }
}

/// The number of tokens of a label heading a sentence, colon included ("South :",
/// "General Staff :", "UPDATE :"), or 0: one to three capitalized words, then a colon, then
/// a clause of at least four words.
fn news_label(forms: &[&str]) -> usize {
    let Some(colon) = forms.iter().take(4).position(|f| *f == ":") else {
        return 0;
    };
    let words = &forms[..colon];
    let label = colon > 0
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        })
        && forms.len() > colon + 4;
    if label {
        colon + 1
    } else {
        0
    }
}

/// The length of what may be a timeline's date label with its colon ("- Feb. 24, 2022:",
/// "April 2022:", "Oct. 10:"), or 0: an optional bullet, then only capitalized words,
/// numbers (at least one) and punctuation before a colon within the first ten tokens. The
/// caller keeps it only when the time-expression finder reads a date in it.
///
/// An incident log's label may name the place after the date: "21 Sep - Moscow, Russia:",
/// "23 Sep - Melitopol, Zaporizhzhia oblast (occupied):". After a dash, anything up to a
/// colon within the first sixteen tokens is the place part (the caller finds the place in
/// it); the date part before the dash follows the rule above.
fn date_label(forms: &[&str]) -> usize {
    let Some(colon) = forms.iter().take(16).position(|f| *f == ":") else {
        return 0;
    };
    let start = usize::from(forms.first().is_some_and(|f| matches!(*f, "-" | "•" | "*")));
    let dash = forms
        .get(start..colon)
        .and_then(|w| {
            w.iter()
                .position(|f| matches!(*f, "-" | "\u{2013}" | "\u{2014}"))
        })
        .map(|d| d + start)
        .filter(|&d| d > start + 1 && d + 1 < colon);
    let end = match dash {
        Some(d) => d,
        None if colon < 10 => colon,
        None => return 0,
    };
    let words = forms.get(start..end).unwrap_or(&[]);
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let ok = words.iter().any(|w| number(w))
        && words.iter().all(|w| {
            number(w)
                || matches!(*w, "," | ".")
                || (w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic() || c == '.'))
        })
        && forms.len() > colon + 3;
    if ok {
        colon + 1
    } else {
        0
    }
}

/// A day inside an ISO date of any precision ("2022-10-05", "2022-10", "2022",
/// "2022-spring"), for looking up what held then: the middle of a month or year.
fn approximate_day(d: &str) -> Option<rung_dict::Date> {
    let y: i32 = d.get(..4)?.parse().ok()?;
    let m: u8 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(7);
    let day: u8 = d.get(8..10).and_then(|x| x.parse().ok()).unwrap_or(15);
    Some((y, m.clamp(1, 12), day.clamp(1, 31)))
}

/// Narrative time only moves forward: news tells its story at the latest point it has
/// named, and an earlier date mentioned on the way ("since the invasion in February
/// 2022") is background, not the time of the events that follow.
fn advance_narrative(narrative: &mut Option<String>, value: String) {
    if narrative.as_deref().is_none_or(|n| value.as_str() > n) {
        *narrative = Some(value);
    }
}

fn model_version() -> String {
    "en_ewt".to_string()
}

/// An actor of the sentence; one with no words there (a side the conflicts table gave: "a
/// shell hit the yard of his house" in a Ukrainian town) is `inferred`.
fn actor(a: &ActorRef) -> Actor {
    Actor {
        text: a.text.clone(),
        code: a.code.clone(),
        inferred: a.text.is_empty(),
    }
}

/// Whether a mention names one person, what "he" or "she" can stand for: a named person,
/// or one holder of a role ("Ukraine's ambassador", "the Russian defence minister").
fn is_person(a: &rung_dict::ActorMention, forms: &[&str]) -> bool {
    const ROLES: [&str; 22] = [
        "ambassador",
        "envoy",
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "commander",
        "chief",
        "general",
        "secretary",
        "chancellor",
        "premier",
        "representative",
        "adviser",
        "advisor",
        "head",
        "leader",
        "diplomat",
        "official",
    ];
    a.kind == ActorKind::Person
        || (a.end > a.start
            && forms
                .get(a.end - 1)
                .is_some_and(|w| ROLES.contains(&w.to_lowercase().as_str())))
}

/// Remembers a parsed sentence's actors, weapons and narrative time.
fn remember(v: &SentView, st: &mut DocState, si: usize, track_time: bool) {
    for a in &v.actors {
        if let Some(c) = &a.country {
            let head = a.end.saturating_sub(1);
            st.actors.push(Remembered {
                actor: ActorRef {
                    text: v.phrase(a.start, a.end),
                    code: a.code.clone(),
                },
                // "Russian air defence systems shot down ...": a national modifier of the
                // subject stands for the subject.
                subject: v.rel(head) == "nsubj"
                    || matches!(v.rel(head), "amod" | "compound" | "nmod:poss")
                        && v.parent(head).is_some_and(|h| v.rel(h) == "nsubj"),
                country_like: a.code.len() == c.len() && !a.media,
                sentence: si,
                person: a.person,
            });
        }
    }
    for w in &v.weapons {
        st.weapons.push((w.name.clone(), si));
    }
    if let Some(p) = v.places.iter().rfind(|p| !p.is_country) {
        st.last_place = Some(p.clone());
    }
    if track_time {
        if let Some(t) = v.times.iter().rfind(|t| t.absolute) {
            advance_narrative(&mut st.narrative, t.value.clone());
        }
    }
}

/// Attaches what an anaphor says ("this attack killed 89", "they were using HIMARS") to
/// the event it refers to.
fn attach(st: &mut DocState, si: usize, c: &Cand, v: &SentView) {
    let root = c.code.get(..2).unwrap_or("").to_string();
    let roots: Vec<&str> = if matches!(root.as_str(), "18" | "19" | "20") {
        vec!["18", "19", "20"]
    } else {
        vec![root.as_str()]
    };
    let src = c.src.as_ref().map(|a| a.country().to_string());
    let Some(e) = st.recent_event(si, &roots, 4) else {
        return;
    };
    if c.weapon_use {
        let same = src
            .as_deref()
            .is_none_or(|s| e.source.as_ref().is_some_and(|x| x.code.starts_with(s)));
        if !same {
            return;
        }
    }
    for w in &c.weapons {
        if !e.weapons.contains(w) {
            e.weapons.push(w.clone());
        }
    }
    if e.fatalities.is_none() {
        e.fatalities = c.fatalities.map(|(min, max)| Fatalities { min, max });
    }
    if e.location.is_none() {
        e.location = c.location.and_then(|i| v.places.get(i)).map(|p| Location {
            text: p.text.clone(),
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
        });
    }
}

/// The sides of the fighting a document reports, for the attacks whose sentence names only
/// one of them.
///
/// - "Its jets had hit rocket launchers and weapons depots", "the Defence Forces struck 11
///   areas where enemy personnel were concentrated": an attack with no target struck the
///   other side.
/// - "The children's hospital in Kyiv was struck", "a drone hit the upper floors of a block
///   in Dnipro": an attack on a place with no attacker was made by the other side of the
///   place's country.
///
/// The other side of a country is the one it is most often coded against in the document's
/// material-conflict events (ties: the one met first), named as the document names it; the
/// actor so found is marked `inferred`. A document that pairs the country with no one
/// leaves the target empty, and keeps a sourceless attack with no attacker only when it is
/// a deadly attack by named means on a named place of that country. A war of one country against
/// itself (SAF and RSF, both SDN) gives no pair, nor does a bloc or a body like the UN.
fn infer_sides(events: &mut Vec<Event>, sourceless: &mut Vec<(Event, String, bool)>) {
    let fighting = |e: &Event| matches!(e.cameo.get(..2), Some("15" | "17" | "18" | "19" | "20"));
    // (country, the country it fights, times, how the document names the second)
    let mut pairs: Vec<(String, String, usize, String)> = Vec::new();
    for e in events.iter().filter(|e| fighting(e)) {
        let (Some(s), Some(t)) = (country(&e.source), country(&e.target)) else {
            continue;
        };
        // (states only: a strike on a UN convoy makes the UN no side of the war)
        let state =
            |c: &str| is_country_code(c) && !rung_dict::BLOCS.iter().any(|b| b.get(..3) == Some(c));
        if s == t || !state(s) || !state(t) {
            continue;
        }
        let names = |a: &Option<Actor>| a.as_ref().map(|a| a.text.clone()).unwrap_or_default();
        for (a, b, name) in [(s, t, names(&e.target)), (t, s, names(&e.source))] {
            match pairs.iter_mut().find(|p| p.0 == a && p.1 == b) {
                Some(p) => {
                    p.2 += 1;
                    if p.3.is_empty() {
                        p.3 = name;
                    }
                }
                None => pairs.push((a.to_string(), b.to_string(), 1, name)),
            }
        }
    }
    let other_side = |c: Option<&str>| -> Option<Actor> {
        let mut best: Option<&(String, String, usize, String)> = None;
        for p in pairs.iter().filter(|p| Some(p.0.as_str()) == c) {
            if best.is_none_or(|b| p.2 > b.2) {
                best = Some(p);
            }
        }
        best.map(|(_, t, _, name)| Actor {
            text: name.clone(),
            code: t.clone(),
            inferred: true,
        })
    };
    for e in events.iter_mut() {
        let violent = matches!(e.cameo.get(..2), Some("18" | "19" | "20"));
        if violent && e.target.is_none() {
            e.target = other_side(country(&e.source));
        }
    }
    let mut added = false;
    for (mut e, attacked, means) in sourceless.drain(..) {
        let src = other_side(Some(&attacked));
        // A document that names no one fighting the place's country ("Shelling struck
        // the market in Khartoum, killing 18"; a war within one country) still reports a
        // deadly attack on a named place: it is kept with its attacker unknown. Without a
        // toll, a named place and the place's country as what was hit, it is not.
        let grounded = means
            && e.fatalities.is_some()
            && e.location.as_ref().and_then(|l| l.country.as_deref()) == Some(attacked.as_str())
            && e.target
                .as_ref()
                .is_none_or(|t| t.code.get(..3) == Some(attacked.as_str()))
            && matches!(e.modality, Modality::Asserted | Modality::Reported);
        if src.is_none() && !grounded {
            continue;
        }
        // (not when the sentence's attack is coded already, with its attacker: "A HIMARS
        // strike destroyed a depot in occupied Melitopol" is Ukraine's, whatever country
        // the town is of)
        let root = |x: &Event| x.cameo.get(..2).map(str::to_string);
        let coded = events
            .iter()
            .any(|o| o.sentence == e.sentence && root(o) == root(&e));
        if !coded {
            e.source = src;
            // (an attack on a place with no target named is on the place's country)
            if e.target.is_none() {
                e.target = e.location.as_ref().map(|l| Actor {
                    text: l.text.clone(),
                    code: attacked.clone(),
                    inferred: false,
                });
            }
            events.push(e);
            added = true;
        }
    }
    if added {
        events.sort_by_key(|e| e.sentence);
    }
}

fn country(a: &Option<Actor>) -> Option<&str> {
    a.as_ref().map(|a| a.code.get(..3).unwrap_or(&a.code))
}

/// One sentence yields only distinct events: same source country, same code root, and the
/// same target country (or one of them without a target) are one event; keep the richer.
fn merge_into(out: &mut Vec<Event>, e: Event) {
    let root = |x: &Event| x.cameo.get(..2).unwrap_or("").to_string();
    for o in out.iter_mut() {
        let same_t =
            country(&o.target) == country(&e.target) || o.target.is_none() || e.target.is_none();
        if root(o) == root(&e) && country(&o.source) == country(&e.source) && same_t {
            let richer = richness(&e) > richness(o);
            let (mut keep, other) = if richer {
                (e, o.clone())
            } else {
                (o.clone(), e)
            };
            for w in other.weapons {
                if !keep.weapons.contains(&w) {
                    keep.weapons.push(w);
                }
            }
            keep.fatalities = keep.fatalities.or(other.fatalities);
            keep.location = keep.location.or(other.location);
            keep.target = keep.target.or(other.target);
            if keep.cameo.len() < other.cameo.len() {
                keep.cameo = other.cameo;
                keep.goldstein = other.goldstein;
                keep.quad = other.quad;
                keep.plover = other.plover;
            }
            *o = keep;
            return;
        }
    }
    out.push(e);
}

fn richness(e: &Event) -> usize {
    e.target.is_some() as usize * 2
        + e.cameo.len()
        + e.weapons.len()
        + e.location.is_some() as usize
        + e.fatalities.is_some() as usize
        + (e.modality == Modality::Asserted) as usize
}
