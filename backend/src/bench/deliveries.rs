//! What `bench-viewers`' viewers saw: every tally each viewer received, by the last event it
//! shows (`as_of_seq`) and when it came, so that a vote (known by its event's seq) reached a
//! viewer at the first tally at or past that seq.
//!
//! Keyed by seq rather than by the number of votes, so that the background votes of
//! `--load-votes-per-sec` (which move the totals too) do not count as the timed ones.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// What the viewers saw, shared by their tasks; viewers are numbered from 0.
pub struct Deliveries {
    pub started: Instant,
    /// Per viewer: its tallies as `(as_of_seq, ns since started)`, in the order received.
    timelines: Vec<Mutex<Vec<(u64, u64)>>>,
    /// Per viewer: the largest `as_of_seq` it has seen.
    latest: Vec<AtomicU64>,
    pub greeted: AtomicUsize,
    pub closed: AtomicUsize,
    pub failure: Mutex<Option<String>>,
}

impl Deliveries {
    pub fn new(viewers: usize) -> Self {
        Deliveries {
            started: Instant::now(),
            timelines: (0..viewers).map(|_| Mutex::new(Vec::new())).collect(),
            latest: (0..viewers).map(|_| AtomicU64::new(0)).collect(),
            greeted: AtomicUsize::new(0),
            closed: AtomicUsize::new(0),
            failure: Mutex::new(None),
        }
    }

    pub fn now_ns(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// Viewer `viewer` received a tally as of event `seq`.
    pub fn seen(&self, viewer: usize, seq: u64) {
        let now = self.now_ns();
        let Some(latest) = self.latest.get(viewer) else {
            return;
        };
        if latest.fetch_max(seq, Ordering::AcqRel) >= seq {
            return; // Nothing new for this viewer.
        }
        let mut timeline = self.timelines[viewer]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        timeline.push((seq, now));
    }

    /// Whether every viewer has seen a tally at or past `seq`.
    pub fn all_reached(&self, seq: u64) -> bool {
        self.latest.iter().all(|l| l.load(Ordering::Acquire) >= seq)
    }

    /// When the last viewer first saw a tally at or past `seq` (ns since started); `None`
    /// while some viewer has not.
    pub fn reached_ns(&self, seq: u64) -> Option<u64> {
        let mut last = 0;
        for timeline in &self.timelines {
            let timeline = timeline.lock().unwrap_or_else(PoisonError::into_inner);
            let first = timeline.partition_point(|(s, _)| *s < seq);
            last = last.max(timeline.get(first)?.1);
        }
        Some(last)
    }

    pub fn fail(&self, why: String) {
        let mut failure = self.failure.lock().unwrap_or_else(PoisonError::into_inner);
        failure.get_or_insert(why);
    }

    pub fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vote_is_reached_when_the_last_viewer_sees_a_tally_at_or_past_its_seq() {
        let deliveries = Deliveries::new(2);
        deliveries.seen(0, 12); // The first viewer sees events up to 12 at once.
        assert_eq!(deliveries.reached_ns(10), None, "the second has not");
        assert!(!deliveries.all_reached(10));
        deliveries.seen(1, 10);
        let at_10 = deliveries.reached_ns(10).expect("both saw 10");
        assert_eq!(deliveries.reached_ns(11), None);
        deliveries.seen(1, 9); // An older tally changes nothing.
        deliveries.seen(1, 15);
        assert!(deliveries.all_reached(12));
        let at_12 = deliveries.reached_ns(12).unwrap();
        assert!(at_12 >= at_10);
        assert_eq!(deliveries.reached_ns(16), None);
    }
}
