//! The readers on the mixed-format fixture folder (`tests/fixtures/inputs`), through
//! `corpus::discover` and `corpus::read`: walk order, ids, hidden entries, and every
//! record's status, title, text, url and date for each format and compression.

use std::path::{Path, PathBuf};

use whosaid::config::{FieldMap, ReadConfig};
use whosaid::corpus::{self, InputFile};
use whosaid::model::{InputRecord, Status};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs")
}

fn read_all(files: &[InputFile], cfg: &ReadConfig) -> Vec<InputRecord> {
    files.iter().flat_map(|f| corpus::read(f, cfg)).collect()
}

fn by_id<'a>(recs: &'a [InputRecord], id: &str) -> &'a InputRecord {
    recs.iter().find(|r| r.article.id == id).unwrap_or_else(|| {
        panic!(
            "no record {id}: {:?}",
            recs.iter().map(|r| &r.article.id).collect::<Vec<_>>()
        )
    })
}

#[test]
fn walk_is_sorted_by_path_skips_hidden_entries_and_ids_drop_extensions() {
    let files = corpus::discover(&[fixtures()]).unwrap();
    let ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "feeds/more",
            "feeds/wire",
            "notes",
            "top",
            "world/c",
            "world/europe/berlin",
            "world/one",
            "world/page"
        ]
    );
    assert!(files.iter().all(|f| f.problem.is_none() && f.size > 0));
}

#[test]
fn a_file_given_directly_is_its_own_root() {
    let path = fixtures().join("world/europe/berlin.md");
    let files = corpus::discover(std::slice::from_ref(&path)).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].id, "berlin");
}

#[test]
fn a_missing_input_root_is_the_only_walk_error() {
    let err = corpus::discover(&[fixtures().join("no/such/folder")]).unwrap_err();
    assert!(err.to_string().contains("no/such/folder"), "{err}");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn every_format_gives_its_parts() {
    let files = corpus::discover(&[fixtures()]).unwrap();
    let recs = read_all(&files, &ReadConfig::default());
    assert_eq!(recs.len(), 11, "2 gz lines + 3 jsonl lines + 6 files");
    assert!(recs.iter().all(|r| r.status == Status::Ok), "{recs:#?}");

    let top = by_id(&recs, "top");
    assert_eq!(
        top.article.title.as_deref(),
        Some("Council approves budget")
    );
    assert!(top
        .article
        .text
        .starts_with("Council approves budget\n\n\"We will fund"));
    assert_eq!(top.error, None);
    assert!(top.article.source_path.ends_with("inputs/top.txt"));

    let md = by_id(&recs, "world/europe/berlin");
    assert_eq!(
        md.article.title.as_deref(),
        Some("Berlin votes on rent cap")
    );
    assert!(
        md.article.text.starts_with("# Berlin votes on rent cap\n"),
        "md text is the file as decoded"
    );

    let html = by_id(&recs, "world/page");
    assert_eq!(html.article.title.as_deref(), Some("Port strike ends"));
    assert_eq!(
        html.article.text,
        "Port strike ends\nDock workers returned on Monday.\n\"We got the deal we asked for,\" said union chief Ann Cole.\nPay rises 5%\nShifts shorten"
    );
    assert_eq!(
        html.article.url.as_deref(),
        Some("https://news.example/port-strike")
    );
    assert_eq!(html.article.date.as_deref(), Some("2024-03-02T10:00:00Z"));

    let json = by_id(&recs, "world/one");
    assert_eq!(json.article.title.as_deref(), Some("Rail line reopens"));
    assert_eq!(
        json.article.url.as_deref(),
        Some("https://news.example/rail")
    );
    assert_eq!(json.article.date.as_deref(), Some("2024-01-05"));
    assert_eq!(
        json.article.text,
        "\"Trains will run every ten minutes again,\" said Priya Shah."
    );

    let zst = by_id(&recs, "world/c");
    assert_eq!(zst.article.title.as_deref(), Some("Storm warning"));
    assert!(zst.article.source_path.ends_with("c.txt.zst"));

    let wire = by_id(&recs, "wire-001");
    assert_eq!(wire.article.date.as_deref(), Some("1987-03-01"));
    let no_id = by_id(&recs, "feeds/wire#2");
    assert_eq!(no_id.article.title.as_deref(), Some("No id here"));
    let news_please = by_id(&recs, "feeds/wire#3");
    assert_eq!(
        news_please.article.title.as_deref(),
        Some("Shop stays open")
    );
    assert_eq!(
        news_please.article.date.as_deref(),
        Some("2020-06-01 08:00:00")
    );
    assert!(news_please.article.text.contains("stay open all summer"));

    let gz = by_id(&recs, "gz-2");
    assert_eq!(gz.article.text, "Nothing quoted in this one.");
    assert!(gz.article.source_path.ends_with("more.jsonl.gz"));
}

#[test]
fn unknown_extensions_are_read_as_text_with_a_note() {
    let files = corpus::discover(&[fixtures().join("notes.csv")]).unwrap();
    let recs = read_all(&files, &ReadConfig::default());
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].status, Status::Ok);
    assert_eq!(
        recs[0].error.as_deref(),
        Some("unknown extension .csv: read as plain text")
    );
    assert_eq!(recs[0].article.title.as_deref(), Some("speaker,quote"));
}

#[test]
fn field_map_picks_other_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("custom.jsonl");
    std::fs::write(
        &p,
        "{\"doc\":\"d1\",\"body_text\":\"Custom body.\",\"text\":\"default text\",\"when\":\"2001\"}\n",
    )
    .unwrap();
    let cfg = ReadConfig {
        fields: FieldMap {
            id: vec!["doc".into()],
            text: vec!["body_text".into()],
            date: vec!["when".into()],
            ..FieldMap::default()
        },
        ..ReadConfig::default()
    };
    let recs = read_all(&corpus::discover(&[p]).unwrap(), &cfg);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].article.id, "d1");
    assert_eq!(recs[0].article.text, "Custom body.");
    assert_eq!(recs[0].article.date.as_deref(), Some("2001"));
}

#[test]
fn gold_format_lines_take_their_id_from_article_id() {
    // The gold files (`../shared/eval/FORMAT.md`) name the id `article_id` and carry
    // quote annotations the reader must skip.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("gold.jsonl");
    std::fs::write(
        &p,
        concat!(
            r#"{"article_id":"g-17","source":"synthetic","text":"Body one.","quotes":[{"text":"x","start":1,"end":2,"speaker":null}]}"#,
            "\n",
            r#"{"article_id":42,"text":"Body two."}"#,
            "\n"
        ),
    )
    .unwrap();
    let recs = read_all(&corpus::discover(&[p]).unwrap(), &ReadConfig::default());
    let ids: Vec<&str> = recs.iter().map(|r| r.article.id.as_str()).collect();
    assert_eq!(ids, ["g-17", "42"]);
    assert_eq!(recs[1].article.text, "Body two.");
}

#[test]
fn input_bytes_add_up_to_the_file_sizes() {
    let files = corpus::discover(&[fixtures()]).unwrap();
    let total: u64 = files.iter().map(|f| f.size).sum();
    let recs = read_all(&files, &ReadConfig::default());
    assert_eq!(recs.iter().map(|r| r.input_bytes).sum::<u64>(), total);
}
