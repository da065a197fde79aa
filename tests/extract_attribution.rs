//! The attribution engine through the real binary: `whosaid extract` on articles in a temp
//! dir, the `quotes.csv` rows it writes, and `--lexicon` files extending the built-in cues.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{extract_cmd, extract_ok, read_csv, stderr_of};

/// Rows of quotes.csv as maps column -> value.
fn quotes(out: &Path) -> Vec<BTreeMap<String, String>> {
    read_csv(&out.join("quotes.csv")).records()
}

const ARTICLE: &str = "Ferry firm cuts winter sailings

Island Ferries will cut its winter timetable by a third, the company said on Monday.

Managing director Carla Stein said fuel costs had risen \"beyond anything we planned for\".

\"We have no choice,\" she told reporters. \"The alternative is losing the route altogether.\"

Islanders say the cuts will leave them stranded.

Local councillor Owen Pike refused to back the plan, and Ms Stein did not deny that further cuts were possible.
";

#[test]
fn extract_writes_attributed_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("ferry.txt"), ARTICLE).unwrap();
    let out = dir.path().join("out");
    extract_ok(&input, &out, &["--format", "csv"]);
    let rows = quotes(&out);
    let by_text = |p: &str| {
        rows.iter()
            .find(|r| r["text"].starts_with(p))
            .unwrap_or_else(|| panic!("no quote {p:?} in {rows:#?}"))
    };
    let q = by_text("Island Ferries will cut");
    assert_eq!(q["kind"], "indirect");
    assert_eq!(q["speaker"], "Island Ferries");
    assert_eq!(q["speaker_mention"], "the company");
    assert_eq!(q["speaker_type"], "organization");
    assert_eq!(q["rule"], "indirect/postposed;speaker/description");

    let q = by_text("fuel costs");
    assert_eq!(q["kind"], "mixed");
    assert_eq!(
        q["text"],
        "fuel costs had risen \"beyond anything we planned for\""
    );
    assert_eq!(q["speaker"], "Carla Stein");
    assert_eq!(q["role"], "managing director");

    let q = by_text("We have no choice");
    assert_eq!(q["kind"], "direct");
    assert_eq!(
        q["text"],
        "We have no choice The alternative is losing the route altogether."
    );
    assert_eq!(q["speaker"], "Carla Stein");
    assert_eq!(q["speaker_mention"], "she");
    assert_eq!(q["speaker_gender"], "female");
    assert_eq!(q["cue"], "told reporters");
    assert_eq!(q["cue_lemma"], "tell");
    assert_eq!(q["role"], "managing director");
    assert_eq!(q["rule"], "direct/postposed;speaker/pronoun");

    let q = by_text("the cuts will leave");
    assert_eq!(q["speaker"], "islanders");
    assert_eq!(q["speaker_type"], "group");

    let q = by_text("further cuts");
    assert_eq!(q["cue"], "did not deny");
    assert_eq!(q["cue_type"], "other");
    assert_eq!(q["stance"], "neutral");
    assert_eq!(q["speaker"], "Carla Stein");
    // "refused to back the plan" has no reported clause: not a quotation.
    assert!(
        !rows.iter().any(|r| r["speaker"] == "Owen Pike"),
        "{rows:#?}"
    );
    // Confidence: a named speaker in the sentence ranks above a pronoun-resolved one.
    let named: f64 = by_text("fuel costs")["confidence"].parse().unwrap();
    let pronoun: f64 = by_text("We have no choice")["confidence"].parse().unwrap();
    assert!(named > pronoun);
}

#[test]
fn lexicon_file_adds_a_reporting_verb() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Headline\n\nThe harbourmaster Jo Finch quipped that the tide waits for nobody.\n",
    )
    .unwrap();
    let plain = dir.path().join("plain");
    extract_ok(&input, &plain, &["--format", "csv"]);
    assert!(quotes(&plain).is_empty());

    let lex = dir.path().join("cues.tsv");
    std::fs::write(
        &lex,
        "#kind reporting_verbs\nquip\tquip quips quipped quipping\tstatement\tneutral\tbare\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    extract_ok(
        &input,
        &out,
        &["--format", "csv", "--lexicon", lex.to_str().unwrap()],
    );
    let rows = quotes(&out);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["text"], "the tide waits for nobody");
    assert_eq!(rows[0]["cue_lemma"], "quip");
    assert_eq!(rows[0]["speaker"], "Jo Finch");
}

#[test]
fn bad_lexicon_file_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Text.\n").unwrap();
    let lex = dir.path().join("broken.tsv");
    std::fs::write(&lex, "quip\tquipped\tstatement\tneutral\tbare\n").unwrap();
    let a = extract_cmd(&input, &dir.path().join("out"))
        .arg("--quiet")
        .arg("--lexicon")
        .arg(&lex)
        .assert()
        .failure();
    let err = stderr_of(&a);
    assert!(err.contains("broken.tsv"), "{err}");
    assert!(err.contains("#kind"), "{err}");
}
