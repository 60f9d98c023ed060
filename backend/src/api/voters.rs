//! Voters: register, log in, and "who am I / did I vote".

use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use shared::dto::{LoginRequest, LoginResponse, MeResponse, RegisterRequest, RegisterResponse};
use shared::elections::CredentialLoginRequest;
use shared::{Event, EventPayload};

use super::extract::{bearer, AppJson, Scope};
use super::write::{route, session_token, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::{Command, DomainError};
use crate::secrets::session_hash;

/// Register and login sit behind the failed-attempt limiter (see [`super::limits`]).
pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/api/register", post(register))
        .route("/api/login", post(login))
        .route("/api/elections/{id}/register", post(register))
        .route("/api/elections/{id}/login", post(election_login))
        .route_layer(axum::middleware::from_fn_with_state(
            state.limits.clone(),
            super::limits::limit_failed_attempts,
        ))
        .route("/api/me", get(me))
        .route("/api/elections/{id}/me", get(me))
}

async fn register(
    State(state): State<AppState>,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<RegisterRequest>,
) -> Result<(StatusCode, Json<RegisterResponse>), ApiError> {
    let write = Write::new(&route("register", &id), &request.name, key);
    if let Some(first) = write.remembered(&state).await? {
        return registered(first?);
    }
    let command = Command::RegisterVoter { name: request.name };
    // A refused registration (bad or taken name, closed election) costs no Raft entry and no
    // fsync: decided here against the committed state, and again in apply. These refusals
    // cannot be stale: names are never freed and phases only move forward.
    if let Err(refused) = refuse_early(&state, &id, &command) {
        // This very request's first attempt may have been applied between the two reads (the
        // key is on disk before the read view moves): then the name is taken by itself.
        if let Some(first) = write.remembered(&state).await? {
            return registered(first?);
        }
        return Err(refused);
    }
    registered(write.submit_in(&state, &id, command, 0).await??)
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

/// `POST /api/elections/{id}/login`: a credential, or a name and voter id, as the election
/// logs voters in (the other way is 401 `wrong_login_method`).
#[derive(Deserialize)]
#[serde(untagged)]
enum AnyLogin {
    Credential(CredentialLoginRequest),
    NameAndId(LoginRequest),
}

async fn election_login(
    State(state): State<AppState>,
    scope: Scope,
    key: ClientKey,
    AppJson(request): AppJson<AnyLogin>,
) -> Result<Json<LoginResponse>, ApiError> {
    match request {
        AnyLogin::NameAndId(request) => login(State(state), scope, key, AppJson(request)).await,
        AnyLogin::Credential(request) => credential_login(&state, &scope.0, key, request).await,
    }
}

async fn credential_login(
    state: &AppState,
    id: &str,
    key: ClientKey,
    request: CredentialLoginRequest,
) -> Result<Json<LoginResponse>, ApiError> {
    let credential_hash = crate::credentials::hash(id, &request.credential);
    let write = Write::new(&route("login", id), &credential_hash, key);
    let session = session_token(&state.settings.session_secret, &write.stamp.key);
    let command = Command::CredentialLogin {
        credential_hash,
        session_hash: session_hash(&session),
    };
    if write.remembered(state).await?.is_none() && refuse_early(state, id, &command).is_err() {
        // The roll may have been imported (or the credential replaced) through another
        // replica not applied here yet.
        state.cluster.linearizable_barrier().await?;
        if let Err(refused) = refuse_early(state, id, &command) {
            if write.remembered(state).await?.is_none() {
                return Err(refused);
            }
        }
    }
    let events = write.submit_in(state, id, command, 0).await??;
    logged_in(state, id, events, session, String::new())
}

async fn login(
    State(state): State<AppState>,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let write = Write::new(
        &route("login", &id),
        &(&request.name, request.voter_id),
        key,
    );
    // The token is derived from the key before deciding, so the log (and every replica) only
    // ever sees its hash, the decision stays deterministic, and a retry gets the same token.
    let session = session_token(&state.settings.session_secret, &write.stamp.key);
    let command = Command::Login {
        name: request.name.clone(),
        voter_id: request.voter_id,
        session_hash: session_hash(&session),
    };
    if write.remembered(&state).await?.is_none() && refuse_early(&state, &id, &command).is_err() {
        // The voter may have registered through another replica not applied here yet: catch up
        // with the leader before calling the login wrong.
        state.cluster.linearizable_barrier().await?;
        if let Err(refused) = refuse_early(&state, &id, &command) {
            // As for a registration: the first attempt may have been applied meanwhile.
            if write.remembered(&state).await?.is_none() {
                return Err(refused);
            }
        }
    }
    let events = write.submit_in(&state, &id, command, 0).await??;
    logged_in(
        &state,
        &id,
        events,
        session,
        request.name.trim().to_string(),
    )
}

/// The answer to a login whose events are `events`: the session token, if the recorded hash
/// is this token's.
fn logged_in(
    state: &AppState,
    id: &str,
    events: Vec<Event>,
    session: String,
    typed_name: String,
) -> Result<Json<LoginResponse>, ApiError> {
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
        .election(id, |e| e.voters.get(&voter_id).map(|v| v.name.clone()))?
        .unwrap_or(typed_name);
    Ok(Json(LoginResponse {
        session,
        voter_id,
        name,
    }))
}

/// Refuses a command the committed state already refuses, before it costs a log entry.
fn refuse_early(state: &AppState, id: &str, command: &Command) -> Result<(), ApiError> {
    let envelope = state.provisional(command.clone()).in_election(id);
    state.engine.read().decide(&envelope)?;
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
    Scope(id): Scope,
    Session(token): Session,
) -> Result<Json<MeResponse>, ApiError> {
    // "Did I vote?" must never answer no for an acknowledged vote, even on a replica that has
    // not applied it yet: wait for everything committed before this read (linearizable).
    state.cluster.linearizable_barrier().await?;
    let me = state.election(&id, |election| {
        // A session belongs to one election: another election's is unknown here.
        let voter_id = election.voter_for_session(&session_hash(&token))?;
        let voter = election.voters.get(&voter_id)?;
        Some(MeResponse {
            voter_id,
            name: voter.name.clone(),
            has_voted: voter.vote_seq.is_some(),
            vote_seq: voter.vote_seq,
        })
    })?;
    Ok(Json(me.ok_or(ApiError::SessionRequired)?))
}
