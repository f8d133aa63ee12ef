//! German: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::Lead;
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write:
/// the abbreviations without their point. Matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[("Mio", 6), ("Mrd", 9), ("Bio", 12)];

/// Words read as this language's scale only in a German paragraph:
/// English reads `billion` as 10^9.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &["Billion", "Bio.", "Bio"];

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
