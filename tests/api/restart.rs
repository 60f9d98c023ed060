//! State is rebuilt from the event log at start.

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{EventsResponse, VotersResponse};

use crate::helpers::*;

#[tokio::test]
async fn a_restarted_node_has_the_same_state_log_and_sessions() {
    let mut app = spawn_app().await;
    app.post("/api/register", json!({ "name": "Kim" })).await;
    let alice = app.login("Alice", 1).await;
    let bob = app.login("Bob", 2).await;
    app.admin_post("/api/admin/live-results", json!({ "enabled": true }))
        .await;
    app.start_voting().await;
    app.vote(&alice.session, 6).await;
    let results_before = app.results().await;
    let log_before: EventsResponse = app.admin_get_json("/api/admin/events").await;
    let voters_before: VotersResponse = app.admin_get_json("/api/admin/voters").await;

    app.stop().await;
    app.start().await;

    assert_eq!(app.results().await, results_before);
    let log_after: EventsResponse = app.admin_get_json("/api/admin/events").await;
    assert_eq!(
        log_after.events, log_before.events,
        "the log is not re-seeded or altered"
    );
    let voters_after: VotersResponse = app.admin_get_json("/api/admin/voters").await;
    assert_eq!(voters_after, voters_before);
    // Sessions survive: Alice is still known to have voted, Bob can still vote.
    assert_eq!(
        app.vote(&alice.session, 6).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(app.vote(&bob.session, 6).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_stopped_node_leaves_no_task_running_and_its_data_directory_opens_again_at_once() {
    use futures_util::StreamExt;
    use shared::ws::ServerMessage;

    let mut app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    // Load: a vote through the queue's workers, and a live WebSocket session.
    assert_eq!(app.vote(&alice.session, 2).await.status(), StatusCode::OK);
    let mut socket = crate::support::ws::connect(&app.url, "").await;
    crate::support::ws::next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. }))
        .await;
    let node = app.node.as_ref().unwrap();
    let tasks = node.tasks();
    assert!(
        tasks.running() > 5,
        "workers, timers, monitors and the session are tasks"
    );

    app.stop().await;
    assert_eq!(tasks.running(), 0, "no task of the stopped node is left");
    // The session was told the node is going away rather than cut off.
    let closed = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while let Some(Ok(frame)) = socket.next().await {
            if frame.is_close() {
                return true;
            }
        }
        true
    })
    .await;
    assert_eq!(closed, Ok(true));

    // A new node opens the same directory at once and carries on.
    app.start().await;
    assert_eq!(app.results().await.total_votes, 1);
    let kim = app.post("/api/register", json!({ "name": "Kim" })).await;
    assert_eq!(kim.status(), StatusCode::CREATED);
}
