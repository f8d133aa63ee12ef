//! Pairing a figure with the conversions its writer stated next to it.

use rust_decimal::Decimal;

use crate::currency::Currency;
use crate::extract::Mention;
use crate::grammar::is_space;

/// What a mention is in its sentence.
///
/// # Example
///
/// ```
/// assert_eq!(figures::Role::Conversion.as_str(), "conversion");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Role {
    /// An amount in its own right.
    Figure,
    /// The stated equivalent of the figure before it.
    Conversion,
    /// The figure before it again, in the same currency (`2.4 million Swiss
    /// francs (CHF 2.4m)`): linked, not audited.
    Restated,
    /// A side of a rate the writer states (`$1 = 0.8651 euros`, `1.08
    /// dollars per euro`): read as a rate, not an amount.
    Rate,
}

impl Role {
    /// The name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::Role::Figure.as_str(), "figure");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Figure => "figure",
            Role::Conversion => "conversion",
            Role::Restated => "restated",
            Role::Rate => "rate",
        }
    }
}

/// A figure and its stated conversions, as indexes into the mentions.
///
/// # Example
///
/// ```
/// let text = "£1bn [$1.3bn] and €2bn, or $2.2bn";
/// let found: Vec<_> = figures::extract(text).collect::<Result<_, _>>()?;
/// let pairs = figures::pairs(text, &found);
/// assert_eq!((pairs[1].figure, pairs[1].conversions.as_slice()), (2, &[3][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The figure.
    pub figure: usize,
    /// Its conversions, in text order (`€21bn ($24bn; £18bn)` has two).
    pub conversions: Vec<usize>,
    /// Its restatements in the same currency, in brackets (`CHF 2.4m`).
    pub restated: Vec<usize>,
}

/// How the text between two mentions joins them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// `(` or `[` opens: the second is the first's conversion.
    Opens,
    /// `, or`, `/`: the second is the first's conversion.
    Or,
    /// `;` or `,` inside brackets already opened: a further conversion.
    Next,
}

/// How `gap` joins two mentions, `glue` being the words of the first's
/// language that may stand between a figure and its conversion.
fn join(gap: &str, glue: &[&str]) -> Option<Join> {
    let mut rest = gap.trim_matches(is_space);
    let opens = rest.starts_with(['(', '[']);
    if opens {
        rest = rest[1..].trim_start_matches(is_space);
    } else if let Some(r) = rest.strip_prefix([',', ';']) {
        let r = r.trim_matches(is_space);
        if r.is_empty() {
            return Some(Join::Next);
        }
        rest = r;
    } else if let Some(r) = rest.strip_prefix('/') {
        return r.trim_matches(is_space).is_empty().then_some(Join::Or);
    }
    // A glue word of the figure's language or English's (`, or`,
    // `(soit`), the whole of what is left or before a bracket.
    let glued_rest = glue.iter().chain(crate::lang::en::GLUE).find_map(|word| {
        let head = rest.get(..word.len())?;
        let after = rest[word.len()..].trim_start_matches(is_space);
        let whole = matches!(after, "" | "(" | "[");
        (head.eq_ignore_ascii_case(word) && whole).then_some(after)
    });
    let glued = glued_rest.is_some();
    rest = glued_rest.unwrap_or(rest);
    // `€2bn, or ($2.2bn)`: a bracket after the word.
    if glued && !opens && matches!(rest, "(" | "[") {
        return Some(Join::Opens);
    }
    match (opens, rest.is_empty()) {
        (true, true) => Some(Join::Opens),
        // Only a word joins amounts outside brackets: side by side they are a list.
        (false, true) if glued => Some(Join::Or),
        _ => None,
    }
}

/// The most words between a figure and a bracket that holds nothing but
/// its conversion: `23 trillion yuan in 2021 (US$3.4 trillion)`.
const WORDS_BEFORE_BRACKET: usize = 3;

/// `gap` is a few words, then an opening bracket: joined only where the
/// bracket closes right after the second amount (`rest`).
fn words_then_bracket(gap: &str, rest: &str) -> bool {
    let Some(words) = gap.trim_end_matches(is_space).strip_suffix('(') else {
        return false;
    };
    let closes = rest.trim_start_matches(is_space).starts_with(')');
    let words: Vec<&str> = words.split_whitespace().collect();
    closes
        && (1..=WORDS_BEFORE_BRACKET).contains(&words.len())
        && words.iter().all(|w| {
            // `£3 and ($5)` lists two amounts.
            w.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !crate::lang::AND.iter().any(|a| a.eq_ignore_ascii_case(w))
        })
}

/// A rate the writer states: `$1 = 0.8651 euros`, `(€1 = $1.08)`, `1.08
/// dollars per euro`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WriterRate {
    /// The mention of its unit (`$1`), when written as an amount.
    pub unit_mention: Option<usize>,
    /// The mention of its value (`0.8651 euros`).
    pub value: usize,
    /// The unit's currency.
    pub unit: Currency,
    /// Units of the value's currency per unit of `unit`.
    pub rate: Decimal,
}

/// The rates the writer states among `mentions` of `text`, in order.
pub(crate) fn writer_rates(text: &str, mentions: &[Mention]) -> Vec<WriterRate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let (Some(value), Some(cur)) = (m.amount, m.currency) else {
            i += 1;
            continue;
        };
        // `$1 = 0.8651 euros`: a unit, `=`, its value.
        if let Some(next) = mentions.get(i + 1)
            && text
                .get(m.span.end..next.span.start)
                .is_some_and(|g| g.trim() == "=")
            && [Decimal::ONE, Decimal::ONE_HUNDRED].contains(&value)
            && let (Some(v), Some(c)) = (next.amount, next.currency)
            && c != cur
            && v > Decimal::ZERO
        {
            out.push(WriterRate {
                unit_mention: Some(i),
                value: i + 1,
                unit: cur,
                rate: v / value,
            });
            i += 2;
            continue;
        }
        // `1.08 dollars per euro`.
        if let Some(unit) = per_unit(&text[m.span.end..])
            && unit != cur
            && value > Decimal::ZERO
        {
            out.push(WriterRate {
                unit_mention: None,
                value: i,
                unit,
                rate: value,
            });
        }
        i += 1;
    }
    out
}

/// The currency after `per` (`per euro`, `to the dollar`) that starts
/// `rest`, when its name names one.
fn per_unit(rest: &str) -> Option<Currency> {
    let rest = rest.trim_start_matches(is_space);
    let after = crate::lang::en::RATE_UNITS
        .iter()
        .find_map(|w| crate::grammar::word(rest, w))?
        .trim_start_matches(is_space);
    use crate::grammar::currency::{code, name};
    match name(after) {
        Ok((_, cur)) => cur.definite(),
        Err(_) => code(after, false).ok().map(|(_, c)| c),
    }
}

/// `b` says `a` again: the same currency and amount, as far as the less
/// precise of the two is written (`2.4 million` and `2.4m`, `2,400,000`).
fn restates(a: &Mention, b: &Mention) -> bool {
    let (Some(x), Some(y)) = (a.amount, b.amount) else {
        return false;
    };
    let half = a.precision.max(b.precision) / rust_decimal::Decimal::TWO;
    a.currency.is_some() && a.currency == b.currency && (x - y).abs() <= half
}

/// Links each figure to the conversions written right after it in `text`
/// (the text the mentions' spans index): `€21 billion ($24 billion)`,
/// `€21bn (about $24bn)`, `€21 billion, or $24 billion`, `€21bn / $24bn`,
/// `£1bn [$1.3bn]`, `€21bn ($24bn; £18bn)`, `(€967m/$1.12bn)`, `€2bn, or
/// ($2.2bn)`, `23 trillion yuan in 2021 (US$3.4 trillion)` (a few words,
/// then a bracket that holds only the conversion). Both sides must name
/// different known currencies.
///
/// # Example
///
/// ```
/// let text = "€21bn ($24bn; £18bn) and $5";
/// let found: Vec<_> = figures::extract(text).collect::<Result<_, _>>()?;
/// let pairs = figures::pairs(text, &found);
/// assert_eq!(pairs, vec![figures::Pair { figure: 0, conversions: vec![1, 2], restated: vec![] }]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pairs(text: &str, mentions: &[Mention]) -> Vec<Pair> {
    pairs_around(text, mentions, &writer_rates(text, mentions))
}

/// [`pairs`], the writer's `rates` among `mentions` already found.
pub(crate) fn pairs_around(text: &str, mentions: &[Mention], rates: &[WriterRate]) -> Vec<Pair> {
    let mut in_rate = vec![false; mentions.len()];
    for r in rates {
        in_rate[r.value] = true;
        if let Some(u) = r.unit_mention {
            in_rate[u] = true;
        }
    }
    let mut out: Vec<Pair> = Vec::new();
    let mut i = 0;
    while i + 1 < mentions.len() {
        if in_rate[i] {
            i += 1;
            continue;
        }
        let figure = &mentions[i];
        let mut conversions = Vec::new();
        let mut restated = Vec::new();
        let mut inside = false;
        let mut j = i + 1;
        while j < mentions.len() {
            let prev = &mentions[j - 1];
            let Some(gap) = text.get(prev.span.end..mentions[j].span.start) else {
                break;
            };
            if in_rate[j] {
                break;
            }
            let joined = match join(gap, mentions[i].lang.lexicon().glue) {
                Some(Join::Opens) if conversions.is_empty() => {
                    inside = true;
                    true
                }
                Some(Join::Or) if conversions.is_empty() => true,
                // `(€967m/$1.12bn)`, `(USD 1.6 trillion or Rs 103 lakh crore)`.
                Some(Join::Or) => inside,
                None if conversions.is_empty() => {
                    inside = words_then_bracket(gap, &text[mentions[j].span.end..]);
                    inside
                }
                Some(Join::Next) => inside && !conversions.is_empty(),
                _ => false,
            };
            let differs = match (figure.currency, mentions[j].currency) {
                (Some(a), Some(b)) => a != b,
                _ => false,
            };
            if joined && !differs && inside && restates(figure, &mentions[j]) {
                restated.push(j);
            } else if joined && differs {
                conversions.push(j);
            } else {
                break;
            }
            j += 1;
        }
        if conversions.is_empty() && restated.is_empty() {
            i += 1;
        } else {
            out.push(Pair {
                figure: i,
                conversions,
                restated,
            });
            i = j;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn paired(text: &str) -> Vec<Pair> {
        let found: Vec<Mention> = extract(text).collect::<crate::Result<_>>().unwrap();
        pairs(text, &found)
    }

    fn one(figure: usize, conversions: &[usize]) -> Vec<Pair> {
        vec![Pair {
            figure,
            conversions: conversions.to_vec(),
            restated: Vec::new(),
        }]
    }

    #[test]
    fn parenthetical_forms() {
        assert_eq!(paired("€21 billion ($24 billion)"), one(0, &[1]));
        assert_eq!(paired("€21 billion (USD 24 billion)"), one(0, &[1]));
        assert_eq!(paired("€21bn (about $24bn)"), one(0, &[1]));
        assert_eq!(paired("£1bn [$1.3bn]"), one(0, &[1]));
    }

    #[test]
    fn or_and_slash() {
        assert_eq!(paired("€21 billion, or $24 billion, was"), one(0, &[1]));
        assert_eq!(paired("€21 billion or $24 billion"), one(0, &[1]));
        assert_eq!(paired("€21 billion / $24 billion"), one(0, &[1]));
    }

    /// A glue word of the text's language joins as `or` does in English;
    /// another language's does not.
    #[test]
    fn each_language_glues_with_its_own_words() {
        let paired_in = |lang: crate::Lang, text: &str| {
            let found: Vec<Mention> = crate::Extractor::new()
                .lang(lang)
                .mentions(text)
                .collect::<crate::Result<_>>()
                .unwrap();
            pairs(text, &found)
        };
        use crate::Lang::{De, En, Es, Fr, It, Nl, Pt};
        for (lang, text) in [
            (De, "3 Millionen Euro, umgerechnet 3,4 Millionen Dollar"),
            (De, "3 Millionen Euro (umgerechnet 3,4 Millionen Dollar)"),
            (Fr, "3 millions d'euros (soit 3,4 millions de dollars)"),
            (Es, "3 millones de euros, es decir 3,4 millones de dólares"),
            (It, "3 milioni di euro (pari a 3,4 milioni di dollari)"),
            (Nl, "3 miljoen euro, ofwel 3,4 miljoen dollar"),
            (Pt, "3 milhões de euros, ou seja 3,4 milhões de dólares"),
            (Fr, "3 millions d'euros, or 3,4 millions de dollars"),
        ] {
            assert_eq!(paired_in(lang, text), one(0, &[1]), "{lang}: {text}");
        }
        assert!(paired_in(En, "€3m, soit $3.4m").is_empty());
        assert!(paired_in(De, "3 Millionen Euro, soit 3,4 Millionen Dollar").is_empty());
    }

    #[test]
    fn several_conversions_share_the_figure() {
        assert_eq!(paired("€21bn ($24bn; £18bn)"), one(0, &[1, 2]));
        assert_eq!(paired("€21bn ($24bn, £18bn)"), one(0, &[1, 2]));
    }

    #[test]
    fn restatements_are_linked_not_converted() {
        let p = paired("2.4 million Swiss francs (CHF 2.4m) for schools");
        assert_eq!(
            (p[0].conversions.len(), p[0].restated.as_slice()),
            (0, &[1][..])
        );
        let p = paired("£800m (€967m; £800 million)");
        assert_eq!(
            (p[0].conversions.as_slice(), p[0].restated.as_slice()),
            (&[1][..], &[2][..])
        );
        assert!(paired("$5 ($4 net)").is_empty(), "another amount");
        assert!(paired("$5, or $5").is_empty(), "not in brackets");
    }

    #[test]
    fn the_writers_rate_is_a_rate_not_amounts() {
        let text = "€21 billion ($24 billion) was pledged ($1 = 0.8651 euros).";
        let found: Vec<Mention> = extract(text).collect::<crate::Result<_>>().unwrap();
        let rates = writer_rates(text, &found);
        assert_eq!(rates.len(), 1);
        assert_eq!(
            (rates[0].unit.as_str(), rates[0].rate.to_string()),
            ("USD", "0.8651".into())
        );
        assert_eq!((rates[0].unit_mention, rates[0].value), (Some(2), 3));
        assert_eq!(pairs(text, &found), one(0, &[1]));
        let text = "It was converted at 1.08 dollars per euro, or (€1 = $1.08).";
        let found: Vec<Mention> = extract(text).collect::<crate::Result<_>>().unwrap();
        let rates = writer_rates(text, &found);
        assert_eq!(rates.len(), 2, "{rates:?}");
        assert!(
            rates
                .iter()
                .all(|r| r.unit == Currency::EUR && r.rate.to_string() == "1.08")
        );
        assert!(pairs(text, &found).is_empty());
        let text = "The $5 = a coffee, and 3 dollars per week.";
        let found: Vec<Mention> = extract(text).collect::<crate::Result<_>>().unwrap();
        assert!(writer_rates(text, &found).is_empty());
    }

    #[test]
    fn more_forms() {
        assert_eq!(paired("£800m (€967m/$1.12bn)"), one(0, &[1, 2]));
        assert_eq!(paired("£800m (€967m or $1.12bn)"), one(0, &[1, 2]));
        assert_eq!(paired("€2bn, or ($2.2bn)"), one(0, &[1]));
        assert_eq!(paired("€2bn or [$2.2bn]"), one(0, &[1]));
        assert_eq!(
            paired("23 trillion yuan in 2021 (US$3.4 trillion)"),
            one(0, &[1])
        );
        assert!(paired("€5m for the school ($6m for the road)").is_empty());
        assert!(
            paired("€5m went to the new school fund ($6m)").is_empty(),
            "too many words"
        );
        assert!(paired("€5m. Later ($6m)").is_empty());
    }

    #[test]
    fn not_pairs() {
        assert!(paired("€21bn and $24bn").is_empty());
        assert!(paired("€21bn, $24bn").is_empty());
        assert!(
            paired("ten cents\n1.298,00 €").is_empty(),
            "entries of a list"
        );
        assert!(paired("€5 $6").is_empty());
        assert!(paired("$5 ($4 net)").is_empty(), "same currency");
        assert!(paired("€21bn ($24bn) then £3 and ($5)").len() == 1);
        assert!(paired("100 kr ($10)").is_empty(), "unknown currency");
        assert!(paired("120 000 000\n₤1700.").is_empty(), "a non-ASCII gap");
    }
}
