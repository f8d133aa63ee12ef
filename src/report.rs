//! The whole path over one input: chunks → mentions → pairs → audits →
//! findings.

use std::collections::VecDeque;
use std::io::Read;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::amount::Basis;
use crate::audit::{Audit, DateBasis, Note, Tolerance, allows, audit, significant};
use crate::context::sentence;
use crate::convert::{Converted, NotConverted};
use crate::currency::Currency;
use crate::error::{Error, Location, Result};
use crate::extract::{Earlier, Extractor, Mention};
use crate::lang::Lang;
use crate::pair::{Role, pairs_around, writer_rates};
use crate::rates::RateTable;
use crate::read::{Chunk, Chunks};

/// Runs extraction, pairing and auditing over an input: its
/// [`Report::findings`].
///
/// # Example
///
/// ```
/// use figures::{Decimal, Report};
/// let found: Vec<_> = Report::new().findings_in("Up to £1.3bn.").collect::<Result<_, _>>()?;
/// assert_eq!(found[0].text, "Up to £1.3bn");
/// assert_eq!(found[0].mention.max, Some(Decimal::from(1_300_000_000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Report {
    extractor: Extractor,
    rates: Option<RateTable>,
    date: Option<Dating>,
    tolerance: Tolerance,
    chunk_limit: Option<usize>,
    to: Option<Currency>,
}

impl Default for Report {
    fn default() -> Report {
        Report::new()
    }
}

/// The date given for every text of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dating {
    Given(Date),
    /// The rate table's last day.
    Latest,
}

/// A date written in the text, and where.
#[derive(Clone, Debug)]
struct WrittenDate {
    date: Date,
    line: u64,
    text: String,
}

/// The 1-based line of byte `at` of `chunk`.
fn line_at(chunk: &Chunk, at: usize) -> u64 {
    chunk.line + crate::lines::breaks(&chunk.text.as_bytes()[..at])
}

/// How far back in an article evidence of its currency is looked for.
const EVIDENCE_REACH: u64 = 64 * 1024;

/// One amount found in an input, with its place, what pairing made of it,
/// and for a stated conversion its audit.
///
/// [`Row`](crate::Row) and [`AuditRow`](crate::AuditRow) are views of it
/// for the writers. With the `serde` feature it serializes as the mention's
/// fields, then `line`, `text`, `role`, `pair` and `audit` (no `figure`:
/// `pair` links them).
///
/// # Example
///
/// ```
/// use figures::{Report, Role, Verdict};
/// let report = Report::new().date("2025-04-11".parse()?);
/// let found: Vec<_> = report.findings_in("Aid:\n€21 billion ($24 billion).").collect::<Result<_, _>>()?;
/// let conversion = &found[1];
/// assert_eq!((conversion.line, conversion.role, conversion.pair), (2, Role::Conversion, Some(1)));
/// assert_eq!(conversion.mention.span, 20..31); // bytes of the whole input
/// assert_eq!(conversion.audit.as_ref().unwrap().verdict, Verdict::Consistent);
/// assert_eq!(conversion.figure.as_ref().unwrap().text, "€21 billion");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// The amount; its span is in bytes of the whole input.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub mention: Mention,
    /// The 1-based line where it starts.
    pub line: u64,
    /// Its text as written.
    pub text: String,
    /// A figure in its own right, or the stated conversion of one.
    pub role: Role,
    /// The id, from 1 in each input, shared by a figure and its conversions.
    pub pair: Option<u64>,
    /// For a conversion, the audit of the rate it states.
    pub audit: Option<Audit>,
    /// For a conversion, the figure it converts.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub figure: Option<Box<Finding>>,
    /// Its values in the currency of [`Report::to`], or why not; `None`
    /// when no currency was asked for.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub converted: Option<std::result::Result<Converted, NotConverted>>,
    /// For a conversion, the sentence that holds it and its figure.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub sentence: Option<Sentence>,
}

/// The sentence around a pair (from one sentence's end to the next, at
/// most a few hundred bytes either side), for a reader to see the amounts
/// in their words: [`Finding::sentence`].
///
/// # Example
///
/// ```
/// let text = "Aid came. It was €21 billion ($24 billion) in all. More later.";
/// let found = figures::Report::new().findings_in(text).nth(1).unwrap()?;
/// let s = found.sentence.unwrap();
/// assert_eq!((s.start, s.text.as_str()), (10, "It was €21 billion ($24 billion) in all."));
/// assert_eq!(&text[found.mention.span.clone()], &s.text[found.mention.span.start - s.start..][..11]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its first byte in the input, as the mentions' spans count.
    pub start: usize,
    /// The sentence as written.
    pub text: String,
}

/// The findings of one input, in order, with its problems (invalid UTF-8,
/// an amount too large for a decimal) as `Err` items in their place: the
/// iteration goes on after them. A read error ends it. Memory is one block
/// of text (about 1 KiB, at most 1 MiB) and 64 KiB of earlier text kept for
/// its evidence, whatever the input's size.
///
/// # Example
///
/// ```
/// let input: &[u8] = b"\xff paid $5";
/// let items: Vec<_> = figures::Report::new().findings(input).named("in.txt").collect();
/// assert_eq!(items[0].as_ref().unwrap_err().to_string(), "in.txt:1:1: byte 0: invalid UTF-8 (1 byte(s) skipped)");
/// let found = items[1].as_ref().unwrap();
/// assert_eq!((found.text.as_str(), found.mention.span.start), ("$5", 7));
/// ```
#[must_use = "findings are read only as the iterator is"]
pub struct Findings<'r, R> {
    report: &'r Report,
    chunks: Source<R>,
    source: Option<String>,
    next_pair: u64,
    /// Earlier blocks within [`EVIDENCE_REACH`], for their evidence.
    carried: VecDeque<Earlier>,
    /// The current block's items, in order.
    ready: VecDeque<Result<Finding>>,
    done: bool,
    /// The text's own date, given with it.
    article: Option<Date>,
    /// The date written in the text, once found; looked for only while no
    /// date is given.
    written: Option<WrittenDate>,
    /// The rates the writer stated so far, the latest of each pair of
    /// currencies: unit, value currency, rate, line.
    writer_rates: Vec<(Currency, Currency, Decimal, u64)>,
    /// The report's extractor set to this text's language, when given.
    extractor: Option<Extractor>,
    /// The language the current paragraph was detected in, for its next block.
    language: Option<Lang>,
}

/// Where a [`Findings`] takes its blocks from.
enum Source<R> {
    /// Read as they are needed.
    Here(Chunks<R>),
    /// Read on a thread of their own.
    Ahead(crate::read::Ahead),
}

impl<R: Read> Iterator for Source<R> {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        match self {
            Source::Here(chunks) => chunks.next(),
            Source::Ahead(ahead) => ahead.next(),
        }
    }
}

impl Report {
    /// A report with the embedded rates, no date and a 1% tolerance.
    ///
    /// A conversion is audited at its text's date: the one given with the
    /// text ([`Findings::dated`]), else [`Report::date`] (or
    /// [`Report::latest`]), else one written in the text (a label such as
    /// `Published`, a dateline, a date at the text's head or on a line of
    /// its own); with none it is not audited.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{DateBasis, Report, Verdict};
    /// let found: Vec<_> = Report::new().findings_in("€21bn ($24bn)").collect::<Result<_, _>>()?;
    /// let audit = found[1].audit.as_ref().unwrap();
    /// assert_eq!((audit.verdict, audit.reason().as_deref()), (Verdict::NotAudited, Some("no date for this text")));
    /// let text = "Published 11 April 2025\nAid: €21bn ($24bn).";
    /// let audit = Report::new().findings_in(text).find_map(|f| f.ok()?.audit).unwrap();
    /// assert_eq!((audit.verdict, audit.date_basis), (Verdict::Consistent, Some(DateBasis::Text)));
    /// assert_eq!(audit.reason().as_deref(), Some("dated by line 1: 11 April 2025"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Report {
        Report {
            extractor: Extractor::new(),
            rates: None,
            date: None,
            tolerance: Tolerance::default(),
            chunk_limit: None,
            to: None,
        }
    }

    /// Reads amounts with `extractor`.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Extractor, Report};
    /// let report = Report::new().extractor(Extractor::new().assume("$", "CAD".parse()?));
    /// let m = report.findings_in("It cost $5.").next().unwrap()?.mention;
    /// assert_eq!((m.currency, m.basis), (Some("CAD".parse()?), figures::Basis::Assumed));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// let table = RateTable::from_csv("Date,USD,\n2025-04-11,1.2,\n")?;
    /// let report = Report::new().rates(table).date("2025-04-11".parse()?);
    /// let audit = report.findings_in("€10 ($12)").find_map(|f| f.ok()?.audit).unwrap();
    /// assert_eq!((audit.reference_rate, audit.verdict), (Some("1.2".parse()?), figures::Verdict::Consistent));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// let audit = report.findings_in("€21 billion ($24 billion)").find_map(|f| f.ok()?.audit).unwrap();
    /// assert_eq!((audit.rate_date, audit.verdict), (Some("2022-09-27".parse()?), figures::Verdict::Inconsistent));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn date(mut self, date: Date) -> Report {
        self.date = Some(Dating::Given(date));
        self
    }

    /// Audits conversions at the rate table's last day, whatever the texts
    /// say, with the basis [`DateBasis::Latest`].
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new().latest();
    /// let audit = report.findings_in("€21 billion ($24 billion)").find_map(|f| f.ok()?.audit).unwrap();
    /// assert_eq!(audit.rate_date, Some("2026-10-30".parse()?));
    /// assert_eq!(audit.reason().as_deref(), Some("dated by the table's last day, 2026-10-30"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn latest(mut self) -> Report {
        self.date = Some(Dating::Latest);
        self
    }

    /// Converts every amount to `currency` at its text's date (the date
    /// order of an audit): [`Finding::converted`].
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Currency, Report};
    /// let report = Report::new().date("2025-04-11".parse()?).to(Currency::EUR);
    /// let c = report.findings_in("$24 billion").next().unwrap()?.converted.unwrap()?;
    /// assert_eq!(c.amount, Some("21152829190.9".parse()?)); // 24e9 / 1.1346, to the cent
    /// let undated = Report::new().to(Currency::EUR);
    /// let why = undated.findings_in("$24 billion").next().unwrap()?.converted.unwrap().unwrap_err();
    /// assert_eq!(why.to_string(), "not converted: no date for this text");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to(mut self, currency: Currency) -> Report {
        self.to = Some(currency);
        self
    }

    /// Calls a conversion consistent within `tolerance`.
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new().date("2025-04-11".parse()?).tolerance("10%".parse()?);
    /// let audit = report.findings_in("€100 ($120)").find_map(|f| f.ok()?.audit).unwrap();
    /// assert_eq!(audit.verdict, figures::Verdict::Consistent); // 1.2 vs 1.1346: inconsistent at the default 1%
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// assert_eq!(report.findings_in("$5").count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(hidden)]
    #[must_use]
    pub fn chunk_limit(mut self, limit: usize) -> Report {
        self.chunk_limit = Some(limit);
        self
    }

    fn table(&self) -> &RateTable {
        self.rates.as_ref().unwrap_or_else(|| RateTable::embedded())
    }

    /// The findings of `input`, streamed (see [`Findings`]).
    ///
    /// # Example
    ///
    /// ```
    /// let file = std::io::Cursor::new("Rs 500 crore and $5 ($4)");
    /// let report = figures::Report::new();
    /// let mut found = report.findings(file);
    /// let first = found.next().unwrap()?;
    /// assert_eq!((first.text.as_str(), first.mention.currency.unwrap().as_str()), ("Rs 500 crore", "INR"));
    /// assert_eq!(found.count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn findings<R: Read>(&self, input: R) -> Findings<'_, R> {
        self.findings_from(Source::Here(self.chunks(input)))
    }

    /// As [`Report::findings`], the input read, checked as UTF-8 and cut
    /// into blocks on a thread of its own, a few blocks ahead: on two cores
    /// a large input takes less time. The findings are the same, in the
    /// same order.
    ///
    /// # Example
    ///
    /// ```
    /// let file = std::io::Cursor::new("Rs 500 crore and $5 ($4)");
    /// let report = figures::Report::new();
    /// let here: Vec<_> = report.findings(file.clone()).map(|f| f.unwrap().text).collect();
    /// let ahead: Vec<_> = report.findings_ahead(file).map(|f| f.unwrap().text).collect();
    /// assert_eq!(here, ahead);
    /// ```
    pub fn findings_ahead<R: Read + Send + 'static>(&self, input: R) -> Findings<'_, R> {
        self.findings_from(Source::Ahead(crate::read::Ahead::new(self.chunks(input))))
    }

    fn chunks<R: Read>(&self, input: R) -> Chunks<R> {
        match self.chunk_limit {
            Some(limit) => Chunks::with_cap(input, limit),
            None => Chunks::new(input),
        }
    }

    fn findings_from<R: Read>(&self, chunks: Source<R>) -> Findings<'_, R> {
        Findings {
            report: self,
            chunks,
            source: None,
            next_pair: 1,
            carried: VecDeque::new(),
            ready: VecDeque::new(),
            done: false,
            article: None,
            written: None,
            writer_rates: Vec::new(),
            extractor: None,
            language: None,
        }
    }

    /// The findings of a text in memory: a `&str`, `String`, `&[u8]`...
    ///
    /// # Example
    ///
    /// ```
    /// let n = figures::Report::new().findings_in("€1 and €2").filter_map(Result::ok).count();
    /// assert_eq!(n, 2);
    /// ```
    pub fn findings_in<'a, T: AsRef<[u8]> + ?Sized>(
        &'a self,
        text: &'a T,
    ) -> Findings<'a, &'a [u8]> {
        self.findings(text.as_ref())
    }
}

impl<R> std::fmt::Debug for Findings<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Findings")
            .field("source", &self.source)
            .field("next_pair", &self.next_pair)
            .field("ready", &self.ready.len())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R> Findings<'_, R> {
    /// Names the input in the errors' locations (a path, or `-`).
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new();
    /// let err = report.findings_in("$99999999999999999999999999999 trillion").named("a.txt").find_map(Result::err);
    /// assert_eq!(err.unwrap().location().source(), Some("a.txt"));
    /// ```
    pub fn named(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Audits this text's conversions at `date`, its own: before any date
    /// of the run or of the text.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{DateBasis, Report};
    /// let report = Report::new().date("2022-09-27".parse()?);
    /// let found = report.findings_in("€21bn ($24bn)").dated("2025-04-11".parse()?);
    /// let audit = found.filter_map(|f| f.ok()?.audit).next().unwrap();
    /// assert_eq!((audit.rate_date, audit.date_basis), (Some("2025-04-11".parse()?), Some(DateBasis::Article)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dated(mut self, date: Date) -> Self {
        self.article = Some(date);
        self
    }

    /// Reads this text in `lang`, whatever the report's extractor reads in.
    ///
    /// # Example
    ///
    /// ```
    /// let report = figures::Report::new();
    /// let found = report.findings_in("$1.500").lang(figures::Lang::De).next().unwrap()?;
    /// assert_eq!(found.mention.amount, Some(1500.into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lang(mut self, lang: Lang) -> Self {
        self.extractor = Some(self.report.extractor.clone().lang(lang));
        self
    }

    /// The extractor this text is read with.
    fn extractor(&self) -> &Extractor {
        self.extractor.as_ref().unwrap_or(&self.report.extractor)
    }

    /// The date to audit at, its basis and the note that says so.
    fn audit_date(&self) -> (Option<Date>, Option<DateBasis>, Option<Note>) {
        if let Some(d) = self.article {
            return (Some(d), Some(DateBasis::Article), None);
        }
        match self.report.date {
            Some(Dating::Given(d)) => (Some(d), Some(DateBasis::Given), None),
            Some(Dating::Latest) => match self.report.table().last_date() {
                Some(used) => (
                    Some(used),
                    Some(DateBasis::Latest),
                    Some(Note::Latest { used }),
                ),
                None => (None, None, None),
            },
            None => match &self.written {
                Some(w) => {
                    let note = Note::DateInText {
                        line: w.line,
                        text: w.text.clone(),
                    };
                    (Some(w.date), Some(DateBasis::Text), Some(note))
                }
                None => (None, None, None),
            },
        }
    }

    /// Notes the writer's latest stated rate for the pair's two currencies,
    /// and whether the pair agrees with it.
    fn with_writer_rate(&self, audit: &mut Audit, figure: &Mention, conversion: &Mention) {
        let (Some(from), Some(to)) = (figure.currency, conversion.currency) else {
            return;
        };
        let found = self
            .writer_rates
            .iter()
            .rev()
            .find_map(|&(unit, cur, rate, line)| {
                match (unit == from && cur == to, unit == to && cur == from) {
                    (true, _) => Some((rate, line)),
                    (_, true) => Some((Decimal::ONE.checked_div(rate)?, line)),
                    _ => None,
                }
            });
        let Some((rate, line)) = found else {
            return;
        };
        let rate = significant(rate);
        audit.writer_rate = Some(rate);
        if let Some(agrees) = allows(figure, conversion, rate, self.report.tolerance) {
            audit.notes.push(Note::WriterRate { rate, line, agrees });
        }
    }

    /// Looks for the date written in `chunk`, while none is given or found.
    fn look_for_date(&mut self, chunk: &Chunk) {
        if self.article.is_some() || self.report.date.is_some() || self.written.is_some() {
            return;
        }
        let text = chunk.text.as_str();
        let head = chunk.offset < crate::dates::HEAD as u64;
        let lang = || {
            let forced = self.extractor().forced_lang();
            forced.or_else(|| crate::detect::language(text))
        };
        if let Some(w) = crate::dates::written(text, head, &lang) {
            let line = line_at(chunk, w.span.start);
            self.written = Some(WrittenDate {
                date: w.date,
                line,
                text: text[w.span].to_string(),
            });
        }
    }

    fn placed(&self, err: Error) -> Error {
        match &self.source {
            Some(name) => err.in_source(name),
            None => err,
        }
    }

    /// Reads one block into `ready`: its problems and findings, by place.
    fn analyse(&mut self, mut chunk: Chunk) {
        let report = self.report;
        let text = chunk.text.as_str();
        let mut items: Vec<(u64, Result<Finding>)> = chunk
            .problems
            .drain(..)
            .map(|p| (p.location().byte().unwrap_or(0), Err(p)))
            .collect();
        // Fields, not `self.extractor()`: `carried` is borrowed mutably beside it.
        let extractor = self.extractor.as_ref().unwrap_or(&report.extractor);
        let prior = self.carried.make_contiguous();
        let carried = if chunk.follows { self.language } else { None };
        let mut found = extractor
            .mentions_in(text, prior, (chunk.line, chunk.column))
            .carrying(carried);
        if chunk.continues {
            found = found.continuing();
        }
        if let Some(listed) = &chunk.candidates {
            found = found.with_candidates(listed);
        }
        if let Some(seen) = chunk.seen.take() {
            found = found.with_evidence(seen);
        }
        let mut mentions = Vec::new();
        for m in found.by_ref() {
            match m {
                Ok(m) => mentions.push(m),
                Err(e) => {
                    let e = e.shifted(chunk.offset);
                    items.push((e.location().byte().unwrap_or(0), Err(e)));
                }
            }
        }
        self.language = found.language_to_carry();
        let seen = found.into_evidence();
        self.look_for_date(&chunk);
        let (date, basis, note) = self.audit_date();
        let mut links = vec![(Role::Figure, None, None); mentions.len()];
        let rates = writer_rates(text, &mentions);
        for r in &rates {
            links[r.value].0 = Role::Rate;
            if let Some(u) = r.unit_mention {
                links[u].0 = Role::Rate;
            }
            let value = &mentions[r.value];
            if let Some(to) = value.currency {
                let line = line_at(&chunk, value.span.start);
                // The latest rate of a pair of currencies is the one used.
                self.writer_rates
                    .retain(|&(u, c, ..)| !(u == r.unit && c == to || u == to && c == r.unit));
                self.writer_rates.push((r.unit, to, r.rate, line));
            }
        }
        for p in pairs_around(text, &mentions, &rates) {
            let id = self.next_pair;
            self.next_pair += 1;
            links[p.figure].1 = Some(id);
            for c in p.conversions {
                let mut verdict = audit(
                    &mentions[p.figure],
                    &mentions[c],
                    report.table(),
                    date,
                    report.tolerance,
                );
                if verdict.date_basis.is_some() {
                    verdict.date_basis = basis;
                    verdict.notes.extend(note.clone());
                }
                self.with_writer_rate(&mut verdict, &mentions[p.figure], &mentions[c]);
                // The side the pair read as another currency is that currency.
                for n in &verdict.notes {
                    if let Note::ReadAs {
                        figure, currency, ..
                    } = n
                    {
                        let side = &mut mentions[if *figure { p.figure } else { c }];
                        side.currency = Some(*currency);
                        side.basis = Basis::Pair;
                        side.alternatives.clear();
                    }
                }
                let (f, m) = (&mentions[p.figure].span, &mentions[c].span);
                let around = sentence(text, &(f.start.min(m.start)..f.end.max(m.end)));
                links[c] = (
                    Role::Conversion,
                    Some(id),
                    Some((p.figure, verdict, around)),
                );
            }
            for r in p.restated {
                links[r] = (Role::Restated, Some(id), None);
            }
        }
        let offset = usize::try_from(chunk.offset).unwrap_or(usize::MAX);
        let (mut line, mut counted) = (chunk.line, 0);
        let mut findings: Vec<Finding> = Vec::with_capacity(mentions.len());
        for (mut m, (role, pair, audited)) in mentions.into_iter().zip(links) {
            line += crate::lines::breaks(&text.as_bytes()[counted..m.span.start]);
            counted = m.span.start;
            let written = text[m.span.clone()].to_string();
            m.span = offset.saturating_add(m.span.start)..offset.saturating_add(m.span.end);
            let (audit, figure, sentence) = match audited {
                Some((figure, audit, around)) => (
                    Some(audit),
                    Some(Box::new(findings[figure].clone())),
                    Some(Sentence {
                        start: offset.saturating_add(around.start),
                        text: text[around].to_string(),
                    }),
                ),
                None => (None, None, None),
            };
            let converted = report
                .to
                .map(|to| crate::convert::convert(&m, to, report.table(), date));
            findings.push(Finding {
                mention: m,
                line,
                text: written,
                role,
                pair,
                audit,
                figure,
                converted,
                sentence,
            });
        }
        items.extend(
            findings
                .into_iter()
                .map(|f| (f.mention.span.start as u64, Ok(f))),
        );
        items.sort_by_key(|(at, _)| *at);
        for (_, item) in items {
            let item = item.map_err(|e| self.placed(e));
            self.ready.push_back(item);
        }
        // Article-wide evidence looks back a bounded distance: memory stays flat.
        let horizon = (chunk.offset + chunk.text.len() as u64).saturating_sub(EVIDENCE_REACH);
        self.carried
            .push_back(Earlier::new(chunk.text, chunk.offset, chunk.line, seen));
        while self.carried.front().is_some_and(|c| c.end() < horizon) {
            self.carried.pop_front();
        }
    }
}

impl<R: Read> Iterator for Findings<'_, R> {
    type Item = Result<Finding>;

    fn next(&mut self) -> Option<Result<Finding>> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.chunks.next() {
                Some(Ok(chunk)) => self.analyse(chunk),
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(self.placed(e)));
                }
                None => self.done = true,
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(input: &[u8]) -> (Vec<Finding>, Vec<String>) {
        let report = Report::new().date("2025-04-11".parse().unwrap());
        let (mut found, mut errors) = (Vec::new(), Vec::new());
        for item in report.findings(input).named("in.txt") {
            match item {
                Ok(f) => found.push(f),
                Err(e) => errors.push(e.to_string()),
            }
        }
        (found, errors)
    }

    #[test]
    fn offsets_and_lines_are_input_wide() {
        let input = "First €1.\n\nSecond para:\nline €21bn ($24bn).\n";
        let (found, errors) = found(input.as_bytes());
        assert!(errors.is_empty());
        assert_eq!(found.len(), 3);
        for f in &found {
            assert_eq!(&input[f.mention.span.clone()], f.text);
        }
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), [1, 4, 4]);
        assert_eq!(
            (found[1].pair, found[2].pair, found[2].role),
            (Some(1), Some(1), Role::Conversion)
        );
        assert_eq!(
            found[2].audit.as_ref().map(|a| a.verdict),
            Some(crate::Verdict::Consistent)
        );
        assert_eq!(found[2].figure.as_deref(), Some(&found[1]));
    }

    #[test]
    fn bad_bytes_are_reported_in_their_place_and_the_rest_processed() {
        let (found, errors) = found(b"\xff $5 and \n\n\xfe EUR 7");
        assert_eq!(found.len(), 2);
        assert_eq!(errors.len(), 2);
        assert!(
            errors[1].starts_with("in.txt:3:1: byte 11: invalid UTF-8"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn overflow_is_reported_with_its_input_wide_place() {
        let report = Report::new();
        let input = "$1\n\nnow $99999999999999999999999999999 trillion, then $2";
        let items: Vec<_> = report.findings_in(input).named("in.txt").collect();
        assert_eq!(items.len(), 3);
        let err = items[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("in.txt:3:5: byte 8: "), "{err}");
        assert!(items[0].is_ok() && items[2].is_ok(), "in order of place");
    }

    #[test]
    fn conversions_pair_in_every_language() {
        for text in [
            "Die Hilfe betrug 6,5 Milliarden Dollar (rund 5,7 Milliarden Euro).",
            "L'aide atteint 6,5 milliards de dollars (environ 5,7 milliards d'euros).",
            "La ayuda llegó a 6,5 millones de dólares (unos 5,7 millones de euros).",
            "L'aiuto è di 6,5 miliardi di dollari (circa 5,7 miliardi di euro).",
            "De steun bedroeg 6,5 miljard dollar (ongeveer 5,7 miljard euro).",
            "A ajuda chegou a 6,5 bilhões de dólares (cerca de 5,7 bilhões de euros).",
        ] {
            let (found, errors) = found(text.as_bytes());
            assert!(errors.is_empty(), "{text}: {errors:?}");
            let roles: Vec<_> = found.iter().map(|f| (f.role, f.pair)).collect();
            assert_eq!(
                roles,
                [(Role::Figure, Some(1)), (Role::Conversion, Some(1))],
                "{text}"
            );
            let audit = found[1].audit.as_ref().unwrap();
            assert_eq!(audit.verdict, crate::Verdict::Consistent, "{text}");
        }
    }

    /// A paragraph read in two blocks: `first` and filler sentences without
    /// a number up to [`crate::read::TARGET`], then `last`, whose block
    /// starts at its first word.
    fn two_blocks(first: &str, filler: &str, last: &str) -> String {
        let mut text = first.to_string();
        while text.len() + 1 < crate::read::TARGET {
            text.push(' ');
            text.push_str(filler);
        }
        let text = format!("{text} {last}");
        let blocks: Vec<_> = Chunks::new(text.as_bytes())
            .map(|c| c.unwrap().text)
            .collect();
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert_eq!(blocks[1], last);
        text
    }

    #[test]
    fn a_paragraph_keeps_its_language_in_every_block() {
        // The last block alone is too short to tell its language; its
        // paragraph is German, so `$1.500` is fifteen hundred dollars.
        let text = two_blocks(
            "Die Regierung stellt jedem Haushalt 450 Euro bereit.",
            "Die Minister wollen darüber in der kommenden Woche beraten.",
            // Places only: too few words for the detector to be sure.
            "Paris, Rom, Wien, Prag, Oslo, Madrid, Athen, Warschau, Budapest, Dublin, Amsterdam, Helsinki, Stockholm, Riga, Vilnius, Tallinn, Sofia, Bukarest, Zagreb: $1.500.",
        );
        let tail = text.rsplit_once(". ").unwrap().1;
        assert_eq!(crate::detect::language(tail), None, "{tail}");
        let (found, errors) = found(text.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        let last = found.last().unwrap();
        assert_eq!(last.text, "$1.500");
        assert_eq!(last.mention.amount, Some(Decimal::from(1500)));
        assert_eq!(last.mention.lang, Lang::De);
    }

    #[test]
    fn a_block_with_another_languages_scale_is_detected_on_its_own() {
        let text = two_blocks(
            "The government pledged $4 billion on Monday.",
            "Ministers will discuss the plan in parliament next week.",
            "Wie das Ministerium am Dienstag in Berlin mitteilte, schuldet der Bund den Ländern inzwischen 1,2 Bio. Euro, mehr als je zuvor in der Geschichte der Republik.",
        );
        let (found, _) = found(text.as_bytes());
        let last = found.last().unwrap();
        assert_eq!(
            last.mention.amount,
            Some(Decimal::from(1_200_000_000_000u64))
        );
        assert_eq!(last.mention.lang, Lang::De);
    }

    #[test]
    fn a_read_error_ends_the_findings() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk gone"))
            }
        }
        let report = Report::new();
        let items: Vec<_> = report.findings(Failing).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0].as_ref().unwrap_err().is_io());
    }
}
