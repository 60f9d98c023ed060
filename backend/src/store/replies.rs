//! The SQL of the `replies` table: the state machine's remembered first answers.

use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool, Transaction};

use super::{StoreError, ROWS_PER_INSERT};
use crate::domain::{Decision, Remembered};

/// Writes, in the caller's transaction, the keys a batch remembered and forgot (a few
/// multi-row statements, not one per key).
pub async fn record(
    tx: &mut Transaction<'_, Sqlite>,
    remembered: &[Remembered],
    forgotten: &[String],
) -> Result<(), StoreError> {
    for chunk in forgotten.chunks(ROWS_PER_INSERT) {
        let mut delete = QueryBuilder::<Sqlite>::new("DELETE FROM replies WHERE key IN (");
        let mut keys = delete.separated(", ");
        for key in chunk {
            keys.push_bind(key);
        }
        delete.push(")");
        delete.build().execute(&mut **tx).await?;
    }
    for chunk in remembered.chunks(ROWS_PER_INSERT) {
        let mut decisions = Vec::with_capacity(chunk.len());
        for record in chunk {
            decisions.push(to_json(&record.decision)?);
        }
        // `pos` is the rowid: SQLite numbers each new row one past the largest, in order.
        let mut insert =
            QueryBuilder::<Sqlite>::new("INSERT INTO replies (key, fingerprint, decision) ");
        insert.push_values(
            chunk.iter().zip(decisions),
            |mut row, (record, decision)| {
                row.push_bind(&record.key)
                    .push_bind(&record.fingerprint)
                    .push_bind(decision);
            },
        );
        insert.push(" ON CONFLICT(key) DO NOTHING");
        insert.build().execute(&mut **tx).await?;
    }
    Ok(())
}

/// Replaces every record (snapshot installation), in the caller's transaction.
pub async fn replace(
    tx: &mut Transaction<'_, Sqlite>,
    records: &[Remembered],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM replies")
        .execute(&mut **tx)
        .await?;
    record(tx, records, &[]).await
}

/// Every record, oldest first.
pub async fn all(pool: &SqlitePool) -> Result<Vec<Remembered>, StoreError> {
    let rows = sqlx::query("SELECT key, fingerprint, decision FROM replies ORDER BY pos")
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// The record of one key, if remembered.
pub async fn find(pool: &SqlitePool, key: &str) -> Result<Option<Remembered>, StoreError> {
    let row = sqlx::query("SELECT key, fingerprint, decision FROM replies WHERE key = ?")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Remembered, StoreError> {
    let decision: String = row.try_get("decision")?;
    let decision: Decision =
        serde_json::from_str(&decision).map_err(|source| StoreError::CorruptReply { source })?;
    Ok(Remembered {
        key: row.try_get("key")?,
        fingerprint: row.try_get("fingerprint")?,
        decision,
    })
}

fn to_json(decision: &Decision) -> Result<String, StoreError> {
    serde_json::to_string(decision).map_err(|source| StoreError::CorruptReply { source })
}
