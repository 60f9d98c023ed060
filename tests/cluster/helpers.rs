//! `spawn_cluster()`: real member processes with their own data directories, started and
//! awaited through `ballot::local_cluster` as `ballot cluster` starts its own.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ballot::local_cluster::{wait_for_leader, ClusterSecret, Launch, Layout, LeaderWait};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::json;
use shared::dto::{
    ClusterStatusResponse, EventsResponse, LoginResponse, RegisterResponse, ResultsResponse,
    TimeResponse,
};
use shared::{AuditEvent as Event, AuditPayload};

use crate::support::http::fetch_json;
use crate::support::ws::{connect, Socket};

pub const ADMIN_TOKEN: &str = "cluster-admin-token";

/// A member's process, while it runs, and the clock error it starts with.
struct Process {
    id: u64,
    skew_ms: i64,
    child: Mutex<Option<Child>>,
}

pub struct TestCluster {
    /// Where the members listen; member N keeps its data in `dir/nodeN`, its log in
    /// `dir/nodeN.log`.
    pub layout: Layout,
    processes: Vec<Process>,
    pub dir: tempfile::TempDir,
    pub client: reqwest::Client,
    /// Unique to this cluster, so that members of two clusters running side by side could not
    /// talk to each other even if they were ever given the same port.
    secret: String,
    /// Environment variables every member starts (and restarts) with, such as the mail flags.
    env: Vec<(String, String)>,
}

/// Three replicas and, if `tally`, the learner; `skews` gives a member's starting clock error.
pub async fn spawn_cluster(tally: bool, skews: &[(u64, i64)]) -> TestCluster {
    spawn_cluster_with_env(tally, skews, &[]).await
}

/// As [`spawn_cluster`], every member with the environment variables `env` besides.
pub async fn spawn_cluster_with_env(
    tally: bool,
    skews: &[(u64, i64)],
    env: &[(&str, &str)],
) -> TestCluster {
    let layout = Layout::on_free_ports(3, tally).expect("free ports");
    let processes = layout
        .ids()
        .map(|id| Process {
            id,
            skew_ms: skews
                .iter()
                .find(|(s, _)| *s == id)
                .map_or(0, |(_, ms)| *ms),
            child: Mutex::default(),
        })
        .collect();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap();
    let secret = format!("cluster-test-secret-{}", layout.addr(1));
    let cluster = TestCluster {
        secret,
        layout,
        processes,
        dir: tempfile::tempdir().unwrap(),
        client,
        env: env
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
    };
    for id in cluster.ids() {
        cluster.start(id);
    }
    cluster.wait_for_leader(None).await;
    cluster
}

impl TestCluster {
    pub fn ids(&self) -> Vec<u64> {
        self.layout.ids().collect()
    }

    fn process(&self, id: u64) -> &Process {
        self.processes
            .iter()
            .find(|p| p.id == id)
            .expect("member exists")
    }

    pub fn is_running(&self, id: u64) -> bool {
        self.process(id).child.lock().unwrap().is_some()
    }

    pub fn url(&self, id: u64) -> String {
        self.layout.url(id)
    }

    pub fn data_dir(&self, id: u64) -> PathBuf {
        self.dir.path().join(format!("node{id}"))
    }

    /// Starts (or restarts) a member's process on its data directory.
    pub fn start(&self, id: u64) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join(format!("node{id}.log")))
            .unwrap();
        let launch = Launch {
            exe: Path::new(env!("CARGO_BIN_EXE_ballot")),
            data_dir: self.dir.path(),
            admin_token: ADMIN_TOKEN,
            cluster_secret: ClusterSecret::Value(&self.secret),
        };
        let process = self.process(id);
        let mut command = self.layout.command(id, &launch);
        command
            .args(["--clock-sync-ms", "1000"])
            .args(["--clock-skew-ms", &process.skew_ms.to_string()])
            .env("RUST_LOG", "info,openraft=warn")
            .envs(self.env.iter().map(|(name, value)| (name, value)))
            .stderr(log);
        *process.child.lock().unwrap() = Some(command.spawn().expect("member process starts"));
    }

    /// SIGKILL: no shutdown, no flush beyond what was already durable.
    pub fn kill(&self, id: u64) {
        if let Some(mut child) = self.process(id).child.lock().unwrap().take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// SIGTERM, as systemd or the launcher stops a member, and wait for it to exit.
    pub fn stop(&self, id: u64) {
        if let Some(mut child) = self.process(id).child.lock().unwrap().take() {
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

    /// `GET path` on member `id`, its body read as `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, id: u64, path: &str) -> reqwest::Result<T> {
        fetch_json(self.client.get(format!("{}{path}", self.url(id)))).await
    }

    pub async fn status(&self, id: u64) -> Option<ClusterStatusResponse> {
        self.get_json(id, "/api/cluster/status").await.ok()
    }

    /// Waits until two live members name the same leader other than `not`, and returns it.
    pub async fn wait_for_leader(&self, not: Option<u64>) -> u64 {
        let ask: Vec<String> = self
            .ids()
            .into_iter()
            .filter(|id| self.is_running(*id))
            .map(|id| self.layout.addr(id))
            .collect();
        let wait = LeaderWait {
            ask: &ask,
            agreeing: 2,
            not,
            limit: Duration::from_secs(30),
        };
        let leader = wait_for_leader(&self.client, &wait, || self.none_exited()).await;
        leader.unwrap_or_else(|error| panic!("{error}\n{}", self.log_tails()))
    }

    /// An error naming the first member whose process has exited on its own (a port it could
    /// not bind, say): no leader wait can succeed without it.
    fn none_exited(&self) -> anyhow::Result<()> {
        for process in &self.processes {
            let mut child = process.child.lock().unwrap();
            if let Some(Ok(Some(status))) = child.as_mut().map(std::process::Child::try_wait) {
                anyhow::bail!("member {} exited ({status})", process.id);
            }
        }
        Ok(())
    }

    /// The last lines each member logged: the temporary directory holding the logs is removed
    /// when a failing test unwinds, so a failure message carries them instead.
    pub fn log_tails(&self) -> String {
        self.ids()
            .into_iter()
            .map(|id| {
                let log = self.log(id);
                let lines: Vec<&str> = log.lines().collect();
                let tail = lines[lines.len().saturating_sub(15)..].join("\n");
                format!("--- member {id}, last lines of its log:\n{tail}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub async fn events(&self, id: u64) -> Option<Vec<Event>> {
        let request = self.client.get(format!(
            "{}/api/admin/events?after=0&limit=10000",
            self.url(id)
        ));
        let response: EventsResponse = fetch_json(request.bearer_auth(ADMIN_TOKEN)).await.ok()?;
        Some(response.events)
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
                "logs of {ids:?} never agreed: {lengths:?}\n{}",
                self.log_tails()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn results(&self, id: u64) -> ResultsResponse {
        self.get_json(id, "/api/results").await.unwrap()
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
        self.get_json(id, "/api/time").await
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

impl TestCluster {
    /// Has every session vote through member `id`, the `i`th for `candidate(i)`, asserting
    /// each vote is accepted.
    pub async fn vote_all(
        &self,
        id: u64,
        sessions: &[(u32, String)],
        candidate: impl Fn(usize) -> u32,
    ) {
        for (i, (voter_id, session)) in sessions.iter().enumerate() {
            let status = self.vote(id, session, candidate(i)).await.unwrap();
            assert_eq!(status, StatusCode::OK, "the vote of voter {voter_id}");
        }
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        for process in &self.processes {
            if let Some(mut child) = process.child.lock().unwrap().take() {
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

impl TestCluster {
    /// The admin WebSocket of member `id`.
    pub async fn admin_socket(&self, id: u64) -> Socket {
        connect(&self.url(id), &format!("?admin_token={ADMIN_TOKEN}")).await
    }
}

/// `ballot audit --data-dir` of the directories of members `ids` (with `extra` flags before
/// it); each must pass, and their reports are returned in that order.
/// A report without the one line that may differ between replicas: how far this member's
/// own co-signed checkpoints go (which depends on what it had applied when it stopped).
pub fn common_part(report: &str) -> String {
    report
        .lines()
        .filter(|l| {
            !l.starts_with("  every recorded checkpoint holds;")
                && !l.starts_with("  no checkpoint recorded yet")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn audit_reports(cluster: &TestCluster, ids: &[u64], extra: &[&str]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
                .arg("audit")
                .args(extra)
                .arg("--data-dir")
                .arg(cluster.data_dir(*id))
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8(output.stdout).unwrap()
        })
        .collect()
}
