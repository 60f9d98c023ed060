//! The admin console: phase commands, deadline, result visibility, the voter table with
//! turnout, replica health, the vote queue and the activity feed, all live.

use gloo::timers::future::TimeoutFuture;
use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::admin::{AdminCommand, PhaseCommand};
use crate::api::write::{send_with_retries, Settled};
use crate::api::{self, ApiError, PendingWrite};
use crate::components::activity_feed::ActivityFeed;
use crate::components::cluster_table::ClusterTable;
use crate::components::confirm_button::ConfirmButton;
use crate::components::countdown::Countdown;
use crate::components::deadline_form::DeadlineForm;
use crate::components::notice::{Notice, Tone};
use crate::components::page_header::PageHeader;
use crate::components::results_summary::ResultsSummary;
use crate::components::voter_table::VoterTable;
use crate::format::{format_offset, format_time_of_day};
use crate::pages::{page_classes, use_server_clock};
use crate::state::{Action, Connection, LiveState};
use crate::ws::use_live_state;

#[derive(Properties, PartialEq)]
pub struct AdminConsoleProps {
    pub token: AttrValue,
    /// The admin chose "Forget token": back to the gate.
    pub on_logout: Callback<()>,
    /// The server refused the token (over HTTP or the socket): back to the gate, saying so.
    pub on_refused: Callback<()>,
}

type NoticeState = UseStateHandle<(Tone, Option<String>)>;

/// How many times a command refused for want of a majority (or unanswered) is sent again.
const MAX_COMMAND_RETRIES: u32 = 3;

/// Sends admin commands and reports their answers; every control goes through here, so
/// they all say "Sending…", retry under one idempotency key, apply the answer, and send the
/// admin back to the token gate if the token stops working.
#[derive(Clone)]
struct Commander {
    token: String,
    notice: NoticeState,
    dispatch: UseReducerDispatcher<LiveState>,
    on_refused: Callback<()>,
}

impl Commander {
    /// A callback that sends `command(input)` as a new write and reports `done(&input)` on
    /// success.
    fn callback<I: 'static>(
        &self,
        done: fn(&I) -> &'static str,
        command: fn(I) -> AdminCommand,
    ) -> Callback<I> {
        let this = self.clone();
        Callback::from(move |input: I| {
            let done = done(&input);
            // One click, one write: its key is reused only by this command's retries.
            let write = PendingWrite::new(command(input));
            let this = this.clone();
            this.notice.set((Tone::Info, Some("Sending…".into())));
            spawn_local(async move {
                let token = this.token.clone();
                let send = |write: &PendingWrite<AdminCommand>| {
                    let (token, write) = (token.clone(), write.clone());
                    async move { api::admin::command(&token, &write).await }
                };
                let notice = this.notice.clone();
                let wait = |err: &ApiError, delay_ms| {
                    notice.set((Tone::Info, Some(err.describe())));
                    TimeoutFuture::new(delay_ms)
                };
                match send_with_retries(&write, MAX_COMMAND_RETRIES, send, wait).await {
                    Settled::Done(answer) => {
                        this.dispatch.dispatch(Action::CommandApplied(answer));
                        this.notice.set((Tone::Success, Some(done.into())));
                    }
                    Settled::Refused(ApiError::Unauthorized(_)) => this.on_refused.emit(()),
                    Settled::Refused(err) => {
                        this.notice.set((Tone::Error, Some(err.describe())));
                    }
                    Settled::GaveUp(err) => {
                        this.notice.set((Tone::Error, Some(err.describe_gave_up())));
                    }
                }
            });
        })
    }

    /// Start, Stop or Publish.
    fn phase(&self, command: PhaseCommand) -> Callback<()> {
        match command {
            PhaseCommand::Start => self.callback(
                |_| "Voting started.",
                |()| AdminCommand::Phase(PhaseCommand::Start),
            ),
            PhaseCommand::Stop => self.callback(
                |_| "Voting stopped.",
                |()| AdminCommand::Phase(PhaseCommand::Stop),
            ),
            PhaseCommand::Publish => self.callback(
                |_| "Results published.",
                |()| AdminCommand::Phase(PhaseCommand::Publish),
            ),
        }
    }
}

#[component]
pub fn AdminConsole(props: &AdminConsoleProps) -> Html {
    let token = props.token.to_string();
    let live = use_live_state(Some(token.clone()));
    let server_now_ms = use_server_clock(&live);
    let notice: NoticeState = use_state(|| (Tone::Info, None));

    // Every snapshot, on load and after each reconnection (pushes missed while away are lost).
    {
        let (token, dispatch, on_refused) =
            (token.clone(), live.dispatcher(), props.on_refused.clone());
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                match api::admin::status(&token).await {
                    Ok(status) => dispatch.dispatch(Action::AdminStatusLoaded(status)),
                    Err(ApiError::Unauthorized(_)) => return on_refused.emit(()),
                    Err(_) => {}
                }
                if let Ok(voters) = api::admin::voters(&token).await {
                    dispatch.dispatch(Action::VotersLoaded(voters));
                }
                if let Ok(cluster) = api::admin::cluster_status(&token).await {
                    dispatch.dispatch(Action::ClusterLoaded(cluster));
                }
                if let Ok(feed) = api::admin::notifications(&token).await {
                    dispatch.dispatch(Action::NotificationsLoaded(feed.notifications));
                }
                if let Ok(results) = api::voter::results().await {
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
        notice: notice.clone(),
        dispatch: live.dispatcher(),
        on_refused: props.on_refused.clone(),
    };
    let on_set_at = commander.callback(|_| "Deadline set.", AdminCommand::DeadlineAt);
    let on_set_in = commander.callback(|_| "Deadline set.", AdminCommand::DeadlineIn);
    let on_live_results = commander
        .callback(
            |enabled| {
                if *enabled {
                    "Live results shown."
                } else {
                    "Live results hidden."
                }
            },
            AdminCommand::LiveResults,
        )
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());

    let phase = live.phase;
    let queue = live.queue.unwrap_or_default();
    html! {
        <main class={page_classes("admin", live.connection)}>
            <PageHeader title="Ballot admin" phase={phase} connection={live.connection}>
                <button type="button" class="link push-right" onclick={on_logout}>{ "Forget token" }</button>
            </PageHeader>
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
                            disabled={phase != Phase::Setup} on_confirm={commander.phase(PhaseCommand::Start)} />
                        <ConfirmButton id="stop" label={PhaseCommand::Stop.label()} question={PhaseCommand::Stop.question()}
                            danger=true disabled={phase != Phase::Open} on_confirm={commander.phase(PhaseCommand::Stop)} />
                        <ConfirmButton id="publish" label={PhaseCommand::Publish.label()} question={PhaseCommand::Publish.question()}
                            disabled={phase != Phase::Closed} on_confirm={commander.phase(PhaseCommand::Publish)} />
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
                    <h2 id="results-title">{ "Results" }</h2>
                    if let Some(results) = live.results.clone() {
                        <ResultsSummary results={results} />
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
