//! A trustee's side of the key ceremony and of the decryption, as plain functions the page
//! calls every poll: the routes, the public board read from the secrecy view, the random
//! numbers, and the key file.
//!
//! The page never sends a part straight from a key it has already moved on: it moves a copy
//! ([`Pending`]), sends the copy's part under one idempotency key (retries resend the same
//! write) and keeps the copy only once the server has the part. A part the server already has
//! (`409 wrong_phase` while the board shows ours) counts as sent: so a key file saved at any
//! round resumes the ceremony, since the later rounds follow from it and the public board.

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use shared::secrecy::ceremony::{Step, TrusteeKey};
use shared::secrecy::wire::{
    DecryptionRequest, SecrecyView, SharesRequest, TrusteeAccepted, TrusteeMe,
};
use shared::secrecy::{Ciphertext, ProofError};

use crate::api::{get, post, ApiError, ErrorCode, PendingWrite};

/// `GET /api/elections/{id}/trustee`: who the token names.
pub async fn me(election: &str, token: &str) -> Result<TrusteeMe, ApiError> {
    get(&format!("/api/elections/{election}/trustee"), Some(token)).await
}

/// `GET /api/elections/{id}/secrecy`: the ceremony and the tally as the public sees them.
pub async fn secrecy(election: &str) -> Result<SecrecyView, ApiError> {
    get(&format!("/api/elections/{election}/secrecy"), None).await
}

/// A part of the ceremony (or the decryption) ready to go, with its idempotency key.
#[derive(Debug, Clone)]
pub enum Outgoing {
    Commitment(PendingWrite<shared::secrecy::ceremony::Commitment>),
    Polynomial(PendingWrite<shared::secrecy::ceremony::Polynomial>),
    Shares(PendingWrite<SharesRequest>),
    Decryption(PendingWrite<DecryptionRequest>),
}

impl Outgoing {
    /// `POST /api/elections/{id}/trustee/{part}`.
    pub async fn send(&self, election: &str, token: &str) -> Result<TrusteeAccepted, ApiError> {
        let path = |part: &str| format!("/api/elections/{election}/trustee/{part}");
        match self {
            Outgoing::Commitment(write) => post(&path("commitment"), Some(token), write).await,
            Outgoing::Polynomial(write) => post(&path("polynomial"), Some(token), write).await,
            Outgoing::Shares(write) => post(&path("shares"), Some(token), write).await,
            Outgoing::Decryption(write) => post(&path("decryption"), Some(token), write).await,
        }
    }

    /// Whether the board already shows this part from `me` (sent earlier, from this key file
    /// or another copy of it).
    pub fn already_on(&self, view: &SecrecyView, me: u32) -> bool {
        let Some(mine) = view.trustees.iter().find(|t| t.trustee_id == me) else {
            return false;
        };
        match self {
            Outgoing::Commitment(_) => mine.commitment.is_some(),
            Outgoing::Polynomial(_) => mine.polynomial.is_some(),
            Outgoing::Shares(_) => mine.shares.is_some(),
            Outgoing::Decryption(_) => mine.decrypted,
        }
    }
}

/// A key moved on by one round, and the part that round sends.
#[derive(Debug, Clone)]
pub struct Pending {
    pub key: TrusteeKey,
    pub part: Outgoing,
}

/// How a sent part ended.
pub enum Sent {
    /// The server has it (now or from before).
    Taken,
    /// Worth sending again at the next poll (network, busy server).
    Retry(ApiError),
    /// Refused for good.
    Refused(ApiError),
}

/// Sends `part`; a `409 wrong_phase` while the board shows the part counts as taken.
pub async fn send(part: &Outgoing, election: &str, token: &str, me: u32) -> Sent {
    match part.send(election, token).await {
        Ok(_) => Sent::Taken,
        Err(err) if err.code() == ErrorCode::WrongPhase => match secrecy(election).await {
            Ok(view) if part.already_on(&view, me) => Sent::Taken,
            _ => Sent::Refused(err),
        },
        Err(err) if err.retry_in_ms().is_some() => Sent::Retry(err),
        Err(err) => Sent::Refused(err),
    }
}

/// A generator seeded from the browser's cryptographic source; none rather than a weak one.
pub fn rng() -> Option<ChaCha20Rng> {
    let mut seed = [0_u8; 32];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut seed).ok()?;
    Some(ChaCha20Rng::from_seed(seed))
}

/// Why the browser could not do its part: kept as data, worded by the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Trouble {
    /// No `crypto.getRandomValues`.
    NoRandomness,
    /// The library refused: where and why (its own words, data).
    Proof(ProofError),
}

/// Round 1 for trustee `me`: a new key and its commitment.
pub fn start(me: &TrusteeMe) -> Result<Pending, Trouble> {
    let mut rng = rng().ok_or(Trouble::NoRandomness)?;
    let params = (me.trustees as usize, me.threshold as usize);
    let (key, part) = TrusteeKey::start(&me.election_id, me.trustee_id, params, &mut rng)
        .map_err(Trouble::Proof)?;
    Ok(Pending {
        key,
        part: Outgoing::Commitment(PendingWrite::new(part)),
    })
}

/// What the board lets `key` do next.
pub enum Next {
    /// Nothing until the others send their parts.
    Wait,
    /// The key moved on with nothing to send (the last round): keep it.
    Keep(TrusteeKey),
    /// The key moved on and this part goes out.
    Send(Pending),
}

/// Moves a copy of `key` on as far as `view` allows.
pub fn advance(key: &TrusteeKey, view: &SecrecyView) -> Result<Next, Trouble> {
    if key.is_ready() {
        return Ok(Next::Wait);
    }
    let mut rng = rng().ok_or(Trouble::NoRandomness)?;
    let mut next = key.clone();
    let step = next
        .advance(&view.board(), &mut rng)
        .map_err(Trouble::Proof)?;
    Ok(match step {
        Some(Step::Polynomial(polynomial)) => Next::Send(Pending {
            key: next,
            part: Outgoing::Polynomial(PendingWrite::new(*polynomial)),
        }),
        Some(Step::Shares(shares)) => Next::Send(Pending {
            key: next,
            part: Outgoing::Shares(PendingWrite::new(SharesRequest { shares })),
        }),
        // Only the last round moves on without sending (the key was not ready above).
        None if next.is_ready() => Next::Keep(next),
        None => Next::Wait,
    })
}

/// This trustee's shares of the view's encrypted tally, with their proofs.
pub fn decrypt(key: &TrusteeKey, view: &SecrecyView) -> Result<Outgoing, Trouble> {
    let tally: Vec<Vec<Ciphertext>> = view
        .tally
        .as_ref()
        .ok_or_else(|| Trouble::Proof(ProofError::new("tally", "not published yet")))?
        .iter()
        .map(|row| row.iter().map(|c| c.0).collect())
        .collect();
    let mut rng = rng().ok_or(Trouble::NoRandomness)?;
    let shares = shared::secrecy::tally::decrypt(key, &tally, &mut rng).map_err(Trouble::Proof)?;
    Ok(Outgoing::Decryption(PendingWrite::new(DecryptionRequest {
        shares,
    })))
}

/// The key file's name: the election and the trustee, so several trustees' files on one
/// machine are told apart.
pub fn file_name(key: &TrusteeKey) -> String {
    format!("trustee-{}-{}.json", key.election, key.trustee)
}

/// The key file's text (the key's own JSON, pretty for people who open it).
pub fn file_text(key: &TrusteeKey) -> String {
    serde_json::to_string_pretty(key).unwrap_or_default()
}

/// Why a loaded file is not this trustee's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileTrouble {
    Unreadable,
    OtherElection,
    OtherTrustee,
}

/// Reads a key file for trustee `me`.
pub fn read_file(text: &str, me: &TrusteeMe) -> Result<TrusteeKey, FileTrouble> {
    let key: TrusteeKey = serde_json::from_str(text).map_err(|_| FileTrouble::Unreadable)?;
    if key.election != me.election_id {
        return Err(FileTrouble::OtherElection);
    }
    if key.trustee != me.trustee_id {
        return Err(FileTrouble::OtherTrustee);
    }
    Ok(key)
}
