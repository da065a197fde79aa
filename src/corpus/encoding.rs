//! Turning the raw bytes of a text input into a Rust string, and saying what was assumed.
//!
//! News archives mix encodings: UTF-8 with and without a byte order mark, UTF-16 from
//! Windows tools, Windows-1252 from older CMSs, and the odd corrupted byte. Decoding
//! never fails on text: when the bytes are not valid UTF-8 the decoder picks the most
//! plausible reading and returns a note that the `articles` row carries in `error`
//! (status stays `ok`), so a researcher can find and re-check those rows. Only bytes
//! that are not text at all (NUL bytes, mostly control bytes) are refused.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// A decoded text input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with line ends normalised to `\n` and any byte order mark removed.
    pub text: String,
    /// What was assumed while decoding, when it was not plain UTF-8.
    pub note: Option<String>,
}

/// Why bytes were not decoded as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

/// How many leading bytes are inspected for control characters.
const SNIFF_BYTES: usize = 64 * 1024;

/// Decodes `bytes` as text (see the module docs for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_owned(bytes.to_vec(), None)
}

/// Like [`decode`], with an encoding declared by the document itself (an HTML
/// `<meta charset>`), used when the bytes are not valid UTF-8.
pub fn decode_with_hint(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, NotText> {
    decode_owned(bytes.to_vec(), declared)
}

/// Decodes owned bytes: valid UTF-8 (nearly every file) becomes the `String` without a
/// copy.
pub fn decode_owned(
    mut bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, NotText> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return decode_utf8(bytes, declared);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            let mut note = format!("decoded as {} (byte order mark)", enc.name());
            if had_errors {
                note.push_str("; malformed code units replaced by U+FFFD");
            }
            if text.contains('\0') {
                return Err(NotText(format!(
                    "binary file: NUL character in {} text",
                    enc.name()
                )));
            }
            return Ok(Decoded {
                text: normalize_line_ends(text.into_owned()),
                note: Some(note),
            });
        }
    }
    decode_utf8(bytes, declared)
}

fn decode_utf8(bytes: Vec<u8>, declared: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(NotText(format!("binary file: NUL byte at offset {at}")));
    }
    let sniff = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = sniff.iter().filter(|&&b| is_binary_control(b)).count();
    if controls > 0 && controls * 10 > sniff.len() {
        return Err(NotText(format!(
            "binary file: {controls} control bytes in the first {} bytes",
            sniff.len()
        )));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: normalize_line_ends(s),
            note: None,
        }),
        Err(e) => {
            let first_bad = e.utf8_error().valid_up_to();
            Ok(decode_non_utf8(e.as_bytes(), first_bad, declared))
        }
    }
}

/// C0 controls other than the whitespace ones, and DEL: rare in text, common in binaries.
fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// Counts (valid multi-byte UTF-8 sequences, invalid sequences) in `bytes`.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let mut valid_multi = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (valid_multi, invalid)
}

fn decode_non_utf8(bytes: &[u8], first_bad: usize, declared: Option<&'static Encoding>) -> Decoded {
    let (valid_multi, invalid) = utf8_evidence(bytes);
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _, had_errors) = enc.decode(bytes);
        let mut note = format!(
            "not valid UTF-8 (first invalid byte at offset {first_bad}); decoded as {} (declared by the document)",
            enc.name()
        );
        if had_errors {
            note.push_str("; undecodable bytes replaced by U+FFFD");
        }
        return Decoded {
            text: normalize_line_ends(text.into_owned()),
            note: Some(note),
        };
    }
    // Mostly well-formed UTF-8 with a few bad bytes: a corrupted UTF-8 file, not a
    // legacy encoding. Otherwise Windows-1252 (a superset of Latin-1 as browsers read
    // it), unless its undefined bytes show it is not that either.
    let win1252_undefined = bytes
        .iter()
        .filter(|&&b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
        .count();
    if valid_multi <= invalid && win1252_undefined == 0 {
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return Decoded {
            text: normalize_line_ends(text.into_owned()),
            note: Some(format!(
                "not valid UTF-8 (first invalid byte at offset {first_bad}); assumed Windows-1252"
            )),
        };
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    Decoded {
        text: normalize_line_ends(text),
        note: Some(format!(
            "not valid UTF-8 (first invalid byte at offset {first_bad}); decoded as UTF-8 with {invalid} invalid sequence(s) replaced by U+FFFD"
        )),
    }
}

/// Looks for `<meta charset=...>` or `content="...; charset=..."` in the first bytes of
/// an HTML document.
pub fn html_declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r'
            )
        })
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Replaces CRLF and lone CR with LF (no copy when there is no CR).
pub fn normalize_line_ends(text: String) -> String {
    match normalize_line_ends_str(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => s,
    }
}

/// Replaces CRLF and lone CR with LF in a borrowed string.
pub fn normalize_line_ends_str(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(first) = memchr::memchr(b'\r', bytes) else {
        return Cow::Borrowed(text);
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..first]);
    let mut i = first;
    while i < bytes.len() {
        match memchr::memchr(b'\r', &bytes[i..]) {
            None => {
                out.extend_from_slice(&bytes[i..]);
                break;
            }
            Some(off) => {
                out.extend_from_slice(&bytes[i..i + off]);
                out.push(b'\n');
                i += off + 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
        }
    }
    // Only ASCII CR bytes were replaced by ASCII LF, so the bytes are still UTF-8.
    Cow::Owned(String::from_utf8(out).expect("CR/LF replacement keeps UTF-8 valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_not_noted() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.note, None);
    }

    #[test]
    fn utf16le_with_bom_is_decoded_and_noted() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Caf\u{e9}\r\nok".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Caf\u{e9}\nok");
        assert_eq!(
            d.note.as_deref(),
            Some("decoded as UTF-16LE (byte order mark)")
        );
    }

    #[test]
    fn utf16be_with_bom_is_decoded() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "Zo\u{eb}".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Zo\u{eb}");
    }

    #[test]
    fn windows_1252_is_assumed_for_latin_text() {
        let d = decode(b"Caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Caf\u{e9} \u{201c}quoted\u{201d}");
        assert_eq!(
            d.note.as_deref(),
            Some("not valid UTF-8 (first invalid byte at offset 3); assumed Windows-1252")
        );
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_is_decoded_lossily() {
        let d = decode(
            "Caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9} \u{fc}ber "
                .as_bytes()
                .iter()
                .copied()
                .chain([0xFF, b'x'])
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(
            d.text,
            "Caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9} \u{fc}ber \u{FFFD}x"
        );
        assert!(d
            .note
            .unwrap()
            .contains("1 invalid sequence(s) replaced by U+FFFD"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"abc\0def"),
            Err(NotText("binary file: NUL byte at offset 3".into()))
        );
    }

    #[test]
    fn control_heavy_bytes_mean_binary() {
        let bytes: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 0x02 } else { b'a' })
            .collect();
        assert!(decode(&bytes)
            .unwrap_err()
            .0
            .starts_with("binary file: 67 control bytes"));
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(
            normalize_line_ends("a\r\nb\rc\n\rd\r".into()),
            "a\nb\nc\n\nd\n"
        );
        assert_eq!(decode(b"x\r\r\ny").unwrap().text, "x\n\ny");
    }

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            html_declared_encoding(b"<html><head><META charset=\"ISO-8859-2\">"),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(
            html_declared_encoding(
                b"<meta http-equiv=content-type content='text/html; charset=windows-1251'>"
            ),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(html_declared_encoding(b"<p>no charset</p>"), None);
    }
}
