//! Qualifiers written before an amount: about, over, up to, between...
//!
//! These are matched backwards from where an amount starts, so the scanner
//! anchors on digits and currencies, not on every common word.

use crate::lang::LEADS;
pub(crate) use crate::lang::Lead;

// lead = qualifier-phrase ws      (* matched backwards from the amount *)
/// The qualifier or range word that ends `before` (up to trailing spaces),
/// and the byte offset where it starts.
pub(crate) fn lead(before: &str) -> Option<(Lead, usize)> {
    let trimmed = before.trim_end_matches(super::is_space);
    crate::work::add(before.len() - trimmed.len());
    if trimmed.len() == before.len() && !before.ends_with('~') {
        return None; // a qualifier is a separate word: "over$5" is not one
    }
    let bytes = trimmed.as_bytes();
    for &(phrase, lead) in LEADS.iter() {
        let Some(start) = bytes.len().checked_sub(phrase.len()) else {
            continue;
        };
        if !bytes[start..].eq_ignore_ascii_case(phrase.as_bytes()) {
            continue;
        }
        let boundary = start == 0
            || !trimmed[..start]
                .chars()
                .last()
                .is_some_and(char::is_alphanumeric);
        if boundary || phrase == "~" {
            return Some((lead, start));
        }
    }
    if trimmed.ends_with('~') {
        return Some((Lead::Qualifier(crate::Qualifier::About), trimmed.len() - 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Qualifier;

    #[test]
    fn qualifiers() {
        assert_eq!(
            lead("contributed about "),
            Some((Lead::Qualifier(Qualifier::About), 12))
        );
        assert_eq!(lead("Over "), Some((Lead::Qualifier(Qualifier::Over), 0)));
        assert_eq!(
            lead("no more than "),
            Some((Lead::Qualifier(Qualifier::UpTo), 0))
        );
        assert_eq!(
            lead("more than "),
            Some((Lead::Qualifier(Qualifier::Over), 0))
        );
        assert_eq!(
            lead("is up to "),
            Some((Lead::Qualifier(Qualifier::UpTo), 3))
        );
        assert_eq!(
            lead("at least "),
            Some((Lead::Qualifier(Qualifier::AtLeast), 0))
        );
        assert_eq!(
            lead("just under "),
            Some((Lead::Qualifier(Qualifier::Nearly), 0))
        );
        assert_eq!(lead("under "), Some((Lead::Qualifier(Qualifier::Under), 0)));
        assert_eq!(lead("~"), Some((Lead::Qualifier(Qualifier::About), 0)));
    }

    #[test]
    fn range_openers() {
        assert_eq!(lead("between "), Some((Lead::Range, 0)));
        assert_eq!(lead("rose from "), Some((Lead::Range, 5)));
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(lead("handover "), None);
        assert_eq!(lead("awesome "), None);
        assert_eq!(lead("over"), None, "must be followed by a space");
        assert_eq!(lead("pledges "), None);
    }
}
