//! `rung parse`.

use std::process::ExitCode;

/// Flags of `rung parse`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `rung parse`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rung parse is not built yet")
}
