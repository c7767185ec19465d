//! Parser for verb-pattern text: `- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }`.
//!
//! `*` is the verb, `$` source, `+` target, `%` compound actor, `^` skip, `&NAME` a
//! synset. `_` joins an element to the next (adjacent, and the word before it is
//! exact); a space lets other words come between. TABARI `{ A | B }` lists
//! alternatives; PETRARCH `{ ... }` (noun phrase) and `( ... )` (prepositional phrase)
//! group words and are read here as plain sequences, since rung matches on words.

use crate::model::{Item, ItemKind, Word};

/// Parses pattern text into items, `*` included as [`ItemKind::Verb`].
pub fn parse_items(text: &str, stems: bool) -> Result<Vec<Item>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let items = parse_seq(&chars, &mut pos, stems, None)?;
    if pos < chars.len() {
        return Err(format!("unexpected `{}`", chars[pos]));
    }
    Ok(items)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\'' | '-' | '.' | '~' | ',' | '/' | '!' | '?' | ':' | '"' | '='
        )
}

/// Parses until `end` (or the end of text); `|` splits alternatives inside `{}`.
fn parse_seq(
    chars: &[char],
    pos: &mut usize,
    stems: bool,
    end: Option<char>,
) -> Result<Vec<Item>, String> {
    let mut items: Vec<Item> = Vec::new();
    let mut joined = false;
    while *pos < chars.len() {
        let c = chars[*pos];
        if Some(c) == end || c == '|' {
            return Ok(items);
        }
        match c {
            ' ' | '\t' => {
                joined = false;
                *pos += 1;
                continue;
            }
            '_' => {
                // `_` after a word makes it exact and glues the next element to it.
                let after_tilde = *pos > 0 && chars[*pos - 1] == '~';
                if let Some(Item {
                    kind: ItemKind::Word(w),
                    ..
                }) = items.last_mut()
                {
                    w.stem &= after_tilde;
                }
                joined = !items.is_empty();
                *pos += 1;
                continue;
            }
            '*' | '$' | '+' | '%' | '^' => {
                let kind = match c {
                    '*' => ItemKind::Verb,
                    '$' => ItemKind::Source,
                    '+' => ItemKind::Target,
                    '%' => ItemKind::Compound,
                    _ => ItemKind::Skip,
                };
                items.push(Item { kind, joined });
                *pos += 1;
            }
            '&' => {
                *pos += 1;
                let name = take_word(chars, pos);
                if name.is_empty() {
                    return Err("expected a synset name after `&`".into());
                }
                items.push(Item {
                    kind: ItemKind::Synset(name.to_uppercase()),
                    joined,
                });
            }
            '{' | '(' => {
                let close = if c == '{' { '}' } else { ')' };
                *pos += 1;
                let group = parse_group(chars, pos, stems, close)?;
                push_group(&mut items, group, joined);
            }
            '}' | ')' => return Err(format!("unexpected `{c}`")),
            c if is_word_char(c) => {
                let w = take_word(chars, pos).to_uppercase();
                // TABARI `REAL~`: a stem even when joined with `_` ("really", "real").
                let tilde = w.ends_with('~');
                let w = w.trim_end_matches('~').to_string();
                let followed = chars.get(*pos) == Some(&'_') && !tilde;
                // Tokenizers split "DIDN'T" into "DID" + "N'T": write the pattern the same way.
                let (head, tail) = match w.strip_suffix("N'T") {
                    Some(h) if !h.is_empty() => (h.to_string(), Some("N'T".to_string())),
                    _ => (w, None),
                };
                let last = tail.is_none();
                items.push(Item {
                    kind: ItemKind::Word(Word {
                        text: head,
                        stem: (stems || tilde) && !followed && last,
                        joined: false,
                    }),
                    joined,
                });
                if let Some(t) = tail {
                    items.push(Item {
                        kind: ItemKind::Word(Word {
                            text: t,
                            stem: false,
                            joined: true,
                        }),
                        joined: true,
                    });
                }
            }
            other => return Err(format!("unexpected `{other}`")),
        }
        joined = false;
    }
    match end {
        Some(e) => Err(format!("expected `{e}`")),
        None => Ok(items),
    }
}

/// Reads `{ A | B }` or `( ... )` after the opening bracket; returns the alternatives.
fn parse_group(
    chars: &[char],
    pos: &mut usize,
    stems: bool,
    close: char,
) -> Result<Vec<Vec<Item>>, String> {
    let mut alts = Vec::new();
    loop {
        let seq = parse_seq(chars, pos, stems, Some(close))?;
        alts.push(seq);
        match chars.get(*pos) {
            Some('|') => *pos += 1,
            Some(c) if *c == close => {
                *pos += 1;
                return Ok(alts);
            }
            _ => return Err(format!("expected `{close}`")),
        }
    }
}

fn push_group(items: &mut Vec<Item>, mut alts: Vec<Vec<Item>>, joined: bool) {
    if alts.len() == 1 {
        let mut seq = alts.pop().unwrap_or_default();
        if let Some(first) = seq.first_mut() {
            first.joined |= joined;
        }
        items.extend(seq);
    } else {
        items.push(Item {
            kind: ItemKind::Alternatives(alts),
            joined,
        });
    }
}

fn take_word(chars: &[char], pos: &mut usize) -> String {
    let start = *pos;
    while *pos < chars.len() && is_word_char(chars[*pos]) {
        *pos += 1;
    }
    chars[start..*pos].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| {
                let j = if i.joined { "_" } else { "" };
                match &i.kind {
                    ItemKind::Word(w) => format!("{j}{}{}", w.text, if w.stem { "~" } else { "" }),
                    ItemKind::Synset(n) => format!("{j}&{n}"),
                    ItemKind::Alternatives(a) => format!("{j}alt{}", a.len()),
                    ItemKind::Verb => format!("{j}*"),
                    ItemKind::Source => format!("{j}$"),
                    ItemKind::Target => format!("{j}+"),
                    ItemKind::Compound => format!("{j}%"),
                    ItemKind::Skip => format!("{j}^"),
                }
            })
            .collect()
    }

    #[test]
    fn tabari_connectors() {
        assert_eq!(kinds(&parse_items("IN_*", true).unwrap()), ["IN", "_*"]);
        assert_eq!(kinds(&parse_items("IN_ *", true).unwrap()), ["IN", "*"]);
        assert_eq!(kinds(&parse_items("IN *", true).unwrap()), ["IN~", "*"]);
        let items = parse_items(
            "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS",
            true,
        )
        .unwrap();
        assert_eq!(
            kinds(&items),
            ["SUGGESTED", "_+", "*", "DEMAND", "_alt2", "_CONVENTIONS~"]
        );
    }

    #[test]
    fn petrarch_groups_and_synsets() {
        let items = parse_items("* &SECURITY (OVER {&WEAPON ATTACK})", false).unwrap();
        assert_eq!(
            kinds(&items),
            ["*", "&SECURITY", "OVER", "&WEAPON", "ATTACK"]
        );
        assert!(parse_items("* (OVER", false).is_err());
        assert!(parse_items("* OVER)", false).is_err());
    }
}
