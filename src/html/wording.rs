//! A pair told in words: `£113bn stated as $153m: 99.9% below the ECB
//! reference rate of 2025-06-11 (1 GBP = 1.3520 USD)`.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::audit::{Audit, DateBasis, Verdict};
use crate::currency::Currency;
use crate::rates::{Granularity, RateSource};

/// One side of a pair as the page shows it.
#[derive(Clone, Debug)]
pub(crate) struct Side {
    pub text: String,
    pub currency: Option<Currency>,
}

/// The pair as a sentence, plain text (the page escapes it).
pub(crate) fn claim(figure: &Side, conversion: &Side, audit: &Audit) -> String {
    let stated = format!("{} stated as {}", figure.text, conversion.text);
    let reference = (
        audit.deviation_pct,
        audit.reference_rate,
        audit.rate_source,
        audit.rate_date,
    );
    match reference {
        (Some(deviation), Some(rate), Some(source), Some(date)) => {
            let how = match deviation.cmp(&Decimal::ZERO) {
                std::cmp::Ordering::Less => format!("{}% below", deviation.abs().normalize()),
                std::cmp::Ordering::Greater => format!("{}% above", deviation.normalize()),
                std::cmp::Ordering::Equal => "exactly".to_string(),
            };
            format!(
                "{stated}: {how} {} ({})",
                rate_of(source, date, audit.rate_granularity),
                direction(figure.currency, &quoted(rate), conversion.currency),
            )
        }
        _ => match audit.verdict {
            Verdict::NoRate => format!("{stated}: no reference rate"),
            Verdict::NotAudited => format!("{stated}: not audited"),
            _ => stated,
        },
    }
}

/// `the ECB reference rate of 2025-06-11`, `the HMRC monthly rate of
/// 2025-06` (a monthly rate is its month's).
pub(crate) fn rate_of(source: RateSource, date: Date, granularity: Option<Granularity>) -> String {
    let day = match granularity {
        Some(Granularity::Monthly) => date.strftime("%Y-%m").to_string(),
        _ => date.to_string(),
    };
    match source {
        RateSource::File => format!("the rate of {day} in the rates file"),
        _ => format!("the {source} of {day}"),
    }
}

/// `1 GBP = 1.3520 USD`: what one unit of the figure's currency is worth
/// in the conversion's, the rate written as `rate`.
pub(crate) fn direction(unit: Option<Currency>, rate: &str, of: Option<Currency>) -> String {
    let code = |c: Option<Currency>| c.map_or_else(|| "?".to_string(), |c| c.to_string());
    format!("1 {} = {rate} {}", code(unit), code(of))
}

/// A rate with at least five significant digits, as central banks quote
/// them (`1.352` as `1.3520`), never fewer than it has.
pub(crate) fn quoted(rate: Decimal) -> String {
    const DIGITS: u32 = 5;
    let rate = rate.normalize();
    let whole = rate.abs().trunc();
    let places = if whole >= Decimal::ONE {
        let int_digits = whole.to_string().len() as u32;
        DIGITS.saturating_sub(int_digits)
    } else {
        // Zeros after the point before the first digit count for nothing.
        let mut zeros = 0;
        let mut scaled = rate.abs();
        while !scaled.is_zero() && scaled < Decimal::new(1, 1) && zeros < 20 {
            scaled *= Decimal::TEN;
            zeros += 1;
        }
        zeros + DIGITS
    };
    let mut shown = rate;
    if shown.scale() < places {
        shown.rescale(places);
    }
    shown.to_string()
}

/// Where the audit's date came from, in words.
pub(crate) fn date_basis(basis: Option<DateBasis>) -> &'static str {
    match basis {
        Some(DateBasis::Article) => "the article's date",
        Some(DateBasis::Given) => "the date given for the run",
        Some(DateBasis::Text) => "a date written in the text",
        Some(DateBasis::Latest) => "the rate table's last day",
        None => "no date",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn side(text: &str, code: &str) -> Side {
        Side {
            text: text.into(),
            currency: code.parse().ok(),
        }
    }

    fn audited(deviation: Decimal, rate: Decimal, verdict: Verdict) -> Audit {
        Audit {
            stated_rate: None,
            reference_rate: Some(rate),
            rate_date: Some("2025-06-11".parse().unwrap()),
            rate_source: Some(RateSource::Ecb),
            rate_granularity: Some(Granularity::Daily),
            writer_rate: None,
            deviation_pct: Some(deviation),
            verdict,
            date_basis: Some(DateBasis::Given),
            notes: Vec::new(),
        }
    }

    #[test]
    fn below_and_above_the_reference() {
        let (gbp, usd) = (side("£113bn", "GBP"), side("$153m", "USD"));
        let a = audited(dec!(-99.90), dec!(1.352), Verdict::Inconsistent);
        assert_eq!(
            claim(&gbp, &usd, &a),
            "£113bn stated as $153m: 99.9% below the ECB reference rate of 2025-06-11 (1 GBP = 1.3520 USD)"
        );
        let (eur, usd) = (side("€800 million", "EUR"), side("$1.1 billion", "USD"));
        let a = audited(dec!(27.36), dec!(1.0796), Verdict::Inconsistent);
        assert_eq!(
            claim(&eur, &usd, &a),
            "€800 million stated as $1.1 billion: 27.36% above the ECB reference rate of 2025-06-11 (1 EUR = 1.0796 USD)"
        );
        let a = audited(Decimal::ZERO, dec!(1.0796), Verdict::Consistent);
        assert!(claim(&eur, &usd, &a).contains(": exactly the ECB reference rate of"));
    }

    #[test]
    fn pairs_without_a_reference() {
        let (eur, usd) = (side("€21bn", "EUR"), side("$24bn", "USD"));
        let mut a = audited(Decimal::ZERO, Decimal::ONE, Verdict::NotAudited);
        a.deviation_pct = None;
        a.reference_rate = None;
        assert_eq!(claim(&eur, &usd, &a), "€21bn stated as $24bn: not audited");
        a.verdict = Verdict::NoRate;
        assert_eq!(
            claim(&eur, &usd, &a),
            "€21bn stated as $24bn: no reference rate"
        );
    }

    #[test]
    fn monthly_rates_are_their_months_and_files_are_named() {
        let day = "2025-06-01".parse().unwrap();
        assert_eq!(
            rate_of(RateSource::Hmrc, day, Some(Granularity::Monthly)),
            "the HMRC monthly rate of 2025-06"
        );
        assert_eq!(
            rate_of(RateSource::File, day, Some(Granularity::Daily)),
            "the rate of 2025-06-01 in the rates file"
        );
    }

    #[test]
    fn rates_are_quoted_to_five_digits() {
        assert_eq!(quoted(dec!(1.352)), "1.3520");
        assert_eq!(quoted(dec!(1.28846)), "1.28846");
        assert_eq!(quoted(dec!(161.26)), "161.26");
        assert_eq!(quoted(dec!(0.0067797)), "0.0067797");
        assert_eq!(quoted(dec!(0.0242)), "0.024200");
        assert_eq!(quoted(dec!(25000)), "25000");
        assert_eq!(quoted(Decimal::ONE), "1.0000");
    }
}
