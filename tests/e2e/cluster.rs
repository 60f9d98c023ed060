//! With three replicas and the tally learner, the admin sees every member's health.

use std::process::Stdio;

use tempfile::TempDir;
use tokio::process::{Child, Command};

use crate::helpers::{
    click, dist_dir, kill_group, read_until, screenshot, type_into, wait_text, Driver, Text,
    ADMIN_TOKEN,
};

/// `ballot cluster`: three replicas on P..P+2 and the tally on P+3, in one process group.
struct TestCluster {
    base_port: u16,
    launcher: Child,
    _data: TempDir,
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        // The launcher's own clean-up does not run when it is killed, so take the whole
        // group (the launcher and the four members it started).
        kill_group(&self.launcher);
    }
}

/// A base port with the three following ports free too.
fn free_port_block() -> u16 {
    ballot::local_cluster::free_port_block(4).expect("four consecutive free ports")
}

async fn spawn_cluster() -> TestCluster {
    let dist = dist_dir();
    let data = tempfile::tempdir().expect("temporary data directory");
    let base_port = free_port_block();
    let mut launcher = Command::new(env!("CARGO_BIN_EXE_ballot"))
        .arg("cluster")
        .args([
            "--base-port",
            &base_port.to_string(),
            "--admin-token",
            ADMIN_TOKEN,
        ])
        .arg("--data-dir")
        .arg(data.path())
        .arg("--dist")
        .arg(&dist)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .expect("starting ballot cluster");
    read_until(&mut launcher, "the cluster", |line| {
        line.contains("Ballot is running").then_some(())
    })
    .await;
    TestCluster {
        base_port,
        launcher,
        _data: data,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_admin_sees_every_replica_and_the_tally_learner() {
    let cluster = spawn_cluster().await;
    let driver = Driver::start().await;
    let url = format!("http://127.0.0.1:{}/admin", cluster.base_port);
    let admin = driver.open(&url, 1366, 1500).await;
    type_into(&admin, "#admin-token", ADMIN_TOKEN).await;
    click(&admin, "#admin-token-submit").await;

    wait_text(
        &admin,
        "[data-testid=cluster-table]",
        Text::Contains("learner"),
    )
    .await;
    let rows = admin
        .execute(
            "return document.querySelectorAll('[data-testid=cluster-table] tbody tr').length;",
            vec![],
        )
        .await
        .expect("counting members");
    assert_eq!(rows, serde_json::json!(4), "three replicas and the tally");
    wait_text(
        &admin,
        "[data-testid=cluster-table]",
        Text::Contains("leader"),
    )
    .await;
    screenshot(&admin, "admin-cluster").await;

    // The tally server (a learner) serves the projector page too.
    let tally = driver.session().await;
    let url = format!("http://127.0.0.1:{}/tally", cluster.base_port + 3);
    tally
        .goto(&url)
        .await
        .expect("opening /tally on the learner");
    wait_text(&tally, "[data-testid=connection]", Text::Is("Live")).await;
    wait_text(&tally, "[data-testid=total-votes]", Text::Is("0")).await;

    admin.close().await.ok();
    tally.close().await.ok();
}
