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
use crate::packed::Bytes;
use crate::wordset::{WordHashes, hash_word};

/// `data/places.csv` in the compact form `decode` reads, with the stops of
/// `data/curated-places.csv` that hold a space: phrases that hold evidence
/// words but are none (`Latin America`, `Indian Ocean`), read past without
/// a decision.
static PLACES_BIN: &[u8] = include_bytes!("../data/places.bin");

/// One evidence phrase and the currencies it points to (none for a mask).
#[derive(Debug)]
struct Entry {
    /// Lower-cased, as matched (ASCII case is ignored).
    phrase: &'static str,
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

/// The embedded table: checked by a unit test, so a damaged one reads no
/// evidence rather than panic.
static PLACES: LazyLock<Places> =
    LazyLock::new(|| Places::new(decode(PLACES_BIN).unwrap_or_default()));

/// The entries of `places.bin`; `None` unless it is well formed. The
/// format, as `crate::packed` reads it:
///
/// ```text
/// "PLC1"
/// entries    count; each: phrase in small letters, 1 if written in
///            capitals (else 0), currencies (count, 3-byte codes)
/// ```
///
/// `scripts/gen_tables.py` writes one entry per phrase, a phrase's codes
/// in the order of its rows (the first row's writing decides `capitals`).
fn decode(bytes: &'static [u8]) -> Option<Vec<Entry>> {
    let mut r = Bytes::new(bytes, b"PLC1")?;
    let entries = r.list(|r| {
        let phrase = r.str()?;
        let capitals = match r.byte()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let currencies = r.list(|r| Currency::exact(r.code()?))?;
        Some(Entry {
            phrase,
            capitals,
            currencies,
        })
    })?;
    r.is_empty().then_some(entries)
}

impl Places {
    fn new(entries: Vec<Entry>) -> Places {
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
    }
}

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
    fn the_table_decodes_and_damage_is_none() {
        assert!(decode(PLACES_BIN).is_some_and(|e| e.len() > 3000));
        for cut in [0, 4, 5, 100, PLACES_BIN.len() - 1] {
            assert!(decode(&PLACES_BIN[..cut]).is_none(), "{cut}");
        }
        let mut flipped = PLACES_BIN.to_vec();
        for i in (0..flipped.len()).step_by(331) {
            flipped[i] ^= 0xff;
        }
        let _ = decode(flipped.leak());
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
