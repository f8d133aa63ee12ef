//! Domain values of a mention: its qualifier, how its currency was
//! decided, why it is unread. Its numbers are decoded in `decode`.

use std::fmt;

/// A word that bounds or hedges an amount, in canonical form.
///
/// # Example
///
/// ```
/// use figures::Qualifier;
/// assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
/// assert_eq!(Qualifier::Over.to_string(), "over");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Qualifier {
    /// about, around, approximately, roughly, some, circa, ~
    About,
    /// nearly, almost, close to, just under
    Nearly,
    /// over, more than, above, exceeding, in excess of, upwards of
    Over,
    /// at least, no less than
    AtLeast,
    /// under, less than, below
    Under,
    /// up to, at most, no more than, as much as
    UpTo,
}

impl Qualifier {
    /// The canonical name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// let m = figures::extract("up to $5").next().unwrap()?;
    /// assert_eq!(m.qualifier.map(|q| q.as_str()), Some("up_to"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::Under => "under",
            Qualifier::UpTo => "up_to",
        }
    }

    /// A hedge (`about`, `nearly`) rather than a bound.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::Qualifier;
    /// assert!(Qualifier::Nearly.is_hedge());
    /// assert!(!Qualifier::AtLeast.is_hedge());
    /// ```
    pub fn is_hedge(&self) -> bool {
        matches!(self, Qualifier::About | Qualifier::Nearly)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a mention's currency was decided.
///
/// # Example
///
/// ```
/// let m = figures::extract("It cost $5.").next().unwrap()?;
/// assert_eq!(m.basis, figures::Basis::Default);
/// assert_eq!(m.basis.as_str(), "default");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Basis {
    /// A symbol that names one currency (`€`, `US$`).
    Symbol,
    /// An ISO 4217 code (`USD`).
    Code,
    /// A name (`euros`, `Swiss francs`, `pence`).
    Name,
    /// An ambiguous form read as the user said with `--assume`.
    Assumed,
    /// An ambiguous form read by the country named nearby (`Canadian`).
    Context,
    /// An ambiguous form read by the `--locale` region's currency.
    Locale,
    /// An ambiguous form read as its documented default (`$` is USD).
    Default,
    /// An ambiguous form with no default (`kr`, `riyals`): no currency.
    Ambiguous,
    /// An ambiguous form read as the one currency, among those the article
    /// gives evidence of, at which its stated conversion fits.
    Pair,
}

impl Basis {
    /// The name written in output.
    ///
    /// # Example
    ///
    /// ```
    /// let m = figures::extract("USD 24 billion").next().unwrap()?;
    /// assert_eq!(m.basis.as_str(), "code");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Basis::Symbol => "symbol",
            Basis::Code => "code",
            Basis::Name => "name",
            Basis::Assumed => "assumed",
            Basis::Context => "context",
            Basis::Locale => "locale",
            Basis::Default => "default",
            Basis::Ambiguous => "ambiguous",
            Basis::Pair => "pair",
        }
    }
}

/// Why a mention was seen but not read: it has no amount, `min` or `max`.
///
/// # Example
///
/// ```
/// use figures::Unread;
/// let m = figures::extract("a $7-zillion idea").next().unwrap()?;
/// assert_eq!(m.amount, None);
/// assert_eq!(m.unread, Some(Unread::Word("zillion".into())));
/// assert_eq!(m.unread.unwrap().to_string(), "unread word 'zillion' after the number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Unread {
    /// A scale word of a language not read here, joined to the number
    /// (`280 milionów`, `$7-zillion`).
    Word(String),
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::Word(w) => write!(f, "unread word '{w}' after the number"),
        }
    }
}
