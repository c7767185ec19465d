//! Documents in: files, directories and stdin, in plain text, HTML, JSON Lines and feeds.
//!
//! [`read_inputs`] returns a lazy iterator. Paths are visited in the order given;
//! directories are walked recursively with entries in sorted (byte) order, so runs are
//! reproducible. A JSON Lines file is streamed line by line through one reused buffer, so
//! memory stays flat however large the corpus. Other formats are read whole: a plain,
//! HTML or feed file is one article or one feed.
//!
//! Format comes from the extension: `.txt`/`.text` plain, `.html`/`.htm`/`.xhtml` HTML,
//! `.jsonl`/`.ndjson` JSON Lines, `.xml`/`.rss`/`.atom` feeds. Any other extension (and
//! stdin) is sniffed: markup that opens with `<rss`, `<feed`, `<rdf:RDF` is a feed, with
//! `<!doctype html` or `<html` is HTML, a first line that is a JSON object means JSON
//! Lines, anything else that is valid UTF-8 text is plain text. Decision: an unknown
//! extension holding text is read as plain text rather than refused, since news dumps
//! come with every kind of suffix (`.story`, `.out`, none); a file that looks binary
//! (NUL bytes or many control characters in its first 8 KiB) is refused with
//! [`ReadError::Binary`], which names the offset of the first offending byte.
//!
//! Every problem is an `Err` item naming the file (and line or byte offset where there is
//! one); the iterator then continues with the next record or file. Nothing is skipped
//! silently: the only thing passed over without an item is a blank line in JSON Lines.

mod feed;
mod html;
mod jsonl;

use crate::{Document, Metadata};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD and record a warning in
    /// [`Document::warnings`], instead of refusing the document.
    pub lossy: bool,
}

/// A problem with one input. Display names the file and, where there is one, the line or
/// byte offset.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path does not exist or cannot be opened.
    #[error("{path}: cannot open: {source}")]
    Open {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A directory could not be listed.
    #[error("{path}: cannot read directory: {source}")]
    Directory {
        /// The directory.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Reading failed part way.
    #[error("{path}: read failed: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file holds nothing (or only whitespace).
    #[error("{path}: file is empty")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file looks binary, not text.
    #[error("{path}: looks like a binary file, not text (byte 0x{byte:02x} at offset {offset}); rung reads plain text, HTML, JSON Lines, RSS and Atom")]
    Binary {
        /// The file.
        path: String,
        /// Offset of the first NUL or control byte.
        offset: u64,
        /// That byte.
        byte: u8,
    },
    /// The text is not valid UTF-8.
    #[error("{path}: invalid UTF-8 at byte offset {offset}{}; convert the file to UTF-8 or read it lossily", line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Utf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid byte in the file.
        offset: u64,
        /// Line number, for line-based formats.
        line: Option<u64>,
    },
    /// A JSON Lines record is broken.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The file.
        path: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
    /// A feed cannot be parsed, or an item in it has no text.
    #[error("{path}: {message}")]
    Feed {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An HTML page yields no article text.
    #[error("{path}: no article text found in the HTML page")]
    NoText {
        /// The file.
        path: String,
    },
}

/// Reads documents from `paths` lazily; `-` is stdin.
///
/// # Example
/// ```no_run
/// use rung_text::{read_inputs, ReadOptions};
/// for item in read_inputs(&["articles/".into()], &ReadOptions::default()) {
///     match item {
///         Ok(doc) => println!("{}: {} bytes", doc.name, doc.text.len()),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub fn read_inputs(
    paths: &[PathBuf],
    opts: &ReadOptions,
) -> impl Iterator<Item = Result<Document, ReadError>> {
    Inputs {
        work: paths.iter().cloned().map(Work::Path).collect(),
        opts: opts.clone(),
    }
}

enum Work {
    Path(PathBuf),
    Ready(Result<Document, ReadError>),
    Lines(jsonl::Lines),
}

struct Inputs {
    work: VecDeque<Work>,
    opts: ReadOptions,
}

impl Iterator for Inputs {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.work.pop_front()? {
                Work::Ready(item) => return Some(item),
                Work::Lines(mut lines) => {
                    if let Some(item) = lines.next() {
                        self.work.push_front(Work::Lines(lines));
                        return Some(item);
                    }
                }
                Work::Path(p) => self.open(p),
            }
        }
    }
}

impl Inputs {
    /// Turns a path into work at the front of the queue.
    fn open(&mut self, p: PathBuf) {
        let name = p.to_string_lossy().into_owned();
        if name == "-" {
            self.stdin();
            return;
        }
        let meta = match std::fs::metadata(&p) {
            Ok(m) => m,
            Err(source) => return self.ready(Err(ReadError::Open { path: name, source })),
        };
        if meta.is_dir() {
            return self.directory(&p, name);
        }
        let ext = p
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(ext.as_str(), "jsonl" | "ndjson") {
            match std::fs::File::open(&p) {
                Ok(f) => self.lines(jsonl::Lines::new(
                    name,
                    Box::new(BufReader::with_capacity(1 << 16, f)),
                    &self.opts,
                )),
                Err(source) => self.ready(Err(ReadError::Open { path: name, source })),
            }
            return;
        }
        let bytes = match std::fs::read(&p) {
            Ok(b) => b,
            Err(source) => return self.ready(Err(ReadError::Open { path: name, source })),
        };
        let format = match ext.as_str() {
            "txt" | "text" => Format::Plain,
            "html" | "htm" | "xhtml" => Format::Html,
            "xml" | "rss" | "atom" => Format::Feed,
            _ => sniff(&bytes),
        };
        if format == Format::Jsonl {
            let reader = Box::new(std::io::Cursor::new(bytes));
            return self.lines(jsonl::Lines::new(name, reader, &self.opts));
        }
        let items = self.decode(name, bytes, format);
        for item in items.into_iter().rev() {
            self.work.push_front(Work::Ready(item));
        }
    }

    fn ready(&mut self, item: Result<Document, ReadError>) {
        self.work.push_front(Work::Ready(item));
    }

    fn lines(&mut self, lines: jsonl::Lines) {
        self.work.push_front(Work::Lines(lines));
    }

    fn directory(&mut self, dir: &Path, name: String) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(source) => return self.ready(Err(ReadError::Directory { path: name, source })),
        };
        let mut paths = Vec::new();
        for e in entries {
            match e {
                Ok(e) => paths.push(e.path()),
                Err(source) => {
                    return self.ready(Err(ReadError::Directory { path: name, source }));
                }
            }
        }
        // Hidden files (".DS_Store", editor swap files) are not articles.
        paths.retain(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        });
        paths.sort();
        for p in paths.into_iter().rev() {
            self.work.push_front(Work::Path(p));
        }
    }

    fn stdin(&mut self) {
        let mut r = BufReader::with_capacity(1 << 16, std::io::stdin());
        let first = match r.fill_buf() {
            Ok(b) => b.iter().copied().find(|c| !c.is_ascii_whitespace()),
            Err(source) => {
                return self.ready(Err(ReadError::Io {
                    path: "-".into(),
                    source,
                }))
            }
        };
        if first == Some(b'{') {
            return self.lines(jsonl::Lines::new("-".into(), Box::new(r), &self.opts));
        }
        let mut bytes = Vec::new();
        if let Err(source) = r.read_to_end(&mut bytes) {
            return self.ready(Err(ReadError::Io {
                path: "-".into(),
                source,
            }));
        }
        let format = sniff(&bytes);
        let items = self.decode("-".into(), bytes, format);
        for item in items.into_iter().rev() {
            self.work.push_front(Work::Ready(item));
        }
    }

    /// Checks and decodes a whole file, then builds its documents.
    fn decode(
        &self,
        name: String,
        bytes: Vec<u8>,
        format: Format,
    ) -> Vec<Result<Document, ReadError>> {
        let (text, warnings) = match check_text(&name, bytes, &self.opts) {
            Ok(t) => t,
            Err(e) => return vec![Err(e)],
        };
        let mut items = match format {
            Format::Html => vec![html::read(&name, text)],
            Format::Feed => feed::read(&name, &text),
            Format::Plain | Format::Jsonl => {
                vec![Ok(Document::new(name.clone(), text, Metadata::default()))]
            }
        };
        for d in items.iter_mut().flatten() {
            d.warnings.extend(warnings.iter().cloned());
        }
        items
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Plain,
    Html,
    Feed,
    Jsonl,
}

/// Guesses the format of a file with an unknown extension from its first bytes.
fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .iter()
        .position(|c| !c.is_ascii_whitespace() && *c != 0xEF && *c != 0xBB && *c != 0xBF)
        .unwrap_or(0);
    let head = &head[start..];
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    let has = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
    if lower.starts_with(b"<") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Format::Feed;
        }
        if has(b"<html") || has(b"<!doctype html") || has(b"<body") || has(b"<head") {
            return Format::Html;
        }
    }
    if lower.starts_with(b"{") {
        let line_end = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
        if serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes[..line_end])
            .is_ok()
        {
            return Format::Jsonl;
        }
    }
    Format::Plain
}

/// Refuses empty and binary files and decodes UTF-8 (lossily if allowed).
fn check_text(
    name: &str,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<(String, Vec<String>), ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty {
            path: name.to_string(),
        });
    }
    if let Some((offset, byte)) = binary_at(&bytes) {
        return Err(ReadError::Binary {
            path: name.to_string(),
            offset,
            byte,
        });
    }
    decode_utf8(name, bytes, opts, None, 0)
}

/// The first NUL byte in the first 8 KiB, or the first control byte when they make up
/// more than 1% of it: (offset, byte).
fn binary_at(bytes: &[u8]) -> Option<(u64, u8)> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(k) = memchr::memchr(0, head) {
        return Some((k as u64, 0));
    }
    let is_ctl = |c: &u8| *c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B);
    let n = head.iter().filter(|c| is_ctl(c)).count();
    if n * 100 > head.len() {
        let k = head.iter().position(is_ctl).unwrap_or(0);
        return Some((k as u64, head[k]));
    }
    None
}

/// Decodes UTF-8; `base` is the file offset of `bytes[0]` for error messages.
fn decode_utf8(
    name: &str,
    bytes: Vec<u8>,
    opts: &ReadOptions,
    line: Option<u64>,
    base: u64,
) -> Result<(String, Vec<String>), ReadError> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, Vec::new())),
        Err(e) => {
            let offset = base + e.utf8_error().valid_up_to() as u64;
            if !opts.lossy {
                return Err(ReadError::Utf8 {
                    path: name.to_string(),
                    offset,
                    line,
                });
            }
            let bytes = e.into_bytes();
            let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
            let warning =
                format!("{name}: invalid UTF-8 at byte offset {offset}{at} replaced with U+FFFD");
            Ok((String::from_utf8_lossy(&bytes).into_owned(), vec![warning]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            sniff(b"  <feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Format::Html
        );
        assert_eq!(
            sniff(b"{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2"),
            Format::Jsonl
        );
        assert_eq!(sniff(b"{not json at all"), Format::Plain);
        assert_eq!(sniff(b"<b>bold</b> is not a page"), Format::Plain);
        assert_eq!(sniff(b"Plain words."), Format::Plain);
    }

    #[test]
    fn binary_detection() {
        assert_eq!(binary_at(b"text\x00more"), Some((4, 0)));
        assert_eq!(binary_at(b"tab\tand\r\nnewline\x0cform feed"), None);
        let noisy: Vec<u8> = (0..200u8)
            .map(|i| if i % 10 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(binary_at(&noisy), Some((0, 1)));
        assert_eq!(binary_at("caf\u{e9} \u{2014} ok".as_bytes()), None);
    }

    #[test]
    fn utf8_offsets_and_lossy_warning() {
        let opts = ReadOptions::default();
        let err = decode_utf8("f.txt", b"ab\xffcd".to_vec(), &opts, Some(3), 100)
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("f.txt: invalid UTF-8 at byte offset 102 (line 3); convert the file to UTF-8 or read it lossily"));
        let (text, warnings) = decode_utf8(
            "f.txt",
            b"ab\xffcd".to_vec(),
            &ReadOptions { lossy: true },
            None,
            0,
        )
        .unwrap_or_default();
        assert_eq!(text, "ab\u{FFFD}cd");
        assert_eq!(warnings.len(), 1);
    }
}
