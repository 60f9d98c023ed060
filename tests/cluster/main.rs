//! Fault tests over real processes: three `ballot node` replicas and a `ballot tally`, each its
//! own OS process on loopback, killed with SIGKILL, restarted and wiped as a real deployment
//! would be; `ballot cluster` started, stopped and killed as an operator would; and how a node
//! takes its secrets; `ballot chaos` running short fault schedules; the log-building benches
//! at a small size; mail to voters resumed by a new leader. One binary, one module per fault.

mod helpers;
#[path = "../support/mod.rs"]
mod support;

mod backup;
mod benches;
mod chaos;
mod clock;
mod config_file;
mod durability;
mod elections;
mod failover;
mod first_owner;
mod launcher;
mod mail;
mod majority;
mod namespaces;
mod recovery;
mod retries;
mod secret;
mod secrets;
mod tls;
