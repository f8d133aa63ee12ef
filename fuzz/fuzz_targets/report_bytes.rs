//! The whole path over bytes, with invariants: spans index the input and
//! equal the row's text, `min <= amount <= max`, the output is
//! deterministic, a 4 KiB chunk limit changes nothing unless a cut was
//! reported, and the CSV written reads back with the header's field count.
#![no_main]

use figures::{AuditRow, Format, Report, Row, RowWriter};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fn run(report: Report, data: &[u8]) -> (Vec<Row>, Vec<String>) {
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    report
        .run(data, "-", |r| Ok(rows.push(r)), |e| errors.push(e.to_string()))
        .unwrap();
    for r in &rows {
        let (start, end) = (r.start as usize, r.end as usize);
        assert!(start < end && end <= data.len(), "span {start}..{end}");
        assert_eq!(&data[start..end], r.text.as_bytes());
        let dec = |s: &Option<String>| s.as_deref().map(|s| s.parse::<Decimal>().unwrap());
        if let (Some(lo), Some(hi)) = (dec(&r.min), dec(&r.max)) {
            assert!(lo <= hi, "min {lo} > max {hi}");
            if let Some(a) = dec(&r.amount) {
                assert!(lo <= a && a <= hi);
            }
        }
    }
    (rows, errors)
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
    let whole = run(Report::new(), data);
    assert_eq!(whole, run(Report::new(), data), "not deterministic");
    let small = run(Report::new().chunk_limit(4096), data);
    if !small.1.iter().any(|e| e.contains("no quiet place to cut")) {
        assert_eq!(whole, small, "a 4 KiB chunk limit changed the result");
    }
    reads_back(&whole.0, Row::COLUMNS);
    let mut audits = Vec::new();
    Report::new()
        .date("2025-04-11".parse().unwrap())
        .run_pairs(data, "-", |r| Ok(audits.push(r)), |_| ())
        .unwrap();
    reads_back(&audits, AuditRow::COLUMNS);
});
