//! Secret ballots ("verifiable" elections): no server, admin or single trustee can read a vote,
//! and anyone can check the count.
//!
//! Exponential ElGamal over Ristretto255 from `elastic-elgamal` (pinned exactly, unaudited):
//! - [`ballot`]: a voter's marks sealed question by question, each mark proven 0 or 1 and each
//!   question's number of marks proven between 0 and its `max_choices`, every proof bound by
//!   Fiat–Shamir to the election, the question and the voter; Benaloh's challenge re-runs the
//!   sealing from its seed.
//! - [`ceremony`]: the trustees' distributed key generation (committed Pedersen DKG, k of n),
//!   with the secret shares sealed to each other through the public log.
//! - [`tally`]: the encrypted tally (weights multiply ciphertexts), the trustees' decryption
//!   shares with their proofs, and the counts any k of them give.
//!
//! One module compiled for the server, the CLI and the browser, so every side checks with the
//! same code. Wire forms are the library's own serde (base64url strings).

pub mod audit;
pub mod ballot;
pub mod ceremony;
pub mod tally;
pub mod wire;

#[cfg(test)]
mod tests;

use std::fmt;

use elastic_elgamal::group::Ristretto;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The group every secret ballot lives in.
pub type Group = Ristretto;
pub type Ciphertext = elastic_elgamal::Ciphertext<Group>;
pub type PublicKey = elastic_elgamal::PublicKey<Group>;

/// Whether an election's votes are readable by its servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    /// Today's behaviour: each replica knows every choice; the public log hides who chose it.
    #[default]
    Open,
    /// Ballots are encrypted in the browser and only k of n trustees can decrypt the tally.
    Verifiable,
}

impl Secrecy {
    pub fn is_open(&self) -> bool {
        *self == Secrecy::Open
    }
}

/// A value of the crypto library carried in our events and bodies: serde-transparent, compared
/// by its wire form (the library's types have no `Eq`, and our events need one).
#[derive(Clone)]
pub struct Opaque<T>(pub T);

impl<T: Serialize> Opaque<T> {
    fn wire(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

impl<T: Serialize> PartialEq for Opaque<T> {
    fn eq(&self, other: &Self) -> bool {
        self.wire() == other.wire()
    }
}

impl<T: Serialize> Eq for Opaque<T> {}

impl<T: Serialize> fmt::Debug for Opaque<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let wire = self.wire();
        let short: String = wire.chars().take(24).collect();
        write!(f, "Opaque({short}…)")
    }
}

impl<T: Serialize> Serialize for Opaque<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Opaque<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Opaque)
    }
}

/// What went wrong checking secret-ballot data, saying where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofError {
    /// Where: `question chair, choice 3`, `trustee 2's share`, …
    pub at: String,
    pub problem: String,
}

impl ProofError {
    pub fn new(at: impl Into<String>, problem: impl fmt::Display) -> ProofError {
        ProofError {
            at: at.into(),
            problem: problem.to_string(),
        }
    }
}

impl fmt::Display for ProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}

impl std::error::Error for ProofError {}

/// Lower-case hex, for the small byte strings (commitments, transport keys, nonces).
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.len() > 1 << 16 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}
