//! Extraction: pure `&Article -> Vec<Quote>`. No I/O, no global state: everything it
//! consults comes in through the [`Lexicon`].
//!
//! The article is read once into a skeleton (paragraphs, sentences, quote spans, cues,
//! names), then quotations are found by patterns tried in this order, each consuming the
//! text it explains so that later patterns never reuse it:
//!
//! 1. social posts (`— Name (@handle) date` under the post text);
//! 2. direct quotes with a frame after them (`"...," she said.`), joined with the pieces
//!    that continue them in the same paragraph (interrupted quotes);
//! 3. every remaining cue: `according to`, participle cues (`, adding ...`), inverted
//!    frames (`..., the minister said.`) and pre-posed frames (`X said [that] ...`), whose
//!    content is direct (all in marks), mixed (some in marks) or indirect (none);
//! 4. quote-only paragraphs continuing the previous speaker.
//!
//! Speakers are then resolved in text order (pronouns need the salience of earlier
//! speakers), and gender and role are filled per entity, so a role stated once reaches
//! every quote of that speaker.
//!
//! The `rule` column is `<quote rule>;<speaker rule>`:
//!
//! | quote rule | pattern |
//! | --- | --- |
//! | `direct/postposed` | `"...," she said.` / `"...," said Ms Okafor.` (+ interrupted pieces) |
//! | `direct/preposed` | `X said: "..."` |
//! | `direct/clause` | `X said on Twitter "..."` (the whole complement in marks) |
//! | `direct/context` | a quote-only paragraph after a quote of the same speaker |
//! | `direct/social-post` | post text over `— Name (@handle) date` |
//! | `direct/qa` | `Adeyemi: ...` (an answer under a name label in a `Q:` interview) |
//! | `indirect/that-clause`, `mixed/that-clause` | `X said that ...` |
//! | `indirect/clause`, `mixed/clause` | `X said ...` (no "that") |
//! | `indirect/postposed`, `mixed/postposed` | `..., X said.` |
//! | `indirect/according-to`, `mixed/according-to` | `According to X, ...` / `..., according to X.` |
//! | `indirect/participle`, `mixed/participle` | `..., adding ...` (speaker of the sentence) |
//!
//! | speaker rule | how the speaker was found |
//! | --- | --- |
//! | `speaker/named` | a proper name at the site |
//! | `speaker/alias` | a short form (surname, honorific, acronym) resolved to the longest name |
//! | `speaker/pronoun` | he/she/they/it resolved to a recent speaker |
//! | `speaker/description` | a description ("the company", "the judge") resolved or kept |
//! | `speaker/group` | unnamed people ("economists") |
//! | `speaker/anonymous` | an anonymous source |
//! | `speaker/sentence-subject` | a participle cue sharing the sentence's speaker |
//! | `speaker/previous-quote` | inherited from the quote before |
//! | `speaker/handle` | the name over a social post |

// A one-piece quote is a `Vec` of one content range by design (pieces of a quote).
#![allow(clippy::single_range_in_vec_init)]

pub mod clauses;
pub mod coref;
pub mod cues;
mod dialogue;
pub mod mentions;
mod nationality;
pub mod quote_marks;
pub mod stance;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::ops::Range;

use crate::lexicon::{Lexicon, PersonClass, WordHasher};
use crate::model::{quote_id, Article, CueType, Gender, Quote, QuoteKind, SpeakerType, Stance};
use crate::text::{
    first_words, lowercase, paragraphs, sentences, word_count_upto, words, OffsetMap, Sentence,
    WordTable, Words,
};

use clauses::{clause_after, trim_content, Clause};
use coref::Inventory;
use cues::{find_cues, object_end, Cue};
use mentions::{analyse, leading_np, subject_after, subject_before, trim, DescClass, MentionKind};
use quote_marks::{quote_spans, QuoteSpan};

/// Who speaks a quote, before resolution.
#[derive(Debug, Clone)]
enum Who {
    /// A mention at the attribution site (and a trailing apposition).
    Mention {
        range: Range<usize>,
        appos: Option<Range<usize>>,
    },
    /// The speaker of the quote before (a quote-only paragraph).
    Previous,
    /// The speaker of an earlier quote in the same sentence (participle cue).
    SameAs(usize),
    /// A social post: the name over it.
    Handle {
        range: Range<usize>,
        name: Range<usize>,
    },
}

/// A quotation found, before its speaker is resolved.
#[derive(Debug, Clone)]
struct Raw {
    kind: QuoteKind,
    pieces: Vec<Range<usize>>,
    qrule: &'static str,
    cue: Option<Cue>,
    /// The cue as written, incl. its object ("told reporters").
    cue_range: Option<Range<usize>>,
    who: Who,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
struct Resolved {
    speaker: Option<String>,
    mention: Option<Range<usize>>,
    stype: SpeakerType,
    rule: &'static str,
    /// Evidence from this site.
    gender: Gender,
    role: Option<String>,
}

impl Resolved {
    /// A person found through a description ("the judge", "her daughter", "the
    /// 27-year-old"), whether resolved to a name or kept as the description.
    fn described_person(
        speaker: String,
        mention: Range<usize>,
        gender: Gender,
        role: Option<String>,
    ) -> Self {
        Resolved {
            speaker: Some(speaker),
            mention: Some(mention),
            stype: SpeakerType::Person,
            rule: "speaker/description",
            gender,
            role,
        }
    }

    /// An earlier speaker found again through a description ("the judge", "the actor"):
    /// that speaker, with this mention, its gender evidence and `role`.
    fn redescribed(&self, mention: Range<usize>, gender: Gender, role: Option<String>) -> Self {
        Resolved {
            mention: Some(mention),
            rule: "speaker/description",
            gender,
            role,
            ..self.clone()
        }
    }

    /// An organisation found through a description ("the regulator", "the company").
    fn described_org(speaker: String, mention: Range<usize>) -> Self {
        Resolved {
            speaker: Some(speaker),
            mention: Some(mention),
            stype: SpeakerType::Organization,
            rule: "speaker/description",
            gender: Gender::Unknown,
            role: None,
        }
    }
}

struct Doc<'a> {
    text: &'a str,
    lx: &'a Lexicon,
    paras: Vec<Range<usize>>,
    sents: Vec<Sentence>,
    spans: Vec<QuoteSpan>,
    quoted: Vec<Range<usize>>,
    cues: Vec<Cue>,
    inv: Inventory,
    /// The article's words, scanned once (see [`WordTable`]): stages take the words of a
    /// range from it instead of re-scanning the text.
    words: WordTable,
    body_start: usize,
    /// Indices of the names that may be the salient subject a pronoun refers to (see
    /// [`Doc::subject_names`]), computed on first use.
    subject_names: std::cell::OnceCell<Vec<usize>>,
}

impl Doc<'_> {
    /// The names (indices into `inv.names`, text order) that can be the subject a he/she
    /// refers to whatever the pronoun: a sentence subject outside quote marks, not an
    /// organisation, and a person by evidence or by a full name. Computed once per article,
    /// where testing every earlier name per pronoun made long articles quadratic.
    fn subject_names(&self) -> &[usize] {
        self.subject_names.get_or_init(|| {
            let inv = &self.inv;
            (0..inv.names.len())
                .filter(|&i| {
                    let n = &inv.names[i];
                    n.subject
                        // not an all-capitals headline run, nor any name of the headline
                        // ("The Last Shift review – two miners, ..." then "..., Bill
                        // Hardcastle stands ... “…,” he says")
                        && n.name.chars().any(char::is_lowercase)
                        && n.range.start >= self.body_start
                        && !cues::inside(&self.quoted, n.range.start)
                        && !n.org
                        && (n.person || n.tokens >= 2 || {
                        // (the canonical name only when the occurrence itself does not say)
                        let canon = inv.canonical(&n.name, Gender::Unknown, n.range.start);
                        canon.contains(' ') || inv.is_person(&canon)
                    })
                })
                .collect()
        })
    }

    fn sentence_of(&self, pos: usize) -> usize {
        let i = self.sents.partition_point(|s| s.range.end <= pos);
        i.min(self.sents.len().saturating_sub(1))
    }
    fn para_of(&self, pos: usize) -> usize {
        let i = self.paras.partition_point(|p| p.end < pos);
        i.min(self.paras.len().saturating_sub(1))
    }
}

/// Every quotation in the article, in text order, with its attribution.
pub fn extract(article: &Article, lexicon: &Lexicon) -> Vec<Quote> {
    let text = article.text.as_str();
    if text.trim().is_empty() {
        return Vec::new();
    }
    let paras = paragraphs(text);
    let sents = sentences(text, &paras);
    let spans = quote_spans(text, &paras);
    let quoted: Vec<Range<usize>> = merge_ranges(spans.iter().map(|s| s.outer.clone()).collect());
    let body_start = headline_end(text, &paras);
    let cues: Vec<Cue> = find_cues(text, &quoted, lexicon)
        .into_iter()
        .filter(|c| c.range.start >= body_start)
        .collect();
    // The span and cue searches below rely on text order (spans also disjoint).
    debug_assert!(spans.windows(2).all(|w| w[0].outer.end <= w[1].outer.start));
    debug_assert!(cues
        .windows(2)
        .all(|w| w[0].range.start <= w[1].range.start));
    let words = WordTable::new(text);
    let inv = Inventory::build(text, &sents, &words, lexicon);
    let doc = Doc {
        text,
        lx: lexicon,
        paras,
        sents,
        spans,
        quoted,
        cues,
        inv,
        body_start,
        subject_names: std::cell::OnceCell::new(),
        words,
    };
    let raws = find_quotes(&doc);
    build_quotes(article, &doc, raws)
}

fn merge_ranges(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        if let Some(l) = out.last_mut() {
            if r.start < l.end {
                l.end = l.end.max(r.end);
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// The first paragraph is a headline when it has no sentence-final punctuation.
fn headline_end(text: &str, paras: &[Range<usize>]) -> usize {
    let Some(p) = paras.first() else { return 0 };
    // Closing quotes and brackets do not end a sentence by themselves.
    let t = text[p.clone()]
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    if paras.len() > 1 && !t.ends_with(['.', '!', '?']) && t.len() < 300 {
        return p.end;
    }
    0
}

/// How far before and after a cue its subject and clause are looked for (bytes).
const WINDOW: usize = 1500;

/// The largest char boundary at or before `i`.
fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The end of a frame that starts at `from`: the first sentence-final punctuation, a comma
/// before a quote mark (an interrupted quote), or a quote mark.
fn frame_end(text: &str, from: usize, limit: usize) -> usize {
    if from >= limit {
        return from;
    }
    let s = &text[from..limit];
    for (i, c) in s.char_indices() {
        match c {
            '.' if crate::text::is_abbreviation_before(text, from + i) => {}
            '.' | '?' | '!' | ';' => return from + i,
            ',' => {
                let rest = s[i + 1..].trim_start();
                if rest.starts_with(['"', '“', '‘', '\'', '«', '„']) {
                    return from + i;
                }
            }
            '"' | '“' | '‘' | '«' | '„' => return from + i,
            _ => {}
        }
    }
    limit
}

/// "“We will not sign,” he said, adding that Spain would vote against it": a participle
/// cue after a comma inside a postposed frame (cues from index `from`, before `fend`) that
/// reports a clause ends the frame at its comma, so the clause is the participle's own
/// quotation (rule 3, the sentence's speaker). Not before a colon or a quote mark
/// ("adding: “…”" continues the quotation).
fn participle_clause_in_frame(doc: &Doc, from: usize, fend: usize) -> Option<usize> {
    let text = doc.text;
    doc.cues
        .get(from..)?
        .iter()
        .take_while(|c| c.range.start < fend)
        .find_map(|c| {
            let before = text[..c.range.start].trim_end();
            let next = text[c.range.end..].trim_start();
            (before.ends_with(',')
                && c.entry(doc.lx).form.ends_with("ing")
                && next.starts_with(char::is_alphabetic))
            .then(|| before.len() - 1)
        })
}

/// The text that found quotes have explained, as pushed by [`find_quotes`]: whether a
/// position is inside any of the ranges, and the last range end before a position.
/// Logarithmic per question, where a list scanned per quote mark and per cue made an
/// article with 100,000 quote marks quadratic.
#[derive(Debug, Default)]
struct Consumed {
    /// The union of the (non-empty) ranges: start -> end, disjoint, not touching.
    union: BTreeMap<usize, usize>,
    /// The end of every range pushed.
    ends: BTreeSet<usize>,
}

impl Consumed {
    fn push(&mut self, r: Range<usize>) {
        self.ends.insert(r.end);
        if r.start >= r.end {
            return;
        }
        let (mut start, mut end) = (r.start, r.end);
        // Merge with every stored range that overlaps or touches `start..end`.
        if let Some((&s, &e)) = self.union.range(..=start).next_back() {
            if e >= start {
                start = s;
                end = end.max(e);
            }
        }
        let absorbed: Vec<usize> = self.union.range(start..=end).map(|(&s, _)| s).collect();
        for s in absorbed {
            if let Some(e) = self.union.remove(&s) {
                end = end.max(e);
            }
        }
        self.union.insert(start, end);
    }

    /// Whether `p` lies inside a pushed range.
    fn contains(&self, p: usize) -> bool {
        self.union
            .range(..=p)
            .next_back()
            .is_some_and(|(_, &e)| p < e)
    }

    /// The largest end of a pushed range with `lo < end <= hi`.
    fn last_end_in(&self, lo: usize, hi: usize) -> Option<usize> {
        if lo >= hi {
            return None;
        }
        self.ends.range(lo + 1..=hi).next_back().copied()
    }
}

/// A weekday alone after the cue (", officials said Wednesday."): the postposed frame's
/// time adverbial, as "on Wednesday" is ("said Wednesday that ..." is no tail: the words
/// after the day keep it out).
fn bare_weekday_tail(first: Option<&str>, tail_before_comma: &str) -> bool {
    first.is_some_and(|f| {
        matches!(
            f,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
    }) && tail_before_comma.split_whitespace().take(2).count() == 1
}

#[cfg(test)]
mod consumed_tests {
    use super::Consumed;
    use std::ops::Range;

    /// `Consumed` answers exactly what a scan of the pushed ranges answers.
    #[test]
    fn consumed_agrees_with_a_scan_of_the_ranges() {
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % m) as usize
        };
        for _ in 0..200 {
            let mut c = Consumed::default();
            let mut list: Vec<Range<usize>> = Vec::new();
            for _ in 0..12 {
                let s = next(60);
                let r = s..s + next(12).saturating_sub(2);
                c.push(r.clone());
                list.push(r);
                for p in 0..80 {
                    let want = list.iter().any(|r| r.start <= p && p < r.end);
                    assert_eq!(c.contains(p), want, "{list:?} at {p}");
                }
                for lo in 0..75 {
                    let hi = lo + next(20);
                    let want = list
                        .iter()
                        .filter(|r| r.end <= hi && r.end > lo)
                        .map(|r| r.end)
                        .max();
                    assert_eq!(c.last_end_in(lo, hi), want, "{list:?} in {lo}..={hi}");
                }
            }
        }
    }
}

fn find_quotes(doc: &Doc) -> Vec<Raw> {
    let text = doc.text;
    let lx = doc.lx;
    let mut raws: Vec<Raw> = Vec::new();
    let mut used_span = vec![false; doc.spans.len()];
    let mut used_cue = vec![false; doc.cues.len()];
    let mut consumed = Consumed::default();

    // 1a. A Q&A interview: in an article with a "Q:" question paragraph, a paragraph
    // "Adeyemi: How much goodwill ..." under a label (one to three capitalised words) that
    // the article uses as a name is that person's answer: a direct quotation, no cue.
    let qa = doc.paras.iter().any(|p| {
        p.start >= doc.body_start && {
            let l = &text[p.clone()];
            l.starts_with("Q:") || l.starts_with("Question:")
        }
    });
    for p in doc.paras.iter().filter(|p| qa && p.start >= doc.body_start) {
        let line = &text[p.clone()];
        let Some(colon) = line.get(..line.len().min(60)).and_then(|h| h.find(": ")) else {
            continue;
        };
        let label = &line[..colon];
        let n = label.split_whitespace().count();
        let name_like = (1..=3).contains(&n)
            && label.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
            });
        let last = label.split_whitespace().next_back().unwrap_or("");
        if !name_like
            || matches!(label, "Q" | "A" | "Question" | "Answer")
            || !doc.inv.uses_word(last)
        {
            continue;
        }
        let content = trim(text, p.start + colon + 1..p.end, &[]);
        if content.is_empty() {
            continue;
        }
        consumed.push(p.clone());
        mark_spans(doc, &mut used_span, &content);
        raws.push(Raw {
            kind: QuoteKind::Direct,
            pieces: vec![content],
            qrule: "direct/qa",
            cue: None,
            cue_range: None,
            who: Who::Mention {
                range: p.start..p.start + colon,
                appos: None,
            },
        });
    }

    // 1. Social posts.
    for (pi, p) in doc.paras.iter().enumerate() {
        if pi == 0 || p.start < doc.body_start {
            continue;
        }
        let line = &text[p.clone()];
        let Some(rest) = line
            .strip_prefix(['—', '―', '–'])
            .or_else(|| line.strip_prefix("--"))
        else {
            continue;
        };
        let Some(at) = rest.find("(@") else { continue };
        let Some(close) = rest[at..].find(')') else {
            continue;
        };
        let name_start =
            p.start + (line.len() - rest.len()) + (rest.len() - rest.trim_start().len());
        let name_end = p.start + (line.len() - rest.len()) + at;
        let mention_end = p.start + (line.len() - rest.len()) + at + close + 1;
        let prev = doc.paras[pi - 1].clone();
        let post = social_post_text(text, prev.clone());
        if post.is_empty() {
            continue;
        }
        let dash = p.start..p.start + line.chars().next().map_or(1, char::len_utf8);
        raws.push(Raw {
            kind: QuoteKind::Direct,
            pieces: vec![post],
            qrule: "direct/social-post",
            cue: None,
            cue_range: Some(dash),
            who: Who::Handle {
                range: name_start..mention_end,
                name: trim(text, name_start..name_end, &[]),
            },
        });
        consumed.push(prev.start..p.end);
    }
    for (i, s) in doc.spans.iter().enumerate() {
        if consumed.contains(s.outer.start) || s.outer.start < doc.body_start {
            used_span[i] = true;
        }
    }

    // 2. Direct quotes with a frame after them.
    for si in 0..doc.spans.len() {
        if used_span[si] {
            continue;
        }
        let span = &doc.spans[si];
        let pi = doc.para_of(span.outer.start);
        let para = doc.paras[pi].clone();
        let content = span.content();
        let ctext = text[content.clone()].trim_end();
        let after = &text[span.outer.end.min(para.end)..para.end];
        let ends_open = ctext.ends_with([',', '?', '!', '…', '—', '-', '–']);
        if !(ends_open || after.starts_with(',')) || after.trim().is_empty() {
            continue;
        }
        let next_span_start = doc
            .spans
            .get(si + 1)
            .map(|n| n.outer.start)
            .unwrap_or(usize::MAX);
        let fstart = span.outer.end + (after.len() - after.trim_start_matches([',', ' ']).len());
        let fend = frame_end(text, fstart, para.end.min(next_span_start));
        // Cues are in text order: the first one at or after the frame start.
        let ci = doc.cues.partition_point(|c| c.range.start < fstart);
        if doc.cues.get(ci).is_none_or(|c| c.range.start >= fend) {
            continue;
        }
        let fend = participle_clause_in_frame(doc, ci + 1, fend).unwrap_or(fend);
        if used_cue[ci] {
            continue;
        }
        let cue = &doc.cues[ci];
        // (a longer frame only as a name and its apposition)
        let long_named = if word_count_upto(text, fstart..cue.range.start, 9) > 8 {
            match named_then_apposition(text, fstart..cue.range.start) {
                Some(found) => Some(found),
                None => continue,
            }
        } else {
            None
        };
        let mut cue_end = object_end(text, cue, fend, lx).unwrap_or(cue.range.end);
        let who = if let Some((name, appos)) = long_named {
            Who::Mention {
                range: name,
                appos: Some(appos),
            }
        } else if text[fstart..cue.range.start].trim().is_empty() {
            // An inverted object verb names its subject, not its object: in
            // `"Is it over?" asked Ruth Hammond.` the name after "asked" is the asker.
            let found = subject_after(text, cue_end..fend.max(cue_end), lx).or_else(|| {
                let r = subject_after(text, cue.range.end..fend.max(cue.range.end), lx);
                if r.is_some() {
                    cue_end = cue.range.end;
                }
                r
            });
            match found {
                Some((r, appos)) => Who::Mention { range: r, appos },
                None => continue,
            }
        } else {
            match subject_before(text, &doc.words, fstart..cue.range.start, lx) {
                Some((r, appos)) => Who::Mention { range: r, appos },
                None => continue,
            }
        };
        // Inverted frames run to the sentence end ("said Alicia Reyes, director of ...").
        let mut frame_stop = fend;
        if let Who::Mention { appos: Some(a), .. } = &who {
            frame_stop = frame_stop.max(a.end);
        }
        let mut pieces = vec![trim_content_direct(text, content)];
        used_span[si] = true;
        used_cue[ci] = true;
        // Interrupted quote: the next span right after the frame, then consecutive spans.
        let mut last_end = frame_stop;
        let mut sj = si + 1;
        let mut outer_end = span.outer.end;
        while sj < doc.spans.len() && !used_span[sj] {
            let n = &doc.spans[sj];
            if n.outer.start > para.end && n.pieces.len() == 1 {
                break;
            }
            let gap = &text[last_end..n.outer.start];
            if !gap
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':'))
                .is_empty()
            {
                break;
            }
            if doc.para_of(n.outer.start) != pi {
                break;
            }
            // A following span with its own frame is its own quote.
            let nafter = &text[n.outer.end.min(para.end)..para.end];
            let ntext = text[n.content()].trim_end();
            // The frame starts one char past the span, never past the paragraph (a quote
            // left open at the paragraph end) nor inside a multi-byte char.
            let frame_from =
                n.outer.end.min(para.end) + nafter.chars().next().map_or(0, char::len_utf8);
            if (ntext.ends_with(',') || nafter.starts_with(','))
                && doc.cues[doc.cues.partition_point(|c| c.range.start < n.outer.end)..]
                    .first()
                    .is_some_and(|c| c.range.start < frame_end(text, frame_from, para.end))
            {
                break;
            }
            for p in &n.pieces {
                pieces.push(trim_content_direct(text, p.clone()));
            }
            used_span[sj] = true;
            last_end = n.outer.end;
            outer_end = n.outer.end;
            sj += 1;
        }
        consumed.push(span.outer.start..frame_stop.max(outer_end));
        raws.push(Raw {
            kind: QuoteKind::Direct,
            pieces,
            qrule: "direct/postposed",
            cue: Some(cue.clone()),
            cue_range: Some(cue.range.start..cue_end),
            who,
        });
    }

    // 3. Every remaining cue.
    #[allow(clippy::needless_range_loop)] // `used_cue` is updated inside the loop
    for ci in 0..doc.cues.len() {
        if used_cue[ci] {
            continue;
        }
        let cue = doc.cues[ci].clone();
        if consumed.contains(cue.range.start) {
            continue;
        }
        let si = doc.sentence_of(cue.range.start);
        // A frame and its clause lie within a window around the cue: bounding it keeps the
        // work per cue constant on one enormous "sentence" (a 5 MB line).
        let full = doc.sents[si].range.clone();
        let sent = floor_char(text, full.start.max(cue.range.start.saturating_sub(WINDOW)))
            ..floor_char(text, full.end.min(cue.range.end + WINDOW)).max(cue.range.end);
        let region_start = consumed
            .last_end_in(sent.start, cue.range.start)
            .unwrap_or(sent.start);
        let entry = cue.entry(lx);
        let form = &entry.form;
        let before = text[region_start..cue.range.start].trim_end();

        // According to.
        if form == "according to" {
            if let Some(r) = according_to(doc, &cue, sent.clone(), region_start) {
                consumed.push(
                    r.pieces[0].start.min(cue.range.start)..r.pieces[0].end.max(cue.range.end),
                );
                used_cue[ci] = true;
                mark_spans(doc, &mut used_span, &r.pieces[0]);
                raws.push(r);
            }
            continue;
        }

        // "The sources quoted Poehl as saying that ...", "Baker was quoted on television as
        // saying ...": the person quoted is the speaker, not the sentence's subject.
        if form == "saying" {
            if let Some(who) = quoted_as_saying(text, &doc.words, region_start..cue.range.start, lx)
            {
                let Some(cl) = clause_after(text, &doc.words, &cue, sent.end, &doc.quoted, lx)
                else {
                    continue;
                };
                used_cue[ci] = true;
                push_clause(
                    doc,
                    &cl,
                    &cue,
                    "clause",
                    Who::Mention {
                        range: who,
                        appos: None,
                    },
                    &mut used_span,
                    &mut consumed,
                    &mut raws,
                );
                continue;
            }
        }

        // Participle: ", adding ..." shares the sentence's speaker.
        if form.ends_with("ing") && before.ends_with(',') {
            let Some(cl) = clause_after(text, &doc.words, &cue, sent.end, &doc.quoted, lx) else {
                continue;
            };
            let earlier = raws
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    doc.sentence_of(r.pieces[0].start) == si
                        || r.cue_range
                            .as_ref()
                            .is_some_and(|c| doc.sentence_of(c.start) == si)
                })
                .map(|(i, _)| i)
                .next_back();
            let who = match earlier {
                Some(i) => Who::SameAs(i),
                None => match leading_np(text, sent.start..cue.range.start, lx) {
                    Some(r) => Who::Mention {
                        range: r,
                        appos: None,
                    },
                    None => continue,
                },
            };
            used_cue[ci] = true;
            push_clause(
                doc,
                &cl,
                &cue,
                "participle",
                who,
                &mut used_span,
                &mut consumed,
                &mut raws,
            );
            continue;
        }

        let clause = clause_after(
            text,
            &doc.words,
            &cue,
            subordinate_end(text, sent.clone(), cue.range.end, &doc.quoted),
            &doc.quoted,
            lx,
        );
        // Inverted frame: "..., the minister said." — nothing but adverbials after the cue.
        let cue_end = object_end(text, &cue, sent.end, lx)
            .unwrap_or(cue.range.end)
            .min(sent.end.max(cue.range.end));
        let tail = &text[cue_end.min(sent.end)..sent.end];
        let tail_words = doc.words.first_words(text, cue_end..sent.end, 1);
        // The tail after the cue: adverbials ("on Sunday", "last month") or, after a comma,
        // an adjunct (", blaming a slump in prices").
        let tail_before_comma = tail.split(',').next().unwrap_or("");
        let tail_first = tail_words.first().map(|w| lowercase(&text[w.clone()]));
        // "Karen Holt, urged the government to fund 2,000 beds": an object and a
        // to-infinitive after the cue are its content, not an adverbial tail.
        let infinitive_after_object =
            cue_end > cue.range.end && tail_first.as_deref() == Some("to");
        // `Asked ..., he said, "No one will propose that."`: a comma and a quotation after
        // the cue make a preposed direct frame, not an inverted one.
        let tail_opens_quote = tail.trim_start().strip_prefix(',').is_some_and(|rest| {
            let at = sent.end - rest.trim_start().len();
            // (spans are disjoint and in text order)
            let i = doc.spans.partition_point(|s| s.outer.start < at);
            doc.spans.get(i).is_some_and(|s| s.outer.start == at)
        });
        let tail_small = (tail.trim_start().starts_with(',') && !tail_opens_quote)
            || tail_words.is_empty()
            // (the word test first: it is cheap and most often false)
            || (!infinitive_after_object
                && tail_first.as_deref().is_some_and(|f| {
                    mentions::PREPOSITIONS.contains(&f)
                        || matches!(
                            f,
                            "last"
                                | "this"
                                | "yesterday"
                                | "today"
                                | "tonight"
                                | "earlier"
                                | "later"
                                | "recently"
                                | "late"
                                | "early"
                        )
                }) && tail_before_comma.split_whitespace().take(7).count() <= 6)
            || bare_weekday_tail(tail_first.as_deref(), tail_before_comma);
        // "Prices will rise next year, said a Treasury spokesman." / "..., said Bill Guerard
        // of the California Energy Commission.": the subject after the cue, straight after
        // the comma, to the sentence's end (with an apposition) is an inverted frame too.
        let inverted_subject = !tail_small
            && text[region_start..cue.range.start]
                .trim_end()
                .ends_with(',')
            && tail_words.first().is_some_and(|w| {
                let t = &text[w.clone()];
                t.starts_with(char::is_uppercase) || matches!(t, "a" | "an" | "the")
            })
            // (no quoted range reaches into the tail: the merged ranges are disjoint and
            // sorted, so the first that ends after the cue is the one to test)
            && doc.quoted[doc.quoted.partition_point(|q| q.end <= cue_end)..]
                .first()
                .is_none_or(|q| q.start >= sent.end)
            && subject_after(text, cue_end..sent.end, lx).is_some_and(|(r, a)| {
                let end = a.map_or(r.end, |a| a.end);
                text[end..sent.end]
                    .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
                    .is_empty()
                    && mentions::inverted_subject_np(text, r, lx)
            });
        if tail_small || inverted_subject {
            if let Some(comma) = last_top_comma(text, region_start..cue.range.start) {
                // "..., Franciso Chona, manager of the state-run oil company Ecopetrol
                // said.": the name and its unclosed apposition are the subject.
                let unclosed =
                    unclosed_apposition_comma(text, region_start..comma, cue.range.start, lx);
                let comma = unclosed.as_ref().map_or(comma, |u| u.0);
                let subj_region = comma + 1..cue.range.start;
                let content = skip_dateline(text, trim_content(text, region_start..comma));
                // "Asked about the rise, the minister said ...": the participle adjunct is
                // the question put, not what was said.
                let asked_adjunct = doc
                    .words
                    .first_words(text, content.clone(), 1)
                    .first()
                    .is_some_and(|w| &text[w.clone()] == "Asked");
                let nsubj = word_count_upto(text, subj_region.clone(), 9);
                let who = if let Some((_, name, role)) = unclosed {
                    Some(Who::Mention {
                        range: name,
                        appos: Some(role),
                    })
                } else if text[subj_region.clone()].trim().is_empty() {
                    subject_after(text, cue_end..sent.end, lx)
                        .map(|(r, a)| Who::Mention { range: r, appos: a })
                } else if nsubj <= 8 {
                    // The whole stretch between the comma and the cue is the subject.
                    subject_before(text, &doc.words, subj_region.clone(), lx)
                        .filter(|(r, _)| text[subj_region.start..r.start].trim().is_empty())
                        .map(|(r, a)| Who::Mention { range: r, appos: a })
                } else {
                    None
                };
                if let Some(who) = who {
                    // Spans are disjoint and in text order: of those starting at or before
                    // the content, the last reaches furthest.
                    let is_quote_only = doc.spans[..doc
                        .spans
                        .partition_point(|s| s.outer.start <= content.start)]
                        .last()
                        .is_some_and(|s| s.outer.end >= content.end);
                    // The frame ", X said." is evidence enough of reported speech.
                    if word_count_upto(text, content.clone(), 4) >= 4
                        && !is_quote_only
                        && !asked_adjunct
                    {
                        let (kind, pieces, qrule) =
                            classify_content(doc, content.clone(), "postposed", false, false);
                        used_cue[ci] = true;
                        // (", calling the deployment "a clear signal"": the naming
                        // participle's quote is left for rule 3b)
                        let stop = naming_participle_after(doc, cue_end, sent.end);
                        consumed.push(content.start..stop.unwrap_or(sent.end));
                        mark_spans(doc, &mut used_span, &content);
                        raws.push(Raw {
                            kind,
                            pieces,
                            qrule,
                            cue: Some(cue.clone()),
                            cue_range: Some(cue.range.start..cue_end),
                            who,
                        });
                        continue;
                    }
                }
            }
        }
        // "In a statement read to the inquest, Mr Fraser's mother, Moira Fraser, said:" at a
        // paragraph's end: the quote that opens the next paragraph (over every paragraph
        // it runs) is the frame's.
        if clause.is_none() {
            let para = doc.paras[doc.para_of(cue.range.start)].clone();
            let next = doc.paras.get(doc.para_of(cue.range.start) + 1);
            if text[cue_end.min(para.end)..para.end].trim() == ":" {
                let sj = next.map_or(doc.spans.len(), |n| {
                    doc.spans.partition_point(|s| s.outer.start < n.start)
                });
                let opens = next.is_some_and(|n| {
                    doc.spans
                        .get(sj)
                        .is_some_and(|s| s.outer.start == n.start && !used_span[sj])
                });
                if opens {
                    if let Some((subj, appos)) =
                        subject_before(text, &doc.words, region_start..cue.range.start, lx)
                    {
                        let span = &doc.spans[sj];
                        used_cue[ci] = true;
                        used_span[sj] = true;
                        consumed.push(cue.range.start..span.outer.end);
                        raws.push(Raw {
                            kind: QuoteKind::Direct,
                            pieces: span
                                .pieces
                                .iter()
                                .map(|p| trim_content_direct(text, p.clone()))
                                .collect(),
                            qrule: "direct/preposed",
                            cue: Some(cue.clone()),
                            cue_range: Some(cue.range.start..cue_end),
                            who: Who::Mention { range: subj, appos },
                        });
                        continue;
                    }
                }
            }
        }
        let Some(cl) = clause else { continue };
        // "X said A and promised that B", "... but warned that B": the same speaker.
        let conj_only = {
            let b = text[region_start..cue.range.start]
                .trim_matches(|c: char| c.is_whitespace() || c == ',');
            let bl = b.to_lowercase();
            matches!(
                bl.as_str(),
                "and" | "but" | "and also" | "but also" | "but later" | "and later" | "and then"
            )
        };
        if conj_only {
            let prev = raws.iter().enumerate().rev().find(|(_, r)| {
                r.cue_range
                    .as_ref()
                    .is_some_and(|c| doc.sentence_of(c.start) == si)
            });
            if let Some((pi_raw, _)) = prev {
                used_cue[ci] = true;
                let who = Who::SameAs(pi_raw);
                push_clause(
                    doc,
                    &cl,
                    &cue,
                    clause_rule(&cl),
                    who,
                    &mut used_span,
                    &mut consumed,
                    &mut raws,
                );
                continue;
            }
        }
        // A parenthetical frame ("The question, they said, is ...") is not a pre-posed one.
        if text[cue_end..].trim_start().starts_with(',') && before.ends_with(',') {
            continue;
        }
        // Pre-posed frame: "X said [that] ...".
        let Some((subj, appos)) =
            subject_before(text, &doc.words, region_start..cue.range.start, lx)
        else {
            continue;
        };
        used_cue[ci] = true;
        let who = Who::Mention { range: subj, appos };
        push_clause(
            doc,
            &cl,
            &cue,
            clause_rule(&cl),
            who,
            &mut used_span,
            &mut consumed,
            &mut raws,
        );
    }

    // 3b. A quoted characterisation after a naming verb and its object: `called the veto
    // "a betrayal"`, `described the deal as 'massive for the club'`, `, calling them "a
    // lie"`: a direct quote of the verb's subject.
    #[allow(clippy::needless_range_loop)] // `used_span` is updated inside the loop
    for si in 0..doc.spans.len() {
        if used_span[si] {
            continue;
        }
        let span = &doc.spans[si];
        let open = span.outer.start;
        if open < doc.body_start || consumed.contains(open) || span.pieces.len() != 1 {
            continue;
        }
        let sent = doc.sents[doc.sentence_of(open)].range.clone();
        let region_start = consumed.last_end_in(sent.start, open).unwrap_or(sent.start);
        let Some(verb) = clauses::naming_frame_before(text, open, region_start) else {
            continue;
        };
        let before = text[sent.start..verb.start].trim_end();
        let who = if text[verb.clone()].ends_with("ing") && before.ends_with(',') {
            // A participle shares the sentence's speaker.
            let earlier = raws
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    r.cue_range
                        .as_ref()
                        .is_some_and(|c| c.start >= sent.start && c.end <= open)
                })
                .map(|(i, _)| i)
                .next_back();
            match earlier {
                Some(i) => Who::SameAs(i),
                None => match leading_np(text, sent.start..verb.start, lx) {
                    Some(r) => Who::Mention {
                        range: r,
                        appos: None,
                    },
                    None => continue,
                },
            }
        } else {
            match subject_before(text, &doc.words, region_start..verb.start, lx) {
                Some((r, appos)) => Who::Mention { range: r, appos },
                None => continue,
            }
        };
        used_span[si] = true;
        consumed.push(verb.start..span.outer.end);
        raws.push(Raw {
            kind: QuoteKind::Direct,
            pieces: vec![trim_content_direct(text, span.content())],
            qrule: "direct/naming",
            cue: None,
            cue_range: Some(verb),
            who,
        });
    }

    // 4. Quote-only paragraphs continuing the previous speaker.
    for si in 0..doc.spans.len() {
        if used_span[si] {
            continue;
        }
        let span = &doc.spans[si];
        let pi = doc.para_of(span.outer.start);
        let para = doc.paras[pi].clone();
        if span.outer.start != para.start || consumed.contains(span.outer.start) {
            continue;
        }
        let ctext = &text[span.content()];
        if word_count_upto(text, span.content(), 4) < 4 {
            continue;
        }
        let _ = ctext;
        let mut pieces: Vec<Range<usize>> = span
            .pieces
            .iter()
            .map(|p| trim_content_direct(text, p.clone()))
            .collect();
        used_span[si] = true;
        let mut last_end = span.outer.end;
        let mut sj = si + 1;
        while sj < doc.spans.len() && !used_span[sj] {
            let n = &doc.spans[sj];
            // (a closed quote ends its paragraph's quotation: the next quote-only
            // paragraph is a quotation of its own, perhaps the other side's answer)
            let gap = &text[last_end..n.outer.start];
            if !gap.trim().is_empty() || gap.contains('\n') {
                break;
            }
            pieces.extend(
                n.pieces
                    .iter()
                    .map(|p| trim_content_direct(text, p.clone())),
            );
            used_span[sj] = true;
            last_end = n.outer.end;
            sj += 1;
        }
        raws.push(Raw {
            kind: QuoteKind::Direct,
            pieces,
            qrule: "direct/context",
            cue: None,
            cue_range: None,
            who: Who::Previous,
        });
    }

    // 5. A quoted sentence that ends its paragraph after narration about a person, with no
    // frame of its own: the person speaks it ("Marguerite insists the book is not
    // autobiographical. “People will look for Desmond in it.”", "Asked whether she will
    // write a fourth, she shrugs. “Ask me in nine years.”", a live blog's "Whitcombe
    // again: “We’ll learn from this.”").
    for (si, span) in doc.spans.iter().enumerate() {
        if used_span[si] {
            continue;
        }
        let para = doc.paras[doc.para_of(span.outer.start)].clone();
        if span.outer.start <= para.start
            || span.outer.start < doc.body_start
            || consumed.contains(span.outer.start)
            || !text[span.outer.end.min(para.end)..para.end]
                .trim()
                .is_empty()
            || span.pieces.len() != 1
        {
            continue;
        }
        let content = trim_content_direct(text, span.pieces[0].clone());
        let ctext = &text[content.clone()];
        // An utterance: three words or more, a capital first, its own final punctuation.
        if words(text, content.clone()).len() < 3
            || !ctext.starts_with(char::is_uppercase)
            || !ctext.ends_with(['.', '!', '?'])
        {
            continue;
        }
        // The narration before it: a sentence, or a verbless frame ending in a colon.
        let before = trim(text, para.start..span.outer.start, &[]);
        let frame = &text[before.clone()];
        let colon = frame.ends_with(':');
        if !(colon || frame.ends_with(['.', '!', '?'])) {
            continue;
        }
        let sent = doc.sents[doc.sentence_of(before.end.saturating_sub(1))]
            .range
            .clone();
        let sent = before.start.max(sent.start)..before.end;
        if cues::inside(&doc.quoted, sent.start)
            || text[sent.clone()].starts_with(['"', '“', '‘', '\'', '«', '„'])
        {
            continue; // a quote's own frame: the quote before speaks on ("direct/context")
        }
        if colon
            && words(text, sent.clone()).iter().any(|w| {
                let l = text[w.clone()].to_lowercase();
                lx.cue(&l).is_some() || mentions::AUXILIARIES.contains(&l.as_str())
            })
        {
            continue; // a colon frame with a verb is the pre-posed rule's
        }
        // Its subject: at the sentence start, else after its last comma ("Asked ..., she").
        let mut found = None;
        let mut starts = vec![sent.start];
        if let Some(c) = last_top_comma(text, sent.clone()) {
            starts.push(c + 1);
        }
        for st in starts {
            let r = mentions::skip_timestamp(text, trim(text, st..sent.end, &[]));
            let ws = words(text, r);
            let Some(first) = ws.first() else { continue };
            let fl = text[first.clone()].to_lowercase();
            if fl == "he" || fl == "she" {
                found = Some(first.clone());
                break;
            }
            // A name: the capitalised run that opens the clause, of a person.
            let run = ws
                .iter()
                .take_while(|w| text[(*w).clone()].starts_with(char::is_uppercase))
                .count();
            if run == 0 || run > 4 {
                continue;
            }
            let np = first.start..ws[run - 1].end;
            let m = analyse(text, np.clone(), false, lx);
            let person = m.kind == MentionKind::Name
                && m.name.as_ref().is_some_and(|nr| {
                    let canon = doc
                        .inv
                        .canonical(&text[nr.clone()], Gender::Unknown, nr.start);
                    !doc.inv.is_org(&canon)
                        && (doc.inv.is_person(&canon) || canon.split_whitespace().count() >= 2)
                });
            if person {
                found = Some(np);
                break;
            }
        }
        let Some(np) = found else { continue };
        used_span[si] = true;
        raws.push(Raw {
            kind: QuoteKind::Direct,
            pieces: vec![content],
            qrule: "direct/context",
            cue: None,
            cue_range: None,
            who: Who::Mention {
                range: np,
                appos: None,
            },
        });
    }
    raws
}

/// Where a naming participle with its own quoted object starts in `from..sent_end`
/// (`, calling the deployment "a clear signal"`), if one does.
fn naming_participle_after(doc: &Doc, from: usize, sent_end: usize) -> Option<usize> {
    let next = doc
        .spans
        .get(doc.spans.partition_point(|s| s.outer.start < from))?;
    if next.outer.start >= sent_end {
        return None;
    }
    let verb = clauses::naming_frame_before(doc.text, next.outer.start, from)?;
    (doc.text[verb.clone()].ends_with("ing") && doc.text[from..verb.start].contains(','))
        .then_some(verb.start)
}

/// The quote rule of a reported clause after a pre-posed cue.
fn clause_rule(cl: &Clause) -> &'static str {
    if cl.that {
        "that-clause"
    } else {
        "clause"
    }
}

/// Records a reported clause found after a cue: classifies its content, marks
/// the clause and the quote spans inside it as used, and adds the quote spoken by `who`.
/// The speaker of "quoted X as saying": in "The sources quoted Poehl as saying that ..."
/// the noun phrase between "quoted" and "as" (up to six words, opening with a capital or a
/// determiner, no verb); in the passive "Baker was quoted on British Television as saying
/// ..." the subject before "was/were quoted" ([`subject_before`]). `before` runs from the sentence (or clause)
/// start to the cue "saying". None when "as" does not come right before the cue or no
/// "quoted" comes before it.
fn quoted_as_saying(
    text: &str,
    wt: &WordTable,
    before: Range<usize>,
    lx: &Lexicon,
) -> Option<Range<usize>> {
    let b = text[before.clone()].trim_end();
    let b = b.strip_suffix(" as")?;
    let q = b
        .rfind(" quoted ")
        .map(|i| i + 1)
        .or_else(|| b.starts_with("quoted ").then_some(0))?;
    let q_start = before.start + q;
    let q_end = q_start + "quoted".len();
    let as_start = before.start + b.len();
    let head = text[before.start..q_start].trim_end();
    let passive = ["was", "were", "is", "are", "been"]
        .iter()
        .any(|aux| head.ends_with(&format!(" {aux}")) || head == *aux);
    if passive {
        // ("The head of the authority, Murilo Rubens Habbema, was quoted": the subject
        // with its apposition, as before any cue)
        let aux = head.rfind(' ').map_or(before.start, |i| before.start + i);
        return subject_before(text, wt, before.start..aux, lx).map(|(r, _)| r);
    }
    let np = trim(text, q_end..as_start, &[]);
    let words: Vec<&str> = text[np.clone()].split_whitespace().collect();
    let first = words.first()?;
    let ok = (1..=6).contains(&words.len())
        && (first.starts_with(char::is_uppercase)
            || matches!(*first, "the" | "a" | "an" | "its" | "his" | "her" | "their"))
        && !words
            .iter()
            .any(|w| w.ends_with(',') || mentions::verbish(w, lx) || lx.cue(w).is_some());
    ok.then_some(np)
}

/// A role without the angle brackets wire copy tags company names with: "Commerzbank AG
/// <CBKG.F> management board chairman" is "Commerzbank AG management board chairman" (a
/// bracketed word without lowercase letters, a stock ticker, goes with its space, also
/// when the role was cut before its ">": "spokesman for Hitachi Ltd <HIT.T"); "chairman
/// of <Pitts Oil Co>" (an unlisted company) keeps the name without the brackets.
fn without_tickers(role: String) -> String {
    if !role.contains('<') {
        return role;
    }
    let ticker = |inner: &str| {
        !inner.is_empty() && !inner.contains(' ') && !inner.chars().any(char::is_lowercase)
    };
    let mut out = String::with_capacity(role.len());
    let mut rest = role.as_str();
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|c| open + c) else {
            if ticker(&rest[open + 1..]) {
                out.push_str(rest[..open].trim_end());
                rest = "";
            }
            break;
        };
        let inner = &rest[open + 1..close];
        if ticker(inner) {
            out.push_str(rest[..open].trim_end());
        } else {
            out.push_str(&rest[..open]);
            out.push_str(inner);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn push_clause(
    doc: &Doc,
    cl: &Clause,
    cue: &Cue,
    rule: &'static str,
    who: Who,
    used_span: &mut [bool],
    consumed: &mut Consumed,
    raws: &mut Vec<Raw>,
) {
    let (kind, pieces, qrule) = classify_content(doc, cl.range.clone(), rule, cl.that, cl.colon);
    let end = pieces
        .last()
        .map(|p| p.end)
        .unwrap_or(cl.range.end)
        .max(cl.range.end);
    consumed.push(cue.range.start..end);
    mark_spans(doc, used_span, &(cl.range.start..end));
    raws.push(Raw {
        kind,
        pieces,
        qrule,
        cue: Some(cue.clone()),
        cue_range: Some(cue.range.start..cl.cue_end),
        who,
    });
}

fn mark_spans(doc: &Doc, used: &mut [bool], r: &Range<usize>) {
    // Spans are disjoint and in text order: those overlapping `r` are consecutive.
    let first = doc.spans.partition_point(|s| s.outer.end <= r.start);
    for (i, s) in doc.spans.iter().enumerate().skip(first) {
        if s.outer.start >= r.end {
            break;
        }
        if s.outer.end > r.start {
            used[i] = true;
        }
    }
}

/// Skips a dateline at the start of a content range ("LUSAKA, March 2 - ", "RIVERTON — ").
fn skip_dateline(text: &str, r: Range<usize>) -> Range<usize> {
    let r = mentions::skip_timestamp(text, r);
    let s = &text[r.clone()];
    let cut = (0..=s.len().min(60))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    let head = &s[..cut];
    for d in [" - ", " — ", " -- ", " – "] {
        if let Some(i) = head.find(d) {
            let first = head.split([',', ' ']).next().unwrap_or("");
            if first.len() >= 2
                && first
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '-')
            {
                return trim(text, r.start + i + d.len()..r.end, &[]);
            }
        }
    }
    r
}

/// "When the minister told MPs that funding would rise, few believed him": in a sentence
/// opened by a subordinator, a clause reported inside it ends at the first comma (outside
/// quote marks) after the cue; otherwise the sentence end.
fn subordinate_end(text: &str, sent: Range<usize>, after: usize, quoted: &[Range<usize>]) -> usize {
    let first = text[sent.clone()]
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    // "Dana Whitfield, who said she was innocent, was released": a relative clause too.
    let relative = after <= sent.end
        && text[sent.start..after].contains(", ")
        && text[sent.start..after]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .nth(1)
            .is_some_and(|w| matches!(w, "who" | "which"));
    if !(relative
        || matches!(
            first,
            "When"
                | "As"
                | "After"
                | "Before"
                | "While"
                | "Because"
                | "Although"
                | "If"
                | "Since"
                | "Though"
                | "Once"
                | "Until"
                | "Unless"
        ))
        || after >= sent.end
    {
        return sent.end;
    }
    text[after..sent.end]
        .match_indices(',')
        .map(|(i, _)| after + i)
        .find(|&i| !cues::inside(quoted, i))
        .unwrap_or(sent.end)
}

/// The last comma at top level (outside quote marks) in `r`.
/// The comma before the subject of an inverted frame whose apposition no comma closes:
/// in "..., Franciso Chona, manager of the state-run oil company Ecopetrol said." the
/// last comma (`before` ends there) splits the name from its title, and the comma before
/// the name ends the content: that comma, the name and the title. `None` when the stretch is no such name and title
/// ([`mentions::name_then_unclosed_role`]) or the content before would be under four
/// words.
fn unclosed_apposition_comma(
    text: &str,
    before: Range<usize>,
    cue_start: usize,
    lx: &Lexicon,
) -> Option<(usize, Range<usize>, Range<usize>)> {
    let prev = last_top_comma(text, before.clone())?;
    let name = trim(text, prev + 1..before.end, &[]);
    let role = trim(text, before.end + 1..cue_start, &[]);
    (mentions::name_then_unclosed_role(text, name.clone(), role.clone(), lx)
        && word_count_upto(text, before.start..prev, 4) >= 4)
        .then_some((prev, name, role))
}

fn last_top_comma(text: &str, r: Range<usize>) -> Option<usize> {
    let s = &text[r.clone()];
    let mut depth = false;
    let mut last = None;
    for (i, c) in s.char_indices() {
        match c {
            '"' | '“' | '”' | '«' | '»' => depth = !depth,
            ',' if !depth => last = Some(r.start + i),
            _ => {}
        }
    }
    last
}

/// Content of a direct quote piece: no surrounding space, no trailing comma of the frame.
fn trim_content_direct(text: &str, r: Range<usize>) -> Range<usize> {
    let r = trim(text, r, &[]);
    let s = &text[r.clone()];
    let t = s.trim_end_matches([',', ' ', '—', '–']);
    r.start..r.start + t.len()
}

/// Direct when the content is all in marks; mixed when some is; else indirect.
fn classify_content(
    doc: &Doc,
    content: Range<usize>,
    frame: &'static str,
    that: bool,
    colon: bool,
) -> (QuoteKind, Vec<Range<usize>>, &'static str) {
    let text = doc.text;
    // A quote that opens the content and runs past it (a multi-sentence direct quote).
    let from = doc.spans.partition_point(|s| s.outer.start < content.start);
    if let Some(s) = doc.spans[from..]
        .first()
        .filter(|s| s.outer.start == content.start)
    {
        let rest_end = content.end.max(s.outer.end);
        let after = text[s.outer.end.min(rest_end)..rest_end]
            .trim_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
        if after.is_empty() || s.outer.end >= content.end {
            let mut pieces: Vec<Range<usize>> = s
                .pieces
                .iter()
                .map(|p| trim_content_direct(text, p.clone()))
                .collect();
            // Consecutive quotes right after a colon frame belong to it.
            if colon {
                let mut last = s.outer.end;
                let after = doc.spans.partition_point(|n| n.outer.start < s.outer.end);
                for n in &doc.spans[after..] {
                    if !text[last..n.outer.start].trim().is_empty()
                        || doc.para_of(n.outer.start) != doc.para_of(s.outer.start)
                    {
                        break;
                    }
                    pieces.extend(
                        n.pieces
                            .iter()
                            .map(|p| trim_content_direct(text, p.clone())),
                    );
                    last = n.outer.end;
                }
            }
            let rule = if colon {
                "direct/preposed"
            } else {
                "direct/clause"
            };
            return (QuoteKind::Direct, pieces, rule);
        }
    }
    // A quote cut by the sentence end: extend the content to its closing mark.
    let mut end = content.end;
    for s in &doc.spans[from..] {
        if s.outer.start >= end {
            break; // text order: no later span starts before `end`
        }
        if s.outer.end > end {
            end = s.outer.end;
        }
    }
    let content = content.start..end;
    let mixed = doc.spans[from..]
        .first()
        .is_some_and(|s| s.outer.start < content.end);
    let kind = if mixed {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    let rule = match (kind, frame) {
        (QuoteKind::Mixed, "postposed") => "mixed/postposed",
        (QuoteKind::Mixed, "participle") => "mixed/participle",
        (QuoteKind::Mixed, "according-to") => "mixed/according-to",
        (QuoteKind::Mixed, "that-clause") => "mixed/that-clause",
        (QuoteKind::Mixed, _) => "mixed/clause",
        (_, "postposed") => "indirect/postposed",
        (_, "participle") => "indirect/participle",
        (_, "according-to") => "indirect/according-to",
        (_, _) if that => "indirect/that-clause",
        _ => "indirect/clause",
    };
    (kind, vec![content], rule)
}

/// After a pre-posed "according to" description ending at the comma `comma` ("the
/// band's manager,"), the length from that comma to the comma that closes a name in
/// apposition ("Ruth Sillars,": two to four capitalised words; one may be the first of a
/// list: "Britain, France and Spain"), or 0.
fn appositive_name_after(text: &str, np: Range<usize>, comma: usize, end: usize) -> usize {
    let last_lower = text[np]
        .split_whitespace()
        .last()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    if !last_lower {
        return 0;
    }
    let rest = &text[comma + 1..end];
    let Some(next) = rest.find(',') else {
        return 0;
    };
    let name = rest[..next].trim();
    let n = name.split_whitespace().count();
    if (2..=4).contains(&n)
        && name.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
    {
        next + 1
    } else {
        0
    }
}

/// "According to X, ..." and "..., according to X." (not a document: "official results").
fn according_to(doc: &Doc, cue: &Cue, sent: Range<usize>, region_start: usize) -> Option<Raw> {
    let text = doc.text;
    let lx = doc.lx;
    let before = text[region_start..cue.range.start].trim();
    let (np, content) = if before.is_empty() || before.split_whitespace().count() <= 1 {
        // Pre-posed: NP up to the first comma, content after it.
        let rest = &text[cue.range.end..sent.end];
        let comma = rest.find(',')?;
        let np = trim(text, cue.range.end..cue.range.end + comma, &[]);
        // "According to the band's manager, Ruth Sillars, ...": the name in apposition
        // after a description belongs to the source, not to the content.
        let comma = cue.range.end
            + comma
            + appositive_name_after(text, np.clone(), cue.range.end + comma, sent.end);
        let np = trim(text, np.start..comma, &[]);
        let content = trim_content(text, comma + 1..sent.end);
        (np, content)
    } else {
        let comma = last_top_comma(text, region_start..cue.range.start)?;
        if !text[comma + 1..cue.range.start].trim().is_empty() {
            return None;
        }
        let np = trim(text, cue.range.end..sent.end, &['.', '!', '?']);
        let content = trim_content(text, region_start..comma);
        (np, content)
    };
    let mut np = np;
    let mut ws = words(text, np.clone());
    if ws.is_empty() || ws.len() > 10 {
        return None;
    }
    // "according to a statement from the Greenhill Residents Association": a document
    // from a named source is that source speaking.
    if let Some(k) = ws
        .iter()
        .position(|w| matches!(&*lowercase(&text[w.clone()]), "from" | "by" | "issued"))
    {
        let doc_before = ws[..k]
            .iter()
            .any(|w| lx.is_document(&lowercase(&text[w.clone()])));
        let mut src = k + 1;
        if ws.get(src).is_some_and(|w| &text[w.clone()] == "by") {
            src += 1; // "issued by"
        }
        let named = ws[src..].iter().any(|w| {
            let t = &text[w.clone()];
            t.starts_with(char::is_uppercase)
        });
        if doc_before && named && src < ws.len() {
            np = ws[src].start..np.end;
            ws = words(text, np.clone());
        }
    }
    let head = lowercase(&text[ws[ws.len() - 1].clone()]);
    if ws
        .iter()
        .any(|w| lx.is_document(&lowercase(&text[w.clone()])))
        || lx.is_document(&head)
    {
        return None;
    }
    if word_count_upto(text, content.clone(), 3) < 3 {
        return None;
    }
    let (kind, pieces, qrule) = classify_content(doc, content, "according-to", false, false);
    let (np, appos) = match mentions::comma_chunks(text, np.clone()).as_slice() {
        [a, b, ..] => (trim(text, a.clone(), &[]), Some(trim(text, b.clone(), &[]))),
        _ => (np, None),
    };
    Some(Raw {
        kind,
        pieces,
        qrule,
        cue: Some(cue.clone()),
        cue_range: Some(cue.range.clone()),
        who: Who::Mention { range: np, appos },
    })
}

/// The post text of a social post paragraph: no thread counter ("2/2") or trailing link.
fn social_post_text(text: &str, p: Range<usize>) -> Range<usize> {
    let mut r = trim(text, p, &[]);
    loop {
        let s = &text[r.clone()];
        let Some(last_space) = s.rfind(char::is_whitespace) else {
            break;
        };
        let last = &s[last_space + 1..];
        let counter = last.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
        });
        if counter
            || last.starts_with("http")
            || last.starts_with("pic.twitter.com")
            || last.starts_with("t.co/")
        {
            r = trim(text, r.start..r.start + last_space, &[]);
            continue;
        }
        break;
    }
    r
}

/// Per-entity evidence gathered over the article.
#[derive(Debug, Default, Clone)]
struct Entity {
    gender: Option<Gender>,
    /// From a reported clause opening with he/she ("said he was stunned"): used only when
    /// nothing stronger is found, since the pronoun may be someone else ("His manager said
    /// he died peacefully").
    clause_gender: Option<Gender>,
    role: Option<String>,
}

/// The [`Entity`] evidence per speaker and speaker type, looked up by `&str` (no key copied
/// per question) with the word hasher (SipHash cost more than the questions).
#[derive(Debug, Default)]
struct Entities(HashMap<String, Vec<(SpeakerType, Entity)>, BuildHasherDefault<WordHasher>>);

impl Entities {
    fn get(&self, speaker: &str, stype: SpeakerType) -> Option<&Entity> {
        self.0
            .get(speaker)?
            .iter()
            .find(|(t, _)| *t == stype)
            .map(|(_, e)| e)
    }

    /// The entity of (speaker, type), a default one added when new.
    fn entry(&mut self, speaker: &str, stype: SpeakerType) -> &mut Entity {
        if !self.0.contains_key(speaker) {
            self.0.insert(speaker.to_string(), Vec::new());
        }
        let v = self.0.get_mut(speaker).expect("inserted above");
        let at = match v.iter().position(|(t, _)| *t == stype) {
            Some(at) => at,
            None => {
                v.push((stype, Entity::default()));
                v.len() - 1
            }
        };
        &mut v[at].1
    }
}

fn build_quotes(article: &Article, doc: &Doc, mut raws: Vec<Raw>) -> Vec<Quote> {
    let text = doc.text;
    let lx = doc.lx;
    // Text order; remember where each raw went for `SameAs`.
    let mut order: Vec<usize> = (0..raws.len()).collect();
    order.sort_by_key(|&i| raws[i].pieces[0].start);
    let mut pos_of = vec![0usize; raws.len()];
    for (new, &old) in order.iter().enumerate() {
        pos_of[old] = new;
    }
    let mut slots: Vec<Option<Raw>> = raws.into_iter().map(Some).collect();
    let mut sorted: Vec<Raw> = order
        .iter()
        .map(|&i| slots[i].take().expect("each raw once"))
        .collect();
    for r in &mut sorted {
        if let Who::SameAs(i) = r.who {
            r.who = Who::SameAs(pos_of[i]);
        }
    }
    raws = sorted;

    let mut resolved: Vec<Option<Resolved>> = Vec::with_capacity(raws.len());
    let mut entities = Entities::default();
    for (i, raw) in raws.iter().enumerate() {
        let pos = raw
            .cue_range
            .as_ref()
            .map(|c| c.start)
            .unwrap_or(raw.pieces[0].start);
        let res = match &raw.who {
            Who::Mention { range, appos } => {
                let res = resolve_mention(
                    doc,
                    range.clone(),
                    appos.clone(),
                    pos,
                    raw,
                    &resolved,
                    &entities,
                );
                // An answer label states no role or gender of its own: the article's.
                if raw.qrule == "direct/qa" {
                    res.map(|mut r| {
                        if let Some(sp) = r.speaker.as_deref() {
                            if r.role.is_none() {
                                r.role = doc
                                    .inv
                                    .role_of(sp, doc.body_start)
                                    .or_else(|| as_role_after(doc, sp));
                            }
                            if r.gender == Gender::Unknown {
                                r.gender = doc.inv.gender_of(sp);
                            }
                            if r.gender == Gender::Unknown {
                                r.gender = next_sentence_pronoun_gender(doc, sp);
                            }
                        }
                        r
                    })
                } else {
                    res
                }
            }
            Who::Handle { range, name } => {
                // ("Jenny Aldridge MP (@JennyAldridgeMP)": post-nominal letters are person
                // evidence, not part of the name)
                let nm = &text[name.clone()];
                let bare = nm
                    .rsplit_once(' ')
                    .filter(|(h, t)| h.contains(' ') && mentions::POSTNOMINALS.contains(t))
                    .map(|(h, _)| h);
                let canon = doc.inv.canonical(bare.unwrap_or(nm), Gender::Unknown, pos);
                let org = doc.inv.is_org(&canon) && !doc.inv.is_person(&canon);
                Some(Resolved {
                    speaker: Some(canon),
                    mention: Some(range.clone()),
                    stype: if org && bare.is_none() {
                        SpeakerType::Organization
                    } else {
                        SpeakerType::Person
                    },
                    rule: "speaker/handle",
                    gender: Gender::Unknown,
                    role: None,
                })
            }
            Who::SameAs(j) => resolved.get(*j).cloned().flatten().map(|mut r| {
                r.rule = "speaker/sentence-subject";
                r
            }),
            Who::Previous => {
                let pi = doc.para_of(raw.pieces[0].start);
                let prev = (0..i).rev().find(|&j| resolved[j].is_some());
                prev.and_then(|j| {
                    let pj = doc.para_of(
                        raws[j].pieces[raws[j].pieces.len() - 1]
                            .end
                            .saturating_sub(1),
                    );
                    (pj + 1 >= pi && pj <= pi).then(|| {
                        let mut r = resolved[j].clone().unwrap();
                        r.rule = "speaker/previous-quote";
                        r.mention = None;
                        r
                    })
                })
            }
        };
        // A question is answered by the one asked (see `dialogue`).
        let res = match res {
            Some(r) => dialogue::turn_speaker(text, lx, &raws, &resolved, &entities, i, &r, &|p| {
                doc.para_of(p)
            })
            .or(Some(r)),
            None => None,
        };
        // Evidence for the entity.
        if let Some(r) = &res {
            if let Some(sp) = &r.speaker {
                let e = entities.entry(sp, r.stype);
                if r.stype == SpeakerType::Person || r.stype == SpeakerType::Unknown {
                    let mut g = r.gender;
                    if g == Gender::Unknown {
                        g = doc.inv.gender_of(sp);
                    }
                    // "Delgado said in her opening statement": the frame's own his/her.
                    if g == Gender::Unknown && r.mention.is_some() {
                        if let Some(c) = &raw.cue_range {
                            g = frame_possessive_gender(text, c.end);
                        }
                    }
                    if g != Gender::Unknown && e.gender.is_none() {
                        e.gender = Some(g);
                    }
                    if raw.kind != QuoteKind::Direct && e.clause_gender.is_none() {
                        let cg = clause_initial_gender(text, raw.pieces[0].clone());
                        // "Judge Simon Tarrant told her she had ...": the clause's pronoun
                        // is the addressee of that gender, not the speaker. (A possessive
                        // in the mention decides nothing: "His opposite number, Marco
                        // Rinaldi, said he" is Rinaldi, "Her deputy, Colin Pearce, recalled
                        // that she" is not.)
                        let addressee = |w: &str| match cg {
                            Gender::Female => w == "her",
                            Gender::Male => w == "him",
                            Gender::Unknown => false,
                        };
                        // (only the object between the cue and the clause: "told her
                        // team that" and "said her team" are possessives)
                        let told_them = raw.cue_range.as_ref().is_some_and(|c| {
                            let p = raw.pieces[0].start;
                            let gap: Vec<&str> = text
                                .get(c.start..p)
                                .unwrap_or("")
                                .split_whitespace()
                                .skip(1)
                                .filter(|w| *w != "that")
                                .collect();
                            c.end <= p && gap.len() == 1 && addressee(gap[0])
                        });
                        let cg = if told_them { Gender::Unknown } else { cg };
                        if cg != Gender::Unknown {
                            e.clause_gender = Some(cg);
                        }
                    }
                    if e.role.is_none() {
                        e.role = r.role.clone();
                    }
                }
            }
        }
        resolved.push(res);
    }

    let lead_role = lead_description_role(doc);
    let map = OffsetMap::new(text);
    let mut out = Vec::with_capacity(raws.len());
    // One quote per span (its id): a quote framed both before and after (`X said: "...,"
    // she told reporters`) is found by two rules; the first, in text order, is kept.
    let mut spans_seen: HashSet<(usize, usize), BuildHasherDefault<WordHasher>> =
        HashSet::with_capacity_and_hasher(raws.len(), Default::default());
    for (raw, res) in raws.iter().zip(resolved) {
        let Some(res) = res else { continue };
        let first = &raw.pieces[0];
        let last = &raw.pieces[raw.pieces.len() - 1];
        if first.is_empty() || !spans_seen.insert((first.start, last.end)) {
            continue;
        }
        let content: String = raw
            .pieces
            .iter()
            .map(|p| &text[p.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let start = map.char_at(first.start);
        let end = map.char_at(last.end);
        let no_entity = Entity::default();
        let ent = res
            .speaker
            .as_deref()
            .and_then(|s| entities.get(s, res.stype))
            .unwrap_or(&no_entity);
        let gender = match res.stype {
            SpeakerType::Person | SpeakerType::Unknown => {
                ent.gender.or(ent.clause_gender).unwrap_or(Gender::Unknown)
            }
            _ => Gender::Unknown,
        };
        let role = match res.stype {
            SpeakerType::Person | SpeakerType::Unknown => ent
                .role
                .clone()
                .or_else(|| {
                    res.speaker
                        .as_deref()
                        .and_then(|s| doc.inv.role_of(s, doc.body_start))
                })
                .or_else(|| {
                    lead_role
                        .as_ref()
                        .filter(|(_, who)| res.speaker.as_deref() == Some(who.as_str()))
                        .map(|(r, _)| r.clone())
                })
                .or_else(|| {
                    res.speaker
                        .as_deref()
                        .and_then(|s| doc.inv.surname_role(s, doc.body_start))
                })
                .map(without_tickers),
            _ => None,
        };
        let (cue_text, cue_lemma, mut cue_type, mut stance) = match (&raw.cue, &raw.cue_range) {
            (Some(c), Some(cr)) => {
                let (ct, st) = c.type_and_stance(lx);
                (
                    Some(text[cr.clone()].to_string()),
                    Some(c.lemma(lx)),
                    ct,
                    st,
                )
            }
            (None, Some(cr)) => {
                let lemma = clauses::naming_lemma(&lowercase(&text[cr.clone()]))
                    .map_or_else(|| text[cr.clone()].to_string(), |(l, _)| l.to_string());
                // (`hailed the results as "…"`: praise; `dismissed it as "…"`: denial)
                let (ct, st) = clauses::naming_keeps_class(&lemma)
                    .then(|| lx.cue(&lemma))
                    .flatten()
                    .map_or((CueType::Statement, Stance::Neutral), |e| {
                        (e.cue_type, e.stance)
                    });
                (Some(text[cr.clone()].to_string()), Some(lemma), ct, st)
            }
            _ => (None, None, CueType::Statement, Stance::Neutral),
        };
        if raw.kind != QuoteKind::Direct
            && raw
                .cue
                .as_ref()
                .is_some_and(|c| stance::conceded_clause(text, c, first.start, lx))
        {
            cue_type = CueType::Admission;
            stance = Stance::Neutral;
        }
        // "asked supporters not to abuse the referee": a request (object + to-infinitive)
        // is a demand; "asked whether ..." stays a question.
        if cue_type == CueType::Question
            && raw.kind == QuoteKind::Indirect
            && cue_lemma.as_deref() == Some("ask")
            && asks_for_action(text, first.clone())
        {
            cue_type = CueType::Demand;
        }
        if raw.kind != QuoteKind::Direct
            && stance == Stance::Neutral
            && raw.cue.as_ref().is_some_and(|c| c.negation.is_none())
            && cue_type == CueType::Statement
        {
            if let Some(s) = stance::content_head_stance(text, &doc.words, first.clone(), lx) {
                stance = s;
            }
        }
        if raw.kind != QuoteKind::Direct
            && stance == Stance::Neutral
            && cue_type == CueType::Statement
            && raw.cue.as_ref().is_some_and(|c| c.negation.is_none())
            && stance::conditional_harm(text, &doc.words, first.clone())
        {
            cue_type = CueType::Warning;
        }
        let (ms, me) = match &res.mention {
            Some(m) => (Some(map.char_at(m.start)), Some(map.char_at(m.end))),
            None => (None, None),
        };
        let (cs, ce) = match &raw.cue_range {
            Some(c) => (Some(map.char_at(c.start)), Some(map.char_at(c.end))),
            None => (None, None),
        };
        let confidence = confidence(raw.qrule, res.rule);
        out.push(Quote {
            quote_id: quote_id(&article.id, start, end),
            article_id: article.id.clone(),
            quote_index: out.len() as u32,
            kind: raw.kind,
            text: content,
            start,
            end,
            speaker: res
                .speaker
                .as_deref()
                .map(|s| coref::strip_ticker(s).to_string()),
            speaker_mention: res.mention.as_ref().map(|m| text[m.clone()].to_string()),
            speaker_start: ms,
            speaker_end: me,
            speaker_type: Some(res.stype),
            speaker_gender: Some(gender),
            role,
            cue: cue_text,
            cue_start: cs,
            cue_end: ce,
            cue_lemma,
            cue_type: Some(cue_type),
            stance: Some(stance),
            paragraph: doc.para_of(first.start) as u32,
            sentence: doc.sentence_of(first.start) as u32,
            confidence,
            // (three appends: the formatting machinery cost several times more per quote)
            rule: {
                let mut rule = String::with_capacity(raw.qrule.len() + 1 + res.rule.len());
                rule.push_str(raw.qrule);
                rule.push(';');
                rule.push_str(res.rule);
                rule
            },
        });
    }
    out
}

/// "NATO has denied claims from the president of Belarus that …" then "Alexander
/// Lukashenko's victory …": a definite "the ROLE of Place" in the lead paragraph, before any
/// person is named and not in apposition to a name, is the role of the first person named
/// after it within the next 300 bytes. Returns (role, that person's canonical name).
fn lead_description_role(doc: &Doc) -> Option<(String, String)> {
    let text = doc.text;
    let lead = doc
        .paras
        .iter()
        .find(|p| p.start >= doc.body_start)?
        .clone();
    // (its first 2,000 bytes: a one-line 5 MB article costs no more)
    let lead = lead.start..floor_char(text, lead.end.min(lead.start + 2000)).max(lead.start);
    let ws = words(text, lead.clone());
    let names = &doc.inv.names;
    if let Some(found) = indefinite_lead_role(doc, &lead, &ws) {
        return Some(found);
    }
    for k in 0..ws.len().saturating_sub(3) {
        if lowercase(&text[ws[k].clone()]) != "the" {
            continue;
        }
        // the + up to two modifiers + role noun + of + Capitalised
        let Some(of) = (k + 2..(k + 5).min(ws.len())).find(|&j| &text[ws[j].clone()] == "of")
        else {
            continue;
        };
        let head = lowercase(&text[ws[of - 1].clone()]);
        let cap_after = ws
            .get(of + 1)
            .is_some_and(|w| text[w.clone()].starts_with(char::is_uppercase));
        let contiguous =
            || (k + 1..=of + 1).all(|j| text[ws[j - 1].end..ws[j].start].trim().is_empty());
        if !cap_after
            || !contiguous()
            || !doc
                .lx
                .person_noun(&head)
                .is_some_and(|p| p.class == PersonClass::Role)
            || (k + 1..of).any(|j| text[ws[j].clone()].starts_with(char::is_uppercase))
        {
            continue;
        }
        // The capitalised name after "of" runs on ("chief executive of Eastmoor Hospitals
        // NHS Trust", "director of the Museum of London": connectors between capitals).
        let mut last = of + 1;
        let joined = |a: usize, b: usize| text[ws[a].end..ws[b].start].trim().is_empty();
        while last + 1 < ws.len() && joined(last, last + 1) {
            let next = &text[ws[last + 1].clone()];
            if next.starts_with(char::is_uppercase) {
                last += 1;
            } else if matches!(next, "of" | "and" | "&" | "for")
                && last + 2 < ws.len()
                && joined(last + 1, last + 2)
                && text[ws[last + 2].clone()].starts_with(char::is_uppercase)
            {
                last += 2;
            } else {
                break;
            }
        }
        let end = ws[last].end;
        // No person named before it, none in apposition right after it.
        let first_after = names.partition_point(|n| n.range.start < end);
        if names[..first_after].iter().any(|n| {
            n.range.start >= lead.start && n.person && !n.org && n.range.start < ws[k].start
        }) || text[end..].trim_start().starts_with(',')
        {
            return None;
        }
        let n = names[first_after..]
            .iter()
            .take_while(|n| n.range.start < end + 300)
            .find(|n| n.tokens >= 2 && !n.org && n.role.is_none())?;
        let canon = doc.inv.canonical(&n.name, Gender::Unknown, n.range.start);
        let role = text[ws[k + 1].start..end].to_string();
        return Some((role, canon));
    }
    None
}

/// "A former finance director accused of ... told a jury ..." then, opening the next
/// paragraph, "Gareth Pollard, 51, of Solihull, denies ...": a lead paragraph that opens
/// with an indefinite description headed by a role noun (its first words: "A"/"An", up to
/// three lowercase modifiers, the role noun) introduces the person whose full name opens
/// the next paragraph with an age after it; the description is that person's role.
fn indefinite_lead_role(
    doc: &Doc,
    lead: &Range<usize>,
    ws: &[Range<usize>],
) -> Option<(String, String)> {
    let text = doc.text;
    if !matches!(ws.first().map(|w| &text[w.clone()]), Some("A" | "An")) {
        return None;
    }
    let joined = |a: usize, b: usize| text[ws[a].end..ws[b].start] == *" ";
    let role_noun = |j: usize| {
        doc.lx
            .person_noun(&lowercase(&text[ws[j].clone()]))
            .is_some_and(|p| p.class == PersonClass::Role)
    };
    let head = (1..ws.len().min(5))
        .take_while(|&j| joined(j - 1, j) && !text[ws[j].clone()].starts_with(char::is_uppercase))
        .find(|&j| role_noun(j) && !(j + 1 < ws.len() && role_noun(j + 1)))?;
    // No person named in the lead before the name that opens the next paragraph.
    let next = doc.paras.iter().find(|p| p.start > lead.start)?.clone();
    let names = &doc.inv.names;
    let from = names.partition_point(|n| n.range.start < lead.start);
    let n = names[from..]
        .iter()
        .find(|n| n.person && !n.org || n.range.start >= next.start)?;
    let after = text.get(n.range.end..)?;
    let age = after
        .strip_prefix(", ")
        .map(|r| r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len())
        .is_some_and(|d| (1..=3).contains(&d) && after[2 + d..].starts_with(','));
    if n.range.start != next.start || n.tokens < 2 || n.org || n.role.is_some() || !age {
        return None;
    }
    let canon = doc.inv.canonical(&n.name, Gender::Unknown, n.range.start);
    Some((text[ws[1].start..ws[head].end].to_string(), canon))
}

/// Whether a description holds a prepositional phrase ("spokesman for the port").
fn desc_has_preposition(desc: &str) -> bool {
    desc.split_whitespace()
        .any(|w| matches!(w, "of" | "for" | "at" | "from" | "in" | "with"))
}

/// Confidence: the reliability of the speaker rule times that of the quote rule
/// (docs/extraction.md "Confidence").
fn confidence(qrule: &str, srule: &str) -> f32 {
    let s = match srule {
        "speaker/named" => 0.95,
        "speaker/handle" => 0.92,
        "speaker/alias" => 0.9,
        "speaker/group" => 0.85,
        "speaker/sentence-subject" => 0.85,
        "speaker/description" => 0.8,
        "speaker/pronoun" => 0.8,
        "speaker/anonymous" => 0.75,
        "speaker/previous-quote" => 0.65,
        _ => 0.5,
    };
    let q = match qrule {
        "direct/postposed" | "direct/preposed" | "direct/social-post" | "direct/qa" => 1.0,
        "direct/clause" | "indirect/that-clause" | "mixed/that-clause" | "mixed/clause" => 0.95,
        "direct/context" => 0.9,
        _ => 0.9,
    };
    ((s * q) as f32 * 100.0).round() / 100.0
}

/// "said he/she ...", "said his/her ...": the clause's first word refers to the speaker.
/// The gender stated by "in his"/"in her" right after a cue ("said in her opening
/// statement", "told reporters in his office"): the speaker's own possessive.
fn frame_possessive_gender(text: &str, cue_end: usize) -> Gender {
    let rest = text[cue_end..].trim_start();
    // ("in her", "on his blog", "through her lawyer", "in a statement released by her
    // lawyers": the frame's own possessive)
    let rest = ["in a statement released by ", "in a statement issued by "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .or_else(|| {
            ["in ", "on ", "through "]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
        })
        .unwrap_or("");
    if rest.starts_with("her ") {
        Gender::Female
    } else if rest.starts_with("his ") {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

fn clause_initial_gender(text: &str, content: Range<usize>) -> Gender {
    match Words::new(text, content)
        .next()
        .map(|w| lowercase(&text[w]))
        .as_deref()
    {
        Some("he" | "his") => Gender::Male,
        Some("she" | "her") => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Cues that only people (or their organisations) do: an unknown noun as their subject is
/// taken as a source ("The singer said"); with other cues ("a reading indicates") it is not.
fn is_speech_cue(raw: &Raw, lx: &Lexicon) -> bool {
    raw.cue.as_ref().is_some_and(|c| {
        matches!(
            c.entry(lx).lemma.as_str(),
            "say"
                | "tell"
                | "add"
                | "explain"
                | "insist"
                | "claim"
                | "argue"
                | "warn"
                | "ask"
                | "urge"
                | "promise"
                | "admit"
                | "deny"
                | "agree"
                | "write"
                | "reply"
                | "according to"
        )
    })
}

/// A full name that the article introduces with this title or noun ("Pop singer Mia Lowe"
/// for "the singer", "Judge Susan Pryor" for "the judge"): only when exactly one does.
/// "The 52-year-old said" after "Richard Lowe, 52, and Andrew Pearson, 49,": the person
/// the article gives that age ("NAME, 52," / "NAME (52)" / "52-year-old NAME"), the most
/// recent such name before the description, in its longest form.
fn name_with_age(doc: &Doc, desc: &str, pos: usize) -> Option<String> {
    let age = desc
        .split_whitespace()
        .find_map(|w| w.strip_suffix("-year-old"))?;
    if age.is_empty() || !age.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = doc.text;
    let n = doc.inv.before(pos).iter().rev().find(|n| {
        if n.org || n.range.end > pos || cues::inside(&doc.quoted, n.range.start) {
            return false;
        }
        let after = &text[n.range.end..];
        let stated_after = [", ", " ("].iter().any(|p| {
            after
                .strip_prefix(p)
                .and_then(|r| r.strip_prefix(age))
                .is_some_and(|r| r.starts_with([',', ')', ' ', '.']))
        });
        let stated_before = text[..n.range.start]
            .trim_end()
            .strip_suffix("-year-old")
            .is_some_and(|b| {
                b.ends_with(age)
                    && !b[..b.len() - age.len()].ends_with(|c: char| c.is_ascii_digit())
            });
        stated_after || stated_before
    })?;
    Some(doc.inv.canonical(&n.name, n.gender, n.range.start))
}

/// Whether the article wrote "the <noun>" outside quote marks before `pos` ("Rupert Hale
/// KC, representing the father, ... The father, a teacher, said"): a referent of its own,
/// established in the narration, is not the last named speaker redescribed.
fn definite_in_narration_before(doc: &Doc, noun: &str, pos: usize) -> bool {
    let text = doc.text;
    text[..pos].match_indices(noun).any(|(i, _)| {
        let end = i + noun.len();
        i >= 4
            && text
                .get(i - 4..i)
                .is_some_and(|t| t.eq_ignore_ascii_case("the "))
            && !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
            && !cues::inside(&doc.quoted, i)
    })
}

/// The age a name occurrence is given right after it ("Carney, 31," / "Carney (31)").
fn age_after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..]
        .strip_prefix(", ")
        .or_else(|| text[end..].strip_prefix(" ("))?;
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    (matches!(n, 1..=3) && rest[n..].starts_with([',', ')', ' ', '.'])).then(|| &rest[..n])
}

/// "The 29-year-old" cannot be a person the article gives another age ("Carney, 31,
/// insisted ... The 29-year-old from Croydon added" is not Carney): whether an occurrence
/// before `pos` of a name with `n`'s last word states an age other than the description's.
fn other_age_stated(doc: &Doc, n: &coref::NameOcc, desc: &str, pos: usize) -> bool {
    let Some(age) = desc
        .split_whitespace()
        .find_map(|w| w.strip_suffix("-year-old"))
    else {
        return false;
    };
    doc.inv
        .before(pos)
        .iter()
        .filter(|o| !o.org && o.last == n.last)
        .any(|o| age_after(doc.text, o.range.end).is_some_and(|a| a != age))
}

/// "The 58-year-old guitarist" when no name is given that age: the person the article
/// introduces with the role noun after the age ("the guitarist, Callum Reid").
fn titled_after_age(doc: &Doc, desc: &str) -> Option<String> {
    let (age, rest) = desc.split_once(' ')?;
    if !age.ends_with("-year-old") || rest.contains(' ') {
        return None;
    }
    let rest = rest.to_lowercase();
    doc.lx
        .person_noun(&rest)
        .is_some_and(|p| p.class == PersonClass::Role)
        .then(|| titled_name(doc, &rest))
        .flatten()
}

/// "Developer Harrowgate Homes told the inquiry": a capitalised organisation noun that
/// opens a mention describes the organisation the rest names (the inventory already knows
/// "Harrowgate Homes" as one), so it is no part of the speaker's name.
fn without_descriptor_noun<'a>(doc: &Doc, name: &'a str) -> &'a str {
    let Some((first, rest)) = name.split_once(' ') else {
        return name;
    };
    let l = lowercase(first);
    if first.starts_with(char::is_uppercase)
        && doc.lx.is_org_noun(&l)
        && doc.lx.person_noun(&l).is_none()
        && !doc.lx.is_org_head(&l)
        && doc.inv.is_org(rest)
    {
        rest
    } else {
        name
    }
}

fn titled_name(doc: &Doc, noun: &str) -> Option<String> {
    doc.inv.titled_name(doc.text, doc.lx, noun)
}

/// "Her daughter said", "her mother said" (a possessive and a kin noun): the one person
/// named right after that kin noun before `pos` ("her daughter, Claire Dunn", "Kayla's
/// mother, Tanya Brooks"); None when no or several persons are.
fn kin_named(doc: &Doc, mention: &str, head: &str, pos: usize) -> Option<String> {
    let first = mention.split_whitespace().next()?;
    let fl = first.to_lowercase();
    let possessive =
        mentions::POSSESSIVES.contains(&fl.as_str()) || fl.ends_with("'s") || fl.ends_with("’s");
    if !possessive
        || mention.split_whitespace().count() != 2
        || !doc
            .lx
            .person_noun(head)
            .is_some_and(|p| p.class == PersonClass::Kin)
    {
        return None;
    }
    let names = doc.inv.before(pos);
    // (a one-word name only in apposition, "Her husband, Matt, who ...": a first name
    // alone before a verb is too often no name at all)
    let mut found: Vec<&str> = names
        .iter()
        .filter(|n| (n.tokens >= 2 || kin_apposition(doc.text, n)) && !n.org)
        .filter(|n| {
            let before = doc.text[..n.range.start].trim_end();
            let before = before.strip_suffix(',').unwrap_or(before).trim_end();
            ends_with_lowercase(before, head)
                && before
                    .get(..before.len().saturating_sub(head.len()))
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(char::is_whitespace)
        })
        .map(|n| n.name.as_str())
        .collect();
    found.sort_unstable();
    found.dedup();
    (found.len() == 1).then(|| found[0].to_string())
}

/// The group of people that is the subject of the sentence before sentence `si` in the
/// same paragraph, when that sentence starts at or after `after` ("Several parents from
/// the nearby hamlet of Low Row also spoke." before "They said ...").
fn group_subject_before(doc: &Doc, si: usize, after: usize) -> Option<Resolved> {
    let prev = doc.sents.get(si.checked_sub(1)?)?.range.clone();
    if prev.start < after || doc.para_of(prev.start) != doc.para_of(doc.sents[si].range.start) {
        return None;
    }
    let np = mentions::leading_np(doc.text, prev.clone(), doc.lx)?;
    let m = analyse(doc.text, np.clone(), true, doc.lx);
    if m.kind != MentionKind::Description || m.desc_class != Some(DescClass::Group) {
        return None;
    }
    Some(Resolved {
        speaker: m.desc,
        mention: None,
        stype: SpeakerType::Group,
        rule: "speaker/pronoun",
        gender: Gender::Unknown,
        role: None,
    })
}

/// "her husband, Matt, who ...": a one-word name set off by commas right after a noun.
fn kin_apposition(text: &str, n: &coref::NameOcc) -> bool {
    text[..n.range.start].ends_with(", ")
        && text[n.range.end..].starts_with(',')
        && n.name.chars().next().is_some_and(char::is_uppercase)
        && n.name.chars().skip(1).all(char::is_lowercase)
}

/// Whether the name occurrence `n` is introduced with the title or noun `noun` (see
/// [`titled_name`]).
/// "The Unite union", "the IG Metall union": a capitalised name before a lowercase
/// "union" is the union's name ("the Ontario government", "the Gelch group" keep the noun:
/// there the capital is a place or a family).
fn name_before_noun(desc: &str) -> Option<String> {
    let (name, noun) = desc.rsplit_once(' ')?;
    (noun == "union"
        && !name.is_empty()
        && name
            .split(' ')
            .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with("'s") && !w.ends_with("’s")))
    .then(|| name.to_string())
}

/// The gender a definite nationality mention states ("the Italian", "The Dutchman"), or
/// `None` when the mention is not one, or when the word after it is not a reporting verb
/// ("The Mexican state oil company … said": a modifier, not the subject).
fn definite_demonym(text: &str, range: &Range<usize>, lx: &Lexicon) -> Option<Gender> {
    let mention = &text[range.clone()];
    let rest = mention
        .strip_prefix("the ")
        .or_else(|| mention.strip_prefix("The "))?;
    let g = lx.demonym(rest)?.gender;
    let next = text[range.end..].trim_start_matches(' ');
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // (a finite form: "said", "added"; not a base form that is also a noun: "state")
    let verb_next = lx.cue(word).is_some_and(|c| c.lemma != word)
        || mentions::AUXILIARIES.contains(&word)
        || matches!(word, "also" | "then" | "later" | "again");
    (word.is_empty() || !next.starts_with(char::is_lowercase) || verb_next).then_some(g)
}

/// Whether a reported clause after "ask" is a request: an object of up to four words, an
/// optional "not", then "to" and a word ("supporters not to abuse the referee", "the
/// council to reconsider"), not a wh- or whether/if question.
fn asks_for_action(text: &str, content: Range<usize>) -> bool {
    let ws: Vec<&str> = text[content].split_whitespace().take(7).collect();
    let Some(first) = ws.first() else {
        return false;
    };
    if matches!(
        lowercase(first).as_str(),
        "whether" | "if" | "why" | "what" | "how" | "when" | "where" | "who" | "which" | "to"
    ) {
        return false;
    }
    ws.iter().enumerate().skip(1).take(5).any(|(j, w)| {
        *w == "to"
                && j + 1 < ws.len()
                // (a finite verb before it makes a clause: "it was due to make")
                && !ws[..j].iter().any(|x| {
                    x.ends_with(',') || mentions::AUXILIARIES.contains(&lowercase(x).as_str())
                })
    })
}

/// "The Portuguese club said" (a capitalised modifier that names no organisation of the
/// article, then an organisation noun): the other party, i.e. the body named nearest
/// before it that the headline does not name (the headline names the one the story is
/// about: "Rovers crash out in Portugal ... knocked out by Sporting Alvorada").
fn foreign_body(doc: &Doc, desc: &str, head: &str, pos: usize) -> Option<String> {
    let (adj, noun) = desc.split_once(' ')?;
    // (a club or a firm, which a nationality tells apart from the home one; not "the
    // Ontario government", which is that place's own)
    if noun != head
        || !matches!(
            noun,
            "club" | "side" | "team" | "outfit" | "company" | "firm" | "group" | "carrier"
        )
        || !adj.starts_with(char::is_uppercase)
        || !adj.chars().all(char::is_alphabetic)
        || doc.body_start == 0
    {
        return None;
    }
    let names = &doc.inv.names;
    // (the modifier is no part of a name: "the Castleford club" is Castleford City)
    if names
        .iter()
        .any(|n| n.tokens >= 2 && n.name.split_whitespace().any(|w| w == adj))
    {
        return None;
    }
    let headline = &doc.text[..doc.body_start];
    let before = names.partition_point(|n| n.range.start < pos);
    names[..before]
        .iter()
        .rev()
        .filter(|n| n.range.start >= doc.body_start && n.range.end <= pos)
        .find(|n| {
            !n.person
                && n.name != adj
                && (n.org || n.tokens >= 2)
                && !headline.contains(n.name.as_str())
        })
        .map(|n| doc.inv.canonical(&n.name, Gender::Unknown, n.range.start))
}

/// The named person a sentence's subject stands for when it is a definite title ("The
/// mayor hit back", "The judge then adjourned"): "the", one or two lowercase words ending
/// in a role noun, then a lowercase word that is not "of" (a verb), and exactly one name
/// introduced with that title.
fn titled_subject(
    text: &str,
    lx: &Lexicon,
    inv: &coref::Inventory,
    sent: Range<usize>,
) -> Option<String> {
    let ws = first_words(text, sent, 4);
    if ws.len() < 3 || !text[ws[0].clone()].eq_ignore_ascii_case("the") {
        return None;
    }
    let lower_word = |w: &Range<usize>| {
        let t = &text[w.clone()];
        t.starts_with(char::is_lowercase) && t.chars().all(char::is_alphabetic)
    };
    let role = |w: &Range<usize>| {
        lower_word(w)
            && lx
                .person_noun(&text[w.clone()])
                .is_some_and(|p| p.class == PersonClass::Role)
    };
    let verb_after = |k: usize| {
        ws.get(k).is_some_and(|w| {
            lower_word(w)
                && !matches!(&text[w.clone()], "of" | "and" | "or" | "who" | "at" | "for")
                && text[ws[k - 1].end..w.start].trim().is_empty()
        })
    };
    let end = if role(&ws[1]) && verb_after(2) {
        2
    } else if ws.len() == 4 && lower_word(&ws[1]) && role(&ws[2]) && verb_after(3) {
        3
    } else {
        return None;
    };
    let noun = text[ws[1].start..ws[end - 1].end].to_string();
    inv.titled_name(text, lx, &noun)
}

fn introduced_as(text: &str, lx: &Lexicon, n: &coref::NameOcc, noun: &str) -> bool {
    (n.tokens >= 2 || n.judge_style())
        && !n.org
        // not an all-capitals headline run ("IRANIAN OIL MINISTER ARRIVES IN ...")
        && n.name.chars().any(char::is_lowercase)
        && (ends_with_lowercase(text[..n.range.start].trim_end(), noun)
            // "Gov. Miguel Ortega" for "the governor": an honorific stating the role.
            || text[floor_char(text, n.range.start.saturating_sub(12))..n.range.start]
                .split_whitespace()
                .next_back()
                .and_then(|w| lx.honorific(w))
                .and_then(|h| h.role.as_deref())
                .is_some_and(|r| r.eq_ignore_ascii_case(noun))
            // A title stated anywhere with the name: "the minister" for "The
            // cantonal environment minister, Élodie Favre", "the sheriff" for
            // "Bristow County Sheriff Dale Hutchins".
            || n.role.as_deref().is_some_and(|r| {
                (ends_with_lowercase(r, noun)
                    && r[..r.len() - noun.len().min(r.len())]
                        .chars()
                        .next_back()
                        .is_none_or(|c| c == ' ' || c == '-'))
                    // "the mayor" for "The mayor of Caldbridge, Owen Price", "the deputy
                    // leader" for "Helen Marsh, the deputy leader of the council", "the
                    // minister" for "Minister for Health Stephen Donnelly", "the
                    // comptroller" for "Deputy Comptroller of the Currency Robert Bench":
                    // the title before "of"/"for" is, or ends in, the noun.
                    || r.split_once(" of ")
                        .or_else(|| r.split_once(" for "))
                        .is_some_and(|(t, _)| {
                            t.eq_ignore_ascii_case(noun)
                                // (a title of capitalised words: "Deputy Comptroller",
                                // not "March 11 - A spokesman")
                                || (!noun.contains(' ')
                                    && ends_with_lowercase(t, noun)
                                    && t[..t.len() - noun.len().min(t.len())].ends_with(' ')
                                    && t.split(' ').count() <= 3
                                    && t.split(' ').all(|w| {
                                        w.starts_with(char::is_uppercase)
                                            && w.chars().all(|c| c.is_alphabetic() || c == '.')
                                    }))
                        })
                    // "the head of the agency" for "head of the International
                    // Atomic Energy Agency": same title, a body with the same head.
                    || noun.split_once(" of the ").is_some_and(|(t, body)| {
                        let rl = r.to_lowercase();
                        rl.strip_prefix(t).is_some_and(|rest| {
                            rest.starts_with(" of ")
                                && rl.rsplit(' ').next() == body.rsplit(' ').next()
                        })
                    })
            }))
}

/// "City Council member Denise Whitaker" and later "Whitaker, a former county prosecutor,
/// charged that ...": an apposition that states a former role does not displace the
/// current title the article gave the person (the role a coder records is the office the
/// person speaks from; the former one is background). Only when the mention itself has
/// no title and the earlier role is neither former nor a rank alone ("Air Marshal Sir
/// David Penrose, a former deputy commander of the RAF" keeps the apposition, as a rank
/// gives way to a function).
fn current_over_former(doc: &Doc, canon: &str, role: Option<&str>) -> Option<String> {
    let former = |r: &str| {
        r.get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("former "))
    };
    if !former(role?) {
        return None;
    }
    doc.inv
        .role_of(canon, doc.body_start)
        .filter(|c| !former(c) && !rank_only(Some(c)))
}

/// Whether a role is a rank alone ("Captain", "lieutenant colonel", "Det Sgt"): an
/// apposition naming the function replaces it, as it replaces "councillor".
fn rank_only(role: Option<&str>) -> bool {
    role.is_some_and(|r| {
        r.split_whitespace().all(|w| {
            mentions::RANK_TITLES
                .iter()
                .any(|t| t.eq_ignore_ascii_case(w))
                || w.eq_ignore_ascii_case("detective")
        })
    })
}

/// Whether an earlier speaker's role fits a definite description ("the minister" for
/// "Transport Minister", "the health minister" for "minister of health"): the role ends
/// with the description's head and holds each of its other lowercase words. "The first
/// officer" is not the "chief operating officer" quoted before.
fn role_fits_description(role: &str, desc: &str, head: &str) -> bool {
    let rl = role.to_lowercase();
    if rl.eq_ignore_ascii_case(desc) {
        return true;
    }
    if !rl.ends_with(head) && !rl.split(" of ").next().is_some_and(|t| t.ends_with(head)) {
        return false;
    }
    // (a capitalised modifier names a place or body the role may leave out: "The
    // Minnesota senator" is the senator quoted before)
    let role_words: Vec<&str> = rl.split_whitespace().collect();
    desc.split_whitespace()
        .filter(|w| !w.starts_with(char::is_uppercase))
        .all(|w| role_words.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

/// Whether `hay`, lowercased, ends with `needle` (already lowercase). Lowercases only the
/// tail that can match, so the cost does not grow with the text before it.
fn ends_with_lowercase(hay: &str, needle: &str) -> bool {
    let k = needle.chars().count() + 2;
    let cut = hay.char_indices().rev().nth(k).map_or(0, |(i, _)| i);
    hay[cut..].to_lowercase().ends_with(needle)
}

fn appos_role(text: &str, appos: Range<usize>, lx: &Lexicon) -> Option<String> {
    let ws = words(text, appos.clone());
    let first = ws.first()?;
    let fl = lowercase(&text[first.clone()]);
    // (", of the Norwegian Institute", ", to chancellor and ...", ", as the school is now
    // known,": a preposition or "as" opens no role; nor does a conjunction: "Owen Price,
    // and his deputy")
    if matches!(
        fl.as_str(),
        "who" | "which" | "whose" | "aged" | "as" | "and" | "or" | "but" | "nor" | "including"
    ) || mentions::PREPOSITIONS.contains(&fl.as_str())
        // (", fighting to regain public confidence": a participle opens a clause)
        // ("managing director", "acting chairman" are titles: a role noun follows)
        || (fl.ends_with("ing")
            && fl.len() > 5
            && !ws.get(1).is_some_and(|w| {
                lx.person_noun(&lowercase(&text[w.clone()])).is_some()
            }))
        || fl.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut s = appos.start;
    let mut k = 0;
    if matches!(fl.as_str(), "the" | "a" | "an") {
        k = 1;
        s = ws.get(1)?.start;
    }
    // ("a 41-year-old line cook": the age is no part of the role)
    if ws
        .get(k)
        .is_some_and(|w| text[w.clone()].ends_with("-year-old"))
        && ws.len() > k + 1
    {
        s = ws[k + 1].start;
    }
    let mut e = appos.end;
    for w in &ws {
        let l = lowercase(&text[w.clone()]);
        if matches!(l.as_str(), "who" | "which" | "whose" | "that") && w.start > s {
            e = w.start;
            break;
        }
    }
    // A trailing place is not part of the role ("teacher from Port-Neuf", "chief economist at
    // Norvik Securities in Kestovar").
    for w in words(text, s..e) {
        let l = lowercase(&text[w.clone()]);
        // ("vice-chancellor of the University of Eastbridge since 2019": a time is no
        // part of the role either)
        if matches!(l.as_str(), "since" | "until") && w.start > s {
            e = w.start;
            break;
        }
        if matches!(l.as_str(), "from" | "in") && w.start > s {
            let after = text[w.end..].trim_start();
            // ("line cook from the Bronx")
            let after = if l == "from" {
                after.strip_prefix("the ").unwrap_or(after)
            } else {
                after
            };
            let next_cap = after.starts_with(char::is_uppercase);
            if next_cap {
                e = w.start;
                break;
            }
        }
    }
    let r = trim(text, s..e, &[',', '.']);
    let role = text[r].to_string();
    if role.is_empty() {
        return None;
    }
    // A kin noun is gender evidence, not a role ("her husband").
    let head = role
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let headw = role
        .split(" of ")
        .next()
        .and_then(|x| x.split(" at ").next())
        .and_then(|x| x.split_whitespace().next_back())
        .unwrap_or("")
        .to_lowercase();
    if lx
        .person_noun(&head)
        .is_some_and(|p| p.class == PersonClass::Kin)
        || lx
            .person_noun(&headw)
            .is_some_and(|p| p.class == PersonClass::Kin)
    {
        return None;
    }
    Some(role)
}

/// Whether the words right after a description say its source is anonymous ("who asked
/// not to be named", "speaking on condition of anonymity because he was not authorised",
/// "who did not want to be named"): `Some(gender)` then, the gender from a he/she inside
/// that relative or participle chunk (the source's own pronoun), else `Unknown`.
fn anonymity_after(text: &str, from: usize, sent_end: usize) -> Option<Gender> {
    const MARKERS: &[&str] = &[
        "to be named",
        "anonymity",
        "anonymously",
        "to be identified",
        "not be identified",
        "not authorised",
        "not authorized",
    ];
    let end = floor_char(text, sent_end.min(from + 240)).max(from);
    let tail = text[from..end].trim_start_matches([',', ' ']);
    let chunk_end = tail.find([',', ';', '.']).unwrap_or(tail.len());
    let chunk = tail[..chunk_end].to_lowercase();
    let opener = chunk.split_whitespace().next().unwrap_or("");
    if !matches!(
        opener,
        "who" | "speaking" | "briefing" | "talking" | "requesting" | "declining"
    ) || !MARKERS.iter().any(|m| chunk.contains(m))
    {
        return None;
    }
    // Only a subject he/she after "because"/"condition" is the source's own ("because he
    // was not authorised", "on condition he not be identified"); in "who works for one of
    // his party's contenders" the "his" is someone else's.
    let gender = chunk
        .split(|c: char| !c.is_alphabetic())
        .skip_while(|w| !matches!(*w, "because" | "condition" | "as" | "since"))
        .find_map(|w| match w {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        })
        .unwrap_or(Gender::Unknown);
    Some(gender)
}

/// Whether an apposition describes an organisation: its head noun (before who/which/of/
/// at/in/with/from/based) is an organisation noun and no person noun ("a Chicago
/// investment advisory firm", "a Maryland real estate investment trust", "the
/// Oslo-based charity").
fn appos_is_org(text: &str, appos: Range<usize>, lx: &Lexicon) -> bool {
    let ws = words(text, appos);
    let mut head = None;
    let mut in_head = true;
    for (k, w) in ws.iter().enumerate() {
        let l = lowercase(&text[w.clone()]);
        if k == 0 && !matches!(l.as_str(), "a" | "an" | "the") {
            return false; // only an article-led description ("a ... firm")
        }
        // "a pork producer from Illinois and chairman of ...": a person noun anywhere in
        // it says person.
        if lx.person_noun(&l).is_some() {
            return false;
        }
        if k > 0
            && matches!(
                l.as_str(),
                "who" | "which" | "that" | "of" | "at" | "in" | "with" | "from" | "for" | "based"
            )
        {
            in_head = false;
        }
        if in_head && !text[w.clone()].chars().any(|c| c.is_ascii_digit()) {
            head = Some(l);
        }
    }
    head.is_some_and(|h| lx.is_org_noun(&h) && lx.person_noun(&h).is_none())
}

fn appos_gender(text: &str, appos: &Range<usize>, lx: &Lexicon) -> Gender {
    let ws = first_words(text, appos.clone(), 3);
    let first = ws
        .first()
        .map(|w| lowercase(&text[w.clone()]))
        .unwrap_or_default();
    if matches!(first.as_str(), "who" | "whose" | "which") {
        return Gender::Unknown;
    }
    for w in ws.into_iter().take(3) {
        if let Some(p) = lx.person_noun(&lowercase(&text[w])) {
            if p.gender != Gender::Unknown {
                return p.gender;
            }
        }
    }
    Gender::Unknown
}

/// How many earlier quotes (attributed or not) a he/she/I pronoun looks back over for
/// its speaker. News articles hold far fewer quotes than this (the longest gold article
/// has under 40), so it never bites on them; it keeps a giant article linear.
const PRONOUN_LOOKBACK: usize = 256;

/// `"…," Peter Giles, vice president and general manager of Kodak's mass memory
/// division, said`: a frame of a name (two to four capitalised words) and one apposition
/// closed by a comma right before the cue, however long the apposition (up to 20 words):
/// the name's and the apposition's ranges.
fn named_then_apposition(text: &str, r: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let s = &text[r.clone()];
    let body = s.trim_end().strip_suffix(',')?;
    let comma = body.find(',')?;
    let (name, appos) = (&body[..comma], &body[comma + 1..]);
    let nw: Vec<&str> = name.split_whitespace().collect();
    let ok = (2..=4).contains(&nw.len())
        && nw.iter().all(|w| w.starts_with(char::is_uppercase))
        && !appos.contains(',')
        && appos.split_whitespace().count() <= 20;
    ok.then(|| {
        let name_r = trim(text, r.start..r.start + comma, &[]);
        let appos_r = trim(text, r.start + comma + 1..r.start + body.len(), &[]);
        (name_r, appos_r)
    })
}

/// "Dr Funmi Adeyemi took over as chief executive of Severnside NHS Trust in January":
/// the role after "as" in the sentence where `name` is first the subject (up to a comma,
/// the sentence end or a preposition other than of/for/at; its head a role noun).
fn as_role_after(doc: &Doc, name: &str) -> Option<String> {
    let n = doc.inv.names.iter().find(|n| n.name == name && n.subject)?;
    let sent = doc.sents[doc.sentence_of(n.range.start)].range.clone();
    let rest = &doc.text[n.range.end..sent.end];
    let at = rest.find(" as ")? + 4;
    let mut out: Vec<&str> = Vec::new();
    for w in rest[at..].split(' ') {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        let lw = bare.to_lowercase();
        if out.is_empty() && matches!(lw.as_str(), "a" | "an" | "the") {
            continue;
        }
        if mentions::PREPOSITIONS.contains(&lw.as_str())
            && !matches!(lw.as_str(), "of" | "for" | "at")
        {
            break;
        }
        out.push(bare);
        if bare.len() != w.len() || out.len() >= 8 {
            break;
        }
    }
    let has_role = out.iter().any(|w| {
        doc.lx
            .person_noun(&w.to_lowercase())
            .is_some_and(|p| p.class == PersonClass::Role)
    });
    (has_role && !out.is_empty()).then(|| out.join(" "))
}

/// "Dr Funmi Adeyemi took over as chief executive ... She spoke to Helen Crane": the
/// gender of a he/she opening the sentence after the one where `name` is first the
/// subject.
fn next_sentence_pronoun_gender(doc: &Doc, name: &str) -> Gender {
    let Some(n) = doc.inv.names.iter().find(|n| n.name == name && n.subject) else {
        return Gender::Unknown;
    };
    let Some(next) = doc.sents.get(doc.sentence_of(n.range.start) + 1) else {
        return Gender::Unknown;
    };
    let first = doc.text[next.range.clone()]
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    match first {
        "She" => Gender::Female,
        "He" => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// A name a description says its person goes by, with the gender of the pronoun that
/// gives it ("who gave her name only as Ann" → Ann, female).
struct GivenName {
    name: Range<usize>,
    gender: Gender,
}

/// "who gave her name only as Ann", "who gave his first name as Derek", "identified only
/// as Tom", "known only as Mo": the capitalised words (one to three) after such a phrase
/// in `r`.
fn given_name_in(text: &str, r: Range<usize>) -> Option<GivenName> {
    const PHRASES: &[&str] = &[
        " name as ",
        " name only as ",
        " names as ",
        " identified only as ",
        " identified himself only as ",
        " identified herself only as ",
        " identified himself as ",
        " identified herself as ",
        " known only as ",
    ];
    let s = text.get(r.clone())?;
    if !s.contains(" as ") {
        return None;
    }
    let low = s.to_ascii_lowercase();
    let (at, len) = PHRASES
        .iter()
        .filter_map(|p| low.find(p).map(|i| (i, p.len())))
        .min()?;
    let before = &low[..at];
    let gender = if before.ends_with(" her")
        || before.contains(" her first")
        || before.contains("herself")
    {
        Gender::Female
    } else if before.ends_with(" his")
        || before.contains(" his first")
        || before.contains("himself")
    {
        Gender::Male
    } else {
        Gender::Unknown
    };
    let from = r.start + at + len;
    let mut end = from;
    for (k, w) in Words::new(text, from..r.end).enumerate() {
        let t = &text[w.clone()];
        let gap = &text[end..w.start];
        if k >= 3 || (k > 0 && !gap.trim().is_empty()) || !t.starts_with(char::is_uppercase) {
            break;
        }
        end = w.end;
    }
    (end > from).then_some(GivenName {
        name: from..end,
        gender,
    })
}

/// "..., banking sources said." ... "The sources said ...": a definite bare plural ("the
/// sources", "the officials") names again the group or anonymous source last quoted with a
/// modifier ("banking sources", "USDA officials"), not a new speaker "sources". The
/// latest earlier quote of that type whose speaker is more words ending in the same noun.
fn earlier_modified_plural(
    text: &str,
    desc: &str,
    range: &Range<usize>,
    resolved: &[Option<Resolved>],
    stype: SpeakerType,
) -> Option<String> {
    if desc.contains(' ') || !desc.ends_with('s') {
        return None;
    }
    let first = text[range.clone()].split_whitespace().next()?;
    if !matches!(first, "the" | "The" | "these" | "These" | "those" | "Those") {
        return None;
    }
    resolved
        .iter()
        .flatten()
        .filter(|r| r.stype == stype && r.mention.as_ref().is_some_and(|m| m.end <= range.start))
        .filter_map(|r| {
            let sp = r.speaker.as_deref()?;
            let head = sp.strip_suffix(desc)?;
            let start = r.mention.as_ref()?.start;
            (head.ends_with(' ') && head.len() > 1).then_some((start, sp))
        })
        .max_by_key(|(start, _)| *start)
        .map(|(_, sp)| sp.to_string())
}

fn resolve_mention(
    doc: &Doc,
    range: Range<usize>,
    appos: Option<Range<usize>>,
    pos: usize,
    raw: &Raw,
    resolved: &[Option<Resolved>],
    entities: &Entities,
) -> Option<Resolved> {
    let text = doc.text;
    let lx = doc.lx;
    let si = doc.sentence_of(range.start);
    let initial = doc.sents[si].range.start == range.start
        || text[doc.sents[si].range.start..range.start]
            .trim()
            .is_empty();
    // "the ministry's statement that ...": the possessive of a nominal frame is not part of
    // the mention.
    let range = match &raw.cue {
        Some(c) if clauses::noun_cue(text, c, lx) => {
            let t = &text[range.clone()];
            range.start..range.start + coref::strip_possessive(t).len()
        }
        _ => range,
    };
    let m = analyse(text, range.clone(), initial, lx);
    // "A woman who gave her name only as Ann", "said the man, who gave his name as Derek":
    // a description that states the name it goes by is that name.
    if m.kind == MentionKind::Description {
        let given = given_name_in(text, range.clone())
            .or_else(|| appos.as_ref().and_then(|a| given_name_in(text, a.clone())));
        if let Some(g) = given {
            let mut r = resolve_mention(doc, g.name, None, pos, raw, resolved, entities)?;
            if r.gender == Gender::Unknown {
                r.gender = if m.gender == Gender::Unknown {
                    g.gender
                } else {
                    m.gender
                };
            }
            r.stype = SpeakerType::Person;
            r.mention = Some(range.start..appos.as_ref().map_or(range.end, |a| a.end));
            return Some(r);
        }
    }
    // "said Mrs Kettering's neighbour, Doreen Platt": a description followed by a name in
    // apposition is that name.
    if m.kind == MentionKind::Description {
        if let Some(a) = &appos {
            let aw = words(text, a.clone());
            // ("The Bishop of Castlebridge, the Rt Rev Jonathan Fairley": a "the" before a
            // honorific opens the name's phrase)
            let (a, aw) = match aw.split_first() {
                Some((f, rest))
                    if &text[f.clone()] == "the"
                        && rest
                            .first()
                            .is_some_and(|w| lx.honorific(&text[w.clone()]).is_some()) =>
                {
                    (rest[0].start..a.end, rest.to_vec())
                }
                _ => (a.clone(), aw),
            };
            let a = &a;
            let name_like = (2..=4).contains(&aw.len())
                && aw.iter().all(|w| {
                    let t = &text[w.clone()];
                    t.starts_with(char::is_uppercase) && !t.chars().any(|c| c.is_ascii_digit())
                })
                && text[a.clone()]
                    .chars()
                    .all(|c| c.is_alphabetic() || " .-'’".contains(c));
            if name_like {
                let mut r = resolve_mention(doc, a.clone(), None, pos, raw, resolved, entities)?;
                if r.role.is_none() && m.desc_class == Some(DescClass::Functionary) {
                    r.role = m.desc.clone();
                }
                if r.gender == Gender::Unknown {
                    r.gender = m.gender;
                }
                r.mention = Some(range.start..a.end);
                return Some(r);
            }
        }
    }
    let mut role = m.role.clone();
    let mut gender = m.gender;
    // "Harris Associates L.P., a Chicago investment advisory firm, said": an apposition
    // headed by an organisation noun makes the name an organisation, with no role.
    // (only an apposition right after the name: in "Alexander Ivlev, an official with
    // Amtorg, a Soviet trading organization," the last one describes Amtorg)
    let appos_org = appos.as_ref().is_some_and(|a| {
        text.get(range.end..a.start).is_some_and(|gap| {
            gap.trim_matches(|c: char| c == ',' || c.is_whitespace())
                .is_empty()
        }) && appos_is_org(text, a.clone(), lx)
    });
    if let Some(a) = &appos {
        if role.is_none() && !appos_org {
            role = appos_role(text, a.clone(), lx);
        } else if (m.honorific_role || rank_only(role.as_deref())) && !appos_org {
            // "Cllr Sunita Rao, the council's cabinet member for housing": a definite or
            // bare apposition names the office; an indefinite one describes ("Lt. Gov.
            // Ruth Hammond, a frequent critic of the governor" stays lieutenant governor).
            let first = words(text, a.clone())
                .first()
                .map(|w| lowercase(&text[w.clone()]).to_string());
            if !matches!(first.as_deref(), Some("a" | "an"))
                && !mentions::is_party_tag(text[a.clone()].trim())
            {
                if let Some(r) = appos_role(text, a.clone(), lx) {
                    role = Some(r);
                }
            }
        }
        // ", now a High Court judge": the present role replaces a title before the name.
        if !appos_org && a.start >= 2 {
            if let Some(r) = coref::current_role(text, a.start - 2, lx) {
                role = Some(r);
            }
        }
        if gender == Gender::Unknown {
            gender = appos_gender(text, a, lx);
        }
    }
    let ent_gender = |r: &Resolved| {
        r.speaker
            .as_ref()
            .and_then(|sp| entities.get(sp, r.stype))
            .and_then(|e| e.gender)
            .unwrap_or(r.gender)
    };
    // Whether an earlier speaker can be the one this mention's gender evidence points to.
    // (`want` is passed in: a description's own evidence can refine `gender` below)
    let gender_fits = |r: &Resolved, want: Gender| {
        let g = ent_gender(r);
        want == Gender::Unknown || g == Gender::Unknown || g == want
    };
    // A sentence-initial single word that the article uses as a name ("Whitlow refused"),
    // or that opens an organisation's name ("Clearpath said" after "Clearpath Holdings";
    // not a common noun: "Residents said" after "Residents Association").
    let m = if m.kind == MentionKind::Description && initial && {
        let w = text[range.clone()].trim();
        !w.contains(' ')
            && (doc.inv.uses_word(w)
                || doc.inv.nicknames.contains_key(w)
                || (doc.inv.opens_organisation(w)
                    && m.head.as_deref().is_some_and(|h| {
                        lx.person_noun(h).is_none()
                            && !lx.is_org_noun(h)
                            && !lx.is_org_head(h)
                            && !h.ends_with('s')
                    })))
    } {
        analyse(text, range.clone(), false, lx)
    } else {
        m
    };
    match m.kind {
        MentionKind::Pronoun => {
            let p = m.pronoun.as_deref().unwrap_or("");
            let want_person = matches!(p, "he" | "she" | "i");
            let want_org = matches!(p, "it" | "we");
            let mut found: Option<Resolved> = None;
            // it/we/they: the last organisation (or body) speaker, from a cursor over
            // `resolved` (which only grows): a backward scan per pronoun made an article
            // with thousands of "It said" and no organisation speaker quadratic.
            let last_body = (!want_person).then(|| {
                let (mut seen, mut org, mut body) = doc.inv.speaker_cursor.get();
                if seen > resolved.len() {
                    (seen, org, body) = (0, None, None);
                }
                for (j, r) in resolved.iter().enumerate().skip(seen) {
                    let Some(r) = r else { continue };
                    if r.stype == SpeakerType::Organization {
                        org = Some(j);
                    }
                    if matches!(
                        r.stype,
                        SpeakerType::Group | SpeakerType::Organization | SpeakerType::Unknown
                    ) {
                        body = Some(j);
                    }
                }
                doc.inv.speaker_cursor.set((resolved.len(), org, body));
                if want_org {
                    org
                } else {
                    body
                }
            });
            if let Some(j) = last_body {
                found = j.and_then(|j| resolved[j].clone());
            }
            // "Several parents from Low Row also spoke. They said ...": a group of people
            // that is the subject of the sentence before, after the last body quoted.
            if p == "they" {
                let after = found
                    .as_ref()
                    .and_then(|r| r.mention.as_ref())
                    .map_or(0, |m| m.end);
                if let Some(g) = group_subject_before(doc, si, after) {
                    found = Some(g);
                }
            }
            // he/she/I: the last person speaker of a compatible gender, among the last
            // `PRONOUN_LOOKBACK` quotes (a pronoun points to a recent speaker; unbounded,
            // an article of thousands of "she said" after speakers of the other gender
            // was quadratic, and the gender evidence changes as quotes resolve, so no
            // cursor can stand in for the scan).
            let lo = resolved.len().saturating_sub(PRONOUN_LOOKBACK);
            let window = &resolved[lo..];
            for r in window.iter().rev().flatten().filter(|_| want_person) {
                let ok = (r.stype == SpeakerType::Person && gender_fits(r, gender))
                    // An anonymous source whose own he/she is known ("who asked not to
                    // be named because she had signed ..."; then "she said").
                    || (r.stype == SpeakerType::Unknown
                        && gender != Gender::Unknown
                        && ent_gender(r) == gender);
                if ok {
                    found = Some(r.clone());
                    break;
                }
            }
            // A person who is the subject of a sentence after the last speaker is more salient
            // ("Federation president Maria Solis praised X. She said ...").
            if want_person {
                // Nothing found in a cut window: subjects only after its first quote.
                let floor = if lo == 0 {
                    0
                } else {
                    window
                        .iter()
                        .flatten()
                        .find_map(|r| r.mention.as_ref().map(|m| m.start))
                        .unwrap_or(range.start)
                };
                let after = found
                    .as_ref()
                    .and_then(|r| r.mention.as_ref())
                    .map_or(floor, |m| m.end);
                let names = &doc.inv.names;
                let eligible = doc.subject_names();
                let subject = eligible
                    [..eligible.partition_point(|&i| names[i].range.end <= range.start)]
                    .iter()
                    .rev()
                    .map(|&i| &names[i])
                    .take_while(|n| n.range.start >= after)
                    .find(|n| {
                        n.range.start >= after && n.range.end <= range.start && {
                            let canon = doc.inv.canonical(&n.name, Gender::Unknown, n.range.start);
                            let g = entities
                                .get(&canon, SpeakerType::Person)
                                .and_then(|e| e.gender)
                                .unwrap_or_else(|| doc.inv.gender_of(&canon));
                            gender == Gender::Unknown || g == Gender::Unknown || g == gender
                        }
                    });
                // "The mayor hit back within the hour. He told ...": a later sentence
                // whose subject is a definite title of one named person.
                let from = subject.map_or(after, |n| n.range.end);
                let si = doc.sentence_of(range.start);
                let titled = (si.saturating_sub(3)..si)
                    .rev()
                    .map(|k| &doc.sents[k].range)
                    .take_while(|s| s.start >= from)
                    .find_map(|s| titled_subject(text, lx, &doc.inv, s.clone()))
                    .filter(|name| {
                        let g = entities
                            .get(name, SpeakerType::Person)
                            .and_then(|e| e.gender)
                            .unwrap_or_else(|| doc.inv.gender_of(name));
                        gender == Gender::Unknown || g == Gender::Unknown || g == gender
                    });
                if let Some(name) = titled {
                    found = Some(Resolved {
                        speaker: Some(name),
                        mention: None,
                        stype: SpeakerType::Person,
                        rule: "speaker/pronoun",
                        gender: Gender::Unknown,
                        role: None,
                    });
                } else if let Some(n) = subject {
                    {
                        found = Some(Resolved {
                            speaker: Some(doc.inv.canonical(&n.name, gender, n.range.start)),
                            mention: None,
                            stype: SpeakerType::Person,
                            rule: "speaker/pronoun",
                            gender: Gender::Unknown,
                            role: None,
                        });
                    }
                }
            }
            let mut r = match found {
                Some(r) => r,
                None => {
                    // Nearest name before the pronoun, outside quote marks: for he/she a
                    // person of compatible gender first ("Born in Larne in 1931, she" is not
                    // Larne when "Hilda Brennan, who ..." came before).
                    let before = |n: &&coref::NameOcc| {
                        n.range.end <= range.start && !cues::inside(&doc.quoted, n.range.start)
                    };
                    let compatible = |n: &&coref::NameOcc| {
                        let g = doc.inv.gender_of(&doc.inv.canonical(
                            &n.name,
                            Gender::Unknown,
                            n.range.start,
                        ));
                        gender == Gender::Unknown || g == Gender::Unknown || g == gender
                    };
                    // The nearest earlier name that `pick` accepts, skipping all-capitals
                    // runs (datelines "NEW YORK, March 3 -", headlines).
                    let nearest = |pick: &dyn Fn(&coref::NameOcc) -> bool| {
                        doc.inv
                            .before(range.start)
                            .iter()
                            .rev()
                            .filter(before)
                            .find(|n| pick(n))
                    };
                    let mixed_case = |n: &coref::NameOcc| n.name.chars().any(char::is_lowercase);
                    let n = if want_person {
                        nearest(&|n| mixed_case(n) && n.person && !n.org && compatible(&n))
                            .or_else(|| nearest(&|n| mixed_case(n) && !n.org && compatible(&n)))
                    } else {
                        nearest(&|n| (n.tokens < 3 || mixed_case(n)) && n.org)
                    }?;
                    Resolved {
                        speaker: Some(doc.inv.canonical(&n.name, gender, n.range.start)),
                        mention: None,
                        stype: if want_person {
                            SpeakerType::Person
                        } else {
                            SpeakerType::Organization
                        },
                        rule: "speaker/pronoun",
                        gender: Gender::Unknown,
                        role: None,
                    }
                }
            };
            r.mention = Some(range);
            r.rule = "speaker/pronoun";
            r.gender = gender;
            r.role = None;
            Some(r)
        }
        MentionKind::Name if definite_demonym(text, &range, lx).is_some() => {
            // "the Italian added", "the Dutchman said": a person described by nationality is
            // the last named person speaker of compatible gender, else the nearest person
            // named before.
            let g = definite_demonym(text, &range, lx).unwrap_or(Gender::Unknown);
            let gender = if gender == Gender::Unknown { g } else { gender };
            let lo = resolved.len().saturating_sub(PRONOUN_LOOKBACK);
            let prev = resolved[lo..].iter().rev().flatten().find(|r| {
                r.stype == SpeakerType::Person
                    && r.speaker
                        .as_deref()
                        .is_some_and(|s| s.contains(' ') && s.starts_with(char::is_uppercase))
                    && {
                        let eg = ent_gender(r);
                        gender == Gender::Unknown || eg == Gender::Unknown || eg == gender
                    }
            });
            // (nationality evidence and salience first, see `nationality`)
            let demonym = text[range.clone()]
                .split_once(' ')
                .and_then(|(_, w)| lx.demonym(w));
            let chosen = demonym.and_then(|d| {
                let p = prev.and_then(|r| {
                    Some((
                        r.speaker.as_deref()?,
                        r.mention.as_ref().map_or(0, |m| m.start),
                    ))
                });
                nationality::described_person(doc, d, gender, range.start, p)
            });
            let speaker = match (chosen, prev) {
                (Some(c), _) => Some(c),
                (None, Some(r)) => r.speaker.clone(),
                (None, None) => doc
                    .inv
                    .before(range.start)
                    .iter()
                    .rev()
                    .find(|n| {
                        n.range.end <= range.start
                            && n.tokens >= 2
                            && !n.org
                            && n.person
                            && n.name.chars().any(char::is_lowercase)
                    })
                    .map(|n| doc.inv.canonical(&n.name, gender, n.range.start)),
            };
            // (no person named before: the description itself, "Dutchman")
            let speaker = speaker.unwrap_or_else(|| {
                text[range.clone()]
                    .split_once(' ')
                    .map_or("", |(_, d)| d)
                    .to_string()
            });
            Some(Resolved::described_person(speaker, range, gender, None))
        }
        MentionKind::Name
            if m.name.as_ref().is_some_and(|nr| {
                // "Some House Democrats", "Several Tory MPs": a quantifier before a
                // capitalised plural names a group of people, not a person.
                let first = text[range.clone()]
                    .split_whitespace()
                    .next()
                    .map(lowercase)
                    .unwrap_or_default();
                let last = text[nr.clone()]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("");
                matches!(
                    first.as_str(),
                    "some"
                        | "several"
                        | "many"
                        | "most"
                        | "few"
                        | "both"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                ) && nr.start > range.start
                    && last.len() > 3
                    && last.ends_with('s')
                    && !last.ends_with("ss")
                    && last.starts_with(char::is_uppercase)
                    && !lx.is_org_head(&lowercase(last))
            }) =>
        {
            let nr = m.name.clone()?;
            Some(Resolved {
                speaker: Some(text[nr].to_string()),
                mention: Some(range),
                stype: SpeakerType::Group,
                rule: "speaker/group",
                gender: Gender::Unknown,
                role: None,
            })
        }
        MentionKind::Name
            if {
                let t = &text[range.clone()];
                t.strip_prefix("The ")
                    .or_else(|| t.strip_prefix("the "))
                    .and_then(|d| d.split_once(' '))
                    .is_some_and(|(_, n)| {
                        n.starts_with(char::is_lowercase) && !n.contains(' ') && lx.is_org_noun(n)
                    })
            } && {
                let d = &text[range.start + 4..range.end];
                let (_, n) = d.split_once(' ').unwrap_or_default();
                foreign_body(doc, d, n, pos).is_some()
            } =>
        {
            let d = &text[range.start + 4..range.end];
            let (_, n) = d.split_once(' ').unwrap_or_default();
            let sp = foreign_body(doc, d, n, pos)?;
            Some(Resolved::described_org(sp, range))
        }
        MentionKind::Name => {
            let nr = m.name.clone()?;
            // "Ms Raman’s claim that ...": the possessive is not part of the name.
            let name = match &raw.cue {
                Some(c) if clauses::noun_cue(text, c, lx) => {
                    coref::strip_possessive(&text[nr.clone()])
                }
                _ => &text[nr.clone()],
            };
            let name = without_descriptor_noun(doc, name);
            let canon = doc.inv.canonical(name, gender, nr.start);
            // "Gen. Harwood", "Cllr Spragg": a rank or honorific's role gives way to the
            // description the article states before the name ("The head of the British
            // Army, Gen. Sir Patrick Harwood"; "The council’s cabinet member for
            // education, Cllr Neil Spragg").
            if m.role_from_honorific && role == m.role {
                if let Some(d) = doc.inv.described_role_of(&canon, doc.body_start) {
                    role = Some(d);
                }
            }
            if m.role.is_none() {
                if let Some(r) = current_over_former(doc, &canon, role.as_deref()) {
                    role = Some(r);
                }
            }
            let single = !canon.contains(' ');
            let person_ev = m.honorific
                || role.is_some()
                || doc.inv.is_person(&canon)
                || gender != Gender::Unknown;
            let clause_it = raw.kind != QuoteKind::Direct
                && Words::new(text, raw.pieces[0].clone())
                    .next()
                    .is_some_and(|w| {
                        matches!(lowercase(&text[w]).as_str(), "it" | "its" | "we" | "our")
                    });
            let org = !m.honorific
                && (m.org_hint
                    || appos_org
                    || doc.inv.is_org(&canon)
                    || (single && !person_ev)
                    || (clause_it && !person_ev));
            // "The Trust called on ...": an organisation word alone is the one named
            // organisation that ends with it.
            let canon = if canon == name && single && lx.is_org_head(&name.to_lowercase()) {
                doc.inv.org_ending_with(name).unwrap_or(canon)
            } else {
                canon
            };
            let rule = if canon == name {
                "speaker/named"
            } else {
                "speaker/alias"
            };
            Some(Resolved {
                speaker: Some(canon),
                mention: Some(range),
                stype: if org {
                    SpeakerType::Organization
                } else {
                    SpeakerType::Person
                },
                rule,
                gender: if org { Gender::Unknown } else { gender },
                role: if org { None } else { role },
            })
        }
        MentionKind::Description => {
            // A description with no head names nobody: no quote rather than a wrong speaker.
            let desc = m.desc.clone()?;
            let head = m.head.clone().unwrap_or_default();
            // "A senior naval officer, speaking on condition of anonymity because he was not
            // authorised to talk, said": the source's own he/she in that chunk is gender
            // evidence. (The source stays a `person`: only a description whose head is a
            // source noun, "a source close to the talks", is `unknown`.)
            let gender = match anonymity_after(text, range.end, doc.sents[si].range.end) {
                Some(g) if gender == Gender::Unknown => g,
                _ => gender,
            };
            // "the competition regulator, which said": "which" is for things and bodies.
            let which_follows = text[range.end..]
                .trim_start_matches(',')
                .trim_start()
                .starts_with("which ");
            // (only a plain description whose head also names a body: in "A spokesman
            // for the port of Santos, which ..." the "which" is the port's)
            let plain_body = lx.is_org_noun(&m.head.clone().unwrap_or_default())
                && !desc_has_preposition(m.desc.as_deref().unwrap_or(""));
            let class = match m.desc_class.unwrap_or(DescClass::Person) {
                DescClass::Functionary if which_follows && plain_body => DescClass::Org,
                c => c,
            };
            match class {
                DescClass::Org => {
                    let sp = foreign_body(doc, &desc, &head, pos)
                        .or_else(|| doc.inv.organisation_for(&desc, &head, pos))
                        .or_else(|| name_before_noun(&desc))
                        .unwrap_or_else(|| desc.clone());
                    Some(Resolved::described_org(sp, range))
                }
                // "Air accident investigators said" in an article that names the
                // investigation body: that body.
                DescClass::Group
                    if coref::INVESTIGATORS.contains(&head.as_str())
                        && doc.inv.organisation_for(&desc, &head, pos).is_some() =>
                {
                    let sp = doc.inv.organisation_for(&desc, &head, pos)?;
                    Some(Resolved::described_org(sp, range))
                }
                DescClass::Group => Some(Resolved {
                    speaker: Some(
                        earlier_modified_plural(text, &desc, &range, resolved, SpeakerType::Group)
                            .unwrap_or(desc),
                    ),
                    mention: Some(range),
                    stype: SpeakerType::Group,
                    rule: "speaker/group",
                    gender: Gender::Unknown,
                    role: None,
                }),
                DescClass::Anonymous => Some(Resolved {
                    speaker: Some(
                        earlier_modified_plural(
                            text,
                            &desc,
                            &range,
                            resolved,
                            SpeakerType::Unknown,
                        )
                        .unwrap_or(desc.clone()),
                    ),
                    mention: Some(range),
                    stype: SpeakerType::Unknown,
                    rule: "speaker/anonymous",
                    gender,
                    role: None,
                }),
                DescClass::Person if lx.person_noun(&head).is_none() && !is_speech_cue(raw, lx) => {
                    None
                }
                DescClass::Person | DescClass::Functionary
                    if head.ends_with("-year-old")
                        || desc
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.ends_with("-year-old")) =>
                {
                    // (a sentence subject or a name with person evidence first: in "Goalkeeper Daniel Okafor has
                    // signed with Northgate City. The 27-year-old ..." it is Okafor)
                    let before = doc.inv.before(range.start);
                    let cand = |n: &&coref::NameOcc| {
                        n.range.end <= range.start
                            && n.tokens >= 2
                            && !n.org
                            && n.name.chars().any(char::is_lowercase)
                    };
                    // (a name introduced by a description in apposition inside a clause,
                    // "..., and their captain, Priya Malhotra, admitted", is a participant
                    // named in passing: its description is no evidence of the protagonist
                    // an age stands for)
                    // (the person the article gives that age first: "Richard Lowe, 52,")
                    // ("The 58-year-old guitarist" with no name given that age: the one
                    // introduced as the guitarist; never one given another age)
                    let age_ok =
                        |n: &&coref::NameOcc| !other_age_stated(doc, n, &desc, range.start);
                    let name = match name_with_age(doc, &desc, range.start)
                        .or_else(|| titled_after_age(doc, &desc))
                    {
                        Some(name) => name,
                        None => before
                            .iter()
                            .rev()
                            .filter(cand)
                            .filter(age_ok)
                            .take(4)
                            .find(|n| (n.person && !n.described) || n.subject)
                            .or_else(|| before.iter().rev().filter(age_ok).find(cand))?
                            .name
                            .clone(),
                    };
                    // "The 46-year-old star of cookery show Pan Fried": the rest after the
                    // age is a role when its head is a role noun or it has a PP.
                    let rest = desc
                        .split_once(' ')
                        .filter(|(a, _)| a.ends_with("-year-old"))
                        .map(|(_, r)| r.to_string());
                    let role = rest.filter(|r| {
                        let head = r.split(" of ").next().unwrap_or(r);
                        let hw = head.split_whitespace().next_back().unwrap_or("");
                        lx.person_noun(&hw.to_lowercase())
                            .is_some_and(|p| p.class == PersonClass::Role)
                            || r.contains(" of ")
                    });
                    Some(Resolved::described_person(name, range, gender, role))
                }
                DescClass::Person => {
                    // "Her daughter said" after "her daughter, Claire Dunn": a possessive kin
                    // description is the one person introduced earlier with that kin noun;
                    // "The singer" after "Pop singer Mia Lowe".
                    let def = text[range.clone()].to_lowercase().starts_with("the ");
                    let named =
                        kin_named(doc, &text[range.clone()], &head, range.start).or_else(|| {
                            def.then(|| titled_name(doc, &desc.to_lowercase()))
                                .flatten()
                        });
                    if named.is_none() && def {
                        // "Brenda Kettering, 78, said ... The great-gran, who ..., claimed":
                        // a definite kin description (or a pensioner, a mother-of-three)
                        // is the last named person speaker of compatible gender.
                        let kinlike = lx
                            .person_noun(&head)
                            .is_some_and(|p| p.class == PersonClass::Kin)
                            || head == "pensioner"
                            || head.contains("-of-");
                        if kinlike
                            && desc.split_whitespace().count() == 1
                            && !definite_in_narration_before(doc, &head, range.start)
                        {
                            let prev = resolved.iter().rev().flatten().find(|r| {
                                r.stype == SpeakerType::Person
                                    && r.speaker
                                        .as_deref()
                                        .is_some_and(|s| s.starts_with(char::is_uppercase))
                                    && gender_fits(r, gender)
                            });
                            if let Some(r) = prev {
                                return Some(r.redescribed(range, gender, None));
                            }
                        }
                    }
                    Some(Resolved::described_person(
                        named.unwrap_or(desc),
                        range,
                        gender,
                        None,
                    ))
                }
                DescClass::Functionary => {
                    // "the judge", "the transport secretary": an earlier speaker with that role.
                    let hl = desc.to_lowercase();
                    let def = text[range.clone()].to_lowercase().starts_with("the ");
                    // "A coroner has warned ..." in an article that names "Coroner Philippa Rowe".
                    if !def {
                        if let Some(n) = titled_name(doc, &hl) {
                            return Some(Resolved::described_person(n, range, gender, None));
                        }
                    }
                    // "The director of the Ashgrove Museum has defended ..." then "Dr Helen
                    // Marchetti, who ..., said": a lead description named in the next lines.
                    let named_next = || {
                        let names = &doc.inv.names;
                        names[names.partition_point(|n| n.range.start <= range.end)..]
                            .iter()
                            .take_while(|n| n.range.start < range.end + 400)
                            .find(|n| {
                                n.range.start > range.end
                                    && n.range.start < range.end + 400
                                    && n.tokens >= 2
                                    && !n.org
                                    // (a person here or anywhere in the article: "Daniel
                                    // Ashworth said" ... "Mr Ashworth replied")
                                    && (n.person || doc.inv.is_person(&n.name))
                            })
                            .map(|n| n.name.clone())
                    };
                    // A titled name anywhere in the article ("Judge Susan Pryor", "The
                    // regional transport minister, Ines Baptista").
                    let titled = if def { titled_name(doc, &hl) } else { None };
                    // "The regulator said" (a noun for a person or an organisation) with no
                    // person of that title: the organisation the article is about.
                    // (only a bare "the regulator": "the competition regulator" names its own)
                    if def
                        && titled.is_none()
                        && lx.is_org_noun(&head)
                        && desc.split_whitespace().count() == 1
                    {
                        let has_person = resolved.iter().flatten().any(|r| {
                            r.stype == SpeakerType::Person
                                && r.role
                                    .as_ref()
                                    .is_some_and(|ro| ro.to_lowercase().ends_with(&head))
                        });
                        if !has_person {
                            if let Some(o) = doc
                                .inv
                                .organisation_for(&desc, &head, pos)
                                .or_else(|| doc.inv.main_organisation().map(str::to_string))
                            {
                                return Some(Resolved::described_org(o, range));
                            }
                        }
                    }
                    if def {
                        for r in resolved.iter().rev().flatten() {
                            if r.stype == SpeakerType::Person
                                && r.role
                                    .as_ref()
                                    .is_some_and(|ro| role_fits_description(ro, &desc, &head))
                            {
                                return Some(r.redescribed(range, gender, r.role.clone()));
                            }
                        }
                        if titled.is_none()
                            && initial
                            && resolved
                                .iter()
                                .flatten()
                                .all(|r| r.stype != SpeakerType::Person)
                        {
                            if let Some(n) = named_next() {
                                // The title stated with the name ("Andrew Kessler, who
                                // became headteacher of Thornbury Academy") is more precise
                                // than the lead's ("The headteacher of a West Yorkshire
                                // secondary school").
                                let role =
                                    doc.inv.role_of(&n, doc.body_start).unwrap_or(desc.clone());
                                return Some(Resolved::described_person(
                                    n,
                                    range,
                                    gender,
                                    Some(role),
                                ));
                            }
                        }
                        // "‘...,’ the actor joked." right after a named person's quote, in
                        // an article that gives nobody that title: that person (a bare
                        // one-word title only).
                        // (not when an earlier speaker was described with that noun: "a
                        // Treasury spokesman said ... The spokesman said")
                        // (among the last `PRONOUN_LOOKBACK` quotes: a scan of all of them
                        // per mention would be quadratic on an article of thousands)
                        // (or written in this or the paragraph before, whoever it was
                        // quoted for: "..., a Treasury spokesman said" where the quote
                        // went to the person the spokesman spoke of)
                        let described_before = || {
                            let lo = resolved.len().saturating_sub(PRONOUN_LOOKBACK);
                            let from = doc.paras[doc.para_of(range.start).saturating_sub(1)].start;
                            resolved[lo..].iter().flatten().any(|r| {
                                r.mention.as_ref().is_some_and(|m| {
                                    text[m.clone()].to_lowercase().contains(head.as_str())
                                })
                            }) || text[from..range.start]
                                .to_lowercase()
                                .split(|c: char| !c.is_alphanumeric())
                                .any(|w| w == head.as_str())
                        };
                        if titled.is_none()
                            && desc.split_whitespace().count() == 1
                            && !described_before()
                        {
                            let here = doc.para_of(range.start);
                            let prev = resolved.last().and_then(|r| r.as_ref()).filter(|r| {
                                r.stype == SpeakerType::Person
                                    && matches!(
                                        r.rule,
                                        "speaker/named" | "speaker/alias" | "speaker/pronoun"
                                    )
                                    && r.speaker.as_deref().is_some_and(|s| {
                                        s.contains(' ') && s.starts_with(char::is_uppercase)
                                    })
                                    && r.mention
                                        .as_ref()
                                        .is_some_and(|m| here - doc.para_of(m.start).min(here) <= 1)
                                    && gender_fits(r, gender)
                            });
                            if let Some(r) = prev {
                                return Some(r.redescribed(range, gender, Some(desc.clone())));
                            }
                        }
                        if let Some(n) = titled {
                            // The title as stated with the name ("cantonal environment
                            // minister"), else the description ("minister").
                            let role = doc
                                .inv
                                .role_of(&n, doc.body_start)
                                .or(role.clone())
                                .unwrap_or(desc);
                            return Some(Resolved::described_person(n, range, gender, Some(role)));
                        }
                    }
                    Some(Resolved::described_person(
                        desc.clone(),
                        range,
                        gender,
                        Some(desc),
                    ))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
