//! Elections as data: how an admin defines one, what the public sees of it, the roll import
//! and credential login bodies. The original election is the one with id [`DEFAULT_ELECTION`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::languages::{Language, Translation};

use crate::ballots::{Method, Question, QuestionSpec, Threshold, Weight};
use crate::events::Phase;
use crate::ids::{CandidateId, TimestampMs, VoterId};

/// An election's id: 3–40 characters of `[a-z0-9-]` (see [`valid_election_id`]).
pub type ElectionId = String;

/// The original election, created at first start: ten candidates, the voters Alice = 1 …
/// Jack = 10, name-and-id login and self-registration. Every route without an election in its
/// path is this election's.
pub const DEFAULT_ELECTION: &str = "default";

/// The id of the original election, for serde defaults of logs written before elections.
pub fn default_election_id() -> ElectionId {
    DEFAULT_ELECTION.to_string()
}

/// Whether `id` is the original election (serde's `skip_serializing_if`).
pub fn is_default_election(id: &str) -> bool {
    id == DEFAULT_ELECTION
}

/// Whether `id` is a well-formed election id: 3–40 of `a-z`, `0-9` and `-`.
pub fn valid_election_id(id: &str) -> bool {
    (3..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How voters of an election prove who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LoginMethod {
    /// A secret credential handed out with the roll import (the default for new elections).
    Credential,
    /// Name and voter id, as the original election does.
    #[default]
    NameAndId,
}

/// An election's settings. `Default` is the original election's; a new election's request
/// defaults differ (see [`ElectionRequest`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionOptions {
    /// Whether counts are public while voting is open.
    #[serde(default)]
    pub live_results: bool,
    /// Whether a voter may vote again; the last vote counts.
    #[serde(default)]
    pub revoting: bool,
    /// Whether anyone may put themselves on the roll (`POST …/register`).
    #[serde(default)]
    pub self_registration: bool,
    #[serde(default = "credential_login")]
    pub login: LoginMethod,
    /// `verifiable`: ballots sealed in the browser, tallied encrypted and decrypted by k of n
    /// trustees. Absent means `open` (and is left out, so older logs hash the same).
    #[serde(default, skip_serializing_if = "crate::secrecy::Secrecy::is_open")]
    pub secrecy: crate::secrecy::Secrecy,
}

fn credential_login() -> LoginMethod {
    LoginMethod::Credential
}

impl Default for ElectionOptions {
    fn default() -> Self {
        ElectionOptions {
            live_results: false,
            revoting: false,
            self_registration: true,
            login: LoginMethod::NameAndId,
            secrecy: Default::default(),
        }
    }
}

/// The options a new election gets when its request leaves them out: credential login, no
/// self-registration, no re-voting, counts hidden until publication.
pub fn new_election_options() -> ElectionOptions {
    ElectionOptions {
        live_results: false,
        revoting: false,
        self_registration: false,
        login: LoginMethod::Credential,
        secrecy: Default::default(),
    }
}

/// One candidate as the admin writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateSpec {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// `POST /api/admin/elections` and `PUT /api/admin/elections/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionRequest {
    /// Derived from the title when absent (create only; a PUT keeps the path's id).
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The old form: one plurality question (id `main`) of these candidates. Leave it out
    /// (or empty) when giving `questions`.
    #[serde(default)]
    pub candidates: Vec<CandidateSpec>,
    /// 1–32 questions, each with its own method (see `docs/ballots.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<QuestionSpec>>,
    #[serde(default = "new_election_options")]
    pub options: ElectionOptions,
    /// The language the election is written in (English when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Its wording in other languages, each part optional (see `docs/api.md`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, Translation>,
}

/// One question as the public sees it: its candidates with their ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionView {
    pub id: String,
    pub title: String,
    pub description: String,
    pub method: Method,
    pub candidates: Vec<ElectionCandidate>,
    pub seats: u32,
    pub max_choices: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
}

impl From<&Question> for QuestionView {
    fn from(question: &Question) -> QuestionView {
        QuestionView {
            id: question.id.clone(),
            title: question.title.clone(),
            description: question.description.clone(),
            method: question.method,
            candidates: question
                .candidates
                .iter()
                .zip(1..)
                .map(|(candidate, id)| ElectionCandidate {
                    id,
                    name: candidate.name.clone(),
                    description: candidate.description.clone(),
                })
                .collect(),
            seats: question.seats,
            max_choices: question.max_choices,
            threshold: question.threshold,
        }
    }
}

/// A candidate as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionCandidate {
    pub id: CandidateId,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// `GET /api/elections/{id}`, and the answer to creating or updating one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionView {
    pub election_id: ElectionId,
    pub id: ElectionId,
    pub title: String,
    pub description: String,
    /// The candidates of an election with one plurality question (the old form); empty for
    /// a ballot of several questions (see `questions`).
    pub candidates: Vec<ElectionCandidate>,
    /// Every question of the ballot (the old form shows its one question, `main`).
    #[serde(default)]
    pub questions: Vec<QuestionView>,
    pub options: ElectionOptions,
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub voters: u64,
    pub voted: u64,
    /// The roll's total weight and the weight of those who voted (decimal strings; equal to
    /// `voters` and `voted` when nobody is weighted).
    #[serde(default)]
    pub voters_weight: String,
    #[serde(default)]
    pub voted_weight: String,
    /// The language the election is written in, and its translations.
    #[serde(default)]
    pub language: Language,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, Translation>,
}

impl ElectionView {
    /// The election's language and translations, to read it in another language
    /// ([`crate::languages::Languages::title`], …).
    pub fn languages(&self) -> crate::languages::Languages {
        crate::languages::Languages {
            language: Some(self.language),
            translations: self.translations.clone(),
        }
    }
}

/// One line of `GET /api/elections`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionSummary {
    pub id: ElectionId,
    pub title: String,
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub voters: u64,
    pub voted: u64,
}

/// `GET /api/elections`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionsResponse {
    pub elections: Vec<ElectionSummary>,
}

/// One voter of a roll import (JSON form; the CSV form has the same columns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollEntry {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub external_id: Option<String>,
    /// A positive decimal with up to 4 places, at most 1,000,000; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
}

/// `POST /api/admin/elections/{id}/voters` as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollRequest {
    pub voters: Vec<RollEntry>,
}

/// One row of the import's answer: the credential is shown here once and never again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollRow {
    pub voter_id: Option<VoterId>,
    pub name: String,
    pub email: String,
    pub external_id: String,
    /// Empty for a skipped row.
    pub credential: String,
    /// `created`, or `skipped: <reason>`.
    pub status: String,
}

/// The import's answer as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollResponse {
    pub voters: Vec<RollRow>,
    pub created: u64,
    pub skipped: u64,
}

/// `POST /api/elections/{id}/login` in a credential election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CredentialLoginRequest {
    pub credential: String,
}

/// `POST /api/admin/elections/{id}/voters/{voter_id}/credential`: the replacement, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CredentialResponse {
    pub voter_id: VoterId,
    pub credential: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn election_ids_are_short_lowercase_slugs() {
        assert!(valid_election_id("board-2027"));
        assert!(valid_election_id("abc"));
        assert!(!valid_election_id("ab"));
        assert!(!valid_election_id(&"a".repeat(41)));
        assert!(!valid_election_id("Board"));
        assert!(!valid_election_id("a b c"));
        assert!(!valid_election_id("été"));
    }

    #[test]
    fn a_new_election_defaults_to_credentials_and_the_original_to_names() {
        let request: ElectionRequest =
            serde_json::from_str(r#"{"title": "T", "candidates": []}"#).unwrap();
        assert_eq!(request.options, new_election_options());
        let partial: ElectionOptions = serde_json::from_str(r#"{"revoting": true}"#).unwrap();
        assert_eq!(partial.login, LoginMethod::Credential);
        assert!(partial.revoting && !partial.self_registration);
        assert_eq!(ElectionOptions::default().login, LoginMethod::NameAndId);
    }
}
