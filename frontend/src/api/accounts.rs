//! Named admin accounts: who is signed in (`/api/admin/me`), signing in with a name and a
//! password for a session cookie (`/api/admin/login`, `/api/admin/logout`), the first owner by
//! the setup link (`/api/admin/setup`), the owners' list of accounts (`/api/admin/accounts`)
//! and an election's officials.
//!
//! Every call takes the admin `token` the pages pass around; an empty one sends no
//! `Authorization` header, so the browser's session cookie speaks instead (see
//! [`super::builder`], which then adds the `X-CSRF-Token` of a write).

use gloo::net::http::Method;
use shared::accounts::{
    AccountId, AccountsResponse, AdminLoginRequest, CreateAccountRequest, CreateAccountResponse,
    MeAdminResponse, OfficialsRequest, SetupRequest,
};

use super::{answer, builder, get, request, ApiError};

const ACCOUNTS: &str = "/api/admin/accounts";

/// `GET /api/admin/me`: who the token (or, without one, the session cookie) stands for.
pub async fn me(token: &str) -> Result<MeAdminResponse, ApiError> {
    get("/api/admin/me", Some(token)).await
}

/// `POST /api/admin/login`: the answer carries the session's CSRF value, and the server sets
/// the cookie. Not retried: a refused sign-in counts against the failed-attempt limit.
pub async fn login(name: &str, password: &str) -> Result<MeAdminResponse, ApiError> {
    let body = AdminLoginRequest {
        name: name.to_string(),
        password: password.to_string(),
    };
    request(Method::POST, "/api/admin/login", None, None, Some(&body)).await
}

/// `POST /api/admin/setup`: the first owner, by the one-time setup token a new node prints;
/// no token or cookie, the setup token is the proof. The answer's token is shown this once.
/// Not retried: a second attempt after a lost answer would be refused (the link is used).
pub async fn setup(body: &SetupRequest) -> Result<CreateAccountResponse, ApiError> {
    request(Method::POST, "/api/admin/setup", None, None, Some(body)).await
}

/// A request whose answer has no body (204), sent with `body` as JSON if any.
async fn send_empty<B: serde::Serialize>(
    method: Method,
    path: &str,
    token: &str,
    body: Option<&B>,
) -> Result<(), ApiError> {
    let builder = builder(method, path, Some(token), None);
    let sent = match body {
        Some(body) => {
            builder
                .json(body)
                .map_err(|err| ApiError::Decode(err.to_string()))?
                .send()
                .await
        }
        None => builder.send().await,
    };
    answer(sent).await.map(|_| ())
}

/// `POST /api/admin/logout`: the server clears the session cookie.
pub async fn logout(token: &str) -> Result<(), ApiError> {
    send_empty::<()>(Method::POST, "/api/admin/logout", token, None).await
}

/// `GET /api/admin/accounts` (owners only).
pub async fn list(token: &str) -> Result<AccountsResponse, ApiError> {
    get(ACCOUNTS, Some(token)).await
}

/// `POST /api/admin/accounts`: the answer's token is shown this once.
pub async fn create(
    token: &str,
    account: &CreateAccountRequest,
) -> Result<CreateAccountResponse, ApiError> {
    request(Method::POST, ACCOUNTS, Some(token), None, Some(account)).await
}

/// `DELETE /api/admin/accounts/{id}`: its token and sessions stop at once.
pub async fn delete(token: &str, account_id: AccountId) -> Result<(), ApiError> {
    let path = account_path(account_id);
    send_empty::<()>(Method::DELETE, &path, token, None).await
}

fn account_path(account_id: AccountId) -> String {
    format!("{ACCOUNTS}/{account_id}")
}

/// The route of an election's officials and observers.
fn officials_path(election: &str) -> String {
    format!("/api/admin/elections/{election}/officials")
}

/// `PUT /api/admin/elections/{id}/officials`: the whole list of the election's officials and
/// observers; answers every account as [`list`] does.
pub async fn set_officials(
    token: &str,
    election: &str,
    account_ids: Vec<AccountId>,
) -> Result<AccountsResponse, ApiError> {
    let body = OfficialsRequest { account_ids };
    let path = officials_path(election);
    request(Method::PUT, &path, Some(token), None, Some(&body)).await
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn account_routes_follow_the_api() {
        assert_eq!(account_path(7), "/api/admin/accounts/7");
        assert_eq!(
            officials_path("board-2027"),
            "/api/admin/elections/board-2027/officials"
        );
    }
}
