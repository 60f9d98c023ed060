//! `GET /metrics`: Prometheus text about this node, with bounded label values.

use std::collections::BTreeSet;

use reqwest::{header, StatusCode};
use serde_json::json;
use shared::dto::RegisterResponse;

use crate::helpers::*;

/// One sample line of the text format: its name, its labels as written, its value.
struct Sample {
    name: String,
    labels: String,
    value: f64,
}

/// Parses every line that is not a comment as `name{labels} value` (or `name value`), failing
/// the test on the first that is not.
fn parse(text: &str) -> Vec<Sample> {
    let mut samples = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').expect("a value after the series");
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("a number in {line:?}"));
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => {
                let labels = rest.strip_suffix('}').expect("labels end with }");
                (name, labels)
            }
            None => (series, ""),
        };
        let mut chars = name.chars();
        let first = chars.next().expect("a metric name");
        assert!(
            (first.is_ascii_alphabetic() || first == '_' || first == ':')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "not a metric name in {line:?}"
        );
        for label in labels.split("\",").filter(|l| !l.is_empty()) {
            let (key, quoted) = label.split_once('=').expect("label=value");
            assert!(quoted.starts_with('"'), "unquoted label {key} in {line:?}");
        }
        samples.push(Sample {
            name: name.to_string(),
            labels: labels.to_string(),
            value,
        });
    }
    samples
}

/// The sum of `name`'s samples whose labels contain every one of `with`.
fn total(samples: &[Sample], name: &str, with: &[&str]) -> f64 {
    samples
        .iter()
        .filter(|s| s.name == name && with.iter().all(|w| s.labels.contains(w)))
        .map(|s| s.value)
        .sum()
}

async fn scrape(app: &TestApp) -> Vec<Sample> {
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), StatusCode::OK);
    let kind = response.headers()[header::CONTENT_TYPE].to_str().unwrap();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    parse(&response.text().await.unwrap())
}

#[tokio::test]
async fn metrics_count_requests_by_route_votes_batches_and_raft_progress() {
    let app = spawn_app().await;
    for name in ["Kim", "Lee"] {
        let response = app.post("/api/register", json!({ "name": name })).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let _: RegisterResponse = response.json().await.unwrap();
    }
    let sessions = [app.login("Alice", 1).await, app.login("Bob", 2).await];
    let kim = app.login("Kim", 11).await;
    app.start_voting().await;
    for (session, candidate) in sessions.iter().zip([3, 4]) {
        assert_eq!(
            app.vote(&session.session, candidate).await.status(),
            StatusCode::OK
        );
    }
    let now = app.server_time().await;
    let vote = json!({
        "session": kim.session, "candidate_id": 5,
        "lamport": now.lamport, "click_time_ms": now.server_time_ms,
    });
    let response = app.post("/api/elections/default/vote", vote).await;
    assert_eq!(response.status(), StatusCode::OK);

    let samples = scrape(&app).await;
    let requests = "ballot_http_requests_total";
    let templated = [r#"route="/api/elections/{id}/vote""#, r#"status="2xx""#];
    assert_eq!(total(&samples, requests, &templated), 1.0);
    let original = [r#"route="/api/vote""#, r#"method="POST""#];
    assert_eq!(total(&samples, requests, &original), 2.0);
    assert_eq!(
        total(&samples, requests, &[r#"route="/api/register""#]),
        2.0
    );
    assert!(total(&samples, "ballot_votes_committed_total", &[]) >= 3.0);
    let batches = total(&samples, "ballot_vote_batch_size_count", &[]);
    assert!(batches >= 1.0, "one batch at least");
    assert!(total(&samples, "ballot_vote_batch_size_sum", &[]) >= 3.0);
    assert!(
        total(&samples, "ballot_vote_batch_size_bucket", &[r#"le="+Inf""#]) == batches,
        "the batch sizes are a histogram"
    );
    assert!(total(&samples, "ballot_http_request_duration_seconds_count", &[]) >= 10.0);
    assert!(total(&samples, "ballot_raft_term", &[]) >= 1.0);
    assert_eq!(total(&samples, "ballot_raft_is_leader", &[]), 1.0);
    assert_eq!(total(&samples, "ballot_raft_leader_id", &[]), 1.0);
    // Seeding, the registrations, logins, start and three votes are all entries.
    let committed = total(&samples, "ballot_raft_commit_index", &[]);
    assert!(committed >= 5.0, "commit index {committed}");
    assert!(total(&samples, "ballot_raft_last_applied", &[]) <= committed);
    assert!(samples.iter().any(|s| s.name == "ballot_vote_queue_depth"));
    assert!(samples.iter().any(|s| s.name == "ballot_ws_connections"));
}

#[tokio::test]
async fn distinct_raw_paths_share_their_route_template_label() {
    let app = spawn_app().await;
    for n in 1..=50 {
        let response = app.get(&format!("/api/elections/x{n}/results")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response = app.get(&format!("/no-such-page-{n}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    // Each request is counted before its answer leaves the server: no waiting needed.
    let samples = scrape(&app).await;
    let requests = "ballot_http_requests_total";
    let templated = [r#"route="/api/elections/{id}/results""#, r#"status="4xx""#];
    assert_eq!(total(&samples, requests, &templated), 50.0);
    assert_eq!(total(&samples, requests, &[r#"route="unmatched""#]), 50.0);
    let routes: BTreeSet<&str> = samples
        .iter()
        .filter(|s| s.name == "ballot_http_requests_total")
        .filter_map(|s| s.labels.split("route=\"").nth(1))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(
        routes.iter().all(|route| !route.contains("x1")),
        "a raw path became a label value: {routes:?}"
    );
    assert!(routes.len() <= 3, "{routes:?}");
}
