//! The trustee page's two lower cards: the key file (download it, load it back) and the
//! decryption after voting closes.

use shared::secrecy::wire::{SecrecyView, SecretStage};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::progress::sealed_line;
use crate::download::Download;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct KeyFileSectionProps {
    /// The key as a file, once there is a key.
    pub download: Option<Download>,
    /// The ceremony is over for this trustee: the file is the one that decrypts.
    pub ready: bool,
    /// A file's text, picked to resume the ceremony or to decrypt.
    pub on_file: Callback<String>,
}

#[component]
pub fn KeyFileSection(props: &KeyFileSectionProps) -> Html {
    let i18n = use_i18n();
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The same file picked again must fire again.
            input.set_value("");
            let on_file = on_file.clone();
            spawn_local(async move {
                let file = gloo::file::File::from(file);
                if let Ok(text) = gloo::file::futures::read_as_text(&file).await {
                    on_file.emit(text);
                }
            });
        })
    };
    html! {
        <section class="card" aria-labelledby="key-file-title">
            <h2 id="key-file-title">{ i18n.t("audit-trustee-file-title") }</h2>
            <p class="notice notice-info" data-testid="key-file-warning">
                { i18n.t("audit-trustee-file-warning") }
            </p>
            if let Some(download) = &props.download {
                if props.ready {
                    <p data-testid="key-ready">{ i18n.t("audit-trustee-file-final") }</p>
                }
                <p>
                    <a id="trustee-download" class="button" href={download.url().to_string()}
                        download={download.file_name().to_string()}>
                        { i18n.t("audit-trustee-download") }
                    </a>
                    { " " }<span class="mono muted" translate="no">{ download.file_name().to_string() }</span>
                </p>
            }
            <label for="trustee-key-file">{ i18n.t("audit-trustee-load") }</label>
            <input id="trustee-key-file" type="file" accept=".json,application/json"
                aria-describedby="trustee-key-file-hint" onchange={on_change} />
            <p id="trustee-key-file-hint" class="hint">{ i18n.t("audit-trustee-load-hint") }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DecryptSectionProps {
    pub view: SecrecyView,
    /// This trustee's id.
    pub me: u32,
    pub has_key: bool,
    pub ready: bool,
    pub busy: bool,
    pub on_decrypt: Callback<MouseEvent>,
}

#[component]
pub fn DecryptSection(props: &DecryptSectionProps) -> Html {
    let i18n = use_i18n();
    let view = &props.view;
    let mine = view.trustees.iter().find(|t| t.trustee_id == props.me);
    let done = mine.is_some_and(|t| t.decrypted);
    let body = match view.stage {
        SecretStage::Decrypting if done => html! {
            <>
                <p class="good" data-testid="decrypted-mine">{ i18n.t("audit-trustee-decrypted-mine") }</p>
                { sealed_line(&i18n, "audit", view) }
            </>
        },
        SecretStage::Decrypting => html! {
            <>
                { sealed_line(&i18n, "audit", view) }
                if !props.has_key || !props.ready {
                    <p class="hint" data-testid="decrypt-needs-file">{ i18n.t("audit-trustee-decrypt-needs-file") }</p>
                }
                <button id="trustee-decrypt" type="button" class="primary"
                    disabled={props.busy || !props.ready} onclick={props.on_decrypt.clone()}>
                    { i18n.t(if props.busy { "audit-trustee-decrypting" } else { "audit-trustee-decrypt" }) }
                </button>
            </>
        },
        SecretStage::Decrypted => html! {
            <p class="good" data-testid="decrypted-all">{ i18n.t("audit-trustee-decrypted-all") }</p>
        },
        _ => html! { <p class="muted">{ i18n.t("audit-trustee-decrypt-later") }</p> },
    };
    html! {
        <section class="card" aria-labelledby="decrypt-title">
            <h2 id="decrypt-title">{ i18n.t("audit-trustee-decrypt-title") }</h2>
            { body }
        </section>
    }
}
