//! Finding the input files: walk each input root, sorted by path, hidden entries skipped.
//!
//! The walk never aborts on a bad entry. A broken symlink, a symlink loop or a folder
//! that cannot be listed becomes an [`InputFile`] with a `problem`, which the reader
//! turns into an `error` record, so the `articles` table accounts for it. Only an input
//! root named on the command line that does not exist is an error of the whole run.

use std::path::{Path, PathBuf};

use super::compression::Compression;
use super::file_list::FileList;
use super::{CorpusError, InputFile};

/// The id of a file: its path relative to `root`, `/`-separated, without its
/// compression extension and its format extension (`world/a.txt.gz` -> `world/a`,
/// `2024.01.05.txt` -> `2024.01.05`). A root that is itself a file gives its file name.
pub fn file_id(root: &Path, path: &Path) -> String {
    let rel = if root == path {
        Path::new(path.file_name().unwrap_or(path.as_os_str()))
    } else {
        path.strip_prefix(root).unwrap_or(path)
    };
    let mut parts: Vec<String> = rel
        .components()
        .filter(|c| {
            !matches!(
                c,
                std::path::Component::CurDir | std::path::Component::RootDir
            )
        })
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = strip_extensions(last).to_string();
    }
    parts.join("/")
}

/// `a.jsonl.gz` -> `a`, `notes.v2.md` -> `notes.v2`, `README` -> `README`.
pub fn strip_extensions(name: &str) -> &str {
    let compression = Compression::from_name(name);
    let name = &name[..name.len() - compression.extension_len(name)];
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// A clear reason for a walk error: loop, broken link, permission.
fn describe(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!(
            "symlink loop: points back to its ancestor folder {}",
            ancestor.display()
        );
    }
    let Some(io) = err.io_error() else {
        return err.to_string();
    };
    let is_link = err
        .path()
        .and_then(|p| std::fs::symlink_metadata(p).ok())
        .is_some_and(|m| m.file_type().is_symlink());
    match io.kind() {
        std::io::ErrorKind::NotFound if is_link => {
            let target = err
                .path()
                .and_then(|p| std::fs::read_link(p).ok())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            format!("broken symlink: target {target} does not exist")
        }
        std::io::ErrorKind::PermissionDenied => format!("permission denied: {io}"),
        _ if io.raw_os_error() == Some(40) => {
            "symlink loop: too many levels of symbolic links".into()
        }
        _ => io.to_string(),
    }
}

/// Every file under the inputs, in order: roots as given, each walked sorted by path.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<InputFile>, CorpusError> {
    Ok(discover_list(inputs)?.iter().collect())
}

/// [`discover`] into a compact [`FileList`] (what a run keeps for its whole length).
pub fn discover_list(inputs: &[PathBuf]) -> Result<FileList, CorpusError> {
    let mut out = FileList::new(inputs.to_vec());
    for (r, root) in inputs.iter().enumerate() {
        // `symlink_metadata` first, so a root that is a broken symlink is reported as such.
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let message = if std::fs::symlink_metadata(root).is_ok() {
                    format!("broken symlink or symlink loop: {e}")
                } else {
                    format!("does not exist or cannot be read: {e}")
                };
                return Err(CorpusError {
                    path: root.clone(),
                    message,
                });
            }
        };
        if !meta.is_dir() {
            out.push(r, root, meta.len(), None);
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !is_hidden(e));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let size = e.metadata().map(|m| m.len()).unwrap_or(0);
                    out.push(r, e.path(), size, None);
                }
                // Folders are walked; sockets, FIFOs and devices are not articles.
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().unwrap_or(root);
                    out.push(r, path, 0, Some(describe(&err)));
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_compression_and_format_extensions_only() {
        let root = Path::new("corpus");
        assert_eq!(file_id(root, Path::new("corpus/world/a.txt.gz")), "world/a");
        assert_eq!(file_id(root, Path::new("corpus/b.jsonl.zst")), "b");
        assert_eq!(
            file_id(root, Path::new("corpus/2024.01.05.txt")),
            "2024.01.05"
        );
        assert_eq!(file_id(root, Path::new("corpus/README")), "README");
        assert_eq!(file_id(Path::new("x/a.md"), Path::new("x/a.md")), "a");
        assert_eq!(file_id(Path::new("."), Path::new("./sub/c.html")), "sub/c");
    }
}
