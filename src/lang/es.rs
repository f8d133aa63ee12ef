//! Spanish: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::{Lead, Numerals};
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write:
/// the forms typed without an accent.
pub(crate) const SCALES: &[(&str, u32)] = &[("millon", 6), ("billon", 12)];

/// Words read as Spanish scales only in a Spanish paragraph: `$5 mil` is
/// five million in English.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &["mil"];

/// `48.000 millones de dólares`.
pub(crate) const LINKS: &[&str] = &["de"];

/// Qualifiers and range openers before an amount.
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("más de", Q(Over)),
        ("mas de", Q(Over)),
        ("cerca de", Q(Nearly)),
        ("casi", Q(Nearly)),
        ("unos", Q(About)),
        ("unas", Q(About)),
        ("alrededor de", Q(About)),
        ("aproximadamente", Q(About)),
        ("al menos", Q(AtLeast)),
        ("menos de", Q(Under)),
        ("hasta", Q(UpTo)),
        ("entre", Range),
    ]
};

/// `and`: between a range's ends after an opener, and before cents.
pub(crate) const AND: &[&str] = &["y", "con"];

/// Numbers in words (`dos mil millones`, `treinta y dos millones`,
/// `doscientos millones`, `dos mil quinientos millones`): read only before
/// a scale word or a currency name; alone they are other words too often.
pub(crate) const NUMERALS: Numerals = Numerals {
    units: &[
        ("un", 1),
        ("uno", 1),
        ("una", 1),
        ("dos", 2),
        ("tres", 3),
        ("cuatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("siete", 7),
        ("ocho", 8),
        ("nueve", 9),
        ("diez", 10),
        ("once", 11),
        ("doce", 12),
        ("trece", 13),
        ("catorce", 14),
        ("quince", 15),
        ("dieciséis", 16),
        ("dieciseis", 16),
        ("diecisiete", 17),
        ("dieciocho", 18),
        ("diecinueve", 19),
        ("veintiún", 21),
        ("veintiun", 21),
        ("veintiuno", 21),
        ("veintiuna", 21),
        ("veintidós", 22),
        ("veintidos", 22),
        ("veintitrés", 23),
        ("veintitres", 23),
        ("veinticuatro", 24),
        ("veinticinco", 25),
        ("veintiséis", 26),
        ("veintiseis", 26),
        ("veintisiete", 27),
        ("veintiocho", 28),
        ("veintinueve", 29),
    ],
    alone: &[],
    tens: &[
        ("veinte", 20),
        ("treinta", 30),
        ("cuarenta", 40),
        ("cincuenta", 50),
        ("sesenta", 60),
        ("setenta", 70),
        ("ochenta", 80),
        ("noventa", 90),
    ],
    wide_tens: &[],
    units_first: false,
    and: &[(" y ", &[])],
    hundred: &[],
    hundreds: &[
        ("cien", 100),
        ("ciento", 100),
        ("doscientos", 200),
        ("doscientas", 200),
        ("trescientos", 300),
        ("trescientas", 300),
        ("cuatrocientos", 400),
        ("cuatrocientas", 400),
        ("quinientos", 500),
        ("quinientas", 500),
        ("seiscientos", 600),
        ("seiscientas", 600),
        ("setecientos", 700),
        ("setecientas", 700),
        ("ochocientos", 800),
        ("ochocientas", 800),
        ("novecientos", 900),
        ("novecientas", 900),
    ],
    thousand: &[("mil", 1000)],
    times: &[" "],
    plus: &[" "],
    half: &[],
    elides: "",
};

lexicon!(LINKS, true);

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("setiembre", 9),
    ("ene", 1),
    ("feb", 2),
    ("abr", 4),
    ("ago", 8),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dic", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] =
    &["publicado", "actualizado", "publicado el", "actualizado el"];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &["de", "del"];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &[];

/// Words between a figure and its stated conversion: `(es decir`, `, o`.
pub(crate) const GLUE: &[&str] = &["o", "es decir", "equivalentes a", "equivalente a"];
