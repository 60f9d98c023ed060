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
    let voter_id = {
        let election = state.engine.read();
        let voter_id = election
            .voter_for_session(&hash)
            .ok_or(DomainError::BadSession)?;
        if election
            .voters
            .get(&voter_id)
            .is_some_and(|v| v.vote_seq.is_some())
        {
            return Err(DomainError::AlreadyVoted.into());
        }
        voter_id
    };
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
    let events = decision?;
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

/// The queue's worker: commits one vote and hands the outcome back to the waiting handler.
pub async fn process_vote(state: AppState, job: VoteJob) {
    let outcome = state.commit(job.envelope).await;
    // The client may have gone; the vote still stands if it was committed.
    let _ = job.reply.send(outcome);
}
