//! Identifiers. They are plain integers on the wire; the aliases document intent.

/// A voter's number on the roll (Alice = 1 … Jack = 10, then registrations).
pub type VoterId = u32;
/// A candidate's number on the ballot (1 … 10 by default).
pub type CandidateId = u32;
/// The position of an event in the election log, starting at 1.
pub type Seq = u64;
/// A server's id in the cluster (replicas 1..=3, the tally learner 4).
pub type NodeId = u64;
/// A Lamport logical timestamp.
pub type LamportTime = u64;
/// Milliseconds since the Unix epoch, by the (synchronised) server clock.
pub type TimestampMs = i64;
