//! Ballot's voting server.
//!
//! Layout:
//! - [`domain`]: the pure election: commands, `decide`, events, `evolve`. No IO.
//! - [`store`]: SQLite, and the only SQL that touches the event table.
//! - [`engine`]: the election state kept in step with the event log; the single write path.
//! - [`raft`]: replication on openraft: the SQLite log store, the state machine that feeds the
//!   engine, and the Raft RPCs over HTTP (`/raft/*`, guarded by the cluster secret).

pub mod domain;
pub mod engine;
pub mod raft;
pub mod store;
