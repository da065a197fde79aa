//! `whosaid extract --zstd-level`: the Parquet files' compression level is the user's
//! choice of speed against file size; the data read back, the CSV files and the row
//! counts are the same at every level, and the manifest records the level.

mod common;

use common::{extract_cmd, extract_ok, manifest, read_parquet, stderr_of, write_corpus};

#[test]
fn every_zstd_level_writes_the_same_data_and_the_manifest_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 60, 40);
    let default = tmp.path().join("default");
    let fast = tmp.path().join("fast");
    let small = tmp.path().join("small");
    extract_ok(&corpus, &default, &["-j2"]);
    extract_ok(&corpus, &fast, &["-j2", "--zstd-level", "1"]);
    extract_ok(&corpus, &small, &["-j2", "--zstd-level", "19"]);
    for table in ["quotes", "articles"] {
        let parquet = format!("{table}.parquet");
        let csv = format!("{table}.csv");
        let reference = read_parquet(&default.join(&parquet));
        assert!(!reference.rows.is_empty(), "{table}: no rows");
        for other in [&fast, &small] {
            assert_eq!(read_parquet(&other.join(&parquet)), reference, "{table}");
            assert_eq!(
                std::fs::read(other.join(&csv)).unwrap(),
                std::fs::read(default.join(&csv)).unwrap(),
                "{table}.csv"
            );
        }
        // The level does reach the encoder: level 1 compresses less than level 19.
        let size = |dir: &std::path::Path| std::fs::metadata(dir.join(&parquet)).unwrap().len();
        assert!(
            size(&fast) > size(&small),
            "{table}: {} <= {}",
            size(&fast),
            size(&small)
        );
    }
    for (dir, level) in [(&default, 3), (&fast, 1), (&small, 19)] {
        assert_eq!(
            manifest(&dir.join("manifest.json"))["options"]["parquet_zstd_level"],
            level
        );
    }
}

#[test]
fn a_zstd_level_out_of_range_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 2, 0);
    for bad in ["0", "23", "-1", "fast"] {
        let out = tmp.path().join(format!("out{bad}"));
        let failed = extract_cmd(&corpus, &out)
            .arg("-q")
            .arg(format!("--zstd-level={bad}"))
            .assert()
            .failure()
            .code(2);
        let err = stderr_of(&failed);
        assert!(err.contains("--zstd-level"), "{bad}: {err}");
        assert!(!out.exists(), "{bad}: output written");
    }
}
