//! Types shared by the Ballot backend and the three browser dashboards.
//!
//! Layout:
//! - [`ids`]: the plain numeric identifiers (voter, candidate, sequence, node, Lamport time).
//! - [`events`]: the past-tense events of the election log and the phase machine.
//! - [`dto`]: the JSON bodies of every HTTP request and response, and the error body.
//! - [`ws`]: the typed messages the server pushes over `/ws`.
//! - [`results`]: the winner rule, shared so that the browser and the server agree on it.
//!
//! This crate depends on serde only, so it compiles both for the server and for wasm.

pub mod dto;
pub mod events;
pub mod ids;
pub mod results;
pub mod ws;

pub use events::{AuditEvent, AuditPayload, CloseReason, Event, EventPayload, Phase};
pub use ids::{CandidateId, LamportTime, NodeId, Seq, VoterId};
