//! Tokenization following UD English EWT conventions.
//!
//! The parser is trained on EWT, so tokens must look like EWT's: clitics split off
//! ("do" "n't", "ca" "n't", "Russia" "'s"), punctuation split off words, abbreviations
//! keep their period ("Gen.", "U.S."), numbers keep their commas, decimals and colons
//! ("17,000", "1.5", "09:46"), a number glued to a unit is split ("155" "mm", "5" "pm")
//! but ordinals and decades stay ("3rd", "1970s"), hyphenated compounds split at the
//! hyphen ("long" "-" "range") except after the prefixes EWT keeps ("non-", "pre-",
//! "anti-", ...), between digits ("2023-01-09", "713-853-3989") and in model
//! designations ("F-16", "Su-25"). URLs and e-mail addresses are one token; "..." is one
//! token. `cannot`, `gonna`, `gotta`, `wanna` split as EWT does ("can" "not").
//!
//! Tokens are byte ranges of the input, so no token allocates. The scanner works on
//! bytes with an ASCII fast path and decodes a `char` only for non-ASCII input.

use crate::abbrev;
use crate::Token;

/// Hyphen prefixes EWT keeps attached ("non-commercial", "e-mail", "co-workers").
const PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "micro", "mid", "mis", "multi",
    "neo", "non", "over", "post", "pre", "pro", "re", "semi", "socio", "sub", "un", "vice",
    "psycho", "ultra",
];

/// Suffixes that stay on a number ("3rd", "1970s").
const NUMBER_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "s", "ish"];

/// Clitics split off after an apostrophe.
const CLITICS: &[&str] = &["s", "re", "ll", "ve", "m", "d"];

/// Tokenizes all of `text`.
///
/// # Example
/// ```
/// let text = "U.S.-made rockets can't reach $820 million.";
/// let forms: Vec<&str> = rung_text::tokenize(text).iter().map(|t| t.form(text)).collect();
/// assert_eq!(forms, ["U.S.", "-", "made", "rockets", "ca", "n't", "reach", "$", "820", "million", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_range(text, 0, text.len(), &mut out);
    out
}

/// Tokenizes `text[start..end]`, appending tokens with offsets into `text`.
pub(crate) fn tokenize_range(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = start;
    while i < end {
        let c = b[i];
        if c == b' ' || c == b'\n' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if c >= 0x80 {
            let (ch, len) = char_at(text, i);
            if ch.is_whitespace() {
                i += len;
                continue;
            }
        }
        let mut j = i;
        while j < end {
            let c = b[j];
            if c == b' ' || c == b'\n' || c == b'\t' || c == b'\r' {
                break;
            }
            if c >= 0x80 {
                let (ch, len) = char_at(text, j);
                if ch.is_whitespace() {
                    break;
                }
                j += len;
            } else {
                j += 1;
            }
        }
        chunk(text, i, j, out);
        i = j;
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) => (c, c.len_utf8()),
        None => ('\u{FFFD}', 1),
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)))
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

fn push(out: &mut Vec<Token>, s: usize, e: usize) {
    if e > s {
        out.push(Token {
            start: s as u32,
            end: e as u32,
        });
    }
}

/// One whitespace-free chunk.
fn chunk(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    if let Some((cs, ce)) = url_core(text, s, e) {
        pieces(text, s, cs, out);
        push(out, cs, ce);
        pieces(text, ce, e, out);
    } else {
        pieces(text, s, e, out);
    }
}

/// The span of a URL or e-mail address inside the chunk, without surrounding punctuation.
fn url_core(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut cs = s;
    while cs < e && matches!(b[cs], b'(' | b'"' | b'\'' | b'<' | b'[' | b'{') {
        cs += 1;
    }
    let mut ce = e;
    while ce > cs
        && matches!(
            b[ce - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' | b'\'' | b'>' | b']' | b'}'
        )
    {
        ce -= 1;
    }
    let core = &text[cs..ce];
    // Cheap rejection: URLs start with h/w/f, e-mail addresses hold '@'.
    if !matches!(
        core.as_bytes().first(),
        Some(b'h' | b'H' | b'w' | b'W' | b'f' | b'F')
    ) && memchr::memchr(b'@', core.as_bytes()).is_none()
    {
        return None;
    }
    let lower_starts = |p: &str| {
        core.len() > p.len() && core.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("ftp://")
        || lower_starts("www.")
    {
        return Some((cs, ce));
    }
    if let Some(at) = core.find('@') {
        let (user, host) = (&core[..at], &core[at + 1..]);
        let dot = host.find('.');
        if !user.is_empty()
            && dot.is_some_and(|d| d > 0 && d + 1 < host.len())
            && user
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"._%+-".contains(&c))
            && host
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
        {
            return Some((cs, ce));
        }
    }
    None
}

/// Tokenizes a chunk without URLs: words, numbers and punctuation.
fn pieces(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = s;
    while i < e {
        let (c, len) = char_at(text, i);
        if is_word_char(c) {
            i = word(text, i, e, out);
            continue;
        }
        let run = |i: usize, f: fn(u8, u8) -> bool, x: u8| {
            let mut j = i;
            while j < e && f(b[j], x) {
                j += 1;
            }
            j
        };
        if let Some(n) = emoticon(&b[i..e]) {
            push(out, i, i + n);
            i += n;
            continue;
        }
        let j = match c {
            '!' | '?' => run(i, |y, _| y == b'!' || y == b'?', 0),
            // Runs of one symbol are one token ("...", "--", "***", "===", "$$$").
            '.' | '-' | '*' | '=' | '_' | '~' | '#' | '$' | '+' | '/' | '\\' | '|' | '<' | '>'
            | '^' => run(i, |y, x| y == x, c as u8),
            _ => i + len,
        };
        push(out, i, j);
        i = j;
    }
}

/// Emoticons EWT keeps whole.
fn emoticon(b: &[u8]) -> Option<usize> {
    const FACES: &[&[u8]] = &[
        b":-)", b":-(", b";-)", b":-D", b":-P", b":)", b":(", b";)", b":D", b":P",
    ];
    let f = FACES.iter().find(|f| b.starts_with(f))?;
    // ":D" must not eat the start of a word (":Doha").
    (b.len() == f.len() || !b[f.len()].is_ascii_alphanumeric()).then_some(f.len())
}

/// Scans a word from `s` (a word character), emits its tokens, returns where it ends.
fn word(text: &str, s: usize, e: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut q = s;
    let mut prev = '\0';
    // Plain ASCII words (the vast majority) skip the splitting rules below.
    let mut plain = true;
    while q < e {
        let x = b[q];
        if x.is_ascii_alphanumeric() || x == b'_' {
            prev = x as char;
            q += 1;
            continue;
        }
        let (c, len) = char_at(text, q);
        if !c.is_ascii() && is_word_char(c) {
            plain = false;
            prev = c;
            q += len;
            continue;
        }
        if matches!(
            c,
            '.' | ',' | ':' | '\'' | '-' | '/' | '&' | '@' | '\u{2019}'
        ) && q + len < e
        {
            let (n, _) = char_at(text, q + len);
            let ok = is_word_char(n)
                && match c {
                    ',' | ':' => prev.is_ascii_digit() && n.is_ascii_digit(),
                    _ => true,
                };
            if ok {
                plain = false;
                prev = c;
                q += len;
                continue;
            }
        }
        break;
    }
    let first = out.len();
    if plain && !b[s].is_ascii_digit() && !matches!(q - s, 5 | 6) {
        push(out, s, q);
    } else {
        split_word(text, s, q, out);
    }
    // A following period belongs to an abbreviation ("Gen.", "U.S."), not to an ellipsis.
    let dots = b[q..e].iter().take_while(|&&c| c == b'.').count();
    let n = out.len();
    if (dots == 1 || dots == 2) && n > first {
        let last = &mut out[n - 1];
        let w = &text[last.start as usize..last.end as usize];
        // An abbreviation closing a line also closes a sentence, and EWT then splits the
        // full stop off ("in the U.S" "."); the splitter does the same mid-paragraph.
        if abbrev::lookup(w).is_some() && !(dots == 1 && line_ends_after(b, q + 1)) {
            last.end += 1;
            q += 1;
        }
    }
    q
}

/// Whether only closing quotes or brackets and spaces follow `i` before a line break.
fn line_ends_after(b: &[u8], i: usize) -> bool {
    b[i..]
        .iter()
        .take_while(|&&c| c != b'\n')
        .all(|c| matches!(c, b'"' | b'\'' | b')' | b' '))
}

/// Splits a scanned word at hyphens, slashes, clitics and number-unit joins.
fn split_word(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    let w = &text[s..e];
    if let Some(split) = fixed_split(w) {
        push(out, s, s + split);
        push(out, s + split, e);
        return;
    }
    let b = text.as_bytes();
    let mut piece = s;
    let mut i = s;
    while i < e {
        let c = b[i];
        if (c == b'-' || c == b'/') && i > piece && !keep_joined(text, piece, i, e, c) {
            clitics(text, piece, i, out);
            push(out, i, i + 1);
            piece = i + 1;
        }
        i += 1;
    }
    clitics(text, piece, e, out);
}

/// Whole words EWT splits in two: the byte where the second part starts.
fn fixed_split(w: &str) -> Option<usize> {
    ["cannot", "gonna", "gotta", "wanna"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
        .then_some(3)
}

/// Whether the hyphen or slash at `i` stays inside the token.
fn keep_joined(text: &str, piece: usize, i: usize, e: usize, sep: u8) -> bool {
    let b = text.as_bytes();
    let left_digit = b[i - 1].is_ascii_digit();
    let right_digit = i + 1 < e && b[i + 1].is_ascii_digit();
    if left_digit && right_digit {
        return true;
    }
    if sep == b'/' {
        // "b/c", "w/o", "A/C": single letters on both sides.
        let single = |k: usize| k < b.len() && b[k].is_ascii_alphabetic();
        return i == piece + 1 && single(i + 1) && !(i + 2 < e && b[i + 2].is_ascii_alphanumeric());
    }
    let left = &text[piece..i];
    if PREFIXES.iter().any(|p| left.eq_ignore_ascii_case(p)) {
        return true;
    }
    // Model designations: "F-16", "Su-25", "MiG-29", "COVID-19".
    right_digit
        && left.len() <= 5
        && left.as_bytes()[0].is_ascii_uppercase()
        && left.bytes().all(|c| c.is_ascii_alphabetic())
}

/// Emits `text[s..e]` with clitics and number units split off.
fn clitics(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    let w = &text[s..e];
    let n = w.len();
    for nt in ["n't", "n\u{2019}t"] {
        let k = nt.len();
        if n > k && w.is_char_boundary(n - k) && w[n - k..].eq_ignore_ascii_case(nt) {
            push(out, s, e - k);
            push(out, e - k, e);
            return;
        }
    }
    if let Some(ap) = w.rfind(['\'', '\u{2019}']) {
        let alen = if w.as_bytes()[ap] == b'\'' { 1 } else { 3 };
        let suffix = &w[ap + alen..];
        if ap > 0 && CLITICS.iter().any(|c| suffix.eq_ignore_ascii_case(c)) {
            push(out, s, s + ap);
            push(out, s + ap, e);
            return;
        }
    }
    if let Some(k) = unit_split(w) {
        push(out, s, s + k);
        push(out, s + k, e);
        return;
    }
    push(out, s, e);
}

/// "155mm" -> Some(3); "3rd", "1970s", "M777", "F16" -> None.
fn unit_split(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let k = b
        .iter()
        .position(|c| !(c.is_ascii_digit() || matches!(c, b'.' | b',' | b':')))?;
    let suffix = &w[k..];
    if !suffix.bytes().all(|c| c.is_ascii_alphabetic()) || !b[k - 1].is_ascii_digit() {
        return None;
    }
    if NUMBER_SUFFIXES
        .iter()
        .any(|x| suffix.eq_ignore_ascii_case(x))
    {
        return None;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.form(text)).collect()
    }

    #[test]
    fn clitics_and_negation() {
        assert_eq!(
            forms("I can't, won't, don't."),
            ["I", "ca", "n't", ",", "wo", "n't", ",", "do", "n't", "."]
        );
        assert_eq!(
            forms("Russia's army's gonna"),
            ["Russia", "'s", "army", "'s", "gon", "na"]
        );
        assert_eq!(
            forms("They're sure we'll see; I'm, you'd"),
            ["They", "'re", "sure", "we", "'ll", "see", ";", "I", "'m", ",", "you", "'d"]
        );
        assert_eq!(
            forms("soldiers' O'Brien cannot"),
            ["soldiers", "'", "O'Brien", "can", "not"]
        );
    }

    #[test]
    fn numbers_units_money() {
        assert_eq!(
            forms("$820 million, 17,000 troops, 1.5%"),
            ["$", "820", "million", ",", "17,000", "troops", ",", "1.5", "%"]
        );
        assert_eq!(
            forms("155mm shells 300 km at 09:46 on 2023-01-09"),
            [
                "155",
                "mm",
                "shells",
                "300",
                "km",
                "at",
                "09:46",
                "on",
                "2023-01-09"
            ]
        );
        assert_eq!(
            forms("the 3rd in the 1990s, 5pm"),
            ["the", "3rd", "in", "the", "1990s", ",", "5", "pm"]
        );
    }

    #[test]
    fn hyphens_and_abbreviations() {
        assert_eq!(
            forms("U.S.-made long-range F-16 non-lethal"),
            [
                "U.S.",
                "-",
                "made",
                "long",
                "-",
                "range",
                "F-16",
                "non-lethal"
            ]
        );
        assert_eq!(
            forms("Gen. Smith and Lt. Col. Jones (ret.) said"),
            ["Gen.", "Smith", "and", "Lt.", "Col.", "Jones", "(", "ret", ".", ")", "said"]
        );
        assert_eq!(
            forms("John F. Kennedy, J.R.R. Tolkien, 9 a.m."),
            ["John", "F.", "Kennedy", ",", "J.R.R.", "Tolkien", ",", "9", "a.m", "."]
        );
        assert_eq!(forms("at 9 a.m. Monday"), ["at", "9", "a.m.", "Monday"]);
        assert_eq!(forms("in the U.S.\" He"), ["in", "the", "U.S.", "\"", "He"]);
    }

    #[test]
    fn urls_ellipsis_quotes() {
        assert_eq!(
            forms("(see https://example.org/a?b=1)."),
            ["(", "see", "https://example.org/a?b=1", ")", "."]
        );
        assert_eq!(
            forms("mail press@example.com... \"Wait!?\""),
            ["mail", "press@example.com", "...", "\"", "Wait", "!?", "\""]
        );
        assert_eq!(forms("and/or 1/2"), ["and", "/", "or", "1/2"]);
    }
}
