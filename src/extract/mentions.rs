//! Mentions: the words that name a source at an attribution site, found without a parser.
//!
//! [`subject_before`] finds the subject noun phrase in front of a cue (skipping adverbial
//! chunks, trailing appositions and auxiliaries), [`subject_after`] the one after an
//! inverted cue ("said Ms Okafor, a nurse"), [`leading_np`] the subject of a sentence (for
//! participle cues and coordinated verbs). [`analyse`] then takes a mention apart: pronoun,
//! proper name (with honorific and pre-nominal title), or description (group, unnamed
//! person, organisation noun, anonymous source).

use std::ops::Range;

use crate::lexicon::{Lexicon, PersonClass, WordList};
use crate::model::Gender;
use crate::text::{lowercase, words, Lower, WordTable, Words};

/// Determiners and quantifiers dropped from descriptions ("Some opposition parties").
pub static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "some", "several", "many", "most", "few", "two", "three", "four", "five",
    "other", "one", "another", "these", "those", "this", "that", "both", "all",
]);
/// Possessive determiners: part of the mention, dropped from roles ("Its managing director").
pub const POSSESSIVES: &[&str] = &["its", "his", "her", "their", "our", "my", "your"];
/// Prepositions that start adverbial chunks or prepositional phrases.
pub static PREPOSITIONS: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "near",
    "outside",
    "inside",
    "from",
    "via",
    "through",
    "to",
    "over",
    "under",
    "across",
    "within",
    "with",
    "without",
    "by",
    "for",
    "about",
    "amid",
    "against",
    "following",
    "into",
    "onto",
    "upon",
    "since",
    "until",
    "of",
    "behind",
    "beside",
    "among",
    "throughout",
    "ahead",
]);
/// Words that cannot be inside a subject noun phrase: auxiliaries and clause words.
pub static AUXILIARIES: WordList = WordList::new(&[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "did", "does", "do", "shall",
]);
static ADVERB_TAIL: WordList = WordList::new(&[
    "also",
    "later",
    "then",
    "previously",
    "again",
    "now",
    "still",
    "further",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "earlier",
    "separately",
    "finally",
    "once",
    "publicly",
    "privately",
    "repeatedly",
    "initially",
    "subsequently",
    "simply",
    "himself",
    "herself",
    "themselves",
    "itself",
    "only",
    "just",
    "already",
    "has",
    "have",
    "had",
    "not",
    "never",
]);
static WEEKDAYS: WordList = WordList::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "night",
    "weekend",
    "morning",
    "evening",
    "afternoon",
]);
static LEADING_CONNECTIVES: WordList = WordList::new(&[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "now",
    "instead",
    "also",
    "separately",
    "elsewhere",
    "earlier",
    "later",
    "then",
    "or",
    "while",
    "though",
    "afterwards",
    "afterward",
    "subsequently",
    "finally",
    "eventually",
    "previously",
    "yesterday",
]);
static SUBORDINATORS: WordList = WordList::new(&[
    "when",
    "after",
    "before",
    "while",
    "if",
    "as",
    "although",
    "though",
    "because",
    "since",
    "once",
    "unless",
    "whereas",
    "speaking",
    "asked",
    "sentencing",
    "writing",
    "responding",
    "commenting",
    "however",
    "meanwhile",
    "separately",
    "in",
    "on",
    "at",
    "during",
    "for",
    "from",
    "with",
    "by",
    "to",
    "under",
    "despite",
    "amid",
    "following",
    "like",
    "unlike",
]);

/// Post-nominal letters after a person's name ("Rebecca Shaw KC", "Graham Foyle MP",
/// "Dame Ann Lee DBE"): person evidence, never part of the name.
pub const POSTNOMINALS: &[&str] = &[
    "KC", "QC", "MP", "MSP", "MEP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PhD",
];

pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Pronoun,
    Name,
    Description,
}

/// What a description describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescClass {
    /// Unnamed people ("opposition parties", "economists").
    Group,
    /// One unnamed person ("a witness").
    Person,
    /// An unnamed functionary ("a spokesman for the company"): the role is the speaker.
    Functionary,
    /// An organisation noun ("the company", "police", "Marsh's office").
    Org,
    /// An anonymous source ("a source close to the talks").
    Anonymous,
}

/// A mention taken apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The mention as written (the `speaker_mention`), byte range.
    pub range: Range<usize>,
    pub kind: MentionKind,
    /// The proper name without honorific and title.
    pub name: Option<Range<usize>>,
    /// The role the mention states (pre-nominal title, pre-posed apposition, honorific role).
    pub role: Option<String>,
    /// Gender the mention states (honorific, gendered noun).
    pub gender: Gender,
    /// Honorific before the name.
    pub honorific: bool,
    /// The description without determiner (first letter lowercased when only capitalised
    /// by the sentence start).
    pub desc: Option<String>,
    pub desc_class: Option<DescClass>,
    /// The head noun of a description (lowercase).
    pub head: Option<String>,
    /// Words of the mention say it is an organisation ("The cycling charity Pedal Safe").
    pub org_hint: bool,
    /// The pronoun, lowercase.
    pub pronoun: Option<String>,
    /// The role comes from a honorific alone ("Cllr Sunita Rao" -> councillor): an
    /// apposition that states a role ("the council's cabinet member for housing") is more
    /// specific and replaces it.
    pub honorific_role: bool,
    /// The role comes from abbreviations only ("Gen. Sir Patrick Harwood" -> general, "Lt
    /// Col Ruth Ainsworth"): a description stated before the name elsewhere in the
    /// article ("The head of the British Army, Gen. Sir Patrick Harwood") replaces it.
    pub role_from_honorific: bool,
}

/// "mother-of-three", "Mum-of-two", "father-of-four": a kin noun with "-of-" and a count is
/// gender evidence about the person it describes, never a role.
pub fn kin_compound_gender(w: &str, lx: &Lexicon) -> Option<Gender> {
    // (no hyphen, no "-of-": most words, answered without lowercasing or a substring search)
    if !w.as_bytes().contains(&b'-') {
        return None;
    }
    let l = lower(w);
    let (kin, count) = l.split_once("-of-")?;
    let p = lx.person_noun(kin)?;
    (p.class == PersonClass::Kin && !count.is_empty() && !count.contains(' ')).then_some(p.gender)
}

/// Titles that state only membership of a council: an apposition naming the office
/// ("Cllr Sunita Rao, the council's cabinet member for housing") is the role instead.
const GENERIC_TITLES: &[&str] = &[
    "councillor",
    "councilor",
    "alderman",
    "councilman",
    "councilwoman",
];

/// "The opposition Liberal Democrat group leader, Cllr Sue Pettit, refused ...": lowercase
/// words after a capitalised modifier that end in a role noun right before a comma are the
/// rest of a title, not the end of the noun phrase.
fn title_tail(text: &str, ws: &[Range<usize>], lx: &Lexicon) -> bool {
    for w in ws.iter().take(3) {
        let t = &text[w.clone()];
        if is_cap(t) || verbish(t, lx) {
            return false;
        }
        let at_comma = text[w.end..].starts_with(',');
        if at_comma {
            return lx
                .person_noun(&lower(t))
                .is_some_and(|p| p.class == PersonClass::Role);
        }
    }
    false
}

/// Whether a ", who " relative clause follows at `at` (a person, not an organisation).
pub fn followed_by_who(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|r| r.starts_with(", who ") || r.starts_with(" who "))
}

/// Ranks (military, police, aviation): a title that says where in a hierarchy, not the
/// function; a definite or bare apposition headed by a role noun is the role instead
/// ("Captain Liam Royce, chair of the association's flight safety committee").
pub const RANK_TITLES: &[&str] = &[
    "captain",
    "sergeant",
    "constable",
    "inspector",
    "superintendent",
    "lieutenant",
    "major",
    "colonel",
    "general",
    "commander",
    "admiral",
    "corporal",
    "brigadier",
    "commodore",
    "marshal",
];

/// A judge's style before the surname ("Mr Justice Hallam", "Mrs Justice Carr", "Lord
/// Justice Bean"): the title words are "Justice" after a honorific, and the role they
/// state is "judge".
pub fn judicial_style(title: &str, after_honorific: bool) -> bool {
    after_honorific && title == "Justice"
}

fn lower(s: &str) -> Lower<'_> {
    lowercase(s)
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || super::coref::hyphenated_particle_name(w)
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a word looks like a finite verb or clause word (so cannot be in a subject).
pub fn verbish(w: &str, lx: &Lexicon) -> bool {
    let l = lower(w);
    if AUXILIARIES.contains(&l.as_str()) || matches!(l.as_str(), "who" | "which" | "that" | "whose")
    {
        return true;
    }
    if is_cap(w) {
        return false;
    }
    (l.ends_with("ed") && l.len() > 4) || lx.cue(&l).is_some()
}

/// [`verbish`] for the word at `w` in `text`, except a cue form that modifies the noun
/// after it ("BJP state president Madan Sharma": "state" is no verb there).
pub fn verb_at(text: &str, w: &Range<usize>, lx: &Lexicon) -> bool {
    verbish(&text[w.clone()], lx)
        && !super::cues::noun_modifier(&lower(&text[w.clone()]), text, w.end, lx)
        && !name_with_mark(text, w)
}

/// A capitalised word written with a question or exclamation mark inside a sentence
/// ("Consumer group Which? said", "Yahoo! said"): a name that carries the mark, not the
/// clause word "which" nor the sentence's end (a lowercase word follows).
pub fn name_with_mark(text: &str, w: &Range<usize>) -> bool {
    is_cap(&text[w.clone()])
        && text[w.end..].starts_with(['?', '!'])
        && text[w.end + 1..].starts_with(' ')
        && text[w.end + 2..].starts_with(|c: char| c.is_lowercase())
}

/// Trims whitespace and the given punctuation from both ends of a byte range.
pub fn trim(text: &str, r: Range<usize>, punct: &[char]) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || punct.contains(&c));
    let start = r.start + (s.len() - t.len());
    let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || punct.contains(&c));
    start..start + t2.len()
}

/// Splits a range at top-level commas (not inside quotes or brackets).
pub fn comma_chunks(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = r.start;
    let mut in_q = false;
    // Bytes, not chars: every mark looked for is ASCII or (`“`, `”`) starts with 0xE2, and
    // no byte of a multi-byte char is ASCII.
    let b = &text.as_bytes()[r.clone()];
    for (i, &x) in b.iter().enumerate() {
        match x {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b'"' => in_q = !in_q,
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])) => in_q = !in_q,
            b',' if depth <= 0 && !in_q => {
                out.push(start..r.start + i);
                start = r.start + i + 1;
            }
            _ => {}
        }
    }
    out.push(start..r.end);
    out
}

/// A role-like apposition chunk: starts lowercase, with a determiner + lowercase noun, or a
/// relative pronoun; not a name.
fn is_apposition(text: &str, r: &Range<usize>, lx: &Lexicon) -> bool {
    if is_party_tag(text[r.clone()].trim()) {
        return true; // a US party-state tag: "Sen. Doug Harlan, R-Texas,"
    }
    let ws = words(text, r.clone());
    let Some(first) = ws.first() else {
        return false;
    };
    let f = &text[first.clone()];
    if f.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true; // an age: "Maureen Smith, 66,"
    }
    // "Another commuter, retired teacher Graham Ellis, 67, said": a title right before a
    // name of two or more words is that name's, not an apposition ("chief economist at
    // Hollin Bank" is one: a preposition comes before the capitals).
    let cap_from = ws
        .iter()
        .rposition(|w| !is_cap(&text[w.clone()]))
        .map_or(0, |p| p + 1);
    if cap_from > 0
        && cap_from <= 4
        && ws.len() - cap_from >= 2
        && ws[..cap_from].iter().all(|w| {
            let l = lower(&text[w.clone()]);
            !PREPOSITIONS.contains(&l.as_str())
                && !matches!(
                    l.as_str(),
                    "who" | "which" | "whose" | "that" | "aged" | "by"
                )
                && !AUXILIARIES.contains(&l.as_str())
                && lx.cue(&l).is_none()
                && !l.ends_with('s')
        })
        && lx
            .person_noun(&lower(&text[ws[cap_from - 1].clone()]))
            .is_some_and(|p| p.class == PersonClass::Role)
    {
        return false;
    }
    let fl = lower(f);
    if matches!(fl.as_str(), "who" | "which" | "whose" | "aged") {
        return true;
    }
    // "a Democrat from Fresno who sponsored the freeze": an indefinite noun phrase, even
    // capitalised, describes; "The Rail Delivery Group" names.
    if (fl == "a" || fl == "an") && ws.len() > 1 {
        return true;
    }
    if fl == "the" && ws.len() > 1 {
        return !is_cap(&text[ws[1].clone()]) || definite_role_chunk(text, &ws[1..], lx);
    }
    !is_cap(f) || possessive_title(text, &ws, lx)
}

/// "Save the Children's country director in Sudan", "Ostravia's foreign minister": a
/// possessive name (capitalised words, "the", "of", "and") and a title whose head is a role
/// noun. After a name it is an apposition, not the subject.
fn possessive_title(text: &str, ws: &[Range<usize>], lx: &Lexicon) -> bool {
    let Some(p) = ws.iter().take(5).position(|w| {
        let t = &text[w.clone()];
        is_cap(t)
            && (t.ends_with("'s") || t.ends_with("’s") || t.ends_with("s'") || t.ends_with("s’"))
    }) else {
        return false;
    };
    if !ws[..p].iter().all(|w| {
        let t = &text[w.clone()];
        is_cap(t) || matches!(t, "the" | "of" | "and")
    }) {
        return false;
    }
    let rest = &ws[p + 1..];
    let head_end = rest
        .iter()
        .position(|w| PREPOSITIONS.contains(&lower(&text[w.clone()]).as_str()))
        .unwrap_or(rest.len());
    head_end > 0
        && lx
            .person_noun(&lower(&text[rest[head_end - 1].clone()]))
            .is_some_and(|pn| pn.class == PersonClass::Role)
}

/// The words after "the" in an apposition name a function, capitals or not: the word
/// before the first of/for/at (or the last word) is a role noun ("the Conservative MP for
/// Swindon West", "the Labour member for Leeds North"), not the name of a body ("the Rail
/// Delivery Group").
fn definite_role_chunk(text: &str, ws: &[Range<usize>], lx: &Lexicon) -> bool {
    let head_end = ws
        .iter()
        .position(|w| matches!(&text[w.clone()], "of" | "for" | "at"))
        .unwrap_or(ws.len());
    head_end > 0
        && lx
            .person_noun(&lower(&text[ws[head_end - 1].clone()]))
            .is_some_and(|p| p.class == PersonClass::Role)
}

/// A US party-state tag after a name ("D-Ohio", "R-Texas", "I-Vt."): party letter, hyphen,
/// a capitalised state name or abbreviation. Never a name of its own.
pub fn is_party_tag(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some('D' | 'R' | 'I'))
        && cs.next() == Some('-')
        && cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && s.len() <= 16
        && s[3..]
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
}

/// A chunk that is a description ready to precede a name ("Its economic spokesman", "A
/// spokesperson", "Stanmoor’s MP", "The main opposition party").
fn is_pre_description(text: &str, r: &Range<usize>, lx: &Lexicon) -> bool {
    let ws = words(text, r.clone());
    if ws.is_empty() || ws.len() > 8 {
        return false;
    }
    let f = lower(&text[ws[0].clone()]);
    if PREPOSITIONS.contains(&f.as_str()) || SUBORDINATORS.contains(&f.as_str()) {
        return false;
    }
    if ws.iter().any(|w| verb_at(text, w, lx)) {
        return false;
    }
    let last = lower(&text[ws[ws.len() - 1].clone()]);
    // "Mrs Kettering's neighbour": a possessive name (capitalised words) opens it too.
    let possessive_name = ws.iter().take(3).position(|w| {
        let t = &text[w.clone()];
        t.ends_with("'s") || t.ends_with("’s")
    });
    let starts_det = DETERMINERS.contains(&f.as_str())
        || POSSESSIVES.contains(&f.as_str())
        || possessive_name.is_some_and(|p| ws[..=p].iter().all(|w| is_cap(&text[w.clone()])));
    starts_det
        && (lx.person_noun(&last).is_some()
            || lx.is_org_noun(&last)
            || !is_cap(&text[ws[ws.len() - 1].clone()]))
}

/// A chunk that holds a proper name (possibly after a determiner: "the Liberal Union").
/// "Franciso Chona, manager of the state-run oil company Ecopetrol said" / "Chris Tinker,
/// U.K. Analyst at brokers Phillips and Drew said that": wire copy often leaves out the
/// comma that closes an apposition before the cue. Whether `name` (the chunk before the
/// last comma) is a person's name of two to four capitalised words (no preposition,
/// connective, person noun or organisation word in it) and `role` (the chunk after it) a
/// title: a singular role noun among its first three words, followed by a preposition or
/// by nothing (so "In Washington, Treasury Secretary James Baker said" is no such pair:
/// the title is followed by a name).
pub fn name_then_unclosed_role(
    text: &str,
    name: Range<usize>,
    role: Range<usize>,
    lx: &Lexicon,
) -> bool {
    let nw = words(text, name);
    if !(2..=4).contains(&nw.len()) {
        return false;
    }
    let name_ok = nw.iter().all(|w| {
        let t = &text[w.clone()];
        let l = lower(t);
        (is_cap(t) || super::coref::NAME_PARTICLES.contains(&t))
            && !t.contains(['<', '>', '(', ')', '\'', '’'])
            && !PREPOSITIONS.contains(&l.as_str())
            && !DETERMINERS.contains(&l.as_str())
            && !SUBORDINATORS.contains(&l.as_str())
            && lx.person_noun(&l).is_none()
            && !lx.is_org_head(&l)
            && !lx.is_org_noun(&l)
            && lx.demonym(&l).is_none()
    }) && !matches!(
        lower(&text[nw[0].clone()]).as_str(),
        "but" | "and" | "however" | "meanwhile"
    );
    if !name_ok {
        return false;
    }
    let rw = words(text, role);
    if rw.len() < 2 || rw.len() > 12 {
        return false;
    }
    rw.iter().take(3).enumerate().any(|(i, w)| {
        let l = lower(&text[w.clone()]);
        !l.ends_with('s')
            && lx
                .person_noun(&l)
                .is_some_and(|p| p.class == PersonClass::Role)
            && rw
                .get(i + 1)
                .is_none_or(|n| matches!(&text[n.clone()], "of" | "at" | "for" | "with" | "in"))
    }) && !rw.iter().any(|w| {
        let l = lower(&text[w.clone()]);
        lx.cue(&l).is_some() || matches!(l.as_str(), "who" | "which" | "whose")
    })
}

fn is_name_chunk(text: &str, r: &Range<usize>) -> bool {
    let ws = words(text, r.clone());
    let mut it = ws.iter().map(|w| &text[w.clone()]);
    let Some(mut f) = it.next() else { return false };
    if matches!(lower(f).as_str(), "the") {
        match it.next() {
            Some(n) => f = n,
            None => return false,
        }
    }
    is_cap(f) && ws.len() <= 7
}

/// A dateline ("LONDON, March 3 - Acme Corp said") is not part of a subject: the region
/// starts after the last dash.
/// A live-blog time stamp opening a paragraph ("01:51 ", "9.05am ", "14:10 BST "): skipped
/// like a dateline, it is neither subject nor content.
pub fn skip_timestamp(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits)
        || !matches!(b.get(digits), Some(b':' | b'.'))
        || b.get(digits + 1..digits + 3)
            .is_none_or(|m| !m.iter().all(u8::is_ascii_digit))
    {
        return r;
    }
    let mut rest = &s[digits + 3..];
    for suffix in ["am", "pm", "a.m.", "p.m."] {
        if let Some(t) = rest.strip_prefix(suffix) {
            rest = t;
            break;
        }
    }
    let t = rest.trim_start();
    for zone in ["GMT ", "BST ", "CET ", "ET ", "UTC "] {
        if let Some(u) = t.strip_prefix(zone) {
            return r.end - u.len()..r.end;
        }
    }
    if rest.starts_with(' ') {
        r.end - t.len()..r.end
    } else {
        r
    }
}

fn skip_dateline_dash(text: &str, region: Range<usize>) -> Range<usize> {
    let region = skip_timestamp(text, region);
    let region = skip_agency_dateline(text, region);
    match last_dash_end(&text.as_bytes()[region.clone()]) {
        Some(e) => region.start + e..region.end,
        None => region,
    }
}

/// "Jaipur, Aug 14 (PTI) Leader of ...": an Indian-wire dateline (a place, a comma, a date
/// and an agency acronym in brackets, no dash) opens the paragraph's first sentence and is
/// no part of its subject.
fn skip_agency_dateline(text: &str, region: Range<usize>) -> Range<usize> {
    let head = &text[region.clone()];
    let Some(close) = head.get(..head.len().min(48)).and_then(|h| h.find(") ")) else {
        return region;
    };
    let Some(open) = head[..close].rfind('(') else {
        return region;
    };
    let agency = &head[open + 1..close];
    let dateline = (2..=6).contains(&agency.len())
        && agency.bytes().all(|b| b.is_ascii_uppercase())
        && head[..open].contains(", ")
        && head[..open].bytes().any(|b| b.is_ascii_digit());
    if dateline {
        region.start + close + 2..region.end
    } else {
        region
    }
}

/// The largest end of a dateline dash (`—`, ` - `, ` – `, `--`) in `s`: one backward pass
/// over the bytes that end a dash (`-`, and the last bytes 0x94 / 0x93 of `—` / `–`)
/// instead of a substring search per dash. A dash found at byte `d` ends at `d + 1` or
/// `d + 2`, so the first one found from the end ends furthest.
fn last_dash_end(s: &[u8]) -> Option<usize> {
    let mut hi = s.len();
    while let Some(d) = memchr::memrchr3(b'-', 0x94, 0x93, &s[..hi]) {
        let space_after = s.get(d + 1) == Some(&b' ');
        match s[d] {
            b'-' => {
                if d >= 1 && s[d - 1] == b' ' && space_after {
                    return Some(d + 2); // " - "
                }
                if d >= 1 && s[d - 1] == b'-' {
                    return Some(d + 1); // "--"
                }
            }
            0x94 if d >= 2 && s[d - 2..d] == [0xE2, 0x80] => return Some(d + 1), // "—"
            0x93 if d >= 3 && s[d - 3..d] == [b' ', 0xE2, 0x80] && space_after => {
                return Some(d + 2); // " – "
            }
            _ => {}
        }
        hi = d;
    }
    None
}

/// The subject before a cue: `region` runs from the sentence (or clause) start to the cue.
/// Returns the mention range and the role of a trailing apposition ("X, chief economist at
/// Y, said").
pub fn subject_before(
    text: &str,
    wt: &WordTable,
    region: Range<usize>,
    lx: &Lexicon,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let region = skip_dateline_dash(text, region);
    // Drop auxiliaries and adverbs between the subject and the cue.
    let mut r = trim(text, region, &[]);
    let all = wt.words(text, r.clone());
    let mut n = all.len();
    while n > 0 {
        let last = &all[n - 1];
        let l = lower(&text[last.clone()]);
        let tail_ok = text[last.end..r.end].trim().is_empty();
        // Any "-ly" adverb between the subject and the cue ("Kennedy bluntly admitted").
        let ly = l.len() > 4
            && l.ends_with("ly")
            && n > 1
            && !is_cap(&text[last.clone()])
            && !matches!(
                l.as_str(),
                "family" | "ally" | "assembly" | "supply" | "rally" | "monopoly" | "anomaly"
            );
        if tail_ok && (ADVERB_TAIL.contains(&l.as_str()) || WEEKDAYS.contains(&l.as_str()) || ly) {
            // "on Tuesday", "last week"
            let mut cut = last.start;
            let mut drop = 1;
            if WEEKDAYS.contains(&l.as_str()) && n >= 2 {
                let p = lower(&text[all[n - 2].clone()]);
                if matches!(
                    p.as_str(),
                    "on" | "last" | "this" | "next" | "late" | "early"
                ) {
                    cut = all[n - 2].start;
                    drop = 2;
                } else {
                    break;
                }
            }
            r = trim(text, r.start..cut, &[]);
            n -= drop;
            continue;
        }
        break;
    }
    if n == 0 {
        return None;
    }
    if r.is_empty() {
        return None;
    }
    let trailing_comma = text[..r.end].ends_with(',');
    let chunks: Vec<Range<usize>> = comma_chunks(text, r.clone())
        .into_iter()
        .map(|c| trim(text, c, &[]))
        .filter(|c| !c.is_empty())
        .collect();
    if chunks.is_empty() {
        return None;
    }
    let mut idx = chunks.len() - 1;
    let mut appos: Option<Range<usize>> = None;
    if trailing_comma && chunks.len() >= 2 {
        // "NAME, APPOSITION," or "DESCRIPTION, NAME,"
        while idx > 0 && is_apposition(text, &chunks[idx], lx) {
            if is_party_tag(text[chunks[idx].clone()].trim()) {
                idx -= 1; // skipped, and no role
                continue;
            }
            if appos.is_none()
                || text[appos.clone().unwrap()]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            {
                appos = Some(chunks[idx].clone());
            }
            idx -= 1;
        }
    }
    // "Chris Tinker, U.K. Analyst at brokers Phillips and Drew said": an apposition no
    // comma closes.
    if !trailing_comma
        && idx == chunks.len() - 1
        && idx >= 1
        && name_then_unclosed_role(text, chunks[idx - 1].clone(), chunks[idx].clone(), lx)
    {
        return Some((chunks[idx - 1].clone(), Some(chunks[idx].clone())));
    }
    let subj = chunks[idx].clone();
    // "Its economic spokesman, Tomas Berg" / "A spokesperson, Kevin Liu"
    if idx >= 1 && is_name_chunk(text, &subj) && is_pre_description(text, &chunks[idx - 1], lx) {
        return Some((chunks[idx - 1].start..subj.end, appos));
    }
    let subj = strip_leading_connectives(text, subj);
    if subj.is_empty() {
        return None;
    }
    let only_connective = {
        let ws = wt.words(text, subj.clone());
        ws.len() == 1
            && matches!(
                lower(&text[ws[0].clone()]).as_str(),
                "but" | "and" | "then" | "yet"
            )
    };
    if only_connective {
        return leading_np(text, chunks[0].start..subj.start, lx).map(|r| (r, None));
    }
    let ws = wt.words(text, subj.clone());
    // A subject of punctuation only (a stray closing mark) has no words: no speaker.
    let first = lower(&text[ws.first()?.clone()]);
    let np_like = ws.len() <= 12
        && !ws.iter().any(|w| verb_at(text, w, lx))
        && (!SUBORDINATORS.contains(&first.as_str()) || DETERMINERS.contains(&first.as_str()))
        && !text[subj.clone()].contains(['"', '“', '”', ':', ';']);
    if np_like {
        return Some((subj, appos));
    }
    // "A fan who had travelled from Glasgow": the noun phrase before the relative clause.
    if let Some(rel) = ws
        .iter()
        .position(|w| matches!(lower(&text[w.clone()]).as_str(), "who" | "which" | "whose"))
    {
        if rel > 0 {
            let head = trim(text, subj.start..ws[rel].start, &[]);
            let hw = wt.words(text, head.clone());
            if hw.len() <= 8 && !hw.iter().any(|w| verb_at(text, w, lx)) {
                // Unnamed groups keep their relative clause ("volunteers who run the library").
                let last = lower(&text[hw[hw.len() - 1].clone()]);
                let group = last.ends_with('s')
                    && !is_cap(&text[hw[hw.len() - 1].clone()])
                    && hw.len() <= 3;
                if group {
                    return Some((subj, None));
                }
                return Some((head, Some(ws[rel].start..subj.end)));
            }
        }
    }
    // Backward walk over a capitalised run and its determiner.
    let mut start: Option<usize> = None;
    for w in ws.iter().rev() {
        let t = &text[w.clone()];
        let l = lower(t);
        if is_cap(t) || lx.honorific(t).is_some() {
            start = Some(w.start);
            continue;
        }
        if start.is_some() && (l == "the" || POSSESSIVES.contains(&l.as_str())) {
            start = Some(w.start);
        }
        break;
    }
    if let Some(s) = start {
        let end = subj.end;
        if text[s..end].trim().is_empty() {
            return None;
        }
        // A sentence-initial capital alone ("Belarus has ... and") is not a subject here.
        if ws.last().is_some_and(|w| w.end == end) {
            return Some((s..end, appos));
        }
    }
    // "Mr Lukashenko rejected ... and said": the coordinated verb shares the sentence subject.
    if ws
        .last()
        .is_some_and(|w| matches!(lower(&text[w.clone()]).as_str(), "and" | "but"))
    {
        // The subject before the sentence's first verb ("The bill's author, Assemblywoman
        // Grace Liu, called the signing "a historic day" and said").
        let all = wt.words(text, chunks[0].start..subj.end);
        if let Some(v) = all.iter().skip(1).find(|w| {
            let t = &text[(*w).clone()];
            verb_at(text, w, lx) || super::clauses::IRREGULAR_PAST.contains(&lower(t).as_str())
        }) {
            let region = chunks[0].start..v.start;
            let region_words = wt.words(text, region.clone());
            if !region_words.is_empty()
                && !region_words.last().is_some_and(|w| {
                    matches!(
                        lower(&text[w.clone()]).as_str(),
                        "and" | "but" | "which" | "who"
                    )
                })
            {
                if let Some(found) = subject_before(text, wt, region, lx) {
                    return Some(found);
                }
            }
        }
        return leading_np(text, subj, lx).map(|r| (r, None));
    }
    // "the competition regulator, which said": the relative pronoun's antecedent.
    // (only for statement verbs: "who asked not to be named" reports nothing)
    let next_word = text[r.end..]
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let statement_verb = matches!(
        next_word,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "warned"
            | "warns"
            | "insisted"
            | "insists"
            | "claimed"
            | "claims"
            | "admitted"
            | "admits"
            | "denied"
            | "denies"
            | "announced"
            | "confirmed"
            | "argued"
            | "argues"
            | "reported"
            | "stated"
            | "wrote"
    );
    // "The court heard from Lorraine Hebden, a former carer at the home, who said": the
    // relative pronoun's antecedent is the name before the apposition.
    if ws.len() == 1
        && first == "who"
        && idx >= 2
        && statement_verb
        && is_apposition(text, &chunks[idx - 1], lx)
    {
        let pw = wt.words(text, chunks[idx - 2].clone());
        let run = pw
            .iter()
            .rev()
            .take_while(|w| {
                let t = &text[(*w).clone()];
                is_cap(t) || lx.honorific(t).is_some()
            })
            .count();
        if run >= 2 {
            let np = pw[pw.len() - run].start..pw[pw.len() - 1].end;
            return Some((np, Some(chunks[idx - 1].clone())));
        }
    }
    if ws.len() == 1 && matches!(first.as_str(), "which" | "who") && idx >= 1 && statement_verb {
        // The noun phrase that ends the chunk before: back to a determiner, a preposition
        // or a verb.
        let pw = wt.words(text, chunks[idx - 1].clone());
        let mut s = None;
        for w in pw.iter().rev().take(8) {
            let t = &text[w.clone()];
            let l = lower(t);
            if PREPOSITIONS.contains(&l.as_str())
                || matches!(l.as_str(), "of" | "by" | "to" | "that")
                || verbish(t, lx)
            {
                break;
            }
            s = Some(w.start);
            if DETERMINERS.contains(&l.as_str()) || POSSESSIVES.contains(&l.as_str()) {
                break;
            }
        }
        let e = pw.last()?.end;
        return s.map(|s| (s..e, None));
    }
    None
}

/// Whether `word` is written capitalised somewhere mid-sentence in the article (after a
/// lowercase word or a comma), i.e. it is a name and not only a sentence-initial capital.
pub fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
    let hit = |i: usize| {
        let before = text[..i].trim_end_matches(' ');
        let after_ok = !text[i + word.len()..].starts_with(char::is_alphanumeric);
        after_ok
            && before.len() < i
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || c == ',' || c.is_ascii_digit())
    };
    if word.is_empty() {
        // Every char boundary (`memmem` would also give positions inside a char).
        return text.match_indices(word).any(|(i, _)| hit(i));
    }
    // `memmem` finds the same non-overlapping matches as `str::match_indices`, several
    // times faster than the two-way searcher on a whole article.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(hit)
}

fn strip_leading_connectives(text: &str, r: Range<usize>) -> Range<usize> {
    let mut r = r;
    loop {
        // (the first two words only: a scan of the whole range was most of the cost)
        let mut ws = Words::new(text, r.clone());
        let Some(f) = ws.next() else { return r };
        if ws.next().is_some() && LEADING_CONNECTIVES.contains(&lower(&text[f.clone()]).as_str()) {
            r = trim(text, f.end..r.end, &[',']);
            continue;
        }
        return r;
    }
}

/// Collective nouns for people that follow a name ("the Brennan family"): a group.
const COLLECTIVE: &[&str] = &["family", "families", "household", "clan"];

/// The subject noun phrase at the start of `r` (a sentence or clause): determiner, words up
/// to the end of the first capitalised run or the first verb-like word.
pub fn leading_np(text: &str, r: Range<usize>, lx: &Lexicon) -> Option<Range<usize>> {
    let r = skip_dateline_dash(text, r);
    // Skip adverbial chunks ("In Minsk, ...").
    let chunks = comma_chunks(text, r.clone());
    let mut r = r;
    for c in &chunks {
        let c = trim(text, c.clone(), &[]);
        let ws = words(text, c.clone());
        let Some(f) = ws.first() else { continue };
        let fl = lower(&text[f.clone()]);
        if SUBORDINATORS.contains(&fl.as_str()) && !DETERMINERS.contains(&fl.as_str()) {
            r = c.end..r.end;
            continue;
        }
        break;
    }
    let r = strip_leading_connectives(text, trim(text, r, &[',']));
    let ws = words(text, r.clone());
    let mut end: Option<usize> = None;
    let mut seen_cap = false;
    for (i, w) in ws.iter().enumerate() {
        let t = &text[w.clone()];
        if i >= 10 {
            break;
        }
        let cap = is_cap(t) || lx.honorific(t).is_some();
        if i > 0 && (verbish(t, lx) || super::clauses::IRREGULAR_PAST.contains(&lower(t).as_str()))
        {
            break;
        }
        // "The Brennan family said": a collective noun after the name belongs to it.
        if seen_cap && !cap && COLLECTIVE.contains(&t) && i + 1 == ws.len() {
            end = Some(w.end);
            break;
        }
        // "Former Redbridge striker Lee Marsh": a role noun between capitalised runs is a
        // title before the name, not the end of the phrase.
        let title_before_name = lx
            .person_noun(&lower(t))
            .is_some_and(|p| p.class == PersonClass::Role)
            && ws.get(i + 1).is_some_and(|n| is_cap(&text[n.clone()]));
        if seen_cap
            && !cap
            && !matches!(t, "of" | "and" | "for")
            && !title_before_name
            && !title_tail(text, &ws[i..], lx)
        {
            break;
        }
        // A sentence-initial capital counts only when the next word is capitalised too.
        let next_cap = ws.get(i + 1).is_some_and(|n| is_cap(&text[n.clone()]));
        if cap && (i > 0 || (!DETERMINERS.contains(&lower(t).as_str()) && next_cap)) {
            seen_cap = true;
        }
        end = Some(w.end);
        if PREPOSITIONS.contains(&lower(t).as_str())
            && !seen_cap
            && i > 0
            && !matches!(lower(t).as_str(), "of" | "at" | "for" | "from" | "in")
        {
            return None;
        }
    }
    let e = end?;
    let out = trim(text, r.start..e, &[',']);
    (!out.is_empty()).then_some(out)
}

/// The subject after an inverted cue ("said Ms Okafor, a nurse."): the mention up to the first
/// comma, and the apposition after it.
pub fn subject_after(
    text: &str,
    r: Range<usize>,
    lx: &Lexicon,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let chunks = comma_chunks(text, r);
    let first = trim(text, chunks[0].clone(), &['.', '!', '?', ';']);
    let ws = words(text, first.clone());
    // "said a retired farm worker who did not want to be named.": the noun phrase before
    // the relative pronoun, the relative clause as its apposition.
    if let Some(k) = ws
        .iter()
        .position(|w| matches!(&text[w.clone()], "who" | "whose"))
        .filter(|&k| (1..=6).contains(&k))
    {
        let head = &ws[..k];
        let det = lower(&text[head[0].clone()]);
        // (a participle adjective is fine: "a retired farm worker")
        if matches!(det.as_str(), "a" | "an" | "one" | "another")
            && !head.iter().any(|w| {
                let l = lower(&text[w.clone()]);
                AUXILIARIES.contains(&l.as_str()) || lx.cue(&l).is_some()
            })
        {
            return Some((head[0].start..head[k - 1].end, Some(ws[k].start..first.end)));
        }
    }
    if ws.is_empty() || ws.len() > 10 || ws.iter().any(|w| verb_at(text, w, lx)) {
        return None;
    }
    // ", asked after a councillor's mother": a subject never opens with a preposition.
    if PREPOSITIONS.contains(&lower(&text[ws[0].clone()]).as_str()) {
        return None;
    }
    let second = chunks
        .get(1)
        .map(|c| trim(text, c.clone(), &['.', '!', '?', ';']))
        .filter(|c| !c.is_empty());
    // "said Veltra's head of quality, Jonas Eklund.": description, then the name.
    if let Some(s) = &second {
        if is_name_chunk(text, s)
            && is_pre_description(text, &first, lx)
            && !is_apposition(text, s, lx)
        {
            return Some((first.start..s.end, None));
        }
    }
    let appos = second.filter(|c| is_apposition(text, c, lx));
    Some((first, appos))
}

/// Whether the words after an inverted cue ("..., said Bill Guerard of the California
/// Energy Commission.", "..., said a Treasury spokesman.") are a subject noun phrase and
/// not a reported clause without "that" ("..., said the players owed the fans a
/// performance."): a name (capitalised words, with of/for/and/the and particles inside, and
/// an "of"-phrase after it), or a determiner and at most four words ending in a person or
/// organisation noun.
pub fn inverted_subject_np(text: &str, r: Range<usize>, lx: &Lexicon) -> bool {
    let ws = words(text, r);
    let Some(first) = ws.first() else {
        return false;
    };
    let t0 = &text[first.clone()];
    if matches!(t0, "a" | "an" | "the" | "A" | "An" | "The") {
        let last = lower(&text[ws[ws.len() - 1].clone()]);
        return (2..=5).contains(&ws.len())
            && ws[1..]
                .iter()
                .all(|w| !matches!(&text[w.clone()], "of" | "for"))
            && (lx.person_noun(&last).is_some()
                || is_plural_of_listed(&last, lx)
                || lx.is_org_noun(&last)
                || lx.is_org_head(&last));
    }
    if !is_cap(t0) || ws.len() > 9 {
        return false;
    }
    // (the name, then "of the California Energy Commission" / "at Jefferies")
    let mut in_pp = false;
    ws.iter().all(|w| {
        let t = &text[w.clone()];
        if matches!(t, "of" | "at" | "from" | "with") {
            in_pp = true;
        }
        is_cap(t)
            || matches!(t, "of" | "for" | "and" | "the" | "at" | "from" | "&")
            || super::coref::NAME_PARTICLES.contains(&t)
            || (in_pp && lx.is_org_noun(&lower(t)))
            || lx
                .person_noun(&lower(t))
                .is_some_and(|p| p.class == PersonClass::Role)
    })
}

/// Takes a mention apart. `sentence_initial` says the mention starts its sentence (so a
/// first capital may be the sentence's, not a name's).
/// Two or three single capital letters joined by "and" or "&": "S and P", "S&P", "A & P".
fn initials_joined(t: &str) -> bool {
    let mut parts = 0;
    for (k, p) in t.split([' ', '&']).filter(|p| !p.is_empty()).enumerate() {
        let ok = if k % 2 == 1 && t.contains(" and ") {
            p == "and"
        } else {
            let p = p.trim_end_matches('.');
            p.len() == 1 && p.starts_with(|c: char| c.is_ascii_uppercase())
        };
        if !ok {
            return false;
        }
        parts += 1;
    }
    (3..=5).contains(&parts) && t.contains(" and ") || (2..=3).contains(&parts) && t.contains('&')
}

/// An apposition that ends in a superlative with no noun after it, opened by a possessive
/// or "the": "Canada's fourth largest", "the nation's second-biggest", "the oldest".
fn headless_superlative(chunk: &str) -> bool {
    let chunk = chunk.trim_end_matches(',').trim_end();
    let Some(last) = chunk.rsplit(' ').next() else {
        return false;
    };
    let last = last.rsplit('-').next().unwrap_or(last);
    let superlative = last.len() >= 6
        && last.ends_with("est")
        && last.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            last,
            "interest"
                | "request"
                | "contest"
                | "protest"
                | "forest"
                | "manifest"
                | "harvest"
                | "conquest"
                | "inquest"
                | "honest"
                | "modest"
                | "suggest"
                | "arrest"
                | "invest"
                | "digest"
                | "attest"
                | "detest"
        );
    superlative
        && chunk.contains(' ')
        && (chunk.starts_with("the ") || chunk.contains("'s ") || chunk.contains("’s "))
}

pub fn analyse(text: &str, range: Range<usize>, sentence_initial: bool, lx: &Lexicon) -> Mention {
    let mut m = Mention {
        range: range.clone(),
        kind: MentionKind::Description,
        name: None,
        role: None,
        gender: Gender::Unknown,
        honorific: false,
        desc: None,
        desc_class: None,
        head: None,
        org_hint: false,
        pronoun: None,
        honorific_role: false,
        role_from_honorific: false,
    };
    // "DESCRIPTION, NAME": the description gives the role (or kin / organisation hint).
    let chunks = comma_chunks(text, range.clone());
    // "Chairman Steve Kaplan, R-Scottsdale" (the subject of "disputed …, saying"): a
    // trailing party tag is no part of the name; the mention keeps it.
    if chunks.len() >= 2 {
        let last = trim(text, chunks[chunks.len() - 1].clone(), &[]);
        if is_party_tag(text[last.clone()].trim()) {
            let head = trim(text, range.start..chunks[chunks.len() - 1].start, &[]);
            let head = head.start..head.start + text[head.clone()].trim_end_matches(',').len();
            if !head.is_empty() {
                let mut inner = analyse(text, head, sentence_initial, lx);
                inner.range = range;
                return inner;
            }
        }
    }
    // "S and P said", "S&P said", "A and P said": capital initials joined by "and" or "&"
    // are an organisation's short name, not a description capitalised by the sentence
    // start (the speaker was a person "s and P").
    if chunks.len() < 2 && initials_joined(text[range.clone()].trim()) {
        let r = trim(text, range.clone(), &[]);
        m.kind = MentionKind::Name;
        m.name = Some(r);
        m.org_hint = true;
        return m;
    }
    // "The bank, Canada's fourth largest," / "the company, the nation's biggest,": an
    // apposition without a head noun (a superlative) describes the description before
    // it, which stays the mention's head (the speaker was "Canada's fourth largest").
    if chunks.len() == 2 && headless_superlative(text[chunks[1].clone()].trim()) {
        let head = trim(text, chunks[0].clone(), &[]);
        let head = head.start..head.start + text[head.clone()].trim_end_matches(',').len();
        if words(text, head.clone())
            .first()
            .is_some_and(|w| DETERMINERS.contains(&lower(&text[w.clone()]).as_str()))
        {
            let mut inner = analyse(text, head, sentence_initial, lx);
            inner.range = range;
            return inner;
        }
    }
    let (pre, main) = if chunks.len() >= 2 {
        let pre = trim(text, chunks[0].clone(), &[]);
        let main = trim(text, chunks[chunks.len() - 1].start..range.end, &[]);
        (Some(pre), main)
    } else {
        (None, range.clone())
    };
    let mut ws = words(text, main.clone());
    if ws.is_empty() {
        return m;
    }
    // "entomologist Dr Ana Ferreira of the National Museum of Sarenga": the name ends at the
    // preposition after a honorific or a two-word capitalised run.
    if let Some(p) = ws.iter().enumerate().position(|(j, w)| {
        j >= 2
            && matches!(
                lower(&text[w.clone()]).as_str(),
                "of" | "at" | "from" | "with"
            )
            && is_cap(&text[ws[j - 1].clone()])
            && (is_cap(&text[ws[j - 2].clone()])
                || lx.honorific(&text[ws[j - 2].clone()]).is_some())
            && !org_head_or_plural(&lower(&text[ws[j - 1].clone()]), lx)
            // ("Deputy Comptroller of the Currency Robert Bench": a title's "of")
            && !(j + 3 < ws.len()
                && lx
                    .person_noun(&lower(&text[ws[j - 1].clone()]))
                    .is_some_and(|p| p.class == PersonClass::Role))
            && !ws[..j]
                .iter()
                .any(|x| !is_cap(&text[x.clone()]) && lx.is_org_noun(&lower(&text[x.clone()])))
    }) {
        ws.truncate(p);
    }
    let main = main.start..ws[ws.len() - 1].end;
    if ws.len() == 1 {
        let mut l = lower(&text[ws[0].clone()]).to_string();
        // The possessive of a nominal frame ("her promise that") stands for its pronoun.
        if let Some(p) = match l.as_str() {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            _ => None,
        } {
            l = p.to_string();
        }
        if SUBJECT_PRONOUNS.contains(&l.as_str()) {
            m.kind = MentionKind::Pronoun;
            m.gender = match l.as_str() {
                "he" => Gender::Male,
                "she" => Gender::Female,
                _ => Gender::Unknown,
            };
            m.pronoun = Some(l);
            return m;
        }
    }
    if let Some(p) = pre.clone() {
        apply_pre_description(text, p, &mut m, lx);
    }
    // Determiner.
    let mut i = 0;
    let first_l = lower(&text[ws[0].clone()]);
    let has_det =
        DETERMINERS.contains(&first_l.as_str()) || POSSESSIVES.contains(&first_l.as_str());
    if has_det {
        i = 1;
    }
    // "several thousand protesters", "two hundred residents": number words after the
    // determiner are a quantifier, not part of the description.
    while i + 1 < ws.len()
        && matches!(
            lower(&text[ws[i].clone()]).as_str(),
            "hundred" | "hundreds" | "thousand" | "thousands" | "dozen" | "dozens"
        )
        && !is_cap(&text[ws[i + 1].clone()])
    {
        i += 1;
    }
    // "A majority of those over 55", "Most of the residents": a proportion and "of" are a
    // quantifier too.
    if i + 2 < ws.len()
        && lower(&text[ws[i + 1].clone()]) == "of"
        && matches!(
            lower(&text[ws[i].clone()]).as_str(),
            "majority"
                | "minority"
                | "half"
                | "third"
                | "quarter"
                | "most"
                | "many"
                | "some"
                | "all"
                | "none"
                | "several"
        )
    {
        i += 2;
        if lower(&text[ws[i].clone()]) == "the" && i + 1 < ws.len() {
            i += 1;
        }
    } else if i == 1
        && i + 1 < ws.len()
        && matches!(
            first_l.as_str(),
            "most" | "many" | "some" | "all" | "several" | "few"
        )
        && lower(&text[ws[1].clone()]) == "of"
    {
        // "Most of the residents"
        i = 2;
        if lower(&text[ws[i].clone()]) == "the" && i + 1 < ws.len() {
            i += 1;
        }
    }
    if i >= ws.len() {
        return m; // a determiner alone ("This said ...") names nobody
    }
    let initial_cap = sentence_initial && pre.is_none() && !has_det;
    // "But Rosa Delgado": a connective is not part of the name.
    if i < ws.len() - 1 && LEADING_CONNECTIVES.contains(&lower(&text[ws[i].clone()]).as_str()) {
        i += 1;
    }
    // The name: the last capitalised run (with "of/and/for" inside org names; a number
    // after a capital belongs to it: "Transport Workers Union Local 100").
    let is_number = |w: &Range<usize>| text[w.clone()].chars().all(|c| c.is_ascii_digit());
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ];
    let mut run_end = ws.len();
    while run_end > i
        && !is_cap(&text[ws[run_end - 1].clone()])
        && !(run_end - 1 > i
            && is_number(&ws[run_end - 1])
            && is_cap(&text[ws[run_end - 2].clone()])
            && !MONTHS.contains(&&text[ws[run_end - 2].clone()]))
    {
        run_end -= 1;
    }
    // Description heads: the first lowercase word run before a preposition.
    let head_idx = {
        let mut h = None;
        let mut h_rank = 0u8;
        for (j, w) in ws.iter().enumerate().skip(i) {
            let t = &text[w.clone()];
            let l = lower(t);
            if j > i && PREPOSITIONS.contains(&l.as_str()) {
                // "A Department of Health and Social Care spokesperson": "of" inside a
                // capitalised name is no description boundary.
                let inside_name = h.is_none()
                    && is_cap(&text[ws[j - 1].clone()])
                    && ws.get(j + 1).is_some_and(|n| is_cap(&text[n.clone()]))
                    && ws.last().is_some_and(|n| {
                        let t = &text[n.clone()];
                        !is_cap(t)
                            && lx
                                .person_noun(&lower(t))
                                .is_some_and(|p| p.class == PersonClass::Role)
                    });
                if inside_name {
                    continue;
                }
                break;
            }
            // ("Health and Social Care": a connector between capitals is part of a name)
            if matches!(t, "and" | "&")
                && j > i
                && is_cap(&text[ws[j - 1].clone()])
                && ws.get(j + 1).is_some_and(|n| is_cap(&text[n.clone()]))
            {
                continue;
            }
            if !(is_cap(t) || (j + 1 == run_end && is_number(w))) || (j == i && initial_cap) {
                let lw = l.trim_end_matches(['\'', '’']);
                // A possessive ("drivers’ union", "council's chairman") is never the head.
                // (the mention's own end is no possessive: "the ministry" of "the
                // ministry's statement that")
                let possessive = (w.end < range.end && text[w.end..].starts_with(['\'', '’']))
                    || l.ends_with("'s")
                    || l.ends_with("’s");
                if possessive {
                    continue;
                }
                // Rank: a person noun (incl. plurals) over an organisation noun over others;
                // the last of equal rank is the head ("company spokesmen" -> spokesmen).
                let rank = if lx.person_noun(lw).is_some() || is_plural_of_listed(lw, lx) {
                    2
                } else if lx.is_org_noun(lw) {
                    1
                } else {
                    0
                };
                if rank >= h_rank {
                    h = Some(j);
                    h_rank = rank;
                }
            } else if h.is_some()
                // ("a senior Western diplomat", "the former Labour leader": a capitalised
                // modifier between lowercase words of the description)
                && !(h.is_some_and(|h| !is_cap(&text[ws[h].clone()]))
                    && ws.get(j + 1).is_some_and(|n| {
                        let nt = &text[n.clone()];
                        !is_cap(nt) && lx.person_noun(&lower(nt)).is_some()
                    }))
            {
                break;
            }
        }
        h
    };
    let trailing_cap = run_end > i && run_end == ws.len();
    // "University of California President James Whitaker": a sentence-initial organisation
    // word with a PP is no description head when the run is capitalised (or of/for/and)
    // throughout, names a body, and ends in a capitalised title and a two-word name (not
    // "Sources close to Deputy Prime Minister Arnaldo Forlani").
    let title_then_name = |h: usize| {
        h == i
            && initial_cap
            && trailing_cap
            && (h + 1..run_end.saturating_sub(2)).any(|j| {
                let t = &text[ws[j].clone()];
                // (a lowercase title too: "Otley Chamber of Trade chairman Derek Holmes")
                (is_cap(t) || j > h + 1)
                    && lx
                        .person_noun(&lower(t))
                        .is_some_and(|p| p.class == PersonClass::Role)
                    && ws[j + 1..run_end].iter().all(|w| is_cap(&text[w.clone()]))
                    && ws[h + 1..j].iter().all(|w| {
                        let t = &text[w.clone()];
                        is_cap(t) || matches!(t, "of" | "for" | "and")
                    })
                    && ws[h..j].iter().any(|w| {
                        let t = &text[w.clone()];
                        t == "of" || lx.is_org_head(&lower(t))
                    })
            })
    };
    // "Chancellor of the Exchequer Nigel Lawson said" at a sentence start: a title with
    // "of"/"for" and its body, then a two-word name (the name path splits them).
    let title_of_then_name = |h: usize| {
        let mut fr = run_end;
        while fr > i && is_cap(&text[ws[fr - 1].clone()]) {
            fr -= 1;
        }
        h == i
            && trailing_cap
            && lx
                .person_noun(&lower(&text[ws[h].clone()]))
                .is_some_and(|p| p.class == PersonClass::Role)
            && super::coref::formal_title_name(text, &ws, fr, run_end, lx)
                .is_some_and(|(ts, _)| ts == i)
    };
    let pp_title_name = title_with_pp_then_name(text, &ws, i, run_end, lx);
    let description = match head_idx {
        Some(h) if title_then_name(h) || title_of_then_name(h) || pp_title_name.is_some() => false,
        Some(h) => {
            // A lowercase head after the capitalised run, or a description with a PP.
            !trailing_cap
                || ws[h + 1..]
                    .iter()
                    .any(|w| PREPOSITIONS.contains(&lower(&text[w.clone()]).as_str()))
                // ("GM said", "S&P said": an all-capitals acronym opening the sentence is a
                // name, not a title capitalised by the sentence start)
                || (initial_cap && ws.len() == 1 && !is_acronym(&text[ws[0].clone()]))
        }
        None => false,
    };
    if description {
        let h = head_idx.unwrap();
        let head = lower(&text[ws[h].clone()]);
        let head_clean = head.trim_end_matches(['\'', '’']).to_string();
        let desc_start = ws[i].start;
        let mut desc = text[desc_start..main.end].to_string();
        if initial_cap || (h == i && is_cap(&text[ws[i].clone()]) && sentence_initial) {
            desc = lowercase_first(&desc);
        }
        let possessive_name = ws[i..h].iter().any(|w| {
            let t = &text[w.clone()];
            is_cap(t) && (t.ends_with("'s") || t.ends_with("’s"))
        });
        let class = if let Some(pn) = lx.person_noun(&head_clean) {
            if pn.gender != Gender::Unknown {
                m.gender = pn.gender;
            }
            match pn.class {
                PersonClass::Anonymous => DescClass::Anonymous,
                PersonClass::Role => {
                    if is_plural_of_listed(&head_clean, lx) {
                        DescClass::Group
                    } else {
                        DescClass::Functionary
                    }
                }
                _ => {
                    if is_plural_of_listed(&head_clean, lx) {
                        DescClass::Group
                    } else {
                        DescClass::Person
                    }
                }
            }
        } else if COLLECTIVE.contains(&head_clean.as_str()) {
            DescClass::Group
        } else if lx.is_org_noun(&head_clean) || lx.is_org_head(&head_clean) || possessive_name {
            DescClass::Org
        } else if head_clean.ends_with('s') {
            DescClass::Group
        } else {
            DescClass::Person
        };
        if class == DescClass::Functionary {
            m.role = Some(desc.clone());
        }
        m.head = Some(head_clean);
        m.desc = Some(desc);
        m.desc_class = Some(class);
        m.kind = MentionKind::Description;
        return m;
    }
    // A proper name: split honorific and title off the capitalised run.
    let mut name_start = i;
    let mut title_end: Option<usize> = None;
    // A run ending in an organisation word keeps its person nouns ("Police Officers
    // Association", "Nurses Union"): they are part of the name, not a title.
    let run_last = if run_end > i + 1 && is_number(&ws[run_end - 1]) {
        run_end - 2
    } else {
        run_end.saturating_sub(1)
    };
    let org_run = run_end > i
        && lx.is_org_head(&lower(&text[ws[run_last].clone()]))
        && !ws[i..run_end]
            .iter()
            .any(|w| matches!(&text[w.clone()], "of" | "for"));
    for (j, w) in ws.iter().enumerate().take(run_end).skip(i) {
        let t = &text[w.clone()];
        let l = lower(t);
        if let Some(h) = lx.honorific(t) {
            m.honorific = true;
            if h.gender != Gender::Unknown {
                m.gender = h.gender;
            }
            if let Some(r) = &h.role {
                // "Lt. Gov. Ruth Hammond": consecutive role abbreviations make one title
                // ("lieutenant governor").
                let joined = (title_end == Some(j.wrapping_sub(1)) && j > i)
                    .then(|| lx.honorific(&text[ws[j - 1].clone()]))
                    .flatten()
                    .and_then(|p| p.role.clone())
                    .map(|p| format!("{p} {r}"));
                // "Labour’s group leader, Cllr Tom Hartley": a description before the name
                // states the role more precisely than the honorific.
                if joined.is_some() || m.role.is_none() {
                    m.role = Some(joined.unwrap_or_else(|| r.clone()));
                    m.honorific_role = GENERIC_TITLES.contains(&r.as_str());
                    m.role_from_honorific = true;
                }
            }
            title_end = Some(j);
            name_start = j + 1;
            continue;
        }
        let pn = lx.person_noun(&l);
        let particle = |k: usize| super::coref::NAME_PARTICLES.contains(&&text[ws[k].clone()]);
        let connector = (j > i
            && j + 1 < run_end
            && connector_word(t, Some(&text[ws[j - 1].clone()]), &text[ws[j + 1].clone()], lx)
            && is_cap(&text[ws[j - 1].clone()])
            && is_cap(&text[ws[j + 1].clone()]))
            // "Jan de Groot", "Ursula von der Leyen"
            || (particle(j)
                && j > i
                && j + 1 < run_end
                && (is_cap(&text[ws[j - 1].clone()]) || particle(j - 1))
                && (is_cap(&text[ws[j + 1].clone()]) || particle(j + 1)));
        if connector {
            continue;
        }
        if let Some(g) = kin_compound_gender(t, lx) {
            if g != Gender::Unknown {
                m.gender = g;
            }
            name_start = j + 1;
            continue;
        }
        if (pn.is_some_and(|p| p.class == PersonClass::Role)
            && !(org_run && is_cap(t))
            && !object_of_named_body(text, &ws[i..=j], lx))
            || !(is_cap(t) || (j + 1 == run_end && is_number(w)))
        {
            if let Some(p) = pn {
                if p.gender != Gender::Unknown {
                    m.gender = p.gender;
                }
            }
            title_end = Some(j);
            name_start = j + 1;
        } else if lx.is_org_noun(&l) && !is_cap(t) {
            m.org_hint = true;
            name_start = j + 1;
        }
    }
    // Lowercase organisation descriptors before the name ("cycling charity Pedal Safe"),
    // unless a "who" clause makes the name a person's ("Cattle producer Jenny McKellar,
    // who runs 2,000 head").
    if name_start > i && name_start <= ws.len() && !followed_by_who(text, range.end) {
        let l = lower(&text[ws[name_start - 1].clone()]);
        if lx.is_org_noun(&l) && lx.person_noun(&l).is_none() {
            m.org_hint = true;
        }
    }
    // "Pensioner Iris Cole" at a sentence start: a capitalised common noun before a
    // two-word name is a title when the article never writes it capitalised mid-sentence.
    // ("Amanda Reece KC told": post-nominal letters are no third word of the name)
    if sentence_initial
        && title_end.is_none()
        && name_start == i
        && run_end - postnominal_tail(text, &ws[i..run_end]) - i >= 3
        && run_end == ws.len()
        && !m.honorific
        && !ws[i..run_end]
            .iter()
            .any(|w| lx.is_org_head(&lower(&text[w.clone()])))
        && !capitalised_mid_sentence(text, &text[ws[i].clone()])
    {
        // ("Developer Northsea Renewables": an organisation noun describes a body)
        let l = lower(&text[ws[i].clone()]);
        if lx.is_org_noun(&l) && lx.person_noun(&l).is_none() {
            m.org_hint = true;
        } else {
            title_end = Some(i);
        }
        name_start = i + 1;
    }
    // "Resident Amira, 34": a sentence-initial person noun before a one-word name is no
    // part of it (and no role: a resident, a witness).
    if sentence_initial
        && title_end.is_none()
        && name_start == i
        && run_end - i == 2
        && !m.honorific
        && lx
            .person_noun(&lower(&text[ws[i].clone()]))
            .is_some_and(|p| p.class != PersonClass::Role)
    {
        name_start = i + 1;
    }
    // "Leader of the Opposition in the Rajasthan Assembly Suresh Kanwar": the name starts
    // where the title with its PP ends.
    if let Some(ns) = pp_title_name.filter(|&ns| ns > name_start && ns < run_end) {
        title_end = Some(ns - 1);
        name_start = ns;
    }
    // "Secretary of State George Shultz": "of State" belongs to the title.
    while name_start + 1 < run_end && matches!(&text[ws[name_start].clone()], "of" | "for" | "and")
    {
        title_end = Some(name_start + 1);
        name_start += 2;
    }
    // "Chancellor of the Exchequer Nigel Lawson", "Governor of the Bank of England Mark
    // Carney": after a title's "of the" the body belongs to the title too; the name is the
    // run's last two words (as in the coreference inventory).
    if title_end.is_some() && run_end == ws.len() {
        if let Some((_, ns)) = super::coref::formal_title_name(text, &ws, name_start, run_end, lx) {
            name_start = ns;
            title_end = Some(name_start - 1);
        }
    }
    if name_start >= run_end {
        // Only a title: "Judge" alone is a description.
        let desc = text[ws[i].start..main.end].to_string();
        m.desc = Some(if sentence_initial {
            lowercase_first(&desc)
        } else {
            desc.clone()
        });
        m.head = Some(lower(&text[ws[ws.len() - 1].clone()]).into_string());
        m.desc_class = Some(DescClass::Functionary);
        m.role = Some(desc);
        return m;
    }
    // The title words before the name, without honorifics.
    if let Some(te) = title_end {
        let words_t: Vec<&str> = ws[i..=te]
            .iter()
            .map(|w| &text[w.clone()])
            .filter(|t| lx.honorific(t).is_none())
            .collect();
        if !words_t.is_empty() && !m.org_hint && !super::coref::place_possessive_only(&words_t) {
            let s = ws[i..=te]
                .iter()
                .find(|w| lx.honorific(&text[(*w).clone()]).is_none())
                .unwrap()
                .start;
            // A role-stating abbreviation after modifiers is spelled out with them ("State
            // Sen. Harold Quinlan" -> "state senator"); after a title that ends in a role
            // noun it adds nothing ("Committee chairman Cllr Peter Langford").
            // (consecutive ones join: "Army Lt. Col. Craig McNab" -> "Army lieutenant
            // colonel")
            let mut abbrev_roles = Vec::new();
            for w in ws[i..=te].iter().rev() {
                match lx
                    .honorific(&text[w.clone()])
                    .and_then(|h| h.role.as_deref())
                {
                    Some(r) => abbrev_roles.push(r),
                    None => break,
                }
            }
            abbrev_roles.reverse();
            let abbrev_role = (!abbrev_roles.is_empty()).then(|| abbrev_roles.join(" "));
            let last_plain = ws[i..=te]
                .iter()
                .rev()
                .find(|w| lx.honorific(&text[(*w).clone()]).is_none())
                .unwrap();
            let e = last_plain.end;
            let (s, e) = trim_title_words(text, &ws[i..=te], s, e, lx);
            let plain_is_title = lx
                .person_noun(&lower(&text[last_plain.clone()]))
                .is_some_and(|p| p.class == PersonClass::Role);
            let mut role = text[s..e].to_string();
            // ("... Coffee Institute (IBC) Jorio Dauster": the body's acronym is no title)
            if let Some(p) = role.rfind(" (").filter(|&p| !role[p..].contains(')')) {
                role.truncate(p);
            }
            let after_honorific = ws[i..te.max(i)]
                .iter()
                .any(|w| lx.honorific(&text[w.clone()]).is_some());
            if judicial_style(&role, after_honorific) {
                role = "judge".to_string();
            } else if let (Some(r), false) = (abbrev_role, plain_is_title) {
                role = format!("{role} {r}");
                if sentence_initial && !has_det && pre.is_none() {
                    role = role_case(&role, lx);
                }
            } else if sentence_initial && !has_det && pre.is_none() {
                role = role_case(&role, lx);
            }
            // A one-word capitalised title ("Councillor Peter Hollis") is as generic as a
            // honorific's role: a stated apposition replaces it.
            m.honorific_role =
                words_t.len() == 1 && GENERIC_TITLES.contains(&lower(words_t[0]).as_str());
            m.role_from_honorific = false;
            m.role = Some(role);
        }
    }
    // "Rebecca Shaw KC", "Graham Foyle MP": a post-nominal is not part of the name.
    let mut name_end = run_end;
    while name_end - name_start >= 3 && POSTNOMINALS.contains(&&text[ws[name_end - 1].clone()]) {
        name_end -= 1;
        m.honorific = true;
    }
    let mut nm = ws[name_start].start..ws[name_end - 1].end;
    // "Senator Mark Ellison of Ohio": after a title or honorific, "of" and a place that
    // is no organisation end the person's name.
    if title_end.is_some() || m.honorific {
        if let Some(p) = (name_start + 2..name_end).find(|&j| &text[ws[j].clone()] == "of") {
            if !ws[p..name_end]
                .iter()
                .any(|w| lx.is_org_head(&lower(&text[w.clone()])))
            {
                nm.end = ws[p - 1].end;
            }
        }
    }
    // "The Rail Drivers’ Federation (RDF)": the bracketed acronym is not part of the name.
    if let Some(p) = text[nm.clone()].find(" (") {
        nm.end = nm.start + p;
    }
    // ("Which? said": the mark is part of the name)
    if name_with_mark(text, &ws[name_end - 1]) && nm.end == ws[name_end - 1].end {
        nm.end += 1;
    }
    m.kind = MentionKind::Name;
    m.name = Some(nm);
    if ws[name_start..run_end]
        .iter()
        .any(|w| lx.is_org_head(&lower(&text[w.clone()])))
        && !m.honorific
    {
        m.org_hint = true;
    }
    if run_end - name_start == 1 && is_acronym(&text[ws[name_start].clone()]) {
        m.org_hint = true;
    }
    m
}

/// The stated extent of a title before a name (`s..e`, the words `tw`): without a
/// coordinating "and"/"or" that joins it to the person before ("Canadian nurse Marie
/// Dubois, 44, and Irish logistician Sean Gallagher" -> "Irish logistician"), and without
/// a rank that follows a lowercase function noun ("Army spokesman Colonel David Reyes" ->
/// "Army spokesman": the rank says where in a hierarchy, the function what the person
/// does, as a rank after a description gives way to it). A rank alone or after a
/// capitalised word stays the title ("Detective Sergeant", "Lieutenant Colonel").
fn trim_title_words(
    text: &str,
    tw: &[Range<usize>],
    mut s: usize,
    mut e: usize,
    lx: &Lexicon,
) -> (usize, usize) {
    if let Some(first) = tw.first() {
        if first.start == s && matches!(&text[first.clone()], "and" | "or") {
            if let Some(next) = tw.get(1) {
                s = next.start;
            }
        }
    }
    let plain: Vec<&Range<usize>> = tw
        .iter()
        .filter(|w| w.start >= s && w.end <= e && lx.honorific(&text[(*w).clone()]).is_none())
        .collect();
    let mut r = plain.len();
    // (a capitalised rank after the lowercase noun: "Former AAIB chief inspector" is one
    // title)
    while r > 0
        && is_cap(&text[plain[r - 1].clone()])
        && RANK_TITLES.contains(&lower(&text[plain[r - 1].clone()]).as_str())
    {
        r -= 1;
    }
    if r > 0 && r < plain.len() {
        let w = &text[plain[r - 1].clone()];
        if !is_cap(w)
            && lx
                .person_noun(&lower(w))
                .is_some_and(|p| p.class == PersonClass::Role)
        {
            e = plain[r - 1].end;
        }
    }
    (s, e)
}

/// A lowercase word that joins the capitalised words of one organisation's name: "of",
/// "and", "for", "&", and "on" right after an organisation word ("Kenya National
/// Commission on Human Rights", "Intergovernmental Panel on Climate Change"; not "Smith on
/// Monday", "Transportation Department on Friday").
pub fn connector_word(w: &str, prev: Option<&str>, next: &str, lx: &Lexicon) -> bool {
    matches!(w, "of" | "and" | "for" | "&")
        || (w == "on"
            && prev.is_some_and(|p| is_cap(p) && lx.is_org_head(&lower(p)))
            && !super::coref::CALENDAR.contains(&next))
}

/// How many of the last words of `run` are post-nominal letters ("Amanda Reece KC" -> 1),
/// leaving at least two words.
fn postnominal_tail(text: &str, run: &[Range<usize>]) -> usize {
    run.iter()
        .rev()
        .take(run.len().saturating_sub(2))
        .take_while(|w| POSTNOMINALS.contains(&&text[(*w).clone()]))
        .count()
}

/// A title with a prepositional phrase before a name: "Deputy governor for monetary
/// policy Clare Lombard", "Former ambassador to Ostravia Dame Judith Keane", "Leader of
/// the Opposition in the Rajasthan Assembly Suresh Kanwar". The phrase ends in a capitalised
/// run of two to four words that is the name when a lowercase noun (no preposition or
/// determiner) stands right before it, when a honorific opens its last words, or when it
/// follows an organisation word ("... Assembly" + a two-word name). Returns the index of
/// the name's first word in `ws`. ("a spokesman for Acme Corp", "the head of the British
/// Army" stay descriptions: a preposition or determiner opens their run.)
pub fn title_with_pp_then_name(
    text: &str,
    ws: &[Range<usize>],
    i: usize,
    run_end: usize,
    lx: &Lexicon,
) -> Option<usize> {
    if run_end != ws.len() || run_end < i + 4 {
        return None;
    }
    let t = |k: usize| &text[ws[k].clone()];
    // The title: a role noun, then a preposition, both before the final capitalised run.
    let mut run_start = run_end;
    while run_start > i && is_cap(t(run_start - 1)) {
        run_start -= 1;
    }
    if run_start <= i + 1 {
        return None;
    }
    let pp = (i..run_start).find(|&k| PREPOSITIONS.contains(&lower(t(k)).as_str()))?;
    // The preposition follows the title's role noun ("governor for", "Leader of"), and no
    // verb stands before the name ("boss Kevin Doherty refused to blame referee Adam
    // Price" is no title).
    if pp == i
        || !lx
            .person_noun(&lower(t(pp - 1)))
            .is_some_and(|p| p.class == PersonClass::Role)
        || is_plural_of_listed(&lower(t(pp - 1)), lx)
        || (i..run_start).any(|k| verbish(t(k), lx))
    {
        return None;
    }
    let plain = |k: usize| {
        lx.honorific(t(k)).is_none()
            && !lx.is_org_head(&lower(t(k)))
            && !lx.is_org_noun(&lower(t(k)))
    };
    let name_ok = |ns: usize| (2..=4).contains(&(run_end - ns)) && (ns..run_end).all(plain);
    // A honorific inside the run opens the name ("Ostravia Dame Judith Keane").
    if let Some(hk) = (run_start..run_end)
        .rev()
        .find(|&k| lx.honorific(t(k)).is_some())
    {
        let ns = hk + 1;
        return (hk > run_start && name_ok(ns)).then_some(ns);
    }
    // An organisation word inside the run ends the body ("the Rajasthan Assembly").
    if let Some(ok) = (run_start..run_end)
        .rev()
        .find(|&k| lx.is_org_head(&lower(t(k))))
    {
        // ("the Brazilian Coffee Institute (IBC) Jorio Dauster": the body's acronym)
        let mut ns = ok + 1;
        while ns < run_end && is_acronym(t(ns)) {
            ns += 1;
        }
        return name_ok(ns).then_some(ns);
    }
    // A lowercase singular noun before the run ("monetary policy Clare Lombard"; not
    // "spokesman for brokers James Capel", "the Dutch salvage firm Smit International",
    // "six Gulf Arab states", "the Rio de Janeiro Port").
    let before = lower(t(run_start - 1));
    if run_start - 1 > pp
        && !PREPOSITIONS.contains(&before.as_str())
        && !DETERMINERS.contains(&before.as_str())
        && !POSSESSIVES.contains(&before.as_str())
        && !matches!(before.as_str(), "and" | "or" | "&")
        && (!before.ends_with('s') || before.ends_with("ss"))
        && !lx.is_org_noun(&before)
        && !before.starts_with(|c: char| c.is_ascii_digit())
        && !super::coref::NAME_PARTICLES.contains(&t(run_start - 1))
        && name_ok(run_start)
    {
        return Some(run_start);
    }
    None
}

/// "economists", "officials": the plural of a listed person noun.
fn is_plural_of_listed(w: &str, lx: &Lexicon) -> bool {
    if let Some(stem) = w.strip_suffix("men") {
        // "spokesmen", "chairwomen"
        return lx.person_noun(&format!("{stem}man")).is_some();
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && lx.person_noun(&w[..w.len() - 1]).is_some()
}

fn apply_pre_description(text: &str, pre: Range<usize>, m: &mut Mention, lx: &Lexicon) {
    let all = words(text, pre.clone());
    // The head is the last word before a preposition ("The former mayor of Millport").
    let cut = all
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| matches!(lower(&text[(*w).clone()]).as_str(), "of" | "at" | "for"))
        .map(|(j, _)| j)
        .unwrap_or(all.len());
    let ws = &all[..cut];
    let Some(head_w) = ws.last() else { return };
    // ("Her deputy for many years": a trailing duration is no part of the role)
    let dur = all.iter().enumerate().position(|(j, w)| {
        j > 0
            && &text[w.clone()] == "for"
            && all[j + 1..].iter().take(4).any(|x| {
                matches!(
                    &text[x.clone()],
                    "year" | "years" | "decade" | "decades" | "months" | "weeks"
                )
            })
    });
    let Some(last) = all[..dur.unwrap_or(all.len())].last() else {
        return;
    };
    let head = lower(&text[head_w.clone()]);
    let mut s = 0;
    if let Some(f) = ws.first() {
        let fl = lower(&text[f.clone()]);
        if DETERMINERS.contains(&fl.as_str()) || POSSESSIVES.contains(&fl.as_str()) {
            s = 1;
            // ("The other co-founder", "Its other director": a second determiner)
            while s + 1 < ws.len() && DETERMINERS.contains(&lower(&text[ws[s].clone()]).as_str()) {
                s += 1;
            }
        }
    }
    if s >= ws.len() {
        return;
    }
    if let Some(pn) = lx.person_noun(&head) {
        if pn.gender != Gender::Unknown {
            m.gender = pn.gender;
        }
        if pn.class == PersonClass::Role {
            let role = text[ws[s].start..last.end].to_string();
            m.role = Some(if s == 0 { role_case(&role, lx) } else { role });
        }
        return;
    }
    if lx.is_org_noun(&head) {
        m.org_hint = true;
        return;
    }
    // An unknown noun ("Stanmoor’s MP" is listed; "managing director" ends in one): a role
    // when it ends in a lowercase noun and names no organisation.
    let role = text[ws[s].start..last.end].to_string();
    if !is_cap(&text[head_w.clone()]) || head == "mp" {
        m.role = Some(role);
    }
}

/// Lowercases the first letter.
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Role casing: formal titles keep their capitals ("Detective Inspector", "Judge"); a first
/// word capitalised only by the sentence start is lowercased ("Club captain", "Prosecutor").
pub fn role_case(role: &str, lx: &Lexicon) -> String {
    let ws: Vec<&str> = role.split_whitespace().collect();
    if ws.is_empty() {
        return String::new();
    }
    let all_cap = ws
        .iter()
        .all(|w| is_cap(w) || matches!(*w, "of" | "and" | "for" | "the"));
    if all_cap && ws.len() > 1 {
        return role.to_string();
    }
    let first = ws[0];
    if is_acronym(first) {
        return role.to_string();
    }
    if ws.len() == 1 {
        const FORMAL: &[&str] = &[
            "judge",
            "governor",
            "councillor",
            "senator",
            "mayor",
            "president",
            "minister",
            "chancellor",
            "inspector",
            "sergeant",
            "constable",
            "superintendent",
            "commissioner",
            "ambassador",
            "general",
            "colonel",
            "bishop",
            "archbishop",
            "speaker",
            "premier",
        ];
        if FORMAL.contains(&lower(first).as_str()) {
            return role.to_string();
        }
    }
    // Lowercase the first word when it is a common noun or adjective (not a place or
    // organisation name that starts the title: "Westvale district councillor").
    let l = lower(first);
    let common = lx.person_noun(&l).is_some()
        || ws.len() == 1
        || ws.get(1).is_some_and(|w| !is_cap(w))
            && !l.ends_with("'s")
            && !l.ends_with("’s")
            && is_common_adjective(&l, lx);
    if common {
        lowercase_first(role)
    } else {
        role.to_string()
    }
}

fn is_common_adjective(w: &str, lx: &Lexicon) -> bool {
    const COMMON: &[&str] = &[
        "lead",
        "chief",
        "senior",
        "deputy",
        "club",
        "online",
        "defence",
        "defense",
        "regional",
        "local",
        "former",
        "acting",
        "interim",
        "executive",
        "managing",
        "general",
        "head",
        "assistant",
        "principal",
        "committee",
        "party",
        "team",
        "group",
        "union",
        "shadow",
        "junior",
        "vice",
        "associate",
        "co-founder",
        "founding",
        "national",
        "state",
        "district",
        "county",
        "city",
        "town",
        "parish",
        "campaign",
        "safety",
        "health",
        "finance",
        "economic",
        "foreign",
        "transport",
        "education",
        "health",
        "environment",
        "operating",
        "technical",
        "research",
        "science",
        "medical",
        "police",
        "fire",
    ];
    COMMON.contains(&w) || lx.person_noun(w).is_some() || lx.is_org_noun(w)
}

/// An organisation head word or its plural ("Chambers" of "British Chambers of
/// Commerce"; "Councils", "Unions"): before "of" it keeps the body's name whole. Only used
/// where a plural can be no surname's ("Chambers" alone is one).
fn org_head_or_plural(l: &str, lx: &Lexicon) -> bool {
    lx.is_org_head(l) || l.strip_suffix('s').is_some_and(|s| lx.is_org_head(s))
}

/// A role noun that is the object of "of"/"for" after an organisation word of the same
/// run ("Ministry of Justice", "Department of Justice"): part of the body's name, no title
/// before a name. `run` ends with the word looked at.
fn object_of_named_body(text: &str, run: &[Range<usize>], lx: &Lexicon) -> bool {
    let n = run.len();
    n >= 3
        && matches!(&text[run[n - 2].clone()], "of" | "for")
        && run[..n - 2]
            .iter()
            .any(|w| lx.is_org_head(&lower(&text[w.clone()])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lx() -> Lexicon {
        Lexicon::builtin()
    }

    /// The byte scan finds the same dash end as the substring search per dash it replaced.
    #[test]
    fn last_dash_end_agrees_with_a_search_per_dash() {
        let pieces = [
            "—", " - ", " – ", "--", "-", " ", "a", "–", "Ó", "Ô", "“", "x-y",
        ];
        let mut seed = 11u64;
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..(seed % 9) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[((seed >> 33) % pieces.len() as u64) as usize]);
            }
            let want = ["—", " - ", " – ", "--"]
                .iter()
                .filter_map(|d| t.rfind(d).map(|i| i + d.len()))
                .max();
            assert_eq!(last_dash_end(t.as_bytes()), want, "{t:?}");
        }
    }

    fn subj(t: &str) -> Option<(String, Option<String>)> {
        let cue = t.find(" said").unwrap();
        subject_before(t, &WordTable::new(t), 0..cue, &lx())
            .map(|(r, a)| (t[r].to_string(), a.map(|a| t[a].to_string())))
    }

    #[test]
    fn subjects_before_cues() {
        assert_eq!(
            subj("Marta Kovac, chief economist at Hollin Bank, said it"),
            Some((
                "Marta Kovac".into(),
                Some("chief economist at Hollin Bank".into())
            ))
        );
        assert_eq!(
            subj("In a speech in Minsk, Mr Lukashenko said"),
            Some(("Mr Lukashenko".into(), None))
        );
        assert_eq!(
            subj("Its economic spokesman, Tomas Berg, said"),
            Some(("Its economic spokesman, Tomas Berg".into(), None))
        );
        assert_eq!(
            subj("Some opposition parties have also said"),
            Some(("Some opposition parties".into(), None))
        );
        assert_eq!(subj("But he said"), Some(("he".into(), None)));
        assert_eq!(
            subj("Belarus faced condemnation with the Foreign Secretary Dominic Raab said"),
            Some(("the Foreign Secretary Dominic Raab".into(), None))
        );
        assert_eq!(
            subj("Club captain Tom Reilly, who was booed as he left, said"),
            Some((
                "Club captain Tom Reilly".into(),
                Some("who was booed as he left".into())
            ))
        );
        assert_eq!(
            subj("Mr Lukashenko rejected the vote and said"),
            Some(("Mr Lukashenko".into(), None))
        );
    }

    fn an(t: &str) -> Mention {
        analyse(t, 0..t.len(), true, &lx())
    }

    #[test]
    fn mentions_are_taken_apart() {
        let t = "NATO spokesperson Oana Lungescu";
        let m = an(t);
        assert_eq!(m.kind, MentionKind::Name);
        assert_eq!(&t[m.name.unwrap()], "Oana Lungescu");
        assert_eq!(m.role.as_deref(), Some("NATO spokesperson"));

        let t = "Lead author Dr Ingrid Solberg";
        let m = an(t);
        assert_eq!(&t[m.name.clone().unwrap()], "Ingrid Solberg");
        assert_eq!(m.role.as_deref(), Some("lead author"));

        let m = an("Gov. Linda Marsh");
        assert_eq!(m.role.as_deref(), Some("governor"));

        let m = an("Some opposition parties");
        assert_eq!(m.desc.as_deref(), Some("opposition parties"));
        assert_eq!(m.desc_class, Some(DescClass::Group));

        let m = an("A spokesman for the company");
        assert_eq!(m.desc_class, Some(DescClass::Functionary));
        assert_eq!(m.role.as_deref(), Some("spokesman for the company"));
        assert_eq!(m.gender, Gender::Male);

        let m = an("a source close to the talks");
        assert_eq!(m.desc_class, Some(DescClass::Anonymous));

        let m = an("Researchers at the Northern Polar Institute in Tromsvik");
        assert_eq!(
            m.desc.as_deref(),
            Some("researchers at the Northern Polar Institute in Tromsvik")
        );
        assert_eq!(m.desc_class, Some(DescClass::Group));

        let t = "Mrs Calloway’s husband, Daniel Calloway";
        let m = an(t);
        assert_eq!(&t[m.name.unwrap()], "Daniel Calloway");
        assert_eq!(m.gender, Gender::Male);
        assert_eq!(m.role, None);

        let t = "Foreign Secretary Dominic Raab";
        let m = an(t);
        assert_eq!(&t[m.name.unwrap()], "Dominic Raab");
        assert_eq!(m.role.as_deref(), Some("Foreign Secretary"));

        let m = an("Marsh's office");
        assert_eq!(m.desc_class, Some(DescClass::Org));
        let m = an("The cycling charity Pedal Safe");
        assert!(m.org_hint);
        assert_eq!(m.role, None);
        assert_eq!(an("Economists").desc.as_deref(), Some("economists"));
        assert_eq!(an("she").kind, MentionKind::Pronoun);
    }
}
