//! Streaming `.jsonl` reading: one article object per line, one record per line.
//!
//! Lines are split with `memchr` straight out of a large read buffer and the line buffer
//! is reused, so a million-line `.jsonl.zst` streams in flat memory. A line longer than
//! `max_article_bytes` is skipped to its end without being stored. A malformed line is
//! an error record naming its line number and the JSON error; the rest of the file is
//! still read. When the stream itself breaks (a truncated `.gz`), the lines before the
//! break are kept and one error record says where it broke.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::compression::Compression;
use super::json::parse_article;
use super::{encoding, Origin, Parts};
use crate::config::ReadConfig;
use crate::model::InputRecord;

/// Read buffer size: large reads keep the decoder and the kernel busy, not the loop.
const BUF_BYTES: usize = 1 << 20;

enum Line {
    /// A complete line (without its `\n`) is in the buffer.
    Data,
    /// The line had this many bytes, more than the limit; it was not stored.
    TooLong(u64),
    Eof,
}

/// The records of one JSONL stream, in line order.
pub struct JsonlRecords {
    origin: Origin,
    reader: BufReader<Box<dyn Read + Send>>,
    compression: Compression,
    consumed: Arc<AtomicU64>,
    accounted: u64,
    cfg: ReadConfig,
    line: Vec<u8>,
    line_no: u64,
    yielded: bool,
    done: bool,
}

impl JsonlRecords {
    /// `consumed` counts the raw (possibly compressed) bytes read so far, so each record
    /// accounts for its share of the file.
    pub fn new(
        origin: Origin,
        reader: Box<dyn Read + Send>,
        compression: Compression,
        consumed: Arc<AtomicU64>,
        cfg: &ReadConfig,
    ) -> Self {
        JsonlRecords {
            origin,
            reader: BufReader::with_capacity(BUF_BYTES, reader),
            compression,
            consumed,
            accounted: 0,
            cfg: cfg.clone(),
            line: Vec::new(),
            line_no: 0,
            yielded: false,
            done: false,
        }
    }

    fn bytes_since_last(&mut self) -> u64 {
        let now = self.consumed.load(Ordering::Relaxed);
        let delta = now.saturating_sub(self.accounted);
        self.accounted = now;
        delta
    }

    fn read_line(&mut self) -> io::Result<Line> {
        self.line.clear();
        let limit = self.cfg.max_article_bytes;
        let mut total: u64 = 0;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(match (any, total > limit) {
                    (false, _) => Line::Eof,
                    (true, true) => Line::TooLong(total),
                    (true, false) => Line::Data,
                });
            }
            any = true;
            let (take, newline) = match memchr::memchr(b'\n', available) {
                Some(i) => (i, true),
                None => (available.len(), false),
            };
            total += take as u64;
            if total <= limit {
                self.line.extend_from_slice(&available[..take]);
            } else if !self.line.is_empty() {
                self.line = Vec::new();
            }
            self.reader.consume(take + usize::from(newline));
            if newline {
                return Ok(if total > limit {
                    Line::TooLong(total)
                } else {
                    Line::Data
                });
            }
        }
    }

    fn line_id(&self) -> String {
        format!("{}#{}", self.origin.id, self.line_no)
    }

    /// The record for the complete line in the buffer, or `None` for a blank line.
    fn parse_line(&mut self) -> Option<InputRecord> {
        let input = self.bytes_since_last();
        let mut bytes: &[u8] = &self.line;
        if self.line_no == 1 {
            if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                self.done = true;
                return Some(self.origin.failed(
                    self.origin.id.clone(),
                    "UTF-16 JSONL is not supported: convert the file to UTF-8".into(),
                    input,
                ));
            }
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            // A blank line is no article: its bytes go to the next record.
            self.accounted -= input;
            return None;
        }
        let n = self.line_no;
        let (decoded, note) = match std::str::from_utf8(bytes) {
            Ok(s) => (std::borrow::Cow::Borrowed(s), None),
            Err(_) => match encoding::decode(bytes) {
                Ok(d) => (
                    std::borrow::Cow::Owned(d.text),
                    d.note.map(|n| format!("line {}: {n}", self.line_no)),
                ),
                Err(e) => {
                    return Some(self.origin.failed(
                        self.line_id(),
                        format!("line {n}: {}", e.0),
                        input,
                    ));
                }
            },
        };
        Some(match parse_article(&decoded, &self.cfg.fields) {
            Ok(mut parts) => {
                let id = parts.id.take().unwrap_or_else(|| self.line_id());
                self.origin.record(
                    id,
                    Parts { note, ..parts },
                    input,
                    Some(&self.cfg.fields.text),
                )
            }
            Err(e) => {
                let (message, column) = super::json::describe_error(&e);
                self.origin.failed(
                    self.line_id(),
                    format!("line {n}, column {column}: invalid JSON: {message}"),
                    input,
                )
            }
        })
    }
}

impl Iterator for JsonlRecords {
    type Item = InputRecord;

    fn next(&mut self) -> Option<InputRecord> {
        loop {
            if self.done {
                if self.yielded {
                    return None;
                }
                self.yielded = true;
                let input = self.bytes_since_last();
                return Some(self.origin.empty(
                    self.origin.id.clone(),
                    "no articles: the file has no JSON lines".into(),
                    input,
                ));
            }
            let rec = match self.read_line() {
                Ok(Line::Eof) => {
                    self.done = true;
                    continue;
                }
                Ok(Line::TooLong(bytes)) => {
                    self.line_no += 1;
                    let input = self.bytes_since_last();
                    Some(self.origin.failed(
                        self.line_id(),
                        format!(
                            "line {}: article is {bytes} bytes, over --max-article-bytes {}",
                            self.line_no, self.cfg.max_article_bytes
                        ),
                        input,
                    ))
                }
                Ok(Line::Data) => {
                    self.line_no += 1;
                    self.parse_line()
                }
                Err(e) => {
                    self.done = true;
                    self.yielded = true;
                    let input = self.bytes_since_last();
                    let what = match self.compression {
                        Compression::None => "read failed".to_string(),
                        c => format!("truncated or corrupt {} data", c.label()),
                    };
                    let n = self.line_no;
                    self.line_no += 1;
                    Some(self.origin.failed(
                        self.line_id(),
                        format!("{what} after line {n}: {e}; the rest of the file was not read"),
                        input,
                    ))
                }
            };
            if let Some(rec) = rec {
                self.yielded = true;
                return Some(rec);
            }
        }
    }
}
