//! `GET /metrics`: this node's metrics in the Prometheus text format, and the middleware that
//! counts and times every HTTP request by its route template.
//!
//! The figures that are a state rather than an event (the vote queue, Raft's position, open
//! WebSockets) are read when the page is scraped, so they are never stale and no task has to
//! poll them. The route is served by every member on the API's port and needs no token: it
//! tells nothing a voter could use (no names, no choices, no counts before publication), and a
//! scraper on the members' network should not need the admin token. Put it behind the reverse
//! proxy's access rules if that is not acceptable.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use openraft::async_runtime::WatchReceiver as _;
use openraft::ServerState;

use super::state::AppState;
use crate::telemetry::{self, Telemetry};

/// The content type of the Prometheus text exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The `route` label of a request that matched no route (a dashboard file, an unknown path):
/// one value for all of them, so no client can make a series per path it invents.
pub const UNMATCHED: &str = "unmatched";

pub fn router() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

async fn metrics(State(state): State<AppState>) -> Response {
    sample(&state);
    (
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        state.telemetry.render(),
    )
        .into_response()
}

/// Sets the gauges from the node's live figures, just before they are rendered.
fn sample(state: &AppState) {
    let telemetry = &state.telemetry;
    let queue = state.votes.status();
    telemetry.set(telemetry::QUEUE_DEPTH, queue.depth as f64);
    telemetry.set(telemetry::QUEUE_IN_FLIGHT, queue.in_flight as f64);
    telemetry.set(telemetry::QUEUE_CAPACITY, queue.capacity as f64);
    telemetry.set(
        telemetry::WS_CONNECTIONS,
        state.limits.connections.live() as f64,
    );

    let queued_mail = state
        .engine
        .read()
        .iter()
        .flat_map(|(_, election)| election.mail.values())
        .filter(|record| record.state == shared::mail::MailState::Queued)
        .count();
    telemetry.set(telemetry::MAIL_QUEUED, queued_mail as f64);

    let raft = state.cluster.raft.metrics().borrow_watched().clone();
    let leads = raft.state == ServerState::Leader;
    telemetry.set(telemetry::RAFT_TERM, raft.current_term as f64);
    telemetry.set(
        telemetry::RAFT_QUORUM_ACK_GAP_MAX,
        state.cluster.liveness.longest_ack_gap().as_secs_f64(),
    );
    telemetry.set(telemetry::RAFT_IS_LEADER, f64::from(u8::from(leads)));
    telemetry.set(
        telemetry::RAFT_LEADER_ID,
        raft.current_leader.unwrap_or(0) as f64,
    );
    let last_log = raft.last_log_index.unwrap_or(0);
    telemetry.set(telemetry::RAFT_LAST_LOG_INDEX, last_log as f64);
    let committed = raft.local_committed.map_or(0, |log_id| log_id.index());
    telemetry.set(telemetry::RAFT_COMMIT_INDEX, committed as f64);
    let applied = raft.last_applied.map_or(0, |log_id| log_id.index());
    telemetry.set(telemetry::RAFT_LAST_APPLIED, applied as f64);
    // Only the leader knows how far each member got; a follower's page has no such series
    // (gauges not set for a while are dropped, see `telemetry::GAUGE_IDLE`).
    if let Some(replication) = raft.replication.as_ref().filter(|_| leads) {
        for (member, matched) in replication {
            let acknowledged = matched.as_ref().map_or(0, |log_id| log_id.index());
            telemetry.set_labelled(
                telemetry::RAFT_MEMBER_LAG,
                "member",
                member.to_string(),
                last_log.saturating_sub(acknowledged) as f64,
            );
        }
    }
}

/// Counts and times every request by the route template it matched (`/api/elections/{id}/vote`,
/// never the raw path), its method and its status class. Added around the whole router, so
/// refusals, WebSocket upgrades and the dashboards are counted too. A streamed body (an
/// export) is timed to its first byte.
pub async fn record_request(
    State(telemetry): State<Telemetry>,
    request: Request,
    next: Next,
) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    telemetry.http_request(
        route.as_deref().unwrap_or(UNMATCHED),
        method,
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}

/// The method as a label: the standard ones by name, any other token as `other`, since a
/// client may send any token as a method.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}
