//! Inputs of many articles: one JSON object per line, or a column of a CSV.
//!
//! Each record becomes an [`Article`] (its text, id, date, url and
//! language); a bad record is an `Err` naming its line, and reading goes on.

use std::io::{BufRead, BufReader, Read};

use jiff::civil::Date;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::lang::Lang;

/// One article of a multi-article input.
///
/// # Example
///
/// ```
/// let input = r#"{"text": "€5m", "id": "a1", "date": "2025-04-11", "lang": "de"}"#;
/// let article = figures::Articles::jsonl(input.as_bytes()).next().unwrap()?;
/// assert_eq!((article.text.as_str(), article.id.as_str()), ("€5m", "a1"));
/// assert_eq!((article.date, article.lang, article.line), (Some("2025-04-11".parse()?), Some(figures::Lang::De), 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The text to read.
    pub text: String,
    /// Its id as given (a JSON number as written), else its 1-based record
    /// number.
    pub id: String,
    /// Its own date, the first in the audit's date order.
    pub date: Option<Date>,
    /// Where it was published, as given.
    pub url: Option<String>,
    /// The language to read it in, instead of the detected one.
    pub lang: Option<Lang>,
    /// The 1-based line of the input where its record starts.
    pub line: u64,
    /// The values of the CSV columns carried through
    /// ([`CsvLayout::keep_columns`]), in the order of [`Articles::carried`].
    pub carried: Vec<String>,
}

/// Which columns of a CSV input hold what (header names).
///
/// # Example
///
/// ```
/// let layout = figures::CsvLayout::new("body").delimiter(b';').date("published");
/// let input = "published;body\n2025-04-11;Aid: €5m\n";
/// let article = figures::Articles::csv(input.as_bytes(), layout)?.next().unwrap()?;
/// assert_eq!((article.text.as_str(), article.id.as_str(), article.line), ("Aid: €5m", "1", 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvLayout {
    text: String,
    date: Option<String>,
    id: Option<String>,
    delimiter: u8,
    keep: bool,
}

impl CsvLayout {
    /// The articles' text is the column named `text`; `,` separates fields.
    ///
    /// # Example
    ///
    /// ```
    /// let layout = figures::CsvLayout::new("text");
    /// let mut articles = figures::Articles::csv("text\n$5\n".as_bytes(), layout)?;
    /// assert_eq!(articles.next().unwrap()?.text, "$5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(text: impl Into<String>) -> CsvLayout {
        CsvLayout {
            text: text.into(),
            date: None,
            id: None,
            delimiter: b',',
            keep: false,
        }
    }

    /// Each article's date (YYYY-MM-DD, or empty) is in this column.
    ///
    /// # Example
    ///
    /// ```
    /// let layout = figures::CsvLayout::new("text").date("day");
    /// let a = figures::Articles::csv("text,day\n$5,2025-04-11\n".as_bytes(), layout)?.next().unwrap()?;
    /// assert_eq!(a.date, Some("2025-04-11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn date(mut self, column: impl Into<String>) -> CsvLayout {
        self.date = Some(column.into());
        self
    }

    /// Each article's id is in this column (else its record number).
    ///
    /// # Example
    ///
    /// ```
    /// let layout = figures::CsvLayout::new("text").id("key");
    /// let a = figures::Articles::csv("key,text\nk7,$5\n".as_bytes(), layout)?.next().unwrap()?;
    /// assert_eq!(a.id, "k7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(mut self, column: impl Into<String>) -> CsvLayout {
        self.id = Some(column.into());
        self
    }

    /// Fields are separated by this byte (`;`, `\t`...).
    ///
    /// # Example
    ///
    /// ```
    /// let layout = figures::CsvLayout::new("text").delimiter(b'\t');
    /// let a = figures::Articles::csv("n\ttext\n1\t$5, or €4\n".as_bytes(), layout)?.next().unwrap()?;
    /// assert_eq!(a.text, "$5, or €4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn delimiter(mut self, delimiter: u8) -> CsvLayout {
        self.delimiter = delimiter;
        self
    }

    /// Carries every column but the text through to each article
    /// ([`Article::carried`]).
    ///
    /// # Example
    ///
    /// ```
    /// let layout = figures::CsvLayout::new("text").keep_columns();
    /// let mut articles = figures::Articles::csv("source,text,n\nwire,$5,1\n".as_bytes(), layout)?;
    /// assert_eq!(articles.carried(), ["input_source", "n"]); // `source` is a column of ours
    /// assert_eq!(articles.next().unwrap()?.carried, ["wire", "1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn keep_columns(mut self) -> CsvLayout {
        self.keep = true;
        self
    }
}

/// What is wrong with one record of a multi-article input.
///
/// # Example
///
/// ```
/// let err = figures::Articles::jsonl(r#"{"id": 1}"#.as_bytes()).next().unwrap().unwrap_err();
/// assert_eq!(err.to_string(), "line 1, column 9: record skipped: missing field `text`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordProblem {
    /// Not a JSON object with a string `text`.
    #[error("{0}")]
    Json(String),
    /// A CSV record the reader cannot split (a field count unlike the
    /// header's, say).
    #[error("{0}")]
    Csv(String),
    /// A field that is not UTF-8.
    #[error("column {column:?} is not UTF-8 (from byte {valid_up_to} of the field)")]
    NotUtf8 {
        /// The column's name.
        column: String,
        /// The bytes of the field that are valid.
        valid_up_to: usize,
    },
    /// A date that is not YYYY-MM-DD.
    #[error("{text:?} is not a date (YYYY-MM-DD)")]
    BadDate {
        /// The date as written.
        text: String,
    },
    /// A language we do not read.
    #[error("{0}")]
    BadLang(String),
}

/// The articles of an input, in order; a bad record is an `Err` with its
/// line, and the next record follows. A read error ends them.
///
/// # Example
///
/// ```
/// let input = "{\"text\": \"$5\"}\nnot json\n{\"text\": \"€6\", \"id\": 9}\n";
/// let items: Vec<_> = figures::Articles::jsonl(input.as_bytes()).named("in.jsonl").collect();
/// assert_eq!(items[0].as_ref().unwrap().id, "1");
/// assert!(items[1].as_ref().unwrap_err().to_string().starts_with("in.jsonl:2:2: record skipped: expected ident"));
/// assert_eq!(items[2].as_ref().unwrap().id, "9");
/// ```
pub struct Articles<R> {
    source: Option<String>,
    records: u64,
    inner: Inner<R>,
    done: bool,
}

enum Inner<R> {
    Jsonl {
        lines: BufReader<R>,
        line: u64,
        buffer: Vec<u8>,
    },
    Csv {
        reader: Box<csv::Reader<R>>,
        columns: Columns,
        record: csv::ByteRecord,
    },
}

/// The header's positions of the columns a [`CsvLayout`] names.
struct Columns {
    names: Vec<String>,
    text: usize,
    date: Option<usize>,
    id: Option<usize>,
    carried: Vec<usize>,
    carried_names: Vec<String>,
}

/// One article of `--input jsonl`.
#[derive(serde::Deserialize)]
struct Record {
    text: String,
    id: Option<serde_json::Value>,
    date: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

impl<R: Read> Articles<R> {
    /// The articles of a JSON-lines input: one object per line with a
    /// string `text`, and optionally `id`, `date` (YYYY-MM-DD), `url` and
    /// `lang` (en, de, fr, es, it, nl, pt); other keys are ignored, and
    /// blank lines skipped.
    ///
    /// # Example
    ///
    /// ```
    /// let input = "{\"text\": \"$5\", \"url\": \"https://example.org/a\", \"extra\": true}\n\n";
    /// let all: Vec<_> = figures::Articles::jsonl(input.as_bytes()).collect::<Result<_, _>>()?;
    /// assert_eq!((all.len(), all[0].url.as_deref()), (1, Some("https://example.org/a")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn jsonl(input: R) -> Articles<R> {
        Articles {
            source: None,
            records: 0,
            inner: Inner::Jsonl {
                lines: BufReader::new(input),
                line: 0,
                buffer: Vec::new(),
            },
            done: false,
        }
    }

    /// The articles of a CSV with a header row: the text in one column,
    /// and optionally the date and id in others ([`CsvLayout`]).
    ///
    /// # Errors
    ///
    /// When the header cannot be read or lacks a column the layout names.
    ///
    /// # Example
    ///
    /// ```
    /// let err = figures::Articles::csv("title,body\n".as_bytes(), figures::CsvLayout::new("text")).err().unwrap();
    /// assert_eq!(err.to_string(), "line 1: no column \"text\" in the header (columns: title, body)");
    /// ```
    pub fn csv(input: R, layout: CsvLayout) -> Result<Articles<R>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(layout.delimiter)
            .from_reader(input);
        let header = reader.byte_headers().map_err(read_error)?.clone();
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{feff}')
                    .to_string()
            })
            .collect();
        let find = |name: &str| {
            names.iter().position(|n| n == name).ok_or_else(|| {
                let mut columns = names.join(", ");
                // One column holding another delimiter: the likely mistake.
                if let [only] = &names[..]
                    && let Some(d) = [';', '\t', '|'].into_iter().find(|&d| only.contains(d))
                {
                    columns.push_str(&format!("; the delimiter may be {d:?}"));
                }
                let kind = ErrorKind::NoColumn {
                    name: name.to_string(),
                    columns,
                };
                Error::new(kind, Location::in_line(1, None))
            })
        };
        let text = find(&layout.text)?;
        let date = layout.date.as_deref().map(find).transpose()?;
        let id = layout.id.as_deref().map(find).transpose()?;
        let carried: Vec<usize> = match layout.keep {
            true => (0..names.len()).filter(|&i| i != text).collect(),
            false => Vec::new(),
        };
        let carried_names = carried
            .iter()
            .map(
                |&i| match crate::output::Row::COLUMNS.contains(&names[i].as_str()) {
                    true => format!("input_{}", names[i]),
                    false => names[i].clone(),
                },
            )
            .collect();
        let columns = Columns {
            names,
            text,
            date,
            id,
            carried,
            carried_names,
        };
        Ok(Articles {
            source: None,
            records: 0,
            inner: Inner::Csv {
                reader: Box::new(reader),
                columns,
                record: csv::ByteRecord::new(),
            },
            done: false,
        })
    }
}

impl<R> Articles<R> {
    /// Names the input in the errors' locations.
    ///
    /// # Example
    ///
    /// ```
    /// let err = figures::Articles::jsonl("[]".as_bytes()).named("a.jsonl").next().unwrap().unwrap_err();
    /// assert_eq!(err.location().source(), Some("a.jsonl"));
    /// ```
    #[must_use]
    pub fn named(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The names of the columns carried through, in order; a name that is
    /// also a column of [`Row`](crate::Row) gets `input_` before it.
    ///
    /// # Example
    ///
    /// ```
    /// let articles = figures::Articles::jsonl("".as_bytes());
    /// assert!(articles.carried().is_empty());
    /// ```
    pub fn carried(&self) -> &[String] {
        match &self.inner {
            Inner::Csv { columns, .. } => &columns.carried_names,
            Inner::Jsonl { .. } => &[],
        }
    }

    fn placed(&self, err: Error) -> Error {
        match &self.source {
            Some(s) => err.in_source(s),
            None => err,
        }
    }
}

fn read_error(e: csv::Error) -> Error {
    let line = e.position().map_or(1, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} field(s) where the header has {expected_len}"),
        _ => e.to_string(),
    };
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        _ => skipped(RecordProblem::Csv(message), line, None),
    }
}

fn skipped(problem: RecordProblem, line: u64, column: Option<u64>) -> Error {
    Error::new(
        ErrorKind::BadRecord(problem),
        Location::in_line(line, column),
    )
}

fn parse_date(text: &str, line: u64) -> Result<Date> {
    text.trim().parse().map_err(|_| {
        let text = text.to_string();
        skipped(RecordProblem::BadDate { text }, line, None)
    })
}

impl<R: Read> Iterator for Articles<R> {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        if self.done {
            return None;
        }
        let item = match &mut self.inner {
            Inner::Jsonl {
                lines,
                line,
                buffer,
            } => next_json(lines, line, buffer, &mut self.records),
            Inner::Csv {
                reader,
                columns,
                record,
            } => next_csv(reader, columns, record, &mut self.records),
        };
        match item {
            None => {
                self.done = true;
                None
            }
            Some(Err(e)) => {
                self.done |= e.is_io();
                Some(Err(self.placed(e)))
            }
            Some(Ok(a)) => Some(Ok(a)),
        }
    }
}

fn next_json<R: Read>(
    lines: &mut BufReader<R>,
    line: &mut u64,
    buffer: &mut Vec<u8>,
    records: &mut u64,
) -> Option<Result<Article>> {
    loop {
        buffer.clear();
        match lines.read_until(b'\n', buffer) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(e.into())),
        }
        *line += 1;
        if !buffer.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    *records += 1;
    let at = *line;
    let record: Record = match serde_json::from_slice(buffer) {
        Ok(r) => r,
        Err(e) => {
            let column = u64::try_from(e.column()).ok().filter(|&c| c > 0);
            let message = e.to_string();
            // serde_json ends its message with the place, which we give.
            let message = match message.rfind(" at line ") {
                Some(cut) => message[..cut].to_string(),
                None => message,
            };
            return Some(Err(skipped(RecordProblem::Json(message), at, column)));
        }
    };
    let date = match record
        .date
        .as_deref()
        .map(|d| parse_date(d, at))
        .transpose()
    {
        Ok(d) => d,
        Err(e) => return Some(Err(e)),
    };
    let lang = match record.lang.as_deref().map(str::parse::<Lang>).transpose() {
        Ok(l) => l,
        Err(e) => {
            let problem = RecordProblem::BadLang(e.kind().to_string());
            return Some(Err(skipped(problem, at, None)));
        }
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) if !v.is_null() => v.to_string(),
        _ => records.to_string(),
    };
    Some(Ok(Article {
        text: record.text,
        id,
        date,
        url: record.url,
        lang,
        line: at,
        carried: Vec::new(),
    }))
}

fn next_csv<R: Read>(
    reader: &mut csv::Reader<R>,
    columns: &Columns,
    record: &mut csv::ByteRecord,
    records: &mut u64,
) -> Option<Result<Article>> {
    match reader.read_byte_record(record) {
        Ok(false) => return None,
        Ok(true) => {}
        Err(e) => {
            *records += 1;
            return Some(Err(read_error(e)));
        }
    }
    *records += 1;
    let line = record.position().map_or(0, csv::Position::line);
    let field = |i: usize| -> Result<&str> {
        let bytes = record.get(i).unwrap_or_default();
        std::str::from_utf8(bytes).map_err(|e| {
            let problem = RecordProblem::NotUtf8 {
                column: columns.names[i].clone(),
                valid_up_to: e.valid_up_to(),
            };
            skipped(problem, line, Some(i as u64 + 1))
        })
    };
    let read = || -> Result<Article> {
        let date = match columns.date.map(field).transpose()? {
            Some(d) if !d.trim().is_empty() => Some(parse_date(d, line)?),
            _ => None,
        };
        let id = match columns.id.map(field).transpose()? {
            Some(id) => id.to_string(),
            None => records.to_string(),
        };
        let carried = columns
            .carried
            .iter()
            .map(|&i| field(i).map(str::to_string))
            .collect::<Result<_>>()?;
        Ok(Article {
            text: field(columns.text)?.to_string(),
            id,
            date,
            url: None,
            lang: None,
            line,
            carried,
        })
    };
    Some(read())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(input: &str) -> Vec<std::result::Result<Article, String>> {
        Articles::jsonl(input.as_bytes())
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn json_records_and_their_problems() {
        let input = "{\"text\": \"a\", \"id\": 7}\n\
                     {\"text\": 5}\n\
                     \n\
                     {\"text\": \"b\", \"date\": \"11/04/2025\"}\n\
                     {\"text\": \"c\", \"lang\": \"xx\"}\n\
                     {\"text\": \"d\", \"id\": null, \"date\": null}\n";
        let all = jsonl(input);
        assert_eq!(all.len(), 5);
        assert_eq!(all[0].as_ref().unwrap().id, "7");
        assert_eq!(
            all[1].as_ref().unwrap_err(),
            "line 2, column 10: record skipped: invalid type: integer `5`, expected a string"
        );
        assert_eq!(
            all[2].as_ref().unwrap_err(),
            "line 4: record skipped: \"11/04/2025\" is not a date (YYYY-MM-DD)"
        );
        assert!(
            all[3]
                .as_ref()
                .unwrap_err()
                .starts_with("line 5: record skipped: unknown language")
        );
        let last = all[4].as_ref().unwrap();
        assert_eq!((last.id.as_str(), last.line, last.date), ("5", 6, None));
    }

    #[test]
    fn csv_records_and_their_problems() {
        let input = b"id,text,date\n\
                      a,\"line one\nline two $5\",2025-04-11\n\
                      b,x\n\
                      c,\xff,\n\
                      d,$6,bad\n\
                      e,$7,\n";
        let layout = CsvLayout::new("text").id("id").date("date");
        let all: Vec<_> = Articles::csv(&input[..], layout)
            .unwrap()
            .named("in.csv")
            .map(|r| r.map_err(|e| e.to_string()))
            .collect();
        assert_eq!(all.len(), 5);
        let first = all[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.line), ("a", 2));
        assert_eq!(first.text, "line one\nline two $5");
        assert_eq!(
            all[1].as_ref().unwrap_err(),
            "in.csv: line 4: record skipped: 2 field(s) where the header has 3"
        );
        assert_eq!(
            all[2].as_ref().unwrap_err(),
            "in.csv:5:2: record skipped: column \"text\" is not UTF-8 (from byte 0 of the field)"
        );
        assert!(
            all[3]
                .as_ref()
                .unwrap_err()
                .contains("line 6: record skipped: \"bad\"")
        );
        let last = all[4].as_ref().unwrap();
        assert_eq!((last.id.as_str(), last.date, last.line), ("e", None, 7));
    }

    #[test]
    fn csv_header_with_a_bom_and_clashing_names() {
        let input = "\u{feff}text,source,line,note\n$5,wire,3,x\n";
        let layout = CsvLayout::new("text").keep_columns();
        let mut articles = Articles::csv(input.as_bytes(), layout).unwrap();
        assert_eq!(articles.carried(), ["input_source", "input_line", "note"]);
        assert_eq!(
            articles.next().unwrap().unwrap().carried,
            ["wire", "3", "x"]
        );
    }
}
