//! `rung code`.

use std::process::ExitCode;

/// Flags of `rung code`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `rung code`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rung code is not built yet")
}
