//! The admin app's wasm entry point (trunk builds it from `frontend/admin.html`); the app
//! lives in the library.

fn main() {
    frontend::run::<frontend::app::AdminApp>();
}
