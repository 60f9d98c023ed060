//! Single transferable vote by the Scottish Local Government Elections Order 2007, Schedule 1,
//! rules 45–52, stage by stage as the returning officer counts (and as the established
//! implementations, e.g. Droop's `scotland` rule, compute it).
//!
//! - Rule 45: the first stage gives each paper to its first preference.
//! - Rule 46: quota = (valid ÷ (seats + 1), ignoring decimal places) + 1 whole votes. With
//!   weighted voters `valid` is the exact sum of weights and the same formula applies to it
//!   (7.5 votes for 2 seats: 2 + 1 = 3); unweighted, it is the Order's integer quota exactly.
//! - Rule 47: a candidate whose votes reach the quota at the end of a stage is elected.
//! - Rules 48–49: one surplus per stage, the largest first. Every paper the elected candidate
//!   holds moves to its next continuing preference with value
//!   `surplus × (value when received) ÷ (candidate's total)`, to five decimal places with the
//!   remainder ignored; papers with no further preference are non-transferable. Afterwards
//!   the candidate keeps exactly the quota. A candidate exactly on the quota has no surplus
//!   ("exceeds", rule 48(1)) and takes no stage.
//! - Rules 50–51: with no surplus to transfer, the candidate with fewest votes is excluded
//!   and all its papers move at the value they hold, in one stage.
//! - Ties (rules 49(2), 51): look back to the most recent earlier stage at which the tied
//!   candidates had unequal votes and keep those with the most (surplus) or fewest
//!   (exclusion) there; if several remain, look further back among them; if they were equal
//!   at every stage, the draw decides.
//! - Rule 52: when the continuing candidates are no more than the vacancies left, they are all
//!   elected and nothing more is transferred.
//!
//! Figures: a voter of weight w (ten-thousandths) holds a paper of value t (hundred
//! thousandths, 1 = 100 000), worth w·t units of 10^-9 votes; unweighted figures thus show the
//! Order's five decimals. The difference between `valid` and the sum of tallies and
//! non-transferable votes is what rule 48(3)'s truncation has lost.
//!
//! A question where no paper names a candidate has one stage and no winner.

use super::draw::Draws;
use super::{empty_round, id_of, next_preference, tallies_of, CountBallot};
use crate::ballots::{decimal, QuestionResult, Round, Transfer, TransferKind};
use crate::ids::CandidateId;

/// Decimal places of an STV figure: 4 of weight and 5 of transfer value.
const VOTE_PLACES: u32 = 9;
/// Decimal places of a transfer value (rule 48(3)).
const VALUE_PLACES: u32 = 5;
/// A paper's full value, 1, in hundred-thousandths.
const FULL_VALUE: u128 = 100_000;
/// One whole vote in STV units.
const ONE_VOTE: u128 = 1_000_000_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Hopeful,
    /// `pending`: its surplus has yet to be transferred.
    Elected {
        pending: bool,
    },
    Excluded,
}

/// The count in progress: where each paper is and what it is worth.
struct Count<'b, 'a> {
    ballots: &'b [CountBallot<'a>],
    quota: u128,
    state: Vec<State>,
    /// Each paper's position in its ranking and its value in hundred-thousandths.
    position: Vec<usize>,
    value: Vec<u128>,
    pile: Vec<Vec<usize>>,
    votes: Vec<u128>,
    exhausted: u128,
    /// Every candidate's votes at the end of each stage so far, for the look-back of ties.
    history: Vec<Vec<u128>>,
}

impl Count<'_, '_> {
    fn hopeful(&self) -> Vec<bool> {
        self.state.iter().map(|s| *s == State::Hopeful).collect()
    }

    /// Gives paper `number`, now worth `value`, to its next continuing preference at or after
    /// `from`, or sets it aside as non-transferable.
    fn place(&mut self, number: usize, from: usize, value: u128, hopeful: &[bool]) {
        let ballot = &self.ballots[number];
        let worth = u128::from(ballot.weight.0) * value;
        self.value[number] = value;
        match next_preference(ballot.answer, from, hopeful) {
            Some((position, candidate)) => {
                self.position[number] = position;
                self.pile[candidate].push(number);
                self.votes[candidate] += worth;
            }
            None => self.exhausted += worth,
        }
    }

    /// Rule 48: moves the surplus of `from`; returns the transfer value of a paper worth 1.
    fn transfer_surplus(&mut self, from: usize) -> u128 {
        let total = self.votes[from];
        let surplus = total.saturating_sub(self.quota);
        let hopeful = self.hopeful();
        for number in std::mem::take(&mut self.pile[from]) {
            let value = mul_div(surplus, self.value[number], total);
            self.place(number, self.position[number] + 1, value, &hopeful);
        }
        self.votes[from] = self.quota;
        self.state[from] = State::Elected { pending: false };
        mul_div(surplus, FULL_VALUE, total)
    }

    /// Rule 50: excludes `loser` and moves its papers at the value they hold.
    fn exclude(&mut self, loser: usize) {
        self.state[loser] = State::Excluded;
        let hopeful = self.hopeful();
        for number in std::mem::take(&mut self.pile[loser]) {
            self.place(
                number,
                self.position[number] + 1,
                self.value[number],
                &hopeful,
            );
        }
        self.votes[loser] = 0;
    }

    /// Rules 49(2)–(3) and 51: of `tied` (indices), the one with the most (`highest`) or
    /// fewest votes at the most recent stage where they differ, narrowing stage by stage,
    /// then by lot.
    fn break_tie(&self, tied: Vec<usize>, highest: bool, stage: u32, draws: &mut Draws) -> usize {
        let mut tied = tied;
        for votes in self.history.iter().rev() {
            if tied.len() <= 1 {
                break;
            }
            let figures = tied.iter().map(|&i| votes[i]);
            let best = if highest {
                figures.max()
            } else {
                figures.min()
            };
            tied.retain(|&i| Some(votes[i]) == best);
        }
        let ids: Vec<CandidateId> = tied.iter().map(|&i| id_of(i)).collect();
        (draws.choose(stage, &ids) as usize).saturating_sub(1)
    }

    /// Rule 47 (and 52 when `everyone`): elects, most votes first, into `round`.
    fn elect(&mut self, round: &mut Round, seats_left: &mut usize, everyone: bool) {
        let mut reaching: Vec<usize> = (0..self.state.len())
            .filter(|&i| {
                self.state[i] == State::Hopeful && (everyone || self.votes[i] >= self.quota)
            })
            .collect();
        reaching.sort_by(|&a, &b| self.votes[b].cmp(&self.votes[a]).then(a.cmp(&b)));
        for candidate in reaching.into_iter().take(*seats_left) {
            let pending = self.votes[candidate] > self.quota;
            self.state[candidate] = State::Elected { pending };
            round.elected.push(id_of(candidate));
            *seats_left -= 1;
        }
    }

    fn finish(&mut self, mut round: Round, result: &mut QuestionResult) {
        let listed = (0..self.state.len()).filter(|&i| self.state[i] != State::Excluded);
        round.tallies = tallies_of(listed, &self.votes, VOTE_PLACES);
        round.exhausted = decimal(self.exhausted, VOTE_PLACES);
        result.winners.extend(round.elected.iter().copied());
        result.rounds.push(round);
        self.history.push(self.votes.clone());
    }
}

/// `a·b/c` rounded down; `c` is never 0 where it is called. The fallback for products beyond
/// u128 (more ballots than memory holds) keeps the count total rather than exact.
fn mul_div(a: u128, b: u128, c: u128) -> u128 {
    if c == 0 {
        return 0;
    }
    match a.checked_mul(b) {
        Some(product) => product / c,
        None => (a / c)
            .saturating_mul(b)
            .saturating_add((a % c).saturating_mul(b) / c),
    }
}

pub(super) fn count(
    candidates: usize,
    seats: u32,
    ballots: &[CountBallot<'_>],
    draws: &mut Draws<'_>,
    result: &mut QuestionResult,
) {
    let valid = super::total_weight(ballots);
    let whole_votes = valid / (10_000 * (u128::from(seats) + 1));
    let mut count = Count {
        ballots,
        quota: (whole_votes + 1) * ONE_VOTE,
        state: vec![State::Hopeful; candidates],
        position: vec![0; ballots.len()],
        value: vec![FULL_VALUE; ballots.len()],
        pile: vec![Vec::new(); candidates],
        votes: vec![0; candidates],
        exhausted: 0,
        history: Vec::new(),
    };
    result.quota = Some(decimal(count.quota, VOTE_PLACES));
    let everyone = vec![true; candidates];
    for number in 0..ballots.len() {
        count.place(number, 0, FULL_VALUE, &everyone);
    }
    let mut seats_left = seats as usize;
    if count.votes.iter().all(|&v| v == 0) {
        seats_left = 0;
    }
    let mut stage = 1u32;
    let mut round = empty_round(stage);
    loop {
        count.elect(&mut round, &mut seats_left, false);
        let hopefuls = count.state.iter().filter(|s| **s == State::Hopeful).count();
        if seats_left == 0 || hopefuls <= seats_left {
            count.elect(&mut round, &mut seats_left, true);
            count.finish(round, result);
            return;
        }
        count.finish(round, result);
        stage += 1;
        round = empty_round(stage);
        let pending: Vec<usize> = (0..candidates)
            .filter(|&i| count.state[i] == State::Elected { pending: true })
            .collect();
        if let Some(most) = pending.iter().map(|&i| count.votes[i]).max() {
            let tied = pending
                .into_iter()
                .filter(|&i| count.votes[i] == most)
                .collect();
            let from = count.break_tie(tied, true, stage, draws);
            let value = count.transfer_surplus(from);
            round.transfer = Some(Transfer {
                from: id_of(from),
                kind: TransferKind::Surplus,
                value: Some(decimal(value, VALUE_PLACES)),
            });
        } else {
            let hopeful: Vec<usize> = (0..candidates)
                .filter(|&i| count.state[i] == State::Hopeful)
                .collect();
            let fewest = hopeful.iter().map(|&i| count.votes[i]).min().unwrap_or(0);
            let tied = hopeful
                .into_iter()
                .filter(|&i| count.votes[i] == fewest)
                .collect();
            let loser = count.break_tie(tied, false, stage, draws);
            count.exclude(loser);
            round.eliminated.push(id_of(loser));
            round.transfer = Some(Transfer {
                from: id_of(loser),
                kind: TransferKind::Elimination,
                value: None,
            });
        }
    }
}
