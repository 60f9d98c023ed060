//! One real node driven in process: its router answers requests through `oneshot`, with no
//! socket in between. [`Node`] also remembers what the election handed out (sessions, keys,
//! acknowledged votes) so steps can refer to it, and restarts on the same data directory.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body as HttpBody, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode};
use axum::Router;
use ballot::config::{CommonArgs, NodeArgs};
use ballot::server::RunningNode;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::requests::{
    AdminAction, Auth, Body, Click, Key, Lamport, Raw, SessionRef, Spelling, Step,
};

pub const ADMIN_TOKEN: &str = "test-admin-token-for-fuzzing";
pub const CLUSTER_SECRET: &str = "test-cluster-secret-for-fuzzing-0123456789";

/// The default roll, in voter id order.
const DEFAULT_VOTERS: [&str; 10] = [
    "Alice", "Bob", "Charlie", "Diana", "Eve", "Frank", "Grace", "Henry", "Ivy", "Jack",
];

/// The longest a request may take. A vote waits at most 15 s for its answer; nothing in a
/// quiet single node should come near that.
const REQUEST_LIMIT: Duration = Duration::from_secs(20);

/// A request as sent, kept to judge its answer.
#[derive(Debug, Clone)]
pub struct Sent {
    pub method: Method,
    /// The path as sent (percent-encoded).
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    /// The JSON body of a step's own request (not of a raw one).
    pub body: Option<Value>,
}

/// An answer, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Bytes,
}

/// What the election has handed out so far (reset with each fresh election).
#[derive(Debug, Default)]
pub struct Handed {
    /// Session tokens with their voter ids.
    pub sessions: Vec<(String, u32)>,
    /// Voters registered through the API: name and id.
    pub registered: Vec<(String, u32)>,
    /// Idempotency keys sent so far.
    pub keys: Vec<String>,
    /// Voters whose vote was acknowledged (2xx).
    pub acknowledged: Vec<u32>,
    /// The last write with a valid `Idempotency-Key` that succeeded, with its answer.
    pub last_keyed: Option<(Sent, Value)>,
}

pub struct Node {
    router: Router,
    running: Option<RunningNode>,
    args: NodeArgs,
    _data_dir: tempfile::TempDir,
    pub handed: Handed,
}

fn node_args(data_dir: PathBuf, dist: &Path) -> NodeArgs {
    NodeArgs {
        id: 1,
        listen: "127.0.0.1:9".parse().expect("an address"),
        data_dir,
        common: CommonArgs {
            admin_token: Some(ADMIN_TOKEN.into()),
            admin_token_file: None,
            config: None,
            dist: Some(dist.to_path_buf()),
            // Mail on, to a port nobody listens on: the mail routes answer and the sender
            // runs (every attempt a passing failure), whatever the requests queue.
            mail: ballot::config::MailArgs {
                smtp_url: Some("smtp://127.0.0.1:9".into()),
                ..ballot::config::MailArgs::default()
            },
            tls: ballot::config::TlsArgs::default(),
        },
        max_concurrent_votes: 4,
        vote_queue_capacity: 1000,
        max_vote_batch: 512,
        grace_ms: 10_000,
        peers: None,
        cluster_secret: Some(CLUSTER_SECRET.into()),
        cluster_secret_file: None,
        clock_skew_ms: 0,
        clock_sync_ms: 5_000,
        advertise: None,
        max_ws_connections: 100,
        max_ws_per_address: 10,
        failed_attempts_per_minute: std::num::NonZeroU32::new(20).expect("not zero"),
        rate_limit_exempt: "127.0.0.0/8,::1".parse().expect("addresses"),
        source_ip: None,
        owner_password_file: None,
        owner_name: "owner".into(),
    }
}

/// The server's clock as the node reads it (no skew, no Berkeley correction on one node).
pub fn now_ms() -> i64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

impl Node {
    /// A fresh election on a new data directory, serving the dashboards in `dist`.
    pub async fn fresh(dist: &Path) -> Node {
        // On tmpfs when there is one: the node fsyncs every commit, and the fuzzer checks the
        // logic, not the disk.
        let shm = Path::new("/dev/shm");
        let data_dir = if shm.is_dir() {
            tempfile::tempdir_in(shm)
        } else {
            tempfile::tempdir()
        };
        let data_dir = data_dir.expect("a temporary directory");
        let args = node_args(data_dir.path().to_path_buf(), dist);
        let (router, running) = ballot::server::start_in_process(args.clone())
            .await
            .expect("the node starts");
        Node {
            router,
            running: Some(running),
            args,
            _data_dir: data_dir,
            handed: Handed::default(),
        }
    }

    /// Stops the node and starts it again on the same data directory (state is replayed).
    pub async fn restart(&mut self) {
        self.stop().await;
        let (router, running) = ballot::server::start_in_process(self.args.clone())
            .await
            .expect("the node restarts");
        self.router = router;
        self.running = Some(running);
    }

    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await;
        }
    }

    /// Sends one request; a panic inside the node or an answer slower than [`REQUEST_LIMIT`]
    /// is an `Err` describing it.
    pub async fn send(&self, request: Request<HttpBody>) -> Result<Answer, String> {
        let router = self.router.clone();
        let call = tokio::spawn(async move {
            let response = router
                .oneshot(request)
                .await
                .expect("the router is infallible");
            let (parts, body) = response.into_parts();
            let body = axum::body::to_bytes(body, 64 * 1024 * 1024)
                .await
                .map_err(|error| format!("the body could not be read: {error}"))?;
            Ok::<_, String>(Answer {
                status: parts.status,
                body,
            })
        });
        match tokio::time::timeout(REQUEST_LIMIT, call).await {
            Err(_) => Err(format!("no answer within {REQUEST_LIMIT:?}")),
            Ok(Err(join)) if join.is_panic() => {
                let payload = join.into_panic();
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Err(format!("the node panicked: {message}"))
            }
            Ok(Err(join)) => Err(format!("the request task failed: {join}")),
            Ok(Ok(answer)) => answer,
        }
    }

    /// `GET path` as the admin, read as JSON (for the invariant checks).
    pub async fn admin_json(&self, path: &str) -> Result<Value, String> {
        let request = Request::get(path)
            .header("authorization", format!("Bearer {ADMIN_TOKEN}"))
            .body(HttpBody::empty())
            .expect("a request");
        let answer = self.send(request).await?;
        if !answer.status.is_success() {
            return Err(format!(
                "GET {path} answered {}: {:?}",
                answer.status, answer.body
            ));
        }
        serde_json::from_slice(&answer.body).map_err(|e| format!("GET {path}: {e}"))
    }

    /// The requests a step sends (several at once for a burst), its placeholders resolved.
    pub fn requests(&mut self, step: &Step) -> Vec<(Sent, Request<HttpBody>)> {
        match step {
            Step::Login {
                voter,
                spelling,
                key,
            } => {
                // The default roll first, then the voters registered in this election.
                let index = *voter as usize;
                let (name, voter) = match index.checked_sub(DEFAULT_VOTERS.len() + 1) {
                    Some(i) if !self.handed.registered.is_empty() => {
                        let (name, id) = &self.handed.registered[i % self.handed.registered.len()];
                        (name.as_str(), *id)
                    }
                    _ => (
                        DEFAULT_VOTERS[(index + DEFAULT_VOTERS.len() - 1) % DEFAULT_VOTERS.len()],
                        *voter,
                    ),
                };
                let name = match spelling {
                    Spelling::Exact => name.to_string(),
                    Spelling::Upper => name.to_uppercase(),
                    Spelling::Padded => format!("  {name}\u{00A0}"),
                    Spelling::Wrong => format!("{name}x"),
                };
                let body = json!({"name": name, "voter_id": voter});
                vec![self.json_request("/api/login", body, key, &Lamport::Absent, None)]
            }
            Step::Register { name, key } => {
                let body = json!({ "name": name });
                vec![self.json_request("/api/register", body, key, &Lamport::Absent, None)]
            }
            Step::Vote {
                session,
                candidate_id,
                answers,
                click,
                lamport,
                key,
                header_lamport,
            } => {
                let click_time_ms = match click {
                    Click::Now(offset) => now_ms().saturating_add(*offset),
                    Click::Fixed(at) => *at,
                };
                let mut body = json!({
                    "session": self.session(session), "candidate_id": candidate_id,
                    "lamport": lamport, "click_time_ms": click_time_ms,
                });
                if let Some(answers) = answers {
                    body["answers"] = answers.clone();
                    body.as_object_mut().map(|body| body.remove("candidate_id"));
                }
                vec![self.json_request("/api/vote", body, key, header_lamport, None)]
            }
            Step::Burst {
                session,
                candidate_id,
                key,
                copies,
            } => {
                let body = json!({
                    "session": self.session(session), "candidate_id": candidate_id,
                    "lamport": 0, "click_time_ms": now_ms(),
                });
                // One key for every copy (a client retrying), resolved once.
                let key = match key {
                    Key::Reuse(_) | Key::Fresh(_) => Key::Bytes(self.key_text(key).into_bytes()),
                    other => other.clone(),
                };
                (0..*copies)
                    .map(|_| {
                        self.json_request("/api/vote", body.clone(), &key, &Lamport::Absent, None)
                    })
                    .collect()
            }
            Step::Me { session } => {
                let token = self.session(session);
                let bearer = format!("Bearer {token}");
                let request =
                    with_header(Request::get("/api/me"), "authorization", bearer.as_bytes());
                vec![finish(request, HttpBody::empty(), "/api/me", None)]
            }
            Step::Admin { action, key } => {
                let (path, body) = match action {
                    AdminAction::Start => ("/api/admin/start", json!({})),
                    AdminAction::Stop => ("/api/admin/stop", json!({})),
                    AdminAction::Publish => ("/api/admin/publish", json!({})),
                    AdminAction::LiveResults(on) => {
                        ("/api/admin/live-results", json!({"enabled": on}))
                    }
                    AdminAction::Deadline(body) => ("/api/admin/deadline", body.clone()),
                    AdminAction::Mail(body) => ("/api/admin/elections/default/mail", body.clone()),
                };
                vec![self.json_request(path, body, key, &Lamport::Absent, Some(ADMIN_TOKEN))]
            }
            Step::Retry => match &self.handed.last_keyed {
                Some((sent, _)) => {
                    let mut request = Request::post(&sent.path);
                    for (name, value) in &sent.headers {
                        request = request.header(name, value);
                    }
                    let body = sent.body.as_ref().map(Value::to_string).unwrap_or_default();
                    let mut again = finish(request, HttpBody::from(body), &sent.path, None);
                    again.0.body = sent.body.clone();
                    vec![again]
                }
                None => vec![],
            },
            Step::Propose(envelope) => {
                let request = Request::post("/raft/propose")
                    .header("content-type", "application/json")
                    .header("x-cluster-secret", CLUSTER_SECRET);
                let body = HttpBody::from(envelope.to_string());
                vec![finish(request, body, "/raft/propose", None)]
            }
            Step::Raw(raw) => vec![self.raw(raw)],
        }
    }

    fn session(&self, session: &SessionRef) -> String {
        match session {
            SessionRef::Known(i) if !self.handed.sessions.is_empty() => self.handed.sessions
                [i % self.handed.sessions.len()]
            .0
            .clone(),
            SessionRef::Known(_) => "no-session-yet".to_string(),
            SessionRef::Garbage(text) => text.clone(),
        }
    }

    /// The text of a valid key (fresh or reused); invalid ones are sent as bytes elsewhere.
    fn key_text(&mut self, key: &Key) -> String {
        let text = match key {
            Key::Reuse(i) if !self.handed.keys.is_empty() => {
                self.handed.keys[i % self.handed.keys.len()].clone()
            }
            // Few distinct keys, so that requests of a case often share one.
            Key::Fresh(n) => format!("fuzz-{}-{n}", self.handed.keys.len() / 16),
            _ => format!("fuzz-first-{}", self.handed.keys.len()),
        };
        self.handed.keys.push(text.clone());
        text
    }

    fn key_header(&mut self, key: &Key) -> Option<Vec<u8>> {
        match key {
            Key::Absent => None,
            Key::Bytes(bytes) => Some(bytes.clone()),
            valid => Some(self.key_text(valid).into_bytes()),
        }
    }

    fn json_request(
        &mut self,
        path: &str,
        body: Value,
        key: &Key,
        lamport: &Lamport,
        bearer: Option<&str>,
    ) -> (Sent, Request<HttpBody>) {
        let mut request = Request::post(path).header("content-type", "application/json");
        if let Some(token) = bearer {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        if let Some(key) = self.key_header(key) {
            request = with_header(request, "idempotency-key", &key);
        }
        if let Some(value) = lamport_header(lamport) {
            request = with_header(request, "x-lamport", value.as_bytes());
        }
        let mut sent = finish(request, HttpBody::from(body.to_string()), path, None);
        sent.0.body = Some(body);
        sent
    }

    fn raw(&mut self, raw: &Raw) -> (Sent, Request<HttpBody>) {
        let method = Method::from_bytes(raw.method.as_bytes()).unwrap_or(Method::GET);
        let uri = match &raw.query {
            Some(query) => format!("{}?{query}", raw.path),
            None => raw.path.clone(),
        };
        let (uri, path) = match uri.parse::<axum::http::Uri>() {
            Ok(_) => (uri, raw.path.clone()),
            Err(_) => ("/".to_string(), "/".to_string()),
        };
        let mut request = Request::builder().method(method).uri(&uri);
        match &raw.auth {
            Auth::Absent => {}
            Auth::Admin => {
                request = request.header("authorization", format!("Bearer {ADMIN_TOKEN}"))
            }
            Auth::Session(i) => {
                let bearer = format!("Bearer {}", self.session(&SessionRef::Known(*i)));
                request = with_header(request, "authorization", bearer.as_bytes());
            }
            Auth::Bytes(bytes) => request = with_header(request, "authorization", bytes),
        }
        match raw.cluster_secret {
            // The right secret only where a member's request cannot change the cluster's
            // membership or clock (joining a learner that never answers, or moving the clock,
            // are a member's privileges, not a fuzzer's).
            Some(true) if secret_is_safe(&path, &raw.method) => {
                request = request.header("x-cluster-secret", CLUSTER_SECRET);
            }
            Some(_) => request = request.header("x-cluster-secret", "not-the-secret"),
            None => {}
        }
        if let Some(value) = lamport_header(&raw.lamport) {
            request = with_header(request, "x-lamport", value.as_bytes());
        }
        if let Some(key) = self.key_header(&raw.key) {
            request = with_header(request, "idempotency-key", &key);
        }
        if let Some(content_type) = &raw.content_type {
            request = with_header(request, "content-type", content_type.as_bytes());
        }
        for (name, value) in &raw.headers {
            // A content-length that disagrees with the body is hyper's to refuse, not ours.
            if name != "content-length" && name != "transfer-encoding" {
                request = with_header(request, name, value);
            }
        }
        let body = match &raw.body {
            Body::Empty => HttpBody::empty(),
            Body::Json(value) => HttpBody::from(value.to_string()),
            Body::Text(text) => HttpBody::from(text.clone()),
            Body::Bytes(bytes) => HttpBody::from(bytes.clone()),
            Body::Nested { depth, objects } => {
                let (open, close) = if *objects {
                    ("{\"a\":", "}")
                } else {
                    ("[", "]")
                };
                HttpBody::from(format!("{}1{}", open.repeat(*depth), close.repeat(*depth)))
            }
            Body::Huge { len } => HttpBody::from(json!({ "name": "n".repeat(*len) }).to_string()),
        };
        finish(request, body, &path, raw.query.clone())
    }
}

/// Whether a fuzzed request may carry the right cluster secret: not to the routes that change
/// membership, leadership or the clock.
fn secret_is_safe(path: &str, method: &str) -> bool {
    !(path.starts_with("/raft/join")
        || path.starts_with("/raft/transfer-leader")
        || path.starts_with("/raft/vote")
        || path.starts_with("/raft/pre-vote")
        || path.starts_with("/raft/append")
        || path.starts_with("/raft/snapshot")
        || (path.starts_with("/raft/clock") && method != "GET"))
}

fn lamport_header(lamport: &Lamport) -> Option<String> {
    match lamport {
        Lamport::Absent => None,
        Lamport::Near(n) | Lamport::Value(n) => Some(n.to_string()),
        Lamport::Text(text) => Some(text.clone()),
    }
}

/// Adds a header when its name and value are valid HTTP (a client cannot send others).
fn with_header(
    request: axum::http::request::Builder,
    name: &str,
    value: &[u8],
) -> axum::http::request::Builder {
    match (
        HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_bytes(value),
    ) {
        (Ok(name), Ok(value)) => request.header(name, value),
        _ => request,
    }
}

fn finish(
    request: axum::http::request::Builder,
    body: HttpBody,
    path: &str,
    query: Option<String>,
) -> (Sent, Request<HttpBody>) {
    let request = request.body(body).expect("a request from valid parts");
    let sent = Sent {
        method: request.method().clone(),
        path: path.to_string(),
        query,
        headers: request.headers().clone(),
        body: None,
    };
    (sent, request)
}
