//! `ballot cluster` as an operator runs it: secrets kept off the members' command lines, members
//! that stop with the launcher whether it is stopped with SIGTERM or killed, and members that
//! keep talking to each other when an HTTP proxy is set in the environment.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;
use shared::dto::ClusterStatusResponse;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::time::{timeout, Instant};

use crate::support::http::fetch_json;

const ADMIN_TOKEN: &str = "launcher-test-admin-token";
/// Generous: the machine may be compiling while the tests run.
const DEADLINE: Duration = Duration::from_secs(30);

/// A running `ballot cluster` with its data (and its members' logs) in a temporary directory.
struct Launched {
    launcher: Child,
    dir: tempfile::TempDir,
    base_port: u16,
}

/// The first of four consecutive ports that were free a moment ago.
fn free_port_block() -> u16 {
    ballot::local_cluster::free_port_block(4).expect("four consecutive free ports")
}

/// Starts the launcher with the admin token in its environment (plus `env`) and waits until
/// it says the cluster is running. The members' logs go to `launcher.log`.
async fn launch(env: &[(&str, &str)]) -> Launched {
    launch_with(env, &[]).await
}

/// As [`launch`], with more flags for `ballot cluster`.
async fn launch_with(env: &[(&str, &str)], flags: &[&str]) -> Launched {
    let dir = tempfile::tempdir().unwrap();
    let base_port = free_port_block();
    let log = std::fs::File::create(dir.path().join("launcher.log")).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_ballot"));
    command
        .args(["cluster", "--base-port", &base_port.to_string()])
        .arg("--data-dir")
        .arg(dir.path())
        .args(flags)
        .env("BALLOT_ADMIN_TOKEN", ADMIN_TOKEN)
        .env("RUST_LOG", "info,openraft=warn")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true);
    let mut launcher = command.spawn().expect("starting ballot cluster");
    let mut lines = BufReader::new(launcher.stdout.take().unwrap()).lines();
    let running = timeout(Duration::from_secs(90), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if line.contains("Ballot is running") {
                return true;
            }
        }
        false
    });
    let launched = Launched {
        launcher,
        dir,
        base_port,
    };
    assert!(
        running.await == Ok(true),
        "the cluster did not start; see {}",
        launched.log()
    );
    // Keep reading so the launcher never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    launched
}

impl Launched {
    fn port(&self, id: u16) -> u16 {
        self.base_port + id - 1
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("launcher.log")).unwrap_or_default()
    }

    /// The members' pids and command lines, found through /proc by their data directories.
    fn members(&self) -> Vec<(i32, String)> {
        let marker = self.dir.path().join("node").display().to_string();
        let mut members = Vec::new();
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
                continue;
            };
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(&marker) && is_alive(pid) {
                members.push((pid, cmdline));
            }
        }
        members
    }

    fn signal(&self, signal: i32) {
        let pid = self.launcher.id().expect("the launcher is running") as i32;
        // SAFETY: kill(2) on the pid of our own child process, not yet reaped.
        unsafe { libc::kill(pid, signal) };
    }

    async fn exit_status(&mut self) -> ExitStatus {
        timeout(DEADLINE, self.launcher.wait())
            .await
            .expect("the launcher exits in time")
            .unwrap()
    }

    /// Waits until no member's port accepts a connection and no member process is left.
    async fn wait_until_every_member_is_gone(&self, pids: &[i32]) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let mut answering = Vec::new();
            for id in 1..=4 {
                let port = self.port(id);
                if tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .is_ok()
                {
                    answering.push(id);
                }
            }
            let alive: Vec<_> = pids.iter().filter(|pid| is_alive(**pid)).collect();
            if answering.is_empty() && alive.is_empty() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "members {answering:?} still answer, pids {alive:?} still run; log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Launched {
    /// A failed test must not leave members behind for the next ones.
    fn drop(&mut self) {
        for (pid, _) in self.members() {
            // SAFETY: kill(2) on a member this test started (found by its data directory).
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }
}

/// Whether a process exists and is not a zombie waiting for its new parent to reap it.
fn is_alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesised command name: `PID (NAME) S …`.
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z')),
        Err(_) => false,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_launcher_stopped_by_sigterm_stops_every_member_without_handing_leadership_over() {
    let mut cluster = launch(&[]).await;
    let pids: Vec<i32> = cluster.members().into_iter().map(|(pid, _)| pid).collect();
    assert_eq!(pids.len(), 4, "four members run: {:?}", cluster.members());

    cluster.signal(libc::SIGTERM);

    assert!(cluster.exit_status().await.success());
    cluster.wait_until_every_member_is_gone(&pids).await;
    let log = cluster.log();
    assert_eq!(
        log.matches("shutting down hand_over=No").count(),
        4,
        "{log}"
    );
    assert!(!log.contains("handed"), "no hand-over was tried: {log}");
}

#[tokio::test]
async fn a_sigkilled_launcher_takes_its_members_with_it() {
    let mut cluster = launch(&[]).await;
    let pids: Vec<i32> = cluster.members().into_iter().map(|(pid, _)| pid).collect();
    assert_eq!(pids.len(), 4, "four members run: {:?}", cluster.members());

    cluster.signal(libc::SIGKILL);

    assert!(!cluster.exit_status().await.success());
    cluster.wait_until_every_member_is_gone(&pids).await;
}

/// An SMTP password given to the launcher on its own command line.
const SMTP_URL: &str = "smtp://ballot:smtp-password-in-url@127.0.0.1:9";

#[tokio::test]
async fn launched_members_get_their_secrets_from_a_private_file_and_not_from_argv() {
    let cluster = launch_with(&[], &["--smtp-url", SMTP_URL, "--mail-rate", "3"]).await;
    let secret_file = cluster.dir.path().join("cluster-secret");
    let secret = std::fs::read_to_string(&secret_file).unwrap();
    let members = cluster.members();

    assert_eq!(mode(&secret_file), 0o600);
    assert!(secret.trim().len() >= 16);
    assert_eq!(members.len(), 4, "four members run: {members:?}");
    for (pid, cmdline) in &members {
        assert!(!cmdline.contains(secret.trim()), "{pid} shows the secret");
        assert!(!cmdline.contains(ADMIN_TOKEN), "{pid} shows the token");
        assert!(
            !cmdline.contains("smtp-password"),
            "{pid} shows the SMTP password"
        );
    }
    // Each replica got the launcher's mail settings (through its environment).
    for id in 1..=3 {
        let mail = client()
            .get(format!(
                "http://127.0.0.1:{}/api/admin/elections/default/mail",
                cluster.port(id)
            ))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(mail, StatusCode::OK, "member {id} has the SMTP settings");
    }
    let status = client()
        .get(format!(
            "http://127.0.0.1:{}/api/admin/status",
            cluster.port(1)
        ))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(
        status,
        StatusCode::OK,
        "the members hold the launcher's token"
    );
}

#[tokio::test]
async fn members_forward_writes_to_the_leader_despite_an_http_proxy_in_their_environment() {
    // A proxy that refuses every connection: any member traffic sent through it fails.
    let dead_proxy = format!("http://127.0.0.1:{}", free_port_block());
    let cluster = launch(&[("HTTP_PROXY", &dead_proxy), ("http_proxy", &dead_proxy)]).await;
    let client = client();
    let url = |id: u16| format!("http://127.0.0.1:{}", cluster.port(id));
    let status = client.get(format!("{}/api/cluster/status", url(1)));
    let status: ClusterStatusResponse = fetch_json(status).await.unwrap();
    let leader = status.leader_id.expect("the launcher waited for a leader") as u16;
    let follower = (1..=3).find(|id| *id != leader).unwrap();

    let deadline = Instant::now() + DEADLINE;
    for attempt in 0.. {
        let register = client
            .post(format!("{}/api/register", url(follower)))
            .json(&json!({ "name": format!("Forwarded voter {attempt}") }))
            .send()
            .await;
        if register.is_ok_and(|r| r.status() == StatusCode::CREATED) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "follower {follower} never forwarded a registration; log:\n{}",
            cluster.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}
