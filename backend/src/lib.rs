//! Ballot's voting server.
//!
//! Layout, from the top layer down (imports only go down; see ARCHITECTURE.md). Only the
//! entry points are public; everything else is `pub(crate)`, so the compiler reports what
//! nothing uses.
//! - Entry points: [`config`] (the command line), [`server`] (build, spawn and serve a node;
//!   stop it with every task joined), [`launcher`] (the whole cluster on one machine),
//!   [`local_cluster`] (member addresses, processes and the leader wait the launcher shares
//!   with the failover bench and the cluster tests), [`bench`] (load generators), [`audit`]
//!   (replaying a member's log offline), [`backup`] (copying a running member's database,
//!   restoring one), [`secret_cli`] (a verifiable election's trustee and voter commands),
//!   [`chaos`] (fault schedules against a local cluster
//!   behind fault-injecting proxies, with a history check).
//! - HTTP: `api` (handlers, their state and error, limits, the members' routes) and `ws`
//!   (the WebSocket pushes).
//! - Replication: `cluster` (the `Cluster` handle, the ledger and its error, status,
//!   liveness, Berkeley daemon), `deadline` (the timer that closes voting) and `mail` (SMTP
//!   and the leader's mail sender).
//! - Core: `raft` (SQLite log store, the state machine feeding the engine, the RPCs over
//!   HTTP), `engine` (the election state kept in step with the event log), `queue` (the
//!   bounded, (Lamport, voter)-ordered vote queue).
//! - Leaves: [`domain`] (the pure election), `store` (SQLite), `projections` (read models),
//!   `clock` (Lamport and synchronised clocks), `secrets`, `credentials` (voter credentials:
//!   derived, typed, hashed), `signing` (this member's Ed25519 checkpoint key), [`tasks`] (the node's owned
//!   tasks), `telemetry` (this node's Prometheus recorder and metric names), `addresses`,
//!   [`tls`] (the PEM files; the rustls of the HTTPS server and of the members' clients).

pub mod addresses;
pub(crate) mod api;
pub mod audit;
pub mod backup;
pub mod bench;
pub mod chaos;
pub(crate) mod clock;
pub(crate) mod cluster;
pub mod config;
pub(crate) mod credentials;
pub(crate) mod deadline;
pub mod domain;
pub(crate) mod engine;
pub mod launcher;
pub mod local_cluster;
pub(crate) mod mail;
pub(crate) mod projections;
pub(crate) mod queue;
pub(crate) mod raft;
pub mod secret_cli;
pub(crate) mod secrets;
pub mod server;
pub(crate) mod signing;
pub(crate) mod store;
pub mod tasks;
pub(crate) mod telemetry;
pub mod tls;
pub(crate) mod ws;
