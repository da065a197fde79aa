//! `whosaid schema`: prints a table's schema as JSON, the same text as `schemas/`.

use whosaid::dataset::schema::{schema_json, Table};

use crate::exit;

/// Print the dataset schema (JSON), as in schemas/*.schema.json.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  whosaid schema quotes\n  whosaid schema articles > articles.schema.json"
)]
pub struct Args {
    /// quotes or articles; both when omitted.
    #[arg(value_parser = ["quotes", "articles"])]
    table: Option<String>,
}

pub fn run(args: Args) -> u8 {
    match args.table.as_deref().and_then(Table::parse) {
        Some(t) => print!("{}", schema_json(t)),
        None => {
            for t in Table::ALL {
                print!("{}", schema_json(t));
            }
        }
    }
    exit::OK
}
