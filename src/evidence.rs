//! Evidence of where a text is from: the places, peoples and institutions
//! it names (`Nairobi`, `Kenyan`, `the Reserve Bank of India`), each with the
//! currencies used there, so that an ambiguous `$` or `Rs` can be read as
//! the article's own.
//!
//! Words come from `data/places.csv` (CLDR territory names, capitals and
//! large cities, curated demonyms and institutions; see `data/README.md`).
//! Only words that start with a capital letter are looked at, so most of a
//! text is passed over byte by byte.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::currency::Currency;
use crate::wordset::{WordHashes, hash_word};

static PLACES_CSV: &str = include_str!("../data/places.csv");
/// Its stop rows (code `-`): phrases that hold evidence words but are none
/// (`Latin America`, `Indian Ocean`), read past without a decision.
static CURATED_CSV: &str = include_str!("../data/curated-places.csv");

/// One evidence phrase and the currencies it points to (none for a mask).
#[derive(Debug)]
struct Entry {
    /// Lower-cased, as matched (ASCII case is ignored).
    phrase: String,
    /// Written in capitals (`US`, `UAE`): matched only so, never `Us`.
    capitals: bool,
    currencies: Vec<Currency>,
}

/// Phrases by their lower-cased first word, longest phrase first.
struct Places {
    entries: Vec<Entry>,
    /// By the hash of the first word.
    by_first: FxHashMap<u64, Vec<u32>>,
    /// The first words: most capitalised words (`Tuesday`, `But`) are
    /// passed over with no lookup.
    firsts: WordHashes,
}

static PLACES: LazyLock<Places> = LazyLock::new(|| {
    // (phrase in small letters, written in capitals, currency), sorted and
    // merged below: one entry per phrase with each of its currencies.
    let mut rows: Vec<(String, bool, Option<Currency>)> = Vec::with_capacity(5000);
    let mut add = |phrase: &str, c: Option<Currency>| {
        let capitals = phrase.bytes().filter(u8::is_ascii_uppercase).count() >= 2
            && !phrase.chars().any(char::is_lowercase);
        rows.push((phrase.to_lowercase(), capitals, c));
    };
    // Fields by position into one reused record: no strings per row.
    let each = |csv: &'static str, f: &mut dyn FnMut(&str, &str)| {
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).unwrap_or(false) {
            if let (Some(word), Some(code)) = (record.get(0), record.get(1)) {
                f(word, code);
            }
        }
    };
    each(PLACES_CSV, &mut |word, code| {
        if let Some(c) = Currency::lookup(code) {
            add(word, Some(c));
        }
    });
    each(CURATED_CSV, &mut |word, code| {
        if code == "-" && word.contains(' ') {
            add(word, None);
        }
    });
    // Stable: a phrase keeps the `capitals` of its first row, and its
    // currencies their order, as they were.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    for (phrase, capitals, c) in rows {
        match entries.last_mut() {
            Some(e) if e.phrase == phrase => {
                if let Some(c) = c.filter(|c| !e.currencies.contains(c)) {
                    e.currencies.push(c);
                }
            }
            _ => entries.push(Entry {
                phrase,
                capitals,
                currencies: c.into_iter().collect(),
            }),
        }
    }
    let mut by_first: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut firsts = WordHashes::new();
    for (i, e) in entries.iter().enumerate() {
        // A phrase that starts with no ASCII letter is never matched.
        let (h, _) = hash_word(e.phrase.as_bytes());
        firsts.insert_hash(h);
        by_first.entry(h).or_default().push(i as u32);
    }
    for ids in by_first.values_mut() {
        ids.sort_by_key(|&i| std::cmp::Reverse(entries[i as usize].phrase.len()));
    }
    Places {
        entries,
        by_first,
        firsts,
    }
});

/// A phrase of evidence found in a text: its byte range and entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Seen {
    pub start: usize,
    pub end: usize,
    /// Line breaks before it in the text.
    pub breaks: u64,
    entry: u32,
}

impl Seen {
    /// The currencies used where this phrase points.
    pub fn currencies(&self) -> &'static [Currency] {
        &PLACES.entries[self.entry as usize].currencies
    }
}

/// Every phrase of evidence in `text`, in order, not overlapping.
pub(crate) fn scan(text: &str) -> Vec<Seen> {
    crate::work::add(text.len());
    let places = &*PLACES;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let (mut counted, mut breaks) = (0, 0);
    // Eight bytes at a time, to each capital letter.
    while let Some(k) = crate::swar::find(&bytes[i..], b'A', b'Z') {
        i += k;
        if i > 0 && is_word_byte(bytes[i - 1]) {
            i += 1;
            continue;
        }
        let (h, len) = hash_word(&bytes[i..]);
        let mut next = i + len.max(1);
        if !places.firsts.may_contain(h) {
            i = next;
            continue;
        }
        if let Some(ids) = places.by_first.get(&h) {
            for &id in ids {
                let phrase = &places.entries[id as usize].phrase;
                let end = i + phrase.len();
                let entry = &places.entries[id as usize];
                let matched = text.get(i..end).is_some_and(|t| {
                    t.eq_ignore_ascii_case(phrase)
                        && !(entry.capitals && t.bytes().any(|b| b.is_ascii_lowercase()))
                }) && bytes
                    .get(end)
                    .is_none_or(|&b| !is_word_byte(b) || b == b'\'');
                if matched {
                    if !entry.currencies.is_empty() {
                        breaks += crate::lines::breaks(&bytes[counted..i]);
                        counted = i;
                        found.push(Seen {
                            start: i,
                            end,
                            breaks,
                            entry: id,
                        });
                    }
                    next = end;
                    break;
                }
            }
        }
        i = next;
    }
    found
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The one currency of `allowed` that `items` point to, with the first item
/// that names it, or `Err` when they point to two of them (no decision at
/// any wider scope). An item naming two of them (`Punjab`, `Hyderabad`)
/// tells neither.
pub(crate) fn decide<'c, T>(
    items: impl Iterator<Item = T>,
    currencies: impl Fn(&T) -> &'c [Currency],
    allowed: &[Currency],
) -> Result<Option<(Currency, T)>, ()> {
    let mut found: Option<(Currency, T)> = None;
    for item in items {
        let mut named = currencies(&item).iter().filter(|c| allowed.contains(c));
        let (Some(&c), None) = (named.next(), named.next()) else {
            continue;
        };
        match &found {
            Some((f, _)) if *f != c => return Err(()),
            Some(_) => {}
            None => found = Some((c, item)),
        }
    }
    Ok(found)
}

/// A word of the text that decided a currency (`Nairobi` for a `Sh`), and
/// the line it is on (1-based, counted in the whole input).
///
/// # Example
///
/// ```
/// let text = "Ottawa said on Monday.\nIt will spend $5 million.";
/// let m = figures::extract(text).next().unwrap()?;
/// let e = m.evidence.unwrap();
/// assert_eq!((m.currency.unwrap().as_str(), e.word.as_str(), e.line), ("CAD", "Ottawa", 1));
/// assert_eq!(e.to_string(), "Ottawa line 1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Evidence {
    /// The word as written.
    pub word: String,
    /// Its 1-based line.
    pub line: u64,
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}", self.word, self.line)
    }
}

impl Seen {
    /// This phrase as evidence, in the paragraph `text` that starts on
    /// line `first_line`.
    pub fn evidence(&self, text: &str, first_line: u64) -> Evidence {
        Evidence {
            word: text[self.start..self.end].to_string(),
            line: first_line + self.breaks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        scan(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn capitalised_places_and_institutions() {
        assert_eq!(
            words("NAIROBI, Kenya: the Reserve Bank of India and Kenyan farmers"),
            ["NAIROBI", "Kenya", "Reserve Bank of India", "Kenyan"]
        );
        assert_eq!(
            words("kenya in small letters, Kenyaland"),
            Vec::<&str>::new()
        );
        assert_eq!(words("Nigeria's budget"), ["Nigeria"]);
        assert_eq!(words("Us and the US"), ["US"]);
        assert_eq!(words("across Latin America"), Vec::<&str>::new());
    }

    #[test]
    fn two_currencies_decide_nothing() {
        let decide = |items: &[&[Currency]], allowed: &[Currency]| {
            super::decide(items.iter(), |c| **c, allowed).map(|f| f.map(|(c, _)| c))
        };
        let kes: Currency = "KES".parse().unwrap();
        let ugx: Currency = "UGX".parse().unwrap();
        let allowed = [kes, ugx];
        let a: &[Currency] = &[kes];
        let b: &[Currency] = &[ugx];
        assert_eq!(decide(&[a], &allowed), Ok(Some(kes)));
        assert_eq!(decide(&[a, b], &allowed), Err(()));
        assert_eq!(decide(&[], &allowed), Ok(None));
        let both: &[Currency] = &[kes, ugx];
        assert_eq!(
            decide(&[both, a], &allowed),
            Ok(Some(kes)),
            "a place of both tells neither"
        );
    }
}
