//! Checkpoints of an election's public log, signed by every member that holds the same tree:
//! `GET /api/log/keys` (each member's public key) and `GET /api/elections/{id}/log/checkpoint`
//! (this member's tree head, signed by it and co-signed by the others it can reach). The
//! members' side is `POST /raft/cosign` (in [`super::members`]): a member signs a tree head
//! only if its own tree of that size has that root.

use std::time::Duration;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use futures_util::future::join_all;
use shared::checkpoint::{signed_text, Checkpoint, CheckpointSignature, LogKey, LogKeys, Receipt};
use shared::merkle;

use super::extract::Scope;
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::cluster::LedgerError;

/// How long a member has to answer a key or co-signing request.
const ASK_TIMEOUT: Duration = Duration::from_secs(2);

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/log/keys", get(keys))
        .route("/api/elections/{id}/log/checkpoint", get(checkpoint))
}

/// This member's key, as the others ask for it.
pub fn own_key(state: &AppState) -> LogKey {
    LogKey {
        node_id: state.settings.node_id,
        public_key_hex: state.signer.public_key_hex(),
        voter: state.settings.voter,
    }
}

async fn keys(State(state): State<AppState>) -> Json<LogKeys> {
    Json(LogKeys {
        keys: gather_keys(&state).await,
    })
}

/// Every reachable member's key (this one's included), by node id.
pub async fn gather_keys(state: &AppState) -> Vec<LogKey> {
    let others = state
        .cluster
        .members()
        .into_iter()
        .filter(|(id, _, _)| *id != state.settings.node_id)
        .map(|(_, addr, _)| {
            let request = state
                .cluster
                .internal(reqwest::Method::GET, &addr, "log-key")
                .timeout(ASK_TIMEOUT);
            async move { request.send().await.ok()?.json::<LogKey>().await.ok() }
        });
    let mut keys: Vec<LogKey> = join_all(others).await.into_iter().flatten().collect();
    keys.push(own_key(state));
    keys.sort_by_key(|k| k.node_id);
    keys
}

/// The tree head of election `id` at `tree_size`, if this member's tree is that large.
/// Any size's root costs O(log n): the tree keeps its perfect subtrees.
pub fn tree_root(state: &AppState, id: &str, tree_size: u64) -> Result<Option<String>, ApiError> {
    let root = state.election(id, |e| e.public.tree.root_at(tree_size))?;
    Ok(root.map(hex::encode))
}

/// A checkpoint of a tree of `tree_size` leaves with `root` at `timestamp_ms`, signed by this
/// member only.
fn own_checkpoint(
    state: &AppState,
    id: &str,
    tree_size: u64,
    root: merkle::Hash,
    timestamp_ms: i64,
) -> Checkpoint {
    let root_hash_hex = hex::encode(root);
    let text = signed_text(id, tree_size, &root_hash_hex, timestamp_ms);
    Checkpoint {
        election_id: id.to_string(),
        tree_size,
        root_hash_hex,
        timestamp_ms,
        signatures: vec![CheckpointSignature {
            node_id: state.settings.node_id,
            signature_hex: state.signer.sign_hex(&text),
        }],
    }
}

/// The receipt of ballot `ballot_id`, cast at `cast_at_ms`, if this member's public log of
/// `id` holds it. Its checkpoint is the tree that ends with the ballot, stamped with the time
/// the vote was received: derived from the log alone, so a retry gets the same receipt (and
/// Ed25519 signatures are deterministic).
pub fn receipt(
    state: &AppState,
    id: &str,
    ballot_id: &str,
    cast_at_ms: i64,
) -> Result<Option<Receipt>, ApiError> {
    let found = state.election(id, |e| {
        let index = *e.public.ballots.get(ballot_id)?;
        let leaf = *e.public.tree.leaves().get(index as usize)?;
        Some((index, leaf, e.public.tree.root_at(index + 1)?))
    })?;
    let Some((leaf_index, leaf, root)) = found else {
        return Ok(None);
    };
    Ok(Some(Receipt {
        election_id: id.to_string(),
        ballot_id: ballot_id.to_string(),
        leaf_index,
        leaf_hash_hex: hex::encode(leaf),
        checkpoint: own_checkpoint(state, id, leaf_index + 1, root, cast_at_ms),
    }))
}

/// The latest checkpoint the checkpointer made when it still covers the whole tree (it makes
/// one every second while the log grows), else a fresh one.
async fn checkpoint(
    State(state): State<AppState>,
    Scope(id): Scope,
) -> Result<Json<Checkpoint>, ApiError> {
    let size = state.election(&id, |e| e.public.size())?;
    if let Some(latest) = state.checkpoints.latest(&id) {
        if latest.tree_size == size {
            return Ok(Json(Checkpoint::clone(&latest)));
        }
    }
    Ok(Json(cosigned(&state, &id).await?))
}

/// A checkpoint of this member's whole tree of election `id`, signed by it and co-signed by
/// the members that hold the same tree; 503 without a majority of the voting replicas.
pub async fn cosigned(state: &AppState, id: &str) -> Result<Checkpoint, ApiError> {
    let (size, root) = state.election(id, |e| (e.public.size(), e.public.tree.root()))?;
    let mut checkpoint = own_checkpoint(state, id, size, root, state.clock.now_ms());
    let members = state.cluster.members();
    let others = members
        .iter()
        .filter(|(id, _, _)| *id != state.settings.node_id)
        .map(|(_, addr, _)| {
            let request = state
                .cluster
                .internal(reqwest::Method::POST, addr, "cosign")
                .timeout(ASK_TIMEOUT)
                .json(&checkpoint);
            async move {
                let response = request.send().await.ok()?;
                if !response.status().is_success() {
                    return None;
                }
                response.json::<CheckpointSignature>().await.ok()
            }
        });
    checkpoint
        .signatures
        .extend(join_all(others).await.into_iter().flatten());
    // A majority of the voting replicas, as for a commit.
    let voters = members.iter().filter(|(_, _, voter)| *voter).count().max(1);
    let needed = voters / 2 + 1;
    if checkpoint.signatures.len() < needed {
        return Err(LedgerError::Unavailable(format!(
            "only {} member(s) co-signed the tree; {needed} needed",
            checkpoint.signatures.len()
        ))
        .into());
    }
    Ok(checkpoint)
}
