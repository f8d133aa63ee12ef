//! The grammar of written amounts, in nom 8: recognition only.
//!
//! Each rule returns borrowed pieces of the input; turning them into
//! decimals and deciding the currency happens once, in `extract`.
//!
//! ```text
//! mention   = side [ws? connector ws? side] [minor]        (* a range when the second side is there *)
//! side      = [sign] [currency ws?] [sign] quantity [ws? currency]
//!             (* at least one currency across the mention *)
//! quantity  = digits [ws? scale] | words [ws scale] | other (ws scale | &(sp name))
//! other     = compound | number-word                  (* another lexicon's: treinta y dos, achtundsiebzig *)
//! digits    = ["."] digit+ [group]* [decimal]              (* 1,234.5  1.234,5  1 234,5  1'049.95  1,00,000 *)
//! words     = "a" | "an" | "half" | cardinal ["and a half"] | fraction ["of"] ["a"]
//! scale     = "thousand" | "million" | "billion" | "trillion" | "lakh crore" | "lakh" | "crore"
//!           | "k" | "m" | "mn" | "mln" | "mio" | "mm" | "b" | "bn" | "bln" | "mrd" | "tn" | "trn" | "cr"
//! currency  = code | scaled-code | symbol | name             (* USD, MEUR, US$, €, euros, cents *)
//! connector = "-" | "–" | "—" | "to" | "and"                (* "and" only after "between" / "from" *)
//! minor     = ws? ["and" ws] quantity ws? minor-unit | ws "and" ws cents | ws cents
//! ```
//!
//! Whitespace inside a mention may hold one line break but never a blank
//! line, so a mention can cross a hard-wrapped line but not a paragraph.

pub(crate) mod amount;
pub(crate) mod compound;
pub(crate) mod currency;
pub(crate) mod number;
pub(crate) mod qualifier;
pub(crate) mod scale;
pub(crate) mod words;

use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::combinator::verify;

pub(crate) type IResult<'a, T> = nom::IResult<&'a str, T>;

/// Spaces that may sit inside an amount: ASCII, no-break and thin spaces.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}'
    )
}

// ws = space+ (holding at most one line break)
pub(crate) fn ws(i: &str) -> IResult<'_, &str> {
    verify(take_while1(is_space), |s: &str| {
        s.bytes().filter(|&b| b == b'\n').count() <= 1
    })
    .parse(i)
}

// sp = space+ within one line
pub(crate) fn sp(i: &str) -> IResult<'_, &str> {
    take_while1(|c| is_space(c) && c != '\n' && c != '\r').parse(i)
}

/// Optional space within one line, as `sp`.
pub(crate) fn sp0(i: &str) -> &str {
    sp(i).map_or(i, |(rest, _)| rest)
}

/// True when nothing but spaces is left on the line.
pub(crate) fn at_line_end(rest: &str) -> bool {
    let rest = sp0(rest);
    rest.is_empty() || rest.starts_with(['\n', '\r'])
}

/// True when `rest` does not continue a word (so `bn` in `bnb` is no scale).
pub(crate) fn at_word_end(rest: &str) -> bool {
    !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// `word` at the start of `i`, ignoring ASCII case, at a word end: what
/// follows it.
pub(crate) fn word<'a>(i: &'a str, word: &str) -> Option<&'a str> {
    let (rest, _) = tag_ci(word, i).ok()?;
    at_word_end(rest).then_some(rest)
}

/// One or more ASCII digits, as nom's `digit1`, a byte at a time: the
/// grammar asks this at nearly every number.
pub(crate) fn digit1(i: &str) -> IResult<'_, &str> {
    match i
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(i.len())
    {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
        n => Ok((&i[n..], &i[..n])),
    }
}

/// The ASCII `word` at the start of `i`, in any ASCII case: nom's
/// `tag_no_case` without its Unicode lowercasing, which reads the Kelvin
/// sign as `k` and then panics slicing inside it.
pub(crate) fn tag_ci<'a>(word: &str, i: &'a str) -> IResult<'a, &'a str> {
    match i.get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word) => Ok((&i[word.len()..], head)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// A recoverable failure at `i`, for hand-written rules.
pub(crate) fn fail<T>(i: &str) -> IResult<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ws_allows_one_line_break() {
        assert_eq!(ws(" \n x"), Ok(("x", " \n ")));
        assert_eq!(ws("\u{a0}5"), Ok(("5", "\u{a0}")));
    }

    #[test]
    fn ws_rejects_blank_line() {
        assert!(ws("\n\nx").is_err());
        assert!(ws(" \n \n x").is_err());
        assert!(ws("x").is_err());
    }

    #[test]
    fn same_line_space() {
        assert_eq!(sp(" \u{a0}x"), Ok(("x", " \u{a0}")));
        assert!(sp("\nx").is_err());
        assert!(at_line_end("  \nnext"));
        assert!(at_line_end(""));
        assert!(!at_line_end(" x"));
    }

    #[test]
    fn digits_and_tags_read_as_nom_reads_them() {
        use nom::bytes::complete::tag_no_case;
        use nom::character::complete::digit1 as nom_digit1;
        for i in [
            "",
            "1990 x",
            "12a",
            "a12",
            "٣4",
            "5",
            "Point 5",
            "POINT",
            "poi",
            "\u{212a}m",
            "minus 5",
        ] {
            assert_eq!(
                digit1(i),
                nom_digit1::<_, nom::error::Error<&str>>(i),
                "{i:?}"
            );
            for w in ["point", "minus", "to"] {
                let nom: IResult<'_, &str> = tag_no_case(w).parse(i);
                assert_eq!(tag_ci(w, i).is_ok(), nom.is_ok(), "{w} in {i:?}");
                assert_eq!(tag_ci(w, i).ok(), nom.ok(), "{w} in {i:?}");
            }
        }
    }

    #[test]
    fn a_kelvin_sign_is_no_k() {
        assert!(tag_ci("k", "\u{212a}m").is_err());
    }

    #[test]
    fn word_end() {
        assert!(at_word_end(" of"));
        assert!(at_word_end(""));
        assert!(!at_word_end("s"));
    }
}
