//! `GET /ws`: live pushes of notifications, phase changes, tally updates and, for the admin,
//! voter, queue and cluster changes. The contract is in [`shared::ws`].
//!
//! - [`session`]: one connection's loop (the client's `auth`; an admin's own pushes).
//! - [`broadcaster`]: one task per watched election, sending its public viewers one batch per
//!   interval (100 ms), serialised once.
//! - [`pushes`]: what a connection is pushed; the public pushes are shared bytes.
//! - [`outbox`]: the bounded send buffer and its writer (one flush per batch); slow consumers
//!   are closed (4008).
//!
//! Before upgrading, a request must be a WebSocket upgrade (else 400) and find a free slot:
//! `--max-ws-connections` per node (else 503) and `--max-ws-per-address` per client address
//! (else 429), both with `Retry-After`. A client sends at most 64 KB per message.
//!
//! An admin page sends `{"type":"auth","admin_token":"…"}` as its first message; the query
//! string `?admin_token=` still works for old clients, but puts the token where proxies and
//! logs keep URLs.

mod broadcaster;
mod outbox;
mod pushes;
mod session;

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::api::error::ApiError;
use crate::api::extract::{AppQuery, ClientIp};
use crate::api::state::AppState;

/// The largest message (and frame) a client may send.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// The read buffer each connection keeps. tungstenite's default (128 KiB) is zero-filled on
/// the first read, so every idle viewer held 128 KiB of resident memory; viewers send at
/// most an `auth` message, and a longer frame still gets room (the buffer grows to the
/// frame's announced length, capped by [`MAX_MESSAGE_BYTES`]).
const READ_BUFFER_BYTES: usize = 1024;

pub fn router() -> Router<AppState> {
    Router::new().route("/ws", get(upgrade))
}

#[derive(Debug, Deserialize)]
struct WsQuery {
    /// The old way to authenticate; the `auth` message is the documented one.
    admin_token: Option<String>,
    /// The election to follow; the original one without it.
    election: Option<String>,
}

async fn upgrade(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    ClientIp(ip): ClientIp,
    AppQuery(query): AppQuery<WsQuery>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response, ApiError> {
    let upgrade = upgrade.map_err(|rejection| {
        tracing::debug!(%rejection, "not a WebSocket upgrade");
        ApiError::BadRequest(
            "/ws only accepts a WebSocket upgrade (GET with Connection: upgrade, \
             Upgrade: websocket)"
                .into(),
        )
    })?;
    let election = query
        .election
        .unwrap_or_else(shared::elections::default_election_id);
    if state.election(&election, |_| ()).is_err() {
        // Perhaps created through another replica and not applied here yet.
        state.cluster.linearizable_barrier().await?;
        state.election(&election, |_| ())?;
    }
    let slot = state.limits.connections.acquire(ip)?;
    let admin = query
        .admin_token
        .as_deref()
        .is_some_and(|t| crate::api::accounts::principal::may_watch(&state, t, &election))
        // A console signed in by password: its session cookie, from a page of this site.
        || crate::api::accounts::principal::may_watch_by_cookie(&state, &headers, &election);
    Ok(upgrade
        .max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .read_buffer_size(READ_BUFFER_BYTES)
        .on_failed_upgrade(|error| tracing::debug!(%error, "a WebSocket upgrade failed"))
        .on_upgrade(move |socket| {
            // Counted among the node's tasks: stopping the node closes it and waits for it.
            let tasks = state.tasks.clone();
            tasks.track(session::run(socket, state, admin, slot, election))
        }))
}
