//! Messages pushed by the server over `GET /ws` (JSON text frames, tagged by `type`).
//!
//! A client connects to `/ws`; the server first sends `hello` and a `tally`, then pushes as
//! things happen. An admin page then sends [`ClientMessage::Auth`] with its token as its first
//! message (never in the URL, where proxies and logs would keep it); the server answers with an
//! admin `hello` (plus queue and cluster figures) and admin pushes from then on, or with an
//! `error` and a close when the token is wrong. (`/ws?admin_token=TOKEN` still works for old
//! clients.) Clients send at most 64 KB per message.
//!
//! A connection that cannot keep up (its send buffer full) is closed with code
//! [`CLOSE_SLOW_CONSUMER`]; on reconnect the `hello` resynchronises it.

use serde::{Deserialize, Serialize};

use crate::checkpoint::Checkpoint;
use crate::dto::{ClusterStatusResponse, Notification, QueueStatus, ResultsResponse, VoterStatus};
use crate::errors::ErrorCode;
use crate::events::Phase;
use crate::ids::{LamportTime, NodeId, TimestampMs};

/// Close code sent to a connection that fell too far behind: reconnect to resynchronise.
pub const CLOSE_SLOW_CONSUMER: u16 = 4008;
/// Close code sent after a failed `auth` message.
pub const CLOSE_UNAUTHORIZED: u16 = 4001;

/// Messages a client may send over `/ws` (JSON text frames, tagged by `type`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    /// Turns this connection into an admin connection.
    Auth { admin_token: String },
}

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
        /// Whether this connection receives the admin's pushes (after a good `auth`).
        #[serde(default)]
        admin: bool,
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
    /// The election's latest co-signed checkpoint of its public log: sent after `hello` when
    /// there is one, then each time the members sign a new one (at least every second while
    /// the log grows, and at every phase change).
    Checkpoint { checkpoint: Checkpoint },
    /// Something the client sent was refused (a bad `auth`, a malformed message); the same
    /// `{error, message}` as every HTTP error.
    Error { error: ErrorCode, message: String },
}
