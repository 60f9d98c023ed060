//! `ballot bench-count`: the counting rules alone, in this process: IRV over a million
//! rankings and Scottish STV over a hundred thousand, random but seeded (so two runs count the
//! same ballots). Prints the time each count took; nothing is asserted.

use std::time::Instant;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use shared::ballots::{Choice, Method, Question, Weight};
use shared::count::{count_question, CountBallot, DrawSeed};
use shared::elections::CandidateSpec;

use crate::config::CountArgs;

pub fn run(args: CountArgs) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(args.seed);
    println!(
        "counting with {} candidates (seed {}, {} build)",
        args.candidates,
        args.seed,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    for (method, ballots, seats) in [
        (Method::Irv, args.irv_ballots, 1),
        (Method::Stv, args.stv_ballots, args.seats),
    ] {
        let question = question(method, args.candidates, seats);
        let rankings = rankings(&mut rng, args.candidates, ballots);
        let counted: Vec<CountBallot<'_>> = rankings
            .iter()
            .map(|answer| CountBallot {
                weight: Weight::ONE,
                answer,
            })
            .collect();
        let started = Instant::now();
        let result = count_question(&question, &counted, 0, &DrawSeed::new(&[0; 32], "bench"));
        let took = started.elapsed();
        println!(
            "  {:<4} {ballots:>9} ballots, {seats} seat(s): {:.3} s, {} rounds, winners {:?}",
            method.as_str(),
            took.as_secs_f64(),
            result.rounds.len(),
            result.winners
        );
    }
    Ok(())
}

fn question(method: Method, candidates: u32, seats: u32) -> Question {
    let names = (1..=candidates)
        .map(|i| CandidateSpec {
            name: format!("Candidate {i}"),
            description: String::new(),
        })
        .collect();
    Question {
        id: method.as_str().to_string(),
        title: String::new(),
        description: String::new(),
        method,
        candidates: names,
        seats,
        max_choices: candidates,
        threshold: None,
    }
}

/// Rankings of 1 to all candidates, shuffled, with a bias towards low ids so that the count
/// has a shape (a front runner, transfers) rather than a uniform tie.
fn rankings(rng: &mut StdRng, candidates: u32, ballots: usize) -> Vec<Vec<Choice>> {
    let mut ids: Vec<u32> = (1..=candidates).collect();
    (0..ballots)
        .map(|_| {
            ids.shuffle(rng);
            if rng.gen_bool(0.3) {
                ids.sort_unstable();
            }
            let length = rng.gen_range(1..=candidates as usize);
            ids[..length].iter().copied().map(Choice::One).collect()
        })
        .collect()
}
