//! One fsync per batch: a member's state machine commits without an fsync, so what it applied
//! is durable only through its Raft log. A member killed after its log's fsync and before its
//! apply must come back with every acknowledged vote, re-applied from that log.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::ConnectOptions;

use crate::failover::vote_stream;
use crate::helpers::*;

/// Member 1 founds the cluster, so it leads when the votes start: it dies before applying its
/// third batch of votes, with that batch fsynced in its Raft log and acknowledged to nobody.
const CRASH: &str = "1:3";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_killed_between_its_log_fsync_and_its_apply_loses_nothing_acknowledged() {
    let env = [("BALLOT_TEST_CRASH_BEFORE_APPLY", CRASH)];
    let cluster = spawn_cluster_with_env(false, &[], &env).await;
    let (leader, sessions) = cluster.open_election(40).await;
    println!("member {leader} leads; member 1 will crash before applying its third vote batch");

    let cluster = Arc::new(cluster);
    let acked = Arc::new(Mutex::new(Vec::new()));
    let stream = vote_stream(cluster.clone(), sessions, vec![1, 2, 3], acked.clone());
    wait_for_crash(&cluster, 1).await;
    // Reap the aborted process; the others carry on, and the stream retries through them.
    cluster.kill(1);

    // What the crash left on member 1's disk: entries in its Raft log past what it applied.
    let (logged, applied) = raft_positions(&cluster.data_dir(1)).await;
    assert!(
        logged > applied,
        "member 1 died with its log at {logged} and its state machine at {applied}"
    );

    stream.await.unwrap();
    let acked = acked.lock().unwrap().clone();

    // Restarted with the same environment: the marker stops it crashing again.
    cluster.start(1);
    let log = cluster.wait_for_equal_logs(&[1, 2, 3], 0).await;
    let counted = voters_who_voted(&log);
    for voter in &acked {
        assert!(
            counted.contains(voter),
            "acknowledged vote of voter {voter} was lost"
        );
    }
    // Every vote went in once: acknowledged, or recorded by an attempt whose answer was lost.
    assert_eq!(counted.len(), 40);
    for id in [1, 2, 3] {
        assert_eq!(cluster.results(id).await.total_votes, 40, "member {id}");
    }
}

/// Waits until member `id` has aborted at its crash point.
async fn wait_for_crash(cluster: &TestCluster, id: u64) {
    let marker = cluster.data_dir(id).join("crashed-before-apply");
    let started = Instant::now();
    loop {
        let down = cluster.status(id).await.is_none();
        if marker.exists() && down {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "member {id} never reached its crash point\n{}",
            cluster.log_tails()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The last index in a stopped member's Raft log, and the last its state machine applied.
async fn raft_positions(data_dir: &std::path::Path) -> (u64, u64) {
    let mut db = SqliteConnectOptions::new()
        .filename(data_dir.join("ballot.sqlite3"))
        .connect()
        .await
        .unwrap();
    let logged: i64 = sqlx::query_scalar("SELECT MAX(log_index) FROM raft_log")
        .fetch_one(&mut db)
        .await
        .unwrap();
    let applied: String =
        sqlx::query_scalar("SELECT value FROM sm_meta WHERE key = 'last_applied'")
            .fetch_one(&mut db)
            .await
            .unwrap();
    let applied: serde_json::Value = serde_json::from_str(&applied).unwrap();
    let applied = applied["index"].as_u64().unwrap_or(0);
    (logged as u64, applied)
}
