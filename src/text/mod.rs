//! The article's skeleton, computed once: paragraphs and the byte <-> code point
//! offset map used by every later stage (the dataset speaks code points, Rust strings
//! speak bytes).

use std::ops::Range;

/// Maps byte offsets of a string to code point offsets.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// `None` when the text is ASCII (byte offset == code point offset).
    /// Otherwise the code point index of every byte position that starts a char.
    table: Option<Vec<u32>>,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return OffsetMap { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut ci = 0u32;
        for (bi, ch) in text.char_indices() {
            for slot in &mut table[bi..bi + ch.len_utf8()] {
                *slot = ci;
            }
            ci += 1;
        }
        table[text.len()] = ci;
        OffsetMap { table: Some(table) }
    }

    /// The code point offset of byte offset `b` (which must be on a char boundary).
    #[inline]
    pub fn char_at(&self, b: usize) -> u32 {
        match &self.table {
            None => b as u32,
            Some(t) => t[b],
        }
    }
}

/// Number of code points in `text`.
pub fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Paragraphs as byte ranges: non-empty lines (a line break, single or blank-line
/// separated, ends a paragraph), trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed_start = body.len() - body.trim_start().len();
        let t = body.trim();
        if !t.is_empty() {
            let s = start + trimmed_start;
            out.push(s..s + t.len());
        }
        start = end;
    }
    out
}
