//! The whole pipeline through the library: read -> extract -> write CSV and Parquet,
//! on a 16 MB generated corpus (seed 42) in both input forms (a folder of `.txt` files,
//! one `.jsonl`), with 1 and 2 worker threads. Throughput is input bytes per second.
//!
//! The corpus and outputs live in a temporary folder. Run: `cargo bench --bench
//! pipeline`. The full-size figures (500 MB, 1 GB, peak RSS, `cat` as the physical
//! limit) come from the release binary in `benches/run.sh`.

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use whosaid::config::ExtractConfig;
use whosaid::generate::{self, Sources};
use whosaid::pipeline::{self, RunHooks};

fn main() {
    divan::main();
}

struct Corpus {
    dir: tempfile::TempDir,
    text_bytes: u64,
    jsonl_bytes: u64,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let sources = Sources::pinned(generate::DEFAULT_CORPUS).expect("pinned bench sources");
    let dir = tempfile::tempdir().expect("temp dir");
    let s = generate::write_corpus(&dir.path().join("corpus"), &sources, 42, 16_000_000)
        .expect("generate bench corpus");
    Corpus {
        dir,
        text_bytes: s.text_bytes,
        jsonl_bytes: s.jsonl_bytes,
    }
});

fn run(b: Bencher, input: PathBuf, bytes: u64, threads: usize) {
    let out = CORPUS.dir.path().join(format!("out-{threads}"));
    let mut cfg = ExtractConfig::new(vec![input], out);
    cfg.threads = threads;
    cfg.overwrite = true;
    b.counter(BytesCount::new(bytes)).bench(|| {
        let summary = pipeline::run(&cfg, RunHooks::default()).expect("pipeline run");
        assert!(summary.articles > 0);
    });
}

#[divan::bench(args = [1, 2], sample_count = 5, sample_size = 1)]
fn folder(b: Bencher, threads: usize) {
    let input = CORPUS.dir.path().join("corpus").join(generate::TXT_DIR);
    run(b, input, CORPUS.text_bytes, threads);
}

#[divan::bench(args = [1, 2], sample_count = 5, sample_size = 1)]
fn jsonl(b: Bencher, threads: usize) {
    let input = CORPUS.dir.path().join("corpus").join(generate::JSONL_FILE);
    run(b, input, CORPUS.jsonl_bytes, threads);
}
