//! The winner rule, defined once for server and browser.
//!
//! The candidate with the most votes wins. If two or more candidates share the highest count,
//! the election is a tie and no winner is named: a small organisation should decide a tie
//! by its own rules (a run-off, lots), not by an accident of ordering. With no votes at all
//! there is no winner either.

use serde::{Deserialize, Serialize};

use crate::ids::CandidateId;

/// Votes for one candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateCount {
    pub candidate_id: CandidateId,
    pub name: String,
    pub votes: u64,
}

/// The result of an election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// Nobody voted.
    NoVotes,
    /// One candidate has strictly more votes than every other.
    Winner {
        candidate_id: CandidateId,
        name: String,
        votes: u64,
    },
    /// Several candidates share the highest count (ids in ascending order).
    Tie {
        candidate_ids: Vec<CandidateId>,
        votes: u64,
    },
}

/// Applies the winner rule to a list of counts.
pub fn decide_outcome(counts: &[CandidateCount]) -> Outcome {
    let top = counts.iter().map(|c| c.votes).max().unwrap_or(0);
    if top == 0 {
        return Outcome::NoVotes;
    }
    let mut leaders: Vec<&CandidateCount> = counts.iter().filter(|c| c.votes == top).collect();
    leaders.sort_by_key(|c| c.candidate_id);
    match leaders.as_slice() {
        [only] => Outcome::Winner {
            candidate_id: only.candidate_id,
            name: only.name.clone(),
            votes: top,
        },
        _ => Outcome::Tie {
            candidate_ids: leaders.iter().map(|c| c.candidate_id).collect(),
            votes: top,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(candidate_id: CandidateId, votes: u64) -> CandidateCount {
        CandidateCount {
            candidate_id,
            name: format!("C{candidate_id}"),
            votes,
        }
    }

    #[test]
    fn no_votes_means_no_winner() {
        assert_eq!(
            decide_outcome(&[count(1, 0), count(2, 0)]),
            Outcome::NoVotes
        );
        assert_eq!(decide_outcome(&[]), Outcome::NoVotes);
    }

    #[test]
    fn the_strict_maximum_wins() {
        let outcome = decide_outcome(&[count(1, 2), count(2, 5), count(3, 4)]);
        assert_eq!(
            outcome,
            Outcome::Winner {
                candidate_id: 2,
                name: "C2".into(),
                votes: 5
            }
        );
    }

    #[test]
    fn a_shared_maximum_is_a_tie_listing_every_leader() {
        let outcome = decide_outcome(&[count(3, 4), count(1, 4), count(2, 1)]);
        assert_eq!(
            outcome,
            Outcome::Tie {
                candidate_ids: vec![1, 3],
                votes: 4
            }
        );
    }
}
