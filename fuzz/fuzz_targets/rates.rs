//! The rates loader and lookups: any file is a table or an error with a
//! line, and any lookup a rate or a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = figures::RateTable::from_reader(data) else {
        return;
    };
    let (Some(first), Some(last)) = (table.first_date(), table.last_date()) else {
        return;
    };
    assert!(first <= last);
    for code in ["EUR", "USD", "ISK", "JPY", "GBP"] {
        for to in ["EUR", "USD", "ISK"] {
            let (from, to) = (code.parse().unwrap(), to.parse().unwrap());
            for date in [first, last] {
                if let Ok(rate) = table.rate(from, to, date) {
                    assert!(rate.value > rust_decimal::Decimal::ZERO);
                    assert!(rate.date <= date);
                }
            }
        }
    }
});
