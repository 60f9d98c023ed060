//! Named admin accounts: creating, listing and deleting them (owners only), assigning an
//! election's officials and observers, signing in with a password for a session cookie, and
//! `me`. Who may call what is decided by [`principal::guard`], which every admin route sits
//! behind; these handlers only do their own work.

pub mod principal;
pub mod setup;

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Extension, Json, Router};
use shared::accounts::{
    AccountId, AccountView, AccountsResponse, AdminLoginRequest, CreateAccountRequest,
    CreateAccountResponse, MeAdminResponse, OfficialsRequest, MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
};
use shared::{Event, EventPayload};

use super::extract::{AppJson, AppPath, Scope};
use super::write::{ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::accounts::ACCOUNTS_SCOPE;
use crate::domain::{Command, DomainError};
use crate::secrets::{new_token, session_hash};
use principal::{csrf_of, session_value, Principal, SESSION_COOKIE, SESSION_MS};

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/api/admin/login", post(login))
        .route("/api/admin/setup", post(setup::setup))
        // Refused sign-ins count in the failed-attempt limiter, like voters' logins.
        .route_layer(axum::middleware::from_fn_with_state(
            state.limits.clone(),
            super::limits::limit_failed_attempts,
        ))
        .route("/api/admin/accounts", post(create).get(list))
        .route("/api/admin/accounts/{account_id}", delete(remove))
        .route("/api/admin/elections/{id}/officials", put(officials))
        .route("/api/admin/me", get(me))
        .route("/api/admin/logout", post(logout))
}

/// The events of a committed decision, or its refusal.
fn events_of(decision: crate::domain::Decision) -> Result<Vec<Event>, ApiError> {
    Ok(decision?)
}

/// An argon2id hash of `password` with a fresh salt, made off the async threads (it takes
/// tens of milliseconds on purpose).
async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
        let salt = SaltString::generate(&mut OsRng);
        argon2::Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
    })
    .await
    .map_err(|error| anyhow::anyhow!("the hashing task failed: {error}"))?
    .map_err(ApiError::from)
}

async fn create(
    State(state): State<AppState>,
    key: ClientKey,
    AppJson(request): AppJson<CreateAccountRequest>,
) -> Result<(StatusCode, Json<CreateAccountResponse>), ApiError> {
    let password_hash = match request.password {
        Some(password)
            if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&password.chars().count()) =>
        {
            return Err(ApiError::BadRequest(format!(
                "a password must have {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"
            )))
        }
        Some(password) => Some(hash_password(password).await?),
        None => None,
    };
    // The token is drawn here and shown once; the log keeps its hash. A retry with the same
    // key is answered from the first decision, whose token nobody kept: it says so.
    let write = Write::new("/api/admin/accounts", &(&request.name, request.role), key);
    if write.remembered(&state).await?.is_some() {
        return Err(ApiError::BadRequest(
            "this request was already made: its token was shown then and is not kept".into(),
        ));
    }
    let token = new_token();
    let command = Command::CreateAccount {
        name: request.name,
        role: request.role,
        password_hash,
        token_hash: session_hash(&token),
        first: false,
    };
    let events = events_of(write.submit_in(&state, ACCOUNTS_SCOPE, command, 0).await?)?;
    let Some(EventPayload::AccountCreated {
        account_id,
        name,
        role,
        ..
    }) = events.into_iter().next().map(|event| event.payload)
    else {
        return Err(anyhow::anyhow!("an account creation made no account").into());
    };
    state.caught_up(ACCOUNTS_SCOPE, 0).await.ok();
    Ok((
        StatusCode::CREATED,
        Json(CreateAccountResponse {
            account_id,
            name,
            role,
            token,
        }),
    ))
}

async fn list(State(state): State<AppState>) -> Json<AccountsResponse> {
    let elections = state.engine.read();
    let accounts = elections
        .accounts()
        .iter()
        .map(|(id, account)| AccountView {
            account_id: *id,
            name: account.name.clone(),
            role: account.role,
            has_password: account.password_hash.is_some(),
            elections: elections
                .iter()
                .filter(|(_, election)| election.officials.contains(id))
                .map(|(election_id, _)| election_id.clone())
                .collect(),
        })
        .collect();
    Json(AccountsResponse { accounts })
}

async fn remove(
    State(state): State<AppState>,
    key: ClientKey,
    AppPath(account_id): AppPath<AccountId>,
) -> Result<StatusCode, ApiError> {
    let write = Write::new("/api/admin/accounts/delete", &account_id, key);
    events_of(
        write
            .submit_in(
                &state,
                ACCOUNTS_SCOPE,
                Command::DeleteAccount { account_id },
                0,
            )
            .await?,
    )?;
    Ok(StatusCode::NO_CONTENT)
}

async fn officials(
    State(state): State<AppState>,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<OfficialsRequest>,
) -> Result<Json<AccountsResponse>, ApiError> {
    state.election(&id, |_| ())?;
    let missing = {
        let elections = state.engine.read();
        request
            .account_ids
            .iter()
            .copied()
            .find(|account| elections.accounts().get(*account).is_none())
    };
    if let Some(account_id) = missing {
        return Err(DomainError::NoSuchAccount(account_id).into());
    }
    let write = Write::new(
        &super::write::route("admin/officials", &id),
        &request.account_ids,
        key,
    );
    let command = Command::AssignOfficials {
        account_ids: request.account_ids,
    };
    events_of(write.submit_in(&state, &id, command, 0).await?)?;
    Ok(list(State(state)).await)
}

/// The cookie that keeps an account signed in: `Secure` when this node serves HTTPS.
fn session_cookie(state: &AppState, value: &str, max_age_s: i64) -> HeaderValue {
    let secure = if state.settings.tls { "; Secure" } else { "" };
    let text = format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_s}{secure}"
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Checks a password against an argon2 hash, off the async threads.
async fn password_matches(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            argon2::Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

async fn login(
    State(state): State<AppState>,
    AppJson(request): AppJson<AdminLoginRequest>,
) -> Result<Response, ApiError> {
    let found = {
        let elections = state.engine.read();
        elections
            .accounts()
            .named(&request.name)
            .map(|(id, account)| (id, account.clone()))
    };
    // Unknown names and accounts without a password are refused like a wrong password.
    let refused = || ApiError::BadRequest("wrong name or password".into());
    let Some((account_id, account)) = found else {
        return Err(refused());
    };
    let Some(hash) = account.password_hash.clone() else {
        return Err(refused());
    };
    if !password_matches(request.password, hash).await {
        return Err(refused());
    }
    let secret = &state.settings.session_secret;
    let value = session_value(secret, account_id, state.clock.now_ms() + SESSION_MS);
    let body = MeAdminResponse {
        account_id,
        name: account.name,
        role: account.role,
        csrf: Some(csrf_of(secret, &value)),
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        header::SET_COOKIE,
        session_cookie(&state, &value, SESSION_MS / 1000),
    );
    Ok((headers, Json(body)).into_response())
}

async fn logout(State(state): State<AppState>) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(header::SET_COOKIE, session_cookie(&state, "", 0));
    (StatusCode::NO_CONTENT, headers).into_response()
}

async fn me(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
) -> Json<MeAdminResponse> {
    let csrf = principal
        .cookie
        .as_deref()
        .map(|cookie| csrf_of(&state.settings.session_secret, cookie));
    Json(MeAdminResponse {
        account_id: principal.account_id,
        name: principal.name,
        role: principal.role,
        csrf,
    })
}
