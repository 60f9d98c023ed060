//! The engine: the election state in memory and its event log on disk, kept in step.
//!
//! All writes funnel through [`Engine::apply_batch`], called by exactly one writer at a time
//! (the Raft state machine). A batch of envelopes is decided in order, every resulting event is
//! written in one SQLite transaction together with the caller's metadata (Raft's last applied log
//! id), and only after the commit does the read view change and the events go out to
//! subscribers. The commit does not fsync: the batch is already durable in the Raft log it was
//! applied from, and a member that loses it to a power cut re-applies it from there (its
//! `last_applied` is in the same transaction). So a batch of votes costs each member one fsync,
//! its log append's ([`store::wal`]).
//!
//! The writer also keeps the first decision for every idempotency key ([`Replies`]): an
//! envelope whose key it has seen is answered from there, never decided twice, and the records
//! are written in the batch's transaction so they are exactly as durable as the events.

use std::sync::{Arc, RwLock, RwLockReadGuard};

use shared::Event;
use sqlx::SqlitePool;
use tokio::sync::{broadcast, watch, Mutex};

pub use crate::domain::Decision;
use crate::domain::{Command, Elections, Envelope, IdempotencyStamp, Remembered, Replies};
use crate::store::{self, StoreError};

/// Capacity of the event fan-out. A subscriber that falls this far behind is told it lagged
/// and resynchronises from the read view instead of slowing the writer down.
const EVENT_CHANNEL_CAPACITY: usize = 4096;

/// What decisions are made against: the elections and the remembered answers.
struct Writer {
    elections: Elections,
    replies: Replies,
}

/// Shared handle; cheap to clone.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    pool: SqlitePool,
    /// Makes commits durable on demand (the connection commits without an fsync).
    wal: store::wal::Wal,
    /// The state decisions are made against. Only the writer touches it.
    writer: Mutex<Writer>,
    /// The committed state every reader sees; changes only after a commit.
    read_view: RwLock<Elections>,
    /// Committed events, in order, for WebSockets and projections.
    events: broadcast::Sender<Arc<Event>>,
    /// Bumped when the whole log is replaced (a snapshot was installed): subscribers must
    /// resynchronise from the read view, since no events describe the change.
    resets: watch::Sender<u64>,
}

impl Engine {
    /// Loads the log from the database and replays it.
    pub async fn load(pool: SqlitePool) -> Result<Engine, StoreError> {
        let elections = replay_stored(&pool).await?;
        let replies = Replies::from_records(store::replies::all(&pool).await?);
        let (events_tx, _) = broadcast::channel(EVENT_CHANNEL_CAPACITY);
        let wal = store::wal::Wal::of(&pool).map_err(sqlx::Error::Io)?;
        let writer = Writer {
            elections: elections.clone(),
            replies,
        };
        Ok(Engine {
            inner: Arc::new(Inner {
                pool,
                wal,
                writer: Mutex::new(writer),
                read_view: RwLock::new(elections),
                events: events_tx,
                resets: watch::channel(0).0,
            }),
        })
    }

    /// The database, for the Raft log store that shares it. Handlers read through the
    /// methods below, never through the pool.
    pub fn pool(&self) -> &SqlitePool {
        &self.inner.pool
    }

    /// The database's WAL syncer, for the writes that must survive a power cut (see
    /// [`store::wal`]): the Raft log store's and the checkpoints' record.
    pub fn wal(&self) -> &store::wal::Wal {
        &self.inner.wal
    }

    /// One election's stored events with `seq > after`, in order, at most `limit`.
    pub async fn events_after(
        &self,
        election: &str,
        after: u64,
        limit: u32,
    ) -> Result<Vec<Event>, StoreError> {
        store::events_after(&self.inner.pool, election, after, limit).await
    }

    /// One election's last `limit` stored events, in order.
    pub async fn events_tail(&self, election: &str, limit: u32) -> Result<Vec<Event>, StoreError> {
        store::events_tail(&self.inner.pool, election, limit).await
    }

    /// One election's last sequence number on disk.
    pub async fn stored_last_seq(&self, election: &str) -> Result<u64, StoreError> {
        store::last_seq(&self.inner.pool, election).await
    }

    /// Whether the database answers (for `/health`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.inner.pool).await?;
        Ok(())
    }

    /// Closes the database once every task using it has stopped.
    pub async fn close(&self) {
        self.inner.pool.close().await;
    }

    /// The committed first answer to an idempotency key on this replica, if it has one: the
    /// decision for the same request, a refusal for another. (A replica that has not applied
    /// the key yet answers `None`; the state machine still recognises the key when the retry is
    /// proposed.)
    pub async fn remembered(
        &self,
        stamp: &IdempotencyStamp,
    ) -> Result<Option<Decision>, StoreError> {
        let Some(record) = store::replies::find(&self.inner.pool, &stamp.key).await? else {
            return Ok(None);
        };
        let mut one = Replies::with_capacity(1);
        one.remember(record.key, record.fingerprint, record.decision);
        Ok(one.lookup(stamp))
    }

    /// The committed state of every election. Hold the guard briefly: the writer waits for it
    /// after each commit.
    pub fn read(&self) -> RwLockReadGuard<'_, Elections> {
        // A poisoned lock only means a reader panicked; the state itself is intact.
        self.inner
            .read_view
            .read()
            .unwrap_or_else(|e| e.into_inner())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.inner.events.subscribe()
    }

    /// Changes whenever the whole log was replaced by a snapshot.
    pub fn resets(&self) -> watch::Receiver<u64> {
        self.inner.resets.subscribe()
    }

    /// Decides and durably appends a batch. `meta` rows go into `sm_meta` in the same
    /// transaction, so the events and the record of having applied them never disagree.
    pub async fn apply_batch(
        &self,
        envelopes: &[Envelope],
        meta: &[(&str, String)],
    ) -> Result<Vec<Decision>, StoreError> {
        let mut writer = self.inner.writer.lock().await;
        let mut decisions = Vec::with_capacity(envelopes.len());
        let mut committed: Vec<Event> = Vec::new();
        let mut remembered: Vec<Remembered> = Vec::new();
        let mut forgotten: Vec<String> = Vec::new();
        for envelope in envelopes {
            // A key seen before gets its first answer; nothing is decided again.
            if let Some(stamp) = &envelope.idempotency {
                if let Some(first) = writer.replies.lookup(stamp) {
                    decisions.push(first);
                    continue;
                }
            }
            // The default roll and ballot come before anything else, whichever command happens
            // to be first in the log (a registration can reach a new cluster before the seeding
            // does). Derived from the envelope alone, so every replica does the same.
            let seeding = envelope.command == Command::SeedDefaults
                && shared::elections::is_default_election(&envelope.election);
            if writer.elections.original().last_seq == 0 && !seeding {
                let seed = Envelope {
                    election: shared::elections::default_election_id(),
                    command: Command::SeedDefaults,
                    idempotency: None,
                    ..envelope.clone()
                };
                committed.extend(writer.elections.apply(&seed).unwrap_or_default());
            }
            let decision = writer.elections.apply(envelope);
            if let Ok(events) = &decision {
                committed.extend(events.iter().cloned());
            }
            if let Some(stamp) = &envelope.idempotency {
                let record = Remembered {
                    key: stamp.key.clone(),
                    fingerprint: stamp.fingerprint.clone(),
                    decision: decision.clone(),
                };
                let evicted = writer.replies.remember(
                    record.key.clone(),
                    record.fingerprint.clone(),
                    record.decision.clone(),
                );
                remembered.push(record);
                if let Some(key) = evicted {
                    // Remembered and forgotten in the same batch: neither needs writing.
                    match remembered.iter().position(|r| r.key == key) {
                        Some(index) => drop(remembered.remove(index)),
                        None => forgotten.push(key),
                    }
                }
            }
            decisions.push(decision);
        }
        let written = self.write(&committed, &remembered, &forgotten, meta).await;
        if let Err(error) = written {
            // The batch is not on disk: forget its decisions and reload what is.
            writer.elections = self.read().clone();
            if let Ok(records) = store::replies::all(&self.inner.pool).await {
                writer.replies = Replies::from_records(records);
            }
            return Err(error);
        }
        self.publish(committed);
        Ok(decisions)
    }

    /// Installs a snapshot received into the staging table: swaps it in for the event log,
    /// replaces the remembered answers and writes `meta`, all in one transaction, then rebuilds
    /// the state from the new log page by page.
    pub async fn install_staged(
        &self,
        replies: Vec<Remembered>,
        meta: &[(&str, String)],
    ) -> Result<(), StoreError> {
        let mut writer = self.inner.writer.lock().await;
        let mut tx = self.inner.pool.begin().await?;
        store::snapshots::swap_in_staged(&mut tx).await?;
        store::replies::replace(&mut tx, &replies).await?;
        write_meta(&mut tx, meta).await?;
        tx.commit().await?;
        let elections = replay_stored(&self.inner.pool).await?;
        writer.elections = elections.clone();
        writer.replies = Replies::from_records(replies);
        *self
            .inner
            .read_view
            .write()
            .unwrap_or_else(|e| e.into_inner()) = elections;
        self.inner.resets.send_modify(|n| *n = n.wrapping_add(1));
        Ok(())
    }

    /// Every remembered answer, oldest first, as the writer holds them: a snapshot's cut,
    /// taken between two batches.
    pub async fn remembered_now(&self) -> Vec<Remembered> {
        self.inner.writer.lock().await.replies.records()
    }

    /// Writes values of the state machine's metadata, in one transaction of their own.
    pub async fn set_meta(&self, rows: &[(&str, String)]) -> Result<(), StoreError> {
        let mut tx = self.inner.pool.begin().await?;
        write_meta(&mut tx, rows).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads a value of the state machine's metadata.
    pub async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = sqlx::query_scalar("SELECT value FROM sm_meta WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.inner.pool)
            .await?;
        Ok(value)
    }

    async fn write(
        &self,
        events: &[Event],
        remembered: &[Remembered],
        forgotten: &[String],
        meta: &[(&str, String)],
    ) -> Result<(), StoreError> {
        let mut tx = self.inner.pool.begin().await?;
        store::append_events(&mut tx, events).await?;
        store::replies::record(&mut tx, remembered, forgotten).await?;
        write_meta(&mut tx, meta).await?;
        tx.commit().await?;
        Ok(())
    }

    fn publish(&self, committed: Vec<Event>) {
        if committed.is_empty() {
            return;
        }
        {
            let mut view = self
                .inner
                .read_view
                .write()
                .unwrap_or_else(|e| e.into_inner());
            for event in &committed {
                view.evolve(event);
            }
        }
        for event in committed {
            // No subscriber is fine: nobody is watching.
            let _ = self.inner.events.send(Arc::new(event));
        }
    }
}

/// Events replayed per page: memory stays bounded by a page, not by the log.
const REPLAY_PAGE: u32 = 10_000;

/// Rebuilds the elections from the stored log, one page of events at a time.
async fn replay_stored(pool: &SqlitePool) -> Result<Elections, StoreError> {
    let mut elections = Elections::default();
    let mut after = 0;
    loop {
        let (events, last) = store::events_page(pool, after, REPLAY_PAGE).await?;
        if events.is_empty() {
            return Ok(elections);
        }
        for event in &events {
            elections.evolve(event);
        }
        after = last;
    }
}

async fn write_meta(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    meta: &[(&str, String)],
) -> Result<(), StoreError> {
    if meta.is_empty() {
        return Ok(());
    }
    // One statement for every row: each statement is a round trip to SQLite's thread.
    let mut upsert = sqlx::QueryBuilder::<sqlx::Sqlite>::new("INSERT INTO sm_meta (key, value) ");
    upsert.push_values(meta, |mut row, (key, value)| {
        row.push_bind(*key).push_bind(value);
    });
    upsert.push(" ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.build().execute(&mut **tx).await?;
    Ok(())
}
