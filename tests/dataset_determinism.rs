//! Reproducible datasets: the data files are byte-identical whatever the thread count
//! and across separate processes (no timestamps, no hash-map order, input order kept),
//! on a corpus large enough to span several pipeline chunks.

mod common;

use common::*;

#[test]
fn data_files_are_byte_identical_for_1_and_8_threads() {
    let tmp = tempfile::tempdir().unwrap();
    // > 2 chunks of CHUNK_ARTICLES (1024) articles, from files and JSONL lines.
    let corpus = write_corpus(tmp.path(), 300, 2600);
    let mut snapshots = Vec::new();
    for (name, threads) in [("t1", "1"), ("t8", "8"), ("t8-again", "8")] {
        let out = tmp.path().join(name);
        extract_ok(&corpus, &out, &["--threads", threads]);
        let data: Vec<_> = snapshot(&out)
            .into_iter()
            .filter(|(rel, _)| rel != "manifest.json")
            .collect();
        let names: Vec<&str> = data.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "articles.csv",
                "articles.parquet",
                "quotes.csv",
                "quotes.parquet"
            ]
        );
        snapshots.push(data);
    }
    for (a, b) in snapshots[0].iter().zip(&snapshots[1]) {
        assert!(a.1 == b.1, "{} differs between --threads 1 and 8", a.0);
    }
    for (a, b) in snapshots[1].iter().zip(&snapshots[2]) {
        assert!(a.1 == b.1, "{} differs between two runs", a.0);
    }
    let quotes = read_csv(&tmp.path().join("t1/quotes.csv"));
    assert!(quotes.rows.len() > 2048, "{} quotes", quotes.rows.len());
}

#[test]
fn partitioned_parts_are_byte_identical_for_1_and_8_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 100, 1500);
    let mut snapshots = Vec::new();
    for threads in ["1", "8"] {
        let out = tmp.path().join(format!("t{threads}"));
        extract_cmd(&corpus, &out)
            .args(["--quiet", "--shard", "1/3", "--max-rows-per-file", "300"])
            .args(["--threads", threads])
            .assert()
            .success();
        let data: Vec<_> = snapshot(&out)
            .into_iter()
            .filter(|(rel, _)| !rel.starts_with("manifest"))
            .collect();
        assert!(data.len() > 4, "{} part files", data.len());
        snapshots.push(data);
    }
    assert_eq!(
        snapshots[0].iter().map(|d| &d.0).collect::<Vec<_>>(),
        snapshots[1].iter().map(|d| &d.0).collect::<Vec<_>>()
    );
    for (a, b) in snapshots[0].iter().zip(&snapshots[1]) {
        assert!(a.1 == b.1, "{} differs between --threads 1 and 8", a.0);
    }
}
