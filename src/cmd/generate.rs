//! `whosaid generate-corpus`: a deterministic benchmark corpus built from a pinned,
//! versioned set of source articles compiled into the binary (or from files named with
//! `--from`; see `whosaid::generate`). The same `--mb`, `--seed` and `--corpus` give a
//! byte-identical corpus on every machine, in every checkout.

use std::path::PathBuf;

use whosaid::generate::{self, Sources};

use crate::exit;

/// Generate a deterministic benchmark corpus: a folder of .txt files and one .jsonl.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Writes DIR/txt/NNNN/aNNNNNNN.txt, DIR/corpus.jsonl (the same articles, \
same ids) and DIR/generate.json (pinned corpus, seed, sizes, sources and their digest).

Pinned source sets (--corpus):
  v1  seeds/ and the 35 gold fixture files of session 3 (83 articles, 648 paragraphs):
      the corpus of the session 3 and 4 benchmark runs (default)

Examples:
  whosaid generate-corpus --mb 500 --seed 42 --out bench-data/gen-500
  whosaid generate-corpus --mb 10 --seed 1 --out /tmp/c --from seeds/ --from more.jsonl
  whosaid generate-corpus --mb 10 --out /tmp/c --from seeds --from tests/fixtures/gold"
)]
pub struct Args {
    /// Megabytes (10^6 bytes) of article text to write; the last article may run over.
    #[arg(long, value_parser = parse_mb)]
    mb: f64,
    /// Seed of the generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Output folder (created; must be empty unless --overwrite).
    #[arg(long, short)]
    out: PathBuf,
    /// The pinned source set to build from (compiled in; see below). The benchmark
    /// corpus of BENCHMARKS.md is `v1`.
    #[arg(long, value_name = "NAME", default_value = generate::DEFAULT_CORPUS, conflicts_with = "from")]
    corpus: String,
    /// Source articles instead of a pinned set: .txt/.md files, .jsonl files (text and
    /// title fields), or folders of them (e.g. `--from seeds --from tests/fixtures/gold`
    /// for the repository's articles as they are today).
    #[arg(long = "from", value_name = "PATH")]
    from: Vec<PathBuf>,
    /// Replace the corpus already in the output folder.
    #[arg(long)]
    overwrite: bool,
    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_mb(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if v.is_finite() && v > 0.0 && v <= 1_000_000.0 {
        Ok(v)
    } else {
        Err(format!("--mb must be above 0 and at most 1000000, got {s}"))
    }
}

/// Removes a previous corpus from `out`: only the files this command writes.
fn clear(out: &std::path::Path) -> std::io::Result<()> {
    let txt = out.join(generate::TXT_DIR);
    if txt.exists() {
        std::fs::remove_dir_all(&txt)?;
    }
    for f in [generate::JSONL_FILE, generate::SUMMARY_FILE] {
        let p = out.join(f);
        if p.exists() {
            std::fs::remove_file(&p)?;
        }
    }
    Ok(())
}

pub fn run(args: Args) -> u8 {
    let sources = if args.from.is_empty() {
        Sources::pinned(&args.corpus)
    } else {
        if let Some(missing) = args.from.iter().find(|p| !p.exists()) {
            eprintln!(
                "whosaid: error: source {} does not exist",
                missing.display()
            );
            return exit::FATAL;
        }
        Sources::load(&args.from)
    };
    let sources = match sources {
        Ok(s) if s.is_empty() => {
            let looked: Vec<String> = args.from.iter().map(|p| p.display().to_string()).collect();
            eprintln!(
                "whosaid: error: {}",
                generate::GenerateError::NoSources(looked.join(", "))
            );
            return exit::FATAL;
        }
        Ok(s) => s,
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            return exit::FATAL;
        }
    };
    if args.overwrite {
        if let Err(e) = clear(&args.out) {
            eprintln!("whosaid: error: cannot clear {}: {e}", args.out.display());
            return exit::FATAL;
        }
    }
    let bytes = (args.mb * 1e6).round() as u64;
    match generate::write_corpus(&args.out, &sources, args.seed, bytes) {
        Ok(s) => {
            if !args.quiet {
                let corpus = s
                    .corpus
                    .as_ref()
                    .map_or(String::new(), |c| format!(" of pinned corpus {c}"));
                eprintln!(
                    "whosaid: {} articles, {} bytes of text ({} bytes JSONL) from {} source \
                     paragraphs{corpus}, seed {} -> {}",
                    s.articles,
                    s.text_bytes,
                    s.jsonl_bytes,
                    s.source_paragraphs,
                    s.seed,
                    args.out.display()
                );
            }
            exit::OK
        }
        Err(generate::GenerateError::Usage(m)) if !args.overwrite => {
            eprintln!("whosaid: error: {m}; pass --overwrite to replace a generated corpus");
            exit::FATAL
        }
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            exit::FATAL
        }
    }
}
