//! What `bench-viewers`' viewers saw: for each vote, how many viewers have yet to receive a
//! tally including it, and when the last one did.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// Not yet seen by every viewer.
pub const NOT_YET: u64 = u64::MAX;

/// What the viewers saw, shared by their tasks. Votes are numbered from 0 in casting order;
/// vote `k` is included in a tally once `total_votes > baseline + k`.
pub struct Deliveries {
    pub started: Instant,
    pub baseline: u64,
    /// Per vote: how many viewers have not yet received a tally including it.
    pub remaining: Vec<AtomicUsize>,
    /// Per vote: when the last viewer received it (ns since `started`), or [`NOT_YET`].
    pub reached_ns: Vec<AtomicU64>,
    pub greeted: AtomicUsize,
    pub closed: AtomicUsize,
    pub failure: Mutex<Option<String>>,
}

impl Deliveries {
    pub fn new(baseline: u64, votes: usize, viewers: usize) -> Self {
        Deliveries {
            started: Instant::now(),
            baseline,
            remaining: (0..votes).map(|_| AtomicUsize::new(viewers)).collect(),
            reached_ns: (0..votes).map(|_| AtomicU64::new(NOT_YET)).collect(),
            greeted: AtomicUsize::new(0),
            closed: AtomicUsize::new(0),
            failure: Mutex::new(None),
        }
    }

    pub fn now_ns(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(NOT_YET - 1)
    }

    /// One viewer's tally went from `before` to `after` votes: the votes in between reached it.
    pub fn seen(&self, before: u64, after: u64) {
        let now = self.now_ns();
        for total in before.max(self.baseline) + 1..=after {
            let Some(index) = usize::try_from(total - self.baseline - 1).ok() else {
                continue;
            };
            let Some(remaining) = self.remaining.get(index) else {
                continue;
            };
            if remaining.fetch_sub(1, Ordering::AcqRel) == 1 {
                self.reached_ns[index].store(now, Ordering::Release);
            }
        }
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
    fn a_vote_is_reached_when_the_last_viewer_sees_a_total_including_it() {
        let deliveries = Deliveries::new(5, 3, 2);
        deliveries.seen(5, 7); // The first viewer sees votes 0 and 1 at once.
        assert!(deliveries
            .reached_ns
            .iter()
            .all(|r| r.load(Ordering::Acquire) == NOT_YET));
        deliveries.seen(5, 6); // The second sees vote 0 only.
        assert_ne!(deliveries.reached_ns[0].load(Ordering::Acquire), NOT_YET);
        assert_eq!(deliveries.reached_ns[1].load(Ordering::Acquire), NOT_YET);
        deliveries.seen(6, 9); // Beyond the bench's own votes: ignored.
        deliveries.seen(7, 8);
        assert_eq!(
            deliveries
                .remaining
                .iter()
                .map(|r| r.load(Ordering::Acquire))
                .collect::<Vec<_>>(),
            [0, 0, 0]
        );
    }
}
