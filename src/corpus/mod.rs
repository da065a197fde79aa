//! Finding and reading inputs: walk and sort the input roots, then turn each file into
//! one [`InputRecord`] (or one per line for JSONL), whatever state the file is in.
//!
//! Nothing here fails a run: a file that cannot be read becomes an `error` record that
//! names the reason, so every input is accounted for in the `articles` table.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::config::ReadConfig;
use crate::model::{Article, InputRecord, Status};

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

/// The id of a file: its path relative to `root`, `/`-separated, without extensions.
pub fn file_id(root: &Path, path: &Path) -> String {
    let rel = if root == path {
        Path::new(path.file_name().unwrap_or_default())
    } else {
        path.strip_prefix(root).unwrap_or(path)
    };
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        if let Some(dot) = last.find('.').filter(|&d| d > 0) {
            last.truncate(dot);
        }
    }
    parts.join("/")
}

/// Every file under the inputs, sorted by path within each root, hidden files skipped.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<InputFile>, CorpusError> {
    let mut out = Vec::new();
    for root in inputs {
        let meta = std::fs::metadata(root).map_err(|e| CorpusError {
            path: root.clone(),
            message: e.to_string(),
        })?;
        if meta.is_file() {
            out.push(InputFile {
                path: root.clone(),
                root: root.clone(),
                id: file_id(root, root),
                size: meta.len(),
                problem: None,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(InputFile {
                    path: e.path().to_path_buf(),
                    root: root.clone(),
                    id: file_id(root, e.path()),
                    size: e.metadata().map(|m| m.len()).unwrap_or(0),
                    problem: None,
                }),
                Ok(_) => {}
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    out.push(InputFile {
                        id: file_id(root, &path),
                        path,
                        root: root.clone(),
                        size: 0,
                        problem: Some(err.to_string()),
                    });
                }
            }
        }
    }
    Ok(out)
}

fn record(
    file: &InputFile,
    id: String,
    text: String,
    title: Option<String>,
    bytes: u64,
) -> InputRecord {
    let status = if text.trim().is_empty() {
        Status::Empty
    } else {
        Status::Ok
    };
    let error = (status == Status::Empty).then(|| "no text".to_string());
    InputRecord {
        article: Article {
            id,
            source_path: file.path.display().to_string(),
            title,
            url: None,
            date: None,
            text,
        },
        status,
        error,
        input_bytes: bytes,
    }
}

fn failed(file: &InputFile, id: String, message: String, bytes: u64) -> InputRecord {
    InputRecord {
        article: Article {
            id,
            source_path: file.path.display().to_string(),
            ..Default::default()
        },
        status: Status::Error,
        error: Some(message),
        input_bytes: bytes,
    }
}

/// Reads one input file into its records (one, or one per line for JSONL), streaming.
pub fn read(file: &InputFile, cfg: &ReadConfig) -> Box<dyn Iterator<Item = InputRecord> + Send> {
    let _ = cfg;
    if let Some(p) = &file.problem {
        return Box::new(std::iter::once(failed(file, file.id.clone(), p.clone(), 0)));
    }
    let name = file.path.to_string_lossy().to_lowercase();
    if name.ends_with(".jsonl") {
        let f = match std::fs::File::open(&file.path) {
            Ok(f) => f,
            Err(e) => {
                return Box::new(std::iter::once(failed(
                    file,
                    file.id.clone(),
                    e.to_string(),
                    0,
                )))
            }
        };
        let file = file.clone();
        let lines = BufReader::new(f).lines().enumerate();
        return Box::new(lines.filter_map(move |(n, line)| {
            let n = n + 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(failed(&file, format!("{}#{n}", file.id), e.to_string(), 0)),
            };
            if line.trim().is_empty() {
                return None;
            }
            let bytes = line.len() as u64 + 1;
            match serde_json::from_str::<serde_json::Value>(&line) {
                Ok(v) => {
                    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
                    let id = s("id").unwrap_or_else(|| format!("{}#{n}", file.id));
                    Some(record(
                        &file,
                        id,
                        s("text").unwrap_or_default(),
                        s("title"),
                        bytes,
                    ))
                }
                Err(e) => Some(failed(
                    &file,
                    format!("{}#{n}", file.id),
                    format!("line {n}: invalid JSON: {e}"),
                    bytes,
                )),
            }
        }));
    }
    let mut buf = Vec::new();
    let res = std::fs::File::open(&file.path).and_then(|mut f| f.read_to_end(&mut buf));
    let bytes = buf.len() as u64;
    Box::new(std::iter::once(match res {
        Err(e) => failed(file, file.id.clone(), e.to_string(), bytes),
        Ok(_) => {
            // Valid UTF-8 (nearly every file) is taken as is: no lossy re-scan, no copy.
            let text = String::from_utf8(buf)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            let title = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_string());
            record(file, file.id.clone(), text, title, bytes)
        }
    }))
}
