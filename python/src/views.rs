//! The Python classes: a finding, a pair and a conversion, each a view of
//! the library's row or value, with decimals as `decimal.Decimal` and days
//! as `datetime.date`.

use figures::{AuditRow, Currency, Date, Decimal, Row};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// A decimal as the rows write it (no exponent, no trailing zeros), given
/// to Python as a `decimal.Decimal` of exactly that text.
#[derive(Clone, Debug)]
pub(crate) struct Dec(String);

impl<'py> IntoPyObject<'py> for &Dec {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        DECIMAL.import(py, "decimal", "Decimal")?.call1((&self.0,))
    }
}

fn dec(cell: &Option<String>) -> Option<Dec> {
    cell.clone().map(Dec)
}

/// A day, given to Python as a `datetime.date`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Day(pub(crate) Date);

impl<'py> IntoPyObject<'py> for &Day {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let d = self.0;
        DATE.import(py, "datetime", "date")?
            .call1((d.year(), d.month(), d.day()))
    }
}

/// The day of the reference rate of a finding's audit.
pub(crate) fn rate_date(f: &figures::Finding) -> Option<Date> {
    f.audit.as_ref().and_then(|a| a.rate_date)
}

/// The day of the rate a finding was converted at (`to=`).
pub(crate) fn conversion_rate_date(f: &figures::Finding) -> Option<Date> {
    match &f.converted {
        Some(Ok(c)) => Some(c.rate_date),
        _ => None,
    }
}

/// Code point indices of UTF-8 offsets into one text, which Python slices
/// by; offsets asked in order cost one pass over the text in all.
pub(crate) struct Chars<'t> {
    bytes: &'t [u8],
    ascii: bool,
    /// The last offset asked and its index.
    at: (usize, usize),
}

impl<'t> Chars<'t> {
    pub(crate) fn new(text: &'t str) -> Chars<'t> {
        Chars {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            at: (0, 0),
        }
    }

    /// The index of the code point at byte `byte` (the text's length past
    /// its end).
    pub(crate) fn index(&mut self, byte: u64) -> usize {
        let byte = usize::try_from(byte).map_or(self.bytes.len(), |b| b.min(self.bytes.len()));
        if self.ascii {
            return byte;
        }
        if byte < self.at.0 {
            self.at = (0, 0);
        }
        let (from, index) = self.at;
        // A code point starts at every byte that is not a continuation byte.
        let starts = self.bytes[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        self.at = (byte, index + starts);
        self.at.1
    }
}

/// One amount of money found in a text.
///
/// The attributes are the columns of ``figures extract`` (``figures.COLUMNS``),
/// ``None`` where a cell is empty: decimals are ``decimal.Decimal``, days
/// ``datetime.date``. ``start`` and ``end`` index the Python string
/// (``text[f.start:f.end] == f.text``); ``byte_start`` and ``byte_end`` are
/// the UTF-8 offsets the command line writes as ``start`` and ``end``.
///
/// >>> import figures
/// >>> f = figures.extract("It cost Rs 500 crore.")[0]
/// >>> f.text, f.amount, f.currency, f.currency_basis
/// ('Rs 500 crore', Decimal('5000000000'), 'INR', 'default')
#[pyclass(frozen, get_all, module = "figures")]
pub(crate) struct Finding {
    /// The article's id (``extract_arrow``), ``None`` from ``extract``.
    article: Option<String>,
    line: u64,
    start: usize,
    end: usize,
    byte_start: u64,
    byte_end: u64,
    text: String,
    amount: Option<Dec>,
    min: Option<Dec>,
    max: Option<Dec>,
    currency: Option<String>,
    qualifier: Option<&'static str>,
    role: &'static str,
    pair: Option<u64>,
    stated_rate: Option<Dec>,
    reference_rate: Option<Dec>,
    rate_date: Option<Day>,
    deviation_pct: Option<Dec>,
    verdict: Option<&'static str>,
    currency_raw: Option<String>,
    currency_basis: &'static str,
    reason: Option<String>,
    currency_evidence: Option<String>,
    lang: &'static str,
    date_basis: Option<&'static str>,
    rate_source: Option<&'static str>,
    rate_granularity: Option<&'static str>,
    writer_rate: Option<Dec>,
    converted_amount: Option<Dec>,
    converted_min: Option<Dec>,
    converted_max: Option<Dec>,
    converted_currency: Option<String>,
    conversion_rate: Option<Dec>,
    conversion_rate_date: Option<Day>,
    conversion_rate_source: Option<&'static str>,
}

impl Finding {
    /// The view of `f` and its `row`; `chars` indexes the text it is in.
    pub(crate) fn new(
        row: &Row,
        f: &figures::Finding,
        chars: &mut Chars<'_>,
        article: Option<String>,
    ) -> Finding {
        Finding {
            article,
            line: row.line,
            start: chars.index(row.start),
            end: chars.index(row.end),
            byte_start: row.start,
            byte_end: row.end,
            text: row.text.clone(),
            amount: dec(&row.amount),
            min: dec(&row.min),
            max: dec(&row.max),
            currency: row.currency.clone(),
            qualifier: row.qualifier,
            role: row.role,
            pair: row.pair,
            stated_rate: dec(&row.stated_rate),
            reference_rate: dec(&row.reference_rate),
            rate_date: rate_date(f).map(Day),
            deviation_pct: dec(&row.deviation_pct),
            verdict: row.verdict,
            currency_raw: row.currency_raw.clone(),
            currency_basis: row.currency_basis,
            reason: row.reason.clone(),
            currency_evidence: row.currency_evidence.clone(),
            lang: row.lang,
            date_basis: row.date_basis,
            rate_source: row.rate_source,
            rate_granularity: row.rate_granularity,
            writer_rate: dec(&row.writer_rate),
            converted_amount: dec(&row.converted_amount),
            converted_min: dec(&row.converted_min),
            converted_max: dec(&row.converted_max),
            converted_currency: row.converted_currency.clone(),
            conversion_rate: dec(&row.conversion_rate),
            conversion_rate_date: conversion_rate_date(f).map(Day),
            conversion_rate_source: row.conversion_rate_source,
        }
    }
}

#[pymethods]
impl Finding {
    fn __repr__(&self) -> String {
        let value = self
            .amount
            .as_ref()
            .or(self.min.as_ref())
            .or(self.max.as_ref())
            .map_or("?", |d| d.0.as_str());
        format!(
            "<Finding {:?} {value} {} {}>",
            self.text,
            self.currency.as_deref().unwrap_or("?"),
            self.role
        )
    }
}

/// The names of a [`Pair`]'s attributes: `figures audit`'s columns but
/// `source`.
pub(crate) const PAIR_COLUMNS: &[&str] = AuditRow::COLUMNS.split_at(1).1;

/// A stated conversion and the figure it converts, audited.
///
/// The attributes are the columns of ``figures audit`` (``figures.PAIR_COLUMNS``).
///
/// >>> import figures
/// >>> p = figures.audit("€21 billion ($24 billion)", date="2025-04-11")[0]
/// >>> p.figure_text, p.conversion_text, p.verdict, p.deviation_pct
/// ('€21 billion', '$24 billion', 'consistent', Decimal('0.73'))
#[pyclass(frozen, get_all, module = "figures")]
pub(crate) struct Pair {
    pair: u64,
    line: u64,
    figure_text: String,
    figure_amount: Option<Dec>,
    figure_currency: Option<String>,
    conversion_text: String,
    conversion_amount: Option<Dec>,
    conversion_currency: Option<String>,
    stated_rate: Option<Dec>,
    reference_rate: Option<Dec>,
    rate_date: Option<Day>,
    deviation_pct: Option<Dec>,
    verdict: &'static str,
    reason: Option<String>,
    date_basis: Option<&'static str>,
    rate_source: Option<&'static str>,
    rate_granularity: Option<&'static str>,
    figure_currency_basis: &'static str,
    conversion_currency_basis: &'static str,
    writer_rate: Option<Dec>,
}

impl Pair {
    /// The view of the conversion `f` and its `row`.
    pub(crate) fn new(row: &AuditRow, f: &figures::Finding) -> Pair {
        Pair {
            pair: row.pair,
            line: row.line,
            figure_text: row.figure_text.clone(),
            figure_amount: dec(&row.figure_amount),
            figure_currency: row.figure_currency.clone(),
            conversion_text: row.conversion_text.clone(),
            conversion_amount: dec(&row.conversion_amount),
            conversion_currency: row.conversion_currency.clone(),
            stated_rate: dec(&row.stated_rate),
            reference_rate: dec(&row.reference_rate),
            rate_date: rate_date(f).map(Day),
            deviation_pct: dec(&row.deviation_pct),
            verdict: row.verdict,
            reason: row.reason.clone(),
            date_basis: row.date_basis,
            rate_source: row.rate_source,
            rate_granularity: row.rate_granularity,
            figure_currency_basis: row.figure_currency_basis,
            conversion_currency_basis: row.conversion_currency_basis,
            writer_rate: dec(&row.writer_rate),
        }
    }
}

#[pymethods]
impl Pair {
    fn __repr__(&self) -> String {
        format!(
            "<Pair {} {:?} -> {:?} {}>",
            self.pair, self.figure_text, self.conversion_text, self.verdict
        )
    }
}

/// An amount converted at a reference rate: what ``figures convert
/// --format jsonl`` writes.
///
/// >>> import figures
/// >>> c = figures.convert("€21 billion", to="USD", date="2025-04-11")
/// >>> c.amount, c.currency, c.rate, c.rate_date, c.rate_source
/// (Decimal('23826600000'), 'USD', Decimal('1.1346'), datetime.date(2025, 4, 11), 'ecb')
#[pyclass(frozen, get_all, module = "figures")]
pub(crate) struct Conversion {
    /// The converted amount, rounded to the currency's minor units.
    amount: Dec,
    /// The ISO 4217 code converted to.
    currency: String,
    /// The amount as read.
    from_amount: Dec,
    /// Its currency.
    from_currency: String,
    /// Units of ``currency`` per unit of ``from_currency``.
    rate: Dec,
    /// The day (or first of the week or month) of the rate.
    rate_date: Day,
    /// Who published it: ecb, nbp-a, nbp-b, hmrc, imf.
    rate_source: &'static str,
    /// How often: daily, weekly, monthly.
    rate_granularity: &'static str,
}

impl Conversion {
    /// The view of `c`, the conversion of `value` in `from` to `to`.
    pub(crate) fn new(
        c: &figures::Conversion,
        value: Decimal,
        from: Currency,
        to: Currency,
    ) -> Conversion {
        // The CLI's `convert --format jsonl` cells.
        Conversion {
            amount: Dec(c.amount.to_string()),
            currency: to.to_string(),
            from_amount: Dec(value.normalize().to_string()),
            from_currency: from.to_string(),
            rate: Dec(c.rate.normalize().to_string()),
            rate_date: Day(c.rate_date),
            rate_source: c.source.as_str(),
            rate_granularity: c.granularity.as_str(),
        }
    }
}

#[pymethods]
impl Conversion {
    fn __repr__(&self) -> String {
        format!(
            "<Conversion {} {} = {} {}>",
            self.from_amount.0, self.from_currency, self.amount.0, self.currency
        )
    }
}
