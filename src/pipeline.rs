//! The extract run: inputs are listed in order on one thread, read and extracted in
//! bounded chunks on the rayon pool, and written in input order by one writer thread.
//!
//! A folder of one-article files is read by the workers, in parallel (opening and
//! reading many small files is most of the cost of reading them); a JSONL stream is
//! read by the reader thread, which sends its records. The manifest's hash over all
//! inputs is computed from per-file digests taken while the files are read, combined
//! in input order, so no file is read twice.
//!
//! Memory is bounded by the chunk size times the channel depths, never by the corpus.
//! With `--shard K/N` only the articles whose id hashes to K go through; single-article
//! files owned by other shards are not even read. Nothing reaches the output folder
//! before the end: the dataset writer completes every file under a temporary name, the
//! manifest is written last, and all are renamed into place only when the run has
//! succeeded and was not interrupted (see [`crate::dataset`]).
//! Output bytes do not depend on the thread count: chunks are cut by article count and
//! bytes only, and results are written in input order.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::{ExtractConfig, Shard};
use crate::corpus::digest::{digest_file, FileDigest};
use crate::corpus::{self, FileList, InputFile};
use crate::dataset::layout::{self, Layout};
use crate::dataset::{manifest, ArticleRow, DatasetError, DatasetWriter, OutputFile};
use crate::extract::extract;
use crate::lexicon::Lexicon;
use crate::model::{content_hash, Article, InputRecord, Quote, Status};
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
    pub files_discovered: FileList,
    pub lexicon_hash: String,
    /// XXH3-128 over all input files (see [`manifest::InputsHasher`]).
    pub inputs_hash: String,
    /// Worker threads used.
    pub threads: usize,
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

/// Name prefix of the extraction worker threads (a panic hook can tell them apart).
pub const WORKER_THREAD_PREFIX: &str = "whosaid-worker";
/// Name of the thread that lists the inputs and reads JSONL streams (named, like every
/// thread of a run, so that `top -H`, `perf` and `/proc/PID/task` show each stage's CPU).
pub const READER_THREAD: &str = "whosaid-reader";
/// Name of the thread that turns rows into batches and hands them to the file writers.
pub const ROWS_THREAD: &str = "whosaid-rows";

/// Extracts one record: quotes only for `ok` articles. A panic inside the extractor
/// is caught and turns the article into an `error` row naming it, so one bad article
/// never costs the rest of the run (its text is kept, for the bug report).
pub fn process(rec: InputRecord, lexicon: &Lexicon) -> (ArticleRow, Vec<Quote>) {
    process_with(rec, |a| extract(a, lexicon))
}

/// [`process`] with the extractor passed in.
pub fn process_with(
    mut rec: InputRecord,
    extractor: impl Fn(&Article) -> Vec<Quote>,
) -> (ArticleRow, Vec<Quote>) {
    if rec.status != Status::Ok {
        return (article_row(rec, 0), Vec::new());
    }
    let article = &rec.article;
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor(article))) {
        Ok(mut quotes) => {
            one_row_per_span(&mut quotes);
            (article_row(rec, quotes.len()), quotes)
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            // One line, bounded: panic messages can quote whole stretches of text.
            let mut what: String = what.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some((cut, _)) = what.char_indices().nth(200) {
                what.truncate(cut);
                what.push('…');
            }
            rec.status = Status::Error;
            rec.error = Some(format!(
                "extractor failed (a whosaid bug, please report it): {what}"
            ));
            (article_row(rec, 0), Vec::new())
        }
    }
}

/// The dataset's promise that `quote_id` (a hash of article and span) is unique: when
/// the extractor reports one span twice (two rules finding the same quotation), the
/// first report is kept and `quote_index` renumbered. The extractor should not do
/// this; the guard keeps a slip there from breaking joins on `quote_id`.
pub fn one_row_per_span(quotes: &mut Vec<Quote>) {
    // The usual case, checked without hashing: spans in strictly increasing order are
    // all different (quote_index is already the position then, as the extractor sets it).
    let increasing = quotes
        .windows(2)
        .all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end));
    if increasing
        && quotes
            .iter()
            .enumerate()
            .all(|(i, q)| q.quote_index == i as u32)
    {
        return;
    }
    let mut seen = std::collections::HashSet::with_capacity(quotes.len());
    quotes.retain(|q| seen.insert((q.start, q.end)));
    for (i, q) in quotes.iter_mut().enumerate() {
        q.quote_index = i as u32;
    }
}

/// Whether a file holds exactly one article whose id is the file's own id (text,
/// Markdown and HTML, compressed or not), so a shard can skip it unread when another
/// shard owns that id. JSON and JSONL take ids from their content and are always read.
pub fn single_article_by_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    [".txt", ".md", ".html", ".htm"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// One unit of work in a chunk, in input order.
enum Item {
    /// A record the reader thread read (a line of a JSONL file).
    Record(InputRecord),
    /// The whole of a JSONL file has been sent: its digest, for the inputs hash.
    Digest(usize, Option<u128>),
    /// A one-article file (text, Markdown, HTML, JSON), read by a worker: the index in
    /// the file list.
    File(usize),
    /// A file another shard owns: the worker only hashes it.
    HashOnly(usize),
}

/// What a worker made of one [`Item`].
#[derive(Default)]
struct Done {
    rows: Vec<(ArticleRow, Vec<Quote>)>,
    input_bytes: u64,
    /// The file's digest, when this item completes a file.
    digest: Option<(usize, Option<u128>)>,
}

/// Whether the file is read by the reader thread (a JSONL stream: many records, read
/// in order) rather than by a worker (one article per file).
fn streamed(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    corpus::formats::Format::from_name(&name).0 == corpus::formats::Format::Jsonl
}

/// Sends the inputs in order, in chunks: JSONL files as their records (read here, one
/// stream at a time), other files as indices for the workers to read in parallel (on
/// a folder of small files, opening and reading them is most of the reading cost).
/// Stops early when `stop` is set.
fn read_chunks(
    files: Arc<FileList>,
    cfg: ExtractConfig,
    stop: Arc<AtomicBool>,
    tx: std::sync::mpsc::SyncSender<Vec<Item>>,
) {
    let mut chunk = Vec::with_capacity(CHUNK_ARTICLES);
    let mut bytes = 0u64;
    // Adds an item; sends the chunk when it is full. False: the run is over.
    let mut push = |chunk: &mut Vec<Item>, item: Item, size: u64| -> bool {
        bytes += size;
        chunk.push(item);
        if chunk.len() >= CHUNK_ARTICLES || bytes >= CHUNK_BYTES {
            bytes = 0;
            return tx.send(std::mem::take(chunk)).is_ok();
        }
        true
    };
    for (i, f) in files.iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if !streamed(&f.path) || f.problem.is_some() {
            let other_shards = cfg
                .shard
                .is_some_and(|shard| single_article_by_name(&f.path) && !shard.owns(&f.id));
            // Another shard's article is not even read (only hashed).
            let item = if other_shards {
                Item::HashOnly(i)
            } else {
                Item::File(i)
            };
            if !push(&mut chunk, item, text_bytes_estimate(&f)) {
                return;
            }
            continue;
        }
        let digest = FileDigest::new(&f.path);
        for rec in corpus::read_digested(&f, &cfg.read, Some(&digest)) {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if let Some(shard) = cfg.shard {
                if !shard.owns(&rec.article.id) {
                    continue;
                }
            }
            let size = rec.input_bytes.max(rec.article.text.len() as u64);
            if !push(&mut chunk, Item::Record(rec), size) {
                return;
            }
        }
        if !push(&mut chunk, Item::Digest(i, digest.finish()), 0) {
            return;
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
}

/// What a one-article file weighs in a chunk before it is read: its size, times 4 when
/// compressed (text compresses about 3 to 4 times), so that chunks of compressed files
/// hold about as much text as chunks of plain ones.
fn text_bytes_estimate(f: &InputFile) -> u64 {
    let name = f.path.file_name().map(|n| n.to_string_lossy());
    match name.map(|n| corpus::compression::Compression::from_name(&n)) {
        Some(corpus::compression::Compression::None) | None => f.size,
        Some(_) => f.size.saturating_mul(4),
    }
}

/// A worker's part: reads the item's file when it is one, and extracts its records.
fn work(item: Item, files: &FileList, cfg: &ExtractConfig, lexicon: &Lexicon) -> Done {
    let mut done = Done::default();
    let take = |done: &mut Done, rec: InputRecord| {
        done.input_bytes += rec.input_bytes;
        done.rows.push(process(rec, lexicon));
    };
    match item {
        Item::Record(rec) => take(&mut done, rec),
        Item::Digest(i, d) => done.digest = Some((i, d)),
        Item::HashOnly(i) => done.digest = Some((i, digest_file(&files.path(i)))),
        Item::File(i) => {
            let f = files.get(i);
            let digest = FileDigest::new(&f.path);
            for rec in corpus::read_digested(&f, &cfg.read, Some(&digest)) {
                if cfg.shard.is_none_or(|shard| shard.owns(&rec.article.id)) {
                    take(&mut done, rec);
                }
            }
            done.digest = Some((i, digest.finish()));
        }
    }
    done
}

type Extracted = Vec<(ArticleRow, Vec<Quote>)>;

/// Writes chunks in arrival (= input) order; returns the writer (to finish or abort)
/// with the quote count or the first write error.
fn write_chunks(
    mut writer: DatasetWriter,
    rx: Receiver<Extracted>,
) -> (DatasetWriter, Result<u64, DatasetError>) {
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
        if let Err(e) = writer.write_chunk(&quotes, &rows) {
            return (writer, Err(e));
        }
        // The chunk's texts and quotes are freed here, then their pages handed back.
        rows.clear();
        quotes.clear();
        release_free_pages();
    }
    (writer, Ok(quotes_total))
}

/// Hands the pages of freed heap memory back to the system (glibc `malloc_trim`), once
/// per chunk written. A chunk's rows are allocated on the worker threads and freed here
/// in the writer, while the workers allocate the next chunks among them: the holes
/// they leave in the allocator's arenas stay resident, and peak RSS crept up with the
/// length of the run (a 100 MB folder corpus 130 MB, 1 GB 160 MB). Costs a walk of the
/// free lists and a few `madvise` calls per chunk of 1,024 articles.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_free_pages() {
    // SAFETY: malloc_trim only returns free memory to the system; it takes the
    // allocator's own locks and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_free_pages() {}

/// Hooks the caller supplies: progress reporters and the interruption flag.
pub struct RunHooks {
    pub stop: Arc<AtomicBool>,
    /// Called once the inputs are found, with (files, total bytes on disk).
    pub discovered: Box<dyn FnMut(u64, u64) + Send>,
    /// Called after each chunk with (articles done, input bytes done).
    pub progress: Box<dyn FnMut(u64, u64) + Send>,
}

impl Default for RunHooks {
    fn default() -> Self {
        RunHooks {
            stop: Arc::new(AtomicBool::new(false)),
            discovered: Box::new(|_, _| {}),
            progress: Box::new(|_, _| {}),
        }
    }
}

/// The layout a config asks for.
pub fn layout(cfg: &ExtractConfig) -> Layout {
    if cfg.partitioned || cfg.shard.is_some() || cfg.max_rows_per_file.is_some() {
        Layout::Partitioned {
            shard: cfg.shard.unwrap_or(Shard { index: 0, count: 1 }),
            max_rows_per_file: cfg.max_rows_per_file,
        }
    } else {
        Layout::Single
    }
}

/// Runs `whosaid extract`: on `Ok` the data files and the manifest are complete and in
/// place; on any `Err` nothing in the output folder has been replaced and no temporary
/// file is left behind.
pub fn run(cfg: &ExtractConfig, mut hooks: RunHooks) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    if cfg.max_rows_per_file == Some(0) {
        return Err(RunError::Usage(
            "--max-rows-per-file must be at least 1".into(),
        ));
    }
    if !cfg.formats.csv && !cfg.formats.parquet {
        return Err(RunError::Usage("no output format selected".into()));
    }
    let layout = layout(cfg);
    let lexicon = Lexicon::load(&cfg.lexicon_files)?;
    // One list shared by the reader, the workers and the manifest: a copy per thread
    // costs ~200 bytes per input file each (140 MB on a 228,000-file corpus).
    let files = Arc::new(skip_output_folder(
        corpus::discover_list(&cfg.inputs)?,
        &cfg.inputs,
        &cfg.out,
    ));
    (hooks.discovered)(files.len() as u64, files.total_size());
    let replaced = prepare_out_dir(&cfg.out, layout, cfg.overwrite)?;
    let writer = DatasetWriter::create(&cfg.out, cfg.formats, layout)?;

    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .thread_name(|i| format!("{WORKER_THREAD_PREFIX}-{i}"))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            writer.abort();
            return Err(RunError::Usage(format!(
                "cannot start {} threads: {e}",
                cfg.threads
            )));
        }
    };
    let threads = pool.current_num_threads();

    let (rtx, rrx) = sync_channel::<Vec<Item>>(2);
    let (wtx, wrx) = sync_channel::<Extracted>(2);
    let reader = {
        let files = Arc::clone(&files);
        let cfg = cfg.clone();
        let stop = hooks.stop.clone();
        std::thread::Builder::new()
            .name(READER_THREAD.into())
            .spawn(move || read_chunks(files, cfg, stop, rtx))
            .expect("start the reader thread")
    };
    let writer_thread = std::thread::Builder::new()
        .name(ROWS_THREAD.into())
        .spawn(move || write_chunks(writer, wrx))
        .expect("start the writer thread");

    let mut summary = RunSummary {
        files: files.len() as u64,
        threads,
        ..Default::default()
    };
    let mut strict_failure = None;
    let mut inputs_hash = manifest::InputsHasher::default();
    for chunk in rrx {
        if hooks.stop.load(Ordering::Relaxed) {
            break;
        }
        let done: Vec<Done> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|item| work(item, &files, cfg, &lexicon))
                .collect()
        });
        let mut extracted: Extracted = Vec::with_capacity(done.len());
        for d in done {
            summary.input_bytes += d.input_bytes;
            if let Some((i, digest)) = d.digest {
                inputs_hash.add(&files.id(i), digest);
            }
            extracted.extend(d.rows);
        }
        for (row, _) in &extracted {
            summary.articles += 1;
            match row.status {
                Status::Ok => summary.ok += 1,
                Status::Empty => summary.empty += 1,
                Status::Error => summary.errors += 1,
            }
            if row.status != Status::Ok && summary.first_errors.len() < 10 {
                summary.first_errors.push(Problem {
                    article_id: row.article_id.clone(),
                    source_path: row.source_path.clone(),
                    status: row.status,
                    message: row.error.clone().unwrap_or_default(),
                });
            }
            if cfg.strict && row.status == Status::Error && strict_failure.is_none() {
                strict_failure = Some((
                    row.source_path.clone(),
                    row.error.clone().unwrap_or_default(),
                ));
            }
        }
        if strict_failure.is_some() {
            break;
        }
        if wtx.send(extracted).is_err() {
            break;
        }
        (hooks.progress)(summary.articles, summary.input_bytes);
    }
    drop(wtx);
    if strict_failure.is_some() {
        // Stops the reader; the run is abandoned.
        hooks.stop.store(true, Ordering::SeqCst);
    }
    let (writer, written) = writer_thread.join().expect("writer thread");
    if written.is_err() {
        // A fatal write error abandons the run: stop the reader early.
        hooks.stop.store(true, Ordering::SeqCst);
    }
    let _ = reader.join();
    summary.inputs_hash = inputs_hash.finish();
    let quotes = match written {
        Ok(q) => q,
        Err(e) => {
            writer.abort();
            return Err(e.into());
        }
    };
    if let Some((path, message)) = strict_failure {
        writer.abort();
        return Err(RunError::Strict { path, message });
    }
    if hooks.stop.load(Ordering::SeqCst) {
        writer.abort();
        return Err(RunError::Interrupted);
    }
    summary.quotes = quotes;
    summary.lexicon_hash = lexicon.hash().to_string();
    // The reader thread has been joined: this is the last reference.
    summary.files_discovered = Arc::try_unwrap(files).unwrap_or_else(|shared| (*shared).clone());
    let pending = writer.close()?;
    summary.seconds = started.elapsed().as_secs_f64();
    let outputs = pending.outputs();
    let doc = manifest::manifest(cfg, &summary, &outputs);
    let (manifest_tmp, manifest_path) =
        match manifest::write_pending(&cfg.out.join(layout.manifest_name()), &doc) {
            Ok(p) => p,
            Err(e) => {
                pending.discard();
                return Err(e.into());
            }
        };
    // The last point of no return: an interruption up to here leaves everything as it was.
    if hooks.stop.load(Ordering::SeqCst) {
        pending.discard();
        let _ = std::fs::remove_file(&manifest_tmp);
        return Err(RunError::Interrupted);
    }
    summary.outputs = match pending.commit() {
        Ok(o) => o,
        Err(e) => {
            let _ = std::fs::remove_file(&manifest_tmp);
            return Err(e.into());
        }
    };
    std::fs::rename(&manifest_tmp, &manifest_path).map_err(|source| {
        let _ = std::fs::remove_file(&manifest_tmp);
        DatasetError::Io {
            path: manifest_path.clone(),
            source,
        }
    })?;
    // Files of the replaced dataset that this run did not rewrite (another format, or
    // a split into more files) would no longer match the manifest: remove them.
    for old in replaced {
        let kept = old == manifest_path || summary.outputs.iter().any(|o| o.path == old);
        if !kept {
            let _ = std::fs::remove_file(&old);
        }
    }
    // Folders of a replaced partitioned dataset, if now empty.
    for dir in ["quotes", "articles", "manifests"] {
        let _ = std::fs::remove_dir(cfg.out.join(dir));
    }
    Ok(summary)
}

/// Drops the files inside the output folder when it lies under an input root
/// (`whosaid extract . --out out/` must not read its own earlier dataset as articles).
fn skip_output_folder(files: FileList, roots: &[PathBuf], out: &Path) -> FileList {
    let Ok(out) = out.canonicalize() else {
        return files; // not there yet: nothing of it can have been found
    };
    // For each root containing the output folder: the output folder as the walk spells it.
    let inside: Vec<(PathBuf, PathBuf)> = roots
        .iter()
        .filter_map(|r| {
            let rc = r.canonicalize().ok()?;
            let rel = out.strip_prefix(&rc).ok()?;
            Some((r.clone(), r.join(rel)))
        })
        .collect();
    if inside.is_empty() {
        return files;
    }
    files.without(|f| {
        inside
            .iter()
            .any(|(root, spelled)| &f.root == root && f.path.starts_with(spelled))
    })
}

/// Creates the output folder; refuses to replace existing results without `overwrite`.
/// Returns the files of the dataset being replaced.
fn prepare_out_dir(out: &Path, layout: Layout, overwrite: bool) -> Result<Vec<PathBuf>, RunError> {
    if out.exists() && !out.is_dir() {
        return Err(RunError::Usage(format!(
            "output {} exists and is not a folder",
            out.display()
        )));
    }
    let mut existing = layout.existing_files(out);
    if !existing.is_empty() && !overwrite {
        let what = match layout {
            Layout::Single => "a dataset".to_string(),
            Layout::Partitioned { shard, .. } => {
                format!("the files of shard {}/{}", shard.index, shard.count)
            }
        };
        return Err(RunError::Usage(format!(
            "output folder {} already holds {what} ({}); pass --overwrite to replace it",
            out.display(),
            existing[0].display()
        )));
    }
    if let Layout::Partitioned { shard, .. } = layout {
        if let Some(p) = layout::foreign_parts(out, shard).first() {
            return Err(RunError::Usage(format!(
                "output folder {} holds parts of a run with a different shard count ({}); \
                 use another folder",
                out.display(),
                p.display()
            )));
        }
    }
    // Replacing a shard's files makes a combined manifest from `whosaid merge` stale.
    let combined = out.join("manifest.json");
    if matches!(layout, Layout::Partitioned { .. }) && !existing.is_empty() && combined.exists() {
        existing.push(combined);
    }
    std::fs::create_dir_all(out).map_err(|source| {
        RunError::Output(DatasetError::Io {
            path: out.to_path_buf(),
            source,
        })
    })?;
    Ok(existing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> InputRecord {
        InputRecord {
            article: Article {
                id: "a/1".into(),
                source_path: "in/a/1.txt".into(),
                text: text.into(),
                ..Default::default()
            },
            status: Status::Ok,
            error: None,
            input_bytes: text.len() as u64,
        }
    }

    #[test]
    fn extractor_panic_becomes_an_error_row_that_keeps_the_text() {
        let (row, quotes) = process_with(record("He said \"so\"."), |a| {
            let v: Vec<u32> = Vec::new();
            let _ = v[a.text.len()]; // index out of bounds
            Vec::new()
        });
        assert!(quotes.is_empty());
        assert_eq!(row.status, Status::Error);
        let msg = row.error.unwrap();
        assert!(msg.starts_with("extractor failed"), "{msg}");
        assert!(msg.contains("index out of bounds"), "{msg}");
        assert_eq!(row.text, "He said \"so\".");
        assert_eq!(row.n_quotes, 0);
    }

    fn quote(article: &Article, start: u32, end: u32, index: u32) -> Quote {
        let text = &article.text[start as usize..end as usize];
        Quote {
            quote_index: index,
            rule: format!("rule{index}"),
            ..Quote::for_test(&article.id, text, start, end)
        }
    }

    /// Regression: the extractor reported one Reuters quotation twice (two rules),
    /// which gave two rows with the same quote_id.
    #[test]
    fn a_span_reported_twice_gives_one_row() {
        let (row, quotes) = process_with(record("abcdefghij"), |a| {
            vec![quote(a, 0, 3, 0), quote(a, 0, 3, 1), quote(a, 4, 6, 2)]
        });
        assert_eq!(row.n_quotes, 2);
        let got: Vec<_> = quotes
            .iter()
            .map(|q| (q.start, q.end, q.quote_index, q.rule.as_str()))
            .collect();
        assert_eq!(got, [(0, 3, 0, "rule0"), (4, 6, 1, "rule2")]);
    }

    #[test]
    fn extractor_result_is_kept_when_it_does_not_panic() {
        let (row, quotes) = process_with(record("x"), |_| Vec::new());
        assert_eq!((row.status, row.error, quotes.len()), (Status::Ok, None, 0));
    }

    /// A folder of every kind of input: one-article files (read by the workers), JSONL
    /// (read by the reader thread), a compressed file and one over the size limit
    /// (never read whole, but hashed whole).
    fn mixed_inputs(dir: &Path) -> PathBuf {
        let input = dir.join("in");
        std::fs::create_dir_all(input.join("sub")).unwrap();
        for i in 0..40 {
            let text = format!("Title {i}\n\n\"We will see,\" said Maria Lopez, number {i}.\n");
            std::fs::write(input.join(format!("sub/a{i:02}.txt")), text).unwrap();
        }
        let lines: String = (0..30)
            .map(|i| format!("{{\"id\": \"j{i}\", \"text\": \"He said \\\"yes {i}\\\".\"}}\n"))
            .collect();
        std::fs::write(input.join("b.jsonl"), lines).unwrap();
        let packed = zstd::encode_all(&b"Packed\n\n\"Fine,\" she said."[..], 3).unwrap();
        std::fs::write(input.join("c.txt.zst"), packed).unwrap();
        std::fs::write(input.join("d.txt"), "x".repeat(5000)).unwrap();
        input
    }

    fn config(input: &Path, out: PathBuf) -> ExtractConfig {
        let mut cfg = ExtractConfig::new(vec![input.to_path_buf()], out);
        cfg.read.max_article_bytes = 4000;
        cfg.threads = 2;
        cfg
    }

    #[test]
    fn inputs_hash_taken_while_reading_equals_the_hash_of_the_files_read_apart() {
        let dir = tempfile::tempdir().unwrap();
        let input = mixed_inputs(dir.path());
        let files = corpus::discover(std::slice::from_ref(&input)).unwrap();
        let apart = manifest::inputs_hash(&files, &AtomicBool::new(false));
        let whole = run(&config(&input, dir.path().join("out")), RunHooks::default()).unwrap();
        assert_eq!(whole.articles, 40 + 30 + 2);
        assert_eq!(whole.errors, 1, "d.txt is over the limit");
        assert_eq!(whole.inputs_hash, apart);
        // Every shard reads only its own articles but hashes every input file.
        let mut articles = 0;
        for k in 0..3 {
            let mut cfg = config(&input, dir.path().join(format!("out{k}")));
            cfg.shard = Some(Shard { index: k, count: 3 });
            let part = run(&cfg, RunHooks::default()).unwrap();
            assert_eq!(part.inputs_hash, apart, "shard {k}");
            articles += part.articles;
        }
        assert_eq!(articles, whole.articles);
        // The hash follows the bytes.
        std::fs::write(input.join("sub/a07.txt"), "changed").unwrap();
        let changed = run(
            &ExtractConfig {
                overwrite: true,
                ..config(&input, dir.path().join("out"))
            },
            RunHooks::default(),
        )
        .unwrap();
        assert_ne!(changed.inputs_hash, apart);
    }

    #[test]
    fn output_rows_keep_input_order_whatever_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let input = mixed_inputs(dir.path());
        let out = dir.path().join("out");
        run(&config(&input, out.clone()), RunHooks::default()).unwrap();
        let mut reader = csv::Reader::from_path(out.join("articles.csv")).unwrap();
        let got: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect();
        let mut expected: Vec<String> = (0..30).map(|i| format!("j{i}")).collect();
        expected.push("c".into());
        expected.push("d".into());
        expected.extend((0..40).map(|i| format!("sub/a{i:02}")));
        assert_eq!(got, expected);
    }

    #[test]
    fn only_one_article_files_are_skipped_by_name() {
        for yes in ["a/b.txt", "b.MD", "c.html.gz", "d.htm.zst", "e.txt.gz"] {
            assert!(single_article_by_name(Path::new(yes)), "{yes}");
        }
        for no in ["a.jsonl", "a.json", "a.jsonl.zst", "a.txt.bak", "gz"] {
            assert!(!single_article_by_name(Path::new(no)), "{no}");
        }
    }
}
