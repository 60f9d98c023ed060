//! The audit app's wasm entry point (trunk builds it from `frontend/audit.html`); the app
//! lives in the library.

fn main() {
    frontend::run::<frontend::app::AuditApp>();
}
