//! Instant runoff: each round gives every ballot to its highest-ranked continuing candidate;
//! a candidate holding more than half of the votes still with a continuing candidate wins,
//! otherwise the fewest is eliminated and the count goes on.
//!
//! Decisions:
//! - The majority is of the continuing (non-exhausted) weight, strictly more than half.
//! - When one candidate continues, it wins (it holds every continuing vote).
//! - A tie for fewest is settled by draw, recorded with that round's number. Candidates with
//!   no votes are eliminated like any other, one a round.
//! - A question nobody ranked a candidate on has one round of zeros and no winner.
//!
//! Each candidate keeps the pile of ballots it holds, so a round touches only the ballots of
//! the candidate just eliminated: a million ballots count in one pass plus their transfers.

use super::draw::Draws;
use super::{empty_round, id_of, next_preference, tallies_of, CountBallot, WEIGHT_PLACES};
use crate::ballots::{decimal, QuestionResult, Transfer, TransferKind};

/// Where the ballots are: each one's current position in its ranking, each candidate's pile
/// and sum, and the exhausted weight.
struct Piles {
    position: Vec<usize>,
    pile: Vec<Vec<usize>>,
    votes: Vec<u128>,
    exhausted: u128,
}

impl Piles {
    /// Gives ballot `number` to its next continuing preference at or after `from`.
    fn place(
        &mut self,
        ballots: &[CountBallot<'_>],
        number: usize,
        from: usize,
        continuing: &[bool],
    ) {
        let ballot = &ballots[number];
        let weight = u128::from(ballot.weight.0);
        match next_preference(ballot.answer, from, continuing) {
            Some((position, candidate)) => {
                self.position[number] = position;
                self.pile[candidate].push(number);
                self.votes[candidate] += weight;
            }
            None => self.exhausted += weight,
        }
    }
}

pub(super) fn count(
    candidates: usize,
    ballots: &[CountBallot<'_>],
    draws: &mut Draws<'_>,
    result: &mut QuestionResult,
) {
    let mut continuing = vec![true; candidates];
    let mut piles = Piles {
        position: vec![0; ballots.len()],
        pile: vec![Vec::new(); candidates],
        votes: vec![0; candidates],
        exhausted: 0,
    };
    for number in 0..ballots.len() {
        piles.place(ballots, number, 0, &continuing);
    }
    let mut previous = None;
    for number in 1u32.. {
        let mut round = empty_round(number);
        let listed = || (0..candidates).filter(|&i| continuing[i]);
        round.tallies = tallies_of(listed(), &piles.votes, WEIGHT_PLACES);
        round.exhausted = decimal(piles.exhausted, WEIGHT_PLACES);
        round.transfer = previous.map(|from| Transfer {
            from: id_of(from),
            kind: TransferKind::Elimination,
            value: None,
        });
        let in_play: u128 = listed().map(|i| piles.votes[i]).sum();
        let leader = listed().max_by(|&a, &b| piles.votes[a].cmp(&piles.votes[b]).then(b.cmp(&a)));
        let Some(leader) = leader else {
            result.rounds.push(round);
            break;
        };
        if in_play == 0 {
            // Nobody ranked a continuing candidate: there is nothing to decide.
            result.rounds.push(round);
            break;
        }
        if piles.votes[leader] * 2 > in_play || listed().count() == 1 {
            round.elected.push(id_of(leader));
            result.winners.push(id_of(leader));
            result.rounds.push(round);
            break;
        }
        let fewest = listed().map(|i| piles.votes[i]).min().unwrap_or(0);
        let tied: Vec<_> = listed()
            .filter(|&i| piles.votes[i] == fewest)
            .map(id_of)
            .collect();
        let loser_id = draws.choose(number, &tied);
        let loser = (loser_id as usize).saturating_sub(1);
        round.eliminated.push(loser_id);
        result.rounds.push(round);
        eliminate(loser, ballots, &mut continuing, &mut piles);
        previous = Some(loser);
    }
}

/// Takes `loser` out of the count and passes each of its ballots on.
fn eliminate(
    loser: usize,
    ballots: &[CountBallot<'_>],
    continuing: &mut [bool],
    piles: &mut Piles,
) {
    continuing[loser] = false;
    piles.votes[loser] = 0;
    let pile = std::mem::take(&mut piles.pile[loser]);
    for number in pile {
        let from = piles.position[number] + 1;
        piles.place(ballots, number, from, continuing);
    }
}
