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
