//! The whole path over one input: chunks → mentions → pairs → audits → rows.

use std::collections::VecDeque;
use std::io::Read;

use jiff::civil::Date;

use crate::audit::{Audit, Tolerance, audit};
use crate::error::{Error, Location, Result};
use crate::extract::{Earlier, Extractor, Mention, ParagraphEvidence};
use crate::output::{AuditRow, Row};
use crate::pair::{Role, pairs};
use crate::rates::RateTable;
use crate::read::{Chunk, Chunks};

/// Runs extraction, pairing and auditing over an input and hands out rows.
///
/// # Example
///
/// ```
/// use figures::Report;
/// let mut rows = Vec::new();
/// Report::new().run("Up to £1.3bn.".as_bytes(), "-", |r| Ok(rows.push(r)), |e| panic!("{e}"))?;
/// assert_eq!(rows[0].text, "Up to £1.3bn");
/// assert_eq!(rows[0].max.as_deref(), Some("1300000000"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Report {
    extractor: Extractor,
    rates: Option<RateTable>,
    date: Option<Date>,
    tolerance: Tolerance,
    chunk_limit: Option<usize>,
}

impl Default for Report {
    fn default() -> Report {
        Report::new()
    }
}

/// How far back in an article evidence of its currency is looked for.
const EVIDENCE_REACH: u64 = 64 * 1024;

/// A mention's role, pair id, and (for a conversion) its figure and audit.
type Link = (Role, Option<u64>, Option<(usize, Audit)>);

/// A mention with its place in the input and what pairing and audit said.
struct Analysed {
    mention: Mention,
    line: u64,
    offset: u64,
    text: String,
    role: Role,
    pair: Option<u64>,
    /// For a conversion: its figure's index and the audit.
    audit: Option<(usize, Audit)>,
}

impl Report {
    /// A report with the embedded rates, no date (the table's last day) and
    /// a 1% tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// let mut rows = Vec::new();
    /// figures::Report::new().run("€21bn ($24bn)".as_bytes(), "-", |r| Ok(rows.push(r)), |e| panic!("{e}"))?;
    /// assert_eq!(rows[1].rate_date.as_deref(), Some("2026-10-30"));
    /// assert_eq!(rows[1].reason.as_deref(), Some("no --date given: used the table's last day, 2026-10-30"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Report {
        Report {
            extractor: Extractor::new(),
            rates: None,
            date: None,
            tolerance: Tolerance::default(),
            chunk_limit: None,
        }
    }

    /// Reads amounts with `extractor`.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Extractor, Report};
    /// let report = Report::new().extractor(Extractor::new().assume("$", "CAD".parse()?));
    /// let mut rows = Vec::new();
    /// report.run("It cost $5.".as_bytes(), "-", |r| Ok(rows.push(r)), |e| panic!("{e}"))?;
    /// assert_eq!((rows[0].currency.as_deref(), rows[0].currency_basis), (Some("CAD"), "assumed"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extractor(mut self, extractor: Extractor) -> Report {
        self.extractor = extractor;
        self
    }

    /// Audits against `rates` instead of the embedded table.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{RateTable, Report};
    /// let report = Report::new().rates(RateTable::from_csv("Date,USD,\n2025-04-11,1.2,\n")?);
    /// let mut rows = Vec::new();
    /// report.run_pairs("€10 ($12)".as_bytes(), "-", |r| Ok(rows.push(r)), |e| panic!("{e}"))?;
    /// assert_eq!((rows[0].reference_rate.as_deref(), rows[0].verdict), (Some("1.2"), "consistent"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rates(mut self, rates: RateTable) -> Report {
        self.rates = Some(rates);
        self
    }

    /// Audits conversions at the rates of `date`.
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new().date("2022-09-27".parse()?);
    /// let mut rows = Vec::new();
    /// report.run_pairs("€21 billion ($24 billion)".as_bytes(), "-", |r| Ok(rows.push(r)), |e| panic!("{e}"))?;
    /// assert_eq!((rows[0].rate_date.as_deref(), rows[0].verdict), (Some("2022-09-27"), "inconsistent"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(mut self, date: Date) -> Report {
        self.date = Some(date);
        self
    }

    /// Calls a conversion consistent within `tolerance`.
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new().date("2025-04-11".parse()?).tolerance("10%".parse()?);
    /// let mut verdicts = Vec::new();
    /// report.run_pairs("€100 ($120)".as_bytes(), "-", |r| Ok(verdicts.push(r.verdict)), |e| panic!("{e}"))?;
    /// assert_eq!(verdicts, ["consistent"]); // 1.2 vs 1.1346: inconsistent at the default 1%
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tolerance(mut self, tolerance: Tolerance) -> Report {
        self.tolerance = tolerance;
        self
    }

    /// Reads the input in chunks of at most about `limit` bytes where a
    /// paragraph has no quiet point: for tests that a chunk's size changes
    /// nothing.
    ///
    /// ```
    /// let report = figures::Report::new().chunk_limit(4096);
    /// let mut rows = Vec::new();
    /// report.run("$5".as_bytes(), "-", |r| Ok(rows.push(r)), |_| {})?;
    /// assert_eq!(rows.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(hidden)]
    pub fn chunk_limit(mut self, limit: usize) -> Report {
        self.chunk_limit = Some(limit);
        self
    }

    fn table(&self) -> &RateTable {
        self.rates.as_ref().unwrap_or_else(|| RateTable::embedded())
    }

    /// Reads `input` (named `source` in rows and errors) and calls `on_row`
    /// with one [`Row`] per mention, in order, and `on_error` with each
    /// problem in the input (invalid UTF-8, an amount too large), which
    /// does not stop the rest.
    ///
    /// # Errors
    ///
    /// A read error (after the rows read so far) or an error from `on_row`.
    ///
    /// # Example
    ///
    /// ```
    /// let (mut rows, mut errors) = (Vec::new(), Vec::new());
    /// let input: &[u8] = b"\xff paid $5";
    /// figures::Report::new().run(input, "in.txt", |r| Ok(rows.push(r)), |e| errors.push(e.to_string()))?;
    /// assert_eq!((rows[0].text.as_str(), rows[0].start), ("$5", 7));
    /// assert_eq!(errors, ["in.txt:1:1: byte 0: invalid UTF-8 (1 byte(s) skipped)"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run<R: Read>(
        &self,
        input: R,
        source: &str,
        mut on_row: impl FnMut(Row) -> Result<()>,
        on_error: impl FnMut(Error),
    ) -> Result<()> {
        self.each(input, source, on_error, |all| {
            for a in all.iter() {
                on_row(row(source, a))?;
            }
            Ok(())
        })
    }

    /// As [`Report::run`], but one [`AuditRow`] per figure and conversion.
    ///
    /// # Errors
    ///
    /// As [`Report::run`].
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new().date("2025-04-11".parse()?);
    /// let mut rows = Vec::new();
    /// report.run_pairs("€21bn ($24bn; £18bn) and $5".as_bytes(), "-", |r| Ok(rows.push(r)), |e| panic!("{e}"))?;
    /// let currencies: Vec<_> = rows.iter().map(|r| r.conversion_currency.as_deref()).collect();
    /// assert_eq!((rows[1].pair, currencies), (1, vec![Some("USD"), Some("GBP")]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run_pairs<R: Read>(
        &self,
        input: R,
        source: &str,
        mut on_row: impl FnMut(AuditRow) -> Result<()>,
        on_error: impl FnMut(Error),
    ) -> Result<()> {
        self.each(input, source, on_error, |all| {
            for a in all.iter() {
                if let Some((figure, audit)) = &a.audit {
                    on_row(audit_row(source, &all[*figure], a, audit))?;
                }
            }
            Ok(())
        })
    }

    fn each<R: Read>(
        &self,
        input: R,
        source: &str,
        mut on_error: impl FnMut(Error),
        mut emit: impl FnMut(&[Analysed]) -> Result<()>,
    ) -> Result<()> {
        let mut next_pair = 1;
        let mut carried = VecDeque::new();
        let chunks = match self.chunk_limit {
            Some(limit) => Chunks::with_cap(input, limit),
            None => Chunks::new(input),
        };
        for chunk in chunks {
            let mut chunk = chunk.map_err(|e| e.in_source(source))?;
            for problem in chunk.problems.drain(..) {
                on_error(problem.in_source(source));
            }
            let prior = carried.make_contiguous();
            let (analysed, seen) = self.analyse(&chunk, &mut next_pair, prior, |e| {
                on_error(e.in_source(source))
            });
            emit(&analysed)?;
            // Article-wide evidence looks back a bounded distance: memory stays flat.
            let horizon = (chunk.offset + chunk.text.len() as u64).saturating_sub(EVIDENCE_REACH);
            carried.push_back(Earlier::new(chunk.text, chunk.offset, chunk.line, seen));
            while carried.front().is_some_and(|c| c.end() < horizon) {
                carried.pop_front();
            }
        }
        Ok(())
    }

    fn analyse(
        &self,
        chunk: &Chunk,
        next_pair: &mut u64,
        prior: &[Earlier],
        mut on_error: impl FnMut(Error),
    ) -> (Vec<Analysed>, ParagraphEvidence) {
        let text = chunk.text.as_str();
        let mut mentions = Vec::new();
        let mut found = self
            .extractor
            .mentions_in(text, prior, (chunk.line, chunk.column));
        if chunk.continues {
            found = found.continuing();
        }
        for m in found.by_ref() {
            match m {
                Ok(m) => mentions.push(m),
                Err(e) => on_error(e.shifted(chunk.offset)),
            }
        }
        let seen = found.into_evidence();
        // Role, pair id and audit of each mention, by index.
        let mut links: Vec<Link> = vec![(Role::Figure, None, None); mentions.len()];
        for p in pairs(text, &mentions) {
            let id = *next_pair;
            *next_pair += 1;
            links[p.figure].1 = Some(id);
            for c in p.conversions {
                let verdict = audit(
                    &mentions[p.figure],
                    &mentions[c],
                    self.table(),
                    self.date,
                    self.tolerance,
                );
                links[c] = (Role::Conversion, Some(id), Some((p.figure, verdict)));
            }
        }
        let mut line = chunk.line;
        let mut counted = 0;
        let out: Vec<Analysed> = mentions
            .into_iter()
            .zip(links)
            .map(|(m, (role, pair, audit))| {
                line += crate::lines::breaks(&text.as_bytes()[counted..m.span.start]);
                counted = m.span.start;
                Analysed {
                    line,
                    offset: chunk.offset,
                    text: text[m.span.clone()].to_string(),
                    mention: m,
                    role,
                    pair,
                    audit,
                }
            })
            .collect();
        (out, seen)
    }
}

impl Error {
    /// The same error with its chunk-local byte offset made input-wide.
    fn shifted(self, offset: u64) -> Error {
        let loc = self.location().clone();
        let shifted = Location::at(
            loc.line().unwrap_or(1),
            loc.column().unwrap_or(1),
            loc.byte().unwrap_or(0) + offset,
        );
        self.relocated(shifted)
    }
}

fn dec(d: Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(|d| d.normalize().to_string())
}

fn row(source: &str, a: &Analysed) -> Row {
    let m = &a.mention;
    let audit = a.audit.as_ref().map(|(_, audit)| audit);
    Row {
        source: source.to_string(),
        line: a.line,
        start: a.offset + m.span.start as u64,
        end: a.offset + m.span.end as u64,
        text: a.text.clone(),
        amount: dec(m.amount),
        min: dec(m.min),
        max: dec(m.max),
        currency: m.currency.map(|c| c.to_string()),
        qualifier: m.qualifier.map(|q| q.as_str()),
        role: a.role.as_str(),
        pair: a.pair,
        stated_rate: dec(audit.and_then(|x| x.stated_rate)),
        reference_rate: dec(audit.and_then(|x| x.reference_rate)),
        rate_date: audit.and_then(|x| x.rate_date).map(|d| d.to_string()),
        deviation_pct: dec(audit.and_then(|x| x.deviation_pct)),
        verdict: audit.map(|x| x.verdict.as_str()),
        currency_raw: Some(m.currency_raw.clone()).filter(|s| !s.is_empty()),
        currency_basis: m.basis.as_str(),
        currency_evidence: m.evidence.as_ref().map(|e| e.to_string()),
        article: None,
        reason: m
            .unread
            .as_ref()
            .map(|u| u.to_string())
            .or_else(|| audit.map(|x| x.reason.clone()))
            .filter(|s| !s.is_empty()),
    }
}

fn audit_row(source: &str, figure: &Analysed, conversion: &Analysed, audit: &Audit) -> AuditRow {
    AuditRow {
        source: source.to_string(),
        pair: conversion.pair.unwrap_or(0),
        line: figure.line,
        figure_text: figure.text.clone(),
        figure_amount: dec(figure.mention.amount),
        figure_currency: figure.mention.currency.map(|c| c.to_string()),
        conversion_text: conversion.text.clone(),
        conversion_amount: dec(conversion.mention.amount),
        conversion_currency: conversion.mention.currency.map(|c| c.to_string()),
        stated_rate: dec(audit.stated_rate),
        reference_rate: dec(audit.reference_rate),
        rate_date: audit.rate_date.map(|d| d.to_string()),
        deviation_pct: dec(audit.deviation_pct),
        verdict: audit.verdict.as_str(),
        reason: Some(audit.reason.clone()).filter(|s| !s.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(input: &[u8]) -> (Vec<Row>, Vec<String>) {
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        Report::new()
            .date("2025-04-11".parse().unwrap())
            .run(
                input,
                "in.txt",
                |r| {
                    let _: () = rows.push(r);
                    Ok(())
                },
                |e| errors.push(e.to_string()),
            )
            .unwrap();
        (rows, errors)
    }

    #[test]
    fn offsets_and_lines_are_input_wide() {
        let input = "First €1.\n\nSecond para:\nline €21bn ($24bn).\n";
        let (rows, errors) = rows(input.as_bytes());
        assert!(errors.is_empty());
        assert_eq!(rows.len(), 3);
        for r in &rows {
            assert_eq!(&input[r.start as usize..r.end as usize], r.text);
        }
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 4, 4]
        );
        assert_eq!(
            (rows[1].pair, rows[2].pair, rows[2].role),
            (Some(1), Some(1), "conversion")
        );
        assert_eq!(rows[2].verdict, Some("consistent"));
    }

    #[test]
    fn bad_bytes_are_reported_and_the_rest_processed() {
        let (rows, errors) = rows(b"\xff $5 and \n\n\xfe EUR 7");
        assert_eq!(rows.len(), 2);
        assert_eq!(errors.len(), 2);
        assert!(
            errors[1].starts_with("in.txt:3:1: byte 11: invalid UTF-8"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn overflow_is_reported_with_its_input_wide_place() {
        let (rows, errors) = rows(b"$1\n\nnow $99999999999999999999999999999 trillion, then $2");
        assert_eq!(rows.len(), 2);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("in.txt:3:5: byte 8: "),
            "{}",
            errors[0]
        );
    }
}
