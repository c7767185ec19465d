//! Runs the TABARI and PETRARCH validation suites with their own dictionaries.
//!
//! Text goes through rung's tokenizer and (optionally) rung's parser; the PETRARCH
//! records' Treebank parses are used only in the comparison mode
//! ([`RunOptions::use_record_parses`]), which takes words and verb tags from them.

use crate::coder::LegacyCoder;
use crate::dicts::{load_tabari_project, FileKind, LegacyDictionaries, LoadOptions};
use crate::error::LegacyError;
use crate::lines::Flavor;
use crate::options::CoderOptions;
use crate::suite::{read_petrarch_suite, read_tabari_suite, Record, SuiteReport, Triple};
use std::path::Path;

/// How to run a suite.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Use rung-parse (tags, subjects, objects) on the raw text.
    pub use_parse: bool,
    /// Comparison mode: words and verb tags from the records' Treebank parses.
    pub use_record_parses: bool,
    /// Use the crate's standalone tokenizer instead of rung-text's.
    pub simple_tokenizer: bool,
}

/// Splits the text into words and, optionally, analyses them.
fn prepare(text: &str, parse: Option<&str>, run: &RunOptions) -> (Vec<String>, Option<Vec<bool>>) {
    if run.use_record_parses {
        if let Some(p) = parse {
            let leaves = treebank_leaves(p);
            if !leaves.is_empty() {
                let verbs = leaves.iter().map(|(t, _)| t.starts_with("VB")).collect();
                return (leaves.into_iter().map(|(_, w)| w).collect(), Some(verbs));
            }
        }
    }
    if run.simple_tokenizer {
        return (crate::tokenize::tokenize(text), None);
    }
    (crate::tokenize::words(text), None)
}

/// `(TAG word)` leaves of a bracketed Treebank tree.
fn treebank_leaves(tree: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let spaced = tree.replace('(', " ( ").replace(')', " ) ");
    let toks: Vec<&str> = spaced.split_whitespace().collect();
    for w in toks.windows(4) {
        if w[0] == "(" && w[1] != "(" && w[2] != "(" && w[2] != ")" && w[3] == ")" {
            out.push((w[1].to_string(), w[2].to_string()));
        }
    }
    out
}

fn code_record(
    coder: &LegacyCoder<'_>,
    r: &Record,
    run: &RunOptions,
    analysis: &mut Option<rung_parse::Analysis>,
) -> Vec<Triple> {
    let (words, verbs) = prepare(&r.text, r.parse.as_deref(), run);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut a = None;
    if run.use_parse && verbs.is_none() {
        if let (Ok(model), Some(buf)) = (rung_parse::SyntaxModel::builtin(), analysis.as_mut()) {
            model.analyse(&refs, buf);
            a = Some(&*buf);
        }
    }
    let events = coder.code_tagged(&refs, a, verbs.as_deref(), r.date);
    events
        .into_iter()
        .map(|e| (e.source, e.target, e.code))
        .collect()
}

/// Runs TABARI's suite in `dir` (per `Validate.project`).
///
/// # Errors
/// Missing or malformed files.
pub fn run_tabari(
    dir: &Path,
    run: &RunOptions,
) -> Result<(SuiteReport, LegacyDictionaries), LegacyError> {
    let project = dir.join("Validate.project");
    let dicts = load_tabari_project(&project, LoadOptions::default())?;
    let text = crate::options::read_project(&project)?
        .text
        .unwrap_or_else(|| dir.join("Validate.text"));
    let records = read_tabari_suite(&text)?;
    let mut coder = LegacyCoder::new(&dicts);
    let mut report = SuiteReport::default();
    let mut opts = dicts.options.clone();
    let mut analysis = Some(rung_parse::Analysis::default());
    // (story, first actor) of the previous record, for TABARI's pronoun forwarding.
    let mut previous: Option<(String, Option<String>)> = None;
    for r in &records {
        for (_, line) in &r.options {
            if !apply_tabari_record_option(&mut opts, line) {
                report.ignored_options.insert(format!("OPTION: {line}"));
            }
        }
        coder.set_options(opts.clone());
        if r.id.starts_with("START") || (r.gold.is_empty() && !r.expect_none) {
            continue; // comment-only records carry no test
        }
        let story = story_of(&r.id, opts.forward_sentence_chars);
        let antecedent = match (&story, &previous) {
            (Some(st), Some((prev, code))) if st == prev => code.clone(),
            _ => None,
        };
        coder.set_antecedent(antecedent);
        if let Some(st) = story {
            let (words, _) = prepare(&r.text, r.parse.as_deref(), run);
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            previous = Some((st, coder.first_actor(&refs, r.date)));
        } else {
            previous = None;
        }
        let got = code_record(&coder, r, run, &mut analysis);
        report.add(r, got);
    }
    Ok((report, dicts))
}

/// The story part of a record id under TABARI forwarding: the id without its trailing
/// `sentence_chars` characters; `None` when forwarding is off or the id is too short.
fn story_of(id: &str, sentence_chars: usize) -> Option<String> {
    if sentence_chars == 0 {
        return None;
    }
    let chars: Vec<char> = id.trim().chars().collect();
    let keep = chars.len().checked_sub(sentence_chars).filter(|&k| k > 0)?;
    Some(chars[..keep].iter().collect())
}

fn apply_tabari_record_option(opts: &mut CoderOptions, line: &str) -> bool {
    opts.apply_tabari(line)
}

/// Runs PETRARCH's unit-test suite in `dir` (per its `<Environment>`).
///
/// # Errors
/// Missing or malformed files.
pub fn run_petrarch(
    dir: &Path,
    run: &RunOptions,
) -> Result<(SuiteReport, LegacyDictionaries), LegacyError> {
    let (env, records) = read_petrarch_suite(&dir.join("PETR.UnitTest.records.xml"))?;
    let mut dicts = LegacyDictionaries::default();
    let p = Flavor::Petrarch;
    let files = [
        (FileKind::Verbs(p), &env.verbs),
        (FileKind::Actors(p), &env.actors),
        (FileKind::Agents(p), &env.agents),
        (FileKind::Discards(p), &env.discards),
    ];
    for (kind, name) in files {
        if let Some(n) = name {
            dicts.load_file(kind, &dir.join(n), LoadOptions::default())?;
        }
    }
    let mut report = SuiteReport::default();
    let mut opts = CoderOptions::petrarch();
    for (o, v) in &env.options {
        if !opts.apply_petrarch(o, v) {
            report.ignored_options.insert(format!("{o}={v}"));
        }
    }
    let mut coder = LegacyCoder::new(&dicts);
    let mut analysis = Some(rung_parse::Analysis::default());
    for r in &records {
        for (o, v) in &r.options {
            if !opts.apply_petrarch(o, v) {
                report.ignored_options.insert(format!("{o}={v}"));
            }
        }
        coder.set_options(opts.clone());
        let got = code_record(&coder, r, run, &mut analysis);
        report.add(r, got);
    }
    Ok((report, dicts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_is_the_id_without_its_sentence_number() {
        assert_eq!(story_of("FRWD-001-002", 3).as_deref(), Some("FRWD-001-"));
        assert_eq!(story_of("FRWD-001-002", 0), None);
        assert_eq!(story_of("AB", 3), None);
    }

    #[test]
    fn leaves_of_a_tree() {
        let l = treebank_leaves(
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))",
        );
        assert_eq!(l.len(), 4);
        assert_eq!(l[1], ("VBD".to_string(), "attacked".to_string()));
    }
}
