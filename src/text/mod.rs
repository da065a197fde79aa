//! The article's skeleton, computed once: paragraphs and the byte <-> code point
//! offset map used by every later stage (the dataset speaks code points, Rust strings
//! speak bytes).

use std::borrow::Cow;
use std::ops::{Deref, Range};

use crate::lexicon::WordList;

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
    let bytes = text.as_bytes();
    // (sized by the lines, counted in one SIMD pass: no regrowth)
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    // The lines of `text.split_inclusive('\n')`, found with `memchr`.
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        let line = &text[start..end];
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

/// A sentence: its byte range and the index of the paragraph holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
}

/// Words before a `.` that do not end a sentence: honorifics, abbreviated titles, months.
static ABBREVIATIONS: WordList = WordList::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Supt", "Insp", "St", "Jr", "Sr", "Rev", "No", "Nos", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "approx", "Fig", "Maj", "Brig",
    "Cpl", "Adm", "Cdr", "Det", "Cllr",
]);

/// True when the word ending just before byte `dot` (a `.`) is an abbreviation that does not
/// end a sentence: a listed abbreviation, an initial ("J."), or a dotted form ("U.S.").
pub fn is_abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    // Back over ASCII letters, digits and dots byte by byte; from the first other byte
    // on, char by char as before (a non-ASCII letter may continue the word).
    let bb = before.as_bytes();
    let mut k = bb.len();
    while k > 0 && (bb[k - 1].is_ascii_alphanumeric() || bb[k - 1] == b'.') {
        k -= 1;
    }
    let word_start = if k > 0 && bb[k - 1].is_ascii() {
        k
    } else {
        before[..k]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
            .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0)
    };
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.as_bytes().contains(&b'.') {
        return true; // U.S, a.m
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap();
    if chars.next().is_none() && first.is_uppercase() {
        return true; // an initial
    }
    ABBREVIATIONS.contains(&word)
}

fn is_closing_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '“')
}

fn is_sentence_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '#' | '@' | '—' | '–'
        )
}

/// The sentences of the article, in text order, each inside one paragraph. A sentence ends
/// at `.`, `?`, `!` or `…` (plus closing quotes and brackets) followed by space and a capital,
/// digit or opening quote, unless the `.` closes an abbreviation, an initial or a decimal.
pub fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
    // (news sentences average well over 64 bytes: rarely a regrowth)
    let mut out = Vec::with_capacity(paragraphs.len() + text.len() / 64);
    for (pi, p) in paragraphs.iter().enumerate() {
        let body = &text[p.clone()];
        let mut start = 0usize;
        let bytes = body.as_bytes();
        let mut from = 0usize;
        // Jump from one terminal to the next instead of decoding every char: `.`, `?`, `!`
        // by `memchr3`, and `…` (the only non-ASCII one) by a substring search whose
        // answer is kept until the scan passes it (curly quotes and apostrophes, which
        // share its first byte, are never stopped at).
        let mut ellipsis: Option<Option<usize>> = None;
        loop {
            let ascii = memchr::memchr3(b'.', b'?', b'!', &bytes[from..]).map(|k| from + k);
            if ellipsis.is_some_and(|e| e.is_some_and(|e| e < from)) {
                ellipsis = None;
            }
            let next_ellipsis = *ellipsis.get_or_insert_with(|| {
                memchr::memmem::find(&bytes[from..], "…".as_bytes()).map(|k| from + k)
            });
            let i = match (ascii, next_ellipsis) {
                (Some(a), Some(e)) => a.min(e),
                (Some(a), None) => a,
                (None, Some(e)) => e,
                (None, None) => break,
            };
            let c = body[i..].chars().next().expect("char boundary");
            from = i + c.len_utf8();
            if c == '.' && is_abbreviation_before(body, i) {
                continue;
            }
            // Swallow further terminal punctuation and closing quotes/brackets.
            let mut end = i + c.len_utf8();
            for d in body[end..].chars() {
                if matches!(d, '.' | '?' | '!' | '…') || is_closing_punct(d) {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            from = end;
            let rest = &body[end..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                continue; // no space after: "4.5", "U.S."
            }
            match trimmed.chars().next() {
                Some(n) if is_sentence_opener(n) => {
                    out.push(Sentence {
                        range: p.start + start..p.start + end,
                        paragraph: pi,
                    });
                    start = end + (rest.len() - trimmed.len());
                }
                _ => {}
            }
        }
        if start < body.len() {
            out.push(Sentence {
                range: p.start + start..p.end,
                paragraph: pi,
            });
        }
    }
    out
}

/// The words of `text[range]` as byte ranges: runs of letters and digits with inner
/// apostrophes, hyphens and dots ("it's", "anti-government", "4.5", "U.S."), a leading `@` or
/// `#`, and the dot of an abbreviation ("Mr.", "Gov.").
pub fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if range.start >= range.end {
        return Vec::new();
    }
    // A word and its space take five bytes or more in prose: no regrowth.
    let mut out = Vec::with_capacity((range.end - range.start) / 4 + 2);
    out.extend(Words::new(text, range));
    out
}

/// The [`words`] of a whole article, scanned once, answering [`words`] for a range from
/// the table whenever that is provably the same answer, and by scanning otherwise.
///
/// The scanner's decisions look one char ahead (`4.5`, `it's`) and, for an abbreviation
/// dot, back over letters and dots; whitespace is never part of a word and stops both
/// looks. So when the range starts at the text start or next to an ASCII whitespace byte
/// (`text[a - 1]` or `text[a]`), and ends at the text end or next to one (`text[b - 1]` or
/// `text[b]`), no word of the article crosses an edge, and the words of the range are
/// exactly the table's words that start inside it. Ranges handed around the extractor
/// (sentences, clauses, subjects before a cue) almost always have such edges.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    words: Vec<Range<usize>>,
}

impl WordTable {
    pub fn new(text: &str) -> Self {
        WordTable {
            words: words(text, 0..text.len()),
        }
    }

    /// Every word of the article, in text order.
    pub fn all(&self) -> &[Range<usize>] {
        &self.words
    }

    /// How many words from index `from` on start before byte `end`: a galloping search
    /// (a range of a few words, the usual sentence or clause, costs a few steps where a
    /// binary search over the rest of the article cost a dozen).
    fn count_from(&self, from: usize, end: usize) -> usize {
        let rest = &self.words[from..];
        let mut hi = 1;
        while hi < rest.len() && rest[hi - 1].start < end {
            hi *= 2;
        }
        let hi = hi.min(rest.len());
        let lo = hi / 2;
        lo + rest[lo..hi].partition_point(|w| w.start < end)
    }

    /// Exactly `words(text, range)` (`text` is the article the table was built from):
    /// borrowed from the table when the range's edges are at whitespace, else scanned.
    pub fn words<'s>(&'s self, text: &str, range: Range<usize>) -> Cow<'s, [Range<usize>]> {
        if range.start >= range.end {
            return Cow::Borrowed(&[]);
        }
        let b = text.as_bytes();
        let ws = |i: usize| b.get(i).is_some_and(u8::is_ascii_whitespace);
        let start_ws = range.start == 0 || ws(range.start - 1) || ws(range.start);
        let from = self.words.partition_point(|w| w.start < range.start);
        let start_ok = start_ws || self.clean_start(b, from, range.start);
        if start_ok {
            let n = self.count_from(from, range.end);
            let end_ok = range.end >= b.len()
                || ws(range.end - 1)
                || ws(range.end)
                // (no word of the article crosses the end)
                || n == 0
                || self.words[from + n - 1].end <= range.end;
            if end_ok {
                return Cow::Borrowed(&self.words[from..from + n]);
            }
        }
        Cow::Owned(words(text, range))
    }

    /// Whether a range starting at byte `a` (not next to whitespace; `from` is the first
    /// word starting at or after it) starts where the article's scanner stands outside a
    /// word and decides alike from there on. That holds when no word crosses `a`; the word
    /// before does not end at `a` with a sigil there (the article's scanner skips the char
    /// that ends a word, a range's scanner may start "#tag" at it); and the byte before `a`
    /// is ASCII, neither a letter, a digit nor a dot, so the look back over an abbreviation
    /// ("Mr.Smith." is one word to the article) stops at `a` in both.
    fn clean_start(&self, b: &[u8], from: usize, a: usize) -> bool {
        let before = b[a - 1];
        if !before.is_ascii() || before.is_ascii_alphanumeric() || before == b'.' {
            return false;
        }
        match from.checked_sub(1).map(|p| self.words[p].end) {
            Some(end) if end > a => false,
            Some(end) if end == a => CLASS[b[a] as usize] != SIGIL,
            _ => true,
        }
    }
}

impl WordTable {
    /// Exactly `first_words(text, range, n)` (`text` is the article the table was built
    /// from), borrowed from the table whenever that is provably the same answer.
    ///
    /// From a range start next to whitespace (see [`WordTable`]) the scanner of the range
    /// and the scanner of the article are both outside a word, and they decide alike as
    /// long as what they look at lies inside the range: a word's decisions look at most
    /// one separator and one char past its end ([`WORD_LOOKAHEAD`] bytes). So the table's
    /// first `n` words from the start are the answer when the last of them ends that far
    /// before the range end; otherwise the range's edges decide as in [`WordTable::words`].
    pub fn first_words<'s>(
        &'s self,
        text: &str,
        range: Range<usize>,
        n: usize,
    ) -> Cow<'s, [Range<usize>]> {
        if range.start >= range.end || n == 0 {
            return Cow::Borrowed(&[]);
        }
        let b = text.as_bytes();
        let ws = |i: usize| b.get(i).is_some_and(u8::is_ascii_whitespace);
        if range.start == 0 || ws(range.start - 1) || ws(range.start) {
            let from = self.words.partition_point(|w| w.start < range.start);
            let cand = &self.words[from..(from + n).min(self.words.len())];
            if cand.len() == n && cand[n - 1].end + WORD_LOOKAHEAD <= range.end {
                return Cow::Borrowed(cand);
            }
        }
        match self.words(text, range.clone()) {
            Cow::Borrowed(all) => Cow::Borrowed(&all[..all.len().min(n)]),
            Cow::Owned(mut all) => {
                all.truncate(n);
                Cow::Owned(all)
            }
        }
    }
}

/// How far past a word's end the scanner may look while deciding it: a separator (up to
/// three bytes, "’") and the char after it (up to four).
const WORD_LOOKAHEAD: usize = 8;

/// The [`words`] of a range, scanned only as far as they are asked for: `get(i)` scans up
/// to word `i` and keeps what it scanned, so a caller that walks the first few words of a
/// long range by index (with look-ahead and look-back) pays for those words only.
#[derive(Debug, Clone)]
pub struct WordBuf<'a> {
    words: Words<'a>,
    buf: Vec<Range<usize>>,
}

impl<'a> WordBuf<'a> {
    pub fn new(text: &'a str, range: Range<usize>) -> Self {
        WordBuf {
            words: Words::new(text, range),
            buf: Vec::new(),
        }
    }

    /// Word `i`, or `None` past the last word.
    pub fn get(&mut self, i: usize) -> Option<Range<usize>> {
        while self.buf.len() <= i {
            self.buf.push(self.words.next()?);
        }
        Some(self.buf[i].clone())
    }
}

/// The first `n` [`words`] of `text[range]` (fewer when it has fewer), in one allocation:
/// `Words::new(..).take(n).collect()` started at four slots and regrew up to `n`.
pub fn first_words(text: &str, range: Range<usize>, n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(n);
    out.extend(Words::new(text, range).take(n));
    out
}

/// The number of [`words`] in `text[range]`, counting no further than `limit` (the answer
/// is then `limit`): "more than 8 words" needs only the first nine.
pub fn word_count_upto(text: &str, range: Range<usize>, limit: usize) -> usize {
    Words::new(text, range).take(limit).count()
}

/// A word lowercased, borrowed when it already is (ASCII with no capital: most words of a
/// text), kept inline when it is short ASCII ("Said", "BBC"), so comparing a word with a
/// list costs no allocation; only long or non-ASCII words with capitals are copied to the
/// heap.
#[derive(Debug, Clone)]
pub struct Lower<'a>(LowerRepr<'a>);

/// Bytes of a short ASCII word lowercased in place.
const INLINE: usize = 30;

#[derive(Debug, Clone)]
enum LowerRepr<'a> {
    Borrowed(&'a str),
    /// ASCII only, so any prefix is valid UTF-8.
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower(LowerRepr::Borrowed(""))
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower<'_> {}

/// `s.to_lowercase()`, without a copy when `s` is ASCII with no capital letter and without
/// a heap allocation when it is short ASCII.
#[inline]
pub fn lowercase(s: &str) -> Lower<'_> {
    let b = s.as_bytes();
    if b.iter().all(|&x| x.is_ascii() && !x.is_ascii_uppercase()) {
        Lower(LowerRepr::Borrowed(s))
    } else if b.len() <= INLINE && b.is_ascii() {
        let mut buf = [0u8; INLINE];
        for (d, x) in buf.iter_mut().zip(b) {
            *d = x.to_ascii_lowercase();
        }
        Lower(LowerRepr::Inline(buf, b.len() as u8))
    } else {
        Lower(LowerRepr::Owned(s.to_lowercase()))
    }
}

impl Lower<'_> {
    /// The word with typographic apostrophes made straight ("don’t" -> "don't"), as the
    /// lexicons spell them; copied only when it holds one.
    pub fn straight_apostrophes(&self) -> Cow<'_, str> {
        let s = self.as_str();
        if !s.is_ascii() && s.contains('’') {
            Cow::Owned(s.replace('’', "'"))
        } else {
            Cow::Borrowed(s)
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerRepr::Borrowed(s) => s,
            // SAFETY: `lowercase` fills `Inline` only from an ASCII word, lowercased byte by
            // byte with `to_ascii_lowercase`, so its first `len` bytes are ASCII and hence
            // valid UTF-8. (Validating them on every comparison cost more than the heap copy
            // this representation saves.)
            LowerRepr::Inline(buf, len) => unsafe {
                std::str::from_utf8_unchecked(&buf[..*len as usize])
            },
            LowerRepr::Owned(s) => s,
        }
    }

    pub fn into_string(self) -> String {
        match self.0 {
            LowerRepr::Owned(s) => s,
            _ => self.as_str().to_owned(),
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// Byte classes of the word scanner (ASCII only; non-ASCII bytes are decoded).
const OTHER: u8 = 0;
const ALNUM: u8 = 1;
/// `'`, `-`, `.`, `&`: inside a word when a letter or digit follows.
const INNER: u8 = 2;
const COMMA: u8 = 3;
/// `@`, `#`: may start a word.
const SIGIL: u8 = 4;
const NON_ASCII: u8 = 5;

const fn byte_classes() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            NON_ASCII
        } else if b.is_ascii_alphanumeric() {
            ALNUM
        } else {
            match b {
                b'\'' | b'-' | b'.' | b'&' => INNER,
                b',' => COMMA,
                b'@' | b'#' => SIGIL,
                _ => OTHER,
            }
        };
        i += 1;
    }
    t
}
static CLASS: [u8; 256] = byte_classes();

/// `c.is_alphanumeric()`, answering the General Punctuation block (U+2000 to U+206F: curly
/// quotes and apostrophes, dashes, ellipsis; none of them a letter or digit) without the
/// Unicode table lookup, which was a visible cost of the word scanner on curly-quoted text.
#[inline]
fn is_alnum(c: char) -> bool {
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The [`words`] of a range, one at a time: the same words in the same order, computed
/// lazily, so a caller that needs the first few words of a long range (the first word of a
/// clause, "at least four words") scans only as far as it looks.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    /// `text[range]`.
    s: &'a str,
    /// `range.start`.
    base: usize,
    /// The next byte to look at (slice-relative).
    i: usize,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, range: Range<usize>) -> Self {
        let (s, base) = if range.start >= range.end {
            ("", range.start)
        } else {
            (&text[range.clone()], range.start)
        };
        Words { s, base, i: 0 }
    }

    /// The char at slice byte `i` and its length.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let &x = self.s.as_bytes().get(i)?;
        if x < 0x80 {
            Some((x as char, 1))
        } else {
            self.s[i..].chars().next().map(|c| (c, c.len_utf8()))
        }
    }

    /// Whether the char at slice byte `i` is alphanumeric (`false` past the end).
    #[inline]
    fn alnum_at(&self, i: usize) -> bool {
        match self.s.as_bytes().get(i) {
            None => false,
            Some(&x) if x < 0x80 => x.is_ascii_alphanumeric(),
            Some(_) => self.s[i..].chars().next().is_some_and(is_alnum),
        }
    }

    /// Whether the char at slice byte `i` is an ASCII digit (`false` past the end).
    #[inline]
    fn digit_at(&self, i: usize) -> bool {
        self.s.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let b = self.s.as_bytes();
        let n = b.len();
        let mut i = self.i;
        // Outside a word: only a letter, a digit, `@` or `#` starts one.
        let st = loop {
            let Some(&x) = b.get(i) else {
                self.i = n;
                return None;
            };
            match CLASS[x as usize] {
                ALNUM | SIGIL => {
                    i += 1;
                    break i - 1;
                }
                NON_ASCII => {
                    let (c, len) = self.char_at(i).expect("in bounds");
                    i += len;
                    if is_alnum(c) {
                        break i - len;
                    }
                }
                _ => i += 1,
            }
        };
        // Inside a word (`i > st`, so `b[i - 1]` is in the word).
        loop {
            // (a run of ASCII letters and digits, most of a word, in a tight loop)
            while i < n && CLASS[b[i] as usize] == ALNUM {
                i += 1;
            }
            let Some(&x) = b.get(i) else {
                self.i = n;
                return Some(self.base + st..self.base + n);
            };
            let (word_char, len, c) = match CLASS[x as usize] {
                ALNUM => {
                    i += 1;
                    continue;
                }
                OTHER | SIGIL => (false, 1, x as char),
                INNER => (self.alnum_at(i + 1), 1, x as char),
                COMMA => (b[i - 1].is_ascii_digit() && self.digit_at(i + 1), 1, ','),
                _ => {
                    let (c, len) = self.char_at(i).expect("in bounds");
                    let w = is_alnum(c) || (c == '’' && self.alnum_at(i + len));
                    (w, len, c)
                }
            };
            if word_char {
                i += len;
                continue;
            }
            let mut end = i;
            if c == '.' && b[st].is_ascii_uppercase() && is_abbreviation_before(self.s, i) {
                end = i + 1;
            }
            self.i = i + len;
            return Some(self.base + st..self.base + end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        let ps = paragraphs(t);
        sentences(t, &ps)
            .iter()
            .map(|s| &t[s.range.clone()])
            .collect()
    }

    #[test]
    fn sentences_respect_abbreviations_initials_and_decimals() {
        assert_eq!(
            sents("Gov. Linda Marsh said rates rose 4.5% in the U.S. economy. J. Smith agreed. \"Yes,\" he said. \"Never.\" Then.\nNext para"),
            vec![
                "Gov. Linda Marsh said rates rose 4.5% in the U.S. economy.",
                "J. Smith agreed.",
                "\"Yes,\" he said.",
                "\"Never.\"",
                "Then.",
                "Next para"
            ]
        );
        assert_eq!(
            sents("Mr. Smith left. Dr Jones stayed!"),
            vec!["Mr. Smith left.", "Dr Jones stayed!"]
        );
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviation_dots() {
        let t = "Gov. Smith’s anti-war U.S. 4.5% 'drivers' union' said: it's @NATOpress.";
        let w: Vec<&str> = words(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            w,
            vec![
                "Gov.",
                "Smith’s",
                "anti-war",
                "U.S.",
                "4.5",
                "drivers",
                "union",
                "said",
                "it's",
                "@NATOpress"
            ]
        );
    }

    /// The scanner before it was made lazy, kept as the reference the iterator must match.
    fn words_reference(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        if range.start >= range.end {
            return Vec::new();
        }
        let s = &text[range.clone()];
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut cur: Option<usize> = None;
        let char_at = |i: usize| -> Option<(char, usize)> {
            let &x = b.get(i)?;
            if x < 0x80 {
                Some((x as char, 1))
            } else {
                s[i..].chars().next().map(|c| (c, c.len_utf8()))
            }
        };
        let mut i = 0;
        while let Some((c, len)) = char_at(i) {
            let alnum = c.is_alphanumeric();
            let word_char = alnum || {
                let next = char_at(i + len).map(|(d, _)| d);
                (matches!(c, '\'' | '’' | '-' | '.' | '&')
                    && cur.is_some()
                    && next.is_some_and(char::is_alphanumeric))
                    || (c == ','
                        && cur.is_some()
                        && i > 0
                        && b[i - 1].is_ascii_digit()
                        && next.is_some_and(|d| d.is_ascii_digit()))
                    || (matches!(c, '@' | '#') && cur.is_none())
            };
            if word_char {
                if cur.is_none() {
                    cur = Some(i);
                }
            } else if let Some(st) = cur.take() {
                let mut end = i;
                if c == '.' && b[st].is_ascii_uppercase() && is_abbreviation_before(s, i) {
                    end = i + 1;
                }
                out.push(range.start + st..range.start + end);
            }
            i += len;
        }
        if let Some(st) = cur {
            out.push(range.start + st..range.end);
        }
        out
    }

    #[test]
    fn lazy_words_agree_with_the_reference_scanner_on_every_subrange() {
        let t = "Gov. Smith’s anti-war U.S. 4.5% 'drivers' union' said: it's @NATOpress. \
                 Dr. Ané Ölund-Kraft, 1,200 km #tag R&D—“Yes,” J. Doe’s 3,4,5 end.’x ’ a’";
        for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            for to in (from..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let expected = words_reference(t, from..to);
                assert_eq!(words(t, from..to), expected, "{from}..{to}");
                for limit in 0..4 {
                    assert_eq!(
                        word_count_upto(t, from..to, limit),
                        expected.len().min(limit),
                        "{from}..{to} limit {limit}"
                    );
                }
            }
        }
    }

    /// The sentence splitter before it jumped between terminals, kept as the reference.
    fn sentences_reference(text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            let body = &text[p.clone()];
            let mut start = 0usize;
            let mut iter = body.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                if !matches!(c, '.' | '?' | '!' | '…') {
                    continue;
                }
                if c == '.' && is_abbreviation_before(body, i) {
                    continue;
                }
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '.' | '?' | '!' | '…') || is_closing_punct(d) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let rest = &body[end..];
                let trimmed = rest.trim_start();
                if trimmed.len() == rest.len() {
                    continue;
                }
                match trimmed.chars().next() {
                    Some(n) if is_sentence_opener(n) => {
                        out.push(Sentence {
                            range: p.start + start..p.start + end,
                            paragraph: pi,
                        });
                        start = end + (rest.len() - trimmed.len());
                    }
                    _ => {}
                }
            }
            if start < body.len() {
                out.push(Sentence {
                    range: p.start + start..p.end,
                    paragraph: pi,
                });
            }
        }
        out
    }

    #[test]
    fn sentences_agree_with_the_reference_splitter() {
        let pieces = [
            "Gov.", " ", "Smith", ".", "?", "!", "…", "”", "’", ")", " A", " a", "4.5", "U.S.",
            "J.", "\n", "“", "é", "—", "...", "?!", "Mr. ", "\"", "'",
        ];
        let mut seed = 5u64;
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..(seed % 14) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[((seed >> 33) % pieces.len() as u64) as usize]);
            }
            let ps = paragraphs(&t);
            assert_eq!(sentences(&t, &ps), sentences_reference(&t, &ps), "{t:?}");
        }
    }

    /// The table answers `words` for every range of a text with awkward edges (inner
    /// marks, abbreviation dots, sigils, digits with commas, non-ASCII letters).
    #[test]
    fn word_table_agrees_with_words_on_every_range() {
        let t = "Gov. Smith’s anti-war U.S. 4.5% 'drivers' union' said: it's @NATOpress.\n\
                 Dr. Ané Ölund-Kraft, 1,200 km #tag R&D—“Yes,” J. Doe’s 3,4,5 end.’x ’ a’ ..Xy. z \
                 Mr.Smith. foo#bar x@y (Ann) \"Bo,\" é.A. -.5 'U.S.' [Jo]—Al’s; Q.,R.";
        let table = WordTable::new(t);
        assert_eq!(table.all(), words(t, 0..t.len()).as_slice());
        let b = t.as_bytes();
        let ws = |i: usize| b.get(i).is_some_and(u8::is_ascii_whitespace);
        // (ranges borrowed although an edge is not next to whitespace: "Smith" of "Smith,")
        let mut inner_edges = 0;
        for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            for to in (from..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let got = table.words(t, from..to);
                assert_eq!(&*got, words(t, from..to).as_slice(), "{from}..{to}");
                let ws_edges = (from == 0 || ws(from - 1) || ws(from))
                    && (to == 0 || to >= t.len() || ws(to - 1) || ws(to));
                inner_edges +=
                    usize::from(matches!(got, Cow::Borrowed(w) if !w.is_empty()) && !ws_edges);
            }
        }
        assert!(inner_edges > 1_000, "{inner_edges}");
    }

    #[test]
    fn word_table_first_words_agree_with_first_words_on_every_range() {
        let t = "Gov. Smith’s anti-war U.S. 4.5% 'drivers' union' said: it's @NATOpress.\n\
                 Dr. Ané Ölund-Kraft, 1,200 km #tag R&D—“Yes,” J. Doe’s 3,4,5 end.’x ’ a’ ..Xy. z";
        let table = WordTable::new(t);
        let mut borrowed = 0;
        for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            for to in (from..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for n in [0, 1, 2, 4, 25] {
                    let got = table.first_words(t, from..to, n);
                    borrowed += usize::from(matches!(got, Cow::Borrowed(w) if !w.is_empty()));
                    assert_eq!(
                        &*got,
                        first_words(t, from..to, n).as_slice(),
                        "{from}..{to} {n}"
                    );
                }
            }
        }
        // (the table answers most ranges: the test covers the borrowed path)
        assert!(borrowed > 5_000, "{borrowed}");
    }

    #[test]
    fn word_buf_gives_the_words_in_order() {
        let t = "Gov. Smith’s anti-war U.S. 4.5% said: it's @NATOpress.";
        let all = words(t, 3..t.len());
        let mut buf = WordBuf::new(t, 3..t.len());
        assert_eq!(buf.get(2), Some(all[2].clone()));
        for (i, w) in all.iter().enumerate() {
            assert_eq!(buf.get(i).as_ref(), Some(w));
        }
        assert_eq!(buf.get(all.len()), None);
        assert_eq!(buf.get(all.len() + 3), None);
    }

    #[test]
    fn lowercase_agrees_with_to_lowercase() {
        for w in ["said", "Said", "U.S.", "ÉLAN", "élan", "it’s", "4.5", ""] {
            assert_eq!(lowercase(w).as_str(), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lowercase("said").0, LowerRepr::Borrowed(_)));
        assert!(matches!(lowercase("Said").0, LowerRepr::Inline(..)));
        assert!(matches!(lowercase("ÉLAN").0, LowerRepr::Owned(_)));
        let long = "A".repeat(INLINE + 1);
        assert_eq!(lowercase(&long).as_str(), long.to_lowercase());
        assert_eq!(
            lowercase(&long[..INLINE]).as_str(),
            long[..INLINE].to_lowercase()
        );
    }

    #[test]
    fn is_alnum_agrees_with_is_alphanumeric() {
        for c in (0..=0x3_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn offset_map_counts_code_points() {
        let t = "a’b😀c";
        let m = OffsetMap::new(t);
        assert_eq!(m.char_at(t.len()), 5);
        assert_eq!(m.char_at(t.find('c').unwrap()), 4);
    }
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
