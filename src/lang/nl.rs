//! Dutch: scale words and the words between a number and its currency.

/// Scale words, longest first within a shared prefix; matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("miljoenen", 6),
    ("miljoen", 6),
    ("miljarden", 9),
    ("miljard", 9),
    ("biljoen", 12),
];

/// `€71 miljard`, `5 miljoen euro`: no word between.
pub(crate) const LINKS: &[&str] = &[];
