//! `whosaid extract` end to end over the reader fixtures: the mixed-format nested folder
//! and the hostile folder (plus the symlinks, bomb and oversized file made here), run
//! through the real binary. Asserts each `articles.csv` row's status, error and text,
//! that the good files among the bad still give their quotes, and the exit code.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use common::{extract_cmd, extract_ok, fixtures, read_csv, stderr_of};

#[derive(Debug, Clone)]
struct Row {
    status: String,
    error: String,
    title: String,
    text: String,
    source_path: String,
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn articles(out: &Path) -> Vec<(String, Row)> {
    read_csv(&out.join("articles.csv"))
        .records()
        .into_iter()
        .map(|mut r| {
            let mut take = |name: &str| r.remove(name).unwrap();
            let id = take("article_id");
            let row = Row {
                status: take("status"),
                error: take("error"),
                title: take("title"),
                text: take("text"),
                source_path: take("source_path"),
            };
            (id, row)
        })
        .collect()
}

/// Quote texts per article id.
fn quotes(out: &Path) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for mut r in read_csv(&out.join("quotes.csv")).records() {
        let text = r.remove("text").unwrap();
        map.entry(r.remove("article_id").unwrap())
            .or_default()
            .push(text);
    }
    map
}

fn has_quote(q: &BTreeMap<String, Vec<String>>, id: &str, words: &str) -> bool {
    q.get(id)
        .is_some_and(|v| v.iter().any(|t| t.contains(words)))
}

#[test]
fn mixed_nested_folder_reads_every_format_and_gives_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    extract_ok(&fixtures("inputs"), &out, &["--format", "csv"]).code(0);
    let rows = articles(&out);
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gz-1",
            "gz-2",
            "wire-001",
            "feeds/wire#2",
            "feeds/wire#3",
            "notes",
            "top",
            "world/c",
            "world/europe/berlin",
            "world/one",
            "world/page"
        ],
        "input order: sorted by path, JSONL lines in order, hidden files skipped"
    );
    let row = |id: &str| rows.iter().find(|(i, _)| i == id).unwrap().1.clone();
    for (id, r) in &rows {
        assert_eq!(r.status, "ok", "{id}: {}", r.error);
    }
    assert_eq!(
        row("notes").error,
        "unknown extension .csv: read as plain text"
    );
    assert_eq!(row("top").error, "");
    assert_eq!(row("world/page").title, "Port strike ends");
    assert_eq!(
        row("world/page").text,
        "Port strike ends\nDock workers returned on Monday.\n\"We got the deal we asked for,\" said union chief Ann Cole.\nPay rises 5%\nShifts shorten"
    );
    assert!(row("world/c").source_path.ends_with("world/c.txt.zst"));

    let q = quotes(&out);
    for (id, words) in [
        ("top", "fund every library"),
        ("world/europe/berlin", "Rents have doubled"),
        ("world/page", "the deal we asked for"),
        ("world/one", "every ten minutes"),
        ("world/c", "Stay indoors"),
        ("wire-001", "best in a decade"),
        ("feeds/wire#2", "more rain next week"),
        ("feeds/wire#3", "stay open all summer"),
        ("gz-1", "bridge repairs"),
    ] {
        assert!(
            has_quote(&q, id, words),
            "{id}: no quote with {words:?} in {q:?}"
        );
    }
    assert!(
        !q.values()
            .flatten()
            .any(|t| t.contains("Buy now") || t.contains("other stories")),
        "quotes from scripts and asides must not appear: {q:?}"
    );
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

#[test]
fn hostile_folder_gives_one_row_per_input_with_its_reason_and_good_files_still_quote() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile");
    copy_tree(&fixtures("hostile"), &hostile);
    std::fs::write(hostile.join("huge.txt"), "y".repeat(150_000)).unwrap();
    std::fs::write(hostile.join("bomb.txt.gz"), gzip(&vec![b'a'; 20_000_000])).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(hostile.join("missing.txt"), hostile.join("dangling.txt")).unwrap();
        std::fs::create_dir(hostile.join("sub")).unwrap();
        symlink(&hostile, hostile.join("sub/loop")).unwrap();
    }
    let out = dir.path().join("out");
    let assert = extract_cmd(&hostile, &out)
        .args(["--format", "csv", "--max-article-bytes", "100000"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("errors"), "summary counts errors: {stderr}");

    let rows = articles(&out);
    let row = |id: &str| {
        rows.iter()
            .find(|(i, _)| i == id)
            .unwrap_or_else(|| panic!("no row {id}"))
            .1
            .clone()
    };
    let expect = |id: &str, status: &str, error: &str| {
        let r = row(id);
        assert_eq!(
            (r.status.as_str(), r.error.as_str()),
            (status, error),
            "{id}"
        );
    };
    expect("bom_utf8", "ok", "");
    expect("utf16le", "ok", "decoded as UTF-16LE (byte order mark)");
    expect("utf16be", "ok", "decoded as UTF-16BE (byte order mark)");
    expect(
        "windows1252",
        "ok",
        "not valid UTF-8 (first invalid byte at offset 3); assumed Windows-1252",
    );
    expect("crlf", "ok", "");
    expect("lone_cr", "ok", "");
    expect(
        "nul_bytes",
        "error",
        "binary file: NUL byte at offset 15; not read",
    );
    expect(
        "image",
        "error",
        "binary file: NUL byte at offset 8 (unknown extension .png; not read)",
    );
    expect("empty", "empty", "empty file");
    expect("whitespace", "empty", "no text: whitespace only");
    expect(
        "malformed#2",
        "error",
        "line 2, column 37: invalid JSON: EOF while parsing a string",
    );
    expect("ok-3", "ok", "");
    expect(
        "no-text",
        "empty",
        "no text field (looked for: text, maintext, body, content)",
    );
    expect(
        "not_gzip",
        "error",
        "truncated or corrupt gzip data: invalid gzip header",
    );
    expect(
        "truncated",
        "error",
        "truncated or corrupt gzip data: incomplete deflate stream",
    );
    expect(
        "unknown",
        "ok",
        "unknown extension .xyz: read as plain text",
    );
    expect(
        "huge",
        "error",
        "article is 150000 bytes, over --max-article-bytes 100000",
    );
    expect(
        "bomb",
        "error",
        "article is over --max-article-bytes 100000 once decompressed: gzip data stopped at the limit (possible decompression bomb)",
    );
    #[cfg(unix)]
    {
        expect(
            "dangling",
            "error",
            &format!(
                "broken symlink: target {} does not exist",
                hostile.join("missing.txt").display()
            ),
        );
        expect(
            "sub/loop",
            "error",
            &format!(
                "symlink loop: points back to its ancestor folder {}",
                hostile.display()
            ),
        );
    }
    assert!(row("truncated#97")
        .error
        .starts_with("truncated or corrupt gzip data after line 96"));
    for (id, r) in &rows {
        if r.status == "error" {
            assert_eq!(r.text, "", "{id}: failed rows carry no text");
        }
    }
    assert_eq!(
        row("crlf").text,
        row("lone_cr").text.replace("Lone CR", "CRLF")
    );
    assert!(!row("utf16le").text.contains('\r'));

    let q = quotes(&out);
    for id in [
        "bom_utf8",
        "utf16le",
        "utf16be",
        "crlf",
        "lone_cr",
        "invalid_utf8",
        "unknown",
        "ok-1",
    ] {
        assert!(has_quote(&q, id, "flood the lower town"), "{id}: {q:?}");
    }
    assert!(has_quote(
        &q,
        "windows1252",
        "every caf\u{e9} on this street"
    ));
    assert!(has_quote(&q, "ok-3", "Repairs start on Monday"));
    assert!(has_quote(&q, "t-96", "Line 96 of the truncated feed"));
    for id in ["nul_bytes", "image", "empty", "huge", "bomb", "malformed#2"] {
        assert!(!q.contains_key(id), "{id} gives no quotes");
    }
}
