//! A whole election through the API, and the admin views.

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{
    AdminStatusResponse, EventsResponse, MeResponse, NotificationsResponse, OptionsResponse,
    RegisterResponse, VotersResponse,
};
use shared::results::Outcome;
use shared::{AuditPayload, EventPayload, Phase};

use crate::helpers::*;
use crate::support::http::fetch_json;

#[tokio::test]
async fn a_full_election_from_registration_to_published_winner() {
    let app = spawn_app().await;
    let options: OptionsResponse = app.get_json("/api/options").await;
    assert_eq!(options.candidates.len(), 10);

    let response = app.post("/api/register", json!({ "name": "Kim" })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let kim: RegisterResponse = response.json().await.unwrap();
    assert_eq!(kim.voter_id, 11);

    let alice = app.login("Alice", 1).await;
    let bob = app.login("bob", 2).await;
    let kim = app.login("Kim", 11).await;
    app.start_voting().await;
    for (session, candidate) in [(&alice, 3), (&bob, 3), (&kim, 5)] {
        let response = app.vote(&session.session, candidate).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: shared::dto::VoteResponse = response.json().await.unwrap();
        assert!(body.accepted);
    }
    // Hidden while open: turnout only.
    let results = app.results().await;
    assert_eq!(
        (
            results.total_votes,
            results.counts_visible,
            results.counts.len()
        ),
        (3, false, 0)
    );

    let me = app.client.get(format!("{}/api/me", app.url));
    let me: MeResponse = fetch_json(me.bearer_auth(&alice.session)).await.unwrap();
    assert!(me.has_voted && me.vote_seq.is_some());

    assert_eq!(
        app.admin_post("/api/admin/stop", json!({})).await.status(),
        StatusCode::OK
    );
    assert!(
        app.results().await.outcome.is_none(),
        "no winner before publishing"
    );
    assert_eq!(
        app.admin_post("/api/admin/publish", json!({}))
            .await
            .status(),
        StatusCode::OK
    );
    let results = app.results().await;
    assert_eq!(results.phase, Phase::Published);
    let counts: Vec<u64> = results.counts.iter().map(|c| c.votes).collect();
    assert_eq!(counts, vec![0, 0, 2, 0, 1, 0, 0, 0, 0, 0]);
    assert!(matches!(
        results.outcome,
        Some(Outcome::Winner {
            candidate_id: 3,
            votes: 2,
            ..
        })
    ));
}

#[tokio::test]
async fn the_admin_sees_who_voted_but_never_for_whom() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    app.vote(&alice.session, 4).await;
    let response = app.admin_get("/api/admin/voters").await;
    let text = response.text().await.unwrap();
    let voters: VotersResponse = serde_json::from_str(&text).unwrap();
    assert_eq!((voters.voted, voters.total), (1, 10));
    assert!(
        voters
            .voters
            .iter()
            .find(|v| v.name == "Alice")
            .unwrap()
            .has_voted
    );
    assert!(
        !text.contains("candidate"),
        "the voter table must not reveal choices: {text}"
    );
}

#[tokio::test]
async fn live_results_show_counts_while_open_but_no_winner() {
    let app = spawn_app().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    app.vote(&alice.session, 2).await;
    let response = app
        .admin_post("/api/admin/live-results", json!({ "enabled": true }))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let results = app.results().await;
    assert!(results.counts_visible);
    assert_eq!(results.counts[1].votes, 1);
    assert!(results.outcome.is_none());
}

#[tokio::test]
async fn the_deadline_closes_voting_by_itself_with_an_event() {
    let app = spawn_app().await;
    let response = app
        .admin_post("/api/admin/deadline", json!({ "minutes": 0.01 }))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    app.start_voting().await;
    wait_until(
        std::time::Duration::from_secs(10),
        "the deadline to close voting",
        || async { app.results().await.phase == Phase::Closed },
    )
    .await;
    let events: EventsResponse = app.admin_get_json("/api/admin/events?after=0").await;
    let closed = events.events.iter().any(|e| {
        e.payload
            == AuditPayload::Logged(EventPayload::VotingClosed {
                reason: shared::CloseReason::Deadline,
            })
    });
    assert!(
        closed,
        "a voting_closed event with reason deadline is in the log"
    );
}

#[tokio::test]
async fn status_and_the_audit_log_describe_the_node() {
    let app = spawn_app().await;
    let status: AdminStatusResponse = app.admin_get_json("/api/admin/status").await;
    assert_eq!(status.phase, Phase::Setup);
    assert_eq!(
        status.event_count, 20,
        "ten candidates and ten voters seeded"
    );
    assert_eq!(status.queue.max_concurrent, 5);
    let page: EventsResponse = app
        .admin_get_json("/api/admin/events?after=5&limit=3")
        .await;
    let seqs: Vec<u64> = page.events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, vec![6, 7, 8]);
    assert_eq!(page.last_seq, 20);
    assert!(page.events.windows(2).all(|w| w[1].lamport > w[0].lamport));
    let health = app.get("/health").await;
    assert_eq!(health.status(), StatusCode::OK);
    let health: serde_json::Value = health.json().await.unwrap();
    assert_eq!(
        health["role"], "leader",
        "a lone node leads its one-member cluster: {health}"
    );
    assert_eq!(health["last_seq"], 20);
}

#[tokio::test]
async fn the_feed_gives_the_latest_lines_or_those_after_a_sequence_number() {
    let app = spawn_app().await;
    app.login("Alice", 1).await;
    app.start_voting().await;
    let latest: NotificationsResponse = app.get_json("/api/notifications?limit=2").await;
    let kinds: Vec<&str> = latest
        .notifications
        .iter()
        .map(|n| n.kind.as_str())
        .collect();
    assert_eq!(
        kinds,
        vec!["voting_started"],
        "logins are not public; the newest line is last"
    );
    let admin: NotificationsResponse = app.admin_get_json("/api/notifications?limit=2").await;
    let lines = messages(&admin);
    assert_eq!(lines, vec!["Alice logged in", "Voting is open"]);
    let page: NotificationsResponse = app.get_json("/api/notifications?after=10&limit=3").await;
    let seqs: Vec<u64> = page.notifications.iter().map(|n| n.seq).collect();
    assert_eq!(seqs, vec![11, 12, 13]);
}

#[tokio::test]
async fn any_request_may_carry_a_lamport_time_and_every_answer_returns_the_nodes() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/register", app.url))
        .header("x-lamport", "5000")
        .json(&serde_json::json!({ "name": "Kim" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let answered: u64 = response.headers()["x-lamport"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        answered > 5000,
        "the node merged the client's clock: {answered}"
    );
    let log: EventsResponse = app.admin_get_json("/api/admin/events?after=20").await;
    assert!(
        log.events[0].lamport > 5000,
        "the registration is stamped after the client's time"
    );
    let errors = app.get("/api/nothing").await;
    assert!(
        errors.headers().contains_key("x-lamport"),
        "errors carry the clock too"
    );
}

#[tokio::test]
async fn the_server_time_and_lamport_clock_move_forward() {
    let app = spawn_app().await;
    let first = app.server_time().await;
    let alice = app.login("Alice", 1).await;
    app.start_voting().await;
    let response = app
        .vote_at(&alice.session, 1, first.server_time_ms, 1_000)
        .await;
    let vote: shared::dto::VoteResponse = response.json().await.unwrap();
    assert!(vote.lamport > 1_000, "the client's clock was merged");
    let later = app.server_time().await;
    assert!(later.lamport > vote.lamport);
    assert!(later.server_time_ms >= first.server_time_ms);
}
