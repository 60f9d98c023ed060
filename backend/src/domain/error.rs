//! Why a command was refused. The HTTP layer maps each to a status.

use serde::{Deserialize, Serialize};
use shared::{ErrorCode, Phase};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DomainError {
    #[error("{0}")]
    InvalidAccount(String),
    #[error("an account named {0:?} already exists")]
    AccountExists(String),
    #[error("there is no account {0}")]
    NoSuchAccount(u32),
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
    #[error("there is no election {0:?}")]
    NoSuchElection(String),
    #[error("an election with id {0:?} already exists")]
    ElectionExists(String),
    #[error("{field}: {problem}")]
    InvalidElection { field: String, problem: String },
    #[error("{}", ballot_problem(question, problem))]
    InvalidBallot { question: String, problem: String },
    #[error("the roll is frozen once voting has opened")]
    RollFrozen,
    #[error("row {row}: {problem}")]
    InvalidRoll { row: u64, problem: String },
    #[error("there is no voter {0} in this election")]
    NoSuchVoter(u32),
    #[error("unknown credential")]
    BadCredential,
    #[error("this election logs voters in {0}")]
    WrongLoginMethod(String),
    #[error("this election does not take registrations; the admin imports the roll")]
    SelfRegistrationOff,
    #[error("a proof does not hold: {0}")]
    InvalidProof(String),
    #[error("the trustee token is missing or wrong")]
    BadTrusteeToken,
    #[error("the trustees are not done: {0}")]
    TrusteesPending(String),
}

impl DomainError {
    /// The stable machine-readable code of the error body.
    pub fn code(&self) -> ErrorCode {
        match self {
            DomainError::InvalidName { .. } => ErrorCode::InvalidName,
            DomainError::NameTaken(_) => ErrorCode::NameTaken,
            DomainError::BadLogin => ErrorCode::BadLogin,
            DomainError::BadSession => ErrorCode::BadSession,
            DomainError::UnknownCandidate(_) => ErrorCode::UnknownCandidate,
            DomainError::AlreadyVoted => ErrorCode::AlreadyVoted,
            DomainError::NotOpen(_) => ErrorCode::VotingNotOpen,
            DomainError::PastDeadline => ErrorCode::PastDeadline,
            DomainError::ClickInFuture => ErrorCode::ClickInFuture,
            DomainError::ClickTooOld { .. } => ErrorCode::ClickTooOld,
            DomainError::DeadlineInPast => ErrorCode::DeadlineInPast,
            DomainError::WrongPhase { .. } => ErrorCode::WrongPhase,
            DomainError::DeadlineNotReached => ErrorCode::DeadlineNotReached,
            DomainError::InvisibleInName => ErrorCode::InvalidName,
            DomainError::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            DomainError::LamportExhausted => ErrorCode::LamportOutOfRange,
            DomainError::RollFull => ErrorCode::RollFull,
            DomainError::NoSuchElection(_) | DomainError::NoSuchVoter(_) => ErrorCode::NotFound,
            DomainError::ElectionExists(_) => ErrorCode::ElectionExists,
            DomainError::InvalidElection { .. } => ErrorCode::InvalidElection,
            DomainError::InvalidBallot { .. } => ErrorCode::InvalidBallot,
            DomainError::RollFrozen => ErrorCode::RollFrozen,
            DomainError::InvalidRoll { .. } => ErrorCode::InvalidRoll,
            DomainError::BadCredential => ErrorCode::BadCredential,
            DomainError::WrongLoginMethod(_) => ErrorCode::WrongLoginMethod,
            DomainError::SelfRegistrationOff => ErrorCode::SelfRegistrationOff,
            DomainError::InvalidProof(_) => ErrorCode::InvalidProof,
            DomainError::BadTrusteeToken => ErrorCode::BadTrusteeToken,
            DomainError::TrusteesPending(_) => ErrorCode::TrusteesPending,
            DomainError::InvalidAccount(_) => ErrorCode::BadRequest,
            DomainError::AccountExists(_) => ErrorCode::NameTaken,
            DomainError::NoSuchAccount(_) => ErrorCode::NotFound,
        }
    }
}

/// An invalid ballot's message: the question it names, when the problem is in one.
fn ballot_problem(question: &str, problem: &str) -> String {
    if question.is_empty() {
        format!("the ballot: {problem}")
    } else {
        format!("question {question:?}: {problem}")
    }
}
