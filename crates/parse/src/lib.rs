//! rung-parse: part-of-speech tagging, lemmatization and dependency parsing.
//!
//! Contract with the coder: a [`SyntaxModel`] analyses a sentence given as word forms and
//! fills an [`Analysis`]: one UPOS tag, lemma, head and relation per word.
#![deny(missing_docs)]

/// Universal part-of-speech tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
#[repr(u8)]
pub enum Upos {
    Adj, Adp, Adv, Aux, Cconj, Det, Intj, Noun, Num, Part, Pron, Propn, Punct, Sconj, Sym,
    Verb, X,
}
