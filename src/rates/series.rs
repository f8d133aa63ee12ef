//! One publisher's table: its days (or weeks, or months), its base
//! currency, and per currency the value on each; cross rates through the
//! base, one table and one day at a time.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::ToSpan;
use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Granularity, NoRate, Rate, RateSource, RateTable};
use crate::currency::Currency;

/// How a table writes its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quote {
    /// Units of the currency per unit of the base (ECB, HMRC, IMF).
    PerBase,
    /// Units of the base per unit of the currency (NBP: PLN per unit).
    OfBase,
}

/// A table of one source: the ECB's, a `--rates` file's, or one of the
/// embedded tables beyond the ECB.
#[derive(Clone, Debug)]
pub(super) struct Series {
    pub(super) source: RateSource,
    pub(super) granularity: Granularity,
    pub(super) base: Currency,
    pub(super) quote: Quote,
    /// Days ascending: business days, table days, or first days of months.
    pub(super) dates: Vec<Date>,
    /// Per currency, its value on each date (`None`: not published).
    pub(super) columns: HashMap<Currency, Column>,
}

/// A currency's value on each date of its table, decoded from the compact
/// form only when first asked: a run reads the columns it needs.
#[derive(Clone, Debug)]
pub(super) struct Column {
    values: OnceLock<Vec<Option<Decimal>>>,
    /// The compact form's bytes of the column, its scale and its length.
    encoded: Option<(Box<[u8]>, u32, usize)>,
}

impl Column {
    /// A column still in the compact form (see [`super::compact`]).
    pub(super) fn encoded(bytes: &[u8], scale: u32, len: usize) -> Column {
        Column {
            values: OnceLock::new(),
            encoded: Some((bytes.into(), scale, len)),
        }
    }

    /// The values, one per date of the table. A column that does not
    /// decode (never an embedded one: a test decodes them all) has none.
    pub(super) fn values(&self) -> &[Option<Decimal>] {
        self.values.get_or_init(|| match &self.encoded {
            Some((bytes, scale, len)) => {
                super::compact::column(bytes, *scale, *len).unwrap_or_else(|| vec![None; *len])
            }
            None => Vec::new(),
        })
    }
}

impl From<Vec<Option<Decimal>>> for Column {
    fn from(values: Vec<Option<Decimal>>) -> Column {
        Column {
            values: OnceLock::from(values),
            encoded: None,
        }
    }
}

impl Series {
    pub(super) fn empty(source: RateSource, granularity: Granularity, base: Currency) -> Series {
        Series {
            source,
            granularity,
            base,
            quote: Quote::PerBase,
            dates: Vec::new(),
            columns: HashMap::new(),
        }
    }

    /// True when the table has the currency at all (the base included).
    pub(super) fn has(&self, currency: Currency) -> bool {
        currency == self.base || self.columns.contains_key(&currency)
    }

    /// Units of `to` per unit of `from` on `date`, from this table alone.
    pub(super) fn rate(
        &self,
        from: Currency,
        to: Currency,
        date: Date,
    ) -> std::result::Result<Rate, NoRate> {
        let at = self.period(date)?;
        let used = self.dates[at];
        let (to_value, from_value) = (self.value(to, at)?, self.value(from, at)?);
        // Rates a file may hold can be too far apart for one Decimal.
        let value = match self.quote {
            Quote::PerBase => to_value.checked_div(from_value),
            Quote::OfBase => from_value.checked_div(to_value),
        };
        let value = value.filter(|v| !v.is_zero()).ok_or(NoRate::OutOfRange {
            from,
            to,
            date: used,
        })?;
        Ok(Rate {
            value,
            date: used,
            source: self.source,
            granularity: self.granularity,
        })
    }

    /// The index of the date whose rates apply on `date`: the last one on
    /// or before it within [`RateTable::FALLBACK_DAYS`] for a daily or
    /// weekly table (a weekly table's day holds for the week after it), its
    /// month's for a monthly one. O(log n).
    fn period(&self, date: Date) -> std::result::Result<usize, NoRate> {
        let (Some(&first), Some(&last)) = (self.dates.first(), self.dates.last()) else {
            return Err(NoRate::EmptyTable);
        };
        let wanted = match self.granularity {
            Granularity::Monthly => date.first_of_month(),
            Granularity::Daily | Granularity::Weekly => date,
        };
        let at = self.dates.partition_point(|d| *d <= wanted);
        if at == 0 {
            return Err(NoRate::BeforeTable { date, first });
        }
        let day = at - 1;
        let fits = match self.granularity {
            Granularity::Monthly => self.dates[day] == wanted,
            Granularity::Daily | Granularity::Weekly => {
                let limit = self.dates[day]
                    .checked_add(RateTable::FALLBACK_DAYS.days())
                    .unwrap_or(Date::MAX);
                date <= limit
            }
        };
        if fits {
            Ok(day)
        } else if day + 1 == self.dates.len() {
            Err(NoRate::AfterTable { date, last })
        } else {
            Err(NoRate::NoRecentDay { date })
        }
    }

    /// The currency's value on the `day`th date; the base's is 1.
    fn value(&self, currency: Currency, day: usize) -> std::result::Result<Decimal, NoRate> {
        if currency == self.base {
            return Ok(Decimal::ONE);
        }
        let Some(column) = self.columns.get(&currency).map(Column::values) else {
            return Err(NoRate::UnknownCurrency { currency });
        };
        if let Some(v) = column[day] {
            return Ok(v);
        }
        let date = self.dates[day];
        let before = column[..day].iter().rposition(Option::is_some);
        let after = column[day + 1..].iter().position(Option::is_some);
        Err(match (before, after) {
            (None, _) => NoRate::NotYet { currency, date },
            (Some(b), None) => NoRate::Discontinued {
                currency,
                last: self.dates[b],
            },
            (Some(b), Some(a)) => NoRate::Gap {
                currency,
                date,
                from: self.dates[b],
                to: self.dates[day + 1 + a],
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rates::testing::{c, d};
    use rust_decimal_macros::dec;

    /// A PLN-based table of two days, written as NBP writes it.
    fn nbp(granularity: Granularity) -> Series {
        let mut s = Series::empty(RateSource::NbpA, granularity, c("PLN"));
        s.quote = Quote::OfBase;
        s.dates = vec![d("2025-04-09"), d("2025-04-16")];
        s.columns
            .insert(c("USD"), vec![Some(dec!(3.8828)), None].into());
        s.columns
            .insert(c("NGN"), vec![Some(dec!(0.002499)), None].into());
        s
    }

    #[test]
    fn base_per_unit_crosses_divide_the_other_way() {
        let r = nbp(Granularity::Weekly)
            .rate(c("USD"), c("NGN"), d("2025-04-11"))
            .unwrap();
        assert_eq!(r.value, dec!(3.8828) / dec!(0.002499));
        assert_eq!(r.value.round_dp(2), dec!(1553.74));
        let r = nbp(Granularity::Weekly)
            .rate(c("PLN"), c("USD"), d("2025-04-09"))
            .unwrap();
        assert_eq!(r.value, dec!(1) / dec!(3.8828));
        assert_eq!(
            (r.source, r.granularity),
            (RateSource::NbpA, Granularity::Weekly)
        );
    }

    #[test]
    fn a_weekly_day_holds_for_seven_days_then_the_next_one_is_asked() {
        let s = nbp(Granularity::Weekly);
        assert!(s.rate(c("USD"), c("NGN"), d("2025-04-15")).is_ok());
        // 2025-04-16 is the next table's day, which has no NGN.
        assert!(matches!(
            s.rate(c("USD"), c("NGN"), d("2025-04-16")),
            Err(NoRate::Discontinued { .. })
        ));
        assert!(matches!(
            s.rate(c("USD"), c("NGN"), d("2025-04-24")),
            Err(NoRate::AfterTable { .. })
        ));
    }

    #[test]
    fn a_monthly_value_holds_for_its_month_only() {
        let mut s = Series::empty(RateSource::Hmrc, Granularity::Monthly, c("GBP"));
        s.dates = vec![d("2025-03-01"), d("2025-05-01")];
        s.columns
            .insert(c("USD"), vec![Some(dec!(1.29)), Some(dec!(1.33))].into());
        let r = s.rate(c("GBP"), c("USD"), d("2025-03-31")).unwrap();
        assert_eq!((r.value, r.date), (dec!(1.29), d("2025-03-01")));
        assert!(matches!(
            s.rate(c("GBP"), c("USD"), d("2025-04-01")),
            Err(NoRate::NoRecentDay { .. })
        ));
        assert!(matches!(
            s.rate(c("GBP"), c("USD"), d("2025-06-01")),
            Err(NoRate::AfterTable { .. })
        ));
        assert!(matches!(
            s.rate(c("GBP"), c("USD"), d("2025-02-28")),
            Err(NoRate::BeforeTable { .. })
        ));
    }
}
