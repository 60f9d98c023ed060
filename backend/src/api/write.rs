//! Writes made safe to retry: the `Idempotency-Key` header, the request's fingerprint, and the
//! path from a request to its decision.
//!
//! Every write carries an idempotency key into the log: the client's, or one the receiving
//! node draws (so the ledger's own retries across leader changes are answered, not redone).
//! The state machine remembers each key's first decision ([`crate::domain::Replies`]); here a
//! retry that this replica has already applied is answered straight from that memory, without
//! a Raft entry. The fingerprint is the route plus the fields that make the request what it is
//! (not the client's Lamport time, which honestly moves between retries).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};
use shared::dto::{valid_idempotency_key, IDEMPOTENCY_KEY_HEADER};
use shared::ids::LamportTime;

use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::{Command, Decision, IdempotencyStamp};
use crate::secrets::new_token;

/// The client's `Idempotency-Key`, if it sent one (a malformed one is refused with 400).
pub struct ClientKey(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(IDEMPOTENCY_KEY_HEADER) else {
            return Ok(ClientKey(None));
        };
        match value.to_str() {
            Ok(key) if valid_idempotency_key(key) => Ok(ClientKey(Some(key.to_string()))),
            _ => Err(ApiError::InvalidIdempotencyKey),
        }
    }
}

/// One write: its key (given or drawn) and what it is.
pub struct Write {
    pub stamp: IdempotencyStamp,
    /// Whether the client chose the key (and so may be retrying).
    pub from_client: bool,
}

impl Write {
    /// `route` and `identity` (the fields that make the request what it is) give the
    /// fingerprint; a client without a key gets a fresh one.
    pub fn new<T: Serialize + ?Sized>(route: &str, identity: &T, key: ClientKey) -> Write {
        let body = serde_json::to_string(identity).unwrap_or_default();
        let mut hasher = Sha256::new();
        hasher.update(route.as_bytes());
        hasher.update([0u8]);
        hasher.update(body.as_bytes());
        let fingerprint = hex::encode(hasher.finalize());
        let from_client = key.0.is_some();
        let key = key
            .0
            .unwrap_or_else(|| format!("node-{}", &new_token()[..32]));
        Write {
            stamp: IdempotencyStamp { key, fingerprint },
            from_client,
        }
    }

    /// Part `index` of a write committed in several entries (a large roll import): its own key
    /// derived from this one, its own fingerprint from `identity`.
    pub fn part<T: Serialize + ?Sized>(&self, index: usize, identity: &T) -> Write {
        let route = format!("{} part {index}", self.stamp.fingerprint);
        let mut part = Write::new(&route, identity, ClientKey(Some(String::new())));
        part.stamp.key = format!("{}#{index}", self.stamp.key);
        part.from_client = self.from_client;
        part
    }

    /// The first answer to this key, if this replica has applied it.
    pub async fn remembered(&self, state: &AppState) -> Result<Option<Decision>, ApiError> {
        if !self.from_client {
            return Ok(None);
        }
        Ok(state.engine.remembered(&self.stamp).await?)
    }

    /// Answers from memory when this key was already decided, else commits the command in
    /// election `id`.
    pub async fn submit_in(
        self,
        state: &AppState,
        id: &str,
        command: Command,
        client_lamport: LamportTime,
    ) -> Result<Decision, ApiError> {
        if let Some(first) = self.remembered(state).await? {
            return Ok(first);
        }
        let mut envelope = state.stamp(command, client_lamport).in_election(id);
        envelope.idempotency = Some(self.stamp);
        Ok(state.commit(envelope).await?)
    }
}

/// The route a write's fingerprint names: the original one for the original election (so
/// keys used before elections existed keep their meaning), else the election's own.
pub fn route(action: &str, election: &str) -> String {
    match shared::elections::is_default_election(election) {
        true => format!("/api/{action}"),
        false => format!("/api/elections/{election}/{action}"),
    }
}

/// The public id of the ballot a vote with this key casts: 128 bits (hex) derived like a
/// session token, so every attempt of one vote carries the same id and nobody without the
/// cluster secret can tell it from random.
pub fn ballot_id(secret: &[u8], key: &str) -> String {
    let mut id = derived(secret, b"ballot id\0", key);
    id.truncate(32);
    id
}

/// Trustee `trustee_id`'s token of the naming written with this key: derived like a ballot id,
/// so a retry of the naming (same key) answers the tokens whose hashes the first one logged.
pub fn trustee_token(secret: &[u8], key: &str, trustee_id: u32) -> String {
    derived(secret, b"trustee token\0", &format!("{key}\0{trustee_id}"))
}

/// HMAC-SHA256 of `label` and `key` under the cluster secret, in hex.
fn derived(secret: &[u8], label: &[u8], key: &str) -> String {
    // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return new_token();
    };
    mac.update(label);
    mac.update(key.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The session token a login with this key hands out.
///
/// Derived, not drawn: a retried login must get exactly the first answer through any replica,
/// and the log keeps only the token's hash. So the token is an HMAC of the key under a secret
/// every member shares (the cluster secret) and nobody else has; the log and the key alone do
/// not give it away.
pub fn session_token(secret: &[u8], key: &str) -> String {
    derived(secret, b"ballot session token\0", key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_depends_on_route_and_identity_and_a_missing_key_is_drawn() {
        let a = Write::new("/api/x", &(1, "a"), ClientKey(Some("k".into())));
        let b = Write::new("/api/x", &(1, "a"), ClientKey(Some("k".into())));
        let c = Write::new("/api/y", &(1, "a"), ClientKey(Some("k".into())));
        assert_eq!(a.stamp, b.stamp);
        assert_ne!(a.stamp.fingerprint, c.stamp.fingerprint);
        let drawn = Write::new("/api/x", &(1, "a"), ClientKey(None));
        assert!(!drawn.from_client);
        assert!(valid_idempotency_key(&drawn.stamp.key));
        assert_ne!(
            drawn.stamp.key,
            Write::new("/api/x", &(), ClientKey(None)).stamp.key
        );
    }

    #[test]
    fn session_tokens_are_derived_from_the_key_under_the_secret() {
        assert_eq!(session_token(b"s", "k"), session_token(b"s", "k"));
        assert_ne!(session_token(b"s", "k"), session_token(b"t", "k"));
        assert_ne!(session_token(b"s", "k"), session_token(b"s", "l"));
        assert_eq!(session_token(b"s", "k").len(), 64);
    }
}
