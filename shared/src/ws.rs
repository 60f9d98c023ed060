//! Messages pushed by the server over `GET /ws` (JSON text frames, tagged by `type`).
//!
//! A client connects to `/ws` (public) or `/ws?admin_token=TOKEN` (admin: voter names appear
//! in notifications). The server first sends `hello` and a `tally`, then pushes as things happen.

use serde::{Deserialize, Serialize};

use crate::dto::{ClusterStatusResponse, Notification, QueueStatus, ResultsResponse, VoterStatus};
use crate::events::Phase;
use crate::ids::{LamportTime, NodeId, TimestampMs};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// First message of every connection.
    Hello {
        node_id: NodeId,
        server_time_ms: TimestampMs,
        lamport: LamportTime,
        phase: Phase,
        deadline_ms: Option<TimestampMs>,
        live_results: bool,
    },
    /// A new line of the activity feed.
    Notification {
        notification: Notification,
        lamport: LamportTime,
    },
    /// The phase, deadline or result visibility changed.
    Phase {
        phase: Phase,
        deadline_ms: Option<TimestampMs>,
        live_results: bool,
        lamport: LamportTime,
    },
    /// New figures (coalesced: at most ten a second).
    Tally { results: ResultsResponse },
    /// Admin connections only: a voter registered or voted.
    Voter { voter: VoterStatus },
    /// Admin connections only: the queue figures changed (coalesced like the tally).
    Queue { queue: QueueStatus },
    /// Admin connections only: the cluster's health (sent on change, at most once a second).
    Cluster { status: ClusterStatusResponse },
}
