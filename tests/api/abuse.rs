//! Hostile clients: every refusal is `{error, message}` JSON, and the limits stop abuse
//! (refused attempts, connections, message sizes) without touching honest load.

use std::num::NonZeroU32;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::dto::ErrorBody;
use shared::ws::{ServerMessage, CLOSE_UNAUTHORIZED};
use shared::ErrorCode;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::helpers::*;
use crate::support::ws::{connect, next_matching, Socket};

const CLUSTER_SECRET: &str = "test-cluster-secret";

async fn send(app: &TestApp, method: Method, path: &str) -> reqwest::Response {
    app.client
        .request(method, format!("{}{path}", app.url))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_wrong_method_answers_405_json_and_keeps_the_allow_header() {
    let app = spawn_app().await;
    for (method, path, allowed) in [
        (Method::DELETE, "/api/vote", "POST"),
        (Method::PUT, "/api/options", "GET"),
        (Method::GET, "/api/login", "POST"),
    ] {
        let response = send(&app, method.clone(), path).await;
        let allow = response
            .headers()
            .get("allow")
            .unwrap_or_else(|| panic!("{method} {path} has an Allow header"))
            .to_str()
            .unwrap()
            .to_string();
        assert!(allow.contains(allowed), "{method} {path}: Allow: {allow}");
        assert_error(
            response,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        )
        .await;
    }
}

#[tokio::test]
async fn a_body_over_64_kb_answers_413_and_a_body_that_is_not_json_415() {
    let app = spawn_app().await;
    let huge = json!({ "name": "a".repeat(1024 * 1024) });
    let response = app.post("/api/register", huge).await;
    assert_error(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    let untyped = app
        .client
        .post(format!("{}/api/login", app.url))
        .body(r#"{"name":"Alice","voter_id":1}"#)
        .send()
        .await
        .unwrap();
    assert_error(
        untyped,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    let missing = app.post("/api/login", json!({ "voter_id": 1 })).await;
    let message = assert_error(missing, StatusCode::BAD_REQUEST, "bad_request").await;
    assert!(message.contains("missing field `name`"), "{message}");
}

#[tokio::test]
async fn unknown_paths_answer_404_json() {
    let app = spawn_app().await;
    let response = app.get("/no/such/page").await;
    assert_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_plain_get_of_the_websocket_route_answers_400_json() {
    let app = spawn_app().await;
    let response = app.get("/ws").await;
    assert_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
}

#[tokio::test]
async fn member_routes_refuse_outsiders_with_401_json_and_bad_bodies_with_400_json() {
    let app = spawn_app_with(|args| args.cluster_secret = Some(CLUSTER_SECRET.into())).await;
    for (method, path) in [
        (Method::POST, "/raft/propose"),
        (Method::POST, "/raft/append"),
        (Method::POST, "/raft/vote"),
        (Method::GET, "/raft/member"),
        (Method::POST, "/raft/clock"),
        (Method::GET, "/raft/no-such-route"),
        (Method::GET, "/raft/append"),
    ] {
        let response = app
            .client
            .request(method, format!("{}{path}", app.url))
            .header("x-cluster-secret", "a guess")
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_error(response, StatusCode::UNAUTHORIZED, "cluster_unauthorized").await;
    }
    let wrong_method = app
        .client
        .get(format!("{}/raft/append", app.url))
        .header("x-cluster-secret", CLUSTER_SECRET)
        .send()
        .await
        .unwrap();
    assert_error(
        wrong_method,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    )
    .await;
    for path in ["/raft/propose", "/raft/append", "/raft/clock", "/raft/join"] {
        let response = app
            .client
            .post(format!("{}{path}", app.url))
            .header("x-cluster-secret", CLUSTER_SECRET)
            .header("content-type", "application/json")
            .body("{oops")
            .send()
            .await
            .unwrap();
        assert_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
}

#[tokio::test]
async fn the_dashboards_answer_odd_paths_without_a_500() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<html>ballot</html>").unwrap();
    let dir = dist.path().to_path_buf();
    let app = spawn_app_with(|args| args.common.dist = Some(dir)).await;

    let spa_route = app.get("/admin").await;
    assert_eq!(spa_route.status(), StatusCode::OK);
    assert!(spa_route.text().await.unwrap().contains("ballot"));

    let long_name = app.get(&format!("/{}", "a".repeat(256))).await;
    match long_name.status() {
        StatusCode::OK => assert!(long_name.text().await.unwrap().contains("ballot")),
        StatusCode::NOT_FOUND => {
            let body: ErrorBody = long_name.json().await.expect("a JSON error body");
            assert_eq!(body.error, ErrorCode::NotFound);
        }
        other => panic!("a 256-character file name answered {other}"),
    }

    let nul = send(&app, Method::HEAD, "/%00").await;
    assert!(
        [StatusCode::BAD_REQUEST, StatusCode::NOT_FOUND].contains(&nul.status()),
        "HEAD /%00 answered {}",
        nul.status()
    );
    let nul = app.get("/%00").await;
    assert_error(nul, StatusCode::BAD_REQUEST, "bad_request").await;

    let post = app.post("/admin", json!({})).await;
    assert_error(post, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

async fn bad_login(app: &TestApp) -> reqwest::Response {
    app.post("/api/login", json!({ "name": "Alice", "voter_id": 999 }))
        .await
}

#[tokio::test]
async fn once_refused_logins_use_up_the_quota_even_a_good_login_gets_429() {
    let app = spawn_app_with(|args| {
        args.rate_limit_exempt = "".parse().unwrap();
        args.failed_attempts_per_minute = NonZeroU32::new(3).unwrap();
    })
    .await;
    for _ in 0..3 {
        assert_error(bad_login(&app).await, StatusCode::UNAUTHORIZED, "bad_login").await;
    }
    let good = app
        .post("/api/login", json!({ "name": "Alice", "voter_id": 1 }))
        .await;
    let retry_after: u64 = good
        .headers()
        .get("retry-after")
        .expect("Retry-After on a 429")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=20).contains(&retry_after),
        "Retry-After: {retry_after}"
    );
    assert_error(good, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let register = app
        .post("/api/register", json!({ "name": "Mallory" }))
        .await;
    assert_error(register, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // Other routes are not limited.
    assert_eq!(app.get("/api/options").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn loopback_is_exempt_by_default() {
    let app = spawn_app().await;
    for attempt in 0..100 {
        let response = bad_login(&app).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "bad login {attempt}"
        );
    }
}

#[tokio::test]
async fn successful_registrations_are_never_limited() {
    let app = spawn_app_with(|args| {
        args.rate_limit_exempt = "".parse().unwrap();
        args.failed_attempts_per_minute = NonZeroU32::new(3).unwrap();
    })
    .await;
    for index in 0..200 {
        let response = app
            .post("/api/register", json!({ "name": format!("Pupil {index}") }))
            .await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "registration {index}"
        );
    }
}

fn ws_url(app: &TestApp) -> String {
    format!("{}/ws", app.url.replacen("http", "ws", 1))
}

/// Reads until the server closes; returns the close code (`None`: dropped without one).
async fn close_code(socket: &mut Socket) -> Option<u16> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("the server closes in time");
        match frame {
            Some(Ok(Message::Close(frame))) => return frame.map(|f| u16::from(f.code)),
            Some(Ok(_)) => continue,
            None | Some(Err(_)) => return None,
        }
    }
}

#[tokio::test]
async fn a_websocket_message_over_64_kb_closes_the_connection() {
    let app = spawn_app().await;
    let mut socket = connect(&app.url, "").await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    let huge = json!({ "type": "auth", "admin_token": "a".repeat(100 * 1024) }).to_string();
    // The server may already have hung up by the time the send completes.
    let _ = socket.send(Message::Text(huge.into())).await;
    let code = close_code(&mut socket).await;
    assert!(
        code.is_none_or(|code| code == 1008 || code == 1009),
        "closed with {code:?}"
    );
}

fn auth(token: &str) -> Message {
    Message::Text(
        json!({ "type": "auth", "admin_token": token })
            .to_string()
            .into(),
    )
}

#[tokio::test]
async fn an_auth_message_with_the_admin_token_turns_on_admin_pushes() {
    let app = spawn_app().await;
    let mut socket = connect(&app.url, "").await;
    let hello = next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    assert!(matches!(hello, ServerMessage::Hello { admin: false, .. }));
    socket.send(auth(ADMIN_TOKEN)).await.unwrap();
    let hello = next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    assert!(matches!(hello, ServerMessage::Hello { admin: true, .. }));
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Queue { .. })).await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Cluster { .. })).await;
    // Admin pushes from then on: a registration names the voter.
    let registered = app.post("/api/register", json!({ "name": "Zoe" })).await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    next_matching(
        &mut socket,
        |m| matches!(m, ServerMessage::Voter { voter } if voter.name == "Zoe"),
    )
    .await;
}

#[tokio::test]
async fn an_auth_message_with_a_wrong_token_gets_an_error_and_close_4001() {
    let app = spawn_app().await;
    let mut socket = connect(&app.url, "").await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    socket.send(auth("a guess")).await.unwrap();
    let refusal = next_matching(&mut socket, |m| matches!(m, ServerMessage::Error { .. })).await;
    assert!(
        matches!(&refusal, ServerMessage::Error { error, .. } if *error == ErrorCode::AdminUnauthorized),
        "{refusal:?}"
    );
    assert_eq!(close_code(&mut socket).await, Some(CLOSE_UNAUTHORIZED));
}

#[tokio::test]
async fn a_malformed_websocket_message_gets_an_error_push_not_a_disconnect() {
    let app = spawn_app().await;
    let mut socket = connect(&app.url, "").await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;
    socket
        .send(Message::Text(r#"{"type":"shout"}"#.into()))
        .await
        .unwrap();
    let error = next_matching(&mut socket, |m| matches!(m, ServerMessage::Error { .. })).await;
    assert!(
        matches!(&error, ServerMessage::Error { error, .. } if *error == ErrorCode::BadRequest),
        "{error:?}"
    );
    // Still connected: a good auth works.
    socket.send(auth(ADMIN_TOKEN)).await.unwrap();
    next_matching(&mut socket, |m| {
        matches!(m, ServerMessage::Hello { admin: true, .. })
    })
    .await;
}

/// An upgrade the server refuses: its status, `Retry-After` and JSON body.
async fn refused_upgrade(app: &TestApp) -> (StatusCode, Option<String>, ErrorBody) {
    match tokio_tungstenite::connect_async(ws_url(app)).await {
        Ok(_) => panic!("the upgrade was accepted"),
        Err(tungstenite::Error::Http(response)) => {
            let retry_after = response
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            let body = response.body().as_deref().expect("a body");
            let body: ErrorBody = serde_json::from_slice(body).expect("a JSON error body");
            (
                StatusCode::from_u16(response.status().as_u16()).unwrap(),
                retry_after,
                body,
            )
        }
        Err(other) => panic!("unexpected failure: {other}"),
    }
}

#[tokio::test]
async fn the_node_refuses_websockets_beyond_its_cap_with_503() {
    let app = spawn_app_with(|args| args.max_ws_connections = 2).await;
    let first = connect(&app.url, "").await;
    let _second = connect(&app.url, "").await;
    let (status, retry_after, body) = refused_upgrade(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body.error, ErrorCode::TooManyConnections);
    assert!(retry_after.is_some(), "Retry-After on a 503");
    // A closed connection frees its slot.
    drop(first);
    let url = ws_url(&app);
    wait_until(Duration::from_secs(10), "a freed slot", || async {
        tokio_tungstenite::connect_async(url.as_str()).await.is_ok()
    })
    .await;
}

#[tokio::test]
async fn one_address_is_refused_websockets_beyond_its_cap_with_429() {
    let app = spawn_app_with(|args| {
        args.max_ws_per_address = 2;
        args.rate_limit_exempt = "".parse().unwrap();
    })
    .await;
    let _first = connect(&app.url, "").await;
    let _second = connect(&app.url, "").await;
    let (status, retry_after, body) = refused_upgrade(&app).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body.error, ErrorCode::TooManyConnections);
    assert!(retry_after.is_some(), "Retry-After on a 429");
}
