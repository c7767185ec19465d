//! JSON Lines: one document per line, streamed.
//!
//! Each line is read into one reused buffer with `read_until`, so a 1 GB file costs the
//! memory of its longest line, and a 10 MB line costs linear time. A broken line gives an
//! error item naming the file and line; reading continues with the next line.

use super::{binary_at, decode_utf8, ReadError, ReadOptions};
use crate::{Document, Metadata};
use serde::Deserialize;
use serde_json::Value;
use std::io::BufRead;

/// One record. `text` is required; `content` and `body` are accepted for it.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default, alias = "content", alias = "body")]
    text: Option<Value>,
    #[serde(default)]
    date: Option<Value>,
    #[serde(default)]
    url: Option<Value>,
    #[serde(default)]
    source: Option<Value>,
    #[serde(default)]
    title: Option<Value>,
}

/// A scalar JSON value as a string (ids and dates are sometimes numbers).
fn scalar(v: Option<Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The records of one JSON Lines input.
pub(super) struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    buf: Vec<u8>,
    line: u64,
    offset: u64,
    opts: ReadOptions,
    seen: bool,
    done: bool,
}

impl Lines {
    pub(super) fn new(name: String, reader: Box<dyn BufRead>, opts: &ReadOptions) -> Self {
        Lines {
            name,
            reader,
            buf: Vec::new(),
            line: 0,
            offset: 0,
            opts: opts.clone(),
            seen: false,
            done: false,
        }
    }

    pub(super) fn next(&mut self) -> Option<Result<Document, ReadError>> {
        while !self.done {
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(source) => {
                    self.done = true;
                    return Some(Err(ReadError::Io {
                        path: self.name.clone(),
                        source,
                    }));
                }
            };
            if n == 0 {
                self.done = true;
                if !self.seen {
                    return Some(Err(ReadError::Empty {
                        path: self.name.clone(),
                    }));
                }
                break;
            }
            self.line += 1;
            let start = self.offset;
            self.offset += n as u64;
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if !self.seen {
                self.seen = true;
                if let Some((k, byte)) = binary_at(&self.buf) {
                    self.done = true;
                    return Some(Err(ReadError::Binary {
                        path: self.name.clone(),
                        offset: start + k,
                        byte,
                    }));
                }
            }
            return Some(self.record(start));
        }
        None
    }

    fn record(&mut self, start: u64) -> Result<Document, ReadError> {
        let bytes = std::mem::take(&mut self.buf);
        let (line, warnings) = decode_utf8(&self.name, bytes, &self.opts, Some(self.line), start)?;
        let err = |message: String| ReadError::Record {
            path: self.name.clone(),
            line: self.line,
            message,
        };
        if !line.trim_start().starts_with('{') {
            return Err(err(
                "invalid JSON record: expected an object {\"id\": ..., \"text\": ...}".into(),
            ));
        }
        let rec: Record = serde_json::from_str(line.trim_end())
            .map_err(|e| err(format!("invalid JSON record: {e}")))?;
        let text = match rec.text {
            Some(Value::String(s)) => s,
            Some(_) => return Err(err("field \"text\" is not a string".into())),
            None => return Err(err("record has no \"text\" field".into())),
        };
        if text.trim().is_empty() {
            return Err(err("field \"text\" is empty".into()));
        }
        let id = scalar(rec.id);
        let name = id
            .clone()
            .unwrap_or_else(|| format!("{}:{}", self.name, self.line));
        let meta = Metadata {
            id,
            date: scalar(rec.date),
            url: scalar(rec.url),
            source: scalar(rec.source),
            title: scalar(rec.title),
        };
        let mut doc = Document::new(name, text, meta);
        doc.warnings = warnings;
        // Hand the buffer back for reuse.
        self.buf = line.into_bytes();
        Ok(doc)
    }
}
