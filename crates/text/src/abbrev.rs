//! Abbreviations that keep their period, as data.
//!
//! Three classes, because they behave differently at a possible sentence end:
//! - [`Abbrev::Title`]: titles, months and reference words ("Gen.", "Jan.", "No.") are
//!   followed by a name or number and practically never end a sentence;
//! - [`Abbrev::Final`]: words that end sentences often ("U.S.", "Inc.", "p.m.", "etc.");
//!   a sentence ends after them only when the next word is a typical sentence opener;
//! - initials ("F.", "J.R.R.") and dotted acronyms are recognised by shape, not listed,
//!   and behave like [`Abbrev::Final`].

/// How an abbreviation behaves before a possible sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Never ends a sentence.
    Title,
    /// May end a sentence; ends one only before a typical sentence opener.
    Final,
}

/// Abbreviations (without their final period) that never end a sentence. Case matters:
/// "Gen." is a title, "gen." is not a word news uses.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Apr", "Atty", "Aug", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Cpt", "Dec",
    "Det", "Dr", "Drs", "Feb", "Fig", "Fr", "Fri", "Ft", "Gen", "Gens", "Gov", "Hon", "Insp",
    "Jan", "Jul", "Jun", "Lt", "Maj", "Mar", "Messrs", "Mon", "Mr", "Mrs", "Ms", "Msgr", "Mt",
    "No", "Nos", "Nov", "Oct", "Op", "Pfc", "Pres", "Prof", "Pte", "Pvt", "Ref", "Rep", "Reps",
    "Rev", "Sat", "Sen", "Sens", "Sep", "Sept", "Sgt", "Spc", "Supt", "Thu", "Thur", "Thurs",
    "Tue", "Tues", "Vol", "Wed", "approx", "cf", "e.g", "i.e", "vs",
];

/// Abbreviations that may end a sentence.
const FINALS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Del",
    "Dept", "Est", "Fla", "Ga", "Ill", "Inc", "Jr", "Kan", "Ky", "La", "Ltd", "Mass", "Md", "Mich",
    "Minn", "Neb", "Nev", "Okla", "Ore", "Pa", "Rd", "Sq", "Sr", "St", "Tenn", "Tex", "Univ", "Va",
    "Wash", "Wis", "Wyo", "a.m", "al", "approx", "ca", "etc", "p.m",
];

/// Words that typically open a sentence: after an [`Abbrev::Final`] abbreviation or an
/// initial, a sentence ends only when one of these follows (lowercased comparison).
const OPENERS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "no",
    "now",
    "officials",
    "on",
    "one",
    "other",
    "our",
    "several",
    "she",
    "since",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "two",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "while",
    "with",
    "yet",
    "you",
    "your",
];

/// The class of `word` (the text before a period, without it), if it is an abbreviation.
pub(crate) fn lookup(word: &str) -> Option<Abbrev> {
    // Listed abbreviations are short; longer words can only be dotted initialisms.
    if word.len() > 6 && !word.contains('.') {
        return None;
    }
    // Lowercase entries all start with one of these; other lowercase words ("said",
    // "week") end most sentences and are rejected without a search.
    if word
        .as_bytes()
        .first()
        .is_some_and(|c| c.is_ascii_lowercase() && !b"aceipv".contains(c))
    {
        return None;
    }
    let key = pack(word);
    if key.is_some_and(|k| keys().0.binary_search(&k).is_ok()) {
        Some(Abbrev::Title)
    } else if key.is_some_and(|k| keys().1.binary_search(&k).is_ok()) || is_initialism(word) {
        Some(Abbrev::Final)
    } else {
        None
    }
}

/// A word of at most 7 bytes packed into an integer (length in the top byte), so the
/// lookup on every sentence-final word is integer compares, not string compares
/// (measured: string binary search cost ~20% of split+tokenize time).
fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut k = (b.len() as u64) << 56;
    for (i, &c) in b.iter().enumerate() {
        k |= u64::from(c) << (8 * i);
    }
    Some(k)
}

/// Sorted packed keys of [`TITLES`] and [`FINALS`].
fn keys() -> &'static (Vec<u64>, Vec<u64>) {
    static KEYS: std::sync::OnceLock<(Vec<u64>, Vec<u64>)> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let build = |list: &[&str]| {
            let mut v: Vec<u64> = list.iter().filter_map(|w| pack(w)).collect();
            v.sort_unstable();
            v
        };
        (build(TITLES), build(FINALS))
    })
}

/// A single letter ("F") or letters separated by periods ("U.S", "J.R.R", "a.m").
pub(crate) fn is_initialism(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_alphabetic() {
        return false;
    }
    let rest = chars.as_str();
    if rest.is_empty() {
        return first.is_uppercase();
    }
    // Alternating letter, '.', letter, ... (each piece one or two letters: "Ph.D").
    word.split('.').all(|p| {
        let n = p.chars().count();
        (1..=2).contains(&n) && p.chars().all(char::is_alphabetic)
    }) && word.contains('.')
}

/// Whether `word` typically opens a sentence.
pub(crate) fn is_opener(word: &str) -> bool {
    if word.len() > 12 {
        return false;
    }
    let mut buf = [0u8; 12];
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    OPENERS.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_abbreviation_packs() {
        for w in TITLES.iter().chain(FINALS) {
            assert!(pack(w).is_some(), "{w} is longer than 7 bytes");
        }
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [TITLES, FINALS, OPENERS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn classes() {
        assert_eq!(lookup("Gen"), Some(Abbrev::Title));
        assert_eq!(lookup("U.S"), Some(Abbrev::Final));
        assert_eq!(lookup("F"), Some(Abbrev::Final));
        assert_eq!(lookup("J.R.R"), Some(Abbrev::Final));
        assert_eq!(lookup("Ph.D"), Some(Abbrev::Final));
        assert_eq!(lookup("army"), None);
        assert_eq!(lookup("f"), None);
        assert_eq!(lookup("1.5"), None);
        assert!(is_opener("The"));
        assert!(!is_opener("President"));
    }
}
