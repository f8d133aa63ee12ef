//! Numbers written in digits, with their grouping and decimal separator.

use nom::Parser;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char as ch, one_of};
use nom::combinator::{not, peek, recognize};
use nom::multi::many1;
use nom::sequence::{preceded, terminated};

use super::{IResult, digit1, fail};

/// A number as written: the integer part (digits and group separators) and
/// the fraction digits, both borrowed from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Digits<'a> {
    /// Digits with their group separators; empty for `.5`.
    pub int: &'a str,
    /// Digits after the decimal separator; empty when there is none.
    pub frac: &'a str,
    /// The group separator used, if any.
    pub group: Option<char>,
    /// The decimal separator used, if any.
    pub decimal: Option<char>,
}

impl Digits<'_> {
    /// `1.234`: one point and three digits, read as a decimal point by
    /// default but as grouping where the currency writes a decimal comma.
    pub fn is_ambiguous(&self) -> bool {
        self.group.is_none()
            && self.decimal == Some('.')
            && self.frac.len() == 3
            && (1..=3).contains(&self.int.len())
            && !self.int.starts_with('0') // `0.500` is never grouped
    }

    /// The number as a decimal-comma language writes it: `3,746` (one
    /// comma group, no other mark) is 3.746, not 3746.
    pub fn with_decimal_comma(self) -> Self {
        match self.int.split_once(',') {
            Some((int, frac))
                if self.group == Some(',') && self.decimal.is_none() && !frac.contains(',') =>
            {
                Digits {
                    int,
                    frac,
                    group: None,
                    decimal: Some(','),
                }
            }
            _ => self,
        }
    }

    /// `2024`: a plain four-digit number that reads as a year.
    pub fn is_year(&self) -> bool {
        self.is_small_integer(4) && is_year(self.int)
    }

    /// True for a plain integer of at most `n` digits (no grouping, no fraction).
    pub fn is_small_integer(&self, n: usize) -> bool {
        self.group.is_none() && self.decimal.is_none() && self.int.len() <= n
    }
}

/// Four digits from 1000 to 2999: a year more often than an amount.
pub(crate) fn is_year(int: &str) -> bool {
    int.len() == 4 && matches!(int.as_bytes()[0], b'1' | b'2')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

// digits3 = digit digit digit, not followed by a digit
fn digits3(i: &str) -> IResult<'_, &str> {
    let (rest, d) = take_while_m_n(3, 3, is_digit).parse(i)?;
    let (rest, _) = not(peek(take_while1(is_digit))).parse(rest)?;
    Ok((rest, d))
}

// group(sep) = (sep digits3)+
fn group(sep: char) -> impl Fn(&str) -> IResult<'_, &str> {
    move |i| recognize(many1(preceded(ch(sep), digits3))).parse(i)
}

// indian = ("," digit digit)+ "," digits3        (* 1,00,00,000 *)
fn indian(i: &str) -> IResult<'_, &str> {
    let two = preceded(
        ch(','),
        terminated(
            take_while_m_n(2, 2, is_digit),
            not(peek(take_while1(is_digit))),
        ),
    );
    recognize((many1(two), preceded(ch(','), digits3))).parse(i)
}

/// Group separators, tried in this order.
const GROUP_SEPARATORS: [char; 8] = [',', '.', ' ', '\u{a0}', '\u{202f}', '\u{2009}', '\'', '’'];

// grouped = digit{1,3} group(sep) for one separator sep
fn grouped(i: &str) -> IResult<'_, (&str, char)> {
    let (rest, lead) = digit1(i)?;
    if lead.len() <= 2
        && let Ok((rest, _)) = indian(rest)
    {
        return Ok((rest, (&i[..i.len() - rest.len()], ',')));
    }
    if lead.len() > 3 {
        return fail(i);
    }
    for sep in GROUP_SEPARATORS {
        if let Ok((after, groups)) = group(sep)(rest) {
            // `1.234` alone is a decimal point unless a decimal comma follows.
            let single = groups.len() == 4;
            if sep == '.' && single && !decimal_comma_follows(after) {
                continue;
            }
            return Ok((after, (&i[..i.len() - after.len()], sep)));
        }
    }
    fail(i)
}

fn decimal_comma_follows(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some(',') && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '-')
        || spaced_fraction(rest, ",").is_some()
}

/// How far a price tag's line may run past a spaced fraction: a currency.
const TAG_TAIL: usize = 8;

// spaced-fraction = ("." | ",") " " digit digit    (* $119. 95, 118, 99 TL *)
/// A decimal separator, one space and two digits, as price tags break
/// them; only where the line ends within a currency's width, since in prose
/// "119. 95" is a sentence end and "118, 99" a list.
fn spaced_fraction<'a>(rest: &'a str, allowed: &str) -> Option<(&'a str, char, &'a str)> {
    let sep = rest.chars().next().filter(|c| allowed.contains(*c))?;
    let after = rest[1..].strip_prefix(' ')?;
    let (tail, frac) = take_while_m_n::<_, _, nom::error::Error<&str>>(2, 2, is_digit)
        .parse(after)
        .ok()?;
    // Only the next TAG_TAIL + 1 bytes are looked at: on a long line, reading
    // to its end at every number would take quadratic time.
    let head = &tail.as_bytes()[..tail.len().min(TAG_TAIL + 1)];
    let line = head
        .iter()
        .position(|b| matches!(b, b'\n' | b'\r'))
        .unwrap_or(head.len());
    let line = &head[..line];
    crate::work::add(line.len());
    let short = line.len() <= TAG_TAIL
        && !line
            .trim_ascii_start()
            .first()
            .is_some_and(u8::is_ascii_digit);
    short.then_some((tail, sep, frac))
}

// fraction = decimal-separator digit+
fn fraction(allowed: &'static str) -> impl Fn(&str) -> IResult<'_, (char, &str)> {
    move |i| (one_of(allowed), digit1).parse(i)
}

// digits = "." digit+ | grouped [fraction] | digit+ [fraction] [",-" | ".-"]
pub(crate) fn digits(i: &str) -> IResult<'_, Digits<'_>> {
    let found = digits_uncounted(i);
    if let Ok((rest, _)) = &found {
        crate::work::add(i.len() - rest.len());
    }
    found
}

fn digits_uncounted(i: &str) -> IResult<'_, Digits<'_>> {
    // Every reading starts with a digit or a point: words are turned away at once.
    if !i.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return fail(i);
    }
    match plain(i) {
        Some(found) => Ok(found),
        None => grouped_or_decimal(i),
    }
}

/// Most numbers are digits alone (`1990 the`, `14 people`), read so at
/// once: only a point, a comma, an apostrophe, a space before a digit or
/// another script's byte goes on with grouping or decimals.
fn plain(i: &str) -> Option<(&str, Digits<'_>)> {
    let run = i.bytes().take_while(u8::is_ascii_digit).count();
    let plain = match i.as_bytes()[run..] {
        [] => true,
        [b' ', next, ..] => !next.is_ascii_digit(),
        [b, ..] => b.is_ascii() && !matches!(b, b'.' | b',' | b'\''),
    };
    let (int, rest) = i.split_at(run);
    let d = Digits {
        int,
        frac: "",
        group: None,
        decimal: None,
    };
    (run > 0 && plain).then_some((rest, d))
}

// The rest of `digits`, for what `plain` does not read.
fn grouped_or_decimal(i: &str) -> IResult<'_, Digits<'_>> {
    if let Ok((rest, (_, frac))) = fraction(".")(i) {
        return finish(
            rest,
            Digits {
                int: "",
                frac,
                group: None,
                decimal: Some('.'),
            },
        );
    }
    if let Ok((rest, (int, sep))) = grouped(i) {
        let allowed = match sep {
            ',' => ".",
            '.' => ",",
            _ => ".,",
        };
        let (rest, frac) = match fraction(allowed)(rest) {
            Ok((rest, (d, frac))) => (rest, Some((d, frac))),
            Err(_) => match spaced_fraction(rest, allowed) {
                Some((rest, d, frac)) => (rest, Some((d, frac))),
                None => (rest, None),
            },
        };
        let (decimal, frac) = frac.map_or((None, ""), |(d, f)| (Some(d), f));
        return finish(
            rest,
            Digits {
                int,
                frac,
                group: Some(sep),
                decimal,
            },
        );
    }
    let (rest, int) = digit1(i)?;
    let (rest, decimal, frac) = match fraction(".,")(rest) {
        // A lone comma with three digits was grouping (handled above); with
        // four or more it is no amount a writer would make.
        Ok((_, (',', frac))) if frac.len() > 2 => return fail(i),
        Ok((rest, (d, frac))) => (rest, Some(d), frac),
        Err(_) => match spaced_fraction(rest, ".,").filter(|_| !is_year(int)) {
            Some((rest, d, frac)) => (rest, Some(d), frac),
            None => (rest, None, ""),
        },
    };
    finish(
        rest,
        Digits {
            int,
            frac,
            group: None,
            decimal,
        },
    )
}

/// Refuses numbers that run on into more digits (`15.08.2017`, `1.2.3`) and
/// swallows a price's trailing dash (`12,-`).
fn finish<'a>(rest: &'a str, d: Digits<'a>) -> IResult<'a, Digits<'a>> {
    let mut chars = rest.chars();
    if let (Some('.' | ','), Some(c)) = (chars.next(), chars.next())
        && c.is_ascii_digit()
    {
        return fail(rest);
    }
    if d.frac.is_empty() {
        if let Ok((after, _)) = tag::<_, _, nom::error::Error<&str>>(",-").parse(rest) {
            return Ok((after, d));
        }
        if let Ok((after, _)) = tag::<_, _, nom::error::Error<&str>>(".-").parse(rest) {
            return Ok((after, d));
        }
    }
    Ok((rest, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d<'a>(
        int: &'a str,
        frac: &'a str,
        group: Option<char>,
        decimal: Option<char>,
    ) -> Digits<'a> {
        Digits {
            int,
            frac,
            group,
            decimal,
        }
    }

    #[test]
    fn words_are_no_digits() {
        for text in ["one", "economy", "-5", " 5", "", "\u{a0}5"] {
            assert!(digits(text).is_err(), "{text:?}");
        }
        assert_eq!(digits(".5 of").unwrap().0, " of");
    }

    #[test]
    fn plain_and_decimal_point() {
        assert_eq!(
            digits("21 billion"),
            Ok((" billion", d("21", "", None, None)))
        );
        assert_eq!(digits("2.5bn"), Ok(("bn", d("2", "5", None, Some('.')))));
        assert_eq!(digits(".5 x"), Ok((" x", d("", "5", None, Some('.')))));
    }

    #[test]
    fn comma_grouping_with_point() {
        assert_eq!(
            digits("1,234,567.89 USD"),
            Ok((" USD", d("1,234,567", "89", Some(','), Some('.'))))
        );
        assert_eq!(
            digits("300,000 ,"),
            Ok((" ,", d("300,000", "", Some(','), None)))
        );
    }

    #[test]
    fn point_grouping_with_decimal_comma() {
        assert_eq!(
            digits("1.234.567,89 €"),
            Ok((" €", d("1.234.567", "89", Some('.'), Some(','))))
        );
        assert_eq!(
            digits("1.550.000"),
            Ok(("", d("1.550.000", "", Some('.'), None)))
        );
        assert_eq!(
            digits("9.990,00 €"),
            Ok((" €", d("9.990", "00", Some('.'), Some(','))))
        );
    }

    #[test]
    fn single_point_group_is_a_decimal_point() {
        let (rest, n) = digits("1.234 billion").unwrap();
        assert_eq!((rest, n), (" billion", d("1", "234", None, Some('.'))));
        assert!(n.is_ambiguous());
    }

    #[test]
    fn space_grouping_including_no_break_and_thin() {
        assert_eq!(
            digits("1 234 567,89 €"),
            Ok((" €", d("1 234 567", "89", Some(' '), Some(','))))
        );
        assert_eq!(
            digits("15\u{a0}130 Р"),
            Ok((" Р", d("15\u{a0}130", "", Some('\u{a0}'), None)))
        );
        assert_eq!(
            digits("1\u{2009}000"),
            Ok(("", d("1\u{2009}000", "", Some('\u{2009}'), None)))
        );
    }

    #[test]
    fn apostrophe_grouping() {
        assert_eq!(
            digits("1'049.95"),
            Ok(("", d("1'049", "95", Some('\''), Some('.'))))
        );
        assert_eq!(
            digits("1'049,95"),
            Ok(("", d("1'049", "95", Some('\''), Some(','))))
        );
    }

    #[test]
    fn indian_grouping() {
        assert_eq!(
            digits("1,00,00,000 rupees"),
            Ok((" rupees", d("1,00,00,000", "", Some(','), None)))
        );
        assert_eq!(
            digits("12,34,567.89"),
            Ok(("", d("12,34,567", "89", Some(','), Some('.'))))
        );
    }

    #[test]
    fn decimal_comma_without_grouping() {
        assert_eq!(
            digits("205,68 €"),
            Ok((" €", d("205", "68", None, Some(','))))
        );
        assert!(digits("1,2345").is_err());
    }

    /// Where `plain` reads digits alone, the whole grammar reads the same.
    #[test]
    fn plain_digits_read_as_the_whole_grammar_does() {
        let pieces = [
            "1", "23", "456", "7890", " ", ",", ".", "'", "-", "a", "%", "\u{a0}", "’", "\n",
        ];
        let mut seed: u64 = 11;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            if let Some(found) = plain(&text) {
                assert_eq!(Ok(found), grouped_or_decimal(&text), "{text:?}");
            }
        }
        assert_eq!(
            plain("1990 the").map(|(r, d)| (r, d.int)),
            Some((" the", "1990"))
        );
        assert!(plain("1 111").is_none() && plain("3.5").is_none() && plain("1,000").is_none());
    }

    #[test]
    fn space_is_no_group_without_three_digits() {
        assert_eq!(digits("10 $ 30"), Ok((" $ 30", d("10", "", None, None))));
        assert_eq!(digits("2025 100"), Ok((" 100", d("2025", "", None, None))));
    }

    #[test]
    fn dates_and_versions_are_refused() {
        assert!(digits("15.08.2017").is_err());
        assert!(digits("1.2.3").is_err());
    }

    #[test]
    fn trailing_price_dash() {
        assert_eq!(digits("12,- €"), Ok((" €", d("12", "", None, None))));
        assert_eq!(digits("12.-"), Ok(("", d("12", "", None, None))));
        assert_eq!(
            digits("1.198,- Kr"),
            Ok((" Kr", d("1.198", "", Some('.'), None)))
        );
    }

    #[test]
    fn price_tag_spaced_fraction() {
        assert_eq!(digits("119. 95"), Ok(("", d("119", "95", None, Some('.')))));
        assert_eq!(
            digits("118, 99 TL"),
            Ok((" TL", d("118", "99", None, Some(','))))
        );
        assert_eq!(
            digits("1.837, 32 €"),
            Ok((" €", d("1.837", "32", Some('.'), Some(','))))
        );
        assert_eq!(
            digits("118, 99 people came"),
            Ok((", 99 people came", d("118", "", None, None)))
        );
        assert_eq!(
            digits("2019, 99 TL"),
            Ok((", 99 TL", d("2019", "", None, None)))
        );
    }

    #[test]
    fn not_a_number() {
        assert!(digits("abc").is_err());
        assert!(digits("").is_err());
    }
}
