//! Lexicons: reporting verbs and phrases, titles, stance words. They are data files in
//! `lexicons/` compiled into the binary, and a user extends them with `--lexicon FILE`.

use std::path::{Path, PathBuf};

/// The built-in lexicon files: (name, contents).
pub const BUILTIN: &[(&str, &str)] = &[];

/// A failure to read or parse a user lexicon file.
#[derive(Debug, thiserror::Error)]
#[error("lexicon {path}: {message}")]
pub struct LexiconError {
    pub path: PathBuf,
    pub message: String,
}

/// Every lexicon the extractor consults.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Hash over the built-in and user files, recorded in the manifest.
    hash: String,
}

impl Lexicon {
    /// The built-in lexicons only.
    pub fn builtin() -> Self {
        Self::load(&[]).expect("built-in lexicons parse")
    }

    /// The built-in lexicons extended by the given files.
    pub fn load(extra: &[PathBuf]) -> Result<Self, LexiconError> {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (name, body) in BUILTIN {
            h.update(name.as_bytes());
            h.update(body.as_bytes());
        }
        for p in extra {
            let body = read(p)?;
            h.update(body.as_bytes());
        }
        Ok(Lexicon {
            hash: format!("{:032x}", h.digest128()),
        })
    }

    pub fn hash(&self) -> &str {
        &self.hash
    }
}

fn read(p: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(p).map_err(|e| LexiconError {
        path: p.to_path_buf(),
        message: e.to_string(),
    })
}
