//! French: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words, longest first within a shared prefix; matched ignoring case.
/// `million` is read as English (the same value); `millions` is French.
/// (`billion` is 10^12 in French, but the word is English too: it stays
/// English until an article's language is known.)
pub(crate) const SCALES: &[(&str, u32)] = &[("millions", 6), ("milliards", 9), ("milliard", 9)];

/// `64,3 milliards d'euros`, `2 millions de dollars`.
pub(crate) const LINKS: &[&str] = &["de", "d'", "d’"];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("plus de", Q(Over)),
        ("environ", Q(About)),
        ("quelque", Q(About)),
        ("près de", Q(Nearly)),
        ("presque", Q(Nearly)),
        ("au moins", Q(AtLeast)),
        ("moins de", Q(Under)),
        ("jusqu'à", Q(UpTo)),
        ("jusqu’à", Q(UpTo)),
        ("entre", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["et"];
