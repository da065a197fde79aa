//! Stance and cue_type: the cue's class from the lexicon with negation applied (see
//! [`super::cues::Cue::type_and_stance`]), refined for neutral reporting verbs by the head
//! predicate of the reported clause ("said she backed ..." -> supportive, "said his party did
//! "not accept" ..." -> opposing), exactly as ANNOTATION.md section 5 defines.

use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::model::Stance;
use crate::text::{lowercase, WordTable};

/// Irregular past participles that head a clause's verb group ("had spent", "has made").
const IRREGULAR_HEADS: &[&str] = &[
    "spent", "made", "done", "given", "taken", "seen", "been", "gone", "paid", "sold", "bought",
    "told", "said", "won", "lost", "kept", "held", "left", "put", "set", "cut",
];

/// The stance stated by the head predicate of a reported clause, looked for in its first
/// words (the subject and the verb group); negation ("not", "n't", "never") flips a
/// supportive head to opposing and an opposing head to neutral.
pub fn content_head_stance(
    text: &str,
    wt: &WordTable,
    content: Range<usize>,
    lx: &Lexicon,
) -> Option<Stance> {
    let mut negated = false;
    let ws = wt.first_words(text, content, 8);
    for (k, w) in ws.iter().take(7).enumerate() {
        // Lowercase with straight apostrophes, copied only when that changes the word.
        let lw = lowercase(&text[w.clone()]);
        let straight = lw.straight_apostrophes();
        let l: &str = &straight;
        if matches!(l, "not" | "never" | "no") || l.ends_with("n't") {
            negated = true;
            continue;
        }
        if let Some(s) = lx.stance_word(l) {
            if k == 0 {
                return None; // a noun-like first word: "Support for ..."
            }
            // "give heads the backing they need", "voted 94 percent in favor": after a
            // determiner, possessive or preposition the word is a noun, not the head verb.
            let prev = lowercase(&text[ws[k - 1].clone()]);
            if matches!(
                prev.as_str(),
                "the" | "a" | "an" | "their" | "its" | "his" | "her" | "our" | "in" | "of" | "for"
            ) {
                return None;
            }
            // "has agreed to be bought", "agreed to acquire": a control verb before an
            // infinitive states no position on anything.
            let next = ws.get(k + 1).map(|n| lowercase(&text[n.clone()]));
            if next.as_deref() == Some("to") && l.starts_with("agree") {
                return None;
            }
            // "was likely to fall back": "back" as a particle after a verb is no stance.
            // "would not back down", "backed away from", "backed off": a phrasal verb,
            // no support.
            if l.starts_with("back")
                && matches!(next.as_deref(), Some("down" | "away" | "off" | "out"))
            {
                return None;
            }
            if matches!(l, "back" | "backs") {
                let prev = lowercase(&text[ws[k - 1].clone()]);
                let subject_or_aux = matches!(
                    prev.as_str(),
                    "to" | "not"
                        | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "can"
                        | "did"
                        | "do"
                        | "does"
                        | "i"
                        | "we"
                        | "they"
                        | "you"
                ) || prev.ends_with("ly")
                    || prev.ends_with("n't");
                if !subject_or_aux {
                    return None;
                }
            }
            return Some(match (s, negated) {
                (Stance::Supportive, true) => Stance::Opposing,
                (Stance::Opposing, true) => Stance::Neutral,
                (s, false) => s,
                (s, true) => s,
            });
        }
        // Past the verb group without a stance head ("it had spent £40bn supporting
        // households": "spent" after the auxiliary is the head).
        let after_aux = k >= 1
            && matches!(
                lowercase(&text[ws[k - 1].clone()]).as_str(),
                "had" | "has" | "have" | "was" | "were" | "is" | "are"
            );
        if (k >= 3 || after_aux) && (l.ends_with("ed") || IRREGULAR_HEADS.contains(&l)) && !negated
        {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(t: &str) -> Option<Stance> {
        content_head_stance(t, &WordTable::new(t), 0..t.len(), &Lexicon::builtin())
    }

    #[test]
    fn clause_heads() {
        assert_eq!(
            st("she backed residents' calls for the application"),
            Some(Stance::Supportive)
        );
        assert_eq!(
            st("his company supported independent safety testing"),
            Some(Stance::Supportive)
        );
        assert_eq!(
            st("his party did \"not accept\" the governor's argument"),
            Some(Stance::Opposing)
        );
        assert_eq!(
            st("the \"UK does not accept\" the result"),
            Some(Stance::Opposing)
        );
        assert_eq!(st("the union rejected the offer"), Some(Stance::Opposing));
        assert_eq!(st("the session had been deeply frustrating"), None);
        // Regressions: a control verb and a particle are no stance heads.
        assert_eq!(st("it has agreed to acquire Stellwater for £120m"), None);
        assert_eq!(st("inflation was likely to fall back by the autumn"), None);
        assert_eq!(st("they would back the plan"), Some(Stance::Supportive));
        assert_eq!(st("the union would not back down"), None);
        assert_eq!(st("the company backed away from the deal"), None);
        assert_eq!(
            st("she agreed the plan was sound"),
            Some(Stance::Supportive)
        );
        // A stance word after the head verb or as a noun is no head.
        assert_eq!(st("it had spent £40bn supporting households"), None);
        assert_eq!(st("members had voted 94 percent in favor"), None);
        assert_eq!(
            st("the guidance would give heads the backing they need"),
            None
        );
        assert_eq!(st("he was opposed to the plan"), Some(Stance::Opposing));
    }
}
