//! `whosaid extract`: inputs in, the quotes and articles datasets out.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use whosaid::config::{ExtractConfig, Formats, Shard};
use whosaid::merge;
use whosaid::pipeline::{self, RunError, RunHooks};

use crate::exit;

/// Extract every quotation from articles into quotes and articles datasets.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  whosaid extract seeds/ --out out/
  whosaid extract corpus/ dump.jsonl.zst --out data/ --threads 8
  whosaid extract corpus/ --out data/ --format parquet --overwrite
  whosaid extract big.jsonl --out out/ --shard 3/16 --threads 4
  whosaid extract corpus/ --out out/ --partitioned --max-rows-per-file 1000000

Exit codes: 0 all inputs ok; 1 some inputs failed (dataset still written);
2 usage or fatal error (nothing written); 130 interrupted (nothing replaced).")]
pub struct Args {
    /// Files or folders (walked recursively, sorted by path, hidden files skipped).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, short)]
    out: PathBuf,
    /// Output formats, comma-separated: csv, parquet.
    #[arg(long, default_value = "csv,parquet", value_delimiter = ',', value_parser = ["csv", "parquet"])]
    format: Vec<String>,
    /// Worker threads (0 = one per core). Output is identical for every value.
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// No progress bar and no summary.
    #[arg(long, short)]
    quiet: bool,
    /// Replace a dataset already in the output folder.
    #[arg(long)]
    overwrite: bool,
    /// Make any failed input fatal: nothing is written.
    #[arg(long)]
    strict: bool,
    /// Skip articles larger than this many bytes (decoded or decompressed).
    #[arg(long, default_value_t = whosaid::config::DEFAULT_MAX_ARTICLE_BYTES)]
    max_article_bytes: u64,
    /// Process only shard K of N (0-based), split by a hash of the article id. Implies
    /// --partitioned; run K = 0..N-1 as separate jobs, then `whosaid merge`.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Write each table as a folder of part files (out/quotes/part-00000-of-00001.parquet)
    /// with the run's manifest in out/manifests/.
    #[arg(long)]
    partitioned: bool,
    /// Start a new part file after this many rows (implies --partitioned); files are
    /// then named part-K-of-N-0000, -0001, ...
    #[arg(long, value_name = "ROWS")]
    max_rows_per_file: Option<u64>,
    /// Extra lexicon file(s) extending the built-in lexicons (see README "Lexicons").
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicon: Vec<PathBuf>,
}

fn config(args: Args) -> ExtractConfig {
    let mut cfg = ExtractConfig::new(args.inputs, args.out);
    cfg.formats = Formats {
        csv: args.format.iter().any(|f| f == "csv"),
        parquet: args.format.iter().any(|f| f == "parquet"),
    };
    cfg.threads = args.threads;
    cfg.quiet = args.quiet;
    cfg.overwrite = args.overwrite;
    cfg.strict = args.strict;
    cfg.read.max_article_bytes = args.max_article_bytes;
    cfg.shard = args.shard;
    cfg.partitioned = args.partitioned || args.shard.is_some() || args.max_rows_per_file.is_some();
    cfg.max_rows_per_file = args.max_rows_per_file;
    cfg.lexicon_files = args.lexicon;
    cfg.command_line = std::env::args().collect();
    cfg
}

fn progress_bar(quiet: bool, total_bytes: u64) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .expect("progress template"),
    );
    pb
}

pub fn run(args: Args) -> u8 {
    let cfg = config(args);
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    // The progress total costs a stat per input file: only walk when a bar is drawn.
    let shown = !cfg.quiet && std::io::stderr().is_terminal();
    let total: u64 = if shown {
        cfg.inputs
            .iter()
            .flat_map(|p| walkdir::WalkDir::new(p).into_iter().flatten())
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    } else {
        0
    };
    let pb = progress_bar(!shown, total);
    let pb2 = pb.clone();
    let hooks = RunHooks {
        stop: stop.clone(),
        progress: Box::new(move |articles, bytes| {
            pb2.set_position(bytes);
            pb2.set_message(format!("{articles} articles"));
        }),
    };
    let result = pipeline::run(&cfg, hooks);
    pb.finish_and_clear();
    match result {
        Ok(summary) => {
            // An unsharded partitioned run is a whole dataset: give it its combined
            // manifest.json at once, as `whosaid merge OUT` would.
            if cfg.partitioned && cfg.shard.is_none() {
                if let Err(e) = merge::merge(
                    std::slice::from_ref(&cfg.out),
                    &cfg.out,
                    true,
                    cfg.command_line.clone(),
                ) {
                    eprintln!("whosaid: error: {e}");
                    return exit::FATAL;
                }
            }
            if !cfg.quiet {
                eprintln!(
                    "whosaid: {} articles ({} ok, {} empty, {} errors), {} quotes in {:.2}s -> {}",
                    summary.articles,
                    summary.ok,
                    summary.empty,
                    summary.errors,
                    summary.quotes,
                    summary.seconds,
                    cfg.out.display()
                );
                for p in &summary.first_errors {
                    eprintln!("  {}: {}: {}", p.status.as_str(), p.source_path, p.message);
                }
                let listed = summary.first_errors.len() as u64;
                if summary.errors + summary.empty > listed {
                    eprintln!(
                        "  ... and {} more (rows with status error/empty in articles)",
                        summary.errors + summary.empty - listed
                    );
                }
            }
            if summary.errors > 0 {
                exit::SOME_INPUTS_FAILED
            } else {
                exit::OK
            }
        }
        Err(RunError::Interrupted) => {
            eprintln!("whosaid: interrupted; temporary files removed, earlier results left intact");
            exit::INTERRUPTED
        }
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            exit::FATAL
        }
    }
}
