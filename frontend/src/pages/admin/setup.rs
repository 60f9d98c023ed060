//! The first owner account, by the one-time link a new node prints at its first start
//! (`first owner: {url}/admin#setup={token}`): the admin page opened with it shows, in place
//! of the token gate, the form that makes the account, then signs the new owner in.
//!
//! The setup token is in the fragment for the reason a voter's credential is (see
//! `pages::voter::invitation`): a fragment never reaches a server's logs. The page takes it out
//! of the address bar at once, so neither the history nor a copied address carries it.

use shared::accounts::{
    valid_account_name, CreateAccountResponse, MeAdminResponse, SetupRequest, MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::sign_in::sign_in;
use crate::api::{self, ApiError};
use crate::components::field_error::{invalid, FieldError};
use crate::components::notice::{Notice, Tone};

/// What opens the setup form: `#setup=` then the token.
const SETUP_FRAGMENT: &str = "#setup=";

/// The setup token of a page's fragment (`location.hash`, with its `#`): `#setup=abc` is
/// `abc`; anything else, an empty token included, is none.
pub fn setup_token_of(fragment: &str) -> Option<String> {
    fragment
        .strip_prefix(SETUP_FRAGMENT)
        .map(str::trim)
        .filter(|token| !token.is_empty())
        .map(str::to_string)
}

/// The setup token of the link this page was opened with, if any, after removing the
/// fragment from the address bar. A `#setup=` without a usable token is removed all the same.
pub fn take_setup_token() -> Option<String> {
    let location = gloo::utils::window().location();
    let fragment = location.hash().ok()?;
    if !fragment.starts_with(SETUP_FRAGMENT) {
        return None;
    }
    crate::pages::forget_fragment(&location);
    setup_token_of(&fragment)
}

/// What a refusal is about: a field, or the link itself (wrong, or already used).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum About {
    Name,
    Password,
    Link,
}

/// What the form found wrong before sending anything.
fn check(name: &str, password: &str) -> Option<(About, String)> {
    let i18n = crate::i18n::current();
    if !valid_account_name(name) {
        return Some((About::Name, i18n.t("admin-setup-name-invalid")));
    }
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        let min = [("min", MIN_PASSWORD_CHARS.into())];
        return Some((
            About::Password,
            i18n.t_args("admin-setup-password-short", &min),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        let max = [("max", MAX_PASSWORD_CHARS.into())];
        return Some((
            About::Password,
            i18n.t_args("admin-setup-password-long", &max),
        ));
    }
    None
}

/// A refusal of `POST /api/admin/setup`, worded for people.
fn refusal(err: &ApiError) -> (About, String) {
    let i18n = crate::i18n::current();
    match err {
        ApiError::Forbidden(_) => (About::Link, i18n.t("admin-setup-forbidden")),
        ApiError::Conflict(_) => (About::Link, i18n.t("admin-setup-used")),
        _ if err.code() == shared::ErrorCode::InvalidName => (About::Name, err.describe()),
        _ => (About::Link, err.describe()),
    }
}

/// The account made, and the sign-in that followed it (which may fail on its own: the
/// account exists all the same).
pub type Created = (CreateAccountResponse, Result<MeAdminResponse, ApiError>);

#[derive(Properties, PartialEq)]
pub struct SetupFormProps {
    pub setup_token: AttrValue,
    pub on_created: Callback<Created>,
    /// "Sign in instead": back to the token gate.
    pub on_cancel: Callback<()>,
}

#[component]
pub fn SetupForm(props: &SetupFormProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let name = use_state(String::new);
    let password = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<(About, String)>);
    let set = crate::pages::text_setter;
    let on_submit = {
        let (name, password, busy, error) =
            (name.clone(), password.clone(), busy.clone(), error.clone());
        let (setup_token, on_created) = (props.setup_token.to_string(), props.on_created.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed_name = name.trim().to_string();
            let typed_password = (*password).clone();
            if let Some(wrong) = check(&typed_name, &typed_password) {
                return error.set(Some(wrong));
            }
            let body = SetupRequest {
                setup_token: setup_token.clone(),
                name: typed_name.clone(),
                password: typed_password.clone(),
            };
            let (busy, error, on_created) = (busy.clone(), error.clone(), on_created.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                match api::accounts::setup(&body).await {
                    // The sign-in a person would do next, done for them: the same path, so
                    // the session's CSRF value is kept.
                    Ok(created) => {
                        let signed_in = sign_in(&typed_name, &typed_password).await;
                        on_created.emit((created, signed_in));
                    }
                    Err(err) => error.set(Some(refusal(&err))),
                }
                busy.set(false);
            });
        })
    };
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let about = |field: About| -> Option<AttrValue> {
        match &*error {
            Some((about, text)) if *about == field => Some(AttrValue::from(text.clone())),
            _ => None,
        }
    };
    let (name_error, password_error) = (about(About::Name), about(About::Password));
    let min = [("min", MIN_PASSWORD_CHARS.into())];
    html! {
        <>
            <form id="setup-form" class="card" onsubmit={on_submit} aria-labelledby="setup-title">
                <h2 id="setup-title">{ i18n.t("admin-setup-title") }</h2>
                <p class="hint">{ i18n.t("admin-setup-intro") }</p>
                <label for="setup-name">{ i18n.t("admin-setup-name") }</label>
                <input id="setup-name" type="text" autocomplete="username" required=true
                    maxlength="64" value={(*name).clone()} oninput={set(&name)}
                    aria-invalid={invalid(&name_error)}
                    aria-describedby={name_error.as_ref().map(|_| "setup-name-error")} />
                <FieldError id="setup-name-error" text={name_error.clone()} />
                <label for="setup-password">{ i18n.t("admin-setup-password") }</label>
                <input id="setup-password" type="password" autocomplete="new-password" required=true
                    minlength={MIN_PASSWORD_CHARS.to_string()} maxlength={MAX_PASSWORD_CHARS.to_string()}
                    value={(*password).clone()} oninput={set(&password)}
                    aria-invalid={invalid(&password_error)}
                    aria-describedby={password_error.as_ref()
                        .map_or("setup-password-hint", |_| "setup-password-error setup-password-hint")} />
                <FieldError id="setup-password-error" text={password_error.clone()} />
                <p class="hint" id="setup-password-hint">{ i18n.t_args("admin-setup-password-hint", &min) }</p>
                <button id="setup-submit" type="submit" class="primary" disabled={*busy}>
                    { i18n.t("admin-setup-submit") }
                </button>
            </form>
            // Every refusal is announced here; one about a field is also shown under it.
            <Notice tone={Tone::Error} text={error.as_ref().map(|(_, text)| AttrValue::from(text.clone()))} />
            <p>
                <button id="setup-cancel" type="button" class="link" onclick={on_cancel}>
                    { i18n.t("admin-setup-cancel") }
                </button>
            </p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub created: CreateAccountResponse,
    pub on_done: Callback<()>,
}

/// Above the first screen the new owner sees: the account is made, and its personal token
/// is shown this once.
#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    html! {
        <section class="card wide" aria-labelledby="owner-created-title" data-testid="owner-created">
            <h2 id="owner-created-title">{ i18n.t("admin-setup-welcome-title") }</h2>
            <Notice tone={Tone::Success} text={Some(AttrValue::from(i18n.t("admin-setup-created")))} />
            <super::fresh_token::FreshToken created={props.created.clone()} on_done={props.on_done.clone()} />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn only_a_setup_fragment_with_a_token_opens_the_form() {
        assert_eq!(setup_token_of("#setup=abc"), Some("abc".to_string()));
        for other in [
            "",
            "#",
            "#setup=",
            "#setup=  ",
            "#credential=abc",
            "setup=abc",
            "#set=abc",
        ] {
            assert_eq!(setup_token_of(other), None, "{other:?}");
        }
    }
}
