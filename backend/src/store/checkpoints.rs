//! The SQL of what this member signed: checkpoints, the leaf hashes they cover, and the
//! members' keys (see `migrations/0005_checkpoints.sql`).

use shared::checkpoint::{Checkpoint, LogKey};
use shared::merkle::Hash;
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};

use super::{StoreError, ROWS_PER_INSERT};

/// Records `checkpoint` and the leaves from `first` on that were not recorded yet, in one
/// transaction (`leaves` are the leaves `first..first + leaves.len()`).
pub async fn record(
    pool: &SqlitePool,
    checkpoint: &Checkpoint,
    first: u64,
    leaves: &[Hash],
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    for (chunk_at, chunk) in leaves.chunks(ROWS_PER_INSERT).enumerate() {
        let offset = first + (chunk_at * ROWS_PER_INSERT) as u64;
        let mut insert =
            QueryBuilder::<Sqlite>::new("INSERT INTO public_leaves (election_id, idx, hash) ");
        insert.push_values(chunk.iter().enumerate(), |mut row, (at, leaf)| {
            row.push_bind(&checkpoint.election_id)
                .push_bind((offset + at as u64) as i64)
                .push_bind(leaf.as_slice());
        });
        insert.push(" ON CONFLICT DO NOTHING");
        insert.build().execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO checkpoints (election_id, tree_size, timestamp_ms, body) VALUES (?, ?, ?, ?) \
         ON CONFLICT DO NOTHING",
    )
    .bind(&checkpoint.election_id)
    .bind(checkpoint.tree_size as i64)
    .bind(checkpoint.timestamp_ms)
    .bind(
        serde_json::to_string(checkpoint)
            .map_err(|source| StoreError::CorruptCheckpoint { source })?,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many leaves of `election` are recorded.
pub async fn leaf_count(pool: &SqlitePool, election: &str) -> Result<u64, StoreError> {
    let count: i64 = sqlx::query("SELECT COUNT(*) FROM public_leaves WHERE election_id = ?")
        .bind(election)
        .fetch_one(pool)
        .await?
        .get(0);
    Ok(count as u64)
}

/// The latest recorded checkpoint of every election.
pub async fn latest(pool: &SqlitePool) -> Result<Vec<Checkpoint>, StoreError> {
    let rows = sqlx::query(
        "SELECT body FROM checkpoints c WHERE tree_size = \
         (SELECT MAX(tree_size) FROM checkpoints WHERE election_id = c.election_id) \
         ORDER BY election_id, timestamp_ms",
    )
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| parse(row.get(0))).collect()
}

/// Every recorded checkpoint of `election`, oldest first.
pub async fn all(pool: &SqlitePool, election: &str) -> Result<Vec<Checkpoint>, StoreError> {
    let rows = sqlx::query(
        "SELECT body FROM checkpoints WHERE election_id = ? ORDER BY tree_size, timestamp_ms",
    )
    .bind(election)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| parse(row.get(0))).collect()
}

/// The recorded leaves of `election`, in index order; a missing index ends the list there.
pub async fn leaves(pool: &SqlitePool, election: &str) -> Result<Vec<(u64, Hash)>, StoreError> {
    let rows =
        sqlx::query("SELECT idx, hash FROM public_leaves WHERE election_id = ? ORDER BY idx")
            .bind(election)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .iter()
        .map(|row| {
            let bytes: Vec<u8> = row.get(1);
            let mut hash = [0u8; 32];
            // A row of the wrong length reads as zeros: the audit then finds it does not match.
            if bytes.len() == 32 {
                hash.copy_from_slice(&bytes);
            }
            (row.get::<i64, _>(0) as u64, hash)
        })
        .collect())
}

/// Remembers the members' keys (every key a member has shown).
pub async fn record_keys(pool: &SqlitePool, keys: &[LogKey]) -> Result<(), StoreError> {
    for key in keys {
        sqlx::query(
            "INSERT INTO log_keys (node_id, public_key_hex, voter) VALUES (?, ?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(key.node_id as i64)
        .bind(&key.public_key_hex)
        .bind(key.voter)
        .execute(pool)
        .await?;
    }
    Ok(())
}

/// Every recorded key (a member may have several, one per life of its data directory).
pub async fn keys(pool: &SqlitePool) -> Result<Vec<LogKey>, StoreError> {
    let rows = sqlx::query(
        "SELECT node_id, public_key_hex, voter FROM log_keys ORDER BY node_id, public_key_hex",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .iter()
        .map(|row| LogKey {
            node_id: row.get::<i64, _>(0) as u64,
            public_key_hex: row.get(1),
            voter: row.get(2),
        })
        .collect())
}

fn parse(body: String) -> Result<Checkpoint, StoreError> {
    serde_json::from_str(&body).map_err(|source| StoreError::CorruptCheckpoint { source })
}
