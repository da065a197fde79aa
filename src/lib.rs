//! whosaid: who said what in news articles.
//!
//! Data flows one way: [`corpus`] reads inputs into [`model::InputRecord`]s, [`extract`]
//! turns each article into [`model::Quote`]s (pure, using the [`lexicon`]), and
//! [`dataset`] writes the `quotes` and `articles` tables as CSV and Parquet.
//! [`pipeline`] runs those stages in parallel with bounded memory; [`config`] holds the
//! resolved options (the CLI is a thin layer over this library).

pub mod config;
pub mod corpus;
pub mod dataset;
pub mod eval;
pub mod extract;
pub mod generate;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod text;
