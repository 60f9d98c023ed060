//! `ballot chaos`: random fault schedules against a real local cluster, with a history check.
//!
//! Per schedule (seed S, S+1, …) the runner starts three replicas and the tally as processes of
//! this very binary (through [`crate::local_cluster`]), each behind its own fault-injecting
//! proxy ([`proxy`]). Raft's membership keeps one address per node and every member dials that
//! one address, so a proxy per (source, destination) pair cannot be named; instead each member
//! connects to the others from its own loopback address (`--source-ip 127.0.0.1N`, set on the
//! Raft client and the members' client), and the one proxy in front of each destination tells
//! the source member from the peer address of the connection, so every directed link can be
//! cut, made lossy one way, or delayed on its own. Clients reach the members directly.
//!
//! Two elections run side by side ([`drive`]): the original one and a second one defined at the
//! start, each with half of the voters and checked against its own log.
//!
//! While ≥ 50 simulated voters ([`voters`]) register, log in, vote and read `/api/me` through
//! random replicas (every write retried with its idempotency key, every operation recorded in
//! the [`history`]), the runner applies the schedule drawn from the seed ([`schedule`],
//! applied by [`episode`]): SIGKILL and restart (the leader more often), SIGSTOP pauses,
//! partitions, one-way loss, latency, a follower wiped, a member restarted with its clock 30 s
//! ahead, and a deadline and a stop issued mid-fault. Then it heals everything and checks
//! ([`settle`], [`check`]): a write within 3 s of healing; every acknowledged registration,
//! login and vote in the log exactly once, unacknowledged ones at most once, refused ones
//! never; no voter counted twice; no `/api/me` forgetting an acknowledged vote; the four logs
//! identical; the published count equal to the votes in the log; `ballot audit` passing on
//! every data directory with one digest. Each schedule prints one line; a failing one also
//! prints the command that replays it, and the exit status is non-zero.

mod check;
mod drive;
mod episode;
mod history;
mod members;
pub mod proxy;
mod schedule;
mod settle;
mod voters;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::ChaosArgs;
use crate::local_cluster::Layout;
use episode::Chaos;
use members::Members;
use proxy::{Faults, Proxy};
use schedule::TALLY;

/// The admin token and cluster secret of the runner's own throw-away clusters.
const ADMIN_TOKEN: &str = "chaos-runner-admin-token";
const CLUSTER_SECRET: &str = "chaos-runner-cluster-secret";

/// How soon after healing a write must be acknowledged.
const WRITE_AFTER_HEALING: Duration = Duration::from_secs(3);

/// Runs the schedules one after another; fails if any of them did.
pub async fn run(args: ChaosArgs) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let mut failed = Vec::new();
    for seed in (0..args.schedules).map(|i| args.seed + i) {
        let started = Instant::now();
        let report = run_schedule(&args, &exe, seed).await;
        let took = started.elapsed().as_secs_f64();
        let problems = match &report {
            Ok(report) => {
                println!("{} in {took:.0} s", report.line(seed));
                report.problems()
            }
            Err(error) => {
                println!("seed {seed}: FAILED after {took:.0} s: {error:#}");
                let mut problems = vec![format!("{error:#}")];
                problems.extend(log_tails(&schedule_dir(&args.data_dir, seed)));
                problems
            }
        };
        if let (Ok(report), true) = (&report, args.keep) {
            write_history(&args.data_dir, seed, report);
        }
        if !problems.is_empty() {
            for problem in problems.iter().take(60) {
                println!("    {problem}");
            }
            if let Ok(report) = &report {
                println!("    faults: {}", report.applied.join("; "));
                write_history(&args.data_dir, seed, report);
            }
            println!("    replay: {}", replay_command(&exe, &args, seed));
            println!(
                "    logs and data kept in {}",
                schedule_dir(&args.data_dir, seed).display()
            );
            failed.push(seed);
        } else if !args.keep {
            let _ = std::fs::remove_dir_all(schedule_dir(&args.data_dir, seed));
        }
    }
    if !failed.is_empty() {
        bail!(
            "{} of {} schedules failed: seeds {failed:?}",
            failed.len(),
            args.schedules
        );
    }
    println!("all {} schedules passed", args.schedules);
    Ok(())
}

/// Writes the faults as applied and every operation next to the members' logs.
fn write_history(data_dir: &Path, seed: u64, report: &Report) {
    let ops = report.ops.iter().map(|op| format!("{op:?}"));
    let lines: Vec<String> = report.applied.iter().cloned().chain(ops).collect();
    let file = schedule_dir(data_dir, seed).join("history.txt");
    let _ = std::fs::write(file, lines.join("\n"));
}

/// The last warnings, errors and elections of every member's log: what a failed schedule's report needs
/// when the data directory is on a CI machine nobody can reach.
fn log_tails(dir: &Path) -> Vec<String> {
    let mut tails = Vec::new();
    for id in [1, 2, 3, TALLY] {
        let Ok(log) = std::fs::read_to_string(dir.join(format!("node{id}.log"))) else {
            continue;
        };
        let notable: Vec<&str> = log
            .lines()
            .filter(|line| {
                ["WARN", "ERROR", "leader changed", "caught up"]
                    .iter()
                    .any(|word| line.contains(word))
            })
            .collect();
        let from = notable.len().saturating_sub(12);
        tails.extend(
            notable[from..]
                .iter()
                .map(|line| format!("node{id}: {line}")),
        );
    }
    tails
}

fn schedule_dir(data_dir: &Path, seed: u64) -> std::path::PathBuf {
    data_dir.join(format!("seed-{seed}"))
}

fn replay_command(exe: &Path, args: &ChaosArgs, seed: u64) -> String {
    let mut command = format!(
        "{} chaos --schedules 1 --seed {seed} --duration-secs {} --voters {} --data-dir {}",
        exe.display(),
        args.duration_secs,
        args.voters,
        args.data_dir.display()
    );
    if let Some(port) = args.base_port {
        command.push_str(&format!(" --base-port {port}"));
    }
    command
}

/// What one schedule did and found.
struct Report {
    applied: Vec<String>,
    kinds: BTreeMap<&'static str, usize>,
    operations: usize,
    /// Every operation, written next to the members' logs when the schedule fails.
    ops: Vec<history::Op>,
    /// HTTP requests the operations took (retries included).
    attempts: u32,
    verdict: check::Verdict,
    heal_write: Duration,
    violations: Vec<String>,
}

impl Report {
    fn line(&self, seed: u64) -> String {
        let kinds: Vec<String> = self.kinds.iter().map(|(k, n)| format!("{k}:{n}")).collect();
        let status = if self.problems().is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        format!(
            "seed {seed}: {status} | faults {} [{}] | ops {} ({} requests) | acknowledged {} | lost {} | \
             duplicated {} | longest write unavailability {:.2} s | write after healing {:.2} s \
             | 5xx {}",
            self.kinds.values().sum::<usize>(),
            kinds.join(" "),
            self.operations,
            self.attempts,
            self.verdict.acknowledged,
            self.verdict.lost.len(),
            self.verdict.duplicated.len(),
            self.verdict.longest_unavailable.as_secs_f64(),
            self.heal_write.as_secs_f64(),
            self.verdict.server_errors,
        )
    }

    fn problems(&self) -> Vec<String> {
        let verdict = &self.verdict;
        let lost = verdict.lost.iter().map(|p| format!("lost: {p}"));
        let duplicated = verdict
            .duplicated
            .iter()
            .map(|p| format!("duplicated: {p}"));
        lost.chain(duplicated)
            .chain(verdict.violations.iter().cloned())
            .chain(self.violations.iter().cloned())
            .collect()
    }
}

/// Where the members listen (P..P+3) and their proxies (P+4..P+7), or free ports.
async fn start_proxies(
    args: &ChaosArgs,
    faults: &Faults,
    tasks: &TaskTracker,
    stop: &CancellationToken,
) -> anyhow::Result<Layout> {
    let layout = match args.base_port {
        Some(base) => Layout::consecutive(base, 3, true)?,
        None => Layout::on_free_ports(3, true)?,
    };
    let mut ports = BTreeMap::new();
    for id in layout.ids().collect::<Vec<_>>() {
        let port = match args.base_port {
            Some(base) => base
                .checked_add(3 + id as u16)
                .context("--base-port leaves no room for the proxies")?,
            None => 0,
        };
        let listen = SocketAddr::from(([127, 0, 0, 1], port));
        let target: SocketAddr = layout.addr(id).parse()?;
        let proxy = Proxy::start(listen, id, target, faults, tasks, stop.clone())
            .await
            .with_context(|| format!("starting the proxy of member {id} on {listen}"))?;
        ports.insert(id, proxy.port);
    }
    Ok(layout.behind_proxies(ports))
}

async fn run_schedule(args: &ChaosArgs, exe: &Path, seed: u64) -> anyhow::Result<Report> {
    let dir = schedule_dir(&args.data_dir, seed);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let (tasks, stop) = (TaskTracker::new(), CancellationToken::new());
    let faults = Faults::default();
    let layout = start_proxies(args, &faults, &tasks, &stop).await?;
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(5))
        .build()?;
    let mut chaos = Chaos {
        members: Members::new(layout, exe, &dir, ADMIN_TOKEN, CLUSTER_SECRET),
        faults,
        http,
        applied: Vec::new(),
        violations: Vec::new(),
        started: Instant::now(),
    };
    let result = drive::drive(args, exe, seed, &mut chaos).await;
    let result = result.map_err(|error| {
        let faults = chaos.applied.join("; ");
        let _ = std::fs::write(dir.join("history.txt"), chaos.applied.join("\n"));
        let seen = match chaos.violations.is_empty() {
            true => String::new(),
            false => format!("; also seen: {}", chaos.violations.join("; ")),
        };
        error.context(format!("faults applied: [{faults}]{seen}"))
    });
    chaos.members.stop_all(Duration::from_secs(10)).await;
    stop.cancel();
    tasks.close();
    tasks.wait().await;
    result
}
