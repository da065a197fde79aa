//! Finding and reading inputs: walk and sort the input roots, then turn each file into
//! one [`InputRecord`] (or one per line for JSONL), whatever state the file is in.
//!
//! Nothing here fails a run and nothing panics: a file that cannot be read becomes an
//! `error` record that names the reason, so every input is accounted for in the
//! `articles` table. The parts: [`walk`] finds files (kept in a compact [`file_list`]), [`formats`] picks the reader by
//! extension and reads plain text and Markdown, [`html`], [`json`] and [`jsonl`] read
//! the structured formats, [`compression`] undoes `.gz`/`.zst` within the size limit,
//! and [`encoding`] turns bytes into text and says what it assumed.

pub mod compression;
pub mod digest;
pub mod encoding;
pub mod file_list;
pub mod formats;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod walk;

use std::io::Read;
use std::path::PathBuf;

use crate::config::ReadConfig;
use crate::model::{Article, InputRecord, Status};
use compression::{Compression, Counting, ReadFailure};
use formats::Format;

pub use file_list::FileList;
pub use walk::{discover, discover_list, file_id};

/// One input file found by [`discover`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// The input root it was found under (the path given on the command line).
    pub root: PathBuf,
    /// Article id of the file: its path relative to the root, without extensions.
    pub id: String,
    /// Size on disk in bytes (0 when unknown).
    pub size: u64,
    /// Why the walk could not use this entry (broken link, loop, permission), if so.
    pub problem: Option<String>,
}

/// An input root that does not exist or cannot be listed: a usage error.
#[derive(Debug, thiserror::Error)]
#[error("input {path}: {message}")]
pub struct CorpusError {
    pub path: PathBuf,
    pub message: String,
}

/// The parts of an article a format reader found (all optional: the record builder
/// decides the status).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub id: Option<String>,
    pub title: Option<String>,
    /// `None`: the input has no text field at all (JSON); `Some("")`: it is empty.
    pub text: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// What was assumed while reading (encoding, unknown extension), for `error`.
    pub note: Option<String>,
}

/// Where records come from: the file's id and its path as shown in `source_path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub id: String,
    pub source_path: String,
}

impl Origin {
    fn article(&self, id: String) -> Article {
        Article {
            id,
            source_path: self.source_path.clone(),
            ..Article::default()
        }
    }

    /// An `error` record.
    pub fn failed(&self, id: String, message: String, input_bytes: u64) -> InputRecord {
        InputRecord {
            article: self.article(id),
            status: Status::Error,
            error: Some(message),
            input_bytes,
        }
    }

    /// An `empty` record with no text.
    pub fn empty(&self, id: String, message: String, input_bytes: u64) -> InputRecord {
        InputRecord {
            article: self.article(id),
            status: Status::Empty,
            error: Some(message),
            input_bytes,
        }
    }

    /// The record for what a reader found: `ok` with its note, or `empty` saying why.
    /// `text_fields` names the JSON fields looked for, when the input was JSON.
    pub fn record(
        &self,
        id: String,
        parts: Parts,
        input_bytes: u64,
        text_fields: Option<&[String]>,
    ) -> InputRecord {
        // Trimmed in place: most values need no change, and a copy per field per
        // record was a third of what a record costs outside its JSON parse.
        let clean = |s: Option<String>| {
            s.map(|s| trim_in_place(encoding::normalize_line_ends(s)))
                .filter(|s| !s.is_empty())
        };
        let (status, reason) = match (&parts.text, text_fields) {
            (None, Some(names)) => (
                Status::Empty,
                Some(format!("no text field (looked for: {})", names.join(", "))),
            ),
            (Some(t), Some(_)) if t.trim().is_empty() => {
                (Status::Empty, Some("the text field is empty".to_string()))
            }
            (Some(t), None) if t.is_empty() => (Status::Empty, Some("empty file".to_string())),
            (Some(t), None) if t.trim().is_empty() => {
                (Status::Empty, Some("no text: whitespace only".to_string()))
            }
            (None, None) => (Status::Empty, Some("no text".to_string())),
            _ => (Status::Ok, None),
        };
        let error = match (reason, parts.note) {
            (Some(r), Some(n)) => Some(format!("{r}; {n}")),
            (r, n) => r.or(n),
        };
        let text = parts
            .text
            .map(encoding::normalize_line_ends)
            .unwrap_or_default();
        InputRecord {
            article: Article {
                id,
                source_path: self.source_path.clone(),
                title: clean(parts.title),
                url: clean(parts.url),
                date: clean(parts.date),
                text,
            },
            status,
            error,
            input_bytes,
        }
    }
}

/// `s` without leading and trailing whitespace (as `str::trim`), reusing its buffer.
fn trim_in_place(mut s: String) -> String {
    let end = s.trim_end().len();
    s.truncate(end);
    let start = s.len() - s.trim_start().len();
    if start > 0 {
        s.drain(..start);
    }
    s
}

/// Reads one input file into its records (one, or one per line for JSONL), streaming.
/// Always yields at least one record.
pub fn read(file: &InputFile, cfg: &ReadConfig) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    read_digested(file, cfg, None)
}

/// [`read`], hashing the file's raw bytes into `digest` as they are read (see
/// [`digest::FileDigest`]; call its `finish` once the records are consumed).
pub fn read_digested(
    file: &InputFile,
    cfg: &ReadConfig,
    digest: Option<&digest::FileDigest>,
) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    let origin = Origin {
        id: file.id.clone(),
        source_path: file.path.display().to_string(),
    };
    if let Some(problem) = &file.problem {
        return one(origin.failed(file.id.clone(), problem.clone(), 0));
    }
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (format, compression) = Format::from_name(&name);
    let f = match std::fs::File::open(&file.path) {
        Ok(f) => f,
        Err(e) => return one(origin.failed(file.id.clone(), format!("cannot open: {e}"), 0)),
    };
    // The size on disk settles the limit for an uncompressed whole-file read before
    // anything is read (JSONL applies the limit per line).
    let size = f.metadata().map(|m| m.len()).unwrap_or(file.size);
    if compression == Compression::None && format != Format::Jsonl && size > cfg.max_article_bytes {
        return one(origin.failed(
            file.id.clone(),
            format!(
                "article is {size} bytes, over --max-article-bytes {}",
                cfg.max_article_bytes
            ),
            size,
        ));
    }
    // The whole file is read in one go when its size is known (no growing buffer,
    // no extra read calls).
    let hint = (compression == Compression::None && format != Format::Jsonl).then_some(size);
    match digest {
        Some(d) => read_stream_sized(origin, format, compression, d.tap(f), cfg, hint),
        None => read_stream_sized(origin, format, compression, f, cfg, hint),
    }
}

/// Reads an input given as bytes, as if it were a file called `name` (the format and
/// compression come from the name). For fuzzing and tests.
pub fn read_bytes(
    name: &str,
    bytes: Vec<u8>,
    cfg: &ReadConfig,
) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    let origin = Origin {
        id: walk::strip_extensions(name).to_string(),
        source_path: name.to_string(),
    };
    let (format, compression) = Format::from_name(name);
    read_stream(
        origin,
        format,
        compression,
        std::io::Cursor::new(bytes),
        cfg,
    )
}

fn one(rec: InputRecord) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    Box::new(std::iter::once(rec))
}

/// Reads a raw (possibly compressed) stream in the given format.
pub fn read_stream<R: Read + Send + 'static>(
    origin: Origin,
    format: Format,
    compression: Compression,
    raw: R,
    cfg: &ReadConfig,
) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    read_stream_sized(origin, format, compression, raw, cfg, None)
}

/// [`read_stream`] with the plain size when it is known in advance.
fn read_stream_sized<R: Read + Send + 'static>(
    origin: Origin,
    format: Format,
    compression: Compression,
    raw: R,
    cfg: &ReadConfig,
    size_hint: Option<u64>,
) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    let (counting, consumed) = Counting::new(raw);
    let reader = match compression::decoder(counting, compression) {
        Ok(r) => r,
        Err(e) => {
            return one(origin.failed(
                origin.id.clone(),
                format!("cannot start the {} decoder: {e}", compression.label()),
                0,
            ))
        }
    };
    if format == Format::Jsonl {
        return Box::new(jsonl::JsonlRecords::new(
            origin,
            reader,
            compression,
            consumed,
            cfg,
        ));
    }
    let bytes = match compression::read_limited_sized(reader, cfg.max_article_bytes, size_hint) {
        Ok(b) => b,
        Err(failure) => {
            let limit = cfg.max_article_bytes;
            let message = match (failure, compression) {
                (ReadFailure::TooLarge { .. }, Compression::None) => {
                    format!("article is over --max-article-bytes {limit}")
                }
                (ReadFailure::TooLarge { .. }, c) => format!(
                    "article is over --max-article-bytes {limit} once decompressed: {} data stopped at the limit (possible decompression bomb)",
                    c.label()
                ),
                (ReadFailure::Io { message }, Compression::None) => {
                    format!("read failed: {message}")
                }
                (ReadFailure::Io { message }, c) => {
                    format!("truncated or corrupt {} data: {message}", c.label())
                }
            };
            let input = consumed.load(std::sync::atomic::Ordering::Relaxed);
            return one(origin.failed(origin.id.clone(), message, input));
        }
    };
    let input = consumed.load(std::sync::atomic::Ordering::Relaxed);
    one(whole_file(&origin, &format, bytes, cfg, input))
}

/// The record for a whole-file format, from its plain bytes.
fn whole_file(
    origin: &Origin,
    format: &Format,
    bytes: Vec<u8>,
    cfg: &ReadConfig,
    input: u64,
) -> InputRecord {
    let id = origin.id.clone();
    if bytes.is_empty() {
        return origin.empty(id, "empty file".into(), input);
    }
    let declared = match format {
        Format::Html => encoding::html_declared_encoding(&bytes),
        _ => None,
    };
    let decoded = match encoding::decode_owned(bytes, declared) {
        Ok(d) => d,
        Err(encoding::NotText(reason)) => {
            let reason = match format.note() {
                Some(_) => format!("{reason} ({}; not read)", extension_label(format)),
                None => format!("{reason}; not read"),
            };
            return origin.failed(id, reason, input);
        }
    };
    let (parts, text_fields) = match format {
        Format::Text | Format::Unknown(_) => (formats::text_article(decoded.text), None),
        Format::Markdown => (formats::markdown_article(decoded.text), None),
        Format::Html => (html::html_article(&decoded.text), None),
        Format::Json | Format::Jsonl => match json::parse_article(&decoded.text, &cfg.fields) {
            Ok(p) => (p, Some(cfg.fields.text.as_slice())),
            Err(e) => {
                let (what, column) = json::describe_error(&e);
                let mut message =
                    format!("invalid JSON at line {}, column {column}: {what}", e.line());
                if let Some(n) = decoded.note {
                    message = format!("{message}; {n}");
                }
                return origin.failed(id, message, input);
            }
        },
    };
    let note = match (decoded.note, format.note()) {
        (Some(a), Some(b)) => Some(format!("{b}; {a}")),
        (a, b) => b.or(a),
    };
    let empty_html = matches!(format, Format::Html)
        && parts.text.as_deref().is_some_and(|t| t.trim().is_empty());
    let mut rec = origin.record(id, Parts { note, ..parts }, input, text_fields);
    if empty_html {
        let note = rec.error.take();
        let reason = "no article text in the page (no paragraphs, headings or list items outside navigation, header, footer and scripts)";
        rec.error = Some(match note {
            Some(n) if !n.starts_with("empty file") && !n.starts_with("no text") => {
                format!("{reason}; {n}")
            }
            _ => reason.to_string(),
        });
    }
    rec
}

fn extension_label(format: &Format) -> String {
    match format {
        Format::Unknown(ext) if ext.is_empty() => "no extension".to_string(),
        Format::Unknown(ext) => format!("unknown extension .{ext}"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::trim_in_place;

    #[test]
    fn trim_in_place_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            "  a b  ",
            "\t\n x\r\n",
            "\u{3000}全角\u{3000}",
            "\u{a0}é\u{2003}",
            "no trim",
            " lead",
            "trail ",
        ] {
            assert_eq!(trim_in_place(s.to_string()), s.trim(), "{s:?}");
        }
    }
}
