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
        // An answer without our body (a proxy's page) keeps only its status, worded by
        // `describe` in the language of the page that shows it (the receipt's worker, which
        // has no words, sends the error to its page as it is).
        let body = body.unwrap_or_else(|| ErrorBody {
            error: ErrorCode::Unknown,
            message: status.to_string(),
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

    /// The server's own sentence (or a local one for errors without an answer): the detail
    /// that the page's sentences for malformed requests quote.
    fn server_message(&self) -> String {
        match (self.body(), self) {
            (Some(body), _) => body.message.clone(),
            (None, ApiError::Decode(detail) | ApiError::Network(detail)) => detail.clone(),
            (None, _) => String::new(),
        }
    }

    /// A sentence for people, in the page's language (`error-*` in `locales/*/common.ftl`).
    /// Every case a voter or the admin meets is worded there once, so every page says the
    /// same thing; a refusal whose reason only the server knows (which field of an election
    /// is wrong) quotes the server's detail after the page's own words.
    pub fn describe(&self) -> String {
        let i18n = crate::i18n::current();
        if let ApiError::Network(_) = self {
            return i18n.t("error-network");
        }
        if let ApiError::Decode(detail) = self {
            return i18n.t_args("error-decode", &[("detail", detail.as_str().into())]);
        }
        let wait_s = match self {
            ApiError::RateLimited { retry_after_s, .. } | ApiError::Busy { retry_after_s, .. } => {
                *retry_after_s
            }
            _ => DEFAULT_RETRY_AFTER_S,
        };
        let waiting = |key: &str| i18n.t_args(key, &[("seconds", wait_s.into())]);
        let quoting = |key: &str| i18n.t_args(key, &[("detail", self.server_message().into())]);
        match self.code() {
            ErrorCode::AlreadyVoted => i18n.t("error-already-voted"),
            ErrorCode::VotePending => i18n.t("error-vote-pending"),
            ErrorCode::VotingNotOpen => i18n.t("error-voting-not-open"),
            ErrorCode::PastDeadline => i18n.t("error-past-deadline"),
            ErrorCode::ClickTooOld => i18n.t("error-click-too-old"),
            ErrorCode::ClickInFuture => i18n.t("error-click-in-future"),
            ErrorCode::RateLimited => waiting("error-rate-limited"),
            ErrorCode::QueueFull => waiting("error-queue-full"),
            ErrorCode::Unavailable => waiting("error-unavailable"),
            ErrorCode::IdempotencyKeyReused => i18n.t("error-idempotency-key-reused"),
            ErrorCode::LamportOutOfRange => i18n.t("error-lamport-out-of-range"),
            ErrorCode::BadCredential => i18n.t("error-bad-credential"),
            ErrorCode::SelfRegistrationOff => i18n.t("error-self-registration-off"),
            ErrorCode::RollFrozen => i18n.t("error-roll-frozen"),
            ErrorCode::MailNotConfigured => i18n.t("error-mail-not-configured"),
            ErrorCode::ElectionExists => i18n.t("error-election-exists"),
            ErrorCode::InvalidProof => quoting("error-invalid-proof"),
            ErrorCode::BadTrusteeToken => i18n.t("error-bad-trustee-token"),
            ErrorCode::TrusteesPending => i18n.t("error-trustees-pending"),
            ErrorCode::MethodNotAllowed
            | ErrorCode::PayloadTooLarge
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::InvalidIdempotencyKey => i18n.t("error-malformed"),
            ErrorCode::BadLogin => i18n.t("error-bad-login"),
            ErrorCode::BadSession => i18n.t("error-bad-session"),
            ErrorCode::AdminUnauthorized => i18n.t("error-admin-unauthorized"),
            ErrorCode::Forbidden => i18n.t("error-forbidden"),
            ErrorCode::NameTaken => i18n.t("error-name-taken"),
            ErrorCode::UnknownCandidate => i18n.t("error-unknown-candidate"),
            ErrorCode::DeadlineInPast => i18n.t("error-deadline-in-past"),
            ErrorCode::DeadlineNotReached => i18n.t("error-deadline-not-reached"),
            ErrorCode::RollFull => i18n.t("error-roll-full"),
            ErrorCode::WrongLoginMethod => i18n.t("error-wrong-login-method"),
            ErrorCode::ClusterUnauthorized => i18n.t("error-cluster-unauthorized"),
            ErrorCode::NotFound => i18n.t("error-not-found"),
            ErrorCode::TooManyConnections => i18n.t("error-too-many-connections"),
            ErrorCode::Storage => i18n.t("error-storage"),
            ErrorCode::Internal => i18n.t("error-internal"),
            ErrorCode::InvalidName => quoting("error-invalid-name"),
            ErrorCode::WrongPhase => quoting("error-wrong-phase"),
            ErrorCode::InvalidElection => quoting("error-invalid-election"),
            ErrorCode::InvalidBallot => quoting("error-invalid-ballot"),
            ErrorCode::InvalidRoll => quoting("error-invalid-roll"),
            ErrorCode::BadRequest => quoting("error-bad-request"),
            ErrorCode::Unknown => match self {
                // A 503 from something else than Ballot (a proxy) still gets retried.
                ApiError::Busy { .. } => waiting("error-busy"),
                // A proxy's page: `from_status` kept only its status.
                _ if self.server_message().parse::<u16>().is_ok() => i18n.t_args(
                    "error-status",
                    &[("status", self.server_message().as_str().into())],
                ),
                // A code from a newer server: its own sentence is all there is.
                _ => self.server_message(),
            },
        }
    }

    /// A sentence for people once the page has stopped retrying (see [`Self::retry_in_ms`]):
    /// it no longer promises another attempt, it asks them to try later.
    pub fn describe_gave_up(&self) -> String {
        let i18n = crate::i18n::current();
        if let ApiError::Network(_) = self {
            return i18n.t("error-network-gave-up");
        }
        match self.code() {
            ErrorCode::QueueFull => i18n.t("error-queue-full-gave-up"),
            ErrorCode::Unavailable => i18n.t("error-unavailable-gave-up"),
            ErrorCode::VotePending => i18n.t("error-vote-pending-gave-up"),
            _ if self.retry_in_ms().is_some() => i18n.t("error-busy-gave-up"),
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
