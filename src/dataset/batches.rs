//! Rows to Arrow record batches, in the column order of [`super::schema`].

use std::sync::Arc;

use arrow_array::builder::{BufferBuilder, NullBufferBuilder, OffsetBufferBuilder};
use arrow_array::{ArrayRef, Float32Array, Int32Array, Int64Array, RecordBatch, StringArray};

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

/// A `Utf8` column: the values copied back to back into a buffer sized exactly (one
/// pass to count the bytes), an offset pushed per value, and a validity bitmap only
/// when the column has a null. About a third of what `StringBuilder` costs per value.
fn strings<T>(rows: &[T], f: impl Fn(&T) -> Option<&str>) -> ArrayRef {
    let mut bytes = 0;
    for r in rows {
        bytes += f(r).map_or(0, str::len);
    }
    let mut offsets = OffsetBufferBuilder::<i32>::new(rows.len());
    let mut values = BufferBuilder::<u8>::new(bytes);
    for r in rows {
        let v = f(r).unwrap_or_default();
        values.append_slice(v.as_bytes());
        offsets.push_length(v.len());
    }
    let mut nulls = validity(rows, |r| f(r).is_some());
    // `finish` panics if the offsets overflow i32 (as the builder would).
    let offsets = offsets.finish();
    // SAFETY: `values` is the concatenation of `&str`s and every offset is the end of
    // one of them, so each slice between consecutive offsets is one whole `&str`:
    // valid UTF-8, offsets increasing from 0 to `values.len()`. The validity bitmap has
    // one bit per row. This is what `StringArray::try_new` would check (a UTF-8 pass
    // over all bytes, the cost this skips).
    let array = unsafe { StringArray::new_unchecked(offsets, values.finish(), nulls.finish()) };
    Arc::new(array)
}

/// The validity of a column: `None` when no value is null (the common case, checked
/// first, without building a bitmap).
fn validity<T>(rows: &[T], valid: impl Fn(&T) -> bool) -> NullBufferBuilder {
    let mut b = NullBufferBuilder::new(rows.len());
    if rows.iter().all(&valid) {
        b.append_n_non_nulls(rows.len());
    } else {
        for r in rows {
            b.append(valid(r));
        }
    }
    b
}

/// An `Int32` column, collected straight into its value buffer.
fn ints<T>(rows: &[T], f: impl Fn(&T) -> Option<i32>) -> ArrayRef {
    let values: Vec<i32> = rows.iter().map(|r| f(r).unwrap_or_default()).collect();
    let mut nulls = validity(rows, |r| f(r).is_some());
    Arc::new(Int32Array::new(values.into(), nulls.finish()))
}

/// The `quotes` rows as one record batch.
pub fn quotes_batch(quotes: &[Quote]) -> RecordBatch {
    // Closures passed straight in (not `fn` pointers): each column's loop is
    // specialised for its field, with no call per value.
    let q = quotes;
    let confidence: Vec<f32> = quotes.iter().map(|q| q.confidence).collect();
    let columns: Vec<ArrayRef> = vec![
        strings(q, |q| Some(&q.quote_id)),
        strings(q, |q| Some(&q.article_id)),
        ints(q, |q| Some(q.quote_index as i32)),
        strings(q, |q| Some(q.kind.as_str())),
        strings(q, |q| Some(&q.text)),
        ints(q, |q| Some(q.start as i32)),
        ints(q, |q| Some(q.end as i32)),
        strings(q, |q| q.speaker.as_deref()),
        strings(q, |q| q.speaker_mention.as_deref()),
        ints(q, |q| q.speaker_start.map(|v| v as i32)),
        ints(q, |q| q.speaker_end.map(|v| v as i32)),
        strings(q, |q| q.speaker_type.map(|v| v.as_str())),
        strings(q, |q| q.speaker_gender.map(|v| v.as_str())),
        strings(q, |q| q.role.as_deref()),
        strings(q, |q| q.cue.as_deref()),
        ints(q, |q| q.cue_start.map(|v| v as i32)),
        ints(q, |q| q.cue_end.map(|v| v as i32)),
        strings(q, |q| q.cue_lemma.as_deref()),
        strings(q, |q| q.cue_type.map(|v| v.as_str())),
        strings(q, |q| q.stance.map(|v| v.as_str())),
        ints(q, |q| Some(q.paragraph as i32)),
        ints(q, |q| Some(q.sentence as i32)),
        Arc::new(Float32Array::new(confidence.into(), None)),
        strings(q, |q| Some(&q.rule)),
    ];
    RecordBatch::try_new(quotes_schema(), columns).expect("quotes batch matches schema")
}

/// The `articles` rows as one record batch.
pub fn articles_batch(rows: &[ArticleRow]) -> RecordBatch {
    let r = rows;
    let n_chars: Vec<i64> = rows.iter().map(|r| r.n_chars).collect();
    let columns: Vec<ArrayRef> = vec![
        strings(r, |r| Some(&r.article_id)),
        strings(r, |r| Some(&r.source_path)),
        strings(r, |r| r.title.as_deref()),
        strings(r, |r| r.url.as_deref()),
        strings(r, |r| r.date.as_deref()),
        Arc::new(Int64Array::new(n_chars.into(), None)),
        ints(r, |r| Some(r.n_paragraphs)),
        ints(r, |r| Some(r.n_quotes)),
        strings(r, |r| r.content_hash.as_deref()),
        strings(r, |r| Some(r.status.as_str())),
        strings(r, |r| r.error.as_deref()),
        strings(r, |r| Some(&r.text)),
    ];
    RecordBatch::try_new(articles_schema(), columns).expect("articles batch matches schema")
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;

    #[test]
    fn columns_hold_the_rows_values_and_nulls_and_pass_full_validation() {
        let quotes: Vec<Quote> = (0..5u32)
            .map(|i| Quote {
                speaker: (i % 2 == 0).then(|| format!("Señora {i}")),
                speaker_start: (i % 2 == 0).then_some(i * 10),
                confidence: 0.25 * i as f32,
                ..Quote::for_test("a/1", &"“é”".repeat(i as usize), i, i + 1)
            })
            .collect();
        let batch = quotes_batch(&quotes);
        assert_eq!(batch.num_rows(), 5);
        for column in batch.columns() {
            column.to_data().validate_full().unwrap();
        }
        let text = batch.column_by_name("text").unwrap();
        let expected: Vec<String> = (0..5).map(|i| "“é”".repeat(i)).collect();
        let expected: Vec<Option<&str>> = expected.iter().map(|s| Some(s.as_str())).collect();
        assert_eq!(text.as_ref(), &StringArray::from(expected) as &dyn Array);
        let speaker = batch.column_by_name("speaker").unwrap();
        let expected = StringArray::from(vec![
            Some("Señora 0"),
            None,
            Some("Señora 2"),
            None,
            Some("Señora 4"),
        ]);
        assert_eq!(speaker.as_ref(), &expected as &dyn Array);
        let start = batch.column_by_name("speaker_start").unwrap();
        let expected = Int32Array::from(vec![Some(0), None, Some(20), None, Some(40)]);
        assert_eq!(start.as_ref(), &expected as &dyn Array);
        assert_eq!(batch.column_by_name("role").unwrap().null_count(), 5);
        assert_eq!(batch.column_by_name("quote_id").unwrap().null_count(), 0);
        assert!(quotes_batch(&[]).num_rows() == 0);
    }
}
