//! Article text from an HTML page: paragraphs, headings, list items, blockquotes and
//! table rows, one paragraph per line; page furniture dropped.
//!
//! It uses html5ever's tokenizer, not a tree builder: the reader only needs to know which
//! element the text is in, and the tokenizer is fast and handles any tag soup. Dropped
//! with everything inside them: `script`, `style`, `noscript`, `template`, `svg`,
//! `nav`, `aside`, `form` and its controls, `iframe`, and `header`/`footer` (except a
//! `header` inside `<article>`, which holds the article's own headline). The title is
//! the `<title>`, else the first `<h1>`; `url` and `date` come from the canonical link
//! and the usual publication-date meta tags when present.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;

use super::Parts;

/// Elements dropped with all their content.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form", "iframe",
    "button", "select", "textarea", "header", "footer", "object", "canvas", "dialog", "menu",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "figure",
    "figcaption",
    "br",
    "hr",
    "address",
    "caption",
    "body",
    "center",
    "details",
    "summary",
    "thead",
    "tbody",
];

#[derive(Default)]
struct State {
    /// The article text so far: finished paragraphs, one per line.
    text: String,
    current: String,
    /// Open dropped elements as indexes into [`DROPPED`] (innermost last); text is
    /// ignored while any is open.
    dropped: Vec<usize>,
    /// How many of each dropped element are open.
    open: [u32; DROPPED.len()],
    in_head: bool,
    in_title: bool,
    title: String,
    h1_depth: u32,
    h1: String,
    first_h1: Option<String>,
    article_depth: u32,
    url: Option<String>,
    canonical: Option<String>,
    date: Option<String>,
}

impl State {
    fn flush(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            self.text.push_str(p);
        }
        self.current.clear();
    }

    fn push_text(&mut self, s: &str) {
        if self.in_title {
            self.title.push_str(s);
            return;
        }
        if self.in_head || !self.dropped.is_empty() {
            return;
        }
        if self.h1_depth > 0 {
            self.h1.push_str(s);
        }
        // Whitespace runs collapse to one space, whole words are copied at once.
        let mut words = s.split_whitespace();
        let Some(first) = words.next() else {
            if !s.is_empty() && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            return;
        };
        if s.starts_with(char::is_whitespace)
            && !self.current.is_empty()
            && !self.current.ends_with(' ')
        {
            self.current.push(' ');
        }
        self.current.push_str(first);
        for w in words {
            self.current.push(' ');
            self.current.push_str(w);
        }
        if s.ends_with(char::is_whitespace) {
            self.current.push(' ');
        }
    }

    fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
        tag.attrs
            .iter()
            .find(|a| (*a.name.local).eq_ignore_ascii_case(name))
            .map(|a| a.value.trim())
            .filter(|v| !v.is_empty())
    }

    fn meta(&mut self, tag: &Tag) {
        let key = State::attr(tag, "property")
            .or_else(|| State::attr(tag, "name"))
            .or_else(|| State::attr(tag, "itemprop"))
            .map(str::to_ascii_lowercase);
        let (Some(key), Some(content)) = (key, State::attr(tag, "content")) else {
            return;
        };
        match key.as_str() {
            "og:url" if self.url.is_none() => self.url = Some(content.to_string()),
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publish-date"
            | "dc.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date"
                if self.date.is_none() =>
            {
                self.date = Some(content.to_string())
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag) -> Option<RawKind> {
        let name: &str = &tag.name;
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        match name {
            "head" => self.in_head = true,
            "body" => self.in_head = false,
            "title" if self.dropped.is_empty() && !tag.self_closing && self.title.is_empty() => {
                self.in_title = true
            }
            "meta" => self.meta(tag),
            "link"
                if State::attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.canonical = State::attr(tag, "href").map(str::to_string);
            }
            "time" if self.date.is_none() && self.dropped.is_empty() => {
                self.date = State::attr(tag, "datetime").map(str::to_string)
            }
            _ => {}
        }
        if tag.self_closing && raw.is_none() {
            if BLOCKS.contains(&name) {
                self.flush();
            }
            return None;
        }
        if name == "article" {
            self.article_depth += 1;
        }
        if let Some(kind) = DROPPED.iter().position(|d| *d == name) {
            if !(name == "header" && self.article_depth > 0) {
                self.dropped.push(kind);
                self.open[kind] += 1;
            }
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if name == "h1" {
            self.h1_depth += 1;
        }
        if matches!(name, "td" | "th") {
            self.push_text(" ");
        }
        raw
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        match name {
            "head" => self.in_head = false,
            "title" => self.in_title = false,
            "article" => self.article_depth = self.article_depth.saturating_sub(1),
            "h1" => {
                self.h1_depth = self.h1_depth.saturating_sub(1);
                if self.h1_depth == 0 && self.first_h1.is_none() {
                    let h = collapse(&self.h1);
                    if !h.is_empty() {
                        self.first_h1 = Some(h);
                    }
                }
                self.h1.clear();
            }
            _ => {}
        }
        // Only scan when such an element is open: a stray end tag costs nothing, and a
        // scan that finds its element removes what it passed over (linear overall).
        if let Some(kind) = DROPPED.iter().position(|d| *d == name) {
            if self.open[kind] > 0 {
                while let Some(top) = self.dropped.pop() {
                    self.open[top] -= 1;
                    if top == kind {
                        break;
                    }
                }
            }
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    if let Some(kind) = st.start(&tag) {
                        return TokenSinkResult::RawData(kind);
                    }
                }
                TagKind::EndTag => st.end(&tag),
            },
            Token::CharacterTokens(t) => st.push_text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Feeds at most this many bytes to the tokenizer at a time (tendrils are capped at 4 GB).
const FEED_BYTES: usize = 1 << 20;

/// Extracts the article from decoded HTML.
pub fn html_article(html: &str) -> Parts {
    let tok = Tokenizer::new(
        Sink(RefCell::new(State::default())),
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(FEED_BYTES);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        input.push_back(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        while let TokenizerResult::Script(()) = tok.feed(&input) {}
    }
    tok.end();
    let mut st = tok.sink.0.into_inner();
    st.flush();
    let title = Some(collapse(&st.title))
        .filter(|t| !t.is_empty())
        .or(st.first_h1.take());
    Parts {
        id: None,
        title,
        text: Some(st.text),
        url: st.canonical.or(st.url),
        date: st.date,
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_lists_one_per_line_furniture_dropped() {
        let html = r#"<!doctype html><html><head><title> Budget  news </title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
<link rel="canonical" href="https://ex.com/a"><meta property="article:published_time" content="2024-05-01">
</head><body><header><nav><a href="/">Home</a></nav></header>
<article><header><h1>Budget   passes</h1></header>
<p>The minister said: &ldquo;It is done.&rdquo;</p>
<p>Second <b>para</b>
graph.</p><ul><li>One</li><li>Two</li></ul>
<blockquote>Quoted block</blockquote><aside>Related: other</aside>
<form><label>Subscribe</label></form></article>
<footer>Copyright</footer><noscript>Enable JS</noscript></body></html>"#;
        let p = html_article(html);
        assert_eq!(
            p.text.as_deref(),
            Some("Budget passes\nThe minister said: \u{201c}It is done.\u{201d}\nSecond para graph.\nOne\nTwo\nQuoted block")
        );
        assert_eq!(p.title.as_deref(), Some("Budget news"));
        assert_eq!(p.url.as_deref(), Some("https://ex.com/a"));
        assert_eq!(p.date.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn title_falls_back_to_the_first_h1() {
        let p = html_article("<h1>Main <i>story</i></h1><p>x</p><h1>Other</h1>");
        assert_eq!(p.title.as_deref(), Some("Main story"));
    }

    #[test]
    fn unclosed_tags_and_tag_soup_do_not_lose_text() {
        let p = html_article("<p>one<p>two<div>three</span></i><br>four");
        assert_eq!(p.text.as_deref(), Some("one\ntwo\nthree\nfour"));
    }

    #[test]
    fn script_end_tag_inside_a_string_is_handled_like_a_browser() {
        let p = html_article("<script>if (a < b) { document.write('<p>x'); }</script><p>Real</p>");
        assert_eq!(p.text.as_deref(), Some("Real"));
    }

    #[test]
    fn closing_a_dropped_element_closes_unclosed_ones_inside_it() {
        let p = html_article("<nav><form><p>menu</nav><p>after</p></aside><p>still</p>");
        assert_eq!(p.text.as_deref(), Some("after\nstill"));
        let p = html_article(&format!(
            "{}<p>x</p>{}",
            "<aside>".repeat(3),
            "</aside>".repeat(2)
        ));
        assert_eq!(p.text.as_deref(), Some(""));
    }

    #[test]
    fn no_article_text_gives_empty_text() {
        let p = html_article(
            "<html><head><title>Only a title</title></head><body><nav>menu</nav></body></html>",
        );
        assert_eq!(p.text.as_deref(), Some(""));
        assert_eq!(p.title.as_deref(), Some("Only a title"));
    }
}
