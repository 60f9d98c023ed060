//! Exports of an election: results and turnout as CSV, the log as NDJSON. Turnout says who
//! voted and when, never for whom; the exported log is the audit view (a vote without its
//! choice), as `GET /api/admin/events` serves it.

use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use shared::results::{decide_outcome, Outcome};
use shared::{AuditEvent, Phase};

use super::extract::{Admin, Scope};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::{DomainError, Election};

/// Events read from the store per page of the log export.
const PAGE: u32 = 10_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/admin/elections/{id}/export/results.csv",
            get(admin_results),
        )
        .route("/api/admin/elections/{id}/export/turnout.csv", get(turnout))
        .route(
            "/api/admin/elections/{id}/export/events.ndjson",
            get(events),
        )
        .route(
            "/api/elections/{id}/export/results.csv",
            get(public_results),
        )
}

pub(super) fn file(content_type: &str, name: String, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (CONTENT_TYPE, content_type.to_string()),
            (CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

fn csv_bytes(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| ApiError::Internal(anyhow::anyhow!("writing CSV: {e}"));
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        writer.write_record(row).map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("writing CSV: {e}")))
}

/// Candidate id, name, votes, share of the votes (percent, two decimals) and each
/// candidate's part in the outcome (`winner`, `tie` or empty).
///
/// A ballot of questions has its own columns instead, a row per question, round and candidate
/// (see [`super::export_ballots::QUESTION_COLUMNS`]); the old form's file is as it always was.
fn results_csv(election: &Election) -> Result<Vec<u8>, ApiError> {
    if election.with_questions {
        let rows = super::export_ballots::question_rows(election);
        return csv_bytes(&super::export_ballots::QUESTION_COLUMNS, rows);
    }
    let counts = election.candidate_counts();
    let total = election.total_votes();
    let outcome = decide_outcome(&counts);
    let rows = counts
        .iter()
        .map(|count| {
            let share = match total {
                0 => 0.0,
                total => count.votes as f64 * 100.0 / total as f64,
            };
            let part = match &outcome {
                Outcome::Winner { candidate_id, .. } if *candidate_id == count.candidate_id => {
                    "winner"
                }
                Outcome::Tie { candidate_ids, .. }
                    if candidate_ids.contains(&count.candidate_id) =>
                {
                    "tie"
                }
                _ => "",
            };
            vec![
                count.candidate_id.to_string(),
                count.name.clone(),
                count.votes.to_string(),
                format!("{share:.2}"),
                part.to_string(),
            ]
        })
        .collect();
    csv_bytes(&["candidate_id", "name", "votes", "share", "outcome"], rows)
}

/// The admin's results: once voting has closed (counts are nobody's business before that,
/// unless live results are on).
async fn admin_results(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
) -> Result<Response, ApiError> {
    let body = state.election(&id, |e| {
        if e.phase < Phase::Closed && !e.live_results {
            return Err(wrong_phase("export results", e.phase));
        }
        results_csv(e)
    })??;
    Ok(file(
        "text/csv; charset=utf-8",
        format!("{id}-results.csv"),
        body,
    ))
}

/// Everyone's results, once published.
async fn public_results(
    State(state): State<AppState>,
    Scope(id): Scope,
) -> Result<Response, ApiError> {
    let body = state.election(&id, |e| {
        if e.phase != Phase::Published {
            return Err(wrong_phase("export unpublished results", e.phase));
        }
        results_csv(e)
    })??;
    Ok(file(
        "text/csv; charset=utf-8",
        format!("{id}-results.csv"),
        body,
    ))
}

pub(super) fn wrong_phase(action: &str, phase: Phase) -> ApiError {
    DomainError::WrongPhase {
        action: action.into(),
        phase,
    }
    .into()
}

/// Voter id, name, email, whether they voted and when (ms since the epoch): never the choice.
async fn turnout(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
) -> Result<Response, ApiError> {
    let rows = state.election(&id, |e| {
        e.voters
            .iter()
            .map(|(voter_id, voter)| {
                vec![
                    voter_id.to_string(),
                    voter.name.clone(),
                    voter.email.clone().unwrap_or_default(),
                    if voter.vote_seq.is_some() {
                        "yes"
                    } else {
                        "no"
                    }
                    .to_string(),
                    voter.voted_at_ms.map(|t| t.to_string()).unwrap_or_default(),
                ]
            })
            .collect()
    })?;
    let body = csv_bytes(&["voter_id", "name", "email", "voted", "time"], rows)?;
    Ok(file(
        "text/csv; charset=utf-8",
        format!("{id}-turnout.csv"),
        body,
    ))
}

/// The election's log, one audit event per line, in order.
async fn events(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
) -> Result<Response, ApiError> {
    state.election(&id, |_| ())?;
    let mut body = Vec::new();
    let mut after = 0;
    loop {
        let page = state.engine.events_after(&id, after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for event in page {
            serde_json::to_writer(&mut body, &AuditEvent::from(event))
                .map_err(|e| ApiError::Internal(e.into()))?;
            body.push(b'\n');
        }
    }
    Ok(file(
        "application/x-ndjson",
        format!("{id}-events.ndjson"),
        body,
    ))
}
