//! `manifest.json`: how a dataset was made. Tool and schema version, command line and
//! the options that shape the output, input roots with file counts and a content hash
//! over all inputs, row counts per table and per article status, the lexicon hash,
//! every output file with its rows, size and content hash, and timings. Timings (and
//! the thread count) appear only here, never in the data files.
//!
//! The same [`Manifest`] type describes a single run, one shard of a partitioned run
//! (`manifests/part-K-of-N.json`) and the combined dataset `whosaid merge` writes, so
//! merge reads shard manifests back with serde and validates them field by field.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;
use super::{temp_path, DatasetError, OutputFile, Result};
use crate::config::{ExtractConfig, FieldMap};
use crate::corpus::InputFile;
use crate::pipeline::RunSummary;

/// What a manifest describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ManifestKind {
    /// One unpartitioned run: `quotes.parquet` etc.
    Run,
    /// One shard of a partitioned run.
    Shard,
    /// All shards of a partitioned run, validated by `whosaid merge`.
    Merged,
}

/// The options that shape the output. Runs whose options differ cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub formats: Vec<String>,
    pub max_article_bytes: u64,
    pub partitioned: bool,
    pub max_rows_per_file: Option<u64>,
    pub lexicon_files: Vec<String>,
    /// JSON field names read for each article part (first present wins).
    pub fields: BTreeMap<String, Vec<String>>,
    /// zstd level of the Parquet files (`--zstd-level`; manifests written before the
    /// option existed read as the level of then, 3).
    #[serde(default = "default_zstd_level")]
    pub parquet_zstd_level: i32,
}

fn default_zstd_level() -> i32 {
    crate::config::DEFAULT_ZSTD_LEVEL
}

/// Which shard a run covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardInfo {
    pub index: u32,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputRoot {
    pub path: String,
    pub files: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    pub roots: Vec<InputRoot>,
    /// Input files found (all of them, also in a sharded run).
    pub files: u64,
    /// Bytes of the input files found.
    pub bytes: u64,
    /// XXH3-128 over every input file's id and the XXH3-128 of its bytes, in input
    /// order (see [`InputsHasher`]).
    pub content_hash: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    pub quotes: u64,
    pub articles: u64,
    /// Articles per status: ok, empty, error.
    pub articles_by_status: BTreeMap<String, u64>,
}

/// One data file of the dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputEntry {
    pub table: String,
    pub format: String,
    /// Relative to the dataset folder, `/`-separated.
    pub path: String,
    pub rows: u64,
    pub bytes: u64,
    /// XXH3-128 of the file's bytes, 32 hex digits.
    pub content_hash: String,
}

impl From<&OutputFile> for OutputEntry {
    fn from(o: &OutputFile) -> Self {
        OutputEntry {
            table: o.table.name().to_string(),
            format: o.format.ext().to_string(),
            path: o.name.clone(),
            rows: o.rows,
            bytes: o.bytes,
            content_hash: o.content_hash.clone(),
        }
    }
}

/// A shard as listed in a merged manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardEntry {
    pub index: u32,
    pub count: u32,
    /// The shard's own manifest, relative to the merged dataset folder.
    pub manifest: String,
    pub rows: Rows,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Wall time of the run (for a merged dataset: the sum over shards).
    pub seconds: f64,
    pub articles_per_second: f64,
    pub input_mb_per_second: f64,
    /// Worker threads used (output never depends on it).
    pub threads: usize,
}

/// The whole `manifest.json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub tool_version: String,
    pub schema_version: u32,
    pub kind: ManifestKind,
    pub command_line: Vec<String>,
    pub options: Options,
    pub shard: Option<ShardInfo>,
    pub inputs: Inputs,
    pub lexicon_hash: String,
    pub rows: Rows,
    pub outputs: Vec<OutputEntry>,
    /// Merged manifests only: the shards combined, in index order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shards: Vec<ShardEntry>,
    pub timings: Timings,
}

/// The hash over all inputs recorded in the manifest: XXH3-128 over, for every input
/// file in input order, its id, a 0 byte, the XXH3-128 of its bytes (16 bytes, little
/// endian; `\0unreadable` when it cannot be opened) and a 0xff byte. The per-file
/// digests are computed while the files are read (see [`crate::corpus::digest`]), so
/// the hash costs no second pass over the corpus, and files read in parallel are
/// combined in order.
#[derive(Default)]
pub struct InputsHasher {
    hasher: xxhash_rust::xxh3::Xxh3,
}

impl InputsHasher {
    /// Adds the next file in input order.
    pub fn add(&mut self, id: &str, digest: Option<u128>) {
        let h = &mut self.hasher;
        h.update(id.as_bytes());
        h.update(&[0]);
        match digest {
            Some(d) => h.update(&d.to_le_bytes()),
            None => h.update(b"\0unreadable"),
        }
        h.update(&[0xff]);
    }

    /// 32 hex digits.
    pub fn finish(&self) -> String {
        format!("{:032x}", self.hasher.digest128())
    }
}

/// The inputs hash computed on its own, reading every file (the pipeline computes the
/// same value while it reads): for tests and tools.
pub fn inputs_hash(files: &[InputFile], stop: &AtomicBool) -> String {
    let mut h = InputsHasher::default();
    for f in files {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        h.add(&f.id, crate::corpus::digest::digest_file(&f.path));
    }
    h.finish()
}

/// The options recorded for (and compared across) runs.
pub fn options(cfg: &ExtractConfig) -> Options {
    let mut formats = Vec::new();
    if cfg.formats.csv {
        formats.push("csv".to_string());
    }
    if cfg.formats.parquet {
        formats.push("parquet".to_string());
    }
    let FieldMap {
        id,
        title,
        text,
        url,
        date,
        ..
    } = cfg.read.fields.clone();
    let fields = BTreeMap::from([
        ("id".to_string(), id),
        ("title".to_string(), title),
        ("text".to_string(), text),
        ("url".to_string(), url),
        ("date".to_string(), date),
    ]);
    Options {
        formats,
        max_article_bytes: cfg.read.max_article_bytes,
        partitioned: cfg.partitioned,
        max_rows_per_file: cfg.max_rows_per_file,
        lexicon_files: cfg
            .lexicon_files
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        fields,
        parquet_zstd_level: cfg.formats.zstd_level,
    }
}

/// Per-second rates, 0 when the time is 0.
pub fn timings(seconds: f64, articles: u64, input_bytes: u64, threads: usize) -> Timings {
    let rate = |x: f64| if seconds > 0.0 { x / seconds } else { 0.0 };
    Timings {
        seconds,
        articles_per_second: rate(articles as f64),
        input_mb_per_second: rate(input_bytes as f64 / 1e6),
        threads,
    }
}

/// The manifest of a finished run (or shard), describing `outputs`.
pub fn manifest(cfg: &ExtractConfig, summary: &RunSummary, outputs: &[OutputFile]) -> Manifest {
    let per_root = summary.files_discovered.files_per_root();
    let roots = cfg
        .inputs
        .iter()
        .map(|r| InputRoot {
            path: r.display().to_string(),
            // Counted by root position; a root given twice counts both times' files.
            files: (summary.files_discovered.roots().iter())
                .zip(&per_root)
                .filter(|(root, _)| *root == r)
                .map(|(_, n)| n)
                .sum(),
        })
        .collect();
    let by_status = BTreeMap::from([
        ("ok".to_string(), summary.ok),
        ("empty".to_string(), summary.empty),
        ("error".to_string(), summary.errors),
    ]);
    let partitioned = cfg.partitioned || cfg.shard.is_some();
    Manifest {
        tool: "whosaid".to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: SCHEMA_VERSION,
        kind: if partitioned {
            ManifestKind::Shard
        } else {
            ManifestKind::Run
        },
        command_line: cfg.command_line.clone(),
        options: options(cfg),
        shard: partitioned.then(|| {
            let s = cfg
                .shard
                .unwrap_or(crate::config::Shard { index: 0, count: 1 });
            ShardInfo {
                index: s.index,
                count: s.count,
            }
        }),
        inputs: Inputs {
            roots,
            files: summary.files,
            bytes: summary.files_discovered.total_size(),
            content_hash: summary.inputs_hash.clone(),
        },
        lexicon_hash: summary.lexicon_hash.clone(),
        rows: Rows {
            quotes: summary.quotes,
            articles: summary.articles,
            articles_by_status: by_status,
        },
        outputs: outputs.iter().map(OutputEntry::from).collect(),
        shards: Vec::new(),
        timings: timings(
            summary.seconds,
            summary.articles,
            summary.input_bytes,
            summary.threads,
        ),
    }
}

/// The manifest as written: pretty JSON with a final newline.
pub fn to_json(doc: &Manifest) -> String {
    let mut body = serde_json::to_string_pretty(doc).expect("manifest serializes");
    body.push('\n');
    body
}

/// Reads a manifest back.
pub fn read(path: &Path) -> std::result::Result<Manifest, String> {
    let body = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&body)
        .map_err(|e| format!("{}: not a whosaid manifest: {e}", path.display()))
}

/// Writes the manifest to its temporary name; returns (temporary, final) paths so the
/// caller renames it after the data files.
pub fn write_pending(
    path: &Path,
    doc: &Manifest,
) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| DatasetError::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let tmp = temp_path(path);
    std::fs::write(&tmp, to_json(doc)).map_err(|source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok((tmp, path.to_path_buf()))
}

/// Writes the manifest in place (temporary name, then rename).
pub fn write(path: &Path, doc: &Manifest) -> Result<()> {
    let (tmp, path) = write_pending(path, doc)?;
    std::fs::rename(&tmp, &path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        DatasetError::Io { path, source }
    })
}
