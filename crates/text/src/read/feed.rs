//! RSS 2.0 and Atom feeds: one document per item.
//!
//! feed-rs parses both formats (and RSS 0.9/1.0, JSON Feed). Each item's content,
//! else its description or summary, becomes a document; HTML inside it is reduced to
//! text. The item's title goes first, on its own line, as for HTML pages. The document
//! is named by the item's guid/id, else its link, else its title. The item date is kept
//! in [`crate::Metadata::date`] as the outlet's local date and time ("2023-01-09T23:30:00",
//! zone dropped), so the document date is the day the outlet printed.

use super::ReadError;
use crate::html_text::html_to_text;
use crate::{Document, Metadata};

/// Reads every item of a feed.
pub(super) fn read(name: &str, text: &str) -> Vec<Result<Document, ReadError>> {
    // Items without a guid get an empty id here, so the name falls back to link or title
    // rather than to an opaque generated hash.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(local_timestamp)
        .build();
    let feed = match parser.parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(ReadError::Feed {
                path: name.to_string(),
                message: format!("not a valid RSS or Atom feed: {e}"),
            })]
        }
    };
    if feed.entries.is_empty() {
        return vec![Err(ReadError::Feed {
            path: name.to_string(),
            message: "the feed has no items".into(),
        })];
    }
    let source = feed
        .title
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, e) in feed.entries.into_iter().enumerate() {
        let title = e
            .title
            .map(|t| one_line(&html_to_text(&t.content, false)))
            .filter(|t| !t.is_empty());
        let url = e.links.first().map(|l| l.href.clone());
        let id = Some(e.id.trim().to_string()).filter(|s| !s.is_empty());
        let doc_name = id
            .clone()
            .or_else(|| url.clone())
            .or_else(|| title.clone())
            .unwrap_or_else(|| format!("{name}#{}", i + 1));
        let body = e
            .content
            .and_then(|c| c.body)
            .or_else(|| e.summary.map(|s| s.content))
            .unwrap_or_default();
        let body = html_to_text(&body, false);
        if !body.chars().any(char::is_alphanumeric) {
            out.push(Err(ReadError::Feed {
                path: name.to_string(),
                message: format!(
                    "item {} ({doc_name}) has no content, description or summary",
                    i + 1
                ),
            }));
            continue;
        }
        let original = match &title {
            Some(t) => format!("{t}\n\n{}", body.trim_start()),
            None => body,
        };
        let date = e
            .published
            .or(e.updated)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string());
        let meta = Metadata {
            id,
            date,
            url,
            source: source.clone(),
            title,
        };
        out.push(Ok(Document::new(doc_name, original, meta)));
    }
    out
}

/// Parses a feed timestamp keeping the wall-clock time of its own zone.
///
/// feed-rs converts to UTC by default, which moves "Mon, 09 Jan 2023 23:30:00 -0500" to
/// January 10; the document date must be the day the outlet printed. The returned value
/// carries the local date and time in a UTC type, and is written without a zone.
fn local_timestamp(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let s = s.trim();
    let fixed = chrono::DateTime::parse_from_rfc3339(s)
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(s))
        .ok()
        .map(|d| d.naive_local().and_utc());
    fixed.or_else(|| {
        let d = crate::parse_date(s)?;
        let date = chrono::NaiveDate::from_ymd_opt(d.year?, u32::from(d.month), u32::from(d.day))?;
        Some(date.and_hms_opt(0, 0, 0)?.and_utc())
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
