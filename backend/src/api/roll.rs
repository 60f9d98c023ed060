//! An election's roll: importing voters (CSV or JSON) with fresh credentials shown once,
//! listing the roll, and replacing one voter's credential.

use shared::ballots::Weight;
use std::collections::HashMap;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{ACCEPT, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use shared::dto::VotersResponse;
use shared::elections::{CredentialResponse, RollEntry, RollRequest, RollResponse, RollRow};
use shared::EventPayload;

use super::extract::{Admin, AppBytes, AppPath, Scope};
use super::write::{route, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::credentials;
use crate::domain::{Command, ImportRow};

/// The largest roll one request may carry: 100,000 voters fit with room to spare.
pub const MAX_ROLL_BYTES: usize = 10 * 1024 * 1024;
/// Rows per log entry of an import.
const CHUNK_ROWS: usize = 2_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/admin/elections/{id}/voters",
            post(import)
                .get(list)
                .layer(DefaultBodyLimit::max(MAX_ROLL_BYTES)),
        )
        .route(
            "/api/admin/elections/{id}/voters/{voter_id}/credential",
            post(reissue),
        )
}

async fn list(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
) -> Result<Json<VotersResponse>, ApiError> {
    let voters = state.election(&id, |e| e.voter_statuses())?;
    let voted = voters.iter().filter(|v| v.has_voted).count() as u64;
    Ok(Json(VotersResponse {
        total: voters.len() as u64,
        voted,
        voters,
    }))
}

/// The rows of a request body: CSV (`text/csv`, header row with `name` and optionally `email`
/// and `external_id`) or JSON (`{"voters": [...]}`).
fn parse_roll(headers: &HeaderMap, body: &[u8]) -> Result<Vec<RollEntry>, ApiError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") {
        let request: RollRequest = serde_json::from_slice(body)
            .map_err(|e| ApiError::BadRequest(format!("the roll is not valid JSON: {e}")))?;
        return Ok(request.voters);
    }
    if !content_type.starts_with("text/csv") {
        return Err(ApiError::UnsupportedRollFormat);
    }
    parse_csv(body)
}

fn invalid(line: u64, problem: impl std::fmt::Display) -> ApiError {
    ApiError::InvalidRoll(format!("line {line}: {problem}"))
}

/// RFC 4180 CSV with a header row; all or nothing: the first bad line refuses the file.
pub fn parse_csv(body: &[u8]) -> Result<Vec<RollEntry>, ApiError> {
    let text = std::str::from_utf8(body).map_err(|e| {
        let line = body[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1;
        invalid(line, "not UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| invalid(1, e))?.clone();
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(name_at) = column("name") else {
        return Err(invalid(1, "the header row needs a `name` column"));
    };
    let (email_at, external_at) = (column("email"), column("external_id"));
    let weight_at = column("weight");
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            invalid(line, e)
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |at: Option<usize>| {
            at.and_then(|at| record.get(at))
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let name = field(Some(name_at)).ok_or_else(|| invalid(line, "the name is empty"))?;
        let weight = field(weight_at)
            .map(|text| Weight::parse(&text).map_err(|problem| invalid(line, problem)))
            .transpose()?;
        entries.push(RollEntry {
            name,
            email: field(email_at),
            external_id: field(external_at),
            weight,
        });
    }
    Ok(entries)
}

async fn import(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
    headers: HeaderMap,
    AppBytes(body): AppBytes,
) -> Result<Response, ApiError> {
    state.election(&id, |_| ())?;
    let entries = parse_roll(&headers, &body)?;
    let write = Write::new(&route("admin/voters", &id), &entries, key);
    let secret = &state.settings.session_secret;
    let issued: Vec<String> = (0..entries.len() as u64)
        .map(|row| credentials::derive(secret, &id, "import", &write.stamp.key, row))
        .collect();
    let rows: Vec<ImportRow> = entries
        .iter()
        .zip(&issued)
        .map(|(entry, credential)| ImportRow {
            name: entry.name.clone(),
            email: entry.email.clone(),
            external_id: entry.external_id.clone(),
            credential_hash: credentials::hash(&id, credential),
            weight: entry.weight,
        })
        .collect();
    // All or nothing for a bad file: the whole roll is decided against the committed state
    // before any of it is written. (A retry of an import already under way is not refused:
    // its rows are simply on the roll already.)
    let first = write.part(0, &rows[..rows.len().min(CHUNK_ROWS)]);
    let whole = Command::ImportVoters { rows, first_row: 0 };
    let envelope = state.provisional(whole).in_election(&id);
    if first.remembered(&state).await?.is_none() {
        state.engine.read().decide(&envelope)?;
    }
    let Command::ImportVoters { rows, .. } = envelope.command else {
        return Err(anyhow::anyhow!("the import's command changed shape").into());
    };
    let events = commit_in_chunks(&state, &id, write, rows).await?;
    let answer = answer_rows(&entries, &issued, &events);
    let wants_csv = headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/csv"));
    if wants_csv {
        return Ok(csv_answer(&answer.voters));
    }
    Ok(Json(answer).into_response())
}

/// Commits the roll as entries of at most [`CHUNK_ROWS`] rows, in order, each under its own
/// key derived from the request's: a roll of 100,000 is fifty entries of some 300 KB instead of
/// one of 15 MB that would hold up every replica's log (and its heartbeats) while it is
/// written. A retry with the same key walks the same chunks and gets each one's first answer.
async fn commit_in_chunks(
    state: &AppState,
    id: &str,
    write: Write,
    rows: Vec<ImportRow>,
) -> Result<Vec<shared::Event>, ApiError> {
    let mut events = Vec::new();
    let chunks: Vec<Vec<ImportRow>> = rows.chunks(CHUNK_ROWS).map(<[_]>::to_vec).collect();
    let chunks = if chunks.is_empty() {
        vec![vec![]]
    } else {
        chunks
    };
    for (index, chunk) in chunks.into_iter().enumerate() {
        let part = write.part(index, &chunk);
        let command = Command::ImportVoters {
            rows: chunk,
            first_row: (index * CHUNK_ROWS) as u64,
        };
        events.extend(part.submit_in(state, id, command, 0).await??);
    }
    Ok(events)
}

/// One answer row per input row, from the import's events: created rows in order, skipped
/// rows by number.
fn answer_rows(entries: &[RollEntry], issued: &[String], events: &[shared::Event]) -> RollResponse {
    let mut created = events.iter().filter_map(|e| match &e.payload {
        EventPayload::VoterImported { voter_id, name, .. } => Some((*voter_id, name.clone())),
        _ => None,
    });
    let skipped: HashMap<u64, String> = events
        .iter()
        .flat_map(|e| match &e.payload {
            EventPayload::RollImported { skipped, .. } => skipped.clone(),
            _ => Vec::new(),
        })
        .map(|s| (s.row, s.reason))
        .collect();
    let mut voters = Vec::with_capacity(entries.len());
    for ((row, entry), credential) in (1u64..).zip(entries).zip(issued) {
        let (voter_id, name, credential, status) = match skipped.get(&row) {
            Some(reason) => (
                None,
                entry.name.clone(),
                String::new(),
                format!("skipped: {reason}"),
            ),
            None => match created.next() {
                Some((voter_id, name)) => (
                    Some(voter_id),
                    name,
                    credential.clone(),
                    "created".to_string(),
                ),
                None => (
                    None,
                    entry.name.clone(),
                    String::new(),
                    "skipped".to_string(),
                ),
            },
        };
        voters.push(RollRow {
            voter_id,
            name,
            email: entry.email.clone().unwrap_or_default(),
            external_id: entry.external_id.clone().unwrap_or_default(),
            credential,
            status,
        });
    }
    let made = voters.iter().filter(|v| v.voter_id.is_some()).count() as u64;
    RollResponse {
        skipped: voters.len() as u64 - made,
        created: made,
        voters,
    }
}

fn csv_answer(rows: &[RollRow]) -> Response {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "voter_id",
        "name",
        "email",
        "external_id",
        "credential",
        "status",
    ];
    let mut result = writer.write_record(header);
    for row in rows {
        let voter_id = row.voter_id.map(|v| v.to_string()).unwrap_or_default();
        let record = [
            voter_id.as_str(),
            &row.name,
            &row.email,
            &row.external_id,
            &row.credential,
            &row.status,
        ];
        result = result.and_then(|()| writer.write_record(record));
    }
    match (result, writer.into_inner()) {
        (Ok(()), Ok(bytes)) => ([(CONTENT_TYPE, "text/csv; charset=utf-8")], bytes).into_response(),
        _ => ApiError::Internal(anyhow::anyhow!("writing the roll as CSV failed")).into_response(),
    }
}

async fn reissue(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    AppPath((_, voter_id)): AppPath<(String, u32)>,
    key: ClientKey,
) -> Result<Json<CredentialResponse>, ApiError> {
    state.election(&id, |_| ())?;
    let write = Write::new(&route("admin/credential", &id), &voter_id, key);
    let purpose = format!("reissue {voter_id}");
    let credential = credentials::derive(
        &state.settings.session_secret,
        &id,
        &purpose,
        &write.stamp.key,
        0,
    );
    let command = Command::IssueCredential {
        voter_id,
        credential_hash: credentials::hash(&id, &credential),
    };
    write.submit_in(&state, &id, command, 0).await??;
    Ok(Json(CredentialResponse {
        voter_id,
        credential,
    }))
}
