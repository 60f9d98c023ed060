//! An election's console: phase commands, deadline, result visibility, the voter table with
//! turnout, replica health, the vote queue and the activity feed, all live. `/admin` shows it
//! for the original election as it always did; `/admin/e/{id}` adds the election's title and
//! links, the roll import with its one-time credentials, replaced credentials, the exports and
//! the mail to voters, and for a verifiable election its trustees.
//!
//! What is shown depends on the account's role ([`Powers`]): an observer sees everything but
//! no control that changes anything; an owner also assigns the election's officials.

use shared::accounts::MeAdminResponse;
use shared::elections::{CredentialResponse, LoginMethod};
use shared::{Phase, VoterId};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::account::{by_token, AccountBar, Powers};
use super::commander::{Commander, NoticeState};
use super::exports::ExportPanel;
use super::mail::{is_mail, MailPanel};
use super::officials::OfficialsPanel;
use super::roll::{replace_credential, RollPanel};
use super::trustees::TrusteesPanel;
use crate::api::admin::{AdminCommand, PhaseCommand};
use crate::api::{self, ApiError};
use crate::components::activity_feed::ActivityFeed;
use crate::components::cluster_table::ClusterTable;
use crate::components::confirm_button::ConfirmButton;
use crate::components::countdown::Countdown;
use crate::components::credentials::FreshCredential;
use crate::components::deadline_form::DeadlineForm;
use crate::components::notice::{Notice, Tone};
use crate::components::page_header::PageHeader;
use crate::components::results_summary::ResultsSummary;
use crate::components::voter_table::VoterTable;
use crate::format::{count, offset, when};
use crate::pages::{
    no_such_election, page_classes, use_election_view, use_server_clock, Definition,
    ElectionPageProps,
};
use crate::state::{Action, Connection};
use crate::ws::use_admin_live_state;

#[derive(Properties, PartialEq)]
pub struct AdminConsoleProps {
    /// The admin token; empty when signed in by password (the session cookie speaks).
    pub token: AttrValue,
    /// Who is signed in, and so which controls are shown.
    pub me: MeAdminResponse,
    /// The admin chose "Forget token" (or "Sign out"): back to the gate.
    pub on_logout: Callback<()>,
    /// The server refused the token (over HTTP or the socket): back to the gate, saying so.
    pub on_refused: Callback<()>,
    /// The election of `/admin/e/{id}`; `None` for the original `/admin`.
    #[prop_or_default]
    pub election: Option<AttrValue>,
    /// Shown first, across the grid (the first owner's welcome).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn AdminConsole(props: &AdminConsoleProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let token = props.token.to_string();
    let page = ElectionPageProps {
        election: props.election.clone(),
    };
    let scope = page.scope();
    let powers = Powers::of(props.me.role);
    // The socket's `auth` takes a token only: signed in by password, the console hears the
    // public pushes, and reads the rest again every little while (see below).
    let live = use_admin_live_state(by_token(&token).then(|| token.clone()), scope.clone());
    let refresh = use_refresh(!by_token(&token));
    let server_now_ms = use_server_clock(&live);
    let definition = use_election_view(props.election.clone(), live.generation);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    // A replaced credential, shown once, with the voter's name (if the roll has them yet).
    let fresh = use_state(|| None::<(CredentialResponse, Option<String>)>);
    let replacing = use_state(|| false);

    // Every snapshot, on load and after each reconnection (pushes missed while away are lost).
    {
        let (token, dispatch, on_refused) =
            (token.clone(), live.dispatcher(), props.on_refused.clone());
        let scope = scope.clone();
        use_effect_with((live.generation, refresh), move |_| {
            spawn_local(async move {
                match api::admin::status(&token, &scope).await {
                    Ok(status) => dispatch.dispatch(Action::AdminStatusLoaded(status)),
                    Err(ApiError::Unauthorized(_)) => return on_refused.emit(()),
                    Err(_) => {}
                }
                if let Ok(voters) = api::admin::voters(&token, &scope).await {
                    dispatch.dispatch(Action::VotersLoaded(voters));
                }
                if let Ok(cluster) = api::admin::cluster_status(&token).await {
                    dispatch.dispatch(Action::ClusterLoaded(cluster));
                }
                if let Ok(feed) = api::admin::notifications(&token, &scope).await {
                    dispatch.dispatch(Action::NotificationsLoaded(feed.notifications));
                }
                if let Ok(results) = api::voter::results(&scope).await {
                    dispatch.dispatch(Action::ResultsLoaded(results));
                }
            });
        });
    }

    // The socket refused the token (it changed on the server, or this node has another one).
    {
        let on_refused = props.on_refused.clone();
        use_effect_with(live.connection, move |connection| {
            if *connection == Connection::Refused {
                on_refused.emit(());
            }
        });
    }

    let commander = Commander {
        token: token.clone(),
        scope: scope.clone(),
        notice: notice.clone(),
        dispatch: live.dispatcher(),
        on_refused: props.on_refused.clone(),
    };
    let on_set_at = commander.callback(|_| "admin-deadline-set", AdminCommand::DeadlineAt);
    let on_set_in = commander.callback(|_| "admin-deadline-set", AdminCommand::DeadlineIn);
    let on_live_results = commander
        .callback(
            |enabled| {
                if *enabled {
                    "admin-live-results-shown"
                } else {
                    "admin-live-results-hidden"
                }
            },
            AdminCommand::LiveResults,
        )
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());

    let view = match (&props.election, &*definition) {
        (None, _) | (Some(_), Definition::Loading) => None,
        (Some(id), Definition::Missing) => return no_such_election(id),
        (Some(_), Definition::Known(view)) => Some(view.clone()),
    };
    let title: AttrValue = match (&props.election, &view) {
        (None, _) => i18n.t("admin-title").into(),
        (Some(_), Some(view)) => view.title.clone().into(),
        (Some(id), None) => id.clone(),
    };
    // Credentials can be replaced until voting closes, in elections that use them.
    let credentials = view
        .as_ref()
        .is_some_and(|view| view.options.login == LoginMethod::Credential);
    let on_new_credential = (credentials && powers.commands).then(|| {
        let (token, scope, notice) = (token.clone(), scope.clone(), notice.clone());
        let (fresh, replacing, voters) = (fresh.clone(), replacing.clone(), live.voters.clone());
        let on_refused = props.on_refused.clone();
        Callback::from(move |voter_id: VoterId| {
            let name = voters
                .iter()
                .find(|voter| voter.voter_id == voter_id)
                .map(|voter| voter.name.clone());
            let (token, scope, notice) = (token.clone(), scope.clone(), notice.clone());
            let (fresh, replacing, on_refused) =
                (fresh.clone(), replacing.clone(), on_refused.clone());
            replacing.set(true);
            spawn_local(async move {
                if let Some(answer) =
                    replace_credential(&token, &scope, voter_id, &notice, &on_refused).await
                {
                    fresh.set(Some((answer, name)));
                }
                replacing.set(false);
            });
        })
    });
    let on_fresh_dismiss = {
        let fresh = fresh.clone();
        Callback::from(move |()| fresh.set(None))
    };

    let verifiable = view
        .as_ref()
        .is_some_and(|view| !view.options.secrecy.is_open());
    let phase = live.phase;
    let queue = live.queue.unwrap_or_default();
    let login = view
        .as_ref()
        .map_or(LoginMethod::default(), |view| view.options.login);
    // The mail panel looks at its status again after a reconnection and whenever the feed
    // brings a line about mail (a mail that failed, another admin's send); not on every vote.
    let mail_nudge = (
        live.generation,
        live.notifications
            .iter()
            .find(|line| is_mail(line.kind))
            .map(|line| (line.seq, line.time_ms)),
    );
    html! {
        <main class={page_classes("admin", live.connection)}>
            <PageHeader title={title} phase={phase} connection={live.connection}>
                if let Some(id) = &props.election {
                    <nav class="push-right page-links" aria-label={i18n.t("admin-election-pages")}>
                        <a href="/admin/elections">{ i18n.t("admin-all-elections") }</a>{ " · " }
                        <a href={format!("/e/{id}")}>{ i18n.t("admin-voter-page") }</a>{ " · " }
                        <a href={format!("/e/{id}/tally")}>{ i18n.t("admin-projector") }</a>
                    </nav>
                }
                <AccountBar me={props.me.clone()} token={props.token.clone()} on_logout={props.on_logout.clone()}
                    class={classes!(props.election.is_none().then_some("push-right"))} />
            </PageHeader>
            <div class="admin-grid">
                { props.children.clone() }
                <section class="card" aria-labelledby="election-title">
                    <h2 id="election-title">{ i18n.t("admin-section-election") }</h2>
                    <Countdown phase={phase} deadline_ms={live.deadline_ms} server_now_ms={server_now_ms} />
                    <p class="muted">
                        { live.deadline_ms.map_or_else(
                            || i18n.t("admin-no-deadline"),
                            |d| i18n.t_args("admin-deadline-at", &[("time", when(d).into())])) }
                        // Identifiers, not quantities: their digits as they are.
                        { i18n.t_args("admin-node-clock", &[
                            ("node", live.node_id.map_or("?".to_string(), |n| n.to_string()).into()),
                            ("offset", offset(live.offset_ms()).into()),
                            ("lamport", live.lamport.0.to_string().into()),
                        ]) }
                    </p>
                    if !powers.commands {
                        <p class="hint" data-testid="observer-note">{ i18n.t("admin-observer-note") }</p>
                    } else {
                    <div class="commands">
                        <ConfirmButton id="start" label={PhaseCommand::Start.label()} yes={PhaseCommand::Start.yes()}
                            question={html! { PhaseCommand::Start.question() }}
                            disabled={phase != Phase::Setup} on_confirm={commander.phase(PhaseCommand::Start)} />
                        <ConfirmButton id="stop" label={PhaseCommand::Stop.label()} yes={PhaseCommand::Stop.yes()}
                            question={html! { PhaseCommand::Stop.question() }}
                            danger=true disabled={phase != Phase::Open} on_confirm={commander.phase(PhaseCommand::Stop)} />
                        <ConfirmButton id="publish" label={PhaseCommand::Publish.label()} yes={PhaseCommand::Publish.yes()}
                            question={html! { PhaseCommand::Publish.question() }}
                            disabled={phase != Phase::Closed} on_confirm={commander.phase(PhaseCommand::Publish)} />
                    </div>
                    <DeadlineForm deadline_ms={live.deadline_ms} disabled={matches!(phase, Phase::Closed | Phase::Published)}
                        on_set_at={on_set_at} on_set_in={on_set_in} />
                    <label class="switch">
                        <input id="live-results" type="checkbox" checked={live.live_results}
                            onchange={on_live_results} disabled={phase == Phase::Published} />
                        { i18n.t("admin-live-results-switch") }
                    </label>
                    }
                    <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
                </section>
                <section class="card" aria-labelledby="queue-title">
                    <h2 id="queue-title">{ i18n.t("admin-section-queue") }</h2>
                    <dl class="figures" data-testid="queue">
                        <div><dt>{ i18n.t("admin-queue-waiting") }</dt><dd>{ count(queue.depth) }</dd></div>
                        <div><dt>{ i18n.t("admin-queue-in-flight") }</dt>
                            <dd>{ format!("{} / {}", count(queue.in_flight), count(queue.max_concurrent)) }</dd></div>
                        <div><dt>{ i18n.t("admin-queue-capacity") }</dt><dd>{ count(queue.capacity) }</dd></div>
                        <div><dt>{ i18n.t("admin-queue-peak-waiting") }</dt><dd>{ count(queue.peak_depth) }</dd></div>
                        <div><dt>{ i18n.t("admin-queue-peak-in-flight") }</dt><dd>{ count(queue.peak_in_flight) }</dd></div>
                    </dl>
                    <h2 id="results-title">{ i18n.t("admin-section-results") }</h2>
                    if let Some(results) = live.results.clone() {
                        <ResultsSummary results={results} questions={match &*definition {
                            Definition::Known(view) => Some(view.questions.clone()),
                            _ => None,
                        }} />
                    }
                </section>
                <section class="card" aria-labelledby="voters-title">
                    <h2 id="voters-title">{ i18n.t("admin-section-voters") }</h2>
                    if let Some((credential, name)) = (*fresh).clone() {
                        <FreshCredential credential={credential} name={name.map(AttrValue::from)} on_dismiss={on_fresh_dismiss} />
                    }
                    <VoterTable voters={live.voters.clone()} on_new_credential={on_new_credential}
                        credentials_disabled={*replacing || phase >= Phase::Closed} />
                </section>
                if props.election.is_some() && powers.commands {
                    <section class="card" aria-labelledby="roll-title">
                        <h2 id="roll-title">{ i18n.t("admin-section-roll") }</h2>
                        <RollPanel token={props.token.clone()} scope={scope.clone()} phase={phase}
                            on_refused={props.on_refused.clone()} />
                    </section>
                }
                if props.election.is_some() {
                    <section class="card" aria-labelledby="exports-title">
                        <h2 id="exports-title">{ i18n.t("admin-section-exports") }</h2>
                        <ExportPanel token={props.token.clone()} scope={scope.clone()}
                            on_refused={props.on_refused.clone()} />
                    </section>
                    <section id="mail-panel" class="card" aria-labelledby="mail-title">
                        <h2 id="mail-title">{ i18n.t("admin-section-mail") }</h2>
                        <MailPanel token={props.token.clone()} scope={scope.clone()} phase={phase}
                            login={login} nudge={mail_nudge} read_only={!powers.commands}
                            on_refused={props.on_refused.clone()} />
                    </section>
                }
                if let (Some(id), true) = (&props.election, verifiable) {
                    <section id="trustees-panel" class="card" aria-labelledby="trustees-title">
                        <h2 id="trustees-title">{ i18n.t("admin-section-trustees") }</h2>
                        <TrusteesPanel token={props.token.clone()} election={id.clone()} phase={phase}
                            commands={powers.commands} on_refused={props.on_refused.clone()} />
                    </section>
                }
                if let (Some(id), true) = (&props.election, powers.owner) {
                    <section class="card" aria-labelledby="officials-title">
                        <h2 id="officials-title">{ i18n.t("admin-section-officials") }</h2>
                        <OfficialsPanel token={props.token.clone()} election={id.clone()}
                            on_refused={props.on_refused.clone()} />
                    </section>
                }
                <section class="card" aria-labelledby="cluster-title">
                    <h2 id="cluster-title">{ i18n.t("admin-section-replicas") }</h2>
                    <ClusterTable cluster={live.cluster.clone()} />
                </section>
                <section class="card wide" aria-labelledby="feed-title">
                    <h2 id="feed-title">{ i18n.t("admin-section-activity") }</h2>
                    <ActivityFeed notifications={live.notifications.clone()} />
                </section>
            </div>
        </main>
    }
}

/// How often a console signed in by password reads its snapshots again, since its socket
/// brings no admin pushes.
const REFRESH_MS: u32 = 10_000;

/// A number that grows every [`REFRESH_MS`] while `polling`, for effects to depend on.
#[hook]
fn use_refresh(polling: bool) -> u32 {
    let tick = use_state(|| 0u32);
    // The interval's closure outlives renders: it counts on its own rather than reading `tick`.
    let count = use_mut_ref(|| 0u32);
    {
        let tick = tick.clone();
        use_effect_with(polling, move |polling| {
            let interval = polling.then(|| {
                gloo::timers::callback::Interval::new(REFRESH_MS, move || {
                    let next = {
                        let mut count = count.borrow_mut();
                        *count = count.wrapping_add(1);
                        *count
                    };
                    tick.set(next)
                })
            });
            move || drop(interval)
        });
    }
    *tick
}
