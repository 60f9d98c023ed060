//! Many viewers of one election: the public pushes are serialised once and shared, so every
//! viewer receives the same bytes, in the same order, as before the sharing.

use shared::log::TreeHead;
use shared::ws::ServerMessage;

use crate::helpers::*;
use crate::support::ws::{connect, next_matching, next_text_matching, Socket};

/// Everything one viewer was pushed, as text, up to and including the checkpoint of a tree
/// of `tree_size` leaves and a tally of `votes` votes (whichever comes last).
async fn pushes_until(
    socket: &mut Socket,
    tree_size: u64,
    votes: u64,
) -> Vec<(ServerMessage, String)> {
    let (mut tally_seen, mut checkpoint_seen) = (false, false);
    let mut pushes = Vec::new();
    while !(tally_seen && checkpoint_seen) {
        let (message, text) = next_text_matching(socket, |_| true).await;
        match &message {
            ServerMessage::Tally { results } if results.total_votes == votes => tally_seen = true,
            ServerMessage::Checkpoint { checkpoint } if checkpoint.tree_size == tree_size => {
                checkpoint_seen = true
            }
            _ => {}
        }
        pushes.push((message, text));
    }
    pushes
}

/// The texts of the pushes `keep` selects.
fn texts(pushes: &[(ServerMessage, String)], keep: impl Fn(&ServerMessage) -> bool) -> Vec<&str> {
    pushes
        .iter()
        .filter(|(message, _)| keep(message))
        .map(|(_, text)| text.as_str())
        .collect()
}

#[tokio::test]
async fn two_viewers_of_an_election_receive_byte_identical_public_pushes() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    let bob = app.login("Bob", 2).await;
    let mut first = connect(&app.url, "?election=default").await;
    let mut second = connect(&app.url, "?election=default").await;
    for socket in [&mut first, &mut second] {
        next_matching(socket, |m| {
            matches!(m, ServerMessage::Hello { admin: false, .. })
        })
        .await;
    }
    app.start_voting().await;
    app.vote(&alice.session, 2).await;
    app.vote(&bob.session, 3).await;
    let head: TreeHead = app.get_json("/api/elections/default/log/tree").await;

    let seen_first = pushes_until(&mut first, head.tree_size, 2).await;
    let seen_second = pushes_until(&mut second, head.tree_size, 2).await;

    // Notifications and phase changes: every one, in order, with the same bytes.
    let immediate = |m: &ServerMessage| {
        matches!(
            m,
            ServerMessage::Notification { .. } | ServerMessage::Phase { .. }
        )
    };
    let (immediate_first, immediate_second) = (
        texts(&seen_first, immediate),
        texts(&seen_second, immediate),
    );
    assert_eq!(immediate_first, immediate_second);
    assert!(
        immediate_first
            .iter()
            .any(|t| t.contains("\"type\":\"phase\"")),
        "the opening was pushed: {immediate_first:?}"
    );
    assert_eq!(
        immediate_first
            .iter()
            .filter(|t| t.contains("\"type\":\"notification\""))
            .count(),
        3,
        "the opening and two votes: {immediate_first:?}"
    );

    // The tally of both votes and the checkpoint of the whole tree: the same bytes.
    let final_tally = |m: &ServerMessage| matches!(m, ServerMessage::Tally { results } if results.total_votes == 2);
    let covering = |m: &ServerMessage| matches!(m, ServerMessage::Checkpoint { checkpoint } if checkpoint.tree_size == head.tree_size);
    assert_eq!(
        texts(&seen_first, final_tally)[0],
        texts(&seen_second, final_tally)[0]
    );
    assert_eq!(
        texts(&seen_first, covering)[0],
        texts(&seen_second, covering)[0]
    );

    // The public contract is unchanged: voters are never named, counts stay hidden.
    for (message, _) in &seen_first {
        match message {
            ServerMessage::Notification { notification, .. } => {
                assert!(!notification.message.contains("Alice"), "{notification:?}")
            }
            ServerMessage::Tally { results } => assert!(results.counts.is_empty()),
            ServerMessage::Voter { .. }
            | ServerMessage::Queue { .. }
            | ServerMessage::Cluster { .. } => {
                panic!("an admin push reached a public viewer: {message:?}")
            }
            _ => {}
        }
    }
}

#[tokio::test]
async fn a_viewer_joining_later_is_greeted_with_the_shared_tally_and_checkpoint() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    app.vote(&alice.session, 2).await;
    let head: TreeHead = app.get_json("/api/elections/default/log/tree").await;
    let mut early = connect(&app.url, "").await;
    let early_seen = pushes_until(&mut early, head.tree_size, 1).await;
    // Joins once the checkpoint of the whole tree exists: its greeting carries that one.
    let mut late = connect(&app.url, "").await;
    let late_seen = pushes_until(&mut late, head.tree_size, 1).await;
    assert!(
        matches!(late_seen[0].0, ServerMessage::Hello { .. }),
        "hello comes first"
    );
    let tally = |m: &ServerMessage| matches!(m, ServerMessage::Tally { results } if results.total_votes == 1);
    let covering = |m: &ServerMessage| matches!(m, ServerMessage::Checkpoint { checkpoint } if checkpoint.tree_size == head.tree_size);
    assert_eq!(
        texts(&early_seen, tally).last(),
        texts(&late_seen, tally).last()
    );
    assert_eq!(
        texts(&early_seen, covering)[0],
        texts(&late_seen, covering)[0]
    );
}
