//! The Verify button's decision, run in the browser on evidence built here: three members'
//! Ed25519 keys from fixed seeds, a small log hashed with `shared::merkle`, a receipt signed
//! by one member over the tree that ends with its ballot, and a latest checkpoint signed by
//! all three over a longer log.

use ed25519_dalek::{Signer, SigningKey};
use shared::checkpoint::{Checkpoint, CheckpointSignature, LogKey, Receipt};
use shared::log::{ConsistencyProof, InclusionProof, PublicEntry, PublicLine};
use shared::merkle::{self, Hash};
use shared::verify::ReceiptEvidence;
use shared::NodeId;
use wasm_bindgen_test::wasm_bindgen_test;

use super::verifier::{in_worker, FromVerifier};
use super::{file_name, fingerprint, judge, parse, to_json, Unchecked, Verdict};
use crate::i18n::I18n;

const ELECTION: &str = "board-2027";
const BALLOT_ID: &str = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d";
/// The ballot's place: the receipt's tree is the first three lines.
const AT: usize = 2;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn signer(node: NodeId) -> SigningKey {
    SigningKey::from_bytes(&[node as u8 + 40; 32])
}

fn lines(first_voter: &str) -> Vec<String> {
    let ballot = |id: &str, candidate_id| PublicEntry::BallotCast {
        ballot_id: id.into(),
        candidate_id,
        click_time_ms: 1_700_000_000_000,
        supersedes: None,
        answers: None,
        weight: None,
        sealed: None,
    };
    let entries = [
        PublicEntry::VoterRegistered {
            voter_id: 1,
            name: first_voter.into(),
        },
        PublicEntry::VotingStarted,
        ballot(BALLOT_ID, 2),
        ballot(&"0f".repeat(16), 1),
        ballot(&"e0".repeat(16), 2),
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

fn signed(leaves: &[Hash], by: &[NodeId]) -> Checkpoint {
    let mut checkpoint = Checkpoint {
        election_id: ELECTION.into(),
        tree_size: leaves.len() as u64,
        root_hash_hex: hex(&merkle::root(leaves)),
        timestamp_ms: 1_700_000_000_500,
        signatures: Vec::new(),
    };
    let text = checkpoint.text();
    for node in by {
        checkpoint.signatures.push(CheckpointSignature {
            node_id: *node,
            signature_hex: hex(&signer(*node).sign(text.as_bytes()).to_bytes()),
        });
    }
    checkpoint
}

fn inclusion(leaves: &[Hash]) -> InclusionProof {
    InclusionProof {
        leaf_index: AT as u64,
        tree_size: leaves.len() as u64,
        audit_path: merkle::inclusion_proof(leaves, AT)
            .unwrap()
            .iter()
            .map(|h| hex(h))
            .collect(),
    }
}

/// The evidence for a latest log built from `latest_lines`, signed by `latest_signers`.
fn evidence(latest_lines: &[String], latest_signers: &[NodeId]) -> ReceiptEvidence {
    let honest = leaves(&lines("Ann"));
    let mine = &honest[..=AT];
    let latest = leaves(latest_lines);
    let consistency = merkle::consistency_proof(&latest, mine.len()).unwrap();
    ReceiptEvidence {
        receipt: Receipt {
            election_id: ELECTION.into(),
            ballot_id: BALLOT_ID.into(),
            leaf_index: AT as u64,
            leaf_hash_hex: hex(&honest[AT]),
            checkpoint: signed(mine, &[2]),
        },
        keys: (1..=3)
            .map(|node| LogKey {
                node_id: node,
                public_key_hex: hex(signer(node).verifying_key().as_bytes()),
                voter: true,
            })
            .collect(),
        latest: signed(&latest, latest_signers),
        entry: latest_lines[AT].clone(),
        receipt_inclusion: inclusion(mine),
        latest_inclusion: inclusion(&latest),
        consistency: ConsistencyProof {
            first: mine.len() as u64,
            second: latest.len() as u64,
            proof: consistency.iter().map(|h| hex(h)).collect(),
        },
    }
}

fn good() -> ReceiptEvidence {
    evidence(&lines("Ann"), &[1, 2, 3])
}

fn refused(evidence: &ReceiptEvidence) -> String {
    match judge(evidence) {
        refusal @ Verdict::Refused(_) => refusal.text(&I18n::english()),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_good_receipt_is_verified_in_plain_words() {
    let verdict = judge(&good());
    assert!(matches!(verdict, Verdict::Verified { .. }), "{verdict:?}");
    assert_eq!(
        verdict.text(&I18n::english()),
        "Your ballot is in the log of 5 entries, signed by replicas 1, 2 and 3."
    );
}

#[wasm_bindgen_test]
fn a_wrong_signature_is_refused() {
    let mut evidence = good();
    // Member 3's key over member 2's signature: a signature, but not by the key it names.
    evidence.receipt.checkpoint.signatures[0].node_id = 3;
    assert!(refused(&evidence).contains("not signed by any of the election's replicas"));
}

#[wasm_bindgen_test]
fn a_checkpoint_signed_by_only_one_member_is_refused() {
    let evidence = evidence(&lines("Ann"), &[3]);
    assert_eq!(
        refused(&evidence),
        "The log is signed by 1 of the listed replicas; at least 2 must sign it."
    );
}

#[wasm_bindgen_test]
fn a_tampered_entry_is_refused() {
    let mut evidence = good();
    evidence.entry = evidence
        .entry
        .replace("\"candidate_id\":2", "\"candidate_id\":1");
    assert!(refused(&evidence).starts_with("Entry 2 of the log does not match this receipt"));
}

#[wasm_bindgen_test]
fn a_rewritten_history_is_refused() {
    // Every member signed a log that still holds the ballot, but whose first line changed
    // after the receipt was issued: the consistency proof cannot hold.
    let evidence = evidence(&lines("Eve"), &[1, 2, 3]);
    assert!(refused(&evidence).contains("its history was rewritten"));
}

#[wasm_bindgen_test]
fn the_receipt_file_reads_back_and_names_its_ballot() {
    let receipt = good().receipt;
    assert_eq!(parse(&to_json(&receipt)), Ok(receipt.clone()));
    assert_eq!(fingerprint(BALLOT_ID), "1a2b 3c4d 5e6f 7a8b");
    assert_eq!(
        file_name(&receipt),
        "ballot-receipt-board-2027-1a2b3c4d.json"
    );
    assert!(parse("").is_err());
    assert!(parse("{\"ballot_id\": 1}").is_err());
    let mut elsewhere = receipt;
    elsewhere.election_id = "../admin".into();
    assert!(parse(&to_json(&elsewhere)).is_err());
}

#[wasm_bindgen_test]
fn the_receipt_and_the_verdict_cross_to_the_checkers_worker_unchanged() {
    let evidence = good();
    let sent = serde_json::to_string(&evidence.receipt).unwrap();
    assert_eq!(
        serde_json::from_str::<Receipt>(&sent).unwrap(),
        evidence.receipt
    );
    let answer = FromVerifier::Checked(judge(&evidence));
    let back: FromVerifier =
        serde_json::from_str(&serde_json::to_string(&answer).unwrap()).unwrap();
    assert_eq!(back, answer);
    // What `verify_loader.js` sends when the wasm cannot start.
    assert_eq!(
        serde_json::from_str::<FromVerifier>(r#"{"Failed":"no wasm"}"#).unwrap(),
        FromVerifier::Failed("no wasm".into())
    );
}

#[wasm_bindgen_test]
async fn a_checker_that_cannot_start_leaves_the_receipt_unchecked_instead_of_waiting() {
    // The test runner serves no `/verify_loader.js`: the worker fails to start.
    match in_worker(good().receipt).await {
        verdict @ Verdict::Unchecked(Unchecked::NotStarted) => {
            let why = verdict.text(&I18n::english());
            assert!(why.contains("receipt checker did not start"), "{why}");
        }
        other => panic!("expected no verdict, got {other:?}"),
    }
}
