//! An election's public log: what anyone may read and verify, one canonical JSON line per
//! entry, hashed into an RFC 9162 Merkle tree ([`crate::merkle`]).
//!
//! It is the private log with what would link a voter to a choice left out: a vote is a
//! `ballot_cast` naming its `ballot_id`, never its voter; who voted is told by
//! `voter_participated` lines written at publication, in voter-id order, so their order says
//! nothing about which ballot is whose. Logins are not public (their times would point at the
//! ballots that follow them), nor are emails or credential hashes.

use serde::{Deserialize, Serialize};

use crate::ballots::{Answers, Question, Weight};
use crate::elections::{CandidateSpec, ElectionId, ElectionOptions};
use crate::events::CloseReason;
use crate::ids::{CandidateId, TimestampMs, VoterId};
use crate::languages::{Language, Translation};
use std::collections::BTreeMap;

use crate::secrecy::ballot::SealedBallot;
use crate::secrecy::ceremony::{Commitment, KeySet, Polynomial, SealedShare};
use crate::secrecy::tally::Decryption;
use crate::secrecy::Opaque;

/// What a public line says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PublicEntry {
    ElectionDefined {
        title: String,
        description: String,
        options: ElectionOptions,
        candidates: Vec<CandidateSpec>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        questions: Vec<Question>,
        /// The election's own language (English when absent), and its wording in others.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<Language>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        translations: BTreeMap<Language, Translation>,
    },
    CandidateAdded {
        candidate_id: CandidateId,
        name: String,
    },
    /// A voter on the roll (registered or imported).
    VoterRegistered {
        voter_id: VoterId,
        name: String,
    },
    /// A ballot: its choice, never its voter.
    BallotCast {
        ballot_id: String,
        /// The choice of a ballot of the old form; absent (0) when `answers` carries it.
        #[serde(default, skip_serializing_if = "crate::ballots::is_zero")]
        candidate_id: CandidateId,
        click_time_ms: TimestampMs,
        /// The `ballot_id` this one replaces (re-voting: the last one counts).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        supersedes: Option<String>,
        /// The whole ballot of an election with questions (blank answers left out).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answers: Option<Answers>,
        /// The voter's weight where it is not 1: the recount needs it, and it is all the line
        /// says of the voter.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weight: Option<Weight>,
        /// A verifiable election's sealed ballot with its proofs, in place of `answers`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sealed: Option<SealedBallot>,
    },
    DeadlineSet {
        end_time_ms: TimestampMs,
    },
    LiveResultsSet {
        enabled: bool,
    },
    VotingStarted,
    VotingClosed {
        reason: CloseReason,
    },
    ResultsPublished,
    /// Written at publication, one per voter who voted, in voter-id order.
    VoterParticipated {
        voter_id: VoterId,
    },
    RollImported {
        rows: u64,
        created: u64,
        skipped: u64,
    },
    CredentialIssued {
        voter_id: VoterId,
    },
    /// A verifiable election's trustees (names only: emails and tokens stay private).
    TrusteesNamed {
        threshold: u32,
        trustees: Vec<PublicTrustee>,
    },
    TrusteeCommitted {
        trustee_id: u32,
        commitment: Commitment,
    },
    TrusteePolynomialPublished {
        trustee_id: u32,
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        polynomial: Opaque<Polynomial>,
    },
    TrusteeSharesPublished {
        trustee_id: u32,
        shares: Vec<SealedShare>,
    },
    ElectionKeyPublished {
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        key: Opaque<KeySet>,
    },
    TrusteeDecrypted {
        trustee_id: u32,
        shares: Decryption,
    },
    TallyDecrypted {
        sums: Vec<Vec<u64>>,
    },
}

/// A trustee on the public log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicTrustee {
    pub trustee_id: u32,
    pub name: String,
}

/// One line of the public log: the entry, where it is, and whose log it is in, so a line
/// cannot be moved to another position or another election unnoticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicLine {
    pub election_id: ElectionId,
    /// 0-based, the leaf index in the Merkle tree.
    pub index: u64,
    #[serde(flatten)]
    pub entry: PublicEntry,
    /// The admin account that did this (admin actions only): anyone reading the log sees who
    /// opened, extended, stopped and published the election. Absent on older lines, whose
    /// canonical text (and so their leaf hash) is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<crate::accounts::Actor>,
}

impl PublicLine {
    /// The canonical text: the line's JSON, compact, fields in declaration order. This text,
    /// byte for byte, is what the tree hashes and what `log/entries` serves.
    pub fn canonical(&self) -> String {
        // Serialising these plain types cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// `GET /api/elections/{id}/log/entries?start=S&end=E`: leaves `S` to `E - 1`, each the
/// canonical line as a JSON string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogEntries {
    pub entries: Vec<String>,
}

/// `GET /api/elections/{id}/log/tree`: the tree this replica has applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TreeHead {
    pub election_id: ElectionId,
    pub tree_size: u64,
    pub root_hash_hex: String,
}

/// `GET /api/elections/{id}/log/inclusion?index=I&tree_size=N` (RFC 9162 §2.1.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InclusionProof {
    pub leaf_index: u64,
    pub tree_size: u64,
    pub audit_path: Vec<String>,
}

/// `GET /api/elections/{id}/log/consistency?first=M&second=N` (RFC 9162 §2.1.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsistencyProof {
    pub first: u64,
    pub second: u64,
    pub proof: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ballot_line_names_its_ballot_and_choice_but_no_voter() {
        let line = PublicLine {
            election_id: "board".into(),
            index: 7,
            entry: PublicEntry::BallotCast {
                ballot_id: "ab".into(),
                candidate_id: 2,
                click_time_ms: 5,
                supersedes: None,
                answers: None,
                weight: None,
                sealed: None,
            },
            by: None,
        };
        assert_eq!(
            line.canonical(),
            r#"{"election_id":"board","index":7,"type":"ballot_cast","ballot_id":"ab","candidate_id":2,"click_time_ms":5}"#
        );
        let back: PublicLine = serde_json::from_str(&line.canonical()).unwrap();
        assert_eq!(back, line);
    }

    #[test]
    fn an_admin_action_names_its_account_after_the_entry() {
        let line = PublicLine {
            election_id: "board".into(),
            index: 3,
            entry: PublicEntry::VotingStarted,
            by: Some(crate::accounts::Actor {
                account_id: 2,
                name: "Ana".into(),
            }),
        };
        assert_eq!(
            line.canonical(),
            r#"{"election_id":"board","index":3,"type":"voting_started","by":{"account_id":2,"name":"Ana"}}"#
        );
        let back: PublicLine = serde_json::from_str(&line.canonical()).unwrap();
        assert_eq!(back, line);
    }
}
