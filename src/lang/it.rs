//! Italian: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words, longest first within a shared prefix; matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("milioni", 6),
    ("milione", 6),
    ("miliardi", 9),
    ("miliardo", 9),
    ("mld", 9),
];

/// `14 miliardi di euro`, `3 milioni di dollari`.
pub(crate) const LINKS: &[&str] = &["di", "d'", "d’"];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("più di", Q(Over)),
        ("oltre", Q(Over)),
        ("circa", Q(About)),
        ("quasi", Q(Nearly)),
        ("almeno", Q(AtLeast)),
        ("meno di", Q(Under)),
        ("fino a", Q(UpTo)),
        ("tra", Range),
        ("fra", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["e"];
