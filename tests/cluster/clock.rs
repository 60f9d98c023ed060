//! Fault 5: a member whose clock starts 30 s off converges under Berkeley to within 100 ms.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::helpers::*;

/// A member's clock minus the test's, compensating half the round trip.
async fn offset(cluster: &TestCluster, id: u64) -> i64 {
    let local = || {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64
    };
    let sent = local();
    let time = cluster.time(id).await.unwrap();
    let received = local();
    time.server_time_ms - (sent + received) / 2
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clock_thirty_seconds_off_converges_to_within_100_ms() {
    let cluster = spawn_cluster(false, &[(3, 30_000)]).await;
    assert!(
        offset(&cluster, 3).await > 20_000 || {
            // Already corrected by a first round: the status must show the correction.
            let status = cluster.status(3).await.unwrap();
            status
                .members
                .iter()
                .any(|m| m.clock_offset_ms.is_some_and(|o| o < -20_000))
        }
    );
    let started = Instant::now();
    loop {
        let mut offsets = Vec::new();
        for id in [1, 2, 3] {
            offsets.push(offset(&cluster, id).await);
        }
        let spread = offsets.iter().max().unwrap() - offsets.iter().min().unwrap();
        if spread < 100 {
            println!(
                "clocks converged after {:?}: offsets {offsets:?}",
                started.elapsed()
            );
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "clocks never converged: {offsets:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The status reports each member's correction; the skewed one was corrected by about -30 s.
    let status = cluster.status(1).await.unwrap();
    let skewed = status.members.iter().find(|m| m.node_id == 3).unwrap();
    assert!(skewed.clock_offset_ms.unwrap() < -29_000, "{skewed:?}");
}
