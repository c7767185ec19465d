//! The store commands: `rung ingest`, `recode`, `events`, `timeline`, `ladder`, `alerts`,
//! `export`.

use std::process::ExitCode;

macro_rules! pending {
    ($($args:ident $f:ident),*) => {$(
        /// Flags.
        #[derive(clap::Args)]
        pub struct $args {}
        /// Runs the command.
        pub fn $f(_a: $args) -> anyhow::Result<ExitCode> {
            anyhow::bail!(concat!("rung ", stringify!($f), " is not built yet"))
        }
    )*};
}
pending!(IngestArgs ingest, RecodeArgs recode, EventsArgs events, TimelineArgs timeline,
    LadderArgs ladder, AlertsArgs alerts, ExportArgs export);
