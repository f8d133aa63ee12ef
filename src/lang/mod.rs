//! The words of each language the grammar reads, in one place per language.
//!
//! The grammar and the scanner hold no literal words: they ask the lexicon.
//! Only English is read today; `en` is its lexicon.

pub(crate) mod en;

/// True when `word` is one of `list`, ignoring ASCII case.
pub(crate) fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
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

/// True when `word` (as written) is a scale word of some language, or
/// looks like one to an English reader (`zillion`).
pub(crate) fn is_scale_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    SCALE_WORDS.contains(lower.as_str())
        || en::SCALE_ENDINGS
            .iter()
            .any(|e| lower.len() > e.len() && lower.ends_with(e))
}
