//! The sender's other half: commits what happened to each mail, many outcomes to one log
//! entry, while the sender goes on sending. A mail stays "in flight" (not taken again) until
//! its outcome is committed.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::sender::{Finished, MailName};
use crate::cluster::Ledger;
use crate::domain::mail::MailOutcome;
use crate::domain::{Command, IdempotencyStamp};
use crate::secrets::new_token;

/// Outcomes recorded in one log entry at most; more wait for the next.
const RECORD_BATCH: usize = 256;

/// The mails taken by this member's sender whose outcome is not committed yet.
#[derive(Clone, Default)]
pub struct InFlight(Arc<Mutex<HashSet<MailName>>>);

impl InFlight {
    pub fn insert(&self, name: MailName) {
        self.lock().insert(name);
    }

    /// A copy, so the state's lock and this one are never held together.
    pub fn names(&self) -> HashSet<MailName> {
        self.lock().clone()
    }

    pub fn remove(&self, names: impl IntoIterator<Item = MailName>) {
        let mut set = self.lock();
        for name in names {
            set.remove(&name);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<MailName>> {
        // A panic while holding it cannot leave the set half-changed: every change is one call.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Commits outcomes as they come until `stop`; on failure they are kept and tried again (the
/// decision ignores a report it already has, so a retry never counts twice).
pub async fn run(
    ledger: Ledger,
    mut outcomes: mpsc::UnboundedReceiver<Finished>,
    in_flight: InFlight,
    stop: CancellationToken,
) {
    let mut pending: Vec<Finished> = Vec::new();
    loop {
        if pending.is_empty() {
            tokio::select! {
                got = outcomes.recv() => match got {
                    Some(outcome) => pending.push(outcome),
                    None => return,
                },
                _ = stop.cancelled() => return,
            }
        }
        // Whatever finished meanwhile goes into the same entry.
        while pending.len() < RECORD_BATCH {
            match outcomes.try_recv() {
                Ok(outcome) => pending.push(outcome),
                Err(_) => break,
            }
        }
        let take = pending.len().min(RECORD_BATCH);
        let batch: Vec<Finished> = pending.drain(..take).collect();
        if commit(&ledger, &batch, &stop).await {
            in_flight.remove(batch.into_iter().map(|(name, _, _)| name));
        } else {
            pending.splice(0..0, batch);
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(200)) => {}
                _ = stop.cancelled() => return,
            }
        }
    }
}

/// One entry per election; whether all were committed.
async fn commit(ledger: &Ledger, batch: &[Finished], stop: &CancellationToken) -> bool {
    let mut by_election: HashMap<&str, Vec<MailOutcome>> = HashMap::new();
    for ((election, kind, voter_id, generation), attempt, result) in batch {
        by_election.entry(election).or_default().push(MailOutcome {
            voter_id: *voter_id,
            kind: *kind,
            generation: *generation,
            attempt: *attempt,
            result: result.clone(),
        });
    }
    let mut all = true;
    for (election, outcomes) in by_election {
        let mut envelope = ledger
            .stamp(Command::RecordMail { outcomes }, 0)
            .in_election(election);
        // A key, so the ledger's own retries across a leader change are answered, not redone.
        envelope.idempotency = Some(IdempotencyStamp {
            key: format!("mail-{}", &new_token()[..32]),
            fingerprint: String::new(),
        });
        let committed = tokio::select! {
            committed = ledger.commit(envelope) => committed,
            _ = stop.cancelled() => return false,
        };
        if let Err(error) = committed {
            tracing::warn!(%error, election, "could not record mail outcomes; will retry");
            all = false;
        }
    }
    all
}
