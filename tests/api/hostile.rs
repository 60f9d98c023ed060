//! Hostile input never breaks a node: Lamport times at the end of the clock, look-alike names,
//! and nothing in the admin's or the public's view that tells who voted for whom.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::dto::NotificationsResponse;

use crate::helpers::*;

#[tokio::test]
async fn a_lamport_time_near_the_end_of_the_clock_is_refused_and_the_node_keeps_working() {
    let mut app = spawn_app().await;
    let register = app
        .client
        .post(format!("{}/api/register", app.url))
        .header("x-lamport", "18446744073709551613")
        .json(&json!({"name": "Mallory"}));
    let register = register.send().await.unwrap();
    assert_error(register, StatusCode::BAD_REQUEST, "lamport_out_of_range").await;
    let options_with = |lamport: &'static str| {
        let request = app.client.get(format!("{}/api/options", app.url));
        request.header("x-lamport", lamport).send()
    };
    let read = options_with("18446744073709551615").await.unwrap();
    assert_error(read, StatusCode::BAD_REQUEST, "lamport_out_of_range").await;
    let garbage = options_with("-1").await.unwrap();
    assert_error(garbage, StatusCode::BAD_REQUEST, "bad_request").await;

    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let now = app.server_time().await.server_time_ms;
    let vote = app
        .vote_at(&alice.session, 3, now, 18446744073709551614)
        .await;
    assert_error(vote, StatusCode::BAD_REQUEST, "lamport_out_of_range").await;
    // A client clock well ahead, but within the bound, is merged.
    let ahead = app.vote_at(&alice.session, 3, now, 1 << 39).await;
    assert_eq!(ahead.status(), StatusCode::OK);
    assert_eq!(app.results().await.total_votes, 1);

    // Writes go on, and the node restarts from its log.
    let bob = app.post("/api/register", json!({"name": "Bob Two"})).await;
    assert_eq!(bob.status(), StatusCode::CREATED);
    app.stop().await;
    app.start().await;
    assert_eq!(app.results().await.total_votes, 1);
    assert_eq!(
        app.post("/api/register", json!({"name": "Carol"}))
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn names_are_normalised_compared_case_insensitively_and_invisible_tricks_refused() {
    let app = spawn_app().await;
    for look_alike in [
        "ALICE",
        "alice",
        "Al\u{200B}ice",
        "\u{FEFF}Zed",
        "Eve\u{202E}",
        "Kim\u{E0041}",
    ] {
        let response = app
            .post("/api/register", json!({ "name": look_alike }))
            .await;
        assert!(
            [StatusCode::CONFLICT, StatusCode::BAD_REQUEST].contains(&response.status()),
            "{look_alike:?} was {}",
            response.status()
        );
    }
    let decomposed = app
        .post("/api/register", json!({"name": "Jose\u{0301}"}))
        .await;
    assert_eq!(decomposed.status(), StatusCode::CREATED);
    let body: Value = decomposed.json().await.unwrap();
    assert_eq!(body["name"], "Jos\u{00E9}");
    let composed = app
        .post("/api/register", json!({"name": "JOS\u{00C9}"}))
        .await;
    assert_error(composed, StatusCode::CONFLICT, "name_taken").await;
    let strasse = app.post("/api/register", json!({"name": "Straße"})).await;
    assert_eq!(strasse.status(), StatusCode::CREATED);
    let folded = app.post("/api/register", json!({"name": "STRASSE"})).await;
    assert_error(folded, StatusCode::CONFLICT, "name_taken").await;
}

#[tokio::test]
async fn the_admin_log_shows_who_voted_but_never_the_choice() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    assert_eq!(app.vote(&alice.session, 7).await.status(), StatusCode::OK);
    let log: Value = app
        .admin_get_json("/api/admin/events?after=0&limit=1000")
        .await;
    let votes: Vec<&Value> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["payload"]["type"] == "vote_cast")
        .collect();
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0]["payload"]["voter_id"], 1);
    assert!(
        votes[0]["payload"].get("candidate_id").is_none(),
        "{}",
        votes[0]
    );
}

#[tokio::test]
async fn the_public_feed_does_not_name_who_registered_and_the_admin_feed_does() {
    let app = spawn_app().await;
    app.post("/api/register", json!({"name": "Kim Secret"}))
        .await;
    let public: NotificationsResponse = app.get_json("/api/notifications").await;
    let lines = messages(&public);
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("Kim") && !l.contains("Alice")),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"A voter registered (11 on the roll)"),
        "{lines:?}"
    );
    let admin: NotificationsResponse = app.admin_get_json("/api/notifications").await;
    assert!(admin
        .notifications
        .iter()
        .any(|n| n.message.contains("Kim Secret")));
}

#[tokio::test]
async fn health_is_200_when_the_node_can_commit_and_live_always_answers() {
    let app = spawn_app().await;
    let health = app.get("/health").await;
    assert_eq!(health.status(), StatusCode::OK);
    let live = app.get("/health/live").await;
    assert_eq!(live.status(), StatusCode::OK);
}
