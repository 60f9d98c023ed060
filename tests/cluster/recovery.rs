//! Faults 4 and 6: a wiped replica is rebuilt (also while the leader replicates to it); the
//! whole cluster restarts with identical state.

use reqwest::StatusCode;
use shared::{AuditPayload, EventPayload};

use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_restarted_with_a_wiped_data_directory_is_rebuilt() {
    let cluster = spawn_cluster(false, &[]).await;
    let (leader, sessions) = cluster.open_election(10).await;
    cluster
        .vote_all(leader, &sessions, |i| i as u32 % 3 + 1)
        .await;
    // Wipe a replica, the lowest id if possible: it must not start a cluster of its own.
    let victim = [1, 2, 3].into_iter().find(|id| *id != leader).unwrap();
    cluster.kill(victim);
    cluster.wipe(victim);
    cluster.start(victim);
    let log = cluster.wait_for_equal_logs(&[leader, victim], 0).await;
    assert_eq!(voters_who_voted(&log).len(), 10);
    assert_eq!(cluster.results(victim).await.total_votes, 10);
}

/// Found by `ballot chaos` (seed 2): when a follower the leader had replicated to came back
/// with an empty log, the leader's Raft core panicked ("follower log reversion is not
/// allowed") and the leader kept answering 500 to every write.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follower_wiped_while_the_leader_replicates_to_it_leaves_the_leader_working() {
    let cluster = spawn_cluster(false, &[]).await;
    let (leader, _) = cluster.open_election(5).await;
    let victim = [1, 2, 3].into_iter().find(|id| *id != leader).unwrap();
    cluster.kill(victim);
    cluster.wipe(victim);
    cluster.start(victim);
    // Writes after the empty follower is back make the leader replicate to it again.
    for i in 0..20 {
        let register = cluster
            .client
            .post(format!("{}/api/register", cluster.url(leader)))
            .json(&serde_json::json!({ "name": format!("After the wipe {i}") }))
            .send()
            .await
            .unwrap();
        assert_eq!(register.status(), StatusCode::CREATED, "write {i}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    cluster.wait_for_equal_logs(&[1, 2, 3], 0).await;
    assert!(
        !cluster.log(leader).contains("panicked"),
        "{}",
        cluster.log(leader)
    );
}

/// A wiped replica must not hand a stale member the majority. Writes committed by the leader
/// and one follower while the other follower was down; then the leader crashes and the
/// follower that helped commit them comes back wiped. Were the wiped replica to vote, the stale
/// follower would lead and overwrite the acknowledged writes; it abstains instead, and the
/// writes survive once the old leader is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wiped_replica_does_not_elect_a_stale_member_over_acknowledged_writes() {
    let cluster = spawn_cluster(false, &[]).await;
    let leader = cluster.wait_for_leader(None).await;
    let others: Vec<u64> = [1, 2, 3].into_iter().filter(|id| *id != leader).collect();
    let (helper, stale) = (others[0], others[1]);
    cluster.kill(stale);
    let acknowledged = cluster.voters(leader, 5).await;

    cluster.kill(leader);
    cluster.kill(helper);
    cluster.wipe(helper);
    cluster.start(stale);
    cluster.start(helper);
    // Wait until the stale member has asked the wiped one for its vote (and been refused) a
    // few times: without the guard, one of those requests would have elected it.
    let asked = std::time::Instant::now();
    while cluster
        .log(helper)
        .matches("abstaining until caught up")
        .count()
        < 3
    {
        assert!(
            asked.elapsed() < std::time::Duration::from_secs(30),
            "the stale member never asked the wiped one for its vote; log:\n{}",
            cluster.log(helper)
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    cluster.start(leader);
    cluster.wait_for_leader(None).await;

    let log = cluster.wait_for_equal_logs(&[1, 2, 3], 0).await;
    for (voter_id, _) in &acknowledged {
        let registered = log.iter().any(|event| {
            matches!(&event.payload, AuditPayload::Logged(EventPayload::VoterRegistered { voter_id: v, .. }) if v == voter_id)
        });
        assert!(registered, "acknowledged voter {voter_id} was lost");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_whole_cluster_restart_state_and_results_are_identical() {
    let cluster = spawn_cluster(false, &[]).await;
    let (leader, sessions) = cluster.open_election(6).await;
    cluster
        .vote_all(leader, &sessions, |i| i as u32 % 2 + 1)
        .await;
    assert_eq!(
        cluster.admin(leader, "/api/admin/stop").await,
        StatusCode::OK
    );
    assert_eq!(
        cluster.admin(leader, "/api/admin/publish").await,
        StatusCode::OK
    );
    let log = cluster.wait_for_equal_logs(&[1, 2, 3], 0).await;
    let results = cluster.results(leader).await;

    for id in [1, 2, 3] {
        cluster.kill(id);
    }
    for id in [1, 2, 3] {
        cluster.start(id);
    }
    cluster.wait_for_leader(None).await;
    let after = cluster.wait_for_equal_logs(&[1, 2, 3], log.len()).await;
    assert_eq!(after[..log.len()], log[..], "the log survived unchanged");
    for id in [1, 2, 3] {
        assert_eq!(cluster.results(id).await, results);
    }
    assert!(results.outcome.is_some());

    // The audit: replaying each replica's own database offline gives the same log digest and
    // the same result.
    for id in [1, 2, 3] {
        cluster.kill(id);
    }
    let reports = audit_reports(&cluster, &[1, 2, 3], &[]);
    // Each member says how far its own co-signed checkpoints go (that depends on its timing);
    // everything else is the same on every replica.
    let signed = "  every recorded checkpoint holds;";
    assert!(reports.iter().all(|r| r.contains(signed)), "{reports:#?}");
    let shared: Vec<String> = reports.iter().map(|r| common_part(r)).collect();
    assert!(shared.iter().all(|r| r == &shared[0]), "{reports:#?}");
    assert!(
        reports[0].contains("phase: published") && reports[0].contains("votes: 6"),
        "{}",
        reports[0]
    );
}
