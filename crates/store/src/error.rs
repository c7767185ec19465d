//! The store's error type: what went wrong and with which file, so the user can act.

use std::path::PathBuf;

/// Everything the store can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file exists but is not an SQLite database (wrong header).
    #[error("{path}: not a rung database (not an SQLite file); pass another --db or move it away")]
    NotSqlite {
        /// The database path.
        path: PathBuf,
    },
    /// SQLite reports the file damaged.
    #[error("{path}: the database file is corrupt ({detail}); restore a backup or re-ingest into a new --db")]
    Corrupt {
        /// The database path.
        path: PathBuf,
        /// SQLite's message.
        detail: String,
    },
    /// An SQLite database that another program made.
    #[error("{path}: an SQLite database that rung did not create (application_id {app_id:#x}); refusing to modify it")]
    Foreign {
        /// The database path.
        path: PathBuf,
        /// The `application_id` found.
        app_id: i64,
    },
    /// Written by a newer rung.
    #[error("{path}: schema version {found} is newer than this rung understands ({supported}); upgrade rung")]
    TooNew {
        /// The database path.
        path: PathBuf,
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// No such stored event or reconciled event.
    #[error("no {what} with id {id}")]
    NotFound {
        /// "event" or "reconciled event".
        what: &'static str,
        /// The id asked for.
        id: i64,
    },
    /// A date given by the user that the store cannot read.
    #[error("cannot read date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    /// A dyad given by the user that the store cannot read.
    #[error("cannot read dyad {0:?}: expected two country codes such as UKR-RUS (either direction) or UKR>RUS (directed)")]
    BadDyad(String),
    /// Any other SQLite failure.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database path.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// Reading or writing a file (export, database header).
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Writing an export failed.
    #[error("export: {0}")]
    Export(String),
}

impl StoreError {
    /// Wraps an SQLite error, recognising corruption so the user gets told plainly.
    pub(crate) fn sqlite(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            match f.code {
                ErrorCode::NotADatabase => {
                    return StoreError::NotSqlite {
                        path: path.to_path_buf(),
                    };
                }
                ErrorCode::DatabaseCorrupt => {
                    return StoreError::Corrupt {
                        path: path.to_path_buf(),
                        detail: msg.clone().unwrap_or_else(|| "malformed".into()),
                    };
                }
                _ => {}
            }
        }
        StoreError::Sqlite {
            path: path.to_path_buf(),
            source: e,
        }
    }
}
