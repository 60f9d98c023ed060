//! The roll-import part of `ballot bench`: a fresh election, then one request importing
//! `--import-voters` voters as CSV (100,000 by default, about 5 MB), timed from send to answer
//! (every credential derived, the whole roll committed on a majority and applied).

use std::time::Instant;

use anyhow::{bail, Context};
use reqwest::StatusCode;
use serde_json::json;
use shared::elections::RollResponse;

/// Defines a fresh election on `base` and imports `voters` voters into it in one request;
/// prints the time taken.
pub async fn run(
    client: &reqwest::Client,
    base: &str,
    admin_token: &str,
    voters: usize,
) -> anyhow::Result<()> {
    let id = format!("bench-roll-{}", std::process::id());
    let definition = json!({
        "id": id, "title": "Roll import bench",
        "candidates": [{"name": "Yes"}, {"name": "No"}],
    });
    let created = client
        .post(format!("{base}/api/admin/elections"))
        .bearer_auth(admin_token)
        .json(&definition)
        .send()
        .await?;
    if created.status() != StatusCode::CREATED {
        bail!("defining the bench election answered {}", created.status());
    }
    let mut csv = String::from("name,email,external_id\n");
    for i in 0..voters {
        csv.push_str(&format!("Voter {i},voter{i}@example.org,EMP-{i:06}\n"));
    }
    let bytes = csv.len();
    println!(
        "importing a roll of {voters} voters ({:.1} MB of CSV) in one request…",
        bytes as f64 / 1e6
    );
    let started = Instant::now();
    let answer = client
        .post(format!("{base}/api/admin/elections/{id}/voters"))
        .bearer_auth(admin_token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await?
        .error_for_status()
        .context("importing the roll")?;
    let roll: RollResponse = answer.json().await?;
    let took = started.elapsed();
    println!(
        "  roll import: {} created, {} skipped in {:.2} s ({:.0} voters/s)",
        roll.created,
        roll.skipped,
        took.as_secs_f64(),
        roll.created as f64 / took.as_secs_f64()
    );
    Ok(())
}
