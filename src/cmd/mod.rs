//! One module per subcommand (the xsv/qsv habit): clap arguments, their resolution into
//! the library's config, and the report printed at the end.

pub mod eval;
pub mod extract;
pub mod generate;
pub mod merge;
pub mod schema;
