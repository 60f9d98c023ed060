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
mod tests {
    use super::*;
    use tokio::sync::{mpsc, oneshot};
    use tokio::time::{timeout, Duration};

    /// Jobs report their key when they start, then wait until released.
    type Job = (u32, oneshot::Receiver<()>);

    fn blocking_queue(
        max: usize,
        capacity: usize,
    ) -> (VoteQueue<Job>, mpsc::UnboundedReceiver<u32>) {
        let (queue, mut batches) = batching_queue(max, capacity, 1);
        let (started_tx, started_rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(batch) = batches.recv().await {
                for id in batch {
                    let _ = started_tx.send(id);
                }
            }
        });
        (queue, started_rx)
    }

    /// Each batch reports its jobs' keys when it starts, then waits until they are released.
    fn batching_queue(
        max: usize,
        capacity: usize,
        max_batch: usize,
    ) -> (VoteQueue<Job>, mpsc::UnboundedReceiver<Vec<u32>>) {
        let (started_tx, started_rx) = mpsc::unbounded_channel();
        let queue = VoteQueue::start(
            max,
            capacity,
            max_batch,
            move |batch: Vec<Job>| {
                let started = started_tx.clone();
                async move {
                    let (ids, releases): (Vec<u32>, Vec<_>) = batch.into_iter().unzip();
                    let _ = started.send(ids);
                    for release in releases {
                        let _ = release.await;
                    }
                }
            },
            &Tasks::new(),
        );
        (queue, started_rx)
    }

    async fn next_batch(started: &mut mpsc::UnboundedReceiver<Vec<u32>>) -> Vec<u32> {
        timeout(Duration::from_secs(5), started.recv())
            .await
            .unwrap()
            .unwrap()
    }

    /// What piles up while the worker is busy goes out in batches of at most `max_batch`, each
    /// in (Lamport, voter) order and the batches one after another in that order.
    #[tokio::test]
    async fn waiting_jobs_are_batched_in_lamport_then_voter_order_within_and_across_batches() {
        let (queue, mut started) = batching_queue(1, 100, 3);
        let (first_release, first) = oneshot::channel();
        queue.push(1, 10, (100, first)).unwrap();
        assert_eq!(next_batch(&mut started).await, vec![100]);
        let mut releases = Vec::new();
        for (lamport, voter, id) in [
            (9, 1, 6),
            (5, 7, 3),
            (5, 3, 2),
            (2, 9, 1),
            (7, 2, 5),
            (6, 8, 4),
        ] {
            let (release, rx) = oneshot::channel();
            releases.push(release);
            queue.push(lamport, voter, (id, rx)).unwrap();
        }
        assert_eq!(queue.status().depth, 6);
        drop(first_release);
        drop(releases);
        assert_eq!(next_batch(&mut started).await, vec![1, 2, 3]);
        assert_eq!(next_batch(&mut started).await, vec![4, 5, 6]);
        // One commit in flight at a time, whatever it carries.
        assert_eq!(queue.status().peak_in_flight, 1);
    }

    #[tokio::test]
    async fn waiting_jobs_run_in_lamport_then_voter_order_and_a_full_queue_refuses() {
        let (queue, mut started) = blocking_queue(1, 3);
        let (first_release, first) = oneshot::channel();
        queue.push(1, 10, (100, first)).unwrap();
        assert_eq!(
            timeout(Duration::from_secs(5), started.recv())
                .await
                .unwrap(),
            Some(100)
        );
        // The single worker is busy: these wait, and the fourth is refused.
        let mut releases = Vec::new();
        for (lamport, voter, id) in [(9, 1, 301), (5, 7, 202), (5, 3, 201)] {
            let (release, rx) = oneshot::channel();
            releases.push(release);
            queue.push(lamport, voter, (id, rx)).unwrap();
        }
        let (_r, rx) = oneshot::channel();
        assert_eq!(queue.push(1, 4, (999, rx)), Err(PushError::Full));
        // A voter already holding a place (waiting, or in flight) gets no second one.
        for voter in [7, 10] {
            let (_r, rx) = oneshot::channel();
            assert_eq!(
                queue.push(0, voter, (998, rx)),
                Err(PushError::VoterWaiting)
            );
        }
        assert_eq!(queue.status().depth, 3);
        assert_eq!(queue.status().in_flight, 1);
        drop(first_release);
        drop(releases);
        let mut order = Vec::new();
        for _ in 0..3 {
            order.push(
                timeout(Duration::from_secs(5), started.recv())
                    .await
                    .unwrap()
                    .unwrap(),
            );
        }
        assert_eq!(order, vec![201, 202, 301]);
        assert_eq!(queue.status().peak_depth, 3);
        assert_eq!(queue.status().peak_in_flight, 1);
    }

    #[tokio::test]
    async fn no_more_than_max_concurrent_jobs_run_at_once() {
        let (queue, mut started) = blocking_queue(2, 10);
        let mut releases = Vec::new();
        for id in 0..5 {
            let (release, rx) = oneshot::channel();
            releases.push(release);
            queue.push(id, id as u32, (id as u32, rx)).unwrap();
        }
        for _ in 0..2 {
            timeout(Duration::from_secs(5), started.recv())
                .await
                .unwrap()
                .unwrap();
        }
        assert_eq!(queue.status().in_flight, 2);
        assert_eq!(queue.status().depth, 3);
        drop(releases);
        for _ in 0..3 {
            timeout(Duration::from_secs(5), started.recv())
                .await
                .unwrap()
                .unwrap();
        }
        assert_eq!(queue.status().peak_in_flight, 2);
    }
}
