//! The voter's page (`/`): log in or register, vote with one click, keep the receipt across
//! reloads, and see the results (live if the admin allows it, always once published).

use gloo::timers::future::TimeoutFuture;
use shared::dto::{
    Candidate, LoginRequest, LoginResponse, MeResponse, RegisterRequest, VoteRequest,
};
use shared::CandidateId;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{accepting_votes, page_classes, use_server_clock};
use crate::api::write::{send_with_retries, Settled};
use crate::api::{self, ApiError, PendingWrite};
use crate::clock::server_now;
use crate::components::countdown::Countdown;
use crate::components::login_form::LoginForm;
use crate::components::notice::{Notice, Tone};
use crate::components::page_header::PageHeader;
use crate::components::results_summary::ResultsSummary;
use crate::components::voter_panel::VoterPanel;
use crate::format::format_offset;
use crate::state::{Action, LiveState};
use crate::storage;
use crate::ws::use_live_state;

/// How many times a vote is sent again by itself (a full queue, no majority, a lost answer)
/// before the voter is asked to try again by hand.
const MAX_VOTE_RETRIES: u32 = 10;

/// The same for registering and logging in, where the person is watching the form.
const MAX_FORM_RETRIES: u32 = 3;

type NoticeState = UseStateHandle<(Tone, Option<String>)>;

fn say(notice: &NoticeState, tone: Tone, text: impl Into<String>) {
    notice.set((tone, Some(text.into())));
}

/// What the retry loop does between attempts: says why it waits, then waits.
fn wait_saying(notice: &NoticeState) -> impl FnMut(&ApiError, u32) -> TimeoutFuture + '_ {
    move |err, delay_ms| {
        say(notice, Tone::Info, err.describe());
        TimeoutFuture::new(delay_ms)
    }
}

/// Logs in and remembers the session; shared by the login and registration forms.
async fn log_in(
    name: String,
    voter_id: u32,
    session: UseStateHandle<Option<LoginResponse>>,
    notice: NoticeState,
    welcome: String,
) {
    let write = PendingWrite::new(LoginRequest { name, voter_id });
    let send = |write: &PendingWrite<LoginRequest>| {
        let write = write.clone();
        async move { api::voter::login(&write).await }
    };
    match send_with_retries(&write, MAX_FORM_RETRIES, send, wait_saying(&notice)).await {
        Settled::Done(login) => {
            storage::save_voter_session(&login);
            session.set(Some(login));
            say(&notice, Tone::Success, welcome);
        }
        Settled::Refused(ApiError::Unauthorized(_)) => say(
            &notice,
            Tone::Error,
            "Wrong name or voter id: they do not match anyone on the roll. Check both and try again.",
        ),
        Settled::Refused(err) => say(&notice, Tone::Error, err.describe()),
        Settled::GaveUp(err) => say(&notice, Tone::Error, err.describe_gave_up()),
    }
}

/// Registers a new voter, then logs them in.
async fn register(
    name: String,
    session: UseStateHandle<Option<LoginResponse>>,
    notice: NoticeState,
) {
    let write = PendingWrite::new(RegisterRequest { name });
    let send = |write: &PendingWrite<RegisterRequest>| {
        let write = write.clone();
        async move { api::voter::register(&write).await }
    };
    match send_with_retries(&write, MAX_FORM_RETRIES, send, wait_saying(&notice)).await {
        Settled::Done(made) => {
            let welcome = format!(
                "You are voter #{}. Keep this number to log in again.",
                made.voter_id
            );
            log_in(made.name, made.voter_id, session, notice, welcome).await;
        }
        Settled::Refused(err) => say(&notice, Tone::Error, err.describe()),
        Settled::GaveUp(err) => say(&notice, Tone::Error, err.describe_gave_up()),
    }
}

/// Sends a vote and reports the outcome. A full queue, a missing majority, a vote still
/// queued or a lost answer is retried with the *same* write: the same idempotency key, so the
/// server counts it at most once, and the same click time, the moment the voter decided,
/// which is what the deadline judges. The write is kept in storage until it has a final
/// answer, so a reload sends it again instead of a new vote. Any refusal is shown, and the
/// page asks the server again whether this voter has voted (after a double vote, it has).
async fn send_vote(
    write: PendingWrite<VoteRequest>,
    login: LoginResponse,
    dispatch: UseReducerDispatcher<LiveState>,
    me: UseStateHandle<Option<MeResponse>>,
    notice: NoticeState,
) {
    storage::save_pending_vote(&write);
    let send = |write: &PendingWrite<VoteRequest>| {
        let write = write.clone();
        async move { api::voter::vote(&write).await }
    };
    let outcome = send_with_retries(&write, MAX_VOTE_RETRIES, send, wait_saying(&notice)).await;
    storage::forget_pending_vote();
    match outcome {
        Settled::Done(answer) => {
            dispatch.dispatch(Action::LamportObserved(answer.lamport));
            me.set(Some(MeResponse {
                voter_id: login.voter_id,
                name: login.name.clone(),
                has_voted: true,
                vote_seq: Some(answer.seq),
            }));
            return say(&notice, Tone::Success, "Thank you: your vote is counted.");
        }
        Settled::Refused(err) => say(&notice, Tone::Error, err.describe()),
        Settled::GaveUp(err) => say(&notice, Tone::Error, err.describe_gave_up()),
    }
    if let Ok(answer) = api::voter::me(&login.session).await {
        me.set(Some(answer));
    }
}

#[component]
pub fn VoterPage() -> Html {
    let live = use_live_state(None);
    let server_now_ms = use_server_clock(&live);
    let candidates = use_state(Vec::<Candidate>::new);
    let session = use_state(storage::voter_session);
    let me = use_state(|| None::<MeResponse>);
    let busy = use_state(|| false);
    let sending = use_state(|| None::<CandidateId>);
    let notice: NoticeState = use_state(|| (Tone::Info, None));

    // The ballot and the figures, on load and again after every reconnection.
    {
        let (candidates, dispatch) = (candidates.clone(), live.dispatcher());
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                if let Ok(options) = api::voter::options().await {
                    candidates.set(options.candidates);
                }
                if let Ok(results) = api::voter::results().await {
                    dispatch.dispatch(Action::ResultsLoaded(results));
                }
            });
        });
    }
    // Whether this voter has voted: the server is the judge, so a reload shows the receipt.
    // A vote that was still being sent when the page was left is sent again, with its key.
    {
        let (me, session_handle, notice) = (me.clone(), session.clone(), notice.clone());
        let (dispatch, sending) = (live.dispatcher(), sending.clone());
        let token = session.as_ref().map(|s| s.session.clone());
        use_effect_with(token, move |token| {
            me.set(None);
            if let (Some(token), Some(login)) = (token.clone(), (*session_handle).clone()) {
                spawn_local(async move {
                    match api::voter::me(&token).await {
                        Ok(answer) if answer.has_voted => {
                            storage::forget_pending_vote();
                            me.set(Some(answer));
                        }
                        Ok(answer) => {
                            me.set(Some(answer));
                            if let Some(write) = storage::pending_vote(&token) {
                                sending.set(Some(write.body.candidate_id));
                                say(&notice, Tone::Info, "Sending your vote again…");
                                send_vote(write, login, dispatch, me, notice).await;
                                sending.set(None);
                            }
                        }
                        Err(ApiError::Unauthorized(_)) => {
                            storage::forget_voter_session();
                            storage::forget_pending_vote();
                            session_handle.set(None);
                            say(
                                &notice,
                                Tone::Info,
                                "Your session has ended; please log in again.",
                            );
                        }
                        Err(err) => say(&notice, Tone::Error, err.describe()),
                    }
                });
            }
        });
    }

    let on_login = {
        let (busy, session, notice) = (busy.clone(), session.clone(), notice.clone());
        Callback::from(move |(name, voter_id): (String, u32)| {
            let (busy, session, notice) = (busy.clone(), session.clone(), notice.clone());
            busy.set(true);
            spawn_local(async move {
                let welcome = format!("Welcome, {name}.");
                log_in(name, voter_id, session, notice, welcome).await;
                busy.set(false);
            });
        })
    };
    let on_register = {
        let (busy, session, notice) = (busy.clone(), session.clone(), notice.clone());
        Callback::from(move |name: String| {
            let (busy, session, notice) = (busy.clone(), session.clone(), notice.clone());
            busy.set(true);
            spawn_local(async move {
                register(name, session, notice).await;
                busy.set(false);
            });
        })
    };
    let on_logout = {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |()| {
            storage::forget_voter_session();
            storage::forget_pending_vote();
            session.set(None);
            notice.set((Tone::Info, None));
        })
    };
    let on_vote = {
        let (live, session, me) = (live.clone(), session.clone(), me.clone());
        let (sending, notice) = (sending.clone(), notice.clone());
        Callback::from(move |candidate_id: CandidateId| {
            let Some(login) = (*session).clone() else {
                return;
            };
            // The click time is read now, from the synchronised clock, not at render time.
            let click_time_ms = server_now(js_sys::Date::now(), live.offset_ms());
            let (_, lamport) = live.lamport.send();
            live.dispatch(Action::LamportSent(lamport));
            // One click, one write: its key is kept for every retry of this vote only.
            let write = PendingWrite::new(VoteRequest {
                session: login.session.clone(),
                candidate_id,
                lamport,
                click_time_ms,
            });
            sending.set(Some(candidate_id));
            say(&notice, Tone::Info, "Sending your vote…");
            let (dispatch, me, sending, notice) = (
                live.dispatcher(),
                me.clone(),
                sending.clone(),
                notice.clone(),
            );
            spawn_local(async move {
                send_vote(write, login, dispatch, me, notice).await;
                sending.set(None);
            });
        })
    };

    let accepting = accepting_votes(live.phase, live.deadline_ms, server_now_ms);
    let voter_section = match (*session).clone() {
        None => html! {
            <LoginForm busy={*busy} on_login={on_login} on_register={on_register} />
        },
        Some(login) => html! {
            <VoterPanel login={login} me={(*me).clone()} candidates={(*candidates).clone()}
                phase={live.phase} accepting={accepting} sending={*sending}
                on_vote={on_vote} on_logout={on_logout} />
        },
    };

    let results = live.results.clone();
    html! {
        <main class={page_classes("voter", live.connection)}>
            <PageHeader title="Ballot" phase={live.phase} connection={live.connection} />
            <div class="row spread wrap">
                <Countdown phase={live.phase} deadline_ms={live.deadline_ms} server_now_ms={server_now_ms} />
                <p class="clock muted" data-testid="clock-offset">
                    { match live.clock {
                        Some(sample) => format!("Clock offset from server: {} (±{} ms)", format_offset(sample.offset_ms), sample.rtt_ms / 2 + 1),
                        None => "Synchronising clock…".to_string(),
                    } }
                </p>
            </div>
            // Above the forms, so that on a phone the answer to a tap is on screen.
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
            { voter_section }
            if let Some(results) = results {
                <section class="card results" aria-labelledby="results-title">
                    <h2 id="results-title">{ "Results" }</h2>
                    <ResultsSummary results={results} />
                </section>
            }
        </main>
    }
}
