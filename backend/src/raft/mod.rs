//! Replication: the election log as a Raft log, on openraft `0.10.0-alpha.37`.
//!
//! A command is stamped into an [`Envelope`] by the node that received it and proposed to the
//! leader with [`Raft::client_write`] (or `client_write_many`). Once a majority has stored it,
//! every member's [`StateMachine`] decides it against the same state and appends the same events
//! to its own SQLite event table, so the tables agree byte for byte.
//!
//! - [`log_store`]: the Raft log, the vote and the committed log id, in SQLite (`raft_log`,
//!   `raft_meta`). One transaction per append batch; the flush callback fires after the commit.
//! - [`state_machine`]: applies committed entries through [`Engine::apply_batch`] (one
//!   transaction per batch: the group commit) and builds and installs snapshots.
//! - [`network`]: the client side of the Raft RPCs, JSON over HTTP with the cluster secret.
//! - [`http`]: the server side, `POST /raft/{append,vote,pre-vote,snapshot}`.
//! - [`vote_guard`]: a replica that restarted with a wiped log abstains from votes until it
//!   has caught up.
//!
//! The public surface is small: [`TypeConfig`], the [`Raft`] handle type, [`config`] (the tuned
//! timeouts) and [`start`]. Everything the rest of the server needs after start-up is on the
//! [`Raft`] handle itself: `client_write`, `ensure_linearizable`, `metrics`, `initialize`.
//!
//! # Errors a caller must expect from `client_write`
//! - `RaftError::APIError(ClientWriteError::ForwardToLeader(f))`: this node cannot accept the
//!   write. With `f.leader_id == Some(id)`, `f.leader_node` is that leader's [`BasicNode`], whose
//!   `addr` is its HTTP listener: forward there. With `leader_id == None` and
//!   `f.reason == ForwardReason::LeaseExpired`, this node *is* the leader but no quorum has
//!   acknowledged it recently: either it was just elected (retry after a short backoff) or it has
//!   lost its majority (after about one election timeout of retries, answer 503).
//! - `ClientWriteError::LogEntryDiscarded(_)`: the entry was proposed but overwritten by a new
//!   leader; it may still have been committed elsewhere, so only retry idempotent commands.

pub mod crash_point;
pub mod http;
pub mod log_store;
pub mod network;
pub mod proposal;
pub mod runtime;
pub mod snapshot_stream;
pub mod state_machine;
pub mod vote_guard;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use openraft::async_runtime::{Instant as _, WatchReceiver as _};
pub use openraft::BasicNode;
use openraft::{Config, SnapshotPolicy};

use crate::engine::{Decision, Engine};
pub use log_store::LogStore;
pub use network::Network;
pub use proposal::Proposal;
pub use snapshot_stream::Inbox;
pub use state_machine::StateMachine;
pub use vote_guard::VoteGuard;

openraft::declare_raft_types!(
    /// Ballot's Raft types: an entry carries one envelope or a batch; applying it yields one
    /// [`Decision`] per envelope, in order.
    pub TypeConfig:
        D = Proposal,
        R = Vec<Decision>,
        NodeId = shared::ids::NodeId,
        Node = BasicNode,
);

pub use shared::ids::NodeId;
/// The handle to this node's Raft; cheap to clone.
pub type Raft = openraft::Raft<TypeConfig, StateMachine>;
/// A position in the Raft log (term, leader, index).
pub type LogId = openraft::alias::LogIdOf<TypeConfig>;
/// The membership as recorded at a log position.
pub type StoredMembership = openraft::alias::StoredMembershipOf<TypeConfig>;
/// One entry of the Raft log.
pub type Entry = openraft::alias::EntryOf<TypeConfig>;
/// What openraft's errors look like for this type config.
pub type RaftError<E = openraft::errors::Infallible> = openraft::errors::RaftError<TypeConfig, E>;
/// The error of `client_write`.
pub type ClientWriteError = openraft::errors::ClientWriteError<TypeConfig>;

/// Raft timing and log-compaction settings, tuned for three replicas and a learner sharing a
/// loaded two-core machine (debug builds, other test suites running).
///
/// - `heartbeat_interval` 100 ms: the leader's keep-alive, and also the time budget openraft
///   gives one heartbeat RPC. At 50 ms, heartbeats on a saturated two-core machine (four
///   members, the load generator, builds) timed out in runs of several seconds; a late
///   heartbeat still counts now (the follower handles appends on a task of their own, see
///   [`http`]), but a shorter budget only meant more dropped connections.
/// - `election_timeout` 150–300 ms. openraft's leader lease is `election_timeout_max`, and a
///   follower's election timer only starts counting once the lease has run out: it stands for
///   election `max + U(min, max)` after the last heartbeat it heard, here 450–600 ms, four to
///   six missed heartbeats. After a leader crash (on average half a heartbeat after its last
///   one) writes are unavailable for that, plus one pre-vote, one vote and the new leader's
///   first commit (figures in README, Performance; 1.22 s with 100 ms / 400–700 ms and
///   3.3–3.8 s with 250 ms / 1–2 s before). Shorter timeouts used to cost spurious leader
///   changes under load, from snapshots that held SQLite's write lock for seconds and from
///   writers starving in SQLite's busy handler; snapshots are now cuts streamed in chunks
///   (see [`state_machine`]) and each node has one SQLite connection, so writes queue in order.
/// - `enable_pre_vote`: a restarted or partitioned node first asks whether it could win, so it
///   does not bump the term and disrupt a working leader.
/// - `snapshot_policy` every 5000 applied entries, keeping 1000 entries behind each snapshot
///   (`max_in_snapshot_log_to_keep`) so a follower a little behind still catches up by log;
///   one further behind than `replication_lag_threshold` gets the snapshot.
/// - `install_snapshot_timeout` 30 s: the budget of each snapshot chunk (about a megabyte), the
///   last one of which also installs the snapshot.
pub fn config() -> Arc<Config> {
    let config = Config {
        cluster_name: "ballot".to_string(),
        heartbeat_interval: 100,
        election_timeout_min: 150,
        election_timeout_max: 300,
        enable_pre_vote: Some(true),
        snapshot_policy: SnapshotPolicy::LogsSinceLast(5000),
        max_in_snapshot_log_to_keep: 1000,
        replication_lag_threshold: 5000,
        install_snapshot_timeout: 30_000,
        max_payload_entries: 500,
        // A replica whose data directory was wiped comes back with an empty log. Without this,
        // the leader's RaftCore panics when that follower's log turns out shorter than the
        // progress it recorded ("follower log reversion is not allowed"), and the leader's
        // process stays up answering 500 to every write (found by `ballot chaos`, seed 2).
        allow_log_reversion: Some(true),
        // A leader's log appends are committed before they are fsynced, and its state
        // machine's batches are never fsynced on their own (see `log_store` and
        // `store::wal`): after a power cut it may come back behind what it had. It must then
        // win an election like any member, never resume leadership from its vote (openraft's
        // warning for state machines that do not flush before `apply` returns).
        enable_leader_restore: Some(false),
        ..Default::default()
    };
    Arc::new(
        config
            .validate()
            .expect("the built-in Raft config is valid"),
    )
}

/// Builds this node's log store and state machine, and starts its Raft over `network`.
///
/// The log store and the state machine share the engine's database pool. A node whose database
/// is empty starts uninitialised: call [`Raft::initialize`] with the voter set on exactly one
/// member (the lowest id, by convention), or add it from the leader. A node with state resumes
/// from it: committed entries it had not applied are applied before it serves.
///
/// `voter`: a learner (the tally) fsyncs nothing. It is in no quorum, so nothing acknowledged
/// waits for its disk, and one that loses its log's tail to a power cut is sent it again (the
/// log may go back: `allow_log_reversion`). On a machine that hosts every member, that is one
/// fsync fewer per write on the shared disk.
pub async fn start(
    node_id: NodeId,
    engine: Engine,
    telemetry: crate::telemetry::Telemetry,
    network: Network,
    config: Arc<Config>,
    voter: bool,
) -> anyhow::Result<Raft> {
    let log_store = LogStore::new(engine.pool().clone(), engine.wal().clone(), voter);
    let mut state_machine = StateMachine::new(engine, telemetry);
    let database = state_machine.database();
    state_machine.crash_point = crash_point::CrashPoint::from_env(node_id, &database);
    // Started on Raft's runtime when the process has one: openraft spawns its core, its
    // replication and its state machine worker where it starts.
    let raft = runtime::on_raft(Raft::new(
        node_id,
        config,
        network,
        log_store,
        state_machine,
    ))
    .await
    .context("the Raft runtime stopped")?
    .with_context(|| format!("starting Raft on node {node_id}"))?;
    Ok(raft)
}

/// How long ago a majority last acknowledged this node as leader: `None` unless it is the leader
/// and has been acknowledged at least once since it was elected.
///
/// A healthy leader is acknowledged every heartbeat (100 ms). An age beyond a few heartbeats
/// means it cannot currently reach a majority: a write proposed now would wait, uncommitted,
/// until the majority returns, so the API should answer 503 at once instead. (openraft itself
/// refuses writes with `ForwardToLeader { leader_id: None, reason: LeaseExpired }` only once
/// the age passes the 700 ms lease.) A single-voter cluster is its own majority and never ages.
pub fn quorum_ack_age(raft: &Raft) -> Option<Duration> {
    let metrics = raft.metrics();
    let metrics = metrics.borrow_watched();
    if metrics.membership_config.membership().voter_ids().count() == 1 {
        return metrics
            .current_leader
            .filter(|leader| *leader == metrics.id)
            .map(|_| Duration::ZERO);
    }
    metrics
        .last_quorum_acked
        .as_ref()
        .map(|acked| acked.elapsed())
}

/// The membership map `initialize` expects, from `(id, "host:port")` pairs.
pub fn members<'a>(
    peers: impl IntoIterator<Item = (NodeId, &'a str)>,
) -> BTreeMap<NodeId, BasicNode> {
    peers
        .into_iter()
        .map(|(id, addr)| (id, BasicNode::new(addr)))
        .collect()
}

#[cfg(test)]
mod tests;
