//! `figures` for Python: the root crate's findings as Python objects and as
//! Arrow tables.
//!
//! Nothing is read here: every value is a view of the library's typed
//! results ([`figures::Row`], [`figures::AuditRow`],
//! [`figures::Conversion`]), so Python and the command line agree by
//! construction.

#![deny(missing_docs)]

use figures::{AuditRow, Mention, RateTable, Report, Row};
use pyo3::prelude::*;

mod arrow;
mod errors;
mod options;
mod views;

use errors::{Error, FiguresWarning};
use views::{Chars, Conversion, Finding, Pair};

/// The findings of `text`, and its problems (warned, in order), with the
/// GIL released while the library reads.
fn findings_of(
    py: Python<'_>,
    report: &Report,
    text: &str,
    date: Option<figures::Date>,
) -> PyResult<Vec<figures::Finding>> {
    let items: Vec<figures::Result<figures::Finding>> = py.detach(|| {
        let found = report.findings_in(text);
        match date {
            Some(d) => found.dated(d).collect(),
            None => found.collect(),
        }
    });
    let mut findings = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Ok(f) => findings.push(f),
            Err(e) => errors::Problem::of(&e, Some(text)).warn(py)?,
        }
    }
    Ok(findings)
}

/// Every amount of money in ``text``, in order: a list of :class:`Finding`.
///
/// ``date`` (a ``datetime.date`` or ``YYYY-MM-DD``) is the text's own day,
/// at whose rates its stated conversions are audited; without it, a date
/// written in the text (a dateline, ``Published ...``) is used, else they
/// are not audited. ``lang`` reads the text in one language (en, de, fr,
/// es, it, nl, pt) instead of the one detected; ``assume`` maps ambiguous
/// written forms to currencies (``{"$": "CAD"}``); ``to`` gives every
/// amount in that currency too (the ``converted_*`` attributes). Problems
/// in the text are warned of (:class:`FiguresWarning`) and reading goes
/// on; bad arguments raise :class:`Error`.
///
/// >>> import figures
/// >>> text = "Aid passed €21 billion ($24 billion) on Friday."
/// >>> [(f.text, f.amount, f.currency) for f in figures.extract(text)]
/// [('€21 billion', Decimal('21000000000'), 'EUR'), ('$24 billion', Decimal('24000000000'), 'USD')]
/// >>> f = figures.extract(text, date="2025-04-11")[1]
/// >>> f.role, f.verdict, f.reference_rate, f.rate_date, text[f.start:f.end]
/// ('conversion', 'consistent', Decimal('1.1346'), datetime.date(2025, 4, 11), '$24 billion')
#[pyfunction]
#[pyo3(signature = (text, *, date=None, lang=None, assume=None, to=None))]
fn extract(
    py: Python<'_>,
    text: &str,
    date: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
    assume: Option<&Bound<'_, PyAny>>,
    to: Option<&str>,
) -> PyResult<Vec<Finding>> {
    let report = options::report(py, lang, assume, to)?;
    let date = options::date(date)?;
    let mut chars = Chars::new(text);
    Ok(findings_of(py, &report, text, date)?
        .iter()
        .map(|f| Finding::new(&Row::new("-", f), f, &mut chars, None))
        .collect())
}

/// The stated conversions of ``text``, each with its figure and audit: a
/// list of :class:`Pair`. The arguments are :func:`extract`'s.
///
/// >>> import figures
/// >>> [(p.conversion_text, p.stated_rate, p.verdict) for p in figures.audit("€21bn ($24bn)", date="2022-09-27")]
/// [('$24bn', Decimal('1.14286'), 'inconsistent')]
#[pyfunction]
#[pyo3(signature = (text, *, date=None, lang=None, assume=None))]
fn audit(
    py: Python<'_>,
    text: &str,
    date: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
    assume: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Pair>> {
    let report = options::report(py, lang, assume, None)?;
    let date = options::date(date)?;
    Ok(findings_of(py, &report, text, date)?
        .iter()
        .filter_map(|f| Some(Pair::new(&AuditRow::new("-", f)?, f)))
        .collect())
}

/// One amount, as written, converted to ``to`` at the reference rate of
/// ``date`` (the embedded table's last day when ``None``): a
/// :class:`Conversion`, as ``figures convert`` gives it.
///
/// Raises :class:`Error` for a text that is not exactly one amount, or
/// that has no currency or is a range (``kind`` says which), and when no
/// rate is to be had.
///
/// >>> import figures
/// >>> c = figures.convert("€21 billion", to="USD", date="2025-04-11")
/// >>> c.amount, c.rate, c.rate_source
/// (Decimal('23826600000'), Decimal('1.1346'), 'ecb')
#[pyfunction]
#[pyo3(signature = (amount, *, to, date=None))]
fn convert(amount: &str, to: &str, date: Option<&Bound<'_, PyAny>>) -> PyResult<Conversion> {
    let err = |e: figures::Error| errors::to_py(&e, Some(amount));
    let to: figures::Currency = to.trim().parse().map_err(|e| errors::to_py(&e, None))?;
    let mention: Mention = amount.parse().map_err(err)?;
    let (Some(value), Some(from)) = (mention.amount, mention.currency) else {
        let message = format!("{amount:?} names no single amount and currency");
        return Err(errors::Problem::unplaced("no_single_amount", message).raised());
    };
    let table = RateTable::embedded();
    let date = match options::date(date)? {
        Some(d) => d,
        None => table
            .last_date()
            .ok_or_else(|| err(figures::NoRate::EmptyTable.into()))?,
    };
    let c = table.convert(value, from, to, date).map_err(err)?;
    Ok(Conversion::new(&c, value, from, to))
}

/// The extension module, re-exported by the `figures` package.
#[pymodule]
fn _figures(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(audit, m)?)?;
    m.add_function(wrap_pyfunction!(convert, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::extract_stream, m)?)?;
    m.add_class::<Finding>()?;
    m.add_class::<Pair>()?;
    m.add_class::<Conversion>()?;
    m.add_class::<arrow::Stream>()?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("FiguresWarning", py.get_type::<FiguresWarning>())?;
    m.add("COLUMNS", arrow::columns())?;
    m.add("PAIR_COLUMNS", views::PAIR_COLUMNS)?;
    m.add("SPARK_DDL", arrow::spark_ddl())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
