//! An owned, reusable view of one analysed sentence: words, tags, lemmas, the dependency
//! tree, and what the dictionaries found in it.
//!
//! The coder's rules are written against this view rather than against rung-parse's
//! `Analysis` directly, so they can be unit-tested on hand-built trees and so that a
//! different parser only needs a [`Tree`] implementation. Buffers are reused from sentence
//! to sentence (`clear` keeps their capacity).

use rung_parse::Upos;

/// What the coder needs from a dependency parse.
pub trait Tree {
    /// Number of words.
    fn len(&self) -> usize;
    /// True when there are no words.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Part of speech of word `i`.
    fn upos(&self, i: usize) -> Upos;
    /// Penn tag of word `i` (empty when unknown).
    fn xpos(&self, i: usize) -> &str;
    /// Lemma of word `i`.
    fn lemma(&self, i: usize) -> &str;
    /// Head of word `i`; `None` for the root.
    fn head(&self, i: usize) -> Option<usize>;
    /// Dependency relation of word `i` ("nsubj:pass").
    fn deprel(&self, i: usize) -> &str;
}

impl Tree for rung_parse::Analysis {
    fn len(&self) -> usize {
        rung_parse::Analysis::len(self)
    }
    fn upos(&self, i: usize) -> Upos {
        rung_parse::Analysis::upos(self, i)
    }
    fn xpos(&self, i: usize) -> &str {
        rung_parse::Analysis::xpos(self, i)
    }
    fn lemma(&self, i: usize) -> &str {
        rung_parse::Analysis::lemma(self, i)
    }
    fn head(&self, i: usize) -> Option<usize> {
        rung_parse::Analysis::head(self, i)
    }
    fn deprel(&self, i: usize) -> &str {
        rung_parse::Analysis::deprel(self, i)
    }
}

/// Sentinel for "no head".
pub const NONE: usize = usize::MAX;

/// An actor found in the sentence, in word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Full code ("UKRMIL"), or the bare role ("MIL") for an agent without a country.
    pub code: String,
    /// Country or bloc prefix, `None` for a bare agent.
    pub country: Option<String>,
    /// Media outlet (never an event's actor on its own account, only an attribution).
    pub media: bool,
    /// A named person (what "he" or "she" can stand for).
    pub person: bool,
}

/// A weapon found in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeaponSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Canonical name ("HIMARS").
    pub name: String,
}

/// A place found in the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The place as written.
    pub text: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// True when the place is a country itself (then it is an actor, not a location).
    pub is_country: bool,
}

/// A time expression, in word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Resolved value.
    pub value: String,
    /// True when the expression itself carries a year ("November 2023").
    pub absolute: bool,
}

/// A count, in word indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Lower bound.
    pub min: u64,
    /// Upper bound.
    pub max: u64,
}

/// One sentence as the coder sees it.
#[derive(Debug, Default)]
pub struct SentView {
    /// Word forms as written.
    pub forms: Vec<String>,
    /// Lowercase forms.
    pub lower: Vec<String>,
    /// Lowercase lemmas.
    pub lemma: Vec<String>,
    /// Parts of speech.
    pub upos: Vec<Upos>,
    /// Penn tags.
    pub xpos: Vec<String>,
    /// Heads ([`NONE`] for the root).
    pub head: Vec<usize>,
    /// Relations.
    pub deprel: Vec<String>,
    kids_start: Vec<usize>,
    kids: Vec<usize>,
    /// Actors.
    pub actors: Vec<ActorSpan>,
    /// Weapons.
    pub weapons: Vec<WeaponSpan>,
    /// Places.
    pub places: Vec<PlaceSpan>,
    /// Time expressions.
    pub times: Vec<TimeSpan>,
    /// Counts.
    pub counts: Vec<CountSpan>,
    /// Byte span of each word in the document text.
    pub spans: Vec<[usize; 2]>,
    used: usize,
}

impl SentView {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.used
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Loads words and a parse, reusing buffers.
    pub fn load<T: Tree + ?Sized>(&mut self, forms: &[&str], spans: &[[usize; 2]], tree: &T) {
        let n = forms.len().min(tree.len());
        self.used = n;
        grow(&mut self.forms, n);
        grow(&mut self.lower, n);
        grow(&mut self.lemma, n);
        grow(&mut self.xpos, n);
        grow(&mut self.deprel, n);
        self.upos.clear();
        self.head.clear();
        self.spans.clear();
        #[allow(clippy::needless_range_loop)] // several parallel buffers indexed alike
        for i in 0..n {
            set(&mut self.forms[i], forms[i]);
            self.lower[i].clear();
            self.lower[i].extend(forms[i].chars().flat_map(char::to_lowercase));
            self.lemma[i].clear();
            self.lemma[i].extend(tree.lemma(i).chars().flat_map(char::to_lowercase));
            set(&mut self.xpos[i], tree.xpos(i));
            set(&mut self.deprel[i], tree.deprel(i));
            self.upos.push(tree.upos(i));
            self.head
                .push(tree.head(i).filter(|&h| h < n).unwrap_or(NONE));
            self.spans.push(spans.get(i).copied().unwrap_or([0, 0]));
        }
        self.actors.clear();
        self.weapons.clear();
        self.places.clear();
        self.times.clear();
        self.counts.clear();
        self.index_children();
    }

    /// Rebuilds the child index after heads were changed.
    pub fn reindex(&mut self) {
        self.index_children();
    }

    fn index_children(&mut self) {
        let n = self.used;
        self.kids_start.clear();
        self.kids_start.resize(n + 1, 0);
        for i in 0..n {
            if self.head[i] != NONE {
                self.kids_start[self.head[i] + 1] += 1;
            }
        }
        for i in 0..n {
            self.kids_start[i + 1] += self.kids_start[i];
        }
        self.kids.clear();
        self.kids.resize(self.kids_start[n], 0);
        let mut fill = self.kids_start.clone();
        for i in 0..n {
            let h = self.head[i];
            if h != NONE {
                self.kids[fill[h]] = i;
                fill[h] += 1;
            }
        }
    }

    /// Dependents of `i`, in sentence order.
    pub fn kids(&self, i: usize) -> &[usize] {
        if i >= self.used {
            return &[];
        }
        &self.kids[self.kids_start[i]..self.kids_start[i + 1]]
    }

    /// The relation without its subtype ("nsubj" for "nsubj:pass").
    pub fn rel(&self, i: usize) -> &str {
        let r = self.deprel[i].as_str();
        r.split(':').next().unwrap_or(r)
    }

    /// The full relation.
    pub fn full_rel(&self, i: usize) -> &str {
        &self.deprel[i]
    }

    /// Head of `i`, if any.
    pub fn parent(&self, i: usize) -> Option<usize> {
        self.head.get(i).copied().filter(|&h| h != NONE)
    }

    /// First child of `i` with relation `rel` (base relation compared when `rel` has no ':').
    pub fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i).iter().copied().find(|&k| self.rel_is(k, rel))
    }

    /// Whether `k`'s relation is `rel` (exact when `rel` has a subtype, base otherwise).
    pub fn rel_is(&self, k: usize, rel: &str) -> bool {
        if rel.contains(':') {
            self.deprel[k] == rel
        } else {
            self.rel(k) == rel
        }
    }

    /// The preposition (case/mark child lemma) introducing `i`, if any.
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&k| matches!(self.rel(k), "case" | "mark") && k < i)
            .map(|k| self.lemma[k].as_str())
    }

    /// Whether `a` is `b` or lies under it.
    pub fn dominates(&self, b: usize, mut a: usize) -> bool {
        let mut steps = 0;
        while a != NONE && steps <= self.used {
            if a == b {
                return true;
            }
            a = self.head[a];
            steps += 1;
        }
        false
    }

    /// The actor span covering word `i`.
    pub fn actor_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().find(|a| a.start <= i && i < a.end)
    }

    /// The weapon span covering word `i`.
    pub fn weapon_at(&self, i: usize) -> Option<&WeaponSpan> {
        self.weapons.iter().find(|a| a.start <= i && i < a.end)
    }

    /// The place span covering word `i`.
    pub fn place_at(&self, i: usize) -> Option<&PlaceSpan> {
        self.places.iter().find(|a| a.start <= i && i < a.end)
    }

    /// Words `[start, end)` joined with single spaces (no space before punctuation-like
    /// clitics).
    pub fn phrase(&self, start: usize, end: usize) -> String {
        let mut s = String::new();
        for i in start..end.min(self.used) {
            let f = &self.forms[i];
            if !(s.is_empty() || f.starts_with('\'') || f == "," || f == "." || f == "n't") {
                s.push(' ');
            }
            s.push_str(f);
        }
        s
    }
}

fn grow(v: &mut Vec<String>, n: usize) {
    if v.len() < n {
        v.resize_with(n, String::new);
    }
}

fn set(dst: &mut String, src: &str) {
    dst.clear();
    dst.push_str(src);
}

/// A hand-built tree for tests: `form/UPOS/lemma/head/deprel` per word, heads 1-based
/// (0 = root), as in CoNLL-U.
#[cfg(test)]
pub(crate) struct TestTree {
    pub(crate) rows: Vec<(String, Upos, String, Option<usize>, String)>,
}

#[cfg(test)]
impl TestTree {
    pub(crate) fn parse(s: &str) -> TestTree {
        let rows = s
            .split_whitespace()
            .map(|w| {
                let f: Vec<&str> = w.split('/').collect();
                let head: usize = f[3].parse().unwrap();
                (
                    f[0].to_string(),
                    Upos::parse(f[1]).unwrap(),
                    f[2].to_string(),
                    head.checked_sub(1),
                    f[4].to_string(),
                )
            })
            .collect();
        TestTree { rows }
    }
    pub(crate) fn forms(&self) -> Vec<&str> {
        self.rows.iter().map(|r| r.0.as_str()).collect()
    }

    /// A [`SentView`] of a tree written as `form/UPOS/lemma/head/deprel` words.
    pub(crate) fn view(s: &str) -> SentView {
        let t = TestTree::parse(s);
        let mut v = SentView::default();
        v.load(&t.forms(), &vec![[0, 0]; t.rows.len()], &t);
        v
    }
}

#[cfg(test)]
impl Tree for TestTree {
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn upos(&self, i: usize) -> Upos {
        self.rows[i].1
    }
    fn xpos(&self, _i: usize) -> &str {
        ""
    }
    fn lemma(&self, i: usize) -> &str {
        &self.rows[i].2
    }
    fn head(&self, i: usize) -> Option<usize> {
        self.rows[i].3
    }
    fn deprel(&self, i: usize) -> &str {
        &self.rows[i].4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_indexed() {
        let t = TestTree::parse(
            "Russia/PROPN/Russia/2/nsubj attacked/VERB/attack/0/root Ukraine/PROPN/Ukraine/2/obj",
        );
        let mut v = SentView::default();
        let spans = vec![[0, 0]; 3];
        v.load(&t.forms(), &spans, &t);
        assert_eq!(v.kids(1), &[0, 2]);
        assert_eq!(v.child(1, "obj"), Some(2));
        assert!(v.dominates(1, 2));
        assert_eq!(v.lemma[0], "russia");
    }
}
