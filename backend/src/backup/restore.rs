//! `ballot restore --from FILE --data-dir DIR`: a data directory a member starts on, from a
//! verified backup.
//!
//! What is kept: everything that is the election record. The event table (every election, as
//! the copied member had applied it), the remembered answers to idempotency keys (so a client
//! retrying a write across the restore still gets its first answer), and the keys the members
//! have shown (`log_keys`), so `ballot audit --data-dir` on the new member still verifies
//! receipts and checkpoints the old cluster signed.
//!
//! What is reset: what belonged to the copied member or the old cluster's Raft.
//! - The checkpoints the copied member signed and the leaves it recorded with them: they are
//!   that member's record of what *it* signed, and the new member signed none of them (the
//!   backup was checked against them before anything was written). Kept, they would also be
//!   served as the latest checkpoint, signed by keys no live member holds. With none recorded,
//!   the new members co-sign a checkpoint of every restored log as soon as they have a leader.
//! - Raft's log entries, its committed position and its recorded snapshot; membership is what
//!   the new cluster says.
//! - With `--peers` (a member of a new cluster; restore every replica from the same file with
//!   the same `--peers`): the restored state becomes the new cluster's initial snapshot. The
//!   state machine keeps the copy's applied log id, the log is recorded as purged up to it,
//!   and the membership at that id is `--peers`. So the replicas start with the same log
//!   position and elect a leader among themselves, and any member that joins empty later (the
//!   tally, a wiped replica) is sent that snapshot, never a log that lacks the restored events.
//!   The vote is kept at the copy's term but not as a granted leadership, because a new
//!   leader's entries must have a term above those already in the snapshot.
//! - Without `--peers` (a single node): no Raft state at all. The node initialises itself as a
//!   fresh one-member cluster does, and applies new entries on top of the restored events.

use std::path::Path;

use anyhow::{bail, Context};
use openraft::vote::RaftVote;
use openraft::{BasicNode, Membership};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Sqlite, Transaction};

use super::DATABASE_FILE;
use crate::config::{Peers, RestoreArgs};
use crate::raft::{LogId, NodeId, StoredMembership, TypeConfig};

type Vote = openraft::alias::VoteOf<TypeConfig>;

pub async fn run(args: RestoreArgs) -> anyhow::Result<()> {
    refuse_non_empty(&args.data_dir)?;
    let summary = super::verify::verify(&args.from)
        .await
        .with_context(|| format!("{} is not a good backup", args.from.display()))?;
    std::fs::create_dir_all(&args.data_dir)
        .with_context(|| format!("creating {}", args.data_dir.display()))?;
    let staged = args.data_dir.join(format!("{DATABASE_FILE}.restoring"));
    std::fs::copy(&args.from, &staged).with_context(|| {
        format!(
            "copying {} into {}",
            args.from.display(),
            args.data_dir.display()
        )
    })?;
    let reset = reset_raft(&staged, args.peers.as_ref()).await;
    if let Err(error) = reset {
        let _ = std::fs::remove_file(&staged);
        return Err(error.context("resetting the old cluster's Raft state"));
    }
    let target = args.data_dir.join(DATABASE_FILE);
    std::fs::rename(&staged, &target).with_context(|| format!("writing {}", target.display()))?;
    std::fs::File::open(&args.data_dir).and_then(|dir| dir.sync_all())?;
    print!(
        "restored {} into {}\n{summary}",
        args.from.display(),
        target.display()
    );
    match &args.peers {
        Some(peers) => println!(
            "Raft: a new cluster of members {:?} starting from applied index {}; start each \
             replica on a directory restored with the same --peers",
            peers.0.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            summary
                .applied_index
                .map_or_else(|| "none".to_string(), |i| i.to_string())
        ),
        None => println!("Raft: reset; the node starts as a new one-member cluster"),
    }
    Ok(())
}

/// A data directory that exists must be empty: a restore never mixes with a member's data.
fn refuse_non_empty(dir: &Path) -> anyhow::Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!(
                    "{} is not empty: restore only into a new or empty directory",
                    dir.display()
                );
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error).with_context(|| format!("reading {}", dir.display())),
    }
}

/// Rewrites the Raft state of the database at `path` (see the module's comment), in one
/// transaction.
async fn reset_raft(path: &Path, peers: Option<&Peers>) -> anyhow::Result<()> {
    let options = SqliteConnectOptions::new().filename(path);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    let result = async {
        let mut tx = pool.begin().await?;
        let applied: Option<LogId> = read_json(&mut tx, "sm_meta", "last_applied")
            .await?
            .flatten();
        let vote: Option<Vote> = read_json(&mut tx, "raft_meta", "vote").await?;
        for statement in [
            "DELETE FROM checkpoints",
            "DELETE FROM public_leaves",
            "DELETE FROM raft_log",
            "DELETE FROM raft_meta",
            "DELETE FROM sm_meta WHERE key <> 'last_applied'",
            "DROP TABLE IF EXISTS snapshot_events",
        ] {
            sqlx::query(statement).execute(&mut *tx).await?;
        }
        match (peers, applied) {
            (Some(peers), Some(applied)) => {
                let membership = StoredMembership::new(Some(applied), new_membership(peers)?);
                write_json(&mut tx, "sm_meta", "membership", &membership).await?;
                write_json(&mut tx, "raft_meta", "last_purged", &applied).await?;
                let vote = fresh_vote(vote, &applied);
                write_json(&mut tx, "raft_meta", "vote", &vote).await?;
            }
            // A copy of a member that had applied nothing, or a single node: no Raft state,
            // so the node initialises as a fresh cluster does.
            _ => {
                sqlx::query("DELETE FROM sm_meta").execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        anyhow::Ok(())
    }
    .await;
    pool.close().await;
    result
}

/// The new cluster's voters, with the addresses Raft reaches them at.
fn new_membership(peers: &Peers) -> anyhow::Result<Membership<NodeId, BasicNode>> {
    let voters = peers.0.iter().map(|(id, _)| *id).collect();
    let nodes: std::collections::BTreeMap<NodeId, BasicNode> = peers
        .0
        .iter()
        .map(|(id, addr)| (*id, BasicNode::new(addr)))
        .collect();
    Membership::new(vec![voters], nodes).context("the --peers do not make a membership")
}

/// A vote no older than the snapshot's last entry, and not a granted leadership: the new
/// cluster elects its own leader, in a later term.
fn fresh_vote(stored: Option<Vote>, applied: &LogId) -> Vote {
    let leader = match stored {
        Some(vote) if vote.leader_id().term >= applied.leader_id.term => *vote.leader_id(),
        _ => applied.leader_id,
    };
    Vote::from_leader_id(leader, false)
}

async fn read_json<T: serde::de::DeserializeOwned>(
    tx: &mut Transaction<'_, Sqlite>,
    table: &str,
    key: &str,
) -> anyhow::Result<Option<T>> {
    let value: Option<String> =
        sqlx::query_scalar(&format!("SELECT value FROM {table} WHERE key = ?"))
            .bind(key)
            .fetch_optional(&mut **tx)
            .await?;
    match value {
        Some(json) => Ok(Some(
            serde_json::from_str(&json).with_context(|| format!("{table} {key}"))?,
        )),
        None => Ok(None),
    }
}

async fn write_json<T: serde::Serialize>(
    tx: &mut Transaction<'_, Sqlite>,
    table: &str,
    key: &str,
    value: &T,
) -> anyhow::Result<()> {
    sqlx::query(&format!(
        "INSERT INTO {table} (key, value) VALUES (?, ?) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    ))
    .bind(key)
    .bind(serde_json::to_string(value)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
