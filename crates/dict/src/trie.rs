//! The token trie every dictionary matches with.
//!
//! Patterns are sequences of folded tokens; each distinct folded token gets a small id (the
//! vocabulary, [`crate::vocab::Vocab`]), and trie edges are `(node, token id) -> node` in
//! one hash map. Matching a sentence cuts it into sub-tokens ([`Prepared::cut`]: words, or
//! pieces of unsplit "F-16" and "Kyiv's", as byte offsets), folds and hashes each once into
//! per-thread buffers reused from sentence to sentence, looks each id up with that hash
//! (words in no pattern get no id and stop every walk at once), then walks the trie from
//! each start position. [`crate::Dictionaries::scan`] shares one cut and one hash per word
//! between the actor trie, the weapon trie and the gazetteer.
//!
//! Why a token trie rather than daachorse or aho-corasick over the joined lowercase text:
//! matches must start and end on token boundaries and capitalization is checked per token,
//! which a byte automaton would need post-filtering for; the token walk does both directly
//! and stays well under the 2 µs per sentence budget (see `benches/matching.rs`).

use crate::pattern::{fold, needs_split, possessive_stem, Case};
use crate::vocab::{fold_into, key_hash, Vocab};
use rustc_hash::FxHashMap;

/// Id of a word that occurs in no pattern.
const NONE: u32 = u32::MAX;

/// A trie over folded tokens; outputs are indexes into the owner's entry table.
#[derive(Debug, Default, Clone)]
pub(crate) struct TokenTrie {
    vocab: Vocab,
    edges: FxHashMap<(u32, u32), u32>,
    /// Per node: the entries ending there, in insertion order.
    outputs: Vec<Vec<u32>>,
    /// Per entry: the capitalization constraint of each of its tokens.
    cases: Vec<Box<[Case]>>,
}

/// One matching unit of a sentence: a word, or a piece of an unsplit word ("F", "-", "16"
/// of "F-16"; "Kyiv" and "'s" of "Kyiv's"), as byte offsets into the caller's word so the
/// buffers holding it can be reused across sentences.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sub {
    /// Index of the word it comes from.
    pub word: u32,
    /// Byte range inside that word.
    pub from: u32,
    pub to: u32,
    /// Does it start its word / may a match end after it?
    pub starts: bool,
    pub ends: bool,
}

impl Sub {
    /// The sub-token's text.
    #[inline]
    pub fn text<'w>(&self, words: &[&'w str]) -> &'w str {
        words[self.word as usize]
            .get(self.from as usize..self.to as usize)
            .unwrap_or("")
    }
}

/// Cuts the caller's words into sub-tokens (see [`Sub`]), appending to `out`: the cut of
/// [`split_word_into`], computed as byte offsets without a temporary list.
pub(crate) fn split_words(words: &[&str], out: &mut Vec<Sub>) {
    for (wi, &w) in words.iter().enumerate() {
        let word = wi as u32;
        if !needs_split(w) {
            out.push(Sub {
                word,
                from: 0,
                to: w.len() as u32,
                starts: true,
                ends: true,
            });
            continue;
        }
        let stem_len = possessive_stem(w).map_or(w.len(), str::len);
        let poss = stem_len < w.len();
        let first = out.len();
        let piece = |from: usize, to: usize, out: &mut Vec<Sub>| {
            out.push(Sub {
                word,
                from: from as u32,
                to: to as u32,
                starts: out.len() == first,
                ends: false,
            });
        };
        let stem = &w[..stem_len];
        if stem.len() <= 1 {
            piece(0, stem.len(), out);
        } else {
            let mut start = 0;
            for (i, c) in stem.char_indices() {
                if c == '-' || c == '\u{2011}' {
                    if i > start {
                        piece(start, i, out);
                    }
                    piece(i, i + c.len_utf8(), out);
                    start = i + c.len_utf8();
                }
            }
            if start < stem.len() {
                piece(start, stem.len(), out);
            }
        }
        if poss {
            piece(stem_len, w.len(), out);
        }
        // The last piece ends the word; the stem of an unsplit possessive ("Kyiv" of
        // "Kyiv's") may end a match too.
        let n = out.len();
        if n > first {
            out[n - 1].ends = true;
            if poss && n - first > 1 {
                out[n - 2].ends = true;
            }
        }
    }
}

/// A sentence prepared for matching against one trie: its sub-tokens and their token ids.
/// Reused across sentences (see [`TokenTrie::find`]).
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// The sub-tokens.
    pub subs: Vec<Sub>,
    /// The folded sub-tokens, concatenated.
    pub folded: Vec<u8>,
    /// Per sub-token: its folded key's range in `folded` and its [`key_hash`].
    pub keys: Vec<(u32, u32, u64)>,
    /// Token id per sub-token ([`NONE`] when unknown).
    ids: Vec<u32>,
}

impl Prepared {
    /// Cuts `words` into sub-tokens and folds and hashes each once.
    pub fn cut(&mut self, words: &[&str]) {
        self.subs.clear();
        split_words(words, &mut self.subs);
        self.folded.clear();
        self.keys.clear();
        for s in &self.subs {
            let from = self.folded.len();
            fold_into(s.text(words), &mut self.folded);
            let key = &self.folded[from..];
            self.keys
                .push((from as u32, self.folded.len() as u32, key_hash(key)));
        }
    }

    /// Number of sub-tokens.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The word span `start..end` (exclusive) covered by sub-tokens `s..e`.
    pub fn word_span(&self, s: usize, e: usize) -> (usize, usize) {
        (
            self.subs[s].word as usize,
            self.subs[e - 1].word as usize + 1,
        )
    }
}

thread_local! {
    /// Per-thread scratch for [`TokenTrie::find`]: matching allocates only its result.
    static SCRATCH: std::cell::RefCell<Prepared> = std::cell::RefCell::new(Prepared::default());
}

/// A match of one entry over sub-tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First sub-token.
    pub start: usize,
    /// One past the last sub-token.
    pub end: usize,
    /// The entry index.
    pub entry: u32,
}

impl TokenTrie {
    /// Adds a pattern (already split into tokens) for entry `entry`, which must be the
    /// number of entries added so far.
    pub fn insert(&mut self, tokens: &[&str], entry: u32) {
        let mut node = 0u32;
        if self.outputs.is_empty() {
            self.outputs.push(Vec::new());
        }
        for tok in tokens {
            let id = self.vocab.get_or_insert(fold(tok).as_bytes());
            let next_node = self.outputs.len() as u32;
            let child = *self.edges.entry((node, id)).or_insert(next_node);
            if child == next_node {
                self.outputs.push(Vec::new());
            }
            node = child;
        }
        self.outputs[node as usize].push(entry);
        debug_assert_eq!(self.cases.len(), entry as usize);
        self.cases
            .push(tokens.iter().map(|t| Case::of(t)).collect());
    }

    /// The entries whose folded pattern equals `tokens` (for collision checks).
    pub fn lookup(&self, tokens: &[&str]) -> &[u32] {
        let mut node = 0u32;
        for tok in tokens {
            let key = fold(tok);
            let Some(id) = self.vocab.get(key_hash(key.as_bytes()), key.as_bytes()) else {
                return &[];
            };
            match self.edges.get(&(node, id)) {
                Some(&n) => node = n,
                None => return &[],
            }
        }
        self.outputs
            .get(node as usize)
            .map_or(&[], |v| v.as_slice())
    }

    /// Looks up the token id of every sub-token already cut and folded into `p`.
    pub fn ids_into(&self, p: &mut Prepared) {
        p.ids.clear();
        let folded = &p.folded;
        p.ids.extend(p.keys.iter().map(|&(from, to, h)| {
            let key = folded.get(from as usize..to as usize).unwrap_or(&[]);
            self.vocab.get(h, key).unwrap_or(NONE)
        }));
    }

    /// Leftmost-longest matches over `words`, as word spans `(start, end, entry)`, using a
    /// per-thread scratch buffer.
    pub fn find(&self, words: &[&str]) -> Vec<(usize, usize, u32)> {
        let run = |p: &mut Prepared| {
            p.cut(words);
            self.hits(words, p)
        };
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut p) => run(&mut p),
            Err(_) => run(&mut Prepared::default()),
        })
    }

    /// Leftmost-longest matches as word spans, over a sentence already cut by
    /// [`Prepared::cut`] (so several dictionaries share one cut).
    pub fn hits(&self, words: &[&str], p: &mut Prepared) -> Vec<(usize, usize, u32)> {
        self.ids_into(p);
        self.scan(words, p, |_| true)
            .into_iter()
            .map(|h| {
                let (s, e) = p.word_span(h.start, h.end);
                (s, e, h.entry)
            })
            .collect()
    }

    /// The longest acceptable match starting at sub-token `start`: walks as deep as the
    /// text allows, then tries the deepest nodes first; an entry is acceptable when its
    /// capitalization holds and `accept` agrees. Matches start and end on word boundaries.
    pub fn longest_at(
        &self,
        words: &[&str],
        p: &Prepared,
        start: usize,
        mut accept: impl FnMut(u32) -> bool,
    ) -> Option<Hit> {
        if !p.subs[start].starts || p.ids[start] == NONE {
            return None;
        }
        // (end, node) of every node reached that has outputs; at most a handful.
        let mut reached: [(usize, u32); 16] = [(0, 0); 16];
        let mut nreached = 0;
        let mut node = 0u32;
        let mut j = start;
        while j < p.ids.len() {
            let id = p.ids[j];
            if id == NONE {
                break;
            }
            match self.edges.get(&(node, id)) {
                Some(&n) => node = n,
                None => break,
            }
            j += 1;
            if p.subs[j - 1].ends && !self.outputs[node as usize].is_empty() {
                if nreached == reached.len() {
                    reached.copy_within(1.., 0);
                    nreached -= 1;
                }
                reached[nreached] = (j, node);
                nreached += 1;
            }
        }
        for &(end, node) in reached[..nreached].iter().rev() {
            for &entry in &self.outputs[node as usize] {
                if self.case_holds(words, p, start, entry) && accept(entry) {
                    return Some(Hit { start, end, entry });
                }
            }
        }
        None
    }

    fn case_holds(&self, words: &[&str], p: &Prepared, start: usize, entry: u32) -> bool {
        let cases = &self.cases[entry as usize];
        cases
            .iter()
            .enumerate()
            .all(|(k, &c)| crate::pattern::case_ok(c, p.subs[start + k].text(words)))
    }

    /// Leftmost-longest scan of the whole sentence.
    pub fn scan(
        &self,
        words: &[&str],
        p: &Prepared,
        mut accept: impl FnMut(u32) -> bool,
    ) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(8);
        let mut i = 0;
        while i < p.len() {
            match self.longest_at(words, p, i, &mut accept) {
                Some(hit) => {
                    i = hit.end;
                    hits.push(hit);
                }
                None => i += 1,
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::split_phrase;

    fn trie(pats: &[&str]) -> TokenTrie {
        let mut t = TokenTrie::default();
        for (i, p) in pats.iter().enumerate() {
            t.insert(&split_phrase(p), i as u32);
        }
        t
    }

    #[test]
    fn leftmost_longest() {
        let t = trie(&["Russian", "Russian forces", "forces"]);
        let words = ["The", "Russian", "forces", "and", "forces"];
        let hits = t.find(&words);
        assert_eq!(hits, vec![(1, 3, 1), (4, 5, 2)]);
    }

    #[test]
    fn unsplit_words_are_cut_but_spans_stay_on_words() {
        let t = trie(&["U.S.", "F-16"]);
        let words = ["U.S.-made", "F-16", "jets", "U.S.\u{2019}s"];
        let hits: Vec<_> = t.find(&words).iter().map(|h| (h.0, h.1)).collect();
        // "U.S." matches only part of the word "U.S.-made": not a word-aligned match; the
        // stem of an unsplit possessive is.
        assert_eq!(hits, vec![(1, 2), (3, 4)]);
    }

    #[test]
    fn capitalization_is_checked() {
        let t = trie(&["US", "Turkey"]);
        let hits: Vec<_> = t
            .find(&["us", "turkey", "US", "Turkey"])
            .iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(hits, vec![2, 3]);
    }

    #[test]
    fn lookup_finds_equal_patterns() {
        let t = trie(&["Kyiv", "kyiv", "Kyiv Oblast"]);
        assert_eq!(t.lookup(&["KYIV"]), &[0, 1]);
        assert!(t.lookup(&["Lviv"]).is_empty());
    }
}
