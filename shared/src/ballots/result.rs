//! What counting a question gives: its rounds, winners and draws, as the results and the
//! recount carry them.

use serde::{Deserialize, Serialize};

use super::{Method, Threshold};
use crate::ids::CandidateId;

/// A candidate's figure in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoundTally {
    pub candidate_id: CandidateId,
    /// A decimal string.
    pub votes: String,
}

/// Why the votes moved in a round of a transferable count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// An elected candidate's surplus was passed on.
    Surplus,
    /// An eliminated candidate's votes were passed on.
    Elimination,
}

/// What a round of IRV or STV passed on, and from whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transfer {
    pub from: CandidateId,
    pub kind: TransferKind,
    /// STV's transfer value of a surplus (decimal string, 5 places at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// One round (STV: stage) of a count: every continuing candidate's figure after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Round {
    /// From 1.
    pub round: u32,
    pub tallies: Vec<RoundTally>,
    pub elected: Vec<CandidateId>,
    pub eliminated: Vec<CandidateId>,
    /// Votes no longer with any continuing candidate, so far (decimal string).
    pub exhausted: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<Transfer>,
}

/// A tie the rules leave to lot, and what the draw chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TieBreak {
    pub round: u32,
    /// The tied candidates, ascending.
    pub among: Vec<CandidateId>,
    pub chosen: CandidateId,
}

/// One question's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionResult {
    pub id: String,
    pub title: String,
    pub method: Method,
    pub seats: u32,
    /// The weight of the ballots that answered it (decimal string).
    pub valid: String,
    /// How many ballots left it blank.
    pub blank: u64,
    pub winners: Vec<CandidateId>,
    /// Schulze: every candidate, best first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<CandidateId>>,
    /// Schulze: `pairwise[i][j]` is the weight preferring candidate i+1 to j+1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<Vec<Vec<String>>>,
    /// STV: the Droop quota (decimal string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<String>,
    /// Referendum: whether it passed, and under which threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    pub rounds: Vec<Round>,
    pub tie_breaks: Vec<TieBreak>,
}
