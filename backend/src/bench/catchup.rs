//! `ballot bench-catchup`: how long a replica wiped on a long log takes to catch up, and how
//! much memory the leader (sending) and the replica (installing) use meanwhile.
//!
//! Starts three replicas of this very binary, grows their log to `--events` events through
//! the API ([`super::events`]), then SIGKILLs a follower, deletes its data directory, reads the
//! leader's commit index and restarts the follower empty. It is caught up once its
//! `ballot_raft_last_applied` (from `/metrics`) reaches that index. Meanwhile both processes'
//! resident memory is sampled from `/proc`, and their peaks (`VmHWM`, the leader's restarted
//! at the wipe) are read at the end. Figures are printed, never asserted.

use std::fs::OpenOptions;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio::process::{Child, Command};

use super::events::{self, Plan};
use super::failover::wait_for_majority_leader;
use super::process::{peak_resident_bytes, reset_peak_resident, resident_bytes};
use crate::config::CatchupArgs;
use crate::local_cluster::{die_with_parent, ClusterSecret, Launch, Layout};
use crate::telemetry::{RAFT_COMMIT_INDEX, RAFT_LAST_APPLIED};

/// Both the cluster secret and the admin token of the bench's own throw-away replicas.
const SECRET: &str = "catchup-bench-secret";
/// How often memory is sampled and the replica's progress read.
const SAMPLE: Duration = Duration::from_millis(25);

pub async fn run(args: CatchupArgs) -> anyhow::Result<()> {
    if !args.reuse {
        let _ = std::fs::remove_dir_all(&args.data_dir);
    }
    std::fs::create_dir_all(&args.data_dir)
        .with_context(|| format!("creating {}", args.data_dir.display()))?;
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let layout = Layout::consecutive(args.base_port, 3, false)?;
    let launch = Launch {
        exe: &exe,
        data_dir: &args.data_dir,
        admin_token: SECRET,
        cluster_secret: ClusterSecret::Value(SECRET),
    };
    let spawn = |id: u64| spawn_member(&layout, &launch, id, &[]);
    let mut members: Vec<Child> = layout.ids().map(spawn).collect::<Result<_, _>>()?;
    let outcome = measure(&args, &layout, &mut members, spawn).await;
    for member in &mut members {
        let _ = member.kill().await;
    }
    outcome
}

/// Starts member `id` with `env` added, its stderr appended to `DATA_DIR/nodeN.log`.
pub(super) fn spawn_member(
    layout: &Layout,
    launch: &Launch<'_>,
    id: u64,
    env: &[(&str, String)],
) -> anyhow::Result<Child> {
    let log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(launch.data_dir.join(format!("node{id}.log")))
        .context("opening a member's log")?;
    let mut command = layout.command(id, launch);
    command.envs(env.iter().map(|(name, value)| (name, value)));
    // Members stop with the bench, even when it is killed: `main` awaits the bench on the
    // main thread, which the parent-death signal follows.
    die_with_parent(&mut command);
    let mut command = Command::from(command);
    command.stderr(Stdio::from(log)).kill_on_drop(true);
    command
        .spawn()
        .with_context(|| format!("starting member {id}"))
}

async fn measure(
    args: &CatchupArgs,
    layout: &Layout,
    members: &mut [Child],
    spawn: impl Fn(u64) -> anyhow::Result<Child>,
) -> anyhow::Result<()> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .pool_max_idle_per_host(args.concurrency)
        .no_proxy()
        .build()?;
    wait_for_majority_leader(&client, layout, None).await?;
    let targets: Vec<String> = layout.ids().map(|id| layout.url(id)).collect();
    let have = events::events_in_log(&client, &targets, SECRET).await?;
    if have < args.events {
        let plan = Plan {
            events: args.events - have,
            rows_per_import: args.import_voters as u64,
            import_concurrency: args.import_concurrency,
            voters: args.voters as u64,
            concurrency: args.concurrency,
        };
        let build = events::build(&client, &targets, SECRET, &plan);
        tokio::pin!(build);
        // A member that stops (its Raft failed: it exits so that it is restarted) is started
        // again, as a deployment's supervisor would.
        let built = loop {
            tokio::select! {
                built = &mut build => break built?,
                () = tokio::time::sleep(Duration::from_millis(500)) => {
                    restart_exited(members, &spawn)?;
                }
            }
        };
        events::print_built(&built);
    } else {
        println!("events: the log already holds {have} events");
    }
    // The leader may have changed while the log was built.
    let leader = wait_for_majority_leader(&client, layout, None).await?;
    let follower = layout.ids().find(|id| *id != leader).unwrap_or(1);
    let leader_pid = pid(&members[index(leader)])?;
    let leader_before = resident_bytes(leader_pid).unwrap_or(0);

    let wiped = &mut members[index(follower)];
    wiped.kill().await.context("stopping the follower")?;
    let data = args.data_dir.join(format!("node{follower}"));
    std::fs::remove_dir_all(&data).with_context(|| format!("wiping {}", data.display()))?;
    let leader_metrics = scrape(&client, &layout.url(leader)).await?;
    let goal = gauge(&leader_metrics, RAFT_COMMIT_INDEX).context("the leader's commit index")?;
    let built_before = histogram_count(&leader_metrics, "ballot_snapshot_build_duration_seconds");
    println!(
        "node {follower} stopped and wiped; leader {leader} has committed Raft index {goal} ({} on disk)",
        directory_size(&args.data_dir.join(format!("node{leader}")))
            .map_or("?".into(), |b| format!("{:.0} MB", b as f64 / 1e6))
    );
    // Peak memory from here on; where /proc refuses, the samples below still tell.
    let leader_peak_reset = reset_peak_resident(leader_pid).is_ok();

    let started = Instant::now();
    *wiped = spawn(follower)?;
    let follower_pid = pid(wiped)?;
    let deadline = started + Duration::from_secs(args.timeout_secs);
    let (mut leader_max, mut follower_max) = (0u64, 0u64);
    let mut first_answer = None;
    let mut last_seen = 0;
    let follower_url = layout.url(follower);
    loop {
        leader_max = leader_max.max(resident_bytes(leader_pid).unwrap_or(0));
        follower_max = follower_max.max(resident_bytes(follower_pid).unwrap_or(0));
        if let Ok(text) = scrape(&client, &follower_url).await {
            first_answer.get_or_insert_with(|| started.elapsed());
            last_seen = gauge(&text, RAFT_LAST_APPLIED).unwrap_or(0);
            if last_seen >= goal {
                break;
            }
        }
        if Instant::now() > deadline {
            break;
        }
        if let Ok(Some(status)) = members[index(follower)].try_wait() {
            bail!("the wiped node {follower} exited ({status}) while catching up");
        }
        tokio::time::sleep(SAMPLE).await;
    }
    let took = started.elapsed();
    let leader_peak = peak_resident_bytes(leader_pid).unwrap_or(0);
    let follower_peak = peak_resident_bytes(follower_pid).unwrap_or(0);
    // The replica's memory at the end: once caught up, or where it stands at the timeout.
    let follower_after = resident_bytes(follower_pid).unwrap_or(0);
    let follower_metrics = scrape(&client, &follower_url).await.unwrap_or_default();
    let leader_metrics = scrape(&client, &layout.url(leader))
        .await
        .unwrap_or_default();
    let installs = histogram_count(
        &follower_metrics,
        "ballot_snapshot_install_duration_seconds",
    );
    let install_secs = histogram_sum(
        &follower_metrics,
        "ballot_snapshot_install_duration_seconds",
    );
    let built_during = histogram_count(&leader_metrics, "ballot_snapshot_build_duration_seconds")
        .saturating_sub(built_before);
    if last_seen >= goal {
        println!(
            "catch-up: node {follower} applied index {goal} {:.2} s after its restart (first answered after {:.2} s)",
            took.as_secs_f64(),
            first_answer.unwrap_or_default().as_secs_f64()
        );
    } else {
        println!(
            "catch-up: node {follower} had applied only {last_seen} of {goal} entries when the {} s timeout ran out",
            args.timeout_secs
        );
    }
    println!(
        "  snapshots: node {follower} installed {installs} ({install_secs:.2} s installing); the leader built {built_during} meanwhile"
    );
    let mb = |bytes: u64| bytes as f64 / 1e6;
    let leader_peak_note = if leader_peak_reset {
        "VmHWM since the wipe"
    } else {
        "VmHWM since it started: could not be reset"
    };
    println!(
        "  peak resident memory: leader {:.0} MB sending ({leader_peak_note}; {:.0} MB before the wipe; sampled VmRSS max {:.0} MB)",
        mb(leader_peak),
        mb(leader_before),
        mb(leader_max),
    );
    println!(
        "  peak resident memory: node {follower} {:.0} MB installing (VmHWM; sampled VmRSS max {:.0} MB; {:.0} MB at the end)",
        mb(follower_peak),
        mb(follower_max),
        mb(follower_after)
    );
    if last_seen < goal {
        bail!(
            "node {follower} did not catch up within {} s",
            args.timeout_secs
        );
    }
    Ok(())
}

/// Starts again every member that has exited, and says so.
fn restart_exited(
    members: &mut [Child],
    spawn: &impl Fn(u64) -> anyhow::Result<Child>,
) -> anyhow::Result<()> {
    for (at, member) in members.iter_mut().enumerate() {
        if let Ok(Some(status)) = member.try_wait() {
            let id = at as u64 + 1;
            eprintln!("  member {id} exited ({status}); starting it again (see its log)");
            *member = spawn(id)?;
        }
    }
    Ok(())
}

/// Members are 1, 2, 3 and sit at 0, 1, 2.
fn index(id: u64) -> usize {
    id as usize - 1
}

fn pid(member: &Child) -> anyhow::Result<u32> {
    member.id().context("a member has already exited")
}

/// A node's `/metrics` page.
async fn scrape(client: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let response = client
        .get(format!("{base}/metrics"))
        .timeout(Duration::from_secs(5))
        .send()
        .await?
        .error_for_status()?;
    Ok(response.text().await?)
}

/// The value of an unlabelled sample `name` on a Prometheus text page.
fn sample(page: &str, name: &str) -> Option<f64> {
    page.lines().find_map(|line| {
        let mut fields = line.split_whitespace();
        (fields.next()? == name).then_some(())?;
        fields.next()?.parse().ok()
    })
}

/// An unlabelled gauge holding an index.
fn gauge(page: &str, name: &str) -> Option<u64> {
    sample(page, name).map(|value| value as u64)
}

fn histogram_count(page: &str, name: &str) -> u64 {
    gauge(page, &format!("{name}_count")).unwrap_or(0)
}

fn histogram_sum(page: &str, name: &str) -> f64 {
    sample(page, &format!("{name}_sum")).unwrap_or(0.0)
}

/// Bytes in the files under `dir`, its subdirectories included.
fn directory_size(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            directory_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_read_by_their_exact_name_from_a_metrics_page() {
        let page = "# HELP ballot_raft_commit_index x\n\
                    ballot_raft_commit_index 1234\n\
                    ballot_raft_commit_index_other 9\n\
                    ballot_snapshot_install_duration_seconds_sum 2.5\n\
                    ballot_snapshot_install_duration_seconds_count 2\n";

        assert_eq!(gauge(page, RAFT_COMMIT_INDEX), Some(1234));
        assert_eq!(gauge(page, RAFT_LAST_APPLIED), None);
        assert_eq!(
            histogram_count(page, "ballot_snapshot_install_duration_seconds"),
            2
        );
        assert_eq!(
            histogram_sum(page, "ballot_snapshot_install_duration_seconds"),
            2.5
        );
        assert_eq!(
            histogram_count(page, "ballot_snapshot_build_duration_seconds"),
            0
        );
    }
}
