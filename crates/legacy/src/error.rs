//! Errors and diagnostics of the legacy dictionary readers.
//!
//! A malformed line is an error: the loader refuses to hand back a dictionary it could
//! not fully read, because a silently skipped entry shows up much later as a missing
//! event nobody can explain. Things that are readable but suspicious (an event code
//! that is not in the codebook, an option rung does not honour) are [`Diagnostic`]s
//! kept next to the dictionary so the caller can report them.

use std::path::PathBuf;

/// Everything that can go wrong reading TABARI or PETRARCH files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LegacyError {
    /// The file could not be read at all.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line does not follow the format.
    #[error("{}:{line}: {message} (line: `{text}`)", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What was expected.
        message: String,
        /// The offending line, trimmed.
        text: String,
    },
    /// A dictionary spec such as `petrarch:PATH` was not understood.
    #[error("bad dictionary spec `{spec}`: {message}")]
    Spec {
        /// The spec as given.
        spec: String,
        /// What is wrong with it.
        message: String,
    },
}

impl LegacyError {
    /// A syntax error at `path:line`.
    pub(crate) fn syntax(
        path: &std::path::Path,
        line: usize,
        message: impl Into<String>,
        text: &str,
    ) -> Self {
        LegacyError::Syntax {
            path: path.to_path_buf(),
            line,
            message: message.into(),
            text: text.trim().chars().take(120).collect(),
        }
    }
}

/// A readable but suspicious entry, or a note about something rung does not honour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the note is about.
    pub path: PathBuf,
    /// 1-based line, 0 when the note is about the file as a whole.
    pub line: usize,
    /// What was noticed.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// Reads a whole file, tolerating Latin-1 bytes (the TABARI files predate UTF-8).
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, LegacyError> {
    let bytes = std::fs::read(path).map_err(|source| LegacyError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}
