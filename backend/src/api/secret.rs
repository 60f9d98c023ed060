//! Verifiable elections over HTTP: naming trustees (admin), the public view of the keys and
//! the tally, and the trustees' own routes (their token in `Authorization: Bearer`).
//!
//! A trustee route with a wrong token counts as a failed attempt for the address's limiter,
//! like a wrong credential: tokens are 256 bits, but guessing should still be slow.

use axum::extract::DefaultBodyLimit;
use axum::extract::{FromRequestParts, State};
use axum::http::{header, request::Parts, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use shared::events::TrusteeRecord;
use shared::secrecy::ceremony::{Commitment, Polynomial};
use shared::secrecy::wire::{
    DecryptionRequest, SealedQuestion, SecrecyView, SharesRequest, TrusteeAccepted, TrusteeCreated,
    TrusteeMe, TrusteeView, TrusteesCreated, TrusteesRequest,
};
use shared::secrecy::Opaque;

use super::extract::{Admin, AppJson, Scope};
use super::write::{route, trustee_token, ClientKey, Write};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::names::normalise_name;
use crate::domain::secret::TrusteePart;
use crate::domain::{Command, DomainError, Election};
use crate::secrets::session_hash;

/// A trustee's decryption or a sealed ballot of many options outgrows the API's usual 64 KiB.
pub const MAX_SECRET_BODY_BYTES: usize = 1024 * 1024;

pub fn router(state: &AppState) -> Router<AppState> {
    let trustee = Router::new()
        .route("/api/elections/{id}/trustee", get(me))
        .route("/api/elections/{id}/trustee/commitment", post(commitment))
        .route("/api/elections/{id}/trustee/polynomial", post(polynomial))
        .route("/api/elections/{id}/trustee/shares", post(shares))
        .route("/api/elections/{id}/trustee/decryption", post(decryption))
        .route_layer(axum::middleware::from_fn_with_state(
            state.limits.clone(),
            super::limits::limit_failed_attempts,
        ));
    Router::new()
        .route("/api/admin/elections/{id}/trustees", post(name_trustees))
        .route("/api/elections/{id}/secrecy", get(view))
        .merge(trustee)
        .layer(DefaultBodyLimit::max(MAX_SECRET_BODY_BYTES))
}

async fn name_trustees(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    key: ClientKey,
    AppJson(request): AppJson<TrusteesRequest>,
) -> Result<(StatusCode, Json<TrusteesCreated>), ApiError> {
    // Only the tokens' hashes go to the log; the tokens are derived from the write's key, so a
    // retry (same key) is answered with the same tokens.
    let write = Write::new(&route("admin/trustees", &id), &request, key);
    let mut records = Vec::new();
    let mut created = Vec::new();
    for (spec, trustee_id) in request.trustees.iter().zip(1..) {
        let name = normalise_name(&spec.name).map_err(|_| DomainError::InvalidElection {
            field: format!("trustees[{}].name", trustee_id - 1),
            problem: "must be 1 to 100 visible characters".into(),
        })?;
        let email = spec.email.as_ref().map(|e| e.trim().to_string());
        if email
            .as_ref()
            .is_some_and(|e| e.len() > 254 || !e.contains('@'))
        {
            return Err(DomainError::InvalidElection {
                field: format!("trustees[{}].email", trustee_id - 1),
                problem: "is not an email address".into(),
            }
            .into());
        }
        let token = trustee_token(&state.settings.session_secret, &write.stamp.key, trustee_id);
        records.push(TrusteeRecord {
            trustee_id,
            name: name.clone(),
            email,
            token_hash: session_hash(&token),
        });
        created.push(TrusteeCreated {
            trustee_id,
            name,
            link: format!("/e/{id}/trustee#token={token}"),
            token,
            mailed: false,
        });
    }
    let command = Command::NameTrustees {
        threshold: request.threshold,
        trustees: records,
    };
    let events = write.submit_in(&state, &id, command, 0).await??;
    state
        .caught_up(&id, events.last().map_or(0, |e| e.seq))
        .await?;
    if let Some(mailer) = &state.mail {
        mail_links(&state, mailer, &id, &request, &mut created).await?;
    }
    Ok((
        StatusCode::CREATED,
        Json(TrusteesCreated {
            trustees: created,
            threshold: request.threshold,
        }),
    ))
}

/// Mails each trustee with an address their link, and takes the mailed links out of the
/// answer: the admin sees only the links that did not go out (to hand over themselves).
async fn mail_links(
    state: &AppState,
    mailer: &crate::mail::Mailer,
    id: &str,
    request: &TrusteesRequest,
    created: &mut [TrusteeCreated],
) -> Result<(), ApiError> {
    let facts = state.election(id, |election| crate::mail::compose::Facts {
        election_id: id.to_string(),
        title: election.title.clone(),
        public_url: mailer.public_url.clone(),
        language: election.language.unwrap_or_default(),
        ..Default::default()
    })?;
    let params = (request.trustees.len(), request.threshold);
    let sends = created
        .iter()
        .zip(&request.trustees)
        .filter_map(|(trustee, spec)| Some((trustee, spec.email.as_deref()?.trim())))
        .map(|(trustee, email)| {
            let link = format!("{}{}", mailer.public_url, trustee.link);
            let letter = crate::mail::trustee::letter(&facts, &link, params);
            let tag = format!(
                "{id}.trustee.{}.{}",
                trustee.trustee_id,
                &trustee.token[..8]
            );
            let secret = state.settings.session_secret.clone();
            let (trustee_id, name) = (trustee.trustee_id, trustee.name.clone());
            let email = email.to_string();
            async move {
                let sent = tokio::time::timeout(
                    std::time::Duration::from_secs(20),
                    mailer.send_direct(&secret, &tag, (&name, &email), &letter),
                )
                .await;
                (trustee_id, matches!(sent, Ok(crate::mail::Sent::Accepted)))
            }
        });
    let outcomes: Vec<(u32, bool)> = futures_util::future::join_all(sends).await;
    for trustee in created.iter_mut() {
        let mailed = outcomes
            .iter()
            .any(|(id, sent)| *sent && *id == trustee.trustee_id);
        if mailed {
            trustee.mailed = true;
            trustee.token.clear();
            trustee.link.clear();
        }
    }
    Ok(())
}

/// Everything public about the election's keys and tally.
async fn view(
    State(state): State<AppState>,
    Scope(id): Scope,
) -> Result<Json<SecrecyView>, ApiError> {
    Ok(Json(state.election(&id, secrecy_view)?))
}

pub fn secrecy_view(election: &Election) -> SecrecyView {
    let secret = &election.secret;
    let closed = election.phase >= shared::Phase::Closed;
    SecrecyView {
        secrecy: election.options.secrecy,
        stage: secret.stage(election.phase),
        threshold: secret.threshold,
        trustees: secret
            .trustees
            .iter()
            .map(|t| TrusteeView {
                trustee_id: t.record.trustee_id,
                name: t.record.name.clone(),
                commitment: t.commitment.clone(),
                polynomial: t.polynomial.clone(),
                shares: t.shares.clone(),
                decrypted: t.decryption.is_some(),
            })
            .collect(),
        key: secret.key.clone(),
        questions: election.questions.iter().map(SealedQuestion::of).collect(),
        ballots: election.total_votes(),
        tally: secret.tally.clone(),
        missing: match (closed, &secret.sums) {
            (true, None) => secret
                .trustees
                .iter()
                .filter(|t| t.decryption.is_none())
                .map(|t| t.record.trustee_id)
                .collect(),
            _ => Vec::new(),
        },
    }
}

/// The trustee's token, from `Authorization: Bearer`, as its hash.
pub struct TrusteeToken(String);

impl<S: Send + Sync> FromRequestParts<S> for TrusteeToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|token| !token.is_empty() && token.len() <= 128)
            .ok_or(DomainError::BadTrusteeToken)?;
        Ok(TrusteeToken(session_hash(token)))
    }
}

/// Whether the token names a trustee of election `id`. The trustees may have been named
/// through another replica and not be applied here yet: catch up with the leader before
/// calling a token (or the election) unknown.
async fn trustee_known(state: &AppState, id: &str, token_hash: &str) -> Result<bool, ApiError> {
    let lookup = || state.election(id, |e| e.secret.trustee_by_token(token_hash).is_some());
    if let Ok(true) = lookup() {
        return Ok(true);
    }
    state.cluster.linearizable_barrier().await?;
    lookup()
}

async fn me(
    State(state): State<AppState>,
    Scope(id): Scope,
    TrusteeToken(hash): TrusteeToken,
) -> Result<Json<TrusteeMe>, ApiError> {
    trustee_known(&state, &id, &hash).await?;
    let me = state.election(&id, |election| {
        let secret = &election.secret;
        secret.trustee_by_token(&hash).map(|t| TrusteeMe {
            election_id: id.clone(),
            trustee_id: t.record.trustee_id,
            name: t.record.name.clone(),
            trustees: secret.trustees.len() as u32,
            threshold: secret.threshold,
        })
    })?;
    Ok(Json(me.ok_or(DomainError::BadTrusteeToken)?))
}

async fn commitment(
    State(state): State<AppState>,
    Scope(id): Scope,
    token: TrusteeToken,
    key: ClientKey,
    AppJson(commitment): AppJson<Commitment>,
) -> Result<Json<TrusteeAccepted>, ApiError> {
    submit(
        &state,
        &id,
        token,
        key,
        TrusteePart::Commitment { commitment },
    )
    .await
}

async fn polynomial(
    State(state): State<AppState>,
    Scope(id): Scope,
    token: TrusteeToken,
    key: ClientKey,
    AppJson(polynomial): AppJson<Polynomial>,
) -> Result<Json<TrusteeAccepted>, ApiError> {
    let part = TrusteePart::Polynomial {
        polynomial: Opaque(polynomial),
    };
    submit(&state, &id, token, key, part).await
}

async fn shares(
    State(state): State<AppState>,
    Scope(id): Scope,
    token: TrusteeToken,
    key: ClientKey,
    AppJson(request): AppJson<SharesRequest>,
) -> Result<Json<TrusteeAccepted>, ApiError> {
    let part = TrusteePart::Shares {
        shares: request.shares,
    };
    submit(&state, &id, token, key, part).await
}

async fn decryption(
    State(state): State<AppState>,
    Scope(id): Scope,
    token: TrusteeToken,
    key: ClientKey,
    AppJson(request): AppJson<DecryptionRequest>,
) -> Result<Json<TrusteeAccepted>, ApiError> {
    let part = TrusteePart::Decryption {
        shares: request.shares,
    };
    submit(&state, &id, token, key, part).await
}

/// Commits a trustee's part; the domain checks the token, the round and the proofs.
async fn submit(
    state: &AppState,
    id: &str,
    TrusteeToken(token_hash): TrusteeToken,
    key: ClientKey,
    part: TrusteePart,
) -> Result<Json<TrusteeAccepted>, ApiError> {
    // A wrong token is refused here, without a Raft entry (and counted by the limiter).
    if !trustee_known(state, id, &token_hash).await? {
        return Err(DomainError::BadTrusteeToken.into());
    }
    let write = Write::new(&route("trustee", id), &(&token_hash, &part), key);
    let command = Command::Trustee { token_hash, part };
    let events = write.submit_in(state, id, command, 0).await??;
    state
        .caught_up(id, events.last().map_or(0, |e| e.seq))
        .await?;
    let stage = state.election(id, |e| e.secret.stage(e.phase))?;
    Ok(Json(TrusteeAccepted {
        accepted: true,
        stage,
    }))
}
