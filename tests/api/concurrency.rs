//! Many voters at once through the bounded queue.

use std::collections::HashSet;

use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{AdminStatusResponse, EventsResponse, RegisterResponse};
use shared::AuditPayload;

use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_voters_voting_at_once_are_each_counted_exactly_once() {
    let app = spawn_app_with(|args| args.max_concurrent_votes = 5).await;
    let mut sessions = Vec::new();
    for (voter_id, name) in ballot::domain::DEFAULT_VOTERS.iter().enumerate() {
        sessions.push(app.login(name, voter_id as u32 + 1).await.session);
    }
    for i in 0..190 {
        let voter: RegisterResponse = app
            .post("/api/register", json!({ "name": format!("Voter {i}") }))
            .await
            .json()
            .await
            .unwrap();
        sessions.push(app.login(&voter.name, voter.voter_id).await.session);
    }
    app.start_voting().await;
    let now = app.server_time().await.server_time_ms;
    let votes = sessions
        .iter()
        .enumerate()
        .map(|(i, session)| app.vote_at(session, (i % 10) as u32 + 1, now, (i % 7) as u64));
    let responses = join_all(votes).await;
    assert!(responses.iter().all(|r| r.status() == StatusCode::OK));
    assert_eq!(app.results().await.total_votes, 200);

    let status: AdminStatusResponse = app.admin_get_json("/api/admin/status").await;
    assert!(
        status.queue.peak_in_flight <= 5,
        "at most 5 votes in flight: {:?}",
        status.queue
    );
    assert!(status.queue.peak_depth <= status.queue.capacity);
    assert_eq!((status.queue.depth, status.queue.in_flight), (0, 0));

    let log: EventsResponse = app
        .admin_get_json("/api/admin/events?after=0&limit=10000")
        .await;
    let voters: Vec<u32> = log
        .events
        .iter()
        .filter_map(|e| match &e.payload {
            AuditPayload::Vote(vote) => Some(vote.voter_id),
            _ => None,
        })
        .collect();
    assert_eq!(voters.len(), 200);
    assert_eq!(
        voters.iter().collect::<HashSet<_>>().len(),
        200,
        "no voter counted twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_voter_racing_twenty_votes_gets_exactly_one_accepted() {
    let app = spawn_app_with(|args| args.max_concurrent_votes = 5).await;
    let alice = app.login("Alice", 1).await;
    let phone = app.login("Alice", 1).await;
    app.start_voting().await;
    let now = app.server_time().await.server_time_ms;
    let votes = (0..20).map(|i| {
        let session = if i % 2 == 0 {
            &alice.session
        } else {
            &phone.session
        };
        // Every attempt is a different vote (click time), so only one may succeed.
        app.vote_at(session, (i % 10) + 1, now - i as i64, i as u64)
    });
    let statuses: Vec<StatusCode> = join_all(votes).await.iter().map(|r| r.status()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT));
    assert_eq!(app.results().await.total_votes, 1);
}

#[tokio::test]
async fn a_full_queue_answers_503_with_retry_after_and_counts_nothing() {
    // Capacity 0: no vote may wait, so every vote finds the queue full.
    let app = spawn_app_with(|args| args.vote_queue_capacity = 0).await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let response = app.vote(&alice.session, 1).await;
    assert!(
        response.headers().get("retry-after").is_some(),
        "Retry-After tells when to retry"
    );
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "queue_full").await;
    assert_eq!(app.results().await.total_votes, 0);
}

/// Registrations are group-committed: a burst becomes far fewer Raft entries than writes, each
/// writer gets its own answer, and in a batch a refused write (a name taken by another write
/// of the same burst) refuses only itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_registrations_is_committed_in_batches_each_answered_on_its_own() {
    let app = spawn_app().await;
    let before = app.raft_log_index().await;
    let names: Vec<String> = (0..300)
        .map(|i| match i % 100 {
            // Three writers race for each of these names.
            0 => "Twin".to_string(),
            _ => format!("Burst {i}"),
        })
        .collect();
    let responses = join_all(
        names
            .iter()
            .map(|name| app.post("/api/register", json!({ "name": name }))),
    )
    .await;
    let mut created = Vec::new();
    let mut taken = 0;
    for response in responses {
        match response.status() {
            StatusCode::CREATED => created.push(response.json::<RegisterResponse>().await.unwrap()),
            StatusCode::CONFLICT => taken += 1,
            other => panic!("unexpected {other}"),
        }
    }
    let distinct_names: HashSet<&String> = names.iter().collect();
    assert_eq!(
        created.len(),
        distinct_names.len(),
        "one registration per name"
    );
    assert_eq!(taken, names.len() - distinct_names.len());
    let ids: HashSet<u32> = created.iter().map(|r| r.voter_id).collect();
    assert_eq!(ids.len(), created.len(), "every voter its own id");
    let entries = app.raft_log_index().await - before;
    assert!(
        entries < created.len() as u64,
        "{} registrations took {entries} Raft entries",
        created.len()
    );
}
