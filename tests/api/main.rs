//! API integration tests: real servers on port 0, a temporary SQLite each.
//! One binary, one module per feature (zero2prod's layout).

mod helpers;
#[path = "../support/mod.rs"]
mod support;

mod abuse;
mod accounts;
mod backup;
mod ballots;
mod broadcast;
mod checkpoints;
mod concurrency;
mod dashboards;
mod deploy;
mod election;
mod elections;
mod errors;
mod fuzzed;
mod hostile;
mod idempotency;
mod log;
mod mail;
mod metrics;
mod restart;
mod roles;
mod secret;
mod secret_refusals;
mod translations;
mod viewers;
mod websocket;
