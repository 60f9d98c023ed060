//! The Raft log store on SQLite: entries in `raft_log`, small durable values in `raft_meta`.
//!
//! Writes go through [`Writer`](super::log_writer), one queue in submission order, so that the
//! Raft core never waits for the database to append: an entry is readable as soon as it is
//! appended, and reported flushed (which lets it count towards a commit quorum) only after the
//! commit of the transaction holding it. The database runs WAL with `synchronous=FULL`, so a
//! write is on disk when its commit returns. The vote is durable before `save_vote` returns.
//!
//! The reader handed to replication tasks is a clone sharing the pool and the writer.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::io;
use std::ops::{Bound, RangeBounds};

use openraft::storage::{IOFlushed, LogState, RaftLogReader, RaftLogStorage};
use openraft::OptionalSend;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::SqlitePool;

use super::log_writer::Writer;
use super::{Entry, LogId, TypeConfig};

type Vote = openraft::alias::VoteOf<TypeConfig>;

/// `raft_meta` keys.
pub(super) const VOTE: &str = "vote";
pub(super) const COMMITTED: &str = "committed";
pub(super) const LAST_PURGED: &str = "last_purged";

/// The log store and, cloned, its reader. Cheap to clone: a pool handle and the writer's.
#[derive(Clone)]
pub struct LogStore {
    pool: SqlitePool,
    pub(super) writer: Writer,
}

impl LogStore {
    /// A log store on an opened (and migrated) node database. Starts its writer task on the
    /// current runtime; the task ends with the last clone.
    pub fn new(pool: SqlitePool) -> LogStore {
        let writer = Writer::start(pool.clone());
        LogStore { pool, writer }
    }

    async fn read_meta<T: DeserializeOwned>(&self, key: &str) -> io::Result<Option<T>> {
        // A read of what was written must see every write queued before it.
        self.writer.flushed().await?;
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM raft_meta WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(io_err)?;
        match value {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json).map_err(io_err),
        }
    }

    async fn last_entry_log_id(&self) -> io::Result<Option<LogId>> {
        self.writer.flushed().await?;
        let json: Option<String> =
            sqlx::query_scalar("SELECT entry FROM raft_log ORDER BY log_index DESC LIMIT 1")
                .fetch_optional(&self.pool)
                .await
                .map_err(io_err)?;
        match json {
            None => Ok(None),
            Some(json) => Ok(Some(
                serde_json::from_str::<Entry>(&json).map_err(io_err)?.log_id,
            )),
        }
    }
}

impl RaftLogReader<TypeConfig> for LogStore {
    async fn try_get_log_entries<RB: RangeBounds<u64> + Clone + Debug + OptionalSend>(
        &mut self,
        range: RB,
    ) -> io::Result<Vec<Entry>> {
        let start = match range.start_bound() {
            Bound::Included(&i) => i,
            Bound::Excluded(&i) => i.saturating_add(1),
            Bound::Unbounded => 0,
        };
        // `end` is exclusive.
        let end = match range.end_bound() {
            Bound::Included(&i) => i.saturating_add(1),
            Bound::Excluded(&i) => i,
            Bound::Unbounded => u64::MAX,
        };
        // Pending entries first: one that is written (and no longer pending) after this line
        // is in the table by the time the table is read.
        let pending = self.writer.pending.range(start, end);
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT entry FROM raft_log WHERE log_index >= ? AND log_index < ? ORDER BY log_index",
        )
        .bind(to_sql_index(start))
        .bind(to_sql_index(end))
        .fetch_all(&self.pool)
        .await
        .map_err(io_err)?;
        let stored = rows
            .iter()
            .map(|json| serde_json::from_str::<Entry>(json).map_err(io_err));
        if pending.is_empty() {
            return stored.collect();
        }
        // A pending entry is newer than a stored one at the same index.
        let mut entries = BTreeMap::new();
        for entry in stored {
            let entry = entry?;
            entries.insert(entry.log_id.index, entry);
        }
        for entry in pending {
            entries.insert(entry.log_id.index, Entry::clone(&entry));
        }
        Ok(entries.into_values().collect())
    }

    async fn read_vote(&mut self) -> io::Result<Option<Vote>> {
        self.read_meta(VOTE).await
    }
}

impl RaftLogStorage<TypeConfig> for LogStore {
    type LogReader = LogStore;

    async fn get_log_state(&mut self) -> io::Result<LogState<TypeConfig>> {
        let last_purged_log_id: Option<LogId> = self.read_meta(LAST_PURGED).await?;
        let last_log_id = match self.last_entry_log_id().await? {
            Some(last) => Some(last),
            None => last_purged_log_id,
        };
        Ok(LogState {
            last_purged_log_id,
            last_log_id,
        })
    }

    async fn get_log_reader(&mut self) -> Self::LogReader {
        self.clone()
    }

    async fn save_vote(&mut self, vote: &Vote) -> io::Result<()> {
        self.writer.save_vote(*vote).await
    }

    async fn save_committed(&mut self, committed: Option<LogId>) -> io::Result<()> {
        self.writer.save_committed(committed)
    }

    async fn read_committed(&mut self) -> io::Result<Option<LogId>> {
        // The row holds `null` when openraft saved "nothing committed".
        Ok(self.read_meta::<Option<LogId>>(COMMITTED).await?.flatten())
    }

    async fn append<I>(&mut self, entries: I, callback: IOFlushed<TypeConfig>) -> io::Result<()>
    where
        I: IntoIterator<Item = Entry> + OptionalSend,
        I::IntoIter: OptionalSend,
    {
        // Queued, not written: the callback fires after the commit that holds them.
        self.writer.append(entries.into_iter().collect(), callback)
    }

    async fn truncate_after(&mut self, last_log_id: Option<LogId>) -> io::Result<()> {
        let keep_up_to = last_log_id.map(|id| to_sql_index(id.index)).unwrap_or(-1);
        self.writer.truncate_after(keep_up_to).await
    }

    async fn purge(&mut self, log_id: LogId) -> io::Result<()> {
        self.writer.purge(log_id).await
    }
}

const UPSERT_META: &str = "INSERT INTO raft_meta (key, value) VALUES (?, ?) \
                           ON CONFLICT(key) DO UPDATE SET value = excluded.value";

pub(super) async fn upsert_meta<'c, T: Serialize + ?Sized>(
    executor: impl sqlx::SqliteExecutor<'c>,
    key: &str,
    value: &T,
) -> io::Result<()> {
    let json = serde_json::to_string(value).map_err(io_err)?;
    sqlx::query(UPSERT_META)
        .bind(key)
        .bind(json)
        .execute(executor)
        .await
        .map_err(io_err)?;
    Ok(())
}

/// SQLite integers are signed; log indexes and terms never come near `i64::MAX`.
pub(super) fn to_sql_index(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// openraft's storage traits speak `io::Error`.
pub(crate) fn io_err(error: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(error)
}
