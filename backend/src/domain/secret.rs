//! Verifiable elections in the domain: the trustees and their key ceremony, sealed ballots in
//! the encrypted tally, and the decryption by `threshold` trustees.
//!
//! What is checked where (decide stays total and deterministic, like the rest):
//! - A sealed ballot's proofs are checked by the member that receives it, before it is
//!   proposed (`api/secret.rs`): they are the costly part (about a millisecond per
//!   10-option question), and every member applying them again would multiply that by four.
//!   Apply checks its shape, that the key is published and that its nonce is new. Anyone
//!   re-checks every proof from the public log (`shared::secrecy::audit`).
//! - A trustee's parts and decryption are checked here, in apply: they are few and cheap, and
//!   the joint key and the counts are derived from them in the same step.
//! - The running tally is kept per voter weight, so a ballot costs point additions only; the
//!   weights multiply in once, at close.

use std::collections::{BTreeMap, HashSet};

use shared::events::TrusteeRecord;
use shared::secrecy::ballot::{self, SealedBallot};
use shared::secrecy::ceremony::{self, Commitment, KeySet, Polynomial, SealedShare};
use shared::secrecy::tally::{self, Decryption, Tally};
use shared::secrecy::wire::SecretStage;
use shared::secrecy::{Ciphertext, Opaque, ProofError, Secrecy};
use shared::{EventPayload, Phase};

use super::{DomainError, Election};

/// A trustee as the state keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trustee {
    pub record: TrusteeRecord,
    pub commitment: Option<Commitment>,
    pub polynomial: Option<Opaque<Polynomial>>,
    pub shares: Option<Vec<SealedShare>>,
    pub decryption: Option<Decryption>,
}

/// A verifiable election's keys and tally.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecretState {
    pub threshold: u32,
    pub trustees: Vec<Trustee>,
    pub key: Option<Opaque<KeySet>>,
    /// The running tally of the counted ballots, per voter weight (ten-thousandths).
    pub by_weight: BTreeMap<u64, Vec<Vec<Opaque<Ciphertext>>>>,
    /// Every sealed ballot's nonce: a copied ballot is refused.
    pub nonces: HashSet<String>,
    /// The weighted tally, fixed when voting closed.
    pub tally: Option<Vec<Vec<Opaque<Ciphertext>>>>,
    /// The decrypted sums, per question and option (ten-thousandths).
    pub sums: Option<Vec<Vec<u64>>>,
}

/// What a trustee sends, by round.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum TrusteePart {
    Commitment { commitment: Commitment },
    Polynomial { polynomial: Opaque<Polynomial> },
    Shares { shares: Vec<SealedShare> },
    Decryption { shares: Decryption },
}

impl SecretState {
    pub fn stage(&self, phase: Phase) -> SecretStage {
        let all = |has: fn(&Trustee) -> bool| self.trustees.iter().all(has);
        if self.sums.is_some() {
            SecretStage::Decrypted
        } else if phase >= Phase::Closed && self.key.is_some() {
            SecretStage::Decrypting
        } else if self.key.is_some() {
            SecretStage::KeyPublished
        } else if self.trustees.is_empty() {
            SecretStage::NoTrustees
        } else if !all(|t| t.commitment.is_some()) {
            SecretStage::Commitments
        } else if !all(|t| t.polynomial.is_some()) {
            SecretStage::Polynomials
        } else {
            SecretStage::Shares
        }
    }

    fn params(&self) -> (usize, usize) {
        (self.trustees.len(), self.threshold as usize)
    }

    /// The trustee a token hash names.
    pub fn trustee_by_token(&self, token_hash: &str) -> Option<&Trustee> {
        self.trustees
            .iter()
            .find(|t| t.record.token_hash == token_hash)
    }

    /// Who has not sent `what` yet, by name.
    fn missing(&self, what: fn(&Trustee) -> bool) -> String {
        let names: Vec<&str> = self
            .trustees
            .iter()
            .filter(|t| !what(t))
            .map(|t| t.record.name.as_str())
            .collect();
        names.join(", ")
    }

    pub fn plain_tally(&self) -> Option<Tally> {
        self.tally.as_ref().map(|rows| {
            rows.iter()
                .map(|row| row.iter().map(|c| c.0).collect())
                .collect()
        })
    }
}

/// What a verifiable election takes: questions whose answers are marks (plurality, approval,
/// referendum) of at most [`ballot::MAX_OPTIONS`] options, and no live results.
pub fn check_verifiable(
    options: &shared::elections::ElectionOptions,
    questions: &[shared::ballots::Question],
) -> Result<(), DomainError> {
    if options.secrecy != Secrecy::Verifiable {
        return Ok(());
    }
    if options.live_results {
        return Err(super::decide::sealed_counts());
    }
    for question in questions {
        let field = format!("questions[{}].method", question.id);
        if question.method.is_ranked() {
            return Err(DomainError::InvalidElection {
                field,
                problem: format!(
                    "a verifiable election takes plurality, approval and referendum questions: \
                     encrypted {} ballots would need a mixnet, which Ballot does not have",
                    question.method.as_str()
                ),
            });
        }
        if question.candidates.len() > ballot::MAX_OPTIONS {
            return Err(DomainError::InvalidElection {
                field: format!("questions[{}].candidates", question.id),
                problem: format!(
                    "a verifiable election's question has at most {} options",
                    ballot::MAX_OPTIONS
                ),
            });
        }
    }
    Ok(())
}

fn trustee_mut(secret: &mut SecretState, id: u32) -> Option<&mut Trustee> {
    secret
        .trustees
        .iter_mut()
        .find(|t| t.record.trustee_id == id)
}

fn invalid_proof(error: ProofError) -> DomainError {
    DomainError::InvalidProof(error.to_string())
}

fn opaque(tally: Tally) -> Vec<Vec<Opaque<Ciphertext>>> {
    tally
        .into_iter()
        .map(|row| row.into_iter().map(Opaque).collect())
        .collect()
}

impl Election {
    pub fn is_verifiable(&self) -> bool {
        self.options.secrecy == Secrecy::Verifiable
    }

    fn option_counts(&self) -> Vec<usize> {
        self.questions.iter().map(|q| q.candidates.len()).collect()
    }

    /// Why voting cannot open yet in a verifiable election.
    pub(super) fn check_keys_ready(&self) -> Result<(), DomainError> {
        if !self.is_verifiable() || self.secret.key.is_some() {
            return Ok(());
        }
        if self.secret.trustees.is_empty() {
            return Err(DomainError::TrusteesPending("no trustees are named".into()));
        }
        Err(DomainError::TrusteesPending(format!(
            "the key ceremony is not finished (stage {:?}); waiting for: {}",
            self.secret.stage(self.phase),
            self.secret
                .missing(|t| t.shares.is_some() && t.polynomial.is_some())
        )))
    }

    /// Why results cannot be published yet in a verifiable election.
    pub(super) fn check_decrypted(&self) -> Result<(), DomainError> {
        if !self.is_verifiable() || self.secret.sums.is_some() {
            return Ok(());
        }
        let have = self
            .secret
            .trustees
            .iter()
            .filter(|t| t.decryption.is_some())
            .count();
        Err(DomainError::TrusteesPending(format!(
            "{have} of {} trustees' decryptions are in; missing: {}",
            self.secret.threshold,
            self.secret.missing(|t| t.decryption.is_some())
        )))
    }

    /// `NameTrustees`: in setup, for a verifiable election; starts the ceremony over.
    pub(super) fn decide_trustees(
        &self,
        threshold: u32,
        trustees: &[TrusteeRecord],
    ) -> Result<Vec<EventPayload>, DomainError> {
        if !self.is_verifiable() {
            return Err(DomainError::InvalidElection {
                field: "secrecy".into(),
                problem: "trustees are for verifiable elections only".into(),
            });
        }
        if self.phase != Phase::Setup {
            return Err(DomainError::WrongPhase {
                action: "name trustees".into(),
                phase: self.phase,
            });
        }
        let n = trustees.len();
        if !(1..=ceremony::MAX_TRUSTEES).contains(&n) || !(1..=n as u32).contains(&threshold) {
            return Err(DomainError::InvalidElection {
                field: "trustees".into(),
                problem: format!(
                    "there must be 1 to {} trustees and 1 ≤ threshold ≤ trustees",
                    ceremony::MAX_TRUSTEES
                ),
            });
        }
        Ok(vec![EventPayload::TrusteesNamed {
            threshold,
            trustees: trustees.to_vec(),
        }])
    }

    /// A trustee's part of the ceremony, or their decryption.
    pub(super) fn decide_trustee_part(
        &self,
        token_hash: &str,
        part: &TrusteePart,
    ) -> Result<Vec<EventPayload>, DomainError> {
        let secret = &self.secret;
        let trustee = secret
            .trustee_by_token(token_hash)
            .ok_or(DomainError::BadTrusteeToken)?;
        let trustee_id = trustee.record.trustee_id;
        let wrong = |what: &str| DomainError::WrongPhase {
            action: format!("send the trustee's {what}"),
            phase: self.phase,
        };
        let everyone = |has: fn(&Trustee) -> bool| secret.trustees.iter().all(has);
        match part {
            TrusteePart::Commitment { commitment } => {
                if self.phase != Phase::Setup || trustee.commitment.is_some() {
                    return Err(wrong("commitment"));
                }
                ceremony::check_commitment(commitment).map_err(invalid_proof)?;
                Ok(vec![EventPayload::TrusteeCommitted {
                    trustee_id,
                    commitment: commitment.clone(),
                }])
            }
            TrusteePart::Polynomial { polynomial } => {
                let Some(commitment) = &trustee.commitment else {
                    return Err(wrong("polynomial"));
                };
                if trustee.polynomial.is_some() || !everyone(|t| t.commitment.is_some()) {
                    return Err(wrong("polynomial"));
                }
                ceremony::check_polynomial(secret.params(), commitment, &polynomial.0)
                    .map_err(invalid_proof)?;
                Ok(vec![EventPayload::TrusteePolynomialPublished {
                    trustee_id,
                    polynomial: polynomial.clone(),
                }])
            }
            TrusteePart::Shares { shares } => {
                if trustee.shares.is_some() || !everyone(|t| t.polynomial.is_some()) {
                    return Err(wrong("shares"));
                }
                ceremony::check_shares(secret.trustees.len(), trustee_id, shares)
                    .map_err(invalid_proof)?;
                let mut events = vec![EventPayload::TrusteeSharesPublished {
                    trustee_id,
                    shares: shares.clone(),
                }];
                let others_done = secret
                    .trustees
                    .iter()
                    .all(|t| t.record.trustee_id == trustee_id || t.shares.is_some());
                if others_done {
                    events.push(EventPayload::ElectionKeyPublished {
                        key: Opaque(self.joint_key()?),
                    });
                }
                Ok(events)
            }
            TrusteePart::Decryption { shares } => self.decide_decryption(trustee, shares),
        }
    }

    fn joint_key(&self) -> Result<KeySet, DomainError> {
        let secret = &self.secret;
        let sets = secret
            .trustees
            .iter()
            .map(|t| match (&t.commitment, &t.polynomial) {
                (Some(commitment), Some(polynomial)) => {
                    ceremony::check_polynomial(secret.params(), commitment, &polynomial.0)
                        .map_err(invalid_proof)
                }
                _ => Err(DomainError::InvalidProof("a polynomial is missing".into())),
            })
            .collect::<Result<Vec<_>, _>>()?;
        ceremony::joint_key(secret.params(), &sets).map_err(invalid_proof)
    }

    fn decide_decryption(
        &self,
        trustee: &Trustee,
        shares: &Decryption,
    ) -> Result<Vec<EventPayload>, DomainError> {
        let secret = &self.secret;
        let trustee_id = trustee.record.trustee_id;
        let (Some(key), Some(tally)) = (&secret.key, secret.plain_tally()) else {
            return Err(DomainError::WrongPhase {
                action: "decrypt the tally".into(),
                phase: self.phase,
            });
        };
        if trustee.decryption.is_some() || secret.sums.is_some() {
            return Err(DomainError::WrongPhase {
                action: "decrypt the tally again".into(),
                phase: self.phase,
            });
        }
        tally::verify_decryption(&key.0, trustee_id, &tally, shares).map_err(invalid_proof)?;
        let mut events = vec![EventPayload::TrusteeDecrypted {
            trustee_id,
            shares: shares.clone(),
        }];
        let done = secret
            .trustees
            .iter()
            .filter(|t| t.decryption.is_some())
            .count()
            + 1;
        if done == secret.threshold as usize {
            // Every earlier decryption was checked when it came; check them again only to
            // turn them into the library's type.
            let mut checked = Vec::new();
            let earlier = secret
                .trustees
                .iter()
                .filter_map(|t| t.decryption.as_ref().map(|d| (t.record.trustee_id, d)));
            for (id, decryption) in earlier.chain(std::iter::once((trustee_id, shares))) {
                let shares = tally::verify_decryption(&key.0, id, &tally, decryption)
                    .map_err(invalid_proof)?;
                checked.push((id, shares));
            }
            let unit = tally::unit_of(secret.by_weight.keys().copied());
            let sums = tally::combine(&key.0, &tally, &checked, self.voted_weight, unit)
                .map_err(invalid_proof)?;
            events.push(EventPayload::TallyDecrypted { sums });
        }
        Ok(events)
    }

    /// A sealed ballot's place in this election: sealed only if verifiable, the key
    /// published, one sealed answer per question of the right size, a nonce not seen before.
    pub fn check_sealed(&self, sealed: Option<&SealedBallot>) -> Result<(), DomainError> {
        let refuse = |problem: &str| DomainError::InvalidBallot {
            question: String::new(),
            problem: problem.into(),
        };
        match (self.is_verifiable(), sealed) {
            (false, None) => Ok(()),
            (false, Some(_)) => Err(refuse("this election takes plain ballots, not sealed ones")),
            (true, None) => Err(refuse(
                "a verifiable election takes ballots sealed in the browser (`sealed`)",
            )),
            (true, Some(sealed)) => {
                if self.secret.key.is_none() {
                    return Err(DomainError::TrusteesPending("no election key yet".into()));
                }
                let shapes_match = sealed.answers.len() == self.questions.len()
                    && sealed.answers.iter().zip(&self.questions).all(|(a, q)| {
                        a.question == q.id
                            && a.marks.len() == q.candidates.len()
                            && a.mark_proofs.len() == q.candidates.len()
                    });
                if !shapes_match {
                    return Err(refuse("the sealed ballot does not match the questions"));
                }
                if self.secret.nonces.contains(&sealed.nonce) {
                    return Err(refuse("this sealed ballot was cast before (same nonce)"));
                }
                Ok(())
            }
        }
    }

    /// Folds a sealed ballot into the running tally (and takes back the one it replaces).
    pub(super) fn fold_sealed(&mut self, voter_id: u32, sealed: &SealedBallot) {
        let marks: Vec<Vec<Ciphertext>> = sealed
            .answers
            .iter()
            .map(|answer| answer.marks.iter().map(|c| c.0).collect())
            .collect();
        let options = self.option_counts();
        let revoting = self.options.revoting;
        let Some(voter) = self.voters.get_mut(&voter_id) else {
            return;
        };
        let weight = voter.weight().0;
        // Kept only where a re-vote may have to take it back out of the tally.
        let previous = match revoting {
            true => voter.sealed.replace((weight, Opaque(marks.clone()))),
            false => None,
        };
        self.secret.nonces.insert(sealed.nonce.clone());
        let mut add = |weight: u64, marks: &[Vec<Ciphertext>], subtract: bool| {
            let class = self
                .secret
                .by_weight
                .entry(weight)
                .or_insert_with(|| opaque(tally::empty(&options)));
            let mut plain: Tally = class
                .iter()
                .map(|row| row.iter().map(|c| c.0).collect())
                .collect();
            if tally::add(&mut plain, marks, 1, subtract) {
                *class = opaque(plain);
            }
        };
        if let Some((old_weight, old_marks)) = previous {
            add(old_weight, &old_marks.0, true);
        }
        add(weight, &marks, false);
    }

    /// At close: the weighted tally, `Σ weight · tally(weight)`.
    pub(super) fn fold_close_secret(&mut self) {
        if !self.is_verifiable() {
            return;
        }
        let mut total = tally::empty(&self.option_counts());
        for (weight, class) in &self.secret.by_weight {
            let plain: Tally = class
                .iter()
                .map(|row| row.iter().map(|c| c.0).collect())
                .collect();
            tally::add(&mut total, &plain, *weight, false);
        }
        self.secret.tally = Some(opaque(total));
    }

    /// The ceremony's and decryption's events.
    pub(super) fn fold_secret(&mut self, payload: &EventPayload) {
        let secret = &mut self.secret;
        match payload {
            EventPayload::TrusteesNamed {
                threshold,
                trustees,
            } => {
                *secret = SecretState {
                    threshold: *threshold,
                    trustees: trustees
                        .iter()
                        .map(|record| Trustee {
                            record: record.clone(),
                            commitment: None,
                            polynomial: None,
                            shares: None,
                            decryption: None,
                        })
                        .collect(),
                    ..SecretState::default()
                };
            }
            EventPayload::TrusteeCommitted {
                trustee_id,
                commitment,
            } => {
                if let Some(t) = trustee_mut(secret, *trustee_id) {
                    t.commitment = Some(commitment.clone());
                }
            }
            EventPayload::TrusteePolynomialPublished {
                trustee_id,
                polynomial,
            } => {
                if let Some(t) = trustee_mut(secret, *trustee_id) {
                    t.polynomial = Some(polynomial.clone());
                }
            }
            EventPayload::TrusteeSharesPublished { trustee_id, shares } => {
                if let Some(t) = trustee_mut(secret, *trustee_id) {
                    t.shares = Some(shares.clone());
                }
            }
            EventPayload::ElectionKeyPublished { key } => secret.key = Some(key.clone()),
            EventPayload::TrusteeDecrypted { trustee_id, shares } => {
                if let Some(t) = trustee_mut(secret, *trustee_id) {
                    t.decryption = Some(shares.clone());
                }
            }
            EventPayload::TallyDecrypted { sums } => {
                self.secret.sums = Some(sums.clone());
                // The old form's one question is also counted in `counts`, in whole votes.
                if !self.with_questions {
                    if let Some(row) = sums.first() {
                        for (sum, id) in row.iter().zip(1..) {
                            self.counts.insert(id, sum / shared::ballots::Weight::SCALE);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
