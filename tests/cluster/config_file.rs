//! `ballot node --config FILE` and `ballot config --print`, run as the real binary: the file's
//! settings reach the node, and the printout names each value's source with secrets masked.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::time::timeout;

/// Generous: the machine may be compiling while the tests run.
const DEADLINE: Duration = Duration::from_secs(30);
const TOKEN: &str = "an-admin-token-from-the-config-file";

/// `ballot ARGS` with none of the caller's `BALLOT_*` settings.
fn ballot(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ballot"));
    command.args(args).kill_on_drop(true);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("BALLOT_") {
            command.env_remove(name);
        }
    }
    command
}

/// A configuration file in `dir`: port 0, a data directory and an admin token file there.
fn write_config(dir: &Path) -> std::path::PathBuf {
    let token_file = dir.join("admin-token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let config = dir.join("ballot.toml");
    let text = format!(
        "listen = \"127.0.0.1:0\"\ndata_dir = {:?}\nadmin_token_file = {:?}\n\
         max_vote_batch = 64\nrate_limit_exempt = [\"127.0.0.0/8\", \"::1\"]\n\
         smtp_url = \"smtp://ann:a-mail-password@127.0.0.1:9\"\n",
        dir.join("from-file").display().to_string(),
        token_file.display().to_string(),
    );
    std::fs::write(&config, text).unwrap();
    config
}

#[tokio::test]
async fn a_node_started_with_a_config_file_listens_stores_and_authenticates_as_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let mut command = ballot(&["node", "--config"]);
    command
        .arg(&config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut node = command.spawn().unwrap();
    let mut lines = BufReader::new(node.stdout.take().unwrap()).lines();
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
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let status = |token: &'static str| {
        let request = client.get(format!("{url}/api/admin/status"));
        async move { request.bearer_auth(token).send().await.unwrap().status() }
    };

    assert_eq!(status(TOKEN).await, StatusCode::OK);
    assert_eq!(
        status("some-other-admin-token-entirely").await,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        dir.path().join("from-file").is_dir(),
        "the node keeps its database in the file's data_dir"
    );
}

#[tokio::test]
async fn config_print_names_each_source_and_masks_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let mut command = ballot(&["config", "--print", "--listen", "127.0.0.1:7000"]);
    command
        .arg("--config")
        .arg(&config)
        .env("BALLOT_MAX_VOTE_BATCH", "9")
        .env("BALLOT_CLUSTER_SECRET", "a-cluster-secret-from-the-env")
        // As `ballot cluster` hands it to its members: it beats the file's token file.
        .env("BALLOT_ADMIN_TOKEN", "an-admin-token-from-the-env");

    let output = timeout(DEADLINE, command.output()).await.unwrap().unwrap();

    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    for line in [
        "listen = \"127.0.0.1:7000\"  # flag",
        "max_vote_batch = 9  # env",
        "rate_limit_exempt = \"127.0.0.0/8,::1\"  # file",
        "admin_token = \"***\"  # env",
        "# admin_token_file is not set  # default",
        "cluster_secret = \"***\"  # env",
        "smtp_url = \"smtp://ann:***@127.0.0.1:9\"  # file",
        "grace_ms = 10000  # default",
    ] {
        assert!(printed.contains(line), "{line:?} not in\n{printed}");
    }
    for secret in ["a-mail-password", "a-cluster-secret", "an-admin-token"] {
        assert!(!printed.contains(secret), "{secret} printed:\n{printed}");
    }
}

#[tokio::test]
async fn a_node_refuses_an_unknown_key_naming_it_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("typo.toml");
    std::fs::write(&config, "listne = \"127.0.0.1:0\"\n").unwrap();
    let mut command = ballot(&["node", "--config"]);
    command.arg(&config);

    let output = timeout(DEADLINE, command.output()).await.unwrap().unwrap();

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("`listne`") && stderr.contains("typo.toml"),
        "{stderr}"
    );
}
