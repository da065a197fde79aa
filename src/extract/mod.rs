//! Extraction: pure `&Article -> Vec<Quote>`. No I/O, no global state: everything it
//! consults comes in through the [`Lexicon`].

use crate::lexicon::Lexicon;
use crate::model::{quote_id, Article, Quote, QuoteKind};
use crate::text::OffsetMap;

/// Every quotation in the article, in text order, with its attribution.
pub fn extract(article: &Article, _lexicon: &Lexicon) -> Vec<Quote> {
    let text = &article.text;
    let map = OffsetMap::new(text);
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(o) = memchr::memchr(b'"', &bytes[i..]) {
        let open = i + o;
        let Some(c) = memchr::memchr(b'"', &bytes[open + 1..]) else {
            break;
        };
        let close = open + 1 + c;
        let content = &text[open + 1..close];
        let content = content.trim_end_matches(',');
        if content.split_whitespace().count() >= 4 {
            let start = map.char_at(open + 1);
            let end = map.char_at(open + 1 + content.len());
            out.push(Quote {
                quote_id: quote_id(&article.id, start, end),
                article_id: article.id.clone(),
                quote_index: out.len() as u32,
                kind: QuoteKind::Direct,
                text: content.to_string(),
                start,
                end,
                speaker: None,
                speaker_mention: None,
                speaker_start: None,
                speaker_end: None,
                speaker_type: None,
                speaker_gender: None,
                role: None,
                cue: None,
                cue_start: None,
                cue_end: None,
                cue_lemma: None,
                cue_type: None,
                stance: None,
                paragraph: 0,
                sentence: 0,
                confidence: 0.5,
                rule: "direct/unattributed".to_string(),
            });
        }
        i = close + 1;
    }
    out
}
