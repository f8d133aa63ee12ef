//! The grammar on `&str`: spans are on character boundaries, in order, and
//! a plain-word prefix only shifts them. The language is fixed (one of the
//! seven, by the text's length): a detected one may change with the prefix,
//! and a language decides readings by design (`$ 5.000`).
#![no_main]

use figures::{Extractor, Lang};
use libfuzzer_sys::fuzz_target;

fn spans(
    ex: &Extractor,
    text: &str,
) -> Vec<(std::ops::Range<usize>, Option<rust_decimal::Decimal>)> {
    ex.mentions(text)
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
    let ex = Extractor::new().lang(Lang::ALL[text.len() % Lang::ALL.len()]);
    let plain = spans(&ex, text);
    for w in plain.windows(2) {
        assert!(w[0].0.end <= w[1].0.start, "overlapping spans");
    }
    let prefix = "Reports said. ";
    let shifted = spans(&ex, &format!("{prefix}{text}"));
    if !text.starts_with(|c: char| c.is_alphanumeric()) {
        let moved: Vec<_> = plain
            .iter()
            .map(|(s, a)| (s.start + prefix.len()..s.end + prefix.len(), *a))
            .collect();
        assert_eq!(shifted, moved, "a prefix changed more than the spans");
    }
});
