//! The voter page's receipt checker, a Web Worker (trunk builds it beside the voter app from
//! `frontend/index.html`; `verify_loader.js` starts it): it judges the evidence the page sends
//! (`frontend::receipt::verifier`), so the voter app's own wasm carries no Ed25519 or SHA-256.

fn main() {
    frontend::receipt::verifier::serve();
}
