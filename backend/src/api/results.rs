//! Results and the activity feed.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use shared::dto::{NotificationsResponse, ResultsResponse};

use super::extract::{AppQuery, MaybeAdmin, Scope};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::projections::notifications::{render, Audience};

/// The most notifications one request returns.
const MAX_NOTIFICATIONS: u32 = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/results", get(results))
        .route("/api/notifications", get(notifications))
        .route("/api/elections/{id}/results", get(results))
        .route("/api/elections/{id}/notifications", get(notifications))
}

async fn results(
    State(state): State<AppState>,
    Scope(id): Scope,
) -> Result<Json<ResultsResponse>, ApiError> {
    let view = state.election(&id, |election| state.results.view(&id, election))?;
    Ok(Json(ResultsResponse::clone(&view)))
}

#[derive(Debug, Deserialize)]
pub struct FeedQuery {
    /// Lines after this sequence number, oldest first; without it, the most recent lines.
    pub after: Option<u64>,
    pub limit: Option<u32>,
}

/// The activity feed (the original's StreamNotifications; `/ws` pushes the same lines live):
/// the most recent lines, or with `after` the lines that follow a sequence number.
async fn notifications(
    State(state): State<AppState>,
    Scope(id): Scope,
    MaybeAdmin(admin): MaybeAdmin,
    AppQuery(query): AppQuery<FeedQuery>,
) -> Result<Json<NotificationsResponse>, ApiError> {
    let limit = query.limit.unwrap_or(100).clamp(1, MAX_NOTIFICATIONS);
    state.election(&id, |_| ())?;
    let events = match query.after {
        Some(after) => state.engine.events_after(&id, after, limit).await?,
        None => state.engine.events_tail(&id, limit).await?,
    };
    let audience = if admin {
        Audience::Admin
    } else {
        Audience::Public
    };
    let notifications = state.election(&id, |election| {
        events
            .iter()
            .filter_map(|e| render(e, election, audience))
            .collect()
    })?;
    Ok(Json(NotificationsResponse { notifications }))
}
