//! Transparent decompression of `.gz` and `.zst` inputs, with the byte limits that keep
//! a decompression bomb from being inflated in memory.
//!
//! Readers never see whether a file was compressed: they get a `Read` of the plain
//! bytes. Whole-file readers go through [`read_limited`], which stops at the limit
//! while decompressing (`take(limit + 1)`), so a 10 KB file that expands to 10 GB costs
//! at most `limit + 1` bytes of memory before it is recorded as an error.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How an input file is compressed, from its last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// The compression named by the file name's last extension (case-insensitive).
    pub fn from_name(name: &str) -> Compression {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".gz") {
            Compression::Gzip
        } else if lower.ends_with(".zst") || lower.ends_with(".zstd") {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// The extension (with its dot) to strip before looking at the format, if any.
    pub fn extension_len(self, name: &str) -> usize {
        match self {
            Compression::None => 0,
            Compression::Gzip => 3,
            Compression::Zstd if name.to_ascii_lowercase().ends_with(".zstd") => 5,
            Compression::Zstd => 4,
        }
    }

    /// What to call the format in error messages.
    pub fn label(self) -> &'static str {
        match self {
            Compression::None => "file",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// A reader that counts the bytes read through it (the compressed bytes, when it wraps
/// the file under a decoder), so records can account for their share of the input.
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub fn new(inner: R) -> (Self, Arc<AtomicU64>) {
        let count = Arc::new(AtomicU64::new(0));
        (
            Counting {
                inner,
                count: count.clone(),
            },
            count,
        )
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Wraps `raw` in the decoder for `compression`. Gzip accepts concatenated members
/// (as written by `pigz` and `bgzip`); zstd accepts concatenated frames.
pub fn decoder<R: Read + Send + 'static>(
    raw: R,
    compression: Compression,
) -> io::Result<Box<dyn Read + Send>> {
    Ok(match compression {
        Compression::None => Box::new(raw),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(
            io::BufReader::with_capacity(256 * 1024, raw),
        )),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(raw)?),
    })
}

/// Why a whole input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadFailure {
    /// More than `limit` bytes came out (after decompression): reading stopped there.
    TooLarge { limit: u64 },
    /// The read or the decompression failed (truncated or corrupt data, I/O error).
    Io { message: String },
}

/// Reads all of `reader` into memory, but never more than `limit + 1` bytes.
pub fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    read_limited_sized(reader, limit, None)
}

/// [`read_limited`] into a buffer sized for `size_hint` bytes (plus one, to see the end
/// without growing it), when the size is known.
pub fn read_limited_sized(
    reader: impl Read,
    limit: u64,
    size_hint: Option<u64>,
) -> Result<Vec<u8>, ReadFailure> {
    let capacity = size_hint.map_or(0, |n| n.min(limit).saturating_add(1));
    let mut buf = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    let mut limited = reader.take(limit.saturating_add(1));
    match limited.read_to_end(&mut buf) {
        Ok(_) if buf.len() as u64 > limit => Err(ReadFailure::TooLarge { limit }),
        Ok(_) => Ok(buf),
        Err(e) => Err(ReadFailure::Io {
            message: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn compression_comes_from_the_last_extension() {
        assert_eq!(Compression::from_name("a.jsonl.GZ"), Compression::Gzip);
        assert_eq!(Compression::from_name("b.txt.zst"), Compression::Zstd);
        assert_eq!(Compression::from_name("c.gz.txt"), Compression::None);
        assert_eq!(Compression::Zstd.extension_len("x.zstd"), 5);
    }

    #[test]
    fn gzip_round_trips_and_concatenated_members_are_read() {
        let mut two = gzip(b"first ");
        two.extend(gzip(b"second"));
        let r = decoder(io::Cursor::new(two), Compression::Gzip).unwrap();
        assert_eq!(read_limited(r, 100).unwrap(), b"first second");
    }

    #[test]
    fn bomb_is_stopped_at_the_limit() {
        let packed = zstd::encode_all(io::Cursor::new(vec![b'a'; 5_000_000]), 3).unwrap();
        assert!(packed.len() < 1_000);
        let r = decoder(io::Cursor::new(packed), Compression::Zstd).unwrap();
        assert_eq!(
            read_limited(r, 1000),
            Err(ReadFailure::TooLarge { limit: 1000 })
        );
    }

    #[test]
    fn exactly_the_limit_is_accepted() {
        assert_eq!(read_limited(&b"abcd"[..], 4).unwrap(), b"abcd");
        assert_eq!(
            read_limited(&b"abcde"[..], 4),
            Err(ReadFailure::TooLarge { limit: 4 })
        );
    }

    #[test]
    fn truncated_gzip_is_an_io_failure() {
        let mut g = gzip(&vec![b'x'; 10_000]);
        g.truncate(g.len() / 2);
        let r = decoder(io::Cursor::new(g), Compression::Gzip).unwrap();
        assert!(matches!(
            read_limited(r, 1 << 20),
            Err(ReadFailure::Io { .. })
        ));
    }
}
