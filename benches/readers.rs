//! The readers alone (`corpus::discover` + `corpus::read`, no extraction, no output) on
//! a 16 MB generated corpus (seed 42) in each input form: a folder of `.txt` files, the
//! same articles as HTML pages, one `.jsonl`, and that `.jsonl` gzip- and
//! zstd-compressed. Throughput is plain (uncompressed) input bytes per second; reading
//! must stay well above the >100 MB/s the whole pipeline aims for.
//!
//! Run: `cargo bench --bench readers`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use whosaid::config::ReadConfig;
use whosaid::corpus;
use whosaid::generate::{self, Sources};

fn main() {
    divan::main();
}

struct Corpus {
    dir: tempfile::TempDir,
    text_bytes: u64,
    html_bytes: u64,
    jsonl_bytes: u64,
}

fn html_page(text: &str) -> String {
    let mut page = String::from(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Bench</title>\
         <script>var ads = [1, 2, 3];</script><style>p{margin:0}</style></head><body>\
         <header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header><article>",
    );
    for para in text.split('\n').filter(|p| !p.trim().is_empty()) {
        page.push_str("<p>");
        page.push_str(&para.replace('&', "&amp;").replace('<', "&lt;"));
        page.push_str("</p>\n");
    }
    page.push_str("</article><footer>Copyright</footer></body></html>");
    page
}

fn size_of_tree(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let sources = Sources::pinned(generate::DEFAULT_CORPUS).expect("pinned bench sources");
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().join("corpus");
    let s = generate::write_corpus(&base, &sources, 42, 16_000_000).expect("generate corpus");
    let jsonl = std::fs::read(base.join(generate::JSONL_FILE)).expect("read jsonl");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&jsonl).expect("gzip");
    std::fs::write(
        dir.path().join("corpus.jsonl.gz"),
        gz.finish().expect("gzip"),
    )
    .expect("write gz");
    let zst = zstd::encode_all(&jsonl[..], 3).expect("zstd");
    std::fs::write(dir.path().join("corpus.jsonl.zst"), zst).expect("write zst");
    let html = dir.path().join("html");
    for e in walkdir::WalkDir::new(base.join(generate::TXT_DIR))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(base.join(generate::TXT_DIR)).unwrap();
            let dest = html.join(rel).with_extension("html");
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            let text = std::fs::read_to_string(e.path()).unwrap();
            std::fs::write(dest, html_page(&text)).unwrap();
        }
    }
    let html_bytes = size_of_tree(&html);
    Corpus {
        dir,
        text_bytes: s.text_bytes,
        html_bytes,
        jsonl_bytes: s.jsonl_bytes,
    }
});

fn read_everything(b: Bencher, input: PathBuf, bytes: u64) {
    let cfg = ReadConfig::default();
    b.counter(BytesCount::new(bytes)).bench(|| {
        let files = corpus::discover(std::slice::from_ref(&input)).expect("discover");
        let mut chars = 0usize;
        for f in &files {
            for rec in corpus::read(f, &cfg) {
                assert_eq!(rec.status, whosaid::model::Status::Ok);
                chars += rec.article.text.len();
            }
        }
        chars
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn txt_folder(b: Bencher) {
    let input = CORPUS.dir.path().join("corpus").join(generate::TXT_DIR);
    read_everything(b, input, CORPUS.text_bytes);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn html_folder(b: Bencher) {
    read_everything(b, CORPUS.dir.path().join("html"), CORPUS.html_bytes);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn jsonl(b: Bencher) {
    let input = CORPUS.dir.path().join("corpus").join(generate::JSONL_FILE);
    read_everything(b, input, CORPUS.jsonl_bytes);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn jsonl_gz(b: Bencher) {
    read_everything(
        b,
        CORPUS.dir.path().join("corpus.jsonl.gz"),
        CORPUS.jsonl_bytes,
    );
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn jsonl_zst(b: Bencher) {
    read_everything(
        b,
        CORPUS.dir.path().join("corpus.jsonl.zst"),
        CORPUS.jsonl_bytes,
    );
}
