//! Italian: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::{Lead, Numerals};
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

/// Numbers in words (`tre miliardi`, `trentadue milioni`, `ventitré
/// milioni`, `duecento milioni`, `duemila euro`): read only before a scale
/// word or a currency name; alone they are other words too often. Tens and
/// `cento` lose their last vowel before `uno` and `otto` (`ventuno`,
/// `centottanta`).
pub(crate) const NUMERALS: Numerals = Numerals {
    units: &[
        ("un", 1),
        ("uno", 1),
        ("una", 1),
        ("due", 2),
        ("tre", 3),
        ("tré", 3),
        ("quattro", 4),
        ("cinque", 5),
        ("sei", 6),
        ("sette", 7),
        ("otto", 8),
        ("nove", 9),
        ("dieci", 10),
        ("undici", 11),
        ("dodici", 12),
        ("tredici", 13),
        ("quattordici", 14),
        ("quindici", 15),
        ("sedici", 16),
        ("diciassette", 17),
        ("diciotto", 18),
        ("diciannove", 19),
    ],
    alone: &[],
    tens: &[
        ("venti", 20),
        ("trenta", 30),
        ("quaranta", 40),
        ("cinquanta", 50),
        ("sessanta", 60),
        ("settanta", 70),
        ("ottanta", 80),
        ("novanta", 90),
    ],
    wide_tens: &[],
    units_first: false,
    and: &[("", &[])],
    hundred: &[("cento", 100)],
    hundreds: &[],
    thousand: &[("mila", 1000), ("mille", 1000)],
    times: &[""],
    plus: &[""],
    half: &[],
    elides: "aeiou",
};

lexicon!(LINKS, true);

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("gennaio", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("agosto", 8),
    ("settembre", 9),
    ("ottobre", 10),
    ("novembre", 11),
    ("dicembre", 12),
    ("gen", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ago", 8),
    ("set", 9),
    ("ott", 10),
    ("nov", 11),
    ("dic", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] =
    &["pubblicato", "aggiornato", "pubblicato il", "aggiornato il"];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &[];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &[];

/// Words between a figure and its stated conversion: `(pari a`, `, ovvero`.
pub(crate) const GLUE: &[&str] = &["o", "ovvero", "cioè", "pari a"];
