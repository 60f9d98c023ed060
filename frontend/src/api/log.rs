//! The public log's routes, which every election answers under `/api/elections/{id}/log/`
//! (`default` included) and the members' keys at `/api/log/keys`. Read-only and public: the
//! audit page and the voter's Verify button call them, and trust nothing they answer until
//! [`shared::verify`] or [`shared::recount`] has checked it.

use shared::checkpoint::{Checkpoint, LogKeys};
use shared::log::{ConsistencyProof, InclusionProof, LogEntries};

use super::{get, ApiError, Scope};

/// The server answers at most this many entries per call.
pub const ENTRIES_PER_CALL: u64 = 1_000;

fn route(scope: &Scope, rest: &str) -> String {
    format!("/api/elections/{}/log/{rest}", scope.id())
}

/// `GET /api/log/keys`: every member's checkpoint key.
pub async fn keys() -> Result<LogKeys, ApiError> {
    get("/api/log/keys", None).await
}

/// `GET …/log/checkpoint`: the current tree, co-signed by a majority of the members.
pub async fn checkpoint(scope: &Scope) -> Result<Checkpoint, ApiError> {
    get(&route(scope, "checkpoint"), None).await
}

/// `GET …/log/entries?start&end`: lines `start` to `end - 1` (at most [`ENTRIES_PER_CALL`]).
pub async fn entries(scope: &Scope, start: u64, end: u64) -> Result<Vec<String>, ApiError> {
    let path = route(scope, &format!("entries?start={start}&end={end}"));
    Ok(get::<LogEntries>(&path, None).await?.entries)
}

/// The first `size` lines, fetched a page at a time. `progress` hears how many have come.
pub async fn first_entries(
    scope: &Scope,
    size: u64,
    progress: impl Fn(u64),
) -> Result<Vec<String>, ApiError> {
    let mut lines = Vec::new();
    while (lines.len() as u64) < size {
        let start = lines.len() as u64;
        let end = size.min(start.saturating_add(ENTRIES_PER_CALL));
        let page = entries(scope, start, end).await?;
        if page.is_empty() {
            // A server answering nothing would keep this loop asking forever.
            return Err(ApiError::Decode(format!("no entries from {start}")));
        }
        lines.extend(page);
        progress(lines.len() as u64);
    }
    lines.truncate(size as usize);
    Ok(lines)
}

/// `GET …/log/inclusion?index&tree_size`.
pub async fn inclusion(
    scope: &Scope,
    index: u64,
    tree_size: u64,
) -> Result<InclusionProof, ApiError> {
    let path = route(
        scope,
        &format!("inclusion?index={index}&tree_size={tree_size}"),
    );
    get(&path, None).await
}

/// `GET …/log/consistency?first&second`.
pub async fn consistency(
    scope: &Scope,
    first: u64,
    second: u64,
) -> Result<ConsistencyProof, ApiError> {
    let path = route(scope, &format!("consistency?first={first}&second={second}"));
    get(&path, None).await
}
