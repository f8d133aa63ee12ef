//! French: scale words and the words between a number and its currency.

/// Scale words, longest first within a shared prefix; matched ignoring case.
/// `million` is read as English (the same value); `millions` is French.
/// (`billion` is 10^12 in French, but the word is English too: it stays
/// English until an article's language is known.)
pub(crate) const SCALES: &[(&str, u32)] = &[("millions", 6), ("milliards", 9), ("milliard", 9)];

/// `64,3 milliards d'euros`, `2 millions de dollars`.
pub(crate) const LINKS: &[&str] = &["de", "d'", "d’"];
