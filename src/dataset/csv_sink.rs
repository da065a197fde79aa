//! The CSV sink: RFC 4180, UTF-8, a header row, the same columns and order as Parquet.
//! Nulls are empty fields; numbers use Rust's shortest round-trip formatting.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, SchemaRef};

use super::checksum::HashingWriter;
use super::schema::csv_header;
use super::{temp_path, ClosedFile, DatasetError, Result, Sink};

/// Writes one CSV file under a temporary name, renamed into place on finish.
pub struct CsvSink {
    writer: csv::Writer<BufWriter<HashingWriter<File>>>,
    tmp: PathBuf,
    path: PathBuf,
    /// Reused buffer for formatting numbers.
    scratch: String,
}

impl CsvSink {
    pub fn create(path: &Path, schema: SchemaRef) -> Result<Self> {
        let tmp = temp_path(path);
        let file = File::create(&tmp).map_err(|source| DatasetError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(BufWriter::with_capacity(1 << 20, HashingWriter::new(file)));
        writer
            .write_record(csv_header(&schema))
            .map_err(|source| DatasetError::Csv {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(CsvSink {
            writer,
            tmp,
            path: path.to_path_buf(),
            scratch: String::new(),
        })
    }
}

/// Writes one cell: strings straight from the Arrow buffer (no copy into a `String`),
/// numbers formatted into a reused buffer.
fn write_cell<W: std::io::Write>(
    writer: &mut csv::Writer<W>,
    scratch: &mut String,
    array: &dyn Array,
    row: usize,
) -> csv::Result<()> {
    if array.is_null(row) {
        return writer.write_field(b"");
    }
    use std::fmt::Write;
    scratch.clear();
    match array.data_type() {
        DataType::Utf8 => return writer.write_field(array.as_string::<i32>().value(row)),
        DataType::Int32 => {
            let _ = write!(scratch, "{}", array.as_primitive::<Int32Type>().value(row));
        }
        DataType::Int64 => {
            let _ = write!(scratch, "{}", array.as_primitive::<Int64Type>().value(row));
        }
        DataType::Float32 => {
            let _ = write!(
                scratch,
                "{}",
                array.as_primitive::<Float32Type>().value(row)
            );
        }
        other => unreachable!("no CSV formatting for {other}: not in the schema"),
    }
    writer.write_field(scratch.as_bytes())
}

impl CsvSink {
    /// Flushes, syncs and closes the temporary file.
    fn complete(self: Box<Self>) -> Result<ClosedFile> {
        let CsvSink {
            writer, tmp, path, ..
        } = *self;
        let io_err = |source| DatasetError::Io {
            path: path.clone(),
            source,
        };
        let buffered = writer.into_inner().map_err(|e| io_err(e.into_error()))?;
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

impl Sink for CsvSink {
    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        let columns = batch.columns();
        let csv_error = |source| DatasetError::Csv {
            path: self.path.clone(),
            source,
        };
        for row in 0..batch.num_rows() {
            for array in columns {
                write_cell(&mut self.writer, &mut self.scratch, array.as_ref(), row)
                    .map_err(csv_error)?;
            }
            self.writer.write_record(None::<&[u8]>).map_err(csv_error)?;
        }
        Ok(())
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
