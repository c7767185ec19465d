//! Composition of adjacent actor mentions into the phrases CAMEO coders read as one actor
//! (see the rules in the `actors` module documentation).

use crate::actors::{is_possessive, ActorKind, ActorMention};

/// Composes raw matches (with their entry indexes) into actor phrases. `generic` tells
/// whether an agent entry is a generic person noun.
pub(crate) fn compose(
    words: &[&str],
    atoms: Vec<(ActorMention, usize)>,
    generic: impl Fn(usize) -> bool,
) -> Vec<ActorMention> {
    let mut atoms = atoms;
    let mut out = Vec::with_capacity(atoms.len());
    let mut i = 0;
    while i < atoms.len() {
        let (consumed, m) = chain(words, &atoms[i..], &generic);
        // Move the atom out rather than clone it (three strings each): every atom is read
        // by one chain only.
        let m = match m {
            Out::Atom(k) => take(&mut atoms[i + k].0),
            Out::Span(k, start, end) => {
                let mut m = take(&mut atoms[i + k].0);
                m.start = start;
                m.end = end;
                m
            }
            Out::New(m) => m,
        };
        out.push(m);
        i += consumed;
    }
    out
}

/// What a chain yields: an atom as is, an atom over a wider span, or a composed mention.
enum Out {
    Atom(usize),
    Span(usize, usize, usize),
    New(ActorMention),
}

/// Takes a mention out of the atom list, leaving an empty one (no allocation).
fn take(m: &mut ActorMention) -> ActorMention {
    std::mem::replace(
        m,
        ActorMention {
            start: 0,
            end: 0,
            code: String::new(),
            kind: ActorKind::Agent,
            country: None,
            role: String::new(),
        },
    )
}

/// Does mention `b` follow `a_end` directly, or after a possessive `'s`?
fn follows(words: &[&str], a_end: usize, b: &ActorMention, allow_possessive: bool) -> bool {
    b.start == a_end || (allow_possessive && b.start == a_end + 1 && is_possessive(words[a_end]))
}

/// Reads one chain starting at `atoms[0]`; returns how many atoms it used and the mention.
fn chain(
    words: &[&str],
    atoms: &[(ActorMention, usize)],
    generic: &impl Fn(usize) -> bool,
) -> (usize, Out) {
    let first = &atoms[0].0;
    let mut j = 0;
    let mut end = first.start;
    let mut prefix: Option<&ActorMention> = None;
    if (first.kind.is_prefix_kind() || first.kind.absorbs_agents()) && first.country.is_some() {
        prefix = Some(first);
        end = first.end;
        j = 1;
    }
    // a run of agents
    let agents_from = j;
    while j < atoms.len()
        && atoms[j].0.kind == ActorKind::Agent
        && atoms[j].0.country.is_none()
        && (j == 0
            || follows(
                words,
                end,
                &atoms[j].0,
                j == agents_from && prefix.is_some(),
            ))
    {
        end = atoms[j].0.end;
        j += 1;
    }
    let agents = &atoms[agents_from..j];
    // then perhaps a person
    if j < atoms.len()
        && atoms[j].0.kind == ActorKind::Person
        && (j == 0 || follows(words, end, &atoms[j].0, agents.is_empty()))
    {
        let person = &atoms[j].0;
        let fits = prefix.is_none_or(|p| p.country == person.country);
        if j > 0 && fits {
            return (j + 1, Out::Span(j, first.start, person.end));
        }
        if j > 0 && !agents.is_empty() {
            // the prefix names another country: keep it apart, let the agents join the person
            return (1, Out::Atom(0));
        }
    }
    if agents.is_empty() {
        // "South Korea's Joint Chiefs of Staff", "Japanese Joint Staff": a state body the
        // dictionary places in another country belongs to the country that owns it here.
        if let (Some(p), Some(org)) = (prefix, atoms.get(1).map(|a| &a.0)) {
            if p.kind != ActorKind::Bloc
                && org.kind == ActorKind::Organization
                && !org.role.is_empty()
                && org.country.is_some()
                && org.country != p.country
                && follows(words, p.end, org, true)
            {
                let m = composed(p.start, org.end, p.country.clone(), org.role.clone());
                return (2, Out::New(m));
            }
        }
        return (1, Out::Atom(0));
    }
    let role = agent_role(agents, generic);
    if let Some(p) = prefix {
        if p.kind.absorbs_agents() {
            return (j, Out::Span(0, p.start, end));
        }
        return (j, Out::New(composed(p.start, end, p.country.clone(), role)));
    }
    // agents + "of" + (the) + country: "the president of Ukraine"
    if let Some(next) = atoms.get(j).map(|a| &a.0) {
        let of_at = end;
        let skip_the = words
            .get(of_at + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let country_at = of_at + 1 + usize::from(skip_the);
        if words
            .get(of_at)
            .is_some_and(|w| w.eq_ignore_ascii_case("of"))
            && next.start == country_at
            && next.country.is_some()
            && next.kind != ActorKind::Person
        {
            return (
                j + 1,
                Out::New(composed(first.start, next.end, next.country.clone(), role)),
            );
        }
    }
    if agents.len() == 1 {
        return (1, Out::Atom(0));
    }
    (j, Out::New(composed(first.start, end, None, role)))
}

/// The role of a run of agents: the last specific one's, else the last one's.
fn agent_role(agents: &[(ActorMention, usize)], generic: &impl Fn(usize) -> bool) -> String {
    agents
        .iter()
        .rev()
        .find(|(_, e)| !generic(*e))
        .or(agents.last())
        .map(|(m, _)| m.role.clone())
        .unwrap_or_default()
}

fn composed(start: usize, end: usize, country: Option<String>, role: String) -> ActorMention {
    let code = format!("{}{}", country.as_deref().unwrap_or(""), role);
    ActorMention {
        start,
        end,
        code,
        kind: ActorKind::Agent,
        country,
        role,
    }
}
