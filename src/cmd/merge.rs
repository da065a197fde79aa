//! whosaid merge: validates a set of shard outputs and writes a combined manifest.

use crate::exit;

/// Validate shard outputs and write a combined manifest.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> u8 {
    eprintln!("whosaid: this subcommand is being built");
    exit::FATAL
}
