//! The Raft log store on SQLite: entries in `raft_log`, small durable values in `raft_meta`.
//!
//! Every write is one SQLite transaction on the node's one writing connection, which commits
//! without an fsync (`synchronous=NORMAL`); durability comes from [`Wal`], which fsyncs the WAL
//! file once for every commit made before it. That is what openraft relies on:
//! - `append` returns as soon as its batch is committed (readable by the replication tasks),
//!   and reports it flushed, which lets it count towards a commit quorum, only from the fsync
//!   that covers it. The Raft core goes on meanwhile (replicating the entries it just wrote,
//!   answering heartbeats), and appends made while an fsync runs share the next one;
//! - the vote is durable before `save_vote` returns, and so are a purge and a truncation.
//!
//! A batch is one multi-row `INSERT` between `BEGIN` and `COMMIT`: three round trips to SQLite's
//! thread, whatever its size. openraft drives one log store from one task and awaits every call,
//! so writes are serialised by construction. The reader handed to replication tasks reads
//! through a pool of its own (WAL readers never wait for the writer), so sending entries to the
//! followers does not queue behind the state machine's batches on the writing connection.

use std::fmt::Debug;
use std::io;
use std::ops::{Bound, RangeBounds};

use openraft::storage::{IOFlushed, LogState, RaftLogReader, RaftLogStorage};
use openraft::OptionalSend;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{Sqlite, SqlitePool};

use super::{Entry, LogId, TypeConfig};
use crate::store::wal::Wal;

type Vote = openraft::alias::VoteOf<TypeConfig>;

/// `raft_meta` keys.
const VOTE: &str = "vote";
const COMMITTED: &str = "committed";
const LAST_PURGED: &str = "last_purged";

/// Entries per `INSERT`: 3 values a row, far below SQLite's 32,766 bound parameters.
const ENTRIES_PER_INSERT: usize = 1000;

/// Connections of the readers' pool: the replication tasks of two followers and a learner.
const READERS: u32 = 3;

/// The log store and, cloned, its reader. Cheap to clone: pool handles.
#[derive(Clone)]
pub struct LogStore {
    /// The node's writing connection (shared with the state machine).
    pool: SqlitePool,
    /// Connections that only read entries and the vote.
    readers: SqlitePool,
    wal: Wal,
    /// Whether appends wait for the fsync (a voter's) or not (a learner's: see `raft::start`).
    durable: bool,
}

impl LogStore {
    /// A log store on an opened (and migrated) node database, made durable by `wal` when
    /// `durable`.
    pub fn new(pool: SqlitePool, wal: Wal, durable: bool) -> LogStore {
        let options = (*pool.connect_options()).clone();
        // Opened on first use: reading is all they do, so the schema is already there.
        let readers = SqlitePoolOptions::new()
            .max_connections(READERS)
            .connect_lazy_with(options);
        LogStore {
            pool,
            readers,
            wal,
            durable,
        }
    }

    async fn read_meta<T: DeserializeOwned>(&self, key: &str) -> io::Result<Option<T>> {
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

    async fn write_meta<T: Serialize>(&self, key: &str, value: &T) -> io::Result<()> {
        upsert_meta(&self.pool, key, value).await
    }

    async fn last_entry_log_id(&self) -> io::Result<Option<LogId>> {
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

    /// Writes a batch of entries in one transaction, replacing any entry at the same index.
    /// Committed, not yet durable: see [`Wal`].
    async fn write_entries(&self, entries: &[Entry]) -> io::Result<()> {
        // Serialised before the transaction starts: the connection is not held meanwhile.
        let rows = entries
            .iter()
            .map(|entry| {
                let json = serde_json::to_string(entry).map_err(io_err)?;
                Ok((
                    to_sql_index(entry.log_id.index),
                    to_sql_index(entry.log_id.leader_id.term),
                    json,
                ))
            })
            .collect::<io::Result<Vec<_>>>()?;
        let mut tx = self.pool.begin().await.map_err(io_err)?;
        for chunk in rows.chunks(ENTRIES_PER_INSERT) {
            let mut insert = sqlx::QueryBuilder::<Sqlite>::new(
                "INSERT OR REPLACE INTO raft_log (log_index, term, entry) ",
            );
            insert.push_values(chunk, |mut row, (index, term, json)| {
                row.push_bind(*index)
                    .push_bind(*term)
                    .push_bind(json.as_str());
            });
            insert.build().execute(&mut *tx).await.map_err(io_err)?;
        }
        tx.commit().await.map_err(io_err)
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
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT entry FROM raft_log WHERE log_index >= ? AND log_index < ? ORDER BY log_index",
        )
        .bind(to_sql_index(start))
        .bind(to_sql_index(end))
        .fetch_all(&self.readers)
        .await
        .map_err(io_err)?;
        rows.iter()
            .map(|json| serde_json::from_str(json).map_err(io_err))
            .collect()
    }

    async fn read_vote(&mut self) -> io::Result<Option<Vote>> {
        // On the writing connection: a vote saved a moment ago must be seen.
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
        self.write_meta(VOTE, vote).await?;
        self.wal.sync().await
    }

    async fn save_committed(&mut self, committed: Option<LogId>) -> io::Result<()> {
        self.write_meta(COMMITTED, &committed).await
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
        let entries: Vec<Entry> = entries.into_iter().collect();
        // Committed, so readable: openraft may replicate them now, and may count them as
        // stored on this node once the fsync that covers the commit is done.
        match self.write_entries(&entries).await {
            Ok(()) if self.durable => {
                self.wal
                    .after_sync(Box::new(move |result| callback.io_completed(result)));
                Ok(())
            }
            Ok(()) => {
                callback.io_completed(Ok(()));
                Ok(())
            }
            Err(error) => {
                callback.io_completed(Err(io::Error::new(error.kind(), error.to_string())));
                Err(error)
            }
        }
    }

    async fn truncate_after(&mut self, last_log_id: Option<LogId>) -> io::Result<()> {
        // Deleting every index above the kept one in one statement leaves no hole.
        let keep_up_to = last_log_id.map(|id| to_sql_index(id.index)).unwrap_or(-1);
        sqlx::query("DELETE FROM raft_log WHERE log_index > ?")
            .bind(keep_up_to)
            .execute(&self.pool)
            .await
            .map_err(io_err)?;
        // Rare (a new leader overwrote this member's tail): durable before new entries follow.
        self.wal.sync().await
    }

    async fn purge(&mut self, log_id: LogId) -> io::Result<()> {
        // Record the purge point first, in the same transaction: `get_log_state` must still
        // know the last log id when every entry is gone.
        let mut tx = self.pool.begin().await.map_err(io_err)?;
        let json = serde_json::to_string(&log_id).map_err(io_err)?;
        sqlx::query(UPSERT_META)
            .bind(LAST_PURGED)
            .bind(json)
            .execute(&mut *tx)
            .await
            .map_err(io_err)?;
        sqlx::query("DELETE FROM raft_log WHERE log_index <= ?")
            .bind(to_sql_index(log_id.index))
            .execute(&mut *tx)
            .await
            .map_err(io_err)?;
        tx.commit().await.map_err(io_err)?;
        // The purged entries are in a snapshot of the state machine, whose batches were
        // committed without an fsync: this one makes them durable before their log is gone.
        self.wal.sync().await
    }
}

const UPSERT_META: &str = "INSERT INTO raft_meta (key, value) VALUES (?, ?) \
                           ON CONFLICT(key) DO UPDATE SET value = excluded.value";

async fn upsert_meta<T: Serialize>(pool: &SqlitePool, key: &str, value: &T) -> io::Result<()> {
    let json = serde_json::to_string(value).map_err(io_err)?;
    sqlx::query(UPSERT_META)
        .bind(key)
        .bind(json)
        .execute(pool)
        .await
        .map_err(io_err)?;
    Ok(())
}

/// SQLite integers are signed; log indexes and terms never come near `i64::MAX`.
fn to_sql_index(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// openraft's storage traits speak `io::Error`.
pub(crate) fn io_err(error: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(error)
}
