//! The replication layer: the cluster around this node's Raft. Membership bootstrap, the write
//! path with leader forwarding ([`ledger`]), linearizable reads, health and status, and
//! Berkeley clock synchronisation. It sits below the HTTP layer (`api/`, `ws/`) and above
//! `raft/`, `engine`, `store/`, `domain/` and `clock/`, and imports only those.
//!
//! - [`ledger`]: stamping a command and submitting it until a majority has committed it; its
//!   [`LedgerError`] is this layer's error type.
//! - [`dto`]: what members send each other on their internal routes.
//! - [`status`]: `GET /api/cluster/status` and the monitor that pushes changes.
//! - [`liveness`]: whether this node can commit now (what `/health` reports).
//! - [`time_daemon`]: the leader's Berkeley rounds.

pub mod batcher;
pub mod dto;
pub mod ledger;
pub mod liveness;
pub mod status;
pub mod time_daemon;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use openraft::async_runtime::WatchReceiver as _;
use openraft::ServerState;
use shared::ids::NodeId;

use crate::clock::ServerClock;
use crate::raft::{self, Raft};
use crate::tls::PeerTls;

pub use crate::raft::network::SECRET_HEADER;
pub use ledger::{Ledger, LedgerError};

/// How this node sits in the cluster; cheap to clone.
#[derive(Clone)]
pub struct Cluster {
    pub node_id: NodeId,
    pub raft: Raft,
    /// This node's address as the others reach it.
    pub addr: String,
    /// The voting replicas named on the command line (id to `host:port`).
    pub peers: Arc<BTreeMap<NodeId, String>>,
    /// Whether this node is a voting replica (false for the tally learner).
    pub voter: bool,
    pub secret: Arc<str>,
    /// Client for the internal routes of other members.
    pub http: reqwest::Client,
    /// Whether `http` speaks HTTPS to the other members (and so the scheme of their URLs).
    pub tls: PeerTls,
    /// Since when no leader is known, for `/health`.
    pub liveness: Arc<liveness::Liveness>,
    /// This node's synchronised wall clock (Berkeley's corrections land here).
    pub clock: Arc<ServerClock>,
    /// Whether this node may vote yet (not after an empty start, until caught up).
    pub votes: raft::VoteGuard,
}

/// Who this node is among the members, as the command line says.
pub struct Membership {
    pub node_id: NodeId,
    /// This node's address as the others reach it.
    pub addr: String,
    /// The voting replicas (id to `host:port`).
    pub peers: BTreeMap<NodeId, String>,
    /// Whether this node is a voting replica (false for the tally learner).
    pub voter: bool,
    /// The secret every member's internal routes require.
    pub secret: Arc<str>,
    /// The local address connections to other members leave from (`--source-ip`).
    pub source_ip: Option<std::net::IpAddr>,
    /// Where this node's metrics go (the state machine times its snapshots).
    pub telemetry: crate::telemetry::Telemetry,
    /// Plain HTTP to the other members, or HTTPS checked against the members' CA.
    pub tls: PeerTls,
}

impl Cluster {
    /// Starts Raft on the engine and, on a fresh cluster, initialises it from the lowest id.
    pub async fn start(
        membership: Membership,
        engine: crate::engine::Engine,
        clock: Arc<ServerClock>,
        tasks: &crate::tasks::Tasks,
    ) -> anyhow::Result<Cluster> {
        let Membership {
            node_id,
            addr,
            peers,
            voter,
            secret,
            source_ip,
            telemetry,
            tls,
        } = membership;
        if voter && !peers.contains_key(&node_id) {
            bail!(
                "node {node_id} is not among the peers {:?}",
                peers.keys().collect::<Vec<_>>()
            );
        }
        let network = raft::Network::new(secret.clone(), source_ip, tls.clone())
            .context("building the Raft HTTP client")?;
        let raft = raft::start(node_id, engine, telemetry, network, raft::config(), voter).await?;
        let raft_handle = raft.clone();
        // Members talk to each other directly, as the Raft client does: an HTTP_PROXY meant
        // for the outside world must not carry (or break) the cluster's own traffic.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .connect_timeout(Duration::from_millis(500))
            .no_proxy()
            .local_address(source_ip);
        let http = tls.client(http).build()?;
        let cluster = Cluster {
            node_id,
            raft,
            addr,
            peers: Arc::new(peers),
            voter,
            secret,
            http,
            tls,
            liveness: liveness::Liveness::watch(&raft_handle, tasks),
            clock,
            votes: raft::VoteGuard::default(),
        };
        let lowest = cluster.peers.keys().next().copied();
        let fresh = !cluster.raft.is_initialized().await?;
        let peers = match voter && fresh {
            true => cluster.peer_logs().await,
            false => PeerLogs::default(),
        };
        // A voter that lost its data (or was never started) in a cluster that already elected
        // a leader must not vote before it has caught up: see `raft::vote_guard`.
        if voter && fresh && peers.elected {
            cluster
                .votes
                .abstain_until_caught_up(&cluster.raft, peers.applied, tasks);
        }
        // A wiped lowest member must rejoin the existing cluster, not found a second one.
        if voter && lowest == Some(node_id) && fresh && !peers.any_log {
            let members = raft::members(cluster.peers.iter().map(|(id, a)| (*id, a.as_str())));
            cluster
                .raft
                .initialize(members)
                .await
                .context("initialising the cluster")?;
            tracing::info!(node_id, "initialised a new cluster");
        }
        Ok(cluster)
    }

    /// What the reachable peers' logs say about the cluster.
    async fn peer_logs(&self) -> PeerLogs {
        let mut found = PeerLogs::default();
        for (id, addr) in self.peers.iter().filter(|(id, _)| **id != self.node_id) {
            let request = self
                .internal(reqwest::Method::GET, addr, "member")
                .timeout(Duration::from_millis(500));
            let Ok(response) = request.send().await else {
                continue;
            };
            let Ok(report) = response.json::<dto::MemberReport>().await else {
                continue;
            };
            if report.last_log_index.is_some() {
                tracing::info!(
                    peer = id,
                    "a peer already has a log: joining, not initialising"
                );
                found.any_log = true;
            }
            // Index 0 is the initial membership; anything beyond was written by a leader.
            found.elected |= report.last_log_index.is_some_and(|index| index > 0);
            found.applied = found.applied.max(report.applied_index.unwrap_or(0));
        }
        found
    }

    /// The current leader's id and address, if known.
    pub fn leader(&self) -> Option<(NodeId, String)> {
        let metrics = self.raft.metrics().borrow_watched().clone();
        let leader = metrics.current_leader?;
        let addr = metrics
            .membership_config
            .membership()
            .get_node(&leader)
            .map(|n| n.addr.clone())
            .or_else(|| self.peers.get(&leader).cloned())?;
        Some((leader, addr))
    }

    pub fn is_leader(&self) -> bool {
        self.raft.metrics().borrow_watched().state == ServerState::Leader
    }

    /// Every member in the current membership (voters and learners) with its address.
    pub fn members(&self) -> Vec<(NodeId, String, bool)> {
        let metrics = self.raft.metrics().borrow_watched().clone();
        let membership = metrics.membership_config.membership();
        let voters: Vec<NodeId> = membership.voter_ids().collect();
        let mut members: Vec<(NodeId, String, bool)> = membership
            .nodes()
            .map(|(id, node)| (*id, node.addr.clone(), voters.contains(id)))
            .collect();
        // Before this node has learnt the membership, fall back to the command line.
        if members.is_empty() {
            members = self
                .peers
                .iter()
                .map(|(id, addr)| (*id, addr.clone(), true))
                .collect();
        }
        members
    }

    /// A request to another member's internal route, with the secret.
    pub fn internal(
        &self,
        method: reqwest::Method,
        addr: &str,
        path: &str,
    ) -> reqwest::RequestBuilder {
        self.http
            .request(method, self.tls.url(addr, &format!("/raft/{path}")))
            .header(SECRET_HEADER, &*self.secret)
    }

    /// The tally learner asks the leader to add it, until it is in the membership.
    pub async fn join_as_learner(self, stop: tokio_util::sync::CancellationToken) {
        loop {
            let known = self.members().iter().any(|(id, _, _)| *id == self.node_id);
            if known {
                return;
            }
            for addr in self.peers.values() {
                let body = dto::JoinRequest {
                    node_id: self.node_id,
                    addr: self.addr.clone(),
                };
                let request = self
                    .internal(reqwest::Method::POST, addr, "join")
                    .json(&body);
                if let Ok(response) = request.send().await {
                    if response.status().is_success() {
                        tracing::info!(node_id = self.node_id, "joined the cluster as a learner");
                        break;
                    }
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                _ = stop.cancelled() => return,
            }
        }
    }
}

/// What a starting node learns from its reachable peers' reports.
#[derive(Debug, Default)]
struct PeerLogs {
    /// Some peer holds a Raft log (even just the initial membership).
    any_log: bool,
    /// Some peer's log goes beyond the initial membership: a leader was elected.
    elected: bool,
    /// The highest index a peer has applied.
    applied: u64,
}

impl Cluster {
    /// Waits until this node's state machine reflects everything committed before the call,
    /// so that the read that follows is linearizable (the read-index protocol; a follower asks
    /// the leader for the index).
    pub async fn linearizable_barrier(&self) -> Result<(), LedgerError> {
        let unavailable = |e: String| LedgerError::Unavailable(e);
        let index = if self.is_leader() {
            let read = self
                .raft
                .ensure_linearizable(openraft::ReadPolicy::ReadIndex)
                .await;
            read.map_err(|e| unavailable(e.to_string()))?
                .log_id()
                .index()
        } else {
            let (_, addr) = self
                .leader()
                .ok_or_else(|| unavailable("no leader is known".into()))?;
            let request = self.internal(reqwest::Method::POST, &addr, "read-index");
            let response = request
                .send()
                .await
                .map_err(|e| unavailable(e.to_string()))?;
            if !response.status().is_success() {
                return Err(unavailable(format!(
                    "the leader answered {}",
                    response.status()
                )));
            }
            let read: dto::ReadIndex = response
                .json()
                .await
                .map_err(|e| unavailable(e.to_string()))?;
            read.index
        };
        self.raft
            .wait(Some(Duration::from_secs(5)))
            .applied_index_at_least(Some(index), "linearizable read")
            .await
            .map_err(|e| unavailable(e.to_string()))?;
        Ok(())
    }
}

impl Cluster {
    /// Before a clean stop, a leader hands over to its most up-to-date voter, so a rolling
    /// restart costs no election timeout of unavailability. Gives up after two seconds.
    pub async fn hand_over_leadership(&self) {
        if !self.is_leader() {
            return;
        }
        let metrics = self.raft.metrics().borrow_watched().clone();
        let voters: Vec<NodeId> = metrics.membership_config.membership().voter_ids().collect();
        let successor = metrics
            .replication
            .iter()
            .flatten()
            .filter(|(id, _)| **id != self.node_id && voters.contains(id))
            .max_by_key(|(_, matched)| matched.as_ref().map(|m| m.index()))
            .map(|(id, _)| *id);
        let Some(successor) = successor else { return };
        if self
            .raft
            .trigger()
            .transfer_leader(successor)
            .await
            .is_err()
        {
            return;
        }
        let handed_over = self
            .raft
            .wait(Some(Duration::from_secs(2)))
            .metrics(
                |m| m.current_leader.is_some_and(|l| l != self.node_id),
                "leadership handed over",
            )
            .await;
        match handed_over {
            Ok(_) => tracing::info!(successor, "handed leadership over before stopping"),
            Err(error) => tracing::warn!(%error, "leadership was not handed over in time"),
        }
    }
}
