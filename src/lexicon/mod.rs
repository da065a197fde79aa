//! Lexicons: reporting verbs and phrases, person nouns (titles, kin, anonymous sources),
//! honorifics, organisation words, stance words and document nouns.
//!
//! They are tab-separated data files in `lexicons/`, compiled into the binary with
//! `include_str!` so a run never depends on files beside the executable, and a user extends
//! them with `--lexicon FILE`. Every file is a sequence of sections: a line `#kind NAME`
//! says which lexicon the following lines extend; other `#` lines are comments. The format
//! of each kind is documented at the top of its built-in file and in `docs/extraction.md`.
//!
//! Loading builds the lookup structures once (an Aho-Corasick automaton over every cue
//! form, hash maps for the word lists), so extraction only does lookups.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::model::{CueType, Gender, Stance};

/// The built-in lexicon files: (name, contents).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "reporting_verbs.tsv",
        include_str!("../../lexicons/reporting_verbs.tsv"),
    ),
    (
        "person_nouns.tsv",
        include_str!("../../lexicons/person_nouns.tsv"),
    ),
    (
        "honorifics.tsv",
        include_str!("../../lexicons/honorifics.tsv"),
    ),
    (
        "organisations.tsv",
        include_str!("../../lexicons/organisations.tsv"),
    ),
    (
        "stance_words.tsv",
        include_str!("../../lexicons/stance_words.tsv"),
    ),
    (
        "documents.tsv",
        include_str!("../../lexicons/documents.tsv"),
    ),
    (
        "lexicons/demonyms.tsv",
        include_str!("../../lexicons/demonyms.tsv"),
    ),
];

/// A failure to read or parse a lexicon file.
#[derive(Debug, thiserror::Error)]
#[error("lexicon {path}: {message}")]
pub struct LexiconError {
    pub path: PathBuf,
    pub message: String,
}

/// Which complements a reporting verb takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseTaking {
    /// A reported clause with or without "that".
    Bare,
    /// A clause only after "that" (possibly after an object: "denied claims that").
    That,
    /// Like `Bare`, and the object right after the verb is part of the cue ("told reporters").
    Object,
}

/// One reporting verb form.
#[derive(Debug, Clone, PartialEq)]
pub struct CueEntry {
    /// The form as matched, lowercase, words separated by one space.
    pub form: String,
    pub lemma: String,
    pub cue_type: CueType,
    pub stance: Stance,
    pub clause: ClauseTaking,
}

/// The class of a person noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonClass {
    /// A title or function: becomes the `role`.
    Role,
    /// A relation ("husband"): gender evidence only.
    Kin,
    /// An unnamed person ("witness").
    Person,
    /// An anonymous source ("a source close to the talks").
    Anonymous,
}

/// A person noun: its gender (when the noun states one) and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonNoun {
    pub gender: Gender,
    pub class: PersonClass,
}

/// An honorific: the gender and the role it states, if any ("Gov." -> governor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Honorific {
    pub gender: Gender,
    pub role: Option<String>,
}

/// The hasher of the word maps: FxHash (the multiply-rotate hash of rustc), a few
/// instructions per 8 bytes. The keys are short words from our own lexicon files, looked
/// up millions of times per run; SipHash's protection against chosen keys buys nothing
/// here and cost more than the lookups themselves.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(Self::SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A fixed list of lowercase words (determiners, prepositions, auxiliaries ...) with a
/// membership test that answers most words outside the list with one hash and two bit
/// tests: a Bloom filter built at compile time over the list, checked before the list
/// itself. `contains` answers exactly what `<[&str]>::contains` answers (the filter has no
/// false negatives, and a word it lets through is compared with the list), where a scan of
/// 20 to 70 words per question was a visible share of extraction.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    bloom: [u64; WordList::BLOOM_WORDS],
}

impl WordList {
    const BLOOM_WORDS: usize = 64;
    const BLOOM_BITS: u64 = (Self::BLOOM_WORDS * 64) as u64;

    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut bloom = [0u64; Self::BLOOM_WORDS];
        let mut i = 0;
        while i < words.len() {
            let h = Self::hash(words[i].as_bytes());
            let (a, b) = Self::bits(h);
            bloom[(a / 64) as usize] |= 1 << (a % 64);
            bloom[(b / 64) as usize] |= 1 << (b % 64);
            i += 1;
        }
        WordList { words, bloom }
    }

    /// FNV-1a, usable in a `const fn`.
    #[inline]
    const fn hash(b: &[u8]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut i = 0;
        while i < b.len() {
            h ^= b[i] as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        h
    }

    #[inline]
    const fn bits(h: u64) -> (u64, u64) {
        (h % Self::BLOOM_BITS, (h >> 32) % Self::BLOOM_BITS)
    }

    /// Whether `word` is in the list (same argument shape as `<[&str]>::contains`).
    #[inline]
    pub fn contains(&self, word: &&str) -> bool {
        let (a, b) = Self::bits(Self::hash(word.as_bytes()));
        let set = |x: u64| self.bloom[(x / 64) as usize] & (1 << (x % 64)) != 0;
        set(a) && set(b) && self.words.contains(word)
    }

    /// The words, in the order listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// A filter over the keys of one lexicon map: one bit of 8,192 per key, chosen from its
/// length and its first, middle and last bytes (no hashing of the whole word). A word
/// whose bit is clear is certainly no key, so the map is asked only about the rest: most
/// words the extractor asks about (names, verbs, function words) are no person noun,
/// honorific or organisation word, and a miss costs a hash and a probe otherwise.
#[derive(Debug, Clone)]
struct KeyFilter(Box<[u64; KeyFilter::WORDS]>);

impl KeyFilter {
    const WORDS: usize = 128;

    fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = Box::new([0u64; Self::WORDS]);
        for k in keys {
            let s = Self::slot(k.as_bytes());
            bits[s / 64] |= 1 << (s % 64);
        }
        KeyFilter(bits)
    }

    #[inline]
    fn slot(w: &[u8]) -> usize {
        let n = w.len();
        let (first, mid, last) = match n {
            0 => (0, 0, 0),
            _ => (w[0], w[n / 2], w[n - 1]),
        };
        let h = (n as u32).wrapping_mul(0x9E37_79B1)
            ^ u32::from(first).wrapping_mul(0x85EB_CA77)
            ^ u32::from(mid).wrapping_mul(0xC2B2_AE3D)
            ^ u32::from(last).wrapping_mul(0x27D4_EB2F);
        (h.wrapping_mul(0x9E37_79B1) >> 19) as usize
    }

    /// `false` only when `word` is certainly not a key.
    #[inline]
    fn may_contain(&self, word: &str) -> bool {
        let s = Self::slot(word.as_bytes());
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

/// A map keyed by words, hashed with [`WordHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;
/// A set of words, hashed with [`WordHasher`].
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// Every lexicon the extractor consults.
#[derive(Debug, Clone)]
pub struct Lexicon {
    cues: Vec<CueEntry>,
    /// Aho-Corasick over every cue form (ASCII case-insensitive, leftmost-longest).
    cue_matcher: AhoCorasick,
    /// Form -> index into `cues`.
    cue_index: WordMap<usize>,
    person_nouns: WordMap<PersonNoun>,
    honorifics: WordMap<Honorific>,
    org_heads: WordSet,
    org_nouns: WordSet,
    stance_words: WordMap<Stance>,
    documents: WordSet,
    demonyms: Vec<Demonym>,
    /// Hash over the built-in and user files, recorded in the manifest.
    hash: String,
    /// Filters over the keys of `cue_index`, `person_nouns`, `honorifics`, `org_heads`
    /// and `org_nouns` (built once the maps are complete; the maps never change after).
    cue_keys: KeyFilter,
    person_keys: KeyFilter,
    honorific_keys: KeyFilter,
    org_head_keys: KeyFilter,
    org_noun_keys: KeyFilter,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::builtin()
    }
}

/// The lexicon kinds a `#kind` line may name.
const KINDS: &[&str] = &[
    "reporting_verbs",
    "person_nouns",
    "honorifics",
    "organisations",
    "stance_words",
    "documents",
    "demonyms",
];

/// A singular nationality noun ("Frenchman", "Canadian"), the gender it states, and the
/// place names and adjectives that state the same nationality next to a name ("Sweden's
/// Erik Lindqvist", "Canadian nurse Marie Dubois"): `lexicons/demonyms.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Demonym {
    pub word: String,
    pub gender: Gender,
    pub places: Vec<String>,
}

impl Demonym {
    /// Whether a nationality word stated with a name fits this description.
    pub fn fits(&self, stated: &str) -> bool {
        self.places.iter().any(|p| p == stated)
    }
}

#[derive(Default)]
struct Builder {
    cues: Vec<CueEntry>,
    person_nouns: WordMap<PersonNoun>,
    honorifics: WordMap<Honorific>,
    org_heads: WordSet,
    org_nouns: WordSet,
    stance_words: WordMap<Stance>,
    documents: WordSet,
    demonyms: Vec<Demonym>,
}

impl Builder {
    fn add_file(&mut self, path: &Path, body: &str) -> Result<(), LexiconError> {
        let err = |line: usize, message: String| LexiconError {
            path: path.to_path_buf(),
            message: format!("line {line}: {message}"),
        };
        let mut kind: Option<&str> = None;
        for (i, raw) in body.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix("#kind") {
                let name = rest.trim();
                kind = Some(KINDS.iter().copied().find(|k| *k == name).ok_or_else(|| {
                    err(
                        n,
                        format!(
                            "unknown lexicon kind {name:?} (known: {})",
                            KINDS.join(", ")
                        ),
                    )
                })?);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let Some(k) = kind else {
                return Err(err(
                    n,
                    "entry before any `#kind NAME` line (say which lexicon this file extends)"
                        .into(),
                ));
            };
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let need = match k {
                "reporting_verbs" => 5,
                "person_nouns" => 3,
                "honorifics" => 3,
                "organisations" => 2,
                "stance_words" => 2,
                "demonyms" => 3,
                _ => 1,
            };
            if cols.len() < need {
                return Err(err(
                    n,
                    format!(
                        "{k} needs {need} tab-separated columns, found {}",
                        cols.len()
                    ),
                ));
            }
            match k {
                "reporting_verbs" => {
                    let cue_type = CueType::parse(cols[2])
                        .ok_or_else(|| err(n, format!("unknown cue_type {:?}", cols[2])))?;
                    let stance = Stance::parse(cols[3])
                        .ok_or_else(|| err(n, format!("unknown stance {:?}", cols[3])))?;
                    let clause = match cols[4] {
                        "bare" => ClauseTaking::Bare,
                        "that" => ClauseTaking::That,
                        "obj" => ClauseTaking::Object,
                        other => {
                            return Err(err(
                                n,
                                format!("unknown clause {other:?} (bare, that, obj)"),
                            ))
                        }
                    };
                    for form in cols[1].split_whitespace() {
                        let form = form.replace('_', " ").to_lowercase();
                        self.cues.retain(|c| c.form != form);
                        self.cues.push(CueEntry {
                            form,
                            lemma: cols[0].to_string(),
                            cue_type,
                            stance,
                            clause,
                        });
                    }
                }
                "person_nouns" => {
                    let gender = parse_gender(cols[1])
                        .ok_or_else(|| err(n, format!("unknown gender {:?}", cols[1])))?;
                    let class = match cols[2] {
                        "role" => PersonClass::Role,
                        "kin" => PersonClass::Kin,
                        "person" => PersonClass::Person,
                        "anonymous" => PersonClass::Anonymous,
                        other => return Err(err(n, format!("unknown class {other:?}"))),
                    };
                    self.person_nouns.insert(
                        cols[0].replace('_', " ").to_lowercase(),
                        PersonNoun { gender, class },
                    );
                }
                "honorifics" => {
                    let gender = parse_gender(cols[1])
                        .ok_or_else(|| err(n, format!("unknown gender {:?}", cols[1])))?;
                    let role = (cols[2] != "-").then(|| cols[2].to_string());
                    self.honorifics
                        .insert(cols[0].to_string(), Honorific { gender, role });
                }
                "organisations" => {
                    let w = cols[0].to_lowercase();
                    match cols[1] {
                        "head" => {
                            self.org_heads.insert(w);
                        }
                        "noun" => {
                            self.org_nouns.insert(w);
                        }
                        other => return Err(err(n, format!("unknown class {other:?}"))),
                    }
                }
                "stance_words" => {
                    let s = Stance::parse(cols[1])
                        .ok_or_else(|| err(n, format!("unknown stance {:?}", cols[1])))?;
                    self.stance_words.insert(cols[0].to_lowercase(), s);
                }
                "demonyms" => {
                    let gender = parse_gender(cols[1])
                        .ok_or_else(|| err(n, format!("unknown gender {:?}", cols[1])))?;
                    let word = cols[0].replace('_', " ");
                    self.demonyms.retain(|d| d.word != word);
                    self.demonyms.push(Demonym {
                        word,
                        gender,
                        places: cols[2]
                            .split_whitespace()
                            .map(|p| p.replace('_', " "))
                            .collect(),
                    });
                }
                _ => {
                    self.documents.insert(cols[0].to_lowercase());
                }
            }
        }
        Ok(())
    }
}

fn parse_gender(s: &str) -> Option<Gender> {
    if s == "-" {
        Some(Gender::Unknown)
    } else {
        Gender::parse(s)
    }
}

impl Lexicon {
    /// The built-in lexicons only.
    pub fn builtin() -> Self {
        Self::load(&[]).expect("built-in lexicons parse")
    }

    /// The built-in lexicons extended by the given files (later entries override earlier
    /// ones with the same key).
    pub fn load(extra: &[PathBuf]) -> Result<Self, LexiconError> {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let mut b = Builder::default();
        for (name, body) in BUILTIN {
            h.update(name.as_bytes());
            h.update(body.as_bytes());
            b.add_file(Path::new(name), body)?;
        }
        for p in extra {
            let body = read(p)?;
            h.update(body.as_bytes());
            b.add_file(p, &body)?;
        }
        let cue_matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(b.cues.iter().map(|c| c.form.as_str()))
            .map_err(|e| LexiconError {
                path: PathBuf::from("reporting_verbs"),
                message: e.to_string(),
            })?;
        let cue_index = b
            .cues
            .iter()
            .enumerate()
            .map(|(i, c)| (c.form.clone(), i))
            .collect();
        let cue_index: WordMap<usize> = cue_index;
        Ok(Lexicon {
            cue_keys: KeyFilter::new(cue_index.keys().map(String::as_str)),
            person_keys: KeyFilter::new(b.person_nouns.keys().map(String::as_str)),
            honorific_keys: KeyFilter::new(b.honorifics.keys().map(String::as_str)),
            org_head_keys: KeyFilter::new(b.org_heads.iter().map(String::as_str)),
            org_noun_keys: KeyFilter::new(b.org_nouns.iter().map(String::as_str)),
            cue_index,
            cues: b.cues,
            cue_matcher,
            person_nouns: b.person_nouns,
            honorifics: b.honorifics,
            org_heads: b.org_heads,
            org_nouns: b.org_nouns,
            stance_words: b.stance_words,
            documents: b.documents,
            demonyms: b.demonyms,
            hash: format!("{:032x}", h.digest128()),
        })
    }

    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Every cue form, in pattern order of [`Lexicon::cue_matcher`].
    pub fn cues(&self) -> &[CueEntry] {
        &self.cues
    }

    /// The automaton over every cue form (pattern id = index into [`Lexicon::cues`]).
    pub fn cue_matcher(&self) -> &AhoCorasick {
        &self.cue_matcher
    }

    /// The cue entry of a form (lowercase, words separated by one space).
    pub fn cue(&self, form: &str) -> Option<&CueEntry> {
        if !self.cue_keys.may_contain(form) {
            return None;
        }
        self.cue_index.get(form).map(|&i| &self.cues[i])
    }

    /// A person noun (lowercase).
    pub fn person_noun(&self, word: &str) -> Option<PersonNoun> {
        // Professions by suffix: "geologist", "physician", "economist" (listed or not).
        let profession = |w: &str| {
            (w.len() > 6 && (w.ends_with("ologist") || w.ends_with("ician"))).then_some(
                PersonNoun {
                    gender: Gender::Unknown,
                    class: PersonClass::Role,
                },
            )
        };
        let get = |w: &str| {
            if self.person_keys.may_contain(w) {
                self.person_nouns.get(w)
            } else {
                None
            }
        };
        get(word).copied().or_else(|| profession(word)).or_else(|| {
            // "spokespeople" is listed; plain plurals ("officials", "nurses") are not.
            let sing = word.strip_suffix('s')?;
            get(sing)
                .copied()
                .filter(|p| matches!(p.class, PersonClass::Role | PersonClass::Person))
        })
    }

    /// An honorific as written ("Mr", "Gov.").
    pub fn honorific(&self, word: &str) -> Option<&Honorific> {
        if !self.honorific_keys.may_contain(word) {
            return None;
        }
        self.honorifics.get(word)
    }

    /// A word that heads or ends an organisation name (lowercase).
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_head_keys.may_contain(word) && self.org_heads.contains(word)
    }

    /// A common noun that describes an organisation ("company", "union").
    pub fn is_org_noun(&self, word: &str) -> bool {
        self.org_noun_keys.may_contain(word) && self.org_nouns.contains(word)
    }

    /// The stance a clause head predicate states (lowercase form).
    pub fn stance_word(&self, word: &str) -> Option<Stance> {
        self.stance_words.get(word).copied()
    }

    /// A noun naming a document or data rather than a speaker.
    /// The nationality noun `word` as written ("Frenchman", "New Zealander").
    pub fn demonym(&self, word: &str) -> Option<&Demonym> {
        self.demonyms.iter().find(|d| d.word == word)
    }

    /// Whether a word states some nationality of the list (a place or an adjective).
    pub fn is_nationality_word(&self, w: &str) -> bool {
        self.demonyms.iter().any(|d| d.fits(w))
    }

    pub fn is_document(&self, word: &str) -> bool {
        self.documents.contains(word)
    }
}

fn read(p: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(p).map_err(|e| LexiconError {
        path: p.to_path_buf(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `WordList::contains` answers exactly what the slice answers, for listed words and
    /// for others (incl. near misses, case variants and the empty word).
    #[test]
    fn word_list_agrees_with_the_slice() {
        const WORDS: &[&str] = &["in", "on", "at", "during", "throughout", "a", "’s", "été"];
        static LIST: WordList = WordList::new(WORDS);
        for w in WORDS.iter().copied().chain([
            "", "In", "ON", "i", "dur", "durings", "s", "été ", "x", "the",
        ]) {
            assert_eq!(LIST.contains(&w), WORDS.contains(&w), "{w:?}");
        }
        assert_eq!(LIST.words(), WORDS);
    }

    /// The key filters in front of the maps never hide a key: every key of every filtered
    /// map is still found, and words that are no key answer as the bare maps answer.
    #[test]
    fn key_filters_hide_no_key() {
        let lx = Lexicon::builtin();
        for k in lx.cue_index.keys() {
            assert!(lx.cue(k).is_some(), "{k:?}");
        }
        for (k, v) in &lx.person_nouns {
            assert_eq!(lx.person_noun(k), Some(*v), "{k:?}");
        }
        for k in lx.honorifics.keys() {
            assert!(lx.honorific(k).is_some(), "{k:?}");
        }
        for k in &lx.org_heads {
            assert!(lx.is_org_head(k), "{k:?}");
        }
        for k in &lx.org_nouns {
            assert!(lx.is_org_noun(k), "{k:?}");
        }
        let text = include_str!("../../lexicons/person_nouns.tsv").to_owned()
            + " the Smith said Mr mr Dr. council councils officials nurses geologist é x";
        for w in text.split(|c: char| c.is_whitespace() || c == '\t') {
            assert_eq!(lx.cue(w).is_some(), lx.cue_index.contains_key(w), "{w:?}");
            assert_eq!(
                lx.honorific(w).is_some(),
                lx.honorifics.contains_key(w),
                "{w:?}"
            );
            assert_eq!(lx.is_org_head(w), lx.org_heads.contains(w), "{w:?}");
            assert_eq!(lx.is_org_noun(w), lx.org_nouns.contains(w), "{w:?}");
            let bare = lx.person_nouns.get(w).copied().or_else(|| {
                lx.person_nouns
                    .get(w.strip_suffix('s')?)
                    .copied()
                    .filter(|p| matches!(p.class, PersonClass::Role | PersonClass::Person))
            });
            if w.len() <= 6 || !(w.ends_with("ologist") || w.ends_with("ician")) {
                assert_eq!(lx.person_noun(w), bare, "{w:?}");
            }
        }
    }

    #[test]
    fn builtin_has_several_hundred_cue_forms() {
        let lx = Lexicon::builtin();
        assert!(lx.cues().len() >= 300, "{}", lx.cues().len());
        let said = lx.cue("said").unwrap();
        assert_eq!(said.lemma, "say");
        assert_eq!(said.cue_type, CueType::Statement);
        let ct = lx.cue("according to").unwrap();
        assert_eq!(ct.lemma, "according to");
        assert_eq!(lx.cue("denied").unwrap().stance, Stance::Opposing);
        assert_eq!(lx.cue("welcomed").unwrap().cue_type, CueType::Praise);
    }

    #[test]
    fn user_file_extends_and_changes_hash() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("mine.tsv");
        std::fs::write(
            &p,
            "#kind reporting_verbs\nquip\tquip quips quipped\tstatement\tneutral\tbare\n#kind person_nouns\nfarrier\t-\trole\n",
        )
        .unwrap();
        let lx = Lexicon::load(std::slice::from_ref(&p)).unwrap();
        assert_eq!(lx.cue("quipped").unwrap().lemma, "quip");
        assert_eq!(lx.person_noun("farrier").unwrap().class, PersonClass::Role);
        assert_ne!(lx.hash(), Lexicon::builtin().hash());
    }

    #[test]
    fn demonyms_are_a_lexicon_a_user_file_extends() {
        let lx = Lexicon::builtin();
        let fr = lx.demonym("Frenchman").unwrap();
        assert_eq!(fr.gender, Gender::Male);
        assert!(fr.fits("France") && fr.fits("French") && !fr.fits("Sweden"));
        assert!(lx.demonym("New Zealander").unwrap().fits("Zealand"));
        assert!(lx.is_nationality_word("Sweden"));
        assert!(lx.demonym("Maltese").is_none());
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("mine.tsv");
        std::fs::write(&p, "#kind demonyms\nMaltese\t-\tMalta Maltese\n").unwrap();
        let lx = Lexicon::load(std::slice::from_ref(&p)).unwrap();
        assert!(lx.demonym("Maltese").unwrap().fits("Malta"));
        assert!(lx.is_nationality_word("Malta"));
    }

    #[test]
    fn user_file_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.tsv");
        std::fs::write(&p, "quip\tquips\tstatement\tneutral\tbare\n").unwrap();
        let e = Lexicon::load(std::slice::from_ref(&p)).unwrap_err();
        assert!(e.to_string().contains("bad.tsv"), "{e}");
        assert!(e.to_string().contains("line 1"), "{e}");
        std::fs::write(&p, "#kind verbs\n").unwrap();
        let e = Lexicon::load(std::slice::from_ref(&p)).unwrap_err();
        assert!(e.to_string().contains("unknown lexicon kind"), "{e}");
        std::fs::write(
            &p,
            "#kind reporting_verbs\nquip\tquips\tjoke\tneutral\tbare\n",
        )
        .unwrap();
        let e = Lexicon::load(std::slice::from_ref(&p)).unwrap_err();
        assert!(e.to_string().contains("cue_type"), "{e}");
    }
}
