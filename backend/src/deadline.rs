//! The deadline timer: when the deadline passes, voting closes by an event (`voting_closed`
//! with reason `deadline`), not merely by a check on later votes.

use std::time::Duration;

use shared::Phase;
use tokio_util::sync::CancellationToken;

use crate::cluster::Ledger;
use crate::domain::{Command, DomainError};
use crate::engine::Engine;

/// Waits for the deadline of every open election and submits `CloseAtDeadline` for each one
/// whose deadline passed. Wakes on every committed event, so a moved deadline or an admin stop
/// is noticed at once.
pub async fn close_at_deadline(engine: Engine, ledger: Ledger, stop: CancellationToken) {
    let mut events = engine.subscribe();
    loop {
        let deadlines: Vec<(String, i64)> = engine
            .read()
            .iter()
            .filter(|(_, election)| election.phase == Phase::Open)
            .filter_map(|(id, election)| Some((id.clone(), election.deadline_ms?)))
            .collect();
        let now = ledger.now_ms();
        let mut wait: Option<Duration> = None;
        let mut closed_one = false;
        for (id, deadline) in deadlines {
            let remaining = deadline.saturating_sub(now);
            let next = if remaining <= 0 {
                let envelope = ledger.stamp(Command::CloseAtDeadline, 0).in_election(&id);
                let committed = tokio::select! {
                    committed = ledger.commit(envelope) => committed,
                    _ = stop.cancelled() => return,
                };
                match committed {
                    Ok(Ok(_)) | Ok(Err(DomainError::WrongPhase { .. })) => {
                        closed_one = true;
                        continue;
                    }
                    // The clock correction moved backwards, or the write failed: retry soon.
                    Ok(Err(_)) | Err(_) => Duration::from_millis(200),
                }
            } else {
                Duration::from_millis(remaining as u64)
            };
            wait = Some(wait.map_or(next, |w| w.min(next)));
        }
        if closed_one {
            continue;
        }
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
