//! German: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::{Lead, Numerals};
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

/// Numbers in words (`zwei Milliarden`, `achtundsiebzig Millionen`,
/// `dreihundertfünfzig Millionen Euro`, `zweieinhalb Milliarden`): read
/// only before a scale word or a currency name; alone they are other words
/// too often.
pub(crate) const NUMERALS: Numerals = Numerals {
    units: &[
        ("ein", 1),
        ("eins", 1),
        ("zwei", 2),
        ("drei", 3),
        ("vier", 4),
        ("fünf", 5),
        ("sechs", 6),
        ("sieben", 7),
        ("acht", 8),
        ("neun", 9),
        ("zehn", 10),
        ("elf", 11),
        ("zwölf", 12),
        ("dreizehn", 13),
        ("vierzehn", 14),
        ("fünfzehn", 15),
        ("sechzehn", 16),
        ("siebzehn", 17),
        ("achtzehn", 18),
        ("neunzehn", 19),
    ],
    alone: &[("eine", 1), ("einen", 1)],
    tens: &[
        ("zwanzig", 20),
        ("dreißig", 30),
        ("dreissig", 30),
        ("vierzig", 40),
        ("fünfzig", 50),
        ("sechzig", 60),
        ("siebzig", 70),
        ("achtzig", 80),
        ("neunzig", 90),
    ],
    wide_tens: &[],
    units_first: true,
    and: &[("und", &[])],
    hundred: &[("hundert", 100)],
    hundreds: &[],
    thousand: &[("tausend", 1000)],
    times: &[""],
    plus: &["", "und"],
    half: &["einhalb"],
    elides: "",
};

lexicon!(LINKS, false);

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
    ("jänner", 1),
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] = &[
    "veröffentlicht",
    "aktualisiert",
    "veröffentlicht am",
    "aktualisiert am",
    "stand",
];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &[];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &[];

/// Words between a figure and its stated conversion: `(umgerechnet`, `, oder`.
pub(crate) const GLUE: &[&str] = &["oder", "umgerechnet", "d.h.", "also"];
