//! The article's skeleton, computed once: paragraphs and the byte <-> code point
//! offset map used by every later stage (the dataset speaks code points, Rust strings
//! speak bytes).

use std::ops::Range;

/// Maps byte offsets of a string to code point offsets.
///
/// Non-ASCII text keeps one checkpoint per [`OffsetMap::BLOCK`] bytes (the code point
/// index at the block start) and counts the char starts inside a block on lookup: 1/16
/// of a byte of memory per text byte instead of four, and one vectorised pass to build,
/// where a table entry per byte made building the map the hottest step of the pipeline
/// (see BENCHMARKS.md).
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    bytes: &'a [u8],
    /// `None` when the text is ASCII (byte offset == code point offset). Otherwise the
    /// code point index of the first byte of every block.
    blocks: Option<Vec<u32>>,
}

/// Whether `b` starts a char (is not a UTF-8 continuation byte).
#[inline]
fn starts_char(b: u8) -> bool {
    (b as i8) >= -64
}

/// Number of chars starting in `bytes`, eight bytes at a time: a continuation byte is
/// the only one with its top bits `10`.
#[inline]
fn count_char_starts(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0usize;
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        continuation += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    let rest = words.remainder();
    bytes.len() - continuation - rest.len() + rest.iter().filter(|&&b| starts_char(b)).count()
}

impl<'a> OffsetMap<'a> {
    /// Bytes per checkpoint.
    pub const BLOCK: usize = 64;

    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return OffsetMap {
                bytes,
                blocks: None,
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut ci = 0u32;
        for chunk in bytes.chunks(Self::BLOCK) {
            blocks.push(ci);
            ci += count_char_starts(chunk) as u32;
        }
        OffsetMap {
            bytes,
            blocks: Some(blocks),
        }
    }

    /// The code point offset of byte offset `b` (which must be on a char boundary, or
    /// the text length).
    #[inline]
    pub fn char_at(&self, b: usize) -> u32 {
        match &self.blocks {
            None => b as u32,
            Some(blocks) => {
                let k = b / Self::BLOCK;
                let Some(&base) = blocks.get(k) else {
                    // `b` is the text length and falls just past the last block.
                    let last = blocks.len() - 1;
                    let from = last * Self::BLOCK;
                    return blocks[last]
                        + self.bytes[from..b]
                            .iter()
                            .filter(|&&x| starts_char(x))
                            .count() as u32;
                };
                let from = k * Self::BLOCK;
                base + self.bytes[from..b]
                    .iter()
                    .filter(|&&x| starts_char(x))
                    .count() as u32
            }
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

/// The number of [`paragraphs`], without building them: one pass over the line
/// breaks, no allocation (the `articles` table needs only the count).
pub fn paragraph_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        if !text[start..end].trim().is_empty() {
            n += 1;
        }
        start = end + 1;
    }
    n
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

#[cfg(test)]
mod offset_map_tests {
    use super::*;

    /// Every char boundary of `text` maps to the index `char_indices` gives it.
    fn check(text: &str) {
        let map = OffsetMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_at(bi), ci as u32, "byte {bi} of {text:?}");
        }
        assert_eq!(map.char_at(text.len()), text.chars().count() as u32);
    }

    #[test]
    fn offset_map_agrees_with_char_indices() {
        check("");
        check("plain ascii text");
        check("“Curly” quotes, «guillemets» and é");
        // Multi-byte chars straddling block boundaries, and a text ending exactly on one.
        let mut long = String::new();
        for i in 0..500 {
            long.push_str(if i % 3 == 0 { "ab€" } else { "’x😀" });
        }
        check(&long);
        check(&"é".repeat(OffsetMap::BLOCK));
        check(&"é".repeat(OffsetMap::BLOCK / 2 * 3));
    }

    #[test]
    fn count_char_starts_agrees_with_chars() {
        let text = "a€😀’«b»".repeat(7);
        for from in 0..text.len() {
            for to in from..text.len().min(from + 40) {
                let slice = &text.as_bytes()[from..to];
                let expected = slice.iter().filter(|&&b| starts_char(b)).count();
                assert_eq!(count_char_starts(slice), expected, "{from}..{to}");
            }
        }
    }

    #[test]
    fn paragraph_count_agrees_with_paragraphs() {
        for text in [
            "",
            "one",
            "one\ntwo",
            "one\n\n  \ntwo\r\n\r\nthree\n",
            "\n\n\u{a0}\n x \n\t\n",
            "title\r\rlone CR is not a break",
        ] {
            assert_eq!(paragraph_count(text), paragraphs(text).len(), "{text:?}");
        }
    }
}
