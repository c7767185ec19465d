//! Repairs of one frequent, recognisable parser error before coding.
//!
//! News sentences open with a noun phrase and a past-tense verb ("Russian forces shelled
//! Kherson", "Ukrainian troops attacked Russian positions"). The form is ambiguous between
//! past tense and participle, and a parser trained on EWT often reads it as a participle
//! modifying the noun ("forces [that were] shelled"), leaving the noun as the root and the
//! sentence without a main verb. When the root is a noun and a past-form verb hangs below
//! it as a modifier with no auxiliary and no "by" agent, the verb is promoted to root with
//! the noun as its subject. The rule only fires on verbless readings, which are wrong for a
//! full news sentence; correct participle readings ("missiles launched by X hit Y") keep a
//! real main verb and are left alone.

use crate::args;
use crate::view::{SentView, NONE};
use rung_parse::Upos;

/// Promotes misread past-tense verbs. Returns whether the tree changed.
pub fn promote_past_verb(v: &mut SentView) -> bool {
    let a = promote_in_verbless_clause(v);
    let b = promote_transitive_participle(v);
    a || b
}

/// All repairs, in order. Returns whether the tree changed.
pub fn repair(v: &mut SentView) -> bool {
    let r = [
        clause_under_punctuation(v),
        reported_clause_under_addressee(v),
        reported_clause_under_second_subject(v),
        bound_read_as_root(v),
        time_word_heading_a_name(v),
        agent_without_by(v),
        clause_under_prepositional_root(v),
        promote_past_verb(v),
        oblique_read_as_subject(v),
        phrase_under_time_word(v),
        compound_with_case(v),
        verb_with_subject_as_modifier(v),
        subordinator_read_as_preposition(v),
        infinitive_with_subject(v),
        headline_verb_read_as_plural_noun(v),
        trailing_speech_clause(v),
        plural_noun_read_as_verb(v),
        plural_noun_before_modal_verb(v),
        by_phrase_as_clause(v),
        bare_oblique_is_object(v),
        counted_subject_is_patient(v),
        adjective_root_before_named_subject(v),
        with_phrase_under_means(v),
        finite_verb_conjoined_to_noun(v),
        means_of_talking_under_a_noun(v),
        subordinate_verb_read_as_modifier(v),
        second_object_under_first(v),
        particle_read_as_preposition(v),
        infinitive_read_as_noun(v),
        paused_fighting_under_the_verb(v),
        object_with_preposition(v),
        reported_clause_under_time_word(v),
        speech_verb_read_as_modifier(v),
        infinitive_object_read_as_subject(v),
        verb_after_apposition_of_root_name(v),
        speaker_act_conjoined_into_reported_clause(v),
    ];
    r.iter().any(|&x| x)
}

/// "The minister said on Sunday: \"Iran is firing at our cities.\"": the quoted clause hung
/// on the colon. Punctuation heads nothing; a clause hung on it belongs to the nearest verb
/// above it (here "said", whose complement it is), any other word to the mark's own head.
fn clause_under_punctuation(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for i in 0..n {
        let p = v.head[i];
        if p == NONE || v.upos[p] != Upos::Punct {
            continue;
        }
        let mut h = v.head[p];
        let clause = matches!(v.upos[i], Upos::Verb | Upos::Aux)
            || v.kids(i).iter().any(|&k| v.rel(k).starts_with("nsubj"));
        let mut hops = 0;
        while clause && h != NONE && v.upos[h] != Upos::Verb && hops < n {
            h = v.head[h];
            hops += 1;
        }
        if h == NONE {
            // (a root under the mark, or a mark that is the root: nothing to move to)
            h = v.head[p];
        }
        if h == NONE || h == i || v.dominates(i, h) {
            continue;
        }
        v.head[i] = h;
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "told a news conference that the army had shot down 25 drones", "told reporters that
/// ...": the reported clause hung as a relative (`acl`) on what the verb of telling is
/// told to. A "that" clause with a subject and a finite verb of its own, hung as a relative
/// on the object (or oblique) of "tell", "inform", "brief" or "assure", is what was told: it
/// moves to the verb as its complement (adjacency is not checked: the relation is).
/// ("the claim that ..." under "made" is left alone: no such verb.)
fn reported_clause_under_addressee(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for c in 0..n {
        let o = v.head[c];
        if o == NONE || v.deprel[c] != "acl" || v.upos[c] != Upos::Verb {
            continue;
        }
        let that = v
            .kids(c)
            .iter()
            .any(|&k| v.rel(k) == "mark" && v.lower[k] == "that");
        let subject = v.kids(c).iter().any(|&k| v.rel(k).starts_with("nsubj"));
        let finite = v.kids(c).iter().any(|&k| v.rel(k) == "aux") || v.xpos[c] == "VBD";
        let h = v.head[o];
        let telling = h != NONE
            && matches!(v.rel(o), "iobj" | "obj" | "obl")
            && matches!(
                v.lemma[h].as_str(),
                "tell" | "inform" | "brief" | "assure" | "notify"
            );
        if !(that && subject && finite && telling) {
            continue;
        }
        v.head[c] = h;
        v.deprel[c] = "ccomp".to_string();
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "Up to 40 Ukrainian servicemen killed ...": a headline opening with a bound, parsed with
/// "Up" as the root and the counted noun hung on it. The bound modifies the number; the
/// noun it counted heads the sentence (and the verbless-clause repair then finds its verb).
fn bound_read_as_root(v: &mut SentView) -> bool {
    let n = v.len();
    let Some(r) = (0..n).find(|&i| v.head[i] == NONE) else {
        return false;
    };
    let bound = v.lower[r] == "up"
        && v.lower.get(r + 1).is_some_and(|t| t == "to")
        && v.upos.get(r + 2) == Some(&Upos::Num);
    if !bound {
        return false;
    }
    let num = r + 2;
    let Some(noun) = (num..n)
        .find(|&k| v.head[k] == r && matches!(v.upos[k], Upos::Noun | Upos::Propn | Upos::Pron))
    else {
        return false;
    };
    for k in 0..n {
        if v.head[k] == r && k != noun && k != r + 1 {
            v.head[k] = noun;
        }
    }
    v.head[noun] = NONE;
    v.deprel[noun] = "root".to_string();
    v.head[r] = num;
    v.deprel[r] = "advmod".to_string();
    if v.head[num] != noun {
        v.head[num] = noun;
        v.deprel[num] = "nummod".to_string();
    }
    v.reindex();
    true
}

/// "fired missiles at Ukraine overnight": a time word parsed as a noun heading the name
/// before it ("[at [Ukraine] overnight]"). The name heads the prepositional phrase; the
/// time word modifies the same head as an adverb.
fn time_word_heading_a_name(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 1..v.len() {
        if !matches!(
            v.lower[k].as_str(),
            "overnight" | "yesterday" | "today" | "tonight" | "tomorrow"
        ) {
            continue;
        }
        let name = k - 1;
        let case = v.kids(k).iter().copied().find(|&c| v.rel(c) == "case");
        if v.head[name] != k || v.rel(name) != "compound" || v.upos[name] != Upos::Propn {
            continue;
        }
        let Some(case) = case else { continue };
        let (head, rel) = (v.head[k], v.deprel[k].clone());
        if head == NONE {
            continue;
        }
        v.head[name] = head;
        v.deprel[name] = rel;
        v.head[case] = name;
        // the time word: on the nearest verb above, else where the phrase hung
        let mut verb = head;
        while verb != NONE && v.upos[verb] != Upos::Verb {
            verb = v.head[verb];
        }
        v.head[k] = if verb == NONE { head } else { verb };
        v.deprel[k] = "advmod".to_string();
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "In the western Lviv region, far from the front line, a missile slammed into ...": the
/// fronted phrase read as the verb's subject, the real subject an apposition inside it. A
/// noun with its own preposition is no subject: it becomes an oblique of the verb, and a
/// noun set off by a comma and ending right before the verb becomes the subject.
fn oblique_read_as_subject(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for k in 0..n {
        let w = v.head[k];
        if w == NONE
            || v.rel(k) != "nsubj"
            || k > w
            || v.upos[w] != Upos::Verb
            || !matches!(v.upos[k], Upos::Noun | Upos::Propn)
            || !v.kids(k).iter().any(|&c| {
                v.rel(c) == "case"
                    && c < k
                    && v.upos[c] == Upos::Adp
                    && !SUBORDINATING_PREPS.contains(&v.lemma[c].as_str())
                    && v.lower[c] != "to"
            })
        {
            continue;
        }
        // The subject: a noun under k, after a comma, whose phrase runs to the verb.
        let subject = (k + 1..w).find(|&j| {
            matches!(v.upos[j], Upos::Noun | Upos::Propn)
                && matches!(v.rel(j), "appos" | "conj" | "nmod")
                && v.dominates(k, j)
                && (j + 1..w).all(|x| v.dominates(j, x))
                && {
                    let start = (k + 1..=j)
                        .find(|&x| v.dominates(j, x) && v.upos[x] != Upos::Punct)
                        .unwrap_or(j);
                    v.forms[start - 1] == ","
                }
        });
        if let Some(j) = subject {
            v.deprel[k] = "obl".to_string();
            v.head[j] = w;
            v.deprel[j] = "nsubj".to_string();
            changed = true;
        }
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "spoke by phone on Thursday with Ukraine's minister", "held talks in Jerusalem on
/// Monday with Netanyahu": a phrase after a day's name hung on it. A day takes no "with"
/// (nor "to", "against") phrase: it belongs to the clause the day is a time of.
fn phrase_under_time_word(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let t = v.head[k];
        if t == NONE
            || v.rel(k) != "nmod"
            || !matches!(v.case_of(k), Some("with" | "to" | "against"))
            || !is_time_word(&v.lower[t])
        {
            continue;
        }
        // the clause: the verb the day (or the phrase it hangs in) belongs to
        let mut h = v.head[t];
        let mut hops = 0;
        while h != NONE && v.upos[h] != Upos::Verb && hops < 3 {
            h = v.head[h];
            hops += 1;
        }
        if h == NONE || v.upos[h] != Upos::Verb {
            continue;
        }
        v.head[k] = h;
        v.deprel[k] = "obl".to_string();
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "day"
            | "week"
    )
}

/// An `obl:agent` is a "by" phrase; without "by" ("destroyed two tanks" read as a passive
/// participle) it is the verb's object.
fn agent_without_by(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        if v.full_rel(k) == "obl:agent" && v.case_of(k).is_none() {
            v.deprel[k] = "obj".to_string();
            changed = true;
        }
    }
    changed
}

/// A compound modifier never carries its own preposition: "by Germany last month" read as
/// "[by Germany] last month" with "Germany" a compound of "month". The word with the case
/// marker heads its own oblique phrase on the noun's head.
fn compound_with_case(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let h = v.head[k];
        if h == NONE
            || h < k
            || v.rel(k) != "compound"
            || !v.kids(k).iter().any(|&c| v.rel(c) == "case" && c < k)
            || v.head[h] == NONE
        {
            continue;
        }
        v.head[k] = v.head[h];
        v.deprel[k] = if v.upos[v.head[h]] == Upos::Verb {
            "obl".to_string()
        } else {
            "nmod".to_string()
        };
        v.reindex();
        changed = true;
    }
    changed
}

/// "Nebenzia dismissed the draft as an exercise by Western countries and accused Kyiv of
/// ..." with "accused" a conjunct of "countries": a finite verb with an object of its own
/// and no subject is not coordinated with a noun. It is a conjunct of the verb that
/// noun's phrase belongs to (and shares its subject).
fn finite_verb_conjoined_to_noun(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let h = v.head[k];
        if h == NONE
            || v.rel(k) != "conj"
            || v.upos[k] != Upos::Verb
            || !matches!(v.xpos[k].as_str(), "VBD" | "VBZ" | "VBP")
            || !matches!(v.upos[h], Upos::Noun | Upos::Propn)
            || v.child(k, "obj").is_none()
            || v.kids(k).iter().any(|&c| args::is_subj_rel(v, c))
        {
            continue;
        }
        let mut up = h;
        let mut hops = 0;
        while v.upos[up] != Upos::Verb && hops < 8 {
            match v.parent(up) {
                Some(p) => up = p,
                None => break,
            }
            hops += 1;
        }
        if v.upos[up] != Upos::Verb || up >= k {
            continue;
        }
        v.head[k] = up;
        v.reindex();
        changed = true;
    }
    changed
}

/// "Russia fired dozens of missiles ..., officials said" misread with "fired" a modifier of
/// "dozens": a past-form verb with its own nominal subject, modifying a noun after it, is
/// the clause head and the noun its object. The clause takes the noun's place; when that
/// place is a subject slot already filled, it is the reported clause.
fn verb_with_subject_as_modifier(v: &mut SentView) -> bool {
    let n = v.len();
    let Some(w) = (0..n).find(|&w| {
        v.upos[w] == Upos::Verb
            && matches!(v.xpos[w].as_str(), "VBN" | "VBD")
            && matches!(v.rel(w), "amod" | "acl" | "compound")
            && v.head[w] != NONE
            && v.head[w] > w
            && v.kids(w).iter().any(|&k| v.full_rel(k) == "nsubj")
            && !v
                .kids(w)
                .iter()
                .any(|&k| matches!(v.rel(k), "aux" | "mark"))
    }) else {
        return false;
    };
    let h = v.head[w];
    let (hh, hrel) = (v.head[h], v.deprel[h].clone());
    let filled = hh != NONE
        && v.kids(hh)
            .iter()
            .any(|&k| k != h && is_subject(v.deprel[k].as_str()));
    v.head[w] = hh;
    v.deprel[w] = if is_subject(&hrel) && filled {
        "ccomp".to_string()
    } else {
        hrel
    };
    v.head[h] = w;
    v.deprel[h] = "obj".to_string();
    v.xpos[w] = "VBD".to_string();
    // A subjectless participle clause after the object (", killing 11 people") went with
    // the misread clause to the outer verb; it belongs to this one.
    if hh != NONE {
        for k in h + 1..hh {
            if v.head[k] == hh
                && v.xpos[k] == "VBG"
                && matches!(v.rel(k), "ccomp" | "advcl" | "xcomp" | "conj")
                && !v.kids(k).iter().any(|&c| is_subject(v.deprel[c].as_str()))
            {
                v.head[k] = w;
                v.deprel[k] = "advcl".to_string();
            }
        }
    }
    v.reindex();
    true
}

fn is_subject(rel: &str) -> bool {
    rel == "nsubj" || rel.starts_with("nsubj:")
}

/// "On Friday they attacked Russian positions" misread with the time phrase as the root and
/// the clause a relative clause on it. A root noun with its own preposition is no sentence;
/// a relative clause with a personal (not relative) pronoun subject is the main clause.
fn clause_under_prepositional_root(v: &mut SentView) -> bool {
    let n = v.len();
    let Some(r) = (0..n).find(|&i| {
        v.head[i] == NONE
            && matches!(v.upos[i], Upos::Noun | Upos::Propn)
            && v.kids(i).iter().any(|&k| v.rel(k) == "case" && k < i)
    }) else {
        return false;
    };
    let Some(w) = v.kids(r).iter().copied().find(|&w| {
        w > r
            && v.upos[w] == Upos::Verb
            && v.rel(w) == "acl"
            && v.kids(w).iter().any(|&k| {
                v.rel(k) == "nsubj"
                    && v.upos[k] == Upos::Pron
                    && !matches!(v.lemma[k].as_str(), "that" | "which" | "who" | "whom")
            })
            && !v.kids(w).iter().any(|&k| v.rel(k) == "mark")
    }) else {
        return false;
    };
    v.head[w] = NONE;
    v.deprel[w] = "root".to_string();
    v.head[r] = w;
    v.deprel[r] = "obl".to_string();
    if v.xpos[w] == "VBN" && !v.kids(w).iter().any(|&k| v.rel(k) == "aux") {
        v.xpos[w] = "VBD".to_string();
    }
    for k in w + 1..n {
        if v.head[k] == r {
            v.head[k] = w;
        }
    }
    v.reindex();
    true
}

/// "French President Emmanuel Macron spoke by phone with ...": the sentence-initial national
/// adjective parsed as the root, with the verb conjoined to it and the name its subject.
/// The verb heads the sentence; the adjective modifies the subject.
fn adjective_root_before_named_subject(v: &mut SentView) -> bool {
    let n = v.len();
    let Some(r) = (0..n).find(|&i| v.head[i] == NONE) else {
        return false;
    };
    if v.upos[r] != Upos::Adj || r > 1 {
        return false;
    }
    let Some((w, s)) = v.kids(r).iter().copied().find_map(|w| {
        (w > r && v.upos[w] == Upos::Verb && v.rel(w) == "conj")
            .then(|| {
                v.kids(w)
                    .iter()
                    .copied()
                    .find(|&s| r < s && s < w && is_subject(v.rel(s)))
                    .map(|s| (w, s))
            })
            .flatten()
    }) else {
        return false;
    };
    v.head[w] = NONE;
    v.deprel[w] = "root".to_string();
    v.head[r] = s;
    v.deprel[r] = "amod".to_string();
    for k in 0..n {
        if k != w && v.head[k] == r {
            v.head[k] = if k < s { s } else { w };
        }
    }
    v.reindex();
    true
}

/// "spoke by phone with Xi Jinping": the partner hung on the means ("phone") belongs to the
/// verb.
fn with_phrase_under_means(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        if v.full_rel(k) != "obl" || v.case_of(k) != Some("by") {
            continue;
        }
        let Some(h) = v.parent(k) else { continue };
        let moved: Vec<usize> = v
            .kids(k)
            .iter()
            .copied()
            .filter(|&m| v.rel(m) == "nmod" && v.case_of(m) == Some("with"))
            .collect();
        for m in moved {
            v.head[m] = h;
            v.deprel[m] = "obl".to_string();
            changed = true;
        }
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "discussed the attack with his counterpart by phone": the parser hangs "by phone" on
/// the nearest noun, but a means of talking only ever modifies the verb of the clause.
fn means_of_talking_under_a_noun(v: &mut SentView) -> bool {
    let mut changed = false;
    for p in 0..v.len() {
        let means = matches!(
            v.lemma[p].as_str(),
            "phone" | "telephone" | "videolink" | "videoconference"
        ) && v
            .kids(p)
            .iter()
            .any(|&k| v.rel(k) == "case" && matches!(v.lemma[k].as_str(), "by" | "over" | "via"));
        if !means || v.rel(p) != "nmod" {
            continue;
        }
        // The nearest verb above it, through nominals only.
        let mut h = v.parent(p);
        while let Some(x) = h {
            if v.upos[x] == Upos::Verb {
                break;
            }
            if !matches!(
                v.rel(x),
                "nmod" | "obj" | "obl" | "appos" | "conj" | "compound"
            ) {
                h = None;
                break;
            }
            h = v.parent(x);
        }
        if let Some(verb) = h {
            v.head[p] = verb;
            v.deprel[p] = "obl".to_string();
            changed = true;
        }
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "a day after the Houthis fired two missiles at a tanker" misread as "after [the Houthis]"
/// plus "fired" modifying "missiles" (an adjective), the missiles the main clause's object.
/// A past-tense verb right after a noun introduced by a word that can also subordinate,
/// read as the modifier of the noun after it, is that clause's verb: the first noun is its
/// subject, the second its object.
fn subordinate_verb_read_as_modifier(v: &mut SentView) -> bool {
    let mut changed = false;
    for w in 1..v.len() {
        if v.upos[w] != Upos::Verb
            || !matches!(v.xpos[w].as_str(), "VBD" | "VBN")
            || v.rel(w) != "amod"
        {
            continue;
        }
        let Some(o) = v.parent(w).filter(|&o| o > w) else {
            continue;
        };
        // The noun whose phrase ends right before the verb, introduced by "after" & co.
        let Some(nn) = (0..w).rev().find(|&k| {
            matches!(v.rel(k), "obl" | "nmod")
                && (k + 1..w).all(|j| v.dominates(k, j))
                && v.kids(k).iter().any(|&c| {
                    v.rel(c) == "case" && SUBORDINATING_PREPS.contains(&v.lemma[c].as_str())
                })
        }) else {
            continue;
        };
        if v.dominates(w, nn) || v.dominates(nn, w) || v.dominates(o, nn) || v.parent(nn).is_none()
        {
            continue;
        }
        let Some(c) = v.kids(nn).iter().copied().find(|&c| v.rel(c) == "case") else {
            continue;
        };
        v.head[w] = v.head[nn];
        v.head[o] = w;
        v.deprel[o] = "obj".to_string();
        open_clause(v, w, nn, c);
        changed = true;
    }
    changed
}

/// "had sent partners new requests for ...", "gave Kyiv more tanks": the parser makes the
/// second object of a verb of giving the object of the first. The first is the recipient
/// (`iobj`) and the second the verb's object.
fn second_object_under_first(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let Some(p) = v.parent(k) else { continue };
        let Some(verb) = v.parent(p) else { continue };
        // The first can receive (an actor, "partners", "allies"), and the second follows
        // it directly.
        let recipient = v.actor_at(p).is_some()
            || matches!(
                v.lemma[p].as_str(),
                "partner" | "ally" | "country" | "nation" | "government" | "leader"
            );
        if v.rel(k) == "obj"
            && v.rel(p) == "obj"
            && p < k
            && recipient
            && (p + 1..k).all(|j| v.dominates(k, j))
            && v.upos[verb] == Upos::Verb
            && !v.kids(p).iter().any(|&c| v.rel(c) == "case")
        {
            v.head[k] = verb;
            v.deprel[p] = "iobj".to_string();
            changed = true;
        }
    }
    if changed {
        v.reindex();
    }
    changed
}

/// Words that are both prepositions and subordinators ("after the attack" / "after
/// troops launched an attack").
const SUBORDINATING_PREPS: &[&str] = &["after", "before", "since", "until", "till", "as"];

/// "came after Ukrainian forces launched an attack" misread as "came [after Ukrainian
/// forces]" plus a subjectless "launched" conjoined to "came" ("a day after Erdogan spoke
/// by phone ...": or a subjectless "spoke" modifying "day"). A finite verb conjoined
/// without a conjunction and without a subject, right after an oblique noun introduced by
/// a word that can also subordinate, is the clause that word introduces: the noun is its
/// subject and the word its marker.
fn subordinator_read_as_preposition(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for w in 1..n {
        if v.upos[w] != Upos::Verb
            || !matches!(v.xpos[w].as_str(), "VBD" | "VBZ" | "VBP")
            || !matches!(v.rel(w), "conj" | "acl" | "advcl")
            || v.kids(w)
                .iter()
                .any(|&k| matches!(v.rel(k), "nsubj" | "cc" | "mark"))
        {
            continue;
        }
        let h = v.head[w];
        // The oblique noun whose phrase ends right before the verb, under the verb's head,
        // introduced by a subordinator ("agreed to supply launchers [after Kyiv] promised").
        let subordinator = |k: usize| {
            v.kids(k)
                .iter()
                .copied()
                .find(|&c| v.rel(c) == "case" && SUBORDINATING_PREPS.contains(&v.lemma[c].as_str()))
        };
        let Some((nn, c)) = (0..w).rev().find_map(|k| {
            let fits = k != h
                && matches!(v.rel(k), "obl" | "nmod")
                && v.dominates(h, k)
                && (k + 1..w).all(|j| v.dominates(k, j));
            fits.then(|| subordinator(k).map(|c| (k, c))).flatten()
        }) else {
            continue;
        };
        open_clause(v, w, nn, c);
        changed = true;
    }
    changed
}

/// Makes verb `w` an adverbial clause whose subject is noun `nn` and whose marker is `c`,
/// the word that introduced the noun ("after [the Houthis] fired" -> "after the Houthis
/// fired"). Reindexes the view.
fn open_clause(v: &mut SentView, w: usize, nn: usize, c: usize) {
    v.deprel[w] = "advcl".to_string();
    v.head[nn] = w;
    v.deprel[nn] = "nsubj".to_string();
    v.head[c] = w;
    v.deprel[c] = "mark".to_string();
    v.upos[c] = Upos::Sconj;
    v.reindex();
}

/// "confrontational, with threats to intensify operations" misread as an absolute clause
/// "with [threats] to intensify", the noun the subject of the infinitive. A "to" infinitive
/// takes no subject of its own unless introduced by "for"; the noun is the phrase's head and
/// the infinitive modifies it.
fn infinitive_with_subject(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for w in 0..n {
        if v.upos[w] != Upos::Verb || v.xpos[w] != "VB" {
            continue;
        }
        let kids = v.kids(w).to_vec();
        let Some(to) = kids
            .iter()
            .copied()
            .find(|&k| v.rel(k) == "mark" && v.lower[k] == "to")
        else {
            continue;
        };
        let Some(subj) = kids
            .iter()
            .copied()
            .find(|&k| v.full_rel(k) == "nsubj" && k < to)
        else {
            continue;
        };
        if !matches!(v.upos[subj], Upos::Noun | Upos::Propn)
            || kids
                .iter()
                .any(|&k| v.rel(k) == "mark" && v.lower[k] == "for")
        {
            continue;
        }
        let (h, rel) = (v.head[w], v.deprel[w].clone());
        v.head[subj] = h;
        v.deprel[subj] = match rel.as_str() {
            "advcl" => "obl".to_string(),
            _ => rel,
        };
        v.head[w] = subj;
        v.deprel[w] = "acl".to_string();
        // Other markers ("with") introduce the noun phrase; clause punctuation stays.
        for &k in &kids {
            if k < subj && v.rel(k) == "mark" {
                v.head[k] = subj;
                v.deprel[k] = "case".to_string();
                v.upos[k] = Upos::Adp;
            } else if k < subj && v.rel(k) == "punct" {
                v.head[k] = subj;
            }
        }
        v.reindex();
        changed = true;
    }
    changed
}

/// A "participle" with a direct object right after its noun ("said Russian troops detained
/// the mayor") is a finite verb: a passive participle cannot take a direct object.
fn promote_transitive_participle(v: &mut SentView) -> bool {
    let n = v.len();
    let Some(w) = (1..n).find(|&w| {
        v.upos[w] == Upos::Verb
            && matches!(v.xpos[w].as_str(), "VBN" | "VBD")
            && v.full_rel(w) == "acl"
            // Right after the noun it modifies, or after that noun's own phrase ("Military
            // Forces of Russia struck a car").
            && v.head[w] < w
            && (v.head[w] + 1..w).all(|k| v.dominates(v.head[w], k))
            && v.child(w, "obj").is_some()
            && args::agent(v, w).is_none()
            && !v
                .kids(w)
                .iter()
                .any(|&k| matches!(v.rel(k), "aux" | "nsubj" | "mark"))
    }) else {
        return false;
    };
    let h = v.head[w];
    let (hh, hrel) = (v.head[h], v.deprel[h].clone());
    v.head[w] = hh;
    // "Russian troops shelled Kherson, ..., officials said" read with both "troops" and
    // "officials" subjects of "said": the verb that displaces one of two subjects is the
    // reported clause.
    let second_subject =
        hrel == "nsubj" && hh != NONE && v.kids(hh).iter().any(|&k| k != h && v.rel(k) == "nsubj");
    v.deprel[w] = if hrel == "obj" || second_subject {
        "ccomp".to_string()
    } else {
        hrel
    };
    v.head[h] = w;
    v.deprel[h] = "nsubj".to_string();
    v.xpos[w] = "VBD".to_string();
    v.reindex();
    true
}

/// See the module documentation.
fn promote_in_verbless_clause(v: &mut SentView) -> bool {
    let n = v.len();
    // The head of a verbless clause: the root, or a reported clause ("officials said
    // Russian troops detained ...").
    let Some(root) = (0..n).find(|&i| {
        matches!(v.upos[i], Upos::Noun | Upos::Propn | Upos::Pron)
            && (v.head[i] == NONE || matches!(v.rel(i), "ccomp" | "parataxis"))
            && !v.kids(i).iter().any(|&k| v.rel(k) == "cop")
    }) else {
        return false;
    };
    let Some(w) = (0..n).find(|&w| {
        w != root &&
        v.upos[w] == Upos::Verb
            && matches!(v.xpos[w].as_str(), "VBN" | "VBD")
            && matches!(v.rel(w), "acl" | "amod" | "compound")
            && args::agent(v, w).is_none()
            && !v.kids(w).iter().any(|&k| v.rel(k) == "aux")
            // Before the root only when it has its own subject ("Russia attacked
            // Ukrainian facilities" read as "[Russia attacked] facilities"), or a name
            // right before it that the parser made a modifier of the root ("Russia
            // fired missiles" read as "[Russia] [fired] missiles").
            && (w > root
                || v.kids(w).iter().any(|&k| v.rel(k) == "nsubj")
                || (w > 0
                    && v.upos[w - 1] == Upos::Propn
                    && v.head[w - 1] == root
                    && v.rel(w - 1) == "compound"))
    }) else {
        return false;
    };
    // The verb's old head: when it modified a noun after it ("attacked Russian positions"),
    // that noun is its object.
    let old = v.head[w];
    let (root_head, root_rel) = (v.head[root], v.deprel[root].clone());
    v.head[w] = root_head;
    v.deprel[w].clear();
    v.deprel[w].push_str(&root_rel);
    if old != NONE && old > w {
        v.head[old] = w;
        v.deprel[old].clear();
        v.deprel[old].push_str("obj");
    }
    if root < w {
        v.head[root] = w;
        v.deprel[root].clear();
        v.deprel[root].push_str("nsubj");
    } else if w > 0 && v.upos[w - 1] == Upos::Propn && v.head[w - 1] == root {
        // The name before the verb is its subject.
        v.head[w - 1] = w;
        v.deprel[w - 1].clear();
        v.deprel[w - 1].push_str("nsubj");
    }
    v.xpos[w].clear();
    v.xpos[w].push_str("VBD");
    // The old root's clausal dependents after both belong to the verb; its own modifiers
    // stay.
    for k in w.max(root) + 1..n {
        if v.head[k] == root
            && !matches!(
                v.rel(k),
                "amod" | "compound" | "det" | "nummod" | "case" | "flat"
            )
        {
            v.head[k] = w;
        }
    }
    v.reindex();
    // "Up to 120 units of X destroyed in the Y direction": a headline's reduced passive. A
    // verb that cannot go without an object, left without one, makes the noun before it
    // its patient, not its agent.
    // A counted oblique is an object read as a prepositional phrase ("destroyed [up to 60
    // servicemen]").
    let object_like = |k: usize| {
        matches!(v.rel(k), "obj" | "ccomp" | "xcomp")
            || (k > w
                && v.rel(k) == "obl"
                && (v.upos[k] == Upos::Num || v.kids(k).iter().any(|&c| v.rel(c) == "nummod")))
    };
    if root < w
        && NEEDS_OBJECT.contains(&v.lemma[w].as_str())
        && !v.kids(w).iter().any(|&k| object_like(k))
    {
        v.deprel[root].clear();
        v.deprel[root].push_str("nsubj:pass");
        v.xpos[w].clear();
        v.xpos[w].push_str("VBN");
        v.reindex();
    }
    true
}

/// "Up to 40 Ukrainian servicemen killed near X", "Seven tanks destroyed in a day": a
/// monitor note's reduced passive read as an active verb with the counted victims as its
/// subject. A verb that cannot go without an object, with none and no auxiliary, whose
/// subject is counted, has that subject as its patient.
fn counted_subject_is_patient(v: &mut SentView) -> bool {
    let mut changed = false;
    for w in 0..v.len() {
        if v.upos[w] != Upos::Verb
            || !matches!(v.xpos[w].as_str(), "VBD" | "VBN")
            || !NEEDS_OBJECT.contains(&v.lemma[w].as_str())
        {
            continue;
        }
        let kids = v.kids(w);
        let has_object = kids.iter().any(|&k| {
            matches!(v.rel(k), "obj" | "ccomp" | "xcomp" | "aux")
                || (k > w && v.rel(k) == "obl" && v.kids(k).iter().any(|&c| v.rel(c) == "nummod"))
        });
        let subject = kids.iter().copied().find(|&k| v.full_rel(k) == "nsubj");
        let Some(s) = subject.filter(|_| !has_object) else {
            continue;
        };
        let counted = v.upos[s] == Upos::Num || v.kids(s).iter().any(|&c| v.rel(c) == "nummod");
        if counted {
            v.deprel[s] = "nsubj:pass".to_string();
            v.xpos[w] = "VBN".to_string();
            changed = true;
        }
    }
    if changed {
        v.reindex();
    }
    changed
}

/// Verbs of war reporting that always take an object in the active voice.
const NEEDS_OBJECT: &[&str] = &[
    "destroy",
    "kill",
    "wound",
    "injure",
    "capture",
    "eliminate",
    "shoot",
    "detain",
    "arrest",
    "hit",
    "down",
    "liberate",
    "seize",
    "bomb",
    "shell",
    "damage",
    "sink",
];

/// "Russian shelling kills 7 civilians", "Ukrainian artillery destroys Russian depot": a
/// headline's present-tense verb read as a plural noun (EWT has few headlines), with the
/// noun before it as a compound. A noun never takes an object, so a plural noun with an
/// object-like dependent and a noun modifier before it is the verb (`VBZ`, lemma without
/// the `-s`), the nearest noun modifier its subject, and the words before that modifier
/// go with the subject.
fn headline_verb_read_as_plural_noun(v: &mut SentView) -> bool {
    let mut changed = false;
    for w in 1..v.len() {
        if v.upos[w] != Upos::Noun || v.xpos[w] != "NNS" {
            continue;
        }
        // The object, as the parser left it: `obj`, or a noun after it that no noun would
        // take that way, a bare `nmod` with no preposition or a `conj` with no conjunction
        // or comma.
        let Some(obj) = v.kids(w).iter().copied().find(|&k| {
            k > w
                && matches!(v.upos[k], Upos::Noun | Upos::Propn)
                && match v.full_rel(k) {
                    "obj" => true,
                    "nmod" => v.case_of(k).is_none(),
                    "conj" => !v
                        .kids(k)
                        .iter()
                        .any(|&c| matches!(v.rel(c), "cc" | "punct")),
                    _ => false,
                }
        }) else {
            continue;
        };
        let Some(subj) = v
            .kids(w)
            .iter()
            .copied()
            .filter(|&k| k < w && matches!(v.rel(k), "compound" | "nsubj"))
            .max()
        else {
            continue;
        };
        if !matches!(v.upos[subj], Upos::Noun | Upos::Propn) {
            continue;
        }
        let Some(stem) = v.lower[w].strip_suffix('s') else {
            continue;
        };
        // "pushes" -> "push", "strikes" -> "strike".
        let stem = match stem.strip_suffix('e') {
            Some(s) if ["sh", "ch", "ss", "x", "z"].iter().any(|e| s.ends_with(e)) => s,
            _ => stem,
        }
        .to_string();
        let before: Vec<usize> = v
            .kids(w)
            .iter()
            .copied()
            .filter(|&k| {
                k < subj && matches!(v.rel(k), "amod" | "det" | "compound" | "nummod" | "nmod")
            })
            .collect();
        for k in before {
            v.head[k] = subj;
        }
        v.deprel[subj] = "nsubj".to_string();
        v.deprel[obj] = "obj".to_string();
        v.upos[w] = Upos::Verb;
        v.xpos[w] = "VBZ".to_string();
        v.lemma[w] = stem;
        v.reindex();
        changed = true;
    }
    changed
}

/// "..., killing at least four people, Ukrainian officials said on Thursday." misread with
/// "said" as a relative clause (or other modifier) of the noun before the comma. A speech
/// verb after a comma, with its own subject and no object or complement of its own, whose
/// clause runs to the end of the sentence, is the attribution of the whole sentence: it
/// hangs on the root as `parataxis`, where the coder looks for it.
fn trailing_speech_clause(v: &mut SentView) -> bool {
    let n = v.len();
    let Some(root) = (0..n).find(|&i| v.head[i] == NONE) else {
        return false;
    };
    let mut end = n;
    while end > 0 && v.upos[end - 1] == Upos::Punct {
        end -= 1;
    }
    let Some(k) = (0..end).rev().find(|&k| v.upos[k] == Upos::Verb) else {
        return false;
    };
    if k == root
        || v.head[k] == root && v.rel(k) == "parataxis"
        || !matches!(
            v.lemma[k].as_str(),
            "say"
                | "tell"
                | "report"
                | "write"
                | "add"
                | "state"
                | "claim"
                | "confirm"
                | "announce"
        )
    {
        return false;
    }
    if v.kids(k)
        .iter()
        .any(|&c| matches!(v.rel(c), "obj" | "ccomp" | "xcomp" | "mark"))
    {
        return false;
    }
    let subj = match v.kids(k).iter().copied().find(|&c| v.rel(c) == "nsubj") {
        Some(s) => s,
        None => {
            // "..., wounding a woman, head of the regional administration Serhii Lysak
            // reported": the speaker's phrase was hung on the noun before the comma. The
            // noun phrase between the last comma and the verb is the subject.
            let Some(c) = (0..k).rev().find(|&x| v.forms[x] == ",") else {
                return false;
            };
            if c + 1 >= k || !matches!(v.upos[k - 1], Upos::Noun | Upos::Propn) {
                return false;
            }
            let mut h = k - 1;
            let mut hops = 0;
            while v.head[h] != NONE && v.head[h] > c && v.head[h] < k && hops < n {
                h = v.head[h];
                hops += 1;
            }
            if !matches!(v.upos[h], Upos::Noun | Upos::Propn)
                || (c + 1..k).any(|x| matches!(v.upos[x], Upos::Verb | Upos::Aux))
            {
                return false;
            }
            v.head[h] = k;
            v.deprel[h].clear();
            v.deprel[h].push_str("nsubj");
            h
        }
    };
    // The subject phrase starts right after a comma.
    let mut first = subj;
    for i in (0..subj).filter(|&i| v.upos[i] != Upos::Punct) {
        let mut x = i;
        let mut hops = 0;
        while x != NONE && x != subj && hops < n {
            x = v.head[x];
            hops += 1;
        }
        if x == subj {
            first = i;
            break;
        }
    }
    if first > 0 && v.forms[first - 1] != "," && v.upos[subj] == Upos::Propn {
        // A name with its title before it, the title hung elsewhere ("..., head of the
        // regional administration Serhii Lysak wrote"): the title joins the name.
        if let Some(c) = (0..first).rev().find(|&x| v.forms[x] == ",") {
            let mut t = first - 1;
            let mut hops = 0;
            while v.head[t] != NONE && v.head[t] > c && v.head[t] < first && hops < n {
                t = v.head[t];
                hops += 1;
            }
            let nominal = (c + 1..first).all(|x| !matches!(v.upos[x], Upos::Verb | Upos::Aux));
            if c + 1 < first && nominal && matches!(v.upos[t], Upos::Noun | Upos::Propn) {
                v.head[t] = subj;
                v.deprel[t].clear();
                v.deprel[t].push_str("appos");
                first = c + 1;
            }
        }
    }
    if first == 0 || v.forms[first - 1] != "," {
        return false;
    }
    let comma = first - 1;
    v.head[k] = root;
    v.deprel[k].clear();
    v.deprel[k].push_str("parataxis");
    v.head[comma] = k;
    v.reindex();
    true
}

/// "Israel carried out air strikes on targets": a plural noun read as a present-tense
/// verb, left as the object of the verb before it. A finite verb is never an `obj`; one
/// that has a noun compound of its own ("air strikes"), or a noun "subject" right before
/// it ("Russia's missile strikes"), is a plural noun.
fn plural_noun_read_as_verb(v: &mut SentView) -> bool {
    let mut changed = false;
    for w in 0..v.len() {
        if v.upos[w] != Upos::Verb
            || !matches!(v.xpos[w].as_str(), "VBZ" | "VBP")
            || v.rel(w) != "obj"
            || !v.kids(w).iter().any(|&k| {
                k < w
                    && v.upos[k] == Upos::Noun
                    && (v.rel(k) == "compound" || (v.rel(k) == "nsubj" && k + 1 == w))
            })
        {
            continue;
        }
        // "condemned Russia's missile strikes": the "subject" right before is a compound,
        // and its possessor the whole noun's.
        let subject = v
            .kids(w)
            .iter()
            .copied()
            .find(|&k| k + 1 == w && v.rel(k) == "nsubj");
        make_plural_noun(v, w, subject);
        changed = true;
    }
    changed
}

/// Re-reads verb `w` as a plural noun; `k`, the word right before it that the parser took
/// for its subject, becomes its compound, and the determiners and modifiers `k` held pass
/// to `w` ("Russia's [missile strikes]"). Reindexes the view.
fn make_plural_noun(v: &mut SentView, w: usize, k: Option<usize>) {
    if let Some(k) = k {
        v.deprel[k] = "compound".to_string();
        for p in v.kids(k).to_vec() {
            if matches!(v.full_rel(p), "nmod:poss" | "amod" | "det" | "compound") {
                v.head[p] = w;
            }
        }
    }
    v.upos[w] = Upos::Noun;
    v.xpos[w] = "NNS".to_string();
    if let Some(stem) = v.lower[w].strip_suffix('s') {
        v.lemma[w] = stem.to_string();
    }
    v.reindex();
}

/// "US [missile strikes] deep into Russia would entail a response" read as "missile
/// strikes (verb) ..., would entail": a present-tense verb right after a noun, with a later
/// modal verb under it that has no subject of its own. The verb is a plural noun, the
/// modal verb's subject.
fn plural_noun_before_modal_verb(v: &mut SentView) -> bool {
    let mut changed = false;
    for w in 1..v.len() {
        if v.upos[w] != Upos::Verb
            || v.xpos[w] != "VBZ"
            || !v.lower[w].ends_with('s')
            || v.upos[w - 1] != Upos::Noun
            || v.head[w - 1] != w
            || v.rel(w - 1) != "nsubj"
        {
            continue;
        }
        let modal = v.kids(w).iter().copied().find(|&m| {
            m > w
                && v.upos[m] == Upos::Verb
                && matches!(v.rel(m), "advcl" | "ccomp" | "conj" | "parataxis")
                && !v.kids(m).iter().any(|&k| v.rel(k).starts_with("nsubj"))
                && v.kids(m).iter().any(|&k| {
                    v.rel(k) == "aux"
                        && matches!(v.lower[k].as_str(), "would" | "will" | "could" | "might")
                })
        });
        let Some(m) = modal else {
            continue;
        };
        v.head[m] = v.head[w];
        v.deprel[m] = v.deprel[w].clone();
        v.head[w] = m;
        v.deprel[w] = "nsubj".to_string();
        make_plural_noun(v, w, Some(w - 1));
        changed = true;
    }
    changed
}

/// "Two soldiers were captured near Bakhmut by Ukrainian troops, the military said" with
/// "by Ukrainian troops" read as a clause of "said". A noun with its own preposition never
/// heads a clausal relation: a "by" phrase so placed is the agent of the nearest passive
/// verb before it.
fn by_phrase_as_clause(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        if !matches!(v.upos[k], Upos::Noun | Upos::Propn)
            || !matches!(v.rel(k), "ccomp" | "parataxis" | "conj" | "advcl" | "xcomp")
            || v.case_of(k) != Some("by")
        {
            continue;
        }
        let Some(p) = (0..k).rev().find(|&p| {
            v.upos[p] == Upos::Verb && v.kids(p).iter().any(|&c| v.full_rel(c) == "aux:pass")
        }) else {
            continue;
        };
        v.head[k] = p;
        v.deprel[k].clear();
        v.deprel[k].push_str("obl:agent");
        v.reindex();
        changed = true;
    }
    changed
}

/// "air defence systems shot down [seven rockets]" with the object left as a bare `obl`
/// (no preposition, no time or measure subtype), "shelled [Kharkiv]" with the name as an
/// `xcomp`. A noun after a verb with no object of its own and no preposition is that
/// verb's object.
fn bare_oblique_is_object(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let p = v.head[k];
        // Also a name read as a predicative complement ("shelled [Kharkiv]" as xcomp).
        let bare = match v.full_rel(k) {
            "obl" => matches!(v.upos[k], Upos::Noun | Upos::Propn),
            "xcomp" => v.upos[k] == Upos::Propn,
            _ => false,
        };
        if p == NONE
            || p > k
            || !bare
            || v.upos[p] != Upos::Verb
            || v.case_of(k).is_some()
            || v.child(p, "obj").is_some()
        {
            continue;
        }
        v.deprel[k].clear();
        v.deprel[k].push_str("obj");
        v.reindex();
        changed = true;
    }
    changed
}

/// "Azerbaijan handed over [32 servicemen]": the particle of a phrasal verb read as the
/// preposition of its object (EWT has "over" as a particle only after a handful of verbs).
/// Right after "hand", "take" or "turn", with the phrase as an oblique of that verb,
/// "over" is the particle and the phrase the object ("fought over the town" keeps its
/// preposition: "fight over" is no phrasal verb).
fn particle_read_as_preposition(v: &mut SentView) -> bool {
    let mut changed = false;
    for c in 1..v.len() {
        let w = c - 1;
        let k = v.head[c];
        if v.lower[c] != "over"
            || v.rel(c) != "case"
            || k == NONE
            || v.head[k] != w
            || v.rel(k) != "obl"
            || v.upos[w] != Upos::Verb
            || !matches!(v.lemma[w].as_str(), "hand" | "take" | "turn")
            || v.child(w, "obj").is_some()
        {
            continue;
        }
        v.head[c] = w;
        v.deprel[c].clear();
        v.deprel[c].push_str("compound:prt");
        v.upos[c] = Upos::Adp;
        v.xpos[c] = "RP".to_string();
        v.deprel[k].clear();
        v.deprel[k].push_str("obj");
        v.reindex();
        changed = true;
    }
    changed
}

/// "The agency said U.S. and British aircraft struck the area": the parser makes the
/// reported clause's subject a second subject of "said", and its verb a participle on that
/// subject ("aircraft [that were] struck") or a conjunct of it ("U.S. and ... struck").
/// A verb has one subject; the second, after the verb, with a past-form verb hanging on it
/// with no auxiliary, is the subject of that verb (or, when the verb has a subject of its
/// own after it, that subject's modifier), and that clause is what was said.
fn reported_clause_under_second_subject(v: &mut SentView) -> bool {
    let mut changed = false;
    for w in 0..v.len() {
        if v.upos[w] != Upos::Verb {
            continue;
        }
        let subjects: Vec<usize> = v
            .kids(w)
            .iter()
            .copied()
            .filter(|&k| is_subject(v.deprel[k].as_str()))
            .collect();
        let (Some(&first), Some(&second)) = (subjects.first(), subjects.last()) else {
            continue;
        };
        if first >= w || second <= w {
            continue;
        }
        // The past-form verb on the second subject or on one of its conjuncts.
        let Some(x) = (second + 1..v.len()).find(|&x| {
            v.upos[x] == Upos::Verb
                && matches!(v.xpos[x].as_str(), "VBD" | "VBN")
                && matches!(v.rel(x), "acl" | "conj")
                && v.parent(x)
                    .is_some_and(|h| h == second || v.dominates(second, h))
                && !v
                    .kids(x)
                    .iter()
                    .any(|&k| matches!(v.rel(k), "aux" | "mark"))
                && v.child(x, "obl:agent").is_none()
        }) else {
            continue;
        };
        let own = v
            .kids(x)
            .iter()
            .copied()
            .find(|&k| is_subject(v.deprel[k].as_str()));
        match own {
            Some(s) if s > second && s < x => {
                v.head[second] = s;
                let rel = if v.upos[second] == Upos::Adj {
                    "amod"
                } else {
                    "compound"
                };
                v.deprel[second].clear();
                v.deprel[second].push_str(rel);
            }
            Some(_) => continue,
            None => {
                v.head[second] = x;
                v.deprel[second].clear();
                v.deprel[second].push_str("nsubj");
            }
        }
        v.head[x] = w;
        v.deprel[x].clear();
        v.deprel[x].push_str("ccomp");
        v.xpos[x] = "VBD".to_string();
        v.reindex();
        changed = true;
    }
    changed
}

/// "the enemy tried 18 times to advance towards Terny": after an infinitival "to" the
/// tagger read the verb as a noun ("advance", "attack", "push") and the parser hung it as a
/// modifier of the count. A noun whose own dependent is the infinitive marker "to" is a
/// verb; when it hangs on "time(s)" counting the tries of a verb, it is that verb's
/// complement.
fn infinitive_read_as_noun(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for w in 1..n {
        if v.upos[w] != Upos::Noun
            || v.lower[w - 1] != "to"
            || v.head[w - 1] != w
            || v.rel(w - 1) != "mark"
            || v.kids(w)
                .iter()
                .any(|&k| matches!(v.rel(k), "det" | "amod" | "nummod"))
        {
            continue;
        }
        v.upos[w] = Upos::Verb;
        v.xpos[w] = "VB".to_string();
        let t = v.head[w];
        if t != NONE
            && matches!(v.lemma[t].as_str(), "time" | "times")
            && matches!(v.rel(t), "obl" | "obj")
        {
            let g = v.head[t];
            if g != NONE && v.upos[g] == Upos::Verb && !v.dominates(w, g) {
                v.head[w] = g;
                v.deprel[w] = "xcomp".to_string();
            }
        }
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "agreed to a 30-day pause in strikes on energy facilities": the parser hung "in
/// strikes" on the verb. A prepositional phrase right after a noun of pausing (pause,
/// halt, cessation, moratorium, suspension), hung on that noun's own verb, says what is
/// paused: it belongs to the noun.
fn paused_fighting_under_the_verb(v: &mut SentView) -> bool {
    let n = v.len();
    let mut changed = false;
    for p in 0..n.saturating_sub(2) {
        if v.upos[p] != Upos::Noun
            || !matches!(
                v.lower[p].as_str(),
                "pause" | "pauses" | "halt" | "cessation" | "moratorium" | "suspension"
            )
            || !matches!(v.lower[p + 1].as_str(), "in" | "of" | "to" | "on")
        {
            continue;
        }
        let x = v.head[p + 1];
        if x == NONE
            || x <= p + 1
            || v.head[p] == NONE
            || v.head[x] != v.head[p]
            || v.rel(x) != "obl"
        {
            continue;
        }
        v.head[x] = p;
        v.deprel[x] = "nmod".to_string();
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "imposed sanctions [on 11 North Korean individuals]": the parser made the phrase a
/// second object of the verb, and hung the preposition on its number. An object has no
/// preposition (UD), so a nominal `obj` or `iobj` with an ADP `case` before it is an
/// oblique of its verb (`obl`), or a modifier of its noun (`nmod`).
fn object_with_preposition(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let p = v.head[k];
        if p == NONE
            || !matches!(v.rel(k), "obj" | "iobj")
            || !matches!(v.upos[k], Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
        {
            continue;
        }
        // (the preposition may hang on the phrase's number: "on [11] individuals")
        let is_case = |c: usize| c < k && v.rel(c) == "case" && v.upos[c] == Upos::Adp;
        let prep = v.kids(k).iter().copied().find(|&c| is_case(c)).or_else(|| {
            v.kids(k)
                .iter()
                .filter(|&&m| m < k && v.rel(m) == "nummod")
                .find_map(|&m| v.kids(m).iter().copied().find(|&c| c < m && is_case(c)))
        });
        let Some(c) = prep else { continue };
        v.head[c] = k;
        let rel = if matches!(v.upos[p], Upos::Noun | Upos::Propn | Upos::Pron) {
            "nmod"
        } else {
            "obl"
        };
        v.deprel[k] = rel.to_string();
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "The Kremlin said on Monday that any missiles would be regarded as ..." misread with the
/// reported clause a relative clause of the day. A day takes no relative clause whose
/// "that" opens it and which has a subject of its own besides: the clause is the
/// complement of the verb the day is a time of.
fn reported_clause_under_time_word(v: &mut SentView) -> bool {
    let mut changed = false;
    for k in 0..v.len() {
        let t = v.head[k];
        if t == NONE || v.rel(k) != "acl" || !is_time_word(&v.lower[t]) || v.rel(t) != "obl" {
            continue;
        }
        let h = v.head[t];
        if h == NONE || v.upos[h] != Upos::Verb {
            continue;
        }
        let Some(that) = v
            .kids(k)
            .iter()
            .copied()
            .find(|&c| c == t + 1 && v.lower[c] == "that")
        else {
            continue;
        };
        let own_subject = v
            .kids(k)
            .iter()
            .any(|&c| c != that && is_subject(v.deprel[c].as_str()));
        if !own_subject {
            continue;
        }
        v.head[k] = h;
        v.deprel[k] = "ccomp".to_string();
        v.deprel[that] = "mark".to_string();
        changed = true;
    }
    if changed {
        v.reindex();
    }
    changed
}

/// "Russia's foreign minister warned on Tuesday that any troops would become targets"
/// misread with "warned" a reduced relative of the root noun ("the minister [who was]
/// warned") and the reported clause another modifier of the noun. A past verb of saying
/// right after the root noun, with no subject or auxiliary of its own, while a "that"
/// clause after it also hangs on the noun, is the sentence's verb: the noun is its
/// subject, the clause its complement.
fn speech_verb_read_as_modifier(v: &mut SentView) -> bool {
    const SAID: [&str; 12] = [
        "said",
        "warned",
        "told",
        "stated",
        "announced",
        "claimed",
        "cautioned",
        "stressed",
        "insisted",
        "declared",
        "added",
        "threatened",
    ];
    let Some(h) = (0..v.len()).find(|&i| v.head[i] == NONE) else {
        return false;
    };
    if !matches!(v.upos[h], Upos::Noun | Upos::Propn) {
        return false;
    }
    let Some(w) = v.kids(h).iter().copied().find(|&w| {
        w > h
            && v.rel(w) == "acl"
            && v.upos[w] == Upos::Verb
            && SAID.contains(&v.lower[w].as_str())
            && !(h + 1..w).any(|k| matches!(v.upos[k], Upos::Verb | Upos::Aux))
            && !v
                .kids(w)
                .iter()
                .any(|&k| is_subject(v.deprel[k].as_str()) || v.rel(k) == "aux")
    }) else {
        return false;
    };
    // (the clause may already be the verb's: "warned on Sunday that ..." after
    // `reported_clause_under_time_word`)
    let that = |c: usize| {
        v.kids(c)
            .iter()
            .any(|&m| m < c && v.lower[m] == "that" && v.rel(m) == "mark")
    };
    let Some(c) = v
        .kids(h)
        .iter()
        .copied()
        .find(|&c| c > w && matches!(v.rel(c), "acl" | "ccomp" | "parataxis") && that(c))
        .or_else(|| {
            v.kids(w)
                .iter()
                .copied()
                .find(|&c| v.rel(c) == "ccomp" && that(c))
        })
    else {
        return false;
    };
    v.head[w] = NONE;
    v.deprel[w] = "root".to_string();
    v.head[h] = w;
    v.deprel[h] = "nsubj".to_string();
    v.head[c] = w;
    v.deprel[c] = "ccomp".to_string();
    // (the final punctuation goes with the root)
    for k in c + 1..v.len() {
        if v.head[k] == h && v.upos[k] == Upos::Punct {
            v.head[k] = w;
        }
    }
    v.reindex();
    true
}

/// "Any attempt to strike Crimea would receive a decisive response" misread with "Crimea"
/// the subject of "would receive" and that clause the complement of "strike". An
/// infinitive that modifies a noun takes no complement clause whose subject is the word
/// right after it: that word is the infinitive's object, and the clause is the sentence
/// the noun is the subject of.
fn infinitive_object_read_as_subject(v: &mut SentView) -> bool {
    for c in 0..v.len() {
        let s = v.head[c];
        if s == NONE || v.rel(c) != "ccomp" || v.rel(s) != "acl" || v.upos[s] != Upos::Verb {
            continue;
        }
        let a = v.head[s];
        if a == NONE || a > s || !matches!(v.upos[a], Upos::Noun | Upos::Propn) {
            continue;
        }
        let to = v
            .kids(s)
            .iter()
            .any(|&m| m < s && v.lower[m] == "to" && v.rel(m) == "mark");
        let modal = v.kids(c).iter().any(|&k| {
            v.rel(k) == "aux"
                && matches!(
                    v.lemma[k].as_str(),
                    "will" | "would" | "could" | "can" | "must" | "may" | "might" | "should"
                )
        });
        let Some(n) = v
            .kids(c)
            .iter()
            .copied()
            .find(|&k| v.full_rel(k) == "nsubj" && k > s && k < c)
        else {
            continue;
        };
        // (the object's phrase starts right after the infinitive: "strike Crimea",
        // "hit the bridge")
        let starts = (s + 1..=n).all(|k| k == n || v.head[k] == n);
        if !to || !modal || !starts || v.kids(s).iter().any(|&k| v.rel(k) == "obj") {
            continue;
        }
        v.head[n] = s;
        v.deprel[n] = "obj".to_string();
        let (ah, arel) = (v.head[a], v.deprel[a].clone());
        v.head[c] = ah;
        // ("said any attempt ... would receive": the noun was read as the object of the
        // verb of saying; the clause is its complement)
        v.deprel[c] = if arel == "obj" {
            "ccomp".to_string()
        } else {
            arel
        };
        v.head[a] = c;
        v.deprel[a] = "nsubj".to_string();
        // (what hung on the noun after the clause, such as "she warned" and the final
        // point, now hangs on the clause)
        for k in c + 1..v.len() {
            if v.head[k] == a && matches!(v.rel(k), "punct" | "parataxis") {
                v.head[k] = c;
            }
        }
        v.reindex();
        return true;
    }
    false
}

/// "Mohammed Ali al-Houthi, a member of the council, accused Washington of ..." read as a
/// verbless sentence: the name is the root and the verb hangs on it or on a noun of its
/// appositions (as a conjunct, relative or parataxis). A sentence with no verb before a
/// comma and a subjectless finite verb after it is that verb's clause, the name its
/// subject; what followed the verb under the name stays with it.
fn verb_after_apposition_of_root_name(v: &mut SentView) -> bool {
    let Some(r) = (0..v.len()).find(|&i| v.head[i] == NONE) else {
        return false;
    };
    if !matches!(v.upos[r], Upos::Noun | Upos::Propn) {
        return false;
    }
    let under_root = |mut k: usize| {
        for _ in 0..8 {
            match v.parent(k) {
                Some(p) if p == r => return true,
                Some(p) if matches!(v.upos[p], Upos::Noun | Upos::Propn) => k = p,
                _ => return false,
            }
        }
        false
    };
    let Some(k) = (r + 2..v.len()).find(|&k| {
        v.upos[k] == Upos::Verb
            && matches!(v.xpos[k].as_str(), "VBD" | "VBZ" | "VBP")
            && v.lower[k - 1] == ","
            && matches!(v.rel(k), "conj" | "parataxis" | "acl")
            && under_root(k)
            && !v.kids(k).iter().any(|&c| args::is_subj_rel(v, c))
    }) else {
        return false;
    };
    if (0..k).any(|j| matches!(v.upos[j], Upos::Verb | Upos::Aux)) {
        return false;
    }
    for j in k + 1..v.len() {
        if v.head[j] == r {
            v.head[j] = k;
        }
    }
    v.head[k] = NONE;
    v.deprel[k] = "root".to_string();
    v.head[r] = k;
    v.deprel[r] = "nsubj".to_string();
    v.reindex();
    true
}

/// "Zelensky said the attack showed that Moscow had no interest in peace, and urged allies
/// to speed up deliveries" misread with "urged" conjoined to "had" inside the reported
/// clause, so that Moscow urges. A verb of saying, asking or judging that follows ", and"
/// with no subject of its own, past tense like the speech verb above the clause, is the
/// speaker's next act: it is conjoined to the speech verb.
fn speaker_act_conjoined_into_reported_clause(v: &mut SentView) -> bool {
    const ACTS: [&str; 18] = [
        "urge",
        "call",
        "appeal",
        "ask",
        "warn",
        "vow",
        "pledge",
        "promise",
        "thank",
        "accuse",
        "criticize",
        "criticise",
        "condemn",
        "demand",
        "insist",
        "stress",
        "add",
        "say",
    ];
    const SPEECH: [&str; 6] = ["say", "tell", "state", "announce", "claim", "declare"];
    let Some(s) = (0..v.len()).find(|&i| v.head[i] == NONE) else {
        return false;
    };
    if !SPEECH.contains(&v.lemma[s].as_str()) || v.xpos[s] != "VBD" {
        return false;
    }
    let Some(c) = v
        .kids(s)
        .iter()
        .copied()
        .find(|&c| c > s && v.rel(c) == "ccomp")
    else {
        return false;
    };
    // Inside the reported clause: below `c` by any path.
    let inside = |mut k: usize| {
        for _ in 0..v.len() {
            if k == c {
                return true;
            }
            match v.parent(k) {
                Some(p) if p != s => k = p,
                _ => return false,
            }
        }
        false
    };
    let Some(k) = (c + 3..v.len()).find(|&k| {
        v.upos[k] == Upos::Verb
            && matches!(v.xpos[k].as_str(), "VBD" | "VBN")
            && v.rel(k) == "conj"
            && v.lower[k - 1] == "and"
            && v.lower[k - 2] == ","
            && ACTS.contains(&v.lemma[k].as_str())
            && v.parent(k).is_some_and(inside)
            && !v
                .kids(k)
                .iter()
                .any(|&m| args::is_subj_rel(v, m) || v.rel(m) == "aux")
    }) else {
        return false;
    };
    v.head[k] = s;
    v.deprel[k] = "conj".to_string();
    v.reindex();
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::TestTree;

    fn view(s: &str) -> SentView {
        TestTree::view(s)
    }

    #[test]
    fn reported_clause_moves_off_the_day() {
        let mut v = view("Kremlin/PROPN/Kremlin/2/nsubj said/VERB/say/0/root on/ADP/on/4/case Monday/PROPN/Monday/2/obl that/PRON/that/8/mark jets/NOUN/jet/8/nsubj:pass be/AUX/be/8/aux:pass regarded/VERB/regard/4/acl:relcl");
        assert!(reported_clause_under_time_word(&mut v));
        assert_eq!(v.parent(7), Some(1));
        assert_eq!(v.full_rel(7), "ccomp");
        // A true relative clause ("the day that changed everything") has no subject of
        // its own besides "that": left alone.
        let mut w = view("He/PRON/he/2/nsubj said/VERB/say/0/root on/ADP/on/4/case Monday/PROPN/Monday/2/obl that/PRON/that/6/nsubj changed/VERB/change/4/acl:relcl");
        assert!(!reported_clause_under_time_word(&mut w));
    }

    #[test]
    fn speakers_appeal_leaves_the_reported_clause() {
        let t = "She/PRON/she/2/nsubj said/VERB/say/0/root Serbia/PROPN/Serbia/4/nsubj wanted/VERB/want/2/ccomp calm/NOUN/calm/4/obj ,/PUNCT/,/8/punct and/CCONJ/and/8/cc urged/VERB/urge/4/conj talks/NOUN/talk/8/obj";
        let past = |v: &mut SentView| {
            for i in [1, 3, 7] {
                v.xpos[i] = "VBD".to_string();
            }
        };
        let mut v = view(t);
        past(&mut v);
        assert!(speaker_act_conjoined_into_reported_clause(&mut v));
        assert_eq!(v.parent(7), Some(1));
        // Without the comma the second verb may well be the reported subject's.
        let mut w = view(&t.replace(",/PUNCT/,/8/punct", "then/ADV/then/8/advmod"));
        past(&mut w);
        assert!(!speaker_act_conjoined_into_reported_clause(&mut w));
    }

    #[test]
    fn speech_verb_becomes_the_root() {
        let mut v = view("minister/NOUN/minister/0/root warned/VERB/warn/1/acl that/SCONJ/that/5/mark troops/NOUN/troops/5/nsubj become/VERB/become/1/acl targets/NOUN/target/5/obj ./PUNCT/./1/punct");
        assert!(speech_verb_read_as_modifier(&mut v));
        assert_eq!(v.parent(1), None);
        assert_eq!(v.parent(0), Some(1));
        assert_eq!(v.full_rel(0), "nsubj");
        assert_eq!(v.parent(4), Some(1));
        assert_eq!(v.full_rel(4), "ccomp");
        assert_eq!(v.parent(6), Some(1));
        // "the minister warned by ..." with an auxiliary is a real modifier: left alone.
        let mut w = view("minister/NOUN/minister/0/root was/AUX/be/3/aux warned/VERB/warn/1/acl that/SCONJ/that/6/mark troops/NOUN/troops/6/nsubj become/VERB/become/1/acl");
        assert!(!speech_verb_read_as_modifier(&mut w));
    }

    #[test]
    fn infinitive_object_leaves_the_next_clause() {
        let mut v = view("Any/DET/any/2/det attempt/NOUN/attempt/0/root to/PART/to/4/mark strike/VERB/strike/2/acl Crimea/PROPN/Crimea/7/nsubj would/AUX/would/7/aux receive/VERB/receive/4/ccomp response/NOUN/response/7/obj ./PUNCT/./2/punct");
        assert!(infinitive_object_read_as_subject(&mut v));
        assert_eq!(v.parent(4), Some(3));
        assert_eq!(v.full_rel(4), "obj");
        assert_eq!(v.parent(6), None);
        assert_eq!(v.parent(1), Some(6));
        assert_eq!(v.full_rel(1), "nsubj");
        assert_eq!(v.parent(8), Some(6));
        // Without a modal the clause may well be the infinitive's ("a plan to say Kyiv
        // lost"): left alone.
        let mut w = view("plan/NOUN/plan/0/root to/PART/to/3/mark say/VERB/say/1/acl Kyiv/PROPN/Kyiv/5/nsubj lost/VERB/lose/3/ccomp");
        assert!(!infinitive_object_read_as_subject(&mut w));
    }

    #[test]
    fn object_with_preposition_becomes_oblique() {
        let mut v = view("EU/PROPN/EU/2/nsubj imposed/VERB/impose/0/root sanctions/NOUN/sanction/2/obj on/ADP/on/5/case 15/NUM/15/7/nummod Korean/ADJ/korean/7/amod officials/NOUN/official/2/obj");
        assert!(object_with_preposition(&mut v));
        assert_eq!(v.full_rel(6), "obl");
        assert_eq!(v.parent(3), Some(6));
        assert_eq!(v.case_of(6), Some("on"));
        // A plain object is left alone.
        let mut w =
            view("EU/PROPN/EU/2/nsubj imposed/VERB/impose/0/root sanctions/NOUN/sanction/2/obj");
        assert!(!object_with_preposition(&mut w));
    }

    #[test]
    fn promotes_participle_of_root_noun() {
        let mut v = view("Russian/ADJ/russian/2/amod forces/NOUN/force/0/root shelled/VERB/shell/2/acl Kherson/PROPN/Kherson/3/obj");
        v.xpos[2] = "VBN".into();
        assert!(promote_past_verb(&mut v));
        assert_eq!(v.parent(1), Some(2));
        assert_eq!(v.full_rel(1), "nsubj");
        assert_eq!(v.parent(2), None);
        assert_eq!(v.full_rel(2), "root");
    }

    #[test]
    fn after_clause_misread_as_preposition() {
        let mut v = view("troops/NOUN/troop/2/nsubj came/VERB/come/0/root after/ADP/after/5/case Ukrainian/ADJ/ukrainian/5/amod forces/NOUN/force/2/obl launched/VERB/launch/2/conj attacks/NOUN/attack/6/obj");
        v.xpos[5] = "VBD".into();
        assert!(repair(&mut v));
        assert_eq!(v.parent(4), Some(5));
        assert_eq!(v.full_rel(4), "nsubj");
        assert_eq!(v.full_rel(5), "advcl");
        assert_eq!(v.full_rel(2), "mark");
    }

    #[test]
    fn infinitive_subject_becomes_its_noun() {
        let mut v = view("tense/ADJ/tense/0/root with/SCONJ/with/5/mark threats/NOUN/threat/5/nsubj to/PART/to/5/mark strike/VERB/strike/1/advcl Kyiv/PROPN/Kyiv/5/obj");
        v.xpos[4] = "VB".into();
        assert!(repair(&mut v));
        assert_eq!(v.parent(2), Some(0));
        assert_eq!(v.full_rel(2), "obl");
        assert_eq!(v.parent(4), Some(2));
        assert_eq!(v.full_rel(4), "acl");
        assert_eq!(v.full_rel(1), "case");
    }

    #[test]
    fn agent_without_by_is_object() {
        let mut v = view(
            "forces/NOUN/force/0/root destroyed/VERB/destroy/1/acl tanks/NOUN/tank/2/obl:agent",
        );
        v.xpos[1] = "VBN".into();
        assert!(repair(&mut v));
        assert_eq!(v.full_rel(2), "obj");
        assert_eq!(v.parent(0), Some(1));
        assert_eq!(v.full_rel(0), "nsubj");
    }

    #[test]
    fn compound_with_preposition_heads_its_phrase() {
        let mut v = view("tanks/NOUN/tank/3/nsubj:pass were/AUX/be/3/aux:pass supplied/VERB/supply/0/root by/ADP/by/5/case Germany/PROPN/Germany/6/compound month/NOUN/month/3/obl:unmarked");
        assert!(repair(&mut v));
        assert_eq!(v.parent(4), Some(2));
        assert_eq!(v.full_rel(4), "obl");
        assert_eq!(crate::args::agent(&v, 2), Some(4));
    }

    #[test]
    fn verb_with_subject_is_not_a_modifier() {
        let mut v = view("Russia/PROPN/Russia/2/nsubj fired/VERB/fire/3/amod missiles/NOUN/missile/6/nsubj ,/PUNCT/,/6/punct officials/NOUN/official/6/nsubj said/VERB/say/0/root");
        v.xpos[1] = "VBN".into();
        assert!(repair(&mut v));
        assert_eq!(v.parent(1), Some(5));
        assert_eq!(v.full_rel(1), "ccomp");
        assert_eq!(v.parent(2), Some(1));
        assert_eq!(v.full_rel(2), "obj");
    }

    #[test]
    fn clause_under_time_phrase_root() {
        let mut v = view("On/ADP/on/2/case Friday/PROPN/Friday/0/root they/PRON/they/4/nsubj attacked/VERB/attack/2/acl:relcl positions/NOUN/position/4/obj");
        v.xpos[3] = "VBN".into();
        assert!(repair(&mut v));
        assert_eq!(v.parent(3), None);
        assert_eq!(v.parent(1), Some(3));
        assert_eq!(v.full_rel(1), "obl");
        assert_eq!(crate::args::subject(&v, 3), Some(2));
    }

    #[test]
    fn relative_clause_with_relative_pronoun_stays() {
        let mut v = view("On/ADP/on/2/case roads/NOUN/road/0/root that/PRON/that/4/nsubj lead/VERB/lead/2/acl:relcl north/ADV/north/4/advmod");
        assert!(!clause_under_prepositional_root(&mut v));
    }

    #[test]
    fn leaves_real_main_verb_alone() {
        let mut v = view("missiles/NOUN/missile/4/nsubj launched/VERB/launch/1/acl by/ADP/by/4/case hit/VERB/hit/0/root");
        assert!(!promote_past_verb(&mut v));
    }
    #[test]
    fn reported_clause_misread_as_second_subject() {
        let mut v = view("agency/NOUN/agency/2/nsubj said/VERB/say/0/root U.S./PROPN/U.S./2/nsubj and/CCONJ/and/5/cc British/ADJ/british/3/conj aircraft/NOUN/aircraft/3/conj struck/VERB/strike/6/acl depots/NOUN/depot/7/obj");
        v.xpos[6] = "VBN".into();
        assert!(reported_clause_under_second_subject(&mut v));
        assert_eq!(v.parent(6), Some(1));
        assert_eq!(v.full_rel(6), "ccomp");
        assert_eq!(v.parent(2), Some(6));
        assert_eq!(v.full_rel(2), "nsubj");
        // The conjunct reading, with the verb's own subject after the first: that subject
        // heads the phrase.
        let mut v = view("agency/NOUN/agency/2/nsubj said/VERB/say/0/root U.S./PROPN/U.S./2/nsubj and/CCONJ/and/5/cc British/ADJ/british/3/conj aircraft/NOUN/aircraft/7/nsubj struck/VERB/strike/3/conj depots/NOUN/depot/7/obj");
        v.xpos[6] = "VBD".into();
        assert!(reported_clause_under_second_subject(&mut v));
        assert_eq!(v.parent(6), Some(1));
        assert_eq!(v.parent(2), Some(5));
        assert_eq!(v.full_rel(2), "compound");
        // One subject: nothing to repair.
        let mut v = view("agency/NOUN/agency/2/nsubj said/VERB/say/0/root aircraft/NOUN/aircraft/4/nsubj struck/VERB/strike/2/ccomp depots/NOUN/depot/4/obj");
        v.xpos[3] = "VBD".into();
        assert!(!reported_clause_under_second_subject(&mut v));
    }

    #[test]
    fn verb_after_apposition_of_a_root_name() {
        let mut v = view("Amer/PROPN/Amer/0/root ,/PUNCT/,/4/punct the/DET/the/4/det head/NOUN/head/1/appos ,/PUNCT/,/6/punct accused/VERB/accuse/1/acl:relcl Israel/PROPN/Israel/6/obj ./PUNCT/./1/punct");
        v.xpos[5] = "VBD".into();
        assert!(verb_after_apposition_of_root_name(&mut v));
        assert_eq!(v.parent(5), None);
        assert_eq!(v.parent(0), Some(5));
        assert_eq!(v.full_rel(0), "nsubj");
        assert_eq!(v.parent(7), Some(5));
        // A verb before the comma: the sentence has its clause already.
        let mut v = view("Amer/PROPN/Amer/0/root said/VERB/say/1/acl ,/PUNCT/,/4/punct accused/VERB/accuse/1/conj Israel/PROPN/Israel/4/obj");
        v.xpos[3] = "VBD".into();
        assert!(!verb_after_apposition_of_root_name(&mut v));
    }
}
