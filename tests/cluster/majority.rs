//! Fault 3: with two of three replicas down, writes are refused (503), never accepted and lost;
//! committed state can still be read.

use std::time::Instant;

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::ErrorBody;

use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_two_replicas_down_writes_are_refused_with_503_and_reads_still_work() {
    let cluster = spawn_cluster(false, &[]).await;
    let (leader, sessions) = cluster.open_election(2).await;
    assert_eq!(
        cluster.vote(leader, &sessions[0].1, 4).await.unwrap(),
        StatusCode::OK
    );
    let before = cluster.results(leader).await;

    let survivor = leader;
    for id in [1, 2, 3].into_iter().filter(|id| *id != survivor) {
        cluster.kill(id);
    }
    let started = Instant::now();
    let refused = cluster.vote(survivor, &sessions[1].1, 4).await.unwrap();
    assert_eq!(refused, StatusCode::SERVICE_UNAVAILABLE);
    println!(
        "a write without a majority was refused after {:?}",
        started.elapsed()
    );
    let register = cluster
        .client
        .post(format!("{}/api/register", cluster.url(survivor)))
        .json(&json!({ "name": "Nobody" }))
        .send()
        .await
        .unwrap();
    assert_eq!(register.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: ErrorBody = register.json().await.unwrap();
    assert_eq!(body.error, shared::ErrorCode::Unavailable);

    // The survivor says it cannot commit (load balancers route around it), yet is alive.
    let health = cluster
        .client
        .get(format!("{}/health", cluster.url(survivor)));
    let health = health.send().await.unwrap();
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health: serde_json::Value = health.json().await.unwrap();
    assert_eq!(health["error"], "unavailable", "{health}");
    let live = cluster
        .client
        .get(format!("{}/health/live", cluster.url(survivor)));
    assert_eq!(live.send().await.unwrap().status(), StatusCode::OK);

    // Committed state is still served.
    assert_eq!(cluster.results(survivor).await, before);
    assert_eq!(before.total_votes, 1);

    // Once a second replica is back, the refused vote can be cast: it was not half-recorded.
    let back = [1, 2, 3].into_iter().find(|id| *id != survivor).unwrap();
    cluster.start(back);
    cluster.wait_for_leader(None).await;
    // Clients retry a 503 after its Retry-After; do the same until the majority is usable.
    let started = Instant::now();
    let mut retried = cluster.vote(survivor, &sessions[1].1, 4).await.unwrap();
    while retried == StatusCode::SERVICE_UNAVAILABLE && started.elapsed().as_secs() < 30 {
        retried = cluster.vote(survivor, &sessions[1].1, 4).await.unwrap();
    }
    assert!(
        retried == StatusCode::OK || retried == StatusCode::CONFLICT,
        "{retried}"
    );
    let log = cluster.wait_for_equal_logs(&[survivor, back], 0).await;
    assert_eq!(voters_who_voted(&log).len(), 2);
    // With a majority again, the survivor is healthy again.
    let healthy = || async {
        let health = cluster
            .client
            .get(format!("{}/health", cluster.url(survivor)));
        health
            .send()
            .await
            .is_ok_and(|r| r.status() == StatusCode::OK)
    };
    let started = Instant::now();
    while !healthy().await {
        assert!(
            started.elapsed().as_secs() < 30,
            "the survivor never became healthy again"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
