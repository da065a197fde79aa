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

use crate::lexicon::{ClauseTaking, Lexicon, WordList};
use crate::text::{lowercase, words, Lower, WordBuf, WordTable, Words};

use super::cues::{object_end, Cue};
use super::mentions::{
    trim, AUXILIARIES, DETERMINERS, POSSESSIVES, PREPOSITIONS, SUBJECT_PRONOUNS,
};

static TIME_ADVERBS: WordList = WordList::new(&[
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
    // "conceded shortly after the result was declared": the adverb opens a time phrase
    "shortly",
    "soon",
    "immediately",
]);
const WH: &[&str] = &[
    "why", "whether", "if", "how", "what", "when", "who", "where", "which",
];
/// Irregular past-tense forms: evidence of a finite verb in a clause without "that".
pub static IRREGULAR_PAST: WordList = WordList::new(&[
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
    // (not "fed", "drew", "hung", "lent": also names, capitalised words lowered here)
    "shook",
    "drove",
    "flew",
    "ate",
    "drank",
    "wore",
    "slept",
    "woke",
    "rode",
    "forgot",
    "froze",
    "sank",
    "sought",
    "stole",
    "stuck",
    "swore",
    "tore",
    "wept",
    "withdrew",
    "dealt",
    "fled",
    "strode",
    "swung",
    "sat",
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
]);

/// The content of a reported clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub range: Range<usize>,
    pub that: bool,
    pub colon: bool,
    /// The end of the cue including its object ("told reporters").
    pub cue_end: usize,
}

fn lower_at<'t>(text: &'t str, r: &Range<usize>) -> Lower<'t> {
    lowercase(&text[r.clone()])
}

/// The reported clause after `cue`, inside `sentence_end`; `quoted` are the quote spans
/// (outer ranges) of the article, inside which no boundary is looked for.
pub fn clause_after(
    text: &str,
    wt: &WordTable,
    cue: &Cue,
    sentence_end: usize,
    quoted: &[Range<usize>],
    lx: &Lexicon,
) -> Option<Clause> {
    if cue.range.end >= sentence_end {
        return None; // a cue at (or across) the sentence end reports nothing after it
    }
    let entry = cue.entry(lx);
    if matches!(
        entry.lemma.as_str(),
        "urge" | "ask" | "call on" | "call for" | "tell" | "warn" | "encourage"
    ) {
        if let Some(c) = object_infinitive(text, wt, cue, sentence_end, quoted, lx) {
            return Some(c);
        }
    }
    let cue_end = object_end(text, cue, sentence_end, lx).unwrap_or(cue.range.end);
    let mut pos = cue_end;
    let mut ws = WordBuf::new(text, pos..sentence_end);
    let mut i = 0;
    // Adverbial phrases and time adverbs.
    while let Some(w) = ws.get(i) {
        let between = text[pos..w.start].trim();
        if between == "," {
            pos = w.start;
        } else if !between.is_empty() {
            break;
        }
        let l = lower_at(text, &w);
        // ("says about 36,000 people are affected": "about"/"around"/"over"/"up to" before a
        // number is an approximation that opens the clause, not a preposition)
        // ("said at least two people had been killed": "at least"/"at most" too)
        let approx = (matches!(l.as_str(), "about" | "around" | "over" | "under")
            && ws
                .get(i + 1)
                .is_some_and(|x| text[x.clone()].starts_with(|c: char| c.is_ascii_digit())))
            || (l == "at"
                && ws
                    .get(i + 1)
                    .is_some_and(|x| matches!(&text[x.clone()], "least" | "most")));
        if PREPOSITIONS.contains(&l.as_str()) && l != "of" && !approx {
            // prep + determiner? + up to 5 words, until a determiner, pronoun, "that", a quote
            // mark or punctuation.
            let mut j = i + 1;
            let mut n = 0;
            if ws.get(j).is_some_and(|x| {
                let xl = lower_at(text, &x);
                DETERMINERS.contains(&xl.as_str()) || POSSESSIVES.contains(&xl.as_str())
            }) {
                j += 1;
            }
            while let Some(x) = ws.get(j) {
                let prev_end = ws.get(j - 1).expect("scanned").end;
                let gap = text[prev_end..x.start].trim();
                if !gap.is_empty() {
                    break;
                }
                let xl = lower_at(text, &x);
                if DETERMINERS.contains(&xl.as_str())
                    || POSSESSIVES.contains(&xl.as_str())
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
            pos = ws.get(j - 1).expect("scanned").end;
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
    // "asked after a councillor's mother, and told the room that ...": after the skipped
    // adverbials a coordinator opens the sentence's next verb, never a reported clause.
    let first_after = text[start..sentence_end]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if matches!(first_after, "and" | "or" | "but" | "nor") {
        return None;
    }
    // "refused to back Ms Rahman’s demand for a review, telling the BBC that the matter was
    // closed": after a comma a participle cue opens its own frame, and the clause is its.
    if first_after.ends_with("ing")
        && text[cue.range.end..start].contains(',')
        && text[..start].trim_end().ends_with(',')
        && lx.cue(first_after).is_some()
    {
        return None;
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
    } else if !colon
        && (entry.clause == ClauseTaking::That || nominal_object(text, start, sentence_end))
    {
        // Nominal frame: "denied claims from the president of Belarus that ..."
        let ws = wt.first_words(text, start..sentence_end, 12);
        let mut found = None;
        for (k, w) in ws.iter().enumerate() {
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
            // "said calls to its helpline had doubled": a bare-clause verb whose clause
            // merely opens with a frame noun is checked as a clause below.
            None if entry.clause != ClauseTaking::That => {}
            None => return None,
        }
    }
    if start >= sentence_end {
        return None;
    }
    let mut end = boundary(text, wt, start, sentence_end, quoted, lx);
    if that && noun_cue(text, cue, lx) {
        end = end.min(main_verb_after_clause(text, start, end, quoted));
    }
    let range = quote_then_narration(text, trim_content(text, start..end), quoted);
    let ws = wt.first_words(text, range.clone(), 2);
    if ws.len() < 2 && !starts_with_quote(text, &range) {
        return None;
    }
    let first_word = ws.first()?;
    let first = lower_at(text, first_word);
    let is_wh = WH.contains(&first.as_str());
    if !that && !colon && !starts_with_quote(text, &range) {
        if is_wh {
            if entry.cue_type != crate::model::CueType::Question {
                return None;
            }
        } else if !looks_like_clause(text, wt, &range, lx)
            // "said payment holidays only ‘push the problem down the road’": after "say", a
            // stretch of four words or more that quotes a fragment is reported speech even
            // when its verb is inside the marks.
            && (entry.lemma != "say"
                || quoted
                    .get(quoted.partition_point(|q| q.start <= range.start))
                    .is_none_or(|q| q.start >= range.end)
                || Words::new(text, range.clone()).take(4).count() < 4)
        {
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

/// Whether the word before `pos` is a possessive ("Mr Thorne’s claim", "her promise"): the
/// cue is then a noun heading the sentence's subject, not a verb.
fn possessive_before(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let w = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    w.ends_with("’s") || w.ends_with("'s") || POSSESSIVES.contains(&lowercase(w).as_str())
}

/// Whether the cue is a noun heading a nominal frame after a possessive ("Mr Thorne’s
/// claim that", "her promise that"): its word is the lemma itself, so "Harwell’s said"
/// (a firm named Harwell’s) is a verb.
pub fn noun_cue(text: &str, cue: &Cue, lx: &Lexicon) -> bool {
    let w = text[cue.range.start..]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    possessive_before(text, cue.range.start) && w.eq_ignore_ascii_case(&cue.entry(lx).lemma)
}

/// Finite main verbs that follow a nominal subject ("X's claim that ... rests on").
static MAIN_VERBS: WordList = WordList::new(&[
    "rests",
    "seems",
    "appears",
    "drew",
    "sparked",
    "prompted",
    "angered",
    "contradicts",
    "remains",
    "came",
    "comes",
    "raised",
    "triggered",
    "caused",
    "provoked",
]);

/// In "Mr Thorne’s claim that the government had lost its majority rests on ...", the
/// that-clause is the subject's complement and ends where the sentence's own verb begins:
/// the first finite verb after the clause's verb group and at least one word of its
/// complement (not after "and"/"or"/"that"/"who"/"which"/"to").
fn main_verb_after_clause(text: &str, start: usize, end: usize, quoted: &[Range<usize>]) -> usize {
    let ws = words(text, start..end);
    let finite = |l: &str| {
        AUXILIARIES.contains(&l) || IRREGULAR_PAST.contains(&l) || MAIN_VERBS.contains(&l)
    };
    let mut seen_verb = false;
    let mut complement = false;
    let mut prev = Lower::default();
    for w in &ws {
        let l = lower_at(text, w);
        if super::cues::inside(quoted, w.start) {
            complement |= seen_verb;
            prev = l;
            continue;
        }
        let verbish = finite(&l) || (l.ends_with("ed") && l.len() > 4) || l == "not";
        if !seen_verb {
            seen_verb = verbish;
        } else if !complement {
            // "is shrinking rests on": a finite verb right after the participle.
            // "was balanced was disputed": a finite verb right after a participle.
            let participle = prev.ends_with("ing")
                || (prev.ends_with("ed") && prev.len() > 4)
                || IRREGULAR_PAST.contains(&prev.as_str());
            if participle && finite(&l) && !matches!(l.as_str(), "been" | "being" | "be") {
                return w.start;
            }
            complement = !verbish && !l.ends_with("ing");
        } else if finite(&l)
            && !matches!(
                prev.as_str(),
                "and" | "or" | "but" | "that" | "who" | "which" | "to" | "it" | "they"
            )
            && !SUBJECT_PRONOUNS.contains(&prev.as_str())
        {
            return w.start;
        }
        prev = l;
    }
    end
}

/// "urged both governments to show restraint": object + to-infinitive, no "that".
fn object_infinitive(
    text: &str,
    wt: &WordTable,
    cue: &Cue,
    sentence_end: usize,
    quoted: &[Range<usize>],
    lx: &Lexicon,
) -> Option<Clause> {
    // The object and "to" within the first LOOK words; whether one more follows.
    const LOOK: usize = 14;
    let ws: Vec<Range<usize>> = Words::new(text, cue.range.end..sentence_end)
        .take(LOOK + 1)
        .collect();
    let first = ws.first()?;
    if !text[cue.range.end..first.start].trim().is_empty() {
        return None;
    }
    for (k, w) in ws.iter().enumerate().take(LOOK) {
        if k > 0 && !text[ws[k - 1].end..w.start].trim().is_empty() {
            return None;
        }
        let l = lower_at(text, w);
        if l == "that"
            || WH.contains(&l.as_str())
            || AUXILIARIES.contains(&l.as_str())
            // "asked not to be identified": no object, a negated infinitive of the subject
            || (k == 0 && l == "not")
        {
            return None;
        }
        if l == "to" {
            if k == 0 || k + 1 >= ws.len() {
                return None;
            }
            // ("called for a return to the negotiating table": "to" before a noun phrase
            // is a preposition, not an infinitive's)
            let v = lower_at(text, &ws[k + 1]);
            if !text[ws[k + 1].clone()].starts_with(char::is_lowercase)
                || super::mentions::DETERMINERS.contains(&v.as_str())
                || matches!(
                    v.as_str(),
                    "his" | "her" | "its" | "their" | "our" | "my" | "your"
                )
            {
                return None;
            }
            if cue.entry(lx).lemma == "call for"
                && (!agent_then_infinitive(text, &ws, k, lx) || planned_by_document(text, cue, lx))
            {
                return None;
            }
            let start = first.start;
            let end = boundary(text, wt, start, sentence_end, quoted, lx);
            let range = trim_content(text, start..end);
            return Some(Clause {
                range,
                that: false,
                colon: false,
                cue_end: cue.range.end,
            });
        }
    }
    None
}

/// "called for the company to be placed in administration", "called for a fan
/// representative to be given a seat", "called for them to resign": after "call for" the
/// words before "to" (`ws[..to]`) are the infinitive's agent (up to four words headed by a
/// person or organisation noun, a capitalised name or a pronoun) or the subject of a
/// passive infinitive ("the plans to be paused"). "called for talks to discuss the
/// election", "called for an end to ...", "called for a campaign to eradicate ..." name
/// what is wanted, not who should act: no quotation, as newswire-dev and the seed have it.
fn agent_then_infinitive(text: &str, ws: &[Range<usize>], to: usize, lx: &Lexicon) -> bool {
    if to > 4 {
        return false;
    }
    let next = lower_at(text, &ws[to + 1]);
    if ws.get(to + 2).is_some() && next == "be" {
        let p = lower_at(text, &ws[to + 2]);
        if p.ends_with("ed") || p.ends_with("en") || IRREGULAR_PAST.contains(&p.as_str()) {
            return true;
        }
    }
    if DETERMINERS.contains(&next.as_str()) || POSSESSIVES.contains(&next.as_str()) {
        return false;
    }
    let head = &text[ws[to - 1].clone()];
    let hl = lower_at(text, &ws[to - 1]);
    let singular = hl
        .strip_suffix("men")
        .map(|s| format!("{s}man"))
        .or_else(|| hl.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| hl.to_string());
    matches!(
        hl.as_str(),
        "them" | "him" | "her" | "it" | "us" | "everyone" | "people"
    ) || head.starts_with(char::is_uppercase)
        || lx.person_noun(&hl).is_some()
        || lx.person_noun(&singular).is_some()
        || lx.is_org_noun(&hl)
        || lx.is_org_noun(&singular)
}

/// "The plan calls for Seneca to make an advance", "a European Community directive calls
/// for these to be dismantled": a document or arrangement that "calls for" something
/// states terms, it does not speak (the sentence is usually itself reported).
fn planned_by_document(text: &str, cue: &Cue, lx: &Lexicon) -> bool {
    let mut at = cue.range.start;
    while let Some((w, s)) = super::cues::word_before(text, at) {
        if matches!(
            w.as_str(),
            "also" | "still" | "now" | "has" | "have" | "had" | "would" | "will"
        ) {
            at = s;
            continue;
        }
        return lx.is_document(&w)
            || matches!(
                w.as_str(),
                "plan"
                    | "plans"
                    | "agreement"
                    | "settlement"
                    | "proposal"
                    | "proposals"
                    | "deal"
                    | "bill"
                    | "directive"
                    | "budget"
                    | "contract"
                    | "accord"
                    | "package"
                    | "program"
                    | "programme"
                    | "scheme"
                    | "legislation"
                    | "resolution"
                    | "treaty"
                    | "pact"
                    | "offer"
                    | "merger"
                    | "measure"
            );
    }
    false
}

/// Nouns that carry a "that" clause as the object of a reporting verb ("denied claims
/// that ...", "dismissed reports that ...").
static FRAME_NOUNS: WordList = WordList::new(&[
    "claim",
    "claims",
    "report",
    "reports",
    "suggestion",
    "suggestions",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "speculation",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "fears",
    "concerns",
    "assertion",
    "assertions",
    "idea",
    "notion",
    "charge",
    "charges",
    "criticism",
    "calls",
    "warnings",
    "proposal",
]);

/// Whether the words after a bare-clause verb open a nominal frame ("claims from ... that").
fn nominal_object(text: &str, start: usize, sentence_end: usize) -> bool {
    for w in Words::new(text, start..sentence_end).take(4) {
        let w = &w;
        let l = lower_at(text, w);
        if FRAME_NOUNS.contains(&l.as_str()) {
            return true;
        }
        let modifier = DETERMINERS.contains(&l.as_str())
            || POSSESSIVES.contains(&l.as_str())
            || text[w.clone()].starts_with(char::is_uppercase);
        if !modifier {
            return false;
        }
    }
    false
}

/// `chanted “Homes not profits” as they marched`, `said "No comment" when asked`: a
/// clause that opens with a quote closed before a subordinator, or before "and" and a past
/// tense, ends at the closing mark; what follows is the writer's narration.
fn quote_then_narration(text: &str, r: Range<usize>, quoted: &[Range<usize>]) -> Range<usize> {
    const NARRATION: &[&str] = &["as", "while", "before", "after", "when", "until"];
    let Some(q) = quoted.get(quoted.partition_point(|q| q.start < r.start)) else {
        return r;
    };
    if q.start != r.start || q.end >= r.end {
        return r;
    }
    let after = text[q.end..r.end].trim_start_matches([' ', ',']);
    let word = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // "and" only before a past tense of the subject ("and waved union flags"), not before
    // a reported clause that goes on ("and there has not been enough progress").
    let past_after_and = word == "and"
        && after[3..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .is_some_and(|v| (v.len() > 4 && v.ends_with("ed")) || IRREGULAR_PAST.contains(&v));
    if NARRATION.contains(&word) || past_after_and {
        r.start..q.end
    } else {
        r
    }
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
pub fn looks_like_clause(text: &str, wt: &WordTable, r: &Range<usize>, lx: &Lexicon) -> bool {
    let ws = wt.first_words(text, r.clone(), 25);
    let Some(f) = ws.first() else { return false };
    let fl = lower_at(text, f);
    if SUBJECT_PRONOUNS.contains(&fl.as_str()) && ws.len() > 1 {
        return true;
    }
    // A to-infinitive is no reported clause ("asked not to be identified, said ...",
    // "promised to resign" is an action here, not a quotation).
    if fl == "to" || (fl == "not" && ws.get(1).is_some_and(|w| lower_at(text, w) == "to")) {
        return false;
    }
    for (k, w) in ws.iter().enumerate().take(25) {
        if k == 0 {
            continue;
        }
        // Lowercase with straight apostrophes, copied only when that changes the word.
        let lw = lower_at(text, w);
        let straight = lw.straight_apostrophes();
        let l: &str = &straight;
        if AUXILIARIES.contains(&l)
            || l.ends_with("n't")
            || IRREGULAR_PAST.contains(&l)
            || (l.ends_with("ed")
                && l.len() > 4
                && !text[w.clone()].starts_with(char::is_uppercase))
        {
            return true;
        }
        // "the governor remains", "the offer fairly reflects": a verb in -s after a
        // determiner and a singular noun.
        if k >= 2
            && l.ends_with('s')
            && !l.ends_with("ss")
            && !l.ends_with("'s")
            && !text[w.clone()].starts_with(char::is_uppercase)
        {
            let mut p = k - 1;
            if lower_at(text, &ws[p]).ends_with("ly") && p >= 2 {
                p -= 1;
            }
            let noun = lower_at(text, &ws[p]);
            let det = lower_at(text, &ws[p - 1]);
            // ("denies all the charges": "the" is no noun)
            if !noun.ends_with('s')
                && !DETERMINERS.contains(&noun.as_str())
                && !text[ws[p].clone()].starts_with(char::is_uppercase)
                && (DETERMINERS.contains(&det.as_str()) || POSSESSIVES.contains(&det.as_str()))
            {
                return true;
            }
        }
        // The clause's own verb comes before a coordinated clause ("... but he ordered").
        if matches!(l, "but" | "while" | "because" | "although" | "whereas") {
            return false;
        }
        let _ = lx;
    }
    false
}

/// A verb that frames a quoted characterisation of its object as the subject's words
/// (`called the veto "a betrayal"`, `described the deal as 'massive'`, `branded it "a
/// disgrace"`): its lemma, and whether "as" must come before the quote.
pub fn naming_lemma(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "call" | "calls" | "called" | "calling" => ("call", false),
        "describe" | "describes" | "described" | "describing" => ("describe", true),
        "brand" | "brands" | "branded" | "branding" => ("brand", false),
        "dub" | "dubs" | "dubbed" | "dubbing" => ("dub", false),
        "label" | "labels" | "labelled" | "labeled" | "labelling" | "labeling" => ("label", false),
        "term" | "terms" | "termed" | "terming" => ("term", false),
        // Evaluative verbs with "as" (`hailed the results as "…"`, `dismissed the denial as
        // "…"`): their cue class gives the stance (see [`naming_keeps_class`]).
        "hail" | "hails" | "hailed" | "hailing" => ("hail", true),
        "dismiss" | "dismisses" | "dismissed" | "dismissing" => ("dismiss", true),
        "condemn" | "condemns" | "condemned" | "condemning" => ("condemn", true),
        "praise" | "praises" | "praised" | "praising" => ("praise", true),
        "welcome" | "welcomes" | "welcomed" | "welcoming" => ("welcome", true),
        "criticise" | "criticises" | "criticised" | "criticising" | "criticize" | "criticizes"
        | "criticized" | "criticizing" => ("criticise", true),
        _ => return None,
    })
}

/// Whether a naming verb's quote takes the verb's own cue class (praise, denial,
/// criticism) rather than a neutral statement: the evaluative ones that need "as".
pub fn naming_keeps_class(lemma: &str) -> bool {
    matches!(
        lemma,
        "hail" | "dismiss" | "condemn" | "praise" | "welcome" | "criticise"
    )
}

/// The naming verb whose object runs up to a quote opening at `open` (`called the vote
/// "…"`, `describing it as "…"`), searched in `from..open`: one to six object words
/// opened by a determiner, pronoun, possessive or capital, nothing but spaces between
/// them, then the mark. A bare `called "…"` (a name: `a group called "Friends of X"`) is
/// not one.
pub fn naming_frame_before(text: &str, open: usize, from: usize) -> Option<Range<usize>> {
    let from = from.max(open.saturating_sub(160));
    let from = (from..=open).find(|&i| text.is_char_boundary(i))?;
    if !text[..open].ends_with(char::is_whitespace) {
        return None;
    }
    let ws = words(text, from..open);
    let n = ws.len();
    // Words must follow each other with only spaces between (no comma, no quote mark).
    let spaced = |a: &Range<usize>, b: &Range<usize>| text[a.end..b.start].trim().is_empty();
    if n < 2 || !text[ws[n - 1].end..open].trim().is_empty() {
        return None;
    }
    let mut obj_end = n;
    let has_as = lower_at(text, &ws[n - 1]) == "as";
    if has_as {
        obj_end -= 1;
    }
    for v in (0..obj_end).rev().take(7) {
        if v + 1 < n && !spaced(&ws[v], &ws[v + 1]) {
            return None;
        }
        let l = lower_at(text, &ws[v]);
        if let Some((_, needs_as)) = naming_lemma(&l) {
            let obj = v + 1..obj_end;
            if obj.is_empty() || obj.len() > 6 || (needs_as && !has_as) {
                return None;
            }
            let first = &text[ws[obj.start].clone()];
            let fl = lower_at(text, &ws[obj.start]);
            let opener = DETERMINERS.contains(&fl.as_str())
                || POSSESSIVES.contains(&fl.as_str())
                || matches!(
                    fl.as_str(),
                    "it" | "them" | "him" | "her" | "this" | "that" | "these" | "those" | "us"
                )
                || first.starts_with(char::is_uppercase);
            // ("A pensioner dubbed the 'Bingo Queen'": a lone article is part of the name
            // in marks, not an object)
            if obj.len() == 1 && matches!(fl.as_str(), "the" | "a" | "an") {
                return None;
            }
            let clean = ws[obj.clone()].iter().all(|w| {
                let wl = lower_at(text, w);
                !AUXILIARIES.contains(&wl.as_str())
                    && !matches!(wl.as_str(), "for" | "on" | "off" | "up" | "out" | "in")
            });
            return (opener && clean).then(|| ws[v].clone());
        }
    }
    None
}

/// Verbs of (refusing) to speak after "but would not": "but would not comment / say /
/// elaborate" is the writer's narration about the speaker, not part of the clause.
static REFUSED_SPEECH: WordList = WordList::new(&[
    "comment",
    "say",
    "elaborate",
    "disclose",
    "give",
    "discuss",
    "confirm",
    "reveal",
    "name",
    "specify",
    "provide",
    "identify",
    "be",
    "answer",
    "respond",
    "speculate",
    "release",
    "divulge",
    "detail",
    "quantify",
    "put",
    "rule",
]);

/// Where a clause starting at `start` ends: the sentence end or an earlier boundary.
/// The clause so far is a subject without its verb ("said red flag conditions, with low
/// humidity, would continue"): a ", with ..." here is a parenthesis inside the clause, not
/// the adjunct that ends it ("said prices rose, with food up most").
fn verbless_subject_before(text: &str, ws: &[Range<usize>]) -> bool {
    ws.len() <= 6
        && !ws.iter().any(|w| {
            let l = lower_at(text, w);
            AUXILIARIES.contains(&l.as_str())
                || IRREGULAR_PAST.contains(&l.as_str())
                || MAIN_VERBS.contains(&l.as_str())
                || (l.ends_with("ed") && l.len() > 4)
        })
}

fn boundary(
    text: &str,
    wt: &WordTable,
    start: usize,
    sentence_end: usize,
    quoted: &[Range<usize>],
    lx: &Lexicon,
) -> usize {
    let ws = wt.words(text, start..sentence_end);
    // "said it welcomed the change but wanted a plan": a clause whose subject pronoun is
    // followed by a simple past verb coordinates its own next past verb (the subject is
    // the same either way); "said his side had done a job and thanked the fans" ends.
    let pronoun_subject = ws.len() > 2
        && matches!(
            lower_at(text, &ws[0]).as_str(),
            "it" | "he" | "she" | "they" | "we"
        );
    let pronoun_past = pronoun_subject && {
        let v = lower_at(text, &ws[1]);
        (v.ends_with("ed") && v.len() > 4) || IRREGULAR_PAST.contains(&v.as_str())
    };
    // (a present tense, "it expects", "she plans", does not go on with the past of a
    // reporting verb: in "said it expects a good crop and forecast a resurgence" it is the
    // frame's)
    let pronoun_present = pronoun_subject && {
        let v = lower_at(text, &ws[1]);
        v.ends_with('s') && !v.ends_with("ss")
    };
    // (the quote spans are sorted and disjoint and the words in text order: a cursor over
    // the spans answers `cues::inside` for each word)
    let mut qi = quoted.partition_point(|q| q.end <= start);
    for (k, w) in ws.iter().enumerate() {
        while qi < quoted.len() && quoted[qi].end <= w.start {
            qi += 1;
        }
        if k == 0 || quoted.get(qi).is_some_and(|q| q.start <= w.start) {
            continue;
        }
        let gap = &text[ws[k - 1].end..w.start];
        let comma_out = gap
            .bytes()
            .position(|c| c == b',')
            .is_some_and(|c| !super::cues::inside(quoted, ws[k - 1].end + c));
        // The word lowercased where more than "and"/"but" is asked of it: after a comma, or
        // at three bytes (a word that lowercases to one of those is one of them in ASCII
        // case: the one non-ASCII char that lowercases to ASCII is the Kelvin sign, to "k").
        let l = if comma_out || w.len() == 3 {
            lower_at(text, w)
        } else {
            Lower::default()
        };
        if comma_out {
            // (the parenthesis closes with a comma of its own: ", with ..., would")
            let parenthesis = l == "with"
                && verbless_subject_before(text, &ws[..k])
                && text[w.end..sentence_end].contains(',');
            if (l == "with" && !parenthesis) || l == "while" {
                return ws[k - 1].end;
            }
            // ", two years later than planned": a trailing measure with no verb of its own.
            const NUMBERS: &[&str] = &[
                "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "one",
            ];
            let numeral = l.chars().next().is_some_and(|c| c.is_ascii_digit())
                || NUMBERS.contains(&l.as_str());
            if numeral {
                let rest: Vec<Lower> = ws[k..].iter().map(|x| lower_at(text, x)).collect();
                let has_verb = rest.iter().any(|x| {
                    AUXILIARIES.contains(&x.as_str()) || IRREGULAR_PAST.contains(&x.as_str())
                });
                let measure = rest.iter().take(3).any(|x| {
                    matches!(
                        x.as_str(),
                        "years"
                            | "months"
                            | "weeks"
                            | "days"
                            | "hours"
                            | "year"
                            | "month"
                            | "week"
                            | "day"
                            | "times"
                            | "percent"
                            | "per"
                    )
                });
                if !has_verb && measure {
                    return ws[k - 1].end;
                }
            }
            if l.ends_with("ing") && lx.cue(&l).is_some() {
                return ws[k - 1].end;
            }
            // `, calling them "a lie"`: a naming participle frames its own direct quote.
            if l.ends_with("ing") && naming_lemma(&l).is_some() {
                let next_open = quoted.get(quoted.partition_point(|q| q.start < w.end));
                if next_open.is_some_and(|q| {
                    q.start < sentence_end
                        && naming_frame_before(text, q.start, w.start).as_ref() == Some(w)
                }) {
                    return ws[k - 1].end;
                }
            }
            // ", and a spokeswoman said ...": a second frame with its own subject.
            if matches!(l.as_str(), "and" | "but" | "while") {
                let frame = ws[k + 1..].iter().take(6).any(|n| {
                    let nl = lower_at(text, n);
                    lx.cue(&nl).is_some_and(|c| !c.form.ends_with("ing"))
                        && !super::cues::inside(quoted, n.start)
                });
                if frame {
                    return ws[k - 1].end;
                }
            }
        }
        if gap.as_bytes().contains(&b';') {
            return ws[k - 1].end;
        }
        // "... but would not comment further": the main subject's next verb. In a clause
        // with its own subject pronoun a modal goes on with that clause unless it refuses
        // to speak ("said it had no plans but would look closely at ...", "said he
        // understood the anger but would not apologise"; "but would not say how many").
        if l == "but" {
            if let Some(n) = ws.get(k + 1) {
                let nl = lower_at(text, n);
                let modal = matches!(nl.as_str(), "would" | "will" | "could");
                let own_modal = modal
                    && pronoun_subject
                    && ws[k + 2..]
                        .iter()
                        .map(|x| lower_at(text, x))
                        .find(|x| !matches!(x.as_str(), "not" | "also" | "still" | "now"))
                        .is_some_and(|v| !REFUSED_SPEECH.contains(&v.as_str()));
                if (modal || matches!(nl.as_str(), "declined" | "refused" | "did" | "was" | "is"))
                    && !own_modal
                    && !super::cues::inside(quoted, n.start)
                {
                    return ws[k - 1].end;
                }
            }
        }
        if (l == "and" || l == "but")
            && gap
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\''))
                .is_empty()
        {
            if let Some(n) = ws.get(k + 1) {
                let nl = lower_at(text, n);
                let irregular_report =
                    matches!(nl.as_str(), "forecast" | "foresaw" | "wrote" | "spoke");
                let past = (nl.ends_with("ed") && nl.len() > 4)
                    || matches!(
                        nl.as_str(),
                        "said" | "told" | "added" | "went" | "gave" | "made"
                    )
                    // ("said exports fell and forecast a further decline": the irregular
                    // past of a reporting verb is the speaker's next frame)
                    || irregular_report;
                // (a reporting verb is the speaker's next frame, "but added that"; an
                // attitude verb is not: "but feared the strike would hit ...")
                let own = pronoun_past
                    && !(pronoun_present && irregular_report)
                    && lx.cue(&nl).is_none_or(|c| {
                        matches!(
                            c.lemma.as_str(),
                            "fear" | "hope" | "believe" | "think" | "expect" | "feel" | "want"
                        )
                    });
                if past && !own && !super::cues::inside(quoted, n.start) {
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
        clause_after(t, &WordTable::new(t), &c, t.len(), &[], &lx).map(|c| t[c.range].to_string())
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
            clause("The Trust said it welcomed the change but wanted a proper plan.").as_deref(),
            Some("it welcomed the change but wanted a proper plan")
        );
        assert_eq!(
            clause("The group said it supported the claim but feared the strike would hurt.")
                .as_deref(),
            Some("it supported the claim but feared the strike would hurt")
        );
        assert_eq!(
            clause(
                "Bright said he understood the position but added that the school had a future."
            )
            .as_deref(),
            Some("he understood the position")
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
