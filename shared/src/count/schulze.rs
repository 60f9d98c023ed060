//! The Schulze method by winning votes.
//!
//! `d[i][j]` is the weight of the ballots ranking candidate i strictly above j: a ranked
//! candidate is above every unranked one, candidates of one `Choice::Equal` group are equal,
//! and unranked candidates are equal among themselves. A link i→j has strength `d[i][j]` when
//! `d[i][j] > d[j][i]` and none otherwise; `p[i][j]` is the strength of the strongest path
//! (widest path, Floyd–Warshall); i beats j when `p[i][j] > p[j][i]`.
//!
//! Decisions:
//! - `order` lists every candidate best first, layer by layer: each layer is the set of
//!   remaining candidates beaten by no other remaining candidate (Schulze's own ranking, in
//!   which candidates of one layer tie). Within a layer of several, successive draws fill
//!   the positions, each recorded with the 1-based position it fills. The winner is
//!   `order[0]`; with no ballots every candidate ties and the draw decides.
//! - Round 1's tallies are first-choice weights: every candidate of a ballot's first group
//!   gets the ballot's whole weight (so with ties allowed they may add up to more than
//!   `valid`). They inform; the winner comes from `pairwise`.

use super::draw::Draws;
use super::{empty_round, id_of, index_of, tallies_of, CountBallot, WEIGHT_PLACES};
use crate::ballots::{decimal, QuestionResult};

/// Where a ballot places each candidate: the 0-based group position, unranked last.
fn ranks(answer: &[crate::ballots::Choice], candidates: usize, rank: &mut [usize]) {
    rank.fill(usize::MAX);
    for (position, choice) in answer.iter().enumerate() {
        for &id in choice.ids() {
            if let Some(index) = index_of(id, candidates) {
                // A candidate named twice keeps its first (highest) place.
                if rank[index] == usize::MAX {
                    rank[index] = position;
                }
            }
        }
    }
}

/// `d` and the first-choice tallies.
fn pairwise(candidates: usize, ballots: &[CountBallot<'_>]) -> (Vec<Vec<u128>>, Vec<u128>) {
    let mut d = vec![vec![0u128; candidates]; candidates];
    let mut first = vec![0u128; candidates];
    let mut rank = vec![usize::MAX; candidates];
    for ballot in ballots {
        let weight = u128::from(ballot.weight.0);
        ranks(ballot.answer, candidates, &mut rank);
        let top = rank.iter().copied().min().unwrap_or(usize::MAX);
        for i in 0..candidates {
            if rank[i] == usize::MAX {
                continue;
            }
            if rank[i] == top {
                first[i] += weight;
            }
            for j in 0..candidates {
                if rank[i] < rank[j] {
                    d[i][j] += weight;
                }
            }
        }
    }
    (d, first)
}

/// Strongest path strengths by the widest-path Floyd–Warshall.
fn strongest_paths(d: &[Vec<u128>]) -> Vec<Vec<u128>> {
    let n = d.len();
    let mut p = vec![vec![0u128; n]; n];
    for i in 0..n {
        for j in 0..n {
            if i != j && d[i][j] > d[j][i] {
                p[i][j] = d[i][j];
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            if i == k {
                continue;
            }
            for j in 0..n {
                if j != i && j != k {
                    p[i][j] = p[i][j].max(p[i][k].min(p[k][j]));
                }
            }
        }
    }
    p
}

pub(super) fn count(
    candidates: usize,
    ballots: &[CountBallot<'_>],
    draws: &mut Draws<'_>,
    result: &mut QuestionResult,
) {
    let (d, first) = pairwise(candidates, ballots);
    let p = strongest_paths(&d);
    let beats = |i: usize, j: usize| p[i][j] > p[j][i];
    let mut remaining: Vec<usize> = (0..candidates).collect();
    let mut order = Vec::with_capacity(candidates);
    while !remaining.is_empty() {
        let unbeaten: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&j| !remaining.iter().any(|&i| beats(i, j)))
            .collect();
        // The beat relation is transitive, so someone is always unbeaten; were it not, every
        // remaining candidate would go to the draw rather than the count stopping.
        let layer = if unbeaten.is_empty() {
            remaining.clone()
        } else {
            unbeaten
        };
        remaining.retain(|i| !layer.contains(i));
        let mut left: Vec<_> = layer.iter().map(|&i| id_of(i)).collect();
        while !left.is_empty() {
            let position = u32::try_from(order.len() + 1).unwrap_or(u32::MAX);
            let next = draws.choose(position, &left);
            left.retain(|&id| id != next);
            order.push(next);
        }
    }
    result.winners = order.first().copied().into_iter().collect();
    result.pairwise = Some(
        d.iter()
            .map(|row| {
                row.iter()
                    .map(|&units| decimal(units, WEIGHT_PLACES))
                    .collect()
            })
            .collect(),
    );
    let mut round = empty_round(1);
    round.tallies = tallies_of(0..candidates, &first, WEIGHT_PLACES);
    round.elected = result.winners.clone();
    result.rounds.push(round);
    result.order = Some(order);
}
