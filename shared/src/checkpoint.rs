//! Checkpoints: an election's tree head (size, root, time) signed with the Ed25519 key of each
//! member that has the same tree, and how a client checks one. A client accepts a checkpoint
//! only with enough valid signatures from distinct listed keys (a majority of the replicas).

use std::collections::BTreeSet;

use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::elections::ElectionId;
use crate::ids::{NodeId, TimestampMs};

/// One member's signature on a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckpointSignature {
    pub node_id: NodeId,
    pub signature_hex: String,
}

/// `GET /api/elections/{id}/log/checkpoint`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Checkpoint {
    pub election_id: ElectionId,
    pub tree_size: u64,
    pub root_hash_hex: String,
    pub timestamp_ms: TimestampMs,
    pub signatures: Vec<CheckpointSignature>,
}

/// A voter's receipt: the ballot's place in the public log and a checkpoint that includes it,
/// signed at least by the member that answered. The voter later checks it against a
/// co-signed checkpoint (inclusion, then consistency from this one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub election_id: ElectionId,
    pub ballot_id: String,
    pub leaf_index: u64,
    pub leaf_hash_hex: String,
    pub checkpoint: Checkpoint,
}

/// One member's public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogKey {
    pub node_id: NodeId,
    pub public_key_hex: String,
    /// Whether the member votes in the cluster (false for the tally learner): the signatures a
    /// checkpoint needs are a majority of the voting members. Absent means a voter.
    #[serde(default = "a_voter")]
    pub voter: bool,
}

fn a_voter() -> bool {
    true
}

/// `GET /api/log/keys`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogKeys {
    pub keys: Vec<LogKey>,
}

/// The exact text every member signs.
pub fn signed_text(
    election_id: &str,
    tree_size: u64,
    root_hash_hex: &str,
    timestamp_ms: TimestampMs,
) -> String {
    format!("ballot-checkpoint/v1\n{election_id}\n{tree_size}\n{root_hash_hex}\n{timestamp_ms}\n")
}

impl Checkpoint {
    pub fn text(&self) -> String {
        signed_text(
            &self.election_id,
            self.tree_size,
            &self.root_hash_hex,
            self.timestamp_ms,
        )
    }

    /// The members whose signatures are valid under `keys`, each counted once; `Err` with the
    /// reason when fewer than `needed` are. A member listed with several keys (one per life
    /// of its data directory) signs validly with any of them.
    pub fn verify(&self, keys: &[LogKey], needed: usize) -> Result<Vec<NodeId>, String> {
        let text = self.text();
        let mut signers = BTreeSet::new();
        for signature in &self.signatures {
            // A member may be listed with several keys (a new one after its data was wiped).
            let valid = keys
                .iter()
                .filter(|k| k.node_id == signature.node_id)
                .any(|k| verify_hex(&k.public_key_hex, text.as_bytes(), &signature.signature_hex));
            if valid {
                signers.insert(signature.node_id);
            }
        }
        if signers.len() < needed {
            return Err(format!(
                "{} valid signature(s) from listed keys, {needed} needed",
                signers.len()
            ));
        }
        Ok(signers.into_iter().collect())
    }
}

/// `hex` as exactly `N` bytes (either case), or `None`.
pub(crate) fn bytes<const N: usize>(hex: &str) -> Option<[u8; N]> {
    if hex.len() != N * 2 || !hex.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// Whether `signature_hex` is `public_key_hex`'s Ed25519 signature of `message`.
pub fn verify_hex(public_key_hex: &str, message: &[u8], signature_hex: &str) -> bool {
    let (Some(key), Some(signature)) = (bytes::<32>(public_key_hex), bytes::<64>(signature_hex))
    else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&key) else {
        return false;
    };
    key.verify(message, &Signature::from_bytes(&signature))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8032 §7.1, TEST 2 (a one-byte message).
    #[test]
    fn the_rfc_8032_vector_verifies_and_a_changed_one_does_not() {
        let key = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        let signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da\
                         085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";
        assert!(verify_hex(key, &[0x72], signature));
        assert!(!verify_hex(key, &[0x73], signature));
        let mut changed = signature.to_string();
        changed.replace_range(0..2, "93");
        assert!(!verify_hex(key, &[0x72], &changed));
        assert!(!verify_hex(&key[..62], &[0x72], signature));
        assert!(!verify_hex(key, &[0x72], "zz"));
    }

    #[test]
    fn the_signed_text_is_the_documented_one() {
        assert_eq!(
            signed_text("board", 12, "ab", 1700),
            "ballot-checkpoint/v1\nboard\n12\nab\n1700\n"
        );
    }

    /// A member whose data was wiped signs with a new key; checkpoints it signed before still
    /// count when both keys are listed, and a signature counts once per member.
    #[test]
    fn a_member_listed_with_two_keys_signs_validly_with_either_and_counts_once() {
        use ed25519_dalek::{Signer, SigningKey};
        let (old, new, other) = (
            SigningKey::from_bytes(&[1; 32]),
            SigningKey::from_bytes(&[2; 32]),
            SigningKey::from_bytes(&[3; 32]),
        );
        let listed = |node_id, key: &SigningKey| LogKey {
            node_id,
            public_key_hex: hex_of(&key.verifying_key().to_bytes()),
            voter: true,
        };
        let mut checkpoint = Checkpoint {
            election_id: "e".into(),
            tree_size: 3,
            root_hash_hex: "ab".into(),
            timestamp_ms: 9,
            signatures: vec![],
        };
        let text = checkpoint.text();
        let sign = |node_id, key: &SigningKey| CheckpointSignature {
            node_id,
            signature_hex: hex_of(&key.sign(text.as_bytes()).to_bytes()),
        };
        checkpoint.signatures = vec![sign(1, &old), sign(1, &new), sign(2, &other)];
        let keys = vec![listed(1, &new), listed(2, &other)];
        assert_eq!(checkpoint.verify(&keys, 2), Ok(vec![1, 2]));
        let both = vec![listed(1, &new), listed(1, &old), listed(2, &other)];
        checkpoint.signatures = vec![sign(1, &old), sign(1, &new)];
        assert!(
            checkpoint.verify(&both, 2).is_err(),
            "one member, two keys: one signer"
        );
        checkpoint.signatures.push(sign(2, &other));
        assert_eq!(checkpoint.verify(&both, 2), Ok(vec![1, 2]));
        // Node 2's key under node 1's name proves nothing for node 1.
        checkpoint.signatures = vec![sign(1, &other), sign(2, &other)];
        assert!(checkpoint.verify(&keys, 2).is_err());
    }

    fn hex_of(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}
