//! `whosaid merge`: checks that a set of shard outputs is one complete, consistent
//! dataset and writes its combined `manifest.json`.
//!
//! A sharded run is N independent processes (`whosaid extract --shard K/N`) with no
//! coordinator, so nothing guarantees they agree until this check: every shard
//! 0..N-1 present exactly once, the same tool version, schema version, options and
//! lexicon, the same inputs (their content hash), every part file present with the
//! size and hash its shard manifest records, and disjoint article sets. Disjointness is
//! proved without holding all ids in memory: every article id in shard K must hash to
//! K (the rule of [`Shard::owns`]), which no id can do for two shards.
//!
//! The shards may have written into one folder (`--out out/` for all) or into one
//! folder each; with a separate `--out` folder the part files are hard-linked (copied
//! across file systems) into it, so `OUT/quotes/*.parquet` is always the whole dataset.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use crate::config::Shard;
use crate::dataset::checksum::hash_file;
use crate::dataset::layout::{list_dir, part_stem};
use crate::dataset::manifest::{self, Manifest, ManifestKind, Rows, ShardEntry};
use crate::dataset::temp_path;

/// Why a set of shard outputs is not one dataset.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{0}")]
    Usage(String),
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("shards disagree on {what}: {a_path} has {a_value}, {b_path} has {b_value}")]
    Inconsistent {
        what: String,
        a_path: PathBuf,
        a_value: String,
        b_path: PathBuf,
        b_value: String,
    },
    #[error("missing shards of {count}: {missing} (no manifests/part-K-of-N.json for them)")]
    Missing { count: u32, missing: String },
    #[error("shard {index}/{count} appears twice: {a} and {b}")]
    Duplicate {
        index: u32,
        count: u32,
        a: PathBuf,
        b: PathBuf,
    },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One shard found in the inputs.
#[derive(Debug, Clone)]
pub struct ShardOutput {
    /// The folder holding the shard's `quotes/`, `articles/` and `manifests/`.
    pub dir: PathBuf,
    /// Its manifest.
    pub manifest_path: PathBuf,
    pub manifest: Manifest,
}

/// What a successful merge produced.
#[derive(Debug, Clone)]
pub struct MergeSummary {
    pub manifest: Manifest,
    pub manifest_path: PathBuf,
    /// Part files linked or copied into the output folder.
    pub files_linked: u64,
}

/// Every shard manifest under the given folders (`DIR/manifests/*.json`).
pub fn find_shards(inputs: &[PathBuf]) -> Result<Vec<ShardOutput>, MergeError> {
    let mut out = Vec::new();
    for dir in inputs {
        if !dir.is_dir() {
            return Err(MergeError::Invalid {
                path: dir.clone(),
                message: "not a folder (give the --out folders of the shard runs)".into(),
            });
        }
        let found: Vec<_> = list_dir(&dir.join("manifests"))
            .into_iter()
            .filter(|(name, _)| name.starts_with("part-") && name.ends_with(".json"))
            .collect();
        if found.is_empty() {
            return Err(MergeError::Invalid {
                path: dir.clone(),
                message: "no shard manifests in manifests/ (is this the --out folder of \
                          `whosaid extract --shard K/N` or `--partitioned`?)"
                    .into(),
            });
        }
        for (_, path) in found {
            let m = manifest::read(&path).map_err(|message| MergeError::Invalid {
                path: path.clone(),
                message,
            })?;
            out.push(ShardOutput {
                dir: dir.clone(),
                manifest_path: path,
                manifest: m,
            });
        }
    }
    Ok(out)
}

fn shard_of(s: &ShardOutput) -> Result<Shard, MergeError> {
    match (s.manifest.kind, s.manifest.shard) {
        (ManifestKind::Shard, Some(info)) if info.count > 0 && info.index < info.count => {
            Ok(Shard {
                index: info.index,
                count: info.count,
            })
        }
        _ => Err(MergeError::Invalid {
            path: s.manifest_path.clone(),
            message: "not the manifest of a shard".into(),
        }),
    }
}

/// Checks that the shard manifests agree with each other and cover 0..N exactly once;
/// returns them sorted by shard index.
pub fn check_consistent(mut shards: Vec<ShardOutput>) -> Result<Vec<ShardOutput>, MergeError> {
    if shards.is_empty() {
        return Err(MergeError::Usage("no shard outputs given".into()));
    }
    for s in &shards {
        shard_of(s)?;
    }
    shards.sort_by_key(|s| s.manifest.shard.map(|i| i.index));
    let count = shards[0].manifest.shard.map(|i| i.count).unwrap_or(1);
    let mut seen: BTreeMap<(u32, u32), &ShardOutput> = BTreeMap::new();
    for s in &shards {
        let (index, count) = s
            .manifest
            .shard
            .map(|i| (i.index, i.count))
            .unwrap_or((0, 1));
        if let Some(prev) = seen.insert((count, index), s) {
            return Err(MergeError::Duplicate {
                index,
                count,
                a: prev.manifest_path.clone(),
                b: s.manifest_path.clone(),
            });
        }
    }
    let first = &shards[0];
    let a = &first.manifest;
    for s in &shards[1..] {
        let b = &s.manifest;
        let checks: [(&str, String, String); 7] = [
            (
                "tool version",
                a.tool_version.clone(),
                b.tool_version.clone(),
            ),
            (
                "schema version",
                a.schema_version.to_string(),
                b.schema_version.to_string(),
            ),
            (
                "shard count",
                a.shard.map(|i| i.count).unwrap_or(0).to_string(),
                b.shard.map(|i| i.count).unwrap_or(0).to_string(),
            ),
            (
                "options",
                serde_json::to_string(&a.options).unwrap_or_default(),
                serde_json::to_string(&b.options).unwrap_or_default(),
            ),
            (
                "lexicon hash",
                a.lexicon_hash.clone(),
                b.lexicon_hash.clone(),
            ),
            (
                "input content hash",
                a.inputs.content_hash.clone(),
                b.inputs.content_hash.clone(),
            ),
            (
                "number of input files",
                a.inputs.files.to_string(),
                b.inputs.files.to_string(),
            ),
        ];
        for (what, av, bv) in checks {
            if av != bv {
                return Err(MergeError::Inconsistent {
                    what: what.to_string(),
                    a_path: first.manifest_path.clone(),
                    a_value: av,
                    b_path: s.manifest_path.clone(),
                    b_value: bv,
                });
            }
        }
    }
    let missing: Vec<String> = (0..count)
        .filter(|i| !seen.contains_key(&(count, *i)))
        .map(|i| format!("{i}/{count}"))
        .collect();
    if !missing.is_empty() {
        let shown = if missing.len() > 20 {
            format!(
                "{} ... ({} in all)",
                missing[..20].join(", "),
                missing.len()
            )
        } else {
            missing.join(", ")
        };
        return Err(MergeError::Missing {
            count,
            missing: shown,
        });
    }
    Ok(shards)
}

/// Checks every part file of a shard against its manifest (present, size, hash), and
/// that every article id in its `articles` table belongs to the shard.
pub fn check_files(s: &ShardOutput) -> Result<(), MergeError> {
    let shard = shard_of(s)?;
    for o in &s.manifest.outputs {
        let path = s.dir.join(&o.path);
        let (bytes, hash) = hash_file(&path).map_err(|e| MergeError::Invalid {
            path: path.clone(),
            message: format!(
                "listed in {} but unreadable: {e}",
                s.manifest_path.display()
            ),
        })?;
        if bytes != o.bytes || hash != o.content_hash {
            return Err(MergeError::Invalid {
                path,
                message: format!(
                    "changed since {} was written (size {bytes} vs {}, hash {hash} vs {})",
                    s.manifest_path.display(),
                    o.bytes,
                    o.content_hash
                ),
            });
        }
    }
    // Parquet when the shard wrote it (reads one column), else CSV.
    let articles: Vec<_> = s
        .manifest
        .outputs
        .iter()
        .filter(|o| o.table == "articles")
        .collect();
    let parquet: Vec<_> = articles.iter().filter(|o| o.format == "parquet").collect();
    let files = if parquet.is_empty() {
        articles.clone()
    } else {
        parquet.into_iter().copied().collect()
    };
    let mut rows = 0u64;
    for o in files {
        let path = s.dir.join(&o.path);
        let mut check = |id: &str| -> Result<(), MergeError> {
            rows += 1;
            if shard.owns(id) {
                Ok(())
            } else {
                Err(MergeError::Invalid {
                    path: path.clone(),
                    message: format!(
                        "article `{id}` does not belong to shard {}/{} (article sets \
                         overlap or the file is from another run)",
                        shard.index, shard.count
                    ),
                })
            }
        };
        if o.format == "parquet" {
            for_each_parquet_id(&path, &mut check)?;
        } else {
            for_each_csv_id(&path, &mut check)?;
        }
    }
    if rows != s.manifest.rows.articles {
        return Err(MergeError::Invalid {
            path: s.manifest_path.clone(),
            message: format!(
                "records {} articles but its files hold {rows}",
                s.manifest.rows.articles
            ),
        });
    }
    Ok(())
}

fn for_each_parquet_id(
    path: &Path,
    f: &mut dyn FnMut(&str) -> Result<(), MergeError>,
) -> Result<(), MergeError> {
    let invalid = |message: String| MergeError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| invalid(e.to_string()))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| invalid(e.to_string()))?;
    let mask = ProjectionMask::columns(builder.parquet_schema(), ["article_id"]);
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(|e| invalid(e.to_string()))?;
    for batch in reader {
        let batch = batch.map_err(|e| invalid(e.to_string()))?;
        let col = batch
            .column_by_name("article_id")
            .ok_or_else(|| invalid("no article_id column".into()))?;
        let ids = col
            .as_string_opt::<i32>()
            .ok_or_else(|| invalid("article_id is not a string column".into()))?;
        for id in ids.iter().flatten() {
            f(id)?;
        }
    }
    Ok(())
}

fn for_each_csv_id(
    path: &Path,
    f: &mut dyn FnMut(&str) -> Result<(), MergeError>,
) -> Result<(), MergeError> {
    let invalid = |message: String| MergeError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let mut reader = csv::Reader::from_path(path).map_err(|e| invalid(e.to_string()))?;
    let col = reader
        .headers()
        .map_err(|e| invalid(e.to_string()))?
        .iter()
        .position(|h| h == "article_id")
        .ok_or_else(|| invalid("no article_id column".into()))?;
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| invalid(e.to_string()))?
    {
        f(record.get(col).unwrap_or_default())?;
    }
    Ok(())
}

/// Puts `src` at `dst` (hard link, or a copy across file systems), via a temporary name.
fn link_or_copy(src: &Path, dst: &Path) -> Result<(), MergeError> {
    let io = |path: &Path, source| MergeError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = dst.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    }
    let tmp = temp_path(dst);
    let _ = std::fs::remove_file(&tmp);
    if std::fs::hard_link(src, &tmp).is_err() {
        std::fs::copy(src, &tmp).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(dst, e)
        })?;
    }
    std::fs::rename(&tmp, dst).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(dst, e)
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Validates the shard outputs under `inputs` and writes `out/manifest.json` (linking
/// the part files into `out` when they live elsewhere). `command_line` is recorded.
pub fn merge(
    inputs: &[PathBuf],
    out: &Path,
    overwrite: bool,
    command_line: Vec<String>,
) -> Result<MergeSummary, MergeError> {
    let shards = check_consistent(find_shards(inputs)?)?;
    for s in &shards {
        check_files(s)?;
    }
    let manifest_path = out.join("manifest.json");
    if manifest_path.exists() && !overwrite {
        return Err(MergeError::Usage(format!(
            "{} already exists; pass --overwrite to replace it",
            manifest_path.display()
        )));
    }
    std::fs::create_dir_all(out).map_err(|source| MergeError::Io {
        path: out.to_path_buf(),
        source,
    })?;

    // Bring every part file and shard manifest into `out`.
    let mut files_linked = 0u64;
    for s in &shards {
        let shard = shard_of(s)?;
        let mut names: Vec<String> = s.manifest.outputs.iter().map(|o| o.path.clone()).collect();
        names.push(format!("manifests/{}.json", part_stem(shard)));
        for name in names {
            let src = if name.starts_with("manifests/") {
                s.manifest_path.clone()
            } else {
                s.dir.join(&name)
            };
            let dst = out.join(&name);
            if same_file(&src, &dst) {
                continue;
            }
            if dst.exists() {
                let same = matches!((hash_file(&src), hash_file(&dst)), (Ok(a), Ok(b)) if a == b);
                if same {
                    continue;
                }
                if !overwrite {
                    return Err(MergeError::Usage(format!(
                        "{} already exists with other content; pass --overwrite to replace it",
                        dst.display()
                    )));
                }
            }
            link_or_copy(&src, &dst)?;
            files_linked += 1;
        }
    }

    let first = &shards[0].manifest;
    let mut rows = Rows::default();
    let mut outputs = Vec::new();
    let mut entries = Vec::new();
    let mut seconds = 0.0;
    let mut input_mb = 0.0;
    for s in &shards {
        let m = &s.manifest;
        rows.quotes += m.rows.quotes;
        rows.articles += m.rows.articles;
        for (k, v) in &m.rows.articles_by_status {
            *rows.articles_by_status.entry(k.clone()).or_default() += v;
        }
        outputs.extend(m.outputs.iter().cloned());
        seconds += m.timings.seconds;
        input_mb += m.timings.input_mb_per_second * m.timings.seconds;
        let info = m.shard.expect("checked shard");
        entries.push(ShardEntry {
            index: info.index,
            count: info.count,
            manifest: format!(
                "manifests/{}.json",
                part_stem(Shard {
                    index: info.index,
                    count: info.count
                })
            ),
            rows: m.rows.clone(),
            seconds: m.timings.seconds,
        });
    }
    outputs.sort_by(|a, b| (&a.table, &a.format, &a.path).cmp(&(&b.table, &b.format, &b.path)));
    let mut timings = manifest::timings(seconds, rows.articles, 0, first.timings.threads);
    if seconds > 0.0 {
        timings.input_mb_per_second = input_mb / seconds;
    }
    let doc = Manifest {
        tool: first.tool.clone(),
        tool_version: first.tool_version.clone(),
        schema_version: first.schema_version,
        kind: ManifestKind::Merged,
        command_line,
        options: first.options.clone(),
        shard: None,
        inputs: first.inputs.clone(),
        lexicon_hash: first.lexicon_hash.clone(),
        rows,
        outputs,
        shards: entries,
        timings,
    };
    manifest::write(&manifest_path, &doc).map_err(|e| MergeError::Invalid {
        path: manifest_path.clone(),
        message: e.to_string(),
    })?;
    Ok(MergeSummary {
        manifest: doc,
        manifest_path,
        files_linked,
    })
}
