//! The log-building benches at a small size: `ballot bench --events N` against a running
//! cluster must add at least N committed events, and `ballot bench-catchup` must see a wiped
//! replica catch up. Their speed is printed, never asserted.

use std::process::Output;

use ballot::local_cluster::free_port_block;
use shared::dto::AdminStatusResponse;
use shared::elections::ElectionsResponse;

use crate::helpers::*;
use crate::support::http::fetch_json;

/// Runs `ballot ARGS` to its end off the async runtime.
async fn ballot(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
            .args(&args)
            .env("RUST_BACKTRACE", "0")
            .env_remove("BALLOT_ADMIN_TOKEN_FILE")
            .output()
            .expect("ballot runs")
    })
    .await
    .unwrap()
}

/// Every election's events on member `id`, added up.
async fn events_in_log(cluster: &TestCluster, id: u64) -> u64 {
    let elections: ElectionsResponse = cluster.get_json(id, "/api/elections").await.unwrap();
    let mut total = 0;
    for election in elections.elections {
        let path = format!("/api/admin/elections/{}/status", election.id);
        let request = cluster.client.get(format!("{}{path}", cluster.url(id)));
        let status: AdminStatusResponse =
            fetch_json(request.bearer_auth(ADMIN_TOKEN)).await.unwrap();
        total += status.event_count;
    }
    total
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_events_adds_at_least_the_events_asked_for_through_the_api() {
    let cluster = spawn_cluster(false, &[]).await;
    let leader = cluster.wait_for_leader(None).await;
    let before = events_in_log(&cluster, leader).await;
    let targets: Vec<String> = cluster
        .ids()
        .into_iter()
        .map(|id| cluster.url(id))
        .collect();

    let output = ballot(
        [
            "bench",
            "--targets",
            &targets.join(","),
            "--admin-token",
            ADMIN_TOKEN,
            "--events",
            "3000",
            "--import-voters",
            "700",
            "--voters",
            "40",
            "--concurrency",
            "8",
        ]
        .map(String::from)
        .to_vec(),
    )
    .await;

    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("events/s"), "{stdout}");
    // Read through the leader: every event the bench waited for is applied there.
    let leader = cluster.wait_for_leader(None).await;
    let after = events_in_log(&cluster, leader).await;
    assert!(
        after >= before + 3000,
        "{before} → {after} events\n{stdout}\n{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_catchup_sees_a_wiped_replica_apply_the_whole_log_again() {
    let dir = tempfile::tempdir().unwrap();
    let base_port = free_port_block(3).expect("three free ports in a row");

    let output = ballot(vec![
        "bench-catchup".into(),
        "--base-port".into(),
        base_port.to_string(),
        "--data-dir".into(),
        dir.path().display().to_string(),
        "--events".into(),
        "2000".into(),
        "--import-voters".into(),
        "500".into(),
        "--voters".into(),
        "20".into(),
        "--timeout-secs".into(),
        "60".into(),
    ])
    .await;

    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("stopped and wiped"), "{stdout}");
    assert!(stdout.contains("catch-up: node"), "{stdout}");
    assert!(stdout.contains("peak resident memory: leader"), "{stdout}");
}
