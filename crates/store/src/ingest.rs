//! Ingest and recode: documents in, coded on several threads, written by one writer.
//!
//! The calling thread reads inputs and drops the ones already stored (content hash looked
//! up on a second, read-only connection, so a re-run skips finished work without coding
//! it again). Worker threads code; a single writer thread commits batches, each one
//! IMMEDIATE transaction holding whole documents, their sentences, events and the
//! reconciliation of those events. A process killed mid-batch therefore leaves only whole
//! documents behind, and a re-run continues from there. Several processes may ingest into
//! one store: SQLite serialises their write transactions and the busy timeout makes a
//! writer wait for its turn; `INSERT OR IGNORE` on the hash keeps a document single even
//! when two runs code it at once.
//!
//! Bounded channels keep memory flat whatever the input size.

use crate::date::parse_window;
use crate::rows::{coder_version_id, insert_event};
use crate::{content_hash, reconcile, Store, StoreError};
use rung_coder::Event;
use rung_text::{Document, Metadata};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

/// What a coder found in one document.
#[derive(Debug, Clone, Default)]
pub struct Coding {
    /// The document date the coder settled on, ISO 8601 at its precision.
    pub doc_date: Option<String>,
    /// Sentence byte spans in the normalized text.
    pub sentences: Vec<[usize; 2]>,
    /// The events.
    pub events: Vec<Event>,
}

/// Codes documents for the store. Implemented by the `rung` binary over `rung_coder::Coder`;
/// tests use small coders of their own.
pub trait DocumentCoder: Sync {
    /// Codes one document; `Err` carries a message naming what failed.
    fn code(&self, doc: &Document) -> Result<Coding, String>;
    /// The version of the dictionaries and models: documents coded with another version
    /// are re-coded by [`Store::recode`].
    fn version(&self) -> String;
}

/// One input: a document read, or a source that could not be read.
#[derive(Debug, Clone)]
pub enum Input {
    /// A document.
    Document(Document),
    /// A source that failed to read: recorded, skipped, reported.
    Failed {
        /// The source's name (path or record id).
        name: String,
        /// Why.
        error: String,
    },
}

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Coding threads (at least one).
    pub threads: usize,
    /// Documents per write transaction.
    pub batch_size: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        IngestOptions {
            threads,
            batch_size: 256,
        }
    }
}

/// Running counts, passed to the progress callback.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Inputs seen so far.
    pub seen: u64,
    /// Documents newly stored (or re-coded).
    pub stored: u64,
    /// Inputs already in the store.
    pub duplicates: u64,
    /// Inputs that failed to read or code.
    pub failed: u64,
    /// Events written.
    pub events: u64,
}

/// What an ingest or recode did.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    /// Inputs seen.
    pub seen: u64,
    /// Documents newly stored (ingest) or re-coded (recode).
    pub stored: u64,
    /// Inputs whose content was already stored.
    pub duplicates: u64,
    /// Events written.
    pub events: u64,
    /// Sources that could not be read: (name, error).
    pub read_failures: Vec<(String, String)>,
    /// Documents stored but not coded: (name, error).
    pub code_failures: Vec<(String, String)>,
}

#[derive(Default)]
struct Counters {
    seen: AtomicU64,
    stored: AtomicU64,
    duplicates: AtomicU64,
    failed: AtomicU64,
    events: AtomicU64,
}

impl Counters {
    fn snapshot(&self) -> Progress {
        Progress {
            seen: self.seen.load(Ordering::Relaxed),
            stored: self.stored.load(Ordering::Relaxed),
            duplicates: self.duplicates.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            events: self.events.load(Ordering::Relaxed),
        }
    }
}

// Documents are boxed: a Document is large and these enums travel through channels.
enum Job {
    Code {
        doc: Box<Document>,
        hash: [u8; 32],
        existing: Option<i64>,
    },
    Failed {
        name: String,
        error: String,
    },
}

enum Done {
    Coded {
        doc: Box<Document>,
        hash: [u8; 32],
        existing: Option<i64>,
        result: Result<Coding, String>,
    },
    Failed {
        name: String,
        error: String,
    },
}

type Progressor<'a> = &'a (dyn Fn(&Progress) + Sync);

impl Store {
    /// Stores and codes `inputs`; documents already stored (same content hash) are skipped.
    ///
    /// # Errors
    /// On an SQLite failure; unreadable or uncodable documents are not errors but are
    /// listed in the report.
    pub fn ingest(
        &mut self,
        inputs: impl IntoIterator<Item = Input>,
        coder: &dyn DocumentCoder,
        opts: &IngestOptions,
        progress: Progressor<'_>,
    ) -> Result<IngestReport, StoreError> {
        let reader = self.reader()?;
        let path = self.path.clone();
        let mut lookup = reader
            .prepare("SELECT 1 FROM documents WHERE hash = ?1")
            .map_err(|e| StoreError::sqlite(&path, e))?;
        let jobs = inputs
            .into_iter()
            .map(move |input| -> Result<Option<Job>, StoreError> {
                match input {
                    Input::Failed { name, error } => Ok(Some(Job::Failed { name, error })),
                    Input::Document(doc) => {
                        let hash = content_hash(&doc.text);
                        let seen = lookup
                            .query_row([&hash[..]], |_| Ok(()))
                            .optional()
                            .map_err(|e| StoreError::sqlite(&path, e))?;
                        Ok(seen.is_none().then_some(Job::Code {
                            doc: Box::new(doc),
                            hash,
                            existing: None,
                        }))
                    }
                }
            });
        self.pipeline(jobs, coder, opts, progress)
    }

    /// Re-codes stored documents coded with another coder version (or whose coding failed),
    /// from the stored text; with `force`, every document.
    ///
    /// # Errors
    /// On an SQLite failure.
    pub fn recode(
        &mut self,
        coder: &dyn DocumentCoder,
        opts: &IngestOptions,
        force: bool,
        progress: Progressor<'_>,
    ) -> Result<IngestReport, StoreError> {
        let reader = self.reader()?;
        let path = self.path.clone();
        let version = coder.version();
        let cv: i64 = reader
            .query_row(
                "SELECT id FROM coder_versions WHERE version = ?1",
                [&version],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::sqlite(&path, e))?
            .unwrap_or(-1);
        let cv = if force { -1 } else { cv };
        let pages = RecodePages {
            reader,
            path,
            cv,
            last: 0,
            page: Vec::new(),
        };
        self.pipeline(pages, coder, opts, progress)
    }

    /// A second connection for reading while the writer writes (WAL allows both).
    fn reader(&self) -> Result<Connection, StoreError> {
        let c = Connection::open_with_flags(
            &self.path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| self.err(e))?;
        c.busy_timeout(std::time::Duration::from_secs(120))
            .map_err(|e| self.err(e))?;
        Ok(c)
    }

    fn pipeline<I>(
        &mut self,
        jobs: I,
        coder: &dyn DocumentCoder,
        opts: &IngestOptions,
        progress: Progressor<'_>,
    ) -> Result<IngestReport, StoreError>
    where
        I: Iterator<Item = Result<Option<Job>, StoreError>>,
    {
        let threads = opts.threads.max(1);
        let batch_size = opts.batch_size.max(1);
        let version = coder.version();
        let counters = Counters::default();
        let (work_tx, work_rx) = sync_channel::<Job>(threads * 4);
        let (done_tx, done_rx) = sync_channel::<Done>(batch_size * 2);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let path = self.path.clone();
        let conn = &mut self.conn;
        std::thread::scope(|s| {
            for _ in 0..threads {
                let rx = Arc::clone(&work_rx);
                let tx = done_tx.clone();
                s.spawn(move || work(&rx, &tx, coder));
            }
            // Only the workers may hold the receiver: if they all stop (the writer failed),
            // the feeder's sends must fail instead of blocking on a full channel.
            drop(work_rx);
            let writer = {
                let counters = &counters;
                let version = &version;
                let path = &path;
                s.spawn(move || {
                    let mut w = Writer {
                        conn,
                        path,
                        version,
                        counters,
                        progress,
                        report: Default::default(),
                    };
                    w.run(done_rx, batch_size).map(|()| w.report)
                })
            };
            let fed = feed(jobs, &work_tx, &done_tx, &counters, progress);
            drop(work_tx);
            drop(done_tx);
            let written = writer.join().unwrap_or_else(|_| {
                Err(StoreError::Export(
                    "the writer thread panicked (a bug in rung)".into(),
                ))
            });
            let mut report = written?;
            fed?;
            report.seen = counters.seen.load(Ordering::Relaxed);
            report.duplicates = counters.duplicates.load(Ordering::Relaxed);
            progress(&counters.snapshot());
            Ok(report)
        })
    }
}

/// Hands jobs to the coders; stops early when the writer has gone (it failed).
fn feed<I>(
    jobs: I,
    work_tx: &SyncSender<Job>,
    done_tx: &SyncSender<Done>,
    counters: &Counters,
    progress: Progressor<'_>,
) -> Result<(), StoreError>
where
    I: Iterator<Item = Result<Option<Job>, StoreError>>,
{
    for job in jobs {
        counters.seen.fetch_add(1, Ordering::Relaxed);
        let sent = match job? {
            None => {
                counters.duplicates.fetch_add(1, Ordering::Relaxed);
                true
            }
            Some(Job::Failed { name, error }) => done_tx.send(Done::Failed { name, error }).is_ok(),
            Some(job) => work_tx.send(job).is_ok(),
        };
        progress(&counters.snapshot());
        if !sent {
            break;
        }
    }
    Ok(())
}

/// A coding thread: a panic in the coder is caught and recorded as that document's error.
fn work(rx: &Mutex<Receiver<Job>>, tx: &SyncSender<Done>, coder: &dyn DocumentCoder) {
    loop {
        let job = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        let done = match job {
            Job::Failed { name, error } => Done::Failed { name, error },
            Job::Code {
                doc,
                hash,
                existing,
            } => {
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| coder.code(&doc)))
                        .unwrap_or_else(|_| {
                            Err("the coder panicked on this document (a bug in rung)".into())
                        });
                Done::Coded {
                    doc,
                    hash,
                    existing,
                    result,
                }
            }
        };
        if tx.send(done).is_err() {
            return;
        }
    }
}

struct Writer<'a> {
    conn: &'a mut Connection,
    path: &'a std::path::Path,
    version: &'a str,
    counters: &'a Counters,
    progress: Progressor<'a>,
    report: IngestReport,
}

impl Writer<'_> {
    fn run(&mut self, rx: Receiver<Done>, batch_size: usize) -> Result<(), StoreError> {
        let mut batch = Vec::with_capacity(batch_size);
        for done in rx {
            batch.push(done);
            if batch.len() >= batch_size {
                self.flush(&mut batch)?;
            }
        }
        self.flush(&mut batch)
    }

    fn flush(&mut self, batch: &mut Vec<Done>) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let path = self.path;
        let err = |e| StoreError::sqlite(path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let cv = coder_version_id(&tx, self.version).map_err(err)?;
        let mut new_events = Vec::new();
        let mut sink = Sink {
            counters: self.counters,
            report: &mut self.report,
        };
        for done in batch.drain(..) {
            sink.write_one(&tx, cv, done, &mut new_events)
                .map_err(err)?;
        }
        reconcile::add_events(&tx, &new_events).map_err(err)?;
        tx.commit().map_err(err)?;
        (self.progress)(&self.counters.snapshot());
        Ok(())
    }
}

/// Where the writer counts what it wrote (split from the connection for the borrow checker).
struct Sink<'a> {
    counters: &'a Counters,
    report: &'a mut IngestReport,
}

impl Sink<'_> {
    fn write_one(
        &mut self,
        tx: &Transaction<'_>,
        cv: i64,
        done: Done,
        new_events: &mut Vec<i64>,
    ) -> rusqlite::Result<()> {
        let (doc, hash, existing, result) = match done {
            Done::Failed { name, error } => {
                tx.execute(
                    "INSERT INTO read_failures(name, error, at) VALUES (?1, ?2, ?3)",
                    params![name, error, now()],
                )?;
                self.counters.failed.fetch_add(1, Ordering::Relaxed);
                self.report.read_failures.push((name, error));
                return Ok(());
            }
            Done::Coded {
                doc,
                hash,
                existing,
                result,
            } => (doc, hash, existing, result),
        };
        let doc_id = match existing {
            Some(id) => {
                reconcile::detach_doc(tx, id)?;
                tx.execute("DELETE FROM events WHERE doc_id = ?1", [id])?;
                tx.execute("DELETE FROM sentences WHERE doc_id = ?1", [id])?;
                id
            }
            None => match insert_document(tx, &doc, &hash)? {
                Some(id) => id,
                None => {
                    self.counters.duplicates.fetch_add(1, Ordering::Relaxed);
                    self.report.duplicates += 1;
                    return Ok(());
                }
            },
        };
        self.counters.stored.fetch_add(1, Ordering::Relaxed);
        self.report.stored += 1;
        match result {
            Ok(coding) => {
                let n = write_coding(tx, doc_id, cv, &doc, &coding, new_events)?;
                self.counters.events.fetch_add(n, Ordering::Relaxed);
                self.report.events += n;
            }
            Err(error) => {
                tx.execute(
                    "UPDATE documents SET code_error = ?2, coder_version_id = ?3 WHERE id = ?1",
                    params![doc_id, error, cv],
                )?;
                self.counters.failed.fetch_add(1, Ordering::Relaxed);
                self.report.code_failures.push((doc.name, error));
            }
        }
        Ok(())
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Inserts the document unless its hash is already there; `None` means a duplicate.
fn insert_document(
    tx: &Transaction<'_>,
    doc: &Document,
    hash: &[u8; 32],
) -> rusqlite::Result<Option<i64>> {
    let m = &doc.meta;
    let n = tx.prepare_cached(
        "INSERT OR IGNORE INTO documents(hash, name, outlet, url, meta_id, meta_date, title, text, \
         ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![&hash[..], doc.name, m.source, m.url, m.id, m.date, m.title, doc.text, now()])?;
    Ok((n == 1).then(|| tx.last_insert_rowid()))
}

fn write_coding(
    tx: &Transaction<'_>,
    doc_id: i64,
    cv: i64,
    doc: &Document,
    coding: &Coding,
    new_events: &mut Vec<i64>,
) -> rusqlite::Result<u64> {
    tx.execute(
        "UPDATE documents SET doc_date = ?2, coder_version_id = ?3, code_error = NULL WHERE id = ?1",
        params![doc_id, coding.doc_date, cv],
    )?;
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO sentences(doc_id, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, s) in coding.sentences.iter().enumerate() {
            st.execute(params![doc_id, i as i64, s[0] as i64, s[1] as i64])?;
        }
    }
    let doc_window = coding
        .doc_date
        .as_deref()
        .and_then(parse_window)
        .or_else(|| doc.meta.date.as_deref().and_then(parse_window));
    for ev in &coding.events {
        new_events.push(insert_event(tx, doc_id, ev, cv, doc_window)?);
    }
    Ok(coding.events.len() as u64)
}

/// Streams the documents that need recoding, one page of ids at a time, so no statement
/// stays open across the writer's commits.
struct RecodePages {
    reader: Connection,
    path: std::path::PathBuf,
    cv: i64,
    last: i64,
    page: Vec<Job>,
}

impl RecodePages {
    fn fill(&mut self) -> Result<(), StoreError> {
        let mut st = self
            .reader
            .prepare_cached(
                "SELECT id, hash, name, text, outlet, url, meta_id, meta_date, title FROM documents \
                 WHERE id > ?1 AND (coder_version_id IS NULL OR coder_version_id != ?2 \
                 OR code_error IS NOT NULL) ORDER BY id LIMIT 256",
            )
            .map_err(|e| StoreError::sqlite(&self.path, e))?;
        let rows = st
            .query_map(params![self.last, self.cv], |r| {
                let id: i64 = r.get(0)?;
                let h: Vec<u8> = r.get(1)?;
                let mut hash = [0u8; 32];
                if h.len() == 32 {
                    hash.copy_from_slice(&h);
                }
                let text: String = r.get(3)?;
                let doc = Document {
                    name: r.get(2)?,
                    original: text.clone(),
                    text,
                    map: Default::default(),
                    meta: Metadata {
                        source: r.get(4)?,
                        url: r.get(5)?,
                        id: r.get(6)?,
                        date: r.get(7)?,
                        title: r.get(8)?,
                    },
                    ..Default::default()
                };
                Ok(Job::Code {
                    doc: Box::new(doc),
                    hash,
                    existing: Some(id),
                })
            })
            .map_err(|e| StoreError::sqlite(&self.path, e))?;
        for job in rows {
            let job = job.map_err(|e| StoreError::sqlite(&self.path, e))?;
            if let Job::Code {
                existing: Some(id), ..
            } = &job
            {
                self.last = *id;
            }
            self.page.push(job);
        }
        self.page.reverse();
        Ok(())
    }
}

impl Iterator for RecodePages {
    type Item = Result<Option<Job>, StoreError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.page.is_empty() {
            if let Err(e) = self.fill() {
                return Some(Err(e));
            }
        }
        self.page.pop().map(|j| Ok(Some(j)))
    }
}
