//! People described by nationality ("the Frenchman said", "the Canadian added", "The Dane
//! said"): which named person such a description stands for. A nationality the article
//! states next to a name ("Sweden's Erik Lindqvist", "Canadian nurse Marie-Claire Dubois",
//! "Irish logistician Sean Gallagher") is evidence for the description that fits it and
//! against one that does not; without evidence the most salient person is taken (see
//! `resolve_mention`). The nationality nouns and the places that fit them are a lexicon
//! (`lexicons/demonyms.tsv`, extendable with `--lexicon`).

use crate::lexicon::{Demonym, Lexicon};
use crate::model::Gender;

/// The nationality word stated right before a name that starts at `name_start`, within its
/// sentence and at most two words back: "Sweden's Erik Lindqvist" -> "Sweden", "Canadian
/// nurse Marie-Claire Dubois" -> "Canadian".
pub fn stated_before<'t>(text: &'t str, name_start: usize, lx: &Lexicon) -> Option<&'t str> {
    let before = &text[..name_start];
    // (after the mark, which may be several bytes long: "—")
    let clause_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | ',' | ';' | '\n' | '(' | '-' | '–' | '—'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[clause_start..]
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .find(|w| lx.is_nationality_word(w))
}

/// The named person a nationality description at `pos` stands for: the latest person
/// named before it whose stated nationality fits; else, of the subject names of the last
/// three sentences and the last compatible speaker (`prev`, with the position of its
/// mention), the most recent whose stated nationality does not conflict ("Moreau, who
/// started from pole, lost control ... The Frenchman said" is Moreau, not the Swede
/// quoted before). `None` leaves the choice to the caller.
pub(super) fn described_person(
    doc: &super::Doc,
    d: &Demonym,
    gender: Gender,
    pos: usize,
    prev: Option<(&str, usize)>,
) -> Option<String> {
    let inv = &doc.inv;
    let text = doc.text;
    // Every person named before, most recent first, with what the article states of its
    // nationality (at any of its occurrences before `pos`).
    // (within the last LOOKBACK bytes: a long text is not read again per description)
    const LOOKBACK: usize = 6000;
    let mut seen: Vec<(String, usize, Option<bool>)> = Vec::new();
    let before = inv.before(pos);
    let from = before.partition_point(|n| n.range.start + LOOKBACK < pos);
    for n in before[from..].iter().rev() {
        if n.range.end > pos
            || n.org
            || n.range.start < doc.body_start
            || !n.name.chars().any(char::is_lowercase)
            || super::cues::inside(&doc.quoted, n.range.start)
        {
            continue;
        }
        let canon = inv.canonical(&n.name, Gender::Unknown, n.range.start);
        let fit = stated_before(text, n.range.start, doc.lx).map(|w| d.fits(w));
        match seen.iter_mut().find(|(c, _, _)| *c == canon) {
            Some(e) => e.2 = e.2.or(fit),
            None => seen.push((canon, n.range.start, fit)),
        }
    }
    let gender_ok = |c: &str| {
        let g = inv.gender_of(c);
        gender == Gender::Unknown || g == Gender::Unknown || g == gender
    };
    if let Some((c, _, _)) = seen
        .iter()
        .find(|(c, _, f)| *f == Some(true) && gender_ok(c))
    {
        return Some(c.clone());
    }
    let conflicts = |c: &str| seen.iter().any(|(s, _, f)| s == c && *f == Some(false));
    let si = doc.sentence_of(pos);
    let from = doc.sents[si.saturating_sub(3)].range.start;
    let names = &inv.names;
    let subject = doc
        .subject_names()
        .iter()
        .rev()
        .map(|&i| &names[i])
        .skip_while(|n| n.range.end > pos)
        .take_while(|n| n.range.start >= from)
        .map(|n| {
            (
                inv.canonical(&n.name, Gender::Unknown, n.range.start),
                n.range.start,
            )
        })
        .find(|(c, _)| !conflicts(c) && gender_ok(c));
    let prev = prev.filter(|(c, _)| !conflicts(c));
    match (subject, prev) {
        (Some((s, sp)), Some((p, pp))) => Some(if sp > pp { s } else { p.to_string() }),
        (Some((s, _)), None) => Some(s),
        (None, Some((p, _))) => Some(p.to_string()),
        (None, None) => None,
    }
}
