//! Fault tests over real processes: three `ballot node` replicas and a `ballot tally`, each its
//! own OS process on loopback, killed with SIGKILL, restarted and wiped as a real deployment
//! would be. One binary, one module per fault.

mod helpers;

mod clock;
mod failover;
mod majority;
mod recovery;
