//! Plurality, approval and referendum: one round of sums of weights.
//!
//! Decisions:
//! - Plurality and approval count alike (a marked candidate gets the ballot's whole weight);
//!   they differ only in how many marks `check_answer` lets a voter make.
//! - The `seats` candidates with the most votes win, most votes first. A candidate with no
//!   votes is never elected, so a question few voted on may have fewer winners than seats.
//! - A tie across the last seat is settled by draws in round 1, the first drawn taking the
//!   first of the contested seats. Tied candidates who all fit are elected in id order.
//! - A referendum passes under `Majority` when Yes > No, under `TwoThirds` when
//!   3·Yes ≥ 2·(Yes + No) and someone answered. Its winner is Yes when it passed and No when
//!   it did not, except that nobody wins a referendum nobody answered.

use super::draw::Draws;
use super::{empty_round, id_of, index_of, tallies_of, CountBallot, WEIGHT_PLACES};
use crate::ballots::{QuestionResult, Threshold, NO, YES};
use crate::ids::CandidateId;

/// Sums each candidate's marks: `votes[i]` is the weight of the ballots marking candidate i+1.
/// A candidate named twice on one ballot (never after validation) still counts once.
fn sum_marks(candidates: usize, ballots: &[CountBallot<'_>]) -> Vec<u128> {
    let mut votes = vec![0u128; candidates];
    let mut last_marked_by = vec![usize::MAX; candidates];
    for (number, ballot) in ballots.iter().enumerate() {
        for choice in ballot.answer {
            for &id in choice.ids() {
                if let Some(index) = index_of(id, candidates) {
                    if last_marked_by[index] != number {
                        last_marked_by[index] = number;
                        votes[index] += u128::from(ballot.weight.0);
                    }
                }
            }
        }
    }
    votes
}

/// Plurality and approval.
pub(super) fn count_marks(
    candidates: usize,
    seats: u32,
    ballots: &[CountBallot<'_>],
    draws: &mut Draws<'_>,
    result: &mut QuestionResult,
) {
    count_sums(seats, sum_marks(candidates, ballots), draws, result);
}

/// Plurality and approval from each candidate's sum (a verifiable election's decrypted tally).
pub(super) fn count_sums(
    seats: u32,
    votes: Vec<u128>,
    draws: &mut Draws<'_>,
    result: &mut QuestionResult,
) {
    let candidates = votes.len();
    let mut round = empty_round(1);
    round.tallies = tallies_of(0..candidates, &votes, WEIGHT_PLACES);
    result.winners = top_seats(&votes, seats as usize, draws);
    round.elected = result.winners.clone();
    result.rounds.push(round);
}

/// The `seats` candidates with the most (non-zero) votes, most first; a tie across the last
/// seat goes to draws.
fn top_seats(votes: &[u128], seats: usize, draws: &mut Draws<'_>) -> Vec<CandidateId> {
    let mut ranked: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
    ranked.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
    let mut winners = Vec::new();
    let mut start = 0;
    while winners.len() < seats && start < ranked.len() {
        let level = votes[ranked[start]];
        let end = ranked[start..]
            .iter()
            .position(|&i| votes[i] != level)
            .map_or(ranked.len(), |offset| start + offset);
        let group: Vec<CandidateId> = ranked[start..end].iter().map(|&i| id_of(i)).collect();
        let open = seats - winners.len();
        if group.len() <= open {
            winners.extend(group);
        } else {
            winners.extend(draws.choose_several(1, &group, open));
        }
        start = end;
    }
    winners
}

/// A referendum: Yes (1) against No (2).
pub(super) fn count_referendum(
    threshold: Threshold,
    ballots: &[CountBallot<'_>],
    result: &mut QuestionResult,
) {
    referendum_of_sums(threshold, sum_marks(2, ballots), result);
}

/// A referendum from its Yes and No sums.
pub(super) fn referendum_of_sums(
    threshold: Threshold,
    votes: Vec<u128>,
    result: &mut QuestionResult,
) {
    let (yes, no) = (
        votes.first().copied().unwrap_or(0),
        votes.get(1).copied().unwrap_or(0),
    );
    let answered = yes + no;
    let passed = match threshold {
        Threshold::Majority => yes > no,
        // 3·yes and 2·answered stay far inside u128 (answered < 2^99).
        Threshold::TwoThirds => answered > 0 && 3 * yes >= 2 * answered,
    };
    result.passed = Some(passed);
    result.threshold = Some(threshold);
    result.winners = match (passed, answered > 0) {
        (true, _) => vec![YES],
        (false, true) => vec![NO],
        (false, false) => Vec::new(),
    };
    let mut round = empty_round(1);
    round.tallies = tallies_of(0..2, &votes, WEIGHT_PLACES);
    round.elected = result.winners.clone();
    result.rounds.push(round);
}
