//! The words of each language the grammar reads, in one place per language.
//!
//! The grammar and the scanner hold no literal words: they ask the lexicon.
//! English is read whole; the other six languages so far by their scale
//! words, their numbers in words (`numerals`) and the words that link a
//! scale to a currency name.

/// A language module's `LEXICON`, from its constants of the same names.
macro_rules! lexicon {
    ($links:expr, $cents_before_words:expr) => {
        /// The lexicon the grammar's shared rules read.
        pub(crate) const LEXICON: super::Lexicon = super::Lexicon {
            scales: SCALES,
            needs_language: NEEDS_LANGUAGE,
            numerals: &NUMERALS,
            leads: LEADS,
            and: AND,
            links: $links,
            cents_before_words: $cents_before_words,
            months: MONTHS,
            date_labels: DATE_LABELS,
            date_links: DATE_LINKS,
            day_ends: DAY_ENDS,
            glue: GLUE,
        };
    };
}

pub(crate) mod de;
pub(crate) mod en;
pub(crate) mod es;
pub(crate) mod fr;
pub(crate) mod it;
pub(crate) mod nl;
mod numerals;
pub(crate) mod pt;

pub(crate) use numerals::{Numerals, OneWord, one_word, starting};

/// What precedes an amount: a qualifier, or a word that opens a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lead {
    Qualifier(crate::Qualifier),
    /// `between` or `from`: `and` / `to` may join two amounts.
    Range,
}

/// The words of one language that the grammar's shared rules read; the
/// English lexicon has more of its own in `en`.
pub(crate) struct Lexicon {
    /// Scale words CLDR's table does not write, with their powers of ten.
    pub scales: &'static [(&'static str, u32)],
    /// Scale words read only in a paragraph detected as this language
    /// (`mil`, French `billion`).
    pub needs_language: &'static [&'static str],
    /// How the language writes numbers in words, read before a scale or a
    /// currency name.
    pub numerals: &'static Numerals,
    /// Qualifiers and range openers before an amount.
    pub leads: &'static [(&'static str, Lead)],
    /// Words that join a range's ends after an opener, and cents to their
    /// amount.
    pub and: &'static [&'static str],
    /// Words between a scale and a currency name (`de`, `d'`, `di`).
    pub links: &'static [&'static str],
    /// Writers put cents as a bare number after the currency name, before
    /// more words (`15 dólares 50 você`).
    pub cents_before_words: bool,
    /// Month names and abbreviations, lowercase, with their months.
    pub months: &'static [(&'static str, u8)],
    /// Words that label an article's own date (`Published`).
    pub date_labels: &'static [&'static str],
    /// Words between a date's day, month and year (`de`).
    pub date_links: &'static [&'static str],
    /// What a day's number may end with (`1er mai`).
    pub day_ends: &'static [&'static str],
    /// Words between a figure and its stated conversion (`€2bn, or
    /// $2.2bn`, `(soit 2,2 milliards de dollars)`).
    pub glue: &'static [&'static str],
}

/// A language whose lexicon the grammar reads, by its ISO 639-1 code.
///
/// # Example
///
/// ```
/// use figures::Lang;
/// let de: Lang = "de".parse()?;
/// assert_eq!((de, de.as_str()), (Lang::De, "de"));
/// assert!("xx".parse::<Lang>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Lang {
    /// English: the reading where nothing says otherwise.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Portuguese.
    Pt,
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let kind = crate::ErrorKind::UnknownLanguage {
                    code: crate::error::quoted(s),
                };
                crate::Error::new(kind, crate::Location::default())
            })
    }
}

impl Lang {
    /// The ISO 639-1 code: `en`, `de`, `fr`, `es`, `it`, `nl`, `pt`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::Lang::Pt.as_str(), "pt");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Nl => "nl",
            Lang::Pt => "pt",
        }
    }

    /// Every language, English first: where two lexicons share a word,
    /// the first reading wins.
    ///
    /// # Example
    ///
    /// ```
    /// let codes: Vec<_> = figures::Lang::ALL.iter().map(|l| l.as_str()).collect();
    /// assert_eq!(codes, ["en", "de", "fr", "es", "it", "nl", "pt"]);
    /// ```
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::It,
        Lang::Nl,
        Lang::Pt,
    ];

    /// The comma is the decimal mark and the point groups: `4,5 Milliarden`,
    /// `48.000 millones`.
    pub(crate) fn decimal_comma(self) -> bool {
        self != Lang::En
    }

    /// The language's lexicon: every word it reads.
    pub(crate) fn lexicon(self) -> &'static Lexicon {
        match self {
            Lang::En => &en::LEXICON,
            Lang::De => &de::LEXICON,
            Lang::Fr => &fr::LEXICON,
            Lang::Es => &es::LEXICON,
            Lang::It => &it::LEXICON,
            Lang::Nl => &nl::LEXICON,
            Lang::Pt => &pt::LEXICON,
        }
    }
}

/// A scale word of a lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ScaleWord {
    pub word: &'static str,
    pub power: u32,
    pub lang: Lang,
    /// Read so only in a paragraph of `lang` (`mil`, French `billion`).
    pub needs_language: bool,
}

/// Every language's scale words, longest first: the English lexicon's, the
/// table generated from CLDR (`data/lexicon-scales.csv`) and each
/// lexicon's own. One list the grammar matches against; where two
/// languages share a word, English's reading comes first.
pub(crate) static SCALES: std::sync::LazyLock<Vec<ScaleWord>> = std::sync::LazyLock::new(|| {
    let generated = include_str!("../../data/lexicon-scales.csv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.splitn(3, ',');
            let code = f.next()?;
            let lang = Lang::ALL.into_iter().find(|l| l.as_str() == code)?;
            Some((lang, f.next()?, f.next()?.parse().ok()?))
        });
    let written = Lang::ALL
        .into_iter()
        .flat_map(|l| l.lexicon().scales.iter().map(move |&(w, p)| (l, w, p)));
    let mut all: Vec<ScaleWord> = written
        .chain(generated)
        .map(|(lang, word, power)| ScaleWord {
            word,
            power,
            lang,
            needs_language: lang.lexicon().needs_language.contains(&word),
        })
        .collect();
    // Longest first (`mil millones` before `mil`), English first among equals.
    all.sort_by_key(|s| (std::cmp::Reverse(s.word.len()), s.lang != Lang::En));
    all
});

/// True when a lexicon other than English's reads `word` with another
/// power than `power` (`billion` in French and German).
pub(crate) fn has_other_reading(word: &str, power: u32) -> bool {
    SCALES
        .iter()
        .any(|s| s.lang != Lang::En && s.power != power && s.word.eq_ignore_ascii_case(word))
}

/// The reading of `word` (a scale word as the lexicons write it) in
/// `lang`'s lexicon, if it has one.
pub(crate) fn scale_in(word: &str, lang: Lang) -> Option<ScaleWord> {
    SCALES
        .iter()
        .find(|s| s.lang == lang && s.word.eq_ignore_ascii_case(word))
        .copied()
}

/// [`SCALES`] by the first letter of their word (small), each list in that
/// order: most text is no scale, and fails on its first byte; a scale is
/// looked for among the few words of its letter only.
pub(crate) static SCALES_BY_LETTER: std::sync::LazyLock<[Vec<ScaleWord>; 26]> =
    std::sync::LazyLock::new(|| {
        let mut by: [Vec<ScaleWord>; 26] = Default::default();
        // Every lexicon's scale words start with an ASCII letter (a unit
        // test checks).
        for s in SCALES.iter() {
            let first = s.word.as_bytes()[0].to_ascii_lowercase();
            if first.is_ascii_lowercase() {
                by[usize::from(first - b'a')].push(*s);
            }
        }
        by
    });

/// The leading ASCII letters of every word of [`SCALES`], by hash: a scale
/// word that starts a text starts with the same letters, so a text whose
/// first word is none of them (`the`, most words after a number) is no
/// scale, told without comparing the words of its letter.
static SCALE_HEADS: std::sync::LazyLock<crate::wordset::WordHashes> =
    std::sync::LazyLock::new(|| crate::wordset::WordHashes::of(SCALES.iter().map(|s| s.word)));

/// False when no word of [`SCALES`] can start `i`, whose leading ASCII
/// letters have hash `h`.
pub(crate) fn may_start_scale(h: u64) -> bool {
    SCALE_HEADS.contains_hash(h)
}

/// True when `word` is one of `list`, ignoring ASCII case.
pub(crate) fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A long word list looked up by hash, for lists asked of every candidate
/// (the verbs of change).
pub(crate) struct WordSet(rustc_hash::FxHashSet<&'static str>);

impl WordSet {
    /// The set of `list`, whose words are in small letters.
    pub(crate) fn new(list: &'static [&'static str]) -> WordSet {
        WordSet(list.iter().copied().collect())
    }

    /// True when `word` is in the set, ignoring ASCII case.
    pub(crate) fn contains(&self, word: &str) -> bool {
        const LONGEST: usize = 24;
        if word.is_empty() || word.len() > LONGEST {
            return false;
        }
        let mut buf = [0u8; LONGEST];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w))
    }
}

/// Scale words of every language CLDR writes compact numbers in (`milionów`,
/// `Milliarden`, `миллиардов`, `億`), lower-cased: a number they follow is
/// read whole by a lexicon that knows them, or reported unread, never bare.
static SCALE_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/scale-words.csv")
            .lines()
            .skip(1)
            .filter(|w| !w.is_empty())
            .collect()
    });

/// The ASCII ones by hash, asked of every word after a number.
static ASCII_SCALE_WORDS: std::sync::LazyLock<crate::wordset::WordHashes> =
    std::sync::LazyLock::new(|| {
        crate::wordset::WordHashes::of(SCALE_WORDS.iter().copied().filter(|w| w.is_ascii()))
    });

/// True when `word` (as written) is a scale word of some language, or
/// looks like one to an English reader (`zillion`).
pub(crate) fn is_scale_word(word: &str) -> bool {
    if word.is_ascii() {
        let (h, len) = crate::wordset::hash_word(word.as_bytes());
        if len < word.len() {
            // `Mrd.` is written with its point; `zillion.` ends a sentence.
            return word[len..] == *"." && SCALE_WORDS.contains(word.to_lowercase().as_str());
        }
        return is_letters_scale_word(word, h);
    }
    let lower = word.to_lowercase();
    SCALE_WORDS.contains(lower.as_str()) || scale_ending(&lower)
}

/// [`is_scale_word`] for a word of ASCII letters alone, of hash `h`.
pub(crate) fn is_letters_scale_word(word: &str, h: u64) -> bool {
    ASCII_SCALE_WORDS.contains_hash(h) || scale_ending(word)
}

/// Ends as a scale word does to an English reader (`zillion`).
fn scale_ending(w: &str) -> bool {
    en::SCALE_ENDINGS.iter().any(|e| {
        w.len() > e.len()
            && w.get(w.len() - e.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(e))
    })
}

/// Every language's qualifiers and range openers, longest first so that a
/// phrase ending another is tried first; English first among equals.
pub(crate) static LEADS: std::sync::LazyLock<Vec<(&'static str, Lead)>> =
    std::sync::LazyLock::new(|| {
        let mut all: Vec<_> = Lang::ALL
            .iter()
            .flat_map(|l| l.lexicon().leads.iter().copied())
            .collect();
        all.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        all
    });

/// Whether `c` alone is a word of some lexicon (`a`, `y`, `e`): then it is
/// that word, never the initial of a dollar's country (`10 $ a month`).
pub(crate) fn is_letter_word(c: char) -> bool {
    static LETTERS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let words = Lang::ALL
            .iter()
            .flat_map(|l| l.lexicon().and.iter().chain(l.lexicon().links))
            .chain(en::OPENERS)
            .chain(en::AFTER_AMOUNTS);
        let mut letters: Vec<char> = words
            .filter_map(|w| match w.as_bytes() {
                &[b] if b.is_ascii_alphabetic() => Some(char::from(b)),
                _ => None,
            })
            .collect();
        letters.sort_unstable();
        letters.dedup();
        letters
    });
    LETTERS.contains(&c.to_ascii_lowercase())
}

/// Every language's `and` (`und`, `et`, `y`, `e`, `en`).
pub(crate) static AND: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    Lang::ALL
        .iter()
        .flat_map(|l| l.lexicon().and.iter().copied())
        .collect()
});

/// The `and` of some language that starts `i` as a word, and what follows it.
pub(crate) fn and_word(i: &str) -> Option<&str> {
    // Every lexicon's `and` is ASCII letters: a text whose first word is
    // none of them is turned away by its hash.
    static HEADS: std::sync::LazyLock<crate::wordset::WordHashes> =
        std::sync::LazyLock::new(|| crate::wordset::WordHashes::of(AND.iter().copied()));
    if !HEADS.contains_hash(crate::wordset::hash_word(i.as_bytes()).0) {
        return None;
    }
    AND.iter().find_map(|w| {
        let head = i.get(..w.len())?;
        let rest = &i[w.len()..];
        (head.eq_ignore_ascii_case(w) && !rest.starts_with(char::is_alphanumeric)).then_some(rest)
    })
}

/// Every other language's number words (`zwei`, `deux`, `cinco`,
/// `doscientos`), read alone only before a scale word or a currency name.
pub(crate) static NUMBERS: std::sync::LazyLock<Vec<(&'static str, i64)>> =
    std::sync::LazyLock::new(|| {
        Lang::ALL
            .iter()
            .flat_map(|l| l.lexicon().numerals.words().copied())
            .collect()
    });

/// The same words by their small letters, for a lookup by hash: asked at
/// every candidate that is no digit or English number word.
static NUMBER_VALUES: std::sync::LazyLock<rustc_hash::FxHashMap<String, i64>> =
    std::sync::LazyLock::new(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(w, n) in NUMBERS.iter() {
            map.entry(w.to_lowercase()).or_insert(n);
        }
        map
    });

/// The number word of some lexicon that starts `i` as a whole word, its
/// value and what follows it.
pub(crate) fn number_word(i: &str) -> Option<(&str, i64)> {
    const LONGEST: usize = 16;
    let len = i.find(|c: char| !c.is_alphabetic()).unwrap_or(i.len());
    if len == 0 || len > LONGEST {
        return None;
    }
    let (head, rest) = i.split_at(len);
    let value = in_small_letters(head, |w| NUMBER_VALUES.get(w).copied())?;
    Some((rest, value))
}

/// `f` of `word` in small letters: a word in small ASCII letters as it
/// is (most are), another ASCII word made small on the stack, any other in
/// a new string.
#[inline]
pub(crate) fn in_small_letters<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return f(word);
    }
    let mut small = [0u8; 16];
    if word.is_ascii() && word.len() <= small.len() {
        let small = &mut small[..word.len()];
        small.copy_from_slice(word.as_bytes());
        small.make_ascii_lowercase();
        return f(std::str::from_utf8(small).unwrap_or_default());
    }
    f(&word.to_lowercase())
}

/// Equal ignoring case: ASCII first, and letter by letter only for a word
/// with other letters (`millón`, `fünf`).
pub(crate) fn eq_ignore_case(word: &str, text: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(text);
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .eq(text.chars().flat_map(char::to_lowercase))
}

/// Every language's month names (lowercase) and their months.
pub(crate) static MONTHS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, u8>> =
    std::sync::LazyLock::new(|| {
        Lang::ALL
            .iter()
            .flat_map(|l| l.lexicon().months.iter().copied())
            .collect()
    });

/// Every language's labels of an article's date, longest first.
pub(crate) static DATE_LABELS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut all: Vec<&str> = Lang::ALL
            .iter()
            .flat_map(|l| l.lexicon().date_labels.iter().copied())
            .collect();
        all.sort_by_key(|w| std::cmp::Reverse(w.len()));
        all
    });

/// The words of one list of every lexicon, in the order of [`Lang::ALL`].
fn every_lexicons(list: fn(&Lexicon) -> &'static [&'static str]) -> Vec<&'static str> {
    Lang::ALL
        .iter()
        .flat_map(|l| list(l.lexicon()).iter().copied())
        .collect()
}

/// Every language's words between a date's parts.
pub(crate) static DATE_LINKS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| every_lexicons(|l| l.date_links));

/// Every lexicon's day endings.
pub(crate) static DAY_ENDS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| every_lexicons(|l| l.day_ends));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_looked_up_in_small_letters() {
        let small = |w: &str| in_small_letters(w, str::to_string);
        assert_eq!(small("Russian"), "russian");
        assert_eq!(small("FÜNF"), "fünf");
        assert_eq!(small(&"AB".repeat(12)), "ab".repeat(12));
        assert_eq!(number_word("Fünf Milliarden"), Some((" Milliarden", 5)));
        assert_eq!(number_word("DOS mil"), Some((" mil", 2)));
    }

    /// `scale` and `and_word` turn a word away by the hash of its leading
    /// ASCII letters: every word they read starts with one, and `and` is
    /// letters alone.
    #[test]
    fn scale_and_and_words_are_told_by_their_leading_letters() {
        for s in SCALES.iter() {
            assert!(s.word.as_bytes()[0].is_ascii_alphabetic(), "{}", s.word);
            for text in [
                s.word.to_string(),
                s.word.to_ascii_uppercase(),
                format!("{} x", s.word),
            ] {
                assert!(crate::grammar::scale::scale(&text).is_ok(), "{text}");
            }
        }
        for w in AND.iter() {
            assert!(w.bytes().all(|b| b.is_ascii_alphabetic()), "{w}");
            assert_eq!(
                and_word(&format!("{} 5", w.to_ascii_uppercase())),
                Some(" 5")
            );
        }
        assert_eq!(and_word("andes"), None);
    }

    #[test]
    fn the_letters_that_are_words_come_from_the_lexicons() {
        for c in ['a', 'A', 'y', 'e'] {
            assert!(is_letter_word(c), "{c}");
        }
        for c in ['c', 'S', 'n', 'z'] {
            assert!(!is_letter_word(c), "{c}");
        }
    }
}
