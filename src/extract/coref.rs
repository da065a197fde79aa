//! Coreference within one article: an inventory of every proper name it uses (capitalised
//! runs, titles and honorifics split off, acronyms in brackets recorded as aliases), with
//! evidence of person vs organisation and of gender; short forms ("Mr Lukashenko",
//! "Whitlow", "RDF") resolve to the longest compatible name, and organisation nouns ("the
//! company", "police", "the drivers' union") to a named organisation of the article.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use crate::lexicon::{Lexicon, PersonClass, WordHasher, WordMap, WordSet};
use crate::model::Gender;
use crate::text::{lowercase, Sentence, WordTable};

/// One occurrence of a proper name.
#[derive(Debug, Clone)]
pub struct NameOcc {
    pub range: Range<usize>,
    /// The name without a leading "The" and possessive "'s".
    pub name: String,
    pub last: String,
    pub tokens: usize,
    pub person: bool,
    pub org: bool,
    pub gender: Gender,
    /// Organisation nouns stated before it ("Bakery firm Harwell’s" -> firm).
    pub descriptors: Vec<String>,
    /// A title stated before the name ("Council leader Amy Shaw" -> "Council leader").
    pub role: Option<String>,
    /// The name is the subject of its sentence (only title words before it).
    pub subject: bool,
    /// The role comes from a description before the name ("The head of the British Army,
    /// Gen. Sir Patrick Harwood"), which states the office more precisely than a rank or
    /// honorific does.
    pub described: bool,
}

impl NameOcc {
    /// A surname alone introduced with a judge's style ("Mr Justice Hallam"): "the judge"
    /// may stand for it although it is one word.
    pub fn judge_style(&self) -> bool {
        self.tokens == 1
            && self
                .role
                .as_deref()
                .is_some_and(|r| r.eq_ignore_ascii_case("judge"))
    }
}

/// The names of an article.
#[derive(Debug, Default)]
pub struct Inventory {
    pub names: Vec<NameOcc>,
    /// Acronym -> organisation name ("RDF" -> "Rail Drivers’ Federation").
    pub aliases: WordMap<String>,
    /// Nickname -> person name (`Patrick “Paddy” Doyle`: "Paddy" -> "Patrick Doyle").
    pub nicknames: WordMap<String>,
    /// Memo of [`super::mentions::capitalised_mid_sentence`] per word (one scan each).
    mid_sentence: WordMap<bool>,
    /// Indices into `names` (ascending) per `name` and per `last`, so questions about one
    /// name look at its occurrences only: scanning every name per quote made an article
    /// with thousands of names quadratic (cubic through `gender_of` in `canonical`).
    by_name: Postings,
    by_last: Postings,
    /// Per the text before the first space of a name that has one.
    by_first: Postings,
    /// `by_last` restricted to names of two or more words.
    by_last_multi: Postings,
    /// Names with an occurrence that carries person evidence; and those of one word
    /// (indexed per name, like `by_name`).
    person_names: Postings,
    single_person_names: Postings,
    /// The names acronyms stand for (the values of `aliases`).
    alias_targets: WordSet,
    /// Answers and indexes computed on first use: each question below used to scan every
    /// name of the article per quote, which made an article with tens of thousands of
    /// names (one 5 MB line of news prose) quadratic.
    main_org: OnceCell<Option<String>>,
    org_ending: OnceCell<WordMap<Option<String>>>,
    org_words: OnceCell<OrgWords>,
    longest_org: RefCell<WordMap<String>>,
    title_keys: OnceCell<HashMap<u32, Vec<usize>, BuildHasherDefault<WordHasher>>>,
    titled: RefCell<WordMap<Option<String>>>,
    /// For it/we/they in `resolve_mention`: how many resolved quotes were read, and the
    /// last one with an organisation speaker and with a group/organisation/unknown one.
    pub(super) speaker_cursor: Cell<(usize, Option<usize>, Option<usize>)>,
}

/// The organisation names (`org && !person`) of an article by the words that let an
/// organisation description stand for them (see [`Inventory::organisation_for`]); each list
/// holds indices into `names` in text order.
#[derive(Debug, Default)]
struct OrgWords {
    /// Per lowercase word of the name, as written.
    word: WordMap<Vec<usize>>,
    /// Per lowercase word of the name without a trailing apostrophe ("drivers’" -> "drivers").
    trimmed: WordMap<Vec<usize>>,
    /// Per organisation noun stated before the name ("firm" for "Bakery firm Harwell’s").
    descriptor: WordMap<Vec<usize>>,
}

/// Which string of a [`NameOcc`] a [`Postings`] index is keyed by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Key {
    #[default]
    Name,
    Last,
    /// The text before the first space of the name (names without a space have none).
    First,
}

impl Key {
    fn of(self, n: &NameOcc) -> Option<&str> {
        match self {
            Key::Name => Some(&n.name),
            Key::Last => Some(&n.last),
            Key::First => n.name.split_once(' ').map(|(f, _)| f),
        }
    }
}

/// Indices into `names` grouped by a key of the name ([`Key`]), as one vector of (hash of
/// the key, index) sorted by both: a lookup is a binary search for the hash, then the
/// indices under it (ascending, so in text order) whose key equals the one asked for (two
/// keys with one hash never mix). Built with one allocation per article, where a
/// `String -> Vec<usize>` map per key cost two allocations per distinct name, a hash
/// probe per occurrence and as many frees again when the article was done.
#[derive(Debug, Default)]
struct Postings {
    key: Key,
    entries: Vec<(u64, u32)>,
}

fn key_hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    BuildHasherDefault::<WordHasher>::default().hash_one(s)
}

impl Postings {
    /// The names `keep` selects, indexed by `key`; `hashes[i]` is the hash of name `i`'s
    /// key (`key_hash`), None when it has none.
    fn build(
        names: &[NameOcc],
        key: Key,
        hashes: &[Option<u64>],
        keep: impl Fn(&NameOcc) -> bool,
    ) -> Self {
        let mut entries: Vec<(u64, u32)> = Vec::with_capacity(names.len());
        for (i, (n, h)) in names.iter().zip(hashes).enumerate() {
            if let Some(h) = *h {
                if keep(n) {
                    entries.push((h, i as u32));
                }
            }
        }
        entries.sort_unstable();
        Postings { key, entries }
    }

    /// The indices (ascending) of the names whose key is `k`.
    fn get<'a>(
        &'a self,
        names: &'a [NameOcc],
        k: &'a str,
    ) -> impl DoubleEndedIterator<Item = usize> + 'a {
        let h = key_hash(k);
        let from = self.entries.partition_point(|e| e.0 < h);
        let to = from + self.entries[from..].partition_point(|e| e.0 == h);
        self.entries[from..to]
            .iter()
            .map(|e| e.1 as usize)
            .filter(move |&i| self.key.of(&names[i]) == Some(k))
    }

    fn contains(&self, names: &[NameOcc], k: &str) -> bool {
        self.get(names, k).next().is_some()
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// From this many names on, an article's organisation and title questions are answered
/// from indexes (built on first use); below it a scan of the names is cheaper.
const INDEX_FROM: usize = 200;

/// The key of the title index (see [`Inventory::title_keys`]): the last three bytes of
/// `s` lowercased, None when `s` has fewer. Whatever ends with an ASCII word of three or
/// more bytes once lowercased has that word's last three bytes as its key.
fn tail_key(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() < 3 {
        return None;
    }
    let key = |t: &[u8]| {
        u32::from_le_bytes([
            t[0].to_ascii_lowercase(),
            t[1].to_ascii_lowercase(),
            t[2].to_ascii_lowercase(),
            0,
        ])
    };
    let t = &b[b.len() - 3..];
    if t.is_ascii() {
        return Some(key(t));
    }
    // (a non-ASCII tail: lowercase its last four characters, enough for three bytes)
    let cut = s.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let l = s[cut..].to_lowercase();
    let lb = l.as_bytes();
    (lb.len() >= 3).then(|| key(&lb[lb.len() - 3..]))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || hyphenated_particle_name(w)
}

/// A surname joined to a lowercase Arabic article ("al-Abbasi", "el-Sisi", "ul-Haq"):
/// capitalised as a name word, like "Abbasi" alone.
pub fn hyphenated_particle_name(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 3
        && b[2] == b'-'
        && matches!(&b[..2], b"al" | b"el" | b"ul" | b"ad" | b"ud")
        && w[3..].starts_with(char::is_uppercase)
}

/// Lowercase name particles ("de", "van", "von der", "bin"): inside a name when between
/// capitalised words ("Jan de Groot", "Ursula von der Leyen", "Rio de Janeiro").
pub const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "la", "le",
    "ter", "ten", "bin", "ibn", "al",
];

/// When `ws[at]` opens one or two name particles followed, with single spaces, by a
/// capitalised word (and a capitalised word comes before): the index after that word.
pub fn particles_then_capital(text: &str, ws: &[Range<usize>], at: usize) -> Option<usize> {
    if at == 0 || !is_cap(&text[ws[at - 1].clone()]) {
        return None;
    }
    let mut j = at;
    while j < ws.len() && j < at + 2 && NAME_PARTICLES.contains(&&text[ws[j].clone()]) {
        if text[ws[j - 1].end..ws[j].start] != *" " {
            return None;
        }
        j += 1;
    }
    let next = ws.get(j)?;
    (j > at && text[ws[j - 1].end..next.start] == *" " && is_cap(&text[next.clone()]))
        .then_some(j + 1)
}

/// "De Groot" for "Jan de Groot": `short` ends `full` once its first particle is lowered.
fn ends_with_particle_lowered(full: &str, short: &str) -> bool {
    let Some((first, rest)) = short.split_once(' ') else {
        return false;
    };
    let lowered = first.to_lowercase();
    NAME_PARTICLES.contains(&lowered.as_str())
        && full
            .strip_suffix(rest)
            .and_then(|f| f.strip_suffix(' '))
            .and_then(|f| f.strip_suffix(lowered.as_str()))
            .is_some_and(|f| f.ends_with(' '))
}

pub fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Whether the words just before `ws[k]` in its sentence close a title with "of" or "for"
/// ("Chancellor of the", "Deputy Comptroller of the", "Secretary of State for", "leader of
/// the Opposition in the"): a role noun, then "of"/"for", then function words and
/// capitalised words only, up to `ws[k]`. Gives where the title starts (capitalised
/// modifiers before the role noun belong to it: "Deputy Comptroller").
pub fn title_of_before(text: &str, ws: &[Range<usize>], k: usize, lx: &Lexicon) -> Option<usize> {
    const LINKS: &[&str] = &["of", "for", "the", "in", "at", "and"];
    if k == 0 || !matches!(&text[ws[k - 1].clone()], "of" | "for" | "the" | "in" | "at") {
        return None;
    }
    let joined = |j: usize| text[ws[j].end..ws[j + 1].start].trim().is_empty();
    let mut j = k;
    while j > 0 && k - j < 8 {
        j -= 1;
        // (the words of one phrase: no comma or other punctuation between them)
        if !joined(j) {
            return None;
        }
        let t = &text[ws[j].clone()];
        if matches!(t, "of" | "for") && j > 0 && joined(j - 1) {
            let before = lowercase(&text[ws[j - 1].clone()]);
            // (a formal title, capitalised before a name: "Chancellor of the Exchequer",
            // not "a spokesman for the New York Fed", "chairman of the Association of ...")
            if is_cap(&text[ws[j - 1].clone()])
                && lx
                    .person_noun(&before)
                    .is_some_and(|p| p.class == PersonClass::Role)
            {
                let mut ts = j - 1;
                while ts > 0 && j - 1 - ts < 3 && joined(ts - 1) {
                    let m = &text[ws[ts - 1].clone()];
                    if !is_cap(m) || super::mentions::DETERMINERS.contains(&lowercase(m).as_str()) {
                        break;
                    }
                    ts -= 1;
                }
                return Some(ts);
            }
        }
        if !(is_cap(t) || LINKS.contains(&t)) {
            return None;
        }
    }
    None
}

/// "Chancellor of the Exchequer Nigel Lawson", "Minister for Health Stephen Donnelly": a
/// formal title ends right before the capitalised run `k..e` and the run opens with the body
/// it belongs to ([`title_of_before`]), then the name ([`title_body_name_start`]); the run has
/// three words or more and does not end in an organisation word ("a spokesperson for Harbour
/// City Council" is a body's name). Returns the title's first word and the name's first
/// word. The one reader of this form for the coreference inventory and the mention parser
/// (the other form, a title with a PP that starts before the run, is
/// [`pp_title_before_run`]).
pub fn formal_title_name(
    text: &str,
    ws: &[Range<usize>],
    k: usize,
    e: usize,
    lx: &Lexicon,
) -> Option<(usize, usize)> {
    if e < k + 3 || lx.is_org_head(&lowercase(&text[ws[e - 1].clone()])) {
        return None;
    }
    let ts = title_of_before(text, ws, k, lx)?;
    let ns = title_body_name_start(text, ws, k, e, lx)?;
    Some((ts, ns))
}

/// Where the name starts in a run `k..e` that follows a title's "of"/"for" (see
/// [`title_of_before`]): its last two words, and the particles before the last
/// ("Ursula von der Leyen"); none when those do not look like a person's name ("General
/// Staff", "of England", "Preussag AG <PRSG.F>", "World Bank's Moroccan").
pub fn title_body_name_start(
    text: &str,
    ws: &[Range<usize>],
    k: usize,
    e: usize,
    lx: &Lexicon,
) -> Option<usize> {
    let mut ns = e - 2;
    while ns > k + 1 && NAME_PARTICLES.contains(&&text[ws[ns].clone()]) {
        ns -= 1;
    }
    let name_word = |t: &str| {
        let initials = t.len() >= 2
            && t.ends_with('.')
            && t.split('.')
                .all(|p| p.is_empty() || (p.len() == 1 && is_cap(p)));
        let l = lowercase(t);
        initials
            || (is_cap(t)
                && t.chars().any(char::is_lowercase)
                && !t.contains(['<', '>', '(', ')', '\'', '’'])
                && lx.honorific(t).is_none()
                && lx.person_noun(&l).is_none()
                && !lx.is_org_head(&l)
                && !lx.is_org_noun(&l)
                // (a plural of one: "Indian Merchants Chambers")
                && !l.strip_suffix('s').is_some_and(|sg| lx.is_org_head(sg) || lx.is_org_noun(sg)))
    };
    (!NAME_PARTICLES.contains(&&text[ws[ns].clone()])
        && ws[ns..e]
            .iter()
            .map(|w| &text[w.clone()])
            .all(|t| NAME_PARTICLES.contains(&t) || name_word(t)))
    .then_some(ns)
}

/// A company name without the stock ticker wire copy tags it with: "Nissan Motor Co Ltd
/// <NSAN.T>" and "<Meston Lake Resources Inc>" name "Nissan Motor Co Ltd" and "Meston Lake
/// Resources Inc" (the angle brackets mark the ticker or an unlisted company; they are no
/// part of the name a researcher counts).
pub fn strip_ticker(s: &str) -> &str {
    let inner = s.trim_start_matches('<');
    let cut = inner
        .find(['<', '>'])
        .map_or(inner, |i| &inner[..i])
        .trim_end();
    if cut.is_empty() {
        s
    } else {
        cut
    }
}

/// Whether the last word of a name (`last`, after `prev`) also stands alone elsewhere in
/// the text: not right after `prev`'s word ("Erik Lindqvist ... Lindqvist told").
/// (Looked for within 4,000 bytes either side, so a long text is not scanned per name.)
fn surname_used_alone(text: &str, prev: Range<usize>, last: Range<usize>) -> bool {
    const WINDOW: usize = 4000;
    let (p, l) = (&text[prev], &text[last.clone()]);
    let lo = super::floor_char(text, last.start.saturating_sub(WINDOW));
    let hi = super::floor_char(text, (last.end + WINDOW).min(text.len()));
    text[lo..hi].match_indices(l).any(|(j, _)| {
        let i = lo + j;
        i != last.start
            && !text[i + l.len()..].starts_with(char::is_alphanumeric)
            && !text[..i].ends_with(char::is_alphanumeric)
            && !text[..i].trim_end().ends_with(p)
    })
}

/// Whether the title words before a name are one possessive proper noun ("Sweden's Erik
/// Lindqvist", "Labour's Ann Lowe"): where the person is from or belongs, not a role.
pub fn place_possessive_only(words: &[&str]) -> bool {
    matches!(words, [w] if strip_possessive(w).len() < w.len() && is_cap(w))
}

/// Whether the words before the name in the run are honorifics only ("Mr", "Dr").
fn person_has_honorific_only(
    text: &str,
    ws: &[Range<usize>],
    k: usize,
    start: usize,
    lx: &Lexicon,
) -> bool {
    ws[k..start].iter().all(|w| {
        let t = &text[w.clone()];
        lx.honorific(t).is_some_and(|h| h.role.is_none()) || t.eq_ignore_ascii_case("the")
    })
}

/// A measure inside a title ("Olympic 200m finalist", "10,000m champion", "100-metre
/// hurdler"): digits with letters after them, no time of day ("9.05am", "14:10", "10pm").
fn is_measure(w: &str) -> bool {
    let unit = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
    unit.len() < w.len()
        && unit
            .trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_alphabetic())
        && !unit.contains([':', '.'])
        && !matches!(unit, "am" | "pm" | "st" | "nd" | "rd" | "th" | "s")
}

/// The role stated by the honorifics among `ws` ("Sen." -> "senator"; consecutive ones
/// make one title: "Lt. Gov." -> "lieutenant governor"): the last such run.
fn honorific_title(text: &str, ws: &[Range<usize>], lx: &Lexicon) -> Option<String> {
    let mut title: Option<String> = None;
    let mut joining = false;
    for w in ws {
        match lx
            .honorific(&text[w.clone()])
            .and_then(|h| h.role.as_deref())
        {
            Some(r) => {
                title = Some(match title.take().filter(|_| joining) {
                    Some(t) => format!("{t} {r}"),
                    None => r.to_string(),
                });
                joining = true;
            }
            None => joining = false,
        }
    }
    title
}

/// The role in an apposition right after a name: ", a geologist at the Fenwick Institute,"
/// -> "geologist at the Fenwick Institute" (cut at who/which and at a trailing place).
/// "Leader of the Opposition in the Rajasthan Assembly Suresh Kanwar", "Deputy governor
/// for monetary policy Clare Lombard": a title with a PP that starts up to eight words
/// before the capitalised run `k..e` (no punctuation between) and whose name starts inside
/// or at the run ([`super::mentions::title_with_pp_then_name`]). Returns the title's first
/// word and the name's first word.
fn pp_title_before_run(
    text: &str,
    ws: &[Range<usize>],
    k: usize,
    e: usize,
    lx: &Lexicon,
) -> Option<(usize, usize)> {
    if k == 0 {
        return None;
    }
    let mut b = k;
    while b > 0 && k - b < 8 && text[ws[b - 1].end..ws[b].start].trim().is_empty() {
        b -= 1;
    }
    (b..k)
        .filter(|&z| {
            lx.person_noun(&lowercase(&text[ws[z].clone()]))
                .is_some_and(|p| p.class == PersonClass::Role)
        })
        .find_map(|z| {
            // ("Former ambassador to ...": a leading former/acting belongs to the title)
            let z = if z > b
                && matches!(
                    lowercase(&text[ws[z - 1].clone()]).as_str(),
                    "former" | "outgoing" | "acting" | "interim" | "deputy"
                ) {
                z - 1
            } else {
                z
            };
            let ns = super::mentions::title_with_pp_then_name(text, &ws[z..e], 0, e - z, lx)?;
            (z + ns >= k).then_some((z, z + ns))
        })
}

fn apposition_role(text: &str, after: usize, lx: &Lexicon) -> Option<String> {
    let rest = text[after..].strip_prefix(", ")?;
    // ("Priya Shah, 29, an accountant from Sevenoaks": an age before the apposition)
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = match rest[digits..].strip_prefix(", ") {
        Some(r) if (1..=3).contains(&digits) => r,
        _ => rest,
    };
    let end = rest
        .find([',', '.', ';', '(', ')', '"', '“', '”'])
        .unwrap_or(rest.len());
    let mut chunk = &rest[..end];
    // "Andrew Kessler, who became headteacher of Thornbury Academy in 2021": a relative
    // clause that makes the name a title states it (is, became, has been, was appointed /
    // named / elected / made); "who was a nurse" (a past state) does not.
    if let Some(r) = chunk.strip_prefix("who ") {
        let mut ws = r.split_whitespace();
        let verb = ws.next().unwrap_or("");
        let skip = match verb {
            // ("who was the constituency’s Liberal MP from 1987": a former role is a role,
            // as "former transport minister" is)
            "is" | "was" | "became" => verb.len() + 1,
            "has" if r.starts_with("has been ") => "has been ".len(),
            "has" if r.starts_with("has become ") => "has become ".len(),
            _ => 0,
        };
        if skip == 0 || skip >= r.len() {
            return None;
        }
        chunk = &r[skip..];
        // ("who was appointed headteacher", "who has been named as captain")
        if let Some(c) = ["appointed ", "named ", "elected ", "made "]
            .iter()
            .find_map(|p| chunk.strip_prefix(p))
        {
            chunk = c.strip_prefix("as ").unwrap_or(c);
        }
        let f = lowercase(chunk.split_whitespace().next()?);
        // ("who is 52", "who is also", "who is leaving"): a title opens with a noun, an
        // article or a title word.
        if f.starts_with(|c: char| c.is_ascii_digit())
            || f == "also"
            || f == "now"
            || f == "not"
            || (f.ends_with("ing") && lx.person_noun(&f).is_none() && f != "acting")
        {
            return None;
        }
    }
    let mut it = chunk.split_whitespace();
    let first = it.next()?;
    let fl = lowercase(first);
    // "Aled Price, told MPs that ...": a verb opens a clause, not an apposition; "Owen
    // Price, and his deputy, Gareth Mills": a coordinator opens the next conjunct.
    if lx.cue(&fl).is_some()
        || matches!(fl.as_str(), "and" | "or" | "but" | "nor" | "including")
        || super::mentions::AUXILIARIES.contains(&fl.as_str())
        || (fl.ends_with("ed") && fl.len() > 4)
        // (", to chancellor and sacking three ministers", ", as the school is now known",
        // ", fighting to regain ...": a preposition, "as" or a participle opens no role)
        || super::mentions::PREPOSITIONS.contains(&fl.as_str())
        || fl == "as"
        // ("Simon Okafor KC, later put it to ...": an adverb opens the clause's verb group)
        || matches!(
            fl.as_str(),
            "later" | "then" | "also" | "earlier" | "again" | "afterwards" | "subsequently"
                | "previously" | "repeatedly" | "twice" | "once" | "yesterday" | "today"
        )
        // ("managing director", "acting chairman" are titles: a role noun follows)
        || (fl.ends_with("ing")
            && fl.len() > 5
            && it
                .clone()
                .next()
                .is_none_or(|w| lx.person_noun(&w.to_lowercase()).is_none()))
    {
        return None;
    }
    let body = if matches!(fl.as_str(), "a" | "an" | "the") {
        chunk[first.len()..].trim_start()
    } else if !matches!(
        fl.as_str(),
        "who" | "which" | "whose" | "aged" | "said" | "says"
    ) && (first.starts_with(char::is_lowercase)
        // "Ingrid Halvorsen, Chief Executive Officer of Halvern Robotics": a capitalised
        // title, when its head (checked below) is a role noun.
        || first.starts_with(char::is_uppercase))
    {
        chunk
    } else {
        return None;
    };
    let mut out = Vec::new();
    for w in body.split_whitespace() {
        let l = lowercase(w);
        if matches!(l.as_str(), "who" | "which" | "whose" | "that") {
            break;
        }
        if matches!(l.as_str(), "from" | "in" | "since" | "until") && !out.is_empty() {
            break;
        }
        out.push(w);
    }
    let out = without_duration(&out);
    // The head (before "of/at/for") must be a person noun or lowercase noun, not a kin noun.
    let head_end = out
        .iter()
        .position(|w| matches!(*w, "of" | "at" | "for"))
        .unwrap_or(out.len());
    let head = lowercase(out.get(head_end.checked_sub(1)?)?);
    if head.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    match lx.person_noun(&head) {
        Some(p) if p.class == PersonClass::Role => {}
        _ => return None,
    }
    Some(out.join(" "))
}

/// "The moderator, broadcaster Tom Ellery": an organisation noun that opens an apposition
/// to a description headed by a person noun (role, kin or person) is a person's
/// occupation, not an organisation's descriptor ("Developer Harrowgate Homes" stays one).
fn after_person_description(text: &str, word_start: usize, lx: &Lexicon) -> bool {
    text[..word_start]
        .strip_suffix(", ")
        .and_then(|b| b.rsplit(|c: char| c.is_whitespace()).next())
        .is_some_and(|w| lx.person_noun(&lowercase(w)).is_some())
}

/// The role in a description chunk right before a name: "The director of the Ashgrove
/// Museum, Dr Helen Marchetti" -> "director of the Ashgrove Museum".
fn description_before(text: &str, name_start: usize, lx: &Lexicon) -> Option<String> {
    // ("The Bishop of Castlebridge, the Rt Rev Jonathan Fairley": a "the" before a
    // honorific opens the name's own phrase)
    let before = text[..name_start].strip_suffix(", ").or_else(|| {
        text[name_start..]
            .split_whitespace()
            .next()
            .and_then(|w| lx.honorific(w))
            .and_then(|_| {
                text[..name_start]
                    .strip_suffix("the ")
                    .and_then(|b| b.strip_suffix(", "))
            })
    })?;
    // After the last sentence or clause mark (which may be a multi-byte quote mark).
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | ',' | '\n' | ';' | '"' | '“'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let chunk = before[start..].trim();
    let mut words: Vec<&str> = chunk.split_whitespace().collect();
    // "When the health secretary, Priya Raman, told MPs": a subordinator opens the chunk.
    if words.len() > 2
        && matches!(
            lowercase(words[0]).as_str(),
            "when" | "as" | "after" | "before" | "while" | "since" | "because" | "although" | "if"
        )
    {
        words.remove(0);
    }
    // The description opens at a determiner or possessive: the first word, or one after a
    // verb or coordinator ("promoting the health secretary, Naomi Achterberg, to
    // chancellor"; "and his deputy, Gareth Mills,"), the first that gives a role.
    // (after other words only a definite one: "But a spokesman for the owners, Townsend
    // Thoresen," may name the owners)
    (0..words.len()).find_map(|p| {
        let d = lowercase(words[p]);
        let opens = matches!(d.as_str(), "the" | "its" | "their" | "his" | "her")
            || (p == 0 && matches!(d.as_str(), "a" | "an"));
        // ("City’s director of football, Martin Gale": a possessive name opens the
        // description and stays in the role)
        // ("Mr Day’s barrister, Simon Okafor KC": the possessive name may open with a
        // honorific or first name)
        let possessor = p + 1 < words.len()
            && (p == 0 || (p < 3 && lx.honorific(words[0]).is_some()))
            && words[..=p]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase))
            && (d.ends_with("’s") || d.ends_with("'s"));
        if !opens && !possessor {
            return None;
        }
        // (nor after a preposition: "a spokesman for the owners, X" does not make X one
        // of the owners)
        // ("as much to her coach, Derek Ames": a possessive pronoun names the person's
        // relation to someone else, so the name is the description's)
        if p > 0
            && super::mentions::PREPOSITIONS.contains(&lowercase(words[p - 1]).as_str())
            && !matches!(d.as_str(), "her" | "his" | "their" | "its")
        {
            return None;
        }
        let mut from = if possessor { 0 } else { p + 1 };
        // ("The other co-founder, Elena Marsh": a second determiner)
        while from + 1 < words.len()
            && super::mentions::DETERMINERS.contains(&lowercase(words[from]).as_str())
        {
            from += 1;
        }
        let words = without_place(without_duration(&words[from..]));
        let head_end = words
            .iter()
            .position(|w| matches!(*w, "of" | "at" | "for"))
            .unwrap_or(words.len());
        let head = lowercase(words.get(head_end.checked_sub(1)?)?);
        // ("the honour belonged as much to her coach": a clause is no description)
        if words[..head_end].iter().any(|w| {
            let l = lowercase(w);
            super::mentions::verbish(w, lx)
                || super::mentions::PREPOSITIONS.contains(&l.as_str())
                || super::mentions::POSSESSIVES.contains(&l.as_str())
        }) {
            return None;
        }
        match lx.person_noun(&head) {
            Some(pn) if pn.class == PersonClass::Role => Some(words.join(" ")),
            _ => None,
        }
    })
}

/// A description without a trailing place right after its title ("A WFP spokesperson in
/// Port Sudan", "Ostravia's chargé d'affaires in London"): the role is the function, the
/// place where the person works (as in appositions after the name).
fn without_place<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    match (1..words.len().saturating_sub(1)).find(|&j| {
        matches!(words[j], "in" | "from") && words[j + 1].starts_with(char::is_uppercase)
    }) {
        Some(j) if !words[..j].iter().any(|w| matches!(*w, "of" | "at" | "for")) => &words[..j],
        _ => words,
    }
}

/// Gender evidence right after a name: a his/her in its "who" clause ("Carl Brandt, 61,
/// who milks 90 cows with his son"), or a gendered noun heading its apposition ("Tessa
/// Brandt, 34, Carl Brandt's daughter-in-law").
fn gender_after_name(text: &str, after: usize, lx: &Lexicon) -> Gender {
    let window = &text[after..super::floor_char(text, (after + 160).min(text.len()))];
    let Some(mut rest) = window.strip_prefix(", ") else {
        return Gender::Unknown;
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        match rest[digits..].strip_prefix(", ") {
            Some(r) => rest = r,
            None => return Gender::Unknown,
        }
    }
    let chunk = &rest[..rest
        .find([',', '.', ';', '(', '"', '“'])
        .unwrap_or(rest.len())];
    if let Some(clause) = chunk.strip_prefix("who ") {
        let words: Vec<&str> = clause.split_whitespace().collect();
        // (a possessive her: before a noun, not an object before a preposition or at the
        // end, "who appointed her after a search")
        let possessive_her = |j: usize| {
            words.get(j + 1).is_some_and(|n| {
                n.starts_with(char::is_lowercase)
                    && !super::mentions::PREPOSITIONS.contains(n)
                    && !matches!(*n, "and" | "but" | "or" | "to" | "as" | "when" | "because")
            })
        };
        let his = words.iter().any(|w| *w == "his" || *w == "himself");
        let her = words
            .iter()
            .enumerate()
            .any(|(j, w)| *w == "herself" || (*w == "her" && possessive_her(j)));
        return match (his, her) {
            (true, false) => Gender::Male,
            (false, true) => Gender::Female,
            _ => Gender::Unknown,
        };
    }
    // (the apposition's head: its last word, a gendered person noun)
    chunk
        .split_whitespace()
        .next_back()
        .and_then(|w| lx.person_noun(&lowercase(w)))
        .map_or(Gender::Unknown, |p| p.gender)
}

/// "Erik Lindqvist won the race after his title rival crashed out": a name followed by
/// its own verb, and his/her (a possessive before a noun) or himself/herself later in that
/// clause, with no other person pronoun, reported clause or quote between, is evidence of
/// the name's gender.
fn own_possessive_gender(text: &str, after: usize, lx: &Lexicon) -> Gender {
    let window = &text[after..super::floor_char(text, (after + 240).min(text.len()))];
    let clause = &window[..window
        .find([',', '.', ';', ':', '"', '“', '‘', '(', '\n'])
        .unwrap_or(window.len())];
    // (the words one at a time, with one of lookahead: most clauses stop at the first)
    let mut words = clause.split_whitespace().peekable();
    let Some(first) = words.next() else {
        return Gender::Unknown;
    };
    let fl = lowercase(first);
    if !first.starts_with(char::is_lowercase)
        || super::mentions::PREPOSITIONS.contains(&fl.as_str())
        || matches!(
            fl.as_str(),
            "and" | "or" | "but" | "who" | "which" | "whose" | "that"
        )
        || lx.cue(&fl).is_some()
    {
        return Gender::Unknown;
    }
    while let Some(w) = words.next() {
        let l = lowercase(w);
        match l.as_str() {
            "he" | "she" | "him" | "they" | "them" | "their" | "that" => break,
            "his" | "himself" => return Gender::Male,
            "herself" => return Gender::Female,
            "her"
                if words.peek().is_some_and(|n| {
                    n.starts_with(char::is_lowercase) && !super::mentions::PREPOSITIONS.contains(n)
                }) =>
            {
                return Gender::Female
            }
            _ if lx.cue(&l).is_some() => break,
            _ => {}
        }
    }
    Gender::Unknown
}

/// The role of an apposition that states the present one (", now a High Court judge,").
pub fn current_role(text: &str, after: usize, lx: &Lexicon) -> Option<String> {
    let rest = text.get(after..)?.strip_prefix(", now ")?;
    let w = &rest[..super::floor_char(rest, rest.len().min(200))];
    let end = w.find([',', '.', ';']).unwrap_or(w.len());
    apposition_role(&format!(", {}", &w[..end]), 0, lx)
}

/// A role phrase without a trailing duration ("deputy for many years" -> "deputy"; "for
/// 20 years", "for more than a decade").
fn without_duration<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    let cut = words.iter().enumerate().position(|(j, w)| {
        *w == "for"
            && words[j + 1..].iter().take(4).any(|x| {
                matches!(
                    x.trim_end_matches([',', '.']),
                    "year" | "years" | "decade" | "decades" | "months" | "weeks"
                )
            })
    });
    &words[..cut.unwrap_or(words.len())]
}

/// A role the sentence gives the name after it: "Margaret Ellwood, who has died aged 88,
/// became headteacher of Haverley Comprehensive" (became / was appointed / named /
/// elected, after an optional "who ..." or age apposition), or "the promotion of Lena
/// Okoro, 39, to health secretary" (promotion / appointment / election of NAME to / as).
fn role_after_name(text: &str, name_start: usize, after: usize, lx: &Lexicon) -> Option<String> {
    // (a window of 200 bytes: a name in a text with no punctuation costs no more)
    let mut rest = &text[after..super::floor_char(text, (after + 200).min(text.len()))];
    // (", who has died aged 88," / ", 39,": a parenthesis up to its closing comma)
    if let Some(r) = rest.strip_prefix(", ") {
        let end = r.find([',', '.', ';'])?;
        if !r[end..].starts_with(", ")
            || !(r.starts_with("who ") || r[..end].chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        rest = &r[end + 2..];
    }
    let rest = rest.trim_start();
    let before = text[..name_start].trim_end();
    let phrase = if let Some(p) = [
        "became ",
        "becomes ",
        "was appointed ",
        "was named ",
        "was elected ",
        "has been appointed ",
    ]
    .iter()
    .find_map(|v| rest.strip_prefix(v))
    {
        p.strip_prefix("as ").unwrap_or(p)
    } else if ["promotion of", "appointment of", "election of"]
        .iter()
        .any(|n| before.ends_with(n))
    {
        rest.strip_prefix("to ")
            .or_else(|| rest.strip_prefix("as "))?
    } else {
        return None;
    };
    let end = phrase.find([',', '.', ';']).unwrap_or(phrase.len());
    let phrase = format!(", {}", &phrase[..end]);
    apposition_role(&phrase, 0, lx)
}

/// Nouns for a business: "the company" may stand for a named firm of any of these kinds.
const BUSINESS: &[&str] = &[
    "company",
    "firm",
    "business",
    "developer",
    "retailer",
    "carmaker",
    "bakery",
    "maker",
    "carrier",
    "airline",
    "operator",
    "lender",
    "insurer",
    "supermarket",
    "chain",
    "manufacturer",
    "automaker",
    "supplier",
    "broadcaster",
    "publisher",
    "brand",
    "startup",
    "miner",
    "producer",
    "builder",
];

/// A name without a nickname in quote marks: `Patrick “Paddy” Doyle` -> `Patrick Doyle`.
pub fn strip_nickname(name: &str) -> Cow<'_, str> {
    if !name.contains(['“', '"', '‘', '\'']) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut depth = false;
    for w in name.split(' ') {
        let opens = w.starts_with(['“', '"', '‘', '\'']);
        let closes = w.ends_with(['”', '"', '’', '\'']);
        if opens || depth {
            depth = !closes;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(out)
    }
}

/// Days and months: capitalised, but never (part of) a name ("Ecuador Tuesday", "March").
pub const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Police organisation nouns: "the force" stands for "West Yorkshire Police".
const POLICE: &[&str] = &["police", "force", "constabulary"];
/// "The watchdog", "the regulator": a body whose name ends or is headed by one of these.
const REGULATORS: &[&str] = &[
    "regulator",
    "watchdog",
    "authority",
    "commission",
    "inspectorate",
    "ombudsman",
];
/// "Air accident investigators said": the investigation body the article names ("Air
/// Accidents Investigation Branch").
pub const INVESTIGATORS: &[&str] = &["investigators", "investigation", "investigations"];

/// Appends `i` unless it is already the last entry (the lists are built in text order).
fn push_once(v: &mut Vec<usize>, i: usize) {
    if v.last() != Some(&i) {
        v.push(i);
    }
}

/// A company's legal form ending its name ("General Motors Corp", "Tracomin SA"): no
/// part of the initials wire copy abbreviates the name to ("GM").
fn is_legal_form(w: &str) -> bool {
    matches!(
        w,
        "Corp"
            | "Corp."
            | "Corporation"
            | "Inc"
            | "Inc."
            | "Co"
            | "Co."
            | "Ltd"
            | "Ltd."
            | "Plc"
            | "PLC"
            | "plc"
            | "LLC"
            | "LP"
            | "L.P."
            | "Limited"
            | "AG"
            | "SA"
            | "NV"
    )
}

/// The acronyms an organisation's name may be abbreviated to: the initials of its
/// capitalised words ("MTA" for "Metropolitan Transportation Authority"), and, when it
/// ends in a legal form, the initials without it ("GM" for "General Motors Corp", as
/// Reuters writes "General Motors Corp said ... GM said"). At most two, no allocation
/// per word.
fn name_initials(name: &str) -> impl Iterator<Item = String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "&" | "on" | "the" | "The"))
        .collect();
    let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let short = match words.split_last() {
        Some((last, rest)) if rest.len() >= 2 && is_legal_form(last) => Some(
            rest.iter()
                .filter_map(|w| w.chars().next())
                .collect::<String>(),
        ),
        _ => None,
    };
    std::iter::once(all).chain(short)
}

/// The place of a wire dateline ("PARSIPPANY, N.J., March 16 - ...", "WICHITA FALLS, Texas,
/// April 9 - ...", "COLUMBIA, Md., March 12 - ..."): a run followed by a comma (after
/// the abbreviation's full stop), a month and a day number. It names where
/// the story was filed, never a source; counted as an organisation it became "the
/// company" ("N.J.", "Pa", "Ariz").
fn is_dateline_place(text: &str, end: usize) -> bool {
    // (the word table leaves the abbreviation's full stop outside the word: "COLUMBIA,
    // Md., March 12 -", "ENGLEWOOD, Colo., Oct 20 -")
    let after = &text[end..];
    let Some(rest) = after
        .strip_prefix(", ")
        .or_else(|| after.strip_prefix("., "))
    else {
        return false;
    };
    let month_end = rest.find(' ').unwrap_or(rest.len());
    let (month, after) = rest.split_at(month_end);
    is_month_then_day(month, after)
}

/// A month name (or its wire abbreviation) then a day number: "Oct 20", "March 12". As a
/// one-word name run it is the date of a dateline ("ENGLEWOOD, Colo., Oct 20 -"), which
/// "the company" fell back to once the place before it was no name.
fn is_month_then_day(month: &str, after: &str) -> bool {
    let month = month.trim_end_matches('.');
    matches!(
        month,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
    ) && after[1.min(after.len())..].starts_with(|c: char| c.is_ascii_digit())
}

/// A stock ticker in angle brackets ("SYNERCOM <SYNR.O> NAMES", "Witco Corp <WIT>"): one
/// word without lowercase letters between `<` and `>`. It names no entity of its own, so
/// it is no name occurrence ("the company" resolved to "SYNR.O" or "WIT"); a bracketed
/// unlisted company ("<Meston Lake Resources Inc>") is a name and stays.
fn is_bracketed_ticker(text: &str, ws: &[Range<usize>], k: usize, e: usize) -> bool {
    e == k + 1
        && text[..ws[k].start].ends_with('<')
        && text[ws[k].end..].starts_with('>')
        && !text[ws[k].clone()].chars().any(char::is_lowercase)
}

pub fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl Inventory {
    pub fn build(text: &str, sentences: &[Sentence], wt: &WordTable, lx: &Lexicon) -> Self {
        let mut inv = Inventory::default();
        // Sentence-initial lone capitals ("Joan is 81."), kept for a second look.
        let mut lone: Vec<(usize, usize)> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let ws = wt.words(text, s.range.clone());
            let mut k = 0;
            while k < ws.len() {
                let t = &text[ws[k].clone()];
                if !is_cap(t) {
                    k += 1;
                    continue;
                }
                // "- When Prairie Gold Dairy Inc. closes": a capitalised subordinator opens
                // a clause, not a name.
                if k + 1 < ws.len()
                    && matches!(
                        lowercase(t).as_str(),
                        "when"
                            | "if"
                            | "although"
                            | "though"
                            | "because"
                            | "unless"
                            | "whereas"
                            | "while"
                            | "once"
                            | "despite"
                    )
                {
                    k += 1;
                    continue;
                }
                // The run, allowing "of/and/for/&" between capitalised words.
                let mut e = k + 1;
                while e < ws.len() {
                    let gap = &text[ws[e - 1].end..ws[e].start];
                    // A nickname in quote marks between first name and surname: `Patrick
                    // “Paddy” Doyle` is one name (the nickname is dropped from it).
                    if matches!(gap, " “" | " \"" | " ‘" | " '")
                        && e + 1 < ws.len()
                        && is_cap(&text[ws[e].clone()])
                        && is_cap(&text[ws[e + 1].clone()])
                        && matches!(
                            &text[ws[e].end..ws[e + 1].start],
                            "” " | "\" " | "’ " | "' "
                        )
                    {
                        e += 2;
                        continue;
                    }
                    let possessive_gap =
                        matches!(gap, "’ " | "' ") && text[ws[e - 1].clone()].ends_with(['s', 'S']);
                    // `'Big Tony' Russo`: a nickname that opens the run, closed before a
                    // capitalised surname.
                    let leading_nickname = matches!(gap, "’ " | "' " | "” " | "\" ")
                        && e - k <= 3
                        && text[..ws[k].start].ends_with(['‘', '\'', '“', '"'])
                        && (k == 0 || text[ws[k - 1].end..ws[k].start].len() <= 2)
                        && is_cap(&text[ws[e].clone()])
                        && !text[ws[e - 1].clone()].ends_with(['s', 'S']);
                    if !gap.trim().is_empty() && !possessive_gap && !leading_nickname {
                        break;
                    }
                    let w = &text[ws[e].clone()];
                    if CALENDAR.contains(&w) {
                        break;
                    }
                    if is_cap(w) {
                        e += 1;
                    } else if let Some(n) = particles_then_capital(text, &ws, e) {
                        // "Jan de Groot", "Ursula von der Leyen": lowercase particles
                        // between capitalised words belong to the name.
                        e = n;
                    } else if e + 1 < ws.len()
                        && super::mentions::connector_word(
                            w,
                            Some(&text[ws[e - 1].clone()]),
                            &text[ws[e + 1].clone()],
                            lx,
                        )
                        && is_cap(&text[ws[e + 1].clone()])
                        && text[ws[e].end..ws[e + 1].start].trim().is_empty()
                        // "Chief Executive Officer of Halvern Robotics": a title, then a name.
                        && !lx
                            .person_noun(&lowercase(&text[ws[e - 1].clone()]))
                            .is_some_and(|p| p.class == PersonClass::Role)
                        // "Prof Oskar Halden of Kalmar University": a person, then a place.
                        && !(k..e).any(|z| lx.honorific(&text[ws[z].clone()]).is_some())
                        && (lx.is_org_head(&lowercase(&text[ws[e - 1].clone()]))
                            || (e + 2..=ws.len().min(e + 5))
                                .any(|z| lx.is_org_head(&lowercase(&text[ws[z - 1].clone()]))))
                    {
                        e += 2;
                    } else {
                        break;
                    }
                }
                if is_dateline_place(text, ws[e - 1].end)
                    || (e == k + 1 && is_month_then_day(t, &text[ws[k].end..]))
                {
                    k = e;
                    continue;
                }
                if is_bracketed_ticker(text, &ws, k, e) {
                    // ("Bilfinger und Berger <GBFG.F> said": the name it tags is a listed
                    // company, an organisation that "It said" may stand for)
                    if let Some(prev) = inv.names.last_mut() {
                        if prev.range.end <= ws[k].start
                            && text[prev.range.end..ws[k].start].trim() == "<"
                            && !prev.person
                            && prev.name.chars().any(char::is_lowercase)
                        {
                            prev.org = true;
                        }
                    }
                    k = e;
                    continue;
                }
                if !inv.add_run(text, &ws, k, e, s.range.start == ws[k].start, false, lx) {
                    lone.push((si, k));
                }
                k = e;
            }
        }
        // A lone sentence-initial capital is a name when the article uses the same word as a
        // (person's) name elsewhere: "my neighbour Joan" ... "Joan is 81", "Curtis Hale" ...
        // "Hale conceded".
        if !lone.is_empty() {
            // (sized for every name's two words and hashed with the lexicon's word hasher:
            // built for most articles, it cost more than the second look it serves)
            let mut known: std::collections::HashSet<&str, BuildHasherDefault<WordHasher>> =
                std::collections::HashSet::with_capacity_and_hasher(
                    2 * inv.names.len(),
                    Default::default(),
                );
            known.extend(
                inv.names
                    .iter()
                    .filter(|n| !n.org)
                    .flat_map(|n| {
                        [
                            n.name.split_whitespace().next().unwrap_or(""),
                            n.last.as_str(),
                        ]
                    })
                    .map(strip_possessive),
            );
            let mut again: Vec<(usize, usize)> = Vec::new();
            for &(si, k) in &lone {
                let r = &sentences[si].range;
                let first = text[r.clone()]
                    .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
                    .find(|w| !w.is_empty())
                    .unwrap_or("");
                if known.contains(strip_possessive(first)) {
                    again.push((si, k));
                }
            }
            let added = !again.is_empty();
            for (si, k) in again {
                let s = &sentences[si];
                let ws = wt.words(text, s.range.clone());
                inv.add_run(text, &ws, k, k + 1, true, true, lx);
            }
            if added {
                inv.names.sort_by_key(|n| n.range.start);
            }
        }
        // Names are disjoint runs in text order: [`Inventory::before`] relies on it.
        debug_assert!(inv
            .names
            .windows(2)
            .all(|w| w[0].range.end <= w[1].range.start));
        let names = &inv.names;
        // (each key hashed once, whatever the number of indexes it is in)
        let hash = |key: Key| -> Vec<Option<u64>> {
            names.iter().map(|n| key.of(n).map(key_hash)).collect()
        };
        let (by_name, by_last, by_first) = (hash(Key::Name), hash(Key::Last), hash(Key::First));
        inv.by_name = Postings::build(names, Key::Name, &by_name, |_| true);
        inv.by_last = Postings::build(names, Key::Last, &by_last, |_| true);
        inv.by_first = Postings::build(names, Key::First, &by_first, |_| true);
        inv.by_last_multi = Postings::build(names, Key::Last, &by_last, |n| n.tokens >= 2);
        inv.person_names = Postings::build(names, Key::Name, &by_name, |n| n.person);
        inv.single_person_names =
            Postings::build(names, Key::Name, &by_name, |n| n.person && n.tokens == 1);
        // "the Metropolitan Transportation Authority" ... "The MTA": an acronym of the
        // initials of an organisation's capitalised words stands for it, as a bracketed one
        // does (a bracketed alias wins; the first organisation with those initials wins).
        // (not an all-capitals headline run; not when the acronym opens another name of
        // the article: "GFI" is "GFI Nevada Inc" there)
        for n in &inv.names {
            if !n.org || n.person || n.tokens < 2 || !n.name.chars().any(char::is_lowercase) {
                continue;
            }
            for initials in name_initials(&n.name) {
                if initials.chars().count() >= 2
                    && initials.chars().all(char::is_uppercase)
                    && !inv.by_first.contains(&inv.names, &initials)
                {
                    inv.aliases
                        .entry(initials)
                        .or_insert_with(|| n.name.clone());
                }
            }
        }
        inv.alias_targets = inv.aliases.values().cloned().collect();
        inv
    }

    /// The occurrences of `name` (in text order).
    fn occurrences<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a NameOcc> + 'a {
        self.by_name.get(&self.names, name).map(|i| &self.names[i])
    }

    /// A superset, in text order, of the names that start with `name` followed by a space:
    /// those indexed under it (every name when `name` holds a space itself).
    fn maybe_starting_with(&self, name: &str) -> Vec<&NameOcc> {
        if name.contains(' ') {
            return self.names.iter().collect();
        }
        self.by_first
            .get(&self.names, name)
            .map(|i| &self.names[i])
            .collect()
    }

    /// Whether the article uses `w` as a name or as the last word of one.
    pub fn uses_word(&self, w: &str) -> bool {
        self.by_last.contains(&self.names, w) || self.by_name.contains(&self.names, w)
    }

    /// Whether `w` is the first word of an organisation's name of two or more words
    /// ("Clearpath" of "Clearpath Holdings").
    pub fn opens_organisation(&self, w: &str) -> bool {
        self.by_first
            .get(&self.names, w)
            .any(|i| self.names[i].org && self.names[i].tokens >= 2)
    }

    /// The names that end at or before byte `pos`, in text order.
    pub fn before(&self, pos: usize) -> &[NameOcc] {
        &self.names[..self.names.partition_point(|n| n.range.end <= pos)]
    }

    fn capitalised_mid_sentence(&mut self, text: &str, w: &str) -> bool {
        if let Some(&b) = self.mid_sentence.get(w) {
            return b;
        }
        let b = super::mentions::capitalised_mid_sentence(text, w);
        self.mid_sentence.insert(w.to_string(), b);
        b
    }

    fn add_run(
        &mut self,
        text: &str,
        ws: &[Range<usize>],
        k: usize,
        e: usize,
        initial: bool,
        lone_ok: bool,
        lx: &Lexicon,
    ) -> bool {
        // A sentence-initial capital alone (most runs: "The", "He", "But"): the steps below
        // take it as a name's title or as no name ("Mr", "The", "I", "Monday": true) or
        // leave it for a second look (false), and nothing else; decided here directly.
        if initial && !lone_ok && e == k + 1 {
            let t = &text[ws[k].clone()];
            return lx.honorific(t).is_some()
                || lowercase(t) == "the"
                || t == "I"
                || t.starts_with("I'")
                || t.starts_with("I’")
                || CALENDAR.contains(&t);
        }
        let mut person = false;
        let mut org = false;
        let mut gender = Gender::Unknown;
        let mut start = k;
        let mut lead = k;
        let mut lead_descriptor: Option<String> = None;
        // "Rebecca Shaw KC": a post-nominal closes the run but is not part of the name (the
        // text after the run is still read after it: `e_full`).
        let e_full = e;
        let mut e = e;
        while e - k >= 3 && super::mentions::POSTNOMINALS.contains(&&text[ws[e - 1].clone()]) {
            e -= 1;
            person = true;
        }
        // "But Rosa Delgado", "Pensioner Iris Cole": a sentence-initial connective or common
        // noun before a two-word name.
        if initial && e - k >= 2 {
            let f = &text[ws[k].clone()];
            let connective = matches!(
                lowercase(f).as_str(),
                "but"
                    | "and"
                    | "so"
                    | "yet"
                    | "however"
                    | "meanwhile"
                    | "still"
                    | "now"
                    | "then"
                    | "instead"
                    | "also"
                    | "or"
            );
            // (`Anthony 'Tiger' Mensah`: a first name before a nickname is no common noun.)
            let nickname = (k + 1..e)
                .any(|z| text[ws[z - 1].end..ws[z].start].ends_with(['“', '"', '‘', '\'']));
            let common = e - k >= 3
                && !nickname
                && lx.honorific(f).is_none()
                && !(k..e).any(|z| lx.is_org_head(&lowercase(&text[ws[z].clone()])))
                && !title_inside_run(text, ws, k, e, lx)
                && !self.capitalised_mid_sentence(text, f);
            // "About Halvern Robotics", "In Minsk": a preposition opens no name.
            let preposition = {
                let l = lowercase(f);
                l == "about" || super::mentions::PREPOSITIONS.contains(&l.as_str())
            };
            if connective || common || preposition {
                start = k + 1;
            }
            // ("But Dr Amira Haddad": a connective or preposition is no title word)
            if connective || preposition {
                lead = k + 1;
            }
            // "Developer Northsea Renewables said": an organisation noun dropped at the
            // sentence start describes the body ("the company" later finds it).
            if common {
                let l = lowercase(f);
                // ("Business Information Services" is a name: "business" is also a modifier)
                if lx.is_org_noun(&l) && lx.person_noun(&l).is_none() && l != "business" {
                    org = true;
                    lead_descriptor = Some(l.to_string());
                }
            }
            // "Senator Mark Ellison of Ohio said ... its own way": a title dropped at the
            // sentence start is still person evidence.
            if common
                && lx
                    .person_noun(&lowercase(f))
                    .is_some_and(|p| p.class == PersonClass::Role)
            {
                person = true;
            }
        }
        // A honorific or title inside the run ("State Sen. Harold Quinlan"): the name follows it.
        if let Some(h) = (start..e.saturating_sub(1))
            .rev()
            .find(|&z| lx.honorific(&text[ws[z].clone()]).is_some())
        {
            person = true;
            if let Some(g) = lx.honorific(&text[ws[h].clone()]).map(|x| x.gender) {
                if g != Gender::Unknown {
                    gender = g;
                }
            }
            start = h + 1;
        }
        // "Leader of the Opposition in the Rajasthan Assembly Suresh Kanwar": the name
        // after a title with a PP (the body's words are the title's, not the name's).
        let pp_title = pp_title_before_run(text, ws, k, e, lx);
        if let Some((_, ns)) = pp_title {
            if ns > start {
                start = ns;
                person = true;
            }
        }
        // A run that ends in an organisation word with no "of"/"for" inside is one name
        // ("Police Officers Association"), not a title before a name; "Chief Executive
        // Officer of Halvern Robotics" is a title.
        let org_named_run = lx.is_org_head(&lowercase(&text[ws[e - 1].clone()]))
            && !(start..e).any(|z| matches!(&text[ws[z].clone()], "of" | "for"));
        // Honorifics and titles at the front.
        while start < e {
            let t = &text[ws[start].clone()];
            if let Some(h) = lx.honorific(t) {
                person = true;
                if h.gender != Gender::Unknown {
                    gender = h.gender;
                }
                start += 1;
                continue;
            }
            let l = lowercase(t);
            // "ZANDVOORT, Netherlands - Sweden's Erik Lindqvist won": a possessive proper
            // noun before a name of two or three plain words, whose last word the article
            // also uses alone ("Lindqvist told reporters"), says where the person is from
            // or belongs; it is no part of the name ("Lloyd's Register Group", "Ward's
            // Automotive Reports" are names).
            if start == k
                && (3..=4).contains(&(e - start))
                && strip_possessive(t).len() < t.len()
                && ws[start + 1..e].iter().all(|w| {
                    let l = lowercase(&text[w.clone()]);
                    !lx.is_org_head(&l) && !lx.is_org_noun(&l) && lx.person_noun(&l).is_none()
                })
                && surname_used_alone(text, ws[e - 2].clone(), ws[e - 1].clone())
            {
                start += 1;
                continue;
            }
            // A sentence-initial common noun ("Developer Ashcombe Homes").
            let sentence_noun = start == k
                && initial
                && e - start > 1
                && (lx.is_org_noun(&l) || lx.person_noun(&l).is_some())
                && !lx.is_org_head(&l);
            if l == "the" || sentence_noun {
                // "Developer Northsea Renewables said": the noun describes the body.
                if sentence_noun
                    && lx.is_org_noun(&l)
                    && lx.person_noun(&l).is_none()
                    && l != "business"
                {
                    org = true;
                    lead_descriptor = Some(l.to_string());
                }
                start += 1;
                continue;
            }
            if lx
                .person_noun(&l)
                .is_some_and(|p| p.class == PersonClass::Role)
                && start + 1 < e
                && !org_named_run
            {
                person = true;
                start += 1;
                continue;
            }
            // Words before a title belong to it ("Foreign Secretary", "Finance Minister"),
            // unless the run ends in an organisation word ("Police Officers Association").
            if !org_named_run
                && (start + 1..e.min(start + 3)).any(|z| {
                    lx.person_noun(&lowercase(&text[ws[z].clone()]))
                        .is_some_and(|p| p.class == PersonClass::Role)
                })
                && (start + 2..e).count() >= 1
            {
                start += 1;
                continue;
            }
            // A title after a named body before a two-word name ("University of California
            // President James Whitaker", "Senate Agriculture Committee Chairman Patrick
            // Leahy"): the name follows the title.
            if !org_named_run
                && (start + 1..e.saturating_sub(2)).any(|z| {
                    let tz = &text[ws[z].clone()];
                    is_cap(tz)
                        && lx
                            .person_noun(&lowercase(tz))
                            .is_some_and(|p| p.class == PersonClass::Role)
                        && ws[z + 1..e].iter().all(|w| is_cap(&text[w.clone()]))
                        && (ws[start..z].iter().any(|w| {
                            let t = &text[w.clone()];
                            t == "of" || lx.is_org_head(&lowercase(t))
                        })
                            // ("San Luis Obispo County Sheriff Ian Parnell": a place of
                            // three or more capitalised words, then the title and a
                            // two-word name)
                            || (z + 3 == e
                                && z - start >= 3
                                && ws[start..z].iter().all(|w| is_cap(&text[w.clone()]))))
                })
            {
                start += 1;
                continue;
            }
            break;
        }
        // "Chancellor of the Exchequer Nigel Lawson", "Minister for Health Stephen
        // Donnelly", "Governor of the Bank of England Mark Carney": a run that follows a
        // title's "of"/"for" opens with the body the title belongs to; the name is the
        // run's last two words (with their particles).
        let mut of_title = None;
        // (not "a spokesperson for Harbour City Council": a body's name, no person's)
        if start == k {
            if let Some((ts, ns)) = formal_title_name(text, ws, k, e, lx) {
                start = ns;
                person = true;
                of_title = Some(ts);
            }
        }
        if start >= e {
            return true;
        }
        let n_tokens = e - start;
        let first_word = &text[ws[start].clone()];
        if n_tokens == 1
            && (first_word == "I"
                || first_word.starts_with("I'")
                || first_word.starts_with("I’")
                || CALENDAR.contains(&first_word))
        {
            return true; // the pronoun "I" is no name
        }
        if initial && n_tokens == 1 && start == k && !lone_ok {
            return false; // a sentence-initial capital alone: a name only if used as one elsewhere
        }
        // Evidence before the run: role noun, kin noun, organisation noun.
        let mut descriptors: Vec<String> = lead_descriptor.into_iter().collect();
        let mut before = ws[..k].iter().rev().take(3).peekable();
        if let Some(b) = before
            .next()
            .filter(|b| text[b.end..ws[k].start].trim().is_empty())
        {
            let bl = lowercase(&text[b.clone()]);
            let bl = bl.trim_end_matches(',');
            if let Some(p) = lx.person_noun(bl) {
                person = true;
                if p.gender != Gender::Unknown {
                    gender = p.gender;
                }
            }
            // "mum-of-three Kerry Ashdown"
            if let Some(g) = super::mentions::kin_compound_gender(bl, lx) {
                person = true;
                if g != Gender::Unknown {
                    gender = g;
                }
            }
            if lx.is_org_noun(bl) && lx.person_noun(bl).is_none() {
                // ("Cattle producer Jenny McKellar, who runs ...", "The moderator,
                // broadcaster Tom Ellery": a person)
                if after_person_description(text, b.start, lx)
                    || super::mentions::followed_by_who(text, ws[e_full - 1].end)
                {
                    person = true;
                } else {
                    org = true;
                    descriptors.push(bl.to_string());
                }
            }
        }
        // "The miners' union, Unified Metalworkers, condemned": an organisation noun in the
        // description before the name describes it.
        // ("The chair of the foreign affairs committee, Emily Vance": the description's
        // head is a person's title, so the committee is not the name's)
        // ("The bank, Canada's fourth largest,": a possessive name opens the apposition
        // and is not what the description describes)
        let possessive = {
            let run_end = ws[e_full - 1].end;
            let t = &text[ws[k].start..run_end];
            t.ends_with("'s")
                || t.ends_with("’s")
                || text[run_end..].starts_with("'s")
                || text[run_end..].starts_with("’s")
        };
        if k > 0 && descriptors.is_empty() && !possessive && text[..ws[k].start].ends_with(", ") {
            let b = &text[ws[k - 1].clone()];
            let bl = b.to_lowercase();
            if !is_cap(b)
                && lx.is_org_noun(&bl)
                && lx.person_noun(&bl).is_none()
                && description_before(text, ws[k].start, lx).is_none()
            {
                org = true;
                descriptors.push(bl);
            }
        }
        // The title: words of the run before the name, or lowercase words ending in a role
        // noun just before the run ("Council leader Amy Shaw").
        let mut role = None;
        // Where the title before the run starts ("retired miner Stan Hoyle"): the words
        // before it decide whether the name is its sentence's subject.
        let mut title_from = k;
        if start > lead && !person_has_honorific_only(text, ws, lead, start, lx) {
            let r: Vec<&str> = ws[lead..start]
                .iter()
                .map(|w| &text[w.clone()])
                // ("Some House Democrats": a quantifier is no title word)
                .filter(|t| {
                    lx.honorific(t).is_none()
                        && !super::mentions::DETERMINERS.contains(&lowercase(t).as_str())
                })
                .collect();
            // "Mother-of-three Kerry Walsh": gender evidence, no title.
            let kin_only = r.len() == 1 && super::mentions::kin_compound_gender(r[0], lx).is_some();
            if kin_only {
                person = true;
                if let Some(g) =
                    super::mentions::kin_compound_gender(r[0], lx).filter(|g| *g != Gender::Unknown)
                {
                    gender = g;
                }
            }
            if !r.is_empty() && !kin_only && !place_possessive_only(&r) {
                let t = &text[ws[lead + (start - lead - r.len())].start..ws[start - 1].end];
                // "Mr Justice Hallam": a judge's style states the role "judge".
                let after_honorific = ws[lead..start - r.len()]
                    .iter()
                    .any(|w| lx.honorific(&text[w.clone()]).is_some());
                role = Some(if super::mentions::judicial_style(t, after_honorific) {
                    "judge".to_string()
                } else {
                    t.to_string()
                });
            }
        } else if k > 0 && text[ws[k - 1].end..ws[k].start].trim().is_empty() {
            let bl = lowercase(&text[ws[k - 1].clone()]);
            if lx
                .person_noun(&bl)
                .is_some_and(|p| p.class == PersonClass::Role)
            {
                let mut b = k - 1;
                while b > 0 && text[ws[b - 1].end..ws[b].start].trim().is_empty() {
                    let w = lowercase(&text[ws[b - 1].clone()]);
                    // ", defeating businessman Curtis Hale": a participle after a comma opens
                    // a clause and is no title word ("rowing coach" is one).
                    let participle =
                        w.ends_with("ing") && text[..ws[b - 1].start].trim_end().ends_with(',');
                    // "have sacked manager Kevin Doyle": a past participle after an
                    // auxiliary is the verb, not a title word ("retired miner" is one).
                    // ("is retired miner Stan Hoyle" keeps it: only have/has/had)
                    let perfect = w.ends_with("ed")
                        && b >= 2
                        && matches!(
                            lowercase(&text[ws[b - 2].clone()]).as_str(),
                            "have" | "has" | "had"
                        );
                    // ("Canadian nurse Marie Dubois, 44, and Irish logistician Sean
                    // Gallagher": "and" after a comma joins two people; "work and pensions
                    // secretary" keeps it)
                    let coordination = matches!(w.as_str(), "and" | "or")
                        && text[..ws[b - 1].start].trim_end().ends_with(',');
                    if participle
                        || perfect
                        || coordination
                        || (w.starts_with(|c: char| c.is_ascii_digit()) && !is_measure(&w))
                        || super::mentions::DETERMINERS.contains(&w.as_str())
                        || super::mentions::PREPOSITIONS.contains(&w.as_str())
                        || super::mentions::POSSESSIVES.contains(&w.as_str())
                        || super::mentions::AUXILIARIES.contains(&w.as_str())
                        || (lx.cue(&w).is_some()
                            && !super::cues::noun_modifier(&w, text, ws[b - 1].end, lx))
                        || b - 1 < k.saturating_sub(4)
                    {
                        break;
                    }
                    b -= 1;
                }
                // "Former work and pensions secretary Alison Grieve": a leading "former",
                // "outgoing", "acting" or "interim" belongs to the title however long it is.
                if b > 0
                    && text[ws[b - 1].end..ws[b].start].trim().is_empty()
                    && matches!(
                        lowercase(&text[ws[b - 1].clone()]).as_str(),
                        "former" | "outgoing" | "acting" | "interim"
                    )
                {
                    b -= 1;
                }
                title_from = b;
                let t = &text[ws[b].start..ws[k - 1].end];
                let sentence_start = b == 0;
                role = Some(if sentence_start {
                    super::mentions::role_case(t, lx)
                } else {
                    t.to_string()
                });
            }
        }
        if let Some((b, ns)) = pp_title {
            let t = &text[ws[b].start..ws[ns - 1].end];
            // ("... Coffee Institute (IBC) Jorio Dauster": the body's acronym is no title)
            let t = match t.rfind(" (") {
                Some(p) if !t[p..].contains(')') => &t[..p],
                _ => t,
            };
            let t = t
                .rsplit_once(' ')
                .filter(|(_, last)| lx.honorific(last).is_some())
                .map_or(t, |(head, _)| head);
            role = Some(if b == 0 {
                super::mentions::role_case(t, lx)
            } else {
                t.to_string()
            });
            title_from = b;
        } else if let Some(ts) = of_title {
            role = Some(text[ws[ts].start..ws[start - 1].end].to_string());
            title_from = ts;
        }
        // An apposition after the name ("Dr Samir Haddad, a geologist at ...,") or a
        // description before it ("The director of the Ashgrove Museum, Dr Helen Marchetti").
        let mut described = false;
        if role.is_none() && !org {
            role = apposition_role(text, ws[e_full - 1].end, lx);
            if role.is_none() {
                role = description_before(text, ws[k].start, lx);
                // ("The moderator, broadcaster Tom Ellery": the description before the
                // occupation word)
                if role.is_none()
                    && k > 0
                    && !is_cap(&text[ws[k - 1].clone()])
                    && after_person_description(text, ws[k - 1].start, lx)
                {
                    role = description_before(text, ws[k - 1].start, lx);
                }
                described = role.is_some();
            }
            if role.is_none() {
                role = role_after_name(text, ws[k].start, ws[e_full - 1].end, lx);
            }
            if role.is_some() {
                person = true;
            }
        }
        // "Sen. Margaret Kowalski, D-Minn., who chairs ...": with no other title stated,
        // a honorific that states a role is the name's role (so "Kowalski said" later
        // keeps it).
        if role.is_none() && !org {
            role = honorific_title(text, &ws[lead.min(k)..start], lx);
        }
        if gender == Gender::Unknown && !org {
            gender = gender_after_name(text, ws[e_full - 1].end, lx);
        }
        if gender == Gender::Unknown && !org {
            gender = own_possessive_gender(text, ws[e_full - 1].end, lx);
        }
        // "Former pupil Sir David Akande, now a High Court judge": the present role stated
        // in apposition replaces a title before the name.
        if !org {
            if let Some(now) = current_role(text, ws[e_full - 1].end, lx) {
                role = Some(now);
                described = false;
                person = true;
            }
        }
        let first_tok = &text[ws[start].clone()];
        let last_tok = strip_possessive(&text[ws[e - 1].clone()]);
        if (start..e).any(|z| lx.is_org_head(&lowercase(strip_possessive(&text[ws[z].clone()]))))
            && !person
        {
            org = true;
        }
        if n_tokens == 1 && is_acronym(first_tok) {
            org = true;
        }
        // After the run: "(RDF)" alias, ", 66," age, ", who" person, ", which" org.
        let after = &text[ws[e_full - 1].end..];
        let after_t = after.trim_start();
        if let Some(rest) = after_t.strip_prefix('(') {
            if let Some(close) = rest.find(')') {
                let inner = &rest[..close];
                if is_acronym(inner) && !inner.contains(' ') {
                    let mut nm = text[ws[start].start..ws[e - 1].end].to_string();
                    nm = strip_possessive(&nm).to_string();
                    self.aliases.insert(inner.to_string(), nm);
                    org = true;
                }
            }
        }
        // "the Unite union": the name is the union's ("the union" later stands for it; only
        // "union": in "the Ontario government" the capital is a place).
        if after.starts_with(" union") && !after[6..].starts_with(char::is_alphanumeric) {
            org = true;
            if !descriptors.iter().any(|d| d == "union") {
                descriptors.push("union".to_string());
            }
        }
        if let Some(rest) = after_t.strip_prefix(',') {
            let r = rest.trim_start();
            if r.starts_with(|c: char| c.is_ascii_digit()) || r.starts_with("who ") {
                person = true;
                // ("Cattle producer Jenny McKellar, who runs 800 head": a noun that can
                // describe a firm or a person before the name is the person's occupation
                // when the name takes an age or "who")
                if org
                    && descriptors.len() == 1
                    && !(start..e)
                        .any(|z| lx.is_org_head(&lowercase(strip_possessive(&text[ws[z].clone()]))))
                {
                    org = false;
                    descriptors.clear();
                }
            } else if r.starts_with("which ") {
                org = true;
            }
        }
        // "Island Ferries will cut its timetable": "its" soon after the name, no "his"/"her".
        if !person {
            // (the first "its" among the next eight words; each word lowercased once and
            // only up to it)
            let mut personal = false;
            for w in &ws[e_full..ws.len().min(e_full + 8)] {
                let l = lowercase(&text[w.clone()]);
                if l == "its" {
                    org |= !personal;
                    break;
                }
                personal |= matches!(l.as_str(), "his" | "her" | "he" | "she");
            }
        }
        // "the Northern Lines network": a name used as a modifier is an organisation or place.
        if k > 0 && text[ws[k - 1].clone()].eq_ignore_ascii_case("the") && e_full < ws.len() {
            let nx = &text[ws[e_full].clone()];
            if !is_cap(nx)
                && text[ws[e_full - 1].end..ws[e_full].start].trim().is_empty()
                && !person
            {
                org = true;
            }
        }
        // "Alexander Lukashenko's victory" is a possessive; "Harwell’s is" is the name.
        let possessive = e_full < ws.len() && {
            let nx = &text[ws[e_full].clone()];
            !is_cap(nx)
                && !super::mentions::AUXILIARIES.contains(&lowercase(nx).as_str())
                && lx.cue(&lowercase(nx)).is_none()
        };
        let full_nick = &text[ws[start].start..ws[e - 1].end];
        let mut full_owned = strip_nickname(full_nick);
        // "TELLY chef 'Big Tony' Russo": a nickname in marks that opens the run and a
        // surname after it make the name "Tony Russo" (the nickname's last word as the
        // first name); the nickname stands for it.
        if text[..ws[start].start].ends_with(['‘', '\'', '“', '"']) {
            if let Some(z) = (start..e.saturating_sub(1)).find(|&z| {
                text[ws[z].end..ws[z + 1].start]
                    .trim_end()
                    .ends_with(['’', '\'', '”', '"'])
            }) {
                full_owned = Cow::Owned(format!(
                    "{} {}",
                    &text[ws[z].clone()],
                    &text[ws[z + 1].start..ws[e - 1].end]
                ));
                self.nicknames.insert(
                    text[ws[start].start..ws[z].end].to_string(),
                    full_owned.to_string(),
                );
            }
        }
        if full_owned.len() < full_nick.len() {
            for w in &ws[start..e] {
                let t = &text[w.clone()];
                let quoted = text[..w.start].ends_with(['“', '"', '‘'])
                    && text[w.end..].starts_with(['”', '"', '’']);
                if quoted {
                    self.nicknames.insert(t.to_string(), full_owned.to_string());
                }
            }
        }
        let full = &*full_owned;
        let name = if possessive {
            strip_possessive(full)
        } else {
            full
        }
        .to_string();
        let last_tok = if possessive {
            last_tok
        } else {
            &text[ws[e - 1].clone()]
        };
        // "The cantonal environment minister, Élodie Favre, defended ...": a name in
        // apposition to the sentence's opening description is its subject.
        let described_subject = k > 0 && !org && {
            let mut before = &text[ws[0].start..ws[k].start];
            // ("The moderator, broadcaster Tom Ellery, ...": a lowercase title word
            // between the comma and the name)
            if k > 1 && person && !is_cap(&text[ws[k - 1].clone()]) {
                let t = &text[ws[0].start..ws[k - 1].start];
                if t.ends_with(", ") && text[ws[k - 1].end..ws[k].start].trim().is_empty() {
                    before = t;
                }
            }
            before.ends_with(", ")
                && before.matches(',').count() == 1
                && !before.contains(['"', '“', '‘', '«', '„'])
                && (description_before(text, ws[k].start, lx).is_some()
                    // "His mother, Grace Mensah, remembers ...": a kin or person noun too.
                    || before[..before.len() - 2]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| lx.person_noun(&lowercase(w)).is_some()))
        };
        self.names.push(NameOcc {
            range: ws[start].start..ws[e - 1].end,
            last: last_tok.to_string(),
            tokens: n_tokens,
            name,
            person,
            org,
            gender,
            descriptors,
            role: if org { None } else { role },
            described: described && !org,
            subject: (title_from <= 5
                && ws[..title_from].iter().all(|w| {
                    let l = lowercase(&text[w.clone()]);
                    !super::mentions::AUXILIARIES.contains(&l.as_str())
                        && !l.ends_with("ed")
                        && lx.cue(&l).is_none()
                        && !super::mentions::PREPOSITIONS.contains(&l.as_str())
                })
                && !text[ws[0].start..ws[title_from].start].contains([',', '"', '“', '‘']))
                || described_subject
                // "Among those struggling is retired miner Stan Hoyle, 78.": the name after
                // an inverted copula is what the sentence is about.
                || (title_from > 0
                    && matches!(lowercase(&text[ws[title_from - 1].clone()]).as_str(), "is" | "was")
                    && (e_full == ws.len() || text[ws[e_full - 1].end..].starts_with(','))),
        });
        true
    }

    /// The first title stated with `name` anywhere in the article body.
    /// A headline ("Folk singer Davy Rourke dies aged 71", "Hilda Brennan, pioneering
    /// engineer, dies at 94") states no role: only occurrences from `body_start` count.
    pub fn role_of(&self, name: &str, body_start: usize) -> Option<String> {
        self.occurrences(name)
            .filter(|n| n.range.start >= body_start)
            .find_map(|n| n.role.clone())
    }

    /// "Jake Carney promised to end Dwayne Moss's career ... after Moss, the WBO champion,
    /// shoved his challenger": the role stated with the surname alone, when that surname
    /// belongs to one full name only.
    pub fn surname_role(&self, name: &str, body_start: usize) -> Option<String> {
        let last = name.rsplit(' ').next().filter(|l| l.len() < name.len())?;
        // ("Naylor and Beesley said": two people, the role is one's)
        if name.contains(" and ") || !self.unique_surname(last) {
            return None;
        }
        self.by_last
            .get(&self.names, last)
            .map(|i| &self.names[i])
            .filter(|n| n.tokens == 1 && !n.org && n.range.start >= body_start)
            .find_map(|n| n.role.clone())
    }

    /// The first role stated for `name` by a description before it ("The council’s cabinet
    /// member for education, Cllr Neil Spragg"), in the article body.
    pub fn described_role_of(&self, name: &str, body_start: usize) -> Option<String> {
        self.occurrences(name)
            .filter(|n| n.range.start >= body_start && n.described)
            .find_map(|n| n.role.clone())
    }

    /// Whether any occurrence of `name` carries organisation evidence.
    pub fn is_org(&self, name: &str) -> bool {
        self.occurrences(name).any(|n| n.org) || self.alias_targets.contains(name)
    }

    /// Whether any occurrence of `name` carries person evidence.
    pub fn is_person(&self, name: &str) -> bool {
        self.person_names.contains(&self.names, name)
            // A one-word person name that `name` ends with: look up each suffix of `name`.
            || (!self.single_person_names.is_empty()
                && name.split_whitespace().nth(1).is_some()
                && (0..=name.len())
                    .filter(|&i| name.is_char_boundary(i))
                    .any(|i| self.single_person_names.contains(&self.names, &name[i..])))
    }

    /// Gender evidence of `name` from honorifics and gendered nouns next to its occurrences.
    pub fn gender_of(&self, name: &str) -> Gender {
        let last = name.split_whitespace().last().unwrap_or(name);
        // The last occurrence in text order, of the name or (when the surname is unique)
        // of the surname alone, that states a gender.
        let named = self
            .by_name
            .get(&self.names, name)
            .rev()
            .find(|&i| self.names[i].gender != Gender::Unknown);
        let surname = if self.unique_surname(last) {
            self.by_last
                .get(&self.names, last)
                .rev()
                .find(|&i| self.names[i].tokens == 1 && self.names[i].gender != Gender::Unknown)
        } else {
            None
        };
        named
            .into_iter()
            .chain(surname)
            .max()
            .map_or(Gender::Unknown, |i| self.names[i].gender)
    }

    /// Whether the names of two or more words ending in `last` are all one name (or none).
    fn unique_surname(&self, last: &str) -> bool {
        let mut names = self
            .by_last_multi
            .get(&self.names, last)
            .map(|i| self.names[i].name.as_str());
        let first = names.next();
        names.all(|n| Some(n) == first)
    }

    /// The canonical name for a name mention at byte `pos`: the longest full name with the
    /// same last word and a compatible gender (nearest before, else nearest after), an
    /// organisation an acronym stands for, or the name itself.
    pub fn canonical(&self, name: &str, gender: Gender, pos: usize) -> String {
        let stripped = strip_nickname(name);
        let name = &*stripped;
        if let Some(full) = self.nicknames.get(name) {
            return full.clone();
        }
        // (the last word and the number of words in one pass)
        let (last, ntok) = name
            .split_whitespace()
            .fold((name, 0), |(_, n), w| (w, n + 1));
        if let Some(full) = self.aliases.get(name) {
            return full.clone();
        }
        let mut best: Option<(&NameOcc, (u8, usize))> = None;
        // Only names of more than `ntok` words qualify: of two or more words when ntok >= 1.
        let candidates = if ntok >= 1 {
            &self.by_last_multi
        } else {
            &self.by_last
        };
        for n in candidates.get(&self.names, last).map(|i| &self.names[i]) {
            if n.tokens <= ntok {
                continue;
            }
            if n.org && ntok == 1 && !n.person {
                continue;
            }
            if !n.name.ends_with(name) && !ends_with_particle_lowered(&n.name, name) {
                continue;
            }
            let ng = if n.gender != Gender::Unknown {
                n.gender
            } else {
                self.gender_of(&n.name)
            };
            let compat = match (gender, ng) {
                (Gender::Unknown, _) | (_, Gender::Unknown) => 1,
                (a, b) if a == b => 2,
                _ => continue,
            };
            let dist = if n.range.start <= pos {
                pos - n.range.start
            } else {
                (n.range.start - pos) * 4
            };
            let key = (compat, usize::MAX - dist);
            let longer = best.map(|(b, _)| n.tokens > b.tokens).unwrap_or(true);
            if best.is_none_or(|(b, bk)| key > bk || (key == bk && longer && n.tokens > b.tokens)) {
                best = Some((n, key));
            }
        }
        match best {
            Some((n, _)) if n.tokens > ntok => n.name.clone(),
            _ => {
                // "Marguerite" for "Marguerite Okafor": a first name alone stands for the one
                // person of the article whose full name starts with it.
                // (the names that may start with it, looked up once for both questions)
                let starting = if ntok == 1 {
                    self.maybe_starting_with(name)
                } else {
                    Vec::new()
                };
                // `name` and a space open the name (without building the prefix)
                let opens = |n: &NameOcc| {
                    n.name.len() > name.len()
                        && n.name.starts_with(name)
                        && n.name[name.len()..].starts_with(' ')
                };
                if ntok == 1 {
                    let mut full = starting
                        .iter()
                        .filter(|n| {
                            n.tokens >= 2
                                && (n.person || (!n.org && n.tokens <= 3))
                                && !is_acronym(name)
                                && n.name.len() > name.len()
                                && n.name.starts_with(name)
                                && n.name[name.len()..].starts_with(' ')
                        })
                        .map(|n| n.name.as_str());
                    if let Some(first) = full.next() {
                        if full.all(|n| n == first) {
                            return first.to_string();
                        }
                    }
                }
                // "Veltra" for "Veltra Motors": the first word of an organisation's name.
                if ntok == 1 {
                    if let Some(n) = starting.iter().find(|n| opens(n) && !n.person && n.org) {
                        return n.name.clone();
                    }
                }
                // "Prairie Gold" for "Prairie Gold Dairy Inc.": two or three words that open
                // one organisation's longer name (looked up by the first word).
                if (2..=3).contains(&ntok) {
                    let prefix = format!("{name} ");
                    let first = name.split(' ').next().unwrap_or(name);
                    let mut orgs = self
                        .by_first
                        .get(&self.names, first)
                        .map(|i| &self.names[i])
                        .filter(|n| n.name.starts_with(&prefix) && !n.person && n.org)
                        // ("Larry Eckenfelder of Prudential-Bache Securities" is a person
                        // and his firm: never across "of")
                        .filter(|n| !n.name[prefix.len()..].starts_with("of "))
                        .map(|n| strip_possessive(&n.name));
                    if let Some(o) = orgs.next() {
                        if orgs.all(|x| x == o) {
                            return o.to_string();
                        }
                    }
                }
                // "RDF Union": a word of the name is an acronym of an organisation.
                for w in name.split_whitespace() {
                    if let Some(full) = self.aliases.get(w) {
                        return full.clone();
                    }
                }
                name.to_string()
            }
        }
    }

    /// The organisation the article is most about: the non-person name used most often
    /// (ties: the first used). The fallback for "the company" when nothing else matches.
    pub fn main_organisation(&self) -> Option<&str> {
        self.main_org
            .get_or_init(|| self.find_main_organisation())
            .as_deref()
    }

    fn find_main_organisation(&self) -> Option<String> {
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        let mut at: HashMap<&str, usize, BuildHasherDefault<WordHasher>> = HashMap::default();
        // The full name each short form counts for, per distinct name.
        let mut full_of: HashMap<&str, &str, BuildHasherDefault<WordHasher>> = HashMap::default();
        for (i, n) in self.names.iter().enumerate() {
            if self.person_names.contains(&self.names, &n.name) {
                continue;
            }
            // Short forms count for the full name ("Veltra" for "Veltra Motors"): the first
            // organisation, in text order, whose name starts with this one and a space.
            let full = *full_of.entry(n.name.as_str()).or_insert_with(|| {
                let prefix = format!("{} ", n.name);
                self.starting_with_first_word_of(&n.name)
                    .find(|m| {
                        m.tokens > n.tokens && m.name.starts_with(&prefix) && m.org && !m.person
                    })
                    .map_or(n.name.as_str(), |m| m.name.as_str())
            });
            match at.get(full) {
                Some(&c) => counts[c].1 += 1,
                None => {
                    at.insert(full, counts.len());
                    counts.push((full, 1, i));
                }
            }
        }
        // (a name written with lowercase letters first: an all-capitals headline run or
        // dateline, "OFFERS", "NEW YORK", "N.J.", is the fallback's last resort)
        counts
            .into_iter()
            .filter(|c| self.occurrences(c.0).any(|n| n.org))
            .max_by(|a, b| {
                // (an all-capitals name used more than once, "IBM", "TWA", competes too)
                let mixed =
                    |c: &(&str, usize, usize)| c.0.chars().any(char::is_lowercase) || c.1 >= 2;
                mixed(a)
                    .cmp(&mixed(b))
                    .then(a.1.cmp(&b.1))
                    .then(b.2.cmp(&a.2))
            })
            .map(|c| c.0.to_string())
    }

    /// The names of two or more words (text order) whose first word is that of `name`: a
    /// superset of those that start with `name` and a space.
    fn starting_with_first_word_of<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a NameOcc> + 'a {
        let first = name.split_once(' ').map_or(name, |(f, _)| f);
        self.by_first
            .get(&self.names, first)
            .map(|i| &self.names[i])
    }

    fn org_words(&self) -> &OrgWords {
        self.org_words.get_or_init(|| {
            let mut ix = OrgWords::default();
            for (i, n) in self.names.iter().enumerate() {
                if !n.org || n.person {
                    continue;
                }
                let lname = n.name.to_lowercase();
                let mut seen: Vec<&str> = Vec::new();
                for w in lname.split_whitespace() {
                    if seen.contains(&w) {
                        continue;
                    }
                    seen.push(w);
                    push_once(ix.word.entry(w.to_string()).or_default(), i);
                    let t = w.trim_end_matches(['\'', '’']);
                    push_once(ix.trimmed.entry(t.to_string()).or_default(), i);
                }
                for d in &n.descriptors {
                    push_once(ix.descriptor.entry(d.clone()).or_default(), i);
                }
            }
            ix
        })
    }

    /// A full name that the article introduces with the title or noun `noun` (lowercase;
    /// "Pop singer Mia Lowe" for "the singer", "Gov. Miguel Ortega" for "the governor"),
    /// when exactly one does. Looks at the names indexed under the last word of `noun`
    /// (see [`Inventory::title_keys`]), remembered per noun.
    pub fn titled_name(&self, text: &str, lx: &Lexicon, noun: &str) -> Option<String> {
        if let Some(found) = self.titled.borrow().get(noun) {
            return found.clone();
        }
        let introduced = |n: &&NameOcc| super::introduced_as(text, lx, n, noun);
        // The names listed under the noun's last three bytes, when those are ASCII and its
        // last word has three bytes or more; else every name.
        let last = noun.rsplit(' ').next().unwrap_or(noun);
        let key = (last.len() >= 3 && last.as_bytes()[last.len() - 3..].is_ascii())
            .then(|| tail_key(noun))
            .flatten();
        let mut found: Vec<&str> = if let Some(key) = key {
            self.title_keys(text, lx)
                .get(&key)
                .into_iter()
                .flatten()
                .map(|&i| &self.names[i])
                .filter(introduced)
                .map(|n| n.name.as_str())
                .collect()
        } else {
            self.names
                .iter()
                .filter(introduced)
                .map(|n| n.name.as_str())
                .collect()
        };
        found.sort_unstable();
        found.dedup();
        let one = (found.len() == 1).then(|| found[0].to_string());
        self.titled
            .borrow_mut()
            .insert(noun.to_string(), one.clone());
        one
    }

    /// The names that can be introduced with a title (two or more words, not an
    /// organisation, not all capitals) by the [`tail_key`] of what can state the title: the
    /// text before the name, an honorific's role, the role stated with it. A noun that
    /// introduces a name ends, lowercased, as one of these does (or equals the honorific's
    /// role but for ASCII case; or, for "head of the agency", has the same last word as the
    /// role), so it has one of their keys.
    fn title_keys(
        &self,
        text: &str,
        lx: &Lexicon,
    ) -> &HashMap<u32, Vec<usize>, BuildHasherDefault<WordHasher>> {
        self.title_keys.get_or_init(|| {
            let mut index: HashMap<u32, Vec<usize>, BuildHasherDefault<WordHasher>> =
                HashMap::default();
            for (i, n) in self.names.iter().enumerate() {
                // (a surname alone only with a judge's style: "Mr Justice Hallam")
                if (n.tokens < 2 && !n.judge_style())
                    || n.org
                    || !n.name.chars().any(char::is_lowercase)
                {
                    continue;
                }
                let honorific_role = text
                    [super::floor_char(text, n.range.start.saturating_sub(12))..n.range.start]
                    .split_whitespace()
                    .next_back()
                    .and_then(|w| lx.honorific(w))
                    .and_then(|h| h.role.as_deref());
                let before = text[..n.range.start].trim_end();
                let role = n.role.as_deref().unwrap_or("");
                let mut keys = [
                    before,
                    honorific_role.unwrap_or(""),
                    role,
                    // "mayor of Caldbridge" also introduces "the mayor", "Minister for
                    // Health" "the minister"
                    role.split_once(" of ")
                        .or_else(|| role.split_once(" for "))
                        .map_or("", |(t, _)| t),
                ]
                .map(tail_key);
                keys.sort_unstable();
                for (j, k) in keys.iter().enumerate() {
                    if let Some(k) = *k {
                        if keys[..j].iter().all(|x| *x != Some(k)) {
                            index.entry(k).or_default().push(i);
                        }
                    }
                }
            }
            index
        })
    }

    /// The named organisation an organisation description stands for ("the company",
    /// "police", "the drivers’ union"): a name containing the head noun or another word of
    /// the description, or stated with that noun ("Bakery firm Harwell’s"); nearest before
    /// `pos`, else nearest after.
    pub fn organisation_for(&self, desc: &str, head: &str, pos: usize) -> Option<String> {
        let words: Vec<String> = desc
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "its" | "their"))
            .collect();
        let synonyms: &[&str] = match head {
            h if BUSINESS.contains(&h) => BUSINESS,
            h if POLICE.contains(&h) => POLICE,
            h if REGULATORS.contains(&h) => REGULATORS,
            h if INVESTIGATORS.contains(&h) => INVESTIGATORS,
            _ => &[],
        };
        // (a name word that is a synonym counts for the police, a regulator, investigators:
        // "the watchdog" for "Financial Conduct Authority")
        let word_synonyms = synonyms != BUSINESS;
        let dist = |i: usize| {
            let s = self.names[i].range.start;
            if s <= pos {
                pos - s
            } else {
                (s - pos) * 4
            }
        };
        if self.names.len() < INDEX_FROM {
            // A short article: one look at each organisation.
            let mut best: Option<(&NameOcc, usize)> = None;
            for (i, n) in self.names.iter().enumerate() {
                if !n.org || n.person {
                    continue;
                }
                let lname = lowercase(&n.name);
                let hit = lname.split_whitespace().any(|w| {
                    w.trim_end_matches(['\'', '’']) == head.trim_end_matches(['\'', '’'])
                        || (word_synonyms && synonyms.contains(&w))
                }) || words
                    .iter()
                    .any(|w| w.len() > 3 && w != head && lname.split_whitespace().any(|x| x == w))
                    || n.descriptors
                        .iter()
                        .any(|d| d == head || synonyms.contains(&d.as_str()));
                if hit && best.is_none_or(|(_, d)| dist(i) < d) {
                    best = Some((n, dist(i)));
                }
            }
            return self.organisation_from(best.map(|(n, _)| n), head);
        }
        // The organisations that match the description, by the words that can match: the
        // head (apostrophe aside), any police noun for a police head, a longer word of the
        // description, a descriptor equal to the head or a synonym.
        let ix = self.org_words();
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        lists.extend(ix.trimmed.get(head.trim_end_matches(['\'', '’'])));
        if word_synonyms {
            lists.extend(synonyms.iter().filter_map(|p| ix.word.get(*p)));
        }
        for w in &words {
            if w.len() > 3 && w != head {
                lists.extend(ix.word.get(w));
            }
        }
        lists.extend(ix.descriptor.get(head));
        lists.extend(synonyms.iter().filter_map(|s| ix.descriptor.get(*s)));
        // Nearest before `pos`, else nearest after (at four times the distance); ties to
        // the first in text order. In each list (text order) only the last name starting
        // at or before `pos` and the first after it can be nearest.
        let best = lists
            .iter()
            .flat_map(|l| {
                let k = l.partition_point(|&i| self.names[i].range.start <= pos);
                [k.checked_sub(1).map(|k| l[k]), l.get(k).copied()]
            })
            .flatten()
            .min_by_key(|&i| (dist(i), i))
            .map(|i| &self.names[i]);
        self.organisation_from(best, head)
    }

    /// The answer of [`Inventory::organisation_for`] from the nearest matching name.
    fn organisation_from(&self, best: Option<&NameOcc>, head: &str) -> Option<String> {
        match best {
            // "Mining firm Grauwald" ... "Grauwald Mining": the full name.
            Some(n) => Some(self.longest_org_from(&n.name)),
            None if BUSINESS.contains(&head) => self.main_organisation().map(str::to_string),
            None => None,
        }
    }

    /// The longest organisation name that starts with `name` ("Grauwald" -> "Grauwald
    /// Mining"), or `name` itself.
    pub fn longest_org_from(&self, name: &str) -> String {
        if let Some(l) = self.longest_org.borrow().get(name) {
            return l.clone();
        }
        let l = self
            .starting_with_first_word_of(name)
            .filter(|m| {
                m.org
                    && !m.person
                    && m.name.len() > name.len()
                    && m.name.starts_with(name)
                    && m.name[name.len()..].starts_with(' ')
            })
            .max_by_key(|m| m.tokens)
            .map_or_else(|| name.to_string(), |m| m.name.clone());
        self.longest_org
            .borrow_mut()
            .insert(name.to_string(), l.clone());
        l
    }

    /// The one organisation whose name ends with the organisation word `word` ("the Trust"
    /// for "Coastal Birds Trust"), when exactly one does.
    pub fn org_ending_with(&self, word: &str) -> Option<String> {
        self.org_ending
            .get_or_init(|| {
                // Per last word: the one organisation name ending with it, or None when
                // two differ.
                let mut m: WordMap<Option<String>> = WordMap::default();
                for n in &self.names {
                    if n.org && !n.person && n.tokens >= 2 && n.name.ends_with(n.last.as_str()) {
                        match m.get_mut(&n.last) {
                            None => {
                                m.insert(n.last.clone(), Some(n.name.clone()));
                            }
                            Some(one) => {
                                if one.as_ref().is_some_and(|o| *o != n.name) {
                                    *one = None;
                                }
                            }
                        }
                    }
                }
                m
            })
            .get(word)
            .cloned()
            .flatten()
    }
}

/// A role title inside a sentence-initial run after its first word ("San Luis Obispo
/// County Sheriff Ian Parnell"): the first word opens the title's body (a place, an
/// organisation), not a common noun before a two-word name ("Pensioner Iris Cole"), so it
/// stays. Only the words before the last two are looked at (the name itself).
fn title_inside_run(text: &str, ws: &[Range<usize>], k: usize, e: usize, lx: &Lexicon) -> bool {
    (k + 1..e.saturating_sub(2)).any(|z| {
        let t = &text[ws[z].clone()];
        t.starts_with(|c: char| c.is_uppercase())
            && lx
                .person_noun(&lowercase(t))
                .is_some_and(|p| p.class == PersonClass::Role)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{paragraphs, sentences, WordTable};

    fn inventory(text: &str, lx: &Lexicon) -> Inventory {
        let paras = paragraphs(text);
        Inventory::build(text, &sentences(text, &paras), &WordTable::new(text), lx)
    }

    /// Filler with hundreds of names, so the indexed answers (not the scan used below
    /// `INDEX_FROM` names) are the ones tested.
    fn many_names(n: usize) -> String {
        (0..n)
            .map(|i| format!("Farmer Tom Ashby{} met Mr Hale on Monday.", i % 7))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn titled_name_and_organisation_for_answer_from_indexes_on_an_article_with_many_names() {
        let lx = Lexicon::builtin();
        let text = format!(
            "Pop singer Mia Lowe opened the show. Bakery firm Harwell Foods said prices rose. {} \
             The Ostrava Mining Company closed a pit. {}",
            many_names(150),
            many_names(150)
        );
        let inv = inventory(&text, &lx);
        assert!(inv.names.len() >= INDEX_FROM);
        assert_eq!(
            inv.titled_name(&text, &lx, "singer").as_deref(),
            Some("Mia Lowe")
        );
        // "farmer" introduces seven different names: no single answer.
        assert_eq!(inv.titled_name(&text, &lx, "farmer"), None);
        assert_eq!(inv.titled_name(&text, &lx, "judge"), None);
        // Remembered: the same answer a second time.
        assert_eq!(
            inv.titled_name(&text, &lx, "singer").as_deref(),
            Some("Mia Lowe")
        );
        // "the company": the nearest named business before the mention, else after it.
        let mining = text.find("The Ostrava").unwrap();
        assert_eq!(
            inv.organisation_for("the company", "company", mining + 60)
                .as_deref(),
            Some("Ostrava Mining Company")
        );
        assert_eq!(
            inv.organisation_for("the firm", "firm", 60).as_deref(),
            Some("Harwell Foods")
        );
        assert_eq!(inv.organisation_for("the union", "union", 60), None);
    }
}
