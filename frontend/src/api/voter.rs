//! The public endpoints: what the voter and tally pages call, for the election in `scope`.
//! The writes (register, log in, vote) take a [`PendingWrite`], so a retry sends the same
//! idempotency key.

use shared::dto::{
    LoginRequest, LoginResponse, MeResponse, OptionsResponse, RegisterRequest, RegisterResponse,
    ResultsResponse, TimeResponse, VoteRequest, VoteResponse,
};
use shared::elections::CredentialLoginRequest;

use super::{get, post, ApiError, PendingWrite, Scope};

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
pub async fn vote(
    scope: &Scope,
    write: &PendingWrite<VoteRequest>,
) -> Result<VoteResponse, ApiError> {
    post(&scope.public("vote"), Some(&write.body.session), write).await
}

/// `GET /api/elections/{id}/secrecy`: a verifiable election's key and the shape of what a
/// ballot seals (public; the voter page seals with it).
pub async fn secrecy(scope: &Scope) -> Result<shared::secrecy::wire::SecrecyView, ApiError> {
    get(&scope.public("secrecy"), None).await
}
