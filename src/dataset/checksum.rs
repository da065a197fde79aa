//! Content hashes of the data files, computed on the bytes as they are written (no
//! second read), and the same hash over a file on disk (for `whosaid merge`, which
//! checks that shard outputs are the files their manifests describe).
//!
//! The hash is XXH3-128 written as 32 hex digits, the same function as the articles'
//! `content_hash`: fast enough to cost nothing next to compression.

use std::io::{self, Read, Write};
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

/// A writer that hashes and counts every byte it passes on.
pub struct HashingWriter<W> {
    inner: W,
    hasher: Xxh3,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Xxh3::new(),
            bytes: 0,
        }
    }

    /// Bytes written so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The hash of the bytes written so far.
    pub fn digest(&self) -> String {
        format!("{:032x}", self.hasher.digest128())
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Size and content hash of a file on disk.
pub fn hash_file(path: &Path) -> io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok((bytes, format!("{:032x}", hasher.digest128())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_hash_equals_file_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        let mut w = HashingWriter::new(std::fs::File::create(&path).unwrap());
        w.write_all(b"who said ").unwrap();
        w.write_all(b"what").unwrap();
        let (bytes, digest) = (w.bytes(), w.digest());
        drop(w);
        assert_eq!(bytes, 13);
        assert_eq!(hash_file(&path).unwrap(), (13, digest.clone()));
        assert_eq!(
            digest,
            format!("{:032x}", xxhash_rust::xxh3::xxh3_128(b"who said what"))
        );
    }
}
