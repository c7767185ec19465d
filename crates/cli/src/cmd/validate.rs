//! `rung validate`.

use std::process::ExitCode;

/// Flags of `rung validate`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `rung validate`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rung validate is not built yet")
}
