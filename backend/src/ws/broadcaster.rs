//! One task per watched election that sends its public viewers everything that happened, as
//! one batch per interval: each event's notification and phase push in order, the newest
//! checkpoint, then the tally as it stands (once, however many votes the interval held).
//!
//! The batch is serialised once and queued for every viewer of the election's [`Room`] as one
//! item; each connection's writer sends its frames back to back with one flush, so a viewer
//! costs one `write` per interval whatever the vote rate. The writers are separate tasks, so
//! the runtime's workers write different viewers' sockets at the same time.
//!
//! The first thing after a quiet [`INTERVAL`] goes out at once (a lone vote is not delayed);
//! after a batch the next waits until the interval is over, which keeps the tally at most ten
//! pushes a second, as the contract in [`shared::ws`] says.
//!
//! The task starts with the room's first viewer and stops once the room is empty.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::Utf8Bytes;
use shared::checkpoint::Checkpoint;
use shared::Event;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::{broadcast, watch};
use tokio::time::Instant;

use super::outbox::Push;
use super::pushes::{counts_change, event_pushes, greeting, tally};
use crate::api::state::AppState;
use crate::api::viewers::{FanOut, Room};
use crate::projections::notifications::Audience;

/// The shortest time between two batches to an election's viewers. 100 ms keeps the tally
/// contract (at most ten a second) and leaves most of a 300 ms budget to the fan-out itself;
/// a shorter interval would mean more writes to every socket under a steady stream of votes.
pub const INTERVAL: Duration = Duration::from_millis(100);
/// How many events one wake-up takes from the engine before it looks at the clock again.
const DRAIN: usize = 1024;

/// What has happened since the last batch.
#[derive(Default)]
struct Pending {
    events: Vec<Arc<Event>>,
    checkpoint: Option<Arc<Checkpoint>>,
    tally: bool,
    /// Events were missed or the log was replaced: greet everyone again instead.
    resync: bool,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.events.is_empty() && self.checkpoint.is_none() && !self.tally && !self.resync
    }

    fn event(&mut self, event: Arc<Event>) {
        self.tally |= counts_change(&event);
        self.events.push(event);
    }
}

/// Starts election `room`'s broadcaster, which runs until its room empties or the node stops.
/// It subscribes here, before the caller seats (and greets) the room's first viewer, so no
/// event falls between that greeting and the first batch.
pub fn start(state: &AppState, room: Arc<Room>) {
    let events = state.engine.subscribe();
    let resets = state.engine.resets();
    let checkpoints = state.checkpoints.subscribe();
    let task = run(state.clone(), room, events, resets, checkpoints);
    state.tasks.spawn(task);
}

async fn run(
    state: AppState,
    room: Arc<Room>,
    mut events: broadcast::Receiver<Arc<Event>>,
    mut resets: watch::Receiver<u64>,
    mut checkpoints: broadcast::Receiver<Arc<Checkpoint>>,
) {
    let election = room.election().to_string();
    let mut pending = Pending::default();
    let mut last_batch: Option<Instant> = None;
    loop {
        let due =
            (!pending.is_empty()).then(|| last_batch.map_or_else(Instant::now, |at| at + INTERVAL));
        tokio::select! {
            biased;
            _ = state.tasks.stopping() => break,
            // Before new events, so that a steady stream cannot hold a due batch back.
            _ = sleep_until(due), if due.is_some() => {
                // The rest of a commit whose first event armed the timer is already waiting.
                drain(&mut events, &election, &mut pending);
                let batch = std::mem::take(&mut pending);
                if room.fan_out(|| frames(&state, &election, batch)) == FanOut::Closed {
                    break;
                }
                last_batch = Some(Instant::now());
            }
            received = events.recv() => match received {
                Ok(event) if event.election_id == election => {
                    pending.event(event);
                    drain(&mut events, &election, &mut pending);
                }
                // Another election's: a chance to notice that nobody watches any more.
                Ok(_) => {
                    if pending.is_empty() && room.close_if_empty() {
                        break;
                    }
                }
                Err(RecvError::Lagged(missed)) => {
                    tracing::debug!(missed, election, "the broadcaster fell behind: greeting again");
                    pending.resync = true;
                }
                Err(RecvError::Closed) => break,
            },
            signed = checkpoints.recv() => match signed {
                Ok(checkpoint) if checkpoint.election_id == election => {
                    pending.checkpoint = Some(checkpoint);
                }
                Ok(_) => {}
                // Missed some: the latest is what matters.
                Err(RecvError::Lagged(_)) => pending.checkpoint = state.checkpoints.latest(&election),
                Err(RecvError::Closed) => break,
            },
            // A snapshot replaced the log: no events describe the change.
            reset = resets.changed() => match reset {
                Ok(()) => pending.resync = true,
                Err(_) => break,
            },
        }
    }
    state.frames.rooms().remove(&room);
}

/// Takes the events already waiting (at most [`DRAIN`]) without waiting for more.
fn drain(events: &mut broadcast::Receiver<Arc<Event>>, election: &str, pending: &mut Pending) {
    for _ in 0..DRAIN {
        match events.try_recv() {
            Ok(event) if event.election_id == election => pending.event(event),
            Ok(_) => {}
            Err(TryRecvError::Lagged(_)) => pending.resync = true,
            Err(TryRecvError::Empty | TryRecvError::Closed) => break,
        }
    }
}

/// The frames of one batch, in the order the viewers must read them. Called under the room's
/// lock, so the tally is the state at the moment the batch is queued.
fn frames(state: &AppState, election: &str, batch: Pending) -> Vec<Utf8Bytes> {
    if batch.resync {
        // The same greeting for every public viewer: it names no connection.
        let greeting = greeting(state, election, false);
        return greeting.into_iter().filter_map(Push::into_text).collect();
    }
    let mut pushes: Vec<Push> = Vec::new();
    for event in &batch.events {
        pushes.extend(event_pushes(state, election, event, Audience::Public));
    }
    if let Some(checkpoint) = &batch.checkpoint {
        pushes.extend(state.frames.checkpoint(checkpoint).map(Push::Shared));
    }
    if batch.tally {
        let elections = state.engine.read();
        if let Some(current) = elections.get(election) {
            pushes.extend(tally(&state.frames, election, current));
        }
    }
    pushes.into_iter().filter_map(Push::into_text).collect()
}

async fn sleep_until(deadline: Option<Instant>) {
    if let Some(deadline) = deadline {
        tokio::time::sleep_until(deadline).await;
    }
}
