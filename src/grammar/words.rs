//! Numbers written in English words: `twenty-one`, `a`, `half a`,
//! `one and a half`, `three quarters of a`, `one point three`.

use std::sync::LazyLock;

use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

use super::{IResult, fail, word, ws};
use crate::lang::en::{AND, ARTICLES, HALF, HUNDRED, OF, POINT, QUARTER, QUARTERS, TENS, UNITS};
use crate::wordset::hash_word;

/// The words a number in words starts with, by hash: most places the
/// grammar is tried start with none of them, and are turned away at once.
static FIRST_WORDS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let words = UNITS.iter().chain(TENS).map(|(w, _)| *w);
    words
        .chain(ARTICLES.iter().copied())
        .chain([HALF])
        .map(|w| hash_word(w.as_bytes()).0)
        .collect()
});

/// A number read from words: its value and the value of its last word's
/// place (the precision a reader may assume).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Words {
    pub value: Decimal,
    pub ulp: Decimal,
    /// `a`/`an`/`half`: only a number before a scale or a currency name.
    pub article: bool,
    /// In the words of another lexicon than English's (`zwei`, `treinta y
    /// dos`).
    pub foreign: bool,
}

/// `a` or `an`.
fn article(i: &str) -> Option<&str> {
    ARTICLES.iter().find_map(|a| word(i, a))
}

/// `and`.
fn and(i: &str) -> Option<&str> {
    AND.iter().find_map(|a| word(i, a))
}

fn lookup<'a>(i: &'a str, table: &[(&str, i64)]) -> Option<(&'a str, i64)> {
    // Read the word once, then look it up: cheaper than trying each entry.
    let len = i
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(i.len());
    if len == 0 || len > 9 {
        return None;
    }
    let (head, rest) = i.split_at(len);
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(head))
        .map(|&(_, n)| (rest, n))
}

// below100 = tens ["-" units] | units
fn below100(i: &str) -> IResult<'_, i64> {
    if let Some((rest, tens)) = lookup(i, TENS) {
        if let Some(after) = rest
            .strip_prefix(" - ")
            .or_else(|| rest.strip_prefix(['-', ' ']))
            && let Some((rest, unit)) = lookup(after, UNITS).filter(|&(_, u)| (1..10).contains(&u))
        {
            return Ok((rest, tens + unit));
        }
        return Ok((rest, tens));
    }
    match lookup(i, UNITS) {
        Some((rest, n)) => Ok((rest, n)),
        None => fail(i),
    }
}

// cardinal = below100 [ws "hundred" [ws "and"] [ws below100]]   (* 1 to 999 *)
fn cardinal(i: &str) -> IResult<'_, (i64, i64)> {
    let (rest, n) = below100(i)?;
    let Some(after) = ws(rest).ok().and_then(|(r, _)| word(r, HUNDRED)) else {
        return Ok((rest, (n, 1)));
    };
    let tail = ws(after).ok().and_then(|(r, _)| and(r)).unwrap_or(after);
    match ws(tail).and_then(|(r, _)| below100(r)) {
        Ok((rest, m)) => Ok((rest, (n * 100 + m, 1))),
        Err(_) => Ok((after, (n * 100, 100))),
    }
}

/// `and a half`, `point three`: a fraction after a cardinal.
pub(crate) fn cardinal_tail(i: &str) -> Option<(&str, Decimal, Decimal)> {
    let (r, _) = ws(i).ok()?;
    if let Some(r) = and(r) {
        let r = ws(r).ok()?.0;
        let r = article(r).and_then(|r| ws(r).ok()).map_or(r, |(r, _)| r);
        if let Some(r) = word(r, HALF) {
            return Some((r, Decimal::new(5, 1), Decimal::new(5, 1)));
        }
        if let Some(r) = word(r, QUARTER) {
            return Some((r, Decimal::new(25, 2), Decimal::new(25, 2)));
        }
        return None;
    }
    let r = word(r, POINT)?;
    let (r, _) = ws(r).ok()?;
    let (rest, n) = below100(r).ok()?;
    // "point three" is 0.3, "point twenty-five" 0.25.
    let scale = if n < 10 { 1 } else { 2 };
    let frac = Decimal::new(n, scale);
    Some((rest, frac, Decimal::new(1, scale)))
}

// fraction = ("half" | "a quarter" | "quarter" | cardinal "quarters") [ws "of"] [ws ("a"|"an")]
fn fraction(i: &str) -> IResult<'_, Decimal> {
    let (rest, value) = if let Some(rest) = word(i, HALF) {
        (rest, Decimal::new(5, 1))
    } else if let Some(rest) = article(i)
        .and_then(|r| ws(r).ok())
        .and_then(|(r, _)| word(r, QUARTER))
    {
        (rest, Decimal::new(25, 2))
    } else {
        let (rest, n) = below100(i)?;
        match ws(rest).ok().and_then(|(r, _)| word(r, QUARTERS)) {
            Some(rest) => (rest, Decimal::new(n * 25, 2)),
            None => return fail(i),
        }
    };
    let rest = ws(rest).ok().and_then(|(r, _)| word(r, OF)).unwrap_or(rest);
    let rest = ws(rest).ok().and_then(|(r, _)| article(r)).unwrap_or(rest);
    Ok((rest, value))
}

// words = fraction | cardinal [cardinal-tail] | "a" | "an"
pub(crate) fn words(i: &str) -> IResult<'_, Words> {
    let (h, len) = hash_word(i.as_bytes());
    if len == 0 || !FIRST_WORDS.contains(&h) {
        return fail(i);
    }
    if let Ok((rest, value)) = fraction(i) {
        return Ok((
            rest,
            Words {
                value,
                ulp: value,
                article: true,
                foreign: false,
            },
        ));
    }
    if let Ok((rest, (n, place))) = cardinal(i) {
        if let Some((rest, frac, ulp)) = cardinal_tail(rest) {
            let value = Decimal::from(n) + frac;
            return Ok((
                rest,
                Words {
                    value,
                    ulp,
                    article: false,
                    foreign: false,
                },
            ));
        }
        let value = Decimal::from(n);
        return Ok((
            rest,
            Words {
                value,
                ulp: Decimal::from(place),
                article: false,
                foreign: false,
            },
        ));
    }
    if let Some(rest) = article(i) {
        return Ok((
            rest,
            Words {
                value: Decimal::ONE,
                ulp: Decimal::ONE,
                article: true,
                foreign: false,
            },
        ));
    }
    fail(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn value(i: &str) -> (&str, Decimal) {
        let (rest, w) = words(i).unwrap();
        (rest, w.value)
    }

    #[test]
    fn units_and_tens() {
        assert_eq!(value("ten pounds"), (" pounds", dec!(10)));
        assert_eq!(value("twenty-one billion"), (" billion", dec!(21)));
        assert_eq!(value("Twenty one"), ("", dec!(21)));
        assert_eq!(value("twenty - five thousand"), (" thousand", dec!(25)));
        assert_eq!(value("forty"), ("", dec!(40)));
    }

    #[test]
    fn hundreds() {
        assert_eq!(value("two hundred thousand"), (" thousand", dec!(200)));
        assert_eq!(
            value("three hundred and five dollars"),
            (" dollars", dec!(305))
        );
        assert_eq!(words("two hundred").unwrap().1.ulp, dec!(100));
    }

    #[test]
    fn articles_and_fractions() {
        assert_eq!(value("a million"), (" million", dec!(1)));
        assert!(words("a million").unwrap().1.article);
        assert_eq!(value("half a billion"), (" billion", dec!(0.5)));
        assert_eq!(value("half million"), (" million", dec!(0.5)));
        assert_eq!(value("a quarter million"), (" million", dec!(0.25)));
        assert_eq!(
            value("three quarters of a billion"),
            (" billion", dec!(0.75))
        );
        assert_eq!(value("three quarters billion"), (" billion", dec!(0.75)));
    }

    #[test]
    fn and_a_half_and_point() {
        assert_eq!(value("one and a half million"), (" million", dec!(1.5)));
        assert_eq!(value("one point three dollars"), (" dollars", dec!(1.3)));
    }

    #[test]
    fn not_words() {
        assert!(words("someone").is_err());
        assert!(words("tent").is_err());
        assert!(words("another").is_err());
        // "four and a" without half: the cardinal alone
        assert_eq!(value("four and a dog"), (" and a dog", dec!(4)));
    }
}
