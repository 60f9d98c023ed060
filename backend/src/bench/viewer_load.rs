//! `bench-viewers --load-votes-per-sec N`: other voters' votes cast in the background, at a
//! steady rate, while the timed votes are, so that the delay to the last viewer is measured
//! with the node also deciding, committing and fanning out a vote load.
//!
//! Each background vote is what a voter's page does (`GET /api/time`, then the vote), at most
//! `--load-concurrency` at a time; when the node cannot keep up the rate falls, and the report
//! says what was achieved.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::dto::TimeResponse;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

/// What the background load did.
pub struct LoadReport {
    pub cast: usize,
    pub refused: usize,
    pub elapsed: Duration,
    /// Every background voter had voted before the timed votes ended.
    pub ran_out: bool,
}

/// The background load, running until [`Load::stop`].
pub struct Load {
    stop: CancellationToken,
    task: tokio::task::JoinHandle<LoadReport>,
}

impl Load {
    /// Starts casting one vote per session of `sessions` (through `api`, the election's
    /// `/api/elections/ID`; the time from `base`), `per_sec` a second, at most
    /// `concurrency` in flight.
    pub fn start(
        client: reqwest::Client,
        base: String,
        api: String,
        sessions: Vec<String>,
        per_sec: u64,
        concurrency: usize,
    ) -> Load {
        let stop = CancellationToken::new();
        let task = tokio::spawn(cast(
            client,
            base,
            api,
            sessions,
            per_sec.max(1),
            concurrency.max(1),
            stop.clone(),
        ));
        Load { stop, task }
    }

    /// Stops the load (votes in flight finish) and reports it.
    pub async fn stop(self) -> anyhow::Result<LoadReport> {
        self.stop.cancel();
        Ok(self.task.await?)
    }
}

async fn cast(
    client: reqwest::Client,
    base: String,
    api: String,
    sessions: Vec<String>,
    per_sec: u64,
    concurrency: usize,
    stop: CancellationToken,
) -> LoadReport {
    let started = Instant::now();
    let cast = Arc::new(AtomicUsize::new(0));
    let refused = Arc::new(AtomicUsize::new(0));
    let slots = Arc::new(Semaphore::new(concurrency));
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / per_sec as f64));
    // Behind schedule (a full node, a coarse timer): catch up, the rate is what is asked.
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut votes = JoinSet::new();
    let total = sessions.len();
    let mut sessions = sessions.into_iter().enumerate();
    let ran_out = loop {
        tokio::select! {
            _ = stop.cancelled() => break false,
            _ = ticks.tick() => {}
        }
        let permit = tokio::select! {
            _ = stop.cancelled() => break false,
            permit = slots.clone().acquire_owned() => permit.expect("never closed"),
        };
        let Some((i, session)) = sessions.next() else {
            break true;
        };
        let (client, base, api) = (client.clone(), base.clone(), api.clone());
        let (cast, refused) = (cast.clone(), refused.clone());
        votes.spawn(async move {
            let counter = match vote(&client, &base, &api, &session, i).await {
                Ok(true) => &cast,
                _ => &refused,
            };
            counter.fetch_add(1, Ordering::Relaxed);
            drop(permit);
        });
        // Finished votes are forgotten as they go, so the set stays small.
        while votes.try_join_next().is_some() {}
    };
    let elapsed = started.elapsed();
    while votes.join_next().await.is_some() {}
    if ran_out {
        eprintln!("the background load ran out of voters ({total}): raise --load-voters");
    }
    LoadReport {
        cast: cast.load(Ordering::Relaxed),
        refused: refused.load(Ordering::Relaxed),
        elapsed,
        ran_out,
    }
}

/// One background vote; `Ok(true)` when accepted.
async fn vote(
    client: &reqwest::Client,
    base: &str,
    api: &str,
    session: &str,
    i: usize,
) -> anyhow::Result<bool> {
    let time: TimeResponse = client
        .get(format!("{base}/api/time"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let response = client
        .post(format!("{api}/vote"))
        .json(&serde_json::json!({
            "session": session, "candidate_id": (i % 3) + 1,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms,
        }))
        .send()
        .await?;
    Ok(response.status().is_success())
}
