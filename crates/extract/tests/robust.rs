//! Robustness: both finders on many pseudo-random sentences built from tricky pieces
//! must not panic, and must return sorted, non-overlapping spans on char boundaries.

use rung_extract::{find_quantities, find_times};
use rung_text::DocDate;

const PIECES: &[&str] = &[
    "1",
    "12",
    "2023",
    "2,000",
    "1.5",
    "09",
    "31",
    "-",
    " - ",
    "/",
    ".",
    ",",
    ":",
    "$",
    "€",
    "£",
    "US",
    "km",
    "mm",
    "m",
    "bn",
    "million",
    "hundred",
    "a",
    "an",
    "half",
    "dozen",
    "dozens",
    "between",
    "and",
    "from",
    "to",
    "or",
    "more",
    "than",
    "at",
    "least",
    "up",
    "about",
    "over",
    "since",
    "in",
    "on",
    "last",
    "next",
    "this",
    "earlier",
    "the",
    "day",
    "days",
    "week",
    "month",
    "year",
    "ago",
    "May",
    "March",
    "January",
    "Jan",
    "Sept",
    "spring",
    "fall",
    "winter",
    "Friday",
    "yesterday",
    "overnight",
    "night",
    "per",
    "past",
    "24",
    "hours",
    "mid",
    "early",
    "end",
    "of",
    "F",
    "S",
    "Su",
    "Leopard",
    "No",
    "+",
    "#",
    "%",
    "percent",
    "per",
    "cent",
    "square",
    "th",
    "st",
    "one",
    "two",
    "twenty",
    "five",
    "several",
    "few",
    "couple",
    "people",
    "civilians",
    "killed",
    "will",
    "due",
    "is",
    "Zaporizhzhia",
    "café",
    "–",
    "\u{a0}",
    "“",
    "”",
    "'",
    "(",
    ")",
];

fn sentences() -> impl Iterator<Item = String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..20_000).map(move |_| {
        let n = (next() % 14) as usize + 1;
        let mut s = String::new();
        for _ in 0..n {
            let p = PIECES[(next() % PIECES.len() as u64) as usize];
            if next() % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

#[test]
fn random_sentences_give_well_formed_spans() {
    let doc = Some(DocDate {
        year: Some(2023),
        month: 1,
        day: 9,
    });
    for s in sentences() {
        let mut last = 0;
        for t in find_times(&s, doc) {
            assert!(
                t.start >= last && t.start < t.end && t.end <= s.len(),
                "{s:?}: {t:?}"
            );
            assert!(
                s.is_char_boundary(t.start) && s.is_char_boundary(t.end),
                "{s:?}"
            );
            last = t.end;
        }
        let mut last = 0;
        for q in find_quantities(&s) {
            assert!(
                q.start >= last && q.start < q.end && q.end <= s.len(),
                "{s:?}: {q:?}"
            );
            assert!(
                s.is_char_boundary(q.start) && s.is_char_boundary(q.end),
                "{s:?}"
            );
            if let Some((a, b)) = q.noun {
                assert!(a >= q.end && a < b && b <= s.len(), "{s:?}: {q:?}");
            }
            if let (Some(lo), Some(hi)) = (q.min, q.max) {
                assert!(lo <= hi, "{s:?}: {q:?}");
            }
            last = q.end;
        }
    }
}

#[test]
fn the_token_cache_never_serves_another_sentence() {
    // Same length, different content, alternating between the finders.
    let a = "Two soldiers died on 5 May 2022.";
    let b = "Ten soldiers died on 6 Jun. 2021";
    assert_eq!(a.len(), b.len());
    for _ in 0..3 {
        assert_eq!(find_quantities(a)[0].min, Some(2.0));
        assert_eq!(
            find_times(b, None)[0].value.as_ref().map(|v| v.0.as_str()),
            Some("2021-06-06")
        );
        assert_eq!(find_quantities(b)[0].min, Some(10.0));
        assert_eq!(
            find_times(a, None)[0].value.as_ref().map(|v| v.0.as_str()),
            Some("2022-05-05")
        );
    }
}
