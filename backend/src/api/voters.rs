//! Voters: register, log in, and "who am I / did I vote".

use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shared::dto::{LoginRequest, LoginResponse, MeResponse, RegisterRequest, RegisterResponse};
use shared::EventPayload;

use super::extract::{bearer, AppJson};
use crate::domain::Command;
use crate::error::ApiError;
use crate::state::{new_session_token, session_hash, AppState};

/// Register and login sit behind the failed-attempt limiter (see [`super::limits`]).
pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/api/register", post(register))
        .route("/api/login", post(login))
        .route_layer(axum::middleware::from_fn_with_state(
            state.limits.clone(),
            super::limits::limit_failed_attempts,
        ))
        .route("/api/me", get(me))
}

async fn register(
    State(state): State<AppState>,
    AppJson(request): AppJson<RegisterRequest>,
) -> Result<(StatusCode, Json<RegisterResponse>), ApiError> {
    let envelope = state.stamp(Command::RegisterVoter { name: request.name }, 0);
    let events = state.commit(envelope).await??;
    match events.first().map(|e| &e.payload) {
        Some(EventPayload::VoterRegistered { voter_id, name }) => {
            let body = RegisterResponse {
                voter_id: *voter_id,
                name: name.clone(),
            };
            Ok((StatusCode::CREATED, Json(body)))
        }
        _ => Err(anyhow::anyhow!("registration produced no voter_registered event").into()),
    }
}

async fn login(
    State(state): State<AppState>,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    // The token is drawn here, before deciding, so the log (and every replica) only ever sees
    // its hash and the decision stays deterministic.
    let session = new_session_token();
    let command = Command::Login {
        name: request.name,
        voter_id: request.voter_id,
        session_hash: session_hash(&session),
    };
    state.commit(state.stamp(command, 0)).await??;
    let name = state
        .engine
        .read()
        .voters
        .get(&request.voter_id)
        .map(|v| v.name.clone())
        .unwrap_or_default();
    Ok(Json(LoginResponse {
        session,
        voter_id: request.voter_id,
        name,
    }))
}

/// The voter behind `Authorization: Bearer <session>`.
pub struct Session(pub String);

impl FromRequestParts<AppState> for Session {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        bearer(parts)
            .map(|t| Session(t.to_string()))
            .ok_or(ApiError::SessionRequired)
    }
}

async fn me(
    State(state): State<AppState>,
    Session(token): Session,
) -> Result<Json<MeResponse>, ApiError> {
    // "Did I vote?" must never answer no for an acknowledged vote, even on a replica that has
    // not applied it yet: wait for everything committed before this read (linearizable).
    state.cluster.linearizable_barrier().await?;
    let election = state.engine.read();
    let voter_id = election
        .voter_for_session(&session_hash(&token))
        .ok_or(ApiError::SessionRequired)?;
    let voter = election
        .voters
        .get(&voter_id)
        .ok_or(ApiError::SessionRequired)?;
    Ok(Json(MeResponse {
        voter_id,
        name: voter.name.clone(),
        has_voted: voter.vote_seq.is_some(),
        vote_seq: voter.vote_seq,
    }))
}
