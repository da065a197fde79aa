//! Where the files of a dataset go: one file per table and format (`quotes.parquet`),
//! or, partitioned, a folder per table of part files named after the shard
//! (`quotes/part-00003-of-00016.parquet`, split further into
//! `quotes/part-00003-of-00016-0001.parquet` by `--max-rows-per-file`).
//!
//! Every name is derived here, so the writer, the overwrite check, the stale-file
//! cleanup and `whosaid merge` agree on them.

use std::path::{Path, PathBuf};

use super::schema::Table;
use crate::config::Shard;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Csv,
    Parquet,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Csv, Format::Parquet];

    /// The file extension, which is also the name used in manifests.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "csv" => Some(Format::Csv),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

/// How a run lays out its files in the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `quotes.csv`, `quotes.parquet`, `articles.csv`, `articles.parquet`,
    /// `manifest.json`.
    Single,
    /// `quotes/part-K-of-N[-SSSS].ext`, `articles/...`, and the shard's manifest in
    /// `manifests/part-K-of-N.json`.
    Partitioned {
        shard: Shard,
        /// Start a new file after this many rows (`-SSSS` suffix, from `0000`).
        max_rows_per_file: Option<u64>,
    },
}

/// The name stem of a shard's files: `part-00003-of-00016`.
pub fn part_stem(shard: Shard) -> String {
    format!("part-{:05}-of-{:05}", shard.index, shard.count)
}

/// Parses a part file name (`part-00003-of-00016.parquet`,
/// `part-00003-of-00016-0001.csv`) into its shard, sequence number and format.
pub fn parse_part_name(name: &str) -> Option<(Shard, Option<u32>, Format)> {
    let (stem, ext) = name.rsplit_once('.')?;
    let format = Format::parse(ext)?;
    let rest = stem.strip_prefix("part-")?;
    let (k, rest) = rest.split_once("-of-")?;
    let (n, seq) = match rest.split_once('-') {
        Some((n, s)) => (n, Some(s)),
        None => (rest, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(k) || !all_digits(n) || !seq.is_none_or(all_digits) {
        return None;
    }
    let shard = Shard {
        index: k.parse().ok()?,
        count: n.parse().ok()?,
    };
    let seq = match seq {
        Some(s) => Some(s.parse().ok()?),
        None => None,
    };
    Some((shard, seq, format))
}

impl Layout {
    /// The path of a data file relative to the output folder, `/`-separated.
    pub fn file_name(self, table: Table, format: Format, seq: u32) -> String {
        match self {
            Layout::Single => format!("{}.{}", table.name(), format.ext()),
            Layout::Partitioned {
                shard,
                max_rows_per_file,
            } => match max_rows_per_file {
                None => format!("{}/{}.{}", table.name(), part_stem(shard), format.ext()),
                Some(_) => format!(
                    "{}/{}-{seq:04}.{}",
                    table.name(),
                    part_stem(shard),
                    format.ext()
                ),
            },
        }
    }

    /// Most rows in one file, if the output is split.
    pub fn max_rows_per_file(self) -> Option<u64> {
        match self {
            Layout::Single => None,
            Layout::Partitioned {
                max_rows_per_file, ..
            } => max_rows_per_file,
        }
    }

    /// The manifest this run writes, relative to the output folder.
    pub fn manifest_name(self) -> String {
        match self {
            Layout::Single => "manifest.json".to_string(),
            Layout::Partitioned { shard, .. } => format!("manifests/{}.json", part_stem(shard)),
        }
    }

    /// The files in `dir` that a run of this layout replaces: for a single dataset its
    /// five files, for a shard its own part files (any split) and manifest; and in both
    /// cases the data files of the other layout (a folder holds one dataset, never a
    /// single one and a partitioned one side by side).
    pub fn existing_files(self, dir: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let singles = |found: &mut Vec<PathBuf>| {
            for table in Table::ALL {
                for format in Format::ALL {
                    let p = dir.join(Layout::Single.file_name(table, format, 0));
                    if p.exists() {
                        found.push(p);
                    }
                }
            }
        };
        let parts = |found: &mut Vec<PathBuf>, only: Option<Shard>| {
            for table in Table::ALL {
                for (name, path) in list_dir(&dir.join(table.name())) {
                    if parse_part_name(&name).is_some_and(|(s, _, _)| only.is_none_or(|o| o == s)) {
                        found.push(path);
                    }
                }
            }
        };
        match self {
            Layout::Single => {
                singles(&mut found);
                parts(&mut found, None);
                for (name, path) in list_dir(&dir.join("manifests")) {
                    if name.starts_with("part-") && name.ends_with(".json") {
                        found.push(path);
                    }
                }
            }
            Layout::Partitioned { shard, .. } => {
                parts(&mut found, Some(shard));
                singles(&mut found);
            }
        }
        let manifest = dir.join(self.manifest_name());
        if manifest.exists() {
            found.push(manifest);
        }
        found.sort();
        found
    }
}

/// Part files of other shard counts in `dir` (a 16-shard run writing into a folder
/// that holds parts of an 8-shard run would make one inconsistent dataset).
pub fn foreign_parts(dir: &Path, shard: Shard) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for table in Table::ALL {
        for (name, path) in list_dir(&dir.join(table.name())) {
            if parse_part_name(&name).is_some_and(|(s, _, _)| s.count != shard.count) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// (file name, path) of the entries of a folder, sorted; empty when it does not exist.
pub fn list_dir(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard(index: u32, count: u32) -> Shard {
        Shard { index, count }
    }

    #[test]
    fn names_for_each_layout() {
        let single = Layout::Single;
        assert_eq!(
            single.file_name(Table::Quotes, Format::Parquet, 0),
            "quotes.parquet"
        );
        assert_eq!(single.manifest_name(), "manifest.json");
        let part = Layout::Partitioned {
            shard: shard(3, 16),
            max_rows_per_file: None,
        };
        assert_eq!(
            part.file_name(Table::Articles, Format::Csv, 0),
            "articles/part-00003-of-00016.csv"
        );
        assert_eq!(part.manifest_name(), "manifests/part-00003-of-00016.json");
        let split = Layout::Partitioned {
            shard: shard(3, 16),
            max_rows_per_file: Some(10),
        };
        assert_eq!(
            split.file_name(Table::Quotes, Format::Parquet, 1),
            "quotes/part-00003-of-00016-0001.parquet"
        );
    }

    #[test]
    fn part_names_parse_back() {
        assert_eq!(
            parse_part_name("part-00003-of-00016.parquet"),
            Some((shard(3, 16), None, Format::Parquet))
        );
        assert_eq!(
            parse_part_name("part-00003-of-00016-0012.csv"),
            Some((shard(3, 16), Some(12), Format::Csv))
        );
        assert_eq!(parse_part_name(".part-00003-of-00016.csv.tmp"), None);
        assert_eq!(parse_part_name("part-x-of-00016.csv"), None);
        assert_eq!(parse_part_name("quotes.parquet"), None);
    }
}
