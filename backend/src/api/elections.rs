//! Elections as data: defining them (admin) and listing them (public).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shared::elections::{
    valid_election_id, ElectionCandidate, ElectionRequest, ElectionSummary, ElectionView,
    ElectionsResponse,
};

use super::extract::{Admin, AppJson, Scope};
use super::write::{route, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::definition::{check_definition, check_options, slug};
use crate::domain::{Command, Election};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/elections", get(list))
        .route("/api/elections/{id}", get(show))
        .route("/api/admin/elections", post(create).get(admin_list))
        .route(
            "/api/admin/elections/{id}",
            axum::routing::put(update).get(admin_show),
        )
}

/// The admin's list: the same lines, behind the admin token like every `/api/admin` route.
async fn admin_list(state: State<AppState>, _: Admin) -> Json<ElectionsResponse> {
    list(state).await
}

async fn admin_show(
    state: State<AppState>,
    _: Admin,
    scope: Scope,
) -> Result<Json<ElectionView>, ApiError> {
    show(state, scope).await
}

async fn list(State(state): State<AppState>) -> Json<ElectionsResponse> {
    let elections = state
        .engine
        .read()
        .iter()
        .map(|(id, e)| ElectionSummary {
            id: id.clone(),
            title: e.title.clone(),
            phase: e.phase,
            deadline_ms: e.deadline_ms,
            voters: e.voters.len() as u64,
            voted: e.voted(),
        })
        .collect();
    Json(ElectionsResponse { elections })
}

async fn show(
    State(state): State<AppState>,
    Scope(id): Scope,
) -> Result<Json<ElectionView>, ApiError> {
    Ok(Json(state.election(&id, |e| view(&id, e))?))
}

/// What the public sees of an election.
pub fn view(id: &str, election: &Election) -> ElectionView {
    let candidates = election
        .candidates
        .iter()
        .map(|(candidate_id, name)| ElectionCandidate {
            id: *candidate_id,
            name: name.clone(),
            description: election
                .candidate_descriptions
                .get(candidate_id)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let mut options = election.options.clone();
    options.live_results = election.live_results;
    ElectionView {
        election_id: id.to_string(),
        id: id.to_string(),
        title: election.title.clone(),
        description: election.description.clone(),
        candidates,
        options,
        phase: election.phase,
        deadline_ms: election.deadline_ms,
        voters: election.voters.len() as u64,
        voted: election.voted(),
    }
}

async fn create(
    State(state): State<AppState>,
    _: Admin,
    key: ClientKey,
    AppJson(request): AppJson<ElectionRequest>,
) -> Result<(StatusCode, Json<ElectionView>), ApiError> {
    let id = match &request.id {
        Some(id) if valid_election_id(id) => id.clone(),
        Some(_) => {
            return Err(ApiError::BadRequest(
                "id: must be 3 to 40 characters of a-z, 0-9 and -".into(),
            ))
        }
        None => slug(&request.title),
    };
    let view = define(&state, &id, key, request, true).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

async fn update(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<ElectionRequest>,
) -> Result<Json<ElectionView>, ApiError> {
    if request.id.as_ref().is_some_and(|given| *given != id) {
        return Err(ApiError::BadRequest(
            "id: an election's id cannot change; leave it out or repeat the path's".into(),
        ));
    }
    state.election(&id, |_| ())?;
    Ok(Json(define(&state, &id, key, request, false).await?))
}

/// Checks the definition here (a 400 naming the field costs no log entry), then commits it.
async fn define(
    state: &AppState,
    id: &str,
    key: ClientKey,
    request: ElectionRequest,
    create: bool,
) -> Result<ElectionView, ApiError> {
    check_definition(&request.title, &request.description, &request.candidates)?;
    check_options(&request.options)?;
    let action = if create {
        "admin/elections"
    } else {
        "admin/elections/update"
    };
    let identity = (
        &request.title,
        &request.description,
        &request.candidates,
        &request.options,
    );
    let write = Write::new(&route(action, id), &(id, identity), key);
    let command = Command::DefineElection {
        create,
        title: request.title,
        description: request.description,
        candidates: request.candidates,
        options: request.options,
    };
    let events = write.submit_in(state, id, command, 0).await??;
    state
        .caught_up(id, events.last().map_or(0, |e| e.seq))
        .await?;
    state.election(id, |e| view(id, e))
}
