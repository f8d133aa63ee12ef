//! Spanish: scale words and the words between a number and its currency.

/// Scale words, longest first within a shared prefix; matched ignoring case.
/// (`mil` alone, a thousand, is left out: `$5 mil` is five million in English.)
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("mil millones", 9),
    ("millones", 6),
    ("millón", 6),
    ("billones", 12),
    ("billón", 12),
];

/// `48.000 millones de dólares`.
pub(crate) const LINKS: &[&str] = &["de"];
