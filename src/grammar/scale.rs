//! Scale words: thousand, million, bn, crore, lakh, Mrd. ...

use super::{IResult, at_word_end, fail};
use crate::lang::en::LETTERS;
use crate::lang::{Lang, SCALES_BY_LETTER, ScaleWord, eq_ignore_case};
use crate::wordset::hash_word;

/// A power of ten that multiplies the number before it, the language of
/// its word (whose separators the number is read with) and the word.
#[derive(Clone, Copy, Debug, Eq)]
pub(crate) struct Scale {
    pub power: u32,
    pub lang: Lang,
    /// The word as the lexicon writes it (`Milliarden`); empty for a letter.
    pub word: &'static str,
    /// Read so only in a paragraph of `lang` (`mil`, French `billion`).
    pub needs_language: bool,
}

/// Scales are equal when they multiply alike, read in the same language.
impl PartialEq for Scale {
    fn eq(&self, other: &Scale) -> bool {
        (self.power, self.lang) == (other.power, other.lang)
    }
}

impl From<ScaleWord> for Scale {
    fn from(s: ScaleWord) -> Scale {
        Scale {
            power: s.power,
            lang: s.lang,
            word: s.word,
            needs_language: s.needs_language,
        }
    }
}

impl Scale {
    /// An English scale (and a letter's: `5m`, `M€`).
    pub(crate) const fn en(power: u32) -> Scale {
        Scale {
            power,
            lang: Lang::En,
            word: "",
            needs_language: false,
        }
    }
}

// scale = a scale word of a lexicon: "thousand" | "million" | "bn" | "Milliarden" | "mil millones" | ...
pub(crate) fn scale(i: &str) -> IResult<'_, Scale> {
    let first = i.as_bytes().first().map(u8::to_ascii_lowercase);
    let Some(words) = first
        .filter(u8::is_ascii_lowercase)
        .filter(|_| crate::lang::may_start_scale(hash_word(i.as_bytes()).0))
        .map(|b| &SCALES_BY_LETTER[usize::from(b - b'a')])
    else {
        return fail(i);
    };
    for s in words {
        if let Some(head) = i.get(..s.word.len()) {
            let rest = &i[s.word.len()..];
            // Where the word would end first: most words of the letter are
            // longer or shorter than the text's.
            if (s.word.ends_with('.') || at_word_end(rest)) && eq_ignore_case(s.word, head) {
                return Ok((rest, Scale::from(*s)));
            }
        }
    }
    fail(i)
}

// letter = "k" | "m" | "b" | "t"   (any case, glued to the number)
pub(crate) fn letter(i: &str) -> IResult<'_, Scale> {
    let mut chars = i.chars();
    if let Some(c) = chars.next() {
        let rest = chars.as_str();
        for &(l, power) in LETTERS {
            if c.eq_ignore_ascii_case(&l) && at_word_end(rest) {
                return Ok((rest, Scale::en(power)));
            }
        }
    }
    fail(i)
}

// attached = ["-" | " "] word       (* a scale word of a language not read here *)
/// A word joined to the number before it (by a hyphen, one space, or
/// nothing) that is a scale word of some language: `280 milionów`,
/// `5億`, `$7-zillion`. The number is not what it says without it.
pub(crate) fn attached(i: &str) -> Option<(&str, &str)> {
    let start = i.strip_prefix(['-', ' ', '\u{a0}']).unwrap_or(i);
    let first = start.chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let known = crate::lang::is_scale_word;
    // Most words after a number are ASCII letters before an ASCII byte
    // other than a point (`people,`): read by their hash, taken once.
    let (h, letters) = hash_word(start.as_bytes());
    if letters > 0
        && start
            .as_bytes()
            .get(letters)
            .is_none_or(|&b| b.is_ascii() && b != b'.')
    {
        let word = &start[..letters];
        let found = letters >= 2 && crate::lang::is_letters_scale_word(word, h);
        return found.then(|| (&start[letters..], word));
    }
    if is_ideograph(first) {
        // Ideographs are words of their own: `億` in `5億円`, `万亿`.
        let two = start.char_indices().nth(2).map_or(start.len(), |(i, _)| i);
        let one = first.len_utf8();
        return [two, one]
            .into_iter()
            .find(|&end| known(&start[..end]))
            .map(|end| (&start[end..], &start[..end]));
    }
    let len = start
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(start.len());
    let word = match start[len..].starts_with('.') && known(&start[..=len]) {
        true => &start[..=len], // `Mrd.`
        false => &start[..len],
    };
    let long_enough = word.chars().count() >= 2 || !first.is_ascii();
    (long_enough && known(word)).then(|| (&start[word.len()..], word))
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Scale {
        pub const THOUSAND: Scale = Scale::en(3);
        pub const MILLION: Scale = Scale::en(6);
        pub const BILLION: Scale = Scale::en(9);
    }

    #[test]
    fn words() {
        assert_eq!(scale("billion in aid"), Ok((" in aid", Scale::BILLION)));
        assert_eq!(scale("Million"), Ok(("", Scale::MILLION)));
        assert_eq!(scale("thousand."), Ok((".", Scale::THOUSAND)));
        assert_eq!(scale("trillion"), Ok(("", Scale::en(12))));
    }

    #[test]
    fn abbreviations() {
        assert_eq!(scale("bn of aid"), Ok((" of aid", Scale::BILLION)));
        assert_eq!(scale("mn)"), Ok((")", Scale::MILLION)));
        assert_eq!(scale("mln"), Ok(("", Scale::MILLION)));
        assert_eq!(scale("bln"), Ok(("", Scale::BILLION)));
        assert_eq!(scale("tn"), Ok(("", Scale::en(12))));
        assert_eq!(scale("trn"), Ok(("", Scale::en(12))));
        assert_eq!(scale("MM"), Ok(("", Scale::MILLION)));
        assert_eq!(
            scale("Mrd. €"),
            Ok((
                " €",
                Scale {
                    lang: Lang::De,
                    ..Scale::en(9)
                }
            ))
        );
        assert_eq!(
            scale("Mio. €"),
            Ok((
                " €",
                Scale {
                    lang: Lang::De,
                    ..Scale::en(6)
                }
            ))
        );
    }

    #[test]
    fn other_languages_words_carry_their_language() {
        let (rest, s) = scale("Milliarden Euro").unwrap();
        assert_eq!(
            (rest, s.power, s.lang, s.word),
            (" Euro", 9, Lang::De, "Milliarden")
        );
        let (rest, s) = scale("mil millones de euros").unwrap();
        assert_eq!((rest, s.power, s.lang), (" de euros", 9, Lang::Es));
        let (_, s) = scale("mil dólares").unwrap();
        assert!(s.needs_language && s.power == 3);
        // English reads `billion` first; French and German are asked later.
        assert_eq!(scale("billion").unwrap().1, Scale::BILLION);
        assert_eq!(scale("millones").unwrap().1.lang, Lang::Es);
    }

    #[test]
    fn every_scale_word_is_indexed_by_its_ascii_first_letter() {
        let indexed: usize = SCALES_BY_LETTER.iter().map(Vec::len).sum();
        assert_eq!(indexed, crate::lang::SCALES.len());
        assert!(crate::lang::SCALES.iter().all(|s| {
            let first = s.word.as_bytes()[0].to_ascii_lowercase();
            SCALES_BY_LETTER[usize::from(first - b'a')].contains(s)
        }));
    }

    #[test]
    fn indian_scales() {
        assert_eq!(scale("crore rupees"), Ok((" rupees", Scale::en(7))));
        assert_eq!(scale("cr"), Ok(("", Scale::en(7))));
        assert_eq!(scale("lakh rupees"), Ok((" rupees", Scale::en(5))));
        assert_eq!(scale("lac"), Ok(("", Scale::en(5))));
        assert_eq!(scale("lakh crore rupees"), Ok((" rupees", Scale::en(12))));
        assert_eq!(scale("crores"), Ok(("", Scale::en(7))));
    }

    #[test]
    fn needs_word_end() {
        assert!(scale("bnb").is_err());
        assert!(scale("millionaire").is_err());
        assert!(scale("months").is_err());
    }

    #[test]
    fn attached_foreign_scales() {
        assert_eq!(
            attached(" milionów dolarów"),
            Some((" dolarów", "milionów"))
        );
        assert_eq!(attached("-zillion price"), Some((" price", "zillion")));
        assert_eq!(attached("億円"), Some(("円", "億")));
        assert_eq!(attached(" Mrd. Euro"), Some((" Euro", "Mrd.")));
        // A full stop after a word known by its ending ends the sentence.
        assert_eq!(attached("-zillion."), Some((".", "zillion")));
        assert_eq!(attached(" each"), None);
        assert_eq!(attached("-a-month"), None);
        assert_eq!(attached(" m"), None);
    }

    #[test]
    fn letters_glued() {
        assert_eq!(letter("k "), Ok((" ", Scale::THOUSAND)));
        assert_eq!(letter("M€"), Ok(("€", Scale::MILLION)));
        assert_eq!(letter("b."), Ok((".", Scale::BILLION)));
        assert!(letter("kg").is_err());
        assert!(letter("x").is_err());
    }
}
