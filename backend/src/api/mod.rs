//! The public HTTP API, one module per resource, merged in reading order.
//!
//! - [`extract`]: the JSON body, query, admin and session extractors (errors in our format).
//! - [`voters`]: register, login, me.
//! - [`ballot`]: options, time, vote.
//! - [`results`]: results and the notifications feed.
//! - [`admin`]: the election's controls and the audit log.
//! - [`health`]: the `/health` route.
//! - [`lamport`]: every request may carry the client's Lamport time; every answer carries ours.
//! - [`write`]: idempotency keys, request fingerprints and the path from a write to its decision.
//! - [`limits`]: the failed-attempt limiter on register and login, the WebSocket connection
//!   caps, and the addresses exempt from both.

pub mod admin;
pub mod ballot;
pub mod extract;
pub mod health;
pub mod lamport;
pub mod limits;
pub mod results;
pub mod voters;
pub mod write;

use axum::extract::DefaultBodyLimit;
use axum::Router;

use crate::state::AppState;

/// The largest request body the API reads. Its bodies are a name, a vote or an admin setting:
/// a few hundred bytes. Larger ones are refused with 413 before they are buffered whole.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(voters::router(state))
        .merge(ballot::router())
        .merge(results::router())
        .merge(admin::router())
        .merge(health::router())
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}
