//! What the voter's page sends: logging in (by name and voter id, or by credential),
//! registering, and voting. Each is one [`PendingWrite`] retried under its key by
//! [`send_with_retries`], with what happens shown in the page's notice line.

use std::future::Future;

use gloo::timers::future::TimeoutFuture;
use shared::dto::{LoginRequest, LoginResponse, MeResponse, RegisterRequest};
use shared::elections::CredentialLoginRequest;
use yew::prelude::*;

use crate::api::voter::VoteBody;
use crate::api::write::{send_with_retries, Settled};
use crate::api::{self, ApiError, PendingWrite, Scope};
use crate::components::field_error::{Form, Refusal};
use crate::components::notice::Tone;
use crate::i18n::I18n;
use crate::state::{Action, LiveState};
use crate::storage;
use wasm_bindgen_futures::spawn_local;

/// How many times a vote is sent again by itself (a full queue, no majority, a lost answer)
/// before the voter is asked to try again by hand.
const MAX_VOTE_RETRIES: u32 = 10;

/// The same for registering and logging in, where the person is watching the form.
const MAX_FORM_RETRIES: u32 = 3;

pub type NoticeState = UseStateHandle<(Tone, Option<String>)>;

pub fn say(notice: &NoticeState, tone: Tone, text: impl Into<String>) {
    notice.set((tone, Some(text.into())));
}

/// What the retry loop does between attempts: says why it waits, then waits.
fn wait_saying(notice: &NoticeState) -> impl FnMut(&ApiError, u32) -> TimeoutFuture + '_ {
    move |err, delay_ms| {
        say(notice, Tone::Info, err.describe());
        TimeoutFuture::new(delay_ms)
    }
}

/// The voter's side of the page that a login changes: where the session goes and where the
/// page says how it went.
#[derive(Clone)]
pub struct Doorway {
    pub scope: Scope,
    pub session: UseStateHandle<Option<LoginResponse>>,
    pub notice: NoticeState,
    /// A refusal of a form, shown next to its fields too.
    pub refusal: UseStateHandle<Refusal>,
    /// The page's language, for what the page says.
    pub i18n: I18n,
}

/// A callback that runs `action` (a login or a registration) with the forms' buttons held
/// until it is done, so one click is one request.
pub fn while_busy<I, F, Fut>(busy: &UseStateHandle<bool>, door: &Doorway, action: F) -> Callback<I>
where
    I: 'static,
    F: Fn(Doorway, I) -> Fut + 'static,
    Fut: Future<Output = ()> + 'static,
{
    let (busy, door) = (busy.clone(), door.clone());
    Callback::from(move |input: I| {
        let busy = busy.clone();
        busy.set(true);
        let run = action(door.clone(), input);
        spawn_local(async move {
            run.await;
            busy.set(false);
        });
    })
}

/// Says a form's refusal in the notice line and next to the form's fields.
fn refuse(door: &Doorway, form: Form, text: String) {
    door.refusal.set(Some((form, text.clone())));
    say(&door.notice, Tone::Error, text);
}

/// How a voter proves who they are.
pub enum Proof {
    NameAndId { name: String, voter_id: u32 },
    Credential(String),
}

/// Logs in and remembers the session; shared by both login forms and the registration.
/// `welcome` is what the page says once in; without it, it greets the voter by the name on
/// the roll.
pub async fn log_in(door: &Doorway, proof: Proof, welcome: Option<String>) {
    let scope = door.scope.clone();
    let by_name = matches!(proof, Proof::NameAndId { .. });
    let form = if by_name {
        Form::Login
    } else {
        Form::Credential
    };
    let outcome = match proof {
        Proof::NameAndId { name, voter_id } => {
            let write = PendingWrite::new(LoginRequest { name, voter_id });
            let send = |write: &PendingWrite<LoginRequest>| {
                let (write, scope) = (write.clone(), scope.clone());
                async move { api::voter::login(&scope, &write).await }
            };
            send_with_retries(&write, MAX_FORM_RETRIES, send, wait_saying(&door.notice)).await
        }
        Proof::Credential(credential) => {
            let write = PendingWrite::new(CredentialLoginRequest { credential });
            let send = |write: &PendingWrite<CredentialLoginRequest>| {
                let (write, scope) = (write.clone(), scope.clone());
                async move { api::voter::credential_login(&scope, &write).await }
            };
            send_with_retries(&write, MAX_FORM_RETRIES, send, wait_saying(&door.notice)).await
        }
    };
    let notice = &door.notice;
    match outcome {
        Settled::Done(login) => {
            let welcome = welcome.unwrap_or_else(|| {
                (door.i18n).t_args("notice-welcome", &[("name", login.name.as_str().into())])
            });
            storage::save_voter_session(&door.scope, &login);
            door.session.set(Some(login));
            door.refusal.set(None);
            say(notice, Tone::Success, welcome);
        }
        Settled::Refused(ApiError::Unauthorized(_)) if by_name => {
            refuse(door, form, door.i18n.t("notice-wrong-login"))
        }
        Settled::Refused(err) => refuse(door, form, err.describe()),
        // Not the form's fault: the notice says to try again, the fields are fine.
        Settled::GaveUp(err) => say(notice, Tone::Error, err.describe_gave_up()),
    }
}

/// Registers a new voter, then logs them in.
pub async fn register(door: &Doorway, name: String) {
    let write = PendingWrite::new(RegisterRequest { name });
    let scope = door.scope.clone();
    let send = |write: &PendingWrite<RegisterRequest>| {
        let (write, scope) = (write.clone(), scope.clone());
        async move { api::voter::register(&scope, &write).await }
    };
    match send_with_retries(&write, MAX_FORM_RETRIES, send, wait_saying(&door.notice)).await {
        Settled::Done(made) => {
            let welcome = (door.i18n).t_args("notice-registered", &[("id", made.voter_id.into())]);
            let proof = Proof::NameAndId {
                name: made.name,
                voter_id: made.voter_id,
            };
            log_in(door, proof, Some(welcome)).await;
        }
        Settled::Refused(err) => refuse(door, Form::Register, err.describe()),
        Settled::GaveUp(err) => say(&door.notice, Tone::Error, err.describe_gave_up()),
    }
}

/// Sends a vote and reports the outcome; returns whether it was counted. A full queue, a
/// missing majority, a vote still queued or a lost answer is retried with the *same* write:
/// the same idempotency key, so the server counts it at most once, and the same click time,
/// the moment the voter decided, which is what the deadline judges. The write is kept in
/// storage until it has a final answer, so a reload sends it again instead of a new vote. Any
/// refusal is shown, and the page asks the server again whether this voter has voted (after
/// a double vote, it has). `thanks` is what the page says once the vote is counted (it
/// differs when the voter is changing an earlier vote).
pub async fn send_vote(
    scope: Scope,
    write: PendingWrite<VoteBody>,
    login: LoginResponse,
    dispatch: UseReducerDispatcher<LiveState>,
    me: UseStateHandle<Option<MeResponse>>,
    notice: NoticeState,
    thanks: String,
) -> bool {
    storage::save_pending_vote(&scope, &write);
    let send = |write: &PendingWrite<VoteBody>| {
        let (write, scope) = (write.clone(), scope.clone());
        async move { api::voter::vote(&scope, &write).await }
    };
    let outcome = send_with_retries(&write, MAX_VOTE_RETRIES, send, wait_saying(&notice)).await;
    storage::forget_pending_vote(&scope);
    match outcome {
        Settled::Done(answer) => {
            dispatch.dispatch(Action::LamportObserved(answer.lamport));
            // Saved before `me` changes, so the page that re-renders on it finds the receipt.
            if let Some(receipt) = &answer.receipt {
                storage::save_receipt(&scope, login.voter_id, receipt);
            }
            // The ballot is in: its draft has nothing more to keep.
            storage::forget_draft(&login.session);
            me.set(Some(MeResponse {
                voter_id: login.voter_id,
                name: login.name.clone(),
                has_voted: true,
                vote_seq: Some(answer.seq),
            }));
            say(&notice, Tone::Success, thanks);
            return true;
        }
        Settled::Refused(err) => say(&notice, Tone::Error, err.describe()),
        Settled::GaveUp(err) => say(&notice, Tone::Error, err.describe_gave_up()),
    }
    if let Ok(answer) = api::voter::me(&scope, &login.session).await {
        me.set(Some(answer));
    }
    false
}
