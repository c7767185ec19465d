//! The validation suites: readers for TABARI `Validate.text` and PETRARCH
//! `PETR.UnitTest.records.xml`, and scoring of coded events against their gold codes.
//!
//! A record passes when the set of (source, target, code) triples coded equals the gold
//! set (a record whose gold says "no events", "discard" or "complex" passes when
//! nothing is coded). Triple figures count gold triples found and coded triples that
//! are not gold ("extra").

use crate::error::{read_text, LegacyError};
use crate::model::parse_date;
use std::collections::BTreeSet;
use std::path::Path;

/// A gold event.
pub type Triple = (String, String, String);

/// One suite record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Record id (`DEMO-01`).
    pub id: String,
    /// Category (`DEMO`, `AGENT`...).
    pub category: String,
    /// Date of the text.
    pub date: Option<(i32, u8, u8)>,
    /// The text to code.
    pub text: String,
    /// Gold events; empty with `expect_none` for no-event records.
    pub gold: Vec<Triple>,
    /// The record expects no events (`{---}`, `{###}`, `noevents`, discard errors).
    pub expect_none: bool,
    /// Option lines in force from this record on (TABARI `OPTION:`, PETRARCH `<Config>`
    /// seen before the record), as `(option, value)`.
    pub options: Vec<(String, String)>,
    /// The record's Treebank parse (PETRARCH), for the comparison mode.
    pub parse: Option<String>,
}

fn date_tuple(key: i32) -> (i32, u8, u8) {
    (key / 10_000, ((key / 100) % 100) as u8, (key % 100) as u8)
}

/// Reads TABARI `Validate.text`, stopping at `FINAL-01`.
///
/// # Errors
/// Unreadable file, or a record header with a bad date.
pub fn read_tabari_suite(path: &Path) -> Result<Vec<Record>, LegacyError> {
    let text = read_text(path)?;
    let mut out: Vec<Record> = Vec::new();
    let mut cur: Option<Record> = None;
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        if !in_comment {
            if let Some((d, id)) = header(line) {
                if let Some(r) = cur.take() {
                    out.push(r);
                }
                if id.starts_with("FINAL") {
                    break;
                }
                let date = parse_date(d).ok_or_else(|| {
                    LegacyError::syntax(path, i + 1, "expected a YYMMDD date", raw)
                })?;
                cur = Some(Record {
                    id: id.to_string(),
                    category: id.split('-').next().unwrap_or(id).to_string(),
                    date: Some(date_tuple(date)),
                    ..Record::default()
                });
                continue;
            }
        }
        let Some(r) = cur.as_mut() else { continue };
        let mut rest = line;
        if !in_comment {
            match rest.find("/*") {
                Some(p) => {
                    push_text(&mut r.text, &rest[..p]);
                    in_comment = true;
                    rest = &rest[p + 2..];
                }
                None => {
                    if !rest.trim_start().starts_with('#') {
                        push_text(&mut r.text, rest);
                    }
                    continue;
                }
            }
        }
        if let Some(p) = rest.find("*/") {
            in_comment = false;
            rest = &rest[..p];
        }
        gold_line(rest, r);
    }
    if let Some(r) = cur.take() {
        out.push(r);
    }
    Ok(out)
}

fn header(line: &str) -> Option<(&str, &str)> {
    let mut parts = line.split_whitespace();
    let d = parts.next()?;
    let id = parts.next()?;
    // A third field is a document id ("950104  FBIS-001-001  CEP20020711000012a").
    let doc_ok = parts
        .next()
        .is_none_or(|doc| doc.chars().all(|c| c.is_ascii_alphanumeric()));
    (d.len() == 6
        && d.bytes().all(|b| b.is_ascii_digit())
        && doc_ok
        && parts.next().is_none()
        && id.contains('-'))
    .then_some((d, id))
}

fn push_text(text: &mut String, line: &str) {
    let t = line.trim();
    if !t.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(t);
    }
}

/// Reads `\n{ SRC / TGT / CODE }`, `{---}`, `{ OPTION: ... }` inside a record comment.
fn gold_line(line: &str, r: &mut Record) {
    let t = line
        .trim()
        .trim_start_matches("\\n")
        .trim_start_matches('-');
    let Some(body) = t.strip_prefix('{') else {
        return;
    };
    let body = body.split('}').next().unwrap_or(body).trim();
    if let Some(opt) = body.strip_prefix("OPTION:") {
        r.options
            .push(("tabari".to_string(), opt.trim().to_string()));
        return;
    }
    match body.replace(' ', "").as_str() {
        "---" | "###" | "+++" => {
            r.expect_none = true;
            return;
        }
        _ => {}
    }
    let parts: Vec<&str> = body.split('/').map(str::trim).collect();
    if let [s, t, c] = parts.as_slice() {
        r.gold.push((s.to_string(), t.to_string(), c.to_string()));
    }
}

/// The `<Environment>` of a PETRARCH suite: dictionary files and options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetrarchEnvironment {
    /// `<Verbfile>`.
    pub verbs: Option<String>,
    /// `<Actorfile>`.
    pub actors: Option<String>,
    /// `<Agentfile>`.
    pub agents: Option<String>,
    /// `<Discardfile>`.
    pub discards: Option<String>,
    /// `<Config>` options in the environment.
    pub options: Vec<(String, String)>,
}

/// Reads `PETR.UnitTest.records.xml`: environment and records, stopping at `<Stop>`.
///
/// # Errors
/// Unreadable file or a `<Sentence>` without an end tag.
pub fn read_petrarch_suite(path: &Path) -> Result<(PetrarchEnvironment, Vec<Record>), LegacyError> {
    let text = read_text(path)?;
    let text = strip_xml_comments(&text);
    let mut env = PetrarchEnvironment::default();
    if let Some(e) = between(&text, "<Environment>", "</Environment>") {
        env.verbs = between(e, "<Verbfile>", "</Verbfile>").map(|s| s.trim().to_string());
        env.actors = between(e, "<Actorfile>", "</Actorfile>").map(|s| s.trim().to_string());
        env.agents = between(e, "<Agentfile>", "</Agentfile>").map(|s| s.trim().to_string());
        env.discards = between(e, "<Discardfile>", "</Discardfile>").map(|s| s.trim().to_string());
        env.options = configs(e);
    }
    let body = text
        .find("<Sentences>")
        .map_or(text.as_str(), |p| &text[p..]);
    let mut out = Vec::new();
    let mut rest = body;
    let mut pending: Vec<(String, String)> = Vec::new();
    while let Some(p) = rest.find("<Sentence ") {
        let before = &rest[..p];
        pending.extend(configs(before));
        if before.contains("<Stop>") {
            break;
        }
        let after = &rest[p..];
        let Some(end) = after.find("</Sentence>") else {
            let line = text[..text.len() - after.len()].lines().count() + 1;
            return Err(LegacyError::syntax(
                path,
                line,
                "expected </Sentence>",
                after.lines().next().unwrap_or(""),
            ));
        };
        let block = &after[..end];
        let tag_end = block.find('>').unwrap_or(block.len());
        let tag = &block[..tag_end];
        let date = attr(tag, "date")
            .and_then(|d| parse_date(&d))
            .map(date_tuple);
        let mut r = Record {
            id: attr(tag, "id").unwrap_or_default(),
            category: attr(tag, "category").unwrap_or_default(),
            date,
            text: between(block, "<Text>", "</Text>")
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default(),
            parse: between(block, "<Parse>", "</Parse>").map(str::to_string),
            options: std::mem::take(&mut pending),
            ..Record::default()
        };
        let mut codings = block;
        while let Some(q) = codings.find("<EventCoding") {
            let e = &codings[q..];
            let close = e.find('>').unwrap_or(e.len());
            let etag = &e[..close];
            if attr(etag, "noevents").is_some() || attr(etag, "error").is_some() {
                r.expect_none = true;
            } else {
                let s = attr(etag, "sourcecode").unwrap_or_else(|| "---".into());
                let t = attr(etag, "targetcode").unwrap_or_else(|| "---".into());
                let c = attr(etag, "eventcode").unwrap_or_default();
                r.gold.push((s, t, c));
            }
            codings = &e[close..];
        }
        out.push(r);
        rest = &after[end..];
    }
    Ok((env, out))
}

fn strip_xml_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find("<!--") {
        out.push_str(&rest[..p]);
        match rest[p..].find("-->") {
            Some(q) => {
                // Keep line count for error messages.
                out.extend(rest[p..p + q].chars().filter(|&c| c == '\n'));
                rest = &rest[p + q + 3..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let s = text.find(open)? + open.len();
    let e = text[s..].find(close)? + s;
    Some(&text[s..e])
}

/// Attribute value, accepting `"..."`, `'...'` and spaces around `=`.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    while let Some(p) = search.find(name) {
        let before_ok = p == 0 || search[..p].ends_with(char::is_whitespace);
        let rest = search[p + name.len()..].trim_start();
        if let (true, Some(v)) = (before_ok, rest.strip_prefix('=')) {
            let v = v.trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let inner = &v[1..];
                let end = inner.find(q)?;
                return Some(inner[..end].trim_matches('"').to_string());
            }
        }
        search = &search[p + name.len()..];
    }
    None
}

fn configs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(p) = rest.find("<Config") {
        let e = &rest[p..];
        let close = e.find('>').unwrap_or(e.len());
        let tag = &e[..close];
        if let (Some(o), Some(v)) = (attr(tag, "option"), attr(tag, "value")) {
            out.push((o, v));
        }
        rest = &e[close..];
    }
    out
}

/// Outcome of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordResult {
    /// Record id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Start of the text.
    pub text_start: String,
    /// Gold triples.
    pub expected: Vec<Triple>,
    /// Coded triples.
    pub got: Vec<Triple>,
    /// Whether the record passed.
    pub passed: bool,
}

/// Suite totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuiteReport {
    /// Per-record outcomes in file order.
    pub records: Vec<RecordResult>,
    /// Gold triples in all records.
    pub gold_triples: usize,
    /// Gold triples that were coded.
    pub found_triples: usize,
    /// Coded triples.
    pub coded_triples: usize,
    /// Coded triples that are not gold.
    pub extra_triples: usize,
    /// Options met in the suite that rung does not honour.
    pub ignored_options: BTreeSet<String>,
}

impl SuiteReport {
    /// Scores one record.
    pub fn add(&mut self, record: &Record, got: Vec<Triple>) {
        let gold: BTreeSet<&Triple> = record.gold.iter().collect();
        let coded: BTreeSet<&Triple> = got.iter().collect();
        let found = gold.iter().filter(|g| coded.contains(*g)).count();
        let extra = coded.iter().filter(|c| !gold.contains(*c)).count();
        self.gold_triples += gold.len();
        self.found_triples += found;
        self.coded_triples += coded.len();
        self.extra_triples += extra;
        let passed = found == gold.len() && extra == 0;
        self.records.push(RecordResult {
            id: record.id.clone(),
            category: record.category.clone(),
            text_start: record.text.chars().take(60).collect(),
            expected: record.gold.clone(),
            got,
            passed,
        });
    }

    /// Records passed and failed.
    pub fn counts(&self) -> (usize, usize) {
        let p = self.records.iter().filter(|r| r.passed).count();
        (p, self.records.len() - p)
    }

    /// Percent of gold triples found.
    pub fn found_pct(&self) -> f64 {
        pct(self.found_triples, self.gold_triples)
    }

    /// Percent of coded triples that are not gold.
    pub fn extra_pct(&self) -> f64 {
        pct(self.extra_triples, self.coded_triples)
    }

    /// Pass counts per category, sorted by name: (category, passed, total).
    pub fn by_category(&self) -> Vec<(String, usize, usize)> {
        let mut m: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for r in &self.records {
            let e = m.entry(&r.category).or_default();
            e.0 += usize::from(r.passed);
            e.1 += 1;
        }
        m.into_iter()
            .map(|(k, (p, t))| (k.to_string(), p, t))
            .collect()
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl SuiteReport {
    /// The report as text: per-category pass rates, failures, triple figures, and a
    /// last line `N passed, M failed`.
    pub fn render(&self, name: &str, show_failures: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let fmt = |t: &[Triple]| {
            if t.is_empty() {
                "(none)".to_string()
            } else {
                t.iter()
                    .map(|(a, b, c)| format!("{a}/{b}/{c}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        if show_failures {
            for r in self.records.iter().filter(|r| !r.passed) {
                let _ = writeln!(
                    s,
                    "FAIL {} \"{}\" expected {} got {}",
                    r.id,
                    r.text_start,
                    fmt(&r.expected),
                    fmt(&r.got)
                );
            }
        }
        let _ = writeln!(s, "{name}: pass rate by category");
        for (c, p, t) in self.by_category() {
            let _ = writeln!(s, "  {c:<10} {p:>4}/{t:<4} {:5.1}%", pct(p, t));
        }
        for o in &self.ignored_options {
            let _ = writeln!(s, "option ignored: {o}");
        }
        let _ = writeln!(
            s,
            "triples: {}/{} gold found ({:.1}%), {}/{} coded are extra ({:.1}%)",
            self.found_triples,
            self.gold_triples,
            self.found_pct(),
            self.extra_triples,
            self.coded_triples,
            self.extra_pct()
        );
        let (p, f) = self.counts();
        let _ = write!(s, "{p} passed, {f} failed");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes() {
        assert_eq!(
            attr(r#"<E sourcecode="ARN" targetcode = 'GON'>"#, "targetcode").as_deref(),
            Some("GON")
        );
        assert_eq!(
            attr(r#"<E sourcecode='"INJURY TOLL"'>"#, "sourcecode").as_deref(),
            Some("INJURY TOLL")
        );
        assert_eq!(
            attr(r#"<E noevents = "True">"#, "noevents").as_deref(),
            Some("True")
        );
    }

    #[test]
    fn record_headers_may_carry_a_document_id() {
        assert_eq!(
            header("950104  FBIS-001-001"),
            Some(("950104", "FBIS-001-001"))
        );
        assert_eq!(
            header("950104  FBIS-001-001  CEP20020711000012a"),
            Some(("950104", "FBIS-001-001"))
        );
        assert_eq!(header("950104  FBIS-001-001  said, on"), None);
        assert_eq!(header("Gondor  warned-Arnor"), None);
    }

    #[test]
    fn tabari_gold_lines() {
        let mut r = Record::default();
        gold_line(r"\n{ ARN / GON / 064 } */", &mut r);
        gold_line(r"\n{ DAG / GON / 032 } 950103", &mut r);
        gold_line(r"\n{ OPTION: SET: CODE ALL } */", &mut r);
        gold_line(r"\n{---}", &mut r);
        assert_eq!(r.gold.len(), 2);
        assert_eq!(r.gold[1].2, "032");
        assert_eq!(r.options.len(), 1);
        assert!(r.expect_none);
    }

    #[test]
    fn scoring() {
        let r = Record {
            id: "X-1".into(),
            category: "X".into(),
            gold: vec![("A".into(), "B".into(), "010".into())],
            ..Record::default()
        };
        let mut rep = SuiteReport::default();
        rep.add(
            &r,
            vec![
                ("A".into(), "B".into(), "010".into()),
                ("B".into(), "A".into(), "010".into()),
            ],
        );
        assert_eq!(rep.counts(), (0, 1));
        assert_eq!(rep.found_pct(), 100.0);
        assert_eq!(rep.extra_pct(), 50.0);
    }
}
