//! Who is asking, and whether they may: the principal behind an admin request and the guard
//! every `/api/admin/…` route sits behind.
//!
//! A principal comes from `Authorization: Bearer` (the `--admin-token`, which is the built-in
//! owner's, or an account's personal token, looked up by its SHA-256) or from the session
//! cookie of `POST /api/admin/login` (`HttpOnly`, `SameSite=Strict`, `Secure` behind TLS,
//! signed under the cluster secret). A write by cookie must also carry `X-CSRF-Token`, a value
//! derived from the cookie that a page of another site cannot read. A deleted account's token
//! and sessions stop at once: each request looks the account up in the committed state.
//!
//! The guard also runs the request inside [`ACTOR`], so every command it stamps names its
//! account (`by`) without each handler passing it along.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use shared::accounts::{AccountId, AccountRole, Actor, BUILT_IN_OWNER, BUILT_IN_OWNER_NAME};
use shared::elections::default_election_id;

use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::secrets::{constant_time_eq, session_hash};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "ballot_admin";
/// The header a write by cookie carries.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// How long a session lasts.
pub const SESSION_MS: i64 = 12 * 3_600_000;

tokio::task_local! {
    /// The account of the admin request being served.
    pub static ACTOR: Actor;
}

/// The account a command being stamped comes from, if an admin request is being served.
pub fn current_actor() -> Option<Actor> {
    ACTOR.try_with(Clone::clone).ok()
}

/// An authenticated account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub account_id: AccountId,
    pub name: String,
    pub role: AccountRole,
    /// The session cookie's value, when signed in by cookie (then writes need CSRF).
    pub cookie: Option<String>,
}

impl Principal {
    pub fn actor(&self) -> Actor {
        Actor {
            account_id: self.account_id,
            name: self.name.clone(),
        }
    }
}

fn mac(secret: &[u8], label: &str, text: &str) -> String {
    // HMAC takes a key of any length.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(label.as_bytes());
    mac.update(text.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// A session cookie's value for `account_id`, valid until `expires_ms`.
pub fn session_value(secret: &[u8], account_id: AccountId, expires_ms: i64) -> String {
    let body = format!("{account_id}.{expires_ms}");
    format!("{body}.{}", mac(secret, "admin session\0", &body))
}

/// The CSRF value of a session cookie's value.
pub fn csrf_of(secret: &[u8], cookie: &str) -> String {
    mac(secret, "admin csrf\0", cookie)[..32].to_string()
}

/// The account a session cookie's value names, if its signature holds and it has not expired.
fn session_account(secret: &[u8], value: &str, now_ms: i64) -> Option<AccountId> {
    let (body, signature) = value.rsplit_once('.')?;
    if !constant_time_eq(signature, &mac(secret, "admin session\0", body)) {
        return None;
    }
    let (account, expires) = body.split_once('.')?;
    let expires: i64 = expires.parse().ok()?;
    (now_ms < expires).then_some(())?;
    account.parse().ok()
}

fn cookie_value<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The principal of a request, or none when it carries no valid credential.
pub fn authenticate(state: &AppState, headers: &HeaderMap) -> Option<Principal> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(token) = bearer {
        if state.is_admin_token(token) {
            return Some(Principal {
                account_id: BUILT_IN_OWNER,
                name: BUILT_IN_OWNER_NAME.into(),
                role: AccountRole::Owner,
                cookie: None,
            });
        }
        let elections = state.engine.read();
        let (account_id, account) = elections.accounts().by_token_hash(&session_hash(token))?;
        return Some(Principal {
            account_id,
            name: account.name.clone(),
            role: account.role,
            cookie: None,
        });
    }
    let cookie = cookie_value(headers, SESSION_COOKIE)?;
    let secret = &state.settings.session_secret;
    let account_id = session_account(secret, cookie, state.clock.now_ms())?;
    let elections = state.engine.read();
    let account = elections.accounts().get(account_id)?;
    Some(Principal {
        account_id,
        name: account.name.clone(),
        role: account.role,
        cookie: Some(cookie.to_string()),
    })
}

/// Whether `token` may watch election `election`'s admin pushes (its console's live feed):
/// the admin token, an owner's token, or the token of an account assigned to the election.
pub fn may_watch(state: &AppState, token: &str, election: &str) -> bool {
    if state.is_admin_token(token) {
        return true;
    }
    let elections = state.engine.read();
    let Some((account_id, account)) = elections.accounts().by_token_hash(&session_hash(token))
    else {
        return false;
    };
    account.role == AccountRole::Owner
        || elections
            .get(election)
            .is_some_and(|e| e.officials.contains(&account_id))
}

/// Whether the session cookie of a WebSocket upgrade may watch election `election`'s admin
/// pushes. The upgrade must come from a page of this site (`Origin` naming the `Host`): a
/// browser sends cookies with a WebSocket handshake whoever opened it.
pub fn may_watch_by_cookie(state: &AppState, headers: &HeaderMap, election: &str) -> bool {
    let text = |name| headers.get(name).and_then(|value| value.to_str().ok());
    let same_site = match (text(header::ORIGIN), text(header::HOST)) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, origin_host)| origin_host == host),
        _ => false,
    };
    if !same_site || cookie_value(headers, SESSION_COOKIE).is_none() {
        return false;
    }
    let Some(principal) = authenticate(state, headers) else {
        return false;
    };
    principal.role == AccountRole::Owner
        || state
            .engine
            .read()
            .get(election)
            .is_some_and(|e| e.officials.contains(&principal.account_id))
}

/// What a route is about, for the roles: one election's console (the original's routes
/// without an id are election `default`'s), or the whole installation.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    Election(String),
    Everything,
    /// Routes every account may use on itself (`/api/admin/me`, `/api/admin/logout`).
    Itself,
}

fn target(path: &str) -> Target {
    let rest = path.trim_start_matches("/api/admin/");
    let mut parts = rest.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("me" | "logout"), None, _) => Target::Itself,
        // The officials of an election are the owner's to choose.
        (Some("elections"), Some(_), Some("officials")) => Target::Everything,
        (Some("elections"), Some(id), _) => Target::Election(id.to_string()),
        (Some("elections" | "accounts" | "backup"), _, _) => Target::Everything,
        _ => Target::Election(default_election_id()),
    }
}

/// Whether `principal` may make this request: an owner anything; an official anything on
/// the elections assigned to them; an observer only reads of those; reading the list of
/// elections is open to every account.
fn allowed(state: &AppState, principal: &Principal, method: &Method, path: &str) -> bool {
    let reading = matches!(*method, Method::GET | Method::HEAD);
    match (principal.role, target(path)) {
        (AccountRole::Owner, _) | (_, Target::Itself) => true,
        (_, Target::Everything) => reading && path.trim_end_matches('/') == "/api/admin/elections",
        (role, Target::Election(id)) => {
            let assigned = state
                .engine
                .read()
                .get(&id)
                .is_some_and(|election| election.officials.contains(&principal.account_id));
            assigned && (role == AccountRole::Official || reading)
        }
    }
}

/// The guard on every admin route (except signing in): 401 without a valid credential, 403
/// for a role that may not, 403 for a write by cookie without its CSRF value; then the
/// request runs as its account.
pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if !path.starts_with("/api/admin/") || path == "/api/admin/login" || path == "/api/admin/setup"
    {
        return next.run(request).await;
    }
    let Some(principal) = authenticate(&state, request.headers()) else {
        return axum::response::IntoResponse::into_response(ApiError::AdminUnauthorized);
    };
    let method = request.method().clone();
    let reading = matches!(method, Method::GET | Method::HEAD);
    if let (Some(cookie), false) = (&principal.cookie, reading) {
        let sent = request
            .headers()
            .get(CSRF_HEADER)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        if !constant_time_eq(sent, &csrf_of(&state.settings.session_secret, cookie)) {
            let why = "a write signed in by cookie must carry the X-CSRF-Token of its session";
            return axum::response::IntoResponse::into_response(ApiError::Forbidden(why.into()));
        }
    }
    if !allowed(&state, &principal, &method, &path) {
        let why = format!(
            "an account with the role {} may not do this",
            principal.role.as_str()
        );
        return axum::response::IntoResponse::into_response(ApiError::Forbidden(why));
    }
    let actor = principal.actor();
    request.extensions_mut().insert(principal);
    ACTOR.scope(actor, next.run(request)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_name_their_election_or_everything() {
        assert_eq!(
            target("/api/admin/start"),
            Target::Election("default".into())
        );
        assert_eq!(
            target("/api/admin/elections/board/stop"),
            Target::Election("board".into())
        );
        assert_eq!(
            target("/api/admin/elections/board/officials"),
            Target::Everything
        );
        assert_eq!(target("/api/admin/elections"), Target::Everything);
        assert_eq!(target("/api/admin/accounts/3"), Target::Everything);
        assert_eq!(target("/api/admin/backup"), Target::Everything);
        assert_eq!(target("/api/admin/me"), Target::Itself);
    }

    #[test]
    fn a_session_holds_until_it_expires_and_only_with_its_signature() {
        let value = session_value(b"secret", 7, 1_000);
        assert_eq!(session_account(b"secret", &value, 999), Some(7));
        assert_eq!(session_account(b"secret", &value, 1_000), None);
        assert_eq!(session_account(b"other", &value, 999), None);
        let forged = value.replacen('7', "8", 1);
        assert_eq!(session_account(b"secret", &forged, 999), None);
        assert_ne!(csrf_of(b"secret", &value), csrf_of(b"secret", "x"));
    }
}
