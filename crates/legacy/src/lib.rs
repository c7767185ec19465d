//! rung-legacy: read TABARI and PETRARCH dictionaries, code with them, run their
//! validation suites.
//!
//! The legacy event coders (TABARI, PETRARCH-2) come with large, hand-built CAMEO
//! dictionaries and with validation suites. This crate reads those formats with
//! line-accurate errors ([`load_dict`]), codes sentences with them over rung's own
//! tokens and parse ([`LegacyCoder`]), and runs the suites ([`suite`]).
//!
//! ```no_run
//! use rung_legacy::{load_dict, LegacyCoder};
//! let dicts = load_dict("petrarch-verbs:PETR.Validate.verbs.txt")?;
//! let coder = LegacyCoder::new(&dicts);
//! let events = coder.code_sentence(&["Arnor", "attacked", "Gondor", "."], None, Some((1995, 1, 1)));
//! # Ok::<(), rung_legacy::LegacyError>(())
//! ```
#![deny(missing_docs)]

mod actors;
mod coder;
mod dicts;
mod error;
mod lines;
pub mod model;
mod options;
mod pattern;
mod runner;
pub mod suite;
mod tokenize;
mod verbs;

pub use coder::{LegacyCoder, LegacyEvent};
pub use dicts::{
    load_dict, load_dict_with, load_tabari_project, FileKind, LegacyDictionaries, LoadOptions,
    PlainEntry, PlainKind,
};
pub use error::{Diagnostic, LegacyError};
pub use lines::Flavor;
pub use options::{read_project, CodeBy, CoderOptions, TabariProject};
pub use runner::{run_petrarch, run_tabari, RunOptions};
pub use tokenize::{tokenize, words};
pub use verbs::VerbFile;
