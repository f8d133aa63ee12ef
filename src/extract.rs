//! Text to mentions: find where amounts may start, run the grammar there,
//! and turn what it recognised into exact values with a currency.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;

use rust_decimal::Decimal;

use crate::amount::{Basis, Qualifier, Unread};
use crate::context::{self, Before, sentence};
use crate::currency::{Currency, CurrencySet, TABLE};
use crate::decode::{Reading, in_language, values};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::evidence::{self, Evidence, Seen};
use crate::grammar::amount::{Joins, Parsed, Side, may_start_mention, mention_after, side};
use crate::grammar::number::digits;
use crate::grammar::qualifier::Lead;
use crate::lang::Lang;
use crate::lines::{self, Cursor};
use crate::resolve::{self, Nearby, Settings};
use crate::scan::{Listed, next_candidate, next_candidate_before};

/// One amount of money found in text.
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// let text = "Pledges surpassed €21 billion.";
/// let m = figures::extract(text).next().unwrap()?;
/// assert_eq!(&text[m.span.clone()], "surpassed €21 billion");
/// assert_eq!(m.amount, Some(Decimal::from(21_000_000_000u64)));
/// assert_eq!(m.currency.map(|c| c.to_string()), Some("EUR".into()));
/// assert_eq!(m.qualifier, Some(figures::Qualifier::Over));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With the `serde` feature it serializes with the names and values of the
/// JSON-lines output: `start`, `end`, decimals as strings, `currency_basis`,
/// `reason` for why it is unread, `currency_evidence` as `word line N`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Mention {
    /// Byte offsets into the text, end exclusive.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: Range<usize>,
    /// The amount in major units; `None` for a range.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub amount: Option<Decimal>,
    /// The lower bound: a range's start, or the amount after `over` / `at least`.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub min: Option<Decimal>,
    /// The upper bound: a range's end, or the amount after `under` / `up to`.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub max: Option<Decimal>,
    /// The currency, when the text names one (or a default reading applies).
    pub currency: Option<Currency>,
    /// The currency as written (`$`, `euros`, `USD`).
    pub currency_raw: String,
    /// How the currency was decided.
    #[cfg_attr(feature = "serde", serde(rename = "currency_basis"))]
    pub basis: Basis,
    /// A hedge or bound written before the amount.
    pub qualifier: Option<Qualifier>,
    /// One unit in the last written place, in major units: `24 billion`
    /// has 1000000000, `2.54 billion` 10000000. Half of it either way is
    /// what the writer's rounding allows.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::serialize::decimal"))]
    pub precision: Decimal,
    /// Why the amount could not be read whole; then `amount`, `min` and
    /// `max` are `None`.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "reason", serialize_with = "crate::serialize::option_display")
    )]
    pub unread: Option<Unread>,
    /// The word that decided an ambiguous currency, when `basis` is
    /// [`Basis::Context`].
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "currency_evidence",
            serialize_with = "crate::serialize::option_display"
        )
    )]
    pub evidence: Option<Evidence>,
    /// The language it was read in: its scale word's (`Milliarden`), else
    /// its paragraph's where that is clear, else English.
    pub lang: crate::lang::Lang,
    /// When `basis` is [`Basis::Default`], the other currencies its form may
    /// mean that the article gives evidence of (`$` in a story that names
    /// Canada: CAD): what an audit tries before it calls a pair
    /// inconsistent.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub alternatives: Vec<Currency>,
}

/// Reads exactly one amount: `"€21 billion".parse::<Mention>()`.
///
/// A full stop or spaces after it are allowed; anything else is an error
/// whose location's byte is where the rest starts.
///
/// # Example
///
/// ```
/// use figures::{ErrorKind, Mention};
/// let m: Mention = "€21 billion".parse()?;
/// assert_eq!((m.amount.unwrap().to_string(), m.currency.unwrap().as_str()), ("21000000000".into(), "EUR"));
/// let err = "$5 and $6".parse::<Mention>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::NotOneAmount { left, .. } if left == " and $6"));
/// assert_eq!(err.location().byte(), Some(2));
/// assert!(matches!("five".parse::<Mention>().unwrap_err().kind(), ErrorKind::NoAmount { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::str::FromStr for Mention {
    type Err = Error;

    fn from_str(text: &str) -> Result<Mention> {
        let mut found = extract(text);
        let Some(mention) = found.next().transpose()? else {
            let kind = ErrorKind::NoAmount {
                text: crate::error::quoted(text),
            };
            return Err(Error::new(kind, Location::default()));
        };
        // `$5 and $6`, `$1e9` and `$5 each` are refused, not read in part.
        let Range { start, end } = mention.span;
        let (at, left) = if !text[..start].trim().is_empty() {
            (0, &text[..start])
        } else {
            (end, &text[end..])
        };
        if found.next().is_some() || !left.trim_end_matches(['.', ' ']).is_empty() {
            let kind = ErrorKind::NotOneAmount {
                text: crate::error::quoted(text),
                left: crate::error::quoted(left),
            };
            return Err(Error::new(kind, Location::byte_only(at as u64)));
        }
        Ok(mention)
    }
}

/// What a paragraph's reading leaves for the next ones: the places found in
/// it (if it was read for them) and its marked dollar.
pub(crate) type ParagraphEvidence = (OnceCell<Vec<Seen>>, Option<Evidence>);

/// An earlier paragraph of the same article, kept for its evidence and
/// read for it only when a later mention asks.
#[derive(Debug)]
pub(crate) struct Earlier {
    text: String,
    /// Byte offset of its start in the input.
    offset: u64,
    /// Its first line in the input.
    line: u64,
    seen: OnceCell<Vec<Seen>>,
    /// The currencies its evidence names, sorted, each once.
    named: OnceCell<Vec<Currency>>,
    /// Its marked dollar (`A$`), if any.
    marked: Option<Evidence>,
}

impl Earlier {
    /// The paragraph `text`, with the evidence already found in it, if any.
    pub(crate) fn new(
        text: String,
        offset: u64,
        line: u64,
        (seen, marked): ParagraphEvidence,
    ) -> Earlier {
        Earlier {
            text,
            offset,
            line,
            seen,
            named: OnceCell::new(),
            marked,
        }
    }

    /// Byte offset of its end in the input.
    pub(crate) fn end(&self) -> u64 {
        self.offset + self.text.len() as u64
    }

    fn seen(&self) -> &[Seen] {
        self.seen.get_or_init(|| evidence::scan(&self.text))
    }

    fn named(&self) -> &[Currency] {
        self.named.get_or_init(|| {
            let mut all: Vec<Currency> = self
                .seen()
                .iter()
                .flat_map(Seen::currencies)
                .copied()
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        })
    }
}

impl Mention {
    /// True when this is a range (`$20-25 billion`), with `min` and `max`.
    ///
    /// # Example
    ///
    /// ```
    /// let m = figures::extract("between $20 and $25 billion").next().unwrap()?;
    /// assert!(m.is_range());
    /// assert_eq!((m.amount, m.max), (None, Some(25_000_000_000u64.into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_range(&self) -> bool {
        self.amount.is_none() && self.min.is_some() && self.max.is_some()
    }
}

/// Settings for reading amounts; `Extractor::default()` reads as documented
/// in README (a bare `$` is USD, `¥` JPY).
///
/// # Example
///
/// ```
/// use figures::{Basis, Currency, Extractor};
/// let ex = Extractor::new().assume("$", "CAD".parse::<Currency>()?);
/// let m = ex.mentions("It cost $5.").next().unwrap()?;
/// assert_eq!(m.currency, Some("CAD".parse()?));
/// assert_eq!(m.basis, Basis::Assumed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    assume: Vec<(String, Currency)>,
    /// The currency of the `--locale` region.
    local: Option<Currency>,
    /// A language every text is read in, instead of its detected one.
    lang: Option<Lang>,
}

impl Extractor {
    /// An extractor with the documented defaults.
    ///
    /// # Example
    ///
    /// ```
    /// let m = figures::Extractor::new().mentions("¥500").next().unwrap()?;
    /// assert_eq!(m.currency, Some("JPY".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Reads the written form `form` (`$`, `kr`, `dollars`) as `currency`
    /// wherever the text leaves it ambiguous.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Basis, Extractor};
    /// let ex = Extractor::new().assume("kr", "SEK".parse()?);
    /// let m = ex.mentions("100 kr").next().unwrap()?;
    /// assert_eq!((m.currency, m.basis), (Some("SEK".parse()?), Basis::Assumed));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn assume(mut self, form: &str, currency: Currency) -> Extractor {
        self.assume.push((form.to_string(), currency));
        self
    }

    /// Reads ambiguous forms (`$`, `kr`, `grand`, coin words) as the
    /// currency of a BCP-47 tag's region (`en-AU`: `$` is AUD) when that
    /// currency is one they can mean. A tag with no region changes nothing.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::MalformedLocale`] for a tag that is not BCP 47;
    /// [`ErrorKind::UnknownLocale`] for a region CLDR does not know, when the
    /// extractor is best used unchanged (the CLI warns and goes on).
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Extractor;
    /// let ex = Extractor::new().locale("en-AU")?;
    /// let m = ex.mentions("1 grand").next().unwrap()?;
    /// assert_eq!(m.currency.map(|c| c.to_string()), Some("AUD".into()));
    /// assert!(Extractor::new().locale("en-XQ").is_err());
    /// assert!(Extractor::new().locale("not a tag").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn locale(mut self, tag: &str) -> Result<Extractor> {
        let parsed =
            icu_locale_core::Locale::try_from_str(&tag.replace('_', "-")).map_err(|e| {
                let kind = ErrorKind::MalformedLocale {
                    tag: tag.to_string(),
                    reason: e.to_string(),
                };
                Error::new(kind, Location::default())
            })?;
        let Some(region) = parsed.id.region else {
            return Ok(self);
        };
        match TABLE.region_currency(region.as_str()) {
            Some(c) => {
                self.local = Some(c);
                Ok(self)
            }
            None => Err(Error::new(
                ErrorKind::UnknownLocale {
                    tag: tag.to_string(),
                },
                Location::default(),
            )),
        }
    }

    /// The amounts in `text`, in order, each an `Ok(Mention)` or an error
    /// (an amount too large for a decimal) that does not stop the rest.
    ///
    /// # Example
    ///
    /// ```
    /// let ex = figures::Extractor::new();
    /// let found: Vec<_> = ex.mentions("$99999999999999999999999999999 trillion, then £2").collect();
    /// assert!(found[0].is_err());
    /// assert_eq!(found[1].as_ref().unwrap().currency_raw, "£");
    /// ```
    pub fn mentions<'t>(&'t self, text: &'t str) -> Mentions<'t> {
        self.mentions_in(text, &[], (1, 1))
    }

    /// Reads every text in `lang`, not the language detected in it: its
    /// separators (`1.234` is 1234 in German) and its lexicon's readings.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Extractor, Lang};
    /// let m = Extractor::new().lang(Lang::De).mentions("$1.500").next().unwrap()?;
    /// assert_eq!((m.amount, m.lang), (Some(1500.into()), Lang::De));
    /// let m = Extractor::new().lang(Lang::En).mentions("$1.500").next().unwrap()?;
    /// assert_eq!(m.amount, Some("1.5".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lang(mut self, lang: Lang) -> Extractor {
        self.lang = Some(lang);
        self
    }

    /// The language every text is read in, if one was set.
    pub(crate) fn forced_lang(&self) -> Option<Lang> {
        self.lang
    }

    /// As [`Extractor::mentions`], for a paragraph of an article that
    /// starts at `(line, column)`, after the evidence of its earlier ones.
    pub(crate) fn mentions_in<'t>(
        &'t self,
        text: &'t str,
        prior: &'t [Earlier],
        (first_line, first_column): (u64, u64),
    ) -> Mentions<'t> {
        Mentions {
            extractor: self,
            text,
            pos: 0,
            seen: OnceCell::new(),
            prior,
            wider: RefCell::new(Vec::new()),
            marked: RefCell::new(None),
            first_line,
            cursor: RefCell::new(Cursor::new(first_line, first_column)),
            language: OnceCell::new(),
            carried: None,
            named: OnceCell::new(),
            found: None,
        }
    }
}

/// Finds the amounts in `text` with the default settings.
///
/// # Example
///
/// ```
/// let found: Vec<_> = figures::extract("€21bn ($24bn) for 21 billion people")
///     .collect::<Result<_, _>>()?;
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].currency_raw, "$");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract(text: &str) -> Mentions<'_> {
    static DEFAULT: Extractor = Extractor {
        assume: Vec::new(),
        local: None,
        lang: None,
    };
    DEFAULT.mentions(text)
}

/// The currencies a form allows, and what the evidence beyond the sentence
/// decided for them.
type WiderDecision = (Vec<Currency>, Option<(Currency, Evidence)>);

/// An iterator over the mentions in a text; see [`extract`].
///
/// # Example
///
/// ```
/// let amounts: Vec<String> = figures::extract("$4.50, then 50 cents")
///     .map(|m| m.map(|m| m.amount.unwrap().to_string()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(amounts, ["4.5", "0.5"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[must_use = "mentions are found only as the iterator is read"]
pub struct Mentions<'t> {
    extractor: &'t Extractor,
    text: &'t str,
    pos: usize,
    /// The evidence of this paragraph, found when a mention first needs it.
    seen: OnceCell<Vec<Seen>>,
    /// The evidence of earlier paragraphs of the article.
    prior: &'t [Earlier],
    /// What the paragraph, else the article, decided for a set of allowed currencies.
    wider: RefCell<Vec<WiderDecision>>,
    /// The first dollar written with its country (`A$`, `C$`, `HK$`) in this
    /// paragraph: where a writer marks the local dollar, a bare `$` is the US one.
    marked: RefCell<Option<Evidence>>,
    first_line: u64,
    /// Line and column of errors, found in one pass however many there are.
    cursor: RefCell<Cursor>,
    /// The paragraph's language, detected when a mention first needs it.
    language: OnceCell<Option<Lang>>,
    /// The language an earlier block of the same paragraph was detected in.
    carried: Option<Lang>,
    /// The currencies the evidence of the paragraph and the article so far
    /// names, sorted.
    named: OnceCell<CurrencySet>,
    /// Every place an amount may start in a stretch, found already by the
    /// reader's search for a quiet point.
    found: Option<&'t Listed>,
}

impl Iterator for Mentions<'_> {
    type Item = Result<Mention>;

    fn next(&mut self) -> Option<Result<Mention>> {
        while let Some(start) = self.next_candidate() {
            crate::work::add(start - self.pos + 1);
            let Some((end, built)) = self.try_at(start) else {
                self.pos = start + self.skipped(start);
                continue;
            };
            self.pos = end;
            if let Ok(m) = &built {
                self.mark_dollar(m);
            }
            return Some(built);
        }
        crate::work::add(self.text.len() - self.pos);
        self.pos = self.text.len();
        None
    }
}

impl<'t> Mentions<'t> {
    /// Uses `listed`, every place an amount may start in a stretch, as the
    /// reader's search for a quiet point found them, instead of scanning
    /// that stretch again.
    pub(crate) fn with_candidates(mut self, listed: &'t Listed) -> Self {
        self.found = Some(listed);
        self
    }

    /// Uses `seen`, the evidence of the text as [`evidence::scan`] finds
    /// it, found already.
    pub(crate) fn with_evidence(self, seen: Vec<Seen>) -> Self {
        let _ = self.seen.set(seen);
        self
    }

    /// The first place at or after `pos` an amount may start.
    fn next_candidate(&self) -> Option<usize> {
        match self.found {
            // Before the list, scanned up to it only; past the last one
            // listed, the scan goes on where the list ends.
            Some(l) if self.pos < l.to => {
                let before = (self.pos < l.from)
                    .then(|| next_candidate_before(self.text, self.pos, l.from))
                    .flatten();
                before.or_else(|| {
                    let at = l.at.partition_point(|&c| c < self.pos);
                    l.at.get(at)
                        .copied()
                        .or_else(|| next_candidate(self.text, l.to))
                })
            }
            _ => next_candidate(self.text, self.pos),
        }
    }

    /// Starts after the first token of the text: a chunk cut inside a
    /// word or number continues it, and its rest starts no amount.
    pub(crate) fn continuing(mut self) -> Self {
        self.pos = self
            .text
            .find(|c: char| c.is_whitespace())
            .unwrap_or(self.text.len());
        self
    }

    /// How far to move on from `start` where no amount starts. A number is
    /// passed whole: its later groups (`111` in `1 111 111`) are not the
    /// start of another amount, and trying each would take quadratic time.
    fn skipped(&self, start: usize) -> usize {
        let rest = &self.text[start..];
        match digits(rest) {
            Ok((after, _)) => rest.len() - after.len(),
            Err(_) => rest.chars().next().map_or(1, char::len_utf8),
        }
    }

    /// Reads this block in `lang`, detected in an earlier block of its
    /// paragraph, unless one of its scale words belongs to another language:
    /// a paragraph is detected once, however many blocks it is read in.
    pub(crate) fn carrying(mut self, lang: Option<Lang>) -> Self {
        self.carried = lang;
        self
    }

    /// The language to carry to the next block of the paragraph: the one
    /// this block was detected in when the detector was sure, else the
    /// one it was given.
    pub(crate) fn language_to_carry(&self) -> Option<Lang> {
        self.language.get().copied().flatten().or(self.carried)
    }

    /// The evidence found in this paragraph so far, and its marked dollar,
    /// to keep with it.
    pub(crate) fn into_evidence(self) -> ParagraphEvidence {
        (self.seen, self.marked.into_inner())
    }

    /// Notes a dollar written with its country, other than the US one.
    fn mark_dollar(&self, m: &Mention) {
        let marked = m.basis == Basis::Symbol
            && m.currency
                .is_some_and(|c| c != Currency::USD && c.name().ends_with("Dollar"))
            && m.currency_raw.ends_with('$')
            && m.currency_raw.len() > 1;
        let mut slot = self.marked.borrow_mut();
        if marked && slot.is_none() {
            let at = m.span.start;
            let breaks = lines::breaks(&self.text.as_bytes()[..at]);
            *slot = Some(Evidence {
                word: m.currency_raw.clone(),
                line: self.first_line + breaks,
            });
        }
    }

    /// The dollar marked earlier in this paragraph or the article.
    fn marked_dollar(&self) -> Option<Evidence> {
        let own = self.marked.borrow().clone();
        own.or_else(|| self.prior.iter().rev().find_map(|p| p.marked.clone()))
    }

    /// True when the paragraph or the article so far gives evidence of `c`
    /// (a place or people whose currency it is).
    fn mentioned(&self, c: Currency) -> bool {
        // The same for every mention of the paragraph: every currency its
        // evidence and the article's so far name, gathered once.
        let named = self.named.get_or_init(|| {
            let mut set = CurrencySet::new();
            let own = self.seen().iter().flat_map(Seen::currencies).copied();
            let earlier = self.prior.iter().flat_map(|p| p.named().iter().copied());
            for c in own.chain(earlier) {
                crate::work::add(1);
                set.insert(c);
            }
            set
        });
        named.contains(c)
    }

    /// The evidence of this paragraph, found once.
    fn seen(&self) -> &[Seen] {
        self.seen.get_or_init(|| evidence::scan(self.text))
    }

    /// The one currency of `allowed` that evidence points to, nearest scope
    /// first: the sentence, the paragraph, then the article so far. Two
    /// currencies in one scope decide nothing.
    fn evidenced(
        &self,
        allowed: &[Currency],
        sentence: &dyn Fn() -> Range<usize>,
    ) -> Option<(Currency, Evidence)> {
        if allowed.contains(&Currency::USD)
            && let Some(marked) = self.marked_dollar()
        {
            return Some((Currency::USD, marked));
        }
        let seen = self.seen();
        // The first word that decides is the one reported.
        let pick = |list: &[Seen]| {
            crate::work::add(list.len());
            evidence::decide(list.iter(), |s| s.currencies(), allowed)
                .map(|f| f.map(|(c, s)| (c, s.evidence(self.text, self.first_line))))
        };
        if !seen.is_empty() {
            let sentence = sentence();
            let from = seen.partition_point(|s| s.start < sentence.start);
            let to = from + seen[from..].partition_point(|s| s.end <= sentence.end);
            match pick(&seen[from..to]) {
                Ok(Some(found)) => return Some(found),
                Err(()) => return None,
                Ok(None) => {}
            }
        }
        // The paragraph and the article say the same for every mention of
        // this paragraph: each is read once per set of allowed currencies.
        let mut wider = self.wider.borrow_mut();
        if let Some((_, found)) = wider.iter().find(|(a, _)| a == allowed) {
            return found.clone();
        }
        let found = match pick(seen) {
            Ok(found) => found.or_else(|| {
                // Latest first, so that the latest word is the one reported.
                let earlier = self
                    .prior
                    .iter()
                    .rev()
                    .flat_map(|p| p.seen().iter().rev().map(move |s| (p, s)));
                let (c, (p, s)) =
                    evidence::decide(earlier, |(_, s)| s.currencies(), allowed).ok()??;
                Some((c, s.evidence(&p.text, p.line)))
            }),
            Err(()) => None,
        };
        wider.push((allowed.to_vec(), found.clone()));
        found
    }

    fn try_at(&self, start: usize) -> Option<(usize, Result<Mention>)> {
        // Most places are no amount from their first side on: the context
        // before is read only where one is.
        let first = side(&self.text[start..]).ok()?;
        if !may_start_mention(&self.text[start..], first) {
            return None;
        }
        let before = Before::of(&self.text[..start]);
        let joins = Joins {
            dash: true,
            // "rose $4.50 to $368.70", "rose from $1.2bn to $1.5bn": a move
            // between two amounts, not a range.
            to: !before.change,
            and: before.opens_range,
            or: true,
            cents_before_words: false,
        };
        let found = self.parse_at(start, first, &before, joins)?;
        // `15 dólares 50 você`: cents before more words, where the
        // paragraph's language writes them so.
        if let (end, Ok(m)) = &found
            && m.currency.is_some()
            && crate::grammar::amount::bare_cents_follow(&self.text[*end..])
            && self
                .language()
                .is_some_and(|l| l.lexicon().cents_before_words)
        {
            let joins = Joins {
                cents_before_words: true,
                ..joins
            };
            if let Some(again) = self.parse_at(start, first, &before, joins) {
                return Some(again);
            }
        }
        match &found {
            // "thirty - five dollars" is no range from 30 down to 5.
            (_, Ok(m)) if m.min > m.max && m.is_range() => {
                self.parse_at(start, first, &before, Joins::NONE)
            }
            _ => Some(found),
        }
    }

    /// The language the paragraph is read in: the extractor's, else the
    /// detected one, once per paragraph and only where a mention asks.
    fn language(&self) -> Option<Lang> {
        self.extractor
            .lang
            .or_else(|| match (self.language.get(), self.carried) {
                (Some(own), _) => *own,
                (None, Some(carried)) => Some(carried),
                (None, None) => self.detected(),
            })
    }

    fn detected(&self) -> Option<Lang> {
        *self
            .language
            .get_or_init(|| crate::detect::language(self.text))
    }

    /// A block carried in one language is detected on its own where a scale
    /// word is read so only in another (`Bio.`, `mil`): the block may
    /// quote that language.
    fn check_carried(&self, parsed: &Parsed<'_>) {
        let Some(carried) = self.carried.filter(|_| self.extractor.lang.is_none()) else {
            return;
        };
        let sides = std::iter::once(&parsed.first).chain(&parsed.second);
        if sides
            .filter_map(|s| s.quantity.scale)
            .any(|s| s.needs_language && s.lang != carried)
        {
            self.detected();
        }
    }

    /// The mention at `start` and its end.
    fn parse_at(
        &self,
        start: usize,
        first: (&'t str, Side<'t>),
        before: &Before<'_>,
        joins: Joins,
    ) -> Option<(usize, Result<Mention>)> {
        let text = self.text;
        let (rest, parsed) = mention_after(&text[start..], first, joins).ok()?;
        let end = text.len() - rest.len();
        self.check_carried(&parsed);
        if context::weight(before, &parsed)
            || context::unit_of_prices(before, &parsed)
            || context::goes_on_from(before, &parsed)
            || context::identifier(&parsed, before, rest, &|| {
                let at = start..end;
                context::in_words(&text[sentence(text, &at)])
            })
        {
            return None;
        }
        let (qualifier, span_start) = match before.lead() {
            Some((Lead::Qualifier(q), at)) => (Some(q), at),
            Some((Lead::Range, at)) if parsed.second.is_some() && !parsed.alternative => (None, at),
            _ => (None, start),
        };
        let span = span_start..end;
        // The sentence is found only for an ambiguous mention that asks.
        let nearby = |allowed: &[Currency]| self.evidenced(allowed, &|| sentence(text, &span));
        let mentioned = |c: Currency| self.mentioned(c);
        let english = || context::in_words(&text[sentence(text, &span)]);
        // `$ 5.000` is 5000 in a paragraph of a decimal-comma language.
        let language = || self.language();
        let words = Reading {
            english: &english,
            language: &language,
        };
        let built = match build(
            self.extractor,
            &parsed,
            qualifier,
            span.clone(),
            (&nearby, &mentioned),
            &words,
        ) {
            Some(Some(m)) => Ok(m),
            Some(None) => return None,
            None => {
                let kind = ErrorKind::Overflow {
                    text: crate::error::quoted(&text[span.clone()]),
                };
                let (line, column) = self.cursor.borrow_mut().at(text.as_bytes(), start);
                Err(Error::new(kind, Location::at(line, column, start as u64)))
            }
        };
        Some((end, built))
    }
}

fn build(
    ex: &Extractor,
    p: &Parsed<'_>,
    qualifier: Option<Qualifier>,
    span: Range<usize>,
    (nearby, mentioned): (&Nearby<'_>, &dyn Fn(Currency) -> bool),
    words: &Reading<'_>,
) -> Option<Option<Mention>> {
    let (read, foreign) = in_language(p, words.language);
    let p = &read;
    let settings = Settings {
        assume: &ex.assume,
        local: ex.local,
    };
    let decision = resolve::currency(&settings, p, nearby);
    if resolve::no_money(p, &decision) {
        return Some(None);
    }
    let (currency, basis, decided_by, evidence) = decision;
    let alternatives = match (basis, decided_by) {
        (Basis::Default, Some(t)) => t
            .candidates()
            .iter()
            .copied()
            .filter(|c| Some(*c) != currency && mentioned(*c))
            .collect(),
        _ => Vec::new(),
    };
    let currency_raw = decided_by.map_or(String::new(), |t| t.raw.trim().to_string());
    let unread = p
        .second
        .iter()
        .chain([&p.first])
        .find_map(|s| s.quantity.unread)
        .or(foreign)
        .map(|word| Unread::Word(word.to_string()));
    let (amount, min, max, precision) = match unread {
        Some(_) => (None, None, None, Decimal::ZERO),
        None => values(p, qualifier, currency, words)?,
    };
    Some(Some(Mention {
        span,
        amount: amount.map(|a| a.normalize()),
        min: min.map(|a| a.normalize()),
        max: max.map(|a| a.normalize()),
        currency,
        currency_raw,
        basis,
        qualifier,
        precision: precision.normalize(),
        unread,
        evidence,
        lang: [&p.first]
            .into_iter()
            .chain(&p.second)
            .find_map(|s| s.quantity.scale.map(|s| s.lang))
            .filter(|l| *l != Lang::En && foreign.is_none())
            .or_else(words.language)
            .unwrap_or_default(),
        alternatives,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn one(text: &str) -> Mention {
        let all: Vec<Mention> = extract(text).collect::<Result<_>>().unwrap();
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn code(m: &Mention) -> &str {
        m.currency.as_ref().map_or("", |c| c.as_str())
    }

    fn none(text: &str) {
        let all: Vec<Mention> = extract(text).collect::<Result<_>>().unwrap();
        assert!(all.is_empty(), "{text}: {all:?}");
    }

    #[test]
    fn seed_forms() {
        let m = one("pledges have surpassed €21 billion today");
        assert_eq!(
            (m.amount, code(&m), m.qualifier),
            (Some(dec!(21000000000)), "EUR", Some(Qualifier::Over))
        );
        assert_eq!(m.min, Some(dec!(21000000000)));
        let m = one("contributed about $21 billion in the first quarter of this year.");
        assert_eq!(
            (m.amount, code(&m), m.qualifier),
            (Some(dec!(21000000000)), "USD", Some(Qualifier::About))
        );
        let m = one("(USD 24 billion)");
        assert_eq!(
            (m.amount, code(&m), m.basis),
            (Some(dec!(24000000000)), "USD", Basis::Code)
        );
    }

    #[test]
    fn glued_codes_and_scales() {
        assert_eq!(one("USD34.6 million").amount, Some(dec!(34600000)));
        assert_eq!(one("EUR21bn").amount, Some(dec!(21000000000)));
        assert_eq!(one("a US$4.7 billion deal").amount, Some(dec!(4700000000)));
        assert_eq!(one("$3.5 tn").amount, Some(dec!(3500000000000)));
        assert_eq!(one("Rs 500 crore").amount, Some(dec!(5000000000)));
        assert_eq!(code(&one("Rs 500 crore")), "INR");
        assert_eq!(one("120 MEUR").amount, Some(dec!(120000000)));
    }

    #[test]
    fn words() {
        let m = one("twenty-one million euros");
        assert_eq!(
            (m.amount, code(&m), m.is_range()),
            (Some(dec!(21000000)), "EUR", false)
        );
        assert_eq!(one("half a billion dollars").amount, Some(dec!(500000000)));
    }

    #[test]
    fn ranges_fill_min_and_max() {
        let m = one("between $20 and $25 billion");
        assert_eq!(
            (m.amount, m.min, m.max),
            (None, Some(dec!(20000000000)), Some(dec!(25000000000)))
        );
        assert_eq!(m.span, 0..27);
        let m = one("$20-25 billion");
        assert_eq!(
            (m.min, m.max),
            (Some(dec!(20000000000)), Some(dec!(25000000000)))
        );
        let m = one("from 10 dollars to 20 dollars");
        assert_eq!(
            (m.min, m.max, code(&m)),
            (Some(dec!(10)), Some(dec!(20)), "USD")
        );
    }

    #[test]
    fn change_verbs_make_two_amounts() {
        let all: Vec<Mention> = extract("gold rose $4.50 to $368.70 an ounce")
            .collect::<Result<_>>()
            .unwrap();
        let amounts: Vec<_> = all.iter().map(|m| m.amount).collect();
        assert_eq!(amounts, vec![Some(dec!(4.5)), Some(dec!(368.7))]);
        assert!(one("prices from $4.50 to $6").is_range());
    }

    #[test]
    fn weights_are_not_money() {
        none("the boxer weighed 180 pounds");
        none("lose about 10 pounds fast");
        assert_eq!(one("she lost £10 on the bet").amount, Some(dec!(10)));
        assert_eq!(one("they paid 10 pounds").amount, Some(dec!(10)));
    }

    #[test]
    fn zero_decimal_and_decimal_comma_currencies_group_with_a_point() {
        assert_eq!(one("¥1.500").amount, Some(dec!(1500)));
        assert_eq!(one("1.500 Kč").amount, Some(dec!(1500)));
        assert_eq!(one("$1.500").amount, Some(dec!(1.5)));
    }

    #[test]
    fn scale_is_borrowed_only_where_it_fits() {
        let m = one("between $500,000 and $2 million");
        assert_eq!((m.min, m.max), (Some(dec!(500000)), Some(dec!(2000000))));
        let m = one("from $900 to $1.2 billion");
        assert_eq!((m.min, m.max), (Some(dec!(900)), Some(dec!(1200000000))));
        let m = one("$20-25 billion");
        assert_eq!(m.min, Some(dec!(20000000000)));
    }

    #[test]
    fn no_range_runs_downwards() {
        let m = one("thirty - five dollars").amount;
        assert_ne!(m, None);
    }

    #[test]
    fn minor_units_are_major() {
        let m = one("50 cents");
        assert_eq!((m.amount, code(&m)), (Some(dec!(0.5)), "USD"));
        assert_eq!(one("470 pence").amount, Some(dec!(4.7)));
        assert_eq!(one("5 dollars and 30 cents").amount, Some(dec!(5.3)));
        assert_eq!(one("3 GBP 1 pence").amount, Some(dec!(3.01)));
    }

    #[test]
    fn ambiguous_without_default_stays_empty() {
        let m = one("ten riyals");
        assert_eq!(
            (m.amount, m.currency, m.basis),
            (Some(dec!(10)), None, Basis::Ambiguous)
        );
        let m = one("100 kr");
        assert_eq!((m.currency, m.basis), (None, Basis::Ambiguous));
    }

    #[test]
    fn defaults_and_assume() {
        let m = one("$5");
        assert_eq!((code(&m), m.basis), ("USD", Basis::Default));
        let m = one("¥500");
        assert_eq!(code(&m), "JPY");
        let ex = Extractor::new().assume("$", Currency::lookup("CAD").unwrap());
        let m = ex.mentions("$5").next().unwrap().unwrap();
        assert_eq!((code(&m), m.basis), ("CAD", Basis::Assumed));
    }

    #[test]
    fn context_names_the_dollar() {
        let all: Vec<Mention> =
            extract("Ottawa, where the Canadian dollar fell, gave $5 million. Then $3.")
                .collect::<Result<_>>()
                .unwrap();
        assert_eq!((code(&all[0]), all[0].basis), ("CAD", Basis::Context));
        assert_eq!(code(&all[1]), "CAD", "another sentence of the paragraph");
        let all: Vec<Mention> = extract("Ottawa gave $5. Washington gave $3. Then $1.")
            .collect::<Result<_>>()
            .unwrap();
        let codes: Vec<&str> = all.iter().map(code).collect();
        assert_eq!(
            codes,
            ["CAD", "USD", "USD"],
            "the sentence first; two countries in the paragraph: the default"
        );
        assert_eq!(all[2].basis, Basis::Default);
        let all: Vec<Mention> = extract("US and Canadian banks lent $3.")
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!(all[0].basis, Basis::Default, "two countries: no context");
    }

    #[test]
    fn assume_wins_over_evidence_and_codes_over_both() {
        let ex = Extractor::new().assume("$", Currency::lookup("AUD").unwrap());
        let all: Vec<Mention> = ex
            .mentions("The Canadian dollar fell; Ottawa gave $5 and US$3.")
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!((code(&all[0]), all[0].basis), ("AUD", Basis::Assumed));
        assert_eq!((code(&all[1]), all[1].basis), ("USD", Basis::Symbol));
        let m = one("Pakistan's budget: Rs 40 billion.");
        assert_eq!((code(&m), m.basis), ("PKR", Basis::Context));
        assert_eq!(m.evidence.map(|e| e.word), Some("Pakistan".to_string()));
    }

    #[test]
    fn naira_needs_nigerian_evidence() {
        none("Take the N5 north.");
        let m = one("Nigeria will borrow N2.5 trillion.");
        assert_eq!((m.amount, code(&m)), (Some(dec!(2500000000000)), "NGN"));
    }

    #[test]
    fn no_false_alarms() {
        none("21 billion people");
        none("in 2025, 3% of the G7 and F-16s");
        none("thousands a week");
        none("the first quarter of this year");
        none("CNN 24 hours");
        none("ALL 5 solutions are wrong.");
    }

    #[test]
    fn mention_crosses_one_line_break_not_a_blank_line() {
        let m = one("pledged €21\nbillion");
        assert_eq!(m.amount, Some(dec!(21000000000)));
        let all: Vec<Mention> = extract("pledged €21\n\nbillion")
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!(all[0].amount, Some(dec!(21)));
    }

    #[test]
    fn spans_index_the_input() {
        let text = "Über €5 — and ₹1,00,000 or £1.3bn.";
        for m in extract(text) {
            let m = m.unwrap();
            assert!(text.get(m.span.clone()).is_some());
        }
    }

    #[test]
    fn overflow_is_an_error_with_its_place() {
        let text = "ok $1\nthen $99999999999999999999999999999999 trillion and $2";
        let all: Vec<Result<Mention>> = extract(text).collect();
        assert_eq!(all.len(), 3);
        let err = all[1].as_ref().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Overflow { .. }));
        assert_eq!(
            (err.location().line(), err.location().column()),
            (Some(2), Some(6))
        );
        assert_eq!(all[2].as_ref().unwrap().amount, Some(dec!(2)));
    }
}
