//! `GET /api/admin/backup`: a consistent copy of this member's database, streamed.
//!
//! Admin only, on every member (a replica or the tally). The copy is taken with SQLite's
//! `VACUUM INTO` while writes go on (`backup::snapshot`); its SHA-256 and the Raft index it
//! reflects come as headers before the body, so `ballot backup` can check what it received.
//! One backup at a time per member: another request meanwhile gets 503 with Retry-After.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::io::AsyncReadExt;

use super::extract::Admin;
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::backup::snapshot::{self, Copy};
use crate::backup::{BackupError, APPLIED_INDEX_HEADER, SHA256_HEADER};

/// How long a refused client should wait: a copy of a large database takes seconds.
const RETRY_AFTER_SECS: u64 = 5;

/// Bytes per chunk of the streamed body.
const CHUNK: usize = 64 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/admin/backup", get(backup))
}

async fn backup(State(state): State<AppState>, _: Admin) -> Result<Response, ApiError> {
    let copy = snapshot::take(state.engine.pool())
        .await
        .map_err(|error| match error {
            BackupError::Busy => ApiError::BackupRunning {
                retry_after_secs: RETRY_AFTER_SECS,
            },
            other => ApiError::Internal(anyhow::Error::new(other).context("taking a backup")),
        })?;
    tracing::info!(
        bytes = copy.len,
        applied_index = ?copy.applied_index,
        "sending a backup"
    );
    let mut headers = vec![
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/vnd.sqlite3"),
        ),
        (header::CONTENT_LENGTH, HeaderValue::from(copy.len)),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"ballot-backup.sqlite3\""),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        (
            HeaderName::from_static(SHA256_HEADER),
            HeaderValue::from_str(&copy.sha256).map_err(|e| ApiError::Internal(e.into()))?,
        ),
    ];
    if let Some(index) = copy.applied_index {
        headers.push((
            HeaderName::from_static(APPLIED_INDEX_HEADER),
            HeaderValue::from(index),
        ));
    }
    let mut response = Body::from_stream(stream(copy)).into_response();
    response.headers_mut().extend(headers);
    Ok(response)
}

/// The copy's bytes in chunks; the member's claim on its one backup goes with the last one
/// (or with the stream, when the client leaves first).
fn stream(copy: Copy) -> impl futures_util::Stream<Item = std::io::Result<Bytes>> {
    futures_util::stream::try_unfold(copy, |mut copy| async move {
        let mut buffer = vec![0; CHUNK];
        let read = copy.file.read(&mut buffer).await?;
        if read == 0 {
            return Ok(None);
        }
        buffer.truncate(read);
        Ok(Some((Bytes::from(buffer), copy)))
    })
}
