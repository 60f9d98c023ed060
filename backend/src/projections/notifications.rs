//! The activity feed: one line per event, worded for the public or for the admin.
//!
//! The public feed never names who voted or logged in; the admin feed names voters but, like
//! every other view, never says for whom anyone voted.

use shared::dto::Notification;
use shared::{CloseReason, Event, EventPayload};

use crate::domain::Election;

/// Who is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Admin,
}

/// Renders an event, or `None` when the audience should not see it at all.
pub fn render(event: &Event, election: &Election, audience: Audience) -> Option<Notification> {
    let admin = audience == Audience::Admin;
    let voter_name = |id: &u32| {
        election
            .voters
            .get(id)
            .map(|v| v.name.clone())
            .unwrap_or_else(|| format!("voter {id}"))
    };
    let message = match &event.payload {
        EventPayload::CandidateAdded { name, .. } => format!("Candidate {name} is on the ballot"),
        EventPayload::VoterRegistered { voter_id, name } => {
            format!("{name} registered as voter {voter_id}")
        }
        EventPayload::VoterLoggedIn { voter_id, .. } if admin => {
            format!("{} logged in", voter_name(voter_id))
        }
        EventPayload::VoterLoggedIn { .. } => return None,
        EventPayload::VoteCast { voter_id, .. } if admin => {
            format!("{} voted", voter_name(voter_id))
        }
        EventPayload::VoteCast { .. } => "A vote was cast".to_string(),
        EventPayload::DeadlineSet { end_time_ms } => {
            format!("Deadline set to {end_time_ms} (ms since epoch)")
        }
        EventPayload::LiveResultsSet { enabled: true } => "Live results are on".to_string(),
        EventPayload::LiveResultsSet { enabled: false } => "Live results are off".to_string(),
        EventPayload::VotingStarted => "Voting is open".to_string(),
        EventPayload::VotingClosed {
            reason: CloseReason::Admin,
        } => "Voting was stopped by the admin".to_string(),
        EventPayload::VotingClosed {
            reason: CloseReason::Deadline,
        } => "Voting closed: the deadline passed".to_string(),
        EventPayload::ResultsPublished => "The results are published".to_string(),
    };
    Some(Notification {
        seq: event.seq,
        lamport: event.lamport,
        time_ms: event.time_ms,
        kind: event.payload.kind().to_string(),
        message,
    })
}
