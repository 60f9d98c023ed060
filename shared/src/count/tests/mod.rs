//! Tests of the counting rules: worked examples with published outcomes (`literature`),
//! real public elections from `tests/data/ballots` (`real`), properties every count must keep
//! (`properties`), and the decisions each rule documents (`rules`).

mod literature;
mod properties;
mod real;
mod rules;

use super::{count_question, CountBallot, DrawSeed};
use crate::ballots::{Choice, Method, Question, QuestionResult, Weight};
use crate::elections::CandidateSpec;

/// A question of `candidates` candidates named C1, C2, ….
pub(super) fn question(method: Method, candidates: usize, seats: u32) -> Question {
    Question {
        id: "q1".to_string(),
        title: String::new(),
        description: String::new(),
        method,
        candidates: (1..=candidates)
            .map(|i| CandidateSpec {
                name: format!("C{i}"),
                description: String::new(),
            })
            .collect(),
        seats,
        max_choices: candidates as u32,
        threshold: None,
    }
}

/// A voter's weight and answer.
pub(super) type Vote = (Weight, Vec<Choice>);

/// `count` one-weight voters ranking `letters` (A = 1, B = 2, …) in order.
pub(super) fn letters(profile: &[(usize, &str)]) -> Vec<Vote> {
    let mut votes = Vec::new();
    for &(count, ranking) in profile {
        let answer: Vec<Choice> = ranking
            .bytes()
            .map(|b| Choice::One(u32::from(b - b'A') + 1))
            .collect();
        votes.extend(std::iter::repeat_n((Weight::ONE, answer), count));
    }
    votes
}

pub(super) fn seed() -> DrawSeed {
    DrawSeed::new(&[0u8; 32], "q1")
}

pub(super) fn count(question: &Question, votes: &[Vote], seed: &DrawSeed) -> QuestionResult {
    let ballots: Vec<CountBallot<'_>> = votes
        .iter()
        .map(|(weight, answer)| CountBallot {
            weight: *weight,
            answer,
        })
        .collect();
    count_question(question, &ballots, 0, seed)
}

/// A decimal string read back as units of 10^-`places`.
pub(super) fn units(text: &str, places: u32) -> u128 {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut digits = fraction.to_string();
    assert!(
        digits.len() <= places as usize,
        "{text} has more than {places} places"
    );
    while digits.len() < places as usize {
        digits.push('0');
    }
    let whole: u128 = whole.parse().unwrap();
    let fraction: u128 = if digits.is_empty() {
        0
    } else {
        digits.parse().unwrap()
    };
    whole * 10u128.pow(places) + fraction
}

/// One round's figure for `candidate`, if it is listed.
pub(super) fn tally(result: &QuestionResult, round: usize, candidate: u32) -> Option<&str> {
    result.rounds[round]
        .tallies
        .iter()
        .find(|t| t.candidate_id == candidate)
        .map(|t| t.votes.as_str())
}

/// An election in the BLT format: `candidates seats`, an optional line of withdrawn candidates
/// (negative ids), ballot lines `count pref pref … 0` (a preference may be `a=b` for
/// candidates ranked equal), a `0` line, the quoted names and the quoted title.
pub(super) struct Blt {
    pub candidates: usize,
    pub seats: u32,
    /// How many voters cast each ranking, in file order.
    pub lines: Vec<(u64, Vec<Choice>)>,
    pub names: Vec<String>,
}

impl Blt {
    pub fn parse(text: &str) -> Blt {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let header: Vec<usize> = lines
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let mut ballots = Vec::new();
        for line in lines.by_ref() {
            if line == "0" {
                break;
            }
            if line.starts_with('-') {
                continue; // withdrawn candidates: none in our files
            }
            let mut fields = line.split_whitespace();
            let voters: u64 = fields.next().unwrap().parse().unwrap();
            let answer = fields
                .take_while(|&f| f != "0")
                .map(|f| {
                    let ids: Vec<u32> = f.split('=').map(|id| id.parse().unwrap()).collect();
                    match ids.as_slice() {
                        [one] => Choice::One(*one),
                        _ => Choice::Equal(ids),
                    }
                })
                .collect();
            ballots.push((voters, answer));
        }
        let names = lines.map(|l| l.trim_matches('"').to_string()).collect();
        Blt {
            candidates: header[0],
            seats: header[1] as u32,
            lines: ballots,
            names,
        }
    }

    /// Reads `tests/data/ballots/<file>` of the workspace.
    pub fn load(file: &str) -> Blt {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/data/ballots")
            .join(file);
        Blt::parse(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
    }

    /// One one-weight voter per ballot paper.
    pub fn voters(&self) -> Vec<Vote> {
        let mut votes = Vec::new();
        for (count, answer) in &self.lines {
            votes.extend(std::iter::repeat_n(
                (Weight::ONE, answer.clone()),
                *count as usize,
            ));
        }
        votes
    }

    /// One voter per line, weighing as many voters as the line counts.
    pub fn weighted(&self) -> Vec<Vote> {
        self.lines
            .iter()
            .map(|(count, answer)| (Weight(count * Weight::SCALE), answer.clone()))
            .collect()
    }
}
