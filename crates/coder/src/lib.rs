//! rung-coder: from analysed sentences to coded events.
//!
//! A [`Coder`] reads a [`rung_text::Document`] and returns its events: who did what to
//! whom (CAMEO code, Goldstein score, quad class, PLOVER reading), when, where, with which
//! weapons, how many died, and by whose account. The [`Event`] record is the output
//! contract of `rung code` (EVENTS.md in the shared data describes each field).
//!
//! The pipeline per document: split sentences; pre-filter each with a cheap check (an event
//! trigger word from the pattern table and an actor or pronoun), so only sentences that can
//! hold an event are parsed; parse; find triggers and their participants in the dependency
//! tree ([`engine`]); then resolve what refers back across sentences ("this attack killed
//! 12", "they were using HIMARS") and merge duplicates ([`doc`]).
//!
//! ```no_run
//! let coder = rung_coder::Coder::builtin()?;
//! let doc = rung_text::Document::new("note.txt", "Russian forces shelled Kherson on Monday.", Default::default());
//! let coded = coder.code(&doc, rung_text::parse_date("2023-05-10"));
//! for e in &coded.events {
//!     println!("{} {:?} -> {:?}", e.cameo, e.source, e.target);
//! }
//! # Ok::<(), rung_coder::CoderError>(())
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod args;
mod collapse;
mod doc;
pub mod engine;
mod error;
mod event;
pub mod patterns;
pub mod repair;
pub mod state;
pub mod view;

pub use doc::{CodedDocument, Coder, CoderBuilder};
pub use error::CoderError;
pub use event::{Actor, Event, Fatalities, Location, Modality, Plover};
