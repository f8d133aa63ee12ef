//! The language of a text, where a number's separators depend on it
//! (`$ 5.000` is five thousand in a Spanish sentence).

use std::sync::LazyLock;

use whatlang::{Detector, Lang as W};

use crate::lang::Lang;

/// At most this much of a text is read to tell its language.
const SAMPLE: usize = 256;

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![W::Eng, W::Deu, W::Fra, W::Spa, W::Ita, W::Nld, W::Por])
});

/// The language of `text` when the detector calls it reliable; `None` when
/// it does not (short or mixed text).
pub(crate) fn language(text: &str) -> Option<Lang> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = DETECTOR.detect(&text[..end])?;
    // Only what the detector itself calls reliable: a wrong language would
    // read `billion` as 10^12 or `1.500` as 1500.
    if !info.is_reliable() {
        return None;
    }
    Some(match info.lang() {
        W::Deu => Lang::De,
        W::Fra => Lang::Fr,
        W::Spa => Lang::Es,
        W::Ita => Lang::It,
        W::Nld => Lang::Nl,
        W::Por => Lang::Pt,
        _ => Lang::En,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_of_each_language() {
        let cases = [
            (
                "The company said on Monday that its profit fell sharply.",
                Some(Lang::En),
            ),
            (
                "Die Regierung hat am Montag mitgeteilt, dass die Kosten stark steigen.",
                Some(Lang::De),
            ),
            (
                "Le gouvernement a annoncé lundi que les dépenses allaient augmenter.",
                Some(Lang::Fr),
            ),
            (
                "El gobierno anunció el lunes que los gastos van a aumentar mucho.",
                Some(Lang::Es),
            ),
            (
                "Il governo ha annunciato lunedì che la spesa aumenterà molto presto.",
                Some(Lang::It),
            ),
            (
                "De regering heeft maandag gezegd dat de kosten sterk zullen stijgen.",
                Some(Lang::Nl),
            ),
            (
                "O governo anunciou na segunda-feira que os gastos vão aumentar muito.",
                Some(Lang::Pt),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(language(text), want, "{text}");
        }
    }

    #[test]
    fn too_little_text_is_no_language() {
        assert_eq!(language("$10.000"), None);
        assert_eq!(language(""), None);
    }
}
