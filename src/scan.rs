//! Where an amount may start: a byte-class scan, sixteen bytes at a time,
//! that stops only at digits, signs, currency symbols and words that can
//! open an amount (number words, ISO codes, the first word of a currency
//! name), so the grammar runs at a small share of positions. Each word is
//! hashed once and most are turned down by a Bloom filter.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;
use wide::u8x16;

use crate::currency::TABLE;
use crate::lang::OneWord;
use crate::lang::en::{ARTICLES, FOLLOWERS, OPENERS, TENS, UNITS};
use crate::wordset::{WordHashes, hash_word};

/// Longest starter word worth looking up, in bytes.
const MAX_WORD: usize = 24;

/// The ASCII words that may open an amount (number words, articles,
/// codes, the first word of each currency form), and what must follow
/// those that open only a currency form going on past them.
struct Starters {
    words: WordHashes,
    /// By the word's hash: `s` (of `S$`, `S/`), `us` (of `US$`, `US
    /// dollar`), `new` (of `New Zealand dollar`) start nothing else, and
    /// most times they are written they start nothing at all.
    only_before: rustc_hash::FxHashMap<u64, Follows>,
}

/// What follows a word that opens only currency forms going on past it.
#[derive(Debug, Default)]
struct Follows {
    /// The ASCII bytes glued after it (`$` of `S$`), a bit each.
    glued: u128,
    /// The hashes of the second words after a space (`zealand`).
    seconds: Vec<u64>,
}

impl Starters {
    /// Can the word of hash `h` start an amount before `after`? False only
    /// where it opens nothing but currency forms, none of which goes on so:
    /// any byte of another script may, as may `$` after spaces (`us $ 10`).
    fn goes_on(&self, h: u64, after: &[u8]) -> bool {
        let Some(f) = self.only_before.get(&h) else {
            return true;
        };
        let glued = |b: u8| b < 128 && f.glued >> b & 1 == 1;
        match after {
            [] => false,
            [0x80..=0xff, ..] => true,
            [b' ', b, ..] if b.is_ascii_alphabetic() => {
                f.seconds.contains(&hash_word(&after[1..]).0)
            }
            [b, ..] if b.is_ascii_whitespace() => {
                glued(b'$') && after.trim_ascii_start().first() == Some(&b'$')
            }
            [b, ..] => glued(*b),
        }
    }
}

static STARTERS: LazyLock<Starters> = LazyLock::new(|| {
    let mut set = WordHashes::new();
    let numbers = UNITS.iter().chain(TENS).map(|(w, _)| w);
    for w in OPENERS.iter().chain(FOLLOWERS).chain(numbers) {
        set.insert(w);
    }
    // Other lexicons' number words and thousands, by their ASCII letters
    // (`fünf` by `f`).
    let parts = crate::lang::Lang::ALL
        .iter()
        .flat_map(|l| l.lexicon().numerals.parts());
    for (w, _) in parts {
        let ascii: String = w.chars().take_while(char::is_ascii_alphabetic).collect();
        if !ascii.is_empty() {
            set.insert(&ascii);
        }
    }
    for code in TABLE.codes() {
        let lower = code.as_str().to_ascii_lowercase();
        for scaled in ["k", "m"] {
            set.insert(&format!("{scaled}{lower}"));
        }
        set.insert(&lower);
    }
    // Every word so far is a starter whatever follows it, as is a form's
    // word that is the whole form.
    let mut whole: HashSet<u64> = set.hashes().collect();
    let mut only_before: rustc_hash::FxHashMap<u64, Follows> = Default::default();
    for form in &TABLE.forms {
        let text = form.text.as_bytes();
        let (h, len) = hash_word(text);
        if len == 0 {
            continue;
        }
        set.insert_hash(h);
        let follows = only_before.entry(h).or_default();
        match &text[len..] {
            [] => {
                whole.insert(h);
            }
            [b' ', b, ..] if b.is_ascii_alphabetic() => {
                follows.seconds.push(hash_word(&text[len + 1..]).0);
            }
            [b, ..] if b.is_ascii() => follows.glued |= 1 << b,
            // Another script's letter: `goes_on` lets every one through.
            _ => {}
        }
    }
    only_before.retain(|h, _| !whole.contains(h));
    Starters {
        words: set,
        only_before,
    }
});

/// Non-ASCII characters that may open an amount: the first character of
/// every form that does not start with an ASCII letter, and the minus sign.
static FIRST_CHARS: LazyLock<HashSet<char>> = LazyLock::new(|| {
    let mut set: HashSet<char> = TABLE
        .forms
        .iter()
        .filter_map(|f| f.text.chars().next())
        .collect();
    set.insert('−');
    set.retain(|c| !c.is_ascii());
    set
});

/// `5 , 000`: a group with a leading zero after a comma continues a number
/// split by tokenising; it never starts an amount of its own.
fn continues_group(bytes: &[u8], i: usize) -> bool {
    let leading_zero = bytes[i] == b'0' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    leading_zero && matches!(&bytes[..i], [.., b',', b' '] | [.., b','])
}

/// A denominator (`3/8`, `3 / 8`) never starts an amount.
fn after_slash(before: &[u8]) -> bool {
    matches!(before, [.., b'/'] | [.., b'/', b' '])
}

/// `a`, `an`: the commonest words, worth a second look before the grammar.
fn is_article(word: &[u8]) -> bool {
    ARTICLES
        .iter()
        .any(|a| a.len() == word.len() && word.eq_ignore_ascii_case(a.as_bytes()))
}

/// An article opens an amount only before a starter (`a million`,
/// `a dollar`, `a US$4.7 billion`, `a grand`).
fn opens_phrase(starters: &Starters, rest: &[u8]) -> bool {
    if rest.first().is_some_and(|b| !b.is_ascii_whitespace()) {
        return true; // glued: A$190
    }
    let start = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(rest.len());
    let word = &rest[start..];
    let (h, len) = hash_word(word);
    len > 0
        && starter(starters, (h, len))
        && starters.goes_on(h, &word[len..])
        && !is_article(&word[..len])
}

/// Is the word of `len` ASCII letters and hash `h` a starter?
fn starter(starters: &Starters, (h, len): (u64, usize)) -> bool {
    len <= MAX_WORD && starters.words.contains_hash(h)
}

#[cfg(test)]
fn is_starter(word: &[u8]) -> bool {
    starter(&STARTERS, hash_word(word))
}

/// The fewest ASCII letters that start a number written as one word and
/// are no part of a number themselves (`ventun`); fewer are a starter
/// (`f` of `fünfhundert`, `drei` of `dreißig`).
const SHORTEST_GLUED: usize = 6;

/// A number written as one word in a language that glues its numbers
/// (`dreihundertfünfzig`, `duecento`) starts `rest`, whose first ASCII
/// letters are `word`: no starter word, but a number all the same.
fn glued_number(glued: &OneWord, word: &[u8], rest: &str) -> bool {
    let among = glued.languages(word, rest);
    among != 0 && crate::grammar::compound::longest(rest, among).is_some()
}

/// The next place at or after `pos` where an amount may start; never inside
/// a word or a number.
pub(crate) fn next_candidate(text: &str, pos: usize) -> Option<usize> {
    next_candidate_before(text, pos, text.len())
}

/// [`next_candidate`], if it is before `stop`: the scan ends there, each
/// place still judged on the whole text.
pub(crate) fn next_candidate_before(text: &str, pos: usize, stop: usize) -> Option<usize> {
    let stop = stop.min(text.len());
    let found = scan_from(text, pos, stop);
    crate::work::add(found.unwrap_or(stop).saturating_sub(pos));
    found
}

fn scan_from(text: &str, pos: usize, stop: usize) -> Option<usize> {
    let look = Look {
        glued: crate::lang::one_word(),
        starters: &STARTERS,
    };
    let bytes = text.as_bytes();
    Places::new(bytes, pos, stop).find(|&p| match bytes[p].is_ascii_alphabetic() {
        // Most places are words, most of which start nothing: the Bloom
        // filter says so at once.
        true => {
            let word = hash_word(&bytes[p..]);
            look.may_start_word(&bytes[p..], word) && look.word_starts(text, p, word)
        }
        false => look.starts_at(text, p),
    })
}

/// The places from `at` on, before a stop, worth a look, in order, found
/// a block of [`BLOCK`] bytes at a time by [`worth_a_look`].
struct Places<'a> {
    bytes: &'a [u8],
    /// No place at or past this is given.
    stop: usize,
    /// The start of the block after the one in `places`.
    at: usize,
    /// The places of the block before `at` not yet given, a bit each.
    places: u32,
    /// The letters and digits of that block, a bit each.
    alnum: u32,
}

/// Bytes classified at once.
const BLOCK: usize = 16;

impl Places<'_> {
    fn new(bytes: &[u8], at: usize, stop: usize) -> Places<'_> {
        // As if the block before ended with the byte before `at`.
        let alnum = at.checked_sub(1).map_or(0, |p| {
            u32::from(bytes[p].is_ascii_alphanumeric()) << (BLOCK - 1)
        });
        Places {
            bytes,
            stop,
            at,
            places: 0,
            alnum,
        }
    }
}

impl Iterator for Places<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.places == 0 {
            if self.at >= self.stop {
                return None;
            }
            let block = match self.bytes[self.at..].first_chunk::<BLOCK>() {
                Some(block) => *block,
                // Zeros, which no place is worth a look for.
                None => {
                    let mut block = [0; BLOCK];
                    let rest = &self.bytes[self.at..];
                    block[..rest.len()].copy_from_slice(rest);
                    block
                }
            };
            self.places = worth_a_look(u8x16::new(block), &mut self.alnum);
            self.at += BLOCK;
        }
        let p = self.at - BLOCK + self.places.trailing_zeros() as usize;
        self.places &= self.places - 1;
        (p < self.stop).then_some(p)
    }
}

/// A bit for each byte of the block `x` where an amount may start,
/// `alnum` holding in its bit 15 whether the byte before the block is a
/// letter or digit, and left holding the block's: a superset of the places
/// [`Look::starts_at`] takes, so that it is asked at few: the first letter
/// or digit after no letter or digit, a sign or point there too, `$`, `~`,
/// and the first byte of every non-ASCII character.
#[inline]
fn worth_a_look(x: u8x16, alnum: &mut u32) -> u32 {
    let within = |x: u8x16, lo: u8, hi: u8| {
        let from_lo = x - u8x16::splat(lo);
        from_lo.min(u8x16::splat(hi - lo)).simd_eq(from_lo)
    };
    let is = |b: u8| x.simd_eq(u8x16::splat(b));
    let letters_digits =
        (within(x | u8x16::splat(0x20), b'a', b'z') | within(x, b'0', b'9')).to_bitmask();
    let signs = within(x, b'-', b'.').to_bitmask();
    let leads = x.max(u8x16::splat(0xc0)).simd_eq(x);
    let symbols = (is(b'$') | is(b'~') | leads).to_bitmask();
    let after_alnum = (letters_digits << 1 | *alnum >> (BLOCK - 1)) & 0xffff;
    *alnum = letters_digits;
    ((letters_digits | signs) & !after_alnum) | symbols
}

/// What the scanner asks of a place: the tables it reads, looked up once.
struct Look<'a> {
    glued: &'a OneWord,
    starters: &'a Starters,
}

impl Look<'_> {
    /// Might the word of `len` ASCII letters and hash `h` that starts
    /// `rest` start an amount? False for most words, at once.
    #[inline]
    fn may_start_word(&self, rest: &[u8], (h, len): (u64, usize)) -> bool {
        len <= MAX_WORD && self.starters.words.may_contain(h)
            || len >= SHORTEST_GLUED && self.glued.may_be(&rest[..len], &rest[len..])
    }

    /// Does an amount start at `p`, the word of `len` ASCII letters and
    /// hash `h` (see [`Look::starts_at`])?
    #[inline(never)]
    fn word_starts(&self, text: &str, p: usize, (h, len): (u64, usize)) -> bool {
        let bytes = text.as_bytes();
        let word = &bytes[p..p + len];
        (starter(self.starters, (h, len)) && self.starters.goes_on(h, &bytes[p + len..])
            || len >= SHORTEST_GLUED && glued_number(self.glued, word, &text[p..]))
            && !in_word(text, p)
            && !matches!(&bytes[..p], [.., b'A'..=b'Z' | b'a'..=b'z', b'/'])
            && (!is_article(word) || opens_phrase(self.starters, &bytes[p + len..]))
    }

    /// Does an amount start at `p`, a character boundary of `text`? Never
    /// where the character before is a letter or digit: inside a word or a
    /// number.
    #[inline(never)]
    fn starts_at(&self, text: &str, p: usize) -> bool {
        let bytes = text.as_bytes();
        match bytes[p] {
            b'a'..=b'z' | b'A'..=b'Z' => self.word_starts(text, p, hash_word(&bytes[p..])),
            b'0'..=b'9' => {
                !in_word(text, p)
                    && !matches!(&bytes[..p], [.., b'.' | b','])
                    && !after_slash(&bytes[..p])
                    && !continues_group(bytes, p)
            }
            b'$' | b'~' => true,
            b @ (b'-' | b'.') => {
                let next = bytes.get(p + 1).copied().unwrap_or(b' ');
                (next.is_ascii_digit() || (b == b'-' && (next == b'$' || next >= 0x80)))
                    && !in_word(text, p)
            }
            0x80.. => {
                let c = text[p..].chars().next().unwrap_or(' ');
                FIRST_CHARS.contains(&c) && !(c.is_alphabetic() && in_word(text, p))
            }
            _ => false,
        }
    }
}

/// Is the character before `p` a letter or digit?
fn in_word(text: &str, p: usize) -> bool {
    text[..p]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Every place an amount may start in `text` in `from..to`, in order, as a
/// [`QuietPoint`] search lists them.
pub(crate) fn candidates(text: &str, from: usize, to: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut pos = from;
    while let Some(c) = next_candidate_before(text, pos, to) {
        found.push(c);
        pos = past(text, c);
    }
    found
}

/// Every place an amount may start in `from..to` of a block, found once:
/// its reader scans only the rest.
#[derive(Debug, Default)]
pub(crate) struct Listed {
    pub from: usize,
    pub to: usize,
    pub at: Vec<usize>,
}

/// Where the search goes on after the candidate at `c`: its next character.
fn past(text: &str, c: usize) -> usize {
    c + text[c..].chars().next().map_or(1, char::len_utf8)
}

/// The first run of more than [`LONGEST_GAP`] whitespace bytes that starts
/// in `at..stop` (one under way at `at` counted from there), and its
/// length. Such a run covers every byte [`LONGEST_GAP`] past its start, so
/// one byte in that many is looked at, not every one.
fn long_gap(bytes: &[u8], mut at: usize, stop: usize) -> Option<(usize, usize)> {
    let ws = |i: usize| bytes[i].is_ascii_whitespace();
    while at < stop {
        let probe = at + LONGEST_GAP;
        if probe >= bytes.len() {
            return None;
        }
        if !ws(probe) {
            at = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > at && ws(start - 1) {
            start -= 1;
        }
        if start >= stop {
            return None;
        }
        let run = whitespace_run(&bytes[start..]);
        if run > LONGEST_GAP {
            return Some((start, run));
        }
        at = start + run;
    }
    None
}

/// The length of the run of ASCII whitespace that starts `bytes`.
fn whitespace_run(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_whitespace()).count()
}

/// A quiet point is this far past the last place an amount may start:
/// further than any mention runs past its last starting place.
pub(crate) const QUIET_BEFORE: usize = 128;
/// And this far before the next: further than a mention reads back for its
/// qualifier or last word.
pub(crate) const QUIET_AFTER: usize = 48;
/// A longer run of whitespace may sit inside a mention (`5   dollars`), so
/// it is never part of a quiet stretch.
const LONGEST_GAP: usize = 16;
/// How far the scanner may read past a place to classify it (an article
/// and the word after it).
const LOOKAHEAD: usize = 64;
/// How far past the first place a quiet point may be the search looks for
/// candidates at a time: far enough for a sentence start, near enough that
/// the candidates it finds past the quiet point cost little.
const STEP: usize = 256;

/// Finds, in a text that may still grow, the first quiet point at or after
/// `from`: the start of a sentence (after `.`, `!` or `?` and a space or
/// line break) with no place an amount may start, and no long run of
/// whitespace, [`QUIET_BEFORE`] bytes before it, and no place an amount may
/// start [`QUIET_AFTER`] bytes after it. A text cut there reads the same
/// as a whole: no mention spans it, no sentence crosses it, and none reads
/// context across it. Resumable: each byte is scanned once.
#[derive(Debug)]
pub(crate) struct QuietPoint {
    from: usize,
    /// Just past the last obstacle: a place an amount may start, or a long
    /// run of whitespace.
    lo: usize,
    /// Scanned up to here: every candidate before it is in `seen`.
    pos: usize,
    /// Where the scan started, and every place an amount may start found
    /// since, up to `pos`: the reader of the block need not scan that
    /// stretch again.
    seen: (usize, Vec<usize>),
    /// No quiet point is before this: every sentence start before it was
    /// looked at already.
    ruled_out: usize,
}

impl QuietPoint {
    pub(crate) fn new(from: usize) -> QuietPoint {
        let lo = from.saturating_sub(QUIET_BEFORE);
        QuietPoint {
            from,
            lo,
            pos: lo,
            seen: (lo, Vec::new()),
            ruled_out: 0,
        }
    }

    /// The candidates found, for a block cut at `cut` (the quiet point
    /// found, or any other place): every one from where the scan started
    /// to where it stood, or to the cut.
    pub(crate) fn into_listed(self, cut: usize) -> Option<Listed> {
        let (from, mut at) = self.seen;
        let to = self.pos.min(cut);
        at.retain(|&c| c < to);
        (from < to).then_some(Listed { from, to, at })
    }

    /// How far the search has read.
    pub(crate) fn scanned(&self) -> usize {
        self.pos
    }

    /// The quiet point, once `text` shows one.
    pub(crate) fn find(&mut self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        while self.pos < bytes.len() && !text.is_char_boundary(self.pos) {
            self.pos += 1;
        }
        if bytes.len() < self.pos + LOOKAHEAD + QUIET_AFTER {
            return None;
        }
        // Only up to a place after whitespace, far enough from the end that
        // the scanner's look ahead is read in full.
        let end = bytes.len() - LOOKAHEAD;
        let limit = self.pos
            + bytes[self.pos..end]
                .iter()
                .rposition(u8::is_ascii_whitespace)?
            + 1;
        // Read no further than the look ahead past `limit`: each call scans
        // new bytes only.
        let window = &text[..text.ceil_char_boundary(limit + LOOKAHEAD)];
        while self.pos < limit {
            // No further than the first quiet point could need: a candidate
            // beyond it is found again by the reader of the block.
            let first = (self.lo + QUIET_BEFORE).max(self.from).max(self.pos);
            let bound = (first + QUIET_AFTER + STEP).min(limit);
            let ahead = &window[..window.ceil_char_boundary(bound + LOOKAHEAD)];
            let next = next_candidate_before(ahead, self.pos, bound);
            let stop = next.unwrap_or(bound);
            // Long runs of whitespace before the next candidate are obstacles too.
            let mut at = self.pos;
            while let Some((run_start, run)) = long_gap(bytes, at, stop) {
                if let Some(p) = self.quiet_in(bytes, run_start) {
                    // No candidate before `stop` is unlisted.
                    self.pos = self.pos.max(p);
                    return Some(p);
                }
                self.lo = run_start + run;
                at = run_start + run;
            }
            let Some(next) = next else {
                self.pos = bound;
                let found = self.quiet_in(bytes, bound);
                if found.is_some() || bound == limit {
                    return found;
                }
                continue;
            };
            if let Some(p) = self.quiet_in(bytes, next) {
                self.pos = self.pos.max(p);
                return Some(p);
            }
            self.seen.1.push(next);
            self.lo = next + 1;
            self.pos = past(text, next);
        }
        None
    }

    /// The first sentence start in the stretch from `lo` to an obstacle
    /// (or the end of what is known) at `hi`.
    fn quiet_in(&mut self, bytes: &[u8], hi: usize) -> Option<usize> {
        let first = (self.lo + QUIET_BEFORE)
            .max(self.from)
            .max(self.ruled_out)
            .max(2);
        let last = hi.checked_sub(QUIET_AFTER)?;
        if first > last {
            return None;
        }
        let hay = &bytes[first - 2..last - 1];
        let found = memchr::memchr3_iter(b'.', b'!', b'?', hay)
            .find(|&i| matches!(hay.get(i + 1), Some(b' ' | b'\n')))
            .map(|i| first + i);
        // No sentence starts before `last` here, and obstacles only add up.
        if found.is_none() {
            self.ruled_out = last;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of at least `len` bytes from pieces `piece` makes of a
    /// reproducible run of numbers (a linear congruential generator, left
    /// in `seed`): the same cases every run, no dependency.
    fn random_text(seed: &mut u64, len: usize, piece: impl Fn(u64) -> String) -> String {
        let mut text = String::new();
        while text.len() < len {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(&piece(*seed));
        }
        text
    }

    fn all(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(at) = next_candidate(text, pos) {
            out.push(&text[at..]);
            pos = past(text, at);
        }
        out
    }

    #[test]
    fn the_places_worth_a_look_hold_every_place_an_amount_may_start() {
        // A look at every character of random texts of the pieces that
        // matter finds what a look at the places worth one finds.
        let pieces = [
            "a",
            "an",
            "A",
            "A$",
            " ",
            "  ",
            "five",
            "fünf",
            "dreihundertfünfzig",
            "5",
            "0",
            "05",
            ",",
            ", ",
            ".",
            "-",
            "−",
            "$",
            "~",
            "/",
            "/ ",
            "€",
            "ü",
            "Zürich",
            "US$",
            "S$",
            "s",
            "'s",
            "dollars",
            "million",
            "one",
            "\n",
            "x",
            "settlement",
            "1990",
            "€5",
            "¥",
            "ventun",
            "e",
            "y",
            "internationalisation",
        ];
        let look = Look {
            glued: crate::lang::one_word(),
            starters: &STARTERS,
        };
        let mut seed = 7;
        for round in 0..4000 {
            let text = random_text(&mut seed, 30 + round % 70, |r| {
                pieces[(r >> 33) as usize % pieces.len()].to_string()
            });
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                let every = (pos..text.len())
                    .filter(|&p| text.is_char_boundary(p))
                    .find(|&p| look.starts_at(&text, p));
                assert_eq!(next_candidate(&text, pos), every, "{text:?} from {pos}");
                // A stop ends the scan, never changes what a place is.
                for stop in [pos, pos + 1, pos + 7, pos + 16, pos + 17] {
                    let before = every.filter(|&c| c < stop);
                    let got = next_candidate_before(&text, pos, stop);
                    assert_eq!(got, before, "{text:?} from {pos} to {stop}");
                }
            }
        }
    }

    #[test]
    fn long_gaps_are_found_as_a_walk_over_every_byte_finds_them() {
        // Every run of whitespace from `at`, the first counted from `at`.
        let walk = |bytes: &[u8], mut at: usize, stop: usize| {
            while let Some(w) = bytes[at..stop].iter().position(u8::is_ascii_whitespace) {
                let start = at + w;
                let run = whitespace_run(&bytes[start..]);
                if run > LONGEST_GAP {
                    return Some((start, run));
                }
                at = start + run;
                if at >= stop {
                    break;
                }
            }
            None
        };
        let mut seed = 7u64;
        for _ in 0..2000 {
            let text = random_text(&mut seed, 120, |r| {
                let c = [' ', '\n', 'x', '\t'][(r >> 20) as usize % 4];
                c.to_string().repeat((r >> 33) as usize % 24)
            });
            let text = text.as_bytes();
            let at = (seed >> 40) as usize % 60;
            let stop = at + (seed >> 50) as usize % 60;
            assert_eq!(
                long_gap(text, at, stop),
                walk(text, at, stop),
                "{text:?} {at} {stop}"
            );
        }
    }

    #[test]
    fn stops_at_digits_symbols_and_starter_words() {
        let got = all("The aid of €21bn and USD 24 reached twenty ringgit.");
        let heads: Vec<String> = got.iter().map(|s| s.chars().take(6).collect()).collect();
        assert_eq!(
            heads,
            vec!["€21bn ", "21bn a", "USD 24", "24 rea", "twenty", "ringgi"]
        );
    }

    #[test]
    fn never_inside_words_or_numbers() {
        // Letters may open an amount (`A$5`), digits inside a word never do.
        assert!(
            all("G7 A380 well-known")
                .iter()
                .all(|s| !s.starts_with(|c: char| c.is_ascii_digit()))
        );
        assert!(all("well-known theory").is_empty());
        // The second code of a pair: EUR/USD is a rate.
        assert!(all("EUR/USD").iter().all(|s| !s.starts_with("USD")));
        assert_eq!(all("1.5 and 2,000"), vec!["1.5 and 2,000", "2,000"]);
    }

    #[test]
    fn numbers_written_as_one_word_are_candidates() {
        let heads =
            |t| -> Vec<String> { all(t).iter().map(|s| s.chars().take(8).collect()).collect() };
        assert_eq!(
            heads("Es kostet dreihundertfünfzig Euro."),
            ["dreihund", "Euro."]
        );
        assert_eq!(
            heads("Il panino vale trentadue euro."),
            ["trentadu", "euro."]
        );
        assert_eq!(
            heads("Het kost achtenzeventig euro."),
            ["achtenze", "euro."]
        );
        // Words that start as a part of a number does, and are none.
        assert_eq!(
            heads("The settlement in the centre was quarterly."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn tokenised_groups_are_not_candidates() {
        assert_eq!(all("5 , 000 dollars"), vec!["5 , 000 dollars", "dollars"]);
        assert_eq!(all("in 2019, 300"), vec!["2019, 300", "300"]);
    }

    #[test]
    fn denominators_are_not_candidates() {
        assert_eq!(all("3 / 8 and 24/7"), vec!["3 / 8 and 24/7", "24/7"]);
    }

    #[test]
    fn signs_only_before_amounts() {
        assert_eq!(all("x -$5"), vec!["-$5", "$5", "5"]);
        assert!(all("a - b").iter().all(|s| !s.starts_with('-')));
    }

    fn quiet(text: &str, from: usize) -> Option<usize> {
        QuietPoint::new(from).find(text)
    }

    #[test]
    fn quiet_points_start_sentences_far_from_any_amount() {
        let prose = "The talks went on for hours and nobody said much. ";
        let text = format!("It cost $5. {}It cost $6.", prose.repeat(16));
        let p = quiet(&text, 0).unwrap();
        // The first sentence start QUIET_BEFORE past the `5`.
        assert_eq!(&text[p - 2..p], ". ");
        assert!(p >= "It cost $5".len() + QUIET_BEFORE);
        assert!(p < "It cost $5".len() + QUIET_BEFORE + prose.len());
        // Not before `from`, and not near the next amount.
        assert!(quiet(&text, 300).unwrap() >= 300);
        let near = format!("{}Then $6.{}", prose.repeat(4), " ".repeat(200));
        assert!(quiet(&near, 0).is_none_or(|p| p + QUIET_AFTER <= near.find('$').unwrap()));
        // Dense amounts, or no sentence ends, leave none.
        assert_eq!(quiet(&"$1 ".repeat(1000), 0), None);
        assert_eq!(quiet(&"word ".repeat(1000), 0), None);
        // A long run of spaces is never in the stretch before.
        let spaced = format!("5{}dollars {}", " ".repeat(300), prose.repeat(8));
        assert!(quiet(&spaced, 0).unwrap() >= 301 + "dollars ".len() + QUIET_BEFORE);
    }

    #[test]
    fn quiet_points_are_those_a_look_at_every_obstacle_finds() {
        // The first sentence start far enough from every candidate and long
        // run of whitespace before the scanner's look ahead, found from the
        // whole list of them at once.
        let reference = |text: &str| {
            let bytes = text.as_bytes();
            let end = bytes.len().checked_sub(LOOKAHEAD)?;
            let limit = bytes[..end].iter().rposition(u8::is_ascii_whitespace)? + 1;
            let mut obstacles: Vec<(usize, usize)> = candidates(text, 0, limit)
                .iter()
                .map(|&c| (c, c + 1))
                .collect();
            let mut at = 0;
            while let Some((start, run)) = long_gap(bytes, at, limit) {
                obstacles.push((start, start + run));
                at = start + run;
            }
            obstacles.sort_unstable();
            obstacles.push((limit, limit));
            let mut lo = 0;
            for (start, end) in obstacles {
                let first = (lo + QUIET_BEFORE).max(2);
                let found = (first..start.saturating_sub(QUIET_AFTER))
                    .find(|&q| matches!(bytes[q - 2..q], [b'.' | b'!' | b'?', b' ' | b'\n']));
                if found.is_some() {
                    return found;
                }
                lo = lo.max(end);
            }
            None
        };
        let parts = [
            "It fell. ",
            "$5 ",
            "one ",
            "words and more words ",
            "\n",
            "                    ",
            "Ends here! ",
            "x",
            "7.5 million. ",
        ];
        let mut seed = 11u64;
        for _ in 0..300 {
            // Mostly prose, so that quiet points exist.
            let text = random_text(&mut seed, 3000, |r| {
                let pick = (r >> 33) as usize % 24;
                parts[if pick < parts.len() { pick } else { 3 }].to_string()
            });
            assert_eq!(QuietPoint::new(0).find(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn quiet_point_search_resumes_where_it_stopped() {
        let text = format!("$5 {}", "Some words end here. ".repeat(40));
        let whole = QuietPoint::new(100).find(&text);
        assert!(whole.is_some());
        for cut in [150, 200, 260, 400] {
            let mut q = QuietPoint::new(100);
            let early = q.find(&text[..cut]);
            assert!(early.is_none() || early == whole, "{cut}");
            if early.is_none() {
                assert_eq!(q.find(&text), whole, "{cut}");
            }
        }
    }

    /// A word that opens only currency forms going on past it starts an
    /// amount only where one of them may go on.
    #[test]
    fn a_word_of_a_longer_form_starts_only_before_the_rest_of_it() {
        let starts = |text: &str| next_candidate(text, 0) == Some(0);
        for text in [
            "S$5",
            "S/ 20",
            "US$4",
            "us $ 10",
            "US dollars",
            "New Zealand dollars",
            "Russian roubles",
            "São Tomé",
        ] {
            assert!(starts(text), "{text}");
        }
        for text in [
            "s economy",
            "s",
            "US economy",
            "New York",
            "Russian oil",
            "new",
        ] {
            assert!(!starts(text), "{text}");
        }
        assert_eq!(next_candidate("Russia's economy", 0), None);
        assert!(
            !opens_phrase(&STARTERS, b" new car")
                && opens_phrase(&STARTERS, b" New Zealand dollar")
        );
    }

    #[test]
    fn codes_scaled_codes_and_names_are_starters() {
        for w in ["usd", "EUR", "MEUR", "dollars", "Rs", "a", "Twenty"] {
            assert!(is_starter(w.as_bytes()), "{w}");
        }
        assert!(
            opens_phrase(&STARTERS, b" million dollars")
                && opens_phrase(&STARTERS, b" US$4.7")
                && !opens_phrase(&STARTERS, b" week")
        );
        for w in ["the", "reached", "people"] {
            assert!(!is_starter(w.as_bytes()), "{w}");
        }
    }
}
