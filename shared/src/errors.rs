//! The machine-readable codes of every error the server sends: the `error` of an HTTP error
//! body ([`crate::dto::ErrorBody`]) and of a WebSocket `error` push
//! ([`crate::ws::ServerMessage::Error`]).
//!
//! The serde name of each variant is the wire string (`already_voted`, …); the test below pins
//! every one of them, so renaming a variant cannot silently change what clients read.
//!
//! A code this build does not know (sent by a newer server) deserializes as
//! [`ErrorCode::Unknown`] instead of failing, so an older page still reads the body, shows the
//! server's sentence and goes by the HTTP status. The server itself never sends `unknown`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why the server refused a request, as a stable code. The HTTP status is chosen by the
/// server next to the code (see the README's table); one code may come with more than one
/// status (`too_many_connections` is 503 for a full node and 429 for one busy address).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // Refusals by the election itself (the domain's `DomainError`).
    /// 400: the name is empty, too long, or holds invisible characters.
    InvalidName,
    /// 409: a voter with this name is already on the roll.
    NameTaken,
    /// 401: no voter with that name and id.
    BadLogin,
    /// 401: the session is unknown, expired or missing.
    BadSession,
    /// 400: no such candidate on the ballot.
    UnknownCandidate,
    /// 409: this voter's vote is already in the log.
    AlreadyVoted,
    /// 403: the election is not accepting votes (not started, stopped, published).
    VotingNotOpen,
    /// 403: the vote was clicked after the deadline.
    PastDeadline,
    /// 400: the click time is ahead of the server's clock.
    ClickInFuture,
    /// 400: the click time is older than the grace window.
    ClickTooOld,
    /// 400: the deadline is not in the future.
    DeadlineInPast,
    /// 409: the admin command does not fit the election's phase.
    WrongPhase,
    /// 409: closing at the deadline before it has passed.
    DeadlineNotReached,
    /// 422: this idempotency key was used for another request.
    IdempotencyKeyReused,
    /// 400: the client's Lamport time is absurdly far ahead (or the clock is exhausted).
    LamportOutOfRange,
    /// 409: the roll cannot take another voter.
    RollFull,
    ElectionExists,
    InvalidElection,
    /// 400: a ballot's answer to a question is not one its method takes.
    InvalidBallot,
    RollFrozen,
    InvalidRoll,
    BadCredential,
    WrongLoginMethod,
    SelfRegistrationOff,
    /// 409: mail was asked for, and the members have no SMTP server (`--smtp-url`).
    MailNotConfigured,
    /// 400: a sealed ballot, ceremony part or decryption whose proof does not hold (nothing is recorded).
    InvalidProof,
    /// 401: the trustee token is missing or wrong.
    BadTrusteeToken,
    /// 409: a verifiable election cannot open before every trustee's key share is in.
    TrusteesPending,

    // Refusals by the HTTP layer.
    /// 400: the request is malformed (body, query, WebSocket message).
    BadRequest,
    /// 401: the admin token is missing or wrong.
    AdminUnauthorized,
    /// 401: the cluster secret is missing or wrong (routes between replicas).
    ClusterUnauthorized,
    /// 403: the account's role may not do this (an observer writing, an official outside the
    /// elections assigned to them, anyone but an owner managing accounts).
    Forbidden,
    /// 404: no such route or file.
    NotFound,
    /// 405: the route exists, not with this method.
    MethodNotAllowed,
    /// 413: the body is larger than the route accepts.
    PayloadTooLarge,
    /// 415: a JSON body without `Content-Type: application/json`.
    UnsupportedMediaType,
    /// 400: the `Idempotency-Key` header is not 1–64 visible ASCII characters.
    InvalidIdempotencyKey,
    /// 409: a vote of this voter is still waiting in the queue.
    VotePending,
    /// 429: too many refused logins or registrations from this address.
    RateLimited,
    /// 503 (this node) or 429 (this address): too many live WebSocket connections.
    TooManyConnections,
    /// 503: too many votes are waiting.
    QueueFull,
    /// 503: no majority of the replicas can commit right now.
    Unavailable,
    /// 500: the local database failed.
    Storage,
    /// 500: anything else that failed inside the server.
    Internal,

    /// A code this build does not know, from a newer server. Never sent by the server.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// The wire string, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidName => "invalid_name",
            ErrorCode::NameTaken => "name_taken",
            ErrorCode::BadLogin => "bad_login",
            ErrorCode::BadSession => "bad_session",
            ErrorCode::UnknownCandidate => "unknown_candidate",
            ErrorCode::AlreadyVoted => "already_voted",
            ErrorCode::VotingNotOpen => "voting_not_open",
            ErrorCode::PastDeadline => "past_deadline",
            ErrorCode::ClickInFuture => "click_in_future",
            ErrorCode::ClickTooOld => "click_too_old",
            ErrorCode::DeadlineInPast => "deadline_in_past",
            ErrorCode::WrongPhase => "wrong_phase",
            ErrorCode::DeadlineNotReached => "deadline_not_reached",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::LamportOutOfRange => "lamport_out_of_range",
            ErrorCode::RollFull => "roll_full",
            ErrorCode::ElectionExists => "election_exists",
            ErrorCode::InvalidElection => "invalid_election",
            ErrorCode::InvalidBallot => "invalid_ballot",
            ErrorCode::RollFrozen => "roll_frozen",
            ErrorCode::InvalidRoll => "invalid_roll",
            ErrorCode::BadCredential => "bad_credential",
            ErrorCode::WrongLoginMethod => "wrong_login_method",
            ErrorCode::SelfRegistrationOff => "self_registration_off",
            ErrorCode::MailNotConfigured => "mail_not_configured",
            ErrorCode::InvalidProof => "invalid_proof",
            ErrorCode::BadTrusteeToken => "bad_trustee_token",
            ErrorCode::TrusteesPending => "trustees_pending",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::AdminUnauthorized => "admin_unauthorized",
            ErrorCode::ClusterUnauthorized => "cluster_unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::InvalidIdempotencyKey => "invalid_idempotency_key",
            ErrorCode::VotePending => "vote_pending",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::TooManyConnections => "too_many_connections",
            ErrorCode::QueueFull => "queue_full",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Storage => "storage",
            ErrorCode::Internal => "internal",
            ErrorCode::Unknown => "unknown",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode::{self, *};

    /// Every code the server sends and its wire string, written out by hand. A new variant
    /// fails to compile in [`documented`] until it is given its string there and a row here.
    const WIRE: &[(ErrorCode, &str)] = &[
        (InvalidName, "invalid_name"),
        (NameTaken, "name_taken"),
        (BadLogin, "bad_login"),
        (BadSession, "bad_session"),
        (UnknownCandidate, "unknown_candidate"),
        (AlreadyVoted, "already_voted"),
        (VotingNotOpen, "voting_not_open"),
        (PastDeadline, "past_deadline"),
        (ClickInFuture, "click_in_future"),
        (ClickTooOld, "click_too_old"),
        (DeadlineInPast, "deadline_in_past"),
        (WrongPhase, "wrong_phase"),
        (DeadlineNotReached, "deadline_not_reached"),
        (IdempotencyKeyReused, "idempotency_key_reused"),
        (LamportOutOfRange, "lamport_out_of_range"),
        (RollFull, "roll_full"),
        (ElectionExists, "election_exists"),
        (InvalidElection, "invalid_election"),
        (InvalidBallot, "invalid_ballot"),
        (RollFrozen, "roll_frozen"),
        (InvalidRoll, "invalid_roll"),
        (BadCredential, "bad_credential"),
        (WrongLoginMethod, "wrong_login_method"),
        (SelfRegistrationOff, "self_registration_off"),
        (MailNotConfigured, "mail_not_configured"),
        (InvalidProof, "invalid_proof"),
        (BadTrusteeToken, "bad_trustee_token"),
        (TrusteesPending, "trustees_pending"),
        (BadRequest, "bad_request"),
        (AdminUnauthorized, "admin_unauthorized"),
        (ClusterUnauthorized, "cluster_unauthorized"),
        (Forbidden, "forbidden"),
        (NotFound, "not_found"),
        (MethodNotAllowed, "method_not_allowed"),
        (PayloadTooLarge, "payload_too_large"),
        (UnsupportedMediaType, "unsupported_media_type"),
        (InvalidIdempotencyKey, "invalid_idempotency_key"),
        (VotePending, "vote_pending"),
        (RateLimited, "rate_limited"),
        (TooManyConnections, "too_many_connections"),
        (QueueFull, "queue_full"),
        (Unavailable, "unavailable"),
        (Storage, "storage"),
        (Internal, "internal"),
    ];

    /// Exhaustive on purpose: whether each variant is a code the server sends.
    fn documented(code: ErrorCode) -> bool {
        match code {
            InvalidName
            | NameTaken
            | BadLogin
            | BadSession
            | UnknownCandidate
            | AlreadyVoted
            | VotingNotOpen
            | PastDeadline
            | ClickInFuture
            | ClickTooOld
            | DeadlineInPast
            | WrongPhase
            | DeadlineNotReached
            | IdempotencyKeyReused
            | LamportOutOfRange
            | RollFull
            | ElectionExists
            | InvalidElection
            | InvalidBallot
            | RollFrozen
            | InvalidRoll
            | BadCredential
            | WrongLoginMethod
            | SelfRegistrationOff
            | MailNotConfigured
            | InvalidProof
            | BadTrusteeToken
            | TrusteesPending
            | BadRequest
            | AdminUnauthorized
            | ClusterUnauthorized
            | Forbidden
            | NotFound
            | MethodNotAllowed
            | PayloadTooLarge
            | UnsupportedMediaType
            | InvalidIdempotencyKey
            | VotePending
            | RateLimited
            | TooManyConnections
            | QueueFull
            | Unavailable
            | Storage
            | Internal => true,
            Unknown => false,
        }
    }

    #[test]
    fn every_code_round_trips_through_serde_as_its_documented_string() {
        for &(code, wire) in WIRE {
            assert!(documented(code));
            assert_eq!(serde_json::to_value(code).unwrap(), wire, "{code:?}");
            assert_eq!(code.as_str(), wire);
            let back: ErrorCode = serde_json::from_value(wire.into()).unwrap();
            assert_eq!(back, code, "{wire}");
        }
    }

    #[test]
    fn the_table_lists_each_code_once() {
        for (i, &(code, wire)) in WIRE.iter().enumerate() {
            for &(other, other_wire) in &WIRE[i + 1..] {
                assert_ne!(code, other);
                assert_ne!(wire, other_wire);
            }
        }
        // 44 codes; the number changes only with the table and `documented` together.
        assert_eq!(WIRE.len(), 44);
    }

    #[test]
    fn a_code_from_a_newer_server_reads_as_unknown() {
        let code: ErrorCode = serde_json::from_value("something_new".into()).unwrap();
        assert_eq!(code, Unknown);
        assert!(!documented(code));
        let body: crate::dto::ErrorBody =
            serde_json::from_str(r#"{"error": "teapot", "message": "I am a teapot"}"#).unwrap();
        assert_eq!(body.error, Unknown);
        assert_eq!(body.message, "I am a teapot");
    }
}
