//! Turn-taking in reported exchanges (cross-examinations, interviews, question time): a
//! question put to someone is answered by the one asked, not by the asker. Speaker
//! resolution elsewhere favours the most recent speaker; here that choice is corrected
//! when the quote before is a question by that very speaker:
//!
//! - a reply cue ("replied", "answered", "responded", "retorted") whose subject is a
//!   pronoun or an unnamed description ("She replied", "the witness replied") right after
//!   a question is the previous other party of the exchange ("Labour MP X asked whether the
//!   prime minister would ... She replied that ..." is not X);
//! - a quote-only paragraph after a question put to someone ("asked", "asks:", with
//!   "you"/"your" in it) is the answer of the one asked; one that puts such a question
//!   itself right after a reply is the asker's next question.

use super::{Entities, Raw, Resolved, Who};
use crate::lexicon::Lexicon;
use crate::model::{CueType, Gender, SpeakerType};

/// How many quotes back the other party of an exchange is looked for.
const TURN_LOOKBACK: usize = 6;

/// The quote's content ends with a question mark, or its cue is a question ("asked").
fn is_question(text: &str, raw: &Raw, lx: &Lexicon) -> bool {
    let last = &raw.pieces[raw.pieces.len() - 1];
    text[last.clone()].trim_end().ends_with('?') || raw.cue.as_ref().is_some_and(|c| asks(c, lx))
}

/// The cue puts a question ("asked", "asks").
fn asks(c: &super::cues::Cue, lx: &Lexicon) -> bool {
    c.type_and_stance(lx).0 == CueType::Question
}

/// The question is put to someone: it addresses them as "you".
fn addresses_someone(text: &str, raw: &Raw) -> bool {
    let last = &raw.pieces[raw.pieces.len() - 1];
    text[last.clone()].trim_end().ends_with('?')
        && raw.pieces.iter().any(|p| {
            text[p.clone()]
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .any(|w| matches!(w, "you" | "You" | "your" | "Your"))
        })
}

fn is_reply_cue(raw: &Raw, lx: &Lexicon) -> bool {
    raw.cue.as_ref().is_some_and(|c| {
        c.negation.is_none()
            && matches!(
                c.entry(lx).lemma.as_str(),
                "reply" | "answer" | "respond" | "retort"
            )
    })
}

/// The latest quote before `j` (within [`TURN_LOOKBACK`]) whose person speaker differs from
/// quote `j`'s and fits `gender`: the other party of the exchange `j` belongs to.
fn other_party<'a>(
    resolved: &'a [Option<Resolved>],
    entities: &Entities,
    j: usize,
    gender: Gender,
) -> Option<&'a Resolved> {
    let asker = resolved[j].as_ref()?.speaker.as_deref()?;
    resolved[j.saturating_sub(TURN_LOOKBACK)..j]
        .iter()
        .rev()
        .flatten()
        .find(|r| {
            r.stype == SpeakerType::Person
                && r.speaker.as_deref().is_some_and(|s| {
                    s != asker && s.starts_with(char::is_uppercase) && {
                        let g = entities
                            .get(s, SpeakerType::Person)
                            .and_then(|e| e.gender)
                            .unwrap_or(r.gender);
                        gender == Gender::Unknown || g == Gender::Unknown || g == gender
                    }
                })
        })
}

/// The previous quote's index, when it is in the same or the previous paragraph.
fn previous_nearby(
    raws: &[Raw],
    resolved: &[Option<Resolved>],
    i: usize,
    para_of: &dyn Fn(usize) -> usize,
) -> Option<usize> {
    let j = (0..i).rev().find(|&j| resolved[j].is_some())?;
    let pi = para_of(raws[i].pieces[0].start);
    let last = &raws[j].pieces[raws[j].pieces.len() - 1];
    let pj = para_of(last.end.saturating_sub(1));
    (pj <= pi && pj + 1 >= pi).then_some(j)
}

/// The speaker of quote `i` when the exchange it belongs to says otherwise than `res` (see
/// the module doc); `None` leaves `res` as it is.
pub(super) fn turn_speaker(
    text: &str,
    lx: &Lexicon,
    raws: &[Raw],
    resolved: &[Option<Resolved>],
    entities: &Entities,
    i: usize,
    res: &Resolved,
    para_of: &dyn Fn(usize) -> usize,
) -> Option<Resolved> {
    let raw = &raws[i];
    let j = previous_nearby(raws, resolved, i, para_of)?;
    let prev = resolved[j].as_ref()?;
    let same_as_prev = prev.speaker.is_some() && prev.speaker == res.speaker;
    let unnamed = res.rule == "speaker/description"
        && res
            .speaker
            .as_deref()
            .is_some_and(|s| !s.starts_with(char::is_uppercase));
    let answer = match &raw.who {
        // "She replied" / "the witness replied" after the question
        Who::Mention { .. } => {
            is_reply_cue(raw, lx)
                && is_question(text, &raws[j], lx)
                && ((res.rule == "speaker/pronoun" && same_as_prev) || unnamed)
        }
        // a quote-only paragraph: the answer to a question put to someone, or the asker's
        // next question after the answer
        Who::Previous => {
            same_as_prev
                && ((addresses_someone(text, &raws[j])
                    && (raws[j].cue.as_ref().is_some_and(|c| asks(c, lx))
                        // (a quote-only question that was itself a turn of the exchange)
                        || (matches!(raws[j].who, Who::Previous)
                            && j > 0
                            && resolved[j - 1]
                                .as_ref()
                                .is_some_and(|r| r.speaker != prev.speaker))))
                    || (addresses_someone(text, raw)
                        && is_reply_cue(&raws[j], lx)
                        && (0..j).rev().take(TURN_LOOKBACK).any(|k| {
                            addresses_someone(text, &raws[k])
                                && resolved[k]
                                    .as_ref()
                                    .is_some_and(|r| r.speaker != prev.speaker)
                        })))
        }
        _ => false,
    };
    if !answer {
        return None;
    }
    // (a quote-only paragraph inherits the previous speaker's gender: no evidence here)
    let gender = match raw.who {
        Who::Previous => Gender::Unknown,
        _ => res.gender,
    };
    let mut r = other_party(resolved, entities, j, gender)?.clone();
    r.mention = res.mention.clone();
    r.rule = res.rule;
    r.gender = res.gender;
    r.role = None;
    Some(r)
}
