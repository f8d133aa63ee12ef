//! Hand-written cases in tests/cases/amounts.csv: one row per expected
//! mention (or a row with no amount and no bounds for a text with no money).
//! Every failing row is reported, not just the first.

use figures::{Extractor, Mention};
use rust_decimal::Decimal;

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    amount: Option<Decimal>,
    currency: Option<String>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    qualifier: Option<String>,
    locale: Option<String>,
}

fn dec(d: Option<Decimal>) -> Option<Decimal> {
    d.map(|d| d.normalize())
}

fn matches(m: &Mention, c: &Case) -> bool {
    dec(m.amount) == dec(c.amount)
        && dec(m.min) == dec(c.min)
        && dec(m.max) == dec(c.max)
        && m.currency.map(|c| c.to_string()) == c.currency
        && m.qualifier.map(|q| q.as_str().to_string()) == c.qualifier
}

#[test]
fn hand_written_cases() {
    let mut reader = csv::Reader::from_path("tests/cases/amounts.csv").unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, case) in reader.deserialize::<Case>().enumerate() {
        let case = case.unwrap();
        count += 1;
        let mut ex = Extractor::new();
        if let Some(tag) = &case.locale {
            ex = ex.locale(tag).unwrap();
        }
        let found: Vec<Mention> = ex.mentions(&case.text).collect::<Result<_, _>>().unwrap();
        let silent = case.amount.is_none() && case.min.is_none() && case.max.is_none();
        let ok = if silent {
            found.is_empty()
        } else {
            found.iter().any(|m| matches(m, &case))
        };
        if !ok {
            let got: Vec<String> = found
                .iter()
                .map(|m| {
                    format!(
                        "{:?} {:?} {:?}..{:?} {:?}",
                        &case.text[m.span.clone()],
                        m.amount,
                        m.min,
                        m.max,
                        m.currency
                    )
                })
                .collect();
            failures.push(format!("row {}: {:?}: got {got:?}", n + 2, case.text));
        }
    }
    assert!(count > 50);
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
