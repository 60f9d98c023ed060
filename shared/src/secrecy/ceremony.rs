//! The trustees' key ceremony: committed Pedersen DKG (the library's `dkg`), k of n, through
//! the public log.
//!
//! Three rounds, each waiting for every trustee's part of the one before:
//! 1. a commitment to the trustee's polynomial, and a key to receive shares with (X25519);
//! 2. the polynomial's public coefficients, their proof of possession and the commitment's
//!    opening (anyone checks both);
//! 3. the secret share for each other trustee, sealed with NaCl's box to that trustee's key.
//!
//! When the third round is complete the joint key follows from the public polynomials alone;
//! each trustee opens the shares sealed to it, checks them against the polynomials and keeps
//! the sum as its secret. Nothing secret leaves a trustee's machine unsealed.

use crypto_box::aead::{Aead, AeadCore};
use crypto_box::SalsaBox;
use elastic_elgamal::dkg::{
    ParticipantCollectingCommitments, ParticipantCollectingPolynomials,
    ParticipantExchangingSecrets, PublicInfo,
};
use elastic_elgamal::group::{ElementOps, ScalarOps};
use elastic_elgamal::sharing::{ActiveParticipant, Params, PublicKeySet};
use elastic_elgamal::SecretKey;
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{from_hex, to_hex, Group, Opaque, ProofError, PublicKey};

/// At most this many trustees.
pub const MAX_TRUSTEES: usize = 16;

pub type Polynomial = PublicInfo<'static, Group>;
pub type KeySet = PublicKeySet<Group>;

/// Round 1: `POST …/trustee/commitment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commitment {
    /// SHA-256 of the polynomial's constant term and an opening, hex.
    pub commitment: String,
    /// The X25519 key the others seal this trustee's shares to, hex.
    pub transport_key: String,
}

/// One trustee's share for another, sealed to the recipient's transport key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SealedShare {
    /// The recipient's trustee id (1-based).
    pub to: u32,
    pub nonce: String,
    pub sealed: String,
}

/// Checks a round 1 part: sizes only (a commitment is opened in round 2).
pub fn check_commitment(part: &Commitment) -> Result<(), ProofError> {
    let ok = |hex: &str| from_hex(hex).is_some_and(|bytes| bytes.len() == 32);
    if !ok(&part.commitment) || !ok(&part.transport_key) {
        return Err(ProofError::new(
            "commitment",
            "commitment and transport_key are 32 bytes in hex",
        ));
    }
    Ok(())
}

/// Checks a round 2 part against the trustee's commitment: the opening matches, the
/// polynomial has `threshold` coefficients and its proof of possession holds.
pub fn check_polynomial(
    params: (usize, usize),
    commitment: &Commitment,
    polynomial: &Polynomial,
) -> Result<KeySet, ProofError> {
    let params = checked_params(params)?;
    let at = "polynomial";
    let opening = serde_json::to_value(&polynomial.opening)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .and_then(|text| base64_url(&text))
        .ok_or_else(|| ProofError::new(at, "the opening is not 32 bytes"))?;
    let first = polynomial
        .polynomial
        .first()
        .ok_or_else(|| ProofError::new(at, "no coefficients"))?;
    // The library's own commitment (`dkg::create_commitment`): SHA-256(element ‖ opening).
    let mut bytes = vec![0_u8; <Group as ElementOps>::ELEMENT_SIZE];
    Group::serialize_element(first, &mut bytes);
    let mut hasher = Sha256::new();
    hasher.update(&bytes);
    hasher.update(&opening);
    if to_hex(&hasher.finalize()) != commitment.commitment {
        return Err(ProofError::new(
            at,
            "does not open the trustee's commitment",
        ));
    }
    PublicKeySet::new(
        params,
        polynomial.polynomial.clone(),
        &polynomial.proof_of_possession,
    )
    .map_err(|e| ProofError::new(at, e))
}

fn base64_url(text: &str) -> Option<Vec<u8>> {
    use base64ct::{Base64UrlUnpadded, Encoding};
    Base64UrlUnpadded::decode_vec(text).ok()
}

fn checked_params((trustees, threshold): (usize, usize)) -> Result<Params, ProofError> {
    if !(1..=MAX_TRUSTEES).contains(&trustees) || !(1..=trustees).contains(&threshold) {
        return Err(ProofError::new("trustees", "1 ≤ threshold ≤ trustees ≤ 16"));
    }
    Ok(Params::new(trustees, threshold))
}

/// Checks a round 3 part from trustee `from` (1-based): one share for every other trustee.
pub fn check_shares(trustees: usize, from: u32, shares: &[SealedShare]) -> Result<(), ProofError> {
    let mut wanted: Vec<u32> = (1..=trustees as u32).filter(|&t| t != from).collect();
    let mut given: Vec<u32> = shares.iter().map(|s| s.to).collect();
    given.sort_unstable();
    wanted.sort_unstable();
    if given != wanted {
        return Err(ProofError::new(
            "shares",
            "one share for each other trustee, none for itself",
        ));
    }
    for share in shares {
        let nonce_ok = from_hex(&share.nonce).is_some_and(|n| n.len() == 24);
        let sealed_ok = from_hex(&share.sealed).is_some_and(|s| (32..=128).contains(&s.len()));
        if !nonce_ok || !sealed_ok {
            return Err(ProofError::new(
                format!("share for trustee {}", share.to),
                "a 24-byte nonce and a sealed share, in hex",
            ));
        }
    }
    Ok(())
}

/// The joint key set from every trustee's polynomial (each already checked).
pub fn joint_key(params: (usize, usize), polynomials: &[KeySet]) -> Result<KeySet, ProofError> {
    let params = checked_params(params)?;
    if polynomials.len() != params.shares {
        return Err(ProofError::new("key", "a polynomial from every trustee"));
    }
    let participants = (0..params.shares)
        .map(|j| {
            let sum = polynomials
                .iter()
                .filter_map(|set| set.participant_key(j))
                .fold(<Group as ElementOps>::identity(), |acc, key| {
                    acc + key.as_element()
                });
            let mut bytes = vec![0_u8; <Group as ElementOps>::ELEMENT_SIZE];
            Group::serialize_element(&sum, &mut bytes);
            PublicKey::from_bytes(&bytes).map_err(|e| ProofError::new("key", e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    PublicKeySet::from_participants(params, participants).map_err(|e| ProofError::new("key", e))
}

/// What a trustee keeps between rounds and until decryption: its file. Secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrusteeKey {
    pub election: String,
    /// 1-based, as on the wire.
    pub trustee: u32,
    pub trustees: usize,
    pub threshold: usize,
    transport_secret: String,
    stage: Stage,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "stage", content = "state", rename_all = "snake_case")]
enum Stage {
    Committed(ParticipantCollectingCommitments<Group>),
    Published(ParticipantCollectingPolynomials<Group>),
    Dealt(ParticipantExchangingSecrets<Group>),
    Ready(ActiveParticipant<Group>),
}

/// What the public log holds of the ceremony, as a trustee reads it: each trustee's parts so
/// far, by 1-based id.
#[derive(Debug, Clone, Default)]
pub struct Board {
    pub commitments: Vec<Option<Commitment>>,
    pub polynomials: Vec<Option<Polynomial>>,
    pub shares: Vec<Option<Vec<SealedShare>>>,
}

/// The next thing a trustee sends.
#[derive(Debug, Clone)]
pub enum Step {
    Polynomial(Box<Polynomial>),
    Shares(Vec<SealedShare>),
}

impl TrusteeKey {
    /// A new trustee's secrets and its round 1 part.
    pub fn start<R: CryptoRng + RngCore>(
        election: &str,
        trustee: u32,
        (trustees, threshold): (usize, usize),
        rng: &mut R,
    ) -> Result<(TrusteeKey, Commitment), ProofError> {
        let params = checked_params((trustees, threshold))?;
        let index = (trustee as usize)
            .checked_sub(1)
            .filter(|&i| i < trustees)
            .ok_or_else(|| ProofError::new("trustee", "no such trustee"))?;
        let participant = ParticipantCollectingCommitments::new(params, index, rng);
        let transport = crypto_box::SecretKey::generate(rng);
        let part = Commitment {
            commitment: to_hex(&participant.commitment()),
            transport_key: to_hex(transport.public_key().as_bytes()),
        };
        let key = TrusteeKey {
            election: election.to_owned(),
            trustee,
            trustees,
            threshold,
            transport_secret: to_hex(&transport.to_bytes()),
            stage: Stage::Committed(participant),
        };
        Ok((key, part))
    }

    /// Whether the key can decrypt (the ceremony is over for this trustee).
    pub fn is_ready(&self) -> bool {
        matches!(self.stage, Stage::Ready(_))
    }

    /// Moves on as far as the board allows; the part to send, if this step has one.
    pub fn advance<R: CryptoRng + RngCore>(
        &mut self,
        board: &Board,
        rng: &mut R,
    ) -> Result<Option<Step>, ProofError> {
        // A key file is the trustee's own, but may be damaged: no panic on its numbers.
        let me = (self.trustee as usize)
            .checked_sub(1)
            .filter(|&me| me < self.trustees)
            .ok_or_else(|| ProofError::new("key file", "no such trustee"))?;
        let n = self.trustees;
        let stage = self.stage.clone();
        let (next, step) = match stage {
            Stage::Committed(mut participant) => {
                let Some(all) = complete(&board.commitments, n) else {
                    return Ok(None);
                };
                for (j, part) in all.iter().enumerate().filter(|(j, _)| *j != me) {
                    let bytes: [u8; 32] = from_hex(&part.commitment)
                        .and_then(|b| b.try_into().ok())
                        .ok_or_else(|| ProofError::new(trustee_at(j), "bad commitment"))?;
                    participant.insert_commitment(j, bytes);
                }
                let participant = participant.finish_commitment_phase();
                let info = participant.public_info().into_owned();
                (
                    Stage::Published(participant),
                    Some(Step::Polynomial(Box::new(info))),
                )
            }
            Stage::Published(mut participant) => {
                let Some(all) = complete(&board.polynomials, n) else {
                    return Ok(None);
                };
                for (j, info) in all.into_iter().enumerate().filter(|(j, _)| *j != me) {
                    participant
                        .insert_public_polynomial(j, info.clone())
                        .map_err(|e| ProofError::new(trustee_at(j), e))?;
                }
                let participant = participant.finish_polynomials_phase();
                let transports = complete(&board.commitments, n)
                    .ok_or_else(|| ProofError::new("board", "commitments went missing"))?;
                let mut shares = Vec::new();
                for (j, part) in transports.iter().enumerate().filter(|(j, _)| *j != me) {
                    let share = participant.secret_share_for_participant(j);
                    shares.push(self.seal_share(j, &part.transport_key, &share, rng)?);
                }
                (Stage::Dealt(participant), Some(Step::Shares(shares)))
            }
            Stage::Dealt(mut participant) => {
                let Some(all) = complete(&board.shares, n) else {
                    return Ok(None);
                };
                let transports = complete(&board.commitments, n)
                    .ok_or_else(|| ProofError::new("board", "commitments went missing"))?;
                for (j, shares) in all.iter().enumerate().filter(|(j, _)| *j != me) {
                    let sealed = shares
                        .iter()
                        .find(|s| s.to == self.trustee)
                        .ok_or_else(|| ProofError::new(trustee_at(j), "no share for us"))?;
                    let share = self.open_share(j, &transports[j].transport_key, sealed)?;
                    participant
                        .insert_secret_share(j, share)
                        .map_err(|e| ProofError::new(trustee_at(j), e))?;
                }
                let active = participant
                    .complete()
                    .map_err(|e| ProofError::new("key", e))?;
                (Stage::Ready(active), None)
            }
            Stage::Ready(_) => return Ok(None),
        };
        self.stage = next;
        Ok(step)
    }

    fn transport(&self) -> Result<crypto_box::SecretKey, ProofError> {
        let bytes: [u8; 32] = from_hex(&self.transport_secret)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| ProofError::new("key file", "damaged transport key"))?;
        Ok(crypto_box::SecretKey::from(bytes))
    }

    fn sealer(&self, their_key: &str) -> Result<SalsaBox, ProofError> {
        let theirs: [u8; 32] = from_hex(their_key)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| ProofError::new("board", "bad transport key"))?;
        Ok(SalsaBox::new(
            &crypto_box::PublicKey::from(theirs),
            &self.transport()?,
        ))
    }

    fn seal_share<R: CryptoRng + RngCore>(
        &self,
        to: usize,
        their_key: &str,
        share: &SecretKey<Group>,
        rng: &mut R,
    ) -> Result<SealedShare, ProofError> {
        let mut bytes = [0_u8; 32];
        Group::serialize_scalar(share.expose_scalar(), &mut bytes);
        let nonce = SalsaBox::generate_nonce(rng);
        let sealed = self
            .sealer(their_key)?
            .encrypt(&nonce, bytes.as_slice())
            .map_err(|_| ProofError::new(trustee_at(to), "sealing failed"))?;
        Ok(SealedShare {
            to: to as u32 + 1,
            nonce: to_hex(&nonce),
            sealed: to_hex(&sealed),
        })
    }

    fn open_share(
        &self,
        from: usize,
        their_key: &str,
        share: &SealedShare,
    ) -> Result<SecretKey<Group>, ProofError> {
        let at = trustee_at(from);
        let nonce = from_hex(&share.nonce).filter(|n| n.len() == 24);
        let sealed = from_hex(&share.sealed);
        let (Some(nonce), Some(sealed)) = (nonce, sealed) else {
            return Err(ProofError::new(at, "malformed share"));
        };
        let nonce = crypto_box::Nonce::from_slice(&nonce);
        let bytes = self
            .sealer(their_key)?
            .decrypt(nonce, sealed.as_slice())
            .map_err(|_| ProofError::new(at.clone(), "its share for us does not open"))?;
        SecretKey::from_bytes(&bytes).ok_or_else(|| ProofError::new(at, "its share is no scalar"))
    }

    /// The finished participant, for decryption.
    pub fn participant(&self) -> Result<&ActiveParticipant<Group>, ProofError> {
        match &self.stage {
            Stage::Ready(participant) => Ok(participant),
            _ => Err(ProofError::new(
                "key file",
                "the key ceremony is not finished for this trustee",
            )),
        }
    }
}

fn trustee_at(index: usize) -> String {
    format!("trustee {}", index + 1)
}

fn complete<T: Clone>(parts: &[Option<T>], n: usize) -> Option<Vec<T>> {
    if parts.len() != n {
        return None;
    }
    parts.iter().cloned().collect()
}

/// A key set as published in the log.
pub type PublishedKey = Opaque<KeySet>;
