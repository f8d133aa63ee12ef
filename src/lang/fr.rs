//! French: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::{Lead, Numerals};
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

/// Numbers in words (`deux milliards`, `trente-deux millions`,
/// `soixante-dix millions`, `quatre-vingt-dix millions`, `deux cent
/// cinquante millions`): read only before a scale word or a currency name;
/// alone they are other words too often. `et` joins only `un` and `onze`
/// (`vingt et un`, `soixante et onze`).
pub(crate) const NUMERALS: Numerals = Numerals {
    units: &[
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
        ("dix-sept", 17),
        ("dix-huit", 18),
        ("dix-neuf", 19),
    ],
    alone: &[],
    tens: &[
        ("vingt", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
        ("septante", 70),
        ("quatre-vingt", 80),
        ("quatre-vingts", 80),
        ("huitante", 80),
        ("octante", 80),
        ("nonante", 90),
    ],
    wide_tens: &[60, 80],
    units_first: false,
    and: &[("-", &[]), (" et ", &[1, 11]), ("-et-", &[1, 11])],
    hundred: &[("cent", 100), ("cents", 100)],
    hundreds: &[],
    thousand: &[("mille", 1000)],
    times: &[" ", "-"],
    plus: &[" ", "-"],
    half: &[],
    elides: "",
};

lexicon!(LINKS, true);
