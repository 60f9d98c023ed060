//! `ballot audit --url URL --election ID --challenge FILE`: Benaloh's check of a ballot the
//! voter chose to check rather than cast (the JSON the voter page shows, or `ballot vote
//! --challenge` prints). It re-seals the revealed marks from the revealed seed under the
//! election's published key and must get the same ballot, and it looks for the ballot on the
//! public log: a checked ballot's seed is public, so casting it would have given its choices
//! away.

use std::path::Path;

use anyhow::{bail, Context};
use shared::log::{PublicEntry, PublicLine};
use shared::secrecy::ballot::Challenge;
use shared::secrecy::wire::SecrecyView;

/// The verdict's lines, or why the challenge does not hold.
pub fn check(
    election: &str,
    file: &Path,
    view: &SecrecyView,
    lines: &[PublicLine],
) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("reading the challenge {}", file.display()))?;
    let challenge: Challenge = serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a ballot challenge (ballot, seed, marks)",
            file.display()
        )
    })?;
    if challenge.election.as_deref().is_some_and(|e| e != election) {
        bail!(
            "the challenge is of election {:?}, not {election:?}",
            challenge.election
        );
    }
    let Some(key) = &view.key else {
        bail!("election {election} has no published key: nothing can have been sealed under it");
    };
    challenge
        .check(key.0.shared_key(), election, &view.shapes())
        .map_err(|e| anyhow::anyhow!("the challenged ballot does not hold: {e}"))?;
    let code = challenge.ballot.tracking_code();
    let mut verdict = vec![format!(
        "challenge: ballot {code} seals exactly the revealed marks under the election's key"
    )];
    for (question, marks) in view.questions.iter().zip(&challenge.marks) {
        let marked: Vec<String> = (1..)
            .zip(marks)
            .filter(|(_, mark)| **mark)
            .map(|(id, _)| id.to_string())
            .collect();
        verdict.push(format!(
            "  {}: options {}",
            question.question,
            if marked.is_empty() {
                "none".to_string()
            } else {
                marked.join(", ")
            }
        ));
    }
    let cast = lines.iter().any(|line| {
        matches!(&line.entry, PublicEntry::BallotCast { sealed: Some(ballot), .. }
            if ballot.tracking_code() == code)
    });
    if cast {
        bail!("the challenged ballot {code} was cast: its seed is public, so anyone can read its choices");
    }
    verdict.push("challenge: that ballot was not cast (as it must not be)".into());
    Ok(verdict)
}
