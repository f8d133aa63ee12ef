//! Sets of ASCII words asked of nearly every word of a text (does a word
//! start an amount, name a place?): a word is hashed once, ignoring case,
//! without a copy, and a small Bloom filter that stays in cache answers
//! "no" for most words before any table is touched.

use rustc_hash::FxHashSet;

/// The hash of the ASCII letters that start `text`, ignoring case, and how
/// many there are: eight bytes at a time, the word running as far as the
/// letters of a block do, mixed a block at a time (see `add_block`).
#[inline]
pub(crate) fn hash_word(text: &[u8]) -> (u64, usize) {
    // Most words are in their first eight bytes.
    match text.first_chunk::<8>().map(|b| u64::from_le_bytes(*b)) {
        Some(x) => match leading_letters(x) {
            8 => hash_rest(text, mix(0, x | SMALL), 8),
            letters => (add_block(0, x, letters), letters),
        },
        None => hash_rest(text, 0, 0),
    }
}

/// [`hash_word`] of a word whose first `len` letters (a multiple of eight)
/// hash to `h`.
#[inline(never)]
fn hash_rest(text: &[u8], mut h: u64, mut len: usize) -> (u64, usize) {
    while let Some(block) = text[len..].first_chunk::<8>() {
        let x = u64::from_le_bytes(*block);
        let letters = leading_letters(x);
        if letters < 8 {
            return (add_block(h, x, letters), len + letters);
        }
        h = mix(h, x | SMALL);
        len += 8;
    }
    let rest = &text[len..];
    let letters = rest
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    (add_block(h, tail(&rest[..letters]), letters), len + letters)
}

/// How many of the bytes of `x`, the first lowest, are ASCII letters
/// before the first that is not.
#[inline]
fn leading_letters(x: u64) -> usize {
    let others = !crate::swar::within(x | SMALL, b'a', b'z') & HIGH;
    others.trailing_zeros() as usize / 8
}

const K: u64 = 0x517c_c1b7_2722_0a95;
const SMALL: u64 = u64::from_le_bytes([0x20; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// `h` with the first `letters` (fewer than eight) bytes of `x` mixed in,
/// the rest as 0x20 (which no small letter is, so words of different
/// lengths mix different blocks); nothing where there are none.
#[inline]
fn add_block(h: u64, x: u64, letters: usize) -> u64 {
    match letters {
        0 => h,
        n => mix(h, (x & ((1 << (8 * n)) - 1)) | SMALL),
    }
}

/// Up to eight bytes as the low bytes of a number, the first lowest.
fn tail(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |x, &b| (x << 8) | u64::from(b))
}

const BLOOM_BITS: usize = 1 << 16;

/// Words by their hash, behind a Bloom filter. Two words with the same
/// 64-bit hash are one word here: callers check what a match means.
#[derive(Debug)]
pub(crate) struct WordHashes {
    bloom: Vec<u64>,
    hashes: FxHashSet<u64>,
}

impl WordHashes {
    pub(crate) fn new() -> WordHashes {
        WordHashes {
            bloom: vec![0; BLOOM_BITS / 64],
            hashes: FxHashSet::default(),
        }
    }

    /// Adds a word of ASCII letters (any case).
    pub(crate) fn insert_hash(&mut self, h: u64) {
        let bit = bloom_bit(h);
        self.bloom[bit / 64] |= 1 << (bit % 64);
        self.hashes.insert(h);
    }

    /// The set of `words` (each by its leading ASCII letters).
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordHashes {
        let mut set = WordHashes::new();
        for w in words {
            set.insert(w);
        }
        set
    }

    /// Adds the word `word` (its leading ASCII letters).
    pub(crate) fn insert(&mut self, word: &str) {
        self.insert_hash(hash_word(word.as_bytes()).0);
    }

    /// The hashes added.
    pub(crate) fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.hashes.iter().copied()
    }

    /// True when the Bloom filter does not rule out `h`.
    #[inline]
    pub(crate) fn may_contain(&self, h: u64) -> bool {
        let bit = bloom_bit(h);
        self.bloom[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// True when a word with hash `h` was added.
    #[inline]
    pub(crate) fn contains_hash(&self, h: u64) -> bool {
        self.may_contain(h) && self.hashes.contains(&h)
    }
}

fn bloom_bit(h: u64) -> usize {
    (h >> 40) as usize % BLOOM_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of a word of ASCII letters as [`hash_word`] is to give it:
    /// eight letters at a time, each made small by its 0x20 bit.
    fn hash_letters(word: &[u8]) -> u64 {
        let mut chunks = word.chunks_exact(8);
        let h = (&mut chunks).fold(0, |h, c| mix(h, tail(c) | SMALL));
        let rest = chunks.remainder();
        add_block(h, tail(rest), rest.len())
    }

    #[test]
    fn case_is_ignored_and_only_letters_count() {
        assert_eq!(hash_word(b"Kenya's"), hash_word(b"KENYA"));
        assert_eq!(hash_word(b"Kenya's").1, 5);
        assert_ne!(hash_word(b"Kenya").0, hash_word(b"Kenyan").0);
        let mut set = WordHashes::new();
        set.insert("million");
        assert!(set.contains_hash(hash_word(b"MILLION").0));
        assert!(!set.contains_hash(hash_word(b"millions").0));
    }

    #[test]
    fn a_word_read_eight_bytes_at_once_hashes_as_its_letters() {
        let texts = [
            "",
            "a",
            "A b",
            "Euro",
            "dollars,",
            "eighteen",
            "EIGHTEENS",
            "twelve12",
            "x@[`{",
            "Zürich",
            "mil\u{e9}",
            "ab\ncd",
            "abcdefg.",
            "abcdefgh",
            "abcdefghi jk",
            "Internationalisation's",
            "abcdefghabcdefgh",
        ];
        for text in texts {
            for cut in 0..=text.len() {
                let bytes = &text.as_bytes()[..cut];
                let len = bytes
                    .iter()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(bytes.len());
                assert_eq!(
                    hash_word(bytes),
                    (hash_letters(&bytes[..len]), len),
                    "{bytes:?}"
                );
                let padded = [bytes, b" 12345678"].concat();
                assert_eq!(
                    hash_word(&padded),
                    (hash_letters(&bytes[..len]), len),
                    "{padded:?}"
                );
            }
        }
    }
}
