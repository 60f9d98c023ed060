//! The voter page's display settings, next to the language switcher: a high-contrast theme
//! (WCAG 1.4.6 with room to spare) and the text size (1.4.4). Both are attributes of `<html>`
//! (`data-contrast="high"`, `data-text-size="150"`) that `style.css` styles, and both are
//! remembered in `localStorage`, so the next visit opens the same way.

use gloo::storage::{LocalStorage, Storage};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::use_i18n;

const CONTRAST_KEY: &str = "ballot.high_contrast";
const TEXT_SIZE_KEY: &str = "ballot.text_size";

/// The text sizes offered, in per cent of the browser's own.
pub const TEXT_SIZES: [u16; 4] = [100, 125, 150, 200];

/// Puts the settings on `<html>`; the defaults are no attribute at all.
fn apply(high_contrast: bool, text_size: u16) {
    let root = gloo::utils::document_element();
    let _ = if high_contrast {
        root.set_attribute("data-contrast", "high")
    } else {
        root.remove_attribute("data-contrast")
    };
    let _ = if text_size == 100 {
        root.remove_attribute("data-text-size")
    } else {
        root.set_attribute("data-text-size", &text_size.to_string())
    };
}

#[component]
pub fn DisplaySettings() -> Html {
    let i18n = use_i18n();
    let high_contrast = use_state(|| LocalStorage::get::<bool>(CONTRAST_KEY).unwrap_or(false));
    let text_size = use_state(|| {
        LocalStorage::get::<u16>(TEXT_SIZE_KEY)
            .ok()
            .filter(|size| TEXT_SIZES.contains(size))
            .unwrap_or(100)
    });
    use_effect_with((*high_contrast, *text_size), |&(high, size)| {
        apply(high, size)
    });

    let on_contrast = {
        let high_contrast = high_contrast.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let checked = input.checked();
                // A browser refusing storage only costs remembering the choice.
                let _ = LocalStorage::set(CONTRAST_KEY, checked);
                high_contrast.set(checked);
            }
        })
    };
    let on_size = {
        let text_size = text_size.clone();
        Callback::from(move |event: Event| {
            // Read by name, which spares a web-sys feature for one property.
            let size = event
                .target()
                .and_then(|select| js_sys::Reflect::get(&select, &"value".into()).ok())
                .and_then(|value| value.as_string())
                .and_then(|value| value.parse::<u16>().ok())
                .filter(|size| TEXT_SIZES.contains(size));
            if let Some(size) = size {
                let _ = LocalStorage::set(TEXT_SIZE_KEY, size);
                text_size.set(size);
            }
        })
    };
    html! {
        <div class="display-settings">
            <div class="contrast-switch">
                <input type="checkbox" id="high-contrast" checked={*high_contrast}
                    onchange={on_contrast} />
                <label for="high-contrast">{ i18n.t("contrast-label") }</label>
            </div>
            <div class="text-size">
                <label for="text-size">{ i18n.t("text-size-label") }</label>
                <select id="text-size" onchange={on_size}>
                    { for TEXT_SIZES.into_iter().map(|size| html! {
                        <option value={size.to_string()} selected={size == *text_size}>
                            { i18n.t_args("text-size-option", &[("percent", size.into())]) }
                        </option>
                    }) }
                </select>
            </div>
        </div>
    }
}
