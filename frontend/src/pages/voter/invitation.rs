//! The personal link an invitation mails (`/e/{id}#credential=…`): the voter page logs in with
//! its credential by itself.
//!
//! The credential is in the fragment because a fragment never reaches a server, so it stays
//! out of access logs and proxies. It must not stay in the browser either: the page takes it
//! out of the address bar at once, replacing the history entry (not adding one), so the back
//! button, the history list and an address copied to share the page do not carry it.

/// The credential of the link this page was opened with, if any, after removing the fragment
/// from the address bar. A fragment that only looks like one (`#credential=` and nothing
/// usable) is removed all the same: it is nobody's business either.
pub fn take_credential() -> Option<String> {
    let location = gloo::utils::window().location();
    let fragment = location.hash().ok()?;
    if !fragment.contains(shared::mail::CREDENTIAL_FRAGMENT) {
        return None;
    }
    crate::pages::forget_fragment(&location);
    shared::mail::credential_from_fragment(&fragment)
}
