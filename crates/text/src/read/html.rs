//! HTML pages: the article body, as a reader view shows it.
//!
//! The Readability port dom_smoothie scores the page's blocks and keeps the article,
//! dropping navigation, scripts, styles, share bars, menus, footers and link lists; it
//! also reads the title and the published time from meta tags and JSON-LD. Its cleaned
//! article HTML is turned into text by [`crate::html_text`], so paragraphs become blank
//! lines. The title is put first, on its own line, because headlines carry events too;
//! the splitter marks it as a heading.
//!
//! A tree builder recurses over the DOM, so a page nested thousands of levels deep could
//! overflow the stack. Such pages (deeper than [`MAX_DEPTH`]) and pages Readability
//! cannot grab skip it and go through the linear tag stripper with page chrome removed.

use super::ReadError;
use crate::html_text::html_to_text;
use crate::{Document, Metadata};
use dom_smoothie::{Config, Readability};

/// Element nesting beyond which the tree builder is not used.
const MAX_DEPTH: usize = 256;

/// Reads one HTML page.
pub(super) fn read(name: &str, html: String) -> Result<Document, ReadError> {
    let mut meta = Metadata::default();
    let mut body = None;
    if max_depth(&html) <= MAX_DEPTH {
        if let Ok(mut r) = Readability::new(html.as_str(), None, Some(Config::default())) {
            if let Ok(article) = r.parse() {
                let text = html_to_text(&article.content, false);
                // A "body" of one or two words is a menu item Readability fell back on
                // when the page has no article; the stripper below decides then.
                if text.split_whitespace().count() >= 3 {
                    body = Some(text);
                }
                meta.title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
                meta.date = article.published_time.filter(|t| !t.trim().is_empty());
                meta.url = article.url;
                meta.source = article.site_name;
            }
        }
    }
    let body = match body {
        Some(b) => b,
        None => {
            if meta.title.is_none() {
                meta.title = title_tag(&html);
            }
            html_to_text(&html, true)
        }
    };
    if !body.chars().any(char::is_alphanumeric) {
        return Err(ReadError::NoText {
            path: name.to_string(),
        });
    }
    let original = match &meta.title {
        Some(t) if !body.trim_start().starts_with(t.as_str()) => {
            format!("{t}\n\n{}", body.trim_start())
        }
        _ => body,
    };
    Ok(Document::new(name, original, meta))
}

/// The deepest element nesting, counting open and close tags (void elements excepted).
fn max_depth(html: &str) -> usize {
    const VOID: &[&[u8]] = &[
        b"br", b"img", b"meta", b"link", b"input", b"hr", b"source", b"wbr", b"area", b"base",
        b"col", b"embed", b"param", b"track",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let p = i + k + 1;
        i = p;
        let closing = b.get(p) == Some(&b'/');
        let ns = p + usize::from(closing);
        let n = b[ns.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if n == 0 {
            continue;
        }
        let tag = b[ns..ns + n].to_ascii_lowercase();
        if VOID.contains(&tag.as_slice()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The `<title>` text, for pages Readability did not handle.
fn title_tag(html: &str) -> Option<String> {
    let lower = html.get(..html.len().min(1 << 16))?.to_ascii_lowercase();
    let s = lower.find("<title")?;
    let open_end = s + lower[s..].find('>')? + 1;
    let e = open_end + lower[open_end..].find("</title")?;
    let t = html_to_text(html.get(open_end..e)?, false);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth() {
        assert_eq!(max_depth("<div><p>a<br>b</p></div>"), 2);
        let deep = "<div>".repeat(5000);
        assert_eq!(max_depth(&deep), 5000);
    }

    #[test]
    fn deep_page_does_not_overflow() {
        let deep = format!(
            "<html><body>{}<p>Troops crossed the river.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let d = read("deep.html", deep).ok().map(|d| d.text);
        assert_eq!(d.as_deref(), Some("Troops crossed the river."));
    }
}
