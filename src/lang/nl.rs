//! Dutch: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::{Lead, Numerals};
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write:
/// plurals, and the abbreviations without their point.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("miljoenen", 6),
    ("miljarden", 9),
    ("biljoenen", 12),
    ("mld", 9),
];

/// Words read as Dutch scales only in a Dutch paragraph.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &["duizend"];

/// `€71 miljard`, `5 miljoen euro`: no word between.
pub(crate) const LINKS: &[&str] = &[];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("meer dan", Q(Over)),
        ("ruim", Q(Over)),
        ("boven de", Q(Over)),
        ("ongeveer", Q(About)),
        ("circa", Q(About)),
        ("bijna", Q(Nearly)),
        ("minstens", Q(AtLeast)),
        ("minder dan", Q(Under)),
        ("tot", Q(UpTo)),
        ("tussen", Range),
        ("van", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["en"];

/// Numbers in words (`twee miljard`, `achtenzeventig miljoen`,
/// `tweehonderd miljoen`, `tweeënhalf miljoen`): read only before a scale
/// word or a currency name; alone they are other words too often.
pub(crate) const NUMERALS: Numerals = Numerals {
    units: &[
        ("een", 1),
        ("één", 1),
        ("twee", 2),
        ("drie", 3),
        ("vier", 4),
        ("vijf", 5),
        ("zes", 6),
        ("zeven", 7),
        ("acht", 8),
        ("negen", 9),
        ("tien", 10),
        ("elf", 11),
        ("twaalf", 12),
        ("dertien", 13),
        ("veertien", 14),
        ("vijftien", 15),
        ("zestien", 16),
        ("zeventien", 17),
        ("achttien", 18),
        ("negentien", 19),
    ],
    alone: &[],
    tens: &[
        ("twintig", 20),
        ("dertig", 30),
        ("veertig", 40),
        ("vijftig", 50),
        ("zestig", 60),
        ("zeventig", 70),
        ("tachtig", 80),
        ("negentig", 90),
    ],
    wide_tens: &[],
    units_first: true,
    and: &[("en", &[]), ("ën", &[])],
    hundred: &[("honderd", 100)],
    hundreds: &[],
    thousand: &[("duizend", 1000)],
    times: &[""],
    plus: &["", "en"],
    half: &["ënhalf", "enhalf"],
    elides: "",
};

lexicon!(LINKS, false);

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mrt", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] = &[
    "gepubliceerd",
    "bijgewerkt",
    "gepubliceerd op",
    "bijgewerkt op",
];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &[];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &[];

/// Words between a figure and its stated conversion: `(omgerekend`, `, ofwel`.
pub(crate) const GLUE: &[&str] = &["of", "omgerekend", "ofwel", "oftewel"];
