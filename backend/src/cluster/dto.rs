//! What members send each other on their internal routes (`/raft/*`, served by
//! the HTTP layer's members module): the replication layer's wire types.

use serde::{Deserialize, Serialize};
use shared::ids::NodeId;

/// The leader's answer to a read-index request.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReadIndex {
    pub index: u64,
}

/// A learner (the tally) asking the leader to add it.
#[derive(Debug, Serialize, Deserialize)]
pub struct JoinRequest {
    pub node_id: NodeId,
    pub addr: String,
}

/// What one member says of itself, for the cluster status.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberReport {
    pub node_id: NodeId,
    pub role: shared::Role,
    pub term: u64,
    pub leader_id: Option<NodeId>,
    pub last_log_index: Option<u64>,
    pub applied_index: Option<u64>,
    pub clock_offset_ms: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct ClockReading {
    /// The member's synchronised clock.
    pub now_ms: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct ClockAdjustment {
    pub adjust_ms: i64,
}
