//! `rung train`.

use anyhow::{bail, Context};
use rung_parse::{conllu, SyntaxModel, TrainOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Flags of `rung train`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Train the tagger, lemmatizer and dependency parser on a UD treebank.
    ///
    /// Reads `*-ud-train.conllu` (and `*-ud-dev.conllu`, when present, to report scores after
    /// every parser epoch) from the treebank directory, trains, scores the result on dev,
    /// and writes one model file. Training is deterministic: the same treebank, epochs and
    /// seed give the same bytes.
    ///
    /// Examples:
    ///
    ///   rung train syntax --treebank ../shared/data/ud-english-ewt --out en_ewt.rungsyn
    ///
    ///   rung train syntax --treebank ud-english-ewt --out quick.rungsyn --epochs 5
    ///
    /// Use the result with `rung parse --model en_ewt.rungsyn ...`.
    #[command(verbatim_doc_comment)]
    Syntax(SyntaxArgs),
}

#[derive(clap::Args)]
struct SyntaxArgs {
    /// Directory holding `*-ud-train.conllu` and optionally `*-ud-dev.conllu`.
    #[arg(long, value_name = "DIR")]
    treebank: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Parser epochs (the tagger trains for two thirds of this, at least 5).
    #[arg(long, value_name = "N")]
    epochs: Option<usize>,
    /// Seed of the training shuffles.
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
}

/// Runs `rung train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Syntax(a) => syntax(a),
    }
}

fn find(dir: &Path, suffix: &str) -> anyhow::Result<Option<PathBuf>> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let p = e?.path();
        if p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(suffix))
        {
            found.push(p);
        }
    }
    found.sort();
    if found.len() > 1 {
        bail!("{}: more than one *{suffix}: {:?}", dir.display(), found);
    }
    Ok(found.pop())
}

fn read(path: &Path) -> anyhow::Result<Vec<conllu::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    conllu::parse(&text).with_context(|| format!("{}", path.display()))
}

fn syntax(a: SyntaxArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let Some(train_path) = find(&a.treebank, "-ud-train.conllu")? else {
        bail!("{}: no *-ud-train.conllu file", a.treebank.display());
    };
    let train = read(&train_path)?;
    let dev = match find(&a.treebank, "-ud-dev.conllu")? {
        Some(p) => Some(read(&p)?),
        None => None,
    };
    let mut opts = TrainOptions::default();
    if let Some(e) = a.epochs {
        opts.parser_epochs = e.max(1);
        opts.tagger_epochs = (e * 2 / 3).max(5);
    }
    if let Some(s) = a.seed {
        opts.seed = s;
    }
    eprintln!(
        "training on {} ({} sentences); tagger {} epochs, parser {} epochs, {} jackknife folds, seed {}",
        train_path.display(),
        train.len(),
        opts.tagger_epochs,
        opts.parser_epochs,
        opts.folds,
        opts.seed
    );
    let model = rung_parse::train(&train, dev.as_deref(), &opts, &mut |m| eprintln!("  {m}"))?;
    let bytes = model.to_bytes();
    std::fs::write(&a.out, &bytes).with_context(|| format!("cannot write {}", a.out.display()))?;
    if let Some(dev) = &dev {
        let m = SyntaxModel::from_bytes(&bytes)?;
        let mut an = rung_parse::Analysis::default();
        let pred: Vec<_> = dev.iter().map(|s| m.annotate(s, &mut an)).collect();
        let sc = rung_parse::eval::score(dev, &pred).map_err(anyhow::Error::msg)?;
        eprintln!("dev: {sc}");
    }
    eprintln!(
        "wrote {} ({:.1} MB) in {:.0}s",
        a.out.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
