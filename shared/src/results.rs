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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateCount {
    pub candidate_id: CandidateId,
    pub name: String,
    pub votes: u64,
}

/// The result of an election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// Who an outcome is worded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// The dashboards: a sentence naming the candidates, "Winner: Ada with 2 votes".
    Sentence,
    /// `ballot audit`'s report: terse, a tie by candidate ids, "Ada wins with 2".
    Report,
}

impl Outcome {
    /// The outcome in words; `counts` names the tied candidates, whose ids are all a tie
    /// carries.
    pub fn describe(&self, counts: &[CandidateCount], wording: Wording) -> String {
        match (self, wording) {
            (Outcome::Winner { name, votes, .. }, Wording::Sentence) => {
                format!("Winner: {name} with {votes} vote{}", plural(*votes))
            }
            (Outcome::Winner { name, votes, .. }, Wording::Report) => {
                format!("{name} wins with {votes}")
            }
            (
                Outcome::Tie {
                    candidate_ids,
                    votes,
                },
                Wording::Sentence,
            ) => {
                let names: Vec<String> = candidate_ids
                    .iter()
                    .map(|id| candidate_name(counts, *id))
                    .collect();
                format!(
                    "Tie between {} with {votes} vote{} each",
                    names.join(", "),
                    plural(*votes)
                )
            }
            (
                Outcome::Tie {
                    candidate_ids,
                    votes,
                },
                Wording::Report,
            ) => {
                format!("tie between {candidate_ids:?} with {votes} each")
            }
            (Outcome::NoVotes, Wording::Sentence) => {
                "No votes were cast, so there is no winner.".to_string()
            }
            (Outcome::NoVotes, Wording::Report) => "no votes".to_string(),
        }
    }
}

/// The candidate's name from the counts, or "candidate N" should the counts not list it.
fn candidate_name(counts: &[CandidateCount], id: CandidateId) -> String {
    counts
        .iter()
        .find(|count| count.candidate_id == id)
        .map_or_else(|| format!("candidate {id}"), |count| count.name.clone())
}

fn plural(count: u64) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
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

    #[test]
    fn an_outcome_reads_as_a_sentence_on_the_dashboards_and_tersely_in_the_audit() {
        let counts = [count(1, 2), count(2, 2), count(3, 1)];
        let winner = decide_outcome(&[count(3, 1)]);
        let tie = decide_outcome(&counts);

        assert_eq!(
            winner.describe(&counts, Wording::Sentence),
            "Winner: C3 with 1 vote"
        );
        assert_eq!(winner.describe(&counts, Wording::Report), "C3 wins with 1");
        assert_eq!(
            tie.describe(&counts, Wording::Sentence),
            "Tie between C1, C2 with 2 votes each"
        );
        assert_eq!(
            tie.describe(&counts, Wording::Report),
            "tie between [1, 2] with 2 each"
        );
        assert_eq!(Outcome::NoVotes.describe(&[], Wording::Report), "no votes");
        assert!(Outcome::NoVotes
            .describe(&[], Wording::Sentence)
            .contains("no winner"));
    }
}
