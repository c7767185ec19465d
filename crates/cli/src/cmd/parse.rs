//! `rung parse`.

use anyhow::Context;
use rung_parse::{conllu, Analysis, SyntaxModel};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `rung parse`.
///
/// Splits documents into sentences and words, then tags, lemmatizes and parses each
/// sentence with rung's own model (trained on UD English EWT) and prints the result.
///
/// Examples:
///
///   rung parse article.txt                       CoNLL-U, one block per sentence
///
///   rung parse --format json feeds/ > parsed.jsonl
///
///   rung parse --pretokenized en_ewt-ud-test.conllu > pred.conllu
///   (keeps the gold words and comments, replaces UPOS, XPOS, LEMMA, HEAD and DEPREL, so
///   the CoNLL 2018 evaluation script can score the output)
///
/// A file that cannot be read is reported on stderr, the others are still processed,
/// and the exit code is 1 at the end.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Documents to parse: files, directories, `-` for stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "conllu")]
    format: Format,
    /// A model file from `rung train syntax` instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Read CoNLL-U with the words already given (gold columns are ignored).
    #[arg(long, value_name = "FILE.conllu", conflicts_with = "paths")]
    pretokenized: Option<PathBuf>,
    /// Accept invalid UTF-8 (replaced by U+FFFD, with a warning) instead of skipping the file.
    #[arg(long)]
    lossy: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// CoNLL-U with `# doc`, `# sent_id` and `# text` comments.
    Conllu,
    /// One JSON object per sentence.
    Json,
}

/// Runs `rung parse`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let owned;
    let model: &SyntaxModel = match &args.model {
        Some(p) => {
            owned = SyntaxModel::load(p)?;
            &owned
        }
        None => SyntaxModel::builtin()?,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut an = Analysis::default();
    if let Some(p) = &args.pretokenized {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        let sents = conllu::parse(&text).with_context(|| p.display().to_string())?;
        let mut buf = String::new();
        for (i, s) in sents.iter().enumerate() {
            let pred = model.annotate(s, &mut an);
            buf.clear();
            if args.format == Format::Json {
                let forms = s.forms();
                json_sentence(
                    &mut buf,
                    &p.display().to_string(),
                    i + 1,
                    &forms.join(" "),
                    &forms,
                    None,
                    &an,
                );
            } else {
                pred.write_to(&mut buf);
            }
            out.write_all(buf.as_bytes())?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.paths.is_empty() {
        anyhow::bail!("no input: give files or directories, `-` for stdin, or --pretokenized FILE");
    }
    let opts = rung_text::ReadOptions { lossy: args.lossy };
    let seg = rung_text::Segmenter::new();
    let mut failed = false;
    let mut buf = String::new();
    for doc in rung_text::read_inputs(&args.paths, &opts) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("rung: {e}");
                failed = true;
                continue;
            }
        };
        for w in &doc.warnings {
            eprintln!("rung: {}: {w}", doc.name);
        }
        for (i, s) in seg.segment(&doc.text).iter().enumerate() {
            let forms: Vec<&str> = s.tokens.iter().map(|t| t.form(&doc.text)).collect();
            if forms.is_empty() {
                continue;
            }
            model.analyse(&forms, &mut an);
            let text = rung_text::sentence_text(&doc.text, s);
            buf.clear();
            match args.format {
                Format::Conllu => conllu_sentence(
                    &mut buf,
                    &doc.name,
                    i + 1,
                    text,
                    &forms,
                    &s.tokens,
                    &doc.text,
                    &an,
                ),
                Format::Json => json_sentence(
                    &mut buf,
                    &doc.name,
                    i + 1,
                    text,
                    &forms,
                    Some(&s.tokens),
                    &an,
                ),
            }
            out.write_all(buf.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[allow(clippy::too_many_arguments)]
fn conllu_sentence(
    buf: &mut String,
    doc: &str,
    n: usize,
    text: &str,
    forms: &[&str],
    toks: &[rung_text::Token],
    doc_text: &str,
    an: &Analysis,
) {
    use std::fmt::Write as _;
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let _ = writeln!(buf, "# doc = {}", one_line(doc));
    let _ = writeln!(buf, "# sent_id = {n}");
    let _ = writeln!(buf, "# text = {}", one_line(text));
    for (i, f) in forms.iter().enumerate() {
        let next = toks.get(i + 1).map(|t| t.start as usize);
        let glued = next.is_some_and(|s| s == toks[i].end as usize)
            || (next.is_none() && doc_text.len() == toks[i].end as usize);
        let _ = writeln!(
            buf,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            i + 1,
            f,
            an.lemma(i),
            an.upos(i).as_str(),
            an.xpos(i),
            an.head(i).map_or(0, |h| h + 1),
            an.deprel(i),
            if glued && next.is_some() {
                "SpaceAfter=No"
            } else {
                "_"
            }
        );
    }
    buf.push('\n');
}

fn json_str(buf: &mut String, s: &str) {
    buf.push('"');
    for c in s.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            c if (c as u32) < 0x20 => buf.push_str(&format!("\\u{:04x}", c as u32)),
            c => buf.push(c),
        }
    }
    buf.push('"');
}

fn json_sentence(
    buf: &mut String,
    doc: &str,
    n: usize,
    text: &str,
    forms: &[&str],
    toks: Option<&[rung_text::Token]>,
    an: &Analysis,
) {
    use std::fmt::Write as _;
    buf.push_str("{\"doc\":");
    json_str(buf, doc);
    let _ = write!(buf, ",\"sent_id\":{n},\"text\":");
    json_str(buf, text);
    buf.push_str(",\"words\":[");
    for (i, f) in forms.iter().enumerate() {
        if i > 0 {
            buf.push(',');
        }
        let _ = write!(buf, "{{\"id\":{},\"form\":", i + 1);
        json_str(buf, f);
        buf.push_str(",\"lemma\":");
        json_str(buf, an.lemma(i));
        let _ = write!(buf, ",\"upos\":\"{}\",\"xpos\":", an.upos(i).as_str());
        json_str(buf, an.xpos(i));
        let _ = write!(
            buf,
            ",\"head\":{},\"deprel\":",
            an.head(i).map_or(0, |h| h + 1)
        );
        json_str(buf, an.deprel(i));
        if let Some(t) = toks.and_then(|t| t.get(i)) {
            let _ = write!(buf, ",\"start\":{},\"end\":{}", t.start, t.end);
        }
        buf.push('}');
    }
    buf.push_str("]}\n");
}
