//! How `ballot node` takes its secrets and writes its log: from a file, from the environment or
//! from argv (one source each, at least 16 characters), and plain text when logging to a file.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::time::timeout;

/// Generous: the machine may be compiling while the tests run.
const DEADLINE: Duration = Duration::from_secs(30);
const TEN_CHARACTERS: &str = "0123456789";

/// `ballot node` on port 0 with a fresh data directory in `dir`, plus `args`.
fn node(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ballot"));
    command
        .args(["node", "--listen", "127.0.0.1:0"])
        .arg("--data-dir")
        .arg(dir.join("node"))
        .args(args)
        .env_remove("BALLOT_ADMIN_TOKEN")
        .env_remove("BALLOT_ADMIN_TOKEN_FILE")
        .env_remove("BALLOT_CLUSTER_SECRET")
        .env_remove("BALLOT_CLUSTER_SECRET_FILE")
        .kill_on_drop(true);
    command
}

/// Runs a node that is expected to refuse to start, and returns what it left.
async fn refused(mut command: Command) -> Output {
    let output = timeout(DEADLINE, command.output())
        .await
        .expect("the node exits in time")
        .unwrap();
    assert!(!output.status.success(), "the node started");
    output
}

/// Starts a node and returns it with the URL it printed once listening.
async fn started(mut command: Command) -> (Child, String) {
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = timeout(DEADLINE, async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("listening on ") {
                return url.trim().to_string();
            }
        }
        panic!("the node exited before listening");
    })
    .await
    .expect("the node listens in time");
    // Keep reading: the node prints more (its generated admin token) and must not hit EPIPE.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, url)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn a_node_refuses_a_cluster_secret_of_ten_characters_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let peers = ["--peers", "1=127.0.0.1:1,2=127.0.0.1:2,3=127.0.0.1:3"];
    let mut command = node(dir.path(), &peers);
    command.args(["--cluster-secret", TEN_CHARACTERS]);

    let output = refused(command).await;

    assert!(stderr(&output).contains("--cluster-secret"), "{output:?}");
    assert!(stderr(&output).contains("at least 16"), "{output:?}");
}

#[tokio::test]
async fn a_node_refuses_an_admin_token_of_ten_characters_however_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("admin-token");
    std::fs::write(&file, format!("{TEN_CHARACTERS}\n")).unwrap();
    let on_argv = node(dir.path(), &["--admin-token", TEN_CHARACTERS]);
    let mut in_env = node(dir.path(), &[]);
    in_env.env("BALLOT_ADMIN_TOKEN", TEN_CHARACTERS);
    let mut in_file = node(dir.path(), &[]);
    in_file.env("BALLOT_ADMIN_TOKEN_FILE", &file);

    for (command, flag) in [
        (on_argv, "--admin-token"),
        (in_env, "BALLOT_ADMIN_TOKEN"),
        (in_file, "--admin-token-file"),
    ] {
        let output = refused(command).await;
        assert!(stderr(&output).contains(flag), "{flag}: {output:?}");
    }
}

#[tokio::test]
async fn a_node_refuses_an_admin_token_given_both_on_argv_and_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("admin-token");
    std::fs::write(&file, "a-token-from-a-file\n").unwrap();
    let mut command = node(
        dir.path(),
        &["--admin-token", "a-token-on-the-command-line"],
    );
    command.arg("--admin-token-file").arg(&file);

    let output = refused(command).await;

    assert!(
        stderr(&output).contains("cannot be used with"),
        "{output:?}"
    );
    assert!(stderr(&output).contains("--admin-token-file"), "{output:?}");
}

#[tokio::test]
async fn a_node_accepts_the_admin_token_from_a_file_without_its_trailing_newline() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("admin-token");
    std::fs::write(&file, "a-token-from-a-file\n").unwrap();
    let mut command = node(dir.path(), &[]);
    command
        .arg("--admin-token-file")
        .arg(&file)
        .stderr(Stdio::null());
    let (_node, url) = started(command).await;

    let status = reqwest::Client::new()
        .get(format!("{url}/api/admin/status"))
        .bearer_auth("a-token-from-a-file")
        .send()
        .await
        .unwrap()
        .status();

    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_node_logging_to_a_file_writes_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("node.log");
    let mut command = node(dir.path(), &[]);
    command
        .env("RUST_LOG", "info")
        .stderr(std::fs::File::create(&log_path).unwrap());
    let (mut node, _url) = started(command).await;

    // SAFETY: kill(2) on the pid of our own child process, not yet reaped.
    unsafe { libc::kill(node.id().unwrap() as i32, libc::SIGTERM) };
    timeout(DEADLINE, node.wait()).await.unwrap().unwrap();

    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("shutting down"), "the node logged: {log}");
    assert!(!log.contains("\x1b["), "colour codes in: {log:?}");
}
