//! Reading one article object from JSON (a `.json` file, or one `.jsonl` line).
//!
//! The [`FieldMap`] says which keys hold the id, title, text, url and date (several
//! candidates each, the first listed wins, so news-please's `maintext` and the gold
//! files' `article_id` work out of the box). Only those keys are materialised: every
//! other value is skipped by the parser without allocating, which keeps JSONL reading
//! fast on scraped records that carry large unrelated fields.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::Parts;
use crate::config::FieldMap;

/// Parses one JSON article object, keeping only the mapped fields.
pub fn parse_article(json: &str, fields: &FieldMap) -> Result<Parts, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    let parts = ArticleSeed { fields }.deserialize(&mut de)?;
    de.end()?;
    Ok(parts)
}

/// A parse error without serde_json's `at line L column C` suffix, and its column (the
/// line is always 1 for a JSONL line; callers name their own line).
pub fn describe_error(e: &serde_json::Error) -> (String, usize) {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    (message, e.column().max(1))
}

/// The slot a key fills, and its rank among that slot's candidate names.
fn slot_of(fields: &FieldMap, key: &str) -> Option<(usize, usize)> {
    let lists = [
        &fields.id,
        &fields.title,
        &fields.text,
        &fields.url,
        &fields.date,
    ];
    lists
        .iter()
        .enumerate()
        .find_map(|(slot, names)| names.iter().position(|n| n == key).map(|rank| (slot, rank)))
}

struct ArticleSeed<'a> {
    fields: &'a FieldMap,
}

impl<'de> DeserializeSeed<'de> for ArticleSeed<'_> {
    type Value = Parts;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Parts, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ArticleSeed<'_> {
    type Value = Parts;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object holding one article")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts, A::Error> {
        let mut slots: [Option<(usize, String)>; 5] = Default::default();
        let mut text_seen = false;
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match slot_of(self.fields, &key) {
                Some((slot, rank)) => {
                    let FieldValue(value) = map.next_value::<FieldValue>()?;
                    if slot == 2 {
                        text_seen = true;
                    }
                    let better = slots[slot].as_ref().is_none_or(|(r, _)| rank < *r);
                    if let (Some(v), true) = (value, better) {
                        slots[slot] = Some((rank, v));
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let [id, title, text, url, date] = slots.map(|s| s.map(|(_, v)| v));
        Ok(Parts {
            id: id.filter(|s| !s.trim().is_empty()),
            title: title.filter(|s| !s.trim().is_empty()),
            text: text.or_else(|| text_seen.then(String::new)),
            url: url.filter(|s| !s.trim().is_empty()),
            date: date.filter(|s| !s.trim().is_empty()),
            note: None,
        })
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A mapped field's value as text: strings as they are, numbers and booleans spelled
/// out, arrays (of paragraphs, say) joined by blank lines; null and objects give none.
struct FieldValue(Option<String>);

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FieldValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, number, boolean, array or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldValue, E> {
                Ok(FieldValue(Some(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<FieldValue, E> {
                Ok(FieldValue(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FieldValue, E> {
                Ok(FieldValue(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FieldValue, E> {
                Ok(FieldValue(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FieldValue, E> {
                Ok(FieldValue(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<FieldValue, E> {
                Ok(FieldValue(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<FieldValue, E> {
                Ok(FieldValue(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<FieldValue, E> {
                Ok(FieldValue(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FieldValue, A::Error> {
                let mut parts: Vec<String> = Vec::new();
                while let Some(FieldValue(v)) = seq.next_element::<FieldValue>()? {
                    parts.extend(v);
                }
                Ok(FieldValue((!parts.is_empty()).then(|| parts.join("\n\n"))))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(FieldValue(None))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_fields_are_read() {
        let p = parse_article(
            r#"{"id":"a1","title":"T","text":"Body","url":"http://x","date":"2020-01-02","source":"s"}"#,
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(p.id.as_deref(), Some("a1"));
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.text.as_deref(), Some("Body"));
        assert_eq!(p.url.as_deref(), Some("http://x"));
        assert_eq!(p.date.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn news_please_and_gold_names_map_and_the_first_candidate_wins() {
        let p = parse_article(
            r#"{"maintext":"Main","article_id":7,"text":"Preferred","big":{"x":[1,2,{"y":null}]}}"#,
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(p.id.as_deref(), Some("7"));
        assert_eq!(p.text.as_deref(), Some("Preferred"));
    }

    #[test]
    fn escaped_keys_and_paragraph_arrays() {
        let p = parse_article(r#"{"t\u0065xt":["One.","Two."]}"#, &FieldMap::default()).unwrap();
        assert_eq!(p.text.as_deref(), Some("One.\n\nTwo."));
    }

    #[test]
    fn null_text_is_present_but_empty() {
        let p = parse_article(r#"{"text":null}"#, &FieldMap::default()).unwrap();
        assert_eq!(p.text.as_deref(), Some(""));
        let p = parse_article(r#"{"title":"x"}"#, &FieldMap::default()).unwrap();
        assert_eq!(p.text, None);
    }

    #[test]
    fn non_objects_and_trailing_garbage_are_errors() {
        let e = parse_article("[1,2]", &FieldMap::default()).unwrap_err();
        assert!(
            e.to_string().contains("a JSON object holding one article"),
            "{e}"
        );
        assert!(parse_article(r#"{"text":"a"} x"#, &FieldMap::default()).is_err());
        assert!(parse_article(r#"{"text":"a""#, &FieldMap::default()).is_err());
    }
}
