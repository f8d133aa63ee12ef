//! Amounts: a number with its scale and currency, ranges, and cents tails.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::sequence::terminated;
use rust_decimal::Decimal;

use super::currency::{Cur, name, prefix, suffix};
use super::number::{Digits, digits};
use super::scale::{Scale, attached, letter, scale};
use super::words::{Words, cardinal_tail, words};
use super::{IResult, at_line_end, digit1, fail, sp, sp0, tag_ci, ws};
use crate::lang::en::{THINGS, WEIGHT_HYPHENED};
use crate::lang::is_one_of;

/// A number as written, in digits or in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Numeral<'a> {
    Digits(Digits<'a>),
    Words(Words),
}

/// A number and the scale written after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quantity<'a> {
    pub numeral: Numeral<'a>,
    /// A fraction written after a whole number (`7 and a half`, `35 3/8`):
    /// its value and the precision it implies.
    pub plus: Option<(Decimal, Decimal)>,
    pub scale: Option<Scale>,
    /// A scale word of a language not read here, joined to the number
    /// (`280 milionów`): the quantity is unread.
    pub unread: Option<&'a str>,
}

impl Quantity<'_> {
    fn is_article(&self) -> bool {
        matches!(self.numeral, Numeral::Words(w) if w.article)
    }

    /// A plain whole number with no scale: the only kind that takes cents.
    fn is_whole(&self) -> bool {
        self.scale.is_none()
            && self.unread.is_none()
            && self.plus.is_none()
            && match self.numeral {
                Numeral::Digits(d) => d.decimal.is_none(),
                Numeral::Words(w) => w.value.fract().is_zero(),
            }
    }

    /// `3` in `Q3`: one digit from 1 to 4, alone.
    fn is_quarter(&self) -> bool {
        self.scale.is_none()
            && self.plus.is_none()
            && matches!(self.numeral, Numeral::Digits(d) if d.is_small_integer(1) && matches!(d.int, "1" | "2" | "3" | "4"))
    }

    /// `2024`: four digits that read as a year.
    pub fn is_year(&self) -> bool {
        self.scale.is_none()
            && self.plus.is_none()
            && matches!(self.numeral, Numeral::Digits(d) if d.is_year())
    }
}

/// One amount as written: sign, currency before and/or after, quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Side<'a> {
    pub negative: bool,
    pub prefix: Option<Cur<'a>>,
    pub quantity: Quantity<'a>,
    pub suffix: Option<Cur<'a>>,
}

impl Side<'_> {
    pub fn has_currency(&self) -> bool {
        self.prefix.is_some() || self.suffix.is_some()
    }

    /// The power of ten a scale glued to its currency adds (`MEUR`: 6).
    pub fn currency_scale(&self) -> u32 {
        self.currencies()
            .find_map(|c| c.scale)
            .map_or(0, |s| s.power)
    }

    fn currencies(&self) -> impl Iterator<Item = &Cur<'_>> {
        self.prefix.iter().chain(self.suffix.iter())
    }
}

/// The part after a whole amount that adds cents: `and 30 cents`, `43c`,
/// `and two` (hundredths), `rupees 43`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cents<'a> {
    Minor(Quantity<'a>, Cur<'a>),
    Hundredths(Quantity<'a>),
}

/// A whole mention: one amount, or a range of two, maybe with cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parsed<'a> {
    pub first: Side<'a>,
    pub second: Option<Side<'a>>,
    /// `50 or 60 billion euros`: `second` is an alternative that lends the
    /// first its scale and currency; the mention is the first alone.
    pub alternative: bool,
    pub cents: Option<Cents<'a>>,
}

// quantity = digits (scale | letter | ws scale)? | words (ws scale)?
pub(crate) fn quantity(i: &str) -> IResult<'_, Quantity<'_>> {
    let (rest, numeral, plus, glued_scale) = match digits(i) {
        Ok((rest, d)) => {
            let (rest, d) = spoken_point(rest, d);
            let (rest, plus) = match d.decimal.or(d.group.map(|_| ',')) {
                None => fraction_after(rest),
                Some(_) => (rest, None),
            };
            // A scale may be glued to digits (`21bn`, `$5m`), never to words.
            (
                rest,
                Numeral::Digits(d),
                plus,
                alt((scale, letter)).parse(rest).ok(),
            )
        }
        Err(_) => match words(i) {
            Ok((rest, w)) => (rest, Numeral::Words(w), None, None),
            Err(e) => return other_words(i, |c| c.is_name()).ok_or(e),
        },
    };
    // `21 billion`, `$3-billion`, `two-billion`: spaced or hyphen-joined.
    let scaled = glued_scale
        .or_else(|| ws(rest).and_then(|(r, _)| scale(r)).ok())
        .or_else(|| rest.strip_prefix('-').and_then(|r| scale(r).ok()));
    let quantity = Quantity {
        numeral,
        plus,
        scale: None,
        unread: None,
    };
    if let Some((rest, s)) = scaled {
        return Ok((
            rest,
            Quantity {
                scale: Some(s),
                ..quantity
            },
        ));
    }
    match attached(rest) {
        Some((rest, word)) if matches!(numeral, Numeral::Digits(_)) => Ok((
            rest,
            Quantity {
                unread: Some(word),
                ..quantity
            },
        )),
        _ => Ok((rest, quantity)),
    }
}

// other-words = (compound | number-word) (ws scale | &(sp name))   (* zwei Milliarden, treinta y dos millones, dix dollars *)
/// A number in another lexicon's words, read before a scale word or a
/// currency name that `unit` takes (`un`, `ein`, `een`, like English `a`,
/// only where `a` would be): the longest reading that is, else its first
/// word alone, as where `cents` is a currency (`deux cents`).
fn other_words<'a>(i: &'a str, unit: fn(&Cur<'_>) -> bool) -> Option<(&'a str, Quantity<'a>)> {
    let longest = super::compound::longest(i, crate::lang::starting(i));
    longest
        .and_then(|(rest, value, ulp)| scaled_or_named(rest, value, ulp, unit))
        .or_else(|| {
            let (rest, n) = crate::lang::number_word(i)?;
            scaled_or_named(rest, Decimal::from(n), Decimal::ONE, unit)
        })
}

/// The quantity of a number in another lexicon's words that `rest`
/// follows, when a scale word or a currency name that `unit` takes comes
/// next. A number with a thousand in it takes no scale of a thousand
/// (`dois mil e três mil`).
fn scaled_or_named(
    rest: &str,
    value: Decimal,
    ulp: Decimal,
    unit: fn(&Cur<'_>) -> bool,
) -> Option<(&str, Quantity<'_>)> {
    let scaled = ws(rest)
        .and_then(|(r, _)| scale(r))
        .ok()
        .filter(|(_, s)| value < Decimal::ONE_THOUSAND || s.power > 3);
    let named = || {
        sp(rest)
            .ok()
            .and_then(|(r, _)| name(r).ok())
            .is_some_and(|(_, cur)| unit(&cur))
    };
    if scaled.is_none() && !named() {
        return None;
    }
    let w = Words {
        value,
        ulp,
        article: value == Decimal::ONE,
        foreign: true,
    };
    let quantity = Quantity {
        numeral: Numeral::Words(w),
        plus: None,
        scale: scaled.map(|(_, s)| s),
        unread: None,
    };
    Some((scaled.map_or(rest, |(r, _)| r), quantity))
}

// fraction-after = ws "and" ws ["a" ws] ("half" | "quarter") | sp digit+ sp? "/" sp? digit+
/// A fraction after a whole number: `7 and a half`, or a stock price's
/// `35 3/8` (halves to sixty-fourths only, where the value is exact).
fn fraction_after(rest: &str) -> (&str, Option<(Decimal, Decimal)>) {
    if let Some((after, value, ulp)) =
        cardinal_tail(rest).filter(|(_, v, _)| *v < Decimal::ONE && !v.is_zero())
    {
        return (after, Some((value, ulp)));
    }
    let mixed = (sp, digit1, sp0_parser, tag("/"), sp0_parser, digit1).parse(rest);
    if let Ok((after, (_, num, _, _, _, den))) = mixed {
        let (Ok(num), Ok(den)) = (num.parse::<u32>(), den.parse::<u32>()) else {
            return (rest, None);
        };
        if matches!(den, 2 | 4 | 8 | 16 | 32 | 64)
            && num > 0
            && num < den
            && super::at_word_end(after)
        {
            let ulp = Decimal::ONE / Decimal::from(den);
            return (after, Some((Decimal::from(num) * ulp, ulp)));
        }
    }
    (rest, None)
}

fn sp0_parser(i: &str) -> IResult<'_, &str> {
    Ok((sp0(i), ""))
}

// spoken-point = digits ws "point" ws digit+     (* 1 point 1 *)
fn spoken_point<'a>(rest: &'a str, d: Digits<'a>) -> (&'a str, Digits<'a>) {
    if d.decimal.is_some() {
        return (rest, d);
    }
    let point = (ws, |i| tag_ci(crate::lang::en::POINT, i), ws, digit1).parse(rest);
    match point {
        Ok((after, (_, _, _, frac))) if super::at_word_end(after) => (
            after,
            Digits {
                frac,
                decimal: Some('.'),
                ..d
            },
        ),
        _ => (rest, d),
    }
}

// sign = "-" | "−" | "minus" ws
fn sign(i: &str) -> IResult<'_, &str> {
    alt((
        tag("-"),
        tag("−"),
        terminated(|i| tag_ci(crate::lang::en::MINUS, i), ws),
    ))
    .parse(i)
}

fn opt_sign(i: &str) -> (&str, bool) {
    // Most places hold no sign: only `-`, `−` and `minus` start one.
    if !i.starts_with(['-', '−', 'm', 'M']) {
        return (i, false);
    }
    match sign(i) {
        Ok((rest, _)) => (rest, true),
        Err(_) => (i, false),
    }
}

/// True when a symbol is followed by a number: it leads the next amount
/// (`$ 281.40 $ 265.70`), it does not close this one.
fn leads_next(rest: &str) -> bool {
    sp0(rest).starts_with(|c: char| c.is_ascii_digit())
}

// side = [sign] [prefix ws?] [sign] quantity [("" | ws | "-") suffix]
pub(crate) fn side(i: &str) -> IResult<'_, Side<'_>> {
    crate::work::add(1);
    let (i, negative_before) = opt_sign(i);
    let (i, prefix) = match prefix(i) {
        Ok((rest, cur)) => {
            let rest = rest.strip_prefix(':').unwrap_or(rest); // US$:12.99
            // `Ksh.2 billion`, `Rs.50`: the point ends the abbreviation.
            let rest = match rest.strip_prefix('.') {
                Some(r)
                    if cur.raw.ends_with(char::is_alphabetic)
                        && r.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    r
                }
                _ => rest,
            };
            (sp0(rest), Some(cur))
        }
        Err(_) => (i, None),
    };
    let (i, negative_after) = if prefix.is_some() {
        opt_sign(i)
    } else {
        (i, false)
    };
    let (rest, mut quantity) = quantity(i)?;
    // `Ksh 157 B`: a capital letter scale, spaced, after a number a currency leads.
    let rest = match spaced_letter(rest) {
        Some((after, s)) if prefix.is_some() && quantity.scale.is_none() => {
            quantity.scale = Some(s);
            after
        }
        _ => rest,
    };
    let suffix = after_quantity(rest)
        .or_else(|| linked_name(rest, quantity.scale))
        .filter(|(after, cur)| match prefix {
            Some(p) => cur.compatible(&p) && !leads_next(after),
            None => true,
        });
    let (rest, suffix) = match suffix {
        Some((rest, cur)) => (rest, Some(cur)),
        None => (rest, None),
    };
    // `75 USD million`: a scale after the code.
    let code_first = quantity.scale.is_none() && suffix.is_some_and(|c| c.is_code());
    let scaled = code_first.then(|| ws(rest).and_then(|(r, _)| scale(r)).ok());
    let rest = match scaled.flatten() {
        Some((after, s)) => {
            quantity.scale = Some(s);
            after
        }
        None => rest,
    };
    let side = Side {
        negative: negative_before || negative_after,
        prefix,
        quantity,
        suffix,
    };
    if quantity.is_article()
        && quantity.scale.is_none()
        && suffix.is_none_or(|s| s.is_wordlike() && s.unit() <= Decimal::ONE)
    {
        // "a" or "half" alone is no number, nor "a real" or "a mark"; "a
        // grand" is, a name worth more than one.
        return fail(i);
    }
    let symbol_suffix = suffix.is_some_and(|s| !s.raw.ends_with(char::is_alphabetic));
    let leads = quantity.is_article() && suffix.is_some() || symbol_suffix;
    if matches!(quantity.numeral, Numeral::Words(_)) && leads && leads_next(rest) {
        return fail(i); // "a US$4.7 billion", "a Rs1.25 lakh": the currency leads the digits
    }
    if prefix.is_some_and(|p| p.is_quarter_letter()) && quantity.is_quarter() && suffix.is_none() {
        return fail(i); // "Q3" is a quarter
    }
    if let Some(p) = prefix {
        // "Euro 2024" is a tournament; a name before a year is no amount.
        if p.raw.chars().all(char::is_alphabetic) && quantity.is_year() && suffix.is_none() {
            return fail(i);
        }
    }
    if prefix.is_none() && quantity.is_year() && suffix.is_some_and(|s| s.is_minor()) {
        return fail(i); // "the 1988 quarter"
    }
    Ok((rest, side))
}

/// `B` in `Ksh 157 B`: a capital letter scale after a space, ending the phrase.
fn spaced_letter(rest: &str) -> Option<(&str, Scale)> {
    let (r, _) = sp(rest).ok()?;
    if !r.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let (after, s) = letter(r).ok()?;
    let next = after.chars().next();
    next.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')' | ']'))
        .then_some((after, s))
}

/// The currency after a quantity: glued (`20€`, `99p`), after a space, or
/// after a hyphen for names (`12-cent`, `one-yen`).
fn after_quantity(rest: &str) -> Option<(&str, Cur<'_>)> {
    found_suffix(rest)
        .filter(|(after, cur)| !(cur.raw.ends_with(char::is_alphabetic) && names_a_thing(after)))
}

// linked = sp link [sp] (name | symbol)   (* millones de dólares, milliards d'euros, millions de $ *)
/// A currency name after the word its scale's language links them with.
fn linked_name(rest: &str, scale: Option<Scale>) -> Option<(&str, Cur<'_>)> {
    let (r, _) = sp(rest).ok()?;
    scale?.lang.lexicon().links.iter().find_map(|link| {
        let head = r.get(..link.len())?;
        if !head.eq_ignore_ascii_case(link) {
            return None;
        }
        let after = &r[link.len()..];
        let after = match link.ends_with(['\'', '’']) {
            true => after,
            false => sp(after).ok()?.0,
        };
        // A name (`de dólares`), or a symbol that leads no number (`de $`).
        suffix(after, false)
            .ok()
            .filter(|(rest, cur)| cur.is_name() || !leads_next(rest))
    })
}

/// True when a bare number of one or two digits follows: cents, in the
/// writing of some languages (`15 dólares 50 você`).
pub(crate) fn bare_cents_follow(rest: &str) -> bool {
    let Some(r) = rest.strip_prefix(' ') else {
        return false;
    };
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    let after = &r.as_bytes()[digits..];
    // Not the start of a longer number (`5,5`, `50.000`).
    let number_goes_on = matches!(after, [b'.' | b',', d, ..] if d.is_ascii_digit());
    (1..=2).contains(&digits)
        && !number_goes_on
        && after
            .first()
            .is_none_or(|b| matches!(b, b' ' | b'.' | b',' | b';' | b')'))
}

/// True when a small number and a minor unit follow: `30 cent`.
fn cents_follow(after: &str) -> bool {
    let Ok((rest, q)) = quantity(sp0(after)) else {
        return false;
    };
    // Never through `found_suffix`, which asks this again of the next
    // amount: `$1 $1 $1 ...` would recurse once per amount.
    let unit = sp0(rest);
    small(&q) && suffix(unit, unit.len() == rest.len()).is_ok_and(|(_, cur)| cur.is_fraction())
}

/// Words after a currency name that make it a thing, not an amount:
/// `a dollar sign`, `the euro zone`, `dollar-denominated`.
fn names_a_thing(after: &str) -> bool {
    let rest = after.strip_prefix(['-', ' ']).unwrap_or("");
    THINGS.iter().any(|w| super::word(rest, w).is_some())
}

fn found_suffix(rest: &str) -> Option<(&str, Cur<'_>)> {
    if let Ok(ok) = suffix(rest, true) {
        return Some(ok);
    }
    if let Ok((r, _)) = sp(rest) {
        // "In 2024 $5 billion": a spaced symbol before a number leads it,
        // unless that number is its cents ("10 $ 30 cent").
        return suffix(r, false).ok().filter(|(after, cur)| {
            cur.raw.trim_end_matches('.').ends_with(char::is_alphabetic)
                || !leads_next(after)
                || cents_follow(after)
        });
    }
    // Across a line break only a name, never a symbol that may lead the
    // next line's amount: "21 billion\neuros" but not "7.2\n$1".
    if let Ok((r, _)) = ws(rest) {
        return suffix(r, false)
            .ok()
            .filter(|(after, cur)| cur.is_name() && !leads_next(after));
    }
    let r = rest.strip_prefix('-')?;
    // `12-cent`, `one-yen`, but `2,000-pound bombs` is a weight.
    suffix(r, false).ok().filter(|(_, cur)| {
        cur.raw.chars().all(char::is_alphabetic) && !is_one_of(WEIGHT_HYPHENED, cur.raw)
    })
}

// connector = "-" | "–" | "—" | ws "to" ws | ws and ws
/// Which words may join two amounts into a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Joins {
    /// `-`, `–`, `—`
    pub dash: bool,
    /// `to`: not after a change verb ("rose $4.50 to $368.70" is two amounts)
    pub to: bool,
    /// `and`: only after `between` or `from`
    pub and: bool,
    /// `or` between a bare number and an amount: alternatives
    pub or: bool,
    /// A bare number after a currency name is its cents even before more
    /// words (`15 dólares 50 você`), as Romance-language writers put it.
    pub cents_before_words: bool,
}

impl Joins {
    /// No range at all: the first amount alone.
    pub const NONE: Joins = Joins {
        dash: false,
        to: false,
        and: false,
        or: false,
        cents_before_words: false,
    };

    /// Every join the context may allow.
    const ANY: Joins = Joins {
        dash: true,
        to: true,
        and: true,
        or: true,
        cents_before_words: false,
    };
}

/// Might `first`, the side that starts `i`, start a mention with some
/// joins? One with a currency always does; one without only joined to a
/// side that has one, which no joins the context allows can find where
/// every join at once finds none (each join tried is one of those). So
/// the context before need not be read where this is false.
pub(crate) fn may_start_mention<'a>(i: &'a str, first: (&'a str, Side<'a>)) -> bool {
    first.1.has_currency() || mention_after(i, first, Joins::ANY).is_ok()
}

fn connector(i: &str, joins: Joins) -> IResult<'_, &str> {
    if joins.dash {
        let dash: IResult<'_, &str> = alt((tag("-"), tag("–"), tag("—"))).parse(sp0(i));
        if let Ok((rest, t)) = dash {
            return Ok((sp0(rest), t));
        }
    }
    if joins.to
        && let Ok(ok) = spaced(crate::lang::en::TO, i)
    {
        return Ok(ok);
    }
    if joins.and {
        let (r, _) = ws(i)?;
        let Some(after) = crate::lang::and_word(r) else {
            return fail(i);
        };
        let (rest, _) = ws(after)?;
        return Ok((rest, &r[..r.len() - after.len()]));
    }
    fail(i)
}

/// `w` between spaces.
fn spaced<'a>(w: &'static str, i: &'a str) -> IResult<'a, &'a str> {
    let (i, _) = ws(i)?;
    let (i, t) = tag_ci(w, i)?;
    let (i, _) = ws(i)?;
    Ok((i, t))
}

// alternative = ws "or" ws side     (* 50 or 60 billion euros *)
/// The amount after `or` that a bare number shares a scale and currency with.
fn alternative<'a>(rest: &'a str, joins: Joins) -> Option<Side<'a>> {
    if !joins.or {
        return None;
    }
    let (r, _) = sp(rest).ok()?;
    let r = r.strip_prefix(crate::lang::en::ALTERNATIVE)?;
    let (r, _) = sp(r).ok()?;
    let (_, second) = side(r).ok()?;
    (second.has_currency() && !second.negative).then_some(second)
}

/// True when `rest` ends the phrase: nothing, punctuation, or `and`.
fn phrase_ends(rest: &str) -> bool {
    if at_line_end(rest) {
        return true;
    }
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_ascii_punctuation() => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => ws(rest).is_ok_and(|(r, _)| crate::lang::and_word(r).is_some()),
    }
}

fn small(q: &Quantity<'_>) -> bool {
    q.scale.is_none()
        && match q.numeral {
            Numeral::Digits(d) => d.is_small_integer(2) && !d.int.is_empty(),
            Numeral::Words(w) => !w.article && w.value < 100.into() && w.value.fract().is_zero(),
        }
}

// cents = ws? [and ws] quantity ws? minor-unit | ws and ws small | ws small       (* and: `and`, `und`, `et`, `y`, `e`, `en` *)
fn cents<'a>(i: &'a str, first: &Side<'_>, before_words: bool) -> Option<(&'a str, Cents<'a>)> {
    let (after_ws, spaced) = match sp(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    let and = crate::lang::and_word(after_ws).and_then(|r| ws(r).ok());
    let (after_and, and) = match and {
        Some((r, _)) if spaced => (r, true),
        _ => (after_ws, false),
    };
    // Cents in another lexicon's words before their unit: `e quarenta e
    // cinco centavos` (alone, `cinq cents` would be five hundred).
    let (rest, q) = quantity(after_and)
        .ok()
        .or_else(|| other_words(after_and, |c| c.is_fraction()))?;
    if let Some((rest, cur)) = after_quantity(rest).filter(|(_, cur)| cur.is_minor()) {
        // A minor unit of this currency: not "5 dollars 42 bucks", not "3 GBP 5 cents".
        let fits = cur.is_fraction()
            && first
                .currencies()
                .all(|c| cur.definite().is_none_or(|m| c.candidates().contains(&m)));
        return (spaced && small(&q) && fits).then_some((rest, Cents::Minor(q, cur)));
    }
    if !spaced || !small(&q) || !(phrase_ends(rest) || before_words) {
        return None;
    }
    // A bare number is cents only after "and", or right after a written
    // currency name or code with none before the number ("17 USD 25").
    let named_after =
        first.prefix.is_none() && first.suffix.is_some_and(|s| s.unit() == Decimal::ONE);
    (and || named_after).then_some((rest, Cents::Hundredths(q)))
}

/// True when every currency of `a` can name one of `b`'s.
fn compatible(a: &Side<'_>, b: &Side<'_>) -> bool {
    a.currencies()
        .all(|x| b.currencies().all(|y| x.compatible(y)))
}

// mention = side [connector side] [cents]
#[cfg(test)]
pub(crate) fn mention(i: &str, joins: Joins) -> IResult<'_, Parsed<'_>> {
    let first = side(i)?;
    mention_after(i, first, joins)
}

/// The mention of `i` whose first side is read already (`rest` after it):
/// one reading of it serves every set of joins tried.
pub(crate) fn mention_after<'a>(
    i: &'a str,
    (rest, first): (&'a str, Side<'a>),
    joins: Joins,
) -> IResult<'a, Parsed<'a>> {
    let joined = connector(rest, joins).and_then(|(r, _)| side(r));
    if let Ok((after, second)) = joined {
        let some_currency = first.has_currency() || second.has_currency();
        let joined = !second.negative && (first.has_currency() || !first.quantity.is_year());
        if compatible(&first, &second) && some_currency && joined {
            return Ok((
                after,
                Parsed {
                    first,
                    second: Some(second),
                    alternative: false,
                    cents: None,
                },
            ));
        }
    }
    // `50 or 60 billion euros`, `$40 or $50 million`: the scale and the
    // currency written once are the first's too.
    let shares = |second: &Side<'_>| match first.has_currency() {
        true => {
            first.quantity.scale.is_none()
                && second.quantity.scale.is_some()
                && compatible(&first, second)
        }
        false => !first.quantity.is_year(),
    };
    if let Some(second) = alternative(rest, joins).filter(shares) {
        return Ok((
            rest,
            Parsed {
                first,
                second: Some(second),
                alternative: true,
                cents: None,
            },
        ));
    }
    if !first.has_currency() {
        return fail(i);
    }
    let whole = first.quantity.is_whole() && !first.suffix.is_some_and(|s| s.is_fraction());
    if whole && let Some((after, c)) = cents(rest, &first, joins.cents_before_words) {
        return Ok((
            after,
            Parsed {
                first,
                second: None,
                alternative: false,
                cents: Some(c),
            },
        ));
    }
    Ok((
        rest,
        Parsed {
            first,
            second: None,
            alternative: false,
            cents: None,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joins(and: bool) -> Joins {
        Joins {
            or: false,
            dash: true,
            to: true,
            and,
            cents_before_words: false,
        }
    }

    #[test]
    fn bare_cents_after_an_amount() {
        assert!(bare_cents_follow(" 50 você"));
        assert!(bare_cents_follow(" 5"));
        assert!(!bare_cents_follow(" 500 pessoas"));
        assert!(!bare_cents_follow("50"));
        assert!(!bare_cents_follow(" 5,5"));
        let mut j = joins(false);
        let with = |j| mention("15 dólares 50 você", j).map(|(rest, _)| rest);
        assert_eq!(with(j), Ok(" 50 você"));
        j.cents_before_words = true;
        assert_eq!(with(j), Ok(" você"));
    }

    fn raw(i: &str, and_ok: bool) -> (&str, &str) {
        let (rest, _) = mention(i, joins(and_ok)).unwrap();
        (&i[..i.len() - rest.len()], rest)
    }

    #[test]
    fn no_joins_start_a_mention_where_every_join_at_once_does_not() {
        let texts = [
            "1990 economy",
            "20 to 25 dollars",
            "20 and 25 euros",
            "50 or 60 billion euros",
            "5-6 million dollars",
            "one more",
            "3 - 4",
            "20 to 30",
            "7 and $8",
        ];
        for text in texts {
            let first = side(text).unwrap();
            if may_start_mention(text, first) {
                continue;
            }
            for bits in 0..16 {
                let joins = Joins {
                    dash: bits & 1 != 0,
                    to: bits & 2 != 0,
                    and: bits & 4 != 0,
                    or: bits & 8 != 0,
                    cents_before_words: false,
                };
                assert!(
                    mention_after(text, first, joins).is_err(),
                    "{text} {joins:?}"
                );
            }
        }
        assert!(may_start_mention(
            "20 to 25 dollars",
            side("20 to 25 dollars").unwrap()
        ));
        assert!(!may_start_mention(
            "1990 economy",
            side("1990 economy").unwrap()
        ));
    }

    #[test]
    fn quantity_with_scales() {
        let (rest, q) = quantity("21bn)").unwrap();
        assert_eq!((rest, q.scale), (")", Some(Scale::BILLION)));
        let (rest, q) = quantity("3.5 tn").unwrap();
        assert_eq!((rest, q.scale), ("", Some(Scale::en(12))));
        let (rest, q) = quantity("10K").unwrap();
        assert_eq!((rest, q.scale), ("", Some(Scale::THOUSAND)));
        let (rest, q) = quantity("5 m away").unwrap();
        assert_eq!(
            (rest, q.scale),
            (" m away", None),
            "a spaced letter is no scale"
        );
        let (rest, q) = quantity("twenty-one million euros").unwrap();
        assert_eq!((rest, q.scale), (" euros", Some(Scale::MILLION)));
    }

    #[test]
    fn prefixed_and_suffixed() {
        assert_eq!(
            raw("€21 billion ($24 billion)", false),
            ("€21 billion", " ($24 billion)")
        );
        assert_eq!(raw("USD34.6 million", false), ("USD34.6 million", ""));
        assert_eq!(raw("Rs 500 crore", false), ("Rs 500 crore", ""));
        assert_eq!(
            raw("125 million australian dollars of", false),
            ("125 million australian dollars", " of")
        );
        assert_eq!(raw("24 USD.", false), ("24 USD", "."));
        assert_eq!(raw("£1.3bn", false), ("£1.3bn", ""));
    }

    #[test]
    fn symbol_before_next_number_is_not_a_suffix() {
        assert_eq!(raw("$ 281.40 $ 265.70", false), ("$ 281.40", " $ 265.70"));
    }

    #[test]
    fn a_spaced_symbol_before_a_number_leads_it() {
        assert_eq!(raw("$5 billion", false), ("$5 billion", ""));
        assert!(mention("2024 $5 billion", joins(false)).is_err());
        assert_eq!(raw("10 $ and", false), ("10 $", " and"));
    }

    #[test]
    fn code_overrides_dollar_sign() {
        let (_, p) = mention("$1,190.00 AUD", joins(false)).unwrap();
        assert_eq!(p.first.suffix.unwrap().raw, "AUD");
    }

    #[test]
    fn incompatible_suffix_is_left() {
        assert_eq!(raw("$5 EUR", false), ("$5", " EUR"));
    }

    #[test]
    fn spoken_decimal_point() {
        let (rest, q) = quantity("1 point 1 and").unwrap();
        assert_eq!(rest, " and");
        assert!(matches!(q.numeral, Numeral::Digits(d) if d.frac == "1"));
    }

    #[test]
    fn fractions_after_whole_numbers() {
        let (rest, q) = quantity("7 and a half dollars").unwrap();
        assert_eq!(
            (rest, q.plus.map(|p| p.0)),
            (" dollars", Some(Decimal::new(5, 1)))
        );
        let (rest, q) = quantity("35 3 / 8 a share").unwrap();
        assert_eq!(
            (rest, q.plus.map(|p| p.0)),
            (" a share", Some(Decimal::new(375, 3)))
        );
        let (rest, q) = quantity("24/7").unwrap();
        assert_eq!((rest, q.plus), ("/7", None));
        assert_eq!(raw("3 quid 50", false), ("3 quid 50", ""));
    }

    #[test]
    fn negatives() {
        assert!(mention("-$5", joins(false)).unwrap().1.first.negative);
        assert!(mention("$-99.99", joins(false)).unwrap().1.first.negative);
        assert!(mention("-15€", joins(false)).unwrap().1.first.negative);
        assert!(mention("minus $5", joins(false)).unwrap().1.first.negative);
    }

    #[test]
    fn ranges() {
        assert_eq!(raw("$20-25 billion in", false), ("$20-25 billion", " in"));
        assert_eq!(
            raw("$20 billion to $25 billion", false),
            ("$20 billion to $25 billion", "")
        );
        assert_eq!(
            raw("€10 and €12 billion", true),
            ("€10 and €12 billion", "")
        );
        assert_eq!(
            raw("€10 and €12 billion", false),
            ("€10", " and €12 billion")
        );
        assert_eq!(raw("10-20 dollars", false), ("10-20 dollars", ""));
    }

    #[test]
    fn incompatible_range_is_two_amounts() {
        assert_eq!(raw("€21bn - $24bn", false), ("€21bn", " - $24bn"));
    }

    #[test]
    fn no_currency_no_mention() {
        assert!(mention("21 billion people", joins(false)).is_err());
        assert!(mention("2025", joins(false)).is_err());
        assert!(mention("3%", joins(false)).is_err());
        assert!(mention("a dog", joins(false)).is_err());
        assert!(mention("1987 to 2025", joins(false)).is_err());
    }

    fn other_words_value(i: &str) -> (&str, Decimal, Option<u32>) {
        let (rest, q) = quantity(i).unwrap();
        match q.numeral {
            Numeral::Words(w) if w.foreign => (rest, w.value, q.scale.map(|s| s.power)),
            _ => panic!("{i:?}: no other lexicon's words"),
        }
    }

    #[test]
    fn other_lexicons_numbers_before_a_scale_or_a_name() {
        let v = other_words_value;
        assert_eq!(
            v("achtundsiebzig Millionen Dollar"),
            (" Dollar", 78.into(), Some(6))
        );
        assert_eq!(v("treinta y dos millones de"), (" de", 32.into(), Some(6)));
        assert_eq!(v("quatre-vingt-dix euros"), (" euros", 90.into(), None));
        assert_eq!(v("dos mil quinientos millones"), ("", 2500.into(), Some(6)));
        assert_eq!(v("dos mil millones"), ("", 2.into(), Some(9)));
        assert_eq!(v("zwei Milliarden"), ("", 2.into(), Some(9)));
        // A number with a thousand in it takes no scale of a thousand: the
        // first word alone, as before.
        assert_eq!(
            v("dois mil e três mil euros"),
            (" e três mil euros", 2.into(), Some(3))
        );
        assert!(quantity("treinta y dos personas").is_err());
        assert!(
            quantity("cinq cents").is_err(),
            "no currency: five hundred, or cents"
        );
    }

    #[test]
    fn cents_in_other_lexicons_words() {
        assert_eq!(
            raw("treze euros e quarenta e cinco centavos.", false),
            ("treze euros e quarenta e cinco centavos", ".")
        );
        assert_eq!(
            raw("dertien euro en vijfenveertig cent", false),
            ("dertien euro en vijfenveertig cent", "")
        );
        assert!(
            quantity("quarenta e cinco centavos").is_err(),
            "cents alone need a unit's amount"
        );
    }

    #[test]
    fn words_need_a_currency_or_scale() {
        assert_eq!(
            raw("twenty-one billion euros", false),
            ("twenty-one billion euros", "")
        );
        assert_eq!(raw("a million dollars", false), ("a million dollars", ""));
        assert_eq!(raw("ten bucks", false), ("ten bucks", ""));
        assert!(mention("a quarter of the budget", joins(false)).is_err());
    }

    #[test]
    fn euro_2024_is_a_tournament() {
        assert!(mention("Euro 2024", joins(false)).is_err());
    }

    #[test]
    fn cents_tails() {
        assert_eq!(
            raw("5 dollars and 30 cents", false),
            ("5 dollars and 30 cents", "")
        );
        assert_eq!(raw("$20 and 43c", false), ("$20 and 43c", ""));
        assert_eq!(raw("3 GBP 1 pence", false), ("3 GBP 1 pence", ""));
        assert_eq!(raw("17 USD 25.", false), ("17 USD 25", "."));
        assert_eq!(raw("twenty rupees 43", false), ("twenty rupees 43", ""));
        assert_eq!(raw("15 dollars and 50", false), ("15 dollars and 50", ""));
        assert_eq!(raw("$4.25 and 32 is", false), ("$4.25", " and 32 is"));
        assert_eq!(
            raw("50 dollars 20 years", false),
            ("50 dollars", " 20 years")
        );
    }

    #[test]
    fn minor_units_alone() {
        assert_eq!(raw("50 cents more", false), ("50 cents", " more"));
        assert_eq!(raw("99p.", false), ("99p", "."));
        assert_eq!(raw("12-cent-a-share", false), ("12-cent", "-a-share"));
    }
}
