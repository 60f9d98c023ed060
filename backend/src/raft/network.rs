//! The client side of Raft's RPCs: JSON over HTTP to a peer's `/raft/*` routes (HTTPS
//! checked against the members' CA when TLS is on, see `crate::tls`).
//!
//! Each request carries the cluster secret in [`SECRET_HEADER`]. A peer answers `200` with the
//! JSON of `Result<Response, RaftError>`; anything else is a transport failure. Failures map to
//! openraft's error kinds so it paces its retries: a refused connection, a timeout or a non-200
//! status is `Unreachable` (openraft backs off before retrying), a broken or unreadable exchange
//! is a `NetworkError` (retried at once).

use std::future::Future;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use openraft::errors::{NetworkError, RPCError, ReplicationClosed, StreamingError, Unreachable};
use openraft::network::{RPCOption, RaftNetworkFactory};
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, SnapshotResponse, TransferLeaderRequest,
    TransferLeaderResponse, VoteRequest, VoteResponse,
};
use openraft::{OptionalSend, RaftNetworkV2};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::snapshot_stream::{ChunkAnswer, Outgoing};
use super::state_machine::{Snapshot, SnapshotData};
use super::{BasicNode, NodeId, RaftError, TypeConfig};
use crate::tls::PeerTls;

/// The header carrying the cluster's shared secret on every Raft RPC.
pub const SECRET_HEADER: &str = "x-cluster-secret";

/// How long a connection attempt may take. Peers are on a LAN (or the same host), so a slow
/// connect means the peer is down; failing fast lets openraft back off sooner.
const CONNECT_TIMEOUT: Duration = Duration::from_millis(500);

/// The least time a replication `append` may take. openraft offers one heartbeat interval
/// (250 ms), which a loaded follower doing an fsync can overrun; a timed-out append is simply
/// sent again, so waiting a little longer wastes less than retrying. Heartbeats keep openraft's
/// own, shorter budget.
const MIN_APPEND_TIMEOUT: Duration = Duration::from_secs(1);

/// The least rate at which a body is expected to be sent, parsed and written by the peer: a
/// large entry (a roll of 100,000 voters is some 15 MB) gets time in proportion, or its append
/// would time out and be resent for ever.
const BYTES_PER_SECOND: u64 = 2 * 1024 * 1024;

/// openraft's network factory: hands out one [`Connection`] per peer. Cheap to clone.
#[derive(Clone)]
pub struct Network {
    /// One HTTP client (and connection pool) shared by every peer connection.
    client: reqwest::Client,
    /// Sent with every request; peers refuse requests without it.
    secret: Arc<str>,
    /// HTTP, or HTTPS checked against the members' CA.
    tls: PeerTls,
}

impl Network {
    /// `source_ip`, when given, is the local address every RPC connection leaves from.
    pub fn new(
        secret: Arc<str>,
        source_ip: Option<IpAddr>,
        tls: PeerTls,
    ) -> reqwest::Result<Network> {
        let builder = reqwest::Client::builder()
            // Raft traffic goes straight to the peer, whatever HTTP_PROXY says.
            .no_proxy()
            .local_address(source_ip)
            .connect_timeout(CONNECT_TIMEOUT)
            .tcp_nodelay(true);
        let client = tls.client(builder).build()?;
        Ok(Network {
            client,
            secret,
            tls,
        })
    }

    fn connect(&self, target: NodeId, node: &BasicNode, heartbeat: bool) -> Connection {
        Connection {
            target,
            base_url: self.tls.url(&node.addr, "/raft"),
            client: self.client.clone(),
            secret: self.secret.clone(),
            heartbeat,
        }
    }
}

impl RaftNetworkFactory<TypeConfig> for Network {
    type Network = Connection;

    async fn new_client(&mut self, target: NodeId, node: &BasicNode) -> Connection {
        self.connect(target, node, false)
    }

    async fn new_heartbeat_client(&mut self, target: NodeId, node: &BasicNode) -> Connection {
        self.connect(target, node, true)
    }
}

/// The RPC client for one peer.
pub struct Connection {
    /// The peer's id, for error messages.
    target: NodeId,
    /// `http://host:port/raft` (`https` with TLS).
    base_url: String,
    client: reqwest::Client,
    secret: Arc<str>,
    /// Whether this client sends heartbeats, which must fit openraft's heartbeat budget.
    heartbeat: bool,
}

impl Connection {
    async fn post<Req, Resp>(
        &self,
        route: &str,
        body: &Req,
        timeout: Duration,
    ) -> Result<Resp, RPCError<TypeConfig>>
    where
        Req: Serialize,
        Resp: DeserializeOwned,
    {
        let url = format!("{}/{route}", self.base_url);
        let body = serde_json::to_vec(body)
            .map_err(|error| RPCError::Network(NetworkError::new(&error)))?;
        let timeout = match self.heartbeat {
            true => timeout,
            false => timeout + Duration::from_millis(body.len() as u64 * 1000 / BYTES_PER_SECOND),
        };
        let response = self
            .client
            .post(&url)
            .header(SECRET_HEADER, &*self.secret)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .timeout(timeout)
            .send()
            .await
            .map_err(|error| {
                if error.is_connect() || error.is_timeout() {
                    RPCError::Unreachable(Unreachable::new(&error))
                } else {
                    RPCError::Network(NetworkError::new(&error))
                }
            })?;
        let status = response.status();
        if !status.is_success() {
            // Most likely a wrong cluster secret or a peer that is not a Ballot node: retrying
            // at once would only hammer it.
            let message = format!("node {} answered {status} to {url}", self.target);
            return Err(RPCError::Unreachable(Unreachable::from_string(message)));
        }
        let result: Result<Resp, RaftError> = response.json().await.map_err(|error| {
            if error.is_timeout() {
                RPCError::Unreachable(Unreachable::new(&error))
            } else {
                RPCError::Network(NetworkError::new(&error))
            }
        })?;
        // The peer's Raft has stopped (its only error here is Fatal): treat it as down.
        result.map_err(|error| RPCError::Unreachable(Unreachable::new(&error)))
    }
}

impl RaftNetworkV2<TypeConfig> for Connection {
    type SnapshotData = SnapshotData;

    async fn append_entries(
        &mut self,
        request: AppendEntriesRequest<TypeConfig>,
        option: RPCOption,
    ) -> Result<AppendEntriesResponse<TypeConfig>, RPCError<TypeConfig>> {
        let timeout = match self.heartbeat {
            true => option.hard_ttl(),
            false => option.hard_ttl().max(MIN_APPEND_TIMEOUT),
        };
        self.post("append", &request, timeout).await
    }

    async fn vote(
        &mut self,
        request: VoteRequest<TypeConfig>,
        option: RPCOption,
    ) -> Result<VoteResponse<TypeConfig>, RPCError<TypeConfig>> {
        self.post("vote", &request, option.hard_ttl()).await
    }

    async fn pre_vote(
        &mut self,
        request: VoteRequest<TypeConfig>,
        option: RPCOption,
    ) -> Result<VoteResponse<TypeConfig>, RPCError<TypeConfig>> {
        self.post("pre-vote", &request, option.hard_ttl()).await
    }

    async fn full_snapshot(
        &mut self,
        vote: openraft::alias::VoteOf<TypeConfig>,
        snapshot: Snapshot,
        cancel: impl Future<Output = ReplicationClosed> + OptionalSend + 'static,
        option: RPCOption,
    ) -> Result<SnapshotResponse<TypeConfig>, StreamingError<TypeConfig>> {
        let Some(mut outgoing) = Outgoing::new(vote, snapshot) else {
            let message = "only a member's own snapshot can be sent";
            return Err(StreamingError::Network(NetworkError::from_string(message)));
        };
        let send = async move {
            // The chunks one by one; the follower answers the last with the install's result.
            loop {
                let chunk = outgoing
                    .next()
                    .await
                    .map_err(|error| StreamingError::Network(NetworkError::new(&error)))?;
                let Some(chunk) = chunk else {
                    let message = "the snapshot stream ended without an answer";
                    return Err(StreamingError::Network(NetworkError::from_string(message)));
                };
                match self.post("snapshot", &chunk, option.hard_ttl()).await? {
                    ChunkAnswer::Staged { .. } => continue,
                    ChunkAnswer::Installed(response) => return Ok(response),
                }
            }
        };
        tokio::select! {
            closed = cancel => Err(StreamingError::Closed(closed)),
            response = send => response,
        }
    }

    async fn transfer_leader(
        &mut self,
        request: TransferLeaderRequest<TypeConfig>,
        option: RPCOption,
    ) -> Result<TransferLeaderResponse<TypeConfig>, RPCError<TypeConfig>> {
        self.post("transfer-leader", &request, option.hard_ttl())
            .await
    }
}
