//! Relative expressions ("yesterday", "last week", "three days ago", "on Friday") and
//! the resolution of under-specified dates ("January 1", "in March", "in the spring")
//! against the document date; the rules are tabled in the crate documentation.

use super::{Finder, Hit, Point};
use crate::date::{self, Val};
use crate::lex::{FUTURE, K};

impl Finder<'_> {
    // ---- resolution ----

    /// Whether the sentence speaks of the future ("will", "is due to", "plans to",
    /// "scheduled"); computed once.
    pub(super) fn future(&self) -> bool {
        if let Some(f) = self.future.get() {
            return f;
        }
        let mut f = false;
        for (j, t) in self.t.iter().enumerate() {
            if !(t.is_word() && t.lex.has(FUTURE)) {
                continue;
            }
            let be = ["is", "are", "was", "were", "be", "been"];
            f = if self.is_any(j, &["will", "shall", "tomorrow", "upcoming", "scheduled"]) {
                true
            } else if self.is(j, "ll") {
                self.is_p(j.wrapping_sub(1), b'\'')
            } else if self.is_any(j, &["due", "set"]) {
                self.is_any(j.wrapping_sub(1), &be) && self.is(j + 1, "to")
            } else {
                self.is(j + 1, "to")
            };
            if f {
                break;
            }
        }
        self.future.set(Some(f));
        f
    }

    /// Future tense for the expression at token `at`: the sentence's tense, unless a
    /// reporting verb in the past stands just before it ("will be delivered, the
    /// Pentagon said on Thursday": Thursday is past).
    pub(super) fn future_at(&self, at: usize) -> bool {
        const SAID: [&str; 11] = [
            "said",
            "told",
            "announced",
            "reported",
            "added",
            "stated",
            "confirmed",
            "wrote",
            "claimed",
            "declared",
            "tweeted",
        ];
        self.future() && !(1..=5).any(|k| at >= k && self.is_any(at - k, &SAID))
    }

    pub(super) fn resolve(&self, p: &Point) -> Option<Val> {
        match (p.y, p.m, p.d, p.season) {
            (Some(y), Some(m), Some(d), _) => Some(Val::Day(y, m, d)),
            (Some(y), Some(m), None, _) => Some(Val::Month(y, m)),
            (Some(y), None, None, Some(s)) => Some(Val::Season(y, s)),
            (Some(y), None, None, None) => Some(Val::Year(y)),
            (None, Some(m), Some(d), _) => self.day_no_year(m, d, p.s),
            (None, Some(m), None, _) => self.month_no_year(m, p.rel, p.s),
            (None, None, None, Some(s)) => self.season_no_year(s, p.rel, p.s),
            _ => None,
        }
    }

    pub(super) fn ref_ymd(&self) -> Option<(i64, i32, u32, u32)> {
        let r = self.r?;
        let (y, m, d) = date::civil_from_days(r);
        Some((r, y, m, d))
    }

    /// The most recent such day not after the document date, or with future tense the
    /// first not before it.
    pub(super) fn day_no_year(&self, m: u32, d: u32, at: usize) -> Option<Val> {
        let (r, ry, ..) = self.ref_ymd()?;
        let fut = self.future_at(at);
        let years = if fut {
            [ry, ry + 1, ry + 2]
        } else {
            [ry, ry - 1, ry - 2]
        };
        years.into_iter().find_map(|y| {
            if !date::valid_day(Some(y), m, d) {
                return None;
            }
            let z = date::days_from_civil(y, m, d);
            let ok = if fut { z >= r } else { z <= r };
            ok.then_some(Val::Day(y, m, d))
        })
    }

    pub(super) fn month_no_year(&self, m: u32, rel: u8, at: usize) -> Option<Val> {
        let (_, ry, rm, _) = self.ref_ymd()?;
        let y = match rel {
            1 => ry,
            2 if m < rm => ry,
            2 => ry - 1,
            3 if m > rm => ry,
            3 => ry + 1,
            _ if self.future_at(at) => ry + i32::from(m < rm),
            _ => ry - i32::from(m > rm),
        };
        Some(Val::Month(y, m))
    }

    pub(super) fn season_no_year(&self, s: u32, rel: u8, at: usize) -> Option<Val> {
        let (r, ry, rm, _) = self.ref_ymd()?;
        let current = date::season_of(ry, rm);
        let start = |y: i32| date::season_start(y, s);
        // The season after s starts where s ends.
        let end = |y: i32| date::season_start(if s == 3 { y + 1 } else { y }, (s + 1) % 4);
        let years = ry - 3..=ry + 2;
        let y = match rel {
            1 if current.1 == s => current.0,
            1 => ry,
            2 => years.rev().find(|&y| end(y) <= r)?,
            3 => years.into_iter().find(|&y| start(y) > r)?,
            _ if self.future_at(at) => years.into_iter().find(|&y| end(y) > r)?,
            _ => years.rev().find(|&y| start(y) <= r)?,
        };
        Some(Val::Season(y, s))
    }

    // ---- relative expressions ----

    pub(super) fn relative(&self, i: usize) -> Option<Hit> {
        let t = *self.tok(i)?;
        if !t.is_word() {
            return None;
        }
        match t.k() {
            K::RelDay => self.rel_day(i, t.lex.val),
            K::PartOfDay => self.part_of_day(i),
            K::Weekday if t.cap => self.weekday(i, u32::from(t.lex.val)),
            K::TimeUnit => self.unit(i, t.lex.val),
            _ => None,
        }
    }

    pub(super) fn day_hit(&self, s: usize, e: usize, shift: i64) -> Hit {
        Hit {
            s,
            e,
            value: self.r.map(|r| Val::day(r + shift)),
            until: None,
        }
    }

    /// today, yesterday, tomorrow, tonight, overnight.
    pub(super) fn rel_day(&self, i: usize, code: u16) -> Option<Hit> {
        let mut shift = match code {
            0 | 3 | 4 => 0,
            1 => -1,
            _ => 1,
        };
        let mut s = i;
        // "the day before yesterday", "the day after tomorrow".
        let two = (code == 1 && self.is(i.wrapping_sub(1), "before"))
            || (code == 2 && self.is(i.wrapping_sub(1), "after"));
        if two && self.is(i.wrapping_sub(2), "day") && self.is(i.wrapping_sub(3), "the") {
            s = i - 3;
            shift *= 2;
        }
        let e = if self.tok(i + 1).is_some_and(|t| t.k() == K::PartOfDay) {
            i + 2
        } else {
            i + 1
        };
        Some(self.day_hit(s, e, shift))
    }

    /// "last night", "this morning", "at night", "during the night".
    pub(super) fn part_of_day(&self, i: usize) -> Option<Hit> {
        let night = self.is(i, "night");
        let p = i.wrapping_sub(1);
        if night && self.is(p, "last") {
            return Some(self.day_hit(p, i + 1, -1));
        }
        if self.is(p, "this") && !night {
            return Some(self.day_hit(p, i + 1, 0));
        }
        if night && self.is(p, "at") {
            return Some(self.day_hit(p, i + 1, 0));
        }
        if night && self.is(p, "the") && self.is_any(p.wrapping_sub(1), &["during", "in"]) {
            return Some(self.day_hit(p - 1, i + 1, 0));
        }
        None
    }

    /// "Friday", "on Friday night", "last Friday", "Friday, January 6".
    pub(super) fn weekday(&self, i: usize, wd: u32) -> Option<Hit> {
        let after = if self.is_p(i + 1, b',') { i + 2 } else { i + 1 };
        if let Some(p) = self
            .point(after, false)
            .filter(|p| p.d.is_some() && p.m.is_some())
        {
            return Some(Hit {
                s: i,
                e: p.e,
                value: self.resolve(&p),
                until: None,
            });
        }
        let rel = self.rel_before(i);
        let s = if rel != 0 { i - 1 } else { i };
        let e = if self.tok(i + 1).is_some_and(|t| t.k() == K::PartOfDay) {
            i + 2
        } else {
            i + 1
        };
        let value = self.r.map(|r| {
            let back = (i64::from(date::weekday(r)) - i64::from(wd)).rem_euclid(7);
            let fwd = (i64::from(wd) - i64::from(date::weekday(r))).rem_euclid(7);
            let shift = match rel {
                2 => -(if back == 0 { 7 } else { back }),
                3 => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                _ if self.future_at(s) => fwd,
                _ => -back,
            };
            Val::day(r + shift)
        });
        Some(Hit {
            s,
            e,
            value,
            until: None,
        })
    }

    /// "last week", "earlier this month", "next year", "three days ago",
    /// "over the past day", "in a day", "the past 24 hours", "over the weekend".
    pub(super) fn unit(&self, i: usize, code: u16) -> Option<Hit> {
        if self.is(i + 1, "ago") {
            return self.ago(i, code);
        }
        let p = i.wrapping_sub(1);
        let rel = self.rel_before(i);
        // "the last week" is a span of days, not the previous calendar week.
        let the = self.is(p.wrapping_sub(1), "the");
        if rel != 0 && code != 0 && code != 5 && !the {
            let mut s = p;
            if rel == 1 && self.is_any(p.wrapping_sub(1), &["earlier", "later"]) {
                s = p - 1;
            }
            let value = self
                .r
                .and_then(|r| self.shift_unit(r, code, [0, -1, 1][rel as usize - 1]));
            return Some(Hit {
                s,
                e: i + 1,
                value,
                until: None,
            });
        }
        match code {
            0 => self.day_period(i),
            5 => self.hours_period(i),
            4 if self.is(p, "the")
                && self.is_any(p.wrapping_sub(1), &["over", "at", "during", "on"]) =>
            {
                let value = self.r.map(|r| {
                    let sat = i64::from(5u32);
                    let wd = i64::from(date::weekday(r));
                    let z = if self.future_at(p) {
                        r + (sat - wd).rem_euclid(7)
                    } else {
                        r - (wd - sat).rem_euclid(7)
                    };
                    Val::week_of(z)
                });
                Some(Hit {
                    s: p,
                    e: i + 1,
                    value,
                    until: None,
                })
            }
            _ => None,
        }
    }

    /// The unit containing the document date, shifted by `n` units.
    pub(super) fn shift_unit(&self, r: i64, code: u16, n: i64) -> Option<Val> {
        let (y, m, _) = date::civil_from_days(r);
        Some(match code {
            0 => Val::day(r + n),
            1 => Val::week_of(r + 7 * n),
            2 => {
                let k = i64::from(y) * 12 + i64::from(m) - 1 + n;
                Val::Month(k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u32)
            }
            3 => Val::Year(y + n as i32),
            // The Saturday of this week's weekend, n weeks away.
            4 => Val::week_of(r - i64::from(date::weekday(r)) + 5 + 7 * n),
            _ => return None,
        })
    }

    /// "three days ago", "a week ago", "two years ago".
    pub(super) fn ago(&self, i: usize, code: u16) -> Option<Hit> {
        let p = i.checked_sub(1)?;
        let t = self.t[p];
        let n: i64 = if t.is_digits() && t.len() <= 3 {
            t.num as i64
        } else if t.k() == K::NumWord {
            i64::from(t.lex.val)
        } else if self.is_any(p, &["a", "an"]) {
            1
        } else {
            return None;
        };
        let value = match code {
            5 => self.r.map(Val::day),
            _ => self.r.and_then(|r| self.shift_unit(r, code, -n)),
        };
        Some(Hit {
            s: p,
            e: i + 2,
            value,
            until: None,
        })
    }

    /// "over the past day", "in a day", "during the day": the day before publication,
    /// as daily reports use them. "since the beginning of the day": the document day.
    pub(super) fn day_period(&self, i: usize) -> Option<Hit> {
        let p = i.wrapping_sub(1);
        if self.is_any(p, &["past", "last"]) && self.is(p.wrapping_sub(1), "the") {
            return Some(self.day_hit(p - 1, i + 1, -1));
        }
        if self.is_any(p, &["a", "one"]) && self.is_any(p.wrapping_sub(1), &["in", "within"]) {
            return Some(self.day_hit(p - 1, i + 1, -1));
        }
        // Daily loss reports: "lost 80 servicemen per day", "losses for the day".
        // "the per day allowance" is a modifier, not a date.
        if self.is(p, "per") && !self.is_any(p.wrapping_sub(1), &["the", "a", "an"]) {
            return Some(self.day_hit(p, i + 1, -1));
        }
        if self.is(p, "current") && self.is(p.wrapping_sub(1), "the") {
            let s = if self.is(p.wrapping_sub(2), "in") {
                p - 2
            } else {
                p - 1
            };
            return Some(self.day_hit(s, i + 1, 0));
        }
        if self.is(p, "the") && self.is(p.wrapping_sub(1), "for") {
            return Some(self.day_hit(p - 1, i + 1, -1));
        }
        if self.is(p, "the") && self.is(p.wrapping_sub(1), "during") {
            let s = p - 1;
            return Some(self.day_hit(s, i + 1, -1));
        }
        if self.is(p, "the")
            && self.is(p.wrapping_sub(1), "of")
            && self.is_any(p.wrapping_sub(2), &["beginning", "start"])
            && self.is(p.wrapping_sub(3), "the")
            && self.is(p.wrapping_sub(4), "since")
        {
            return Some(self.day_hit(p - 4, i + 1, 0));
        }
        None
    }

    /// "the past 24 hours", "in 24 hours": the day before publication.
    pub(super) fn hours_period(&self, i: usize) -> Option<Hit> {
        let n = i.wrapping_sub(1);
        if !self.tok(n).is_some_and(|t| t.is_digits() && t.num == 24) {
            return None;
        }
        let p = n.wrapping_sub(1);
        if self.is_any(p, &["past", "last"]) {
            let s = if self.is(p.wrapping_sub(1), "the") {
                p - 1
            } else {
                p
            };
            return Some(self.day_hit(s, i + 1, -1));
        }
        if self.is_any(p, &["in", "within"]) {
            return Some(self.day_hit(p, i + 1, -1));
        }
        None
    }

    /// Widens a span over "early", "late", "mid-", "the end of", "since".
    pub(super) fn extend_back(&self, mut s: usize, floor: usize) -> usize {
        loop {
            let p = s.wrapping_sub(1);
            if s == 0 || p < floor {
                return s;
            }
            if self.is_any(p, &["early", "late", "mid", "since"]) {
                s = p;
            } else if self.is_p(p, b'-')
                && self.glued(s)
                && self.is(p.wrapping_sub(1), "mid")
                && p > floor
            {
                s = p - 1;
            } else if self.is(p, "of")
                && self.is_any(p.wrapping_sub(1), &["end", "beginning", "start", "middle"])
                && p > floor
            {
                s = p - 1;
                if self.is(s.wrapping_sub(1), "the") && s > floor {
                    s -= 1;
                }
            } else {
                return s;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::find_times;
    use rung_text::DocDate;

    fn value(text: &str, y: i32, m: u8, d: u8) -> Option<String> {
        let doc = DocDate {
            year: Some(y),
            month: m,
            day: d,
        };
        find_times(text, Some(doc))
            .first()
            .and_then(|t| t.value.clone())
            .map(|v| v.0)
    }

    #[test]
    fn future_cues_need_their_context() {
        // "due to" after a form of "be" is future; causal "due to" is not.
        assert_eq!(
            value("The report is due to appear on Friday.", 2023, 1, 9).unwrap(),
            "2023-01-13"
        );
        assert_eq!(
            value("Schools closed on Friday due to shelling.", 2023, 1, 9).unwrap(),
            "2023-01-06"
        );
        assert_eq!(
            value("The army plans to attack in March.", 2023, 1, 9).unwrap(),
            "2023-03"
        );
        assert_eq!(
            value("The planned attack began in March.", 2023, 1, 9).unwrap(),
            "2022-03"
        );
    }

    #[test]
    fn seasons_resolve_around_year_ends() {
        // December belongs to that year's winter, January to the previous year's.
        assert_eq!(
            value("It was cold this winter.", 2022, 12, 20).unwrap(),
            "2022-winter"
        );
        assert_eq!(
            value("It was cold this winter.", 2023, 2, 20).unwrap(),
            "2022-winter"
        );
        assert_eq!(
            value("Crops failed last autumn.", 2023, 10, 5).unwrap(),
            "2022-autumn"
        );
        assert_eq!(
            value("Crops failed in the autumn.", 2023, 10, 5).unwrap(),
            "2023-autumn"
        );
    }

    #[test]
    fn weeks_cross_year_boundaries() {
        assert_eq!(
            value("They met last week.", 2021, 1, 6).unwrap(),
            "2020-W53"
        );
        assert_eq!(
            value("They meet next week.", 2024, 12, 25).unwrap(),
            "2025-W01"
        );
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(
            value("Talks stalled last month.", 2023, 1, 20).unwrap(),
            "2022-12"
        );
        assert_eq!(
            value("Talks resume next month.", 2022, 12, 5).unwrap(),
            "2023-01"
        );
        assert_eq!(
            value("It fell three months ago.", 2023, 2, 5).unwrap(),
            "2022-11"
        );
    }
}
