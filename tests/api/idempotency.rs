//! Retries are safe and reveal nothing: idempotency keys, and no vote oracle.

use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use shared::dto::{
    ClusterStatusResponse, LoginResponse, RegisterResponse, VoteResponse, VotersResponse,
};

use crate::helpers::*;

impl TestApp {
    /// A POST with an `Idempotency-Key` header (and the admin token when `admin`).
    pub async fn post_keyed(&self, path: &str, key: &str, body: Value, admin: bool) -> Response {
        let mut request = self
            .client
            .post(format!("{}{path}", self.url))
            .header("idempotency-key", key)
            .json(&body);
        if admin {
            request = request.bearer_auth(ADMIN_TOKEN);
        }
        request.send().await.unwrap()
    }

    /// The last Raft log index of this (single) node.
    pub async fn raft_log_index(&self) -> u64 {
        let status: ClusterStatusResponse = self.get_json("/api/cluster/status").await;
        status.members[0].last_log_index.unwrap_or(0)
    }
}

fn vote_body(session: &str, candidate_id: u32, click_time_ms: i64, lamport: u64) -> Value {
    json!({
        "session": session, "candidate_id": candidate_id,
        "lamport": lamport, "click_time_ms": click_time_ms,
    })
}

#[tokio::test]
async fn a_voter_who_voted_gets_409_for_every_guess_so_no_probe_reveals_the_choice() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let now = app.server_time().await.server_time_ms;
    let receipt = app.vote_at(&alice.session, 4, now, 1).await;
    assert_eq!(receipt.status(), StatusCode::OK);
    // The attacker knows the session (or logs in as Alice) and the click time (the public
    // feed's time): every guess, the right one included, gets the same answer.
    for candidate in 1..=10 {
        let guess = app.vote_at(&alice.session, candidate, now, 1).await;
        assert_error(guess, StatusCode::CONFLICT, "already_voted").await;
        let keyed = app
            .post_keyed(
                "/api/vote",
                &format!("guess-{candidate}"),
                vote_body(&alice.session, candidate, now, 1),
                false,
            )
            .await;
        assert_error(keyed, StatusCode::CONFLICT, "already_voted").await;
    }
    assert_eq!(app.results().await.total_votes, 1);
}

#[tokio::test]
async fn a_retried_vote_gets_its_first_receipt_and_a_reused_key_gets_422() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let now = app.server_time().await.server_time_ms;
    let key = "5b0c2d9e-vote-alice";
    let first: VoteResponse = app
        .post_keyed(
            "/api/vote",
            key,
            vote_body(&alice.session, 4, now, 1),
            false,
        )
        .await
        .json()
        .await
        .unwrap();
    // The answer was lost; the client retries with the same key (its Lamport clock moved on).
    let again = app
        .post_keyed(
            "/api/vote",
            key,
            vote_body(&alice.session, 4, now, 99),
            false,
        )
        .await;
    assert_eq!(again.status(), StatusCode::OK);
    let again: VoteResponse = again.json().await.unwrap();
    assert_eq!(again.seq, first.seq);
    // The same key for another request is refused, whatever route it names.
    let other = app
        .post_keyed(
            "/api/vote",
            key,
            vote_body(&alice.session, 5, now, 1),
            false,
        )
        .await;
    assert_error(
        other,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    )
    .await;
    let elsewhere = app
        .post_keyed("/api/register", key, json!({"name": "Mallory"}), false)
        .await;
    assert_error(
        elsewhere,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    )
    .await;
    assert_eq!(app.results().await.total_votes, 1);
}

#[tokio::test]
async fn retried_registrations_logins_and_admin_commands_get_their_first_answers() {
    let app = spawn_app().await;
    let first = app
        .post_keyed("/api/register", "reg-kim", json!({"name": "Kim"}), false)
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: RegisterResponse = first.json().await.unwrap();
    let again = app
        .post_keyed("/api/register", "reg-kim", json!({"name": "Kim"}), false)
        .await;
    assert_eq!(again.status(), StatusCode::CREATED, "not 409 name_taken");
    assert_eq!(again.json::<RegisterResponse>().await.unwrap(), first);
    let roll: VotersResponse = app.admin_get_json("/api/admin/voters").await;
    assert_eq!(roll.total, 11, "one registration, not two");

    let login = json!({"name": "Kim", "voter_id": first.voter_id});
    let session: LoginResponse = app
        .post_keyed("/api/login", "login-kim", login.clone(), false)
        .await
        .json()
        .await
        .unwrap();
    let retried: LoginResponse = app
        .post_keyed("/api/login", "login-kim", login, false)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retried, session, "the same session token, usable to vote");

    let start = app
        .post_keyed("/api/admin/start", "start-1", json!({}), true)
        .await;
    assert_eq!(start.status(), StatusCode::OK);
    let start_again = app
        .post_keyed("/api/admin/start", "start-1", json!({}), true)
        .await;
    assert_eq!(start_again.status(), StatusCode::OK, "not 409 wrong_phase");
    let unkeyed = app.admin_post("/api/admin/start", json!({})).await;
    assert_error(unkeyed, StatusCode::CONFLICT, "wrong_phase").await;
    assert_eq!(app.vote(&retried.session, 2).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_malformed_idempotency_key_is_refused_with_400() {
    let app = spawn_app().await;
    for key in ["", "has space", &"k".repeat(65), "tab\tkey"] {
        let response = app
            .post_keyed("/api/register", key, json!({"name": "Kim"}), false)
            .await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_idempotency_key").await;
    }
    let fine = app
        .post_keyed(
            "/api/register",
            &"k".repeat(64),
            json!({"name": "Kim"}),
            false,
        )
        .await;
    assert_eq!(fine.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn refused_logins_and_registrations_cost_no_raft_entry() {
    let app = spawn_app().await;
    app.post("/api/register", json!({"name": "Kim"})).await;
    let before = app.raft_log_index().await;
    for attempt in 0..10 {
        let login = app
            .post("/api/login", json!({"name": "Nobody", "voter_id": 3}))
            .await;
        assert_error(login, StatusCode::UNAUTHORIZED, "bad_login").await;
        let taken = app.post("/api/register", json!({"name": "KIM"})).await;
        assert_error(taken, StatusCode::CONFLICT, "name_taken").await;
        let blank = app
            .post(
                "/api/register",
                json!({"name": format!(" {} ", " ".repeat(attempt))}),
            )
            .await;
        assert_error(blank, StatusCode::BAD_REQUEST, "invalid_name").await;
    }
    assert_eq!(app.raft_log_index().await, before);
}
