//! The leader's mail sender: takes the queued mails from the replicated state, sends each at
//! most `--mail-rate` per second through a few SMTP connections, and records what happened
//! with [`Command::RecordMail`].
//!
//! Only the leader sends. A mail is "in flight" from the moment this member takes it until its
//! outcome is committed; a member that stops leading sends nothing more, and the next leader
//! takes every mail whose outcome is not in the log, so a mail sent just before a leader died
//! may go out twice: the same message (same `Message-ID`, same credential), never none.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use openraft::async_runtime::WatchReceiver as _;
use shared::mail::{MailKind, MailState};
use shared::{EventPayload, Phase};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::compose::{self, letter, Facts};
use super::recorder::{self, InFlight};
use super::{Mailer, Outgoing, Sent};
use crate::cluster::{Cluster, Ledger};
use crate::credentials;
use crate::domain::mail::{allowed, Delivery};
use crate::domain::Election;
use crate::engine::Engine;
use crate::telemetry::Telemetry;

/// The longest wait before a passing failure is retried.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);

/// A mail, by name: election, kind, voter, generation.
pub(super) type MailName = (String, MailKind, u32, u32);
/// A mail's name, the attempt it was, and what happened.
pub(super) type Finished = (MailName, u32, Delivery);

/// Everything needed to send one mail, read from the state in one go.
struct Due {
    name: MailName,
    attempt: u32,
    email: String,
    voter_name: String,
    /// `Err` when the mail must not go out any more (the reason it failed).
    letter: Result<super::compose::Letter, String>,
}

/// Runs until `stop`: sends while this member leads. Sending and recording run side by side,
/// so a commit's round trip never holds up the next mail.
pub async fn run(
    engine: Engine,
    ledger: Ledger,
    cluster: Cluster,
    mailer: Arc<Mailer>,
    secret: Arc<[u8]>,
    telemetry: Telemetry,
    stop: CancellationToken,
) {
    let in_flight = InFlight::default();
    let (finished, outcomes) = mpsc::unbounded_channel();
    let handles = Handles {
        engine,
        ledger: ledger.clone(),
        cluster,
        mailer,
        secret,
        telemetry,
    };
    tokio::join!(
        send_due(handles, in_flight.clone(), finished, stop.clone()),
        recorder::run(ledger, outcomes, in_flight, stop),
    );
}

struct Handles {
    engine: Engine,
    ledger: Ledger,
    cluster: Cluster,
    mailer: Arc<Mailer>,
    secret: Arc<[u8]>,
    telemetry: Telemetry,
}

async fn send_due(
    handles: Handles,
    in_flight: InFlight,
    finished: mpsc::UnboundedSender<Finished>,
    stop: CancellationToken,
) {
    let Handles {
        engine,
        ledger,
        cluster,
        mailer,
        secret,
        telemetry,
    } = handles;
    let limiter = Arc::new(RateLimiter::direct(Quota::per_second(mailer.rate)));
    let mut events = engine.subscribe();
    let mut sending: JoinSet<Result<Finished, MailName>> = JoinSet::new();
    let mut outcomes_cache: HashMap<String, Vec<String>> = HashMap::new();
    // Whether the state may hold mails not yet taken: votes do not make mail due, so a busy
    // election's events do not make the sender look again.
    let mut look = true;
    // Leadership moves without an event in the log: Raft's metrics say when.
    let mut metrics = cluster.raft.metrics();
    let mut leading = cluster.is_leader();
    // The earliest time a mail that failed for a passing reason may be tried again.
    let mut next_retry: Option<i64> = None;
    loop {
        if look && cluster.is_leader() && sending.len() < mailer.connections {
            let now = ledger.now_ms();
            let room = mailer.connections - sending.len();
            let due = {
                let taken = in_flight.names();
                let elections = engine.read();
                let mut due = Vec::new();
                for (id, election) in elections.iter() {
                    if due.len() >= room {
                        break;
                    }
                    take_due(TakeDue {
                        id,
                        election,
                        now,
                        mailer: &mailer,
                        secret: &secret,
                        in_flight: &taken,
                        outcomes: &mut outcomes_cache,
                        room: room - due.len(),
                        into: &mut due,
                    });
                }
                next_retry = elections
                    .iter()
                    .flat_map(|(_, election)| election.mail.values())
                    .filter(|record| record.state == MailState::Queued)
                    .filter_map(|record| record.retry_at_ms)
                    .filter(|at| *at > now)
                    .min();
                due
            };
            for mail in due {
                in_flight.insert(mail.name.clone());
                let handles = (
                    mailer.clone(),
                    limiter.clone(),
                    ledger.clone(),
                    cluster.clone(),
                    telemetry.clone(),
                );
                sending.spawn(send(handles, secret.clone(), mail));
            }
        }
        look = true;
        let retry = async {
            match next_retry.filter(|_| leading) {
                Some(at) => {
                    let wait = at.saturating_sub(ledger.now_ms()).max(0) as u64;
                    tokio::time::sleep(Duration::from_millis(wait)).await
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            Some(done) = sending.join_next(), if !sending.is_empty() => {
                match done {
                    // The recorder ends only with `stop`, which ends this loop too.
                    Ok(Ok(outcome)) => drop(finished.send(outcome)),
                    Ok(Err(unsent)) => in_flight.remove([unsent]),
                    // A send task cannot panic short of a bug; its mail is taken again
                    // after a restart of the sender (it stays in flight until then).
                    Err(_) => {}
                }
            }
            received = events.recv() => match received {
                Ok(event) => look = makes_mail_due(&event.payload),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            },
            changed = metrics.changed() => {
                if changed.is_err() {
                    return;
                }
                // Only becoming the leader makes mail due here; other changes are frequent.
                let now_leading = cluster.is_leader();
                look = now_leading && !leading;
                leading = now_leading;
            }
            () = retry => next_retry = None,
            _ = stop.cancelled() => return,
        }
    }
}

/// Whether an event can make a mail due (or stop one being worth sending).
fn makes_mail_due(payload: &EventPayload) -> bool {
    matches!(
        payload,
        EventPayload::MailQueued { .. }
            | EventPayload::MailFailed { .. }
            | EventPayload::VotingClosed { .. }
            | EventPayload::ResultsPublished
            | EventPayload::CredentialIssued { .. }
    )
}

/// Waits for the rate limiter, then sends (or reports a mail that must not go out); gives the
/// mail back unsent when this member no longer leads.
async fn send(
    (mailer, limiter, ledger, cluster, telemetry): (
        Arc<Mailer>,
        Arc<DefaultDirectRateLimiter>,
        Ledger,
        Cluster,
        Telemetry,
    ),
    secret: Arc<[u8]>,
    due: Due,
) -> Result<Finished, MailName> {
    let letter = match due.letter {
        Ok(letter) => letter,
        Err(error) => return Ok((due.name, due.attempt, Delivery::Failed { error })),
    };
    limiter.until_ready().await;
    if !cluster.is_leader() {
        // Leadership moved while this mail waited its turn: the new leader sends it.
        return Err(due.name);
    }
    let (election, kind, voter_id, generation) = &due.name;
    let outgoing = Outgoing {
        election,
        voter_id: *voter_id,
        kind: *kind,
        generation: *generation,
        name: &due.voter_name,
        email: &due.email,
        letter,
    };
    let started = std::time::Instant::now();
    let sent = mailer.send(&secret, &outgoing).await;
    let outcome = match &sent {
        Sent::Accepted => "sent",
        Sent::Passing(_) => "deferred",
        Sent::Refused(_) => "failed",
    };
    telemetry.mail_attempt(outcome, started.elapsed());
    let result = match sent {
        Sent::Accepted => Delivery::Sent,
        Sent::Refused(error) => Delivery::Failed { error },
        Sent::Passing(error) => {
            // 1×, 2×, 4×, … the first wait, up to an hour.
            let factor = 1u32 << due.attempt.saturating_sub(1).min(16);
            let wait = mailer.retry.saturating_mul(factor).min(MAX_BACKOFF);
            let retry_at_ms = ledger.now_ms().saturating_add(wait.as_millis() as i64);
            Delivery::Deferred { error, retry_at_ms }
        }
    };
    Ok((due.name, due.attempt, result))
}

struct TakeDue<'a> {
    id: &'a str,
    election: &'a Election,
    now: i64,
    mailer: &'a Mailer,
    secret: &'a [u8],
    in_flight: &'a HashSet<MailName>,
    outcomes: &'a mut HashMap<String, Vec<String>>,
    room: usize,
    into: &'a mut Vec<Due>,
}

/// Up to `room` mails of one election that are due, oldest queued first.
fn take_due(take: TakeDue<'_>) -> usize {
    let election = take.election;
    // This election's mails in flight (a handful), to skip without allocating per record.
    let taken: HashSet<(MailKind, u32, u32)> = take
        .in_flight
        .iter()
        .filter(|name| name.0 == take.id)
        .map(|(_, kind, voter, generation)| (*kind, *voter, *generation))
        .collect();
    let mut waiting: Vec<_> = election
        .mail
        .iter()
        .filter(|(_, record)| record.state == MailState::Queued)
        .filter(|(_, record)| record.retry_at_ms.is_none_or(|at| at <= take.now))
        .filter(|((kind, voter), record)| !taken.contains(&(*kind, *voter, record.generation)))
        .collect();
    // Only the `room` oldest are wanted: select them before sorting (the queue may be long).
    if waiting.len() > take.room {
        waiting.select_nth_unstable_by_key(take.room, |(_, record)| record.queued_seq);
        waiting.truncate(take.room);
    }
    waiting.sort_by_key(|(_, record)| record.queued_seq);
    let mut facts = Facts {
        election_id: take.id.to_string(),
        title: election.title.clone(),
        deadline_ms: election.deadline_ms,
        public_url: take.mailer.public_url.clone(),
        outcome: Vec::new(),
        language: election.language.unwrap_or_default(),
    };
    if election.phase == Phase::Published
        && waiting.iter().any(|((k, _), _)| *k == MailKind::Results)
    {
        facts.outcome = take
            .outcomes
            .entry(take.id.to_string())
            .or_insert_with(|| outcome_lines(election))
            .clone();
    }
    let mut taken = 0;
    for ((kind, voter_id), record) in waiting.into_iter().take(take.room) {
        let voter = election.voters.get(voter_id);
        let email = voter.and_then(|v| v.email.clone()).unwrap_or_default();
        let letter = if !allowed(*kind, election.phase) {
            Err(format!(
                "not sent: the election is {} now",
                election.phase.as_str()
            ))
        } else {
            match (kind, &record.credential_key) {
                (MailKind::Invitation, Some(key)) => {
                    let credential = credentials::derive(
                        take.secret,
                        take.id,
                        "invitation",
                        key,
                        *voter_id as u64,
                    );
                    let current = voter.and_then(|v| v.credential_hash.as_deref());
                    if current == Some(credentials::hash(take.id, &credential).as_str()) {
                        Ok(letter(*kind, &facts, Some(&credential), record.generation))
                    } else {
                        // Never mail a credential that would not work.
                        Err("not sent: the voter's credential was replaced after this \
                             invitation was queued; send a new one"
                            .to_string())
                    }
                }
                (MailKind::Invitation, None) => Err("not sent: no credential".to_string()),
                _ => Ok(letter(*kind, &facts, None, record.generation)),
            }
        };
        take.into.push(Due {
            name: (take.id.to_string(), *kind, *voter_id, record.generation),
            attempt: record.attempts.saturating_add(1),
            email,
            voter_name: voter.map(|v| v.name.clone()).unwrap_or_default(),
            letter,
        });
        taken += 1;
    }
    taken
}

/// "Question: winner, winner" for each question of a published election.
fn outcome_lines(election: &Election) -> Vec<String> {
    let language = election.language.unwrap_or_default();
    let results = crate::projections::results::question_results(election);
    election
        .questions
        .iter()
        .zip(results)
        .map(|(question, result)| {
            let names: Vec<String> = result
                .winners
                .iter()
                .filter_map(|id| question.candidates.get((*id as usize).checked_sub(1)?))
                .map(|candidate| candidate.name.clone())
                .collect();
            let title = match question.title.is_empty() {
                true => compose::elected(language),
                false => question.title.clone(),
            };
            match names.is_empty() {
                true => format!("{title}: {}", compose::no_winner(language)),
                false => format!("{title}: {}", names.join(", ")),
            }
        })
        .collect()
}
