//! The Lamport exchange on every API call: a request may carry the client's clock in an
//! `x-lamport` header, which the node merges (max + 1) before handling it, so the events the
//! request causes are stamped after everything the client has seen; every answer carries the
//! node's clock in the same header. (Votes carry the client's clock in their body as well.)

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

pub const LAMPORT_HEADER: &str = "x-lamport";

pub async fn exchange(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let client = request
        .headers()
        .get(LAMPORT_HEADER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if let Some(client) = client {
        state.lamport.merge(client);
    }
    let mut response = next.run(request).await;
    let ours = HeaderValue::from(state.lamport.current());
    response.headers_mut().insert(LAMPORT_HEADER, ours);
    response
}
