//! The log store's one writer: every write to `raft_log` and `raft_meta` goes through its queue,
//! in the order openraft submitted it.
//!
//! Why a queue: openraft's `RaftLogStorage::append` is meant to "return immediately after saving
//! the input log entries in memory and call the callback when the entries are persisted". It is
//! awaited by the Raft core itself, the task that also publishes the heartbeats. Writing inline
//! made the core wait for the node's one SQLite connection (behind the API's and the state
//! machine's statements) and for the fsync: under load it sent heartbeats hundreds of
//! milliseconds late, and followers started elections against a healthy leader.
//!
//! What the queue keeps:
//! - **Order.** openraft requires write IO to be serialised: a later write (an append, the vote,
//!   a truncation) never lands before an earlier one. One task takes the writes in order.
//! - **Durability before acknowledgement.** An append's callback fires only after the commit of
//!   the transaction holding its entries (WAL, `synchronous=FULL`), so openraft counts an entry
//!   towards a quorum only once it is on disk. `save_vote`, truncation and purge still wait for
//!   their own commit before returning.
//! - **Readability at once.** An appended entry is readable before it is written: it waits in
//!   [`Pending`] until its transaction commits (replication reads entries as soon as they are
//!   submitted).
//!
//! What it adds: appends (and the committed log id) queued while a transaction runs are written
//! together in the next one, so a loaded node pays one fsync for many appends.

use std::collections::BTreeMap;
use std::io;
use std::sync::{Arc, Mutex};

use openraft::storage::IOFlushed;
use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use super::log_store::{io_err, to_sql_index, upsert_meta, COMMITTED, LAST_PURGED, VOTE};
use super::{Entry, LogId, TypeConfig};

type Vote = openraft::alias::VoteOf<TypeConfig>;

/// At most this many queued writes share one transaction, so that one commit stays short.
const MAX_GROUP: usize = 256;

/// Entries appended but not yet committed to `raft_log`, by index. They are always a contiguous
/// run at the end of the log: writes complete in order.
#[derive(Clone, Default)]
pub struct Pending(Arc<Mutex<BTreeMap<u64, Arc<Entry>>>>);

impl Pending {
    /// The pending entries with an index in `start..end`.
    pub fn range(&self, start: u64, end: u64) -> Vec<Arc<Entry>> {
        if start >= end {
            return Vec::new();
        }
        self.lock()
            .range(start..end)
            .map(|(_, e)| e.clone())
            .collect()
    }

    fn insert(&self, entries: &[Arc<Entry>]) {
        let mut pending = self.lock();
        for entry in entries {
            pending.insert(entry.log_id.index, entry.clone());
        }
    }

    /// Forgets written entries, unless a later append replaced one at the same index.
    fn written(&self, entries: &[Arc<Entry>]) {
        let mut pending = self.lock();
        for entry in entries {
            let index = entry.log_id.index;
            if pending.get(&index).is_some_and(|p| Arc::ptr_eq(p, entry)) {
                pending.remove(&index);
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Arc<Entry>>> {
        // The map is consistent after every statement on it, so a panic elsewhere while it was
        // held leaves nothing half-done.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// One queued write.
enum Write {
    Append {
        entries: Vec<Arc<Entry>>,
        callback: IOFlushed<TypeConfig>,
    },
    /// The committed log id: queued, not awaited (the state machine's own commit already makes
    /// what was applied durable; this only lets a restart apply the rest before serving).
    Committed(Option<LogId>),
    Vote(Vote, oneshot::Sender<io::Result<()>>),
    /// Delete every entry after this index (-1: all of them).
    TruncateAfter(i64, oneshot::Sender<io::Result<()>>),
    Purge(LogId, oneshot::Sender<io::Result<()>>),
    /// Answers once every earlier write is done: a read that must see them waits for it.
    Barrier(oneshot::Sender<io::Result<()>>),
}

/// The handle the log store (and its reader clones) hold; the writer task ends when the last
/// handle is dropped.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::UnboundedSender<Write>,
    pub pending: Pending,
}

impl Writer {
    /// Starts the writer task on the current runtime.
    pub fn start(pool: SqlitePool) -> Writer {
        let (queue, receiver) = mpsc::unbounded_channel();
        let pending = Pending::default();
        tokio::spawn(run(pool, pending.clone(), receiver));
        Writer { queue, pending }
    }

    /// Queues entries; `callback` fires once they are on disk. They are readable at once.
    pub fn append(&self, entries: Vec<Entry>, callback: IOFlushed<TypeConfig>) -> io::Result<()> {
        let entries: Vec<Arc<Entry>> = entries.into_iter().map(Arc::new).collect();
        self.pending.insert(&entries);
        self.send(Write::Append { entries, callback })
    }

    pub fn save_committed(&self, committed: Option<LogId>) -> io::Result<()> {
        self.send(Write::Committed(committed))
    }

    pub async fn save_vote(&self, vote: Vote) -> io::Result<()> {
        self.wait(|done| Write::Vote(vote, done)).await
    }

    pub async fn truncate_after(&self, index: i64) -> io::Result<()> {
        self.wait(|done| Write::TruncateAfter(index, done)).await
    }

    pub async fn purge(&self, log_id: LogId) -> io::Result<()> {
        self.wait(|done| Write::Purge(log_id, done)).await
    }

    /// Waits until every write queued before it is done.
    pub async fn flushed(&self) -> io::Result<()> {
        self.wait(Write::Barrier).await
    }

    fn send(&self, write: Write) -> io::Result<()> {
        self.queue
            .send(write)
            .map_err(|_| io::Error::other("the Raft log writer has stopped"))
    }

    async fn wait(
        &self,
        write: impl FnOnce(oneshot::Sender<io::Result<()>>) -> Write,
    ) -> io::Result<()> {
        let (done, answer) = oneshot::channel();
        self.send(write(done))?;
        answer
            .await
            .map_err(|_| io::Error::other("the Raft log writer has stopped"))?
    }
}

async fn run(pool: SqlitePool, pending: Pending, mut queue: mpsc::UnboundedReceiver<Write>) {
    while let Some(first) = queue.recv().await {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(write) => group.push(write),
                Err(_) => break,
            }
        }
        // Appends and committed ids in a row share a transaction; anything else runs alone,
        // after them, keeping the order.
        let mut batch = Vec::new();
        for write in group {
            match write {
                Write::Append { .. } | Write::Committed(_) => batch.push(write),
                other => {
                    write_batch(&pool, &pending, std::mem::take(&mut batch)).await;
                    write_one(&pool, &pending, other).await;
                }
            }
        }
        write_batch(&pool, &pending, batch).await;
    }
}

/// Writes appends and the last committed id in one transaction, then reports each append.
async fn write_batch(pool: &SqlitePool, pending: &Pending, batch: Vec<Write>) {
    if batch.is_empty() {
        return;
    }
    let result = insert_batch(pool, &batch).await;
    for write in batch {
        if let Write::Append { entries, callback } = write {
            match &result {
                Ok(()) => {
                    pending.written(&entries);
                    callback.io_completed(Ok(()));
                }
                // openraft stops this node on a failed append; the entries stay pending.
                Err(error) => {
                    callback.io_completed(Err(io::Error::new(error.kind(), error.to_string())))
                }
            }
        }
    }
}

async fn insert_batch(pool: &SqlitePool, batch: &[Write]) -> io::Result<()> {
    let mut tx = pool.begin().await.map_err(io_err)?;
    let mut committed = None;
    for write in batch {
        match write {
            Write::Append { entries, .. } => {
                for entry in entries {
                    let json = serde_json::to_string(entry.as_ref()).map_err(io_err)?;
                    sqlx::query(
                        "INSERT OR REPLACE INTO raft_log (log_index, term, entry) VALUES (?, ?, ?)",
                    )
                    .bind(to_sql_index(entry.log_id.index))
                    .bind(to_sql_index(entry.log_id.leader_id.term))
                    .bind(json)
                    .execute(&mut *tx)
                    .await
                    .map_err(io_err)?;
                }
            }
            Write::Committed(id) => committed = Some(id),
            _ => {}
        }
    }
    if let Some(id) = committed {
        upsert_meta(&mut *tx, COMMITTED, id).await?;
    }
    tx.commit().await.map_err(io_err)
}

async fn write_one(pool: &SqlitePool, pending: &Pending, write: Write) {
    let (result, done) = match write {
        Write::Vote(vote, done) => (upsert_meta(pool, VOTE, &vote).await, done),
        Write::TruncateAfter(index, done) => {
            // Deleting every index above the kept one in one statement leaves no hole.
            let deleted = sqlx::query("DELETE FROM raft_log WHERE log_index > ?")
                .bind(index)
                .execute(pool)
                .await;
            // Every earlier append is written by now; nothing pending may outlive the cut.
            pending
                .lock()
                .retain(|kept, _| i64::try_from(*kept).is_ok_and(|k| k <= index));
            (deleted.map(|_| ()).map_err(io_err), done)
        }
        Write::Purge(log_id, done) => (purge(pool, &log_id).await, done),
        Write::Barrier(done) => (Ok(()), done),
        Write::Append { .. } | Write::Committed(_) => return,
    };
    // The caller may have given up waiting; the write is done either way.
    let _ = done.send(result);
}

async fn purge(pool: &SqlitePool, log_id: &LogId) -> io::Result<()> {
    // Record the purge point first, in the same transaction: `get_log_state` must still know
    // the last log id when every entry is gone.
    let mut tx = pool.begin().await.map_err(io_err)?;
    upsert_meta(&mut *tx, LAST_PURGED, log_id).await?;
    sqlx::query("DELETE FROM raft_log WHERE log_index <= ?")
        .bind(to_sql_index(log_id.index))
        .execute(&mut *tx)
        .await
        .map_err(io_err)?;
    tx.commit().await.map_err(io_err)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use openraft::storage::{RaftLogReader, RaftLogStorage};
    use openraft::testing::{blank_ent, log_id};
    use openraft::type_config::TypeConfigExt;

    use super::*;
    use crate::raft::LogStore;
    use crate::store;

    /// Bounds each wait; a healthy run needs milliseconds.
    const DEADLINE: Duration = Duration::from_secs(20);

    fn flushed() -> (IOFlushed<TypeConfig>, oneshot::Receiver<io::Result<()>>) {
        let (tx, rx) = TypeConfig::oneshot();
        (IOFlushed::signal(tx), rx)
    }

    #[tokio::test]
    async fn an_append_returns_while_the_database_is_busy_and_counts_as_flushed_only_once_committed(
    ) {
        let dir = tempfile::tempdir().unwrap();
        let pool = store::open(dir.path()).await.unwrap();
        let mut log = LogStore::new(pool.clone());
        // The node's one connection, held as a long statement of the API's would hold it.
        let busy = pool.acquire().await.unwrap();

        let (callback, mut done) = flushed();
        let entries = (1..=3).map(|i| blank_ent::<TypeConfig>(1, 1, i));
        tokio::time::timeout(DEADLINE, log.append(entries, callback))
            .await
            .expect("append returns without the database")
            .unwrap();
        assert!(
            done.try_recv().is_err(),
            "reported flushed before anything was written"
        );
        // Readable at once from memory, before its transaction.
        let pending = log.writer.pending.range(1, 4);
        let indexes: Vec<u64> = pending.iter().map(|e| e.log_id.index).collect();
        assert_eq!(indexes, [1, 2, 3]);

        drop(busy);
        tokio::time::timeout(DEADLINE, done)
            .await
            .expect("flushed once the database is free")
            .unwrap()
            .unwrap();
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM raft_log")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(stored, 3, "flushed means committed to raft_log");
        assert!(log.writer.pending.range(0, u64::MAX).is_empty());
        let read = log.try_get_log_entries(1..4).await.unwrap();
        assert_eq!(read.len(), 3);
    }

    #[tokio::test]
    async fn writes_land_in_submission_order_and_pending_entries_override_stored_ones() {
        let dir = tempfile::tempdir().unwrap();
        let pool = store::open(dir.path()).await.unwrap();
        let mut log = LogStore::new(pool.clone());
        let (callback, done) = flushed();
        log.append((1..=5).map(|i| blank_ent::<TypeConfig>(1, 1, i)), callback)
            .await
            .unwrap();
        done.await.unwrap().unwrap();

        // A new leader's entries replace 4..=5: the truncation, queued after nothing, then
        // appends held back by a busy database.
        log.truncate_after(Some(log_id::<TypeConfig>(1, 1, 3)))
            .await
            .unwrap();
        let busy = pool.acquire().await.unwrap();
        let (callback, done) = flushed();
        log.append((4..=5).map(|i| blank_ent::<TypeConfig>(2, 2, i)), callback)
            .await
            .unwrap();
        log.save_committed(Some(log_id::<TypeConfig>(2, 2, 5)))
            .await
            .unwrap();
        drop(busy);
        let read = log.try_get_log_entries(1..6).await.unwrap();
        let terms: Vec<u64> = read.iter().map(|e| e.log_id.leader_id.term).collect();
        assert_eq!(
            terms,
            [1, 1, 1, 2, 2],
            "pending or stored, the new entries win"
        );

        done.await.unwrap().unwrap();
        // Reads of what was written wait for every write queued before them.
        let state = log.get_log_state().await.unwrap();
        assert_eq!(state.last_log_id, Some(log_id::<TypeConfig>(2, 2, 5)));
        assert_eq!(
            log.read_committed().await.unwrap(),
            Some(log_id::<TypeConfig>(2, 2, 5))
        );
    }
}
