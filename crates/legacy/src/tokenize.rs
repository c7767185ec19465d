//! A small word tokenizer for the validation suites, until sentences come from
//! rung-text.
//!
//! Splits on white space, peels punctuation off both ends of a word, keeps dots inside
//! abbreviations (`U.S.`) and splits the possessive `'s` off, which is what the legacy
//! dictionaries expect (`DAGOLATH'S` is matched as `DAGOLATH` + `'S`).

/// Splits a sentence into word forms.
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
    loop {
        let Some(c) = s.chars().last() else { break };
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
