//! The write path: submit a stamped command, get its decision once it is durable.
//!
//! Handlers never write the log themselves; they hand an [`Envelope`] to the ledger and wait.
//! The ledger answers only when the envelope's events are committed, which is the promise that an
//! acknowledged vote is never lost.

use tokio::sync::{mpsc, oneshot};

use crate::domain::Envelope;
use crate::engine::{Decision, Engine};

/// The most envelopes one SQLite transaction may cover.
const MAX_BATCH: usize = 512;

/// Why a command could not be committed (as opposed to being refused by the domain).
#[derive(Debug, Clone, thiserror::Error)]
pub enum LedgerError {
    /// No leader, or no majority: nothing was committed, the client may retry.
    #[error("the cluster cannot commit right now: {0}")]
    Unavailable(String),
    /// Writing failed on this node.
    #[error("storage failure: {0}")]
    Storage(String),
}

struct Pending {
    envelope: Envelope,
    reply: oneshot::Sender<Result<Decision, LedgerError>>,
}

/// Handle to the write path; cheap to clone.
#[derive(Clone)]
pub struct Ledger {
    pending: mpsc::Sender<Pending>,
}

impl Ledger {
    /// A single-node ledger: one writer task that groups whatever is waiting into one
    /// transaction (one fsync) per batch.
    pub fn local(engine: Engine) -> Ledger {
        let (pending, mut receiver) = mpsc::channel::<Pending>(4 * MAX_BATCH);
        tokio::spawn(async move {
            while let Some(first) = receiver.recv().await {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match receiver.try_recv() {
                        Ok(next) => batch.push(next),
                        Err(_) => break,
                    }
                }
                let envelopes: Vec<Envelope> = batch.iter().map(|p| p.envelope.clone()).collect();
                match engine.apply_batch(&envelopes, &[]).await {
                    Ok(decisions) => {
                        for (pending, decision) in batch.into_iter().zip(decisions) {
                            let _ = pending.reply.send(Ok(decision));
                        }
                    }
                    Err(error) => {
                        tracing::error!(%error, "could not write a batch of {} commands", batch.len());
                        for pending in batch {
                            let _ = pending
                                .reply
                                .send(Err(LedgerError::Storage(error.to_string())));
                        }
                    }
                }
            }
        });
        Ledger { pending }
    }

    /// Submits one envelope and waits until it is decided and durable.
    pub async fn submit(&self, envelope: Envelope) -> Result<Decision, LedgerError> {
        let (reply, answer) = oneshot::channel();
        self.pending
            .send(Pending { envelope, reply })
            .await
            .map_err(|_| LedgerError::Unavailable("the writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| LedgerError::Unavailable("the writer has stopped".into()))?
    }
}
