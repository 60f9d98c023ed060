//! The console's mail to voters: sending invitations, reminders and results, and following
//! them until the leader has sent them all.
//!
//! A send only queues the mails (the answer says how many, and why the other voters meant
//! were skipped); the leader sends them at its own pace. So while any mail waits the panel
//! asks for the status every second, and stops as soon as none waits or the panel is gone.
//! A line in the live feed (a failure, another admin's send) or a reconnection asks once more.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use shared::elections::LoginMethod;
use shared::ids::{Seq, TimestampMs};
use shared::mail::{MailKind, MailQueuedResponse, MailRequest, MailStatusResponse, MailTarget};
use shared::{ErrorCode, NotificationKind, Phase};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::commander::{wait_saying, NoticeState, MAX_COMMAND_RETRIES};
use crate::api::mail::{self, allowed, describe_queued, progress};
use crate::api::write::{send_with_retries, Settled};
use crate::api::{ApiError, PendingWrite, Scope};
use crate::components::confirm_button::ConfirmButton;
use crate::components::mail_status::{FailedMails, MailProgress, MailSetupHelp};
use crate::components::notice::{Notice, Tone};
use crate::format::count;
use crate::i18n::I18n;

/// How long the panel waits between two looks at the status while mails wait to be sent.
const POLL_MS: u32 = 1_000;

/// What makes the panel look again without waiting mails: the socket's generation and the
/// newest line of the live feed about mail ([`is_mail`]).
pub type Nudge = (u32, Option<(Seq, TimestampMs)>);

/// Whether a line of the live feed is about mail.
pub fn is_mail(kind: NotificationKind) -> bool {
    matches!(
        kind,
        NotificationKind::MailRequested
            | NotificationKind::MailQueued
            | NotificationKind::MailSent
            | NotificationKind::MailFailed
    )
}

/// What the panel knows of the mail, folded by a reducer so that a fetch that lands late, or a
/// timer's tick, works on the current state rather than on the render that started it.
#[derive(Debug, Default, PartialEq)]
struct MailView {
    /// Bumped by the timer: each bump is one more look at the status.
    polls: u32,
    /// Bumped by every answer, even one with the same figures, so polling goes on from it.
    answers: u32,
    status: Option<Rc<MailStatusResponse>>,
    /// The members have no SMTP server: the panel explains how to give them one.
    not_configured: bool,
    /// Why the last look failed; the last figures stay shown meanwhile.
    error: Option<String>,
}

impl MailView {
    /// Whether any mail waits to be sent, so the panel should look again soon.
    fn waiting(&self) -> bool {
        self.status.as_ref().is_some_and(|status| status.queued > 0)
    }
}

enum Change {
    Poll,
    Loaded(MailStatusResponse),
    NotConfigured,
    Failed(String),
}

impl Reducible for MailView {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = MailView {
            polls: self.polls,
            answers: self.answers.wrapping_add(1),
            status: self.status.clone(),
            not_configured: self.not_configured,
            error: None,
        };
        match change {
            Change::Poll => {
                next.polls = self.polls.wrapping_add(1);
                next.answers = self.answers;
                next.error = self.error.clone();
            }
            // A status that says so is a missing SMTP server too (a server that answers 200).
            Change::Loaded(status) if !status.configured => next.not_configured = true,
            Change::Loaded(status) => {
                next.not_configured = false;
                next.status = Some(Rc::new(status));
            }
            Change::NotConfigured => next.not_configured = true,
            Change::Failed(error) => next.error = Some(error),
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct MailPanelProps {
    pub token: AttrValue,
    pub scope: Scope,
    pub phase: Phase,
    /// How voters log in: only a credential can be mailed in an invitation.
    pub login: LoginMethod,
    pub nudge: Nudge,
    /// An observer's console: the mail's progress without the buttons that send.
    #[prop_or_default]
    pub read_only: bool,
    pub on_refused: Callback<()>,
}

#[component]
pub fn MailPanel(props: &MailPanelProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let view = use_reducer(MailView::default);
    let busy = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    // The last send's figures, with its kind, until the next send.
    let last = use_state(|| None::<(MailKind, MailQueuedResponse)>);

    // A look at the status on load, on every poll, on every nudge and at every phase change.
    {
        let (token, scope, on_refused) = (
            props.token.to_string(),
            props.scope.clone(),
            props.on_refused.clone(),
        );
        let dispatch = view.dispatcher();
        let key = (view.polls, props.nudge, props.phase);
        use_effect_with(key, move |_| {
            spawn_local(async move {
                let change = match mail::status(&token, &scope).await {
                    Ok(status) => Change::Loaded(status),
                    Err(ApiError::Unauthorized(_)) => return on_refused.emit(()),
                    Err(err) if err.code() == ErrorCode::MailNotConfigured => Change::NotConfigured,
                    Err(err) => Change::Failed(err.describe()),
                };
                dispatch.dispatch(change);
            });
        });
    }
    // After each answer, the next poll if mails still wait. Dropping the timer (a newer
    // answer, or the panel going away) cancels it, so at most one is ever pending.
    {
        let dispatch = view.dispatcher();
        let waiting = view.waiting();
        use_effect_with(view.answers, move |_| {
            let timer =
                waiting.then(|| Timeout::new(POLL_MS, move || dispatch.dispatch(Change::Poll)));
            move || drop(timer)
        });
    }

    let send = {
        let (token, scope, on_refused) = (
            props.token.to_string(),
            props.scope.clone(),
            props.on_refused.clone(),
        );
        let (busy, notice, last, dispatch) = (
            busy.clone(),
            notice.clone(),
            last.clone(),
            view.dispatcher(),
        );
        Callback::from(move |request: MailRequest| {
            let (token, scope, on_refused) = (token.clone(), scope.clone(), on_refused.clone());
            let (busy, notice, last, dispatch) =
                (busy.clone(), notice.clone(), last.clone(), dispatch.clone());
            let kind = request.kind;
            // One click, one write: its key is reused only by this send's retries.
            let write = PendingWrite::new(request);
            busy.set(true);
            let queueing = crate::i18n::current()
                .t_args("admin-mail-queueing", &[("kind", kind.as_str().into())]);
            notice.set((Tone::Info, Some(queueing)));
            spawn_local(async move {
                let send = |write: &PendingWrite<MailRequest>| {
                    let (token, scope, write) = (token.clone(), scope.clone(), write.clone());
                    async move { mail::send(&token, &scope, &write).await }
                };
                let wait = wait_saying(&notice);
                match send_with_retries(&write, MAX_COMMAND_RETRIES, send, wait).await {
                    Settled::Done(answer) => {
                        notice.set((Tone::Success, Some(describe_queued(kind, &answer))));
                        last.set(Some((kind, answer)));
                    }
                    Settled::Refused(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Settled::Refused(err) => {
                        if err.code() == ErrorCode::MailNotConfigured {
                            dispatch.dispatch(Change::NotConfigured);
                        }
                        notice.set((Tone::Error, Some(err.describe())));
                    }
                    Settled::GaveUp(err) => {
                        notice.set((Tone::Error, Some(err.describe_gave_up())));
                    }
                }
                busy.set(false);
                // The queued mails show at once, and polling starts from them.
                dispatch.dispatch(Change::Poll);
            });
        })
    };

    if view.not_configured {
        return html! { <MailSetupHelp /> };
    }
    let (phase, login) = (props.phase, props.login);
    let can = |kind: MailKind| !*busy && allowed(kind, phase, login);
    let ask = |kind: MailKind, to: MailTarget| {
        send.reform(move |()| MailRequest {
            kind,
            to,
            voter_ids: None,
        })
    };
    let on_remind = ask(MailKind::Reminder, MailTarget::NotVoted).reform(|_: MouseEvent| ());
    let on_results = ask(MailKind::Results, MailTarget::All).reform(|_: MouseEvent| ());
    let on_resend = send.reform(|failed| mail::resend(&failed));
    let resendable: Vec<MailKind> = MailKind::ALL
        .into_iter()
        .filter(|kind| allowed(*kind, phase, login))
        .collect();
    let status = view.status.clone();
    html! {
        <>
            if !props.read_only {
            <div class="commands" role="group" aria-label={i18n.t("admin-mail-send")}>
                <ConfirmButton id="mail-invite-all" label={i18n.t("admin-mail-invite-all")}
                    yes={i18n.t("admin-mail-invite-all-yes")}
                    question={html! { i18n.t("admin-mail-invite-all-question") }}
                    disabled={!can(MailKind::Invitation)} on_confirm={ask(MailKind::Invitation, MailTarget::All)} />
                <ConfirmButton id="mail-invite-rest" label={i18n.t("admin-mail-invite-rest")}
                    yes={i18n.t("admin-mail-invite-rest-yes")}
                    question={html! { i18n.t("admin-mail-invite-rest-question") }}
                    disabled={!can(MailKind::Invitation)} on_confirm={ask(MailKind::Invitation, MailTarget::NotSent)} />
                <button id="mail-remind" type="button" disabled={!can(MailKind::Reminder)} onclick={on_remind}>
                    { i18n.t("admin-mail-remind") }
                </button>
                <button id="mail-results" type="button" disabled={!can(MailKind::Results)} onclick={on_results}>
                    { i18n.t("admin-mail-results") }
                </button>
            </div>
            <p class="hint">{ hint(&i18n, phase, login) }</p>
            }
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
            if let Some((kind, answer)) = (*last).clone() {
                <dl class="figures" data-testid="mail-queued"
                    aria-label={i18n.t_args("admin-mail-last-send", &[("kind", kind.as_str().into())])}>
                    <div><dt>{ i18n.t("admin-mail-figure-queued") }</dt><dd>{ count(answer.queued) }</dd></div>
                    <div><dt>{ i18n.t("admin-mail-figure-no-email") }</dt><dd>{ count(answer.skipped_no_email) }</dd></div>
                    <div><dt>{ i18n.t("admin-mail-figure-waiting") }</dt><dd>{ count(answer.already_queued) }</dd></div>
                    if kind == MailKind::Reminder {
                        <div><dt>{ i18n.t("admin-mail-figure-voted") }</dt><dd>{ count(answer.skipped_voted) }</dd></div>
                    }
                </dl>
            }
            if let Some(error) = view.error.clone() {
                <p class="muted">{ i18n.t_args("admin-mail-status-error", &[("error", error.into())]) }</p>
            }
            if let Some(status) = status {
                <MailProgress progress={progress(&status.mails)} />
                <FailedMails mails={status.mails.clone()} resendable={resendable}
                    busy={*busy} on_resend={on_resend} read_only={props.read_only} />
            } else {
                <p class="muted">{ i18n.t("admin-mail-reading") }</p>
            }
        </>
    }
}

/// What the phase allows, in words, so a disabled button is not a mystery.
fn hint(i18n: &I18n, phase: Phase, login: LoginMethod) -> String {
    let key = match (phase, login) {
        (Phase::Setup, LoginMethod::Credential) => "admin-mail-hint-setup",
        (Phase::Open, LoginMethod::Credential) => "admin-mail-hint-open",
        (Phase::Setup | Phase::Open, _) => "admin-mail-hint-no-credential",
        (Phase::Closed, _) => "admin-mail-hint-closed",
        (Phase::Published, _) => "admin-mail-hint-published",
    };
    i18n.t(key)
}
