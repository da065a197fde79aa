//! Cues: reporting verbs and phrases found with one Aho-Corasick pass over the article,
//! kept when they stand as whole words outside quote marks, are used as verbs (not "the
//! claims", not "to say"), with negation and control verbs folded in ("did not deny",
//! "refused to back"), and with the object of object-taking verbs ("told reporters").

use std::ops::Range;

use crate::lexicon::{ClauseTaking, CueEntry, Lexicon};
use crate::model::{CueType, Stance};
use crate::text::{lowercase, Lower};

use super::mentions::{DETERMINERS, POSSESSIVES, PREPOSITIONS, SUBJECT_PRONOUNS};

/// How a cue is negated or controlled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Negation {
    /// "did not", "does not", "has not", "never".
    Not,
    /// "refused to", "declined to".
    Refuse,
}

/// One cue occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The cue as written, including negation and (after [`extend_object`]) the object.
    pub range: Range<usize>,
    /// The verb form itself.
    pub verb: Range<usize>,
    /// Index into [`Lexicon::cues`].
    pub entry: usize,
    pub negation: Option<Negation>,
}

impl Cue {
    pub fn entry<'a>(&self, lx: &'a Lexicon) -> &'a CueEntry {
        &lx.cues()[self.entry]
    }

    /// The lemma, with the negation ("not deny", "refuse to back").
    pub fn lemma(&self, lx: &Lexicon) -> String {
        let l = &self.entry(lx).lemma;
        match self.negation {
            None => l.clone(),
            Some(Negation::Not) => format!("not {l}"),
            Some(Negation::Refuse) => format!("refuse to {l}"),
        }
    }

    /// cue_type and stance of the frame, negation applied (ANNOTATION.md section 5).
    pub fn type_and_stance(&self, lx: &Lexicon) -> (CueType, Stance) {
        let e = self.entry(lx);
        match (self.negation, e.stance) {
            (None, s) => (e.cue_type, s),
            (Some(Negation::Refuse), Stance::Supportive) => (CueType::Denial, Stance::Opposing),
            (Some(Negation::Not), Stance::Supportive) => (CueType::Denial, Stance::Opposing),
            (Some(_), Stance::Opposing) => (CueType::Other, Stance::Neutral),
            (Some(_), Stance::Neutral) => (CueType::Other, Stance::Neutral),
        }
    }
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')
}

/// The word before byte `at` (lowercase) and its start.
pub fn word_before(text: &str, at: usize) -> Option<(Lower<'_>, usize)> {
    let s = text[..at].trim_end();
    if s.len() < text[..at].len() || !s.is_empty() {
        let start = s
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        if start < s.len() {
            return Some((lowercase(&s[start..]), start));
        }
    }
    None
}

/// Every cue of the article outside `quoted` (sorted, disjoint byte ranges), in text order.
pub fn find_cues(text: &str, quoted: &[Range<usize>], lx: &Lexicon) -> Vec<Cue> {
    let mut out = Vec::new();
    for m in lx.cue_matcher().find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if word_char(text[..s].chars().next_back()) || word_char(text[e..].chars().next()) {
            continue;
        }
        if inside(quoted, s) {
            continue;
        }
        // "The United States will send": a capitalised form after a capitalised word is
        // part of a name, not a verb.
        if text[s..].starts_with(char::is_uppercase)
            && text[..s]
                .trim_end()
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.ends_with([',', '.', ':']))
        {
            continue;
        }
        let entry = m.pattern().as_usize();
        let form = &lx.cues()[entry].form;
        if noun_modifier(form, text, e, lx) || noun_after_place_name(form, text, s, e) {
            continue;
        }
        let mut start = s;
        let mut negation = None;
        if form != "according to" {
            if let Some((w, ws)) = word_before(text, s) {
                match w.as_str() {
                    "not" | "never" | "n't" => {
                        negation = Some(Negation::Not);
                        start = ws;
                        if let Some((aux, ax)) = word_before(text, ws) {
                            if matches!(
                                aux.as_str(),
                                "did"
                                    | "does"
                                    | "do"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "would"
                                    | "will"
                                    | "could"
                            ) {
                                start = ax;
                            }
                        }
                    }
                    "didn't" | "doesn't" | "don't" | "hasn't" | "haven't" | "wouldn't"
                    | "didn’t" | "doesn’t" | "don’t" => {
                        negation = Some(Negation::Not);
                        start = ws;
                    }
                    "to" => {
                        match word_before(text, ws) {
                            Some((c, cs))
                                if matches!(
                                    c.as_str(),
                                    "refused"
                                        | "declined"
                                        | "refuses"
                                        | "declines"
                                        | "refusing"
                                        | "declining"
                                ) =>
                            {
                                negation = Some(Negation::Refuse);
                                start = cs;
                            }
                            _ => continue, // "to say": an infinitive, not a report
                        }
                    }
                    // "her promise that ...": a nominal frame after a possessive pronoun.
                    w if matches!(w, "his" | "her" | "their")
                        && text[e..].starts_with(" that ")
                        && lx.cues()[entry].form == lx.cues()[entry].lemma => {}
                    w if DETERMINERS.contains(&w) || POSSESSIVES.contains(&w) => continue,
                    w if PREPOSITIONS.contains(&w) && !matches!(w, "also") => continue,
                    "and" | "or" if form.ends_with('s') && !form.ends_with("ss") => {
                        // "claims and counterclaims" is rare; "and says" is common: keep.
                    }
                    w if lx.cue(w).is_some() && !matches!(w, "said" | "told" | "added") => continue,
                    _ => {}
                }
            }
            // A plural noun use: "claims from", "reports that" right after a noun.
            if form.ends_with('s') && !form.ends_with("ss") {
                if let Some((w, _)) = word_before(text, start) {
                    if matches!(
                        w.as_str(),
                        "the" | "these" | "those" | "such" | "new" | "similar"
                    ) {
                        continue;
                    }
                }
            }
        }
        out.push(Cue {
            range: start..e,
            verb: s..e,
            entry,
            negation,
        });
    }
    out
}

/// "BJP state president Madan Sharma said", "the state government", "a report
/// author": a bare cue form that is also a noun, right before a person or organisation
/// noun, modifies it and reports nothing.
pub fn noun_modifier(form: &str, text: &str, end: usize, lx: &Lexicon) -> bool {
    if !matches!(
        form,
        "state"
            | "report"
            | "note"
            | "comment"
            | "post"
            | "answer"
            | "reply"
            | "claim"
            | "question"
            | "tweet"
    ) {
        return false;
    }
    let Some(next) = text[end..]
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !(c.is_alphanumeric() || c == '-')).next())
        .filter(|w| w.starts_with(char::is_lowercase))
    else {
        return false;
    };
    let l = lowercase(next);
    lx.person_noun(&l).is_some() || lx.is_org_noun(&l) || lx.is_org_head(&l)
}

/// "in western Zulia state, PDVSA president ... said", "from Bihar state.": a bare cue form
/// that is also a noun, closing a prepositional phrase whose last word before it is a
/// capitalised name, and followed by punctuation, is that place's noun, not a verb (the
/// name was read as the subject of "state").
fn noun_after_place_name(form: &str, text: &str, start: usize, end: usize) -> bool {
    if !matches!(form, "state" | "report" | "note" | "post") {
        return false;
    }
    if !text[end..].starts_with([',', '.', ';', ':']) {
        return false;
    }
    let mut at = start;
    // Up to four words back: capitalised names and lowercase modifiers, then a preposition.
    for k in 0..4 {
        // (a comma or other punctuation between the words ends the phrase: no word)
        let Some((w, ws)) = word_before(text, at) else {
            return false;
        };
        if k == 0 && !text[ws..].starts_with(char::is_uppercase) {
            return false;
        }
        if k > 0 && PREPOSITIONS.contains(&w.as_str()) {
            return true;
        }
        at = ws;
    }
    false
}

/// Whether byte `p` is inside one of the sorted, disjoint ranges.
pub fn inside(ranges: &[Range<usize>], p: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= p);
    ranges.get(i).is_some_and(|r| r.start <= p && p < r.end)
}

/// Object pronouns that end an object at once ("told him").
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "you"];
const WH: &[&str] = &[
    "why", "whether", "if", "how", "what", "when", "who", "where", "which",
];

/// For an object-taking cue ("told", "warned", "asked"), the end of its object ("told the
/// science and technology committee", "told reporters"), or `None` when no object follows.
pub fn object_end(text: &str, cue: &Cue, limit: usize, lx: &Lexicon) -> Option<usize> {
    if cue.entry(lx).clause != ClauseTaking::Object {
        return None;
    }
    // The loop below looks at no more than seven words.
    let ws: Vec<Range<usize>> = crate::text::Words::new(text, cue.range.end..limit)
        .take(7)
        .collect();
    let gap = |a: usize, b: usize| text[a..b].trim().is_empty();
    let mut end = None;
    let mut prev_end = cue.range.end;
    for (i, w) in ws.iter().enumerate() {
        if !gap(prev_end, w.start) || i >= 7 {
            break;
        }
        let t = &text[w.clone()];
        let l = lowercase(t);
        if i == 0 && OBJECT_PRONOUNS.contains(&l.as_str()) {
            return Some(w.end);
        }
        if l == "that"
            || WH.contains(&l.as_str())
            || SUBJECT_PRONOUNS.contains(&l.as_str())
            || PREPOSITIONS.contains(&l.as_str())
        {
            break;
        }
        if i > 0 && DETERMINERS.contains(&l.as_str()) {
            break;
        }
        if super::mentions::AUXILIARIES.contains(&l.as_str()) {
            return None;
        }
        let always_object = matches!(
            cue.entry(lx).lemma.as_str(),
            "tell" | "assure" | "inform" | "remind"
        );
        if i == 0
            && !always_object
            && !(DETERMINERS.contains(&l.as_str())
                || POSSESSIVES.contains(&l.as_str())
                || t.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    l.as_str(),
                    "reporters"
                        | "journalists"
                        | "parliament"
                        | "mps"
                        | "investors"
                        | "lawmakers"
                        | "delegates"
                        | "supporters"
                        | "members"
                        | "staff"
                        | "students"
                        | "listeners"
                        | "viewers"
                ))
        {
            return None;
        }
        end = Some(w.end);
        prev_end = w.end;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(t: &str) -> Vec<(String, String)> {
        let lx = Lexicon::builtin();
        find_cues(t, &[], &lx)
            .iter()
            .map(|c| (t[c.range.clone()].to_string(), c.lemma(&lx)))
            .collect()
    }

    #[test]
    fn negation_control_and_noun_uses() {
        assert_eq!(
            cues("Marsh's office did not deny that"),
            vec![("did not deny".into(), "not deny".into())]
        );
        assert_eq!(
            cues("Whitlow refused to back reports that"),
            vec![("refused to back".into(), "refuse to back".into())]
        );
        assert_eq!(
            cues("NATO has denied claims from Minsk"),
            vec![("denied".into(), "deny".into())]
        );
        assert_eq!(
            cues("it was far too early to say whether"),
            Vec::<(String, String)>::new()
        );
        assert_eq!(
            cues("Transport said, according to Northvale"),
            vec![
                ("said".into(), "say".into()),
                ("according to".into(), "according to".into())
            ]
        );
        assert_eq!(
            cues("Sayings and unsaid things"),
            Vec::<(String, String)>::new()
        );
    }

    #[test]
    fn objects_of_tell() {
        let lx = Lexicon::builtin();
        for (t, want) in [
            ("Hanley told the BBC: “Our", "told the BBC"),
            ("She told reporters at a briefing that", "told reporters"),
            ("the judge told him.", "told him"),
            (
                "He told the science and technology committee that",
                "told the science and technology committee",
            ),
            (
                "A witness told the Kirkby Vale Echo she had",
                "told the Kirkby Vale Echo",
            ),
            (
                "Strand told a press conference in Kalmar that",
                "told a press conference",
            ),
        ] {
            let c = &find_cues(t, &[], &lx)[0];
            let e = object_end(t, c, t.len(), &lx).unwrap();
            assert_eq!(&t[c.range.start..e], want);
        }
    }
}
