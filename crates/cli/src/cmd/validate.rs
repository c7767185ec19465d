//! `rung validate`: run the TABARI or PETRARCH validation suites with rung's coder.

use anyhow::Context;
use rung_legacy::{run_petrarch, run_tabari, RunOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `rung validate`.
///
/// Codes a legacy validation suite with its own dictionaries and options, over rung's
/// own tokenization, and compares the events with the suite's gold codes.
///
///   rung validate tabari ../shared/data/tabari
///   (Validate.text with the files named in Validate.project)
///
///   rung validate petrarch ../shared/data/petrarch/petrarch2
///   (PETR.UnitTest.records.xml with the dictionaries of its <Environment>)
///
/// Prints the failed records (id, start of the sentence, expected and coded events), the
/// pass rate per category, options the suite sets that rung does not honour, the share
/// of gold (source, target, code) triples found and of coded triples that are extra, and
/// last `N passed, M failed` (records).
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Which suite.
    #[arg(value_enum)]
    suite: Suite,
    /// Directory holding the suite and its dictionaries.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Use rung's parser (subjects, objects, verb tags) on the raw text.
    #[arg(long)]
    parse: bool,
    /// Comparison mode: take words and verb tags from the records' Treebank parses
    /// (PETRARCH only) instead of rung's own tokenizer.
    #[arg(long)]
    use_record_parses: bool,
    /// Use rung-legacy's standalone tokenizer instead of rung-text's (comparison).
    #[arg(long)]
    simple_tokenizer: bool,
    /// Do not list the failed records.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Suite {
    /// TABARI's Validate.text.
    Tabari,
    /// PETRARCH's PETR.UnitTest.records.xml.
    Petrarch,
}

/// Runs `rung validate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let run = RunOptions {
        use_parse: args.parse,
        use_record_parses: args.use_record_parses,
        simple_tokenizer: args.simple_tokenizer,
    };
    let (name, result) = match args.suite {
        Suite::Tabari => ("tabari", run_tabari(&args.dir, &run)),
        Suite::Petrarch => ("petrarch", run_petrarch(&args.dir, &run)),
    };
    let (report, dicts) =
        result.with_context(|| format!("running the {name} suite in {}", args.dir.display()))?;
    for d in &dicts.diagnostics {
        eprintln!("note: {d}");
    }
    println!("{}", report.render(name, !args.quiet));
    Ok(ExitCode::SUCCESS)
}
