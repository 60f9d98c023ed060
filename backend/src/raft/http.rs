//! The server side of Raft's RPCs: `POST /raft/{append,vote,pre-vote,snapshot,transfer-leader}`.
//!
//! These routes are for cluster members only and sit apart from the public API. A request
//! without the cluster's shared secret in `x-cluster-secret` is refused with `401` and the app's
//! error body `{ "error": "unauthorized", "message": … }`, before its body is even read. An
//! accepted request is answered `200` with the JSON of `Result<Response, RaftError>`, exactly as
//! [`super::network`] expects.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, SnapshotResponse, TransferLeaderRequest,
    TransferLeaderResponse, VoteRequest, VoteResponse,
};
use serde::de::DeserializeOwned;

use super::network::{SnapshotRequest, SECRET_HEADER};
use super::state_machine::Snapshot;
use super::{Raft, RaftError, TypeConfig};

/// Largest request accepted. A snapshot carries the whole event log in one body; a million
/// events is about 250 MB of JSON, far beyond any election this serves.
const MAX_BODY_BYTES: usize = 512 * 1024 * 1024;

/// The Raft routes, ready to merge into the node's router (any state type).
pub fn router<S>(raft: Raft, secret: Arc<str>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let state = RaftRoutes { raft, secret };
    Router::new()
        .route("/raft/append", post(append))
        .route("/raft/vote", post(vote))
        .route("/raft/pre-vote", post(pre_vote))
        .route("/raft/snapshot", post(snapshot))
        .route("/raft/transfer-leader", post(transfer_leader))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            require_secret,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

#[derive(Clone)]
struct RaftRoutes {
    raft: Raft,
    /// The cluster's shared secret; requests must present it.
    secret: Arc<str>,
}

/// Why a Raft RPC was refused before reaching openraft.
#[derive(Debug, thiserror::Error)]
enum RaftRouteError {
    #[error("this route is for cluster members: send the cluster secret in x-cluster-secret")]
    Unauthorized,
    #[error("the request body is not a valid Raft message: {0}")]
    BadRequest(serde_json::Error),
}

impl IntoResponse for RaftRouteError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            RaftRouteError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            RaftRouteError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
        };
        let body = serde_json::json!({ "error": code, "message": self.to_string() });
        (status, Json(body)).into_response()
    }
}

async fn require_secret(
    State(routes): State<RaftRoutes>,
    request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(SECRET_HEADER)
        .and_then(|value| value.to_str().ok());
    match presented {
        Some(presented) if crate::state::constant_time_eq(presented, &routes.secret) => {
            next.run(request).await
        }
        _ => RaftRouteError::Unauthorized.into_response(),
    }
}

fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, RaftRouteError> {
    serde_json::from_slice(body).map_err(RaftRouteError::BadRequest)
}

type RpcResult<T> = Result<Json<Result<T, RaftError>>, RaftRouteError>;

async fn append(
    State(routes): State<RaftRoutes>,
    body: Bytes,
) -> RpcResult<AppendEntriesResponse<TypeConfig>> {
    let request: AppendEntriesRequest<TypeConfig> = parse(&body)?;
    Ok(Json(routes.raft.append_entries(request).await))
}

async fn vote(
    State(routes): State<RaftRoutes>,
    body: Bytes,
) -> RpcResult<VoteResponse<TypeConfig>> {
    let request: VoteRequest<TypeConfig> = parse(&body)?;
    Ok(Json(routes.raft.vote(request).await))
}

async fn pre_vote(
    State(routes): State<RaftRoutes>,
    body: Bytes,
) -> RpcResult<VoteResponse<TypeConfig>> {
    let request: VoteRequest<TypeConfig> = parse(&body)?;
    Ok(Json(routes.raft.pre_vote(request).await))
}

async fn snapshot(
    State(routes): State<RaftRoutes>,
    body: Bytes,
) -> RpcResult<SnapshotResponse<TypeConfig>> {
    let request: SnapshotRequest = parse(&body)?;
    let snapshot = Snapshot {
        meta: request.meta,
        snapshot: request.data,
    };
    let response = routes
        .raft
        .install_full_snapshot(request.vote, snapshot)
        .await;
    Ok(Json(response.map_err(RaftError::Fatal)))
}

async fn transfer_leader(
    State(routes): State<RaftRoutes>,
    body: Bytes,
) -> RpcResult<TransferLeaderResponse<TypeConfig>> {
    let request: TransferLeaderRequest<TypeConfig> = parse(&body)?;
    let response = routes.raft.handle_transfer_leader(request).await;
    Ok(Json(response.map_err(RaftError::Fatal)))
}
