//! A new account's personal token, shown this once: the server keeps only its fingerprint, so
//! the page that received it is the only place it can ever be read. Used by the accounts page
//! for an account an owner makes, and by the first owner's setup for their own.

use shared::accounts::CreateAccountResponse;
use yew::prelude::*;

use super::words::{data, sentence};

#[derive(Properties, PartialEq)]
pub struct FreshTokenProps {
    pub created: CreateAccountResponse,
    /// "Done": the token is put away for good.
    pub on_done: Callback<()>,
}

#[component]
pub fn FreshToken(props: &FreshTokenProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let on_done = props.on_done.reform(|_: MouseEvent| ());
    let name = data(props.created.name.clone());
    html! {
        <div class="once" role="region" aria-labelledby="account-token-title" data-testid="account-token">
            <h3 id="account-token-title">
                { sentence(&i18n, "admin-account-token-title", &[], &[("name", name)]) }
            </h3>
            <p class="credential mono" translate="no" data-testid="account-token-value">{ props.created.token.clone() }</p>
            <p class="hint">{ i18n.t("admin-account-token-hint") }</p>
            <button id="account-token-done" type="button" onclick={on_done}>{ i18n.t("admin-fresh-done") }</button>
        </div>
    }
}
