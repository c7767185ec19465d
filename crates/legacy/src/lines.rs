//! Line handling shared by the readers: comments, `<!-- -->` blocks, strictness.

use crate::error::{Diagnostic, LegacyError};
use std::path::Path;

/// Which family a file belongs to; decides comment syntax and stemming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// TABARI: `;` comments, words without trailing `_` are stems.
    Tabari,
    /// PETRARCH: `#` and `<!-- -->` comments, whole words only.
    Petrarch,
}

impl Flavor {
    /// Whether words without a trailing `_` match as stems.
    pub fn stems(self) -> bool {
        self == Flavor::Tabari
    }
}

/// One content line: its number and text with comments removed.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
    pub raw: &'a str,
}

/// Splits a file into content lines, dropping comments and blank lines.
///
/// TABARI comments start with `;` (and whole lines with `#` or `//`), PETRARCH
/// comments with `#` or sit inside `<!-- -->`, which may span lines.
pub(crate) fn content_lines(text: &str, flavor: Flavor) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut t = raw;
        if in_comment {
            match t.find("-->") {
                Some(p) => {
                    in_comment = false;
                    t = &t[p + 3..];
                }
                None => continue,
            }
        }
        if let Some(p) = t.find("<!--") {
            match t[p..].find("-->") {
                Some(q) => {
                    // A one-line comment; text after it is ignored too (never used in practice).
                    let _ = q;
                    t = &t[..p];
                }
                None => {
                    in_comment = true;
                    t = &t[..p];
                }
            }
        }
        let cut = match flavor {
            Flavor::Tabari => t.find(';'),
            Flavor::Petrarch => find_outside_brackets(t, '#'),
        };
        if let Some(p) = cut {
            t = &t[..p];
        }
        let trimmed = t.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("//") {
            continue;
        }
        out.push(Line {
            number: i + 1,
            text: trimmed,
            raw,
        });
    }
    out
}

/// The first `needle` not inside `[...]` (PETRARCH writes `[###]` as a code).
fn find_outside_brackets(text: &str, needle: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if c == needle && depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Collects syntax problems: strict readers stop at the first, lenient ones keep going.
pub(crate) struct Problems<'p> {
    pub path: &'p Path,
    pub lenient: bool,
    pub notes: Vec<Diagnostic>,
}

impl<'p> Problems<'p> {
    pub fn new(path: &'p Path, lenient: bool) -> Self {
        Problems {
            path,
            lenient,
            notes: Vec::new(),
        }
    }

    /// Reports a malformed line; `Err` when strict.
    pub fn bad(&mut self, line: &Line<'_>, message: &str) -> Result<(), LegacyError> {
        if self.lenient {
            self.note(
                line.number,
                format!("skipped malformed line: {message}: `{}`", line.raw.trim()),
            );
            Ok(())
        } else {
            Err(LegacyError::syntax(
                self.path,
                line.number,
                message,
                line.raw,
            ))
        }
    }

    /// Records a diagnostic.
    pub fn note(&mut self, line: usize, message: String) {
        self.notes.push(Diagnostic {
            path: self.path.to_path_buf(),
            line,
            message,
        });
    }
}

/// Splits `NAME [A] [B] {x y}` into the name part and the bracketed groups, in order.
///
/// Returns `Err` with a message for an unclosed bracket.
pub(crate) fn split_brackets(text: &str) -> Result<(String, Vec<(char, String)>), String> {
    let mut name = String::new();
    let mut groups = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let close = match c {
            '[' => ']',
            '{' => '}',
            _ => {
                if groups.is_empty() {
                    name.push(c);
                } else if !c.is_whitespace() {
                    return Err(format!("unexpected `{c}` after a bracketed group"));
                }
                continue;
            }
        };
        let mut inner = String::new();
        let mut closed = false;
        for (_, d) in chars.by_ref() {
            if d == close {
                closed = true;
                break;
            }
            if d == '[' || d == '{' || d == ']' || d == '}' {
                return Err(format!("expected `{close}` to close `{c}`, found `{d}`"));
            }
            inner.push(d);
        }
        if !closed {
            return Err(format!("expected `{close}` to close `{c}`"));
        }
        groups.push((c, inner.trim().to_string()));
    }
    Ok((name.trim().to_string(), groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_removed() {
        let text = "A [X] ;c\n<!-- one\ntwo -->\nB # c\n\n#x\n";
        let t: Vec<_> = content_lines(text, Flavor::Tabari)
            .iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(t, ["A [X]", "B # c"]);
        let p: Vec<_> = content_lines(text, Flavor::Petrarch)
            .iter()
            .map(|l| (l.number, l.text))
            .collect();
        assert_eq!(p, [(1, "A [X] ;c"), (4, "B")]);
    }

    #[test]
    fn brackets_split_and_fail() {
        let (n, g) = split_brackets("ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]").unwrap();
        assert_eq!(n, "ATTORNEY_GENERAL");
        assert_eq!(
            g,
            vec![('{', "ATTORNEYS_GENERAL".into()), ('[', "~GOV".into())]
        );
        assert!(split_brackets("X [~ENV}").is_err());
        assert!(split_brackets("X [ABC").is_err());
    }
}
