//! A read-only view of a sentence's tokens with the small predicates both finders share:
//! word tests, number-or-name gluing, and the year heuristic.

use crate::lex::{BOUND, K, STOP, TPREP};
use crate::scan::{Tok, PUNCT};

/// A sentence's text and tokens.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
}

impl View<'_> {
    pub(crate) fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    pub(crate) fn form(&self, i: usize) -> &str {
        self.t
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    /// Token `i` is the word `w` (ASCII, any case).
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        match self.t.get(i) {
            Some(t) if t.is_word() && t.len() == w.len() => self.text.as_bytes()
                [t.start as usize..t.end as usize]
                .eq_ignore_ascii_case(w.as_bytes()),
            _ => false,
        }
    }

    pub(crate) fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(i, w))
    }

    pub(crate) fn is_p(&self, i: usize, c: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub(crate) fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }

    pub(crate) fn flag(&self, i: usize, f: u16) -> bool {
        self.t.get(i).is_some_and(|t| t.is_word() && t.lex.has(f))
    }

    /// A year at `i` in a date context (after a month, a comma, in a range).
    pub(crate) fn year_tok(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        (t.is_digits()
            && t.len() == 4
            && (1900..=2100).contains(&t.num)
            && !self.glued_continuation(i + 1))
        .then_some(t.num as i32)
    }

    /// A standalone year: 1900..=2100, not part of a number, a name, a sum or a count.
    pub(crate) fn year_at(&self, i: usize) -> Option<i32> {
        let y = self.year_tok(i)?;
        let t = self.t[i];
        // Digit groups separated by spaces are phone numbers or spaced thousands.
        let digits = |k: usize| self.t.get(k).is_some_and(|x| x.is_digits());
        if (i > 0 && digits(i - 1) && !t.glued) || (digits(i + 1) && !self.glued(i + 1)) {
            return None;
        }
        if t.glued && i > 0 {
            let p = self.t[i - 1];
            let mid = p.is_punct(b'-')
                && (self.is(i.wrapping_sub(2), "mid")
                    || self.year_tok(i.wrapping_sub(2)).is_some());
            let open = p.is_punct(b'(') || p.is_punct(b'"') || p.is_punct(b'\'');
            if !(mid || open) {
                return None;
            }
        }
        let p = i.wrapping_sub(1);
        let bound = if self.is(p, "to") {
            self.is(p.wrapping_sub(1), "up")
        } else {
            self.flag(p, BOUND)
        };
        if bound && !self.flag(p, TPREP) {
            return None;
        }
        if self.is_p(i + 1, b'%') || self.is_p(i + 1, b'+') {
            return None;
        }
        // A model number: "Mirage 2000-5", "Mirage 2000" (a capitalized name word before
        // it that is no month and no sentence opener).
        let model_suffix = self.is_p(i + 1, b'-')
            && self.glued(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|n| n.is_digits() && n.len() == 1 && n.glued);
        let name_before = i > 1
            && self
                .tok(p)
                .is_some_and(|n| n.is_word() && n.cap && !matches!(n.k(), K::Month | K::MonthAbbr))
            && !self.flag(p, TPREP)
            && self.tok(p - 1).is_some_and(|n| !n.is_punct(b'.'));
        if model_suffix || name_before {
            return None;
        }
        if let Some(n) = self.tok(i + 1).filter(|n| n.is_word()) {
            let unit = matches!(
                n.k(),
                K::Scale | K::Dist | K::Calibre | K::Percent | K::Currency | K::Vague
            );
            if unit || (!self.flag(i.wrapping_sub(1), TPREP) && self.plural_noun(i + 1)) {
                return None;
            }
        }
        Some(y)
    }

    /// A lowercase plural-looking noun ("people", "troops", "civilians").
    pub(crate) fn plural_noun(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let f = self.form(i).as_bytes();
        let all_caps = f.iter().all(|b| !b.is_ascii_lowercase());
        if !t.is_word() || (t.cap && !all_caps) || t.lex.has(STOP) || t.k() == K::TimeUnit {
            return false;
        }
        let irregular = ["people", "men", "women", "children", "personnel", "police"];
        irregular
            .iter()
            .any(|w| self.form(i).eq_ignore_ascii_case(w))
            || (f.len() > 3 && ends(f, b"s") && !ends(f, b"ss") && !ends(f, b"us"))
            || (f.len() > 4 && ends(f, b"men"))
    }

    /// Token `i` continues the previous one without a space as part of a number or a
    /// name: a glued digit run, letter run, or ",ddd"/".d"/":dd" group.
    pub(crate) fn glued_continuation(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.glued {
            return false;
        }
        if t.is_word() {
            return t.k() != K::Ordinal;
        }
        if t.is_digits() {
            return true;
        }
        (t.is_punct(b',') || t.is_punct(b'.') || t.is_punct(b':'))
            && self
                .tok(i + 1)
                .is_some_and(|n| n.glued && (n.is_digits() || n.is_word()))
    }

    /// Digits glued to a preceding word or word-hyphen ("F-16", "Su-34", "M777").
    pub(crate) fn in_name(&self, i: usize) -> bool {
        let t = self.t[i];
        if !t.glued || i == 0 {
            return false;
        }
        let p = self.t[i - 1];
        if p.is_word() || p.is_digits() {
            return true;
        }
        let Some(pp) = i.checked_sub(2).map(|k| self.t[k]) else {
            return false;
        };
        if !p.glued || p.kind != PUNCT {
            return false;
        }
        // "F-16", "Su-34" are names; "1.5", "9/11", "10:30" are numbers; "1-5" a range.
        match p.ch {
            b'-' => pp.is_word(),
            b'.' | b'/' | b',' | b':' => pp.is_digits(),
            _ => false,
        }
    }
}

/// Case-insensitive ASCII suffix test.
fn ends(word: &[u8], suffix: &[u8]) -> bool {
    word.len() >= suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}
