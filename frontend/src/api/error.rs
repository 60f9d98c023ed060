//! Why a request failed: [`ApiError`] by HTTP status, the shared [`ErrorCode`] by the server's
//! code, the sentence people read, and whether the page may send the same request again by
//! itself.
//!
//! Codes are matched as enums, exhaustively: a code added to `shared` does not compile here
//! until it is given its wording (or sent to the server's own sentence on purpose). A code
//! from a newer server reads as [`ErrorCode::Unknown`] and shows the server's sentence.

use shared::dto::ErrorBody;
use shared::ErrorCode;

/// How long to wait before retrying a 503 whose `Retry-After` is missing or unreadable.
pub const DEFAULT_RETRY_AFTER_S: u32 = 1;

/// How long to wait before sending a write again after it got no answer at all.
pub const NETWORK_RETRY_MS: u32 = 2_000;

/// Why a request failed, by HTTP status. Each variant keeps the server's [`ErrorBody`] so a
/// page can show the server's sentence when it has nothing more specific to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 400, 405, 413 or 422: the request was malformed (an empty name, a bad deadline, an
    /// idempotency key reused for another request).
    Invalid(ErrorBody),
    /// 401: a bad login, an expired session or a wrong admin token.
    Unauthorized(ErrorBody),
    /// 403: the election's phase forbids it (voting closed, deadline passed).
    Forbidden(ErrorBody),
    /// 404: no such thing, or an endpoint this node does not have (yet).
    NotFound(ErrorBody),
    /// 409: the state already changed (already voted, already started), or this voter's vote
    /// is still waiting in the queue (`vote_pending`).
    Conflict(ErrorBody),
    /// 429: too many failed logins or registrations from this address; the person may try
    /// again after `retry_after_s` seconds.
    RateLimited { body: ErrorBody, retry_after_s: u32 },
    /// 503: the queue is full or no majority is reachable; the same request may be sent
    /// again after `retry_after_s` seconds.
    Busy { body: ErrorBody, retry_after_s: u32 },
    /// Any other status, usually a 500.
    Server { status: u16, body: ErrorBody },
    /// The request got no answer at all (server down, network gone).
    Network(String),
    /// The answer was not the JSON the contract promises.
    Decode(String),
}

/// Reads a `Retry-After` header in seconds; never less than one, so a retry is never a busy
/// loop.
fn retry_after_s(header: Option<&str>) -> u32 {
    header
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(DEFAULT_RETRY_AFTER_S)
        .max(1)
}

impl ApiError {
    /// Maps a failed answer to its variant. `body` is the parsed error body, if the answer had
    /// one; `retry_after` is the raw `Retry-After` header (seconds).
    pub fn from_status(status: u16, body: Option<ErrorBody>, retry_after: Option<&str>) -> Self {
        // An answer without our body (a proxy's page) keeps its status in the sentence.
        let body = body.unwrap_or_else(|| ErrorBody {
            error: ErrorCode::Unknown,
            message: format!("The server answered with status {status}."),
        });
        match status {
            400 | 405 | 413 | 422 => ApiError::Invalid(body),
            401 => ApiError::Unauthorized(body),
            403 => ApiError::Forbidden(body),
            404 => ApiError::NotFound(body),
            409 => ApiError::Conflict(body),
            429 => ApiError::RateLimited {
                body,
                retry_after_s: retry_after_s(retry_after),
            },
            503 => ApiError::Busy {
                body,
                retry_after_s: retry_after_s(retry_after),
            },
            _ => ApiError::Server { status, body },
        }
    }

    /// The server's error body, when the server answered.
    fn body(&self) -> Option<&ErrorBody> {
        match self {
            ApiError::Invalid(body)
            | ApiError::Unauthorized(body)
            | ApiError::Forbidden(body)
            | ApiError::NotFound(body)
            | ApiError::Conflict(body)
            | ApiError::RateLimited { body, .. }
            | ApiError::Busy { body, .. }
            | ApiError::Server { body, .. } => Some(body),
            ApiError::Network(_) | ApiError::Decode(_) => None,
        }
    }

    /// The server's code, for pages that react to one case: [`ErrorCode::Unknown`] when the
    /// answer had no error body of ours or there was no answer at all (the variant says why).
    pub fn code(&self) -> ErrorCode {
        self.body().map_or(ErrorCode::Unknown, |body| body.error)
    }

    /// The server's own sentence (or a local one for errors without an answer).
    fn server_message(&self) -> String {
        match (self.body(), self) {
            (Some(body), _) => body.message.clone(),
            (None, ApiError::Decode(detail)) => {
                format!("The server sent an unexpected answer ({detail}).")
            }
            (None, ApiError::Network(detail)) => format!("No answer from the server ({detail})."),
            (None, _) => String::new(),
        }
    }

    /// A sentence for people. Every case a voter or the admin meets is worded here once, so
    /// every page says the same thing; codes without a better sentence show the server's own.
    pub fn describe(&self) -> String {
        if let ApiError::Network(_) = self {
            return "Cannot reach the server. Check your connection and try again.".into();
        }
        let wait_s = match self {
            ApiError::RateLimited { retry_after_s, .. } | ApiError::Busy { retry_after_s, .. } => {
                *retry_after_s
            }
            _ => DEFAULT_RETRY_AFTER_S,
        };
        match self.code() {
            ErrorCode::AlreadyVoted => {
                "You have already voted. Each voter can vote only once.".into()
            }
            ErrorCode::VotePending => {
                "Your vote is still waiting to be counted; checking again shortly.".into()
            }
            ErrorCode::VotingNotOpen => {
                "Voting is not open: the election is not accepting votes right now.".into()
            }
            ErrorCode::PastDeadline => {
                "The deadline has passed, so this vote was not counted.".into()
            }
            ErrorCode::ClickTooOld => {
                "Your vote took too long to reach the server and was not counted; please vote again."
                    .into()
            }
            ErrorCode::ClickInFuture => {
                "Your vote was not counted because this device's clock disagrees with the \
                 server's; please reload the page and vote again."
                    .into()
            }
            ErrorCode::RateLimited => format!(
                "Too many failed attempts from this network. Please wait {wait_s} s before \
                 trying again."
            ),
            ErrorCode::QueueFull => {
                format!("Many people are voting right now; trying again in {wait_s} s.")
            }
            ErrorCode::Unavailable => format!(
                "The servers cannot agree right now (too few of them are reachable); trying \
                 again in {wait_s} s."
            ),
            ErrorCode::IdempotencyKeyReused => {
                "This page sent two different requests under one request number, an internal \
                 problem of the page; nothing was changed. Please try again: it will be sent as \
                 a new request."
                    .into()
            }
            ErrorCode::LamportOutOfRange => {
                "This page's clock for ordering events is out of step with the server, an \
                 internal problem of the page; nothing was changed. Please reload the page and \
                 try again."
                    .into()
            }
            ErrorCode::BadCredential => {
                "This credential does not match anyone on this election's roll (or it has been \
                 replaced). Check it and try again."
                    .into()
            }
            ErrorCode::SelfRegistrationOff => {
                "This election does not take registrations: the admin imports the roll.".into()
            }
            ErrorCode::RollFrozen => {
                "The roll is frozen once voting has opened: voters can only be imported before \
                 the start."
                    .into()
            }
            ErrorCode::MailNotConfigured => {
                "The servers cannot send mail: they were started without an SMTP server \
                 (--smtp-url)."
                    .into()
            }
            ErrorCode::ElectionExists => {
                "An election with this id already exists: choose another id (or title).".into()
            }
            ErrorCode::MethodNotAllowed | ErrorCode::PayloadTooLarge => {
                "The server refused this request as malformed, an internal problem of the page \
                 (or a very long entry); nothing was changed. Please reload the page and try \
                 again."
                    .into()
            }
            // The server's own sentence says it best for these; they are listed, not matched
            // by `_`, so that a new code is a decision here.
            ErrorCode::BadLogin
            | ErrorCode::BadSession
            | ErrorCode::AdminUnauthorized
            | ErrorCode::InvalidName
            | ErrorCode::NameTaken
            | ErrorCode::UnknownCandidate
            | ErrorCode::DeadlineInPast
            | ErrorCode::WrongPhase
            | ErrorCode::DeadlineNotReached
            | ErrorCode::RollFull
            | ErrorCode::InvalidElection
            | ErrorCode::InvalidBallot
            | ErrorCode::InvalidRoll
            | ErrorCode::WrongLoginMethod
            | ErrorCode::BadRequest
            | ErrorCode::ClusterUnauthorized
            | ErrorCode::NotFound
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::InvalidIdempotencyKey
            | ErrorCode::TooManyConnections
            | ErrorCode::Storage
            | ErrorCode::Internal
            | ErrorCode::Unknown => match self {
                // A 503 from something else than Ballot (a proxy) still gets retried.
                ApiError::Busy { .. } => {
                    format!("The server is busy; trying again in {wait_s} s.")
                }
                _ => self.server_message(),
            },
        }
    }

    /// A sentence for people once the page has stopped retrying (see [`Self::retry_in_ms`]):
    /// it no longer promises another attempt, it asks them to try later.
    pub fn describe_gave_up(&self) -> String {
        if let ApiError::Network(_) = self {
            return "Still cannot reach the server. Check your connection and try again in a \
                    minute."
                .into();
        }
        match self.code() {
            ErrorCode::QueueFull => "Many people are voting right now and the server could not \
                                     take this in time. Please try again in a minute."
                .into(),
            ErrorCode::Unavailable => "The servers still cannot agree (too few of them are \
                                       reachable). Please try again in a minute."
                .into(),
            ErrorCode::VotePending => "Your vote is still waiting to be counted. Reload the \
                                       page in a minute to see your receipt."
                .into(),
            _ if self.retry_in_ms().is_some() => {
                "The server is still busy. Please try again in a minute.".into()
            }
            _ => self.describe(),
        }
    }

    /// Whether the page may send the very same write again by itself (same idempotency key,
    /// same body), and after how many milliseconds. `None` means the answer is final, or
    /// needs the person to act (a rate limit is waited out by people, not by a loop).
    pub fn retry_in_ms(&self) -> Option<u32> {
        match self {
            ApiError::Busy { retry_after_s, .. } => Some(retry_after_s.saturating_mul(1000)),
            ApiError::Conflict(_) if self.code() == ErrorCode::VotePending => {
                Some(DEFAULT_RETRY_AFTER_S * 1000)
            }
            ApiError::Network(_) => Some(NETWORK_RETRY_MS),
            ApiError::Invalid(_)
            | ApiError::Unauthorized(_)
            | ApiError::Forbidden(_)
            | ApiError::NotFound(_)
            | ApiError::Conflict(_)
            | ApiError::RateLimited { .. }
            | ApiError::Server { .. }
            | ApiError::Decode(_) => None,
        }
    }
}

#[cfg(test)]
mod tests;
