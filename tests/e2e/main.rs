//! Browser end-to-end tests: the real `ballot` binary serving the built `dist/`, driven
//! through Debian's Chromium by chromedriver (fantoccini).
//!
//! Layout:
//! - [`helpers`]: `spawn_app()` (a node on port 0 with a fresh data directory), the
//!   chromedriver process, browser sessions, waits on page conditions, screenshots.
//! - [`voting`]: a vote reaches the tally page live, and the receipt survives a reload.
//! - [`admin`]: the admin starts, stops and publishes; the voter sees the winner.
//! - [`cluster`]: with `ballot cluster`, the admin sees the health of every member.
//! - [`errors`]: a wrong login, a double vote and a full vote queue show their messages.
//! - [`first_loads`]: each page fetches its own app only; its time to interactive is printed.
//! - [`receipts`]: a vote's receipt downloaded, verified on the voter page and pasted on the
//!   audit page; a changed one refused; the bulletin board's recount after publication.
//! - [`reconnect`]: the pages say "reconnecting" when the node dies and recover by themselves.
//! - [`axe`]: axe-core's WCAG 2.2 AA rules run in the page, and the checks axe cannot make
//!   (a name on every control, 24 × 24 px targets, no sideways scrolling at 320 px).
//! - [`accessibility`]: every page and state at 1280 and 320 px has no violation.
//! - [`languages`]: every page in Arabic (right to left, no axe violation) and in the
//!   pseudo-language (no word that is not from the resources).
//! - [`keyboard`]: a credential voter from the first Tab to the receipt with the keyboard
//!   only, the focus always visible; a pasted credential; the outcome announced.
//! - [`questions`]: a ballot of six questions cast with the keyboard alone, logged as entered.
//! - [`translations`]: an election's French translation on `?lang=fr`, its own English on
//!   `?lang=en`.
//! - [`elections`]: an election made through the admin's form, a pasted roll, the credentials
//!   file, credential login, re-voting, exports, publication; a name-and-id election.
//! - [`mail`]: invitations mailed from the console to a real SMTP server ([`smtp`], shared
//!   with the api tests) with their progress, the personal link's login, a refused address
//!   sent again, and the set-up help of a node without SMTP.
//! - [`accounts`]: an observer signs in with a password and sees a console without commands;
//!   an owner makes an account on the accounts page and sees its token once.
//! - [`secret`]: a verifiable election: one trustee's key ceremony over HTTP, then a ballot
//!   sealed in the browser, checked (Benaloh's challenge), sealed again and cast.
//! - [`trustee`]: the console names a trustee and shows their link once; the trustee page
//!   runs the key ceremony to the published key, then decrypts after close; the audit page
//!   checks the secret ballots.
//!
//! `dist/` must be built first (`cargo xtask setup` at the repository root); screenshots
//! land in `artifacts/screenshots/` (git-ignored).

mod accessibility;
mod accounts;
mod admin;
mod axe;
mod cluster;
mod elections;
mod errors;
mod first_loads;
mod helpers;
mod keyboard;
mod languages;
mod mail;
mod questions;
mod receipts;
mod reconnect;
mod secret;
#[path = "../support/smtp.rs"]
mod smtp;
mod translations;
mod trustee;
mod voting;
