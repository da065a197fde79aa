//! The four data files of `whosaid extract`, decoded and checked row by row: Parquet
//! (Arrow reader) and CSV (csv crate) hold the same rows; quote rows carry the right
//! text, code point offsets and ids; article rows the right status and counts; the
//! Parquet files are zstd-compressed with dictionaries; the manifest tells the truth.

mod common;

use common::*;
use parquet::basic::{Compression, Encoding};
use parquet::file::reader::{FileReader, SerializedFileReader};
use whosaid::dataset::checksum::hash_file;
use whosaid::dataset::schema::{articles_schema, quotes_schema};
use whosaid::model::{content_hash, quote_id};

#[test]
fn csv_and_parquet_hold_the_same_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 40, 60);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &[]);
    for table in ["quotes", "articles"] {
        let pq = read_parquet(&out.join(format!("{table}.parquet")));
        let csv = read_csv(&out.join(format!("{table}.csv")));
        let schema = if table == "quotes" {
            quotes_schema()
        } else {
            articles_schema()
        };
        let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(pq.columns, names, "{table}.parquet columns");
        assert_eq!(csv.columns, names, "{table}.csv header");
        assert!(!pq.rows.is_empty());
        assert_eq!(pq.rows.len(), csv.rows.len(), "{table} row count");
        for (i, (p, c)) in pq.as_csv_text().iter().zip(csv.as_csv_text()).enumerate() {
            assert_eq!(p, &c, "{table} row {i}");
        }
    }
}

#[test]
fn quote_rows_have_text_offsets_and_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 12, 8);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &[]);
    let quotes = read_parquet(&out.join("quotes.parquet"));
    let articles = read_parquet(&out.join("articles.parquet"));

    // Story 2 (a .txt file, speaker "Jürgen Weiß") has exactly one quote.
    let rows = quotes.find("article_id", "section2/story00002");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let q = rows[0];
    let get = |name: &str| q[quotes.col(name)].clone();
    assert_eq!(
        get("text").as_deref(),
        Some("We will open the new bridge 2 next spring")
    );
    assert_eq!(get("kind").as_deref(), Some("direct"));
    assert_eq!(get("quote_index").as_deref(), Some("0"));
    // "Report number 2 from the café désert\n\n\"" is 39 code points (41 bytes).
    assert_eq!(get("start").as_deref(), Some("39"));
    assert_eq!(get("end").as_deref(), Some("80"));
    assert_eq!(
        get("quote_id"),
        Some(quote_id("section2/story00002", 39, 80))
    );

    // Every contiguous quote is its article's text at [start, end) in code points.
    let text_of = |id: &str| -> String {
        articles.find("article_id", id)[0][articles.col("text")]
            .clone()
            .unwrap()
    };
    for r in &quotes.rows {
        let id = r[quotes.col("article_id")].clone().unwrap();
        let start: usize = r[quotes.col("start")].as_ref().unwrap().parse().unwrap();
        let end: usize = r[quotes.col("end")].as_ref().unwrap().parse().unwrap();
        let span: String = text_of(&id).chars().skip(start).take(end - start).collect();
        assert_eq!(Some(span), r[quotes.col("text")], "quote of {id}");
    }
    let ids = quotes.values("quote_id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "quote ids are unique");

    // JSONL articles keep their id; text, counts and hash are the article's own.
    let wire = articles.find("article_id", "wire-000015");
    assert_eq!(wire.len(), 1);
    let a = wire[0];
    let text = article_text(15);
    let aget = |name: &str| a[articles.col(name)].clone();
    assert_eq!(aget("text").as_deref(), Some(text.as_str()));
    assert_eq!(aget("title").as_deref(), Some("Wire story 15"));
    assert_eq!(aget("status").as_deref(), Some("ok"));
    assert_eq!(aget("n_chars"), Some(text.chars().count().to_string()));
    assert_eq!(aget("n_quotes").as_deref(), Some("2"));
    assert_eq!(aget("content_hash"), Some(content_hash(&text)));
    assert_eq!(aget("url"), None, "absent values are real nulls");
    assert_eq!(quotes.find("article_id", "wire-000015").len(), 2);

    // The empty file is accounted for with status empty and a reason.
    let empty = articles.find("article_id", "zz-empty");
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0][articles.col("status")].as_deref(), Some("empty"));
    assert!(empty[0][articles.col("error")].is_some());
    assert_eq!(articles.rows.len(), 12 + 8 + 1);
}

#[test]
fn parquet_is_zstd_with_dictionaries_and_the_arrow_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 30, 30);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &["--format", "parquet"]);
    assert!(!out.join("quotes.csv").exists(), "--format parquet only");
    let path = out.join("quotes.parquet");
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata();
    assert!(meta.num_row_groups() >= 1);
    let rg = meta.row_group(0);
    for c in rg.columns() {
        assert!(
            matches!(c.compression(), Compression::ZSTD(_)),
            "{} is {:?}",
            c.column_path(),
            c.compression()
        );
    }
    let column = |name: &str| {
        rg.columns()
            .iter()
            .find(|c| c.column_path().string() == name)
            .unwrap()
    };
    let dict = |name: &str| {
        column(name)
            .encodings()
            .any(|e| e == Encoding::RLE_DICTIONARY || e == Encoding::PLAIN_DICTIONARY)
    };
    assert!(dict("kind"), "kind is dictionary-encoded");
    assert!(dict("speaker"), "speaker is dictionary-encoded");
    assert!(!dict("quote_id"), "quote_id is not dictionary-encoded");
    // The Arrow schema stored in the file is the one in src/dataset/schema.rs.
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&path).unwrap(),
    )
    .unwrap();
    let stored = builder.schema();
    let expected = quotes_schema();
    assert_eq!(stored.fields().len(), expected.fields().len());
    for (s, e) in stored.fields().iter().zip(expected.fields()) {
        assert_eq!(
            (s.name(), s.data_type(), s.is_nullable()),
            (e.name(), e.data_type(), e.is_nullable())
        );
        assert_eq!(
            s.metadata().get("description"),
            e.metadata().get("description")
        );
    }
    assert_eq!(
        stored
            .metadata()
            .get("whosaid.schema_version")
            .map(String::as_str),
        Some("1")
    );
}

#[test]
fn manifest_records_inputs_rows_and_file_hashes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 10, 10);
    let out = tmp.path().join("out");
    extract_ok(&corpus, &out, &["--threads", "2"]);
    let m = manifest(&out.join("manifest.json"));
    assert_eq!(m["tool"], "whosaid");
    assert_eq!(m["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["schema_version"], 1);
    assert_eq!(m["kind"], "run");
    assert_eq!(m["inputs"]["files"], 12);
    assert_eq!(m["inputs"]["roots"][0]["files"], 12);
    assert_eq!(m["rows"]["articles"], 21);
    assert_eq!(m["rows"]["articles_by_status"]["ok"], 20);
    assert_eq!(m["rows"]["articles_by_status"]["empty"], 1);
    assert_eq!(m["rows"]["articles_by_status"]["error"], 0);
    let quotes = read_csv(&out.join("quotes.csv"));
    assert_eq!(m["rows"]["quotes"], quotes.rows.len() as u64);
    assert_eq!(m["timings"]["threads"], 2);
    assert!(m["timings"]["seconds"].as_f64().unwrap() >= 0.0);
    assert_eq!(
        m["options"]["formats"],
        serde_json::json!(["csv", "parquet"])
    );
    let outputs = m["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 4);
    for o in outputs {
        let path = out.join(o["path"].as_str().unwrap());
        let (bytes, hash) = hash_file(&path).unwrap();
        assert_eq!(o["bytes"], bytes, "{}", path.display());
        assert_eq!(o["content_hash"], hash.as_str(), "{}", path.display());
        let rows = if o["format"] == "csv" {
            read_csv(&path).rows.len()
        } else {
            read_parquet(&path).rows.len()
        };
        assert_eq!(o["rows"], rows as u64, "{}", path.display());
    }
    // The input hash depends on the inputs only: a second run agrees, an edit changes it.
    let out2 = tmp.path().join("out2");
    extract_ok(&corpus, &out2, &[]);
    let m2 = manifest(&out2.join("manifest.json"));
    assert_eq!(m["inputs"]["content_hash"], m2["inputs"]["content_hash"]);
    std::fs::write(corpus.join("section0/story00000.txt"), "changed").unwrap();
    let out3 = tmp.path().join("out3");
    extract_ok(&corpus, &out3, &[]);
    let m3 = manifest(&out3.join("manifest.json"));
    assert_ne!(m["inputs"]["content_hash"], m3["inputs"]["content_hash"]);
}

#[test]
fn max_rows_per_file_splits_parts_without_changing_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path(), 20, 200);
    let whole = tmp.path().join("whole");
    extract_ok(&corpus, &whole, &[]);
    let split = tmp.path().join("split");
    extract_ok(&corpus, &split, &["--max-rows-per-file", "50"]);
    for (table, ext) in [
        ("quotes", "parquet"),
        ("quotes", "csv"),
        ("articles", "parquet"),
        ("articles", "csv"),
    ] {
        let files = table_files(&split, table, ext);
        assert!(files.len() > 2, "{table}.{ext} split into {}", files.len());
        for (i, f) in files.iter().enumerate() {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            assert_eq!(name, format!("part-00000-of-00001-{i:04}.{ext}"));
            let rows = if ext == "csv" {
                read_csv(f)
            } else {
                read_parquet(f)
            };
            assert!(rows.rows.len() <= 50, "{name} has {}", rows.rows.len());
        }
        assert_eq!(
            read_table(&split, table, ext),
            read_table(&whole, table, ext),
            "{table}.{ext}"
        );
    }
    // An unsharded partitioned run gets its combined manifest at once.
    let m = manifest(&split.join("manifest.json"));
    assert_eq!(m["kind"], "merged");
    assert_eq!(m["rows"], manifest(&whole.join("manifest.json"))["rows"]);
}
