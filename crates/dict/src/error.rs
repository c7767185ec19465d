//! The error type of rung-dict: every error names the dictionary file, the line and the
//! offending entry, so a user can fix their data without reading our code.

use thiserror::Error;

/// Why a dictionary could not be loaded or compiled.
///
/// Loading is all-or-nothing: a single bad entry fails the whole dictionary, so rung never
/// codes with half a dictionary.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DictError {
    /// A line that does not parse (wrong column count, bad number, bad date, unknown kind...).
    #[error("{file}:{line}: {message} (entry: {entry:?})")]
    Parse {
        /// Dictionary file name (as embedded, e.g. `actors.tsv`).
        file: String,
        /// 1-based line number.
        line: usize,
        /// The offending line or field.
        entry: String,
        /// What is wrong with it.
        message: String,
    },
    /// A code (actor, country, role, event) that no table knows.
    #[error("{file}:{line}: unknown code {code:?} (entry: {entry:?})")]
    UnknownCode {
        /// Dictionary file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The entry the code belongs to.
        entry: String,
        /// The unknown code.
        code: String,
    },
    /// The same pattern given two different meanings whose validity overlaps.
    #[error("{0}")]
    Collision(Box<Collision>),
}

/// Two entries claiming the same pattern: where each was defined and what each says.
#[derive(Debug, Clone, PartialEq, Error)]
#[error(
    "{file}:{line}: pattern {pattern:?} -> {code:?} collides with {other_file}:{other_line} -> {other_code:?}"
)]
pub struct Collision {
    /// File of the later entry.
    pub file: String,
    /// Line of the later entry.
    pub line: usize,
    /// The pattern both entries share (as written in the later entry).
    pub pattern: String,
    /// Code (or weapon name) of the later entry.
    pub code: String,
    /// File of the earlier entry.
    pub other_file: String,
    /// Line of the earlier entry.
    pub other_line: usize,
    /// Code (or weapon name) of the earlier entry.
    pub other_code: String,
}

impl DictError {
    /// Builds a [`DictError::Parse`].
    pub(crate) fn parse(file: &str, line: usize, entry: &str, message: impl Into<String>) -> Self {
        DictError::Parse {
            file: file.to_string(),
            line,
            entry: entry.to_string(),
            message: message.into(),
        }
    }

    /// Builds a [`DictError::UnknownCode`].
    pub(crate) fn unknown(file: &str, line: usize, entry: &str, code: &str) -> Self {
        DictError::UnknownCode {
            file: file.to_string(),
            line,
            entry: entry.to_string(),
            code: code.to_string(),
        }
    }
}
