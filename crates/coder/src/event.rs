//! The coded-event record: what `rung code` prints, one JSON object per line.

use serde::{Deserialize, Serialize};

/// An actor as it appears in an event: the words and the CAMEO-style code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The words of the mention ("Ukrainian troops").
    pub text: String,
    /// The code: country or bloc then roles ("UKRMIL", "RUSGOV", "WST").
    pub code: String,
    /// True when the sentence does not name this actor and rung took it from the rest of
    /// the document: the target of a strike that names none, or the attacker of a place
    /// attacked by no one named, as the other side of the fighting the document reports.
    /// Also a side the sentence leaves unnamed and the conflicts table gives ("a shell hit
    /// the yard of his house" in a Ukrainian town). `text` is then how the document names
    /// that side elsewhere, empty when it does not. Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// The PLOVER reading of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    /// PLOVER event type ("ASSAULT").
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode ("aerial"), when known.
    pub mode: Option<String>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place as written.
    pub text: String,
    /// ISO 3166 alpha-3 country code, when known.
    pub country: Option<String>,
    /// Latitude, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lat: Option<f64>,
    /// Longitude, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lon: Option<f64>,
}

/// Deaths reported for an event; a single figure gives `min == max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fatalities {
    /// Lower bound.
    pub min: u64,
    /// Upper bound.
    pub max: u64,
}

/// How the text presents the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Modality {
    Asserted,
    Reported,
    Claimed,
    Denied,
    Intended,
    Requested,
    Threatened,
    Hypothetical,
    Negated,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The document's name: the path as given for files, the `id` for JSONL records.
    pub doc: String,
    /// 0-based index of the sentence in the document.
    pub sentence: usize,
    /// Byte offsets of the sentence in the document's normalized text.
    pub span: [usize; 2],
    /// The sentence itself.
    pub text: String,
    /// When the event happened, ISO 8601 at the precision known; a season as `2022-spring`.
    pub date: Option<String>,
    /// Who acts.
    pub source: Option<Actor>,
    /// Who is acted upon.
    pub target: Option<Actor>,
    /// CAMEO event code, 2 to 4 digits.
    pub cameo: String,
    /// Goldstein score of the code.
    pub goldstein: f64,
    /// CAMEO quad class 1..=4.
    pub quad: u8,
    /// The PLOVER reading.
    pub plover: Plover,
    /// Weapon systems involved, by canonical name.
    pub weapons: Vec<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Deaths, when reported.
    pub fatalities: Option<Fatalities>,
    /// How the text presents it.
    pub modality: Modality,
    /// Who says so, when the sentence attributes the claim.
    pub attribution: Option<Actor>,
    /// Byte span of the words that triggered the event (verb or event noun), in the
    /// normalized text.
    #[serde(default)]
    pub trigger: Option<[usize; 2]>,
}
