//! Checking a voter's receipt against the public log, with no IO: the browser fetches the
//! evidence (the members' keys, the latest co-signed checkpoint, the ballot's line and three
//! proofs) and hands it to [`verify_receipt`], which says either where the ballot is and who
//! signed the log, or which check failed, in plain words.
//!
//! It is here rather than in the frontend so that the native tests and any other client run
//! the very same checks; it depends only on [`crate::merkle`] and [`crate::checkpoint`].

use std::fmt;

use crate::checkpoint::{bytes, Checkpoint, LogKey, Receipt};
use crate::ids::NodeId;
use crate::log::{ConsistencyProof, InclusionProof, PublicEntry, PublicLine};
use crate::merkle::{self, Hash};

/// Everything a receipt is checked against, as the log's routes answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptEvidence {
    pub receipt: Receipt,
    /// `GET /api/log/keys`.
    pub keys: Vec<LogKey>,
    /// `GET …/log/checkpoint` (or the pushed one): the tree the ballot must still be in.
    pub latest: Checkpoint,
    /// The canonical line at the receipt's `leaf_index` (`…/log/entries`).
    pub entry: String,
    /// The ballot's leaf in the receipt's own tree (`index=leaf_index&tree_size=receipt size`).
    pub receipt_inclusion: InclusionProof,
    /// The ballot's leaf in the latest tree.
    pub latest_inclusion: InclusionProof,
    /// From the receipt's tree size to the latest one.
    pub consistency: ConsistencyProof,
}

/// A receipt that holds: the ballot is in the latest co-signed log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub ballot_id: String,
    pub leaf_index: u64,
    /// The latest checkpoint's size and root.
    pub tree_size: u64,
    pub root_hash_hex: String,
    /// The distinct listed members whose signatures on the latest checkpoint are valid.
    pub signers: Vec<NodeId>,
}

/// Which check a receipt failed. Each says what it means for the voter in [`fmt::Display`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptError {
    /// The server listed no keys, so no signature can be checked.
    NoKeys,
    /// The receipt contradicts itself (an index outside its tree, a hash that is not hex, a
    /// checkpoint of another election).
    Malformed(&'static str),
    /// No signature on the receipt's checkpoint is valid under a listed key.
    ReceiptNotSigned,
    /// The latest checkpoint belongs to another election.
    OtherElection,
    /// Too few distinct listed members validly signed the latest checkpoint.
    TooFewSignatures { valid: usize, needed: usize },
    /// The line at the ballot's place does not hash to the receipt's leaf hash.
    EntryChanged { leaf_index: u64 },
    /// The line hashes right but is not this ballot (another type, id, election or place).
    EntryNotThisBallot { leaf_index: u64 },
    /// A proof was answered for another leaf or tree size than asked.
    WrongProof(&'static str),
    /// The receipt's own signed root does not contain the ballot.
    NotInReceiptTree,
    /// The latest tree is smaller than the receipt's: entries were removed.
    LogShrank { receipt_size: u64, latest_size: u64 },
    /// The latest signed root does not contain the ballot.
    NotInLatestTree { tree_size: u64 },
    /// The latest tree does not extend the receipt's tree: history was rewritten.
    HistoryRewritten { receipt_size: u64, latest_size: u64 },
}

/// How many distinct listed members must sign a checkpoint: a majority of the voting members
/// (the tally's key is listed too, but it does not vote), and never fewer than two once two
/// are listed (one member alone could lie).
pub fn needed_signatures(keys: &[LogKey]) -> usize {
    let mut voters: Vec<_> = keys.iter().filter(|k| k.voter).map(|k| k.node_id).collect();
    if voters.is_empty() {
        voters = keys.iter().map(|k| k.node_id).collect();
    }
    voters.sort_unstable();
    voters.dedup();
    let majority = voters.len() / 2 + 1;
    if voters.len() >= 2 {
        majority.max(2)
    } else {
        majority
    }
}

/// Runs every check, in the order a voter would ask: is the receipt signed, is the log signed
/// by enough members, is my line there unchanged, and is it still in today's log.
pub fn verify_receipt(evidence: &ReceiptEvidence) -> Result<Verified, ReceiptError> {
    let ReceiptEvidence {
        receipt,
        keys,
        latest,
        ..
    } = evidence;
    if keys.is_empty() {
        return Err(ReceiptError::NoKeys);
    }
    let mine = &receipt.checkpoint;
    if mine.election_id != receipt.election_id {
        return Err(ReceiptError::Malformed(
            "its checkpoint belongs to another election",
        ));
    }
    if receipt.leaf_index >= mine.tree_size {
        return Err(ReceiptError::Malformed(
            "its ballot lies outside its own checkpoint",
        ));
    }
    let leaf = bytes::<32>(&receipt.leaf_hash_hex).ok_or(ReceiptError::Malformed(
        "its ballot hash is not 64 hex digits",
    ))?;
    let mine_root = bytes::<32>(&mine.root_hash_hex).ok_or(ReceiptError::Malformed(
        "its root hash is not 64 hex digits",
    ))?;
    if mine.verify(keys, 1).is_err() {
        return Err(ReceiptError::ReceiptNotSigned);
    }

    if latest.election_id != receipt.election_id {
        return Err(ReceiptError::OtherElection);
    }
    let needed = needed_signatures(keys);
    let signers = latest
        .verify(keys, needed)
        .map_err(|_| ReceiptError::TooFewSignatures {
            valid: latest.verify(keys, 0).map_or(0, |valid| valid.len()),
            needed,
        })?;
    // An unreadable root cannot have been signed by an honest member; treat it as a rewrite.
    let latest_root = bytes::<32>(&latest.root_hash_hex).ok_or(ReceiptError::HistoryRewritten {
        receipt_size: mine.tree_size,
        latest_size: latest.tree_size,
    })?;

    // Before the line and the proofs: a smaller log cannot answer them for this ballot.
    if latest.tree_size < mine.tree_size {
        return Err(ReceiptError::LogShrank {
            receipt_size: mine.tree_size,
            latest_size: latest.tree_size,
        });
    }
    check_entry(receipt, &evidence.entry, &leaf)?;
    check_inclusion(
        &evidence.receipt_inclusion,
        &leaf,
        receipt.leaf_index,
        mine.tree_size,
        &mine_root,
    )
    .map_err(|err| err.unwrap_or(ReceiptError::NotInReceiptTree))?;
    check_inclusion(
        &evidence.latest_inclusion,
        &leaf,
        receipt.leaf_index,
        latest.tree_size,
        &latest_root,
    )
    .map_err(|err| {
        err.unwrap_or(ReceiptError::NotInLatestTree {
            tree_size: latest.tree_size,
        })
    })?;
    check_consistency(
        &evidence.consistency,
        mine,
        &mine_root,
        latest,
        &latest_root,
    )?;

    Ok(Verified {
        ballot_id: receipt.ballot_id.clone(),
        leaf_index: receipt.leaf_index,
        tree_size: latest.tree_size,
        root_hash_hex: latest.root_hash_hex.clone(),
        signers,
    })
}

/// The line must hash to the receipt's leaf and say it is this ballot, in this election, at
/// this place (a hash match alone would accept another ballot's receipt for the same line).
fn check_entry(receipt: &Receipt, entry: &str, leaf: &Hash) -> Result<(), ReceiptError> {
    let leaf_index = receipt.leaf_index;
    if merkle::leaf_hash(entry.as_bytes()) != *leaf {
        return Err(ReceiptError::EntryChanged { leaf_index });
    }
    let Ok(line) = serde_json::from_str::<PublicLine>(entry) else {
        return Err(ReceiptError::EntryNotThisBallot { leaf_index });
    };
    let is_this_ballot = matches!(
        &line.entry,
        PublicEntry::BallotCast { ballot_id, .. } if *ballot_id == receipt.ballot_id
    );
    if !is_this_ballot || line.election_id != receipt.election_id || line.index != leaf_index {
        return Err(ReceiptError::EntryNotThisBallot { leaf_index });
    }
    Ok(())
}

/// `Err(None)` when the proof does not lead to `root`; `Err(Some(_))` when it was for
/// another question than the one asked.
fn check_inclusion(
    proof: &InclusionProof,
    leaf: &Hash,
    index: u64,
    size: u64,
    root: &Hash,
) -> Result<(), Option<ReceiptError>> {
    if proof.leaf_index != index || proof.tree_size != size {
        return Err(Some(ReceiptError::WrongProof(
            "an inclusion proof was for another place or log size",
        )));
    }
    let path = hashes(&proof.audit_path).ok_or(None)?;
    if merkle::verify_inclusion(leaf, index, size, &path, root) {
        Ok(())
    } else {
        Err(None)
    }
}

fn check_consistency(
    proof: &ConsistencyProof,
    mine: &Checkpoint,
    mine_root: &Hash,
    latest: &Checkpoint,
    latest_root: &Hash,
) -> Result<(), ReceiptError> {
    let rewritten = ReceiptError::HistoryRewritten {
        receipt_size: mine.tree_size,
        latest_size: latest.tree_size,
    };
    if proof.first != mine.tree_size || proof.second != latest.tree_size {
        return Err(ReceiptError::WrongProof(
            "the consistency proof was for other log sizes",
        ));
    }
    let path = hashes(&proof.proof).ok_or(rewritten.clone())?;
    if merkle::verify_consistency(
        mine.tree_size,
        latest.tree_size,
        mine_root,
        latest_root,
        &path,
    ) {
        Ok(())
    } else {
        Err(rewritten)
    }
}

fn hashes(hex: &[String]) -> Option<Vec<Hash>> {
    hex.iter().map(|h| bytes::<32>(h)).collect()
}

/// `1234567` as "1,234,567": sizes are read by people.
pub fn with_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1", "1 and 2", "1, 2 and 3".
pub fn list_in_words(ids: &[NodeId]) -> String {
    let words: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl fmt::Display for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries = if self.tree_size == 1 {
            "entry"
        } else {
            "entries"
        };
        let replicas = if self.signers.len() == 1 {
            "replica"
        } else {
            "replicas"
        };
        write!(
            f,
            "Your ballot is in the log of {} {entries}, signed by {replicas} {}.",
            with_thousands(self.tree_size),
            list_in_words(&self.signers)
        )
    }
}

impl fmt::Display for ReceiptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReceiptError::NoKeys => write!(
                f,
                "The server listed no signing keys, so nothing could be checked."
            ),
            ReceiptError::Malformed(why) => write!(f, "This receipt is damaged: {why}."),
            ReceiptError::ReceiptNotSigned => write!(
                f,
                "This receipt was not signed by any of the election's replicas."
            ),
            ReceiptError::OtherElection => write!(
                f,
                "The log the server showed belongs to another election than this receipt."
            ),
            ReceiptError::TooFewSignatures { valid, needed } => write!(
                f,
                "The log is signed by {valid} of the listed replicas; at least {needed} must sign it."
            ),
            ReceiptError::EntryChanged { leaf_index } => write!(
                f,
                "Entry {leaf_index} of the log does not match this receipt: the entry or the receipt was changed."
            ),
            ReceiptError::EntryNotThisBallot { leaf_index } => write!(
                f,
                "Entry {leaf_index} of the log is not this receipt's ballot."
            ),
            ReceiptError::WrongProof(why) => {
                write!(f, "The server's answer does not fit this receipt: {why}.")
            }
            ReceiptError::NotInReceiptTree => write!(
                f,
                "This receipt's own signed log does not contain its ballot."
            ),
            ReceiptError::LogShrank {
                receipt_size,
                latest_size,
            } => write!(
                f,
                "The log now has {} entries, fewer than the {} this receipt saw: entries were removed.",
                with_thousands(*latest_size),
                with_thousands(*receipt_size)
            ),
            ReceiptError::NotInLatestTree { tree_size } => write!(
                f,
                "Your ballot is not in the signed log of {} entries.",
                with_thousands(*tree_size)
            ),
            ReceiptError::HistoryRewritten {
                receipt_size,
                latest_size,
            } => write!(
                f,
                "The signed log of {} entries does not extend the {} entries this receipt saw: its history was rewritten.",
                with_thousands(*latest_size),
                with_thousands(*receipt_size)
            ),
        }
    }
}

impl std::error::Error for ReceiptError {}

#[cfg(test)]
mod tests;
