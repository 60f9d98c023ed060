//! The HTTP layer: the public API, one module per resource, merged in reading order, the
//! members' routes, and what every handler shares. It sits on top: it imports the replication
//! layer (`cluster`) and what is below it, and nothing imports it but `server` and `ws`.
//!
//! - [`state`]: the handlers' shared state ([`AppState`]); [`error`]: the HTTP error
//!   ([`ApiError`]), one `IntoResponse` for every refusal.
//! - [`extract`]: the JSON body, query, admin and session extractors (errors in our format).
//! - [`voters`]: register, login, me.
//! - [`ballot`]: options, time, vote.
//! - [`results`]: results and the notifications feed.
//! - [`admin`]: the election's controls and the audit log.
//! - [`backup`]: `GET /api/admin/backup`, a consistent copy of this member's database.
//! - [`elections`]: defining elections and listing them.
//! - [`export`]: results, turnout and the log of an election as files.
//! - [`export_ballots`]: a ballot of questions' rounds as CSV rows, ranked ballots as BLT.
//! - [`checkpoint`]: the members' public keys and co-signed checkpoints of a public log.
//! - [`log`]: an election's public log: its lines, tree head and Merkle proofs.
//! - [`openapi`]: `GET /api/openapi.json`, the OpenAPI 3 description of the API.
//! - [`mail`]: queueing invitations, reminders and results mails, and where each stands.
//! - [`roll`]: importing an election's roll (CSV or JSON) with credentials, replacing one.
//! - [`health`]: the `/health` routes; [`cluster`]: `GET /api/cluster/status`.
//! - [`members`]: the members' own routes under `/raft/` (propose, read index, join, member,
//!   clock).
//! - [`metrics`]: `GET /metrics` (Prometheus text) and the middleware timing every request.
//! - [`lamport`]: every request may carry the client's Lamport time; every answer carries ours.
//! - [`write`]: idempotency keys, request fingerprints and the path from a write to its decision.
//! - [`limits`]: the failed-attempt limiter on register and login, the WebSocket connection
//!   caps, and the addresses exempt from both.

pub mod accounts;
pub mod admin;
pub mod backup;
pub mod ballot;
pub mod board;
pub mod checkpoint;
pub mod checkpointer;
pub mod cluster;
pub mod elections;
pub mod error;
pub mod export;
pub mod export_ballots;
pub mod extract;
pub mod frames;
pub mod health;
pub mod lamport;
pub mod limits;
pub mod log;
pub mod mail;
pub mod members;
pub mod metrics;
pub mod openapi;
pub mod results;
pub mod roll;
pub mod secret;
pub mod state;
pub mod viewers;
pub mod voters;
pub mod write;

use axum::extract::DefaultBodyLimit;
use axum::Router;

pub use error::ApiError;
pub use state::AppState;

/// The largest request body the API reads. Its bodies are a name, a vote or an admin setting:
/// a few hundred bytes. Larger ones are refused with 413 before they are buffered whole.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(voters::router(state))
        .merge(ballot::router())
        .merge(results::router())
        .merge(admin::router())
        .merge(backup::router())
        .merge(elections::router())
        .merge(roll::router())
        .merge(mail::router())
        .merge(export::router())
        .merge(export_ballots::router())
        .merge(openapi::router())
        .merge(log::router())
        .merge(checkpoint::router())
        .merge(health::router())
        .merge(cluster::router())
        .merge(metrics::router())
        .merge(secret::router(state))
        .merge(accounts::router(state))
        // Every admin route: who is asking, and whether their role may (see `accounts`).
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            accounts::principal::guard,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}
