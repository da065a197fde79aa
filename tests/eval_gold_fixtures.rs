//! The project's own gold set (`tests/fixtures/gold/*.jsonl`) is well-formed: every file
//! parses as gold, every offset is in range and spans exactly the quote's text (joined
//! pieces for interrupted and multi-paragraph quotes), closed vocabularies stay closed,
//! every field our annotation promises is present, and the set is large enough to mean
//! something (at least 30 articles).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use whosaid::eval::load_gold;
use whosaid::model::{CueType, Gender, QuoteKind, SpeakerType, Stance};

fn gold_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn every_fixture_loads_as_gold() {
    let files = gold_files();
    assert!(files.len() >= 10, "house styles: {files:?}");
    let mut articles = 0;
    for f in &files {
        let gold = load_gold(f).unwrap_or_else(|e| panic!("{e}"));
        articles += gold.articles.len();
    }
    assert!(articles >= 30, "only {articles} gold articles");
}

#[test]
fn offsets_span_exactly_the_quote_text() {
    for f in gold_files() {
        let body = std::fs::read_to_string(&f).unwrap();
        for (i, line) in body.lines().enumerate() {
            let a: Value = serde_json::from_str(line).unwrap();
            let id = a["article_id"].as_str().unwrap();
            let text = chars(a["text"].as_str().unwrap());
            let mut prev_end = 0;
            for q in a["quotes"].as_array().unwrap() {
                let content = q["text"].as_str().unwrap();
                let start = q["start"].as_u64().unwrap() as usize;
                let end = q["end"].as_u64().unwrap() as usize;
                let at = format!("{}:{} {id} {content:?}", f.display(), i + 1);
                assert!(start < end && end <= text.len(), "{at}: span out of range");
                assert!(
                    start >= prev_end,
                    "{at}: quotes overlap or are out of order"
                );
                prev_end = end;
                let pieces: Vec<(usize, usize)> = match q.get("pieces") {
                    Some(p) => p
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| {
                            (
                                p[0].as_u64().unwrap() as usize,
                                p[1].as_u64().unwrap() as usize,
                            )
                        })
                        .collect(),
                    None => vec![(start, end)],
                };
                assert!(!pieces.is_empty(), "{at}");
                assert_eq!(pieces[0].0, start, "{at}: first piece starts the quote");
                assert_eq!(pieces[pieces.len() - 1].1, end, "{at}: last piece ends it");
                let joined: Vec<String> = pieces
                    .iter()
                    .map(|&(s, e)| text[s..e].iter().collect())
                    .collect();
                assert_eq!(joined.join(" "), content, "{at}: text[start:end] differs");
                assert_eq!(content, content.trim(), "{at}: surrounding whitespace");
                assert!(!content.ends_with(','), "{at}: frame comma kept");
            }
        }
    }
}

#[test]
fn every_field_is_annotated_from_closed_vocabularies() {
    let mut ids = HashSet::new();
    for f in gold_files() {
        let body = std::fs::read_to_string(&f).unwrap();
        for line in body.lines() {
            let a: Value = serde_json::from_str(line).unwrap();
            let id = a["article_id"].as_str().unwrap().to_string();
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._/-".contains(c)),
                "{id}: article_id charset"
            );
            assert!(
                ids.insert(id.clone()),
                "{id} appears twice across the gold set"
            );
            let quotes = a["quotes"].as_array().unwrap();
            assert!(!quotes.is_empty(), "{id}: no quotes");
            for q in quotes {
                let at = format!("{id} {:?}", q["text"]);
                let s = |k: &str| q[k].as_str().unwrap_or_else(|| panic!("{at}: {k} missing"));
                assert!(QuoteKind::parse(s("kind")).is_some(), "{at}: kind");
                assert!(
                    SpeakerType::parse(s("speaker_type")).is_some(),
                    "{at}: speaker_type"
                );
                assert!(Gender::parse(s("speaker_gender")).is_some(), "{at}: gender");
                assert!(CueType::parse(s("cue_type")).is_some(), "{at}: cue_type");
                assert!(Stance::parse(s("stance")).is_some(), "{at}: stance");
                assert!(!s("speaker").is_empty(), "{at}: speaker");
                // Present, possibly null: mention and cue are null only for a quote-only
                // paragraph that inherits its speaker; role is null when none is stated.
                for k in ["speaker_mention", "role", "cue", "cue_lemma"] {
                    assert!(q.get(k).is_some(), "{at}: {k} absent");
                }
                assert_eq!(
                    q["cue"].is_null(),
                    q["cue_lemma"].is_null(),
                    "{at}: cue/lemma"
                );
            }
        }
    }
}

#[test]
fn the_set_covers_every_kind_cue_type_and_stance() {
    let mut kinds = HashSet::new();
    let mut cue_types = HashSet::new();
    let mut stances = HashSet::new();
    let mut speaker_types = HashSet::new();
    let mut interrupted = 0;
    for f in gold_files() {
        for (_, quotes) in load_gold(&f).unwrap().articles {
            for q in quotes {
                kinds.insert(q.kind);
                cue_types.insert(q.cue_type.unwrap());
                stances.insert(q.stance.unwrap());
                speaker_types.insert(q.speaker_type.unwrap());
                interrupted += (q.spans.len() > 1) as usize;
            }
        }
    }
    assert_eq!(kinds.len(), QuoteKind::ALL.len(), "{kinds:?}");
    assert_eq!(stances.len(), Stance::ALL.len(), "{stances:?}");
    assert_eq!(
        speaker_types.len(),
        SpeakerType::ALL.len(),
        "{speaker_types:?}"
    );
    let missing: Vec<_> = CueType::ALL
        .iter()
        .filter(|c| !cue_types.contains(c))
        .collect();
    assert!(missing.is_empty(), "cue types never annotated: {missing:?}");
    assert!(interrupted >= 10, "only {interrupted} joined quotes");
}
