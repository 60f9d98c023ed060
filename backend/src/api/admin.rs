//! The admin console's API: deadline, start, stop, publish, live results, voters, status,
//! and the audit log. Every route requires `Authorization: Bearer <admin token>`.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use shared::dto::{
    AdminCommandResponse, AdminStatusResponse, DeadlineRequest, EventsResponse, LiveResultsRequest,
    VotersResponse,
};
use shared::AuditEvent;

use super::extract::{Admin, AppJson, AppQuery, Scope};
use super::write::{route, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::Command;

/// The most events one page of the audit log returns.
const MAX_EVENTS_PAGE: u32 = 10_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/admin/deadline", post(deadline))
        .route("/api/admin/live-results", post(live_results))
        .route("/api/admin/start", post(start))
        .route("/api/admin/stop", post(stop))
        .route("/api/admin/publish", post(publish))
        .route("/api/admin/voters", get(voters))
        .route("/api/admin/status", get(status))
        .route("/api/admin/events", get(events))
        .route("/api/admin/elections/{id}/deadline", post(deadline))
        .route("/api/admin/elections/{id}/live-results", post(live_results))
        .route("/api/admin/elections/{id}/start", post(start))
        .route("/api/admin/elections/{id}/stop", post(stop))
        .route("/api/admin/elections/{id}/publish", post(publish))
        .route("/api/admin/elections/{id}/status", get(status))
        .route("/api/admin/elections/{id}/events", get(events))
}

/// The latest deadline accepted, from now: a year and a day.
const MAX_DEADLINE_AHEAD_MS: i64 = 366 * 24 * 3_600_000;

async fn deadline(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<DeadlineRequest>,
) -> Result<Json<AdminCommandResponse>, ApiError> {
    let write = Write::new(
        &route("admin/deadline", &id),
        &(request.end_time_ms, request.minutes.map(f64::to_bits)),
        key,
    );
    let end_time_ms = match (request.end_time_ms, request.minutes) {
        (Some(end), None) if end > state.clock.now_ms().saturating_add(MAX_DEADLINE_AHEAD_MS) => {
            return Err(ApiError::BadRequest(
                "end_time_ms must be within a year of now".into(),
            ))
        }
        (Some(end), None) => end,
        (None, Some(minutes)) if minutes.is_finite() && minutes > 0.0 && minutes <= 525_600.0 => {
            state.clock.now_ms() + (minutes * 60_000.0).round() as i64
        }
        (None, Some(_)) => {
            return Err(ApiError::BadRequest(
                "minutes must be a number from 0 to 525600".into(),
            ))
        }
        _ => {
            let message = "give exactly one of end_time_ms (ms since epoch) or minutes (from now)";
            return Err(ApiError::BadRequest(message.into()));
        }
    };
    run(&state, &id, write, Command::SetDeadline { end_time_ms }).await
}

async fn live_results(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<LiveResultsRequest>,
) -> Result<Json<AdminCommandResponse>, ApiError> {
    let write = Write::new(&route("admin/live-results", &id), &request.enabled, key);
    let command = Command::SetLiveResults {
        enabled: request.enabled,
    };
    run(&state, &id, write, command).await
}

async fn start(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
) -> Result<Json<AdminCommandResponse>, ApiError> {
    let write = Write::new(&route("admin/start", &id), &(), key);
    run(&state, &id, write, Command::StartVoting).await
}

async fn stop(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
) -> Result<Json<AdminCommandResponse>, ApiError> {
    let write = Write::new(&route("admin/stop", &id), &(), key);
    run(&state, &id, write, Command::StopVoting).await
}

async fn publish(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
) -> Result<Json<AdminCommandResponse>, ApiError> {
    let write = Write::new(&route("admin/publish", &id), &(), key);
    run(&state, &id, write, Command::PublishResults).await
}

/// Commits an admin command (or recalls its first answer) and reports the resulting phase.
pub async fn run(
    state: &AppState,
    id: &str,
    write: Write,
    command: Command,
) -> Result<Json<AdminCommandResponse>, ApiError> {
    let events = write.submit_in(state, id, command, 0).await??;
    state
        .caught_up(id, events.last().map_or(0, |e| e.seq))
        .await?;
    let (phase, deadline_ms, live_results) =
        state.election(id, |e| (e.phase, e.deadline_ms, e.live_results))?;
    Ok(Json(AdminCommandResponse {
        phase,
        deadline_ms,
        live_results,
        seq: events.last().map(|e| e.seq).unwrap_or(0),
        lamport: state.lamport.current(),
    }))
}

async fn voters(State(state): State<AppState>, _: Admin) -> Json<VotersResponse> {
    let voters = state.engine.read().original().voter_statuses();
    let voted = voters.iter().filter(|v| v.has_voted).count() as u64;
    Json(VotersResponse {
        total: voters.len() as u64,
        voted,
        voters,
    })
}

async fn status(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
) -> Result<Json<AdminStatusResponse>, ApiError> {
    let (phase, deadline_ms, live_results, event_count) = state.election(&id, |e| {
        (e.phase, e.deadline_ms, e.live_results, e.last_seq)
    })?;
    Ok(Json(AdminStatusResponse {
        node_id: state.settings.node_id,
        phase,
        deadline_ms,
        live_results,
        queue: state.votes.status(),
        event_count,
        lamport: state.lamport.current(),
        server_time_ms: state.clock.now_ms(),
        grace_ms: state.settings.grace_ms,
    }))
}

#[derive(Debug, Deserialize)]
struct EventsQuery {
    #[serde(default)]
    after: u64,
    limit: Option<u32>,
}

/// This node's own copy of the log: the audit trail. It shows that each voter voted, never the
/// choice: the admin is not entitled to it either; only the private store on disk holds it.
async fn events(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    AppQuery(query): AppQuery<EventsQuery>,
) -> Result<Json<EventsResponse>, ApiError> {
    let limit = query.limit.unwrap_or(1000).clamp(1, MAX_EVENTS_PAGE);
    state.election(&id, |_| ())?;
    let events = state
        .engine
        .events_after(&id, query.after, limit)
        .await?
        .into_iter()
        .map(AuditEvent::from)
        .collect();
    Ok(Json(EventsResponse {
        node_id: state.settings.node_id,
        last_seq: state.engine.stored_last_seq(&id).await?,
        events,
    }))
}
