//! Finding the participants of a trigger in the dependency tree.
//!
//! Subjects are inherited the way English leaves them implicit: conjoined verbs share the
//! subject of the first ("shelled and captured"), controlled infinitives take the
//! controller ("decided to send": the subject of "decided"; "urged X to send": X), adverbial
//! participles take the main clause's subject ("..., condemning the West"), participles and
//! relative clauses take the noun they modify. Passives swap roles: the "by" phrase is the
//! agent and the passive subject the patient.

use crate::view::SentView;

/// Relations that mark a (possibly passive) subject.
pub fn is_subj_rel(v: &SentView, k: usize) -> bool {
    matches!(v.rel(k), "nsubj" | "csubj")
}

/// Whether the clause headed by `p` is passive.
pub fn is_passive(v: &SentView, p: usize) -> bool {
    v.kids(p).iter().any(|&k| {
        v.full_rel(k) == "aux:pass"
            || v.full_rel(k) == "nsubj:pass"
            || v.full_rel(k) == "csubj:pass"
    }) || (v.rel(p) == "acl" && v.full_rel(p) != "acl:relcl" && v.xpos[p] == "VBN")
}

/// The subject of predicate `p`: its own, or inherited. Returns the subject word and
/// whether it came with a passive construction (a patient, not an agent).
pub fn subject(v: &SentView, p: usize) -> Option<usize> {
    subject_depth(v, p, 0)
}

fn subject_depth(v: &SentView, p: usize, depth: usize) -> Option<usize> {
    if depth > 6 {
        return None;
    }
    // Two subjects is a misparse ("08 July | Nikopol, Dnipropetrovsk | ... Military Forces
    // of Russia shelled Nikopol"): the nearest before the verb that names an actor is its
    // subject, else the first.
    let subj = v
        .kids(p)
        .iter()
        .copied()
        .rfind(|&k| is_subj_rel(v, k) && k < p && v.actor_at(k).is_some())
        .or_else(|| v.kids(p).iter().copied().find(|&k| is_subj_rel(v, k)));
    if let Some(k) = subj {
        // Relative pronoun subject: the antecedent is the noun the clause modifies.
        if matches!(v.lemma[k].as_str(), "that" | "which" | "who") && v.rel(p) == "acl" {
            return v.parent(p);
        }
        return Some(k);
    }
    let h = v.parent(p)?;
    match v.rel(p) {
        "conj" => subject_depth(v, h, depth + 1),
        "xcomp" => {
            // Object control: "urged Ukraine to retreat", "helped X recapture".
            // Only a participant can control: a thing ("characterized the strike as
            // evidence of willingness to escalate") means the parser attached a noun's
            // infinitive to the verb, and the verb's subject is the better guess.
            if let Some(o) = v.child(h, "obj") {
                if o < p && (v.actor_at(o).is_some() || v.upos[o] != rung_parse::Upos::Noun) {
                    return Some(o);
                }
            }
            subject_depth(v, h, depth + 1)
        }
        "advcl" => {
            if is_passive(v, h) {
                agent(v, h).or_else(|| subject_depth(v, h, depth + 1))
            } else {
                subject_depth(v, h, depth + 1)
            }
        }
        "ccomp" => {
            // "announced it would give": the parser often hangs the pronoun subject on the
            // governing verb as its object.
            v.child(h, "obj")
                .filter(|&o| o < p && v.upos[o] == rung_parse::Upos::Pron)
        }
        "acl" => {
            // "statements condemning X": the modified noun; when it is not an actor the
            // caller climbs further (see `noun_owner`).
            Some(h)
        }
        _ => None,
    }
}

/// The "by" agent of a passive predicate.
pub fn agent(v: &SentView, p: usize) -> Option<usize> {
    v.kids(p)
        .iter()
        .copied()
        .find(|&k| matches!(v.rel(k), "obl" | "nmod") && v.case_of(k) == Some("by"))
}

/// The passive subject (patient) of `p`, own or inherited.
pub fn patient(v: &SentView, p: usize) -> Option<usize> {
    if let Some(k) = v
        .kids(p)
        .iter()
        .copied()
        .find(|&k| v.full_rel(k) == "nsubj:pass")
    {
        return Some(k);
    }
    if v.rel(p) == "acl" && v.full_rel(p) != "acl:relcl" {
        return v.parent(p);
    }
    subject(v, p)
}

/// Objects of `p` (obj, then iobj), in sentence order.
pub fn objects(v: &SentView, p: usize) -> impl Iterator<Item = usize> + '_ {
    v.kids(p)
        .iter()
        .copied()
        .filter(move |&k| matches!(v.rel(k), "obj" | "iobj"))
}

/// The object a coordinated verb shares with the verb it is coordinated with, when it has
/// none of its own: "intercepted and destroyed 30 drones" (the parser hangs "drones" on
/// "intercepted", after "destroyed").
pub fn shared_object(v: &SentView, p: usize) -> Option<usize> {
    if v.rel(p) != "conj" || objects(v, p).next().is_some() {
        return None;
    }
    let h = v.parent(p)?;
    objects(v, h).find(|&o| o > p)
}

/// Prepositional dependents of `p` introduced by one of `preps`.
pub fn prep_objects<'a>(
    v: &'a SentView,
    p: usize,
    preps: &'a [String],
) -> impl Iterator<Item = usize> + 'a {
    v.kids(p).iter().copied().filter(move |&k| {
        matches!(v.rel(k), "obl" | "nmod" | "advcl" | "acl")
            && v.case_of(k).is_some_and(|c| preps.iter().any(|x| x == c))
            // The infinitive marker is no preposition: "threats to intensify" names what
            // is threatened, not a threat "to" someone.
            && !v
                .kids(k)
                .iter()
                .any(|&m| v.rel(m) == "mark" && m < k && v.upos[m] == rung_parse::Upos::Part)
    })
}

/// The infinitive `p` governs: its `xcomp`, or a subjectless "to" clause the parser hung
/// as `advcl` ("called on Germany [to send] missiles" is a request's complement, not a
/// purpose clause).
pub fn infinitive(v: &SentView, p: usize) -> Option<usize> {
    v.child(p, "xcomp")
        .or_else(|| v.kids(p).iter().copied().find(|&k| is_to_advcl(v, k)))
}

/// Whether `k` is a subjectless `advcl` marked by infinitive "to".
pub fn is_to_advcl(v: &SentView, k: usize) -> bool {
    v.rel(k) == "advcl"
        && v.upos[k] == rung_parse::Upos::Verb
        && v.kids(k).iter().any(|&m| {
            m < k && v.rel(m) == "mark" && v.upos[m] == rung_parse::Upos::Part && v.lemma[m] == "to"
        })
        && !v.kids(k).iter().any(|&m| is_subj_rel(v, m))
}

/// The first prepositional dependent of `p` introduced by `prep`.
pub fn prep_object(v: &SentView, p: usize, prep: &str) -> Option<usize> {
    v.kids(p)
        .iter()
        .copied()
        .find(|&k| matches!(v.rel(k), "obl" | "nmod") && v.case_of(k) == Some(prep))
}

/// Conjuncts of `n` (not including `n`).
pub fn conjuncts(v: &SentView, n: usize) -> impl Iterator<Item = usize> + '_ {
    v.kids(n)
        .iter()
        .copied()
        .filter(move |&k| v.rel(k) == "conj")
}

/// Words of the subtree of `n` in breadth-first order, up to `max_depth` levels, not
/// entering clauses (ccomp, parataxis) that start a new statement.
pub fn subtree_bfs(v: &SentView, n: usize, max_depth: usize, out: &mut Vec<usize>) {
    out.clear();
    out.push(n);
    let mut level_start = 0;
    for _ in 0..max_depth {
        let level_end = out.len();
        for i in level_start..level_end {
            let w = out[i];
            for &k in v.kids(w) {
                if !matches!(v.rel(k), "ccomp" | "parataxis" | "punct" | "cc") {
                    out.push(k);
                }
            }
        }
        if out.len() == level_end {
            break;
        }
        level_start = level_end;
    }
}

/// The clause a word belongs to: the word itself when it is a predicate, else the
/// predicate governing the nominal it heads.
pub fn clause_head(v: &SentView, n: usize) -> usize {
    let mut x = n;
    for _ in 0..v.len() {
        match v.rel(x) {
            "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "compound" | "amod" | "conj" | "appos"
            | "flat" | "nummod" | "det" | "case" | "csubj" => match v.parent(x) {
                Some(h) => x = h,
                None => return x,
            },
            _ => return x,
        }
        if matches!(
            v.upos[x],
            rung_parse::Upos::Verb | rung_parse::Upos::Aux | rung_parse::Upos::Adj
        ) {
            return x;
        }
    }
    x
}

/// The first word below `i` (breadth first, down to `depth`) introduced by one of `preps`
/// and `accepted`, reached from `i` only through words that each pass `step` ("fired 100
/// rockets and a swarm of drones at northern Israel": through nominals, never into a
/// clause).
pub fn prep_phrase_below(
    v: &SentView,
    i: usize,
    depth: usize,
    preps: &[String],
    step: impl Fn(usize) -> bool,
    accepted: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut seen = Vec::new();
    subtree_bfs(v, i, depth, &mut seen);
    let through = |mut k: usize| {
        while k != i {
            if !step(k) {
                return false;
            }
            match v.parent(k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        true
    };
    seen.into_iter().skip(1).find(|&k| {
        v.case_of(k).is_some_and(|c| preps.iter().any(|p| p == c)) && accepted(k) && through(k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::TestTree;

    fn view(s: &str) -> SentView {
        TestTree::view(s)
    }

    #[test]
    fn conj_verbs_share_subject() {
        let v = view("Russia/PROPN/Russia/2/nsubj shelled/VERB/shell/0/root and/CCONJ/and/4/cc captured/VERB/capture/2/conj Bakhmut/PROPN/Bakhmut/4/obj");
        assert_eq!(subject(&v, 3), Some(0));
    }

    #[test]
    fn participle_inherits_main_subject() {
        // Moscow wasted no time in responding, condemning the West
        let v = view("Moscow/PROPN/Moscow/2/nsubj wasted/VERB/waste/0/root no/DET/no/4/det time/NOUN/time/2/obj ,/PUNCT/,/6/punct condemning/VERB/condemn/2/advcl the/DET/the/8/det West/PROPN/West/6/obj");
        assert_eq!(subject(&v, 5), Some(0));
    }

    #[test]
    fn passive_agent_and_patient() {
        // troops were trained by Americans
        let v = view("troops/NOUN/troop/3/nsubj:pass were/AUX/be/3/aux:pass trained/VERB/train/0/root by/ADP/by/5/case Americans/PROPN/American/3/obl:agent");
        assert!(is_passive(&v, 2));
        assert_eq!(agent(&v, 2), Some(4));
        assert_eq!(patient(&v, 2), Some(0));
    }

    #[test]
    fn object_control() {
        // Kyiv urged Berlin to send tanks
        let v = view("Kyiv/PROPN/Kyiv/2/nsubj urged/VERB/urge/0/root Berlin/PROPN/Berlin/2/obj to/PART/to/5/mark send/VERB/send/2/xcomp tanks/NOUN/tank/5/obj");
        assert_eq!(subject(&v, 4), Some(2));
    }
}
