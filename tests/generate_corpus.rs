//! `whosaid generate-corpus` end to end: the real binary in a temp dir. The corpus must
//! be byte-identical for a seed, differ across seeds, hold the requested size, and give
//! the folder and JSONL forms the same articles under the same ids.

mod common;

use std::path::Path;

use common::{crate_path, snapshot, stderr_of, whosaid};

/// `whosaid generate-corpus` from the committed seeds into `out`, quietly.
fn generate_with(out: &Path, mb: &str, seed: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    whosaid()
        .args(["generate-corpus", "--mb", mb, "--seed", seed, "--quiet"])
        .args(extra)
        .arg("--from")
        .arg(crate_path("seeds"))
        .arg("--out")
        .arg(out)
        .assert()
}

fn generate(out: &Path, mb: &str, seed: &str) -> assert_cmd::assert::Assert {
    generate_with(out, mb, seed, &[])
}

#[test]
fn same_seed_gives_byte_identical_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    generate(&a, "0.3", "7").success();
    generate(&b, "0.3", "7").success();
    generate(&c, "0.3", "8").success();
    let (sa, sb, sc) = (snapshot(&a), snapshot(&b), snapshot(&c));
    assert!(sa.len() > 20, "only {} files", sa.len());
    assert_eq!(sa, sb);
    assert_ne!(sa, sc);
}

#[test]
fn folder_and_jsonl_hold_the_same_articles_at_the_requested_size() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("corpus");
    generate(&out, "0.5", "42").success();
    let jsonl = std::fs::read_to_string(out.join("corpus.jsonl")).unwrap();
    let mut total = 0usize;
    let mut styles = std::collections::BTreeSet::new();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        let text = v["text"].as_str().unwrap();
        let file = std::fs::read_to_string(out.join("txt").join(format!("{id}.txt"))).unwrap();
        assert_eq!(file, text, "article {id}");
        assert!(text.starts_with(v["title"].as_str().unwrap().split('"').next().unwrap()));
        total += text.len();
        for (mark, name) in [
            ('"', "straight"),
            ('\u{201c}', "curly"),
            ('\u{2018}', "single"),
            ('\u{ab}', "guillemet"),
        ] {
            if text.contains(mark) {
                styles.insert(name);
            }
        }
    }
    let files = walkdir::WalkDir::new(out.join("txt"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count();
    assert_eq!(files, jsonl.lines().count());
    assert!((500_000..540_000).contains(&total), "{total} bytes");
    assert_eq!(styles.len(), 4, "quote styles seen: {styles:?}");
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("generate.json")).unwrap()).unwrap();
    assert_eq!(summary["text_bytes"].as_u64().unwrap() as usize, total);
    assert_eq!(summary["seed"], 42);
}

#[test]
fn refuses_a_non_empty_output_folder_without_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("corpus");
    generate(&out, "0.05", "1").success();
    let before = snapshot(&out);
    let refused = generate(&out, "0.05", "2").failure().code(2);
    let err = stderr_of(&refused);
    assert!(
        err.contains("not empty") && err.contains("--overwrite"),
        "{err}"
    );
    assert_eq!(snapshot(&out), before);
    generate_with(&out, "0.05", "2", &["--overwrite"]).success();
    assert_ne!(snapshot(&out), before);
}

#[test]
fn missing_source_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let failed = whosaid()
        .args([
            "generate-corpus",
            "--mb",
            "1",
            "--from",
            "no/such/dir",
            "--out",
        ])
        .arg(tmp.path().join("o"))
        .assert()
        .failure()
        .code(2);
    let err = stderr_of(&failed);
    assert!(
        err.contains("no/such/dir") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!tmp.path().join("o").exists());
}

/// XXH3-128 of a file, as 32 hex digits.
fn file_digest(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes))
}

/// The bench corpus is built from the pinned source set compiled into the binary, not
/// from whatever `seeds/` and the gold fixtures hold in the current folder: a new gold
/// file no longer changes it. These digests are those of the first articles of the
/// session 3/4 benchmark corpora (`bench-data/gen-*`, seed 42): if this test fails,
/// the generator or the pinned set changed and every bench row of BENCHMARKS.md stops
/// being reproducible. Change the generator only behind a new pinned version.
#[test]
fn pinned_corpus_digest_is_stable_wherever_it_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("v1");
    // Run from an empty folder: nothing on disk is read.
    whosaid()
        .current_dir(tmp.path())
        .args(["generate-corpus", "--mb", "0.3", "--seed", "42", "--quiet"])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        file_digest(&out.join("corpus.jsonl")),
        "7d102e3e29d7907d8cb07f181c352e90"
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("generate.json")).unwrap()).unwrap();
    assert_eq!(summary["corpus"], "v1");
    assert_eq!(summary["source_paragraphs"], 648);
    assert_eq!(summary["articles"], 71);
    assert_eq!(summary["sources"].as_array().unwrap().len(), 36);
    // `--corpus v1` is the default, and the pinned file read with `--from` is the same set.
    let named = tmp.path().join("named");
    let from = tmp.path().join("from");
    for (dir, extra) in [
        (&named, vec!["--corpus".to_string(), "v1".to_string()]),
        (
            &from,
            vec![
                "--from".to_string(),
                crate_path("benches/corpus/v1.jsonl").display().to_string(),
            ],
        ),
    ] {
        whosaid()
            .args(["generate-corpus", "--mb", "0.3", "--seed", "42", "--quiet"])
            .args(&extra)
            .arg("--out")
            .arg(dir)
            .assert()
            .success();
        assert_eq!(
            snapshot(dir.join("txt").as_path()),
            snapshot(&out.join("txt"))
        );
        assert_eq!(
            file_digest(&dir.join("corpus.jsonl")),
            file_digest(&out.join("corpus.jsonl"))
        );
    }
}

#[test]
fn an_unknown_pinned_corpus_or_one_with_from_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let failed = whosaid()
        .args(["generate-corpus", "--mb", "0.1", "--corpus", "v9", "--out"])
        .arg(tmp.path().join("o"))
        .assert()
        .failure()
        .code(2);
    let err = stderr_of(&failed);
    assert!(err.contains("no pinned corpus `v9`"), "{err}");
    whosaid()
        .args([
            "generate-corpus",
            "--mb",
            "0.1",
            "--corpus",
            "v1",
            "--from",
            "seeds",
            "--out",
        ])
        .arg(tmp.path().join("o"))
        .assert()
        .failure();
    assert!(!tmp.path().join("o").exists());
}
