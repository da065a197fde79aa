//! Property tests of every reader on arbitrary and adversarial bytes: no panic, at least
//! one record per input, every record that is not `ok` says why, `ok` records have text
//! with only `\n` line ends, and JSONL gives exactly one record per non-blank line.
//!
//! `PROPTEST_CASES=200000 cargo test --release --test readers_proptest` is the long run
//! (the stand-in for fuzzing where cargo-fuzz is not available).

use std::io::Write;

use proptest::prelude::*;
use whosaid::config::ReadConfig;
use whosaid::corpus;
use whosaid::model::{InputRecord, Status};

const NAMES: &[&str] = &[
    "a.txt",
    "a.md",
    "a.html",
    "a.json",
    "a.jsonl",
    "a.txt.gz",
    "a.jsonl.gz",
    "a.html.zst",
    "a.jsonl.zst",
    "a.xyz",
];

fn cfg(limit: u64) -> ReadConfig {
    ReadConfig {
        max_article_bytes: limit,
        ..ReadConfig::default()
    }
}

fn check(name: &str, recs: &[InputRecord]) {
    assert!(!recs.is_empty(), "{name}: no record");
    for r in recs {
        match r.status {
            Status::Ok => {
                assert!(!r.article.text.trim().is_empty(), "{name}: ok without text");
                assert!(!r.article.text.contains('\r'), "{name}: CR left in text");
            }
            Status::Empty | Status::Error => {
                assert!(
                    r.error.as_deref().is_some_and(|e| !e.is_empty()),
                    "{name}: {:?} without a reason",
                    r.status
                );
            }
        }
        assert!(!r.article.id.is_empty(), "{name}: empty id");
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// Text-like bytes: words, quotes, markup, line ends, the odd high or control byte.
fn texty() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"said ".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<script>".to_vec()),
        Just(b"<nav>".to_vec()),
        Just(b"&amp;".to_vec()),
        Just(b"{\"text\":\"".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\xFF\xFE".to_vec()),
        Just("\u{e9}\u{201c}".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..4),
        "[a-zA-Z ,.]{1,12}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_bytes_through_every_reader(bytes in prop::collection::vec(any::<u8>(), 0..2048), limit in 1u64..4096) {
        for name in NAMES {
            let recs: Vec<_> = corpus::read_bytes(name, bytes.clone(), &cfg(limit)).collect();
            check(name, &recs);
        }
    }

    #[test]
    fn text_like_bytes_through_every_reader(bytes in texty()) {
        for name in NAMES {
            let recs: Vec<_> = corpus::read_bytes(name, bytes.clone(), &cfg(1 << 20)).collect();
            check(name, &recs);
        }
    }

    #[test]
    fn truncated_and_corrupted_gzip(bytes in texty(), cut in any::<prop::sample::Index>(), flip in any::<prop::sample::Index>()) {
        let mut gz = gzip(&bytes);
        let at = cut.index(gz.len() + 1);
        gz.truncate(at);
        if !gz.is_empty() {
            let i = flip.index(gz.len());
            gz[i] ^= 0x5A;
        }
        for name in ["a.txt.gz", "a.jsonl.gz", "a.html.gz"] {
            let recs: Vec<_> = corpus::read_bytes(name, gz.clone(), &cfg(1 << 20)).collect();
            check(name, &recs);
        }
    }

    #[test]
    fn jsonl_gives_one_record_per_non_blank_line(lines in prop::collection::vec(prop_oneof![
        "[a-z ]{0,20}".prop_map(|t| format!("{{\"text\":\"{t}\"}}")),
        "[a-z0-9]{1,8}".prop_map(|id| format!("{{\"id\":\"{id}\",\"text\":\"x\"}}")),
        "[^\n\r]{0,30}",
        Just(String::new()),
        Just("   ".to_string()),
    ], 0..30), crlf in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let body = lines.join(sep);
        // A UTF-8 byte order mark opening the file is not content.
        let non_blank = body
            .strip_prefix('\u{feff}')
            .unwrap_or(&body)
            .split('\n')
            .filter(|l| !l.bytes().all(|b| b.is_ascii_whitespace()))
            .count();
        let recs: Vec<_> = corpus::read_bytes("feed.jsonl", body.into_bytes(), &cfg(1 << 20)).collect();
        check("feed.jsonl", &recs);
        prop_assert_eq!(recs.len(), non_blank.max(1));
    }
}
