//! `schemas/*.schema.json` are generated from the Arrow schemas in
//! `src/dataset/schema.rs` (the single source of truth) and must not drift from them;
//! `whosaid schema` prints the same text.
//!
//! When this fails after a deliberate schema change, regenerate the files with
//! `WHOSAID_BLESS=1 cargo test --test dataset_schema` (or
//! `cargo run -- schema quotes > schemas/quotes.schema.json`, likewise articles) and
//! bump `SCHEMA_VERSION` if a column was added, removed, renamed or changed meaning.

mod common;

use std::path::PathBuf;

use whosaid::dataset::schema::{schema_json, Table};

fn schema_file(table: Table) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{}.schema.json", table.name()))
}

#[test]
fn schema_files_are_up_to_date() {
    let bless = std::env::var_os("WHOSAID_BLESS").is_some();
    for table in Table::ALL {
        let path = schema_file(table);
        let expected = schema_json(table);
        if bless {
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == expected,
            "{} is stale: regenerate it with `WHOSAID_BLESS=1 cargo test --test dataset_schema` \
             (or `cargo run -- schema {} > schemas/{}.schema.json`)",
            path.display(),
            table.name(),
            table.name()
        );
    }
}

#[test]
fn schema_command_prints_the_files() {
    for table in Table::ALL {
        let out = common::whosaid()
            .args(["schema", table.name()])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(String::from_utf8(out).unwrap(), schema_json(table));
    }
}

#[test]
fn schema_json_lists_every_column_with_type_and_docs() {
    let doc: serde_json::Value = serde_json::from_str(&schema_json(Table::Quotes)).unwrap();
    assert_eq!(doc["table"], "quotes");
    assert_eq!(doc["schema_version"], 1);
    let cols = doc["columns"].as_array().unwrap();
    let names: Vec<&str> = cols.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        &names[..4],
        ["quote_id", "article_id", "quote_index", "kind"]
    );
    let start = cols.iter().find(|c| c["name"] == "start").unwrap();
    assert_eq!(start["type"], "int32");
    assert_eq!(start["nullable"], false);
    let speaker = cols.iter().find(|c| c["name"] == "speaker").unwrap();
    assert_eq!(speaker["type"], "string");
    assert_eq!(speaker["nullable"], true);
    for c in cols {
        assert!(
            c["description"].as_str().is_some_and(|d| d.len() > 10),
            "{c}"
        );
    }
}
