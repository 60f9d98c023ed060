//! Results and the activity feed.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use shared::dto::{NotificationsResponse, ResultsResponse};

use super::extract::{AppQuery, MaybeAdmin};
use crate::error::ApiError;
use crate::projections::notifications::{render, Audience};
use crate::projections::results::results_view;
use crate::state::AppState;
use crate::store;

/// The most notifications one request returns.
const MAX_NOTIFICATIONS: u32 = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/results", get(results))
        .route("/api/notifications", get(notifications))
}

async fn results(State(state): State<AppState>) -> Json<ResultsResponse> {
    Json(results_view(&state.engine.read()))
}

#[derive(Debug, Deserialize)]
pub struct AfterQuery {
    #[serde(default)]
    pub after: u64,
}

/// Recent activity after `after` (the original's StreamNotifications; `/ws` pushes the same).
async fn notifications(
    State(state): State<AppState>,
    MaybeAdmin(admin): MaybeAdmin,
    AppQuery(query): AppQuery<AfterQuery>,
) -> Result<Json<NotificationsResponse>, ApiError> {
    let events = store::events_after(state.engine.pool(), query.after, MAX_NOTIFICATIONS).await?;
    let audience = if admin {
        Audience::Admin
    } else {
        Audience::Public
    };
    let election = state.engine.read();
    let notifications = events
        .iter()
        .filter_map(|e| render(e, &election, audience))
        .collect();
    Ok(Json(NotificationsResponse { notifications }))
}
