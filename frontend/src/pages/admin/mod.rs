//! The admin's pages: a token gate, then the screen the path asked for: the [`console`] of
//! the original election (`/admin`) or of another one (`/admin/e/{id}`), or the
//! [`elections`] list with the form for a new election (`/admin/elections`).
//!
//! - [`commander`]: sending the console's commands; [`roll`]: the roll import with its one-time
//!   credentials and replaced credentials; [`exports`]: the files an admin can download;
//!   [`mail`]: invitations, reminders and results mailed to voters, followed until sent;
//!   [`words`]: sentences with names and code inside, in the page's language.
//!
//! The token is checked against `GET /api/admin/status` before it is kept, so a typo is
//! reported at once instead of as a string of failures later. It is kept in `sessionStorage`:
//! for this tab only. Should the server refuse it later (an HTTP 401, or an
//! `admin_unauthorized` error on the socket), it is forgotten and the gate asks again.

mod commander;
pub mod console;
pub mod elections;
mod exports;
mod mail;
mod roll;
pub(crate) mod words;

use shared::elections::ElectionId;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError, Scope};
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::notice::{Notice, Tone};
use crate::storage;
use console::AdminConsole;
use elections::ElectionsAdmin;
use words::{code, sentence};

/// What the admin asked for, shown once the token is accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum AdminScreen {
    /// An election's console: `None` is the original `/admin`, exactly as it always was;
    /// `Some(id)` is `/admin/e/{id}`, with the roll, credentials and exports.
    Console(Option<ElectionId>),
    /// `/admin/elections`: the list and the form for a new election.
    Elections,
}

#[derive(Properties, PartialEq)]
pub struct AdminPageProps {
    pub screen: AdminScreen,
}

#[component]
pub fn AdminPage(props: &AdminPageProps) -> Html {
    let token = use_state(storage::admin_token);
    let typed = use_state(String::new);
    let checking = use_state(|| false);
    let error = use_state(|| None::<String>);

    let on_input = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            typed.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let (token, typed, checking, error) = (
            token.clone(),
            typed.clone(),
            checking.clone(),
            error.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let candidate = typed.trim().to_string();
            let (token, checking, error) = (token.clone(), checking.clone(), error.clone());
            checking.set(true);
            spawn_local(async move {
                match api::admin::status(&candidate, &Scope::Original).await {
                    Ok(_) => {
                        storage::save_admin_token(&candidate);
                        error.set(None);
                        token.set(Some(candidate));
                    }
                    Err(ApiError::Unauthorized(_)) => {
                        error.set(Some(crate::i18n::current().t("admin-wrong-token")))
                    }
                    Err(err) => error.set(Some(err.describe())),
                }
                checking.set(false);
            });
        })
    };
    let on_logout = {
        let token = token.clone();
        Callback::from(move |_| {
            storage::forget_admin_token();
            token.set(None);
        })
    };
    // The token stopped working while the console was open: forget it and ask again, rather
    // than retrying a token the server will keep refusing.
    let on_refused = {
        let (token, error) = (token.clone(), error.clone());
        Callback::from(move |_| {
            storage::forget_admin_token();
            token.set(None);
            error.set(Some(crate::i18n::current().t("admin-token-refused")));
        })
    };

    let i18n = crate::i18n::use_i18n();
    if let Some(current) = (*token).clone() {
        return match &props.screen {
            AdminScreen::Console(election) => html! {
                <AdminConsole token={current} on_logout={on_logout} on_refused={on_refused}
                    election={election.clone().map(AttrValue::from)} />
            },
            AdminScreen::Elections => html! {
                <ElectionsAdmin token={current} on_logout={on_logout} on_refused={on_refused} />
            },
        };
    }
    html! {
        <main class="page narrow">
            <header class="topbar">
                <h1>{ i18n.t("admin-title") }</h1>
                <LanguageSwitcher />
            </header>
            <form class="card" onsubmit={on_submit} aria-labelledby="token-title">
                <h2 id="token-title">{ i18n.t("admin-token-title") }</h2>
                <label for="admin-token">
                    { sentence(&i18n, "admin-token-label", &[], &[("flag", code("--admin-token"))]) }
                </label>
                <input id="admin-token" type="password" autocomplete="current-password"
                    required=true value={(*typed).clone()} oninput={on_input} />
                <p class="hint">{ i18n.t("admin-token-hint") }</p>
                <button id="admin-token-submit" type="submit" class="primary" disabled={*checking}>
                    { i18n.t("admin-token-submit") }
                </button>
            </form>
            <Notice tone={Tone::Error} text={(*error).clone().map(AttrValue::from)} />
        </main>
    }
}
