//! One WebSocket connection: the pushes it receives and the few messages it may send.
//!
//! A public viewer's task only waits for the client (an `auth` turns it into an admin
//! connection) and for the signal that it fell behind: its pushes come from the election's
//! broadcaster ([`super::broadcaster`]), which queues one shared batch per interval for every
//! viewer of the election's room, so a vote wakes no viewer's session. Its greeting is queued
//! as it takes its seat, under the room's lock ([`crate::api::viewers`]).
//!
//! An admin connection's task selects over the engine's event stream, the queue's change
//! signal, the coalescing timer and the client's frames, as its pushes name voters and are
//! made per connection. Tally and queue pushes are coalesced: a burst of votes becomes at most
//! ten pushes a second. Everything a connection sends goes through its [`Outbox`], so a slow
//! client never holds anyone up.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket};
use futures_util::{Stream, StreamExt};
use shared::dto::ClusterStatusResponse;
use shared::ws::{ClientMessage, ServerMessage, CLOSE_SLOW_CONSUMER, CLOSE_UNAUTHORIZED};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::Instant;

use super::outbox::{Outbox, Push, PushError, SEND_BUFFER};
use super::pushes::{counts_change, event_pushes, greeting, tally};
use crate::api::limits::ConnectionSlot;
use crate::api::state::AppState;
use crate::api::viewers::Seat;
use crate::projections::notifications::Audience;

/// The shortest time between two tally (or queue) pushes on one connection.
const COALESCE: Duration = Duration::from_millis(100);
/// Malformed messages a connection may send (each answered with an `error`) before it is
/// closed: an honest client sends one `auth`, if anything.
const MAX_MALFORMED: u32 = 16;
/// Close code for a policy violation (RFC 6455): too many malformed messages, or one too big.
const CLOSE_POLICY: u16 = 1008;
/// Close code for an endpoint going away (RFC 6455): the node is stopping.
const CLOSE_GOING_AWAY: u16 = 1001;

/// How a session ends, and what the client is told.
enum Ending {
    /// The client closed, or the socket failed: nothing more to say.
    Gone,
    /// The buffer filled up: close ahead of the backlog.
    TooSlow,
    /// A close queued after the messages explaining it.
    Closed,
    /// The node is stopping: close at once ("going away"); clients reconnect elsewhere.
    Stopping,
}

type ClusterLookup = Pin<Box<dyn Future<Output = ClusterStatusResponse> + Send>>;

/// Serves one connection until it ends; `slot` is its place in the connection caps.
pub async fn run(
    socket: WebSocket,
    state: AppState,
    admin: bool,
    slot: ConnectionSlot,
    election: String,
) {
    let (sink, incoming) = socket.split();
    let outbox = Outbox::spawn(sink, SEND_BUFFER);
    let ending = tokio::select! {
        ending = serve(incoming, &outbox, &state, admin, &election) => ending,
        _ = state.tasks.stopping() => Ending::Stopping,
    };
    match ending {
        Ending::Stopping => {
            outbox
                .close_now(CLOSE_GOING_AWAY, "the server is stopping")
                .await
        }
        Ending::TooSlow => {
            tracing::debug!("closing a WebSocket that does not keep up");
            outbox
                .close_now(CLOSE_SLOW_CONSUMER, "too slow: reconnect to resynchronise")
                .await;
        }
        Ending::Gone | Ending::Closed => outbox.finish().await,
    }
    drop(slot);
}

async fn serve<S>(
    mut incoming: S,
    outbox: &Outbox,
    state: &AppState,
    admin: bool,
    election: &str,
) -> Ending
where
    S: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    if !admin {
        if let Err(ending) = watch_public(&mut incoming, outbox, state, election).await {
            return ending;
        }
        // A good `auth`: from now on this connection is an admin's.
    }
    serve_admin(incoming, outbox, state, election).await
}

/// A public viewer: seated in its election's room until it leaves, falls behind or sends a
/// good `auth` (then `Ok`, and it leaves the room).
async fn watch_public<S>(
    incoming: &mut S,
    outbox: &Outbox,
    state: &AppState,
    election: &str,
) -> Result<(), Ending>
where
    S: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    let _seat = take_seat(outbox, state, election)?;
    let mut malformed = 0;
    loop {
        let reply = tokio::select! {
            _ = outbox.fell_behind() => return Err(Ending::TooSlow),
            frame = incoming.next() => match from_client(frame, &mut malformed, outbox) {
                FromClient::Reply(reply) => reply,
                FromClient::End(ending) => return Err(ending),
                FromClient::Auth(token) => {
                    if crate::api::accounts::principal::may_watch(state, &token, election) {
                        return Ok(());
                    }
                    return Err(refuse_admin(outbox));
                }
            },
        };
        send(outbox, reply)?;
    }
}

/// Seats the connection in its election's room (starting the room's broadcaster if it is
/// the first), its greeting queued as it sits down.
fn take_seat(outbox: &Outbox, state: &AppState, election: &str) -> Result<Seat, Ending> {
    // A room closes only when empty, so this loops at most while its broadcaster stops.
    loop {
        let (room, opened) = state.frames.rooms().open(election);
        if opened {
            super::broadcaster::start(state, room.clone());
        }
        let mut greeted = Ok(());
        let seat = room.join(outbox.viewer(), |_| {
            greeted = send(outbox, greeting(state, election, false));
            greeted.is_ok()
        });
        match (seat, greeted) {
            (Some(seat), _) => return Ok(seat),
            (None, Err(ending)) => return Err(ending),
            (None, Ok(())) => continue,
        }
    }
}

/// An admin connection (it authenticated in the query string, by cookie or with `auth`).
async fn serve_admin<S>(
    mut incoming: S,
    outbox: &Outbox,
    state: &AppState,
    election: &str,
) -> Ending
where
    S: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    let mut events = state.engine.subscribe();
    let mut queue = state.votes.watch();
    let mut cluster = state.cluster_updates.subscribe();
    let mut resets = state.engine.resets();
    let mut checkpoints = state.checkpoints.subscribe();
    let mut cluster_lookup: Option<ClusterLookup> = Some(lookup_cluster(state));
    let mut malformed = 0;
    if let Err(ending) = send(outbox, greeting(state, election, true)) {
        return ending;
    }
    let mut tally_due: Option<Instant> = None;
    let mut queue_due: Option<Instant> = None;
    loop {
        let next_flush = [tally_due, queue_due].into_iter().flatten().min();
        let audience = Audience::Admin;
        let outgoing = tokio::select! {
            received = events.recv() => match received {
                // Another election's event: not this connection's business.
                Ok(event) if event.election_id != election => vec![],
                Ok(event) => {
                    if counts_change(&event) && tally_due.is_none() {
                        tally_due = Some(Instant::now() + COALESCE);
                    }
                    event_pushes(state, election, &event, audience)
                }
                // Fell behind the writer: resynchronise from the committed state.
                Err(RecvError::Lagged(_)) => greeting(state, election, true),
                Err(RecvError::Closed) => return Ending::Gone,
            },
            signed = checkpoints.recv() => match signed {
                Ok(checkpoint) if checkpoint.election_id == election => {
                    state.frames.checkpoint(&checkpoint).map(Push::Shared).into_iter().collect()
                }
                Ok(_) => vec![],
                // Missed some: the latest is what matters.
                Err(RecvError::Lagged(_)) => state.checkpoints.latest(election)
                    .and_then(|c| state.frames.checkpoint(&c))
                    .map(Push::Shared)
                    .into_iter().collect(),
                Err(RecvError::Closed) => return Ending::Gone,
            },
            // A snapshot replaced the log: start over from the committed state.
            reset = resets.changed() => match reset {
                Ok(()) => greeting(state, election, true),
                Err(_) => return Ending::Gone,
            },
            update = cluster.recv() => match update {
                Ok(update) => {
                    let mut messages: Vec<Push> = update.notices.into_iter()
                        .map(|notification| ServerMessage::Notification { notification, lamport: state.lamport.current() }.into())
                        .collect();
                    messages.push(ServerMessage::Cluster { status: update.status }.into());
                    messages
                }
                Err(RecvError::Lagged(_)) => vec![],
                Err(RecvError::Closed) => return Ending::Gone,
            },
            status = async {
                match cluster_lookup.as_mut() {
                    Some(lookup) => lookup.await,
                    None => std::future::pending().await,
                }
            }, if cluster_lookup.is_some() => {
                cluster_lookup = None;
                vec![ServerMessage::Cluster { status }.into()]
            }
            changed = queue.changed() => {
                if changed.is_err() { return Ending::Gone; }
                queue_due.get_or_insert(Instant::now() + COALESCE);
                vec![]
            }
            _ = sleep_until(next_flush), if next_flush.is_some() => {
                let now = Instant::now();
                let mut due = vec![];
                if tally_due.is_some_and(|t| t <= now) {
                    tally_due = None;
                    let elections = state.engine.read();
                    if let Some(current) = elections.get(election) {
                        due.extend(tally(&state.frames, election, current));
                    }
                }
                if queue_due.is_some_and(|t| t <= now) {
                    queue_due = None;
                    due.push(ServerMessage::Queue { queue: state.votes.status() }.into());
                }
                due
            }
            frame = incoming.next() => match from_client(frame, &mut malformed, outbox) {
                FromClient::Reply(reply) => reply,
                FromClient::End(ending) => return ending,
                FromClient::Auth(token) => {
                    if !crate::api::accounts::principal::may_watch(state, &token, election) {
                        return refuse_admin(outbox);
                    }
                    cluster_lookup = Some(lookup_cluster(state));
                    greeting(state, election, true)
                }
            },
        };
        if let Err(ending) = send(outbox, outgoing) {
            return ending;
        }
    }
}

/// What a client's frame asks for.
enum FromClient {
    /// Answer with these (nothing, or an `error` for a malformed message).
    Reply(Vec<Push>),
    /// An `auth` message with this token.
    Auth(String),
    /// Stop: the client left, or broke the rules (a close is queued).
    End(Ending),
}

fn from_client(
    frame: Option<Result<Message, axum::Error>>,
    malformed: &mut u32,
    outbox: &Outbox,
) -> FromClient {
    let mut refuse = |why: String| {
        *malformed += 1;
        if *malformed > MAX_MALFORMED {
            return FromClient::End(close_for_policy(outbox, "too many malformed messages"));
        }
        FromClient::Reply(vec![bad_message(&why).into()])
    };
    match frame {
        Some(Ok(Message::Text(text))) => {
            match serde_json::from_str::<ClientMessage>(text.as_str()) {
                Ok(ClientMessage::Auth { admin_token }) => FromClient::Auth(admin_token),
                Err(error) => refuse(format!("not a client message: {error}")),
            }
        }
        Some(Ok(Message::Binary(_))) => refuse("send JSON text frames, not binary ones".into()),
        Some(Ok(Message::Close(_))) | None => FromClient::End(Ending::Gone),
        // Over the size limit (or not a valid frame): refuse and close.
        Some(Err(error)) => {
            tracing::debug!(%error, "a WebSocket frame was refused");
            FromClient::End(close_for_policy(
                outbox,
                "message refused: at most 64 KB of JSON text",
            ))
        }
        Some(Ok(_)) => FromClient::Reply(vec![]), // Pings and pongs.
    }
}

fn send(outbox: &Outbox, messages: Vec<Push>) -> Result<(), Ending> {
    outbox.push_all(messages).map_err(|error| match error {
        PushError::Full => Ending::TooSlow,
        PushError::Gone => Ending::Gone,
    })
}

/// A wrong admin token: say so, then close with 4001.
fn refuse_admin(outbox: &Outbox) -> Ending {
    let refusal = ServerMessage::Error {
        error: shared::ErrorCode::AdminUnauthorized,
        message: "the admin token is wrong".into(),
    };
    let queued = outbox
        .push(&refusal)
        .and_then(|()| outbox.close_after_queue(CLOSE_UNAUTHORIZED, "admin token refused"));
    match queued {
        Ok(()) => Ending::Closed,
        Err(PushError::Full) => Ending::TooSlow,
        Err(PushError::Gone) => Ending::Gone,
    }
}

fn close_for_policy(outbox: &Outbox, reason: &'static str) -> Ending {
    match outbox.close_after_queue(CLOSE_POLICY, reason) {
        Ok(()) => Ending::Closed,
        Err(PushError::Full) => Ending::TooSlow,
        Err(PushError::Gone) => Ending::Gone,
    }
}

/// The `error` push for a malformed client message; serde's words describe the client's own
/// text, shortened.
fn bad_message(message: &str) -> ServerMessage {
    let message: String = message.chars().take(200).collect();
    ServerMessage::Error {
        error: shared::ErrorCode::BadRequest,
        message,
    }
}

/// The cluster's health for an admin connection (it asks the members, with a timeout).
fn lookup_cluster(state: &AppState) -> ClusterLookup {
    let state = state.clone();
    Box::pin(async move { crate::cluster::status::gather(&state.cluster).await })
}

async fn sleep_until(deadline: Option<Instant>) {
    if let Some(deadline) = deadline {
        tokio::time::sleep_until(deadline).await;
    }
}
