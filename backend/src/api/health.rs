//! `GET /health`: 200 when this node can serve and commit (its database answers, it knows a
//! leader, and as a leader it hears from a majority); 503 with the reason otherwise.
//! `GET /health/live`: 200 whenever the process answers (the liveness probe).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::api::error::ApiError;
use crate::api::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/health/live", get(live))
}

async fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

async fn health(State(state): State<AppState>) -> Result<(StatusCode, Json<Value>), ApiError> {
    state.engine.ping().await?;
    let last_seq = state.engine.read().original().last_seq;
    let member = crate::cluster::status::own_report(&state.cluster);
    let cluster = &state.cluster;
    let mut body = json!({
        "status": "ok",
        "node_id": state.settings.node_id,
        "role": member.role,
        "leader_id": member.leader_id,
        "term": member.term,
        "last_seq": last_seq,
    });
    match cluster
        .liveness
        .can_commit(&cluster.raft, cluster.is_leader())
    {
        Ok(()) => Ok((StatusCode::OK, Json(body))),
        Err(reason) => {
            body["status"] = json!("unavailable");
            body["error"] = json!(shared::ErrorCode::Unavailable);
            body["message"] = json!(format!("this node cannot commit writes: {reason}"));
            Ok((StatusCode::SERVICE_UNAVAILABLE, Json(body)))
        }
    }
}
