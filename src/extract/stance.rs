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

/// Verbs (and predicates after "be"/"go") of ruin: after a modal and with a condition in
/// the clause they make a reported statement a warning.
const HARM_HEADS: &[&str] = &[
    "perish",
    "collapse",
    "suffer",
    "die",
    "starve",
    "destroyed",
    "ruined",
    "bankrupt",
    "wiped",
    "bleed",
    "suffocate",
];

/// "said the country would "perish as a state" if the election was rerun", "said firms
/// will suffer severe tax penalties if ...": a conditional consequence of ruin (a modal, a
/// verb of ruin within the next three words, and "if"/"unless" later in the clause) is a
/// warning whatever the neutral verb that reports it. Forecasts ("could fall ... if")
/// are not: only verbs of ruin count.
pub fn conditional_harm(text: &str, wt: &WordTable, content: Range<usize>) -> bool {
    let c = &text[content.clone()];
    if !c.contains(" if ") && !c.contains(" unless ") {
        return false;
    }
    let ws = wt.first_words(text, content, 40);
    let lower: Vec<_> = ws.iter().map(|w| lowercase(&text[w.clone()])).collect();
    let Some(m) = lower.iter().take(10).position(|l| {
        matches!(
            l.as_str(),
            "would" | "will" | "could" | "might" | "may" | "must"
        )
    }) else {
        return false;
    };
    let harm = lower
        .iter()
        .skip(m + 1)
        .take(3)
        .any(|l| HARM_HEADS.contains(&l.as_str()));
    harm && lower
        .iter()
        .skip(m + 2)
        .any(|l| matches!(l.as_str(), "if" | "unless"))
}

/// Agreement verbs whose that-clause is conceded, not endorsed.
const CONCEDING: &[&str] = &["accept"];

/// "He accepted that he had received the bonus": an unnegated agreement verb followed
/// directly by "that" and its clause reports an admission (cue_type `admission`, stance
/// neutral, as "admitted that"). With an object before the clause ("accepted a
/// recommendation that ...") it is still acceptance, and negated ("did not accept that")
/// a denial.
pub fn conceded_clause(
    text: &str,
    cue: &super::cues::Cue,
    content_start: usize,
    lx: &Lexicon,
) -> bool {
    cue.negation.is_none()
        && CONCEDING.contains(&cue.entry(lx).lemma.as_str())
        && cue.verb.end <= content_start
        && text[cue.verb.end..content_start].trim() == "that"
}

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
        // "the company would ask regulators to approve the drug": the verb after a modal
        // is the head, so a later stance word is not.
        let after_modal = k >= 1
            && matches!(
                lowercase(&text[ws[k - 1].clone()]).as_str(),
                "would" | "will" | "could" | "should" | "might" | "may" | "must" | "can"
            );
        // ("would continue to support": a control verb before "to" passes the head on)
        let next_is_to = ws
            .get(k + 1)
            .is_some_and(|n| lowercase(&text[n.clone()]).as_str() == "to");
        if after_modal
            && !next_is_to
            && !matches!(l, "be" | "have" | "also" | "still" | "now" | "then")
            && !l.ends_with("ly")
        {
            return None;
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
        // Blind batch 13: the verb after a modal is the head.
        assert_eq!(
            st("the company would ask regulators to approve the drug"),
            None
        );
        assert_eq!(st("they would support the plan"), Some(Stance::Supportive));
        assert_eq!(
            st("it will continue to support its programs"),
            Some(Stance::Supportive)
        );
    }

    #[test]
    fn conditional_ruin_is_a_warning() {
        let h = |t: &str| conditional_harm(t, &WordTable::new(t), 0..t.len());
        // The seed: labelled a warning by the gold.
        assert!(h(
            "the country would \"perish as a state\" if the election was rerun"
        ));
        assert!(h(
            "firms will suffer severe tax penalties if they award rises"
        ));
        assert!(!h(
            "the rate could drop to 1.84 dlrs if the Commission approves"
        ));
        assert!(!h("it would buy the shares if the price was right"));
        assert!(!h("the country would perish"));
        assert!(!h("a strike would be illegal under state law and the authority would seek fines if it went ahead"));
    }
}
