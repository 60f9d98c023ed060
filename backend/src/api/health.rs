//! `GET /health`: 200 when this node can serve (its database answers).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

async fn health(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    sqlx::query("SELECT 1")
        .execute(state.engine.pool())
        .await
        .map_err(anyhow::Error::from)?;
    let last_seq = state.engine.read().last_seq;
    let member = crate::cluster::status::own_report(&state);
    Ok(Json(json!({
        "status": "ok",
        "node_id": state.settings.node_id,
        "role": member.role,
        "leader_id": member.leader_id,
        "term": member.term,
        "last_seq": last_seq,
    })))
}
