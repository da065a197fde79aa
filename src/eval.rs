//! Scoring the extractor against gold-annotated articles: the library behind
//! `whosaid eval`.
//!
//! Three steps, each testable alone: [`load_gold`] reads a gold JSONL file (format:
//! `../shared/eval/FORMAT.md`) and checks it; [`match_quotes`] pairs predicted with gold
//! quotes one-to-one by token overlap; [`Scorer`] accumulates the counts of every figure
//! over articles and files and [`Scorer::metrics`] turns them into the report. Nothing
//! here prints: the CLI renders [`Report`] as a table or as JSON. How every figure is
//! computed is documented in `docs/evaluation.md`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::extract::extract;
use crate::lexicon::Lexicon;
use crate::model::{Article, CueType, Gender, Quote, QuoteKind, SpeakerType, Stance};

/// The overlap thresholds at which quote precision/recall/F1 are reported. The middle one
/// is the headline threshold: every attribute measure is taken on pairs matched at it.
pub const THRESHOLDS: [f64; 3] = [0.3, 0.5, 0.8];
/// Index of the headline threshold (0.5) in [`THRESHOLDS`].
pub const HEADLINE: usize = 1;
/// Lower edges of the confidence buckets; the last bucket is closed at 1.
pub const CONFIDENCE_EDGES: [f32; 4] = [0.0, 0.5, 0.7, 0.85];

// ---------------------------------------------------------------------------------------
// Gold data
// ---------------------------------------------------------------------------------------

/// One gold quotation, as a line of a gold file holds it. Optional fields a corpus does
/// not annotate are `None`, and the measure that needs them is skipped.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldQuote {
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_mention: Option<String>,
    #[serde(default)]
    pub speaker_type: Option<String>,
    #[serde(default)]
    pub speaker_gender: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub cue_lemma: Option<String>,
    #[serde(default)]
    pub cue_type: Option<String>,
    #[serde(default)]
    pub stance: Option<String>,
    #[serde(default)]
    pub start: Option<u32>,
    #[serde(default)]
    pub end: Option<u32>,
    #[serde(default)]
    pub pieces: Option<Vec<[u32; 2]>>,
}

/// One gold article: a line of a gold file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldArticle {
    pub article_id: String,
    #[serde(default)]
    pub source: Option<String>,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

impl GoldArticle {
    /// The article the extractor sees: id and text, nothing else.
    pub fn to_article(&self, source_path: &str) -> Article {
        Article {
            id: self.article_id.clone(),
            source_path: source_path.to_string(),
            text: self.text.clone(),
            ..Article::default()
        }
    }
}

/// A gold quote after checking: its closed-vocabulary fields parsed and its span located.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedQuote {
    pub raw: GoldQuote,
    pub kind: QuoteKind,
    pub speaker_type: Option<SpeakerType>,
    pub speaker_gender: Option<Gender>,
    pub cue_type: Option<CueType>,
    pub stance: Option<Stance>,
    /// The code point spans the quote covers (its `pieces`, else `[start, end)`).
    pub spans: Vec<(u32, u32)>,
    pub start: u32,
    pub end: u32,
}

/// A gold file, read and checked.
#[derive(Debug, Clone)]
pub struct GoldFile {
    pub path: PathBuf,
    pub articles: Vec<(GoldArticle, Vec<CheckedQuote>)>,
}

/// Why a gold file cannot be used: the file (and line) and the reason.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("gold file {path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("gold file {path}, line {line}: {message}")]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The gold files a list of paths names: files as given, folders expanded to their
/// `*.jsonl` files sorted by name.
pub fn expand_gold_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, GoldError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| GoldError::File {
                path: p.clone(),
                message: e.to_string(),
            })?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(GoldError::File {
                    path: p.clone(),
                    message: "folder holds no *.jsonl gold file".into(),
                });
            }
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Reads and checks one gold file.
pub fn load_gold(path: &Path) -> Result<GoldFile, GoldError> {
    let body = std::fs::read_to_string(path).map_err(|e| GoldError::File {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    parse_gold(path, &body)
}

/// Parses and checks the body of a gold file (`path` only names it in errors).
pub fn parse_gold(path: &Path, body: &str) -> Result<GoldFile, GoldError> {
    let mut articles = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    for (i, line) in body.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| GoldError::Line {
            path: path.to_path_buf(),
            line: line_no,
            message,
        };
        let article: GoldArticle =
            serde_json::from_str(line).map_err(|e| err(format!("not a gold article: {e}")))?;
        if !seen.insert(article.article_id.clone()) {
            return Err(err(format!(
                "article_id {:?} appears twice in this file",
                article.article_id
            )));
        }
        let checked = check_article(&article).map_err(err)?;
        articles.push((article, checked));
    }
    if articles.is_empty() {
        return Err(GoldError::File {
            path: path.to_path_buf(),
            message: "holds no gold article".into(),
        });
    }
    Ok(GoldFile {
        path: path.to_path_buf(),
        articles,
    })
}

fn vocab<T>(
    field: &str,
    value: &Option<String>,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, String> {
    match value {
        None => Ok(None),
        Some(v) => parse(v)
            .map(Some)
            .ok_or_else(|| format!("{field} {v:?} is not in the closed vocabulary")),
    }
}

/// Checks every quote of a gold article and locates its span.
pub fn check_article(article: &GoldArticle) -> Result<Vec<CheckedQuote>, String> {
    let chars: Vec<char> = article.text.chars().collect();
    let n = chars.len() as u32;
    let mut out = Vec::with_capacity(article.quotes.len());
    let mut search_from = 0u32;
    for (qi, q) in article.quotes.iter().enumerate() {
        let at = |m: String| format!("article {:?}, quote {qi}: {m}", article.article_id);
        let kind = QuoteKind::parse(&q.kind)
            .ok_or_else(|| at(format!("kind {:?} is not direct|indirect|mixed", q.kind)))?;
        let speaker_type =
            vocab("speaker_type", &q.speaker_type, SpeakerType::parse).map_err(at)?;
        let speaker_gender =
            vocab("speaker_gender", &q.speaker_gender, Gender::parse).map_err(at)?;
        let cue_type = vocab("cue_type", &q.cue_type, CueType::parse).map_err(at)?;
        let stance = vocab("stance", &q.stance, Stance::parse).map_err(at)?;
        let spans: Vec<(u32, u32)> = match (&q.pieces, q.start, q.end) {
            (Some(p), _, _) if !p.is_empty() => p.iter().map(|&[s, e]| (s, e)).collect(),
            (_, Some(s), Some(e)) => vec![(s, e)],
            (_, None, None) => {
                let found = locate(&chars, &q.text, search_from)
                    .or_else(|| locate(&chars, &q.text, 0))
                    .ok_or_else(|| {
                        at("has no start/end and its text is not in the article".into())
                    })?;
                vec![found]
            }
            _ => return Err(at("has only one of start and end".into())),
        };
        for &(s, e) in &spans {
            if s > e || e > n {
                return Err(at(format!(
                    "span [{s}, {e}) is outside the article text (0..{n})"
                )));
            }
        }
        let start = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let end = spans.iter().map(|s| s.1).max().unwrap_or(0);
        if let (Some(s), Some(e)) = (q.start, q.end) {
            if q.pieces.as_ref().is_some_and(|p| !p.is_empty()) && (s != start || e != end) {
                return Err(at(format!(
                    "start/end [{s}, {e}) disagree with its pieces [{start}, {end})"
                )));
            }
        }
        search_from = start;
        out.push(CheckedQuote {
            raw: q.clone(),
            kind,
            speaker_type,
            speaker_gender,
            cue_type,
            stance,
            spans,
            start,
            end,
        });
    }
    Ok(out)
}

/// The code point span of the first occurrence of `needle` at or after `from`.
fn locate(chars: &[char], needle: &str, from: u32) -> Option<(u32, u32)> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() || needle.len() > chars.len() {
        return None;
    }
    let from = from as usize;
    (from..=chars.len() - needle.len())
        .find(|&i| chars[i..i + needle.len()] == needle[..])
        .map(|i| (i as u32, (i + needle.len()) as u32))
}

// ---------------------------------------------------------------------------------------
// Tokens and overlap
// ---------------------------------------------------------------------------------------

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2018}'..='\u{201F}' // curly quotes, low-9 quotes
                | '\u{2010}'..='\u{2015}' // hyphens and dashes
                | '\u{2026}' // ellipsis
                | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' // guillemets
                | '\u{00A1}' | '\u{00BF}' | '\u{00B7}' | '\u{00A0}'
        )
}

fn is_token_char(c: char) -> bool {
    !c.is_whitespace() && !is_punct(c)
}

/// Word tokens of a text as (start, end) code point spans: maximal runs of characters
/// that are neither whitespace nor punctuation (so "We're" is two tokens, and an emoji is
/// a token).
pub fn tokens(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start: Option<u32> = None;
    let mut i = 0u32;
    for c in text.chars() {
        match (is_token_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push((s, i));
    }
    out
}

/// The article's tokens, computed once per article: spans and lowercased forms.
pub struct ArticleTokens {
    spans: Vec<(u32, u32)>,
    forms: Vec<String>,
}

impl ArticleTokens {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let spans = tokens(text);
        let forms = spans
            .iter()
            .map(|&(s, e)| {
                chars[s as usize..e as usize]
                    .iter()
                    .collect::<String>()
                    .to_lowercase()
            })
            .collect();
        ArticleTokens { spans, forms }
    }

    /// The article tokens a quote covers: tokens inside its spans that also belong to its
    /// content, aligned in order (a longest common subsequence). The alignment drops
    /// the attribution frame between the pieces of an interrupted quote ("he said")
    /// when the quote gives only its outer start/end.
    pub fn quote_tokens(&self, spans: &[(u32, u32)], content: &str) -> Vec<u32> {
        let inside: Vec<u32> = (0..self.spans.len() as u32)
            .filter(|&t| {
                let (ts, te) = self.spans[t as usize];
                spans.iter().any(|&(s, e)| ts >= s && te <= e)
            })
            .collect();
        let content_forms: Vec<String> = {
            let chars: Vec<char> = content.chars().collect();
            tokens(content)
                .into_iter()
                .map(|(s, e)| {
                    chars[s as usize..e as usize]
                        .iter()
                        .collect::<String>()
                        .to_lowercase()
                })
                .collect()
        };
        let inside_forms: Vec<&str> = inside
            .iter()
            .map(|&t| self.forms[t as usize].as_str())
            .collect();
        if inside_forms.len() == content_forms.len()
            && inside_forms.iter().zip(&content_forms).all(|(a, b)| a == b)
        {
            return inside;
        }
        lcs_pick(&inside_forms, &content_forms)
            .into_iter()
            .map(|i| inside[i])
            .collect()
    }
}

/// Indices into `a` of a longest common subsequence of `a` and `b`. Falls back to a
/// greedy in-order alignment when the table would be very large.
fn lcs_pick(a: &[&str], b: &[String]) -> Vec<usize> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n.saturating_mul(m) > 8_000_000 {
        let mut out = Vec::new();
        let mut j = 0;
        for (i, x) in a.iter().enumerate() {
            if j < m && *x == b[j] {
                out.push(i);
                j += 1;
            }
        }
        return out;
    }
    // table[i][j] = LCS length of a[i..] and b[j..]
    let w = m + 1;
    let mut table = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * w + j] = if a[i] == b[j] {
                table[(i + 1) * w + j + 1] + 1
            } else {
                table[(i + 1) * w + j].max(table[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(i);
            i += 1;
            j += 1;
        } else if table[(i + 1) * w + j] >= table[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Overlap of two token sets (sorted, distinct): |A ∩ B| / max(|A|, |B|); 0 when either
/// is empty.
pub fn overlap(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / a.len().max(b.len()) as f64
}

/// One-to-one matching of gold and predicted quotes: every pair with overlap > 0, best
/// overlap first (ties: earlier gold, then earlier prediction), each quote used once.
/// Returns `(gold index, predicted index, overlap)` sorted by gold index.
pub fn match_quotes(gold: &[Vec<u32>], pred: &[Vec<u32>]) -> Vec<(usize, usize, f64)> {
    let mut pairs = Vec::new();
    for (g, gt) in gold.iter().enumerate() {
        for (p, pt) in pred.iter().enumerate() {
            let o = overlap(gt, pt);
            if o > 0.0 {
                pairs.push((g, p, o));
            }
        }
    }
    pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (g, p, o) in pairs {
        if !gold_used[g] && !pred_used[p] {
            gold_used[g] = true;
            pred_used[p] = true;
            out.push((g, p, o));
        }
    }
    out.sort_by_key(|m| m.0);
    out
}

// ---------------------------------------------------------------------------------------
// Normalisation of compared strings
// ---------------------------------------------------------------------------------------

/// A speaker or role as compared: lowercased, whitespace collapsed, curly apostrophes
/// and quotes straightened, a leading "the" (and for roles "a"/"an") dropped, outer
/// punctuation trimmed. Empty means "no value".
pub fn normalise_name(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            c => c,
        })
        .collect();
    let lower = mapped.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && matches!(words[0], "the" | "a" | "an") {
        words.remove(0);
    }
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '"' | '\''))
        .trim()
        .to_string()
}

fn same_value(gold: Option<&str>, pred: Option<&str>) -> bool {
    let g = gold.map(normalise_name).unwrap_or_default();
    let p = pred.map(normalise_name).unwrap_or_default();
    g == p
}

// ---------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------

/// Index of a kind in per-kind arrays: 0 = all, then direct, indirect, mixed.
fn kind_slot(k: QuoteKind) -> usize {
    match k {
        QuoteKind::Direct => 1,
        QuoteKind::Indirect => 2,
        QuoteKind::Mixed => 3,
    }
}

/// Per-kind names, in report order.
pub const KIND_NAMES: [&str; 4] = ["all", "direct", "indirect", "mixed"];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Count {
    n: u64,
    correct: u64,
}

impl Count {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.correct += ok as u64;
    }
    fn merge(&mut self, o: Count) {
        self.n += o.n;
        self.correct += o.correct;
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct RuleCount {
    n: u64,
    matched: u64,
    correct: u64,
}

/// Counts for one kind slot.
#[derive(Debug, Clone, Copy, Default)]
struct KindTally {
    gold: u64,
    pred: u64,
    /// Per threshold: gold quotes of this kind matched, predictions of this kind matched.
    matched_gold: [u64; 3],
    matched_pred: [u64; 3],
    exact: Count,
    kind: Count,
    speaker: Count,
    /// Matched at the headline threshold with the right speaker, by gold / predicted kind.
    attributed_gold: u64,
    attributed_pred: u64,
    role: Count,
    stance: Count,
    cue_type: Count,
    speaker_type: Count,
    speaker_gender: Count,
}

impl KindTally {
    fn merge(&mut self, o: &KindTally) {
        self.gold += o.gold;
        self.pred += o.pred;
        for t in 0..3 {
            self.matched_gold[t] += o.matched_gold[t];
            self.matched_pred[t] += o.matched_pred[t];
        }
        self.exact.merge(o.exact);
        self.kind.merge(o.kind);
        self.speaker.merge(o.speaker);
        self.attributed_gold += o.attributed_gold;
        self.attributed_pred += o.attributed_pred;
        self.role.merge(o.role);
        self.stance.merge(o.stance);
        self.cue_type.merge(o.cue_type);
        self.speaker_type.merge(o.speaker_type);
        self.speaker_gender.merge(o.speaker_gender);
    }
}

/// A quote in an error listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteSummary {
    pub kind: String,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub speaker: Option<String>,
}

/// One error: a missed gold quote, a spurious prediction, or a wrong speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorItem {
    pub file: String,
    pub article_id: String,
    pub gold: Option<QuoteSummary>,
    pub predicted: Option<QuoteSummary>,
    /// The predicted quote's `rule` column, when there is a prediction.
    pub rule: Option<String>,
}

/// Every error found, by class, in file and article order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Errors {
    pub missed: Vec<ErrorItem>,
    pub spurious: Vec<ErrorItem>,
    pub wrong_speaker: Vec<ErrorItem>,
}

impl Errors {
    /// Keeps at most `n` errors of each class.
    pub fn truncate(&mut self, n: usize) {
        self.missed.truncate(n);
        self.spurious.truncate(n);
        self.wrong_speaker.truncate(n);
    }
}

/// Accumulates every count over articles (and, merged, over files).
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    articles: u64,
    kinds: [KindTally; 4],
    confidence: [Count; 4],
    quote_rules: BTreeMap<String, RuleCount>,
    speaker_rules: BTreeMap<String, RuleCount>,
    pub errors: Errors,
}

impl QuoteSummary {
    fn of_gold(g: &CheckedQuote) -> Self {
        QuoteSummary {
            kind: g.kind.as_str().to_string(),
            start: g.start,
            end: g.end,
            text: g.raw.text.clone(),
            speaker: g.raw.speaker.clone(),
        }
    }

    fn of_prediction(p: &Quote) -> Self {
        QuoteSummary {
            kind: p.kind.as_str().to_string(),
            start: p.start,
            end: p.end,
            text: p.text.clone(),
            speaker: p.speaker.clone(),
        }
    }
}

impl ErrorItem {
    /// An error in one article about a gold quote, a prediction, or both (a wrong
    /// speaker); `rule` is the prediction's.
    fn new(
        file: &str,
        article_id: &str,
        gold: Option<&CheckedQuote>,
        predicted: Option<&Quote>,
    ) -> Self {
        ErrorItem {
            file: file.to_string(),
            article_id: article_id.to_string(),
            gold: gold.map(QuoteSummary::of_gold),
            predicted: predicted.map(QuoteSummary::of_prediction),
            rule: predicted.map(|p| p.rule.clone()),
        }
    }
}

fn confidence_bucket(c: f32) -> usize {
    CONFIDENCE_EDGES
        .iter()
        .rposition(|&edge| c >= edge)
        .unwrap_or(0)
}

/// The quote rule and the speaker rule of a `rule` value `quote-rule;speaker-rule`.
pub fn split_rule(rule: &str) -> (String, String) {
    let mut parts = rule.splitn(2, ';');
    let q = parts.next().unwrap_or("").trim();
    let s = parts.next().unwrap_or("").trim();
    let name = |x: &str| {
        if x.is_empty() {
            "(none)".to_string()
        } else {
            x.to_string()
        }
    };
    (name(q), name(s))
}

impl Scorer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Scores one article: its gold quotes against the extractor's predictions.
    pub fn add_article(
        &mut self,
        file: &str,
        article: &GoldArticle,
        gold: &[CheckedQuote],
        pred: &[Quote],
    ) {
        self.articles += 1;
        let toks = ArticleTokens::new(&article.text);
        let gold_tokens: Vec<Vec<u32>> = gold
            .iter()
            .map(|g| toks.quote_tokens(&g.spans, &g.raw.text))
            .collect();
        let pred_tokens: Vec<Vec<u32>> = pred
            .iter()
            .map(|p| toks.quote_tokens(&[(p.start, p.end)], &p.text))
            .collect();
        let matches = match_quotes(&gold_tokens, &pred_tokens);

        for g in gold {
            self.kinds[0].gold += 1;
            self.kinds[kind_slot(g.kind)].gold += 1;
        }
        for p in pred {
            self.kinds[0].pred += 1;
            self.kinds[kind_slot(p.kind)].pred += 1;
        }

        let mut gold_at_headline = vec![None; gold.len()];
        let mut pred_at_headline = vec![None; pred.len()];
        for &(gi, pi, o) in &matches {
            let (g, p) = (&gold[gi], &pred[pi]);
            for (t, &thr) in THRESHOLDS.iter().enumerate() {
                if o + 1e-9 >= thr {
                    self.kinds[0].matched_gold[t] += 1;
                    self.kinds[0].matched_pred[t] += 1;
                    self.kinds[kind_slot(g.kind)].matched_gold[t] += 1;
                    self.kinds[kind_slot(p.kind)].matched_pred[t] += 1;
                }
            }
            if o + 1e-9 < THRESHOLDS[HEADLINE] {
                continue;
            }
            gold_at_headline[gi] = Some(pi);
            pred_at_headline[pi] = Some(gi);
            let speaker_ok = same_value(g.raw.speaker.as_deref(), p.speaker.as_deref());
            for slot in [0, kind_slot(g.kind)] {
                let k = &mut self.kinds[slot];
                k.exact.add(g.start == p.start && g.end == p.end);
                k.kind.add(g.kind == p.kind);
                k.speaker.add(speaker_ok);
                k.attributed_gold += speaker_ok as u64;
                if let Some(role) = g.raw.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    k.role.add(same_value(Some(role), p.role.as_deref()));
                }
                if let Some(s) = g.stance {
                    k.stance.add(p.stance == Some(s));
                }
                if let Some(c) = g.cue_type {
                    k.cue_type.add(p.cue_type == Some(c));
                }
                if let Some(t) = g.speaker_type {
                    k.speaker_type.add(p.speaker_type == Some(t));
                }
                if let Some(x) = g.speaker_gender {
                    k.speaker_gender.add(p.speaker_gender == Some(x));
                }
            }
            if speaker_ok {
                self.kinds[0].attributed_pred += 1;
                self.kinds[kind_slot(p.kind)].attributed_pred += 1;
            } else {
                self.errors.wrong_speaker.push(ErrorItem::new(
                    file,
                    &article.article_id,
                    Some(g),
                    Some(p),
                ));
            }
        }

        for (pi, p) in pred.iter().enumerate() {
            let correct = pred_at_headline[pi].is_some_and(|gi| {
                same_value(gold[gi].raw.speaker.as_deref(), p.speaker.as_deref())
            });
            self.confidence[confidence_bucket(p.confidence)].add(correct);
            let (qr, sr) = split_rule(&p.rule);
            for (map, name) in [(&mut self.quote_rules, qr), (&mut self.speaker_rules, sr)] {
                let r = map.entry(name).or_default();
                r.n += 1;
                r.matched += pred_at_headline[pi].is_some() as u64;
                r.correct += correct as u64;
            }
            if pred_at_headline[pi].is_none() {
                self.errors
                    .spurious
                    .push(ErrorItem::new(file, &article.article_id, None, Some(p)));
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if gold_at_headline[gi].is_none() {
                self.errors
                    .missed
                    .push(ErrorItem::new(file, &article.article_id, Some(g), None));
            }
        }
    }

    /// Adds another scorer's counts (a file's into the overall figures).
    pub fn merge(&mut self, o: &Scorer) {
        self.articles += o.articles;
        for (a, b) in self.kinds.iter_mut().zip(&o.kinds) {
            a.merge(b);
        }
        for (a, b) in self.confidence.iter_mut().zip(&o.confidence) {
            a.merge(*b);
        }
        for (map, other) in [
            (&mut self.quote_rules, &o.quote_rules),
            (&mut self.speaker_rules, &o.speaker_rules),
        ] {
            for (k, v) in other {
                let r = map.entry(k.clone()).or_default();
                r.n += v.n;
                r.matched += v.matched;
                r.correct += v.correct;
            }
        }
        self.errors.missed.extend(o.errors.missed.iter().cloned());
        self.errors
            .spurious
            .extend(o.errors.spurious.iter().cloned());
        self.errors
            .wrong_speaker
            .extend(o.errors.wrong_speaker.iter().cloned());
    }

    /// The figures from the counts so far.
    pub fn metrics(&self) -> Metrics {
        let kind = |i: usize| {
            let k = &self.kinds[i];
            let prf = |t: usize| Prf::new(k.matched_pred[t], k.pred, k.matched_gold[t], k.gold);
            KindMetrics {
                gold: k.gold,
                predicted: k.pred,
                quote_f1_at: QuoteFigures {
                    at_0_3: prf(0),
                    at_0_5: prf(1),
                    at_0_8: prf(2),
                },
                exact_span: k.exact.into(),
                kind_accuracy: k.kind.into(),
                speaker_accuracy: k.speaker.into(),
                attribution: Prf::new(k.attributed_pred, k.pred, k.attributed_gold, k.gold),
                role_accuracy: k.role.into(),
                stance_accuracy: k.stance.into(),
                cue_type_accuracy: k.cue_type.into(),
                speaker_type_accuracy: k.speaker_type.into(),
                speaker_gender_accuracy: k.speaker_gender.into(),
            }
        };
        let confidence = (0..4)
            .map(|b| {
                let hi = CONFIDENCE_EDGES.get(b + 1).copied().unwrap_or(1.0);
                let label = if b + 1 == CONFIDENCE_EDGES.len() {
                    format!("[{:.2},{:.2}]", CONFIDENCE_EDGES[b], hi)
                } else {
                    format!("[{:.2},{:.2})", CONFIDENCE_EDGES[b], hi)
                };
                ConfidenceBucket {
                    bucket: label,
                    predicted: self.confidence[b].n,
                    correct: self.confidence[b].correct,
                    share_correct: ratio(self.confidence[b].correct, self.confidence[b].n),
                }
            })
            .collect();
        let rules = |m: &BTreeMap<String, RuleCount>| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        RuleFigures {
                            predicted: v.n,
                            matched: v.matched,
                            correct: v.correct,
                            quote_precision: ratio(v.matched, v.n),
                            attribution_precision: ratio(v.correct, v.n),
                        },
                    )
                })
                .collect()
        };
        Metrics {
            articles: self.articles,
            kinds: ByKind {
                all: kind(0),
                direct: kind(1),
                indirect: kind(2),
                mixed: kind(3),
            },
            confidence,
            quote_rules: rules(&self.quote_rules),
            speaker_rules: rules(&self.speaker_rules),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The figures
// ---------------------------------------------------------------------------------------

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Precision, recall and F1 with their counts. `precision` is undefined (null) without
/// predictions, `recall` without gold; F1 is 0 when either is 0 or undefined, and null
/// only when there is neither gold nor prediction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub tp_predicted: u64,
    pub predicted: u64,
    pub tp_gold: u64,
    pub gold: u64,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl Prf {
    pub fn new(tp_predicted: u64, predicted: u64, tp_gold: u64, gold: u64) -> Self {
        let precision = ratio(tp_predicted, predicted);
        let recall = ratio(tp_gold, gold);
        let f1 = if predicted == 0 && gold == 0 {
            None
        } else {
            let (p, r) = (precision.unwrap_or(0.0), recall.unwrap_or(0.0));
            Some(if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            })
        };
        Prf {
            tp_predicted,
            predicted,
            tp_gold,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// An accuracy: `correct` of `n`, and their ratio (null when `n` is 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accuracy {
    pub n: u64,
    pub correct: u64,
    pub accuracy: Option<f64>,
}

impl From<Count> for Accuracy {
    fn from(c: Count) -> Self {
        Accuracy {
            n: c.n,
            correct: c.correct,
            accuracy: ratio(c.correct, c.n),
        }
    }
}

/// Quote detection at each overlap threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuoteFigures {
    #[serde(rename = "0.3")]
    pub at_0_3: Prf,
    #[serde(rename = "0.5")]
    pub at_0_5: Prf,
    #[serde(rename = "0.8")]
    pub at_0_8: Prf,
}

/// Every figure for one kind (or all kinds).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KindMetrics {
    pub gold: u64,
    pub predicted: u64,
    /// Precision/recall/F1 of quote detection at each overlap threshold.
    #[serde(rename = "quote")]
    pub quote_f1_at: QuoteFigures,
    pub exact_span: Accuracy,
    pub kind_accuracy: Accuracy,
    pub speaker_accuracy: Accuracy,
    /// Quote matched (overlap >= 0.5) and speaker right.
    pub attribution: Prf,
    pub role_accuracy: Accuracy,
    pub stance_accuracy: Accuracy,
    pub cue_type_accuracy: Accuracy,
    pub speaker_type_accuracy: Accuracy,
    pub speaker_gender_accuracy: Accuracy,
}

/// The per-kind figures, in a fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ByKind {
    pub all: KindMetrics,
    pub direct: KindMetrics,
    pub indirect: KindMetrics,
    pub mixed: KindMetrics,
}

impl ByKind {
    /// The figures in report order with their kind names.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &KindMetrics)> {
        KIND_NAMES
            .into_iter()
            .zip([&self.all, &self.direct, &self.indirect, &self.mixed])
    }
}

/// Predictions whose confidence falls in one bucket, and how many are right (matched at
/// overlap >= 0.5 and speaker right).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConfidenceBucket {
    pub bucket: String,
    pub predicted: u64,
    pub correct: u64,
    pub share_correct: Option<f64>,
}

/// Precision of the predictions one rule produced.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RuleFigures {
    pub predicted: u64,
    /// Matched a gold quote at overlap >= 0.5.
    pub matched: u64,
    /// Matched and speaker right.
    pub correct: u64,
    pub quote_precision: Option<f64>,
    pub attribution_precision: Option<f64>,
}

/// Every figure over a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub articles: u64,
    pub kinds: ByKind,
    pub confidence: Vec<ConfidenceBucket>,
    pub quote_rules: BTreeMap<String, RuleFigures>,
    pub speaker_rules: BTreeMap<String, RuleFigures>,
}

/// The figures of one gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    pub file: String,
    #[serde(flatten)]
    pub metrics: Metrics,
}

/// The whole evaluation: per file, then over all files.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub overall: Metrics,
    #[serde(skip)]
    pub errors: Errors,
}

/// Runs the extractor on every article of every gold file (articles in parallel, results
/// in input order) and scores it.
pub fn evaluate(files: &[GoldFile], lexicon: &Lexicon) -> Report {
    let mut overall = Scorer::new();
    let mut reports = Vec::with_capacity(files.len());
    for f in files {
        let name = f.path.display().to_string();
        let preds: Vec<Vec<Quote>> = f
            .articles
            .par_iter()
            .map(|(a, _)| {
                let article = a.to_article(&name);
                // Name the article before passing a panic on: the extractor's author needs it.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    extract(&article, lexicon)
                }))
                .unwrap_or_else(|panic| {
                    eprintln!(
                        "whosaid: the extractor panicked on article {:?} of {name}",
                        a.article_id
                    );
                    std::panic::resume_unwind(panic)
                })
            })
            .collect();
        let mut scorer = Scorer::new();
        for ((article, gold), pred) in f.articles.iter().zip(&preds) {
            scorer.add_article(&name, article, gold, pred);
        }
        reports.push(FileReport {
            file: name,
            metrics: scorer.metrics(),
        });
        overall.merge(&scorer);
    }
    Report {
        files: reports,
        overall: overall.metrics(),
        errors: overall.errors,
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {} R {} F1 {}",
            fmt_opt(self.precision),
            fmt_opt(self.recall),
            fmt_opt(self.f1)
        )
    }
}

/// A figure as printed in tables: three decimals, `-` when undefined.
pub fn fmt_opt(v: Option<f64>) -> String {
    match v {
        Some(x) => format!("{x:.3}"),
        None => "-".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_quote(text: &str, kind: &str, start: u32, end: u32, speaker: &str) -> GoldQuote {
        GoldQuote {
            text: text.into(),
            kind: kind.into(),
            speaker: Some(speaker.into()),
            speaker_mention: None,
            speaker_type: None,
            speaker_gender: None,
            role: None,
            cue: None,
            cue_lemma: None,
            cue_type: None,
            stance: None,
            start: Some(start),
            end: Some(end),
            pieces: None,
        }
    }

    fn pred(article: &str, text: &str, start: u32, end: u32, speaker: Option<&str>) -> Quote {
        Quote {
            speaker: speaker.map(str::to_string),
            confidence: 0.9,
            rule: "direct/postposed;speaker/named".into(),
            ..Quote::for_test(article, text, start, end)
        }
    }

    #[test]
    fn tokens_split_on_punctuation_and_keep_emoji() {
        let t = tokens("\"We're here,\" he said 💙");
        assert_eq!(
            t,
            vec![(1, 3), (4, 6), (7, 11), (14, 16), (17, 21), (22, 23)]
        );
    }

    #[test]
    fn overlap_is_intersection_over_the_longer_set() {
        assert_eq!(overlap(&[1, 2, 3, 4], &[3, 4]), 0.5);
        assert_eq!(overlap(&[1, 2], &[1, 2]), 1.0);
        assert_eq!(overlap(&[1, 2], &[3]), 0.0);
        assert_eq!(overlap(&[], &[3]), 0.0);
    }

    #[test]
    fn matching_is_one_to_one_and_prefers_the_best_overlap() {
        // Gold 0 overlaps both predictions; prediction 1 is its better match, and
        // prediction 0 is the only match of gold 1.
        let gold = vec![vec![1, 2, 3, 4], vec![10, 11, 12]];
        let pred = vec![vec![4, 10, 11, 12], vec![1, 2, 3]];
        let m = match_quotes(&gold, &pred);
        assert_eq!(m, vec![(0, 1, 0.75), (1, 0, 0.75)]);
        // Two predictions of one gold quote: only one is matched.
        let m = match_quotes(&[vec![1, 2, 3, 4]], &[vec![1, 2], vec![1, 2, 3]]);
        assert_eq!(m, vec![(0, 1, 0.75)]);
    }

    #[test]
    fn interrupted_quote_tokens_skip_the_frame() {
        let text = "\"We will win,\" he said, \"and soon.\"";
        let toks = ArticleTokens::new(text);
        // The prediction gives only the outer span; its content drops "he said".
        let joined = toks.quote_tokens(&[(1, 34)], "We will win and soon.");
        let pieces = toks.quote_tokens(&[(1, 12), (25, 34)], "We will win and soon.");
        assert_eq!(joined, pieces);
        assert_eq!(joined.len(), 5);
    }

    #[test]
    fn names_normalise_case_space_apostrophes_and_leading_the() {
        assert_eq!(
            normalise_name("The  Port Ellery Supporters’ Trust"),
            "port ellery supporters' trust"
        );
        assert_eq!(normalise_name("the"), "the");
        assert!(same_value(
            Some("NATO spokesperson"),
            Some("nato  Spokesperson")
        ));
        assert!(same_value(None, Some("")));
        assert!(!same_value(Some("Oana Lungescu"), None));
    }

    #[test]
    fn a_pair_at_exactly_half_overlap_counts_at_half_but_not_at_0_8() {
        // Gold covers 4 tokens, the prediction 2 of them: overlap 0.5.
        let text = "\"One two three four,\" said Ana Diaz.";
        let a = GoldArticle {
            article_id: "a".into(),
            source: None,
            text: text.into(),
            quotes: vec![gold_quote(
                "One two three four",
                "direct",
                1,
                19,
                "Ana Diaz",
            )],
        };
        let gold = check_article(&a).unwrap();
        let p = vec![pred("a", "One two", 1, 8, Some("Ana Diaz"))];
        let mut s = Scorer::new();
        s.add_article("f", &a, &gold, &p);
        let m = s.metrics();
        assert_eq!(m.kinds.all.quote_f1_at.at_0_3.f1, Some(1.0));
        assert_eq!(m.kinds.all.quote_f1_at.at_0_5.f1, Some(1.0));
        assert_eq!(m.kinds.all.quote_f1_at.at_0_8.f1, Some(0.0));
        assert_eq!(m.kinds.all.exact_span.accuracy, Some(0.0));
        assert_eq!(m.kinds.all.attribution.f1, Some(1.0));
    }

    #[test]
    fn wrong_speaker_and_wrong_kind_are_counted_on_matched_pairs() {
        let text = "Ana Diaz said the vote was fair.";
        let mut q = gold_quote("the vote was fair", "indirect", 14, 31, "Ana Diaz");
        q.role = Some("mayor".into());
        q.stance = Some("neutral".into());
        let a = GoldArticle {
            article_id: "a".into(),
            source: None,
            text: text.into(),
            quotes: vec![q],
        };
        let gold = check_article(&a).unwrap();
        let mut p = pred("a", "the vote was fair", 14, 31, Some("Bo Lund"));
        p.stance = Some(Stance::Neutral);
        let mut s = Scorer::new();
        s.add_article("f", &a, &gold, &[p]);
        let m = s.metrics();
        let all = m.kinds.all;
        assert_eq!(all.quote_f1_at.at_0_5.f1, Some(1.0));
        assert_eq!(all.kind_accuracy.accuracy, Some(0.0));
        assert_eq!(all.speaker_accuracy.accuracy, Some(0.0));
        assert_eq!(all.attribution.f1, Some(0.0));
        assert_eq!(all.role_accuracy.accuracy, Some(0.0));
        assert_eq!(all.stance_accuracy.accuracy, Some(1.0));
        // Fields the gold omits are skipped, not counted wrong.
        assert_eq!(all.cue_type_accuracy.n, 0);
        // Per kind: recall by the gold kind, precision by the predicted kind.
        assert_eq!(m.kinds.indirect.quote_f1_at.at_0_5.recall, Some(1.0));
        assert_eq!(m.kinds.indirect.quote_f1_at.at_0_5.precision, None);
        assert_eq!(m.kinds.direct.quote_f1_at.at_0_5.precision, Some(1.0));
        assert_eq!(s.errors.wrong_speaker.len(), 1);
    }

    #[test]
    fn gold_file_with_bom_and_crlf_parses() {
        let line = r#"{"article_id": "a", "text": "Ana Diaz said the vote was fair.", "quotes": [{"text": "the vote was fair", "kind": "indirect", "speaker": "Ana Diaz"}]}"#;
        let body = format!("\u{feff}{line}\r\n\r\n");
        let f = parse_gold(Path::new("g.jsonl"), &body).unwrap();
        assert_eq!(f.articles.len(), 1);
        assert_eq!(f.articles[0].1[0].start, 14);
        let e = parse_gold(Path::new("g.jsonl"), &format!("{line}\n{line}\n")).unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(e.to_string().contains("appears twice"), "{e}");
    }

    #[test]
    fn confidence_buckets_have_closed_top() {
        assert_eq!(confidence_bucket(0.0), 0);
        assert_eq!(confidence_bucket(0.49), 0);
        assert_eq!(confidence_bucket(0.5), 1);
        assert_eq!(confidence_bucket(0.84), 2);
        assert_eq!(confidence_bucket(0.85), 3);
        assert_eq!(confidence_bucket(1.0), 3);
    }

    #[test]
    fn gold_without_offsets_is_located_and_bad_vocabulary_is_an_error() {
        let mut q = gold_quote("the vote was fair", "indirect", 0, 0, "Ana Diaz");
        q.start = None;
        q.end = None;
        let a = GoldArticle {
            article_id: "a".into(),
            source: None,
            text: "Ana Diaz said the vote was fair.".into(),
            quotes: vec![q.clone()],
        };
        let c = check_article(&a).unwrap();
        assert_eq!((c[0].start, c[0].end), (14, 31));
        let mut bad = a.clone();
        bad.quotes[0].stance = Some("happy".into());
        let e = check_article(&bad).unwrap_err();
        assert!(e.contains("stance \"happy\""), "{e}");
    }

    #[test]
    fn scorer_counts_a_missing_quote_as_half_recall() {
        let text = "\"One two three four,\" said Ana Diaz. \"Five six seven eight,\" she added.";
        let a = GoldArticle {
            article_id: "a".into(),
            source: None,
            text: text.into(),
            quotes: vec![
                gold_quote("One two three four", "direct", 1, 19, "Ana Diaz"),
                gold_quote("Five six seven eight", "direct", 38, 58, "Ana Diaz"),
            ],
        };
        let gold = check_article(&a).unwrap();
        let p = vec![pred("a", "One two three four", 1, 19, Some("ana diaz"))];
        let mut s = Scorer::new();
        s.add_article("f", &a, &gold, &p);
        let m = s.metrics();
        let all = m.kinds.all;
        assert_eq!(all.quote_f1_at.at_0_5.precision, Some(1.0));
        assert_eq!(all.quote_f1_at.at_0_5.recall, Some(0.5));
        assert_eq!(all.exact_span.accuracy, Some(1.0));
        assert_eq!(all.speaker_accuracy.accuracy, Some(1.0));
        assert_eq!(all.attribution.recall, Some(0.5));
        assert_eq!(m.kinds.indirect.quote_f1_at.at_0_5.f1, None);
        assert_eq!(s.errors.missed.len(), 1);
        assert_eq!(s.errors.missed[0].gold.as_ref().unwrap().start, 38);
        assert_eq!(m.quote_rules["direct/postposed"].matched, 1);
        assert_eq!(m.speaker_rules["speaker/named"].correct, 1);
        assert_eq!(m.confidence[3].correct, 1);
    }
}
