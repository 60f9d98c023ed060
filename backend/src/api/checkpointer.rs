//! The checkpointer: every member (and the tally) signs a checkpoint of each election's public
//! log at least every second while it grows and at once after every phase change, has the
//! others co-sign it, records it with the leaves it covers, and pushes it to the election's
//! WebSocket viewers.
//!
//! Each member runs its own: its viewers then see checkpoints of what it has applied, and its
//! database keeps what it signed for `ballot audit --data-dir`. A tree the others cannot
//! co-sign yet (they are behind, or unreachable) is tried again on the next tick.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use shared::checkpoint::Checkpoint;
use shared::{ElectionId, EventPayload};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::MissedTickBehavior;
use tokio_util::sync::CancellationToken;

use super::checkpoint::{cosigned, gather_keys};
use super::state::AppState;
use crate::store;

/// How often a growing log gets a new checkpoint.
pub const EVERY: Duration = Duration::from_secs(1);

/// Whether `payload` changes an election's phase: such an event gets a checkpoint at once.
fn changes_phase(payload: &EventPayload) -> bool {
    matches!(
        payload,
        EventPayload::VotingStarted
            | EventPayload::VotingClosed { .. }
            | EventPayload::ResultsPublished
    )
}

/// The checkpointer's loop, until the node stops.
pub async fn run(state: AppState, stop: CancellationToken) {
    let pool = state.engine.pool().clone();
    // What is already recorded: the leaves per election, and the latest checkpoints.
    let mut recorded: HashMap<ElectionId, u64> = HashMap::new();
    match store::checkpoints::latest(&pool).await {
        Ok(found) => found.into_iter().for_each(|c| state.checkpoints.publish(c)),
        Err(error) => tracing::warn!(%error, "reading the recorded checkpoints"),
    }
    let mut events = state.engine.subscribe();
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut known_keys = store::checkpoints::keys(&pool).await.unwrap_or_default();
    loop {
        let mut urgent = HashSet::new();
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tick.tick() => {}
            received = events.recv() => match received {
                Ok(event) if changes_phase(&event.payload) => {
                    urgent.insert(event.election_id.clone());
                }
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return,
            },
        }
        let due: Vec<ElectionId> = {
            let elections = state.engine.read();
            elections
                .iter()
                .filter(|(id, e)| {
                    urgent.contains(*id)
                        || state
                            .checkpoints
                            .latest(id)
                            .is_none_or(|c| c.tree_size < e.public.size())
                })
                .map(|(id, _)| id.clone())
                .collect()
        };
        for id in due {
            let started = Instant::now();
            let checkpoint = tokio::select! {
                _ = stop.cancelled() => return,
                signed = cosigned(&state, &id) => match signed {
                    Ok(checkpoint) => {
                        state.telemetry.checkpoint(started.elapsed(), true);
                        checkpoint
                    }
                    Err(error) => {
                        state.telemetry.checkpoint(started.elapsed(), false);
                        tracing::debug!(election = %id, %error, "no checkpoint this time");
                        continue;
                    }
                },
            };
            // A signature no known key verifies: a member is new or made a new key (its data
            // directory was wiped). Ask again, and keep every key seen.
            if checkpoint
                .verify(&known_keys, checkpoint.signatures.len())
                .is_err()
            {
                let keys = gather_keys(&state).await;
                if let Err(error) = store::checkpoints::record_keys(&pool, &keys).await {
                    tracing::warn!(%error, "recording the members' keys");
                } else if let Err(error) = state.engine.wal().sync().await {
                    tracing::warn!(%error, "syncing the members' keys");
                }
                for key in keys {
                    if !known_keys.contains(&key) {
                        known_keys.push(key);
                    }
                }
            }
            if let Err(error) = record(&state, &pool, &mut recorded, &checkpoint).await {
                tracing::warn!(election = %id, %error, "recording a checkpoint");
            }
            state.checkpoints.publish(checkpoint);
        }
    }
}

/// Records `checkpoint` with the leaves it covers that are not recorded yet.
async fn record(
    state: &AppState,
    pool: &sqlx::SqlitePool,
    recorded: &mut HashMap<ElectionId, u64>,
    checkpoint: &Checkpoint,
) -> Result<(), store::StoreError> {
    let id = &checkpoint.election_id;
    let first = match recorded.get(id) {
        Some(count) => *count,
        None => store::checkpoints::leaf_count(pool, id).await?,
    };
    let size = checkpoint.tree_size;
    let leaves = state
        .election(id, |e| {
            let leaves = e.public.tree.leaves();
            let end = (size as usize).min(leaves.len());
            leaves.get(first as usize..end).map(<[_]>::to_vec)
        })
        .ok()
        .flatten()
        .unwrap_or_default();
    store::checkpoints::record(pool, checkpoint, first, &leaves).await?;
    // A published checkpoint is a promise: its record survives a power cut.
    state.engine.wal().sync().await.map_err(sqlx::Error::Io)?;
    recorded.insert(id.clone(), first.max(first + leaves.len() as u64));
    Ok(())
}
