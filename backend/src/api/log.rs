//! An election's public log: its canonical lines, the tree head this replica has applied, and
//! RFC 9162 inclusion and consistency proofs. Every index or size beyond the tree is a 400.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use shared::log::{ConsistencyProof, InclusionProof, LogEntries, TreeHead};
use shared::merkle::Tree;

use super::extract::{AppQuery, Scope};
use crate::api::error::ApiError;
use crate::api::state::AppState;

/// The most lines one `entries` call returns.
pub const MAX_ENTRIES: u64 = 1_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/elections/{id}/log/entries", get(entries))
        .route("/api/elections/{id}/log/tree", get(tree))
        .route("/api/elections/{id}/log/inclusion", get(inclusion))
        .route("/api/elections/{id}/log/consistency", get(consistency))
}

fn out_of_range(message: String) -> ApiError {
    ApiError::BadRequest(message)
}

/// Runs `proof` on election `id`'s tree of `size` leaves: 400 when the tree is smaller.
/// Proofs read stored subtrees (O(log² n) hashes), so they run under the read lock.
fn with_tree<T>(
    state: &AppState,
    id: &str,
    size: u64,
    proof: impl FnOnce(&Tree) -> Option<T>,
) -> Result<Option<T>, ApiError> {
    state.election(id, |e| {
        let have = e.public.size();
        if size > have {
            return Err(out_of_range(format!(
                "tree_size {size} is beyond the log's {have} entries"
            )));
        }
        Ok(proof(&e.public.tree))
    })?
}

#[derive(Debug, Deserialize)]
struct Range {
    start: u64,
    end: u64,
}

async fn entries(
    State(state): State<AppState>,
    Scope(id): Scope,
    AppQuery(range): AppQuery<Range>,
) -> Result<Json<LogEntries>, ApiError> {
    let entries = state.election(&id, |e| {
        let have = e.public.size();
        if range.start > range.end || range.end > have {
            return Err(out_of_range(format!(
                "need start <= end <= {have} (the log's entries), got {}..{}",
                range.start, range.end
            )));
        }
        if range.end - range.start > MAX_ENTRIES {
            return Err(out_of_range(format!(
                "at most {MAX_ENTRIES} entries per call"
            )));
        }
        Ok(e.public.lines[range.start as usize..range.end as usize].to_vec())
    })??;
    Ok(Json(LogEntries { entries }))
}

async fn tree(State(state): State<AppState>, Scope(id): Scope) -> Result<Json<TreeHead>, ApiError> {
    let (tree_size, root) = state.election(&id, |e| (e.public.size(), e.public.tree.root()))?;
    Ok(Json(TreeHead {
        election_id: id,
        tree_size,
        root_hash_hex: hex::encode(root),
    }))
}

#[derive(Debug, Deserialize)]
struct InclusionQuery {
    index: u64,
    tree_size: u64,
}

async fn inclusion(
    State(state): State<AppState>,
    Scope(id): Scope,
    AppQuery(query): AppQuery<InclusionQuery>,
) -> Result<Json<InclusionProof>, ApiError> {
    let path = with_tree(&state, &id, query.tree_size, |tree| {
        tree.inclusion(query.index, query.tree_size)
    })?
    .ok_or_else(|| {
        out_of_range(format!(
            "index {} is not in a tree of {}",
            query.index, query.tree_size
        ))
    })?;
    Ok(Json(InclusionProof {
        leaf_index: query.index,
        tree_size: query.tree_size,
        audit_path: path.iter().map(hex::encode).collect(),
    }))
}

#[derive(Debug, Deserialize)]
struct ConsistencyQuery {
    first: u64,
    second: u64,
}

async fn consistency(
    State(state): State<AppState>,
    Scope(id): Scope,
    AppQuery(query): AppQuery<ConsistencyQuery>,
) -> Result<Json<ConsistencyProof>, ApiError> {
    let proof = with_tree(&state, &id, query.second, |tree| {
        tree.consistency(query.first, query.second)
    })?
    .ok_or_else(|| {
        out_of_range(format!(
            "first {} is beyond second {}",
            query.first, query.second
        ))
    })?;
    Ok(Json(ConsistencyProof {
        first: query.first,
        second: query.second,
        proof: proof.iter().map(hex::encode).collect(),
    }))
}
