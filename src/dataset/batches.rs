//! Rows to Arrow record batches, in the column order of [`super::schema`].

use std::sync::Arc;

use arrow_array::builder::{Float32Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};

use super::schema::{articles_schema, quotes_schema};
use crate::model::{Quote, Status};

/// One row of the `articles` table.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    pub article_id: String,
    pub source_path: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub n_chars: i64,
    pub n_paragraphs: i32,
    pub n_quotes: i32,
    pub content_hash: Option<String>,
    pub status: Status,
    pub error: Option<String>,
    pub text: String,
}

fn strings<'a>(n: usize, bytes: usize, values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(n, bytes);
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

fn ints(n: usize, values: impl Iterator<Item = Option<i32>>) -> ArrayRef {
    let mut b = Int32Builder::with_capacity(n);
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

/// The `quotes` rows as one record batch.
pub fn quotes_batch(quotes: &[Quote]) -> RecordBatch {
    let n = quotes.len();
    let text_bytes: usize = quotes.iter().map(|q| q.text.len()).sum();
    let small = n * 16;
    let s = |f: fn(&Quote) -> Option<&str>, bytes: usize| strings(n, bytes, quotes.iter().map(f));
    let i = |f: fn(&Quote) -> Option<i32>| ints(n, quotes.iter().map(f));
    let mut confidence = Float32Builder::with_capacity(n);
    for q in quotes {
        confidence.append_value(q.confidence);
    }
    let columns: Vec<ArrayRef> = vec![
        s(|q| Some(&q.quote_id), small),
        s(|q| Some(&q.article_id), small * 2),
        i(|q| Some(q.quote_index as i32)),
        s(|q| Some(q.kind.as_str()), small),
        s(|q| Some(&q.text), text_bytes),
        i(|q| Some(q.start as i32)),
        i(|q| Some(q.end as i32)),
        s(|q| q.speaker.as_deref(), small),
        s(|q| q.speaker_mention.as_deref(), small),
        i(|q| q.speaker_start.map(|v| v as i32)),
        i(|q| q.speaker_end.map(|v| v as i32)),
        s(|q| q.speaker_type.map(|v| v.as_str()), small),
        s(|q| q.speaker_gender.map(|v| v.as_str()), small),
        s(|q| q.role.as_deref(), small),
        s(|q| q.cue.as_deref(), small),
        i(|q| q.cue_start.map(|v| v as i32)),
        i(|q| q.cue_end.map(|v| v as i32)),
        s(|q| q.cue_lemma.as_deref(), small),
        s(|q| q.cue_type.map(|v| v.as_str()), small),
        s(|q| q.stance.map(|v| v.as_str()), small),
        i(|q| Some(q.paragraph as i32)),
        i(|q| Some(q.sentence as i32)),
        Arc::new(confidence.finish()),
        s(|q| Some(&q.rule), small * 2),
    ];
    RecordBatch::try_new(quotes_schema(), columns).expect("quotes batch matches schema")
}

/// The `articles` rows as one record batch.
pub fn articles_batch(rows: &[ArticleRow]) -> RecordBatch {
    let n = rows.len();
    let text_bytes: usize = rows.iter().map(|r| r.text.len()).sum();
    let small = n * 24;
    let s =
        |f: fn(&ArticleRow) -> Option<&str>, bytes: usize| strings(n, bytes, rows.iter().map(f));
    let i = |f: fn(&ArticleRow) -> Option<i32>| ints(n, rows.iter().map(f));
    let mut n_chars = Int64Builder::with_capacity(n);
    for r in rows {
        n_chars.append_value(r.n_chars);
    }
    let columns: Vec<ArrayRef> = vec![
        s(|r| Some(&r.article_id), small),
        s(|r| Some(&r.source_path), small),
        s(|r| r.title.as_deref(), small * 2),
        s(|r| r.url.as_deref(), small),
        s(|r| r.date.as_deref(), small),
        Arc::new(n_chars.finish()),
        i(|r| Some(r.n_paragraphs)),
        i(|r| Some(r.n_quotes)),
        s(|r| r.content_hash.as_deref(), small * 2),
        s(|r| Some(r.status.as_str()), small),
        s(|r| r.error.as_deref(), small),
        s(|r| Some(&r.text), text_bytes),
    ];
    RecordBatch::try_new(articles_schema(), columns).expect("articles batch matches schema")
}
