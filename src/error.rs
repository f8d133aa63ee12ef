//! The crate's one error type: what went wrong, and where.

use std::fmt;

/// A convenient alias for results whose error is [`Error`].
///
/// # Example
///
/// ```
/// fn code(s: &str) -> figures::Result<figures::Currency> {
///     s.parse()
/// }
/// assert_eq!(code("gbp")?.as_str(), "GBP");
/// assert!(code("XYZ").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Result<T> = std::result::Result<T, Error>;

/// An error, with the place in the input where it happened.
///
/// # Example
///
/// ```
/// let err = figures::RateTable::from_csv("Date,USD,\nnot-a-date,1.1,\n").unwrap_err();
/// assert_eq!(err.location().line(), Some(2));
/// assert!(err.to_string().starts_with("line 2, column 1: "));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: Box<ErrorKind>,
    location: Location,
}

/// What went wrong.
///
/// # Example
///
/// ```
/// use figures::{Currency, ErrorKind};
/// let err = "XYZ".parse::<Currency>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::UnknownCurrency { text } if text == "XYZ"));
/// assert_eq!(err.kind().to_string(), r#"unknown currency code "XYZ""#);
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An amount was recognised but does not fit a decimal (about 7.9e28);
    /// its text is quoted up to 80 bytes.
    #[error("{text:?} cannot be held exactly in a decimal (up to about 7.9e28, 28 decimal places)")]
    Overflow {
        /// The amount as written.
        text: String,
    },
    /// The input is not valid UTF-8 at this place; the bytes were skipped.
    #[error("invalid UTF-8 ({len} byte(s) skipped)")]
    InvalidUtf8 {
        /// How many bytes were skipped.
        len: usize,
    },
    /// A paragraph ran past the chunk limit with no quiet place to cut (none
    /// without an amount within 400 bytes either side), so it was cut here:
    /// an amount across the cut may be read in part.
    #[error(
        "a paragraph ran {cap} bytes with no quiet place to cut it (no 800 bytes without a possible amount): cut here, and an amount across the cut may be read in part"
    )]
    UnquietCut {
        /// The chunk limit, in bytes.
        cap: usize,
    },
    /// A currency code given by the user is not an ISO 4217 code.
    #[error("unknown currency code {text:?}")]
    UnknownCurrency {
        /// The code as given.
        text: String,
    },
    /// A language code that no lexicon has (`en`, `de`, `fr`, `es`, `it`,
    /// `nl`, `pt` are read).
    #[error("unknown language {code:?}: one of en, de, fr, es, it, nl, pt")]
    UnknownLanguage {
        /// The code as given.
        code: String,
    },
    /// A locale tag whose region CLDR does not know.
    #[error("unknown locale {tag:?}: its region has no currency in CLDR")]
    UnknownLocale {
        /// The tag as given.
        tag: String,
    },
    /// A locale tag that is not BCP 47 (`en-AU`, `de_CH`).
    #[error("{tag:?} is not a BCP 47 locale tag such as en-AU: {reason}")]
    MalformedLocale {
        /// The tag as given.
        tag: String,
        /// What the BCP 47 parser said.
        reason: String,
    },
    /// A rates file is not in the ECB format.
    #[error("bad rates file: {0}")]
    BadRates(crate::rates::RatesProblem),
    /// No rate for a conversion asked of [`RateTable::convert`](crate::RateTable::convert).
    #[error(transparent)]
    NoRate(#[from] crate::rates::NoRate),
    /// A tolerance that is not a fraction below 1 or a percentage below 100%.
    #[error("tolerance {text:?} must be a fraction below 1 (0.01) or a percentage (1%)")]
    BadTolerance {
        /// The tolerance as given.
        text: String,
    },
    /// A text parsed as one amount ([`Mention`](crate::Mention)'s `FromStr`)
    /// holds none.
    #[error("no amount of money in {text:?}")]
    NoAmount {
        /// The text (quoted up to 80 bytes).
        text: String,
    },
    /// A text parsed as one amount holds more than an amount; the location's
    /// byte is where the rest starts.
    #[error("{text:?} is not exactly one amount: {left:?} is left")]
    NotOneAmount {
        /// The text (quoted up to 80 bytes).
        text: String,
        /// What is not part of the amount (quoted up to 80 bytes).
        left: String,
    },
    /// A record of a multi-article input that cannot be read; it is
    /// skipped.
    #[error("record skipped: {0}")]
    BadRecord(crate::articles::RecordProblem),
    /// A CSV input whose header lacks a column asked for.
    #[error("no column {name:?} in the header (columns: {columns})")]
    NoColumn {
        /// The column asked for.
        name: String,
        /// The header's columns.
        columns: String,
    },
    /// A row could not be written as CSV or JSON.
    #[error("cannot write a row: {reason}")]
    Write {
        /// What the writer said.
        reason: String,
    },
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    #[cold]
    #[inline(never)]
    pub(crate) fn new(kind: ErrorKind, location: Location) -> Error {
        Error {
            kind: Box::new(kind),
            location,
        }
    }

    /// What went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::ErrorKind;
    /// let err = figures::RateTable::from_csv("Date,USD,\n2025-01-02,abc,\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::BadRates { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where it went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// let err = figures::RateTable::from_csv("Date,USD,\n2025-01-02,abc,\n").unwrap_err();
    /// assert_eq!(err.location().line(), Some(2));
    /// ```
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// True when the error came from reading or writing.
    ///
    /// # Example
    ///
    /// ```
    /// let err = figures::RateTable::from_path("/no/such/file.csv").unwrap_err();
    /// assert!(err.is_io());
    /// ```
    pub fn is_io(&self) -> bool {
        matches!(*self.kind, ErrorKind::Io(_))
    }

    /// The same error at another place in its source.
    pub(crate) fn relocated(mut self, location: Location) -> Error {
        self.location = Location {
            source: self.location.source.take(),
            ..location
        };
        self
    }

    /// The same error, placed in the named source (a file path, or `-`).
    pub(crate) fn in_source(mut self, source: &str) -> Error {
        self.location.source = Some(source.to_string());
        self
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.location, self.kind)
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err), Location::default())
    }
}

impl From<crate::rates::NoRate> for Error {
    fn from(no: crate::rates::NoRate) -> Error {
        Error::new(ErrorKind::NoRate(no), Location::default())
    }
}

/// The CSV writer's errors: its I/O errors stay I/O errors (a closed pipe
/// is still `BrokenPipe`), the rest say what could not be written.
impl From<csv::Error> for Error {
    fn from(err: csv::Error) -> Error {
        let reason = err.to_string();
        let kind = match err.into_kind() {
            csv::ErrorKind::Io(e) => ErrorKind::Io(e),
            _ => ErrorKind::Write { reason },
        };
        Error::new(kind, Location::default())
    }
}

/// Where an error happened: a source name, a line and column (1-based) and
/// a byte offset (0-based), each when known.
///
/// Displays as `pledges.txt:3:17: `, `rates.csv: line 4: `, `line 4,
/// column 9: `, `byte 12: ` or nothing at all.
///
/// # Example
///
/// ```
/// let loc = figures::Location::default();
/// assert_eq!(loc.to_string(), "");
/// assert_eq!(loc.byte(), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    source: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    byte: Option<u64>,
}

impl Location {
    /// A place in a line-based file (a rates file): the line, and the
    /// column where one field is at fault.
    pub(crate) fn in_line(line: u64, column: Option<u64>) -> Location {
        Location {
            line: Some(line),
            column,
            ..Location::default()
        }
    }

    pub(crate) fn byte_only(byte: u64) -> Location {
        Location {
            byte: Some(byte),
            ..Location::default()
        }
    }

    pub(crate) fn at(line: u64, column: u64, byte: u64) -> Location {
        Location {
            source: None,
            line: Some(line),
            column: Some(column),
            byte: Some(byte),
        }
    }

    /// The source (file path or `-` for standard input), when known.
    ///
    /// # Example
    ///
    /// ```
    /// let err = figures::RateTable::from_path("/no/such/rates.csv").unwrap_err();
    /// assert_eq!(err.location().source(), Some("/no/such/rates.csv"));
    /// ```
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The 1-based line, when known.
    ///
    /// # Example
    ///
    /// ```
    /// let err = figures::RateTable::from_csv("Date,USD,\n2025-01-02,1.1,\n2025-01-03,x,\n").unwrap_err();
    /// assert_eq!(err.location().line(), Some(3));
    /// ```
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column in characters, when known.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "ok €1\nthen $99999999999999999999999999999999 trillion";
    /// let err = figures::extract(text).nth(1).unwrap().unwrap_err();
    /// assert_eq!((err.location().line(), err.location().column()), (Some(2), Some(6)));
    /// ```
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// The 0-based byte offset from the start of the input, when known.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "ok €1\nthen $99999999999999999999999999999999 trillion";
    /// let err = figures::extract(text).nth(1).unwrap().unwrap_err();
    /// assert_eq!(err.location().byte(), Some(13)); // `€` takes 3 bytes
    /// ```
    pub fn byte(&self) -> Option<u64> {
        self.byte
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.source, self.line, self.column) {
            (Some(s), Some(l), Some(c)) => write!(f, "{s}:{l}:{c}: ")?,
            (Some(s), Some(l), None) => write!(f, "{s}: line {l}: ")?,
            (Some(s), None, _) => write!(f, "{s}: ")?,
            (None, Some(l), Some(c)) => write!(f, "line {l}, column {c}: ")?,
            (None, Some(l), None) => write!(f, "line {l}: ")?,
            (None, None, _) => {}
        }
        if let Some(b) = self.byte {
            write!(f, "byte {b}: ")?;
        }
        Ok(())
    }
}

/// At most this much of the input is quoted in a message.
const QUOTED: usize = 80;

/// The first 80 bytes of `text` (at a character boundary), with `…` when cut.
pub(crate) fn quoted(text: &str) -> String {
    if text.len() <= QUOTED {
        return text.to_string();
    }
    let mut end = QUOTED;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_display_names_file_line_column_and_byte() {
        let loc = Location::at(3, 17, 120);
        let err = Error::new(ErrorKind::InvalidUtf8 { len: 1 }, loc).in_source("a.txt");
        assert_eq!(
            err.to_string(),
            "a.txt:3:17: byte 120: invalid UTF-8 (1 byte(s) skipped)"
        );
    }

    #[test]
    fn location_display_line_only() {
        let err = Error::new(
            ErrorKind::BadRates(crate::rates::RatesProblem::Empty),
            Location::in_line(4, None),
        )
        .in_source("r.csv");
        assert_eq!(
            err.to_string(),
            "r.csv: line 4: bad rates file: the file is empty"
        );
    }
}
