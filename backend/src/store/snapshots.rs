//! The SQL of streamed snapshots: reading a cut of the event table page by page, staging a
//! received one in `snapshot_events`, and swapping it in.
//!
//! A snapshot is never copied into one value. The event table is append-only and every replica
//! numbers its rows (`pos`) in the same committed order, so "the first rows up to `pos` N" names
//! a snapshot's events exactly and stays true while new rows are appended after N. The sender
//! reads that prefix in pages; the receiver writes each page in its own short transaction into
//! a staging table with the same schema, and installing is a rename inside one transaction,
//! however long the log.

use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool, Transaction};

use super::StoreError;

/// The event table's schema (migration 0004), for the staging table that replaces it.
const STAGING_TABLE: &str = "CREATE TABLE snapshot_events (
    pos         INTEGER PRIMARY KEY,
    election_id TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    lamport     INTEGER NOT NULL,
    node_id     INTEGER NOT NULL,
    time_ms     INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    UNIQUE (election_id, seq)
)";

/// The event table's triggers (migrations 0001 and 0004): dropping the old table dropped them.
const TRIGGERS: [&str; 2] = [
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events
     BEGIN
         SELECT RAISE(ABORT, 'the event log is append-only');
     END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events
     WHEN NOT EXISTS (SELECT 1 FROM log_reset WHERE allowed = 1)
     BEGIN
         SELECT RAISE(ABORT, 'the event log is append-only');
     END",
];

/// One row of the event table exactly as stored: copied between members without parsing the
/// payload, so the receiver's rows are byte for byte the sender's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    pub pos: i64,
    pub election_id: String,
    pub seq: i64,
    pub lamport: i64,
    pub node_id: i64,
    pub time_ms: i64,
    pub kind: String,
    pub payload: String,
}

/// The last row's `pos` (0 for an empty log): where a snapshot taken now ends.
pub async fn last_pos(pool: &SqlitePool) -> Result<i64, StoreError> {
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(pos) FROM events")
        .fetch_one(pool)
        .await?;
    Ok(last.unwrap_or(0))
}

/// At most `limit` rows with `after < pos <= up_to`, in order.
pub async fn rows(
    pool: &SqlitePool,
    after: i64,
    up_to: i64,
    limit: u32,
) -> Result<Vec<EventRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT pos, election_id, seq, lamport, node_id, time_ms, kind, payload FROM events \
         WHERE pos > ? AND pos <= ? ORDER BY pos LIMIT ?",
    )
    .bind(after)
    .bind(up_to)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(EventRow {
                pos: row.try_get("pos")?,
                election_id: row.try_get("election_id")?,
                seq: row.try_get("seq")?,
                lamport: row.try_get("lamport")?,
                node_id: row.try_get("node_id")?,
                time_ms: row.try_get("time_ms")?,
                kind: row.try_get("kind")?,
                payload: row.try_get("payload")?,
            })
        })
        .collect()
}

/// Empties the staging table for a new incoming snapshot.
pub async fn begin_staging(pool: &SqlitePool) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query("DROP TABLE IF EXISTS snapshot_events")
        .execute(&mut *tx)
        .await?;
    sqlx::query(STAGING_TABLE).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Appends received rows to the staging table, in one short transaction.
pub async fn stage(pool: &SqlitePool, rows: &[EventRow]) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    // 8 values a row: 1,000 rows stay far below SQLite's 32,766 bound parameters.
    for chunk in rows.chunks(super::ROWS_PER_INSERT) {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO snapshot_events \
             (pos, election_id, seq, lamport, node_id, time_ms, kind, payload) ",
        );
        insert.push_values(chunk, |mut values, row| {
            values
                .push_bind(row.pos)
                .push_bind(&row.election_id)
                .push_bind(row.seq)
                .push_bind(row.lamport)
                .push_bind(row.node_id)
                .push_bind(row.time_ms)
                .push_bind(&row.kind)
                .push_bind(&row.payload);
        });
        insert.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// How many rows are staged, and the last one's `pos`.
pub async fn staged(pool: &SqlitePool) -> Result<(u64, i64), StoreError> {
    let (count, last): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MAX(pos) FROM snapshot_events")
            .fetch_one(pool)
            .await?;
    Ok((u64::try_from(count).unwrap_or(0), last.unwrap_or(0)))
}

/// Replaces the event table by the staged one, in the caller's transaction: a rename, whatever
/// the log's length. The old table goes with its triggers (dropping fires none of them), and
/// the append-only triggers are put back on the new one.
pub async fn swap_in_staged(tx: &mut Transaction<'_, Sqlite>) -> Result<(), StoreError> {
    sqlx::query("DROP TABLE events").execute(&mut **tx).await?;
    sqlx::query("ALTER TABLE snapshot_events RENAME TO events")
        .execute(&mut **tx)
        .await?;
    for trigger in TRIGGERS {
        sqlx::query(trigger).execute(&mut **tx).await?;
    }
    Ok(())
}
