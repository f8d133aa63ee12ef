//! `figures` turns the money in text into rows people can trust.
//!
//! It finds every amount of money in a text (`€21 billion`, `over $26
//! billion`, `Rs 500 crore`, `twenty-one million euros`, `between $20 and
//! $25 billion`), reads each as an exact [`Decimal`](rust_decimal::Decimal)
//! in major units with an ISO 4217 [`Currency`], pairs a figure with the
//! conversion its writer stated (`€21 billion ($24 billion)`), and audits
//! that conversion against the ECB reference rates, allowing for the
//! rounding the writer's figures imply.
//!
//! # Overview
//!
//! Data flows one way: text → [`Mention`]s → [`Pair`]s → [`Audit`]s → rows.
//!
//! - [`extract`] / [`Extractor`] find the [`Mention`]s in a text.
//! - [`pairs`] links each figure to its stated conversions.
//! - [`RateTable`] holds the ECB euro reference rates (embedded, or a newer
//!   file) and gives cross rates on a date.
//! - [`audit()`] checks a pair against the table: [`Verdict`].
//! - [`Report`] runs the whole path over a reader and yields [`Row`]s, which
//!   [`RowWriter`] writes as CSV or JSON lines.
//!
//! # Example
//!
//! ```
//! use figures::{Report, RowWriter, Format};
//!
//! let text = "Aid surpassed €21 billion ($24 billion) on Friday.";
//! let report = Report::new().date("2025-04-11".parse()?);
//! let mut out = RowWriter::new(Vec::new(), Format::Csv);
//! report.run(text.as_bytes(), "-", |row| out.write(&row), |err| panic!("{err}"))?;
//! let csv = String::from_utf8(out.into_inner()?)?;
//! let lines: Vec<&str> = csv.lines().collect();
//! assert_eq!(lines.len(), 3);
//! assert!(lines[1].starts_with("-,1,4,27,surpassed €21 billion,21000000000,21000000000,,EUR,over,figure,1,"));
//! assert!(lines[2].contains(",USD,,conversion,1,1.14286,1.1346,2025-04-11,0.73,consistent,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Data
//!
//! The ECB reference rates (1999-01-04 to 2026-10-30) and the currency
//! table (ISO 4217 and Unicode CLDR 48) are embedded at build time from
//! `data/`; see `data/README.md` for provenance and licences. A newer ECB
//! file in the same format can be read with [`RateTable::from_path`].

#![deny(missing_docs)]

mod amount;
mod audit;
mod context;
mod currency;
mod error;
mod evidence;
mod extract;
mod grammar;
mod lang;
mod lines;
mod output;
mod pair;
mod rates;
mod read;
mod report;
mod scan;
mod wordset;
mod work;

pub use crate::amount::{Basis, Qualifier, Unread};
pub use crate::audit::{Audit, Tolerance, Verdict, audit};
pub use crate::currency::Currency;
pub use crate::error::{Error, ErrorKind, Location, Result};
pub use crate::evidence::Evidence;
pub use crate::extract::{Extractor, Mention, Mentions, extract};
pub use crate::output::{AuditRow, Format, Row, RowWriter};
pub use crate::pair::{Pair, Role, pairs};
pub use crate::rates::{NoRate, Rate, RateTable};
pub use crate::report::Report;
pub use crate::work::work_done;
