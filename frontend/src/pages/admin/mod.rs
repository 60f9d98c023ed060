//! The admin's pages: a token gate, then the screen the path asked for: the [`console`] of
//! the original election (`/admin`) or of another one (`/admin/e/{id}`), or the
//! [`elections`] list with the form for a new election (`/admin/elections`).
//!
//! - [`commander`]: sending the console's commands; [`roll`]: the roll import with its one-time
//!   credentials and replaced credentials; [`exports`]: the files an admin can download;
//!   [`mail`]: invitations, reminders and results mailed to voters, followed until sent;
//!   [`words`]: sentences with names and code inside, in the page's language.
//!
//! - [`account`]: who is signed in and what their role is shown ([`account::Powers`]);
//!   [`sign_in`]: the name-and-password form beside the token gate; [`accounts`]: the owners'
//!   accounts, each new one's token shown once by [`fresh_token`]; [`officials`]: an
//!   election's officials and observers; [`setup`]: the first owner account, by the link a new
//!   node prints (`/admin#setup=…`), whose form takes the gate's place.
//!
//! The gate takes a token or an account's name and password. The token is checked against
//! `GET /api/admin/me` before it is kept, so a typo is reported at once instead of as a string
//! of failures later. It is kept in `sessionStorage`: for this tab only. A password signs in
//! for a session cookie instead; the page then holds no token (an empty one, which sends no
//! `Authorization` header) and keeps the session's CSRF value. On load, `me` says whether the
//! tab's token or the browser's cookie is still good, and as whom. Should the server refuse it
//! later (an HTTP 401, or an `admin_unauthorized` error on the socket), it is forgotten and the
//! gate asks again.

pub mod account;
mod accounts;
mod commander;
pub mod console;
pub mod elections;
mod exports;
mod fresh_token;
mod mail;
mod officials;
mod roll;
mod setup;
mod sign_in;
mod trustees;
pub(crate) mod words;

use shared::accounts::{CreateAccountResponse, MeAdminResponse};
use shared::elections::ElectionId;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::notice::{Notice, Tone};
use crate::storage;
use console::AdminConsole;
use elections::ElectionsAdmin;
use fresh_token::FreshToken;
use setup::{Created, SetupForm, Welcome};
use sign_in::SignInForm;
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

/// Where the gate stands.
#[derive(Debug, Clone, PartialEq)]
enum Gate {
    /// Asking `me` whether the tab's token or the browser's session is still good.
    Checking,
    /// Nobody is signed in: the token form and the sign-in form.
    Open,
    /// Signed in as this account.
    In(MeAdminResponse),
}

/// Keeps what `me` (or a sign-in) said about the session: its CSRF value for a session by
/// cookie, none for a token.
fn adopt(me: &MeAdminResponse) {
    match &me.csrf {
        Some(csrf) => storage::save_admin_csrf(csrf),
        None => storage::forget_admin_csrf(),
    }
}

fn forget_all() {
    storage::forget_admin_token();
    storage::forget_admin_csrf();
}

#[component]
pub fn AdminPage(props: &AdminPageProps) -> Html {
    let token = use_state(storage::admin_token);
    let gate = use_state(|| Gate::Checking);
    let typed = use_state(String::new);
    let checking = use_state(|| false);
    let error = use_state(|| None::<String>);
    // Opened with the first owner's setup link: its token, taken out of the address bar now.
    let setup = use_state(setup::take_setup_token);
    // The first owner just made: its token, shown once.
    let welcome = use_state(|| None::<CreateAccountResponse>);

    // Who the tab's token, or else the browser's session cookie, stands for.
    {
        let (token, gate, error) = (token.clone(), gate.clone(), error.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                let stored = (*token).clone();
                match api::accounts::me(stored.as_deref().unwrap_or_default()).await {
                    Ok(me) => {
                        adopt(&me);
                        gate.set(Gate::In(me));
                    }
                    Err(ApiError::Unauthorized(_)) => {
                        forget_all();
                        if stored.is_some() {
                            let i18n = crate::i18n::current();
                            error.set(Some(i18n.t("admin-token-refused")));
                        }
                        token.set(None);
                        gate.set(Gate::Open);
                    }
                    Err(err) => {
                        error.set(Some(err.describe()));
                        gate.set(Gate::Open);
                    }
                }
            });
        });
    }

    let on_input = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            typed.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let (token, gate, typed, checking, error) = (
            token.clone(),
            gate.clone(),
            typed.clone(),
            checking.clone(),
            error.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let candidate = typed.trim().to_string();
            let (token, gate, checking, error) =
                (token.clone(), gate.clone(), checking.clone(), error.clone());
            let wrong = || crate::i18n::current().t("admin-wrong-token");
            // An empty token would ask about the browser's cookie instead.
            if candidate.is_empty() {
                return error.set(Some(wrong()));
            }
            checking.set(true);
            spawn_local(async move {
                match api::accounts::me(&candidate).await {
                    Ok(me) => {
                        storage::save_admin_token(&candidate);
                        adopt(&me);
                        error.set(None);
                        token.set(Some(candidate));
                        gate.set(Gate::In(me));
                    }
                    Err(ApiError::Unauthorized(_)) => error.set(Some(wrong())),
                    Err(err) => error.set(Some(err.describe())),
                }
                checking.set(false);
            });
        })
    };
    let on_signed_in = {
        let (token, gate, error) = (token.clone(), gate.clone(), error.clone());
        Callback::from(move |me: MeAdminResponse| {
            error.set(None);
            token.set(None);
            gate.set(Gate::In(me));
        })
    };
    let on_setup_done = {
        let (token, gate, error) = (token.clone(), gate.clone(), error.clone());
        let (setup, welcome) = (setup.clone(), welcome.clone());
        Callback::from(move |(created, signed_in): Created| {
            setup.set(None);
            welcome.set(Some(created));
            match signed_in {
                Ok(me) => {
                    error.set(None);
                    token.set(None);
                    gate.set(Gate::In(me));
                }
                // The account exists: the gate's sign-in form is the way in.
                Err(err) => {
                    let reason = [("reason", err.describe().into())];
                    let said = crate::i18n::current().t_args("admin-setup-sign-in-failed", &reason);
                    error.set(Some(said));
                    gate.set(Gate::Open);
                }
            }
        })
    };
    let on_setup_cancel = {
        let setup = setup.clone();
        Callback::from(move |()| setup.set(None))
    };
    let on_welcome_done = {
        let welcome = welcome.clone();
        Callback::from(move |()| welcome.set(None))
    };

    // "Forget token", or "Sign out" of a session by password (the server clears its cookie).
    let on_logout = {
        let (token, gate) = (token.clone(), gate.clone());
        Callback::from(move |_| {
            if token.is_none() {
                spawn_local(async {
                    let _ = api::accounts::logout("").await;
                });
            }
            forget_all();
            token.set(None);
            gate.set(Gate::Open);
        })
    };
    // The token or session stopped working while a page was open: forget it and ask again,
    // rather than retrying what the server will keep refusing.
    let on_refused = {
        let (token, gate, error) = (token.clone(), gate.clone(), error.clone());
        Callback::from(move |_| {
            let key = if token.is_some() {
                "admin-token-refused"
            } else {
                "admin-session-ended"
            };
            forget_all();
            token.set(None);
            gate.set(Gate::Open);
            error.set(Some(crate::i18n::current().t(key)));
        })
    };

    let i18n = crate::i18n::use_i18n();
    if let Gate::In(me) = (*gate).clone() {
        // An empty token: signed in by password, the cookie speaks (see `api::builder`).
        let current: AttrValue = (*token).clone().unwrap_or_default().into();
        let welcome = match (*welcome).clone() {
            Some(created) => html! { <Welcome {created} on_done={on_welcome_done} /> },
            None => html! {},
        };
        return match &props.screen {
            AdminScreen::Console(election) => html! {
                <AdminConsole token={current} me={me} on_logout={on_logout} on_refused={on_refused}
                    election={election.clone().map(AttrValue::from)}>{ welcome }</AdminConsole>
            },
            AdminScreen::Elections => html! {
                <ElectionsAdmin token={current} me={me} on_logout={on_logout} on_refused={on_refused}>
                    { welcome }
                </ElectionsAdmin>
            },
        };
    }
    html! {
        <main class="page narrow">
            <header class="topbar">
                <h1>{ i18n.t("admin-title") }</h1>
                <LanguageSwitcher />
            </header>
            if let Some(created) = (*welcome).clone() {
                // Made, but not signed in: the token is shown all the same, this once.
                <FreshToken {created} on_done={on_welcome_done} />
            }
            if let Some(setup_token) = (*setup).clone() {
                <SetupForm setup_token={setup_token} on_created={on_setup_done} on_cancel={on_setup_cancel} />
            } else if *gate == Gate::Checking {
                <p class="muted" role="status">{ i18n.t("admin-checking") }</p>
            } else {
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
                <SignInForm on_signed_in={on_signed_in} />
            }
        </main>
    }
}
