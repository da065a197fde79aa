//! Unit tests of the whole extractor on small articles.
