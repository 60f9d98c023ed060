//! The voter page's receipt checker, a Web Worker (trunk builds it beside the voter app from
//! `frontend/index.html`; `verify_loader.js` starts it): it checks the receipts the page sends
//! (`frontend::receipt::verifier`), so the voter app's own wasm carries neither the log
//! routes' types nor Ed25519 and SHA-256.

fn main() {
    frontend::receipt::verifier::serve();
}
