//! One amount, as `figures convert` reads it: `FromStr for Mention` either
//! reads exactly one amount whose span is in the text and whose bounds hold,
//! or says where the rest starts; converting what it read gives an amount
//! or a reason, never a panic.
#![no_main]

use figures::{Currency, Date, ErrorKind, Mention, RateTable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let m = match text.parse::<Mention>() {
        Ok(m) => m,
        Err(e) => {
            if let ErrorKind::NotOneAmount { .. } = e.kind() {
                let at = e.location().byte().unwrap() as usize;
                assert!(text.is_char_boundary(at) && at <= text.len(), "{at}");
            }
            return;
        }
    };
    assert!(text.get(m.span.clone()).is_some_and(|s| !s.is_empty()));
    if let (Some(lo), Some(hi)) = (m.min, m.max) {
        assert!(lo <= hi);
    }
    let (Some(amount), Some(from)) = (m.amount, m.currency) else {
        return;
    };
    let table = RateTable::embedded();
    let days: [Date; 3] = ["1999-01-04", "2008-12-10", "2025-04-13"].map(|d| d.parse().unwrap());
    for to in [
        Currency::EUR,
        "USD".parse().unwrap(),
        "JPY".parse().unwrap(),
        "ISK".parse().unwrap(),
    ] {
        for day in days {
            if let Ok(c) = table.convert(amount, from, to, day) {
                assert!(c.rate > figures::Decimal::ZERO && c.rate_date <= day);
                if !c.amount.is_zero() {
                    assert_eq!(c.amount.is_sign_negative(), amount.is_sign_negative());
                }
            }
        }
    }
});
