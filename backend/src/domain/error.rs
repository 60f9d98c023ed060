//! Why a command was refused. The HTTP layer maps each to a status.

use serde::{Deserialize, Serialize};
use shared::Phase;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DomainError {
    #[error("the name must be 1 to {max} characters of visible text")]
    InvalidName { max: usize },
    #[error("a voter named {0:?} is already registered")]
    NameTaken(String),
    #[error("no voter with that name and id")]
    BadLogin,
    #[error("the session is unknown or has expired; log in again")]
    BadSession,
    #[error("there is no candidate {0}")]
    UnknownCandidate(u32),
    #[error("this voter has already voted")]
    AlreadyVoted,
    #[error("voting is not open (the election is {})", .0.as_str())]
    NotOpen(Phase),
    #[error("the vote was cast after the deadline")]
    PastDeadline,
    #[error("the click time is in the future by the server's clock")]
    ClickInFuture,
    #[error("the click time is older than the {grace_ms} ms grace window")]
    ClickTooOld { grace_ms: u64 },
    #[error("the deadline must be in the future")]
    DeadlineInPast,
    #[error("cannot {action} while the election is {}", .phase.as_str())]
    WrongPhase { action: String, phase: Phase },
    #[error("the deadline has not passed yet")]
    DeadlineNotReached,
    #[error("the name holds invisible or direction-changing characters (zero-width, bidi controls, BOM, tags)")]
    InvisibleInName,
    #[error("this idempotency key was already used for a different request; use a new key for a new request")]
    IdempotencyKeyReused,
    #[error("the Lamport clock cannot advance any further")]
    LamportExhausted,
    #[error("the roll is full")]
    RollFull,
}

impl DomainError {
    /// The stable machine-readable code of the error body.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::InvalidName { .. } => "invalid_name",
            DomainError::NameTaken(_) => "name_taken",
            DomainError::BadLogin => "bad_login",
            DomainError::BadSession => "bad_session",
            DomainError::UnknownCandidate(_) => "unknown_candidate",
            DomainError::AlreadyVoted => "already_voted",
            DomainError::NotOpen(_) => "voting_not_open",
            DomainError::PastDeadline => "past_deadline",
            DomainError::ClickInFuture => "click_in_future",
            DomainError::ClickTooOld { .. } => "click_too_old",
            DomainError::DeadlineInPast => "deadline_in_past",
            DomainError::WrongPhase { .. } => "wrong_phase",
            DomainError::DeadlineNotReached => "deadline_not_reached",
            DomainError::InvisibleInName => "invalid_name",
            DomainError::IdempotencyKeyReused => "idempotency_key_reused",
            DomainError::LamportExhausted => "lamport_out_of_range",
            DomainError::RollFull => "roll_full",
        }
    }
}
