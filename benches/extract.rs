//! Extraction alone, one core: MB/s of article text through `extract(&Article,
//! &Lexicon)` with the full attribution engine, on
//! - `generated`: about 8 MB of realistic articles from `whosaid::generate` (seed 42,
//!   sources `seeds/` and `tests/fixtures/gold/`), the figure the 100 MB/s target is about;
//! - `real_wire_copy`: the Reuters-21578 JSONL (`WHOSAID_BENCH_REAL`, default
//!   `../shared/corpus/reuters21578.jsonl`), when present;
//! - pathological inputs at three sizes (a quarter, half and the full size), so the report shows
//!   whether time stays linear: an article with one quote mark per 100 bytes (10 MB and
//!   100,000 marks at full size) and one enormous line (5 MB at full size). The same
//!   inputs through the whole CLI, with CPU time and peak RSS: `benches/pathological.sh`.
//!
//! Divan reports time per iteration and throughput (bytes/s). Run: `cargo bench --bench
//! extract`; `benches/run.sh` records the figures in BENCHMARKS.md.

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use whosaid::extract::extract;
use whosaid::generate::{self, Generator, Sources};
use whosaid::lexicon::Lexicon;
use whosaid::model::Article;

fn main() {
    divan::main();
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fn article(id: &str, text: String) -> Article {
    Article {
        id: id.to_string(),
        source_path: format!("{id}.txt"),
        text,
        ..Default::default()
    }
}

static GENERATED: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let sources = Sources::pinned(generate::DEFAULT_CORPUS).expect("pinned bench sources");
    Generator::new(&sources, 42)
        .take_bytes(8_000_000)
        .map(|a| article(&a.id, a.text))
        .collect()
});

static REAL: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let path = std::env::var("WHOSAID_BENCH_REAL").unwrap_or_else(|_| {
        ["../shared", "../../shared"]
            .iter()
            .map(|d| format!("{d}/corpus/reuters21578.jsonl"))
            .find(|p| std::path::Path::new(p).exists())
            .unwrap_or_else(|| "../shared/corpus/reuters21578.jsonl".to_string())
    });
    let Ok(body) = std::fs::read_to_string(&path) else {
        eprintln!("real_wire_copy: {path} not found; benchmarking an empty corpus");
        return Vec::new();
    };
    body.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .enumerate()
        .map(|(i, v)| {
            let text = v["text"].as_str().unwrap_or_default().to_string();
            article(&format!("reuters#{i}"), text)
        })
        .collect()
});

fn bench_articles(b: Bencher, articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for a in articles {
            black_box(extract(black_box(a), &LEXICON));
        }
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn generated(b: Bencher) {
    bench_articles(b, &GENERATED);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn real_wire_copy(b: Bencher) {
    bench_articles(b, &REAL);
}

/// Article size in bytes; one quote mark per 100 bytes.
#[divan::bench(args = [2_500_000, 5_000_000, 10_000_000], sample_count = 5, sample_size = 1)]
fn dense_quote_marks(b: Bencher, bytes: usize) {
    let a = article("dense", generate::dense_quote_marks(bytes, bytes / 100));
    bench_articles(b, std::slice::from_ref(&a));
}

/// Line length in bytes.
#[divan::bench(args = [1_250_000, 2_500_000, 5_000_000], sample_count = 5, sample_size = 1)]
fn one_long_line(b: Bencher, bytes: usize) {
    let a = article("line", generate::one_long_line(bytes));
    bench_articles(b, std::slice::from_ref(&a));
}
