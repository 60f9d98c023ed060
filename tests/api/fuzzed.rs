//! The holes `tests/fuzz` found, one test each, so they stay closed.

use reqwest::{Method, StatusCode};
use serde_json::Value;
use shared::dto::{EventsResponse, NotificationsResponse};

use crate::helpers::*;

/// A node serving a stand-in for the built dashboards.
async fn spawn_with_dashboards() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<html>ballot</html>").unwrap();
    let dir = dist.path().to_path_buf();
    (
        spawn_app_with(|args| args.common.dist = Some(dir)).await,
        dist,
    )
}

#[tokio::test]
async fn a_page_after_a_sequence_number_beyond_i64_is_empty_not_the_whole_log() {
    let app = spawn_app().await;
    app.login("Alice", 1).await;
    let beyond = "18446744073709551615";
    let feed: NotificationsResponse = app
        .get_json(&format!("/api/notifications?after={beyond}"))
        .await;
    assert!(feed.notifications.is_empty(), "{:?}", messages(&feed));
    let log: EventsResponse = app
        .admin_get_json(&format!("/api/admin/events?after={beyond}"))
        .await;
    assert!(log.events.is_empty());
    assert!(log.last_seq > 0);
    let edge: EventsResponse = app
        .admin_get_json(&format!("/api/admin/events?after={}", i64::MAX))
        .await;
    assert!(edge.events.is_empty());
}

#[tokio::test]
async fn the_bare_api_and_raft_prefixes_are_the_apis_not_the_dashboards() {
    let (app, _dist) = spawn_with_dashboards().await;
    for path in ["/api", "/api/"] {
        assert_error(app.get(path).await, StatusCode::NOT_FOUND, "not_found").await;
    }
    for path in ["/raft", "/raft/"] {
        let response = app.get(path).await;
        assert_error(response, StatusCode::UNAUTHORIZED, "cluster_unauthorized").await;
    }
    // Other paths are still the dashboards' routes.
    assert_eq!(app.get("/apiary").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_dashboards_ignore_ranges_and_refuse_failed_preconditions_in_json() {
    let (app, _dist) = spawn_with_dashboards().await;
    let request = |method: Method, header: &'static str, value: &'static str| {
        let request = app.client.request(method, format!("{}/admin", app.url));
        request.header(header, value).send()
    };
    // A range beyond the file was a bare 416 with an empty body; the file is sent whole.
    for range in ["bytes=99999-", "bytes=5-1", "bytes=0-0,-1"] {
        let response = request(Method::GET, "range", range).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "Range: {range}");
        assert_eq!(response.text().await.unwrap(), "<html>ballot</html>");
    }
    // A failed precondition was a bare 412.
    let stale = request(
        Method::GET,
        "if-unmodified-since",
        "Thu, 01 Jan 1970 00:00:00 GMT",
    );
    let body = assert_error(stale.await.unwrap(), StatusCode::BAD_REQUEST, "bad_request").await;
    assert!(!body.is_empty());
    let fresh = request(Method::GET, "if-none-match", "*").await.unwrap();
    let status = fresh.status();
    if !status.is_success() && status != StatusCode::NOT_MODIFIED {
        let body: Value = fresh.json().await.expect("a JSON error body");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

/// Found by the fuzzer (lane 0, case 3348, seed 13786470347264548070): `/api%2f` decodes into
/// the API's namespace but was answered by the dashboards' index page.
#[tokio::test]
async fn an_encoded_api_path_is_not_served_as_a_dashboard_page() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<html>dashboards</html>").unwrap();
    let dist_path = dist.path().to_path_buf();
    let app = crate::helpers::spawn_app_with(move |args| args.common.dist = Some(dist_path)).await;
    for path in ["/api%2f", "/api%2Fadmin%2Fvoters", "/raft%2fvote"] {
        let response = app.get(path).await;
        crate::helpers::assert_error(response, reqwest::StatusCode::NOT_FOUND, "not_found").await;
    }
    assert_eq!(app.get("/admin").await.status(), reqwest::StatusCode::OK);
}
