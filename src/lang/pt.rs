//! Portuguese: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words, longest first within a shared prefix; matched ignoring case.
/// `bilhão` is Brazil's 10^9, `bilião` Portugal's 10^12; the forms without
/// accents are as often typed.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("mil milhões", 9),
    ("mil milhoes", 9),
    ("milhões", 6),
    ("milhoes", 6),
    ("milhão", 6),
    ("milhao", 6),
    ("bilhões", 9),
    ("bilhoes", 9),
    ("bilhão", 9),
    ("bilhao", 9),
    ("biliões", 12),
    ("bilião", 12),
    ("trilhões", 12),
    ("trilhoes", 12),
    ("trilhão", 12),
];

/// `3,746 bilhões de reais`.
pub(crate) const LINKS: &[&str] = &["de"];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("mais de", Q(Over)),
        ("cerca de", Q(About)),
        ("quase", Q(Nearly)),
        ("pelo menos", Q(AtLeast)),
        ("menos de", Q(Under)),
        ("até", Q(UpTo)),
        ("entre", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["e", "com"];
