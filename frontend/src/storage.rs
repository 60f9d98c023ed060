//! What the browser remembers between page loads.
//!
//! The voter's session lives in `localStorage` so the vote confirmation survives a reload or a
//! closed tab; the server stays the judge (`GET /api/me`). The admin token lives in
//! `sessionStorage`: it dies with the tab, so a shared laptop does not stay an admin console.

use gloo::storage::{LocalStorage, SessionStorage, Storage};
use shared::dto::LoginResponse;

const VOTER_SESSION_KEY: &str = "ballot.voter_session";
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
