//! Fuzz target: the extractor on arbitrary text: bytes decoded lossily as UTF-8 become
//! one article, extracted with the built-in lexicon. Checks the dataset's invariants
//! (ANNOTATION.md, README "Offsets"): quotes in text order with 0-based indices,
//! 0 <= start < end <= n_chars, `text == article_text[start..end]` (code points) for
//! contiguous quotes, speaker and cue spans inside the text, confidence in [0, 1], and
//! unique quote ids.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::extract::extract;
use whosaid::lexicon::Lexicon;
use whosaid::model::Article;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

/// `chars[start..end]` as a string, after checking the span is a non-empty range inside
/// the text.
fn span_text(chars: &[char], start: u32, end: u32, what: &str) -> String {
    assert!(
        start < end && end as usize <= chars.len(),
        "{what} span {start}..{end} outside 0..{}",
        chars.len()
    );
    chars[start as usize..end as usize].iter().collect()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        id: "fuzz".into(),
        source_path: "fuzz.txt".into(),
        text,
        ..Default::default()
    };
    let quotes = extract(&article, lexicon());
    let chars: Vec<char> = article.text.chars().collect();
    let mut ids = HashSet::new();
    let mut previous_start = 0;
    for (i, q) in quotes.iter().enumerate() {
        assert_eq!(q.quote_index as usize, i, "quote_index out of order");
        assert_eq!(q.article_id, article.id);
        let span = span_text(&chars, q.start, q.end, "quote");
        assert!(q.start >= previous_start, "quotes not in text order");
        previous_start = q.start;
        if (q.end - q.start) as usize == q.text.chars().count() {
            assert_eq!(span, q.text, "contiguous quote text differs from its span");
        } else {
            // An interrupted quote: its pieces joined by a space, starting where the span does.
            let first = q
                .text
                .split_whitespace()
                .next()
                .expect("quote text is empty");
            assert!(
                span.starts_with(first),
                "span {span:?} does not start with {first:?}"
            );
        }
        assert!(
            ids.insert(q.quote_id.clone()),
            "duplicate quote_id {}",
            q.quote_id
        );
        assert_eq!(
            q.quote_id,
            whosaid::model::quote_id(&article.id, q.start, q.end)
        );
        if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
            let mention = span_text(&chars, s, e, "speaker");
            if let Some(m) = &q.speaker_mention {
                assert_eq!(&mention, m, "speaker_mention differs from its span");
            }
        }
        if let (Some(s), Some(e)) = (q.cue_start, q.cue_end) {
            let cue = span_text(&chars, s, e, "cue");
            if let Some(c) = &q.cue {
                assert_eq!(&cue, c, "cue differs from its span");
            }
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence {}",
            q.confidence
        );
    }
});
