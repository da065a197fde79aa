//! `whosaid merge`: validates the outputs of a sharded run and writes the combined
//! manifest (see [`whosaid::merge`] for what is checked).

use std::path::PathBuf;

use whosaid::merge;

use crate::exit;

/// Check that shard outputs form one complete dataset and write its manifest.json.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  # all shards wrote into out/ (whosaid extract ... --out out/ --shard K/16)
  whosaid merge out/
  # one folder per shard: link the part files into combined/
  whosaid merge shards/* --out combined/

Checks: every shard 0..N-1 present once; same tool version, schema version,
options, lexicon and input content hash; every part file present with the size
and hash its shard manifest records; every article in the shard it hashes to.
Exit codes: 0 merged; 2 inconsistent or incomplete (the message names what).")]
pub struct Args {
    /// Output folders of the shard runs (each holding manifests/part-K-of-N.json).
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// Folder for the combined dataset (default: the shard folder, when only one is
    /// given). Part files are hard-linked (or copied) into it when they live elsewhere.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Replace an existing manifest.json and differing files in the output folder.
    #[arg(long)]
    overwrite: bool,
    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> u8 {
    let out = match (&args.out, args.shards.as_slice()) {
        (Some(o), _) => o.clone(),
        (None, [only]) => only.clone(),
        (None, _) => {
            eprintln!(
                "whosaid: error: several shard folders given: name the combined folder with --out"
            );
            return exit::FATAL;
        }
    };
    match merge::merge(
        &args.shards,
        &out,
        args.overwrite,
        std::env::args().collect(),
    ) {
        Ok(s) => {
            if !args.quiet {
                let by_status = &s.manifest.rows.articles_by_status;
                let n = |k: &str| by_status.get(k).copied().unwrap_or(0);
                eprintln!(
                    "whosaid: merged {} shards: {} articles ({} ok, {} empty, {} errors), {} quotes, {} files linked -> {}",
                    s.manifest.shards.len(),
                    s.manifest.rows.articles,
                    n("ok"),
                    n("empty"),
                    n("error"),
                    s.manifest.rows.quotes,
                    s.files_linked,
                    s.manifest_path.display()
                );
            }
            exit::OK
        }
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            exit::FATAL
        }
    }
}
