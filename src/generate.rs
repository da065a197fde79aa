//! A deterministic benchmark corpus: N megabytes of realistic news articles assembled
//! from source articles (a pinned, versioned source set compiled into the binary, or
//! any files the caller names), written as a folder of `.txt` files and as one `.jsonl`.
//!
//! Benchmarks need far more text than the repository ships, and a figure is only worth
//! something when anyone can rebuild the exact same input. So the corpus is a pure
//! function of (sources, seed, size), and the default sources are a pinned set
//! ([`PINNED_CORPORA`], `benches/corpus/vN.jsonl`): the gold fixtures keep growing, and
//! a corpus read from them at run time changed with every new gold file, so bench rows
//! of two sessions measured different text. Paragraphs are drawn from the sources with an
//! in-crate SplitMix64 generator (no `rand` dependency whose stream could change under
//! us), articles get varied lengths, paragraph breaks and quote styles (straight and
//! curly double marks, British single marks, guillemets), and both output forms hold
//! byte-identical article texts under the same ids, so the folder and the JSONL form of
//! one corpus give the same `quotes` table.
//!
//! The module also builds the pathological inputs the extraction benchmark times
//! (an article dense with quote marks, one enormous line).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

/// The SplitMix64 generator (Steele, Lea, Flood 2014; Vigna's reference code): tiny,
/// fast, statistically sound for sampling, and fully specified, so a seed means the
/// same corpus on every machine and every version of every dependency.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n` (`n > 0`), by Lemire's multiply-high reduction.
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A uniform integer in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }
}

/// How an article marks its direct quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStyle {
    /// `"..."`: wire copy and most web text.
    StraightDouble,
    /// `“...”`: typeset English.
    CurlyDouble,
    /// `‘...’`: British house styles (the apostrophe is the same character as the
    /// closing mark, which is what makes this style hard).
    BritishSingle,
    /// `«...»`: European-style guillemets.
    Guillemets,
}

impl QuoteStyle {
    pub const ALL: [QuoteStyle; 4] = [
        QuoteStyle::StraightDouble,
        QuoteStyle::CurlyDouble,
        QuoteStyle::BritishSingle,
        QuoteStyle::Guillemets,
    ];

    /// The opening and closing mark.
    pub fn marks(self) -> (char, char) {
        match self {
            QuoteStyle::StraightDouble => ('"', '"'),
            QuoteStyle::CurlyDouble => ('\u{201c}', '\u{201d}'),
            QuoteStyle::BritishSingle => ('\u{2018}', '\u{2019}'),
            QuoteStyle::Guillemets => ('\u{ab}', '\u{bb}'),
        }
    }

    /// Picks a style with the mix seen in English news: mostly double marks.
    fn pick(rng: &mut SplitMix64) -> QuoteStyle {
        match rng.below(10) {
            0..=3 => QuoteStyle::StraightDouble,
            4..=6 => QuoteStyle::CurlyDouble,
            7..=8 => QuoteStyle::BritishSingle,
            _ => QuoteStyle::Guillemets,
        }
    }
}

/// Rewrites the double quote marks of `paragraph` (straight, curly or guillemets) in
/// `style`. A straight mark opens when it starts the paragraph or follows whitespace or
/// an opening bracket or dash, and closes otherwise. Single marks are left alone: in
/// source text they are mostly apostrophes.
pub fn restyle(paragraph: &str, style: QuoteStyle) -> String {
    let (open, close) = style.marks();
    let mut out = String::with_capacity(paragraph.len() + 8);
    let mut prev: Option<char> = None;
    for c in paragraph.chars() {
        let mapped = match c {
            '\u{201c}' | '\u{ab}' => open,
            '\u{201d}' | '\u{bb}' => close,
            '"' => match prev {
                None => open,
                Some(p) if p.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(p) => open,
                Some(_) => close,
            },
            other => other,
        };
        out.push(mapped);
        prev = Some(c);
    }
    out
}

/// A failure to read the sources or write the corpus.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: line {line}: invalid JSON: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("no source text to build a corpus from (looked in: {0}); pass --from FILE_OR_FOLDER")]
    NoSources(String),
    #[error("{0}")]
    Usage(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> GenerateError + '_ {
    move |source| GenerateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A pinned source set: a name and the source articles it stands for, one JSON object
/// per line (`source`, optional `title`, `text`), as `benches/corpus/freeze_sources.py`
/// wrote them. A pinned set is never edited: other sources make a new version.
#[derive(Debug, Clone, Copy)]
pub struct PinnedCorpus {
    pub name: &'static str,
    pub jsonl: &'static str,
    /// What the set is, for `--help` and the docs.
    pub about: &'static str,
}

/// Every pinned source set, oldest first.
pub const PINNED_CORPORA: &[PinnedCorpus] = &[PinnedCorpus {
    name: "v1",
    jsonl: include_str!("../benches/corpus/v1.jsonl"),
    about: "seeds/ and the 35 gold fixture files of session 3 (83 articles, 648 \
            paragraphs): the corpus of the session 3 and 4 benchmark runs",
}];

/// The source set `whosaid generate-corpus` uses unless told otherwise.
pub const DEFAULT_CORPUS: &str = "v1";

/// The material articles are assembled from: titles and paragraphs, in source order.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub titles: Vec<String>,
    pub paragraphs: Vec<String>,
    /// The files read, in order (recorded in `generate.json`).
    pub files: Vec<String>,
    /// The pinned set these are, when they are one (recorded in `generate.json`).
    pub pinned: Option<String>,
}

impl Sources {
    /// Adds one article text: its first non-empty line is a title (or `title`, when
    /// given), every other non-empty line a paragraph.
    pub fn add_text(&mut self, text: &str, title: Option<&str>) {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        match title.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                self.titles.push(t.to_string());
                // A text that repeats its title on the first line keeps it out of the body.
                let mut rest = lines.clone();
                if rest.next() == Some(t) {
                    lines = rest;
                }
            }
            None => {
                if let Some(first) = lines.next() {
                    self.titles.push(first.to_string());
                }
            }
        }
        self.paragraphs.extend(lines.map(str::to_string));
    }

    /// Reads every source under `paths`: `.txt`/`.md` files whole, `.jsonl` files one
    /// article per line (its `text` and optional `title` fields). Folders are walked in
    /// sorted order, hidden entries and other extensions skipped, so the result does not
    /// depend on the file system's listing order.
    pub fn load(paths: &[PathBuf]) -> Result<Sources, GenerateError> {
        let mut sources = Sources::default();
        for root in paths {
            let walker = walkdir::WalkDir::new(root)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                let entry = entry.map_err(|e| GenerateError::Io {
                    path: e.path().map_or_else(|| root.clone(), Path::to_path_buf),
                    source: e.into(),
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let path = entry.path();
                let name = path.to_string_lossy().to_lowercase();
                if name.ends_with(".jsonl") {
                    sources.add_jsonl(path)?;
                } else if name.ends_with(".txt") || name.ends_with(".md") {
                    let bytes = std::fs::read(path).map_err(io(path))?;
                    sources.add_text(&String::from_utf8_lossy(&bytes), None);
                } else {
                    continue;
                }
                sources.files.push(path.display().to_string());
            }
        }
        Ok(sources)
    }

    /// The pinned source set `name` (see [`PINNED_CORPORA`]): the same material on every
    /// machine and in every checkout, whatever the fixture files hold today.
    pub fn pinned(name: &str) -> Result<Sources, GenerateError> {
        let Some(set) = PINNED_CORPORA.iter().find(|c| c.name == name) else {
            let known: Vec<&str> = PINNED_CORPORA.iter().map(|c| c.name).collect();
            return Err(GenerateError::Usage(format!(
                "no pinned corpus `{name}` (known: {})",
                known.join(", ")
            )));
        };
        let mut sources = Sources {
            pinned: Some(set.name.to_string()),
            ..Sources::default()
        };
        let path = PathBuf::from(format!("<pinned corpus {}>", set.name));
        sources.add_jsonl_text(set.jsonl, &path, true)?;
        Ok(sources)
    }

    fn add_jsonl(&mut self, path: &Path) -> Result<(), GenerateError> {
        let body = std::fs::read(path).map_err(io(path))?;
        self.add_jsonl_text(&String::from_utf8_lossy(&body), path, false)
    }

    /// Adds the articles of a JSONL text (`text` and optional `title` of each line).
    /// With `listed_sources`, each line's `source` names the file it came from, and the
    /// distinct names go to [`Sources::files`] in order.
    fn add_jsonl_text(
        &mut self,
        body: &str,
        path: &Path,
        listed_sources: bool,
    ) -> Result<(), GenerateError> {
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| GenerateError::Json {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: e.to_string(),
                })?;
            if let Some(text) = v.get("text").and_then(|t| t.as_str()) {
                let title = v.get("title").and_then(|t| t.as_str());
                self.add_text(text, title);
            }
            if let Some(source) = v.get("source").and_then(|s| s.as_str()) {
                if listed_sources && self.files.last().map(String::as_str) != Some(source) {
                    self.files.push(source.to_string());
                }
            }
        }
        Ok(())
    }

    /// XXH3-128 over the titles and paragraphs, in order (recorded in `generate.json`):
    /// two corpora with the same seed, size and digest are the same corpus.
    pub fn digest(&self) -> String {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (kind, items) in [(b't', &self.titles), (b'p', &self.paragraphs)] {
            for item in items {
                h.update(&[kind]);
                h.update(&(item.len() as u64).to_le_bytes());
                h.update(item.as_bytes());
            }
        }
        format!("{:032x}", h.digest128())
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

/// The repository's source articles as they are today, relative to `root` (a checkout):
/// `seeds/` and `tests/fixtures/gold/`, those that exist. They grow with every gold
/// file; benchmarks use the pinned set ([`Sources::pinned`]) instead.
pub fn default_source_paths(root: &Path) -> Vec<PathBuf> {
    ["seeds", "tests/fixtures/gold"]
        .iter()
        .map(|p| root.join(p))
        .filter(|p| p.exists())
        .collect()
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GeneratedArticle {
    /// `NNNN/aNNNNNNN`: the `.txt` file's path under `txt/` without extension, which is
    /// the id the folder reader gives it, and the `id` of its JSONL line.
    pub id: String,
    pub title: String,
    /// The title line, a blank line, then the paragraphs.
    pub text: String,
    #[serde(skip)]
    pub style: QuoteStyle,
}

/// Articles per `txt/` subfolder, so no folder grows past a few thousand entries.
pub const ARTICLES_PER_FOLDER: usize = 1000;

/// An endless, deterministic stream of articles built from `sources`.
#[derive(Debug, Clone)]
pub struct Generator<'a> {
    sources: &'a Sources,
    rng: SplitMix64,
    index: usize,
}

impl<'a> Generator<'a> {
    /// Panics if `sources` has no paragraphs (check [`Sources::is_empty`] first).
    pub fn new(sources: &'a Sources, seed: u64) -> Self {
        assert!(!sources.is_empty(), "a generator needs source paragraphs");
        Generator {
            sources,
            rng: SplitMix64::new(seed),
            index: 0,
        }
    }

    /// How long the next article's body is, in bytes: mostly news-length (2 to 5 KB,
    /// 350 to 850 words), some briefs, some long reads, now and then a feature. The mean,
    /// about 4 KB, is that of online news articles; wire briefs (Reuters-21578: 0.9 KB)
    /// are benchmarked from the real corpus instead.
    fn length(&mut self) -> usize {
        match self.rng.below(100) {
            0..=24 => self.rng.range(600, 2_000),
            25..=79 => self.rng.range(2_000, 5_000),
            80..=98 => self.rng.range(5_000, 12_000),
            _ => self.rng.range(15_000, 40_000),
        }
    }

    /// Articles until their texts total at least `bytes` (the last one may run over).
    pub fn take_bytes(self, bytes: u64) -> impl Iterator<Item = GeneratedArticle> + 'a {
        let mut total = 0u64;
        self.take_while(move |a| {
            let more = total < bytes;
            total += a.text.len() as u64;
            more
        })
    }
}

impl Iterator for Generator<'_> {
    type Item = GeneratedArticle;

    fn next(&mut self) -> Option<GeneratedArticle> {
        let s = self.sources;
        let style = QuoteStyle::pick(&mut self.rng);
        let body = self.length();
        let title = if s.titles.is_empty() {
            String::from("Untitled")
        } else {
            s.titles[self.rng.below(s.titles.len())].clone()
        };
        // Wire copy separates paragraphs with blank lines, web scrapes with single breaks.
        let sep = if self.rng.chance(1, 2) { "\n\n" } else { "\n" };
        // Runs of consecutive source paragraphs keep quotes that continue across
        // paragraphs (and the pronouns that refer back) together, as in real articles.
        let mut text = restyle(&title, style);
        text.push_str("\n\n");
        let head = text.len();
        let mut placed = 0;
        while text.len() - head < body || placed < 2 {
            let run = self.rng.range(1, 4);
            let first = self.rng.below(s.paragraphs.len());
            for k in 0..run {
                let p = &s.paragraphs[(first + k) % s.paragraphs.len()];
                if placed > 0 {
                    text.push_str(sep);
                }
                text.push_str(&restyle(p, style));
                placed += 1;
            }
        }
        text.push('\n');
        let i = self.index;
        self.index += 1;
        Some(GeneratedArticle {
            id: format!("{:04}/a{:07}", i / ARTICLES_PER_FOLDER, i),
            title,
            text,
            style,
        })
    }
}

/// What [`write_corpus`] wrote: the contents of `generate.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusSummary {
    /// The pinned source set (`v1`, ...), or `null` for sources named with `--from`.
    pub corpus: Option<String>,
    pub seed: u64,
    pub target_bytes: u64,
    pub articles: u64,
    /// Total size of the `.txt` files (the article texts).
    pub text_bytes: u64,
    pub jsonl_bytes: u64,
    pub quote_styles: Vec<(QuoteStyle, u64)>,
    pub sources: Vec<String>,
    pub source_paragraphs: u64,
    /// [`Sources::digest`] of the material the corpus was built from.
    pub sources_digest: String,
}

/// The file names inside a generated corpus folder.
pub const TXT_DIR: &str = "txt";
pub const JSONL_FILE: &str = "corpus.jsonl";
pub const SUMMARY_FILE: &str = "generate.json";

#[derive(Serialize)]
struct JsonLine<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
}

/// Writes a corpus of at least `bytes` bytes of article text into `out`:
/// `txt/NNNN/aNNNNNNN.txt` (one article per file), `corpus.jsonl` (the same articles,
/// same ids and texts, one per line) and `generate.json` (this summary). `out` must be
/// absent or empty.
pub fn write_corpus(
    out: &Path,
    sources: &Sources,
    seed: u64,
    bytes: u64,
) -> Result<CorpusSummary, GenerateError> {
    if sources.is_empty() {
        return Err(GenerateError::NoSources(sources.files.join(", ")));
    }
    if out.exists() {
        let mut entries = std::fs::read_dir(out).map_err(io(out))?;
        if entries.next().is_some() {
            return Err(GenerateError::Usage(format!(
                "output folder {} is not empty",
                out.display()
            )));
        }
    }
    let txt = out.join(TXT_DIR);
    std::fs::create_dir_all(&txt).map_err(io(&txt))?;
    let jsonl_path = out.join(JSONL_FILE);
    let jsonl_file = File::create(&jsonl_path).map_err(io(&jsonl_path))?;
    let mut jsonl = CountingWriter {
        inner: BufWriter::with_capacity(1 << 20, jsonl_file),
        written: 0,
    };
    let mut summary = CorpusSummary {
        corpus: sources.pinned.clone(),
        seed,
        target_bytes: bytes,
        articles: 0,
        text_bytes: 0,
        jsonl_bytes: 0,
        quote_styles: QuoteStyle::ALL.iter().map(|&s| (s, 0)).collect(),
        sources: sources.files.clone(),
        source_paragraphs: sources.paragraphs.len() as u64,
        sources_digest: sources.digest(),
    };
    for (i, a) in Generator::new(sources, seed).take_bytes(bytes).enumerate() {
        if i % ARTICLES_PER_FOLDER == 0 {
            let dir = txt.join(format!("{:04}", i / ARTICLES_PER_FOLDER));
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        }
        let path = txt.join(format!("{}.txt", a.id));
        std::fs::write(&path, &a.text).map_err(io(&path))?;
        serde_json::to_writer(
            &mut jsonl,
            &JsonLine {
                id: &a.id,
                title: &a.title,
                text: &a.text,
            },
        )
        .map_err(|e| GenerateError::Io {
            path: jsonl_path.clone(),
            source: e.into(),
        })?;
        jsonl.write_all(b"\n").map_err(io(&jsonl_path))?;
        summary.articles += 1;
        summary.text_bytes += a.text.len() as u64;
        if let Some(slot) = summary.quote_styles.iter_mut().find(|(s, _)| *s == a.style) {
            slot.1 += 1;
        }
    }
    jsonl.flush().map_err(io(&jsonl_path))?;
    summary.jsonl_bytes = jsonl.written;
    let summary_path = out.join(SUMMARY_FILE);
    let mut doc = serde_json::to_string_pretty(&summary).expect("summary serialises");
    doc.push('\n');
    std::fs::write(&summary_path, doc).map_err(io(&summary_path))?;
    Ok(summary)
}

struct CountingWriter<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A pathological article of about `bytes` bytes holding exactly `marks` straight
/// double quote marks: short quotes, quotes that never close, and marks inside words,
/// spread over paragraphs of about 2 KB. A pairing or attribution step that rescans the
/// text from each mark is quadratic on it.
pub fn dense_quote_marks(bytes: usize, marks: usize) -> String {
    let pieces: [&str; 4] = [
        "the minister said \"we will not go back on this\" and left. ",
        "Critics replied \"this is the wrong policy for the country. ",
        "a sign read 5\"x7\" in the hall, officials said on Monday. ",
        "\"No,\" she said, \"never.\" ",
    ];
    let marks_per: [usize; 4] = [2, 1, 2, 4];
    let mut out = String::with_capacity(bytes + 64);
    let mut placed = 0;
    let filler =
        "Officials met again on Tuesday to discuss the budget and the plan for the region. ";
    let mut i = 0;
    let mut paragraph = 0;
    while out.len() < bytes || placed < marks {
        // Mark-bearing pieces are spread evenly over the byte budget.
        let due = placed < marks
            && (out.len() as u128 * marks as u128) >= (placed as u128 * bytes as u128);
        if due {
            let k = i % pieces.len();
            if placed + marks_per[k] <= marks {
                out.push_str(pieces[k]);
                placed += marks_per[k];
            } else {
                out.push_str("one \"mark ");
                placed += 1;
            }
            i += 1;
        } else if out.len() < bytes {
            out.push_str(filler);
        } else {
            out.push_str("and \"more ");
            placed += 1;
        }
        if out.len() / 2048 > paragraph {
            paragraph = out.len() / 2048;
            out.push('\n');
        }
    }
    out
}

/// A pathological article: about `bytes` bytes of news prose on one line, with no line
/// break at all, and a quote every few sentences.
pub fn one_long_line(bytes: usize) -> String {
    let sentences = [
        "The committee met on Monday to review the proposal. ",
        "\"We have done everything we can,\" the chairman said. ",
        "Opposition members said the plan was rushed. ",
        "According to the ministry, the cost will rise by 4.5 per cent. ",
        "“There is no alternative,” Ms Smith told reporters in Brussels. ",
    ];
    let mut out = String::with_capacity(bytes + 80);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(sentences[i % sentences.len()]);
        i += 1;
    }
    out
}

/// A pathological article: about `bytes` bytes of short paragraphs in which every "she
/// said" follows speakers of the other gender or organisations only ("It said", "The
/// spokesman said"), so a pronoun finds no compatible earlier speaker: a resolver that
/// looks back over every earlier quote for each pronoun is quadratic on it.
pub fn unmatched_pronouns(bytes: usize) -> String {
    let unit = "The committee met on Monday. It said the plan was good. \
                She said it was late. The spokesman said prices rose.\n";
    let mut out = String::with_capacity(bytes + unit.len());
    out.push_str("Committee news\n\n");
    while out.len() < bytes {
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_stream() {
        // First outputs of Vigna's splitmix64.c for seed 0.
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(r.next_u64(), 0x06c4_5d18_8009_454f);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = SplitMix64::new(7);
        let mut seen = [0u32; 5];
        for _ in 0..10_000 {
            seen[r.below(5)] += 1;
        }
        assert!(seen.iter().all(|&c| c > 1_800 && c < 2_200), "{seen:?}");
    }

    #[test]
    fn restyle_maps_straight_marks_by_position() {
        let p = "He said \"no buildup\", adding \"(it is) defensive\".";
        assert_eq!(
            restyle(p, QuoteStyle::CurlyDouble),
            "He said \u{201c}no buildup\u{201d}, adding \u{201c}(it is) defensive\u{201d}."
        );
        assert_eq!(
            restyle(p, QuoteStyle::Guillemets),
            "He said \u{ab}no buildup\u{bb}, adding \u{ab}(it is) defensive\u{bb}."
        );
        assert_eq!(
            restyle(
                "\u{201c}Yes\u{201d} \u{2014}\"maybe\"",
                QuoteStyle::StraightDouble
            ),
            "\"Yes\" \u{2014}\"maybe\""
        );
        // Apostrophes and single marks are left alone.
        assert_eq!(
            restyle("the alliance’s ‘plan’", QuoteStyle::BritishSingle),
            "the alliance’s ‘plan’"
        );
    }

    fn sample_sources() -> Sources {
        let mut s = Sources::default();
        s.add_text(
            "Title one\n\nFirst \"quoted words here\" paragraph.\nSecond paragraph.\n",
            None,
        );
        s.add_text(
            "Title two\nThird “curly quoted” paragraph.\n\nFourth.",
            Some("Title two"),
        );
        s
    }

    #[test]
    fn sources_split_titles_from_paragraphs() {
        let s = sample_sources();
        assert_eq!(s.titles, ["Title one", "Title two"]);
        assert_eq!(
            s.paragraphs,
            [
                "First \"quoted words here\" paragraph.",
                "Second paragraph.",
                "Third “curly quoted” paragraph.",
                "Fourth."
            ]
        );
    }

    /// The pinned set is the material of the session 3/4 benchmark corpora: its size and
    /// digest may never change (a new source set is a new version, `v2`).
    #[test]
    fn pinned_corpus_v1_is_the_session_3_source_set() {
        let s = Sources::pinned("v1").unwrap();
        assert_eq!(s.pinned.as_deref(), Some("v1"));
        assert_eq!(
            (s.titles.len(), s.paragraphs.len(), s.files.len()),
            (83, 648, 36)
        );
        assert_eq!(s.files[0], "seeds/000_62dd9d57e05a8388.txt");
        assert_eq!(s.files[35], "tests/fixtures/gold/wire.jsonl");
        assert_eq!(s.digest(), "b2348e96b34ade49599c83296479461c");
        assert_eq!(
            Sources::pinned(DEFAULT_CORPUS).unwrap().digest(),
            s.digest()
        );
    }

    #[test]
    fn an_unknown_pinned_corpus_is_a_clear_error() {
        let e = Sources::pinned("v0").unwrap_err().to_string();
        assert!(
            e.contains("no pinned corpus `v0`") && e.contains("v1"),
            "{e}"
        );
    }

    #[test]
    fn sources_digest_follows_the_material() {
        let a = sample_sources();
        let mut b = sample_sources();
        assert_eq!(a.digest(), b.digest());
        b.paragraphs[3].push('!');
        assert_ne!(a.digest(), b.digest());
        // A paragraph boundary moved is another source set.
        let mut c = sample_sources();
        let last = c.paragraphs.pop().unwrap();
        c.paragraphs[2].push_str(&last);
        assert_ne!(a.digest(), c.digest());
    }

    #[test]
    fn generator_is_deterministic_per_seed() {
        let s = sample_sources();
        let a: Vec<_> = Generator::new(&s, 42).take(50).collect();
        let b: Vec<_> = Generator::new(&s, 42).take(50).collect();
        let c: Vec<_> = Generator::new(&s, 43).take(50).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a[0].id, "0000/a0000000");
        assert_eq!(a[49].id, "0000/a0000049");
    }

    #[test]
    fn generator_varies_styles_and_lengths() {
        let s = sample_sources();
        let articles: Vec<_> = Generator::new(&s, 1).take(400).collect();
        for style in QuoteStyle::ALL {
            assert!(
                articles.iter().any(|a| a.style == style),
                "no article in {style:?}"
            );
        }
        let lens: Vec<usize> = articles.iter().map(|a| a.text.len()).collect();
        let (min, max) = (lens.iter().min().unwrap(), lens.iter().max().unwrap());
        assert!(*min < 1_000 && *max > 15_000, "lengths {min}..{max}");
        let mean = lens.iter().sum::<usize>() / lens.len();
        assert!((3_000..5_500).contains(&mean), "mean length {mean}");
        // Every article starts with its title line and a blank line.
        assert!(articles
            .iter()
            .all(|a| a.text.starts_with(&restyle(&a.title, a.style))));
    }

    #[test]
    fn take_bytes_stops_just_past_the_target() {
        let s = sample_sources();
        let total: usize = Generator::new(&s, 3)
            .take_bytes(100_000)
            .map(|a| a.text.len())
            .sum();
        assert!((100_000..120_000).contains(&total), "{total}");
    }

    #[test]
    fn dense_quote_marks_has_exact_mark_count_and_size() {
        let t = dense_quote_marks(200_000, 2_000);
        assert_eq!(t.matches('"').count(), 2_000);
        assert!(t.len() >= 200_000 && t.len() < 201_000, "{}", t.len());
        assert!(t.lines().count() > 50);
    }

    #[test]
    fn one_long_line_is_one_line() {
        let t = one_long_line(100_000);
        assert!(t.len() >= 100_000 && t.len() < 100_100);
        assert!(!t.contains('\n'));
    }
}
