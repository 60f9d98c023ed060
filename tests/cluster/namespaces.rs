//! Separate hosts: three replicas and the tally, each in its own Linux network namespace with an
//! address of its own (`10.77.X.1`–`4` on a bridge), started as an operator starts them on
//! separate machines (`ballot node --listen ADDR --peers … --advertise ADDR`). Votes go through
//! every replica; then the leader's cable is pulled, writes go on through the other two with no
//! acknowledged vote lost, and once the cable is back the cut host catches up to the same log.
//!
//! It needs root and `ip` (iproute2); without them it prints why and passes as skipped.

mod netns;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ballot::local_cluster::{die_with_parent, wait_for_leader, LeaderWait};
use serde_json::json;
use shared::dto::{EventsResponse, LoginResponse, RegisterResponse, TimeResponse};
use shared::AuditEvent as Event;

use crate::helpers::{common_part, voters_who_voted, ADMIN_TOKEN};
use netns::Network;

/// Every member listens on this port of its own address.
const PORT: u16 = 8000;
const REPLICAS: [u8; 3] = [1, 2, 3];
const TALLY: u8 = 4;

/// Four hosts on one network, and the member process each runs.
struct Hosts {
    children: Vec<Option<Child>>,
    dir: tempfile::TempDir,
    client: reqwest::Client,
    /// Dropped after the processes (fields drop after `Drop::drop`), so that no member is left
    /// running in a namespace that is being removed.
    net: Network,
}

impl Hosts {
    fn addr(&self, host: u8) -> String {
        format!("{}:{PORT}", self.net.host_ip(host))
    }

    fn url(&self, host: u8) -> String {
        format!("http://{}", self.addr(host))
    }

    fn peers(&self) -> String {
        let peers = REPLICAS.map(|id| format!("{id}={}", self.addr(id)));
        peers.join(",")
    }

    fn log_path(&self, host: u8) -> PathBuf {
        self.dir.path().join(format!("node{host}.log"))
    }

    fn data_dir(&self, host: u8) -> PathBuf {
        self.dir.path().join(format!("node{host}"))
    }

    /// `ip netns exec NS ballot node|tally --listen ADDR --peers … --advertise ADDR`, the
    /// secrets in its environment as the launcher hands them.
    fn start(&mut self, host: u8, secret: &str) {
        let addr = self.addr(host);
        let mut command = Command::new("ip");
        command
            .args(["netns", "exec", &self.net.namespace(host)])
            .arg(env!("CARGO_BIN_EXE_ballot"))
            .arg(if host == TALLY { "tally" } else { "node" })
            .args(["--id", &host.to_string(), "--listen", &addr])
            .args(["--advertise", &addr, "--peers", &self.peers()])
            .arg("--data-dir")
            .arg(self.data_dir(host))
            .args(["--clock-sync-ms", "1000"])
            .env("BALLOT_ADMIN_TOKEN", ADMIN_TOKEN)
            .env("BALLOT_CLUSTER_SECRET", secret)
            .env_remove("BALLOT_ADMIN_TOKEN_FILE")
            .env_remove("BALLOT_CLUSTER_SECRET_FILE")
            .env("RUST_LOG", "info,openraft=warn")
            .stdout(Stdio::null())
            .stderr(File::create(self.log_path(host)).unwrap());
        // `ip netns exec` execs the member in its own process, so the signal reaches it.
        die_with_parent(&mut command);
        self.children[usize::from(host - 1)] = Some(command.spawn().expect("`ip netns exec`"));
    }

    /// SIGTERM to every member, and wait for each to exit.
    fn stop_all(&mut self) {
        for child in self.children.iter_mut().filter_map(Option::take) {
            // SAFETY: kill(2) on the pid of our own child process.
            unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
            let mut child = child;
            child.wait().unwrap();
        }
    }

    fn log_tails(&self) -> String {
        (1..=TALLY)
            .map(|host| {
                let log = std::fs::read_to_string(self.log_path(host)).unwrap_or_default();
                let lines: Vec<&str> = log.lines().collect();
                let tail = lines[lines.len().saturating_sub(15)..].join("\n");
                format!("--- host {host}, last lines of its log:\n{tail}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The leader that two of `hosts` name, other than `not`.
    async fn leader(&self, hosts: &[u8], not: Option<u8>) -> u8 {
        let ask: Vec<String> = hosts.iter().map(|host| self.addr(*host)).collect();
        let wait = LeaderWait {
            ask: &ask,
            agreeing: 2,
            not: not.map(u64::from),
            limit: Duration::from_secs(30),
        };
        let leader = wait_for_leader(&self.client, &wait, || Ok(())).await;
        let leader = leader.unwrap_or_else(|error| panic!("{error}\n{}", self.log_tails()));
        u8::try_from(leader).unwrap()
    }

    /// A POST through `host`, retried with the same idempotency key (so never done twice) while
    /// it fails or is answered 5xx (503 during a leader change); its successful body.
    async fn post(&self, host: u8, path: &str, key: &str, body: &serde_json::Value) -> String {
        let started = Instant::now();
        loop {
            let request = self.client.post(format!("{}{path}", self.url(host)));
            let request = request
                .bearer_auth(ADMIN_TOKEN)
                .header("idempotency-key", key);
            if let Ok(response) = request.json(body).send().await {
                let status = response.status();
                if !status.is_server_error() {
                    let text = response.text().await.unwrap_or_default();
                    assert!(
                        status.is_success(),
                        "POST {path} via {host}: {status} {text}"
                    );
                    return text;
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "POST {path} via {host}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Registers and logs in voter `name` through `host`: its id and session.
    async fn voter(&self, host: u8, name: &str) -> (u32, String) {
        let body = json!({ "name": name });
        let key = name.replace(' ', "-");
        let register = self
            .post(host, "/api/register", &format!("r-{key}"), &body)
            .await;
        let voter: RegisterResponse = serde_json::from_str(&register).unwrap();
        let body = json!({ "name": name, "voter_id": voter.voter_id });
        let login = self
            .post(host, "/api/login", &format!("l-{key}"), &body)
            .await;
        let login: LoginResponse = serde_json::from_str(&login).unwrap();
        (voter.voter_id, login.session)
    }

    /// Casts a vote through `host` until it is acknowledged.
    async fn vote(&self, host: u8, voter: &(u32, String)) {
        let time: TimeResponse = self.get(host, "/api/time").await.unwrap();
        let body = json!({ "session": voter.1, "candidate_id": voter.0 % 3 + 1,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms });
        self.post(host, "/api/vote", &format!("v-{}", voter.0), &body)
            .await;
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, host: u8, path: &str) -> Option<T> {
        let request = self.client.get(format!("{}{path}", self.url(host)));
        let response = request.bearer_auth(ADMIN_TOKEN).send().await.ok()?;
        response.json().await.ok()
    }

    /// Waits until every host's event table is the same, with at least `min` events.
    async fn equal_logs(&self, min: usize) -> Vec<Event> {
        let started = Instant::now();
        loop {
            let mut logs = Vec::new();
            for host in 1..=TALLY {
                let path = "/api/admin/events?after=0&limit=10000";
                let events: Option<EventsResponse> = self.get(host, path).await;
                logs.push(events.map(|e| e.events));
            }
            if let Some(Some(first)) = logs.first() {
                if first.len() >= min && logs.iter().all(|log| log.as_ref() == Some(first)) {
                    return first.clone();
                }
            }
            let lengths: Vec<_> = logs.iter().map(|l| l.as_ref().map(Vec::len)).collect();
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the hosts' logs never agreed: {lengths:?}\n{}",
                self.log_tails()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Hosts {
    fn drop(&mut self) {
        for mut child in self.children.iter_mut().filter_map(Option::take) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_four_hosts_a_cut_off_leader_loses_no_vote_and_catches_up_when_reconnected() {
    let net = match Network::create(TALLY) {
        Ok(net) => net,
        Err(why) => {
            println!("skipped: {why}");
            return;
        }
    };
    let client = reqwest::Client::builder()
        // A proxy from the environment could not reach the test's private network.
        .no_proxy()
        .local_address(std::net::IpAddr::V4(net.bridge_ip()))
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let mut hosts = Hosts {
        children: (1..=TALLY).map(|_| None).collect(),
        dir: tempfile::tempdir().unwrap(),
        client,
        net,
    };
    let secret = format!("namespaces-test-secret-{}", hosts.net.namespace(1));
    for host in 1..=TALLY {
        hosts.start(host, &secret);
    }
    let leader = hosts.leader(&REPLICAS, None).await;

    // Eighteen voters registered through the three replicas, six each; voting opens.
    let mut voters = Vec::new();
    for i in 0..18u8 {
        voters.push(
            hosts
                .voter(REPLICAS[usize::from(i % 3)], &format!("Voter {i}"))
                .await,
        );
    }
    hosts.post(1, "/api/admin/start", "start", &json!({})).await;
    let mut acknowledged = Vec::new();
    for (i, voter) in voters[..9].iter().enumerate() {
        hosts.vote(REPLICAS[i % 3], voter).await;
        acknowledged.push(voter.0);
    }

    // The leader's cable is pulled: the other two elect a leader and take every vote.
    hosts.net.cut(leader);
    let unreachable = hosts
        .client
        .get(format!("{}/health/live", hosts.url(leader)));
    assert!(
        unreachable.send().await.is_err(),
        "host {leader} is cut off"
    );
    let survivors: Vec<u8> = REPLICAS.into_iter().filter(|h| *h != leader).collect();
    let new_leader = hosts.leader(&survivors, Some(leader)).await;
    println!("host {leader} cut off; host {new_leader} leads");
    for (i, voter) in voters[9..15].iter().enumerate() {
        hosts.vote(survivors[i % 2], voter).await;
        acknowledged.push(voter.0);
    }

    // The cable is back: the cut host catches up, and takes votes again.
    let path = "/api/admin/events?after=0&limit=10000";
    let before: EventsResponse = hosts.get(new_leader, path).await.unwrap();
    hosts.net.restore(leader);
    let caught_up = hosts.equal_logs(before.events.len()).await;
    for voter in &voters[15..] {
        hosts.vote(leader, voter).await;
        acknowledged.push(voter.0);
    }
    let log = hosts.equal_logs(caught_up.len() + 3).await;
    let counted = voters_who_voted(&log);
    for voter_id in &acknowledged {
        assert!(
            counted.contains(voter_id),
            "acknowledged voter {voter_id} lost"
        );
    }
    assert_eq!(counted.len(), acknowledged.len());

    // Offline, each replica's own database replays to the same digest and result.
    hosts.stop_all();
    let reports: Vec<String> = REPLICAS.map(|host| audit(&hosts.data_dir(host))).into();
    let common: Vec<String> = reports.iter().map(|r| common_part(r)).collect();
    assert!(common.iter().all(|r| r == &common[0]), "{reports:#?}");
    assert!(reports[0].contains("votes: 18"), "{}", reports[0]);
}

/// `ballot audit --data-dir DIR`'s report, which must pass.
fn audit(data_dir: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ballot"))
        .arg("audit")
        .arg("--data-dir")
        .arg(data_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    String::from_utf8(output.stdout).unwrap()
}
