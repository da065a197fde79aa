//! `benches/run.sh`: the figures it reports are computed by small shell functions; these
//! tests run those functions (cut out of the script, so the script itself is what is
//! tested) on files made here.
//!
//! Regression: the MB and MB/s of a `.jsonl.zst` row used to be over the compressed file
//! size, which made 99 MB of Reuters JSONL stored in 30 MB look three times slower per
//! byte than the same articles uncompressed (session 5: 3.0 MB/s where it was 9.9).

use std::path::Path;
use std::process::Command;

/// Runs `bytes PATH` as defined in `benches/run.sh`; its standard output, trimmed.
fn bench_bytes(path: &Path) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/run.sh");
    let out = Command::new("bash")
        .arg("-c")
        .arg(r#"set -euo pipefail; source <(sed -n '/^bytes() {/,/^}/p' "$1"); bytes "$2""#)
        .arg("bash")
        .arg(&script)
        .arg(path)
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "bytes failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn zstd_cli() -> bool {
    Command::new("zstd")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn zst_rows_count_the_decompressed_bytes_not_the_compressed_file() {
    let tmp = tempfile::tempdir().unwrap();
    let line = r#"{"id": "a", "text": "\"We will win,\" Smith said. The rest of the article."}"#;
    let jsonl: String = (0..2000).map(|_| format!("{line}\n")).collect();
    let path = tmp.path().join("articles.jsonl.zst");
    let compressed = zstd::encode_all(jsonl.as_bytes(), 3).unwrap();
    assert!(
        compressed.len() * 10 < jsonl.len(),
        "the test input compresses"
    );
    std::fs::write(&path, &compressed).unwrap();
    if !zstd_cli() {
        // Without the zstd tool the script skips the .jsonl.zst rows altogether; the
        // size is then the file's own.
        assert_eq!(bench_bytes(&path), compressed.len().to_string());
        return;
    }
    assert_eq!(bench_bytes(&path), jsonl.len().to_string());
    // The size is cached beside the file, and read from there the second time.
    let cache = tmp.path().join("articles.jsonl.zst.bytes");
    assert_eq!(
        std::fs::read_to_string(&cache).unwrap().trim(),
        jsonl.len().to_string()
    );
    assert_eq!(bench_bytes(&path), jsonl.len().to_string());
}

#[test]
fn plain_files_and_folders_count_their_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("txt");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "x".repeat(1000)).unwrap();
    std::fs::write(dir.join("sub/b.txt"), "y".repeat(234)).unwrap();
    assert_eq!(bench_bytes(&dir), "1234");
    let jsonl = tmp.path().join("corpus.jsonl");
    std::fs::write(&jsonl, "z".repeat(777)).unwrap();
    assert_eq!(bench_bytes(&jsonl), "777");
}
