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

pub mod admin;
pub mod ballot;
pub mod extract;
pub mod health;
pub mod lamport;
pub mod results;
pub mod voters;
pub mod write;

use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(voters::router())
        .merge(ballot::router())
        .merge(results::router())
        .merge(admin::router())
        .merge(health::router())
}
