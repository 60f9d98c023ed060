//! Ballot's voting server.
//!
//! Layout:
//! - [`config`]: the command line (clap).
//! - [`domain`]: the pure election: commands, `decide`, events, `evolve`. No IO.
//! - [`store`]: SQLite, and the only SQL that touches the event table.
//! - [`engine`]: the election state kept in step with the event log; the single write path.
//! - [`raft`]: replication on openraft: the SQLite log store, the state machine that feeds the
//!   engine, and the Raft RPCs over HTTP (`/raft/*`, guarded by the cluster secret).
//! - [`cluster`]: bootstrap, leader forwarding, linearizable reads, status, Berkeley daemon.
//! - [`ledger`]: submitting a stamped command and waiting until a majority committed it.
//! - [`queue`]: the bounded, (Lamport, voter)-ordered vote queue with N workers.
//! - [`clock`]: the Lamport clock, the synchronised wall clock and Berkeley's arithmetic.
//! - [`deadline`]: the timer that closes voting when the deadline passes.
//! - [`projections`]: read models (results view, notification feed).
//! - [`api`]: the HTTP API, one module per resource; [`ws`]: the WebSocket pushes.
//! - [`error`]: the HTTP error type; [`state`]: the handlers' shared state.
//! - [`server`]: starting and stopping a node; [`launcher`]: the whole cluster on one machine;
//!   [`local_cluster`]: member addresses, processes and the leader wait it shares with the
//!   failover bench and the cluster tests.
//! - [`bench`]: the load generator; [`audit`]: replaying a member's log offline.

pub mod addresses;
pub mod api;
pub mod audit;
pub mod bench;
pub mod clock;
pub mod cluster;
pub mod config;
pub mod deadline;
pub mod domain;
pub mod engine;
pub mod launcher;
pub mod local_cluster;
pub mod projections;
pub mod queue;
pub mod raft;
pub mod secrets;
pub mod server;
pub mod store;
pub mod tasks;
pub mod ws;
