//! Numbers below a million in the words of another lexicon, by one rule
//! over each language's parts (`lang::Numerals`): `achtundsiebzig`,
//! `treinta y dos`, `quatre-vingt-dix`, `deux cent cinquante`, `ventuno`,
//! `dos mil quinientos`, `zweieinhalb`.
//!
//! ```text
//! number    = integer [half] &word-end
//! integer   = [below1000 times] thousand [plus below1000] | below1000
//!             (* a thousand spaced from its multiplier, or alone, only
//!                before more: `dos mil quinientos`, not `dos mil` + `millones` *)
//! below1000 = hundreds [plus below100] | below100
//! hundreds  = [unit times] hundred | whole-hundreds   (* one times a hundred only glued *)
//! below100  = tens [and unit] | unit [and tens] | tens | unit   (* one order per language *)
//! ```
//!
//! Each part ends a word unless the language glues its numbers into one.

use rust_decimal::Decimal;

use super::{at_word_end, ws};
use crate::lang::{Lang, Numerals, eq_ignore_case};

/// `word` at the start of `i`, ignoring case: what follows.
fn strip<'a>(i: &'a str, word: &str) -> Option<&'a str> {
    let first = |s: &str| s.as_bytes().first().map(u8::to_ascii_lowercase);
    if first(i) != first(word) {
        return None;
    }
    let head = i.get(..word.len())?;
    eq_ignore_case(word, head).then(|| &i[word.len()..])
}

/// `joiner` at the start of `i`, a space in it standing for whitespace:
/// what follows.
fn joined<'a>(i: &'a str, joiner: &str) -> Option<&'a str> {
    let mut pieces = joiner.split(' ');
    let mut rest = i;
    if let Some(first) = pieces.next()
        && !first.is_empty()
    {
        rest = strip(rest, first)?;
    }
    for piece in pieces {
        rest = ws(rest).ok()?.0;
        if !piece.is_empty() {
            rest = strip(rest, piece)?;
        }
    }
    Some(rest)
}

/// What `next` reads after the first of `joiners` it reads after, given
/// that joiner.
fn then<'a, T>(
    i: &'a str,
    joiners: &[&'static str],
    next: impl Fn(&'a str, &'static str) -> Option<T>,
) -> Option<T> {
    joiners.iter().find_map(|&j| next(joined(i, j)?, j))
}

/// `w` without its last vowel at the start of `i`, before a part that
/// starts with a vowel (`vent` of `venti` in `ventuno`): what follows.
fn elided<'a>(i: &'a str, w: &str, n: &Numerals) -> Option<&'a str> {
    let last = w.chars().next_back()?;
    if !n.elides.contains(last) {
        return None;
    }
    let rest = strip(i, &w[..w.len() - last.len_utf8()])?;
    let vowel = |s: &str| s.starts_with(|c: char| n.elides.contains(c.to_ascii_lowercase()));
    let vowel_part = vowel(rest)
        && n.parts()
            .any(|&(p, _)| vowel(p) && strip(rest, p).is_some());
    vowel_part.then_some(rest)
}

// part = a word of the table, the longest
/// The longest word of `table` at the start of `i`: what follows and its
/// value. Where the language elides, a word drops its last vowel before a
/// part that starts with one (`cent` in `centotto`).
fn part<'a>(i: &'a str, table: &[(&'static str, i64)], n: &Numerals) -> Option<(&'a str, i64)> {
    let first = i.as_bytes().first()?.to_ascii_lowercase();
    table
        .iter()
        .filter(|(w, _)| w.as_bytes()[0].to_ascii_lowercase() == first)
        .filter_map(|&(w, v)| {
            let rest = elided(i, w, n).or_else(|| strip(i, w))?;
            (at_word_end(rest) || n.glued()).then_some((rest, v))
        })
        .min_by_key(|(rest, _)| rest.len())
}

// below100 = tens [and unit] | unit [and tens] | tens | unit
/// A number below a hundred: tens and a unit joined in the language's
/// order (`treinta y dos`, `achtundsiebzig`, `soixante-dix-sept`), or one
/// part.
fn below100<'a>(i: &'a str, n: &Numerals) -> Option<(&'a str, i64)> {
    let tens = part(i, n.tens, n);
    let unit = part(i, n.units, n);
    let (first, second) = match n.units_first {
        true => (unit, n.tens),
        false => (tens, n.units),
    };
    let joined = first.and_then(|(r, a)| {
        n.and.iter().find_map(|&(j, only)| {
            let (rest, b) = part(joined(r, j)?, second, n)?;
            let (t, u) = if n.units_first { (b, a) } else { (a, b) };
            let below = if n.wide_tens.contains(&t) { 20 } else { 10 };
            let fits = (1..below).contains(&u) && (only.is_empty() || only.contains(&u));
            fits.then_some((rest, t + u))
        })
    });
    [joined, tens, unit]
        .into_iter()
        .flatten()
        .min_by_key(|(rest, _)| rest.len())
}

// hundreds = [unit times] hundred | whole-hundreds
/// Hundreds: a hundred after a unit (`zweihundert`, `deux cents`; one
/// only glued, `einhundert` but not `un cent`), alone, or one word
/// (`doscientos`).
fn hundreds<'a>(i: &'a str, n: &Numerals) -> Option<(&'a str, i64)> {
    let multiplied = part(i, n.units, n).and_then(|(r, u)| {
        then(r, n.times, |r, j| {
            let (rest, h) = part(r, n.hundred, n)?;
            ((2..10).contains(&u) || u == 1 && j.is_empty()).then_some((rest, u * h))
        })
    });
    multiplied
        .or_else(|| part(i, n.hundred, n))
        .or_else(|| part(i, n.hundreds, n))
}

/// The place of a number's leading digit: 100 for 300.
fn place(v: i64) -> i64 {
    10i64.pow(v.max(1).ilog10())
}

// below1000 = hundreds [plus below100] | below100
/// A number below a thousand: what follows, its value and the place of its
/// last word (100 for `doscientos`, 1 for `doscientos dos`).
fn below1000<'a>(i: &'a str, n: &Numerals) -> Option<(&'a str, i64, i64)> {
    let Some((r, h)) = hundreds(i, n) else {
        return below100(i, n).map(|(r, v)| (r, v, 1));
    };
    Some(
        then(r, n.plus, |r, _| below100(r, n))
            .map_or((r, h, place(h)), |(rest, v)| (rest, h + v, 1)),
    )
}

// integer = [below1000 times] thousand [plus below1000] | below1000
/// A whole number below a million. A thousand spaced from its multiplier,
/// or alone, is read only before more of the number (`dos mil
/// quinientos`); else it is left to be the scale word it is (`dos mil
/// millones`, `deux mille euros`).
fn integer<'a>(i: &'a str, n: &Numerals) -> Option<(&'a str, i64, i64)> {
    let low = below1000(i, n);
    let thousands = match low {
        Some((r, m, m_place)) => then(r, n.times, |r, j| {
            let (rest, t) = part(r, n.thousand, n)?;
            let glued = j.is_empty();
            (m > 1 || glued).then_some((rest, m * t, m_place * t, glued))
        }),
        None => part(i, n.thousand, n).map(|(rest, t)| (rest, t, t, false)),
    };
    let Some((r, v, v_place, glued)) = thousands else {
        return low;
    };
    match then(r, n.plus, |r, _| below1000(r, n)) {
        Some((rest, more, more_place)) => Some((rest, v + more, more_place)),
        None if glued => Some((r, v, v_place)),
        None => low,
    }
}

// number = integer [half] &word-end
/// A number in `n`'s words at the start of `i`: what follows, its value
/// and the place of its last word (0.5 after a half).
pub(crate) fn number<'a>(i: &'a str, n: &Numerals) -> Option<(&'a str, Decimal, Decimal)> {
    let (rest, v, place) = integer(i, n)?;
    let half = Decimal::new(5, 1);
    let (rest, value, ulp) = match n.half.iter().find_map(|h| strip(rest, h)) {
        Some(r) => (r, Decimal::from(v) + half, half),
        None => (rest, Decimal::from(v), Decimal::from(place)),
    };
    at_word_end(rest).then_some((rest, value, ulp))
}

/// The longest number at the start of `i` in the words of a language of
/// `among` (a bit each); the first language's among equals.
pub(crate) fn longest(i: &str, among: u8) -> Option<(&str, Decimal, Decimal)> {
    if among == 0 {
        return None;
    }
    Lang::ALL
        .into_iter()
        .enumerate()
        .filter(|(bit, _)| among & 1 << bit != 0)
        .filter_map(|(_, l)| number(i, l.lexicon().numerals))
        .min_by_key(|(rest, ..)| rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{de, es, fr, it, nl, pt};
    use rust_decimal_macros::dec;

    fn read<'a>(i: &'a str, n: &Numerals) -> Option<(&'a str, Decimal)> {
        number(i, n).map(|(rest, v, _)| (rest, v))
    }

    fn ulp(i: &str, n: &Numerals) -> Decimal {
        number(i, n).unwrap().2
    }

    #[test]
    fn joiners_stand_spaces_for_whitespace() {
        assert_eq!(joined(" y dos", " y "), Some("dos"));
        assert_eq!(joined("  e\u{a0}dois", " e "), Some("dois"));
        assert_eq!(joined("-et-un", "-et-"), Some("un"));
        assert_eq!(joined("undzwanzig", "und"), Some("zwanzig"));
        assert_eq!(joined("zwanzig", ""), Some("zwanzig"));
        assert_eq!(joined("ydos", " y "), None);
        assert_eq!(joined(" \n\n y dos", " y "), None, "no blank line");
    }

    #[test]
    fn parts_are_the_longest_and_end_a_word_unless_glued() {
        let n = &fr::NUMERALS;
        assert_eq!(
            part("dix-sept millions", n.units, n),
            Some((" millions", 17))
        );
        assert_eq!(part("quatre-vingts", n.tens, n), Some(("", 80)));
        assert_eq!(part("quatre-vingt-dix", n.tens, n), Some(("-dix", 80)));
        assert_eq!(part("centimes", n.hundred, n), None, "spaced: a whole word");
        let n = &de::NUMERALS;
        assert_eq!(part("Achtundsiebzig", n.units, n), Some(("undsiebzig", 8)));
        assert_eq!(part("achtzehn", n.units, n), Some(("", 18)));
    }

    #[test]
    fn parts_elide_before_a_vowel() {
        let n = &it::NUMERALS;
        assert_eq!(part("ventuno", n.tens, n), Some(("uno", 20)));
        assert_eq!(part("centotto", n.hundred, n), Some(("otto", 100)));
        assert_eq!(part("centouno", n.hundred, n), Some(("uno", 100)));
        assert_eq!(part("ventidue", n.tens, n), Some(("due", 20)));
        assert_eq!(elided("ventidue", "venti", n), None);
    }

    #[test]
    fn below_a_hundred() {
        assert_eq!(
            below100("treinta y dos millones", &es::NUMERALS),
            Some((" millones", 32))
        );
        assert_eq!(below100("treinta y", &es::NUMERALS), Some((" y", 30)));
        assert_eq!(below100("veintidós", &es::NUMERALS), Some(("", 22)));
        assert_eq!(below100("achtundsiebzig", &de::NUMERALS), Some(("", 78)));
        assert_eq!(below100("dreißig", &de::NUMERALS), Some(("", 30)));
        assert_eq!(below100("tweeëntwintig", &nl::NUMERALS), Some(("", 22)));
        assert_eq!(below100("achtenzeventig", &nl::NUMERALS), Some(("", 78)));
        assert_eq!(below100("trentotto", &it::NUMERALS), Some(("", 38)));
        assert_eq!(below100("ventitré", &it::NUMERALS), Some(("", 23)));
        assert_eq!(below100("trinta e dois", &pt::NUMERALS), Some(("", 32)));
    }

    #[test]
    fn french_tens_take_teens_and_et() {
        let n = &fr::NUMERALS;
        assert_eq!(below100("soixante-dix", n), Some(("", 70)));
        assert_eq!(below100("soixante-dix-sept", n), Some(("", 77)));
        assert_eq!(below100("quatre-vingt-dix", n), Some(("", 90)));
        assert_eq!(below100("quatre-vingt-onze", n), Some(("", 91)));
        assert_eq!(below100("vingt et un", n), Some(("", 21)));
        assert_eq!(below100("soixante et onze", n), Some(("", 71)));
        assert_eq!(below100("trente-deux", n), Some(("", 32)));
        // `et` joins only `un` and `onze`; a ten takes no teen.
        assert_eq!(below100("vingt et deux", n), Some((" et deux", 20)));
        assert_eq!(below100("trente-douze", n), Some(("-douze", 30)));
    }

    #[test]
    fn hundreds_with_and_without_a_unit() {
        assert_eq!(hundreds("zweihundert", &de::NUMERALS), Some(("", 200)));
        assert_eq!(hundreds("einhundert", &de::NUMERALS), Some(("", 100)));
        assert_eq!(hundreds("deux cents", &fr::NUMERALS), Some(("", 200)));
        assert_eq!(hundreds("deux-cent", &fr::NUMERALS), Some(("", 200)));
        assert_eq!(hundreds("un cent", &fr::NUMERALS), None, "one cent");
        assert_eq!(hundreds("cent un", &fr::NUMERALS), Some((" un", 100)));
        assert_eq!(hundreds("doscientos", &es::NUMERALS), Some(("", 200)));
        assert_eq!(hundreds("duzentos", &pt::NUMERALS), Some(("", 200)));
        assert_eq!(hundreds("dos", &es::NUMERALS), None);
    }

    #[test]
    fn below_a_thousand() {
        let de = &de::NUMERALS;
        assert_eq!(below1000("dreihundertfünfzig", de), Some(("", 350, 1)));
        assert_eq!(below1000("hundertundzwanzig", de), Some(("", 120, 1)));
        assert_eq!(below1000("dreihundert", de), Some(("", 300, 100)));
        assert_eq!(
            below1000("deux cent cinquante millions", &fr::NUMERALS),
            Some((" millions", 250, 1))
        );
        assert_eq!(
            below1000("cento e vinte", &pt::NUMERALS),
            Some(("", 120, 1))
        );
        assert_eq!(
            below1000("duzentos e trezentos", &pt::NUMERALS),
            Some((" e trezentos", 200, 100))
        );
        assert_eq!(
            below1000("ciento veinte", &es::NUMERALS),
            Some(("", 120, 1))
        );
        assert_eq!(below1000("centottanta", &it::NUMERALS), Some(("", 180, 1)));
        assert_eq!(
            below1000("duecentoventuno", &it::NUMERALS),
            Some(("", 221, 1))
        );
        assert_eq!(
            below1000("tweehonderdvijftig", &nl::NUMERALS),
            Some(("", 250, 1))
        );
    }

    #[test]
    fn thousands_glued_or_before_more() {
        let es = &es::NUMERALS;
        assert_eq!(
            integer("dos mil quinientos millones", es),
            Some((" millones", 2500, 100))
        );
        assert_eq!(integer("mil quinientos", es), Some(("", 1500, 100)));
        assert_eq!(
            integer("dos mil millones", es),
            Some((" mil millones", 2, 1))
        );
        assert_eq!(
            integer("doscientos mil euros", es),
            Some((" mil euros", 200, 100))
        );
        assert_eq!(integer("mil millones", es), None);
        assert_eq!(integer("un mil", es), Some((" mil", 1, 1)));
        assert_eq!(
            integer("dois mil e quinhentos", &pt::NUMERALS),
            Some(("", 2500, 100))
        );
        assert_eq!(
            integer("dreitausend", &de::NUMERALS),
            Some(("", 3000, 1000))
        );
        assert_eq!(
            integer("zweihunderttausend", &de::NUMERALS),
            Some(("", 200_000, 100_000))
        );
        assert_eq!(
            integer("dreiundzwanzigtausend", &de::NUMERALS),
            Some(("", 23_000, 1000))
        );
        assert_eq!(integer("tausend", &de::NUMERALS), None);
        assert_eq!(
            integer("duemilacinquecento", &it::NUMERALS),
            Some(("", 2500, 100))
        );
        assert_eq!(
            integer("milleduecento", &it::NUMERALS),
            Some(("", 1200, 100))
        );
        assert_eq!(
            integer("deux mille euros", &fr::NUMERALS),
            Some((" mille euros", 2, 1))
        );
        assert_eq!(
            integer("deux mille cinq cents", &fr::NUMERALS),
            Some(("", 2500, 100))
        );
    }

    #[test]
    fn numbers_end_a_word() {
        assert_eq!(
            read("zweieinhalb Milliarden", &de::NUMERALS),
            Some((" Milliarden", dec!(2.5)))
        );
        assert_eq!(read("eineinhalb", &de::NUMERALS), Some(("", dec!(1.5))));
        assert_eq!(read("tweeënhalf", &nl::NUMERALS), Some(("", dec!(2.5))));
        assert_eq!(read("vijfenhalf", &nl::NUMERALS), Some(("", dec!(5.5))));
        assert_eq!(read("dreitausendste", &de::NUMERALS), None);
        assert_eq!(
            read("Dreihundertfünfzig Millionen", &de::NUMERALS),
            Some((" Millionen", dec!(350)))
        );
        assert_eq!(read("unos", &es::NUMERALS), None);
        assert_eq!(read("treasury", &it::NUMERALS), None);
    }

    #[test]
    fn the_place_of_the_last_word() {
        assert_eq!(ulp("dreihundert", &de::NUMERALS), dec!(100));
        assert_eq!(ulp("dreihundertzwei", &de::NUMERALS), dec!(1));
        assert_eq!(ulp("zweieinhalb", &de::NUMERALS), dec!(0.5));
        assert_eq!(ulp("cuatrocientos", &es::NUMERALS), dec!(100));
        assert_eq!(ulp("trinta e dois", &pt::NUMERALS), dec!(1));
    }

    #[test]
    fn the_longest_of_the_languages_that_start_so() {
        let read = |i| longest(i, crate::lang::starting(i)).map(|(rest, v, _)| (rest, v));
        assert_eq!(
            read("achtundsiebzig Millionen"),
            Some((" Millionen", dec!(78)))
        );
        // Italian reads `cento`, Portuguese all of it.
        assert_eq!(read("cento e vinte"), Some(("", dec!(120))));
        assert_eq!(read("second"), None);
        assert_eq!(longest("zwei", 0), None);
    }
}
