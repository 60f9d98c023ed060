//! The Raft state machine: committed envelopes in, events in the SQLite event table out.
//!
//! `apply` is deterministic: it reads no clock and draws no random number. Everything a decision
//! depends on travels in the [`Envelope`], and [`Engine::apply_batch`] decides the envelopes of a
//! batch in log order and writes their events together with `last_applied` (and `membership`, if
//! it changed) in one transaction. So the state machine is persistent: after a crash it resumes
//! from exactly the last batch it committed, and one fsync covers a whole batch of votes.
//!
//! A snapshot is a *cut* of the persistent state, never a copy of it: the event table's rows up
//! to a `pos`, the remembered answers, and the log position and membership they reflect
//! ([`Cut`]). Taking one between two batches reads a row number and the in-memory answers;
//! building it records the position (`sm_meta`: `snapshot_position`, `snapshot_cut`) and keeps
//! the cut in memory. The answers are not written again: after a restart the recorded cut's
//! answers are gone, and the first request for the current snapshot takes a fresh cut instead
//! (a newer snapshot of the same log, which is what openraft records from then on). Rows up to the
//! cut never change (the table is append-only), so a lagging follower is sent exactly the state
//! openraft recorded, read page by page by [`super::snapshot_stream`] while new rows are
//! appended after the cut. A received snapshot is staged by pages in `snapshot_events` and
//! installed by renaming that table ([`Engine::install_staged`]): no step holds SQLite's write
//! lock for longer than one page, and no step holds the whole log in memory.

use std::io;
use std::sync::Arc;
use std::time::Instant;

use futures_util::{FutureExt, Stream, StreamExt};
use openraft::storage::{ApplyResponder, EntryResponder, RaftSnapshotBuilder, RaftStateMachine};
use openraft::{EntryPayload, OptionalSend};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use tokio::sync::Mutex;

use super::log_store::io_err;
use super::{LogId, StoredMembership, TypeConfig};
use crate::domain::{Envelope, Remembered};
use crate::engine::{Decision, Engine};
use crate::store;
use crate::telemetry::Telemetry;

/// `sm_meta` keys, written by the engine in the same transaction as the events.
const LAST_APPLIED: &str = "last_applied";
const MEMBERSHIP: &str = "membership";
/// The last snapshot built or installed: its position, membership and last row ([`CutRecord`]).
const SNAPSHOT_CUT: &str = "snapshot_cut";
/// The stored snapshot's `last_applied`, kept beside it: a new build compares positions
/// without reading and parsing the stored cut's remembered answers.
const SNAPSHOT_POSITION: &str = "snapshot_position";

/// Most entries decided and written in one transaction. Bounds memory when a restarted node
/// re-applies a long committed tail; a normal batch is far smaller.
const MAX_APPLY_BATCH: usize = 4096;

/// Snapshot metadata as openraft sees it.
pub type SnapshotMeta = openraft::alias::SnapshotMetaOf<TypeConfig>;
/// A snapshot: metadata plus its [`SnapshotData`].
pub type Snapshot = openraft::alias::SnapshotOf<TypeConfig, SnapshotData>;

/// What a snapshot is: the event rows up to `last_pos`, the remembered first answers
/// to idempotency keys (oldest first, so a retry reaching a member rebuilt from this snapshot is
/// still answered, not redone), and the Raft position and membership they reflect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The last Raft log entry whose events are included.
    pub last_applied: Option<LogId>,
    /// The membership in force at `last_applied`.
    pub membership: StoredMembership,
    /// The `pos` of the last event row included (0: none).
    pub last_pos: i64,
    pub replies: Vec<Remembered>,
}

/// What is recorded of a cut: all but the remembered answers.
#[derive(Serialize)]
struct CutRecord<'a> {
    last_applied: &'a Option<LogId>,
    membership: &'a StoredMembership,
    last_pos: i64,
}

impl Cut {
    fn record(&self) -> io::Result<String> {
        to_json(&CutRecord {
            last_applied: &self.last_applied,
            membership: &self.membership,
            last_pos: self.last_pos,
        })
    }

    /// openraft's metadata, derived from the cut so that the two can never disagree.
    pub fn meta(&self) -> SnapshotMeta {
        SnapshotMeta {
            last_log_id: self.last_applied,
            last_membership: self.membership.clone(),
        }
    }
}

/// A read handle to a snapshot's content.
#[derive(Debug, Clone)]
pub enum SnapshotData {
    /// This member's own cut: its event rows up to `cut.last_pos`, read when sent.
    Local { pool: SqlitePool, cut: Arc<Cut> },
    /// A leader's snapshot, received into the staging table, with its remembered answers.
    Staged { replies: Vec<Remembered> },
}

/// The state machine handed to openraft. Only its worker task calls it, one call at a time.
pub struct StateMachine {
    engine: Engine,
    /// The current snapshot (none until one is built, installed or asked for after a
    /// restart). A builder runs on its own task, concurrently with `install_snapshot`, and must
    /// not replace a newer snapshot with an older one: both take this lock.
    current: Arc<Mutex<Option<Arc<Cut>>>>,
    /// Where snapshot build and install times are recorded.
    telemetry: Telemetry,
    /// The runtime that decides and writes batches when Raft has a runtime of its own
    /// ([`super::runtime`]): deciding a batch of imports takes long enough to delay the
    /// heartbeats sharing Raft's thread, so it runs on the runtime that built this.
    work: Option<tokio::runtime::Handle>,
    /// The crash test's fault, if the environment sets one for this member.
    pub crash_point: Option<super::crash_point::CrashPoint>,
}

impl StateMachine {
    /// Built on the runtime that is to do the state machine's work.
    pub fn new(engine: Engine, telemetry: Telemetry) -> StateMachine {
        let work =
            super::runtime::handle().and_then(|_| tokio::runtime::Handle::try_current().ok());
        StateMachine {
            engine,
            current: Arc::new(Mutex::new(None)),
            telemetry,
            work,
            crash_point: None,
        }
    }

    /// The database file's path.
    pub fn database(&self) -> std::path::PathBuf {
        self.engine
            .pool()
            .connect_options()
            .get_filename()
            .to_path_buf()
    }

    /// Runs `task` on the state machine's runtime (see `work`).
    async fn on_work<F>(&self, task: F) -> io::Result<F::Output>
    where
        F: std::future::Future + Send + 'static,
        F::Output: Send + 'static,
    {
        match &self.work {
            Some(work) => work.spawn(task).await.map_err(io_err),
            None => Ok(task.await),
        }
    }

    /// Decides one batch of entries (each one envelope or a batch of them), commits their
    /// events and metadata in one transaction, then answers the waiting clients: one decision
    /// per envelope, in order.
    async fn apply_batch(&mut self, batch: Vec<EntryResponder<TypeConfig>>) -> io::Result<()> {
        let mut envelopes: Vec<Envelope> = Vec::with_capacity(batch.len());
        // For each entry: how many envelopes it carried, and who waits for its answer.
        let mut slots: Vec<(usize, Option<ApplyResponder<TypeConfig>>)> =
            Vec::with_capacity(batch.len());
        let mut last_applied = None;
        let mut membership = None;
        for (entry, responder) in batch {
            last_applied = Some(entry.log_id);
            let carried = match entry.payload {
                EntryPayload::Normal(proposal) => {
                    let carried = proposal.envelopes().len();
                    envelopes.extend(proposal.into_envelopes());
                    carried
                }
                EntryPayload::Membership(m) => {
                    membership = Some(StoredMembership::new(Some(entry.log_id), m));
                    0
                }
                EntryPayload::Blank => 0,
            };
            slots.push((carried, responder));
        }

        if let Some(crash_point) = &mut self.crash_point {
            let votes = envelopes
                .iter()
                .any(|e| matches!(e.command, crate::domain::Command::CastVote { .. }));
            if votes {
                crash_point.before_votes();
            }
        }
        let mut meta = vec![(LAST_APPLIED, to_json(&last_applied)?)];
        if let Some(membership) = &membership {
            meta.push((MEMBERSHIP, to_json(membership)?));
        }
        let engine = self.engine.clone();
        let decisions = self
            .on_work(async move { engine.apply_batch(&envelopes, &meta).await })
            .await?
            .map_err(io_err)?;

        let mut decisions = decisions.into_iter();
        for (carried, responder) in slots {
            // The engine decides every envelope, in order.
            let answer: Vec<Decision> = decisions.by_ref().take(carried).collect();
            if let Some(responder) = responder {
                responder.send(answer);
            }
        }
        Ok(())
    }

    async fn read_meta<T: for<'de> Deserialize<'de>>(&self, key: &str) -> io::Result<Option<T>> {
        match self.engine.meta(key).await.map_err(io_err)? {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json).map(Some).map_err(io_err),
        }
    }

    async fn applied(&self) -> io::Result<(Option<LogId>, StoredMembership)> {
        let last_applied = self
            .read_meta::<Option<LogId>>(LAST_APPLIED)
            .await?
            .flatten();
        let membership = self.read_meta(MEMBERSHIP).await?.unwrap_or_default();
        Ok((last_applied, membership))
    }

    /// Takes the cut to snapshot. Runs on the state machine's worker, between two `apply`
    /// calls, so the rows, the answers and the log position are taken at the same instant; it
    /// reads one row number and copies the answers from memory.
    async fn snapshot_builder(&self) -> SnapshotBuilder {
        let started = Instant::now();
        SnapshotBuilder {
            cut: Some(self.take_cut().await),
            engine: self.engine.clone(),
            current: self.current.clone(),
            telemetry: self.telemetry.clone(),
            started,
        }
    }
}

impl StateMachine {
    /// The state now, as a cut; only on the worker, between two `apply` calls.
    async fn take_cut(&self) -> io::Result<Cut> {
        let (last_applied, membership) = self.applied().await?;
        let last_pos = store::snapshots::last_pos(self.engine.pool())
            .await
            .map_err(io_err)?;
        let replies = self.engine.remembered_now().await;
        Ok(Cut {
            last_applied,
            membership,
            last_pos,
            replies,
        })
    }
}

impl RaftStateMachine<TypeConfig> for StateMachine {
    type SnapshotData = SnapshotData;
    type SnapshotBuilder = SnapshotBuilder;

    async fn applied_state(&mut self) -> io::Result<(Option<LogId>, StoredMembership)> {
        self.applied().await
    }

    async fn apply<Strm>(&mut self, mut entries: Strm) -> io::Result<()>
    where
        Strm: Stream<Item = io::Result<EntryResponder<TypeConfig>>> + Unpin + OptionalSend,
    {
        // Take every entry that is ready (up to a bound) into one batch: one transaction.
        while let Some(first) = entries.next().await {
            let mut batch = vec![first?];
            while batch.len() < MAX_APPLY_BATCH {
                match entries.next().now_or_never() {
                    Some(Some(item)) => batch.push(item?),
                    Some(None) | None => break,
                }
            }
            self.apply_batch(batch).await?;
        }
        Ok(())
    }

    async fn try_create_snapshot_builder(&mut self, _force: bool) -> Option<SnapshotBuilder> {
        Some(self.snapshot_builder().await)
    }

    async fn get_snapshot_builder(&mut self) -> SnapshotBuilder {
        self.snapshot_builder().await
    }

    async fn install_snapshot(
        &mut self,
        meta: &SnapshotMeta,
        snapshot: SnapshotData,
    ) -> io::Result<()> {
        let replies = match snapshot {
            SnapshotData::Staged { replies } => replies,
            // A cut of some store (openraft's storage suite hands one member's snapshot to
            // another): copy its rows into the staging table page by page, as if received.
            SnapshotData::Local { pool, cut } => {
                super::snapshot_stream::stage_cut(&pool, &cut, self.engine.pool())
                    .await
                    .map_err(io_err)?;
                cut.replies.clone()
            }
        };
        let started = Instant::now();
        let mut current = self.current.lock().await;
        let (_, last_pos) = store::snapshots::staged(self.engine.pool())
            .await
            .map_err(io_err)?;
        // Trust the metadata for the position: openraft checked it against the leader's vote.
        let cut = Cut {
            last_applied: meta.last_log_id,
            membership: meta.last_membership.clone(),
            last_pos,
            replies,
        };
        let meta_rows = [
            (LAST_APPLIED, to_json(&cut.last_applied)?),
            (MEMBERSHIP, to_json(&cut.membership)?),
            (SNAPSHOT_CUT, cut.record()?),
            (SNAPSHOT_POSITION, to_json(&cut.last_applied)?),
        ];
        // One transaction swaps the event log in and records the position and the snapshot.
        let engine = self.engine.clone();
        let replies = cut.replies.clone();
        self.on_work(async move { engine.install_staged(replies, &meta_rows).await })
            .await?
            .map_err(io_err)?;
        *current = Some(Arc::new(cut));
        self.telemetry.snapshot(started.elapsed(), true);
        Ok(())
    }

    async fn get_current_snapshot(&mut self) -> io::Result<Option<Snapshot>> {
        let mut current = self.current.lock().await;
        if current.is_none() {
            if self
                .engine
                .meta(SNAPSHOT_POSITION)
                .await
                .map_err(io_err)?
                .is_none()
            {
                return Ok(None);
            }
            // Recorded before this process started: its answers went with the old process.
            // The state now is a newer snapshot of the same log.
            let cut = self.take_cut().await?;
            record(&self.engine, &cut).await?;
            *current = Some(Arc::new(cut));
        }
        Ok(current.as_ref().map(|cut| Snapshot {
            meta: cut.meta(),
            snapshot: SnapshotData::Local {
                pool: self.engine.pool().clone(),
                cut: cut.clone(),
            },
        }))
    }
}

/// Records a snapshot's cut, taken when it was created; runs on a task of its own.
pub struct SnapshotBuilder {
    /// The cut taken on the worker (or why taking it failed), consumed by `build_snapshot`.
    cut: Option<io::Result<Cut>>,
    engine: Engine,
    current: Arc<Mutex<Option<Arc<Cut>>>>,
    telemetry: Telemetry,
    /// When taking the cut began: a build is timed from there to the stored record.
    started: Instant,
}

impl RaftSnapshotBuilder<TypeConfig> for SnapshotBuilder {
    type SnapshotData = SnapshotData;

    async fn build_snapshot(&mut self) -> io::Result<Snapshot> {
        let cut = self
            .cut
            .take()
            .unwrap_or_else(|| Err(io::Error::other("snapshot already built")))?;
        let cut = Arc::new(cut);
        {
            let mut current = self.current.lock().await;
            let recorded = match current.as_ref() {
                Some(current) => current.last_applied,
                None => match self.engine.meta(SNAPSHOT_POSITION).await.map_err(io_err)? {
                    Some(position) => {
                        serde_json::from_str::<Option<LogId>>(&position).map_err(io_err)?
                    }
                    None => None,
                },
            };
            // An install may have overtaken this build: keep whichever snapshot is newer.
            if recorded.is_none() || recorded < cut.last_applied {
                record(&self.engine, &cut).await?;
                *current = Some(cut.clone());
            }
        }
        self.telemetry.snapshot(self.started.elapsed(), false);
        Ok(Snapshot {
            meta: cut.meta(),
            snapshot: SnapshotData::Local {
                pool: self.engine.pool().clone(),
                cut,
            },
        })
    }
}

/// Records a cut's position, membership and last row (one small transaction).
async fn record(engine: &Engine, cut: &Cut) -> io::Result<()> {
    let rows = [
        (SNAPSHOT_CUT, cut.record()?),
        (SNAPSHOT_POSITION, to_json(&cut.last_applied)?),
    ];
    engine.set_meta(&rows).await.map_err(io_err)
}

fn to_json<T: Serialize>(value: &T) -> io::Result<String> {
    serde_json::to_string(value).map_err(io_err)
}
