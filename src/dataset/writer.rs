//! The one writer of a run: owns a stream of files per table and format, turns rows
//! into batches, starts a new file when `--max-rows-per-file` is reached, and puts all
//! files in place together or removes them all.
//!
//! Finishing is two-phase so that a run is all-or-nothing: [`DatasetWriter::close`]
//! completes every temporary file and knows its size and hash (what the manifest
//! records); [`PendingDataset::commit`] then renames them into place, or
//! [`PendingDataset::discard`] removes them (interrupted between the two phases).

use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;

use super::batches::{articles_batch, quotes_batch, ArticleRow};
use super::csv_sink::CsvSink;
use super::layout::{Format, Layout};
use super::parquet_sink::ParquetSink;
use super::schema::Table;
use super::{ClosedFile, DatasetError, Result, Sink};
use crate::config::Formats;
use crate::model::Quote;

/// A finished output file, as recorded in the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub table: Table,
    pub format: Format,
    /// Relative to the output folder, `/`-separated (`quotes/part-00000-of-00004.csv`).
    pub name: String,
    pub path: PathBuf,
    pub rows: u64,
    pub bytes: u64,
    pub content_hash: String,
}

/// The files of one table in one format: the open one and those already closed.
struct Stream {
    table: Table,
    format: Format,
    zstd_level: i32,
    seq: u32,
    current: Option<(Box<dyn Sink>, u64)>,
    closed: Vec<(ClosedFile, String, u64)>,
}

impl Stream {
    fn open_next(&mut self, dir: &Path, layout: Layout) -> Result<()> {
        let sink = open_sink(
            dir,
            layout,
            self.table,
            self.format,
            self.zstd_level,
            self.seq,
        )?;
        self.current = Some((sink, 0));
        Ok(())
    }

    fn close_current(&mut self, layout: Layout) -> Result<()> {
        if let Some((sink, rows)) = self.current.take() {
            let name = layout.file_name(self.table, self.format, self.seq);
            let closed = sink.close()?;
            self.closed.push((closed, name, rows));
            self.seq += 1;
        }
        Ok(())
    }

    /// Appends the batch, starting a new file whenever the current one is full.
    fn write(&mut self, dir: &Path, layout: Layout, batch: &RecordBatch) -> Result<()> {
        let n = batch.num_rows() as u64;
        let max = layout.max_rows_per_file().unwrap_or(u64::MAX).max(1);
        let mut offset = 0u64;
        while offset < n {
            if self.current.is_none() {
                self.open_next(dir, layout)?;
            }
            let (sink, rows) = self.current.as_mut().expect("open");
            let take = (max - *rows).min(n - offset);
            if offset == 0 && take == n {
                sink.write(batch)?;
            } else {
                sink.write(&batch.slice(offset as usize, take as usize))?;
            }
            *rows += take;
            offset += take;
            if *rows >= max {
                self.close_current(layout)?;
            }
        }
        Ok(())
    }
}

/// Writes the `quotes` and `articles` tables in every requested format.
pub struct DatasetWriter {
    dir: PathBuf,
    layout: Layout,
    streams: Vec<Stream>,
    /// One long-lived thread per file (threads spawned per chunk would churn memory
    /// arenas); `None` when it could not be started: files are then written in turn.
    pool: Option<rayon::ThreadPool>,
}

fn open_sink(
    dir: &Path,
    layout: Layout,
    table: Table,
    format: Format,
    zstd_level: i32,
    seq: u32,
) -> Result<Box<dyn Sink>> {
    let path = dir.join(layout.file_name(table, format, seq));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| DatasetError::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    Ok(match format {
        Format::Csv => Box::new(CsvSink::create(&path, table.schema())?),
        Format::Parquet => Box::new(ParquetSink::create_with_level(
            &path,
            table.schema(),
            zstd_level,
        )?),
    })
}

impl DatasetWriter {
    /// Opens the first file of every table and format (under temporary names), so that
    /// an unwritable output folder fails before any input is read.
    pub fn create(dir: &Path, formats: Formats, layout: Layout) -> Result<Self> {
        let mut w = DatasetWriter {
            dir: dir.to_path_buf(),
            layout,
            streams: Vec::new(),
            pool: None,
        };
        for table in Table::ALL {
            for format in Format::ALL {
                let wanted = match format {
                    Format::Csv => formats.csv,
                    Format::Parquet => formats.parquet,
                };
                if wanted {
                    w.streams.push(Stream {
                        table,
                        format,
                        zstd_level: formats.zstd_level,
                        seq: 0,
                        current: None,
                        closed: Vec::new(),
                    });
                }
            }
        }
        for i in 0..w.streams.len() {
            if let Err(e) = w.open_next(i) {
                w.abort();
                return Err(e);
            }
        }
        Ok(w)
    }

    fn open_next(&mut self, i: usize) -> Result<()> {
        self.streams[i].open_next(&self.dir, self.layout)
    }

    fn close_current(&mut self, i: usize) -> Result<()> {
        self.streams[i].close_current(self.layout)
    }

    fn write_table(&mut self, table: Table, batch: RecordBatch) -> Result<()> {
        let (dir, layout) = (&self.dir, self.layout);
        for s in self.streams.iter_mut().filter(|s| s.table == table) {
            s.write(dir, layout, &batch)?;
        }
        Ok(())
    }

    /// Writes one chunk of both tables. The files are written in parallel, one per
    /// writer thread (CSV formatting and Parquet encoding of the two tables overlap);
    /// each file still receives its rows in order, so the bytes do not depend on the
    /// scheduling.
    pub fn write_chunk(&mut self, quotes: &[Quote], articles: &[ArticleRow]) -> Result<()> {
        let q = quotes_batch(quotes);
        let a = articles_batch(articles);
        let (dir, layout) = (self.dir.as_path(), self.layout);
        if self.pool.is_none() {
            self.pool = rayon::ThreadPoolBuilder::new()
                .num_threads(self.streams.len().max(1))
                .thread_name(|i| format!("whosaid-writer-{i}"))
                .build()
                .ok();
        }
        let write = |s: &mut Stream| {
            let batch = match s.table {
                Table::Quotes => &q,
                Table::Articles => &a,
            };
            s.write(dir, layout, batch)
        };
        let streams = &mut self.streams;
        let results: Vec<Result<()>> = match &self.pool {
            Some(pool) => {
                use rayon::prelude::*;
                pool.install(|| streams.par_iter_mut().with_max_len(1).map(write).collect())
            }
            None => streams.iter_mut().map(write).collect(),
        };
        results.into_iter().collect()
    }

    pub fn write_quotes(&mut self, quotes: &[Quote]) -> Result<()> {
        self.write_table(Table::Quotes, quotes_batch(quotes))
    }

    pub fn write_articles(&mut self, rows: &[ArticleRow]) -> Result<()> {
        self.write_table(Table::Articles, articles_batch(rows))
    }

    /// Completes every file (still under temporary names). A table with no rows still
    /// gets one file (a CSV header, a Parquet file with the schema and no rows).
    pub fn close(mut self) -> Result<PendingDataset> {
        for i in 0..self.streams.len() {
            let s = &self.streams[i];
            if s.current.is_none() && s.closed.is_empty() {
                if let Err(e) = self.open_next(i) {
                    self.abort();
                    return Err(e);
                }
            }
            if let Err(e) = self.close_current(i) {
                self.abort();
                return Err(e);
            }
        }
        let mut files = Vec::new();
        for s in self.streams.drain(..) {
            for (closed, name, rows) in s.closed {
                files.push((
                    closed,
                    OutputFile {
                        table: s.table,
                        format: s.format,
                        path: PathBuf::new(),
                        name,
                        rows,
                        bytes: 0,
                        content_hash: String::new(),
                    },
                ));
            }
        }
        let files = files
            .into_iter()
            .map(|(closed, mut out)| {
                out.path = closed.path.clone();
                out.bytes = closed.bytes;
                out.content_hash = closed.content_hash.clone();
                (closed, out)
            })
            .collect();
        Ok(PendingDataset { files })
    }

    /// Removes every temporary file; nothing already in place is touched.
    pub fn abort(self) {
        for s in self.streams {
            if let Some((sink, _)) = s.current {
                sink.abort();
            }
            for (closed, _, _) in s.closed {
                closed.discard();
            }
        }
    }
}

/// A dataset whose files are complete under temporary names, not yet in place.
pub struct PendingDataset {
    files: Vec<(ClosedFile, OutputFile)>,
}

impl PendingDataset {
    /// The files as they will be once committed, in table, format, sequence order.
    pub fn outputs(&self) -> Vec<OutputFile> {
        self.files.iter().map(|(_, o)| o.clone()).collect()
    }

    /// Renames every file into place.
    pub fn commit(self) -> Result<Vec<OutputFile>> {
        let mut iter = self.files.into_iter();
        let mut done = Vec::new();
        while let Some((closed, out)) = iter.next() {
            if let Err(e) = closed.commit() {
                for (rest, _) in iter {
                    rest.discard();
                }
                return Err(e);
            }
            done.push(out);
        }
        Ok(done)
    }

    /// Removes every temporary file.
    pub fn discard(self) {
        for (closed, _) in self.files {
            closed.discard();
        }
    }
}
