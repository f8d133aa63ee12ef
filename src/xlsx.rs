//! The spreadsheet writer: findings as a workbook whose cells are typed.
//!
//! Amounts are numbers and days are dates, so that a spreadsheet sums and
//! sorts them; text cells are strings, never formulas, whatever they start
//! with. A spreadsheet's numbers are doubles: an amount of more than 15
//! significant digits is written as text, and its row's `reason` says so.

use std::io::Write;

use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde::Serialize;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::output::{AuditRow, Row};
use crate::report::Finding;

/// Columns of [`Row`] and [`AuditRow`] that hold decimals.
const DECIMALS: &[&str] = &[
    "amount",
    "min",
    "max",
    "stated_rate",
    "reference_rate",
    "deviation_pct",
    "writer_rate",
    "converted_amount",
    "converted_min",
    "converted_max",
    "conversion_rate",
    "figure_amount",
    "conversion_amount",
];

/// Columns that hold days (YYYY-MM-DD).
const DAYS: &[&str] = &["rate_date", "conversion_rate_date"];

/// The most significant digits a double keeps for every decimal.
const DIGITS: u32 = 15;

/// The rows of a worksheet, header included.
const ROWS: u32 = 1 << 20;

/// The longest text a cell holds.
const CHARS: usize = 32_767;

/// A workbook of findings: sheet `mentions` (a [`Row`] per finding) and,
/// for audits, sheet `pairs` (an [`AuditRow`] per stated conversion). Each
/// sheet has a header row, frozen and filtered; a sheet that fills up goes
/// on in `mentions 2`, `mentions 3`...
///
/// # Example
///
/// ```
/// let mut book = figures::Spreadsheet::new().with_pairs();
/// let report = figures::Report::new().date("2025-04-11".parse()?);
/// for found in report.findings_in("€21 billion ($24 billion)") {
///     book.add("-", &found?, None, &[])?;
/// }
/// let mut bytes = Vec::new();
/// book.save(&mut bytes)?;
/// assert!(bytes.starts_with(b"PK")); // a zip, as every .xlsx
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Spreadsheet {
    book: Workbook,
    mentions: Sheet,
    pairs: Option<Sheet>,
    date: Format,
}

impl std::fmt::Debug for Spreadsheet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spreadsheet")
            .field("mentions", &self.mentions.rows)
            .field("pairs", &self.pairs.as_ref().map(|p| p.rows))
            .finish_non_exhaustive()
    }
}

impl Default for Spreadsheet {
    fn default() -> Spreadsheet {
        Spreadsheet::new()
    }
}

/// One sheet's columns and the worksheets written so far.
struct Sheet {
    name: &'static str,
    /// The row's columns, then the carried ones.
    columns: Vec<String>,
    /// How many of `columns` are the row's.
    standard: usize,
    /// The worksheet being filled, once a row is written.
    current: Option<Worksheet>,
    rows: u32,
    full: Vec<Worksheet>,
}

impl Sheet {
    fn new(name: &'static str, columns: &[&str]) -> Sheet {
        Sheet {
            name,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            standard: columns.len(),
            current: None,
            rows: 0,
            full: Vec::new(),
        }
    }

    /// Opens a worksheet with its header for the next row, when none is
    /// open or the open one is full.
    fn open(&mut self, book: &mut Workbook) -> std::result::Result<(), XlsxError> {
        if self.rows == ROWS
            && let Some(done) = self.current.take()
        {
            self.full.push(self.finish(done)?);
        }
        if self.current.is_none() {
            let mut sheet = book.new_worksheet_with_constant_memory()?;
            let name = match self.full.len() {
                0 => self.name.to_string(),
                n => format!("{} {}", self.name, n + 1),
            };
            sheet.set_name(name)?;
            let bold = Format::new().set_bold();
            for (col, name) in self.columns.iter().enumerate() {
                sheet.write_string_with_format(0, column(col)?, name, &bold)?;
            }
            sheet.set_freeze_panes(1, 0)?;
            self.current = Some(sheet);
            self.rows = 1;
        }
        Ok(())
    }

    /// The header filtered over the rows written.
    fn finish(&self, mut sheet: Worksheet) -> std::result::Result<Worksheet, XlsxError> {
        let last = column(self.columns.len().saturating_sub(1))?;
        sheet.autofilter(0, 0, self.rows.saturating_sub(1).max(1), last)?;
        Ok(sheet)
    }

    fn close(mut self, book: &mut Workbook) -> std::result::Result<(), XlsxError> {
        if self.current.is_none() {
            self.open(book)?;
        }
        if let Some(open) = self.current.take() {
            let done = self.finish(open)?;
            self.full.push(done);
        }
        for sheet in self.full {
            book.push_worksheet(sheet);
        }
        Ok(())
    }

    /// Writes `row`'s cells, then `carried` (cut or padded to the carried
    /// columns), as the next row.
    fn write<T: Serialize>(
        &mut self,
        book: &mut Workbook,
        date: &Format,
        row: &T,
        carried: &[String],
    ) -> Result<()> {
        let value = serde_json::to_value(row).map_err(std::io::Error::from)?;
        let mut notes = Vec::new();
        let mut cells: Vec<Cell> = Vec::with_capacity(self.columns.len());
        for name in &self.columns[..self.standard] {
            cells.push(match &value[name.as_str()] {
                serde_json::Value::Null => Cell::Empty,
                serde_json::Value::Number(n) => match n.as_u64() {
                    // Row numbers and ids, far below 2^53.
                    Some(u) => Cell::Number(u as f64),
                    None => Cell::Text(n.to_string()),
                },
                serde_json::Value::String(s) => typed(name, s, &mut notes),
                other => Cell::Text(other.to_string()),
            });
        }
        let more = self.columns.len() - self.standard;
        cells.extend(carried.iter().take(more).map(|c| Cell::Text(c.clone())));
        cells.resize_with(self.columns.len(), || Cell::Empty);
        for cell in &mut cells {
            if let Cell::Text(t) = cell
                && t.chars().count() > CHARS
            {
                let cut: String = t.chars().take(CHARS).collect();
                notes.push(format!(
                    "a cell of {} characters is cut to {CHARS}",
                    t.chars().count()
                ));
                *t = cut;
            }
        }
        if !notes.is_empty()
            && let Some(at) = self.columns.iter().position(|c| c == "reason")
        {
            let mut reason = match &cells[at] {
                Cell::Text(t) => t.clone(),
                _ => String::new(),
            };
            for note in notes {
                if !reason.is_empty() {
                    reason.push_str("; ");
                }
                reason.push_str(&note);
            }
            cells[at] = Cell::Text(reason);
        }
        self.open(book).map_err(failed)?;
        let r = self.rows;
        let sheet = self.current.as_mut().expect("opened above");
        for (col, cell) in cells.iter().enumerate() {
            let c = column(col).map_err(failed)?;
            match cell {
                Cell::Empty => &mut *sheet,
                Cell::Number(n) => sheet.write_number(r, c, *n).map_err(failed)?,
                Cell::Text(t) => sheet.write_string(r, c, t).map_err(failed)?,
                Cell::Day(d) => sheet
                    .write_datetime_with_format(r, c, d, date)
                    .map_err(failed)?,
            };
        }
        self.rows += 1;
        Ok(())
    }
}

enum Cell {
    Empty,
    Number(f64),
    Text(String),
    Day(ExcelDateTime),
}

/// The cell for a text value of column `name`: a number for a decimal a
/// double holds exactly to its last digit, a date for a day, else text.
fn typed(name: &str, s: &str, notes: &mut Vec<String>) -> Cell {
    if DECIMALS.contains(&name)
        && let Ok(d) = s.parse::<Decimal>()
    {
        let digits = significant_digits(d);
        if digits > DIGITS {
            notes.push(format!(
                "{name} has {digits} significant digits, more than a spreadsheet number holds: written as text"
            ));
            return Cell::Text(s.to_string());
        }
        // The standard library's parse rounds correctly: with at most 15
        // digits the double shows the decimal back.
        if let Ok(f) = s.parse::<f64>() {
            return Cell::Number(f);
        }
    }
    if DAYS.contains(&name)
        && let Ok(day) = s.parse::<jiff::civil::Date>()
        && let Ok(dt) =
            ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)
    {
        return Cell::Day(dt);
    }
    Cell::Text(s.to_string())
}

/// The digits from the first to the last that is not zero.
fn significant_digits(d: Decimal) -> u32 {
    let mut m = d.normalize().mantissa().unsigned_abs();
    if m == 0 {
        return 1;
    }
    while m.is_multiple_of(10) {
        m /= 10;
    }
    m.checked_ilog10().unwrap_or(0) + 1
}

fn column(i: usize) -> std::result::Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn failed(e: XlsxError) -> Error {
    let kind = ErrorKind::Write {
        reason: e.to_string(),
    };
    Error::new(kind, Location::default())
}

impl Spreadsheet {
    /// A workbook with sheet `mentions`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut bytes = Vec::new();
    /// figures::Spreadsheet::new().save(&mut bytes)?; // a header row only
    /// assert!(bytes.len() > 1000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Spreadsheet {
        Spreadsheet {
            book: Workbook::new(),
            mentions: Sheet::new("mentions", Row::COLUMNS),
            pairs: None,
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }

    /// Adds sheet `pairs`: a row per stated conversion, as `figures audit`
    /// writes them.
    ///
    /// # Example
    ///
    /// ```
    /// let book = figures::Spreadsheet::new().with_pairs();
    /// assert!(format!("{book:?}").contains("pairs: Some(0)"));
    /// ```
    #[must_use]
    pub fn with_pairs(mut self) -> Spreadsheet {
        self.pairs = Some(Sheet::new("pairs", AuditRow::COLUMNS));
        self
    }

    /// Appends columns after [`Row::COLUMNS`] in sheet `mentions`: the
    /// names of the values [`Spreadsheet::add`] is given as `carried`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut book = figures::Spreadsheet::new().carrying(&["desk".to_string()]);
    /// let found = figures::Report::new().findings_in("$5").next().unwrap()?;
    /// book.add("-", &found, Some("a1"), &["world".to_string()])?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn carrying(mut self, names: &[String]) -> Spreadsheet {
        self.mentions.columns.truncate(self.mentions.standard);
        self.mentions.columns.extend(names.iter().cloned());
        self
    }

    /// Writes `finding`, read from `source` (in `article`, for an input of
    /// many), as a row of `mentions` (with `carried`, one value per name
    /// given to [`Spreadsheet::carrying`]) and, if it is a stated conversion
    /// and the workbook has them, of `pairs`.
    ///
    /// # Errors
    ///
    /// When the workbook cannot take the row.
    ///
    /// # Example
    ///
    /// ```
    /// let mut book = figures::Spreadsheet::new();
    /// let found = figures::Report::new().findings_in("=1+1 €5").next().unwrap()?;
    /// book.add("=cmd|calc!A1.txt", &found, None, &[])?; // stays text
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(
        &mut self,
        source: &str,
        finding: &Finding,
        article: Option<&str>,
        carried: &[String],
    ) -> Result<()> {
        let mut row = Row::new(source, finding);
        row.article = article.map(str::to_string);
        self.mentions
            .write(&mut self.book, &self.date, &row, carried)?;
        if let Some(pairs) = &mut self.pairs
            && let Some(row) = AuditRow::new(source, finding)
        {
            pairs.write(&mut self.book, &self.date, &row, &[])?;
        }
        Ok(())
    }

    /// Finishes the workbook and writes it to `out`.
    ///
    /// # Errors
    ///
    /// When the workbook cannot be assembled or written.
    ///
    /// # Example
    ///
    /// ```
    /// let mut file = tempfile::tempfile()?;
    /// figures::Spreadsheet::new().save(&mut file)?;
    /// assert!(file.metadata()?.len() > 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn save(mut self, mut out: impl Write) -> Result<()> {
        self.mentions.close(&mut self.book).map_err(failed)?;
        if let Some(pairs) = self.pairs {
            pairs.close(&mut self.book).map_err(failed)?;
        }
        let bytes = self.book.save_to_buffer().map_err(|e| match e {
            XlsxError::IoError(io) => Error::from(io),
            other => failed(other),
        })?;
        out.write_all(&bytes)?;
        Ok(out.flush()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_digits_ignore_zeros_at_either_end() {
        let d = |s: &str| significant_digits(s.parse().unwrap());
        assert_eq!(d("21000000000"), 2);
        assert_eq!(d("0.00666667"), 6);
        assert_eq!(d("123456789012345678"), 18);
        assert_eq!(d("-5"), 1);
        assert_eq!(d("0"), 1);
    }

    #[test]
    fn cells_by_column() {
        let mut notes = Vec::new();
        assert!(matches!(typed("amount", "4200000000", &mut notes), Cell::Number(n) if n == 4.2e9));
        assert!(matches!(
            typed("text", "4200000000", &mut notes),
            Cell::Text(_)
        ));
        assert!(matches!(
            typed("rate_date", "2025-04-11", &mut notes),
            Cell::Day(_)
        ));
        assert!(notes.is_empty());
        assert!(
            matches!(typed("amount", "1234567890123456.5", &mut notes), Cell::Text(t) if t == "1234567890123456.5")
        );
        assert_eq!(
            notes,
            [
                "amount has 17 significant digits, more than a spreadsheet number holds: written as text"
            ]
        );
    }
}
