//! What makes a backup file good: SQLite finds it intact, its event log replays (the checks of
//! `ballot audit --data-dir`, the public logs against the checkpoints the member signed
//! included), and what it holds, summarised for the operator.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;

use super::BackupError;
use crate::domain::Elections;
use crate::projections::results::results_view;
use crate::raft::LogId;

/// What a good backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Events of every election.
    pub events: u64,
    /// The last Raft entry the copied member had applied (none before the first one).
    pub applied_index: Option<u64>,
    pub elections: Vec<ElectionSummary>,
}

/// One election in a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionSummary {
    pub id: String,
    pub events: u64,
    pub phase: String,
    /// Ballots counted (the results' `total_votes`).
    pub votes: u64,
    /// The public log's size and RFC 9162 root (hex).
    pub public_size: u64,
    pub public_root: String,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let applied = self
            .applied_index
            .map_or_else(|| "none".to_string(), |index| index.to_string());
        writeln!(
            f,
            "elections: {}\nevents: {}\napplied index: {applied}",
            self.elections.len(),
            self.events
        )?;
        for e in &self.elections {
            writeln!(
                f,
                "election {}: {} events, phase {}, {} votes, public log {} entries, root {}",
                e.id, e.events, e.phase, e.votes, e.public_size, e.public_root
            )?;
        }
        Ok(())
    }
}

/// Opens a database file without writing to it, not even its journal mode.
async fn open_read_only(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
}

/// The index of the last Raft entry applied in the database at `path`.
pub async fn applied_index(path: &Path) -> Result<Option<u64>, BackupError> {
    let pool = open_read_only(path).await?;
    let stored: Option<String> =
        sqlx::query_scalar("SELECT value FROM sm_meta WHERE key = 'last_applied'")
            .fetch_optional(&pool)
            .await?;
    pool.close().await;
    let applied: Option<LogId> = match stored {
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| BackupError::Corrupt(format!("sm_meta last_applied: {e}")))?,
        None => None,
    };
    Ok(applied.map(|log_id| log_id.index))
}

/// Checks a backup file and summarises it; `Err` says what is wrong with it.
pub async fn verify(path: &Path) -> anyhow::Result<Summary> {
    let pool = open_read_only(path)
        .await
        .with_context(|| format!("opening {} as SQLite", path.display()))?;
    let checked: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&pool)
        .await
        .context("PRAGMA integrity_check")?;
    if checked != ["ok"] {
        pool.close().await;
        bail!("SQLite finds the file damaged: {}", checked.join("; "));
    }
    let events = crate::store::all_events(&pool).await;
    pool.close().await;
    let events = events.context("reading the event log")?;
    // Gapless, in Lamport order, and replayable: the private log's half of `ballot audit`.
    crate::audit::audit(&events, None).context("replaying the event log")?;
    let elections = Elections::replay(&events)
        .iter()
        .map(|(id, election)| ElectionSummary {
            id: id.to_string(),
            events: events.iter().filter(|e| &e.election_id == id).count() as u64,
            phase: election.phase.as_str().to_string(),
            votes: results_view(election).total_votes,
            public_size: election.public.size(),
            public_root: hex::encode(election.public.tree.root()),
        })
        .collect();
    check_signed(path).await?;
    Ok(Summary {
        events: events.len() as u64,
        applied_index: applied_index(path).await?,
        elections,
    })
}

/// The public half of `ballot audit --data-dir`: every election's public log, replayed, against
/// the checkpoints the member signed and the leaves it recorded. That audit opens a data
/// directory as a member does (migrations, WAL), so it runs on a scratch copy and the file
/// itself stays byte for byte what was hashed.
async fn check_signed(path: &Path) -> anyhow::Result<()> {
    let scratch = scratch_dir(path);
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).with_context(|| format!("creating {}", scratch.display()))?;
    let audited = async {
        std::fs::copy(path, scratch.join(super::DATABASE_FILE))
            .with_context(|| format!("copying {} to check it", path.display()))?;
        crate::audit::audit_dir(&scratch, None, None, None).await
    }
    .await;
    let _ = std::fs::remove_dir_all(&scratch);
    audited.context("auditing the public logs against the signed checkpoints")?;
    Ok(())
}

/// `FILE.verify-PID`, beside the file.
fn scratch_dir(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".verify-{}", std::process::id()));
    path.with_file_name(name)
}
