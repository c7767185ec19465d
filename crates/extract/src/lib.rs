//! rung-extract: time expressions and quantities found in sentence text.
//!
//! Contract with the coder: [`find_times`] and [`find_quantities`] take a piece of
//! normalized text (one sentence: ASCII quotes, `-` dashes, any other Unicode) and
//! return expressions with byte spans relative to that text. Both are plain byte
//! scanners over a small word table: no regex, no allocation besides the result, and
//! a quick return on sentences with no digit and no time or number word.
//!
//! ```
//! use rung_extract::{find_quantities, find_times, QuantityKind};
//! use rung_text::DocDate;
//!
//! let doc = DocDate { year: Some(2023), month: 1, day: 9 };
//! let text = "At least 12 civilians were killed in the strike on January 1.";
//! let times = find_times(text, Some(doc));
//! assert_eq!(times[0].value.as_ref().unwrap().0, "2023-01-01");
//! let q = &find_quantities(text)[0];
//! assert_eq!((q.kind, q.min, q.max), (QuantityKind::Count, Some(12.0), None));
//! let (s, e) = q.noun.unwrap();
//! assert_eq!(&text[s..e], "civilians");
//! ```
//!
//! # Time values and how relative expressions resolve
//!
//! Spans leave out plain prepositions ("on", "in", "at", "by", "until"): "in March"
//! gives "March". They include words that change the meaning: "last", "this", "next",
//! "earlier this", "since", "from ... to", "between ... and", "ago", "the" before a
//! season, and period phrases ("in a day", "the past day", "at night").
//!
//! Values are strings at their precision: `2023-01-01` (day), `2022-06` (month), `2022`
//! (year), `2022-spring` (season: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter
//! Dec-Feb named after the year of its December), `2023-W02` (ISO 8601 week). `r` is the
//! document date; when it is absent or its year unknown, every expression that needs
//! it keeps its span and gets `value: None`, while explicit dates still resolve.
//!
//! | text | value |
//! | --- | --- |
//! | "1 January 2023", "January 1, 2023", "2023-01-01", "01.01.2023" | that day |
//! | "25/12/2022", "12/25/2022" | that day; slash dates only when day and month cannot be swapped |
//! | "January 1", "Jan. 1", "the January 1 strike" | the most recent such day not after `r`; with future tense the first not before it |
//! | "in March", "March" | the most recent March whose month is not after `r`'s (future: not before) |
//! | "last March" / "this March" / "next March" | the March before `r`'s month / of `r`'s year / after `r`'s month |
//! | "in the spring", "in spring" | the most recent spring that began by `r` (future: the first that has not ended) |
//! | "this winter" / "last summer" / "next spring" | the current season if it is that one, else that season of `r`'s year / the most recent one that has ended / the first that begins after `r` |
//! | "today", "tonight", "overnight", "at night", "during the night", "this morning" | `r`: news says "overnight" of the night before publication, whose events are dated the publication day |
//! | "yesterday", "last night" | `r` - 1 day |
//! | "over the past day", "in a day", "in one day", "during the day", "for the day", "per day", "in the past 24 hours", "in 24 hours" | `r` - 1 day: daily reports published in the morning use them for the previous day (UCDP codes such reports so) |
//! | "since the beginning of the day", "in the current day" | `r` |
//! | "tomorrow" | `r` + 1 |
//! | "Friday", "on Friday night" | the most recent Friday on or before `r` (`r` itself if a Friday); future: the first on or after `r` |
//! | "last Friday" / "next Friday" | strictly before / strictly after `r` |
//! | "last week" / "this week", "earlier this week" / "next week" | ISO week of `r` - 7 days / of `r` / of `r` + 7 days |
//! | "over the weekend", "at the weekend" | ISO week of the most recent Saturday on or before `r` (future: the next one) |
//! | "last month", "earlier this month", "next month"; "last year", "this year", "next year" | the month or year of `r`, shifted |
//! | "three days ago", "two weeks ago", "a month ago", "five years ago" | `r` shifted, at the unit's precision |
//! | "since February 2022", "since last week" | value as without "since", `until` None (open-ended) |
//! | "from March to June 2022", "between 2014 and 2022", "2014-2022", "1-5 March 2022", "10 and 16 September 2022", "February 23-24, 2022" | `value` the start, `until` the end; a start without a year takes the end's (one less if the months wrap) |
//! | "Friday, January 6", "Sunday 19 February" | the date; the weekday joins the span |
//!
//! Future tense means the sentence contains "will", "shall", "'ll", "tomorrow",
//! "upcoming", "scheduled", "plan(s/ned/ning) to", "expected to", "going to", or
//! "is/are/was due to" / "set to", except for an expression right after a past reporting
//! verb ("the Pentagon said on Thursday" stays past). Modifiers ("early", "late", "mid-", "the end of",
//! "since") join the span, not the value.
//!
//! Bare "May" and "March" are months only with a day or year beside them or a cue
//! before them ("in", "since", "by", "until", "early", "late", "mid-", "last", "next",
//! "this", "of"); other month names must be capitalized and not followed by a
//! capitalized word ("June Smith"). Bare years must be 1900..=2100, not glued to
//! letters or other numbers, not after "about"/"more than"-style bounds or currency,
//! and not before a unit or (without a cue such as "in") a plural noun.
//!
//! # Quantities
//!
//! See [`find_quantities`] for what counts and how bounds and vague words are stored.
#![deny(missing_docs)]

mod date;
mod lex;
mod quantity;
mod scan;
mod time;
mod view;

use serde::{Deserialize, Serialize};

pub use quantity::find_quantities;
pub use time::find_times;

/// A normalized time value at its precision, rendered as in EVENTS.md:
/// `2023-01-01`, `2022-06`, `2022`, `2022-spring`, `2022-W10`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue(pub String);

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte span in the text that was searched.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// The value, when it could be resolved (None when the year is unknown and no
    /// reference year was given).
    pub value: Option<TimeValue>,
    /// For ranges ("since February 2022", "from March to June"): the end value.
    pub until: Option<TimeValue>,
}

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// A bare count ("17,000", "dozens").
    Count,
    /// Money ("$820 million"), in the currency's unit.
    Money,
    /// A distance, in kilometres.
    Distance,
    /// A calibre or length in millimetres ("155mm").
    Calibre,
    /// A percentage ("40%", "40 percent"), in percent. Never a count.
    Percent,
    /// An area, in square kilometres ("300 square kilometres", "50 hectares").
    Area,
}

/// The currency of a [`QuantityKind::Money`] quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    /// US dollars ("$", "US$", "dollars", "USD").
    Usd,
    /// Euros ("€", "euros", "EUR").
    Eur,
    /// Pounds sterling ("£", "GBP", "sterling").
    Gbp,
    /// Russian roubles.
    Rub,
    /// Ukrainian hryvnias.
    Uah,
    /// Chinese yuan.
    Cny,
}

/// A quantity found in text: a count, a range, or a bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte span in the text that was searched.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// What it counts.
    pub kind: QuantityKind,
    /// Lower bound, when known ("at least 39" -> 39).
    pub min: Option<f64>,
    /// Upper bound, when known ("up to 150,000" -> 150000).
    pub max: Option<f64>,
    /// True for vague counts ("dozens", "hundreds").
    pub vague: bool,
    /// True for hedged figures ("about 300", "nearly 50", "some 300", "300 or so").
    #[serde(default)]
    pub approximate: bool,
    /// Byte span of the noun the quantity counts when it follows directly
    /// ("12 civilians", "dozens of soldiers", "five Ukrainian servicemen").
    #[serde(default)]
    pub noun: Option<(usize, usize)>,
    /// The currency, for money.
    #[serde(default)]
    pub currency: Option<Currency>,
}
