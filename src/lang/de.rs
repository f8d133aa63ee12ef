//! German: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words, longest first within a shared prefix; matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("Tausend", 3),
    ("Millionen", 6),
    ("Million", 6),
    ("Mio.", 6),
    ("Mio", 6),
    ("Milliarden", 9),
    ("Milliarde", 9),
    ("Mrd.", 9),
    ("Mrd", 9),
    ("Billionen", 12),
];

/// Words between a scale and the currency name (`Milliarden Euro`: none).
pub(crate) const LINKS: &[&str] = &[];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("mehr als", Q(Over)),
        ("über", Q(Over)),
        ("rund", Q(About)),
        ("etwa", Q(About)),
        ("ungefähr", Q(About)),
        ("circa", Q(About)),
        ("knapp", Q(Nearly)),
        ("mindestens", Q(AtLeast)),
        ("weniger als", Q(Under)),
        ("unter", Q(Under)),
        ("bis zu", Q(UpTo)),
        ("höchstens", Q(UpTo)),
        ("zwischen", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["und"];
