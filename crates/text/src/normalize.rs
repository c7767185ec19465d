//! Text normalization with a byte-offset map back to the original.
//!
//! The parser downstream was trained on UD English EWT, which writes straight quotes,
//! ASCII hyphens and single spaces. News text arrives with curly quotes, en/em dashes,
//! non-breaking spaces, soft hyphens and zero-width characters. [`normalize`] rewrites
//! those and keeps an [`OffsetMap`] so every token can still point at the original bytes.
//!
//! Line structure is kept because it carries meaning for the splitter: a single `\n`
//! separates lines (headline, byline, bullet), a blank line (`\n\n`) separates
//! paragraphs. Spaces around line breaks are dropped; runs of blank lines become one.
//!
//! NFC is applied only when the text is not already NFC (a quick check passes for almost
//! all news text, so the common path costs one scan). Composition never crosses an ASCII
//! character (ASCII is never the second half of a composition pair), so the text is
//! composed in independent segments that each start at an ASCII character; inside a
//! segment that changed, every output character maps to the segment start.

use crate::OffsetMap;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What a character becomes before whitespace handling.
enum Class {
    /// Emit this character.
    Char(char),
    /// Horizontal whitespace.
    Space,
    /// A line break.
    Newline,
    /// A paragraph break (U+2029).
    Paragraph,
    /// Drop it (zero-width, soft hyphen, BOM, control).
    Drop,
}

fn classify(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => Class::Newline,
        '\u{2029}' => Class::Paragraph,
        ' '
        | '\t'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Class::Space,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => Class::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' => {
            Class::Char('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => {
            Class::Char('"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Class::Char('-')
        }
        c if c.is_control() => Class::Drop,
        c => Class::Char(c),
    }
}

/// Builds the output and its anchors, one character at a time.
struct Writer {
    out: String,
    anchors: Vec<(usize, usize)>,
    /// `original - normalized` offset difference since the last anchor.
    delta: isize,
    /// Pending whitespace: (original offset of its first char, newline count).
    pending_space: Option<usize>,
    pending_newlines: (usize, usize),
}

impl Writer {
    fn new(capacity: usize) -> Self {
        Writer {
            out: String::with_capacity(capacity),
            anchors: Vec::new(),
            delta: 0,
            pending_space: None,
            pending_newlines: (0, 0),
        }
    }

    fn push_raw(&mut self, c: char, orig: usize) {
        let d = orig as isize - self.out.len() as isize;
        if d != self.delta {
            self.anchors.push((self.out.len(), orig));
            self.delta = d;
        }
        self.out.push(c);
    }

    fn feed(&mut self, c: char, orig: usize) {
        match classify(c) {
            Class::Char(c) => {
                self.flush_space();
                self.push_raw(c, orig);
            }
            Class::Space => {
                if self.pending_space.is_none() {
                    self.pending_space = Some(orig);
                }
            }
            Class::Newline | Class::Paragraph => {
                let add = if matches!(classify(c), Class::Paragraph) {
                    2
                } else {
                    1
                };
                let (first, n) = self.pending_newlines;
                self.pending_newlines = if n == 0 {
                    (orig, add)
                } else {
                    (first, n + add)
                };
                self.pending_space = None;
            }
            Class::Drop => {}
        }
    }

    fn flush_space(&mut self) {
        let (first, n) = self.pending_newlines;
        if n > 0 {
            if !self.out.is_empty() {
                self.push_raw('\n', first);
                if n > 1 {
                    self.push_raw('\n', first);
                }
            }
            self.pending_newlines = (0, 0);
            self.pending_space = None;
        } else if let Some(o) = self.pending_space.take() {
            if !self.out.is_empty() {
                self.push_raw(' ', o);
            }
        }
    }

    fn finish(mut self, original_len: usize) -> (String, OffsetMap) {
        if original_len as isize - self.out.len() as isize != self.delta {
            self.anchors.push((self.out.len(), original_len));
        }
        (
            self.out,
            OffsetMap {
                anchors: self.anchors,
            },
        )
    }
}

/// Normalizes `original` for the pipeline and returns the text with its offset map.
///
/// Curly quotes become `'` and `"`, guillemets `"`; hyphen, figure, en, em and minus
/// dashes become `-`; runs of spaces (including no-break and thin spaces) within a line
/// become one space; `\r\n`, `\r` and other line separators become `\n`; two or more line
/// breaks (blank lines, possibly holding spaces) become exactly `\n\n`; spaces at line
/// ends and at the start and end of the text are dropped; zero-width characters, soft
/// hyphens, BOMs and control characters are removed; the result is NFC.
///
/// # Example
/// ```
/// let (text, map) = rung_text::normalize("\u{201C}Hi\u{201D} \u{2014}  she said");
/// assert_eq!(text, "\"Hi\" - she said");
/// assert_eq!(map.to_original(5), 9); // the dash, after two 3-byte quotes
/// ```
pub fn normalize(original: &str) -> (String, OffsetMap) {
    let mut w = Writer::new(original.len());
    let nfc = is_nfc_quick(original.chars()) == IsNormalized::Yes;
    let bytes = original.as_bytes();
    let mut prev_cr = false;
    let mut feed = |w: &mut Writer, c: char, o: usize| {
        // "\r\n" counts as one line break.
        if c == '\n' && prev_cr {
            prev_cr = false;
            return;
        }
        prev_cr = c == '\r';
        w.feed(c, o);
    };
    if nfc {
        for (o, c) in original.char_indices() {
            feed(&mut w, c, o);
        }
    } else {
        let mut start = 0;
        while start < bytes.len() {
            // A segment: one char, then every following non-ASCII char.
            let first_len = original[start..].chars().next().map_or(1, char::len_utf8);
            let mut end = start + first_len;
            while end < bytes.len() && !bytes[end].is_ascii() {
                end += 1;
            }
            let seg = &original[start..end];
            let composed: String = seg.nfc().collect();
            if composed == seg {
                for (o, c) in seg.char_indices() {
                    feed(&mut w, c, start + o);
                }
            } else {
                for c in composed.chars() {
                    feed(&mut w, c, start);
                }
            }
            start = end;
        }
    }
    w.finish(original.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(original: &str) {
        let (text, map) = normalize(original);
        let mut last = 0;
        for (n, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let o = map.to_original(n);
            assert!(o <= original.len(), "{original:?}: {n} -> {o} out of range");
            assert!(
                original.is_char_boundary(o),
                "{original:?}: {n} -> {o} not a boundary"
            );
            assert!(o >= last, "{original:?}: map not monotonic at {n}");
            last = o;
        }
        // Every unchanged ASCII letter maps to the same letter.
        for (n, c) in text.char_indices() {
            if c.is_ascii_alphanumeric() {
                let o = map.to_original(n);
                assert_eq!(original.as_bytes()[o] as char, c, "{original:?} at {n}");
            }
        }
    }

    #[test]
    fn quotes_dashes_spaces() {
        let (t, _) = normalize("  \u{2018}No,\u{2019} he\u{00A0}said \u{2013} twice\u{2026}  ");
        assert_eq!(t, "'No,' he said - twice\u{2026}");
    }

    #[test]
    fn lines_and_paragraphs() {
        let (t, _) =
            normalize("Title  \r\n\r\n \t \r\nBy Jane\rFirst line.\n\n\n\nSecond.\u{2029}Third");
        assert_eq!(t, "Title\n\nBy Jane\nFirst line.\n\nSecond.\n\nThird");
    }

    #[test]
    fn drops_invisible() {
        let (t, map) = normalize("\u{FEFF}co\u{AD}op\u{200B}erate");
        assert_eq!(t, "cooperate");
        assert_eq!(map.to_original(0), 3);
        assert_eq!(map.to_original(2), 7);
        assert_eq!(map.to_original(4), 12);
    }

    #[test]
    fn nfc_composes_and_maps() {
        let (t, map) = normalize("Zelenskyy cafe\u{301} x \u{2014} y");
        assert_eq!(t, "Zelenskyy caf\u{e9} x - y");
        let dash = t.find('-').unwrap_or(0);
        assert_eq!(
            &"Zelenskyy cafe\u{301} x \u{2014} y"[map.to_original(dash)..][..3],
            "\u{2014}"
        );
        check_map("Zelenskyy cafe\u{301} x \u{2014} y");
    }

    #[test]
    fn map_properties_on_many_inputs() {
        let pieces = [
            "a",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\u{2014}",
            "\u{201C}",
            "\u{A0}",
            "\u{200B}",
            "e\u{301}",
            "\u{e9}",
            "Kyiv",
            ".",
            "\t",
            "\u{FEFF}",
            "\u{2029}",
            "\u{1F600}",
            "x\u{AD}",
        ];
        // Deterministic pseudo-random concatenations.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            check_map(&s);
        }
    }
}
