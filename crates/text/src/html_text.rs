//! HTML to plain text without building a tree.
//!
//! Used for feed item bodies (small HTML fragments), for the article content that the
//! Readability pass returns, and as the fallback for pages a tree builder should not see
//! (nesting deep enough to threaten the stack). It is a single forward scan, so any
//! input, however broken or deep, costs linear time and constant stack.
//!
//! Block elements become line breaks (paragraphs `\n\n`, list items and `<br>` `\n`);
//! raw newlines inside text are spaces, as a browser shows them. Script, style and other
//! non-content elements are skipped with their content; with `strip_chrome` the page
//! furniture elements (nav, footer, aside, form, menus, buttons) are skipped as well.

/// Elements whose content is never text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
    "select", "math",
];

/// Page furniture, skipped when reducing a whole page without Readability.
const CHROME: &[&str] = &[
    "nav", "footer", "aside", "form", "button", "menu", "header", "figure",
];

const PARAGRAPH: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "table",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "main",
    "dl",
    "hr",
    "address",
    "details",
    "summary",
];

const LINE: &[&str] = &["br", "li", "tr", "dt", "dd", "caption"];

/// Converts HTML (a fragment or a page) to text with line structure.
pub(crate) fn html_to_text(html: &str, strip_chrome: bool) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(k) = memchr::memchr2(b'<', b'&', &b[i..]) else {
            push_text(&mut out, &html[i..]);
            break;
        };
        push_text(&mut out, &html[i..i + k]);
        i += k;
        if b[i] == b'&' {
            i = entity(html, i, &mut out);
        } else {
            i = tag(html, i, strip_chrome, &mut out);
        }
    }
    out
}

fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        out.push(if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        });
    }
}

/// Handles the tag at `i` (a '<'); returns where scanning resumes.
fn tag(html: &str, i: usize, strip_chrome: bool, out: &mut String) -> usize {
    let b = html.as_bytes();
    if html[i..].starts_with("<!--") {
        return html[i + 4..].find("-->").map_or(b.len(), |k| i + 4 + k + 3);
    }
    let closing = b.get(i + 1) == Some(&b'/');
    let ns = i + 1 + usize::from(closing);
    let nlen = b[ns.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if nlen == 0 {
        // Not a tag ("a < b", "<!DOCTYPE", "<?xml"): skip declarations, keep a lone '<'.
        if matches!(b.get(i + 1), Some(b'!' | b'?')) {
            return memchr::memchr(b'>', &b[i..]).map_or(b.len(), |k| i + k + 1);
        }
        out.push('<');
        return i + 1;
    }
    let name = html[ns..ns + nlen].to_ascii_lowercase();
    let end = memchr::memchr(b'>', &b[ns..]).map_or(b.len(), |k| ns + k + 1);
    let self_closing = end >= 2 && b[end - 2] == b'/';
    let skip = SKIP.contains(&name.as_str()) || (strip_chrome && CHROME.contains(&name.as_str()));
    if !closing && skip && !self_closing {
        return skip_element(html, end, &name);
    }
    if PARAGRAPH.contains(&name.as_str()) {
        out.push_str("\n\n");
    } else if LINE.contains(&name.as_str()) {
        out.push('\n');
    } else if matches!(name.as_str(), "td" | "th") {
        out.push(' ');
    }
    end
}

/// Skips to after the matching close tag of `name`, counting nested same-name elements.
fn skip_element(html: &str, mut i: usize, name: &str) -> usize {
    let lower = html.as_bytes();
    let mut depth = 1usize;
    while let Some(k) = memchr::memchr(b'<', &lower[i..]) {
        let p = i + k;
        let closing = lower.get(p + 1) == Some(&b'/');
        let ns = p + 1 + usize::from(closing);
        let matches = lower.len() >= ns + name.len()
            && lower[ns..ns + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && !lower
                .get(ns + name.len())
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if matches {
            if closing {
                depth -= 1;
                if depth == 0 {
                    return memchr::memchr(b'>', &lower[p..]).map_or(lower.len(), |k| p + k + 1);
                }
            } else if !matches!(name, "script" | "style") {
                depth += 1;
            }
        }
        i = p + 1;
    }
    lower.len()
}

/// Decodes the entity at `i` (a '&'); returns where scanning resumes.
fn entity(html: &str, i: usize, out: &mut String) -> usize {
    let b = html.as_bytes();
    let Some(len) = b[i + 1..].iter().take(32).position(|&c| c == b';') else {
        out.push('&');
        return i + 1;
    };
    let name = &html[i + 1..i + 1 + len];
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        };
        v.and_then(char::from_u32)
    } else {
        named(name)
    };
    match c {
        Some(c) => {
            out.push(c);
            i + len + 2
        }
        None => {
            out.push('&');
            i + 1
        }
    }
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "hellip" => '\u{2026}',
        "copy" => '\u{A9}',
        "shy" => '\u{AD}',
        "laquo" => '\u{AB}',
        "raquo" => '\u{BB}',
        "euro" => '\u{20AC}',
        "pound" => '\u{A3}',
        "deg" => '\u{B0}',
        "middot" => '\u{B7}',
        "bull" => '\u{2022}',
        "eacute" => '\u{E9}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_entities_scripts() {
        let t = html_to_text("<p>Troops &amp; tanks<br>moved</p><script>var x = '<p>';</script><p>Kyiv&#8217;s &#x2014; x</p>", false);
        assert_eq!(
            t,
            "\n\nTroops & tanks\nmoved\n\n\n\nKyiv\u{2019}s \u{2014} x\n\n"
        );
    }

    #[test]
    fn chrome_and_deep_nesting() {
        let t = html_to_text(
            "<nav><ul><li>Home</li></ul></nav><p>Body</p><footer>(c) Site</footer>",
            true,
        );
        assert_eq!(t.trim(), "Body");
        let deep = "<div>".repeat(200_000) + "deep text" + &"</div>".repeat(200_000);
        assert_eq!(html_to_text(&deep, true).trim(), "deep text");
    }
}
