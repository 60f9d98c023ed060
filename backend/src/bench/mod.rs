//! `ballot bench`: a load generator against running nodes. It registers and logs in voters,
//! opens the election, then has them all vote with a given concurrency and prints figures;
//! then it times a roll import of `--import-voters` voters into a new election ([`import`]).
//! Figures are printed, never asserted: speed targets live here, not in tests.
//!
//! - [`events`]: `ballot bench --events N`, a log of at least N more events built through the
//!   API as fast as it allows (rolls imported in bulk, then votes).
//! - [`catchup`]: `ballot bench-catchup`, a replica wiped on a long log: time to catch up and
//!   the peak memory of the leader sending and the replica installing.
//! - [`failover`]: `ballot bench-failover`, write unavailability across leader kills.
//! - [`mail`]: `ballot bench-mail`, a roll of voters mailed invitations through three
//!   replicas: time from the request to the last outcome in the log.
//! - [`count`]: `ballot bench-count`, the counting rules alone (IRV and STV over random
//!   rankings).
//! - [`questions`]: `ballot bench --questions N`, the same vote load on a ballot of N
//!   questions.
//! - [`viewers`]: `ballot bench-viewers`, thousands of tally viewers of one node: push delay
//!   and memory per viewer ([`process`] finds the node's process and reads its memory,
//!   [`deliveries`] counts which viewer saw which vote).

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use futures_util::stream::{self, StreamExt};
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{LoginResponse, RegisterResponse, TimeResponse, VoteResponse};
use shared::Phase;

use crate::config::BenchArgs;

pub mod catchup;
pub mod count;
mod deliveries;
pub mod events;
pub mod failover;
mod import;
pub mod mail;
mod process;
mod questions;
pub mod secrecy;
mod viewer_load;
pub mod viewers;

/// Runs the load; `args` must have been through [`BenchToken::resolve_secrets`](crate::config::BenchToken::resolve_secrets).
pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let admin_token = args
        .token
        .admin_token
        .clone()
        .context("--admin-token or --admin-token-file is required")?;
    if let Some(events) = args.events {
        return events::run(args, events, admin_token).await;
    }
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.concurrency)
        .build()?;
    let targets = Arc::new(args.targets.clone());
    let admin = |path: &str| {
        client
            .post(format!("{}{path}", targets[0]))
            .bearer_auth(&admin_token)
    };
    // The default election, which must still be in setup, or a new one of N questions.
    let election = if args.questions > 0 {
        Some(questions::create(&client, &targets[0], &admin_token, args.questions).await?)
    } else {
        let results = fetch_results(&client, &targets[0]).await?;
        if results.phase != Phase::Setup {
            bail!(
                "the election is {:?}; bench needs a fresh one in setup (e.g. an empty --data-dir)",
                results.phase
            );
        }
        None
    };
    let api = {
        let election = election.clone();
        move |base: &str| match &election {
            Some(id) => format!("{base}/api/elections/{id}"),
            None => format!("{base}/api"),
        }
    };
    let run_id = std::process::id();
    println!(
        "registering and logging in {} voters on {} node(s)…",
        args.voters,
        targets.len()
    );
    let setup_started = Instant::now();
    let sessions: Vec<String> = stream::iter(0..args.voters)
        .map(|i| {
            let (client, targets, api) = (client.clone(), targets.clone(), api.clone());
            async move {
                let base = &targets[i % targets.len()];
                let name = format!("bench-{run_id}-{i}");
                register_and_login(&client, &api(base), &name).await
            }
        })
        .buffer_unordered(args.concurrency)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()
        .context("registering voters")?;
    let setup = setup_started.elapsed();
    println!(
        "  {} register+login pairs in {:.2} s ({:.0} writes/s)",
        sessions.len(),
        setup.as_secs_f64(),
        2.0 * sessions.len() as f64 / setup.as_secs_f64()
    );
    let start = match &election {
        Some(id) => format!("/api/admin/elections/{id}/start"),
        None => "/api/admin/start".to_string(),
    };
    admin(&start)
        .send()
        .await?
        .error_for_status()
        .context("starting the election")?;

    let started = Instant::now();
    let outcomes: Vec<(Duration, u32)> = stream::iter(sessions.into_iter().enumerate())
        .map(|(i, session)| {
            let (client, targets, api) = (client.clone(), targets.clone(), api.clone());
            let ballot = match args.questions {
                0 => json!({ "candidate_id": (i % 10) + 1 }),
                n => json!({ "answers": questions::answers(n, i) }),
            };
            async move {
                let base = &targets[i % targets.len()];
                let (took, retries, _) =
                    vote(&client, base, &api(base), &session, &ballot, i).await;
                (took, retries)
            }
        })
        .buffer_unordered(args.concurrency)
        .collect()
        .await;
    let elapsed = started.elapsed();
    let mut latencies: Vec<Duration> = outcomes.iter().map(|(d, _)| *d).collect();
    latencies.sort();
    let retries: u32 = outcomes.iter().map(|(_, r)| r).sum();
    let percentile = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p) as usize];
    println!(
        "voting: {} votes, concurrency {}, {:.2} s",
        latencies.len(),
        args.concurrency,
        elapsed.as_secs_f64()
    );
    println!(
        "  throughput: {:.0} votes/s",
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  latency p50 {:?}  p95 {:?}  p99 {:?}  max {:?}",
        percentile(0.5),
        percentile(0.95),
        percentile(0.99),
        percentile(1.0)
    );
    println!("  retries after 503 (queue full or leader change): {retries}");
    let results = match &election {
        Some(id) => {
            fetch_json(
                &client,
                &format!("{}/api/elections/{id}/results", targets[0]),
            )
            .await?
        }
        None => fetch_results(&client, &targets[0]).await?,
    };
    println!("  total votes counted: {}", results.total_votes);
    if args.import_voters > 0 {
        import::run(&client, &targets[0], &admin_token, args.import_voters).await?;
    }
    Ok(())
}

/// Casts one vote through `api` (`{base}/api`, or `{base}/api/elections/{id}`), retrying on
/// 503; returns its latency, how many retries it took and whether it was accepted.
async fn vote(
    client: &reqwest::Client,
    base: &str,
    api: &str,
    session: &str,
    ballot: &serde_json::Value,
    i: usize,
) -> (Duration, u32, bool) {
    let started = Instant::now();
    let mut retries = 0;
    loop {
        let time: Option<TimeResponse> = match client.get(format!("{base}/api/time")).send().await {
            Ok(response) => response.json().await.ok(),
            Err(_) => None,
        };
        let Some(time) = time else {
            retries += 1;
            continue;
        };
        let mut body = json!({
            "session": session,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms,
        });
        for (key, value) in ballot.as_object().into_iter().flatten() {
            body[key] = value.clone();
        }
        match client.post(format!("{api}/vote")).json(&body).send().await {
            Ok(response) if response.status() == StatusCode::SERVICE_UNAVAILABLE => {
                retries += 1;
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            Ok(response) => {
                if !response.status().is_success() {
                    eprintln!(
                        "vote {i} refused: {}",
                        response.text().await.unwrap_or_default()
                    );
                    return (started.elapsed(), retries, false);
                }
                let receipt: Option<VoteResponse> = response.json().await.ok();
                let accepted = receipt.is_some_and(|r| r.accepted);
                return (started.elapsed(), retries, accepted);
            }
            Err(_) => retries += 1,
        }
    }
}

/// `GET /api/results` of one node.
async fn fetch_results(
    client: &reqwest::Client,
    base: &str,
) -> anyhow::Result<shared::dto::ResultsResponse> {
    fetch_json(client, &format!("{base}/api/results")).await
}

async fn fetch_json<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> anyhow::Result<T> {
    Ok(client.get(url).send().await?.json().await?)
}

/// Registers `name` through `api` (`{base}/api`, or `{base}/api/elections/{id}`) and logs the
/// new voter in; returns the session.
pub(crate) async fn register_and_login(
    client: &reqwest::Client,
    api: &str,
    name: &str,
) -> anyhow::Result<String> {
    let voter: RegisterResponse = client
        .post(format!("{api}/register"))
        .json(&serde_json::json!({ "name": name }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let login: LoginResponse = client
        .post(format!("{api}/login"))
        .json(&serde_json::json!({ "name": name, "voter_id": voter.voter_id }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(login.session)
}
