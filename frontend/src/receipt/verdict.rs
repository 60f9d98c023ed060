//! What checking a receipt came to, as data rather than sentences: the voter page's checker
//! runs in a Web Worker that has neither the page's language nor its words, so it sends
//! this back and the page words it ([`super::words`]) in its own language, again at each
//! change of language.

use serde::{Deserialize, Serialize};
use shared::dto::ErrorBody;
use shared::verify::{ReceiptError, Verified};
use shared::NodeId;

use crate::api::ApiError;

/// What checking a receipt came to. Serde carries it back from the receipt checker's worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Every check held: the ballot is in the latest log, of `tree_size` entries, signed by
    /// `signers`.
    Verified {
        tree_size: u64,
        signers: Vec<NodeId>,
    },
    /// The text is not a receipt to check here, or a check failed: which.
    Refused(Refusal),
    /// Nothing was decided.
    Unchecked(Unchecked),
}

/// Why a receipt is refused: the text pasted first, then the checks of
/// [`shared::verify::verify_receipt`] ([`ReceiptError`], whose own words are English only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Nothing was pasted.
    Empty,
    /// The text is not a receipt's JSON.
    NotAReceipt,
    /// The receipt names an election id that Ballot never makes.
    UnknownElection,
    /// A receipt of another election than the audit page's, by that election's id.
    OtherElectionsReceipt(String),
    NoKeys,
    Damaged(Damage),
    ReceiptNotSigned,
    /// The latest checkpoint is another election's.
    LogOfOtherElection,
    TooFewSignatures {
        valid: usize,
        needed: usize,
    },
    EntryChanged {
        leaf_index: u64,
    },
    EntryNotThisBallot {
        leaf_index: u64,
    },
    WrongProof(WrongProof),
    NotInReceiptTree,
    LogShrank {
        receipt_size: u64,
        latest_size: u64,
    },
    NotInLatestTree {
        tree_size: u64,
    },
    HistoryRewritten {
        receipt_size: u64,
        latest_size: u64,
    },
}

/// How a receipt contradicts itself ([`ReceiptError::Malformed`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Damage {
    CheckpointOfOtherElection,
    BallotOutsideCheckpoint,
    BallotHash,
    RootHash,
    /// A reason `shared` added since, in its English words.
    Other(String),
}

/// Which proof the server answered for another question ([`ReceiptError::WrongProof`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WrongProof {
    Inclusion,
    Consistency,
    /// A reason `shared` added since, in its English words.
    Other(String),
}

/// Why nothing was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unchecked {
    /// The voter page's receipt checker did not start.
    NotStarted,
    /// The evidence could not be fetched; the page words the error as every request's.
    Fetch(#[serde(with = "ApiErrorDef")] ApiError),
}

/// [`ApiError`] as it crosses from the worker (serde's mirror of a type of another module;
/// the compiler keeps the two alike).
#[derive(Serialize, Deserialize)]
#[serde(remote = "ApiError")]
enum ApiErrorDef {
    Invalid(ErrorBody),
    Unauthorized(ErrorBody),
    Forbidden(ErrorBody),
    NotFound(ErrorBody),
    Conflict(ErrorBody),
    RateLimited { body: ErrorBody, retry_after_s: u32 },
    Busy { body: ErrorBody, retry_after_s: u32 },
    Server { status: u16, body: ErrorBody },
    Network(String),
    Decode(String),
}

impl From<Verified> for Verdict {
    fn from(verified: Verified) -> Verdict {
        Verdict::Verified {
            tree_size: verified.tree_size,
            signers: verified.signers,
        }
    }
}

impl From<ReceiptError> for Refusal {
    fn from(failed: ReceiptError) -> Refusal {
        match failed {
            ReceiptError::NoKeys => Refusal::NoKeys,
            // `shared` says which contradiction only in words: these are its sentences.
            ReceiptError::Malformed(why) => Refusal::Damaged(match why {
                "its checkpoint belongs to another election" => Damage::CheckpointOfOtherElection,
                "its ballot lies outside its own checkpoint" => Damage::BallotOutsideCheckpoint,
                "its ballot hash is not 64 hex digits" => Damage::BallotHash,
                "its root hash is not 64 hex digits" => Damage::RootHash,
                other => Damage::Other(other.into()),
            }),
            ReceiptError::ReceiptNotSigned => Refusal::ReceiptNotSigned,
            ReceiptError::OtherElection => Refusal::LogOfOtherElection,
            ReceiptError::TooFewSignatures { valid, needed } => {
                Refusal::TooFewSignatures { valid, needed }
            }
            ReceiptError::EntryChanged { leaf_index } => Refusal::EntryChanged { leaf_index },
            ReceiptError::EntryNotThisBallot { leaf_index } => {
                Refusal::EntryNotThisBallot { leaf_index }
            }
            ReceiptError::WrongProof(why) => Refusal::WrongProof(match why {
                "an inclusion proof was for another place or log size" => WrongProof::Inclusion,
                "the consistency proof was for other log sizes" => WrongProof::Consistency,
                other => WrongProof::Other(other.into()),
            }),
            ReceiptError::NotInReceiptTree => Refusal::NotInReceiptTree,
            ReceiptError::LogShrank {
                receipt_size,
                latest_size,
            } => Refusal::LogShrank {
                receipt_size,
                latest_size,
            },
            ReceiptError::NotInLatestTree { tree_size } => Refusal::NotInLatestTree { tree_size },
            ReceiptError::HistoryRewritten {
                receipt_size,
                latest_size,
            } => Refusal::HistoryRewritten {
                receipt_size,
                latest_size,
            },
        }
    }
}
