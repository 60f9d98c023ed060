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
    forget_fragment(&location);
    shared::mail::credential_from_fragment(&fragment)
}

/// Replaces the current history entry by the same page without its fragment: path and query
/// only. Should the browser refuse (it never does for the page's own origin), the fragment
/// is cleared the old way, which leaves an empty `#` but no credential.
fn forget_fragment(location: &web_sys::Location) {
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let replaced = gloo::utils::history().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&format!("{path}{query}")),
    );
    if replaced.is_err() {
        let _ = location.set_hash("");
    }
}
