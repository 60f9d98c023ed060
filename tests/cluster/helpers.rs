//! `spawn_cluster()`: real member processes with their own data directories.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{
    ClusterStatusResponse, EventsResponse, LoginResponse, RegisterResponse, ResultsResponse,
    TimeResponse,
};
use shared::ws::ServerMessage;
use shared::{AuditEvent as Event, AuditPayload};

pub const ADMIN_TOKEN: &str = "cluster-admin-token";
const SECRET: &str = "cluster-test-secret";

pub struct Member {
    pub id: u64,
    pub port: u16,
    pub voter: bool,
    pub skew_ms: i64,
    child: std::sync::Mutex<Option<Child>>,
}

pub struct TestCluster {
    pub members: Vec<Member>,
    pub dir: tempfile::TempDir,
    pub client: reqwest::Client,
}

/// A port that was free a moment ago (the members must know each other's ports up front).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Three replicas and, if `tally`, the learner; `skews` gives a member's starting clock error.
pub async fn spawn_cluster(tally: bool, skews: &[(u64, i64)]) -> TestCluster {
    let mut members: Vec<Member> = (1..=3)
        .map(|id| Member {
            id,
            port: free_port(),
            voter: true,
            skew_ms: 0,
            child: Default::default(),
        })
        .collect();
    if tally {
        members.push(Member {
            id: 4,
            port: free_port(),
            voter: false,
            skew_ms: 0,
            child: Default::default(),
        });
    }
    for (id, skew) in skews {
        members.iter_mut().find(|m| m.id == *id).unwrap().skew_ms = *skew;
    }
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap();
    let cluster = TestCluster {
        members,
        dir: tempfile::tempdir().unwrap(),
        client,
    };
    for id in cluster.ids() {
        cluster.start(id);
    }
    cluster.wait_for_leader(None).await;
    cluster
}

impl TestCluster {
    pub fn ids(&self) -> Vec<u64> {
        self.members.iter().map(|m| m.id).collect()
    }

    fn member(&self, id: u64) -> &Member {
        self.members
            .iter()
            .find(|m| m.id == id)
            .expect("member exists")
    }

    pub fn is_running(&self, id: u64) -> bool {
        self.member(id).child.lock().unwrap().is_some()
    }

    pub fn url(&self, id: u64) -> String {
        let port = self.members.iter().find(|m| m.id == id).unwrap().port;
        format!("http://127.0.0.1:{port}")
    }

    pub fn data_dir(&self, id: u64) -> PathBuf {
        self.dir.path().join(format!("node{id}"))
    }

    fn peers(&self) -> String {
        let voters = self.members.iter().filter(|m| m.voter);
        voters
            .map(|m| format!("{}=127.0.0.1:{}", m.id, m.port))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Starts (or restarts) a member's process on its data directory.
    pub fn start(&self, id: u64) {
        let (peers, data_dir) = (self.peers(), self.data_dir(id));
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join(format!("node{id}.log")))
            .unwrap();
        let member = self.member(id);
        let mut command = Command::new(env!("CARGO_BIN_EXE_ballot"));
        command
            .arg(if member.voter { "node" } else { "tally" })
            .args([
                "--id",
                &id.to_string(),
                "--listen",
                &format!("127.0.0.1:{}", member.port),
            ])
            .arg("--data-dir")
            .arg(data_dir)
            .args([
                "--peers",
                &peers,
                "--cluster-secret",
                SECRET,
                "--admin-token",
                ADMIN_TOKEN,
            ])
            .args([
                "--clock-sync-ms",
                "1000",
                "--clock-skew-ms",
                &member.skew_ms.to_string(),
            ])
            .env("RUST_LOG", "info,openraft=warn")
            .stdout(Stdio::null())
            .stderr(log);
        *member.child.lock().unwrap() = Some(command.spawn().expect("member process starts"));
    }

    /// SIGKILL: no shutdown, no flush beyond what was already durable.
    pub fn kill(&self, id: u64) {
        if let Some(mut child) = self.member(id).child.lock().unwrap().take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// SIGTERM, as systemd or the launcher stops a member, and wait for it to exit.
    pub fn stop(&self, id: u64) {
        if let Some(mut child) = self.member(id).child.lock().unwrap().take() {
            // SAFETY: kill(2) on the pid of our own child process.
            unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
            child.wait().unwrap();
        }
    }

    /// What the member has logged so far.
    pub fn log(&self, id: u64) -> String {
        std::fs::read_to_string(self.dir.path().join(format!("node{id}.log"))).unwrap_or_default()
    }

    pub fn wipe(&self, id: u64) {
        std::fs::remove_dir_all(self.data_dir(id)).unwrap();
    }

    pub async fn status(&self, id: u64) -> Option<ClusterStatusResponse> {
        let response = self
            .client
            .get(format!("{}/api/cluster/status", self.url(id)))
            .send()
            .await
            .ok()?;
        response.json().await.ok()
    }

    /// Waits until a live member names a leader other than `not`, and returns it.
    pub async fn wait_for_leader(&self, not: Option<u64>) -> u64 {
        let started = Instant::now();
        loop {
            for id in self.ids() {
                if self.is_running(id) {
                    if let Some(leader) = self.status(id).await.and_then(|s| s.leader_id) {
                        if Some(leader) != not
                            && self.status(leader).await.and_then(|s| s.leader_id) == Some(leader)
                        {
                            return leader;
                        }
                    }
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no leader within 30 s; logs in {:?}",
                self.dir.path()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn events(&self, id: u64) -> Option<Vec<Event>> {
        let request = self.client.get(format!(
            "{}/api/admin/events?after=0&limit=10000",
            self.url(id)
        ));
        let response = request.bearer_auth(ADMIN_TOKEN).send().await.ok()?;
        Some(response.json::<EventsResponse>().await.ok()?.events)
    }

    /// Waits until every listed member's event table equals the first one's and has `min` events.
    pub async fn wait_for_equal_logs(&self, ids: &[u64], min: usize) -> Vec<Event> {
        let started = Instant::now();
        loop {
            let mut logs = Vec::new();
            for id in ids {
                logs.push(self.events(*id).await);
            }
            if let Some(Some(first)) = logs.first() {
                if first.len() >= min && logs.iter().all(|l| l.as_ref() == Some(first)) {
                    return first.clone();
                }
            }
            let lengths: Vec<_> = logs.iter().map(|l| l.as_ref().map(Vec::len)).collect();
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "logs of {ids:?} never agreed: {lengths:?}; logs in {:?}",
                self.dir.path()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn results(&self, id: u64) -> ResultsResponse {
        self.client
            .get(format!("{}/api/results", self.url(id)))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub async fn admin(&self, id: u64, path: &str) -> StatusCode {
        let request = self
            .client
            .post(format!("{}{path}", self.url(id)))
            .bearer_auth(ADMIN_TOKEN);
        request.json(&json!({})).send().await.unwrap().status()
    }

    /// Registers and logs in `count` voters through member `id`; returns their sessions.
    pub async fn voters(&self, id: u64, count: usize) -> Vec<(u32, String)> {
        let mut sessions = Vec::new();
        for i in 0..count {
            let name = format!("Voter {i}");
            let register = self
                .client
                .post(format!("{}/api/register", self.url(id)))
                .json(&json!({ "name": name }))
                .send()
                .await
                .unwrap();
            assert_eq!(register.status(), StatusCode::CREATED);
            let voter: RegisterResponse = register.json().await.unwrap();
            let login: LoginResponse = self
                .client
                .post(format!("{}/api/login", self.url(id)))
                .json(&json!({ "name": name, "voter_id": voter.voter_id }))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            sessions.push((voter.voter_id, login.session));
        }
        sessions
    }

    /// Waits for the leader, registers and logs in `voters` voters through it and opens the
    /// election; returns the leader and the voters' (id, session).
    pub async fn open_election(&self, voters: usize) -> (u64, Vec<(u32, String)>) {
        let leader = self.wait_for_leader(None).await;
        let sessions = self.voters(leader, voters).await;
        assert_eq!(self.admin(leader, "/api/admin/start").await, StatusCode::OK);
        (leader, sessions)
    }

    /// Member `id`'s clocks (`GET /api/time`).
    pub async fn time(&self, id: u64) -> Result<TimeResponse, reqwest::Error> {
        let url = format!("{}/api/time", self.url(id));
        self.client.get(url).send().await?.json().await
    }

    /// One vote attempt through member `id`: Ok(true) when acknowledged.
    pub async fn vote(
        &self,
        id: u64,
        session: &str,
        candidate_id: u32,
    ) -> Result<StatusCode, reqwest::Error> {
        let time = self.time(id).await?;
        let body = json!({ "session": session, "candidate_id": candidate_id,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms });
        Ok(self
            .client
            .post(format!("{}/api/vote", self.url(id)))
            .json(&body)
            .send()
            .await?
            .status())
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        for member in &self.members {
            if let Some(mut child) = member.child.lock().unwrap().take() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// Voter ids of the vote events in a log, asserting none appears twice.
pub fn voters_who_voted(log: &[Event]) -> HashSet<u32> {
    let mut seen = HashSet::new();
    for event in log {
        if let AuditPayload::Vote(vote) = &event.payload {
            let voter_id = vote.voter_id;
            assert!(seen.insert(voter_id), "voter {voter_id} counted twice");
        }
    }
    seen
}

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

impl TestCluster {
    /// The admin WebSocket of member `id`.
    pub async fn admin_socket(&self, id: u64) -> Socket {
        let url = format!(
            "{}/ws?admin_token={ADMIN_TOKEN}",
            self.url(id).replacen("http", "ws", 1)
        );
        tokio_tungstenite::connect_async(url)
            .await
            .expect("websocket connects")
            .0
    }
}

/// Reads pushes until one satisfies `wanted`, within 30 s.
pub async fn next_push(
    socket: &mut Socket,
    wanted: impl Fn(&ServerMessage) -> bool,
) -> ServerMessage {
    use futures_util::StreamExt;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("push in time");
        if let Some(Ok(tokio_tungstenite::tungstenite::Message::Text(text))) = frame {
            let message: ServerMessage = serde_json::from_str(&text).expect("a typed push");
            if wanted(&message) {
                return message;
            }
        }
    }
}
