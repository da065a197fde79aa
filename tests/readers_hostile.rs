//! The readers on hostile input, through `corpus::discover` and `corpus::read`: the
//! committed fixtures in `tests/fixtures/hostile` (encodings, line ends, NUL bytes,
//! empty files, malformed JSON lines, truncated gzip) plus what cannot be committed
//! sanely and is made here in a temp dir (symlink loops, broken symlinks, a file without
//! read permission, decompression bombs, a file over the size limit). Every input must
//! give exactly the records expected, with the status and message that name the reason.

use std::io::Write;
use std::path::{Path, PathBuf};

use whosaid::config::ReadConfig;
use whosaid::corpus::{self, InputFile};
use whosaid::model::{InputRecord, Status};

const Q: &str = "\"The river will flood the lower town by Friday,\" said engineer Rosa Marin.";

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn read_all(files: &[InputFile], cfg: &ReadConfig) -> Vec<InputRecord> {
    files.iter().flat_map(|f| corpus::read(f, cfg)).collect()
}

fn read_path(path: &Path, cfg: &ReadConfig) -> Vec<InputRecord> {
    read_all(&corpus::discover(&[path.to_path_buf()]).unwrap(), cfg)
}

fn one(path: &Path, cfg: &ReadConfig) -> InputRecord {
    let mut recs = read_path(path, cfg);
    assert_eq!(recs.len(), 1, "{recs:#?}");
    recs.remove(0)
}

fn small_limit() -> ReadConfig {
    ReadConfig {
        max_article_bytes: 100_000,
        ..ReadConfig::default()
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

#[test]
fn encodings_decode_to_the_same_text_and_say_what_was_assumed() {
    let cfg = ReadConfig::default();
    let cases = [
        ("bom_utf8.txt", "Flood warning", None),
        (
            "utf16le.txt",
            "Flood warning UTF-16LE",
            Some("decoded as UTF-16LE (byte order mark)"),
        ),
        (
            "utf16be.txt",
            "Flood warning UTF-16BE",
            Some("decoded as UTF-16BE (byte order mark)"),
        ),
    ];
    for (name, title, note) in cases {
        let r = one(&hostile().join(name), &cfg);
        assert_eq!(r.status, Status::Ok, "{name}");
        assert_eq!(r.error.as_deref(), note, "{name}");
        assert_eq!(r.article.title.as_deref(), Some(title), "{name}");
        assert_eq!(r.article.text, format!("{title}\n{Q}\n"), "{name}");
    }
}

#[test]
fn windows_1252_is_assumed_and_noted() {
    let r = one(&hostile().join("windows1252.txt"), &ReadConfig::default());
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.error.as_deref(),
        Some("not valid UTF-8 (first invalid byte at offset 3); assumed Windows-1252")
    );
    assert_eq!(r.article.title.as_deref(), Some("Caf\u{e9} owners protest"));
    assert!(r.article.text.contains("every caf\u{e9} on this street"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_noted() {
    let r = one(&hostile().join("invalid_utf8.txt"), &ReadConfig::default());
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.error.as_deref(),
        Some("not valid UTF-8 (first invalid byte at offset 35); decoded as UTF-8 with 2 invalid sequence(s) replaced by U+FFFD")
    );
    assert!(r
        .article
        .text
        .starts_with("R\u{e9}sum\u{e9} of the d\u{e9}bat"));
    assert!(r.article.text.contains("\u{FFFD}\u{FFFD} broken bytes\n"));
}

#[test]
fn crlf_and_lone_cr_become_lf() {
    for (name, title) in [
        ("crlf.txt", "CRLF line ends"),
        ("lone_cr.txt", "Lone CR line ends"),
    ] {
        let r = one(&hostile().join(name), &ReadConfig::default());
        assert_eq!(r.status, Status::Ok);
        assert_eq!(r.error, None);
        assert_eq!(r.article.text, format!("{title}\n{Q}\nLast line.\n"));
    }
}

#[test]
fn nul_bytes_and_binary_files_are_errors_naming_the_reason() {
    let r = one(&hostile().join("nul_bytes.txt"), &ReadConfig::default());
    assert_eq!(r.status, Status::Error);
    assert_eq!(
        r.error.as_deref(),
        Some("binary file: NUL byte at offset 15; not read")
    );
    assert_eq!(r.article.text, "");
    let r = one(&hostile().join("image.png"), &ReadConfig::default());
    assert_eq!(r.status, Status::Error);
    assert_eq!(
        r.error.as_deref(),
        Some("binary file: NUL byte at offset 8 (unknown extension .png; not read)")
    );
}

#[test]
fn empty_and_whitespace_only_files_are_empty() {
    let r = one(&hostile().join("empty.txt"), &ReadConfig::default());
    assert_eq!(
        (r.status, r.error.as_deref()),
        (Status::Empty, Some("empty file"))
    );
    let r = one(&hostile().join("whitespace.md"), &ReadConfig::default());
    assert_eq!(
        (r.status, r.error.as_deref()),
        (Status::Empty, Some("no text: whitespace only"))
    );
    let r = one(&hostile().join("script_only.html"), &ReadConfig::default());
    assert_eq!(r.status, Status::Empty);
    assert!(r.error.unwrap().starts_with("no article text in the page"));
    assert_eq!(r.article.title.as_deref(), Some("Empty page"));
}

#[test]
fn malformed_json_lines_are_error_rows_and_the_rest_is_read() {
    let recs = read_path(&hostile().join("malformed.jsonl"), &ReadConfig::default());
    let rows: Vec<(&str, Status, Option<&str>)> = recs
        .iter()
        .map(|r| (r.article.id.as_str(), r.status, r.error.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("ok-1", Status::Ok, None),
            (
                "malformed#2",
                Status::Error,
                Some("line 2, column 37: invalid JSON: EOF while parsing a string")
            ),
            ("ok-3", Status::Ok, None),
            (
                "malformed#4",
                Status::Error,
                Some("line 4, column 1: invalid JSON: invalid type: sequence, expected a JSON object holding one article")
            ),
            (
                "no-text",
                Status::Empty,
                Some("no text field (looked for: text, maintext, body, content)")
            ),
        ]
    );
    assert_eq!(recs[0].article.text, Q);
}

#[test]
fn truncated_jsonl_gz_keeps_the_lines_before_the_break() {
    let recs = read_path(
        &hostile().join("truncated.jsonl.gz"),
        &ReadConfig::default(),
    );
    let (last, good) = recs.split_last().unwrap();
    assert!(good.len() > 50, "{} lines kept", good.len());
    for (i, r) in good.iter().enumerate() {
        assert_eq!(r.status, Status::Ok);
        assert_eq!(r.article.id, format!("t-{}", i + 1));
    }
    assert_eq!(last.status, Status::Error);
    assert_eq!(last.article.id, format!("truncated#{}", good.len() + 1));
    assert_eq!(
        last.error.as_deref().unwrap(),
        format!(
            "truncated or corrupt gzip data after line {}: incomplete deflate stream; the rest of the file was not read",
            good.len()
        )
    );
}

#[test]
fn truncated_and_fake_gzip_files_are_errors() {
    let r = one(&hostile().join("truncated.txt.gz"), &ReadConfig::default());
    assert_eq!(r.status, Status::Error);
    assert_eq!(
        r.error.as_deref(),
        Some("truncated or corrupt gzip data: incomplete deflate stream")
    );
    let r = one(&hostile().join("not_gzip.txt.gz"), &ReadConfig::default());
    assert_eq!(
        (r.status, r.error.as_deref()),
        (
            Status::Error,
            Some("truncated or corrupt gzip data: invalid gzip header")
        )
    );
}

#[test]
fn the_hostile_folder_gives_one_record_per_file_and_per_json_line() {
    let files = corpus::discover(&[hostile()]).unwrap();
    assert_eq!(files.len(), 17);
    for f in &files {
        let recs: Vec<_> = corpus::read(f, &ReadConfig::default()).collect();
        assert!(!recs.is_empty(), "{}", f.path.display());
        if !f.id.ends_with("jsonl") && !f.path.to_string_lossy().contains(".jsonl") {
            assert_eq!(recs.len(), 1, "{}", f.path.display());
        }
        for r in &recs {
            assert!(r.status == Status::Ok || r.error.is_some(), "{r:?}");
        }
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_symlinks_are_error_records_not_walk_aborts() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.txt"), "Alpha\n").unwrap();
    std::fs::write(root.join("sub/z.txt"), "Zulu\n").unwrap();
    symlink(&root, root.join("sub/loop")).unwrap();
    symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    symlink("self.txt", root.join("self.txt")).unwrap();

    let files = corpus::discover(std::slice::from_ref(&root)).unwrap();
    let recs = read_all(&files, &ReadConfig::default());
    let rows: Vec<(&str, Status)> = recs
        .iter()
        .map(|r| (r.article.id.as_str(), r.status))
        .collect();
    assert_eq!(
        rows,
        [
            ("a", Status::Ok),
            ("dangling", Status::Error),
            ("self", Status::Error),
            ("sub/loop", Status::Error),
            ("sub/z", Status::Ok),
        ]
    );
    let msg = |id: &str| {
        recs.iter()
            .find(|r| r.article.id == id)
            .unwrap()
            .error
            .clone()
            .unwrap()
    };
    assert_eq!(
        msg("dangling"),
        format!(
            "broken symlink: target {} does not exist",
            root.join("missing.txt").display()
        )
    );
    assert!(msg("self").starts_with("symlink loop"), "{}", msg("self"));
    assert_eq!(
        msg("sub/loop"),
        format!(
            "symlink loop: points back to its ancestor folder {}",
            root.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_an_error_record() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("locked.txt");
    std::fs::write(&p, "Secret\n").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = one(&p, &ReadConfig::default());
    if std::fs::File::open(&p).is_ok() {
        // Running as root: permissions are not enforced, so the file is simply read.
        assert_eq!(
            (r.status, r.article.text.as_str()),
            (Status::Ok, "Secret\n")
        );
    } else {
        assert_eq!(r.status, Status::Error);
        assert!(r
            .error
            .unwrap()
            .starts_with("cannot open: Permission denied"));
    }
}

#[test]
fn a_file_over_the_limit_is_an_error_and_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    std::fs::write(&p, "x".repeat(150_000)).unwrap();
    let r = one(&p, &small_limit());
    assert_eq!(r.status, Status::Error);
    assert_eq!(
        r.error.as_deref(),
        Some("article is 150000 bytes, over --max-article-bytes 100000")
    );
    assert_eq!(r.input_bytes, 150_000);
}

#[test]
fn decompression_bombs_are_stopped_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let payload = vec![b'a'; 50_000_000];
    let gz = dir.path().join("bomb.txt.gz");
    std::fs::write(&gz, gzip(&payload)).unwrap();
    let zst = dir.path().join("bomb.md.zst");
    std::fs::write(&zst, zstd::encode_all(&payload[..], 19).unwrap()).unwrap();
    for (path, label) in [(&gz, "gzip"), (&zst, "zstd")] {
        let size = std::fs::metadata(path).unwrap().len();
        assert!(size < 100_000, "{label} bomb is small on disk: {size}");
        let r = one(path, &small_limit());
        assert_eq!(r.status, Status::Error);
        assert_eq!(
            r.error.unwrap(),
            format!("article is over --max-article-bytes 100000 once decompressed: {label} data stopped at the limit (possible decompression bomb)")
        );
    }
}

#[test]
fn a_jsonl_line_over_the_limit_is_skipped_and_the_next_lines_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("feed.jsonl.gz");
    let big = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "b".repeat(40_000_000));
    let body = format!(
        "{{\"id\":\"first\",\"text\":\"One.\"}}\n{big}\n{{\"id\":\"third\",\"text\":\"Three.\"}}\n"
    );
    std::fs::write(&p, gzip(body.as_bytes())).unwrap();
    let recs = read_path(&p, &small_limit());
    let rows: Vec<(&str, Status, Option<&str>)> = recs
        .iter()
        .map(|r| (r.article.id.as_str(), r.status, r.error.as_deref()))
        .collect();
    let msg = format!(
        "line 2: article is {} bytes, over --max-article-bytes 100000",
        big.len()
    );
    assert_eq!(
        rows,
        [
            ("first", Status::Ok, None),
            ("feed#2", Status::Error, Some(msg.as_str())),
            ("third", Status::Ok, None),
        ]
    );
}

#[test]
fn an_empty_jsonl_file_still_gives_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nothing.jsonl");
    std::fs::write(&p, "\n  \n").unwrap();
    let r = one(&p, &ReadConfig::default());
    assert_eq!(
        (r.article.id.as_str(), r.status, r.error.as_deref()),
        (
            "nothing",
            Status::Empty,
            Some("no articles: the file has no JSON lines")
        )
    );
}

/// A fast deterministic byte generator, so the stream test's data does not compress away.
fn noise(n: usize) -> String {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (b'a' + (x % 26) as u8) as char
        })
        .collect()
}

#[test]
fn jsonl_zst_is_streamed_not_loaded_whole() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("stream.jsonl.zst");
    let words = noise(50_000 * 60);
    let mut body = String::new();
    for i in 0..50_000 {
        let text = &words[i * 60..(i + 1) * 60];
        body.push_str(&format!("{{\"id\":\"s{i}\",\"text\":\"{text}\"}}\n"));
    }
    std::fs::write(&p, zstd::encode_all(body.as_bytes(), 1).unwrap()).unwrap();
    let size = std::fs::metadata(&p).unwrap().len();
    let files = corpus::discover(std::slice::from_ref(&p)).unwrap();
    let mut it = corpus::read(&files[0], &ReadConfig::default());
    let first = it.next().unwrap();
    assert_eq!(first.article.id, "s0");
    assert!(
        first.input_bytes < size / 4,
        "the first line came after reading {} of {size} compressed bytes",
        first.input_bytes
    );
    let rest: Vec<InputRecord> = it.collect();
    assert_eq!(rest.len(), 49_999);
    assert_eq!(rest.last().unwrap().article.id, "s49999");
    let total: u64 = first.input_bytes + rest.iter().map(|r| r.input_bytes).sum::<u64>();
    assert_eq!(
        total, size,
        "every compressed byte is accounted to some record"
    );
}
