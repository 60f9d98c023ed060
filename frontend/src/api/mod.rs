//! The typed HTTP client: one generic [`request`] function, one [`ApiError`] enum, and a module
//! per audience ([`voter`] for the public endpoints, [`admin`] for the token-protected ones).
//!
//! - [`error`]: [`ApiError`] by status, the shared [`ErrorCode`] by the server's code, and their
//!   sentences.
//! - [`write`]: [`PendingWrite`], a write with its idempotency key, and the retry loop.
//!
//! Every body type comes from `shared::dto`, so the client cannot drift from the server. Every
//! write goes through [`post`], which takes a [`PendingWrite`]: no write leaves without an
//! `Idempotency-Key`, so any of them can be retried without acting twice.

pub mod admin;
pub mod error;
pub mod voter;
pub mod write;

use gloo::net::http::{Method, RequestBuilder};
use serde::{de::DeserializeOwned, Serialize};
use shared::dto::{ErrorBody, IDEMPOTENCY_KEY_HEADER};

pub use error::ApiError;
pub use shared::ErrorCode;
pub use write::{IdempotencyKey, PendingWrite};

/// Sends one request and reads its JSON answer.
///
/// `bearer` becomes `Authorization: Bearer …` (a voter session or the admin token), `key` the
/// `Idempotency-Key` header. Any status outside 2xx becomes an [`ApiError`]; this is the only
/// place statuses are interpreted.
pub async fn request<B, T>(
    method: Method,
    path: &str,
    bearer: Option<&str>,
    key: Option<&IdempotencyKey>,
    body: Option<&B>,
) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let mut builder = RequestBuilder::new(path).method(method);
    if let Some(token) = bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    if let Some(key) = key {
        builder = builder.header(IDEMPOTENCY_KEY_HEADER, key.as_str());
    }
    let sent = match body {
        Some(body) => {
            let request = builder
                .json(body)
                .map_err(|err| ApiError::Decode(err.to_string()))?;
            request.send().await
        }
        None => builder.send().await,
    };
    let response = sent.map_err(|err| ApiError::Network(err.to_string()))?;
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|err| ApiError::Decode(err.to_string()));
    }
    let retry_after = response.headers().get("retry-after");
    let text = response.text().await.unwrap_or_default();
    let body = serde_json::from_str::<ErrorBody>(&text).ok();
    Err(ApiError::from_status(
        response.status(),
        body,
        retry_after.as_deref(),
    ))
}

/// A `GET` without a body.
pub async fn get<T: DeserializeOwned>(path: &str, bearer: Option<&str>) -> Result<T, ApiError> {
    request::<(), T>(Method::GET, path, bearer, None, None).await
}

/// A write: a `POST` of the write's JSON body under its idempotency key. Sending the same
/// `write` again is a retry; the server then answers as it did the first time.
pub async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    bearer: Option<&str>,
    write: &PendingWrite<B>,
) -> Result<T, ApiError> {
    request(
        Method::POST,
        path,
        bearer,
        Some(&write.key),
        Some(&write.body),
    )
    .await
}
