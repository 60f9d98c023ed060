//! `ballot bench-failover`: how long writes are unavailable when the leader crashes (or, with
//! `--graceful`, is stopped cleanly and hands leadership over).
//!
//! Starts three replicas of this very binary, then, round after round, SIGKILLs (or SIGTERMs)
//! the leader and times until a write (a registration) is committed through a survivor; the
//! stopped member is restarted and allowed to catch up before the next round. Figures are
//! printed, never asserted: each round, then the median and the worst.

use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::json;
use tokio::process::{Child, Command};

use crate::config::FailoverArgs;
use crate::local_cluster::{wait_for_leader, ClusterSecret, Launch, Layout, LeaderWait};

/// Both the cluster secret and the admin token of the bench's own throw-away replicas; long
/// enough for the nodes' 16-character minimum.
const SECRET: &str = "failover-bench-secret";

pub async fn run(args: FailoverArgs) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(&args.data_dir);
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let layout = Layout::consecutive(args.base_port, 3, false)?;
    let launch = Launch {
        exe: &exe,
        data_dir: &args.data_dir,
        admin_token: SECRET,
        // Through the environment, not argv, as a deployment should pass secrets.
        cluster_secret: ClusterSecret::Value(SECRET),
    };
    let spawn = |id: u64| -> anyhow::Result<Child> {
        let mut command = Command::from(layout.command(id, &launch));
        let child = command.stderr(Stdio::null()).kill_on_drop(true).spawn()?;
        Ok(child)
    };
    let mut members: Vec<Child> = layout.ids().map(spawn).collect::<Result<_, _>>()?;
    // Loopback only: a proxy from HTTP_PROXY would never reach the replicas.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .no_proxy()
        .build()?;
    let mut outages = Vec::new();
    for round in 1..=args.rounds {
        let leader = wait_for_majority_leader(&client, &layout, None).await?;
        let survivor = (1..=3).find(|id| *id != leader).unwrap_or(1);
        let how = if args.graceful {
            stop_cleanly(&mut members[leader as usize - 1])?;
            "stopped (SIGTERM)"
        } else {
            members[leader as usize - 1].kill().await?;
            "killed"
        };
        let killed = Instant::now();
        let name = format!("after failover {round}");
        loop {
            let request = client.post(format!("{}/api/register", layout.url(survivor)));
            let committed = request.json(&json!({ "name": name })).send().await;
            if committed.is_ok_and(|r| r.status().is_success()) {
                break;
            }
            if killed.elapsed() > Duration::from_secs(60) {
                bail!("no write was committed within 60 s of killing the leader");
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let outage = killed.elapsed();
        let new_leader = wait_for_majority_leader(&client, &layout, Some(leader)).await?;
        println!("round {round}: leader {leader} {how}; node {new_leader} leads; writes were unavailable for {:.3} s", outage.as_secs_f64());
        outages.push(outage.as_secs_f64());
        // A cleanly stopped member exits by itself; wait for it before starting it again.
        let _ = members[leader as usize - 1].wait().await;
        members[leader as usize - 1] = spawn(leader)?;
        // Let the restarted member answer again before the next crash.
        let restarted = Instant::now();
        while client
            .get(format!("{}/health", layout.url(leader)))
            .send()
            .await
            .is_err()
        {
            if restarted.elapsed() > Duration::from_secs(30) {
                bail!("member {leader} did not come back");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let mean = outages.iter().sum::<f64>() / outages.len().max(1) as f64;
    let mut sorted = outages.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
    let worst = sorted.last().copied().unwrap_or(0.0);
    println!(
        "failover: median {median:.3} s, mean {mean:.3} s, worst {worst:.3} s over {} rounds",
        outages.len()
    );
    for member in &mut members {
        let _ = member.kill().await;
    }
    Ok(())
}

/// Sends SIGTERM: the member hands leadership over, then stops.
fn stop_cleanly(member: &mut Child) -> anyhow::Result<()> {
    let Some(pid) = member.id() else {
        bail!("the leader has already exited");
    };
    // SAFETY: `kill` only sends a signal to the child this bench started and still owns.
    if unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) } != 0 {
        bail!("could not signal member {pid}");
    }
    Ok(())
}

/// Asks the members (but `not`) until two of them name the same leader (other than `not`): a
/// restarted member can briefly believe in its old leadership, a majority cannot.
pub(crate) async fn wait_for_majority_leader(
    client: &reqwest::Client,
    layout: &Layout,
    not: Option<u64>,
) -> anyhow::Result<u64> {
    let ask: Vec<String> = layout
        .ids()
        .filter(|id| Some(*id) != not)
        .map(|id| layout.addr(id))
        .collect();
    let wait = LeaderWait {
        ask: &ask,
        agreeing: 2,
        not,
        limit: Duration::from_secs(60),
    };
    wait_for_leader(client, &wait, || Ok(())).await
}
