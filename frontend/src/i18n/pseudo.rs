//! The pseudo-language `qps`: English with every letter accented and each text 40 % longer,
//! so a tester sees at a glance a text that is not translated (it stays plain) and a layout
//! that breaks when a language needs more room (German and French often do).

use std::borrow::Cow;

/// `text` accented and padded by 40 % of its length (rounded up) with `~`; blank text is
/// left alone so spacing between placeables stays as it is.
pub fn pseudo(text: &str) -> String {
    if text.trim().is_empty() {
        return text.to_string();
    }
    let length = text.chars().count();
    let padding = (length * 2).div_ceil(5);
    let mut made: String = text.chars().map(accented).collect();
    made.extend(std::iter::repeat_n('~', padding));
    made
}

/// [`pseudo`] as Fluent's text transform, applied to the text between placeables only, so
/// variables (names, numbers) come through unchanged.
pub fn transform(text: &str) -> Cow<'_, str> {
    Cow::Owned(pseudo(text))
}

fn accented(letter: char) -> char {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ACCENTED: &str = "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    PLAIN
        .chars()
        .position(|plain| plain == letter)
        .and_then(|at| ACCENTED.chars().nth(at))
        .unwrap_or(letter)
}

#[cfg(test)]
mod tests {
    use super::pseudo;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn letters_are_accented_and_the_text_is_forty_percent_longer() {
        assert_eq!(pseudo("Log in"), "Ĺöĝ îñ~~~");
        assert_eq!(pseudo("Vote"), "Ṽöţé~~");
        let sentence = "Voting is closed.";
        let made = pseudo(sentence);
        assert_eq!(made.chars().count(), 17 + 7);
        assert!(made.chars().all(|c| !c.is_ascii_alphabetic()));
    }

    #[wasm_bindgen_test]
    fn digits_punctuation_and_blank_text_stay() {
        assert_eq!(pseudo("#12, 3."), "#12, 3.~~~");
        assert_eq!(pseudo(" "), " ");
        assert_eq!(pseudo(""), "");
    }
}
