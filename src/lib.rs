//! `figures` turns the money in text into rows people can trust.
//!
//! It finds every amount of money in a text (`€21 billion`, `over $26
//! billion`, `Rs 500 crore`, `twenty-one million euros`, `between $20 and
//! $25 billion`), reads each as an exact [`Decimal`]
//! in major units with an ISO 4217 [`Currency`], pairs a figure with the
//! conversion its writer stated (`€21 billion ($24 billion)`), and audits
//! that conversion against the ECB reference rates (NBP's, HMRC's or the
//! IMF's for what the ECB does not publish), allowing for the rounding the
//! writer's figures imply.
//!
//! # Overview
//!
//! Data flows one way: text → [`Mention`]s → [`Pair`]s → [`Audit`]s →
//! [`Finding`]s → rows.
//!
//! - [`extract`] / [`Extractor`] find the [`Mention`]s in a text;
//!   `"€21 billion".parse::<Mention>()` reads exactly one.
//! - [`pairs`] links each figure to its stated conversions.
//! - [`RateTable`] holds the ECB euro reference rates and the tables beyond
//!   them (embedded), or a newer file; gives cross rates on a date ([`Rate`],
//!   with its [`RateSource`] and [`Granularity`], or why not: [`NoRate`]) and
//!   converts an amount ([`Conversion`]).
//! - [`audit()`] checks a pair against the table: a [`Verdict`] and its
//!   [`Note`]s.
//! - [`Report`] runs the whole path over a reader and yields typed
//!   [`Finding`]s, streamed; [`Row`] and [`AuditRow`] are their flat views,
//!   which [`RowWriter`] writes as CSV or JSON lines; [`HtmlReport`] makes
//!   of them one page a person reads.
//!
//! Amounts are [`Decimal`]s and days [`Date`]s (jiff's `civil::Date`), both
//! re-exported. With the default `serde` feature the value types serialize
//! with the names and values of the JSON-lines output.
//!
//! # Example
//!
//! A reporter: each amount in EUR on the article's day, and each audit.
//!
//! ```
//! use figures::{Currency, Date, Report, Role};
//!
//! let article = "Aid surpassed €21 billion ($24 billion) on Friday, and £2bn more came.";
//! let day: Date = "2025-04-11".parse()?;
//! let report = Report::new().date(day);
//! let table = figures::RateTable::embedded();
//! let mut lines = Vec::new();
//! for finding in report.findings_in(article) {
//!     let f = finding?;
//!     let (Some(amount), Some(from)) = (f.mention.amount, f.mention.currency) else { continue };
//!     let eur = table.convert(amount, from, Currency::EUR, day)?;
//!     lines.push(format!("line {}: {} = EUR {}", f.line, f.text, eur.amount));
//!     if let (Role::Conversion, Some(audit)) = (f.role, &f.audit) {
//!         lines.push(format!("  stated rate {:?}: {}", audit.stated_rate, audit.verdict.as_str()));
//!     }
//! }
//! assert_eq!(lines, [
//!     "line 1: surpassed €21 billion = EUR 21000000000",
//!     "line 1: $24 billion = EUR 21152829190.9",
//!     "  stated rate Some(1.14286): consistent",
//!     "line 1: £2bn = EUR 2307390572",
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Writing rows instead:
//!
//! ```
//! use figures::{Format, Report, Row, RowWriter};
//! let mut out = RowWriter::new(Vec::new(), Format::Csv);
//! for finding in Report::new().findings_in("Rs 500 crore") {
//!     out.write(&Row::new("-", &finding?))?;
//! }
//! let csv = String::from_utf8(out.into_inner()?)?;
//! assert!(csv.lines().nth(1).unwrap().starts_with("-,1,0,12,Rs 500 crore,5000000000,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Data
//!
//! The ECB reference rates (1999-01-04 to 2026-10-30), the rate tables
//! beyond them (NBP tables A and B, HMRC, IMF: decoded only when the ECB
//! has no rate for a pair) and the currency table (ISO 4217 and Unicode
//! CLDR 48) are embedded at build time from `data/`; see `data/README.md`
//! for provenance and licences. A newer ECB file (`eurofxref-hist.csv`, its
//! `.zip`, or the daily `eurofxref.csv`) can be read with
//! [`RateTable::from_path`], and is then used alone.

#![deny(missing_docs)]

mod amount;
mod articles;
mod audit;
mod context;
mod convert;
mod currency;
mod dates;
mod decode;
mod detect;
mod error;
mod evidence;
mod extract;
mod grammar;
mod html;
mod lang;
mod lines;
mod output;
mod packed;
mod pair;
mod rates;
mod read;
mod report;
mod resolve;
mod scan;
#[cfg(feature = "serde")]
mod serialize;
mod swar;
mod wordset;
mod work;
mod xlsx;

pub use jiff::civil::Date;
pub use rust_decimal::Decimal;

pub use crate::amount::{Basis, Qualifier, Unread};
pub use crate::articles::{Article, Articles, CsvLayout, RecordProblem};
pub use crate::audit::{Audit, DateBasis, Note, Tolerance, Verdict, audit};
pub use crate::convert::{Converted, NotConverted};
pub use crate::currency::Currency;
pub use crate::error::{Error, ErrorKind, Location, Result};
pub use crate::evidence::Evidence;
pub use crate::extract::{Extractor, Mention, Mentions, extract};
pub use crate::html::{HtmlReport, Section};
pub use crate::lang::Lang;
pub use crate::output::{AuditRow, Cells, Format, Row, RowWriter};
pub use crate::pair::{Pair, Role, pairs};
pub use crate::rates::{
    Conversion, Granularity, NoRate, Rate, RateSource, RateTable, RatesProblem,
};
pub use crate::report::{Finding, Findings, Report, Sentence};
pub use crate::work::work_done;
pub use crate::xlsx::Spreadsheet;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
