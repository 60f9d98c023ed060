//! The member's side of a backup: a consistent copy of its database, taken online.
//!
//! SQLite's `VACUUM INTO` writes a new database file from one read transaction, so the copy is
//! the database as of one instant, and in WAL mode a reader does not block the writer: Raft
//! appends and applies go on meanwhile. It runs on a connection of its own, not the node's one
//! pooled connection, because every statement of the node queues on that one and a copy of a
//! large database would hold it for seconds (long enough for a follower to miss heartbeats).
//!
//! The copy is written into the data directory (the same file system, so no surprise about
//! space elsewhere), hashed, opened for reading and unlinked at once: the open handle keeps the
//! bytes readable while they stream, and nothing is left behind if the client goes away. A copy
//! interrupted by a crash is removed by the next backup of that member.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use sha2::{Digest, Sha256};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqlitePool};
use tokio::io::AsyncReadExt;

use super::BackupError;

/// The marker in the name of a copy being written: `ballot.sqlite3.backup-<random>.tmp`.
const COPY_MARK: &str = ".backup-";

/// A copy ready to stream: an unlinked file, its length and SHA-256, and how far this member's
/// state machine had applied the Raft log when it was taken.
pub struct Copy {
    pub file: tokio::fs::File,
    pub len: u64,
    pub sha256: String,
    /// The index of the last Raft entry applied in the copy (none before the first one).
    pub applied_index: Option<u64>,
    /// Held until the copy has been sent: this member takes one backup at a time.
    pub running: Running,
}

/// This member's claim on its one backup at a time, released when dropped.
///
/// Keyed by the database's path rather than held per process: tests and the fuzzer run several
/// members in one process, each with its own database.
pub struct Running(PathBuf);

fn running() -> &'static Mutex<HashSet<PathBuf>> {
    static RUNNING: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    RUNNING.get_or_init(Mutex::default)
}

impl Running {
    fn claim(database: &Path) -> Result<Running, BackupError> {
        let mut set = running()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !set.insert(database.to_path_buf()) {
            return Err(BackupError::Busy);
        }
        Ok(Running(database.to_path_buf()))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut set = running()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        set.remove(&self.0);
    }
}

/// Takes a consistent copy of the database behind `pool` (the node's own).
pub async fn take(pool: &SqlitePool) -> Result<Copy, BackupError> {
    let database = pool.connect_options().get_filename().to_path_buf();
    let running = Running::claim(&database)?;
    let dir = database.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = database
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ballot.sqlite3".to_string());
    remove_leftovers(&dir, &name).await;
    let copy = dir.join(format!(
        "{name}{COPY_MARK}{}.tmp",
        crate::secrets::new_token()
    ));
    let taken = write_copy(&database, &copy).await;
    let result = match taken {
        Ok(()) => open_copy(&copy, running).await,
        Err(error) => Err(error),
    };
    // Unlinked whatever happened: an open handle keeps a good copy readable while it streams.
    if let Err(error) = tokio::fs::remove_file(&copy).await {
        if error.kind() != std::io::ErrorKind::NotFound {
            tracing::warn!(%error, path = %copy.display(), "could not remove a backup copy");
        }
    }
    result
}

/// `VACUUM INTO` on a connection of its own (see the module's comment).
async fn write_copy(database: &Path, copy: &Path) -> Result<(), BackupError> {
    let mut connection = SqliteConnectOptions::new()
        .filename(database)
        .busy_timeout(std::time::Duration::from_secs(10))
        .connect()
        .await?;
    let path = copy.to_string_lossy().into_owned();
    let vacuum = sqlx::query("VACUUM INTO ?")
        .bind(path)
        .execute(&mut connection)
        .await;
    connection.close().await?;
    vacuum?;
    Ok(())
}

/// Reads the copy's applied index and hashes it, then opens it for streaming.
async fn open_copy(copy: &Path, running: Running) -> Result<Copy, BackupError> {
    let applied_index = super::verify::applied_index(copy).await?;
    let mut file = tokio::fs::File::open(copy).await?;
    let mut digest = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut len = 0u64;
    loop {
        let read = file.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        digest.update(&buffer[..read]);
        len += read as u64;
    }
    let file = tokio::fs::File::open(copy).await?;
    Ok(Copy {
        file,
        len,
        sha256: hex::encode(digest.finalize()),
        applied_index,
        running,
    })
}

/// Removes copies a crash left in `dir` (none is being written: this member holds the claim).
async fn remove_leftovers(dir: &Path, name: &str) {
    let Ok(mut entries) = tokio::fs::read_dir(dir).await else {
        return;
    };
    let prefix = format!("{name}{COPY_MARK}");
    while let Ok(Some(entry)) = entries.next_entry().await {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && file.ends_with(".tmp") {
            tracing::info!(file, "removing a backup copy an earlier run left behind");
            let _ = tokio::fs::remove_file(entry.path()).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_takes_one_backup_at_a_time_and_others_are_not_held_up() {
        let first = Running::claim(Path::new("/members/1/ballot.sqlite3")).unwrap();
        assert!(matches!(
            Running::claim(Path::new("/members/1/ballot.sqlite3")),
            Err(BackupError::Busy)
        ));
        let other = Running::claim(Path::new("/members/2/ballot.sqlite3")).unwrap();
        drop(first);
        let again = Running::claim(Path::new("/members/1/ballot.sqlite3"));
        assert!(again.is_ok());
        drop(other);
    }
}
