//! Coreference within one article: an inventory of every proper name it uses (capitalised
//! runs, titles and honorifics split off, acronyms in brackets recorded as aliases), with
//! evidence of person vs organisation and of gender; short forms ("Mr Lukashenko",
//! "Whitlow", "RDF") resolve to the longest compatible name, and organisation nouns ("the
//! company", "police", "the drivers' union") to a named organisation of the article.

use std::collections::HashMap;
use std::ops::Range;

use crate::lexicon::{Lexicon, PersonClass};
use crate::model::Gender;
use crate::text::{words, Sentence};

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
}

/// The names of an article.
#[derive(Debug, Default)]
pub struct Inventory {
    pub names: Vec<NameOcc>,
    /// Acronym -> organisation name ("RDF" -> "Rail Drivers’ Federation").
    pub aliases: HashMap<String, String>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

pub fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl Inventory {
    pub fn build(text: &str, sentences: &[Sentence], lx: &Lexicon) -> Self {
        let mut inv = Inventory::default();
        for s in sentences {
            let ws = words(text, s.range.clone());
            let mut k = 0;
            while k < ws.len() {
                let t = &text[ws[k].clone()];
                if !is_cap(t) {
                    k += 1;
                    continue;
                }
                // The run, allowing "of/and/for/&" between capitalised words.
                let mut e = k + 1;
                while e < ws.len() {
                    let gap = &text[ws[e - 1].end..ws[e].start];
                    if !gap.trim().is_empty() {
                        break;
                    }
                    let w = &text[ws[e].clone()];
                    if is_cap(w) {
                        e += 1;
                    } else if matches!(w, "of" | "and" | "for" | "&")
                        && e + 1 < ws.len()
                        && is_cap(&text[ws[e + 1].clone()])
                        && text[ws[e].end..ws[e + 1].start].trim().is_empty()
                        && (lx.is_org_head(&text[ws[e - 1].clone()].to_lowercase())
                            || (e + 2..=ws.len().min(e + 5))
                                .any(|z| lx.is_org_head(&text[ws[z - 1].clone()].to_lowercase())))
                    {
                        e += 2;
                    } else {
                        break;
                    }
                }
                inv.add_run(text, &ws, k, e, s.range.start == ws[k].start, lx);
                k = e;
            }
        }
        inv
    }

    fn add_run(
        &mut self,
        text: &str,
        ws: &[Range<usize>],
        k: usize,
        e: usize,
        initial: bool,
        lx: &Lexicon,
    ) {
        let mut person = false;
        let mut org = false;
        let mut gender = Gender::Unknown;
        let mut start = k;
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
            let l = t.to_lowercase();
            if l == "the" {
                start += 1;
                continue;
            }
            if lx
                .person_noun(&l)
                .is_some_and(|p| p.class == PersonClass::Role)
                && start + 1 < e
            {
                person = true;
                start += 1;
                continue;
            }
            // Words before a title belong to it ("Foreign Secretary", "Finance Minister").
            if (start + 1..e.min(start + 3)).any(|z| {
                lx.person_noun(&text[ws[z].clone()].to_lowercase())
                    .is_some_and(|p| p.class == PersonClass::Role)
            }) && (start + 2..e).count() >= 1
            {
                start += 1;
                continue;
            }
            break;
        }
        if start >= e {
            return;
        }
        let n_tokens = e - start;
        if initial && n_tokens == 1 && start == k {
            return; // a sentence-initial capital alone: not evidence of a name
        }
        // Evidence before the run: role noun, kin noun, organisation noun.
        let mut descriptors = Vec::new();
        let mut before = ws[..k].iter().rev().take(3).peekable();
        if let Some(b) = before.next() {
            let bl = text[b.clone()].to_lowercase();
            let bl = bl.trim_end_matches(',');
            if let Some(p) = lx.person_noun(bl) {
                person = true;
                if p.gender != Gender::Unknown {
                    gender = p.gender;
                }
            }
            if lx.is_org_noun(bl) && lx.person_noun(bl).is_none() {
                org = true;
                descriptors.push(bl.to_string());
            }
        }
        let first_tok = &text[ws[start].clone()];
        let last_tok = strip_possessive(&text[ws[e - 1].clone()]);
        if (start..e)
            .any(|z| lx.is_org_head(&strip_possessive(&text[ws[z].clone()]).to_lowercase()))
            && !person
        {
            org = true;
        }
        if n_tokens == 1 && is_acronym(first_tok) {
            org = true;
        }
        // After the run: "(RDF)" alias, ", 66," age, ", who" person, ", which" org.
        let after = &text[ws[e - 1].end..];
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
        if let Some(rest) = after_t.strip_prefix(',') {
            let r = rest.trim_start();
            if r.starts_with(|c: char| c.is_ascii_digit()) || r.starts_with("who ") {
                person = true;
            } else if r.starts_with("which ") {
                org = true;
            }
        }
        // "the Northern Lines network": a name used as a modifier is an organisation or place.
        if k > 0 && text[ws[k - 1].clone()].eq_ignore_ascii_case("the") && e < ws.len() {
            let nx = &text[ws[e].clone()];
            if !is_cap(nx) && text[ws[e - 1].end..ws[e].start].trim().is_empty() && !person {
                org = true;
            }
        }
        let name = strip_possessive(&text[ws[start].start..ws[e - 1].end]).to_string();
        self.names.push(NameOcc {
            range: ws[start].start..ws[e - 1].end,
            last: last_tok.to_string(),
            tokens: n_tokens,
            name,
            person,
            org,
            gender,
            descriptors,
        });
    }

    /// Whether any occurrence of `name` carries organisation evidence.
    pub fn is_org(&self, name: &str) -> bool {
        self.names.iter().any(|n| n.name == name && n.org)
            || self.aliases.values().any(|v| v == name)
    }

    /// Whether any occurrence of `name` carries person evidence.
    pub fn is_person(&self, name: &str) -> bool {
        self.names.iter().any(|n| n.name == name && n.person)
            || self.names.iter().any(|n| {
                n.person
                    && n.tokens == 1
                    && n.tokens < name.split_whitespace().count()
                    && name.ends_with(&n.name)
            })
    }

    /// Gender evidence of `name` from honorifics and gendered nouns next to its occurrences.
    pub fn gender_of(&self, name: &str) -> Gender {
        let last = name.split_whitespace().last().unwrap_or(name);
        let mut g = Gender::Unknown;
        for n in &self.names {
            if n.name == name
                || (n.tokens == 1
                    && n.last == last
                    && n.gender != Gender::Unknown
                    && self.unique_surname(last))
            {
                if n.gender != Gender::Unknown {
                    g = n.gender;
                }
            }
        }
        g
    }

    fn unique_surname(&self, last: &str) -> bool {
        let mut full: Vec<&str> = self
            .names
            .iter()
            .filter(|n| n.tokens >= 2 && n.last == last)
            .map(|n| n.name.as_str())
            .collect();
        full.sort();
        full.dedup();
        full.len() <= 1
    }

    /// The canonical name for a name mention at byte `pos`: the longest full name with the
    /// same last word and a compatible gender (nearest before, else nearest after), an
    /// organisation an acronym stands for, or the name itself.
    pub fn canonical(&self, name: &str, gender: Gender, pos: usize) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        let ntok = name.split_whitespace().count();
        if let Some(full) = self.aliases.get(name) {
            return full.clone();
        }
        let mut best: Option<(&NameOcc, (u8, usize))> = None;
        for n in &self.names {
            if n.last != last || n.tokens < ntok || (n.tokens == ntok && n.name != name) {
                continue;
            }
            if n.org && ntok == 1 && !n.person {
                continue;
            }
            if !n.name.ends_with(name) {
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
            "company" | "firm" | "business" | "group" | "developer" | "retailer" | "carmaker" => &[
                "company",
                "firm",
                "business",
                "group",
                "developer",
                "retailer",
                "carmaker",
                "bakery",
                "maker",
            ],
            _ => &[],
        };
        let mut best: Option<(&NameOcc, usize)> = None;
        for n in self.names.iter().filter(|n| n.org && !n.person) {
            let lname = n.name.to_lowercase();
            let hit = lname
                .split_whitespace()
                .any(|w| w.trim_end_matches(['\'', '’']) == head.trim_end_matches(['\'', '’']))
                || words
                    .iter()
                    .any(|w| w.len() > 3 && w != head && lname.split_whitespace().any(|x| x == w))
                || n.descriptors
                    .iter()
                    .any(|d| d == head || synonyms.contains(&d.as_str()));
            if !hit {
                continue;
            }
            let dist = if n.range.start <= pos {
                pos - n.range.start
            } else {
                (n.range.start - pos) * 4
            };
            if best.is_none_or(|(_, d)| dist < d) {
                best = Some((n, dist));
            }
        }
        best.map(|(n, _)| {
            // Prefer the longest form of that organisation ("Northvale Police").
            n.name.clone()
        })
    }
}
