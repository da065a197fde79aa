//! The resolved options every stage reads.
//!
//! The CLI turns raw arguments into these structs (the ripgrep/fd habit): nothing past
//! this module sees clap, so the library, tests and benches build a `Config` directly.

use std::path::PathBuf;

/// Which output formats to write, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub csv: bool,
    pub parquet: bool,
    /// zstd level of the Parquet pages ([`MIN_ZSTD_LEVEL`]..=[`MAX_ZSTD_LEVEL`]).
    pub zstd_level: i32,
}

/// The default zstd level of Parquet files: on the generated corpus levels 1 and 2 save
/// ~10 instructions per input byte (of ~120 outside extraction) and make the files
/// 3-18% larger (BENCHMARKS.md, "zstd level"); 3 is zstd's own default.
pub const DEFAULT_ZSTD_LEVEL: i32 = 3;
/// The zstd levels `--zstd-level` accepts.
pub const MIN_ZSTD_LEVEL: i32 = 1;
pub const MAX_ZSTD_LEVEL: i32 = 22;

impl Default for Formats {
    fn default() -> Self {
        Formats {
            csv: true,
            parquet: true,
            zstd_level: DEFAULT_ZSTD_LEVEL,
        }
    }
}

/// Which JSON fields hold the article's parts (for `.json` and `.jsonl` inputs).
/// Each entry is a list of candidate names, the first present wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub text: Vec<String>,
    pub url: Vec<String>,
    pub date: Vec<String>,
}

impl Default for FieldMap {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        FieldMap {
            id: v(&["id", "article_id"]),
            title: v(&["title", "headline"]),
            text: v(&["text", "maintext", "body", "content"]),
            url: v(&["url", "link"]),
            date: v(&["date", "date_publish", "published", "publish_date"]),
        }
    }
}

/// Default cap on one article's decoded size: larger inputs are recorded as errors.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// How inputs are found and read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadConfig {
    /// Articles (decoded, or decompressed) larger than this are not extracted.
    pub max_article_bytes: u64,
    pub fields: FieldMap,
}

impl Default for ReadConfig {
    fn default() -> Self {
        ReadConfig {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            fields: FieldMap::default(),
        }
    }
}

/// A deterministic split of the articles: this process handles shard `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Parses `K/N` with 0 <= K < N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("shard `{s}` is not K/N"))?;
        let index: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("shard index `{k}` is not a number"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("shard count `{n}` is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!("shard `{s}`: need 0 <= K < N"));
        }
        Ok(Shard { index, count })
    }

    /// Whether this shard owns the article (by a hash of its id, so that every article
    /// lands in exactly one shard whatever the order the shards run in).
    pub fn owns(&self, article_id: &str) -> bool {
        xxhash_rust::xxh3::xxh3_64(article_id.as_bytes()) % u64::from(self.count)
            == u64::from(self.index)
    }
}

/// Everything `whosaid extract` needs.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub formats: Formats,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    pub quiet: bool,
    pub overwrite: bool,
    /// Any failed input is fatal before anything is written.
    pub strict: bool,
    pub read: ReadConfig,
    pub shard: Option<Shard>,
    /// Write each table as a folder of part files (implied by `shard`).
    pub partitioned: bool,
    /// Split each table's output into files of at most this many rows (partitioned only).
    pub max_rows_per_file: Option<u64>,
    /// Extra lexicon files that extend the built-in lexicons.
    pub lexicon_files: Vec<PathBuf>,
    /// The command line as typed, recorded in the manifest.
    pub command_line: Vec<String>,
}

impl ExtractConfig {
    /// A config with defaults for everything but inputs and output folder.
    pub fn new(inputs: Vec<PathBuf>, out: PathBuf) -> Self {
        ExtractConfig {
            inputs,
            out,
            formats: Formats::default(),
            threads: 0,
            quiet: true,
            overwrite: false,
            strict: false,
            read: ReadConfig::default(),
            shard: None,
            partitioned: false,
            max_rows_per_file: None,
            lexicon_files: Vec::new(),
            command_line: Vec::new(),
        }
    }
}
