//! The SQL of the `replies` table: the state machine's remembered first answers.

use sqlx::{Row, Sqlite, SqlitePool, Transaction};

use super::StoreError;
use crate::domain::{Decision, Remembered};

/// Writes, in the caller's transaction, the keys a batch remembered and forgot.
pub async fn record(
    tx: &mut Transaction<'_, Sqlite>,
    remembered: &[Remembered],
    forgotten: &[String],
) -> Result<(), StoreError> {
    for key in forgotten {
        sqlx::query("DELETE FROM replies WHERE key = ?")
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    for record in remembered {
        sqlx::query(
            // `pos` is the rowid: SQLite numbers a new row one past the largest.
            "INSERT INTO replies (key, fingerprint, decision) VALUES (?, ?, ?) \
             ON CONFLICT(key) DO NOTHING",
        )
        .bind(&record.key)
        .bind(&record.fingerprint)
        .bind(to_json(&record.decision)?)
        .execute(&mut **tx)
        .await?;
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
