//! The time finder: explicit dates, months, years, seasons and ranges, and relative
//! expressions resolved against the document date.
//!
//! The finder walks the scanner's tokens left to right. At each token it tries, in
//! order, an explicit expression (a range opened by "from"/"between"/"since", or a date
//! point possibly continued into a range) and then a relative one ("yesterday",
//! "last week", "three days ago", "on Friday"). A match consumes its tokens; matches
//! never overlap. Modifiers before a match ("early", "mid-", "the end of", "since")
//! join its span but not its value: "early March" is month precision.
//!
//! Which direction an under-specified expression resolves in ("on January 1", "in
//! March", "in the spring", "on Friday") depends on the sentence's tense, decided once
//! per sentence and only when needed: see [`Finder::future`].

use crate::date::{self, Val};

mod relative;
use crate::lex::{K, OPEN, TPREP, WEAK};
use crate::scan;
use crate::view::View;
use crate::TimeExpr;
use rung_text::DocDate;
use std::cell::Cell;
use std::ops::Deref;

/// Finds the time expressions of one sentence. See the crate documentation for the
/// resolution rules.
pub fn find_times(text: &str, doc_date: Option<DocDate>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    scan::with_tokens(text, |toks, seen| {
        if !seen.digits && !seen.time_words {
            return;
        }
        let r = doc_date.and_then(|d| {
            let y = d.year?;
            date::valid_day(Some(y), u32::from(d.month), u32::from(d.day))
                .then(|| date::days_from_civil(y, u32::from(d.month), u32::from(d.day)))
        });
        let f = Finder {
            v: View { text, t: toks },
            r,
            future: Cell::new(None),
        };
        f.run(&mut out);
    });
    out
}

/// A date as far as the text specifies it, with its token span.
#[derive(Debug, Clone, Copy, Default)]
struct Point {
    s: usize,
    e: usize,
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    season: Option<u32>,
    /// 0 none, 1 "this", 2 "last", 3 "next".
    rel: u8,
}

impl Point {
    fn bare_day(&self) -> bool {
        self.d.is_some() && self.m.is_none()
    }
    /// Shape for range pairing: 0 day, 1 month, 2 year, 3 season.
    fn shape(&self) -> u8 {
        match (self.m, self.d, self.season) {
            (_, Some(_), _) => 0,
            (Some(_), None, _) => 1,
            (None, None, Some(_)) => 3,
            _ => 2,
        }
    }
}

/// A match: token span and values.
struct Hit {
    s: usize,
    e: usize,
    value: Option<Val>,
    until: Option<Val>,
}

struct Finder<'a> {
    v: View<'a>,
    /// The document date as a day count, when its year is known.
    r: Option<i64>,
    future: Cell<Option<bool>>,
}

impl<'a> Deref for Finder<'a> {
    type Target = View<'a>;
    fn deref(&self) -> &View<'a> {
        &self.v
    }
}

impl Finder<'_> {
    fn run(&self, out: &mut Vec<TimeExpr>) {
        let mut i = 0;
        let mut floor = 0;
        while i < self.t.len() {
            let hit = self.explicit(i).or_else(|| self.relative(i));
            match hit {
                Some(h) if h.s >= floor && h.e > i => {
                    let s = self.extend_back(h.s, floor);
                    out.push(TimeExpr {
                        start: self.t[s].start as usize,
                        end: self.t[h.e - 1].end as usize,
                        value: h.value.map(Val::render),
                        until: h.until.map(Val::render),
                    });
                    i = h.e;
                    floor = h.e;
                }
                _ => i += 1,
            }
        }
    }

    // ---- explicit expressions ----

    fn explicit(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if t.is_word() && t.lex.has(OPEN) {
            if self.is(i, "from") || self.is(i, "between") {
                return self.opened_range(i);
            }
            if self.is(i, "since") {
                let mut h = self.explicit(i + 1).or_else(|| self.relative(i + 1))?;
                h.s = i;
                return Some(h);
            }
        }
        let p = match self.point(i, false) {
            Some(p) => p,
            // "1-5 March 2022", "12 to 15 March": a bare day opens a range of days.
            None if t.is_digits() => self.point(i, true).filter(|p| p.bare_day())?,
            None => return None,
        };
        if let Some(h) = self.continued_range(p, false) {
            return Some(h);
        }
        if p.bare_day() {
            return None;
        }
        let value = self.resolve(&p);
        Some(Hit {
            s: p.s,
            e: p.e,
            value,
            until: None,
        })
    }

    /// "from P to P", "between P and P".
    fn opened_range(&self, i: usize) -> Option<Hit> {
        let p1 = self.point(i + 1, true)?;
        let mut h = self.continued_range(p1, true)?;
        h.s = i;
        Some(h)
    }

    /// P1 followed by "-", "to", "until", "through" or "and" and P2.
    fn continued_range(&self, p1: Point, opened: bool) -> Option<Hit> {
        let j = p1.e;
        let joiner_ok = self.is_p(j, b'-')
            || self.is_any(j, &["to", "until", "till", "through"])
            || ((opened || p1.bare_day()) && self.is(j, "and"));
        if !joiner_ok {
            return None;
        }
        let mut p2 = self.point(j + 1, true)?;
        if p2.bare_day() {
            // "February 23-24", "23 to 25 March" is handled from the other side.
            match (p1.m, p1.d, p2.d) {
                (Some(m), Some(d1), Some(d2)) if p1.e == j && d2 > d1 && !p1.bare_day() => {
                    p2.m = Some(m);
                    if p2.y.is_none() {
                        p2.y = p1.y;
                    }
                    let yj = if self.is_p(p2.e, b',') {
                        p2.e + 1
                    } else {
                        p2.e
                    };
                    if let Some(y) = self.year_tok(yj).filter(|_| p1.y.is_none()) {
                        p2.y = Some(y);
                        p2.e = yj + 1;
                    }
                    if !date::valid_day(p2.y, m, d2) {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        // Without an opening word, only pair like with like ("March to June 2022",
        // "2014-2022"), so "killed 12 in 2014 to ..." style text stays out.
        if !(opened || p1.shape() == p2.shape() || p1.bare_day() && p2.shape() == 0) {
            return None;
        }
        if !opened && !self.is_p(j, b'-') && p1.shape() == 2 && p2.shape() == 2 && p1.y >= p2.y {
            return None;
        }
        let (a, b) = self.fill_range(p1, p2);
        let (value, until) = self.resolve_range(&a, &b)?;
        Some(Hit {
            s: p1.s,
            e: p2.e,
            value: Some(value),
            until: Some(until),
        })
    }

    /// Completes the start of a range from its end ("1 to 5 March 2022").
    fn fill_range(&self, mut a: Point, mut b: Point) -> (Point, Point) {
        if a.bare_day() {
            a.m = b.m;
        }
        if a.y.is_none() && b.y.is_some() && a.season.is_none() {
            a.y = b.y;
            if let (Some(am), Some(bm), Some(y)) = (a.m, b.m, b.y) {
                if am > bm {
                    a.y = Some(y - 1);
                }
            }
        }
        if b.y.is_none() && a.y.is_some() && b.m.is_some() {
            b.y = a.y;
            if let (Some(am), Some(bm), Some(y)) = (a.m, b.m, a.y) {
                if bm < am {
                    b.y = Some(y + 1);
                }
            }
        }
        (a, b)
    }

    fn resolve_range(&self, a: &Point, b: &Point) -> Option<(Val, Val)> {
        let vb = self.resolve(b)?;
        let va = match self.resolve(a) {
            Some(v) if a.y.is_some() || a.m.is_none() => v,
            _ => {
                // The start has no year of its own: take the end's year, one less if
                // the months wrap ("from November to February").
                let by = match vb {
                    Val::Day(y, ..) | Val::Month(y, _) | Val::Year(y) => y,
                    Val::Season(y, _) | Val::Week(y, _) => y,
                };
                let am = a.m?;
                let bm = b.m.unwrap_or(12);
                let y = if am > bm { by - 1 } else { by };
                match a.d {
                    Some(d) if date::valid_day(Some(y), am, d) => Val::Day(y, am, d),
                    Some(_) => return None,
                    None => Val::Month(y, am),
                }
            }
        };
        Some((va, vb))
    }

    /// A date point at token `i`. `cue` is true inside a range, where a bare day
    /// ("1" in "1 to 5 March") and the ambiguous months May and March are allowed.
    fn point(&self, i: usize, cue: bool) -> Option<Point> {
        let t = *self.tok(i)?;
        if t.is_digits() {
            if let Some(p) = self.iso(i).or_else(|| self.numeric(i)) {
                return Some(p);
            }
            if t.len() <= 2 && (1..=31).contains(&t.num) && !self.in_name(i) {
                if let Some(p) = self.day_month(i) {
                    return Some(p);
                }
                if cue && !self.glued_continuation(i + 1) {
                    return Some(Point {
                        s: i,
                        e: i + 1,
                        d: Some(t.num as u32),
                        ..Point::default()
                    });
                }
            }
            let y = if cue {
                self.year_tok(i)
            } else {
                self.year_at(i)
            }?;
            return Some(Point {
                s: i,
                e: i + 1,
                y: Some(y),
                ..Point::default()
            });
        }
        if t.is_word() {
            return match t.k() {
                K::Month | K::MonthAbbr => self.month_point(i, cue),
                K::Season => self.season_point(i),
                _ => None,
            };
        }
        None
    }

    /// "2023-01-09".
    fn iso(&self, i: usize) -> Option<Point> {
        let t = self.t;
        let ok = t.get(i + 4).is_some()
            && t[i].len() == 4
            && self.is_p(i + 1, b'-')
            && t[i + 2].is_digits()
            && t[i + 2].len() == 2
            && self.is_p(i + 3, b'-')
            && t[i + 4].is_digits()
            && t[i + 4].len() == 2
            && (1..=4).all(|k| t[i + k].glued)
            && !self.glued_continuation(i + 5);
        if !ok || self.in_name(i) {
            return None;
        }
        let (y, m, d) = (t[i].num as i32, t[i + 2].num as u32, t[i + 4].num as u32);
        ((1900..=2100).contains(&y) && date::valid_day(Some(y), m, d)).then_some(Point {
            s: i,
            e: i + 5,
            y: Some(y),
            m: Some(m),
            d: Some(d),
            ..Point::default()
        })
    }

    /// "09.01.2023" (day first), and "25/12/2022" or "12/25/2022" when unambiguous.
    fn numeric(&self, i: usize) -> Option<Point> {
        let t = self.t;
        let sep = t.get(i + 1)?.ch;
        let ok = t.get(i + 4).is_some()
            && (sep == b'.' || sep == b'/')
            && t[i].len() <= 2
            && self.is_p(i + 1, sep)
            && t[i + 2].is_digits()
            && t[i + 2].len() <= 2
            && self.is_p(i + 3, sep)
            && t[i + 4].is_digits()
            && t[i + 4].len() == 4
            && (1..=4).all(|k| t[i + k].glued)
            && !self.glued_continuation(i + 5)
            && !(t[i].glued && i > 0 && !t[i - 1].is_punct(b'('));
        if !ok {
            return None;
        }
        let (a, b, y) = (t[i].num as u32, t[i + 2].num as u32, t[i + 4].num as i32);
        let (d, m) = match sep {
            b'.' => (a, b),
            _ if a > 12 => (a, b),
            _ if b > 12 || a == b => (b, a),
            _ => return None,
        };
        ((1900..=2100).contains(&y) && date::valid_day(Some(y), m, d)).then_some(Point {
            s: i,
            e: i + 5,
            y: Some(y),
            m: Some(m),
            d: Some(d),
            ..Point::default()
        })
    }

    /// "1 January [2023]", "1st of January", "21st January, 2023".
    fn day_month(&self, i: usize) -> Option<Point> {
        let d = self.t[i].num as u32;
        let mut j = i + 1;
        if self.tok(j).is_some_and(|t| t.glued && t.k() == K::Ordinal) {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1;
        }
        let (m, mut e) = self.month_name(j)?;
        let mut y = None;
        let yj = if self.is_p(e, b',') { e + 1 } else { e };
        if let Some(v) = self.year_tok(yj) {
            y = Some(v);
            e = yj + 1;
        }
        date::valid_day(y, m, d).then_some(Point {
            s: i,
            e,
            y,
            m: Some(m),
            d: Some(d),
            ..Point::default()
        })
    }

    /// A capitalized month name at `i`: its number and the token after it (after the
    /// abbreviation's period).
    fn month_name(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        match t.k() {
            K::Month => Some((u32::from(t.lex.val), i + 1)),
            K::MonthAbbr if self.is_p(i + 1, b'.') && self.glued(i + 1) => {
                Some((u32::from(t.lex.val), i + 2))
            }
            K::MonthAbbr => Some((u32::from(t.lex.val), i + 1)),
            _ => None,
        }
    }

    /// A point opened by a month name: "January 1, 2023", "Jan. 9", "March 2022",
    /// "in March", "last May".
    fn month_point(&self, i: usize, cue: bool) -> Option<Point> {
        let (m, e) = self.month_name(i)?;
        let abbr = self.t[i].k() == K::MonthAbbr;
        let mut p = Point {
            s: i,
            e,
            m: Some(m),
            ..Point::default()
        };
        // Month Day[th] [, Year]
        if let Some(t) = self.tok(e) {
            if t.is_digits() && t.len() <= 2 && (1..=31).contains(&t.num) && !t.glued {
                let mut k = e + 1;
                if self.tok(k).is_some_and(|t| t.glued && t.k() == K::Ordinal) {
                    k += 1;
                }
                if !self.glued_continuation(k) && !self.is_p(k, b':') {
                    p.d = Some(t.num as u32);
                    p.e = k;
                    let yj = if self.is_p(k, b',') { k + 1 } else { k };
                    if let Some(y) = self.year_tok(yj) {
                        p.y = Some(y);
                        p.e = yj + 1;
                    }
                    return date::valid_day(p.y, m, t.num as u32).then_some(p);
                }
            }
        }
        // Month [,] Year
        let yj = if self.is_p(e, b',') { e + 1 } else { e };
        if let Some(y) = self.year_tok(yj) {
            p.y = Some(y);
            p.e = yj + 1;
            return Some(p);
        }
        if abbr {
            return None;
        }
        p.rel = self.rel_before(i);
        // "March to June 2022": a month opening a range of months is cued by the range.
        let opens_range = (self.is_p(e, b'-') || self.is_any(e, &["to", "through", "until"]))
            && self.tok(e + 1).is_some_and(|t| t.cap && t.k() == K::Month);
        let cued = cue || p.rel != 0 || opens_range || self.cue_before(i);
        if !cued {
            // "May" and "March" are words too; "June Smith" is a name.
            if m == 3 || m == 5 || self.tok(e).is_some_and(|t| t.is_word() && t.cap) {
                return None;
            }
        }
        if p.rel != 0 {
            p.s = i - 1;
        }
        Some(p)
    }

    /// "spring", "the summer of 2022", "last winter", "autumn 2022".
    fn season_point(&self, i: usize) -> Option<Point> {
        let t = self.t[i];
        let mut p = Point {
            s: i,
            e: i + 1,
            season: Some(u32::from(t.lex.val)),
            ..Point::default()
        };
        let yj = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        if let Some(y) = self.year_tok(yj) {
            p.y = Some(y);
            p.e = yj + 1;
        }
        p.rel = self.rel_before(i);
        let the = self.is(i.wrapping_sub(1), "the");
        if p.rel != 0 || the {
            p.s = i - 1;
        }
        if p.y.is_some() || p.rel != 0 {
            return Some(p);
        }
        let cue_at = if the {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        let cued = self.flag(cue_at, TPREP)
            && !self.is_any(cue_at, &["of", "from"])
            && (the || !t.lex.has(WEAK));
        cued.then_some(p)
    }

    /// 1 "this", 2 "last", 3 "next" right before token `i`.
    fn rel_before(&self, i: usize) -> u8 {
        let j = i.wrapping_sub(1);
        if self.is(j, "this") {
            1
        } else if self.is(j, "last") {
            2
        } else if self.is(j, "next") {
            3
        } else {
            0
        }
    }

    /// A word licensing a bare month before `i`: "in", "since", "early", "mid-".
    fn cue_before(&self, i: usize) -> bool {
        let j = i.wrapping_sub(1);
        self.flag(j, TPREP)
            || (self.is_p(j, b'-') && self.glued(i) && self.is(j.wrapping_sub(1), "mid"))
            || (self.is(j, "the") && self.is_any(j.wrapping_sub(1), &["in", "during", "of"]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, Option<String>)> {
        let doc = DocDate {
            year: Some(2023),
            month: 1,
            day: 9,
        };
        find_times(text, Some(doc))
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.value.map(|v| v.0)))
            .collect()
    }

    #[test]
    fn spans_are_byte_offsets_into_unicode_text() {
        let text = "Über die Grenze – on 3 January 2023 – kamen 200 Menschen.";
        let got = values(text);
        assert_eq!(
            got,
            [("3 January 2023".to_string(), Some("2023-01-03".to_string()))]
        );
    }

    #[test]
    fn matches_do_not_overlap() {
        let text = "from March to June 2022, then since 2014-2022 yesterday";
        let doc = DocDate {
            year: Some(2023),
            month: 1,
            day: 9,
        };
        let got = find_times(text, Some(doc));
        for w in got.windows(2) {
            assert!(w[0].end <= w[1].start, "{got:?}");
        }
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        for text in [
            "",
            " ",
            "-",
            "2023-",
            "2023-01-",
            "May",
            "31/",
            "Jan.",
            "mid-",
            "\u{feff}9",
        ] {
            let _ = values(text);
        }
    }

    #[test]
    fn invalid_doc_date_resolves_nothing_relative() {
        let bad = DocDate {
            year: Some(2023),
            month: 2,
            day: 30,
        };
        let got = find_times("It happened yesterday.", Some(bad));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, None);
    }
}
