//! The latest co-signed checkpoint of each election, shared by the checkpointer that makes
//! them, the route that serves them and the WebSocket sessions that push them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use shared::checkpoint::Checkpoint;
use shared::ElectionId;
use tokio::sync::broadcast;

/// The latest co-signed checkpoint of each election, and the fan-out of new ones.
#[derive(Clone)]
pub struct CheckpointBoard {
    latest: Arc<Mutex<HashMap<ElectionId, Arc<Checkpoint>>>>,
    published: broadcast::Sender<Arc<Checkpoint>>,
}

impl Default for CheckpointBoard {
    fn default() -> Self {
        CheckpointBoard {
            latest: Arc::default(),
            published: broadcast::channel(64).0,
        }
    }
}

impl CheckpointBoard {
    pub fn latest(&self, election: &str) -> Option<Arc<Checkpoint>> {
        let latest = self.latest.lock().unwrap_or_else(PoisonError::into_inner);
        latest.get(election).cloned()
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Checkpoint>> {
        self.published.subscribe()
    }

    /// Makes `checkpoint` the latest of its election (unless a larger tree is already) and
    /// pushes it to the viewers.
    pub fn publish(&self, checkpoint: Checkpoint) {
        let checkpoint = Arc::new(checkpoint);
        {
            let mut latest = self.latest.lock().unwrap_or_else(PoisonError::into_inner);
            let newer = latest
                .get(&checkpoint.election_id)
                .is_none_or(|old| old.tree_size <= checkpoint.tree_size);
            if !newer {
                return;
            }
            latest.insert(checkpoint.election_id.clone(), checkpoint.clone());
        }
        // No viewer listening is fine.
        let _ = self.published.send(checkpoint);
    }
}
