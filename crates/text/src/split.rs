//! Sentence splitting for news text.
//!
//! Two levels. Lines first: the normalizer keeps `\n` (line) and `\n\n` (paragraph), and
//! in news a line on its own is often not running text: a headline or section heading
//! (no final punctuation: [`SentenceKind::Heading`]), a byline ("By Jane Smith"), a date
//! line, share-bar and menu debris ("Share", "Facebook Twitter Email", "Advertisement",
//! "© 2023 ...") ([`SentenceKind::Meta`]), or a bullet (its own sentence, marker
//! excluded). Consecutive body lines of a paragraph are joined (a line without final
//! punctuation is a soft wrap) and split by the second level.
//!
//! Sentence boundaries are then found on the tokens of a body span: after `.`, `!`, `?`
//! and ellipses, a sentence ends unless the next token starts in lower case. Closing
//! quotes and brackets glued to the final punctuation stay with the sentence before.
//! Abbreviations come from the tokenizer with their period attached: titles and months
//! ("Gen.", "Jan.", "No.") never end a sentence; others ("U.S.", "p.m.", "Inc.") and
//! initials ("F.") end one only when a typical sentence opener follows ("The", "He").
//!
//! Datelines: "KYIV, Ukraine (AP) - Russian forces ..." and "MELITOPOL, October 17.
//! /TASS/. ..." at the start of a paragraph become a [`SentenceKind::Meta`] piece of their
//! own, separator included, so the first sentence the parser sees starts at "Russian".
//! The coder can still read the place from the Meta piece.

use crate::abbrev::{self, Abbrev};
use crate::tokenize::tokenize_range;
use crate::{Sentence, SentenceKind, Token};

/// Splits normalized text into sentences of tokens.
///
/// # Example
/// ```
/// let text = "Army says\nBy Jane Smith\nGen. Ivanov met U.S. officials. They agreed.";
/// let seg = rung_text::Segmenter::new();
/// let s: Vec<&str> = seg.segment(text).iter().map(|s| rung_text::sentence_text(text, s)).collect();
/// assert_eq!(s, ["Army says", "By Jane Smith", "Gen. Ivanov met U.S. officials.", "They agreed."]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    _private: (),
}

/// The text of a sentence.
pub fn sentence_text<'a>(text: &'a str, s: &Sentence) -> &'a str {
    text.get(s.start..s.end).unwrap_or("")
}

/// Bullet markers that make a line its own sentence.
const BULLETS: &[&str] = &[
    "- ",
    "* ",
    "\u{2022} ",
    "\u{B7} ",
    "\u{25AA} ",
    "\u{25BA} ",
    "\u{25A0} ",
    "\u{25E6} ",
    "\u{2023} ",
    "> ",
];

impl Segmenter {
    /// A segmenter with the built-in news rules.
    pub fn new() -> Self {
        Segmenter { _private: () }
    }

    /// Splits `text` (normalized, see [`crate::normalize`]) into sentences.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let mut st = State {
            text,
            out: Vec::new(),
            toks: Vec::new(),
        };
        let mut block: Vec<(usize, usize)> = Vec::new();
        let mut pos = 0;
        let b = text.as_bytes();
        while pos <= b.len() {
            let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |k| pos + k);
            let (ls, le) = trim(text, pos, end);
            if ls == le {
                st.block(&block);
                block.clear();
            } else {
                block.push((ls, le));
            }
            pos = end + 1;
        }
        st.block(&block);
        st.out
    }
}

struct State<'a> {
    text: &'a str,
    out: Vec<Sentence>,
    toks: Vec<Token>,
}

fn trim(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while s < e && matches!(b[s], b' ' | b'\t' | b'\r') {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b' ' | b'\t' | b'\r') {
        e -= 1;
    }
    (s, e)
}

impl State<'_> {
    fn block(&mut self, lines: &[(usize, usize)]) {
        let text = self.text;
        let mut body: Option<(usize, usize)> = None;
        let mut soft = false;
        for (idx, &(ls, le)) in lines.iter().enumerate() {
            let line = &text[ls..le];
            if let Some(m) = bullet_len(line) {
                self.flush(body.take());
                self.body(ls + m, le, false);
                soft = false;
                continue;
            }
            if !soft {
                if crate::split_meta::is_meta_line(line) {
                    self.flush(body.take());
                    self.simple(ls, le, SentenceKind::Meta);
                    continue;
                }
                let next = lines.get(idx + 1).map(|&(s, e)| &text[s..e]);
                if is_heading(line, next) {
                    self.flush(body.take());
                    self.simple(ls, le, SentenceKind::Heading);
                    continue;
                }
            }
            body = Some(body.map_or((ls, le), |(s, _)| (s, le)));
            soft = !ends_terminal(line);
        }
        self.flush(body);
    }

    fn flush(&mut self, span: Option<(usize, usize)>) {
        if let Some((s, e)) = span {
            self.body(s, e, true);
        }
    }

    fn simple(&mut self, s: usize, e: usize, kind: SentenceKind) {
        let mut tokens = Vec::new();
        tokenize_range(self.text, s, e, &mut tokens);
        if !tokens.is_empty() {
            self.out.push(Sentence {
                start: s,
                end: e,
                kind,
                tokens,
            });
        }
    }

    fn emit(&mut self, from: usize, to: usize, kind: SentenceKind) {
        if from < to {
            let tokens = self.toks[from..to].to_vec();
            let start = tokens[0].start as usize;
            let end = tokens[tokens.len() - 1].end as usize;
            self.out.push(Sentence {
                start,
                end,
                kind,
                tokens,
            });
        }
    }

    /// Splits a body span into sentences.
    fn body(&mut self, s: usize, e: usize, paragraph_start: bool) {
        let text = self.text;
        self.toks.clear();
        tokenize_range(text, s, e, &mut self.toks);
        let mut n = self.toks.len();
        let mut from = 0;
        if paragraph_start {
            if let Some(k) = dateline_len(text, &self.toks) {
                self.emit(0, k, SentenceKind::Meta);
                from = k;
            }
        }
        let mut k = from;
        while k < n {
            let Some(term) = terminal(self.toks[k].form(text)) else {
                k += 1;
                continue;
            };
            let mut m = k + 1;
            while m < n
                && self.toks[m].start == self.toks[m - 1].end
                && is_closer(self.toks[m].form(text))
            {
                m += 1;
            }
            if m >= n {
                break;
            }
            if self.toks[m].start > self.toks[m - 1].end && breaks(term, text, &self.toks[m..]) {
                if let Term::Abbr(_) = term {
                    // EWT ends the sentence with its own full stop: "the U.S" ".".
                    let end = self.toks[k].end;
                    self.toks[k].end -= 1;
                    self.toks.insert(
                        k + 1,
                        Token {
                            start: end - 1,
                            end,
                        },
                    );
                    m += 1;
                    n += 1;
                }
                self.emit(from, m, SentenceKind::Body);
                from = m;
            }
            k = m;
        }
        self.emit(from, n, SentenceKind::Body);
    }
}

/// What kind of possible sentence end a token is.
#[derive(Clone, Copy)]
enum Term {
    Period,
    Bang,
    Ellipsis,
    Abbr(Abbrev),
}

fn terminal(f: &str) -> Option<Term> {
    let b = f.as_bytes();
    // Most tokens end in a letter or digit: one byte test rejects them.
    match *b.last()? {
        b'.' if b.len() == 1 => Some(Term::Period),
        b'.' if b.iter().all(|&c| c == b'.') => Some(Term::Ellipsis),
        b'.' => abbrev::lookup(&f[..f.len() - 1]).map(Term::Abbr),
        b'!' | b'?' if matches!(b[0], b'!' | b'?') => Some(Term::Bang),
        0xA6 if f == "\u{2026}" => Some(Term::Ellipsis),
        _ => None,
    }
}

fn is_closer(f: &str) -> bool {
    matches!(f, "\"" | "'" | ")" | "]" | "}")
}

/// Whether a sentence ends before `next[0]`, after a terminal of kind `term`.
fn breaks(term: Term, text: &str, next: &[Token]) -> bool {
    let f = next[0].form(text);
    let Some(c) = f.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        return false;
    }
    match term {
        Term::Period | Term::Bang => true,
        Term::Ellipsis => c.is_uppercase() || c == '"',
        Term::Abbr(Abbrev::Title) => false,
        Term::Abbr(Abbrev::Final) => abbrev::is_opener(f) || c == '"',
    }
}

/// Length of a bullet marker at the start of the line, if the line is a bullet.
fn bullet_len(line: &str) -> Option<usize> {
    for m in BULLETS {
        if line.starts_with(m) && line.len() > m.len() {
            return Some(m.len());
        }
    }
    let b = line.as_bytes();
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&d) && b.len() > d + 2 && matches!(b[d], b'.' | b')') && b[d + 1] == b' ' {
        return Some(d + 2);
    }
    None
}

/// Whether the line ends like a sentence (final punctuation, maybe inside quotes).
fn ends_terminal(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '\u{2026}', ':', ';'])
}

/// A short line without final punctuation that does not run on into the next line.
fn is_heading(line: &str, next: Option<&str>) -> bool {
    if ends_terminal(line) || line.ends_with(',') {
        return false;
    }
    if line.split(' ').nth(20).is_some() || has_inner_sentence_end(line) {
        return false;
    }
    let starts_lower = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
    !(starts_lower(line) || next.is_some_and(starts_lower))
}

/// "The port stayed shut. (Editing by ...)": a full stop after a lowercase word, inside
/// the line, means running text, not a headline ("U.S. Sends Aid" keeps its heading).
fn has_inner_sentence_end(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memmem::find_iter(b, b". ").any(|k| {
        let word_start = b[..k].iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1);
        k > 0 && b[k - 1].is_ascii_lowercase() && abbrev::lookup(&line[word_start..k]).is_none()
    })
}

/// Number of tokens of a dateline at the start of a paragraph, separator included.
fn dateline_len(text: &str, toks: &[Token]) -> Option<usize> {
    let f = |i: usize| toks.get(i).map_or("", |t| t.form(text));
    let is_caps =
        |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '\'');
    let mut i = 0;
    let mut letters = 0;
    // "BEIRUT/JERUSALEM, Oct 14": two places joined by a slash.
    while is_caps(f(i)) || (i > 0 && f(i) == "/" && is_caps(f(i + 1))) {
        letters += f(i).len();
        i += 1;
    }
    if i == 0 || letters < 3 {
        return None;
    }
    let caps = i;
    let limit = (i + 14).min(toks.len());
    while i < limit {
        let w = f(i);
        match w {
            "-" | "--" if i + 1 < toks.len() && i > 0 => return Some(i + 1),
            // "NEW DELHI: India said ...", "BREAKING: ..." (caps words only before it).
            ":" if i == caps && i + 1 < toks.len() => return Some(i + 1),
            "/" if is_caps(f(i + 1)) && f(i + 2) == "/" => {
                let end = if f(i + 3) == "." { i + 4 } else { i + 3 };
                return (end < toks.len()).then_some(end);
            }
            "(" => {
                let close = (i + 1..(i + 6).min(toks.len())).find(|&j| f(j) == ")")?;
                i = close + 1;
            }
            "," | "." => i += 1,
            _ if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) => i += 1,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(SentenceKind, &str)> {
        Segmenter::new()
            .segment(text)
            .iter()
            .map(|s| (s.kind, sentence_text(text, s)))
            .collect()
    }

    #[test]
    fn dateline_of_two_places() {
        let t = "BEIRUT/JERUSALEM, Oct 14, 2024 (Levant Wire) - Israeli jets struck targets.";
        let s = split(t);
        assert_eq!(s[0].0, SentenceKind::Meta);
        assert_eq!(s[1].1, "Israeli jets struck targets.");
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Lt. Col. Ray Smith of the U.S. Army spoke at 9 a.m. Monday. He left.";
        let s: Vec<_> = split(t).into_iter().map(|x| x.1).collect();
        assert_eq!(
            s,
            [
                "Lt. Col. Ray Smith of the U.S. Army spoke at 9 a.m. Monday.",
                "He left."
            ]
        );
    }

    #[test]
    fn final_abbreviation_before_opener_splits() {
        let t = "The aid came from the U.S. The EU sent more.";
        assert_eq!(split(t).len(), 2);
    }

    #[test]
    fn quotes_stay_with_sentence() {
        let t = "\"We will not leave.\" The mayor said so. \"Stop!\" he shouted.";
        let s: Vec<_> = split(t).into_iter().map(|x| x.1).collect();
        assert_eq!(
            s,
            [
                "\"We will not leave.\"",
                "The mayor said so.",
                "\"Stop!\" he shouted."
            ]
        );
    }

    #[test]
    fn dateline_is_meta() {
        let t = "KYIV, Ukraine (AP) - Russian forces shelled the city.";
        let s = split(t);
        assert_eq!(s[0], (SentenceKind::Meta, "KYIV, Ukraine (AP) -"));
        assert_eq!(
            s[1],
            (SentenceKind::Body, "Russian forces shelled the city.")
        );
    }

    #[test]
    fn headings_bullets() {
        let t = "Troops Advance Near Border\n\nBy Jane Smith\n- First point here.\n- Second point";
        let s = split(t);
        assert_eq!(s[0].0, SentenceKind::Heading);
        assert_eq!(s[1].0, SentenceKind::Meta);
        assert_eq!(s[2], (SentenceKind::Body, "First point here."));
        assert_eq!(s[3], (SentenceKind::Body, "Second point"));
    }

    #[test]
    fn soft_wrapped_lines_join() {
        let t = "The ministry said the strike hit a depot near\nthe river on Tuesday. It gave no figures.";
        let s = split(t);
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].1,
            "The ministry said the strike hit a depot near\nthe river on Tuesday."
        );
    }
}
