//! whosaid eval: runs the extractor on gold files and reports precision, recall, F1 and attribution accuracy.

use crate::exit;

/// Score the extractor against gold-annotated articles (JSONL, see README "Evaluation").
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> u8 {
    eprintln!("whosaid: this subcommand is being built");
    exit::FATAL
}
