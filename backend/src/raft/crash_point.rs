//! A fault for the crash test: a member that dies between its log's fsync and its apply.
//!
//! `BALLOT_TEST_CRASH_BEFORE_APPLY=ID:N` makes member `ID` abort (as a SIGKILL would stop it,
//! without unwinding or closing anything) just before it applies the `N`th batch of committed
//! entries that holds a vote: those entries are in its Raft log, on disk, and not in its event
//! table. Counting batches of votes, not all batches, puts the crash in a test's stream of
//! votes whatever the set-up before it wrote. It leaves a
//! marker file in its data directory first and never aborts again while the marker is there, so
//! a test restarts it with the same environment and watches it recover. Nothing else reads the
//! variable; a deployment never sets it.

use std::path::{Path, PathBuf};

use super::NodeId;

const VARIABLE: &str = "BALLOT_TEST_CRASH_BEFORE_APPLY";
/// The marker's name in the data directory.
pub const MARKER: &str = "crashed-before-apply";

/// Where (and whether) this member is to crash.
#[derive(Debug)]
pub struct CrashPoint {
    at: u64,
    batches: u64,
    marker: PathBuf,
}

impl CrashPoint {
    /// The crash point the environment sets for member `node`, whose database is `database`.
    pub fn from_env(node: NodeId, database: &Path) -> Option<CrashPoint> {
        let value = std::env::var(VARIABLE).ok()?;
        let (id, at) = value.split_once(':')?;
        if id.trim().parse::<NodeId>().ok()? != node {
            return None;
        }
        let at = at.trim().parse().ok()?;
        let marker = database.parent()?.join(MARKER);
        Some(CrashPoint {
            at,
            batches: 0,
            marker,
        })
    }

    /// Called before each batch of votes is applied: aborts the process before the `N`th.
    pub fn before_votes(&mut self) {
        self.batches = self.batches.saturating_add(1);
        if self.batches != self.at || self.marker.exists() {
            return;
        }
        if let Err(error) = std::fs::write(&self.marker, b"") {
            tracing::error!(%error, "writing the crash marker; not crashing");
            return;
        }
        tracing::warn!(batch = self.at, "{VARIABLE}: aborting before this apply");
        std::process::abort();
    }
}
