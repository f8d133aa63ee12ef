//! The whole path over bytes, with invariants: spans index the input and
//! equal the row's text, `min <= amount <= max`, the output is
//! deterministic, and a 4 KiB chunk limit changes nothing unless a cut was
//! reported.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn run(report: figures::Report, data: &[u8]) -> (Vec<String>, Vec<String>) {
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    report
        .run(
            data,
            "-",
            |r| {
                let (start, end) = (r.start as usize, r.end as usize);
                assert!(start < end && end <= data.len(), "span {start}..{end}");
                assert_eq!(&data[start..end], r.text.as_bytes());
                let dec = |s: &Option<String>| {
                    s.as_deref()
                        .map(|s| s.parse::<rust_decimal::Decimal>().unwrap())
                };
                if let (Some(lo), Some(hi)) = (dec(&r.min), dec(&r.max)) {
                    assert!(lo <= hi, "min {lo} > max {hi}");
                    if let Some(a) = dec(&r.amount) {
                        assert!(lo <= a && a <= hi);
                    }
                }
                rows.push(format!("{r:?}"));
                Ok(())
            },
            |e| errors.push(e.to_string()),
        )
        .unwrap();
    (rows, errors)
}

fuzz_target!(|data: &[u8]| {
    let whole = run(figures::Report::new(), data);
    assert_eq!(
        whole,
        run(figures::Report::new(), data),
        "not deterministic"
    );
    let small = run(figures::Report::new().chunk_limit(4096), data);
    if !small.1.iter().any(|e| e.contains("no quiet place to cut")) {
        assert_eq!(whole, small, "a 4 KiB chunk limit changed the result");
    }
});
