//! The ECB euro reference rates: reading the published CSV, and cross rates
//! on a date with the documented fallback rules.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::currency::Currency;
use crate::error::{Error, ErrorKind, Location, Result, quoted};

static ECB: &str = include_str!("../data/eurofxref-hist.csv");

static EMBEDDED: LazyLock<RateTable> =
    LazyLock::new(|| RateTable::from_csv(ECB).unwrap_or_else(|_| RateTable::empty()));

/// A rate found in the table: units of the target currency per unit of the
/// source, and the business day it was published.
///
/// # Example
///
/// ```
/// use figures::{Currency, RateTable};
/// let table = RateTable::embedded();
/// let rate = table.rate("EUR".parse()?, "USD".parse()?, "2025-04-11".parse()?)?;
/// assert_eq!(rate.value.to_string(), "1.1346");
/// assert_eq!(rate.date.to_string(), "2025-04-11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Units of the target currency per unit of the source currency.
    pub value: Decimal,
    /// The day whose published rates were used.
    pub date: Date,
}

/// Why no rate can be given; its text goes in the `reason` column.
///
/// # Example
///
/// ```
/// use figures::NoRate;
/// let table = figures::RateTable::embedded();
/// let no = table.rate("UAH".parse()?, "EUR".parse()?, "2025-04-11".parse()?).unwrap_err();
/// assert_eq!(no, NoRate::UnknownCurrency { currency: "UAH".parse()? });
/// assert_eq!(no.to_string(), "no UAH rate in the ECB table");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NoRate {
    /// The table has no days at all.
    #[error("the rate table is empty")]
    EmptyTable,
    /// The date is before the table's first day.
    #[error("{date} is before the rate table starts ({first})")]
    BeforeTable {
        /// The date asked.
        date: Date,
        /// The table's first day.
        first: Date,
    },
    /// The date is more than [`RateTable::FALLBACK_DAYS`] days after the
    /// table's last day: the table is too old for it.
    #[error(
        "{date} is more than {} days after the rate table ends ({last})",
        RateTable::FALLBACK_DAYS
    )]
    AfterTable {
        /// The date asked.
        date: Date,
        /// The table's last day.
        last: Date,
    },
    /// The table has a hole of more than [`RateTable::FALLBACK_DAYS`] days
    /// before the date.
    #[error(
        "no published rate within {} days before {date}",
        RateTable::FALLBACK_DAYS
    )]
    NoRecentDay {
        /// The date asked.
        date: Date,
    },
    /// The table has no column for the currency.
    #[error("no {currency} rate in the ECB table")]
    UnknownCurrency {
        /// The currency asked.
        currency: Currency,
    },
    /// The currency's series starts after the date (INR before 2009).
    #[error("no {currency} rate before {date}: the ECB series starts later")]
    NotYet {
        /// The currency asked.
        currency: Currency,
        /// The business day used.
        date: Date,
    },
    /// The series stopped before the date (RUB after 2022-03-01).
    #[error("no {currency} rate after {last}: the ECB stopped publishing it")]
    Discontinued {
        /// The currency asked.
        currency: Currency,
        /// Its last published day.
        last: Date,
    },
    /// The series has a gap over the date (ISK 2008-12 to 2018-01).
    #[error("no {currency} rate on {date}: the ECB series has a gap from {from} to {to}")]
    Gap {
        /// The currency asked.
        currency: Currency,
        /// The business day used.
        date: Date,
        /// The last day before the gap.
        from: Date,
        /// The first day after it.
        to: Date,
    },
    /// The two rates are so far apart that their quotient does not fit a
    /// decimal (or rounds to zero).
    #[error("the {from} to {to} rate on {date} is outside what a decimal holds")]
    OutOfRange {
        /// The source currency.
        from: Currency,
        /// The target currency.
        to: Currency,
        /// The business day used.
        date: Date,
    },
}

/// What is wrong with a rates file ([`ErrorKind::BadRates`]); the error's
/// location has the line.
///
/// # Example
///
/// ```
/// use figures::{ErrorKind, RatesProblem};
/// let err = figures::RateTable::from_csv("Date,USD,\n2025-01-02,1,2,\n").unwrap_err();
/// let ErrorKind::BadRates(problem) = err.kind() else { panic!() };
/// assert_eq!(*problem, RatesProblem::FieldCount { values: 2, currencies: 1 });
/// assert_eq!(err.to_string(), "line 2: bad rates file: 2 values for 1 currencies");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RatesProblem {
    /// Nothing but blank lines.
    #[error("the file is empty")]
    Empty,
    /// The first line is not a header starting with `Date`.
    #[error("the header must start with `Date`")]
    NoDateHeader,
    /// A header field is not an ISO 4217 code in capitals (quoted in part).
    #[error("{text:?} is not an ISO 4217 code")]
    NotACode {
        /// The field as written.
        text: String,
    },
    /// A currency has two columns.
    #[error("{currency} appears twice")]
    RepeatedCurrency {
        /// The currency.
        currency: Currency,
    },
    /// A row has more or fewer values than the header has currencies.
    #[error("{values} values for {currencies} currencies")]
    FieldCount {
        /// Values in the row.
        values: usize,
        /// Currencies in the header.
        currencies: usize,
    },
    /// A row's first field is not a date (quoted in part).
    #[error("{text:?} is not a date (YYYY-MM-DD)")]
    NotADate {
        /// The field as written.
        text: String,
    },
    /// A value is not a positive decimal or `N/A` (quoted in part).
    #[error("{currency} value {text:?} is not a positive decimal")]
    NotARate {
        /// The column's currency.
        currency: Currency,
        /// The value as written.
        text: String,
    },
    /// A date has two rows; the error's line is the second.
    #[error("date {date} appears twice (first on line {first})")]
    RepeatedDate {
        /// The date.
        date: Date,
        /// The line of its first row.
        first: u64,
    },
    /// A line is not UTF-8 text.
    #[error("the line is not UTF-8")]
    NotUtf8,
    /// A line is longer than any the ECB writes.
    #[error("line longer than {limit} bytes")]
    LongLine {
        /// The longest line read, in bytes.
        limit: u64,
    },
}

/// An amount converted at a table's rate ([`RateTable::convert`]).
///
/// # Example
///
/// ```
/// use figures::{Currency, Decimal, RateTable};
/// let c = RateTable::embedded().convert(Decimal::from(21), Currency::EUR, "USD".parse()?, "2025-04-13".parse()?)?;
/// assert_eq!((c.amount.to_string(), c.rate.to_string()), ("23.83".into(), "1.1346".into()));
/// assert_eq!((c.rate_date.to_string(), c.source.to_string()), ("2025-04-11".into(), "ECB reference rate".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Conversion {
    /// The converted amount, rounded to the target currency's minor units
    /// (2 when it has none defined).
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serialize::decimal"))]
    pub amount: Decimal,
    /// Units of the target currency per unit of the source.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serialize::decimal"))]
    pub rate: Decimal,
    /// The business day whose rate was used.
    pub rate_date: Date,
    /// Where the rate comes from.
    pub source: RateSource,
}

/// Who published a table's rates.
///
/// # Example
///
/// ```
/// assert_eq!(figures::RateSource::Ecb.to_string(), "ECB reference rate");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RateSource {
    /// The European Central Bank's euro foreign exchange reference rates.
    Ecb,
}

impl std::fmt::Display for RateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RateSource::Ecb => f.write_str("ECB reference rate"),
        }
    }
}

/// Euro reference rates by day, as the ECB publishes them.
///
/// # Example
///
/// ```
/// use figures::RateTable;
/// let table = RateTable::from_csv("Date,USD,GBP,\n2025-04-11,1.1346,0.86678,\n")?;
/// assert_eq!(table.last_date().unwrap().to_string(), "2025-04-11");
/// let r = table.rate("USD".parse()?, "GBP".parse()?, "2025-04-13".parse()?)?;
/// assert_eq!(r.date.to_string(), "2025-04-11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct RateTable {
    /// Business days, ascending.
    dates: Vec<Date>,
    /// Per currency, its rate per euro on each day (`None` for `N/A`).
    columns: HashMap<Currency, Vec<Option<Decimal>>>,
}

impl RateTable {
    /// How many days back a date with no published rate (a weekend, a
    /// holiday) may borrow one.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::RateTable::FALLBACK_DAYS, 7);
    /// ```
    pub const FALLBACK_DAYS: i32 = 7;

    fn empty() -> RateTable {
        RateTable {
            dates: Vec::new(),
            columns: HashMap::new(),
        }
    }

    /// The table shipped in the binary (ECB, 1999-01-04 to 2026-10-30),
    /// parsed once on first use.
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::embedded();
    /// assert_eq!(table.first_date(), Some("1999-01-04".parse()?));
    /// assert_eq!(table.last_date(), Some("2026-10-30".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn embedded() -> &'static RateTable {
        &EMBEDDED
    }

    /// Reads an ECB `eurofxref-hist.csv` file.
    ///
    /// # Errors
    ///
    /// An I/O error, or a [`ErrorKind::BadRates`] naming the file and line.
    ///
    /// # Example
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("figures-rates-{}.csv", std::process::id()));
    /// std::fs::write(&path, "Date,USD,\n2025-04-11,1.1346,\n")?;
    /// let table = figures::RateTable::from_path(&path)?;
    /// std::fs::remove_file(&path)?;
    /// assert_eq!(table.last_date(), Some("2025-04-11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<RateTable> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::from(e).in_source(&name))?;
        RateTable::from_reader(file).map_err(|e| e.in_source(&name))
    }

    /// Reads the ECB CSV format from a reader.
    ///
    /// # Errors
    ///
    /// As [`RateTable::from_csv`], plus I/O errors.
    ///
    /// # Example
    ///
    /// ```
    /// let csv = "Date,USD,\n2025-04-11,1.1346,\n";
    /// let table = figures::RateTable::from_reader(csv.as_bytes())?;
    /// assert_eq!(table.first_date(), Some("2025-04-11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_reader(reader: impl Read) -> Result<RateTable> {
        RateTable::parse(reader)
    }

    /// Parses the ECB CSV format: a `Date` column then one column per
    /// currency (units per euro), `N/A` where nothing was published, and a
    /// trailing comma on every line.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BadRates`] with the 1-based line of the first problem:
    /// a header that is not `Date` and ISO codes, a bad date, a repeated
    /// date, a value that is not a positive decimal, or a row whose field
    /// count differs from the header's.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::RateTable;
    /// let table = RateTable::from_csv("Date,USD,RUB,\n2025-04-11,1.1346,N/A,\n")?;
    /// let day = "2025-04-11".parse()?;
    /// assert_eq!(table.rate(figures::Currency::EUR, "USD".parse()?, day)?.value.to_string(), "1.1346");
    /// assert!(table.rate(figures::Currency::EUR, "RUB".parse()?, day).is_err()); // N/A
    /// assert!(RateTable::from_csv("Date,USD,\n2025-04-11,-1,\n").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv(text: &str) -> Result<RateTable> {
        RateTable::parse(text.as_bytes())
    }

    /// Streams the ECB CSV format into columns: memory is the table's, not
    /// the file's text.
    fn parse(reader: impl Read) -> Result<RateTable> {
        let bad = |line: u64, problem: RatesProblem| {
            Error::new(ErrorKind::BadRates(problem), Location::line_only(line))
        };
        let mut lines = Lines {
            reader: std::io::BufReader::new(reader),
            pending: std::collections::VecDeque::new(),
            number: 0,
        };
        let mut fields = Fields::default();
        // One line at a time, so a line's number is exact whatever its end
        // (`\n`, `\r\n`, a lone `\r`); the ECB format has no quoted breaks.
        let mut read = |fields: &mut Fields| -> Result<Option<u64>> {
            while let Some((number, line)) = lines.next_line()? {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return match fields.read(&line) {
                    true => Ok(Some(number)),
                    false => Err(bad(number, RatesProblem::NotUtf8)),
                };
            }
            Ok(None)
        };
        if read(&mut fields)?.is_none() {
            return Err(bad(1, RatesProblem::Empty));
        }
        if fields.iter().next().map(str::trim) != Some("Date") {
            return Err(bad(1, RatesProblem::NoDateHeader));
        }
        let mut codes = Vec::new();
        for field in fields.iter().skip(1).map(str::trim) {
            if field.is_empty() {
                continue; // the ECB's trailing comma
            }
            match Currency::lookup(field).filter(|_| field.bytes().all(|b| b.is_ascii_uppercase()))
            {
                Some(c) if codes.contains(&c) => {
                    return Err(bad(1, RatesProblem::RepeatedCurrency { currency: c }));
                }
                Some(c) => codes.push(c),
                None => {
                    let text = quoted(field);
                    return Err(bad(1, RatesProblem::NotACode { text }));
                }
            }
        }
        // Rows in file order: their date and line; values by column.
        let mut rows: Vec<(Date, u64)> = Vec::new();
        let mut values: Vec<Vec<Option<Decimal>>> = vec![Vec::new(); codes.len()];
        while let Some(line) = read(&mut fields)? {
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let fields: Vec<&str> = fields.iter().map(str::trim).collect();
            let given = fields.get(1..).unwrap_or_default();
            let given = given.strip_suffix(&[""]).unwrap_or(given);
            if given.len() != codes.len() {
                let (values, currencies) = (given.len(), codes.len());
                return Err(bad(line, RatesProblem::FieldCount { values, currencies }));
            }
            let date: Date = fields[0].parse().map_err(|_| {
                let text = quoted(fields[0]);
                bad(line, RatesProblem::NotADate { text })
            })?;
            for ((value, code), column) in given.iter().zip(&codes).zip(&mut values) {
                column.push(match *value {
                    "N/A" | "" => None,
                    v => Some(
                        // Digits and one point only: from_str_exact also takes `1_1` and `1e3`.
                        Some(v)
                            .filter(|v| v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                            .and_then(|v| Decimal::from_str_exact(v).ok())
                            .filter(|d| d.is_sign_positive() && !d.is_zero())
                            .ok_or_else(|| {
                                let (currency, text) = (*code, quoted(v));
                                bad(line, RatesProblem::NotARate { currency, text })
                            })?,
                    ),
                });
            }
            rows.push((date, line));
        }
        // Dates ascending; a repeated date names both its lines.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| rows[i]);
        if let Some(w) = order.windows(2).find(|w| rows[w[0]].0 == rows[w[1]].0) {
            let ((date, first), (_, again)) = (rows[w[0]], rows[w[1]]);
            return Err(bad(again, RatesProblem::RepeatedDate { date, first }));
        }
        let dates = order.iter().map(|&i| rows[i].0).collect();
        let columns = codes
            .into_iter()
            .zip(values)
            .map(|(code, column)| (code, order.iter().map(|&i| column[i]).collect()))
            .collect();
        Ok(RateTable { dates, columns })
    }

    /// The first day in the table.
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::from_csv("Date,USD,\n2025-04-11,1.1346,\n2025-04-10,1.1082,\n")?;
    /// assert_eq!(table.first_date(), Some("2025-04-10".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn first_date(&self) -> Option<Date> {
        self.dates.first().copied()
    }

    /// The last day in the table: how current the rates are.
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::from_csv("Date,USD,\n2025-04-11,1.1346,\n2025-04-10,1.1082,\n")?;
    /// assert_eq!(table.last_date(), Some("2025-04-11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_date(&self) -> Option<Date> {
        self.dates.last().copied()
    }

    /// Units of `to` per unit of `from` on `date`, crossing through the euro.
    ///
    /// A day with no published rates (a weekend or holiday) uses the last
    /// earlier business day within 7 days, and [`Rate::date`] says which.
    ///
    /// # Errors
    ///
    /// [`NoRate`] with the reason: a currency the table lacks; a date before
    /// the table, more than 7 days after its last business day, or before a
    /// currency's first rate, after its last (RUB after 2022-03-01), or in a
    /// gap (ISK 2008-12 to 2018-01).
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::embedded();
    /// let r = table.rate("USD".parse()?, "EUR".parse()?, "2025-04-13".parse()?)?; // a Sunday
    /// assert_eq!((r.date.to_string(), r.value.round_dp(4).to_string()), ("2025-04-11".into(), "0.8814".into()));
    /// assert!(table.rate("RUB".parse()?, "EUR".parse()?, "2022-03-02".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(
        &self,
        from: Currency,
        to: Currency,
        date: Date,
    ) -> std::result::Result<Rate, NoRate> {
        let day = self.business_day(date)?;
        // Rates a file may hold can be too far apart for one Decimal.
        let value = self
            .per_euro(to, day)?
            .checked_div(self.per_euro(from, day)?)
            .filter(|v| !v.is_zero())
            .ok_or(NoRate::OutOfRange {
                from,
                to,
                date: self.dates[day],
            })?;
        Ok(Rate {
            value,
            date: self.dates[day],
        })
    }

    /// `amount` of `from` in `to` at the rate of `date` (as
    /// [`RateTable::rate`]), rounded to `to`'s minor units.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoRate`] when there is no rate, and
    /// [`ErrorKind::Overflow`] when the result does not fit a decimal.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Currency, Decimal, RateTable};
    /// let table = RateTable::embedded();
    /// let c = table.convert(Decimal::from(1000), "USD".parse()?, "JPY".parse()?, "2025-04-11".parse()?)?;
    /// assert_eq!(c.amount.to_string(), "142843"); // no minor units in yen
    /// assert!(table.convert(Decimal::ONE, "UAH".parse()?, Currency::EUR, "2025-04-11".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn convert(
        &self,
        amount: Decimal,
        from: Currency,
        to: Currency,
        date: Date,
    ) -> Result<Conversion> {
        let rate = self.rate(from, to, date)?;
        let converted = amount.checked_mul(rate.value).ok_or_else(|| {
            let text = format!("{} {from} in {to}", amount.normalize());
            Error::new(ErrorKind::Overflow { text }, Location::default())
        })?;
        Ok(Conversion {
            amount: converted
                .round_dp(to.minor_units().unwrap_or(2))
                .normalize(),
            rate: rate.value,
            rate_date: rate.date,
            source: RateSource::Ecb,
        })
    }

    /// The index of the business day whose rates apply on `date`: O(log n).
    fn business_day(&self, date: Date) -> std::result::Result<usize, NoRate> {
        let (Some(first), Some(last)) = (self.first_date(), self.last_date()) else {
            return Err(NoRate::EmptyTable);
        };
        let at = self.dates.partition_point(|d| *d <= date);
        if at == 0 {
            return Err(NoRate::BeforeTable { date, first });
        }
        let day = at - 1;
        let limit = self.dates[day]
            .checked_add(RateTable::FALLBACK_DAYS.days())
            .unwrap_or(Date::MAX);
        if date > limit {
            return Err(if day + 1 == self.dates.len() {
                NoRate::AfterTable { date, last }
            } else {
                NoRate::NoRecentDay { date }
            });
        }
        Ok(day)
    }

    fn per_euro(&self, currency: Currency, day: usize) -> std::result::Result<Decimal, NoRate> {
        if currency == Currency::EUR {
            return Ok(Decimal::ONE);
        }
        let Some(column) = self.columns.get(&currency) else {
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

/// The fields of one CSV line, read by one `csv_core` reader reused for
/// every line: building a reader per line cost more than the table's parse.
struct Fields {
    reader: csv_core::Reader,
    text: String,
    ends: Vec<usize>,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            // `Reader::default()` has no delimiter set: `new()` has the comma.
            reader: csv_core::Reader::new(),
            text: String::new(),
            ends: Vec::new(),
        }
    }
}

impl Fields {
    /// Reads `line` (no line end); false when it is not UTF-8.
    fn read(&mut self, line: &[u8]) -> bool {
        self.reader.reset();
        // A record's fields are never longer than its line.
        let mut out = vec![0; line.len()];
        self.ends.clear();
        self.ends.resize(line.len() + 1, 0);
        let (mut input, mut o, mut e) = (line, 0, 0);
        loop {
            let (result, nin, nout, nend) =
                self.reader
                    .read_record(input, &mut out[o..], &mut self.ends[e..]);
            (input, o, e) = (&input[nin..], o + nout, e + nend);
            // Input used up (an empty input then ends the record), or a
            // record: nothing else can happen with room for the whole line.
            if !matches!(result, csv_core::ReadRecordResult::InputEmpty) {
                break;
            }
        }
        self.ends.truncate(e);
        out.truncate(o);
        match String::from_utf8(out) {
            Ok(text) => {
                self.text = text;
                true
            }
            Err(_) => false,
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.text[start..end])
    }
}

/// No line of a rates file is longer: the ECB's are about 400 bytes.
const LONGEST_LINE: u64 = 1 << 20;

/// The lines of a reader, each with its 1-based number, ended by `\n`,
/// `\r\n` or a lone `\r`, without their ends.
struct Lines<R> {
    reader: std::io::BufReader<R>,
    /// Lines split off the last read at lone `\r`s, not yet handed out.
    pending: std::collections::VecDeque<Vec<u8>>,
    number: u64,
}

impl<R: Read> Lines<R> {
    fn next_line(&mut self) -> Result<Option<(u64, Vec<u8>)>> {
        if self.pending.is_empty() {
            let mut line = Vec::new();
            let mut capped = std::io::Read::take(&mut self.reader, LONGEST_LINE + 1);
            if std::io::BufRead::read_until(&mut capped, b'\n', &mut line)? == 0 {
                return Ok(None);
            }
            if line.len() as u64 > LONGEST_LINE && line.last() != Some(&b'\n') {
                let kind = ErrorKind::BadRates(RatesProblem::LongLine {
                    limit: LONGEST_LINE,
                });
                return Err(Error::new(kind, Location::line_only(self.number + 1)));
            }
            if line.last() == Some(&b'\n') {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            self.pending
                .extend(line.split(|&b| b == b'\r').map(<[u8]>::to_vec));
        }
        self.number += 1;
        Ok(self.pending.pop_front().map(|line| (self.number, line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn c(s: &str) -> Currency {
        s.parse().unwrap()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn embedded_anchors() {
        let t = RateTable::embedded();
        assert_eq!(t.first_date(), Some(d("1999-01-04")));
        assert_eq!(t.last_date(), Some(d("2026-10-30")));
        assert_eq!(
            t.rate(c("EUR"), c("USD"), d("2025-04-11")).unwrap().value,
            dec!(1.1346)
        );
        assert_eq!(
            t.rate(c("EUR"), c("USD"), d("2025-04-10")).unwrap().value,
            dec!(1.1082)
        );
        assert_eq!(
            t.rate(c("EUR"), c("EUR"), d("2025-04-10")).unwrap().value,
            dec!(1)
        );
    }

    #[test]
    fn cross_rates_go_through_the_euro() {
        let t = RateTable::embedded();
        let r = t.rate(c("USD"), c("GBP"), d("2025-04-11")).unwrap();
        assert_eq!(r.value, dec!(0.86678) / dec!(1.1346));
    }

    #[test]
    fn weekend_uses_friday_and_says_so() {
        let r = RateTable::embedded()
            .rate(c("EUR"), c("USD"), d("2025-04-13"))
            .unwrap();
        assert_eq!((r.date, r.value), (d("2025-04-11"), dec!(1.1346)));
    }

    #[test]
    fn no_rate_reasons() {
        let t = RateTable::embedded();
        let no =
            |from: &str, date: &str| t.rate(c(from), c("EUR"), d(date)).unwrap_err().to_string();
        assert!(no("UAH", "2025-04-11").contains("no UAH rate in the ECB table"));
        assert!(no("RUB", "2022-03-02").contains("after 2022-03-01"));
        assert!(no("ISK", "2012-06-01").contains("gap from 2008-12-09"));
        assert!(no("INR", "2005-06-01").contains("starts later"));
        assert!(no("USD", "1998-12-31").contains("before the rate table starts"));
        assert!(no("USD", "2026-11-09").contains("more than 7 days after"));
        assert!(
            t.rate(c("USD"), c("EUR"), d("2026-11-06")).is_ok(),
            "within 7 days of the end"
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let err = |text: &str| RateTable::from_csv(text).unwrap_err().to_string();
        assert_eq!(err(""), "line 1: bad rates file: the file is empty");
        assert!(err("Day,USD,\n").starts_with("line 1: "));
        assert!(err("Date,XYZ,\n").contains("\"XYZ\" is not an ISO 4217 code"));
        assert!(err("Date,USD,\n2025-01-02,1.1,\n2025-01-03,x,\n").starts_with("line 3: "));
        assert!(err("Date,USD,\n2025-01-02,1.1,2.2,\n").contains("2 values for 1 currencies"));
        assert!(err("Date,USD,\n2025-13-02,1.1,\n").contains("is not a date"));
        assert!(err("Date,USD,\n2025-01-02,-1,\n").contains("not a positive decimal"));
        assert!(
            err("Date,USD,\n2025-01-02,1,\n2025-01-02,1,\n").starts_with(
                "line 3: bad rates file: date 2025-01-02 appears twice (first on line 2)"
            )
        );
        assert!(err("Date,USD,USD,\n").contains("USD appears twice"));
        assert!(err("Date,USD,\n2025-01-02,1_1,\n").contains("not a positive decimal"));
        assert!(err("Date,USD,\n2025-01-02,1e3,\n").contains("not a positive decimal"));
    }

    #[test]
    fn bad_lines_are_named_whatever_the_line_ends() {
        let err = |text: &str| RateTable::from_csv(text).unwrap_err().location().line();
        assert_eq!(err("Date,USD,\n2025-01-02,1.1,\n2025-01-03,x,\n"), Some(3));
        assert_eq!(
            err("Date,USD,\r\n2025-01-02,1.1,\r\n2025-01-03,x,\r\n"),
            Some(3)
        );
        assert_eq!(err("Date,USD,\r2025-01-02,1.1,\r2025-01-03,x,\r"), Some(3));
        assert_eq!(err("Date,USD,\n\n\n2025-01-03,x,\n"), Some(4));
    }

    #[test]
    fn a_long_bad_value_is_quoted_in_part() {
        let long = "9".repeat(10_000) + "x";
        let msg = RateTable::from_csv(&format!("Date,USD,\n2025-01-02,{long},\n"))
            .unwrap_err()
            .to_string();
        assert!(msg.len() < 200 && msg.contains('…'), "{msg}");
    }

    #[test]
    fn rates_too_far_apart_are_no_rate_not_a_panic() {
        let tiny = format!("0.{}2", "0".repeat(27));
        let t = RateTable::from_csv(&format!("Date,USD,ISK,\n2025-01-02,{tiny},142,\n")).unwrap();
        let no = t.rate(c("USD"), c("ISK"), d("2025-01-02")).unwrap_err();
        assert!(
            no.to_string().contains("outside what a decimal holds"),
            "{no}"
        );
        // The other way the quotient underflows to zero: no rate either.
        assert!(t.rate(c("ISK"), c("USD"), d("2025-01-02")).is_err());
        assert!(t.rate(c("EUR"), c("USD"), d("2025-01-02")).is_ok());
    }

    #[test]
    fn accepts_without_trailing_comma() {
        let t = RateTable::from_csv("Date,USD\n2025-01-02,1.1\n").unwrap();
        assert_eq!(
            t.rate(c("EUR"), c("USD"), d("2025-01-02")).unwrap().value,
            dec!(1.1)
        );
    }
}
