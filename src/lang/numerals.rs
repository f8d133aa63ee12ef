//! How each language writes its numbers in words, and what the grammar
//! looks up before it reads one: most words start no number, and are
//! told so by a table.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Lang;

/// How a language writes a number below a million in words: its parts
/// and the joiners between them, composed by one rule
/// (`grammar::compound`). A joiner's space stands for any whitespace.
pub(crate) struct Numerals {
    /// Numbers below a hundred written as one part: units, teens and fused
    /// forms (`veintidós`).
    pub units: &'static [(&'static str, i64)],
    /// Number words read only as a word of their own, never in a compound
    /// (`eine`, lest `eineinhalb` read `eine` first).
    pub alone: &'static [(&'static str, i64)],
    /// Tens.
    pub tens: &'static [(&'static str, i64)],
    /// Tens that take a unit up to nineteen (`soixante-dix`).
    pub wide_tens: &'static [i64],
    /// The unit comes before the tens (`achtundsiebzig`, `achtenzeventig`).
    pub units_first: bool,
    /// What joins tens and a unit, with the only units it joins (empty:
    /// any): `und`, ` y `, `-`, French ` et ` before `un` and `onze`.
    pub and: &'static [(&'static str, &'static [i64])],
    /// A hundred, taking a unit before it (`zweihundert`, `deux cents`).
    pub hundred: &'static [(&'static str, i64)],
    /// Hundreds written as one word (`doscientos`, `cem`).
    pub hundreds: &'static [(&'static str, i64)],
    /// A thousand, taking a number below a thousand before it.
    pub thousand: &'static [(&'static str, i64)],
    /// What joins a multiplier to a hundred or a thousand (`""`, `" "`).
    pub times: &'static [&'static str],
    /// What joins hundreds or thousands to the rest (`""`, `und`, ` e `).
    pub plus: &'static [&'static str],
    /// A half glued after a number (`einhalb` in `zweieinhalb`).
    pub half: &'static [&'static str],
    /// The vowels a part drops before a part that starts with a vowel
    /// (Italian `vent` + `uno`).
    pub elides: &'static str,
}

impl Numerals {
    /// A language read only by its own grammar (English).
    pub(crate) const NONE: Numerals = Numerals {
        units: &[],
        alone: &[],
        tens: &[],
        wide_tens: &[],
        units_first: false,
        and: &[],
        hundred: &[],
        hundreds: &[],
        thousand: &[],
        times: &[],
        plus: &[],
        half: &[],
        elides: "",
    };

    /// True when the language writes a number as one word
    /// (`dreihundertfünfzig`): some joiner is empty.
    pub(crate) fn glued(&self) -> bool {
        let and = self.and.iter().map(|(j, _)| j);
        self.times
            .iter()
            .chain(self.plus)
            .chain(and)
            .any(|j| j.is_empty())
    }

    /// The words that may be read alone (`zwei`, `hundert`, `doscientos`);
    /// not thousands, which are scale words.
    pub(crate) fn words(&self) -> impl Iterator<Item = &(&'static str, i64)> {
        self.units
            .iter()
            .chain(self.alone)
            .chain(self.tens)
            .chain(self.hundred)
            .chain(self.hundreds)
    }

    /// Every part a number may start with.
    pub(crate) fn parts(&self) -> impl Iterator<Item = &(&'static str, i64)> {
        self.words().chain(self.thousand)
    }
}

/// Where three bytes sit in a table of [`Starts`]: each letter by its
/// place in the alphabet ignoring case, any other byte (a space, a hyphen,
/// a byte of a letter outside ASCII) as the last.
fn three(a: u8, b: u8, c: u8) -> usize {
    let at = |x: u8| usize::from(x.to_ascii_lowercase().wrapping_sub(b'a')).min(25);
    (at(a) * 26 + at(b)) * 26 + at(c)
}

/// Where the first three bytes of `i` sit.
fn first_three(i: &[u8]) -> usize {
    let at = |k: usize| i.get(k).copied().unwrap_or(b' ');
    three(at(0), at(1), at(2))
}

/// The first four bytes of a word, ASCII letters small; all that follows
/// the word's end as a space.
fn four(i: &[u8]) -> u32 {
    let letters = i
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_alphabetic() || !b.is_ascii())
        .map(u8::to_ascii_lowercase);
    let mut key = [b' '; 4];
    for (k, b) in key.iter_mut().zip(letters) {
        *k = b;
    }
    u32::from_be_bytes(key)
}

/// How the numbers of each language may start, a bit a language in
/// `Lang::ALL`'s order: by the first three bytes, then four, of every part
/// (a part shorter than four with what may follow it: `ein` + `hundert`,
/// `un` + ` `); and how one written as one word may end.
struct Starts {
    three: Vec<u8>,
    four: FxHashMap<u32, u8>,
    ends: OneWord,
}

/// How a number written as one word may end (`-zig`, `-hundert`, `-uno`),
/// by the last three bytes of every part, in the languages that write
/// their numbers so (`dreihundertfünfzig`).
pub(crate) struct OneWord {
    ends: Vec<bool>,
    glued: u8,
}

static STARTS: LazyLock<Starts> = LazyLock::new(|| {
    let mut starts = Starts {
        three: vec![0; 26 * 26 * 26],
        four: FxHashMap::default(),
        ends: OneWord {
            ends: vec![false; 26 * 26 * 26],
            glued: 0,
        },
    };
    for (bit, l) in Lang::ALL.into_iter().enumerate() {
        let n = l.lexicon().numerals;
        let joiners = n.and.iter().map(|(j, _)| j).chain(n.times).chain(n.plus);
        let after: Vec<&str> = n
            .parts()
            .map(|(p, _)| p)
            .chain(joiners)
            .chain(n.half)
            .copied()
            .collect();
        for &(p, _) in n.parts() {
            let begun: Vec<String> = match p.len() < 4 {
                true => after
                    .iter()
                    .map(|q| format!("{p}{q}"))
                    .chain([format!("{p} ")])
                    .collect(),
                false => vec![p.to_string()],
            };
            for b in begun.iter().map(String::as_bytes) {
                starts.three[first_three(b)] |= 1 << bit;
                *starts.four.entry(four(b)).or_default() |= 1 << bit;
            }
        }
        if n.glued() {
            starts.ends.glued |= 1 << bit;
            for p in n.parts().map(|(p, _)| p).chain(n.half) {
                match *p.as_bytes() {
                    [.., a, b, c] => starts.ends.ends[three(a, b, c)] = true,
                    // A short last part ends any word (`un` of `ventun`).
                    [.., b, c] => {
                        (b'a'..=b'z').for_each(|a| starts.ends.ends[three(a, b, c)] = true)
                    }
                    _ => {}
                }
            }
        }
    }
    starts
});

/// The languages of `among`, a bit each, a number of whose may start at
/// `i`.
fn may_start(i: &str, among: u8) -> u8 {
    let i = i.as_bytes();
    match STARTS.three[first_three(i)] & among {
        0 => 0,
        some => some & STARTS.four.get(&four(i)).copied().unwrap_or(0),
    }
}

/// How a number written as one word may look, for the scanner to ask of
/// every word that starts no amount otherwise.
pub(crate) fn one_word() -> &'static OneWord {
    &STARTS.ends
}

impl OneWord {
    /// The languages, a bit each, a number of whose written as one word may
    /// be the word at `i`, that starts with the ASCII letters `word`: one
    /// that ends as a part does, where `word` is all of it.
    #[inline]
    pub(crate) fn languages(&self, word: &[u8], i: &str) -> u8 {
        match self.may_be(word, &i.as_bytes()[word.len()..]) {
            true => may_start(i, self.glued),
            false => 0,
        }
    }

    /// Might the ASCII letters `word`, followed by `rest`, be a number
    /// written as one word? Where they are all of the word, only if they
    /// end as a part does.
    #[inline]
    pub(crate) fn may_be(&self, word: &[u8], rest: &[u8]) -> bool {
        if rest.first().is_some_and(|b| !b.is_ascii()) {
            return true;
        }
        let [.., a, b, c] = *word else {
            return false;
        };
        // ASCII letters, so their small forms are their 0x20 bit set.
        let at = |x: u8| usize::from((x | 0x20).wrapping_sub(b'a'));
        self.ends
            .get((at(a) * 26 + at(b)) * 26 + at(c))
            .is_some_and(|&e| e)
    }
}

/// The languages, a bit each, a number of whose may start at `i`: where
/// its first word is a number word or a thousand of some lexicon, any that
/// starts so (`treinta y dos`, `mil quinientos`); else one that writes it
/// as one word (`achtundsiebzig`).
pub(crate) fn starting(i: &str) -> u8 {
    let some = may_start(i, u8::MAX);
    if some == 0 {
        return 0; // most words, at once
    }
    let word = &i[..i.find(|c: char| !c.is_alphabetic()).unwrap_or(i.len())];
    let thousand = || {
        Lang::ALL
            .iter()
            .flat_map(|l| l.lexicon().numerals.thousand)
            .any(|(w, _)| super::eq_ignore_case(w, word))
    };
    if super::number_word(i).is_some() || thousand() {
        return some;
    }
    let ascii = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    some & STARTS.ends.languages(&i.as_bytes()[..ascii], i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: u8 = 1 << 1;
    const ES: u8 = 1 << 3;
    const IT: u8 = 1 << 4;

    #[test]
    fn most_words_start_no_number() {
        assert_eq!(starting("dollars"), 0);
        assert_eq!(starting("quarterly"), 0);
        assert_eq!(starting("second"), 0);
        assert_eq!(starting(""), 0);
    }

    #[test]
    fn numbers_start_in_their_languages() {
        assert_ne!(starting("quarenta e dois") & 1 << 6, 0);
        assert_ne!(starting("mil quinientos") & ES, 0);
        assert_ne!(starting("Dreihundertfünfzig Millionen") & DE, 0);
        assert_ne!(starting("un millón") & ES, 0);
        assert_ne!(starting("ventuno milioni") & IT, 0);
        assert_ne!(starting("één miljoen") & 1 << 5, 0);
    }

    #[test]
    fn one_word_numbers_end_as_a_part_does() {
        let w = one_word();
        assert_ne!(w.languages(b"achtundsiebzig", "achtundsiebzig") & DE, 0);
        assert_ne!(w.languages(b"ventun", "ventun milioni") & IT, 0);
        assert_eq!(w.languages(b"settlement", "settlement"), 0);
        assert_eq!(
            w.languages(b"treinta", "treinta y dos") & ES,
            0,
            "not glued"
        );
        // The ASCII letters of `dreihundertfünfzig` end before its `ü`.
        assert_ne!(w.languages(b"dreihundertf", "dreihundertfünfzig") & DE, 0);
    }
}
