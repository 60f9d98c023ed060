//! The Lamport exchange on every API call: a request may carry the client's clock in an
//! `x-lamport` header, which the node merges (max + 1) before handling it, so the events the
//! request causes are stamped after everything the client has seen; every answer carries the
//! node's clock in the same header. (Votes carry the client's clock in their body as well.)
//!
//! A header that is not a number, or is more than [`shared::dto::MAX_LAMPORT_AHEAD`] ahead of
//! the node's clock, is refused with 400 before anything else happens: one request must not be
//! able to drag every replica's clock to the end of its range.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
pub use shared::dto::LAMPORT_HEADER;

use crate::api::error::ApiError;
use crate::api::state::AppState;

pub async fn exchange(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = match client_time(&request) {
        Ok(client) => {
            let admitted = client.map(|time| state.lamport.admit(time)).transpose();
            match admitted {
                Ok(client) => {
                    if let Some(client) = client {
                        state.lamport.merge(client);
                    }
                    next.run(request).await
                }
                Err(too_far) => ApiError::LamportOutOfRange(too_far).into_response(),
            }
        }
        Err(refusal) => refusal.into_response(),
    };
    let ours = HeaderValue::from(state.lamport.current());
    response.headers_mut().insert(LAMPORT_HEADER, ours);
    response
}

/// The client's Lamport time, if it sent one; a header that is not a number is refused.
fn client_time(request: &Request) -> Result<Option<u64>, ApiError> {
    let Some(value) = request.headers().get(LAMPORT_HEADER) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(Some)
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "the {LAMPORT_HEADER} header must be a whole number from 0 to 2^64-1"
            ))
        })
}
