//! Spanish: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write:
/// the forms typed without an accent.
pub(crate) const SCALES: &[(&str, u32)] = &[("millon", 6), ("billon", 12)];

/// Words read as Spanish scales only in a Spanish paragraph: `$5 mil` is
/// five million in English.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &["mil"];

/// `48.000 millones de dólares`.
pub(crate) const LINKS: &[&str] = &["de"];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("más de", Q(Over)),
        ("mas de", Q(Over)),
        ("cerca de", Q(Nearly)),
        ("casi", Q(Nearly)),
        ("unos", Q(About)),
        ("unas", Q(About)),
        ("alrededor de", Q(About)),
        ("aproximadamente", Q(About)),
        ("al menos", Q(AtLeast)),
        ("menos de", Q(Under)),
        ("hasta", Q(UpTo)),
        ("entre", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["y", "con"];
