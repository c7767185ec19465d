//! Readers for verb dictionaries: TABARI `.verbs` and PETRARCH `CAMEO.2.0.txt` style.
//!
//! TABARI: `VERB [code]` lines (stems unless `_`), an optional `{ FORM_ FORM_ }` line of
//! irregular forms, `- pattern [code]` lines; `<SYNSETS>` and `<TIME>` sections.
//! PETRARCH: `--- NAME [code] ---` blocks, verb lines `VERB {IRREGULARS}` (multi-word
//! verbs mark the verb with `+`: `KLM_NOP_+RST [002]`), `- pattern [code]` lines, and
//! `&NAME` synsets with `+member` lines anywhere between blocks. PETRARCH generates the
//! regular forms of a verb (-S, -ED, -ING); so does this reader. `~` transformation lines
//! are read and not used (noted).

use crate::error::LegacyError;
use crate::lines::{content_lines, split_brackets, Flavor, Line, Problems};
use crate::model::{EventCode, Item, ItemKind, Origin, Pattern, VerbEntry, VerbForm, Word};
use crate::pattern::parse_items;
use std::collections::HashMap;

/// What a verb file holds.
#[derive(Debug, Default, Clone)]
pub struct VerbFile {
    /// Verb blocks.
    pub verbs: Vec<VerbEntry>,
    /// Synsets by name.
    pub synsets: HashMap<String, Vec<Vec<Item>>>,
    /// TABARI `<TIME>` phrases and their day shifts (`[-7]`), `None` for `[###]`-style.
    pub time_phrases: Vec<(Vec<Item>, Option<i32>)>,
    /// `<TIME>` phrases coded `[###]` (discard) or `[+++]` (too complex): a sentence
    /// holding one is not coded.
    pub time_discards: Vec<Vec<Item>>,
}

enum State {
    Verbs,
    Synset(String),
    Time,
}

/// Reads a verb file of either flavor.
pub(crate) fn read_verbs(
    text: &str,
    file: &str,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<VerbFile, LegacyError> {
    let mut out = VerbFile::default();
    let mut state = State::Verbs;
    let mut transformations = 0usize;
    let origin = |line: &Line<'_>| Origin {
        file: file.to_string(),
        line: line.number,
    };
    for line in content_lines(text, flavor) {
        let t = line.text;
        if t.starts_with("~~") && flavor == Flavor::Tabari {
            break;
        }
        match t {
            "<SYNSETS>" | "</SYNSETS>" | "</TIME>" => {
                state = State::Verbs;
                continue;
            }
            "<TIME>" => {
                state = State::Time;
                continue;
            }
            _ => {}
        }
        if let Some(name) = t.strip_prefix('&') {
            let name = name.trim().trim_end_matches('_').to_uppercase();
            if name.is_empty() || name.contains(char::is_whitespace) {
                problems.bad(&line, "expected `&NAME` to start a synset")?;
                continue;
            }
            out.synsets.entry(name.clone()).or_default();
            state = State::Synset(name);
            continue;
        }
        if t.starts_with("---") {
            match parse_header(t) {
                Some((name, code)) => {
                    out.verbs.push(VerbEntry {
                        name,
                        code,
                        forms: Vec::new(),
                        patterns: Vec::new(),
                        origin: origin(&line),
                    });
                    state = State::Verbs;
                }
                None => problems.bad(&line, "expected `--- NAME [code] ---`")?,
            }
            continue;
        }
        if t.starts_with('~') && flavor == Flavor::Petrarch {
            transformations += 1;
            continue;
        }
        match &state {
            State::Synset(name) => {
                let Some(member) = t.strip_prefix('+') else {
                    // A synset ends at the first line that is not a member.
                    state = State::Verbs;
                    verb_line(&mut out, &line, file, flavor, problems)?;
                    continue;
                };
                match parse_items(member.trim(), flavor.stems()) {
                    Ok(items) if !items.is_empty() => {
                        if let Some(s) = out.synsets.get_mut(name) {
                            s.push(items);
                        }
                    }
                    Ok(_) => problems.bad(&line, "expected a word after `+`")?,
                    Err(m) => problems.bad(&line, &format!("bad synset member: {m}"))?,
                }
            }
            State::Time => time_line(&mut out, &line, flavor, problems)?,
            State::Verbs => verb_line(&mut out, &line, file, flavor, problems)?,
        }
    }
    if transformations > 0 {
        problems.note(
            0,
            format!("{transformations} `~` transformation lines read but not applied"),
        );
    }
    if !out.time_phrases.is_empty() {
        problems.note(
            0,
            "<TIME> records read; rung does not shift event dates by them".into(),
        );
    }
    Ok(out)
}

fn parse_header(t: &str) -> Option<(String, EventCode)> {
    // `---  DISGRACE   [110]---  ---` occurs too: all trailing dashes close the header.
    let inner = t
        .trim_start_matches('-')
        .trim_end_matches(|c: char| c == '-' || c.is_whitespace())
        .trim();
    let (name, groups) = split_brackets(inner).ok()?;
    // PETRARCH reads only the first code of a header (`--- DELAY [120] [031:031] ---`).
    let code = match groups.first() {
        Some(('[', c)) => EventCode::parse(c),
        None => EventCode::default(),
        _ => return None,
    };
    let name = name.trim().trim_end_matches('_').to_uppercase();
    (!name.is_empty()).then_some((name, code))
}

/// `- pattern [code]` or a verb line.
fn verb_line(
    out: &mut VerbFile,
    line: &Line<'_>,
    file: &str,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<(), LegacyError> {
    let t = line.text;
    if let Some(rest) = t.strip_prefix('-') {
        return pattern_line(out, line, rest, file, flavor, problems);
    }
    if t.starts_with('{') && flavor == Flavor::Tabari {
        // TABARI irregular forms of the verb above: `{ BROKE_ BROKEN_ }`.
        let Some(entry) = out.verbs.last_mut() else {
            return problems.bad(line, "expected a verb before a `{ forms }` line");
        };
        let Some(inner) = t
            .strip_prefix('{')
            .and_then(|s| s.trim_end().strip_suffix('}'))
        else {
            return problems.bad(line, "expected `{ FORM FORM }`");
        };
        for f in inner.split_whitespace() {
            entry.forms.push(form_from_words(f, flavor, None));
        }
        return Ok(());
    }
    let (name, groups) = match split_brackets(t) {
        Ok(x) => x,
        Err(m) => return problems.bad(line, &m),
    };
    let mut code = None;
    let mut irregular = Vec::new();
    for (kind, inner) in &groups {
        if *kind == '[' {
            code = Some(EventCode::parse(inner));
        } else {
            irregular.extend(inner.split_whitespace().map(str::to_string));
        }
    }
    let exact = name.trim_end().ends_with('=');
    let name = name.trim_end_matches('=').trim();
    if name.is_empty() {
        return problems.bad(
            line,
            "expected a verb, `- pattern [code]` or `--- NAME [code] ---`",
        );
    }
    let is_synonym = name.starts_with('+') && flavor == Flavor::Petrarch;
    match flavor {
        Flavor::Tabari => {
            // Every TABARI verb line starts its own entry.
            let Some(code) = code else {
                return problems.bad(line, "expected `[code]` after the verb");
            };
            out.verbs.push(VerbEntry {
                name: name.to_uppercase(),
                code,
                forms: tabari_forms(form_from_words(name, flavor, None), exact),
                patterns: Vec::new(),
                origin: Origin {
                    file: file.to_string(),
                    line: line.number,
                },
            });
        }
        Flavor::Petrarch => {
            let Some(entry) = out.verbs.last_mut() else {
                return problems.bad(line, "expected `--- NAME [code] ---` before the first verb");
            };
            let _ = is_synonym;
            let base = form_from_words(name, flavor, code.clone());
            let irregular_given = !irregular.is_empty();
            for f in &irregular {
                entry.forms.push(form_from_words(f, flavor, code.clone()));
            }
            if !irregular_given || base.verb.text.len() > 2 {
                for v in regular_forms(&base.verb.text) {
                    let mut f = base.clone();
                    f.verb.text = v;
                    entry.forms.push(f);
                }
            }
            entry.forms.push(base);
        }
    }
    Ok(())
}

/// Builds a form from `KLM_NOP_+RST` (PETRARCH) or `APPRECIATE POSITION` (TABARI,
/// first word is the verb).
fn form_from_words(text: &str, flavor: Flavor, code: Option<EventCode>) -> VerbForm {
    let mut words: Vec<(String, bool)> = Vec::new();
    for chunk in text.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').collect();
        for (i, p) in parts.iter().enumerate() {
            if !p.is_empty() {
                words.push((p.to_uppercase(), i + 1 < parts.len()));
            }
        }
    }
    let marked = words.iter().position(|(w, _)| w.starts_with('+'));
    let head = marked.unwrap_or(0);
    let mk = |(w, followed): &(String, bool)| Word {
        text: w.trim_start_matches('+').to_string(),
        stem: flavor.stems() && !followed,
        joined: true,
    };
    let all: Vec<Word> = words.iter().map(mk).collect();
    VerbForm {
        before: all[..head.min(all.len())].to_vec(),
        verb: all.get(head).cloned().unwrap_or(Word {
            text: String::new(),
            stem: false,
            joined: true,
        }),
        after: all
            .get(head + 1..)
            .map(<[Word]>::to_vec)
            .unwrap_or_default(),
        code,
    }
}

/// TABARI lets an exact verb (`DEPART_`) take the regular endings ("departs",
/// "departed", "departing"); `=` (`BAN=`) means the word as written only.
fn tabari_forms(base: VerbForm, exact: bool) -> Vec<VerbForm> {
    let mut out = vec![base.clone()];
    if exact {
        out[0].verb.stem = false;
        return out;
    }
    if base.verb.stem {
        return out;
    }
    let w = base.verb.text.clone();
    let mut endings: Vec<String> = ["S", "ES", "ED", "EN", "ING", "D", "N"]
        .iter()
        .map(|e| format!("{w}{e}"))
        .collect();
    if let Some(stem) = w.strip_suffix('E') {
        endings.push(format!("{stem}ING"));
    }
    for e in endings {
        let mut f = base.clone();
        f.verb.text = e;
        out.push(f);
    }
    out
}

/// Regular English forms of a verb: -S, -ED, -ING, as PETRARCH generates them.
pub(crate) fn regular_forms(verb: &str) -> Vec<String> {
    let v = verb;
    let mut out = Vec::new();
    let consonant_y =
        v.ends_with('Y') && !v.ends_with("AY") && !v.ends_with("EY") && !v.ends_with("OY");
    if consonant_y {
        let stem = &v[..v.len() - 1];
        out.push(format!("{stem}IES"));
        out.push(format!("{stem}IED"));
    } else if v.ends_with('S')
        || v.ends_with('X')
        || v.ends_with('Z')
        || v.ends_with("CH")
        || v.ends_with("SH")
    {
        out.push(format!("{v}ES"));
        out.push(format!("{v}ED"));
    } else if v.ends_with('E') {
        out.push(format!("{v}S"));
        out.push(format!("{v}D"));
    } else {
        out.push(format!("{v}S"));
        out.push(format!("{v}ED"));
    }
    match v.strip_suffix('E') {
        Some(stem) if !v.ends_with("EE") => out.push(format!("{stem}ING")),
        _ => out.push(format!("{v}ING")),
    }
    out
}

fn pattern_line(
    out: &mut VerbFile,
    line: &Line<'_>,
    rest: &str,
    file: &str,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<(), LegacyError> {
    let Some(entry) = out.verbs.last_mut() else {
        return problems.bad(line, "expected a verb before the first `- pattern`");
    };
    let Some(open) = rest.rfind('[') else {
        return problems.bad(line, "expected `[code]` at the end of the pattern");
    };
    let Some(close) = rest[open..].find(']') else {
        return problems.bad(line, "expected `]` to close the pattern code");
    };
    let code = EventCode::parse(&rest[open + 1..open + close]);
    let items = match parse_items(rest[..open].trim(), flavor.stems()) {
        Ok(i) => i,
        Err(m) => return problems.bad(line, &format!("bad pattern: {m}")),
    };
    let Some(star) = items.iter().position(|i| i.kind == ItemKind::Verb) else {
        return problems.bad(line, "expected `*` (the verb) in the pattern");
    };
    let verb_joined = items[star].joined;
    let mut after = items[star + 1..].to_vec();
    if let Some(first) = after.first_mut() {
        // `*_OUT`: written glued to the verb.
        let _ = first;
    }
    let before = items[..star].to_vec();
    after.retain(|i| i.kind != ItemKind::Verb);
    entry.patterns.push(Pattern {
        before,
        after,
        verb_joined,
        code,
        origin: Origin {
            file: file.to_string(),
            line: line.number,
        },
    });
    Ok(())
}

fn time_line(
    out: &mut VerbFile,
    line: &Line<'_>,
    flavor: Flavor,
    problems: &mut Problems<'_>,
) -> Result<(), LegacyError> {
    let t = line.text.trim_start_matches('-').trim();
    let Some(open) = t.rfind('[') else {
        return problems.bad(line, "expected `PHRASE [shift]` in <TIME>");
    };
    let shift = t[open + 1..].trim_end_matches(']').trim();
    let items = match parse_items(t[..open].trim(), flavor.stems()) {
        Ok(i) => i,
        Err(m) => return problems.bad(line, &format!("bad time phrase: {m}")),
    };
    if matches!(shift.replace(' ', "").as_str(), "###" | "+++") {
        out.time_discards.push(items.clone());
    }
    out.time_phrases
        .push((items, shift.trim_start_matches('+').parse().ok()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(text: &str, flavor: Flavor) -> Result<VerbFile, LegacyError> {
        let mut p = Problems::new(Path::new("v.txt"), false);
        read_verbs(text, "v.txt", flavor, &mut p)
    }

    #[test]
    fn time_discards_are_kept_apart() {
        let text = "<TIME>\nLAST_WEEK [-7]\nWHEN_THE_RAINS_COME [+++]\nNEVER_EVER [###]\n</TIME>\n";
        let v = read(text, Flavor::Tabari).unwrap();
        assert_eq!(v.time_phrases.len(), 3);
        assert_eq!(v.time_phrases[0].1, Some(-7));
        assert_eq!(v.time_discards.len(), 2);
    }

    #[test]
    fn petrarch_block() {
        let text = "&TIES\n+MILITARY\n+ECONOMIC\n\n--- RESTORE [064] ---\nRESTORE {RESTORED}\nKLM_+RST [002]\n- * &TIES TIES [065]\n- % * [030:030]\n";
        let v = read(text, Flavor::Petrarch).unwrap();
        assert_eq!(v.synsets["TIES"].len(), 2);
        let e = &v.verbs[0];
        assert_eq!(e.code.primary.as_deref(), Some("064"));
        assert!(e.forms.iter().any(|f| f.verb.text == "RESTORING"));
        let klm = e.forms.iter().find(|f| f.verb.text == "RST").unwrap();
        assert_eq!(klm.before[0].text, "KLM");
        assert_eq!(e.patterns.len(), 2);
        assert_eq!(e.patterns[1].code.paired.as_deref(), Some("030"));
    }

    #[test]
    fn tabari_entries() {
        let text = "<SYNSETS>\n&T\n+A\n</SYNSETS>\nBREAK_ [171]\n{ BROKE_ BROKEN_ }\n- * TREATY  [161] ;x\nABANDON [---]\n";
        let v = read(text, Flavor::Tabari).unwrap();
        assert_eq!(v.verbs.len(), 2);
        let forms: Vec<&str> = v.verbs[0]
            .forms
            .iter()
            .map(|f| f.verb.text.as_str())
            .collect();
        assert!(
            forms.contains(&"BROKE") && forms.contains(&"BREAKS"),
            "{forms:?}"
        );
        assert!(!v.verbs[0].forms[0].verb.stem);
        assert!(v.verbs[1].forms[0].verb.stem);
        assert!(v.verbs[1].code.is_null());
    }

    #[test]
    fn malformed_pattern_is_an_error_with_line() {
        let err = read("--- A [010] ---\nA\n- * TIES\n", Flavor::Petrarch).unwrap_err();
        assert!(err.to_string().contains("v.txt:3"), "{err}");
        let err = read("--- A [010] ---\nA\n- TIES [010]\n", Flavor::Petrarch).unwrap_err();
        assert!(err.to_string().contains("expected `*`"), "{err}");
    }

    #[test]
    fn regular_forms_follow_spelling() {
        assert_eq!(
            regular_forms("RESTORE"),
            ["RESTORES", "RESTORED", "RESTORING"]
        );
        assert_eq!(regular_forms("CARRY"), ["CARRIES", "CARRIED", "CARRYING"]);
        assert_eq!(
            regular_forms("ATTACK"),
            ["ATTACKS", "ATTACKED", "ATTACKING"]
        );
    }
}
