//! A voter that lost its data must not vote until it has caught up again.
//!
//! Raft's safety rests on every voter keeping its log and its vote on disk. A replica whose data
//! directory was wiped comes back with an empty log, and an empty log is "at least as up to
//! date" as nobody's: it would grant its vote to any candidate, also to a stale one that lacks
//! entries the wiped replica had helped commit. With the leader down, that stale candidate and
//! the wiped replica form a majority, the stale candidate leads, and acknowledged writes are
//! overwritten.
//!
//! So a voter that starts with an empty log while another member already holds an elected
//! cluster's log (some entry beyond the initial membership) abstains: `/raft/vote` and
//! `/raft/pre-vote` refuse it (the candidate sees the member as unreachable) until it has
//! applied everything the leader reports as committed and everything the other members had
//! applied when it started. A leader elected meanwhile was elected by the two others, who kept
//! their logs, so it holds every committed entry, and so does the replica once it has caught up.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use openraft::async_runtime::WatchReceiver as _;

use super::Raft;
use crate::tasks::Tasks;

/// Whether this member may grant votes; cheap to clone.
#[derive(Clone, Default)]
pub struct VoteGuard {
    abstaining: Arc<AtomicBool>,
}

impl VoteGuard {
    /// Abstains until this member has applied at least `peers_applied` and the commit index
    /// the first leader it hears of reports. The check runs as one of the node's `tasks`, on
    /// every change of Raft's metrics: under load a follower's applied index is rarely equal to
    /// the leader's moving commit index at the very moment a vote request comes, so the target
    /// is fixed once, when a leader is first known.
    pub fn abstain_until_caught_up(&self, raft: &Raft, peers_applied: u64, tasks: &Tasks) {
        self.abstaining.store(true, Ordering::SeqCst);
        tracing::warn!(
            peers_applied,
            "this replica starts with an empty log in an existing cluster: it will not vote \
             until it has caught up"
        );
        let (abstaining, mut metrics) = (self.abstaining.clone(), raft.metrics());
        let stop = tasks.stop_signal();
        tasks.spawn(async move {
            let mut target = None;
            loop {
                let now = metrics.borrow_watched().clone();
                let committed = now.cluster_committed.as_ref().map(|log| log.index());
                if target.is_none() && now.current_leader.is_some() {
                    target = committed.map(|committed| committed.max(peers_applied));
                }
                let applied = now.last_applied.as_ref().map(|log| log.index());
                if let (Some(target), Some(applied)) = (target, applied) {
                    if applied >= target {
                        abstaining.store(false, Ordering::SeqCst);
                        tracing::info!(applied, "caught up after an empty start: voting again");
                        return;
                    }
                }
                tokio::select! {
                    changed = metrics.changed() => if changed.is_err() { return },
                    _ = stop.cancelled() => return,
                }
            }
        });
    }

    /// Whether this member may answer a vote request now.
    pub fn may_vote(&self) -> bool {
        !self.abstaining.load(Ordering::SeqCst)
    }
}
