//! JSON bodies of the HTTP API. Field names here are the wire format.

use serde::{Deserialize, Serialize};

use crate::errors::ErrorCode;
use crate::events::{AuditEvent, Phase};
use crate::feed::FeedWords;
use crate::ids::{CandidateId, LamportTime, NodeId, Seq, TimestampMs, VoterId};
pub use crate::kinds::{NotificationKind, Role};
use crate::results::{CandidateCount, Outcome};

/// The request header that makes a write safe to retry: 1–64 visible ASCII characters chosen by
/// the client (a random UUID or 128-bit hex is ideal). The first answer to a key is remembered by
/// the replicated state machine; a retry with the same key and the same request gets that answer
/// again through any replica, and the same key with another request gets 422
/// `idempotency_key_reused`.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";

/// The longest idempotency key accepted.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 64;

/// Whether `key` is an acceptable idempotency key: 1–64 visible ASCII characters (`!`..=`~`).
pub fn valid_idempotency_key(key: &str) -> bool {
    (1..=MAX_IDEMPOTENCY_KEY_LEN).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

/// The request (and answer) header carrying a Lamport clock.
pub const LAMPORT_HEADER: &str = "x-lamport";

/// How far ahead of a node's own Lamport clock a client's timestamp may be (2^40). Anything
/// further is refused with 400 `lamport_out_of_range`: it cannot come from an honest clock, and
/// accepting it would let one request push every replica's clock towards overflow.
pub const MAX_LAMPORT_AHEAD: u64 = 1 << 40;

/// Every error response: `{"error": code, "message": text}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// A stable machine-readable code, e.g. `already_voted` (a code this build does not know
    /// reads as [`ErrorCode::Unknown`]).
    pub error: ErrorCode,
    /// A sentence for humans.
    pub message: String,
}

/// `POST /api/register`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    pub name: String,
}

/// `201` answer of `POST /api/register`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterResponse {
    pub voter_id: VoterId,
    pub name: String,
}

/// `POST /api/login`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub name: String,
    pub voter_id: VoterId,
}

/// Answer of `POST /api/login`. `session` is the bearer credential for voting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    pub session: String,
    pub voter_id: VoterId,
    pub name: String,
}

/// Answer of `GET /api/me` (with `Authorization: Bearer <session>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeResponse {
    pub voter_id: VoterId,
    pub name: String,
    /// Whether this voter's vote is in the log (never for whom).
    pub has_voted: bool,
    /// The sequence number of the vote, a receipt the voter can keep.
    pub vote_seq: Option<Seq>,
}

/// A candidate on the ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub id: CandidateId,
    pub name: String,
}

/// Answer of `GET /api/options`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionsResponse {
    pub candidates: Vec<Candidate>,
}

/// Answer of `GET /api/time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeResponse {
    /// The server's synchronised clock.
    pub server_time_ms: TimestampMs,
    /// The server's Lamport clock after this request.
    pub lamport: LamportTime,
}

/// `POST /api/vote`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteRequest {
    pub session: String,
    /// The old form: the one choice where the election has one plurality question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate_id: Option<CandidateId>,
    /// The whole ballot: question id → answer (see `docs/ballots.md`). A question left out,
    /// or an empty array, is a blank answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<crate::ballots::Answers>,
    /// A verifiable election's ballot, sealed in the browser (instead of `answers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<crate::secrecy::ballot::SealedBallot>,
    /// The client's Lamport clock.
    pub lamport: LamportTime,
    /// When the voter clicked, by the client's server-synchronised clock.
    pub click_time_ms: TimestampMs,
}

/// Answer of `POST /api/vote`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteResponse {
    pub accepted: bool,
    /// The sequence number of the `vote_cast` event: the voter's receipt.
    pub seq: Seq,
    /// The Lamport timestamp of the vote event.
    pub lamport: LamportTime,
    /// Where the ballot is in the public log, with a checkpoint that includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<crate::checkpoint::Receipt>,
    /// A sealed ballot's tracking code (SHA-256 of its JSON), as on the public log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_code: Option<String>,
}

/// Answer of `GET /api/results` and payload of the `tally` push.
///
/// While results are hidden (`counts_visible == false`) `counts` is empty and only the
/// turnout (`total_votes`) is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultsResponse {
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub total_votes: u64,
    pub eligible_voters: u64,
    pub counts_visible: bool,
    pub counts: Vec<CandidateCount>,
    /// Only once published.
    pub outcome: Option<Outcome>,
    /// The last event folded into these figures.
    pub as_of_seq: Seq,
    /// Each question's count, weighted, with its rounds and draws (empty while counts are
    /// hidden).
    #[serde(default)]
    pub questions: Vec<crate::ballots::QuestionResult>,
    /// The weight of the voters who voted and of the roll (decimal strings).
    #[serde(default)]
    pub voted_weight: String,
    #[serde(default)]
    pub eligible_weight: String,
}

/// `POST /api/admin/deadline`: either an absolute time or minutes from now.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineRequest {
    pub end_time_ms: Option<TimestampMs>,
    pub minutes: Option<f64>,
}

/// `POST /api/admin/live-results`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiveResultsRequest {
    pub enabled: bool,
}

/// Answer of every admin command: the new phase and the events it appended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminCommandResponse {
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub live_results: bool,
    /// Sequence number of the last event appended (0 when nothing changed).
    pub seq: Seq,
    pub lamport: LamportTime,
}

/// One row of `GET /api/admin/voters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoterStatus {
    pub voter_id: VoterId,
    pub name: String,
    pub has_voted: bool,
}

/// Answer of `GET /api/admin/voters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VotersResponse {
    pub voters: Vec<VoterStatus>,
    pub voted: u64,
    pub total: u64,
}

/// The vote queue's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueStatus {
    /// Votes waiting for a worker.
    pub depth: u64,
    /// Votes being processed right now (at most `max_concurrent`).
    pub in_flight: u64,
    pub max_concurrent: u64,
    /// Waiting votes beyond this are refused with 503.
    pub capacity: u64,
    /// The most votes ever waiting at once since start (never above `capacity`).
    pub peak_depth: u64,
    /// The most votes ever processed at once since start (never above `max_concurrent`).
    pub peak_in_flight: u64,
}

/// Answer of `GET /api/admin/status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminStatusResponse {
    pub node_id: NodeId,
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub live_results: bool,
    pub queue: QueueStatus,
    pub event_count: u64,
    pub lamport: LamportTime,
    pub server_time_ms: TimestampMs,
    pub grace_ms: u64,
}

/// Answer of `GET /api/admin/events` (and `GET /api/notifications` uses [`Notification`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventsResponse {
    pub node_id: NodeId,
    /// The log as the admin may see it: votes without their choice.
    pub events: Vec<AuditEvent>,
    /// The last sequence number in this node's log.
    pub last_seq: Seq,
}

/// A human-readable line of the activity feed (the original system's notifications).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// The event it describes (0 for notifications about the cluster, not the log).
    pub seq: Seq,
    pub lamport: LamportTime,
    pub time_ms: TimestampMs,
    /// The event kind (`vote_cast`, …) or `cluster` for replication news.
    pub kind: NotificationKind,
    /// The line in English, as the server always wrote it.
    pub message: String,
    /// The same line as data, for a page to word in its own language; absent from an older
    /// server (and `unknown` for a line newer than the client), when `message` is all there is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<FeedWords>,
    /// The admin account that did it (admin actions, and only for the admin's feed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<crate::accounts::Actor>,
}

/// Answer of `GET /api/notifications?after=SEQ`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationsResponse {
    pub notifications: Vec<Notification>,
}

/// One member in `GET /api/cluster/status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberStatus {
    pub node_id: NodeId,
    pub addr: String,
    /// `leader`, `follower`, `candidate`, `learner`, `shutdown`, or `unknown` (unreachable).
    pub role: Role,
    pub voter: bool,
    pub reachable: bool,
    pub term: u64,
    pub last_log_index: Option<u64>,
    pub applied_index: Option<u64>,
    /// How many log entries this member is behind the leader (when known).
    pub lag: Option<u64>,
    /// The member's Berkeley clock correction in milliseconds.
    pub clock_offset_ms: Option<i64>,
}

/// Answer of `GET /api/cluster/status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClusterStatusResponse {
    /// The node that answered.
    pub node_id: NodeId,
    pub leader_id: Option<NodeId>,
    pub term: u64,
    pub members: Vec<MemberStatus>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventPayload;

    #[test]
    fn roles_keep_their_wire_names_and_unknown_ones_read_as_unknown() {
        let table = [
            (Role::Leader, "leader"),
            (Role::Follower, "follower"),
            (Role::Candidate, "candidate"),
            (Role::Learner, "learner"),
            (Role::Shutdown, "shutdown"),
            (Role::Unknown, "unknown"),
        ];
        for (role, wire) in table {
            assert_eq!(serde_json::to_value(role).unwrap(), wire);
            assert_eq!(role.as_str(), wire);
            assert_eq!(serde_json::from_value::<Role>(wire.into()).unwrap(), role);
        }
        let newer: Role = serde_json::from_value("observer".into()).unwrap();
        assert_eq!(newer, Role::Unknown);
    }

    #[test]
    fn notification_kinds_are_the_event_kinds_plus_cluster() {
        let payloads = [
            EventPayload::CandidateAdded {
                candidate_id: 1,
                name: "A".into(),
            },
            EventPayload::VoterRegistered {
                voter_id: 1,
                name: "A".into(),
            },
            EventPayload::VoterLoggedIn {
                voter_id: 1,
                session_hash: String::new(),
            },
            EventPayload::VoteCast {
                voter_id: 1,
                candidate_id: 1,
                click_time_ms: 0,
                supersedes: None,
                ballot_id: None,
                answers: None,
                sealed: None,
            },
            EventPayload::DeadlineSet { end_time_ms: 0 },
            EventPayload::LiveResultsSet { enabled: true },
            EventPayload::VotingStarted,
            EventPayload::VotingClosed {
                reason: crate::CloseReason::Admin,
            },
            EventPayload::ResultsPublished,
            EventPayload::ElectionDefined {
                title: "T".into(),
                description: String::new(),
                options: crate::elections::ElectionOptions::default(),
                candidates: vec![],
                questions: vec![],
                language: None,
                translations: Default::default(),
            },
            EventPayload::VoterImported {
                voter_id: 1,
                name: "A".into(),
                email: None,
                external_id: None,
                credential_hash: String::new(),
                weight: None,
            },
            EventPayload::RollImported {
                rows: 0,
                created: 0,
                skipped: vec![],
            },
            EventPayload::CredentialIssued {
                voter_id: 1,
                credential_hash: String::new(),
            },
        ];
        for payload in &payloads {
            let kind = NotificationKind::from(payload);
            assert_eq!(serde_json::to_value(kind).unwrap(), payload.kind());
            assert_eq!(kind.as_str(), payload.kind());
            let back: NotificationKind = serde_json::from_value(payload.kind().into()).unwrap();
            assert_eq!(back, kind);
        }
        assert_eq!(
            serde_json::to_value(NotificationKind::Cluster).unwrap(),
            "cluster"
        );
        let newer: NotificationKind = serde_json::from_value("ballot_printed".into()).unwrap();
        assert_eq!(newer, NotificationKind::Unknown);
    }
}
