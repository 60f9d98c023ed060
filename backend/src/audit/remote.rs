//! `ballot audit --url URL --election ID`: the audit anyone can run, with no data directory:
//! it downloads every line of the election's public log, recomputes the tree, checks the
//! co-signed checkpoint against it, recounts the ballots against the published result, and
//! checks receipts and an earlier checkpoint if given.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use serde::de::DeserializeOwned;
use shared::checkpoint::{Checkpoint, LogKeys};
use shared::dto::ResultsResponse;
use shared::log::LogEntries;

use super::public::{check_checkpoint, check_lines};

/// Lines fetched per request (the server's maximum).
const PAGE: u64 = 1_000;

async fn get<T: DeserializeOwned>(client: &reqwest::Client, url: String) -> anyhow::Result<T> {
    let response = client
        .get(&url)
        .send()
        .await
        .with_context(|| format!("GET {url}"))?;
    let status = response.status();
    if !status.is_success() {
        bail!(
            "GET {url} answered {status}: {}",
            response.text().await.unwrap_or_default()
        );
    }
    response
        .json()
        .await
        .with_context(|| format!("reading GET {url}"))
}

pub async fn run(
    url: &str,
    election: &str,
    receipts: Option<&Path>,
    since: Option<&Path>,
    tls_ca: Option<&Path>,
    challenge: Option<&Path>,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let base = url.trim_end_matches('/');
    let client = crate::tls::cli_client(reqwest::Client::builder().no_proxy(), tls_ca)?.build()?;
    let keys: LogKeys = get(&client, format!("{base}/api/log/keys")).await?;
    let log = format!("{base}/api/elections/{election}/log");
    let checkpoint: Checkpoint = get(&client, format!("{log}/checkpoint")).await?;
    let size = checkpoint.tree_size;

    let progress = ProgressBar::new(size);
    progress.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} entries ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.set_message("downloading the public log");
    let mut lines = Vec::with_capacity(size as usize);
    while (lines.len() as u64) < size {
        let start = lines.len() as u64;
        let end = (start + PAGE).min(size);
        let page: LogEntries =
            get(&client, format!("{log}/entries?start={start}&end={end}")).await?;
        if page.entries.len() as u64 != end - start {
            bail!(
                "asked for entries {start}..{end}, got {}",
                page.entries.len()
            );
        }
        lines.extend(page.entries);
        progress.set_position(lines.len() as u64);
    }
    progress.finish_and_clear();

    let leaves = check_lines(election, &lines).map_err(anyhow::Error::msg)?;
    let needed = shared::verify::needed_signatures(&keys.keys);
    let signers = check_checkpoint(&checkpoint, &keys.keys, needed, &leaves)
        .map_err(|e| anyhow::anyhow!("the checkpoint does not hold: {e}"))?;
    println!("election: {election}");
    println!("entries: {size}, root {}", checkpoint.root_hash_hex);
    println!(
        "checkpoint signed by members {signers:?} (keys listed: {})",
        keys.keys.len()
    );

    for line in super::check_files(election, &keys.keys, &lines, &leaves, receipts, since)? {
        println!("{line}");
    }

    // A verifiable election: every proof, the tally and its decryption, from the lines alone.
    let parsed: Vec<shared::log::PublicLine> = lines
        .iter()
        .map(|line| serde_json::from_str(line))
        .collect::<Result<_, _>>()
        .context("reading the public log's lines")?;
    if let Some(file) = challenge {
        let view: shared::secrecy::wire::SecrecyView =
            get(&client, format!("{base}/api/elections/{election}/secrecy")).await?;
        for line in super::challenge::check(election, file, &view, &parsed)? {
            println!("{line}");
        }
    }
    if let Some(report) = shared::secrecy::audit::audit_with(election, &parsed, check_in_parallel)
        .map_err(|e| anyhow::anyhow!("secret ballots: {e}"))?
    {
        println!(
            "secret ballots: {} sealed ballots' proofs hold, {} counted; {} trustees (threshold {}), key {}; {} decryptions' proofs hold; tally {}",
            report.ballots_checked,
            report.counted,
            report.trustees,
            report.threshold,
            if report.key_published { "matches their polynomials" } else { "not published yet" },
            report.decryptions_checked,
            match &report.sums {
                Some(_) => "decrypted to the published sums",
                None => "still sealed",
            }
        );
    }

    // The same recount as the audit page's, from `shared`.
    let recount = shared::recount::bulletin_board(election, &lines).map_err(anyhow::Error::msg)?;
    println!("ballots counted: {}", recount.counted);
    if recount.published {
        let results: ResultsResponse =
            get(&client, format!("{base}/api/elections/{election}/results")).await?;
        for count in &results.counts {
            let recounted = recount
                .counts
                .get(&count.candidate_id)
                .copied()
                .unwrap_or(0);
            if recounted != count.votes {
                bail!(
                    "candidate {} ({}): published {}, recounted {recounted}",
                    count.candidate_id,
                    count.name,
                    count.votes
                );
            }
        }
        if results.total_votes != recount.counted {
            bail!(
                "published {} votes, recounted {}",
                results.total_votes,
                recount.counted
            );
        }
        // Every question again by its own method, rounds and draws included.
        let recounted = shared::recount::recount_questions(&recount);
        for (question, agrees) in shared::recount::compare_questions(&results.questions, &recounted)
        {
            if !agrees {
                bail!("question {question}: the published count differs from the recount");
            }
            let winners = recounted
                .iter()
                .find(|q| q.id == question)
                .map(|q| q.winners.clone())
                .unwrap_or_default();
            println!("question {question}: recounted, winners {winners:?}, matches");
        }
        println!("recount matches the published result");
    } else {
        println!("not published yet: counts not compared");
    }
    println!("verdict: ok in {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Checks sealed ballots' proofs on every core: they are independent, and nearly all of an
/// audit's work.
fn check_in_parallel(
    checks: &[shared::secrecy::audit::BallotCheck<'_>],
) -> Vec<Result<(), shared::secrecy::ProofError>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = checks.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = checks
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|c| c.check()).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker.join().unwrap_or_else(|_| {
                    vec![Err(shared::secrecy::ProofError::new(
                        "audit",
                        "a checking thread failed",
                    ))]
                })
            })
            .collect()
    })
}
