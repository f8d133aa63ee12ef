//! The embedded tables (the ECB's, and beyond it NBP tables A and B, HMRC,
//! IMF), in the compact form `scripts/gen_tables.py` writes, each decoded
//! on first use only: a run the ECB answers never reads the others.
//!
//! The format, all integers unsigned LEB128 varints unless said:
//!
//! ```text
//! "FXR2"                    magic and version
//! u8 n, n bytes             the source's name (`nbp-a`)
//! 3 bytes                   the base currency (`PLN`)
//! 1 byte                    `U`: units per base; `B`: base per unit
//! 1 byte                    `D` daily, `W` weekly, `M` monthly (first days)
//! dates                     count; the first as zigzag days since
//!                           1970-01-01; then the gaps in days (>= 1)
//! columns                   count; each: 3-byte code, 1-byte scale (<= 28),
//!                           its length in bytes, then its runs: count;
//!                           each: dates skipped since the last run,
//!                           length, then per date the zigzag difference
//!                           of value × 10^scale from the last
//! ```
//!
//! A column is decoded when first asked (its length lets the others be
//! skipped); a value without trailing zeros, as its source wrote it (the
//! generator writes sources' values so; the ECB CSV has none).

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::ToSpan;
use rust_decimal::Decimal;

use super::series::{Column, Quote, Series};
use super::{Granularity, RateSource};
use crate::currency::Currency;
use crate::packed::Bytes;

static NBP_A: LazyLock<Series> = LazyLock::new(|| {
    embedded(
        include_bytes!("../../data/rates-nbp-a.bin"),
        RateSource::NbpA,
    )
});
static NBP_B: LazyLock<Series> = LazyLock::new(|| {
    embedded(
        include_bytes!("../../data/rates-nbp-b.bin"),
        RateSource::NbpB,
    )
});
static HMRC: LazyLock<Series> = LazyLock::new(|| {
    embedded(
        include_bytes!("../../data/rates-hmrc.bin"),
        RateSource::Hmrc,
    )
});
static IMF: LazyLock<Series> =
    LazyLock::new(|| embedded(include_bytes!("../../data/rates-imf.bin"), RateSource::Imf));

/// The tables asked after the ECB's, in order; each is decoded when first
/// dereferenced.
pub(super) static FALLBACKS: [&LazyLock<Series>; 4] = [&NBP_A, &NBP_B, &HMRC, &IMF];

/// A table the build embeds: checked by the tests, so an empty table here
/// means a broken build, never a panic.
pub(super) fn embedded(bytes: &[u8], source: RateSource) -> Series {
    decode(bytes, source)
        .unwrap_or_else(|| Series::empty(source, Granularity::Daily, Currency::EUR))
}

/// The table in `bytes`; `None` unless it is well formed and of `source`.
pub(super) fn decode(bytes: &[u8], source: RateSource) -> Option<Series> {
    let mut r = Bytes::new(bytes, b"FXR2")?;
    let name_len = usize::from(r.byte()?);
    if r.take(name_len)? != source.as_str().as_bytes() {
        return None;
    }
    let base = Currency::exact(r.code()?)?;
    let quote = match r.byte()? {
        b'U' => Quote::PerBase,
        b'B' => Quote::OfBase,
        _ => return None,
    };
    let granularity = match r.byte()? {
        b'D' => Granularity::Daily,
        b'W' => Granularity::Weekly,
        b'M' => Granularity::Monthly,
        _ => return None,
    };
    let count = r.count()?;
    let mut dates = Vec::new();
    let epoch = jiff::civil::date(1970, 1, 1);
    let mut day = epoch.checked_add(r.signed()?.days()).ok()?;
    for i in 0..count {
        if i > 0 {
            let gap = r.varint()?;
            if gap == 0 {
                return None;
            }
            day = day.checked_add(i64::try_from(gap).ok()?.days()).ok()?;
        }
        dates.push(day);
    }
    let mut columns = HashMap::new();
    for _ in 0..r.count()? {
        let code = Currency::exact(r.code()?)?;
        let scale = u32::from(r.byte()?);
        if scale > 28 {
            return None;
        }
        let column = Column::encoded(r.bytes()?, scale, count);
        if code == base || columns.insert(code, column).is_some() {
            return None;
        }
    }
    if !r.is_empty() {
        return None;
    }
    Some(Series {
        source,
        granularity,
        base,
        quote,
        dates,
        columns,
    })
}

/// A column's values, one per date of its table (`len` of them), from its
/// compact bytes; `None` unless they are well formed.
pub(super) fn column(bytes: &[u8], scale: u32, len: usize) -> Option<Vec<Option<Decimal>>> {
    let mut r = Bytes::part(bytes);
    let mut column: Vec<Option<Decimal>> = vec![None; len];
    let (mut at, mut value) = (0usize, 0i64);
    for _ in 0..r.count()? {
        at = at.checked_add(r.count()?)?;
        let run = r.count()?;
        if run == 0 || at.checked_add(run)? > len {
            return None;
        }
        for slot in &mut column[at..at + run] {
            value = value.checked_add(r.signed()?)?;
            if value <= 0 {
                return None;
            }
            // Without trailing zeros, as the source wrote the value
            // (its column's scale is that of its longest value).
            let (mut m, mut s) = (value, scale);
            while s > 0 && m % 10 == 0 {
                (m, s) = (m / 10, s - 1);
            }
            *slot = Some(Decimal::try_from_i128_with_scale(i128::from(m), s).ok()?);
        }
        at += run;
    }
    r.is_empty().then_some(column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rates::testing::{c, d};
    use rust_decimal_macros::dec;

    #[test]
    fn every_embedded_table_decodes() {
        for (table, source, granularity, base) in [
            (&*NBP_A, RateSource::NbpA, Granularity::Daily, "PLN"),
            (&*NBP_B, RateSource::NbpB, Granularity::Weekly, "PLN"),
            (&*HMRC, RateSource::Hmrc, Granularity::Monthly, "GBP"),
            (&*IMF, RateSource::Imf, Granularity::Monthly, "USD"),
        ] {
            assert!(table.dates.len() > 100, "{source}");
            assert_eq!(
                (table.source, table.granularity, table.base),
                (source, granularity, c(base))
            );
        }
        assert_eq!(NBP_A.dates.first(), Some(&d("1991-01-02")));
        assert_eq!(NBP_A.dates.last(), Some(&d("2026-10-26")));
        assert_eq!(NBP_B.dates.last(), Some(&d("2026-10-21")));
        assert_eq!(HMRC.dates.last(), Some(&d("2026-11-01")));
        assert_eq!(IMF.dates.last(), Some(&d("2025-01-01")));
    }

    /// The values are NBP's, as the shared README quotes them.
    #[test]
    fn nbp_anchors() {
        let at = |t: &Series, code: &str, day: &str| {
            let i = t.dates.binary_search(&d(day)).unwrap();
            t.columns[&c(code)].values()[i]
        };
        assert_eq!(at(&NBP_A, "USD", "2025-04-10"), Some(dec!(3.8637)));
        assert_eq!(at(&NBP_A, "UAH", "2025-04-10"), Some(dec!(0.0933)));
        assert_eq!(at(&NBP_B, "NGN", "2025-04-09"), Some(dec!(0.002499)));
        // Table B's days carry table A's rates of the day for crosses.
        assert_eq!(at(&NBP_B, "USD", "2025-04-09"), Some(dec!(3.8828)));
        assert!(!NBP_A.columns.contains_key(&c("NGN")));
        // Old zloty before 1995, divided down to PLN.
        assert_eq!(at(&NBP_A, "USD", "1994-12-30"), Some(dec!(2.4372)));
        assert_eq!(at(&NBP_A, "USD", "1995-01-03"), Some(dec!(2.4364)));
    }

    #[test]
    fn bad_bytes_are_none_never_a_panic() {
        let good = include_bytes!("../../data/rates-hmrc.bin");
        assert!(decode(good, RateSource::Hmrc).is_some());
        assert!(
            decode(good, RateSource::Imf).is_none(),
            "another source's name"
        );
        for cut in [0, 3, 4, 9, 12, 100, good.len() - 1] {
            assert!(decode(&good[..cut], RateSource::Hmrc).is_none(), "{cut}");
        }
        let mut longer = good.to_vec();
        longer.push(0);
        assert!(decode(&longer, RateSource::Hmrc).is_none());
        let mut flipped = good.to_vec();
        for i in (0..flipped.len()).step_by(97) {
            flipped[i] ^= 0xff;
            let _ = decode(&flipped, RateSource::Hmrc);
        }
    }
}
