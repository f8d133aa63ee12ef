//! The grammar on `&str`: spans are on character boundaries, in order, and
//! a plain-word prefix only shifts them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn spans(text: &str) -> Vec<(std::ops::Range<usize>, Option<rust_decimal::Decimal>)> {
    figures::extract(text)
        .flatten()
        .map(|m| {
            assert!(
                text.get(m.span.clone()).is_some_and(|s| !s.is_empty()),
                "{:?}",
                m.span
            );
            (m.span, m.amount)
        })
        .collect()
}

fuzz_target!(|text: &str| {
    let plain = spans(text);
    for w in plain.windows(2) {
        assert!(w[0].0.end <= w[1].0.start, "overlapping spans");
    }
    let prefix = "Reports said. ";
    let shifted = spans(&format!("{prefix}{text}"));
    if !text.starts_with(|c: char| c.is_alphanumeric()) {
        let moved: Vec<_> = plain
            .iter()
            .map(|(s, a)| (s.start + prefix.len()..s.end + prefix.len(), *a))
            .collect();
        assert_eq!(shifted, moved, "a prefix changed more than the spans");
    }
});
