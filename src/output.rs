//! Output rows, flat and scalar, and the CSV / JSON-lines writers.

use std::io::Write;

use serde::Serialize;

use crate::audit::{Audit, Note};
use crate::error::Result;
use crate::report::Finding;

/// One row per mention: the columns of `figures extract`, in order
/// ([`Row::COLUMNS`]). Later columns are only ever appended.
///
/// Decimals are strings without exponent or trailing zeros; absent values
/// are empty in CSV and `null` in JSON lines.
///
/// # Example
///
/// ```
/// let found = figures::Report::new().findings_in("Rs 500 crore").next().unwrap()?;
/// let row = figures::Row::new("-", &found);
/// assert_eq!((row.amount.as_deref(), row.currency.as_deref()), (Some("5000000000"), Some("INR")));
/// assert_eq!((row.role, row.currency_basis), ("figure", "default")); // `Rs` could be PKR
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Row {
    /// The input's path as given, or `-` for standard input.
    pub source: String,
    /// 1-based line where the mention starts.
    pub line: u64,
    /// 0-based byte offset of the start in the input.
    pub start: u64,
    /// Byte offset just past the end (exclusive).
    pub end: u64,
    /// The text of the mention.
    pub text: String,
    /// The amount in major units (empty for a range).
    pub amount: Option<String>,
    /// A range's start, or the bound of `over` / `at least`.
    pub min: Option<String>,
    /// A range's end, or the bound of `under` / `up to`.
    pub max: Option<String>,
    /// ISO 4217 code.
    pub currency: Option<String>,
    /// about, nearly, over, at_least, under, up_to.
    pub qualifier: Option<&'static str>,
    /// figure or conversion.
    pub role: &'static str,
    /// The pair id shared by a figure and its conversions.
    pub pair: Option<u64>,
    /// Conversion over figure (on conversion rows).
    pub stated_rate: Option<String>,
    /// The reference rate, same direction.
    pub reference_rate: Option<String>,
    /// The business day of the reference rate.
    pub rate_date: Option<String>,
    /// (stated / reference − 1) × 100.
    pub deviation_pct: Option<String>,
    /// consistent, inconsistent, no_rate, not_audited.
    pub verdict: Option<&'static str>,
    /// The currency as written.
    pub currency_raw: Option<String>,
    /// symbol, code, name, assumed, context, locale, default, ambiguous.
    pub currency_basis: &'static str,
    /// Why, where a verdict or reading needs explaining.
    pub reason: Option<String>,
    /// The word that decided the currency and its line (`Nairobi line 3`),
    /// when the basis is `context`.
    pub currency_evidence: Option<String>,
    /// The article of a multi-article input (`--input jsonl`): its `id`, or
    /// its 1-based record number.
    pub article: Option<String>,
    /// The ISO 639-1 code of the language the mention was read in.
    pub lang: &'static str,
    /// Where a conversion's audit date came from: article, given, text or
    /// latest.
    pub date_basis: Option<&'static str>,
    /// Who published the reference rate (on conversion rows): ecb, nbp-a,
    /// nbp-b, hmrc, imf, file.
    pub rate_source: Option<&'static str>,
    /// How often: daily, weekly, monthly.
    pub rate_granularity: Option<&'static str>,
    /// On a conversion row, the rate the writer states for the pair's two
    /// currencies (`$1 = 0.8651 euros`), in the direction of `stated_rate`.
    pub writer_rate: Option<String>,
    /// With `--to`, the amount in that currency.
    pub converted_amount: Option<String>,
    /// With `--to`, `min` in that currency.
    pub converted_min: Option<String>,
    /// With `--to`, `max` in that currency.
    pub converted_max: Option<String>,
    /// With `--to`, that currency.
    pub converted_currency: Option<String>,
    /// Units of `converted_currency` per unit of `currency`.
    pub conversion_rate: Option<String>,
    /// The day (or first of the week or month) of that rate.
    pub conversion_rate_date: Option<String>,
    /// Who published it: ecb, nbp-a, nbp-b, hmrc, imf, file.
    pub conversion_rate_source: Option<&'static str>,
}

impl Row {
    /// The row of `finding`, read from the input named `source`.
    ///
    /// # Example
    ///
    /// ```
    /// let found = figures::Report::new().findings_in("over £5m").next().unwrap()?;
    /// let row = figures::Row::new("in.txt", &found);
    /// assert_eq!((row.source.as_str(), row.min.as_deref(), row.qualifier), ("in.txt", Some("5000000"), Some("over")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(source: &str, finding: &Finding) -> Row {
        Row::worded(source, finding, Note::to_string)
    }

    /// As [`Row::new`], with the audit's notes worded by `word` (see
    /// [`Audit::reason_with`]).
    ///
    /// # Example
    ///
    /// ```
    /// let found = figures::Report::new().findings_in("€1 ($1.14)").nth(1).unwrap()?;
    /// let row = figures::Row::worded("-", &found, |note| note.to_string().to_uppercase());
    /// assert_eq!(row.reason.as_deref(), Some("NO DATE FOR THIS TEXT"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn worded(source: &str, finding: &Finding, word: impl Fn(&Note) -> String) -> Row {
        let m = &finding.mention;
        let audit = finding.audit.as_ref();
        let converted = finding.converted.as_ref().and_then(|c| c.as_ref().ok());
        let not_converted = match &finding.converted {
            // An unread amount's own reason says why.
            Some(Err(why)) if m.unread.is_none() => Some(why.to_string()),
            _ => None,
        };
        Row {
            source: source.to_string(),
            line: finding.line,
            start: m.span.start as u64,
            end: m.span.end as u64,
            text: finding.text.clone(),
            amount: dec(m.amount),
            min: dec(m.min),
            max: dec(m.max),
            currency: m.currency.map(|c| c.to_string()),
            qualifier: m.qualifier.map(|q| q.as_str()),
            role: finding.role.as_str(),
            pair: finding.pair,
            stated_rate: dec(audit.and_then(|x| x.stated_rate)),
            reference_rate: dec(audit.and_then(|x| x.reference_rate)),
            rate_date: audit.and_then(|x| x.rate_date).map(|d| d.to_string()),
            deviation_pct: dec(audit.and_then(|x| x.deviation_pct)),
            verdict: audit.map(|x| x.verdict.as_str()),
            currency_raw: Some(m.currency_raw.clone()).filter(|s| !s.is_empty()),
            currency_basis: m.basis.as_str(),
            currency_evidence: m.evidence.as_ref().map(|e| e.to_string()),
            article: None,
            lang: m.lang.as_str(),
            date_basis: audit.and_then(|x| x.date_basis).map(|b| b.as_str()),
            rate_source: audit.and_then(|x| x.rate_source).map(|s| s.as_str()),
            rate_granularity: audit.and_then(|x| x.rate_granularity).map(|g| g.as_str()),
            writer_rate: dec(audit.and_then(|x| x.writer_rate)),
            converted_amount: dec(converted.and_then(|c| c.amount)),
            converted_min: dec(converted.and_then(|c| c.min)),
            converted_max: dec(converted.and_then(|c| c.max)),
            converted_currency: converted.map(|c| c.currency.to_string()),
            conversion_rate: dec(converted.map(|c| crate::audit::significant(c.rate))),
            conversion_rate_date: converted.map(|c| c.rate_date.to_string()),
            conversion_rate_source: converted.map(|c| c.source.as_str()),
            reason: crate::audit::joined_texts(
                m.unread
                    .as_ref()
                    .map(|u| u.to_string())
                    .or_else(|| audit.and_then(|x| x.reason_with(&word)))
                    .into_iter()
                    .chain(not_converted),
            ),
        }
    }

    /// The column names, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Row;
    /// assert_eq!(Row::COLUMNS.len(), 34);
    /// assert_eq!(Row::COLUMNS[..4], ["source", "line", "start", "end"]);
    /// ```
    pub const COLUMNS: &'static [&'static str] = &[
        "source",
        "line",
        "start",
        "end",
        "text",
        "amount",
        "min",
        "max",
        "currency",
        "qualifier",
        "role",
        "pair",
        "stated_rate",
        "reference_rate",
        "rate_date",
        "deviation_pct",
        "verdict",
        "currency_raw",
        "currency_basis",
        "reason",
        "currency_evidence",
        "article",
        "lang",
        "date_basis",
        "rate_source",
        "rate_granularity",
        "writer_rate",
        "converted_amount",
        "converted_min",
        "converted_max",
        "converted_currency",
        "conversion_rate",
        "conversion_rate_date",
        "conversion_rate_source",
    ];
}

/// One row per pair, for `figures audit`: figure and conversion side by
/// side with the audit ([`AuditRow::COLUMNS`]).
///
/// # Example
///
/// ```
/// let report = figures::Report::new().date("2025-04-11".parse()?);
/// let rows: Vec<_> = report.findings_in("€21 billion ($24 billion)")
///     .filter_map(|f| figures::AuditRow::new("-", &f.ok()?))
///     .collect();
/// assert_eq!((rows[0].figure_text.as_str(), rows[0].conversion_text.as_str()), ("€21 billion", "$24 billion"));
/// assert_eq!((rows[0].deviation_pct.as_deref(), rows[0].verdict), (Some("0.73"), "consistent"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AuditRow {
    /// The input's path as given, or `-` for standard input.
    pub source: String,
    /// The pair id.
    pub pair: u64,
    /// 1-based line of the figure.
    pub line: u64,
    /// The figure as written.
    pub figure_text: String,
    /// The figure's amount.
    pub figure_amount: Option<String>,
    /// The figure's currency.
    pub figure_currency: Option<String>,
    /// The conversion as written.
    pub conversion_text: String,
    /// The conversion's amount.
    pub conversion_amount: Option<String>,
    /// The conversion's currency.
    pub conversion_currency: Option<String>,
    /// Conversion over figure.
    pub stated_rate: Option<String>,
    /// The reference rate, same direction.
    pub reference_rate: Option<String>,
    /// The business day of the reference rate.
    pub rate_date: Option<String>,
    /// (stated / reference − 1) × 100.
    pub deviation_pct: Option<String>,
    /// consistent, inconsistent, no_rate, not_audited.
    pub verdict: &'static str,
    /// Why, where the verdict needs explaining.
    pub reason: Option<String>,
    /// Where the audit's date came from: article, given, text or latest.
    pub date_basis: Option<&'static str>,
    /// Who published the reference rate: ecb, nbp-a, nbp-b, hmrc, imf, file.
    pub rate_source: Option<&'static str>,
    /// How often: daily, weekly, monthly.
    pub rate_granularity: Option<&'static str>,
    /// How the figure's currency was decided (as `currency_basis`).
    pub figure_currency_basis: &'static str,
    /// How the conversion's currency was decided; `pair` when the audit
    /// read an ambiguous form as the currency at which the pair fits.
    pub conversion_currency_basis: &'static str,
    /// The rate the writer states for the two currencies, same direction.
    pub writer_rate: Option<String>,
}

impl AuditRow {
    /// The row of a stated conversion and its figure; `None` for a finding
    /// that is not a conversion.
    ///
    /// # Example
    ///
    /// ```
    /// let found: Vec<_> = figures::Report::new().findings_in("€1 ($1.14)").collect::<Result<_, _>>()?;
    /// assert!(figures::AuditRow::new("-", &found[0]).is_none());
    /// assert_eq!(figures::AuditRow::new("-", &found[1]).unwrap().figure_text, "€1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(source: &str, finding: &Finding) -> Option<AuditRow> {
        AuditRow::worded(source, finding, Note::to_string)
    }

    /// As [`AuditRow::new`], with the audit's notes worded by `word`.
    ///
    /// # Example
    ///
    /// ```
    /// let found = figures::Report::new().findings_in("€1 ($1.14)").nth(1).unwrap()?;
    /// let row = figures::AuditRow::worded("-", &found, |_| "see notes".into()).unwrap();
    /// assert_eq!(row.reason.as_deref(), Some("see notes"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn worded(
        source: &str,
        finding: &Finding,
        word: impl Fn(&Note) -> String,
    ) -> Option<AuditRow> {
        let (Some(figure), Some(audit)) = (finding.figure.as_deref(), finding.audit.as_ref())
        else {
            return None;
        };
        let Audit {
            stated_rate,
            reference_rate,
            rate_date,
            rate_source,
            rate_granularity,
            deviation_pct,
            verdict,
            ..
        } = audit;
        Some(AuditRow {
            source: source.to_string(),
            pair: finding.pair.unwrap_or(0),
            line: figure.line,
            figure_text: figure.text.clone(),
            figure_amount: dec(figure.mention.amount),
            figure_currency: figure.mention.currency.map(|c| c.to_string()),
            conversion_text: finding.text.clone(),
            conversion_amount: dec(finding.mention.amount),
            conversion_currency: finding.mention.currency.map(|c| c.to_string()),
            stated_rate: dec(*stated_rate),
            reference_rate: dec(*reference_rate),
            rate_date: rate_date.map(|d| d.to_string()),
            deviation_pct: dec(*deviation_pct),
            verdict: verdict.as_str(),
            reason: audit.reason_with(word),
            date_basis: audit.date_basis.map(|b| b.as_str()),
            rate_source: rate_source.map(|s| s.as_str()),
            rate_granularity: rate_granularity.map(|g| g.as_str()),
            figure_currency_basis: figure.mention.basis.as_str(),
            conversion_currency_basis: finding.mention.basis.as_str(),
            writer_rate: dec(audit.writer_rate),
        })
    }

    /// The column names, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::AuditRow;
    /// assert_eq!(AuditRow::COLUMNS.len(), 21);
    /// assert_eq!(AuditRow::COLUMNS[15..18], ["date_basis", "rate_source", "rate_granularity"]);
    /// ```
    pub const COLUMNS: &'static [&'static str] = &[
        "source",
        "pair",
        "line",
        "figure_text",
        "figure_amount",
        "figure_currency",
        "conversion_text",
        "conversion_amount",
        "conversion_currency",
        "stated_rate",
        "reference_rate",
        "rate_date",
        "deviation_pct",
        "verdict",
        "reason",
        "date_basis",
        "rate_source",
        "rate_granularity",
        "figure_currency_basis",
        "conversion_currency_basis",
        "writer_rate",
    ];
}

/// A row whose text cells from the input a spreadsheet must not evaluate:
/// [`Row`] and [`AuditRow`].
pub trait Cells: Serialize + sealed::Sealed {
    /// A copy with each text cell from the input that a spreadsheet would
    /// read as a formula prefixed with `'`.
    fn guarded(&self) -> Self;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Row {}
    impl Sealed for super::AuditRow {}
}

/// `'` before a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab,
/// carriage return first); a lone `-` (standard input) is no formula.
fn guard(cell: &mut String) {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell != "-" {
        cell.insert(0, '\'');
    }
}

fn guard_opt(cell: &mut Option<String>) {
    if let Some(c) = cell {
        guard(c);
    }
}

impl Cells for Row {
    fn guarded(&self) -> Row {
        let mut row = self.clone();
        guard(&mut row.source);
        guard(&mut row.text);
        guard_opt(&mut row.currency_raw);
        guard_opt(&mut row.currency_evidence);
        guard_opt(&mut row.reason);
        guard_opt(&mut row.article);
        row
    }
}

impl Cells for AuditRow {
    fn guarded(&self) -> AuditRow {
        let mut row = self.clone();
        guard(&mut row.source);
        guard(&mut row.figure_text);
        guard(&mut row.conversion_text);
        guard_opt(&mut row.reason);
        row
    }
}

/// A decimal as written in rows: no exponent, no trailing zeros.
fn dec(d: Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(|d| d.normalize().to_string())
}

/// Names and values serialized as a map, in their order.
struct InOrder<'a>(&'a [(&'a str, &'a str)]);

impl Serialize for InOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().copied())
    }
}

/// The output format.
///
/// # Example
///
/// ```
/// use figures::{Format, RowWriter};
/// assert_eq!(Format::default(), Format::Csv);
/// let mut w = RowWriter::new(Vec::new(), Format::Jsonl);
/// w.write(&("x", 1))?;
/// assert_eq!(w.into_inner()?, b"[\"x\",1]\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// CSV with a header row.
    #[default]
    Csv,
    /// One JSON object per line, with the CSV's column names.
    Jsonl,
}

/// Writes rows as CSV or JSON lines.
///
/// # Example
///
/// ```
/// use figures::{Format, Row, RowWriter};
/// let mut w = RowWriter::new(Vec::new(), Format::Jsonl);
/// w.write(&Row { source: "-".into(), line: 1, role: "figure", ..Row::default() })?;
/// let out = String::from_utf8(w.into_inner()?)?;
/// assert!(out.starts_with(r#"{"source":"-","line":1,"start":0,"end":0,"text":"","amount":null"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct RowWriter<W: Write> {
    inner: Sink<W>,
}

enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

impl<W: Write> RowWriter<W> {
    /// A writer in `format` over `out`; CSV gets a header row before the
    /// first row.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, Row, RowWriter};
    /// let mut w = RowWriter::new(Vec::new(), Format::Csv);
    /// w.write(&Row::default())?;
    /// let csv = String::from_utf8(w.into_inner()?)?;
    /// assert_eq!(csv.lines().next(), Some(Row::COLUMNS.join(",").as_str()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(out: W, format: Format) -> RowWriter<W> {
        RowWriter::build(out, format, true)
    }

    /// A writer that never writes a CSV header by itself (see
    /// [`RowWriter::write_header`]), so outputs written apart can be joined.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, RowWriter};
    /// let mut w = RowWriter::headless(Vec::new(), Format::Csv);
    /// w.write(&("x", 1))?;
    /// assert_eq!(w.into_inner()?, b"x,1\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn headless(out: W, format: Format) -> RowWriter<W> {
        RowWriter::build(out, format, false)
    }

    fn build(out: W, format: Format, header: bool) -> RowWriter<W> {
        let inner = match format {
            Format::Csv => Sink::Csv(Box::new(
                csv::WriterBuilder::new()
                    .has_headers(header)
                    .from_writer(out),
            )),
            Format::Jsonl => Sink::Jsonl(out),
        };
        RowWriter { inner }
    }

    /// Writes a CSV header row (nothing in JSON lines).
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, RowWriter};
    /// let mut w = RowWriter::headless(Vec::new(), Format::Csv);
    /// w.write_header(&["a", "b"])?;
    /// w.write(&("x", 1))?;
    /// assert_eq!(w.into_inner()?, b"a,b\nx,1\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_header(&mut self, columns: &[&str]) -> Result<()> {
        if let Sink::Csv(w) = &mut self.inner {
            w.write_record(columns)?;
        }
        Ok(())
    }

    /// Writes one row (the CSV header comes before the first).
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, RowWriter};
    /// let mut w = RowWriter::new(Vec::new(), Format::Jsonl);
    /// w.write(&("€5", 5))?;
    /// w.write(&("$6", 6))?;
    /// assert_eq!(String::from_utf8(w.into_inner()?)?, "[\"€5\",5]\n[\"$6\",6]\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write<T: Serialize>(&mut self, row: &T) -> Result<()> {
        self.write_exact(row)
    }

    /// Writes one [`Row`] or [`AuditRow`]. In CSV, a text cell that comes
    /// from the input and starts with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return gets a leading `'` (OWASP's rule against formula injection), so
    /// that no spreadsheet evaluates it; numbers stay numbers. JSON lines
    /// keep the exact text.
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, Report, Row, RowWriter};
    /// let found = Report::new().findings_in("-$5").next().unwrap()?;
    /// let mut w = RowWriter::headless(Vec::new(), Format::Csv);
    /// w.write_row(&Row::new("=HYPERLINK(\"x\").txt", &found))?;
    /// let out = String::from_utf8(w.into_inner()?)?;
    /// assert!(out.starts_with("\"'=HYPERLINK(\"\"x\"\").txt\",1,0,3,'-$5,-5,"), "{out}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_row<T: Cells>(&mut self, row: &T) -> Result<()> {
        match self.inner {
            Sink::Csv(_) => self.write_exact(&row.guarded()),
            Sink::Jsonl(_) => self.write_exact(row),
        }
    }

    /// As [`RowWriter::write_row`], with more columns after the row's:
    /// `carried`, as names and values (the columns an input carries
    /// through; the CSV header is [`RowWriter::write_header`]'s to write).
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, Report, Row, RowWriter};
    /// let found = Report::new().findings_in("$5").next().unwrap()?;
    /// let mut w = RowWriter::headless(Vec::new(), Format::Jsonl);
    /// w.write_row_with(&Row::new("-", &found), &[("desk", "=world"), ("a", "1")])?;
    /// let out = String::from_utf8(w.into_inner()?)?;
    /// assert!(out.trim_end().ends_with(r#""conversion_rate_source":null,"desk":"=world","a":"1"}"#), "{out}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_row_with<T: Cells>(&mut self, row: &T, carried: &[(&str, &str)]) -> Result<()> {
        if carried.is_empty() {
            return self.write_row(row);
        }
        match &mut self.inner {
            Sink::Csv(w) => {
                let values: Vec<String> = carried
                    .iter()
                    .map(|(_, v)| {
                        let mut v = v.to_string();
                        guard(&mut v);
                        v
                    })
                    .collect();
                w.serialize((row.guarded(), values))?;
            }
            Sink::Jsonl(_) => {
                #[derive(Serialize)]
                struct With<'a, T> {
                    #[serde(flatten)]
                    row: &'a T,
                    #[serde(flatten)]
                    carried: InOrder<'a>,
                }
                self.write_exact(&With {
                    row,
                    carried: InOrder(carried),
                })?;
            }
        }
        Ok(())
    }

    fn write_exact<T: Serialize>(&mut self, row: &T) -> Result<()> {
        match &mut self.inner {
            Sink::Csv(w) => w.serialize(row)?,
            Sink::Jsonl(w) => {
                serde_json::to_writer(&mut *w, row).map_err(std::io::Error::from)?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// Flushes what is buffered.
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, RowWriter};
    /// let mut out = Vec::new();
    /// let mut w = RowWriter::headless(&mut out, Format::Csv);
    /// w.write(&("x", 1))?;
    /// w.flush()?;
    /// drop(w);
    /// assert_eq!(out, b"x,1\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn flush(&mut self) -> Result<()> {
        match &mut self.inner {
            Sink::Csv(w) => w.flush()?,
            Sink::Jsonl(w) => w.flush()?,
        }
        Ok(())
    }

    /// Appends rows that a [`RowWriter::headless`] writer of the same
    /// format wrote apart (to a temporary file, say), as they are.
    ///
    /// # Errors
    ///
    /// When reading `rows` or writing fails, or `rows` is not CSV.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, RowWriter};
    /// let mut apart = RowWriter::headless(Vec::new(), Format::Csv);
    /// apart.write(&("y, or z", 2))?;
    /// let mut w = RowWriter::new(Vec::new(), Format::Csv);
    /// w.write(&("x", 1))?;
    /// w.append(&apart.into_inner()?[..])?;
    /// assert_eq!(w.into_inner()?, b"x,1\n\"y, or z\",2\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn append(&mut self, mut rows: impl std::io::Read) -> Result<()> {
        match &mut self.inner {
            Sink::Jsonl(w) => {
                std::io::copy(&mut rows, w)?;
            }
            // Our own CSV read back is written again byte for byte.
            Sink::Csv(w) => {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(rows);
                let mut record = csv::ByteRecord::new();
                while reader.read_byte_record(&mut record)? {
                    w.write_byte_record(&record)?;
                }
            }
        }
        Ok(())
    }

    /// Flushes and returns the underlying writer.
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Format, RowWriter};
    /// let mut w = RowWriter::new(std::io::Cursor::new(Vec::new()), Format::Jsonl);
    /// w.write(&[1, 2])?;
    /// assert_eq!(w.into_inner()?.into_inner(), b"[1,2]\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_inner(self) -> Result<W> {
        match self.inner {
            Sink::Csv(w) => w.into_inner().map_err(|e| e.into_error().into()),
            Sink::Jsonl(mut w) => {
                w.flush()?;
                Ok(w)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        Row {
            source: "a.txt".into(),
            line: 2,
            start: 5,
            end: 16,
            text: "€21 billion".into(),
            amount: Some("21000000000".into()),
            currency: Some("EUR".into()),
            role: "figure",
            pair: Some(1),
            currency_raw: Some("€".into()),
            currency_basis: "symbol",
            lang: "en",
            ..Row::default()
        }
    }

    #[test]
    fn csv_header_and_empty_fields() {
        let mut w = RowWriter::new(Vec::new(), Format::Csv);
        w.write(&row()).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(
            out,
            "source,line,start,end,text,amount,min,max,currency,qualifier,role,pair,stated_rate,\
             reference_rate,rate_date,deviation_pct,verdict,currency_raw,currency_basis,reason,\
             currency_evidence,article,lang,date_basis,rate_source,rate_granularity,writer_rate,\
             converted_amount,converted_min,converted_max,converted_currency,conversion_rate,\
             conversion_rate_date,conversion_rate_source\n\
             a.txt,2,5,16,€21 billion,21000000000,,,EUR,,figure,1,,,,,,€,symbol,,,,en,,,,,,,,,,,\n"
        );
    }

    #[test]
    fn columns_match_the_serialized_header() {
        let header = |row: &dyn erased::Row| {
            let mut w = csv::Writer::from_writer(Vec::new());
            row.write(&mut w);
            let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
            out.lines().next().unwrap().to_string()
        };
        assert_eq!(header(&row()), Row::COLUMNS.join(","));
        assert_eq!(header(&AuditRow::default()), AuditRow::COLUMNS.join(","));
    }

    mod erased {
        pub trait Row {
            fn write(&self, w: &mut csv::Writer<Vec<u8>>);
        }
        impl<T: serde::Serialize> Row for T {
            fn write(&self, w: &mut csv::Writer<Vec<u8>>) {
                w.serialize(self).unwrap();
            }
        }
    }

    #[test]
    fn csv_cells_from_input_never_evaluate() {
        let mut r = row();
        r.source = "=cmd|calc!A1.txt".into();
        r.text = "-€5".into();
        r.reason = Some("@SUM(1)".into());
        r.amount = Some("-5".into());
        let g = r.guarded();
        assert_eq!(
            (g.source.as_str(), g.text.as_str()),
            ("'=cmd|calc!A1.txt", "'-€5")
        );
        assert_eq!(
            (g.reason.as_deref(), g.amount.as_deref()),
            (Some("'@SUM(1)"), Some("-5"))
        );
        let mut stdin = row();
        stdin.source = "-".into();
        assert_eq!(stdin.guarded().source, "-");
        let mut w = RowWriter::headless(Vec::new(), Format::Jsonl);
        w.write_row(&r).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert!(
            out.contains("\"text\":\"-€5\""),
            "JSON keeps the exact text: {out}"
        );
    }

    #[test]
    fn carried_columns_follow_the_row() {
        let mut w = RowWriter::headless(Vec::new(), Format::Csv);
        w.write_row_with(&row(), &[("desk", "-5"), ("n", "1")])
            .unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert!(out.ends_with(",,,,,,,'-5,1\n"), "{out}");
        assert_eq!(out.split(',').count(), Row::COLUMNS.len() + 2);
    }

    #[test]
    fn headless_then_header() {
        let mut w = RowWriter::headless(Vec::new(), Format::Csv);
        w.write_header(&["a", "b"]).unwrap();
        w.write(&("x", 1)).unwrap();
        assert_eq!(
            String::from_utf8(w.into_inner().unwrap()).unwrap(),
            "a,b\nx,1\n"
        );
    }

    #[test]
    fn jsonl_integers_and_nulls() {
        let mut w = RowWriter::new(Vec::new(), Format::Jsonl);
        w.write(&row()).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["start"], 5);
        assert_eq!(v["pair"], 1);
        assert_eq!(v["amount"], "21000000000");
        assert!(v["min"].is_null());
    }
}
