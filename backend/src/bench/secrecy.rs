//! `ballot bench-secrecy`: the secret-ballot crypto alone, in this process (no server): sealing
//! a ballot of one approval question, checking ballots' proofs (one thread and every core),
//! adding them into the encrypted tally, and a 2-of-3 trustees' decryption; then what that
//! makes for 100,000 ballots. Figures are printed, never asserted.

use std::time::{Duration, Instant};

use anyhow::bail;
use rand::rngs::OsRng;
use rand::{Rng, RngCore};
use shared::secrecy::ballot::{seal, verify, SealedBallot, Shape};
use shared::secrecy::ceremony::{self, Board, KeySet, Step, TrusteeKey};
use shared::secrecy::tally::{self, Tally};
use shared::secrecy::{Ciphertext, ProofError};

use crate::config::SecrecyBenchArgs;

/// Ballots sealed (and timed): the pool the other figures cycle through.
const SEALED: usize = 50;
/// A vote of weight one, in ten-thousandths.
const ONE: u64 = 10_000;
const PROJECTED: usize = 100_000;

pub fn run(args: SecrecyBenchArgs) -> anyhow::Result<()> {
    let ballots = args.ballots.max(1);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "secret ballots: one approval question of {} options, {ballots} ballots, {cores} \
         core(s), {} build",
        args.options,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    let (keys, joint) = ceremony(3, 2).map_err(anyhow::Error::msg)?;
    let key = joint.shared_key().clone();
    let shapes = [Shape {
        question: "q1".into(),
        options: args.options,
        max_marks: args.options as u64,
    }];

    let mut pool: Vec<SealedBallot> = Vec::with_capacity(SEALED);
    let started = Instant::now();
    for _ in 0..SEALED {
        let marks: Vec<bool> = (0..args.options).map(|_| OsRng.gen_bool(0.4)).collect();
        let mut seed = [0_u8; 32];
        OsRng.fill_bytes(&mut seed);
        pool.push(seal(&key, "bench", &shapes, &[marks], seed).map_err(anyhow::Error::msg)?);
    }
    let per_seal = started.elapsed() / SEALED as u32;
    println!("seal one ballot (mean of {SEALED}): {}", ms(per_seal));

    let check = |range: std::ops::Range<usize>| -> Result<Vec<Vec<Vec<Ciphertext>>>, ProofError> {
        range
            .map(|i| verify(&key, "bench", &shapes, &pool[i % SEALED]))
            .collect()
    };
    let started = Instant::now();
    let checked = check(0..ballots).map_err(anyhow::Error::msg)?;
    let one_thread = rate(ballots, started.elapsed());
    println!("verify, 1 thread: {one_thread:.0} ballots/s");

    let started = Instant::now();
    let chunk = ballots.div_ceil(cores);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let workers: Vec<_> = (0..cores)
            .map(|c| {
                let range = (c * chunk).min(ballots)..((c + 1) * chunk).min(ballots);
                scope.spawn(move || check(range))
            })
            .collect();
        for worker in workers {
            let joined = worker
                .join()
                .map_err(|_| anyhow::anyhow!("a worker panicked"))?;
            joined.map_err(anyhow::Error::msg)?;
        }
        Ok(())
    })?;
    let every_core = rate(ballots, started.elapsed());
    println!("verify, {cores} threads: {every_core:.0} ballots/s");

    // As the server tallies: each ballot into its weight's class (here every weight is one
    // vote), each class multiplied by its weight once, at close.
    let mut class = tally::empty(&[args.options]);
    let started = Instant::now();
    for marks in &checked {
        if !tally::add(&mut class, marks, 1, false) {
            bail!("a ballot's shape differs from the tally's");
        }
    }
    let mut sums = tally::empty(&[args.options]);
    tally::add(&mut sums, &class, ONE, false);
    let adding = started.elapsed();
    println!(
        "add {ballots} ballots into the tally (tally::add): {}",
        ms(adding)
    );
    // The same sums by the group's addition alone: what adding costs without `add`'s
    // multiplication by the weight.
    let started = Instant::now();
    let mut plain = tally::empty(&[args.options]);
    for marks in &checked {
        for (total, mark) in plain[0].iter_mut().zip(&marks[0]) {
            *total += *mark;
        }
    }
    let additions = started.elapsed();
    println!(
        "  the same by ciphertext additions alone: {}",
        ms(additions)
    );

    let started = Instant::now();
    let counts = decrypt(&keys, &joint, &sums, (ballots as u64) * ONE)?;
    let decrypting = started.elapsed();
    let marked: u64 = counts.iter().flatten().sum::<u64>() / ONE;
    println!(
        "decrypt with trustees 1 and 3 of 3 (shares, proofs checked, counts): {} ({marked} \
         marks)",
        ms(decrypting)
    );
    let started = Instant::now();
    decrypt(&keys, &joint, &sums, PROJECTED as u64 * ONE)?;
    let decrypting_projected = started.elapsed();

    let scale = PROJECTED as f64 / ballots as f64;
    let verify_projected = PROJECTED as f64 / every_core;
    let add_projected = adding.as_secs_f64() * scale;
    println!("projected for {PROJECTED} ballots:");
    println!("  verify on {cores} core(s): {verify_projected:.1} s");
    println!(
        "  tally and decryption: {:.2} s (add {add_projected:.2} s, decrypt {:.2} s with counts \
         up to {PROJECTED} votes)",
        add_projected + decrypting_projected.as_secs_f64(),
        decrypting_projected.as_secs_f64()
    );
    println!(
        "  adding by ciphertext additions alone: {:.2} s",
        additions.as_secs_f64() * scale
    );
    Ok(())
}

/// Trustees 1 and 3 decrypt; every share's proof is checked; the counts up to `max`.
fn decrypt(
    keys: &[TrusteeKey],
    joint: &KeySet,
    sums: &Tally,
    max: u64,
) -> anyhow::Result<Vec<Vec<u64>>> {
    let mut shares = Vec::new();
    for trustee in [1_u32, 3] {
        let key = &keys[trustee as usize - 1];
        let decryption = tally::decrypt(key, sums, &mut OsRng).map_err(anyhow::Error::msg)?;
        let checked = tally::verify_decryption(joint, trustee, sums, &decryption)
            .map_err(anyhow::Error::msg)?;
        shares.push((trustee, checked));
    }
    // Every weight is one vote: the counts are multiples of it.
    tally::combine(joint, sums, &shares, max, ONE).map_err(anyhow::Error::msg)
}

/// The ceremony of `n` trustees, relayed here as the server would through its log.
fn ceremony(n: usize, k: usize) -> Result<(Vec<TrusteeKey>, KeySet), ProofError> {
    let mut board = Board {
        commitments: vec![None; n],
        polynomials: vec![None; n],
        shares: vec![None; n],
    };
    let mut keys = Vec::with_capacity(n);
    for t in 1..=n as u32 {
        let (key, part) = TrusteeKey::start("bench", t, (n, k), &mut OsRng)?;
        board.commitments[t as usize - 1] = Some(part);
        keys.push(key);
    }
    let mut sets = Vec::with_capacity(n);
    for _round in 0..3 {
        let mut next = board.clone();
        for (i, key) in keys.iter_mut().enumerate() {
            match key.advance(&board, &mut OsRng)? {
                Some(Step::Polynomial(info)) => {
                    let Some(commitment) = &board.commitments[i] else {
                        return Err(ProofError::new("bench", "a commitment went missing"));
                    };
                    sets.push(ceremony::check_polynomial((n, k), commitment, &info)?);
                    next.polynomials[i] = Some(*info);
                }
                Some(Step::Shares(shares)) => next.shares[i] = Some(shares),
                None => {}
            }
        }
        board = next;
    }
    if !keys.iter().all(TrusteeKey::is_ready) {
        return Err(ProofError::new("bench", "the ceremony did not finish"));
    }
    let joint = ceremony::joint_key((n, k), &sets)?;
    Ok((keys, joint))
}

fn rate(count: usize, took: Duration) -> f64 {
    count as f64 / took.as_secs_f64().max(1e-9)
}

fn ms(took: Duration) -> String {
    format!("{:.1} ms", took.as_secs_f64() * 1_000.0)
}
