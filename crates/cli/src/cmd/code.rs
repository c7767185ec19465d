//! `rung code`: documents in, coded events out (JSON Lines, CSV or TSV).

use rung_coder::{Coder, Event};
use rung_text::{read_inputs, DocDate, Document, ReadOptions};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `rung code`.
///
/// Reads articles (plain text, HTML, JSON Lines, RSS/Atom, directories, `-` for stdin),
/// finds the events in them and prints one event per line: who did what to whom (CAMEO
/// code, Goldstein score, quad class, PLOVER type), when, where, with which weapons, how
/// many died, and by whose account (see EVENTS.md for the fields).
///
/// Examples:
///
///   rung code article.txt                         JSON Lines on stdout
///
///   rung code --doc-date 2023-05-10 note.txt      date relative expressions ("on Monday")
///                                                 against this date
///
///   rung code --format csv feeds/ > events.csv    one row per event, weapons joined by ';'
///
///   cat story.txt | rung code -                   read stdin
///
/// Sentences are pre-filtered (an event word and an actor), parsed, and coded from the
/// dependency tree. A file that cannot be read is reported on stderr with its name; the
/// others are still coded, and the exit code is 1 at the end.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Documents to code: files, directories, `-` for stdin.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// The document date (YYYY-MM-DD) for documents that do not state one; relative time
    /// expressions ("on Monday", "in March") are resolved against it.
    #[arg(long, value_name = "DATE", value_parser = parse_doc_date)]
    doc_date: Option<DocDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Worker threads (default: all cores). Output order is input order either way.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Accept invalid UTF-8 (replaced by U+FFFD) instead of skipping the file.
    #[arg(long)]
    lossy: bool,
    /// Load a user dictionary on top of rung's own (repeatable): `petrarch:DIR`
    /// (CAMEO.2.0.txt, Phoenix actors, agents, discards), `tabari:FILE.project|DIR`, or one
    /// file: `petrarch-verbs:`, `phoenix-actors:`, `phoenix-agents:`, `tabari-verbs:`,
    /// `tabari-actors:`, `tabari-agents:` ... Actors and agents join rung's actor
    /// dictionary; with --dict-verbs, verb patterns also code sentences beside rung's own.
    #[arg(long = "dict", value_name = "FORMAT:PATH")]
    dicts: Vec<String>,
    /// With --dict: use only the given actors and agents, not rung's built-in ones.
    #[arg(long, requires = "dicts")]
    no_builtin: bool,
    /// With --dict: also code sentences with the user's verb patterns (TABARI/PETRARCH
    /// shallow pattern coder), adding events rung's own patterns did not find. Off by
    /// default: on the seed articles it triples the events at half the precision.
    #[arg(long, requires = "dicts")]
    dict_verbs: bool,
    /// With --dict: skip malformed dictionary lines (each is reported) instead of refusing
    /// the dictionary.
    #[arg(long, requires = "dicts")]
    lenient_dict: bool,
    /// Print a summary (documents, sentences, events, time, throughput) to stderr at the end.
    #[arg(long)]
    stats: bool,
}

fn parse_doc_date(s: &str) -> Result<DocDate, String> {
    rung_text::parse_date_arg(s).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One JSON object per line (EVENTS.md).
    Jsonl,
    /// Comma-separated, with a header row.
    Csv,
    /// Tab-separated, with a header row.
    Tsv,
}

const COLUMNS: [&str; 24] = [
    "doc",
    "sentence",
    "span_start",
    "span_end",
    "date",
    "source_text",
    "source_code",
    "target_text",
    "target_code",
    "cameo",
    "goldstein",
    "quad",
    "plover_type",
    "plover_mode",
    "modality",
    "attribution_text",
    "attribution_code",
    "weapons",
    "fatalities_min",
    "fatalities_max",
    "location_text",
    "location_country",
    "lat",
    "lon",
];

/// Runs `rung code`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let (coder, legacy) = if args.dicts.is_empty() {
        (Coder::builtin()?, None)
    } else {
        let (dicts, legacy) =
            super::userdict::load(&args.dicts, args.lenient_dict, args.no_builtin)?;
        (
            Coder::builder().dictionaries(dicts.clone()).build()?,
            Some((dicts, legacy)),
        )
    };
    let legacy_coder = legacy
        .as_ref()
        .filter(|_| args.dict_verbs)
        .map(|(d, l)| (d, rung_legacy::LegacyCoder::new(l)));
    let code_one = |d: &Document| {
        let coded = coder.code(d, args.doc_date);
        let n = (coded.sentences.len(), coded.parsed);
        let mut events = coded.events.clone();
        if let Some((dicts, lc)) = &legacy_coder {
            super::userdict::add_events(lc, dicts, d, &coded, &mut events);
        }
        (n, events)
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format != Format::Jsonl {
        let sep = if args.format == Format::Csv {
            ","
        } else {
            "\t"
        };
        writeln!(out, "{}", COLUMNS.join(sep))?;
    }
    let progress = std::io::stderr().is_terminal().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents, {msg} events [{elapsed}] {per_sec}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    });
    let opts = ReadOptions { lossy: args.lossy };
    let mut inputs = read_inputs(&args.paths, &opts);
    let mut failed = 0usize;
    let mut n_events = 0usize;
    let mut n_docs = 0usize;
    let mut n_sentences = 0usize;
    let mut n_parsed = 0usize;
    let batch = threads * 16;
    loop {
        let mut docs: Vec<Document> = Vec::with_capacity(batch);
        for item in inputs.by_ref() {
            match item {
                Ok(d) => docs.push(d),
                Err(e) => {
                    failed += 1;
                    if let Some(pb) = &progress {
                        pb.suspend(|| eprintln!("rung code: {e}"));
                    } else {
                        eprintln!("rung code: {e}");
                    }
                }
            }
            if docs.len() >= batch {
                break;
            }
        }
        if docs.is_empty() {
            break;
        }
        let coded = code_batch(&code_one, &docs, threads);
        n_docs += docs.len();
        let mut line = String::new();
        for ((n, parsed), events) in &coded {
            n_sentences += n;
            n_parsed += parsed;
            for e in events {
                line.clear();
                match args.format {
                    Format::Jsonl => line.push_str(&serde_json::to_string(e)?),
                    Format::Csv => row(&mut line, e, ','),
                    Format::Tsv => row(&mut line, e, '\t'),
                }
                line.push('\n');
                out.write_all(line.as_bytes())?;
                n_events += 1;
            }
        }
        if let Some(pb) = &progress {
            pb.inc(docs.len() as u64);
            pb.set_message(n_events.to_string());
        }
    }
    out.flush()?;
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if args.stats {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "rung code: {n_docs} documents, {n_sentences} sentences ({n_parsed} parsed), {n_events} events, {failed} failed inputs in {secs:.2} s ({:.0} sentences/s)",
            n_sentences as f64 / secs.max(1e-9)
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Codes a batch on `threads` scoped threads; results keep the input order.
fn code_batch<F>(
    code_one: &F,
    docs: &[Document],
    threads: usize,
) -> Vec<((usize, usize), Vec<Event>)>
where
    F: Fn(&Document) -> ((usize, usize), Vec<Event>) + Sync,
{
    if threads <= 1 || docs.len() <= 1 {
        return docs.iter().map(code_one).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(code_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn row(line: &mut String, e: &Event, sep: char) {
    let f = |x: Option<String>| x.unwrap_or_default();
    let cells: [String; 24] = [
        e.doc.clone(),
        e.sentence.to_string(),
        e.span[0].to_string(),
        e.span[1].to_string(),
        f(e.date.clone()),
        f(e.source.as_ref().map(|a| a.text.clone())),
        f(e.source.as_ref().map(|a| a.code.clone())),
        f(e.target.as_ref().map(|a| a.text.clone())),
        f(e.target.as_ref().map(|a| a.code.clone())),
        e.cameo.clone(),
        e.goldstein.to_string(),
        e.quad.to_string(),
        e.plover.kind.clone(),
        f(e.plover.mode.clone()),
        serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        f(e.attribution.as_ref().map(|a| a.text.clone())),
        f(e.attribution.as_ref().map(|a| a.code.clone())),
        e.weapons.join(";"),
        f(e.fatalities.map(|x| x.min.to_string())),
        f(e.fatalities.map(|x| x.max.to_string())),
        f(e.location.as_ref().map(|l| l.text.clone())),
        f(e.location.as_ref().and_then(|l| l.country.clone())),
        f(e.location
            .as_ref()
            .and_then(|l| l.lat)
            .map(|x| x.to_string())),
        f(e.location
            .as_ref()
            .and_then(|l| l.lon)
            .map(|x| x.to_string())),
    ];
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            line.push(sep);
        }
        if sep == ',' && (c.contains([',', '"', '\n'])) {
            line.push('"');
            line.push_str(&c.replace('"', "\"\""));
            line.push('"');
        } else if sep == '\t' {
            line.push_str(&c.replace(['\t', '\n'], " "));
        } else {
            line.push_str(c);
        }
    }
}
