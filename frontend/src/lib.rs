//! Ballot's dashboards, built from this one library as four Yew apps compiled to wasm
//! (`src/bin/` holds their entry points; [`shared::dashboards`] says which app owns which
//! path): the voter page (`/`), the admin console (`/admin`) and the projector tally
//! (`/tally`) of the original election; the same three for any other election (`/e/{id}`,
//! `/admin/e/{id}`, `/e/{id}/tally`); the public audit page of each (`/e/{id}/audit`,
//! `/e/default/audit` for the original); the list of elections (`/elections`) and the admin's
//! list with the form for a new one (`/admin/elections`).
//!
//! Layout:
//! - [`app`]: the [`app::Route`] enum, read from the URL path, and the four apps' root
//!   components.
//! - [`pages`]: one component per route; pages fetch over [`api`] and own the live state.
//! - [`components`]: presentational pieces that only take props (chart, tables, countdown, …).
//! - [`api`]: the typed HTTP client; one generic request function maps statuses to
//!   [`api::ApiError`], and every write carries an idempotency key ([`api::PendingWrite`]) that
//!   its retries reuse.
//! - [`ws`]: the one WebSocket hook, which reconnects by itself, authenticates admin pages with
//!   a first `auth` message, and feeds the reducer.
//! - [`state`]: the [`state::LiveState`] reducer and its [`state::Action`] enum.
//! - [`clock`]: server clock synchronisation (Cristian's method) and the Lamport clock.
//! - [`format`]: countdowns, offsets and times as text.
//! - [`i18n`]: the pages' words in the person's language (Fluent resources in `locales/`),
//!   the language negotiation and the context components read their words from.
//! - [`csv`]: the credentials file built from a roll import's answer.
//! - [`download`]: files the page makes (credentials, exports) handed to the downloads.
//! - [`receipt`]: a voter's receipt: its fingerprint and file, reading a pasted one, and
//!   checking it against the public log (fetch, then [`shared::verify`]).
//! - [`sealer`]: a verifiable election's ballots sealed, and Benaloh's check, in a Web
//!   Worker the voter page starts on demand (the `seal` binary).
//! - [`worker`]: the voter page's conversation with its Web Workers (the receipt checker and
//!   the sealer), both sides.
//! - [`storage`]: the voter session and a vote still being sent (localStorage), and the admin
//!   token (sessionStorage).
//!
//! Every request, response and push type comes from the `shared` crate, so a change to the wire
//! format breaks this crate's build instead of a running browser.

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod csv;
pub mod download;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod receipt;
pub mod sealer;
pub mod state;
pub mod storage;
pub mod worker;
pub mod ws;

/// Mounts one app's root component (`app::VoterApp`, …) on `<body>`. Each binary in `src/bin/`
/// calls it with its own, so its wasm holds only that app's pages.
pub fn run<App>()
where
    App: yew::BaseComponent,
    App::Properties: Default,
{
    yew::Renderer::<App>::new().render();
}

// The unit tests run in headless Chromium (see the README's test command): several of them
// use `js_sys::Date`, which only a browser provides.
#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
