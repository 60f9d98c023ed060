//! One schedule from start to verdict: the members up, two elections open side by side (the
//! original and a second one defined through the API), half of the voters in each, the faults,
//! the healing, and the checks of each election's history against its own log.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::json;
use tokio::task::JoinSet;

use super::episode::Chaos;
use super::history::{Answer, Client, History, OpKind};
use super::schedule::{self, AdminAction, REPLICAS, TALLY};
use super::voters::{self, Crowd};
use super::{check, settle, Report, ADMIN_TOKEN, CLUSTER_SECRET, WRITE_AFTER_HEALING};
use crate::config::ChaosArgs;
use crate::local_cluster::{wait_for_leader, LeaderWait};

/// The second election: name-and-id login and self-registration, like the original, so the
/// same voter loop runs in both; three candidates, so ballots differ.
const SECOND: &str = "second";

/// Where each election's voter routes are.
fn api(election: &str) -> String {
    match election {
        shared::DEFAULT_ELECTION => "/api".to_string(),
        other => format!("/api/elections/{other}"),
    }
}

/// Starts the members, runs the load and the faults, settles and checks.
pub async fn drive(
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

    let replicas: Vec<String> = REPLICAS
        .iter()
        .map(|id| chaos.members.layout.url(*id))
        .collect();
    let histories: BTreeMap<&str, History> = [shared::DEFAULT_ELECTION, SECOND]
        .into_iter()
        .map(|election| (election, History::new(chaos.started)))
        .collect();
    let client_of = |election: &str| Client::new(replicas.clone(), histories[election].clone());
    let limit = Duration::from_secs(30);
    let second = json!({
        "id": SECOND, "title": "Second election",
        "candidates": [{"name": "North"}, {"name": "South"}, {"name": "West"}],
        "options": {"login": "name_and_id", "self_registration": true},
    });
    let setup = [
        ("/api/admin/elections", second),
        ("/api/admin/elections/second/start", json!({})),
        ("/api/admin/start", json!({})),
    ];
    for (path, body) in setup {
        let kind = OpKind::Admin { path: path.into() };
        let client = client_of(SECOND)?;
        let (_, answer) = settle::timed_write(&client, kind, path, &body, limit)
            .await
            .with_context(|| format!("setting up the elections ({path})"))?;
        if !matches!(answer, Answer::Ok(_)) {
            bail!("setting up the elections: {path} answered {answer:?}");
        }
    }

    let load_start = histories[shared::DEFAULT_ELECTION].since_start();
    let crowds: BTreeMap<&str, Arc<Crowd>> = [(shared::DEFAULT_ELECTION, 10), (SECOND, 3)]
        .into_iter()
        .map(|(election, candidates)| {
            let prefix = format!("s{seed}");
            let crowd = Crowd::new(client_of(election)?, prefix, api(election), candidates);
            anyhow::Ok((election, Arc::new(crowd)))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut load = JoinSet::new();
    for index in 0..args.voters {
        let election = if index % 2 == 0 {
            shared::DEFAULT_ELECTION
        } else {
            SECOND
        };
        load.spawn(voters::voter_loop(crowds[election].clone(), index));
    }
    let schedule = schedule::draw(seed, Duration::from_secs(args.duration_secs));
    let mut kinds = BTreeMap::new();
    for action in schedule.admin.clone() {
        let kind = match action {
            AdminAction::Deadline { .. } => "deadline",
            AdminAction::Stop { .. } => "stop",
        };
        *kinds.entry(kind).or_insert(0) += 1;
        load.spawn(admin_action(
            crowds[shared::DEFAULT_ELECTION].clone(),
            action,
        ));
    }
    let duration = Duration::from_secs(args.duration_secs);
    for (gap, fault) in &schedule.episodes {
        chaos.hold(*gap).await;
        if histories[shared::DEFAULT_ELECTION].since_start() - load_start >= duration {
            break;
        }
        chaos.episode(fault).await?;
        *kinds.entry(fault.kind()).or_insert(0) += 1;
    }
    let load_end = histories[shared::DEFAULT_ELECTION].since_start();

    chaos.heal()?;
    let healed = Instant::now();
    for crowd in crowds.values() {
        crowd.wind_down.cancel();
    }
    // A login of a default voter: allowed in every phase, unlike a registration.
    let probe = OpKind::Login { voter_id: 1 };
    let probe_client = client_of(shared::DEFAULT_ELECTION)?;
    let body = json!({ "name": "Alice", "voter_id": 1 });
    let heal_write = settle::timed_write(&probe_client, probe, "/api/login", &body, limit);
    let heal_write = match chaos.supervised(heal_write).await {
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
        for crowd in crowds.values() {
            crowd.client.abandon.cancel();
        }
        while load.join_next().await.is_some() {}
    }

    let mut verdict = check::Verdict::default();
    let mut all_ops = Vec::new();
    for election in [shared::DEFAULT_ELECTION, SECOND] {
        let admin = match election {
            shared::DEFAULT_ELECTION => "/api/admin".to_string(),
            other => format!("/api/admin/elections/{other}"),
        };
        for action in ["stop", "publish"] {
            let path = format!("{admin}/{action}");
            let kind = OpKind::Admin { path: path.clone() };
            let client = client_of(election)?;
            let empty = json!({});
            let write = settle::timed_write(&client, kind, &path, &empty, limit);
            let (_, answer) = chaos.supervised(write).await?;
            let already_stopped = matches!(&answer, Answer::Refused { code, .. } if code == "wrong_phase")
                && action == "stop";
            if !matches!(answer, Answer::Ok(_)) && !already_stopped {
                chaos.violations.push(format!("{path} answered {answer:?}"));
            }
        }
        let log = settle::agreed_log(chaos, election).await?;
        let published = settle::check_published(chaos, election, &log).await;
        chaos.violations.extend(published);

        let ops = histories[election].ops();
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
        verdict.merge(election, check::check(&ops, &log, CLUSTER_SECRET, window));
        all_ops.extend(ops);
    }

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
        operations: all_ops.len(),
        attempts: all_ops.iter().map(|op| op.attempts).sum(),
        ops: all_ops,
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
