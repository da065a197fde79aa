//! The input files of a run, held compactly: a folder of a million articles is a
//! million entries that live for the whole run (the reader sends their indices, the
//! workers open them, the manifest counts them), so each costs about 40 bytes here
//! instead of a [`InputFile`] of three heap strings (~260 bytes).
//!
//! A file found by the walk is stored as its folder (kept once for all the files in
//! it, as the walk spelled it) and its name (bytes in one shared buffer), plus its
//! root and size; [`FileList::get`] rebuilds the [`InputFile`] on demand, with the
//! same path, root, id, size and problem the walk found. Files named on the command
//! line and entries the walk could not use are rare and stored whole.
//!
//! A 1 GB folder corpus of 228,123 files held ~54 MB of file list (peak RSS 132 MB
//! at 100 MB of input, 206 MB at 1 GB); compact, ~9 MB.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use super::walk::file_id;
use super::InputFile;

/// `Entry::dir` of a file stored whole in `whole`.
const WHOLE: u32 = u32::MAX;

/// One input file: a name in a folder, or (`dir == WHOLE`) an index into `whole`.
#[derive(Debug, Clone, Copy)]
struct Entry {
    root: u32,
    dir: u32,
    /// Start of the name in `names` (or the index into `whole`).
    start: u32,
    len: u32,
    size: u64,
}

/// A file kept whole: a root that is itself a file, or an entry the walk could not use.
#[derive(Debug, Clone)]
struct Whole {
    path: PathBuf,
    problem: Option<String>,
}

/// Every input file of a run, in input order (see the module doc).
#[derive(Debug, Clone, Default)]
pub struct FileList {
    roots: Vec<PathBuf>,
    /// Folders as the walk spelled them, each with its trailing separator (bytes of
    /// the path before the file name).
    dirs: Vec<OsString>,
    /// File names, one after the other (platform bytes of the `OsStr`).
    names: Vec<u8>,
    entries: Vec<Entry>,
    whole: Vec<Whole>,
}

impl FileList {
    /// An empty list over these input roots.
    pub fn new(roots: Vec<PathBuf>) -> Self {
        FileList {
            roots,
            ..Default::default()
        }
    }

    /// The input roots, as given.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Appends a file found under root `root` (an index into [`Self::roots`]).
    pub fn push(&mut self, root: usize, path: &Path, size: u64, problem: Option<String>) {
        let root = u32::try_from(root).expect("fewer than 2^32 input roots");
        let split = match (&problem, path.file_name()) {
            (None, Some(name)) => {
                let (p, n) = (path.as_os_str().as_encoded_bytes(), name.as_encoded_bytes());
                // The name starts after a separator (so the folder part ends on one).
                (p.len() > n.len() && p.ends_with(n)).then(|| (&p[..p.len() - n.len()], n))
            }
            _ => None,
        };
        let start = u32::try_from(self.names.len()).ok();
        let (Some((dir, name)), Some(start)) = (split, start) else {
            self.entries.push(Entry {
                root,
                dir: WHOLE,
                start: self.whole.len() as u32,
                len: 0,
                size,
            });
            self.whole.push(Whole {
                path: path.to_path_buf(),
                problem,
            });
            return;
        };
        let same_dir = self
            .dirs
            .last()
            .is_some_and(|d| d.as_encoded_bytes() == dir);
        if !same_dir {
            // SAFETY: `dir` is a prefix of an `OsStr`'s encoded bytes that ends right
            // before the file name (after a path separator, ASCII), a valid split point.
            let d = unsafe { OsStr::from_encoded_bytes_unchecked(dir) };
            self.dirs.push(d.to_os_string());
        }
        self.names.extend_from_slice(name);
        self.entries.push(Entry {
            root,
            dir: (self.dirs.len() - 1) as u32,
            start,
            len: name.len() as u32,
            size,
        });
    }

    /// The file's path, as the walk spelled it.
    pub fn path(&self, i: usize) -> PathBuf {
        let e = self.entries[i];
        if e.dir == WHOLE {
            return self.whole[e.start as usize].path.clone();
        }
        let dir = self.dirs[e.dir as usize].as_encoded_bytes();
        let name = &self.names[e.start as usize..(e.start + e.len) as usize];
        let mut bytes = Vec::with_capacity(dir.len() + name.len());
        bytes.extend_from_slice(dir);
        bytes.extend_from_slice(name);
        // SAFETY: the bytes are a folder and a name cut from one path's encoded bytes
        // at a separator (see `push`), joined back in the same order.
        PathBuf::from(unsafe { OsString::from_encoded_bytes_unchecked(bytes) })
    }

    /// The input root the file was found under.
    pub fn root(&self, i: usize) -> &Path {
        &self.roots[self.entries[i].root as usize]
    }

    /// Size on disk in bytes (0 when unknown).
    pub fn size(&self, i: usize) -> u64 {
        self.entries[i].size
    }

    /// The article id of the file (see [`file_id`]).
    pub fn id(&self, i: usize) -> String {
        file_id(self.root(i), &self.path(i))
    }

    /// The file as the walk found it.
    pub fn get(&self, i: usize) -> InputFile {
        let e = self.entries[i];
        let path = self.path(i);
        InputFile {
            root: self.root(i).to_path_buf(),
            id: file_id(self.root(i), &path),
            path,
            size: e.size,
            problem: (e.dir == WHOLE)
                .then(|| self.whole[e.start as usize].problem.clone())
                .flatten(),
        }
    }

    /// Every file, in order.
    pub fn iter(&self) -> impl Iterator<Item = InputFile> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Files found under each root, in root order.
    pub fn files_per_root(&self) -> Vec<u64> {
        let mut counts = vec![0u64; self.roots.len()];
        for e in &self.entries {
            counts[e.root as usize] += 1;
        }
        counts
    }

    /// Bytes of all the files found.
    pub fn total_size(&self) -> u64 {
        self.entries.iter().map(|e| e.size).sum()
    }

    /// Heap bytes the list holds (capacity of its buffers, folders and whole entries).
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.names.capacity()
            + self.dirs.iter().map(|d| d.capacity() + 24).sum::<usize>()
            + self.roots.iter().map(|r| r.capacity() + 24).sum::<usize>()
            + (self.whole.iter())
                .map(|w| w.path.capacity() + w.problem.as_ref().map_or(0, String::capacity) + 48)
                .sum::<usize>()
    }

    /// The list without the files `drop` says to leave out.
    pub fn without(self, mut drop: impl FnMut(&InputFile) -> bool) -> FileList {
        let mut kept = FileList::new(self.roots.clone());
        for i in 0..self.len() {
            let f = self.get(i);
            if !drop(&f) {
                kept.push(self.entries[i].root as usize, &f.path, f.size, f.problem);
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_back_as_pushed() {
        let roots = vec![PathBuf::from("in/"), PathBuf::from("one.jsonl")];
        let mut list = FileList::new(roots);
        let pushed = [
            (0, "in/a/x.txt", 10, None),
            (0, "in/a/y.txt.gz", 11, None),
            (0, "in/b/c/z.md", 12, None),
            (0, "in/a/w.txt", 13, None),
            (0, "in/broken", 0, Some("broken symlink".to_string())),
            (1, "one.jsonl", 14, None),
            (0, "./sub/c.html", 15, None),
        ];
        for (root, path, size, problem) in pushed.clone() {
            list.push(root, Path::new(path), size, problem);
        }
        assert_eq!(list.len(), pushed.len());
        for (i, (root, path, size, problem)) in pushed.into_iter().enumerate() {
            let f = list.get(i);
            let root_path = list.roots()[root].clone();
            let expected = InputFile {
                path: PathBuf::from(path),
                id: file_id(&root_path, Path::new(path)),
                root: root_path,
                size,
                problem,
            };
            assert_eq!(f, expected, "{path}");
            assert_eq!(list.id(i), f.id);
        }
        assert_eq!(list.get(1).id, "a/y");
        assert_eq!(list.files_per_root(), [6, 1]);
        assert_eq!(list.total_size(), 10 + 11 + 12 + 13 + 14 + 15);
        // Files in one folder share it.
        assert_eq!(list.dirs.len(), 4);
        let kept = list.without(|f| f.path.starts_with("in/a"));
        let ids: Vec<String> = kept.iter().map(|f| f.id).collect();
        assert_eq!(ids, ["b/c/z", "broken", "one", "sub/c"]);
    }

    /// Regression: the 1 GB folder corpus (228,123 files) held ~54 MB of file list,
    /// which made peak RSS grow with the corpus (132 MB at 100 MB, 206 MB at 1 GB).
    #[test]
    fn a_folder_corpus_costs_about_40_bytes_a_file_in_the_list() {
        let root = PathBuf::from("/data/corpora/generated/gen-1000/txt");
        let mut list = FileList::new(vec![root.clone()]);
        let n = 100_000;
        for i in 0..n {
            let path = root.join(format!("{:04}/a{i:07}.txt", i / 1000));
            list.push(0, &path, 4400, None);
        }
        list.entries.shrink_to_fit();
        list.names.shrink_to_fit();
        let per_file = list.heap_bytes() / n;
        assert!(per_file <= 40, "{per_file} bytes a file");
        assert_eq!(list.dirs.len(), 100);
        assert_eq!(list.get(54_321).path, root.join("0054/a0054321.txt"));
        assert_eq!(list.id(54_321), "0054/a0054321");
    }
}
