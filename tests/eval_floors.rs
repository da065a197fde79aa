//! The quality floor: runs `whosaid eval --json` over the project's own gold set
//! (`tests/fixtures/gold/*.jsonl`) and over `../shared/eval/*.jsonl` when that folder
//! exists, and fails when any figure falls below its floor in
//! `tests/fixtures/eval_floors.json`.
//!
//! The floors file maps a gold file (path relative to the crate root) to figures, each
//! named by a JSON pointer into that file's report (`/kinds/all/quote/0.5/f1`). Floors
//! sit a little below what the extractor reached when they were set; raise them when it
//! improves, never lower them to make a regression pass. Every own gold file must have
//! floors; a shared file is checked only when `../shared/eval` is present (a clone
//! without it skips that part with a note).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn floors() -> BTreeMap<String, BTreeMap<String, f64>> {
    let p = root().join("tests/fixtures/eval_floors.json");
    let body = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The gold files in `dir`, sorted, each as (name in the floors file, path to pass).
/// `dir` is relative to the crate root; `alias` replaces it in the names (so the shared
/// set keeps its `../shared/eval/` names wherever it is found).
fn jsonl_in(dir: &Path, alias: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                format!("{alias}/{name}"),
                dir.join(&name).to_string_lossy().into_owned(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Runs the real binary over `files` (paths relative to the crate root) and returns each
/// file's report under its floors-file name.
fn eval(files: &[(String, String)]) -> BTreeMap<String, Value> {
    let out = Command::cargo_bin("whosaid")
        .unwrap()
        .current_dir(root())
        .args(["eval", "--json", "--gold"])
        .args(files.iter().map(|f| &f.1))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("eval --json output");
    let reports = v["files"].as_array().unwrap();
    assert_eq!(reports.len(), files.len());
    files
        .iter()
        .zip(reports)
        .map(|((name, path), r)| {
            assert_eq!(r["file"].as_str(), Some(path.as_str()));
            (name.clone(), r.clone())
        })
        .collect()
}

/// Every figure below its floor, as printable lines; also prints the full comparison.
fn check(
    files: &[(String, String)],
    floors: &BTreeMap<String, BTreeMap<String, f64>>,
) -> Vec<String> {
    let reports = eval(files);
    let mut failures = Vec::new();
    for (file, report) in &reports {
        let Some(figures) = floors.get(file) else {
            failures.push(format!(
                "{file}: no floors in tests/fixtures/eval_floors.json"
            ));
            continue;
        };
        for (pointer, floor) in figures {
            let got = report.pointer(pointer).and_then(Value::as_f64);
            let line = format!(
                "{file} {pointer}: {} (floor {floor:.3})",
                got.map_or("null".to_string(), |g| format!("{g:.3}"))
            );
            println!("{line}");
            if got.is_none_or(|g| g + 1e-9 < *floor) {
                failures.push(line);
            }
        }
    }
    failures
}

#[test]
fn own_gold_figures_stay_above_their_floors() {
    let floors = floors();
    let files = jsonl_in(Path::new("tests/fixtures/gold"), "tests/fixtures/gold");
    assert!(!files.is_empty());
    let failures = check(&files, &floors);
    assert!(failures.is_empty(), "below floor:\n{}", failures.join("\n"));
}

#[test]
fn shared_gold_figures_stay_above_their_floors() {
    // `WHOSAID_SHARED_EVAL` points at the shared set when it is not at ../shared/eval
    // (e.g. from a worktree nested one level deeper).
    let shared = std::env::var_os("WHOSAID_SHARED_EVAL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval"));
    if !root().join(&shared).is_dir() {
        println!(
            "note: {} is not here; shared gold floors not checked",
            shared.display()
        );
        return;
    }
    let floors = floors();
    let files = jsonl_in(&shared, "../shared/eval");
    let failures = check(&files, &floors);
    assert!(failures.is_empty(), "below floor:\n{}", failures.join("\n"));
}

#[test]
fn floors_name_real_figures() {
    // A typo in a pointer would silently check nothing: every pointer must resolve in a
    // report (the own gold's first file stands for the report's shape).
    let files = jsonl_in(Path::new("tests/fixtures/gold"), "tests/fixtures/gold");
    let reports = eval(&files[..1]);
    let shape = reports.values().next().unwrap();
    for (file, figures) in floors() {
        for pointer in figures.keys() {
            assert!(
                shape.pointer(pointer).is_some(),
                "{file}: {pointer} is not a figure of the eval report"
            );
        }
    }
}
