//! Fuzz target: zstd decompression (its own decoder, separate from gzip) into both the
//! whole-file path (`fuzz.txt.zst`, read up to the byte limit) and the streaming JSONL
//! path (`fuzz.jsonl.zst`): never panics, always one record or more, every record that
//! is not `ok` says why.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::config::ReadConfig;

fuzz_target!(|data: &[u8]| {
    let cfg = ReadConfig {
        max_article_bytes: 1 << 20,
        ..ReadConfig::default()
    };
    for name in ["fuzz.txt.zst", "fuzz.jsonl.zst"] {
        let mut n = 0;
        for rec in whosaid::corpus::read_bytes(name, data.to_vec(), &cfg) {
            assert!(rec.status == whosaid::model::Status::Ok || rec.error.is_some());
            n += 1;
        }
        assert!(n >= 1, "{name}: no record");
    }
});
