//! Output safety and exit codes of `whosaid extract`, driven through the binary: an
//! earlier dataset is never replaced without `--overwrite` and survives Ctrl-C and
//! fatal errors; a full disk or an unwritable folder is a clear fatal error (exit 2,
//! message naming the path, no panic); failed inputs give exit 1 (dataset written) or,
//! with `--strict`, exit 2 with nothing written.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const DATA_FILES: [&str; 5] = [
    "articles.csv",
    "articles.parquet",
    "manifest.json",
    "quotes.csv",
    "quotes.parquet",
];

fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn existing_dataset_is_not_replaced_without_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 5, 5);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &[]);
    let before = snapshot(&out);
    assert_eq!(names(&out), DATA_FILES);

    let a = extract_cmd(&corpus, &out).arg("-q").assert().code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("--overwrite") && err.contains(&out.display().to_string()),
        "{err}"
    );
    assert_eq!(
        snapshot(&out),
        before,
        "refused run left the dataset as it was"
    );

    // --overwrite replaces it; files of a format no longer written are removed.
    extract_ok(&corpus, &out, &["--overwrite", "--format", "parquet"]);
    assert_eq!(
        names(&out),
        ["articles.parquet", "manifest.json", "quotes.parquet"]
    );
    let m = manifest(&out.join("manifest.json"));
    assert_eq!(m["outputs"].as_array().unwrap().len(), 2);
}

/// Starts a long run over `out` (which holds an earlier dataset), sends `signal` once
/// it is writing, and checks the run stopped cleanly.
fn interrupt_run(signal: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let small = write_corpus(tmp.path(), 3, 3);
    let out = tmp.path().join("out");
    extract_ok(&small, &out, &[]);
    let before = snapshot(&out);

    // A large generated input: far more than the run gets through before the signal.
    let big = tmp.path().join("big.jsonl");
    let mut body = String::with_capacity(200_000 * 120);
    for i in 0..200_000 {
        body.push_str(
            &serde_json::json!({"id": format!("a{i}"), "text": article_text(i)}).to_string(),
        );
        body.push('\n');
    }
    fs::write(&big, body).unwrap();

    let mut child = Command::new(whosaid_path())
        .arg("extract")
        .arg(&big)
        .arg("--out")
        .arg(&out)
        .args(["--overwrite", "--threads", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the run is writing (its temporaries exist), then interrupt it.
    let started = Instant::now();
    while temp_files(&out).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "run ended before it could be interrupted"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "stderr: {err}");
    assert!(err.contains("interrupted"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(temp_files(&out), Vec::<std::path::PathBuf>::new());
    assert!(snapshot(&out) == before, "earlier dataset changed");
}

#[test]
fn sigint_removes_temporaries_and_keeps_the_earlier_dataset() {
    interrupt_run("-INT");
}

/// What a scheduler sends on cancel or time-out (scancel, Kubernetes).
#[test]
fn sigterm_removes_temporaries_and_keeps_the_earlier_dataset() {
    interrupt_run("-TERM");
}

#[cfg(target_os = "linux")]
#[test]
fn full_disk_is_a_fatal_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 5, 5);
    let out = tmp.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // The temporary quotes.csv is /dev/full: every write fails with ENOSPC.
    std::os::unix::fs::symlink("/dev/full", out.join(".quotes.csv.tmp")).unwrap();
    let a = extract_cmd(&corpus, &out).assert().code(2);
    let err = stderr_of(&a);
    assert!(err.contains("quotes.csv"), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for f in DATA_FILES {
        assert!(!out.join(f).exists(), "{f} written despite the failure");
    }
    assert_eq!(temp_files(&out), Vec::<std::path::PathBuf>::new());
}

/// Mounts a tmpfs (root only); `None` when this system does not allow it.
#[cfg(target_os = "linux")]
fn mount_tmpfs(dir: &Path, options: &str) -> Option<()> {
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(())
}

#[cfg(target_os = "linux")]
fn umount(dir: &Path) {
    let _ = Command::new("umount").arg(dir).status();
}

#[cfg(target_os = "linux")]
#[test]
fn tiny_file_system_filling_up_is_a_fatal_error() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 50, 3000);
    let disk = tmp.path().join("disk");
    fs::create_dir_all(&disk).unwrap();
    if mount_tmpfs(&disk, "size=128k").is_none() {
        eprintln!("note: cannot mount a tmpfs here (not root?); /dev/full test covers ENOSPC");
        return;
    }
    let out = disk.join("out");
    let a = extract_cmd(&corpus, &out).assert();
    let code = a.get_output().status.code();
    let err = stderr_of(&a);
    let leftovers = temp_files(&out);
    let written: Vec<_> = DATA_FILES.iter().filter(|f| out.join(f).exists()).collect();
    umount(&disk);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(&out.display().to_string()), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn unwritable_output_folder_is_a_fatal_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 2, 2);
    // A path below a regular file cannot be created by anyone.
    let file = tmp.path().join("plain-file");
    fs::write(&file, "x").unwrap();
    let out = file.join("out");
    let a = extract_cmd(&corpus, &out).assert().code(2);
    let err = stderr_of(&a);
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    // An existing folder without write access (a read-only mount when we are root,
    // who ignores permission bits; mode 0555 otherwise).
    let ro = tmp.path().join("readonly");
    fs::create_dir_all(&ro).unwrap();
    #[cfg(target_os = "linux")]
    let mounted = mount_tmpfs(&ro, "ro,size=64k").is_some();
    #[cfg(not(target_os = "linux"))]
    let mounted = false;
    if !mounted {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        if fs::write(ro.join("probe"), "x").is_ok() {
            eprintln!("note: folder still writable (root without mount): skipping that half");
            return;
        }
    }
    let a = extract_cmd(&corpus, &ro).assert();
    let code = a.get_output().status.code();
    let err = stderr_of(&a);
    #[cfg(target_os = "linux")]
    if mounted {
        umount(&ro);
    }
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(&ro.display().to_string()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A corpus with good files plus inputs that fail: a broken symlink and a malformed
/// JSONL line.
fn corpus_with_failures(root: &Path) -> std::path::PathBuf {
    let corpus = write_corpus(root, 4, 4);
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("nowhere.txt"), corpus.join("broken-link.txt")).unwrap();
    let mut lines = fs::read_to_string(corpus.join("wire.jsonl")).unwrap();
    lines.push_str("{\"id\": \"bad\", \"text\": \n");
    fs::write(corpus.join("wire.jsonl"), lines).unwrap();
    corpus
}

#[cfg(unix)]
#[test]
fn failed_inputs_exit_1_with_the_dataset_written() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_with_failures(tmp.path());
    let out = tmp.path().join("out");
    let a = extract_cmd(&corpus, &out).assert().code(1);
    let err = stderr_of(&a);
    assert!(err.contains("2 errors"), "{err}");
    assert!(
        err.contains("broken-link.txt"),
        "summary lists the failed input: {err}"
    );
    assert!(
        err.contains("wire.jsonl"),
        "summary lists the failed line: {err}"
    );
    let articles = read_table(&out, "articles", "parquet");
    let statuses = articles.values("status");
    let count = |s: &str| statuses.iter().filter(|v| v.as_deref() == Some(s)).count();
    assert_eq!((count("ok"), count("empty"), count("error")), (8, 1, 2));
    let m = manifest(&out.join("manifest.json"));
    assert_eq!(m["rows"]["articles_by_status"]["error"], 2);
    // The good files still give their quotes.
    assert!(!read_table(&out, "quotes", "csv").rows.is_empty());
}

#[cfg(unix)]
#[test]
fn strict_makes_a_failed_input_fatal_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let good = write_corpus(&tmp.path().join("good"), 3, 3);
    let out = tmp.path().join("out");
    extract_ok(&good, &out, &[]);
    let before = snapshot(&out);
    let corpus = corpus_with_failures(tmp.path());
    let a = extract_cmd(&corpus, &out)
        .args(["--strict", "--overwrite"])
        .assert()
        .code(2);
    let err = stderr_of(&a);
    assert!(err.contains("--strict"), "{err}");
    assert!(
        snapshot(&out) == before,
        "strict failure changed the earlier dataset"
    );
    assert!(temp_files(&out).is_empty());
    let fresh = tmp.path().join("fresh");
    extract_cmd(&corpus, &fresh)
        .arg("--strict")
        .assert()
        .code(2);
    let left: Vec<_> = DATA_FILES
        .iter()
        .filter(|f| fresh.join(f).exists())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let a = whosaid()
        .arg("extract")
        .arg(tmp.path().join("missing"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2);
    assert!(stderr_of(&a).contains("missing"));
    whosaid()
        .args(["extract", "x", "--out", "y", "--shard", "4/4"])
        .assert()
        .code(2);
    whosaid().args(["extract", "--out", "y"]).assert().code(2);
    let corpus = write_corpus(tmp.path(), 1, 1);
    extract_cmd(&corpus, &out)
        .args(["--max-rows-per-file", "0"])
        .assert()
        .code(2);
}

#[test]
fn output_folder_inside_the_input_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 4, 4);
    let out = corpus.join("out");
    for extra in [&["-q"][..], &["-q", "--overwrite"][..]] {
        extract_cmd(&corpus, &out).args(extra).assert().success();
        let ids = read_table(&out, "articles", "csv").values("article_id");
        assert_eq!(ids.len(), 9, "{ids:?}");
        assert!(
            ids.iter()
                .all(|id| !id.as_deref().unwrap().starts_with("out/")),
            "{ids:?}"
        );
        let m = manifest(&out.join("manifest.json"));
        assert_eq!(m["inputs"]["files"], 6);
    }
}

#[test]
fn single_and_partitioned_datasets_never_share_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 4, 4);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &[]);
    let before = snapshot(&out);
    let a = extract_cmd(&corpus, &out)
        .args(["-q", "--partitioned"])
        .assert()
        .code(2);
    assert!(stderr_of(&a).contains("--overwrite"));
    assert!(snapshot(&out) == before);
    extract_ok(&corpus, &out, &["--partitioned", "--overwrite"]);
    assert_eq!(
        names(&out),
        [
            "articles/part-00000-of-00001.csv",
            "articles/part-00000-of-00001.parquet",
            "manifest.json",
            "manifests/part-00000-of-00001.json",
            "quotes/part-00000-of-00001.csv",
            "quotes/part-00000-of-00001.parquet",
        ]
    );
    // And back: a single run replaces the parts and shard manifests.
    extract_ok(&corpus, &out, &["--overwrite"]);
    assert_eq!(names(&out), DATA_FILES);
}
