//! Durability on demand: one fsync of the WAL file covers every transaction committed before it.
//!
//! The node's connection commits with `synchronous=NORMAL`: a commit writes its frames to the
//! WAL file (the page cache) and returns without an fsync. A process that is killed loses
//! nothing (the kernel still holds the pages); a power cut may lose the commits after the last
//! fsync. So what must survive a power cut asks this syncer, after its commit, for an fsync of
//! the WAL file: the Raft log's appends (openraft counts an entry towards a quorum only once
//! its flush callback fires), the vote, a purge or a truncation, and the checkpoints' signing
//! record. Everything else (the state machine's batches) rides on the next one, which is
//! correct because the state machine re-applies from the durable Raft log whatever a power cut
//! took: its position (`last_applied`) is written in the same transaction as its events.
//!
//! This is exactly what `synchronous=FULL` does in WAL mode (write the frames, then fsync the
//! WAL), moved off the connection's thread and shared: the fsync runs on a thread of its own,
//! and every request that arrives while one is under way is answered by the next, so a batch
//! of appends costs one fsync however many there are (etcd's WAL does the same). SQLite's own
//! checkpoints fsync the WAL before copying it into the database, so a frame is never moved out
//! of the WAL undurably; a torn frame after a power cut fails its checksum and its transaction
//! is rolled back on recovery, as with any uncommitted one.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;

/// Called with the outcome of the fsync that covered the request.
pub type Waiter = Box<dyn FnOnce(io::Result<()>) + Send>;

/// A handle to the node's WAL syncer; cheap to clone. The thread stops when the last is dropped.
#[derive(Clone)]
pub struct Wal {
    requests: mpsc::Sender<Waiter>,
    stats: Arc<Stats>,
}

/// How many fsyncs ran, and how many requests they covered (what the tests check).
#[derive(Default)]
pub struct Stats {
    pub syncs: std::sync::atomic::AtomicU64,
    pub requests: std::sync::atomic::AtomicU64,
}

impl Wal {
    /// The syncer of the database at `database` (its WAL is `database` + `-wal`).
    pub fn new(database: &Path) -> io::Result<Wal> {
        let mut name = database.as_os_str().to_owned();
        name.push("-wal");
        let path = PathBuf::from(name);
        let (requests, receiver) = mpsc::channel::<Waiter>();
        let stats = Arc::new(Stats::default());
        let counted = stats.clone();
        std::thread::Builder::new()
            .name("wal-fsync".to_string())
            .spawn(move || run(&path, &receiver, &counted))?;
        Ok(Wal { requests, stats })
    }

    /// The syncer of the database behind `pool`.
    pub fn of(pool: &sqlx::SqlitePool) -> io::Result<Wal> {
        let options = pool.connect_options();
        Wal::new(options.get_filename())
    }

    /// Calls `waiter` once everything committed before this call is on disk.
    pub fn after_sync(&self, waiter: Waiter) {
        if let Err(mpsc::SendError(waiter)) = self.requests.send(waiter) {
            waiter(Err(io::Error::other("the WAL syncer has stopped")));
        }
    }

    /// Returns once everything committed before this call is on disk.
    pub async fn sync(&self) -> io::Result<()> {
        let (done, wait) = tokio::sync::oneshot::channel();
        self.after_sync(Box::new(move |result| {
            let _ = done.send(result);
        }));
        wait.await
            .unwrap_or_else(|_| Err(io::Error::other("the WAL syncer has stopped")))
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}

fn run(path: &Path, requests: &mpsc::Receiver<Waiter>, stats: &Stats) {
    use std::sync::atomic::Ordering::Relaxed;
    while let Ok(first) = requests.recv() {
        // Everything queued by now was committed before the fsync starts: one covers them all.
        let mut waiting = vec![first];
        waiting.extend(requests.try_iter());
        let outcome = sync_file(path);
        stats.syncs.fetch_add(1, Relaxed);
        stats.requests.fetch_add(waiting.len() as u64, Relaxed);
        for waiter in waiting {
            waiter(match &outcome {
                Ok(()) => Ok(()),
                Err(error) => Err(io::Error::new(error.kind(), error.to_string())),
            });
        }
    }
}

fn sync_file(path: &Path) -> io::Result<()> {
    // Opened each time: fsync applies to the file, not the descriptor, and a fresh open can
    // never hold a WAL that SQLite has since replaced.
    match std::fs::File::open(path) {
        Ok(file) => file.sync_data(),
        // No WAL: the connection closed, checkpointing it into the database and syncing that.
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_request_is_answered_after_a_sync_and_queued_ones_share_it() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("db");
        std::fs::write(format!("{}-wal", database.display()), b"frames").unwrap();
        let wal = Wal::new(&database).unwrap();
        wal.sync().await.unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..50 {
            let tx = tx.clone();
            wal.after_sync(Box::new(move |result| tx.send(result.is_ok()).unwrap()));
        }
        for _ in 0..50 {
            assert!(rx.recv_timeout(Duration::from_secs(10)).unwrap());
        }
        use std::sync::atomic::Ordering::Relaxed;
        let stats = wal.stats();
        assert_eq!(stats.requests.load(Relaxed), 51);
        let syncs = stats.syncs.load(Relaxed);
        assert!((2..=51).contains(&syncs), "{syncs} fsyncs");
    }

    #[tokio::test]
    async fn a_missing_wal_is_nothing_to_sync_and_a_bad_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        Wal::new(&dir.path().join("none"))
            .unwrap()
            .sync()
            .await
            .unwrap();
        // A directory named like the WAL cannot be opened for fsync as a file on every
        // system, but a path through a regular file is an error everywhere.
        let file = dir.path().join("file");
        std::fs::write(&file, b"x").unwrap();
        let error = Wal::new(&file.join("db")).unwrap().sync().await;
        assert!(error.is_err());
    }
}
