//! Reported clauses without a parser: where the content of an indirect or mixed quote starts
//! after its cue, and where it ends.
//!
//! Start: after the cue's object ("told reporters"), adverbial phrases ("in a statement",
//! "at a rally ..., near ...,"), a colon, "that", or a nominal frame ("denied claims ...
//! that"). End: the sentence end, or an earlier boundary: a comma before a second cue
//! (", adding ..."), ", with ...", or "and"/"but" before a past-tense verb that continues the
//! main clause ("... but cautioned against"). A clause without "that" must look like one
//! (a subject pronoun first, or a finite verb early on).

use std::ops::Range;

use crate::lexicon::{ClauseTaking, Lexicon};
use crate::text::words;

use super::cues::{object_end, Cue};
use super::mentions::{
    trim, AUXILIARIES, DETERMINERS, POSSESSIVES, PREPOSITIONS, SUBJECT_PRONOUNS,
};

const TIME_ADVERBS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "also",
    "again",
    "previously",
    "recently",
    "repeatedly",
    "separately",
    "publicly",
    "privately",
    "afterwards",
    "then",
    "now",
    "last",
    "this",
    "on",
    "late",
    "early",
    "once",
];
const WH: &[&str] = &[
    "why", "whether", "if", "how", "what", "when", "who", "where", "which",
];
/// Irregular past-tense forms: evidence of a finite verb in a clause without "that".
const IRREGULAR_PAST: &[&str] = &[
    "sent",
    "made",
    "took",
    "gave",
    "found",
    "told",
    "said",
    "went",
    "came",
    "saw",
    "knew",
    "thought",
    "kept",
    "left",
    "put",
    "set",
    "cut",
    "hit",
    "let",
    "got",
    "held",
    "led",
    "lost",
    "met",
    "paid",
    "ran",
    "sold",
    "spent",
    "stood",
    "won",
    "wrote",
    "became",
    "began",
    "brought",
    "built",
    "bought",
    "caught",
    "chose",
    "fell",
    "felt",
    "fought",
    "grew",
    "heard",
    "meant",
    "rose",
    "shot",
    "showed",
    "spoke",
    "struck",
    "taught",
    "threw",
    "understood",
    "broke",
    "needs",
    "remains",
    "wants",
    "plans",
    "expects",
    "believes",
    "knows",
    "thinks",
    "feels",
    "seems",
    "looks",
    "means",
    "owes",
    "owed",
];

/// The content of a reported clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub range: Range<usize>,
    pub that: bool,
    pub colon: bool,
    /// The end of the cue including its object ("told reporters").
    pub cue_end: usize,
}

fn lower_at(text: &str, r: &Range<usize>) -> String {
    text[r.clone()].to_lowercase()
}

/// The reported clause after `cue`, inside `sentence_end`; `quoted` are the quote spans
/// (outer ranges) of the article, inside which no boundary is looked for.
pub fn clause_after(
    text: &str,
    cue: &Cue,
    sentence_end: usize,
    quoted: &[Range<usize>],
    lx: &Lexicon,
) -> Option<Clause> {
    let entry = cue.entry(lx);
    let cue_end = object_end(text, cue, sentence_end, lx).unwrap_or(cue.range.end);
    let mut pos = cue_end;
    let ws = words(text, pos..sentence_end);
    let mut i = 0;
    // Adverbial phrases and time adverbs.
    loop {
        let Some(w) = ws.get(i) else { break };
        let between = text[pos..w.start].trim();
        if between == "," {
            pos = w.start;
        } else if !between.is_empty() {
            break;
        }
        let l = lower_at(text, w);
        if PREPOSITIONS.contains(&l.as_str()) && l != "of" {
            // prep + determiner? + up to 5 words, until a determiner, pronoun, "that", a quote
            // mark or punctuation.
            let mut j = i + 1;
            let mut n = 0;
            if ws.get(j).is_some_and(|x| {
                let xl = lower_at(text, x);
                DETERMINERS.contains(&xl.as_str()) || POSSESSIVES.contains(&xl.as_str())
            }) {
                j += 1;
            }
            while let Some(x) = ws.get(j) {
                let gap = text[ws[j - 1].end..x.start].trim();
                if !gap.is_empty() {
                    break;
                }
                let xl = lower_at(text, x);
                if DETERMINERS.contains(&xl.as_str())
                    || SUBJECT_PRONOUNS.contains(&xl.as_str())
                    || xl == "that"
                    || n >= 5
                {
                    break;
                }
                if PREPOSITIONS.contains(&xl.as_str()) && xl != "of" {
                    break;
                }
                j += 1;
                n += 1;
            }
            if j == i + 1 {
                break;
            }
            pos = ws[j - 1].end;
            i = j;
            continue;
        }
        if TIME_ADVERBS.contains(&l.as_str()) && l != "on" {
            pos = w.end;
            i += 1;
            continue;
        }
        break;
    }
    let rest = &text[pos..sentence_end];
    let trimmed = rest.trim_start_matches([' ', ',']);
    let mut start = pos + (rest.len() - trimmed.len());
    let mut colon = false;
    if let Some(t) = trimmed.strip_prefix(':') {
        colon = true;
        start += 1 + (t.len() - t.trim_start().len());
    }
    let mut that = false;
    let after = &text[start..sentence_end];
    if after.len() > 5
        && after
            .get(..5)
            .is_some_and(|a| a.eq_ignore_ascii_case("that "))
    {
        that = true;
        start += 5;
    } else if !colon && entry.clause == ClauseTaking::That {
        // Nominal frame: "denied claims from the president of Belarus that ..."
        let ws = words(text, start..sentence_end);
        let mut found = None;
        for (k, w) in ws.iter().enumerate().take(12) {
            if k > 0 && !text[ws[k - 1].end..w.start].trim().is_empty() {
                break;
            }
            let l = lower_at(text, w);
            if l == "that" && k > 0 {
                found = Some(w.end);
                break;
            }
            if AUXILIARIES.contains(&l.as_str()) || SUBJECT_PRONOUNS.contains(&l.as_str()) {
                break;
            }
        }
        match found {
            Some(e) => {
                that = true;
                start = e + text[e..].len() - text[e..].trim_start().len();
            }
            None => return None,
        }
    }
    if start >= sentence_end {
        return None;
    }
    let end = boundary(text, start, sentence_end, quoted, lx);
    let range = trim_content(text, start..end);
    let ws = words(text, range.clone());
    if ws.len() < 2 {
        return None;
    }
    let first = lower_at(text, &ws[0]);
    let is_wh = WH.contains(&first.as_str());
    if !that && !colon && !starts_with_quote(text, &range) {
        if is_wh {
            if entry.cue_type != crate::model::CueType::Question {
                return None;
            }
        } else if !looks_like_clause(text, &range, lx) {
            return None;
        }
    }
    Some(Clause {
        range,
        that,
        colon,
        cue_end,
    })
}

fn starts_with_quote(text: &str, r: &Range<usize>) -> bool {
    text[r.clone()].starts_with(['"', '“', '‘', '\'', '«', '„'])
}

/// Trims spaces, and a final `.`/`,`/`;`/`:` that belongs to the frame (not one inside marks).
pub fn trim_content(text: &str, r: Range<usize>) -> Range<usize> {
    let r = trim(text, r, &[]);
    let s = &text[r.clone()];
    let t = s.trim_end_matches(['.', ',', ';', ':', ' ', '—', '–']);
    r.start..r.start + t.len()
}

/// Whether a clause without "that" has a finite verb: a subject pronoun first, an auxiliary
/// or modal, a past tense (-ed or irregular), or a verb in -s after a singular noun.
pub fn looks_like_clause(text: &str, r: &Range<usize>, lx: &Lexicon) -> bool {
    let ws = words(text, r.clone());
    let Some(f) = ws.first() else { return false };
    let fl = lower_at(text, f);
    if SUBJECT_PRONOUNS.contains(&fl.as_str()) && ws.len() > 1 {
        return true;
    }
    for (k, w) in ws.iter().enumerate().take(12) {
        let l = lower_at(text, w).replace('’', "'");
        if k == 0 {
            continue;
        }
        if AUXILIARIES.contains(&l.as_str())
            || l.ends_with("n't")
            || IRREGULAR_PAST.contains(&l.as_str())
            || (l.ends_with("ed")
                && l.len() > 4
                && !text[w.clone()].starts_with(char::is_uppercase))
        {
            return true;
        }
        if k >= 1 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("'s") {
            let prev = lower_at(text, &ws[k - 1]);
            if !prev.ends_with('s')
                && !DETERMINERS.contains(&prev.as_str())
                && !POSSESSIVES.contains(&prev.as_str())
                && k >= 2
            {
                return true;
            }
        }
        let _ = lx;
    }
    false
}

/// Where a clause starting at `start` ends: the sentence end or an earlier boundary.
fn boundary(
    text: &str,
    start: usize,
    sentence_end: usize,
    quoted: &[Range<usize>],
    lx: &Lexicon,
) -> usize {
    let ws = words(text, start..sentence_end);
    for (k, w) in ws.iter().enumerate() {
        if k == 0 || super::cues::inside(quoted, w.start) {
            continue;
        }
        let gap = &text[ws[k - 1].end..w.start];
        let l = lower_at(text, w);
        if gap.contains(',') && !super::cues::inside(quoted, ws[k - 1].end) {
            if l == "with" || l == "while" {
                return ws[k - 1].end;
            }
            if l.ends_with("ing") && lx.cue(&l).is_some() {
                return ws[k - 1].end;
            }
        }
        if gap.contains(';') {
            return ws[k - 1].end;
        }
        if (l == "and" || l == "but") && gap.trim().is_empty() {
            if let Some(n) = ws.get(k + 1) {
                let nl = lower_at(text, n);
                let past = (nl.ends_with("ed") && nl.len() > 4)
                    || matches!(
                        nl.as_str(),
                        "said" | "told" | "added" | "went" | "gave" | "made"
                    );
                if past && !super::cues::inside(quoted, n.start) {
                    return ws[k - 1].end;
                }
            }
        }
    }
    sentence_end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cues::find_cues;

    fn clause(t: &str) -> Option<String> {
        let lx = Lexicon::builtin();
        let c = find_cues(t, &[], &lx).into_iter().next().unwrap();
        clause_after(t, &c, t.len(), &[], &lx).map(|c| t[c.range].to_string())
    }

    #[test]
    fn clause_starts_and_ends() {
        assert_eq!(clause("X said at a rally of 50,000 supporters, near the main building in Minsk, the country would perish if rerun.").as_deref(), Some("the country would perish if rerun"));
        assert_eq!(
            clause(
                "NATO has denied claims from the president of Belarus that it is amassing forces."
            )
            .as_deref(),
            Some("it is amassing forces")
        );
        assert_eq!(
            clause("She told reporters at a briefing in Tromsvik that samples would be flown.")
                .as_deref(),
            Some("samples would be flown")
        );
        assert_eq!(
            clause("Ferri said his side had done a job and thanked the fans.").as_deref(),
            Some("his side had done a job")
        );
        assert_eq!(
            clause("Parties have claimed the election was rigged, with rivals jailed.").as_deref(),
            Some("the election was rigged")
        );
        assert_eq!(
            clause("Lyle asked why documents showed the problem.").as_deref(),
            Some("why documents showed the problem")
        );
        assert_eq!(
            clause("Pedal Safe welcomed the sentence, saying it sent a message."),
            None
        );
        assert_eq!(
            clause("The bank said the rates, which rose, and that families paid.").as_deref(),
            Some("the rates, which rose, and that families paid")
        );
        assert_eq!(clause("He denied the charges."), None);
    }
}
