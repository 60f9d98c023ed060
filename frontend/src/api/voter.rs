//! The public endpoints: what the voter and tally pages call, for the election in `scope`.
//! The writes (register, log in, vote) take a [`PendingWrite`], so a retry sends the same
//! idempotency key.

use serde::{Deserialize, Serialize};
use shared::ballots::Answers;
use shared::dto::{
    LoginRequest, LoginResponse, MeResponse, OptionsResponse, RegisterRequest, RegisterResponse,
    ResultsResponse, TimeResponse, VoteResponse,
};
use shared::elections::CredentialLoginRequest;
use shared::ids::{CandidateId, LamportTime, TimestampMs};

use super::{get, post, ApiError, PendingWrite, Scope};
use crate::sealer::{SealedJson, SealingView};

/// The body of `POST …/vote`: `shared::dto::VoteRequest` field for field, in its order, with
/// its sealed ballot kept as the JSON the sealer wrote ([`SealedJson`]). Serialising
/// `VoteRequest` itself would put the decoding and encoding of curve points in the voter
/// page's first load; the bytes sent are the same (a test compares them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteBody {
    pub session: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate_id: Option<CandidateId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Answers>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<SealedJson>,
    pub lamport: LamportTime,
    pub click_time_ms: TimestampMs,
}

/// `POST …/register`: puts a new voter on the roll and returns their number.
pub async fn register(
    scope: &Scope,
    write: &PendingWrite<RegisterRequest>,
) -> Result<RegisterResponse, ApiError> {
    post(&scope.public("register"), None, write).await
}

/// `POST …/login`: exchanges a name and voter id for a session token.
pub async fn login(
    scope: &Scope,
    write: &PendingWrite<LoginRequest>,
) -> Result<LoginResponse, ApiError> {
    post(&scope.public("login"), None, write).await
}

/// `POST /api/elections/{id}/login`: exchanges a credential from the roll import for a
/// session token, in an election that logs voters in that way.
pub async fn credential_login(
    scope: &Scope,
    write: &PendingWrite<CredentialLoginRequest>,
) -> Result<LoginResponse, ApiError> {
    post(&scope.public("login"), None, write).await
}

/// `GET …/me`: whether the session's voter has voted (and their receipt).
pub async fn me(scope: &Scope, session: &str) -> Result<MeResponse, ApiError> {
    get(&scope.public("me"), Some(session)).await
}

/// `GET …/options`: the ballot.
pub async fn options(scope: &Scope) -> Result<OptionsResponse, ApiError> {
    get(&scope.public("options"), None).await
}

/// `GET /api/time`: one sample of the server's synchronised clock (one clock for every
/// election).
pub async fn time() -> Result<TimeResponse, ApiError> {
    get("/api/time", None).await
}

/// `GET …/results`: the current figures (counts only when visible).
pub async fn results(scope: &Scope) -> Result<ResultsResponse, ApiError> {
    get(&scope.public("results"), None).await
}

/// `POST …/vote`. The session also goes in the body because the contract says so; the
/// header lets the server treat every authenticated call alike.
pub async fn vote(scope: &Scope, write: &PendingWrite<VoteBody>) -> Result<VoteResponse, ApiError> {
    post(&scope.public("vote"), Some(&write.body.session), write).await
}

/// `GET /api/elections/{id}/secrecy`: a verifiable election's key and the shape of what a
/// ballot seals (public; the audit page checks a challenged ballot with it).
pub async fn secrecy(scope: &Scope) -> Result<shared::secrecy::wire::SecrecyView, ApiError> {
    get(&scope.public("secrecy"), None).await
}

/// The same route as [`secrecy`], read as the voter page needs it: the key left as JSON for
/// the sealer's worker ([`crate::sealer`]).
pub async fn sealing(scope: &Scope) -> Result<SealingView, ApiError> {
    get(&scope.public("secrecy"), None).await
}
