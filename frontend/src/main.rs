//! The wasm entry point trunk builds; the app itself lives in the library (`lib.rs`).

fn main() {
    frontend::run();
}
