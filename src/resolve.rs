//! Which currency a mention names, decided in one function, [`currency`],
//! from the tokens the grammar read and what the article says around them.
//!
//! The precedence, highest first:
//!
//! 1. a code, a symbol or name that names one currency, or a country inside
//!    the amount (`USD`, `US$`, `€`, `Canadian dollars`);
//! 2. `--assume FORM=CODE` for the form as written;
//! 3. evidence of the article (a place, a people, an institution) for a
//!    form read by evidence (`$`, `Rs`, `kr`, `Sh`, `shillings`, `pesos`,
//!    `N`...): in the sentence, else the paragraph, else the article so far;
//! 4. the `--locale` region's currency, when the form can mean it;
//! 5. the form's documented default, else no currency (`ambiguous`).
//!
//! A form that is money only with evidence (`N`, `P`) has no step 4 or 5.

use crate::amount::Basis;
use crate::currency::{Currency, FormKind, TABLE};
use crate::evidence::Evidence;
use crate::grammar::amount::Parsed;
use crate::grammar::currency::{Cur, CurRef};
use crate::lang;

/// What the caller set for ambiguous forms.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Settings<'s> {
    /// `--assume FORM=CODE`: a form as written and the currency it means.
    pub assume: &'s [(String, Currency)],
    /// The `--locale` region's currency.
    pub local: Option<Currency>,
}

/// Whether the form a token was read as is decided by evidence, the name
/// its evidenced currencies share, and whether it is money only so (`N`).
fn read_by_evidence(t: &Cur<'_>) -> Option<(&'static str, bool)> {
    match t.what {
        CurRef::Form(id) => lang::en::evidence_form(TABLE.forms[id].text),
        CurRef::Code(_) => None,
    }
}

/// What evidence of the article says, for the currencies a form allows.
pub(crate) type Nearby<'n> = dyn Fn(&[Currency]) -> Option<(Currency, Evidence)> + 'n;

/// How a mention's currency was decided: the currency, the basis, the
/// token that decided it and, for [`Basis::Context`], the evidence.
pub(crate) type Decision<'a> = (Option<Currency>, Basis, Option<Cur<'a>>, Option<Evidence>);

/// The currency a parsed mention names, by the precedence of this module.
pub(crate) fn currency<'a>(
    settings: &Settings<'_>,
    p: &Parsed<'a>,
    nearby: &Nearby<'_>,
) -> Decision<'a> {
    let sides = std::iter::once(&p.first).chain(&p.second);
    let tokens: Vec<Cur<'a>> = sides
        .flat_map(|s| s.prefix.into_iter().chain(s.suffix))
        .collect();
    decide(settings, &tokens, nearby)
}

fn decide<'a>(settings: &Settings<'_>, tokens: &[Cur<'a>], nearby: &Nearby<'_>) -> Decision<'a> {
    if let Some(t) = tokens.iter().find(|t| matches!(t.what, CurRef::Code(_))) {
        return (t.candidates().first().copied(), Basis::Code, Some(*t), None);
    }
    // A form that is money only with evidence (`N`) is never definite.
    let needs_evidence = |t: &Cur<'_>| read_by_evidence(t).is_some_and(|e| e.1);
    for t in tokens.iter().filter(|t| !needs_evidence(t)) {
        if let CurRef::Form(id) = t.what {
            let form = &TABLE.forms[id];
            if let Some(c) = form.definite() {
                let basis = if form.kind == FormKind::Symbol {
                    Basis::Symbol
                } else {
                    Basis::Name
                };
                return (Some(c), basis, Some(*t), None);
            }
        }
    }
    let Some(first) = tokens.first().copied() else {
        return (None, Basis::Ambiguous, None, None);
    };
    // Every token may narrow the reading: "$ 10 dollars" is still a dollar.
    let shared: Vec<Currency> = first
        .candidates()
        .iter()
        .copied()
        .filter(|c| tokens.iter().all(|t| t.candidates().contains(c)))
        .collect();
    if let [only] = shared[..]
        && !needs_evidence(&first)
    {
        return (Some(only), Basis::Name, Some(first), None);
    }
    for t in tokens {
        let raw = t.raw.trim();
        if let Some((_, c)) = settings
            .assume
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(raw))
        {
            return (Some(*c), Basis::Assumed, Some(*t), None);
        }
    }
    if let Some((noun, _)) = read_by_evidence(&first) {
        // A `$` in a Canberra story is the Australian dollar, never a peso.
        let allowed: Vec<Currency> = shared
            .iter()
            .copied()
            .filter(|c| c.name().contains(noun))
            .collect();
        if let Some((c, evidence)) = nearby(&allowed) {
            return (Some(c), Basis::Context, Some(first), Some(evidence));
        }
    }
    if needs_evidence(&first) {
        return (None, Basis::Ambiguous, Some(first), None);
    }
    if let Some(local) = settings.local.filter(|c| shared.contains(c)) {
        return (Some(local), Basis::Locale, Some(first), None);
    }
    let default = match first.what {
        CurRef::Form(id) => TABLE.forms[id].default,
        CurRef::Code(_) => None,
    };
    match default {
        Some(c) => (Some(c), Basis::Default, Some(first), None),
        None => (None, Basis::Ambiguous, Some(first), None),
    }
}

/// True when a decision leaves no money at all: `N5` is a road (`N5
/// billion` in a Nigerian story is naira), and a letter of several
/// currencies none of which was decided (`K2`) is a name.
pub(crate) fn no_money(p: &Parsed<'_>, (_, basis, by, _): &Decision<'_>) -> bool {
    *basis == Basis::Ambiguous
        && by.is_some_and(|t| {
            let lone_letter = Some(t) == p.first.prefix
                && t.raw.len() == 1
                && t.raw.bytes().all(|b| b.is_ascii_alphabetic());
            lone_letter || read_by_evidence(&t).is_some_and(|(_, needed)| needed)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::amount::{Joins, mention};

    fn cur(code: &str) -> Currency {
        code.parse().unwrap()
    }

    /// The currency and basis of `text` under `settings`, with `nearby`
    /// evidence naming `evidenced` (if it is allowed).
    fn decided(
        text: &str,
        settings: &Settings<'_>,
        evidenced: Option<&str>,
    ) -> (Option<Currency>, Basis) {
        let (_, p) = mention(text, Joins::NONE).unwrap();
        let nearby = |allowed: &[Currency]| {
            let c = cur(evidenced?);
            let word = Evidence {
                word: "Ottawa".into(),
                line: 1,
            };
            allowed.contains(&c).then_some((c, word))
        };
        let (c, basis, _, _) = currency(settings, &p, &nearby);
        (c, basis)
    }

    #[test]
    fn precedence() {
        let none = Settings::default();
        let assume = [("$".to_string(), cur("NZD"))];
        let assumed = Settings {
            assume: &assume,
            local: None,
        };
        let local = Settings {
            assume: &[],
            local: Some(cur("AUD")),
        };
        // 1. A code, a definite symbol or name wins over everything.
        assert_eq!(
            decided("USD 5", &assumed, Some("CAD")),
            (Some(cur("USD")), Basis::Code)
        );
        assert_eq!(
            decided("€5", &assumed, Some("CAD")),
            (Some(cur("EUR")), Basis::Symbol)
        );
        assert_eq!(
            decided("US$5", &assumed, Some("CAD")),
            (Some(cur("USD")), Basis::Symbol)
        );
        // 2. --assume, over evidence and locale.
        assert_eq!(
            decided("$5", &assumed, Some("CAD")),
            (Some(cur("NZD")), Basis::Assumed)
        );
        // 3. Evidence, over the locale.
        assert_eq!(
            decided("$5", &local, Some("CAD")),
            (Some(cur("CAD")), Basis::Context)
        );
        // 4. The locale's currency, where the form can mean it.
        assert_eq!(
            decided("$5", &local, None),
            (Some(cur("AUD")), Basis::Locale)
        );
        assert_eq!(decided("£5", &local, None).1, Basis::Default);
        // 5. The documented default.
        assert_eq!(
            decided("$5", &none, None),
            (Some(cur("USD")), Basis::Default)
        );
    }

    #[test]
    fn a_form_money_only_with_evidence() {
        let (_, p) = mention("N5", Joins::NONE).unwrap();
        let d = currency(&Settings::default(), &p, &|_| None);
        assert_eq!(d.1, Basis::Ambiguous);
        assert!(no_money(&p, &d));
        let nearby = |_: &[Currency]| {
            Some((
                cur("NGN"),
                Evidence {
                    word: "Lagos".into(),
                    line: 1,
                },
            ))
        };
        let d = currency(&Settings::default(), &p, &nearby);
        assert_eq!((d.0, d.1), (Some(cur("NGN")), Basis::Context));
        assert!(!no_money(&p, &d));
    }
}
