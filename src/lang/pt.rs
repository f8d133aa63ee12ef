//! Portuguese: scale words, qualifiers, range words and the words between a number
//! and its currency.

use super::{Lead, Numerals};
use crate::Qualifier;

/// Scale words CLDR's table (`data/lexicon-scales.csv`) does not write:
/// Portugal's `mil milhões` and `bilião` (10^12, where Brazil's `bilhão`
/// is 10^9), and the forms typed without an accent.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("mil milhões", 9),
    ("mil milhoes", 9),
    ("milhoes", 6),
    ("milhao", 6),
    ("bilhoes", 9),
    ("bilhao", 9),
    ("biliões", 12),
    ("bilião", 12),
    ("trilhoes", 12),
];

/// Words read as Portuguese scales only in a Portuguese paragraph: `mil`
/// is a million in English slang, `mi`, `bi` and `tri` are other words.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &["mil", "mi", "bi", "tri"];

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

/// Numbers in words (`dois mil milhões`, `trinta e dois milhões`,
/// `duzentos milhões`, `cento e vinte milhões`): read only before a scale
/// word or a currency name; alone they are other words too often.
pub(crate) const NUMERALS: Numerals = Numerals {
    units: &[
        ("um", 1),
        ("uma", 1),
        ("dois", 2),
        ("duas", 2),
        ("três", 3),
        ("tres", 3),
        ("quatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("sete", 7),
        ("oito", 8),
        ("nove", 9),
        ("dez", 10),
        ("onze", 11),
        ("doze", 12),
        ("treze", 13),
        ("catorze", 14),
        ("quatorze", 14),
        ("quinze", 15),
        ("dezesseis", 16),
        ("dezasseis", 16),
        ("dezessete", 17),
        ("dezassete", 17),
        ("dezoito", 18),
        ("dezenove", 19),
        ("dezanove", 19),
    ],
    alone: &[],
    tens: &[
        ("vinte", 20),
        ("trinta", 30),
        ("quarenta", 40),
        ("cinquenta", 50),
        ("cinqüenta", 50),
        ("sessenta", 60),
        ("setenta", 70),
        ("oitenta", 80),
        ("noventa", 90),
    ],
    wide_tens: &[],
    units_first: false,
    and: &[(" e ", &[])],
    hundred: &[],
    hundreds: &[
        ("cem", 100),
        ("cento", 100),
        ("duzentos", 200),
        ("duzentas", 200),
        ("trezentos", 300),
        ("trezentas", 300),
        ("quatrocentos", 400),
        ("quatrocentas", 400),
        ("quinhentos", 500),
        ("quinhentas", 500),
        ("seiscentos", 600),
        ("seiscentas", 600),
        ("setecentos", 700),
        ("setecentas", 700),
        ("oitocentos", 800),
        ("oitocentas", 800),
        ("novecentos", 900),
        ("novecentas", 900),
    ],
    thousand: &[("mil", 1000)],
    times: &[" "],
    plus: &[" e ", " "],
    half: &[],
    elides: "",
};

lexicon!(LINKS, true);

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("abril", 4),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("agosto", 8),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("jan", 1),
    ("fev", 2),
    ("mar", 3),
    ("abr", 4),
    ("mai", 5),
    ("jun", 6),
    ("jul", 7),
    ("ago", 8),
    ("set", 9),
    ("out", 10),
    ("nov", 11),
    ("dez", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] =
    &["publicado", "atualizado", "publicado em", "atualizado em"];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &["de"];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &[];

/// Words between a figure and its stated conversion: `(ou seja`, `, ou`.
pub(crate) const GLUE: &[&str] = &["ou", "ou seja", "equivalentes a", "equivalente a"];
