//! Checking a verifiable election from its public log alone: every trustee's part, the joint
//! key, every ballot's proofs, the encrypted tally of the counted ballots (the last per voter
//! with re-voting), every trustee's decryption and the decrypted sums. The server, `ballot
//! audit` and the audit page all come through here, so they cannot disagree.

use std::collections::{HashMap, HashSet};

use super::ballot::{self, SealedBallot, Shape};
use super::ceremony::{self, Commitment, KeySet};
use super::tally::{self, Tally};
use super::{Ciphertext, Group, ProofError, Secrecy};
use crate::ballots::{Question, Weight};
use crate::log::{PublicEntry, PublicLine};
use elastic_elgamal::VerifiableDecryption;

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecretAudit {
    /// Sealed ballots whose proofs were checked.
    pub ballots_checked: u64,
    /// Ballots in the tally (re-votes replace earlier ones).
    pub counted: u64,
    pub trustees: u32,
    pub threshold: u32,
    /// Whether the joint key was published (and matched the polynomials).
    pub key_published: bool,
    pub decryptions_checked: u32,
    /// The decrypted sums, per question and option, in ten-thousandths of a vote.
    pub sums: Option<Vec<Vec<u64>>>,
}

#[derive(Default)]
struct Ceremony {
    threshold: usize,
    trustees: usize,
    commitments: HashMap<u32, Commitment>,
    polynomials: HashMap<u32, KeySet>,
    key: Option<KeySet>,
}

/// One sealed ballot whose proofs are to be checked.
pub struct BallotCheck<'a> {
    /// The line it is on.
    pub line: u64,
    pub ballot_id: &'a str,
    election_id: &'a str,
    key: super::PublicKey,
    shapes: Vec<Shape>,
    sealed: &'a SealedBallot,
}

impl BallotCheck<'_> {
    /// Checks the ballot's proofs; the problem names its line and ballot.
    pub fn check(&self) -> Result<(), ProofError> {
        ballot::verify(&self.key, self.election_id, &self.shapes, self.sealed)
            .map(|_| ())
            .map_err(|e| {
                ProofError::new(
                    format!("line {}: ballot {}, {}", self.line, self.ballot_id, e.at),
                    e.problem,
                )
            })
    }
}

/// Checks `lines` (one election's public log, in order). `None` for an election that is not
/// verifiable; the first problem, saying at which line, otherwise.
pub fn audit(election_id: &str, lines: &[PublicLine]) -> Result<Option<SecretAudit>, ProofError> {
    audit_with(election_id, lines, |checks| {
        checks.iter().map(BallotCheck::check).collect()
    })
}

/// [`audit`], with the ballots' proofs (nearly all of the work) checked by `check_ballots`,
/// which answers one result per check in order and may spread them over threads (`ballot
/// audit` does; a browser cannot).
pub fn audit_with(
    election_id: &str,
    lines: &[PublicLine],
    check_ballots: impl FnOnce(&[BallotCheck<'_>]) -> Vec<Result<(), ProofError>>,
) -> Result<Option<SecretAudit>, ProofError> {
    let mut checks = Vec::new();
    let first_problem = match walk(election_id, lines, &mut checks) {
        Ok(report) => Ok(report),
        Err((line, problem)) => {
            // Only the ballots before the problem's line could be an earlier problem.
            checks.retain(|c: &BallotCheck<'_>| c.line < line);
            Err(problem)
        }
    };
    let results = check_ballots(&checks);
    if let Some(problem) = results.into_iter().find_map(Result::err) {
        return Err(problem);
    }
    first_problem
}

/// Everything but the ballots' proofs, which it lists in `checks`; a problem with its line.
fn walk<'a>(
    election_id: &'a str,
    lines: &'a [PublicLine],
    checks: &mut Vec<BallotCheck<'a>>,
) -> Result<Option<SecretAudit>, (u64, ProofError)> {
    let mut secrecy = Secrecy::Open;
    let mut shapes: Vec<Shape> = Vec::new();
    let mut ceremony = Ceremony::default();
    let mut report = SecretAudit::default();
    // Counted ballots by id: marks and weight; and every nonce seen.
    let mut counted: HashMap<String, (Vec<Vec<Ciphertext>>, u64)> = HashMap::new();
    let mut nonces = HashSet::new();
    let mut tally: Option<Tally> = None;
    let mut shares: Vec<(u32, Vec<Vec<VerifiableDecryption<Group>>>)> = Vec::new();
    for line in lines {
        let at = |problem: ProofError| {
            (
                line.index,
                ProofError::new(
                    format!("line {}: {}", line.index, problem.at),
                    problem.problem,
                ),
            )
        };
        match &line.entry {
            PublicEntry::ElectionDefined {
                options,
                candidates,
                questions,
                ..
            } => {
                secrecy = options.secrecy;
                let questions = if questions.is_empty() {
                    vec![Question::main(candidates.clone())]
                } else {
                    questions.clone()
                };
                shapes = questions.iter().map(Shape::of).collect();
            }
            PublicEntry::TrusteesNamed {
                threshold,
                trustees,
            } => {
                ceremony = Ceremony {
                    threshold: *threshold as usize,
                    trustees: trustees.len(),
                    ..Ceremony::default()
                };
                report.trustees = trustees.len() as u32;
                report.threshold = *threshold;
            }
            PublicEntry::TrusteeCommitted {
                trustee_id,
                commitment,
            } => {
                ceremony::check_commitment(commitment).map_err(at)?;
                ceremony.commitments.insert(*trustee_id, commitment.clone());
            }
            PublicEntry::TrusteePolynomialPublished {
                trustee_id,
                polynomial,
            } => {
                let commitment = ceremony.commitments.get(trustee_id).ok_or_else(|| {
                    at(ProofError::new(
                        format!("trustee {trustee_id}"),
                        "a polynomial before its commitment",
                    ))
                })?;
                let set = ceremony::check_polynomial(
                    (ceremony.trustees, ceremony.threshold),
                    commitment,
                    &polynomial.0,
                )
                .map_err(|e| {
                    at(ProofError::new(
                        format!("trustee {trustee_id}'s {}", e.at),
                        e.problem,
                    ))
                })?;
                ceremony.polynomials.insert(*trustee_id, set);
            }
            PublicEntry::TrusteeSharesPublished { .. } => {}
            PublicEntry::ElectionKeyPublished { key } => {
                let sets: Vec<KeySet> = (1..=ceremony.trustees as u32)
                    .filter_map(|t| ceremony.polynomials.get(&t).cloned())
                    .collect();
                let joint = ceremony::joint_key((ceremony.trustees, ceremony.threshold), &sets)
                    .map_err(at)?;
                if super::Opaque(joint.clone()) != *key {
                    return Err(at(ProofError::new(
                        "election key",
                        "is not the sum of the trustees' polynomials",
                    )));
                }
                ceremony.key = Some(joint);
                report.key_published = true;
            }
            PublicEntry::BallotCast {
                ballot_id,
                supersedes,
                weight,
                sealed,
                ..
            } if secrecy == Secrecy::Verifiable => {
                let sealed: &SealedBallot = sealed.as_ref().ok_or_else(|| {
                    at(ProofError::new(format!("ballot {ballot_id}"), "not sealed"))
                })?;
                let key = ceremony.key.as_ref().ok_or_else(|| {
                    at(ProofError::new(
                        format!("ballot {ballot_id}"),
                        "cast before the key",
                    ))
                })?;
                if !nonces.insert(sealed.nonce.clone()) {
                    return Err(at(ProofError::new(
                        format!("ballot {ballot_id}"),
                        "a copy of an earlier ballot (same nonce)",
                    )));
                }
                checks.push(BallotCheck {
                    line: line.index,
                    ballot_id,
                    election_id,
                    key: key.shared_key().clone(),
                    shapes: shapes.clone(),
                    sealed,
                });
                // Read unchecked here; a ballot whose proofs fail is reported before anything
                // this tally leads to.
                let marks: Vec<Vec<Ciphertext>> = sealed
                    .answers
                    .iter()
                    .map(|answer| answer.marks.iter().map(|c| c.0).collect())
                    .collect();
                report.ballots_checked += 1;
                if let Some(old) = supersedes {
                    counted.remove(old);
                }
                counted.insert(ballot_id.clone(), (marks, weight.unwrap_or(Weight::ONE).0));
            }
            PublicEntry::VotingClosed { .. } if secrecy == Secrecy::Verifiable => {
                let options: Vec<usize> = shapes.iter().map(|s| s.options).collect();
                let mut total = tally::empty(&options);
                for (marks, weight) in counted.values() {
                    tally::add(&mut total, marks, *weight, false);
                }
                report.counted = counted.len() as u64;
                tally = Some(total);
            }
            PublicEntry::TrusteeDecrypted {
                trustee_id,
                shares: decryption,
            } => {
                let (Some(key), Some(total)) = (&ceremony.key, &tally) else {
                    return Err(at(ProofError::new(
                        format!("trustee {trustee_id}"),
                        "a decryption before the tally closed",
                    )));
                };
                let checked =
                    tally::verify_decryption(key, *trustee_id, total, decryption).map_err(at)?;
                shares.push((*trustee_id, checked));
                report.decryptions_checked += 1;
            }
            PublicEntry::TallyDecrypted { sums } => {
                let (Some(key), Some(total)) = (&ceremony.key, &tally) else {
                    return Err(at(ProofError::new("tally", "decrypted before it closed")));
                };
                let max = counted
                    .values()
                    .fold(0_u64, |sum, (_, w)| sum.saturating_add(*w));
                let unit = tally::unit_of(counted.values().map(|(_, w)| *w));
                let mine = tally::combine(key, total, &shares, max, unit).map_err(at)?;
                if &mine != sums {
                    return Err(at(ProofError::new(
                        "tally",
                        "the published sums are not what the trustees' shares decrypt to",
                    )));
                }
                report.sums = Some(mine);
            }
            _ => {}
        }
    }
    Ok((secrecy == Secrecy::Verifiable).then_some(report))
}
