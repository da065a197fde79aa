//! The CSV sink: RFC 4180, UTF-8, a header row, the same columns and order as Parquet.
//! Nulls are empty fields; numbers use Rust's shortest round-trip formatting.
//!
//! The encoder is our own rather than the `csv` crate's writer because the `articles`
//! table carries every article's whole text: `csv` looks at each byte through a table
//! and copies it through its state machine, which cost ~30 instructions per input byte.
//! Here a field is scanned for the four bytes that force quoting with `memchr`
//! (`,` `"` CR LF), quotes are doubled by copying the stretches between them, and a
//! whole batch is formatted into one reused buffer. The bytes are exactly those of
//! `csv::Writer` with its defaults and CRLF terminators (quoting only when necessary),
//! which `tests::same_bytes_as_the_csv_crate` checks field by field.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Int32Type, Int64Type};
use arrow_array::{Array, Float32Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, SchemaRef};

use super::checksum::HashingWriter;
use super::schema::csv_header;
use super::{temp_path, ClosedFile, DatasetError, Result, Sink};

/// The buffer is handed to the file once it holds this much (and at each batch's end).
const FLUSH_BYTES: usize = 1 << 20;

/// Writes one CSV file under a temporary name, renamed into place on finish.
pub struct CsvSink {
    file: HashingWriter<File>,
    tmp: PathBuf,
    path: PathBuf,
    /// Formatted bytes not yet written to the file (reused between batches).
    buf: Vec<u8>,
}

/// Appends one field (the header's column names), quoted when it holds a delimiter, a
/// quote or a line break, with quotes doubled: the rule of `csv::QuoteStyle::Necessary`.
/// Data fields go through [`StrColumn`], which scans a column's whole buffer at once.
fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    if needs_quotes(field) {
        push_quoted(out, field);
    } else {
        out.extend_from_slice(field);
    }
}

/// Whether the field holds a delimiter, a quote or a line break.
fn needs_quotes(field: &[u8]) -> bool {
    field
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// Two decimal digits per entry: `DIGITS[2 * n..2 * n + 2]` is `n` for `n` in 0..100.
const DIGITS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Appends an integer in decimal, as `Display` writes it (without going through
/// `fmt`, which costs more than the digits on the many small numbers of `quotes`):
/// two digits at a time, one byte pushed for the single digits that most counts are.
fn push_int(out: &mut Vec<u8>, value: i64) {
    if (0..10).contains(&value) {
        out.push(b'0' + value as u8);
        return;
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = value.unsigned_abs();
    while n >= 100 {
        let d = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&DIGITS[d..d + 2]);
    }
    if n >= 10 {
        let d = n as usize * 2;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&DIGITS[d..d + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    if value < 0 {
        i -= 1;
        digits[i] = b'-';
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends one record terminator: CRLF. A record of a single empty field is written
/// as `""` so that it is not read back as a blank line (as `csv` does).
fn end_record(out: &mut Vec<u8>, record_start: usize) {
    if out.len() == record_start {
        out.extend_from_slice(b"\"\"");
    }
    out.extend_from_slice(b"\r\n");
}

/// Appends a field that needs quotes: in quotes, with its quotes doubled.
fn push_quoted(out: &mut Vec<u8>, field: &[u8]) {
    out.reserve(field.len() + 2);
    out.push(b'"');
    let mut rest = field;
    while let Some(i) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=i]);
        out.push(b'"');
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// A string column with the positions of the bytes that force quoting found by
/// scanning its whole value buffer once, front to back (`memchr`, many bytes per
/// instruction), instead of scanning every field: a field needs quotes when the next
/// such byte lies before its end. Most fields (ids, names, labels) hold none, and
/// then cost a comparison.
struct StrColumn<'a> {
    array: &'a StringArray,
    offsets: &'a [i32],
    values: &'a [u8],
    /// The first `,` `"` or LF at or after the start of the field last searched from
    /// (`values.len()` when there is none); `None` before the first search.
    next_special: Option<usize>,
    /// The same for CR, which `memchr3` cannot look for in the same pass.
    next_cr: Option<usize>,
}

impl StrColumn<'_> {
    /// Whether the field `[start, end)` of the value buffer needs quotes. Fields must
    /// be asked about in order (offsets only grow), so every byte is scanned once.
    fn needs_quotes(&mut self, start: usize, end: usize) -> bool {
        let rest = &self.values[start..];
        let special = match self.next_special {
            Some(p) if p >= start => p,
            _ => {
                let p = memchr::memchr3(b',', b'"', b'\n', rest)
                    .map_or(self.values.len(), |i| start + i);
                self.next_special = Some(p);
                p
            }
        };
        if special < end {
            return true;
        }
        let cr = match self.next_cr {
            Some(p) if p >= start => p,
            _ => {
                let p = memchr::memchr(b'\r', rest).map_or(self.values.len(), |i| start + i);
                self.next_cr = Some(p);
                p
            }
        };
        cr < end
    }

    fn push(&mut self, out: &mut Vec<u8>, row: usize) {
        if self.array.is_null(row) {
            return;
        }
        let (start, end) = (self.offsets[row] as usize, self.offsets[row + 1] as usize);
        if start == end {
            return;
        }
        let field = &self.values[start..end];
        if self.needs_quotes(start, end) {
            push_quoted(out, field);
        } else {
            out.extend_from_slice(field);
        }
    }
}

/// `Display` of the few distinct `f32` values a column holds (confidence scores come
/// from a handful of rules), remembered: formatting a float costs ~300 instructions.
#[derive(Default)]
struct FloatCache {
    /// (bits, length, digits), direct-mapped by the low bits of the value's bits.
    slots: [(u32, u8, [u8; 24]); 16],
    filled: u16,
}

impl FloatCache {
    fn push(&mut self, out: &mut Vec<u8>, value: f32) {
        let bits = value.to_bits();
        let slot = ((bits ^ (bits >> 13) ^ (bits >> 23)) & 15) as usize;
        let (cached, len, digits) = &mut self.slots[slot];
        if self.filled & (1 << slot) != 0 && *cached == bits {
            out.extend_from_slice(&digits[..*len as usize]);
            return;
        }
        let start = out.len();
        // Writing to a Vec cannot fail.
        let _ = write!(out, "{value}");
        let text = &out[start..];
        if text.len() <= digits.len() {
            digits[..text.len()].copy_from_slice(text);
            *len = text.len() as u8;
            *cached = bits;
            self.filled |= 1 << slot;
        }
    }
}

/// A column viewed as its concrete Arrow type, resolved once per batch.
enum Column<'a> {
    Str(StrColumn<'a>),
    I32(&'a Int32Array),
    I64(&'a Int64Array),
    F32(&'a Float32Array, Box<FloatCache>),
}

impl<'a> Column<'a> {
    fn of(array: &'a dyn Array) -> Column<'a> {
        match array.data_type() {
            DataType::Utf8 => {
                let array = array.as_string::<i32>();
                Column::Str(StrColumn {
                    array,
                    offsets: array.value_offsets(),
                    values: array.values().as_slice(),
                    next_special: None,
                    next_cr: None,
                })
            }
            DataType::Int32 => Column::I32(array.as_primitive::<Int32Type>()),
            DataType::Int64 => Column::I64(array.as_primitive::<Int64Type>()),
            DataType::Float32 => Column::F32(array.as_primitive::<Float32Type>(), Box::default()),
            other => unreachable!("no CSV formatting for {other}: not in the schema"),
        }
    }

    /// Appends the cell of `row`: nulls as an empty field.
    fn push(&mut self, out: &mut Vec<u8>, row: usize) {
        match self {
            Column::Str(c) => c.push(out, row),
            Column::I32(a) if a.is_valid(row) => push_int(out, i64::from(a.value(row))),
            Column::I64(a) if a.is_valid(row) => push_int(out, a.value(row)),
            Column::F32(a, cache) if a.is_valid(row) => cache.push(out, a.value(row)),
            _ => {}
        }
    }
}

/// Appends the rows of `batch` as CSV records.
pub fn encode_batch(out: &mut Vec<u8>, batch: &RecordBatch) {
    let mut encoder = Encoder::new(batch);
    encoder.rows(out, 0..batch.num_rows());
}

/// The columns of one batch, ready to format rows in order.
struct Encoder<'a> {
    columns: Vec<Column<'a>>,
}

impl<'a> Encoder<'a> {
    fn new(batch: &'a RecordBatch) -> Self {
        Encoder {
            columns: batch.columns().iter().map(|c| Column::of(c)).collect(),
        }
    }

    /// Appends the records of `rows`; successive calls must go forward.
    fn rows(&mut self, out: &mut Vec<u8>, rows: std::ops::Range<usize>) {
        for row in rows {
            let start = out.len();
            for (i, column) in self.columns.iter_mut().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                column.push(out, row);
            }
            end_record(out, start);
        }
    }
}

impl CsvSink {
    pub fn create(path: &Path, schema: SchemaRef) -> Result<Self> {
        let tmp = temp_path(path);
        let file = File::create(&tmp).map_err(|source| DatasetError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut buf = Vec::with_capacity(FLUSH_BYTES);
        let start = buf.len();
        for (i, name) in csv_header(&schema).iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            push_field(&mut buf, name.as_bytes());
        }
        end_record(&mut buf, start);
        Ok(CsvSink {
            file: HashingWriter::new(file),
            tmp,
            path: path.to_path_buf(),
            buf,
        })
    }

    fn io_error(&self, source: std::io::Error) -> DatasetError {
        DatasetError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Hands the buffered bytes to the file.
    fn flush_buf(&mut self) -> Result<()> {
        if let Err(e) = self.file.write_all(&self.buf) {
            return Err(self.io_error(e));
        }
        self.buf.clear();
        Ok(())
    }

    /// Flushes, syncs and closes the temporary file.
    fn complete(mut self: Box<Self>) -> Result<ClosedFile> {
        self.flush_buf()?;
        let (bytes, content_hash) = (self.file.bytes(), self.file.digest());
        if let Err(e) = self.file.get_ref().sync_all() {
            return Err(self.io_error(e));
        }
        let CsvSink { tmp, path, .. } = *self;
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
        // Large batches are formatted in slices so the buffer stays near FLUSH_BYTES
        // plus one slice (a slice of 64 articles is at most 64 article texts).
        const ROWS: usize = 64;
        let mut encoder = Encoder::new(batch);
        let mut offset = 0;
        while offset < batch.num_rows() {
            let n = ROWS.min(batch.num_rows() - offset);
            encoder.rows(&mut self.buf, offset..offset + n);
            offset += n;
            if self.buf.len() >= FLUSH_BYTES {
                self.flush_buf()?;
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use arrow_array::ArrayRef;
    use arrow_schema::{Field, Schema};

    /// What `csv::Writer` (CRLF terminators, otherwise its defaults) writes for records.
    fn csv_crate(records: &[Vec<Option<String>>]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for r in records {
            for f in r {
                w.write_field(f.as_deref().unwrap_or("")).unwrap();
            }
            w.write_record(None::<&[u8]>).unwrap();
        }
        w.into_inner().unwrap()
    }

    fn strings_batch(records: &[Vec<Option<String>>]) -> RecordBatch {
        let width = records[0].len();
        let fields: Vec<Field> = (0..width)
            .map(|i| Field::new(format!("c{i}"), DataType::Utf8, true))
            .collect();
        let columns: Vec<ArrayRef> = (0..width)
            .map(|i| {
                Arc::new(StringArray::from(
                    records.iter().map(|r| r[i].clone()).collect::<Vec<_>>(),
                )) as ArrayRef
            })
            .collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap()
    }

    #[test]
    fn same_bytes_as_the_csv_crate() {
        let awkward = [
            "",
            "plain",
            "a,b",
            "say \"no\"",
            "\"",
            "\"\"",
            "line\nbreak",
            "cr\ronly",
            "crlf\r\nend",
            " spaced ",
            "#hash",
            "tab\there",
            "“curly” ‘single’ «guillemets»",
            "ends with quote\"",
            "x,\"y\"\n,z\r",
            "'apostrophe'",
        ];
        let mut records = Vec::new();
        for a in awkward {
            for b in awkward {
                records.push(vec![Some(a.to_string()), None, Some(b.to_string())]);
            }
        }
        let mut ours = Vec::new();
        encode_batch(&mut ours, &strings_batch(&records));
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(csv_crate(&records)).unwrap()
        );
    }

    /// The quoting scan runs once over each column's value buffer; formatting a batch
    /// in row ranges, or a slice of it (offsets not starting at 0), must give the same
    /// bytes as the `csv` crate.
    #[test]
    fn row_ranges_and_slices_give_the_same_bytes_as_the_csv_crate() {
        let fields = [
            "a", "b,c", "", "d\"e", "f\rg", "h", "i\nj", "k", "l\r\n", "mm",
        ];
        let records: Vec<Vec<Option<String>>> = (0..40)
            .map(|i| {
                vec![
                    Some(fields[i % fields.len()].to_string()),
                    (i % 3 != 0).then(|| fields[(i * 7) % fields.len()].to_string()),
                    Some(format!("row {i}")),
                ]
            })
            .collect();
        let batch = strings_batch(&records);
        let mut in_ranges = Vec::new();
        let mut encoder = Encoder::new(&batch);
        for start in (0..40).step_by(7) {
            encoder.rows(&mut in_ranges, start..(start + 7).min(40));
        }
        assert_eq!(in_ranges, csv_crate(&records));
        let mut sliced = Vec::new();
        encode_batch(&mut sliced, &batch.slice(13, 20));
        assert_eq!(sliced, csv_crate(&records[13..33]));
    }

    #[test]
    fn remembered_floats_are_written_as_display_writes_them() {
        // More distinct values than the cache has slots, each several times.
        let values: Vec<f32> = (0..200)
            .map(|i| {
                [0.95, 0.5, 1.0, 0.0, 1e-7, 0.1, 0.333_333_34, 123456.79][i % 8] + (i % 23) as f32
            })
            .collect();
        let mut cache = FloatCache::default();
        let mut ours = Vec::new();
        let mut display = String::new();
        for v in &values {
            cache.push(&mut ours, *v);
            display.push_str(&v.to_string());
        }
        assert_eq!(String::from_utf8(ours).unwrap(), display);
    }

    #[test]
    fn a_single_empty_field_is_written_as_two_quotes() {
        let records = vec![
            vec![Some(String::new())],
            vec![None],
            vec![Some("x".into())],
        ];
        let mut ours = Vec::new();
        encode_batch(&mut ours, &strings_batch(&records));
        assert_eq!(ours, b"\"\"\r\n\"\"\r\nx\r\n");
        assert_eq!(ours, csv_crate(&records));
    }

    #[test]
    fn integers_as_display_writes_them() {
        for v in [
            0,
            7,
            -7,
            10,
            99,
            -100,
            100,
            101,
            999,
            1000,
            -1000,
            12345,
            -5,
            1 << 40,
            i64::MAX,
            i64::MIN,
            i32::MIN as i64,
        ] {
            let mut out = Vec::new();
            push_int(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), v.to_string());
        }
    }

    #[test]
    fn header_names_are_quoted_when_they_need_it() {
        for (name, want) in [
            ("quote_id", "quote_id"),
            ("a,b", "\"a,b\""),
            ("say \"x\"", "\"say \"\"x\"\"\""),
            ("cr\r", "\"cr\r\""),
            ("lf\n", "\"lf\n\""),
        ] {
            let mut out = Vec::new();
            push_field(&mut out, name.as_bytes());
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }

    #[test]
    fn numbers_as_rust_formats_them_and_nulls_empty() {
        let schema = Arc::new(Schema::new(vec![
            Field::new("i", DataType::Int32, true),
            Field::new("l", DataType::Int64, true),
            Field::new("f", DataType::Float32, true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(Int32Array::from(vec![Some(-7), None, Some(0)])),
                Arc::new(Int64Array::from(vec![Some(1 << 40), Some(3), None])),
                Arc::new(Float32Array::from(vec![Some(0.1), Some(1e-7), Some(2.0)])),
            ],
        )
        .unwrap();
        let mut ours = Vec::new();
        encode_batch(&mut ours, &batch);
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            "-7,1099511627776,0.1\r\n,3,0.0000001\r\n0,,2\r\n"
        );
    }

    #[test]
    fn the_file_holds_header_and_rows_in_order_and_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let records: Vec<Vec<Option<String>>> = (0..300)
            .map(|i| vec![Some(format!("row {i}, \"q\"")), Some("x".repeat(i))])
            .collect();
        let batch = strings_batch(&records);
        let mut sink: Box<dyn Sink> = Box::new(CsvSink::create(&path, batch.schema()).unwrap());
        sink.write(&batch.slice(0, 100)).unwrap();
        sink.write(&batch.slice(100, 200)).unwrap();
        let closed = sink.close().unwrap();
        closed.commit().unwrap();
        let mut expected = csv_crate(&[vec![Some("c0".into()), Some("c1".into())]]);
        expected.extend(csv_crate(&records));
        let written = std::fs::read(&path).unwrap();
        assert_eq!(written, expected);
        let (bytes, hash) = crate::dataset::checksum::hash_file(&path).unwrap();
        assert_eq!((bytes, hash), (closed.bytes, closed.content_hash));
    }
}
