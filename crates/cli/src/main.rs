//! `rung`: the command-line program. Flags, configuration and wiring only; every piece of
//! work is done by a library crate.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// rung reads war and crisis reporting (articles, press releases, feeds) and turns it into
/// dated, sourced, coded events: who did what to whom, when, where, with which weapon
/// system, by whose account. Fully offline.
#[derive(Parser)]
#[command(name = "rung", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split, tokenize, tag and parse documents; print CoNLL-U or JSON.
    Parse(cmd::parse::Args),
    /// Train rung's models (`rung train syntax --treebank DIR --out FILE`).
    Train(cmd::train::Args),
    /// Code documents into events (JSON Lines, CSV or TSV).
    Code(cmd::code::Args),
    /// Run the TABARI or PETRARCH validation suites.
    Validate(cmd::validate::Args),
    /// Store documents and their events in the database (idempotent, incremental).
    Ingest(cmd::store::IngestArgs),
    /// Re-code stored documents after a dictionary or model change.
    Recode(cmd::store::RecodeArgs),
    /// Query stored events.
    Events(cmd::store::EventsArgs),
    /// Escalation series per day, week or month.
    Timeline(cmd::store::TimelineArgs),
    /// The escalation ladder: first deliveries, first uses, new threat levels.
    Ladder(cmd::store::LadderArgs),
    /// New ladder rungs since a date.
    Alerts(cmd::store::AlertsArgs),
    /// Export events (csv, jsonl, parquet, gdelt).
    Export(cmd::store::ExportArgs),
    /// Explain or undo the merging of reports into reconciled events.
    Reconcile(cmd::store::ReconcileArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(a) => cmd::parse::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Code(a) => cmd::code::run(a),
        Command::Validate(a) => cmd::validate::run(a),
        Command::Ingest(a) => cmd::store::ingest(a),
        Command::Recode(a) => cmd::store::recode(a),
        Command::Events(a) => cmd::store::events(a),
        Command::Timeline(a) => cmd::store::timeline(a),
        Command::Ladder(a) => cmd::store::ladder(a),
        Command::Alerts(a) => cmd::store::alerts(a),
        Command::Export(a) => cmd::store::export(a),
        Command::Reconcile(a) => cmd::store::reconcile(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("rung: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed stdout (`rung code ... | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
