//! Given a log of seven lines signed by three members, a good receipt verifies, and each way
//! of breaking it fails with the check that names it.

use ed25519_dalek::{Signer, SigningKey};

use super::*;
use crate::checkpoint::CheckpointSignature;
use crate::log::PublicEntry;

const ELECTION: &str = "board";
/// Where the ballot is: the receipt's tree is the first four lines.
const BALLOT_AT: u64 = 3;
const BALLOT_ID: &str = "00112233445566778899aabbccddeeff";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn key(node: NodeId) -> SigningKey {
    SigningKey::from_bytes(&[node as u8; 32])
}

fn keys() -> Vec<LogKey> {
    (1..=3)
        .map(|node| LogKey {
            node_id: node,
            public_key_hex: hex(key(node).verifying_key().as_bytes()),
            voter: true,
        })
        .collect()
}

fn lines() -> Vec<String> {
    let entries = vec![
        PublicEntry::VoterRegistered {
            voter_id: 1,
            name: "Ann".into(),
        },
        PublicEntry::VotingStarted,
        PublicEntry::VoterRegistered {
            voter_id: 2,
            name: "Bob".into(),
        },
        PublicEntry::BallotCast {
            ballot_id: BALLOT_ID.into(),
            candidate_id: 2,
            click_time_ms: 10,
            supersedes: None,
            answers: None,
            weight: None,
            sealed: None,
        },
        PublicEntry::BallotCast {
            ballot_id: "ff".repeat(16),
            candidate_id: 1,
            click_time_ms: 11,
            supersedes: None,
            answers: None,
            weight: None,
            sealed: None,
        },
        PublicEntry::VotingClosed {
            reason: crate::CloseReason::Admin,
        },
        PublicEntry::ResultsPublished,
    ];
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            PublicLine {
                election_id: ELECTION.into(),
                index: index as u64,
                entry,
                by: None,
            }
            .canonical()
        })
        .collect()
}

fn leaves(lines: &[String]) -> Vec<Hash> {
    lines
        .iter()
        .map(|l| merkle::leaf_hash(l.as_bytes()))
        .collect()
}

fn checkpoint(leaves: &[Hash], signers: &[NodeId]) -> Checkpoint {
    let mut checkpoint = Checkpoint {
        election_id: ELECTION.into(),
        tree_size: leaves.len() as u64,
        root_hash_hex: hex(&merkle::root(leaves)),
        timestamp_ms: 1_700_000_000_000,
        signatures: Vec::new(),
    };
    let text = checkpoint.text();
    checkpoint.signatures = signers
        .iter()
        .map(|node| CheckpointSignature {
            node_id: *node,
            signature_hex: hex(&key(*node).sign(text.as_bytes()).to_bytes()),
        })
        .collect();
    checkpoint
}

fn inclusion(leaves: &[Hash], index: u64) -> InclusionProof {
    let path = merkle::inclusion_proof(leaves, index as usize).unwrap();
    InclusionProof {
        leaf_index: index,
        tree_size: leaves.len() as u64,
        audit_path: path.iter().map(|h| hex(h)).collect(),
    }
}

/// The evidence for the ballot at [`BALLOT_AT`], its receipt signed by member 1 over the tree
/// that ends with it, the latest tree (all seven lines) signed by all three.
fn good() -> ReceiptEvidence {
    let lines = lines();
    let all = leaves(&lines);
    let mine = &all[..=BALLOT_AT as usize];
    let proof = merkle::consistency_proof(&all, mine.len()).unwrap();
    ReceiptEvidence {
        receipt: Receipt {
            election_id: ELECTION.into(),
            ballot_id: BALLOT_ID.into(),
            leaf_index: BALLOT_AT,
            leaf_hash_hex: hex(&all[BALLOT_AT as usize]),
            checkpoint: checkpoint(mine, &[1]),
        },
        keys: keys(),
        latest: checkpoint(&all, &[1, 2, 3]),
        entry: lines[BALLOT_AT as usize].clone(),
        receipt_inclusion: inclusion(mine, BALLOT_AT),
        latest_inclusion: inclusion(&all, BALLOT_AT),
        consistency: ConsistencyProof {
            first: mine.len() as u64,
            second: all.len() as u64,
            proof: proof.iter().map(|h| hex(h)).collect(),
        },
    }
}

#[test]
fn a_good_receipt_verifies_and_says_so_in_words() {
    let verified = verify_receipt(&good()).unwrap();
    assert_eq!(verified.tree_size, 7);
    assert_eq!(verified.signers, vec![1, 2, 3]);
    assert_eq!(
        verified.to_string(),
        "Your ballot is in the log of 7 entries, signed by replicas 1, 2 and 3."
    );
}

#[test]
fn a_receipt_checked_against_its_own_tree_verifies() {
    let mut evidence = good();
    let lines = lines();
    let mine = leaves(&lines[..=BALLOT_AT as usize]);
    evidence.latest = checkpoint(&mine, &[2, 3]);
    evidence.latest_inclusion = evidence.receipt_inclusion.clone();
    evidence.consistency = ConsistencyProof {
        first: 4,
        second: 4,
        proof: Vec::new(),
    };
    assert_eq!(verify_receipt(&evidence).unwrap().signers, vec![2, 3]);
}

#[test]
fn a_wrong_signature_on_the_receipt_is_refused() {
    let mut evidence = good();
    evidence.receipt.checkpoint.signatures[0].signature_hex = "00".repeat(64);
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::ReceiptNotSigned)
    );
}

#[test]
fn a_receipt_signed_by_an_unlisted_key_is_refused() {
    let mut evidence = good();
    evidence.keys.retain(|k| k.node_id != 1);
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::ReceiptNotSigned)
    );
}

#[test]
fn a_latest_checkpoint_signed_by_one_member_is_refused() {
    let mut evidence = good();
    let all = leaves(&lines());
    evidence.latest = checkpoint(&all, &[2]);
    let refused = verify_receipt(&evidence).unwrap_err();
    assert_eq!(
        refused,
        ReceiptError::TooFewSignatures {
            valid: 1,
            needed: 2
        }
    );
    assert!(refused.to_string().contains("at least 2 must sign"));
}

#[test]
fn one_member_signing_twice_counts_once() {
    let mut evidence = good();
    let all = leaves(&lines());
    evidence.latest = checkpoint(&all, &[3, 3]);
    assert!(matches!(
        verify_receipt(&evidence),
        Err(ReceiptError::TooFewSignatures { valid: 1, .. })
    ));
}

#[test]
fn majorities_are_counted_over_the_listed_voting_members() {
    let listed = |voters: u64, learners: u64| -> Vec<LogKey> {
        (1..=voters + learners)
            .map(|node| LogKey {
                node_id: node,
                public_key_hex: String::new(),
                voter: node <= voters,
            })
            .collect()
    };
    assert_eq!(needed_signatures(&listed(1, 0)), 1);
    assert_eq!(needed_signatures(&listed(2, 0)), 2);
    assert_eq!(needed_signatures(&listed(3, 0)), 2);
    assert_eq!(needed_signatures(&listed(4, 0)), 3);
    assert_eq!(needed_signatures(&listed(5, 0)), 3);
    // The tally's key is listed but it does not vote: three replicas still need two.
    assert_eq!(needed_signatures(&listed(3, 1)), 2);
    // A member listed twice (a new key after a wipe) is one member.
    let mut twice = listed(3, 0);
    twice.push(twice[0].clone());
    assert_eq!(needed_signatures(&twice), 2);
}

#[test]
fn a_changed_entry_is_refused() {
    let mut evidence = good();
    evidence.entry = evidence
        .entry
        .replace("\"candidate_id\":2", "\"candidate_id\":1");
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::EntryChanged { leaf_index: 3 })
    );
}

#[test]
fn a_changed_leaf_hash_in_the_receipt_is_refused() {
    let mut evidence = good();
    evidence.receipt.leaf_hash_hex = "ab".repeat(32);
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::EntryChanged { leaf_index: 3 })
    );
}

#[test]
fn another_ballots_line_is_refused() {
    let mut evidence = good();
    evidence.receipt.ballot_id = "ff".repeat(16);
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::EntryNotThisBallot { leaf_index: 3 })
    );
}

#[test]
fn a_leaf_missing_from_the_receipts_root_is_refused() {
    let mut evidence = good();
    evidence.receipt_inclusion.audit_path[0] = "cd".repeat(32);
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::NotInReceiptTree)
    );
}

#[test]
fn a_leaf_missing_from_the_latest_root_is_refused() {
    let mut evidence = good();
    evidence.latest_inclusion.audit_path.pop();
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::NotInLatestTree { tree_size: 7 })
    );
}

#[test]
fn a_proof_for_another_question_is_refused() {
    let mut evidence = good();
    evidence.latest_inclusion.leaf_index = 4;
    assert!(matches!(
        verify_receipt(&evidence),
        Err(ReceiptError::WrongProof(_))
    ));
}

#[test]
fn a_rewritten_history_is_refused() {
    // The latest tree has the ballot but a different line before it: still signed by all
    // three, still including the ballot, but not an extension of the receipt's tree.
    let mut lines = lines();
    lines[0] = lines[0].replace("Ann", "Eve");
    let all = leaves(&lines);
    let mut evidence = good();
    evidence.latest = checkpoint(&all, &[1, 2, 3]);
    evidence.latest_inclusion = inclusion(&all, BALLOT_AT);
    evidence.consistency.proof = merkle::consistency_proof(&all, 4)
        .unwrap()
        .iter()
        .map(|h| hex(h))
        .collect();
    assert_eq!(
        verify_receipt(&evidence),
        Err(ReceiptError::HistoryRewritten {
            receipt_size: 4,
            latest_size: 7
        })
    );
}

#[test]
fn a_shrunk_log_is_refused() {
    let mut evidence = good();
    let lines = lines();
    let fewer = leaves(&lines[..3]);
    evidence.latest = checkpoint(&fewer, &[1, 2, 3]);
    assert!(matches!(
        verify_receipt(&evidence),
        Err(ReceiptError::LogShrank {
            receipt_size: 4,
            latest_size: 3
        })
    ));
}

#[test]
fn a_receipt_that_contradicts_itself_is_refused() {
    let mut evidence = good();
    evidence.receipt.leaf_index = 9;
    assert!(matches!(
        verify_receipt(&evidence),
        Err(ReceiptError::Malformed(_))
    ));
    let mut evidence = good();
    evidence.receipt.leaf_hash_hex = "not hex".into();
    assert!(matches!(
        verify_receipt(&evidence),
        Err(ReceiptError::Malformed(_))
    ));
    let mut evidence = good();
    evidence.latest.election_id = "other".into();
    assert_eq!(verify_receipt(&evidence), Err(ReceiptError::OtherElection));
    let mut evidence = good();
    evidence.keys.clear();
    assert_eq!(verify_receipt(&evidence), Err(ReceiptError::NoKeys));
}

#[test]
fn numbers_and_lists_read_as_words() {
    assert_eq!(with_thousands(0), "0");
    assert_eq!(with_thousands(999), "999");
    assert_eq!(with_thousands(1234), "1,234");
    assert_eq!(with_thousands(1_234_567), "1,234,567");
    assert_eq!(list_in_words(&[1]), "1");
    assert_eq!(list_in_words(&[1, 2]), "1 and 2");
    assert_eq!(list_in_words(&[1, 2, 4]), "1, 2 and 4");
    let verified = Verified {
        ballot_id: String::new(),
        leaf_index: 0,
        tree_size: 1234,
        root_hash_hex: String::new(),
        signers: vec![1],
    };
    assert_eq!(
        verified.to_string(),
        "Your ballot is in the log of 1,234 entries, signed by replica 1."
    );
}
