//! The public endpoints: what the voter and tally pages call.

use shared::dto::{
    LoginRequest, LoginResponse, MeResponse, OptionsResponse, RegisterRequest, RegisterResponse,
    ResultsResponse, TimeResponse, VoteRequest, VoteResponse,
};
use shared::VoterId;

use super::{get, post, ApiError};

/// `POST /api/register`: puts a new voter on the roll and returns their number.
pub async fn register(name: &str) -> Result<RegisterResponse, ApiError> {
    post(
        "/api/register",
        None,
        &RegisterRequest {
            name: name.to_owned(),
        },
    )
    .await
}

/// `POST /api/login`: exchanges a name and voter id for a session token.
pub async fn login(name: &str, voter_id: VoterId) -> Result<LoginResponse, ApiError> {
    let body = LoginRequest {
        name: name.to_owned(),
        voter_id,
    };
    post("/api/login", None, &body).await
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
pub async fn vote(request: &VoteRequest) -> Result<VoteResponse, ApiError> {
    post("/api/vote", Some(&request.session), request).await
}
