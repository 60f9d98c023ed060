//! The engine: the election state in memory and its event log on disk, kept in step.
//!
//! All writes funnel through [`Engine::apply_batch`], called by exactly one writer at a time
//! (the Raft state machine). A batch of envelopes is decided in order, every resulting event is
//! written in one SQLite transaction together with the caller's metadata (Raft's last applied log
//! id), and only after the commit is durable does the read view change and the events go out to
//! subscribers. One transaction per batch is the group commit: one fsync covers every vote in it.

use std::sync::{Arc, RwLock, RwLockReadGuard};

use shared::Event;
use sqlx::SqlitePool;
use tokio::sync::{broadcast, watch, Mutex};

use crate::domain::{Command, DomainError, Election, Envelope};
use crate::store::{self, StoreError};

/// What one envelope came to: its events, or why it was refused.
pub type Decision = Result<Vec<Event>, DomainError>;

/// Capacity of the event fan-out. A subscriber that falls this far behind is told it lagged
/// and resynchronises from the read view instead of slowing the writer down.
const EVENT_CHANNEL_CAPACITY: usize = 4096;

/// Shared handle; cheap to clone.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    pool: SqlitePool,
    /// The state decisions are made against. Only the writer touches it.
    writer: Mutex<Election>,
    /// The committed state every reader sees; changes only after a commit.
    read_view: RwLock<Election>,
    /// Committed events, in order, for WebSockets and projections.
    events: broadcast::Sender<Arc<Event>>,
    /// Bumped when the whole log is replaced (a snapshot was installed): subscribers must
    /// resynchronise from the read view, since no events describe the change.
    resets: watch::Sender<u64>,
}

impl Engine {
    /// Loads the log from the database and replays it.
    pub async fn load(pool: SqlitePool) -> Result<Engine, StoreError> {
        let events = store::all_events(&pool).await?;
        let election = Election::replay(&events);
        let (events_tx, _) = broadcast::channel(EVENT_CHANNEL_CAPACITY);
        Ok(Engine {
            inner: Arc::new(Inner {
                pool,
                writer: Mutex::new(election.clone()),
                read_view: RwLock::new(election),
                events: events_tx,
                resets: watch::channel(0).0,
            }),
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.inner.pool
    }

    /// The committed state. Hold the guard briefly: the writer waits for it after each commit.
    pub fn read(&self) -> RwLockReadGuard<'_, Election> {
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
        for envelope in envelopes {
            // The default roll and ballot come before anything else, whichever command happens
            // to be first in the log (a registration can reach a new cluster before the seeding
            // does). Derived from the envelope alone, so every replica does the same.
            if writer.last_seq == 0 && envelope.command != Command::SeedDefaults {
                let seed = Envelope {
                    command: Command::SeedDefaults,
                    ..envelope.clone()
                };
                committed.extend(writer.apply(&seed).unwrap_or_default());
            }
            let decision = writer.apply(envelope);
            if let Ok(events) = &decision {
                committed.extend(events.iter().cloned());
            }
            decisions.push(decision);
        }
        let written = self.write(&committed, meta, false).await;
        if let Err(error) = written {
            // The batch is not on disk: forget its decisions.
            *writer = self.read().clone();
            return Err(error);
        }
        self.publish(committed);
        Ok(decisions)
    }

    /// Replaces the whole log (installing a snapshot) and rebuilds the state from it.
    pub async fn replace_all(
        &self,
        events: Vec<Event>,
        meta: &[(&str, String)],
    ) -> Result<(), StoreError> {
        let mut writer = self.inner.writer.lock().await;
        self.write(&events, meta, true).await?;
        let election = Election::replay(&events);
        *writer = election.clone();
        *self
            .inner
            .read_view
            .write()
            .unwrap_or_else(|e| e.into_inner()) = election;
        self.inner.resets.send_modify(|n| *n = n.wrapping_add(1));
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
        meta: &[(&str, String)],
        replace: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.inner.pool.begin().await?;
        if replace {
            store::replace_events(&mut tx, events).await?;
        } else {
            store::append_events(&mut tx, events).await?;
        }
        for (key, value) in meta {
            sqlx::query("INSERT INTO sm_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .bind(key)
                .bind(value)
                .execute(&mut *tx)
                .await?;
        }
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
