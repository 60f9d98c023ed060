//! Faults 1 and 2: a follower or the leader is killed during a stream of votes.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use shared::ws::ServerMessage;

use crate::helpers::*;
use crate::support::ws::next_matching;

/// Votes for every session, spreading over `targets` and moving on to the next member when one
/// fails; returns the voter ids whose vote was acknowledged (200).
pub(crate) fn vote_stream(
    cluster: Arc<TestCluster>,
    sessions: Vec<(u32, String)>,
    targets: Vec<u64>,
    acked: Arc<Mutex<Vec<u32>>>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        for (i, (voter_id, session)) in sessions.iter().enumerate() {
            let give_up = Instant::now() + Duration::from_secs(30);
            let mut attempt = i;
            loop {
                let target = targets[attempt % targets.len()];
                match cluster.vote(target, session, (i % 10) as u32 + 1).await {
                    Ok(StatusCode::OK) => {
                        acked.lock().unwrap().push(*voter_id);
                        break;
                    }
                    // Committed by an attempt whose answer was lost: recorded, not acknowledged.
                    Ok(StatusCode::CONFLICT) => break,
                    _ => attempt += 1,
                }
                assert!(
                    Instant::now() < give_up,
                    "vote of {voter_id} never went through"
                );
            }
        }
    })
}

async fn wait_for_acks(acked: &Arc<Mutex<Vec<u32>>>, count: usize) {
    let started = Instant::now();
    while acked.lock().unwrap().len() < count {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "votes stopped being acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_follower_does_not_stop_voting_and_catches_up_on_restart() {
    let cluster = spawn_cluster(true, &[]).await;
    let (leader, sessions) = cluster.open_election(30).await;
    let follower = [1, 2, 3].into_iter().find(|id| *id != leader).unwrap();

    let mut admin = cluster.admin_socket(leader).await;
    next_matching(&mut admin, |m| matches!(m, ServerMessage::Hello { .. })).await;
    cluster.kill(follower);
    // The admin hears of it: a replication failure is a notification, and the health table
    // is pushed with the member down.
    let notice = next_matching(&mut admin, |m| {
        matches!(m, ServerMessage::Notification { notification, .. } if notification.kind == shared::NotificationKind::Cluster)
    })
    .await;
    let ServerMessage::Notification { notification, .. } = notice else {
        unreachable!()
    };
    assert!(
        notification
            .message
            .contains(&format!("Replica {follower} is unreachable")),
        "{notification:?}"
    );
    let health = next_matching(&mut admin, |m| matches!(m, ServerMessage::Cluster { .. })).await;
    let ServerMessage::Cluster { status } = health else {
        unreachable!()
    };
    assert!(status
        .members
        .iter()
        .any(|m| m.node_id == follower && !m.reachable));
    let cluster = Arc::new(cluster);
    let acked = Arc::new(Mutex::new(Vec::new()));
    let live: Vec<u64> = [1, 2, 3].into_iter().filter(|id| *id != follower).collect();
    vote_stream(cluster.clone(), sessions, live.clone(), acked.clone())
        .await
        .unwrap();
    assert_eq!(
        acked.lock().unwrap().len(),
        30,
        "every vote is acknowledged with one follower down"
    );

    cluster.start(follower);
    let log = cluster.wait_for_equal_logs(&[leader, follower], 0).await;
    assert_eq!(voters_who_voted(&log).len(), 30);
    // The tally learner has the same log and serves the same figures.
    let log_with_tally = cluster.wait_for_equal_logs(&[leader, 4], log.len()).await;
    assert_eq!(log_with_tally, log);
    assert_eq!(cluster.results(4).await.total_votes, 30);
    let status = cluster.status(4).await.unwrap();
    let tally = status.members.iter().find(|m| m.node_id == 4).unwrap();
    assert!(
        !tally.voter && tally.role == shared::Role::Learner,
        "{tally:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_leader_is_killed_a_new_one_takes_over_and_no_acknowledged_vote_is_lost() {
    let cluster = spawn_cluster(false, &[]).await;
    let (leader, sessions) = cluster.open_election(40).await;

    let cluster = Arc::new(cluster);
    let acked = Arc::new(Mutex::new(Vec::new()));
    let stream = vote_stream(cluster.clone(), sessions, vec![1, 2, 3], acked.clone());
    wait_for_acks(&acked, 10).await;
    let killed_at = Instant::now();
    cluster.kill(leader);
    let new_leader = cluster.wait_for_leader(Some(leader)).await;
    println!(
        "failover: node {new_leader} leads {:?} after the leader was killed",
        killed_at.elapsed()
    );
    stream.await.unwrap();

    let survivors: Vec<u64> = [1, 2, 3].into_iter().filter(|id| *id != leader).collect();
    let log = cluster.wait_for_equal_logs(&survivors, 0).await;
    let counted = voters_who_voted(&log);
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 10);
    for voter in &acked {
        assert!(
            counted.contains(voter),
            "acknowledged vote of voter {voter} was lost"
        );
    }
    assert_eq!(
        cluster.results(survivors[0]).await.total_votes,
        counted.len() as u64
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_stopped_cleanly_hands_over_and_writes_go_on() {
    let cluster = spawn_cluster(false, &[]).await;
    let (leader, sessions) = cluster.open_election(2).await;
    cluster.stop(leader);
    assert!(
        cluster.log(leader).contains("handed leadership over"),
        "{}",
        cluster.log(leader)
    );
    let successor = cluster.wait_for_leader(Some(leader)).await;
    let other = [1, 2, 3]
        .into_iter()
        .find(|id| *id != leader && *id != successor)
        .unwrap();
    assert_eq!(
        cluster.vote(other, &sessions[0].1, 1).await.unwrap(),
        StatusCode::OK
    );
    cluster.start(leader);
    cluster.wait_for_equal_logs(&[1, 2, 3], 0).await;
}
