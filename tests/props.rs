//! Invariants that hold for any input: no panic, spans index the input,
//! and written amounts read back to the value that was written.

use proptest::prelude::*;
use rust_decimal::Decimal;

/// Text made of the pieces amounts are built from, so the grammar is
/// exercised deep, not just rejected at the first byte.
fn moneyish() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "$", "€", "£", "US$", "Rs.", "kr", "USD", "EUR", " ", "\n", "\n\n", "-", ",", ".", "'",
        "\u{a0}", "(", ")", "or", "and", "between", "about", "to", "billion", "bn", "m", "k",
        "crore", "cents", "dollars", "twenty", "one", "a", "half", "¢", "₹", "é", "🙂", "0", "5",
        "21", "1,000", "999",
    ];
    let piece = prop::sample::select(PIECES).prop_map(str::to_string);
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check_spans(text: &str) {
    for m in figures::extract(text).flatten() {
        let slice = text.get(m.span.clone());
        assert!(
            slice.is_some_and(|s| !s.is_empty()),
            "bad span {:?} in {text:?}",
            m.span
        );
    }
}

proptest! {
    #[test]
    fn spans_index_any_text(text in "\\PC{0,64}") {
        check_spans(&text);
    }

    #[test]
    fn spans_index_moneyish_text(text in moneyish()) {
        check_spans(&text);
    }

    #[test]
    fn report_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let mut rows = Vec::new();
        figures::Report::new().run(&bytes[..], "-", |r| { rows.push(r); Ok(()) }, |_| {}).unwrap();
        for r in rows {
            prop_assert!(r.start < r.end && r.end as usize <= bytes.len());
            prop_assert_eq!(&bytes[r.start as usize..r.end as usize], r.text.as_bytes());
        }
    }

    #[test]
    fn written_amounts_read_back(units in 0u64..1_000_000_000_000, cents in 0u32..100, grouped in any::<bool>(),
                                 code in prop::sample::select(vec!["USD", "EUR", "GBP", "JPY", "INR"])) {
        let int = units.to_string();
        let int = if grouped {
            let digits: Vec<char> = int.chars().collect();
            let mut out = String::new();
            for (i, c) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) { out.push(','); }
                out.push(*c);
            }
            out
        } else { int };
        let text = format!("They paid {code} {int}.{cents:02} in total.");
        let m = figures::extract(&text).next().unwrap().unwrap();
        let want = Decimal::from(units) + Decimal::new(i64::from(cents), 2);
        prop_assert_eq!(m.amount, Some(want.normalize()));
        prop_assert_eq!(m.currency.map(|c| c.to_string()), Some(code.to_string()));
    }
}
