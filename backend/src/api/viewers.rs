//! Who watches each election's public pushes: one [`Room`] per election, holding the send
//! queues of its public viewers, which the election's broadcaster (`ws/broadcaster.rs`) fills
//! once per interval with one shared batch of frames.
//!
//! Before, every viewer's session was woken for every event and every tally, so one vote cost
//! 10,000 wake-ups, 10,000 lookups under the same locks and two socket writes per viewer. A
//! room lets one task decide what an interval's viewers get, serialise it once and hand every
//! viewer a handle to the same bytes; each connection's writer then writes the batch with one
//! flush.
//!
//! Joining and fanning out both hold the room's lock, so a viewer's greeting and the batches
//! it is sent never cross: every batch queued after a greeting was made after it, from a state
//! at least as new (no tally goes backwards, no event falls between them).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::extract::ws::{Message, Utf8Bytes};
use shared::ElectionId;
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio_util::sync::CancellationToken;

/// What a connection's writer is handed: one frame of its own, or frames written back to back
/// and flushed once (a batch shared by every viewer of an interval, or a greeting).
pub enum Outgoing {
    One(Message),
    Frames(Arc<[Utf8Bytes]>),
}

/// A viewer as its room sees it: its bounded send queue, and the signal that closes it when
/// that queue is full (the session then closes ahead of the backlog, 4008).
#[derive(Clone)]
pub struct Viewer {
    pub queue: mpsc::Sender<Outgoing>,
    pub too_slow: CancellationToken,
}

/// Every election's room on this node (a cheap handle).
#[derive(Clone, Default)]
pub struct Rooms {
    rooms: Arc<Mutex<HashMap<ElectionId, Arc<Room>>>>,
}

/// One election's public viewers.
pub struct Room {
    election: ElectionId,
    members: Mutex<Members>,
}

#[derive(Default)]
struct Members {
    viewers: HashMap<u64, Viewer>,
    next_id: u64,
    /// Its broadcaster stopped: nobody may join any more (a new room replaces it).
    closed: bool,
}

/// A viewer's place in a room; leaving it (dropping it) takes the viewer out.
pub struct Seat {
    room: Arc<Room>,
    id: u64,
}

impl Drop for Seat {
    fn drop(&mut self) {
        self.room.lock().viewers.remove(&self.id);
    }
}

/// What a fan-out did.
#[derive(Debug, PartialEq, Eq)]
pub enum FanOut {
    /// Queued for this many viewers.
    Sent(usize),
    /// The room was empty and is now closed: its broadcaster should stop.
    Closed,
}

impl Rooms {
    /// The room of `election`, and whether it was just opened (then its broadcaster must be
    /// started by the caller). A closed room is replaced.
    pub fn open(&self, election: &str) -> (Arc<Room>, bool) {
        let mut rooms = self.rooms.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(room) = rooms.get(election) {
            if !room.lock().closed {
                return (room.clone(), false);
            }
        }
        let room = Arc::new(Room {
            election: election.to_string(),
            members: Mutex::default(),
        });
        rooms.insert(election.to_string(), room.clone());
        (room, true)
    }

    /// Forgets `room` once its broadcaster has stopped, unless a new room already replaced it.
    pub fn remove(&self, room: &Arc<Room>) {
        let mut rooms = self.rooms.lock().unwrap_or_else(PoisonError::into_inner);
        if rooms
            .get(&room.election)
            .is_some_and(|r| Arc::ptr_eq(r, room))
        {
            rooms.remove(&room.election);
        }
    }
}

impl Room {
    pub fn election(&self) -> &str {
        &self.election
    }

    /// Seats `viewer` after `greet` queued its greeting, both under the room's lock (see the
    /// module's doc). `None` when the room has closed meanwhile (open it again) or `greet`
    /// refused (the viewer's queue is gone).
    pub fn join(
        self: &Arc<Self>,
        viewer: Viewer,
        greet: impl FnOnce(&Viewer) -> bool,
    ) -> Option<Seat> {
        let mut members = self.lock();
        if members.closed || !greet(&viewer) {
            return None;
        }
        let id = members.next_id;
        members.next_id += 1;
        members.viewers.insert(id, viewer);
        Some(Seat {
            room: self.clone(),
            id,
        })
    }

    /// Queues the frames `make` returns for every viewer, as one item each. A viewer whose
    /// queue is full is told it is too slow and leaves; one whose queue is gone just leaves.
    /// An empty room is closed instead, without calling `make`.
    pub fn fan_out(&self, make: impl FnOnce() -> Vec<Utf8Bytes>) -> FanOut {
        let mut members = self.lock();
        if members.viewers.is_empty() {
            members.closed = true;
            return FanOut::Closed;
        }
        let frames: Arc<[Utf8Bytes]> = make().into();
        if frames.is_empty() {
            return FanOut::Sent(0);
        }
        members.viewers.retain(|_, viewer| {
            match viewer.queue.try_send(Outgoing::Frames(frames.clone())) {
                Ok(()) => true,
                Err(TrySendError::Full(_)) => {
                    viewer.too_slow.cancel();
                    false
                }
                Err(TrySendError::Closed(_)) => false,
            }
        });
        FanOut::Sent(members.viewers.len())
    }

    /// Closes the room if nobody is in it; says whether it did.
    pub fn close_if_empty(&self) -> bool {
        let mut members = self.lock();
        members.closed |= members.viewers.is_empty();
        members.closed
    }

    pub fn len(&self) -> usize {
        self.lock().viewers.len()
    }

    fn lock(&self) -> MutexGuard<'_, Members> {
        self.members.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(capacity: usize) -> (Viewer, mpsc::Receiver<Outgoing>) {
        let (queue, queued) = mpsc::channel(capacity);
        let viewer = Viewer {
            queue,
            too_slow: CancellationToken::new(),
        };
        (viewer, queued)
    }

    fn texts(outgoing: Outgoing) -> Vec<String> {
        match outgoing {
            Outgoing::Frames(frames) => frames.iter().map(|t| t.as_str().to_string()).collect(),
            Outgoing::One(_) => panic!("a batch was expected"),
        }
    }

    #[test]
    fn a_batch_reaches_every_viewer_as_one_item_after_its_greeting() {
        let rooms = Rooms::default();
        let (room, opened) = rooms.open("e");
        assert!(opened);
        let (first, mut first_rx) = viewer(4);
        let (second, mut second_rx) = viewer(4);
        let greet = |v: &Viewer| {
            v.queue
                .try_send(Outgoing::Frames(vec![Utf8Bytes::from("hello")].into()))
                .is_ok()
        };
        let _a = room.join(first, greet).expect("seated");
        let _b = room.join(second, greet).expect("seated");
        assert!(!rooms.open("e").1, "the same room");

        let sent = room.fan_out(|| vec!["n1".into(), "n2".into(), "tally".into()]);
        assert_eq!(sent, FanOut::Sent(2));
        for rx in [&mut first_rx, &mut second_rx] {
            assert_eq!(texts(rx.try_recv().unwrap()), ["hello"]);
            assert_eq!(texts(rx.try_recv().unwrap()), ["n1", "n2", "tally"]);
            assert!(rx.try_recv().is_err(), "one item per batch");
        }
    }

    #[test]
    fn a_full_viewer_is_told_it_is_too_slow_and_the_others_still_get_the_batch() {
        let rooms = Rooms::default();
        let (room, _) = rooms.open("e");
        let (slow, _slow_rx) = viewer(1);
        let (fast, mut fast_rx) = viewer(8);
        let slow_signal = slow.too_slow.clone();
        let _s = room.join(slow, |_| true).unwrap();
        let _f = room.join(fast, |_| true).unwrap();
        assert_eq!(room.fan_out(|| vec!["1".into()]), FanOut::Sent(2));
        assert_eq!(room.fan_out(|| vec!["2".into()]), FanOut::Sent(1));
        assert!(slow_signal.is_cancelled());
        assert_eq!(room.len(), 1);
        assert_eq!(texts(fast_rx.try_recv().unwrap()), ["1"]);
        assert_eq!(texts(fast_rx.try_recv().unwrap()), ["2"]);
    }

    #[test]
    fn an_empty_room_closes_and_is_replaced_on_the_next_open() {
        let rooms = Rooms::default();
        let (room, _) = rooms.open("e");
        let (v, _rx) = viewer(1);
        let seat = room.join(v, |_| true).unwrap();
        drop(seat);
        assert_eq!(room.len(), 0);
        assert_eq!(
            room.fan_out(|| panic!("not made for nobody")),
            FanOut::Closed
        );
        let (v, _rx) = viewer(1);
        assert!(
            room.join(v, |_| true).is_none(),
            "a closed room seats nobody"
        );
        let (again, opened) = rooms.open("e");
        assert!(opened && !Arc::ptr_eq(&room, &again));
        rooms.remove(&room);
        assert!(!rooms.open("e").1, "the new room stays");
    }
}
