//! Lines that are not running text: bylines, date lines and page debris.
//!
//! Readers and scrapers leave share bars, menus, ad slots and copyright lines in the text.
//! They are kept (offsets stay honest) but marked [`crate::SentenceKind::Meta`] so the
//! coder never reads "Facebook Twitter Email" as a sentence. Matching is on whole lines,
//! case-insensitive, so a sentence that merely mentions Twitter stays a sentence.

/// Whole lines that are page furniture.
const DEBRIS: &[&str] = &[
    "ad",
    "advertisement",
    "advertising",
    "back to top",
    "close",
    "comment",
    "comments",
    "continue reading",
    "copy link",
    "copy url",
    "cookie settings",
    "email",
    "e-mail",
    "facebook",
    "follow us",
    "home",
    "leave a comment",
    "link copied",
    "listen",
    "listen to this article",
    "loading",
    "log in",
    "menu",
    "more",
    "most read",
    "next",
    "newsletter",
    "previous",
    "print",
    "read more",
    "recommended",
    "related",
    "related articles",
    "related stories",
    "related topics",
    "search",
    "share",
    "share article",
    "share on facebook",
    "share on twitter",
    "share this",
    "share this article",
    "share this story",
    "sign in",
    "sign up",
    "skip to content",
    "skip to main content",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "subscribe",
    "toggle navigation",
    "top stories",
    "trending",
    "tweet",
    "video",
    "watch",
    "whatsapp",
    "x",
    "you may also like",
    "open in app",
    "save",
    "gift article",
    "view comments",
    "accept cookies",
    "accept all cookies",
    "show more",
    "see more",
    "load more",
    "most popular",
    "latest news",
    "breaking news",
    "live updates",
    "photo",
    "photos",
];

/// Words a share bar is made of ("Facebook Twitter Email").
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "whatsapp",
    "linkedin",
    "reddit",
    "telegram",
    "pinterest",
    "print",
    "share",
    "copy",
    "link",
    "messenger",
    "tumblr",
    "vk",
    "flipboard",
    "pocket",
    "sms",
    "mail",
    "threads",
    "bluesky",
    "on",
    "via",
    "|",
    "/",
];

/// Line openings that mark a whole line as meta ("Read more: ...").
const PREFIXES: &[&str] = &[
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "more:",
    "watch:",
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "compiled by",
    "(reporting by",
    "photo:",
    "image:",
    "photograph:",
    "credit:",
    "source:",
    "copyright",
    "(c) ",
    "all rights reserved",
    "follow us on",
    "sign up for",
    "click here",
    "file photo",
    "updated:",
    "published:",
    "posted:",
    "last updated",
    "first published",
    "our standards:",
    "this story has been",
    "this article was",
    "(additional reporting",
];

/// Line endings that mark a contributor note.
const SUFFIXES: &[&str] = &[
    "contributed to this report.",
    "contributed reporting.",
    "contributed to this story.",
];

/// Whether a whole line is a byline, date line or page debris.
pub(crate) fn is_meta_line(line: &str) -> bool {
    let t = line.trim_matches(|c: char| {
        c == ' ' || c == '|' || c == ':' || c == '-' || c == '>' || c == '.'
    });
    if t.is_empty() || !t.chars().any(char::is_alphabetic) {
        // Icons, separators, lone numbers ("12", "|||", "©").
        return line.chars().count() <= 40;
    }
    if line.starts_with('\u{A9}') {
        return true;
    }
    if t.len() <= 40 && DEBRIS.iter().any(|d| t.eq_ignore_ascii_case(d)) {
        return true;
    }
    let lower_prefix = |p: &str| {
        line.len() >= p.len() && line.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if PREFIXES.iter().any(|p| lower_prefix(p)) {
        return true;
    }
    if line.len() <= 200
        && SUFFIXES.iter().any(|x| {
            line.len() >= x.len()
                && line.as_bytes()[line.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
        })
    {
        return true;
    }
    is_share_bar(t) || is_byline(line) || is_date_line(line) || is_photo_credit(line)
}

/// "(AP Photo/Efrem Lukatsky)", "Smoke rises over the port. Photo: Reuters",
/// "A soldier walks past a building. (Getty Images)".
fn is_photo_credit(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "AP Photo",
        "Photo/",
        "/Getty Images",
        "Getty Images",
        "/AFP",
        "/Reuters",
        "/AP)",
        "Photo credit",
        "(Photo:",
        "Photo by",
        "Image credit",
    ];
    // One cheap scan rules out nearly every paragraph before the marks are searched.
    line.len() <= 300
        && (memchr::memchr(b'/', line.as_bytes()).is_some()
            || line.contains("hoto")
            || line.contains("Getty"))
        && MARKS.iter().any(|m| line.contains(m))
}

fn is_share_bar(t: &str) -> bool {
    let mut n = 0;
    for w in t.split([' ', ',']).filter(|w| !w.is_empty()) {
        if !SHARE_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// "By Jane Smith", "By JANE SMITH and Tom Lee, Reuters", "By Staff Writer | AFP".
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 12 || rest.ends_with(['!', '?']) {
        return false;
    }
    // Names are capitalized; allow connectors ("and", "in", "for") and agencies.
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    let connectors = [
        "and", "in", "for", "of", "the", "|", "-", "&", "de", "van", "von", "al",
    ];
    caps >= 1
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || connectors.contains(&w.trim_end_matches(','))
        })
}

/// A short line that is (mostly) a date: "Jan 9, 2023", "Updated 3 March 2023 12:32".
fn is_date_line(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    match crate::docdate::find_date(line) {
        Some((s, e, _)) => {
            let rest = line[..s].len() + line[e..].len();
            let words_outside = line[..s]
                .split(' ')
                .chain(line[e..].split(' '))
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            rest <= 30 || words_outside <= 3
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_and_bylines() {
        for l in [
            "Share",
            "Facebook Twitter Email",
            "ADVERTISEMENT",
            "Read more: Troops leave",
            "\u{A9} 2023 News Ltd",
            "By Jane Smith",
            "By JANE SMITH and Tom Lee, Reuters",
            "Jan 9, 2023",
            "Updated 3 March 2023 12:32",
            "|",
        ] {
            assert!(is_meta_line(l), "{l}");
        }
        for l in [
            "By Tuesday the troops had left.",
            "Share prices fell on Monday after the attack.",
            "Twitter banned the account.",
            "Kyiv",
        ] {
            assert!(!is_meta_line(l), "{l}");
        }
    }
}
