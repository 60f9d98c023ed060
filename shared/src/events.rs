//! The election log: every state change is one of these events.

use serde::{Deserialize, Serialize};

use crate::accounts::{AccountId, AccountRole, Actor};

use crate::ballots::{Answers, Question, Weight};
use crate::elections::{
    default_election_id, is_default_election, CandidateSpec, ElectionId, ElectionOptions,
};
use crate::ids::{CandidateId, LamportTime, NodeId, Seq, TimestampMs, VoterId};
use crate::languages::{Language, Translation};
use crate::mail::MailKind;
use crate::secrecy::ballot::SealedBallot;
use crate::secrecy::ceremony::{Commitment, KeySet, Polynomial, SealedShare};
use crate::secrecy::tally::Decryption;
use crate::secrecy::Opaque;
use std::collections::BTreeMap;

/// The phases of an election, in the only order they can happen: `Ord` follows the
/// declaration order, so `Setup < Open < Closed < Published` (keep it that way).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Voters may register and log in; the admin sets the deadline. No votes yet.
    #[default]
    Setup,
    /// Votes are accepted until the deadline (judged by click time) or an admin stop.
    Open,
    /// No new votes; counts are final once the grace window after the deadline has passed.
    Closed,
    /// Results and winner are public. Nothing can change any more.
    Published,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Setup => "setup",
            Phase::Open => "open",
            Phase::Closed => "closed",
            Phase::Published => "published",
        }
    }
}

/// Why voting closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The admin pressed Stop.
    Admin,
    /// The deadline passed; the server closed voting by itself.
    Deadline,
}

/// One entry of the election log, as stored and as served by the audit endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// The election this event belongs to (`default` in logs written before elections).
    #[serde(default = "default_election_id")]
    pub election_id: ElectionId,
    /// Position in the election's log, gapless from 1 in each election.
    pub seq: Seq,
    /// Lamport timestamp stamped when the event was decided.
    pub lamport: LamportTime,
    /// The node that received the command (and stamped the event).
    pub node_id: NodeId,
    /// Wall-clock time of the stamping node when it received the command.
    pub time_ms: TimestampMs,
    /// What happened.
    pub payload: EventPayload,
    /// The admin account that did it (admin actions only; absent in logs written before
    /// accounts, on voters' actions and on the server's own, such as a close at the deadline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Actor>,
}

/// What happened, in the past tense.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventPayload {
    /// A candidate was put on the ballot (the default ten at first start).
    CandidateAdded {
        candidate_id: CandidateId,
        name: String,
    },
    /// A voter was put on the roll (the default ten at first start, then registrations).
    VoterRegistered { voter_id: VoterId, name: String },
    /// A voter logged in. Only the SHA-256 of the session token is kept, never the token.
    VoterLoggedIn {
        voter_id: VoterId,
        session_hash: String,
    },
    /// A vote was counted. `click_time_ms` is when the voter clicked, by the synchronised clock.
    VoteCast {
        voter_id: VoterId,
        /// The one choice of a ballot of the old form (one plurality question); 0 when the
        /// ballot is given as `answers`.
        #[serde(default, skip_serializing_if = "crate::ballots::is_zero")]
        candidate_id: CandidateId,
        click_time_ms: TimestampMs,
        /// In an election with re-voting, the `seq` of this voter's vote that this one
        /// replaces (the last vote counts).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        supersedes: Option<Seq>,
        /// The ballot's public id (see the public log); absent in older logs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ballot_id: Option<String>,
        /// The whole ballot, question by question (blank answers left out), for elections
        /// defined with questions, or a blank ballot.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answers: Option<Answers>,
        /// A verifiable election's sealed ballot (its proofs checked by the receiving member).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sealed: Option<SealedBallot>,
    },
    /// The admin set (or moved) the deadline.
    DeadlineSet { end_time_ms: TimestampMs },
    /// The admin chose whether counts are public while voting is open.
    LiveResultsSet { enabled: bool },
    /// Voting opened.
    VotingStarted,
    /// Voting closed, by the admin or because the deadline passed.
    VotingClosed { reason: CloseReason },
    /// The results were made public.
    ResultsPublished,
    /// An admin defined (or, in setup, redefined) an election: title, description, options
    /// and the whole ballot, candidates numbered 1, 2, … in this order.
    ElectionDefined {
        title: String,
        description: String,
        options: ElectionOptions,
        candidates: Vec<CandidateSpec>,
        /// The questions, for an election defined with them (then `candidates` is empty).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        questions: Vec<Question>,
        /// The election's own language (English when absent), and its wording in others.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<Language>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        translations: BTreeMap<Language, Translation>,
    },
    /// A voter was put on the roll by an import. Only the SHA-256 of the credential is kept.
    VoterImported {
        voter_id: VoterId,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        email: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        external_id: Option<String>,
        credential_hash: String,
        /// The voter's weight; absent means 1.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weight: Option<Weight>,
    },
    /// A roll import ended: how many rows it had and which it skipped (1-based row numbers).
    RollImported {
        rows: u64,
        created: u64,
        skipped: Vec<SkippedRow>,
    },
    /// A voter's credential was replaced; the old one (and its sessions) stopped working.
    CredentialIssued {
        voter_id: VoterId,
        credential_hash: String,
    },
    /// An admin asked for mail of `kind` (one part of a request): how many were queued, and
    /// why the other voters meant were left out.
    MailRequested {
        kind: MailKind,
        queued: u64,
        skipped_no_email: u64,
        already_queued: u64,
        skipped_voted: u64,
    },
    /// A mail to a voter was queued for the leader to send. For an invitation, the credential
    /// it carries is derived from `credential_key` under the cluster secret (never stored) and
    /// its hash comes in the `credential_issued` event that follows.
    MailQueued {
        voter_id: VoterId,
        kind: MailKind,
        generation: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        credential_key: Option<String>,
    },
    /// The SMTP server accepted that mail (`time_ms` is when the leader heard so).
    MailSent {
        voter_id: VoterId,
        kind: MailKind,
        generation: u32,
        attempts: u32,
    },
    /// A delivery attempt failed: with `retry_at_ms` it is tried again then, without it the
    /// mail failed for good.
    MailFailed {
        voter_id: VoterId,
        kind: MailKind,
        generation: u32,
        attempts: u32,
        error: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_at_ms: Option<TimestampMs>,
    },
    /// A named admin account (in the accounts' own log, never an election's). Only the
    /// hashes of its password (argon2id) and token (SHA-256) are kept.
    AccountCreated {
        account_id: AccountId,
        name: String,
        role: AccountRole,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        password_hash: Option<String>,
        token_hash: String,
    },
    /// The account and its token and sessions stop working at once.
    AccountDeleted { account_id: AccountId },
    /// The election's officials and observers, the whole list.
    OfficialsAssigned { account_ids: Vec<AccountId> },
    /// The admin named a verifiable election's trustees (again: the ceremony starts over).
    /// Only the SHA-256 of each trustee's token is kept.
    TrusteesNamed {
        threshold: u32,
        trustees: Vec<TrusteeRecord>,
    },
    /// Ceremony round 1: a trustee's commitment and transport key.
    TrusteeCommitted {
        trustee_id: u32,
        commitment: Commitment,
    },
    /// Round 2: a trustee's public polynomial, checked against its commitment.
    TrusteePolynomialPublished {
        trustee_id: u32,
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        polynomial: Opaque<Polynomial>,
    },
    /// Round 3: a trustee's shares for the others, each sealed to its recipient.
    TrusteeSharesPublished {
        trustee_id: u32,
        shares: Vec<SealedShare>,
    },
    /// Every trustee's part is in: the joint key set, from the public polynomials.
    ElectionKeyPublished {
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        key: Opaque<KeySet>,
    },
    /// A trustee's decryption shares of the closed election's tally, with proofs (checked).
    TrusteeDecrypted { trustee_id: u32, shares: Decryption },
    /// `threshold` trustees' shares combined: each option's sum, per question, in
    /// ten-thousandths of a vote (weights).
    TallyDecrypted { sums: Vec<Vec<u64>> },
}

/// A trustee as the log keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteeRecord {
    pub trustee_id: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub token_hash: String,
}

/// A row of a roll import that was not added, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkippedRow {
    pub row: u64,
    pub reason: String,
}

impl EventPayload {
    /// A short machine-readable name, used in notifications and the audit table.
    pub fn kind(&self) -> &'static str {
        // One table of names: the notification kinds carry the same serde names.
        crate::dto::NotificationKind::from(self).as_str()
    }
}

/// An event as the admin's audit view (`GET /api/admin/events`) shows it: everything in the
/// log except a vote's choice. A vote says who voted and when they clicked, never for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    #[serde(
        default = "default_election_id",
        skip_serializing_if = "is_default_election"
    )]
    pub election_id: ElectionId,
    pub seq: Seq,
    pub lamport: LamportTime,
    pub node_id: NodeId,
    pub time_ms: TimestampMs,
    pub payload: AuditPayload,
    /// The admin account that did it (see [`Event::by`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Actor>,
}

/// The payload of an [`AuditEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
// The logged payload is the larger (a key set, a polynomial), and an audit view is built per
// event served: boxing it would cost an allocation each for no gain.
#[allow(clippy::large_enum_variant)]
pub enum AuditPayload {
    /// `{"type": "vote_cast", "voter_id", "click_time_ms"}`: no `candidate_id`.
    Vote(VoteWithoutChoice),
    /// Every other event, as logged.
    Logged(EventPayload),
}

/// A `vote_cast` without its choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteWithoutChoice {
    #[serde(rename = "type")]
    pub kind: VoteCastKind,
    pub voter_id: VoterId,
    pub click_time_ms: TimestampMs,
}

/// The one tag a [`VoteWithoutChoice`] carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteCastKind {
    VoteCast,
}

impl From<Event> for AuditEvent {
    fn from(event: Event) -> AuditEvent {
        let payload = match event.payload {
            EventPayload::VoteCast {
                voter_id,
                click_time_ms,
                ..
            } => AuditPayload::Vote(VoteWithoutChoice {
                kind: VoteCastKind::VoteCast,
                voter_id,
                click_time_ms,
            }),
            other => AuditPayload::Logged(other),
        };
        AuditEvent {
            election_id: event.election_id,
            seq: event.seq,
            lamport: event.lamport,
            node_id: event.node_id,
            time_ms: event.time_ms,
            payload,
            by: event.by,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_order_as_they_happen() {
        assert!(Phase::Setup < Phase::Open);
        assert!(Phase::Open < Phase::Closed);
        assert!(Phase::Closed < Phase::Published);
    }

    #[test]
    fn the_audit_view_of_a_vote_names_the_voter_but_not_the_choice() {
        let vote = Event {
            election_id: crate::elections::default_election_id(),
            seq: 7,
            lamport: 9,
            node_id: 1,
            time_ms: 5,
            payload: EventPayload::VoteCast {
                voter_id: 3,
                candidate_id: 4,
                click_time_ms: 2,
                supersedes: None,
                ballot_id: None,
                answers: None,
                sealed: None,
            },
            by: None,
        };
        let json = serde_json::to_value(AuditEvent::from(vote)).unwrap();
        assert_eq!(
            json["payload"],
            serde_json::json!({"type": "vote_cast", "voter_id": 3, "click_time_ms": 2})
        );
        let back: AuditEvent = serde_json::from_value(json).unwrap();
        assert!(matches!(back.payload, AuditPayload::Vote(_)));
        let other: AuditEvent = serde_json::from_value(serde_json::json!({
            "seq": 1, "lamport": 1, "node_id": 1, "time_ms": 0,
            "payload": {"type": "voting_started"}
        }))
        .unwrap();
        assert_eq!(
            other.payload,
            AuditPayload::Logged(EventPayload::VotingStarted)
        );
    }
}
