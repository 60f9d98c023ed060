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

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use openraft::async_runtime::WatchReceiver as _;

use super::Raft;

/// Whether this member may grant votes; cheap to clone.
#[derive(Clone, Default)]
pub struct VoteGuard {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Abstaining until caught up.
    abstaining: AtomicBool,
    /// The highest index the other members had applied when this one started.
    peers_applied: AtomicU64,
}

impl VoteGuard {
    /// Abstain until this member has applied at least `peers_applied` and what the leader
    /// reports committed.
    pub fn abstain_until_caught_up(&self, peers_applied: u64) {
        self.inner
            .peers_applied
            .store(peers_applied, Ordering::SeqCst);
        self.inner.abstaining.store(true, Ordering::SeqCst);
        tracing::warn!(
            peers_applied,
            "this replica starts with an empty log in an existing cluster: it will not vote \
             until it has caught up"
        );
    }

    /// Whether this member may answer a vote request now.
    pub fn may_vote(&self, raft: &Raft) -> bool {
        if !self.inner.abstaining.load(Ordering::SeqCst) {
            return true;
        }
        let metrics = raft.metrics().borrow_watched().clone();
        let applied = metrics.last_applied.as_ref().map(|log| log.index());
        let committed = metrics.cluster_committed.as_ref().map(|log| log.index());
        let caught_up = metrics.current_leader.is_some()
            && committed.is_some()
            && applied >= committed
            && applied >= Some(self.inner.peers_applied.load(Ordering::SeqCst));
        if caught_up {
            self.inner.abstaining.store(false, Ordering::SeqCst);
            tracing::info!(?applied, "caught up after an empty start: voting again");
        }
        caught_up
    }
}
