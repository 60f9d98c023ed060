//! The bounded vote queue: at most `max_concurrent` commits are in flight at once, the rest
//! wait in (Lamport time, voter id) order, and a full queue refuses instead of growing. A
//! worker that becomes free takes every waiting vote, up to `max_batch`, in that order, and
//! commits them as one batch: under load one commit carries hundreds of votes, so the
//! cluster fills each fsync instead of waiting on one per vote.
//!
//! This is the original system's mutual exclusion around voting. Ordering by Lamport time means
//! that when votes pile up, the one that happened first (in the logical sense) is served first;
//! ties go to the lower voter id, then to arrival order. The time is the one the node stamped
//! after merging the client's (never the client's alone, which it could inflate to jump the
//! queue), and a voter holds at most one place: a second vote while the first waits or is
//! being committed is refused, so one voter cannot crowd others out.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use shared::dto::QueueStatus;
use shared::ids::{LamportTime, VoterId};
use tokio::sync::{watch, Notify};

use crate::tasks::Tasks;

/// Why a job was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushError {
    /// `capacity` jobs are already waiting; the client should retry later.
    Full,
    /// This voter already has a job waiting or in flight.
    VoterWaiting,
}

/// Handle to the queue; cheap to clone.
pub struct VoteQueue<J> {
    inner: Arc<Inner<J>>,
}

impl<J> Clone for VoteQueue<J> {
    fn clone(&self) -> Self {
        VoteQueue {
            inner: self.inner.clone(),
        }
    }
}

struct Inner<J> {
    waiting: Mutex<Places<J>>,
    /// Wakes one idle worker per pushed job (a permit is stored if none is idle).
    ready: Notify,
    capacity: u64,
    max_concurrent: u64,
    max_batch: usize,
    in_flight: AtomicU64,
    peak_depth: AtomicU64,
    peak_in_flight: AtomicU64,
    arrivals: AtomicU64,
    /// Bumped whenever the figures change, so the admin stream can push them.
    changed: watch::Sender<u64>,
}

/// The waiting jobs and every voter holding a place (waiting or in flight).
struct Places<J> {
    heap: BinaryHeap<Reverse<Waiting<J>>>,
    /// (election, voter): voter ids are per election.
    voters: HashSet<(String, VoterId)>,
}

struct Waiting<J> {
    key: (LamportTime, VoterId, u64),
    election: String,
    job: J,
}

impl<J> PartialEq for Waiting<J> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl<J> Eq for Waiting<J> {}
impl<J> PartialOrd for Waiting<J> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<J> Ord for Waiting<J> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl<J: Send + 'static> VoteQueue<J> {
    /// Starts `max_concurrent` workers on `tasks` that run `handler` on each batch (up to
    /// `max_batch` jobs, in queue order) until the node stops; a batch in flight then is
    /// dropped (its handlers answer 503).
    pub fn start<F, Fut>(
        max_concurrent: usize,
        capacity: usize,
        max_batch: usize,
        handler: F,
        tasks: &Tasks,
    ) -> VoteQueue<J>
    where
        F: Fn(Vec<J>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let inner = Arc::new(Inner {
            waiting: Mutex::new(Places {
                heap: BinaryHeap::new(),
                voters: HashSet::new(),
            }),
            ready: Notify::new(),
            capacity: capacity as u64,
            max_concurrent: max_concurrent.max(1) as u64,
            max_batch: max_batch.max(1),
            in_flight: AtomicU64::new(0),
            peak_depth: AtomicU64::new(0),
            peak_in_flight: AtomicU64::new(0),
            arrivals: AtomicU64::new(0),
            changed: watch::channel(0).0,
        });
        let handler = Arc::new(handler);
        for _ in 0..inner.max_concurrent {
            let (inner, handler, stop) = (inner.clone(), handler.clone(), tasks.stop_signal());
            tasks.spawn(async move {
                loop {
                    if stop.is_cancelled() {
                        return;
                    }
                    let (holders, batch) = inner.pop_batch();
                    if batch.is_empty() {
                        tokio::select! {
                            _ = inner.ready.notified() => continue,
                            _ = stop.cancelled() => return,
                        }
                    }
                    let now = inner.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    inner.peak_in_flight.fetch_max(now, Ordering::SeqCst);
                    inner.bump();
                    tokio::select! {
                        _ = handler(batch) => {}
                        _ = stop.cancelled() => return,
                    }
                    {
                        let mut places = inner.lock();
                        for holder in &holders {
                            places.voters.remove(holder);
                        }
                    }
                    inner.in_flight.fetch_sub(1, Ordering::SeqCst);
                    inner.bump();
                }
            });
        }
        VoteQueue { inner }
    }
}

impl<J> VoteQueue<J> {
    /// Queues a job, or refuses it when `capacity` jobs are already waiting or this voter
    /// already holds a place.
    pub fn push(&self, lamport: LamportTime, voter_id: VoterId, job: J) -> Result<(), PushError> {
        self.push_in(shared::DEFAULT_ELECTION, lamport, voter_id, job)
    }

    /// [`VoteQueue::push`] for a voter of `election` (voter ids are per election).
    pub fn push_in(
        &self,
        election: &str,
        lamport: LamportTime,
        voter_id: VoterId,
        job: J,
    ) -> Result<(), PushError> {
        let arrival = self.inner.arrivals.fetch_add(1, Ordering::SeqCst);
        {
            let mut places = self.inner.lock();
            let holder = (election.to_string(), voter_id);
            if places.voters.contains(&holder) {
                return Err(PushError::VoterWaiting);
            }
            if places.heap.len() as u64 >= self.inner.capacity {
                return Err(PushError::Full);
            }
            places.voters.insert(holder);
            places.heap.push(Reverse(Waiting {
                key: (lamport, voter_id, arrival),
                election: election.to_string(),
                job,
            }));
            self.inner
                .peak_depth
                .fetch_max(places.heap.len() as u64, Ordering::SeqCst);
        }
        self.inner.ready.notify_one();
        self.inner.bump();
        Ok(())
    }

    pub fn status(&self) -> QueueStatus {
        QueueStatus {
            depth: self.inner.lock().heap.len() as u64,
            in_flight: self.inner.in_flight.load(Ordering::SeqCst),
            max_concurrent: self.inner.max_concurrent,
            capacity: self.inner.capacity,
            peak_depth: self.inner.peak_depth.load(Ordering::SeqCst),
            peak_in_flight: self.inner.peak_in_flight.load(Ordering::SeqCst),
        }
    }

    /// A receiver that changes whenever the figures do.
    pub fn watch(&self) -> watch::Receiver<u64> {
        self.inner.changed.subscribe()
    }
}

impl<J> Inner<J> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Places<J>> {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next jobs in queue order, up to `max_batch`, and their voters (who keep their
    /// places until the batch is done).
    #[allow(clippy::type_complexity)]
    fn pop_batch(&self) -> (Vec<(String, VoterId)>, Vec<J>) {
        let mut places = self.lock();
        let take = places.heap.len().min(self.max_batch);
        let mut holders = Vec::with_capacity(take);
        let mut jobs = Vec::with_capacity(take);
        for _ in 0..take {
            let Some(Reverse(waiting)) = places.heap.pop() else {
                break;
            };
            holders.push((waiting.election, waiting.key.1));
            jobs.push(waiting.job);
        }
        (holders, jobs)
    }

    fn bump(&self) {
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
    }
}

#[cfg(test)]
mod tests;
