//! The public log: canonical lines with no voter on a ballot, a Merkle tree anyone can
//! recompute from them, and RFC 9162 proofs that verify with `shared::merkle`.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::log::{
    ConsistencyProof, InclusionProof, LogEntries, PublicEntry, PublicLine, TreeHead,
};
use shared::merkle::{self, Hash};

use crate::helpers::{assert_error, spawn_app, TestApp};

fn unhex(text: &str) -> Hash {
    let bytes: Vec<u8> = (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect();
    bytes.try_into().unwrap()
}

async fn lines(app: &TestApp, id: &str, start: u64, end: u64) -> Vec<String> {
    let path = format!("/api/elections/{id}/log/entries?start={start}&end={end}");
    let entries: LogEntries = app.get_json(&path).await;
    entries.entries
}

async fn tree(app: &TestApp, id: &str) -> TreeHead {
    app.get_json(&format!("/api/elections/{id}/log/tree")).await
}

#[tokio::test]
async fn ballots_are_public_without_their_voters_and_the_root_is_recomputed_from_the_lines() {
    let app = spawn_app().await;
    app.start_voting().await;
    let alice = app.login("Alice", 1).await;
    let voted = app.vote(&alice.session, 3).await;
    assert_eq!(voted.status(), StatusCode::OK);
    let head = tree(&app, "default").await;
    let all = lines(&app, "default", 0, head.tree_size).await;
    assert_eq!(all.len() as u64, head.tree_size);

    // Anyone recomputes the root from the lines, byte for byte.
    let leaves: Vec<Hash> = all
        .iter()
        .map(|l| merkle::leaf_hash(l.as_bytes()))
        .collect();
    assert_eq!(hex::encode(merkle::root(&leaves)), head.root_hash_hex);

    let parsed: Vec<PublicLine> = all
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (index, line) in parsed.iter().enumerate() {
        assert_eq!(line.index, index as u64);
        assert_eq!(line.election_id, "default");
    }
    let ballot = all
        .iter()
        .position(|l| l.contains("\"ballot_cast\""))
        .unwrap();
    assert!(!all[ballot].contains("voter_id"), "{}", all[ballot]);
    assert!(
        !all.iter().any(|l| l.contains("session")),
        "logins are not public"
    );
    let PublicEntry::BallotCast {
        ballot_id,
        candidate_id,
        ..
    } = &parsed[ballot].entry
    else {
        panic!("{}", all[ballot]);
    };
    assert_eq!((ballot_id.len(), *candidate_id), (32, 3));

    // The inclusion proof of that ballot verifies against the tree head.
    let path = format!(
        "/api/elections/default/log/inclusion?index={ballot}&tree_size={}",
        head.tree_size
    );
    let proof: InclusionProof = app.get_json(&path).await;
    let audit_path: Vec<Hash> = proof.audit_path.iter().map(|h| unhex(h)).collect();
    let root = unhex(&head.root_hash_hex);
    assert!(merkle::verify_inclusion(
        &leaves[ballot],
        ballot as u64,
        head.tree_size,
        &audit_path,
        &root
    ));

    // After publication, who voted is told in voter-id order, after the results line.
    app.admin_post("/api/admin/stop", json!({})).await;
    app.admin_post("/api/admin/publish", json!({})).await;
    let later = tree(&app, "default").await;
    let tail = lines(&app, "default", later.tree_size - 2, later.tree_size).await;
    assert!(tail[0].contains("\"results_published\""), "{tail:?}");
    assert!(
        tail[1].contains("\"voter_participated\",\"voter_id\":1"),
        "{tail:?}"
    );

    // The earlier tree is a prefix of the later one.
    let path = format!(
        "/api/elections/default/log/consistency?first={}&second={}",
        head.tree_size, later.tree_size
    );
    let consistency: ConsistencyProof = app.get_json(&path).await;
    let proof: Vec<Hash> = consistency.proof.iter().map(|h| unhex(h)).collect();
    let later_root = unhex(&later.root_hash_hex);
    assert!(merkle::verify_consistency(
        head.tree_size,
        later.tree_size,
        &root,
        &later_root,
        &proof
    ));
}

#[tokio::test]
async fn a_re_vote_names_the_ballot_it_replaces() {
    let app = spawn_app().await;
    let created = app
        .admin_post(
            "/api/admin/elections",
            json!({"id": "agm", "title": "AGM", "candidates": [{"name": "A"}, {"name": "B"}],
                   "options": {"revoting": true, "login": "name_and_id", "self_registration": true}}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let kim = app
        .post("/api/elections/agm/register", json!({"name": "Kim"}))
        .await;
    assert_eq!(kim.status(), StatusCode::CREATED);
    app.admin_post("/api/admin/elections/agm/start", json!({}))
        .await;
    let login: Value = app
        .post(
            "/api/elections/agm/login",
            json!({"name": "Kim", "voter_id": 1}),
        )
        .await
        .json()
        .await
        .unwrap();
    let session = login["session"].as_str().unwrap();
    for candidate in [1, 2] {
        let now = app.server_time().await;
        let body = json!({"session": session, "candidate_id": candidate,
                          "lamport": now.lamport, "click_time_ms": now.server_time_ms});
        let voted = app.post("/api/elections/agm/vote", body).await;
        assert_eq!(voted.status(), StatusCode::OK);
    }
    let head = tree(&app, "agm").await;
    let ballots: Vec<PublicEntry> = lines(&app, "agm", 0, head.tree_size)
        .await
        .iter()
        .map(|l| serde_json::from_str::<PublicLine>(l).unwrap().entry)
        .filter(|e| matches!(e, PublicEntry::BallotCast { .. }))
        .collect();
    let [PublicEntry::BallotCast {
        ballot_id: first,
        supersedes: None,
        ..
    }, PublicEntry::BallotCast {
        supersedes: Some(replaced),
        ..
    }] = ballots.as_slice()
    else {
        panic!("{ballots:?}");
    };
    assert_eq!(first, replaced);
}

#[tokio::test]
async fn indexes_and_sizes_beyond_the_log_are_refused_with_400() {
    let app = spawn_app().await;
    let head = tree(&app, "default").await;
    let n = head.tree_size;
    for path in [
        format!("/api/elections/default/log/entries?start=0&end={}", n + 1),
        "/api/elections/default/log/entries?start=3&end=2".to_string(),
        format!("/api/elections/default/log/inclusion?index={n}&tree_size={n}"),
        format!(
            "/api/elections/default/log/inclusion?index=0&tree_size={}",
            n + 1
        ),
        format!(
            "/api/elections/default/log/consistency?first={}&second={n}",
            n + 1
        ),
        format!(
            "/api/elections/default/log/consistency?first=1&second={}",
            n + 1
        ),
        "/api/elections/default/log/entries?start=-1&end=2".to_string(),
    ] {
        let response = app.get(&path).await;
        assert_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    let unknown = app.get("/api/elections/nope-nope/log/tree").await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_single_node_signs_its_checkpoint_with_its_listed_key() {
    let app = spawn_app().await;
    let keys: shared::checkpoint::LogKeys = app.get_json("/api/log/keys").await;
    assert_eq!(keys.keys.len(), 1);
    let checkpoint: shared::checkpoint::Checkpoint =
        app.get_json("/api/elections/default/log/checkpoint").await;
    let head = tree(&app, "default").await;
    assert_eq!(
        (checkpoint.tree_size, &checkpoint.root_hash_hex),
        (head.tree_size, &head.root_hash_hex)
    );
    assert_eq!(checkpoint.verify(&keys.keys, 1).unwrap(), vec![1]);
    // A changed root, size or signature is not signed by anyone.
    let mut forged = checkpoint.clone();
    forged.tree_size += 1;
    assert!(forged.verify(&keys.keys, 1).is_err());
    let mut forged = checkpoint.clone();
    let flipped = if forged.signatures[0].signature_hex.starts_with("00") {
        "11"
    } else {
        "00"
    };
    forged.signatures[0]
        .signature_hex
        .replace_range(0..2, flipped);
    assert!(forged.verify(&keys.keys, 1).is_err());
    // One member's signature counted twice is still one.
    let mut doubled = checkpoint.clone();
    doubled.signatures.push(doubled.signatures[0].clone());
    assert!(doubled.verify(&keys.keys, 2).is_err());
}

#[tokio::test]
async fn a_vote_answers_with_a_receipt_that_proves_the_ballot_is_in_the_signed_log() {
    let app = spawn_app().await;
    app.start_voting().await;
    let bob = app.login("Bob", 2).await;
    let response = app.vote(&bob.session, 4).await;
    assert_eq!(response.status(), StatusCode::OK);
    let vote: shared::dto::VoteResponse = response.json().await.unwrap();
    let receipt = vote.receipt.expect("a receipt");
    let keys: shared::checkpoint::LogKeys = app.get_json("/api/log/keys").await;
    assert_eq!(receipt.checkpoint.verify(&keys.keys, 1).unwrap(), vec![1]);
    assert_eq!(receipt.election_id, "default");
    // Its checkpoint is the tree that ends with the ballot.
    assert_eq!(receipt.checkpoint.tree_size, receipt.leaf_index + 1);

    // The receipt's leaf is the ballot's line, and its inclusion proof verifies against the
    // receipt's own checkpoint.
    let line = &lines(&app, "default", receipt.leaf_index, receipt.leaf_index + 1).await[0];
    assert!(line.contains(&receipt.ballot_id) && line.contains("\"candidate_id\":4"));
    let leaf = merkle::leaf_hash(line.as_bytes());
    assert_eq!(hex::encode(leaf), receipt.leaf_hash_hex);
    let path = format!(
        "/api/elections/default/log/inclusion?index={}&tree_size={}",
        receipt.leaf_index, receipt.checkpoint.tree_size
    );
    let proof: InclusionProof = app.get_json(&path).await;
    let audit_path: Vec<Hash> = proof.audit_path.iter().map(|h| unhex(h)).collect();
    assert!(merkle::verify_inclusion(
        &leaf,
        receipt.leaf_index,
        receipt.checkpoint.tree_size,
        &audit_path,
        &unhex(&receipt.checkpoint.root_hash_hex)
    ));
}
