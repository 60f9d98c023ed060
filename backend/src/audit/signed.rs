//! `ballot audit --data-dir D --election ID`, the public part: the member's database keeps
//! every checkpoint it co-signed and the leaf hashes those checkpoints cover
//! (`migrations/0005_checkpoints.sql`). The audit checks each checkpoint's signatures and
//! that the recorded leaves hash to its root, then compares the public log replayed from the
//! events, entry by entry, with those leaves: an event changed, removed or reordered after it
//! was signed is named by the index of the first public entry that differs.

use shared::checkpoint::{Checkpoint, LogKey};
use shared::merkle::{Hash, Tree};

/// What the signed record vouches for.
#[derive(Debug, PartialEq, Eq)]
pub struct Vouched {
    /// How many checkpoints were checked.
    pub checkpoints: usize,
    /// The largest tree they cover (every replayed entry below it matches).
    pub signed_size: u64,
    /// Who signed the largest one.
    pub signers: Vec<u64>,
}

/// Checks the recorded `checkpoints` (signed by enough of `keys`) against the recorded leaves,
/// then the replayed `leaves` against the recorded ones. `Err` names the first bad entry.
pub fn check_signed(
    election: &str,
    leaves: &[Hash],
    recorded: &[(u64, Hash)],
    checkpoints: &[Checkpoint],
    keys: &[LogKey],
) -> Result<Vouched, String> {
    let mut tree = Tree::default();
    for (at, (index, leaf)) in recorded.iter().enumerate() {
        if *index != at as u64 {
            return Err(format!(
                "the recorded leaves jump from entry {at} to entry {index}"
            ));
        }
        tree.push(*leaf);
    }
    // A majority of the voting members, as every client asks of a checkpoint.
    let needed = shared::verify::needed_signatures(keys);
    let mut vouched = Vouched {
        checkpoints: 0,
        signed_size: 0,
        signers: vec![],
    };
    for checkpoint in checkpoints {
        let size = checkpoint.tree_size;
        if checkpoint.election_id != election {
            return Err(format!(
                "a recorded checkpoint is of election {:?}",
                checkpoint.election_id
            ));
        }
        let signers = checkpoint
            .verify(keys, needed)
            .map_err(|e| format!("the checkpoint of {size} entries: {e}"))?;
        let Some(root) = tree.root_at(size) else {
            return Err(format!(
                "the checkpoint of {size} entries covers more than the {} recorded leaves",
                tree.size()
            ));
        };
        if hex::encode(root) != checkpoint.root_hash_hex {
            return Err(format!(
                "the recorded leaves of entries {}..{size} were changed after the checkpoint \
                 of {size} entries was signed",
                vouched.signed_size.min(size),
            ));
        }
        vouched.checkpoints += 1;
        if size >= vouched.signed_size {
            vouched.signed_size = size;
            vouched.signers = signers;
        }
    }
    let signed = &tree.leaves()[..vouched.signed_size as usize];
    for (at, recorded) in signed.iter().enumerate() {
        match leaves.get(at) {
            None => {
                return Err(format!(
                    "entry {at}: missing (the members signed {} entries, the events replay \
                     to {})",
                    signed.len(),
                    leaves.len()
                ))
            }
            Some(leaf) if leaf != recorded => {
                return Err(format!(
                    "entry {at}: not the entry the members signed (an event was changed, \
                     removed or reordered)"
                ))
            }
            Some(_) => {}
        }
    }
    Ok(vouched)
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};
    use shared::checkpoint::{signed_text, CheckpointSignature};
    use shared::merkle::{leaf_hash, root};

    use super::*;

    fn keys() -> (Vec<SigningKey>, Vec<LogKey>) {
        let signing: Vec<SigningKey> = (1..=3u8)
            .map(|i| SigningKey::from_bytes(&[i; 32]))
            .collect();
        let listed = signing
            .iter()
            .enumerate()
            .map(|(i, k)| LogKey {
                node_id: i as u64 + 1,
                public_key_hex: hex::encode(k.verifying_key().to_bytes()),
                voter: true,
            })
            .collect();
        (signing, listed)
    }

    fn checkpoint(signing: &[SigningKey], leaves: &[Hash], size: usize) -> Checkpoint {
        let root_hash_hex = hex::encode(root(&leaves[..size]));
        let text = signed_text("e", size as u64, &root_hash_hex, 7);
        Checkpoint {
            election_id: "e".into(),
            tree_size: size as u64,
            root_hash_hex,
            timestamp_ms: 7,
            signatures: signing
                .iter()
                .enumerate()
                .map(|(i, k)| CheckpointSignature {
                    node_id: i as u64 + 1,
                    signature_hex: hex::encode(k.sign(text.as_bytes()).to_bytes()),
                })
                .collect(),
        }
    }

    #[test]
    fn a_changed_removed_or_reordered_entry_is_named_and_a_forged_record_refused() {
        let (signing, listed) = keys();
        let leaves: Vec<Hash> = (0u8..10).map(|i| leaf_hash(&[i])).collect();
        let recorded: Vec<(u64, Hash)> = leaves
            .iter()
            .copied()
            .enumerate()
            .map(|(i, l)| (i as u64, l))
            .collect();
        let checkpoints = vec![
            checkpoint(&signing, &leaves, 4),
            checkpoint(&signing, &leaves, 9),
        ];
        let good = check_signed("e", &leaves, &recorded, &checkpoints, &listed).unwrap();
        assert_eq!(
            (good.checkpoints, good.signed_size, good.signers),
            (2, 9, vec![1, 2, 3])
        );

        let mut changed = leaves.clone();
        changed[6] = leaf_hash(b"another");
        let error = check_signed("e", &changed, &recorded, &checkpoints, &listed).unwrap_err();
        assert!(error.starts_with("entry 6:"), "{error}");

        let mut removed = leaves.clone();
        removed.remove(3);
        let error = check_signed("e", &removed, &recorded, &checkpoints, &listed).unwrap_err();
        assert!(error.starts_with("entry 3:"), "{error}");

        let mut reordered = leaves.clone();
        reordered.swap(1, 2);
        let error = check_signed("e", &reordered, &recorded, &checkpoints, &listed).unwrap_err();
        assert!(error.starts_with("entry 1:"), "{error}");

        // Rewriting the recorded leaves too is caught by the signatures' roots.
        let mut forged = recorded.clone();
        forged[6].1 = changed[6];
        let error = check_signed("e", &changed, &forged, &checkpoints, &listed).unwrap_err();
        assert!(error.contains("entries 4..9 were changed"), "{error}");

        // A checkpoint signed by one member only, or with a wrong signature, is refused.
        let mut lonely = checkpoints.clone();
        lonely[1].signatures.truncate(1);
        assert!(check_signed("e", &leaves, &recorded, &lonely, &listed).is_err());
        let mut wrong = checkpoints;
        wrong[0].signatures[1].signature_hex = wrong[0].signatures[0].signature_hex.clone();
        wrong[0].signatures[2].signature_hex = wrong[0].signatures[0].signature_hex.clone();
        let error = check_signed("e", &leaves, &recorded, &wrong, &listed).unwrap_err();
        assert!(error.contains("1 valid signature"), "{error}");
    }
}
