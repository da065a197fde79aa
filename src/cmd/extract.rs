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
  whosaid extract news-please.jsonl.gz --out data/ --text-field maintext --date-field date_publish

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
    /// JSON field(s) holding the article id, comma-separated, first present wins
    /// [default: id,article_id].
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    id_field: Vec<String>,
    /// JSON field(s) holding the title [default: title,headline].
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    title_field: Vec<String>,
    /// JSON field(s) holding the article text [default: text,maintext,body,content].
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    text_field: Vec<String>,
    /// JSON field(s) holding the URL [default: url,link].
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    url_field: Vec<String>,
    /// JSON field(s) holding the publication date
    /// [default: date,date_publish,published,publish_date].
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    date_field: Vec<String>,
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
    /// zstd level of the Parquet files, 1 (fastest, largest) to 22 (smallest, slowest).
    /// Levels 1-2 write ~10% faster outside extraction with files 3-18% larger. Recorded
    /// in the manifest; the data read back is the same at every level.
    #[arg(long, value_name = "LEVEL", default_value_t = whosaid::config::DEFAULT_ZSTD_LEVEL,
          value_parser = clap::value_parser!(i32).range(
              whosaid::config::MIN_ZSTD_LEVEL as i64..=whosaid::config::MAX_ZSTD_LEVEL as i64))]
    zstd_level: i32,
}

fn config(args: Args) -> ExtractConfig {
    let mut cfg = ExtractConfig::new(args.inputs, args.out);
    cfg.formats = Formats {
        csv: args.format.iter().any(|f| f == "csv"),
        parquet: args.format.iter().any(|f| f == "parquet"),
        zstd_level: args.zstd_level,
    };
    cfg.threads = args.threads;
    cfg.quiet = args.quiet;
    cfg.overwrite = args.overwrite;
    cfg.strict = args.strict;
    cfg.read.max_article_bytes = args.max_article_bytes;
    let fields = &mut cfg.read.fields;
    for (given, slot) in [
        (args.id_field, &mut fields.id),
        (args.title_field, &mut fields.title),
        (args.text_field, &mut fields.text),
        (args.url_field, &mut fields.url),
        (args.date_field, &mut fields.date),
    ] {
        if !given.is_empty() {
            *slot = given;
        }
    }
    cfg.shard = args.shard;
    cfg.partitioned = args.partitioned || args.shard.is_some() || args.max_rows_per_file.is_some();
    cfg.max_rows_per_file = args.max_rows_per_file;
    cfg.lexicon_files = args.lexicon;
    cfg.command_line = std::env::args().collect();
    cfg
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .expect("progress template"),
    );
    pb
}

/// Panics inside extraction are caught per article and recorded in its row (see
/// `pipeline::process`): keep them off the terminal. Any other panic is reported as usual.
fn quiet_extractor_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with(pipeline::WORKER_THREAD_PREFIX));
        if !worker {
            default(info);
        }
    }));
}

/// Keeps peak memory flat over long runs: one glibc malloc arena per worker thread, and
/// blocks of 256 KB and more (chunk buffers, Arrow columns, Parquet pages) taken from
/// and given back to the system directly.
///
/// glibc gives each thread that allocates its own arena (up to 8 per core) and an arena
/// keeps what is freed in it for reuse. Our threads hand buffers to one another
/// (records from the reader to the workers, rows and Arrow batches to the writer and
/// its file threads), so each of a dozen arenas grows to the high-water mark of what
/// passed through it, and resident memory crept up over a long run: 143 MB at 100,000
/// articles, 200 MB at 1,000,000 (Reuters text, `.jsonl.zst`); with the arenas bounded,
/// 116 and 143 MB. glibc also raises its mmap threshold each time a large block is
/// freed, after which large blocks are carved from the arenas and fragment them;
/// a fixed threshold ends that: 98 and 105 MB (for ~6 s more system time per GB of
/// input, from the page faults of fresh mappings). Parameters the user set in the
/// environment (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`) are left as they are.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn bound_malloc_arenas(threads: usize) {
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
        // SAFETY: as below.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
        }
    }
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let workers = match threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let arenas = libc::c_int::try_from(workers.max(2)).unwrap_or(libc::c_int::MAX);
    // SAFETY: mallopt only sets an allocator parameter; it is called before the run
    // starts its threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn bound_malloc_arenas(_threads: usize) {}

pub fn run(args: Args) -> u8 {
    let cfg = config(args);
    bound_malloc_arenas(cfg.threads);
    quiet_extractor_panics();
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let pb = progress_bar(cfg.quiet);
    let (pb1, pb2) = (pb.clone(), pb.clone());
    // A shard reads about 1/N of the bytes.
    let share = cfg.shard.map_or(1, |s| u64::from(s.count));
    let hooks = RunHooks {
        stop: stop.clone(),
        discovered: Box::new(move |_files, bytes| pb1.set_length(bytes / share)),
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
                    let id = if p.source_path.ends_with(".jsonl")
                        || p.source_path.contains(".jsonl.")
                        || p.source_path.ends_with(".json")
                    {
                        format!(" [{}]", p.article_id)
                    } else {
                        String::new()
                    };
                    eprintln!(
                        "  {}: {}{id}: {}",
                        p.status.as_str(),
                        p.source_path,
                        p.message
                    );
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
