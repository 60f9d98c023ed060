//! Public viewers are pushed by one broadcaster per election: a burst of votes reaches a
//! viewer as a few batches (one tally each, at most ten a second), with every notification of
//! the public feed, in its order, and a final tally equal to the results.

use std::time::{Duration, Instant};

use serde_json::json;
use shared::dto::{Notification, NotificationsResponse, ResultsResponse};
use shared::ws::ServerMessage;
use shared::NotificationKind;

use crate::helpers::*;
use crate::support::ws::{connect, next_matching, Socket};

/// The broadcaster's interval: two batches are never closer than this.
const INTERVAL: Duration = Duration::from_millis(100);

/// What a viewer read until the tally showed `votes` votes and it had `votes` vote
/// notifications: the notifications, the tallies, and when the first and last push came.
struct Seen {
    notifications: Vec<Notification>,
    tallies: Vec<ResultsResponse>,
}

async fn read_until(socket: &mut Socket, votes: u64) -> Seen {
    let mut seen = Seen {
        notifications: vec![],
        tallies: vec![],
    };
    let vote_notifications = |seen: &Seen| {
        let notifications = seen.notifications.iter();
        notifications
            .filter(|n| n.kind == NotificationKind::VoteCast)
            .count() as u64
    };
    while !(seen.tallies.last().is_some_and(|t| t.total_votes == votes)
        && vote_notifications(&seen) == votes)
    {
        match next_matching(socket, |_| true).await {
            ServerMessage::Notification { notification, .. } => {
                seen.notifications.push(notification)
            }
            ServerMessage::Tally { results } => seen.tallies.push(results),
            _ => {}
        }
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_votes_reaches_a_viewer_in_a_few_batches_with_every_notification_in_order() {
    let app = spawn_app().await;
    let mut sessions = Vec::new();
    for (index, name) in ballot::domain::DEFAULT_VOTERS.iter().enumerate() {
        sessions.push(app.login(name, index as u32 + 1).await.session);
    }
    let response = app
        .admin_post("/api/admin/live-results", json!({ "enabled": true }))
        .await;
    assert!(response.status().is_success());
    app.start_voting().await;
    let before: ResultsResponse = app.results().await;
    let feed_before: NotificationsResponse = app.get_json("/api/notifications").await;
    let last_seq = feed_before.notifications.last().map_or(0, |n| n.seq);

    let mut viewer = connect(&app.url, "").await;
    next_matching(&mut viewer, |m| matches!(m, ServerMessage::Tally { .. })).await;
    let started = Instant::now();
    let votes = sessions
        .iter()
        .enumerate()
        .map(|(i, session)| app.vote(session, i as u32 % 3 + 1));
    for response in futures_util::future::join_all(votes).await {
        assert!(response.status().is_success());
    }
    let cast = sessions.len() as u64;
    let seen = read_until(&mut viewer, before.total_votes + cast).await;
    let elapsed = started.elapsed();

    // Every line of the public feed since the greeting, in the feed's order, none twice.
    let feed: NotificationsResponse = app
        .get_json(&format!("/api/notifications?after={last_seq}"))
        .await;
    let pushed: Vec<_> = seen.notifications.iter().map(|n| n.seq).collect();
    let fed: Vec<_> = feed.notifications.iter().map(|n| n.seq).collect();
    assert_eq!(pushed, fed, "the pushed notifications are the feed's");
    assert_eq!(
        seen.notifications, feed.notifications,
        "the same lines as the feed"
    );

    // One tally per batch, batches at least an interval apart: a burst is a few pushes.
    let batches_possible = (elapsed.as_millis() / INTERVAL.as_millis()) as usize + 1;
    assert!(
        seen.tallies.len() <= batches_possible,
        "{} tallies in {elapsed:?}: more than one per {INTERVAL:?}",
        seen.tallies.len()
    );
    assert!(
        seen.tallies.len() < cast as usize,
        "{cast} votes became {} tally pushes: not coalesced",
        seen.tallies.len()
    );
    // Totals never go backwards, and the last is exactly the results.
    let totals: Vec<_> = seen.tallies.iter().map(|t| t.total_votes).collect();
    assert!(totals.windows(2).all(|w| w[0] < w[1]), "{totals:?}");
    let after: ResultsResponse = app.results().await;
    let last = seen.tallies.last().expect("a tally");
    assert_eq!(last.total_votes, after.total_votes);
    assert_eq!(last.counts, after.counts, "the final counts are exact");
    assert_eq!(after.counts.iter().map(|c| c.votes).sum::<u64>(), cast);
}

#[tokio::test]
async fn a_viewer_that_authenticates_leaves_the_public_room_and_gets_admin_pushes() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    let bob = app.login("Bob", 2).await;
    app.start_voting().await;
    let mut viewer = connect(&app.url, "").await;
    next_matching(&mut viewer, |m| matches!(m, ServerMessage::Tally { .. })).await;
    assert!(app.vote(&alice.session, 1).await.status().is_success());
    let public = next_matching(&mut viewer, |m| {
        matches!(m, ServerMessage::Notification { .. })
    })
    .await;
    assert!(
        matches!(&public, ServerMessage::Notification { notification, .. } if !notification.message.contains("Alice")),
        "{public:?}"
    );

    use futures_util::SinkExt;
    let auth = json!({ "type": "auth", "admin_token": ADMIN_TOKEN }).to_string();
    viewer
        .send(tokio_tungstenite::tungstenite::Message::Text(auth.into()))
        .await
        .unwrap();
    next_matching(&mut viewer, |m| {
        matches!(m, ServerMessage::Hello { admin: true, .. })
    })
    .await;
    assert!(app.vote(&bob.session, 2).await.status().is_success());
    // After the admin hello, only admin pushes: Bob is named.
    let admin = next_matching(&mut viewer, |m| {
        matches!(m, ServerMessage::Notification { notification, .. } if notification.kind == NotificationKind::VoteCast)
    })
    .await;
    assert!(
        matches!(&admin, ServerMessage::Notification { notification, .. } if notification.message == "Bob voted"),
        "{admin:?}"
    );
}
