//! One module per subcommand: its flags (clap `Args`) and its `run`.

pub mod code;
pub mod parse;
pub mod store;
pub mod train;
pub mod userdict;
pub mod validate;
