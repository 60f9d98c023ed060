//! The typed HTTP client: one generic [`request`] function, one [`ApiError`] enum, and a module
//! per audience ([`voter`] for the public endpoints, [`admin`] for the token-protected ones).
//!
//! - [`error`]: [`ApiError`] by status, the shared [`ErrorCode`] by the server's code, and their
//!   sentences.
//! - [`write`]: [`PendingWrite`], a write with its idempotency key, and the retry loop.
//! - [`scope`]: [`Scope`], which election a call is about and so which route it takes.
//! - [`elections`]: listing, showing and defining elections.
//! - [`log`]: the public log, its checkpoints, proofs and the members' keys (read-only).
//! - [`roll`]: an election's roll import, replaced credentials and exports (admin).
//! - [`mail`]: mail to an election's voters and where each mail stands (admin).
//! - [`accounts`]: who is signed in, signing in by password, accounts and officials (admin).
//!
//! Every body type comes from `shared` (`dto`, `elections`), so the client cannot drift from the
//! server. Every write goes through [`post`] (or [`post_text`] for a CSV body), which takes a
//! [`PendingWrite`]: no write leaves without an `Idempotency-Key`, so any of them can be
//! retried without acting twice.

pub mod accounts;
pub mod admin;
pub mod elections;
pub mod error;
pub mod log;
pub mod mail;
pub mod roll;
pub mod scope;
pub mod voter;
pub mod write;

use gloo::net::http::{Method, RequestBuilder, Response};
use serde::{de::DeserializeOwned, Serialize};
use shared::dto::{ErrorBody, IDEMPOTENCY_KEY_HEADER};

pub use error::ApiError;
pub use scope::Scope;
pub use shared::ErrorCode;
pub use write::{IdempotencyKey, PendingWrite};

/// The header a write signed in by session cookie carries (see [`csrf_header`]).
const CSRF_HEADER: &str = "X-CSRF-Token";

/// A request with its headers: `bearer` becomes `Authorization: Bearer …` (a voter session
/// or an admin token), `key` the `Idempotency-Key` header. An empty `bearer` is an admin
/// signed in by password: the browser sends the session cookie by itself (same origin), and a
/// write adds the session's CSRF value, kept in this tab's storage at sign-in.
fn builder(
    method: Method,
    path: &str,
    bearer: Option<&str>,
    key: Option<&IdempotencyKey>,
) -> RequestBuilder {
    let bearer = bearer.filter(|token| !token.is_empty());
    // The storage is read only for a write by cookie: the receipt checker's worker, which has
    // no storage at all, only ever reads.
    let csrf = csrf_header(&method, bearer, crate::storage::admin_csrf);
    let mut builder = RequestBuilder::new(path).method(method);
    if let Some(token) = bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    if let Some(csrf) = csrf {
        builder = builder.header(CSRF_HEADER, &csrf);
    }
    if let Some(key) = key {
        builder = builder.header(IDEMPOTENCY_KEY_HEADER, key.as_str());
    }
    builder
}

/// The `X-CSRF-Token` a request carries: the session's value on a write sent without a bearer
/// token (so by cookie), nothing on a read or beside a token, which needs none.
fn csrf_header(
    method: &Method,
    bearer: Option<&str>,
    csrf: impl FnOnce() -> Option<String>,
) -> Option<String> {
    let reading = *method == Method::GET || *method == Method::HEAD;
    if reading || bearer.is_some() {
        return None;
    }
    csrf()
}

/// The answer to a request, or why there is none. Any status outside 2xx becomes an
/// [`ApiError`]: this is the only place statuses are interpreted.
async fn answer(sent: Result<Response, gloo::net::Error>) -> Result<Response, ApiError> {
    let response = sent.map_err(|err| ApiError::Network(err.to_string()))?;
    if response.ok() {
        return Ok(response);
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

/// Reads an answer's JSON body.
async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response
        .json::<T>()
        .await
        .map_err(|err| ApiError::Decode(err.to_string()))
}

/// Sends one request and reads its JSON answer (see [`builder`] for `bearer` and `key`).
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
    let builder = builder(method, path, bearer, key);
    let sent = match body {
        Some(body) => {
            let request = builder
                .json(body)
                .map_err(|err| ApiError::Decode(err.to_string()))?;
            request.send().await
        }
        None => builder.send().await,
    };
    json(answer(sent).await?).await
}

/// A write whose body is text of `content_type` rather than JSON (a CSV roll), answered with
/// JSON. Like [`post`], it goes under the write's idempotency key.
pub async fn post_text<T: DeserializeOwned>(
    path: &str,
    bearer: Option<&str>,
    content_type: &str,
    write: &PendingWrite<String>,
) -> Result<T, ApiError> {
    let request = builder(Method::POST, path, bearer, Some(&write.key))
        .header("Content-Type", content_type)
        .body(write.body.as_str())
        .map_err(|err| ApiError::Decode(err.to_string()))?;
    json(answer(request.send().await).await?).await
}

/// A `GET` whose answer is a file (an export), read as text.
pub async fn get_text(path: &str, bearer: Option<&str>) -> Result<String, ApiError> {
    let sent = builder(Method::GET, path, bearer, None).send().await;
    answer(sent)
        .await?
        .text()
        .await
        .map_err(|err| ApiError::Decode(err.to_string()))
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

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn only_a_write_by_cookie_carries_the_csrf_value() {
        let csrf = || Some("c5rf".to_string());
        for method in [Method::POST, Method::PUT, Method::DELETE] {
            assert_eq!(csrf_header(&method, None, csrf).as_deref(), Some("c5rf"));
        }
        assert_eq!(csrf_header(&Method::POST, Some("token"), csrf), None);
        assert_eq!(csrf_header(&Method::POST, None, || None), None);
        // A read never even looks at the storage (a worker has none).
        let untouched = || -> Option<String> { panic!("a read looked at the storage") };
        assert_eq!(csrf_header(&Method::GET, None, untouched), None);
    }
}
