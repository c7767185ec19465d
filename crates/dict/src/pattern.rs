//! Patterns: how dictionary phrases are cut into tokens, folded into lookup keys and
//! checked for capitalization.
//!
//! Dictionary files write phrases naturally ("Donetsk People's Republic", "U.S.-made",
//! "Su-25"); [`split_phrase`] cuts them the way rung's tokenizer cuts running text (UD EWT
//! style): hyphens are tokens of their own, a possessive `'s` is split off, periods inside
//! abbreviations stay ("U.S." is one token). Text words that arrive unsplit ("F-16",
//! "Kyiv's") are cut the same way by the matcher, so a tokenizer that keeps "F-16" whole
//! still matches.
//!
//! Lookup keys are case-folded (lowercase, typographic apostrophes and dashes made plain,
//! common Latin diacritics removed: "Erdoğan" finds "Erdogan"). Capitalization is then
//! checked per token by [`case_ok`]: a pattern token written with a capital needs a
//! capital in the text ("Turkey" is not "turkey"), an acronym of two or three letters needs
//! all capitals ("US" is not "us"), a longer acronym accepts title case ("Nato").

/// Cuts a dictionary phrase into tokens (see the module documentation).
pub fn split_phrase(phrase: &str) -> Vec<&str> {
    let mut out = Vec::new();
    split_phrase_into(phrase, &mut out);
    out
}

/// [`split_phrase`] into a reused buffer (appending).
pub(crate) fn split_phrase_into<'a>(phrase: &'a str, out: &mut Vec<&'a str>) {
    for chunk in phrase.split_whitespace() {
        // a comma inside a phrase ("Washington, D.C.") is a token of its own.
        match chunk.strip_suffix(',') {
            Some(stem) if !stem.is_empty() => {
                split_word_into(stem, out);
                out.push(",");
            }
            _ => split_word_into(chunk, out),
        }
    }
}

/// True when a text word must be cut further before matching (an unsplit hyphenated word
/// or possessive).
#[inline]
pub(crate) fn needs_split(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 2 {
        return false;
    }
    // one pass over the bytes: a hyphen, or the lead byte of U+2011 (checked in full only
    // then); a possessive ends in s or S.
    let last = b[b.len() - 1];
    ((last == b's' || last == b'S') && possessive_stem(word).is_some())
        || (b.iter().any(|&c| c == b'-' || c == 0xE2)
            && (b.contains(&b'-') || word.contains('\u{2011}')))
}

/// Cuts one word at hyphens (kept as tokens) and a trailing possessive `'s`.
pub(crate) fn split_word_into<'a>(word: &'a str, out: &mut Vec<&'a str>) {
    let (stem, poss) = match possessive_stem(word) {
        Some(stem) => (stem, Some(&word[stem.len()..])),
        None => (word, None),
    };
    if stem.len() <= 1 {
        out.push(stem);
    } else {
        let mut start = 0;
        for (i, c) in stem.char_indices() {
            if c == '-' || c == '\u{2011}' {
                if i > start {
                    out.push(&stem[start..i]);
                }
                out.push(&stem[i..i + c.len_utf8()]);
                start = i + c.len_utf8();
            }
        }
        if start < stem.len() {
            out.push(&stem[start..]);
        }
    }
    if let Some(p) = poss {
        out.push(p);
    }
}

/// The stem of a possessive word ("Kyiv's" -> "Kyiv"), if it is one.
pub(crate) fn possessive_stem(word: &str) -> Option<&str> {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some(stem);
            }
        }
    }
    None
}

/// Folds a token into its lookup key: lowercase, plain apostrophes and hyphens, common
/// Latin diacritics removed.
pub fn fold(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => out.push('-'),
            c if c.is_ascii() => out.push(c),
            c => {
                for l in c.to_lowercase() {
                    out.push(strip_diacritic(l));
                }
            }
        }
    }
    out
}

/// Maps a lowercase Latin letter with a diacritic to its base letter.
fn strip_diacritic(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// How a pattern token constrains the capitalization of the text token it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Written in lowercase (or without letters): any capitalization matches.
    Any,
    /// Starts with a capital: the text token must too.
    Capital,
    /// A short all-capital acronym ("US", "EU", "SBU"): the text must be all capitals.
    Upper,
    /// A longer acronym ("NATO", "HIMARS"): all capitals or title case ("Nato").
    UpperOrTitle,
}

impl Case {
    /// The constraint a pattern token imposes.
    pub(crate) fn of(token: &str) -> Case {
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        let first_upper = token
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        if !first_upper {
            return Case::Any;
        }
        let all_upper = token
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if all_upper && letters >= 2 {
            if letters >= 4 && !token.contains('.') {
                Case::UpperOrTitle
            } else {
                Case::Upper
            }
        } else {
            Case::Capital
        }
    }
}

/// Does a text token satisfy the capitalization a pattern token demands?
#[inline]
pub(crate) fn case_ok(case: Case, text: &str) -> bool {
    match case {
        Case::Any => true,
        Case::Capital => first_letter_upper(text),
        Case::Upper => all_letters_upper(text),
        Case::UpperOrTitle => first_letter_upper(text),
    }
}

pub(crate) fn first_letter_upper(text: &str) -> bool {
    // most words start with an ASCII letter: decide on the first byte
    if let Some(&b) = text.as_bytes().first() {
        if b.is_ascii_alphabetic() {
            return b.is_ascii_uppercase();
        }
    }
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

fn all_letters_upper(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_the_tokenizer() {
        assert_eq!(split_phrase("U.S.-made"), vec!["U.S.", "-", "made"]);
        assert_eq!(
            split_phrase("Donetsk People's Republic"),
            vec!["Donetsk", "People", "'s", "Republic"]
        );
        assert_eq!(split_phrase("Su-25"), vec!["Su", "-", "25"]);
        assert_eq!(
            split_phrase("long-range missiles"),
            vec!["long", "-", "range", "missiles"]
        );
        assert_eq!(split_phrase("Kyiv\u{2019}s"), vec!["Kyiv", "\u{2019}s"]);
        assert_eq!(split_phrase("-"), vec!["-"]);
    }

    #[test]
    fn folds_case_apostrophes_and_diacritics() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("KRAKÓW"), "krakow");
        assert_eq!(fold("\u{2019}s"), "'s");
    }

    #[test]
    fn capitalization_rules() {
        assert!(case_ok(Case::of("Turkey"), "Turkey"));
        assert!(!case_ok(Case::of("Turkey"), "turkey"));
        assert!(case_ok(Case::of("Turkey"), "TURKEY"));
        assert!(!case_ok(Case::of("US"), "us"));
        assert!(!case_ok(Case::of("US"), "Us"));
        assert!(case_ok(Case::of("NATO"), "Nato"));
        assert!(case_ok(Case::of("troops"), "Troops"));
        assert!(case_ok(Case::of("U.S."), "U.S."));
        assert!(!case_ok(Case::of("U.S."), "u.s."));
    }
}
