//! Extractors that turn bad input into `ApiError`s instead of axum's plain-text rejections.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, RawPathParams};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::Extensions;

use shared::elections::{default_election_id, ElectionId};

use crate::api::error::ApiError;
use crate::api::state::AppState;

/// A JSON body; a malformed one answers 400 `{error: "bad_request", ...}`.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct AppJson<T>(pub T);

/// Path parameters; malformed ones (a voter id that is not a number) answer 400 in our format.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct AppPath<T>(pub T);

/// A raw body, within the route's limit (413 in our format beyond it).
pub struct AppBytes(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for AppBytes {
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        Ok(AppBytes(
            axum::body::Bytes::from_request(request, state).await?,
        ))
    }
}

/// Query parameters; malformed ones answer 400 in our format.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct AppQuery<T>(pub T);

/// The address of the TCP peer. Headers such as `X-Forwarded-For` are not trusted: any client
/// can write them. A router served without connect info (a `Router` unit test calling
/// `oneshot`) counts as loopback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    pub fn of(extensions: &Extensions) -> ClientIp {
        let ip = extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |info| info.0.ip());
        ClientIp(ip.to_canonical())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp::of(&parts.extensions))
    }
}

/// The bearer token of the `Authorization` header, if any.
pub fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    value.strip_prefix("Bearer ").map(str::trim)
}

/// Proof that the request carries the admin token.
pub struct Admin;

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // The guard in front of every admin route let an account through (and put it here);
        // a route outside `/api/admin/` still takes the admin token alone.
        if parts
            .extensions
            .get::<crate::api::accounts::principal::Principal>()
            .is_some()
        {
            return Ok(Admin);
        }
        match bearer(parts) {
            Some(token) if state.is_admin_token(token) => Ok(Admin),
            _ => Err(ApiError::AdminUnauthorized),
        }
    }
}

/// Whether the request carries the admin token (for endpoints that serve both audiences).
pub struct MaybeAdmin(pub bool);

impl FromRequestParts<AppState> for MaybeAdmin {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Any account sees what the admin sees of a public page (hidden counts included):
        // an observer is there to watch.
        Ok(MaybeAdmin(
            crate::api::accounts::principal::authenticate(state, &parts.headers).is_some(),
        ))
    }
}

/// The election a request is about: the `{id}` of `/api/elections/{id}/…` and
/// `/api/admin/elections/{id}/…`, else the original election (every route without an
/// election in its path is the original's).
///
/// An election this replica does not know may have been created through another one and not
/// be applied here yet (a replica catching up after a restart or a wipe): it catches up with
/// the leader before any handler calls the election unknown.
#[derive(Debug, Clone)]
pub struct Scope(pub ElectionId);

impl FromRequestParts<AppState> for Scope {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state).await;
        let id = params.ok().and_then(|params| {
            params
                .iter()
                .find(|(name, _)| *name == "id")
                .map(|(_, value)| value.to_string())
        });
        let id = id.unwrap_or_else(default_election_id);
        let known = |state: &AppState| state.engine.read().get(&id).is_some();
        if !known(state) && shared::elections::valid_election_id(&id) {
            state.cluster.linearizable_barrier().await?;
        }
        Ok(Scope(id))
    }
}
