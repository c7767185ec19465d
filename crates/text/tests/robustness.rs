//! Hostile inputs: huge lines, deep markup, unreadable directories, arbitrary strings.
//! Files are generated in a temporary directory (never checked in).

use proptest::prelude::*;
use rung_text::{normalize, read_inputs, ReadOptions, Segmenter};
use std::path::PathBuf;

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rung-text-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("cannot create {}: {e}", d.display()));
    d
}

/// One sentence, with abbreviations that must not split it.
const UNIT: &str =
    "Gen. Ivanov said the U.S. sent 1,200 shells to the 3rd Brigade at 9 a.m. Monday. ";

/// [`UNIT`] repeated to at least `bytes` on a single line.
fn long_line(bytes: usize) -> String {
    UNIT.repeat(bytes / UNIT.len() + 1)
}

#[test]
fn ten_megabyte_jsonl_line_and_following_records() {
    let d = temp_dir("bigline");
    let text = long_line(10 << 20);
    let body = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "big", "text": text}),
        serde_json::json!({"id": "next", "text": "Still read."})
    );
    let path = d.join("big.jsonl");
    std::fs::write(&path, body).unwrap_or_else(|e| panic!("{e}"));
    let docs: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    assert_eq!(docs.len(), 2);
    let big = docs[0]
        .as_ref()
        .map_err(|e| e.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(big.text.len() >= 10 << 20);
    let sentences = Segmenter::new().segment(&big.text);
    // Each repeated unit is exactly one sentence.
    assert_eq!(sentences.len(), (10 << 20) / UNIT.len() + 1);
    assert!(matches!(&docs[1], Ok(d) if d.name == "next"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn ten_megabyte_plain_line_without_spaces() {
    // No whitespace at all: one giant chunk must still tokenize in linear time.
    let s = "x-".repeat(5 << 20);
    let toks = rung_text::tokenize(&s);
    assert_eq!(toks.len(), 10 << 20);
}

#[test]
fn many_records_stream() {
    let d = temp_dir("many");
    let path = d.join("many.jsonl");
    let mut body = String::new();
    for i in 0..50_000 {
        body.push_str(&serde_json::json!({"id": format!("r{i}"), "text": "Shelling hit the town. Two people died."}).to_string());
        body.push('\n');
    }
    std::fs::write(&path, body).unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0;
    for (i, doc) in read_inputs(&[path], &ReadOptions::default()).enumerate() {
        let doc = doc
            .map_err(|e| e.to_string())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.name, format!("r{i}"));
        n += 1;
    }
    assert_eq!(n, 50_000);
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn unreadable_directory_is_an_error_item() {
    use std::os::unix::fs::PermissionsExt;
    let d = temp_dir("perm");
    let locked = d.join("locked");
    std::fs::create_dir_all(&locked).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(locked.join("a.txt"), "Text.").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("z.txt"), "After.").unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000));
    if std::fs::read_dir(&locked).is_ok() {
        // Running as root: permissions do not apply; nothing to test.
        let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
        eprintln!("skipping: directory permissions are not enforced for this user");
        return;
    }
    let items: Vec<_> = read_inputs(std::slice::from_ref(&d), &ReadOptions::default()).collect();
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
    assert!(matches!(&items[0], Err(e) if e.to_string().contains("cannot read directory")));
    assert!(matches!(&items[1], Ok(doc) if doc.text == "After."));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn broken_symlink_in_directory_is_reported() {
    let d = temp_dir("link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("missing-target"), d.join("dangling.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        let items: Vec<_> =
            read_inputs(std::slice::from_ref(&d), &ReadOptions::default()).collect();
        assert!(matches!(&items[0], Err(e) if e.to_string().contains("dangling.txt: cannot open")));
    }
    let _ = std::fs::remove_dir_all(&d);
}

fn news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => Just(' '), 1 => Just('\n'), 1 => Just('.'), 1 => Just('"'),
        1 => prop::sample::select(vec!['\u{2014}', '\u{201C}', '\u{201D}', '\u{2019}', '\u{A0}', '\u{200B}', '\u{AD}', '\u{FEFF}', '\r', '\t', '\u{301}', '\u{e9}', 'A', 'U', 'S', '-', '\'', '$', '1', ',', '?', '\u{2026}', '\u{1F600}', '\u{2029}']),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every normalized offset maps to a char boundary of the original, monotonically,
    /// and every ASCII letter maps to the same letter.
    #[test]
    fn offset_map_is_sound(chars in prop::collection::vec(news_char(), 0..80)) {
        let original: String = chars.into_iter().collect();
        let (text, map) = normalize(&original);
        let mut last = 0;
        for (n, c) in text.char_indices() {
            let o = map.to_original(n);
            prop_assert!(o < original.len());
            prop_assert!(original.is_char_boundary(o));
            prop_assert!(o >= last);
            last = o;
            if c.is_ascii_alphanumeric() {
                prop_assert_eq!(original.as_bytes()[o] as char, c);
            }
        }
        prop_assert!(map.to_original(text.len()) <= original.len());
    }

    /// Segmenting never panics, sentences are ordered, within the text and on boundaries,
    /// and tokens lie inside their sentence.
    #[test]
    fn segments_are_well_formed(chars in prop::collection::vec(news_char(), 0..120)) {
        let original: String = chars.into_iter().collect();
        let (text, _) = normalize(&original);
        let mut last = 0;
        for s in Segmenter::new().segment(&text) {
            prop_assert!(s.start >= last && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            last = s.end;
            for t in &s.tokens {
                prop_assert!(t.start as usize >= s.start && t.end as usize <= s.end && t.start < t.end);
                prop_assert!(!t.form(&text).trim().is_empty());
            }
        }
    }
}
