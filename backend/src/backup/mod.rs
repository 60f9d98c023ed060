//! Backups: `GET /api/admin/backup` on any member, `ballot backup` and `ballot restore`.
//!
//! - [`snapshot`]: the member's side, a consistent copy of its SQLite database taken online
//!   (`VACUUM INTO` on a connection of its own), one at a time per member.
//! - [`verify`]: what makes a backup good (SQLite's integrity check, the event log's replay and
//!   the public logs against the signed checkpoints, as `ballot audit --data-dir` checks them)
//!   and the [`verify::Summary`] printed for it.
//! - `download`: `ballot backup --url URL --out FILE`, written atomically and only if good.
//! - `restore`: `ballot restore --from FILE --data-dir DIR`, which keeps the elections and
//!   resets what belonged to the old cluster's Raft (see that module for what and why).

mod download;
mod restore;
pub mod snapshot;
pub mod verify;

pub use download::run as backup;
pub use restore::run as restore;

/// The database file's name in a data directory (`store::open`).
pub const DATABASE_FILE: &str = "ballot.sqlite3";

/// The copy's SHA-256 (hex), sent before the body so the client can check what it got.
pub const SHA256_HEADER: &str = "x-ballot-backup-sha256";
/// The last Raft log index the copied member had applied (absent before the first one).
pub const APPLIED_INDEX_HEADER: &str = "x-ballot-applied-index";

/// Why a member could not make a copy of its database.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// This member is already sending a backup.
    #[error("a backup of this member is already running")]
    Busy,
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("the copy is unreadable: {0}")]
    Corrupt(String),
}
