//! The voter's way in with a credential from the roll import: one field, made for pasting.
//!
//! The field is plain text, not a password: the voter must see what they pasted to spot a
//! missing character, and browsers must not offer to save it. The server forgives case,
//! spaces and dashes, so the page sends what was typed, trimmed.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_error::{invalid, FieldError};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct CredentialFormProps {
    /// A request is under way: the button waits.
    pub busy: bool,
    pub on_login: Callback<String>,
    /// Why the last credential was refused, shown under the field.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn CredentialForm(props: &CredentialFormProps) -> Html {
    let i18n = use_i18n();
    let credential = use_state(String::new);
    let on_input = {
        let credential = credential.clone();
        Callback::from(move |event: InputEvent| {
            credential.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let (credential, emit) = (credential.clone(), props.on_login.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = credential.trim();
            if !typed.is_empty() {
                emit.emit(typed.to_string());
            }
        })
    };
    html! {
        <form class="card" onsubmit={on_submit} aria-labelledby="credential-title">
            <h2 id="credential-title">{ i18n.t("login-title") }</h2>
            <label for="credential">{ i18n.t("credential-label") }</label>
            <input id="credential" name="credential" type="text" class="mono credential-input"
                autocomplete="off" autocapitalize="characters" spellcheck="false"
                placeholder={i18n.t("voter-credential-placeholder")} required=true
                value={(*credential).clone()} oninput={on_input}
                aria-invalid={invalid(&props.error)}
                aria-describedby={props.error.as_ref().map_or("credential-hint", |_| "credential-error credential-hint")} />
            <FieldError id="credential-error" text={props.error.clone()} />
            <p class="hint" id="credential-hint">
                { i18n.t("credential-hint") }
            </p>
            <button id="credential-submit" type="submit" class="primary" disabled={props.busy}>
                { i18n.t("login-title") }
            </button>
        </form>
    }
}
