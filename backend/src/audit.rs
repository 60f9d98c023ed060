//! `ballot audit --data-dir DIR`: replays a member's event log from its database, checks it is
//! gapless and stamped in Lamport order, and prints the state and result it reproduces, with a
//! SHA-256 digest of the log. Two replicas that agree print the same digest.

use anyhow::{bail, Context};
use sha2::{Digest, Sha256};
use shared::results::{decide_outcome, Wording};

use crate::config::AuditArgs;
use crate::domain::Election;
use crate::projections::results::results_view;

pub async fn run(args: AuditArgs) -> anyhow::Result<()> {
    if !args.data_dir.join("ballot.sqlite3").exists() {
        bail!("no ballot.sqlite3 in {}", args.data_dir.display());
    }
    let pool = crate::store::open(&args.data_dir)
        .await
        .context("opening the database")?;
    let events = crate::store::all_events(&pool).await?;
    let report = audit(&events)?;
    println!("{report}");
    Ok(())
}

/// Checks and replays a log; returns the printable report.
pub fn audit(events: &[shared::Event]) -> anyhow::Result<String> {
    for (index, event) in events.iter().enumerate() {
        if event.seq != index as u64 + 1 {
            bail!(
                "gap in the log: position {} holds seq {}",
                index + 1,
                event.seq
            );
        }
        if index > 0 && event.lamport <= events[index - 1].lamport {
            bail!("Lamport time goes backwards at seq {}", event.seq);
        }
    }
    let election = Election::replay(events);
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
        "events: {}\nlog sha256: {}\nphase: {}\nvoters: {} ({} voted)\nvotes: {}\n{}\noutcome: {}",
        events.len(),
        hex::encode(digest.finalize()),
        election.phase.as_str(),
        election.voters.len(),
        election
            .voters
            .values()
            .filter(|v| v.vote_seq.is_some())
            .count(),
        results.total_votes,
        counts.join("\n"),
        decide_outcome(&election.candidate_counts()).describe(&[], Wording::Report),
    ))
}
