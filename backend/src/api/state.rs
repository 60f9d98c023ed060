//! The application state every handler receives: cheap handles only.

use crate::projections::results::ResultsCache;
use std::sync::Arc;

use shared::ids::{LamportTime, NodeId};
use tokio::sync::{broadcast, oneshot};

use super::board::CheckpointBoard;
use super::error::ApiError;
use super::frames::PublicFrames;
use super::limits::Limits;
use crate::clock::{LamportClock, ServerClock};
use crate::cluster::status::ClusterUpdate;
use crate::cluster::{Cluster, Ledger, LedgerError};
use crate::domain::{Command, Decision, DomainError, Election, Envelope};
use crate::engine::Engine;
use crate::queue::VoteQueue;
use crate::signing::LogSigner;
use crate::tasks::Tasks;
use crate::telemetry::Telemetry;

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
    /// Whether this node serves HTTPS (`--tls-cert`): cookies can then be `Secure`.
    pub tls: bool,
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
    /// Where commands are stamped and committed.
    pub ledger: Ledger,
    /// The synchronised wall clock (the cluster's).
    pub clock: Arc<ServerClock>,
    /// The node's Lamport clock (the ledger's).
    pub lamport: Arc<LamportClock>,
    /// The bounded, ordered vote queue.
    pub votes: VoteQueue<VoteJob>,
    /// This node's Raft and its view of the other members.
    pub cluster: Cluster,
    /// Changes of the cluster's health, for the admin WebSocket.
    pub cluster_updates: broadcast::Sender<ClusterUpdate>,
    /// Per-address limits: failed register/login attempts and WebSocket connections.
    pub limits: Limits,
    /// The node's tasks: WebSocket sessions are tracked here and end when the node stops.
    pub tasks: Tasks,
    /// This member's key for signing checkpoints of the public logs.
    pub signer: Arc<LogSigner>,
    /// The latest co-signed checkpoint of each election, and their fan-out to viewers.
    pub checkpoints: CheckpointBoard,
    /// Public WebSocket pushes serialised once and shared by every viewer of an election.
    pub frames: PublicFrames,
    /// The last results view of each election, so that asking again costs no count.
    pub results: ResultsCache,
    /// How this member sends mail (`None` without `--smtp-url`).
    pub mail: Option<Arc<crate::mail::Mailer>>,
    /// This node's own metrics recorder (never a process-wide one: tests run several nodes in
    /// one process), rendered by `GET /metrics`.
    pub telemetry: Telemetry,
}

impl AppState {
    /// Stamps a command as received now, merging the client's Lamport time.
    pub fn stamp(&self, command: Command, client_lamport: LamportTime) -> Envelope {
        let envelope = self.ledger.stamp(command, client_lamport);
        // An admin request's commands name its account (see `accounts::principal`).
        match crate::api::accounts::principal::current_actor() {
            Some(actor) => envelope.by(actor),
            None => envelope,
        }
    }

    /// An envelope for deciding early against the committed state, without ticking the clock.
    pub fn provisional(&self, command: Command) -> Envelope {
        self.ledger.provisional(command)
    }

    /// Commits an envelope and returns its events (or the domain's refusal).
    pub async fn commit(&self, envelope: Envelope) -> Result<Decision, LedgerError> {
        self.ledger.commit(envelope).await
    }

    /// Reads election `id`'s committed state (404 when there is none). Keep `read` short: the
    /// writer waits for the lock after each commit.
    pub fn election<R>(&self, id: &str, read: impl FnOnce(&Election) -> R) -> Result<R, ApiError> {
        let elections = self.engine.read();
        let election = elections
            .get(id)
            .ok_or_else(|| DomainError::NoSuchElection(id.to_string()))?;
        Ok(read(election))
    }

    /// Waits until this replica has applied election `id` up to `seq` (a write forwarded to
    /// the leader is decided there first), so what it answers next reflects that write.
    pub async fn caught_up(&self, id: &str, seq: u64) -> Result<(), ApiError> {
        let behind = |state: &AppState| {
            let elections = state.engine.read();
            elections.get(id).is_none_or(|e| e.last_seq < seq)
        };
        if behind(self) {
            self.cluster.linearizable_barrier().await?;
        }
        Ok(())
    }

    /// Whether `token` is the admin token (compared in constant time).
    pub fn is_admin_token(&self, token: &str) -> bool {
        crate::secrets::constant_time_eq(token, &self.settings.admin_token)
    }
}
