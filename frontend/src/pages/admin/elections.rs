//! The admin's elections (`/admin/elections`): every election, each leading to its console,
//! and the form for a new one. A created election opens its console (`/admin/e/{id}`), where
//! the roll is imported. Owners also manage the accounts here ([`AccountsPanel`]); the form
//! for a new election and the accounts are not shown to other roles, who may not use them.

use shared::accounts::MeAdminResponse;
use shared::elections::{ElectionRequest, ElectionSummary};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::account::{AccountBar, Powers};
use super::accounts::AccountsPanel;
use super::commander::{wait_saying, NoticeState, MAX_COMMAND_RETRIES};
use crate::api::write::{send_with_retries, Settled};
use crate::api::{self, ApiError, PendingWrite};
use crate::components::election_form::ElectionForm;
use crate::components::election_list::ElectionList;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::notice::{Notice, Tone};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct ElectionsAdminProps {
    /// The admin token; empty when signed in by password.
    pub token: AttrValue,
    pub me: MeAdminResponse,
    pub on_logout: Callback<()>,
    pub on_refused: Callback<()>,
    /// Shown first, across the grid (the first owner's welcome).
    #[prop_or_default]
    pub children: Html,
}

/// Sends the new election (one click, one write) and opens its console once it exists.
async fn create(
    token: String,
    request: ElectionRequest,
    notice: NoticeState,
    on_refused: Callback<()>,
) {
    let write = PendingWrite::new(request);
    let send = |write: &PendingWrite<ElectionRequest>| {
        let (token, write) = (token.clone(), write.clone());
        async move { api::elections::create(&token, &write).await }
    };
    match send_with_retries(&write, MAX_COMMAND_RETRIES, send, wait_saying(&notice)).await {
        Settled::Done(view) => {
            let created =
                crate::i18n::current().t_args("editor-created", &[("title", view.title.into())]);
            notice.set((Tone::Success, Some(created)));
            // A page load, as every move between the dashboards is (see `app`).
            let _ = gloo::utils::window()
                .location()
                .assign(&format!("/admin/e/{}", view.id));
        }
        Settled::Refused(ApiError::Unauthorized(_)) => on_refused.emit(()),
        Settled::Refused(err) => notice.set((Tone::Error, Some(err.describe()))),
        Settled::GaveUp(err) => notice.set((Tone::Error, Some(err.describe_gave_up()))),
    }
}

#[component]
pub fn ElectionsAdmin(props: &ElectionsAdminProps) -> Html {
    let i18n = use_i18n();
    let elections = use_state(|| None::<Vec<ElectionSummary>>);
    let busy = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    {
        let (elections, notice) = (elections.clone(), notice.clone());
        let (token, on_refused) = (props.token.to_string(), props.on_refused.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match api::elections::admin_list(&token).await {
                    Ok(answer) => elections.set(Some(answer.elections)),
                    Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Err(err) => notice.set((Tone::Error, Some(err.describe()))),
                }
            });
        });
    }
    let on_submit = {
        let (busy, notice) = (busy.clone(), notice.clone());
        let (token, on_refused) = (props.token.to_string(), props.on_refused.clone());
        Callback::from(move |request: ElectionRequest| {
            let (busy, notice) = (busy.clone(), notice.clone());
            let (token, on_refused) = (token.clone(), on_refused.clone());
            busy.set(true);
            notice.set((
                Tone::Info,
                Some(crate::i18n::current().t("editor-creating")),
            ));
            spawn_local(async move {
                create(token, request, notice, on_refused).await;
                busy.set(false);
            });
        })
    };
    let powers = Powers::of(props.me.role);
    html! {
        <main class="page admin">
            <header class="topbar">
                <h1>{ i18n.t("editor-elections-title") }</h1>
                <LanguageSwitcher />
                <nav class="push-right page-links" aria-label={i18n.t("editor-admin-pages")}>
                    <a href="/admin">{ i18n.t("editor-original-console") }</a>{ " · " }
                    <a href="/elections">{ i18n.t("editor-public-list") }</a>
                </nav>
                <AccountBar me={props.me.clone()} token={props.token.clone()} on_logout={props.on_logout.clone()} />
            </header>
            <div class="admin-grid">
                { props.children.clone() }
                <section class="card" aria-labelledby="all-title">
                    <h2 id="all-title">{ i18n.t("editor-all-elections") }</h2>
                    if let Some(list) = (*elections).clone() {
                        <ElectionList elections={list} admin=true />
                    } else {
                        <p class="muted">{ i18n.t("editor-loading") }</p>
                    }
                </section>
                <div>
                    if powers.owner {
                        <ElectionForm busy={*busy} on_submit={on_submit} />
                    }
                    <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
                </div>
                if powers.owner {
                    <section class="card wide" aria-labelledby="accounts-title">
                        <h2 id="accounts-title">{ i18n.t("admin-section-accounts") }</h2>
                        <AccountsPanel token={props.token.clone()} on_refused={props.on_refused.clone()} />
                    </section>
                }
            </div>
        </main>
    }
}
