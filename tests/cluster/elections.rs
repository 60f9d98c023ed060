//! Many elections on the replicas: an election created while a replica was down is known to it
//! as soon as it answers (it catches up before calling an election unknown), and each
//! election's log is the same on every replica and audited on its own.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::OptionsResponse;

use crate::helpers::*;

#[tokio::test]
async fn a_replica_that_was_down_when_an_election_was_created_knows_it_when_it_answers() {
    let cluster = spawn_cluster(false, &[]).await;
    let leader = cluster.wait_for_leader(None).await;
    let follower = cluster.ids().into_iter().find(|id| *id != leader).unwrap();
    cluster.kill(follower);

    let definition = json!({
        "id": "board", "title": "Board",
        "candidates": [{"name": "Ada"}, {"name": "Bo"}, {"name": "Cy"}],
        "options": {"login": "name_and_id", "self_registration": true},
    });
    let created = cluster
        .client
        .post(format!("{}/api/admin/elections", cluster.url(leader)))
        .bearer_auth(ADMIN_TOKEN)
        .json(&definition)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);

    // The first answer the restarted replica gives about the election is the right one.
    cluster.start(follower);
    let started = Instant::now();
    let options = loop {
        let url = format!("{}/api/elections/board/options", cluster.url(follower));
        match cluster.client.get(url).send().await {
            Ok(response) => break response,
            Err(_) => {
                assert!(
                    started.elapsed() < Duration::from_secs(30),
                    "never answered"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    };
    assert_eq!(options.status(), StatusCode::OK);
    let options: OptionsResponse = options.json().await.unwrap();
    assert_eq!(options.candidates.len(), 3);

    let registered = cluster
        .client
        .post(format!(
            "{}/api/elections/board/register",
            cluster.url(follower)
        ))
        .json(&json!({"name": "Kim"}))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);

    // Every replica derives the same public log, to the same Merkle root.
    let started = Instant::now();
    loop {
        let mut heads = Vec::new();
        for id in cluster.ids() {
            let head: shared::log::TreeHead = cluster
                .get_json(id, "/api/elections/board/log/tree")
                .await
                .unwrap();
            heads.push(head);
        }
        if heads.windows(2).all(|pair| pair[0] == pair[1]) && heads[0].tree_size >= 2 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "{heads:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Every replica audits both elections to the same figures.
    for id in cluster.ids() {
        cluster.kill(id);
    }
    let reports = audit_reports(&cluster, &cluster.ids(), &["--election", "board"]);
    let shared: Vec<String> = reports.iter().map(|r| common_part(r)).collect();
    assert!(shared.iter().all(|r| r == &shared[0]), "{reports:#?}");
    assert!(reports[0].contains("election: board\n"), "{}", reports[0]);
    assert!(reports[0].contains("voters: 1 (0 voted)"), "{}", reports[0]);
    assert!(!reports[0].contains("election: default"), "{}", reports[0]);
}

#[tokio::test]
async fn checkpoints_are_co_signed_by_every_member_and_stay_consistent_after_the_leader_dies() {
    use shared::checkpoint::{Checkpoint, LogKeys};
    use shared::log::ConsistencyProof;

    let cluster = spawn_cluster(true, &[]).await;
    let leader = cluster.wait_for_leader(None).await;
    // Three replicas and the tally, once the tally has joined as a learner.
    let started = Instant::now();
    let keys = loop {
        let keys: LogKeys = cluster.get_json(leader, "/api/log/keys").await.unwrap();
        if keys.keys.len() == 4 {
            break keys;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "{keys:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };

    // Every member signs the same tree once it has applied it.
    let started = Instant::now();
    let first: Checkpoint = loop {
        let checkpoint: Checkpoint = cluster
            .get_json(leader, "/api/elections/default/log/checkpoint")
            .await
            .unwrap();
        if checkpoint.verify(&keys.keys, 4).is_ok() {
            break checkpoint;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{checkpoint:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        first.tree_size >= 20,
        "the seeded roll and ballot: {first:?}"
    );

    // After the leader dies, another replica's checkpoint extends the first one.
    cluster.kill(leader);
    let next_leader = cluster.wait_for_leader(Some(leader)).await;
    let registered = cluster
        .client
        .post(format!("{}/api/register", cluster.url(next_leader)))
        .json(&json!({"name": "Kim"}))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);
    let second: Checkpoint = cluster
        .get_json(next_leader, "/api/elections/default/log/checkpoint")
        .await
        .unwrap();
    assert!(second.verify(&keys.keys, 2).is_ok(), "{second:?}");
    assert!(second.tree_size > first.tree_size);
    let path = format!(
        "/api/elections/default/log/consistency?first={}&second={}",
        first.tree_size, second.tree_size
    );
    let proof: ConsistencyProof = cluster.get_json(next_leader, &path).await.unwrap();
    let hash = |text: &str| -> [u8; 32] { hex::decode(text).unwrap().try_into().unwrap() };
    let proof: Vec<[u8; 32]> = proof.proof.iter().map(|h| hash(h)).collect();
    assert!(shared::merkle::verify_consistency(
        first.tree_size,
        second.tree_size,
        &hash(&first.root_hash_hex),
        &hash(&second.root_hash_hex),
        &proof
    ));

    // Kim votes; the receipt, the earlier checkpoint and the published count all hold up in
    // `ballot audit --url`, run from nothing but the replica's address.
    let login: shared::dto::LoginResponse = cluster
        .client
        .post(format!("{}/api/login", cluster.url(next_leader)))
        .json(&json!({"name": "Kim", "voter_id": 11}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        cluster.admin(next_leader, "/api/admin/start").await,
        StatusCode::OK
    );
    let time = cluster.time(next_leader).await.unwrap();
    let vote = json!({"session": login.session, "candidate_id": 2,
                      "lamport": time.lamport, "click_time_ms": time.server_time_ms});
    let voted: shared::dto::VoteResponse = cluster
        .client
        .post(format!("{}/api/vote", cluster.url(next_leader)))
        .json(&vote)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let receipt = voted.receipt.expect("a receipt");
    assert_eq!(
        cluster.admin(next_leader, "/api/admin/stop").await,
        StatusCode::OK
    );
    assert_eq!(
        cluster.admin(next_leader, "/api/admin/publish").await,
        StatusCode::OK
    );
    let dir = tempfile::tempdir().unwrap();
    let receipts = dir.path().join("receipts.ndjson");
    std::fs::write(&receipts, serde_json::to_string(&receipt).unwrap()).unwrap();
    let since = dir.path().join("first.json");
    std::fs::write(&since, serde_json::to_string(&first).unwrap()).unwrap();
    let audit = |receipts: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
            .args([
                "audit",
                "--election",
                "default",
                "--url",
                &cluster.url(next_leader),
            ])
            .arg("--receipts")
            .arg(receipts)
            .arg("--since")
            .arg(&since)
            .output()
            .unwrap()
    };
    let output = audit(&receipts);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("receipts: 1 included"), "{report}");
    assert!(
        report.contains("recount matches the published result"),
        "{report}"
    );
    assert!(report.contains("verdict: ok"), "{report}");

    // A receipt for a ballot that is not where it says fails the audit.
    let mut forged = receipt.clone();
    forged.ballot_id = "0".repeat(32);
    let forged_file = dir.path().join("forged.ndjson");
    std::fs::write(&forged_file, serde_json::to_string(&forged).unwrap()).unwrap();
    let output = audit(&forged_file);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("receipt on line 1"));
}
