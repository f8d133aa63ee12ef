//! The command line: arguments to library calls, diagnostics to stderr,
//! and the exit codes documented in README.

use std::io::{self, IsTerminal, Seek, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use figures::{
    Article, Articles, AuditRow, CsvLayout, Currency, Error, ErrorKind, Extractor, Format,
    Granularity, HtmlReport, Lang, Mention, NoRate, Note, RateSource, RateTable, Report, Row,
    RowWriter, Section, Spreadsheet, Tolerance, Verdict,
};
use jiff::civil::Date;
use rayon::prelude::*;

/// Find the money in text, pair stated conversions and audit them against
/// the ECB reference rates (and, for what the ECB lacks, NBP, HMRC and IMF
/// rates).
#[derive(Parser)]
#[command(name = "figures", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The exit codes, as README lists them.
const EXIT_CODES: &str = "Exit codes:
  0  every input was read; for `audit`, no pair was inconsistent
  1  some input could not be read or held an error (on stderr, with its place); the rest was processed
  2  usage error or fatal problem (bad arguments, a bad --rates file, an output that cannot be written)
  3  `audit` found an inconsistent pair, and nothing worse";

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
    /// Print a completion script for a shell (e.g. `figures completions bash > /etc/bash_completion.d/figures`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page, in roff (`figures man | man -l -`).
    Man,
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
    /// What each input holds: one text; one article per line of JSON
    /// (`{"text": ..., "id": ..., "date": "YYYY-MM-DD", "url": ..., "lang": "de"}`;
    /// only `text` is needed); or one article per CSV record.
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    input: InputArg,
    #[command(flatten)]
    columns: CsvArgs,
    /// Show a progress bar on stderr (by default: for large inputs, when
    /// stderr is a terminal).
    #[arg(long, overrides_with = "no_progress")]
    progress: bool,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Threads: files read at once, the articles of one input, or a large
    /// text read ahead; default: all cores, at most 4 per core.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
    /// Input files; standard input when none or `-`.
    files: Vec<String>,
}

/// The columns of `--input csv`.
#[derive(Args)]
struct CsvArgs {
    /// The column holding each article's text (default: `text`).
    #[arg(long, value_name = "NAME")]
    text_column: Option<String>,
    /// The column holding each article's date (YYYY-MM-DD, or empty).
    #[arg(long, value_name = "NAME")]
    date_column: Option<String>,
    /// The column holding each article's id (default: its record number).
    #[arg(long, value_name = "NAME")]
    id_column: Option<String>,
    /// The field delimiter: one character, or `\t` for a tab (default: `,`).
    #[arg(short = 'd', long, value_name = "CHAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Carry every other column of each record through, after the standard
    /// columns (a name we use is prefixed `input_`).
    #[arg(long)]
    keep_columns: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputArg {
    /// Each input is one text.
    Text,
    /// One article per line of JSON.
    Jsonl,
    /// One article per record of a CSV with a header row (`--text-column`).
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Csv,
    Jsonl,
    /// A workbook (sheet `mentions`, and `pairs` for `audit`); give `-o FILE`.
    Xlsx,
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

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "\\t" | "tab" => Ok(b'\t'),
        _ => match s.as_bytes() {
            [b] if b.is_ascii() && *b != b'"' && *b != b'\n' && *b != b'\r' => Ok(*b),
            _ => Err(format!(
                "{s:?} is not a delimiter: one ASCII character other than a quote or line end, or \\t"
            )),
        },
    }
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
    #[error(
        "--text-column, --date-column, --id-column, --delimiter and --keep-columns need --input csv"
    )]
    CsvOnly,
    #[error("--format html is a report of audited pairs: use it with `figures audit`")]
    HtmlNotForExtract,
    #[error("an xlsx workbook is not for a terminal: give -o FILE.xlsx, or redirect the output")]
    XlsxToTerminal,
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
        Command::Completions { shell } => {
            let mut out = Output::open(None)?;
            clap_complete::generate(shell, &mut cli_command(), "figures", &mut out);
            Ok(Outcome::Ok)
        }
        Command::Man => {
            clap_mangen::Man::new(cli_command()).render(&mut Output::open(None)?)?;
            Ok(Outcome::Ok)
        }
    }
}

/// The command as clap describes it, for completions and the manual.
fn cli_command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command()
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

/// What one input gave: its rows written to its sink, its problems in order.
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

/// Where the findings of the inputs go, in input order.
trait Sink {
    /// An input carries `carried` columns; `false` refuses it, when they
    /// are not those of the first input.
    fn begin(&mut self, carried: &[String]) -> Result<bool, Error>;
    /// The findings of a text of input `name` follow: `article` for an
    /// input of many, else the whole input.
    fn article(&mut self, _name: &str, _article: Option<&Article>) {}
    /// One finding of input `name`, in `article` for an input of many.
    fn finding(
        &mut self,
        name: &str,
        found: &figures::Finding,
        article: Option<&str>,
        carried: &[String],
    ) -> Result<(), Error>;
}

/// The carried columns every input must have: the first input's.
#[derive(Default)]
struct Carried {
    first: Option<Vec<String>>,
}

impl Carried {
    /// Whether `names` may follow; the first names set what the rest must be.
    fn admit(&mut self, names: &[String]) -> bool {
        match &self.first {
            Some(first) => first == names,
            None => {
                self.first = Some(names.to_vec());
                true
            }
        }
    }
}

/// CSV or JSON-lines rows: a [`Row`] per finding for `extract`, an
/// [`AuditRow`] per conversion for `audit`, each with the carried columns.
struct Rows<W: Write> {
    writer: RowWriter<W>,
    audit_only: bool,
    /// The header is still to be written, once the first input's carried
    /// columns are known.
    header_due: bool,
    carried: Carried,
}

impl<W: Write> Rows<W> {
    fn new(out: W, format: Format, audit_only: bool, header_due: bool) -> Rows<W> {
        Rows {
            writer: RowWriter::headless(out, format),
            audit_only,
            header_due,
            carried: Carried::default(),
        }
    }

    /// Writes the header if it is still due.
    fn header(&mut self, names: &[String]) -> Result<(), Error> {
        if !std::mem::take(&mut self.header_due) {
            return Ok(());
        }
        let mut columns: Vec<&str> = match self.audit_only {
            true => AuditRow::COLUMNS.to_vec(),
            false => Row::COLUMNS.to_vec(),
        };
        columns.extend(names.iter().map(String::as_str));
        self.writer.write_header(&columns)
    }

    fn finish(mut self) -> Result<W, Error> {
        self.header(&[])?;
        self.writer.into_inner()
    }
}

impl<W: Write> Sink for Rows<W> {
    fn begin(&mut self, carried: &[String]) -> Result<bool, Error> {
        if !self.carried.admit(carried) {
            return Ok(false);
        }
        self.header(carried).map(|()| true)
    }

    fn finding(
        &mut self,
        name: &str,
        found: &figures::Finding,
        article: Option<&str>,
        carried: &[String],
    ) -> Result<(), Error> {
        let names = self.carried.first.as_deref().unwrap_or_default();
        let with: Vec<(&str, &str)> = names
            .iter()
            .zip(carried)
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        if self.audit_only {
            return match AuditRow::new(name, found) {
                Some(row) => self.writer.write_row_with(&row, &with),
                None => Ok(()),
            };
        }
        let mut row = Row::new(name, found);
        row.article = article.map(str::to_string);
        self.writer.write_row_with(&row, &with)
    }
}

/// A workbook, saved at the end.
struct Book {
    book: Spreadsheet,
    carried: Carried,
}

impl Sink for Book {
    fn begin(&mut self, carried: &[String]) -> Result<bool, Error> {
        let first = self.carried.first.is_none();
        if !self.carried.admit(carried) {
            return Ok(false);
        }
        if first {
            self.book = std::mem::take(&mut self.book).carrying(carried);
        }
        Ok(true)
    }

    fn finding(
        &mut self,
        name: &str,
        found: &figures::Finding,
        article: Option<&str>,
        carried: &[String],
    ) -> Result<(), Error> {
        self.book.add(name, found, article, carried)
    }
}

/// The page of `audit --format html`, written at the end.
struct Page {
    page: HtmlReport,
}

impl Sink for Page {
    fn begin(&mut self, _carried: &[String]) -> Result<bool, Error> {
        Ok(true)
    }

    fn article(&mut self, name: &str, article: Option<&Article>) {
        let mut section = Section::new(name);
        if let Some(a) = article {
            section = section.id(&a.id);
            if let Some(url) = &a.url {
                section = section.url(url);
            }
        }
        self.page.article(section);
    }

    fn finding(
        &mut self,
        _name: &str,
        found: &figures::Finding,
        _article: Option<&str>,
        _carried: &[String],
    ) -> Result<(), Error> {
        self.page.add(found);
        Ok(())
    }
}

/// How each input is read.
#[derive(Clone)]
enum Layout {
    Text,
    Jsonl,
    Csv(CsvLayout),
}

/// What every input of a run shares.
struct Run<'a> {
    report: &'a Report,
    layout: &'a Layout,
    /// Threads for the articles of one input, when more than one.
    pool: Option<&'a rayon::ThreadPool>,
    progress: Option<&'a indicatif::ProgressBar>,
}

/// A text file this large or larger, or standard input, is read ahead on
/// a thread of its own when there are threads to spare.
const READ_AHEAD_FROM: u64 = 1 << 20;

/// Articles analysed at once per thread: enough to keep the threads busy,
/// few enough that memory stays flat.
const ARTICLES_PER_THREAD: usize = 8;

/// One article's findings, or its problems, in order.
type Analysed = Vec<Result<figures::Finding, Error>>;

impl Run<'_> {
    /// Reads input `name` into `sink`.
    fn file(&self, name: &str, sink: &mut dyn Sink) -> FileOutcome {
        let mut outcome = FileOutcome {
            name: name.to_string(),
            messages: Problems::default(),
            summary: Summary::default(),
            undated: false,
            fatal: None,
        };
        let input: Box<dyn io::Read + Send> = if name == "-" {
            Box::new(io::stdin())
        } else {
            match std::fs::File::open(name) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    outcome.messages.push(format!("{name}: {e}"));
                    return outcome;
                }
            }
        };
        let input = match self.progress {
            Some(bar) => Box::new(bar.wrap_read(input)),
            None => input,
        };
        let result = match self.layout {
            Layout::Text => {
                // A thread reading ahead pays for itself on large inputs only.
                let large = name == "-"
                    || std::fs::metadata(name).is_ok_and(|m| m.len() >= READ_AHEAD_FROM);
                let ahead = self.pool.is_some() && large;
                self.text(name, input, ahead, sink, &mut outcome)
            }
            Layout::Jsonl => self.articles(name, Articles::jsonl(input), sink, &mut outcome),
            Layout::Csv(layout) => match Articles::csv(input, layout.clone()) {
                Ok(articles) => self.articles(name, articles, sink, &mut outcome),
                Err(e) if e.is_io() => Err(e),
                Err(e) => {
                    outcome.messages.push(format!("{name}: {e}"));
                    Ok(())
                }
            },
        };
        match result {
            Err(err) if err.is_io() && err.location().source().is_some() => {
                outcome.messages.push(err.to_string())
            }
            Err(err) => outcome.fatal = Some(err),
            Ok(()) => {}
        }
        outcome
    }

    /// One text: the whole input.
    fn text(
        &self,
        name: &str,
        input: Box<dyn io::Read + Send>,
        ahead: bool,
        sink: &mut dyn Sink,
        outcome: &mut FileOutcome,
    ) -> Result<(), Error> {
        sink.begin(&[])?;
        sink.article(name, None);
        // With a thread to spare, it reads and cuts the text ahead.
        let findings = if ahead {
            self.report.findings_ahead(input)
        } else {
            self.report.findings(input)
        };
        for item in findings.named(name) {
            match item {
                Ok(found) => settle_finding(name, &found, None, &[], sink, outcome)?,
                // A read error ends the input.
                Err(err) if err.is_io() => return Err(err),
                Err(err) => outcome.messages.push(err.to_string()),
            }
        }
        Ok(())
    }

    /// Each article of the input, a window at a time across the threads,
    /// written in input order.
    fn articles<R: io::Read>(
        &self,
        name: &str,
        mut articles: Articles<R>,
        sink: &mut dyn Sink,
        outcome: &mut FileOutcome,
    ) -> Result<(), Error> {
        if !sink.begin(articles.carried())? {
            outcome.messages.push(format!(
                "{name}: skipped: its columns are not those of the first input ({})",
                articles.carried().join(", ")
            ));
            return Ok(());
        }
        articles = articles.named(name);
        let window = self
            .pool
            .map_or(1, |p| p.current_num_threads() * ARTICLES_PER_THREAD);
        let mut batch: Vec<Article> = Vec::with_capacity(window);
        let mut ended = None;
        loop {
            batch.clear();
            for item in articles.by_ref() {
                match item {
                    Ok(a) => batch.push(a),
                    Err(e) if e.is_io() => {
                        ended = Some(e);
                        break;
                    }
                    Err(e) => outcome.messages.push(e.to_string()),
                }
                if batch.len() == window {
                    break;
                }
            }
            if batch.is_empty() {
                break;
            }
            let analyse = |a: &Article| self.article(name, a);
            let done: Vec<Analysed> = match self.pool {
                Some(pool) => pool.install(|| batch.par_iter().map(analyse).collect()),
                None => batch.iter().map(analyse).collect(),
            };
            for (article, items) in batch.iter().zip(done) {
                sink.article(name, Some(article));
                for item in items {
                    match item {
                        Ok(found) => settle_finding(
                            name,
                            &found,
                            Some(&article.id),
                            &article.carried,
                            sink,
                            outcome,
                        )?,
                        Err(err) => outcome
                            .messages
                            .push(format!("article {}: {err}", article.id)),
                    }
                }
            }
            if ended.is_some() {
                break;
            }
        }
        ended.map_or(Ok(()), Err)
    }

    /// The findings of one article, at its own date and in its language.
    fn article(&self, name: &str, article: &Article) -> Analysed {
        let mut found = self.report.findings_in(&article.text).named(name);
        if let Some(date) = article.date {
            found = found.dated(date);
        }
        if let Some(lang) = article.lang {
            found = found.lang(lang);
        }
        found.collect()
    }
}

/// Writes one finding and counts what `audit` sums up.
fn settle_finding(
    name: &str,
    found: &figures::Finding,
    article: Option<&str>,
    carried: &[String],
    sink: &mut dyn Sink,
    outcome: &mut FileOutcome,
) -> Result<(), Error> {
    outcome.undated |= no_date(found);
    if let Some(a) = &found.audit {
        let line = found.figure.as_ref().map_or(found.line, |f| f.line);
        outcome.summary.add(name, a.verdict, line);
    }
    sink.finding(name, found, article, carried)
}

/// A progress bar on stderr over the inputs' bytes: by default when stderr
/// is a terminal and the inputs are large (standard input counts as
/// large); `--progress` and `--no-progress` force it.
fn progress_bar(files: &[String], forced: Option<bool>) -> Option<indicatif::ProgressBar> {
    const LARGE: u64 = 16 << 20;
    let sizes: Option<u64> = files
        .iter()
        .map(|f| match f.as_str() {
            "-" => None,
            f => std::fs::metadata(f).ok().map(|m| m.len()),
        })
        .sum();
    let wanted = forced.unwrap_or_else(|| {
        io::stderr().is_terminal() && sizes.is_none_or(|n| n >= LARGE) && !stdin_only(files)
    });
    if !wanted {
        return None;
    }
    let bar = match sizes {
        Some(total) => indicatif::ProgressBar::new(total).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        ),
    };
    Some(bar)
}

/// Standard input typed at a terminal is no long run.
fn stdin_only(files: &[String]) -> bool {
    files.iter().all(|f| f == "-") && io::stdin().is_terminal()
}

/// The column options apply to `--input csv` only.
fn csv_layout(inputs: &Inputs) -> Result<Layout, Fail> {
    let c = &inputs.columns;
    let csv_only = c.text_column.is_some()
        || c.date_column.is_some()
        || c.id_column.is_some()
        || c.delimiter.is_some()
        || c.keep_columns;
    Ok(match inputs.input {
        InputArg::Csv => {
            let mut layout = CsvLayout::new(c.text_column.as_deref().unwrap_or("text"))
                .delimiter(c.delimiter.unwrap_or(b','));
            if let Some(d) = &c.date_column {
                layout = layout.date(d);
            }
            if let Some(id) = &c.id_column {
                layout = layout.id(id);
            }
            if c.keep_columns {
                layout = layout.keep_columns();
            }
            Layout::Csv(layout)
        }
        _ if csv_only => return Err(Fail::CsvOnly),
        InputArg::Jsonl => Layout::Jsonl,
        InputArg::Text => Layout::Text,
    })
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
    let layout = csv_layout(&inputs)?;
    if inputs.format == FormatArg::Html && !audit_only {
        return Err(Fail::HtmlNotForExtract);
    }
    let jobs = threads(inputs.jobs);
    let files = if inputs.files.is_empty() {
        vec!["-".to_string()]
    } else {
        inputs.files.clone()
    };
    if inputs.format == FormatArg::Xlsx && inputs.output.is_none() && io::stdout().is_terminal() {
        return Err(Fail::XlsxToTerminal);
    }
    let output = Output::open(inputs.output.as_deref())?;
    let forced = match (inputs.progress, inputs.no_progress) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let bar = progress_bar(&files, forced);
    let pool = match jobs {
        1 => None,
        _ => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .map_err(|e| Fail::Threads {
                    jobs,
                    reason: e.to_string(),
                })?,
        ),
    };
    let run = Run {
        report: &report,
        layout: &layout,
        pool: pool.as_ref(),
        progress: bar.as_ref(),
    };
    let mut ending = Ending::default();
    match inputs.format {
        FormatArg::Xlsx => {
            let mut book = Spreadsheet::new();
            if audit_only {
                book = book.with_pairs();
            }
            let mut sink = Book {
                book,
                carried: Carried::default(),
            };
            for name in &files {
                ending.settle(run.file(name, &mut sink))?;
            }
            sink.book.save(io::BufWriter::new(output))?;
        }
        FormatArg::Html => {
            let mut sink = Page {
                page: HtmlReport::new().tolerance(inputs.tolerance),
            };
            for name in &files {
                ending.settle(run.file(name, &mut sink))?;
            }
            let mut out = io::BufWriter::new(output);
            sink.page.write(&mut out)?;
            out.flush()?;
        }
        FormatArg::Csv | FormatArg::Jsonl => {
            let format = match inputs.format {
                FormatArg::Jsonl => Format::Jsonl,
                _ => Format::Csv,
            };
            let mut out = io::BufWriter::with_capacity(1 << 16, output);
            if inputs.bom && format == Format::Csv {
                out.write_all("\u{feff}".as_bytes())?;
            }
            let mut sink = Rows::new(out, format, audit_only, true);
            match &run.pool {
                Some(pool) if files.len() > 1 => spread_files(
                    &run,
                    pool,
                    &files,
                    format,
                    audit_only,
                    &mut sink,
                    &mut ending,
                )?,
                _ => {
                    for name in &files {
                        ending.settle(run.file(name, &mut sink))?;
                    }
                }
            }
            sink.finish()?.flush()?;
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(ending.outcome(audit_only, inputs.quiet))
}

/// Reads several files at once: each worker writes one file's rows to a
/// temporary file, copied out in input order, a window of files at a time.
fn spread_files<W: Write>(
    run: &Run<'_>,
    pool: &rayon::ThreadPool,
    files: &[String],
    format: Format,
    audit_only: bool,
    sink: &mut Rows<W>,
    ending: &mut Ending,
) -> Result<(), Fail> {
    // Each file's articles go one after another: the files are the spread.
    let one = Run { pool: None, ..*run };
    for window in files.chunks(pool.current_num_threads() * 2) {
        let done: Vec<io::Result<Spilled>> = pool.install(|| {
            window
                .par_iter()
                .map(|name| {
                    // Rows wait in an unnamed temporary file, not in memory.
                    let mut spill = tempfile::tempfile()?;
                    let mut rows =
                        Rows::new(io::BufWriter::new(&mut spill), format, audit_only, false);
                    let mut outcome = one.file(name, &mut rows);
                    let carried = rows.carried.first.clone();
                    if let Err(e) = rows.finish().and_then(|mut w| Ok(w.flush()?)) {
                        outcome.fatal.get_or_insert(e);
                    }
                    spill.rewind()?;
                    Ok(Spilled {
                        spill,
                        carried,
                        outcome,
                    })
                })
                .collect()
        });
        for result in done {
            let Spilled {
                mut spill,
                carried,
                outcome: mut file,
            } = result?;
            match carried {
                Some(names) if !sink.begin(&names)? => file.messages.push(format!(
                    "{}: skipped: its columns are not those of the first input ({})",
                    file.name,
                    names.join(", ")
                )),
                _ => sink.writer.append(io::BufReader::new(&mut spill))?,
            }
            ending.settle(file)?;
        }
    }
    Ok(())
}

/// One input's rows, written apart, and what it carried.
struct Spilled {
    spill: std::fs::File,
    /// Its carried columns, once it began.
    carried: Option<Vec<String>>,
    outcome: FileOutcome,
}

/// What the inputs left to say at the end: problems, the audit summary,
/// and the exit code.
#[derive(Default)]
struct Ending {
    outcome: Option<Outcome>,
    summary: Summary,
    undated: bool,
}

impl Ending {
    /// Reports one input's problems as it ends.
    fn settle(&mut self, file: FileOutcome) -> Result<(), Fail> {
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
            self.outcome = Some(Outcome::InputError);
        }
        self.undated |= file.undated;
        self.summary.merge(file.summary);
        file.fatal.map_or(Ok(()), |e| Err(e.into()))
    }

    fn outcome(self, audit_only: bool, quiet: bool) -> Outcome {
        if self.undated {
            eprintln!(
                "figures: some conversions were not audited: no date for their text; give one with \
                 --date YYYY-MM-DD, a \"date\" in each --input jsonl record, a --date-column for \
                 --input csv, or --date latest for the rate table's last day"
            );
        }
        if audit_only && !quiet {
            eprintln!("figures: {}", self.summary);
        }
        let mut outcome = self.outcome.unwrap_or(Outcome::Ok);
        if audit_only && self.summary.inconsistent() {
            outcome = outcome.max(Outcome::Inconsistent);
        }
        outcome
    }
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
