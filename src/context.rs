//! What the words before a candidate say about it, worked out from the
//! lexicon and the text alone: its qualifier, whether a range opens, a
//! change is told, a weight is given, a year is a unit of constant prices
//! or letters name a thing; and the sentence around a mention.

use std::cell::OnceCell;
use std::ops::Range;

use crate::grammar::amount::{Numeral, Parsed};
use crate::grammar::qualifier::{Lead, lead};
use crate::lang::en::{
    AFTER_AMOUNTS, CHANGE_LINKS, CHANGE_VERBS, CLAUSE_ENDS, IDENTIFIER_LEADS, MARKERS,
    UNIT_YEAR_LEADS, WEIGHT_VERBS,
};
use crate::lang::{WordSet, is_one_of};

static CHANGES: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(CHANGE_VERBS));

/// The word that ends `before`, past spaces on the same line (at most a
/// few bytes are read), and where it starts.
fn last_word_at(before: &str) -> (&str, usize) {
    let trimmed = before.trim_end_matches([' ', '\t']);
    // By bytes: the word's characters are ASCII, and no byte of another
    // character is one.
    let start = trimmed.len()
        - trimmed
            .bytes()
            .rev()
            .take(20)
            .take_while(|b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'\''))
            .count();
    let word = &trimmed[start..];
    let cut = trimmed[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    if cut { ("", start) } else { (word, start) }
}

/// The word that ends `before`, as [`last_word_at`].
pub(crate) fn last_word(before: &str) -> &str {
    last_word_at(before).0
}

/// The word of letters in any script that ends `before`, past whitespace,
/// and the text before it; empty where the word is longer than a number
/// or scale word can be.
fn word_before(before: &str) -> (&str, &str) {
    let trimmed = before.trim_end_matches(crate::grammar::is_space);
    let letters = trimmed
        .char_indices()
        .rev()
        .take(33)
        .take_while(|(_, c)| c.is_alphabetic());
    let start = letters.last().map_or(trimmed.len(), |(i, _)| i);
    let cut = trimmed[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    match cut {
        true => ("", trimmed),
        false => (&trimmed[start..], &trimmed[..start]),
    }
}

/// True when `before` ends with a number or scale word, or with `and`
/// after a scale of a million or more, that a number in words after it
/// goes on from: `Millionen` before `dreihunderttausend Euro`, `mil` before
/// `quinientos millones`, `milhão e` before `duzentos mil reais`. Read
/// alone, such a number would be another than the one written.
pub(crate) fn continues_number(before: &str) -> bool {
    use crate::grammar::compound::longest;
    use crate::lang::starting;
    let (word, earlier) = word_before(before);
    if word.is_empty() {
        return false;
    }
    let number = longest(word, starting(word)).is_some_and(|(rest, ..)| rest.is_empty())
        || crate::lang::number_word(word).is_some_and(|(rest, _)| rest.is_empty());
    if number || crate::lang::is_scale_word(word) {
        return true;
    }
    let and = crate::lang::AND
        .iter()
        .any(|a| crate::lang::eq_ignore_case(a, word));
    and && {
        let (scale, _) = word_before(earlier);
        crate::grammar::scale::scale(scale).is_ok_and(|(rest, s)| rest.is_empty() && s.power >= 6)
    }
}

/// The context of a candidate, from the text before it, worked out once
/// for every reading tried at the candidate.
#[derive(Debug)]
pub(crate) struct Before<'t> {
    /// The text before the candidate.
    text: &'t str,
    /// `between` or `from` ends the text: `and` and `to` join a range.
    pub opens_range: bool,
    /// A verb of change comes first (`rose from`, `cut by`, `jumped`): `X
    /// to Y` is a move between two amounts.
    pub change: bool,
    /// The qualifier or range phrase that ends the text, found when a
    /// reading asks (most candidates are read as nothing).
    lead: OnceCell<Option<(Lead, usize)>>,
}

impl<'t> Before<'t> {
    /// Reads the words that end `before`.
    pub(crate) fn of(before: &'t str) -> Before<'t> {
        let (word, at) = last_word_at(before);
        let reach = CHANGE_LINKS
            .iter()
            .find(|(link, _)| link.eq_ignore_ascii_case(word))
            .map(|&(_, reach)| reach);
        let verb = match reach {
            Some(reach) => verb_before(&before[..at], reach),
            None => CHANGES.contains(word),
        };
        Before {
            text: before,
            opens_range: is_range_opener(word) && !verb,
            change: verb,
            lead: OnceCell::new(),
        }
    }

    /// The qualifier or range phrase that ends the text, and where it starts.
    pub(crate) fn lead(&self) -> Option<(Lead, usize)> {
        *self.lead.get_or_init(|| lead(self.text))
    }

    /// A verb of weight comes before, past a hedge (`weighed about`).
    fn weighs(&self) -> bool {
        weighs(&self.text[..self.lead().map_or(self.text.len(), |(_, at)| at)])
    }
}

/// A range opener of any language (`between`, `zwischen`, `entre`) is the
/// word: the lexicons' range leads are single words.
fn is_range_opener(word: &str) -> bool {
    static OPENERS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        crate::lang::LEADS
            .iter()
            .filter(|(_, l)| *l == Lead::Range)
            .map(|&(w, _)| w)
            .collect()
    });
    !word.is_empty() && OPENERS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A verb of change is among the last `reach` words of `before`, past an
/// adverb or an object (`rose sharply`, `raised its offer`), not past the
/// end of a clause.
fn verb_before(before: &str, reach: usize) -> bool {
    clause(before)
        .split_whitespace()
        .rev()
        .take(reach)
        .any(|w| CHANGES.contains(w.trim_matches(|c: char| !c.is_ascii_alphabetic())))
}

/// The clause that ends `before`: past the last point, semicolon, colon or
/// bracket that ends a word (`14.2-kg` ends none).
fn clause(before: &str) -> &str {
    // A dozen words at most are read: never the whole text before.
    const REACH: usize = 256;
    let mut from = before.len().saturating_sub(REACH);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    crate::work::add(before.len() - from);
    let before = &before[from..];
    let bytes = before.as_bytes();
    let end = (0..bytes.len()).rev().find(|&i| {
        CLAUSE_ENDS.contains(&char::from(bytes[i]))
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
    });
    end.map_or(before, |at| &before[at + 1..])
}

/// A verb of weight is among the last words of `before` (`weighed`, `lost`,
/// `weighed in at`): `pounds` is a weight.
fn weighs(before: &str) -> bool {
    const REACH: usize = 3;
    clause(before)
        .split_whitespace()
        .rev()
        .take(REACH)
        .any(|w| is_one_of(WEIGHT_VERBS, w))
}

/// `in`, `constant` before a year and a currency name: `in 2020 dollars`
/// is a unit of constant prices.
fn unit_year(before: &str) -> bool {
    is_one_of(UNIT_YEAR_LEADS, last_word(before))
}

/// True when `sentence` is written in words of the language, not a bare
/// price or a table cell: one of its common words is there.
pub(crate) fn in_words(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| !w.is_empty() && is_one_of(MARKERS, w))
}

/// True for `pounds` after a verb of weight (`she lost 10 pounds`), where
/// no symbol or code says money.
pub(crate) fn weight(before: &Before<'_>, p: &Parsed<'_>) -> bool {
    let pounds = p.first.prefix.is_none()
        && p.first
            .suffix
            .is_some_and(|s| is_one_of(crate::lang::en::WEIGHT_NAMES, s.raw));
    pounds && before.weighs()
}

/// True when the mention opens with another lexicon's number words
/// that go on from a number before them (`zwei Millionen
/// dreihunderttausend Euro`): a part of a number, not read alone.
pub(crate) fn goes_on_from(before: &Before<'_>, p: &Parsed<'_>) -> bool {
    let foreign = matches!(p.first.quantity.numeral, Numeral::Words(w) if w.foreign);
    foreign && p.first.prefix.is_none() && continues_number(before.text)
}

/// `COP29`, `QR807`, `N95 masks`, `the R21 vaccine`: letters glued to a
/// plain number name a thing. A code so glued is no price in running text
/// (`CNY3` alone still is); a lettered symbol is none when a noun follows.
pub(crate) fn identifier(
    p: &Parsed<'_>,
    before: &Before<'_>,
    rest: &str,
    in_words: &dyn Fn() -> bool,
) -> bool {
    let side = &p.first;
    let (Some(prefix), None, None) = (side.prefix, side.suffix, p.second) else {
        return false;
    };
    let Numeral::Digits(d) = side.quantity.numeral else {
        return false;
    };
    let plain = d.group.is_none()
        && d.decimal.is_none()
        && side.quantity.scale.is_none()
        && side.quantity.plus.is_none()
        && side.quantity.unread.is_none()
        && p.cents.is_none()
        && d.int.len() <= 3;
    let glued = prefix.raw.as_ptr() as usize + prefix.raw.len() == d.int.as_ptr() as usize;
    if !plain || !glued || !prefix.raw.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    if prefix.is_code() {
        return in_words();
    }
    if is_one_of(IDENTIFIER_LEADS, last_word(before.text)) {
        return true;
    }
    let next = rest.strip_prefix(' ').unwrap_or("");
    let word = &next[..next
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(next.len())];
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !is_one_of(AFTER_AMOUNTS, word)
}

/// `in 2020 dollars`: a year and a currency name after `in` or `constant`
/// is a unit of constant prices, no amount.
pub(crate) fn unit_of_prices(before: &Before<'_>, p: &Parsed<'_>) -> bool {
    p.second.is_none()
        && p.first.prefix.is_none()
        && p.first.quantity.is_year()
        && p.first.suffix.is_some_and(|s| s.is_name())
        && unit_year(before.text)
}

/// The sentence around `span`: from the end of the previous sentence to the
/// end of this one (a point, `!` or `?` before a space, or a line break
/// pair), at most a few hundred bytes either way.
pub(crate) fn sentence(text: &str, span: &Range<usize>) -> Range<usize> {
    crate::work::add(2 * 400);
    const REACH: usize = 400;
    let ends = |w: &[u8]| matches!(w, [b'.' | b'!' | b'?', b' ' | b'\n'] | [b'\n', b'\n']);
    let bytes = text.as_bytes();
    let lo = span.start.saturating_sub(REACH);
    let start = bytes[lo..span.start]
        .windows(2)
        .rposition(ends)
        .map_or(lo, |p| lo + p + 2);
    let hi = (span.end + REACH).min(bytes.len());
    let end = bytes[span.end..hi]
        .windows(2)
        .position(ends)
        .map_or(hi, |p| span.end + p + 1);
    let start = (start..=span.start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(span.start);
    let end = (span.end..=end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(span.end);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_before() {
        assert_eq!(last_word("prices rose "), "rose");
        assert_eq!(last_word("x2"), "");
        assert_eq!(last_word("today's "), "today's");
        assert_eq!(
            last_word_at("für über "),
            ("", 7),
            "a word of other letters"
        );
        assert_eq!(last_word_at("für between\t"), ("between", 5));
        assert_eq!(last_word_at("€-zone "), ("-zone", 3));
        // Twenty characters are read at most: a longer word is cut, so none.
        let long = "a".repeat(25) + " ";
        assert_eq!(last_word_at(&long), ("", 5));
        assert_eq!(last_word_at(&long[5..]), (&long[5..25], 0));
    }

    #[test]
    fn numbers_go_on_from_numbers_and_scales() {
        assert!(continues_number("zwei Millionen "));
        assert!(continues_number("La empresa gastó dos mil "));
        assert!(continues_number("Er zahlte dreihundert "));
        assert!(continues_number("ganhou um milhão e "));
        assert!(continues_number("una cifra de cien\n"));
        // `and` after a number is a range's: `entre dos y tres millones`.
        assert!(!continues_number("entre dos y "));
        assert!(!continues_number("ganhou entre mil e "));
        assert!(!continues_number("zwei Millionen, "));
        assert!(!continues_number("Der Staat zahlt "));
        assert!(!continues_number(""));
    }

    #[test]
    fn ranges_and_changes() {
        let b = Before::of("prices from ");
        assert!(b.opens_range && !b.change);
        assert_eq!(b.lead(), Some((Lead::Range, 7)));
        let b = Before::of("revenue rose from ");
        assert!(!b.opens_range && b.change);
        assert!(Before::of("was cut by ").change);
        assert!(Before::of("grew sharply from ").change);
        assert!(Before::of("shares jumped ").change);
        assert!(!Before::of("bought by ").change);
        assert!(Before::of("raised its offer from ").change);
        assert!(!Before::of("prices rose. Sales from ").change);
        assert!(Before::of("raised the price of a 14.2-kg cooking gas cylinder by ").change);
        assert!(!Before::of("the firm, which rose to fame selling tickets from ").change);
        assert!(Before::of("somewhere between ").opens_range);
        assert!(Before::of("zwischen ").opens_range);
        // `is_range_opener` reads one word.
        let leads = crate::lang::LEADS.iter();
        assert!(
            leads
                .filter(|(_, l)| *l == Lead::Range)
                .all(|(w, _)| !w.contains(' '))
        );
    }

    #[test]
    fn words_or_a_bare_price() {
        assert!(in_words("Petrol is €1.695 a litre."));
        assert!(!in_words("Rp 31.500"));
        assert!(!in_words("12.500 ₫"));
    }

    #[test]
    fn weights_and_units() {
        assert!(weighs("she weighed "));
        assert!(!weighs("she paid "));
        assert!(weighs("he weighed in at "));
        assert!(Before::of("weighed about ").weighs());
        assert!(unit_year("in constant "));
        assert!(unit_year("measured in "));
    }
}
