//! Golden cases from testdata/{split,tokenize,docdate,read}.
//!
//! Split and tokenize cases run the whole text path a document takes: `normalize`, then
//! `Segmenter::segment`. Read cases read fixture files under testdata/read/files.

use rung_testkit::{repo_root, run_golden};
use rung_text::{
    document_date, normalize, parse_date_arg, read_inputs, sentence_text, DocDate, Document,
    Metadata, ReadOptions, Segmenter, SentenceKind,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct SplitCase {
    text: String,
    sentences: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
}

fn kind_name(k: SentenceKind) -> &'static str {
    match k {
        SentenceKind::Body => "body",
        SentenceKind::Heading => "heading",
        SentenceKind::Meta => "meta",
    }
}

#[test]
fn golden_split() {
    let seg = Segmenter::new();
    run_golden("split", |c: &SplitCase| {
        let (text, _) = normalize(&c.text);
        let got = seg.segment(&text);
        let texts: Vec<&str> = got.iter().map(|s| sentence_text(&text, s)).collect();
        if texts != c.sentences {
            return Err(format!(
                "sentences\n    got:    {texts:?}\n    wanted: {:?}",
                c.sentences
            ));
        }
        if !c.kinds.is_empty() {
            let kinds: Vec<&str> = got.iter().map(|s| kind_name(s.kind)).collect();
            if kinds != c.kinds {
                return Err(format!(
                    "kinds\n    got:    {kinds:?}\n    wanted: {:?}",
                    c.kinds
                ));
            }
        }
        Ok(())
    });
}

#[derive(Deserialize)]
struct TokenizeCase {
    text: String,
    tokens: Vec<String>,
}

#[test]
fn golden_tokenize() {
    let seg = Segmenter::new();
    run_golden("tokenize", |c: &TokenizeCase| {
        let (text, _) = normalize(&c.text);
        let got: Vec<&str> = seg
            .segment(&text)
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| t.form(&text)))
            .collect();
        if got != c.tokens {
            return Err(format!(
                "tokens\n    got:    {got:?}\n    wanted: {:?}",
                c.tokens
            ));
        }
        Ok(())
    });
}

#[derive(Deserialize)]
struct DateCase {
    #[serde(default)]
    text: String,
    #[serde(default)]
    meta_date: Option<String>,
    #[serde(default)]
    arg: Option<String>,
    /// "2023-01-09", "--10-17" (no year) or "none" / "error".
    expect: String,
}

fn show(d: Option<DocDate>) -> String {
    match d {
        Some(DocDate {
            year: Some(y),
            month,
            day,
        }) => format!("{y:04}-{month:02}-{day:02}"),
        Some(DocDate {
            year: None,
            month,
            day,
        }) => format!("--{month:02}-{day:02}"),
        None => "none".into(),
    }
}

#[test]
fn golden_docdate() {
    run_golden("docdate", |c: &DateCase| {
        let got = match &c.arg {
            Some(a) => match parse_date_arg(a) {
                Ok(d) => show(Some(d)),
                Err(_) => "error".into(),
            },
            None => {
                let meta = Metadata {
                    date: c.meta_date.clone(),
                    ..Metadata::default()
                };
                show(document_date(&Document::new("case", c.text.as_str(), meta)))
            }
        };
        if got != c.expect {
            return Err(format!("got {got}, wanted {}", c.expect));
        }
        Ok(())
    });
}

#[derive(Deserialize)]
struct ReadCase {
    /// Paths relative to testdata/read/files.
    paths: Vec<String>,
    #[serde(default)]
    lossy: bool,
    items: Vec<ReadItem>,
}

#[derive(Deserialize, Default)]
struct ReadItem {
    /// Expected document name (path relative names are prefixed with the files dir).
    name: Option<String>,
    /// A substring of the expected error message (the item must be an error).
    error: Option<String>,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    text: Option<String>,
    #[serde(default)]
    warnings: usize,
    /// Kind of the first sentence.
    first_kind: Option<String>,
}

fn check_item(want: &ReadItem, got: &Result<Document, rung_text::ReadError>) -> Result<(), String> {
    match (want.error.as_deref(), got) {
        (Some(e), Err(err)) => {
            let msg = err.to_string();
            return if msg.contains(e) {
                Ok(())
            } else {
                Err(format!("error {msg:?} lacks {e:?}"))
            };
        }
        (Some(e), Ok(d)) => {
            return Err(format!(
                "wanted error {e:?}, got document {:?}: {:?}",
                d.name, d.text
            ))
        }
        (None, Err(err)) => return Err(format!("unexpected error: {err}")),
        (None, Ok(_)) => {}
    }
    let Ok(d) = got else { return Ok(()) };
    if let Some(n) = &want.name {
        if !d.name.ends_with(n.as_str()) {
            return Err(format!("name {:?} does not end with {n:?}", d.name));
        }
    }
    for s in &want.contains {
        if !d.text.contains(s.as_str()) {
            return Err(format!("{}: text lacks {s:?}; text: {:?}", d.name, d.text));
        }
    }
    for s in &want.absent {
        if d.text.contains(s.as_str()) {
            return Err(format!("{}: text holds {s:?}; text: {:?}", d.name, d.text));
        }
    }
    let opt = |label: &str, w: &Option<String>, g: &Option<String>| match w {
        Some(w) if g.as_deref() != Some(w.as_str()) => Err(format!("{label} {g:?}, wanted {w:?}")),
        _ => Ok(()),
    };
    opt("title", &want.title, &d.meta.title)?;
    opt("date", &want.date, &d.meta.date)?;
    opt("url", &want.url, &d.meta.url)?;
    if let Some(t) = &want.text {
        if &d.text != t {
            return Err(format!("text {:?}, wanted {t:?}", d.text));
        }
    }
    if d.warnings.len() != want.warnings {
        return Err(format!(
            "warnings {:?}, wanted {}",
            d.warnings, want.warnings
        ));
    }
    if let Some(k) = &want.first_kind {
        let s = Segmenter::new().segment(&d.text);
        let got = s.first().map(|s| kind_name(s.kind)).unwrap_or("none");
        if got != k {
            return Err(format!("first sentence kind {got}, wanted {k}"));
        }
    }
    Ok(())
}

#[test]
fn golden_read() {
    let files = repo_root().join("testdata").join("read").join("files");
    run_golden("read", |c: &ReadCase| {
        let paths: Vec<_> = c.paths.iter().map(|p| files.join(p)).collect();
        let got: Vec<_> = read_inputs(&paths, &ReadOptions { lossy: c.lossy }).collect();
        if got.len() != c.items.len() {
            let summary: Vec<String> = got
                .iter()
                .map(|r| match r {
                    Ok(d) => format!("doc {}", d.name),
                    Err(e) => format!("error {e}"),
                })
                .collect();
            return Err(format!(
                "{} items, wanted {}: {summary:?}",
                got.len(),
                c.items.len()
            ));
        }
        for (w, g) in c.items.iter().zip(&got) {
            check_item(w, g)?;
        }
        Ok(())
    });
}
