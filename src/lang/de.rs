//! German: scale words and the words between a number and its currency.

/// Scale words, longest first within a shared prefix; matched ignoring case.
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("Tausend", 3),
    ("Millionen", 6),
    ("Million", 6),
    ("Mio.", 6),
    ("Mio", 6),
    ("Milliarden", 9),
    ("Milliarde", 9),
    ("Mrd.", 9),
    ("Mrd", 9),
    ("Billionen", 12),
];

/// Words between a scale and the currency name (`Milliarden Euro`: none).
pub(crate) const LINKS: &[&str] = &[];
