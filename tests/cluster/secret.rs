//! A verifiable election keeps our availability: three trustees (k = 2) run the key ceremony
//! against three different replicas, voters cast sealed ballots through every replica while
//! the leader is killed, a retry through another replica gets the first receipt, one trustee
//! never decrypts, and the result, published by the survivors, checks from the public log on
//! every replica (the restarted one included) and on the tally learner.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{LoginResponse, RegisterResponse, ResultsResponse, VoteResponse};
use shared::log::{LogEntries, PublicLine, TreeHead};
use shared::secrecy::tally;
use shared::secrecy::wire::{SecretStage, TrusteesCreated};

use crate::helpers::*;
use crate::support::trustees;

const ID: &str = "sealed";

async fn post(
    cluster: &TestCluster,
    id: u64,
    path: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    cluster
        .client
        .post(format!("{}{path}", cluster.url(id)))
        .bearer_auth(ADMIN_TOKEN)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn public_lines(cluster: &TestCluster, id: u64) -> Vec<PublicLine> {
    let head: TreeHead = cluster
        .get_json(id, &format!("/api/elections/{ID}/log/tree"))
        .await
        .unwrap();
    let path = format!(
        "/api/elections/{ID}/log/entries?start=0&end={}",
        head.tree_size
    );
    let entries: LogEntries = cluster.get_json(id, &path).await.unwrap();
    entries
        .entries
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The body of a vote for `session` clicked now by member `id`'s clock.
async fn vote_body(
    cluster: &TestCluster,
    id: u64,
    session: &str,
    sealed: &serde_json::Value,
) -> serde_json::Value {
    let time = cluster.time(id).await.unwrap();
    json!({"session": session, "sealed": sealed, "lamport": time.lamport,
           "click_time_ms": time.server_time_ms})
}

/// Casts a vote `body` through member `id` with idempotency key `key`, again with the same key
/// while the cluster answers 503 (a leader change under way), as clients are told to.
async fn cast(
    cluster: &TestCluster,
    id: u64,
    body: &serde_json::Value,
    key: &str,
) -> reqwest::Response {
    let started = std::time::Instant::now();
    loop {
        let response = cluster
            .client
            .post(format!("{}/api/elections/{ID}/vote", cluster.url(id)))
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .unwrap();
        if response.status() != StatusCode::SERVICE_UNAVAILABLE
            || started.elapsed() > Duration::from_secs(30)
        {
            return response;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verifiable_election_survives_the_leaders_loss_and_decrypts_with_two_of_three() {
    let cluster = spawn_cluster(true, &[]).await;
    let leader = cluster.wait_for_leader(None).await;
    let definition = json!({
        "id": ID, "title": "Board",
        "candidates": [{"name": "Ada"}, {"name": "Bo"}, {"name": "Cy"}],
        "options": {"secrecy": "verifiable", "login": "name_and_id", "self_registration": true},
    });
    let created = post(&cluster, leader, "/api/admin/elections", definition).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let named = post(
        &cluster,
        leader,
        &format!("/api/admin/elections/{ID}/trustees"),
        json!({"trustees": [{"name": "T1"}, {"name": "T2"}, {"name": "T3"}], "threshold": 2}),
    )
    .await;
    assert_eq!(named.status(), StatusCode::CREATED);
    let named: TrusteesCreated = named.json().await.unwrap();

    // Each trustee talks to its own replica, all at once (the first three members are the
    // voting replicas, the fourth the tally learner).
    let ids: Vec<u64> = cluster.ids().into_iter().take(3).collect();
    let bases: Vec<String> = ids.iter().map(|id| cluster.url(*id)).collect();
    let limit = Duration::from_secs(60);
    let (k1, _k2, k3) = tokio::join!(
        trustees::ceremony(
            &cluster.client,
            &bases[0],
            ID,
            1,
            &named.trustees[0].token,
            (3, 2),
            limit
        ),
        trustees::ceremony(
            &cluster.client,
            &bases[1],
            ID,
            2,
            &named.trustees[1].token,
            (3, 2),
            limit
        ),
        trustees::ceremony(
            &cluster.client,
            &bases[2],
            ID,
            3,
            &named.trustees[2].token,
            (3, 2),
            limit
        ),
    );
    assert_eq!(
        post(
            &cluster,
            leader,
            &format!("/api/admin/elections/{ID}/start"),
            json!({})
        )
        .await
        .status(),
        StatusCode::OK
    );

    // Four voters, each through another replica.
    let mut sessions = Vec::new();
    for (i, name) in ["Kim", "Lee", "Max", "Noa"].iter().enumerate() {
        let member = ids[i % ids.len()];
        let url = format!("{}/api/elections/{ID}/register", cluster.url(member));
        let registered: RegisterResponse = cluster
            .client
            .post(url)
            .json(&json!({"name": name}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let url = format!("{}/api/elections/{ID}/login", cluster.url(member));
        let login: LoginResponse = cluster
            .client
            .post(url)
            .json(&json!({"name": name, "voter_id": registered.voter_id}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        sessions.push(login.session);
    }
    let choices = [1usize, 1, 2, 0];
    let marks = |choice: usize| vec![(0..3).map(|i| i == choice).collect::<Vec<bool>>()];
    let mut receipts = Vec::new();
    let mut sealed_ballots = Vec::new();
    for choice in choices {
        let sealed = trustees::seal(&cluster.client, &bases[0], ID, &marks(choice)).await;
        sealed_ballots.push(serde_json::to_value(&sealed).unwrap());
    }
    let first_body = vote_body(&cluster, ids[0], &sessions[0], &sealed_ballots[0]).await;
    for i in 0..2 {
        let body = match i {
            0 => first_body.clone(),
            _ => vote_body(&cluster, ids[i], &sessions[i], &sealed_ballots[i]).await,
        };
        let response = cast(&cluster, ids[i], &body, &format!("vote-{i}")).await;
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{text}");
        receipts.push(serde_json::from_str::<VoteResponse>(&text).unwrap());
    }

    // The leader dies; the two others go on.
    let leader = cluster.wait_for_leader(None).await;
    cluster.kill(leader);
    let new_leader = cluster.wait_for_leader(Some(leader)).await;
    let survivor = ids
        .iter()
        .copied()
        .find(|id| *id != leader && *id != new_leader)
        .unwrap();
    for (i, member) in [(2usize, survivor), (3, new_leader)] {
        let body = vote_body(&cluster, member, &sessions[i], &sealed_ballots[i]).await;
        let response = cast(&cluster, member, &body, &format!("vote-{i}")).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}",
            response.text().await.unwrap()
        );
    }
    // Exactly once across the failover: voter 0's retry through a survivor gets its receipt.
    let retry = cast(&cluster, survivor, &first_body, "vote-0").await;
    assert_eq!(retry.status(), StatusCode::OK);
    let retry: VoteResponse = retry.json().await.unwrap();
    assert_eq!(retry.seq, receipts[0].seq);
    assert_eq!(retry.tracking_code, receipts[0].tracking_code);

    let stop = post(
        &cluster,
        new_leader,
        &format!("/api/admin/elections/{ID}/stop"),
        json!({}),
    )
    .await;
    assert_eq!(stop.status(), StatusCode::OK);
    // The survivor applies the close a moment after the leader answered.
    let started = std::time::Instant::now();
    let closed = loop {
        let view = trustees::view(&cluster.client, &cluster.url(survivor), ID).await;
        if view.stage == SecretStage::Decrypting {
            break view;
        }
        assert!(started.elapsed() < limit, "still {:?}", view.stage);
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(closed.ballots, 4);
    let encrypted = closed.encrypted_tally().unwrap();
    // Trustee 2 never comes back; 1 and 3 decrypt through the survivors.
    for (key, token, member) in [
        (&k1, &named.trustees[0].token, survivor),
        (&k3, &named.trustees[2].token, new_leader),
    ] {
        let shares = tally::decrypt(key, &encrypted, &mut rand::rngs::OsRng).unwrap();
        trustees::post(
            &cluster.client,
            &cluster.url(member),
            ID,
            token,
            "decryption",
            json!({ "shares": shares }),
        )
        .await;
    }
    let publish = post(
        &cluster,
        new_leader,
        &format!("/api/admin/elections/{ID}/publish"),
        json!({}),
    )
    .await;
    assert_eq!(publish.status(), StatusCode::OK);

    // The killed replica comes back and catches up; every replica and the learner agree.
    cluster.start(leader);
    cluster.wait_for_equal_logs(&cluster.ids(), 1).await;
    let mut roots = Vec::new();
    for id in cluster.ids() {
        let started = std::time::Instant::now();
        let lines = loop {
            let lines = public_lines(&cluster, id).await;
            if lines
                .iter()
                .any(|l| matches!(l.entry, shared::log::PublicEntry::ResultsPublished))
            {
                break lines;
            }
            assert!(
                started.elapsed() < limit,
                "member {id} never saw the publication"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let report = shared::secrecy::audit::audit(ID, &lines).unwrap().unwrap();
        assert_eq!(
            (
                report.ballots_checked,
                report.counted,
                report.decryptions_checked
            ),
            (4, 4, 2)
        );
        assert_eq!(report.sums, Some(vec![vec![10_000, 20_000, 10_000]]));
        let head: TreeHead = cluster
            .get_json(id, &format!("/api/elections/{ID}/log/tree"))
            .await
            .unwrap();
        roots.push(head.root_hash_hex);
        let results: ResultsResponse = cluster
            .get_json(id, &format!("/api/elections/{ID}/results"))
            .await
            .unwrap();
        let votes: Vec<u64> = results.counts.iter().map(|c| c.votes).collect();
        assert_eq!(votes, [1, 2, 1], "member {id}");
        assert_eq!(results.questions[0].winners, vec![2]);
    }
    assert!(roots.windows(2).all(|pair| pair[0] == pair[1]), "{roots:?}");

    // `ballot audit --url` checks the same from any member, with the recount.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args(["audit", "--election", ID, "--url", &cluster.url(survivor)])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains(
            "secret ballots: 4 sealed ballots' proofs hold, 4 counted; 3 trustees (threshold 2)"
        ),
        "{report}"
    );
    assert!(
        report.contains("recount matches the published result"),
        "{report}"
    );

    // Benaloh's check by `ballot audit --challenge`: a ballot sealed and revealed, never cast,
    // holds; the same with a changed mark does not.
    let view = trustees::view(&cluster.client, &cluster.url(survivor), ID).await;
    let marks = vec![vec![false, true, false]];
    let seed = [7u8; 32];
    let ballot = shared::secrecy::ballot::seal(
        view.key.as_ref().unwrap().0.shared_key(),
        ID,
        &view.shapes(),
        &marks,
        seed,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let challenge = |marks: &[Vec<bool>]| {
        let file = dir.path().join("challenge.json");
        let body = json!({"seed": "07".repeat(32), "marks": marks, "ballot": ballot});
        std::fs::write(&file, body.to_string()).unwrap();
        std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
            .args([
                "audit",
                "--election",
                ID,
                "--url",
                &cluster.url(survivor),
                "--challenge",
            ])
            .arg(&file)
            .output()
            .unwrap()
    };
    let output = challenge(&marks);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains("seals exactly the revealed marks"),
        "{report}"
    );
    assert!(report.contains("main: options 2"), "{report}");
    assert!(report.contains("was not cast"), "{report}");
    let output = challenge(&[vec![true, false, false]]);
    assert!(!output.status.success());
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("does not hold"), "{errors}");
}
