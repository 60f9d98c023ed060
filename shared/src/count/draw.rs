//! The draw: how a count breaks a tie that its rules leave to lot, so that anyone can
//! recompute it from public data.
//!
//! The algorithm, in full:
//! 1. The question's seed is `S = SHA-256(root || question_id)`, where `root` is the 32-byte
//!    final root of the election's public log and `question_id` the question id's UTF-8 bytes
//!    ([`super::DrawSeed::new`]).
//! 2. The draws of a question are numbered `k = 0, 1, 2, …` in the order the count needs them.
//!    The k-th draw computes `H = SHA-256(S || k)`, with `k` as 4 bytes big-endian.
//! 3. `r` is the first 8 bytes of `H` read as a big-endian unsigned 64-bit integer.
//! 4. `among` is the list of tied candidate ids sorted ascending (each once); the draw chooses
//!    `among[r mod len(among)]`.
//!
//! A "tie" of one candidate is no tie: it takes no draw and consumes no `k`. Every draw is
//! recorded in the result as a [`TieBreak`] (the round it was for, `among`, the chosen id), so
//! an auditor can check each one. The modulo bias (at most len/2^64) is far below anything
//! that matters for a handful of tied candidates.

use sha2::{Digest, Sha256};

use super::DrawSeed;
use crate::ballots::TieBreak;
use crate::ids::CandidateId;

/// The draws of one question's count, in order, and their record.
pub struct Draws<'s> {
    seed: &'s DrawSeed,
    next: u32,
    record: Vec<TieBreak>,
}

impl<'s> Draws<'s> {
    pub fn new(seed: &'s DrawSeed) -> Draws<'s> {
        Draws {
            seed,
            next: 0,
            record: Vec::new(),
        }
    }

    /// Chooses one of `among` by lot for `round`, records it, and returns it. Callers always
    /// pass at least one candidate; an empty list would return 0 (no candidate) rather than
    /// panic.
    pub fn choose(&mut self, round: u32, among: &[CandidateId]) -> CandidateId {
        let mut among = among.to_vec();
        among.sort_unstable();
        among.dedup();
        if among.len() <= 1 {
            return among.first().copied().unwrap_or(0);
        }
        let r = draw_number(self.seed, self.next);
        self.next = self.next.saturating_add(1);
        let chosen = among[(r % among.len() as u64) as usize];
        self.record.push(TieBreak {
            round,
            among,
            chosen,
        });
        chosen
    }

    /// Orders `tied` by successive draws (the first drawn first): how a count picks `wanted`
    /// of a tied group. Only the draws needed to settle the first `wanted` places are made.
    pub fn choose_several(
        &mut self,
        round: u32,
        tied: &[CandidateId],
        wanted: usize,
    ) -> Vec<CandidateId> {
        let mut left = tied.to_vec();
        left.sort_unstable();
        left.dedup();
        let mut chosen = Vec::new();
        while chosen.len() < wanted && !left.is_empty() {
            let pick = self.choose(round, &left);
            left.retain(|&id| id != pick);
            chosen.push(pick);
        }
        chosen
    }

    /// The draws made, in order.
    pub fn into_record(self) -> Vec<TieBreak> {
        self.record
    }
}

/// `r` of the k-th draw: the first 8 bytes of SHA-256(seed || k big-endian), big-endian.
pub fn draw_number(seed: &DrawSeed, k: u32) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update(seed.bytes());
    hasher.update(k.to_be_bytes());
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> DrawSeed {
        DrawSeed::new(&[7u8; 32], "q1")
    }

    #[test]
    fn the_seed_is_sha256_of_the_root_then_the_question_id() {
        let mut input = vec![7u8; 32];
        input.extend_from_slice(b"q1");
        let expected: [u8; 32] = Sha256::digest(&input).into();
        assert_eq!(seed().bytes(), &expected);
        assert_ne!(DrawSeed::new(&[7u8; 32], "q2"), seed());
    }

    #[test]
    fn a_draw_takes_the_first_eight_bytes_of_the_hash_of_seed_and_counter() {
        let seed = seed();
        for k in [0u32, 1, 2, 300] {
            let mut input = seed.bytes().to_vec();
            input.extend_from_slice(&k.to_be_bytes());
            let digest = Sha256::digest(&input);
            let by_hand = u64::from_be_bytes(digest[..8].try_into().unwrap());
            assert_eq!(draw_number(&seed, k), by_hand);
        }
    }

    #[test]
    fn a_fixed_seed_gives_the_documented_choices() {
        let seed = seed();
        let mut draws = Draws::new(&seed);
        // The ids are sorted before the draw, so the order they are given in does not matter.
        let first = draws.choose(3, &[9, 2, 5]);
        let second = draws.choose(4, &[1, 2]);
        assert_eq!(first, [2, 5, 9][(draw_number(&seed, 0) % 3) as usize]);
        assert_eq!(second, [1, 2][(draw_number(&seed, 1) % 2) as usize]);
        // Regression pin of the same documented computation.
        assert_eq!((first, second), PINNED);
        let record = draws.into_record();
        assert_eq!(record.len(), 2);
        assert_eq!(record[0].among, vec![2, 5, 9]);
        assert_eq!(record[0].round, 3);
        assert_eq!(record[1].chosen, second);
    }

    /// What the draws above gave when the algorithm was written down; a change here changes
    /// every recomputed lot, so it must never happen silently.
    const PINNED: (CandidateId, CandidateId) = (5, 1);

    #[test]
    fn a_tie_of_one_takes_no_draw() {
        let seed = seed();
        let mut draws = Draws::new(&seed);
        assert_eq!(draws.choose(1, &[4, 4]), 4);
        assert!(draws.into_record().is_empty());
    }

    #[test]
    fn choosing_several_draws_until_the_places_are_filled() {
        let seed = seed();
        let mut draws = Draws::new(&seed);
        let chosen = draws.choose_several(1, &[3, 1, 2], 2);
        assert_eq!(chosen.len(), 2);
        assert_ne!(chosen[0], chosen[1]);
        assert_eq!(draws.into_record().len(), 2);
    }
}
