//! Datasets: the Arrow schemas, turning rows into Arrow record batches, and the sinks
//! that write those batches (CSV, Parquet) plus `manifest.json`.
//!
//! `dataset` never inspects article text: it receives finished rows. Every sink takes
//! the same [`RecordBatch`]es behind the narrow [`Sink`] trait, so a new format plugs in
//! beside the others without touching the pipeline.
//!
//! Every data file is written under a hidden temporary name next to its final path
//! (`.quotes.parquet.tmp`) and renamed into place only when the whole run has succeeded,
//! so an interrupted or failed run never leaves a half-written file under a real name
//! and never replaces an earlier dataset.

pub mod batches;
pub mod checksum;
pub mod csv_sink;
pub mod layout;
pub mod manifest;
pub mod parquet_sink;
pub mod schema;
pub mod writer;

use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;

pub use batches::{articles_batch, quotes_batch, ArticleRow};
pub use layout::{Format, Layout};
pub use schema::{Table, SCHEMA_VERSION};
pub use writer::{DatasetWriter, OutputFile, PendingDataset};

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

/// The hidden temporary name a file is written under before it is renamed into place:
/// `dir/.name.tmp`. It is deterministic (no process id), so a run that was killed
/// outright leaves at most one stale temporary per output, which the next run reuses.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}

/// A data file written completely and synced, still under its temporary name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedFile {
    pub tmp: PathBuf,
    pub path: PathBuf,
    /// Size in bytes.
    pub bytes: u64,
    /// XXH3-128 of the file's bytes, 32 hex digits (see [`checksum`]).
    pub content_hash: String,
}

impl ClosedFile {
    /// Renames the file into place.
    pub fn commit(&self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|source| DatasetError::Io {
            path: self.path.clone(),
            source,
        })
    }

    /// Removes the temporary file.
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// One output file being written. Implementations write to [`temp_path`] of the final
/// path; [`Sink::close`] completes the file but leaves the rename to the caller, so that
/// all files of a run are put in place together.
pub trait Sink: Send {
    /// Appends rows (already in output order).
    fn write(&mut self, batch: &RecordBatch) -> Result<()>;
    /// Flushes, syncs and closes the temporary file.
    fn close(self: Box<Self>) -> Result<ClosedFile>;
    /// Removes the temporary file (after an interruption or a fatal error).
    fn abort(self: Box<Self>);
}
