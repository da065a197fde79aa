//! The content digest of an input file's raw bytes (as they are on disk, before
//! decompression or decoding), computed while the file is read, so that the manifest's
//! hash over all inputs costs no second pass over the corpus.
//!
//! A [`Tap`] sits between the file and the decoder and hashes every byte read. When the
//! reader stopped before the end (a file over the size limit is never read, a broken
//! `.gz` stops early), [`FileDigest::finish`] reads the rest from where the reader
//! stopped; when the file was never opened, it hashes it on its own. Either way the
//! digest is XXH3-128 of the whole file, or `None` when it cannot be opened.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use xxhash_rust::xxh3::Xxh3;

#[derive(Default)]
struct State {
    hasher: Xxh3,
    /// Bytes hashed so far (from the start of the file).
    bytes: u64,
    /// The file was opened for reading.
    opened: bool,
    /// A read returned 0: everything up to the end has been hashed.
    eof: bool,
}

/// A reader that hashes every byte read through it.
pub struct Tap<R> {
    inner: R,
    state: Arc<Mutex<State>>,
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if n == 0 && !buf.is_empty() {
            s.eof = true;
        }
        s.hasher.update(&buf[..n]);
        s.bytes += n as u64;
        Ok(n)
    }
}

/// The digest of one input file, being computed by the reader.
pub struct FileDigest {
    path: PathBuf,
    state: Arc<Mutex<State>>,
}

impl FileDigest {
    pub fn new(path: &Path) -> Self {
        FileDigest {
            path: path.to_path_buf(),
            state: Arc::default(),
        }
    }

    /// Wraps the opened file so that what is read from it is hashed.
    pub fn tap(&self, file: File) -> Tap<File> {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).opened = true;
        Tap {
            inner: file,
            state: Arc::clone(&self.state),
        }
    }

    /// XXH3-128 of the whole file (`None`: it could not be opened). Call once the
    /// reader is done with the file.
    pub fn finish(self) -> Option<u128> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if !s.opened {
            return digest_file(&self.path);
        }
        if !s.eof {
            // The reader stopped early: hash the rest from where it stopped.
            let at = s.bytes;
            if let Ok(mut f) = File::open(&self.path) {
                if f.seek(SeekFrom::Start(at)).is_ok() {
                    hash_to_end(&mut f, &mut s.hasher);
                }
            }
        }
        Some(s.hasher.digest128())
    }
}

fn hash_to_end(file: &mut File, hasher: &mut Xxh3) {
    let mut buf = vec![0u8; 1 << 16];
    while let Ok(n) = file.read(&mut buf) {
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
}

/// XXH3-128 of a file read on its own (`None`: it cannot be opened).
pub fn digest_file(path: &Path) -> Option<u128> {
    let mut file = File::open(path).ok()?;
    let mut hasher = Xxh3::new();
    hash_to_end(&mut file, &mut hasher);
    Some(hasher.digest128())
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxhash_rust::xxh3::xxh3_128;

    #[test]
    fn a_file_read_to_the_end_is_hashed_once_as_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"who said what").unwrap();
        let d = FileDigest::new(&path);
        let mut tap = d.tap(File::open(&path).unwrap());
        let mut all = Vec::new();
        tap.read_to_end(&mut all).unwrap();
        drop(tap);
        std::fs::write(&path, b"changed after reading").unwrap();
        // Read to the end: the digest is of the bytes read, not re-read from disk.
        assert_eq!(d.finish(), Some(xxh3_128(b"who said what")));
    }

    #[test]
    fn a_file_read_in_part_is_hashed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let d = FileDigest::new(&path);
        let mut tap = d.tap(File::open(&path).unwrap());
        let mut first = vec![0u8; 1000];
        tap.read_exact(&mut first).unwrap();
        drop(tap);
        assert_eq!(d.finish(), Some(xxh3_128(&data)));
    }

    #[test]
    fn a_file_never_opened_is_hashed_on_its_own_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"abc").unwrap();
        assert_eq!(FileDigest::new(&path).finish(), Some(xxh3_128(b"abc")));
        let missing = dir.path().join("missing.txt");
        assert_eq!(FileDigest::new(&missing).finish(), None);
    }
}
