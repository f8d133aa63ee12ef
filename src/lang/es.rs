//! Spanish: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words, longest first within a shared prefix; matched ignoring case.
/// (`mil` alone, a thousand, is left out: `$5 mil` is five million in English.)
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("mil millones", 9),
    ("millones", 6),
    ("millón", 6),
    ("millon", 6),
    ("billones", 12),
    ("billón", 12),
];

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
