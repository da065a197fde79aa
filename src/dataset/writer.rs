//! The one writer of a run: owns a sink per table and format, turns rows into batches,
//! and finishes (renames into place) or aborts (removes temporaries) all files together.

use std::path::{Path, PathBuf};

use super::batches::{articles_batch, quotes_batch, ArticleRow};
use super::csv_sink::CsvSink;
use super::parquet_sink::ParquetSink;
use super::schema::Table;
use super::{Result, Sink};
use crate::config::Formats;
use crate::model::Quote;

/// A finished output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub table: Table,
    /// `csv` or `parquet`.
    pub format: &'static str,
    pub path: PathBuf,
    pub rows: u64,
}

struct Open {
    table: Table,
    format: &'static str,
    sink: Box<dyn Sink>,
    rows: u64,
}

/// Writes the `quotes` and `articles` tables in every requested format.
pub struct DatasetWriter {
    open: Vec<Open>,
}

impl DatasetWriter {
    /// Opens `<dir>/<table>.<format>` for every table and format (written under
    /// temporary names until [`DatasetWriter::finish`]).
    pub fn create(dir: &Path, formats: Formats) -> Result<Self> {
        let mut open = Vec::new();
        for table in Table::ALL {
            if formats.csv {
                let path = dir.join(format!("{}.csv", table.name()));
                let sink = Box::new(CsvSink::create(&path, table.schema())?);
                open.push(Open {
                    table,
                    format: "csv",
                    sink,
                    rows: 0,
                });
            }
            if formats.parquet {
                let path = dir.join(format!("{}.parquet", table.name()));
                let sink = Box::new(ParquetSink::create(&path, table.schema())?);
                open.push(Open {
                    table,
                    format: "parquet",
                    sink,
                    rows: 0,
                });
            }
        }
        Ok(DatasetWriter { open })
    }

    fn write_table(&mut self, table: Table, batch: arrow_array::RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        for o in self.open.iter_mut().filter(|o| o.table == table) {
            o.sink.write(&batch)?;
            o.rows += batch.num_rows() as u64;
        }
        Ok(())
    }

    pub fn write_quotes(&mut self, quotes: &[Quote]) -> Result<()> {
        self.write_table(Table::Quotes, quotes_batch(quotes))
    }

    pub fn write_articles(&mut self, rows: &[ArticleRow]) -> Result<()> {
        self.write_table(Table::Articles, articles_batch(rows))
    }

    /// Completes every file; on the first error the rest are aborted.
    pub fn finish(self) -> Result<Vec<OutputFile>> {
        let mut done = Vec::new();
        let mut iter = self.open.into_iter();
        while let Some(o) = iter.next() {
            match o.sink.finish() {
                Ok(path) => done.push(OutputFile {
                    table: o.table,
                    format: o.format,
                    path,
                    rows: o.rows,
                }),
                Err(e) => {
                    for rest in iter {
                        rest.sink.abort();
                    }
                    return Err(e);
                }
            }
        }
        Ok(done)
    }

    /// Removes every temporary file; nothing already in place is touched.
    pub fn abort(self) {
        for o in self.open {
            o.sink.abort();
        }
    }
}
