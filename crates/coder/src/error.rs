//! The coder's error type.

/// Why a [`crate::Coder`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    /// A pattern file entry is malformed or names an unknown code.
    #[error("{file}, line {line}: {msg} (entry: {entry})")]
    Pattern {
        /// Pattern file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The offending entry.
        entry: String,
        /// What is wrong.
        msg: String,
    },
    /// A pattern file could not be read.
    #[error("cannot read pattern file {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The dictionaries failed to load.
    #[error("dictionaries: {0}")]
    Dict(#[from] rung_dict::DictError),
    /// The syntax model failed to load.
    #[error("syntax model: {0}")]
    Model(#[from] rung_parse::ModelError),
}
