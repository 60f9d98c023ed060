//! `spawn_app()` and the typed client the tests drive it with.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ballot::config::{CommonArgs, NodeArgs};
use ballot::server::RunningNode;
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use shared::dto::{ErrorBody, LoginResponse, NotificationsResponse, ResultsResponse, TimeResponse};

use crate::support::http::fetch_json;

pub const ADMIN_TOKEN: &str = "test-admin-token";

pub struct TestApp {
    pub node: Option<RunningNode>,
    pub url: String,
    pub client: reqwest::Client,
    /// Deleted when the app is dropped; restarts reuse it.
    _data_dir: tempfile::TempDir,
    /// The flags the node (re)starts with.
    pub args: NodeArgs,
}

/// The flags of `ballot node` as a test starts it: port 0, a known admin token.
pub fn node_args(data_dir: PathBuf) -> NodeArgs {
    NodeArgs {
        id: 1,
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir,
        common: CommonArgs {
            admin_token: Some(ADMIN_TOKEN.into()),
            ..CommonArgs::default()
        },
        max_concurrent_votes: 5,
        vote_queue_capacity: 1000,
        max_vote_batch: 512,
        grace_ms: 10_000,
        peers: None,
        cluster_secret: None,
        cluster_secret_file: None,
        clock_skew_ms: 0,
        clock_sync_ms: 5_000,
        advertise: None,
        max_ws_connections: 20_000,
        max_ws_per_address: 1_000,
        failed_attempts_per_minute: std::num::NonZeroU32::new(20).unwrap(),
        rate_limit_exempt: "127.0.0.0/8,::1".parse().unwrap(),
        source_ip: None,
        owner_password_file: None,
        owner_name: "owner".into(),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A node whose flags `configure` may change first.
pub async fn spawn_app_with(configure: impl FnOnce(&mut NodeArgs)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut args = node_args(data_dir.path().to_path_buf());
    configure(&mut args);
    let mut app = TestApp {
        node: None,
        url: String::new(),
        client: reqwest::Client::new(),
        _data_dir: data_dir,
        args,
    };
    app.start().await;
    app
}

impl TestApp {
    /// Starts (or restarts) the node on the same data directory.
    pub async fn start(&mut self) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let node = ballot::server::start(self.args.clone(), listener, true)
            .await
            .expect("node starts");
        self.url = node.url();
        self.node = Some(node);
    }

    pub async fn stop(&mut self) {
        if let Some(node) = self.node.take() {
            node.shutdown().await;
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .unwrap()
    }

    /// `GET path`, its body read as `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> T {
        let request = self.client.get(format!("{}{path}", self.url));
        fetch_json(request).await.expect("a JSON body")
    }

    /// `GET path` as the admin, its body read as `T`.
    pub async fn admin_get_json<T: DeserializeOwned>(&self, path: &str) -> T {
        let request = self.client.get(format!("{}{path}", self.url));
        fetch_json(request.bearer_auth(ADMIN_TOKEN))
            .await
            .expect("a JSON body")
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.client
            .post(format!("{}{path}", self.url))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn admin_post(&self, path: &str, body: Value) -> Response {
        let request = self
            .client
            .post(format!("{}{path}", self.url))
            .bearer_auth(ADMIN_TOKEN);
        request.json(&body).send().await.unwrap()
    }

    pub async fn admin_get(&self, path: &str) -> Response {
        let request = self
            .client
            .get(format!("{}{path}", self.url))
            .bearer_auth(ADMIN_TOKEN);
        request.send().await.unwrap()
    }

    pub async fn login(&self, name: &str, voter_id: u32) -> LoginResponse {
        let response = self
            .post("/api/login", json!({ "name": name, "voter_id": voter_id }))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "login of {name}");
        response.json().await.unwrap()
    }

    pub async fn server_time(&self) -> TimeResponse {
        self.get_json("/api/time").await
    }

    /// Votes with a click time of "now" by the server's clock.
    pub async fn vote(&self, session: &str, candidate_id: u32) -> Response {
        let now = self.server_time().await;
        self.vote_at(session, candidate_id, now.server_time_ms, now.lamport)
            .await
    }

    pub async fn vote_at(
        &self,
        session: &str,
        candidate_id: u32,
        click_time_ms: i64,
        lamport: u64,
    ) -> Response {
        let body = json!({
            "session": session, "candidate_id": candidate_id,
            "lamport": lamport, "click_time_ms": click_time_ms,
        });
        self.post("/api/vote", body).await
    }

    pub async fn results(&self) -> ResultsResponse {
        self.get_json("/api/results").await
    }

    pub async fn start_voting(&self) {
        let response = self.admin_post("/api/admin/start", json!({})).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
}

/// The feed's lines, oldest first.
pub fn messages(feed: &NotificationsResponse) -> Vec<&str> {
    let notifications = feed.notifications.iter();
    notifications.map(|n| n.message.as_str()).collect()
}

/// Asserts a response's status and error code, returning the message.
pub async fn assert_error(response: Response, status: StatusCode, code: &str) -> String {
    assert_eq!(response.status(), status);
    let body: ErrorBody = response
        .json()
        .await
        .expect("error body is {error, message}");
    assert_eq!(
        serde_json::to_value(body.error).unwrap(),
        code,
        "{}",
        body.message
    );
    assert!(!body.message.is_empty());
    body.message
}

/// Polls `condition` until it holds or `limit` passes.
pub async fn wait_until<F, Fut>(limit: Duration, what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    while !condition().await {
        assert!(started.elapsed() < limit, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
