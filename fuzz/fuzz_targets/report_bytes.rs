//! The whole path over bytes, with invariants: spans index the input and
//! equal the finding's text, `min <= amount <= max`, the output is
//! deterministic, reading ahead on a thread of its own and a 4 KiB chunk
//! limit change nothing (the limit unless a cut was reported), and the CSV
//! written reads back with the header's field count.
#![no_main]

use figures::{AuditRow, Finding, Format, Report, Row, RowWriter};
use libfuzzer_sys::fuzz_target;

type Items = Vec<Result<Finding, String>>;

fn run(report: Report, data: &[u8]) -> Items {
    let items: Items = report
        .findings_in(data)
        .map(|i| i.map_err(|e| e.to_string()))
        .collect();
    for f in items.iter().flatten() {
        let span = f.mention.span.clone();
        assert!(span.start < span.end && span.end <= data.len(), "{span:?}");
        assert_eq!(&data[span], f.text.as_bytes());
        let m = &f.mention;
        if let (Some(lo), Some(hi)) = (m.min, m.max) {
            assert!(lo <= hi, "min {lo} > max {hi}");
            if let Some(a) = m.amount {
                assert!(lo <= a && a <= hi);
            }
        }
        assert_eq!(f.audit.is_some(), f.figure.is_some());
    }
    items
}

/// Writes `rows` as CSV and reads them back: one record per row, each with
/// as many fields as the header.
fn reads_back<T: serde::Serialize>(rows: &[T], columns: &[&str]) {
    let mut w = RowWriter::headless(Vec::new(), Format::Csv);
    w.write_header(columns).unwrap();
    for r in rows {
        w.write(r).unwrap();
    }
    let csv = w.into_inner().unwrap();
    let mut read = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(read.headers().unwrap().len(), columns.len());
    let mut n = 0;
    for record in read.records() {
        assert_eq!(record.unwrap().len(), columns.len());
        n += 1;
    }
    assert_eq!(n, rows.len(), "CSV rows lost or split");
}

fuzz_target!(|data: &[u8]| {
    let report = Report::new().date("2025-04-11".parse().unwrap());
    let whole = run(report.clone(), data);
    assert_eq!(whole, run(report.clone(), data), "not deterministic");
    let ahead: Items = report
        .findings_ahead(std::io::Cursor::new(data.to_vec()))
        .map(|i| i.map_err(|e| e.to_string()))
        .collect();
    assert_eq!(whole, ahead, "reading ahead changed the result");
    let small = run(report.chunk_limit(4096), data);
    let cut = small.iter().any(|i| {
        i.as_ref()
            .is_err_and(|e| e.contains("no quiet place to cut"))
    });
    if !cut {
        assert_eq!(whole, small, "a 4 KiB chunk limit changed the result");
    }
    let found: Vec<&Finding> = whole.iter().flatten().collect();
    let rows: Vec<Row> = found.iter().map(|f| Row::new("-", f)).collect();
    reads_back(&rows, Row::COLUMNS);
    let audits: Vec<AuditRow> = found.iter().filter_map(|f| AuditRow::new("-", f)).collect();
    reads_back(&audits, AuditRow::COLUMNS);
});
