//! Whether this node can commit writes right now, for `/health`.
//!
//! A process that answers HTTP is not necessarily useful: a replica cut off from the others
//! has no leader, and a leader cut off from its majority cannot commit. Load balancers and
//! orchestrators should route around both, so `/health` reports them as unhealthy (503);
//! `/health/live` stays the plain liveness probe.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use openraft::async_runtime::{Instant as _, WatchReceiver as _};
use openraft::ServerState;

use crate::raft::{self, Raft};
use crate::tasks::Tasks;

/// How long without a known leader before this node calls itself unable to commit: the
/// longest election timeout, after which a healthy cluster has elected someone.
pub const LEADERLESS_LIMIT: Duration = Duration::from_millis(2_000);
/// How long a leader may go without a majority's acknowledgement (as the ledger's refusal).
pub const QUORUM_SILENCE_LIMIT: Duration = Duration::from_millis(1_500);

/// Since when this node has known no leader (`None` while it knows one).
#[derive(Debug)]
pub struct Liveness {
    leaderless_since: Mutex<Option<Instant>>,
    /// The longest this node, leading, went between two acknowledgements by a majority, in
    /// microseconds (`ballot_raft_quorum_ack_gap_max_seconds`). Heartbeats go every 100 ms;
    /// a gap near 450 ms is a follower about to stand for election.
    longest_ack_gap_us: AtomicU64,
}

impl Liveness {
    /// Starts watching `raft`'s metrics, as one of the node's tasks.
    pub fn watch(raft: &Raft, tasks: &Tasks) -> std::sync::Arc<Liveness> {
        let liveness = std::sync::Arc::new(Liveness {
            leaderless_since: Mutex::new(Some(Instant::now())),
            longest_ack_gap_us: AtomicU64::new(0),
        });
        watch_ack_gaps(liveness.clone(), raft, tasks);
        let (watched, mut metrics) = (liveness.clone(), raft.metrics());
        let stop = tasks.stop_signal();
        tasks.spawn(async move {
            let mut known = None;
            loop {
                let (leader, term) = {
                    let now = metrics.borrow_watched();
                    (now.current_leader, now.current_term)
                };
                // Leader changes in every member's log: what a failed fault schedule's report
                // shows of the elections.
                if known != Some((leader, term)) {
                    known = Some((leader, term));
                    tracing::info!(?leader, term, "leader changed");
                }
                {
                    let mut since = watched.lock();
                    match (leader, *since) {
                        (Some(_), _) => *since = None,
                        (None, None) => *since = Some(Instant::now()),
                        (None, Some(_)) => {}
                    }
                }
                tokio::select! {
                    changed = metrics.changed() => if changed.is_err() { break },
                    _ = stop.cancelled() => return,
                }
            }
            if !stop.is_cancelled() {
                // Raft's core ended while the node was not stopping: it panicked or hit a
                // fatal storage error. The process could still answer HTTP, but never commit
                // or apply again; exiting lets the supervisor restart it from its durable
                // state, as after a crash.
                tracing::error!("Raft stopped unexpectedly: exiting so this member restarts");
                std::process::exit(70);
            }
        });
        liveness
    }

    /// The longest gap between two majority acknowledgements while this node led.
    pub fn longest_ack_gap(&self) -> Duration {
        Duration::from_micros(self.longest_ack_gap_us.load(Ordering::Relaxed))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.leaderless_since
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// `Err` with the reason when this node cannot commit a write now.
    pub fn can_commit(&self, raft: &Raft, is_leader: bool) -> Result<(), String> {
        if let Some(since) = *self.lock() {
            let waited = since.elapsed();
            if waited > LEADERLESS_LIMIT {
                return Err(format!("no leader known for {:.1} s", waited.as_secs_f64()));
            }
        }
        if is_leader {
            if let Some(age) = raft::quorum_ack_age(raft) {
                if age > QUORUM_SILENCE_LIMIT {
                    return Err(format!(
                        "leading without a majority for {:.1} s",
                        age.as_secs_f64()
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Follows the leader's `last_quorum_acked` on Raft's own runtime when there is one, so that a
/// watcher delayed by a busy API runtime does not see two acknowledgements as one long gap.
fn watch_ack_gaps(liveness: std::sync::Arc<Liveness>, raft: &Raft, tasks: &Tasks) {
    let mut metrics = raft.metrics();
    let stop = tasks.stop_signal();
    let watcher = async move {
        // The previous acknowledgement (as an instant of this clock) and its term.
        let mut previous: Option<(u64, Instant)> = None;
        loop {
            {
                let now = metrics.borrow_watched();
                let acked = now
                    .last_quorum_acked
                    .as_ref()
                    .filter(|_| now.state == ServerState::Leader)
                    .and_then(|acked| Instant::now().checked_sub(acked.elapsed()));
                match (acked, previous) {
                    (Some(at), Some((term, before))) if term == now.current_term && at > before => {
                        let gap = u64::try_from((at - before).as_micros()).unwrap_or(u64::MAX);
                        liveness
                            .longest_ack_gap_us
                            .fetch_max(gap, Ordering::Relaxed);
                        previous = Some((term, at));
                    }
                    (Some(at), None) => previous = Some((now.current_term, at)),
                    (Some(at), Some((term, _))) if term != now.current_term => {
                        previous = Some((now.current_term, at));
                    }
                    (Some(_), Some(_)) => {}
                    (None, _) => previous = None,
                }
            }
            tokio::select! {
                changed = metrics.changed() => if changed.is_err() { return },
                _ = stop.cancelled() => return,
            }
        }
    };
    match raft::runtime::handle() {
        Some(runtime) => drop(runtime.spawn(watcher)),
        None => tasks.spawn(watcher),
    }
}
