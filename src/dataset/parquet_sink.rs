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
/// Encoded (compressed) bytes per row group at most. The writer holds a row group's
/// compressed pages in memory until the group is complete, so this bounds its buffer
/// when rows are large: the articles table holds whole texts, and 65,536 articles of
/// real news text compress to about 80 MB, of the generated corpus to about 16 MB.
/// 8 MB still gives row groups of thousands of articles (about 7,000 of real news
/// text, 33,000 generated; scans stay fast) and keeps peak memory flat: at 32 MB the
/// buffer of one `articles` row group filling up over the first ~290 MB of input was
/// most of the difference in peak RSS between a 100 MB and a 1 GB corpus. A `quotes`
/// row group of 65,536 rows compresses to 2 to 6 MB, under the bound.
pub const ROW_GROUP_BYTES: usize = 8 * 1024 * 1024;

/// Columns whose values are mostly unique: dictionary encoding only costs time there
/// (hashing every value) and falls back to plain encoding anyway.
const HIGH_CARDINALITY: &[&str] = &[
    "quote_id",
    "text",
    "content_hash",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "source_path",
    "title",
    "url",
    "n_chars",
];

/// The string columns that keep min/max statistics: those a range or prefix filter
/// can prune row groups by (ids and paths follow the input order; dates). On every
/// other string column (free text, hashes, names, labels found in every row group)
/// min/max prune nothing and cost a byte comparison per value, about a third of the
/// Parquet encoding time of `quotes`. Numbers always keep theirs (cheap).
const STRING_STATISTICS: &[&str] = &["article_id", "source_path", "url", "date", "status"];

/// Writer properties shared by every Parquet file we write, at zstd level `zstd_level`
/// (clamped to zstd's range).
pub fn writer_properties(schema: &SchemaRef, zstd_level: i32) -> WriterProperties {
    let level = zstd_level.clamp(crate::config::MIN_ZSTD_LEVEL, crate::config::MAX_ZSTD_LEVEL);
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(level).expect("valid zstd level"),
        ))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_dictionary_enabled(true)
        .set_statistics_enabled(EnabledStatistics::Chunk);
    // One row per article: its id is unique there (in `quotes` it repeats per quote).
    let one_row_per_article = schema.as_ref() == super::schema::articles_schema().as_ref();
    for f in schema.fields() {
        let string = f.data_type() == &arrow_schema::DataType::Utf8;
        if string && !STRING_STATISTICS.contains(&f.name().as_str()) {
            b = b.set_column_statistics_enabled(
                ColumnPath::from(f.name().as_str()),
                EnabledStatistics::None,
            );
        }
        let unique_id = one_row_per_article && f.name() == "article_id";
        if unique_id || HIGH_CARDINALITY.contains(&f.name().as_str()) {
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
    /// A sink at the default zstd level.
    pub fn create(path: &Path, schema: SchemaRef) -> Result<Self> {
        Self::create_with_level(path, schema, crate::config::DEFAULT_ZSTD_LEVEL)
    }

    pub fn create_with_level(path: &Path, schema: SchemaRef, zstd_level: i32) -> Result<Self> {
        let tmp = temp_path(path);
        let file = File::create(&tmp).map_err(|source| DatasetError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let props = writer_properties(&schema, zstd_level);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::batches::quotes_batch;
    use crate::dataset::schema::quotes_schema;
    use crate::model::Quote;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    fn quote(i: u32) -> Quote {
        let article_id = format!("a{}", i / 10);
        Quote {
            quote_index: i % 10,
            speaker: (i % 3 == 0).then(|| "Maria Lopez".to_string()),
            cue: Some("said".to_string()),
            cue_lemma: Some("say".to_string()),
            rule: "direct/postposed".to_string(),
            ..Quote::for_test(&article_id, &format!("words number {i}"), i, i + 5)
        }
    }

    #[test]
    fn row_groups_hold_row_group_rows_and_the_file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.parquet");
        let mut sink: Box<dyn Sink> =
            Box::new(ParquetSink::create(&path, quotes_schema()).unwrap());
        let n = 2 * ROW_GROUP_ROWS as u32 + 1000;
        let quotes: Vec<Quote> = (0..n).map(quote).collect();
        for chunk in quotes.chunks(1024) {
            sink.write(&quotes_batch(chunk)).unwrap();
        }
        let closed = sink.close().unwrap();
        assert!(!path.exists(), "not in place before commit");
        assert!(closed.tmp.exists());
        closed.commit().unwrap();
        assert!(path.exists() && !closed.tmp.exists());
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        let rows: Vec<i64> = reader
            .metadata()
            .row_groups()
            .iter()
            .map(|rg| rg.num_rows())
            .collect();
        assert_eq!(rows, [ROW_GROUP_ROWS as i64, ROW_GROUP_ROWS as i64, 1000]);
        let (bytes, hash) = crate::dataset::checksum::hash_file(&path).unwrap();
        assert_eq!((bytes, hash), (closed.bytes, closed.content_hash));
    }

    #[test]
    fn statistics_on_ids_and_numbers_not_on_text_hashes_or_labels() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.parquet");
        let mut sink: Box<dyn Sink> =
            Box::new(ParquetSink::create(&path, quotes_schema()).unwrap());
        let quotes: Vec<Quote> = (0..100).map(quote).collect();
        sink.write(&quotes_batch(&quotes)).unwrap();
        sink.close().unwrap().commit().unwrap();
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        let group = reader.metadata().row_group(0);
        let has_stats = |name: &str| {
            let i = group
                .columns()
                .iter()
                .position(|c| c.column_path().string() == name)
                .unwrap();
            group.column(i).statistics().is_some()
        };
        for name in [
            "article_id",
            "start",
            "speaker_start",
            "paragraph",
            "confidence",
        ] {
            assert!(has_stats(name), "{name}");
        }
        for name in ["quote_id", "text", "speaker", "cue_lemma", "kind", "rule"] {
            assert!(!has_stats(name), "{name}");
        }
    }

    #[test]
    fn abort_removes_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.parquet");
        let mut sink: Box<dyn Sink> =
            Box::new(ParquetSink::create(&path, quotes_schema()).unwrap());
        sink.write(&quotes_batch(&[quote(1)])).unwrap();
        let tmp = crate::dataset::temp_path(&path);
        assert!(tmp.exists());
        sink.abort();
        assert!(!tmp.exists() && !path.exists());
    }
}
