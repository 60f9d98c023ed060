//! Counting one question of a ballot: exact, pure, and the same on every replica, browser and
//! `ballot audit`.
//!
//! Layout:
//! - this file: the entry point [`count_question`], the counted ballot, the draw seed, and
//!   helpers the rules share (sums of weights, reading a ranking);
//! - [`draw`]: the recomputable lot that breaks ties the rules leave to chance;
//! - `plurality`: plurality, approval and referendum;
//! - `irv`: instant runoff;
//! - `stv`: single transferable vote by the Scottish Local Government Elections Order 2007,
//!   rules 45–52;
//! - `schulze`: the Schulze method by winning votes.
//!
//! Invariants: no floats anywhere (sums of weights are `u128` ten-thousandths, STV values a
//! finer fixed point); the result never depends on the order of the ballots; counting never
//! panics, whatever it is given (a hostile or empty input gives a result, possibly with fewer
//! winners than seats); the only randomness is the draw, derived from the public log root.

use sha2::{Digest, Sha256};

use crate::ballots::{decimal, Choice, Method, Question, QuestionResult, Round, Threshold, Weight};
use crate::ids::CandidateId;

pub mod draw;
mod irv;
mod plurality;
mod schulze;
mod stv;

#[cfg(test)]
mod tests;

/// One counted ballot's answer to the question: non-blank, already validated by
/// `ballots::check_answer` (distinct candidate ids within 1..=n; `Choice::Equal` only for schulze).
#[derive(Debug, Clone, Copy)]
pub struct CountBallot<'a> {
    pub weight: Weight,
    pub answer: &'a [Choice],
}

/// The seed of the question's draws: SHA-256 over the 32-byte final public log root followed by
/// the question id's UTF-8 bytes. Tied to the log root so nobody can know the lot before the
/// poll closes, and to the question so two questions of one election draw independently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawSeed([u8; 32]);

impl DrawSeed {
    pub fn new(log_root: &[u8; 32], question_id: &str) -> DrawSeed {
        let mut hasher = Sha256::new();
        hasher.update(log_root);
        hasher.update(question_id.as_bytes());
        DrawSeed(hasher.finalize().into())
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// Counts `ballots` for `question`; `blank` is how many ballots left it blank (copied to the result).
pub fn count_question(
    question: &Question,
    ballots: &[CountBallot<'_>],
    blank: u64,
    seed: &DrawSeed,
) -> QuestionResult {
    let mut result = QuestionResult {
        id: question.id.clone(),
        title: question.title.clone(),
        method: question.method,
        seats: question.seats,
        valid: decimal(total_weight(ballots), WEIGHT_PLACES),
        blank,
        winners: Vec::new(),
        order: None,
        pairwise: None,
        quota: None,
        passed: None,
        threshold: None,
        rounds: Vec::new(),
        tie_breaks: Vec::new(),
    };
    let mut draws = draw::Draws::new(seed);
    let candidates = candidate_count(question);
    match question.method {
        Method::Plurality | Method::Approval => {
            plurality::count_marks(candidates, question.seats, ballots, &mut draws, &mut result)
        }
        Method::Referendum => {
            let threshold = question.threshold.unwrap_or(Threshold::Majority);
            plurality::count_referendum(threshold, ballots, &mut result)
        }
        Method::Irv => irv::count(candidates, ballots, &mut draws, &mut result),
        Method::Stv => stv::count(candidates, question.seats, ballots, &mut draws, &mut result),
        Method::Schulze => schulze::count(candidates, ballots, &mut draws, &mut result),
    }
    result.tie_breaks = draws.into_record();
    result
}

/// Decimal places of a weight (ten-thousandths): the scale of every figure but STV's.
pub(crate) const WEIGHT_PLACES: u32 = 4;

/// How many candidates the question has; a referendum always has Yes and No.
fn candidate_count(question: &Question) -> usize {
    match question.method {
        Method::Referendum => 2,
        _ => question.candidates.len(),
    }
}

/// The sum of the ballots' weights in ten-thousandths. `u128` cannot overflow: even `usize::MAX`
/// ballots of the largest weight stay below 2^98.
pub(crate) fn total_weight(ballots: &[CountBallot<'_>]) -> u128 {
    ballots
        .iter()
        .map(|ballot| u128::from(ballot.weight.0))
        .sum()
}

/// The 0-based index of `id` when it names one of `candidates` candidates (ids are 1..=n).
pub(crate) fn index_of(id: CandidateId, candidates: usize) -> Option<usize> {
    let index = (id as usize).checked_sub(1)?;
    (index < candidates).then_some(index)
}

/// The candidate id of a 0-based index.
pub(crate) fn id_of(index: usize) -> CandidateId {
    CandidateId::try_from(index + 1).unwrap_or(CandidateId::MAX)
}

/// The next preference of a ranking at or after `from` that `continuing` still accepts: the
/// position in the answer and the candidate's index. A group ranked equal is read as a single
/// preference when it names one candidate; a larger group ends the ranking, because IRV and STV
/// cannot pass a ballot to two candidates at once (validation never lets one reach them).
pub(crate) fn next_preference(
    answer: &[Choice],
    from: usize,
    continuing: &[bool],
) -> Option<(usize, usize)> {
    for (position, choice) in answer.iter().enumerate().skip(from) {
        let id = match choice.ids() {
            [id] => *id,
            _ => return None,
        };
        if let Some(index) = index_of(id, continuing.len()) {
            if continuing[index] {
                return Some((position, index));
            }
        }
    }
    None
}

/// The round's tallies: the listed candidates' figures, ascending id, at `places` decimals.
pub(crate) fn tallies_of(
    listed: impl Iterator<Item = usize>,
    votes: &[u128],
    places: u32,
) -> Vec<crate::ballots::RoundTally> {
    listed
        .map(|index| crate::ballots::RoundTally {
            candidate_id: id_of(index),
            votes: decimal(votes[index], places),
        })
        .collect()
}

/// A round with nothing elected, eliminated or transferred yet.
pub(crate) fn empty_round(number: u32) -> Round {
    Round {
        round: number,
        tallies: Vec::new(),
        elected: Vec::new(),
        eliminated: Vec::new(),
        exhausted: "0".to_string(),
        transfer: None,
    }
}

/// Counts `question` over every counted ballot's answer to it (`None` or empty: blank), each
/// with its voter's weight, the draws seeded by the public log's `root` and the question id.
/// The server's results and the recount from the log both come through here.
pub fn count_answers<'a>(
    question: &Question,
    answers: impl IntoIterator<Item = (Weight, Option<&'a [Choice]>)>,
    root: &[u8; 32],
) -> QuestionResult {
    let mut ballots = Vec::new();
    let mut blank = 0u64;
    for (weight, answer) in answers {
        match answer {
            Some(answer) if !answer.is_empty() => ballots.push(CountBallot { weight, answer }),
            _ => blank = blank.saturating_add(1),
        }
    }
    count_question(
        question,
        &ballots,
        blank,
        &DrawSeed::new(root, &question.id),
    )
}

/// Counts a question of a verifiable election from its decrypted sums: `sums[i]` is the weight
/// (ten-thousandths) of the ballots marking candidate i+1, `valid` the weight of every counted
/// ballot. Which ballots left the question blank stays secret, so `blank` is 0. Only the
/// methods a verifiable election takes (plurality, approval, referendum) have a count here;
/// any other gives a result without winners.
pub fn count_sums(
    question: &Question,
    sums: &[u64],
    valid: u128,
    root: &[u8; 32],
) -> QuestionResult {
    let mut ballots_result = count_question(question, &[], 0, &DrawSeed::new(root, &question.id));
    ballots_result.valid = decimal(valid, WEIGHT_PLACES);
    ballots_result.rounds.clear();
    ballots_result.winners.clear();
    let seed = DrawSeed::new(root, &question.id);
    let mut draws = draw::Draws::new(&seed);
    let mut votes: Vec<u128> = sums.iter().map(|&sum| u128::from(sum)).collect();
    votes.resize(candidate_count(question), 0);
    match question.method {
        Method::Plurality | Method::Approval => {
            plurality::count_sums(question.seats, votes, &mut draws, &mut ballots_result)
        }
        Method::Referendum => {
            let threshold = question.threshold.unwrap_or(Threshold::Majority);
            plurality::referendum_of_sums(threshold, votes, &mut ballots_result)
        }
        Method::Irv | Method::Stv | Method::Schulze => {}
    }
    ballots_result.tie_breaks = draws.into_record();
    ballots_result
}
