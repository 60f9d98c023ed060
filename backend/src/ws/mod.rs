//! `GET /ws`: live pushes of notifications, phase changes, tally updates and, for the admin,
//! voter, queue and cluster changes.
//!
//! One task per connection, in the shape of axum's chat example: it selects over the engine's
//! event stream, the queue's change signal, the coalescing timer and the client's frames.
//! Tally and queue pushes are coalesced: a burst of votes becomes at most ten pushes a second.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use shared::ws::ServerMessage;
use shared::{Event, EventPayload};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::Instant;

use crate::projections::notifications::{render, Audience};
use crate::projections::results::results_view;
use crate::state::AppState;

/// The shortest time between two tally (or queue) pushes on one connection.
const COALESCE: Duration = Duration::from_millis(100);

pub fn router() -> Router<AppState> {
    Router::new().route("/ws", get(upgrade))
}

#[derive(Debug, Deserialize)]
struct WsQuery {
    admin_token: Option<String>,
}

async fn upgrade(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    Query(query): Query<WsQuery>,
) -> Response {
    let admin = query
        .admin_token
        .as_deref()
        .is_some_and(|t| state.is_admin_token(t));
    let audience = if admin {
        Audience::Admin
    } else {
        Audience::Public
    };
    ws.on_upgrade(move |socket| session(socket, state, audience))
}

async fn session(mut socket: WebSocket, state: AppState, audience: Audience) {
    let mut events = state.engine.subscribe();
    let mut queue = state.votes.watch();
    let mut cluster = state.cluster_updates.subscribe();
    let mut resets = state.engine.resets();
    let admin = audience == Audience::Admin;
    if send_all(&mut socket, greeting(&state, admin))
        .await
        .is_err()
    {
        return;
    }
    let mut tally_due: Option<Instant> = None;
    let mut queue_due: Option<Instant> = None;
    loop {
        let next_flush = [tally_due, queue_due].into_iter().flatten().min();
        let outgoing = tokio::select! {
            received = events.recv() => match received {
                Ok(event) => {
                    if counts_change(&event) && tally_due.is_none() {
                        tally_due = Some(Instant::now() + COALESCE);
                    }
                    on_event(&state, &event, audience)
                }
                // Fell behind the writer: resynchronise from the committed state.
                Err(RecvError::Lagged(_)) => greeting(&state, admin),
                Err(RecvError::Closed) => return,
            },
            // A snapshot replaced the log: start over from the committed state.
            reset = resets.changed() => match reset {
                Ok(()) => greeting(&state, admin),
                Err(_) => return,
            },
            update = cluster.recv(), if admin => match update {
                Ok(update) => {
                    let mut messages: Vec<ServerMessage> = update.notices.into_iter()
                        .map(|notification| ServerMessage::Notification { notification, lamport: state.lamport.current() })
                        .collect();
                    messages.push(ServerMessage::Cluster { status: update.status });
                    messages
                }
                Err(RecvError::Lagged(_)) => vec![],
                Err(RecvError::Closed) => return,
            },
            changed = queue.changed(), if admin => {
                if changed.is_err() { return; }
                queue_due.get_or_insert(Instant::now() + COALESCE);
                vec![]
            }
            _ = sleep_until(next_flush), if next_flush.is_some() => {
                let now = Instant::now();
                let mut due = vec![];
                if tally_due.is_some_and(|t| t <= now) {
                    tally_due = None;
                    due.push(ServerMessage::Tally { results: results_view(&state.engine.read()) });
                }
                if queue_due.is_some_and(|t| t <= now) {
                    queue_due = None;
                    due.push(ServerMessage::Queue { queue: state.votes.status() });
                }
                due
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => vec![], // Clients have nothing to say on this channel.
            },
        };
        if send_all(&mut socket, outgoing).await.is_err() {
            return;
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    if let Some(deadline) = deadline {
        tokio::time::sleep_until(deadline).await;
    }
}

/// What a new (or resynchronising) connection is sent first.
fn greeting(state: &AppState, admin: bool) -> Vec<ServerMessage> {
    let election = state.engine.read();
    let mut messages = vec![
        ServerMessage::Hello {
            node_id: state.settings.node_id,
            server_time_ms: state.clock.now_ms(),
            lamport: state.lamport.current(),
            phase: election.phase,
            deadline_ms: election.deadline_ms,
            live_results: election.live_results,
            admin,
        },
        ServerMessage::Tally {
            results: results_view(&election),
        },
    ];
    if admin {
        messages.push(ServerMessage::Queue {
            queue: state.votes.status(),
        });
    }
    messages
}

fn counts_change(event: &Event) -> bool {
    matches!(
        event.payload,
        EventPayload::VoteCast { .. }
            | EventPayload::VoterRegistered { .. }
            | EventPayload::CandidateAdded { .. }
            | EventPayload::LiveResultsSet { .. }
            | EventPayload::VotingStarted
            | EventPayload::VotingClosed { .. }
            | EventPayload::ResultsPublished
            | EventPayload::DeadlineSet { .. }
    )
}

/// The immediate pushes an event causes (the tally follows, coalesced).
fn on_event(state: &AppState, event: &Arc<Event>, audience: Audience) -> Vec<ServerMessage> {
    let election = state.engine.read();
    let lamport = state.lamport.current().max(event.lamport);
    let mut messages = Vec::new();
    if let Some(notification) = render(event, &election, audience) {
        messages.push(ServerMessage::Notification {
            notification,
            lamport,
        });
    }
    match &event.payload {
        EventPayload::DeadlineSet { .. }
        | EventPayload::LiveResultsSet { .. }
        | EventPayload::VotingStarted
        | EventPayload::VotingClosed { .. }
        | EventPayload::ResultsPublished => messages.push(ServerMessage::Phase {
            phase: election.phase,
            deadline_ms: election.deadline_ms,
            live_results: election.live_results,
            lamport,
        }),
        EventPayload::VoteCast { voter_id, .. }
        | EventPayload::VoterRegistered { voter_id, .. }
            if audience == Audience::Admin =>
        {
            if let Some(record) = election.voters.get(voter_id) {
                messages.push(ServerMessage::Voter {
                    voter: election.voter_status(*voter_id, record),
                });
            }
        }
        _ => {}
    }
    messages
}

async fn send_all(socket: &mut WebSocket, messages: Vec<ServerMessage>) -> Result<(), axum::Error> {
    for message in messages {
        let text = serde_json::to_string(&message).unwrap_or_default();
        socket.send(Message::Text(text.into())).await?;
    }
    Ok(())
}
