//! Sending the console's commands: every control goes through [`Commander`], so they all say
//! "Sending…", retry under one idempotency key, apply the answer, and send the admin back to
//! the token gate if the token stops working.

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::admin::{AdminCommand, PhaseCommand};
use crate::api::write::{send_with_retries, Settled};
use crate::api::{self, ApiError, PendingWrite, Scope};
use crate::components::notice::Tone;
use crate::state::{Action, LiveState};

pub type NoticeState = UseStateHandle<(Tone, Option<String>)>;

/// How many times a command refused for want of a majority (or unanswered) is sent again.
pub const MAX_COMMAND_RETRIES: u32 = 3;

/// What the retry loop does between attempts: says why it waits, then waits.
pub fn wait_saying(notice: &NoticeState) -> impl FnMut(&ApiError, u32) -> TimeoutFuture + '_ {
    move |err, delay_ms| {
        notice.set((Tone::Info, Some(err.describe())));
        TimeoutFuture::new(delay_ms)
    }
}

#[derive(Clone)]
pub struct Commander {
    pub token: String,
    /// The election the commands are for.
    pub scope: Scope,
    pub notice: NoticeState,
    pub dispatch: UseReducerDispatcher<LiveState>,
    pub on_refused: Callback<()>,
}

impl Commander {
    /// A callback that sends `command(input)` as a new write and reports the message whose
    /// key is `done(&input)` on success.
    pub fn callback<I: 'static>(
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
            let i18n = crate::i18n::current();
            this.notice.set((Tone::Info, Some(i18n.t("admin-sending"))));
            spawn_local(async move {
                let (token, scope) = (this.token.clone(), this.scope.clone());
                let send = |write: &PendingWrite<AdminCommand>| {
                    let (token, scope, write) = (token.clone(), scope.clone(), write.clone());
                    async move { api::admin::command(&token, &scope, &write).await }
                };
                let wait = wait_saying(&this.notice);
                match send_with_retries(&write, MAX_COMMAND_RETRIES, send, wait).await {
                    Settled::Done(answer) => {
                        this.dispatch.dispatch(Action::CommandApplied(answer));
                        this.notice.set((Tone::Success, Some(i18n.t(done))));
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
    pub fn phase(&self, command: PhaseCommand) -> Callback<()> {
        match command {
            PhaseCommand::Start => self.callback(
                |_| "admin-voting-started",
                |()| AdminCommand::Phase(PhaseCommand::Start),
            ),
            PhaseCommand::Stop => self.callback(
                |_| "admin-voting-stopped",
                |()| AdminCommand::Phase(PhaseCommand::Stop),
            ),
            PhaseCommand::Publish => self.callback(
                |_| "admin-results-published",
                |()| AdminCommand::Phase(PhaseCommand::Publish),
            ),
        }
    }
}
