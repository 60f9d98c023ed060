//! A verifiable election's ballot sealer, a Web Worker (trunk builds it beside the voter app
//! from `frontend/index.html`; `seal_loader.js` starts it): it seals the marks the voter page
//! sends and re-seals a challenged ballot (`frontend::sealer`), so the voter app's own wasm
//! carries neither the curve arithmetic nor the proofs.

fn main() {
    frontend::sealer::serve();
}
