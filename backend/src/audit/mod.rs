//! `ballot audit --data-dir DIR`: replays a member's event log from its database, checks it is
//! gapless and stamped in Lamport order, and prints the state and result it reproduces, with a
//! SHA-256 digest of the log. Two replicas that agree print the same digest.

use anyhow::{bail, Context};

use shared::results::{decide_outcome, Wording};

use std::path::Path;

use shared::checkpoint::{Checkpoint, LogKey, Receipt};
use shared::merkle::Hash;

use crate::config::AuditArgs;
use crate::domain::Election;
use crate::projections::results::results_view;

mod challenge;
mod public;
mod remote;
mod replay;
mod signed;

pub async fn run(args: AuditArgs) -> anyhow::Result<()> {
    if let (Some(url), Some(election)) = (&args.url, &args.election) {
        return remote::run(
            url,
            election,
            args.receipts.as_deref(),
            args.since.as_deref(),
            args.tls_ca.as_deref(),
            args.challenge.as_deref(),
        )
        .await;
    }
    let Some(data_dir) = args.data_dir.as_deref() else {
        bail!("give --data-dir DIR or --url URL --election ID");
    };
    let report = audit_dir(
        data_dir,
        args.election.as_deref(),
        args.receipts.as_deref(),
        args.since.as_deref(),
    )
    .await?;
    println!("{report}");
    Ok(())
}

/// `ballot audit --data-dir`: the public logs against what this member signed, then the
/// private log's replay. Returns the printable report; `Err` names the first bad entry.
pub async fn audit_dir(
    data_dir: &Path,
    only: Option<&str>,
    receipts: Option<&Path>,
    since: Option<&Path>,
) -> anyhow::Result<String> {
    if !data_dir.join("ballot.sqlite3").exists() {
        bail!("no ballot.sqlite3 in {}", data_dir.display());
    }
    let pool = crate::store::open(data_dir)
        .await
        .context("opening the database")?;
    let replayed = replay::Replayed::from_pool(&pool).await?;
    let elections = &replayed.elections;
    // The public log first: it names the first entry that differs from what was signed.
    let keys = crate::store::checkpoints::keys(&pool).await?;
    let mut sections = vec![];
    for (id, election) in elections.iter() {
        if only.is_some_and(|only| only != id) {
            continue;
        }
        let mut lines = audit_signed(&pool, id, election, &keys)
            .await
            .with_context(|| format!("election {id}'s public log"))?;
        // The replay derived the lines and their leaves; nothing to recompute.
        let leaves = election.public.tree.leaves();
        lines.extend(check_files(
            id,
            &keys,
            &election.public.lines,
            leaves,
            receipts,
            since,
        )?);
        sections.push(lines.join("\n"));
    }
    pool.close().await;
    sections.push(report(&replayed, only)?);
    Ok(sections.join("\n\n"))
}

/// Checks election `id`'s public log, replayed from the events, against the checkpoints this
/// member co-signed and the leaves it recorded with them; then the receipts and the earlier
/// checkpoint given, if any.
async fn audit_signed(
    pool: &sqlx::SqlitePool,
    id: &str,
    election: &Election,
    keys: &[LogKey],
) -> anyhow::Result<Vec<String>> {
    use crate::store::checkpoints;
    let leaves = election.public.tree.leaves();
    let vouched = signed::check_signed(
        id,
        leaves,
        &checkpoints::leaves(pool, id).await?,
        &checkpoints::all(pool, id).await?,
        keys,
    )
    .map_err(anyhow::Error::msg)?;
    Ok(vec![
        format!(
            "public log of {id}: {} entries, root {}",
            leaves.len(),
            hex::encode(election.public.tree.root())
        ),
        // How far a member's own checkpoints go depends on its timing (what it had applied
        // when the node stopped): the one line of the report that may differ between replicas.
        match vouched.checkpoints {
            0 => "  no checkpoint recorded yet: nothing signed to compare with".to_string(),
            _ => format!(
                "  every recorded checkpoint holds; the largest ({} entries) signed by members {:?}",
                vouched.signed_size, vouched.signers
            ),
        },
    ])
}

/// `--since` (an earlier checkpoint the log must extend) and `--receipts` (one receipt JSON
/// per line, each included), against a log's lines and leaves.
fn check_files(
    election: &str,
    keys: &[LogKey],
    lines: &[String],
    leaves: &[Hash],
    receipts: Option<&Path>,
    since: Option<&Path>,
) -> anyhow::Result<Vec<String>> {
    let mut report = vec![];
    if let Some(path) = since {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let earlier: Checkpoint =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        public::check_prefix(&earlier, keys, leaves)
            .map_err(|e| anyhow::anyhow!("the log does not extend {}: {e}", path.display()))?;
        report.push(format!(
            "extends the earlier checkpoint of {} entries",
            earlier.tree_size
        ));
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
            if receipt.election_id != election {
                continue;
            }
            public::check_receipt(&receipt, election, keys, lines, leaves)
                .map_err(|e| anyhow::anyhow!("receipt on line {}: {e}", number + 1))?;
            checked += 1;
        }
        report.push(format!("receipts: {checked} included"));
    }
    Ok(report)
}

/// Checks and replays a log (every election's events in apply order); returns the printable
/// report: the whole log's digest, then one section per election (or only `only`'s).
pub fn audit(events: &[shared::Event], only: Option<&str>) -> anyhow::Result<String> {
    report(&replay::Replayed::from_events(events)?, only)
}

/// The report of a replayed log: its digest, then one section per election (or `only`'s).
fn report(replayed: &replay::Replayed, only: Option<&str>) -> anyhow::Result<String> {
    if let Some(only) = only {
        if !replayed.parts.contains_key(only) {
            bail!("the log holds no election {only:?}");
        }
    }
    let mut sections = vec![format!(
        "events: {}\nlog sha256: {}\nelections: {}",
        replayed.events,
        replayed.log_digest,
        replayed.parts.len()
    )];
    for (id, part) in &replayed.parts {
        if only.is_none_or(|only| only == id) {
            if let Some(broken) = &part.broken {
                bail!("{broken}");
            }
            let election = replayed
                .elections
                .get(id)
                .ok_or_else(|| anyhow::anyhow!("election {id} did not replay"))?;
            sections.push(audit_election(id, part, election));
        }
    }
    Ok(sections.join("\n\n"))
}

/// One election's section (its gaps and Lamport order were checked by the replay).
fn audit_election(id: &str, part: &replay::Part, election: &Election) -> String {
    let results = results_view(election);
    let mut counts: Vec<String> = election
        .candidate_counts()
        .iter()
        .map(|c| format!("  {:>3}  {} ({})", c.votes, c.name, c.candidate_id))
        .collect();
    if election.is_verifiable() && election.secret.sums.is_none() {
        // A verifiable election's counts exist only once its trustees decrypt them.
        counts = vec!["  (sealed: the trustees have not decrypted the tally)".to_string()];
    }
    format!(
        "election: {id}\nevents: {}\nelection sha256: {}\nphase: {}\nvoters: {} ({} voted)\nvotes: {}\n{}\noutcome: {}",
        part.events,
        part.digest,
        election.phase.as_str(),
        election.voters.len(),
        election.voted,
        results.total_votes,
        counts.join("\n"),
        decide_outcome(&election.candidate_counts()).describe(&[], Wording::Report),
    )
}
