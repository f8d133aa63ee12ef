//! Hand-written cases in tests/cases/amounts.csv (English) and one table
//! per language (`de.csv`, `fr.csv`, `es.csv`, `it.csv`, `nl.csv`,
//! `pt.csv`), one row per expected mention, each pinning the mention's
//! exact span.
//!
//! Columns: `text,amount,currency,min,max,qualifier,basis,evidence,locale`.
//!
//! - `text` is the input with the one expected mention between `|` bars
//!   (`Her uncle left |a million dollars| to the museum.`). The bars are
//!   stripped before the text is read; the span includes the qualifier
//!   (`|about $21 billion|`). A text with two amounts gets two rows, each
//!   marking one. A text with no bars says the text has no mention at all.
//! - `amount` is a decimal, empty for a range (then `min` and `max` are set),
//!   or `unread`: the tool must report a mention at exactly that span with no
//!   amount, min or max (it saw a number it could not read whole). On an
//!   `unread` row, `currency` and `qualifier` are checked only when given.
//! - `currency` is an ISO 4217 code; empty means the mention has no currency.
//! - `qualifier` is `Qualifier::as_str` (`about`, `over`, `up_to`, ...).
//! - `basis` (checked when given) is `Basis::as_str`.
//! - `evidence` (checked when given) is the word that decided the currency
//!   when the basis is `context` (`Nairobi`).
//! - `locale` is a BCP-47 tag passed to `Extractor::locale`.
//!
//! Every failing row is reported with every mention found, not just the first.

use figures::{Extractor, Mention};
use rust_decimal::Decimal;
use std::ops::Range;

const BASES: [&str; 8] = [
    "code",
    "symbol",
    "name",
    "assumed",
    "context",
    "locale",
    "default",
    "ambiguous",
];
const QUALIFIERS: [&str; 6] = ["about", "nearly", "over", "at_least", "under", "up_to"];

#[derive(serde::Deserialize)]
struct Row {
    text: String,
    amount: Option<String>,
    currency: Option<String>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    qualifier: Option<String>,
    basis: Option<String>,
    evidence: Option<String>,
    locale: Option<String>,
}

/// What a row expects, once its text and columns are checked.
struct Case {
    /// The text with the bars stripped.
    text: String,
    /// The marked span in `text`; `None` for "no mention at all".
    span: Option<Range<usize>>,
    amount: Amount,
    currency: Option<String>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    qualifier: Option<String>,
    basis: Option<String>,
    evidence: Option<String>,
    locale: Option<String>,
}

enum Amount {
    Value(Decimal),
    /// A range: no amount, `min` and `max` carry it.
    None,
    /// A number the tool saw but could not read whole.
    Unread,
}

/// Strips the bars and checks the columns fit together.
fn case(row: Row) -> Result<Case, String> {
    let bars: Vec<usize> = row.text.match_indices('|').map(|(i, _)| i).collect();
    let (text, span) = match bars[..] {
        [] => (row.text.clone(), None),
        [a, b] => (row.text.replace('|', ""), Some(a..b - 1)),
        _ => return Err(format!("{} bars; want none or two", bars.len())),
    };
    if span.as_ref().is_some_and(|s| s.is_empty()) {
        return Err("empty span between the bars".into());
    }
    let amount = match row.amount.as_deref() {
        None => Amount::None,
        Some("unread") => Amount::Unread,
        Some(s) => {
            Amount::Value(Decimal::from_str_exact(s).map_err(|e| format!("amount {s:?}: {e}"))?)
        }
    };
    if let Some(b) = &row.basis
        && !BASES.contains(&b.as_str())
    {
        return Err(format!("unknown basis {b:?}"));
    }
    if let Some(q) = &row.qualifier
        && !QUALIFIERS.contains(&q.as_str())
    {
        return Err(format!("unknown qualifier {q:?}"));
    }
    let given = !matches!(amount, Amount::None)
        || row.min.is_some()
        || row.max.is_some()
        || row.currency.is_some()
        || row.qualifier.is_some()
        || row.basis.is_some()
        || row.evidence.is_some();
    match (&span, &amount) {
        (None, _) if given => return Err("no bars, yet the columns describe a mention".into()),
        (Some(_), Amount::None) if row.min.is_none() && row.max.is_none() => {
            return Err("marked mention with no amount, min or max".into());
        }
        (Some(_), Amount::Unread) if row.min.is_some() || row.max.is_some() => {
            return Err("unread with min or max".into());
        }
        _ => {}
    }
    if let Some(w) = &row.evidence {
        if row.basis.as_deref() != Some("context") {
            return Err("evidence without basis context".into());
        }
        if !text.contains(w.as_str()) {
            return Err(format!("evidence {w:?} is not in the text"));
        }
    }
    Ok(Case {
        text,
        span,
        amount,
        currency: row.currency,
        min: row.min,
        max: row.max,
        qualifier: row.qualifier,
        basis: row.basis,
        evidence: row.evidence,
        locale: row.locale,
    })
}

fn dec(d: Option<Decimal>) -> Option<Decimal> {
    d.map(|d| d.normalize())
}

/// True when `m` is the mention of a number the tool saw but could not read
/// whole: it says why, and has no amount, min or max.
fn is_unread(m: &Mention) -> bool {
    m.unread.is_some() && m.amount.is_none() && m.min.is_none() && m.max.is_none()
}

/// True when the word that decided `m`'s currency is `word`, as written.
fn evidence_is(m: &Mention, word: &str) -> bool {
    m.evidence.as_ref().is_some_and(|e| e.word == word)
}

/// The ways `m` differs from the case ("got X, want Y"), empty when it matches.
fn differences(m: &Mention, c: &Case) -> Vec<String> {
    let show = |d: Option<Decimal>| dec(d).map_or("none".to_string(), |d| d.to_string());
    let text = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".into());
    let mut out = Vec::new();
    match c.amount {
        Amount::Unread => {
            if !is_unread(m) {
                out.push(format!("amount {} (read), want unread", show(m.amount)));
            }
        }
        Amount::Value(a) => {
            if dec(m.amount) != dec(Some(a)) {
                out.push(format!("amount {}, want {}", show(m.amount), show(Some(a))));
            }
        }
        Amount::None => {
            if m.amount.is_some() {
                out.push(format!("amount {}, want none", show(m.amount)));
            }
        }
    }
    if dec(m.min) != dec(c.min) {
        out.push(format!("min {}, want {}", show(m.min), show(c.min)));
    }
    if dec(m.max) != dec(c.max) {
        out.push(format!("max {}, want {}", show(m.max), show(c.max)));
    }
    // An unread row checks currency and qualifier only when it gives them.
    let lenient = matches!(c.amount, Amount::Unread);
    let currency = m.currency.map(|c| c.to_string());
    if (!lenient || c.currency.is_some()) && currency != c.currency {
        out.push(format!(
            "currency {}, want {}",
            text(&currency),
            text(&c.currency)
        ));
    }
    let qualifier = m.qualifier.map(|q| q.as_str().to_string());
    if (!lenient || c.qualifier.is_some()) && qualifier != c.qualifier {
        out.push(format!(
            "qualifier {}, want {}",
            text(&qualifier),
            text(&c.qualifier)
        ));
    }
    if let Some(b) = &c.basis
        && m.basis.as_str() != b
    {
        out.push(format!("basis {}, want {b}", m.basis.as_str()));
    }
    if let Some(w) = &c.evidence
        && !evidence_is(m, w)
    {
        out.push(format!("evidence is not {w:?}"));
    }
    out
}

fn describe(text: &str, m: &Mention) -> String {
    let show = |d: Option<Decimal>| dec(d).map_or("-".to_string(), |d| d.to_string());
    format!(
        "|{}| {}..{} amount={} min={} max={} currency={} basis={}{}",
        text.get(m.span.clone()).unwrap_or("<bad span>"),
        m.span.start,
        m.span.end,
        show(m.amount),
        show(m.min),
        show(m.max),
        m.currency.map_or("-".to_string(), |c| c.to_string()),
        m.basis.as_str(),
        m.qualifier
            .map_or(String::new(), |q| format!(" qualifier={}", q.as_str())),
    )
}

/// Runs one case; `Err` holds the report of what went wrong.
fn run(c: &Case) -> Result<(), String> {
    let mut ex = Extractor::new();
    if let Some(tag) = &c.locale {
        ex = ex.locale(tag).map_err(|e| format!("locale {tag:?}: {e}"))?;
    }
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for m in ex.mentions(&c.text) {
        match m {
            Ok(m) => found.push(m),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let problem = match &c.span {
        None if found.is_empty() => None,
        None => Some("want no mention".to_string()),
        Some(span) => match found.iter().find(|m| m.span == *span) {
            None => Some(format!("no mention at {}..{}", span.start, span.end)),
            Some(m) => {
                let d = differences(m, c);
                (!d.is_empty()).then(|| format!("at the span: {}", d.join(", ")))
            }
        },
    };
    if problem.is_none() && errors.is_empty() {
        return Ok(());
    }
    let mut report = problem.unwrap_or_else(|| "errors".into());
    for m in &found {
        report.push_str(&format!("\n      found {}", describe(&c.text, m)));
    }
    if found.is_empty() {
        report.push_str("\n      found nothing");
    }
    for e in &errors {
        report.push_str(&format!("\n      error {e}"));
    }
    Err(report)
}

#[test]
fn hand_written_cases() {
    table("tests/cases/amounts.csv", 200);
}

#[test]
fn german() {
    table("tests/cases/de.csv", 10);
}

#[test]
fn french() {
    table("tests/cases/fr.csv", 10);
}

#[test]
fn spanish() {
    table("tests/cases/es.csv", 10);
}

#[test]
fn italian() {
    table("tests/cases/it.csv", 8);
}

#[test]
fn dutch() {
    table("tests/cases/nl.csv", 7);
}

#[test]
fn portuguese() {
    table("tests/cases/pt.csv", 9);
}

/// Runs every row of the table at `path`, which must have `at_least` rows.
fn table(path: &str, at_least: usize) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "text",
            "amount",
            "currency",
            "min",
            "max",
            "qualifier",
            "basis",
            "evidence",
            "locale"
        ]
    );
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let line = record.position().map_or(0, |p| p.line());
        count += 1;
        let row: Row = match record.deserialize(Some(&headers)) {
            Ok(row) => row,
            Err(e) => {
                failures.push(format!("row {} (line {line}): bad row: {e}", n + 1));
                continue;
            }
        };
        let shown = row.text.clone();
        let result = case(row)
            .map_err(|e| format!("bad row: {e}"))
            .and_then(|c| run(&c));
        if let Err(report) = result {
            failures.push(format!("row {} (line {line}): {shown:?}: {report}", n + 1));
        }
    }
    assert!(count >= at_least, "{path}: only {count} rows");
    assert!(
        failures.is_empty(),
        "{path}: {} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
