//! The word table both finders classify tokens with.
//!
//! Every word the finders react to is listed once, lowercase, with a kind, a value and
//! flags. Lookup packs the lowercased ASCII word (at most 16 bytes) into a `u128` and
//! probes an open-addressing table built once behind a `OnceLock`: one multiply and
//! usually one comparison, no allocation. A binary search over the sorted keys was the
//! first version; the scanner, which looks up every word, spent half its time there
//! (perf, 2026-11). A `HashMap<&str, _>` with SipHash would need the word lowercased
//! into a buffer and hash slower. Multi-word cues ("at least", "as many as") are not in the table: the finders
//! compare the neighbouring words' text directly, and only after an anchor was found.

use std::sync::OnceLock;

/// What a word is, for the finders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum K {
    /// Not in the table.
    #[default]
    None,
    /// Full month name; value 1..=12.
    Month,
    /// Abbreviated month name; value 1..=12.
    MonthAbbr,
    /// Day of the week; value 0 (Monday) ..= 6.
    Weekday,
    /// Season; value 0 spring, 1 summer, 2 autumn, 3 winter.
    Season,
    /// today 0, yesterday 1, tomorrow 2, tonight 3, overnight 4.
    RelDay,
    /// day 0, week 1, month 2, year 3, weekend 4, hour 5 (singular or plural).
    TimeUnit,
    /// morning, afternoon, evening, night.
    PartOfDay,
    /// "ago".
    Ago,
    /// Cardinal number word; value is the number.
    NumWord,
    /// Multiplier word; value is the power of ten (hundred 2, thousand 3, million 6).
    Scale,
    /// "dozen".
    Dozen,
    /// Plural vague count: value 1 dozens, 2 hundreds, 3 thousands, 6 millions,
    /// 9 billions, 20 scores, 10 tens.
    Vague,
    /// "several".
    Several,
    /// "few".
    Few,
    /// "handful".
    Handful,
    /// "couple".
    Couple,
    /// Currency word; value is a [`crate::Currency`] code (see `currency_of`).
    Currency,
    /// Distance unit; value is metres per unit, except 1609 (mile) and 1852 (nautical).
    Dist,
    /// Millimetre words.
    Calibre,
    /// percent, pct.
    Percent,
    /// st, nd, rd, th (after digits).
    Ordinal,
    /// am, pm, GMT, UTC and other clock words.
    Clock,
    /// A word that makes a following number part of a name ("Leopard 2", "Article 5");
    /// value 1 when only the capitalized word does ("Unit 5" but "the unit 5 km away").
    NameBlock,
}

/// Flag: a function word or verb; ends a counted noun phrase.
pub(crate) const STOP: u16 = 1;
/// Flag: a cue of future tense ("will", "scheduled").
pub(crate) const FUTURE: u16 = 2;
/// Flag: a word that licenses a bare month or year after it ("in", "since", "early").
pub(crate) const TPREP: u16 = 4;
/// Flag: a word that puts a number in a count reading ("about", "than", "least").
pub(crate) const BOUND: u16 = 8;
/// Flag: a weak season word ("fall") that needs a cue.
pub(crate) const WEAK: u16 = 16;
/// Flag: a participle that may itself be the counted noun ("12 killed", "27 injured").
pub(crate) const PARTIC: u16 = 32;

/// Flag: a word that opens a range or interval ("from", "between", "since").
pub(crate) const OPEN: u16 = 64;
/// Flag: a word that can start a number phrase ("a dozen", "an estimated", "half a").
pub(crate) const ART: u16 = 128;

/// A table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Lex {
    pub kind: K,
    pub val: u16,
    pub flags: u16,
}

impl Lex {
    pub(crate) fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

use K::*;

#[rustfmt::skip]
const WORDS: &[(&str, K, u16, u16)] = &[
    // Months.
    ("january", Month, 1, 0), ("february", Month, 2, 0), ("march", Month, 3, 0),
    ("april", Month, 4, 0), ("may", Month, 5, STOP), ("june", Month, 6, 0),
    ("july", Month, 7, 0), ("august", Month, 8, 0), ("september", Month, 9, 0),
    ("october", Month, 10, 0), ("november", Month, 11, 0), ("december", Month, 12, 0),
    ("jan", MonthAbbr, 1, 0), ("feb", MonthAbbr, 2, 0), ("mar", MonthAbbr, 3, 0),
    ("apr", MonthAbbr, 4, 0), ("jun", MonthAbbr, 6, 0), ("jul", MonthAbbr, 7, 0),
    ("aug", MonthAbbr, 8, 0), ("sep", MonthAbbr, 9, 0), ("sept", MonthAbbr, 9, 0),
    ("oct", MonthAbbr, 10, 0), ("nov", MonthAbbr, 11, 0), ("dec", MonthAbbr, 12, 0),
    // Weekdays.
    ("monday", Weekday, 0, 0), ("tuesday", Weekday, 1, 0), ("wednesday", Weekday, 2, 0),
    ("thursday", Weekday, 3, 0), ("friday", Weekday, 4, 0), ("saturday", Weekday, 5, 0),
    ("sunday", Weekday, 6, 0),
    // Seasons.
    ("spring", Season, 0, 0), ("summer", Season, 1, 0), ("autumn", Season, 2, 0),
    ("fall", Season, 2, WEAK), ("winter", Season, 3, 0),
    // Relative days and units.
    ("today", RelDay, 0, 0), ("yesterday", RelDay, 1, 0), ("tomorrow", RelDay, 2, FUTURE),
    ("tonight", RelDay, 3, 0), ("overnight", RelDay, 4, 0),
    ("day", TimeUnit, 0, 0), ("days", TimeUnit, 0, 0), ("week", TimeUnit, 1, 0),
    ("weeks", TimeUnit, 1, 0), ("month", TimeUnit, 2, 0), ("months", TimeUnit, 2, 0),
    ("year", TimeUnit, 3, 0), ("years", TimeUnit, 3, 0), ("weekend", TimeUnit, 4, 0),
    ("hour", TimeUnit, 5, 0), ("hours", TimeUnit, 5, 0),
    ("morning", PartOfDay, 0, 0), ("afternoon", PartOfDay, 1, 0),
    ("evening", PartOfDay, 2, 0), ("night", PartOfDay, 3, 0),
    ("ago", Ago, 0, STOP),
    // Number words.
    ("one", NumWord, 1, 0), ("two", NumWord, 2, 0), ("three", NumWord, 3, 0),
    ("four", NumWord, 4, 0), ("five", NumWord, 5, 0), ("six", NumWord, 6, 0),
    ("seven", NumWord, 7, 0), ("eight", NumWord, 8, 0), ("nine", NumWord, 9, 0),
    ("ten", NumWord, 10, 0), ("eleven", NumWord, 11, 0), ("twelve", NumWord, 12, 0),
    ("thirteen", NumWord, 13, 0), ("fourteen", NumWord, 14, 0), ("fifteen", NumWord, 15, 0),
    ("sixteen", NumWord, 16, 0), ("seventeen", NumWord, 17, 0), ("eighteen", NumWord, 18, 0),
    ("nineteen", NumWord, 19, 0), ("twenty", NumWord, 20, 0), ("thirty", NumWord, 30, 0),
    ("forty", NumWord, 40, 0), ("fifty", NumWord, 50, 0), ("sixty", NumWord, 60, 0),
    ("seventy", NumWord, 70, 0), ("eighty", NumWord, 80, 0), ("ninety", NumWord, 90, 0),
    ("hundred", Scale, 2, 0), ("thousand", Scale, 3, 0), ("million", Scale, 6, 0),
    ("billion", Scale, 9, 0), ("trillion", Scale, 12, 0), ("bn", Scale, 9, 0),
    ("mn", Scale, 6, 0), ("mln", Scale, 6, 0), ("bln", Scale, 9, 0), ("k", Scale, 3, 0),
    ("dozen", Dozen, 12, 0),
    ("dozens", Vague, 1, 0), ("hundreds", Vague, 2, 0), ("thousands", Vague, 3, 0),
    ("millions", Vague, 6, 0), ("billions", Vague, 9, 0), ("scores", Vague, 20, 0),
    ("tens", Vague, 10, 0),
    ("several", Several, 0, 0), ("few", Few, 0, 0), ("handful", Handful, 0, 0),
    ("couple", Couple, 0, 0),
    // Units.
    ("dollars", Currency, 1, 0), ("dollar", Currency, 1, 0), ("usd", Currency, 1, 0),
    ("euros", Currency, 2, 0), ("euro", Currency, 2, 0), ("eur", Currency, 2, 0),
    ("sterling", Currency, 3, 0), ("gbp", Currency, 3, 0),
    ("rubles", Currency, 4, 0), ("roubles", Currency, 4, 0), ("ruble", Currency, 4, 0),
    ("rouble", Currency, 4, 0), ("rub", Currency, 4, 0),
    ("hryvnias", Currency, 5, 0), ("hryvnia", Currency, 5, 0), ("hryvnas", Currency, 5, 0),
    ("uah", Currency, 5, 0), ("yuan", Currency, 6, 0), ("cny", Currency, 6, 0),
    ("km", Dist, 1000, 0), ("kms", Dist, 1000, 0), ("kilometres", Dist, 1000, 0),
    ("kilometers", Dist, 1000, 0), ("kilometre", Dist, 1000, 0), ("kilometer", Dist, 1000, 0),
    ("miles", Dist, 1609, 0), ("mile", Dist, 1609, 0), ("metres", Dist, 1, 0),
    ("meters", Dist, 1, 0), ("metre", Dist, 1, 0), ("meter", Dist, 1, 0), ("m", Dist, 1, 0),
    ("mm", Calibre, 0, 0), ("millimetre", Calibre, 0, 0), ("millimetres", Calibre, 0, 0),
    ("millimeter", Calibre, 0, 0), ("millimeters", Calibre, 0, 0),
    ("percent", Percent, 0, 0), ("pct", Percent, 0, 0),
    ("st", Ordinal, 0, 0), ("nd", Ordinal, 0, 0), ("rd", Ordinal, 0, 0), ("th", Ordinal, 0, 0),
    ("am", Clock, 0, 0), ("pm", Clock, 0, 0), ("gmt", Clock, 0, 0), ("utc", Clock, 0, 0),
    ("hrs", Clock, 0, 0), ("cet", Clock, 0, 0), ("msk", Clock, 0, 0), ("bst", Clock, 0, 0),
    ("edt", Clock, 0, 0), ("est", Clock, 0, 0), ("eet", Clock, 0, 0), ("eest", Clock, 0, 0),
    ("o", Clock, 0, 0),
    // Words that make the number after them part of a name (value 1: only capitalized).
    ("leopard", NameBlock, 0, 0), ("challenger", NameBlock, 0, 0), ("shahed", NameBlock, 0, 0),
    ("geran", NameBlock, 0, 0), ("article", NameBlock, 0, 0), ("resolution", NameBlock, 0, 0),
    ("flight", NameBlock, 0, 0), ("route", NameBlock, 0, 0), ("highway", NameBlock, 0, 0),
    ("chapter", NameBlock, 0, 0), ("section", NameBlock, 0, 0), ("paragraph", NameBlock, 0, 0),
    ("page", NameBlock, 0, 0), ("protocol", NameBlock, 0, 0), ("stream", NameBlock, 1, 0),
    ("minsk", NameBlock, 1, 0), ("no", NameBlock, 0, STOP), ("number", NameBlock, 0, 0),
    ("phase", NameBlock, 1, 0), ("category", NameBlock, 1, 0), ("type", NameBlock, 1, 0),
    ("model", NameBlock, 1, 0), ("mark", NameBlock, 1, 0), ("mk", NameBlock, 0, 0),
    ("covid", NameBlock, 1, 0), ("apollo", NameBlock, 0, 0), ("soyuz", NameBlock, 0, 0),
    ("platform", NameBlock, 1, 0), ("gate", NameBlock, 1, 0), ("room", NameBlock, 1, 0),
    ("block", NameBlock, 1, 0), ("building", NameBlock, 1, 0), ("unit", NameBlock, 1, 0),
    ("level", NameBlock, 1, 0), ("g", NameBlock, 1, 0), ("group", NameBlock, 1, 0),
    ("brigade", NameBlock, 1, 0), ("regiment", NameBlock, 1, 0), ("battalion", NameBlock, 1, 0),
    ("division", NameBlock, 1, 0), ("corps", NameBlock, 1, 0), ("squadron", NameBlock, 1, 0),
    ("bus", NameBlock, 1, 0), ("line", NameBlock, 1, 0), ("house", NameBlock, 1, 0),
    ("version", NameBlock, 1, 0), ("vol", NameBlock, 0, 0), ("tel", NameBlock, 0, 0),
    ("phone", NameBlock, 0, 0), ("ext", NameBlock, 0, 0), ("iskander", NameBlock, 0, 0),
    ("boeing", NameBlock, 0, 0), ("airbus", NameBlock, 0, 0), ("tor", NameBlock, 0, 0),
    ("buk", NameBlock, 0, 0), ("grad", NameBlock, 0, 0), ("uragan", NameBlock, 0, 0),
    // Function words: they end a counted noun phrase; some are cues for times.
    ("a", None, 0, STOP | ART), ("an", None, 0, STOP | ART), ("half", None, 0, ART), ("the", None, 0, STOP),
    ("and", None, 0, STOP), ("or", None, 0, STOP), ("but", None, 0, STOP),
    ("of", None, 0, STOP | TPREP), ("in", None, 0, STOP | TPREP), ("on", None, 0, STOP),
    ("at", None, 0, STOP), ("to", None, 0, STOP | BOUND), ("by", None, 0, STOP | TPREP),
    ("from", None, 0, STOP | TPREP | OPEN), ("with", None, 0, STOP), ("for", None, 0, STOP),
    ("as", None, 0, STOP), ("into", None, 0, STOP), ("over", None, 0, STOP | BOUND),
    ("under", None, 0, STOP | BOUND), ("about", None, 0, STOP | BOUND),
    ("around", None, 0, STOP | BOUND), ("some", None, 0, STOP | BOUND),
    ("after", None, 0, STOP | TPREP), ("before", None, 0, STOP | TPREP),
    ("during", None, 0, STOP | TPREP), ("since", None, 0, STOP | TPREP | OPEN),
    ("until", None, 0, STOP | TPREP), ("till", None, 0, STOP | TPREP),
    ("through", None, 0, STOP | TPREP), ("throughout", None, 0, STOP | TPREP),
    ("between", None, 0, STOP | TPREP | OPEN), ("early", None, 0, TPREP), ("late", None, 0, TPREP),
    ("mid", None, 0, TPREP), ("last", None, 0, STOP | TPREP), ("next", None, 0, STOP | TPREP),
    ("this", None, 0, STOP | TPREP),
    ("least", None, 0, STOP | BOUND), ("nearly", None, 0, STOP | BOUND),
    ("almost", None, 0, STOP | BOUND), ("roughly", None, 0, STOP | BOUND),
    ("approximately", None, 0, STOP | BOUND), ("approx", None, 0, STOP | BOUND),
    ("estimated", None, 0, STOP | BOUND), ("many", None, 0, STOP | BOUND),
    ("exceeding", None, 0, STOP | BOUND), ("excess", None, 0, STOP | BOUND),
    ("upwards", None, 0, STOP | BOUND), ("below", None, 0, STOP | BOUND),
    ("fewer", None, 0, STOP | BOUND), ("less", None, 0, STOP | BOUND),
    ("that", None, 0, STOP), ("these", None, 0, STOP), ("those", None, 0, STOP),
    ("who", None, 0, STOP), ("which", None, 0, STOP), ("when", None, 0, STOP),
    ("where", None, 0, STOP), ("while", None, 0, STOP), ("were", None, 0, STOP),
    ("was", None, 0, STOP), ("are", None, 0, STOP), ("is", None, 0, STOP),
    ("be", None, 0, STOP), ("been", None, 0, STOP), ("being", None, 0, STOP),
    ("have", None, 0, STOP), ("has", None, 0, STOP), ("had", None, 0, STOP),
    ("do", None, 0, STOP), ("did", None, 0, STOP), ("not", None, 0, STOP),
    ("will", None, 0, STOP | FUTURE), ("shall", None, 0, STOP | FUTURE),
    ("would", None, 0, STOP), ("could", None, 0, STOP), ("can", None, 0, STOP),
    ("might", None, 0, STOP), ("must", None, 0, STOP), ("should", None, 0, STOP),
    ("said", None, 0, STOP), ("says", None, 0, STOP), ("according", None, 0, STOP),
    ("including", None, 0, STOP), ("among", None, 0, STOP), ("near", None, 0, STOP),
    ("per", None, 0, STOP), ("against", None, 0, STOP), ("across", None, 0, STOP),
    ("inside", None, 0, STOP), ("outside", None, 0, STOP), ("without", None, 0, STOP),
    ("within", None, 0, STOP), ("behind", None, 0, STOP), ("toward", None, 0, STOP),
    ("towards", None, 0, STOP), ("via", None, 0, STOP), ("amid", None, 0, STOP),
    ("because", None, 0, STOP), ("if", None, 0, STOP), ("than", None, 0, STOP | BOUND),
    ("each", None, 0, STOP), ("more", None, 0, STOP | BOUND),
    ("died", None, 0, STOP), ("die", None, 0, STOP), ("fled", None, 0, STOP),
    ("remain", None, 0, STOP), ("remained", None, 0, STOP), ("reportedly", None, 0, STOP),
    ("killed", None, 0, STOP | PARTIC), ("dead", None, 0, STOP | PARTIC),
    ("wounded", None, 0, STOP | PARTIC), ("injured", None, 0, STOP | PARTIC),
    ("missing", None, 0, STOP | PARTIC), ("hurt", None, 0, STOP | PARTIC),
    ("captured", None, 0, STOP | PARTIC), ("detained", None, 0, STOP | PARTIC),
    ("arrested", None, 0, STOP | PARTIC), ("displaced", None, 0, STOP | PARTIC),
    ("evacuated", None, 0, STOP | PARTIC), ("destroyed", None, 0, STOP | PARTIC),
    ("scheduled", None, 0, FUTURE), ("plans", None, 0, FUTURE), ("plan", None, 0, FUTURE),
    ("planned", None, 0, FUTURE), ("planning", None, 0, FUTURE),
    ("upcoming", None, 0, FUTURE), ("expected", None, 0, FUTURE), ("due", None, 0, FUTURE),
    ("set", None, 0, FUTURE), ("going", None, 0, FUTURE), ("ll", None, 0, FUTURE),
];

/// Open-addressing table size (a power of two, about four times the word count, so
/// probes are short).
const SLOTS: usize = 2048;

/// The table: packed key and entry per slot, key 0 for an empty slot.
fn table() -> &'static [(u128, Lex)] {
    static TABLE: OnceLock<Vec<(u128, Lex)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![(0u128, Lex::default()); SLOTS];
        for &(w, kind, val, flags) in WORDS {
            let Some(k) = pack(w.as_bytes()) else {
                continue;
            };
            let mut i = slot(k);
            while t[i].0 != 0 && t[i].0 != k {
                i = (i + 1) % SLOTS;
            }
            t[i] = (k, Lex { kind, val, flags });
        }
        t
    })
}

/// The home slot of a key: multiplicative hashing of its two halves.
fn slot(k: u128) -> usize {
    let h = ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SLOTS.trailing_zeros())) as usize
}

/// Packs a word of 1..=16 ASCII letters, lowercased, into an integer key.
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return Option::None;
    }
    let mut k: u128 = 0;
    for &b in word {
        if !b.is_ascii_alphabetic() {
            return Option::None;
        }
        k = (k << 8) | u128::from(b.to_ascii_lowercase());
    }
    Some(k)
}

/// The entry of a word (any case), or the default entry when it is not listed.
pub(crate) fn lookup(word: &[u8]) -> Lex {
    let Some(key) = pack(word) else {
        return Lex::default();
    };
    let t = table();
    let mut i = slot(key);
    loop {
        match t[i].0 {
            0 => return Lex::default(),
            k if k == key => return t[i].1,
            _ => i = (i + 1) % SLOTS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_any_case() {
        assert_eq!(lookup(b"January").kind, Month);
        assert_eq!(lookup(b"JANUARY").val, 1);
        assert_eq!(lookup(b"hundreds").kind, Vague);
        assert!(lookup(b"will").has(FUTURE));
        assert_eq!(lookup(b"zebra").kind, None);
        assert_eq!(lookup(b"caf\xc3\xa9").kind, None);
    }

    #[test]
    fn table_has_no_duplicates() {
        let mut keys: Vec<u128> = WORDS.iter().filter_map(|w| pack(w.0.as_bytes())).collect();
        assert_eq!(keys.len(), WORDS.len(), "every word packs");
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), WORDS.len(), "duplicate word in the table");
        assert!(WORDS.len() * 3 < SLOTS, "table too full for short probes");
    }
}
