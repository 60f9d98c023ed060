//! `ballot bench-viewers`: thousands of live tally screens on one node.
//!
//! It registers and logs in `--votes` voters first (so their registrations are not part of
//! what the viewers see), reads the node's memory, opens `--viewers` WebSockets on
//! `/ws?election=ID` and waits until every one was greeted, reads the memory again once they
//! are idle, then opens the election and casts the votes one at a time. For each vote it
//! times the delay from the vote's answer (its commit) to the moment the *last* viewer
//! received a tally that includes it (its `as_of_seq` at or past the vote's event), and prints
//! the percentiles. With `--load-votes-per-sec` other voters vote in the background meanwhile
//! ([`super::viewer_load`]).
//!
//! Loopback clients are exempt from `--max-ws-per-address` by default (`--rate-limit-exempt`
//! covers loopback), so every viewer connects from 127.0.0.1; a node started with an empty
//! `--rate-limit-exempt` needs `--max-ws-per-address` at least `--viewers`.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use futures_util::stream::{self, StreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Deserialize;
use shared::dto::{ResultsResponse, TimeResponse, VoteResponse};
use shared::Phase;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;

use super::deliveries::Deliveries;
use super::process;
use super::viewer_load::{Load, LoadReport};
use crate::config::BenchViewersArgs;

/// How long connecting every viewer may take.
const CONNECT_DEADLINE: Duration = Duration::from_secs(300);
/// How long the last viewer may take to see the last vote before the bench gives up on it.
const DELIVERY_DEADLINE: Duration = Duration::from_secs(30);
/// Time for the node to finish the greetings and free their buffers before "idle" memory
/// is read (not a synchronisation: every viewer has already been greeted).
const SETTLE: Duration = Duration::from_secs(2);
/// How often the bench looks at its counters while it waits.
const POLL: Duration = Duration::from_millis(5);

/// Just what the bench reads of a push: its type, and the last event a tally shows.
#[derive(Deserialize)]
struct Peek<'a> {
    #[serde(rename = "type", borrow)]
    kind: &'a str,
    results: Option<AsOf>,
}

#[derive(Deserialize)]
struct AsOf {
    as_of_seq: u64,
}

pub async fn run(args: BenchViewersArgs) -> anyhow::Result<()> {
    let admin_token = args
        .token
        .admin_token
        .clone()
        .context("--admin-token or --admin-token-file is required")?;
    process::raise_open_file_limit();
    let base = args.target.trim_end_matches('/').to_string();
    let port = reqwest::Url::parse(&base)
        .context("--target is not a URL")?
        .port_or_known_default()
        .context("--target has no port")?;
    let pid = match args.server_pid {
        Some(pid) => pid,
        None => process::pid_listening_on(port)?,
    };
    eprintln!("the node is process {pid}");
    let client = reqwest::Client::new();
    let id = &args.election;
    let results: ResultsResponse =
        get_json(&client, &format!("{base}/api/elections/{id}/results")).await?;
    if results.phase != Phase::Setup {
        bail!(
            "election {id} is {:?}; bench-viewers needs one in setup (e.g. a fresh --data-dir)",
            results.phase
        );
    }
    let sessions = log_in_voters(&client, &base, id, args.votes, "viewers").await?;
    let load_sessions = match args.load_votes_per_sec {
        0 => vec![],
        _ => log_in_voters(&client, &base, id, args.load_voters, "load").await?,
    };

    let rss_before = process::resident_bytes(pid)?;
    let deliveries = Arc::new(Deliveries::new(args.viewers));
    let mut viewers = open_viewers(&args, &base, &deliveries).await?;
    tokio::time::sleep(SETTLE).await;
    let rss_idle = process::resident_bytes(pid)?;
    let per_viewer = rss_idle.saturating_sub(rss_before) as f64 / args.viewers.max(1) as f64;
    println!(
        "memory: node RSS {:.1} MB before, {:.1} MB with {} idle viewers: {:.1} KB per viewer",
        rss_before as f64 / 1e6,
        rss_idle as f64 / 1e6,
        args.viewers,
        per_viewer / 1024.0
    );

    client
        .post(format!("{base}/api/admin/elections/{id}/start"))
        .bearer_auth(&admin_token)
        .send()
        .await?
        .error_for_status()
        .context("opening the election")?;
    let load = (args.load_votes_per_sec > 0).then(|| {
        Load::start(
            client.clone(),
            base.clone(),
            format!("{base}/api/elections/{id}"),
            load_sessions,
            args.load_votes_per_sec,
            args.load_concurrency,
        )
    });
    let answered = cast_votes(&client, &base, id, &sessions, &deliveries, args.interval_ms).await?;
    let load = match load {
        Some(load) => Some(load.stop().await?),
        None => None,
    };
    let last_seen = wait_for_delivery(&deliveries, &answered).await;
    report(
        &deliveries,
        &answered,
        last_seen,
        load.as_ref(),
        args.load_votes_per_sec,
    );
    viewers.shutdown().await;
    Ok(())
}

/// Opens the viewers, at most `--connect-concurrency` handshakes at a time, and returns once
/// every one has its `hello` (or fails on the first that could not connect).
async fn open_viewers(
    args: &BenchViewersArgs,
    base: &str,
    deliveries: &Arc<Deliveries>,
) -> anyhow::Result<JoinSet<()>> {
    let url = format!(
        "{}/ws?election={}",
        base.replacen("http", "ws", 1),
        args.election
    );
    let progress = ProgressBar::new(args.viewers as u64);
    progress.set_style(ProgressStyle::with_template(
        "{bar:40} {pos}/{len} viewers greeted ({elapsed})",
    )?);
    let handshakes = Arc::new(Semaphore::new(args.connect_concurrency.max(1)));
    let mut viewers = JoinSet::new();
    for viewer in 0..args.viewers {
        viewers.spawn(watch(
            viewer,
            url.clone(),
            deliveries.clone(),
            handshakes.clone(),
            progress.clone(),
        ));
    }
    let deadline = Instant::now() + CONNECT_DEADLINE;
    while deliveries.greeted.load(Ordering::Acquire) < args.viewers {
        if let Some(failure) = deliveries.failure() {
            progress.abandon();
            bail!("a viewer could not connect: {failure}");
        }
        if Instant::now() > deadline {
            bail!("the viewers were not all greeted within {CONNECT_DEADLINE:?}");
        }
        tokio::time::sleep(POLL).await;
    }
    progress.finish();
    Ok(viewers)
}

/// One viewer: connects, counts its greeting, then notes every tally's `as_of_seq`.
async fn watch(
    viewer: usize,
    url: String,
    deliveries: Arc<Deliveries>,
    handshakes: Arc<Semaphore>,
    progress: ProgressBar,
) {
    let Ok(permit) = handshakes.acquire_owned().await else {
        return;
    };
    let mut socket = match tokio_tungstenite::connect_async(&url).await {
        Ok((socket, _)) => socket,
        Err(error) => return deliveries.fail(error.to_string()),
    };
    let mut permit = Some(permit);
    while let Some(frame) = socket.next().await {
        let text = match frame {
            Ok(Message::Text(text)) => text,
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => continue,
        };
        let Ok(push) = serde_json::from_str::<Peek>(text.as_str()) else {
            continue;
        };
        match (push.kind, push.results) {
            ("hello", _) if permit.is_some() => {
                permit = None;
                deliveries.greeted.fetch_add(1, Ordering::AcqRel);
                progress.inc(1);
            }
            ("tally", Some(tally)) => deliveries.seen(viewer, tally.as_of_seq),
            _ => {}
        }
    }
    // Closed by the node (4008 for a slow reader) or by the bench at the end.
    deliveries.closed.fetch_add(1, Ordering::AcqRel);
}

/// Registers and logs in `count` voters of election `id` named after `what`; returns their
/// sessions.
async fn log_in_voters(
    client: &reqwest::Client,
    base: &str,
    id: &str,
    count: usize,
    what: &str,
) -> anyhow::Result<Vec<String>> {
    eprintln!("registering and logging in {count} {what} voters…");
    let run_id = std::process::id();
    stream::iter(0..count)
        .map(|i| async move {
            let name = format!("{what}-{run_id}-{i}");
            super::register_and_login(client, &format!("{base}/api/elections/{id}"), &name).await
        })
        .buffered(32)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()
        .context("registering voters")
}

/// Casts one vote per session, one at a time with `interval_ms` between them; returns each
/// vote's event seq and when it was answered (ns since the bench's start).
async fn cast_votes(
    client: &reqwest::Client,
    base: &str,
    id: &str,
    sessions: &[String],
    deliveries: &Deliveries,
    interval_ms: u64,
) -> anyhow::Result<Vec<(u64, u64)>> {
    let progress = ProgressBar::new(sessions.len() as u64);
    progress.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} votes")?);
    let mut answered = Vec::with_capacity(sessions.len());
    let run_id = std::process::id();
    for (i, session) in sessions.iter().enumerate() {
        // A vote the node could not commit in time (503, under load) is retried with the same
        // key, so it is cast once; its delay counts from the answer that accepted it.
        let key = format!("bench-viewers-{run_id}-{i}");
        let mut attempts = 0;
        // The same body each time: a retry must match the first request's fingerprint.
        let time: TimeResponse = get_json(client, &format!("{base}/api/time")).await?;
        let (response, at) = loop {
            let response = client
                .post(format!("{base}/api/elections/{id}/vote"))
                .header("Idempotency-Key", &key)
                .json(&serde_json::json!({
                    "session": session, "candidate_id": (i % 2) + 1,
                    "lamport": time.lamport, "click_time_ms": time.server_time_ms,
                }))
                .send()
                .await?;
            let at = deliveries.now_ns();
            attempts += 1;
            if response.status() == reqwest::StatusCode::SERVICE_UNAVAILABLE && attempts < 10 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
            break (response, at);
        };
        if !response.status().is_success() {
            bail!(
                "vote {i} refused: {}",
                response.text().await.unwrap_or_default()
            );
        }
        let vote: VoteResponse = response.json().await?;
        answered.push((vote.seq, at));
        progress.inc(1);
        if interval_ms > 0 {
            tokio::time::sleep(Duration::from_millis(interval_ms)).await;
        }
    }
    progress.finish();
    Ok(answered)
}

/// Waits until every timed vote reached every viewer, or [`DELIVERY_DEADLINE`]; says which.
async fn wait_for_delivery(deliveries: &Deliveries, answered: &[(u64, u64)]) -> bool {
    let Some(last) = answered.iter().map(|(seq, _)| *seq).max() else {
        return true;
    };
    let deadline = Instant::now() + DELIVERY_DEADLINE;
    while Instant::now() < deadline {
        if deliveries.all_reached(last) {
            return true;
        }
        tokio::time::sleep(POLL).await;
    }
    false
}

fn report(
    deliveries: &Deliveries,
    answered: &[(u64, u64)],
    last_seen: bool,
    load: Option<&LoadReport>,
    asked_per_sec: u64,
) {
    if let Some(load) = load {
        println!(
            "background load: {} votes accepted ({} refused or failed) in {:.1} s: {:.0} votes/s \
             of {asked_per_sec} asked{}",
            load.cast,
            load.refused,
            load.elapsed.as_secs_f64(),
            load.cast as f64 / load.elapsed.as_secs_f64().max(1e-9),
            if load.ran_out {
                " (ran out of voters)"
            } else {
                ""
            }
        );
    }
    let mut delays: Vec<Duration> = answered
        .iter()
        .filter_map(|(seq, answered)| {
            let reached = deliveries.reached_ns(*seq)?;
            // A tally can overtake the vote's own answer: no delay then.
            Some(Duration::from_nanos(reached.saturating_sub(*answered)))
        })
        .collect();
    delays.sort();
    let closed = deliveries.closed.load(Ordering::Acquire);
    println!(
        "delivery: {} of {} votes reached all viewers{}; {closed} viewers were closed by the node",
        delays.len(),
        answered.len(),
        if last_seen { "" } else { " (gave up waiting)" }
    );
    if delays.is_empty() {
        return;
    }
    let percentile = |p: f64| delays[((delays.len() as f64 - 1.0) * p) as usize];
    println!(
        "  from a vote's answer to its tally at the last viewer: p50 {:?}  p99 {:?}  max {:?}",
        percentile(0.5),
        percentile(0.99),
        percentile(1.0)
    );
}

/// `GET` a JSON answer.
async fn get_json<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> anyhow::Result<T> {
    Ok(client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?)
}
