//! Quote-mark pairing: every style (`"…"`, `“…”`, `‘…’`, `'…'`, `«…»`, `„…“`), apostrophes
//! told apart from single quotes, nesting (only outermost spans are reported; nested quotes
//! stay inside their content), and quotes running over several paragraphs (each paragraph
//! opens with a mark, only the last closes).
//!
//! One left-to-right pass per paragraph with a small stack: linear in the text, and a stray
//! mark never swallows the rest of the article (an unclosed opening mark is dropped at the
//! end of its paragraph unless the next paragraph continues the quote).

// A one-piece quote is a `Vec` of one content range by design (pieces of a quote).
#![allow(clippy::single_range_in_vec_init)]

use std::ops::Range;

/// The family of a quote mark: which marks close which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    /// `„` (closed by `“` or `”`).
    Low,
}

/// One quotation in marks: its content pieces (one per paragraph), byte ranges without the
/// marks, and the byte range from the first opening mark to after the last closing mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub pieces: Vec<Range<usize>>,
    pub outer: Range<usize>,
    pub family: Family,
    /// Whether the last piece ends with a closing mark (false only for a multi-paragraph
    /// quote cut off at the end of the article).
    pub closed: bool,
}

impl QuoteSpan {
    /// The content from the first piece start to the last piece end.
    pub fn content(&self) -> Range<usize> {
        self.pieces[0].start..self.pieces[self.pieces.len() - 1].end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight `"`: decided by context and the stack.
    Either,
}

fn classify(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '"' => (Family::Double, Role::Either),
        '“' => (Family::Double, Role::Either),
        '”' => (Family::Double, Role::Close),
        '\'' | '’' => (Family::Single, Role::Either),
        '‘' => (Family::Single, Role::Open),
        '«' => (Family::Guillemet, Role::Open),
        '»' => (Family::Guillemet, Role::Close),
        '„' => (Family::Low, Role::Open),
        _ => return None,
    })
}

fn is_open_context_before(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '"' | '‘' | '«' | '„'
                )
        }
    }
}

fn is_close_context_after(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => n.is_whitespace() || (!n.is_alphanumeric() && !matches!(n, '#' | '@')),
    }
}

/// Every outermost quotation in marks, in text order.
pub fn quote_spans(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    // A quote left open at the end of the previous paragraph: (pieces so far, outer start, family).
    let mut pending: Option<(Vec<Range<usize>>, usize, Family)> = None;
    for p in paragraphs {
        let body = &text[p.clone()];
        let continues = pending.as_ref().is_some_and(|(_, _, fam)| {
            body.chars()
                .next()
                .and_then(classify)
                .is_some_and(|(f, r)| same_family(*fam, f) && r != Role::Close)
        });
        let carried = if continues { pending.take() } else { None };
        pending = None;
        let (pairs, open_tail) = scan_paragraph(text, p.clone());
        let mut pairs = pairs.into_iter().peekable();
        let mut tail = open_tail;
        if let Some((mut pieces, start, fam)) = carried {
            // The paragraph's first span continues the carried quote.
            let first_open = p.start;
            match pairs.peek() {
                Some((open, _, _)) if *open == first_open => {
                    let (_, close, clen) = pairs.next().unwrap();
                    let oclen = text[first_open..].chars().next().unwrap().len_utf8();
                    pieces.push(first_open + oclen..close);
                    out.push(QuoteSpan {
                        pieces,
                        outer: start..close + clen,
                        family: fam,
                        closed: true,
                    });
                }
                _ => {
                    if let Some((open, f)) = tail {
                        if open == first_open {
                            let oclen = text[open..].chars().next().unwrap().len_utf8();
                            pieces.push(open + oclen..p.end);
                            pending = Some((pieces, start, fam));
                            tail = None;
                            let _ = f;
                        }
                    }
                }
            }
        }
        for (open, close, clen) in pairs {
            let oclen = text[open..].chars().next().unwrap().len_utf8();
            let fam = classify(text[open..].chars().next().unwrap()).unwrap().0;
            out.push(QuoteSpan {
                pieces: vec![open + oclen..close],
                outer: open..close + clen,
                family: fam,
                closed: true,
            });
        }
        if let Some((open, fam)) = tail {
            let oclen = text[open..].chars().next().unwrap().len_utf8();
            if open + oclen < p.end {
                pending = Some((vec![open + oclen..p.end], open, fam));
            }
        }
    }
    if let Some((pieces, start, fam)) = pending {
        // Only a quote that spans paragraphs is kept unclosed at the end of the article.
        if pieces.len() > 1 {
            let end = pieces[pieces.len() - 1].end;
            out.push(QuoteSpan {
                pieces,
                outer: start..end,
                family: fam,
                closed: false,
            });
        }
    }
    out.sort_by_key(|s| s.outer.start);
    out
}

fn same_family(a: Family, b: Family) -> bool {
    a == b
        || matches!(
            (a, b),
            (Family::Low, Family::Double) | (Family::Double, Family::Low)
        )
}

/// The first byte in `s` that can start a quote mark: `"`, `'`, or the lead byte of a two-
/// or three-byte mark (`«` `»` start with 0xC2; `“` `”` `‘` `’` `„` with 0xE2). `memchr`
/// finds the nearest of the three frequent ones, then the stretch before it is searched for
/// 0xC2.
#[inline]
fn next_mark_lead(s: &[u8]) -> Option<usize> {
    let hit = memchr::memchr3(b'"', b'\'', 0xE2, s);
    let upto = hit.unwrap_or(s.len());
    memchr::memchr(0xC2, &s[..upto]).or(hit)
}

/// How far ahead to look for a better closing single quote than a possessive `s'`.
const LOOKAHEAD: usize = 400;

/// Pairs in one paragraph: (open byte, close byte, close mark length), outermost only, and
/// the outermost mark left open at the end (a candidate for a multi-paragraph quote).
#[allow(clippy::type_complexity)]
fn scan_paragraph(
    text: &str,
    p: Range<usize>,
) -> (Vec<(usize, usize, usize)>, Option<(usize, Family)>) {
    let body = &text[p.clone()];
    let mut pairs = Vec::new();
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let bytes = body.as_bytes();
    let mut from = 0;
    // Only the marks matter, and each decision looks at the chars on either side of its
    // mark: jump from one possible mark to the next instead of decoding every char.
    while let Some(k) = next_mark_lead(&bytes[from..]) {
        let i = from + k;
        let c = body[i..].chars().next().expect("char boundary");
        from = i + c.len_utf8();
        let Some((fam, role)) = classify(c) else {
            continue;
        };
        let prev = body[..i].chars().next_back();
        let next = body[from..].chars().next();
        let abs = p.start + i;
        let open_ctx = is_open_context_before(prev) && next.is_some_and(|n| !n.is_whitespace());
        let close_ctx = prev.is_some_and(|q| !q.is_whitespace()) && is_close_context_after(next);
        let has_open =
            |st: &Vec<(Family, usize)>, f: Family| st.iter().any(|(g, _)| same_family(*g, f));
        let mut act = match (fam, role) {
            (Family::Single, _) if c != '‘' => {
                let letters_both = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if letters_both {
                    None // it's, can't
                } else if close_ctx && has_open(&stack, Family::Single) {
                    // "drivers' union": a possessive when a better close follows.
                    let possessive = matches!(prev, Some('s' | 'S'))
                        && next == Some(' ')
                        && body[i + c.len_utf8()..]
                            .chars()
                            .nth(1)
                            .is_some_and(char::is_lowercase)
                        && better_single_close_ahead(body, i + c.len_utf8());
                    if possessive {
                        None
                    } else {
                        Some(Role::Close)
                    }
                } else if open_ctx
                    && next
                        .is_some_and(|n| n.is_alphanumeric() || matches!(n, '"' | '“' | '…' | '.'))
                {
                    Some(Role::Open)
                } else {
                    None
                }
            }
            (_, Role::Either) => {
                if close_ctx && has_open(&stack, fam) {
                    Some(Role::Close)
                } else if open_ctx {
                    Some(Role::Open)
                } else if has_open(&stack, fam) {
                    Some(Role::Close)
                } else {
                    None
                }
            }
            (_, r) => Some(r),
        };
        // A straight or curly double in opening position while one is already open (and
        // not nested inside a single quote) means the earlier one was stray.
        if act == Some(Role::Open)
            && fam == Family::Double
            && !close_ctx
            && stack.last().is_some_and(|(g, _)| *g == Family::Double)
        {
            stack.pop();
        }
        if act == Some(Role::Close) && !has_open(&stack, fam) {
            act = None;
        }
        match act {
            Some(Role::Open) => stack.push((fam, abs)),
            Some(Role::Close) => {
                while let Some((g, o)) = stack.pop() {
                    if same_family(g, fam) {
                        if stack.is_empty() {
                            pairs.push((o, abs, c.len_utf8()));
                        }
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    let tail = stack.first().map(|&(f, o)| (o, f));
    (pairs, tail)
}

/// Whether a plausible closing single quote (not itself an apostrophe between letters)
/// follows within [`LOOKAHEAD`] bytes.
fn better_single_close_ahead(body: &str, from: usize) -> bool {
    let end = (from + LOOKAHEAD).min(body.len());
    let mut end = end;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let s = &body[from..end];
    let mut prev: Option<char> = None;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        let next = it.peek().copied();
        if matches!(c, '\'' | '’')
            && prev.is_some_and(|p| !p.is_whitespace())
            && !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric))
            && is_close_context_after(next)
            && !(matches!(prev, Some('s' | 'S')) && next == Some(' '))
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn spans(t: &str) -> Vec<String> {
        let ps = paragraphs(t);
        quote_spans(t, &ps)
            .iter()
            .map(|s| {
                s.pieces
                    .iter()
                    .map(|r| &t[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn every_style_pairs() {
        assert_eq!(
            spans(r#"He said "a b" and “c d” and ‘e f’ and «g h» and „i j“."#),
            vec!["a b", "c d", "e f", "g h", "i j"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            spans("It's the Smiths' farm and the drivers’ union, Harwell’s said."),
            Vec::<String>::new()
        );
        assert_eq!(
            spans("'It's not that we're against it,' said Mrs Smith. 'But no.'"),
            vec!["It's not that we're against it,", "But no."]
        );
        assert_eq!(
            spans("The site, known as ‘the Crumpet Works’, makes rolls."),
            vec!["the Crumpet Works"]
        );
        assert_eq!(
            spans("'The drivers' union will not budge,' he said."),
            vec!["The drivers' union will not budge,"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            spans(
                r#""The governor told us, 'Send me a cap and I'll sign it.' This was it," he said."#
            ),
            vec!["The governor told us, 'Send me a cap and I'll sign it.' This was it,"]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_span() {
        let t = "He said: “One.\n\n“Two.\n\n“Three.”\n\nAfter.";
        assert_eq!(spans(t), vec!["One. | Two. | Three."]);
    }

    #[test]
    fn stray_mark_does_not_swallow_the_article() {
        let t = "A stray \" mark here.\n\n\"Real quote,\" she said.\n\nAnd 'another' one.";
        assert_eq!(spans(t), vec!["Real quote,", "another"]);
        let t = "He said \"unclosed here. Then \"Closed quote,\" she said.";
        assert_eq!(spans(t), vec!["Closed quote,"]);
    }

    #[test]
    fn many_marks_are_linear() {
        let t = "\"a\" ".repeat(50_000) + &"'".repeat(50_000);
        let s = quote_spans(&t, &paragraphs(&t));
        assert_eq!(s.len(), 50_000);
    }
}
