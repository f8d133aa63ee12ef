//! The command line: arguments to library calls, diagnostics to stderr,
//! and the exit codes documented in README.

use std::io::{self, IsTerminal, Seek, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use figures::{
    Article, AuditRow, Currency, Error, ErrorKind, Extractor, Format, Granularity, HtmlReport,
    Lang, Mention, NoRate, Note, RateSource, RateTable, Report, Row, RowWriter, Tolerance, Verdict,
};
use jiff::civil::Date;
use rayon::prelude::*;

/// Find the money in text, pair stated conversions and audit them against
/// the ECB reference rates (and, for what the ECB lacks, NBP, HMRC and IMF
/// rates).
#[derive(Parser)]
#[command(name = "figures", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write one row per amount of money found (CSV or JSON lines).
    Extract(Inputs),
    /// Write one row per stated conversion, audited; exits 3 when one is inconsistent.
    Audit(Inputs),
    /// Convert an amount at the reference rate of a day (the ECB's, else NBP's, HMRC's, the IMF's).
    Convert {
        /// The amount as written, e.g. "€21 billion".
        amount: String,
        /// The ISO 4217 code to convert to.
        #[arg(long)]
        to: String,
        /// Output: a sentence (text) or one JSON object (jsonl).
        #[arg(long, value_enum, default_value_t = ConvertFormat::Text)]
        format: ConvertFormat,
        #[command(flatten)]
        rates: RateArgs,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ConvertFormat {
    Text,
    Jsonl,
}

#[derive(Args)]
struct RateArgs {
    /// The day whose rates apply (YYYY-MM-DD), or `latest` for the table's
    /// last day; default: each text's own date (its record's, or one written
    /// in it), else no verdict (convert: the table's last day).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    date: Option<DateArg>,
    /// A rates file in an ECB format (eurofxref-hist.csv or .zip, or the
    /// daily eurofxref.csv), used alone instead of the embedded tables.
    #[arg(long, value_name = "FILE")]
    rates: Option<std::path::PathBuf>,
}

#[derive(Args)]
struct Inputs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    format: FormatArg,
    /// Print no summary of the verdicts on stderr at the end of `audit`.
    #[arg(short, long)]
    quiet: bool,
    /// Write the rows to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark, for spreadsheet
    /// programs that otherwise guess another encoding.
    #[arg(long)]
    bom: bool,
    /// Also give every amount in this currency (an ISO 4217 code), at its
    /// text's date: the converted_* columns.
    #[arg(long, value_name = "CODE", value_parser = parse_currency)]
    to: Option<Currency>,
    #[command(flatten)]
    rates: RateArgs,
    /// How far a stated rate may be from the reference: 1% or 0.01.
    #[arg(long, default_value = "1%", value_parser = parse_tolerance)]
    tolerance: Tolerance,
    /// Read an ambiguous written form as this currency, e.g. '$=CAD' (repeatable).
    #[arg(long, value_name = "FORM=CODE", value_parser = parse_assume)]
    assume: Vec<(String, Currency)>,
    /// A BCP-47 tag (en-AU, de-CH) whose region's currency reads `$`, `kr`,
    /// `grand`, `bucks` and coin words; a region CLDR does not know is a warning.
    #[arg(long, value_name = "TAG", value_parser = parse_locale)]
    locale: Option<String>,
    /// Read every text in this language (en, de, fr, es, it, nl, pt) instead
    /// of the one detected in each paragraph.
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// What each input holds: one text, or one article per line of JSON
    /// (`{"text": ..., "id": ..., "date": "YYYY-MM-DD", "url": ...}`; only
    /// `text` is needed).
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    input: InputArg,
    /// Files read at once (threads); default: all cores, at most 4 per core.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
    /// Input files; standard input when none or `-`.
    files: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputArg {
    Text,
    Jsonl,
}

/// One article of `--input jsonl`.
#[derive(serde::Deserialize)]
struct Record {
    text: String,
    id: Option<serde_json::Value>,
    date: Option<String>,
    /// Where it was published: the HTML report links it.
    url: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Csv,
    Jsonl,
    /// One self-contained page to read (`audit` only).
    Html,
}

/// A `--date`: a day, or the table's last one.
#[derive(Clone, Copy)]
enum DateArg {
    Day(Date),
    Latest,
}

fn parse_date_arg(s: &str) -> Result<DateArg, String> {
    if s == "latest" {
        return Ok(DateArg::Latest);
    }
    parse_date(s).map(DateArg::Day)
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
        .map_err(|e| format!("{s:?} is not a date (YYYY-MM-DD): {e}"))
}

fn parse_currency(s: &str) -> Result<Currency, String> {
    s.trim().parse().map_err(|e: Error| e.to_string())
}

fn parse_assume(s: &str) -> Result<(String, Currency), String> {
    let Some((form, code)) = s.split_once('=') else {
        return Err(format!("{s:?} must be FORM=CODE, e.g. '$=CAD'"));
    };
    let form = form.trim();
    if form.is_empty() {
        return Err(format!("{s:?} names no form before '=': e.g. '$=CAD'"));
    }
    let currency = code.trim().parse().map_err(|e: Error| e.to_string())?;
    Ok((form.to_string(), currency))
}

/// A tag that is not BCP 47 is a usage error; a region CLDR does not know
/// only a warning, later.
fn parse_locale(s: &str) -> Result<String, String> {
    match Extractor::new().locale(s) {
        Err(e) if matches!(e.kind(), ErrorKind::MalformedLocale { .. }) => Err(e.to_string()),
        _ => Ok(s.to_string()),
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: Error| e.to_string())
}

fn parse_tolerance(s: &str) -> Result<Tolerance, String> {
    s.parse().map_err(|e: Error| e.to_string())
}

/// How a run ended; each is an exit code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok = 0,
    InputError = 1,
    Fatal = 2,
    Inconsistent = 3,
}

impl Outcome {
    /// The worse of two: fatal over input errors over inconsistent pairs.
    fn max(self, other: Outcome) -> Outcome {
        let rank = |o: Outcome| match o {
            Outcome::Ok => 0,
            Outcome::Inconsistent => 1,
            Outcome::InputError => 2,
            Outcome::Fatal => 3,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// What stops a run: a library error, or one only the command line has.
#[derive(Debug, thiserror::Error)]
enum Fail {
    #[error(transparent)]
    Figures(#[from] Error),
    #[error("cannot start {jobs} threads: {reason}")]
    Threads { jobs: usize, reason: String },
    #[error("{text:?} names no single amount and currency")]
    NoSingleAmount { text: String },
    #[error("--format html is a report of audited pairs: use it with `figures audit`")]
    HtmlNotForExtract,
}

impl From<io::Error> for Fail {
    fn from(err: io::Error) -> Fail {
        Fail::Figures(err.into())
    }
}

/// What `audit` found, for its last line on stderr: `7 pairs: 5
/// consistent, 1 loose, 1 inconsistent (line 14)`.
#[derive(Default)]
struct Summary {
    counts: Vec<(Verdict, u64)>,
    /// The first inconsistent pairs' inputs and lines, and how many there are.
    places: Vec<(String, u64)>,
    inconsistent: u64,
    inputs: u64,
}

impl Summary {
    /// The most places of inconsistent pairs named.
    const PLACES: usize = 5;

    fn add(&mut self, input: &str, verdict: Verdict, line: u64) {
        match self.counts.iter_mut().find(|(k, _)| *k == verdict) {
            Some((_, n)) => *n += 1,
            None => self.counts.push((verdict, 1)),
        }
        if verdict == Verdict::Inconsistent {
            self.inconsistent += 1;
            if self.places.len() < Self::PLACES {
                self.places.push((input.to_string(), line));
            }
        }
    }

    /// Adds a later input's summary.
    fn merge(&mut self, other: Summary) {
        for (v, n) in other.counts {
            match self.counts.iter_mut().find(|(k, _)| *k == v) {
                Some((_, m)) => *m += n,
                None => self.counts.push((v, n)),
            }
        }
        let room = Self::PLACES.saturating_sub(self.places.len());
        self.places.extend(other.places.into_iter().take(room));
        self.inconsistent += other.inconsistent;
        self.inputs += other.inputs.max(1);
    }

    fn inconsistent(&self) -> bool {
        self.inconsistent > 0
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let total: u64 = self.counts.iter().map(|(_, n)| n).sum();
        write!(f, "{total} pair{}", if total == 1 { "" } else { "s" })?;
        let order = [
            Verdict::Consistent,
            Verdict::Loose,
            Verdict::Inconsistent,
            Verdict::NoRate,
            Verdict::NotAudited,
        ];
        let parts: Vec<String> = order
            .iter()
            .filter_map(|v| {
                let (_, n) = self.counts.iter().find(|(k, _)| k == v)?;
                Some(format!("{n} {}", v.as_str()))
            })
            .collect();
        if !parts.is_empty() {
            write!(f, ": {}", parts.join(", "))?;
        }
        if self.inconsistent() {
            let several = self.inputs > 1;
            let places: Vec<String> = self
                .places
                .iter()
                .map(|(input, line)| match several {
                    true => format!("{input} line {line}"),
                    false => format!("line {line}"),
                })
                .collect();
            let more = self.inconsistent - self.places.len() as u64;
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            write!(f, " ({}{more})", places.join(", "))?;
        }
        Ok(())
    }
}

/// A conversion of `found` went unaudited for want of a date.
fn no_date(found: &figures::Finding) -> bool {
    found
        .audit
        .as_ref()
        .is_some_and(|a| a.notes.contains(&Note::NoDate))
}

/// The arguments, as `main` reads them: also the entry point of the
/// argument fuzz target.
pub fn parse<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::{CommandFactory, FromArgMatches};
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // The tables are decoded for their dates only when the version is asked.
    let asked = args.iter().skip(1).any(|a| a == "--version" || a == "-V");
    let mut command = Cli::command();
    if asked {
        command = command.version(VERSION.get_or_init(version).as_str());
    }
    let matches = command.try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The version and the embedded tables' last dates: `0.1.0 (rates: ecb
/// 2026-10-30, nbp-a 2026-10-26, ...)`. Monthly tables name their month.
fn version() -> String {
    let dates: Vec<String> = RateTable::embedded()
        .coverage()
        .into_iter()
        .filter_map(|(source, last)| {
            let last = last?;
            let day = match source {
                RateSource::Hmrc | RateSource::Imf => last.strftime("%Y-%m").to_string(),
                _ => last.to_string(),
            };
            Some(format!("{} {day}", source.as_str()))
        })
        .collect();
    format!(
        "{} (rates: {})",
        env!("CARGO_PKG_VERSION"),
        dates.join(", ")
    )
}

pub fn main() -> ExitCode {
    let cli = parse(std::env::args_os()).unwrap_or_else(|e| e.exit());
    let outcome = match run(cli) {
        Ok(outcome) => outcome,
        Err(err) if is_broken_pipe(&err) => Outcome::Ok,
        Err(err) => {
            eprintln!("figures: {err}");
            Outcome::Fatal
        }
    };
    ExitCode::from(outcome as u8)
}

fn is_broken_pipe(err: &Fail) -> bool {
    matches!(err, Fail::Figures(e) if matches!(e.kind(), ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> Result<Outcome, Fail> {
    match cli.command {
        Command::Extract(inputs) => process(inputs, false),
        Command::Audit(inputs) => process(inputs, true),
        Command::Convert {
            amount,
            to,
            format,
            rates,
        } => convert(&amount, &to, format, &rates),
    }
}

fn table(args: &RateArgs) -> Result<Option<RateTable>, Error> {
    args.rates.as_ref().map(RateTable::from_path).transpose()
}

fn extractor(assume: &[(String, Currency)], locale: Option<&str>, lang: Option<Lang>) -> Extractor {
    let mut ex = Extractor::new();
    if let Some(lang) = lang {
        ex = ex.lang(lang);
    }
    if let Some(tag) = locale {
        ex = match ex.clone().locale(tag) {
            Ok(with) => with,
            Err(warning) => {
                eprintln!("figures: warning: {warning}; reading without a locale");
                ex
            }
        };
    }
    for (form, currency) in assume {
        ex = ex.assume(form, *currency);
    }
    ex
}

/// Threads for `-j`: all cores by default; more than four per core only
/// thrash, so a larger request is capped, with a warning.
fn threads(asked: Option<u32>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let Some(asked) = asked else {
        return cores;
    };
    let asked = usize::try_from(asked).unwrap_or(usize::MAX);
    let most = cores.saturating_mul(4);
    if asked > most {
        eprintln!(
            "figures: warning: -j {asked} is more than 4 per core ({cores} cores): using {most}"
        );
        return most;
    }
    asked
}

/// What one input gave: its rows written to `out`, its problems in order.
struct FileOutcome {
    name: String,
    messages: Problems,
    /// What `audit` found in it.
    summary: Summary,
    /// A conversion had no date to be audited at.
    undated: bool,
    /// An output error: nothing more can be written.
    fatal: Option<Error>,
}

/// Problems shown per input: past them, a binary file would flood stderr
/// and memory with a line per byte.
const SHOWN: usize = 100;

/// An input's problems: the first [`SHOWN`], and a count of the rest.
#[derive(Default)]
struct Problems {
    shown: Vec<String>,
    more: u64,
}

impl Problems {
    fn push(&mut self, message: String) {
        if self.shown.len() < SHOWN {
            self.shown.push(message);
        } else {
            self.more += 1;
        }
    }
}

/// Where an input's findings go: rows in a format, or a page.
enum Sink<'p> {
    Rows(Format),
    Page(&'p mut HtmlReport),
}

/// Runs the report over one input, writing rows (no header) to `out`, or
/// adding its findings to a page.
fn run_file<W: Write>(
    report: &Report,
    name: &str,
    sink: Sink<'_>,
    audit_only: bool,
    articles: bool,
    out: W,
    progress: bool,
) -> FileOutcome {
    let (format, mut page) = match sink {
        Sink::Rows(format) => (format, None),
        Sink::Page(page) => (Format::Csv, Some(page)),
    };
    let mut outcome = FileOutcome {
        name: name.to_string(),
        messages: Problems::default(),
        summary: Summary::default(),
        undated: false,
        fatal: None,
    };
    let input: Box<dyn io::Read> = if name == "-" {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(name) {
            Ok(f) => progress_bar(f, progress),
            Err(e) => {
                outcome.messages.push(format!("{name}: {e}"));
                return outcome;
            }
        }
    };
    let mut writer = RowWriter::headless(out, format);
    let mut messages = Problems::default();
    let mut summary = Summary::default();
    let mut undated = false;
    // One text's rows, tagged with its article when the input holds several.
    let mut one = |report: &Report,
                   text: &mut dyn io::Read,
                   article: Option<(&str, Option<Date>, Option<&str>)>,
                   messages: &mut Problems| {
        let mut found = report.findings(text).named(name);
        if let Some((_, Some(date), _)) = article {
            found = found.dated(date);
        }
        if let Some(page) = page.as_deref_mut() {
            page.article(match article {
                Some((id, _, Some(url))) => Article::new(name).id(id).url(url),
                Some((id, _, None)) => Article::new(name).id(id),
                None => Article::new(name),
            });
        }
        let article = article.map(|(id, ..)| id);
        for item in found {
            match item {
                Ok(found) if audit_only => {
                    undated |= no_date(&found);
                    if let Some(page) = page.as_deref_mut() {
                        page.add(&found);
                    }
                    if let Some(row) = AuditRow::new(name, &found) {
                        if let Some(a) = &found.audit {
                            summary.add(name, a.verdict, row.line);
                        }
                        if page.is_none() {
                            writer.write_row(&row)?;
                        }
                    }
                }
                Ok(found) => {
                    undated |= no_date(&found);
                    let mut row = Row::new(name, &found);
                    row.article = article.map(str::to_string);
                    writer.write_row(&row)?;
                }
                // A read error ends the input.
                Err(err) if err.is_io() => return Err(err),
                Err(err) => messages.push(match article {
                    Some(a) => format!("article {a}: {err}"),
                    None => err.to_string(),
                }),
            }
        }
        Ok(())
    };
    let mut input = input;
    let result = if articles {
        run_articles(
            report,
            name,
            input,
            &mut messages,
            |report, text, article, date, url, messages| {
                one(
                    report,
                    &mut text.as_bytes(),
                    Some((article, date, url)),
                    messages,
                )
            },
        )
    } else {
        one(report, &mut input, None, &mut messages)
    };
    let result = result.and_then(|()| writer.flush());
    outcome.messages = messages;
    outcome.summary = summary;
    outcome.undated = undated;
    match result {
        Err(err) if err.is_io() && err.location().source().is_some() => {
            outcome.messages.push(err.to_string())
        }
        Err(err) => outcome.fatal = Some(err),
        Ok(()) => {}
    }
    outcome
}

/// Runs `each` over the articles of a JSON-lines input, one per line, each
/// with its own date; a bad record is reported with its line and skipped.
fn run_articles(
    report: &Report,
    name: &str,
    input: Box<dyn io::Read>,
    messages: &mut Problems,
    mut each: impl FnMut(
        &Report,
        &str,
        &str,
        Option<Date>,
        Option<&str>,
        &mut Problems,
    ) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut lines = io::BufReader::new(input);
    let mut line = Vec::new();
    let (mut number, mut records) = (0u64, 0u64);
    loop {
        line.clear();
        if io::BufRead::read_until(&mut lines, b'\n', &mut line)? == 0 {
            return Ok(());
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records += 1;
        let record: Record = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                messages.push(format!("{name}:{number}: record skipped: {e}"));
                continue;
            }
        };
        let date = match record.date.as_deref().map(parse_date).transpose() {
            Ok(d) => d,
            Err(e) => {
                messages.push(format!("{name}:{number}: record skipped: {e}"));
                continue;
            }
        };
        let article = match &record.id {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) if !v.is_null() => v.to_string(),
            _ => records.to_string(),
        };
        each(
            report,
            &record.text,
            &article,
            date,
            record.url.as_deref(),
            messages,
        )?;
    }
}

/// A progress bar on stderr for a large file, when stderr is a terminal.
fn progress_bar(file: std::fs::File, wanted: bool) -> Box<dyn io::Read> {
    const LARGE: u64 = 64 << 20;
    let size = file.metadata().map_or(0, |m| m.len());
    if !wanted || size < LARGE || !io::stderr().is_terminal() {
        return Box::new(file);
    }
    let bar = indicatif::ProgressBar::new(size).with_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Box::new(bar.wrap_read(file))
}

fn process(inputs: Inputs, audit_only: bool) -> Result<Outcome, Fail> {
    let mut report = Report::new()
        .extractor(extractor(
            &inputs.assume,
            inputs.locale.as_deref(),
            inputs.lang,
        ))
        .tolerance(inputs.tolerance);
    if let Some(to) = inputs.to {
        report = report.to(to);
    }
    if let Some(t) = table(&inputs.rates)? {
        report = report.rates(t);
    }
    match inputs.rates.date {
        Some(DateArg::Day(d)) => report = report.date(d),
        Some(DateArg::Latest) => report = report.latest(),
        None => {}
    }
    let articles = inputs.input == InputArg::Jsonl;
    let html = matches!(inputs.format, FormatArg::Html);
    if html && !audit_only {
        return Err(Fail::HtmlNotForExtract);
    }
    let format = match inputs.format {
        FormatArg::Csv => Format::Csv,
        FormatArg::Jsonl => Format::Jsonl,
        // No rows are written: the findings go to the page.
        FormatArg::Html => Format::Csv,
    };
    let jobs = threads(inputs.jobs);
    let files = if inputs.files.is_empty() {
        vec!["-".to_string()]
    } else {
        inputs.files
    };
    let mut stdout = io::BufWriter::with_capacity(1 << 16, Output::open(inputs.output.as_deref())?);
    let columns = if audit_only {
        AuditRow::COLUMNS
    } else {
        Row::COLUMNS
    };
    if inputs.bom && format == Format::Csv && !html {
        stdout.write_all("\u{feff}".as_bytes())?;
    }
    if !html {
        RowWriter::headless(&mut stdout, format).write_header(columns)?;
    }
    let mut outcome = Outcome::Ok;
    let mut summary = Summary::default();
    let mut undated = false;
    let mut settle = |file: FileOutcome| -> Result<(), Fail> {
        for message in &file.messages.shown {
            eprintln!("figures: {message}");
        }
        if file.messages.more > 0 {
            eprintln!(
                "figures: {}: {} more problem(s) not shown: only the first {SHOWN} of an input are",
                file.name, file.messages.more
            );
        }
        if !file.messages.shown.is_empty() {
            outcome = outcome.max(Outcome::InputError);
        }
        undated |= file.undated;
        summary.merge(file.summary);
        file.fatal.map_or(Ok(()), |e| Err(e.into()))
    };
    if html {
        let page = pages(
            &report,
            &files,
            jobs,
            articles,
            inputs.tolerance,
            &mut settle,
        )?;
        page.write(&mut stdout)?;
    } else if jobs <= 1 || files.len() <= 1 {
        for name in &files {
            settle(run_file(
                &report,
                name,
                Sink::Rows(format),
                audit_only,
                articles,
                &mut stdout,
                true,
            ))?;
        }
    } else {
        // Each worker writes one file's rows to a temporary file; they are
        // copied out in input order, a window of files at a time.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Fail::Threads {
                jobs,
                reason: e.to_string(),
            })?;
        for window in files.chunks(jobs * 2) {
            let done: Vec<io::Result<(std::fs::File, FileOutcome)>> = pool.install(|| {
                window
                    .par_iter()
                    .map(|name| {
                        // Rows wait in an unnamed temporary file, not in memory.
                        let mut spill = tempfile::tempfile()?;
                        let file = run_file(
                            &report,
                            name,
                            Sink::Rows(format),
                            audit_only,
                            articles,
                            io::BufWriter::new(&mut spill),
                            false,
                        );
                        spill.rewind()?;
                        Ok((spill, file))
                    })
                    .collect()
            });
            for result in done {
                let (mut spill, file) = result?;
                io::copy(&mut spill, &mut stdout)?;
                settle(file)?;
            }
        }
    }
    stdout.flush()?;
    if undated {
        eprintln!(
            "figures: some conversions were not audited: no date for their text; give one with \
             --date YYYY-MM-DD, a \"date\" in each --input jsonl record, or --date latest for \
             the rate table's last day"
        );
    }
    if audit_only && !inputs.quiet {
        eprintln!("figures: {summary}");
    }
    if audit_only && summary.inconsistent() && outcome == Outcome::Ok {
        outcome = Outcome::Inconsistent;
    }
    Ok(outcome)
}

/// `audit --format html`: a page per input, made `jobs` at a time and
/// merged in input order, so `-j` gives the page `-j 1` does.
fn pages(
    report: &Report,
    files: &[String],
    jobs: usize,
    articles: bool,
    tolerance: Tolerance,
    settle: &mut impl FnMut(FileOutcome) -> Result<(), Fail>,
) -> Result<HtmlReport, Fail> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Fail::Threads {
            jobs,
            reason: e.to_string(),
        })?;
    let mut page = HtmlReport::new().tolerance(tolerance);
    for window in files.chunks(jobs * 2) {
        let done: Vec<(HtmlReport, FileOutcome)> = pool.install(|| {
            window
                .par_iter()
                .map(|name| {
                    let mut part = HtmlReport::new().tolerance(tolerance);
                    let progress = files.len() == 1;
                    let sink = Sink::Page(&mut part);
                    let file = run_file(report, name, sink, true, articles, io::sink(), progress);
                    (part, file)
                })
                .collect()
        });
        for (part, file) in done {
            page.merge(part);
            settle(file)?;
        }
    }
    Ok(page)
}

/// The output, standard output or the `-o` file, whose errors say which
/// (`/dev/full`: "writing standard output: No space left on device").
struct Output {
    inner: Box<dyn Write>,
    name: String,
}

impl Output {
    /// `path`, created (or emptied), else standard output.
    fn open(path: Option<&std::path::Path>) -> Result<Output, Error> {
        Ok(match path {
            Some(p) => Output {
                inner: Box::new(std::fs::File::create(p).map_err(|e| {
                    Error::from(io::Error::new(
                        e.kind(),
                        format!("creating {}: {e}", p.display()),
                    ))
                })?),
                name: p.display().to_string(),
            },
            None => Output {
                inner: Box::new(io::stdout().lock()),
                name: "standard output".to_string(),
            },
        })
    }

    fn labelled(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("writing {}: {e}", self.name))
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.labelled(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.labelled(e))
    }
}

fn convert(
    amount: &str,
    to: &str,
    format: ConvertFormat,
    args: &RateArgs,
) -> Result<Outcome, Fail> {
    let to: Currency = to.trim().parse()?;
    let owned = table(args)?;
    let table = owned.as_ref().unwrap_or_else(|| RateTable::embedded());
    let mention: Mention = amount.parse()?;
    let (Some(value), Some(from)) = (mention.amount, mention.currency) else {
        return Err(Fail::NoSingleAmount {
            text: amount.to_string(),
        });
    };
    let date = match args.date {
        Some(DateArg::Day(d)) => Some(d),
        Some(DateArg::Latest) | None => table.last_date(),
    };
    let date = date.ok_or(Error::from(NoRate::EmptyTable))?;
    let c = table.convert(value, from, to, date)?;
    // A monthly rate is of its month, not of the month's first day.
    let of = match c.granularity {
        Granularity::Monthly => c.rate_date.strftime("%Y-%m").to_string(),
        _ => c.rate_date.to_string(),
    };
    let mut stdout = Output::open(None)?;
    if format == ConvertFormat::Jsonl {
        let record = serde_json::json!({
            "amount": c.amount.to_string(),
            "currency": to.as_str(),
            "from_amount": value.normalize().to_string(),
            "from_currency": from.as_str(),
            "rate": c.rate.normalize().to_string(),
            "rate_date": c.rate_date.to_string(),
            "rate_source": c.source.as_str(),
            "rate_granularity": c.granularity.as_str(),
        });
        writeln!(stdout, "{record}")?;
        return Ok(Outcome::Ok);
    }
    writeln!(
        stdout,
        "{} {to} ({} {from} at {} {to} per {from}, {} of {of})",
        c.amount,
        value.normalize(),
        c.rate.round_sf(6).unwrap_or(c.rate).normalize(),
        c.source,
    )?;
    Ok(Outcome::Ok)
}
