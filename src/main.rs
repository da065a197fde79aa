//! The `whosaid` command line: a thin layer over the library. Each subcommand lives in
//! its own module under `cmd/`, turns its clap arguments into a resolved config, calls
//! the library, and maps the outcome to an exit code (see README "Exit codes").

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Who said what: quotations, speakers, roles, cues and stance from news articles.
#[derive(Parser, Debug)]
#[command(name = "whosaid", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Extract(cmd::extract::Args),
    Schema(cmd::schema::Args),
    Eval(cmd::eval::Args),
    Merge(cmd::merge::Args),
    #[command(name = "generate-corpus")]
    GenerateCorpus(cmd::generate::Args),
}

/// Exit codes, documented in the README.
pub mod exit {
    /// Every input read and extracted.
    pub const OK: u8 = 0;
    /// The run finished and wrote its dataset, but some inputs failed.
    pub const SOME_INPUTS_FAILED: u8 = 1;
    /// Usage error, or a fatal input/output error: no dataset written.
    pub const FATAL: u8 = 2;
    /// Interrupted (Ctrl-C): temporary files removed, earlier results intact.
    pub const INTERRUPTED: u8 = 130;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Merge(args) => cmd::merge::run(args),
        Command::GenerateCorpus(args) => cmd::generate::run(args),
    };
    ExitCode::from(code)
}
