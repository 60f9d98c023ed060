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
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::json;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::ChaosArgs;
use crate::local_cluster::{wait_for_leader, Layout, LeaderWait};
use episode::Chaos;
use history::{Answer, Client, History, OpKind};
use members::Members;
use proxy::{Faults, Proxy};
use schedule::{AdminAction, REPLICAS, TALLY};
use voters::Crowd;

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
    let result = drive(args, exe, seed, &mut chaos).await;
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

/// Starts the members, runs the load and the faults, settles and checks.
async fn drive(
    args: &ChaosArgs,
    exe: &Path,
    seed: u64,
    chaos: &mut Chaos,
) -> anyhow::Result<Report> {
    for id in [1, 2, 3, TALLY] {
        chaos.members.start(id, 0)?;
    }
    let ask: Vec<String> = REPLICAS
        .iter()
        .map(|id| chaos.members.layout.addr(*id))
        .collect();
    let wait = LeaderWait {
        ask: &ask,
        agreeing: 2,
        not: None,
        limit: Duration::from_secs(30),
    };
    wait_for_leader(&chaos.http, &wait, || Ok(())).await?;

    let history = History::new(chaos.started);
    let replicas: Vec<String> = REPLICAS
        .iter()
        .map(|id| chaos.members.layout.url(*id))
        .collect();
    let fresh_client = || Client::new(replicas.clone(), history.clone());
    let start = OpKind::Admin {
        path: "/api/admin/start".into(),
    };
    let limit = Duration::from_secs(30);
    settle::timed_write(
        &fresh_client()?,
        start,
        "/api/admin/start",
        Some(ADMIN_TOKEN),
        limit,
    )
    .await
    .context("opening the election")?;

    let load_start = history.since_start();
    let crowd = Arc::new(Crowd::new(fresh_client()?, format!("s{seed}")));
    let mut load = JoinSet::new();
    for index in 0..args.voters {
        load.spawn(voters::voter_loop(crowd.clone(), index));
    }
    let schedule = schedule::draw(seed, Duration::from_secs(args.duration_secs));
    let mut kinds = BTreeMap::new();
    for action in schedule.admin.clone() {
        let kind = match action {
            AdminAction::Deadline { .. } => "deadline",
            AdminAction::Stop { .. } => "stop",
        };
        *kinds.entry(kind).or_insert(0) += 1;
        load.spawn(admin_action(crowd.clone(), action));
    }
    let duration = Duration::from_secs(args.duration_secs);
    for (gap, fault) in &schedule.episodes {
        chaos.hold(*gap).await;
        if history.since_start() - load_start >= duration {
            break;
        }
        chaos.episode(fault).await?;
        *kinds.entry(fault.kind()).or_insert(0) += 1;
    }
    let load_end = history.since_start();

    chaos.heal()?;
    let healed = Instant::now();
    crowd.wind_down.cancel();
    // A login of a default voter: allowed in every phase, unlike a registration.
    let probe = OpKind::Login { voter_id: 1 };
    let probe_client = fresh_client()?;
    let heal_write = settle::timed_write(&probe_client, probe, "/api/login", None, limit);
    let heal_write = chaos.supervised(heal_write).await;
    let heal_write = match heal_write {
        Ok((_, Answer::Ok(_))) => healed.elapsed(),
        Ok((_, answer)) => bail!("the write after healing was refused: {answer:?}"),
        Err(error) => bail!("{error:#}"),
    };
    if heal_write > WRITE_AFTER_HEALING {
        chaos.violations.push(format!(
            "the first write after healing took {:.2} s (more than {} s)",
            heal_write.as_secs_f64(),
            WRITE_AFTER_HEALING.as_secs()
        ));
    }
    // Writes still under way get a while to learn their fate, then count as unanswered.
    let finished = tokio::time::timeout(Duration::from_secs(20), async {
        while load.join_next().await.is_some() {}
    });
    if chaos.supervised(finished).await.is_err() {
        crowd.client.abandon.cancel();
        while load.join_next().await.is_some() {}
    }

    for path in ["/api/admin/stop", "/api/admin/publish"] {
        let kind = OpKind::Admin { path: path.into() };
        let client = fresh_client()?;
        let write = settle::timed_write(&client, kind, path, Some(ADMIN_TOKEN), limit);
        let (_, answer) = chaos.supervised(write).await?;
        let already_stopped = matches!(&answer, Answer::Refused { code, .. } if code == "wrong_phase")
            && path.ends_with("stop");
        if !matches!(answer, Answer::Ok(_)) && !already_stopped {
            chaos.violations.push(format!("{path} answered {answer:?}"));
        }
    }
    let log = settle::agreed_log(chaos).await?;
    let published = settle::check_published(chaos, &log).await;
    chaos.violations.extend(published);

    let ops = history.ops();
    let closed = ops
        .iter()
        .filter(|op| match (&op.kind, &op.answer) {
            (OpKind::Admin { path }, Answer::Ok(_)) => path.ends_with("stop"),
            (OpKind::Vote { .. }, Answer::Refused { status, .. }) => *status == 403,
            _ => false,
        })
        .map(|op| op.answered)
        .min()
        .unwrap_or(load_end);
    let window = (load_start, load_end.min(closed).max(load_start));
    let verdict = check::check(&ops, &log, CLUSTER_SECRET, window);

    let stuck = chaos.members.stop_all(Duration::from_secs(15)).await;
    if !stuck.is_empty() {
        chaos.violations.push(format!(
            "members {stuck:?} did not stop on SIGINT within 15 s"
        ));
    }
    let audits = settle::audit_all(exe, chaos).await?;
    chaos.violations.extend(audits);
    Ok(Report {
        applied: std::mem::take(&mut chaos.applied),
        kinds,
        operations: ops.len(),
        attempts: ops.iter().map(|op| op.attempts).sum(),
        ops,
        verdict,
        heal_write,
        violations: std::mem::take(&mut chaos.violations),
    })
}

/// Issues an admin command of the schedule at its time (mid-fault), retried with its key.
async fn admin_action(crowd: Arc<Crowd>, action: AdminAction) {
    let (at, path, body) = match action {
        AdminAction::Deadline { at, minutes } => {
            (at, "/api/admin/deadline", json!({ "minutes": minutes }))
        }
        AdminAction::Stop { at } => (at, "/api/admin/stop", json!({})),
    };
    tokio::select! {
        _ = tokio::time::sleep(at) => {}
        _ = crowd.wind_down.cancelled() => return,
    }
    // The voters learn of a stop as real clients do: from a 403.
    let kind = OpKind::Admin { path: path.into() };
    crowd
        .client
        .write(kind, path, &body, Some(ADMIN_TOKEN))
        .await;
}
