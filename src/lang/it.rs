//! Italian: scale words and the words between a number and its currency.

/// Scale words, longest first within a shared prefix; matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("milioni", 6),
    ("milione", 6),
    ("miliardi", 9),
    ("miliardo", 9),
    ("mld", 9),
];

/// `14 miliardi di euro`, `3 milioni di dollari`.
pub(crate) const LINKS: &[&str] = &["di", "d'", "d’"];
