//! Checking a copy of an election's public log, wherever it came from: every line in its place,
//! the tree it makes equal to what a checkpoint's signers signed, receipts and earlier
//! checkpoints. (The recount is `shared::recount`, the same as the audit page's.)

use shared::checkpoint::{Checkpoint, LogKey, Receipt};
use shared::log::PublicLine;
use shared::merkle::{self, Hash};

/// Parses every line and checks it names `election` and its own position; returns the leaf
/// hashes, or the first bad index and why.
pub fn check_lines(election: &str, lines: &[String]) -> Result<Vec<Hash>, String> {
    let mut leaves = Vec::with_capacity(lines.len());
    for (at, line) in lines.iter().enumerate() {
        let parsed: PublicLine = serde_json::from_str(line)
            .map_err(|e| format!("entry {at}: not a public line ({e})"))?;
        if parsed.index != at as u64 {
            return Err(format!(
                "entry {at}: says it is entry {} (removed, added or reordered entries)",
                parsed.index
            ));
        }
        if parsed.election_id != election {
            return Err(format!(
                "entry {at}: belongs to election {:?}",
                parsed.election_id
            ));
        }
        if parsed.canonical() != *line {
            return Err(format!("entry {at}: is not in canonical form"));
        }
        leaves.push(merkle::leaf_hash(line.as_bytes()));
    }
    Ok(leaves)
}

/// Checks `checkpoint` against the leaves: enough valid signatures from `keys`, and the root
/// of its first `tree_size` leaves equal to the signed one. Returns the signers.
pub fn check_checkpoint(
    checkpoint: &Checkpoint,
    keys: &[LogKey],
    needed: usize,
    leaves: &[Hash],
) -> Result<Vec<u64>, String> {
    let signers = checkpoint.verify(keys, needed)?;
    let size = checkpoint.tree_size as usize;
    if size > leaves.len() {
        return Err(format!(
            "the checkpoint covers {size} entries; the log has {}",
            leaves.len()
        ));
    }
    let root = hex::encode(merkle::root(&leaves[..size]));
    if root != checkpoint.root_hash_hex {
        return Err(format!(
            "the first {size} entries hash to {root}, not to the signed root {}",
            checkpoint.root_hash_hex
        ));
    }
    Ok(signers)
}

/// An earlier checkpoint is a prefix of this log: signed by a listed key, and the log's first
/// entries hash to its root (the consistency proof, recomputed from every entry).
pub fn check_prefix(earlier: &Checkpoint, keys: &[LogKey], leaves: &[Hash]) -> Result<(), String> {
    check_checkpoint(earlier, keys, 1, leaves).map(drop)
}

pub fn check_receipt(
    receipt: &Receipt,
    election: &str,
    keys: &[LogKey],
    lines: &[String],
    leaves: &[Hash],
) -> Result<(), String> {
    if receipt.election_id != election {
        return Err(format!("for election {:?}", receipt.election_id));
    }
    check_prefix(&receipt.checkpoint, keys, leaves)?;
    let at = receipt.leaf_index as usize;
    let (Some(line), Some(leaf)) = (lines.get(at), leaves.get(at)) else {
        return Err(format!("entry {at} is not in the log"));
    };
    if hex::encode(leaf) != receipt.leaf_hash_hex || !line.contains(&receipt.ballot_id) {
        return Err(format!("entry {at} is not ballot {}", receipt.ballot_id));
    }
    let size = receipt.checkpoint.tree_size as usize;
    let proof = merkle::inclusion_proof(&leaves[..size], at).ok_or("not in its checkpoint")?;
    let root: Hash = hex::decode(&receipt.checkpoint.root_hash_hex)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("a checkpoint root that is not a hash")?;
    match merkle::verify_inclusion(leaf, at as u64, size as u64, &proof, &root) {
        true => Ok(()),
        false => Err("the inclusion proof fails".into()),
    }
}

#[cfg(test)]
mod tests {
    use shared::log::PublicEntry;

    use super::*;

    fn log(election: &str, entries: Vec<PublicEntry>) -> Vec<String> {
        entries
            .into_iter()
            .enumerate()
            .map(|(index, entry)| {
                PublicLine {
                    election_id: election.into(),
                    index: index as u64,
                    entry,
                    by: None,
                }
                .canonical()
            })
            .collect()
    }

    fn ballot(id: &str, candidate_id: u32, supersedes: Option<&str>) -> PublicEntry {
        PublicEntry::BallotCast {
            ballot_id: id.into(),
            candidate_id,
            click_time_ms: 0,
            supersedes: supersedes.map(str::to_string),
            answers: None,
            weight: None,
            sealed: None,
        }
    }

    #[test]
    fn a_changed_removed_or_reordered_entry_is_found_at_its_index() {
        let lines = log(
            "e",
            vec![
                PublicEntry::VotingStarted,
                ballot("a", 1, None),
                ballot("b", 2, None),
                ballot("c", 2, None),
            ],
        );
        let leaves = check_lines("e", &lines).unwrap();
        assert_eq!(merkle::root(&leaves).len(), 32);

        let mut removed = lines.clone();
        removed.remove(1);
        assert!(check_lines("e", &removed)
            .unwrap_err()
            .starts_with("entry 1:"));
        let mut reordered = lines.clone();
        reordered.swap(2, 3);
        assert!(check_lines("e", &reordered)
            .unwrap_err()
            .starts_with("entry 2:"));
        assert!(check_lines("f", &lines)
            .unwrap_err()
            .starts_with("entry 0:"));
        // A changed choice keeps its place: the signed root is what catches it.
        let mut changed = lines.clone();
        changed[2] = changed[2].replace("\"candidate_id\":2", "\"candidate_id\":1");
        let changed_leaves = check_lines("e", &changed).unwrap();
        assert_ne!(merkle::root(&changed_leaves), merkle::root(&leaves));
        let mut spaced = lines.clone();
        spaced[3] = spaced[3].replace(':', ": ");
        assert!(check_lines("e", &spaced)
            .unwrap_err()
            .starts_with("entry 3:"));
    }
}
