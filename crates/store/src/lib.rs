//! rung-store: the embedded store of documents, sentences and events.
//!
//! A [`Store`] is one SQLite file (WAL mode, no set-up). Documents are identified by the
//! SHA-256 of their normalized text, so ingesting the same article twice stores it once.
//! Coding is injected through the [`DocumentCoder`] trait: the store never knows how events
//! are found, only which coder version found them, so [`Store::recode`] can redo exactly
//! the documents coded by an older version without reading the sources again.
//!
//! Above the raw reports sit:
//! - reconciled events ([`reconcile`]): reports of one real-world event grouped, with the
//!   reasons for each merge and conflicting claims kept side by side;
//! - escalation series ([`Store::timeline`]) and the escalation ladder ([`Store::ladder`]);
//! - exports to CSV, JSON Lines, GDELT 2.0 event columns and (feature `parquet`) Parquet.
//!
//! # Example
//! ```
//! use rung_store::{Coding, DocumentCoder, IngestOptions, Input, Store};
//! use rung_text::Document;
//!
//! /// A coder that finds nothing: enough to store documents.
//! struct Nothing;
//! impl DocumentCoder for Nothing {
//!     fn code(&self, _doc: &Document) -> Result<Coding, String> { Ok(Coding::default()) }
//!     fn version(&self) -> String { "nothing-1".into() }
//! }
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(&dir.path().join("rung.db")).unwrap();
//! let doc = Document { name: "a.txt".into(), text: "Rain fell.".into(), ..Default::default() };
//! let report = store
//!     .ingest(vec![Input::Document(doc.clone()), Input::Document(doc)], &Nothing,
//!             &IngestOptions::default(), &|_| {})
//!     .unwrap();
//! assert_eq!((report.stored, report.duplicates), (1, 1));
//! ```
#![deny(missing_docs)]

pub mod date;
mod error;
pub mod export;
mod ingest;
mod ladder;
#[cfg(feature = "parquet")]
mod parquet_out;
mod query;
pub mod reconcile;
mod rows;
mod schema;
mod timeline;

pub use error::StoreError;
pub use export::ExportFormat;
pub use ingest::{Coding, DocumentCoder, IngestOptions, IngestReport, Input, Progress};
pub use ladder::{threat_rank, Rung, RungKind, WeaponInfo};
pub use query::{Dyad, EventFilter, StoredEvent};
pub use reconcile::{Reconciled, ReconciledReport};
pub use schema::SCHEMA_VERSION;
pub use timeline::{Bucket, Timeline, TimelineRow};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open rung database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Stored documents.
    pub documents: u64,
    /// Documents whose coding failed (stored, retried by recode).
    pub code_failures: u64,
    /// Inputs that could not be read (recorded by name).
    pub read_failures: u64,
    /// Event reports.
    pub events: u64,
    /// Reconciled events.
    pub reconciled: u64,
}

impl Store {
    /// Opens the database at `path`, creating and migrating it when needed.
    ///
    /// # Errors
    /// [`StoreError::NotSqlite`], [`StoreError::Corrupt`], [`StoreError::Foreign`] or
    /// [`StoreError::TooNew`] when the file is not a usable rung database.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = schema::open(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The database path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    /// What the store holds.
    ///
    /// # Errors
    /// On an SQLite failure.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.err(e))
        };
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            code_failures: count("SELECT count(*) FROM documents WHERE code_error IS NOT NULL")?,
            read_failures: count("SELECT count(*) FROM read_failures")?,
            events: count("SELECT count(*) FROM events")?,
            reconciled: count("SELECT count(*) FROM reconciled")?,
        })
    }
}

/// The SHA-256 of a document's normalized text: its identity in the store.
pub fn content_hash(text: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).into()
}

/// The country part of an actor code (its first three letters), upper-cased.
pub fn country_of(code: &str) -> Option<String> {
    let c: String = code.chars().take(3).collect();
    (c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic())).then(|| c.to_ascii_uppercase())
}
