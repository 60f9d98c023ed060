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
/// How long a write or read is retried, over every target in turn, before the build gives up
/// (a member restarting on a long log takes a while to answer again).
const RETRY_FOR: Duration = Duration::from_secs(120);
/// How often a line of progress goes to stderr (the bar is drawn only on a terminal).
const REPORT_EVERY: Duration = Duration::from_secs(5);

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
pub async fn run(args: BenchArgs, events: u64, admin_token: String) -> anyhow::Result<()> {
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
/// one that answers serves the reads) and returns what it did.
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
        targets,
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
    let vote_events = plan.voters.saturating_mul(2).saturating_add(1);
    let import_goal = plan.events.saturating_sub(vote_events);
    let mut credentials = Vec::new();
    let mut next_row = 0u64;
    let mut last_report = Instant::now();
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
                let first = next_row.saturating_add(i.saturating_mul(plan.rows_per_import));
                ((i as usize) % targets.len(), first)
            })
            .collect();
        next_row = next_row.saturating_add(imports.saturating_mul(plan.rows_per_import));
        let mut answers = stream::iter(rolls)
            .map(|(at, first)| {
                let (rows, election) = (plan.rows_per_import, &election);
                async move { import(client, targets, at, admin_token, election, first, rows).await }
            })
            .buffer_unordered(plan.import_concurrency.max(1));
        while let Some(answer) = answers.next().await {
            let roll = answer?;
            progress.inc(roll.created);
            if last_report.elapsed() >= REPORT_EVERY {
                last_report = Instant::now();
                let (position, elapsed) = (progress.position(), started.elapsed().as_secs_f64());
                progress.suspend(|| {
                    eprintln!(
                        "  about {position} events in {election} after {elapsed:.1} s ({:.0}/s)",
                        position as f64 / elapsed.max(1e-9)
                    )
                });
            }
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
                let (base, session) = login(client, &targets, i, election, &credential).await?;
                let api = format!("{base}/api/elections/{election}");
                let (_, _, accepted) = super::vote(
                    client,
                    base,
                    &api,
                    &session,
                    &serde_json::json!({ "candidate_id": (i % 2) + 1 }),
                    i,
                )
                .await;
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

/// Logs an imported voter in through `targets[at]`, or the next target that answers; returns
/// that target and the session.
async fn login<'t>(
    client: &reqwest::Client,
    targets: &'t [String],
    at: usize,
    election: &str,
    credential: &str,
) -> anyhow::Result<(&'t str, String)> {
    let (base, response) = send_to_any(targets, at, "logging an imported voter in", |base| {
        client
            .post(format!("{base}/api/elections/{election}/login"))
            .json(&json!({ "credential": credential }))
    })
    .await?;
    let login: LoginResponse = response.json().await?;
    Ok((base, login.session))
}

/// Imports `rows` voters numbered from `first` (unique emails across the whole build) through
/// `targets[at]`, moving on to the next target when one does not answer.
async fn import(
    client: &reqwest::Client,
    targets: &[String],
    at: usize,
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
    let what = format!("importing rows {first}..");
    let (_, response) = send_to_any(targets, at, &what, |base| {
        client
            .post(format!("{base}/api/admin/elections/{election}/voters"))
            .bearer_auth(admin_token)
            .header("content-type", "text/csv")
            .header("idempotency-key", &key)
            .body(csv.clone())
    })
    .await?;
    response.json().await.context("reading an import's answer")
}

/// Sends `request(base)` to `targets[at]`, then to the next target and so on, until one answers
/// other than 503, for [`RETRY_FOR`] (a member may be restarting, or between leaders). Returns
/// the target and its answer if it is a success; any other answer is an error.
async fn send_to_any<'t>(
    targets: &'t [String],
    at: usize,
    what: &str,
    request: impl Fn(&str) -> reqwest::RequestBuilder,
) -> anyhow::Result<(&'t str, reqwest::Response)> {
    if targets.is_empty() {
        bail!("{what}: no target to send to");
    }
    let give_up = Instant::now() + RETRY_FOR;
    let mut attempt = at;
    loop {
        let base = &targets[attempt % targets.len()];
        let failure = match request(base).send().await {
            Ok(response) if response.status().is_success() => return Ok((base, response)),
            Ok(response) if response.status() != StatusCode::SERVICE_UNAVAILABLE => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                bail!("{what}: {base} answered {status}: {text}");
            }
            Ok(response) => format!("{base} answered {}", response.status()),
            Err(error) => format!("{base}: {error}"),
        };
        if Instant::now() > give_up {
            bail!(
                "{what}: no answer for {} s; last: {failure}",
                RETRY_FOR.as_secs()
            );
        }
        // Pacing between tries, bounded by the deadline above; not a synchronisation.
        tokio::time::sleep(Duration::from_millis(250)).await;
        attempt = attempt.wrapping_add(1);
    }
}

/// The admin reads and writes the builder needs, each sent to the targets in turn until one
/// answers.
struct Api<'a> {
    client: &'a reqwest::Client,
    targets: &'a [String],
    admin_token: &'a str,
}

impl Api<'_> {
    /// [`send_to_any`] with the admin token, from the first target.
    async fn send(
        &self,
        what: &str,
        request: impl Fn(&str) -> reqwest::RequestBuilder,
    ) -> anyhow::Result<reqwest::Response> {
        let (_, response) = send_to_any(self.targets, 0, what, |base| {
            request(base).bearer_auth(self.admin_token)
        })
        .await?;
        Ok(response)
    }

    async fn define(&self, election: &str) -> anyhow::Result<()> {
        let definition = json!({
            "id": election, "title": "Events bench",
            "candidates": [{"name": "Yes"}, {"name": "No"}],
            "options": {"login": "credential"},
        });
        let key = format!("bench-define-{election}");
        self.send(&format!("defining election {election}"), |base| {
            let request = self.client.post(format!("{base}/api/admin/elections"));
            request.header("idempotency-key", &key).json(&definition)
        })
        .await?;
        Ok(())
    }

    async fn start(&self, election: &str) -> anyhow::Result<()> {
        let key = format!("bench-start-{election}");
        self.send(&format!("opening election {election}"), |base| {
            let request = self
                .client
                .post(format!("{base}/api/admin/elections/{election}/start"));
            request.header("idempotency-key", &key)
        })
        .await?;
        Ok(())
    }

    /// Events in one election's log (its last sequence number) as the answering node has
    /// applied it.
    async fn events_in(&self, election: &str) -> anyhow::Result<u64> {
        let what = format!("reading the status of election {election}");
        let status: AdminStatusResponse = self
            .send(&what, |base| {
                let url = format!("{base}/api/admin/elections/{election}/status");
                self.client.get(url)
            })
            .await?
            .json()
            .await?;
        Ok(status.event_count)
    }

    /// Events in the whole log: every election's, added up.
    async fn events_in_log(&self) -> anyhow::Result<u64> {
        let elections: ElectionsResponse = self
            .send("listing the elections", |base| {
                self.client.get(format!("{base}/api/elections"))
            })
            .await?
            .json()
            .await?;
        let mut total = 0;
        for election in elections.elections {
            total += self.events_in(&election.id).await?;
        }
        Ok(total)
    }
}

/// Every event in the log of the cluster behind `targets`, all elections added up, as the
/// first target that answers has applied it.
pub async fn events_in_log(
    client: &reqwest::Client,
    targets: &[String],
    admin_token: &str,
) -> anyhow::Result<u64> {
    Api {
        client,
        targets,
        admin_token,
    }
    .events_in_log()
    .await
}
