//! Portuguese: scale words and the words between a number and its currency.

/// Scale words, longest first within a shared prefix; matched ignoring case.
/// `bilhão` is Brazil's 10^9, `bilião` Portugal's 10^12.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("mil milhões", 9),
    ("milhões", 6),
    ("milhão", 6),
    ("bilhões", 9),
    ("bilhão", 9),
    ("biliões", 12),
    ("bilião", 12),
    ("trilhões", 12),
    ("trilhão", 12),
];

/// `3,746 bilhões de reais`.
pub(crate) const LINKS: &[&str] = &["de"];
