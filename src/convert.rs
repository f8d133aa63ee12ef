//! Every amount in one currency: a finding's amount, `min` and `max` at its
//! text's date, each exact and rounded half to even to the target's minor
//! units.

use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::currency::Currency;
use crate::extract::Mention;
use crate::rates::{NoRate, RateSource, RateTable, in_minor_units};

/// A mention's values in the currency asked for ([`Report::to`](crate::Report::to)).
///
/// # Example
///
/// ```
/// use figures::{Currency, Report};
/// let report = Report::new().date("2025-04-11".parse()?).to(Currency::EUR);
/// let found = report.findings_in("between $20 and $25 billion").next().unwrap()?;
/// let c = found.converted.unwrap()?;
/// assert_eq!((c.amount, c.min, c.max), (None, Some("17627357659.09".parse()?), Some("22034197073.86".parse()?)));
/// assert_eq!((c.currency, c.rate.round_dp(6).to_string().as_str()), (Currency::EUR, "0.881368"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Converted {
    /// The amount in `currency`; `None` for a range.
    pub amount: Option<Decimal>,
    /// `min` in `currency`.
    pub min: Option<Decimal>,
    /// `max` in `currency`.
    pub max: Option<Decimal>,
    /// The currency converted to.
    pub currency: Currency,
    /// Units of `currency` per unit of the mention's.
    pub rate: Decimal,
    /// The day (or first of the week or month) of the rate.
    pub rate_date: Date,
    /// Who published the rate.
    pub source: RateSource,
}

/// Why a mention was not converted.
///
/// # Example
///
/// ```
/// assert_eq!(figures::NotConverted::NoDate.to_string(), "not converted: no date for this text");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotConverted {
    /// No date was given or found for the text.
    NoDate,
    /// The mention names no single currency.
    NoCurrency,
    /// It was not read whole (see its reason).
    Unread,
    /// No table has the rate.
    NoRate(NoRate),
    /// The result does not fit a decimal.
    Overflow,
}

impl fmt::Display for NotConverted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not converted: ")?;
        match self {
            NotConverted::NoDate => f.write_str("no date for this text"),
            NotConverted::NoCurrency => f.write_str("no single currency"),
            NotConverted::Unread => f.write_str("the amount is unread"),
            NotConverted::NoRate(no) => no.fmt(f),
            NotConverted::Overflow => f.write_str("too large for a decimal"),
        }
    }
}

impl std::error::Error for NotConverted {}

/// `m`'s values in `to` at the rates of `date`.
pub(crate) fn convert(
    m: &Mention,
    to: Currency,
    table: &RateTable,
    date: Option<Date>,
) -> Result<Converted, NotConverted> {
    if m.unread.is_some() {
        return Err(NotConverted::Unread);
    }
    let from = m.currency.ok_or(NotConverted::NoCurrency)?;
    let date = date.ok_or(NotConverted::NoDate)?;
    let rate = table.rate(from, to, date).map_err(NotConverted::NoRate)?;
    let at = |v: Option<Decimal>| -> Result<Option<Decimal>, NotConverted> {
        v.map(|v| in_minor_units(v, rate.value, to).ok_or(NotConverted::Overflow))
            .transpose()
    };
    Ok(Converted {
        amount: at(m.amount)?,
        min: at(m.min)?,
        max: at(m.max)?,
        currency: to,
        rate: rate.value,
        rate_date: rate.date,
        source: rate.source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn one(text: &str) -> Mention {
        text.parse().unwrap()
    }

    #[test]
    fn exact_and_rounded_half_to_even() {
        let table = RateTable::from_csv("Date,USD,JPY,\n2025-04-11,1.25,160,\n").unwrap();
        let day = Some("2025-04-11".parse().unwrap());
        // 0.01 USD = 0.008 EUR: half to even at 2 places is 0.01.
        let c = convert(&one("$0.01"), Currency::EUR, &table, day).unwrap();
        assert_eq!((c.amount, c.rate), (Some(dec!(0.01)), dec!(0.8)));
        // 1.25 USD = 1 EUR exactly; 0.03125 EUR rounds to 0.03 (even).
        assert_eq!(
            convert(&one("$0.0390625"), Currency::EUR, &table, day)
                .unwrap()
                .amount,
            Some(dec!(0.03))
        );
        // Yen have no minor units.
        let c = convert(&one("$1"), "JPY".parse().unwrap(), &table, day).unwrap();
        assert_eq!(c.amount, Some(dec!(128)));
    }

    #[test]
    fn reasons() {
        let table = RateTable::embedded();
        let day = Some("2025-04-11".parse().unwrap());
        assert_eq!(
            convert(&one("$5"), Currency::EUR, table, None),
            Err(NotConverted::NoDate)
        );
        assert_eq!(
            convert(&one("5 kr"), Currency::EUR, table, day),
            Err(NotConverted::NoCurrency)
        );
        assert!(matches!(
            convert(
                &one("₽5"),
                Currency::EUR,
                table,
                Some("1990-01-01".parse().unwrap())
            ),
            Err(NotConverted::NoRate(_))
        ));
    }
}
