//! What the `api` and `cluster` test binaries share, included by each with
//! `#[path = "../support/mod.rs"] mod support;`.
//!
//! - [`http`]: a typed JSON answer from a request.
//! - [`ws`]: connecting to `/ws` and waiting for a push.
//! - [`smtp`]: an SMTP server (`smtp_sink.py`) that records the mail a node sends.
//! - [`trustees`]: a trustee's key ceremony over HTTP, and sealing a ballot.

pub mod http;
pub mod smtp;
pub mod trustees;
pub mod ws;
