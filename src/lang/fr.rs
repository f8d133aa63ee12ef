//! French: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write.
pub(crate) const SCALES: &[(&str, u32)] = &[("Mds", 9)];

/// Words read as French scales only in a French paragraph: `billion` is
/// 10^9 in English, `mille` and `Md` are other words there.
pub(crate) const NEEDS_LANGUAGE: &[&str] =
    &["billion", "billions", "Bn", "Md", "Mds", "mille", "millier"];

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
