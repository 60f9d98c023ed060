//! `GET /api/cluster/status`: every member's role, term, lag and clock offset (the original
//! system's GetReplicaStatus), gathered by the replication layer.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use shared::dto::ClusterStatusResponse;

use super::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/cluster/status", get(status))
}

async fn status(State(state): State<AppState>) -> Json<ClusterStatusResponse> {
    Json(crate::cluster::status::gather(&state.cluster).await)
}
