//! whosaid generate-corpus: a deterministic benchmark corpus built from the seed and fixture articles.

use crate::exit;

/// Generate a deterministic benchmark corpus (folder of .txt and one .jsonl).
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> u8 {
    eprintln!("whosaid: this subcommand is being built");
    exit::FATAL
}
