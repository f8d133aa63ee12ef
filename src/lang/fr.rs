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

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("déc", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] = &["publié le", "mis à jour le", "publié", "mis à jour"];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &[];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &["er"];

/// Words between a figure and its stated conversion: `(soit`, `, ou`.
pub(crate) const GLUE: &[&str] = &["soit", "ou", "c.-à-d.", "équivalent à"];
