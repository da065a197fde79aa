//! Shared by the integration tests that drive the real binary: its path, running
//! `whosaid extract` into a temp dir, the fixture folders, a generated fixture corpus
//! with known quotes, and readers that decode a dataset's Parquet (with the `parquet`
//! crate's Arrow reader) and CSV (with the `csv` crate) into comparable rows.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// The binary under test.
pub fn whosaid() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("whosaid").expect("whosaid binary")
}

/// Path of the built binary (for tests that drive a child process by hand).
pub fn whosaid_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("whosaid")
}

/// `whosaid extract <input> --out <out>`, to add options to and run.
pub fn extract_cmd(input: &Path, out: &Path) -> assert_cmd::Command {
    let mut cmd = whosaid();
    cmd.arg("extract").arg(input).arg("--out").arg(out);
    cmd
}

/// Runs `whosaid extract <input> --out <out> -q <extra...>` and asserts it succeeds.
pub fn extract_ok(input: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    extract_cmd(input, out)
        .arg("-q")
        .args(extra)
        .assert()
        .success()
}

/// What a finished run wrote to stderr.
pub fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// A path in the crate (`tests/fixtures/hostile`, `examples/...`).
pub fn crate_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A fixture folder or file under `tests/fixtures`.
pub fn fixtures(name: &str) -> PathBuf {
    crate_path("tests/fixtures").join(name)
}

const SPEAKERS: &[&str] = &[
    "Maria Lopez",
    "the minister",
    "Jürgen Weiß",
    "a spokeswoman",
    "Zoë Ångström",
];

/// The text of generated article `i`: two paragraphs, non-ASCII in some, and a direct
/// quote of at least four words in straight double quotes in most.
pub fn article_text(i: usize) -> String {
    let who = SPEAKERS[i % SPEAKERS.len()];
    let mut t = format!("Report number {i} from the café désert\n\n");
    if i % 7 != 3 {
        t.push_str(&format!(
            "\"We will open the new bridge {i} next spring,\" {who} said on Tuesday.\n"
        ));
    } else {
        t.push_str("Nobody was quoted in this short note.\n");
    }
    if i % 5 == 0 {
        t.push_str(&format!(
            "Later {who} added: \"The budget for project {i} is final — no more changes.\"\n"
        ));
    }
    t
}

/// A corpus folder of `n_txt` text files in nested folders, one JSONL file of
/// `n_jsonl` articles, and one empty file. Returns the folder.
pub fn write_corpus(root: &Path, n_txt: usize, n_jsonl: usize) -> PathBuf {
    let corpus = root.join("corpus");
    for i in 0..n_txt {
        let dir = corpus.join(format!("section{}", i % 4));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(format!("story{i:05}.txt")), article_text(i)).unwrap();
    }
    let mut jsonl = String::new();
    for i in 0..n_jsonl {
        let j = n_txt + i;
        let doc = serde_json::json!({
            "id": format!("wire-{j:06}"),
            "title": format!("Wire story {j}"),
            "text": article_text(j),
        });
        jsonl.push_str(&doc.to_string());
        jsonl.push('\n');
    }
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("wire.jsonl"), jsonl).unwrap();
    fs::write(corpus.join("zz-empty.txt"), "").unwrap();
    corpus
}

/// One cell as text: null is `None`; numbers in Rust's shortest round-trip form (as
/// the CSV sink writes them).
pub fn cell(array: &dyn Array, row: usize) -> Option<String> {
    if array.is_null(row) {
        return None;
    }
    Some(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().value(row).to_string(),
        DataType::Int32 => array.as_primitive::<Int32Type>().value(row).to_string(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::Float32 => array.as_primitive::<Float32Type>().value(row).to_string(),
        other => panic!("unexpected column type {other}"),
    })
}

/// A decoded table: column names and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
}

impl Rows {
    pub fn col(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    /// The value of `name` in every row.
    pub fn values(&self, name: &str) -> Vec<Option<String>> {
        let c = self.col(name);
        self.rows.iter().map(|r| r[c].clone()).collect()
    }

    /// Rows with nulls written as empty strings (how CSV shows them).
    pub fn as_csv_text(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| c.clone().unwrap_or_default()).collect())
            .collect()
    }

    /// Every row as a map column -> value, nulls as empty strings (how CSV shows them).
    pub fn records(&self) -> Vec<BTreeMap<String, String>> {
        self.as_csv_text()
            .into_iter()
            .map(|r| self.columns.iter().cloned().zip(r).collect())
            .collect()
    }

    /// The rows whose `key` column equals `value`.
    pub fn find(&self, key: &str, value: &str) -> Vec<&Vec<Option<String>>> {
        let c = self.col(key);
        self.rows
            .iter()
            .filter(|r| r[c].as_deref() == Some(value))
            .collect()
    }
}

/// Decodes a Parquet file with the Arrow reader.
pub fn read_parquet(path: &Path) -> Rows {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let columns = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let mut out = Rows {
        columns,
        rows: Vec::new(),
    };
    for batch in builder.build().unwrap() {
        let batch: RecordBatch = batch.unwrap();
        for r in 0..batch.num_rows() {
            out.rows.push(
                batch
                    .columns()
                    .iter()
                    .map(|a| cell(a.as_ref(), r))
                    .collect(),
            );
        }
    }
    out
}

/// Decodes a CSV file with the `csv` crate: header, then rows (empty field = `None`).
pub fn read_csv(path: &Path) -> Rows {
    let mut reader =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let columns = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|s| (!s.is_empty()).then(|| s.to_string()))
                .collect()
        })
        .collect();
    Rows { columns, rows }
}

/// Every file of `table` in `format` in a dataset folder, in name order: the single
/// file, or the part files of a partitioned dataset.
pub fn table_files(dir: &Path, table: &str, ext: &str) -> Vec<PathBuf> {
    let single = dir.join(format!("{table}.{ext}"));
    if single.exists() {
        return vec![single];
    }
    let mut parts: Vec<PathBuf> = fs::read_dir(dir.join(table))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    name.starts_with("part-") && name.ends_with(&format!(".{ext}"))
                })
                .collect()
        })
        .unwrap_or_default();
    parts.sort();
    parts
}

/// A whole table of a dataset (single or partitioned) in one format.
pub fn read_table(dir: &Path, table: &str, ext: &str) -> Rows {
    let files = table_files(dir, table, ext);
    assert!(
        !files.is_empty(),
        "no {table} {ext} files in {}",
        dir.display()
    );
    let mut all: Option<Rows> = None;
    for f in files {
        let rows = if ext == "parquet" {
            read_parquet(&f)
        } else {
            read_csv(&f)
        };
        match &mut all {
            None => all = Some(rows),
            Some(a) => {
                assert_eq!(a.columns, rows.columns, "{}", f.display());
                a.rows.extend(rows.rows);
            }
        }
    }
    all.unwrap()
}

/// Files whose name marks them as temporaries, anywhere under `dir`.
pub fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(temp_files(&p));
            } else if p.to_string_lossy().ends_with(".tmp") {
                out.push(p);
            }
        }
    }
    out
}

/// The bytes of every file under `dir`, by relative path (to compare datasets).
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, fs::read(e.path()).unwrap()));
        }
    }
    out
}

/// Reads `manifest.json` (or another manifest) as JSON.
pub fn manifest(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}
