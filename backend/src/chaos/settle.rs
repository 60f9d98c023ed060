//! After a schedule: the first write after healing, stop and publish, the members' logs, the
//! published count and `ballot audit` of every data directory.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use shared::dto::{EventsResponse, ResultsResponse};
use shared::{AuditEvent, AuditPayload, Phase};

use super::episode::Chaos;
use super::history::{Answer, Client, OpKind};
use super::schedule::TALLY;
use super::ADMIN_TOKEN;

/// How long a member's log may take to catch up with the others once healed.
const LOGS_AGREE_WITHIN: Duration = Duration::from_secs(45);

/// A write through `client` (retried with its key) that must be answered within `limit`
/// (an admin command with the runner's admin token); returns how long it took.
pub async fn timed_write(
    client: &Client,
    kind: OpKind,
    path: &str,
    body: &serde_json::Value,
    limit: Duration,
) -> anyhow::Result<(Duration, Answer)> {
    let admin = matches!(kind, OpKind::Admin { .. }).then_some(ADMIN_TOKEN);
    let started = Instant::now();
    let abandon = client.abandon.clone();
    let timer = tokio::spawn(async move {
        tokio::time::sleep(limit).await;
        abandon.cancel();
    });
    let answer = client.write(kind, path, body, admin).await;
    timer.abort();
    if answer == Answer::Unknown {
        bail!("{path} was not answered within {} s", limit.as_secs());
    }
    Ok((started.elapsed(), answer))
}

/// A member's whole audit log of `election`.
async fn events(chaos: &Chaos, id: u64, election: &str) -> anyhow::Result<Vec<AuditEvent>> {
    let mut events = Vec::new();
    loop {
        let after = events.last().map_or(0, |e: &AuditEvent| e.seq);
        let url = format!(
            "{}/api/admin/elections/{election}/events?after={after}&limit=10000",
            chaos.members.layout.url(id)
        );
        let page: EventsResponse = chaos
            .http
            .get(url)
            .bearer_auth(&chaos.members.admin_token)
            .timeout(Duration::from_secs(5))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        if page.events.is_empty() {
            return Ok(events);
        }
        events.extend(page.events);
    }
}

/// Waits until the three replicas and the tally hold the same log of `election` twice in a
/// row, and returns it; else says how they differ.
pub async fn agreed_log(chaos: &mut Chaos, election: &str) -> anyhow::Result<Vec<AuditEvent>> {
    let started = Instant::now();
    let mut previous: Option<Vec<AuditEvent>> = None;
    let mut lengths = Vec::new();
    while started.elapsed() < LOGS_AGREE_WITHIN {
        chaos.restart_crashed();
        lengths.clear();
        let mut logs = Vec::new();
        for id in [1, 2, 3, TALLY] {
            match events(chaos, id, election).await {
                Ok(log) => {
                    lengths.push(format!("{id}: {} events", log.len()));
                    logs.push(log);
                }
                Err(error) => lengths.push(format!("{id}: {error}")),
            }
        }
        let same = logs.len() == 4 && logs.windows(2).all(|pair| pair[0] == pair[1]);
        if same {
            let log = logs.swap_remove(0);
            if previous.as_ref() == Some(&log) {
                return Ok(log);
            }
            previous = Some(log);
        } else {
            previous = None;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    bail!(
        "the members' logs of election {election} did not agree within {} s ({})",
        LOGS_AGREE_WITHIN.as_secs(),
        lengths.join(", ")
    )
}

/// Every member reports `election` published with as many votes as its log holds voters who
/// voted.
pub async fn check_published(chaos: &Chaos, election: &str, log: &[AuditEvent]) -> Vec<String> {
    let votes = log
        .iter()
        .filter(|e| matches!(e.payload, AuditPayload::Vote(_)))
        .count() as u64;
    let mut problems = Vec::new();
    for id in [1, 2, 3, TALLY] {
        let url = format!(
            "{}/api/elections/{election}/results",
            chaos.members.layout.url(id)
        );
        let results = async {
            let response = chaos.http.get(url).send().await?;
            anyhow::Ok(response.json::<ResultsResponse>().await?)
        };
        match results.await {
            Ok(results) if results.phase != Phase::Published => problems.push(format!(
                "member {id} says election {election} is {:?} after publishing",
                results.phase
            )),
            Ok(results) => {
                let counted: u64 = results.counts.iter().map(|c| c.votes).sum();
                if results.total_votes != votes || counted != votes {
                    problems.push(format!(
                        "member {id} published {} votes in {election} (counts sum to \
                         {counted}); the log holds {votes}",
                        results.total_votes
                    ));
                }
            }
            Err(error) => problems.push(format!("member {id} gave no results: {error:#}")),
        }
    }
    problems
}

/// Runs `ballot audit` on every stopped member's data directory: each must pass, all with one
/// digest.
pub async fn audit_all(exe: &Path, chaos: &Chaos) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut digests = Vec::new();
    for id in [1, 2, 3, TALLY] {
        let dir = chaos.members.data_dir(id);
        let output = tokio::process::Command::new(exe)
            .arg("audit")
            .arg("--data-dir")
            .arg(&dir)
            .env("RUST_LOG", "warn")
            .output()
            .await
            .context("running ballot audit")?;
        let report = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            problems.push(format!(
                "ballot audit --data-dir {} failed: {}",
                dir.display(),
                String::from_utf8_lossy(&output.stderr).trim()
            ));
            continue;
        }
        let digest = report
            .lines()
            .find_map(|line| line.strip_prefix("log sha256: "))
            .unwrap_or_default()
            .to_string();
        digests.push((id, digest));
    }
    if digests.windows(2).any(|pair| pair[0].1 != pair[1].1) {
        problems.push(format!("the audits' digests differ: {digests:?}"));
    }
    Ok(problems)
}
