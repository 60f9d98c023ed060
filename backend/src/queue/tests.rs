//! The queue's order, bounds and batches.
use super::*;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{timeout, Duration};

/// Jobs report their key when they start, then wait until released.
type Job = (u32, oneshot::Receiver<()>);

fn blocking_queue(max: usize, capacity: usize) -> (VoteQueue<Job>, mpsc::UnboundedReceiver<u32>) {
    let (queue, mut batches) = batching_queue(max, capacity, 1);
    let (started_tx, started_rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(batch) = batches.recv().await {
            for id in batch {
                let _ = started_tx.send(id);
            }
        }
    });
    (queue, started_rx)
}

/// Each batch reports its jobs' keys when it starts, then waits until they are released.
fn batching_queue(
    max: usize,
    capacity: usize,
    max_batch: usize,
) -> (VoteQueue<Job>, mpsc::UnboundedReceiver<Vec<u32>>) {
    let (started_tx, started_rx) = mpsc::unbounded_channel();
    let queue = VoteQueue::start(
        max,
        capacity,
        max_batch,
        move |batch: Vec<Job>| {
            let started = started_tx.clone();
            async move {
                let (ids, releases): (Vec<u32>, Vec<_>) = batch.into_iter().unzip();
                let _ = started.send(ids);
                for release in releases {
                    let _ = release.await;
                }
            }
        },
        &Tasks::new(),
    );
    (queue, started_rx)
}

async fn next_batch(started: &mut mpsc::UnboundedReceiver<Vec<u32>>) -> Vec<u32> {
    timeout(Duration::from_secs(5), started.recv())
        .await
        .unwrap()
        .unwrap()
}

/// What piles up while the worker is busy goes out in batches of at most `max_batch`, each
/// in (Lamport, voter) order and the batches one after another in that order.
#[tokio::test]
async fn waiting_jobs_are_batched_in_lamport_then_voter_order_within_and_across_batches() {
    let (queue, mut started) = batching_queue(1, 100, 3);
    let (first_release, first) = oneshot::channel();
    queue.push(1, 10, (100, first)).unwrap();
    assert_eq!(next_batch(&mut started).await, vec![100]);
    let mut releases = Vec::new();
    for (lamport, voter, id) in [
        (9, 1, 6),
        (5, 7, 3),
        (5, 3, 2),
        (2, 9, 1),
        (7, 2, 5),
        (6, 8, 4),
    ] {
        let (release, rx) = oneshot::channel();
        releases.push(release);
        queue.push(lamport, voter, (id, rx)).unwrap();
    }
    assert_eq!(queue.status().depth, 6);
    drop(first_release);
    drop(releases);
    assert_eq!(next_batch(&mut started).await, vec![1, 2, 3]);
    assert_eq!(next_batch(&mut started).await, vec![4, 5, 6]);
    // One commit in flight at a time, whatever it carries.
    assert_eq!(queue.status().peak_in_flight, 1);
}

#[tokio::test]
async fn waiting_jobs_run_in_lamport_then_voter_order_and_a_full_queue_refuses() {
    let (queue, mut started) = blocking_queue(1, 3);
    let (first_release, first) = oneshot::channel();
    queue.push(1, 10, (100, first)).unwrap();
    assert_eq!(
        timeout(Duration::from_secs(5), started.recv())
            .await
            .unwrap(),
        Some(100)
    );
    // The single worker is busy: these wait, and the fourth is refused.
    let mut releases = Vec::new();
    for (lamport, voter, id) in [(9, 1, 301), (5, 7, 202), (5, 3, 201)] {
        let (release, rx) = oneshot::channel();
        releases.push(release);
        queue.push(lamport, voter, (id, rx)).unwrap();
    }
    let (_r, rx) = oneshot::channel();
    assert_eq!(queue.push(1, 4, (999, rx)), Err(PushError::Full));
    // A voter already holding a place (waiting, or in flight) gets no second one.
    for voter in [7, 10] {
        let (_r, rx) = oneshot::channel();
        assert_eq!(
            queue.push(0, voter, (998, rx)),
            Err(PushError::VoterWaiting)
        );
    }
    assert_eq!(queue.status().depth, 3);
    assert_eq!(queue.status().in_flight, 1);
    drop(first_release);
    drop(releases);
    let mut order = Vec::new();
    for _ in 0..3 {
        order.push(
            timeout(Duration::from_secs(5), started.recv())
                .await
                .unwrap()
                .unwrap(),
        );
    }
    assert_eq!(order, vec![201, 202, 301]);
    assert_eq!(queue.status().peak_depth, 3);
    assert_eq!(queue.status().peak_in_flight, 1);
}

#[tokio::test]
async fn no_more_than_max_concurrent_jobs_run_at_once() {
    let (queue, mut started) = blocking_queue(2, 10);
    let mut releases = Vec::new();
    for id in 0..5 {
        let (release, rx) = oneshot::channel();
        releases.push(release);
        queue.push(id, id as u32, (id as u32, rx)).unwrap();
    }
    for _ in 0..2 {
        timeout(Duration::from_secs(5), started.recv())
            .await
            .unwrap()
            .unwrap();
    }
    assert_eq!(queue.status().in_flight, 2);
    assert_eq!(queue.status().depth, 3);
    drop(releases);
    for _ in 0..3 {
        timeout(Duration::from_secs(5), started.recv())
            .await
            .unwrap()
            .unwrap();
    }
    assert_eq!(queue.status().peak_in_flight, 2);
}
