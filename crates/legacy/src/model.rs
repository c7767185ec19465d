//! The in-memory form of legacy dictionaries: words, phrases, dated codes, entries.
//!
//! Both TABARI and PETRARCH write phrases as words joined by spaces or `_`. TABARI
//! reads a word without a trailing `_` as a stem ("ARGENTIN" matches "Argentina");
//! PETRARCH matches whole words only. The reader decides, the matcher just obeys
//! [`Word::stem`].

/// One dictionary word, upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// The word, upper-case, without `_` markers.
    pub text: String,
    /// True when the word matches any token that starts with it.
    pub stem: bool,
    /// Written with `_` before it: must directly follow the previous word of its phrase.
    /// A space lets up to two other words come between (TABARI "disconnected" phrases).
    pub joined: bool,
}

impl Word {
    /// Whether a sentence token (upper-case) matches this word.
    pub fn matches(&self, token: &str) -> bool {
        if self.stem {
            token.starts_with(self.text.as_str())
        } else {
            token == self.text
        }
    }
}

/// A sequence of consecutive words.
pub type Phrase = Vec<Word>;

/// Splits a dictionary phrase (`AL_GORE`, `AL GORE`, `UNITED_NATIONS_`) into words.
///
/// With `stems`, a word not followed by `_` is a stem (TABARI); otherwise every word
/// is exact (PETRARCH).
pub fn parse_phrase(text: &str, stems: bool) -> Phrase {
    let mut words = Vec::new();
    for chunk in text.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').collect();
        let mut first_in_chunk = true;
        for (i, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            // A word followed by `_` (even at the end of the chunk) is exact.
            let followed = i + 1 < parts.len();
            words.push(Word {
                text: part.to_uppercase(),
                stem: stems && !followed,
                joined: !first_in_chunk,
            });
            first_in_chunk = false;
        }
    }
    words
}

/// A date as `yyyymmdd`, comparable.
pub type DateKey = i32;

/// Turns `(year, month, day)` into a [`DateKey`].
pub fn date_key(date: (i32, u8, u8)) -> DateKey {
    date.0 * 10_000 + i32::from(date.1) * 100 + i32::from(date.2)
}

/// Reads `950101` (TABARI, two-digit year) or `19950101` into a date key.
///
/// Two-digit years below 30 are 20xx, as PETRARCH reads them; others are 19xx.
pub fn parse_date(text: &str) -> Option<DateKey> {
    let t = text.trim();
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = t.parse().ok()?;
    let key = match t.len() {
        6 => {
            let yy = n / 10_000;
            let century = if yy < 30 { 20_000_000 } else { 19_000_000 };
            century + n
        }
        8 => n,
        _ => return None,
    };
    let (m, d) = ((key / 100) % 100, key % 100);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(key)
}

/// When a code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    /// Always.
    Always,
    /// Strictly before the date (`<`).
    Before(DateKey),
    /// On or after the date (`>`).
    After(DateKey),
    /// Between two dates, inclusive (`A-B`).
    Between(DateKey, DateKey),
}

impl DateBound {
    /// Whether the bound admits `date`; an unknown date admits only [`DateBound::Always`]
    /// and the open-ended "after" (the most recent code).
    pub fn admits(&self, date: Option<DateKey>) -> bool {
        match (self, date) {
            (DateBound::Always, _) => true,
            (DateBound::Before(b), Some(d)) => d < *b,
            (DateBound::After(a), Some(d)) => d >= *a,
            (DateBound::Between(a, b), Some(d)) => *a <= d && d <= *b,
            (DateBound::After(_), None) => true,
            (_, None) => false,
        }
    }
}

/// An actor code with the dates it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The code, e.g. `USAGOV`; may name several actors separated by `/`.
    pub code: String,
    /// When it applies.
    pub bound: DateBound,
}

/// Where an entry came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// File name (as given to the loader).
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// An actor: names and synonyms sharing one list of dated codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The main name first, then the `+` synonyms.
    pub phrases: Vec<Phrase>,
    /// Codes in file order; the first whose bound admits the date wins.
    pub codes: Vec<DatedCode>,
    /// Where the entry starts.
    pub origin: Origin,
}

impl ActorEntry {
    /// The code that applies on `date`, if any.
    ///
    /// A date-bounded code that admits the date wins over an unbounded one (PETRARCH:
    /// the unbounded code is the default); among bounded codes the first in the file.
    pub fn code_on(&self, date: Option<DateKey>) -> Option<&str> {
        let bounded = self
            .codes
            .iter()
            .find(|c| c.bound != DateBound::Always && date.is_some() && c.bound.admits(date));
        let always = self.codes.iter().find(|c| c.bound == DateBound::Always);
        let open = || self.codes.iter().find(|c| c.bound.admits(date));
        bounded.or(always).or_else(open).map(|c| c.code.as_str())
    }
}

/// An agent (`PRESIDENT [~GOV]`): a role that composes with an actor code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Names, including generated plurals.
    pub phrases: Vec<Phrase>,
    /// The role code without `~` (`GOV`).
    pub code: String,
    /// True for `[NGM~]`: the role code goes before the actor code.
    pub prefix: bool,
    /// Where the entry is.
    pub origin: Origin,
}

/// An event code as written in a verb dictionary: `064`, `032:033`, `---`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventCode {
    /// Code of the source-to-target event; `None` for `---` (no event).
    pub primary: Option<String>,
    /// Code of the paired target-to-source event (`032:033`).
    pub paired: Option<String>,
}

impl EventCode {
    /// Parses the inside of `[...]`.
    pub fn parse(text: &str) -> EventCode {
        let code = |s: &str| {
            let s = s.trim().trim_end_matches('!');
            (!s.is_empty() && !s.starts_with("---")).then(|| s.to_string())
        };
        match text.split_once(':') {
            Some((a, b)) => EventCode {
                primary: code(a),
                paired: code(b),
            },
            None => EventCode {
                primary: code(text),
                paired: None,
            },
        }
    }

    /// True for `---`.
    pub fn is_null(&self) -> bool {
        self.primary.is_none() && self.paired.is_none()
    }
}

/// What one element of a verb pattern stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// A word.
    Word(Word),
    /// `&NAME`, a synonym set (name upper-case, without `&` or trailing `_`).
    Synset(String),
    /// `{ A | B }` in TABARI: any of the alternatives.
    Alternatives(Vec<Vec<Item>>),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor that is both source and target.
    Compound,
    /// `^`: skip a noun phrase.
    Skip,
    /// `*`: the verb (only while parsing; patterns store it as the split point).
    Verb,
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What it matches.
    pub kind: ItemKind,
    /// Written with `_` right after the previous element: must directly follow it.
    pub joined: bool,
}

/// A verb pattern: items before and after the verb, and the code it yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Items left of `*`, in text order.
    pub before: Vec<Item>,
    /// Items right of `*`, in text order; the first one's `joined` ties it to the verb.
    pub after: Vec<Item>,
    /// The verb is written directly after the last `before` item (`IN_*`).
    pub verb_joined: bool,
    /// The event code.
    pub code: EventCode,
    /// Where it is.
    pub origin: Origin,
}

impl Pattern {
    /// Number of items that must match: more specific patterns are preferred.
    ///
    /// Scaled so that, at equal length, literal words beat synsets (TABARI prefers
    /// `- * DOLLAR` over `- * &CURRENCY` for "dollars").
    pub fn weight(&self) -> usize {
        let literal = |i: &&Item| matches!(i.kind, ItemKind::Word(_));
        let n = self.before.len() + self.after.len();
        let lit =
            self.before.iter().filter(literal).count() + self.after.iter().filter(literal).count();
        n * 100 + lit
    }
}

/// One way the verb appears: the verb word plus any fixed words around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    /// Words before the verb word.
    pub before: Phrase,
    /// The verb word itself.
    pub verb: Word,
    /// Words after the verb word.
    pub after: Phrase,
    /// A code of its own (PETRARCH `KLM_NOP_+RST [002]`), else the block's.
    pub code: Option<EventCode>,
}

/// A verb block: forms, default code, patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// The block's name (`ABANDON`).
    pub name: String,
    /// Default code when no pattern matches.
    pub code: EventCode,
    /// All the forms the verb takes.
    pub forms: Vec<VerbForm>,
    /// Patterns in file order.
    pub patterns: Vec<Pattern>,
    /// Where the block starts.
    pub origin: Origin,
}

/// A discard phrase: a sentence containing it yields nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardEntry {
    /// The phrase.
    pub phrase: Phrase,
    /// `+` in PETRARCH: the whole story is dropped, not only the sentence.
    pub story: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_stems_follow_underscores() {
        let p = parse_phrase("AL_GORE", true);
        assert_eq!(p.len(), 2);
        assert!(!p[0].stem && p[1].stem);
        let p = parse_phrase("UNITED_NATIONS_", true);
        assert!(p.iter().all(|w| !w.stem));
        assert!(parse_phrase("ARGENTIN", false).iter().all(|w| !w.stem));
    }

    #[test]
    fn dates_and_bounds() {
        assert_eq!(parse_date("950101"), Some(19_950_101));
        assert_eq!(parse_date("010114"), Some(20_010_114));
        assert_eq!(parse_date("19950101"), Some(19_950_101));
        assert_eq!(parse_date("9513"), None);
        assert_eq!(parse_date("951301"), None);
        let b = DateBound::Between(19_991_201, 20_010_114);
        assert!(b.admits(Some(20_000_101)) && !b.admits(Some(20_020_101)));
        assert!(DateBound::Before(19_911_226).admits(Some(19_911_225)));
        assert!(!DateBound::Before(19_911_226).admits(Some(19_911_226)));
    }

    #[test]
    fn event_codes() {
        let c = EventCode::parse("032:033");
        assert_eq!(c.primary.as_deref(), Some("032"));
        assert_eq!(c.paired.as_deref(), Some("033"));
        assert!(EventCode::parse("---").is_null());
        assert_eq!(EventCode::parse("031!").primary.as_deref(), Some("031"));
    }
}
