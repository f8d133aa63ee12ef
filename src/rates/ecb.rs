//! The ECB's file formats: `eurofxref-hist.csv` (one row per business
//! day), the daily `eurofxref.csv` (one row, dated `11 April 2025`, fields
//! padded with spaces) and `eurofxref-hist.zip` (a zip holding the CSV).

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Cursor, Read};

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::series::{Column, Quote, Series};
use super::{Granularity, RateSource, RatesProblem};
use crate::currency::Currency;
use crate::error::{Error, ErrorKind, Location, Result, quoted};

/// What every zip file starts with (a local file header).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The zip archives read are the ECB's: 600 KB. A larger one is refused
/// before it is read into memory.
const LARGEST_ZIP: u64 = 64 << 20;

/// Reads a rates file in any of the ECB's formats, told apart by their
/// first bytes: a zip archive, or CSV text. Errors inside an archive name
/// the CSV file in it as their source.
pub(super) fn read(reader: impl Read, source: RateSource) -> Result<Series> {
    let mut reader = BufReader::new(reader);
    if !reader.fill_buf()?.starts_with(ZIP_MAGIC) {
        return parse(reader, source);
    }
    let mut bytes = Vec::new();
    reader.take(LARGEST_ZIP + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > LARGEST_ZIP {
        return Err(bad(None, RatesProblem::ZipTooLarge { limit: LARGEST_ZIP }));
    }
    let zip_problem = |e: zip::result::ZipError| {
        let reason = e.to_string();
        bad(None, RatesProblem::Zip { reason })
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_problem)?;
    // The ECB's archive holds one file, eurofxref-hist.csv; take that name
    // first, else the one CSV file there is.
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv"))
        .collect();
    let name = match names.iter().find(|n| n.ends_with("eurofxref-hist.csv")) {
        Some(n) => n.clone(),
        None if names.len() == 1 => names[0].clone(),
        None => {
            let found = names.len();
            return Err(bad(None, RatesProblem::NoCsvInZip { found }));
        }
    };
    let entry = archive.by_name(&name).map_err(zip_problem)?;
    parse(BufReader::new(entry), source).map_err(|e| e.in_source(&name))
}

fn bad(at: Option<(u64, Option<u64>)>, problem: RatesProblem) -> Error {
    let location = match at {
        Some((line, column)) => Location::in_line(line, column),
        None => Location::default(),
    };
    Error::new(ErrorKind::BadRates(problem), location)
}

/// Streams the ECB CSV format into a table: memory is the table's, not the
/// file's text.
fn parse(reader: impl BufRead, source: RateSource) -> Result<Series> {
    let mut lines = Lines {
        reader,
        pending: VecDeque::new(),
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
                false => Err(bad(Some((number, None)), RatesProblem::NotUtf8)),
            };
        }
        Ok(None)
    };
    let Some(header) = read(&mut fields)? else {
        return Err(bad(Some((1, None)), RatesProblem::Empty));
    };
    let at = |fields: &Fields, i: usize| Some((header, fields.column(i)));
    if fields.iter().next().map(str::trim) != Some("Date") {
        return Err(bad(at(&fields, 0), RatesProblem::NoDateHeader));
    }
    let mut codes = Vec::new();
    for (i, field) in fields.iter().enumerate().skip(1) {
        let field = field.trim();
        if field.is_empty() {
            continue; // the ECB's trailing comma
        }
        match Currency::lookup(field).filter(|_| field.bytes().all(|b| b.is_ascii_uppercase())) {
            Some(c) if codes.contains(&c) => {
                let problem = RatesProblem::RepeatedCurrency { currency: c };
                return Err(bad(at(&fields, i), problem));
            }
            Some(c) => codes.push(c),
            None => {
                let text = quoted(field);
                return Err(bad(at(&fields, i), RatesProblem::NotACode { text }));
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
        let at = |i: usize| Some((line, fields.column(i)));
        let trimmed: Vec<&str> = fields.iter().map(str::trim).collect();
        let given = trimmed.get(1..).unwrap_or_default();
        let given = given.strip_suffix(&[""]).unwrap_or(given);
        if given.len() != codes.len() {
            let (values, currencies) = (given.len(), codes.len());
            let problem = RatesProblem::FieldCount { values, currencies };
            return Err(bad(Some((line, None)), problem));
        }
        let date = date(trimmed[0]).ok_or_else(|| {
            let text = quoted(trimmed[0]);
            bad(at(0), RatesProblem::NotADate { text })
        })?;
        for ((value, code), column) in given.iter().zip(&codes).zip(&mut values) {
            column.push(match *value {
                "N/A" | "" => None,
                v => Some(rate(v).ok_or_else(|| {
                    // Which field: looked for only on this error path.
                    let i = given.iter().position(|g| std::ptr::eq(g, value));
                    let (currency, text) = (*code, quoted(v));
                    bad(
                        at(i.map_or(0, |i| i + 1)),
                        RatesProblem::NotARate { currency, text },
                    )
                })?),
            });
        }
        rows.push((date, line));
    }
    // Dates ascending; a repeated date names both its lines.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows[i]);
    if let Some(w) = order.windows(2).find(|w| rows[w[0]].0 == rows[w[1]].0) {
        let ((date, first), (_, again)) = (rows[w[0]], rows[w[1]]);
        let problem = RatesProblem::RepeatedDate { date, first };
        return Err(bad(Some((again, None)), problem));
    }
    let dates = order.iter().map(|&i| rows[i].0).collect();
    let columns: HashMap<Currency, Column> = codes
        .into_iter()
        .zip(values)
        .map(|(code, column)| {
            let sorted: Vec<_> = order.iter().map(|&i| column[i]).collect();
            (code, sorted.into())
        })
        .collect();
    Ok(Series {
        source,
        granularity: Granularity::Daily,
        base: Currency::EUR,
        quote: Quote::PerBase,
        dates,
        columns,
    })
}

/// A rate as the ECB writes it: digits and one point only (`from_str_exact`
/// also takes `1_1` and `1e3`), positive.
fn rate(text: &str) -> Option<Decimal> {
    Some(text)
        .filter(|v| v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .and_then(|v| Decimal::from_str_exact(v).ok())
        .filter(|d| d.is_sign_positive() && !d.is_zero())
}

/// `2025-04-11`, or `11 April 2025` as the daily file writes it (English
/// month names, whole or in three letters).
fn date(text: &str) -> Option<Date> {
    if let Ok(d) = text.parse() {
        return Some(d);
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut words = text.split_whitespace();
    let (day, month, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || day.len() > 2 || year.len() != 4 {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(day) || !digits(year) {
        return None;
    }
    let month = month.to_ascii_lowercase();
    let m = MONTHS
        .iter()
        .position(|name| *name == month || (month.len() == 3 && name.starts_with(&month)))?;
    let m = i8::try_from(m + 1).ok()?;
    Date::new(year.parse().ok()?, m, day.parse().ok()?).ok()
}

/// The fields of one CSV line, read by one `csv_core` reader reused for
/// every line: building a reader per line cost more than the table's parse.
struct Fields {
    reader: csv_core::Reader,
    /// Room for a line's fields, reused: never shorter than a line read.
    out: Vec<u8>,
    text: String,
    /// Where each field ends in `text`: the first `count` are this line's.
    ends: Vec<usize>,
    count: usize,
    /// The line had quotes: field offsets are not the line's.
    quoted: bool,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            // `Reader::default()` has no delimiter set: `new()` has the comma.
            reader: csv_core::Reader::new(),
            out: Vec::new(),
            text: String::new(),
            ends: Vec::new(),
            count: 0,
            quoted: false,
        }
    }
}

impl Fields {
    /// Reads `line` (no line end); false when it is not UTF-8.
    fn read(&mut self, line: &[u8]) -> bool {
        self.reader.reset();
        // A record's fields are never longer than its line, nor more than
        // its bytes and one; the buffers only grow, so only a longer line
        // than any before costs an allocation.
        if self.out.len() < line.len() {
            self.out.resize(line.len(), 0);
        }
        if self.ends.len() <= line.len() {
            self.ends.resize(line.len() + 1, 0);
        }
        let (mut input, mut o, mut e) = (line, 0, 0);
        loop {
            let (result, nin, nout, nend) =
                self.reader
                    .read_record(input, &mut self.out[o..], &mut self.ends[e..]);
            (input, o, e) = (&input[nin..], o + nout, e + nend);
            // Input used up (an empty input then ends the record), or a
            // record: nothing else can happen with room for the whole line.
            if !matches!(result, csv_core::ReadRecordResult::InputEmpty) {
                break;
            }
        }
        self.count = e;
        // Only quotes make the fields shorter than the line less its
        // commas (checked so, not by a search of every line).
        self.quoted = o + e.saturating_sub(1) != line.len();
        match std::str::from_utf8(&self.out[..o]) {
            Ok(text) => {
                self.text.clear();
                self.text.push_str(text);
                true
            }
            Err(_) => false,
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let ends = &self.ends[..self.count];
        let starts = std::iter::once(0).chain(ends.iter().copied());
        starts
            .zip(ends.iter().copied())
            .map(|(start, end)| &self.text[start..end])
    }

    /// The 1-based column, in characters, where field `i` starts once its
    /// spaces are skipped; `None` for a line with quotes, whose fields were
    /// unquoted.
    fn column(&self, i: usize) -> Option<u64> {
        if self.quoted || i >= self.count {
            return None;
        }
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1],
        };
        let field = self.text.get(start..self.ends[i])?;
        let at = start + field.len() - field.trim_start().len();
        // The text is the fields without their commas: one before each.
        let before = self.text.get(..at)?.chars().count() + i;
        Some(before as u64 + 1)
    }
}

/// No line of a rates file is longer: the ECB's are about 400 bytes.
const LONGEST_LINE: u64 = 1 << 20;

/// The lines of a reader, each with its 1-based number, ended by `\n`,
/// `\r\n` or a lone `\r`, without their ends.
struct Lines<R> {
    reader: R,
    /// Lines split off the last read at lone `\r`s, not yet handed out.
    pending: VecDeque<Vec<u8>>,
    number: u64,
}

impl<R: BufRead> Lines<R> {
    fn next_line(&mut self) -> Result<Option<(u64, Vec<u8>)>> {
        if self.pending.is_empty() {
            let mut line = Vec::new();
            let mut capped = (&mut self.reader).take(LONGEST_LINE + 1);
            if capped.read_until(b'\n', &mut line)? == 0 {
                return Ok(None);
            }
            if line.len() as u64 > LONGEST_LINE && line.last() != Some(&b'\n') {
                let problem = RatesProblem::LongLine {
                    limit: LONGEST_LINE,
                };
                return Err(bad(Some((self.number + 1, None)), problem));
            }
            if line.last() == Some(&b'\n') {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            // A lone `\r` ends a line too (an old Mac file); most lines
            // have none, and go out as read.
            if memchr::memchr(b'\r', &line).is_none() {
                self.pending.push_back(line);
            } else {
                self.pending
                    .extend(line.split(|&b| b == b'\r').map(<[u8]>::to_vec));
            }
        }
        self.number += 1;
        Ok(self.pending.pop_front().map(|line| (self.number, line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_the_daily_file_writes_them() {
        let d = |s: &str| date(s).map(|d| d.to_string());
        assert_eq!(d("11 April 2025").as_deref(), Some("2025-04-11"));
        assert_eq!(d("2 Jan 2026").as_deref(), Some("2026-01-02"));
        assert_eq!(d("2025-04-11").as_deref(), Some("2025-04-11"));
        assert_eq!(d("31 April 2025"), None);
        assert_eq!(d("11 Apr. 2025"), None);
        assert_eq!(d("11 April 2025 x"), None);
        assert_eq!(d("+11 April 2025"), None);
        assert_eq!(d("11 Ap 2025"), None);
    }

    #[test]
    fn columns_count_characters_after_the_spaces() {
        let mut f = Fields::default();
        assert!(f.read("a, bé,  c".as_bytes()));
        assert_eq!(
            (f.column(0), f.column(1), f.column(2)),
            (Some(1), Some(4), Some(9))
        );
        assert_eq!(f.column(3), None);
        assert!(f.read(br#""a",b"#));
        assert_eq!(f.column(1), None);
    }
}
