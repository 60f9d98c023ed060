//! `POST /api/admin/elections/{id}/mail` queues invitations, reminders or results mails;
//! `GET` on the same route says where each stands. The leader's sender (`crate::mail`) does
//! the sending; here the request becomes replicated `queue_mail` entries.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use shared::ids::VoterId;
use shared::mail::{
    MailKind, MailQueuedResponse, MailRequest, MailState, MailStatus, MailStatusResponse,
    MailTarget,
};
use shared::EventPayload;

use super::extract::{Admin, AppJson, Scope};
use super::write::{route, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::credentials;
use crate::domain::mail::QueuedMail;
use crate::domain::{Command, DomainError, Election};
use shared::elections::LoginMethod;

/// Voters per log entry of one request (each with a credential hash for an invitation).
const CHUNK: usize = 2_000;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/admin/elections/{id}/mail", post(queue).get(status))
}

async fn queue(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<MailRequest>,
) -> Result<(StatusCode, Json<MailQueuedResponse>), ApiError> {
    if state.mail.is_none() {
        return Err(ApiError::MailNotConfigured);
    }
    let write = Write::new(&route("admin/mail", &id), &request, key);
    // The roll may have been imported through another member a moment ago.
    state.cluster.linearizable_barrier().await?;
    let (voters, login) = state.election(&id, |e| (meant(e, &request), e.options.login))?;
    let voters = voters?;
    if request.kind == MailKind::Invitation && login != LoginMethod::Credential {
        return Err(ApiError::InvitationWithoutCredentials);
    }
    let mut answer = MailQueuedResponse::default();
    // At least one part, so that a request that means nobody is still checked (phase) and
    // answered like any other.
    let chunks: Vec<&[(VoterId, bool)]> = match voters.is_empty() {
        true => vec![&[]],
        false => voters.chunks(CHUNK).collect(),
    };
    for (index, chunk) in chunks.into_iter().enumerate() {
        // A part is named by the request and its place, not by the voters it holds: a retry
        // that resolves "not sent" differently still gets the first answer.
        let part = write.part(index, &(&request, index));
        let mails = chunk
            .iter()
            .map(|&(voter_id, has_email)| QueuedMail {
                voter_id,
                credential_hash: (request.kind == MailKind::Invitation && has_email).then(|| {
                    let credential = credentials::derive(
                        &state.settings.session_secret,
                        &id,
                        "invitation",
                        &part.stamp.key,
                        voter_id as u64,
                    );
                    credentials::hash(&id, &credential)
                }),
            })
            .collect();
        let command = Command::QueueMail {
            kind: request.kind,
            mails,
        };
        for event in part.submit_in(&state, &id, command, 0).await?? {
            if let EventPayload::MailRequested {
                queued,
                skipped_no_email,
                already_queued,
                skipped_voted,
                ..
            } = event.payload
            {
                answer.queued += queued;
                answer.skipped_no_email += skipped_no_email;
                answer.already_queued += already_queued;
                answer.skipped_voted += skipped_voted;
            }
        }
    }
    Ok((StatusCode::ACCEPTED, Json(answer)))
}

/// The voters a request means, in voter-id order, each with whether they have an email.
fn meant(election: &Election, request: &MailRequest) -> Result<Vec<(VoterId, bool)>, ApiError> {
    if let Some(ids) = &request.voter_ids {
        if let Some(unknown) = ids.iter().find(|id| !election.voters.contains_key(id)) {
            return Err(DomainError::NoSuchVoter(*unknown).into());
        }
    }
    let only: Option<std::collections::HashSet<VoterId>> = request
        .voter_ids
        .as_ref()
        .map(|ids| ids.iter().copied().collect());
    let wanted = |id: &VoterId| only.as_ref().is_none_or(|ids| ids.contains(id));
    let never_sent = |id: &VoterId| {
        !election
            .mail
            .get(&(request.kind, *id))
            .is_some_and(|record| record.ever_sent)
    };
    Ok(election
        .voters
        .iter()
        .filter(|(id, _)| wanted(id))
        .filter(|(id, voter)| match request.to {
            MailTarget::All => true,
            MailTarget::NotSent => never_sent(id),
            MailTarget::NotVoted => voter.vote_seq.is_none(),
        })
        .map(|(id, voter)| (*id, voter.email.is_some()))
        .collect())
}

async fn status(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
) -> Result<Json<MailStatusResponse>, ApiError> {
    if state.mail.is_none() {
        return Err(ApiError::MailNotConfigured);
    }
    let answer = state.election(&id, |election| {
        let mut answer = MailStatusResponse {
            configured: true,
            ..MailStatusResponse::default()
        };
        for ((kind, voter_id), record) in &election.mail {
            match record.state {
                MailState::Queued => answer.queued += 1,
                MailState::Sent => answer.sent += 1,
                _ => answer.failed += 1,
            }
            let voter = election.voters.get(voter_id);
            answer.mails.push(MailStatus {
                voter_id: *voter_id,
                kind: *kind,
                state: record.state,
                generation: record.generation,
                attempts: record.attempts,
                last_error: record.last_error.clone(),
                sent_at_ms: record.sent_at_ms,
                name: voter.map(|v| v.name.clone()).unwrap_or_default(),
                email: voter.and_then(|v| v.email.clone()).unwrap_or_default(),
            });
        }
        answer
    })?;
    Ok(Json(answer))
}
