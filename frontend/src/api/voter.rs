//! The public endpoints: what the voter and tally pages call. The writes (register, log in,
//! vote) take a [`PendingWrite`], so a retry sends the same idempotency key.

use shared::dto::{
    LoginRequest, LoginResponse, MeResponse, OptionsResponse, RegisterRequest, RegisterResponse,
    ResultsResponse, TimeResponse, VoteRequest, VoteResponse,
};

use super::{get, post, ApiError, PendingWrite};

/// `POST /api/register`: puts a new voter on the roll and returns their number.
pub async fn register(write: &PendingWrite<RegisterRequest>) -> Result<RegisterResponse, ApiError> {
    post("/api/register", None, write).await
}

/// `POST /api/login`: exchanges a name and voter id for a session token.
pub async fn login(write: &PendingWrite<LoginRequest>) -> Result<LoginResponse, ApiError> {
    post("/api/login", None, write).await
}

/// `GET /api/me`: whether the session's voter has voted (and their receipt).
pub async fn me(session: &str) -> Result<MeResponse, ApiError> {
    get("/api/me", Some(session)).await
}

/// `GET /api/options`: the ballot.
pub async fn options() -> Result<OptionsResponse, ApiError> {
    get("/api/options", None).await
}

/// `GET /api/time`: one sample of the server's synchronised clock.
pub async fn time() -> Result<TimeResponse, ApiError> {
    get("/api/time", None).await
}

/// `GET /api/results`: the current figures (counts only when visible).
pub async fn results() -> Result<ResultsResponse, ApiError> {
    get("/api/results", None).await
}

/// `POST /api/vote`. The session also goes in the body because the contract says so; the
/// header lets the server treat every authenticated call alike.
pub async fn vote(write: &PendingWrite<VoteRequest>) -> Result<VoteResponse, ApiError> {
    post("/api/vote", Some(&write.body.session), write).await
}
