//! The page's chart: each pair's deviation from the reference rate as a
//! dot on its own row, over the tolerance band that pair was held to.

use std::fmt::Write;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::escape::Escaped;
use crate::audit::Verdict;

/// One pair on the chart.
pub(crate) struct Point {
    /// Its number on the page, for its label and link.
    pub number: usize,
    /// (stated / reference − 1) × 100.
    pub deviation: Decimal,
    /// The tolerance it was held to, in percent either side.
    pub band: Decimal,
    pub verdict: Verdict,
    /// What a pointer over the dot tells, plain text.
    pub title: String,
}

/// The most rows drawn: past them a chart is no longer small.
pub(crate) const ROWS: usize = 200;

const WIDTH: u32 = 640;
const LEFT: u32 = 52;
const RIGHT: u32 = 60;
const TOP: u32 = 6;
const ROW: u32 = 16;
const AXIS: u32 = 26;

/// The half-width of the axis in percent: room for the widest band three
/// times over, stretched to the farthest dot up to ten bands; a dot past it
/// sits at the edge with its value written, so one wild pair does not
/// flatten the rest.
pub(crate) fn reach(points: &[Point]) -> Decimal {
    let band = points
        .iter()
        .map(|p| p.band)
        .max()
        .unwrap_or_default()
        .max(Decimal::new(1, 1));
    let farthest = points
        .iter()
        .map(|p| p.deviation.abs())
        .max()
        .unwrap_or_default();
    let wanted = farthest.clamp(band * Decimal::from(3), band * Decimal::TEN);
    // Round numbers for the tick labels.
    let steps = [1, 2, 3, 5];
    let mut scale = Decimal::ONE;
    loop {
        for s in steps {
            let step = scale * Decimal::from(s);
            if step >= wanted {
                return step;
            }
        }
        match scale.checked_mul(Decimal::TEN) {
            Some(next) if scale < Decimal::from(1_000_000) => scale = next,
            _ => return wanted,
        }
    }
}

/// The x of `pct` on an axis of ±`reach`, clamped to its ends; f64 only
/// for the pixel.
fn x(pct: Decimal, reach: Decimal) -> f64 {
    let plot = Decimal::from(WIDTH - LEFT - RIGHT);
    let clamped = pct.clamp(-reach, reach);
    let at = Decimal::from(LEFT) + (clamped + reach) * plot / (reach * Decimal::TWO);
    at.to_f64().unwrap_or_default()
}

/// The band's rectangle on a row: its x and width.
pub(crate) fn band(band: Decimal, reach: Decimal) -> (f64, f64) {
    let (from, to) = (x(-band, reach), x(band, reach));
    (from, to - from)
}

/// A percentage for a label: `+27.36%`, `−1.2%`, `0%`.
fn signed(pct: Decimal) -> String {
    let pct = pct.normalize();
    match pct.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("+{pct}%"),
        std::cmp::Ordering::Less => format!("\u{2212}{}%", pct.abs()),
        std::cmp::Ordering::Equal => "0%".to_string(),
    }
}

/// The chart as inline SVG, at most [`ROWS`] rows.
pub(crate) fn svg(points: &[Point]) -> String {
    let points = &points[..points.len().min(ROWS)];
    let reach = reach(points);
    let rows = u32::try_from(points.len()).unwrap_or(u32::MAX);
    let height = TOP + rows.max(1) * ROW + AXIS;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" \
         height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-labelledby=\"chart-title\"><title id=\"chart-title\">Each pair's deviation \
         from its reference rate, within ±{} on this axis, over its tolerance band</title>",
        signed(reach).trim_start_matches('+')
    );
    let bottom = TOP + rows.max(1) * ROW;
    let _ = write!(
        out,
        "<rect class=\"plot\" x=\"{LEFT}\" y=\"{TOP}\" width=\"{}\" height=\"{}\"/>",
        WIDTH - LEFT - RIGHT,
        bottom - TOP
    );
    for (i, p) in points.iter().enumerate() {
        let top = TOP + u32::try_from(i).unwrap_or(0) * ROW;
        let mid = f64::from(top) + f64::from(ROW) / 2.0;
        let (bx, bw) = band(p.band, reach);
        let _ = write!(
            out,
            "<g class=\"row\"><rect class=\"band\" x=\"{bx:.1}\" y=\"{}\" width=\"{bw:.1}\" \
             height=\"{}\"><title>tolerance ±{}%</title></rect>\
             <text class=\"label\" x=\"{}\" y=\"{:.1}\">#{}</text>\
             <a href=\"#pair-{}\">",
            top + 1,
            ROW - 2,
            p.band.normalize(),
            LEFT - 6,
            mid + 4.0,
            p.number,
            p.number
        );
        let cx = x(p.deviation, reach);
        let class = p.verdict.as_str();
        let title = Escaped(&p.title);
        if p.deviation.abs() > reach {
            // Off the axis: a triangle at the edge pointing on, and the value.
            let (tip, base, anchor, tx) = match p.deviation.is_sign_negative() {
                true => (cx - 6.0, cx + 2.0, "start", cx + 5.0),
                false => (cx + 6.0, cx - 2.0, "end", cx - 5.0),
            };
            let _ = write!(
                out,
                "<polygon class=\"dot {class}\" points=\"{tip:.1},{mid:.1} {base:.1},{:.1} \
                 {base:.1},{:.1}\"><title>{title}</title></polygon>\
                 <text class=\"off\" x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
                mid - 5.0,
                mid + 5.0,
                mid + 4.0,
                signed(p.deviation)
            );
        } else {
            let _ = write!(
                out,
                "<circle class=\"dot {class}\" cx=\"{cx:.1}\" cy=\"{mid:.1}\" r=\"4.5\">\
                 <title>{title}</title></circle>"
            );
        }
        out.push_str("</a></g>");
    }
    let half = reach / Decimal::TWO;
    for tick in [-reach, -half, Decimal::ZERO, half, reach] {
        let tx = x(tick, reach);
        let class = if tick.is_zero() { "zero" } else { "tick" };
        let _ = write!(
            out,
            "<line class=\"{class}\" x1=\"{tx:.1}\" y1=\"{TOP}\" x2=\"{tx:.1}\" y2=\"{}\"/>\
             <text class=\"axis\" x=\"{tx:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            bottom + 4,
            bottom + 18,
            signed(tick)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn point(deviation: Decimal, band: Decimal) -> Point {
        Point {
            number: 1,
            deviation,
            band,
            verdict: Verdict::Consistent,
            title: "<b>".into(),
        }
    }

    #[test]
    fn the_axis_fits_the_band_and_most_dots() {
        assert_eq!(reach(&[point(dec!(0.5), dec!(1))]), dec!(3));
        assert_eq!(reach(&[point(dec!(-4.2), dec!(1))]), dec!(5));
        // A wild pair stretches the axis to ten bands, no further.
        assert_eq!(reach(&[point(dec!(27.36), dec!(1))]), dec!(10));
        assert_eq!(reach(&[point(dec!(0), dec!(3))]), dec!(10));
        assert_eq!(reach(&[]), dec!(1));
    }

    #[test]
    fn the_band_is_centred_and_scaled() {
        // ±1% on a ±10% axis is a tenth of the plot, in its middle.
        let plot = f64::from(WIDTH - LEFT - RIGHT);
        let (from, width) = band(dec!(1), dec!(10));
        assert!((width - plot / 10.0).abs() < 1e-9, "{width}");
        assert!((from + width / 2.0 - (f64::from(LEFT) + plot / 2.0)).abs() < 1e-9);
        // A band wider than the axis fills it.
        let (from, width) = band(dec!(50), dec!(10));
        assert_eq!((from, width), (f64::from(LEFT), plot));
    }

    #[test]
    fn dots_off_the_axis_are_marked_and_titles_escaped() {
        let svg = svg(&[point(dec!(27.36), dec!(1)), point(dec!(-0.76), dec!(1))]);
        assert!(svg.contains("<polygon class=\"dot consistent\""), "{svg}");
        assert!(svg.contains(">+27.36%</text>"), "{svg}");
        assert!(svg.contains("<circle class=\"dot consistent\""), "{svg}");
        assert!(svg.contains("<title>&lt;b&gt;</title>"));
        assert!(!svg.contains("<b>"));
        assert_eq!(svg.matches("class=\"band\"").count(), 2);
    }
}
