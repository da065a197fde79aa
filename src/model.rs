//! The records that flow through the pipeline: an input article, its read status,
//! and the quotations extracted from it.
//!
//! These types are the contract between stages: `corpus` produces [`InputRecord`]s,
//! `extract` turns an [`Article`] into [`Quote`]s, and `dataset` writes both. They hold
//! plain data only, so every stage can be tested without the others.

use serde::{Deserialize, Serialize};

/// One article as read from the input, before extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: path relative to its input root without extensions, the JSONL `id`
    /// field, or `<file id>#<line number>`.
    pub id: String,
    /// The file the article came from, as given on the command line plus the walk.
    pub source_path: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// The full article text; every offset in the dataset is a code point index into it.
    pub text: String,
}

/// How reading one input went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read and decoded; `error` may still carry a note (lossy decoding, assumed encoding).
    Ok,
    /// Read, but there is no text (empty or whitespace only).
    Empty,
    /// Could not be read or parsed; `error` says why.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Empty => "empty",
            Status::Error => "error",
        }
    }
}

/// One row of the `articles` table before extraction: every input file (every JSONL
/// line) yields exactly one, whatever happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputRecord {
    pub article: Article,
    pub status: Status,
    /// The reason for `empty`/`error`, or a note on an `ok` read (e.g. the encoding assumed).
    pub error: Option<String>,
    /// Bytes of input this record accounts for (for progress and throughput).
    pub input_bytes: u64,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value of the closed vocabulary, in schema order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in the dataset.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the dataset spelling (case-insensitive).
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim();
                $(if s.eq_ignore_ascii_case($text) { return Some($name::$variant); })+
                None
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// direct: inside quote marks; indirect: reported speech; mixed: reported speech
    /// quoting a fragment verbatim.
    QuoteKind { Direct => "direct", Indirect => "indirect", Mixed => "mixed" }
);

vocabulary!(
    /// What kind of source speaks.
    SpeakerType {
        Person => "person",
        Organization => "organization",
        Group => "group",
        Unknown => "unknown",
    }
);

vocabulary!(
    /// Gender from the article's own evidence only (pronouns, honorifics, gendered nouns).
    Gender { Female => "female", Male => "male", Unknown => "unknown" }
);

vocabulary!(
    /// The speech act, ANNOTATION.md section 5.
    CueType {
        Statement => "statement",
        Claim => "claim",
        Denial => "denial",
        Criticism => "criticism",
        Praise => "praise",
        Agreement => "agreement",
        Warning => "warning",
        Admission => "admission",
        Question => "question",
        Demand => "demand",
        Promise => "promise",
        Other => "other",
    }
);

vocabulary!(
    /// The position the reporting frame signals the source takes.
    Stance { Supportive => "supportive", Opposing => "opposing", Neutral => "neutral" }
);

/// One quotation with its attribution: a row of the `quotes` table.
///
/// Offsets are Unicode code point indices into [`Article::text`], half-open.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Stable id: a hash of article_id and the span.
    pub quote_id: String,
    pub article_id: String,
    /// 0-based position of the quote in the article, in text order.
    pub quote_index: u32,
    pub kind: QuoteKind,
    /// The content: reported words only (pieces of an interrupted quote joined by a space).
    pub text: String,
    pub start: u32,
    pub end: u32,
    /// Canonical name of the source in this article, or the description when unnamed.
    pub speaker: Option<String>,
    /// The words at the attribution site ("she", "Mr Lukashenko").
    pub speaker_mention: Option<String>,
    pub speaker_start: Option<u32>,
    pub speaker_end: Option<u32>,
    pub speaker_type: Option<SpeakerType>,
    pub speaker_gender: Option<Gender>,
    pub role: Option<String>,
    /// The reporting verb or phrase as written.
    pub cue: Option<String>,
    pub cue_start: Option<u32>,
    pub cue_end: Option<u32>,
    pub cue_lemma: Option<String>,
    pub cue_type: Option<CueType>,
    pub stance: Option<Stance>,
    /// 0-based paragraph index of the quote's start.
    pub paragraph: u32,
    /// 0-based sentence index (in the article) of the quote's start.
    pub sentence: u32,
    /// How likely the attribution is right, in [0, 1]; see README "Confidence".
    pub confidence: f32,
    /// The rules that found the quote and attributed its speaker, `;`-separated,
    /// e.g. `direct/postposed;speaker/pronoun`.
    pub rule: String,
}

#[cfg(test)]
impl Quote {
    /// A direct quote of `text` at `[start, end)` in article `article_id`, with its id,
    /// index 0, no attribution, confidence 0.5 and an empty rule: unit tests override
    /// the fields they care about with struct update syntax.
    pub(crate) fn for_test(article_id: &str, text: &str, start: u32, end: u32) -> Quote {
        Quote {
            quote_id: quote_id(article_id, start, end),
            article_id: article_id.to_string(),
            quote_index: 0,
            kind: QuoteKind::Direct,
            text: text.to_string(),
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
            rule: String::new(),
        }
    }
}

/// The stable id of a quote: 16 hex digits of XXH3-64 over article id and span.
pub fn quote_id(article_id: &str, start: u32, end: u32) -> String {
    let mut buf = Vec::with_capacity(article_id.len() + 24);
    buf.extend_from_slice(article_id.as_bytes());
    buf.push(0);
    push_decimal(&mut buf, start);
    buf.push(b':');
    push_decimal(&mut buf, end);
    // (digits written directly: two `to_string`s and a `format!` per quote cost several
    // times the hash itself)
    let h = xxhash_rust::xxh3::xxh3_64(&buf);
    let mut hex = [0u8; 16];
    for (k, d) in hex.iter_mut().enumerate() {
        *d = b"0123456789abcdef"[((h >> (60 - 4 * k)) & 0xf) as usize];
    }
    std::str::from_utf8(&hex).expect("hex digits").to_owned()
}

/// Appends `n` in decimal, as `n.to_string()` writes it.
fn push_decimal(buf: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[i..]);
}

/// The content hash of an article text: 32 hex digits of XXH3-128.
pub fn content_hash(text: &str) -> String {
    // (hex digits written directly: `format!` cost about twice the hash of a short text)
    let h = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
    let mut hex = [0u8; 32];
    for (k, d) in hex.iter_mut().enumerate() {
        *d = b"0123456789abcdef"[((h >> (124 - 4 * k)) & 0xf) as usize];
    }
    std::str::from_utf8(&hex).expect("hex digits").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id as it was first defined (decimal offsets via `to_string`, hex via `format!`):
    /// ids are published, so the faster writing must give the same bytes.
    fn quote_id_by_format(article_id: &str, start: u32, end: u32) -> String {
        let key = format!("{article_id}\0{start}:{end}");
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
    }

    #[test]
    fn quote_id_is_the_same_as_formatted() {
        for (id, s, e) in [
            ("t", 0, 0),
            ("t", 0, 1),
            ("reuters-17", 9, 10),
            ("a/b.txt#3", 1234, 56789),
            ("", 99_999, 100_000),
            ("ü", u32::MAX - 1, u32::MAX),
        ] {
            assert_eq!(
                quote_id(id, s, e),
                quote_id_by_format(id, s, e),
                "{id} {s} {e}"
            );
        }
        assert_eq!(quote_id("t", 3, 9).len(), 16);
    }

    /// Content hashes are published in `articles`: the direct hex must equal `format!`.
    #[test]
    fn content_hash_is_the_same_as_formatted() {
        for text in ["", "a", "He said \"yes\".", &"ü…\n".repeat(500)] {
            let by_format = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()));
            assert_eq!(content_hash(text), by_format, "{text:?}");
        }
        // Leading zero digits are kept (32 digits whatever the value).
        assert!((0..2000)
            .map(|i| content_hash(&i.to_string()))
            .any(|h| h.starts_with('0') && h.len() == 32));
    }
}
