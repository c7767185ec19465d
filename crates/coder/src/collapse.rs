//! Names parsed as one word. "Turkish Foreign Minister Hakan Fidan hosted ..." is a run of
//! capitalized words the parser (trained on web text, where such runs are rare) often
//! gets wrong, taking "Turkish" for the root or "hosted" for a participle inside the name.
//! The dictionary already knows the run is one actor, so the parser is given only its head
//! word ("Fidan hosted ...") and the other words are hung on that head afterwards
//! ([`Expanded`]), with the relations a treebank would give them.

use crate::view::Tree;
use rung_parse::{Analysis, Upos};

/// A word folded into a name: its head (full index), relation, tags and lemma.
#[derive(Debug, Clone)]
struct Fold {
    head: usize,
    rel: &'static str,
    upos: Upos,
    xpos: &'static str,
    lemma: String,
}

/// Which words of a sentence are parsed and how the others hang on them.
#[derive(Debug, Default)]
pub struct Collapse {
    /// Per word: its index among the parsed words, or `None` when folded into a name.
    parsed: Vec<Option<usize>>,
    /// Per parsed word: its index in the sentence.
    kept: Vec<usize>,
    folds: Vec<Option<Fold>>,
    /// Parsed index and tag of each name's head: a proper noun, whatever the tagger would
    /// make of it alone ("Xi Jinping visited": "Jinping" is no gerund).
    pub heads: Vec<(usize, &'static str)>,
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A national adjective ("Russian", "Turkish", "Chinese", "French", "Israeli").
fn demonym_like(w: &str) -> bool {
    let l = w.to_lowercase();
    capitalized(w)
        && ["ian", "ish", "ese", "ean", "an", "ch", "i"]
            .iter()
            .any(|s| l.ends_with(s))
}

impl Collapse {
    /// Plans the folding of every multiword actor mention with at least two capitalized
    /// words. Returns whether any word is folded.
    pub fn plan(&mut self, forms: &[&str], actors: &[rung_dict::ActorMention]) -> bool {
        let n = forms.len();
        self.folds.clear();
        self.folds.resize(n, None);
        self.heads.clear();
        let mut head_words = Vec::new();
        for a in actors {
            if a.end > n || a.end - a.start < 2 {
                continue;
            }
            let words = &forms[a.start..a.end];
            if words.iter().filter(|w| capitalized(w)).count() < 2 {
                continue;
            }
            if (a.start..a.end).any(|k| self.folds[k].is_some()) {
                continue;
            }
            // "Military Forces of Russia": the head is before "of"; else the last word.
            let of = (a.start + 1..a.end - 1).find(|&k| forms[k] == "of");
            let head = of.map_or(a.end - 1, |o| o - 1);
            let last = a.end - 1;
            if capitalized(forms[head]) {
                let w = forms[head];
                let plural = w.ends_with('s') && !["ss", "us", "is"].iter().any(|x| w.ends_with(x));
                head_words.push((head, if plural { "NNPS" } else { "NNP" }));
            }
            for k in a.start..a.end {
                if k == head {
                    continue;
                }
                let w = forms[k];
                let fold = |head, rel, upos, xpos| Fold {
                    head,
                    rel,
                    upos,
                    xpos,
                    lemma: w.to_lowercase(),
                };
                let after_of = of.is_some_and(|o| k > o);
                self.folds[k] = Some(match w {
                    "the" | "The" | "a" | "an" => fold(head, "det", Upos::Det, "DT"),
                    "'s" | "'" if k > a.start => fold(k - 1, "case", Upos::Part, "POS"),
                    "of" => fold(last, "case", Upos::Adp, "IN"),
                    _ if after_of && k == last => fold(head, "nmod", Upos::Propn, "NNP"),
                    _ if after_of => fold(last, "compound", Upos::Propn, "NNP"),
                    _ if forms.get(k + 1).is_some_and(|n| matches!(*n, "'s" | "'")) => {
                        fold(head, "nmod:poss", Upos::Propn, "NNP")
                    }
                    _ if k == a.start && demonym_like(w) => fold(head, "amod", Upos::Adj, "JJ"),
                    _ if capitalized(w) => fold(head, "compound", Upos::Propn, "NNP"),
                    _ => fold(head, "compound", Upos::Noun, "NN"),
                });
            }
        }
        self.parsed.clear();
        self.kept.clear();
        for k in 0..n {
            if self.folds[k].is_some() {
                self.parsed.push(None);
            } else {
                self.parsed.push(Some(self.kept.len()));
                self.kept.push(k);
            }
        }
        for (h, tag) in head_words {
            if let Some(j) = self.parsed_index(h) {
                self.heads.push((j, tag));
            }
        }
        self.kept.len() < n
    }

    /// The words the parser is given.
    pub fn parsed_forms<'a>(&self, forms: &[&'a str], out: &mut Vec<&'a str>) {
        out.clear();
        out.extend(self.kept.iter().map(|&k| forms[k]));
    }

    /// The parsed index of word `k`, if it was parsed.
    pub fn parsed_index(&self, k: usize) -> Option<usize> {
        self.parsed.get(k).copied().flatten()
    }

    /// The parse of the kept words read back over every word.
    pub fn expand<'a>(&'a self, a: &'a Analysis) -> Expanded<'a> {
        Expanded { c: self, a }
    }
}

/// A parse of the collapsed sentence seen as a parse of the whole sentence.
pub struct Expanded<'a> {
    c: &'a Collapse,
    a: &'a Analysis,
}

impl Tree for Expanded<'_> {
    fn len(&self) -> usize {
        self.c.parsed.len()
    }
    fn upos(&self, i: usize) -> Upos {
        match (self.c.parsed_index(i), &self.c.folds[i]) {
            (Some(j), _) => self.a.upos(j),
            (None, Some(f)) => f.upos,
            (None, None) => Upos::X,
        }
    }
    fn xpos(&self, i: usize) -> &str {
        match (self.c.parsed_index(i), &self.c.folds[i]) {
            (Some(j), _) => self.a.xpos(j),
            (None, Some(f)) => f.xpos,
            (None, None) => "",
        }
    }
    fn lemma(&self, i: usize) -> &str {
        match (self.c.parsed_index(i), &self.c.folds[i]) {
            (Some(j), _) => self.a.lemma(j),
            (None, Some(f)) => &f.lemma,
            (None, None) => "",
        }
    }
    fn head(&self, i: usize) -> Option<usize> {
        match (self.c.parsed_index(i), &self.c.folds[i]) {
            (Some(j), _) => self.a.head(j).and_then(|h| self.c.kept.get(h).copied()),
            (None, Some(f)) => Some(f.head),
            (None, None) => None,
        }
    }
    fn deprel(&self, i: usize) -> &str {
        match (self.c.parsed_index(i), &self.c.folds[i]) {
            (Some(j), _) => self.a.deprel(j),
            (None, Some(f)) => f.rel,
            (None, None) => "dep",
        }
    }
}
