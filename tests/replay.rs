//! Inputs the fuzz targets found (`tests/fuzz/`), replayed with their
//! invariants on stable: spans index the text, and with the language fixed
//! a plain prefix only shifts them.

use figures::{Extractor, Lang};

fn spans(ex: &Extractor, text: &str) -> Vec<(std::ops::Range<usize>, Option<figures::Decimal>)> {
    ex.mentions(text)
        .flatten()
        .map(|m| {
            assert!(text.get(m.span.clone()).is_some_and(|s| !s.is_empty()));
            (m.span, m.amount)
        })
        .collect()
}

#[test]
fn found_inputs_keep_their_invariants() {
    let mut n = 0;
    for entry in std::fs::read_dir("tests/fuzz").unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let prefix = "Reports said. ";
        for lang in Lang::ALL {
            let ex = Extractor::new().lang(lang);
            let moved: Vec<_> = spans(&ex, &text)
                .into_iter()
                .map(|(s, a)| (s.start + prefix.len()..s.end + prefix.len(), a))
                .collect();
            assert_eq!(spans(&ex, &format!("{prefix}{text}")), moved, "{lang}");
        }
        // The whole path over the raw bytes never fails either.
        for f in figures::Report::new().findings_in(&bytes[..]).flatten() {
            assert_eq!(&bytes[f.mention.span.clone()], f.text.as_bytes());
        }
        n += 1;
    }
    assert!(n > 0, "no inputs in tests/fuzz");
}
