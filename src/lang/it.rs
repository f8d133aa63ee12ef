//! Italian: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write.
pub(crate) const SCALES: &[(&str, u32)] = &[("mld", 9), ("mln", 6)];

/// Words read as Italian scales only in an Italian paragraph.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &["mila", "mille", "Bln"];

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
