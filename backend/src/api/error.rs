//! The HTTP layer's error: one enum, one `IntoResponse`, always `{"error", "message"}`.

use axum::extract::rejection::{
    BytesRejection, FailedToBufferBody, JsonRejection, PathRejection, QueryRejection,
};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use shared::dto::ErrorBody;
use shared::ErrorCode;

use crate::cluster::ledger::LedgerError;
use crate::domain::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The election refused the command.
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// The command could not be committed.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{0}")]
    BadRequest(String),
    #[error(
        "a valid admin token, account token or session is required (Authorization: Bearer <token>)"
    )]
    AdminUnauthorized,
    /// The account's role may not do this.
    #[error("{0}")]
    Forbidden(String),
    #[error("this route is for cluster members (x-cluster-secret)")]
    ClusterUnauthorized,
    #[error("a valid session is required (Authorization: Bearer <session>)")]
    SessionRequired,
    #[error("too many votes are waiting; retry in {retry_after_secs} s")]
    QueueFull { retry_after_secs: u64 },
    #[error("not found")]
    NotFound,
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
    #[error("{0}; send the last Lamport time this server gave you")]
    LamportOutOfRange(#[from] crate::clock::TooFarAhead),
    #[error("the Idempotency-Key header must be 1 to 64 visible ASCII characters")]
    InvalidIdempotencyKey,
    #[error("a vote of this voter is still waiting to be counted; retry with the same Idempotency-Key for its answer")]
    VotePending,
    /// Too many refused register/login attempts from this address (see `api::limits`).
    #[error("too many refused attempts from this address; retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// The body is larger than the route accepts.
    #[error("the request body is too large for this route")]
    PayloadTooLarge,
    /// The route exists but not with this method; `allow` lists the ones it has.
    #[error("this route does not accept this method")]
    MethodNotAllowed,
    /// A JSON body without `Content-Type: application/json`.
    #[error("the body must be JSON, sent with Content-Type: application/json")]
    UnsupportedMediaType,
    /// A roll import in another format than CSV or JSON.
    #[error("send the roll as text/csv (with a header row) or as application/json")]
    UnsupportedRollFormat,
    /// A roll file that cannot be read; the message names the line.
    #[error("{0}")]
    InvalidRoll(String),
    /// This node holds as many WebSocket connections as it accepts.
    #[error("this node has too many live connections; retry in {retry_after_secs} s")]
    TooManyConnections { retry_after_secs: u64 },
    /// Mail was asked for and this member has no SMTP server.
    #[error("mail is not set up on this server: start every member with --smtp-url smtp://host:port (or BALLOT_SMTP_URL), --mail-from \"Name <address>\" and --public-url https://the-address-voters-open")]
    MailNotConfigured,
    /// An invitation carries a credential; this election logs voters in another way.
    #[error("invitations carry a credential, and this election logs voters in by name and voter id; send reminders or results instead")]
    InvitationWithoutCredentials,
    /// This address holds as many WebSocket connections as one address may.
    #[error("too many live connections from this address; retry in {retry_after_secs} s")]
    TooManyConnectionsFromAddress { retry_after_secs: u64 },
    /// This member is already sending a backup (one at a time).
    #[error("a backup of this member is already running; retry in {retry_after_secs} s")]
    BackupRunning { retry_after_secs: u64 },
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self {
            ApiError::Domain(error) => (domain_status(error), error.code()),
            ApiError::Ledger(LedgerError::Unavailable(_)) => {
                (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Unavailable)
            }
            ApiError::Ledger(LedgerError::Storage(_)) => {
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Storage)
            }
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, ErrorCode::BadRequest),
            ApiError::AdminUnauthorized => (StatusCode::UNAUTHORIZED, ErrorCode::AdminUnauthorized),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            ApiError::ClusterUnauthorized => {
                (StatusCode::UNAUTHORIZED, ErrorCode::ClusterUnauthorized)
            }
            ApiError::SessionRequired => (StatusCode::UNAUTHORIZED, ErrorCode::BadSession),
            ApiError::QueueFull { .. } => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::QueueFull),
            ApiError::NotFound => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
            ApiError::LamportOutOfRange(_) => {
                (StatusCode::BAD_REQUEST, ErrorCode::LamportOutOfRange)
            }
            ApiError::InvalidIdempotencyKey => {
                (StatusCode::BAD_REQUEST, ErrorCode::InvalidIdempotencyKey)
            }
            ApiError::VotePending => (StatusCode::CONFLICT, ErrorCode::VotePending),
            ApiError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::RateLimited),
            ApiError::PayloadTooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            ApiError::MethodNotAllowed => {
                (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
            }
            ApiError::UnsupportedRollFormat => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            ApiError::InvalidRoll(_) => (StatusCode::BAD_REQUEST, ErrorCode::InvalidRoll),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            ApiError::TooManyConnections { .. } => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::TooManyConnections,
            ),
            ApiError::MailNotConfigured => (StatusCode::CONFLICT, ErrorCode::MailNotConfigured),
            ApiError::InvitationWithoutCredentials => {
                (StatusCode::CONFLICT, ErrorCode::WrongLoginMethod)
            }
            ApiError::TooManyConnectionsFromAddress { .. } => {
                (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyConnections)
            }
            ApiError::BackupRunning { .. } => {
                (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Unavailable)
            }
        }
    }
}

fn domain_status(error: &DomainError) -> StatusCode {
    match error {
        DomainError::InvalidName { .. }
        | DomainError::UnknownCandidate(_)
        | DomainError::ClickInFuture
        | DomainError::ClickTooOld { .. }
        | DomainError::DeadlineInPast
        | DomainError::InvisibleInName
        | DomainError::LamportExhausted
        | DomainError::InvalidElection { .. }
        | DomainError::InvalidBallot { .. }
        | DomainError::InvalidRoll { .. }
        | DomainError::InvalidAccount(_)
        | DomainError::InvalidProof(_) => StatusCode::BAD_REQUEST,
        DomainError::BadTrusteeToken => StatusCode::UNAUTHORIZED,
        DomainError::TrusteesPending(_) => StatusCode::CONFLICT,
        DomainError::NoSuchElection(_)
        | DomainError::NoSuchVoter(_)
        | DomainError::NoSuchAccount(_) => StatusCode::NOT_FOUND,
        DomainError::BadCredential | DomainError::WrongLoginMethod(_) => StatusCode::UNAUTHORIZED,
        DomainError::SelfRegistrationOff => StatusCode::FORBIDDEN,
        DomainError::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
        DomainError::BadLogin | DomainError::BadSession => StatusCode::UNAUTHORIZED,
        DomainError::NotOpen(_) | DomainError::PastDeadline => StatusCode::FORBIDDEN,
        DomainError::AlreadyVoted
        | DomainError::NameTaken(_)
        | DomainError::WrongPhase { .. }
        | DomainError::DeadlineNotReached
        | DomainError::RollFull
        | DomainError::ElectionExists(_)
        | DomainError::AccountExists(_)
        | DomainError::RollFrozen => StatusCode::CONFLICT,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        // Failures are logged; refusals that are part of normal operation (a full queue, no
        // majority during an election) only at debug level. Their details (peer addresses,
        // library errors) stay in the log: the client gets a fixed sentence.
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            tracing::error!(error = ?self, "request failed");
        } else if status.is_server_error() {
            tracing::debug!(error = %self, "request refused");
        }
        // The details of these name peers and quote libraries: they stay in the log.
        let message = match &self {
            ApiError::Ledger(LedgerError::Storage(_)) | ApiError::Internal(_) => {
                "the server could not complete the request; it has been logged".to_string()
            }
            ApiError::Ledger(LedgerError::Unavailable(_)) => {
                "no majority of the replicas can commit right now; retry shortly with the same \
                 Idempotency-Key"
                    .to_string()
            }
            other => other.to_string(),
        };
        let body = ErrorBody {
            error: code,
            message,
        };
        let mut response = (status, Json(body)).into_response();
        let retry = match &self {
            ApiError::QueueFull { retry_after_secs } => Some(*retry_after_secs),
            ApiError::Ledger(LedgerError::Unavailable(_)) => Some(1),
            ApiError::RateLimited { retry_after_secs }
            | ApiError::TooManyConnections { retry_after_secs }
            | ApiError::TooManyConnectionsFromAddress { retry_after_secs }
            | ApiError::BackupRunning { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        if let Some(seconds) = retry {
            let value = HeaderValue::from_str(&seconds.to_string())
                .unwrap_or(HeaderValue::from_static("1"));
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// The longest message quoting a client's own input back to it.
const MAX_QUOTED: usize = 200;

impl From<JsonRejection> for ApiError {
    /// Maps axum's JSON rejections to our statuses. The message describes the client's own
    /// input (serde's "missing field `name`"), never a library's internals.
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(error) => {
                ApiError::BadRequest(format!("the JSON body does not fit: {}", cause(&error)))
            }
            JsonRejection::JsonSyntaxError(error) => {
                ApiError::BadRequest(format!("the body is not valid JSON: {}", cause(&error)))
            }
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            JsonRejection::BytesRejection(BytesRejection::FailedToBufferBody(
                FailedToBufferBody::LengthLimitError(_),
            )) => ApiError::PayloadTooLarge,
            other => {
                tracing::debug!(error = %other, "request body could not be read");
                ApiError::BadRequest("the request body could not be read".into())
            }
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        match rejection {
            BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
                ApiError::PayloadTooLarge
            }
            other => {
                tracing::debug!(error = %other, "request body could not be read");
                ApiError::BadRequest("the request body could not be read".into())
            }
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadRequest(format!("the path is invalid: {}", cause(&rejection)))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadRequest(format!(
            "the query string is invalid: {}",
            cause(&rejection)
        ))
    }
}

/// The innermost explanation of a rejection (serde's words about the input), shortened.
fn cause(error: &dyn std::error::Error) -> String {
    let mut innermost = error;
    while let Some(source) = innermost.source() {
        innermost = source;
    }
    let text = innermost.to_string();
    match text.char_indices().nth(MAX_QUOTED) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(error: crate::store::StoreError) -> Self {
        ApiError::Internal(error.into())
    }
}
