//! The owners' accounts (on `/admin/elections`): every account with its role, how it signs in
//! and the elections it is assigned to; the form for a new one, whose personal token is shown
//! once; and deleting one, after asking.

use shared::accounts::{
    AccountId, AccountRole, AccountView, CreateAccountRequest, CreateAccountResponse,
    MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::account::role_name;
use super::commander::NoticeState;
use super::fresh_token::FreshToken;
use super::words::{data, sentence};
use crate::api::{self, ApiError};
use crate::components::confirm_button::ConfirmButton;
use crate::components::notice::{Notice, Tone};

/// The roles an owner can give, in the select's order; a new account is an official unless
/// the owner says otherwise.
const ROLES: [AccountRole; 3] = [
    AccountRole::Official,
    AccountRole::Observer,
    AccountRole::Owner,
];

/// The role of a select's value (a role's wire name).
fn role_of(value: &str) -> Option<AccountRole> {
    ROLES.into_iter().find(|role| role.as_str() == value)
}

/// What the form sends: a blank password is none (the account then signs in by token only).
fn request(name: &str, role: AccountRole, password: &str) -> CreateAccountRequest {
    CreateAccountRequest {
        name: name.trim().to_string(),
        role,
        password: (!password.is_empty()).then(|| password.to_string()),
    }
}

#[derive(Properties, PartialEq)]
pub struct AccountsPanelProps {
    pub token: AttrValue,
    pub on_refused: Callback<()>,
}

/// Reads the accounts again into `accounts`, or says why it could not.
fn reload(
    token: String,
    accounts: UseStateHandle<Option<Vec<AccountView>>>,
    notice: NoticeState,
    on_refused: Callback<()>,
) {
    spawn_local(async move {
        match api::accounts::list(&token).await {
            Ok(answer) => accounts.set(Some(answer.accounts)),
            Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
            Err(err) => notice.set((Tone::Error, Some(err.describe()))),
        }
    });
}

#[component]
pub fn AccountsPanel(props: &AccountsPanelProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let accounts = use_state(|| None::<Vec<AccountView>>);
    let name = use_state(String::new);
    let role = use_state(|| AccountRole::Official);
    let password = use_state(String::new);
    let busy = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    // A created account's token, shown once.
    let fresh = use_state(|| None::<CreateAccountResponse>);
    let token = props.token.to_string();
    {
        let (token, accounts, notice) = (token.clone(), accounts.clone(), notice.clone());
        let on_refused = props.on_refused.clone();
        use_effect_with((), move |_| reload(token, accounts, notice, on_refused));
    }
    let set = |field: &UseStateHandle<String>| {
        let field = field.clone();
        Callback::from(move |event: InputEvent| {
            field.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_role = {
        let role = role.clone();
        Callback::from(move |event: Event| {
            // Read through `Reflect`: the crate does not build web-sys's `HtmlSelectElement`.
            let value = event
                .target()
                .and_then(|target| js_sys::Reflect::get(&target, &"value".into()).ok())
                .and_then(|value| value.as_string());
            if let Some(chosen) = value.as_deref().and_then(role_of) {
                role.set(chosen);
            }
        })
    };
    let on_submit = {
        let (name, role, password, busy) =
            (name.clone(), role.clone(), password.clone(), busy.clone());
        let (notice, fresh, accounts) = (notice.clone(), fresh.clone(), accounts.clone());
        let (token, on_refused) = (token.clone(), props.on_refused.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let account = request(&name, *role, &password);
            let (name, password, busy) = (name.clone(), password.clone(), busy.clone());
            let (notice, fresh, accounts) = (notice.clone(), fresh.clone(), accounts.clone());
            let (token, on_refused) = (token.clone(), on_refused.clone());
            busy.set(true);
            notice.set((Tone::Info, None));
            // One click, one account: not retried, since a retry could make a second one.
            spawn_local(async move {
                match api::accounts::create(&token, &account).await {
                    Ok(created) => {
                        name.set(String::new());
                        password.set(String::new());
                        fresh.set(Some(created));
                        reload(token, accounts, notice, on_refused);
                    }
                    Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Err(err) => notice.set((Tone::Error, Some(err.describe()))),
                }
                busy.set(false);
            });
        })
    };
    let on_delete = {
        let (accounts, notice, token) = (accounts.clone(), notice.clone(), token.clone());
        let on_refused = props.on_refused.clone();
        move |account_id: AccountId| {
            let (accounts, notice, token) = (accounts.clone(), notice.clone(), token.clone());
            let on_refused = on_refused.clone();
            Callback::from(move |()| {
                let (accounts, notice, token) = (accounts.clone(), notice.clone(), token.clone());
                let on_refused = on_refused.clone();
                spawn_local(async move {
                    match api::accounts::delete(&token, account_id).await {
                        Ok(()) => {
                            let deleted = crate::i18n::current().t("admin-account-deleted");
                            notice.set((Tone::Success, Some(deleted)));
                            reload(token, accounts, notice, on_refused);
                        }
                        Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                        Err(err) => notice.set((Tone::Error, Some(err.describe()))),
                    }
                });
            })
        }
    };
    let on_fresh_done = {
        let fresh = fresh.clone();
        Callback::from(move |()| fresh.set(None))
    };

    let row = |account: &AccountView| {
        let who = || data(account.name.clone());
        let signs_in = if account.has_password {
            i18n.t("admin-account-password")
        } else {
            i18n.t("admin-account-token-only")
        };
        let elections = if account.elections.is_empty() {
            html! { <span class="muted">{ i18n.t("admin-account-no-elections") }</span> }
        } else {
            html! { <span translate="no">{ account.elections.join(", ") }</span> }
        };
        html! {
            <li key={account.account_id} data-testid="account">
                <strong translate="no">{ account.name.clone() }</strong>{ " · " }
                { role_name(&i18n, account.role) }{ " · " }{ signs_in }
                <div class="muted">{ i18n.t("admin-account-elections") }{ " " }{ elections }</div>
                <ConfirmButton id={format!("account-delete-{}", account.account_id)}
                    label={i18n.t("admin-account-delete")} yes={i18n.t("admin-account-delete-yes")}
                    question={sentence(&i18n, "admin-account-delete-question", &[], &[("name", who())])}
                    danger=true disabled=false on_confirm={on_delete(account.account_id)} />
            </li>
        }
    };
    let list = match &*accounts {
        None => html! { <p class="muted">{ i18n.t("admin-accounts-loading") }</p> },
        Some(list) if list.is_empty() => {
            html! { <p class="muted">{ i18n.t("admin-accounts-none") }</p> }
        }
        Some(list) => html! {
            <ul class="accounts" data-testid="accounts">{ for list.iter().map(row) }</ul>
        },
    };
    html! {
        <>
            if let Some(created) = (*fresh).clone() {
                <FreshToken {created} on_done={on_fresh_done} />
            }
            { list }
            <form id="account-form" onsubmit={on_submit} aria-labelledby="account-form-title">
                <h3 id="account-form-title">{ i18n.t("admin-account-new") }</h3>
                <label for="account-name">{ i18n.t("admin-account-name") }</label>
                <input id="account-name" type="text" required=true maxlength="64" autocomplete="off"
                    value={(*name).clone()} oninput={set(&name)} />
                <label for="account-role">{ i18n.t("admin-account-role") }</label>
                <select id="account-role" onchange={on_role}>
                    { for ROLES.iter().map(|option| html! {
                        <option value={option.as_str()} selected={*option == *role}>{ role_name(&i18n, *option) }</option>
                    }) }
                </select>
                <label for="account-password">{ i18n.t("admin-account-password-label") }</label>
                <input id="account-password" type="password" autocomplete="new-password" minlength={MIN_PASSWORD_CHARS.to_string()} maxlength={MAX_PASSWORD_CHARS.to_string()}
                    value={(*password).clone()} oninput={set(&password)} />
                <p class="hint">{ i18n.t_args("admin-account-password-hint", &[("min", MIN_PASSWORD_CHARS.into())]) }</p>
                <button id="account-create" type="submit" class="primary" disabled={*busy}>{ i18n.t("admin-account-create") }</button>
            </form>
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn the_select_s_values_are_the_roles_wire_names() {
        for role in ROLES {
            assert_eq!(role_of(role.as_str()), Some(role));
        }
        assert_eq!(role_of("root"), None);
    }

    #[wasm_bindgen_test]
    fn a_blank_password_is_none_and_the_name_is_trimmed() {
        let sent = request("  Ana ", AccountRole::Observer, "");
        assert_eq!(sent.name, "Ana");
        assert_eq!(sent.password, None);
        let sent = request("Ana", AccountRole::Official, "correct horse battery");
        assert_eq!(sent.password.as_deref(), Some("correct horse battery"));
    }
}
