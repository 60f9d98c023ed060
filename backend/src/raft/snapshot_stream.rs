//! Snapshots on the wire: a leader's cut sent in chunks of rows, staged by the follower page by
//! page, installed when the last chunk arrives.
//!
//! Each chunk is one `POST /raft/snapshot` carrying the leader's vote, the snapshot's metadata,
//! a stream id and the number of rows sent before it. The follower stages the rows in their own
//! short transaction ([`store::snapshots::stage`]) and keeps the remembered answers in memory
//! (they are bounded by `REMEMBERED_KEYS`). A chunk out of order (a lost answer, or two leaders'
//! streams interleaved) is refused; the leader's send fails and openraft starts a new stream
//! later, which restarts the staging. Neither side ever holds more than one chunk of rows.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use std::sync::Arc;
use tokio::sync::Mutex;

use super::state_machine::{Cut, Snapshot, SnapshotData, SnapshotMeta};
use super::{Raft, RaftError, TypeConfig};
use crate::domain::{Remembered, REMEMBERED_KEYS};
use crate::store::snapshots::{self, EventRow};
use crate::store::StoreError;

/// Event rows per chunk: about a megabyte of JSON.
const CHUNK_ROWS: u32 = 4096;
/// Remembered answers per chunk, at most: each carries its decision's events, and the answer to
/// a roll import carries one per voter, so chunks of answers are also cut at about a megabyte.
const CHUNK_REPLIES: usize = 1024;
/// Bytes of remembered answers after which a chunk is closed.
const CHUNK_REPLY_BYTES: usize = 1 << 20;

/// One `POST /raft/snapshot` body.
#[derive(Debug, Serialize, Deserialize)]
pub struct SnapshotChunk {
    pub vote: openraft::alias::VoteOf<TypeConfig>,
    pub meta: SnapshotMeta,
    /// Chosen by the sender for each attempt, so chunks of two attempts are never mixed.
    pub stream: u64,
    /// Rows sent before this chunk: where the follower's staging must stand.
    pub offset: u64,
    pub rows: Vec<EventRow>,
    pub replies: Vec<Remembered>,
    /// The last chunk: install once staged.
    pub done: bool,
}

/// The follower's answer to a chunk.
#[derive(Debug, Serialize, Deserialize)]
pub enum ChunkAnswer {
    /// Staged; send the next one.
    Staged { rows: u64 },
    /// The last chunk was installed (or refused for an older vote, as openraft decided).
    Installed(openraft::raft::SnapshotResponse<TypeConfig>),
}

/// The chunks of one attempt to send a member's own cut.
pub struct Outgoing {
    pool: SqlitePool,
    cut: Arc<Cut>,
    vote: openraft::alias::VoteOf<TypeConfig>,
    meta: SnapshotMeta,
    stream: u64,
    /// The `pos` of the last row sent.
    after: i64,
    rows_sent: u64,
    replies_sent: usize,
    finished: bool,
}

impl Outgoing {
    /// `None` for a snapshot that is not this member's own cut (nothing to read rows from).
    pub fn new(vote: openraft::alias::VoteOf<TypeConfig>, snapshot: Snapshot) -> Option<Outgoing> {
        let SnapshotData::Local { pool, cut } = snapshot.snapshot else {
            return None;
        };
        Some(Outgoing {
            pool,
            cut,
            vote,
            meta: snapshot.meta,
            stream: rand::random(),
            after: 0,
            rows_sent: 0,
            replies_sent: 0,
            finished: false,
        })
    }

    /// The next chunk to send: rows first, then the answers, the last one marked `done`.
    pub async fn next(&mut self) -> Result<Option<SnapshotChunk>, StoreError> {
        if self.finished {
            return Ok(None);
        }
        let offset = self.rows_sent;
        let mut rows = Vec::new();
        if self.after < self.cut.last_pos {
            rows = snapshots::rows(&self.pool, self.after, self.cut.last_pos, CHUNK_ROWS).await?;
        }
        let mut replies = Vec::new();
        match rows.last() {
            Some(last) => {
                self.after = last.pos;
                self.rows_sent += rows.len() as u64;
            }
            // The rows are all sent (or the table ends early, which a cut never does): the
            // answers follow.
            None => {
                self.after = self.cut.last_pos;
                let mut bytes = 0;
                for reply in self.cut.replies.iter().skip(self.replies_sent) {
                    if replies.len() == CHUNK_REPLIES || (bytes >= CHUNK_REPLY_BYTES) {
                        break;
                    }
                    bytes += serde_json::to_vec(reply).map_or(0, |json| json.len());
                    replies.push(reply.clone());
                }
                self.replies_sent += replies.len();
            }
        }
        let done = rows.is_empty() && self.replies_sent == self.cut.replies.len();
        self.finished = done;
        Ok(Some(SnapshotChunk {
            vote: self.vote,
            meta: self.meta.clone(),
            stream: self.stream,
            offset,
            rows,
            replies,
            done,
        }))
    }
}

/// Copies a cut's rows from `source` into `target`'s staging table, page by page.
pub async fn stage_cut(
    source: &SqlitePool,
    cut: &Cut,
    target: &SqlitePool,
) -> Result<(), StoreError> {
    snapshots::begin_staging(target).await?;
    let mut after = 0;
    loop {
        let rows = snapshots::rows(source, after, cut.last_pos, CHUNK_ROWS).await?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.pos;
        snapshots::stage(target, &rows).await?;
    }
}

/// Why a chunk was refused.
#[derive(Debug, thiserror::Error)]
pub enum InboxError {
    #[error("snapshot chunk out of order: {staged} rows staged, the chunk follows {offset}")]
    OutOfOrder { staged: u64, offset: u64 },
    #[error("a snapshot carries at most {REMEMBERED_KEYS} remembered answers")]
    TooManyReplies,
    #[error("staging the snapshot failed: {0}")]
    Store(#[from] StoreError),
}

/// The follower's side: the snapshot being received, if any.
#[derive(Clone)]
pub struct Inbox {
    pool: SqlitePool,
    receiving: Arc<Mutex<Option<Receiving>>>,
}

struct Receiving {
    stream: u64,
    rows: u64,
    replies: Vec<Remembered>,
}

impl Inbox {
    pub fn new(pool: SqlitePool) -> Inbox {
        Inbox {
            pool,
            receiving: Arc::new(Mutex::new(None)),
        }
    }

    /// Stages one chunk; the last one is handed to openraft to install. Chunks are taken one
    /// at a time, so a stream's staging and its install never interleave with another's.
    pub async fn receive(
        &self,
        raft: &Raft,
        chunk: SnapshotChunk,
    ) -> Result<Result<ChunkAnswer, RaftError>, InboxError> {
        let mut receiving = self.receiving.lock().await;
        if receiving.as_ref().map(|r| r.stream) != Some(chunk.stream) {
            if chunk.offset != 0 {
                return Err(InboxError::OutOfOrder {
                    staged: 0,
                    offset: chunk.offset,
                });
            }
            *receiving = None;
            snapshots::begin_staging(&self.pool).await?;
        }
        let state = receiving.get_or_insert_with(|| Receiving {
            stream: chunk.stream,
            rows: 0,
            replies: Vec::new(),
        });
        if state.rows != chunk.offset {
            return Err(InboxError::OutOfOrder {
                staged: state.rows,
                offset: chunk.offset,
            });
        }
        if state.replies.len() + chunk.replies.len() > REMEMBERED_KEYS {
            return Err(InboxError::TooManyReplies);
        }
        snapshots::stage(&self.pool, &chunk.rows).await?;
        state.rows += chunk.rows.len() as u64;
        state.replies.extend(chunk.replies);
        if !chunk.done {
            return Ok(Ok(ChunkAnswer::Staged { rows: state.rows }));
        }
        let replies = std::mem::take(&mut state.replies);
        *receiving = None;
        let snapshot = Snapshot {
            meta: chunk.meta,
            snapshot: SnapshotData::Staged { replies },
        };
        let installed = raft.install_full_snapshot(chunk.vote, snapshot).await;
        Ok(installed
            .map(ChunkAnswer::Installed)
            .map_err(RaftError::Fatal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Decision;
    use shared::{Event, EventPayload};

    fn reply(key: &str, events: usize) -> Remembered {
        let event = Event {
            election_id: "default".into(),
            seq: 1,
            lamport: 1,
            node_id: 1,
            time_ms: 0,
            payload: EventPayload::VotingStarted,
            by: None,
        };
        let decision: Decision = Ok(vec![event; events]);
        Remembered {
            key: key.into(),
            fingerprint: "f".into(),
            decision,
        }
    }

    #[tokio::test]
    async fn a_chunk_of_answers_closes_after_a_megabyte_and_every_answer_is_sent_once_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::store::open(dir.path()).await.unwrap();
        // An import's answer carries one event per voter: far over a chunk's megabyte.
        let replies = vec![
            reply("a", 1),
            reply("big", 20_000),
            reply("b", 1),
            reply("c", 1),
        ];
        assert!(serde_json::to_vec(&replies[1]).unwrap().len() > CHUNK_REPLY_BYTES);
        let cut = Cut {
            last_applied: None,
            membership: Default::default(),
            last_pos: 0,
            replies: replies.clone(),
        };
        let snapshot = Snapshot {
            meta: cut.meta(),
            snapshot: SnapshotData::Local {
                pool,
                cut: Arc::new(cut),
            },
        };
        let vote = openraft::alias::VoteOf::<TypeConfig>::new(1, 1);
        let mut outgoing = Outgoing::new(vote, snapshot).unwrap();
        let mut chunks = Vec::new();
        while let Some(chunk) = outgoing.next().await.unwrap() {
            chunks.push(chunk);
        }
        let keys: Vec<Vec<&str>> = chunks
            .iter()
            .map(|c| c.replies.iter().map(|r| r.key.as_str()).collect())
            .collect();
        assert_eq!(keys, vec![vec!["a", "big"], vec!["b", "c"]]);
        assert!(chunks.iter().all(|c| c.rows.is_empty() && c.offset == 0));
        assert_eq!(
            chunks.iter().map(|c| c.done).collect::<Vec<_>>(),
            vec![false, true]
        );
    }
}
