//! The words of each language the grammar reads, in one place per language.
//!
//! The grammar and the scanner hold no literal words: they ask the lexicon.
//! Only English is read today; `en` is its lexicon.

pub(crate) mod en;

/// True when `word` is one of `list`, ignoring ASCII case.
pub(crate) fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}
