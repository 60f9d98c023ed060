//! The server side of Raft's RPCs: `POST /raft/{append,vote,pre-vote,snapshot,transfer-leader}`,
//! and the one guard of every `/raft/*` route, [`require_cluster_secret`].
//!
//! These routes are for cluster members only and sit apart from the public API. A request
//! without the cluster's shared secret in `x-cluster-secret` is refused with `401` and the app's
//! error body `{ "error": "cluster_unauthorized", "message": … }`, before its body is even read.
//! A body that is not the expected Raft message answers `400` (`bad_request`), one over the
//! size limit `413` (`payload_too_large`), in the same format. An accepted request is answered
//! `200` with the JSON of `Result<Response, RaftError>`, exactly as [`super::network`] expects.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, TransferLeaderRequest, TransferLeaderResponse,
    VoteRequest, VoteResponse,
};
use serde::de::DeserializeOwned;
use shared::dto::ErrorBody;
use shared::ErrorCode;

use super::network::SECRET_HEADER;
use super::snapshot_stream::{ChunkAnswer, Inbox, InboxError, SnapshotChunk};
use super::vote_guard::VoteGuard;
use super::{Raft, RaftError, TypeConfig};

/// Largest request accepted. A snapshot comes in chunks of about a megabyte; the largest
/// bodies are appends carrying big entries: a roll import of 100,000 voters is some 30 MB, and
/// a follower catching up by log is sent many entries at once (128 MiB refused such appends at
/// a million events).
const MAX_BODY_BYTES: usize = 512 * 1024 * 1024;

/// The Raft routes behind the cluster-secret guard, ready to merge into a router (any state
/// type). The node itself guards these together with the members' other routes (see
/// `server::app`); this stand-alone form serves Raft's own tests.
#[cfg(test)]
pub fn router<S>(raft: Raft, secret: Arc<str>, inbox: Inbox) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    routes(raft, VoteGuard::default(), inbox).route_layer(axum::middleware::from_fn_with_state(
        secret,
        require_cluster_secret,
    ))
}

/// The Raft routes without a guard: the caller must layer [`require_cluster_secret`]. `votes`
/// says whether this member may answer vote requests (see [`VoteGuard`]); `inbox` stages the
/// snapshots it is sent.
pub fn routes<S>(raft: Raft, votes: VoteGuard, inbox: Inbox) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route("/raft/append", post(append))
        .route("/raft/vote", post(vote))
        .route("/raft/pre-vote", post(pre_vote))
        .route("/raft/snapshot", post(snapshot))
        .route("/raft/transfer-leader", post(transfer_leader))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(RaftRoutes { raft, votes, inbox })
}

#[derive(Clone)]
struct RaftRoutes {
    raft: Raft,
    votes: VoteGuard,
    /// Where snapshot chunks from the leader are staged.
    inbox: Inbox,
}

/// Why a request to a `/raft/*` route was refused before reaching openraft.
#[derive(Debug, thiserror::Error)]
enum RaftRouteError {
    #[error("this route is for cluster members: send the cluster secret in x-cluster-secret")]
    Unauthorized,
    /// The member's own input, described by serde.
    #[error("the request body is not a valid Raft message: {0}")]
    BadRequest(serde_json::Error),
    #[error("the request body is too large")]
    TooLarge,
    #[error("the request body could not be read")]
    Unreadable,
    /// See [`VoteGuard`].
    #[error("this replica lost its data and does not vote until it has caught up")]
    Abstaining,
    /// The task handling the request ended without an answer (openraft panicked).
    #[error("this member could not handle the request")]
    Stopped,
    /// A snapshot chunk out of order, or staging it failed: the leader sends a new stream.
    #[error("{0}")]
    Snapshot(InboxError),
}

impl IntoResponse for RaftRouteError {
    fn into_response(self) -> Response {
        // The codes are the HTTP layer's, so a client reads one format.
        let (status, code) = match &self {
            RaftRouteError::Unauthorized => {
                (StatusCode::UNAUTHORIZED, ErrorCode::ClusterUnauthorized)
            }
            RaftRouteError::BadRequest(_) | RaftRouteError::Unreadable => {
                (StatusCode::BAD_REQUEST, ErrorCode::BadRequest)
            }
            RaftRouteError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge),
            RaftRouteError::Abstaining | RaftRouteError::Stopped => {
                (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Unavailable)
            }
            RaftRouteError::Snapshot(InboxError::Store(_)) => {
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Storage)
            }
            RaftRouteError::Snapshot(_) => (StatusCode::CONFLICT, ErrorCode::BadRequest),
        };
        let body = ErrorBody {
            error: code,
            message: self.to_string(),
        };
        (status, Json(body)).into_response()
    }
}

/// The guard of every `/raft/*` route (Raft's RPCs and the members' own routes): the request
/// must carry the cluster secret, compared in constant time.
pub async fn require_cluster_secret(
    State(secret): State<Arc<str>>,
    request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(SECRET_HEADER)
        .and_then(|value| value.to_str().ok());
    match presented {
        Some(presented) if crate::secrets::constant_time_eq(presented, &secret) => {
            next.run(request).await
        }
        _ => RaftRouteError::Unauthorized.into_response(),
    }
}

/// A Raft message in a JSON body, refused in the app's error format.
struct Rpc<T>(T);

impl<S, T> FromRequest<S> for Rpc<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = RaftRouteError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection {
                    BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
                        RaftRouteError::TooLarge
                    }
                    other => {
                        tracing::debug!(error = %other, "a Raft request body could not be read");
                        RaftRouteError::Unreadable
                    }
                })?;
        serde_json::from_slice(&body)
            .map(Rpc)
            .map_err(RaftRouteError::BadRequest)
    }
}

type RpcResult<T> = Result<Json<Result<T, RaftError>>, RaftRouteError>;

async fn append(
    State(routes): State<RaftRoutes>,
    Rpc(request): Rpc<AppendEntriesRequest<TypeConfig>>,
) -> RpcResult<AppendEntriesResponse<TypeConfig>> {
    // On a task of its own, so that it completes even when the leader gave up waiting: the
    // leader bounds a heartbeat by one heartbeat interval and drops the connection after it,
    // which would cancel this handler. A late heartbeat still renews this follower's lease on
    // the leader, and a late append still stores its entries; cancelled, neither would count,
    // and a loaded follower could miss enough heartbeats in a row to start an election.
    // On Raft's runtime when it has one, beside the core it talks to.
    let raft = routes.raft.clone();
    let handled = super::runtime::on_raft(async move { raft.append_entries(request).await }).await;
    match handled {
        Ok(response) => Ok(Json(response)),
        Err(error) => {
            tracing::error!(%error, "handling an append request failed");
            Err(RaftRouteError::Stopped)
        }
    }
}

async fn vote(
    State(routes): State<RaftRoutes>,
    Rpc(request): Rpc<VoteRequest<TypeConfig>>,
) -> RpcResult<VoteResponse<TypeConfig>> {
    if !routes.votes.may_vote() {
        tracing::info!(
            candidate = request.vote.leader_id().node_id,
            "refused a vote request: abstaining until caught up"
        );
        return Err(RaftRouteError::Abstaining);
    }
    Ok(Json(routes.raft.vote(request).await))
}

async fn pre_vote(
    State(routes): State<RaftRoutes>,
    Rpc(request): Rpc<VoteRequest<TypeConfig>>,
) -> RpcResult<VoteResponse<TypeConfig>> {
    if !routes.votes.may_vote() {
        tracing::info!(
            candidate = request.vote.leader_id().node_id,
            "refused a pre_vote request: abstaining until caught up"
        );
        return Err(RaftRouteError::Abstaining);
    }
    Ok(Json(routes.raft.pre_vote(request).await))
}

async fn snapshot(
    State(routes): State<RaftRoutes>,
    Rpc(chunk): Rpc<SnapshotChunk>,
) -> RpcResult<ChunkAnswer> {
    routes
        .inbox
        .receive(&routes.raft, chunk)
        .await
        .map(Json)
        .map_err(RaftRouteError::Snapshot)
}

async fn transfer_leader(
    State(routes): State<RaftRoutes>,
    Rpc(request): Rpc<TransferLeaderRequest<TypeConfig>>,
) -> RpcResult<TransferLeaderResponse<TypeConfig>> {
    let response = routes.raft.handle_transfer_leader(request).await;
    Ok(Json(response.map_err(RaftError::Fatal)))
}
