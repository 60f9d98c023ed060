//! Public WebSocket pushes serialised once and shared by every viewer of an election.
//!
//! Every public (non-admin) viewer of an election is sent the same tally, notifications,
//! phase changes and checkpoints. Serialising them per connection costs 10,000 serialisations
//! of the same tally when 10,000 screens watch; here the first session that needs a push makes
//! its JSON text and the others take a reference-counted handle to the same bytes
//! ([`Utf8Bytes`] clones share one buffer), so an idle viewer holds no copy of its own.
//!
//! Entries are versioned rather than invalidated: a tally by the election's `last_seq` (the
//! results view is a function of the applied events), an event's pushes by the event's
//! `(election, seq)`, a checkpoint by the identity of the published `Arc`. A session that
//! asks for an older version than the cached one still gets a correct frame: it is made again
//! (never shared with a stale key), so the cache only saves work, it never decides content.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::ws::Utf8Bytes;
use shared::checkpoint::Checkpoint;
use shared::ws::ServerMessage;
use shared::ElectionId;

use super::viewers::Rooms;

/// How many events' public pushes are kept. Sessions handle a broadcast event within
/// milliseconds of each other; one that lags further than this makes its own frames.
const EVENT_FRAMES: usize = 256;

/// The shared frames of every election on this node, and who they go to (a cheap handle).
#[derive(Clone, Default)]
pub struct PublicFrames {
    inner: Arc<Mutex<Frames>>,
    /// Each election's public viewers, which its broadcaster sends these frames to.
    rooms: Rooms,
}

/// An event's public pushes, keyed by its election and seq.
type EventFrames = ((ElectionId, u64), Arc<[Utf8Bytes]>);

#[derive(Default)]
struct Frames {
    /// The latest tally push of each election and the `last_seq` it shows.
    tallies: HashMap<ElectionId, (u64, Utf8Bytes)>,
    /// The public pushes of recent events, oldest first.
    events: VecDeque<EventFrames>,
    /// The latest checkpoint push of each election, with the checkpoint it was made from.
    checkpoints: HashMap<ElectionId, (Arc<Checkpoint>, Utf8Bytes)>,
}

/// One message's JSON text; `None` only if serde refuses it (logged: a bug, not an input).
pub fn serialise(message: &ServerMessage) -> Option<Utf8Bytes> {
    match serde_json::to_string(message) {
        Ok(text) => Some(Utf8Bytes::from(text)),
        Err(error) => {
            tracing::error!(%error, "a server message could not be serialised");
            None
        }
    }
}

impl PublicFrames {
    /// Each election's public viewers.
    pub fn rooms(&self) -> &Rooms {
        &self.rooms
    }

    /// The tally push of `election` at `version` (its `last_seq`), made by `make` only if no
    /// session made it yet. The lock is held while making it, so concurrent sessions wait for
    /// the one serialisation instead of each doing their own.
    pub fn tally(
        &self,
        election: &str,
        version: u64,
        make: impl FnOnce() -> ServerMessage,
    ) -> Option<Utf8Bytes> {
        let mut frames = self.lock();
        if let Some((cached, text)) = frames.tallies.get(election) {
            if *cached == version {
                return Some(text.clone());
            }
            if *cached > version {
                // A late session asking for an older state: correct bytes, not shared.
                return serialise(&make());
            }
        }
        let text = serialise(&make())?;
        frames
            .tallies
            .insert(election.to_string(), (version, text.clone()));
        Some(text)
    }

    /// The public pushes event `seq` of `election` causes, made by `make` once.
    pub fn event(
        &self,
        election: &str,
        seq: u64,
        make: impl FnOnce() -> Vec<ServerMessage>,
    ) -> Arc<[Utf8Bytes]> {
        let mut frames = self.lock();
        let found = frames
            .events
            .iter()
            .rev()
            .find(|((id, s), _)| *s == seq && id == election);
        if let Some((_, texts)) = found {
            return texts.clone();
        }
        let texts: Arc<[Utf8Bytes]> = make().iter().filter_map(serialise).collect();
        if frames.events.len() >= EVENT_FRAMES {
            frames.events.pop_front();
        }
        frames
            .events
            .push_back(((election.to_string(), seq), texts.clone()));
        texts
    }

    /// The `checkpoint` push for `checkpoint`, serialised once per published checkpoint.
    pub fn checkpoint(&self, checkpoint: &Arc<Checkpoint>) -> Option<Utf8Bytes> {
        let mut frames = self.lock();
        if let Some((cached, text)) = frames.checkpoints.get(&checkpoint.election_id) {
            if Arc::ptr_eq(cached, checkpoint) {
                return Some(text.clone());
            }
        }
        let text = serialise(&ServerMessage::Checkpoint {
            checkpoint: Checkpoint::clone(checkpoint),
        })?;
        frames.checkpoints.insert(
            checkpoint.election_id.clone(),
            (checkpoint.clone(), text.clone()),
        );
        Some(text)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Frames> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    fn message(text: &str) -> ServerMessage {
        ServerMessage::Error {
            error: shared::ErrorCode::BadRequest,
            message: text.into(),
        }
    }

    fn same_buffer(a: &Utf8Bytes, b: &Utf8Bytes) -> bool {
        a.as_str().as_ptr() == b.as_str().as_ptr()
    }

    #[test]
    fn a_tally_is_serialised_once_per_version_and_shared() {
        let frames = PublicFrames::default();
        let made = Cell::new(0);
        let make = |text: &'static str| {
            let made = &made;
            move || {
                made.set(made.get() + 1);
                message(text)
            }
        };
        let first = frames.tally("e", 3, make("three")).unwrap();
        let second = frames.tally("e", 3, make("ignored")).unwrap();
        assert_eq!(made.get(), 1);
        assert!(
            same_buffer(&first, &second),
            "the second viewer shares the bytes"
        );

        let newer = frames.tally("e", 4, make("four")).unwrap();
        assert_eq!(made.get(), 2);
        assert!(newer.as_str().contains("four"));
        // A late session asking for version 3 gets its own correct frame, not version 4's.
        let late = frames.tally("e", 3, make("three again")).unwrap();
        assert!(late.as_str().contains("three again"));
        // Another election has its own entry.
        let other = frames.tally("f", 4, make("other")).unwrap();
        assert!(other.as_str().contains("other"));
        assert!(frames
            .tally("e", 4, make("x"))
            .unwrap()
            .as_str()
            .contains("four"));
    }

    #[test]
    fn an_events_pushes_are_made_once_and_old_ones_are_forgotten() {
        let frames = PublicFrames::default();
        let first = frames.event("e", 1, || vec![message("a"), message("b")]);
        let again = frames.event("e", 1, || panic!("made twice"));
        assert_eq!(first.len(), 2);
        assert!(same_buffer(&first[0], &again[0]));
        assert!(
            frames.event("f", 1, Vec::new).is_empty(),
            "elections differ"
        );

        for seq in 2..=(EVENT_FRAMES as u64 + 1) {
            frames.event("e", seq, || vec![message("later")]);
        }
        let remade = frames.event("e", 1, || vec![message("remade")]);
        assert!(
            remade[0].as_str().contains("remade"),
            "evicted, so made again"
        );
    }

    #[test]
    fn a_checkpoint_is_serialised_once_per_published_checkpoint() {
        let frames = PublicFrames::default();
        let checkpoint = Arc::new(Checkpoint {
            election_id: "e".into(),
            tree_size: 1,
            root_hash_hex: "00".into(),
            timestamp_ms: 5,
            signatures: vec![],
        });
        let first = frames.checkpoint(&checkpoint).unwrap();
        let second = frames.checkpoint(&checkpoint).unwrap();
        assert!(same_buffer(&first, &second));
        let next = Arc::new(Checkpoint {
            tree_size: 2,
            ..Checkpoint::clone(&checkpoint)
        });
        let third = frames.checkpoint(&next).unwrap();
        assert!(!same_buffer(&first, &third));
        assert!(third.as_str().contains("\"tree_size\":2"));
    }
}
