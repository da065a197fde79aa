//! Fuzz target: the plain-text reader (decoding, line ends, title): arbitrary bytes read as `fuzz.txt`; never panics, always one record or more.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::config::ReadConfig;

fuzz_target!(|data: &[u8]| {
    let cfg = ReadConfig {
        max_article_bytes: 1 << 20,
        ..ReadConfig::default()
    };
    let mut n = 0;
    for rec in whosaid::corpus::read_bytes("fuzz.txt", data.to_vec(), &cfg) {
        assert!(rec.status == whosaid::model::Status::Ok || rec.error.is_some());
        n += 1;
    }
    assert!(n >= 1);
});
