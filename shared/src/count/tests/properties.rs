//! Properties every count keeps, over many random small elections from a tiny deterministic
//! generator (no dependency): it never panics, ignores ballot order, conserves weight, and
//! draws only from its seed.

use super::{count, question, seed, units, Vote};
use crate::ballots::{Choice, Method, QuestionResult, Weight};
use crate::count::DrawSeed;

/// xorshift64*: enough randomness for test data, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i as u64 + 1) as usize);
        }
    }
}

const METHODS: [Method; 6] = [
    Method::Plurality,
    Method::Approval,
    Method::Referendum,
    Method::Irv,
    Method::Stv,
    Method::Schulze,
];

/// A random valid answer for `method` over `candidates` (what `check_answer` lets through).
fn answer(rng: &mut Rng, method: Method, candidates: usize) -> Vec<Choice> {
    let mut ids: Vec<u32> = (1..=candidates as u32).collect();
    rng.shuffle(&mut ids);
    let length = match method {
        Method::Plurality | Method::Referendum => 1,
        _ => 1 + rng.below(candidates as u64) as usize,
    };
    ids.truncate(length);
    if method == Method::Schulze && ids.len() > 1 && rng.below(3) == 0 {
        let rest = ids.split_off(ids.len() / 2);
        let mut answer: Vec<Choice> = ids.into_iter().map(Choice::One).collect();
        answer.push(Choice::Equal(rest));
        return answer;
    }
    ids.into_iter().map(Choice::One).collect()
}

/// A random election: 0..30 voters, 2..6 candidates, 1..3 seats, weights mostly 1.
fn election(rng: &mut Rng, method: Method) -> (crate::ballots::Question, Vec<Vote>) {
    let candidates = if method == Method::Referendum {
        2
    } else {
        2 + rng.below(5) as usize
    };
    let seats = 1 + rng.below(3) as u32;
    let voters = rng.below(30) as usize;
    let votes = (0..voters)
        .map(|_| {
            let weight = match rng.below(4) {
                0 => Weight(1 + rng.below(30_000)),
                _ => Weight::ONE,
            };
            (weight, answer(rng, method, candidates))
        })
        .collect();
    (question(method, candidates, seats), votes)
}

fn sum(result: &QuestionResult, round: usize, places: u32) -> u128 {
    result.rounds[round]
        .tallies
        .iter()
        .map(|t| units(&t.votes, places))
        .sum()
}

#[test]
fn counts_never_panic_and_ignore_the_order_of_ballots() {
    let mut rng = Rng(0x5EED);
    for method in METHODS {
        for _ in 0..300 {
            let (question, mut votes) = election(&mut rng, method);
            let first = count(&question, &votes, &seed());
            rng.shuffle(&mut votes);
            let shuffled = count(&question, &votes, &seed());
            assert_eq!(first, shuffled, "{method:?} {votes:?}");
            assert!(first.winners.len() <= question.candidates.len());
        }
    }
}

#[test]
fn irv_rounds_conserve_the_valid_weight_exactly() {
    let mut rng = Rng(0xA11CE);
    for _ in 0..500 {
        let (question, votes) = election(&mut rng, Method::Irv);
        let result = count(&question, &votes, &seed());
        let valid = units(&result.valid, 4);
        for (round, figures) in result.rounds.iter().enumerate() {
            let exhausted = units(&figures.exhausted, 4);
            assert_eq!(sum(&result, round, 4) + exhausted, valid, "{votes:?}");
        }
    }
}

#[test]
fn stv_stages_lose_only_what_truncation_to_five_places_may_lose() {
    let mut rng = Rng(0xB0B);
    for _ in 0..500 {
        let (question, votes) = election(&mut rng, Method::Stv);
        let result = count(&question, &votes, &seed());
        let valid = units(&result.valid, 9);
        // Each paper loses less than 10^-5 of its weight per surplus transfer.
        let mut bound = 0;
        for (stage, figures) in result.rounds.iter().enumerate() {
            if figures.transfer.as_ref().is_some_and(|t| t.value.is_some()) {
                bound += units(&result.valid, 4);
            }
            let kept = sum(&result, stage, 9) + units(&figures.exhausted, 9);
            assert!(kept <= valid, "{votes:?}");
            assert!(valid - kept <= bound, "stage {stage}: {votes:?}");
        }
        assert!(result.winners.len() <= question.seats as usize);
    }
}

#[test]
fn a_voter_of_weight_n_counts_as_n_voters() {
    let mut rng = Rng(0xFEED);
    for method in METHODS {
        for _ in 0..100 {
            let (question, votes) = election(&mut rng, method);
            let ones: Vec<Vote> = votes
                .iter()
                .map(|(_, a)| (Weight::ONE, a.clone()))
                .collect();
            let mut merged: Vec<Vote> = Vec::new();
            for (_, answer) in &ones {
                match merged.iter_mut().find(|(_, a)| a == answer) {
                    Some((weight, _)) => weight.0 += Weight::SCALE,
                    None => merged.push((Weight::ONE, answer.clone())),
                }
            }
            assert_eq!(
                count(&question, &ones, &seed()),
                count(&question, &merged, &seed())
            );
        }
    }
}

#[test]
fn draws_depend_only_on_the_seed() {
    // Two candidates with one vote each for one seat: only the lot can decide.
    let votes: Vec<Vote> = vec![
        (Weight::ONE, vec![Choice::One(1)]),
        (Weight::ONE, vec![Choice::One(2)]),
    ];
    for method in [Method::Plurality, Method::Irv, Method::Stv, Method::Schulze] {
        let question = question(method, 2, 1);
        let mut seen = std::collections::BTreeSet::new();
        for root in 0..16u8 {
            let seed = DrawSeed::new(&[root; 32], "q1");
            let result = count(&question, &votes, &seed);
            assert_eq!(result, count(&question, &votes, &seed), "{method:?}");
            assert_eq!(result.tie_breaks.len(), 1, "{method:?}");
            seen.insert(result.winners.clone());
        }
        assert_eq!(
            seen.len(),
            2,
            "{method:?}: 16 seeds never changed the winner"
        );
    }
}
