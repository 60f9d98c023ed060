//! Group commit for every write that is not a vote (registrations, logins, the admin's
//! writes, the deadline timer): while commits are in flight, new writes wait here, and the next
//! free slot proposes every waiting write, up to [`MAX_BATCH`], as one Raft entry, as etcd does
//! with its proposals. Alone, a write goes out at once: batching costs an idle node nothing.
//!
//! Votes have their own batches (the vote queue keeps their (Lamport, voter) order); imports
//! go alone, being large already. Each write in a batch is decided on its own, and each waiter
//! gets its own decision.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot, Semaphore};
use tokio_util::sync::CancellationToken;

use super::ledger::{Ledger, LedgerError};
use crate::domain::{Decision, Envelope};
use crate::tasks::Tasks;

/// The most writes one entry carries.
pub const MAX_BATCH: usize = 512;
/// Commits in flight at once; the writes that arrive meanwhile form the next batches.
pub const IN_FLIGHT: usize = 8;

/// A write waiting for its batch, and where its decision goes.
pub struct Pending {
    pub envelope: Envelope,
    pub reply: oneshot::Sender<Result<Decision, LedgerError>>,
}

/// Forms batches from `waiting` until the node stops; each is committed in a tracked task.
pub async fn run(
    ledger: Ledger,
    mut waiting: mpsc::UnboundedReceiver<Pending>,
    tasks: Tasks,
    stop: CancellationToken,
) {
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    loop {
        // A free slot first, then whatever has piled up while waiting for it.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => return,
            },
            _ = stop.cancelled() => return,
        };
        let first = tokio::select! {
            pending = waiting.recv() => match pending {
                Some(pending) => pending,
                None => return,
            },
            _ = stop.cancelled() => return,
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match waiting.try_recv() {
                Ok(pending) => batch.push(pending),
                Err(_) => break,
            }
        }
        let ledger = ledger.clone();
        tasks.spawn(async move {
            let (envelopes, replies): (Vec<_>, Vec<_>) = batch
                .into_iter()
                .map(|pending| (pending.envelope, pending.reply))
                .unzip();
            answer_each(replies, ledger.commit_all(envelopes).await);
            drop(slot);
        });
    }
}

/// Hands each waiter of a batch its own decision, or the batch's failure.
pub fn answer_each(
    replies: Vec<oneshot::Sender<Result<Decision, LedgerError>>>,
    outcome: Result<Vec<Decision>, LedgerError>,
) {
    match outcome {
        Ok(decisions) => {
            for (reply, decision) in replies.into_iter().zip(decisions) {
                // The client may have gone; its write stands if it was committed.
                let _ = reply.send(Ok(decision));
            }
        }
        Err(error) => {
            for reply in replies {
                let _ = reply.send(Err(error.clone()));
            }
        }
    }
}
