//! Currencies as written: ISO codes, symbols, names and minor units.

use std::sync::LazyLock;

use crate::currency::{Currency, FormKind, TABLE};
use crate::wordset::{WordHashes, hash_word};

use super::scale::{Scale, letter};
use super::{IResult, fail};
use crate::lang::en::{
    LETTERS, PENCE_AFTER, QUARTER_LETTERS, SHOUTED_CODES, WORDLIKE_CODES, WORDLIKE_NAMES,
};
use crate::lang::{is_letter_word, is_one_of};

/// Which currency a piece of text names: a code, or a form of the table
/// (by index in `TABLE.forms`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CurRef {
    Code(Currency),
    Form(usize),
}

/// A currency as written, with a scale glued to it (`MEUR`, `M€`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cur<'a> {
    pub raw: &'a str,
    pub what: CurRef,
    pub scale: Option<Scale>,
}

impl Cur<'_> {
    /// True for cents, pence, coins and slang (`bucks`, `grand`).
    pub fn is_minor(&self) -> bool {
        matches!(self.what, CurRef::Form(id) if TABLE.forms[id].kind == FormKind::Minor)
    }

    /// A name of at least four letters (`euros`, `dollars`), no symbol or code.
    pub fn is_name(&self) -> bool {
        matches!(self.what, CurRef::Form(id) if TABLE.forms[id].kind == FormKind::Name)
            && self.raw.chars().count() >= 4
    }

    /// Worth less than one major unit (cents, pence), unlike `grand` or `bucks`.
    pub fn is_fraction(&self) -> bool {
        matches!(self.what, CurRef::Form(id) if TABLE.forms[id].unit < rust_decimal::Decimal::ONE)
    }

    /// Value of one of this in major units: 0.01 for cents, 1000 for grand.
    pub fn unit(&self) -> rust_decimal::Decimal {
        match self.what {
            CurRef::Form(id) => TABLE.forms[id].unit,
            CurRef::Code(_) => rust_decimal::Decimal::ONE,
        }
    }

    /// The one currency this names, if only one.
    pub fn definite(&self) -> Option<Currency> {
        match self.what {
            CurRef::Code(c) => Some(c),
            CurRef::Form(id) => TABLE.forms[id].definite(),
        }
    }

    /// Every currency this can mean.
    pub fn candidates(&self) -> &[Currency] {
        match &self.what {
            CurRef::Code(c) => std::slice::from_ref(c),
            CurRef::Form(id) => &TABLE.forms[*id].candidates,
        }
    }

    /// True when both can name the same currency (`$` and `AUD`).
    pub fn compatible(&self, other: &Cur<'_>) -> bool {
        self.candidates()
            .iter()
            .any(|c| other.candidates().contains(c))
    }
}

impl Cur<'_> {
    /// An ISO code (`USD`, `usd`).
    pub fn is_code(&self) -> bool {
        matches!(self.what, CurRef::Code(_))
    }

    /// `Q`, which before one digit names a quarter (`Q3`).
    pub fn is_quarter_letter(&self) -> bool {
        is_one_of(QUARTER_LETTERS, self.raw)
    }

    /// A currency name that is also a common English word.
    pub fn is_wordlike(&self) -> bool {
        is_one_of(WORDLIKE_NAMES, self.raw)
    }
}

/// A number no heading would write after a shouted word: grouped, with
/// decimals or with a scale (`ALL 5,000`, not `TOP 10`).
fn unlike_a_heading(rest: &str) -> bool {
    match super::number::digits(super::sp0(rest)) {
        Ok((after, d)) => {
            d.group.is_some()
                || d.decimal.is_some()
                || super::scale::scale(super::sp0(after)).is_ok()
        }
        Err(_) => false,
    }
}

fn is_ascii_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic())
}

// code = 3 * letter, all capitals or all small, an ISO 4217 code, not inside a word
pub(crate) fn code(i: &str, before_number: bool) -> IResult<'_, Currency> {
    let Some(head) = i.get(..3) else {
        return fail(i);
    };
    let rest = &i[3..];
    let upper = head.bytes().all(|b| b.is_ascii_uppercase());
    let lower = head.bytes().all(|b| b.is_ascii_lowercase());
    if !(upper || lower) || is_ascii_letter(rest.chars().next()) {
        return fail(i);
    }
    // The code first: most three-letter words are none.
    let Some(c) = Currency::lookup(head) else {
        return fail(i);
    };
    if is_one_of(WORDLIKE_CODES, head)
        && (lower || before_number && is_one_of(SHOUTED_CODES, head) && !unlike_a_heading(rest))
    {
        return fail(i);
    }
    // "EUR/USD 1.0850" is an exchange rate, not an amount.
    if rest
        .strip_prefix('/')
        .and_then(|r| r.get(..3))
        .is_some_and(|r| r.bytes().all(|b| b.is_ascii_uppercase()) && Currency::lookup(r).is_some())
    {
        return fail(i);
    }
    Ok((rest, c))
}

// code-dollar = code [sp "$"]     (* NZD$15, NZD $100, CUC$, cad$ *)
fn code_dollar(i: &str, before_number: bool) -> IResult<'_, Cur<'_>> {
    let (rest, c) = match code(i, before_number) {
        Ok(ok) => ok,
        // A code that is also a word is still a code when glued to `$`.
        Err(_) if i.get(3..4) == Some("$") => match Currency::lookup(&i[..3]) {
            Some(c) if i[..3].bytes().all(|b| b.is_ascii_alphabetic()) => (&i[3..], c),
            _ => return fail(i),
        },
        Err(e) => return Err(e),
    };
    let spaced = super::sp0(rest);
    let rest = match spaced.strip_prefix('$') {
        Some(after)
            if rest.starts_with('$')
                || super::sp0(after).starts_with(|c: char| c.is_ascii_digit()) =>
        {
            after
        }
        _ => rest,
    };
    let raw = &i[..i.len() - rest.len()];
    Ok((
        rest,
        Cur {
            raw,
            what: CurRef::Code(c),
            scale: None,
        },
    ))
}

// scaled = ("k" | "M") (code | symbol)      (* MEUR, kEUR, M€, k€ *)
fn scaled(i: &str, before_number: bool) -> IResult<'_, Cur<'_>> {
    let Some(first) = i.chars().next().filter(|c| matches!(c, 'k' | 'K' | 'M')) else {
        return fail(i);
    };
    let after = &i[first.len_utf8()..];
    let Ok((_, scale)) = letter(&i[..first.len_utf8()]) else {
        return fail(i);
    };
    let (rest, mut cur) = match code_dollar(after, before_number) {
        Ok(ok) if after.starts_with(|c: char| c.is_ascii_uppercase()) => ok,
        _ => symbol(after)?,
    };
    cur.raw = &i[..i.len() - rest.len()];
    cur.scale = Some(scale);
    Ok((rest, cur))
}

// symbol = the longest non-letter symbol of the table ($, €, £, ₹, ₴)
pub(crate) fn symbol(i: &str) -> IResult<'_, Cur<'_>> {
    match TABLE.symbol_at(i) {
        Some((len, id)) => {
            let cur = Cur {
                raw: &i[..len],
                what: CurRef::Form(id),
                scale: None,
            };
            Ok((&i[len..], cur))
        }
        None => fail(i),
    }
}

// name = the longest name or lettered symbol of the table, not inside a word
//        (dollars, Swiss francs, kr, Rs., zł, cents)
pub(crate) fn name(i: &str) -> IResult<'_, Cur<'_>> {
    let Some((len, id)) = TABLE.name_at(i).or_else(|| small_dollar(i)) else {
        return fail(i);
    };
    let (raw, rest) = i.split_at(len);
    let ends_in_letter = raw.chars().last().is_some_and(char::is_alphabetic);
    if ends_in_letter && rest.chars().next().is_some_and(char::is_alphabetic) {
        return fail(i);
    }
    Ok((
        rest,
        Cur {
            raw,
            what: CurRef::Form(id),
            scale: None,
        },
    ))
}

/// `us$`, `hk$`: a dollar prefix in small letters, as the capitals' form.
fn small_dollar(i: &str) -> Option<(usize, usize)> {
    let letters = i.find(|c: char| !c.is_ascii_lowercase())?;
    if !(1..=3).contains(&letters) || !i[letters..].starts_with('$') {
        return None;
    }
    let upper = format!("{}$", i[..letters].to_ascii_uppercase());
    TABLE.name_at(&upper).filter(|&(len, _)| len == upper.len())
}

/// `us $ 10`, `hk $`, `c $`: a dollar prefix split by a space, as tokenised
/// text has it.
fn spaced_dollar(i: &str) -> IResult<'_, Cur<'_>> {
    let letters = i
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
        .unwrap_or(i.len());
    // One letter is a word too often (`a $5 fee`, `plan b $1`, `vitamin C
    // $5`): it is a prefix only as tokenised text writes it, `c $ 45`.
    let lone = letters == 1 && (i.starts_with(is_letter_word) || !i[1..].starts_with(" $ "));
    if !(1..=4).contains(&letters) || lone || !i[letters..].starts_with(" $") {
        return fail(i);
    }
    match prefixed_dollar(&i[..letters]) {
        Some(id) => {
            let end = letters + 2;
            Ok((
                &i[end..],
                Cur {
                    raw: &i[..end],
                    what: CurRef::Form(id),
                    scale: None,
                },
            ))
        }
        None => fail(i),
    }
}

// prefix = scaled | code-dollar | spaced-dollar | symbol | name    (* before the number *)
pub(crate) fn prefix(i: &str) -> IResult<'_, Cur<'_>> {
    // No code, symbol or name starts with a digit (a unit test checks).
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    if let Ok(ok) = scaled(i, true) {
        return Ok(ok);
    }
    if let Ok(ok) = code_dollar(i, true) {
        return Ok(ok);
    }
    if let Ok(ok) = spaced_dollar(i) {
        return Ok(ok);
    }
    if !may_start_form(i) {
        return fail(i);
    }
    // Minor units and slang never lead a number ("the quarter 2 results"),
    // and a one-letter symbol leads only digits glued to it (R50, not F-16).
    match longer(symbol(i), name(i)) {
        Ok((_, cur)) if cur.is_minor() || cur.is_wordlike() && !is_capitals(cur.raw) => fail(i),
        Ok((rest, cur))
            if cur.raw.chars().count() == 1
                && cur.raw.chars().all(char::is_alphabetic)
                && !rest.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            fail(i)
        }
        Ok(ok) => Ok(ok),
        Err(e) => Err(e),
    }
}

/// The leading ASCII letters of all that [`suffix`] reads, by hash: every
/// form, every code with or without a scale letter glued before it
/// (`usd`, `musd`), a scale letter before a symbol (`k€`). After most
/// numbers comes a word that starts none (`people`), turned away so.
static HEADS: LazyLock<WordHashes> = LazyLock::new(|| {
    let mut set = WordHashes::of(TABLE.forms.iter().map(|f| f.text));
    for &(letter, _) in LETTERS {
        set.insert(&letter.to_string());
    }
    for code in TABLE.codes() {
        set.insert(code.as_str());
        for &(letter, _) in LETTERS {
            set.insert(&format!("{letter}{}", code.as_str()));
        }
    }
    set
});

/// False when `i` starts with a word no form, code or scaled code starts
/// with: [`HEADS`] does not hold its letters.
fn may_start_form(i: &str) -> bool {
    !i.starts_with(|c: char| c.is_ascii_alphabetic())
        || HEADS.contains_hash(hash_word(i.as_bytes()).0)
}

// suffix = scaled | code-dollar | symbol | name    (* after the number *)
pub(crate) fn suffix(i: &str, glued: bool) -> IResult<'_, Cur<'_>> {
    // No code, symbol or name starts with a space (a unit test checks).
    if i.starts_with(char::is_whitespace) {
        return fail(i);
    }
    if !may_start_form(i) {
        return fail(i);
    }
    if let Ok(ok) = scaled(i, false) {
        return Ok(ok);
    }
    if let Ok(ok) = code_dollar(i, false) {
        return Ok(ok);
    }
    let (mut rest, mut cur) = longer(symbol(i), name(i))?;
    if let Some((after, country)) = country_after(rest).filter(|_| cur.raw == "$") {
        // `16,4 millions de $ CA`: the country after the dollar, as French writes it.
        if let Some(id) = prefixed_dollar(country) {
            (rest, cur.what) = (after, CurRef::Form(id));
            cur.raw = &i[..i.len() - rest.len()];
        }
    }
    if cur.raw == PENCE_AFTER.0 {
        // `15.94P` after a share price is pence, not pula.
        if let Some((_, id)) = TABLE.name_at(PENCE_AFTER.1) {
            cur.what = CurRef::Form(id);
        }
    }
    let letter = cur.raw.chars().count() == 1 && cur.raw.chars().all(char::is_alphabetic);
    if !glued && letter && !lone_letter_ends(rest) {
        return fail(i);
    }
    Ok((rest, cur))
}

/// The letters after `$ ` that may name its country: two capitals (`$ CA`,
/// `$ US`), or one letter as tokenised text writes it (`$ c`), ending the
/// word. Never a letter that is a word (`10 $ a month`), nor one an
/// apostrophe elides (`10 $ l'unité`, `l ' unité`).
fn country_after(rest: &str) -> Option<(&str, &str)> {
    let r = rest.strip_prefix(' ')?;
    let capitals = r.find(|c: char| !c.is_ascii_uppercase()).unwrap_or(r.len());
    let len = match capitals {
        2 => 2,
        _ if r.starts_with(|c: char| c.is_ascii_alphabetic() && !is_letter_word(c)) => 1,
        _ => return None,
    };
    let after = &r[len..];
    let elided = after
        .trim_start_matches(' ')
        .starts_with(['\'', '\u{2019}']);
    (super::at_word_end(after) && !elided).then(|| (after, &r[..len]))
}

/// The form of the dollar prefixed by `country` (`CA` → `CA$`, `c` →
/// `C$`, `nz` → `NZ$`), if any.
fn prefixed_dollar(country: &str) -> Option<usize> {
    let joined = format!("{}$", country.to_ascii_uppercase());
    TABLE
        .name_at(&joined)
        .filter(|&(len, _)| len == joined.len())
        .map(|(_, id)| id)
}

/// `YEN`, `RAND`: a word in capitals, which no sentence writes as a verb.
fn is_capitals(raw: &str) -> bool {
    raw.chars().count() > 1 && raw.chars().all(|c| c.is_ascii_uppercase())
}

/// The longer of two readings (`$U` over `$`).
fn longer<'a>(a: IResult<'a, Cur<'a>>, b: IResult<'a, Cur<'a>>) -> IResult<'a, Cur<'a>> {
    match (a, b) {
        (Ok(x), Ok(y)) => Ok(if y.1.raw.len() > x.1.raw.len() { y } else { x }),
        (Ok(x), Err(_)) => Ok(x),
        (Err(_), y) => y,
    }
}

/// A one-letter unit after a space (`10 c`) must end its phrase: `5 p.m.`
/// and `grade 5 C students` are no money.
fn lone_letter_ends(rest: &str) -> bool {
    if super::at_line_end(rest) {
        return true;
    }
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('.') => !chars.next().is_some_and(char::is_alphabetic),
        Some(c) => c.is_ascii_punctuation() && c != '\'',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(cur: &Cur<'_>) -> Option<&'static str> {
        match cur.what {
            CurRef::Code(c) => Some(Currency::lookup(c.as_str()).map(|_| "code").unwrap()),
            CurRef::Form(_) => None,
        }
    }

    #[test]
    fn codes_before_and_after() {
        assert_eq!(
            code("USD 24", true).map(|(r, c)| (r, c.as_str().to_string())),
            Ok((" 24", "USD".into()))
        );
        assert_eq!(code("EUR21bn", true).unwrap().0, "21bn");
        assert!(code("CNN 24", true).is_err());
        assert!(code("USDA", true).is_err());
        assert!(code("Usd", true).is_err());
        assert_eq!(code("usd.", false).unwrap().1.as_str(), "USD");
    }

    #[test]
    fn a_country_after_a_spaced_dollar() {
        // The raw text, the form read (and its currency) and the rest.
        let read = |i: &'static str| {
            suffix(i, false).map(|(rest, c)| {
                let form = match c.what {
                    CurRef::Form(id) => {
                        let form = &TABLE.forms[id];
                        (form.text, form.default.or(form.definite()))
                    }
                    CurRef::Code(_) => ("", None),
                };
                (c.raw, form, rest)
            })
        };
        let cad = Currency::lookup("CAD");
        assert_eq!(read("$ CA de plus"), Ok(("$ CA", ("CA$", cad), " de plus")));
        assert_eq!(
            read("$ c aux revenus"),
            Ok(("$ c", ("C$", cad), " aux revenus"))
        );
        assert_eq!(read("$ C."), Ok(("$ C", ("C$", cad), ".")));
        // A word, an article, an elided letter, or no dollar of that letter.
        for text in [
            "$ a month",
            "$ l'unité",
            "$ l ' unité",
            "$ c'est",
            "$ e 20",
            "$ cada",
        ] {
            let (raw, _, _) = read(text).unwrap();
            assert_eq!(raw, "$", "{text}");
        }
    }

    #[test]
    fn currency_pairs_are_rates() {
        assert!(code("EUR/USD 1.08", true).is_err());
        assert!(code("USD/month", false).is_ok());
    }

    #[test]
    fn wordlike_codes() {
        assert!(code("ALL 5", true).is_err());
        assert!(code("all", false).is_err());
        assert!(code("TRY", false).is_ok());
    }

    #[test]
    fn code_with_dollar() {
        let (rest, cur) = prefix("NZD$15").unwrap();
        assert_eq!((rest, cur.raw, code_of(&cur)), ("15", "NZD$", Some("code")));
    }

    /// A word no form, code or scaled code starts with is turned away by
    /// its hash; each kind of suffix that starts with a letter still reads.
    #[test]
    fn suffixes_that_start_with_a_letter() {
        for text in [
            "dollars", "Dollars", "USD", "usd", "MEUR", "kEUR", "k€", "M€", "US$", "zł", "Rs.",
        ] {
            assert!(suffix(text, false).is_ok(), "{text}");
        }
        for text in ["people", "years", "dollarsign", "USDX"] {
            assert!(suffix(text, false).is_err(), "{text}");
        }
    }

    #[test]
    fn scaled_codes_and_symbols() {
        let (rest, cur) = prefix("MAUD 60").unwrap();
        assert_eq!(
            (rest, cur.raw, cur.scale),
            (" 60", "MAUD", Some(Scale::MILLION))
        );
        let (rest, cur) = suffix("M€ in", false).unwrap();
        assert_eq!(
            (rest, cur.raw, cur.scale),
            (" in", "M€", Some(Scale::MILLION))
        );
        let (_, cur) = suffix("MEUR", false).unwrap();
        assert_eq!(cur.candidates(), &[Currency::EUR]);
    }

    #[test]
    fn symbols_longest_first() {
        let (rest, cur) = prefix("US$4.7 billion").unwrap();
        assert_eq!((rest, cur.raw), ("4.7 billion", "US$"));
        let (rest, cur) = prefix("€21bn").unwrap();
        assert_eq!((rest, cur.raw), ("21bn", "€"));
        let (rest, cur) = prefix("hk $ 10.05").unwrap();
        assert_eq!((rest, cur.raw), (" 10.05", "hk $"));
        assert!(spaced_dollar("A $5 fee").is_err());
        assert_eq!(prefix("c $ 45.6").unwrap().1.raw, "c $");
        assert!(prefix("won 3 games").is_err());
        assert_eq!(prefix("us$5").unwrap().1.raw, "us$");
    }

    #[test]
    fn names_and_lettered_symbols() {
        let (rest, cur) = suffix("australian dollars of", false).unwrap();
        assert_eq!((rest, cur.raw), (" of", "australian dollars"));
        let (rest, cur) = prefix("Rs. 20").unwrap();
        assert_eq!((rest, cur.raw), (" 20", "Rs."));
        assert!(suffix("dollarsign", false).is_err());
        assert!(prefix("quarter 2").is_err(), "minor units never lead");
    }

    #[test]
    fn lone_letters_need_glue_or_an_end() {
        assert!(suffix("c", false).is_ok());
        assert!(suffix("p.m.", false).is_err());
        assert!(suffix("C students", false).is_err());
        assert!(suffix("p a share", true).is_ok());
    }

    #[test]
    fn compatibility() {
        let (_, dollar) = prefix("$").unwrap();
        let (_, aud) = suffix("AUD", false).unwrap();
        let (_, eur) = suffix("EUR", false).unwrap();
        assert!(dollar.compatible(&aud));
        assert!(!dollar.compatible(&eur));
    }
}
