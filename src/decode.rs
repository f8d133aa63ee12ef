//! Text becomes a `Decimal` here, and only here: a parsed quantity's
//! digits or words, its scale in the language it is read in, a range's
//! borrowed scale, cents, and which separators group.
//!
//! It takes plain values (the parse, the currency, what the sentence says of
//! its language) and knows nothing of the extractor that calls it.

use rust_decimal::Decimal;

use crate::amount::Qualifier;
use crate::currency::Currency;
use crate::grammar::amount::{Cents, Numeral, Parsed, Quantity, Side};
use crate::grammar::currency::Cur;
use crate::grammar::number::Digits;
use crate::grammar::scale::Scale;
use crate::lang::{self, Lang};

/// What the sentence around a mention says of how its numbers are written,
/// asked only where a number is ambiguous.
pub(crate) struct Reading<'a> {
    /// English words are around it (`€1.695 a litre` has a decimal point).
    pub english: &'a dyn Fn() -> bool,
    /// Its language, given or detected reliably.
    pub language: &'a dyn Fn() -> Option<Lang>,
}

/// Each side's scale as the paragraph's language reads it: French
/// `billion` is 10^12 in a French paragraph, English's 10^9 elsewhere; a
/// word only one language reads as a scale there (`mil`) is returned as
/// foreign where the paragraph is not of that language, to be reported
/// unread, never read as another number.
pub(crate) fn in_language<'a>(
    p: &Parsed<'a>,
    language: &dyn Fn() -> Option<Lang>,
) -> (Parsed<'a>, Option<&'static str>) {
    let mut read = *p;
    let mut foreign = None;
    let sides = std::iter::once(&mut read.first).chain(read.second.as_mut());
    for side in sides {
        let Some(scale) = side.quantity.scale else {
            continue;
        };
        if scale.needs_language && language() != Some(scale.lang) {
            foreign = Some(scale.word);
        } else if scale.lang == Lang::En && lang::has_other_reading(scale.word, scale.power) {
            let other = language()
                .filter(|l| *l != Lang::En)
                .and_then(|l| lang::scale_in(scale.word, l));
            if let Some(other) = other {
                side.quantity.scale = Some(Scale::from(other));
            }
        }
    }
    (read, foreign)
}

/// A mention's amount, `min`, `max` and precision.
pub(crate) type Values = (Option<Decimal>, Option<Decimal>, Option<Decimal>, Decimal);

/// A mention's values, read in `currency`; `None` when a number does not
/// fit a decimal.
pub(crate) fn values(
    p: &Parsed<'_>,
    qualifier: Option<Qualifier>,
    currency: Option<Currency>,
    words: &Reading<'_>,
) -> Option<Values> {
    // A lone `1.234` is grouping in a currency with no minor unit (`¥1.500`),
    // in a sentence of a decimal-comma language (`$ 5.000` in Spanish), and
    // in a currency written with a decimal comma when the price is bare
    // (`Rp 31.500`) or written as its writers do, symbol after (`1.234 €`);
    // among English words it has a decimal point (`€1.695 a litre`).
    // A `.000` tail is grouping unless the sentence is surely English: no
    // writer of a decimal point writes `$10.000` for ten dollars.
    let lone = |s: &Side<'_>, zeros: bool| matches!(s.quantity.numeral, Numeral::Digits(d) if d.is_ambiguous() && (!zeros || d.frac == "000"));
    let any = |zeros| lone(&p.first, zeros) || p.second.as_ref().is_some_and(|s| lone(s, zeros));
    let any_lone = any(false);
    let symbol_after = p.first.prefix.is_none() && p.first.suffix.is_some_and(|s| !s.is_name());
    let dots = currency.is_some_and(|c| {
        c.minor_units() == Some(0)
            || c.groups_with_dot() && any_lone && (symbol_after || !(words.english)())
    }) || any_lone && (words.language)().is_some_and(|l| l.decimal_comma())
        || any(true) && (words.language)() != Some(Lang::En);
    let bounds = |v: Decimal| match qualifier {
        Some(Qualifier::Over | Qualifier::AtLeast) => (Some(v), None),
        Some(Qualifier::Under | Qualifier::UpTo) => (None, Some(v)),
        _ => (None, None),
    };
    Some(match &p.second {
        Some(second) => {
            let fallback = second.suffix.as_ref().or(second.prefix.as_ref());
            // "$20-25 billion": the scale written once applies to both ends,
            // but not to "$500,000 to $2 million", whose first end is whole.
            let unscaled =
                |q: &Quantity<'_>| value(&Quantity { scale: None, ..*q }, 0, dots).map(|v| v.0);
            let borrowed = match (p.first.quantity.scale, second.quantity.scale) {
                (None, Some(s))
                    if p.first.currency_scale() == 0
                        && unscaled(&p.first.quantity)? <= unscaled(&second.quantity)? =>
                {
                    s.power
                }
                _ => 0,
            };
            let (lo, ulp) = side_value(&p.first, fallback, borrowed, dots)?;
            let first_cur = p.first.suffix.as_ref().or(p.first.prefix.as_ref());
            if p.alternative {
                let (min, max) = bounds(lo);
                (Some(lo), min, max, ulp)
            } else {
                let (hi, _) = side_value(second, first_cur, 0, dots)?;
                (None, Some(lo), Some(hi), ulp)
            }
        }
        None => {
            let (mut v, mut ulp) = side_value(&p.first, None, 0, dots)?;
            if let Some(c) = &p.cents {
                let (cents, cents_ulp) = match c {
                    Cents::Minor(q, cur) => {
                        let (n, u) = value(q, 0, false)?;
                        (n.checked_mul(cur.unit())?, u.checked_mul(cur.unit())?)
                    }
                    Cents::Hundredths(q) => {
                        let (n, u) = value(q, 0, false)?;
                        (n / Decimal::ONE_HUNDRED, u / Decimal::ONE_HUNDRED)
                    }
                };
                v = if v.is_sign_negative() {
                    v.checked_sub(cents)?
                } else {
                    v.checked_add(cents)?
                };
                ulp = cents_ulp;
            }
            let (min, max) = bounds(v);
            (Some(v), min, max, ulp)
        }
    })
}

/// A side's signed value and precision, in major units.
fn side_value(
    side: &Side<'_>,
    fallback: Option<&Cur<'_>>,
    borrowed_power: u32,
    dot_groups: bool,
) -> Option<(Decimal, Decimal)> {
    // What the currency counts (0.01 for cents, 1000 for grand) and the
    // power of ten a glued scale adds (`MEUR`).
    let cur = side.suffix.as_ref().or(side.prefix.as_ref()).or(fallback);
    let unit = cur.map_or(Decimal::ONE, Cur::unit);
    let (v, ulp) = value(
        &side.quantity,
        side.currency_scale() + borrowed_power,
        dot_groups,
    )?;
    let v = v.checked_mul(unit)?;
    let ulp = ulp.checked_mul(unit)?;
    Some((if side.negative { -v } else { v }, ulp))
}

/// The value of a written quantity, and of one unit in its last written
/// place (`2.54 billion` → 2540000000 and 10000000).
///
/// `1.234` alone is read with a decimal point, unless `dot_groups` (the
/// currency's writers group with a dot and there is no scale word).
///
/// `None` when the number does not fit a decimal.
pub(crate) fn value(
    q: &Quantity<'_>,
    extra_power: u32,
    dot_groups: bool,
) -> Option<(Decimal, Decimal)> {
    // A scale word of a decimal-comma language reads the number with its
    // separators: `3,746 bilhões` is 3.746e9, `80.827 millones` 8.0827e10.
    let comma = q.scale.is_some_and(|s| s.lang.decimal_comma());
    let (value, ulp) = match q.numeral {
        Numeral::Digits(d) => {
            let d = if comma { d.with_decimal_comma() } else { d };
            let dots = comma || dot_groups && q.scale.is_none();
            digits_value(&d, dots && d.is_ambiguous())?
        }
        Numeral::Words(w) => (w.value, w.ulp),
    };
    let (value, ulp) = match q.plus {
        Some((plus, plus_ulp)) => (value.checked_add(plus)?, plus_ulp),
        None => (value, ulp),
    };
    let power = q.scale.map_or(0, |s| s.power) + extra_power;
    let factor = Decimal::try_from_i128_with_scale(10i128.checked_pow(power)?, 0).ok()?;
    Some((value.checked_mul(factor)?, ulp.checked_mul(factor)?))
}

/// Exact digits to a decimal, ignoring group separators; with `grouped`,
/// the point before the fraction digits was a group separator.
fn digits_value(d: &Digits<'_>, grouped: bool) -> Option<(Decimal, Decimal)> {
    let mut mantissa: i128 = 0;
    for b in d
        .int
        .bytes()
        .chain(d.frac.bytes())
        .filter(u8::is_ascii_digit)
    {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(b - b'0'))?;
    }
    let scale = if grouped {
        0
    } else {
        u32::try_from(d.frac.len()).ok()?
    };
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    let ulp = Decimal::try_from_i128_with_scale(1, scale).ok()?;
    Some((value, ulp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::amount::quantity;
    use rust_decimal_macros::dec;

    fn v(text: &str) -> Option<(Decimal, Decimal)> {
        value(&quantity(text).unwrap().1, 0, false)
    }

    #[test]
    fn exact_values_and_precision() {
        assert_eq!(v("21 billion"), Some((dec!(21000000000), dec!(1000000000))));
        assert_eq!(v("2.54 billion"), Some((dec!(2540000000), dec!(10000000))));
        assert_eq!(v("1,234,567.89"), Some((dec!(1234567.89), dec!(0.01))));
        assert_eq!(v("1.234.567,89"), Some((dec!(1234567.89), dec!(0.01))));
        assert_eq!(v(".5"), Some((dec!(0.5), dec!(0.1))));
        assert_eq!(
            v("twenty-one million"),
            Some((dec!(21000000), dec!(1000000)))
        );
    }

    #[test]
    fn dot_grouping_only_where_the_currency_writes_it() {
        let q = quantity("1.234").unwrap().1;
        assert_eq!(value(&q, 0, false), Some((dec!(1.234), dec!(0.001))));
        assert_eq!(value(&q, 0, true), Some((dec!(1234), dec!(1))));
        let q = quantity("1.234 billion").unwrap().1;
        assert_eq!(value(&q, 0, true).unwrap().0, dec!(1234000000));
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        assert_eq!(v("99999999999999999999999999999999999999999"), None);
        assert_eq!(v("99999999999999999999 trillion"), None);
    }
}
