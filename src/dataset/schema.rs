//! The single source of truth for the dataset layout: the Arrow schemas of the
//! `quotes` and `articles` tables.
//!
//! The Parquet schema is derived from these by the Arrow writer, the CSV header is
//! their field names in order, and `schemas/*.schema.json` (and `whosaid schema`) is
//! [`schema_json`] of them. A test fails when the files in `schemas/` drift.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef};

/// Bumped whenever a column is added, removed, renamed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The two tables of a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Quotes,
    Articles,
}

impl Table {
    pub const ALL: [Table; 2] = [Table::Quotes, Table::Articles];

    pub fn name(self) -> &'static str {
        match self {
            Table::Quotes => "quotes",
            Table::Articles => "articles",
        }
    }

    pub fn parse(s: &str) -> Option<Table> {
        match s {
            "quotes" => Some(Table::Quotes),
            "articles" => Some(Table::Articles),
            _ => None,
        }
    }

    pub fn schema(self) -> SchemaRef {
        match self {
            Table::Quotes => quotes_schema(),
            Table::Articles => articles_schema(),
        }
    }
}

/// One column: name, Arrow type, nullability, and the documentation that goes into
/// `schemas/` and the README.
struct Column {
    name: &'static str,
    data_type: DataType,
    nullable: bool,
    description: &'static str,
    example: &'static str,
}

const fn col(
    name: &'static str,
    data_type: DataType,
    nullable: bool,
    description: &'static str,
    example: &'static str,
) -> Column {
    Column {
        name,
        data_type,
        nullable,
        description,
        example,
    }
}

use DataType::{Float32, Int32, Int64, Utf8};

fn quotes_columns() -> Vec<Column> {
    vec![
        col("quote_id", Utf8, false, "Stable id of the quote: 16 hex digits of XXH3-64 over article_id and the span. The same input gives the same id in every run.", "9f2c4e1a7b3d5c60"),
        col("article_id", Utf8, false, "Id of the article the quote comes from (joins articles.article_id).", "world/2020-08-belarus"),
        col("quote_index", Int32, false, "0-based position of the quote in its article, in text order.", "3"),
        col("kind", Utf8, false, "direct (inside quote marks), indirect (reported speech) or mixed (reported speech quoting a fragment verbatim).", "direct"),
        col("text", Utf8, false, "The reported words only: no quote marks, no attribution frame. Pieces of an interrupted or multi-paragraph quote are joined by one space.", "there is no NATO buildup in the region"),
        col("start", Int32, false, "Start of the quote in articles.text, a Unicode code point offset (Python: text[start:end]).", "460"),
        col("end", Int32, false, "End (exclusive) of the quote in articles.text, in code points. For a joined quote, the end of its last piece.", "498"),
        col("speaker", Utf8, true, "Canonical name of the source in this article (the longest proper name used for it), or the description as written when the source is never named. Null when there is no source.", "Oana Lungescu"),
        col("speaker_mention", Utf8, true, "The words naming the source at the attribution site.", "NATO spokesperson Oana Lungescu"),
        col("speaker_start", Int32, true, "Start of speaker_mention in articles.text (code points).", "424"),
        col("speaker_end", Int32, true, "End (exclusive) of speaker_mention in articles.text (code points).", "455"),
        col("speaker_type", Utf8, true, "person, organization, group (unnamed people) or unknown (an anonymous source). Null when there is no speaker.", "person"),
        col("speaker_gender", Utf8, true, "female, male or unknown, from the article's own evidence only (pronouns resolved to the speaker, honorifics, gendered nouns); never guessed from a name. Null when there is no speaker.", "female"),
        col("role", Utf8, true, "The source's title or function as the article states it anywhere, without articles and without the name. Null when the article gives none.", "NATO spokesperson"),
        col("cue", Utf8, true, "The reporting verb or phrase as written. Null when the quote is attributed by context alone.", "said"),
        col("cue_start", Int32, true, "Start of the cue in articles.text (code points).", "456"),
        col("cue_end", Int32, true, "End (exclusive) of the cue in articles.text (code points).", "460"),
        col("cue_lemma", Utf8, true, "Base form of the cue, with a negation or control verb kept (not deny, refuse to back).", "say"),
        col("cue_type", Utf8, true, "The speech act: statement, claim, denial, criticism, praise, agreement, warning, admission, question, demand, promise or other.", "statement"),
        col("stance", Utf8, true, "Position the reporting frame signals the source takes: supportive, opposing or neutral.", "neutral"),
        col("paragraph", Int32, false, "0-based index of the paragraph where the quote starts.", "4"),
        col("sentence", Int32, false, "0-based index, within the article, of the sentence where the quote starts.", "5"),
        col("confidence", Float32, false, "Estimated probability that the quote and its speaker are right, in [0, 1]; see the README.", "0.95"),
        col("rule", Utf8, false, "The rules that found the quote and attributed its speaker, separated by ';'.", "direct/postposed;speaker/named"),
    ]
}

fn articles_columns() -> Vec<Column> {
    vec![
        col("article_id", Utf8, false, "Stable id: path relative to its input root without extensions; for JSONL the id field, else <file id>#<line number>.", "world/2020-08-belarus"),
        col("source_path", Utf8, false, "The input file the article was read from.", "corpus/world/2020-08-belarus.txt"),
        col("title", Utf8, true, "Title: the first non-empty line of a text file, the JSON title field, or the HTML <title>/<h1>.", "Belarus: NATO Denies Amassing Troops"),
        col("url", Utf8, true, "URL, when the input gives one.", "https://example.org/news/1"),
        col("date", Utf8, true, "Publication date as given by the input.", "2020-08-17"),
        col("n_chars", Int64, false, "Length of text in Unicode code points.", "2309"),
        col("n_paragraphs", Int32, false, "Number of non-empty paragraphs in text.", "16"),
        col("n_quotes", Int32, false, "Number of rows of this article in quotes.", "9"),
        col("content_hash", Utf8, true, "32 hex digits of XXH3-128 over the UTF-8 text. Null when the input could not be read.", "0d5e3a…"),
        col("status", Utf8, false, "ok (read and extracted), empty (no text) or error (not read: see error).", "ok"),
        col("error", Utf8, true, "Why the input is empty or failed, or a note on an ok read (e.g. the encoding assumed). Null when there is nothing to say.", "invalid UTF-8: decoded as windows-1252"),
        col("text", Utf8, false, "The article text that every offset in quotes refers to (empty when the input failed).", "Belarus: NATO Denies…"),
    ]
}

fn build(columns: Vec<Column>, table: Table) -> SchemaRef {
    let fields: Vec<Field> = columns
        .into_iter()
        .map(|c| {
            Field::new(c.name, c.data_type, c.nullable).with_metadata(HashMap::from([
                ("description".to_string(), c.description.to_string()),
                ("example".to_string(), c.example.to_string()),
            ]))
        })
        .collect();
    let metadata = HashMap::from([
        ("whosaid.table".to_string(), table.name().to_string()),
        (
            "whosaid.schema_version".to_string(),
            SCHEMA_VERSION.to_string(),
        ),
    ]);
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

/// The Arrow schema of the `quotes` table.
pub fn quotes_schema() -> SchemaRef {
    build(quotes_columns(), Table::Quotes)
}

/// The Arrow schema of the `articles` table.
pub fn articles_schema() -> SchemaRef {
    build(articles_columns(), Table::Articles)
}

/// The CSV header: the schema's column names, in order.
pub fn csv_header(schema: &Schema) -> Vec<String> {
    schema.fields().iter().map(|f| f.name().clone()).collect()
}

fn type_name(t: &DataType) -> &'static str {
    match t {
        DataType::Utf8 => "string",
        DataType::Int32 => "int32",
        DataType::Int64 => "int64",
        DataType::Float32 => "float32",
        _ => "other",
    }
}

/// The JSON document of a table's schema, as written to `schemas/<table>.schema.json`
/// and printed by `whosaid schema`.
pub fn schema_json(table: Table) -> String {
    let schema = table.schema();
    let columns: Vec<serde_json::Value> = schema
        .fields()
        .iter()
        .map(|f| {
            serde_json::json!({
                "name": f.name(),
                "type": type_name(f.data_type()),
                "nullable": f.is_nullable(),
                "description": f.metadata().get("description"),
                "example": f.metadata().get("example"),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "table": table.name(),
        "schema_version": SCHEMA_VERSION,
        "columns": columns,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("schema json");
    s.push('\n');
    s
}
