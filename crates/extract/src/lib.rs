//! rung-extract: time expressions and quantities found in sentence text.
//!
//! Contract with the coder: [`find_times`] and [`find_quantities`] take a piece of
//! normalized text and return expressions with byte spans relative to that text.
#![deny(missing_docs)]

use rung_text::DocDate;
use serde::{Deserialize, Serialize};

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
}
