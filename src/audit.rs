//! Auditing a stated conversion against the reference rate, allowing for
//! the rounding of both written figures.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::Basis;
use crate::currency::Currency;
use crate::error::{Error, ErrorKind, Location};
use crate::extract::Mention;
use crate::rates::{Granularity, NoRate, RateSource, RateTable};

/// What the audit concluded about a pair.
///
/// # Example
///
/// ```
/// assert_eq!(figures::Verdict::NoRate.as_str(), "no_rate");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Verdict {
    /// The stated rate, within its rounding, meets the reference ± tolerance.
    Consistent,
    /// It meets it only thanks to the rounding of a figure written to one
    /// significant digit (`1 billion euro ($1.2 billion)`), and is off by
    /// more than the tolerance at face value.
    Loose,
    /// It does not.
    Inconsistent,
    /// No reference rate for these currencies on that date (see `reason`).
    NoRate,
    /// The pair cannot be audited: a range, a zero or negative figure, or an
    /// unknown currency (see `reason`).
    NotAudited,
}

impl Verdict {
    /// The name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::Verdict::Inconsistent.as_str(), "inconsistent");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Loose => "loose",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NoRate => "no_rate",
            Verdict::NotAudited => "not_audited",
        }
    }
}

/// The relative tolerance around the reference rate: `1%` or `0.01`.
///
/// # Example
///
/// ```
/// use figures::Tolerance;
/// let t: Tolerance = "2.5%".parse()?;
/// assert_eq!(t.fraction().to_string(), "0.025");
/// assert_eq!("0.01".parse::<Tolerance>()?, Tolerance::default());
/// assert!("-1%".parse::<Tolerance>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tolerance(Decimal);

impl Tolerance {
    /// The tolerance as a fraction (0.01 for 1%).
    ///
    /// # Example
    ///
    /// ```
    /// let t: figures::Tolerance = "1%".parse()?;
    /// assert_eq!(t.fraction(), rust_decimal::Decimal::new(1, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fraction(&self) -> Decimal {
        self.0
    }
}

impl Default for Tolerance {
    fn default() -> Tolerance {
        Tolerance(Decimal::new(1, 2))
    }
}

impl FromStr for Tolerance {
    type Err = Error;

    fn from_str(s: &str) -> Result<Tolerance, Error> {
        let s = s.trim();
        let (number, percent) = match s.strip_suffix('%') {
            Some(n) => (n.trim(), true),
            None => (s, false),
        };
        let value = Decimal::from_str_exact(number)
            .ok()
            .map(|v| if percent { v / Decimal::ONE_HUNDRED } else { v })
            .filter(|v| !v.is_sign_negative() && *v < Decimal::ONE);
        value.map(|v| Tolerance(v.normalize())).ok_or_else(|| {
            let text = crate::error::quoted(s);
            Error::new(ErrorKind::BadTolerance { text }, Location::default())
        })
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", (self.0 * Decimal::ONE_HUNDRED).normalize())
    }
}

/// How much a hedge (`about`, `nearly`) on either figure widens the
/// tolerance: one percentage point.
const HEDGE_WIDENING: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Where the date of an audit came from, in the order it is looked for.
///
/// # Example
///
/// ```
/// assert_eq!(figures::DateBasis::Text.as_str(), "text");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DateBasis {
    /// The article's own date, given with its text.
    Article,
    /// The date given for the whole run (`--date`).
    Given,
    /// A date written in the text: a label, a dateline or its head.
    Text,
    /// The rate table's last day, asked for (`--date latest`).
    Latest,
}

impl DateBasis {
    /// The name in the `date_basis` column.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::DateBasis::Latest.as_str(), "latest");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            DateBasis::Article => "article",
            DateBasis::Given => "given",
            DateBasis::Text => "text",
            DateBasis::Latest => "latest",
        }
    }
}

impl fmt::Display for DateBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a rate that is not of the day widens the tolerance: a weekly
/// rate (NBP table B) by one percentage point, a monthly one (HMRC, IMF) by
/// two.
///
/// Measured on the shared data (`data/README.md`, "Rate sources"): a
/// Wednesday rate held over its week is off the day's rate by a median of
/// 0.2-0.5 % and at the 90th percentile by 0.7-1.3 % for EUR, GBP, JPY,
/// UAH, INR per USD (2015-2026, NBP table A), and table B's own rounding
/// and noise add a few tenths; a monthly IMF average is off the day's ECB
/// rate by a median of 0.6 % and at the 90th percentile by 1.7-1.9 % (EUR,
/// GBP, JPY, CHF, 1999-2024), HMRC's month rate, set in advance, by 0.8-1.2
/// % and 2.3-3.9 %. One and two points cover nine tenths of the days of the
/// steady currencies; a devaluation inside a week or month is beyond any
/// fixed widening, and the note names the rate so a reader can tell.
fn widening(granularity: Granularity) -> Decimal {
    match granularity {
        Granularity::Daily => Decimal::ZERO,
        Granularity::Weekly => Decimal::from_parts(1, 0, 0, false, 2),
        Granularity::Monthly => Decimal::from_parts(2, 0, 0, false, 2),
    }
}

/// Why an audit concluded as it did, or what it assumed; each is a clause
/// of the `reason` column.
///
/// # Example
///
/// ```
/// use figures::{audit, extract, Note, RateTable, Tolerance};
/// let found: Vec<_> = extract("€21 billion ($24 billion)").collect::<Result<_, _>>()?;
/// let a = audit(&found[0], &found[1], RateTable::embedded(), Some("2025-04-13".parse()?), Tolerance::default());
/// let used = "2025-04-11".parse()?;
/// assert_eq!(a.notes, [Note::EarlierDay { date: "2025-04-13".parse()?, used }]);
/// assert_eq!(a.notes[0].to_string(), "no rates published on 2025-04-13: used 2025-04-11");
/// // The naira is in NBP's weekly table B: a wider tolerance, and a note.
/// let found: Vec<_> = extract("₦1.5 trillion ($970 million)").collect::<Result<_, _>>()?;
/// let a = audit(&found[0], &found[1], RateTable::embedded(), Some("2025-04-11".parse()?), Tolerance::default());
/// assert_eq!(a.reason().as_deref(), Some("weekly NBP table B rate: tolerance widened by 1%"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Note {
    /// One side is a range: not audited.
    Range,
    /// One side is zero or negative: not audited.
    NotPositive,
    /// One side has no known currency: not audited.
    UnknownCurrency,
    /// The amounts' quotient does not fit a decimal: not audited.
    TooFarApart,
    /// No date was given or found for the text: not audited, since the
    /// rate of another day could accuse a writer wrongly.
    NoDate,
    /// The table's last day was asked for (`--date latest`).
    Latest {
        /// The table's last day.
        used: Date,
    },
    /// The date was read from the text.
    DateInText {
        /// The 1-based line it was written on.
        line: u64,
        /// The date as written.
        text: String,
    },
    /// No rates were published on the date (a weekend, a holiday): an
    /// earlier day's were used.
    EarlierDay {
        /// The date asked.
        date: Date,
        /// The business day used.
        used: Date,
    },
    /// The table has no rate for the pair on the date.
    NoRate(NoRate),
    /// The reference rate is a weekly or monthly one (NBP table B, HMRC,
    /// IMF), not the day's: the tolerance was widened for it.
    Widened {
        /// Who published the rate.
        source: RateSource,
        /// How often.
        granularity: Granularity,
        /// By how much the tolerance was widened.
        by: Tolerance,
    },
    /// Consistent only within the rounding of a figure of one significant
    /// digit: at face value the stated rate is this far off.
    Loose {
        /// (stated / reference − 1) × 100 at face value.
        deviation_pct: Decimal,
    },
    /// An inconsistent pair meets the reference rate of an earlier day
    /// within two years: the writer may have copied an old conversion.
    MatchesEarlier {
        /// The nearest such day.
        date: Date,
        /// Who published that rate.
        source: RateSource,
    },
    /// An inconsistent pair fits when a side's default guess is read as
    /// another currency its form may mean, the one the article gives
    /// evidence of: that side is read so ([`Basis::Pair`](crate::Basis::Pair)).
    ReadAs {
        /// The side reread is the figure (else the conversion).
        figure: bool,
        /// The form as written (`$`).
        form: String,
        /// The currency it is read as.
        currency: Currency,
        /// The default guess.
        guess: Currency,
        /// How far off the pair is as guessed, in percent.
        deviation_pct: Decimal,
    },
    /// Several currencies a guessed form may mean make the pair fit: not
    /// audited.
    SeveralReadings {
        /// The form as written.
        form: String,
        /// The currencies that fit.
        currencies: Vec<Currency>,
    },
    /// An inconsistent pair's side was read by its form's default, and no
    /// other reading the text gives evidence of fits.
    Guess {
        /// The form as written.
        form: String,
        /// The default it was read as.
        guess: Currency,
        /// The other readings tried, which do not fit either.
        tried: Vec<Currency>,
    },
    /// The writer states a rate for the pair's two currencies elsewhere in
    /// the article; whether the pair's written figures allow it.
    WriterRate {
        /// That rate, in the direction of the stated rate.
        rate: Decimal,
        /// The line it is written on.
        line: u64,
        /// The figures allow it within the tolerance.
        agrees: bool,
    },
    /// Both sides are ranges, audited end by end; the figures shown are the
    /// worse end's.
    RangeEnds {
        /// The low ends' verdict.
        low: Verdict,
        /// The high ends' verdict.
        high: Verdict,
    },
    /// The rates the written figures allow miss the reference band.
    OutsideBand {
        /// The lowest stated rate the figures' rounding allows.
        low: Decimal,
        /// The highest; `None` when the figure rounds to zero.
        high: Option<Decimal>,
        /// The reference rate.
        reference: Decimal,
        /// The tolerance applied (widened for a hedge).
        tolerance: Tolerance,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Range => f.write_str("a range cannot be audited"),
            Note::NotPositive => f.write_str("a zero or negative amount cannot be audited"),
            Note::UnknownCurrency => f.write_str("the currency of one side is not known"),
            Note::TooFarApart => {
                f.write_str("the amounts are too far apart to compare in a decimal")
            }
            Note::NoDate => f.write_str("no date for this text"),
            Note::Latest { used } => write!(f, "dated by the table's last day, {used}"),
            Note::DateInText { line, text } => write!(f, "dated by line {line}: {text}"),
            Note::EarlierDay { date, used } => {
                write!(f, "no rates published on {date}: used {used}")
            }
            Note::NoRate(no) => no.fmt(f),
            Note::Widened {
                source,
                granularity,
                by,
            } => write!(
                f,
                "{granularity} {} rate: tolerance widened by {by}",
                source.short()
            ),
            Note::Loose { deviation_pct } => write!(
                f,
                "consistent only within the rounding of a one-digit figure: {deviation_pct}% off at face value"
            ),
            Note::MatchesEarlier { date, source } => {
                write!(f, "matches the {} rate of {date}", source.short())
            }
            Note::ReadAs {
                form,
                currency,
                guess,
                deviation_pct,
                ..
            } => write!(
                f,
                "consistent if {form} is {currency}; as {guess} it is {}% off",
                deviation_pct.abs()
            ),
            Note::SeveralReadings { form, currencies } => {
                let names: Vec<&str> = currencies.iter().map(Currency::as_str).collect();
                write!(
                    f,
                    "consistent if {form} is {}: not audited",
                    names.join(" or ")
                )
            }
            Note::Guess { form, guess, tried } if tried.is_empty() => write!(
                f,
                "{form} read as {guess} by default: the text names no other currency it may be"
            ),
            Note::Guess { form, guess, tried } => {
                let names: Vec<&str> = tried.iter().map(Currency::as_str).collect();
                write!(
                    f,
                    "{form} read as {guess} by default; as {} it does not fit either",
                    names.join(" or ")
                )
            }
            Note::WriterRate { rate, line, agrees } => write!(
                f,
                "the writer's rate of {rate} (line {line}) {}",
                if *agrees { "agrees" } else { "does not agree" }
            ),
            Note::RangeEnds { low, high } => write!(
                f,
                "range audited end by end: low ends {}, high ends {}",
                low.as_str(),
                high.as_str()
            ),
            Note::OutsideBand {
                low,
                high,
                reference,
                tolerance,
            } => {
                write!(f, "the written figures allow {low} to ")?;
                match high {
                    Some(h) => write!(f, "{h}")?,
                    None => f.write_str("unbounded")?,
                }
                write!(f, ", outside {reference} ± {tolerance}")
            }
        }
    }
}

/// The audit of one stated conversion.
///
/// # Example
///
/// ```
/// use figures::{audit, extract, RateTable, Tolerance};
/// let found: Vec<_> = extract("€21 billion ($24 billion)").collect::<Result<_, _>>()?;
/// let a = audit(&found[0], &found[1], RateTable::embedded(), Some("2025-04-11".parse()?), Tolerance::default());
/// assert_eq!(a.stated_rate.unwrap().to_string(), "1.14286");
/// assert_eq!((a.reference_rate.unwrap().to_string(), a.notes.len()), ("1.1346".into(), 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Audit {
    /// Conversion amount over figure amount: units of the conversion's
    /// currency per unit of the figure's.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub stated_rate: Option<Decimal>,
    /// The reference rate in the same direction.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub reference_rate: Option<Decimal>,
    /// The date whose reference rate was used ([`Rate::date`](crate::Rate::date)).
    pub rate_date: Option<Date>,
    /// Who published the reference rate.
    pub rate_source: Option<RateSource>,
    /// How often its table is published.
    pub rate_granularity: Option<Granularity>,
    /// The rate the writer states in the article (`$1 = 0.8651 euros`) for
    /// these two currencies, in the direction of `stated_rate`.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub writer_rate: Option<Decimal>,
    /// (stated / reference − 1) × 100, rounded to 2 decimals.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::serialize::option_decimal")
    )]
    pub deviation_pct: Option<Decimal>,
    /// The conclusion.
    pub verdict: Verdict,
    /// Where the audit's date came from; `None` when it had none.
    pub date_basis: Option<DateBasis>,
    /// Why, when the verdict or the date needs explaining; serialized as
    /// `reason`, the clauses joined as in [`Audit::reason`].
    #[cfg_attr(
        feature = "serde",
        serde(rename = "reason", serialize_with = "crate::serialize::notes")
    )]
    pub notes: Vec<Note>,
}

impl Audit {
    fn not_audited(note: Note) -> Audit {
        Audit {
            stated_rate: None,
            reference_rate: None,
            rate_date: None,
            rate_source: None,
            rate_granularity: None,
            writer_rate: None,
            deviation_pct: None,
            verdict: Verdict::NotAudited,
            date_basis: None,
            notes: vec![note],
        }
    }

    /// The notes as one text, `; ` between them; `None` when there are none.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{audit, extract, RateTable, Tolerance};
    /// let found: Vec<_> = extract("€21 billion ($24 billion)").collect::<Result<_, _>>()?;
    /// let a = audit(&found[0], &found[1], RateTable::embedded(), Some("2022-09-27".parse()?), Tolerance::default());
    /// assert_eq!(
    ///     a.reason().as_deref(),
    ///     Some("the written figures allow 1.09302 to 1.19512, outside 0.9644 ± 1%; \
    ///           matches the ECB rate of 2022-04-21; \
    ///           $ read as USD by default: the text names no other currency it may be")
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> Option<String> {
        self.reason_with(|n| n.to_string())
    }

    /// As [`Audit::reason`], with each note worded by `word`: for a front
    /// end that names its own options.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{audit, extract, Note, RateTable, Tolerance};
    /// let found: Vec<_> = extract("€1 ($1.14)").collect::<Result<_, _>>()?;
    /// let a = audit(&found[0], &found[1], RateTable::embedded(), None, Tolerance::default());
    /// let worded = a.reason_with(|n| match n {
    ///     Note::NoDate => "no date: give one with --date".to_string(),
    ///     other => other.to_string(),
    /// });
    /// assert_eq!(worded.as_deref(), Some("no date: give one with --date"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason_with(&self, word: impl Fn(&Note) -> String) -> Option<String> {
        joined(&self.notes, word)
    }
}

/// `notes` worded by `word`, `; ` between them; `None` when there are none.
pub(crate) fn joined(notes: &[Note], word: impl Fn(&Note) -> String) -> Option<String> {
    joined_texts(notes.iter().map(word))
}

/// Clauses of a `reason`, `; ` between them; `None` when there are none.
pub(crate) fn joined_texts(clauses: impl Iterator<Item = String>) -> Option<String> {
    let all: Vec<String> = clauses.collect();
    (!all.is_empty()).then(|| all.join("; "))
}

/// The interval a written amount stands for: ± half a unit in its last
/// written place (`24 billion` is 23.5 to 24.5 billion).
fn written_interval(m: &Mention, amount: Decimal) -> Option<(Decimal, Decimal)> {
    let half = m.precision / Decimal::TWO;
    Some((amount.checked_sub(half)?, amount.checked_add(half)?))
}

/// What the rounding of both figures allows for the stated rate, and the
/// deviation of the point rate from the reference;
/// `None` when the amounts are too far apart to compute in a decimal.
struct Comparison {
    stated_low: Decimal,
    /// `None`: a figure rounded to zero bounds nothing from above.
    stated_high: Option<Decimal>,
    deviation_pct: Decimal,
}

impl Comparison {
    /// The rates the figures allow meet `r` ± `t`.
    fn meets(&self, r: Decimal, t: Decimal) -> bool {
        let (Some(low), Some(high)) = (
            r.checked_mul(Decimal::ONE - t),
            r.checked_mul(Decimal::ONE + t),
        ) else {
            return false;
        };
        self.stated_low <= high && self.stated_high.is_none_or(|h| h >= low)
    }
}

fn compare(
    figure: &Mention,
    fig: Decimal,
    conversion: &Mention,
    conv: Decimal,
    stated: Decimal,
    r: Decimal,
) -> Option<Comparison> {
    let (fig_low, fig_high) = written_interval(figure, fig)?;
    let (conv_low, conv_high) = written_interval(conversion, conv)?;
    let stated_high = match fig_low > Decimal::ZERO {
        true => Some(conv_high.checked_div(fig_low)?),
        false => None,
    };
    Some(Comparison {
        stated_low: conv_low.checked_div(fig_high)?,
        stated_high,
        deviation_pct: (stated.checked_div(r)? - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED)?,
    })
}

/// Audits `conversion` as the stated equivalent of `figure` on `date`.
///
/// The stated rate may lie anywhere in [conv_low / fig_high, conv_high /
/// fig_low]; the pair is consistent when that interval meets
/// [ref × (1 − t), ref × (1 + t)], where t is the tolerance plus one point
/// when either figure is hedged (`about`, `nearly`), plus one point for a
/// weekly reference rate (NBP table B) or two for a monthly one (HMRC,
/// IMF), which [`Note::Widened`] says. A consistent pair is
/// [`Verdict::Loose`] when only a one-digit figure's rounding makes it so;
/// an inconsistent one names the nearest earlier day within two years whose
/// rate fits ([`Note::MatchesEarlier`]). Two ranges are audited end by end,
/// the worse end deciding ([`Note::RangeEnds`]); a date of `None` is no
/// verdict ([`Note::NoDate`]).
///
/// # Example
///
/// ```
/// use figures::{audit, extract, RateTable, Tolerance, Verdict};
/// let found: Vec<_> = extract("€21 billion ($24 billion)").collect::<Result<_, _>>()?;
/// let table = RateTable::embedded();
/// let a = audit(&found[0], &found[1], table, Some("2025-04-10".parse()?), Tolerance::default());
/// assert_eq!(a.verdict, Verdict::Consistent); // 1.1429 vs 1.1082, but 24/21 are rounded
/// assert_eq!(a.deviation_pct.unwrap().to_string(), "3.13");
/// let a = audit(&found[0], &found[1], table, Some("2022-09-27".parse()?), Tolerance::default());
/// assert_eq!(a.verdict, Verdict::Inconsistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn audit(
    figure: &Mention,
    conversion: &Mention,
    table: &RateTable,
    date: Option<Date>,
    tolerance: Tolerance,
) -> Audit {
    let at = |fig, conv| audit_values(figure, fig, conversion, conv, table, date, tolerance);
    match (figure.amount, conversion.amount) {
        (Some(fig), Some(conv)) => {
            let guessed = at(fig, conv);
            if guessed.verdict != Verdict::Inconsistent {
                return guessed;
            }
            reread(figure, conversion, guessed, |f, c| {
                audit_values(f, fig, c, conv, table, date, tolerance)
            })
        }
        (None, None) if figure.is_range() && conversion.is_range() => {
            let ends = |m: &Mention| m.min.zip(m.max);
            let (Some((fig_lo, fig_hi)), Some((conv_lo, conv_hi))) =
                (ends(figure), ends(conversion))
            else {
                return Audit::not_audited(Note::Range);
            };
            let (low, high) = (at(fig_lo, conv_lo), at(fig_hi, conv_hi));
            let note = Note::RangeEnds {
                low: low.verdict,
                high: high.verdict,
            };
            let mut worse = if severity(high.verdict) > severity(low.verdict) {
                high
            } else {
                low
            };
            worse.notes.push(note);
            worse
        }
        _ => Audit::not_audited(Note::Range),
    }
}

/// An inconsistent pair, audited again with each side read by its default
/// (`$` as USD) read instead as each other currency its form may mean that
/// the article gives evidence of: one that fits is taken, several leave no
/// verdict, none leaves the guess standing, as the notes say.
fn reread(
    figure: &Mention,
    conversion: &Mention,
    guessed: Audit,
    again: impl Fn(&Mention, &Mention) -> Audit,
) -> Audit {
    let mut fits = Vec::new();
    let mut guesses = Vec::new();
    for (is_figure, side) in [(true, figure), (false, conversion)] {
        let (Basis::Default, Some(guess)) = (side.basis, side.currency) else {
            continue;
        };
        guesses.push(Note::Guess {
            form: side.currency_raw.clone(),
            guess,
            tried: side.alternatives.clone(),
        });
        for &c in &side.alternatives {
            let other = Mention {
                currency: Some(c),
                ..side.clone()
            };
            let a = match is_figure {
                true => again(&other, conversion),
                false => again(figure, &other),
            };
            if matches!(a.verdict, Verdict::Consistent | Verdict::Loose) {
                fits.push((is_figure, side, c, guess, a));
            }
        }
    }
    match fits.len() {
        0 => Audit {
            notes: guessed.notes.into_iter().chain(guesses).collect(),
            ..guessed
        },
        1 => {
            let (figure, side, currency, guess, mut a) = fits.remove(0);
            a.notes.push(Note::ReadAs {
                figure,
                form: side.currency_raw.clone(),
                currency,
                guess,
                deviation_pct: guessed.deviation_pct.unwrap_or_default(),
            });
            a
        }
        _ => Audit {
            stated_rate: guessed.stated_rate,
            date_basis: guessed.date_basis,
            ..Audit::not_audited(Note::SeveralReadings {
                form: fits[0].1.currency_raw.clone(),
                currencies: fits.iter().map(|f| f.2).collect(),
            })
        },
    }
}

/// Whether the written figures of a pair allow `rate` (units of the
/// conversion's currency per unit of the figure's) within `tolerance`.
pub(crate) fn allows(
    figure: &Mention,
    conversion: &Mention,
    rate: Decimal,
    tolerance: Tolerance,
) -> Option<bool> {
    let (fig, conv) = (figure.amount?, conversion.amount?);
    let c = compare(figure, fig, conversion, conv, conv.checked_div(fig)?, rate)?;
    Some(c.meets(rate, tolerance.fraction()))
}

/// How bad a verdict is, for the worse of a range's two ends.
fn severity(v: Verdict) -> u8 {
    match v {
        Verdict::Consistent => 0,
        Verdict::Loose => 1,
        Verdict::Inconsistent => 2,
        Verdict::NoRate | Verdict::NotAudited => 3,
    }
}

/// The value `v` of `m` is written to one significant digit (`1 billion`,
/// `$5`): its rounding allows a third of its value or more.
fn one_digit(m: &Mention, v: Decimal) -> bool {
    m.precision > Decimal::ZERO && v.abs() < m.precision * Decimal::TEN
}

/// The nearest earlier day, within two years of `date`, whose rate
/// `within` accepts, and who published it.
fn earlier_match(
    table: &RateTable,
    (from, to): (Currency, Currency),
    date: Date,
    within: impl Fn(Decimal) -> bool,
) -> Option<(Date, RateSource)> {
    let floor = date.checked_sub(jiff::Span::new().years(2)).ok()?;
    let mut day = date.yesterday().ok()?;
    while day >= floor {
        day = match table.rate(from, to, day) {
            Ok(rate) if within(rate.value) => return Some((rate.date, rate.source)),
            // Past the day the rate is of: each rate is tried once.
            Ok(rate) => rate.date.yesterday().ok()?,
            Err(_) => day.yesterday().ok()?,
        };
    }
    None
}

/// [`audit`] of one figure value and one conversion value.
fn audit_values(
    figure: &Mention,
    fig: Decimal,
    conversion: &Mention,
    conv: Decimal,
    table: &RateTable,
    date: Option<Date>,
    tolerance: Tolerance,
) -> Audit {
    if fig <= Decimal::ZERO || conv <= Decimal::ZERO {
        return Audit::not_audited(Note::NotPositive);
    }
    let (Some(from), Some(to)) = (figure.currency, conversion.currency) else {
        return Audit::not_audited(Note::UnknownCurrency);
    };
    let Some(stated) = conv.checked_div(fig) else {
        return Audit::not_audited(Note::TooFarApart);
    };
    let Some(date) = date else {
        return Audit {
            stated_rate: Some(significant(stated)),
            ..Audit::not_audited(Note::NoDate)
        };
    };
    let reference = match table.rate(from, to, date) {
        Ok(r) => r,
        Err(no) => {
            return Audit {
                stated_rate: Some(significant(stated)),
                verdict: Verdict::NoRate,
                date_basis: Some(DateBasis::Given),
                ..Audit::not_audited(Note::NoRate(no))
            };
        }
    };
    let mut notes = Vec::new();
    // A weekly or monthly rate is of its table's day or month, not an
    // earlier day's: its note says so instead.
    if reference.date != date && reference.granularity == Granularity::Daily {
        notes.push(Note::EarlierDay {
            date,
            used: reference.date,
        });
    }
    let r = reference.value;
    let mut t = tolerance.fraction();
    if [figure, conversion]
        .iter()
        .any(|m| m.qualifier.is_some_and(|q| q.is_hedge()))
    {
        t += HEDGE_WIDENING;
    }
    let widened = widening(reference.granularity);
    if !widened.is_zero() {
        t += widened;
        notes.push(Note::Widened {
            source: reference.source,
            granularity: reference.granularity,
            by: Tolerance(widened),
        });
    }
    let Some(c) = compare(figure, fig, conversion, conv, stated, r) else {
        return Audit::not_audited(Note::TooFarApart);
    };
    let within = |r: Decimal| c.meets(r, t);
    let face_off = c.deviation_pct.abs() > t * Decimal::ONE_HUNDRED;
    let verdict = if !within(r) {
        Verdict::Inconsistent
    } else if face_off && (one_digit(figure, fig) || one_digit(conversion, conv)) {
        Verdict::Loose
    } else {
        Verdict::Consistent
    };
    let deviation_pct = c.deviation_pct.round_dp(2).normalize();
    match verdict {
        Verdict::Inconsistent => {
            notes.push(Note::OutsideBand {
                low: significant(c.stated_low),
                high: c.stated_high.map(significant),
                reference: significant(r),
                tolerance: Tolerance(t),
            });
            if let Some((date, source)) = earlier_match(table, (from, to), date, within) {
                notes.push(Note::MatchesEarlier { date, source });
            }
        }
        Verdict::Loose => notes.push(Note::Loose { deviation_pct }),
        _ => {}
    }
    Audit {
        stated_rate: Some(significant(stated)),
        reference_rate: Some(significant(r)),
        rate_date: Some(reference.date),
        rate_source: Some(reference.source),
        rate_granularity: Some(reference.granularity),
        writer_rate: None,
        deviation_pct: Some(deviation_pct),
        verdict,
        date_basis: Some(DateBasis::Given),
        notes,
    }
}

/// Six significant digits, without trailing zeros.
pub(crate) fn significant(d: Decimal) -> Decimal {
    d.round_sf(6).unwrap_or(d).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use rust_decimal_macros::dec;

    fn pair(text: &str) -> (Mention, Mention) {
        let v: Vec<Mention> = extract(text).collect::<crate::Result<_>>().unwrap();
        (v[0].clone(), v[1].clone())
    }

    fn run(text: &str, date: &str) -> Audit {
        let (f, c) = pair(text);
        audit(
            &f,
            &c,
            RateTable::embedded(),
            Some(date.parse().unwrap()),
            Tolerance::default(),
        )
    }

    #[test]
    fn seed_dates() {
        let a = run("€21 billion ($24 billion)", "2025-04-11");
        assert_eq!(a.verdict, Verdict::Consistent);
        assert_eq!(a.stated_rate, Some(dec!(1.14286)));
        assert_eq!(a.reference_rate, Some(dec!(1.1346)));
        assert_eq!(a.deviation_pct, Some(dec!(0.73)));
        assert_eq!(
            run("€21 billion ($24 billion)", "2025-04-10").verdict,
            Verdict::Consistent
        );
        assert_eq!(
            run("€21 billion ($24 billion)", "2022-09-27").verdict,
            Verdict::Inconsistent
        );
    }

    #[test]
    fn precise_figures_leave_no_room() {
        // 21.00 and 24.00 billion allow only 1.1423 to 1.1434: off by 3% on 2025-04-10.
        assert_eq!(
            run("€21.00 billion ($24.00 billion)", "2025-04-10").verdict,
            Verdict::Inconsistent
        );
    }

    #[test]
    fn hedge_widens_by_one_point() {
        // 1.1346 * 1.02 = 1.1573; 1.16 (exact figures) is outside 1% but inside 2%.
        assert_eq!(
            run("€100.00 ($116.00)", "2025-04-11").verdict,
            Verdict::Inconsistent
        );
        assert_eq!(
            run("€100.00 (about $116.00)", "2025-04-11").verdict,
            Verdict::Inconsistent
        );
        assert_eq!(
            run("€100.00 (about $115.50)", "2025-04-11").verdict,
            Verdict::Consistent
        );
        assert_eq!(
            run("€100.00 ($115.50)", "2025-04-11").verdict,
            Verdict::Inconsistent
        );
    }

    #[test]
    fn weekend_date_says_which_day() {
        let a = run("€21 billion ($24 billion)", "2025-04-13");
        assert_eq!(a.rate_date, Some("2025-04-11".parse().unwrap()));
        assert!(a.reason().unwrap().contains("used 2025-04-11"));
    }

    #[test]
    fn no_date_is_no_verdict() {
        let (f, c) = pair("€21 billion ($24 billion)");
        let a = audit(&f, &c, RateTable::embedded(), None, Tolerance::default());
        assert_eq!(
            (a.verdict, a.rate_date, a.date_basis),
            (Verdict::NotAudited, None, None)
        );
        assert_eq!(a.stated_rate, Some(dec!(1.14286)));
        assert_eq!(a.notes, [Note::NoDate]);
        assert_eq!(a.reason().as_deref(), Some("no date for this text"));
    }

    #[test]
    fn not_audited_and_no_rate() {
        assert_eq!(
            run("€20-25 billion ($24 billion)", "2025-04-11").verdict,
            Verdict::NotAudited
        );
        assert_eq!(run("€0 ($0)", "2025-04-11").verdict, Verdict::NotAudited);
        let (f, c) = pair("₴100 ($2.40)");
        let day = Some("2025-04-11".parse().unwrap());
        let a = audit(&f, &c, RateTable::ecb(), day, Tolerance::default());
        assert_eq!(a.verdict, Verdict::NoRate);
        assert!(a.reason().unwrap().contains("no UAH rate"));
        assert_eq!((a.rate_source, a.rate_granularity), (None, None));
        let a = run("₴100 ($2.40)", "2031-04-11");
        assert_eq!(a.verdict, Verdict::NoRate);
        assert_eq!(
            a.reason().as_deref(),
            Some("no UAH to USD rate for 2031-04-11 in the ECB, NBP, HMRC or IMF tables")
        );
    }

    // See: issue #11. `1.548 trillion hryvnias ($14.84 billion)` states 104
    // UAH per USD; NBP's table A of the day has 41.4.
    #[test]
    fn issue_11_uah_audited_at_nbp_table_a() {
        let a = run("1.548 trillion hryvnias ($14.84 billion)", "2025-04-10");
        assert_eq!(a.verdict, Verdict::Inconsistent);
        assert_eq!(a.reference_rate, Some(dec!(0.0241478)));
        assert_eq!(
            (a.rate_source, a.rate_granularity),
            (Some(RateSource::NbpA), Some(Granularity::Daily))
        );
        // A daily rate widens nothing.
        assert!(
            matches!(a.notes[..], [Note::OutsideBand { tolerance, .. }, Note::Guess { .. }] if tolerance == Tolerance::default())
        );
        let a = run("1.548 trillion hryvnias ($37.4 billion)", "2025-04-10");
        assert_eq!(a.verdict, Verdict::Consistent);
        assert!(a.notes.is_empty());
    }

    #[test]
    fn a_guessed_dollar_is_tried_as_the_dollars_the_text_names() {
        let table = RateTable::from_csv("Date,USD,CAD,AUD,\n2025-04-11,1.1,1.5,1.7,\n").unwrap();
        let day = Some("2025-04-11".parse().unwrap());
        let both = |text: &str| {
            let found: Vec<Mention> = extract(text).collect::<crate::Result<_>>().unwrap();
            let (f, c) = (&found[found.len() - 2], &found[found.len() - 1]);
            (
                c.alternatives.clone(),
                audit(f, c, &table, day, Tolerance::default()),
            )
        };
        // Canada and Australia both named: `$` stays the default guess.
        let (alternatives, a) = both("Canada and Australia gave. €100 million ($150 million)");
        assert_eq!(
            alternatives,
            [Currency::from_str("AUD").unwrap(), "CAD".parse().unwrap()]
        );
        assert_eq!(a.verdict, Verdict::Consistent);
        assert_eq!(
            a.notes.last().map(ToString::to_string).as_deref(),
            Some("consistent if $ is CAD; as USD it is 36.36% off")
        );
        // Two readings fit: no verdict.
        let table2 = RateTable::from_csv("Date,USD,CAD,AUD,\n2025-04-11,1.1,1.5,1.5,\n").unwrap();
        let found: Vec<Mention> = extract("Canada and Australia gave. €100 million ($150 million)")
            .collect::<crate::Result<_>>()
            .unwrap();
        let a = audit(&found[0], &found[1], &table2, day, Tolerance::default());
        assert_eq!(a.verdict, Verdict::NotAudited);
        assert_eq!(
            a.reason().as_deref(),
            Some("consistent if $ is AUD or CAD: not audited")
        );
        // Nothing else named: the guess stands, and the reason says so.
        let (_, a) = both("The fund got €100 million ($150 million)");
        assert_eq!(a.verdict, Verdict::Inconsistent);
        assert!(
            a.reason()
                .unwrap()
                .ends_with("$ read as USD by default: the text names no other currency it may be")
        );
        // Named, but not fitting.
        let (_, a) = both("Canada and Australia gave. €100 million ($120 million)");
        let reason = a.reason().unwrap();
        assert!(
            reason.ends_with("as AUD or CAD it does not fit either"),
            "{reason}"
        );
    }

    #[test]
    fn loose_when_only_a_one_digit_figure_rescues_it() {
        // EUR/USD 1.1346 on 2025-04-11: 1.2 is 5.8% off, but `1 billion`
        // may be anything from 0.5 to 1.5 billion.
        let a = run("1 billion euro ($1.2 billion)", "2025-04-11");
        assert_eq!(a.verdict, Verdict::Loose);
        assert_eq!(
            a.reason().as_deref(),
            Some(
                "consistent only within the rounding of a one-digit figure: 5.76% off at face value"
            )
        );
        // Two digits each (`seed_dates`, 2025-04-10) stay consistent.
        // One digit, but on the rate at face value: consistent.
        assert_eq!(
            run("€1 billion ($1.13 billion)", "2025-04-11").verdict,
            Verdict::Consistent
        );
    }

    #[test]
    fn ranges_are_audited_end_by_end() {
        // CHF/USD 2025-04-11: 1.1346 / 0.9303 = 1.2196.
        let a = run(
            "150 to 200 billion Swiss francs ($183-$244 billion)",
            "2025-04-11",
        );
        assert_eq!(a.verdict, Verdict::Consistent, "{:?}", a.reason());
        assert_eq!(
            a.notes.last().map(ToString::to_string).as_deref(),
            Some("range audited end by end: low ends consistent, high ends consistent")
        );
        let a = run(
            "150 to 200 billion Swiss francs ($183-$213 billion)",
            "2025-04-11",
        );
        assert_eq!(a.verdict, Verdict::Inconsistent);
        assert_eq!(a.stated_rate, Some(dec!(1.065)), "the worse end is shown");
        assert!(
            a.reason()
                .unwrap()
                .ends_with("low ends consistent, high ends inconsistent")
        );
        assert_eq!(
            run("€20-25 billion ($24 billion)", "2025-04-11").verdict,
            Verdict::NotAudited
        );
    }

    #[test]
    fn an_old_rate_that_fits_is_named() {
        // 24/21 = 1.1429 is far from 2022-09-27's 0.9644; EUR/USD was last
        // near 1.14 in early 2022.
        let a = run("€21.0 billion ($24.0 billion)", "2022-09-27");
        assert_eq!(a.verdict, Verdict::Inconsistent);
        let Some(Note::MatchesEarlier { date, source }) = a.notes.get(1) else {
            panic!("{:?}", a.notes)
        };
        assert_eq!(*source, RateSource::Ecb);
        let r = RateTable::embedded()
            .rate(Currency::EUR, "USD".parse().unwrap(), *date)
            .unwrap();
        assert!(
            (r.value - dec!(1.14286)).abs() <= r.value * dec!(0.01) + dec!(0.006),
            "{r:?}"
        );
        assert!(*date < "2022-09-27".parse().unwrap() && *date >= "2020-09-27".parse().unwrap());
        // Nothing within two years fits: no such note.
        let a = run("€21.0 billion ($40.0 billion)", "2022-09-27");
        assert!(
            !a.notes
                .iter()
                .any(|n| matches!(n, Note::MatchesEarlier { .. }))
        );
    }

    #[test]
    fn weekly_widens_by_one_point_monthly_by_two() {
        // NGN per USD of table B 2025-04-09: 3.8828 / 0.002499 = 1553.74;
        // 1.5 trillion / 1553.74 = 965.4 million, stated 990.00 (+2.5%).
        let a = run("₦1,500,000,000,000 ($990,000,000)", "2025-04-11");
        assert_eq!(a.verdict, Verdict::Inconsistent);
        assert_eq!(
            a.notes[0],
            Note::Widened {
                source: RateSource::NbpB,
                granularity: Granularity::Weekly,
                by: "1%".parse().unwrap(),
            }
        );
        assert!(a.reason().unwrap().contains("± 2%"), "{:?}", a.reason());
        assert_eq!(a.rate_date, Some("2025-04-09".parse().unwrap()));
        let a = run("₦1,500,000,000,000 ($980,000,000)", "2025-04-11");
        assert_eq!(a.verdict, Verdict::Consistent, "+1.5%: inside 1% + 1%");
        // HMRC November 2026: 60.3056 / 1.3396 = 45.0176 UAH per USD.
        let a = run("4,500,000,000 hryvnias ($102,000,000)", "2026-11-10");
        assert_eq!(a.verdict, Verdict::Consistent, "+2.0%: inside 1% + 2%");
        assert_eq!(
            a.reason().as_deref(),
            Some("monthly HMRC rate: tolerance widened by 2%")
        );
        assert_eq!(a.rate_date, Some("2026-11-01".parse().unwrap()));
        let a = run("4,500,000,000 hryvnias ($104,000,000)", "2026-11-10");
        assert_eq!(a.verdict, Verdict::Inconsistent);
    }

    #[test]
    fn extreme_amounts_are_not_audited_never_a_panic() {
        let a = run(
            "€0.000000001 ($9,000,000,000,000,000,000,000,000)",
            "2025-04-11",
        );
        assert_eq!(a.verdict, Verdict::NotAudited);
        let a = run("€79228162514264337593543950335 ($1)", "2025-04-11");
        assert_eq!(a.verdict, Verdict::NotAudited);
    }

    #[test]
    fn tolerance_parsing() {
        assert_eq!("1%".parse::<Tolerance>().unwrap().fraction(), dec!(0.01));
        assert_eq!("0.05".parse::<Tolerance>().unwrap().fraction(), dec!(0.05));
        assert!("150%".parse::<Tolerance>().is_err());
        assert!("abc".parse::<Tolerance>().is_err());
    }
}
