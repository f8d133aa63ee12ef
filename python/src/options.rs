//! Python arguments to the library's builders, refused as the CLI refuses
//! its flags.

use figures::{Currency, Date, Extractor, Report};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::errors;

/// The report of `lang=`, `assume=` and `to=`.
pub(crate) fn report(
    py: Python<'_>,
    lang: Option<&str>,
    assume: Option<&Bound<'_, PyAny>>,
    to: Option<&str>,
) -> PyResult<Report> {
    let mut extractor = Extractor::new();
    if let Some(code) = lang {
        extractor = extractor.lang(code.parse().map_err(|e| errors::to_py(&e, None))?);
    }
    if let Some(forms) = assume {
        for item in forms.call_method0(pyo3::intern!(py, "items"))?.try_iter()? {
            let (form, code): (String, String) = item?.extract()?;
            let form = form.trim();
            // An empty form would stand for nothing the text can hold.
            if form.is_empty() {
                return Err(PyValueError::new_err(format!(
                    "assume={{{form:?}: {code:?}}} names no written form, e.g. {{\"$\": \"CAD\"}}"
                )));
            }
            extractor = extractor.assume(form, currency(&code)?);
        }
    }
    let mut report = Report::new().extractor(extractor);
    if let Some(code) = to {
        report = report.to(currency(code)?);
    }
    Ok(report)
}

/// An ISO 4217 code, as the CLI reads `--to`.
pub(crate) fn currency(code: &str) -> PyResult<Currency> {
    code.trim().parse().map_err(|e| errors::to_py(&e, None))
}

/// A `date=`: `None`, a `YYYY-MM-DD` string or a `datetime.date`.
pub(crate) fn date(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(text) = value.extract::<String>() {
        return day(&text).map(Some);
    }
    if value.is_instance(DATE.import(value.py(), "datetime", "date")?)? {
        let part = |name: &str| value.getattr(name)?.extract::<i16>();
        let (y, m, d) = (part("year")?, part("month")?, part("day")?);
        // A Python date's parts are always in range; jiff's are wider.
        let day =
            Date::new(y, m as i8, d as i8).map_err(|e| PyValueError::new_err(e.to_string()))?;
        return Ok(Some(day));
    }
    Err(PyTypeError::new_err(format!(
        "date= takes a 'YYYY-MM-DD' string or a datetime.date, not {}",
        value.get_type().name()?
    )))
}

/// A `YYYY-MM-DD` day, with the CLI's message when it is not one.
pub(crate) fn day(text: &str) -> PyResult<Date> {
    text.parse()
        .map_err(|e| PyValueError::new_err(format!("{text:?} is not a date (YYYY-MM-DD): {e}")))
}
