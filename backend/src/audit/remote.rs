//! `ballot audit --url URL --election ID`: the audit anyone can run, with no data directory:
//! it downloads every line of the election's public log, recomputes the tree, checks the
//! co-signed checkpoint against it, recounts the ballots against the published result, and
//! checks receipts and an earlier checkpoint if given.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use serde::de::DeserializeOwned;
use shared::checkpoint::{Checkpoint, LogKeys, Receipt};
use shared::dto::ResultsResponse;
use shared::log::LogEntries;
use shared::merkle::{self, Hash};

use super::public::{check_checkpoint, check_lines, recount};

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
) -> anyhow::Result<()> {
    let started = Instant::now();
    let base = url.trim_end_matches('/');
    let client = reqwest::Client::builder().no_proxy().build()?;
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
    let needed = keys.keys.len().min(2);
    let signers = check_checkpoint(&checkpoint, &keys.keys, needed, &leaves)
        .map_err(|e| anyhow::anyhow!("the checkpoint does not hold: {e}"))?;
    println!("election: {election}");
    println!("entries: {size}, root {}", checkpoint.root_hash_hex);
    println!(
        "checkpoint signed by members {signers:?} (keys listed: {})",
        keys.keys.len()
    );

    if let Some(path) = since {
        let earlier: Checkpoint = read_json(path)?;
        check_prefix(&earlier, &keys, &leaves)
            .map_err(|e| anyhow::anyhow!("the log does not extend {}: {e}", path.display()))?;
        println!(
            "extends the earlier checkpoint of {} entries",
            earlier.tree_size
        );
    }
    if let Some(path) = receipts {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let mut checked = 0;
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let receipt: Receipt = serde_json::from_str(line)
                .with_context(|| format!("receipt on line {}", number + 1))?;
            check_receipt(&receipt, election, &keys, &lines, &leaves)
                .map_err(|e| anyhow::anyhow!("receipt on line {}: {e}", number + 1))?;
            checked += 1;
        }
        println!("receipts: {checked} included");
    }

    let recount = recount(&lines).map_err(anyhow::Error::msg)?;
    println!("ballots counted: {}", recount.ballots);
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
        if results.total_votes != recount.ballots {
            bail!(
                "published {} votes, recounted {}",
                results.total_votes,
                recount.ballots
            );
        }
        println!("recount matches the published result");
    } else {
        println!("not published yet: counts not compared");
    }
    println!("verdict: ok in {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn read_json<T: DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// An earlier checkpoint is a prefix of this log: signed by a listed key, and the log's first
/// entries hash to its root (the consistency proof, recomputed from every entry).
fn check_prefix(earlier: &Checkpoint, keys: &LogKeys, leaves: &[Hash]) -> Result<(), String> {
    check_checkpoint(earlier, &keys.keys, 1, leaves).map(drop)
}

fn check_receipt(
    receipt: &Receipt,
    election: &str,
    keys: &LogKeys,
    lines: &[String],
    leaves: &[Hash],
) -> Result<(), String> {
    if receipt.election_id != election {
        return Err(format!("for election {:?}", receipt.election_id));
    }
    check_prefix(&receipt.checkpoint, keys, leaves)?;
    let at = receipt.leaf_index as usize;
    let (Some(line), Some(leaf)) = (lines.get(at), leaves.get(at)) else {
        return Err(format!("entry {at} is not in the log"));
    };
    if hex::encode(leaf) != receipt.leaf_hash_hex || !line.contains(&receipt.ballot_id) {
        return Err(format!("entry {at} is not ballot {}", receipt.ballot_id));
    }
    let size = receipt.checkpoint.tree_size as usize;
    let proof = merkle::inclusion_proof(&leaves[..size], at).ok_or("not in its checkpoint")?;
    let root: Hash = hex::decode(&receipt.checkpoint.root_hash_hex)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("a checkpoint root that is not a hash")?;
    match merkle::verify_inclusion(leaf, at as u64, size as u64, &proof, &root) {
        true => Ok(()),
        false => Err("the inclusion proof fails".into()),
    }
}
