//! What the browser remembers between page loads.
//!
//! The voter's session lives in `localStorage` so the vote confirmation survives a reload or a
//! closed tab; the server stays the judge (`GET /api/me`). A vote still being retried is kept
//! there too, with its idempotency key, so a reload sends the same vote again rather than a
//! new one. The admin token lives in
//! `sessionStorage`: it dies with the tab, so a shared laptop does not stay an admin console.

use gloo::storage::{LocalStorage, SessionStorage, Storage};
use shared::dto::{LoginResponse, VoteRequest};

use crate::api::PendingWrite;

const VOTER_SESSION_KEY: &str = "ballot.voter_session";
const PENDING_VOTE_KEY: &str = "ballot.pending_vote";
const ADMIN_TOKEN_KEY: &str = "ballot.admin_token";

/// The logged-in voter, if any.
pub fn voter_session() -> Option<LoginResponse> {
    LocalStorage::get(VOTER_SESSION_KEY).ok()
}

pub fn save_voter_session(session: &LoginResponse) {
    // A browser refusing storage (private mode quotas) only costs the reload convenience.
    let _ = LocalStorage::set(VOTER_SESSION_KEY, session);
}

pub fn forget_voter_session() {
    LocalStorage::delete(VOTER_SESSION_KEY);
}

/// The vote being sent for `session`, if one was still unanswered when the page was left.
pub fn pending_vote(session: &str) -> Option<PendingWrite<VoteRequest>> {
    LocalStorage::get::<PendingWrite<VoteRequest>>(PENDING_VOTE_KEY)
        .ok()
        .filter(|write| write.body.session == session)
}

pub fn save_pending_vote(write: &PendingWrite<VoteRequest>) {
    let _ = LocalStorage::set(PENDING_VOTE_KEY, write);
}

/// Called once the vote has a final answer (or the voter logs out).
pub fn forget_pending_vote() {
    LocalStorage::delete(PENDING_VOTE_KEY);
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
