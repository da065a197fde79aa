//! `whosaid eval` end to end: the real binary on small synthetic gold files (written to a
//! temp dir) whose figures are known by hand, its JSON and table output, its error lists
//! and its exit codes on unreadable gold.
//!
//! The articles are built so that any working extractor finds exactly what the test
//! expects: a plain `"...," said Name` direct quote, and (for the recall test) a gold
//! span over a sentence that no extractor would report, standing in for a missed quote.

mod common;

use std::path::{Path, PathBuf};

use common::{stderr_of, whosaid};
use serde_json::{json, Value};

const QUOTE: &str = "We will open the new bridge in May";
const TEXT: &str = "\"We will open the new bridge in May,\" said Ana Diaz, the mayor of Kelburn.";

fn direct_quote() -> Value {
    json!({"text": QUOTE, "kind": "direct", "speaker": "Ana Diaz", "speaker_mention": "Ana Diaz",
           "speaker_type": "person", "speaker_gender": "unknown", "role": "mayor of Kelburn",
           "cue": "said", "cue_lemma": "say", "cue_type": "statement", "stance": "neutral",
           "start": 1, "end": 35})
}

fn write_gold(dir: &Path, name: &str, articles: &[Value]) -> PathBuf {
    let p = dir.join(name);
    let body: String = articles.iter().map(|a| format!("{a}\n")).collect();
    std::fs::write(&p, body).unwrap();
    p
}

fn perfect(dir: &Path) -> PathBuf {
    write_gold(
        dir,
        "perfect.jsonl",
        &[
            json!({"article_id": "bridge-1", "source": "synthetic", "text": TEXT,
                 "quotes": [direct_quote()]}),
        ],
    )
}

fn one_missing(dir: &Path) -> PathBuf {
    let text = format!("{TEXT}\nThe bridge opens in May.");
    let start = text.find("The bridge opens").unwrap();
    write_gold(
        dir,
        "one_missing.jsonl",
        &[
            json!({"article_id": "bridge-2", "source": "synthetic", "text": text,
                 "quotes": [direct_quote(),
                            {"text": "The bridge opens in May", "kind": "indirect",
                             "speaker": "Ana Diaz", "start": start, "end": start + 23}]}),
        ],
    )
}

fn eval_json(args: &[&Path], extra: &[&str]) -> Value {
    let mut cmd = whosaid();
    cmd.arg("eval")
        .arg("--json")
        .args(extra)
        .arg("--gold")
        .args(args);
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("eval --json prints one JSON document")
}

/// `whosaid eval <args...> --gold <gold>`: its stdout, after checking it succeeded.
fn eval_stdout(args: &[&str], gold: &Path) -> String {
    let a = whosaid()
        .arg("eval")
        .args(args)
        .arg("--gold")
        .arg(gold)
        .assert();
    String::from_utf8(a.success().get_output().stdout.clone()).unwrap()
}

/// `whosaid eval <args...> --gold <gold>`: its stderr, after checking it exited 2.
fn eval_fails(args: &[&str], gold: &Path) -> String {
    stderr_of(
        &whosaid()
            .arg("eval")
            .args(args)
            .arg("--gold")
            .arg(gold)
            .assert()
            .code(2),
    )
}

fn f(v: &Value, path: &str) -> f64 {
    v.pointer(path)
        .unwrap_or_else(|| panic!("no {path} in {v}"))
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number in {v}"))
}

#[test]
fn perfect_prediction_scores_f1_one() {
    let dir = tempfile::tempdir().unwrap();
    let gold = perfect(dir.path());
    let v = eval_json(&[&gold], &[]);
    for t in ["0.3", "0.5", "0.8"] {
        assert_eq!(f(&v, &format!("/files/0/kinds/all/quote/{t}/f1")), 1.0);
        assert_eq!(f(&v, &format!("/files/0/kinds/direct/quote/{t}/f1")), 1.0);
    }
    assert_eq!(f(&v, "/files/0/kinds/all/exact_span/accuracy"), 1.0);
    assert_eq!(f(&v, "/files/0/kinds/all/kind_accuracy/accuracy"), 1.0);
    assert_eq!(v.pointer("/files/0/kinds/all/gold"), Some(&json!(1)));
    assert_eq!(v.pointer("/files/0/kinds/all/predicted"), Some(&json!(1)));
    // No indirect quote in gold or prediction: undefined, not zero.
    assert_eq!(
        v.pointer("/files/0/kinds/indirect/quote/0.5/f1"),
        Some(&Value::Null)
    );
    // Every prediction lands in exactly one confidence bucket.
    let buckets = v
        .pointer("/files/0/confidence")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(buckets.len(), 4);
    let total: u64 = buckets
        .iter()
        .map(|b| b["predicted"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 1);
}

#[test]
fn one_missing_quote_gives_recall_exactly_half() {
    let dir = tempfile::tempdir().unwrap();
    let gold = one_missing(dir.path());
    let v = eval_json(&[&gold], &[]);
    assert_eq!(f(&v, "/files/0/kinds/all/quote/0.5/recall"), 0.5);
    assert_eq!(f(&v, "/files/0/kinds/all/quote/0.5/precision"), 1.0);
    assert!((f(&v, "/files/0/kinds/all/quote/0.5/f1") - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(f(&v, "/files/0/kinds/indirect/quote/0.5/recall"), 0.0);
    assert_eq!(f(&v, "/files/0/kinds/direct/quote/0.5/recall"), 1.0);
}

#[test]
fn overall_pools_the_counts_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = perfect(dir.path());
    let b = one_missing(dir.path());
    let v = eval_json(&[&a, &b], &[]);
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    assert_eq!(v.pointer("/overall/articles"), Some(&json!(2)));
    assert_eq!(v.pointer("/overall/kinds/all/gold"), Some(&json!(3)));
    assert!((f(&v, "/overall/kinds/all/quote/0.5/recall") - 2.0 / 3.0).abs() < 1e-12);
    // A folder is read as its *.jsonl files, sorted by name: the same figures.
    let w = eval_json(&[dir.path()], &[]);
    assert_eq!(v["overall"], w["overall"]);
}

#[test]
fn json_output_is_stable_and_ordered() {
    let dir = tempfile::tempdir().unwrap();
    let gold = one_missing(dir.path());
    let first = eval_stdout(&["--json"], &gold);
    assert_eq!(first, eval_stdout(&["--json"], &gold));
    let files = first.find("\"files\"").unwrap();
    let overall = first.find("\"overall\"").unwrap();
    assert!(files < overall);
    let p = first.find("\"precision\"").unwrap();
    let r = first.find("\"recall\"").unwrap();
    assert!(p < r);
    assert!(!first.contains("\"errors\""), "errors only with --errors");
}

#[test]
fn errors_list_the_missed_quote_with_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let gold = one_missing(dir.path());
    let v = eval_json(&[&gold], &["--errors", "5"]);
    let missed = v.pointer("/errors/missed").unwrap().as_array().unwrap();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0]["article_id"], "bridge-2");
    assert_eq!(missed[0]["gold"]["start"], 75);
    assert_eq!(missed[0]["gold"]["end"], 98);
    assert_eq!(missed[0]["gold"]["text"], "The bridge opens in May");
    assert_eq!(v.pointer("/errors/spurious").unwrap(), &json!([]));

    let out = eval_stdout(&["--errors", "5"], &gold);
    assert!(out.contains("== missed (1)"), "{out}");
    assert!(out.contains("bridge-2 [75,98) indirect"), "{out}");
    assert!(out.contains("The bridge opens in May"), "{out}");
}

#[test]
fn table_shows_each_kind_and_the_headline_figures() {
    let dir = tempfile::tempdir().unwrap();
    let gold = one_missing(dir.path());
    let out = eval_stdout(&["--by-rule"], &gold);
    assert!(
        out.contains("1 articles, 2 gold quotes, 1 predicted"),
        "{out}"
    );
    let all = out.lines().find(|l| l.starts_with("all ")).unwrap();
    let cells: Vec<&str> = all.split_whitespace().collect();
    assert_eq!(
        &cells[..6],
        &["all", "2", "1", "1.000", "0.500", "0.667"],
        "{out}"
    );
    for kind in ["direct", "indirect", "mixed"] {
        assert!(
            out.lines().any(|l| l.starts_with(kind)),
            "{kind} row in {out}"
        );
    }
    assert!(out.contains("quote rule"), "{out}");
    assert!(out.contains("speaker rule"), "{out}");
}

#[test]
fn unreadable_gold_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.jsonl");
    let e = eval_fails(&[], &missing);
    assert!(e.contains("nope.jsonl"), "{e}");

    let broken = dir.path().join("broken.jsonl");
    std::fs::write(
        &broken,
        format!(
            "{}\n{{not json\n",
            json!({"article_id": "a", "text": "x", "quotes": []})
        ),
    )
    .unwrap();
    let e = eval_fails(&[], &broken);
    assert!(e.contains("broken.jsonl, line 2"), "{e}");
}

#[test]
fn gold_outside_its_vocabulary_or_text_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut q = direct_quote();
    q["stance"] = json!("enthusiastic");
    let bad_vocab = write_gold(
        dir.path(),
        "vocab.jsonl",
        &[json!({"article_id": "v", "text": TEXT, "quotes": [q]})],
    );
    let e = eval_fails(&[], &bad_vocab);
    assert!(e.contains("stance \"enthusiastic\""), "{e}");

    let mut q = direct_quote();
    q["end"] = json!(500);
    let bad_span = write_gold(
        dir.path(),
        "span.jsonl",
        &[json!({"article_id": "s", "text": TEXT, "quotes": [q]})],
    );
    let e = eval_fails(&[], &bad_span);
    assert!(e.contains("outside the article text"), "{e}");
}

#[test]
fn unreadable_lexicon_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let gold = perfect(dir.path());
    let lexicon = dir.path().join("no_such_lexicon.tsv");
    let e = eval_fails(&["--lexicon", lexicon.to_str().unwrap()], &gold);
    assert!(e.contains("no_such_lexicon.tsv"), "{e}");
}

#[test]
fn help_shows_examples() {
    let a = whosaid().args(["eval", "--help"]).assert().success();
    let out = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    for needle in ["Examples:", "--by-rule", "--errors", "--json", "--lexicon"] {
        assert!(out.contains(needle), "{needle} in {out}");
    }
}
