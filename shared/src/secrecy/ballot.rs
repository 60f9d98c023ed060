//! A voter's marks, sealed and proven, question by question.
//!
//! Each question of `m` options is sealed as `m` ciphertexts of 0 or 1 (a range proof over
//! `[0, 2)` each), plus, when `max_choices` is below `m`, a fresh ciphertext of their sum with
//! a range proof over `[0, max_choices]` and a proof that the sum of the marks minus that
//! ciphertext encrypts
//! zero. All the proofs of a question share one transcript that starts with the election, the
//! question and the ballot's own nonce: a ballot moved to another election or question fails,
//! and a copy keeps the nonce, which the server takes once per election. (The nonce, not the
//! voter, because the public log must not say whose a ballot is, and anyone checks the proofs.)
//!
//! Sealing draws every random number from ChaCha20 seeded by the ballot's `seed`. Benaloh's
//! challenge reveals the seed: anyone re-seals the claimed marks and must get the same bytes.

use elastic_elgamal::{
    group::Group as _, LogEqualityProof, RangeDecomposition, RangeProof, SecretKey,
};
use merlin::Transcript;
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Ciphertext, Group, Opaque, ProofError, PublicKey};
use crate::ballots::{Choice, Question};

/// At most this many options on one question of a verifiable election (the proofs grow with it).
pub const MAX_OPTIONS: usize = 64;

/// One question of a sealed ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SealedAnswer {
    pub question: String,
    /// One ciphertext per option, in the question's order: 1 marked, 0 not.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub marks: Vec<Opaque<Ciphertext>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub mark_proofs: Vec<Opaque<RangeProof<Group>>>,
    /// That the marks are at most `max_choices`; absent when the question allows every
    /// option marked (marks of 0 or 1 need no more proof then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<CountProof>,
}

/// A fresh ciphertext of the number of marks, its range proof, and the proof that it encrypts
/// what the marks add up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountProof {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub sum: Opaque<Ciphertext>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub sum_proof: Opaque<RangeProof<Group>>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub sum_link: Opaque<LogEqualityProof<Group>>,
}

/// A whole sealed ballot: one [`SealedAnswer`] per question, in the election's order (a
/// question left blank is sealed as all zeros, so blanks are secret too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SealedBallot {
    /// 16 random bytes in hex, drawn first from the seed: what the proofs are bound to.
    pub nonce: String,
    pub answers: Vec<SealedAnswer>,
}

impl SealedBallot {
    /// The tracking code: SHA-256 of the ballot's JSON, in hex. The voter keeps it and finds it
    /// on the public log.
    pub fn tracking_code(&self) -> String {
        let bytes = serde_json::to_vec(self).unwrap_or_default();
        super::to_hex(&Sha256::digest(bytes))
    }
}

fn transcript(election: &str, nonce: &str, question: &str, options: usize) -> Transcript {
    let mut transcript = Transcript::new(b"ballot-secret-ballot-v1");
    transcript.append_message(b"election", election.as_bytes());
    transcript.append_message(b"ballot", nonce.as_bytes());
    transcript.append_message(b"question", question.as_bytes());
    transcript.append_u64(b"options", options as u64);
    transcript
}

/// A question's shape as far as sealing goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub question: String,
    pub options: usize,
    pub max_marks: u64,
}

impl Shape {
    pub fn of(question: &Question) -> Shape {
        Shape {
            question: question.id.clone(),
            options: question.candidates.len(),
            max_marks: u64::from(question.max_choices),
        }
    }
}

/// A question's answer as marks, one per option in order (candidate ids are 1, 2, …).
pub fn marks_of(question: &Question, answer: &[Choice]) -> Vec<bool> {
    let mut marks = vec![false; question.candidates.len()];
    for id in answer.iter().flat_map(Choice::ids) {
        if let Some(mark) = (*id as usize)
            .checked_sub(1)
            .and_then(|index| marks.get_mut(index))
        {
            *mark = true;
        }
    }
    marks
}

/// Seals `marks` (one list per shape) under the election's key. Deterministic in `seed`.
pub fn seal(
    key: &PublicKey,
    election: &str,
    shapes: &[Shape],
    marks: &[Vec<bool>],
    seed: [u8; 32],
) -> Result<SealedBallot, ProofError> {
    if shapes.len() != marks.len() {
        return Err(ProofError::new("ballot", "one list of marks per question"));
    }
    let mut rng = ChaCha20Rng::from_seed(seed);
    let mut nonce = [0_u8; 16];
    rng.fill_bytes(&mut nonce);
    let nonce = super::to_hex(&nonce);
    let answers = shapes
        .iter()
        .zip(marks)
        .map(|(shape, marks)| seal_question(key, (election, &nonce), shape, marks, &mut rng))
        .collect::<Result<_, _>>()?;
    Ok(SealedBallot { nonce, answers })
}

fn seal_question(
    key: &PublicKey,
    (election, nonce): (&str, &str),
    shape: &Shape,
    marks: &[bool],
    rng: &mut ChaCha20Rng,
) -> Result<SealedAnswer, ProofError> {
    let at = format!("question {}", shape.question);
    if marks.len() != shape.options || shape.options == 0 || shape.options > MAX_OPTIONS {
        return Err(ProofError::new(at, "the marks do not match the options"));
    }
    let count = marks.iter().filter(|&&mark| mark).count() as u64;
    if count > shape.max_marks {
        return Err(ProofError::new(at, "more marks than the question allows"));
    }
    let mut transcript = transcript(election, nonce, &shape.question, shape.options);
    let bit = RangeDecomposition::optimal(2).into();
    let mut randomness: Option<SecretKey<Group>> = None;
    let mut sealed_marks = Vec::with_capacity(marks.len());
    let mut proofs = Vec::with_capacity(marks.len());
    for &mark in marks {
        let (ciphertext, proof, r) =
            encrypt_in_range(key, &bit, u64::from(mark), &mut transcript, rng)?;
        randomness = Some(match randomness {
            Some(total) => total + r,
            None => r,
        });
        sealed_marks.push(Opaque(ciphertext));
        proofs.push(Opaque(proof));
    }
    let count = match shape.max_marks < shape.options as u64 {
        true => Some(prove_count(
            key,
            shape,
            &sealed_marks,
            randomness,
            count,
            (&mut transcript, rng),
        )?),
        false => None,
    };
    Ok(SealedAnswer {
        question: shape.question.clone(),
        marks: sealed_marks,
        mark_proofs: proofs,
        count,
    })
}

/// The count proof of a question whose marks were sealed with `randomness` in all.
fn prove_count(
    key: &PublicKey,
    shape: &Shape,
    sealed_marks: &[Opaque<Ciphertext>],
    randomness: Option<SecretKey<Group>>,
    count: u64,
    (transcript, rng): (&mut Transcript, &mut ChaCha20Rng),
) -> Result<CountProof, ProofError> {
    let range = RangeDecomposition::optimal(shape.max_marks + 1).into();
    let (sum, sum_proof, r) = encrypt_in_range(key, &range, count, transcript, rng)?;
    let Some(randomness) = randomness.map(|total| total - r) else {
        return Err(ProofError::new(
            format!("question {}", shape.question),
            "a question has at least one option",
        ));
    };
    // The marks' sum minus the fresh sum is (δG, δK) with δ known: proving it encrypts zero
    // ties the range-proven count to the marks.
    let difference = add_all(sealed_marks.iter().map(|c| c.0)) - sum;
    let sum_link = LogEqualityProof::new(
        key,
        &randomness,
        (*difference.random_element(), *difference.blinded_element()),
        transcript,
        rng,
    );
    Ok(CountProof {
        sum: Opaque(sum),
        sum_proof: Opaque(sum_proof),
        sum_link: Opaque(sum_link),
    })
}

/// A ciphertext of `value` with its range proof, and the randomness it was made with.
///
/// The library keeps a ciphertext's randomness to itself, and we need it for the sum's link
/// proof. `CiphertextWithValue::new` draws it first thing, as one `SecretKey::generate`, from
/// the generator we pass: a copy of the generator drawn the same way gives the same scalar.
/// The check below makes a change of that order inside the (exactly pinned) library an error,
/// never a wrong proof.
fn encrypt_in_range(
    key: &PublicKey,
    range: &elastic_elgamal::PreparedRange<Group>,
    value: u64,
    transcript: &mut Transcript,
    rng: &mut ChaCha20Rng,
) -> Result<(Ciphertext, RangeProof<Group>, SecretKey<Group>), ProofError> {
    let randomness = SecretKey::<Group>::generate(&mut rng.clone());
    let (ciphertext, proof) = RangeProof::new(key, range, value, transcript, rng);
    let ciphertext = *ciphertext.inner();
    if *ciphertext.random_element() != Group::mul_generator(randomness.expose_scalar()) {
        return Err(ProofError::new(
            "sealing",
            "the crypto library drew its randomness in another order",
        ));
    }
    Ok((ciphertext, proof, randomness))
}

fn add_all(ciphertexts: impl Iterator<Item = Ciphertext>) -> Ciphertext {
    ciphertexts.fold(Ciphertext::zero(), |sum, c| sum + c)
}

/// Checks every proof of a sealed ballot; on success, the marks' ciphertexts per question.
pub fn verify(
    key: &PublicKey,
    election: &str,
    shapes: &[Shape],
    ballot: &SealedBallot,
) -> Result<Vec<Vec<Ciphertext>>, ProofError> {
    if super::from_hex(&ballot.nonce).map(|n| n.len()) != Some(16) {
        return Err(ProofError::new("ballot", "the nonce is 16 bytes in hex"));
    }
    if ballot.answers.len() != shapes.len() {
        return Err(ProofError::new(
            "ballot",
            format!(
                "{} questions sealed, the election has {}",
                ballot.answers.len(),
                shapes.len()
            ),
        ));
    }
    shapes
        .iter()
        .zip(&ballot.answers)
        .map(|(shape, answer)| verify_question(key, (election, &ballot.nonce), shape, answer))
        .collect()
}

fn verify_question(
    key: &PublicKey,
    (election, nonce): (&str, &str),
    shape: &Shape,
    answer: &SealedAnswer,
) -> Result<Vec<Ciphertext>, ProofError> {
    let at = format!("question {}", shape.question);
    if answer.question != shape.question {
        return Err(ProofError::new(at, "sealed under another question's id"));
    }
    if answer.marks.len() != shape.options || answer.mark_proofs.len() != shape.options {
        return Err(ProofError::new(
            at,
            format!("{} options expected", shape.options),
        ));
    }
    let mut transcript = transcript(election, nonce, &shape.question, shape.options);
    let bit = RangeDecomposition::optimal(2).into();
    for (index, (mark, proof)) in answer.marks.iter().zip(&answer.mark_proofs).enumerate() {
        proof
            .0
            .verify(key, &bit, mark.0, &mut transcript)
            .map_err(|e| ProofError::new(format!("{at}, option {}", index + 1), e))?;
    }
    let proof = match (shape.max_marks < shape.options as u64, &answer.count) {
        (true, Some(proof)) => proof,
        (false, None) => return Ok(answer.marks.iter().map(|c| c.0).collect()),
        (true, None) => return Err(ProofError::new(at, "the number of marks is not proven")),
        (false, Some(_)) => return Err(ProofError::new(at, "a count proof it does not take")),
    };
    let range = RangeDecomposition::optimal(shape.max_marks + 1).into();
    proof
        .sum_proof
        .0
        .verify(key, &range, proof.sum.0, &mut transcript)
        .map_err(|e| ProofError::new(format!("{at}, number of marks"), e))?;
    let difference = add_all(answer.marks.iter().map(|c| c.0)) - proof.sum.0;
    proof
        .sum_link
        .0
        .verify(
            key,
            (*difference.random_element(), *difference.blinded_element()),
            &mut transcript,
        )
        .map_err(|e| ProofError::new(format!("{at}, sum of the marks"), e))?;
    Ok(answer.marks.iter().map(|c| c.0).collect())
}

/// Benaloh's check: `ballot` is exactly what sealing `marks` with `seed` gives.
pub fn check_challenge(
    key: &PublicKey,
    election: &str,
    shapes: &[Shape],
    ballot: &SealedBallot,
    marks: &[Vec<bool>],
    seed: [u8; 32],
) -> Result<(), ProofError> {
    let again = seal(key, election, shapes, marks, seed)?;
    if again.nonce != ballot.nonce {
        return Err(ProofError::new(
            "ballot",
            "this seed did not make this ballot",
        ));
    }
    for (mine, theirs) in again.answers.iter().zip(&ballot.answers) {
        if mine != theirs {
            return Err(ProofError::new(
                format!("question {}", mine.question),
                "the ballot does not encrypt these marks with this seed",
            ));
        }
    }
    if again.answers.len() != ballot.answers.len() {
        return Err(ProofError::new("ballot", "another number of questions"));
    }
    Ok(())
}

/// What Benaloh's check reveals of a ballot that will never be cast: the ballot, the seed it
/// was sealed from (hex) and the marks it seals (per question in ballot order, one per
/// option). The voter page shows it, `ballot vote --challenge` prints it, and the audit page
/// and `ballot audit --challenge` check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election: Option<String>,
    pub seed: String,
    pub marks: Vec<Vec<bool>>,
    pub ballot: SealedBallot,
}

impl Challenge {
    /// Whether `ballot` is exactly what sealing `marks` from `seed` gives.
    pub fn check(
        &self,
        key: &PublicKey,
        election: &str,
        shapes: &[Shape],
    ) -> Result<(), ProofError> {
        let seed: [u8; 32] = super::from_hex(&self.seed)
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| ProofError::new("challenge", "the seed is 32 bytes in hex"))?;
        check_challenge(key, election, shapes, &self.ballot, &self.marks, seed)
    }
}
