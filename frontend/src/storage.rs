//! What the browser remembers between page loads.
//!
//! The voter's session lives in `localStorage` so the vote confirmation survives a reload or a
//! closed tab; the server stays the judge (`GET /api/me`). A vote still being retried is kept
//! there too, with its idempotency key, so a reload sends the same vote again rather than a
//! new one. The receipt of an accepted vote is kept per election and per voter. All are kept
//! per election (a session belongs to one election), under the original
//! keys for the original election. The admin token lives in
//! `sessionStorage`: it dies with the tab, so a shared laptop does not stay an admin console;
//! it is the same for every election, so moving between the admin's pages keeps it. An admin
//! signed in by password has no token here (the session is an `HttpOnly` cookie), only the
//! session's CSRF value, kept the same way for the same reasons.
//!
//! A ballot being filled in lives in `sessionStorage` under its voter's session, so a reload
//! (or a browser that restarts the tab) keeps the answers, and closing the tab forgets them:
//! a half-marked ballot should not wait on a shared computer for the next person.

use gloo::storage::{LocalStorage, SessionStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::checkpoint::Receipt;
use shared::dto::LoginResponse;

use crate::api::voter::VoteBody;
use crate::api::{PendingWrite, Scope};

const VOTER_SESSION_KEY: &str = "ballot.voter_session";
const PENDING_VOTE_KEY: &str = "ballot.pending_vote";
const ADMIN_TOKEN_KEY: &str = "ballot.admin_token";
const ADMIN_CSRF_KEY: &str = "ballot.admin_csrf";
const RECEIPT_KEY: &str = "ballot.receipt";
const DRAFT_KEY: &str = "ballot.draft";

/// A key of `scope`'s election.
fn key(base: &str, scope: &Scope) -> String {
    format!("{base}{}", scope.storage_suffix())
}

/// The voter logged in to `scope`'s election, if any.
pub fn voter_session(scope: &Scope) -> Option<LoginResponse> {
    LocalStorage::get(key(VOTER_SESSION_KEY, scope)).ok()
}

pub fn save_voter_session(scope: &Scope, session: &LoginResponse) {
    // A browser refusing storage (private mode quotas) only costs the reload convenience.
    let _ = LocalStorage::set(key(VOTER_SESSION_KEY, scope), session);
}

pub fn forget_voter_session(scope: &Scope) {
    LocalStorage::delete(key(VOTER_SESSION_KEY, scope));
}

/// The vote being sent for `session`, if one was still unanswered when the page was left.
pub fn pending_vote(scope: &Scope, session: &str) -> Option<PendingWrite<VoteBody>> {
    LocalStorage::get::<PendingWrite<VoteBody>>(key(PENDING_VOTE_KEY, scope))
        .ok()
        .filter(|write| write.body.session == session)
}

pub fn save_pending_vote(scope: &Scope, write: &PendingWrite<VoteBody>) {
    let _ = LocalStorage::set(key(PENDING_VOTE_KEY, scope), write);
}

/// Called once the vote has a final answer (or the voter logs out).
pub fn forget_pending_vote(scope: &Scope) {
    LocalStorage::delete(key(PENDING_VOTE_KEY, scope));
}

/// The key of a voter's receipt: per election and per voter, so two voters sharing a
/// browser each keep their own.
fn receipt_key(scope: &Scope, voter_id: u32) -> String {
    format!("{}.{voter_id}", key(RECEIPT_KEY, scope))
}

/// The receipt of this voter's last accepted vote in `scope`'s election, if this browser
/// cast it.
pub fn receipt(scope: &Scope, voter_id: u32) -> Option<Receipt> {
    LocalStorage::get(receipt_key(scope, voter_id)).ok()
}

/// Kept across reloads and logouts, because a receipt is worth checking long after the vote.
/// It names no voter, but its ballot id finds the choice in the public log, so the page says
/// whoever can read this browser's storage can learn the vote.
pub fn save_receipt(scope: &Scope, voter_id: u32, receipt: &Receipt) {
    let _ = LocalStorage::set(receipt_key(scope, voter_id), receipt);
}

/// The admin token typed in this tab, if any.
pub fn admin_token() -> Option<String> {
    SessionStorage::get(ADMIN_TOKEN_KEY).ok()
}

pub fn save_admin_token(token: &str) {
    let _ = SessionStorage::set(ADMIN_TOKEN_KEY, token);
}

pub fn forget_admin_token() {
    SessionStorage::delete(ADMIN_TOKEN_KEY);
}

/// The CSRF value of the session signed in by password in this tab, if any: every write by
/// cookie carries it as `X-CSRF-Token`.
pub fn admin_csrf() -> Option<String> {
    SessionStorage::get(ADMIN_CSRF_KEY).ok()
}

pub fn save_admin_csrf(csrf: &str) {
    let _ = SessionStorage::set(ADMIN_CSRF_KEY, csrf);
}

pub fn forget_admin_csrf() {
    SessionStorage::delete(ADMIN_CSRF_KEY);
}

/// The key of the ballot being filled in by the voter of `session`: a session belongs to one
/// voter of one election, and its first characters are enough to tell sessions apart.
fn draft_key(session: &str) -> String {
    let prefix: String = session.chars().take(24).collect();
    format!("{DRAFT_KEY}.{prefix}")
}

/// The answers the voter of `session` had marked when the page was left, if any.
pub fn draft<T: DeserializeOwned>(session: &str) -> Option<T> {
    SessionStorage::get(draft_key(session)).ok()
}

pub fn save_draft<T: Serialize>(session: &str, draft: &T) {
    let _ = SessionStorage::set(draft_key(session), draft);
}

/// Called once the ballot is cast (or the voter logs out).
pub fn forget_draft(session: &str) {
    SessionStorage::delete(draft_key(session));
}
