//! The bulletin board and the recount, from an election's public log alone: every ballot
//! (its id and choice, never its voter), which ones a re-vote replaced, and the count of the
//! rest, compared with the published result. Pure, so the browser's audit page and the native
//! tests run the same code.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use crate::checkpoint::Checkpoint;
use crate::ids::CandidateId;
use crate::log::{PublicEntry, PublicLine};
use crate::merkle;
use crate::results::CandidateCount;

/// One ballot as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardBallot {
    pub index: u64,
    pub ballot_id: String,
    pub candidate_id: CandidateId,
    /// A later ballot of the same voter replaced this one, so it does not count.
    pub superseded: bool,
}

/// Every ballot of a log, in log order, and what the ones that count add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulletinBoard {
    pub ballots: Vec<BoardBallot>,
    /// Votes per candidate, counting each ballot that no later one replaced.
    pub counts: BTreeMap<CandidateId, u64>,
    /// How many ballots count.
    pub counted: u64,
    /// The log says the results were published.
    pub published: bool,
}

/// Why a log cannot be recounted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecountError {
    /// Line `index` is not a public line in canonical form.
    Unreadable { index: u64 },
    /// Line `index` names another place or another election: lines were moved or added.
    OutOfPlace { index: u64 },
    /// Line `index` replaces a ballot that is not earlier in the log (or already replaced).
    UnknownSuperseded { index: u64 },
}

impl fmt::Display for RecountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecountError::Unreadable { index } => {
                write!(f, "Entry {index} of the log cannot be read.")
            }
            RecountError::OutOfPlace { index } => write!(
                f,
                "Entry {index} of the log says it belongs elsewhere: entries were moved or added."
            ),
            RecountError::UnknownSuperseded { index } => write!(
                f,
                "Entry {index} of the log replaces a ballot that is not in the log before it."
            ),
        }
    }
}

impl std::error::Error for RecountError {}

/// Reads `lines` (the log from its first entry) into the board: each `ballot_cast` counts, and
/// one with `supersedes` takes the place of the ballot it names.
pub fn bulletin_board(election_id: &str, lines: &[String]) -> Result<BulletinBoard, RecountError> {
    let mut board = BulletinBoard::default();
    // ballot_id → its place in `board.ballots`, for the ballots that still count.
    let mut counting: HashMap<String, usize> = HashMap::new();
    for (at, text) in lines.iter().enumerate() {
        let index = at as u64;
        let line: PublicLine =
            serde_json::from_str(text).map_err(|_| RecountError::Unreadable { index })?;
        if line.canonical() != *text {
            return Err(RecountError::Unreadable { index });
        }
        if line.index != index || line.election_id != election_id {
            return Err(RecountError::OutOfPlace { index });
        }
        match line.entry {
            PublicEntry::BallotCast {
                ballot_id,
                candidate_id,
                supersedes,
                ..
            } => {
                if let Some(old) = supersedes {
                    let place = counting
                        .remove(&old)
                        .ok_or(RecountError::UnknownSuperseded { index })?;
                    board.ballots[place].superseded = true;
                }
                counting.insert(ballot_id.clone(), board.ballots.len());
                board.ballots.push(BoardBallot {
                    index,
                    ballot_id,
                    candidate_id,
                    superseded: false,
                });
            }
            PublicEntry::ResultsPublished => board.published = true,
            _ => {}
        }
    }
    for ballot in board.ballots.iter().filter(|b| !b.superseded) {
        *board.counts.entry(ballot.candidate_id).or_insert(0) += 1;
        board.counted += 1;
    }
    Ok(board)
}

/// Whether `lines` are exactly the log `checkpoint` signed: as many, and the same root.
pub fn lines_match_checkpoint(lines: &[String], checkpoint: &Checkpoint) -> bool {
    let leaves: Vec<merkle::Hash> = lines
        .iter()
        .map(|line| merkle::leaf_hash(line.as_bytes()))
        .collect();
    let root: String = merkle::root(&leaves)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    leaves.len() as u64 == checkpoint.tree_size
        && root.eq_ignore_ascii_case(&checkpoint.root_hash_hex)
}

/// One candidate's published and recounted votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecountRow {
    pub candidate_id: CandidateId,
    pub name: String,
    pub published: u64,
    pub recounted: u64,
}

/// The recount next to the published counts, one row per candidate either names.
pub fn compare(board: &BulletinBoard, published: &[CandidateCount]) -> Vec<RecountRow> {
    let ids: BTreeSet<CandidateId> = published
        .iter()
        .map(|c| c.candidate_id)
        .chain(board.counts.keys().copied())
        .collect();
    ids.into_iter()
        .map(|candidate_id| {
            let shown = published.iter().find(|c| c.candidate_id == candidate_id);
            RecountRow {
                candidate_id,
                name: shown.map_or_else(|| format!("candidate {candidate_id}"), |c| c.name.clone()),
                published: shown.map_or(0, |c| c.votes),
                recounted: board.counts.get(&candidate_id).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// Whether every row agrees and the totals do.
pub fn recount_matches(rows: &[RecountRow], published_total: u64, board: &BulletinBoard) -> bool {
    published_total == board.counted && rows.iter().all(|row| row.published == row.recounted)
}

#[cfg(test)]
mod tests;
