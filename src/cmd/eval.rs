//! `whosaid eval`: runs the extractor on gold-annotated articles and reports quote
//! precision/recall/F1, attribution and attribute accuracies, per file and overall, as a
//! compact table or as JSON. The scoring itself lives in the library (`whosaid::eval`);
//! this module parses arguments, renders the report and maps failures to exit codes.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;
use whosaid::eval::{self, fmt_opt, ErrorItem, Errors, FileReport, Metrics, Report, RuleFigures};
use whosaid::lexicon::Lexicon;

use crate::exit;

/// Score the extractor against gold-annotated articles (JSONL, see docs/evaluation.md).
///
/// Predicted and gold quotes are matched one-to-one, best token overlap first
/// (overlap = shared article tokens / tokens of the longer quote). Quote P/R/F1 is
/// reported at overlap >= 0.3, 0.5 and 0.8; every other figure is taken on pairs
/// matched at >= 0.5. Exit 0 whatever the figures; 2 when a gold file cannot be read.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  whosaid eval --gold ../shared/eval/seed.jsonl
  whosaid eval --gold ../shared/eval/*.jsonl tests/fixtures/gold/ --errors 10
  whosaid eval --gold tests/fixtures/gold/ --by-rule
  whosaid eval --gold gold.jsonl --json > figures.json
  whosaid eval --gold gold.jsonl --lexicon my_cues.tsv")]
pub struct Args {
    /// Gold files (JSONL, one article per line) or folders of `*.jsonl` gold files.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE.jsonl")]
    gold: Vec<PathBuf>,
    /// Print the figures as one JSON document instead of tables.
    #[arg(long)]
    json: bool,
    /// List up to N missed, N spurious and N wrong-speaker quotes.
    #[arg(long, value_name = "N")]
    errors: Option<usize>,
    /// Also report precision per quote rule and per speaker rule (the `rule` column).
    #[arg(long)]
    by_rule: bool,
    /// Extra lexicon file(s) extending the built-in lexicons (see README "Lexicons").
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicon: Vec<PathBuf>,
}

/// The JSON document: figures per file, overall, and the error lists when asked for.
#[derive(Serialize)]
struct JsonReport<'a> {
    files: &'a [FileReport],
    overall: &'a Metrics,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a Errors>,
}

pub fn run(args: Args) -> u8 {
    let paths = match eval::expand_gold_paths(&args.gold) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            return exit::FATAL;
        }
    };
    let mut files = Vec::with_capacity(paths.len());
    for p in &paths {
        match eval::load_gold(p) {
            Ok(f) => files.push(f),
            Err(e) => {
                eprintln!("whosaid: error: {e}");
                return exit::FATAL;
            }
        }
    }
    let lexicon = match Lexicon::load(&args.lexicon) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            return exit::FATAL;
        }
    };
    let mut report = eval::evaluate(&files, &lexicon);
    if let Some(n) = args.errors {
        report.errors.truncate(n);
    }
    let out = if args.json {
        let doc = JsonReport {
            files: &report.files,
            overall: &report.overall,
            errors: args.errors.map(|_| &report.errors),
        };
        let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
        s.push('\n');
        s
    } else {
        render(&report, args.by_rule, args.errors.is_some())
    };
    print!("{out}");
    exit::OK
}

fn render(report: &Report, by_rule: bool, errors: bool) -> String {
    let mut s = String::new();
    for f in &report.files {
        metrics_table(&mut s, &f.file, &f.metrics, by_rule);
    }
    if report.files.len() > 1 {
        metrics_table(&mut s, "overall", &report.overall, by_rule);
    }
    if errors {
        error_lists(&mut s, &report.errors);
    }
    s
}

fn metrics_table(s: &mut String, title: &str, m: &Metrics, by_rule: bool) {
    let a = &m.kinds.all;
    let _ = writeln!(
        s,
        "== {title}: {} articles, {} gold quotes, {} predicted",
        m.articles, a.gold, a.predicted
    );
    let _ = writeln!(
        s,
        "{:<9}{:>6}{:>6}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}",
        "kind", "gold", "pred", "P@.5", "R@.5", "F1@.5", "F1@.3", "F1@.8", "exact"
    );
    for (name, k) in m.kinds.iter() {
        let q = &k.quote_f1_at;
        let _ = writeln!(
            s,
            "{:<9}{:>6}{:>6}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}",
            name,
            k.gold,
            k.predicted,
            fmt_opt(q.at_0_5.precision),
            fmt_opt(q.at_0_5.recall),
            fmt_opt(q.at_0_5.f1),
            fmt_opt(q.at_0_3.f1),
            fmt_opt(q.at_0_8.f1),
            fmt_opt(k.exact_span.accuracy),
        );
    }
    let _ = writeln!(
        s,
        "{:<9}{:>7}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>9}{:>8}{:>8}",
        "matched",
        "kind",
        "speaker",
        "attrP",
        "attrR",
        "attrF1",
        "role",
        "stance",
        "cue_type",
        "sp_type",
        "gender"
    );
    for (name, k) in m.kinds.iter() {
        let _ = writeln!(
            s,
            "{:<9}{:>7}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>9}{:>8}{:>8}",
            name,
            fmt_opt(k.kind_accuracy.accuracy),
            fmt_opt(k.speaker_accuracy.accuracy),
            fmt_opt(k.attribution.precision),
            fmt_opt(k.attribution.recall),
            fmt_opt(k.attribution.f1),
            fmt_opt(k.role_accuracy.accuracy),
            fmt_opt(k.stance_accuracy.accuracy),
            fmt_opt(k.cue_type_accuracy.accuracy),
            fmt_opt(k.speaker_type_accuracy.accuracy),
            fmt_opt(k.speaker_gender_accuracy.accuracy),
        );
    }
    let _ = write!(s, "confidence");
    for b in &m.confidence {
        let _ = write!(
            s,
            "  {} {} right {}",
            b.bucket,
            b.predicted,
            fmt_opt(b.share_correct)
        );
    }
    let _ = writeln!(s);
    if by_rule {
        rule_table(s, "quote rule", &m.quote_rules);
        rule_table(s, "speaker rule", &m.speaker_rules);
    }
    let _ = writeln!(s);
}

fn rule_table(
    s: &mut String,
    header: &str,
    rules: &std::collections::BTreeMap<String, RuleFigures>,
) {
    let width = rules
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0)
        .max(header.len())
        + 2;
    let _ = writeln!(
        s,
        "{:<width$}{:>6}{:>9}{:>9}{:>9}",
        header, "pred", "matched", "P(quote)", "P(attr)"
    );
    for (name, r) in rules {
        let _ = writeln!(
            s,
            "{:<width$}{:>6}{:>9}{:>9}{:>9}",
            name,
            r.predicted,
            r.matched,
            fmt_opt(r.quote_precision),
            fmt_opt(r.attribution_precision)
        );
    }
}

fn snippet(text: &str) -> String {
    const MAX: usize = 72;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        let cut: String = flat.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

fn speaker(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("(none)")
}

fn error_lists(s: &mut String, e: &Errors) {
    let list = |s: &mut String, title: &str, items: &[ErrorItem]| {
        let _ = writeln!(s, "== {title} ({})", items.len());
        for it in items {
            let (q, which) = match (&it.gold, &it.predicted) {
                (Some(g), _) => (g, "gold"),
                (None, Some(p)) => (p, "predicted"),
                (None, None) => continue,
            };
            let _ = write!(s, "  {} [{},{}) {} ", it.article_id, q.start, q.end, q.kind);
            match (&it.gold, &it.predicted) {
                (Some(g), Some(p)) => {
                    let _ = write!(
                        s,
                        "predicted speaker {:?}, gold {:?}",
                        speaker(&p.speaker),
                        speaker(&g.speaker)
                    );
                }
                _ => {
                    let _ = write!(s, "{which} speaker {:?}", speaker(&q.speaker));
                }
            }
            if let Some(r) = &it.rule {
                let _ = write!(s, " rule {r}");
            }
            let _ = writeln!(s, "\n      \"{}\"", snippet(&q.text));
        }
    };
    list(s, "missed", &e.missed);
    list(s, "spurious", &e.spurious);
    list(s, "wrong speaker", &e.wrong_speaker);
}
