//! The store commands: `rung ingest`, `recode`, `events`, `timeline`, `ladder`, `alerts`,
//! `export` and `reconcile`. Flags and printing only; the work is rung-store's.

use anyhow::Context;
use rung_store::{
    Bucket, Coding, DocumentCoder, EventFilter, ExportFormat, IngestOptions, IngestReport, Input,
    Progress, Rung, Store, StoredEvent, WeaponInfo,
};
use rung_text::{DocDate, Document};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The database flag every store command shares.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// The store (an SQLite file, created when absent).
    #[arg(long, value_name = "PATH", default_value = "rung.db", global = true)]
    db: PathBuf,
}

fn open(db: &DbArg) -> anyhow::Result<Store> {
    Ok(Store::open(&db.db)?)
}

/// Event filters shared by `events`, `timeline` and `export`.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Events on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Two countries: UKR-RUS (either direction) or UKR>RUS (source first).
    #[arg(long, value_name = "A-B")]
    dyad: Option<String>,
    /// CAMEO code prefix: 19, 190, 0234.
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// Weapon name (HIMARS, Javelin).
    #[arg(long, value_name = "NAME")]
    weapon: Option<String>,
    /// Actor code prefix (RUSMIL) or words of its mention.
    #[arg(long, value_name = "ACTOR")]
    actor: Option<String>,
    /// Outlet (substring, case-insensitive).
    #[arg(long = "source-outlet", value_name = "OUTLET")]
    outlet: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> anyhow::Result<EventFilter> {
        Ok(EventFilter {
            since: self.since.clone(),
            until: self.until.clone(),
            dyad: self.dyad.as_deref().map(str::parse).transpose()?,
            code: self.code.clone(),
            weapon: self.weapon.clone(),
            actor: self.actor.clone(),
            outlet: self.outlet.clone(),
            ..Default::default()
        })
    }
}

/// Flags of `rung ingest`.
///
/// Reads documents (files, directories, JSON Lines, feeds, `-` for stdin), codes them and
/// stores documents, sentences and events with their provenance, then reconciles reports
/// of the same event. Idempotent: a document already stored (same normalized text) is
/// skipped, so re-running after an interruption continues where it stopped. Documents are
/// written in batches, one transaction each: a killed run leaves only whole documents.
/// A source that cannot be read or coded is named on stderr, recorded, and skipped; the
/// exit code is then 1.
///
///   rung ingest articles/            into ./rung.db
///   rung ingest --db war.db feed.xml
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct IngestArgs {
    /// Documents: files, directories, `-` for stdin.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArg,
    /// Coding threads (default: all cores). One writer thread writes.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Documents per write transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,
    /// Accept invalid UTF-8 (replaced by U+FFFD) instead of skipping the file.
    #[arg(long)]
    lossy: bool,
    /// Store the documents without coding them (code later with `rung recode`).
    #[arg(long)]
    no_code: bool,
    /// The document date (YYYY-MM-DD) for documents that do not state one.
    #[arg(long, value_name = "DATE", value_parser = parse_doc_date)]
    doc_date: Option<DocDate>,
}

fn parse_doc_date(s: &str) -> Result<DocDate, String> {
    rung_text::parse_date_arg(s).map_err(|e| e.to_string())
}

/// rung's coder, as the store sees it.
struct RealCoder {
    coder: rung_coder::Coder,
    doc_date: Option<DocDate>,
}

impl DocumentCoder for RealCoder {
    fn code(&self, doc: &Document) -> Result<Coding, String> {
        let c = self.coder.code(doc, self.doc_date);
        Ok(Coding {
            doc_date: c.doc_date,
            sentences: c.sentences,
            events: c.events,
        })
    }
    fn version(&self) -> String {
        self.coder.version()
    }
}

/// Stores without coding (`--no-code`); `rung recode` codes later.
struct NoCoder;

impl DocumentCoder for NoCoder {
    fn code(&self, _doc: &Document) -> Result<Coding, String> {
        Ok(Coding::default())
    }
    fn version(&self) -> String {
        "uncoded".into()
    }
}

fn coder(no_code: bool, doc_date: Option<DocDate>) -> anyhow::Result<Box<dyn DocumentCoder>> {
    if no_code {
        return Ok(Box::new(NoCoder));
    }
    let coder = rung_coder::Coder::builtin().context("loading the coder")?;
    Ok(Box::new(RealCoder { coder, doc_date }))
}

fn progress_bar(verb: &'static str) -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        let style = indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {verb} {{pos}} documents [{{elapsed}}, {{per_sec}}] {{msg}}"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
        pb.set_style(style);
        pb
    })
}

fn show_progress(pb: &Option<indicatif::ProgressBar>, p: &Progress) {
    if let Some(pb) = pb {
        pb.set_position(p.seen);
        pb.set_message(format!(
            "{} stored, {} already there, {} failed, {} events",
            p.stored, p.duplicates, p.failed, p.events
        ));
    }
}

fn finish(cmd: &str, pb: Option<indicatif::ProgressBar>, r: &IngestReport) -> ExitCode {
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    for (name, err) in &r.read_failures {
        eprintln!("rung {cmd}: {name}: not read: {err}");
    }
    for (name, err) in &r.code_failures {
        eprintln!("rung {cmd}: {name}: stored but not coded: {err}");
    }
    eprintln!(
        "rung {cmd}: {} documents seen, {} stored, {} already stored, {} events, {} failed",
        r.seen,
        r.stored,
        r.duplicates,
        r.events,
        r.read_failures.len() + r.code_failures.len()
    );
    if r.read_failures.is_empty() && r.code_failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn threads(n: Option<usize>) -> usize {
    n.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// Runs `rung ingest`.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&a.db)?;
    let coder = coder(a.no_code, a.doc_date)?;
    let opts = IngestOptions {
        threads: threads(a.threads),
        batch_size: a.batch.max(1),
    };
    let inputs = rung_text::read_inputs(&a.paths, &rung_text::ReadOptions { lossy: a.lossy }).map(
        |r| match r {
            Ok(doc) => Input::Document(doc),
            Err(e) => Input::Failed {
                name: failed_name(&e),
                error: e.to_string(),
            },
        },
    );
    let pb = progress_bar("ingesting");
    let report = store.ingest(inputs, coder.as_ref(), &opts, &|p| show_progress(&pb, p))?;
    Ok(finish("ingest", pb, &report))
}

fn failed_name(e: &rung_text::ReadError) -> String {
    use rung_text::ReadError::*;
    match e {
        Open { path, .. } | Directory { path, .. } | Io { path, .. } | Empty { path } => {
            path.clone()
        }
        Binary { path, .. } | Utf8 { path, .. } | Record { path, .. } | Feed { path, .. } => {
            path.clone()
        }
        NoText { path } => path.clone(),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

/// Flags of `rung recode`.
///
/// Re-codes stored documents whose events came from another version of the dictionaries
/// and models (or whose coding failed), from the stored text: the sources are not read
/// again. Reconciliation is redone for them; splits made with `rung reconcile --split`
/// are kept.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct RecodeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Coding threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Re-code every document, whatever version coded it.
    #[arg(long)]
    force: bool,
}

/// Runs `rung recode`.
pub fn recode(a: RecodeArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&a.db)?;
    let coder = coder(false, None)?;
    let opts = IngestOptions {
        threads: threads(a.threads),
        batch_size: 256,
    };
    let pb = progress_bar("recoding");
    let report = store.recode(coder.as_ref(), &opts, a.force, &|p| show_progress(&pb, p))?;
    Ok(finish("recode", pb, &report))
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated with a header row.
    Csv,
}

/// Flags of `rung events`.
///
///   rung events --since 2023-01 --dyad UKR-RUS --code 19
///   rung events --weapon HIMARS --format jsonl
///   rung events --reconciled            one line per real-world event, with its reports
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct EventsArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Show reconciled events (reports grouped, conflicts flagged) instead of reports.
    #[arg(long)]
    reconciled: bool,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

fn trunc(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

fn actor_code(a: &Option<rung_coder::Actor>) -> String {
    a.as_ref()
        .map(|a| a.code.clone())
        .unwrap_or_else(|| "-".into())
}

fn event_row(se: &StoredEvent) -> Vec<String> {
    let e = &se.event;
    vec![
        se.id.to_string(),
        se.reconciled.map(|r| r.to_string()).unwrap_or_default(),
        e.date
            .clone()
            .unwrap_or_else(|| format!("({})", se.doc_date.clone().unwrap_or_else(|| "?".into()))),
        actor_code(&e.source),
        e.cameo.clone(),
        actor_code(&e.target),
        e.weapons.join(","),
        e.location
            .as_ref()
            .map(|l| l.text.clone())
            .unwrap_or_default(),
        e.fatalities
            .map(|f| {
                if f.min == f.max {
                    f.min.to_string()
                } else {
                    format!("{}-{}", f.min, f.max)
                }
            })
            .unwrap_or_default(),
        trunc(se.outlet.as_deref().unwrap_or(&e.doc), 20),
        trunc(&e.text, 70),
    ]
}

const EVENT_HEADER: [&str; 11] = [
    "id", "rec", "date", "source", "code", "target", "weapons", "place", "killed", "outlet",
    "sentence",
];

/// Runs `rung events`.
pub fn events(a: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let mut filter = a.filter.filter()?;
    filter.limit = a.limit;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.reconciled {
        return reconciled_list(&store, &filter, a.format, &mut out);
    }
    match a.format {
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = store.events(&filter)?.iter().map(event_row).collect();
            print_table(&mut out, &EVENT_HEADER, &rows)?;
        }
        ListFormat::Jsonl => {
            store.export_to(ExportFormat::Jsonl, &filter, &mut out, Path::new("stdout"))?;
        }
        ListFormat::Csv => {
            store.export_to(ExportFormat::Csv, &filter, &mut out, Path::new("stdout"))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn reconciled_list(
    store: &Store,
    filter: &EventFilter,
    format: ListFormat,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let day = |s: &Option<String>| -> anyhow::Result<Option<i64>> {
        Ok(match s {
            Some(s) => Some(
                rung_store::date::parse_window(s)
                    .ok_or_else(|| rung_store::StoreError::BadDate(s.clone()))?
                    .lo,
            ),
            None => None,
        })
    };
    let until = match &filter.until {
        Some(s) => Some(
            rung_store::date::parse_window(s)
                .ok_or_else(|| rung_store::StoreError::BadDate(s.clone()))?
                .hi,
        ),
        None => None,
    };
    let ids = store.reconciled_ids(day(&filter.since)?, until)?;
    let mut rows = Vec::new();
    for id in ids.into_iter().take(filter.limit.unwrap_or(usize::MAX)) {
        let r = store.reconciled(id)?;
        let Some(rep) = r
            .reports
            .iter()
            .find(|p| p.event.id == r.representative)
            .or(r.reports.first())
        else {
            continue;
        };
        let e = &rep.event.event;
        if let Some(d) = &filter.dyad {
            let c = |a: &Option<rung_coder::Actor>| {
                a.as_ref()
                    .and_then(|a| rung_store::country_of(&a.code))
                    .unwrap_or_default()
            };
            let (s, t) = (c(&e.source), c(&e.target));
            let ok = (s == d.a && t == d.b) || (!d.directed && s == d.b && t == d.a);
            if !ok {
                continue;
            }
        }
        if filter
            .code
            .as_deref()
            .is_some_and(|c| !e.cameo.starts_with(c))
        {
            continue;
        }
        if format == ListFormat::Jsonl {
            serde_json::to_writer(&mut *out, &r)?;
            writeln!(out)?;
            continue;
        }
        let mut flags = Vec::new();
        if r.conflicts.fatalities.conflict {
            flags.push(format!("KILLED? {}", r.conflicts.fatalities.summary()));
        }
        if r.conflicts.dates.conflict {
            flags.push(format!("DATE? {}", r.conflicts.dates.summary()));
        }
        if r.conflicts.locations.conflict {
            flags.push(format!("PLACE? {}", r.conflicts.locations.summary()));
        }
        let outlets: std::collections::BTreeSet<String> = r
            .reports
            .iter()
            .map(|p| {
                p.event
                    .outlet
                    .clone()
                    .unwrap_or_else(|| p.event.event.doc.clone())
            })
            .collect();
        rows.push(vec![
            r.id.to_string(),
            r.first_day.clone().unwrap_or_default(),
            actor_code(&e.source),
            e.cameo.clone(),
            actor_code(&e.target),
            r.reports.len().to_string(),
            outlets.into_iter().collect::<Vec<_>>().join("; "),
            flags.join(" | "),
            trunc(&e.text, 60),
        ]);
    }
    let header = [
        "rec",
        "from",
        "source",
        "code",
        "target",
        "reports",
        "outlets",
        "conflicts",
        "sentence",
    ];
    match format {
        ListFormat::Jsonl => {}
        ListFormat::Table => print_table(out, &header, &rows)?,
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(header)?;
            for r in rows {
                w.write_record(r)?;
            }
            w.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SeriesFormat {
    /// Aligned columns.
    Table,
    /// Comma-separated with a header row.
    Csv,
    /// A JSON array.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum By {
    Day,
    Week,
    Month,
}

/// Flags of `rung timeline`.
///
/// Escalation series: per bucket, events by quad class, Goldstein sum and mean, and
/// material-conflict intensity (sum of -Goldstein over quad-4 events). Each reconciled
/// event counts once unless --reports.
///
///   rung timeline --by week --dyad UKR-RUS
///   rung timeline --by month --by-dyad --format csv
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct TimelineArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    filter: FilterArgs,
    /// Bucket width.
    #[arg(long, value_enum, default_value = "week")]
    by: By,
    /// One series per dyad (source>target countries).
    #[arg(long)]
    by_dyad: bool,
    /// Count every report instead of every reconciled event.
    #[arg(long)]
    reports: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: SeriesFormat,
}

/// Runs `rung timeline`.
pub fn timeline(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let bucket = match a.by {
        By::Day => Bucket::Day,
        By::Week => Bucket::Week,
        By::Month => Bucket::Month,
    };
    let t = store.timeline(bucket, &a.filter.filter()?, a.by_dyad, a.reports)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let header = [
        "period",
        "dyad",
        "events",
        "q1",
        "q2",
        "q3",
        "q4",
        "goldstein_sum",
        "goldstein_mean",
        "material_conflict",
    ];
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            vec![
                r.period.clone(),
                r.dyad.clone().unwrap_or_else(|| "all".into()),
                r.events.to_string(),
                r.quad[0].to_string(),
                r.quad[1].to_string(),
                r.quad[2].to_string(),
                r.quad[3].to_string(),
                format!("{:.1}", r.goldstein_sum),
                format!("{:.2}", r.goldstein_mean),
                format!("{:.1}", r.material_conflict),
            ]
        })
        .collect();
    match a.format {
        SeriesFormat::Table => {
            print_table(&mut out, &header, &rows)?;
            if t.imprecise > 0 {
                eprintln!(
                    "rung timeline: {} events dated too coarsely for this bucket were left out",
                    t.imprecise
                );
            }
        }
        SeriesFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(header)?;
            for r in rows {
                w.write_record(r)?;
            }
            w.flush()?;
        }
        SeriesFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &t)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Weapon categories and origins from rung's weapon dictionary.
struct DictWeapons(rung_dict::Dictionaries);

impl WeaponInfo for DictWeapons {
    fn category(&self, weapon: &str) -> Option<String> {
        self.0
            .weapons
            .get(weapon)
            .map(|w| format!("{:?}", w.category).to_lowercase())
    }
    fn origin(&self, weapon: &str) -> Option<String> {
        self.0
            .weapons
            .get(weapon)
            .map(|w| w.origin.clone())
            .filter(|o| !o.is_empty())
    }
}

/// Flags of `rung ladder`.
///
/// The escalation ladder in event-date order: first deliveries of each weapon from each
/// supplier to each recipient, first uses of each weapon against each country, and each
/// more severe threat between two countries, with the report that first carried it.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct LadderArgs {
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

fn print_rungs(rungs: &[Rung], format: ListFormat) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let header = [
        "date",
        "kind",
        "actor",
        "counterpart",
        "what",
        "category",
        "origin",
        "event",
        "outlet",
        "sentence",
    ];
    let rows: Vec<Vec<String>> = rungs
        .iter()
        .map(|r| {
            vec![
                r.date.clone(),
                r.kind.as_str().to_string(),
                r.actor.clone(),
                r.counterpart.clone(),
                r.weapon.clone().or(r.level.clone()).unwrap_or_default(),
                r.category.clone().unwrap_or_default(),
                r.origin.clone().unwrap_or_default(),
                r.event_id.to_string(),
                trunc(r.outlet.as_deref().unwrap_or(&r.doc), 20),
                trunc(&r.text, 60),
            ]
        })
        .collect();
    match format {
        ListFormat::Table => print_table(&mut out, &header, &rows)?,
        ListFormat::Jsonl => {
            for r in rungs {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        }
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(header)?;
            for r in rows {
                w.write_record(r)?;
            }
            w.flush()?;
        }
    }
    out.flush()?;
    Ok(())
}

fn weapon_info() -> Option<DictWeapons> {
    rung_dict::Dictionaries::builtin().ok().map(DictWeapons)
}

/// Runs `rung ladder`.
pub fn ladder(a: LadderArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let info = weapon_info();
    print_rungs(
        &store.ladder(info.as_ref().map(|i| i as &dyn WeaponInfo))?,
        a.format,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Flags of `rung alerts`.
///
/// Ladder rungs whose event date is on or after --since. By event date, not by ingest
/// time: backfilling old reporting does not raise new alerts, and a rung is new only when
/// no earlier event in the store carried it.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct AlertsArgs {
    #[command(flatten)]
    db: DbArg,
    /// First event date to report (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", required = true)]
    since: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

/// Runs `rung alerts`.
pub fn alerts(a: AlertsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let info = weapon_info();
    print_rungs(
        &store.alerts(&a.since, info.as_ref().map(|i| i as &dyn WeaponInfo))?,
        a.format,
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFmt {
    /// Comma-separated, one report per row.
    Csv,
    /// One JSON object per report.
    Jsonl,
    /// Apache Parquet (needs --out).
    Parquet,
    /// GDELT 2.0 event columns, tab-separated, one row per reconciled event.
    Gdelt,
}

/// Flags of `rung export`.
///
///   rung export --format parquet --out events.parquet
///   rung export --format gdelt --out events.tsv --since 2023
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFmt,
    /// Output file (`-` for stdout, except Parquet).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// Runs `rung export`.
pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let format = match a.format {
        ExportFmt::Csv => ExportFormat::Csv,
        ExportFmt::Jsonl => ExportFormat::Jsonl,
        ExportFmt::Parquet => ExportFormat::Parquet,
        ExportFmt::Gdelt => ExportFormat::Gdelt,
    };
    let filter = a.filter.filter()?;
    let n = if a.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let n = store.export_to(format, &filter, &mut out, Path::new("stdout"))?;
        out.flush()?;
        n
    } else {
        store.export(format, &filter, &a.out)?
    };
    eprintln!("rung export: {n} rows");
    Ok(ExitCode::SUCCESS)
}

/// Flags of `rung reconcile`.
///
///   rung reconcile --explain 12     the reports of reconciled event 12, why each joined,
///                                   and the claims kept side by side
///   rung reconcile --split 345      take report 345 out of its event, for good
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ReconcileArgs {
    #[command(flatten)]
    db: DbArg,
    /// Show a reconciled event: reports, match features and scores, conflicts.
    #[arg(
        long,
        value_name = "ID",
        conflicts_with = "split",
        required_unless_present = "split"
    )]
    explain: Option<i64>,
    /// Undo a merge: the report becomes an event of its own and stays apart on recode.
    #[arg(long, value_name = "REPORT_ID")]
    split: Option<i64>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs `rung reconcile`.
pub fn reconcile(a: ReconcileArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&a.db)?;
    if let Some(report) = a.split {
        let rec = store.split(report)?;
        eprintln!("rung reconcile: report {report} is now reconciled event {rec}");
        return Ok(ExitCode::SUCCESS);
    }
    let Some(id) = a.explain else {
        return Ok(ExitCode::SUCCESS);
    };
    let r = store.reconciled(id)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        serde_json::to_writer_pretty(&mut out, &r)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "reconciled event {} ({}), {} to {}, {} report(s)",
        r.id,
        r.family,
        r.first_day.as_deref().unwrap_or("?"),
        r.last_day.as_deref().unwrap_or("?"),
        r.reports.len()
    )?;
    for p in &r.reports {
        let e = &p.event.event;
        writeln!(
            out,
            "  report {} [{} {} {} {}] {} ({})",
            p.event.id,
            actor_code(&e.source),
            e.cameo,
            actor_code(&e.target),
            e.date.as_deref().unwrap_or("undated"),
            p.event.outlet.as_deref().unwrap_or(&e.doc),
            e.doc
        )?;
        writeln!(out, "    \"{}\"", trunc(&e.text, 160))?;
        match p.matched_event {
            Some(m) => writeln!(out, "    joined by matching report {m}: {}", p.features)?,
            None => writeln!(out, "    {}", p.features)?,
        }
    }
    for (name, d) in [
        ("fatalities", &r.conflicts.fatalities),
        ("dates", &r.conflicts.dates),
        ("places", &r.conflicts.locations),
    ] {
        if !d.claims.is_empty() {
            let flag = if d.conflict { "CONFLICT" } else { "agree" };
            writeln!(out, "  {name} ({flag}): {}", d.summary())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
