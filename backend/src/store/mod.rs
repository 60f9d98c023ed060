//! SQLite: opening the database and the only SQL that touches the event table.
//!
//! Every node keeps one database file, `ballot.sqlite3` in its data directory, in WAL mode with
//! `synchronous=NORMAL`: a commit reaches the WAL file without an fsync, and what must survive a
//! power cut (the Raft log, the vote, the signing record) is made durable by [`wal::Wal`], one
//! fsync shared by every commit before it. An acknowledged vote is in the Raft log of a
//! majority, fsynced, before its answer; the state machine's batches are re-applied from there
//! if a power cut takes them.

pub mod checkpoints;
pub mod replies;
pub mod snapshots;
pub mod wal;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use shared::{Event, EventPayload};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("corrupt row {seq} in the event log: {source}")]
    Corrupt { seq: i64, source: serde_json::Error },
    #[error("corrupt row in the replies table: {source}")]
    CorruptReply { source: serde_json::Error },
    #[error("corrupt row in the checkpoints table: {source}")]
    CorruptCheckpoint { source: serde_json::Error },
}

/// Rows SQLite's thread may hand over before the reader takes them.
const ROW_CHANNEL: usize = 1024;

/// Opens (creating if needed) the node's database and brings its schema up to date.
pub async fn open(data_dir: &Path) -> Result<SqlitePool, StoreError> {
    std::fs::create_dir_all(data_dir).map_err(sqlx::Error::Io)?;
    let url = format!("sqlite://{}", data_dir.join("ballot.sqlite3").display());
    let options = SqliteConnectOptions::from_str(&url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        // SQLite's thread hands rows over a bounded channel; at sqlx's default of 50 a long
        // read (a replay, a snapshot page, an audit) woke the reader every 50 rows and
        // blocked SQLite's thread in between. 1,024 rows are a few hundred kilobytes at most.
        .row_buffer_size(ROW_CHANNEL);
    // One connection: every statement of the node queues in the pool, first come first
    // served. With several, writers contend inside SQLite, whose busy handler sleeps up to
    // 100 ms between attempts; under a steady stream of short transactions a waiting writer
    // kept missing the lock for one to three seconds (a follower's vote record, the snapshot
    // record, a log append), long enough for a follower to miss the leader's heartbeats and
    // start an election. Reads are short (pages of at most a few thousand rows), and the
    // state readers need is in memory.
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    sqlx::migrate!("../migrations").run(&pool).await?;
    Ok(pool)
}

/// Rows per multi-row `INSERT`: each statement is one round trip to SQLite's worker thread,
/// so a batch of 512 votes costs one statement, not 512 (7 values a row stays far below
/// SQLite's 32,766 bound parameters).
pub const ROWS_PER_INSERT: usize = 1000;

/// Appends events inside the caller's transaction (so one commit covers a whole batch).
pub async fn append_events(
    tx: &mut Transaction<'_, Sqlite>,
    events: &[Event],
) -> Result<(), StoreError> {
    for chunk in events.chunks(ROWS_PER_INSERT) {
        let mut payloads = Vec::with_capacity(chunk.len());
        for event in chunk {
            payloads.push(encode_payload(event).map_err(|source| StoreError::Corrupt {
                seq: event.seq as i64,
                source,
            })?);
        }
        let mut insert = sqlx::QueryBuilder::<Sqlite>::new(
            "INSERT INTO events (election_id, seq, lamport, node_id, time_ms, kind, payload) ",
        );
        insert.push_values(chunk.iter().zip(payloads), |mut row, (event, payload)| {
            row.push_bind(&event.election_id)
                .push_bind(event.seq as i64)
                .push_bind(event.lamport as i64)
                .push_bind(event.node_id as i64)
                .push_bind(event.time_ms)
                .push_bind(event.payload.kind())
                .push_bind(payload);
        });
        insert.build().execute(&mut **tx).await?;
    }
    Ok(())
}

/// One election's events with `seq > after`, in order, at most `limit` of them.
pub async fn events_after(
    pool: &SqlitePool,
    election: &str,
    after: u64,
    limit: u32,
) -> Result<Vec<Event>, StoreError> {
    // Sequence numbers are stored as SQLite's signed integers. A client's `after` beyond
    // i64::MAX is after every event; cast with `as`, it would wrap to -1 and mean "all of them".
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    let rows = sqlx::query(
        "SELECT election_id, seq, lamport, node_id, time_ms, payload FROM events \
         WHERE election_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    )
    .bind(election)
    .bind(after)
    .bind(limit as i64)
    .fetch_all(pool)
    .await?;
    rows.iter().map(event_from_row).collect()
}

/// One election's last `limit` events, in order.
pub async fn events_tail(
    pool: &SqlitePool,
    election: &str,
    limit: u32,
) -> Result<Vec<Event>, StoreError> {
    let last = last_seq(pool, election).await?;
    events_after(pool, election, last.saturating_sub(limit as u64), limit).await
}

/// The whole log of every election, in apply order (start-up replay, snapshots, audits).
pub async fn all_events(pool: &SqlitePool) -> Result<Vec<Event>, StoreError> {
    let rows = sqlx::query(
        "SELECT election_id, seq, lamport, node_id, time_ms, payload FROM events ORDER BY pos",
    )
    .fetch_all(pool)
    .await?;
    rows.iter().map(event_from_row).collect()
}

/// At most `limit` events of every election with `pos > after`, in apply order, with the last
/// one's `pos`: a long log is replayed page by page instead of held whole in memory.
pub async fn events_page(
    pool: &SqlitePool,
    after: i64,
    limit: u32,
) -> Result<(Vec<Event>, i64), StoreError> {
    let rows = sqlx::query(
        "SELECT pos, election_id, seq, lamport, node_id, time_ms, payload FROM events \
         WHERE pos > ? ORDER BY pos LIMIT ?",
    )
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    let last = match rows.last() {
        Some(row) => row.try_get("pos")?,
        None => after,
    };
    let events = rows.iter().map(event_from_row).collect::<Result<_, _>>()?;
    Ok((events, last))
}

/// One election's last sequence number stored (0 for an empty log).
pub async fn last_seq(pool: &SqlitePool, election: &str) -> Result<u64, StoreError> {
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM events WHERE election_id = ?")
        .bind(election)
        .fetch_one(pool)
        .await?;
    Ok(last.unwrap_or(0) as u64)
}

/// The `payload` column: the event's payload as JSON, with the account that did it as a
/// `by` key beside the payload's own (a key no payload has), so the column, the snapshots
/// that copy it and every reader of older rows stay as they were.
fn encode_payload(event: &Event) -> Result<String, serde_json::Error> {
    let payload = serde_json::to_string(&event.payload)?;
    let Some(by) = &event.by else {
        // Byte for byte what the column held before accounts.
        return Ok(payload);
    };
    // A payload is a JSON object (the enum is tagged), so `by` goes before its last brace,
    // leaving the payload's own fields in their order.
    let by = serde_json::to_string(by)?;
    Ok(match payload.strip_suffix('}') {
        Some(open) if open.ends_with('{') => format!("{open}\"by\":{by}}}"),
        Some(open) => format!("{open},\"by\":{by}}}"),
        None => payload,
    })
}

/// Reads [`encode_payload`]'s text back.
fn decode_payload(
    text: &str,
) -> Result<(EventPayload, Option<shared::accounts::Actor>), serde_json::Error> {
    // Most rows carry no account: read them straight into the payload, without the detour
    // through a `Value` tree (a third of a million-event replay's time went to that). `"by":`
    // with its quotes unescaped can only be a key, so a row without it has no account.
    if !text.contains("\"by\":") {
        return Ok((serde_json::from_str(text)?, None));
    }
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    let by = match value.as_object_mut().and_then(|object| object.remove("by")) {
        Some(by) => Some(serde_json::from_value(by)?),
        None => None,
    };
    Ok((serde_json::from_value(value)?, by))
}

fn event_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Event, StoreError> {
    let seq: i64 = row.try_get("seq")?;
    let payload: String = row.try_get("payload")?;
    let (payload, by) =
        decode_payload(&payload).map_err(|source| StoreError::Corrupt { seq, source })?;
    Ok(Event {
        election_id: row.try_get("election_id")?,
        seq: seq as u64,
        lamport: row.try_get::<i64, _>("lamport")? as u64,
        node_id: row.try_get::<i64, _>("node_id")? as u64,
        time_ms: row.try_get("time_ms")?,
        payload,
        by,
    })
}

#[cfg(test)]
mod tests {
    use super::{decode_payload, encode_payload};
    use shared::accounts::Actor;
    use shared::{Event, EventPayload};

    fn event(payload: EventPayload, by: Option<Actor>) -> Event {
        Event {
            election_id: "board".into(),
            seq: 1,
            lamport: 1,
            node_id: 1,
            time_ms: 0,
            payload,
            by,
        }
    }

    #[test]
    fn the_account_rides_in_the_payload_column_and_comes_back() {
        let ana = Actor {
            account_id: 2,
            name: "Ana".into(),
        };
        let deadline = EventPayload::DeadlineSet { end_time_ms: 9 };
        for (payload, by) in [
            (deadline.clone(), None),
            (deadline.clone(), Some(ana.clone())),
            (EventPayload::VotingStarted, Some(ana.clone())),
        ] {
            let stored = encode_payload(&event(payload.clone(), by.clone())).unwrap();
            assert_eq!(decode_payload(&stored).unwrap(), (payload, by));
        }
        // Without an account the column is the payload's own JSON, fields in their order.
        let plain = encode_payload(&event(deadline.clone(), None)).unwrap();
        assert_eq!(plain, serde_json::to_string(&deadline).unwrap());
        let with = encode_payload(&event(deadline, Some(ana))).unwrap();
        assert!(with.starts_with(&plain[..plain.len() - 1]), "{with}");
    }
}
