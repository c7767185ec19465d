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

const COLUMNS: [&str; 26] = [
    "doc",
    "sentence",
    "span_start",
    "span_end",
    "date",
    "source_text",
    "source_code",
    "source_inferred",
    "target_text",
    "target_code",
    "target_inferred",
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
    let format = args.format;
    // Codes one document and renders its events (in the worker, so that writing is a copy).
    let code_one = |d: &Document| -> anyhow::Result<Coded> {
        let coded = coder.code(d, args.doc_date);
        let mut events = coded.events.clone();
        if let Some((dicts, lc)) = &legacy_coder {
            super::userdict::add_events(lc, dicts, d, &coded, &mut events);
        }
        let mut text = String::new();
        for e in &events {
            match format {
                Format::Jsonl => text.push_str(&serde_json::to_string(e)?),
                Format::Csv => row(&mut text, e, ','),
                Format::Tsv => row(&mut text, e, '\t'),
            }
            text.push('\n');
        }
        Ok(Coded {
            sentences: coded.sentences.len(),
            parsed: coded.parsed,
            reparsed: coded.reparsed,
            events: events.len(),
            text,
        })
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
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
    let inputs = read_inputs(&args.paths, &opts);
    let mut sink = Sink {
        out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
        progress: progress.as_ref(),
        totals: Totals::default(),
    };
    if args.format != Format::Jsonl {
        let sep = if args.format == Format::Csv {
            ","
        } else {
            "\t"
        };
        writeln!(sink.out, "{}", COLUMNS.join(sep))?;
    }
    if threads <= 1 {
        for item in inputs {
            let item = item.map_err(|e| e.to_string());
            sink.take(item.map(|d| code_one(&d)))?;
        }
    } else {
        pipeline(inputs, &code_one, threads, &mut sink)?;
    }
    sink.out.flush()?;
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    let t = sink.totals;
    if args.stats {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "rung code: {} documents, {} sentences ({} parsed, {} twice), {} events, {} failed inputs in {secs:.2} s ({:.0} sentences/s)",
            t.docs,
            t.sentences,
            t.parsed,
            t.reparsed,
            t.events,
            t.failed,
            t.sentences as f64 / secs.max(1e-9)
        );
    }
    Ok(if t.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One coded document: its counts and its rendered output lines.
struct Coded {
    sentences: usize,
    parsed: usize,
    reparsed: usize,
    events: usize,
    text: String,
}

#[derive(Default, Clone, Copy)]
struct Totals {
    docs: usize,
    sentences: usize,
    parsed: usize,
    reparsed: usize,
    events: usize,
    failed: usize,
}

/// Where coded documents go, in input order: stdout, the progress bar and the totals.
struct Sink<'a, W: Write> {
    out: W,
    progress: Option<&'a indicatif::ProgressBar>,
    totals: Totals,
}

impl<W: Write> Sink<'_, W> {
    /// Takes the next document's result: a read error (reported, counted, and the run goes
    /// on) or its coded events. Fails only when the output cannot be written.
    fn take(&mut self, item: Result<anyhow::Result<Coded>, String>) -> anyhow::Result<()> {
        match item {
            Err(e) => {
                self.totals.failed += 1;
                match self.progress {
                    Some(pb) => pb.suspend(|| eprintln!("rung code: {e}")),
                    None => eprintln!("rung code: {e}"),
                }
            }
            Ok(coded) => {
                let c = coded?;
                self.out.write_all(c.text.as_bytes())?;
                let t = &mut self.totals;
                t.docs += 1;
                t.sentences += c.sentences;
                t.parsed += c.parsed;
                t.reparsed += c.reparsed;
                t.events += c.events;
                if let Some(pb) = self.progress {
                    pb.inc(1);
                    pb.set_message(t.events.to_string());
                }
            }
        }
        Ok(())
    }
}

/// Codes documents on `threads` workers while this thread reads the next ones and a writer
/// thread puts the results out in input order. Documents are handed out one at a time
/// (a long article does not hold up a batch) through a bounded queue, so memory stays flat
/// whatever the corpus size. A write error (a closed pipe) stops the run.
fn pipeline<W: Write + Send>(
    inputs: impl Iterator<Item = Result<Document, rung_text::ReadError>>,
    code_one: &(dyn Fn(&Document) -> anyhow::Result<Coded> + Sync),
    threads: usize,
    sink: &mut Sink<'_, W>,
) -> anyhow::Result<()> {
    use std::sync::mpsc;
    type Done = (usize, Result<anyhow::Result<Coded>, String>);
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Document)>(threads * 8);
    // Owned by the workers alone: when they have all stopped (the writer failed), the
    // queue closes and the reading loop below stops instead of waiting on a full queue.
    let work_rx = std::sync::Arc::new(std::sync::Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(threads * 64);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let (work_rx, done_tx) = (std::sync::Arc::clone(&work_rx), done_tx.clone());
            s.spawn(move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((i, doc)) = next else { return };
                if done_tx.send((i, Ok(code_one(&doc)))).is_err() {
                    return;
                }
            });
        }
        drop(work_rx);
        let writer = s.spawn(move || -> anyhow::Result<()> {
            let mut waiting = std::collections::BTreeMap::new();
            let mut next = 0usize;
            for (i, item) in done_rx {
                waiting.insert(i, item);
                while let Some(item) = waiting.remove(&next) {
                    sink.take(item)?;
                    next += 1;
                }
            }
            Ok(())
        });
        for (i, item) in inputs.enumerate() {
            let sent = match item {
                Ok(doc) => work_tx.send((i, doc)).is_ok(),
                Err(e) => done_tx.send((i, Err(e.to_string()))).is_ok(),
            };
            if !sent {
                break; // the writer stopped: nothing more can be put out
            }
        }
        drop(work_tx);
        drop(done_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the output thread panicked")))
    })
}

fn row(line: &mut String, e: &Event, sep: char) {
    let f = |x: Option<String>| x.unwrap_or_default();
    let cells: [String; 26] = [
        e.doc.clone(),
        e.sentence.to_string(),
        e.span[0].to_string(),
        e.span[1].to_string(),
        f(e.date.clone()),
        f(e.source.as_ref().map(|a| a.text.clone())),
        f(e.source.as_ref().map(|a| a.code.clone())),
        f(e.source.as_ref().map(|a| a.inferred.to_string())),
        f(e.target.as_ref().map(|a| a.text.clone())),
        f(e.target.as_ref().map(|a| a.code.clone())),
        f(e.target.as_ref().map(|a| a.inferred.to_string())),
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
