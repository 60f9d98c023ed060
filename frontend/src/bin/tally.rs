//! The tally app's wasm entry point (trunk builds it from `frontend/tally.html`); the app
//! lives in the library.

fn main() {
    frontend::run::<frontend::app::TallyApp>();
}
