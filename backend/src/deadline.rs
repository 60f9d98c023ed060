//! The deadline timer: when the deadline passes, voting closes by an event (`voting_closed`
//! with reason `deadline`), not merely by a check on later votes.

use std::time::Duration;

use shared::Phase;
use tokio_util::sync::CancellationToken;

use crate::cluster::Ledger;
use crate::domain::{Command, DomainError};
use crate::engine::Engine;

/// Waits for the deadline of an open election and submits `CloseAtDeadline` when it passes.
/// Wakes on every committed event, so a moved deadline or an admin stop is noticed at once.
pub async fn close_at_deadline(engine: Engine, ledger: Ledger, stop: CancellationToken) {
    let mut events = engine.subscribe();
    loop {
        let (phase, deadline) = {
            let election = engine.read();
            (election.phase, election.deadline_ms)
        };
        let wait = match (phase, deadline) {
            (Phase::Open, Some(deadline)) => {
                let remaining = deadline.saturating_sub(ledger.now_ms());
                if remaining <= 0 {
                    let envelope = ledger.stamp(Command::CloseAtDeadline, 0);
                    let committed = tokio::select! {
                        committed = ledger.commit(envelope) => committed,
                        _ = stop.cancelled() => return,
                    };
                    match committed {
                        Ok(Ok(_)) | Ok(Err(DomainError::WrongPhase { .. })) => continue,
                        // The clock correction moved backwards, or the write failed: retry soon.
                        Ok(Err(_)) | Err(_) => Some(Duration::from_millis(200)),
                    }
                } else {
                    Some(Duration::from_millis(remaining as u64))
                }
            }
            _ => None,
        };
        // Sleep until the deadline (the clock is the thing being waited for here), but wake on
        // any event in case the deadline moved.
        let timer = async {
            match wait {
                Some(duration) => tokio::time::sleep(duration).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = timer => {}
            received = events.recv() => {
                if let Err(tokio::sync::broadcast::error::RecvError::Closed) = received {
                    return;
                }
            }
            _ = stop.cancelled() => return,
        }
    }
}
