//! Numbers in digits and words: "17,000", "1.5 million", "twenty-five", "a dozen",
//! "half a hundred", vague counts ("dozens", "several hundred"), and the digit strings
//! that are not counts (dates, years, clock times, phone numbers, ordinals, names).

use super::{Finder, Num};
use crate::lex::{ART, K};

impl Finder<'_> {
    // ---- numbers ----

    pub(super) fn number(&self, i: usize) -> Option<Num> {
        let t = *self.tok(i)?;
        if t.is_digits() {
            return self.digits_number(i);
        }
        if !t.is_word() {
            return None;
        }
        match t.k() {
            K::NumWord => self.word_number(i),
            K::Vague => self.vague(i),
            K::Several => Some(self.spread(i, i + 1, 3.0, 9.0)),
            _ if !t.lex.has(ART) => None,
            _ if self.is_any(i, &["a", "an"]) => self.a_number(i),
            _ if self.is(i, "half") && self.is(i + 1, "a") => {
                let k = self.tok(i + 2)?;
                let v = match k.k() {
                    K::Dozen => 6.0,
                    K::Scale => 0.5 * 10f64.powi(i32::from(k.lex.val)),
                    _ => return None,
                };
                Some(Num {
                    s: i,
                    e: i + 3,
                    v,
                    scale: 1.0,
                    vague: None,
                    approx: false,
                    of_noun: false,
                })
            }
            _ => None,
        }
    }

    /// A digit-written number with its groups, decimal part and scale word.
    pub(super) fn digits_number(&self, i: usize) -> Option<Num> {
        if self.skip_digits(i) {
            return None;
        }
        let (mut v, mut e) = self.digit_value(i)?;
        // Glued letters: a unit, a scale or an ordinal; anything else makes a name.
        if let Some(n) = self.tok(e).filter(|n| n.glued && n.is_word()) {
            match n.k() {
                K::Scale | K::Dist | K::Calibre | K::Percent | K::Dozen => {}
                _ => return None,
            }
        }
        if self.is_p(e, b'-') && self.glued(e) && self.glued(e + 1) {
            let n = self.tok(e + 1)?;
            let unit = matches!(n.k(), K::Dist | K::Calibre | K::Scale);
            let ok = n.is_digits() || unit || self.is_any(e + 1, &["plus", "strong"]);
            if !ok {
                return None;
            }
        }
        let mut scale = 1.0;
        if let Some(n) = self.tok(e) {
            let glued_only = self.is(e, "k");
            if n.k() == K::Scale && (n.glued || !glued_only) {
                scale = 10f64.powi(i32::from(n.lex.val));
                e += 1;
            } else if n.k() == K::Dozen {
                scale = 12.0;
                e += 1;
            }
        }
        // "1.5 million": a second scale word multiplies ("two hundred thousand").
        if scale == 100.0
            && self
                .tok(e)
                .is_some_and(|n| n.k() == K::Scale && n.lex.val >= 3)
        {
            scale *= 10f64.powi(i32::from(self.t[e].lex.val));
            e += 1;
        }
        v *= scale;
        Some(Num {
            s: i,
            e,
            v,
            scale,
            vague: None,
            approx: false,
            of_noun: false,
        })
    }

    /// "17,000" -> 17000, "1.5" -> 1.5; `None` for digit strings that are not numbers.
    pub(super) fn digit_value(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.t[i];
        let mut v = t.num as f64;
        let mut e = i + 1;
        let grouped = t.len() <= 3;
        while grouped
            && self.is_p(e, b',')
            && self.glued(e)
            && self
                .tok(e + 1)
                .is_some_and(|n| n.glued && n.is_digits() && n.len() == 3)
        {
            v = v * 1000.0 + self.t[e + 1].num as f64;
            e += 2;
        }
        if self.is_p(e, b'.')
            && self.glued(e)
            && self.tok(e + 1).is_some_and(|n| n.glued && n.is_digits())
        {
            let d = self.t[e + 1];
            // "09.01.2023" or "1.2.3" are not decimals.
            if self.is_p(e + 2, b'.')
                && self.glued(e + 2)
                && self.tok(e + 3).is_some_and(|n| n.glued && n.is_digits())
            {
                return None;
            }
            v += d.num as f64 / 10f64.powi(d.len() as i32);
            e += 2;
        }
        if self.is_p(e, b',')
            && self.glued(e)
            && self.tok(e + 1).is_some_and(|n| n.glued && n.is_digits())
        {
            return None; // "1,2" or "12,34": not a number we can read.
        }
        Some((v, e))
    }

    /// Digits that are part of a date, year, time, phone number, ordinal or name.
    pub(super) fn skip_digits(&self, i: usize) -> bool {
        let t = self.t[i];
        if self.in_name(i) {
            return true;
        }
        let p = i.wrapping_sub(1);
        let glued_prev = t.glued && i > 0;
        if glued_prev && (self.is_p(p, b'+') || self.is_p(p, b'#')) {
            return true;
        }
        // Leading zeros: "09", "044", but "0.5" is a number.
        if t.len() >= 2 && self.text.as_bytes()[t.start as usize] == b'0' {
            return true;
        }
        // Clock times, fractions, ISO date pieces.
        let next_glued_digits = |k: usize| {
            self.glued(k) && self.glued(k + 1) && self.tok(k + 1).is_some_and(|n| n.is_digits())
        };
        if (self.is_p(i + 1, b':') || self.is_p(i + 1, b'/')) && next_glued_digits(i + 1) {
            return true;
        }
        if glued_prev
            && self.is_p(p, b'-')
            && self.year_tok(p.wrapping_sub(1)).is_some()
            && self.glued(p)
        {
            return true; // "2022-23", "2023-01-09"
        }
        if self.is_p(i + 1, b'-')
            && next_glued_digits(i + 1)
            && self.is_p(i + 3, b'-')
            && next_glued_digits(i + 3)
        {
            return true;
        }
        // Adjacent digit runs separated only by spaces: phone numbers, "17 000".
        if (i > 0 && self.t[p].is_digits() && !t.glued)
            || self.tok(i + 1).is_some_and(|n| n.is_digits() && !n.glued)
        {
            return true;
        }
        // Clock words: "3 pm", "15:00 GMT", "3 a.m.", "5 o'clock".
        if let Some(n) = self.tok(i + 1) {
            if n.k() == K::Clock && !self.is(i + 1, "m") {
                return true;
            }
            if self.is_any(i + 1, &["a", "p"])
                && self.is_p(i + 2, b'.')
                && self.glued(i + 2)
                && self.is(i + 3, "m")
            {
                return true;
            }
        }
        // Ordinals: "155th".
        if self
            .tok(i + 1)
            .is_some_and(|n| n.glued && n.k() == K::Ordinal)
        {
            return true;
        }
        // Names before the number: "Leopard 2", "Article 5", "No. 3".
        if let Some(q) = self.tok(p).filter(|_| i > 0) {
            if q.k() == K::NameBlock && !self.is(p, "no") && (q.lex.val == 0 || q.cap) {
                return true;
            }
            if q.is_punct(b'.') && self.is(p.wrapping_sub(1), "no") {
                return true;
            }
        }
        if t.len() <= 2 && self.date_day(i) {
            return true;
        }
        t.len() == 4 && self.year_at(i).is_some()
    }

    /// A day number beside a month name: "January 1", "1 January", "1st of March".
    pub(super) fn date_day(&self, i: usize) -> bool {
        let month = |k: usize| {
            self.tok(k)
                .is_some_and(|m| m.cap && matches!(m.k(), K::Month | K::MonthAbbr))
        };
        let p = i.wrapping_sub(1);
        if month(p) || (self.is_p(p, b'.') && month(p.wrapping_sub(1))) {
            return true;
        }
        let mut j = i + 1;
        if self.tok(j).is_some_and(|n| n.glued && n.k() == K::Ordinal) {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1;
        }
        if month(j) {
            return true;
        }
        // The first day of "10 and 16 September", "1-5 March", "12 to 15 March".
        let joined = self.is_p(i + 1, b'-') || self.is_any(i + 1, &["and", "to", "until"]);
        joined
            && self
                .tok(i + 2)
                .is_some_and(|n| n.is_digits() && n.len() <= 2)
            && (month(i + 3)
                || self
                    .tok(i + 3)
                    .is_some_and(|n| n.glued && n.k() == K::Ordinal)
                    && month(i + 4))
    }

    /// "two", "twenty-five", "three hundred", "two million", "one hundred and fifty".
    pub(super) fn word_number(&self, i: usize) -> Option<Num> {
        let mut v = f64::from(self.t[i].lex.val);
        let mut e = i + 1;
        if v >= 20.0 && self.is_p(e, b'-') && self.glued(e) {
            if let Some(u) = self
                .tok(e + 1)
                .filter(|u| u.glued && u.k() == K::NumWord && u.lex.val < 10)
            {
                v += f64::from(u.lex.val);
                e += 2;
            }
        }
        if v == 1.0 && e == i + 1 {
            let p = i.wrapping_sub(1);
            let det = [
                "no", "the", "this", "that", "any", "every", "each", "which", "any",
            ];
            let idiom = [
                "another", "by", "day", "after", "way", "side", "hand", "thing",
            ];
            if (i > 0 && self.is_any(p, &det)) || self.is_any(i + 1, &idiom) {
                return None;
            }
        }
        // A word number glued to a hyphen and a word is a modifier: "three-day", "two-way".
        if self.is_p(e, b'-')
            && self.glued(e)
            && self
                .tok(e + 1)
                .is_some_and(|n| n.glued && n.is_word() && n.k() != K::NumWord)
        {
            let unit = matches!(self.t[e + 1].k(), K::Dist | K::Calibre);
            if !unit {
                return None;
            }
        }
        let mut scale = 1.0;
        if self.is(e, "hundred") {
            v *= 100.0;
            scale = 100.0;
            e += 1;
            let k = if self.is(e, "and") { e + 1 } else { e };
            if let Some(u) = self.tok(k).filter(|u| u.k() == K::NumWord) {
                let mut add = f64::from(u.lex.val);
                let mut ke = k + 1;
                if add >= 20.0
                    && self.is_p(ke, b'-')
                    && self.tok(ke + 1).is_some_and(|x| x.k() == K::NumWord)
                {
                    add += f64::from(self.t[ke + 1].lex.val);
                    ke += 2;
                }
                v += add;
                e = ke;
            }
        }
        if let Some(n) = self.tok(e).filter(|n| n.k() == K::Scale && n.lex.val >= 3) {
            let m = 10f64.powi(i32::from(n.lex.val));
            v *= m;
            scale *= m;
            e += 1;
        } else if self.tok(e).is_some_and(|n| n.k() == K::Dozen) {
            v *= 12.0;
            scale = 12.0;
            e += 1;
        }
        Some(Num {
            s: i,
            e,
            v,
            scale,
            vague: None,
            approx: false,
            of_noun: false,
        })
    }

    /// "a dozen", "a hundred", "a thousand", "a few", "a handful", "a couple of".
    pub(super) fn a_number(&self, i: usize) -> Option<Num> {
        let n = *self.tok(i + 1)?;
        let num = |v: f64, e: usize| Num {
            s: i,
            e,
            v,
            scale: 1.0,
            vague: None,
            approx: false,
            of_noun: false,
        };
        match n.k() {
            K::Scale
                if !n.glued && n.lex.val <= 12 && !self.is(i + 1, "k") && !self.is(i + 1, "bn") =>
            {
                let v = 10f64.powi(i32::from(n.lex.val));
                Some(num(v, i + 2))
            }
            K::Dozen => Some(num(12.0, i + 2)),
            K::Few | K::Handful => {
                let mut q = self.spread(i, i + 2, 2.0, 5.0);
                q.of_noun = n.k() == K::Handful;
                Some(q)
            }
            K::Couple if self.is(i + 2, "of") => Some(Num {
                approx: true,
                of_noun: true,
                ..num(2.0, i + 2)
            }),
            _ if self.is(i + 1, "score") && self.is(i + 2, "of") => Some(Num {
                of_noun: true,
                ..num(20.0, i + 2)
            }),
            _ => None,
        }
    }

    /// A vague count from `lo` to `hi`, multiplied by a following "hundred",
    /// "thousand", "million" or "dozen": "several", "a few hundred".
    pub(super) fn spread(&self, s: usize, mut e: usize, lo: f64, hi: f64) -> Num {
        let mut m = 1.0;
        if let Some(n) = self.tok(e) {
            if n.k() == K::Scale && !n.glued && !self.is(e, "k") {
                m = 10f64.powi(i32::from(n.lex.val));
                e += 1;
            } else if n.k() == K::Dozen {
                m = 12.0;
                e += 1;
            }
        }
        Num {
            s,
            e,
            v: lo * m,
            scale: m,
            vague: Some((lo * m, Some(hi * m))),
            approx: false,
            of_noun: false,
        }
    }

    /// "dozens", "hundreds", "thousands", "scores of", "tens of thousands".
    pub(super) fn vague(&self, i: usize) -> Option<Num> {
        let code = self.t[i].lex.val;
        let unit = match code {
            1 => 12.0,
            20 => 20.0,
            10 => 10.0,
            c => 10f64.powi(i32::from(c)),
        };
        let mut lo = 2.0 * unit;
        let mut e = i + 1;
        if self.is(e, "of")
            && self
                .tok(e + 1)
                .is_some_and(|n| n.k() == K::Vague && n.lex.val >= 3)
        {
            lo *= 10f64.powi(i32::from(self.t[e + 1].lex.val));
            e += 2;
        } else if code == 10 || code == 20 {
            // "tens" and "scores" alone are not counts ("scores of" is).
            if !self.is(e, "of") {
                return None;
            }
        }
        // "two hundreds" is odd; "the hundreds" is not a count.
        if i > 0
            && (self.t[i - 1].is_digits()
                || self.t[i - 1].k() == K::NumWord
                || self.is(i - 1, "the"))
        {
            return None;
        }
        Some(Num {
            s: i,
            e,
            v: lo,
            scale: 1.0,
            vague: Some((lo, None)),
            approx: false,
            of_noun: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::find_quantities;

    fn value(text: &str) -> Option<f64> {
        find_quantities(text).first().and_then(|q| q.min.or(q.max))
    }

    #[test]
    fn reads_digit_groups_and_decimals() {
        assert_eq!(value("17,000 troops"), Some(17_000.0));
        assert_eq!(value("1,234,567 voters"), Some(1_234_567.0));
        assert_eq!(value("2.75 million people"), Some(2_750_000.0));
        assert_eq!(value("12,34 units"), None);
    }

    #[test]
    fn reads_word_numbers() {
        assert_eq!(value("ninety-nine bottles"), Some(99.0));
        assert_eq!(value("two hundred and thirty-one fighters"), Some(231.0));
        assert_eq!(value("three thousand troops"), Some(3000.0));
        assert_eq!(value("a million people"), Some(1e6));
    }

    #[test]
    fn skips_digits_that_are_not_counts() {
        for text in [
            "at 10:30",
            "the 3rd",
            "F-35",
            "2022",
            "on 5 May",
            "call 0800",
            "Leopard 2",
        ] {
            assert_eq!(value(text), None, "{text}");
        }
    }
}
