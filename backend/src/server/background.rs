//! The node's small background tasks that belong to no other module, each taking only the
//! handles it uses, and a file helper.

use std::path::Path;
use std::sync::Arc;

use tokio::sync::broadcast::error::RecvError;
use tokio_util::sync::CancellationToken;

use crate::clock::LamportClock;
use crate::cluster::Ledger;
use crate::domain::Command;
use crate::engine::Engine;

/// Puts the default roll and ballot in place on first start. Every replica tries (the command
/// is idempotent: once seeded, deciding it yields nothing), retrying until a majority exists.
pub async fn seed_if_empty(engine: Engine, ledger: Ledger, stop: CancellationToken) {
    while engine.read().original().last_seq == 0 {
        let envelope = ledger.stamp(Command::SeedDefaults, 0);
        let attempt = tokio::select! {
            outcome = ledger.commit(envelope) => outcome,
            _ = stop.cancelled() => return,
        };
        match attempt {
            Ok(_) => return,
            Err(error) => tracing::info!(%error, "waiting for a majority to seed the election"),
        }
    }
}

/// Keeps the Lamport clock ahead of every event this node applies, including replicated ones.
pub async fn observe_lamport(engine: Engine, lamport: Arc<LamportClock>, stop: CancellationToken) {
    let mut events = engine.subscribe();
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) => lamport.observe(event.lamport),
                Err(RecvError::Lagged(_)) => lamport.observe(engine.read().lamport()),
                Err(RecvError::Closed) => return,
            },
            _ = stop.cancelled() => return,
        }
    }
}

/// Writes a file only its owner can read.
pub fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}
