//! `/ws` pushes notifications and tally updates as they happen.

use shared::ws::ServerMessage;
use shared::NotificationKind;

use crate::helpers::*;
use crate::support::ws::{connect, next_matching};

#[tokio::test]
async fn a_client_receives_the_notification_and_tally_of_a_vote() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let mut socket = connect(&app.url, "").await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    app.vote(&alice.session, 2).await;
    let notification = next_matching(&mut socket, |m| {
        matches!(m, ServerMessage::Notification { .. })
    })
    .await;
    let ServerMessage::Notification { notification, .. } = notification else {
        unreachable!()
    };
    assert_eq!(notification.kind, NotificationKind::VoteCast);
    assert!(
        !notification.message.contains("Alice"),
        "the public feed does not name voters"
    );
    let tally = next_matching(
        &mut socket,
        |m| matches!(m, ServerMessage::Tally { results } if results.total_votes == 1),
    )
    .await;
    let ServerMessage::Tally { results } = tally else {
        unreachable!()
    };
    assert!(
        results.counts.is_empty(),
        "counts stay hidden while not published"
    );
}

#[tokio::test]
async fn the_admin_stream_names_voters_and_pushes_phase_changes() {
    let app = spawn_app().await;
    let bob = app.login("Bob", 2).await;
    let mut socket = connect(&app.url, &format!("?admin_token={ADMIN_TOKEN}")).await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    app.start_voting().await;
    let phase = next_matching(&mut socket, |m| matches!(m, ServerMessage::Phase { .. })).await;
    assert!(matches!(
        phase,
        ServerMessage::Phase {
            phase: shared::Phase::Open,
            ..
        }
    ));
    app.vote(&bob.session, 2).await;
    let feed = next_matching(&mut socket, |m| {
        matches!(m, ServerMessage::Notification { notification, .. } if notification.kind == NotificationKind::VoteCast)
    })
    .await;
    assert!(
        matches!(feed, ServerMessage::Notification { notification, .. } if notification.message == "Bob voted")
    );
    let voter = next_matching(&mut socket, |m| matches!(m, ServerMessage::Voter { .. })).await;
    assert!(
        matches!(voter, ServerMessage::Voter { voter } if voter.name == "Bob" && voter.has_voted)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_votes_is_pushed_as_a_few_coalesced_tallies() {
    let app = spawn_app().await;
    let mut sessions = Vec::new();
    for (index, name) in ballot::domain::DEFAULT_VOTERS.iter().enumerate() {
        sessions.push(app.login(name, index as u32 + 1).await.session);
    }
    app.start_voting().await;
    let mut socket = connect(&app.url, "").await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Tally { .. })).await;
    let votes = sessions.iter().map(|session| app.vote(session, 1));
    futures_util::future::join_all(votes).await;
    // Count the tallies up to the one that shows all ten votes.
    let mut tallies = 0;
    loop {
        let message =
            next_matching(&mut socket, |m| matches!(m, ServerMessage::Tally { .. })).await;
        tallies += 1;
        if matches!(message, ServerMessage::Tally { results } if results.total_votes == 10) {
            break;
        }
    }
    assert!(
        tallies < 10,
        "ten votes became {tallies} tally pushes: not coalesced"
    );
}
