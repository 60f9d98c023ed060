//! `/ws` pushes notifications and tally updates as they happen.

use std::time::Duration;

use futures_util::StreamExt;
use shared::ws::ServerMessage;
use shared::NotificationKind;
use tokio_tungstenite::tungstenite::Message;

use crate::helpers::*;

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) async fn connect(app: &TestApp, query: &str) -> Socket {
    let url = format!("{}/ws{query}", app.url.replacen("http", "ws", 1));
    tokio_tungstenite::connect_async(url)
        .await
        .expect("websocket connects")
        .0
}

/// Reads messages until one satisfies `wanted`, within a deadline.
pub(crate) async fn next_matching(
    socket: &mut Socket,
    wanted: impl Fn(&ServerMessage) -> bool,
) -> ServerMessage {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("message in time");
        if let Some(Ok(Message::Text(text))) = frame {
            let message: ServerMessage =
                serde_json::from_str(&text).expect("a typed server message");
            if wanted(&message) {
                return message;
            }
        }
    }
}

#[tokio::test]
async fn a_client_receives_the_notification_and_tally_of_a_vote() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let mut socket = connect(&app, "").await;
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
    let mut socket = connect(&app, &format!("?admin_token={ADMIN_TOKEN}")).await;
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
    let mut socket = connect(&app, "").await;
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
