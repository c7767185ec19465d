//! rung-text: from raw articles to sentences of tokens.
//!
//! The first stages of rung's pipeline: read documents (plain text, HTML, JSON Lines,
//! RSS/Atom, directories, stdin), normalize them while keeping a byte-offset map back to
//! the original, find the document date, split sentences and tokenize them the way UD
//! English EWT does, so the parser sees what it was trained on.
//!
//! The contract with the crates downstream is the set of types below: [`Document`],
//! [`Metadata`], [`DocDate`], [`Sentence`] and [`Token`]. Offsets are byte offsets into
//! [`Document::text`] (the normalized text); [`OffsetMap`] maps them back to
//! [`Document::original`].
//!
//! | stage | entry point | module |
//! | --- | --- | --- |
//! | read | [`read_inputs`] (lazy iterator of `Result<Document, ReadError>`) | `read/` |
//! | normalize | [`normalize`] (called by [`Document::new`]) | `normalize.rs` |
//! | date | [`document_date`], [`parse_date_arg`] | `docdate.rs` |
//! | split + tokenize | [`Segmenter::segment`] | `split.rs`, `split_meta.rs`, `tokenize.rs`, `abbrev.rs` |
//!
//! # Example
//! ```
//! use rung_text::{document_date, sentence_text, Document, Metadata, Segmenter, SentenceKind};
//!
//! let raw = "Drones Hit Port\nBy Jane Doe\n\nODESA, Ukraine (AP) \u{2014} Drones hit the port \
//!            on Jan. 9. \u{201C}We can\u{2019}t rest,\u{201D} Gov. Ivan Bondar said.";
//! let doc = Document::new("example", raw, Metadata::default());
//! let sentences = Segmenter::new().segment(&doc.text);
//! let kinds: Vec<SentenceKind> = sentences.iter().map(|s| s.kind).collect();
//! use SentenceKind::*;
//! assert_eq!(kinds, [Heading, Meta, Meta, Body, Body]);
//! assert_eq!(sentence_text(&doc.text, &sentences[3]), "Drones hit the port on Jan. 9.");
//! let forms: Vec<&str> = sentences[4].tokens.iter().map(|t| t.form(&doc.text)).collect();
//! assert_eq!(forms, ["\"", "We", "ca", "n't", "rest", ",", "\"", "Gov.", "Ivan", "Bondar", "said", "."]);
//! // Offsets map back to the original text.
//! let we = sentences[4].tokens[1];
//! assert_eq!(&raw[doc.map.to_original(we.start as usize)..][..2], "We");
//! // The dateline has no year, and none is invented.
//! assert_eq!(document_date(&doc).map(|d| d.year), None);
//! ```
//!
//! # Decisions
//! - **Unknown extensions** are sniffed: feed or HTML markup, JSON Lines, else plain text
//!   if the bytes are UTF-8 text; binary-looking files are refused with an error naming
//!   the offending byte. News dumps come with every suffix, so refusing text would only
//!   force renaming.
//! - **Errors are items**: the reader yields `Err` for a bad file or record and goes on;
//!   empty files, binary files, invalid UTF-8 (file and byte offset), broken JSON lines
//!   (file and line) and unreadable paths all produce one. `lossy` reading replaces
//!   invalid UTF-8 and records a warning in [`Document::warnings`].
//! - **Titles go first**: for HTML pages and feed items the title is put on the first line
//!   of the text (the splitter marks it [`SentenceKind::Heading`]), since headlines carry
//!   events; it is also in [`Metadata::title`]. A JSON Lines `title` stays in metadata
//!   only: the record's `text` is taken as the whole article, as its producer wrote it.
//! - **Line structure is kept** by normalization (`\n` line, `\n\n` paragraph) because
//!   headlines, bylines, bullets and debris are recognised as whole lines.
//! - **Datelines** ("KYIV, Ukraine (AP) -") are a [`SentenceKind::Meta`] piece of their own,
//!   so the first body sentence starts at its subject.
//! - **Sentence-final abbreviations** are split as EWT does: "in the U.S." closing a
//!   sentence gives tokens "U.S" and ".", while "U.S." inside a sentence stays whole.
//! - **Document dates** never come from deep in the body and never get an invented year.
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

mod abbrev;
mod docdate;
mod html_text;
mod normalize;
mod read;
mod split;
mod split_meta;
mod tokenize;

pub use docdate::{deduce_year, document_date, parse_date, parse_date_arg, DateArgError};
pub use normalize::normalize;
pub use read::{read_inputs, ReadError, ReadOptions};
pub use split::{sentence_text, Segmenter};
pub use tokenize::tokenize;

/// Metadata carried by a document, from its container (JSONL fields, feed items, HTML meta).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Record id (JSONL `id`), feed item guid, or `None` for plain files.
    pub id: Option<String>,
    /// Date as given by the container, unparsed (e.g. JSONL `date`, RSS `pubDate`).
    pub date: Option<String>,
    /// URL of the article, when known.
    pub url: Option<String>,
    /// Outlet or source name, when known.
    pub source: Option<String>,
    /// Title or headline, when known.
    pub title: Option<String>,
}

/// A calendar date whose year may be unknown ("MELITOPOL, October 17. /TASS/").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocDate {
    /// The year, or `None` when the text does not say it.
    pub year: Option<i32>,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
}

/// Maps byte offsets in normalized text back to byte offsets in the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Sorted `(normalized_offset, original_offset)` anchors; between anchors the mapping
    /// is linear with slope 1. Empty means identity.
    pub anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original-text byte offset of a normalized-text byte offset.
    pub fn to_original(&self, offset: usize) -> usize {
        match self.anchors.partition_point(|&(n, _)| n <= offset) {
            0 => offset,
            i => {
                let (n, o) = self.anchors[i - 1];
                o + (offset - n)
            }
        }
    }
}

/// One article, normalized.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The document's name: the path as given for files, the `id` for JSONL records.
    pub name: String,
    /// The normalized text (quotes, dashes, whitespace, NFC). All offsets point into it.
    pub text: String,
    /// The original text as read (HTML already reduced to the article body).
    pub original: String,
    /// Normalized -> original offsets.
    pub map: OffsetMap,
    /// Container metadata.
    pub meta: Metadata,
    /// Problems met while reading that did not stop the document (e.g. invalid UTF-8
    /// replaced under [`ReadOptions::lossy`]), each naming where it happened.
    pub warnings: Vec<String>,
}

impl Document {
    /// Builds a document from its original text: normalizes it with [`normalize`] and
    /// keeps the offset map.
    pub fn new(name: impl Into<String>, original: impl Into<String>, meta: Metadata) -> Self {
        let original = original.into();
        let (text, map) = normalize(&original);
        Document {
            name: name.into(),
            text,
            original,
            map,
            meta,
            warnings: Vec::new(),
        }
    }
}

/// A token: a byte range of [`Document::text`]. Its form is `&text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Start byte offset in the normalized text.
    pub start: u32,
    /// End byte offset (exclusive) in the normalized text.
    pub end: u32,
}

impl Token {
    /// The token's form in `text`.
    pub fn form<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// What kind of text block a sentence came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Running text.
    #[default]
    Body,
    /// A headline, title or section heading (no final punctuation, own line).
    Heading,
    /// A byline, dateline-only line, caption or other non-sentence line.
    Meta,
}

/// A sentence: a byte span of [`Document::text`] and its tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte offset in the normalized text.
    pub start: usize,
    /// End byte offset (exclusive) in the normalized text.
    pub end: usize,
    /// Where the sentence came from.
    pub kind: SentenceKind,
    /// Tokens, UD English EWT conventions.
    pub tokens: Vec<Token>,
}
