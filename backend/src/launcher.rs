//! `ballot cluster`: the whole system on one machine. Three replicas on P, P+1, P+2 and the
//! tally learner on P+3, each its own OS process (exactly what one would start by hand on three
//! hosts), data under DIR/nodeN. Waits for a leader, prints the URLs, and stops everything
//! cleanly on Ctrl-C.

use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio::process::{Child, Command};

use crate::config::ClusterArgs;
use crate::state::new_session_token;

pub async fn run(args: ClusterArgs) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let admin_token = args.admin_token.clone().unwrap_or_else(new_session_token);
    let secret = cluster_secret(&args)?;
    let addr = |id: u16| format!("127.0.0.1:{}", args.base_port + id - 1);
    let peers = (1..=3)
        .map(|id| format!("{id}={}", addr(id)))
        .collect::<Vec<_>>()
        .join(",");
    let mut children: Vec<(u16, Child)> = Vec::new();
    for id in 1..=4u16 {
        let mut command = Command::new(&exe);
        command
            .arg(if id == 4 { "tally" } else { "node" })
            .args(["--id", &id.to_string(), "--listen", &addr(id)])
            .arg("--data-dir")
            .arg(args.data_dir.join(format!("node{id}")))
            .args([
                "--peers",
                &peers,
                "--cluster-secret",
                &secret,
                "--admin-token",
                &admin_token,
            ])
            .stdout(Stdio::null())
            .kill_on_drop(true);
        if let Some(dist) = &args.dist {
            command.arg("--dist").arg(dist);
        }
        children.push((
            id,
            command
                .spawn()
                .with_context(|| format!("starting member {id}"))?,
        ));
    }
    let leader = wait_for_leader(&addr(1), Duration::from_secs(60), &mut children).await?;
    println!();
    println!("Ballot is running: three replicas and the tally server (leader: node {leader}).");
    for id in 1..=3 {
        println!(
            "  replica {id}:  voter http://{0}/   admin http://{0}/admin",
            addr(id)
        );
    }
    println!("  tally:      http://{}/tally", addr(4));
    println!("  admin token: {admin_token}");
    println!("  data: {}", args.data_dir.display());
    println!("Press Ctrl-C to stop.");
    tokio::signal::ctrl_c().await?;
    println!("stopping…");
    for (_, child) in &mut children {
        if let Some(pid) = child.id() {
            // SAFETY: plain kill(2) on our own child's pid.
            unsafe { libc::kill(pid as i32, libc::SIGTERM) };
        }
    }
    for (id, child) in &mut children {
        if tokio::time::timeout(Duration::from_secs(10), child.wait())
            .await
            .is_err()
        {
            eprintln!("member {id} did not stop in time; killing it");
            let _ = child.kill().await;
        }
    }
    Ok(())
}

/// The secret the members share; kept in the data directory so a restart reuses it.
fn cluster_secret(args: &ClusterArgs) -> anyhow::Result<String> {
    std::fs::create_dir_all(&args.data_dir)?;
    let path = args.data_dir.join("cluster-secret");
    if let Ok(secret) = std::fs::read_to_string(&path) {
        return Ok(secret.trim().to_string());
    }
    let secret = new_session_token();
    std::fs::write(&path, &secret)?;
    Ok(secret)
}

/// Asks member 1 for the cluster status until it names a leader.
async fn wait_for_leader(
    addr: &str,
    limit: Duration,
    children: &mut [(u16, Child)],
) -> anyhow::Result<u64> {
    let client = reqwest::Client::new();
    let started = Instant::now();
    while started.elapsed() < limit {
        for (id, child) in children.iter_mut() {
            if let Some(status) = child.try_wait()? {
                bail!("member {id} exited during start-up ({status}); see its log above");
            }
        }
        let status = client
            .get(format!("http://{addr}/api/cluster/status"))
            .send()
            .await;
        if let Ok(response) = status {
            if let Ok(status) = response.json::<shared::dto::ClusterStatusResponse>().await {
                if let Some(leader) = status.leader_id {
                    return Ok(leader);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bail!("no leader was elected within {} s", limit.as_secs())
}
