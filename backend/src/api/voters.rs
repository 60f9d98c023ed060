//! Voters: register, log in, and "who am I / did I vote".

use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shared::dto::{LoginRequest, LoginResponse, MeResponse, RegisterRequest, RegisterResponse};
use shared::{Event, EventPayload};

use super::extract::{bearer, AppJson};
use super::write::{session_token, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::{self, Command, DomainError};
use crate::secrets::session_hash;

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
    key: ClientKey,
    AppJson(request): AppJson<RegisterRequest>,
) -> Result<(StatusCode, Json<RegisterResponse>), ApiError> {
    let write = Write::new("/api/register", &request.name, key);
    if let Some(first) = write.remembered(&state).await? {
        return registered(first?);
    }
    let command = Command::RegisterVoter { name: request.name };
    // A refused registration (bad or taken name, closed election) costs no Raft entry and no
    // fsync: decided here against the committed state, and again in apply. These refusals
    // cannot be stale: names are never freed and phases only move forward.
    if let Err(refused) = refuse_early(&state, &command) {
        // This very request's first attempt may have been applied between the two reads (the
        // key is on disk before the read view moves): then the name is taken by itself.
        if let Some(first) = write.remembered(&state).await? {
            return registered(first?);
        }
        return Err(refused);
    }
    registered(write.submit(&state, command, 0).await??)
}

fn registered(events: Vec<Event>) -> Result<(StatusCode, Json<RegisterResponse>), ApiError> {
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
    key: ClientKey,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let write = Write::new("/api/login", &(&request.name, request.voter_id), key);
    // The token is derived from the key before deciding, so the log (and every replica) only
    // ever sees its hash, the decision stays deterministic, and a retry gets the same token.
    let session = session_token(&state.settings.session_secret, &write.stamp.key);
    let command = Command::Login {
        name: request.name.clone(),
        voter_id: request.voter_id,
        session_hash: session_hash(&session),
    };
    if write.remembered(&state).await?.is_none() && refuse_early(&state, &command).is_err() {
        // The voter may have registered through another replica not applied here yet: catch up
        // with the leader before calling the login wrong.
        state.cluster.linearizable_barrier().await?;
        if let Err(refused) = refuse_early(&state, &command) {
            // As for a registration: the first attempt may have been applied meanwhile.
            if write.remembered(&state).await?.is_none() {
                return Err(refused);
            }
        }
    }
    let events = write.submit(&state, command, 0).await??;
    let recorded = events.iter().find_map(|event| match &event.payload {
        EventPayload::VoterLoggedIn {
            voter_id,
            session_hash,
        } => Some((*voter_id, session_hash.clone())),
        _ => None,
    });
    let Some((voter_id, recorded_hash)) = recorded else {
        return Err(anyhow::anyhow!("a login produced no voter_logged_in event").into());
    };
    if recorded_hash != session_hash(&session) {
        // The key's first login was answered under another secret (a single node restarted
        // with a new one): its token cannot be given again.
        return Err(DomainError::IdempotencyKeyReused.into());
    }
    let name = state
        .engine
        .read()
        .voters
        .get(&voter_id)
        .map(|v| v.name.clone())
        .unwrap_or_else(|| request.name.trim().to_string());
    Ok(Json(LoginResponse {
        session,
        voter_id,
        name,
    }))
}

/// Refuses a command the committed state already refuses, before it costs a log entry.
fn refuse_early(state: &AppState, command: &Command) -> Result<(), ApiError> {
    let envelope = state.provisional(command.clone());
    domain::decide(&state.engine.read(), &envelope)?;
    Ok(())
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
