//! rung-parse: part-of-speech tagging, lemmatization and dependency parsing.
//!
//! Contract with the coder: a [`SyntaxModel`] analyses a sentence given as word forms and
//! fills an [`Analysis`]: one UPOS tag, lemma, head and relation per word.
//!
//! Everything is rung's own and trained by rung on UD English EWT (`rung train syntax`):
//! a greedy averaged-perceptron tagger over joint UPOS+XPOS tags ([`tagger`](crate)), a
//! lemmatizer of suffix rules and exceptions, and a labelled arc-hybrid parser trained with
//! a dynamic oracle on jackknifed tags. The trained model ships inside the library
//! ([`SyntaxModel::builtin`]).
//!
//! ```
//! use rung_parse::{Analysis, SyntaxModel, Upos};
//! let model = SyntaxModel::builtin().unwrap();
//! let mut a = Analysis::default();
//! model.analyse(&["Rebels", "attacked", "the", "base", "."], &mut a);
//! assert_eq!(a.len(), 5);
//! assert_eq!(a.upos(1), Upos::Verb);
//! assert_eq!(a.lemma(1), "attack");
//! assert_eq!(a.head(0), Some(1));
//! assert_eq!(a.deprel(0), "nsubj");
//! assert_eq!(a.deprel(3), "obj");
//! ```
#![deny(missing_docs)]

mod binio;
pub mod conllu;
pub mod eval;
mod features;
mod lemma;
mod model;
mod parser;
mod perceptron;
mod tagger;

pub use model::{train, SyntaxModel, TrainOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Universal part-of-speech tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
#[repr(u8)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

const UPOS_NAMES: [(Upos, &str); 17] = [
    (Upos::Adj, "ADJ"),
    (Upos::Adp, "ADP"),
    (Upos::Adv, "ADV"),
    (Upos::Aux, "AUX"),
    (Upos::Cconj, "CCONJ"),
    (Upos::Det, "DET"),
    (Upos::Intj, "INTJ"),
    (Upos::Noun, "NOUN"),
    (Upos::Num, "NUM"),
    (Upos::Part, "PART"),
    (Upos::Pron, "PRON"),
    (Upos::Propn, "PROPN"),
    (Upos::Punct, "PUNCT"),
    (Upos::Sconj, "SCONJ"),
    (Upos::Sym, "SYM"),
    (Upos::Verb, "VERB"),
    (Upos::X, "X"),
];

impl Upos {
    /// The UD name (`NOUN`).
    pub fn as_str(self) -> &'static str {
        UPOS_NAMES[self as usize].1
    }

    /// Parses a UD name (`NOUN`); `None` for anything else.
    pub fn parse(s: &str) -> Option<Upos> {
        UPOS_NAMES.iter().find(|(_, n)| *n == s).map(|(u, _)| *u)
    }
}

/// A model file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read.
    #[error("cannot read model {path}: {source}")]
    Io {
        /// The model path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The bytes are not a model of this version, or are damaged.
    #[error("bad model: {0}")]
    Corrupt(String),
}

/// Training data that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// No training sentences.
    #[error("no training sentences")]
    Empty,
    /// A word the trainer cannot use (1-based sentence and word numbers; 0 = whole set).
    #[error("training sentence {sentence}, word {word}: {message}")]
    Data {
        /// Sentence number, 1-based.
        sentence: usize,
        /// Word number, 1-based.
        word: usize,
        /// What is wrong.
        message: String,
    },
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../model/en_ewt.rungsyn");
static BUILTIN: OnceLock<Result<SyntaxModel, String>> = OnceLock::new();

impl SyntaxModel {
    /// The model shipped with rung (trained on UD English EWT), parsed once on first use.
    ///
    /// # Errors
    /// [`ModelError::Corrupt`] if the embedded model is damaged (a build problem).
    pub fn builtin() -> Result<&'static SyntaxModel, ModelError> {
        BUILTIN
            .get_or_init(|| SyntaxModel::from_bytes(BUILTIN_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ModelError::Corrupt(e.clone()))
    }
}

/// Scratch buffers kept between sentences so analysis does not allocate per token.
#[derive(Default)]
struct Scratch {
    keys: Vec<features::TokenKeys>,
    lower: String,
    tag: tagger::TagScratch,
    words: Vec<u64>,
    parse: parser::Scratch,
}

/// The analysis of one sentence: per word a UPOS and XPOS tag, a lemma, a head and a relation.
///
/// Reuse one `Analysis` across sentences: [`SyntaxModel::analyse`] clears and refills it.
#[derive(Default)]
pub struct Analysis {
    upos: Vec<Upos>,
    tags: Vec<u8>,
    heads: Vec<u32>,
    /// Byte offsets in `text`: lemma `[0..1]`, xpos `[1..2]`, deprel `[2..3]`.
    spans: Vec<[u32; 4]>,
    text: String,
    scratch: Scratch,
}

impl Analysis {
    fn clear(&mut self) {
        self.upos.clear();
        self.tags.clear();
        self.heads.clear();
        self.spans.clear();
        self.text.clear();
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    /// Whether the sentence had no words.
    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// UPOS of word `i`.
    ///
    /// # Panics
    /// When `i >= self.len()`.
    pub fn upos(&self, i: usize) -> Upos {
        self.upos[i]
    }

    fn span(&self, i: usize, k: usize) -> &str {
        let s = &self.spans[i];
        &self.text[s[k] as usize..s[k + 1] as usize]
    }

    /// Lowercase lemma of word `i` ("be" for "was", "force" for "forces").
    ///
    /// # Panics
    /// When `i >= self.len()`.
    pub fn lemma(&self, i: usize) -> &str {
        self.span(i, 0)
    }

    /// Penn Treebank tag of word `i` (`VBD`, `VBN`, `NNS`, `MD`).
    ///
    /// # Panics
    /// When `i >= self.len()`.
    pub fn xpos(&self, i: usize) -> &str {
        self.span(i, 1)
    }

    /// Index of the head of word `i` (0-based), or `None` for the root.
    ///
    /// # Panics
    /// When `i >= self.len()`.
    pub fn head(&self, i: usize) -> Option<usize> {
        match self.heads[i] {
            0 => None,
            h => Some(h as usize - 1),
        }
    }

    /// Full relation of word `i` to its head (`nsubj:pass`, `obl:tmod`, `root`).
    ///
    /// # Panics
    /// When `i >= self.len()`.
    pub fn deprel(&self, i: usize) -> &str {
        self.span(i, 2)
    }

    /// The dependents of word `i`, in sentence order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let h = i as u32 + 1;
        self.heads
            .iter()
            .enumerate()
            .filter(move |&(_, &x)| x == h)
            .map(|(d, _)| d)
    }
}

/// Small deterministic generator (xorshift64*) for seeded shuffles.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
