//! Domain values of a mention: qualifiers, how its currency was decided,
//! and the one place where written digits become a `Decimal`.

use std::fmt;

use rust_decimal::Decimal;

use crate::grammar::amount::{Numeral, Quantity};
use crate::grammar::number::Digits;

/// A word that bounds or hedges an amount, in canonical form.
///
/// # Example
///
/// ```
/// use figures::Qualifier;
/// assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
/// assert_eq!(Qualifier::Over.to_string(), "over");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Qualifier {
    /// about, around, approximately, roughly, some, circa, ~
    About,
    /// nearly, almost, close to, just under
    Nearly,
    /// over, more than, above, exceeding, in excess of, upwards of
    Over,
    /// at least, no less than
    AtLeast,
    /// under, less than, below
    Under,
    /// up to, at most, no more than, as much as
    UpTo,
}

impl Qualifier {
    /// The canonical name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// let m = figures::extract("up to $5").next().unwrap()?;
    /// assert_eq!(m.qualifier.map(|q| q.as_str()), Some("up_to"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::Under => "under",
            Qualifier::UpTo => "up_to",
        }
    }

    /// A hedge (`about`, `nearly`) rather than a bound.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Qualifier;
    /// assert!(Qualifier::Nearly.is_hedge());
    /// assert!(!Qualifier::AtLeast.is_hedge());
    /// ```
    pub fn is_hedge(&self) -> bool {
        matches!(self, Qualifier::About | Qualifier::Nearly)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a mention's currency was decided.
///
/// # Example
///
/// ```
/// let m = figures::extract("It cost $5.").next().unwrap()?;
/// assert_eq!(m.basis, figures::Basis::Default);
/// assert_eq!(m.basis.as_str(), "default");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Basis {
    /// A symbol that names one currency (`€`, `US$`).
    Symbol,
    /// An ISO 4217 code (`USD`).
    Code,
    /// A name (`euros`, `Swiss francs`, `pence`).
    Name,
    /// An ambiguous form read as the user said with `--assume`.
    Assumed,
    /// An ambiguous form read by the country named nearby (`Canadian`).
    Context,
    /// An ambiguous form read by the `--locale` region's currency.
    Locale,
    /// An ambiguous form read as its documented default (`$` is USD).
    Default,
    /// An ambiguous form with no default (`kr`, `riyals`): no currency.
    Ambiguous,
}

impl Basis {
    /// The name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// let m = figures::extract("USD 24 billion").next().unwrap()?;
    /// assert_eq!(m.basis.as_str(), "code");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Basis::Symbol => "symbol",
            Basis::Code => "code",
            Basis::Name => "name",
            Basis::Assumed => "assumed",
            Basis::Context => "context",
            Basis::Locale => "locale",
            Basis::Default => "default",
            Basis::Ambiguous => "ambiguous",
        }
    }
}

/// Why a mention was seen but not read: it has no amount, `min` or `max`.
///
/// # Example
///
/// ```
/// use figures::Unread;
/// let m = figures::extract("a $7-zillion idea").next().unwrap()?;
/// assert_eq!(m.amount, None);
/// assert_eq!(m.unread, Some(Unread::Word("zillion".into())));
/// assert_eq!(m.unread.unwrap().to_string(), "unread word 'zillion' after the number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Unread {
    /// A scale word of a language not read here, joined to the number
    /// (`280 milionów`, `$7-zillion`).
    Word(String),
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::Word(w) => write!(f, "unread word '{w}' after the number"),
        }
    }
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
