//! Opening a store: header check, pragmas, versioned schema and migrations.
//!
//! The schema version lives in SQLite's `user_version`; `application_id` marks the file as
//! rung's, so an unrelated SQLite database is refused instead of being "migrated". Each
//! migration runs in an IMMEDIATE transaction that re-reads the version, so two processes
//! opening a fresh file at once do not both create the tables.

use crate::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// `application_id` of rung databases: "rung" in ASCII.
pub const APP_ID: i64 = 0x7275_6e67;

/// Migrations in order; migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE coder_versions(
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL UNIQUE
);
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  hash BLOB NOT NULL UNIQUE,          -- SHA-256 of the normalized text
  name TEXT NOT NULL,
  outlet TEXT, url TEXT, meta_id TEXT, meta_date TEXT, title TEXT,
  doc_date TEXT,                      -- as the coder found it
  text TEXT NOT NULL,
  coder_version_id INTEGER REFERENCES coder_versions(id),
  code_error TEXT,
  ingested_at INTEGER NOT NULL        -- unix seconds
);
CREATE TABLE sentences(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  trigger_start INTEGER, trigger_end INTEGER,
  date TEXT,                          -- as coded
  day_lo INTEGER, day_hi INTEGER,     -- window of the date, or of the document date
  date_precision TEXT,
  date_from_doc INTEGER NOT NULL DEFAULT 0,
  source_code TEXT, source_text TEXT, target_code TEXT, target_text TEXT,
  cameo TEXT NOT NULL, goldstein REAL NOT NULL, quad INTEGER NOT NULL,
  plover_type TEXT NOT NULL, plover_mode TEXT,
  weapons TEXT,                       -- JSON array, NULL when none
  loc_text TEXT, loc_country TEXT, lat REAL, lon REAL,
  fat_min INTEGER, fat_max INTEGER,
  modality TEXT NOT NULL,
  attr_code TEXT, attr_text TEXT,
  coder_version_id INTEGER NOT NULL REFERENCES coder_versions(id)
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_day ON events(day_lo);
CREATE TABLE read_failures(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  error TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE reconciled(
  id INTEGER PRIMARY KEY,
  family TEXT NOT NULL,               -- code root, or VIOL for 18/19/20
  day_lo INTEGER, day_hi INTEGER,
  rep_event INTEGER NOT NULL,         -- the report that represents it in series
  conflicts TEXT                      -- JSON: claims side by side, flagged
);
CREATE INDEX reconciled_family_day ON reconciled(family, day_lo);
CREATE TABLE reconciled_reports(
  event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  rec_id INTEGER NOT NULL REFERENCES reconciled(id) ON DELETE CASCADE,
  matched_event INTEGER,              -- the report it matched best when it joined
  score REAL,
  features TEXT                       -- JSON: why it joined
);
CREATE INDEX reconciled_reports_rec ON reconciled_reports(rec_id);
-- Reports a user split off: never merged again, even after a recode (keyed by what
-- survives a recode, not by event id).
CREATE TABLE splits(
  doc_id INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  PRIMARY KEY(doc_id, sentence, cameo)
) WITHOUT ROWID;
"#,
    // Version 2: candidate search in reconciliation reads clusters by start day within a short
    // reach (see reconcile::SHORT_SPAN); the few long clusters (month- or year-precision
    // reports) are found through this partial index instead of scanning the whole family.
    r#"
CREATE INDEX reconciled_long ON reconciled(family, day_lo) WHERE day_hi - day_lo > 31;
"#,
    // Version 3: a source or target the sentence does not name, taken from the rest of the
    // document (Actor::inferred), is kept as such.
    r#"
ALTER TABLE events ADD COLUMN source_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN target_inferred INTEGER NOT NULL DEFAULT 0;
"#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Opens (creating when absent) and migrates the database at `path`.
pub(crate) fn open(path: &Path) -> Result<Connection, StoreError> {
    check_header(path)?;
    let err = |e| StoreError::sqlite(path, e);
    let conn = Connection::open(path).map_err(err)?;
    conn.busy_timeout(Duration::from_secs(120)).map_err(err)?;
    // Reading a pragma forces SQLite to read the header page: corruption shows up here.
    // One statement, so one snapshot: read one by one, another process creating the
    // schema could commit in between (application_id still 0, tables already there) and
    // the file would look foreign.
    let (app_id, version, tables): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id()), \
                    (SELECT user_version FROM pragma_user_version()), \
                    (SELECT count(*) FROM sqlite_master)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(err)?;
    if app_id != APP_ID && !(app_id == 0 && tables == 0) {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            app_id,
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    // Switching to WAL takes an exclusive lock, and SQLite answers "busy" at once instead
    // of waiting (the busy handler is not called for it) when another process is creating
    // or writing the file: wait for it here, within the same budget as other waits.
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Ok(()) => break,
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < Duration::from_secs(120) =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(err(e)),
        }
    }
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(err)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(err)?;
    migrate(conn, path)
}

/// A non-empty file that does not start with the SQLite magic is refused before SQLite
/// sees it (SQLite would only fail later, on the first query, with a vaguer message).
fn check_header(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: e,
            })
        }
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source: e,
                })
            }
        }
    }
    if n == 0 || &head[..n] == b"SQLite format 3\0" {
        Ok(())
    } else {
        Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        })
    }
}

fn migrate(mut conn: Connection, path: &Path) -> Result<Connection, StoreError> {
    let err = |e| StoreError::sqlite(path, e);
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if version >= SCHEMA_VERSION {
            tx.commit().map_err(err)?;
            return Ok(conn);
        }
        tx.execute_batch(MIGRATIONS[version as usize])
            .map_err(err)?;
        tx.pragma_update(None, "application_id", APP_ID)
            .map_err(err)?;
        tx.pragma_update(None, "user_version", version + 1)
            .map_err(err)?;
        tx.commit().map_err(err)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_file_gets_current_schema() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.db");
        let c = open(&p).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        drop(c);
        open(&p).unwrap(); // reopening is a no-op
    }

    #[test]
    fn refuses_garbage_foreign_and_newer() {
        let dir = tempfile::tempdir().unwrap();
        let garbage = dir.path().join("g.db");
        std::fs::write(&garbage, b"this is a text file, not a database at all").unwrap();
        assert!(matches!(open(&garbage), Err(StoreError::NotSqlite { .. })));

        let foreign = dir.path().join("f.db");
        let c = Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE t(x)").unwrap();
        drop(c);
        assert!(matches!(open(&foreign), Err(StoreError::Foreign { .. })));

        let newer = dir.path().join("n.db");
        drop(open(&newer).unwrap());
        let c = Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(c);
        let e = open(&newer).unwrap_err();
        assert!(matches!(e, StoreError::TooNew { .. }), "{e}");
    }

    #[test]
    fn damaged_pages_are_reported_not_panicked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.db");
        drop(open(&p).unwrap());
        let c = Connection::open(&p).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(c);
        let mut bytes = std::fs::read(&p).unwrap();
        for b in bytes.iter_mut().skip(100) {
            *b = 0xA5;
        }
        std::fs::write(&p, &bytes).unwrap();
        let e = open(&p).unwrap_err();
        assert!(
            matches!(e, StoreError::Corrupt { .. } | StoreError::NotSqlite { .. }),
            "{e}"
        );
    }
}
