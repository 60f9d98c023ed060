//! The application state every handler receives: cheap handles only.

use std::sync::Arc;

use shared::ids::{LamportTime, NodeId};
use tokio::sync::oneshot;

use shared::dto::{ClusterStatusResponse, Notification};
use tokio::sync::broadcast;

use crate::clock::{LamportClock, ServerClock};
use crate::cluster::Cluster;
use crate::domain::{Command, Envelope};
use crate::engine::{Decision, Engine};
use crate::ledger::{Ledger, LedgerError};
use crate::queue::VoteQueue;

/// Settings fixed at start.
#[derive(Debug, Clone)]
pub struct NodeSettings {
    pub node_id: NodeId,
    /// Bearer token of the admin API.
    pub admin_token: String,
    /// How far before receipt a click time is trusted.
    pub grace_ms: u64,
    /// Whether this node votes in the cluster (false for the tally learner, which never
    /// accepts writes itself).
    pub voter: bool,
    /// The secret session tokens are derived under (the cluster secret, shared by every
    /// member, so a retried login gets the same token through any replica).
    pub session_secret: Arc<[u8]>,
}

/// A vote waiting in the queue, with the channel its handler waits on.
pub struct VoteJob {
    pub envelope: Envelope,
    pub reply: oneshot::Sender<Result<Decision, LedgerError>>,
}

#[derive(Clone)]
pub struct AppState {
    /// Settings fixed at start.
    pub settings: Arc<NodeSettings>,
    /// The committed election state and the event fan-out.
    pub engine: Engine,
    /// Where commands go to be committed.
    pub ledger: Ledger,
    /// The synchronised wall clock.
    pub clock: Arc<ServerClock>,
    /// The node's Lamport clock.
    pub lamport: Arc<LamportClock>,
    /// The bounded, ordered vote queue.
    pub votes: VoteQueue<VoteJob>,
    /// This node's Raft and its view of the other members.
    pub cluster: Cluster,
    /// Changes of the cluster's health, for the admin WebSocket.
    pub cluster_updates: broadcast::Sender<ClusterUpdate>,
    /// Per-address limits: failed register/login attempts and WebSocket connections.
    pub limits: crate::api::limits::Limits,
}

/// A change of the cluster's health: the new status and what to tell the admin about it.
#[derive(Debug, Clone)]
pub struct ClusterUpdate {
    pub status: ClusterStatusResponse,
    pub notices: Vec<Notification>,
}

impl AppState {
    /// Stamps a command as received now, merging the client's Lamport time.
    pub fn stamp(&self, command: Command, client_lamport: LamportTime) -> Envelope {
        Envelope {
            command,
            node_id: self.settings.node_id,
            received_at_ms: self.clock.now_ms(),
            lamport: self.lamport.merge(client_lamport),
            idempotency: None,
        }
    }

    /// An envelope for deciding early against the committed state, without ticking the clock.
    pub fn provisional(&self, command: Command) -> Envelope {
        Envelope {
            command,
            node_id: self.settings.node_id,
            received_at_ms: self.clock.now_ms(),
            lamport: self.lamport.current(),
            idempotency: None,
        }
    }

    /// Commits an envelope and returns its events (or the domain's refusal).
    pub async fn commit(&self, envelope: Envelope) -> Result<Decision, LedgerError> {
        let decision = self.ledger.submit(envelope).await?;
        if let Ok(events) = &decision {
            if let Some(last) = events.last() {
                self.lamport.observe(last.lamport);
            }
        }
        Ok(decision)
    }

    /// Whether `token` is the admin token (compared in constant time).
    pub fn is_admin_token(&self, token: &str) -> bool {
        crate::secrets::constant_time_eq(token, &self.settings.admin_token)
    }
}
