//! Mail to an election's voters (admin): queueing invitations, reminders and results, and
//! where each mail stands. The members send them (only the Raft leader, from a replicated
//! queue), so a send answers as soon as the mails are queued; the console then follows them
//! with [`status`].
//!
//! The pure rules the console needs (which kind the phase allows, what a resend asks for, the
//! progress of each kind) are here too, beside the calls, so they are tested without a page.

use shared::elections::LoginMethod;
use shared::mail::{
    MailKind, MailQueuedResponse, MailRequest, MailState, MailStatus, MailStatusResponse,
    MailTarget,
};
use shared::Phase;

use super::{get, post, ApiError, PendingWrite, Scope};

/// `POST /api/admin/elections/{id}/mail`: queues one kind of mail for the voters the request
/// means. A retry under the same key queues nobody twice.
pub async fn send(
    token: &str,
    scope: &Scope,
    write: &PendingWrite<MailRequest>,
) -> Result<MailQueuedResponse, ApiError> {
    post(&scope.election_admin("mail"), Some(token), write).await
}

/// `GET /api/admin/elections/{id}/mail`: the latest mail of each kind to each voter.
pub async fn status(token: &str, scope: &Scope) -> Result<MailStatusResponse, ApiError> {
    get(&scope.election_admin("mail"), Some(token)).await
}

/// Whether the server takes a `kind` of mail in `phase`, as it decides it (a button the server
/// would refuse stays disabled): invitations before and during voting, and only where voters
/// log in with a credential (the mail carries one); reminders while voting is open; results
/// once published.
pub fn allowed(kind: MailKind, phase: Phase, login: LoginMethod) -> bool {
    match kind {
        MailKind::Invitation => {
            login == LoginMethod::Credential && matches!(phase, Phase::Setup | Phase::Open)
        }
        MailKind::Reminder => phase == Phase::Open,
        MailKind::Results => phase == Phase::Published,
    }
}

/// Sending one failed mail again: the same kind to that voter only. A reminder still goes
/// only to a voter who has not voted (they may have voted since it failed).
pub fn resend(mail: &MailStatus) -> MailRequest {
    let to = match mail.kind {
        MailKind::Reminder => MailTarget::NotVoted,
        MailKind::Invitation | MailKind::Results => MailTarget::All,
    };
    MailRequest {
        kind: mail.kind,
        to,
        voter_ids: Some(vec![mail.voter_id]),
    }
}

/// Where the mails of one kind stand: each voter's latest mail of that kind counts once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub kind: MailKind,
    pub queued: u64,
    pub sent: u64,
    pub failed: u64,
}

impl Progress {
    /// Every mail of this kind: the progress bar's maximum.
    pub fn total(&self) -> u64 {
        self.queued + self.sent + self.failed
    }

    /// Mails the leader is done with, either way: the progress bar's value.
    pub fn handled(&self) -> u64 {
        self.sent + self.failed
    }

    /// The progress in words, in the page's language, which is also the bar's text
    /// equivalent.
    pub fn describe(&self) -> String {
        let i18n = crate::i18n::current();
        let parts = match (self.failed > 0, self.queued > 0) {
            (false, false) => {
                return i18n.t_args("admin-mail-all-sent", &[("sent", self.sent.into())]);
            }
            (true, false) => "failed",
            (false, true) => "waiting",
            (true, true) => "both",
        };
        i18n.t_args(
            "admin-mail-progress",
            &[
                ("parts", parts.into()),
                ("sent", self.sent.into()),
                ("total", self.total().into()),
                ("failed", self.failed.into()),
                ("queued", self.queued.into()),
            ],
        )
    }
}

/// The progress of each kind that has any mail, in [`MailKind::ALL`]'s order. A state from a
/// newer server counts nowhere rather than as a guess.
pub fn progress(mails: &[MailStatus]) -> Vec<Progress> {
    MailKind::ALL
        .into_iter()
        .map(|kind| {
            let mut figures = Progress {
                kind,
                queued: 0,
                sent: 0,
                failed: 0,
            };
            for mail in mails.iter().filter(|mail| mail.kind == kind) {
                match mail.state {
                    MailState::Queued => figures.queued += 1,
                    MailState::Sent => figures.sent += 1,
                    MailState::Failed => figures.failed += 1,
                    MailState::Unknown => {}
                }
            }
            figures
        })
        .filter(|figures| figures.total() > 0)
        .collect()
}

/// What a send came to, for the console's live region, in the page's language: how many were
/// queued, then why the others of the voters meant were not (only the reasons that apply).
pub fn describe_queued(kind: MailKind, answer: &MailQueuedResponse) -> String {
    let i18n = crate::i18n::current();
    let mut said = i18n.t_args(
        "admin-mail-queued",
        &[
            ("kind", kind.as_str().into()),
            ("count", answer.queued.into()),
        ],
    );
    let reasons = [
        (answer.skipped_no_email, "admin-mail-skipped-no-email"),
        (answer.already_queued, "admin-mail-skipped-waiting"),
        (answer.skipped_voted, "admin-mail-skipped-voted"),
    ];
    let skipped: Vec<String> = reasons
        .iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, key)| i18n.t_args(key, &[("count", (*count).into())]))
        .collect();
    if !skipped.is_empty() {
        let list = skipped.join(&i18n.t("admin-list-separator"));
        said.push(' ');
        said += &i18n.t_args("admin-mail-skipped", &[("list", list.into())]);
    }
    said
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn mail(voter_id: u32, kind: MailKind, state: MailState) -> MailStatus {
        MailStatus {
            voter_id,
            kind,
            state,
            generation: 1,
            attempts: 1,
            last_error: None,
            sent_at_ms: None,
            name: format!("Voter {voter_id}"),
            email: format!("v{voter_id}@example.org"),
        }
    }

    #[wasm_bindgen_test]
    fn each_kind_is_allowed_in_the_phases_the_server_takes_it() {
        let credential = LoginMethod::Credential;
        let by_name = LoginMethod::NameAndId;
        let invitation = |phase, login| allowed(MailKind::Invitation, phase, login);
        assert!(invitation(Phase::Setup, credential) && invitation(Phase::Open, credential));
        assert!(!invitation(Phase::Closed, credential));
        assert!(!invitation(Phase::Setup, by_name), "no credential to mail");
        assert!(allowed(MailKind::Reminder, Phase::Open, by_name));
        assert!(!allowed(MailKind::Reminder, Phase::Setup, credential));
        assert!(allowed(MailKind::Results, Phase::Published, by_name));
        assert!(!allowed(MailKind::Results, Phase::Closed, credential));
    }

    #[wasm_bindgen_test]
    fn a_resend_names_one_voter_and_the_same_kind() {
        let failed = mail(7, MailKind::Invitation, MailState::Failed);
        let body = serde_json::to_value(resend(&failed)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"kind": "invitation", "to": "all", "voter_ids": [7]})
        );
        let reminder = resend(&mail(3, MailKind::Reminder, MailState::Failed));
        assert_eq!(reminder.to, MailTarget::NotVoted);
    }

    #[wasm_bindgen_test]
    fn progress_counts_each_kind_apart() {
        let mails = [
            mail(1, MailKind::Invitation, MailState::Sent),
            mail(2, MailKind::Invitation, MailState::Queued),
            mail(3, MailKind::Invitation, MailState::Failed),
            mail(1, MailKind::Results, MailState::Sent),
            mail(2, MailKind::Results, MailState::Unknown),
        ];
        let figures = progress(&mails);
        assert_eq!(figures.len(), 2, "no reminder was sent: no bar for it");
        assert_eq!((figures[0].handled(), figures[0].total()), (2, 3));
        assert_eq!(figures[0].describe(), "1 of 3 sent, 1 failed, 1 waiting.");
        assert_eq!(figures[1].describe(), "All 1 sent.");
    }

    #[wasm_bindgen_test]
    fn a_send_says_why_voters_were_skipped() {
        let answer = MailQueuedResponse {
            queued: 4,
            skipped_no_email: 1,
            already_queued: 0,
            skipped_voted: 2,
        };
        assert_eq!(
            describe_queued(MailKind::Reminder, &answer),
            "Queued 4 reminders. Skipped: 1 without an email, 2 who have voted."
        );
        let one = MailQueuedResponse {
            queued: 1,
            ..MailQueuedResponse::default()
        };
        assert_eq!(
            describe_queued(MailKind::Invitation, &one),
            "Queued 1 invitation."
        );
    }
}
