//! The members' own routes under `/raft/` (beside openraft's RPCs in `raft::http`):
//! proposing a forwarded command, the read index for linearizable reads on followers, a
//! learner joining, a member's status, and the Berkeley clock. All need the cluster secret:
//! `server::app` guards them, with Raft's RPCs, by `raft::http::require_cluster_secret`
//! (`401 cluster_unauthorized`). Bad bodies answer 400 in the app's error format.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use openraft::errors::{ClientWriteError, RaftError};
use openraft::{BasicNode, ReadPolicy};

use super::extract::AppJson;
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::cluster::dto::{ClockAdjustment, ClockReading, JoinRequest, MemberReport, ReadIndex};
use crate::cluster::LedgerError;
use crate::domain::Decision;
use crate::raft::Proposal;

/// The members' routes, unguarded: the caller layers the cluster-secret guard.
pub fn router() -> Router<AppState> {
    Router::new()
        // A forwarded roll import is one envelope of up to some 30 MB.
        .route(
            "/raft/propose",
            post(propose).layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024)),
        )
        .route("/raft/read-index", post(read_index))
        .route("/raft/join", post(join))
        .route("/raft/member", get(member))
        .route("/raft/clock", get(clock).post(adjust_clock))
        .route("/raft/log-key", get(log_key))
        .route("/raft/cosign", post(cosign))
}

async fn log_key(State(state): State<AppState>) -> Json<shared::checkpoint::LogKey> {
    Json(super::checkpoint::own_key(&state))
}

/// Signs another member's tree head if this member's own tree of that size has that root
/// (catching up with the leader first when it is behind); 400 otherwise.
async fn cosign(
    State(state): State<AppState>,
    AppJson(head): AppJson<shared::checkpoint::Checkpoint>,
) -> Result<Json<shared::checkpoint::CheckpointSignature>, ApiError> {
    let id = head.election_id.as_str();
    let mut root = super::checkpoint::tree_root(&state, id, head.tree_size).unwrap_or(None);
    if root.is_none() {
        state.cluster.linearizable_barrier().await?;
        root = super::checkpoint::tree_root(&state, id, head.tree_size)?;
    }
    if root.as_deref() != Some(head.root_hash_hex.as_str()) {
        return Err(ApiError::BadRequest(format!(
            "this member's tree of {} entries does not have that root",
            head.tree_size
        )));
    }
    Ok(Json(shared::checkpoint::CheckpointSignature {
        node_id: state.settings.node_id,
        signature_hex: state.signer.sign_hex(&head.text()),
    }))
}

/// A proposal (one envelope or a batch) forwarded by a member that is not the leader; answers
/// one decision per envelope. Proposed once: if this node is no longer the leader the caller
/// gets a 503 and retries with the new one.
async fn propose(
    State(state): State<AppState>,
    AppJson(proposal): AppJson<Proposal>,
) -> Result<Json<Vec<Decision>>, ApiError> {
    match state.ledger.propose_here(&proposal).await? {
        Ok(response) => Ok(Json(response.data)),
        Err(RaftError::APIError(ClientWriteError::ForwardToLeader(_))) => {
            Err(LedgerError::Unavailable("this node is no longer the leader".into()).into())
        }
        Err(error) => Err(LedgerError::Unavailable(error.to_string()).into()),
    }
}

/// Confirms leadership with a quorum and returns the index a follower must have applied
/// before its read is linearizable.
async fn read_index(State(state): State<AppState>) -> Result<Json<ReadIndex>, ApiError> {
    let read = state
        .cluster
        .raft
        .ensure_linearizable(ReadPolicy::ReadIndex)
        .await
        .map_err(|e| LedgerError::Unavailable(e.to_string()))?;
    Ok(Json(ReadIndex {
        index: read.log_id().index(),
    }))
}

/// Adds a learner (the tally server). Only the leader can; others answer 503.
async fn join(
    State(state): State<AppState>,
    AppJson(request): AppJson<JoinRequest>,
) -> Result<StatusCode, ApiError> {
    if !state.cluster.is_leader() {
        return Err(LedgerError::Unavailable("not the leader".into()).into());
    }
    let node = BasicNode::new(request.addr);
    state
        .cluster
        .raft
        .add_learner(request.node_id, node, false)
        .await
        .map_err(|e| LedgerError::Unavailable(e.to_string()))?;
    Ok(StatusCode::NO_CONTENT)
}

async fn member(State(state): State<AppState>) -> Json<MemberReport> {
    Json(crate::cluster::status::own_report(&state.cluster))
}

async fn clock(State(state): State<AppState>) -> Json<ClockReading> {
    Json(ClockReading {
        now_ms: state.cluster.clock.now_ms(),
    })
}

async fn adjust_clock(
    State(state): State<AppState>,
    AppJson(adjustment): AppJson<ClockAdjustment>,
) -> StatusCode {
    state.cluster.clock.adjust(adjustment.adjust_ms);
    StatusCode::NO_CONTENT
}
