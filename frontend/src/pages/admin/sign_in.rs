//! Signing in to the admin pages with an account's name and password, beside the token gate.
//! The server answers with the session's CSRF value and sets an `HttpOnly` cookie the page
//! never sees; the value is kept in this tab (see `storage`) for every write to carry.

use shared::accounts::MeAdminResponse;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::notice::{Notice, Tone};
use crate::storage;

/// Signs in with a name and a password for a session cookie, and keeps the session's CSRF
/// value for every write to carry. Also how the first owner is signed in right after the
/// setup link made the account.
pub async fn sign_in(name: &str, password: &str) -> Result<MeAdminResponse, ApiError> {
    let me = api::accounts::login(name, password).await?;
    // A token typed earlier in this tab would speak louder than the cookie: this sign-in
    // replaces it.
    storage::forget_admin_token();
    if let Some(csrf) = &me.csrf {
        storage::save_admin_csrf(csrf);
    }
    Ok(me)
}

#[derive(Properties, PartialEq)]
pub struct SignInFormProps {
    /// Signed in: the account, its CSRF value already kept.
    pub on_signed_in: Callback<MeAdminResponse>,
}

#[component]
pub fn SignInForm(props: &SignInFormProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let name = use_state(String::new);
    let password = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let set = crate::pages::text_setter;
    let on_submit = {
        let (name, password, busy, error) =
            (name.clone(), password.clone(), busy.clone(), error.clone());
        let on_signed_in = props.on_signed_in.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (typed_name, typed_password) = (name.trim().to_string(), (*password).clone());
            let (password, busy, error) = (password.clone(), busy.clone(), error.clone());
            let on_signed_in = on_signed_in.clone();
            busy.set(true);
            spawn_local(async move {
                match sign_in(&typed_name, &typed_password).await {
                    Ok(me) => {
                        error.set(None);
                        on_signed_in.emit(me);
                    }
                    // The server does not say which of the two was wrong, nor does the page.
                    Err(ApiError::Invalid(_) | ApiError::Unauthorized(_)) => {
                        password.set(String::new());
                        error.set(Some(crate::i18n::current().t("admin-sign-in-refused")));
                    }
                    Err(err) => error.set(Some(err.describe())),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <>
            <form class="card" onsubmit={on_submit} aria-labelledby="sign-in-title">
                <h2 id="sign-in-title">{ i18n.t("admin-sign-in-title") }</h2>
                <label for="admin-name">{ i18n.t("admin-sign-in-name") }</label>
                <input id="admin-name" type="text" autocomplete="username" required=true
                    maxlength="64" value={(*name).clone()} oninput={set(&name)} />
                <label for="admin-password">{ i18n.t("admin-sign-in-password") }</label>
                <input id="admin-password" type="password" autocomplete="current-password"
                    required=true value={(*password).clone()} oninput={set(&password)} />
                <button id="admin-sign-in" type="submit" class="primary" disabled={*busy}>
                    { i18n.t("admin-sign-in-submit") }
                </button>
            </form>
            <Notice tone={Tone::Error} text={(*error).clone().map(AttrValue::from)} />
        </>
    }
}
