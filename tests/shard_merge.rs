//! Sharded runs: N independent `whosaid extract --shard K/N` processes, then
//! `whosaid merge`, give exactly the rows and ids of one unsharded run; merge refuses
//! incomplete or inconsistent shard sets with a message naming the problem.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

fn sorted_by(rows: Rows, key: &str) -> Vec<Vec<Option<String>>> {
    let c = rows.col(key);
    let mut r = rows.rows;
    r.sort_by(|a, b| a[c].cmp(&b[c]));
    r
}

/// Runs the N shards as N concurrent processes, each into `out_of(k)`.
fn run_shards(corpus: &Path, n: u32, out_of: impl Fn(u32) -> PathBuf, extra: &[&str]) {
    let children: Vec<_> = (0..n)
        .map(|k| {
            Command::new(whosaid_path())
                .arg("extract")
                .arg(corpus)
                .arg("--out")
                .arg(out_of(k))
                .args(["--quiet", "--threads", "1", "--shard", &format!("{k}/{n}")])
                .args(extra)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

fn assert_same_dataset(sharded: &Path, whole: &Path) {
    for ext in ["parquet", "csv"] {
        let q = read_table(sharded, "quotes", ext);
        let w = read_table(whole, "quotes", ext);
        assert_eq!(q.columns, w.columns);
        assert!(!w.rows.is_empty());
        assert_eq!(
            sorted_by(q, "quote_id"),
            sorted_by(w, "quote_id"),
            "quotes.{ext}"
        );
        let a = read_table(sharded, "articles", ext);
        let w = read_table(whole, "articles", ext);
        assert_eq!(
            sorted_by(a, "article_id"),
            sorted_by(w, "article_id"),
            "articles.{ext}"
        );
    }
}

fn merge_err(args: &[&Path], extra: &[&str]) -> String {
    let mut cmd = whosaid();
    cmd.arg("merge");
    for a in args {
        cmd.arg(a);
    }
    stderr_of(&cmd.args(extra).assert().code(2))
}

#[test]
fn four_shard_processes_then_merge_equal_one_unsharded_run() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 60, 400);
    let whole = tmp.path().join("whole");
    extract_ok(&corpus, &whole, &[]);

    // All four shards write into one folder.
    let out = tmp.path().join("out");
    run_shards(&corpus, 4, |_| out.clone(), &[]);
    assert!(
        !out.join("manifest.json").exists(),
        "only merge writes the combined manifest"
    );
    for k in 0..4 {
        let m = manifest(&out.join(format!("manifests/part-0000{k}-of-00004.json")));
        assert_eq!(m["kind"], "shard");
        assert_eq!(m["shard"]["index"], k);
        assert!(
            m["rows"]["articles"].as_u64().unwrap() > 50,
            "shard {k} is not empty"
        );
        let names = table_files(&out, "quotes", "parquet");
        assert!(names.contains(&out.join(format!("quotes/part-0000{k}-of-00004.parquet"))));
    }
    whosaid().arg("merge").arg(&out).assert().success();
    assert_same_dataset(&out, &whole);
    let m = manifest(&out.join("manifest.json"));
    let w = manifest(&whole.join("manifest.json"));
    assert_eq!(m["kind"], "merged");
    assert_eq!(m["rows"], w["rows"]);
    assert_eq!(m["inputs"]["content_hash"], w["inputs"]["content_hash"]);
    assert_eq!(m["shards"].as_array().unwrap().len(), 4);
    assert_eq!(m["outputs"].as_array().unwrap().len(), 16);
    // Merging again needs --overwrite.
    assert!(merge_err(&[&out], &[]).contains("--overwrite"));
    whosaid()
        .arg("merge")
        .arg(&out)
        .arg("--overwrite")
        .assert()
        .success();
}

#[test]
fn shards_in_separate_folders_merge_into_one_combined_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 30, 200);
    let whole = tmp.path().join("whole");
    extract_ok(&corpus, &whole, &[]);
    let shard_dir = |k: u32| tmp.path().join(format!("shards/{k}"));
    run_shards(&corpus, 3, shard_dir, &["--max-rows-per-file", "40"]);
    let combined = tmp.path().join("combined");
    // Several folders need --out.
    assert!(merge_err(&[&shard_dir(0), &shard_dir(1), &shard_dir(2)], &[]).contains("--out"));
    whosaid()
        .arg("merge")
        .args((0..3).map(shard_dir))
        .arg("--out")
        .arg(&combined)
        .assert()
        .success();
    assert_same_dataset(&combined, &whole);
    let m = manifest(&combined.join("manifest.json"));
    for o in m["outputs"].as_array().unwrap() {
        assert!(combined.join(o["path"].as_str().unwrap()).is_file(), "{o}");
    }
    assert!(combined
        .join("manifests/part-00002-of-00003.json")
        .is_file());
}

#[test]
fn merge_names_missing_and_inconsistent_shards() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 20, 100);
    let out = tmp.path().join("out");
    run_shards(&corpus, 4, |_| out.clone(), &[]);

    // A missing shard.
    let m2 = out.join("manifests/part-00002-of-00004.json");
    let saved = std::fs::read(&m2).unwrap();
    std::fs::remove_file(&m2).unwrap();
    let err = merge_err(&[&out], &[]);
    assert!(err.contains("missing shards of 4: 2/4"), "{err}");
    std::fs::write(&m2, &saved).unwrap();

    // A part file changed after its shard finished.
    let part = out.join("quotes/part-00001-of-00004.csv");
    let original = std::fs::read(&part).unwrap();
    let mut changed = original.clone();
    changed.extend_from_slice(b"x\r\n");
    std::fs::write(&part, changed).unwrap();
    let err = merge_err(&[&out], &[]);
    assert!(
        err.contains("part-00001-of-00004.csv") && err.contains("changed"),
        "{err}"
    );
    std::fs::write(&part, original).unwrap();

    // A shard re-run with other options.
    extract_cmd(&corpus, &out)
        .args([
            "-q",
            "--shard",
            "3/4",
            "--overwrite",
            "--max-article-bytes",
            "100000",
        ])
        .assert()
        .success();
    let err = merge_err(&[&out], &[]);
    assert!(err.contains("shards disagree on options"), "{err}");
    assert!(err.contains("part-00003-of-00004.json"), "{err}");

    // A shard re-run on changed inputs.
    std::fs::write(
        corpus.join("section1/story00001.txt"),
        "edited \"four words said here\"",
    )
    .unwrap();
    extract_ok(&corpus, &out, &["--shard", "3/4", "--overwrite"]);
    let err = merge_err(&[&out], &[]);
    assert!(
        err.contains("shards disagree on input content hash"),
        "{err}"
    );

    // The same shard twice.
    let other = tmp.path().join("other");
    extract_ok(&corpus, &other, &["--shard", "1/4"]);
    let err = merge_err(
        &[&out, &other],
        &["--out", tmp.path().join("c").to_str().unwrap()],
    );
    assert!(err.contains("shard 1/4 appears twice"), "{err}");

    // Not a shard output at all.
    let err = merge_err(&[&corpus], &[]);
    assert!(err.contains("no shard manifests"), "{err}");
}

#[test]
fn shard_refuses_a_folder_with_another_shard_count() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 5, 5);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &["--shard", "0/2"]);
    let a = extract_cmd(&corpus, &out)
        .args(["-q", "--shard", "0/3"])
        .assert()
        .code(2);
    let err = stderr_of(&a);
    assert!(err.contains("different shard count"), "{err}");
    // Re-running the same shard needs --overwrite.
    let a = extract_cmd(&corpus, &out)
        .args(["-q", "--shard", "0/2"])
        .assert()
        .code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("shard 0/2") && err.contains("--overwrite"),
        "{err}"
    );
}

#[test]
fn csv_only_shards_merge_and_check_article_ownership_from_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 20, 80);
    let whole = tmp.path().join("whole");
    extract_ok(&corpus, &whole, &["--format", "csv"]);
    let out = tmp.path().join("out");
    run_shards(&corpus, 2, |_| out.clone(), &["--format", "csv"]);
    whosaid().arg("merge").arg(&out).assert().success();
    let q = read_table(&out, "quotes", "csv");
    let w = read_table(&whole, "quotes", "csv");
    assert_eq!(sorted_by(q, "quote_id"), sorted_by(w, "quote_id"));
    assert!(table_files(&out, "quotes", "parquet").is_empty());
}

#[test]
fn merge_rejects_articles_that_belong_to_another_shard() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 20, 80);
    let real = tmp.path().join("real");
    let fake = tmp.path().join("fake");
    extract_ok(&corpus, &real, &["--shard", "0/2"]);
    // Shard 0's output relabelled as shard 1: its files are intact (hashes match), but
    // its articles overlap shard 0's.
    extract_ok(&corpus, &fake, &["--shard", "0/2"]);
    for dir in ["quotes", "articles"] {
        for ext in ["csv", "parquet"] {
            std::fs::rename(
                fake.join(format!("{dir}/part-00000-of-00002.{ext}")),
                fake.join(format!("{dir}/part-00001-of-00002.{ext}")),
            )
            .unwrap();
        }
    }
    let old = fake.join("manifests/part-00000-of-00002.json");
    let body = std::fs::read_to_string(&old)
        .unwrap()
        .replace("part-00000-of-00002", "part-00001-of-00002")
        .replace("\"index\": 0", "\"index\": 1");
    std::fs::remove_file(&old).unwrap();
    std::fs::write(fake.join("manifests/part-00001-of-00002.json"), body).unwrap();
    let err = merge_err(
        &[&real, &fake],
        &["--out", tmp.path().join("combined").to_str().unwrap()],
    );
    assert!(err.contains("does not belong to shard 1/2"), "{err}");
    assert!(!tmp.path().join("combined/manifest.json").exists());
}

/// The one-machine command line documented in examples/gnu_parallel.sh (xargs -P).
#[cfg(unix)]
#[test]
fn documented_xargs_command_line_gives_a_mergeable_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 10, 40);
    let out = tmp.path().join("out");
    let script = std::fs::read_to_string(crate_path("examples/gnu_parallel.sh")).unwrap();
    assert!(
        script.contains("xargs -P 4 -I{} whosaid extract"),
        "example changed"
    );
    let status = Command::new("bash")
        .arg("-c")
        .arg(r#"seq 0 3 | xargs -P 4 -I{} "$WHOSAID" extract "$CORPUS" --out "$OUT" --shard {}/4 --threads 1 --quiet"#)
        .env("WHOSAID", whosaid_path())
        .env("CORPUS", &corpus)
        .env("OUT", &out)
        .status()
        .unwrap();
    assert!(status.success());
    whosaid().arg("merge").arg(&out).assert().success();
    assert_eq!(manifest(&out.join("manifest.json"))["rows"]["articles"], 51);
}
