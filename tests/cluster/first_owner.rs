//! The first owner account of a fresh node: `ballot node --owner-password-file` makes it once
//! the node can commit (and then prints no setup link), and a node without the flag prints the
//! one-time `first owner:` link.

use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{ChildStdout, Command};
use tokio::time::{timeout, Instant};

const DEADLINE: Duration = Duration::from_secs(30);

/// `ballot node` on port 0 in `dir` with `extra` flags; its stdout's lines.
fn start(
    dir: &std::path::Path,
    extra: &[&str],
) -> (tokio::process::Child, Lines<BufReader<ChildStdout>>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ballot"));
    command
        .args([
            "node",
            "--listen",
            "127.0.0.1:0",
            "--admin-token",
            "a-long-enough-admin-token",
        ])
        .arg("--data-dir")
        .arg(dir.join("node"))
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("BALLOT_") {
            command.env_remove(name);
        }
    }
    let mut child = command.spawn().unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

/// The URL of the `listening on` line.
async fn listening(lines: &mut Lines<BufReader<ChildStdout>>) -> String {
    timeout(DEADLINE, async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("listening on ") {
                return url.trim().to_string();
            }
        }
        panic!("the node exited before listening");
    })
    .await
    .expect("the node listens in time")
}

#[tokio::test]
async fn a_fresh_node_prints_a_setup_link_and_an_owner_password_file_makes_the_owner() {
    // Without the flag: the link, on the line after the address (and the admin token, given).
    let dir = tempfile::tempdir().unwrap();
    let (_node, mut lines) = start(dir.path(), &[]);
    let url = listening(&mut lines).await;
    let link = timeout(DEADLINE, lines.next_line())
        .await
        .expect("a line in time")
        .unwrap()
        .expect("a line after the address");
    assert!(
        link.starts_with(&format!("first owner: {url}/admin#setup=")),
        "{link}"
    );

    // With the flag: the owner exists once the node leads, and can sign in.
    let dir = tempfile::tempdir().unwrap();
    let password = dir.path().join("owner-password");
    std::fs::write(&password, "the owner's long password\n").unwrap();
    let password_flag = password.to_str().unwrap().to_string();
    let (_node, mut lines) = start(
        dir.path(),
        &[
            "--owner-password-file",
            &password_flag,
            "--owner-name",
            "Olga",
        ],
    );
    let url = listening(&mut lines).await;
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let until = Instant::now() + DEADLINE;
    loop {
        let answer = client
            .post(format!("{url}/api/admin/login"))
            .json(&json!({"name": "Olga", "password": "the owner's long password"}))
            .send()
            .await
            .unwrap();
        if answer.status() == StatusCode::OK {
            break;
        }
        assert!(Instant::now() < until, "the owner was not made in time");
        // The account is committed by a background task once the node leads.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
