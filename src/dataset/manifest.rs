//! `manifest.json`: how a dataset was made. Tool version, schema version, command line
//! and options, input roots with file counts and a content hash over all inputs, row
//! counts per table, lexicon hash, and timings (timings appear only here).

use std::io::Read;
use std::path::Path;

use serde_json::json;

use super::schema::SCHEMA_VERSION;
use super::{DatasetError, Result};
use crate::config::ExtractConfig;
use crate::corpus::InputFile;
use crate::pipeline::RunSummary;

/// XXH3-128 over every input file's id and bytes, in input order.
pub fn inputs_hash(files: &[InputFile]) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 16];
    for f in files {
        h.update(f.id.as_bytes());
        h.update(&[0]);
        if let Ok(mut file) = std::fs::File::open(&f.path) {
            while let Ok(n) = file.read(&mut buf) {
                if n == 0 {
                    break;
                }
                h.update(&buf[..n]);
            }
        }
        h.update(&[0xff]);
    }
    format!("{:032x}", h.digest128())
}

/// The manifest document for a finished run.
pub fn manifest(cfg: &ExtractConfig, summary: &RunSummary) -> serde_json::Value {
    let roots: Vec<_> = cfg
        .inputs
        .iter()
        .map(|r| {
            let files = summary
                .files_discovered
                .iter()
                .filter(|f| &f.root == r)
                .count();
            json!({"path": r.display().to_string(), "files": files})
        })
        .collect();
    let outputs: Vec<_> = summary
        .outputs
        .iter()
        .map(|o| {
            json!({
                "table": o.table.name(),
                "format": o.format,
                "path": o.path.file_name().map(|n| n.to_string_lossy().into_owned()),
                "rows": o.rows,
            })
        })
        .collect();
    json!({
        "tool": "whosaid",
        "tool_version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "command_line": cfg.command_line,
        "options": {
            "formats": {"csv": cfg.formats.csv, "parquet": cfg.formats.parquet},
            "max_article_bytes": cfg.read.max_article_bytes,
            "shard": cfg.shard.map(|s| format!("{}/{}", s.index, s.count)),
            "lexicon_files": cfg.lexicon_files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        },
        "inputs": {
            "roots": roots,
            "files": summary.files,
            "content_hash": inputs_hash(&summary.files_discovered),
        },
        "rows": {
            "quotes": summary.quotes,
            "articles": summary.articles,
            "articles_ok": summary.ok,
            "articles_empty": summary.empty,
            "articles_error": summary.errors,
        },
        "outputs": outputs,
        "lexicon_hash": summary.lexicon_hash,
        "timings": {
            "seconds": summary.seconds,
            "input_bytes": summary.input_bytes,
        },
    })
}

/// Writes `manifest.json` into `dir` (under a temporary name, then renamed).
pub fn write(dir: &Path, doc: &serde_json::Value) -> Result<()> {
    let path = dir.join("manifest.json");
    let tmp = super::parquet_sink::temp_path(&path);
    let mut body =
        serde_json::to_string_pretty(doc).map_err(|e| DatasetError::Other(e.to_string()))?;
    body.push('\n');
    std::fs::write(&tmp, body).map_err(|source| DatasetError::Io {
        path: tmp.clone(),
        source,
    })?;
    std::fs::rename(&tmp, &path).map_err(|source| DatasetError::Io { path, source })
}
