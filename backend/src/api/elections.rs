//! Elections as data: defining them (admin) and listing them (public).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::Value;
use shared::ballots::{decimal, Method};
use shared::elections::{
    valid_election_id, ElectionRequest, ElectionSummary, ElectionView, ElectionsResponse,
    QuestionView,
};

use super::extract::{Admin, AppJson, Scope};
use super::write::{route, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::definition::{check_options, slug};
use crate::domain::questions::check_ballot_definition;
use crate::domain::{Command, DomainError, Election};

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
            voted: e.voted,
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
    let questions: Vec<QuestionView> = election.questions.iter().map(QuestionView::from).collect();
    // Old clients read `candidates`: they are the ballot's where it is one plurality question.
    let candidates = match questions.as_slice() {
        [only] if only.method == Method::Plurality => only.candidates.clone(),
        _ => Vec::new(),
    };
    let mut options = election.options.clone();
    options.live_results = election.live_results;
    ElectionView {
        election_id: id.to_string(),
        id: id.to_string(),
        title: election.title.clone(),
        description: election.description.clone(),
        candidates,
        questions,
        options,
        phase: election.phase,
        deadline_ms: election.deadline_ms,
        voters: election.voters.len() as u64,
        voted: election.voted,
        voters_weight: decimal(u128::from(election.roll_weight), 4),
        voted_weight: decimal(u128::from(election.voted_weight), 4),
        language: election.language.unwrap_or_default(),
        translations: election.translations.clone(),
    }
}

async fn create(
    State(state): State<AppState>,
    _: Admin,
    key: ClientKey,
    AppJson(body): AppJson<Value>,
) -> Result<(StatusCode, Json<ElectionView>), ApiError> {
    let request = election_request(body)?;
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
    AppJson(body): AppJson<Value>,
) -> Result<Json<ElectionView>, ApiError> {
    let request = election_request(body)?;
    if request.id.as_ref().is_some_and(|given| *given != id) {
        return Err(ApiError::BadRequest(
            "id: an election's id cannot change; leave it out or repeat the path's".into(),
        ));
    }
    state.election(&id, |_| ())?;
    Ok(Json(define(&state, &id, key, request, false).await?))
}

/// The body as a definition. A ballot of questions that does not fit (an unknown method, a
/// seat count that is not a number) is an `invalid_election` like every other refusal of
/// one; the old form keeps its `bad_request`.
fn election_request(body: Value) -> Result<ElectionRequest, ApiError> {
    let with_questions = body.get("questions").is_some();
    serde_json::from_value(body).map_err(|error| {
        if with_questions {
            DomainError::InvalidElection {
                field: "questions".into(),
                problem: error.to_string(),
            }
            .into()
        } else {
            ApiError::BadRequest(format!("the JSON body does not fit: {error}"))
        }
    })
}

/// Checks the definition here (a 400 naming the field costs no log entry), then commits it.
async fn define(
    state: &AppState,
    id: &str,
    key: ClientKey,
    request: ElectionRequest,
    create: bool,
) -> Result<ElectionView, ApiError> {
    let questions = request.questions.clone().unwrap_or_default();
    if request.questions.as_ref().is_some_and(Vec::is_empty) && request.candidates.is_empty() {
        return Err(DomainError::InvalidElection {
            field: "questions".into(),
            problem: "there must be 1 to 32 questions".into(),
        }
        .into());
    }
    check_ballot_definition(
        &request.title,
        &request.description,
        &request.candidates,
        &questions,
    )?;
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
        &questions,
    );
    // A definition without languages keeps the fingerprint it always had.
    let write = match request.language.is_none() && request.translations.is_empty() {
        true => Write::new(&route(action, id), &(id, identity), key),
        false => {
            let languages = (&request.language, &request.translations);
            Write::new(&route(action, id), &(id, identity, languages), key)
        }
    };
    let command = Command::DefineElection {
        create,
        title: request.title,
        description: request.description,
        candidates: request.candidates,
        questions,
        options: request.options,
        language: request.language,
        translations: request.translations,
    };
    let events = write.submit_in(state, id, command, 0).await??;
    state
        .caught_up(id, events.last().map_or(0, |e| e.seq))
        .await?;
    state.election(id, |e| view(id, e))
}
