//! The voter app's wasm entry point (trunk builds it from `frontend/index.html`); the app
//! lives in the library.

fn main() {
    frontend::run::<frontend::app::VoterApp>();
}
