//! Scoring predicted sentences against gold ones on gold words (same tokenization), as the
//! CoNLL 2018 shared task scored UPOS, UAS and LAS: every word counts, punctuation too; LAS
//! compares the universal part of the label (before `:`), "full LAS" the whole label.
//! Lemmas are compared case-insensitively, because rung's lemmas are lowercase while EWT
//! keeps the case of proper-noun lemmas.

use crate::conllu::Sentence;
use std::fmt;

/// Accuracy counts over words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct lemma (case-insensitive).
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
    /// Correct head and full relation (`nsubj:pass`, `obl:tmod`).
    pub las_full: usize,
}

impl Scores {
    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
    /// UPOS accuracy in percent.
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }
    /// XPOS accuracy in percent.
    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }
    /// Lemma accuracy in percent.
    pub fn lemma_pct(&self) -> f64 {
        self.pct(self.lemma)
    }
    /// Unlabelled attachment score in percent.
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }
    /// Labelled attachment score (universal relation) in percent.
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
    /// Labelled attachment score (full relation) in percent.
    pub fn las_full_pct(&self) -> f64 {
        self.pct(self.las_full)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "words {} UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2} LAS(full) {:.2}",
            self.words,
            self.upos_pct(),
            self.xpos_pct(),
            self.lemma_pct(),
            self.uas_pct(),
            self.las_pct(),
            self.las_full_pct()
        )
    }
}

fn universal(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

/// Scores `pred` against `gold`, sentence by sentence and word by word.
///
/// # Errors
/// A message naming the first sentence whose word count differs (tokenization must match).
pub fn score(gold: &[Sentence], pred: &[Sentence]) -> Result<Scores, String> {
    if gold.len() != pred.len() {
        return Err(format!(
            "{} gold sentences but {} predicted",
            gold.len(),
            pred.len()
        ));
    }
    let mut s = Scores::default();
    for (i, (g, p)) in gold.iter().zip(pred).enumerate() {
        if g.words.len() != p.words.len() {
            return Err(format!(
                "sentence {}: {} gold words, {} predicted",
                i + 1,
                g.words.len(),
                p.words.len()
            ));
        }
        for (gw, pw) in g.words.iter().zip(&p.words) {
            s.words += 1;
            s.upos += usize::from(gw.upos == pw.upos);
            s.xpos += usize::from(gw.xpos == pw.xpos);
            s.lemma += usize::from(gw.lemma.to_lowercase() == pw.lemma.to_lowercase());
            if gw.head == pw.head {
                s.uas += 1;
                s.las += usize::from(universal(&gw.deprel) == universal(&pw.deprel));
                s.las_full += usize::from(gw.deprel == pw.deprel);
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse;

    #[test]
    fn universal_and_full_las_differ() {
        let g = parse("1\tHe\the\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n\n").unwrap();
        let p = parse(
            "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\twent\tgo\tNOUN\tVBD\t_\t1\troot\t_\t_\n\n",
        )
        .unwrap();
        let s = score(&g, &p).unwrap();
        assert_eq!((s.words, s.upos, s.uas, s.las, s.las_full), (2, 1, 1, 1, 0));
        assert!(score(&g, &[]).is_err());
    }
}
