//! Scale words: thousand, million, bn, crore, lakh, Mrd. ...

use super::{IResult, at_word_end, fail};

/// A power of ten that multiplies the number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scale(pub u32);

/// Scale words, longest first within each shared prefix so that the first
/// match is the longest. Matched ignoring case.
const WORDS: &[(&str, u32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("lakh crore", 12),
    ("lakhs", 5),
    ("lakh", 5),
    ("lacs", 5),
    ("lac", 5),
    ("crores", 7),
    ("crore", 7),
    ("mln", 6),
    ("mn", 6),
    ("mio.", 6),
    ("mio", 6),
    ("mm", 6),
    ("bln", 9),
    ("bn", 9),
    ("mrd.", 9),
    ("mrd", 9),
    ("trn", 12),
    ("tn", 12),
    ("cr", 7),
];

/// One-letter scales, only read when glued to the number (`$5m`, `10K`), as
/// `5 m` is more often metres.
const LETTERS: &[(char, u32)] = &[('k', 3), ('m', 6), ('b', 9)];

// scale = "thousand" | "million" | "billion" | "trillion" | "lakh crore" | "lakh" | "crore" | "bn" | ...
pub(crate) fn scale(i: &str) -> IResult<'_, Scale> {
    // Every scale word starts with one of these: most text fails here.
    if !i.starts_with(['t', 'm', 'b', 'l', 'c', 'T', 'M', 'B', 'L', 'C']) {
        return fail(i);
    }
    for &(word, power) in WORDS {
        if let Some(head) = i.get(..word.len()) {
            let rest = &i[word.len()..];
            if head.eq_ignore_ascii_case(word) && (word.ends_with('.') || at_word_end(rest)) {
                return Ok((rest, Scale(power)));
            }
        }
    }
    fail(i)
}

// letter = "k" | "m" | "b"   (any case, glued to the number)
pub(crate) fn letter(i: &str) -> IResult<'_, Scale> {
    let mut chars = i.chars();
    if let Some(c) = chars.next() {
        let rest = chars.as_str();
        for &(l, power) in LETTERS {
            if c.eq_ignore_ascii_case(&l) && at_word_end(rest) {
                return Ok((rest, Scale(power)));
            }
        }
    }
    fail(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Scale {
        pub const THOUSAND: Scale = Scale(3);
        pub const MILLION: Scale = Scale(6);
        pub const BILLION: Scale = Scale(9);
    }

    #[test]
    fn words() {
        assert_eq!(scale("billion in aid"), Ok((" in aid", Scale::BILLION)));
        assert_eq!(scale("Million"), Ok(("", Scale::MILLION)));
        assert_eq!(scale("thousand."), Ok((".", Scale::THOUSAND)));
        assert_eq!(scale("trillion"), Ok(("", Scale(12))));
    }

    #[test]
    fn abbreviations() {
        assert_eq!(scale("bn of aid"), Ok((" of aid", Scale::BILLION)));
        assert_eq!(scale("mn)"), Ok((")", Scale::MILLION)));
        assert_eq!(scale("mln"), Ok(("", Scale::MILLION)));
        assert_eq!(scale("bln"), Ok(("", Scale::BILLION)));
        assert_eq!(scale("tn"), Ok(("", Scale(12))));
        assert_eq!(scale("trn"), Ok(("", Scale(12))));
        assert_eq!(scale("MM"), Ok(("", Scale::MILLION)));
        assert_eq!(scale("Mrd. €"), Ok((" €", Scale::BILLION)));
        assert_eq!(scale("Mio. €"), Ok((" €", Scale::MILLION)));
    }

    #[test]
    fn indian_scales() {
        assert_eq!(scale("crore rupees"), Ok((" rupees", Scale(7))));
        assert_eq!(scale("cr"), Ok(("", Scale(7))));
        assert_eq!(scale("lakh rupees"), Ok((" rupees", Scale(5))));
        assert_eq!(scale("lac"), Ok(("", Scale(5))));
        assert_eq!(scale("lakh crore rupees"), Ok((" rupees", Scale(12))));
        assert_eq!(scale("crores"), Ok(("", Scale(7))));
    }

    #[test]
    fn needs_word_end() {
        assert!(scale("bnb").is_err());
        assert!(scale("millionaire").is_err());
        assert!(scale("months").is_err());
    }

    #[test]
    fn letters_glued() {
        assert_eq!(letter("k "), Ok((" ", Scale::THOUSAND)));
        assert_eq!(letter("M€"), Ok(("€", Scale::MILLION)));
        assert_eq!(letter("b."), Ok((".", Scale::BILLION)));
        assert!(letter("kg").is_err());
        assert!(letter("x").is_err());
    }
}
