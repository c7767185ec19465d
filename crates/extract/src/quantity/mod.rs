//! The quantity finder: counts, ranges, bounds, vague counts, money, distances,
//! calibres and percentages.
//!
//! An anchor (a digit run, a number word, "a dozen", "dozens", "several") is parsed
//! into a number; then the finder looks back for bound words and a currency, forward
//! for a range partner, a unit and the counted noun. Digits that belong to dates,
//! years, clock times, phone numbers, ordinals or names ("F-16", "M777", "Leopard 2")
//! are skipped, so the coder can read every `Count` as a candidate toll.

use crate::lex::{K, PARTIC, STOP};

mod number;
use crate::scan;
use crate::view::View;
use crate::{Currency, Quantity, QuantityKind};
use std::ops::Deref;

/// Finds the quantities of one sentence.
///
/// Each quantity has `min` and `max`:
///
/// | text | min | max | flags |
/// | --- | --- | --- | --- |
/// | "12", "twelve", "a dozen", "1.5 million" | v | v | |
/// | "about/around/some/roughly/approximately/an estimated 300", "300 or so" | 300 | 300 | approximate |
/// | "at least 39", "more than 15", "over 100", "no fewer than 5", "100 or more", "100+" | v | None | ("more than 15" stores 15: the bound is exclusive but the figure reported is 15) |
/// | "up to 150,000", "as many as 300", "fewer than 10", "under 20", "at most 5" | None | v | |
/// | "nearly 50", "almost 50", "close to 50", "just under 50" | None | v | approximate |
/// | "between 89 and 400", "63 to 89", "63-89", "from 10 to 15", "two or three" | first | second | |
/// | "dozens", "scores of" | 24, 40 | None | vague |
/// | "hundreds", "thousands", "millions" | 200, 2000, 2e6 | None | vague |
/// | "tens of thousands", "hundreds of thousands" | 20000, 200000 | None | vague |
/// | "several" (x "hundred", "thousand", "dozen") | 3 (x) | 9 (x) | vague |
/// | "a few", "a handful" (x "hundred", ...) | 2 (x) | 5 (x) | vague |
/// | "a couple of" | 2 | 2 | approximate |
///
/// "rose from 40 to 63" gives two quantities, not a range. Money is in the currency's
/// unit ("$1.5bn" = 1.5e9 USD), distances in km (miles and metres converted), calibres
/// in mm, areas in km², percentages in percent.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    scan::with_tokens(text, |toks, seen| {
        if !seen.digits && !seen.number_words {
            return;
        }
        let q = Finder {
            v: View { text, t: toks },
        };
        q.run(&mut out);
    });
    out
}

/// A parsed number: token span, value, and vague bounds when it is a vague count.
#[derive(Debug, Clone, Copy)]
struct Num {
    s: usize,
    e: usize,
    v: f64,
    /// The multiplier a scale word applied ("million"), 1 when none.
    scale: f64,
    vague: Option<(f64, Option<f64>)>,
    approx: bool,
    /// Whether a vague word wants "of" before its noun ("dozens of", "a couple of").
    of_noun: bool,
}

struct Finder<'a> {
    v: View<'a>,
}

impl<'a> Deref for Finder<'a> {
    type Target = View<'a>;
    fn deref(&self) -> &View<'a> {
        &self.v
    }
}

/// Bound read before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    None,
    Min,
    Max,
    MaxApprox,
    Approx,
}

impl Finder<'_> {
    fn run(&self, out: &mut Vec<Quantity>) {
        let mut i = 0;
        let mut floor = 0;
        while i < self.t.len() {
            match self.at(i, floor, out) {
                Some(e) => {
                    i = e;
                    floor = e;
                }
                None => i += 1,
            }
        }
    }

    /// Tries a quantity anchored at token `i`; pushes it and returns the token after it.
    fn at(&self, i: usize, floor: usize, out: &mut Vec<Quantity>) -> Option<usize> {
        let n1 = self.number(i)?;
        let (cur1, s_cur) = self.currency_before(n1.s, floor);
        let (bound, s_bound) = self.bound_before(s_cur, floor);
        let mut s = s_bound;
        let mut min = Some(n1.v);
        let mut max = Some(n1.v);
        let mut e = n1.e;
        let mut approx = n1.approx;
        let mut vague = false;
        let of_noun = n1.of_noun;
        let mut cur = cur1;
        if let Some((lo, hi)) = n1.vague {
            min = Some(lo);
            max = hi;
            vague = true;
        }
        let opener = s.checked_sub(1).filter(|&p| p >= floor);
        let from = opener.is_some_and(|p| self.is(p, "from"));
        let between = opener.is_some_and(|p| self.is(p, "between"));
        if n1.vague.is_none() && bound == Bound::None {
            if let Some((n2, cur2)) = self.range_partner(&n1, between) {
                let change = from && self.change_verb(s.wrapping_sub(2));
                if change {
                    // "rose from 40 to 63": two figures, the later one the current.
                    let kind = if cur1.is_some() {
                        QuantityKind::Money
                    } else {
                        QuantityKind::Count
                    };
                    let v = Some(n1.v);
                    self.push_full(out, s, n1.e, kind, v, v, false, false, cur1, None);
                    return Some(n1.e);
                }
                let mut lo = n1.v;
                if n1.scale == 1.0 && n2.scale > 1.0 && lo * n2.scale <= n2.v {
                    lo *= n2.scale;
                }
                min = Some(lo);
                max = Some(n2.v);
                e = n2.e;
                cur = cur.or(cur2);
                if from || between {
                    s -= 1;
                }
            }
        }
        match bound {
            Bound::None => {}
            Bound::Min => max = if vague { max } else { None },
            Bound::Max => min = None,
            Bound::MaxApprox => {
                min = None;
                approx = true;
            }
            Bound::Approx => approx = true,
        }
        // Suffix bounds: "100 or more", "300 or so", "100+".
        if self.is(e, "or") && self.is(e + 1, "more") && !vague {
            max = None;
            e += 2;
        } else if self.is(e, "or") && self.is(e + 1, "so") {
            approx = true;
            e += 2;
        } else if self.is_p(e, b'+') && self.glued(e) {
            max = None;
            e += 1;
        }
        // Units.
        let (kind, factor, ue, ucur) = self.unit(e, cur.is_some());
        e = ue;
        let cur = cur.or(ucur);
        let kind = if cur.is_some() {
            QuantityKind::Money
        } else {
            kind
        };
        let min = min.map(|x| x * factor);
        let max = max.map(|x| x * factor);
        let counted = kind == QuantityKind::Count;
        let noun = if counted { self.noun(e, of_noun) } else { None };
        self.push_full(out, s, e, kind, min, max, vague, approx, cur, noun);
        Some(e)
    }

    #[allow(clippy::too_many_arguments)]
    fn push_full(
        &self,
        out: &mut Vec<Quantity>,
        s: usize,
        e: usize,
        kind: QuantityKind,
        min: Option<f64>,
        max: Option<f64>,
        vague: bool,
        approximate: bool,
        currency: Option<Currency>,
        noun: Option<(usize, usize)>,
    ) {
        out.push(Quantity {
            start: self.t[s].start as usize,
            end: self.t[e - 1].end as usize,
            kind,
            min,
            max,
            vague,
            approximate,
            noun,
            currency,
        });
    }

    // ---- context ----

    /// A currency sign or code right before token `s`.
    fn currency_before(&self, s: usize, floor: usize) -> (Option<Currency>, usize) {
        let Some(p) = s.checked_sub(1).filter(|&p| p >= floor) else {
            return (None, s);
        };
        let t = self.t[p];
        let sign = match (t.kind == scan::PUNCT, t.ch) {
            (true, b'$') => Some(Currency::Usd),
            (true, b'E') => Some(Currency::Eur),
            (true, b'L') => Some(Currency::Gbp),
            _ => None,
        };
        if let Some(c) = sign {
            // "US$", "U.S.$"
            if p > floor && t.glued && self.is(p - 1, "us") {
                return (Some(c), p - 1);
            }
            return (Some(c), p);
        }
        if t.is_word()
            && t.k() == K::Currency
            && self.form(p).bytes().all(|b| b.is_ascii_uppercase())
        {
            return (currency_of(t.lex.val), p);
        }
        (None, s)
    }

    /// Bound words right before token `s`, and the new span start.
    fn bound_before(&self, s: usize, floor: usize) -> (Bound, usize) {
        let w = |k: usize| k >= floor && k < s;
        let p = s.wrapping_sub(1);
        let pp = p.wrapping_sub(1);
        if !w(p) {
            return (Bound::None, s);
        }
        let with_pp = |b: Bound| (b, pp);
        let with_p = |b: Bound| (b, p);
        if self.is(p, "least") && w(pp) && self.is(pp, "at") {
            return with_pp(Bound::Min);
        }
        if self.is(p, "most") && w(pp) && self.is(pp, "at") {
            return with_pp(Bound::Max);
        }
        if self.is(p, "than") && w(pp) {
            let neg = pp
                .checked_sub(1)
                .filter(|&k| w(k) && self.is_any(k, &["no", "not"]));
            let start = neg.unwrap_or(pp);
            let b = if self.is_any(pp, &["more", "greater"]) {
                if neg.is_some() {
                    Bound::Max
                } else {
                    Bound::Min
                }
            } else if self.is_any(pp, &["fewer", "less"]) {
                if neg.is_some() {
                    Bound::Min
                } else {
                    Bound::Max
                }
            } else {
                return (Bound::None, s);
            };
            return (b, start);
        }
        if self.is(p, "to") && w(pp) {
            if self.is(pp, "up") {
                let went = pp.checked_sub(1).is_some_and(|k| {
                    self.is_any(k, &["went", "gone", "go", "goes", "going", "rose", "risen"])
                });
                return if went {
                    (Bound::None, s)
                } else {
                    with_pp(Bound::Max)
                };
            }
            if self.is(pp, "close") {
                return with_pp(Bound::MaxApprox);
            }
            return (Bound::None, s);
        }
        if self.is(p, "as")
            && w(pp)
            && self.is(pp, "many")
            && pp.checked_sub(1).is_some_and(|k| w(k) && self.is(k, "as"))
        {
            return (Bound::Max, pp - 1);
        }
        if self.is(p, "of") && w(pp) {
            if self.is(pp, "upwards") {
                return with_pp(Bound::Min);
            }
            if self.is(pp, "excess") && pp.checked_sub(1).is_some_and(|k| w(k) && self.is(k, "in"))
            {
                return (Bound::Min, pp - 1);
            }
            return (Bound::None, s);
        }
        let hedge = |b: Bound| {
            // "just over", "well over", "just under".
            if w(pp) && self.is_any(pp, &["just", "well"]) {
                (b, pp)
            } else {
                (b, p)
            }
        };
        if self.is_any(p, &["over", "exceeding"]) {
            return hedge(Bound::Min);
        }
        if self.is_any(p, &["under", "below"]) {
            return hedge(Bound::Max);
        }
        if self.is_any(p, &["nearly", "almost"]) {
            return with_p(Bound::MaxApprox);
        }
        if self.is_any(
            p,
            &[
                "about",
                "around",
                "some",
                "roughly",
                "approximately",
                "approx",
                "circa",
                "estimated",
            ],
        ) {
            if self.is(p, "estimated") && w(pp) && self.is(pp, "an") {
                return with_pp(Bound::Approx);
            }
            return with_p(Bound::Approx);
        }
        (Bound::None, s)
    }

    /// The second number of "63 to 89", "63-89", "between 89 and 400", "two or three".
    fn range_partner(&self, n1: &Num, between: bool) -> Option<(Num, Option<Currency>)> {
        let j = n1.e;
        let joiner = self.is_p(j, b'-')
            || self.is(j, "to")
            || (between && self.is(j, "and"))
            || self.is(j, "or");
        if !joiner {
            return None;
        }
        // An optional currency sign before the second figure: "$1 to $2 billion".
        let (k, cur) = match self.tok(j + 1) {
            Some(t) if t.kind == scan::PUNCT && matches!(t.ch, b'$' | b'E' | b'L') => {
                (j + 2, self.currency_before(j + 2, j + 1).0)
            }
            _ => (j + 1, None),
        };
        let t = self.tok(k)?;
        // "63-89" must be digits on both sides; words join with "to"/"or"/"and".
        if self.is_p(j, b'-') && !(t.is_digits() && self.t[n1.s].is_digits()) {
            return None;
        }
        let n2 = self.number(k).filter(|n| n.vague.is_none())?;
        let lo = if n1.scale == 1.0 && n2.scale > 1.0 && n1.v * n2.scale <= n2.v {
            n1.v * n2.scale
        } else {
            n1.v
        };
        (lo < n2.v).then_some((n2, cur))
    }

    /// A verb of change before "from": "rose from 40 to 63".
    fn change_verb(&self, k: usize) -> bool {
        const VERBS: [&str; 16] = [
            "rose",
            "risen",
            "rises",
            "rising",
            "increased",
            "climbed",
            "jumped",
            "grew",
            "soared",
            "fell",
            "dropped",
            "decreased",
            "declined",
            "up",
            "raised",
            "revised",
        ];
        self.is_any(k, &VERBS)
    }

    /// A unit after a number at token `e`: kind, factor to the kind's unit, the token
    /// after the unit, and a currency named by a word.
    fn unit(&self, e: usize, money: bool) -> (QuantityKind, f64, usize, Option<Currency>) {
        let count = (QuantityKind::Count, 1.0, e, None);
        let mut k = e;
        // "300-kilometre", "155-mm".
        if self.is_p(k, b'-') && self.glued(k) && self.glued(k + 1) {
            k += 1;
        }
        let Some(t) = self.tok(k) else { return count };
        if self.is_p(e, b'%') {
            return (QuantityKind::Percent, 1.0, e + 1, None);
        }
        if !t.is_word() {
            return count;
        }
        match t.k() {
            K::Percent => (QuantityKind::Percent, 1.0, k + 1, None),
            K::Dist if self.is(k, "m") && money => (QuantityKind::Count, 1e6, k + 1, None),
            K::Dist if self.is(k, "m") && !t.glued => count,
            K::Dist => {
                let per_km = match t.lex.val {
                    1609 => 1.609_344,
                    v => f64::from(v) / 1000.0,
                };
                (QuantityKind::Distance, per_km, k + 1, None)
            }
            K::Calibre => (QuantityKind::Calibre, 1.0, k + 1, None),
            K::Currency => (QuantityKind::Money, 1.0, k + 1, currency_of(t.lex.val)),
            _ if self.is(k, "per") && self.is(k + 1, "cent") => {
                (QuantityKind::Percent, 1.0, k + 2, None)
            }
            _ if self.is(k, "nautical") && self.tok(k + 1).is_some_and(|n| n.lex.val == 1609) => {
                (QuantityKind::Distance, 1.852, k + 2, None)
            }
            _ if self.is_any(k, &["square", "sq"]) => self.area(k + 1),
            _ if self.is(k, "hectares") => (QuantityKind::Area, 0.01, k + 1, None),
            _ if self.is_any(k, &["us", "american"])
                && self.tok(k + 1).is_some_and(|n| n.k() == K::Currency) =>
            {
                (
                    QuantityKind::Money,
                    1.0,
                    k + 2,
                    currency_of(self.t[k + 1].lex.val),
                )
            }
            _ => count,
        }
    }

    fn area(&self, k: usize) -> (QuantityKind, f64, usize, Option<Currency>) {
        match self.tok(k) {
            Some(t) if t.k() == K::Dist && t.lex.val == 1000 => {
                (QuantityKind::Area, 1.0, k + 1, None)
            }
            Some(t) if t.k() == K::Dist && t.lex.val == 1609 => {
                (QuantityKind::Area, 2.589_988, k + 1, None)
            }
            _ => (QuantityKind::Count, 1.0, k - 1, None),
        }
    }

    /// The noun a count counts: the head of the short noun phrase right after it
    /// ("12 civilians", "five Ukrainian servicemen", "dozens of soldiers").
    fn noun(&self, e: usize, of_noun: bool) -> Option<(usize, usize)> {
        let mut j = e;
        if of_noun && self.is(j, "of") {
            j += 1;
        }
        let mut last: Option<(usize, usize)> = None;
        for n in 0..4 {
            let Some(&t) = self.tok(j) else { break };
            if !t.is_word() || (n > 0 && !t.glued && t.kind != scan::WORD) {
                break;
            }
            // "three more civilians", "two other soldiers": skip the word, not the noun.
            if n == 0 && self.is_any(j, &["more", "other", "additional"]) && self.next_is_word(j) {
                j += 1;
                continue;
            }
            if t.lex.has(STOP) || matches!(t.k(), K::Month | K::Weekday | K::RelDay) {
                // "12 killed", "27 injured", but "14 wounded soldiers".
                if n == 0 && t.lex.has(PARTIC) {
                    last = Some((j, j + 1));
                    if !self.plural_noun(j + 1) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                break;
            }
            // A hyphenated or glued compound is one word: "pro-Russian", "Su-34", "M777".
            let mut end = j + 1;
            loop {
                let alnum = |k: usize| {
                    self.tok(k)
                        .is_some_and(|x| x.glued && (x.is_word() || x.is_digits()))
                };
                if alnum(end) {
                    end += 1;
                } else if self.is_p(end, b'-') && self.glued(end) && alnum(end + 1) {
                    end += 2;
                } else {
                    break;
                }
            }
            last = Some((j, end));
            if self.plural_noun(end - 1) || self.t[end - 1].k() == K::TimeUnit {
                break;
            }
            j = end;
        }
        last.map(|(a, b)| (self.t[a].start as usize, self.t[b - 1].end as usize))
    }
}

impl Finder<'_> {
    fn next_is_word(&self, j: usize) -> bool {
        self.tok(j + 1)
            .is_some_and(|t| t.is_word() && !t.lex.has(STOP))
    }
}

fn currency_of(code: u16) -> Option<Currency> {
    Some(match code {
        1 => Currency::Usd,
        2 => Currency::Eur,
        3 => Currency::Gbp,
        4 => Currency::Rub,
        5 => Currency::Uah,
        6 => Currency::Cny,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_quantities(text)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn spans_are_byte_offsets_into_unicode_text() {
        let text = "In Zaporizhzhia – “about 300” people – and €2 billion";
        assert_eq!(spans(text), ["about 300", "€2 billion"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let odd = [
            "",
            "$",
            "1,",
            "1.",
            "-5",
            "a",
            "half a",
            "between 5 and",
            "1,000,",
            "99999999999999999999999",
            "US$",
            "5-",
        ];
        for text in odd {
            let _ = find_quantities(text);
        }
    }

    #[test]
    fn huge_digit_runs_saturate_instead_of_overflowing() {
        let q = find_quantities("99999999999999999999999 people");
        assert_eq!(q.len(), 1);
        assert!(q[0].min.is_some_and(|v| v > 1e18));
    }

    #[test]
    fn bounds_do_not_cross_earlier_matches() {
        // "12" ends a match; "at least" belongs to the second figure only.
        assert_eq!(
            spans("12 soldiers and at least 4 civilians"),
            ["12", "at least 4"]
        );
    }
}
