//! Helpers for the console's words: sentences with elements inside (a name that must not be
//! translated, a command-line option shown as code).

use fluent_bundle::FluentValue;
use yew::prelude::*;

use crate::i18n::I18n;

/// The first private-use character: a variable that stands for an element is formatted as
/// one of these, then found again in the sentence, wherever the language put it.
const MARK: u32 = 0xE000;

/// The message `key` with `args`, and each variable named in `parts` replaced by its element.
/// A sentence stays one message for the translators, while a name inside it keeps
/// `translate="no"` and a bold figure stays bold.
pub fn sentence(
    i18n: &I18n,
    key: &str,
    args: &[(&str, FluentValue<'_>)],
    parts: &[(&str, Html)],
) -> Html {
    let marks: Vec<String> = (0..parts.len())
        .map(|at| {
            char::from_u32(MARK + at as u32)
                .unwrap_or('\u{E000}')
                .to_string()
        })
        .collect();
    let mut all: Vec<(&str, FluentValue<'_>)> = args.to_vec();
    all.extend(
        parts
            .iter()
            .zip(&marks)
            .map(|((name, _), mark)| (*name, mark.as_str().into())),
    );
    let text = i18n.t_args(key, &all);
    let mut pieces = Vec::new();
    let mut plain = String::new();
    for letter in text.chars() {
        let part = (letter as u32)
            .checked_sub(MARK)
            .and_then(|at| parts.get(at as usize));
        match part {
            Some((_, element)) => {
                pieces.push(Html::from(std::mem::take(&mut plain)));
                pieces.push(element.clone());
            }
            None => plain.push(letter),
        }
    }
    pieces.push(Html::from(plain));
    html! { <>{ for pieces }</> }
}

/// `data` (a name, a file name, a server's text) as an element that browsers do not translate.
pub fn data(data: impl Into<AttrValue>) -> Html {
    html! { <span translate="no">{ data.into() }</span> }
}

/// A command-line option or a setting, the same in every language.
pub fn code(text: &'static str) -> Html {
    html! { <code translate="no">{ text }</code> }
}
