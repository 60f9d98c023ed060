//! What a connection is pushed: its greeting, the tally and each event's pushes. The public
//! ones come from [`PublicFrames`], serialised once and shared by every viewer; the admin's
//! are made per connection.

use std::sync::Arc;

use shared::ws::ServerMessage;
use shared::{Event, EventPayload};

use super::outbox::Push;
use crate::api::frames::PublicFrames;
use crate::api::state::AppState;
use crate::domain::Election;
use crate::projections::notifications::{render, Audience};
use crate::projections::results::results_view;

/// What a new (or resynchronising) connection is sent first.
pub fn greeting(state: &AppState, id: &str, admin: bool) -> Vec<Push> {
    let elections = state.engine.read();
    let Some(election) = elections.get(id) else {
        return vec![];
    };
    let hello = ServerMessage::Hello {
        node_id: state.settings.node_id,
        server_time_ms: state.clock.now_ms(),
        lamport: state.lamport.current(),
        phase: election.phase,
        deadline_ms: election.deadline_ms,
        live_results: election.live_results,
        admin,
    };
    let mut messages = vec![hello.into()];
    messages.extend(tally(&state.frames, id, election));
    if admin {
        messages.push(
            ServerMessage::Queue {
                queue: state.votes.status(),
            }
            .into(),
        );
    }
    let checkpoint = state.checkpoints.latest(id);
    messages.extend(
        checkpoint
            .and_then(|c| state.frames.checkpoint(&c))
            .map(Push::Shared),
    );
    messages
}

/// The election's current tally push, shared by every viewer. The caller holds the engine's
/// read lock (taken before the frames' lock, always in that order).
pub fn tally(frames: &PublicFrames, id: &str, election: &Election) -> Option<Push> {
    frames
        .tally(id, election.last_seq, || ServerMessage::Tally {
            results: results_view(election),
        })
        .map(Push::Shared)
}

/// The pushes an event causes for this connection: made per connection for an admin (they
/// name voters), shared by all public viewers otherwise. The engine's lock is taken before
/// the frames' lock, the one order used everywhere.
pub fn event_pushes(
    state: &AppState,
    id: &str,
    event: &Arc<Event>,
    audience: Audience,
) -> Vec<Push> {
    let elections = state.engine.read();
    let Some(election) = elections.get(id) else {
        return vec![];
    };
    match audience {
        Audience::Admin => on_event(state, election, event, audience)
            .into_iter()
            .map(Push::Own)
            .collect(),
        Audience::Public => state
            .frames
            .event(id, event.seq, || on_event(state, election, event, audience))
            .iter()
            .cloned()
            .map(Push::Shared)
            .collect(),
    }
}

pub fn counts_change(event: &Event) -> bool {
    matches!(
        event.payload,
        EventPayload::VoteCast { .. }
            | EventPayload::VoterRegistered { .. }
            | EventPayload::VoterImported { .. }
            | EventPayload::ElectionDefined { .. }
            | EventPayload::CandidateAdded { .. }
            | EventPayload::LiveResultsSet { .. }
            | EventPayload::VotingStarted
            | EventPayload::VotingClosed { .. }
            | EventPayload::ResultsPublished
            | EventPayload::DeadlineSet { .. }
    )
}

/// The immediate pushes an event causes (the tally follows, coalesced).
fn on_event(
    state: &AppState,
    election: &Election,
    event: &Event,
    audience: Audience,
) -> Vec<ServerMessage> {
    let lamport = state.lamport.current().max(event.lamport);
    let mut messages = Vec::new();
    if let Some(notification) = render(event, election, audience) {
        messages.push(ServerMessage::Notification {
            notification,
            lamport,
        });
    }
    match &event.payload {
        EventPayload::DeadlineSet { .. }
        | EventPayload::LiveResultsSet { .. }
        | EventPayload::VotingStarted
        | EventPayload::VotingClosed { .. }
        | EventPayload::ResultsPublished => messages.push(ServerMessage::Phase {
            phase: election.phase,
            deadline_ms: election.deadline_ms,
            live_results: election.live_results,
            lamport,
        }),
        EventPayload::VoteCast { voter_id, .. }
        | EventPayload::VoterRegistered { voter_id, .. }
        | EventPayload::VoterImported { voter_id, .. }
            if audience == Audience::Admin =>
        {
            if let Some(record) = election.voters.get(voter_id) {
                messages.push(ServerMessage::Voter {
                    voter: election.voter_status(*voter_id, record),
                });
            }
        }
        _ => {}
    }
    messages
}
