//! The ballot: candidates, the server's time, and casting a vote through the queue.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use shared::dto::{OptionsResponse, TimeResponse, VoteRequest, VoteResponse};
use shared::EventPayload;
use tokio::sync::oneshot;

use super::extract::AppJson;
use crate::domain::{Command, DomainError};
use crate::error::ApiError;
use crate::ledger::LedgerError;
use crate::state::{session_hash, AppState, VoteJob};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/options", get(options))
        .route("/api/time", get(time))
        .route("/api/vote", post(vote))
}

async fn options(State(state): State<AppState>) -> Json<OptionsResponse> {
    Json(OptionsResponse {
        candidates: state.engine.read().candidate_list(),
    })
}

async fn time(State(state): State<AppState>) -> Json<TimeResponse> {
    Json(TimeResponse {
        server_time_ms: state.clock.now_ms(),
        lamport: state.lamport.merge(0),
    })
}

async fn vote(
    State(state): State<AppState>,
    AppJson(request): AppJson<VoteRequest>,
) -> Result<Json<VoteResponse>, ApiError> {
    let hash = session_hash(&request.session);
    // Refuse the obvious cases before queueing, so they never take a worker's place. The domain
    // checks them again when the vote is decided, against the then-current state.
    let lookup = |state: &AppState| {
        let election = state.engine.read();
        let voter_id = election.voter_for_session(&hash)?;
        Some((
            voter_id,
            election
                .voters
                .get(&voter_id)
                .is_some_and(|v| v.vote_seq.is_some()),
        ))
    };
    let mut found = lookup(&state);
    if found.is_none() {
        // The login may have been committed through another replica and not be applied here
        // yet: catch up with the leader before calling the session unknown.
        state.cluster.linearizable_barrier().await?;
        found = lookup(&state);
    }
    let (voter_id, already_voted) = found.ok_or(DomainError::BadSession)?;
    if already_voted {
        return same_vote_again(&state, voter_id, &request).await;
    }
    // Stamped on receipt: the grace window is measured from when the vote arrived, not from
    // when a worker got to it.
    let command = Command::CastVote {
        session_hash: hash,
        candidate_id: request.candidate_id,
        click_time_ms: request.click_time_ms,
        grace_ms: state.settings.grace_ms,
    };
    let envelope = state.stamp(command, request.lamport);
    let (reply, answer) = oneshot::channel();
    state
        .votes
        .push(request.lamport, voter_id, VoteJob { envelope, reply })
        .map_err(|_| ApiError::QueueFull {
            retry_after_secs: 1,
        })?;
    let decision = answer
        .await
        .map_err(|_| LedgerError::Unavailable("the vote queue has stopped".into()))??;
    let events = match decision {
        Ok(events) => events,
        Err(DomainError::AlreadyVoted) => return same_vote_again(&state, voter_id, &request).await,
        Err(refused) => return Err(refused.into()),
    };
    match events.first() {
        Some(
            event @ shared::Event {
                payload: EventPayload::VoteCast { .. },
                ..
            },
        ) => {
            state.lamport.observe(event.lamport);
            Ok(Json(VoteResponse {
                accepted: true,
                seq: event.seq,
                lamport: state.lamport.current(),
            }))
        }
        _ => Err(anyhow::anyhow!("a vote produced no vote_cast event").into()),
    }
}

/// A vote refused as "already voted" may be this very vote, committed on an earlier attempt
/// whose answer was lost (a leader change, a retrying client). If the voter's recorded vote is
/// the same choice with the same click time, answer as for the first attempt.
async fn same_vote_again(
    state: &AppState,
    voter_id: u32,
    request: &VoteRequest,
) -> Result<Json<VoteResponse>, ApiError> {
    let vote_seq = state
        .engine
        .read()
        .voters
        .get(&voter_id)
        .and_then(|v| v.vote_seq);
    let Some(seq) = vote_seq else {
        return Err(DomainError::AlreadyVoted.into());
    };
    let recorded = crate::store::events_after(state.engine.pool(), seq - 1, 1).await?;
    match recorded.first() {
        Some(
            event @ shared::Event {
                payload:
                    EventPayload::VoteCast {
                        candidate_id,
                        click_time_ms,
                        ..
                    },
                ..
            },
        ) if *candidate_id == request.candidate_id && *click_time_ms == request.click_time_ms => {
            Ok(Json(VoteResponse {
                accepted: true,
                seq: event.seq,
                lamport: state.lamport.current(),
            }))
        }
        _ => Err(DomainError::AlreadyVoted.into()),
    }
}

/// The queue's worker: commits one vote and hands the outcome back to the waiting handler.
pub async fn process_vote(state: AppState, job: VoteJob) {
    let outcome = state.commit(job.envelope).await;
    // The client may have gone; the vote still stands if it was committed.
    let _ = job.reply.send(outcome);
}
