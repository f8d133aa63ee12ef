//! With the `serde` feature the typed values serialize with the names and
//! values of the JSON-lines output.
#![cfg(feature = "serde")]

use figures::{Basis, Currency, Qualifier, Report, Role, Row, Verdict};
use serde_json::{Value, json};

#[test]
fn enums_serialize_as_their_output_names_and_read_back() {
    fn both<T>(all: &[T], name: fn(&T) -> &'static str)
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        for v in all {
            assert_eq!(serde_json::to_value(v).unwrap(), json!(name(v)));
            assert_eq!(&serde_json::from_value::<T>(json!(name(v))).unwrap(), v);
        }
    }
    use Verdict::*;
    both(
        &[Consistent, Inconsistent, NoRate, NotAudited],
        Verdict::as_str,
    );
    use Qualifier::*;
    both(
        &[About, Nearly, Over, AtLeast, Under, UpTo],
        Qualifier::as_str,
    );
    use Basis::*;
    let bases = [
        Symbol, Code, Name, Assumed, Context, Locale, Default, Ambiguous,
    ];
    both(&bases, Basis::as_str);
    both(
        &[Role::Figure, Role::Conversion, Role::Restated],
        Role::as_str,
    );
    use figures::DateBasis;
    both(
        &[
            DateBasis::Article,
            DateBasis::Given,
            DateBasis::Text,
            DateBasis::Latest,
        ],
        DateBasis::as_str,
    );
    use figures::RateSource as S;
    both(
        &[S::Ecb, S::NbpA, S::NbpB, S::Hmrc, S::Imf, S::File],
        S::as_str,
    );
    use figures::Granularity as G;
    both(&[G::Daily, G::Weekly, G::Monthly], G::as_str);
    assert_eq!(serde_json::to_value(Currency::EUR).unwrap(), json!("EUR"));
    let c: Currency = serde_json::from_value(json!("gbp")).unwrap();
    assert_eq!(c.as_str(), "GBP");
    assert!(serde_json::from_value::<Currency>(json!("XYZ")).is_err());
}

#[test]
fn a_finding_serializes_as_its_jsonl_row() {
    let text = "In Nairobi, aid rose to about Sh 2.5 billion ($19.3 million) from $7-zillion.";
    let report = Report::new().date("2025-04-11".parse().unwrap());
    let found: Vec<_> = report.findings_in(text).collect::<Result<_, _>>().unwrap();
    assert_eq!(found.len(), 3);
    for f in &found {
        let finding = serde_json::to_value(f).unwrap();
        let Value::Object(row) = serde_json::to_value(Row::new("-", f)).unwrap() else {
            panic!("a row is an object")
        };
        for (key, want) in row {
            let got = match key.as_str() {
                "source" | "article" => continue,
                "stated_rate" | "reference_rate" | "rate_date" | "deviation_pct" | "verdict"
                | "writer_rate" | "date_basis" | "rate_source" | "rate_granularity" => {
                    finding["audit"].get(&key).cloned().unwrap_or(Value::Null)
                }
                "reason" if f.audit.is_some() => finding["audit"]["reason"].clone(),
                _ => finding[&key].clone(),
            };
            assert_eq!(got, want, "{key} of {}", f.text);
        }
    }
    assert_eq!(
        serde_json::to_value(&found[2]).unwrap()["reason"],
        json!("unread word 'zillion' after the number")
    );
}

#[test]
fn a_conversion_serializes_with_decimals_as_strings() {
    let table = figures::RateTable::embedded();
    let day = "2025-04-11".parse().unwrap();
    let c = table
        .convert(
            figures::Decimal::from(21),
            Currency::EUR,
            "USD".parse().unwrap(),
            day,
        )
        .unwrap();
    assert_eq!(
        serde_json::to_value(c).unwrap(),
        json!({"amount": "23.83", "rate": "1.1346", "rate_date": "2025-04-11", "source": "ecb", "granularity": "daily"})
    );
}
