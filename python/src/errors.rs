//! The library's errors as Python exceptions and warnings that carry the
//! error's kind and place.

use figures::ErrorKind;
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

pyo3::create_exception!(
    figures,
    Error,
    PyValueError,
    "An input figures cannot read: an unknown currency or language, a text that is \
     not one amount, no rate for a conversion.\n\n\
     ``kind`` names what went wrong (``unknown_currency``, ``not_one_amount``, \
     ``no_rate``, ...); ``line``, ``column`` and ``byte`` (UTF-8 offset) say where, \
     when known, ``position`` is the same place as an index into the Python \
     string, and ``article`` the article's id in a table.\n\n\
     >>> import figures\n\
     >>> try:\n\
     ...     figures.convert(\"$5 and $6\", to=\"EUR\")\n\
     ... except figures.Error as e:\n\
     ...     print(e.kind, e.position)\n\
     not_one_amount 2\n"
);

pyo3::create_exception!(
    figures,
    FiguresWarning,
    PyUserWarning,
    "A problem met while reading a text (an amount too large for a decimal, a \
     paragraph cut where no quiet place was found); reading goes on past it, as \
     the command line's does. It has the attributes of :class:`figures.Error`, \
     and ``article`` in :func:`figures.extract_arrow`. Turn them into exceptions \
     with ``warnings.simplefilter(\"error\", figures.FiguresWarning)``."
);

/// The snake_case name of an error's kind, for `Error.kind`.
fn kind_name(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Overflow { .. } => "overflow",
        ErrorKind::InvalidUtf8 { .. } => "invalid_utf8",
        ErrorKind::UnquietCut { .. } => "unquiet_cut",
        ErrorKind::UnknownCurrency { .. } => "unknown_currency",
        ErrorKind::UnknownLanguage { .. } => "unknown_language",
        ErrorKind::UnknownLocale { .. } => "unknown_locale",
        ErrorKind::MalformedLocale { .. } => "malformed_locale",
        ErrorKind::BadRates(_) => "bad_rates",
        ErrorKind::NoRate(_) => "no_rate",
        ErrorKind::BadTolerance { .. } => "bad_tolerance",
        ErrorKind::NoAmount { .. } => "no_amount",
        ErrorKind::NotOneAmount { .. } => "not_one_amount",
        ErrorKind::Write { .. } => "write",
        ErrorKind::Io(_) => "io",
        // The kinds are non-exhaustive: a later one is named by its message.
        _ => "other",
    }
}

/// The code point index in `text` of UTF-8 offset `byte`.
fn position(text: &str, byte: u64) -> Option<usize> {
    let byte = usize::try_from(byte).ok()?;
    Some(text.get(..byte)?.chars().count())
}

/// What an exception or a warning says, and where: its attributes.
#[derive(Debug)]
pub(crate) struct Problem {
    message: String,
    kind: &'static str,
    source: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    byte: Option<u64>,
    position: Option<usize>,
    article: Option<String>,
}

impl Problem {
    /// `err`, whose byte offset is into `text` when given.
    pub(crate) fn of(err: &figures::Error, text: Option<&str>) -> Problem {
        let at = err.location();
        Problem {
            message: err.to_string(),
            kind: kind_name(err.kind()),
            source: at.source().map(str::to_string),
            line: at.line(),
            column: at.column(),
            byte: at.byte(),
            position: text.zip(at.byte()).and_then(|(t, b)| position(t, b)),
            article: None,
        }
    }

    /// A problem only the bindings have, with no place.
    pub(crate) fn unplaced(kind: &'static str, message: String) -> Problem {
        Problem {
            message,
            kind,
            source: None,
            line: None,
            column: None,
            byte: None,
            position: None,
            article: None,
        }
    }

    /// The same problem, in the article `id` of a table.
    pub(crate) fn in_article(mut self, id: &str) -> Problem {
        self.message = format!("article {id}: {}", self.message);
        self.article = Some(id.to_string());
        self
    }

    /// Sets the attributes on a new exception or warning object.
    fn set_on(&self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        value.setattr("kind", self.kind)?;
        value.setattr("source", self.source.as_deref())?;
        value.setattr("line", self.line)?;
        value.setattr("column", self.column)?;
        value.setattr("byte", self.byte)?;
        value.setattr("position", self.position)?;
        value.setattr("article", self.article.as_deref())?;
        Ok(())
    }

    /// The problem as a `figures.Error`.
    pub(crate) fn raised(&self) -> PyErr {
        Python::attach(|py| {
            let exc = Error::new_err(self.message.clone());
            match self.set_on(exc.value(py).as_any()) {
                Ok(()) => exc,
                Err(failed) => failed,
            }
        })
    }

    /// Warns of it: a [`FiguresWarning`], an exception where warnings are
    /// errors.
    pub(crate) fn warn(&self, py: Python<'_>) -> PyResult<()> {
        static WARN: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let category = py.get_type::<FiguresWarning>();
        let warning = category.call1((self.message.as_str(),))?;
        self.set_on(&warning)?;
        let warn = WARN.get_or_try_init(py, || {
            PyModule::import(py, "warnings")?
                .getattr("warn")
                .map(Bound::unbind)
        })?;
        warn.bind(py).call1((warning, category, 1))?;
        Ok(())
    }
}

/// `err` as a `figures.Error`; `text` is what its byte offset is into.
pub(crate) fn to_py(err: &figures::Error, text: Option<&str>) -> PyErr {
    Problem::of(err, text).raised()
}
