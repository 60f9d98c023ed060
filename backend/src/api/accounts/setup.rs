//! The first owner account: by the one-time link a node prints while no account exists
//! (`first owner: {url}/admin#setup={token}`), or by `--owner-password-file` at start.
//!
//! The link's token is derived from the cluster secret, so every member prints the same one
//! and nobody without the secret can make it; the domain refuses a first owner once any
//! account has existed, so the link works once. The admin token keeps working throughout.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use shared::accounts::{
    AccountRole, CreateAccountResponse, SetupRequest, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS,
};
use shared::EventPayload;

use super::hash_password;
use crate::api::error::ApiError;
use crate::api::extract::AppJson;
use crate::api::state::AppState;
use crate::domain::accounts::ACCOUNTS_SCOPE;
use crate::domain::Command;
use crate::secrets::{constant_time_eq, new_token, session_hash};

/// The setup link's token of a cluster.
pub fn setup_token(secret: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return new_token();
    };
    mac.update(b"first owner setup\0");
    hex::encode(mac.finalize().into_bytes())[..32].to_string()
}

/// Whether the first owner may still be made here (no account has existed yet).
pub fn awaiting_first_owner(state: &AppState) -> bool {
    state.engine.read().accounts().never_had_any()
}

/// Makes the first owner (an argon2id hash of `password`), committed like any account.
pub async fn create_first_owner(
    state: &AppState,
    name: String,
    password: String,
) -> Result<CreateAccountResponse, ApiError> {
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&password.chars().count()) {
        return Err(ApiError::BadRequest(format!(
            "a password must have {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"
        )));
    }
    let token = new_token();
    let command = Command::CreateAccount {
        name,
        role: AccountRole::Owner,
        password_hash: Some(hash_password(password).await?),
        token_hash: session_hash(&token),
        first: true,
    };
    let envelope = state.stamp(command, 0).in_election(ACCOUNTS_SCOPE);
    let events = state.commit(envelope).await??;
    match events.into_iter().next().map(|event| event.payload) {
        Some(EventPayload::AccountCreated {
            account_id,
            name,
            role,
            ..
        }) => Ok(CreateAccountResponse {
            account_id,
            name,
            role,
            token,
        }),
        _ => Err(anyhow::anyhow!("the first owner's creation made no account").into()),
    }
}

/// `POST /api/admin/setup`.
pub async fn setup(
    State(state): State<AppState>,
    AppJson(request): AppJson<SetupRequest>,
) -> Result<(StatusCode, Json<CreateAccountResponse>), ApiError> {
    let expected = setup_token(&state.settings.session_secret);
    if !constant_time_eq(&request.setup_token, &expected) {
        return Err(ApiError::Forbidden(
            "this setup link is not the one this cluster printed".into(),
        ));
    }
    let made = create_first_owner(&state, request.name, request.password).await?;
    Ok((StatusCode::CREATED, Json(made)))
}
