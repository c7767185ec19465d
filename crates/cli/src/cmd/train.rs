//! `rung train`.

use std::process::ExitCode;

/// Flags of `rung train`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `rung train`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rung train is not built yet")
}
