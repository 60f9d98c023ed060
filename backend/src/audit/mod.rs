//! `ballot audit --data-dir DIR`: replays a member's event log from its database, checks it is
//! gapless and stamped in Lamport order, and prints the state and result it reproduces, with a
//! SHA-256 digest of the log. Two replicas that agree print the same digest.

use std::collections::BTreeMap;

use anyhow::{bail, Context};
use sha2::{Digest, Sha256};
use shared::results::{decide_outcome, Wording};

use crate::config::AuditArgs;
use crate::domain::Election;
use crate::projections::results::results_view;

mod public;
mod remote;

pub async fn run(args: AuditArgs) -> anyhow::Result<()> {
    if let (Some(url), Some(election)) = (&args.url, &args.election) {
        return remote::run(
            url,
            election,
            args.receipts.as_deref(),
            args.since.as_deref(),
        )
        .await;
    }
    let Some(data_dir) = args.data_dir.as_deref() else {
        bail!("give --data-dir DIR or --url URL --election ID");
    };
    if !data_dir.join("ballot.sqlite3").exists() {
        bail!("no ballot.sqlite3 in {}", data_dir.display());
    }
    let pool = crate::store::open(data_dir)
        .await
        .context("opening the database")?;
    let events = crate::store::all_events(&pool).await?;
    let report = audit(&events, args.election.as_deref())?;
    println!("{report}");
    Ok(())
}

/// Checks and replays a log (every election's events in apply order); returns the printable
/// report: the whole log's digest, then one section per election (or only `only`'s).
pub fn audit(events: &[shared::Event], only: Option<&str>) -> anyhow::Result<String> {
    let mut by_election: BTreeMap<&str, Vec<&shared::Event>> = BTreeMap::new();
    for event in events {
        by_election
            .entry(&event.election_id)
            .or_default()
            .push(event);
    }
    if let Some(only) = only {
        if !by_election.contains_key(only) {
            bail!("the log holds no election {only:?}");
        }
    }
    let mut digest = Sha256::new();
    for event in events {
        digest.update(serde_json::to_vec(event)?);
    }
    let mut sections = vec![format!(
        "events: {}\nlog sha256: {}\nelections: {}",
        events.len(),
        hex::encode(digest.finalize()),
        by_election.len()
    )];
    for (id, log) in by_election {
        if only.is_none_or(|only| only == id) {
            sections.push(audit_election(id, &log)?);
        }
    }
    Ok(sections.join("\n\n"))
}

/// One election's section: its log must be gapless from 1 and stamped in Lamport order.
fn audit_election(id: &str, events: &[&shared::Event]) -> anyhow::Result<String> {
    for (index, event) in events.iter().enumerate() {
        if event.seq != index as u64 + 1 {
            bail!(
                "gap in election {id}'s log: position {} holds seq {}",
                index + 1,
                event.seq
            );
        }
        if index > 0 && event.lamport <= events[index - 1].lamport {
            bail!(
                "Lamport time goes backwards in election {id} at seq {}",
                event.seq
            );
        }
    }
    let election = Election::replay(events.iter().copied());
    let mut digest = Sha256::new();
    for event in events {
        digest.update(serde_json::to_vec(event)?);
    }
    let results = results_view(&election);
    let counts: Vec<String> = election
        .candidate_counts()
        .iter()
        .map(|c| format!("  {:>3}  {} ({})", c.votes, c.name, c.candidate_id))
        .collect();
    Ok(format!(
        "election: {id}\nevents: {}\nelection sha256: {}\nphase: {}\nvoters: {} ({} voted)\nvotes: {}\n{}\noutcome: {}",
        events.len(),
        hex::encode(digest.finalize()),
        election.phase.as_str(),
        election.voters.len(),
        election.voted(),
        results.total_votes,
        counts.join("\n"),
        decide_outcome(&election.candidate_counts()).describe(&[], Wording::Report),
    ))
}
