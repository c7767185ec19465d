//! Readers for actor and agent dictionaries (TABARI `.actors`/`.agents`, PETRARCH and
//! Phoenix `*.actors.txt`/`*.agents.txt`).
//!
//! Actors: `NAME [CODE]`, optionally followed by `+SYNONYM` lines and indented
//! `[CODE bound]` lines, where a bound is `<YYMMDD`, `>YYMMDD` or `YYMMDD-YYMMDD`.
//! Agents: `NAME {PLURALS} [~ROLE]` (or `[ROLE~]`), with PETRARCH `!SUB! = A, B`
//! substitution lines. TABARI's `<NOUN>`/`<ADJECTIVE>` blocks are read and ignored:
//! rung tags words with its own model.

use crate::error::LegacyError;
use crate::lines::{content_lines, split_brackets, Flavor, Line, Problems};
use crate::model::{
    parse_date, parse_phrase, ActorEntry, AgentEntry, DateBound, DatedCode, Origin, Phrase,
};

/// Special actor codes: `---` null, `###` discard, `+++` complex.
fn is_special(code: &str) -> bool {
    matches!(code, "---" | "###" | "+++")
}

/// `<NOUN>`, `</ADJECTIVE>`: TABARI section tags.
fn is_block_tag(t: &str) -> bool {
    t.strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .map(|r| r.trim_start_matches('/'))
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Parses the inside of an actor code bracket: `USAGOV 991201-010114`, `HOB < 950601`.
pub(crate) fn parse_dated_code(inner: &str) -> Result<DatedCode, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(p) => (&inner[..p], inner[p..].trim()),
        None => (inner, ""),
    };
    let valid_code = !code.is_empty()
        && (is_special(code)
            || (code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '~')
                && code.chars().any(|c| c.is_ascii_alphabetic())));
    if !valid_code {
        return Err(format!(
            "expected an actor code like [USAGOV] or [USAGOV >010120], found `[{inner}]`"
        ));
    }
    let spec: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = || {
        format!("expected a date bound like <950601, >950601 or 950601-990815 after `{code}`, found `{rest}`")
    };
    let bound = if spec.is_empty() {
        DateBound::Always
    } else if let Some(d) = spec.strip_prefix('<') {
        DateBound::Before(parse_date(d).ok_or_else(bad)?)
    } else if let Some(d) = spec.strip_prefix('>') {
        DateBound::After(parse_date(d).ok_or_else(bad)?)
    } else if let Some((a, b)) = spec.split_once('-') {
        DateBound::Between(
            parse_date(a).ok_or_else(bad)?,
            parse_date(b).ok_or_else(bad)?,
        )
    } else {
        return Err(bad());
    };
    Ok(DatedCode {
        code: code.to_uppercase(),
        bound,
    })
}

/// Reads an actor dictionary.
pub(crate) fn read_actors(
    text: &str,
    file: &str,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<Vec<ActorEntry>, LegacyError> {
    let mut out: Vec<ActorEntry> = Vec::new();
    let mut skipping_block = false;
    for line in content_lines(text, flavor) {
        let t = line.text;
        if t.starts_with("~~") {
            break; // TABARI end-of-file marker
        }
        if t.starts_with("<!") {
            // A damaged comment opener (`<! -- ... -->` occurs in PETRARCH's files).
            problems.note(line.number, format!("read as a comment: `{t}`"));
            continue;
        }
        if is_block_tag(t) {
            // <NOUN> ... </NOUN>, <ADJECTIVE> ... </ADJECTIVE>
            skipping_block = !t.starts_with("</");
            continue;
        }
        if skipping_block {
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            add_synonym(&mut out, syn, &line, flavor, problems)?;
        } else if t.starts_with('[') {
            add_code_lines(&mut out, &line, problems)?;
        } else {
            start_actor(&mut out, &line, file, flavor, problems)?;
        }
    }
    // An entry that never received a code cannot code anything: say so.
    for e in out.iter().filter(|e| e.codes.is_empty()) {
        problems.note(
            e.origin.line,
            "actor has no code; it is ignored".to_string(),
        );
    }
    out.retain(|e| !e.codes.is_empty());
    Ok(out)
}

fn start_actor(
    out: &mut Vec<ActorEntry>,
    line: &Line<'_>,
    file: &str,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<(), LegacyError> {
    let (name, groups) = match split_brackets(line.text) {
        Ok(x) => x,
        Err(m) => return problems.bad(line, &m),
    };
    let mut codes = Vec::new();
    for (kind, inner) in &groups {
        if *kind != '[' {
            return problems.bad(line, "expected `[CODE]` after an actor name, found `{`");
        }
        match parse_dated_code(inner) {
            Ok(c) => codes.push(c),
            Err(m) => return problems.bad(line, &m),
        }
    }
    let phrases = clean_name(&name, flavor);
    if phrases.is_empty() {
        return problems.bad(line, "expected an actor name before the codes");
    }
    out.push(ActorEntry {
        phrases,
        codes,
        origin: Origin {
            file: file.to_string(),
            line: line.number,
        },
    });
    Ok(())
}

/// `MOUSE=` in TABARI marks a word that also occurs as a verb; the `=` is not part of it.
///
/// TABARI lets an exact final word (`ESTONIA_`) take the plural endings `S`/`ES`
/// ("Estonias"); a trailing `=` (`MOUSE=`) means exactly this word, no endings.
fn clean_name(name: &str, flavor: Flavor) -> Vec<Phrase> {
    let exact = name.ends_with('=');
    let mut phrase = parse_phrase(name.trim_end_matches('='), flavor.stems());
    let mut out = Vec::new();
    if let Some(last) = phrase.last_mut() {
        if exact {
            last.stem = false;
        } else if flavor == Flavor::Tabari && !last.stem {
            for suffix in ["S", "ES"] {
                let mut p = phrase.clone();
                if let Some(w) = p.last_mut() {
                    w.text.push_str(suffix);
                }
                out.push(p);
            }
        }
    }
    if phrase.is_empty() {
        return Vec::new();
    }
    out.insert(0, phrase);
    out
}

fn add_synonym(
    out: &mut [ActorEntry],
    syn: &str,
    line: &Line<'_>,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<(), LegacyError> {
    let (name, groups) = match split_brackets(syn) {
        Ok(x) => x,
        Err(m) => return problems.bad(line, &m),
    };
    let Some(entry) = out.last_mut() else {
        return problems.bad(line, "expected an actor name before a `+` synonym");
    };
    let phrases = clean_name(&name, flavor);
    if phrases.is_empty() {
        return problems.bad(line, "expected a synonym after `+`");
    }
    entry.phrases.extend(phrases);
    for (_, inner) in groups {
        match parse_dated_code(&inner) {
            Ok(c) => entry.codes.push(c),
            Err(m) => return problems.bad(line, &m),
        }
    }
    Ok(())
}

fn add_code_lines(
    out: &mut [ActorEntry],
    line: &Line<'_>,
    problems: &mut Problems<'_>,
) -> Result<(), LegacyError> {
    let (name, groups) = match split_brackets(line.text) {
        Ok(x) => x,
        Err(m) => return problems.bad(line, &m),
    };
    let Some(entry) = out.last_mut() else {
        return problems.bad(line, "expected an actor name before a code line");
    };
    if !name.is_empty() {
        return problems.bad(line, "expected only `[CODE ...]` groups on a code line");
    }
    for (_, inner) in groups {
        match parse_dated_code(&inner) {
            Ok(c) => entry.codes.push(c),
            Err(m) => return problems.bad(line, &m),
        }
    }
    Ok(())
}

/// English regular plural of a word, as PETRARCH generates it for agents.
pub(crate) fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('Y') {
        if !stem.ends_with(['A', 'E', 'I', 'O', 'U']) {
            return format!("{stem}IES");
        }
    }
    if word.ends_with('S') || word.ends_with('X') || word.ends_with("CH") || word.ends_with("SH") {
        return format!("{word}ES");
    }
    if let Some(stem) = word.strip_suffix("MAN") {
        return format!("{stem}MEN");
    }
    format!("{word}S")
}

/// Reads an agent dictionary.
pub(crate) fn read_agents(
    text: &str,
    file: &str,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<Vec<AgentEntry>, LegacyError> {
    let mut subs: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for line in content_lines(text, flavor) {
        let t = line.text;
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            match parse_substitution(t) {
                Some(s) => subs.push(s),
                None => problems.bad(&line, "expected `!NAME! = WORD, WORD, ...`")?,
            }
            continue;
        }
        let (name, groups) = match split_brackets(t) {
            Ok(x) => x,
            Err(m) => {
                problems.bad(&line, &m)?;
                continue;
            }
        };
        let mut plurals: Option<Vec<String>> = None;
        let mut role = None;
        for (kind, inner) in groups {
            if kind == '{' {
                plurals = Some(inner.split_whitespace().map(str::to_string).collect());
            } else {
                role = Some(inner);
            }
        }
        let Some(role) = role.filter(|r| r.contains('~')) else {
            problems.bad(&line, "expected an agent code like [~GOV] or [NGO~]")?;
            continue;
        };
        let role = role.replace(' ', "").to_uppercase();
        let prefix = !role.starts_with('~');
        let code = role.trim_matches('~').to_string();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            problems.bad(&line, "expected an agent code like [~GOV] or [NGO~]")?;
            continue;
        }
        let mut names = expand_substitutions(&name, &subs);
        // Agents are nouns: both coders match their regular plurals ("Guerrillas" for
        // GUERRILLA_, whose `_` would otherwise make it exact in TABARI).
        names = with_plurals(names, plurals.as_deref());
        let phrases: Vec<Phrase> = names
            .iter()
            .map(|n| parse_phrase(n, flavor.stems()))
            .filter(|p| !p.is_empty())
            .collect();
        if phrases.is_empty() {
            problems.bad(&line, "expected an agent name before the code")?;
            continue;
        }
        out.push(AgentEntry {
            phrases,
            code,
            prefix,
            origin: Origin {
                file: file.to_string(),
                line: line.number,
            },
        });
    }
    Ok(out)
}

fn parse_substitution(t: &str) -> Option<(String, Vec<String>)> {
    let (name, list) = t.split_once('=')?;
    let name = name.trim();
    if !(name.len() > 2 && name.starts_with('!') && name.ends_with('!')) {
        return None;
    }
    let words: Vec<String> = list
        .split(',')
        .map(|w| w.trim().to_uppercase())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| (name.to_string(), words))
}

fn expand_substitutions(name: &str, subs: &[(String, Vec<String>)]) -> Vec<String> {
    let mut names = vec![name.to_uppercase()];
    for (marker, words) in subs {
        names = names
            .into_iter()
            .flat_map(|n| {
                if n.contains(marker.as_str()) {
                    words
                        .iter()
                        .map(|w| n.replace(marker.as_str(), w))
                        .collect()
                } else {
                    vec![n]
                }
            })
            .collect();
    }
    names
}

/// Adds plurals: explicit `{...}` ones, or the regular plural of the last word when
/// no braces are given (`{}` means "no plural").
fn with_plurals(names: Vec<String>, explicit: Option<&[String]>) -> Vec<String> {
    let mut out = names.clone();
    match explicit {
        Some(list) => out.extend(list.iter().map(|s| s.to_uppercase())),
        None => {
            for n in &names {
                let base = n.trim_end_matches('_');
                let (head, last) = match base.rfind(['_', ' ']) {
                    Some(p) => (&base[..=p], &base[p + 1..]),
                    None => ("", base),
                };
                if !last.is_empty() {
                    out.push(format!("{head}{}", plural(last)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn actors(text: &str, flavor: Flavor) -> Result<Vec<ActorEntry>, LegacyError> {
        let mut p = Problems::new(Path::new("t.actors"), false);
        read_actors(text, "t.actors", flavor, &mut p)
    }

    #[test]
    fn dated_codes() {
        let c = parse_dated_code("USAGOV 991201-010114").unwrap();
        assert_eq!(c.bound, DateBound::Between(19_991_201, 20_010_114));
        let c = parse_dated_code("HOB < 950601").unwrap();
        assert_eq!(c.bound, DateBound::Before(19_950_601));
        let c = parse_dated_code("RUSGOV >000507").unwrap();
        assert_eq!(c.bound, DateBound::After(20_000_507));
        assert!(parse_dated_code("950601-990815").is_err());
        assert!(parse_dated_code("AAA950601-990815").is_err());
        assert!(parse_dated_code("USA >99").is_err());
    }

    #[test]
    fn synonyms_and_code_lines() {
        let text =
            "GOLLUM ; x\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\nARNOR [ARN]\n";
        let a = actors(text, Flavor::Tabari).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].phrases.len(), 2);
        assert_eq!(a[0].code_on(Some(19_940_101)), Some("HOB"));
        assert_eq!(a[0].code_on(Some(19_960_101)), Some("HOBGOV"));
        assert_eq!(a[0].code_on(Some(20_050_101)), None);
    }

    #[test]
    fn malformed_actor_line_names_the_line() {
        let err = actors("ARNOR [ARN]\nGONDOR [GON\n", Flavor::Petrarch).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("t.actors:2"), "{msg}");
        assert!(msg.contains("expected `]`"), "{msg}");
    }

    #[test]
    fn agents_with_plurals_and_substitutions() {
        let text = "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nPOLICY {} [~GOV]\nACTIVIST [NGM~]\nDEPT [~ENV}\n";
        let mut p = Problems::new(Path::new("a.txt"), true);
        let a = read_agents(text, "a.txt", Flavor::Petrarch, &mut p).unwrap();
        assert_eq!(a.len(), 3);
        let names: Vec<String> = a[0].phrases.iter().map(|p| p[0].text.clone()).collect();
        assert!(
            names.contains(&"CONGRESSMAN".to_string())
                && names.contains(&"CONGRESSMEN".to_string())
        );
        assert_eq!(a[1].phrases.len(), 1);
        assert!(a[2].prefix && a[2].code == "NGM");
        assert_eq!(a[2].phrases[1][0].text, "ACTIVISTS");
        assert_eq!(p.notes.len(), 1);
        assert_eq!(p.notes[0].line, 5);
    }
}
