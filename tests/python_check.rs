//! Runs `tests/python/check_dataset.py` (pandas, pyarrow, DuckDB) on datasets written
//! by the binary: a single run, a partitioned run split by --max-rows-per-file, and 4
//! shard processes merged, compared through DuckDB with the unsharded run. Also checks
//! that the script fails on a dataset whose CSV and Parquet disagree.
//!
//! The interpreter comes from `WHOSAID_PYTHON` (set by `tests/run.sh`, which creates
//! `.venv` from tests/python/requirements.txt). Without it the test prints a note and
//! passes, so plain `cargo test` works on a machine without Python.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn python() -> Option<String> {
    let p = std::env::var("WHOSAID_PYTHON")
        .ok()
        .filter(|p| !p.is_empty());
    if p.is_none() {
        eprintln!(
            "note: WHOSAID_PYTHON is not set: skipping the pandas/pyarrow/DuckDB check \
             (bash tests/run.sh sets it up)"
        );
    }
    p
}

fn check(python: &str, out: &Path, compare: Option<&Path>) -> (bool, String) {
    let script = crate_path("tests/python/check_dataset.py");
    let mut cmd = Command::new(python);
    cmd.arg(script).arg(out);
    if let Some(c) = compare {
        cmd.arg("--compare").arg(c);
    }
    let o = cmd
        .output()
        .expect("run the Python interpreter in WHOSAID_PYTHON");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.success(), text)
}

#[test]
fn python_tools_read_single_partitioned_and_merged_datasets() {
    let Some(py) = python() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 40, 400);
    let seeds = crate_path("seeds");

    let whole = tmp.path().join("whole");
    extract_ok(&corpus, &whole, &[]);
    let (ok, text) = check(&py, &whole, None);
    assert!(ok, "{text}");
    assert!(text.contains("check_dataset: ok"), "{text}");

    let split = tmp.path().join("split");
    extract_ok(&corpus, &split, &["--max-rows-per-file", "100"]);
    let (ok, text) = check(&py, &split, Some(&whole));
    assert!(ok, "{text}");

    let sharded = tmp.path().join("sharded");
    let children: Vec<_> = (0..4)
        .map(|k| {
            Command::new(whosaid_path())
                .arg("extract")
                .arg(&corpus)
                .arg("--out")
                .arg(&sharded)
                .args(["-q", "--shard", &format!("{k}/4")])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    whosaid()
        .arg("merge")
        .arg(&sharded)
        .arg("-q")
        .assert()
        .success();
    let (ok, text) = check(&py, &sharded, Some(&whole));
    assert!(ok, "{text}");
    assert!(text.contains("same_rows_as"), "{text}");

    // The example reader script works on both layouts and counts every row.
    let quotes = read_table(&whole, "quotes", "parquet").rows.len();
    let articles = read_table(&whole, "articles", "parquet").rows.len();
    for dir in [&whole, &sharded] {
        let example = crate_path("examples/read_dataset.py");
        let o = Command::new(&py).arg(example).arg(dir).output().unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            stdout.contains(&format!("{quotes} quotes from {articles} articles")),
            "{stdout}"
        );
    }

    // The seed article too (non-ASCII offsets in real text).
    let seed_out = tmp.path().join("seed");
    extract_ok(&seeds, &seed_out, &[]);
    let (ok, text) = check(&py, &seed_out, None);
    assert!(ok, "{text}");
}

#[test]
fn python_check_fails_when_csv_and_parquet_disagree() {
    let Some(py) = python() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 5, 5);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &[]);
    let csv = out.join("quotes.csv");
    let body = std::fs::read_to_string(&csv).unwrap();
    std::fs::write(&csv, body.replacen("next spring", "next autumn", 1)).unwrap();
    let (ok, text) = check(&py, &out, None);
    assert!(!ok, "{text}");
    assert!(text.contains("CSV") && text.contains("Parquet"), "{text}");
}
