//! Reading and writing CoNLL-U (<https://universaldependencies.org/format.html>).
//!
//! A [`Sentence`] keeps what rung needs to write a file back in a shape the CoNLL 2018
//! evaluation script accepts: comment lines, the syntactic words, and multiword-token lines
//! (`3-4 don't ...`) at their place. Empty nodes (`8.1`) belong to the enhanced graph only and
//! are dropped on reading: the basic tree, which rung predicts and the script scores, never
//! refers to them.

use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence (ten columns, `ID` implied by position).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    /// Word form.
    pub form: String,
    /// Lemma (`_` when unknown).
    pub lemma: String,
    /// Universal part-of-speech tag as written (`NOUN`).
    pub upos: String,
    /// Language-specific tag (PTB tags in EWT).
    pub xpos: String,
    /// Morphological features.
    pub feats: String,
    /// Head: 0 for the root, else the 1-based id of the head word.
    pub head: usize,
    /// Dependency relation, full label (`nsubj:pass`).
    pub deprel: String,
    /// Enhanced dependencies.
    pub deps: String,
    /// Anything else.
    pub misc: String,
}

/// A multiword token line: words `first..=last` (1-based) are written as one surface token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// First word id covered.
    pub first: usize,
    /// Last word id covered.
    pub last: usize,
    /// The whole line as read, written back unchanged.
    pub line: String,
}

/// A sentence: comments, words and multiword tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines, verbatim (including the leading `#`).
    pub comments: Vec<String>,
    /// The syntactic words, in order (word `i` has CoNLL-U id `i + 1`).
    pub words: Vec<Word>,
    /// Multiword-token lines.
    pub multiword: Vec<MultiwordToken>,
}

/// A CoNLL-U syntax error, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number in the input.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Sentence {
    /// The word forms, borrowed.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// Writes the sentence in CoNLL-U, followed by the blank line that ends it.
    pub fn write_to(&self, out: &mut String) {
        for c in &self.comments {
            out.push_str(c);
            out.push('\n');
        }
        let mut mw = self.multiword.iter().peekable();
        for (i, w) in self.words.iter().enumerate() {
            let id = i + 1;
            while let Some(m) = mw.next_if(|m| m.first <= id) {
                out.push_str(&m.line);
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                or_blank(&w.form),
                or_blank(&w.lemma),
                or_blank(&w.upos),
                or_blank(&w.xpos),
                or_blank(&w.feats),
                w.head,
                or_blank(&w.deprel),
                or_blank(&w.deps),
                or_blank(&w.misc)
            );
        }
        out.push('\n');
    }
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Parses a whole CoNLL-U document.
///
/// # Errors
/// A [`ConlluError`] naming the first malformed line (wrong column count, bad id or head).
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = a
                .parse()
                .map_err(|_| err(line_no, format!("bad range id {id:?}")))?;
            let last = b
                .parse()
                .map_err(|_| err(line_no, format!("bad range id {id:?}")))?;
            cur.multiword.push(MultiwordToken {
                first,
                last,
                line: line.to_string(),
            });
            continue;
        }
        let id: usize = id
            .parse()
            .map_err(|_| err(line_no, format!("bad word id {id:?}")))?;
        if id != cur.words.len() + 1 {
            return Err(err(line_no, format!("word id {id} out of sequence")));
        }
        let head = match cols[6] {
            "_" => 0,
            h => h
                .parse()
                .map_err(|_| err(line_no, format!("bad head {h:?}")))?,
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() || !cur.comments.is_empty() {
        out.push(cur);
    }
    for (i, s) in out.iter().enumerate() {
        if let Some(w) = s.words.iter().find(|w| w.head > s.words.len()) {
            return Err(err(
                0,
                format!("sentence {}: head {} beyond sentence end", i + 1, w.head),
            ));
        }
    }
    Ok(out.into_iter().filter(|s| !s.words.is_empty()).collect())
}

fn err(line: usize, message: String) -> ConlluError {
    ConlluError { line, message }
}

/// Writes sentences as a CoNLL-U document.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        s.write_to(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# sent_id = a-1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n";

    #[test]
    fn round_trip_keeps_comments_and_multiword_lines() {
        let s = parse(DOC).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].words[3].lemma, "know");
        assert_eq!(s[0].words[3].head, 0);
        assert_eq!(s[0].multiword.len(), 1);
        assert_eq!(write(&s), DOC);
    }

    #[test]
    fn empty_nodes_are_dropped_and_errors_name_the_line() {
        let doc = "1\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\t_\n1.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n\n";
        assert_eq!(parse(doc).unwrap()[0].words.len(), 1);
        let e = parse("# c\n1\tgo\tgo\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(parse("1\tgo\tgo\tVERB\tVB\t_\t7\troot\t_\t_\n").is_err());
    }
}
