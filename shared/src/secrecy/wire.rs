//! The HTTP bodies of verifiable elections: naming trustees, the ceremony's rounds, the
//! public view of the ceremony and tally, and a trustee's decryption.

use serde::{Deserialize, Serialize};

use super::ballot::Shape;
use super::ceremony::{Board, Commitment, KeySet, Polynomial, SealedShare};
use super::tally::{Decryption, Tally};
use super::{Ciphertext, Opaque, Secrecy};
use crate::ballots::Question;

/// One trustee as the admin names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteeSpec {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// `POST /api/admin/elections/{id}/trustees`: the whole list (naming them again, in setup,
/// starts the ceremony over).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteesRequest {
    pub trustees: Vec<TrusteeSpec>,
    pub threshold: u32,
}

/// A named trustee and their private token, shown once (and mailed when mail is configured).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteeCreated {
    pub trustee_id: u32,
    pub name: String,
    /// Empty when the link was mailed to the trustee (`mailed`): then the admin never sees it.
    pub token: String,
    /// The trustee's private page: `/e/{id}/trustee#token=…` (empty when mailed).
    pub link: String,
    /// The link went to the trustee's address (`--smtp-url` set and an email given).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mailed: bool,
}

/// 201 to [`TrusteesRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteesCreated {
    pub trustees: Vec<TrusteeCreated>,
    pub threshold: u32,
}

/// Round 3: `POST /api/elections/{id}/trustee/shares`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharesRequest {
    pub shares: Vec<SealedShare>,
}

/// After close: `POST /api/elections/{id}/trustee/decryption`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecryptionRequest {
    /// Per question, per option of the published encrypted tally.
    pub shares: Decryption,
}

/// Where the ceremony and the count stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecretStage {
    /// No trustees named yet.
    NoTrustees,
    /// Round 1: waiting for commitments.
    Commitments,
    /// Round 2: waiting for polynomials.
    Polynomials,
    /// Round 3: waiting for the sealed shares.
    Shares,
    /// The joint key is published: voting may open.
    KeyPublished,
    /// Voting closed: waiting for `threshold` trustees' decryptions.
    Decrypting,
    /// The counts are decrypted (and public once published).
    Decrypted,
}

/// One trustee's parts as the public log has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteeView {
    pub trustee_id: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Commitment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub polynomial: Option<Opaque<Polynomial>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<Vec<SealedShare>>,
    /// Whether this trustee's decryption of the tally is in.
    pub decrypted: bool,
}

/// `GET /api/elections/{id}/secrecy`: everything public about a verifiable election's keys and
/// tally (no count before decryption).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecrecyView {
    pub secrecy: Secrecy,
    pub stage: SecretStage,
    pub threshold: u32,
    pub trustees: Vec<TrusteeView>,
    /// The joint key set (the shared key and each trustee's share of it), once published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub key: Option<Opaque<KeySet>>,
    /// What a ballot seals, question by question.
    pub questions: Vec<SealedQuestion>,
    /// How many ballots are counted (turnout, the only figure while voting is open).
    pub ballots: u64,
    /// The encrypted tally, per question and option, once voting has closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<Vec<String>>>))]
    pub tally: Option<Vec<Vec<Opaque<Ciphertext>>>>,
    /// After close: the trustees whose decryption is not in yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<u32>,
}

impl SecrecyView {
    /// The ceremony's public parts by trustee id, as [`super::ceremony::TrusteeKey::advance`]
    /// reads them.
    pub fn board(&self) -> Board {
        let mut trustees: Vec<&TrusteeView> = self.trustees.iter().collect();
        trustees.sort_by_key(|t| t.trustee_id);
        Board {
            commitments: trustees.iter().map(|t| t.commitment.clone()).collect(),
            polynomials: trustees
                .iter()
                .map(|t| t.polynomial.clone().map(|p| p.0))
                .collect(),
            shares: trustees.iter().map(|t| t.shares.clone()).collect(),
        }
    }

    /// The encrypted tally, once voting has closed, as [`super::tally::decrypt`] takes it.
    pub fn encrypted_tally(&self) -> Option<Tally> {
        self.tally.as_ref().map(|rows| {
            rows.iter()
                .map(|row| row.iter().map(|c| c.0).collect())
                .collect()
        })
    }

    /// Each question's shape, as sealing and checking ballots take them.
    pub fn shapes(&self) -> Vec<Shape> {
        self.questions.iter().map(SealedQuestion::shape).collect()
    }
}

/// A question's shape on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SealedQuestion {
    pub question: String,
    pub options: u32,
    pub max_marks: u32,
}

impl SealedQuestion {
    pub fn of(question: &Question) -> SealedQuestion {
        SealedQuestion {
            question: question.id.clone(),
            options: question.candidates.len() as u32,
            max_marks: question.max_choices,
        }
    }

    pub fn shape(&self) -> Shape {
        Shape {
            question: self.question.clone(),
            options: self.options as usize,
            max_marks: u64::from(self.max_marks),
        }
    }
}

/// `GET /api/elections/{id}/trustee` (with the trustee's token): who the token names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteeMe {
    pub election_id: String,
    pub trustee_id: u32,
    pub name: String,
    pub trustees: u32,
    pub threshold: u32,
}

/// What an accepted ceremony part or decryption answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrusteeAccepted {
    pub accepted: bool,
    pub stage: SecretStage,
}
