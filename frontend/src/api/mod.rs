//! The typed HTTP client: one generic [`request`] function, one [`ApiError`] enum, and a module
//! per audience ([`voter`] for the public endpoints, [`admin`] for the token-protected ones).
//!
//! Every body type comes from `shared::dto`, so the client cannot drift from the server.

pub mod admin;
pub mod voter;

use gloo::net::http::{Method, RequestBuilder};
use serde::{de::DeserializeOwned, Serialize};
use shared::dto::ErrorBody;

/// Why a request failed, by HTTP status. Each variant keeps the server's [`ErrorBody`] so a
/// page can show the server's sentence when it has nothing more specific to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 400 or 422: the request was malformed (an empty name, a bad deadline).
    Invalid(ErrorBody),
    /// 401: a bad login, an expired session or a wrong admin token.
    Unauthorized(ErrorBody),
    /// 403: the election's phase forbids it (voting closed, deadline passed).
    Forbidden(ErrorBody),
    /// 404: no such thing, or an endpoint this node does not have (yet).
    NotFound(ErrorBody),
    /// 409: the state already changed (already voted, already started).
    Conflict(ErrorBody),
    /// 503 or 429: the vote queue is full; try again after `retry_after_s` seconds.
    Busy { body: ErrorBody, retry_after_s: u32 },
    /// Any other status, usually a 500.
    Server { status: u16, body: ErrorBody },
    /// The request got no answer at all (server down, network gone).
    Network(String),
    /// The answer was not the JSON the contract promises.
    Decode(String),
}

/// How long to wait before retrying a 503 whose `Retry-After` is missing or unreadable.
pub const DEFAULT_RETRY_AFTER_S: u32 = 1;

impl ApiError {
    /// Maps a failed answer to its variant. `body` is the parsed error body, if the answer had
    /// one; `retry_after` is the raw `Retry-After` header (seconds).
    pub fn from_status(status: u16, body: Option<ErrorBody>, retry_after: Option<&str>) -> Self {
        let body = body.unwrap_or_else(|| ErrorBody {
            error: format!("http_{status}"),
            message: format!("The server answered with status {status}."),
        });
        match status {
            400 | 422 => ApiError::Invalid(body),
            401 => ApiError::Unauthorized(body),
            403 => ApiError::Forbidden(body),
            404 => ApiError::NotFound(body),
            409 => ApiError::Conflict(body),
            429 | 503 => ApiError::Busy {
                body,
                retry_after_s: retry_after
                    .and_then(|value| value.trim().parse().ok())
                    .unwrap_or(DEFAULT_RETRY_AFTER_S)
                    .max(1),
            },
            _ => ApiError::Server { status, body },
        }
    }

    /// The server's machine-readable code (`already_voted`, …), or a local one.
    pub fn code(&self) -> &str {
        match self {
            ApiError::Invalid(body)
            | ApiError::Unauthorized(body)
            | ApiError::Forbidden(body)
            | ApiError::NotFound(body)
            | ApiError::Conflict(body)
            | ApiError::Busy { body, .. }
            | ApiError::Server { body, .. } => &body.error,
            ApiError::Network(_) => "network",
            ApiError::Decode(_) => "decode",
        }
    }

    /// A sentence for people. The cases a voter meets are worded here once, so every page
    /// says the same thing; anything else falls back to the server's own message.
    pub fn describe(&self) -> String {
        let code = self.code();
        match self {
            ApiError::Conflict(_) if code == "already_voted" => {
                "You have already voted. Each voter can vote only once.".into()
            }
            ApiError::Forbidden(_) if code.contains("deadline") => {
                "The deadline has passed, so this vote was not counted.".into()
            }
            ApiError::Forbidden(_) if code.contains("closed") || code.contains("not_open") => {
                "Voting is not open: the election is not accepting votes right now.".into()
            }
            ApiError::Invalid(_) if code == "click_too_old" => {
                "Your vote took too long to reach the server and was not counted; please vote again."
                    .into()
            }
            ApiError::Invalid(_) if code == "click_in_future" => {
                "Your vote was not counted because this device's clock disagrees with the \
                 server's; please reload the page and vote again."
                    .into()
            }
            ApiError::Busy { retry_after_s, .. } => {
                format!("Many people are voting right now; trying again in {retry_after_s} s.")
            }
            ApiError::Network(_) => {
                "Cannot reach the server. Check your connection and try again.".into()
            }
            ApiError::Decode(detail) => format!("The server sent an unexpected answer ({detail})."),
            ApiError::Invalid(body)
            | ApiError::Unauthorized(body)
            | ApiError::Forbidden(body)
            | ApiError::NotFound(body)
            | ApiError::Conflict(body)
            | ApiError::Server { body, .. } => body.message.clone(),
        }
    }
}

/// Sends one request and reads its JSON answer.
///
/// `bearer` becomes `Authorization: Bearer …` (a voter session or the admin token). Any status
/// outside 2xx becomes an [`ApiError`]; this is the only place statuses are interpreted.
pub async fn request<B, T>(
    method: Method,
    path: &str,
    bearer: Option<&str>,
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
    request::<(), T>(Method::GET, path, bearer, None).await
}

/// A `POST` with a JSON body.
pub async fn post<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    bearer: Option<&str>,
    body: &B,
) -> Result<T, ApiError> {
    request(Method::POST, path, bearer, Some(body)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn body(code: &str) -> Option<ErrorBody> {
        Some(ErrorBody {
            error: code.into(),
            message: format!("server says {code}"),
        })
    }

    #[wasm_bindgen_test]
    fn statuses_map_to_their_variants() {
        assert!(matches!(
            ApiError::from_status(401, body("bad_login"), None),
            ApiError::Unauthorized(_)
        ));
        assert!(matches!(
            ApiError::from_status(403, body("voting_not_open"), None),
            ApiError::Forbidden(_)
        ));
        assert!(matches!(
            ApiError::from_status(409, body("already_voted"), None),
            ApiError::Conflict(_)
        ));
        assert!(matches!(
            ApiError::from_status(422, None, None),
            ApiError::Invalid(_)
        ));
        assert!(matches!(
            ApiError::from_status(500, None, None),
            ApiError::Server { status: 500, .. }
        ));
    }

    #[wasm_bindgen_test]
    fn a_full_queue_keeps_its_retry_after() {
        let err = ApiError::from_status(503, body("queue_full"), Some(" 3 "));
        assert!(matches!(
            err,
            ApiError::Busy {
                retry_after_s: 3,
                ..
            }
        ));
        assert!(err.describe().contains("3 s"));
        let missing = ApiError::from_status(503, None, None);
        assert!(matches!(
            missing,
            ApiError::Busy {
                retry_after_s: DEFAULT_RETRY_AFTER_S,
                ..
            }
        ));
        let zero = ApiError::from_status(503, None, Some("0"));
        assert!(
            matches!(
                zero,
                ApiError::Busy {
                    retry_after_s: 1,
                    ..
                }
            ),
            "never retry in a busy loop"
        );
    }

    #[wasm_bindgen_test]
    fn voter_errors_have_clear_sentences() {
        let voted = ApiError::from_status(409, body("already_voted"), None);
        assert!(voted.describe().contains("already voted"));
        let late = ApiError::from_status(403, body("past_deadline"), None);
        assert!(late.describe().contains("deadline has passed"));
        let closed = ApiError::from_status(403, body("voting_not_open"), None);
        assert!(closed.describe().contains("Voting is not open"));
        let stale = ApiError::from_status(400, body("click_too_old"), None);
        assert!(stale.describe().contains("vote again"));
        let other = ApiError::from_status(401, body("bad_login"), None);
        assert_eq!(other.describe(), "server says bad_login");
    }

    #[wasm_bindgen_test]
    fn a_body_less_error_still_has_a_code_and_a_message() {
        let err = ApiError::from_status(502, None, None);
        assert_eq!(err.code(), "http_502");
        assert!(err.describe().contains("502"));
    }
}
