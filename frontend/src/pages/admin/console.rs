//! The admin console: phase commands, deadline, result visibility, the voter table with
//! turnout, replica health, the vote queue and the activity feed, all live.

use shared::dto::AdminCommandResponse;
use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::admin::PhaseCommand;
use crate::api::{self, ApiError};
use crate::components::activity_feed::ActivityFeed;
use crate::components::bar_chart::BarChart;
use crate::components::cluster_table::ClusterTable;
use crate::components::confirm_button::ConfirmButton;
use crate::components::countdown::Countdown;
use crate::components::deadline_form::DeadlineForm;
use crate::components::notice::{Notice, Tone};
use crate::components::outcome::{leaders, OutcomeBanner};
use crate::components::status::{ConnectionBadge, PhaseBadge};
use crate::components::voter_table::VoterTable;
use crate::format::{format_offset, format_time_of_day};
use crate::pages::use_server_clock;
use crate::state::Action;
use crate::ws::use_live_state;

#[derive(Properties, PartialEq)]
pub struct AdminConsoleProps {
    pub token: AttrValue,
    /// The token was refused (or the admin logged out): back to the gate.
    pub on_logout: Callback<()>,
}

type NoticeState = UseStateHandle<(Tone, Option<String>)>;

/// Sends an admin command and reports its answer; every button goes through here.
fn run_command<F>(
    notice: &NoticeState,
    dispatch: &UseReducerDispatcher<crate::state::LiveState>,
    on_logout: &Callback<()>,
    done: &'static str,
    command: F,
) where
    F: std::future::Future<Output = Result<AdminCommandResponse, ApiError>> + 'static,
{
    let (notice, dispatch, on_logout) = (notice.clone(), dispatch.clone(), on_logout.clone());
    notice.set((Tone::Info, Some("Sending…".into())));
    spawn_local(async move {
        match command.await {
            Ok(answer) => {
                dispatch.dispatch(Action::CommandApplied(answer));
                notice.set((Tone::Success, Some(done.into())));
            }
            Err(ApiError::Unauthorized(_)) => on_logout.emit(()),
            Err(err) => notice.set((Tone::Error, Some(err.describe()))),
        }
    });
}

#[component]
pub fn AdminConsole(props: &AdminConsoleProps) -> Html {
    let token = props.token.to_string();
    let live = use_live_state(Some(token.clone()));
    let server_now_ms = use_server_clock(&live);
    let notice: NoticeState = use_state(|| (Tone::Info, None));

    // Every snapshot, on load and after each reconnection (pushes missed while away are lost).
    {
        let (token, dispatch, on_logout) =
            (token.clone(), live.dispatcher(), props.on_logout.clone());
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                match api::admin::status(&token).await {
                    Ok(status) => dispatch.dispatch(Action::AdminStatusLoaded(status)),
                    Err(ApiError::Unauthorized(_)) => return on_logout.emit(()),
                    Err(_) => {}
                }
                if let Ok(voters) = api::admin::voters(&token).await {
                    dispatch.dispatch(Action::VotersLoaded(voters));
                }
                if let Ok(cluster) = api::admin::cluster_status(&token).await {
                    dispatch.dispatch(Action::ClusterLoaded(cluster));
                }
                if let Ok(feed) = api::admin::notifications(&token, 0).await {
                    dispatch.dispatch(Action::NotificationsLoaded(feed.notifications));
                }
                if let Ok(results) = api::voter::results().await {
                    dispatch.dispatch(Action::ResultsLoaded(results));
                }
            });
        });
    }

    let dispatch = live.dispatcher();
    let command = |phase_command: PhaseCommand, done: &'static str| {
        let (notice, dispatch, on_logout, token) = (
            notice.clone(),
            dispatch.clone(),
            props.on_logout.clone(),
            token.clone(),
        );
        Callback::from(move |_| {
            let token = token.clone();
            run_command(&notice, &dispatch, &on_logout, done, async move {
                api::admin::phase_command(&token, phase_command).await
            });
        })
    };
    let on_set_at = {
        let (notice, dispatch, on_logout, token) = (
            notice.clone(),
            dispatch.clone(),
            props.on_logout.clone(),
            token.clone(),
        );
        Callback::from(move |end_time_ms| {
            let token = token.clone();
            run_command(
                &notice,
                &dispatch,
                &on_logout,
                "Deadline set.",
                async move { api::admin::set_deadline_at(&token, end_time_ms).await },
            );
        })
    };
    let on_set_in = {
        let (notice, dispatch, on_logout, token) = (
            notice.clone(),
            dispatch.clone(),
            props.on_logout.clone(),
            token.clone(),
        );
        Callback::from(move |minutes| {
            let token = token.clone();
            run_command(
                &notice,
                &dispatch,
                &on_logout,
                "Deadline set.",
                async move { api::admin::set_deadline_in(&token, minutes).await },
            );
        })
    };
    let on_live_results = {
        let (notice, dispatch, on_logout, token) = (
            notice.clone(),
            dispatch.clone(),
            props.on_logout.clone(),
            token.clone(),
        );
        Callback::from(move |event: Event| {
            let enabled = event.target_unchecked_into::<HtmlInputElement>().checked();
            let token = token.clone();
            let done = if enabled {
                "Live results shown."
            } else {
                "Live results hidden."
            };
            run_command(&notice, &dispatch, &on_logout, done, async move {
                api::admin::set_live_results(&token, enabled).await
            });
        })
    };
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());

    let phase = live.phase;
    let queue = live.queue.unwrap_or_default();
    html! {
        <main class="page admin">
            <header class="topbar">
                <h1>{ "Ballot admin" }</h1>
                <PhaseBadge phase={phase} />
                <ConnectionBadge connection={live.connection} />
                <button type="button" class="link push-right" onclick={on_logout}>{ "Forget token" }</button>
            </header>
            <div class="admin-grid">
                <section class="card" aria-labelledby="election-title">
                    <h2 id="election-title">{ "Election" }</h2>
                    <Countdown phase={phase} deadline_ms={live.deadline_ms} server_now_ms={server_now_ms} />
                    <p class="muted">
                        { live.deadline_ms.map_or("No deadline set.".to_string(), |d| format!("Deadline at {}.", format_time_of_day(d))) }
                        { format!(" Node {} · clock offset {} · Lamport {}",
                            live.node_id.map_or("?".to_string(), |n| n.to_string()),
                            format_offset(live.offset_ms()), live.lamport.0) }
                    </p>
                    <div class="commands">
                        <ConfirmButton id="start" label={PhaseCommand::Start.label()} question={PhaseCommand::Start.question()}
                            disabled={phase != Phase::Setup} on_confirm={command(PhaseCommand::Start, "Voting started.")} />
                        <ConfirmButton id="stop" label={PhaseCommand::Stop.label()} question={PhaseCommand::Stop.question()}
                            danger=true disabled={phase != Phase::Open} on_confirm={command(PhaseCommand::Stop, "Voting stopped.")} />
                        <ConfirmButton id="publish" label={PhaseCommand::Publish.label()} question={PhaseCommand::Publish.question()}
                            disabled={phase != Phase::Closed} on_confirm={command(PhaseCommand::Publish, "Results published.")} />
                    </div>
                    <DeadlineForm deadline_ms={live.deadline_ms} disabled={matches!(phase, Phase::Closed | Phase::Published)}
                        on_set_at={on_set_at} on_set_in={on_set_in} />
                    <label class="switch">
                        <input id="live-results" type="checkbox" checked={live.live_results}
                            onchange={on_live_results} disabled={phase == Phase::Published} />
                        { " Show live results to voters and the tally while voting is open" }
                    </label>
                    <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
                </section>
                <section class="card" aria-labelledby="queue-title">
                    <h2 id="queue-title">{ "Vote queue" }</h2>
                    <dl class="figures" data-testid="queue">
                        <div><dt>{ "Waiting" }</dt><dd>{ queue.depth }</dd></div>
                        <div><dt>{ "In flight" }</dt><dd>{ format!("{} / {}", queue.in_flight, queue.max_concurrent) }</dd></div>
                        <div><dt>{ "Capacity" }</dt><dd>{ queue.capacity }</dd></div>
                        <div><dt>{ "Peak waiting" }</dt><dd>{ queue.peak_depth }</dd></div>
                        <div><dt>{ "Peak in flight" }</dt><dd>{ queue.peak_in_flight }</dd></div>
                    </dl>
                    <h2>{ "Results" }</h2>
                    if let Some(results) = live.results.clone() {
                        if let Some(outcome) = results.outcome.clone() {
                            <OutcomeBanner outcome={outcome} counts={results.counts.clone()} />
                        }
                        if results.counts_visible && !results.counts.is_empty() {
                            <BarChart counts={results.counts.clone()} leaders={leaders(results.outcome.as_ref())} />
                        } else {
                            <p class="muted">{ format!("{} votes cast; counts hidden until published.", results.total_votes) }</p>
                        }
                    }
                </section>
                <section class="card" aria-labelledby="voters-title">
                    <h2 id="voters-title">{ "Voters" }</h2>
                    <VoterTable voters={live.voters.clone()} />
                </section>
                <section class="card" aria-labelledby="cluster-title">
                    <h2 id="cluster-title">{ "Replicas" }</h2>
                    <ClusterTable cluster={live.cluster.clone()} />
                </section>
                <section class="card wide" aria-labelledby="feed-title">
                    <h2 id="feed-title">{ "Activity" }</h2>
                    <ActivityFeed notifications={live.notifications.clone()} />
                </section>
            </div>
        </main>
    }
}
