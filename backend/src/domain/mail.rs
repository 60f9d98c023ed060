//! Mail to voters as the election sees it: which mails are queued, sent or failed, decided and
//! folded like everything else. Pure: the leader's sender (the `mail` module, a layer up) does
//! the SMTP and reports what happened with [`Command::RecordMail`].
//!
//! Each (kind, voter) keeps its latest mail only; queueing that kind again for that voter makes
//! the next generation. An invitation's credential is derived from the queueing write's key
//! under the cluster secret, so any leader can write the same mail again and the log holds only
//! the credential's hash.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::ids::{TimestampMs, VoterId};
use shared::mail::{MailKind, MailState};
use shared::{EventPayload, Phase};

use super::{DomainError, Election, Envelope};

/// Delivery attempts before a mail that keeps failing for a passing reason is given up on.
pub const MAX_ATTEMPTS: u32 = 10;
/// The most mails one command may queue or report (a request is cut into such parts).
pub const MAX_MAILS_PER_COMMAND: usize = 5_000;
/// The longest server complaint kept with a failed mail.
pub const MAX_ERROR_CHARS: usize = 300;

/// One voter of a [`Command::QueueMail`](super::Command::QueueMail): for an invitation, the
/// hash of the credential derived for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedMail {
    pub voter_id: VoterId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_hash: Option<String>,
}

/// What the sender learned of one mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailOutcome {
    pub voter_id: VoterId,
    pub kind: MailKind,
    pub generation: u32,
    /// Which attempt this was (the record's attempts + 1 when the sender took it): a report
    /// that arrives twice counts once.
    pub attempt: u32,
    pub result: Delivery,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Delivery {
    Sent,
    /// A passing failure (a 4xx, a connection that failed): try again at `retry_at_ms`.
    Deferred {
        error: String,
        retry_at_ms: TimestampMs,
    },
    /// Refused for good (a 5xx), or not to be sent any more.
    Failed {
        error: String,
    },
}

/// The latest mail of one kind to one voter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecord {
    pub generation: u32,
    pub state: MailState,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub sent_at_ms: Option<TimestampMs>,
    /// When a deferred mail may be tried again.
    pub retry_at_ms: Option<TimestampMs>,
    /// An invitation's credential comes from this key (see the module's note).
    pub credential_key: Option<String>,
    /// Whether any generation of this kind reached this voter.
    pub ever_sent: bool,
    /// The event that queued it: the sender goes in this order.
    pub queued_seq: u64,
}

/// Every election's mail, by (kind, voter).
pub type MailBook = BTreeMap<(MailKind, VoterId), MailRecord>;

/// The phases in which a kind may be queued (and is still worth sending).
pub fn allowed(kind: MailKind, phase: Phase) -> bool {
    match kind {
        MailKind::Invitation => matches!(phase, Phase::Setup | Phase::Open),
        MailKind::Reminder => phase == Phase::Open,
        MailKind::Results => phase == Phase::Published,
    }
}

fn action(kind: MailKind) -> &'static str {
    match kind {
        MailKind::Invitation => "send invitations",
        MailKind::Reminder => "send reminders",
        MailKind::Results => "send the results",
    }
}

/// Queues `mails` of `kind`. Voters who cannot or need not get one now (no email, one already
/// waiting, a reminder to someone who voted, an unknown voter) are left out and counted in the
/// first event, `mail_requested`, not refused: the receiving node chose them from a view that
/// may be a little behind, and a retry of the request is answered from these events.
pub fn queue(
    state: &Election,
    envelope: &Envelope,
    kind: MailKind,
    mails: &[QueuedMail],
) -> Result<Vec<EventPayload>, DomainError> {
    if !allowed(kind, state.phase) {
        return Err(DomainError::WrongPhase {
            action: action(kind).into(),
            phase: state.phase,
        });
    }
    if mails.len() > MAX_MAILS_PER_COMMAND {
        return Err(DomainError::InvalidRoll {
            row: MAX_MAILS_PER_COMMAND as u64,
            problem: "too many mails in one entry".into(),
        });
    }
    let key = envelope.idempotency.as_ref().map(|stamp| stamp.key.clone());
    let (mut queued, mut no_email, mut waiting_already, mut voted_already) =
        (0u64, 0u64, 0u64, 0u64);
    let mut events = Vec::new();
    let mut hashes = std::collections::HashSet::new();
    for mail in mails {
        let Some(voter) = state.voters.get(&mail.voter_id) else {
            continue;
        };
        let previous = state.mail.get(&(kind, mail.voter_id));
        if voter.email.is_none() {
            no_email += 1;
            continue;
        }
        if previous.is_some_and(|record| record.state == MailState::Queued) {
            waiting_already += 1;
            continue;
        }
        if kind == MailKind::Reminder && voter.vote_seq.is_some() {
            voted_already += 1;
            continue;
        }
        let Some(generation) = previous.map_or(Some(1), |r| r.generation.checked_add(1)) else {
            continue;
        };
        let credential = match kind {
            MailKind::Invitation => {
                // Without a key or a fresh hash no credential could be written: leave it out.
                let (Some(_), Some(hash)) = (&key, &mail.credential_hash) else {
                    continue;
                };
                if state.credentials.contains_key(hash) || !hashes.insert(hash.clone()) {
                    continue;
                }
                Some(hash.clone())
            }
            _ => None,
        };
        queued += 1;
        events.push(EventPayload::MailQueued {
            voter_id: mail.voter_id,
            kind,
            generation,
            credential_key: credential.as_ref().and(key.clone()),
        });
        if let Some(credential_hash) = credential {
            events.push(EventPayload::CredentialIssued {
                voter_id: mail.voter_id,
                credential_hash,
            });
        }
    }
    events.insert(
        0,
        EventPayload::MailRequested {
            kind,
            queued,
            skipped_no_email: no_email,
            already_queued: waiting_already,
            skipped_voted: voted_already,
        },
    );
    Ok(events)
}

/// Records what the sender learned. An outcome for a mail that is no longer waiting (sent
/// already, or superseded by a newer generation) is stale and left out: two leaders may report
/// the same mail.
pub fn record(state: &Election, outcomes: &[MailOutcome]) -> Vec<EventPayload> {
    let mut events = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for outcome in outcomes.iter().take(MAX_MAILS_PER_COMMAND) {
        let key = (outcome.kind, outcome.voter_id);
        let Some(record) = state.mail.get(&key) else {
            continue;
        };
        if record.generation != outcome.generation
            || record.state != MailState::Queued
            || record.attempts.checked_add(1) != Some(outcome.attempt)
            || !seen.insert(key)
        {
            continue;
        }
        let attempts = outcome.attempt;
        let (voter_id, kind, generation) = (outcome.voter_id, outcome.kind, outcome.generation);
        events.push(match &outcome.result {
            Delivery::Sent => EventPayload::MailSent {
                voter_id,
                kind,
                generation,
                attempts,
            },
            Delivery::Deferred { error, retry_at_ms } if attempts < MAX_ATTEMPTS => {
                EventPayload::MailFailed {
                    voter_id,
                    kind,
                    generation,
                    attempts,
                    error: shorten(error),
                    retry_at_ms: Some(*retry_at_ms),
                }
            }
            Delivery::Deferred { error, .. } => EventPayload::MailFailed {
                voter_id,
                kind,
                generation,
                attempts,
                error: shorten(&format!("gave up after {attempts} attempts: {error}")),
                retry_at_ms: None,
            },
            Delivery::Failed { error } => EventPayload::MailFailed {
                voter_id,
                kind,
                generation,
                attempts,
                error: shorten(error),
                retry_at_ms: None,
            },
        });
    }
    events
}

fn shorten(error: &str) -> String {
    error.chars().take(MAX_ERROR_CHARS).collect()
}

impl Election {
    /// Folds a mail event (the other events never touch [`Election::mail`]).
    pub(super) fn fold_mail(&mut self, seq: u64, time_ms: TimestampMs, payload: &EventPayload) {
        match payload {
            EventPayload::MailQueued {
                voter_id,
                kind,
                generation,
                credential_key,
            } => {
                let ever_sent = self
                    .mail
                    .get(&(*kind, *voter_id))
                    .is_some_and(|r| r.ever_sent);
                let record = MailRecord {
                    generation: *generation,
                    state: MailState::Queued,
                    attempts: 0,
                    last_error: None,
                    sent_at_ms: None,
                    retry_at_ms: None,
                    credential_key: credential_key.clone(),
                    ever_sent,
                    queued_seq: seq,
                };
                self.mail.insert((*kind, *voter_id), record);
            }
            EventPayload::MailSent {
                voter_id,
                kind,
                attempts,
                ..
            } => {
                if let Some(record) = self.mail.get_mut(&(*kind, *voter_id)) {
                    record.state = MailState::Sent;
                    record.attempts = *attempts;
                    record.sent_at_ms = Some(time_ms);
                    record.retry_at_ms = None;
                    record.ever_sent = true;
                }
            }
            EventPayload::MailFailed {
                voter_id,
                kind,
                attempts,
                error,
                retry_at_ms,
                ..
            } => {
                if let Some(record) = self.mail.get_mut(&(*kind, *voter_id)) {
                    record.state = match retry_at_ms {
                        Some(_) => MailState::Queued,
                        None => MailState::Failed,
                    };
                    record.attempts = *attempts;
                    record.last_error = Some(error.clone());
                    record.retry_at_ms = *retry_at_ms;
                }
            }
            _ => {}
        }
    }
}
