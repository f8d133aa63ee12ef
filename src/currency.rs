//! Currencies: ISO 4217 codes and the table of the ways text writes them
//! (symbols, names, minor units), embedded from `data/` at build time.
//!
//! The table is built by `scripts/gen_tables.py` from Unicode CLDR and ISO
//! 4217 plus a small curated list (see `data/README.md`). A form that can
//! mean several currencies (`$`, `kr`, `dollars`) lists every candidate and
//! at most one documented default.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;

use crate::error::{Error, ErrorKind, Location};
use crate::packed::Bytes;

static CURRENCIES_CSV: &str = include_str!("../data/currencies.csv");
/// `data/currency-forms.csv` in the compact form below, with its lookups.
static FORMS_BIN: &[u8] = include_bytes!("../data/currency-forms.bin");
static REGIONS_CSV: &str = include_str!("../data/regions.csv");

/// An ISO 4217 currency code known to the embedded table (active or historic).
///
/// # Example
///
/// ```
/// use figures::Currency;
/// let eur: Currency = "EUR".parse()?;
/// assert_eq!(eur.as_str(), "EUR");
/// assert_eq!(eur.minor_units(), Some(2));
/// assert!("CNN".parse::<Currency>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The euro, base of the ECB reference rates.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Currency;
    /// assert_eq!("eur".parse::<Currency>()?, Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const EUR: Currency = Currency(*b"EUR");

    /// The US dollar, what a bare `$` is read as by default.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Currency;
    /// assert_eq!(figures::extract("$5").next().unwrap()?.currency, Some(Currency::USD));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const USD: Currency = Currency(*b"USD");

    /// The three-letter code.
    ///
    /// # Example
    ///
    /// ```
    /// let usd: figures::Currency = "usd".parse()?;
    /// assert_eq!(usd.as_str(), "USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only built from ASCII codes in the table.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Digits after the decimal point (ISO 4217, CLDR where ISO has none).
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Currency;
    /// assert_eq!("JPY".parse::<Currency>()?.minor_units(), Some(0));
    /// assert_eq!("KWD".parse::<Currency>()?.minor_units(), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn minor_units(&self) -> Option<u32> {
        TABLE.codes.get(self).and_then(|info| info.minor_units)
    }

    /// The currency's English name, as ISO 4217 gives it.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Currency;
    /// assert_eq!("CHF".parse::<Currency>()?.name(), "Swiss Franc");
    /// assert_eq!(Currency::EUR.name(), "Euro");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &'static str {
        TABLE.codes.get(self).map_or("", |info| info.name.as_str())
    }

    /// True when `1.234` written with this currency means 1234: its writers
    /// use a decimal comma (CLDR number symbols of its main locales: de, es,
    /// it, nl, pt, pl, cs, ru, uk, id, vi, tr, ro...), so a point can only
    /// group thousands, or it has no minor unit at all (JPY, KRW).
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Currency;
    /// assert!(Currency::EUR.groups_with_dot() && "JPY".parse::<Currency>()?.groups_with_dot());
    /// assert!(!"USD".parse::<Currency>()?.groups_with_dot());
    /// assert_eq!(figures::extract("1.500 Kč").next().unwrap()?.amount, Some(1500.into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn groups_with_dot(&self) -> bool {
        const DECIMAL_COMMA: &[&[u8; 3]] = &[
            b"EUR", b"IDR", b"VND", b"BRL", b"DKK", b"ARS", b"CLP", b"COP", b"TRY", b"RON", b"ISK",
            b"RSD", b"BAM", b"MKD", b"UYU", b"PYG", b"BOB", b"ESP", b"ITL", b"DEM", b"NLG", b"PTE",
            b"PLN", b"CZK", b"RUB", b"UAH", b"HUF", b"BGN", b"HRK", b"CRC", b"KZT", b"BYN", b"GEL",
            b"AZN", b"NOK", b"SEK", b"ATS", b"BEF", b"FRF", b"FIM", b"GRD",
        ];
        DECIMAL_COMMA.contains(&&self.0) || self.minor_units() == Some(0)
    }

    /// Looks a code up in the table: exactly three ASCII letters, any case.
    pub(crate) fn lookup(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        Currency::exact(bytes.map(|b| b.to_ascii_uppercase()))
    }

    /// The code of the table written exactly so (in capitals), as the
    /// compact tables write it.
    pub(crate) fn exact(code: [u8; 3]) -> Option<Currency> {
        Currency::lookup_in(&TABLE.codes, code)
    }
}

/// A set of currencies, a bit each: asked for every currency a form could
/// mean, for every paragraph.
#[derive(Debug)]
pub(crate) struct CurrencySet(Box<[u64; CurrencySet::WORDS]>);

impl CurrencySet {
    /// One bit for each code of three capital letters.
    const WORDS: usize = (26 * 26 * 26usize).div_ceil(64);

    pub(crate) fn new() -> CurrencySet {
        CurrencySet(Box::new([0; CurrencySet::WORDS]))
    }

    /// Every code of the table is three capital letters (a unit test checks).
    fn bit(c: Currency) -> usize {
        let [a, b, d] = c.0.map(|l| usize::from(l.wrapping_sub(b'A')) % 26);
        (a * 26 + b) * 26 + d
    }

    pub(crate) fn insert(&mut self, c: Currency) {
        let bit = CurrencySet::bit(c);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    pub(crate) fn contains(&self, c: Currency) -> bool {
        let bit = CurrencySet::bit(c);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

impl FromStr for Currency {
    type Err = Error;

    fn from_str(s: &str) -> Result<Currency, Error> {
        Currency::lookup(s).ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownCurrency {
                    text: s.to_string(),
                },
                Location::default(),
            )
        })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// As its code: `"EUR"`.
#[cfg(feature = "serde")]
impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// From its ISO 4217 code, in any case.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

/// What kind of written form a currency took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormKind {
    Symbol,
    Name,
    /// A minor unit, coin or slang word: cents, pence, dime, grand, bucks.
    Minor,
}

/// One written form and every currency it can mean.
#[derive(Debug)]
pub(crate) struct Form {
    /// The form as written in the table.
    pub text: &'static str,
    pub kind: FormKind,
    /// Value of one of this form in major units (0.01 for cents).
    pub unit: Decimal,
    pub candidates: Vec<Currency>,
    /// The documented reading when there are several candidates.
    pub default: Option<Currency>,
}

impl Form {
    /// The one currency this form names, if it names exactly one.
    pub fn definite(&self) -> Option<Currency> {
        match self.candidates.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
}

#[derive(serde::Deserialize)]
struct CodeRow {
    code: String,
    minor_units: String,
    name: String,
}

struct CodeInfo {
    name: String,
    minor_units: Option<u32>,
}

pub(crate) struct Table {
    codes: HashMap<Currency, CodeInfo>,
    pub forms: Vec<Form>,
    /// Symbols, matched case-sensitively.
    symbols: Prefixes,
    /// Lettered forms of up to three characters, matched exactly.
    short: Prefixes,
    /// Longer names and minor units, matched ignoring ASCII case.
    names: Prefixes,
    regions: HashMap<String, Currency>,
}

pub(crate) static TABLE: LazyLock<Table> = LazyLock::new(Table::embedded);

impl Table {
    fn embedded() -> Table {
        // The embedded files are checked by unit tests: a malformed code row
        // is skipped, a damaged forms table reads no forms.
        let mut codes = HashMap::default();
        let mut reader = csv::Reader::from_reader(CURRENCIES_CSV.as_bytes());
        for row in reader.deserialize::<CodeRow>().flatten() {
            if let Ok(bytes) = <[u8; 3]>::try_from(row.code.as_bytes()) {
                let info = CodeInfo {
                    name: row.name,
                    minor_units: row.minor_units.parse().ok(),
                };
                codes.insert(Currency(bytes), info);
            }
        }
        let (forms, [symbols, short, names]) = decode_forms(FORMS_BIN, &codes).unwrap_or_default();
        let regions = REGIONS_CSV
            .lines()
            .skip(1)
            .filter_map(|row| {
                let (region, code) = row.split_once(',')?;
                Some((
                    region.to_string(),
                    Currency::lookup_in(&codes, code.as_bytes().try_into().ok()?)?,
                ))
            })
            .collect();
        Table {
            codes,
            symbols: Prefixes::new(symbols, false),
            short: Prefixes::new(short, false),
            names: Prefixes::new(names, true),
            forms,
            regions,
        }
    }

    /// The longest symbol (`$`, `€`) at the very start of `text`.
    pub fn symbol_at(&self, text: &str) -> Option<(usize, usize)> {
        self.symbols.longest(text)
    }

    /// The longest name or lettered symbol (`dollars`, `swiss francs`, `kr`,
    /// `cents`) at the very start of `text`, ignoring ASCII case.
    pub fn name_at(&self, text: &str) -> Option<(usize, usize)> {
        let name = self.names.longest(text);
        let short = self.short.longest(text);
        match (name, short) {
            (Some(n), Some(s)) => Some(if s.0 > n.0 { s } else { n }),
            (n, s) => n.or(s),
        }
    }

    /// Every ISO code in the table.
    pub fn codes(&self) -> impl Iterator<Item = &Currency> {
        self.codes.keys()
    }

    /// The currency in legal tender today in an ISO 3166 region (`AU`).
    pub fn region_currency(&self, region: &str) -> Option<Currency> {
        self.regions.get(region).copied()
    }
}

impl Currency {
    /// The code in `codes`, exactly as given (the table is not built yet
    /// while its own files are read).
    fn lookup_in(codes: &HashMap<Currency, CodeInfo>, code: [u8; 3]) -> Option<Currency> {
        let c = Currency(code);
        codes.contains_key(&c).then_some(c)
    }
}

/// The keys of one lookup: a form's bytes (ASCII-lowercased where case is
/// ignored) and its index.
type Keys = Vec<(&'static [u8], usize)>;

/// The forms of `currency-forms.bin` and its three lookups (symbols,
/// short forms, names); `None` unless it is well formed. The format, as
/// `crate::packed` reads it:
///
/// ```text
/// "CFM1"
/// forms      count; each: text, kind (`S`ymbol, `N`ame, `M`inor), unit
///            (empty for 1), candidates (count, 3-byte codes), default
///            (its place among the candidates + 1; 0 for none)
/// lookups    symbols, short forms, names; each: count; each: key, form
/// ```
///
/// `scripts/gen_tables.py` decides which lookup a form is in (a symbol
/// that starts or ends with a letter is matched as a name; forms of up to
/// three characters exactly, with a short lower-case name also as
/// `Yen` and `YEN`) and sorts each by its keys.
fn decode_forms(
    bytes: &'static [u8],
    codes: &HashMap<Currency, CodeInfo>,
) -> Option<(Vec<Form>, [Keys; 3])> {
    let mut r = Bytes::new(bytes, b"CFM1")?;
    let forms = r.list(|r| {
        let text = r.str()?;
        let kind = match r.byte()? {
            b'S' => FormKind::Symbol,
            b'N' => FormKind::Name,
            b'M' => FormKind::Minor,
            _ => return None,
        };
        let unit = match r.str()? {
            "" => Decimal::ONE,
            unit => unit.parse().ok()?,
        };
        let candidates = r.list(|r| Currency::lookup_in(codes, r.code()?))?;
        let default = match r.byte()? {
            0 => None,
            at => Some(*candidates.get(usize::from(at) - 1)?),
        };
        Some(Form {
            text,
            kind,
            unit,
            candidates,
            default,
        })
    })?;
    let mut lookup = || {
        r.list(|r| {
            let key = r.bytes().filter(|k| !k.is_empty())?;
            Some((key, r.count().filter(|&i| i < forms.len())?))
        })
    };
    let lookups = [lookup()?, lookup()?, lookup()?];
    r.is_empty().then_some((forms, lookups))
}

/// So many forms left that start as a text does are compared with it one
/// by one rather than searched.
const FEW: usize = 8;

/// Forms sorted by their bytes, for the longest one that starts a text.
///
/// The forms that begin with a text's first `k` bytes are one run of the
/// sorted list, the shortest first, so each next byte narrows the run by
/// two binary searches. It is built in a sort: an automaton's failure
/// links, which anchored searches never use, cost most of the start-up.
struct Prefixes {
    /// Each form's bytes (ASCII-lowercased when folding) and its index.
    keys: Keys,
    fold: bool,
    /// The run of keys that start with each byte: the first, widest step.
    first: Box<[(u32, u32); 256]>,
    /// The run of keys of two bytes or more that start with each pair.
    pairs: HashMap<[u8; 2], (u32, u32)>,
}

impl Prefixes {
    /// The lookup over `keys`; with `fold` they are in small letters and a
    /// text's ASCII case is ignored.
    fn new(mut keys: Keys, fold: bool) -> Prefixes {
        // Stable, and linear on keys sorted already, as the table's are: of
        // two equal forms the first given wins.
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let mut first = Box::new([(0, 0); 256]);
        let mut pairs: HashMap<[u8; 2], (u32, u32)> = HashMap::default();
        for (at, (key, _)) in keys.iter().enumerate() {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            let widen = |run: &mut (u32, u32)| {
                *run = match *run {
                    (0, 0) => (at, at + 1),
                    (lo, _) => (lo, at + 1),
                };
            };
            widen(&mut first[usize::from(key[0])]);
            if let [a, b, ..] = **key {
                widen(pairs.entry([a, b]).or_insert((0, 0)));
            }
        }
        Prefixes {
            keys,
            fold,
            first,
            pairs,
        }
    }

    /// The length and index of the longest form that `text` starts with.
    fn longest(&self, text: &str) -> Option<(usize, usize)> {
        let fold = |b: u8| if self.fold { b.to_ascii_lowercase() } else { b };
        let bytes = text.as_bytes();
        let (lo, hi) = self.first[usize::from(fold(*bytes.first()?))];
        let (mut lo, mut hi) = (lo as usize, hi as usize);
        let mut found = self
            .keys
            .get(lo)
            .filter(|(key, _)| lo < hi && key.len() == 1)
            .map(|(_, i)| (1, *i));
        // The second byte by the pairs' index, the rest by binary search.
        let Some(&second) = bytes.get(1).filter(|_| lo < hi) else {
            return found;
        };
        let pair = [fold(bytes[0]), fold(second)];
        let Some(&(l, h)) = self.pairs.get(&pair) else {
            return found;
        };
        (lo, hi) = (l as usize, h as usize);
        if self.keys[lo].0.len() == 2 {
            found = Some((2, self.keys[lo].1));
        }
        for (k, &byte) in bytes.iter().enumerate().skip(2) {
            if lo == hi {
                break;
            }
            if hi - lo <= FEW {
                // A few forms left: the rest of each is compared, not searched.
                for &(key, i) in &self.keys[lo..hi] {
                    let tail = bytes.get(k..key.len());
                    let whole =
                        tail.is_some_and(|t| t.iter().zip(&key[k..]).all(|(&t, &c)| fold(t) == c));
                    if whole && found.is_none_or(|(len, _)| key.len() > len) {
                        found = Some((key.len(), i));
                    }
                }
                break;
            }
            let b = fold(byte);
            let run = &self.keys[lo..hi];
            let start = run.partition_point(|(key, _)| key.len() <= k || key[k] < b);
            let end = run.partition_point(|(key, _)| key.len() <= k || key[k] <= b);
            (lo, hi) = (lo + start, lo + end);
            if let Some((key, i)) = self.keys.get(lo).filter(|_| lo < hi)
                && key.len() == k + 1
            {
                found = Some((k + 1, *i));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Currency {
        Currency::lookup(s).unwrap()
    }

    fn found(at: Option<(usize, usize)>) -> (usize, &'static Form) {
        let (len, id) = at.unwrap();
        (len, &TABLE.forms[id])
    }

    #[test]
    fn embedded_tables_parse_with_anchors() {
        assert!(TABLE.codes.len() > 300);
        assert_eq!(code("usd").as_str(), "USD");
        assert_eq!(code("JPY").minor_units(), Some(0));
        assert!(Currency::lookup("CNN").is_none());
        assert!(Currency::lookup("PTE").is_some(), "historic codes are kept");
        let (len, euro) = found(TABLE.symbol_at("€21bn"));
        assert_eq!((len, euro.definite()), (3, Some(Currency::EUR)));
    }

    #[test]
    fn the_forms_table_decodes_and_damage_is_none() {
        let forms = decode_forms(FORMS_BIN, &TABLE.codes).map(|(f, _)| f.len());
        assert!(forms.is_some_and(|n| n > 5000));
        for cut in [0, 4, 5, 1000, FORMS_BIN.len() - 1] {
            assert!(
                decode_forms(&FORMS_BIN[..cut], &TABLE.codes).is_none(),
                "{cut}"
            );
        }
        let mut flipped = FORMS_BIN.to_vec();
        for i in (0..flipped.len()).step_by(997) {
            flipped[i] ^= 0xff;
        }
        let flipped: &'static [u8] = flipped.leak();
        let _ = decode_forms(flipped, &TABLE.codes);
    }

    #[test]
    fn no_form_starts_with_a_digit_or_a_space() {
        // The grammar turns a digit away before any currency prefix, and a
        // space before any currency after a number.
        assert!(TABLE.forms.iter().all(|f| {
            !f.text
                .starts_with(|c: char| c.is_ascii_digit() || c.is_whitespace())
        }));
    }

    #[test]
    fn dollar_sign_is_ambiguous_with_usd_default() {
        let (_, dollar) = found(TABLE.symbol_at("$5"));
        assert!(dollar.candidates.len() > 3);
        assert_eq!(dollar.default, Some(code("USD")));
    }

    #[test]
    fn every_code_is_three_capitals_and_has_its_own_bit() {
        let mut set = CurrencySet::new();
        for &c in TABLE.codes() {
            assert!(c.0.iter().all(u8::is_ascii_uppercase), "{c:?}");
            assert!(!set.contains(c), "{c:?}");
            set.insert(c);
            assert!(set.contains(c));
        }
    }

    #[test]
    fn longest_symbol_wins() {
        let (len, form) = found(TABLE.name_at("US$4.7"));
        assert_eq!(len, 3);
        assert_eq!(form.definite(), Some(code("USD")));
        let (len, form) = found(TABLE.name_at("HK$ 10"));
        assert_eq!((len, form.definite()), (3, Some(code("HKD"))));
    }

    #[test]
    fn names_ignore_case_and_prefer_longest() {
        let (len, form) = found(TABLE.name_at("Swiss Francs were"));
        assert_eq!((len, form.definite()), (12, Some(code("CHF"))));
        let (_, francs) = found(TABLE.name_at("francs"));
        assert_eq!(francs.default, None, "bare francs has no default");
        let (_, kr) = found(TABLE.name_at("kr 100"));
        assert_eq!(kr.default, None);
    }

    #[test]
    fn minor_units_carry_their_value() {
        let (_, cents) = found(TABLE.name_at("cents"));
        assert_eq!(cents.kind, FormKind::Minor);
        assert_eq!(cents.unit, Decimal::new(1, 2));
    }

    #[test]
    fn prefixes_find_the_longest_form_at_the_start() {
        let p = Prefixes::new(
            vec![
                (&b"us$"[..], 0),
                (b"u", 1),
                (b"usd", 2),
                (b"$", 3),
                (b"us", 4),
                (b"us", 5),
            ],
            true,
        );
        assert_eq!(p.longest("us$5"), Some((3, 0)));
        assert_eq!(p.longest("USDC"), Some((3, 2)));
        assert_eq!(
            p.longest("Usa"),
            Some((2, 4)),
            "the first of two equal forms"
        );
        assert_eq!(p.longest("Uganda"), Some((1, 1)));
        assert_eq!(p.longest("$"), Some((1, 3)));
        assert_eq!(p.longest("x$"), None);
        assert_eq!(p.longest(""), None);
        let exact = Prefixes::new(vec![(&b"kr"[..], 0), (b"Kr", 1)], false);
        assert_eq!(exact.longest("Kr 5"), Some((2, 1)));
        assert_eq!(exact.longest("KR 5"), None);
        // Where a few forms are left, the longest that all of starts the
        // text wins.
        let one = Prefixes::new(vec![(&b"swiss francs"[..], 0), (b"sw", 1)], true);
        assert_eq!(one.longest("SWISS FRANCS!"), Some((12, 0)));
        assert_eq!(one.longest("Swiss franc"), Some((2, 1)));
        assert_eq!(one.longest("Swiss frank"), Some((2, 1)));
    }

    #[test]
    fn regions_give_tender() {
        assert_eq!(TABLE.region_currency("AU"), Some(code("AUD")));
        assert_eq!(TABLE.region_currency("DE"), Some(Currency::EUR));
    }
}
