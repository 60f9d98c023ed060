//! The encrypted tally, the trustees' decryption shares and the counts.
//!
//! The tally is the sum of every counted ballot's mark ciphertexts, each multiplied by its
//! voter's weight (in ten-thousandths, so the decrypted counts are too). A trustee decrypts
//! each of the tally's ciphertexts with its key share and proves each share (Chaum–Pedersen,
//! the library's `LogEqualityProof`); any `threshold` valid shares combine into `count·G`, and
//! the count is found by baby-step giant-step up to the roll's total weight.

use std::collections::HashMap;

use elastic_elgamal::group::{ElementOps, Group as _, ScalarOps};
use elastic_elgamal::{CandidateDecryption, LogEqualityProof, VerifiableDecryption};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::ceremony::{KeySet, TrusteeKey};
use super::{from_hex, to_hex, Ciphertext, Group, ProofError};

/// An encrypted tally: per question, per option.
pub type Tally = Vec<Vec<Ciphertext>>;

/// The greatest common divisor of the weights (a unit every sum is a multiple of).
pub fn unit_of(weights: impl IntoIterator<Item = u64>) -> u64 {
    fn gcd(a: u64, b: u64) -> u64 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    weights.into_iter().fold(0, gcd).max(1)
}

/// An empty tally of these questions' option counts.
pub fn empty(options: &[usize]) -> Tally {
    options
        .iter()
        .map(|&n| vec![Ciphertext::zero(); n])
        .collect()
}

/// `tally += weight · marks` (or `-=`, to take back a ballot a re-vote replaced). Shapes are
/// checked by the caller; a mismatch changes nothing and says so.
pub fn add(tally: &mut Tally, marks: &[Vec<Ciphertext>], weight: u64, subtract: bool) -> bool {
    let shapes_match =
        tally.len() == marks.len() && tally.iter().zip(marks).all(|(t, m)| t.len() == m.len());
    if !shapes_match {
        return false;
    }
    for (row, marks) in tally.iter_mut().zip(marks) {
        for (total, mark) in row.iter_mut().zip(marks) {
            // `Ciphertext * u64` is a full scalar multiplication even by 1: the running tally
            // (one per weight) adds with weight 1, a point addition only.
            let weighted = match weight {
                1 => *mark,
                _ => *mark * weight,
            };
            if subtract {
                *total -= weighted;
            } else {
                *total += weighted;
            }
        }
    }
    true
}

/// One decryption share and its proof, hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShareProof {
    pub share: String,
    pub proof: String,
}

/// A trustee's decryption of the whole tally: per question, per option.
pub type Decryption = Vec<Vec<ShareProof>>;

/// A trustee's shares of `tally`, with their proofs.
pub fn decrypt<R: CryptoRng + RngCore>(
    key: &TrusteeKey,
    tally: &Tally,
    rng: &mut R,
) -> Result<Decryption, ProofError> {
    let participant = key.participant()?;
    Ok(tally
        .iter()
        .map(|row| {
            row.iter()
                .map(|ciphertext| {
                    let (share, proof) = participant.decrypt_share(*ciphertext, rng);
                    ShareProof {
                        share: to_hex(&share.to_bytes()),
                        proof: to_hex(&proof.to_bytes()),
                    }
                })
                .collect()
        })
        .collect())
}

/// Checks trustee `trustee`'s (1-based) decryption of `tally`; the shares when all hold.
pub fn verify_decryption(
    keys: &KeySet,
    trustee: u32,
    tally: &Tally,
    decryption: &Decryption,
) -> Result<Vec<Vec<VerifiableDecryption<Group>>>, ProofError> {
    let at = format!("trustee {trustee}'s decryption");
    let index = (trustee as usize)
        .checked_sub(1)
        .filter(|&i| i < keys.participant_keys().len())
        .ok_or_else(|| ProofError::new(at.clone(), "no such trustee"))?;
    let shapes_match = tally.len() == decryption.len()
        && tally
            .iter()
            .zip(decryption)
            .all(|(t, d)| t.len() == d.len());
    if !shapes_match {
        return Err(ProofError::new(at, "one share per option of the tally"));
    }
    tally
        .iter()
        .zip(decryption)
        .enumerate()
        .map(|(q, (row, shares))| {
            row.iter()
                .zip(shares)
                .enumerate()
                .map(|(o, (ciphertext, share))| {
                    let where_ = || format!("{at}, question {}, option {}", q + 1, o + 1);
                    let candidate = from_hex(&share.share)
                        .and_then(|b| CandidateDecryption::from_bytes(&b))
                        .ok_or_else(|| ProofError::new(where_(), "malformed share"))?;
                    let proof = from_hex(&share.proof)
                        .and_then(|b| LogEqualityProof::from_bytes(&b))
                        .ok_or_else(|| ProofError::new(where_(), "malformed proof"))?;
                    keys.verify_share(candidate, *ciphertext, index, &proof)
                        .map_err(|e| ProofError::new(where_(), e))
                })
                .collect()
        })
        .collect()
}

/// The counts from `threshold` trustees' checked shares (`(1-based id, shares)`), each count
/// at most `max` (the counted ballots' total weight) and a multiple of `unit` (a common divisor
/// of their weights: with every weight 1, `unit` is 10 000 and a million ballots need a
/// thousand steps, not thirty thousand).
pub fn combine(
    keys: &KeySet,
    tally: &Tally,
    shares: &[(u32, Vec<Vec<VerifiableDecryption<Group>>>)],
    max: u64,
    unit: u64,
) -> Result<Vec<Vec<u64>>, ProofError> {
    let unit = unit.max(1);
    let params = keys.params();
    if shares.len() < params.threshold {
        return Err(ProofError::new(
            "decryption",
            format!("{} of {} shares", shares.len(), params.threshold),
        ));
    }
    let logs = DiscreteLog::new(max / unit, unit);
    tally
        .iter()
        .enumerate()
        .map(|(q, row)| {
            row.iter()
                .enumerate()
                .map(|(o, ciphertext)| {
                    let at = || format!("question {}, option {}", q + 1, o + 1);
                    let parts = shares.iter().filter_map(|(trustee, rows)| {
                        let share = rows.get(q)?.get(o)?;
                        Some((*trustee as usize - 1, *share))
                    });
                    let combined = params
                        .combine_shares(parts)
                        .ok_or_else(|| ProofError::new(at(), "too few shares"))?;
                    let element = combined.decrypt_to_element(*ciphertext);
                    logs.find(&element)
                        .and_then(|count| count.checked_mul(unit))
                        .ok_or_else(|| ProofError::new(at(), "the count is out of range"))
                })
                .collect()
        })
        .collect()
}

/// Baby-step giant-step for `c` in `c·(unit·G)`, `c` in `[0, max]`: a table of √max points,
/// then as many giant steps.
struct DiscreteLog {
    baby: HashMap<[u8; 32], u64>,
    step: u64,
    max: u64,
    generator: <Group as ElementOps>::Element,
}

impl DiscreteLog {
    fn new(max: u64, unit: u64) -> DiscreteLog {
        let step = (max as f64).sqrt() as u64 + 1;
        let mut baby = HashMap::with_capacity(step as usize);
        let mut point = <Group as ElementOps>::identity();
        let generator = Group::mul_generator(&<Group as ScalarOps>::Scalar::from(unit));
        for i in 0..step {
            baby.insert(bytes(&point), i);
            point += generator;
        }
        DiscreteLog {
            baby,
            step,
            max,
            generator,
        }
    }

    fn find(&self, element: &<Group as ElementOps>::Element) -> Option<u64> {
        let giant = self.generator * <Group as ScalarOps>::Scalar::from(self.step);
        let mut point = *element;
        let mut base = 0_u64;
        while base <= self.max {
            if let Some(i) = self.baby.get(&bytes(&point)) {
                let value = base.checked_add(*i)?;
                return (value <= self.max).then_some(value);
            }
            point -= giant;
            base = base.checked_add(self.step)?;
        }
        None
    }
}

fn bytes(element: &<Group as ElementOps>::Element) -> [u8; 32] {
    let mut out = [0_u8; 32];
    Group::serialize_element(element, &mut out);
    out
}
