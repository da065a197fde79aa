//! Datasets: the Arrow schemas, turning rows into Arrow record batches, and the sinks
//! that write those batches (CSV, Parquet) plus `manifest.json`.
//!
//! `dataset` never inspects article text: it receives finished rows. Every sink takes
//! the same [`RecordBatch`]es behind the narrow [`Sink`] trait, so a new format plugs in
//! beside the others without touching the pipeline.

pub mod batches;
pub mod csv_sink;
pub mod manifest;
pub mod parquet_sink;
pub mod schema;
pub mod writer;

use std::path::PathBuf;

use arrow_array::RecordBatch;

pub use batches::{articles_batch, quotes_batch, ArticleRow};
pub use schema::{Table, SCHEMA_VERSION};
pub use writer::{DatasetWriter, OutputFile};

/// Errors while writing a dataset; all are fatal for the run.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write Parquet file {path}: {source}")]
    Parquet {
        path: PathBuf,
        source: parquet::errors::ParquetError,
    },
    #[error("cannot write CSV file {path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("{0}")]
    Other(String),
}

pub type Result<T, E = DatasetError> = std::result::Result<T, E>;

/// One output file being written. Implementations write to a temporary file next to
/// the final path and rename it into place in [`Sink::finish`].
pub trait Sink: Send {
    /// Appends rows (already in output order).
    fn write(&mut self, batch: &RecordBatch) -> Result<()>;
    /// Flushes, closes and renames the file into place; returns its final path.
    fn finish(self: Box<Self>) -> Result<PathBuf>;
    /// Removes the temporary file (after an interruption or a fatal error).
    fn abort(self: Box<Self>);
}
