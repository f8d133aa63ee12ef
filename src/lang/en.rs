//! English: scale words, verbs of change and weight, range words, the words
//! that make a currency name a thing, and the forms read by evidence.

use super::Lead;
use crate::Qualifier;

/// Scale words, longest first within each shared prefix so that the first
/// match is the longest. Matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("lakh crore", 12),
    ("lakh-crore", 12),
    ("lakhs", 5),
    ("lakh", 5),
    ("lacks", 5),
    ("lacs", 5),
    ("lac", 5),
    ("crores", 7),
    ("crore", 7),
    ("mln", 6),
    ("mn", 6),
    ("mm", 6),
    ("bln", 9),
    ("bn", 9),
    ("trn", 12),
    ("tn", 12),
    ("tr", 12),
    ("cr", 7),
];

/// English number words are read by the grammar's own rules (`UNITS`,
/// `TENS`), before a currency as well as before a scale.
pub(crate) const NUMERALS: super::Numerals = super::Numerals::NONE;

/// Words read as English scales whatever the paragraph's language: all.
pub(crate) const NEEDS_LANGUAGE: &[&str] = &[];

/// Endings of words an English reader takes for a scale (`zillion`,
/// `gazillion`): a number they follow is reported unread.
pub(crate) const SCALE_ENDINGS: &[&str] = &["illion", "illions", "illiard", "illiards"];

/// One-letter scales: read glued to the number (`$5m`, `10K`, `$2.174T`),
/// or spaced in capitals after a number led by a currency (`Ksh 157 B`),
/// as `5 m` is more often metres.
pub(crate) const LETTERS: &[(char, u32)] = &[('k', 3), ('m', 6), ('b', 9), ('t', 12)];

/// Number words below twenty, with their values.
pub(crate) const UNITS: &[(&str, i64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Tens, with their values.
pub(crate) const TENS: &[(&str, i64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The articles, each a number one before a scale or a currency name
/// (`a million`, `an euro`).
pub(crate) const ARTICLES: &[&str] = &["a", "an"];

/// The words the grammar composes numbers in words with, around `UNITS`
/// and `TENS`: `two hundred and five`, `one and a half`, `a quarter`,
/// `three quarters of a`.
pub(crate) const HUNDRED: &str = "hundred";
pub(crate) const HALF: &str = "half";
pub(crate) const QUARTER: &str = "quarter";
pub(crate) const QUARTERS: &str = "quarters";
pub(crate) const OF: &str = "of";

/// Words other than numbers that open an amount: articles (`a million`),
/// `half`, `minus`.
pub(crate) const OPENERS: &[&str] = &[ARTICLES[0], ARTICLES[1], HALF, MINUS];

/// Scale and fraction words: they open an amount only after an article
/// (`a million`), so the scanner stops at them for that check.
pub(crate) const FOLLOWERS: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "quarter", "lakh", "crore", "half",
];

/// The word that joins a range's ends after an opener, and cents to
/// their amount (`5 dollars and 30 cents`).
pub(crate) const AND: &[&str] = &["and"];

/// The word that joins a range's ends (`$20 to $25`), but not after a verb
/// of change.
pub(crate) const TO: &str = "to";

/// The spoken decimal point (`1 point 1 billion`).
pub(crate) const POINT: &str = "point";

/// The spoken minus sign (`minus 5 dollars`).
pub(crate) const MINUS: &str = "minus";

/// Qualifiers and range openers written before an amount, longest first
/// where one ends another (`no more than` before `more than`).
pub(crate) const LEADS: &[(&str, Lead)] = {
    use Lead::{Qualifier as Q, Range};
    use Qualifier::*;
    &[
        ("approximately", Q(About)),
        ("approx.", Q(About)),
        ("an estimated", Q(About)),
        ("around", Q(About)),
        ("roughly", Q(About)),
        ("about", Q(About)),
        ("circa", Q(About)),
        ("some", Q(About)),
        ("~", Q(About)),
        ("almost", Q(Nearly)),
        ("nearly", Q(Nearly)),
        ("close to", Q(Nearly)),
        ("just under", Q(Nearly)),
        ("just below", Q(Nearly)),
        ("not more than", Q(UpTo)),
        ("no more than", Q(UpTo)),
        ("no less than", Q(AtLeast)),
        ("not less than", Q(AtLeast)),
        ("more than", Q(Over)),
        ("greater than", Q(Over)),
        ("higher than", Q(Over)),
        ("in excess of", Q(Over)),
        ("upwards of", Q(Over)),
        ("exceeding", Q(Over)),
        ("exceeded", Q(Over)),
        ("surpassed", Q(Over)),
        ("topped", Q(Over)),
        ("above", Q(Over)),
        ("over", Q(Over)),
        ("at least", Q(AtLeast)),
        ("a minimum of", Q(AtLeast)),
        ("minimum of", Q(AtLeast)),
        ("less than", Q(Under)),
        ("lower than", Q(Under)),
        ("fewer than", Q(Under)),
        ("below", Q(Under)),
        ("under", Q(Under)),
        ("up to", Q(UpTo)),
        ("at most", Q(UpTo)),
        ("as much as", Q(UpTo)),
        ("a maximum of", Q(UpTo)),
        ("maximum of", Q(UpTo)),
        ("between", Range),
        ("from", Range),
    ]
};

/// The word that joins two alternatives sharing a scale and currency
/// (`50 or 60 billion euros`).
pub(crate) const ALTERNATIVE: &str = "or";

/// A weight written as an adjective: `2,000-pound bombs`, `a 250-pound
/// linebacker` (money would be `a £10 note`).
pub(crate) const WEIGHT_HYPHENED: &[&str] = &["pound", "pounds", "lb", "lbs"];

/// Currency names that are also weights: after a verb of weight (`lost 10
/// pounds`) no money unless a symbol or code says so.
pub(crate) const WEIGHT_NAMES: &[&str] = &["pound", "pounds"];

/// Verbs of weight: `weighed 180 pounds` is no money.
pub(crate) const WEIGHT_VERBS: &[&str] = &[
    "weigh", "weighs", "weighed", "weighing", "lose", "loses", "lost", "losing", "gain", "gained",
    "gaining", "shed",
];

/// Verbs of change, in every tense: after them `X to Y` (and `from X to
/// Y`, `by X to Y`) is a move from one amount to another, two figures.
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "fall",
    "falls",
    "fell",
    "fallen",
    "falling",
    "grow",
    "grows",
    "grew",
    "grown",
    "growing",
    "cut",
    "cuts",
    "cutting",
    "increase",
    "increases",
    "increased",
    "increasing",
    "decrease",
    "decreases",
    "decreased",
    "decreasing",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "raise",
    "raises",
    "raised",
    "raising",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "jump",
    "jumps",
    "jumped",
    "jumping",
    "climb",
    "climbs",
    "climbed",
    "climbing",
    "slip",
    "slips",
    "slipped",
    "slipping",
    "widen",
    "widens",
    "widened",
    "widening",
    "narrow",
    "narrows",
    "narrowed",
    "narrowing",
    "gain",
    "gains",
    "gained",
    "gaining",
    "lose",
    "loses",
    "lost",
    "losing",
    "decline",
    "declines",
    "declined",
    "declining",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "advance",
    "advances",
    "advanced",
    "advancing",
    "ease",
    "eases",
    "eased",
    "easing",
    "add",
    "adds",
    "added",
    "adding",
    "shed",
    "sheds",
    "shedding",
    "soar",
    "soars",
    "soared",
    "soaring",
    "tumble",
    "tumbles",
    "tumbled",
    "tumbling",
    "plunge",
    "plunges",
    "plunged",
    "plunging",
    "surge",
    "surges",
    "surged",
    "surging",
    "slide",
    "slides",
    "slid",
    "sliding",
    "sink",
    "sinks",
    "sank",
    "sunk",
    "sinking",
    "rebound",
    "rebounds",
    "rebounded",
    "rebounding",
    "boost",
    "boosts",
    "boosted",
    "boosting",
    "hike",
    "hikes",
    "hiked",
    "hiking",
    "slash",
    "slashes",
    "slashed",
    "slashing",
    "trim",
    "trims",
    "trimmed",
    "trimming",
    "expand",
    "expands",
    "expanded",
    "expanding",
    "shrink",
    "shrinks",
    "shrank",
    "shrunk",
    "shrinking",
    "swell",
    "swells",
    "swelled",
    "swollen",
    "swelling",
    "double",
    "doubles",
    "doubled",
    "doubling",
    "triple",
    "tripled",
    "revise",
    "revised",
    "upgraded",
    "downgraded",
    "balloon",
    "ballooned",
    "spike",
    "spiked",
    "dip",
    "dips",
    "dipped",
    "dipping",
    "lift",
    "lifts",
    "lifted",
    "lifting",
    "up",
    "down",
];

/// Words between a verb of change and its first amount (`rose from`, `was
/// cut by`), and how many words back the verb may be: `by X to Y` tells a
/// change past a long object (`raised the price of a loaf by Rs 10 to Rs
/// 150`), `from X to Y` only past a short one (`raised its offer from`).
/// Words between a rate's value and its unit's currency: `1.08 dollars per
/// euro`, `83 rupees to the dollar`.
pub(crate) const RATE_UNITS: &[&str] = &["per", "to the", "to one", "for one", "for each"];

pub(crate) const CHANGE_LINKS: &[(&str, usize)] = &[("from", 3), ("by", 12)];

/// Words that end a clause: a verb of change is not looked for past them.
pub(crate) const CLAUSE_ENDS: &[char] = &['.', ';', ':', '!', '?', '(', ')'];

/// Words before a name made of letters and a number: `flight QR807`,
/// `route N1`.
pub(crate) const IDENTIFIER_LEADS: &[&str] = &[
    "flight", "flights", "route", "road", "highway", "motorway", "model", "type", "class", "grade",
    "bus", "train", "platform", "gate", "seat", "room", "row", "exit", "junction", "vaccine",
    "variant", "form", "section", "article", "rule",
];

/// Words that follow an amount of money: after an identifier such as
/// `N95` or `R21` a noun comes instead (`N95 masks`, `the R21 vaccine`).
pub(crate) const AFTER_AMOUNTS: &[&str] = &[
    "a", "an", "and", "or", "for", "per", "each", "to", "in", "on", "of", "from", "with", "at",
    "by", "is", "was", "were", "are", "be", "been", "will", "would", "could", "has", "had", "have",
    "that", "which", "more", "less", "than", "into", "over", "under", "off", "only", "after",
    "before", "as", "plus", "apiece", "extra", "last", "this", "next", "but", "while", "since",
    "if", "so", "up", "down", "when", "against", "compared", "versus", "vs", "a-year", "annually",
    "yearly", "monthly", "daily", "weekly", "now", "then", "too", "also", "instead", "worth",
];

/// Words after a currency name that make it a thing, not an amount:
/// `a dollar sign`, `the euro zone`, `dollar-denominated`.
pub(crate) const THINGS: &[&str] = &[
    "sign",
    "signs",
    "symbol",
    "symbols",
    "zone",
    "area",
    "denominated",
];

/// Currency names that are also common English words: never read before a
/// number in small letters (`won 3 games`, `mark 2`), nor after an article
/// (`a real 10`).
pub(crate) const WORDLIKE_NAMES: &[&str] = &[
    "won", "real", "rand", "mark", "marks", "yen", "sol", "kip", "dong", "dram", "punt", "lev",
    "pound", "pounds", "grand", "buck", "bucks",
];

/// ISO codes that are also English words: after a number only in capitals
/// (`5 top`), and before a number only in capitals (`RUB 30,000`).
pub(crate) const WORDLIKE_CODES: &[&str] = &[
    "ALL", "TOP", "CUP", "MAD", "TRY", "SOS", "BOB", "PEN", "GEL", "MOP", "CAD", "RUB", "BAM",
    "ESP", "DEM", "LEI", "AMD", "NAD",
];

/// Of those, the words a headline writes in capitals (`ALL 5 solutions`,
/// `TOP 10`): they lead only a number no heading would have, one with
/// grouping, decimals or a scale (`ALL 5,000`).
pub(crate) const SHOUTED_CODES: &[&str] = &["ALL", "TOP", "CUP", "MAD", "TRY", "SOS", "PEN", "BOB"];

/// Words before a year and a currency name that make it a unit of
/// constant prices, not an amount (`in 2020 dollars`).
pub(crate) const UNIT_YEAR_LEADS: &[&str] = &[
    "in",
    "constant",
    "real",
    "nominal",
    "inflation-adjusted",
    "today's",
    "of",
];

/// Common words that tell a text is English: where one is in the sentence,
/// a lone `1.234` has a decimal point (`€1.695 a litre`).
pub(crate) const MARKERS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "for", "and", "is", "was", "are", "were", "at", "per",
    "on", "by", "with", "from", "its", "it", "this", "that", "has", "have", "will", "costs",
    "cost", "price", "each", "litre", "liter", "said", "about", "only", "now", "sale",
];

/// Ambiguous forms read by the evidence of the article (a place, a people,
/// an institution), and the name all their evidenced currencies share: a
/// `$` in a Canberra story is the Australian dollar, but never a peso.
/// The flag marks a form that is money only with such evidence (`N5` is a
/// road). Small-letter names match in any case.
pub(crate) fn evidence_form(raw: &str) -> Option<(&'static str, bool)> {
    let exact = match raw {
        "$" => Some("Dollar"),
        "Rs" | "Rs." => Some("Rupee"),
        "Sh" | "Sh." => Some("Shilling"),
        "N" => return Some(("Naira", true)),
        // Pula in Botswana, peso in the Philippines: money only with evidence.
        "P" => return Some(("", true)),
        _ => None,
    };
    if exact.is_some() || raw.len() > 9 {
        return exact.map(|noun| (noun, false));
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..raw.len()];
    lower.copy_from_slice(raw.as_bytes());
    lower.make_ascii_lowercase();
    let noun = match &*lower {
        b"dollar" | b"dollars" => "Dollar",
        // The same nouns in the other lexicons' languages.
        b"d\xc3\xb3lar" | b"d\xc3\xb3lares" | b"dolar" | b"dolares" | b"dollaro" | b"dollari" => {
            "Dollar"
        }
        b"rupee" | b"rupees" => "Rupee",
        b"rupias" | b"rupie" | b"rupien" | b"roupies" => "Rupee",
        b"kr" | b"kr." | b"crown" | b"crowns" | b"krona" | b"kronor" | b"krone" | b"kroner" => "",
        b"shilling" | b"shillings" => "Shilling",
        b"peso" | b"pesos" => "Peso",
        b"dinar" | b"dinars" => "Dinar",
        b"franc" | b"francs" | b"franco" | b"francos" | b"franchi" => "Franc",
        b"riyal" | b"riyals" | b"rial" | b"rials" => "",
        b"dirham" | b"dirhams" => "Dirham",
        // Cents of the place's own currency: `12c` in a Sydney story.
        b"cent" | b"cents" | b"c" | b"\xc2\xa2" => "",
        b"centavo" | b"centavos" | b"centimes" | b"centime" | b"centesimi" => "",
        _ => return None,
    };
    Some((noun, false))
}

/// Letter symbols that before one digit name a quarter (`Q3`), not a currency.
pub(crate) const QUARTER_LETTERS: &[&str] = &["Q"];

/// A capital letter after a number read as another form: `15.94P` after a
/// share price is pence, written `p`.
pub(crate) const PENCE_AFTER: (&str, &str) = ("P", "p");

// English's words for the shared rules; the rest of the lexicon above is
// read by name.
lexicon!(&[], false);

/// Month names and their abbreviations (read with or without a point), for
/// the date an article was written on.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Words that label an article's own date (`Published`, `Updated:`).
pub(crate) const DATE_LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last updated",
    "first published",
];

/// Words between a date's day, month and year (`12 de diciembre de 2022`).
pub(crate) const DATE_LINKS: &[&str] = &[];

/// What a day's number may end with before its month.
pub(crate) const DAY_ENDS: &[&str] = &[];

/// Words between a figure and its stated conversion: `, or`, `(equivalent to`, `(roughly`, `(worth`.
pub(crate) const GLUE: &[&str] = &["or", "equivalent to", "roughly", "worth", "i.e.", "ie"];
