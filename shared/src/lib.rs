//! Types shared by the Ballot backend and the browser dashboards.
//!
//! Layout:
//! - [`ballots`]: questions, methods, answers, voters' weights and a question's result.
//! - [`count`]: the counting rules (plurality, approval, referendum, IRV, Scottish STV,
//!   Schulze) and the recomputable draw, exact and pure.
//! - [`checkpoint`]: signed tree heads, the members' keys, and how a client checks them.
//! - [`dashboards`]: which of the four dashboard apps (and HTML entries) answers a page path.
//! - [`ids`]: the plain numeric identifiers (voter, candidate, sequence, node, Lamport time).
//! - [`languages`]: the pages' languages and an election's wording in several of them.
//! - [`kinds`]: notification kinds and cluster roles.
//! - [`elections`]: election definitions, the public list, roll imports and credential login.
//! - [`events`]: the past-tense events of the election log and the phase machine.
//! - [`feed`]: the activity feed's lines as data, and their English.
//! - [`dto`]: the JSON bodies of every HTTP request and response, the error body, member
//!   roles and notification kinds.
//! - [`errors`]: [`ErrorCode`], every machine-readable error code the server sends.
//! - [`ws`]: the typed messages the server pushes over `/ws`.
//! - [`log`]: an election's public log: the canonical lines (no voter on a ballot) and the
//!   bodies of the log routes.
//! - [`mail`]: mail to voters: what an admin asks to send and where each mail stands.
//! - [`merkle`]: the RFC 9162 Merkle tree of an election's public log: roots, proofs and their
//!   verification (the browser verifies receipts with it).
//! - [`verify`]: checking a voter's receipt against the co-signed log (no IO: the browser
//!   fetches, this decides).
//! - [`recount`]: the bulletin board (every ballot, no voter) and the recount from the log.
//! - [`results`]: the winner rule, shared so that the browser and the server agree on it.
//! - [`rules`]: the deadline rule, shared for the same reason.
//! - [`secrecy`]: secret ballots: sealing and proofs, the trustees' key ceremony, the
//!   encrypted tally and its decryption (elastic-elgamal).
//!
//! The wire contract is typed here once: codes, roles, notification kinds and phases are enums
//! whose serde names are the wire strings, so both sides match on enums, never on strings.
//!
//! This crate depends on serde, serde_json, sha2, ed25519-dalek and the secret ballots' crypto crates only (utoipa behind a feature), so it compiles both for
//! the server and for wasm.

pub mod accounts;
pub mod ballots;
pub mod checkpoint;
pub mod count;
pub mod dashboards;
pub mod dto;
pub mod elections;
pub mod errors;
pub mod events;
pub mod feed;
pub mod ids;
pub mod kinds;
pub mod languages;
pub mod log;
pub mod mail;
pub mod merkle;
pub mod recount;
pub mod results;
pub mod rules;
pub mod secrecy;
pub mod verify;
pub mod ws;

pub use dto::{NotificationKind, Role};
pub use elections::{ElectionId, DEFAULT_ELECTION};
pub use errors::ErrorCode;
pub use events::{AuditEvent, AuditPayload, CloseReason, Event, EventPayload, Phase};
pub use ids::{CandidateId, LamportTime, NodeId, Seq, VoterId};
