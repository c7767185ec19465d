//! A byte scanner that cuts a sentence into the small tokens both finders match on.
//!
//! Tokens are finer than the tagger's: letters, digit runs and single punctuation marks
//! are separate tokens, and each token records whether whitespace preceded it
//! (`glued`), so "F-16" is `F` `-` `16` all glued and "155mm" is `155` `mm`. Number
//! syntax ("17,000", "1.5") and date syntax ("2023-01-09") are recognised by the
//! finders from these pieces, which keeps the scanner to one pass and no backtracking.
//!
//! The token buffer is a thread-local `Vec` reused across calls, so a call allocates
//! nothing but its result. The scanner also reports what it saw (digits, time words,
//! number words) so a finder can return at once on the many sentences with nothing
//! for it.

use crate::lex::{self, Lex, K};
use std::cell::RefCell;

/// A run of letters (ASCII or any Unicode alphabetic character).
pub(crate) const WORD: u8 = 0;
/// A run of ASCII digits.
pub(crate) const DIGITS: u8 = 1;
/// One punctuation or symbol character; `ch` holds it (ASCII) or a code for a few
/// non-ASCII symbols: `E` for the euro sign, `L` for the pound sign, 0 for others.
pub(crate) const PUNCT: u8 = 2;

/// A token of a sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tok {
    /// Byte offset where the token starts.
    pub start: u32,
    /// Byte offset where the token ends (exclusive).
    pub end: u32,
    /// For digit runs: their value (saturating).
    pub num: u64,
    /// For words: the table entry.
    pub lex: Lex,
    /// [`WORD`], [`DIGITS`] or [`PUNCT`].
    pub kind: u8,
    /// The punctuation character, for [`PUNCT`].
    pub ch: u8,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// A word starting with an uppercase letter.
    pub cap: bool,
}

impl Tok {
    pub(crate) fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub(crate) fn is_word(&self) -> bool {
        self.kind == WORD
    }
    pub(crate) fn is_digits(&self) -> bool {
        self.kind == DIGITS
    }
    pub(crate) fn is_punct(&self, c: u8) -> bool {
        self.kind == PUNCT && self.ch == c
    }
    pub(crate) fn k(&self) -> K {
        self.lex.kind
    }
}

/// What a sentence contains, for quick rejection.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Seen {
    /// Any digit run.
    pub digits: bool,
    /// Any word that can start or anchor a time expression.
    pub time_words: bool,
    /// Any word that can start a quantity.
    pub number_words: bool,
}

/// The thread's token buffer and the sentence it holds.
#[derive(Default)]
struct Cache {
    text: String,
    toks: Vec<Tok>,
    seen: Seen,
}

thread_local! {
    static BUF: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Tokenizes `text` into the thread's buffer and calls `f` with the tokens.
///
/// The coder calls both finders on the same sentence, so the buffer remembers the
/// last text and reuses its tokens when the next call passes the same text: a string
/// comparison instead of a second scan.
pub(crate) fn with_tokens<R>(text: &str, f: impl FnOnce(&[Tok], Seen) -> R) -> R {
    BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut c) => {
            if c.text != text || c.toks.is_empty() && !text.is_empty() {
                let c = &mut *c;
                c.text.clear();
                c.text.push_str(text);
                c.seen = tokenize(text, &mut c.toks);
            }
            f(&c.toks, c.seen)
        }
        // Only reachable if `f` itself re-enters; fall back to a fresh buffer.
        Err(_) => {
            let mut buf = Vec::new();
            let seen = tokenize(text, &mut buf);
            f(&buf, seen)
        }
    })
}

/// Cuts `text` into tokens, replacing the contents of `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) -> Seen {
    out.clear();
    let bytes = text.as_bytes();
    let mut seen = Seen::default();
    let mut i = 0;
    let mut glued = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start: start as u32,
            glued,
            ..Tok::default()
        };
        if b.is_ascii_digit() {
            let mut n: u64 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                n = n
                    .saturating_mul(10)
                    .saturating_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            tok.kind = DIGITS;
            tok.num = n;
            seen.digits = true;
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && starts_alpha(text, i)) {
            i = word_end(text, i);
            tok.kind = WORD;
            tok.cap = b.is_ascii_uppercase();
            tok.lex = lex::lookup(&bytes[start..i]);
            note_word(tok.lex, &mut seen);
        } else if b < 0x80 {
            tok.kind = PUNCT;
            tok.ch = b;
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                glued = false;
                continue;
            }
            tok.kind = PUNCT;
            tok.ch = match c {
                '\u{20ac}' => b'E',
                '\u{a3}' => b'L',
                _ => 0,
            };
        }
        tok.end = i as u32;
        out.push(tok);
        glued = true;
    }
    seen
}

fn note_word(lex: Lex, seen: &mut Seen) {
    match lex.kind {
        K::Month | K::MonthAbbr | K::Weekday | K::Season | K::RelDay | K::TimeUnit => {
            seen.time_words = true
        }
        K::PartOfDay => seen.time_words = true,
        K::NumWord | K::Scale | K::Dozen | K::Vague | K::Several | K::Few | K::Handful => {
            seen.number_words = true
        }
        K::Couple => seen.number_words = true,
        _ => {}
    }
}

/// Whether the character at byte `i` (a non-ASCII lead byte) is alphabetic.
fn starts_alpha(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// The end of the run of letters starting at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<(String, bool)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter()
            .map(|t| (text[t.start as usize..t.end as usize].to_string(), t.glued))
            .collect()
    }

    #[test]
    fn splits_names_and_units() {
        let f = forms("F-16 and 155mm, $1.5bn");
        let got: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            got,
            ["F", "-", "16", "and", "155", "mm", ",", "$", "1", ".", "5", "bn"]
        );
        assert!(f[1].1 && f[2].1 && !f[3].1 && f[5].1);
    }

    #[test]
    fn handles_unicode() {
        let f = forms("Kyiv\u{a0}– Zaporizhzhia: €2 café");
        let got: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["Kyiv", "–", "Zaporizhzhia", ":", "€", "2", "café"]);
        assert!(!f[1].1, "a no-break space separates tokens");
    }

    #[test]
    fn reports_what_it_saw() {
        let mut v = Vec::new();
        let s = tokenize("Officials met in the capital", &mut v);
        assert!(!s.digits && !s.time_words && !s.number_words);
        let s = tokenize("Dozens were hurt yesterday", &mut v);
        assert!(s.time_words && s.number_words);
    }
}
