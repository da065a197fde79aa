//! Which reader a file goes to (by extension), and the plain-text readers: `.txt`, `.md`
//! and files with an unknown extension.
//!
//! Plain text is kept exactly as decoded (line ends normalised): the dataset's offsets
//! index into it, so nothing is reflowed. The title is the first non-empty line; for
//! Markdown its leading `#`s are stripped and a YAML front-matter `title:` wins.

use super::compression::Compression;
use super::Parts;

/// What an input file holds, from its extension (after any compression extension).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// One article object.
    Json,
    /// One article object per line.
    Jsonl,
    /// Any other extension (lowercased, without the dot; empty when there is none):
    /// read as plain text when it decodes as text, noted in the record.
    Unknown(String),
}

impl Format {
    /// The format and compression of a file, from its name (case-insensitive).
    pub fn from_name(name: &str) -> (Format, Compression) {
        let compression = Compression::from_name(name);
        let stem = &name[..name.len() - compression.extension_len(name)];
        let ext = match stem.rfind('.') {
            Some(dot) if dot > 0 => stem[dot + 1..].to_ascii_lowercase(),
            _ => String::new(),
        };
        let format = match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => Format::Unknown(ext),
        };
        (format, compression)
    }

    /// The note an `ok` record from this format carries (only unknown extensions do).
    pub fn note(&self) -> Option<String> {
        match self {
            Format::Unknown(ext) if ext.is_empty() => {
                Some("no extension: read as plain text".into())
            }
            Format::Unknown(ext) => Some(format!("unknown extension .{ext}: read as plain text")),
            _ => None,
        }
    }
}

/// A plain-text article: the text as decoded, the title from its first non-empty line.
pub fn text_article(text: String) -> Parts {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    Parts {
        title,
        text: Some(text),
        ..Parts::default()
    }
}

/// A Markdown article: the text as decoded; the title from YAML front matter's
/// `title:`, else the first non-empty line outside the front matter, without `#`s.
pub fn markdown_article(text: String) -> Parts {
    let mut lines = text.lines().peekable();
    let mut front_title = None;
    if lines.peek().map(|l| l.trim_end()) == Some("---") {
        lines.next();
        for line in lines.by_ref() {
            let t = line.trim();
            if t == "---" || t == "..." {
                break;
            }
            if let Some(v) = t.strip_prefix("title:") {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                if !v.is_empty() {
                    front_title = Some(v.to_string());
                }
            }
        }
    }
    let title = front_title.or_else(|| {
        lines
            .map(|l| {
                l.trim()
                    .trim_start_matches('#')
                    .trim_end_matches('#')
                    .trim()
            })
            .find(|l| !l.is_empty())
            .map(str::to_string)
    });
    Parts {
        title,
        text: Some(text),
        ..Parts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension_under_the_compression() {
        assert_eq!(
            Format::from_name("a.TXT"),
            (Format::Text, Compression::None)
        );
        assert_eq!(
            Format::from_name("a.jsonl.gz"),
            (Format::Jsonl, Compression::Gzip)
        );
        assert_eq!(
            Format::from_name("b.htm.zst"),
            (Format::Html, Compression::Zstd)
        );
        assert_eq!(
            Format::from_name("c.csv"),
            (Format::Unknown("csv".into()), Compression::None)
        );
        assert_eq!(
            Format::from_name("README"),
            (Format::Unknown(String::new()), Compression::None)
        );
        assert_eq!(
            Format::from_name("x.gz"),
            (Format::Unknown(String::new()), Compression::Gzip)
        );
    }

    #[test]
    fn text_title_is_the_first_non_empty_line() {
        let p = text_article("\n\n  Minister resigns  \nBody.".into());
        assert_eq!(p.title.as_deref(), Some("Minister resigns"));
        assert_eq!(p.text.as_deref(), Some("\n\n  Minister resigns  \nBody."));
    }

    #[test]
    fn markdown_title_loses_its_hashes() {
        let p = markdown_article("\n## Storm hits coast ##\n\nText".into());
        assert_eq!(p.title.as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn markdown_front_matter_title_wins() {
        let p = markdown_article("---\nauthor: x\ntitle: \"Budget vote\"\n---\n# Other\n".into());
        assert_eq!(p.title.as_deref(), Some("Budget vote"));
        let p = markdown_article("---\nauthor: x\n---\n# Heading\n".into());
        assert_eq!(p.title.as_deref(), Some("Heading"));
    }
}
