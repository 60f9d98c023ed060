//! The language switcher: a labelled `<select>` listing each language in its own name. The
//! pseudo-language is listed only while the page is in it (`?lang=qps`).

use yew::prelude::*;

use crate::i18n::{use_i18n, Lang};

#[component]
pub fn LanguageSwitcher() -> Html {
    let i18n = use_i18n();
    let current = i18n.lang();
    let listed = Lang::OFFERED
        .into_iter()
        .chain((current == Lang::Pseudo).then_some(Lang::Pseudo));
    let on_change = {
        let i18n = i18n.clone();
        Callback::from(move |event: Event| {
            // Read by name, which spares a web-sys feature for one property.
            let value = event
                .target()
                .and_then(|select| js_sys::Reflect::get(&select, &"value".into()).ok())
                .and_then(|value| value.as_string());
            if let Some(lang) = value.as_deref().and_then(Lang::from_tag) {
                i18n.choose(lang);
            }
        })
    };
    html! {
        <div class="language-switcher">
            <label for="language">{ i18n.t("language-label") }</label>
            // Each language is named in itself, so nobody has to read a foreign word to find theirs.
            <select id="language" onchange={on_change} translate="no">
                { for listed.map(|lang| html! {
                    <option value={lang.code()} lang={lang.code()} selected={lang == current}>
                        { lang.own_name() }
                    </option>
                }) }
            </select>
        </div>
    }
}
