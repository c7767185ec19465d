//! Words for the legacy coder.
//!
//! [`words`] is the default: rung-text's tokenizer (UD EWT conventions, so rung-parse
//! sees what it was trained on), with hyphenated words put back together because the
//! legacy dictionaries spell them whole (`BARAD-DUR`, `STATE-OWNED`). [`tokenize`] is a
//! small standalone splitter (white space, edge punctuation, `'s`, `n't`) kept for
//! comparison and for callers without rung-text.

/// Splits a sentence into words with rung-text, rejoining `a-b` written without spaces.
/// `_` (TABARI's multi-word marker in texts) separates words.
pub fn words(text: &str) -> Vec<String> {
    let text = text.replace('_', " ");
    let toks = rung_text::tokenize(&text);
    let mut out: Vec<String> = Vec::with_capacity(toks.len());
    let mut last_end = usize::MAX;
    let mut glue_next = false;
    for t in &toks {
        let form = t.form(&text);
        let touching = t.start as usize == last_end;
        if touching && (form == "-" || glue_next) && !out.is_empty() {
            if let Some(prev) = out.last_mut() {
                prev.push_str(form);
            }
            glue_next = form == "-";
        } else {
            out.push(form.to_string());
            glue_next = false;
        }
        last_end = t.end as usize;
    }
    out
}

/// Splits a sentence into word forms without rung-text.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // TABARI texts write multi-word names with `_` ("Dol_Amroth"): they are words.
    for chunk in text
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|c| !c.is_empty())
    {
        split_chunk(chunk, &mut out);
    }
    out
}

fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '('
            | ')'
            | '['
            | ']'
            | '`'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2018}'
            | '\u{2019}'
    )
}

fn split_chunk(chunk: &str, out: &mut Vec<String>) {
    let mut s = chunk;
    while let Some(c) = s.chars().next().filter(|&c| is_edge_punct(c) || c == '\'') {
        out.push(c.to_string());
        s = &s[c.len_utf8()..];
    }
    let mut tail = Vec::new();
    while let Some(c) = s.chars().last() {
        if is_edge_punct(c) || (c == '\'' && !s.ends_with("s'") && !s.ends_with("S'")) {
            tail.push(c.to_string());
            s = &s[..s.len() - c.len_utf8()];
        } else if c == '.' && !is_abbreviation(s) {
            tail.push(".".to_string());
            s = &s[..s.len() - 1];
        } else {
            break;
        }
    }
    if !s.is_empty() {
        let lower = s.to_lowercase();
        if lower.ends_with("'s") && s.len() > 2 {
            out.push(s[..s.len() - 2].to_string());
            out.push(s[s.len() - 2..].to_string());
        } else if lower.ends_with("n't") && s.len() > 3 {
            out.push(s[..s.len() - 3].to_string());
            out.push(s[s.len() - 3..].to_string());
        } else {
            out.push(s.to_string());
        }
    }
    out.extend(tail.into_iter().rev());
}

/// `U.S.`, `Gen.`-style single capital letter and dotted initials keep their dot.
fn is_abbreviation(word: &str) -> bool {
    let body = &word[..word.len() - 1];
    !body.is_empty()
        && (body.contains('.') || (body.len() == 1 && body.chars().all(|c| c.is_ascii_uppercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_hyphenated_names() {
        assert_eq!(
            words("Barad-dur's state-run radio_station said."),
            [
                "Barad-dur",
                "'s",
                "state-run",
                "radio",
                "station",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn splits_news_words() {
        assert_eq!(
            tokenize("Dagolath's envoy, the U.S. said (on Monday)."),
            [
                "Dagolath", "'s", "envoy", ",", "the", "U.S.", "said", "(", "on", "Monday", ")",
                "."
            ]
        );
        assert_eq!(tokenize("Arnor didn't go"), ["Arnor", "did", "n't", "go"]);
        assert_eq!(
            tokenize("\"Gondor,\" he said."),
            ["\"", "Gondor", ",", "\"", "he", "said", "."]
        );
    }
}
