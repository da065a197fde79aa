//! The extract run: inputs are read in order on one thread, extracted in bounded chunks
//! on the rayon pool, and written in input order by one writer thread.
//!
//! Memory is bounded by the chunk size times the channel depths, never by the corpus.
//! Output bytes do not depend on the thread count: chunks are cut by article count and
//! bytes only, and results are written in input order.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::ExtractConfig;
use crate::corpus::{self, InputFile};
use crate::dataset::{ArticleRow, DatasetWriter, OutputFile};
use crate::extract::extract;
use crate::lexicon::Lexicon;
use crate::model::{content_hash, InputRecord, Quote, Status};
use crate::text;

/// Most articles in one chunk.
pub const CHUNK_ARTICLES: usize = 1024;
/// Most input bytes in one chunk.
pub const CHUNK_BYTES: u64 = 8 * 1024 * 1024;

/// Why a run stopped without producing a dataset.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Input(#[from] corpus::CorpusError),
    #[error(transparent)]
    Lexicon(#[from] crate::lexicon::LexiconError),
    #[error(transparent)]
    Output(#[from] crate::dataset::DatasetError),
    #[error("--strict: input failed: {path}: {message}")]
    Strict { path: String, message: String },
    #[error("interrupted: no output written (earlier results left intact)")]
    Interrupted,
}

/// A failed or empty input, for the end-of-run report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub article_id: String,
    pub source_path: String,
    pub status: Status,
    pub message: String,
}

/// What a finished run did.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub files: u64,
    pub articles: u64,
    pub ok: u64,
    pub empty: u64,
    pub errors: u64,
    pub quotes: u64,
    pub input_bytes: u64,
    pub seconds: f64,
    /// The first few failed inputs, in input order.
    pub first_errors: Vec<Problem>,
    pub outputs: Vec<OutputFile>,
    pub files_discovered: Vec<InputFile>,
    pub lexicon_hash: String,
}

/// Builds the `articles` row for a record once its quotes are known.
pub fn article_row(rec: InputRecord, n_quotes: usize) -> ArticleRow {
    let a = rec.article;
    let ok = rec.status != Status::Error;
    ArticleRow {
        n_chars: text::char_count(&a.text) as i64,
        n_paragraphs: text::paragraph_count(&a.text) as i32,
        n_quotes: n_quotes as i32,
        content_hash: ok.then(|| content_hash(&a.text)),
        article_id: a.id,
        source_path: a.source_path,
        title: a.title,
        url: a.url,
        date: a.date,
        status: rec.status,
        error: rec.error,
        text: a.text,
    }
}

/// Extracts one record: quotes only for `ok` articles.
pub fn process(rec: InputRecord, lexicon: &Lexicon) -> (ArticleRow, Vec<Quote>) {
    let quotes = if rec.status == Status::Ok {
        extract(&rec.article, lexicon)
    } else {
        Vec::new()
    };
    (article_row(rec, quotes.len()), quotes)
}

/// Reads every file in order and sends chunks of records; stops early when `stop` is set.
fn read_chunks(
    files: Vec<InputFile>,
    cfg: ExtractConfig,
    stop: Arc<AtomicBool>,
    tx: std::sync::mpsc::SyncSender<Vec<InputRecord>>,
) {
    let mut chunk = Vec::with_capacity(CHUNK_ARTICLES);
    let mut bytes = 0u64;
    for f in &files {
        for rec in corpus::read(f, &cfg.read) {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if let Some(shard) = cfg.shard {
                if !shard.owns(&rec.article.id) {
                    continue;
                }
            }
            bytes += rec.input_bytes.max(rec.article.text.len() as u64);
            chunk.push(rec);
            if chunk.len() >= CHUNK_ARTICLES || bytes >= CHUNK_BYTES {
                if tx.send(std::mem::take(&mut chunk)).is_err() {
                    return;
                }
                bytes = 0;
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
}

type Extracted = Vec<(ArticleRow, Vec<Quote>)>;

fn write_chunks(
    mut writer: DatasetWriter,
    rx: Receiver<Extracted>,
) -> Result<(DatasetWriter, u64), (DatasetWriter, crate::dataset::DatasetError)> {
    let mut quotes_total = 0u64;
    let mut rows = Vec::new();
    let mut quotes = Vec::new();
    for chunk in rx {
        rows.clear();
        quotes.clear();
        for (row, q) in chunk {
            rows.push(row);
            quotes.extend(q);
        }
        quotes_total += quotes.len() as u64;
        if let Err(e) = writer
            .write_quotes(&quotes)
            .and_then(|_| writer.write_articles(&rows))
        {
            return Err((writer, e));
        }
    }
    Ok((writer, quotes_total))
}

/// Hooks the caller supplies: a progress reporter and the interruption flag.
pub struct RunHooks {
    pub stop: Arc<AtomicBool>,
    /// Called after each chunk with (articles done, input bytes done).
    pub progress: Box<dyn FnMut(u64, u64) + Send>,
}

impl Default for RunHooks {
    fn default() -> Self {
        RunHooks {
            stop: Arc::new(AtomicBool::new(false)),
            progress: Box::new(|_, _| {}),
        }
    }
}

/// Runs `whosaid extract`: the dataset files are complete and in place on `Ok`.
pub fn run(cfg: &ExtractConfig, mut hooks: RunHooks) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let lexicon = Lexicon::load(&cfg.lexicon_files)?;
    let files = corpus::discover(&cfg.inputs)?;
    prepare_out_dir(&cfg.out, cfg.overwrite)?;
    let writer = DatasetWriter::create(&cfg.out, cfg.formats)?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .build()
        .map_err(|e| RunError::Usage(format!("cannot start {} threads: {e}", cfg.threads)))?;

    let (rtx, rrx) = sync_channel::<Vec<InputRecord>>(2);
    let (wtx, wrx) = sync_channel::<Extracted>(2);
    let reader = {
        let files = files.clone();
        let cfg = cfg.clone();
        let stop = hooks.stop.clone();
        std::thread::spawn(move || read_chunks(files, cfg, stop, rtx))
    };
    let writer_thread = std::thread::spawn(move || write_chunks(writer, wrx));

    let mut summary = RunSummary {
        files: files.len() as u64,
        ..Default::default()
    };
    let mut strict_failure = None;
    for chunk in rrx {
        if hooks.stop.load(Ordering::Relaxed) {
            break;
        }
        for rec in &chunk {
            summary.articles += 1;
            summary.input_bytes += rec.input_bytes;
            match rec.status {
                Status::Ok => summary.ok += 1,
                Status::Empty => summary.empty += 1,
                Status::Error => summary.errors += 1,
            }
            if rec.status != Status::Ok && summary.first_errors.len() < 10 {
                summary.first_errors.push(Problem {
                    article_id: rec.article.id.clone(),
                    source_path: rec.article.source_path.clone(),
                    status: rec.status,
                    message: rec.error.clone().unwrap_or_default(),
                });
            }
            if cfg.strict && rec.status == Status::Error && strict_failure.is_none() {
                strict_failure = Some((
                    rec.article.source_path.clone(),
                    rec.error.clone().unwrap_or_default(),
                ));
            }
        }
        if strict_failure.is_some() {
            break;
        }
        let extracted: Extracted = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|r| process(r, &lexicon))
                .collect()
        });
        if wtx.send(extracted).is_err() {
            break;
        }
        (hooks.progress)(summary.articles, summary.input_bytes);
    }
    drop(wtx);
    let interrupted = hooks.stop.load(Ordering::Relaxed);
    if interrupted || strict_failure.is_some() {
        hooks.stop.store(true, Ordering::Relaxed);
    }
    let _ = reader.join();
    let written = writer_thread.join().expect("writer thread");
    let (writer, quotes) = match written {
        Ok(w) => w,
        Err((writer, e)) => {
            writer.abort();
            return Err(e.into());
        }
    };
    if let Some((path, message)) = strict_failure {
        writer.abort();
        return Err(RunError::Strict { path, message });
    }
    if interrupted {
        writer.abort();
        return Err(RunError::Interrupted);
    }
    summary.quotes = quotes;
    summary.outputs = writer.finish()?;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.lexicon_hash = lexicon.hash().to_string();
    summary.files_discovered = files;
    Ok(summary)
}

/// Creates the output folder; refuses to replace existing results without `overwrite`.
fn prepare_out_dir(out: &PathBuf, overwrite: bool) -> Result<(), RunError> {
    if out.exists() {
        if !out.is_dir() {
            return Err(RunError::Usage(format!(
                "output {} exists and is not a folder",
                out.display()
            )));
        }
        let has_results = [
            "quotes.csv",
            "quotes.parquet",
            "articles.csv",
            "articles.parquet",
            "manifest.json",
        ]
        .iter()
        .any(|n| out.join(n).exists());
        if has_results && !overwrite {
            return Err(RunError::Usage(format!(
                "output folder {} already holds a dataset; pass --overwrite to replace it",
                out.display()
            )));
        }
    }
    std::fs::create_dir_all(out).map_err(|source| {
        RunError::Output(crate::dataset::DatasetError::Io {
            path: out.clone(),
            source,
        })
    })
}
