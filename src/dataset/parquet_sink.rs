//! The Parquet sink: zstd-compressed, dictionary-encoded low-cardinality columns, row
//! groups sized for scans, written streaming through the Arrow writer.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

use super::checksum::HashingWriter;
use super::{temp_path, ClosedFile, DatasetError, Result, Sink};

/// Rows per row group: large enough for fast scans, small enough to stream.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;

/// Columns whose values are mostly unique: dictionary encoding only costs time there.
const HIGH_CARDINALITY: &[&str] = &[
    "quote_id",
    "text",
    "content_hash",
    "start",
    "end",
    "source_path",
    "title",
    "url",
];

/// Writer properties shared by every Parquet file we write.
pub fn writer_properties(schema: &SchemaRef) -> WriterProperties {
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(3).expect("valid zstd level"),
        ))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_dictionary_enabled(true)
        .set_statistics_enabled(EnabledStatistics::Chunk);
    for f in schema.fields() {
        if HIGH_CARDINALITY.contains(&f.name().as_str()) {
            b = b.set_column_dictionary_enabled(ColumnPath::from(f.name().as_str()), false);
        }
    }
    b.build()
}

/// Writes one Parquet file under a temporary name (renamed into place by the caller).
pub struct ParquetSink {
    writer: ArrowWriter<BufWriter<HashingWriter<File>>>,
    tmp: PathBuf,
    path: PathBuf,
}

impl ParquetSink {
    pub fn create(path: &Path, schema: SchemaRef) -> Result<Self> {
        let tmp = temp_path(path);
        let file = File::create(&tmp).map_err(|source| DatasetError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let props = writer_properties(&schema);
        let writer = ArrowWriter::try_new(
            BufWriter::with_capacity(1 << 20, HashingWriter::new(file)),
            schema,
            Some(props),
        )
        .map_err(|source| DatasetError::Parquet {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(ParquetSink {
            writer,
            tmp,
            path: path.to_path_buf(),
        })
    }
}

impl ParquetSink {
    /// Flushes, syncs and closes the temporary file.
    fn complete(self: Box<Self>) -> Result<ClosedFile> {
        let ParquetSink { writer, tmp, path } = *self;
        let buffered = writer
            .into_inner()
            .map_err(|source| DatasetError::Parquet {
                path: path.clone(),
                source,
            })?;
        let io_err = |source| DatasetError::Io {
            path: path.clone(),
            source,
        };
        let hashing = buffered.into_inner().map_err(|e| io_err(e.into_error()))?;
        let (bytes, content_hash) = (hashing.bytes(), hashing.digest());
        hashing.get_ref().sync_all().map_err(io_err)?;
        Ok(ClosedFile {
            tmp,
            path,
            bytes,
            content_hash,
        })
    }
}

impl Sink for ParquetSink {
    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.writer
            .write(batch)
            .map_err(|source| DatasetError::Parquet {
                path: self.path.clone(),
                source,
            })
    }

    fn close(self: Box<Self>) -> Result<ClosedFile> {
        let tmp = self.tmp.clone();
        let closed = self.complete();
        if closed.is_err() {
            // The file is incomplete: never leave it behind.
            let _ = std::fs::remove_file(&tmp);
        }
        closed
    }

    fn abort(self: Box<Self>) {
        let tmp = self.tmp.clone();
        drop(self);
        let _ = std::fs::remove_file(tmp);
    }
}
