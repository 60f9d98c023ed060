//! `ballot bench --events N`: grows the cluster's log by at least N events, as fast as the API
//! allows, for replay and catch-up measurements (`ballot audit`, `ballot bench-catchup`).
//!
//! Every event goes through the public API and is committed like any other: a fresh
//! credential election, rolls imported into it (one `voter_imported` event per row, and a
//! `roll_imported` per log entry of at most 2,000 rows) by several requests at once, spread
//! over the targets, then the election is opened and `--voters` of the imported voters log in
//! with their credentials and vote (two events each). Imports are the fastest writes the API
//! has; the votes make the log look like an election's, with batched vote entries in it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use futures_util::stream::{self, StreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{AdminStatusResponse, LoginResponse};
use shared::elections::{ElectionsResponse, RollResponse};

use crate::config::BenchArgs;

/// Rows of one log entry of an import (the server's chunk): each entry adds one
/// `roll_imported` event besides its rows'.
const SERVER_CHUNK_ROWS: u64 = 2_000;

/// What to build.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Events to add to the log, at least.
    pub events: u64,
    /// Rows per import request (at most 100,000: the server takes 10 MB).
    pub rows_per_import: u64,
    /// Import requests in flight at once.
    pub import_concurrency: usize,
    /// Imported voters who then log in and vote.
    pub voters: u64,
    /// Voters logging in and voting at once.
    pub concurrency: usize,
}

/// What was built.
#[derive(Debug, Clone)]
pub struct Built {
    /// The election the events went into.
    pub election: String,
    /// Events in the whole log before and after (every election).
    pub before: u64,
    pub after: u64,
    pub took: Duration,
}

impl Built {
    pub fn added(&self) -> u64 {
        self.after.saturating_sub(self.before)
    }
}

/// `ballot bench --events N`: builds, then prints what it built and how fast.
pub async fn run(args: BenchArgs, events: u64) -> anyhow::Result<()> {
    let admin_token = args
        .token
        .admin_token
        .clone()
        .context("--admin-token or --admin-token-file is required")?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.concurrency)
        .no_proxy()
        .build()?;
    let plan = Plan {
        events,
        rows_per_import: args.import_voters as u64,
        import_concurrency: args.import_concurrency,
        voters: args.voters as u64,
        concurrency: args.concurrency,
    };
    let built = build(&client, &args.targets, &admin_token, &plan).await?;
    print_built(&built);
    Ok(())
}

/// The summary lines both `bench --events` and `bench-catchup` print.
pub fn print_built(built: &Built) {
    println!(
        "events: {} added in {:.2} s ({:.0} events/s) into election {}; the log now holds {} events",
        built.added(),
        built.took.as_secs_f64(),
        built.added() as f64 / built.took.as_secs_f64().max(1e-9),
        built.election,
        built.after
    );
}

/// Adds at least `plan.events` events to the log of the cluster behind `targets` (the first
/// one answers the reads) and returns what it did.
pub async fn build(
    client: &reqwest::Client,
    targets: &[String],
    admin_token: &str,
    plan: &Plan,
) -> anyhow::Result<Built> {
    if targets.is_empty() {
        bail!("no target to send the events to");
    }
    if plan.rows_per_import == 0 || plan.rows_per_import > 100_000 {
        bail!("rows per import must be 1 to 100,000 (the server takes 10 MB per request)");
    }
    let api = Api {
        client,
        base: &targets[0],
        admin_token,
    };
    let before = api.events_in_log().await?;
    let started = Instant::now();
    let election = format!(
        "bench-events-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis()
            % 1_000_000
    );
    api.define(&election).await?;
    let progress = ProgressBar::new(plan.events);
    progress.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} events ({per_sec}, {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.set_message("importing rolls");
    // The votes' events (a login and a vote each, and the opening) are kept for the end.
    let vote_events = 2 * plan.voters + 1;
    let import_goal = plan.events.saturating_sub(vote_events);
    let mut credentials = Vec::new();
    let mut next_row = 0u64;
    loop {
        let have = api.events_in(&election).await?;
        progress.set_position(have);
        if next_row > 0 {
            let elapsed = started.elapsed().as_secs_f64();
            progress.suspend(|| eprintln!("  {have} events in {election} after {elapsed:.1} s"));
        }
        if have >= import_goal && next_row >= plan.voters {
            break;
        }
        let missing = import_goal.saturating_sub(have).max(1);
        let per_import = plan.rows_per_import + plan.rows_per_import.div_ceil(SERVER_CHUNK_ROWS);
        let imports = missing.div_ceil(per_import);
        let rolls: Vec<(usize, u64)> = (0..imports)
            .map(|i| {
                let first = next_row + i * plan.rows_per_import;
                ((i as usize) % targets.len(), first)
            })
            .collect();
        next_row += imports * plan.rows_per_import;
        let mut answers = stream::iter(rolls)
            .map(|(target, first)| {
                let rows = plan.rows_per_import;
                let (base, election) = (&targets[target], &election);
                async move { import(client, base, admin_token, election, first, rows).await }
            })
            .buffer_unordered(plan.import_concurrency.max(1));
        while let Some(answer) = answers.next().await {
            let roll = answer?;
            progress.inc(roll.created);
            if (credentials.len() as u64) < plan.voters {
                let wanted = plan.voters as usize - credentials.len();
                credentials.extend(
                    roll.voters
                        .into_iter()
                        .filter(|row| !row.credential.is_empty())
                        .map(|row| row.credential)
                        .take(wanted),
                );
            }
        }
    }
    progress.set_message("voting");
    api.start(&election).await?;
    let voted = vote_all(
        client,
        targets,
        &election,
        credentials,
        plan.concurrency,
        &progress,
    )
    .await?;
    progress.finish_and_clear();
    let after = api.events_in_log().await?;
    eprintln!("  {voted} imported voters logged in and voted");
    Ok(Built {
        election,
        before,
        after,
        took: started.elapsed(),
    })
}

/// Logs each credential in and has it vote, `concurrency` at a time over the targets;
/// returns how many votes were accepted.
async fn vote_all(
    client: &reqwest::Client,
    targets: &[String],
    election: &str,
    credentials: Vec<String>,
    concurrency: usize,
    progress: &ProgressBar,
) -> anyhow::Result<u64> {
    let targets = Arc::new(targets.to_vec());
    let outcomes: Vec<anyhow::Result<bool>> = stream::iter(credentials.into_iter().enumerate())
        .map(|(i, credential)| {
            let targets = targets.clone();
            async move {
                let base = &targets[i % targets.len()];
                let api = format!("{base}/api/elections/{election}");
                let login: LoginResponse = client
                    .post(format!("{api}/login"))
                    .json(&json!({ "credential": credential }))
                    .send()
                    .await?
                    .error_for_status()
                    .context("logging an imported voter in")?
                    .json()
                    .await?;
                let (_, _, accepted) =
                    super::vote(client, base, &api, &login.session, (i % 2) + 1, i).await;
                progress.inc(2);
                Ok(accepted)
            }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    let mut accepted = 0;
    for outcome in outcomes {
        accepted += u64::from(outcome?);
    }
    Ok(accepted)
}

/// Imports `rows` voters numbered from `first` (unique emails across the whole build).
async fn import(
    client: &reqwest::Client,
    base: &str,
    admin_token: &str,
    election: &str,
    first: u64,
    rows: u64,
) -> anyhow::Result<RollResponse> {
    let mut csv = String::with_capacity(rows as usize * 48 + 32);
    csv.push_str("name,email\n");
    for row in first..first + rows {
        csv.push_str(&format!("Voter {row},voter{row}@bench.invalid\n"));
    }
    // A retry after a lost answer (a leader change) must carry the same key to get the
    // same credentials and not import twice; the rows' emails make a retry harmless anyway.
    let key = format!("bench-{election}-{first}");
    let mut attempts = 0;
    loop {
        attempts += 1;
        let answer = client
            .post(format!("{base}/api/admin/elections/{election}/voters"))
            .bearer_auth(admin_token)
            .header("content-type", "text/csv")
            .header("idempotency-key", &key)
            .body(csv.clone())
            .send()
            .await;
        match answer {
            Ok(response) if response.status().is_success() => {
                return response.json().await.context("reading an import's answer");
            }
            Ok(response) if response.status() != StatusCode::SERVICE_UNAVAILABLE => {
                let status = response.status();
                bail!(
                    "importing rows {first}.. answered {status}: {}",
                    response.text().await.unwrap_or_default()
                );
            }
            _ if attempts >= 20 => bail!("importing rows {first}.. failed 20 times"),
            _ => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

/// The admin reads and writes the builder needs, on one node.
struct Api<'a> {
    client: &'a reqwest::Client,
    base: &'a str,
    admin_token: &'a str,
}

impl Api<'_> {
    async fn define(&self, election: &str) -> anyhow::Result<()> {
        let definition = json!({
            "id": election, "title": "Events bench",
            "candidates": [{"name": "Yes"}, {"name": "No"}],
            "options": {"login": "credential"},
        });
        let created = self
            .client
            .post(format!("{}/api/admin/elections", self.base))
            .bearer_auth(self.admin_token)
            .json(&definition)
            .send()
            .await?;
        if created.status() != StatusCode::CREATED {
            bail!(
                "defining election {election} answered {}: {}",
                created.status(),
                created.text().await.unwrap_or_default()
            );
        }
        Ok(())
    }

    async fn start(&self, election: &str) -> anyhow::Result<()> {
        self.client
            .post(format!(
                "{}/api/admin/elections/{election}/start",
                self.base
            ))
            .bearer_auth(self.admin_token)
            .send()
            .await?
            .error_for_status()
            .with_context(|| format!("opening election {election}"))?;
        Ok(())
    }

    /// Events in one election's log (its last sequence number) as this node has applied it.
    async fn events_in(&self, election: &str) -> anyhow::Result<u64> {
        let status: AdminStatusResponse = self
            .client
            .get(format!(
                "{}/api/admin/elections/{election}/status",
                self.base
            ))
            .bearer_auth(self.admin_token)
            .send()
            .await?
            .error_for_status()
            .with_context(|| format!("reading the status of election {election}"))?
            .json()
            .await?;
        Ok(status.event_count)
    }

    /// Events in the whole log: every election's, added up.
    async fn events_in_log(&self) -> anyhow::Result<u64> {
        let elections: ElectionsResponse = self
            .client
            .get(format!("{}/api/elections", self.base))
            .send()
            .await?
            .error_for_status()
            .context("listing the elections")?
            .json()
            .await?;
        let mut total = 0;
        for election in elections.elections {
            total += self.events_in(&election.id).await?;
        }
        Ok(total)
    }
}

/// Every event in the log of the cluster `base` belongs to, all elections added up, as `base`
/// has applied it.
pub async fn events_in_log(
    client: &reqwest::Client,
    base: &str,
    admin_token: &str,
) -> anyhow::Result<u64> {
    Api {
        client,
        base,
        admin_token,
    }
    .events_in_log()
    .await
}
