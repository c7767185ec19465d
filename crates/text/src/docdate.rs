//! The document date: when the article says it was written.
//!
//! Relative expressions downstream ("on Tuesday", "last week") are resolved against it,
//! so a wrong date is worse than none. Sources, in order:
//! 1. the container's date ([`crate::Metadata::date`]: JSONL `date`, RSS `pubDate`, HTML
//!    `article:published_time`), in ISO 8601, RFC 2822 or a written form;
//! 2. the article header: the first 15 non-empty lines, where a date line ("Published:
//!    Apr 08, 2022 09:46 PM", "Updated 3 March 2023"), a short line holding a full date,
//!    or a dateline opening the first paragraph ("MELITOPOL, October 17. /TASS/") counts.
//!
//! A date deep in the body is never taken: "on Jan 9, 2023 the army ..." in the fifth
//! paragraph says when something happened, not when the article was written. A year is
//! never invented: "October 17" gives `DocDate { year: None, month: 10, day: 17 }`.
//!
//! A year can be *deduced*, though ([`deduce_year`]): "KYIV, Nov 19 - Russia pounded the
//! city on Tuesday", in an article whose latest year named is 2022, was written in 2024,
//! the only year from 2022 to 2024 in which November 19 fell on a Tuesday or a Wednesday
//! (a wire story tells of the day it is dated or of the day before).

use crate::{DocDate, Document};

/// `--doc-date` could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot read {0:?} as a date; write it like 2023-01-09, \"Jan 9, 2023\" or \"9 January 2023\""
)]
pub struct DateArgError(pub String);

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How many header lines are searched for a date.
const HEADER_LINES: usize = 15;

/// The document date from metadata, else from the article header.
///
/// # Example
/// ```
/// let doc = rung_text::Document::new("a", "KYIV, Oct. 17 (AP) - Shelling resumed.", Default::default());
/// let d = rung_text::document_date(&doc).unwrap();
/// assert_eq!((d.year, d.month, d.day), (None, 10, 17));
/// ```
pub fn document_date(doc: &Document) -> Option<DocDate> {
    if let Some(d) = doc.meta.date.as_deref().and_then(parse_date) {
        return Some(d);
    }
    header_date(&doc.text)
}

fn header_date(text: &str) -> Option<DocDate> {
    let header = || {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(HEADER_LINES)
    };
    let keyword = |line: &str| {
        [
            "published",
            "updated",
            "posted",
            "date",
            "last updated",
            "first published",
        ]
        .iter()
        .any(|k| {
            line.len() >= k.len() && line.as_bytes()[..k.len()].eq_ignore_ascii_case(k.as_bytes())
        })
    };
    // A line that says it gives the date ("Published 26 June 2023") outranks a date in a
    // title above it ("KEY INCIDENTS, 6 MAY - 25 JUNE 2023" is the period reported on).
    for line in header() {
        if let Some((s, _, d)) = find_date(line).filter(|_| keyword(line)) {
            if s <= 40 {
                return Some(d);
            }
        }
    }
    for (i, line) in header().enumerate() {
        let Some((s, e, d)) = find_date(line) else {
            continue;
        };
        let outside_words = line[..s]
            .split(' ')
            .chain(line[e..].split(' '))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        let short = line.len() <= 100;
        if short && (outside_words <= 3 || (d.year.is_some() && i < 6 && outside_words <= 6)) {
            return Some(d);
        }
        if is_dateline_prefix(&line[..s]) {
            return Some(d);
        }
    }
    None
}

/// "MELITOPOL, " / "KYIV, Ukraine, " / "KYIV/MOSCOW, " / "ST. PETERSBURG, " before a date at
/// the start of a paragraph.
fn is_dateline_prefix(p: &str) -> bool {
    let p = p.trim_end();
    if p.len() > 50 || !p.ends_with(',') {
        return false;
    }
    let first = p.split([',', ' ']).next().unwrap_or("");
    first.len() >= 3
        && first
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '/' | '.'))
        && p.split(' ')
            .skip(1)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// How many years after the latest year an article names its own year may be.
const YEARS_AFTER_LATEST: i32 = 2;

/// The year of a dateline that gives none (`date.year` is `None`), deduced from the text:
/// the weekday its paragraph names ("said on Tuesday") must be the dateline's day or the
/// day before, in a year from the latest year the article names to two years after it.
/// Only a single fitting year is returned; with no weekday, no year named, or two
/// fitting years, `None` (the year stays unknown).
///
/// # Example
/// ```
/// use rung_text::{deduce_year, DocDate};
/// let text = "KYIV, Nov 19 - Russia struck the city on Tuesday. It retreated in 2022.";
/// let d = DocDate { year: None, month: 11, day: 19 };
/// assert_eq!(deduce_year(text, d), Some(2024));
/// ```
pub fn deduce_year(text: &str, date: DocDate) -> Option<i32> {
    use chrono::{Datelike, NaiveDate};
    if date.year.is_some() {
        return date.year;
    }
    // The paragraph holding the dateline: the first header line with the month and day.
    let line = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
        .find(|l| {
            find_date(l).is_some_and(|(_, _, d)| d.month == date.month && d.day == date.day)
        })?;
    let words = |s: &'_ str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let weekday = words(line)
        .iter()
        .find_map(|w| WEEKDAYS.iter().position(|d| d == w))? as u32;
    // Years named as years: after a month or a word that introduces one ("February
    // 2022", "in 2023", "since 2014"), never a model number ("Mirage 2000-5").
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    let latest = tokens
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, w)| {
            let w = w.trim_end_matches(['.', ';', ':', '\'', '\u{2019}', 's']);
            let y = w
                .parse::<i32>()
                .ok()
                .filter(|y| (1990..=2099).contains(y))?;
            let before = tokens[k - 1].to_ascii_lowercase();
            let before = before.trim_end_matches('.');
            let introduced = MONTHS
                .iter()
                .any(|m| m.starts_with(before) && before.len() >= 3)
                || before.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
                || matches!(
                    before,
                    "in" | "since"
                        | "from"
                        | "until"
                        | "till"
                        | "of"
                        | "by"
                        | "year"
                        | "early"
                        | "late"
                        | "mid"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "fall"
                        | "winter"
                        | "end"
                        | "and"
                        | "to"
                        | "between"
                        | "through"
                        | "the"
                );
            introduced.then_some(y)
        })
        .max()?;
    let mut fits = (latest..=latest + YEARS_AFTER_LATEST).filter(|&y| {
        NaiveDate::from_ymd_opt(y, u32::from(date.month), u32::from(date.day)).is_some_and(|d| {
            let dateline = d.weekday().num_days_from_monday();
            dateline == weekday || dateline == (weekday + 1) % 7
        })
    });
    let year = fits.next()?;
    fits.next().is_none().then_some(year)
}

/// Parses a whole date string: ISO 8601 ("2023-01-09", "2023-01-09T10:00:00Z"), RFC 2822
/// ("Mon, 09 Jan 2023 10:00:00 +0000") or a written date ("Jan 9, 2023").
pub fn parse_date(s: &str) -> Option<DocDate> {
    let s = s.trim();
    find_date(s)
        .filter(|&(start, _, _)| start <= 20)
        .map(|(_, _, d)| d)
}

/// Parses the value of a `--doc-date` flag.
///
/// # Errors
/// [`DateArgError`] when the whole argument is not one date.
pub fn parse_date_arg(s: &str) -> Result<DocDate, DateArgError> {
    let t = s.trim();
    match find_date(t) {
        Some((0, e, d)) if t[e..].trim().is_empty() || t[e..].starts_with('T') => Ok(d),
        _ => Err(DateArgError(s.to_string())),
    }
}

/// Finds the first date expression in `s`: (start, end, date).
pub(crate) fn find_date(s: &str) -> Option<(usize, usize, DocDate)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if b[i].is_ascii_digit() {
            if let Some(m) = iso_at(s, i).or_else(|| day_first_at(s, i)) {
                return Some(m);
            }
        } else if b[i].is_ascii_alphabetic() {
            if let Some(m) = month_first_at(s, i) {
                return Some(m);
            }
        }
        i += 1;
    }
    None
}

fn digits(b: &[u8], i: usize, max: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0;
    while n < max && i + n < b.len() && b[i + n].is_ascii_digit() {
        v = v * 10 + u32::from(b[i + n] - b'0');
        n += 1;
    }
    if i + n < b.len() && b[i + n].is_ascii_digit() {
        return (0, 0);
    }
    (v, n)
}

fn make(year: Option<i32>, month: u32, day: u32) -> Option<DocDate> {
    let max = match month {
        2 => match year {
            Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=max).contains(&day).then_some(DocDate {
        year,
        month: month as u8,
        day: day as u8,
    })
}

/// "2023-01-09" or "2023/01/09".
fn iso_at(s: &str, i: usize) -> Option<(usize, usize, DocDate)> {
    let b = s.as_bytes();
    let (y, n) = digits(b, i, 4);
    if n != 4 || !(1900..=2100).contains(&y) {
        return None;
    }
    let sep = *b.get(i + 4)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let (m, n2) = digits(b, i + 5, 2);
    if n2 == 0 || b.get(i + 5 + n2) != Some(&sep) {
        return None;
    }
    let (d, n3) = digits(b, i + 6 + n2, 2);
    if n3 == 0 {
        return None;
    }
    let end = i + 6 + n2 + n3;
    make(Some(y as i32), m, d).map(|dd| (i, end, dd))
}

/// A month name or abbreviation at `i`: (month, end).
fn month_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let n = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if !(3..=9).contains(&n) || !b[i].is_ascii_uppercase() {
        return None;
    }
    let w = s[i..i + n].to_ascii_lowercase();
    let m = MONTHS.iter().position(|full| {
        *full == w || (n <= 4 && full.starts_with(&w) && (n == 3 || w == "sept"))
    })?;
    let mut end = i + n;
    if b.get(end) == Some(&b'.') {
        end += 1;
    }
    Some((m as u32 + 1, end))
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

/// Day number with an optional ordinal suffix: (day, end).
fn day_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let (d, n) = digits(b, i, 2);
    if n == 0 {
        return None;
    }
    let mut end = i + n;
    for suf in ["st", "nd", "rd", "th"] {
        if s[end..].starts_with(suf) {
            end += 2;
            break;
        }
    }
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((d, end))
}

/// ", 2023" / " 2023" after a day or month: (year, end).
fn year_after(s: &str, i: usize) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    if b.get(j) == Some(&b',') {
        j += 1;
    }
    j = skip_spaces(b, j);
    if j == i {
        return None;
    }
    let (y, n) = digits(b, j, 4);
    if n == 4
        && (1900..=2100).contains(&y)
        && !b
            .get(j + 4)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b':')
    {
        Some((y as i32, j + 4))
    } else {
        None
    }
}

/// "Jan 9, 2023", "October 17", "Sept. 5th 2022".
fn month_first_at(s: &str, i: usize) -> Option<(usize, usize, DocDate)> {
    let (m, e) = month_at(s, i)?;
    let j = skip_spaces(s.as_bytes(), e);
    if j == e {
        return None;
    }
    let (d, e2) = day_at(s, j)?;
    let (year, end) = match year_after(s, e2) {
        Some((y, e3)) => (Some(y), e3),
        None => (None, e2),
    };
    make(year, m, d).map(|dd| (i, end, dd))
}

/// "24 Mar, 2023", "3 March 2023", "09 Jan 2023 10:00:00 +0000", "9 Jan".
fn day_first_at(s: &str, i: usize) -> Option<(usize, usize, DocDate)> {
    let (d, e) = day_at(s, i)?;
    let mut j = skip_spaces(s.as_bytes(), e);
    if j == e {
        return None;
    }
    if s[j..].starts_with("of ") {
        j += 3;
    }
    let (m, e2) = month_at(s, j)?;
    let (year, end) = match year_after(s, e2) {
        Some((y, e3)) => (Some(y), e3),
        None => (None, e2),
    };
    make(year, m, d).map(|dd| (i, end, dd))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_year_is_deduced_only_when_one_fits() {
        let d = |month, day| DocDate {
            year: None,
            month,
            day,
        };
        // Tuesday 2024-11-19; 2022 named in the text.
        let wire =
            "Headline\n\nKYIV, Nov 19 - Shelling hit the port on Tuesday.\n\nIn 2022 it fell.";
        assert_eq!(deduce_year(wire, d(11, 19)), Some(2024));
        // The day before: Wednesday 2025-03-26, "on Tuesday"; 2025 named.
        let late = "WASHINGTON, March 26 - The talks ended on Tuesday.\nThe 2025 deal held.";
        assert_eq!(deduce_year(late, d(3, 26)), Some(2025));
        // Two years fit (Tuesday 2024-03-26 and the day after, 2025-03-26): unknown.
        let two = "WASHINGTON, March 26 - The talks ended on Tuesday.\nThe 2024 deal held.";
        assert_eq!(deduce_year(two, d(3, 26)), None);
        // No year named, no weekday, or a weekday that fits no year: unknown.
        assert_eq!(
            deduce_year("KYIV, Nov 19 - Shelling on Tuesday.", d(11, 19)),
            None
        );
        assert_eq!(
            deduce_year("KYIV, Nov 19 - Shelling since 2022.", d(11, 19)),
            None
        );
        assert_eq!(
            deduce_year("KYIV, Nov 19 - Shelling on Thursday in 2022.", d(11, 19)),
            None
        );
    }

    use super::*;

    fn d(y: Option<i32>, m: u8, day: u8) -> DocDate {
        DocDate {
            year: y,
            month: m,
            day,
        }
    }

    #[test]
    fn forms() {
        assert_eq!(
            parse_date("2023-01-09T10:00:00Z"),
            Some(d(Some(2023), 1, 9))
        );
        assert_eq!(
            parse_date("Mon, 09 Jan 2023 10:00:00 +0000"),
            Some(d(Some(2023), 1, 9))
        );
        assert_eq!(parse_date("Jan 9, 2023"), Some(d(Some(2023), 1, 9)));
        assert_eq!(parse_date("24 Mar, 2023 12:32"), Some(d(Some(2023), 3, 24)));
        assert_eq!(parse_date("nonsense"), None);
        assert_eq!(parse_date("2023-02-30"), None);
    }

    #[test]
    fn header() {
        let doc = |t: &str| Document::new("x", t, Default::default());
        assert_eq!(
            document_date(&doc("Title here\nPublished: Apr 08, 2022 09:46 PM\nBody.")),
            Some(d(Some(2022), 4, 8))
        );
        assert_eq!(
            document_date(&doc("MELITOPOL, October 17. /TASS/. Text.")),
            Some(d(None, 10, 17))
        );
        assert_eq!(document_date(&doc("The army said on Jan 9, 2023 that the long and winding offensive had stalled near the river crossing again.")), None);
    }

    #[test]
    fn args() {
        assert_eq!(parse_date_arg("2023-01-09"), Ok(d(Some(2023), 1, 9)));
        assert_eq!(parse_date_arg("9 January 2023"), Ok(d(Some(2023), 1, 9)));
        assert!(parse_date_arg("tomorrow").is_err());
        assert!(parse_date_arg("2023-13-01").is_err());
    }
}
