//! The ballot: candidates, the server's time, and casting a vote through the queue.

use std::time::{Duration, Instant};

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use shared::ballots::Answers;
use shared::dto::{OptionsResponse, TimeResponse, VoteRequest, VoteResponse};
use shared::secrecy::ballot::{SealedBallot, Shape};
use shared::{Event, EventPayload};
use tokio::sync::oneshot;

use super::extract::{AppJson, Scope};
use super::write::{ballot_id, route, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::{AppState, VoteJob};
use crate::cluster::{Ledger, LedgerError};
use crate::domain::{Command, DomainError};
use crate::queue::PushError;
use crate::secrets::session_hash;
use crate::telemetry::Telemetry;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/options", get(options))
        .route("/api/time", get(time))
        .route("/api/vote", post(vote))
        .route("/api/elections/{id}/options", get(options))
        .route("/api/elections/{id}/vote", post(vote))
        // A sealed ballot carries its proofs: a few KiB per question.
        .layer(axum::extract::DefaultBodyLimit::max(
            super::secret::MAX_SECRET_BODY_BYTES,
        ))
}

async fn options(
    State(state): State<AppState>,
    Scope(id): Scope,
) -> Result<Json<OptionsResponse>, ApiError> {
    let candidates = state.election(&id, |e| e.candidate_list())?;
    Ok(Json(OptionsResponse { candidates }))
}

async fn time(State(state): State<AppState>) -> Json<TimeResponse> {
    Json(TimeResponse {
        server_time_ms: state.clock.now_ms(),
        lamport: state.lamport.merge(0),
    })
}

/// How long a vote's handler waits for its answer (queue plus commit) before answering 503.
/// The vote stays queued and may still be counted: a retry with the same key learns its fate.
pub const VOTE_ANSWER_TIMEOUT: Duration = Duration::from_secs(15);

/// What makes two vote requests the same vote (the client's Lamport time honestly moves
/// between retries, so it is not part of it).
#[derive(Serialize)]
struct VoteIdentity<'a> {
    session: &'a str,
    candidate_id: u32,
    click_time_ms: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<&'a Answers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sealed: Option<&'a SealedBallot>,
}

async fn vote(
    State(state): State<AppState>,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<VoteRequest>,
) -> Result<Json<VoteResponse>, ApiError> {
    state.lamport.admit(request.lamport)?;
    let identity = VoteIdentity {
        session: &request.session,
        candidate_id: request.candidate_id.unwrap_or(0),
        click_time_ms: request.click_time_ms,
        answers: request.answers.as_ref(),
        sealed: request.sealed.as_ref(),
    };
    let write = Write::new(&route("vote", &id), &identity, key);
    if let Some(first) = write.remembered(&state).await? {
        return receipt(&state, first?).await;
    }
    let hash = session_hash(&request.session);
    // Refuse the obvious cases before queueing, so they never take a worker's place. The domain
    // checks them again when the vote is decided, against the then-current state.
    let lookup = |state: &AppState| {
        state.election(&id, |election| {
            let voter_id = election.voter_for_session(&hash)?;
            let voted = election
                .voters
                .get(&voter_id)
                .is_some_and(|v| v.vote_seq.is_some());
            // With re-voting, a second vote is a vote like the first.
            Some((voter_id, voted && !election.options.revoting))
        })
    };
    let mut found = lookup(&state)?;
    if found.is_none() {
        // The login may have been committed through another replica and not be applied here
        // yet: catch up with the leader before calling the session unknown.
        state.cluster.linearizable_barrier().await?;
        found = lookup(&state)?;
    }
    let (voter_id, already_voted) = found.ok_or(DomainError::BadSession)?;
    if already_voted {
        // Whatever this request holds, a voter who voted gets the same refusal: the answer
        // must not depend on what the recorded vote was. Only the original key gets the
        // original receipt (applied here just now, between the two reads above).
        if let Some(first) = write.remembered(&state).await? {
            return receipt(&state, first?).await;
        }
        return Err(DomainError::AlreadyVoted.into());
    }
    // A ballot its questions do not take is refused here, before it queues (and again when
    // decided).
    let candidate_id = request.candidate_id.unwrap_or(0);
    match &request.sealed {
        Some(sealed) => check_proofs(&state, &id, sealed).await?,
        None => state.election(&id, |election| {
            election.check_sealed(None)?;
            election
                .check_cast(candidate_id, request.answers.as_ref())
                .map(|_| ())
        })??,
    }
    // Stamped on receipt: the grace window is measured from when the vote arrived, not from
    // when a worker got to it. The queue orders by the stamped Lamport time, which the node
    // owns, so a client cannot jump the queue by sending a huge one.
    let command = Command::CastVote {
        session_hash: hash,
        candidate_id,
        answers: request.answers,
        click_time_ms: request.click_time_ms,
        grace_ms: state.settings.grace_ms,
        ballot_id: ballot_id(&state.settings.session_secret, &write.stamp.key),
        sealed: request.sealed,
    };
    let mut envelope = state.stamp(command, request.lamport).in_election(&id);
    envelope.idempotency = Some(write.stamp);
    let (reply, answer) = oneshot::channel();
    let lamport = envelope.lamport;
    state
        .votes
        .push_in(&id, lamport, voter_id, VoteJob { envelope, reply })
        .map_err(|refused| match refused {
            PushError::Full => ApiError::QueueFull {
                retry_after_secs: 1,
            },
            PushError::VoterWaiting => ApiError::VotePending,
        })?;
    let decision = match tokio::time::timeout(VOTE_ANSWER_TIMEOUT, answer).await {
        Ok(Ok(outcome)) => outcome?,
        Ok(Err(_)) => {
            return Err(LedgerError::Unavailable("the vote queue has stopped".into()).into())
        }
        Err(_) => {
            let waited = VOTE_ANSWER_TIMEOUT.as_secs();
            return Err(LedgerError::Unavailable(format!("no answer within {waited} s")).into());
        }
    };
    receipt(&state, decision?).await
}

/// The answer to an accepted vote.
/// The answer to an accepted vote, with its receipt: the ballot's place in the public log and
/// a checkpoint this member signed that includes it (a retry gets a newer checkpoint of the
/// same ballot).
async fn receipt(state: &AppState, events: Vec<Event>) -> Result<Json<VoteResponse>, ApiError> {
    let Some(
        event @ Event {
            payload: EventPayload::VoteCast {
                ballot_id, sealed, ..
            },
            ..
        },
    ) = events.first()
    else {
        return Err(anyhow::anyhow!("a vote produced no vote_cast event").into());
    };
    state.lamport.observe(event.lamport);
    state.caught_up(&event.election_id, event.seq).await?;
    let receipt = match ballot_id {
        Some(ballot_id) => {
            super::checkpoint::receipt(state, &event.election_id, ballot_id, event.time_ms)?
        }
        None => None,
    };
    Ok(Json(VoteResponse {
        accepted: true,
        seq: event.seq,
        lamport: state.lamport.current(),
        receipt,
        tracking_code: sealed.as_ref().map(SealedBallot::tracking_code),
    }))
}

/// A sealed ballot's place and proofs, checked before it queues: the proofs on a blocking
/// thread (a millisecond or so per question), so they never hold up the node's other work.
/// Apply checks the place again, not the proofs (see `domain::secret`).
async fn check_proofs(state: &AppState, id: &str, sealed: &SealedBallot) -> Result<(), ApiError> {
    let read = || {
        state.election(id, |election| {
            let shapes: Vec<Shape> = election.questions.iter().map(Shape::of).collect();
            (election.secret.key.clone(), shapes)
        })
    };
    let (mut key, mut shapes) = read()?;
    if key.is_none() {
        // The key may have been published through another replica and not be applied here yet.
        state.cluster.linearizable_barrier().await?;
        (key, shapes) = read()?;
    }
    state.election(id, |election| election.check_sealed(Some(sealed)))??;
    let key = key.ok_or_else(|| DomainError::TrusteesPending("no election key yet".into()))?;
    let (election, sealed) = (id.to_string(), sealed.clone());
    let checked = tokio::task::spawn_blocking(move || {
        shared::secrecy::ballot::verify(key.0.shared_key(), &election, &shapes, &sealed)
    })
    .await
    .map_err(|e| anyhow::anyhow!("checking a sealed ballot: {e}"))?;
    checked.map_err(|e| DomainError::InvalidProof(e.to_string()))?;
    Ok(())
}

/// The queue's worker: commits a batch of votes and hands each outcome back to its waiting
/// handler, recording the batch's size and commit time. It needs only the ledger and the
/// node's metrics, so the queue is built before the state that holds it.
pub fn vote_worker(
    ledger: Ledger,
    telemetry: Telemetry,
) -> impl Fn(Vec<VoteJob>) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>
       + Send
       + Sync
       + 'static {
    move |jobs: Vec<VoteJob>| {
        let ledger = ledger.clone();
        let telemetry = telemetry.clone();
        Box::pin(async move {
            let (envelopes, replies): (Vec<_>, Vec<_>) = jobs
                .into_iter()
                .map(|job| (job.envelope, job.reply))
                .unzip();
            // One entry for the whole batch; each vote is decided on its own.
            let size = envelopes.len();
            let started = Instant::now();
            let outcome = ledger.commit_all(envelopes).await;
            let accepted = outcome
                .as_ref()
                .ok()
                .map(|decisions| decisions.iter().filter(|d| d.is_ok()).count());
            telemetry.vote_batch(size, started.elapsed(), accepted);
            crate::cluster::batcher::answer_each(replies, outcome);
        })
    }
}
