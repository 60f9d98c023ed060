//! The voter's way in by name and voter id: log in, or register as a new voter where the
//! election takes registrations. (Elections with credentials use [`super::credential_form`].)

use shared::VoterId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_error::{invalid, FieldError};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct LoginFormProps {
    /// A request is under way: the buttons wait.
    pub busy: bool,
    pub on_login: Callback<(String, VoterId)>,
    pub on_register: Callback<String>,
    /// Whether the election takes registrations (the original one does); without them only
    /// the login form is shown.
    #[prop_or(true)]
    pub self_registration: bool,
    /// Why the last login was refused, shown under the voter id.
    #[prop_or_default]
    pub login_error: Option<AttrValue>,
    /// Why the last registration was refused, shown under the name.
    #[prop_or_default]
    pub register_error: Option<AttrValue>,
}

/// Reads an input's value in an `oninput` handler.
fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

#[component]
pub fn LoginForm(props: &LoginFormProps) -> Html {
    let i18n = use_i18n();
    let name = use_state(String::new);
    let voter_id = use_state(String::new);
    let new_name = use_state(String::new);

    let on_login = {
        let (name, voter_id, emit) = (name.clone(), voter_id.clone(), props.on_login.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The input is `type=number min=1`, so the browser has already refused anything
            // that does not parse; this is only a second line of defence.
            if let Ok(id) = voter_id.trim().parse::<VoterId>() {
                emit.emit((name.trim().to_string(), id));
            }
        })
    };
    let on_register = {
        let (new_name, emit) = (new_name.clone(), props.on_register.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            emit.emit(new_name.trim().to_string());
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| state.set(input_value(&event)))
    };

    html! {
        <div class={classes!("login-grid", (!props.self_registration).then_some("single"))}>
            <form class="card" onsubmit={on_login} aria-labelledby="login-title">
                <h2 id="login-title">{ i18n.t("login-title") }</h2>
                <label for="login-name">{ i18n.t("login-name") }</label>
                <input id="login-name" name="name" type="text" autocomplete="name" required=true
                    value={(*name).clone()} oninput={set(&name)}
                    aria-invalid={invalid(&props.login_error)}
                    aria-describedby={props.login_error.as_ref().map(|_| "login-error")} />
                <label for="login-id">{ i18n.t("login-voter-id") }</label>
                <input id="login-id" name="voter_id" type="number" inputmode="numeric" min="1"
                    step="1" required=true value={(*voter_id).clone()} oninput={set(&voter_id)}
                    aria-invalid={invalid(&props.login_error)}
                    aria-describedby={props.login_error.as_ref().map(|_| "login-error")} />
                // Name and id are judged together: the refusal is about both, under both.
                <FieldError id="login-error" text={props.login_error.clone()} />
                <button id="login-submit" type="submit" class="primary" disabled={props.busy}>
                    { i18n.t("login-title") }
                </button>
            </form>
            if props.self_registration {
                <form class="card" onsubmit={on_register} aria-labelledby="register-title">
                    <h2 id="register-title">{ i18n.t("register-title") }</h2>
                    <label for="register-name">{ i18n.t("register-name") }</label>
                    <input id="register-name" name="new_name" type="text" autocomplete="name"
                        required=true value={(*new_name).clone()} oninput={set(&new_name)}
                        aria-invalid={invalid(&props.register_error)}
                        aria-describedby={props.register_error.as_ref()
                            .map_or("register-hint", |_| "register-error register-hint")} />
                    <FieldError id="register-error" text={props.register_error.clone()} />
                    <p class="hint" id="register-hint">{ i18n.t("register-hint") }</p>
                    <button id="register-submit" type="submit" disabled={props.busy}>
                        { i18n.t("register-submit") }
                    </button>
                </form>
            }
        </div>
    }
}
